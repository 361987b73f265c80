// C++ runtimes for musl targets: LLVM's libc++, libc++abi and libunwind,
// built once per (clang major version, sysroot) and kept in the store:
//
//   <store>/runtimes/llvm-<major>-r<recipe>[-size]/<sysroot-name>/   e.g. runtimes/llvm-19-r2/arm64-musl/
//                          (-size: the build for links that ask for size, variant.hpp)
//       include/c++/v1/        libc++ headers (with __config_site)
//       lib/libc++.a libc++abi.a libunwind.a
//       build.log              how it was built
//       manifest.json          written last: its presence means "built"
//   <store>/src/               LLVM's source tarball and the extracted runtimes
//                              sources (src/llvm-<version>/), shared by all targets
//   <store>/logs/              the log of the last failed build of each runtime
//
// glibc targets need none of this: they use Debian's libstdc++ from the glibc
// sysroot, linked statically (the driver's business).
#pragma once

#include <llvm/Support/JSON.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/runtimes/kind.hpp"
#include "xstatic/runtimes/variant.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::runtimes {

namespace fs = std::filesystem;

struct Installed {
  fs::path root;           // runtimes/llvm-<major>-r<recipe>/<sysroot-name>
  fs::path include_dir;    // root/include/c++/v1
  fs::path lib_dir;        // root/lib
  bool built_now = false;  // build() only: this call built them (not found, nor built while it waited)
  Variant variant = Variant::standard;  // which build (variant.hpp)
};

// Where the runtimes for `t` built with clang `clang_major` live (may not exist).
fs::path runtime_path(const store::Store& store, const target::Target& t, int clang_major,
                      Variant variant = Variant::standard);

// Cheap (one stat): the runtimes when built, else nullopt.
std::optional<Installed> find(const store::Store& store, const target::Target& t, int clang_major,
                              Variant variant = Variant::standard);

struct BuildOptions {
  // LLVM's source: a source tree (with runtimes/, libcxx/, ...) or a release
  // tarball. Empty: Debian's llvm-toolchain-<major> source package via apt.
  fs::path llvm_src;
  // mimalloc's source: a tree (src/static.c, include/) or a tarball. Empty:
  // Debian's source package `mimalloc` via apt.
  fs::path mimalloc_src;
  int jobs = 0;                         // ninja -j; 0 = the number of CPUs
  std::string clang;                    // the clang to build with (default: toolchain::find_clang's choice)
  Variant variant = Variant::standard;  // which build (variant.hpp): libc++ and mimalloc alike
};

// Builds the runtimes for a musl target into the store and returns them.
// Idempotent: returns at once when they are built. Concurrent calls for one
// target build once (a lock per runtime); a failed build leaves nothing in
// runtimes/, keeps its log under logs/ and names it in the Error.
// Throws Error(missing) with `xstatic sysroot install ...` as the hint when
// the target's sysroot is not installed, Error(usage) for non-musl targets.
// Its steps (download, extract, configure, compile) go to `progress`.
Installed build(const store::Store& store, const target::Target& t, util::Progress& progress,
                const BuildOptions& options = {});

// What `runtimes list` shows: one entry per built runtime, from its manifest.
struct Entry {
  std::string target;         // "linux/arm64"
  std::string triple;         // "aarch64-linux-musl"
  std::string sysroot;        // "arm64-musl"
  int clang_major = 0;        // 19
  std::string clang_version;  // "19.1.7" (the clang that built it)
  std::string llvm_source;    // "19.1.7" (the libc++ sources' version; "" for mimalloc)
  fs::path root;
  Kind kind = Kind::libcxx;          // kind_info(kind).name is its "runtime": "libc++", "mimalloc", ...
  std::string version;               // the runtime's own version: "19.1.7" (libc++), "2.0.9" (mimalloc)
  std::string variant = "standard";  // variant_info(...).name: "standard" or "size"
};
std::vector<Entry> list(const store::Store& store);

// Writes an Entry's fields (not root) into the JSON object being built: the
// one spelling shared by manifest.json and `runtimes list --json`.
void entry_attributes(llvm::json::OStream& j, const Entry& entry);

// The clang flags that make C++ use these runtimes, for the driver to add to
// its command line for a musl target (after the target, sysroot and -static):
//  - compiling (linking = false): -nostdinc++ -isystem <include/c++/v1>
//  - linking  (linking = true):   -nostdlib++ -L<lib> -lc++ -lc++abi -lunwind
// A `clang++ -c` only needs the first set; a compile-and-link call needs both.
// libunwind comes before clang's own -lgcc_eh, so lld takes the unwinder
// from libunwind.a (libc++abi is built against it).
std::vector<std::string> cxx_flags(const Installed& runtimes, bool linking);

}  // namespace xstatic::runtimes
