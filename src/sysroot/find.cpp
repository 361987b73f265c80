#include "xstatic/sysroot/find.hpp"

#include <sys/stat.h>

#include "xstatic/sysroot/sdk.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/libc.hpp"

namespace xstatic::sysroot {
namespace {

bool path_exists(const fs::path& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0;
}

// Targets whose libc is not provisioned by xstatic use a system location.
std::optional<fs::path> system_sysroot(const target::Target& t) {
  switch (t.libc) {
    case target::Libc::mingw: {
      fs::path dir = fs::path("/usr") / std::string(t.triple());
      if (path_exists(dir / "include/stdio.h")) return dir;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

bool has_recipe(target::Libc libc) {
  return target::libc_info(libc).provisioned;
}

bool is_provisioned_by_xstatic(const target::Target& t) {
  return has_recipe(t.libc);
}

std::optional<fs::path> find(const store::Store& store, const target::Target& t) {
  if (t.libc == target::Libc::darwin) return find_sdk(store);
  if (!is_provisioned_by_xstatic(t)) return system_sysroot(t);
  fs::path dir = store.sysroot_path(t);
  if (!path_exists(dir / store::kManifestName)) return std::nullopt;
  return dir;
}

std::string install_command(const target::Target& t) {
  switch (t.libc) {
    case target::Libc::mingw:
      return "sudo apt-get install mingw-w64";
    case target::Libc::darwin:
      return "xstatic sdk import /path/to/MacOSX.sdk (Apple's SDK licence keeps it out of Debian; "
             "docs/darwin.md)";
    default:
      break;
  }
  std::string cmd = "xstatic sysroot install " + t.go_name();
  if (t.libc != target::default_libc(*t.row)) cmd += " --libc " + std::string(t.libc_name());
  if (t.glibc) cmd += " --glibc " + std::string(t.glibc->version);
  return cmd;
}

}  // namespace xstatic::sysroot
