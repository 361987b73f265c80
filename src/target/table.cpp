// The target table: every target xstatic knows, one row each, as data; and
// the libc table: what xstatic knows about each libc, one row each.
//
// To add a target, add a row here (rows are grouped by OS, then sorted by arch and variant), then
// a sysroot recipe entry under sysroots/ if it is a Linux target, and run the
// unit tests: tests/unit/test_target_table.cpp checks every row's triple
// against llvm::Triple and the ELF fields against each other.
#include <llvm/BinaryFormat/ELF.h>

#include <iterator>

#include "xstatic/target/libc.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::target {
namespace {

using llvm::ELF::EM_386;
using llvm::ELF::EM_AARCH64;
using llvm::ELF::EM_ARM;
using llvm::ELF::EM_MIPS;
using llvm::ELF::EM_PPC64;
using llvm::ELF::EM_S390;
using llvm::ELF::EM_X86_64;
using enum ObjectFormat;

constexpr std::uint8_t kLinux = kMusl | kGlibc;
constexpr std::uint8_t kBoth = kC | kCxx;

// clang-format off
constexpr Row kRows[] = {
// goos      goarch      var   dflt  musl triple                 gnu / only triple            debian      fmt    e_machine   64     LE     qemu-user               libcs    langs  cflags
{"linux",   "386",      "",   true,  "i686-linux-musl",          "i686-linux-gnu",            "i386",     elf,   EM_386,     false, true,  "qemu-i386-static",     kLinux,  kBoth, ""},
{"linux",   "amd64",    "v1", true,  "x86_64-linux-musl",        "x86_64-linux-gnu",          "amd64",    elf,   EM_X86_64,  true,  true,  "qemu-x86_64-static",   kLinux,  kBoth, ""},
{"linux",   "amd64",    "v2", false, "x86_64-linux-musl",        "x86_64-linux-gnu",          "amd64",    elf,   EM_X86_64,  true,  true,  "qemu-x86_64-static",   kLinux,  kBoth, "-march=x86-64-v2"},
{"linux",   "amd64",    "v3", false, "x86_64-linux-musl",        "x86_64-linux-gnu",          "amd64",    elf,   EM_X86_64,  true,  true,  "qemu-x86_64-static",   kLinux,  kBoth, "-march=x86-64-v3"},
{"linux",   "amd64",    "v4", false, "x86_64-linux-musl",        "x86_64-linux-gnu",          "amd64",    elf,   EM_X86_64,  true,  true,  "qemu-x86_64-static",   kLinux,  kBoth, "-march=x86-64-v4"},
{"linux",   "arm",      "v5", false, "arm-linux-musleabi",       "arm-linux-gnueabi",         "armel",    elf,   EM_ARM,     false, true,  "qemu-arm-static",      kLinux,  kBoth, "-march=armv5te -mfloat-abi=soft"},
{"linux",   "arm",      "v6", false, "arm-linux-musleabi",       "arm-linux-gnueabi",         "armel",    elf,   EM_ARM,     false, true,  "qemu-arm-static",      kLinux,  kBoth, "-march=armv6 -mfpu=vfp -mfloat-abi=softfp"},
{"linux",   "arm",      "v7", true,  "armv7-linux-musleabihf",   "arm-linux-gnueabihf",       "armhf",    elf,   EM_ARM,     false, true,  "qemu-arm-static",      kLinux,  kBoth, "-march=armv7-a -mfpu=vfpv3-d16 -mfloat-abi=hard"},
{"linux",   "arm64",    "",   true,  "aarch64-linux-musl",       "aarch64-linux-gnu",         "arm64",    elf,   EM_AARCH64, true,  true,  "qemu-aarch64-static",  kLinux,  kBoth, ""},
{"linux",   "mips64le", "",   true,  "mips64el-linux-musl",      "mips64el-linux-gnuabi64",   "mips64el", elf,   EM_MIPS,    true,  true,  "qemu-mips64el-static", kLinux,  kBoth, ""},
{"linux",   "mipsle",   "",   true,  "mipsel-linux-musl",        "mipsel-linux-gnu",          "mipsel",   elf,   EM_MIPS,    false, true,  "qemu-mipsel-static",   kLinux,  kBoth, ""},
{"linux",   "ppc64le",  "",   true,  "powerpc64le-linux-musl",   "powerpc64le-linux-gnu",     "ppc64el",  elf,   EM_PPC64,   true,  true,  "qemu-ppc64le-static",  kLinux,  kBoth, ""},
{"linux",   "s390x",    "",   true,  "s390x-linux-musl",         "s390x-linux-gnu",           "s390x",    elf,   EM_S390,    true,  false, "qemu-s390x-static",    kLinux,  kBoth, ""},
{"windows", "386",      "",   true,  "",                         "i686-w64-mingw32",          "",         coff,  0,          false, true,  "",                     kMingw,  kBoth, ""},
{"windows", "amd64",    "v1", true,  "",                         "x86_64-w64-mingw32",        "",         coff,  0,          true,  true,  "",                     kMingw,  kBoth, ""},
{"windows", "amd64",    "v2", false, "",                         "x86_64-w64-mingw32",        "",         coff,  0,          true,  true,  "",                     kMingw,  kBoth, "-march=x86-64-v2"},
{"windows", "amd64",    "v3", false, "",                         "x86_64-w64-mingw32",        "",         coff,  0,          true,  true,  "",                     kMingw,  kBoth, "-march=x86-64-v3"},
{"windows", "amd64",    "v4", false, "",                         "x86_64-w64-mingw32",        "",         coff,  0,          true,  true,  "",                     kMingw,  kBoth, "-march=x86-64-v4"},
{"darwin",  "amd64",    "",   true,  "",                         "x86_64-apple-macos11",      "",         macho, 0,          true,  true,  "",                     kDarwin, kBoth, ""},
{"darwin",  "arm64",    "",   true,  "",                         "arm64-apple-macos11",       "",         macho, 0,          true,  true,  "",                     kDarwin, kBoth, ""},
{"wasip1",  "wasm",     "",   true,  "",                         "wasm32-wasip1",             "all",      wasm,  0,          false, true,  "",                     kWasi,   kBoth, ""},
};
// clang-format on

// ELF links fold identical functions and read-only data, but only those whose
// address nothing takes: clang writes that into every object
// (.llvm_addrsig), and lld keeps every section of an object without it (GCC's,
// musl's) as it is. A program cannot tell, and a C++ one is ~3% smaller
// (libc++'s char and wchar_t instantiations). docs/runtimes.md, "Size".
constexpr std::string_view kSafeIcf = "-Wl,--icf=safe";

// One row per Libc, in the enumeration's order (checked below).
// clang-format off
constexpr LibcInfo kLibcs[] = {
  {.libc = Libc::musl, .name = "musl", .musl_triple = true, .sysroot = SysrootSource::recipe, .install_hint = "",
   .adds_debian_packages = false, .glibc_twin = true,
   .builds_cxx_runtimes = true, .cxx_runtime = "libc++", .cxx_exceptions = true, .threads = true,
   .malloc = "musl", .mimalloc = true, .libc_routines = true, .interpreter = "ld-musl", .shared_libc = "",
   .static_hazards = false, .release_floors = false, .libc_dynamic = false, .linker = "ld.lld", .default_output = "a.out",
   .names_output = false, .min_os_flag = false, .gcc_posix_dir = false, .names_default_libs = false,
   .drops_gnu_ld_flags = false, .verify_hint = "",
   .link = {true, true, true, "-Wl,--gc-sections", "-s", "-Wl,--strip-debug", false, kSafeIcf, "ld.lld", false, true, true}},
  {.libc = Libc::glibc, .name = "glibc", .musl_triple = false, .sysroot = SysrootSource::recipe, .install_hint = "",
   .adds_debian_packages = true, .glibc_twin = false,
   .builds_cxx_runtimes = false, .cxx_runtime = "libstdc++", .cxx_exceptions = true, .threads = true,
   .malloc = "glibc", .mimalloc = false, .libc_routines = false, .interpreter = "ld-linux", .shared_libc = "libc.so.6",
   .static_hazards = true, .release_floors = true, .libc_dynamic = true, .linker = "ld.lld", .default_output = "a.out",
   .names_output = false, .min_os_flag = false, .gcc_posix_dir = false, .names_default_libs = false,
   .drops_gnu_ld_flags = false, .verify_hint = "",
   .link = {true, true, true, "-Wl,--gc-sections", "-s", "-Wl,--strip-debug", false, kSafeIcf, "ld.lld", false, true, false}},
  {.libc = Libc::mingw, .name = "mingw", .musl_triple = false, .sysroot = SysrootSource::system,
   .install_hint = "sudo apt-get install mingw-w64", .adds_debian_packages = false, .glibc_twin = false,
   .builds_cxx_runtimes = false, .cxx_runtime = "system", .cxx_exceptions = true, .threads = true,
   .malloc = "", .mimalloc = false, .libc_routines = false, .interpreter = "", .shared_libc = "",
   .static_hazards = false, .release_floors = false, .libc_dynamic = false, .linker = "ld.lld", .default_output = "a.exe",  // lld's MinGW mode
   .names_output = false, .min_os_flag = false, .gcc_posix_dir = true, .names_default_libs = false,
   .drops_gnu_ld_flags = true, .verify_hint = "",
   .link = {true, true, false, "-Wl,--gc-sections", "-s", "-Wl,--strip-debug", true, "", "ld.lld", false, false, false}},
  // ld64 has no -s: -S drops debug information, -x local symbols (the
  // exported and imported ones stay: a Mach-O executable needs them for dyld).
  {.libc = Libc::darwin, .name = "darwin", .musl_triple = false, .sysroot = SysrootSource::sdk,
   .install_hint = "xstatic sdk import /path/to/MacOSX.sdk (Apple's SDK licence keeps it out of Debian; "
                   "docs/darwin.md)",
   .adds_debian_packages = false, .glibc_twin = false,
   .builds_cxx_runtimes = false, .cxx_runtime = "system", .cxx_exceptions = true, .threads = true,
   .malloc = "", .mimalloc = false, .libc_routines = false, .interpreter = "", .shared_libc = "",
   .static_hazards = false, .release_floors = false, .libc_dynamic = false, .linker = "ld64.lld", .default_output = "a.out",
   .names_output = false, .min_os_flag = true, .gcc_posix_dir = false, .names_default_libs = false,
   .drops_gnu_ld_flags = false, .verify_hint = "",
   .link = {true, false, false, "-Wl,-dead_strip", "-Wl,-S,-x", "-Wl,-S", false, "", "ld64.lld", true, false, false}},
  // WASI: Debian's libc++ for wasm32 is built without exceptions, and
  // wasm32-wasip1 has no threads (docs/wasm.md).
  {.libc = Libc::wasi, .name = "wasi", .musl_triple = false, .sysroot = SysrootSource::recipe, .install_hint = "",
   .adds_debian_packages = false, .glibc_twin = false,
   .builds_cxx_runtimes = false, .cxx_runtime = "libc++", .cxx_exceptions = false, .threads = false,
   .malloc = "", .mimalloc = false, .libc_routines = false, .interpreter = "", .shared_libc = "",
   .static_hazards = false, .release_floors = false, .libc_dynamic = false, .linker = "wasm-ld", .default_output = "a.wasm",
   .names_output = true, .min_os_flag = false, .gcc_posix_dir = false, .names_default_libs = true,
   .drops_gnu_ld_flags = false,
   .verify_hint = "a WASI runtime gives only wasi_snapshot_preview1: define the imported functions "
                  "(or drop -Wl,--allow-undefined / import_module), or pass --no-verify to keep such a file",
   .link = {false, false, false, "-Wl,--gc-sections", "-s", "-Wl,--strip-debug", false, "", "ld.lld", false, false, false}},
};
// clang-format on

constexpr bool libcs_in_enum_order() {
  for (std::size_t i = 0; i < std::size(kLibcs); ++i)
    if (static_cast<std::size_t>(kLibcs[i].libc) != i) return false;
  return true;
}
static_assert(libcs_in_enum_order(), "kLibcs[i] must be the row of Libc(i)");

}  // namespace

std::span<const Row> table() {
  return kRows;
}

const LibcInfo& libc_info(Libc libc) {
  return kLibcs[static_cast<std::size_t>(libc)];
}

std::string_view format_name(ObjectFormat format) {
  switch (format) {
    case ObjectFormat::elf:
      return "elf";
    case ObjectFormat::macho:
      return "macho";
    case ObjectFormat::coff:
      return "pe";
    case ObjectFormat::wasm:
      return "wasm";
  }
  return "?";
}

std::span<const LibcInfo> libcs() {
  return kLibcs;
}

}  // namespace xstatic::target
