// Finding clang: its version from its name, or from --version output.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::toolchain;
namespace fs = std::filesystem;

TEST_CASE("clang's version from its name or its --version output") {
  CHECK(major_from_name("/usr/bin/clang-19") == 19);
  CHECK(major_from_name("clang++-14") == 14);
  CHECK(major_from_name("/usr/lib/llvm-19/bin/clang") == 19);
  CHECK(major_from_name("/usr/bin/clang") == 0);
  CHECK(major_from_name("/opt/clang-19-build/bin/clang") == 0);
  CHECK(major_from_version_output("Debian clang version 19.1.7 (3)\nTarget: x86_64") == 19);
  CHECK(major_from_version_output("Apple LLVM version 1") == 0);
}

TEST_CASE("an explicit clang that does not exist is a clear error") {
  store::Store store(std::filesystem::temp_directory_path() / "xstatic-unit-store");
  try {
    find_clang(store, "/nonexistent/clang-19");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("/nonexistent/clang-19") != std::string::npos);
    CHECK(e.code() == Exit::missing);
  }
}

TEST_CASE("try_find_clang answers nullopt where find_clang throws") {
  store::Store store(std::filesystem::temp_directory_path() / "xstatic-unit-store");
  CHECK_FALSE(try_find_clang(store, "/nonexistent/clang-19"));
  CHECK_THROWS_AS(find_clang(store, "/nonexistent/clang-19"), Error);
  // An executable that is no clang of a known version: too old for xstatic.
  CHECK_FALSE(try_find_clang(store, "/bin/true"));
  CHECK_THROWS_WITH_AS(find_clang(store, "/bin/true"), doctest::Contains("of unknown version"), Error);
  auto clang = try_find_clang(store, "clang-19");
  REQUIRE(clang);
  CHECK(clang->path == find_clang(store, "clang-19").path);
  CHECK(clang->major == 19);
}

TEST_CASE("--ld-path is given only for an ld.lld that is not beside clang's real path") {
  testing::ScratchDir scratch;
  fs::path bin = scratch.path / "llvm/bin";
  fs::create_directories(bin);
  Clang clang{(bin / "clang").string(), (bin / "clang").string(), 19};
  CHECK(ld_path_for(clang, (bin / "ld.lld").string()) == std::nullopt);
  CHECK(ld_path_for(clang, "/usr/bin/ld.lld-19") == "/usr/bin/ld.lld-19");
  CHECK(ld_path_for(clang, (bin / "ld.lld-19").string()) == (bin / "ld.lld-19").string());
  // With an ld.lld beside clang, find_lld returns it and no --ld-path is needed.
  std::ofstream(bin / "ld.lld") << "#!/bin/sh\n";
  fs::permissions(bin / "ld.lld", fs::perms::owner_all);
  auto beside = find_lld(clang, "ld.lld");
  REQUIRE(beside);
  CHECK(*beside == (bin / "ld.lld").string());
  CHECK_FALSE(ld_path_for(clang, *beside));
}

TEST_CASE("clang-19 from PATH, with its C++ driver beside it") {
  store::Store store(std::filesystem::temp_directory_path() / "xstatic-unit-store");
  Clang clang = find_clang(store, "clang-19");
  CHECK(clang.major == 19);
  auto cxx = cxx_driver(clang);
  REQUIRE(cxx);
  CHECK(cxx->find("clang++-19") != std::string::npos);
}
