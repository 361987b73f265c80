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
constexpr int kFormat = 1;

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

}  // namespace

std::string fingerprint(const Plan& plan, const sysroot::Store& store) {
  const auto& t = plan.target;
  std::ostringstream o;
  o << "xstatic-fingerprint " << kFormat << "\n"
    << "xstatic " << kVersion << " " << identity("/proc/self/exe") << "\n"
    << "clang " << plan.clang.path << " " << plan.clang.real_path << " " << plan.clang.major << " "
    << identity(plan.clang.real_path) << "\n";
  if (plan.language == Language::cxx)
    o << "c++-driver "
      << (plan.cxx_driver ? *plan.cxx_driver + " " + identity(*plan.cxx_driver) : "--driver-mode=g++")
      << "\n";
  o << "target " << t.triple() << " " << t.go_name() << " " << t.libc_name() << " cflags=" << t.row->cflags
    << "\n";
  if (plan.sysroot)
    o << "sysroot " << plan.sysroot->string() << " " << digest_of(*plan.sysroot / sysroot::kManifestName)
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
