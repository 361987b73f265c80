// The store: where xstatic keeps what it provisions.
//
//   $XSTATIC_HOME (default $XDG_DATA_HOME/xstatic, else ~/.local/share/xstatic)
//     sysroots/<debian-arch>-<libc>/     one finished sysroot each, with manifest.json
//     sysroots/.tmp-*                     installs in progress (renamed into place when done)
//     locks/                              one lock file per sysroot / runtime
//     apt/<debian-arch>/                  apt's private state (lists, cache) per architecture
//     runtimes/...                        C++ runtimes (see xstatic/runtimes)
//     sdks/MacOSX<version>.sdk/           macOS SDKs the user imported (see xstatic/sysroot/sdk.hpp)
//
// Everything here is cheap (no I/O beyond stat): the compiler hot path uses it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "xstatic/target/target.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

class Store {
 public:
  // The store for this call: `override_dir` (--store) when given, else
  // $XSTATIC_HOME, else the XDG data directory's xstatic folder.
  static Store locate(const std::optional<fs::path>& override_dir = std::nullopt);
  explicit Store(fs::path root) : root_(std::move(root)) {}

  const fs::path& root() const { return root_; }
  fs::path sysroots_dir() const { return root_ / "sysroots"; }
  fs::path locks_dir() const { return root_ / "locks"; }
  fs::path apt_dir() const { return root_ / "apt"; }
  fs::path runtimes_dir() const { return root_ / "runtimes"; }

  // Final place of the sysroot for a target (it may not exist yet).
  fs::path sysroot_path(const target::Target& t) const;

  // The sysroot's path when it is installed (its manifest exists), else nullopt.
  std::optional<fs::path> find(const target::Target& t) const;

 private:
  fs::path root_;
};

// "arm64-musl": targets that share a Debian architecture and libc (armel's
// v5 and v6) share one sysroot.
std::string sysroot_name(const target::Target& t);

// musl, glibc and WASI (wasi-libc + libc++ for wasm32, arch:all packages)
// sysroots are provisioned into the store; mingw-w64 and macOS SDKs are found
// where their own installers put them.
bool is_provisioned_by_xstatic(const target::Target& t);
// The same for a libc: it has a recipe in sysroots/<libc>.json.
bool has_recipe(target::Libc libc);

// The command that installs the sysroot for `t`, for error messages.
std::string install_command(const target::Target& t);

inline constexpr const char* kManifestName = "manifest.json";

}  // namespace xstatic::sysroot
