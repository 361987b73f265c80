// The operating-system table (see xstatic/target/os.hpp).
#include "xstatic/target/os.hpp"

#include "xstatic/util/error.hpp"

namespace xstatic::target {
namespace {

// clang-format off
constexpr OsInfo kOses[] = {
// goos       cmake      meson      linux  multiarch static  win-tools runner                 zip    exe suffix
  {"linux",   "Linux",   "linux",   true,  true,     true,   false,    Runner::emulator, false, ""},
  {"windows", "Windows", "windows", false, false,    false,  true,     Runner::wine,     true,  ""},
  {"darwin",  "Darwin",  "darwin",  false, false,    false,  false,    Runner::emulator, false, ""},
  {"wasip1",  "WASI",    "wasi",    false, false,    true,   false,    Runner::wasi,     false, ".wasm"},
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
