// The one loop that unpacks fetched .deb files into a sysroot being built,
// shared by `sysroot install` (a new sysroot) and `sysroot add` (a copy of
// an installed one).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "xstatic/sysroot/deb.hpp"
#include "xstatic/sysroot/recipe.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::sysroot {

// Extracts debs[i], which must hold package names[i] for `arch` (or "all"),
// into `work` with the recipe's layout; `label(i)` is its progress line.
// Throws xstatic::Error (Exit::usage) naming a file that holds another package.
std::vector<PackageInfo> unpack_debs(const std::vector<std::filesystem::path>& debs,
                                     const std::vector<std::string>& names, const std::string& arch,
                                     const std::filesystem::path& work, const Recipe& recipe,
                                     const std::function<std::string(std::size_t)>& label,
                                     util::Progress& progress);

}  // namespace xstatic::sysroot
