// What xstatic knows about each libc, as one table of data (as the target
// table is for architectures, and as mold keeps per-architecture traits):
// whether xstatic provisions its sysroot, which C++ runtime and allocator its
// programs get, how its dynamic programs are recognised, how it links, where
// its sysroot comes from. Code reads a row's facts; nothing outside the
// parsers (which say which libc they found) compares a target::Libc.
#pragma once

#include <cstdint>
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
  // The lld program a link runs, found beside clang or on PATH and named with
  // --ld-path: "ld.lld" (clang's -fuse-ld=lld picks its ELF or MinGW mode;
  // WASI links run wasm-ld themselves, but lld must be there), "ld64.lld"
  // (Mach-O: clang's darwin driver would not find it by itself).
  std::string_view lld;
  bool ld_path_always;  // --ld-path even when lld is the one beside clang (ld64.lld)
  bool drops_comment;   // a stripped link drops .comment too (ELF lld: docs/libc.md, "C hello")
  bool c_startfiles;    // a C link takes xstatic's crtbegin/crtend, not gcc's (driver/link_files.hpp)
};

// Where a libc's sysroot comes from, how sysroot::find looks for it, and what
// installs it.
enum class SysrootSource : std::uint8_t {
  recipe,  // xstatic installs it into the store from Debian packages (sysroots/<name>.json)
  system,  // a Debian package puts it in /usr/<triple> (mingw-w64)
  sdk,     // the user brings it: an SDK imported into the store, or $SDKROOT (Apple's; docs/darwin.md);
           // it is passed as -isysroot, C++ with the SDK's own libc++ headers
};

// Every fact xstatic knows about one libc, as one row of data (as the target
// table is for architectures): code reads these instead of switching on Libc.
struct LibcInfo {
  Libc libc;
  std::string_view name;          // "musl": --libc, manifests, messages
  bool musl_triple;               // its triple is the target row's musl column (else the gnu/only one)
  SysrootSource sysroot;          // where its sysroot comes from
  std::string_view install_hint;  // what installs a sysroot that is not a recipe's ("" for a recipe's)
  bool adds_debian_packages;      // 'sysroot add' puts Debian's library packages into its sysroot
  // Debian builds libraries for its targets' architectures, but against glibc:
  // 'sysroot add' says why they cannot go into its sysroot and names glibc's.
  bool glibc_twin;
  bool builds_cxx_runtimes;      // C++ links the libc++ xstatic builds for it (the runtimes module)
  std::string_view cxx_runtime;  // its C++ runtime as `targets` shows it; "system": the toolchain's or SDK's
  bool cxx_exceptions;           // its C++ runtime has exceptions
  bool threads;                  // it has threads
  std::string_view malloc;       // its own allocator as `inspect` names it ("": not told apart)
  bool mimalloc;                 // xstatic can link mimalloc in its place (where the arch has 64-bit atomics)
  bool libc_routines;            // xstatic's string and sort routines can replace its own (docs/libc.md)
  std::string_view interpreter;  // a dynamic loader of it has this in its path ("ld-musl"; "": none)
  std::string_view shared_libc;  // the shared C library a dynamic program of it needs ("libc.so.6"; "")
  bool static_hazards;           // a static link can pull in NSS and dlopen: lld is asked why
  // Its version floors are Debian releases (--glibc 2.31; glibc_floor.hpp),
  // and verify --max-glibc applies to its binaries.
  bool release_floors;
  bool libc_dynamic;                // --link=libc-dynamic: it stays dynamic, everything else is static
  std::string_view linker;          // lld's flavour for it: "ld.lld", "ld64.lld", "wasm-ld"
  std::string_view default_output;  // what a link without -o writes: "a.out", "a.exe", "a.wasm"
  bool names_output;                // a link without -o is given -o default_output (clang would write a.out)
  bool min_os_flag;                 // the triple's OS version goes as -mmacos-version-min (target/darwin.hpp)
  // Its gcc runtime folder (libgcc, libstdc++) is one clang's driver does not
  // choose: /usr/lib/gcc/<triple>/12-posix (driver::mingw_gcc_dir).
  bool gcc_posix_dir;
  // A link names its default libraries itself (-nodefaultlibs, then libc++,
  // libc and the compiler-rt builtins from the sysroot): clang would look
  // for the builtins in its own resource folder (WASI; driver/command.cpp).
  bool names_default_libs;
  // Flags other tools put on every link of it that its linker rejects are
  // dropped (Go's GNU ld script, Meson's --allow-shlib-undefined: lld's
  // MinGW mode; driver/dropped.cpp).
  bool drops_gnu_ld_flags;
  // The hint when a link's output fails the post-link check ("": remove
  // what makes the link dynamic, or pass --no-verify).
  std::string_view verify_hint;
  LinkFlags link;
};

// The row of `libc` (every Libc has one; src/target/table.cpp).
const LibcInfo& libc_info(Libc libc);
// Every libc's row, in the order of the Libc enumeration (musl first).
std::span<const LibcInfo> libcs();

}  // namespace xstatic::target
