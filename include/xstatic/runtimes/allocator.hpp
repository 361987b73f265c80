// A fast allocator for musl targets: mimalloc, built by xstatic once per
// (mimalloc version, clang major version, sysroot) and kept in the store:
//
//   <store>/runtimes/mimalloc-<version>-llvm<major>-r<recipe>[-size]/<sysroot-name>/
//       lib/libmimalloc.a      one archive member: mimalloc's static.c with
//                              MI_MALLOC_OVERRIDE (malloc, free, calloc, realloc,
//                              aligned_alloc, posix_memalign, memalign,
//                              malloc_usable_size, operator new/delete, ...)
//                              and the note that tells `inspect` it is there
//       build.log              how it was built
//       manifest.json          written last: its presence means "built"
//   <store>/src/mimalloc-<version>/   mimalloc's sources (Debian's source
//                                     package `mimalloc`), shared by all targets
//
// Why: musl's malloc (mallocng) serialises every thread on one lock, so a
// threaded program that allocates runs 4-5x slower than on glibc. musl
// supports replacing malloc in a static link (since 1.2.1 its own internal
// allocations use __libc_malloc, which never meets the program's pointers),
// so linking mimalloc's definitions ahead of libc.a moves the whole public
// malloc family, and C++'s operator new (libc++abi's calls malloc), onto one
// fast heap.
//
// How the driver links it (see driver::build_command):
//   auto      the archive after the user's inputs: lld extracts its member
//             only when something references malloc, so a program that never
//             allocates does not grow, and a program that brings its own
//             malloc (an object, or an archive named earlier) keeps it.
//   mimalloc  the archive with --whole-archive: always in (a program with
//             its own malloc then fails with duplicate symbols, as asked).
//   libc      nothing: musl's own malloc.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::runtimes {

namespace fs = std::filesystem;

// What `--malloc` / XSTATIC_MALLOC ask for.
enum class Malloc : std::uint8_t {
  automatic,  // auto: mimalloc on musl targets when the program allocates; the libc's elsewhere
  libc,       // libc (also spelled musl or glibc): the C library's own allocator
  mimalloc,   // mimalloc, always linked in (musl targets only)
};

// "auto", "libc", "musl", "glibc", "mimalloc" (case-sensitive); nullopt otherwise.
std::optional<Malloc> parse_malloc(std::string_view name);
std::string_view malloc_name(Malloc m);
inline constexpr std::string_view kMallocChoices = "auto|musl|mimalloc";

// True when xstatic can build mimalloc for `t` (Linux musl targets).
bool mimalloc_supported(const target::Target& t);

struct AllocatorInstalled {
  fs::path root;        // runtimes/mimalloc-<version>-llvm<major>/<sysroot-name>
  fs::path archive;     // root/lib/libmimalloc.a
  std::string version;  // "2.0.9"
  bool built_now = false;
};

// The newest mimalloc built for `t` with clang `clang_major` as `variant`, else nullopt.
// Reads one folder listing (the runtimes folder): for links, not compiles.
std::optional<AllocatorInstalled> find_mimalloc(const store::Store& store, const target::Target& t,
                                                int clang_major, Variant variant = Variant::standard);

// The log of a build of mimalloc for `t` that failed less than `within`
// seconds ago, else nullopt. `--malloc=auto` does not retry such a build on
// every link (offline, each retry would wait for apt); `runtimes build` does.
std::optional<fs::path> recent_mimalloc_failure(const store::Store& store, const target::Target& t,
                                                int clang_major, Variant variant = Variant::standard,
                                                long within = 3600);

// Builds mimalloc for a musl target into the store (once; locked; a temporary
// folder renamed into place; a failed build keeps its log under logs/).
// Source: BuildOptions::mimalloc_src (a mimalloc source tree or tarball), else
// Debian's source package through the store's private apt state. Its steps
// go to `progress`.
AllocatorInstalled build_mimalloc(const store::Store& store, const target::Target& t,
                                  util::Progress& progress, const BuildOptions& options = {});

}  // namespace xstatic::runtimes
