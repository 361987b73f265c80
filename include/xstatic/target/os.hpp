// What xstatic knows about each operating system of the target table, as one
// row of data (as libc.hpp is for libcs): code reads a row's facts instead of
// comparing GOOS names. A row is found once per target from the target
// table's `goos`, the one place a name maps to a kind.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "xstatic/target/target.hpp"

namespace xstatic::target {

// How `xstatic run`, CMake's emulator and `targets` run a program of it.
enum class Runner : std::uint8_t {
  emulator,  // natively on the host's own architecture, else the target row's qemu-user binary (if any)
  wine,      // wine, with a prefix of xstatic's (integrate/wine.hpp)
  wasi,      // a WASI runtime found on the host (integrate/wasi.hpp)
};

struct OsInfo {
  std::string_view goos;          // "linux": the Go name, as the target table spells it
  std::string_view cmake_system;  // CMAKE_SYSTEM_NAME: "Linux", "Windows", "Darwin", "WASI"
  std::string_view meson_system;  // a Meson cross file's `system`: "linux", "windows", "darwin", "wasi"
  // Programs run on the Linux kernel: they make container images, binfmt_misc
  // can run them, and xstatic's allocator and libc routines (Linux system
  // calls) can replace musl's.
  bool linux_kernel;
  // Debian's multiarch library folders (usr/lib/<triple>/pkgconfig) exist in
  // its sysroots.
  bool debian_multiarch;
  // Everything a program links is static (Linux through xstatic, WASI always):
  // the CMake toolchain file keeps a project's SHARED libraries static too.
  bool static_only;
  bool windows_tools;  // windres and dlltool come with its compilers (mingw-w64)
  Runner runner;       // what runs its programs here
  bool zip_archives;   // releases pack it as .zip (the platform's own archive), else .tar.gz
  // CMAKE_EXECUTABLE_SUFFIX, set by the toolchain file where CMake has no
  // platform file to say it (WASI's ".wasm"); "" leaves CMake's.
  std::string_view cmake_executable_suffix;
};

// The row of `row`'s operating system (every goos of the target table has one;
// the unit tests check it).
const OsInfo& os_info(const Row& row);
// Every operating system's row.
std::span<const OsInfo> oses();

}  // namespace xstatic::target
