// See xstatic/util/files.hpp.
#include "xstatic/util/files.hpp"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/SHA256.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <array>
#include <cerrno>
#include <fstream>

#include "xstatic/util/error.hpp"

namespace xstatic::util {

std::optional<std::string> sha256_of_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  llvm::SHA256 hash;
  std::array<char, 1 << 16> buf{};
  while (in) {
    in.read(buf.data(), buf.size());
    auto n = in.gcount();
    if (n > 0) hash.update(llvm::StringRef(buf.data(), static_cast<size_t>(n)));
  }
  if (in.bad()) return std::nullopt;
  return llvm::toHex(hash.final(), /*LowerCase=*/true);
}

void require_regular_file(const std::filesystem::path& file, const std::string& what) {
  struct stat st{};
  if (::stat(file.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return;
  const char* kind = S_ISDIR(st.st_mode)    ? "a folder"
                     : S_ISFIFO(st.st_mode) ? "a fifo"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                                            : "a device";
  throw Error(file.string() + ": cannot read the " + what + ": " + kind + ", not a regular file",
              "pass a regular file", Exit::usage);
}

std::optional<DiskSpace> disk_space(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) return std::nullopt;
  while (!fs::exists(p, ec) && p.has_relative_path()) p = p.parent_path();
  struct statvfs vfs{};
  struct stat st{};
  if (::statvfs(p.c_str(), &vfs) != 0 || ::stat(p.c_str(), &st) != 0) return std::nullopt;
  DiskSpace out;
  out.free = static_cast<std::uintmax_t>(vfs.f_bavail) * vfs.f_frsize;
  // The mount point: the last folder upwards on the same device.
  out.mount = p;
  for (fs::path up = p.parent_path(); up != out.mount; up = up.parent_path()) {
    struct stat ust{};
    if (::stat(up.c_str(), &ust) != 0 || ust.st_dev != st.st_dev) break;
    out.mount = up;
    if (!up.has_relative_path()) break;
  }
  return out;
}

bool is_no_space(int err) {
  return err == ENOSPC || err == EDQUOT;
}

NoSpace no_space_error(const std::filesystem::path& path, std::uintmax_t needed) {
  auto mb = [](std::uintmax_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); };
  auto space = disk_space(path);
  std::string what = "no space left on the file system " +
                     (space ? "at " + space->mount.string() + " " : std::string()) + "(writing " +
                     path.string() + ")";
  if (space) what += ": " + mb(space->free) + " free";
  if (needed) what += (space ? ", about " : ": about ") + mb(needed) + " needed";
  return NoSpace(what,
                 "free space there, or use a store on another file system (--store DIR or XSTATIC_HOME); "
                 "what was downloaded is kept",
                 Exit::missing);
}

}  // namespace xstatic::util
