// A manifest survives a round trip and a broken one is reported by name.
#include <doctest/doctest.h>

#include "xstatic/sysroot/manifest.hpp"
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
             {{"musl-dev", "1.2.3-1", "arm64", "55c2"}}};
  Manifest back = parse_manifest(to_json(m), "test");
  CHECK(to_json(back) == to_json(m));
  CHECK(back.packages.at(0).name == "musl-dev");
}

TEST_CASE("a manifest without packages is refused with its origin") {
  CHECK_THROWS_WITH_AS(parse_manifest(R"({"name":"x"})", "/s/manifest.json"),
                       doctest::Contains("/s/manifest.json"), Error);
}
