// Checks on files a user names as input, and on the space to write them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "xstatic/util/error.hpp"

namespace xstatic::util {

// Throws Error(usage) when `file` exists and is not a regular file (after
// symlinks): a fifo would block the read forever, a device (/dev/zero) never
// end it, a folder fail in a library's own words. `what` names the input in
// the message ("sysroot archive"). A missing file is left to the caller.
void require_regular_file(const std::filesystem::path& file, const std::string& what);

// The file system holding `path` (its nearest existing folder): where it is
// mounted and the bytes an unprivileged write may still use.
struct DiskSpace {
  std::filesystem::path mount;
  std::uintmax_t free = 0;
};
std::optional<DiskSpace> disk_space(const std::filesystem::path& path);

// The SHA-256 of a file's bytes in lower-case hex, read in 64 KiB blocks;
// nullopt when it cannot be read.
std::optional<std::string> sha256_of_file(const std::filesystem::path& file);

// ENOSPC or EDQUOT: the write failed for want of space, not for a bug.
bool is_no_space(int err);

// The Error (exit 3) for a write into `path` that ran out of space: "no space
// left on the file system at MOUNT (writing PATH): N MB free[, about M MB
// needed]", with a hint to free space or use a store elsewhere. Its own type,
// so that a caller adding context (what was needed) can catch exactly it.
class NoSpace : public Error {
 public:
  using Error::Error;
};
NoSpace no_space_error(const std::filesystem::path& path, std::uintmax_t needed = 0);

}  // namespace xstatic::util
