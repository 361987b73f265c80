// Binutils names and the names install-links makes.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include "scratch_dir.hpp"
#include "xstatic/driver/driver.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::driver;
namespace fs = std::filesystem;

TEST_CASE("binutils names map to LLVM tools") {
  CHECK(binutil_for("ar") == "llvm-ar");
  CHECK(binutil_for("ranlib") == "llvm-ranlib");
  CHECK(binutil_for("ld") == "ld.lld");
  CHECK(binutil_for("strip") == "llvm-strip");
  CHECK_FALSE(binutil_for("cc"));
  CHECK(binutil_for("windres") == "llvm-windres");
}

TEST_CASE("windres is made for Windows targets only") {
  auto has = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  CHECK(has(link_names(target::parse("windows/amd64")), "x86_64-w64-mingw32-windres"));
  CHECK(has(link_names(target::parse("windows/386")), "windows-386-windres"));
  CHECK_FALSE(has(link_names(target::parse("linux/amd64")), "x86_64-linux-musl-windres"));
}

TEST_CASE("every link name reads back as its target") {
  for (auto spec : {"linux/arm64", "linux/amd64", "linux/arm/v7", "linux/amd64/v3"}) {
    for (auto libc : {target::Libc::musl, target::Libc::glibc}) {
      auto t = target::parse(spec, libc);
      auto names = link_names(t);
      CHECK(std::find(names.begin(), names.end(), std::string(t.triple()) + "-cc") != names.end());
      CHECK(std::find(names.begin(), names.end(), std::string(t.triple()) + "-ranlib") != names.end());
      for (const auto& name : names) {
        CAPTURE(name);
        auto back = target::from_program_name(name);
        REQUIRE(back);
        CHECK(back->target.row->goarch == t.row->goarch);
        CHECK(back->target.libc == t.libc);
        if (!t.row->variant.empty() && name.find(t.triple()) == std::string::npos)
          CHECK(back->target.row == t.row);  // the Go form keeps the variant
      }
    }
  }
}

TEST_CASE("parallel install-links into one folder all succeed and leave no temporary name") {
  testing::ScratchDir scratch;
  fs::path dir = scratch.path / "bin";
  std::vector<target::Target> targets{target::parse("linux/arm64"), target::parse("linux/amd64")};
  std::vector<pid_t> children;
  for (int i = 0; i < 4; ++i) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int failed = 0;
      for (int round = 0; round < 40; ++round) {
        try {
          install_links(dir, "/opt/xstatic/bin/xstatic", targets);
        } catch (const Error&) {
          ++failed;
        }
      }
      ::_exit(failed == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  std::size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    ++entries;
    CHECK_MESSAGE(fs::read_symlink(e.path()) == "/opt/xstatic/bin/xstatic", e.path().string());
  }
  CHECK(entries == link_names(targets[0]).size() + link_names(targets[1]).size());
}
