// `runtimes export` / `import`: the runtimes built for musl targets (libc++
// with libc++abi and libunwind, mimalloc) as one tar archive, so that a CI
// cache or a Docker layer carries them and a fresh runner links C++ at once.
//
//   xstatic-runtimes.json             written first: the format, and per runtime
//                                     folder every file's SHA-256 (links: target)
//   llvm-19-r2/arm64-musl/...          runtimes/<group>/<sysroot>/ of the store,
//   mimalloc-2.0.9-llvm19-r4/...      exactly as built (manifest.json included)
//
// Import extracts into runtimes/.import-<pid>/ with SafeTree's rules (nothing
// lands outside it), then checks everything before installing anything: each
// folder is indexed, each file's digest matches, nothing unindexed is there,
// each manifest names a known musl target whose sysroot and clang version
// match its folder. Only then is each folder renamed into place under the
// same lock a build of it takes; a runtime already in the store is kept.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::runtimes {

namespace fs = std::filesystem;

inline constexpr const char* kIndexName = "xstatic-runtimes.json";

// Writes the runtimes of `targets` built with this xstatic's clang (both
// builds, standard and size, when built; every runtime of that clang in the
// store when `targets` is empty) to `out`
// (.tar.zst, .tar.xz, .tar.gz or .tar), through a temporary file renamed into
// place. Returns the folders written ("llvm-19-r2/arm64-musl"). Throws
// Error(missing) when a named target has no runtimes built.
std::vector<std::string> export_runtimes(const store::Store& store,
                                         const std::vector<target::Target>& targets, const fs::path& out);

struct ImportedRuntime {
  std::string folder;      // "llvm-19/arm64-musl"
  bool installed = false;  // false: the store had it already (kept)
};

// Checks and installs an archive made by export_runtimes (see above). Throws
// Error(usage) naming the file and the reason when anything is refused; then
// nothing was installed. Its steps go to `progress`.
std::vector<ImportedRuntime> import_runtimes(const store::Store& store, const fs::path& file,
                                             util::Progress& progress);

}  // namespace xstatic::runtimes
