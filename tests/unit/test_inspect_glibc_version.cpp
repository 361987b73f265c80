// glibc version names and numbers: what `inspect` reports as the glibc a
// binary needs and what `verify --max-glibc` compares.
#include <doctest/doctest.h>

#include "xstatic/inspect/glibc_version.hpp"

using namespace xstatic::inspect;

TEST_CASE("glibc symbol versions become release numbers") {
  CHECK(glibc_version_of("GLIBC_2.34") == "2.34");
  CHECK(glibc_version_of("GLIBC_2.2.5") == "2.2.5");
  CHECK(glibc_version_of("GLIBC_ABI_DT_RELR") == "2.36");  // DT_RELR needs glibc 2.36
  CHECK_FALSE(glibc_version_of("GLIBC_PRIVATE"));
  CHECK_FALSE(glibc_version_of("GLIBCXX_3.4.29"));
  CHECK_FALSE(glibc_version_of("GCC_3.0"));
  CHECK_FALSE(glibc_version_of("GLIBC_"));
  CHECK_FALSE(glibc_version_of("GLIBC_2"));
}

TEST_CASE("glibc versions compare number by number") {
  CHECK(compare_glibc_versions("2.4", "2.34") < 0);
  CHECK(compare_glibc_versions("2.34", "2.4") > 0);
  CHECK(compare_glibc_versions("2.31", "2.31") == 0);
  CHECK(compare_glibc_versions("2.2.5", "2.3") < 0);
  CHECK(compare_glibc_versions("2.3.4", "2.3") > 0);
  CHECK(is_glibc_version("2.31"));
  CHECK(is_glibc_version("2.2.5"));
  CHECK_FALSE(is_glibc_version("2"));
  CHECK_FALSE(is_glibc_version("2.3x"));
  CHECK_FALSE(is_glibc_version("2..3"));
  CHECK_FALSE(is_glibc_version(""));
  CHECK_FALSE(is_glibc_version("2.31.1.1"));
}
