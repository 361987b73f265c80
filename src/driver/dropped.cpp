// Arguments that another tool puts on its command lines but that cannot work
// for a target, dropped before clang sees them.
//
// Go's linker (cmd/link, external linking for GOOS=windows) always passes
// -Wl,-T,<tmp>/fix_debug_gdb_scripts.ld, a GNU ld script that works around a
// GNU ld bug (https://golang.org/issue/20183) by placing .debug_gdb_scripts.
// lld's MinGW driver reads no linker scripts ("unknown argument: -T"), and
// xstatic strips debug sections anyway, so that one script is dropped. Any
// other -T stays, for lld to report.
//
// Meson puts -Wl,--allow-shlib-undefined on every Windows link (b_lundef is
// not offered there, and its probe of the flag runs without inputs, so the
// linker never answers). It is about ELF shared libraries; lld's MinGW driver
// rejects it ("unknown argument"), and a static .exe has no shared library.
#include "xstatic/driver/command.hpp"
#include "xstatic/target/libc.hpp"

namespace xstatic::driver {

bool is_dropped(std::string_view arg, const target::Target& t) {
  if (!target::libc_info(t.libc).drops_gnu_ld_flags) return false;
  if (arg == "-Wl,--allow-shlib-undefined") return true;
  return arg.starts_with("-Wl,-T,") && arg.ends_with("/fix_debug_gdb_scripts.ld");
}

}  // namespace xstatic::driver
