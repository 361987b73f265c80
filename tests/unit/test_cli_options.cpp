// The options several subcommands share (src/cli/options.cpp).
#include <doctest/doctest.h>

#include <cstdlib>

#include "cli/options.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;

TEST_CASE("--store wins over XSTATIC_HOME, which is the default otherwise") {
  ::setenv("XSTATIC_HOME", "/tmp/xstatic-home-from-env", 1);
  cli::Globals g;
  CHECK(cli::store_of(g).root() == "/tmp/xstatic-home-from-env");
  g.store = "/tmp/xstatic-store-option";
  CHECK(cli::store_of(g).root() == "/tmp/xstatic-store-option");
  ::unsetenv("XSTATIC_HOME");
}

TEST_CASE("TARGET and --libc parse in one place; a bad libc is a usage error with the one hint") {
  CHECK(cli::parse_target("linux/arm64", "").describe() == "linux/arm64 (musl)");
  CHECK(cli::parse_target("linux/arm64", "glibc").describe() == "linux/arm64 (glibc)");
  try {
    cli::parse_target("linux/arm64", "glibcc");
    FAIL("a bad --libc was accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "unknown libc 'glibcc' in --libc");
    CHECK(e.hint().find("use --libc musl or --libc glibc") == 0);
    CHECK(e.code() == Exit::usage);
  }
}
