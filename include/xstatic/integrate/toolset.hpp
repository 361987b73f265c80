// What a build system needs to drive xstatic for one target, gathered once:
// single-word compiler names, the sysroot, LLVM's binutils, pkg-config and
// the emulator that runs the target's binaries on this host.
//
// Why single words: `CC="zig cc"` is two words, and CMake, autotools, ccache
// and cc-rs split or quote it wrongly (zig#8716, #12413). So every build
// system gets programs whose name carries the target, as GCC cross
// toolchains do: <store>/bin/aarch64-linux-musl-cc is a symbolic link to
// xstatic, which reads the target from its argv[0] (target::from_program_name).
// The names are the driver's (driver::link_names, `xstatic install-links`):
// <prefix>-cc, -c++, -ar, -ranlib, ... all links to xstatic, which runs
// clang or the LLVM tool. Beside them, <prefix>-pkg-config is a script that
// looks only inside the sysroot.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::integrate {

namespace fs = std::filesystem;

struct Toolset {
  target::Target target;
  std::string prefix;  // program-name prefix carrying the target: "aarch64-linux-musl"
  fs::path xstatic;    // this program, absolute
  fs::path bin_dir;    // the launcher folder: <store>/bin
  fs::path cc, cxx;    // <bin_dir>/<prefix>-cc, <prefix>-c++
  fs::path ar, ranlib, nm, strip, objcopy, objdump, readelf;  // <bin_dir>/<prefix>-ar, ...
  fs::path ld;          // <bin_dir>/<prefix>-ld: lld (for LD, libtool's `$LD -r`)
  fs::path pkg_config;  // <bin_dir>/<prefix>-pkg-config
  fs::path windres;     // <bin_dir>/<prefix>-windres (llvm-windres); Windows targets only
  fs::path sysroot;     // where the target's sysroot is (or will be once installed)
  bool sysroot_installed = false;
  std::vector<fs::path> pkg_config_dirs;  // inside the sysroot, in search order
  fs::path packages;                  // <store>/pkg/<sysroot-name>: `xstatic pkg` packages, one folder each
  bool runnable = true;               // its binaries can run on this host (natively or emulated)
  std::vector<std::string> emulator;  // runs a target binary here; empty when native or not runnable;
                                      // Windows: `xstatic run --` (wine)
  fs::path store;                     // the store the toolset belongs to (XSTATIC_HOME)
  std::string malloc;                 // --malloc for every link ("": the driver's default, auto)
};

// "aarch64-linux-musl" for a target's default variant (its triple, so that
// `./configure --host=` and CROSS_COMPILE agree with it); "linux-arm-v6" for
// a variant that shares its triple with another row, so that argv[0] still
// names exactly one target. Throws for a glibc variant that has no unique name.
std::string launcher_prefix(const target::Target& t);
// The same, nullopt for a variant no program name carries.
std::optional<std::string> try_launcher_prefix(const target::Target& t);

// The Debian multiarch folder name of the target's libraries ("aarch64-linux-gnu",
// "i386-linux-gnu"), where Debian's -dev packages put .a and .pc files.
std::string debian_multiarch(const target::Row& row);

// True when the target's binaries run on this CPU without an emulator.
bool runs_natively(const target::Target& t);

// The command that runs a target binary on this host: empty when native,
// else the absolute path of the row's qemu-user binary (its bare name when
// not installed), nullopt when nothing can run it here (Windows, macOS).
// qemu-user runs static binaries with no binfmt set-up.
std::optional<std::vector<std::string>> emulator_for(const target::Target& t);

// Gathers the toolset (stat only; creates nothing). Throws launcher_prefix's
// Error for a variant no program name carries.
Toolset describe(const store::Store& store, const target::Target& t, const fs::path& xstatic_exe);
// The same, nullopt for such a variant (`install-links` skips its pkg-config).
std::optional<Toolset> try_describe(const store::Store& store, const target::Target& t,
                                    const fs::path& xstatic_exe);

// Creates the launcher links (through driver::install_links, only when one
// is missing or stale) and the pkg-config script; safe for parallel callers.
// A store the user cannot write (made by root, a read-only copy) whose
// <store>/bin is not already complete gets a links folder of the user's
// instead (user_links_dir), and `tools` names it; `note` is told which.
void ensure_launchers(Toolset& tools, const std::function<void(const std::string&)>& note = {});

// `tools` with its launchers (cc, ar, pkg-config, ...) in `bin` instead.
Toolset with_bin_dir(Toolset tools, const fs::path& bin);

// The user's links folder for a store they cannot write:
// $XDG_CACHE_HOME/xstatic/links-<hash of the store's path> (else ~/.cache/...).
std::optional<fs::path> user_links_dir(const fs::path& store_root);

// Writes the <prefix>-pkg-config script for `tools` as `file` (atomic; only when it changes).
void write_pkg_config(const Toolset& tools, const fs::path& file);

// The absolute path of the running xstatic binary.
fs::path self_executable();

}  // namespace xstatic::integrate
