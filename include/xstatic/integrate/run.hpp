// `xstatic run`: runs a target binary on this host, natively when its
// architecture is the host's, else under the row's qemu-user binary
// (qemu-aarch64-static runs a static binary directly: no binfmt, no sysroot).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/sysroot/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::integrate {

// The target an ELF file was built for, as the inspector reads it (machine,
// class, endianness; glibc or musl when it can tell). Throws xstatic::Error
// (usage) when the file cannot be read, is not ELF, or fits no target.
target::Target target_of_binary(const std::filesystem::path& program);

struct RunPlan {
  target::Target target;
  bool native = false;            // exec the program itself
  std::vector<std::string> argv;  // what to exec: the program, or the emulator then the program
};

// Decides how to run `program` with `args`; `explicit_target` (--target) wins
// over the file's header. A dynamic foreign binary gets `-L <sysroot>` from
// `store` when that sysroot is installed. Throws Error (missing) when the
// emulator is not installed.
RunPlan plan_run(const std::filesystem::path& program, const std::vector<std::string>& args,
                 const std::optional<target::Target>& explicit_target, const sysroot::Store& store);

}  // namespace xstatic::integrate
