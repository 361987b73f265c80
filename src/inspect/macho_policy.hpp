// What "static" means for a macOS binary, and the minimum-OS rule of
// `verify --target darwin/...`. macOS has no static libc: every executable
// links /usr/lib/libSystem.B.dylib, and Apple ships no static libc++ either,
// so a C++ program links /usr/lib/libc++.1.dylib (part of the OS since 10.7).
// Beside those, only Apple's frameworks (/System/Library/Frameworks/*) are
// part of every Mac; any other dylib must be shipped with the program.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xstatic/inspect/report.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::inspect::detail {

// libSystem, libc++ (and libc++abi, which it re-exports), or a system framework.
bool is_system_dylib(std::string_view install_name);

// "macos 11.0" -> "11.0"; "" when the report names another platform or none.
std::string macos_version_of(std::string_view min_os);

// Adds a failure when the Mach-O report's minimum OS is newer than the
// target row's (target/darwin.hpp; a binary that refuses to start on the oldest macOS the
// target promises). A file that records no macOS version passes.
void check_min_os(const Report& r, const target::Target& t, std::vector<std::string>& failures);

}  // namespace xstatic::inspect::detail
