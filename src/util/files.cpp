// See xstatic/util/files.hpp.
#include "xstatic/util/files.hpp"

#include <sys/stat.h>

#include "xstatic/util/error.hpp"

namespace xstatic::util {

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

}  // namespace xstatic::util
