// The operating-system table (see xstatic/target/os.hpp).
#include "xstatic/target/os.hpp"

#include "xstatic/util/error.hpp"

namespace xstatic::target {
namespace {

// clang-format off
constexpr OsInfo kOses[] = {
// goos       cmake      meson      linux  multiarch static  win-tools wine   zip
  {"linux",   "Linux",   "linux",   true,  true,     true,   false,    false, false},
  {"windows", "Windows", "windows", false, false,    false,  true,     true,  true},
  {"darwin",  "Darwin",  "darwin",  false, false,    false,  false,    false, false},
  {"wasip1",  "WASI",    "wasi",    false, false,    true,   false,    false, false},
};
// clang-format on

}  // namespace

const OsInfo& os_info(const Row& row) {
  for (const auto& os : kOses)
    if (os.goos == row.goos) return os;
  throw Error("internal: no operating-system row for GOOS '" + std::string(row.goos) + "'", {},
              Exit::internal);
}

std::span<const OsInfo> oses() {
  return kOses;
}

}  // namespace xstatic::target
