// The clang flags that put the store's libc++ in place of the host's C++
// library (see cxx_flags in runtimes.hpp for why each is there).
#include "xstatic/runtimes/runtimes.hpp"

namespace xstatic::runtimes {

std::vector<std::string> cxx_flags(const Installed& runtimes, bool linking) {
  std::vector<std::string> flags = {"-nostdinc++", "-isystem", runtimes.include_dir.string()};
  if (linking)
    flags.insert(flags.end(),
                 {"-nostdlib++", "-L" + runtimes.lib_dir.string(), "-lc++", "-lc++abi", "-lunwind"});
  return flags;
}

}  // namespace xstatic::runtimes
