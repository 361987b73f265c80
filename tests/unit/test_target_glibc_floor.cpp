// glibc floors: zig's triple suffix, --glibc, and what is refused.
#include <doctest/doctest.h>

#include "xstatic/store/store.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::target;

TEST_CASE("zig's triple form names a glibc floor") {
  auto t = parse("x86_64-linux-gnu.2.31");
  CHECK(t.go_name() == "linux/amd64");
  CHECK(t.libc == Libc::glibc);
  REQUIRE(t.glibc != nullptr);
  CHECK(t.glibc->debian == "bullseye");
  CHECK(t.triple() == "x86_64-linux-gnu");  // clang gets the plain triple
  CHECK(t.describe() == "linux/amd64 (glibc 2.31)");
  CHECK(glibc_floor_of(t) == "2.31");
  auto a = parse("aarch64-linux-gnu.2.41");
  CHECK(a.go_name() == "linux/arm64");
  CHECK(a.glibc->debian == "trixie");
  CHECK(try_parse("aarch64-linux-gnu.2.31").has_value());
  CHECK_FALSE(try_parse("aarch64-linux-gnu.2.17").has_value());
}

TEST_CASE("the default release's floor is the default sysroot") {
  auto t = parse("x86_64-linux-gnu.2.36");
  CHECK(t.glibc == nullptr);
  CHECK(t == parse("linux/amd64", Libc::glibc));
  CHECK(glibc_floor_of(t) == "2.36");
  CHECK(store::sysroot_name(t) == "amd64-glibc");
  CHECK(store::sysroot_name(parse("x86_64-linux-gnu.2.31")) == "amd64-glibc-2.31");
  CHECK_FALSE(glibc_floor_of(parse("linux/amd64")).has_value());  // musl has no floor
}

TEST_CASE("a suffix is only a floor after an environment name") {
  CHECK_FALSE(split_glibc_suffix("x86_64-apple-macos11.0").has_value());
  CHECK_FALSE(split_glibc_suffix("linux/amd64").has_value());
  CHECK_FALSE(split_glibc_suffix("x86_64-linux-gnu").has_value());
  auto s = split_glibc_suffix("arm-linux-gnueabihf.2.31");
  REQUIRE(s.has_value());
  CHECK(s->spec == "arm-linux-gnueabihf");
  CHECK(s->version == "2.31");
}

TEST_CASE("floors without a Debian release, malformed floors and musl floors are usage errors") {
  auto glibc = parse("linux/amd64", Libc::glibc);
  try {
    with_glibc_floor(glibc, "2.17");
    FAIL("2.17 accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.what()).find("2.31 (bullseye), 2.36 (bookworm), 2.41 (trixie)") != std::string::npos);
    CHECK(e.hint().find("docs/glibc.md") != std::string::npos);
  }
  try {
    with_glibc_floor(glibc, "2.33");  // between releases: the older one works
    FAIL("2.33 accepted");
  } catch (const Error& e) {
    CHECK(e.hint().find("--glibc 2.31") != std::string::npos);
  }
  CHECK_THROWS_AS(with_glibc_floor(glibc, "2..31"), Error);
  CHECK_THROWS_AS(with_glibc_floor(glibc, "abc"), Error);
  try {
    parse("x86_64-linux-musl.2.31");
    FAIL("a musl floor accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.what()).find("musl") != std::string::npos);
  }
}
