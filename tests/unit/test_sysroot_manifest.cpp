// A manifest survives a round trip and a broken one is reported by name.
#include <doctest/doctest.h>

#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/sysroot/manifest.hpp"
#include "xstatic/sysroot/recipe.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::sysroot;

TEST_CASE("a manifest round-trips through JSON") {
  Manifest m{"arm64-musl",
             "linux/arm64",
             "musl",
             "arm64",
             "aarch64-linux-musl",
             "0.1.0",
             {{"musl-dev", "1.2.3-1", "arm64", "55c2"}},
             recipe_fingerprint(target::Libc::musl),
             ""};
  Manifest back = parse_manifest(to_json(m), "test");
  CHECK(to_json(back) == to_json(m));
  CHECK(back.packages.at(0).name == "musl-dev");
  CHECK(back.recipe_fingerprint == m.recipe_fingerprint);
  CHECK(is_current(back));
}

TEST_CASE("a manifest from before fingerprints reads as outdated, one of another recipe too") {
  const char* old = R"({"name":"amd64-musl","target":"linux/amd64","libc":"musl","debian_arch":"amd64",
    "triple":"x86_64-linux-musl","xstatic_version":"0.1.0",
    "packages":[{"name":"musl-dev","version":"1","architecture":"amd64","sha256":"ab"}]})";
  Manifest m = parse_manifest(old, "old");
  CHECK(m.recipe_fingerprint.empty());
  CHECK_FALSE(is_current(m));
  CHECK(to_json(m).find("recipe_fingerprint") == std::string::npos);  // unknown stays unknown
  m.recipe_fingerprint = recipe_fingerprint(target::Libc::glibc);     // another libc's recipe
  CHECK_FALSE(is_current(m));
  m.recipe_fingerprint = recipe_fingerprint(target::Libc::musl);
  CHECK(is_current(m));
}

TEST_CASE("packages added with 'sysroot add' are told apart, and the update command re-adds them") {
  Manifest m{"amd64-glibc", "linux/amd64", "glibc", "amd64", "x86_64-linux-gnu", "0.1.0", {}, "1:old", ""};
  for (const auto& p : recipe_for(target::Libc::glibc).packages)
    m.packages.push_back({p, "1", "amd64", "ab"});
  auto t = target::parse("linux/amd64", target::Libc::glibc);
  CHECK(added_packages(m).empty());
  CHECK(upgrade_command(m, t) == install_command(t));
  m.packages.push_back({"zlib1g-dev", "1", "amd64", "cd"});
  CHECK(added_packages(m) == std::vector<std::string>{"zlib1g-dev"});
  CHECK(upgrade_command(m, t) ==
        "xstatic sysroot remove linux/amd64 --libc glibc && xstatic sysroot add linux/amd64 --libc glibc "
        "zlib1g-dev");
}

TEST_CASE("a manifest without packages is refused with its origin") {
  CHECK_THROWS_WITH_AS(parse_manifest(R"({"name":"x"})", "/s/manifest.json"),
                       doctest::Contains("/s/manifest.json"), Error);
}

TEST_CASE("try_read_manifest: nullopt for a missing or damaged manifest, the manifest otherwise") {
  testing::ScratchDir scratch;
  auto file = scratch.path / "manifest.json";
  CHECK_FALSE(try_read_manifest(file));
  std::ofstream(file) << R"({"name":"x"})";
  CHECK_FALSE(try_read_manifest(file));
  Manifest m{"arm64-musl",
             "linux/arm64",
             "musl",
             "arm64",
             "aarch64-linux-musl",
             "0.1.0",
             {{"musl-dev", "1.2.3-1", "arm64", "55c2"}},
             "",
             ""};
  write_manifest(m, file);
  auto back = try_read_manifest(file);
  REQUIRE(back);
  CHECK(back->name == "arm64-musl");
  CHECK(back->packages.at(0).sha256 == "55c2");
}

TEST_CASE("a manifest missing a package field names that field") {
  CHECK_THROWS_WITH_AS(parse_manifest(R"({"name":"n","target":"t","libc":"musl","debian_arch":"arm64",
      "triple":"x","xstatic_version":"1","packages":[{"name":"musl-dev","version":"1"}]})",
                                      "/s/manifest.json"),
                       doctest::Contains("missing 'architecture'"), Error);
}

TEST_CASE("a floor sysroot's manifest keeps its floor, and names its target back") {
  Manifest m{"amd64-glibc-2.31",
             "linux/amd64",
             "glibc",
             "amd64",
             "x86_64-linux-gnu",
             "0.1.0",
             {},
             recipe_fingerprint(target::Libc::glibc, "2.31"),
             "2.31"};
  m.packages.push_back({"libc6-dev", "2.31-13", "amd64", "aa"});
  Manifest back = parse_manifest(to_json(m), "test");
  CHECK(back.glibc == "2.31");
  auto t = target_of(back);
  REQUIRE(t.has_value());
  CHECK(t->describe() == "linux/amd64 (glibc 2.31)");
  CHECK(is_current(back));
  CHECK(added_packages(back).empty());
  CHECK(recipe_for(*t).packages != recipe_for(target::Libc::glibc).packages);  // bullseye's gcc 10
}
