// See xstatic/util/scratch.hpp.
#include "xstatic/util/scratch.hpp"

#include <unistd.h>

namespace xstatic::util {

namespace fs = std::filesystem;

void remove_leftovers(const fs::path& parent, std::string_view prefix) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec))
    if (e.path().filename().string().starts_with(prefix)) fs::remove_all(e.path(), ec);
}

TempPath::~TempPath() {
  std::error_code ec;
  if (!kept_) fs::remove_all(path_, ec);
}

BuildScratch::BuildScratch(const fs::path& parent, const std::string& prefix, fs::path failed_log)
    : dir_((remove_leftovers(parent, prefix), parent / (prefix + std::to_string(::getpid())))),
      failed_log_(std::move(failed_log)) {
  fs::create_directories(dir());
}

BuildScratch::~BuildScratch() {
  std::error_code ec;
  if (!done_ && fs::exists(log(), ec)) {
    fs::create_directories(failed_log_.parent_path(), ec);
    fs::rename(log(), failed_log_, ec);
  }
}

}  // namespace xstatic::util
