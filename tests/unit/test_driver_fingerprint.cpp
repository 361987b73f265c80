// The compiler fingerprint changes with everything that decides an object
// besides the command line and the sources, and with nothing else.
#include <doctest/doctest.h>

#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/driver/fingerprint.hpp"

using namespace xstatic;
using namespace xstatic::driver;

namespace {

Plan fingerprint_plan(std::string_view spec, std::optional<target::Libc> libc = std::nullopt) {
  Plan plan;
  plan.target = target::parse(spec, libc);
  plan.clang.path = "/usr/bin/clang-19";
  plan.clang.real_path = "/usr/lib/llvm-19/bin/clang";
  plan.clang.major = 19;
  return plan;
}

}  // namespace

TEST_CASE("the fingerprint is stable and tells targets, libcs, clangs and languages apart") {
  testing::ScratchDir dir;
  store::Store store(dir.path);
  auto base = fingerprint(fingerprint_plan("linux/arm64"), store);
  CHECK(base == fingerprint(fingerprint_plan("linux/arm64"), store));
  CHECK(base != fingerprint(fingerprint_plan("linux/amd64"), store));
  CHECK(base != fingerprint(fingerprint_plan("linux/arm64", target::Libc::glibc), store));
  auto other_clang = fingerprint_plan("linux/arm64");
  other_clang.clang.path = other_clang.clang.real_path = "/opt/clang/bin/clang";
  CHECK(base != fingerprint(other_clang, store));
  auto cxx = fingerprint_plan("linux/arm64");
  cxx.language = Language::cxx;
  CHECK(base != fingerprint(cxx, store));
  CHECK(fingerprint(cxx, store).find("libc++ none") != std::string::npos);
}

TEST_CASE("the fingerprint follows the sysroot's manifest") {
  testing::ScratchDir dir;
  store::Store store(dir.path);
  auto plan = fingerprint_plan("linux/arm64");
  plan.sysroot = dir.path / "sysroot";
  std::filesystem::create_directories(*plan.sysroot);
  auto missing = fingerprint(plan, store);
  std::ofstream(*plan.sysroot / store::kManifestName) << R"({"packages": ["musl-dev 1.2.3-1"]})";
  auto first = fingerprint(plan, store);
  CHECK(first != missing);
  std::ofstream(*plan.sysroot / store::kManifestName) << R"({"packages": ["musl-dev 1.2.4-1"]})";
  CHECK(fingerprint(plan, store) != first);
}

TEST_CASE("the fingerprint follows the libclang-cpp and libLLVM clang loads and its resource headers") {
  testing::ScratchDir dir;
  store::Store store(dir.path / "store");
  auto prefix = dir.path / "llvm-19";
  std::filesystem::create_directories(prefix / "bin");
  std::filesystem::create_directories(prefix / "lib");
  std::ofstream(prefix / "bin" / "clang") << "driver";
  auto plan = fingerprint_plan("linux/arm64");
  plan.clang.path = plan.clang.real_path = (prefix / "bin" / "clang").string();
  auto bare = fingerprint(plan, store);
  CHECK(bare.find("libclang-cpp none\nlibLLVM none\nresource-dir none\n") != std::string::npos);

  std::ofstream(prefix / "lib" / "libclang-cpp.so.19.1") << "code v1";
  auto with_lib = fingerprint(plan, store);
  CHECK(with_lib.find("libclang-cpp " + (prefix / "lib" / "libclang-cpp.so.19.1").string() + " size=7 ") !=
        std::string::npos);
  std::ofstream(prefix / "lib" / "libclang-cpp.so.19.1") << "code v2, replaced by hand";
  auto replaced = fingerprint(plan, store);
  CHECK(replaced != with_lib);
  CHECK(replaced != bare);

  std::ofstream(prefix / "lib" / "libLLVM.so.19.1") << "llvm";
  CHECK(fingerprint(plan, store).find("libLLVM " + (prefix / "lib" / "libLLVM.so.19.1").string()) !=
        std::string::npos);
  std::filesystem::create_directories(prefix / "lib" / "clang" / "19" / "include");
  auto resource = (prefix / "lib" / "clang" / "19" / "include").string();
  CHECK(fingerprint(plan, store).find("resource-dir " + resource) != std::string::npos);
}
