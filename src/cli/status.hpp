// What is ready on this machine for each target: shared by `targets` and `doctor`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/target/target.hpp"

namespace xstatic::cli {

struct TargetStatus {
  target::Target target;
  std::optional<std::filesystem::path> sysroot;  // installed sysroot, if any
  std::string cxx_runtime;                       // "libc++", "libstdc++", "libc++ (not built)", "-"
  std::string allocator;  // what --malloc=auto links: "mimalloc 2.0.9", "mimalloc (not built)", "musl",
                          // "glibc", "system"
  std::string runner;     // "native", the qemu-user binary, wine's loader, a WASI runtime, or "-"
  std::string missing;    // what stops a build ("" when ready)
  std::string fix;        // the command that adds it (or updates the sysroot)
  bool sysroot_outdated = false;  // installed from an older recipe: works, but fix updates it

  bool ready() const { return missing.empty(); }
};

TargetStatus target_status(const target::Target& t);
std::vector<TargetStatus> all_target_status();  // every row, musl and glibc for Linux

// What runs a target's programs here: "native" for the host, else the
// qemu-user binary, wine's loader (wine64, wine) or a WASI runtime; "-" when none is installed.
std::string runner_for(const target::Target& t);

}  // namespace xstatic::cli
