// A links folder records its store; a compiler called through it uses that
// store, and refuses when XSTATIC_HOME names another.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <optional>
#include <string>

#include "scratch_dir.hpp"
#include "xstatic/sysroot/links_store.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::sysroot;

namespace {

// Sets (or unsets) XSTATIC_HOME for one scope.
struct HomeEnv {
  std::optional<std::string> saved;
  explicit HomeEnv(const char* value) {
    if (const char* v = ::getenv("XSTATIC_HOME")) saved = v;
    if (value)
      ::setenv("XSTATIC_HOME", value, 1);
    else
      ::unsetenv("XSTATIC_HOME");
  }
  ~HomeEnv() {
    if (saved)
      ::setenv("XSTATIC_HOME", saved->c_str(), 1);
    else
      ::unsetenv("XSTATIC_HOME");
  }
};

}  // namespace

TEST_CASE("a links folder names its store, and names called through it use it") {
  testing::ScratchDir scratch;
  fs::path a = scratch.path / "a", b = scratch.path / "b", bin = a / "bin";
  fs::create_directories(bin);
  fs::create_directories(b);
  CHECK_FALSE(read_links_store(bin));
  write_links_store(bin, store::Store(a));
  REQUIRE(read_links_store(bin));
  CHECK(*read_links_store(bin) == a);
  std::string cc = (bin / "aarch64-linux-musl-cc").string();
  {
    HomeEnv unset(nullptr);
    CHECK(store_of_program(cc).root() == a);
  }
  {
    HomeEnv same((a.string() + "/").c_str());  // another spelling of the same store
    CHECK(store_of_program(cc).root() == a);
  }
  {
    HomeEnv other(b.c_str());
    try {
      store_of_program(cc);
      FAIL("expected an error");
    } catch (const Error& e) {
      std::string what = e.what();
      CHECK(what.find(a.string()) != std::string::npos);
      CHECK(what.find(b.string()) != std::string::npos);
      CHECK(e.code() == Exit::usage);
    }
    // A folder that records no store follows XSTATIC_HOME, as before.
    CHECK(store_of_program((scratch.path / "aarch64-linux-musl-cc").string()).root() == b);
  }
}

TEST_CASE("a name found on PATH is looked up in its PATH folder") {
  testing::ScratchDir scratch;
  fs::path bin = scratch.path / "bin";
  fs::create_directories(bin);
  fs::path tool = bin / "aarch64-linux-musl-cc";
  fs::copy_file("/bin/true", tool);
  std::string saved = ::getenv("PATH") ? ::getenv("PATH") : "";
  ::setenv("PATH", (bin.string() + ":" + saved).c_str(), 1);
  auto dir = program_dir("aarch64-linux-musl-cc");
  ::setenv("PATH", saved.c_str(), 1);
  REQUIRE(dir);
  CHECK(*dir == bin);
  CHECK(*program_dir("/x/y/aarch64-linux-musl-cc") == "/x/y");
}
