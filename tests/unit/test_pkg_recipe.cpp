// Package recipes: every recipe compiled into xstatic parses and is
// consistent (its requirements exist, OpenSSL names a Configure target for
// the first targets), the build kinds expand to the steps they stand for,
// dependencies come first, unknown names suggest the nearest, and Debian's
// version order picks the newest source.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "pkg/internal.hpp"
#include "xstatic/pkg/recipe.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;

namespace {

bool has_step(const std::vector<std::vector<std::string>>& steps, const std::vector<std::string>& want) {
  return std::find(steps.begin(), steps.end(), want) != steps.end();
}

}  // namespace

TEST_CASE("every recipe parses, names what it requires, and builds for linux/amd64 and linux/arm64") {
  const auto& all = pkg::recipes();
  CHECK(all.size() >= 5);
  for (const auto& r : all) {
    CAPTURE(r.name);
    CHECK_FALSE(r.source.empty());
    CHECK_FALSE(r.license.empty());
    CHECK((!r.libs.empty() || !r.files.empty()));  // an archive, or (header-only) what it installs
    for (const auto& dep : r.requires_) CHECK(pkg::find_recipe(dep) != nullptr);
    CHECK(r.supports(target::parse("linux/amd64")));
    CHECK(r.supports(target::parse("linux/arm64")));
    CHECK(r.supports(target::parse("linux/arm64", target::Libc::glibc)));
    CHECK_FALSE(r.steps_for().empty());
  }
}

TEST_CASE("a kind's steps take the recipe's configure arguments in place of {configure}") {
  auto r = pkg::parse_recipe(R"({"name": "x", "source": "x", "license": "MIT", "build": "autotools",
                                 "configure": ["--without-a", "--with-b"], "libs": ["x"]})",
                             "x.json");
  auto steps = r.steps_for();
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].front() == "./configure");
  CHECK(std::find(steps[0].begin(), steps[0].end(), "--without-a") != steps[0].end());
  CHECK(std::find(steps[0].begin(), steps[0].end(), "{configure}") == steps[0].end());
  CHECK(has_step(steps, {"make", "install", "DESTDIR={destdir}"}));
  r.autoreconf = true;
  CHECK(r.steps_for().front() == std::vector<std::string>{"autoreconf", "-fi"});
}

TEST_CASE("a recipe's own install steps replace its kind's") {
  const auto& curl = pkg::recipe("curl");
  auto steps = curl.steps_for();
  CHECK(has_step(steps, {"make", "-C", "lib", "install", "DESTDIR={destdir}"}));
  CHECK_FALSE(has_step(steps, {"make", "install", "DESTDIR={destdir}"}));
  CHECK(steps.front() == std::vector<std::string>{"autoreconf", "-fi"});
}

TEST_CASE("malformed recipes are refused with their file named") {
  auto refused = [](const char* json) {
    try {
      pkg::parse_recipe(json, "bad.json");
    } catch (const Error& e) {
      return std::string(e.what()).find("bad.json") != std::string::npos;
    }
    return false;
  };
  CHECK(refused("{"));
  CHECK(refused(R"({"name": "x", "source": "x", "license": "MIT", "build": "scons", "libs": ["x"]})"));
  CHECK(refused(R"({"name": "x", "source": "x", "license": "MIT", "build": "commands", "libs": ["x"]})"));
  CHECK(refused(R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": []})"));
  CHECK(refused(
      R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": ["x"], "subdir": "../x"})"));
  CHECK(refused(
      R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": ["x"], "subdir": "/x"})"));
  CHECK(pkg::recipe("expat").subdir == "expat");  // libexpat's tarball is its repository
  // Header-only: no archive, but the headers it must install.
  CHECK_NOTHROW(pkg::parse_recipe(
      R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": [], "files": ["include/x.hpp"]})",
      "x.json"));
  CHECK(pkg::recipe("nlohmann-json").libs.empty());
  CHECK(refused(R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": [1]})"));
  CHECK(refused(
      R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": ["x"], "skip_patch": []})"));
}

TEST_CASE("vars are looked up by Go target, then OS, then *; a target without one is not supported") {
  const auto& ssl = pkg::recipe("openssl");
  CHECK(ssl.var("openssl_target", target::parse("linux/arm64")) == "linux-aarch64");
  CHECK(ssl.var("openssl_target", target::parse("linux/amd64/v3")) == "linux-x86_64");
  CHECK(ssl.var("openssl_target", target::parse("linux/s390x")) == "linux64-s390x");
  CHECK(ssl.var("openssl_target", target::parse("windows/amd64")) == "mingw64");
  CHECK(ssl.supports(target::parse("windows/amd64")));
  CHECK(ssl.var("openssl_target", target::parse("windows/386")) == "mingw");
  CHECK_FALSE(ssl.supports(target::parse("darwin/arm64")));  // not one of its OSes
}

TEST_CASE("system libraries are per target, looked up as vars are") {
  auto r =
      pkg::parse_recipe(R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": ["x"],
      "system_libs": {"windows": ["ws2_32", "crypt32"], "windows/386": ["ws2_32"]}})",
                        "x.json");
  CHECK(r.system_libs_for(target::parse("windows/amd64")) == std::vector<std::string>{"ws2_32", "crypt32"});
  CHECK(r.system_libs_for(target::parse("windows/386")) == std::vector<std::string>{"ws2_32"});
  CHECK(r.system_libs_for(target::parse("linux/arm64")).empty());
  CHECK_THROWS(pkg::parse_recipe(
      R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": ["x"], "system_libs": {"windows": "ws2_32"}})",
      "x.json"));
  // OpenSSL on Windows needs the socket, GDI and crypto API libraries after its archives.
  auto ssl = pkg::recipe("openssl").system_libs_for(target::parse("windows/amd64"));
  CHECK(std::find(ssl.begin(), ssl.end(), "ws2_32") != ssl.end());
  CHECK(std::find(ssl.begin(), ssl.end(), "crypt32") != ssl.end());
}

TEST_CASE("the build order puts every requirement before what needs it, once") {
  auto order = pkg::build_order({"curl", "zlib"});
  std::vector<std::string> names;
  for (const auto* r : order) names.push_back(r->name);
  auto at = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) - names.begin(); };
  CHECK(names.size() == 4);
  CHECK(at("openssl") < at("curl"));
  CHECK(at("zlib") < at("curl"));
  CHECK(at("nghttp2") < at("curl"));
}

TEST_CASE("an unknown package is a usage error that suggests the nearest recipe") {
  try {
    pkg::recipe("libcurl");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.hint()).find("did you mean 'curl'") != std::string::npos);
  }
  try {
    pkg::recipe("nothing-like-it-at-all");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.hint()).find("did you mean") == std::string::npos);
    CHECK(std::string(e.hint()).find("xstatic pkg recipes") != std::string::npos);
  }
}

TEST_CASE("Debian versions compare as dpkg does") {
  using pkg::detail::compare_debian_versions;
  CHECK(compare_debian_versions("3.0.22-1~deb12u2", "3.0.17-1~deb12u2") > 0);
  CHECK(compare_debian_versions("3.0.9-1", "3.0.17-1") < 0);
  CHECK(compare_debian_versions("1:1.2.13.dfsg-1", "1.2.14-1") > 0);  // the epoch wins
  CHECK(compare_debian_versions("1.0~rc1-1", "1.0-1") < 0);           // ~ sorts before the end
  CHECK(compare_debian_versions("1.2.13.dfsg-1+deb12u1", "1.2.13.dfsg-1") > 0);
  CHECK(compare_debian_versions("7.88.1-10+deb12u15", "7.88.1-10+deb12u9") > 0);
  CHECK(compare_debian_versions("2.0", "2.0") == 0);
  CHECK(compare_debian_versions("1.0a", "1.0") > 0);
}
