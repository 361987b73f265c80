// The mimalloc runtime: --malloc names, finding a build in the store (newest
// version, this clang, this recipe), the source's version, and the fix
// applied to mimalloc 2.0.9's sources.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "runtimes/internal.hpp"
#include "scratch_dir.hpp"
#include "xstatic/runtimes/allocator.hpp"

using namespace xstatic;
using namespace xstatic::runtimes;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::stringstream ss;
  ss << std::ifstream(p).rdbuf();
  return ss.str();
}

void built(const store::Store& store, const std::string& dir, const std::string& sysroot) {
  fs::path root = store.runtimes_dir() / dir / sysroot;
  fs::create_directories(root / "lib");
  std::ofstream(root / store::kManifestName) << "{}\n";
}

}  // namespace

TEST_CASE("--malloc names") {
  CHECK(parse_malloc("auto") == Malloc::automatic);
  CHECK(parse_malloc("musl") == Malloc::libc);
  CHECK(parse_malloc("glibc") == Malloc::libc);
  CHECK(parse_malloc("libc") == Malloc::libc);
  CHECK(parse_malloc("mimalloc") == Malloc::mimalloc);
  CHECK_FALSE(parse_malloc("jemalloc"));
  CHECK_FALSE(parse_malloc("Mimalloc"));
  for (auto m : {Malloc::automatic, Malloc::libc, Malloc::mimalloc}) CHECK(parse_malloc(malloc_name(m)) == m);
}

TEST_CASE("mimalloc is for Linux musl targets only") {
  CHECK(mimalloc_supported(target::parse("linux/arm64")));
  CHECK(mimalloc_supported(target::parse("linux/arm/v7")));
  CHECK_FALSE(mimalloc_supported(target::parse("linux/arm64", target::Libc::glibc)));
  CHECK_FALSE(mimalloc_supported(target::parse("windows/amd64")));
  CHECK_FALSE(mimalloc_supported(target::parse("linux/arm/v5")));  // no 64-bit atomics without libatomic
  CHECK_FALSE(mimalloc_supported(target::parse("linux/mipsle")));
  CHECK(mimalloc_supported(target::parse("linux/386")));
}

TEST_CASE("find_mimalloc takes the newest version built by this clang and recipe, with a manifest") {
  xstatic::testing::ScratchDir tmp;
  store::Store store(tmp.path);
  auto t = target::parse("linux/arm64");
  CHECK_FALSE(find_mimalloc(store, t, 19));

  fs::create_directories(store.runtimes_dir() /
                         "mimalloc-2.0.9-llvm19-r4/arm64-musl");  // no manifest: unfinished
  CHECK_FALSE(find_mimalloc(store, t, 19));
  built(store, "mimalloc-2.0.9-llvm19", "arm64-musl");     // an older recipe
  built(store, "mimalloc-2.0.9-llvm18-r4", "arm64-musl");  // another clang
  built(store, "mimalloc-2.0.9-llvm19-r4", "amd64-musl");  // another sysroot
  CHECK_FALSE(find_mimalloc(store, t, 19));

  built(store, "mimalloc-2.0.9-llvm19-r4", "arm64-musl");
  built(store, "mimalloc-2.0.10-llvm19-r4", "arm64-musl");
  auto got = find_mimalloc(store, t, 19);
  REQUIRE(got);
  CHECK(got->version == "2.0.10");  // numerically newer, though "2.0.9" sorts after it as text
  CHECK(got->archive == store.runtimes_dir() / "mimalloc-2.0.10-llvm19-r4/arm64-musl/lib/libmimalloc.a");
  CHECK_FALSE(got->built_now);
}

TEST_CASE("find_mimalloc keeps the size variant's folder apart from the standard one") {
  xstatic::testing::ScratchDir tmp;
  store::Store store(tmp.path);
  auto t = target::parse("linux/arm64");
  built(store, "mimalloc-2.0.9-llvm19-r4-size", "arm64-musl");
  CHECK_FALSE(find_mimalloc(store, t, 19));
  auto size = find_mimalloc(store, t, 19, runtimes::Variant::size);
  REQUIRE(size);
  CHECK(size->root == store.runtimes_dir() / "mimalloc-2.0.9-llvm19-r4-size/arm64-musl");
  built(store, "mimalloc-2.0.9-llvm19-r4", "arm64-musl");
  REQUIRE(find_mimalloc(store, t, 19));
  CHECK(find_mimalloc(store, t, 19)->root == store.runtimes_dir() / "mimalloc-2.0.9-llvm19-r4/arm64-musl");
}

TEST_CASE("mimalloc's version comes from MI_MALLOC_VERSION") {
  xstatic::testing::ScratchDir tmp;
  fs::create_directories(tmp.path / "include");
  CHECK(runtimes::detail::mimalloc_source_version(tmp.path).empty());
  std::ofstream(tmp.path / "include/mimalloc.h")
      << "#pragma once\n#define MI_MALLOC_VERSION 209   // major + 2 digits minor\n";
  CHECK(runtimes::detail::mimalloc_source_version(tmp.path) == "2.0.9");
  std::ofstream(tmp.path / "include/mimalloc.h", std::ios::trunc) << "#define MI_MALLOC_VERSION 212\n";
  CHECK(runtimes::detail::mimalloc_source_version(tmp.path) == "2.1.2");
}

TEST_CASE("the copy to compile has 2.0.9's small-page start fixed; the shared tree is left as shipped") {
  xstatic::testing::ScratchDir tmp;
  fs::path src = tmp.path / "mimalloc", out = tmp.path / "build";
  fs::create_directories(src / "src");
  std::string buggy =
      "  size_t start_offset = (xblock_size >= MI_INTPTR_SIZE && xblock_size <= 1024 ? "
      "3*MI_MAX_ALIGN_GUARANTEE : 0); \n";
  std::ofstream(src / "src/segment.c") << "static int x;\n" << buggy << "int y;\n";
  std::ofstream(src / "src/static.c") << "#include \"segment.c\"\n";
  runtimes::detail::patched_mimalloc_copy(src, out);
  std::string fixed = read(out / "src/segment.c");
  CHECK(fixed.find("3*MI_MAX_ALIGN_GUARANTEE") == std::string::npos);
  CHECK(fixed.find("start_offset = xblock_size;") != std::string::npos);
  CHECK(fixed.find("int y;") != std::string::npos);
  CHECK(fs::exists(out / "src/static.c"));
  CHECK(read(src / "src/segment.c").find("3*MI_MAX_ALIGN_GUARANTEE") != std::string::npos);

  // Sources without that line (a later mimalloc) are copied unchanged.
  std::ofstream(src / "src/segment.c", std::ios::trunc) << "int fixed_upstream;\n";
  runtimes::detail::patched_mimalloc_copy(src, tmp.path / "build2");
  CHECK(read(tmp.path / "build2/src/segment.c") == "int fixed_upstream;\n");
}

TEST_CASE("list shows mimalloc builds beside libc++, and old manifests read as libc++") {
  xstatic::testing::ScratchDir tmp;
  store::Store store(tmp.path);
  fs::path mi = store.runtimes_dir() / "mimalloc-2.0.9-llvm19-r4/arm64-musl";
  fs::create_directories(mi);
  runtimes::detail::write_manifest(
      mi / store::kManifestName,
      Entry{"linux/arm64", "aarch64-linux-musl", "arm64-musl", 19, "19.1.7", "", mi, Kind::mimalloc, "2.0.9"},
      2);
  fs::path cxx = store.runtimes_dir() / "llvm-19-r2/arm64-musl";
  fs::create_directories(cxx);
  std::ofstream(cxx / store::kManifestName)
      << R"({"target":"linux/arm64","triple":"aarch64-linux-musl","sysroot":"arm64-musl","clang_major":19,)"
      << R"("clang_version":"19.1.7","llvm_source":"19.1.7"})";
  auto entries = list(store);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].kind == runtimes::Kind::libcxx);
  CHECK(entries[0].version == "19.1.7");
  CHECK(entries[1].kind == runtimes::Kind::mimalloc);
  CHECK(entries[1].version == "2.0.9");
  CHECK(entries[1].root == mi);
}
