#include <sys/stat.h>

#include "xstatic/runtimes/runtimes.hpp"

namespace xstatic::runtimes {

// The revision of how xstatic builds libc++ (cmake_args.cpp): a new one builds
// anew, beside what an older xstatic built. 2: unwind tables for exceptions
// only, configure answers given, no __cxa_thread_atexit_impl on musl.
constexpr int kRecipe = 2;

fs::path runtime_path(const store::Store& store, const target::Target& t, int clang_major, Variant variant) {
  return store.runtimes_dir() /
         ("llvm-" + std::to_string(clang_major) + "-r" + std::to_string(kRecipe) +
          std::string(variant_info(variant).folder_suffix)) /
         store::sysroot_name(t);
}

std::optional<Installed> find(const store::Store& store, const target::Target& t, int clang_major,
                              Variant variant) {
  fs::path root = runtime_path(store, t, clang_major, variant);
  struct stat st{};
  if (::stat((root / "manifest.json").c_str(), &st) != 0) return std::nullopt;
  return Installed{root, root / "include/c++/v1", root / "lib", false, variant};
}

}  // namespace xstatic::runtimes
