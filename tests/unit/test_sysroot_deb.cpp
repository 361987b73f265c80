// dpkg's version order, used to pick the newest .deb of a package in --debs folders.
#include <doctest/doctest.h>

#include "xstatic/sysroot/deb.hpp"

using xstatic::sysroot::compare_versions;

TEST_CASE("Debian versions compare like dpkg") {
  CHECK(compare_versions("1.2.3-1", "1.2.3-1") == 0);
  CHECK(compare_versions("1.2.3-1", "1.2.4-1") < 0);
  CHECK(compare_versions("1.10", "1.9") > 0);
  CHECK(compare_versions("1:1.0", "2.0") > 0);
  CHECK(compare_versions("1.0~rc1", "1.0") < 0);
  CHECK(compare_versions("2.36-9+deb12u14", "2.36-9+deb12u4") > 0);
  CHECK(compare_versions("12.2.0-14+deb12u1", "12.2.0-14") > 0);
  CHECK(compare_versions("1.0a", "1.0") > 0);
}
