// The store's layout: where locate() puts the store, the folder each accessor
// names, the sysroot folder of a target and the names of work in progress.
#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <optional>
#include <set>
#include <string>

#include "xstatic/store/store.hpp"

using namespace xstatic;
using store::Store;
namespace fs = std::filesystem;

namespace {

// Sets or unsets an environment variable for one scope, then restores it.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = ::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~EnvVar() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the store is --store, else XSTATIC_HOME, else the XDG data folder, else ~/.local/share") {
  EnvVar home("HOME", "/home/someone"), xdg("XDG_DATA_HOME", nullptr), xs("XSTATIC_HOME", nullptr);
  CHECK(Store::locate().root() == "/home/someone/.local/share/xstatic");
  {
    EnvVar data("XDG_DATA_HOME", "/data");
    CHECK(Store::locate().root() == "/data/xstatic");
    EnvVar own("XSTATIC_HOME", "/srv/xstatic");
    CHECK(Store::locate().root() == "/srv/xstatic");
    CHECK(Store::locate(fs::path("/opt/store")).root() == "/opt/store");
    CHECK(Store::locate(fs::path()).root() == "/srv/xstatic");  // an empty --store is no choice
  }
  SUBCASE("a relative store is made absolute: apt and CMake run elsewhere") {
    EnvVar own("XSTATIC_HOME", "rel/store");
    CHECK(Store::locate().root() == fs::current_path() / "rel/store");
    CHECK(Store::locate(fs::path("other")).root() == fs::current_path() / "other");
  }
  SUBCASE("without HOME") {
    EnvVar none("HOME", nullptr);
    CHECK(Store::locate().root() == "/var/lib/xstatic");
  }
}

TEST_CASE("every folder the store owns has its own name under the root") {
  Store s(fs::path("/st"));
  CHECK(s.root() == "/st");
  CHECK(s.sysroots_dir() == "/st/sysroots");
  CHECK(s.sdks_dir() == "/st/sdks");
  CHECK(s.runtimes_dir() == "/st/runtimes");
  CHECK(s.sources_dir() == "/st/src");
  CHECK(s.apt_dir() == "/st/apt");
  CHECK(s.locks_dir() == "/st/locks");
  CHECK(s.logs_dir() == "/st/logs");
  CHECK(s.clang_cache_dir() == "/st/cache/clang");
  CHECK(s.bin_dir() == "/st/bin");
  CHECK(s.wine_prefix() == "/st/wine");
  std::set<fs::path> all{s.sysroots_dir(), s.sdks_dir(),   s.runtimes_dir(), s.sources_dir(),
                         s.apt_dir(),      s.locks_dir(),  s.logs_dir(),     s.clang_cache_dir(),
                         s.bin_dir(),      s.wine_prefix()};
  CHECK(all.size() == 10);
}

TEST_CASE("a target's sysroot folder is named after its Debian architecture and libc") {
  Store s(fs::path("/st"));
  auto arm64 = target::parse("linux/arm64");
  CHECK(store::sysroot_name(arm64) == "arm64-musl");
  CHECK(s.sysroot_path(arm64) == "/st/sysroots/arm64-musl");
  CHECK(store::sysroot_name(target::parse("linux/arm64", target::Libc::glibc)) == "arm64-glibc");
  // armel's v5 and v6 share a Debian architecture, so they share one sysroot.
  CHECK(s.sysroot_path(target::parse("linux/arm/v5")) == s.sysroot_path(target::parse("linux/arm/v6")));
  CHECK(s.sysroot_path(target::parse("linux/arm/v7")) != s.sysroot_path(target::parse("linux/arm/v6")));
}

TEST_CASE("work in progress is named .tmp-<what>-<pid>, and its prefix finds every process's") {
  CHECK(Store::temp_prefix("arm64-musl") == ".tmp-arm64-musl-");
  std::string mine = Store::temp_name("arm64-musl");
  CHECK(mine == ".tmp-arm64-musl-" + std::to_string(::getpid()));
  CHECK(mine.starts_with(Store::temp_prefix("arm64-musl")));
  CHECK_FALSE(Store::temp_name("arm64").starts_with(Store::temp_prefix("arm64-musl")));
}
