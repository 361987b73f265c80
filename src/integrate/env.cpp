// `xstatic env`: the variables that make, ./configure and hand-written build
// scripts read, and the pkg-config wrapper that those variables point at.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <sstream>

#include "xstatic/integrate/generate.hpp"
#include "xstatic/integrate/launcher.hpp"
#include "xstatic/util/json.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::integrate {
namespace {

std::string joined_dirs(const std::vector<fs::path>& dirs) {
  std::string out;
  for (const auto& d : dirs) out += (out.empty() ? "" : ":") + d.string();
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> env_vars(const Toolset& tools) {
  const auto& t = tools.target;
  std::vector<std::pair<std::string, std::string>> vars{
      {"CC", tools.cc.string()},
      {"CXX", tools.cxx.string()},
      {"AR", tools.ar.string()},
      {"RANLIB", tools.ranlib.string()},
      {"NM", tools.nm.string()},
      {"STRIP", tools.strip.string()},
      {"OBJCOPY", tools.objcopy.string()},
      {"OBJDUMP", tools.objdump.string()},
      {"READELF", tools.readelf.string()},
      // libtool asks `$CC -print-prog-name=ld` only when LD is unset; either way it gets lld.
      {"LD", tools.ld.string()},
      {"PKG_CONFIG", tools.pkg_config.string()},
      {"PKG_CONFIG_SYSROOT_DIR", tools.sysroot.string()},
      {"PKG_CONFIG_LIBDIR", joined_dirs(tools.pkg_config_dirs)},
      // Kernel-style makefiles call ${CROSS_COMPILE}gcc, ${CROSS_COMPILE}ar.
      {"CROSS_COMPILE", (tools.bin_dir / (tools.prefix + "-")).string()},
      // For ./configure --host="$XSTATIC_HOST". (No XSTATIC_TARGET/XSTATIC_LIBC:
      // toolchains/xstatic.cmake reads those, and one eval must not steer
      // every later CMake configure in the shell.)
      {"XSTATIC_HOST", std::string(t.triple())},
      {"XSTATIC_SYSROOT", tools.sysroot.string()},
      {"XSTATIC_EMULATOR", util::shell_join(tools.emulator)},
      // The launchers find the sysroot through the store: keep the same one.
      {"XSTATIC_HOME", tools.store.string()},
  };
  // The allocator of musl links, when asked for (the driver reads XSTATIC_MALLOC).
  if (!tools.malloc.empty()) vars.emplace_back("XSTATIC_MALLOC", tools.malloc);
  return vars;
}

std::string env_shell(const Toolset& tools, driver::Launcher launcher, const std::string& launcher_path) {
  std::ostringstream o;
  const auto& t = tools.target;
  std::string libc = t.libc == target::default_libc(*t.row) ? "" : " --libc " + std::string(t.libc_name());
  o << "# " << t.describe() << ": eval \"$(xstatic env " << t.go_name() << libc << ")\"\n";
  for (const auto& [name, value] : with_launcher(env_vars(tools), launcher, launcher_path))
    o << "export " << name << "=" << util::shell_quote(value) << "\n";
  return o.str();
}

std::string env_json(const Toolset& tools, driver::Launcher launcher, const std::string& launcher_path) {
  return util::json_text([&](llvm::json::OStream& j) {
           j.object([&] {
             for (const auto& [name, value] : with_launcher(env_vars(tools), launcher, launcher_path))
               j.attribute(name, value);
           });
         }) +
         "\n";
}

std::string pkg_config_script(const Toolset& tools, const std::string& host_pkg_config) {
  std::ostringstream o;
  o << "#!/bin/sh\n"
    << "# pkg-config for " << tools.target.describe() << ", written by xstatic: it sees only the sysroot's\n"
    << "# packages and those `xstatic pkg` built (XSTATIC_PKGS narrows them as it does for the\n"
    << "# compiler), rebases the sysroot's paths into it, and prints static-link flags\n"
    << "# (--static adds Libs.private and Requires.private).\n"
    << "PKG_CONFIG_SYSROOT_DIR=" << util::shell_quote(tools.sysroot.string()) << "\n"
    << "PKG_CONFIG_LIBDIR=" << util::shell_quote(joined_dirs(tools.pkg_config_dirs)) << "\n"
    << "packages=" << util::shell_quote(tools.packages.string()) << "\n"
    << "for d in \"$packages\"/*/; do\n"
    << "  d=${d%/}; name=${d##*/}\n"
    << "  [ -f \"$d/manifest.json\" ] || continue\n"
    << "  if [ -n \"${XSTATIC_PKGS+set}\" ]; then\n"
    << "    case \",$XSTATIC_PKGS,\" in *\",$name,\"*) ;; *) continue ;; esac\n"
    << "  fi\n"
    << "  PKG_CONFIG_LIBDIR=\"$d/lib/pkgconfig:$d/share/pkgconfig:$PKG_CONFIG_LIBDIR\"\n"
    << "done\n"
    << "export PKG_CONFIG_SYSROOT_DIR PKG_CONFIG_LIBDIR\n"
    << "unset PKG_CONFIG_PATH\n"
    << "# pkg-config puts the sysroot before every path, the packages' too: take it off theirs.\n"
    << "if out=$(" << util::shell_quote(host_pkg_config)
    << " --static \"$@\"); then status=0; else status=$?; fi\n"
    << "[ -z \"$out\" ] || printf '%s\\n' \"$out\" | sed \"s|$PKG_CONFIG_SYSROOT_DIR$packages|$packages|g\"\n"
    << "exit $status\n";
  return o.str();
}

}  // namespace xstatic::integrate
