// Faster libc routines for musl targets: strlen and qsort of xstatic's own
// (C sources in src/runtimes/libc/, compiled into the xstatic binary as
// text), built once per (sources, clang major version, sysroot) with the
// target's clang and kept in the store:
//
//   <store>/runtimes/libc-<digest>-llvm<major>/<sysroot-name>/
//       lib/libxstatic_libc.a   one member per routine (qsort.o: qsort,
//                               qsort_r and __qsort_r; strlen.o), each with
//                               the note that tells `inspect` it is there
//       build.log, manifest.json
//
// <digest> is a hash of the sources: an xstatic whose routines changed
// builds anew instead of reusing an older archive. No download: the sources
// are in the binary, so a build needs only clang and the sysroot (~1 s).
//
// Why: musl's strlen reads a word at a time and its qsort is smoothsort;
// glibc's were 4x and 6x faster (docs/libc.md). The driver puts the archive
// after the user's inputs and before musl's libc.a: lld extracts a member
// only for a symbol nothing defines yet, and the first archive that defines
// it wins, so a program that calls strlen (musl does, from puts) gets ours,
// and a program with its own qsort keeps it.
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

// What `--libc-routines` / XSTATIC_LIBC_ROUTINES ask for.
enum class LibcRoutines : std::uint8_t {
  xstatic,  // xstatic's routines where they exist for the target (the default)
  libc,     // musl's own (also spelled musl)
};

// "xstatic", "musl", "libc" (case-sensitive); nullopt otherwise.
std::optional<LibcRoutines> parse_libc_routines(std::string_view name);
inline constexpr std::string_view kLibcRoutinesChoices = "xstatic|musl";

// The routines xstatic has for `t`, in link order ("qsort", "strlen"):
// Linux musl targets on x86_64 and aarch64 (the ones the tests run); empty
// elsewhere, where musl's stay.
std::vector<std::string> libc_routines_for(const target::Target& t);

// The digest of this xstatic's routine sources (8 hex digits): the archive's version.
std::string libc_routines_version();

struct LibcRoutinesInstalled {
  fs::path root;        // runtimes/libc-<digest>-llvm<major>/<sysroot-name>
  fs::path archive;     // root/lib/libxstatic_libc.a
  std::string version;  // the digest of the sources: "3f2a9c1e"
  bool built_now = false;
};

// The archive built for `t` from this xstatic's sources, else nullopt (one stat).
std::optional<LibcRoutinesInstalled> find_libc_routines(const store::Store& store, const target::Target& t,
                                                        int clang_major);

// Builds the archive for `t` into the store (once; locked; a temporary
// folder renamed into place; a failed build keeps its log under logs/).
// Throws Error(usage) for a target without routines.
LibcRoutinesInstalled build_libc_routines(const store::Store& store, const target::Target& t,
                                          util::Progress& progress, const BuildOptions& options = {});

}  // namespace xstatic::runtimes
