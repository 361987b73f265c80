// The compiler fingerprint: see xstatic/driver/fingerprint.hpp.
#include "xstatic/driver/fingerprint.hpp"

#include <llvm/Support/xxhash.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/version.hpp"

namespace xstatic::driver {
namespace {

// Bump when the meaning of the text changes, so old cache entries miss.
constexpr int kFormat = 2;

std::string identity(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return "missing";
  return "size=" + std::to_string(st.st_size) + " mtime=" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

std::string digest_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "none";
  std::stringstream text;
  text << in.rdbuf();
  char out[32];
  std::snprintf(out, sizeof out, "xxh3:%016llx",
                static_cast<unsigned long long>(llvm::xxh3_64bits(llvm::StringRef(text.str()))));
  return out;
}

// The code of Debian's clang is in two shared libraries beside it, found
// through its RUNPATH $ORIGIN/../lib; the resource folder holds the headers
// and builtins clang adds. Named, not read from the binary's ELF: a few
// stat() calls. Names that are not there print "none" (a static clang).
std::string clang_parts(const toolchain::Clang& clang) {
  auto lib = std::filesystem::path(clang.real_path).parent_path().parent_path() / "lib";
  auto major = std::to_string(clang.major);
  auto first = [&](std::initializer_list<std::string> names) -> std::string {
    for (const auto& name : names)
      if (auto id = identity((lib / name).string()); id != "missing") return (lib / name).string() + " " + id;
    return "none";
  };
  return "libclang-cpp " + first({"libclang-cpp.so." + major + ".1", "libclang-cpp.so." + major}) + "\n" +
         "libLLVM " + first({"libLLVM.so." + major + ".1", "libLLVM-" + major + ".so"}) + "\n" +
         "resource-dir " + first({"clang/" + major + "/include"}) + "\n";
}

}  // namespace

std::string fingerprint(const Plan& plan, const store::Store& store) {
  const auto& t = plan.target;
  std::ostringstream o;
  o << "xstatic-fingerprint " << kFormat << "\n"
    << "xstatic " << kVersion << " " << identity("/proc/self/exe") << "\n"
    << "clang " << plan.clang.path << " " << plan.clang.real_path << " " << plan.clang.major << " "
    << identity(plan.clang.real_path) << "\n"
    << clang_parts(plan.clang);
  if (plan.language == Language::cxx)
    o << "c++-driver "
      << (plan.cxx_driver ? *plan.cxx_driver + " " + identity(*plan.cxx_driver) : "--driver-mode=g++")
      << "\n";
  o << "target " << t.triple() << " " << t.go_name() << " " << t.libc_name() << " cflags=" << t.row->cflags
    << "\n";
  if (plan.sysroot)
    o << "sysroot " << plan.sysroot->string() << " " << digest_of(*plan.sysroot / store::kManifestName)
      << "\n";
  else
    o << "sysroot none\n";
  if (needs_cxx_runtimes(plan.language, t)) {
    if (auto rt = runtimes::find(store, t, plan.clang.major))
      o << "libc++ " << rt->root.string() << " " << digest_of(rt->root / "manifest.json") << "\n";
    else
      o << "libc++ none\n";
  }
  return o.str();
}

}  // namespace xstatic::driver
