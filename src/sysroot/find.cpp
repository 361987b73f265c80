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

// A Debian package's tree for the triple (mingw-w64: /usr/x86_64-w64-mingw32).
std::optional<fs::path> system_sysroot(const target::Target& t) {
  fs::path dir = fs::path("/usr") / std::string(t.triple());
  if (path_exists(dir / "include/stdio.h")) return dir;
  return std::nullopt;
}

}  // namespace

bool has_recipe(target::Libc libc) {
  return target::libc_info(libc).sysroot == target::SysrootSource::recipe;
}

bool is_provisioned_by_xstatic(const target::Target& t) {
  return has_recipe(t.libc);
}

std::optional<fs::path> find(const store::Store& store, const target::Target& t) {
  switch (target::libc_info(t.libc).sysroot) {
    case target::SysrootSource::sdk:
      return find_sdk(store);
    case target::SysrootSource::system:
      return system_sysroot(t);
    case target::SysrootSource::recipe:
      break;
  }
  fs::path dir = store.sysroot_path(t);
  if (!path_exists(dir / store::kManifestName)) return std::nullopt;
  return dir;
}

std::string install_command(const target::Target& t) {
  const auto& libc = target::libc_info(t.libc);
  if (libc.sysroot != target::SysrootSource::recipe) return std::string(libc.install_hint);
  std::string cmd = "xstatic sysroot install " + t.go_name();
  if (t.libc != target::default_libc(*t.row)) cmd += " --libc " + std::string(t.libc_name());
  if (t.glibc) cmd += " --glibc " + std::string(t.glibc->version);
  return cmd;
}

}  // namespace xstatic::sysroot
