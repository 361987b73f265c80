// Where a recipe's .deb files come from: a folder (offline), or the host's
// apt through a private state in the store that never touches the host's
// apt or dpkg state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/add.hpp"
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

// xstatic's own fetcher (archive_fetch.cpp): the newest version of each
// package for `source.arch` (or "all") across the suites of the mirror
// (mirror.hpp), each index and .deb verified from the archive's signed
// InRelease down, cached in <store>/archive.
std::vector<fs::path> debs_from_archive(const store::Store& store, const AptSource& source,
                                        const std::vector<std::string>& packages, util::Progress& progress);

// The Depends and Pre-Depends of `packages`, from the same verified
// indexes (for `sysroot add` when packages are not fetched with apt).
std::vector<AptDepends> depends_from_archive(const store::Store& store, const AptSource& source,
                                             const std::vector<std::string>& packages,
                                             util::Progress& progress);

// How packages are fetched: XSTATIC_FETCH=apt (the host's apt-get, with a
// private state), builtin (debs_from_archive) or auto (the default: apt when
// apt-get is on PATH, else builtin). Throws xstatic::Error (usage) on another value.
enum class FetchMethod : std::uint8_t { apt, builtin };
FetchMethod fetch_method();
// debs_from_apt or debs_from_archive, as fetch_method() says.
std::vector<fs::path> fetch_debs(const store::Store& store, const AptSource& source,
                                 const std::vector<std::string>& packages, util::Progress& progress);

// The output of `apt-cache depends` (Depends and Pre-Depends only) for
// `packages` of `arch`, from the private apt state. Used by `sysroot add`,
// which parses it (add.hpp: parse_apt_depends).
std::string apt_depends(const store::Store& store, const AptSource& source,
                        const std::vector<std::string>& packages, util::Progress& progress);

}  // namespace xstatic::sysroot
