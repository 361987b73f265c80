// The packages installed beside a target's sysroot: the static libraries that
// `xstatic pkg install` built (zlib, openssl, curl, ...), one folder each:
//
//   <store>/pkg/<debian-arch>-<libc>/<name>/
//       include/  lib/lib*.a  lib/pkgconfig/*.pc   what the package installed
//       manifest.json                              written last: "installed"
//
// The driver reads them on every call, so finding them is cheap (one folder
// listing and a stat per package); the manifests are read only for a link,
// to complete the libraries a static link needs (`-lcurl` alone needs
// openssl's, nghttp2's and zlib's archives too).
//
// XSTATIC_PKGS narrows what every call sees: unset, every installed package;
// "none" (or empty), none; "zlib,openssl", those. `xstatic pkg` sets it while
// it builds a package, so that a build sees exactly the packages its recipe
// depends on, whatever else is installed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

struct InstalledPackage {
  std::string name;  // "curl"
  fs::path root;     // <store>/pkg/arm64-musl/curl
};

// The installed packages `t`'s calls see (after XSTATIC_PKGS), sorted by name.
std::vector<InstalledPackage> installed_packages(const store::Store& store, const target::Target& t);

// What a link needs to know of one package, from its manifest.
struct PackageLinkInfo {
  std::string name;
  std::string version;                   // the Debian source version it was built from: "1:1.2.13.dfsg-1"
  std::string license;                   // SPDX: "Zlib"
  std::vector<std::string> libs;         // its archives in link order, without lib/.a: {"ssl", "crypto"}
  std::vector<std::string> requires_;    // the packages it was built against: {"openssl", "zlib"}
  std::vector<std::string> system_libs;  // the target's libraries its archives need: {"ws2_32", "crypt32"}
  fs::path root;                         // the package's folder: its archives are root/lib/lib<NAME>.a
};
std::optional<PackageLinkInfo> read_link_info(const fs::path& package_root);

// The -l flags to append to a static link that names `libs` (-lNAME) or, among
// `inputs`, a package's lib/lib<NAME>.a by path: every library of each
// package named and of everything it requires, dependencies after the
// packages that need them, then the system libraries they need (Windows'
// ws2_32, crypt32), each once. Empty when no package library is named.
std::vector<std::string> closure_flags(const std::vector<InstalledPackage>& installed,
                                       const std::vector<std::string>& libs,
                                       const std::vector<std::string>& inputs);

// The same packages themselves, in that order (the driver's embedded SBOM
// names them), and their flags.
std::vector<PackageLinkInfo> closure(const std::vector<InstalledPackage>& installed,
                                     const std::vector<std::string>& libs,
                                     const std::vector<std::string>& inputs);
std::vector<std::string> closure_flags(const std::vector<PackageLinkInfo>& closure);

// A comma-separated XSTATIC_PKGS value: nullopt = no filter.
std::optional<std::vector<std::string>> package_filter();

}  // namespace xstatic::sysroot
