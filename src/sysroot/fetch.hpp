// Where a recipe's .deb files come from: a folder (offline), or the host's
// apt through a private state in the store that never touches the host's
// apt or dpkg state.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

// One .deb per package (newest version for `arch` or "all"), in `packages` order.
// Throws xstatic::Error (Exit::missing) naming the first package not found.
std::vector<fs::path> debs_from_folder(const fs::path& dir, const std::string& arch,
                                       const std::vector<std::string>& packages);

// Where apt takes a target's packages from: its Debian architecture, and the
// Debian release of its glibc floor ("" for the host's own sources).
struct AptSource {
  std::string arch;     // "arm64"
  std::string release;  // "bullseye", or ""
};
AptSource apt_source_of(const target::Target& t);

// Downloads (or reuses from <store>/apt/<arch>[-<release>]/debs) the candidate versions.
std::vector<fs::path> debs_from_apt(const store::Store& store, const AptSource& source,
                                    const std::vector<std::string>& packages, util::Progress& progress);

// The output of `apt-cache depends` (Depends and Pre-Depends only) for
// `packages` of `arch`, from the private apt state. Used by `sysroot add`,
// which parses it (add.hpp: parse_apt_depends).
std::string apt_depends(const store::Store& store, const AptSource& source,
                        const std::vector<std::string>& packages, util::Progress& progress);

}  // namespace xstatic::sysroot
