// Manifests, find() and list() over a store on disk.
#include <doctest/doctest.h>

#include "runtimes/internal.hpp"
#include "scratch_dir.hpp"

using namespace xstatic;
using namespace xstatic::runtimes;
namespace fs = std::filesystem;

namespace {

using TempStore = xstatic::testing::ScratchDir;

}  // namespace

TEST_CASE("a runtime counts as built only once its manifest exists") {
  TempStore tmp;
  store::Store store(tmp.path);
  auto t = target::parse("linux/arm64");
  fs::path root = runtime_path(store, t, 19);
  CHECK(root == tmp.path / "runtimes/llvm-19-r2/arm64-musl");
  fs::create_directories(root / "lib");
  CHECK_FALSE(find(store, t, 19));
  CHECK(list(store).empty());

  Entry e{"linux/arm64", "aarch64-linux-musl", "arm64-musl", 19, "19.1.7", "19.1.7",
          root,          Kind::libcxx,         "19.1.7"};
  detail::write_manifest(root / store::kManifestName, e, 42.4);
  auto got = find(store, t, 19);
  REQUIRE(got);
  CHECK(got->include_dir == root / "include/c++/v1");
  CHECK(got->lib_dir == root / "lib");
  CHECK_FALSE(got->built_now);
  CHECK_FALSE(find(store, t, 20));  // another clang gets its own runtimes

  auto entries = list(store);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].target == "linux/arm64");
  CHECK(entries[0].triple == "aarch64-linux-musl");
  CHECK(entries[0].clang_major == 19);
  CHECK(entries[0].llvm_source == "19.1.7");
  CHECK(entries[0].root == root);
}

TEST_CASE("the size variant has its own folder, and its manifest says which it is") {
  TempStore tmp;
  store::Store store(tmp.path);
  auto t = target::parse("linux/arm64");
  fs::path root = runtime_path(store, t, 19, Variant::size);
  CHECK(root == tmp.path / "runtimes/llvm-19-r2-size/arm64-musl");
  fs::create_directories(root);
  Entry e{"linux/arm64", "aarch64-linux-musl", "arm64-musl", 19,    "19.1.7", "19.1.7",
          root,          Kind::libcxx,         "19.1.7",     "size"};
  detail::write_manifest(root / store::kManifestName, e, 30);
  CHECK_FALSE(find(store, t, 19));  // the standard runtimes are not built
  auto got = find(store, t, 19, Variant::size);
  REQUIRE(got);
  CHECK(got->variant == Variant::size);
  auto entries = list(store);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].variant == "size");
  // A manifest written before variants existed reads as the standard build.
  fs::path old = runtime_path(store, t, 19);
  fs::create_directories(old);
  Entry o{"linux/arm64", "aarch64-linux-musl", "arm64-musl", 19, "19.1.7", "19.1.7",
          old,           Kind::libcxx,         "19.1.7"};
  detail::write_manifest(old / store::kManifestName, o, 30);
  CHECK(detail::read_manifest(old / store::kManifestName)->variant == "standard");
}

TEST_CASE("list sorts by clang version (newest first), then sysroot") {
  TempStore tmp;
  store::Store store(tmp.path);
  auto add = [&](int major, const char* name) {
    fs::path root = store.runtimes_dir() / ("llvm-" + std::to_string(major)) / name;
    fs::create_directories(root);
    detail::write_manifest(root / store::kManifestName,
                           Entry{"t", "x", name, major, "v", "v", root, Kind::libcxx, "v"}, 1);
  };
  add(18, "amd64-musl");
  add(19, "arm64-musl");
  add(19, "amd64-musl");
  auto entries = list(store);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].sysroot == "amd64-musl");
  CHECK(entries[0].clang_major == 19);
  CHECK(entries[1].sysroot == "arm64-musl");
  CHECK(entries[2].clang_major == 18);
}
