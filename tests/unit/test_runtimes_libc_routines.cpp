// xstatic's libc routines: --libc-routines names, which targets get which
// routines, and finding a build in the store (this clang, these sources).
#include <doctest/doctest.h>

#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/runtimes/libc_routines.hpp"

using namespace xstatic;
using namespace xstatic::runtimes;
namespace fs = std::filesystem;

TEST_CASE("--libc-routines names") {
  CHECK(parse_libc_routines("xstatic") == LibcRoutines::xstatic);
  CHECK(parse_libc_routines("musl") == LibcRoutines::libc);
  CHECK(parse_libc_routines("libc") == LibcRoutines::libc);
  CHECK_FALSE(parse_libc_routines("glibc"));
  CHECK_FALSE(parse_libc_routines("Xstatic"));
  CHECK_FALSE(parse_libc_routines(""));
}

TEST_CASE("the routines are for Linux musl targets on amd64 and arm64") {
  using V = std::vector<std::string>;
  CHECK(libc_routines_for(target::parse("linux/amd64")) ==
        V{"qsort", "strlen", "memchr", "strchr", "memcmp"});
  CHECK(libc_routines_for(target::parse("linux/amd64/v3")) ==
        V{"qsort", "strlen", "memchr", "strchr", "memcmp"});
  CHECK(libc_routines_for(target::parse("linux/arm64")) ==
        V{"qsort", "strlen", "memchr", "strchr", "memcmp"});
  CHECK(libc_routines_for(target::parse("linux/arm64", target::Libc::glibc)).empty());
  CHECK(libc_routines_for(target::parse("linux/s390x")).empty());
  CHECK(libc_routines_for(target::parse("linux/386")).empty());
  CHECK(libc_routines_for(target::parse("windows/amd64")).empty());
}

TEST_CASE("find_libc_routines wants a manifest, this clang and these sources") {
  xstatic::testing::ScratchDir tmp;
  store::Store store(tmp.path);
  auto t = target::parse("linux/arm64");
  auto make = [&](const std::string& dir, bool manifest) {
    fs::path root = store.runtimes_dir() / dir / "arm64-musl";
    fs::create_directories(root / "lib");
    if (manifest) std::ofstream(root / store::kManifestName) << "{}\n";
  };
  std::string version = libc_routines_version();
  CHECK(version.size() == 8);
  CHECK_FALSE(find_libc_routines(store, t, 19));
  make("libc-" + version + "-llvm19", false);  // unfinished: no manifest
  CHECK_FALSE(find_libc_routines(store, t, 19));
  make("libc-00000000-llvm19", true);         // other sources
  make("libc-" + version + "-llvm18", true);  // another clang
  CHECK_FALSE(find_libc_routines(store, t, 19));
  make("libc-" + version + "-llvm19", true);
  auto found = find_libc_routines(store, t, 19);
  REQUIRE(found);
  CHECK(found->version == version);
  CHECK(found->archive ==
        store.runtimes_dir() / ("libc-" + version + "-llvm19") / "arm64-musl/lib/libxstatic_libc.a");
  CHECK_FALSE(find_libc_routines(store, target::parse("linux/amd64"), 19));
}
