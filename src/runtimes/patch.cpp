// One change to the LLVM sources that xstatic extracts itself (never to a
// tree given with --llvm-src): libc++'s build copies each of its ~1,100
// headers into the build folder with its own `cmake -E copy_if_different`
// process, ~10 ms of CPU each, a sixth of the whole build's CPU time. The
// same copy done by configure_file(COPYONLY) at configure time, as
// libcxx/include/CMakeLists.txt already does for __assertion_handler, costs
// about a second, and CMake still re-copies a header that changes. When the
// text is not there (another LLVM version), the tree is left as it is.
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "internal.hpp"

namespace xstatic::runtimes::detail {

namespace {

constexpr std::string_view kPerHeaderCopy =
    "  add_custom_command(OUTPUT ${dst}\n"
    "    DEPENDS ${src}\n"
    "    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${dst}\n"
    "    COMMENT \"Copying CXX header ${f}\")\n";

constexpr std::string_view kConfigureTimeCopy = "  configure_file(${src} ${dst} COPYONLY)\n";

}  // namespace

bool copy_headers_at_configure_time(const fs::path& tree) {
  fs::path file = tree / "libcxx/include/CMakeLists.txt";
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  auto pos = text.find(kPerHeaderCopy);
  if (pos == std::string::npos) {
    spdlog::debug("{}: per-header copy rule not found, left unchanged", file.string());
    return false;
  }
  text.replace(pos, kPerHeaderCopy.size(), kConfigureTimeCopy);
  std::ofstream out(file, std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace xstatic::runtimes::detail
