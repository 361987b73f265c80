// The bundle: xstatic, clang (driver, cc1, cc1as) and lld in one static
// executable (docs/bundle.md). Built only with -DXSTATIC_BUNDLE=ON or as the
// xstatic_bundle target; the normal xstatic never links this module.
//
// It is a multi-call binary, as zig and busybox are. Its folder is laid out as
// clang's own install is:
//
//   bin/xstatic                      the one executable
//   bin/clang, bin/clang++           links to it: clang's driver
//   bin/ld.lld, ld64.lld, lld-link, wasm-ld   links to it: lld's flavours
//   bin/llvm-ar, llvm-ranlib, llvm-objcopy, llvm-strip   links to it: the
//                                    binutils xstatic runs itself (runtimes, release)
//   lib/clang/19/include             clang's resource headers
//
// so clang finds its resource folder from its own path (bin/../lib/clang/19)
// and -fuse-ld=lld finds bin/ld.lld beside itself, exactly as Debian's clang
// does under /usr/lib/llvm-19.
#pragma once

#include <optional>
#include <string_view>

namespace xstatic::bundle {

// Which program a call of the bundle is.
enum class Tool {
  xstatic,  // xstatic's own command line
  clang,    // clang's driver (argv[0] clang, clang++, clang-19...)
  cc1,      // clang -cc1 / -cc1as as the first argument (any argv[0])
  lld,      // ld.lld, ld64.lld, lld-link, wasm-ld (the flavour is read from argv[0] by lld)
  ar,       // llvm-ar (ar_main.cpp)
  ranlib,   // llvm-ranlib
  objcopy,  // llvm-objcopy (objcopy_main.cpp)
  strip,    // llvm-strip
};

// The tool argv asks for: -cc1/-cc1as as the first argument, else the base
// name of argv[0] without a -<major> suffix.
Tool tool_for(std::string_view argv0, std::string_view first_argument);

// Runs clang or lld when argv names one; nullopt for xstatic's own command
// line, after telling the toolchain module that clang and lld are this
// bundle's bin/ links.
std::optional<int> run_tool(int argc, char** argv);

// The tools themselves (clang_main.cpp, cc1_main.cpp, lld_main.cpp,
// ar_main.cpp, objcopy_main.cpp).
int clang_main(int argc, char** argv);
int lld_main(int argc, char** argv);
int ar_main(int argc, char** argv, bool ranlib);
int objcopy_main(int argc, char** argv, bool strip);

}  // namespace xstatic::bundle
