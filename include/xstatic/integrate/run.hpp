// `xstatic run`: runs a target binary on this host, natively when its
// architecture is the host's, else under the row's qemu-user binary
// (qemu-aarch64-static runs a static binary directly: no binfmt, no sysroot),
// and a Windows .exe under wine.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/integrate/wine.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::integrate {

// The target an ELF or PE file was built for, as the inspector reads it
// (machine, class, endianness; glibc or musl when it can tell). Throws
// xstatic::Error (usage) when the file cannot be read, is neither, or fits no target.
target::Target target_of_binary(const std::filesystem::path& program);

struct RunPlan {
  target::Target target;
  bool native = false;            // exec the program itself
  std::vector<std::string> argv;  // what to exec: the program, or the emulator then the program
  std::vector<std::string> env;   // NAME=VALUE entries to add to the environment (wine's)
  std::optional<Wine> wine;       // Windows: the wine that runs it (its prefix is made by prepare_run)
};

// What must exist before the plan runs: wine's prefix, made once, quietly.
void prepare_run(const RunPlan& plan, const store::Store& store);

// Decides how to run `program` with `args`; `explicit_target` (--target) wins
// over the file's header. A dynamic foreign binary gets `-L <sysroot>` from
// `store` when that sysroot is installed. Throws Error (missing) when the
// emulator is not installed.
RunPlan plan_run(const std::filesystem::path& program, const std::vector<std::string>& args,
                 const std::optional<target::Target>& explicit_target, const store::Store& store);

}  // namespace xstatic::integrate
