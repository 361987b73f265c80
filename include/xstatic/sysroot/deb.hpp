// Reading Debian binary packages (.deb) with libarchive, never through a shell.
//
// A .deb is an ar archive holding debian-binary, control.tar.* and
// data.tar.* (deb(5): https://manpages.debian.org/bookworm/dpkg-dev/deb.5.en.html).
// The inner tars are read as streams straight out of the ar member.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace xstatic::sysroot {

namespace fs = std::filesystem;

// What a manifest records about one package.
struct PackageInfo {
  std::string name;                   // Package:
  std::string version;                // Version:
  std::string architecture;           // Architecture:
  std::string sha256;                 // of the .deb file, lowercase hex
  std::uintmax_t installed_size = 0;  // Installed-Size: (KiB, as dpkg estimates it), in bytes
};

// The control fields of a .deb (sha256 left empty: reading the control part is cheap).
// Throws xstatic::Error naming the file when it is not a readable .deb.
PackageInfo read_deb_control(const fs::path& deb);

// Where each data member of a package goes; nullopt skips it.
using PlaceFn = std::function<std::optional<std::string>(const std::string& member)>;

// Extracts the data part of `deb` into `root` (which must exist), placing each
// member with `place`. Refuses absolute paths, '..' components, writes through
// symlinks, and symlinks or hard links that lead outside `root`: the
// xstatic::Error names the package file and the member. Returns the package's
// control fields and the file's sha256.
PackageInfo extract_deb(const fs::path& deb, const fs::path& root, const PlaceFn& place);

// dpkg's version ordering (deb-version(7)): <0, 0, >0 like strcmp.
int compare_versions(std::string_view a, std::string_view b);

}  // namespace xstatic::sysroot
