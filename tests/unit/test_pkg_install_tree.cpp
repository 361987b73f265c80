// A package's .pc files are rewritten for prefix /usr so that they work
// wherever the package lands (another store, after an import), and the
// macros a static library's users need are defined in its headers.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "pkg/internal.hpp"
#include "scratch_dir.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
namespace fs = std::filesystem;
using xstatic::pkg::detail::relocated_pc_line;

TEST_CASE("prefix becomes the .pc file's own place, other /usr paths hang off it") {
  CHECK(relocated_pc_line("prefix=/usr") == "prefix=${pcfiledir}/../..");
  CHECK(relocated_pc_line("prefix=/usr/") == "prefix=${pcfiledir}/../..");
  CHECK(relocated_pc_line("libdir=/usr/lib") == "libdir=${prefix}/lib");  // zlib spells it out
  CHECK(relocated_pc_line("Libs: -L/usr/lib -lz") == "Libs: -L${prefix}/lib -lz");
  CHECK(relocated_pc_line("Cflags: -I/usr/include/foo") == "Cflags: -I${prefix}/include/foo");
  CHECK(relocated_pc_line("libdir=${prefix}/lib") == "libdir=${prefix}/lib");
  // A dependency's folder during the build (libxml2 copies zlib's -L) is dropped.
  CHECK(relocated_pc_line("Libs.private:   -L/s/pkg/arm64-musl/zlib/lib/pkgconfig/../../lib -lz    -lm  ") ==
        "Libs.private: -lz -lm");
  CHECK(relocated_pc_line("Cflags: -I/s/pkg/zlib/include -I/usr/include/libxml2") ==
        "Cflags: -I${prefix}/include/libxml2");
  CHECK(relocated_pc_line("Libs: -L${libdir} -lxml2") == "Libs: -L${libdir} -lxml2");
  // Not a path of the prefix: left alone.
  CHECK(relocated_pc_line("Description: tools for /usrx and a/usr/b") ==
        "Description: tools for /usrx and a/usr/b");
  CHECK(relocated_pc_line("exec_prefix=/usrlocal") == "exec_prefix=/usrlocal");
}

TEST_CASE("a recipe's macros are defined at the top of its installed headers") {
  testing::ScratchDir scratch;
  fs::create_directories(scratch.path / "include/curl");
  std::ofstream(scratch.path / "include/curl/curl.h")
      << "#ifndef CURLINC_CURL_H\n#define CURLINC_CURL_H\n#endif\n";
  pkg::detail::define_in_headers(scratch.path, {{"include/curl/curl.h", {"CURL_STATICLIB"}}});
  std::ifstream in(scratch.path / "include/curl/curl.h");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().starts_with(
      "/* xstatic pkg: a static library */\n#ifndef CURL_STATICLIB\n#define CURL_STATICLIB 1\n"));
  CHECK(text.str().ends_with("#define CURLINC_CURL_H\n#endif\n"));  // the header itself follows, whole
  CHECK_THROWS_AS(pkg::detail::define_in_headers(scratch.path, {{"include/missing.h", {"X"}}}), Error);
}

TEST_CASE("defines are per target, under include/, and name macros") {
  auto parse = [](const char* defines) {
    return pkg::parse_recipe(
        std::string(
            R"({"name": "x", "source": "x", "license": "MIT", "build": "cmake", "libs": ["x"], "defines": )") +
            defines + "}",
        "x.json");
  };
  auto r = parse(R"({"windows": {"include/x.h": ["X_STATIC"]}})");
  CHECK(r.defines_for(target::parse("windows/amd64")).at("include/x.h") ==
        std::vector<std::string>{"X_STATIC"});
  CHECK(r.defines_for(target::parse("linux/amd64")).empty());
  CHECK_THROWS_AS(parse(R"({"windows": {"../x.h": ["X"]}})"), Error);
  CHECK_THROWS_AS(parse(R"({"windows": {"include/x.h": ["X Y"]}})"), Error);
  CHECK_THROWS_AS(parse(R"({"windows": ["X"]})"), Error);
  // curl and nghttp2 declare their functions dllimport on Windows unless told they are static.
  auto curl = pkg::recipe("curl").defines_for(target::parse("windows/amd64"));
  CHECK(curl.at("include/curl/curl.h") == std::vector<std::string>{"CURL_STATICLIB"});
}
