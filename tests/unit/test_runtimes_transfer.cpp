#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "scratch_dir.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/runtimes/transfer.hpp"
#include "xstatic/sysroot/archive.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::stringstream ss;
  ss << std::ifstream(p).rdbuf();
  return ss.str();
}

// A runtime folder as a build leaves it (a stand-in library; the checks read only the manifest).
void fake_libcxx(const fs::path& store, const std::string& folder, const std::string& target,
                 const std::string& sysroot, const std::string& variant = "") {
  fs::path dir = store / "runtimes" / folder;
  testing::write_file(dir / "lib/libc++.a", "!<arch>\n");
  testing::write_file(dir / "manifest.json",
                      "{\"runtime\": \"libc++\", \"version\": \"19.1.7\", \"target\": \"" + target +
                          "\", \"sysroot\": \"" + sysroot + "\", \"clang_major\": 19" +
                          (variant.empty() ? std::string() : ", \"variant\": \"" + variant + "\"") + "}\n");
}

std::string refusal(const store::Store& store, const fs::path& file) {
  util::Progress quiet(true);
  try {
    runtimes::import_runtimes(store, file, quiet);
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("runtimes export then import reproduces the folder, and a second import keeps it") {
  testing::ScratchDir dir;
  fake_libcxx(dir.path / "a", "llvm-19-r2/amd64-musl", "linux/amd64", "amd64-musl");
  auto folders = runtimes::export_runtimes(store::Store(dir.path / "a"), {}, dir.path / "rt.tar");
  REQUIRE(folders == std::vector<std::string>{"llvm-19-r2/amd64-musl"});
  store::Store b(dir.path / "b");
  util::Progress quiet(true);
  auto got = runtimes::import_runtimes(b, dir.path / "rt.tar", quiet);
  REQUIRE(got.size() == 1);
  CHECK(got[0].installed);
  CHECK(read(b.runtimes_dir() / "llvm-19-r2/amd64-musl/lib/libc++.a") == "!<arch>\n");
  CHECK_FALSE(runtimes::import_runtimes(b, dir.path / "rt.tar", quiet).at(0).installed);
  int leftovers = 0;
  for (const auto& e : fs::directory_iterator(b.runtimes_dir()))
    leftovers += e.path().filename().string()[0] == '.';
  CHECK(leftovers == 0);
}

TEST_CASE("runtimes export of a target carries its size build too; import checks which build a folder is") {
  testing::ScratchDir dir;
  fake_libcxx(dir.path / "a", "llvm-19-r2/arm64-musl", "linux/arm64", "arm64-musl");
  fake_libcxx(dir.path / "a", "llvm-19-r2-size/arm64-musl", "linux/arm64", "arm64-musl", "size");
  auto folders = runtimes::export_runtimes(store::Store(dir.path / "a"), {target::parse("linux/arm64")},
                                           dir.path / "rt.tar");
  CHECK(folders == std::vector<std::string>{"llvm-19-r2/arm64-musl", "llvm-19-r2-size/arm64-musl"});
  store::Store b(dir.path / "b");
  util::Progress quiet(true);
  CHECK(runtimes::import_runtimes(b, dir.path / "rt.tar", quiet).size() == 2);
  CHECK(runtimes::find(b, target::parse("linux/arm64"), 19, runtimes::Variant::size));

  // A standard build in a -size folder is refused.
  fake_libcxx(dir.path / "c", "llvm-19-r2-size/arm64-musl", "linux/arm64", "arm64-musl");
  runtimes::export_runtimes(store::Store(dir.path / "c"), {}, dir.path / "lie.tar");
  CHECK(refusal(store::Store(dir.path / "d"), dir.path / "lie.tar").find("does not match the folder") !=
        std::string::npos);
}

TEST_CASE("runtimes import refuses a file whose digest differs, and installs nothing") {
  testing::ScratchDir dir;
  fake_libcxx(dir.path / "a", "llvm-19-r2/amd64-musl", "linux/amd64", "amd64-musl");
  sysroot::ArchiveWriter w(dir.path / "bad.tar");
  w.add_bytes(runtimes::kIndexName,
              "{\"format\": \"xstatic-runtimes/1\", \"runtimes\": [{\"folder\": \"llvm-19-r2/amd64-musl\", "
              "\"files\": "
              "{\"lib/libc++.a\": \"sha256:00\", \"manifest.json\": \"sha256:00\"}}]}");
  w.add_tree(dir.path / "a/runtimes/llvm-19-r2/amd64-musl", "llvm-19-r2/amd64-musl");
  w.close();
  store::Store b(dir.path / "b");
  CHECK(refusal(b, dir.path / "bad.tar").find("does not match its digest") != std::string::npos);
  CHECK_FALSE(fs::exists(b.runtimes_dir() / "llvm-19"));
}

TEST_CASE("runtimes import refuses a manifest that names another target than its folder") {
  testing::ScratchDir dir;
  fake_libcxx(dir.path / "a", "llvm-19/arm64-musl", "linux/amd64", "amd64-musl");  // lies about its folder
  runtimes::export_runtimes(store::Store(dir.path / "a"), {}, dir.path / "rt.tar");
  store::Store b(dir.path / "b");
  CHECK(refusal(b, dir.path / "rt.tar").find("does not match the folder") != std::string::npos);
  CHECK_FALSE(fs::exists(b.runtimes_dir() / "llvm-19"));
}

TEST_CASE("runtimes import refuses a manifest whose target names no target") {
  testing::ScratchDir dir;
  fake_libcxx(dir.path / "a", "llvm-19/arm64-musl", "plan9/vax", "arm64-musl");
  runtimes::export_runtimes(store::Store(dir.path / "a"), {}, dir.path / "rt.tar");
  store::Store b(dir.path / "b");
  CHECK(refusal(b, dir.path / "rt.tar").find("(libc++, plan9/vax, clang 19) does not match the folder") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(b.runtimes_dir() / "llvm-19"));
}

TEST_CASE("runtimes export of a target with nothing built says how to build it") {
  testing::ScratchDir dir;
  try {
    runtimes::export_runtimes(store::Store(dir.path), {target::parse("linux/arm64")}, dir.path / "rt.tar");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);
    CHECK(e.hint() == "run 'xstatic runtimes build linux/arm64'");
  }
}
