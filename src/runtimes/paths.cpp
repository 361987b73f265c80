#include <sys/stat.h>

#include "xstatic/runtimes/runtimes.hpp"

namespace xstatic::runtimes {

fs::path runtime_path(const store::Store& store, const target::Target& t, int clang_major) {
  return store.runtimes_dir() / ("llvm-" + std::to_string(clang_major)) / store::sysroot_name(t);
}

std::optional<Installed> find(const store::Store& store, const target::Target& t, int clang_major) {
  fs::path root = runtime_path(store, t, clang_major);
  struct stat st{};
  if (::stat((root / "manifest.json").c_str(), &st) != 0) return std::nullopt;
  return Installed{root, root / "include/c++/v1", root / "lib", false};
}

}  // namespace xstatic::runtimes
