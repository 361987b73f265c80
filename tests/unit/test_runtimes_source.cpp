// LLVM source versions and extracting only the runtimes' folders.
#include <doctest/doctest.h>

#include <fstream>

#include "runtimes/internal.hpp"
#include "scratch_dir.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

using namespace xstatic;
using namespace xstatic::runtimes::detail;
namespace fs = std::filesystem;

namespace {

using TempDir = xstatic::testing::ScratchDir;

}  // namespace

TEST_CASE("versions in tarball names") {
  CHECK(version_in_name("llvm-toolchain-19_19.1.7.orig.tar.xz") == "19.1.7");
  CHECK(version_in_name("llvm-project-18.1.8.src.tar.xz") == "18.1.8");
  CHECK(version_in_name("llvm.tar.xz") == "");
}

TEST_CASE("the version of a source tree") {
  TempDir d;
  CHECK(llvm_source_version(d.path) == "");
  testing::write_file(d.path / "cmake/Modules/LLVMVersion.cmake",
                      "if(NOT DEFINED LLVM_VERSION_MAJOR)\n  set(LLVM_VERSION_MAJOR 19)\nendif()\n"
                      "  set(LLVM_VERSION_MINOR 1)\n  set(LLVM_VERSION_PATCH 7)\n");
  CHECK(llvm_source_version(d.path) == "19.1.7");
}

TEST_CASE("extract_subset keeps only the wanted folders, below the top folder") {
  TempDir d;
  fs::path top = d.path / "in/llvm-project-19.1.7.src";
  testing::write_file(top / "libcxx/src/a.cpp", "a");
  testing::write_file(top / "libcxx/test/huge.cpp", "t");
  testing::write_file(top / "clang/lib/x.cpp", "x");
  testing::write_file(top / "runtimes/CMakeLists.txt", "r");
  fs::path tarball = d.path / "src.tar.gz";
  auto r =
      util::run({"tar", "-C", (d.path / "in").string(), "-czf", tarball.string(), "llvm-project-19.1.7.src"});
  REQUIRE(r.exit_code == 0);

  fs::path out = d.path / "out";
  extract_subset(tarball, out, source_parts(), skipped_parts());
  CHECK(fs::exists(out / "libcxx/src/a.cpp"));
  CHECK(fs::exists(out / "runtimes/CMakeLists.txt"));
  CHECK_FALSE(fs::exists(out / "libcxx/test"));
  CHECK_FALSE(fs::exists(out / "clang"));
}

TEST_CASE("extract_subset reads on when a wanted folder comes back later in the archive") {
  TempDir d;
  fs::path top = d.path / "in/top";
  testing::write_file(top / "libcxx/a.h", "a");
  testing::write_file(top / "clang/x.cpp", "x");
  testing::write_file(top / "libcxx/b.h", "b");  // appended below: a second run of libcxx/
  fs::path tarball = d.path / "odd.tar";
  REQUIRE(util::run({"tar", "-C", (d.path / "in").string(), "-cf", tarball.string(), "top/libcxx/a.h",
                     "top/clang/x.cpp", "top/libcxx/b.h"})
              .exit_code == 0);
  fs::path out = d.path / "out";
  extract_subset(tarball, out, {"libcxx/", "clang/"}, {});
  CHECK(fs::exists(out / "libcxx/a.h"));
  CHECK(fs::exists(out / "clang/x.cpp"));
  CHECK(fs::exists(out / "libcxx/b.h"));
}

TEST_CASE("a file that is not an archive is an error naming it") {
  TempDir d;
  testing::write_file(d.path / "bogus.tar.xz", "not an archive");
  CHECK_THROWS_WITH_AS(extract_subset(d.path / "bogus.tar.xz", d.path / "out", source_parts(), {}),
                       doctest::Contains("bogus.tar.xz"), Error);
}
