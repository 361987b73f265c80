// What build() refuses before it builds anything (the builds themselves are
// tested by tests/integration/runtimes_*.sh).
#include <doctest/doctest.h>

#include <cstdlib>

#include "scratch_dir.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::runtimes;
namespace fs = std::filesystem;

namespace {

using TempStore = xstatic::testing::ScratchDir;

}  // namespace

TEST_CASE("glibc and non-Linux targets are refused before anything is built") {
  TempStore tmp;
  store::Store store(tmp.path);
  util::Progress quiet(true);
  CHECK_THROWS_WITH_AS(build(store, target::parse("aarch64-linux-gnu"), quiet),
                       doctest::Contains("musl targets only"), Error);
  CHECK_THROWS_AS(build(store, target::parse("x86_64-w64-mingw32"), quiet), Error);
}

TEST_CASE("a missing sysroot names the command that installs it") {
  TempStore tmp;
  store::Store store(tmp.path);
  util::Progress quiet(true);
  try {
    build(store, target::parse("linux/arm64"), quiet);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);
    CHECK(e.hint() == "xstatic sysroot install linux/arm64");
  }
}
