// mimalloc's source, once per version in the store: Debian's source package
// `mimalloc` (138 KB) or the user's tarball or tree. Only src/, include/ and
// the licence are kept, in <store>/src/mimalloc-<version>/.

#include <fstream>
#include <regex>
#include <sstream>

#include "internal.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/scratch.hpp"

namespace xstatic::runtimes::detail {
namespace {

bool is_mimalloc_tree(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "src/static.c", ec) && fs::exists(dir / "include/mimalloc.h", ec);
}

fs::path extract_mimalloc(const store::Store& store, const fs::path& tarball) {
  fs::path src_dir = store.sources_dir();
  util::remove_leftovers(src_dir, store::Store::temp_prefix("mimalloc"));
  util::TempPath scoped(src_dir / store::Store::temp_name("mimalloc"));
  const fs::path& tmp = scoped.path();
  extract_subset(tarball, tmp, {"src/", "include/", "LICENSE"}, {});
  std::string version = mimalloc_source_version(tmp);
  if (!is_mimalloc_tree(tmp) || version.empty())
    throw Error(tarball.string() + " holds no mimalloc source (src/static.c, include/mimalloc.h)",
                "pass mimalloc's release tarball or source tree with --mimalloc-src", Exit::usage);
  fs::path final_dir = src_dir / ("mimalloc-" + version);
  if (is_mimalloc_tree(final_dir)) return final_dir;
  std::error_code ec;
  fs::remove_all(final_dir, ec);  // an unfinished copy
  fs::rename(tmp, final_dir);
  scoped.keep();
  return final_dir;
}

// mimalloc 2.0.9 starts the blocks of small pages 384 bytes into the page
// (3*MI_MAX_ALIGN_GUARANTEE) while mi_malloc_aligned assumes that a block of
// a power-of-two size is aligned to its size: aligned_alloc(256, 512) and
// posix_memalign(&p, 512, 512) returned misaligned memory (caught by the
// malloc_mix test). mimalloc 2.1 fixed it by starting small pages at a
// multiple of the block size; this is that fix. Debian's package carries no
// patch for it.
constexpr std::string_view kStartOffsetBug =
    "size_t start_offset = (xblock_size >= MI_INTPTR_SIZE && xblock_size <= 1024 ? 3*MI_MAX_ALIGN_GUARANTEE "
    ": 0);";
constexpr std::string_view kStartOffsetFix =
    "size_t start_offset = 0; /* xstatic: mimalloc 2.1's fix, a block-size multiple */\n"
    "  if (xblock_size >= MI_INTPTR_SIZE) {\n"
    "    if (xblock_size <= 64) { start_offset = 3*xblock_size; }\n"
    "    else if (xblock_size <= 512) { start_offset = xblock_size; }\n"
    "  }";

}  // namespace

fs::path patched_mimalloc_copy(const fs::path& src, const fs::path& dest) {
  fs::create_directories(dest);
  fs::copy(src / "src", dest / "src", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  fs::path segment = dest / "src/segment.c";
  std::stringstream ss;
  ss << std::ifstream(segment).rdbuf();
  std::string text = ss.str();
  auto at = text.find(kStartOffsetBug);
  if (at != std::string::npos) {
    text.replace(at, kStartOffsetBug.size(), kStartOffsetFix);
    std::ofstream(segment, std::ios::trunc) << text;
  }
  return dest;
}

std::string mimalloc_source_version(const fs::path& tree) {
  std::ifstream in(tree / "include/mimalloc.h");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  // "#define MI_MALLOC_VERSION 209   // major + 2 digits minor": 209 is 2.0.9.
  static const std::regex re("#define\\s+MI_MALLOC_VERSION\\s+([0-9]+)");
  std::smatch m;
  if (!std::regex_search(text, m, re)) return {};
  int v = std::stoi(m[1].str());
  return std::to_string(v / 100) + "." + std::to_string(v % 100 / 10) + "." + std::to_string(v % 10);
}

fs::path prepare_mimalloc_source(const store::Store& store, const fs::path& given, const fs::path& log,
                                 util::Progress& progress) {
  std::error_code ec;
  if (!given.empty() && fs::is_directory(given, ec)) {
    if (!is_mimalloc_tree(given))
      throw Error(given.string() + " is not a mimalloc source tree (no src/static.c, include/mimalloc.h)",
                  "pass the top folder of mimalloc's source, or its release tarball, with --mimalloc-src",
                  Exit::usage);
    return fs::absolute(given);
  }
  if (!given.empty() && !fs::is_regular_file(given, ec))
    throw Error("--mimalloc-src " + given.string() + ": no such file or folder",
                "pass a mimalloc source tree or release tarball, or omit --mimalloc-src", Exit::usage);
  fs::create_directories(store.sources_dir());
  util::FileLock lock(store.locks_dir() / "mimalloc-src.lock");
  fs::path tarball = given.empty()
                         ? fetch_debian_source(store,
                                               {"mimalloc", "the mimalloc allocator's source",
                                                "--mimalloc-src DIR|mimalloc-<version>.tar.gz", "~140 KB"},
                                               log, progress)
                         : fs::absolute(given);
  // Debian's tarball is named mimalloc_2.0.9+ds.orig.tar.xz: a tree of that
  // version already extracted is used as it is.
  std::string named = version_in_name(tarball.filename().string());
  fs::path known = store.sources_dir() / ("mimalloc-" + named);
  if (!named.empty() && is_mimalloc_tree(known) && mimalloc_source_version(known) == named) return known;
  progress.step("extracting mimalloc's source from " + tarball.string() + " (once)");
  return extract_mimalloc(store, tarball);
}

}  // namespace xstatic::runtimes::detail
