// The built-in recipes parse, and their layouts place real Debian paths where clang looks.
#include <doctest/doctest.h>

#include "xstatic/sysroot/recipe.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::sysroot;

TEST_CASE("the musl recipe flattens musl's multiarch folders and keeps kernel headers") {
  Recipe r = recipe_for(target::Libc::musl);
  CHECK(r.libc == "musl");
  CHECK(r.packages.back() == "musl-dev");
  CHECK(r.place("usr/include/aarch64-linux-musl/stdio.h") == "usr/include/stdio.h");
  CHECK(r.place("usr/include/arm-linux-musleabihf/bits/alltypes.h") == "usr/include/bits/alltypes.h");
  CHECK(r.place("usr/include/aarch64-linux-gnu/asm/unistd.h") == "usr/include/asm/unistd.h");
  CHECK(r.place("usr/include/mips64el-linux-gnuabi64/asm/sgidefs.h") == "usr/include/asm/sgidefs.h");
  CHECK_FALSE(r.place("usr/include/aarch64-linux-gnu/bits/foo.h"));
  CHECK(r.place("usr/include/linux/types.h") == "usr/include/linux/types.h");
  CHECK(r.place("usr/lib/x86_64-linux-musl/libc.a") == "usr/lib/libc.a");
  CHECK(r.place("usr/lib/gcc/i686-linux-gnu/12/libgcc.a") == "usr/lib/libgcc.a");
  CHECK(r.place("usr/lib/gcc/s390x-linux-gnu/12/crtbeginT.o") == "usr/lib/crtbeginT.o");
  CHECK_FALSE(r.place("usr/lib/gcc/s390x-linux-gnu/12/libasan.a"));
  CHECK_FALSE(r.place("usr/share/doc/musl-dev/copyright"));
  CHECK_FALSE(r.place("usr/bin/musl-gcc"));
}

TEST_CASE("the glibc recipe keeps Debian's layout without runtime-only parts") {
  Recipe r = recipe_for(target::Libc::glibc);
  CHECK(r.place("usr/include/aarch64-linux-gnu/bits/types.h") ==
        "usr/include/aarch64-linux-gnu/bits/types.h");
  CHECK(r.place("usr/lib/aarch64-linux-gnu/libc.a") == "usr/lib/aarch64-linux-gnu/libc.a");
  CHECK(r.place("lib/aarch64-linux-gnu/libc.so.6") == "lib/aarch64-linux-gnu/libc.so.6");
  CHECK_FALSE(r.place("usr/lib/aarch64-linux-gnu/gconv/UTF-16.so"));
  CHECK_FALSE(r.place("usr/share/man/man3/printf.3.gz"));
  CHECK_FALSE(r.place("etc/ld.so.conf.d/x.conf"));
}

TEST_CASE("the WASI recipe lays Debian's wasm32-wasi files out for clang's wasm32-wasip1 triple") {
  Recipe r = recipe_for(target::Libc::wasi);
  CHECK(r.packages.front() == "wasi-libc");
  CHECK(r.place("usr/include/wasm32-wasi/stdio.h") ==
        std::optional<std::string>("include/wasm32-wasip1/stdio.h"));
  CHECK(r.place("usr/lib/wasm32-wasi/libc.a") == std::optional<std::string>("lib/wasm32-wasip1/libc.a"));
  CHECK(r.place("usr/lib/llvm-19/include/wasm32-wasi/c++/v1/vector") ==
        std::optional<std::string>("include/c++/v1/vector"));
  CHECK(r.place("usr/lib/llvm-19/lib/wasm32-wasi/libc++.a") ==
        std::optional<std::string>("lib/wasm32-wasip1/libc++.a"));
  CHECK(r.place("usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a") ==
        std::optional<std::string>("lib/wasm32-wasip1/libclang_rt.builtins-wasm32.a"));
  // Debian's symlinks to the files above are not extracted twice.
  CHECK_FALSE(r.place("usr/include/wasm32-wasi/c++/v1"));
  CHECK_FALSE(r.place("usr/lib/wasm32-wasi/libc++.a"));
  CHECK_FALSE(r.place("usr/share/doc/wasi-libc/copyright"));
}

TEST_CASE("a folder rule also places the folder itself") {
  Recipe r = parse_recipe(R"({"libc":"x","packages":["p"],"layout":[{"from":"a/*/","to":"b/"}]})", "test");
  CHECK(r.place("a/q") == "b");
  CHECK(r.place("a/q/f") == "b/f");
  CHECK_FALSE(r.place("a"));
}

TEST_CASE("a malformed recipe is an internal error naming it") {
  CHECK_THROWS_WITH_AS(parse_recipe("{", "bad.json"), doctest::Contains("bad.json"), Error);
  CHECK_THROWS_AS(parse_recipe(R"({"libc":"x","packages":[],"layout":[]})", "empty.json"), Error);
}

TEST_CASE("a recipe's fingerprint is the layout version and the sha256 of its text") {
  CHECK(fingerprint_of("") ==
        std::to_string(kLayoutVersion) + ":e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(fingerprint_of("{}") != fingerprint_of("{ }"));  // any edit counts, even whitespace
  CHECK(recipe_fingerprint(target::Libc::musl) != recipe_fingerprint(target::Libc::glibc));
  CHECK(recipe_fingerprint(target::Libc::musl) == recipe_fingerprint(target::Libc::musl));
}
