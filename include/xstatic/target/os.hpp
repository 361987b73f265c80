// What xstatic knows about each operating system of the target table, as one
// row of data (as libc.hpp is for libcs): code reads a row's facts instead of
// comparing GOOS names. A row is found once per target from the target
// table's `goos`, the one place a name maps to a kind.
#pragma once

#include <span>
#include <string_view>

#include "xstatic/target/target.hpp"

namespace xstatic::target {

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
  bool runs_in_wine;   // `xstatic run` and CMake's emulator run its programs under wine
  bool zip_archives;   // releases pack it as .zip (the platform's own archive), else .tar.gz
};

// The row of `row`'s operating system (every goos of the target table has one;
// the unit tests check it).
const OsInfo& os_info(const Row& row);
// Every operating system's row.
std::span<const OsInfo> oses();

}  // namespace xstatic::target
