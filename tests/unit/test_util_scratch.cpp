// util::TempPath and util::BuildScratch, the scoped temporary folders, and
// Error::with_context, the one way to add context to a failure.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "scratch_dir.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/scratch.hpp"

namespace fs = std::filesystem;
using xstatic::Error;
using xstatic::Exit;
namespace util = xstatic::util;

TEST_CASE("TempPath removes its folder on every way out unless kept") {
  xstatic::testing::ScratchDir s;
  fs::path gone = s.path / "gone", kept = s.path / "kept";
  try {
    util::TempPath t(gone);
    fs::create_directories(t.path() / "deep");
    std::ofstream(t.path() / "deep/file") << "x";
    throw std::runtime_error("a failure half way");
  } catch (const std::runtime_error&) {
  }
  CHECK_FALSE(fs::exists(gone));
  {
    util::TempPath t(kept);
    fs::create_directories(t.path());
    t.keep();
  }
  CHECK(fs::is_directory(kept));
  {
    util::TempPath never_made(s.path / "never");
  }  // nothing to remove: no error
}

TEST_CASE("BuildScratch sweeps leftovers, keeps the log of a failed build, removes its folder") {
  xstatic::testing::ScratchDir s;
  fs::create_directories(s.path / ".tmp-zlib-999999/src");  // a killed build's
  fs::create_directories(s.path / ".tmp-other-1");          // another prefix: not ours
  fs::path failed_log = s.path / "logs/zlib.log";
  fs::path dir;
  {
    util::BuildScratch b(s.path, ".tmp-zlib-", failed_log);
    dir = b.dir();
    CHECK(dir == s.path / (".tmp-zlib-" + std::to_string(::getpid())));
    CHECK(fs::is_directory(dir));
    CHECK_FALSE(fs::exists(s.path / ".tmp-zlib-999999"));
    CHECK(fs::exists(s.path / ".tmp-other-1"));
    std::ofstream(b.log()) << "configure: error: no compiler\n";
  }
  CHECK_FALSE(fs::exists(dir));
  REQUIRE(fs::exists(failed_log));
  std::ifstream in(failed_log);
  std::string line;
  std::getline(in, line);
  CHECK(line == "configure: error: no compiler");

  fs::remove(failed_log);
  {
    util::BuildScratch b(s.path, ".tmp-zlib-", failed_log);
    std::ofstream(b.log()) << "ok\n";
    b.succeeded();
  }
  CHECK_FALSE(fs::exists(dir));
  CHECK_FALSE(fs::exists(failed_log));
}

TEST_CASE("Error::with_context keeps the hint and the exit code") {
  Error e("no such target 'linux/arm65'", "did you mean linux/arm64?", Exit::missing);
  Error c = e.with_context("GOARCH: ", " (from the environment)");
  CHECK(std::string(c.what()) == "GOARCH: no such target 'linux/arm65' (from the environment)");
  CHECK(c.hint() == "did you mean linux/arm64?");
  CHECK(c.code() == Exit::missing);
}
