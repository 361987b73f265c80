// `xstatic sysroot add TARGET PACKAGE...`: extra Debian -dev packages
// (zlib1g-dev, libssl-dev, libsqlite3-dev, ...) in a glibc sysroot, with the
// dependencies of theirs that are libraries, so that projects with
// dependencies link statically against them. The manifest records them.
//
// musl sysroots refuse: Debian builds every library against glibc, and its
// static archives call glibc-only functions (see musl_refusal()).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/deb.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

struct AddOptions {
  std::optional<fs::path> debs_dir;  // offline: take exactly the named packages from this folder
  bool quiet = false;                // no progress lines on stderr
};

struct AddResult {
  fs::path sysroot;                  // the sysroot added to
  std::vector<PackageInfo> added;    // what was extracted now, dependencies first
  std::vector<std::string> present;  // requested packages that were there already
};

// Installs the sysroot when needed, then adds the packages under the
// sysroot's lock, atomically (a hard-linked copy gets the new files and is
// renamed into place). Adding what is there already changes nothing.
AddResult add_packages(const store::Store& store, const target::Target& t,
                       const std::vector<std::string>& packages, const AddOptions& options);

// Why Debian's libraries are not added to a musl sysroot, for the error message.
std::string musl_refusal(const target::Target& t);

// Packages worth extracting from a dependency closure: libraries and their
// development files (lib*, *-dev), not tools (*-bin) or documentation.
bool is_library_package(std::string_view name);

// One package's dependencies from `apt-cache depends`: each entry is a group
// of alternatives (A | B), virtual packages replaced by their providers.
struct AptDepends {
  std::string package;
  std::vector<std::vector<std::string>> groups;
};
std::vector<AptDepends> parse_apt_depends(std::string_view text);

// Picks from each group the alternative already installed, else the first
// one; returns the picks that still need installing and are libraries.
std::vector<std::string> missing_libraries(const AptDepends& deps, const std::vector<std::string>& installed);

}  // namespace xstatic::sysroot
