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

// The cases that pick the newest candidate across bookworm, -updates and
// -security (sysroot/archive_fetch.cpp); each checked against
// `dpkg --compare-versions A lt B`.
TEST_CASE("Debian versions: tilde, epochs, letters against other characters, leading zeros") {
  CHECK(compare_versions("1.0~~", "1.0~") < 0);  // ~ sorts before everything, even the end
  CHECK(compare_versions("1.0~", "1.0") < 0);
  CHECK(compare_versions("1.0~rc1", "1.0~rc2") < 0);
  CHECK(compare_versions("2.36-9+deb12u4~bpo1", "2.36-9+deb12u4") < 0);
  CHECK(compare_versions("1.0a", "1.0+") < 0);  // letters before non-letters
  CHECK(compare_versions("1.0+", "1.0.") < 0);  // then by ASCII
  CHECK(compare_versions("1.0", "1.0a") < 0);
  CHECK(compare_versions("0:1.0", "1.0") == 0);  // no epoch is epoch 0
  CHECK(compare_versions("2:0.1", "1:9.9") > 0);
  CHECK(compare_versions("1.01", "1.1") == 0);  // digits compare as numbers
  CHECK(compare_versions("1.0-0", "1.0") == 0);
  CHECK(compare_versions("1.2.3", "1.2.3.0") < 0);
  CHECK(compare_versions("1.2-10", "1.2-9") > 0);
  CHECK(compare_versions("7.88.1-10+deb12u14", "7.88.1-10+deb12u8") > 0);
}
