// `xstatic cc --print-fingerprint`: what decides an object besides the
// command line and the sources, for compile caches that run xstatic as the
// compiler (the outer launcher: `CC="ccache aarch64-linux-musl-cc"`).
//
// ccache keys the compiler by the file it runs (xstatic, by default by its
// mtime), so an upgraded clang, another XSTATIC_CLANG, a reinstalled
// sysroot or rebuilt libc++ headers would be served stale objects. With
// `compiler_check=%compiler% --print-fingerprint` ccache hashes this text
// instead. It runs on every cached compile, so it is made of stat() calls and
// two small file reads, never a subprocess (bench/cache.sh measures it).
#pragma once

#include <string>

#include "xstatic/driver/command.hpp"
#include "xstatic/store/store.hpp"

namespace xstatic::driver {

// One line per input: xstatic (version, and its binary's size and mtime),
// clang (path, resolved path, major, size, mtime; the size and mtime of
// the libclang-cpp and libLLVM it loads and of its resource headers
// folder), the C++ driver, the
// target (triple, Go name, libc, the flags xstatic adds for it), the
// sysroot (path and a hash of its manifest), and for C++ on musl libc++'s
// install (path and a hash of its manifest). Missing pieces say "none".
std::string fingerprint(const Plan& plan, const store::Store& store);

}  // namespace xstatic::driver
