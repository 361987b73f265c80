// Compile caches and distributed compilers as xstatic's inner launcher.
//
// `XSTATIC_LAUNCHER=ccache` (or `--launcher ccache`): xstatic resolves the
// target, sysroot and flags as always, then execs
//     ccache /usr/bin/clang-19 --target=... --sysroot=... <user args>
// for a compile-only call: still one exec, and the engine sees the real
// clang (so it keys on clang's identity, not on xstatic's) and every flag
// that decides the object. Links never go through a launcher: they run
// clang themselves and are verified. docs/cache.md has the whole story and
// the outer form (`CC="ccache aarch64-linux-musl-cc"`, see fingerprint.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::driver {

enum class Launcher : std::uint8_t { none, ccache, sccache, distcc, icecc };

// "ccache", "sccache", "distcc", "icecc", "none"; nullopt for anything else.
std::optional<Launcher> parse_launcher(std::string_view name);
std::string_view launcher_name(Launcher l);

// --launcher, else $XSTATIC_LAUNCHER, else none. Throws Error (usage) for an
// unknown engine name.
Launcher launcher_choice(const std::optional<std::string>& option);

// The engine's program on PATH. Throws Error (missing) with the apt command
// that installs it when it is not there.
std::string find_launcher(Launcher l);

// What is wrong with $ICECC_VERSION's environment tarballs, or nothing.
// Its forms: `path`, `platform:path`, `platform:path=target`, several joined
// by commas. Each named tarball must be a readable file icecream can send
// (.tar.gz, .tar.bz2, .tar.xz, .tar.zst): else icecc quietly compiles here.
// Unset or empty is fine: the local iceccd then makes a native environment.
std::optional<std::string> icecc_environment_problem(std::string_view icecc_version);

// Throws Error (missing) with the command that makes an environment when
// icecc_environment_problem($ICECC_VERSION) finds one.
void check_icecc_environment(const std::string& clang);

// `cmd` (clang first) run through the engine at `launcher_path`. distcc and
// icecc get clang by its bare name when that name on PATH is the same file:
// distccd refuses absolute compiler paths (its whitelist is by name) and
// the name is what must match on a worker. For distcc, --target=T becomes
// `-target T`: the spelling distcc looks for before it adds its own host's.
std::vector<std::string> wrap_command(std::vector<std::string> cmd, Launcher l,
                                      const std::string& launcher_path);

}  // namespace xstatic::driver
