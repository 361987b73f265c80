// Temporary paths that clean up after themselves: the one way to hold a
// folder that is being extracted or built until it is renamed into place (no
// `catch (...)` clean-ups).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace xstatic::util {

// Removes every entry of `parent` whose name starts with `prefix`: what killed
// runs left behind. Only for a caller holding the lock that makes it the one
// user of that prefix.
void remove_leftovers(const std::filesystem::path& parent, std::string_view prefix);

// A path removed, with everything under it, when it goes out of scope, unless
// keep() was called (after renaming it into place, say).
class TempPath {
 public:
  explicit TempPath(std::filesystem::path path) : path_(std::move(path)) {}
  ~TempPath();
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::filesystem::path& path() const { return path_; }
  void keep() { kept_ = true; }

 private:
  std::filesystem::path path_;
  bool kept_ = false;
};

// The temporary folder of one build, `parent`/`prefix`<pid>: made empty (the
// leftovers of killed builds with the same prefix removed first, so the
// caller holds the build's lock), and removed whatever happens. A build that
// did not call succeeded() keeps its build.log as `failed_log`.
class BuildScratch {
 public:
  BuildScratch(const std::filesystem::path& parent, const std::string& prefix,
               std::filesystem::path failed_log);
  ~BuildScratch();
  BuildScratch(const BuildScratch&) = delete;
  BuildScratch& operator=(const BuildScratch&) = delete;
  const std::filesystem::path& dir() const { return dir_.path(); }
  std::filesystem::path log() const { return dir() / "build.log"; }
  void succeeded() { done_ = true; }

 private:
  TempPath dir_;
  std::filesystem::path failed_log_;
  bool done_ = false;
};

}  // namespace xstatic::util
