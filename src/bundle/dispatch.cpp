// Which program a call of the bundle is: see xstatic/bundle/bundle.hpp.
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/FileSystem.h>

#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "xstatic/bundle/bundle.hpp"
#include "xstatic/toolchain/clang.hpp"

namespace xstatic::bundle {
namespace {

// clang's and lld's own program names; "-19" suffixes are stripped first.
constexpr std::array<std::string_view, 3> kClangNames = {"clang", "clang++", "clang-cpp"};
constexpr std::array<std::string_view, 5> kLldNames = {"ld.lld", "ld64.lld", "lld-link", "wasm-ld", "lld"};
// The LLVM binutils xstatic runs itself (runtimes' archives, release's debug split).
constexpr std::pair<std::string_view, Tool> kBinutilNames[] = {{"llvm-ar", Tool::ar},
                                                               {"llvm-ranlib", Tool::ranlib},
                                                               {"llvm-objcopy", Tool::objcopy},
                                                               {"llvm-strip", Tool::strip}};

std::string_view base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "clang-19" -> "clang", "ld.lld-19" -> "ld.lld"; "clang++" stays.
std::string_view without_major(std::string_view name) {
  auto dash = name.rfind('-');
  if (dash == std::string_view::npos || dash + 1 == name.size()) return name;
  for (char c : name.substr(dash + 1))
    if (!std::isdigit(static_cast<unsigned char>(c))) return name;
  return name.substr(0, dash);
}

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  for (auto n : names)
    if (n == name) return true;
  return false;
}

// This executable's folder (/proc/self/exe, symlinks resolved: bin/).
std::string own_bin_dir(const char* argv0) {
  static int anchor;
  std::string self = llvm::sys::fs::getMainExecutable(argv0, &anchor);
  auto slash = self.rfind('/');
  return slash == std::string::npos ? "." : self.substr(0, slash);
}

}  // namespace

Tool tool_for(std::string_view argv0, std::string_view first_argument) {
  if (first_argument == "-cc1" || first_argument == "-cc1as") return Tool::cc1;
  auto name = without_major(base_name(argv0));
  if (is_one_of(name, kClangNames)) return Tool::clang;
  if (is_one_of(name, kLldNames)) return Tool::lld;
  for (const auto& [binutil, tool] : kBinutilNames)
    if (name == binutil) return tool;
  return Tool::xstatic;
}

std::optional<int> run_tool(int argc, char** argv) {
  Tool tool = tool_for(argv[0], argc > 1 ? argv[1] : "");
  switch (tool) {
    case Tool::cc1:
    case Tool::clang:
      return clang_main(argc, argv);
    case Tool::lld:
      return lld_main(argc, argv);
    case Tool::ar:
    case Tool::ranlib:
      return ar_main(argc, argv, tool == Tool::ranlib);
    case Tool::objcopy:
    case Tool::strip:
      return objcopy_main(argc, argv, tool == Tool::strip);
    case Tool::xstatic:
      break;
  }
  toolchain::use_bundled_clang(own_bin_dir(argv[0]), LLVM_VERSION_MAJOR);
  return std::nullopt;
}

}  // namespace xstatic::bundle
