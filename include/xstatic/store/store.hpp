// The store: where xstatic keeps what it provisions, and the one place that
// knows its layout. Every folder below is named by a Store accessor; code
// elsewhere never builds a path from root() by hand.
//
//   $XSTATIC_HOME (default $XDG_DATA_HOME/xstatic, else ~/.local/share/xstatic)
//     sysroots/<debian-arch>-<libc>/  sysroots_dir()    one finished sysroot each, with manifest.json
//                                                       (a glibc floor: <debian-arch>-glibc-<version>/)
//     sdks/MacOSX<version>.sdk/       sdks_dir()        imported macOS SDKs (xstatic/sysroot/sdk.hpp)
//     runtimes/...                    runtimes_dir()    libc++ and mimalloc builds (xstatic/runtimes)
//     src/                            sources_dir()     the sources those runtimes are built from
//     pkg/<debian-arch>-<libc>/<name>/ packages_path()  libraries built by `xstatic pkg` (xstatic/pkg)
//     apt/<debian-arch>/, apt/source/ apt_dir()         apt's private state (lists, cache)
//     apt/<debian-arch>-<release>/    apt_state()       the same for another Debian release (a glibc floor)
//     archive/indexes/, archive/debs/ archive_dir()     xstatic's own fetcher: verified Packages indexes
//                                                       (named by SHA-256) and .deb files (sysroot/fetch.hpp)
//     locks/                          locks_dir()       one lock file per sysroot, runtime, download
//     logs/                           logs_dir()        logs of failed runtime builds (libc++, mimalloc)
//     cache/clang/                    clang_cache_dir() clang's major version per binary (toolchain)
//     bin/                            bin_dir()         launcher links of `xstatic toolchain|env`
//     wine/                           wine_prefix()     `xstatic run`'s wine prefix (without WINEPREFIX)
//
// Work in progress sits beside its final place as <parent>/.tmp-<what>-<pid>
// (temp_name) and is renamed into place when done; whoever holds the same
// lock later removes such leftovers of killed runs (temp_prefix).
//
// A finished sysroot or runtime holds a manifest.json (kManifestName), written
// last, so its presence means "installed".
//
// Everything here is cheap (no I/O beyond stat): the compiler hot path uses it.
// What is installed, and where sysroots outside the store live, is the
// sysroot module's knowledge (xstatic/sysroot/find.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "xstatic/target/target.hpp"

namespace xstatic::store {

namespace fs = std::filesystem;

inline constexpr const char* kManifestName = "manifest.json";

class Store {
 public:
  // The store for this call: `override_dir` (--store) when given, else
  // $XSTATIC_HOME, else the XDG data directory's xstatic folder.
  static Store locate(const std::optional<fs::path>& override_dir = std::nullopt);
  explicit Store(fs::path root) : root_(std::move(root)) {}

  const fs::path& root() const { return root_; }
  fs::path sysroots_dir() const { return root_ / "sysroots"; }
  fs::path sdks_dir() const { return root_ / "sdks"; }
  fs::path runtimes_dir() const { return root_ / "runtimes"; }
  fs::path sources_dir() const { return root_ / "src"; }
  fs::path packages_dir() const { return root_ / "pkg"; }
  fs::path apt_dir() const { return root_ / "apt"; }
  // apt's private state for a Debian architecture: the host's sources when
  // `release` is empty, else the same archives' suites of that release.
  fs::path apt_state(std::string_view arch, std::string_view release = {}) const {
    return apt_dir() / (std::string(arch) + (release.empty() ? "" : "-" + std::string(release)));
  }
  fs::path archive_dir() const { return root_ / "archive"; }
  fs::path locks_dir() const { return root_ / "locks"; }
  fs::path logs_dir() const { return root_ / "logs"; }
  fs::path clang_cache_dir() const { return root_ / "cache" / "clang"; }
  fs::path bin_dir() const { return root_ / "bin"; }
  fs::path wine_prefix() const { return root_ / "wine"; }

  // Final place of the sysroot for a target (it may not exist yet).
  fs::path sysroot_path(const target::Target& t) const;

  // Where the packages (zlib, openssl, ...) built for a target's sysroot live.
  fs::path packages_path(const target::Target& t) const;

  // ".tmp-<what>-": the start of the name of every work-in-progress folder for `what`.
  static std::string temp_prefix(std::string_view what);
  // ".tmp-<what>-<pid>": this process's work-in-progress folder for `what`.
  static std::string temp_name(std::string_view what);

 private:
  fs::path root_;
};

// "arm64-musl": targets that share a Debian architecture and libc (armel's
// v5 and v6) share one sysroot.
std::string sysroot_name(const target::Target& t);

}  // namespace xstatic::store
