// The packages beside a sysroot as the driver sees them: only folders with a
// manifest, XSTATIC_PKGS narrowing them, and the libraries a static link of
// one needs (its own and those of what it requires, in a linkable order).
#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "scratch_dir.hpp"
#include "xstatic/sysroot/packages.hpp"

using namespace xstatic;
namespace fs = std::filesystem;

namespace {

void package(const fs::path& dir, const std::string& name, const std::string& libs, const std::string& reqs,
             const std::string& system_libs = "") {
  fs::create_directories(dir / name / "lib");
  std::ofstream(dir / name / "manifest.json")
      << R"({"name": ")" << name << R"(", "libs": [)" << libs << R"(], "requires": [)" << reqs
      << R"(], "system_libs": [)" << system_libs << "]}";
}

struct EnvGuard {
  explicit EnvGuard(const char* value) {
    if (value)
      ::setenv("XSTATIC_PKGS", value, 1);
    else
      ::unsetenv("XSTATIC_PKGS");
  }
  ~EnvGuard() { ::unsetenv("XSTATIC_PKGS"); }
};

}  // namespace

TEST_CASE("installed packages are the folders with a manifest, narrowed by XSTATIC_PKGS") {
  testing::ScratchDir scratch;
  store::Store s(scratch.path);
  auto t = target::parse("linux/arm64");
  fs::path dir = s.packages_path(t);
  package(dir, "zlib", R"("z")", "");
  package(dir, "openssl", R"("ssl", "crypto")", "");
  fs::create_directories(dir / "half");           // a build that never finished
  fs::create_directories(dir / ".tmp-curl-123");  // one in progress
  EnvGuard all(nullptr);
  auto found = sysroot::installed_packages(s, t);
  REQUIRE(found.size() == 2);
  CHECK(found[0].name == "openssl");
  CHECK(found[1].name == "zlib");
  CHECK(sysroot::installed_packages(s, target::parse("linux/amd64")).empty());
  {
    EnvGuard only("zlib");
    auto narrowed = sysroot::installed_packages(s, t);
    REQUIRE(narrowed.size() == 1);
    CHECK(narrowed[0].name == "zlib");
  }
  {
    EnvGuard none("none");
    CHECK(sysroot::installed_packages(s, t).empty());
  }
}

TEST_CASE("-lcurl brings the libraries of everything curl requires, after curl's") {
  testing::ScratchDir scratch;
  store::Store s(scratch.path);
  auto t = target::parse("linux/amd64");
  fs::path dir = s.packages_path(t);
  package(dir, "zlib", R"("z")", "");
  package(dir, "openssl", R"("ssl", "crypto")", R"("zlib")");
  package(dir, "nghttp2", R"("nghttp2")", "");
  package(dir, "curl", R"("curl")", R"("openssl", "nghttp2", "zlib")");
  package(dir, "sqlite3", R"("sqlite3")", "");
  EnvGuard all(nullptr);
  auto installed = sysroot::installed_packages(s, t);
  auto flags = sysroot::closure_flags(installed, {"curl"}, {});
  auto at = [&](const std::string& f) { return std::find(flags.begin(), flags.end(), f) - flags.begin(); };
  REQUIRE(flags.size() == 5);
  CHECK(at("-lcurl") == 0);
  CHECK(at("-lssl") < at("-lcrypto"));
  CHECK(at("-lcrypto") < at("-lz"));  // openssl requires zlib: zlib after it
  CHECK(at("-lnghttp2") < long(flags.size()));
  CHECK(std::find(flags.begin(), flags.end(), "-lsqlite3") == flags.end());
  // -lssl alone still gets libcrypto (same package).
  auto ssl = sysroot::closure_flags(installed, {"ssl"}, {});
  CHECK(std::find(ssl.begin(), ssl.end(), "-lcrypto") != ssl.end());
  // CMake names the archive by path: the package's own counts, a project's libz.a does not.
  CHECK_FALSE(sysroot::closure_flags(installed, {}, {(dir / "curl/lib/libcurl.a").string()}).empty());
  CHECK(sysroot::closure_flags(installed, {}, {(scratch.path / "build/libz.a").string()}).empty());
  // Nothing of a package named: nothing added.
  CHECK(sysroot::closure_flags(installed, {"m", "pthread"}, {}).empty());
}

TEST_CASE("the system libraries packages need come after every package library, once") {
  testing::ScratchDir scratch;
  store::Store s(scratch.path);
  auto t = target::parse("windows/amd64");
  fs::path dir = s.packages_path(t);
  CHECK(dir.filename() == "amd64-mingw");  // a folder of its own, though mingw has no Debian sysroot
  package(dir, "zlib", R"("z")", "");
  package(dir, "openssl", R"("ssl", "crypto")", R"("zlib")", R"("ws2_32", "gdi32", "crypt32")");
  package(dir, "curl", R"("curl")", R"("openssl", "zlib")", R"("ws2_32", "bcrypt")");
  EnvGuard all(nullptr);
  auto flags = sysroot::closure_flags(sysroot::installed_packages(s, t), {"curl"}, {});
  std::vector<std::string> want = {"-lcurl",   "-lssl",    "-lcrypto", "-lz",
                                   "-lws2_32", "-lbcrypt", "-lgdi32",  "-lcrypt32"};
  CHECK(flags == want);
}
