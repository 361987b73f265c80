#include "xstatic/util/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "xstatic/util/error.hpp"

namespace xstatic::util {

FileLock::FileLock(const std::filesystem::path& file, const std::function<void()>& on_wait) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error("cannot create lock file " + file.string() + ": " + std::strerror(errno),
                "check that the store is writable, or choose another with --store or XSTATIC_HOME",
                Exit::usage);
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (on_wait) on_wait();
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int err = errno;
    ::close(fd_);
    throw Error("cannot lock " + file.string() + ": " + std::strerror(err), {}, Exit::internal);
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace xstatic::util
