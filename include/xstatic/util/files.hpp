// Checks on files a user names as input.
#pragma once

#include <filesystem>
#include <string>

namespace xstatic::util {

// Throws Error(usage) when `file` exists and is not a regular file (after
// symlinks): a fifo would block the read forever, a device (/dev/zero) never
// end it, a folder fail in a library's own words. `what` names the input in
// the message ("sysroot archive"). A missing file is left to the caller.
void require_regular_file(const std::filesystem::path& file, const std::string& what);

}  // namespace xstatic::util
