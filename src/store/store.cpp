#include "xstatic/store/store.hpp"

#include <unistd.h>

#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::store {

Store Store::locate(const std::optional<fs::path>& override_dir) {
  // Absolute, because the store's paths are handed to apt and CMake, which
  // run in other working directories.
  std::error_code ec;
  if (override_dir && !override_dir->empty()) return Store(fs::absolute(*override_dir, ec));
  if (auto home = util::getenv_nonempty("XSTATIC_HOME")) return Store(fs::absolute(*home, ec));
  if (auto xdg = util::getenv_nonempty("XDG_DATA_HOME")) return Store(fs::path(*xdg) / "xstatic");
  if (auto home = util::getenv_nonempty("HOME")) return Store(fs::path(*home) / ".local/share/xstatic");
  return Store(fs::path("/var/lib/xstatic"));
}

std::string sysroot_name(const target::Target& t) {
  // Targets without a Debian architecture (windows: mingw's sysroot is the
  // system's) still get a folder of their own for packages: "amd64-mingw".
  std::string_view arch = t.row->debian_arch.empty() ? t.row->goarch : t.row->debian_arch;
  std::string name = std::string(arch) + "-" + std::string(t.libc_name());
  // A glibc floor is another Debian release's sysroot: "amd64-glibc-2.31".
  if (t.glibc) name += "-" + std::string(t.glibc->version);
  return name;
}

fs::path Store::packages_path(const target::Target& t) const {
  return packages_dir() / sysroot_name(t);
}

fs::path Store::sysroot_path(const target::Target& t) const {
  return sysroots_dir() / sysroot_name(t);
}

std::string Store::temp_prefix(std::string_view what) {
  return ".tmp-" + std::string(what) + "-";
}

std::string Store::temp_name(std::string_view what) {
  return temp_prefix(what) + std::to_string(::getpid());
}

}  // namespace xstatic::store
