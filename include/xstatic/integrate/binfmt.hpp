// `xstatic binfmt`: registers qemu-user as the kernel's handler for a
// target's ELF binaries (binfmt_misc), so that a foreign static binary runs
// when it is exec'd by path: tests CMake registers by path (add_test(COMMAND
// ${dir}/t), which CMAKE_CROSSCOMPILING_EMULATOR does not wrap), test runners
// written in Python or shell, `./configure` scripts that run what they build.
//
// What tonistiigi/binfmt does for Docker, with the emulators Debian installs:
// one line ":name:M:0:magic:mask:interpreter:flags" written to
// /proc/sys/fs/binfmt_misc/register (Documentation/admin-guide/binfmt-misc.rst),
// after mounting binfmt_misc there when it is not. The magic and mask are the
// ELF header of the target's row (class, byte order, version, e_type 2 or 3,
// e_machine), the bytes qemu's scripts/qemu-binfmt-conf.sh matches. The F
// (fix-binary) flag makes the kernel open qemu once, at registration, so the
// handler also works inside containers and chroots that have no qemu of
// their own. Handlers are named xstatic-qemu-<arch>: `remove` takes away only
// what xstatic registered, never the distribution's own qemu-<arch> entries.
//
// A handler is global to the kernel (or, from Linux 6.7, to the user
// namespace): every process on the machine sees it until it is removed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/target/target.hpp"

namespace xstatic::integrate {

inline constexpr const char* kBinfmtDir = "/proc/sys/fs/binfmt_misc";

struct BinfmtHandler {
  target::Target target;
  std::string name;         // "xstatic-qemu-aarch64"
  std::string magic, mask;  // 20 bytes each, raw
  std::string interpreter;  // absolute path of qemu-<arch>-static
  std::string flags = "F";  // fix-binary
};

// The handler for a target's binaries, run by `interpreter`. Throws Error
// (usage) for a target this host runs natively or that qemu-user cannot run.
BinfmtHandler binfmt_handler(const target::Target& t, std::string interpreter);

// ":name:M:0:<magic>:<mask>:<interpreter>:<flags>", bytes as \xNN.
std::string binfmt_register_line(const BinfmtHandler& h);

// One registered entry, as /proc/sys/fs/binfmt_misc/<name> describes it.
struct BinfmtEntry {
  bool enabled = false;
  std::string interpreter;
  std::string flags;                // "F", "POCF", ...
  std::string magic_hex, mask_hex;  // lower-case hex, as the kernel prints them
};

// Parses the text of an entry file; nullopt when it is not a magic entry.
std::optional<BinfmtEntry> parse_binfmt_entry(std::string_view text);

// True when `entry` is `h` as registered (same bytes, interpreter and flags).
bool binfmt_matches(const BinfmtEntry& entry, const BinfmtHandler& h);

// True when `entry` would handle the binaries `h` handles (another name, same magic).
bool binfmt_same_magic(const BinfmtEntry& entry, const BinfmtHandler& h);

// Targets `binfmt install` takes without arguments: one per qemu-user binary,
// for every Linux target this host cannot run natively.
std::vector<target::Target> binfmt_default_targets();

// Registers the handlers (root only; mounts binfmt_misc when needed;
// idempotent: an identical handler is left alone, a stale one replaced).
// Throws Error with the reason when the kernel or the container refuses.
std::vector<std::string> binfmt_install(const std::vector<target::Target>& targets,
                                        const std::filesystem::path& dir = kBinfmtDir);

// Removes xstatic's handlers (those of `targets`, or all of them).
std::vector<std::string> binfmt_remove(const std::vector<target::Target>& targets,
                                       const std::filesystem::path& dir = kBinfmtDir);

// One line per target: registered by xstatic, by another entry, or not at all.
std::vector<std::string> binfmt_status(const std::vector<target::Target>& targets,
                                       const std::filesystem::path& dir = kBinfmtDir);

}  // namespace xstatic::integrate
