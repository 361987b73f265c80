// Provisioning sysroots into the store: install, list, remove, export, import.
//
// Every change to a sysroot happens under its lock (<store>/locks/<name>.lock)
// and becomes visible with one rename: a sysroot is built in
// <store>/sysroots/.tmp-<name>-<pid> and renamed into place once its
// manifest is written. A killed install leaves only a .tmp-* folder, which
// the next install of that sysroot removes (holding the lock proves that its
// owner is gone).
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/manifest.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::util {
class Progress;  // xstatic/util/progress.hpp
}  // namespace xstatic::util

namespace xstatic::sysroot {

namespace fs = std::filesystem;

struct InstallOptions {
  std::optional<fs::path> debs_dir;  // take the .deb files from this folder instead of apt (offline)
  bool quiet = false;                // no progress lines on stderr
};

// Installs the sysroot for `t` unless it is there already, and returns its
// path. A sysroot made by another recipe (its manifest's recipe_fingerprint
// differs from the built-in recipe's, or is missing) is reinstalled the same
// way, replacing the old one in one rename; one that holds packages added
// with `sysroot add` is refused instead (Exit::usage, the hint removes it and
// adds them again), since a reinstall would silently drop them. Idempotent and safe to call concurrently (a
// second caller waits for the first and then finds it installed). Throws xstatic::Error naming the package or
// file at fault. A target whose sysroot xstatic does not provision (mingw from
// Debian's mingw-w64, an imported macOS SDK) returns that folder with a note
// when it is there, and throws Error(usage) naming what to install when not.
fs::path install(const store::Store& store, const target::Target& t, const InstallOptions& options);
// The same, with its steps on the caller's `progress` (options.quiet is not read):
// the driver's --auto-install shows them as its own lines.
fs::path install(const store::Store& store, const target::Target& t, const InstallOptions& options,
                 util::Progress& progress);

struct InstalledSysroot {
  fs::path path;
  Manifest manifest;
  bool current = true;  // made by the built-in recipe (is_current)
  std::string fix;      // when not current: upgrade_command()
};

// Whether a manifest records the fingerprint of its libc's built-in recipe.
bool is_current(const Manifest& m);
// The packages of `m` that its libc's recipe does not install: those added with `sysroot add`.
std::vector<std::string> added_packages(const Manifest& m);
// The command that brings the outdated sysroot `m` of `t` up to date:
// `sysroot install`, or remove + add when it holds added packages.
std::string upgrade_command(const Manifest& m, const target::Target& t);
// The installed sysroot of `t` with its manifest read (not for the compile
// path: sysroot::find is the one-stat check); nullopt when not installed or
// its manifest is unreadable.
std::optional<InstalledSysroot> installed(const store::Store& store, const target::Target& t);

// Installed sysroots, sorted by name (folders without a readable manifest are skipped).
std::vector<InstalledSysroot> list(const store::Store& store);

// Removes the sysroot for `t`; false when it was not installed.
bool remove(const store::Store& store, const target::Target& t);

// Writes the installed sysroot for `t` to `out` (a tar archive, compressed
// by its extension: .tar.zst, .tar.xz, .tar.gz or .tar): first an index,
// xstatic-sysroot.json (the format, the sysroot's name, and every file's
// SHA-256 or symlink's target), then <name>/ as its single top folder.
void export_sysroot(const store::Store& store, const target::Target& t, const fs::path& out);

// Installs a sysroot from an archive written by export_sysroot, replacing an
// installed one of the same name. Refuses (Error(usage), nothing installed)
// hostile members as install does, an archive without its index, one whose
// extracted files are not exactly those of the index with their digests (a
// truncated or altered archive), and one whose manifest does not match a
// known target. Returns its path.
fs::path import_sysroot(const store::Store& store, const fs::path& archive, const InstallOptions& options);

}  // namespace xstatic::sysroot
