// Split debug info. An ELF binary built with -g is cut in two with
// llvm-objcopy: the debug part (--only-keep-debug) is named after its GNU
// build-id in the layout gdb, lldb and debuginfod read,
// `.build-id/<first two hex digits>/<the rest>.debug`, and the shipped binary
// is stripped (--strip-all) with a .gnu_debuglink naming that file (and its
// CRC), so a debugger finds it either way. A PE (MinGW) binary's DWARF goes
// the same way into `<name>.exe.debug` (PE has no build-id), found by gdb and
// lldb through the .gnu_debuglink when it lies beside the .exe. Mach-O and
// wasm binaries are only stripped.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "xstatic/target/target.hpp"

namespace xstatic::release {

namespace fs = std::filesystem;

struct Shipped {
  fs::path binary;                // the stripped binary to ship
  std::optional<fs::path> debug;  // its debug file (ELF; PE built with -g)
  std::string debug_name;         // inside the debug archive: ".build-id/ab/cdef....debug", "app.exe.debug"
  std::string build_id;           // lowercase hex, "" when the format has none
};

// ".build-id/ab/cdef0123.debug" for build-id "abcdef0123".
std::string build_id_path(const std::string& build_id);

// Splits `built` into `work_dir`/bin/<name> and `work_dir`/debug/<id>.debug.
// Throws xstatic::Error (Exit::failed) when an ELF binary has no build-id
// or llvm-objcopy fails.
Shipped split_debug(const fs::path& built, const target::Target& t, const fs::path& work_dir,
                    const std::string& objcopy);

}  // namespace xstatic::release
