// The folders a release writes, checked against the project before anything
// is built: the dist folder (replaced as a whole, through a staging folder
// beside it) and the build folder.
#pragma once

#include <filesystem>

#include "xstatic/release/config.hpp"

namespace xstatic::release {

namespace fs = std::filesystem;

// A folder beside the dist folder (same file system, so the final rename is
// atomic), removed unless commit() moved it into place. Its name carries the
// pid (.dist.tmp-<pid>-XXXXXX), so that a later release removes the folders
// of killed ones (whose process is gone) and never a running one's.
class Staging {
 public:
  explicit Staging(fs::path dist);
  ~Staging();
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const fs::path& dir() const { return dir_; }
  // Replaces the dist folder with the staging folder.
  void commit();

 private:
  void remove_stale(const std::string& prefix) const;
  fs::path dist_, dir_;
};

// A path as the file system resolves it (symlinks, ".", "..", no trailing slash).
fs::path resolved(const fs::path& p);

// Throws Error(usage) when the dist folder holds the project (it is
// replaced), is a file, or holds files no release wrote.
void check_dist(const fs::path& dist, const Config& config);

// Throws Error(usage) when the build folder holds the project (each target's
// copy of the sources would copy itself: --build-dir ., .., /) or lies in the
// dist folder (replaced at the end).
void check_build_root(const fs::path& build_root, const fs::path& dist, const Config& config);

}  // namespace xstatic::release
