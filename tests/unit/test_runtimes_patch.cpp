// The configure-time header copy in xstatic's own extracted LLVM trees.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "runtimes/internal.hpp"
#include "scratch_dir.hpp"

using namespace xstatic::runtimes::detail;
namespace fs = std::filesystem;

namespace {

struct TempTree {
  xstatic::testing::ScratchDir dir;
  fs::path path = dir.path;
  TempTree() { fs::create_directories(path / "libcxx/include"); }
  fs::path file() const { return path / "libcxx/include/CMakeLists.txt"; }
  std::string read() const {
    std::ifstream in(file());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
};

}  // namespace

TEST_CASE("LLVM 19's per-header copy commands become one configure_file each") {
  TempTree t;
  std::ofstream(t.file()) << "foreach(f ${files})\n"
                             "  set(src \"${CMAKE_CURRENT_SOURCE_DIR}/${f}\")\n"
                             "  add_custom_command(OUTPUT ${dst}\n"
                             "    DEPENDS ${src}\n"
                             "    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${dst}\n"
                             "    COMMENT \"Copying CXX header ${f}\")\n"
                             "  list(APPEND _all_includes \"${dst}\")\n"
                             "endforeach()\n";
  CHECK(copy_headers_at_configure_time(t.path));
  CHECK(t.read() ==
        "foreach(f ${files})\n"
        "  set(src \"${CMAKE_CURRENT_SOURCE_DIR}/${f}\")\n"
        "  configure_file(${src} ${dst} COPYONLY)\n"
        "  list(APPEND _all_includes \"${dst}\")\n"
        "endforeach()\n");
}

TEST_CASE("a tree without that rule is left unchanged") {
  TempTree t;
  std::ofstream(t.file()) << "# another LLVM version\n";
  CHECK_FALSE(copy_headers_at_configure_time(t.path));
  CHECK(t.read() == "# another LLVM version\n");
}
