// The flags the driver adds for C++ on musl.
#include <doctest/doctest.h>

#include "xstatic/runtimes/runtimes.hpp"

using namespace xstatic::runtimes;

TEST_CASE("the driver's flags: headers when compiling, libraries when linking") {
  Installed rt{"/r", "/r/include/c++/v1", "/r/lib", false};
  CHECK(cxx_flags(rt, false) == std::vector<std::string>{"-nostdinc++", "-isystem", "/r/include/c++/v1"});
  CHECK(cxx_flags(rt, true) == std::vector<std::string>{"-nostdinc++", "-isystem", "/r/include/c++/v1",
                                                        "-nostdlib++", "-L/r/lib", "-lc++", "-lc++abi",
                                                        "-lunwind"});
}
