// Finding a target's sysroot: installed means the store's folder holds its
// manifest; darwin uses an imported SDK; mingw-w64 is the system's. And what
// installs each.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "scratch_dir.hpp"
#include "xstatic/sysroot/find.hpp"

using namespace xstatic;
namespace fs = std::filesystem;

TEST_CASE("a store sysroot is found once its manifest exists, and not before") {
  testing::ScratchDir scratch;
  store::Store s(scratch.path);
  auto t = target::parse("linux/arm64");
  CHECK_FALSE(sysroot::find(s, t));  // an empty store (no sysroots folder at all)
  fs::create_directories(s.sysroot_path(t) / "usr/include");
  CHECK_FALSE(sysroot::find(s, t));  // files without the manifest: an install that did not finish
  testing::write_file(s.sysroot_path(t) / store::kManifestName, "{}\n");
  CHECK(sysroot::find(s, t) == s.sysroot_path(t));
  // The same architecture with the other libc is another sysroot.
  CHECK_FALSE(sysroot::find(s, target::parse("linux/arm64", target::Libc::glibc)));
  // A temporary folder beside it is never taken for it.
  auto amd64 = target::parse("linux/amd64");
  testing::write_file(
      s.sysroots_dir() / (store::Store::temp_name(store::sysroot_name(amd64))) / store::kManifestName,
      "{}\n");
  CHECK_FALSE(sysroot::find(s, amd64));
}

TEST_CASE("mingw-w64 is found where Debian installs it, never in the store") {
  testing::ScratchDir scratch;
  store::Store s(scratch.path);
  auto t = target::parse("windows/amd64");
  REQUIRE(t.libc == target::Libc::mingw);
  testing::write_file(s.sysroot_path(t) / store::kManifestName, "{}\n");
  fs::path system = fs::path("/usr") / std::string(t.triple());
  std::error_code ec;
  bool installed = fs::exists(system / "include/stdio.h", ec);
  auto found = sysroot::find(s, t);
  CHECK(found.has_value() == installed);
  if (found) CHECK(*found == system);
}

TEST_CASE("darwin's sysroot is the newest SDK imported into the store") {
  testing::ScratchDir scratch;
  store::Store s(scratch.path);
  auto t = target::parse("darwin/arm64");
  // $XSTATIC_DARWIN_SDK and $SDKROOT would win (test_sysroot_sdk.cpp): out of the way here.
  std::vector<std::pair<std::string, std::string>> saved;
  for (const char* var : {"XSTATIC_DARWIN_SDK", "SDKROOT"})
    if (const char* value = ::getenv(var)) saved.emplace_back(var, value);
  ::unsetenv("XSTATIC_DARWIN_SDK");
  ::unsetenv("SDKROOT");
  CHECK_FALSE(sysroot::find(s, t));
  fs::create_directories(s.sdks_dir() / "MacOSX13.3.sdk");
  fs::create_directories(s.sdks_dir() / "MacOSX14.2.sdk");
  CHECK(sysroot::find(s, t) == s.sdks_dir() / "MacOSX14.2.sdk");
  for (const auto& [var, value] : saved) ::setenv(var.c_str(), value.c_str(), 1);
}

TEST_CASE("musl, glibc and WASI sysroots are provisioned by xstatic; the others name their installer") {
  CHECK(sysroot::has_recipe(target::Libc::musl));
  CHECK(sysroot::has_recipe(target::Libc::glibc));
  CHECK(sysroot::has_recipe(target::Libc::wasi));
  CHECK_FALSE(sysroot::has_recipe(target::Libc::mingw));
  CHECK_FALSE(sysroot::has_recipe(target::Libc::darwin));
  CHECK(sysroot::is_provisioned_by_xstatic(target::parse("linux/arm64")));
  CHECK_FALSE(sysroot::is_provisioned_by_xstatic(target::parse("windows/amd64")));

  CHECK(sysroot::install_command(target::parse("linux/arm64")) == "xstatic sysroot install linux/arm64");
  CHECK(sysroot::install_command(target::parse("linux/arm64", target::Libc::glibc)) ==
        "xstatic sysroot install linux/arm64 --libc glibc");
  CHECK(sysroot::install_command(target::parse("windows/amd64")) == "sudo apt-get install mingw-w64");
  CHECK(sysroot::install_command(target::parse("darwin/arm64")).starts_with("xstatic sdk import "));
}
