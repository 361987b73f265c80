// Binutils names and the names install-links makes.
#include <doctest/doctest.h>

#include <algorithm>

#include "xstatic/driver/driver.hpp"

using namespace xstatic;
using namespace xstatic::driver;

TEST_CASE("binutils names map to LLVM tools") {
  CHECK(binutil_for("ar") == "llvm-ar");
  CHECK(binutil_for("ranlib") == "llvm-ranlib");
  CHECK(binutil_for("ld") == "ld.lld");
  CHECK(binutil_for("strip") == "llvm-strip");
  CHECK_FALSE(binutil_for("cc"));
  CHECK(binutil_for("windres") == "llvm-windres");
}

TEST_CASE("windres is made for Windows targets only") {
  auto has = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  CHECK(has(link_names(target::parse("windows/amd64")), "x86_64-w64-mingw32-windres"));
  CHECK(has(link_names(target::parse("windows/386")), "windows-386-windres"));
  CHECK_FALSE(has(link_names(target::parse("linux/amd64")), "x86_64-linux-musl-windres"));
}

TEST_CASE("every link name reads back as its target") {
  for (auto spec : {"linux/arm64", "linux/amd64", "linux/arm/v7", "linux/amd64/v3"}) {
    for (auto libc : {target::Libc::musl, target::Libc::glibc}) {
      auto t = target::parse(spec, libc);
      auto names = link_names(t);
      CHECK(std::find(names.begin(), names.end(), std::string(t.triple()) + "-cc") != names.end());
      CHECK(std::find(names.begin(), names.end(), std::string(t.triple()) + "-ranlib") != names.end());
      for (const auto& name : names) {
        CAPTURE(name);
        auto back = target::from_program_name(name);
        REQUIRE(back);
        CHECK(back->target.row->goarch == t.row->goarch);
        CHECK(back->target.libc == t.libc);
        if (!t.row->variant.empty() && name.find(t.triple()) == std::string::npos)
          CHECK(back->target.row == t.row);  // the Go form keeps the variant
      }
    }
  }
}
