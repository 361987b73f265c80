// LLVM's runtimes source, once per LLVM version in the store: the tarball
// (the user's, or Debian's) is read once and only the folders the runtimes/
// build uses are written to <store>/src/llvm-<version>/, which every target
// then shares. A source tree given as a folder is used where it is.
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "internal.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/scratch.hpp"

namespace xstatic::runtimes::detail {
namespace {

bool is_tree(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "runtimes/CMakeLists.txt", ec) && fs::is_directory(dir / "libcxx", ec) &&
         fs::is_directory(dir / "libcxxabi", ec) && fs::is_directory(dir / "libunwind", ec);
}

std::string cmake_set(const std::string& text, const std::string& var) {
  std::smatch m;
  std::regex re("set\\(\\s*" + var + "\\s+([0-9]+)\\s*\\)");
  return std::regex_search(text, m, re) ? m[1].str() : std::string();
}

void check_version(const fs::path& tree, int major, const fs::path& given) {
  std::string version = llvm_source_version(tree);
  if (version.empty()) return;  // cannot tell: let the build decide
  if (std::atoi(version.c_str()) != major)
    throw Error("LLVM source " + given.string() + " is version " + version + ", but clang is version " +
                    std::to_string(major) + ": libc++ must match the clang that uses it",
                "pass LLVM " + std::to_string(major) + "'s source with --llvm-src, or omit --llvm-src",
                Exit::usage);
}

// Extracts into a temporary folder beside the final one and renames it, so
// that an interrupted extraction is never mistaken for a source tree.
fs::path extract_once(const store::Store& store, const fs::path& tarball, util::Progress& progress) {
  fs::path src_dir = store.sources_dir();
  std::string version = version_in_name(tarball.filename().string());
  if (!version.empty() && is_tree(src_dir / ("llvm-" + version))) return src_dir / ("llvm-" + version);
  // The caller holds the source lock: other .tmp-extract-* are left over from killed runs.
  util::remove_leftovers(src_dir, store::Store::temp_prefix("extract"));
  util::TempPath scoped(src_dir / store::Store::temp_name("extract"));
  const fs::path& tmp = scoped.path();
  progress.step("extracting the runtimes' sources from " + tarball.string() + " (once)");
  auto start = std::chrono::steady_clock::now();
  std::size_t n = extract_subset(tarball, tmp, source_parts(), skipped_parts());
  progress.step(fmt::format("extracted {} files in {:.1f} s", n,
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
  if (!is_tree(tmp))
    throw Error(
        tarball.string() + " holds no LLVM runtimes source (runtimes/, libcxx/, libcxxabi/, libunwind/)",
        "pass LLVM's llvm-project-<version>.src.tar.xz or a source tree with --llvm-src", Exit::usage);
  copy_headers_at_configure_time(tmp);
  std::string read = llvm_source_version(tmp);
  fs::path final_dir = src_dir / ("llvm-" + (read.empty() ? version : read));
  std::error_code ec;
  fs::rename(tmp, final_dir, ec);
  if (!ec) scoped.keep();  // else an identical tree is already there, and this one goes
  return final_dir;
}

}  // namespace

const std::vector<std::string>& source_parts() {
  static const std::vector<std::string> parts = {"libcxx/", "libcxxabi/",   "libunwind/", "runtimes/",
                                                 "cmake/",  "third-party/", "llvm/cmake/"};
  return parts;
}

const std::vector<std::string>& skipped_parts() {
  static const std::vector<std::string> parts = {"libcxx/test/",    "libcxx/docs/",    "libcxx/benchmarks/",
                                                 "libcxxabi/test/", "libunwind/test/", "libunwind/docs/"};
  return parts;
}

std::string llvm_source_version(const fs::path& src) {
  for (const char* file : {"cmake/Modules/LLVMVersion.cmake", "llvm/CMakeLists.txt"}) {
    std::ifstream in(src / file);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::string major = cmake_set(text, "LLVM_VERSION_MAJOR");
    if (major.empty()) continue;
    return major + "." + cmake_set(text, "LLVM_VERSION_MINOR") + "." + cmake_set(text, "LLVM_VERSION_PATCH");
  }
  return {};
}

std::string version_in_name(std::string_view name) {
  std::match_results<std::string_view::const_iterator> m;
  static const std::regex re("([0-9]+\\.[0-9]+\\.[0-9]+)");
  return std::regex_search(name.begin(), name.end(), m, re) ? m[1].str() : std::string();
}

fs::path prepare_source(const store::Store& store, int major, const fs::path& llvm_src, const fs::path& log,
                        util::Progress& progress) {
  std::error_code ec;
  if (!llvm_src.empty() && fs::is_directory(llvm_src, ec)) {
    if (!is_tree(llvm_src))
      throw Error(llvm_src.string() +
                      " is not an LLVM source tree (no runtimes/CMakeLists.txt, libcxx/, "
                      "libcxxabi/, libunwind/)",
                  "pass the top folder of llvm-project, or its release tarball, with --llvm-src",
                  Exit::usage);
    check_version(llvm_src, major, llvm_src);
    return fs::absolute(llvm_src);
  }
  if (!llvm_src.empty() && !fs::is_regular_file(llvm_src, ec))
    throw Error("--llvm-src " + llvm_src.string() + ": no such file or folder",
                "pass an llvm-project source tree or release tarball, or omit --llvm-src", Exit::usage);

  util::FileLock lock(store.locks_dir() / ("llvm-src-" + std::to_string(major) + ".lock"));
  std::string m = std::to_string(major);
  DebianSource debian{"llvm-toolchain-" + m, "LLVM " + m + "'s runtimes source",
                      "--llvm-src DIR|llvm-project-<version>.src.tar.xz", "~165 MB"};
  fs::path tarball =
      llvm_src.empty() ? fetch_debian_source(store, debian, log, progress) : fs::absolute(llvm_src);
  fs::path tree = extract_once(store, tarball, progress);
  check_version(tree, major, tarball);
  return tree;
}

}  // namespace xstatic::runtimes::detail
