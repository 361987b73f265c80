// What xstatic knows about each libc, as one table of data (as the target
// table is for architectures, and as mold keeps per-architecture traits):
// whether xstatic provisions its sysroot, which C++ runtime and allocator its
// programs get, how its dynamic programs are recognised, how it links. Code
// reads a row instead of switching on target::Libc; a switch stays only where
// the libc changes what is done rather than a value (darwin's SDK flags,
// WASI's default libraries, mingw's gcc folder).
#pragma once

#include <span>
#include <string_view>

#include "xstatic/target/target.hpp"

namespace xstatic::target {
// How a libc's targets link: the flags xstatic adds, as data. Static linking
// is a Linux/ELF idea: mingw's -static only makes libgcc/winpthread static,
// wasm is always static, and macOS cannot link statically at all.
struct LinkFlags {
  bool fuse_lld;                 // -fuse-ld=lld (wasm: clang already runs wasm-ld)
  bool static_flag;              // -static
  bool static_pie;               // -static-pie is meaningful
  std::string_view gc;           // the linker's dead-code flag
  std::string_view strip_all;    // the linker's strip flag ("" when it has none)
  std::string_view strip_debug;  // the linker's strip-debug-only flag ("" when it has none)
  bool static_dll;               // -shared -static: a DLL with its compiler runtime inside (mingw)
  std::string_view fold;         // the linker's safe identical-code folding ("" when not used)
  bool drops_comment;            // a stripped link drops .comment too (ELF lld: docs/libc.md, "C hello")
  bool c_startfiles;  // a C link takes xstatic's crtbegin/crtend, not gcc's (driver/link_files.hpp)
};

// Every fact xstatic knows about one libc, as one row of data (as the target
// table is for architectures): code reads these instead of switching on Libc.
struct LibcInfo {
  Libc libc;
  std::string_view name;         // "musl": --libc, manifests, messages
  bool provisioned;              // xstatic installs its sysroot from a recipe (sysroots/<name>.json)
  bool adds_debian_packages;     // 'sysroot add' puts Debian's library packages into its sysroot
  bool builds_cxx_runtimes;      // C++ links the libc++ xstatic builds for it (the runtimes module)
  std::string_view cxx_runtime;  // its C++ runtime as `targets` shows it; "system": the toolchain's or SDK's
  bool cxx_exceptions;           // its C++ runtime has exceptions
  bool threads;                  // it has threads
  std::string_view malloc;       // its own allocator as `inspect` names it ("": not told apart)
  bool mimalloc;                 // xstatic can link mimalloc in its place (where the arch has 64-bit atomics)
  std::string_view interpreter;  // a dynamic loader of it has this in its path ("ld-musl"; "": none)
  std::string_view shared_libc;  // the shared C library a dynamic program of it needs ("libc.so.6"; "")
  bool static_hazards;           // a static link can pull in NSS and dlopen: lld is asked why
  bool release_floors;           // its version floors are Debian releases (--glibc 2.31; glibc_floor.hpp)
  bool libc_dynamic;             // --link=libc-dynamic: it stays dynamic, everything else is static
  std::string_view linker;       // lld's flavour for it: "ld.lld", "ld64.lld", "wasm-ld"
  std::string_view default_output;  // what clang writes without -o: "a.out", "a.exe", "a.wasm"
  LinkFlags link;
};

// The row of `libc` (every Libc has one; src/target/table.cpp).
const LibcInfo& libc_info(Libc libc);
// Every libc's row, in the order of the Libc enumeration (musl first).
std::span<const LibcInfo> libcs();

}  // namespace xstatic::target
