// The minimum macOS of the darwin rows.
#include <doctest/doctest.h>

#include "xstatic/target/darwin.hpp"

using namespace xstatic;

TEST_CASE("darwin rows name their minimum macOS in the triple; the driver takes it apart") {
  CHECK(target::macos_min_version(target::parse("darwin/arm64")) == "11.0");
  CHECK(target::macos_min_version(target::parse("darwin/amd64")) == "11.0");
  CHECK(target::unversioned_triple(target::parse("darwin/arm64")) == "arm64-apple-macos");
  CHECK(target::unversioned_triple(target::parse("darwin/amd64")) == "x86_64-apple-macos");
  CHECK(target::macos_min_version(target::parse("linux/arm64")) == "");
  CHECK(target::unversioned_triple(target::parse("linux/arm64")) == "aarch64-linux-musl");
}

TEST_CASE("every darwin row names a minimum macOS") {
  for (const auto& row : target::table())
    if (row.goos == "darwin")
      CHECK_FALSE(target::macos_min_version(target::Target{&row, target::Libc::darwin}).empty());
}
