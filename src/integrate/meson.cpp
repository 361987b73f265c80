// The Meson cross file for a target
// (https://mesonbuild.com/Cross-compilation.html, machine files reference).
#include <sstream>

#include "xstatic/integrate/generate.hpp"
#include "xstatic/target/os.hpp"

namespace xstatic::integrate {
namespace {

std::string meson_string(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string meson_string(const fs::path& p) {
  return meson_string(p.string());
}

// 'cc', or ['/usr/bin/env', 'XSTATIC_LAUNCHER=sccache', 'cc'] behind a launcher.
std::string compiler(const std::vector<std::string>& prefix, const std::string& cc) {
  if (prefix.empty()) return meson_string(cc);
  std::string out = "[";
  for (const auto& w : prefix) out += meson_string(w) + ", ";
  return out + meson_string(cc) + "]";
}

std::string meson_system(const target::Row& row) {
  return std::string(target::os_info(row).meson_system);
}

}  // namespace

std::string meson_cpu_family(const target::Row& row) {
  std::string_view a = row.goarch;
  if (a == "386") return "x86";
  if (a == "amd64") return "x86_64";
  if (a == "arm64") return "aarch64";
  if (a == "mips64le") return "mips64";
  if (a == "mipsle") return "mips";
  if (a == "ppc64le") return "ppc64";
  if (a == "wasm") return "wasm32";
  return std::string(a);  // arm, s390x
}

std::string meson_cross_file(const Toolset& tools, const std::vector<std::string>& compiler_prefix) {
  const auto& t = tools.target;
  std::ostringstream o;
  o << "# Meson cross file for " << t.describe() << ", written by `xstatic toolchain meson " << t.go_name()
    << " --libc " << t.libc_name() << "`.\n"
    << "#   meson setup build --cross-file <this file>\n\n"
    << "[binaries]\n"
    << "c = " << compiler(compiler_prefix, tools.cc.string()) << "\n"
    << "cpp = " << compiler(compiler_prefix, tools.cxx.string())
    << "\n"
    // Meson finds the linker by running `<c> -Wl,--version`; naming lld here
    // (as -fuse-ld=lld) keeps the host's GNU ld out of it whatever PATH holds.
    << "c_ld = 'lld'\n"
    << "cpp_ld = 'lld'\n"
    << "ar = " << meson_string(tools.ar) << "\n"
    << "ranlib = " << meson_string(tools.ranlib) << "\n"
    << "nm = " << meson_string(tools.nm) << "\n"
    << "strip = " << meson_string(tools.strip) << "\n"
    << "objcopy = " << meson_string(tools.objcopy)
    << "\n"
    // Meson before 1.3 (Debian 12 has 1.0) reads `pkgconfig`; 1.3 renamed it `pkg-config`.
    << "pkgconfig = " << meson_string(tools.pkg_config) << "\n"
    << "pkg-config = " << meson_string(tools.pkg_config) << "\n";
  if (!tools.windres.empty()) o << "windres = " << meson_string(tools.windres) << "\n";
  if (!tools.emulator.empty()) {
    o << "exe_wrapper = [";
    for (std::size_t i = 0; i < tools.emulator.size(); ++i)
      o << (i ? ", " : "") << meson_string(tools.emulator[i]);
    o << "]\n";
  }
  o << "\n[properties]\n";
  if (!tools.sysroot.empty()) o << "sys_root = " << meson_string(tools.sysroot) << "\n";
  o << "needs_exe_wrapper = " << (tools.emulator.empty() && tools.runnable ? "false" : "true") << "\n"
    << "\n[built-in options]\n"
    << "default_library = 'static'\n"
    << "prefer_static = true\n";
  if (!tools.malloc.empty())  // the allocator of every link (docs/allocator.md); xstatic takes it out
    o << "c_link_args = ['--malloc=" << tools.malloc << "']\n"
      << "cpp_link_args = ['--malloc=" << tools.malloc << "']\n";
  o << "\n[host_machine]\n"
    << "system = " << meson_string(meson_system(*t.row)) << "\n"
    << "cpu_family = " << meson_string(meson_cpu_family(*t.row)) << "\n"
    << "cpu = " << meson_string(cmake_system_processor(t)) << "\n"
    << "endian = " << (t.row->little_endian ? "'little'" : "'big'") << "\n";
  return o.str();
}

}  // namespace xstatic::integrate
