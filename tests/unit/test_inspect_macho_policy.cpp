// What counts as part of macOS, and the minimum-OS rule of verify.
#include <doctest/doctest.h>

#include "inspect/macho_policy.hpp"
#include "xstatic/inspect/verify_report.hpp"

using namespace xstatic;
using namespace xstatic::inspect;

TEST_CASE("libSystem, libc++ and Apple's frameworks are part of macOS; other dylibs are not") {
  CHECK(inspect::detail::is_system_dylib("/usr/lib/libSystem.B.dylib"));
  CHECK(inspect::detail::is_system_dylib("/usr/lib/libc++.1.dylib"));
  CHECK(inspect::detail::is_system_dylib(
      "/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation"));
  CHECK_FALSE(inspect::detail::is_system_dylib("/usr/local/lib/libfoo.1.dylib"));
  CHECK_FALSE(inspect::detail::is_system_dylib("@rpath/libfoo.dylib"));
  CHECK_FALSE(inspect::detail::is_system_dylib(
      "/usr/lib/libz.1.dylib"));  // on every Mac, but not in the static promise
  CHECK_FALSE(inspect::detail::is_system_dylib("/System/Library/PrivateFrameworks/X.framework/X"));
}

TEST_CASE("the minimum macOS is read from the report's min_os") {
  CHECK(inspect::detail::macos_version_of("macos 11.0") == "11.0");
  CHECK(inspect::detail::macos_version_of("ios 14.0") == "");
  CHECK(inspect::detail::macos_version_of("") == "");
}

namespace {

Report macho(const char* min_os) {
  Report r;
  r.path = "app";
  r.format = target::ObjectFormat::macho;
  r.format_name = "Mach-O arm64";
  r.arch = "aarch64";
  r.target = "darwin/arm64";
  r.libc = target::Libc::darwin;
  r.file_type = FileType::executable;
  r.linkage = Linkage::fully_static;
  r.min_os = min_os;
  r.dylibs = {{"/usr/lib/libSystem.B.dylib", "load", true}};
  return r;
}

}  // namespace

TEST_CASE("verify holds a Mach-O file to the minimum macOS of its target row") {
  Policy p;
  p.target = target::parse("darwin/arm64");
  CHECK(verify_report(macho("macos 11.0"), p).ok);
  CHECK(verify_report(macho("macos 10.15"), p).ok);
  CHECK(verify_report(macho(""), p).ok);
  auto v = verify_report(macho("macos 13.0"), p);
  REQUIRE(v.failures.size() == 1);
  CHECK(v.failures[0].starts_with(
      "min OS: is macos 13.0, newer than the macos 11.0 that darwin/arm64 promises"));
  auto object = macho("macos 13.0");
  object.file_type = FileType::object;
  object.linkage = Linkage::none;
  p.require_static = false;
  CHECK(verify_report(object, p).ok);  // the link decides
}
