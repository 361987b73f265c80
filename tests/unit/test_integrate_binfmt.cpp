// binfmt_misc handlers: the ELF magic of each target, the register line, and
// the kernel's description of an entry.
#include <doctest/doctest.h>

#include <cstdio>

#include "xstatic/integrate/binfmt.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::integrate;

namespace {

// A foreign target for this host (arm64 on x86-64, amd64 elsewhere).
target::Target foreign() {
  auto t = target::parse("linux/arm64");
  return runs_natively(t) ? target::parse("linux/amd64") : t;
}

}  // namespace

TEST_CASE("the arm64 handler matches qemu's own magic and mask") {
  auto t = target::parse("linux/arm64");
  if (runs_natively(t)) return;  // arm64 hosts need no handler for it
  auto h = binfmt_handler(t, "/usr/bin/qemu-aarch64-static");
  CHECK(h.name == "xstatic-qemu-aarch64");
  CHECK(h.flags == "F");
  // qemu's scripts/qemu-binfmt-conf.sh (and Debian's /usr/lib/binfmt.d/qemu-aarch64.conf).
  CHECK(
      binfmt_register_line(h) ==
      ":xstatic-qemu-aarch64:M:0:"
      "\\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:"
      "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:"
      "/usr/bin/qemu-aarch64-static:F");
}

TEST_CASE("big-endian and 32-bit targets get their byte order and class") {
  auto s390x = binfmt_handler(target::parse("linux/s390x"), "/q");
  CHECK(s390x.magic.substr(4, 2) == std::string("\x02\x02", 2));           // 64-bit, big-endian
  CHECK(s390x.magic.substr(16, 4) == std::string("\x00\x02\x00\x16", 4));  // ET_EXEC, EM_S390
  CHECK(s390x.mask.substr(16, 2) == std::string("\xff\xfe", 2));
  auto arm = binfmt_handler(target::parse("linux/arm/v7"), "/q");
  CHECK(arm.name == "xstatic-qemu-arm");
  CHECK(arm.magic.substr(4, 2) == std::string("\x01\x01", 2));
  CHECK(arm.magic.substr(18, 2) == std::string("\x28\x00", 2));  // EM_ARM
  CHECK(arm.magic.size() == 20);
  CHECK(arm.mask.size() == 20);
}

TEST_CASE("no handler for what runs natively or is not a Linux ELF target") {
  CHECK_THROWS_AS(binfmt_handler(target::host(), "/q"), Error);
  CHECK_THROWS_AS(binfmt_handler(target::parse("windows/amd64"), "/q"), Error);
  CHECK_THROWS_AS(binfmt_handler(target::parse("wasip1/wasm"), "/q"), Error);
  auto defaults = binfmt_default_targets();
  CHECK_FALSE(defaults.empty());
  for (const auto& t : defaults) {
    CAPTURE(t.go_name());
    CHECK_FALSE(runs_natively(t));
    CHECK_NOTHROW(binfmt_handler(t, "/q"));
  }
}

TEST_CASE("the kernel's description of an entry reads back and compares") {
  auto h = binfmt_handler(foreign(), "/usr/bin/qemu-x-static");
  std::string hex_magic, hex_mask;
  for (unsigned char c : h.magic) {
    char b[3];
    std::snprintf(b, sizeof b, "%02x", c);
    hex_magic += b;
  }
  for (unsigned char c : h.mask) {
    char b[3];
    std::snprintf(b, sizeof b, "%02x", c);
    hex_mask += b;
  }
  std::string text = "enabled\ninterpreter /usr/bin/qemu-x-static\nflags: F\noffset 0\nmagic " + hex_magic +
                     "\nmask " + hex_mask + "\n";
  auto e = parse_binfmt_entry(text);
  REQUIRE(e);
  CHECK(e->enabled);
  CHECK(e->flags == "F");
  CHECK(binfmt_matches(*e, h));
  auto other = *e;
  other.interpreter = "/usr/libexec/qemu-binfmt/aarch64-binfmt-P";
  other.flags = "POF";
  CHECK_FALSE(binfmt_matches(other, h));         // stale: replaced on install
  CHECK(binfmt_same_magic(other, h));            // but it handles the same binaries
  CHECK_FALSE(parse_binfmt_entry("enabled\n"));  // the status file, not an entry
  CHECK_FALSE(parse_binfmt_entry("enabled\ninterpreter /usr/bin/python3.11\nflags: \nextension .pyc\n"));
}
