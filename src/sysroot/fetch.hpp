// Where a recipe's .deb files come from: a folder (offline), or the host's
// apt through a private state in the store that never touches the host's
// apt or dpkg state.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/sysroot/store.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::sysroot {

// One .deb per package (newest version for `arch` or "all"), in `packages` order.
// Throws xstatic::Error (Exit::missing) naming the first package not found.
std::vector<fs::path> debs_from_folder(const fs::path& dir, const std::string& arch,
                                       const std::vector<std::string>& packages);

// Downloads (or reuses from <store>/apt/<arch>/debs) the candidate versions.
std::vector<fs::path> debs_from_apt(const Store& store, const std::string& arch,
                                    const std::vector<std::string>& packages, util::Progress& progress);

}  // namespace xstatic::sysroot
