// Finding clang: its version from its name, or from --version output.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::toolchain;

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

TEST_CASE("clang-19 from PATH, with its C++ driver beside it") {
  store::Store store(std::filesystem::temp_directory_path() / "xstatic-unit-store");
  Clang clang = find_clang(store, "clang-19");
  CHECK(clang.major == 19);
  auto cxx = cxx_driver(clang);
  REQUIRE(cxx);
  CHECK(cxx->find("clang++-19") != std::string::npos);
}
