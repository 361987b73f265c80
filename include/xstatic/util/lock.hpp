// An exclusive lock on a file (flock), held for the lifetime of the object.
// The kernel drops it when the process dies, so a killed install never
// leaves a stale lock behind.
#pragma once

#include <filesystem>
#include <functional>

namespace xstatic::util {

class FileLock {
 public:
  // Creates the lock file (and its folder) if needed and waits for the lock.
  // `on_wait` is called once if another process holds it, before blocking.
  explicit FileLock(const std::filesystem::path& file, const std::function<void()>& on_wait = {});
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace xstatic::util
