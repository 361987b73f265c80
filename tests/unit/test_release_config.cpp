// The release file: a good one parses into the plan, and every mistake is
// reported with the file, the line, the key and what to write instead.
#include <doctest/doctest.h>

#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/release/config.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::release;

namespace {

struct Project {
  testing::ScratchDir dir;
  Project() {
    std::ofstream(dir.path / "LICENSE") << "MIT\n";
    std::ofstream(dir.path / "README.md") << "hi\n";
    std::ofstream(dir.path / "README.de") << "hallo\n";
  }
  fs::path file() const { return dir.path / "xstatic-release.toml"; }
};

// The Error thrown for `text`, as "what | hint".
std::string error_of(const Project& p, const std::string& text) {
  try {
    parse_config(text, p.file());
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    return std::string(e.what()) + " | " + e.hint();
  }
  FAIL("no error for: " << text);
  return {};
}

const char* kGood = R"(name = "wordstat"
version = "1.2.0"
targets = ["linux/amd64", "linux/arm/v7", { target = "linux/arm64", libc = "glibc" }]
binaries = ["bin/wordstat-cli"]
extra_files = ["LICENSE", "README*"]

[cmake]
args = ["-DWITH_TESTS=OFF"]
targets = ["wordstat-cli"]
)";

}  // namespace

TEST_CASE("a complete release file parses into targets, build, binaries and extra files") {
  Project p;
  auto c = parse_config(kGood, p.file());
  CHECK(c.name == "wordstat");
  CHECK(c.version == "1.2.0");
  REQUIRE(c.targets.size() == 3);
  CHECK(c.targets[0].target.go_name() == "linux/amd64");
  CHECK(c.targets[1].target.go_name() == "linux/arm/v7");
  CHECK(c.targets[2].target.libc == target::Libc::glibc);
  CHECK(c.targets[2].link == driver::LinkMode::full_static);
  CHECK(c.build.kind == BuildKind::cmake);
  CHECK(c.build.source == p.dir.path);
  CHECK(c.build.args == std::vector<std::string>{"-DWITH_TESTS=OFF"});
  CHECK(c.build.targets == std::vector<std::string>{"wordstat-cli"});
  CHECK(c.binaries == std::vector<std::string>{"bin/wordstat-cli"});
  // The glob expanded and sorted: LICENSE, README.de, README.md.
  REQUIRE(c.extra_files.size() == 3);
  CHECK(c.extra_files[1].filename() == "README.de");
  CHECK(c.dist == p.dir.path / "dist");
}

TEST_CASE("make and command builds are read too") {
  Project p;
  auto make = parse_config(
      "name = \"a\"\ntargets = [\"linux/arm64\"]\nbinaries = [\"app\"]\n[make]\nargs = [\"app\"]\n",
      p.file());
  CHECK(make.build.kind == BuildKind::make);
  CHECK(make.build.args == std::vector<std::string>{"app"});
  auto cmd = parse_config(
      "name = \"a\"\ntargets = [\"linux/arm64\"]\nbinaries = [\"app\"]\n[command]\nrun = [\"sh\", "
      "\"b.sh\"]\n",
      p.file());
  CHECK(cmd.build.kind == BuildKind::command);
  CHECK(cmd.build.args.size() == 2);
  CHECK(!cmd.version);
}

TEST_CASE("embed_sbom turns the SBOM note inside the binaries off, and takes only a boolean") {
  Project p;
  std::string head = "name = \"a\"\ntargets = [\"linux/arm64\"]\nbinaries = [\"app\"]\n";
  CHECK(parse_config(head + "[make]\n", p.file()).embed_sbom);
  CHECK_FALSE(parse_config("embed_sbom = false\n" + head + "[make]\n", p.file()).embed_sbom);
  auto e = error_of(p, "embed_sbom = \"no\"\n" + head + "[make]\n");
  CHECK(e.find(":1: 'embed_sbom' must be true or false | write embed_sbom = false") != std::string::npos);
}

TEST_CASE("an unknown key names its line and the key meant") {
  Project p;
  auto e = error_of(p, "name = \"a\"\ntargets = [\"linux/arm64\"]\nbinary = [\"app\"]\n[make]\n");
  CHECK(e.find("xstatic-release.toml:3: unknown key 'binary'") != std::string::npos);
  CHECK(e.find("did you mean 'binaries'") != std::string::npos);
  auto in_section =
      error_of(p, "name = \"a\"\ntargets = [\"linux/arm64\"]\nbinaries = [\"a\"]\n[cmake]\nsorce = \".\"\n");
  CHECK(in_section.find(":5: unknown key 'sorce' in [cmake]") != std::string::npos);
  CHECK(in_section.find("did you mean 'source'") != std::string::npos);
}

TEST_CASE("an unknown target is reported with its line and close names") {
  Project p;
  auto e = error_of(
      p, "name = \"a\"\n\ntargets = [\"linux/amd64\", \"linux/arm65\"]\nbinaries = [\"a\"]\n[make]\n");
  CHECK(e.find("xstatic-release.toml:3:") != std::string::npos);
  CHECK(e.find("linux/arm65") != std::string::npos);
  CHECK(e.find("linux/arm64") != std::string::npos);  // the suggestion
}

TEST_CASE("malformed TOML, wrong types and missing pieces say what to write") {
  Project p;
  CHECK(error_of(p, "name = wordstat\n").find(":1: not valid TOML") != std::string::npos);
  CHECK(error_of(p, "name = 3\n").find("'name' must be a string") != std::string::npos);
  CHECK(error_of(p, "targets = [\"linux/amd64\"]\n").find("no 'name' | write name = ") != std::string::npos);
  CHECK(error_of(p, "name = \"a\"\nbinaries = [\"a\"]\n[make]\n").find("no 'targets'") != std::string::npos);
  CHECK(error_of(p, "name = \"a\"\ntargets = [\"linux/amd64\"]\nbinaries = [\"a\"]\n")
            .find("no build section") != std::string::npos);
  CHECK(error_of(p, "name = \"a\"\ntargets = [\"linux/amd64\"]\nbinaries = [\"a\"]\n[make]\n[cmake]\n")
            .find("more than one build section") != std::string::npos);
  CHECK(error_of(p, "name = \"a\"\ntargets = [\"linux/amd64\"]\n[make]\n").find("no 'binaries'") !=
        std::string::npos);
  CHECK(
      error_of(p, "name = \"a\"\ntargets = [\"linux/amd64\", \"linux/amd64\"]\nbinaries = [\"a\"]\n[make]\n")
          .find("listed twice") != std::string::npos);
  CHECK(error_of(p,
                 "name = \"a\"\ntargets = [{ target = \"linux/amd64\", libc = \"uclibc\" }]\nbinaries = "
                 "[\"a\"]\n[make]\n")
            .find("unknown libc 'uclibc'") != std::string::npos);
  CHECK(error_of(p, "name = \"a\"\ntargets = [\"linux/amd64\"]\nbinaries = [\"../a\"]\n[make]\n")
            .find("not inside the build folder") != std::string::npos);
  CHECK(error_of(p, "name = \"a\"\nversion = \"1 2\"\n").find("cannot be part of a file name") !=
        std::string::npos);
  CHECK(error_of(p, "name = \"my_app\"\n").find("has '/', '_' or spaces") != std::string::npos);
}

TEST_CASE("an extra file that matches nothing is an error before any build") {
  Project p;
  auto e = error_of(p,
                    "name = \"a\"\ntargets = [\"linux/amd64\"]\nbinaries = [\"a\"]\nextra_files = "
                    "[\"COPYING*\"]\n[make]\n");
  CHECK(e.find(":4: extra file 'COPYING*' matches no file") != std::string::npos);
}

TEST_CASE("path names the file system refuses are ordinary errors, not filesystem exceptions") {
  // Found by fuzz_release: a component over 255 bytes made std::filesystem throw out of the parser.
  Project p;
  std::string name(300, 'x');
  auto head = "name = \"a\"\ntargets = [\"linux/amd64\"]\nbinaries = [\"a\"]\n";
  CHECK(error_of(p, head + ("extra_files = [\"" + name + "\"]\n[make]\n")).find("matches no file") !=
        std::string::npos);
  CHECK(error_of(p, head + ("extra_files = [\"" + name + "/*\"]\n[make]\n")).find("matches no file") !=
        std::string::npos);
  CHECK(error_of(p, std::string(head) + "[cmake]\nsource = \"" + name + "\"\n").find("does not exist") !=
        std::string::npos);
}

TEST_CASE(
    "non-ASCII characters where toml++ 3.3 looks for whitespace are syntax errors, not undefined behaviour") {
  // Found by fuzz_release under UBSan (tests/fuzz/regressions/release/toml-unreachable-*): toml++'s
  // whitespace test reached __builtin_unreachable() for U+00A1..U+0499, U+2DAE..U+31A7 and
  // U+FB26..U+FEFE (src/release/toml.hpp). Each is now "not whitespace": a line-numbered error.
  Project p;
  for (const char* ch : {"\xc2\xa1", "\xc3\xa9", "\xd1\xb7", "\xd2\x99", "\xe2\xb6\xae", "\xe3\x86\xa7",
                         "\xef\xac\xa6", "\xef\xb9\xbf", "\xef\xbb\xbe"}) {
    CAPTURE(ch);
    auto e = error_of(p, std::string("name = \"a\"\ntargets = [\"linux/amd64\"] ") + ch + "\n");
    CHECK(e.find("xstatic-release.toml:2") != std::string::npos);
    CHECK(e.find("not valid TOML") != std::string::npos);
  }
  // U+3000 (ideographic space), which toml++ knows as whitespace, is refused by name.
  CHECK(error_of(p, "name = \"a\"\ntargets = [\"linux/amd64\"]\xe3\x80\x80\n").find("saw '\\u3000'") !=
        std::string::npos);
  // Invalid UTF-8 (tests/fuzz/regressions/release/toml-unreachable-invalid-utf8) is refused first.
  CHECK(error_of(p, "name = \"a\"\n\xc3\x98inux/l\xa1n6\n").find("not valid UTF-8") != std::string::npos);
  // The byte order mark (U+FEFF) and non-ASCII text inside strings are fine.
  CHECK(error_of(p, "\xef\xbb\xbfname = \"\xc3\xa9\xd1\xb7\xef\xb9\xbf\"\n").find("no 'targets'") !=
        std::string::npos);
}

TEST_CASE("an extra file with a binary's name or another extra file's name is refused") {
  Project p;
  std::ofstream(p.dir.path / "app") << "#!/bin/sh\n";
  fs::create_directories(p.dir.path / "docs");
  std::ofstream(p.dir.path / "docs" / "LICENSE") << "MIT\n";
  auto e = error_of(
      p,
      "name = \"a\"\ntargets = [\"linux/amd64\"]\nbinaries = [\"app\"]\nextra_files = [\"app\"]\n[make]\n");
  CHECK(e.find(":4: extra file 'app' has the name of a binary") != std::string::npos);
  auto twice = error_of(p,
                        "name = \"a\"\ntargets = [\"linux/amd64\"]\nbinaries = [\"x\"]\nextra_files = "
                        "[\"LICENSE\", \"docs/LICENSE\"]\n[make]\n");
  CHECK(twice.find("extra file 'LICENSE'") != std::string::npos);
}

TEST_CASE("--targets lists targets with an optional libc") {
  auto ts = parse_target_list("linux/amd64,linux/arm64:glibc,,linux/amd64");
  REQUIRE(ts.size() == 2);
  CHECK(ts[1].target.libc == target::Libc::glibc);
  CHECK_THROWS_AS(parse_target_list("linux/amd64:bionic"), Error);
  CHECK_THROWS_AS(parse_target_list(","), Error);
}

TEST_CASE("--targets takes a glibc floor after the libc and a link mode") {
  auto ts = parse_target_list("linux/amd64:glibc2.31:libc-dynamic,linux/amd64:glibc,linux/arm64:glibc2.41");
  REQUIRE(ts.size() == 3);
  REQUIRE(ts[0].target.glibc != nullptr);
  CHECK(ts[0].target.glibc->version == "2.31");
  CHECK(ts[0].link == driver::LinkMode::libc_dynamic);
  CHECK(ts[1].target.glibc == nullptr);  // two floors of linux/amd64: two targets
  CHECK(ts[1].link == driver::LinkMode::full_static);
  CHECK(ts[2].target.glibc->debian == "trixie");
  CHECK(describe(ts[0]) == "linux/amd64 (glibc 2.31, libc-dynamic)");
  // zig's spelling works too, and "2.36" is the default floor (one target).
  CHECK(parse_target_list("x86_64-linux-gnu.2.31:libc-dynamic")[0] == ts[0]);
  CHECK(parse_target_list("linux/amd64:glibc2.36,linux/amd64:glibc").size() == 1);
  // No link mode written: the release file's for that target.
  auto inherited = parse_target_list("linux/amd64:glibc2.31", ts);
  CHECK(inherited[0].link == driver::LinkMode::libc_dynamic);
  CHECK(parse_target_list("linux/amd64:glibc2.31:static", ts)[0].link == driver::LinkMode::full_static);
  auto message = [](const char* list) {
    try {
      parse_target_list(list);
    } catch (const Error& e) {
      CHECK(e.code() == Exit::usage);
      return std::string(e.what()) + " | " + e.hint();
    }
    FAIL("no error for " << list);
    return std::string();
  };
  CHECK(message("linux/amd64:musl2.31").find("uses musl") != std::string::npos);
  CHECK(message("linux/amd64:glibc2.17").find("no Debian release has glibc 2.17") != std::string::npos);
  CHECK(message("linux/amd64:libc-dynamic").find("libc-dynamic keeps glibc dynamic") != std::string::npos);
  CHECK(message("linux/amd64:glibc:dynamic").find("unknown libc or link mode 'dynamic'") !=
        std::string::npos);
  CHECK(message("linux/amd64:glibc2.31:static,linux/amd64:glibc2.31:libc-dynamic").find("twice") !=
        std::string::npos);
}

TEST_CASE("a targets entry carries a glibc floor and a link mode; bad ones name their line") {
  Project p;
  const std::string tail = "binaries = [\"x\"]\n[make]\n";
  auto c = parse_config(
      "name = \"a\"\ntargets = [{ target = \"linux/amd64\", glibc = \"2.31\", link = "
      "\"libc-dynamic\" }, { target = \"linux/amd64\", libc = \"glibc\" }]\n" +
          tail,
      p.file());
  REQUIRE(c.targets.size() == 2);
  REQUIRE(c.targets[0].target.glibc != nullptr);
  CHECK(c.targets[0].target.libc == target::Libc::glibc);  // a floor means glibc
  CHECK(c.targets[0].target.glibc->version == "2.31");
  CHECK(c.targets[0].link == driver::LinkMode::libc_dynamic);
  auto entry = [&](const std::string& e) {
    return error_of(p, "name = \"a\"\ntargets = [" + e + "]\n" + tail);
  };
  auto musl = entry("{ target = \"linux/amd64\", libc = \"musl\", glibc = \"2.31\" }");
  CHECK(musl.find(":2: a glibc floor (2.31) is for glibc targets") != std::string::npos);
  auto old = entry("{ target = \"linux/amd64\", glibc = \"2.17\" }");
  CHECK(old.find("no Debian release has glibc 2.17") != std::string::npos);
  CHECK(old.find("2.31 (bullseye), 2.36 (bookworm), 2.41 (trixie)") != std::string::npos);
  auto dynamic_musl = entry("{ target = \"linux/amd64\", link = \"libc-dynamic\" }");
  CHECK(dynamic_musl.find("libc-dynamic keeps glibc dynamic; linux/amd64 (musl)") != std::string::npos);
  CHECK(entry("{ target = \"linux/amd64\", libc = \"glibc\", link = \"dynamic\" }")
            .find("unknown link mode 'dynamic'") != std::string::npos);
  auto twice = entry(
      "{ target = \"linux/amd64\", glibc = \"2.31\" }, { target = \"x86_64-linux-gnu.2.31\", link = "
      "\"libc-dynamic\" }");
  CHECK(twice.find("linux/amd64 (glibc 2.31) is listed twice") != std::string::npos);
}

TEST_CASE("packages and refused licences are read; an unknown package names the recipe meant") {
  Project p;
  std::string text = std::string(kGood);
  text.insert(text.find("[cmake]"),
              "packages = [\"curl\", \"sqlite3\"]\nrefuse_licenses = [\"GPL-3.0-only\"]\n\n");
  auto c = parse_config(text, p.file());
  CHECK(c.packages == std::vector<std::string>{"curl", "sqlite3"});
  CHECK(c.refuse_licenses == std::vector<std::string>{"GPL-3.0-only"});
  std::string bad = std::string(kGood);
  bad.insert(bad.find("[cmake]"), "packages = [\"libcurl\"]\n\n");
  auto err = error_of(p, bad);
  CHECK(err.find("xstatic-release.toml:") != std::string::npos);
  CHECK(err.find("libcurl") != std::string::npos);
  CHECK(err.find("did you mean 'curl'") != std::string::npos);
}
