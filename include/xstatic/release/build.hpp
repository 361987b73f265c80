// Building the project once per target, in a fresh folder of its own, with
// the target's toolchain: a CMake project gets `xstatic toolchain cmake`'s
// file, make and commands get `xstatic env`'s variables. The release adds
// what reproducible, debuggable delivery needs and nothing else: -g (the
// debug part is split off afterwards), -ffile-prefix-map for the source and
// build folders (no absolute path of this checkout in any output), a GNU
// build-id, and SOURCE_DATE_EPOCH for __DATE__/__TIME__.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/release/config.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::release {

struct BuildSettings {
  fs::path build_root;   // per-target folders go below it (emptied before each build)
  fs::path xstatic_exe;  // this program, for the launchers
  int jobs = 1;          // parallel jobs inside one build (cmake --build -j, make -j)
  std::int64_t source_date_epoch = 0;
};

// "linux_arm64", "linux_armv7", "linux_amd64_glibc", "linux_amd64_glibc2.31":
// the target's folder name (a glibc floor has its own).
std::string target_slug(const target::Target& t);

// Where the driver records each link of a target's build (XSTATIC_LINK_RECORD,
// xstatic/driver/link_record.hpp): emptied before the build, read by the SBOM.
fs::path link_records_dir(const BuildSettings& settings, const target::Target& t);

// The compiler flags a release adds: -g, then one -ffile-prefix-map per
// folder, `source` mapped to "." and `build` to "build" (the longer path is
// matched first by clang, so a build folder inside the source works).
std::vector<std::string> release_cflags(const fs::path& source, const fs::path& build);
// Linker flags a release adds: -g (so that the driver keeps debug info) and a build-id (ELF).
std::vector<std::string> release_ldflags(const target::Target& t);

// Builds for `t` and returns the absolute paths of config.binaries (".exe"
// added on Windows when missing). Every link of the build has the target's
// link mode (XSTATIC_LINK, read by the driver). Throws xstatic::Error
// (Exit::failed) naming the target, the step and the log file when the
// build fails or a binary is missing.
std::vector<fs::path> build_target(const Config& config, const ReleaseTarget& rt, const store::Store& store,
                                   const BuildSettings& settings);

}  // namespace xstatic::release
