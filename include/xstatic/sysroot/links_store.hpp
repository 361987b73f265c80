// The store a links folder belongs to.
//
// The names `install-links` writes (aarch64-linux-musl-cc, ...) are symbolic
// links to xstatic, and CMake toolchain files and Meson cross files name the
// ones in <store>/bin by absolute path. If such a name found its store through
// $XSTATIC_HOME when it runs, a build configured against store A would compile
// against whatever store the build's environment happens to name: the default
// store's sysroot (silently another one), or none at all. So a links folder
// remembers its store in one file beside the links, `.xstatic-store` (the
// store's absolute path on one line), written by install-links and by
// `xstatic toolchain|env`. A compiler called through such a folder uses that
// store; when $XSTATIC_HOME names another, the call fails naming both instead
// of switching. Folders without the file (older installs) keep using
// $XSTATIC_HOME.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "xstatic/store/store.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

inline constexpr const char* kLinksStoreFile = ".xstatic-store";

// Records `store` as the store of the links in `dir` (atomic; only when it changes).
void write_links_store(const fs::path& dir, const store::Store& store);

// The store recorded in `dir`, nullopt when the folder records none.
std::optional<fs::path> read_links_store(const fs::path& dir);

// The folder a program was started from: argv0's folder when it has a slash,
// else the first folder on PATH holding that name (as the shell found it).
std::optional<fs::path> program_dir(std::string_view argv0);

// The store for a compiler called as `argv0` through a links folder: the
// folder's store when it records one (throws Error (usage) naming both when
// $XSTATIC_HOME names another store), else Store::locate().
store::Store store_of_program(std::string_view argv0);

}  // namespace xstatic::sysroot
