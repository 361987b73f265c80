// `xstatic pkg`: the static libraries a real program needs (zlib, OpenSSL,
// curl, SQLite, ...), built once per target from Debian's own source
// packages with xstatic's own toolchain, and found by every later call
// without flags (xstatic/sysroot/packages.hpp says how the driver, the
// pkg-config wrapper and the CMake toolchain file see them).
//
//   <store>/pkg/<sysroot-name>/<name>/     one finished package each:
//       include/ lib/lib*.a lib/pkgconfig/  installed with prefix /usr, .pc files relocatable
//       build.log                           how it was built
//       manifest.json                       written last: name, Debian version, recipe revision,
//                                           clang, licence, libs, requires, every file's SHA-256
//   <store>/pkg/<sysroot-name>/.tmp-<name>-<pid>/  a build in progress (removed by the next holder
//                                           of the lock if its process was killed)
//   <store>/src/pkg/<source>_<version>/     Debian's source package, downloaded once
//   <store>/logs/pkg-<sysroot-name>-<name>.log  the log of the last failed build
//   <store>/locks/pkg-<sysroot-name>-<name>.lock
//
// A package is rebuilt when its recipe's revision or clang's major version
// changes; otherwise `install` of an installed package does nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::pkg {

namespace fs = std::filesystem;

struct InstallOptions {
  int jobs = 0;        // make/ninja -j; 0 = the number of CPUs
  bool force = false;  // rebuild what is already installed (the packages named, not their dependencies)
};

struct Installed {
  std::string name;
  std::string version;  // Debian's source version
  fs::path root;
  bool built_now = false;
};

// Builds `names` and what they require for `t`, each after what it needs,
// and returns them in that order. Throws Error(usage) for an unknown name or
// a target a recipe does not support, Error(missing) when the sysroot is not
// installed or a source cannot be downloaded, Error(failed) when a build
// fails (naming its kept log; nothing that depends on it is built).
std::vector<Installed> install(const store::Store& store, const target::Target& t,
                               const std::vector<std::string>& names, util::Progress& progress,
                               const InstallOptions& options = {});

// One installed package, as `pkg list` shows it.
struct Entry {
  std::string name, version, target, sysroot, license;
  std::string source;  // Debian's source package: "curl"
  int revision = 0, clang_major = 0;
  std::vector<std::string> libs, requires_;
  fs::path root;
  bool current = true;  // built by today's recipe revision
};
// Every installed package of every target (or of `t` only).
std::vector<Entry> list(const store::Store& store, const std::optional<target::Target>& t = std::nullopt);

// Removes installed packages of `t`; Error(usage) for one that is not
// installed or that another installed package requires (unless `force`).
void remove(const store::Store& store, const target::Target& t, const std::vector<std::string>& names,
            bool force);

}  // namespace xstatic::pkg
