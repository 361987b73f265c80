// Joining thin Mach-O files: the command, and the inputs refused before llvm-lipo runs.
#include <doctest/doctest.h>

#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/driver/lipo.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;

TEST_CASE("llvm-lipo is asked to create the output from every input, in order") {
  CHECK(driver::lipo_command("/usr/bin/llvm-lipo-19", {"app-arm64", "app-amd64"}, "app") ==
        std::vector<std::string>{"/usr/bin/llvm-lipo-19", "-create", "app-arm64", "app-amd64", "-output",
                                 "app"});
}

TEST_CASE("a universal binary needs two thin Mach-O inputs") {
  testing::ScratchDir scratch;
  auto text = scratch.path / "notes.txt";
  std::ofstream(text) << "not a binary\n";
  CHECK_THROWS_WITH_AS(driver::lipo_slices({text}), doctest::Contains("at least two thin files"), Error);
  CHECK_THROWS_WITH_AS(driver::lipo_slices({text, text}), doctest::Contains(text.c_str()), Error);
  CHECK_THROWS_AS(driver::lipo_slices({scratch.path / "missing", text}), Error);
}
