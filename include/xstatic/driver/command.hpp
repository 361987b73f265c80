// The one clang command line an invocation becomes.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "xstatic/driver/args.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/sysroot/packages.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/toolchain/clang.hpp"

namespace xstatic::driver {

enum class Language : std::uint8_t { c, cxx };

// The names xstatic answers to as a compiler, the one list of them:
// cc, gcc, clang -> C; c++, g++, clang++, cxx -> C++ (as gcc: the driver
// name decides how the link is made, the file suffix how a file is compiled).
// `linked`: install-links makes <prefix>-NAME for it (cxx is only accepted).
struct CompilerName {
  std::string_view name;
  Language language;
  bool linked;
};
std::span<const CompilerName> compiler_names();

// The language of a compiler name, or nullopt when `tool` is not one.
std::optional<Language> compiler_language(std::string_view tool);

// Everything the command depends on, resolved beforehand (so that building
// the command is a pure function, tested on its own).
struct Plan {
  Language language = Language::c;
  target::Target target;
  std::optional<std::filesystem::path> sysroot;  // nullopt only for calls with no input (--version)
  // The store, when the call has inputs: its path (sysroot headers, libc++'s,
  // packages') is written as /xstatic in debug info and __FILE__, so the same
  // sources give the same objects from any store (-ffile-prefix-map).
  std::optional<std::filesystem::path> store_root;
  toolchain::Clang clang;
  std::optional<std::string> cxx_driver;  // clang++-19 beside clang; else --driver-mode=g++
  runtimes::Variant runtimes_variant = runtimes::Variant::standard;  // which build of libc++ and mimalloc
  std::optional<runtimes::Installed> cxx_runtimes;                   // libc++ for C++ on musl
  std::optional<std::string> ld_path;            // --ld-path when clang cannot find lld beside itself
  bool color = false;                            // our stderr is a terminal (links pipe clang's stderr)
  std::optional<std::string> why_extract;        // lld's --why-extract report file (static glibc hazards)
  std::optional<std::filesystem::path> gcc_dir;  // mingw: Debian's gcc runtime folder (libgcc.a, libstdc++)
  std::optional<std::filesystem::path>
      allocator;                  // libmimalloc.a for a musl link (xstatic/runtimes/allocator.hpp)
  bool allocator_forced = false;  // --malloc=mimalloc: linked whole, not only when referenced
  std::string allocator_version;  // "2.0.9" (for the embedded SBOM)
  std::optional<std::filesystem::path>
      libc_routines;  // libxstatic_libc.a for a musl link (xstatic/runtimes/libc_routines.hpp)
  std::string libc_routines_version;            // the digest of their sources (for the embedded SBOM)
  std::vector<std::filesystem::path> packages;  // roots of `xstatic pkg` packages: -isystem include, -L lib
  std::vector<std::string> package_libs;        // -l flags that complete the packages a link names
  std::vector<sysroot::PackageLinkInfo> linked_packages;  // those packages (for the embedded SBOM)
  std::optional<std::string> sbom_object;  // the SBOM note's object (xstatic/driver/sbom.hpp), -Wl,FILE
  std::optional<std::string>
      link_files;              // this link's folder of xstatic's files (xstatic/driver/link_files.hpp)
  bool c_startfiles = false;   // link_files holds the C start files: -B link_files
  bool drops_comment = false;  // link_files holds the script that drops .comment
};

// The wasm32 compiler-rt builtins archive in a WASI sysroot's lib/<triple>/.
inline constexpr const char* kWasiBuiltins = "libclang_rt.builtins-wasm32.a";

// True when C++ for this target needs the libc++ runtimes xstatic builds.
bool needs_cxx_runtimes(Language language, const target::Target& t);

// True for --link=libc-dynamic: glibc's libraries and loader dynamic, the
// rest static (no -static; -static-libgcc, -static-libstdc++, and the user's
// libraries between -Wl,-Bstatic and -Wl,-Bdynamic, glibc's own -lm, -ldl,
// -lpthread, -lrt, ... left dynamic). The post-link check then applies the
// floor (verify --max-glibc) instead of "static".
bool libc_dynamic(const Invocation& inv);

// True when the call may run the linker or report on it: a link, or a call
// with no input (-Wl,--version, -v, -print-prog-name=ld). Such calls name lld.
bool may_link(const Invocation& inv);

// True for -print-prog-name=ld (libtool's way to find the linker): clang
// answers with the host's ld whatever -fuse-ld says, so the driver answers
// with lld itself. False when the user chose another linker.
bool asks_for_linker_path(const Invocation& inv);

// lld's name for the target's object format: ld.lld (ELF, and PE through its
// MinGW mode), ld64.lld (Mach-O) or wasm-ld.
std::string_view lld_name(const target::Target& t);

// clang, --target, --sysroot, -fuse-ld=lld (for calls that may link), the
// target row's cflags, then for links -static (or -static-pie),
// -Wl,--gc-sections and -s (unless debug info or --strip says otherwise), then
// the user's arguments so that they win (except that a static executable's
// link drops -rdynamic and -Wl,-E/--export-dynamic, which have nothing to
// export to there and make clang warn; -shared links keep them), then the
// libraries of the packages the link names need (-lcurl: -lssl -lcrypto
// -lnghttp2 -lz), then xstatic's libc routines and the allocator archive:
// after the user's inputs, so that a malloc (or qsort, strlen) the program
// brings (an object or an archive named earlier) is the one lld takes.
std::vector<std::string> build_command(const Invocation& inv, const Plan& plan);

// True for a user argument that cannot work for the target and is dropped:
// Go's GNU ld script and Meson's --allow-shlib-undefined for Windows links
// (see src/driver/dropped.cpp).
bool is_dropped(std::string_view arg, const target::Target& t);

// mingw-w64 on Debian keeps libgcc and libstdc++ in /usr/lib/gcc/<triple>/12-posix
// (and -win32, which lacks std::thread), a folder name clang's MinGW driver
// does not read as a version. The -posix folder wins when both are there.
std::optional<std::filesystem::path> mingw_gcc_dir(const target::Target& t);

// The file a link writes: the -o value, else clang's default (a.out, a.exe),
// or a.wasm for WASI (which the command then names with -o).
std::string output_of(const Invocation& inv, const target::Target& t);

}  // namespace xstatic::driver
