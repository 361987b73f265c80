// Pieces of the runtimes module shared between its files (not a public API).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/scratch.hpp"

namespace xstatic::runtimes::detail {

namespace fs = std::filesystem;

// Extracts the entries of `tarball` whose path, below its single top folder,
// starts with one of `keep` and with none of `skip`, into `dest` (created).
// Returns how many entries were written. Throws Error on a corrupt archive.
std::size_t extract_subset(const fs::path& tarball, const fs::path& dest,
                           const std::vector<std::string>& keep, const std::vector<std::string>& skip);

// What the runtimes build reads from an LLVM source tree (and what it does not:
// the test suites are two thirds of libc++'s size).
const std::vector<std::string>& source_parts();
const std::vector<std::string>& skipped_parts();

// "19.1.7" from <src>/cmake/Modules/LLVMVersion.cmake (or llvm/CMakeLists.txt
// in older trees); "" when neither says.
std::string llvm_source_version(const fs::path& src);

// The first "N.N.N" in a file name ("llvm-toolchain-19_19.1.7.orig.tar.xz"), or "".
std::string version_in_name(std::string_view name);

// A Debian source package's orig tarball (llvm-toolchain-<major>, mimalloc), downloaded once into
// <store>/src/ through a private apt state whose deb-src entries mirror the
// host's own apt sources. `log` receives apt's output; the download is a
// step on `progress`.
struct DebianSource {
  std::string package;  // "llvm-toolchain-19", "mimalloc"
  std::string purpose;  // for the error: "LLVM 19's runtimes source"
  std::string option;   // how else to give it: "--llvm-src DIR|llvm-project-<version>.src.tar.xz"
  std::string size;     // for the progress line: "~165 MB"
};
fs::path fetch_debian_source(const store::Store& store, const DebianSource& what, const fs::path& log,
                             util::Progress& progress);

// Writes <etc>/sources.list and sources.list.d/ with the host's entries as deb-src ones.
void write_private_sources(const fs::path& etc);

// The deb-src lines/stanzas for the host's apt sources: one-line
// "deb URI SUITE COMPONENTS" entries and deb822 stanzas with "Types: deb".
std::string deb_src_list(std::string_view one_line_sources);
std::string deb_src_stanzas(std::string_view deb822_sources);

// A source tree for the runtimes build that matches clang's major version:
// `llvm_src` when it is a tree, else the tarball (given or from Debian)
// extracted once into <store>/src/llvm-<version>/. Locked per major version.
fs::path prepare_source(const store::Store& store, int major, const fs::path& llvm_src, const fs::path& log,
                        util::Progress& progress);

// "2.0.9" from <tree>/include/mimalloc.h (MI_MALLOC_VERSION 209), or "".
std::string mimalloc_source_version(const fs::path& tree);

// mimalloc's source tree: `given` when it is a tree, else the tarball (given
// or Debian's source package `mimalloc`) extracted once into
// <store>/src/mimalloc-<version>/. Locked.
fs::path prepare_mimalloc_source(const store::Store& store, const fs::path& given, const fs::path& log,
                                 util::Progress& progress);

// Copies <src>/src into <dest>/src with xstatic's fixes applied (see
// mimalloc_source.cpp) and returns dest; the shared tree stays as shipped.
fs::path patched_mimalloc_copy(const fs::path& src, const fs::path& dest);

// Makes libc++'s build copy its headers at configure time instead of with
// one process per header (see patch.cpp). False when the rule is not found.
bool copy_headers_at_configure_time(const fs::path& tree);

// The compiler that builds the runtimes.
struct Compiler {
  std::string cc;       // path of clang ("/usr/bin/clang-19")
  std::string cxx;      // path of clang++
  std::string version;  // "19.1.7"
  int major = 0;        // 19
};
// toolchain::find_clang's choice (or `name`), with its C++ driver and full version.
Compiler compiler_for(const store::Store& store, const std::string& name);

// The cmake command line that configures LLVM's runtimes/ build.
struct CmakeInputs {
  fs::path source;     // LLVM source tree (its runtimes/ folder is configured)
  fs::path build;      // build folder
  fs::path prefix;     // install prefix
  fs::path sysroot;    // musl sysroot
  std::string triple;  // aarch64-linux-musl
  std::string processor;
  std::string cflags;  // the target row's -march/-mfloat-abi flags
  Compiler clang;
  std::string ar, ranlib;
  Variant variant = Variant::standard;  // its optimisation flags (variant.hpp)
  std::string python = {};              // Python3_EXECUTABLE, if known (python_interpreter)
  fs::path project_hook = {};           // CMAKE_PROJECT_Runtimes_INCLUDE, if any (project_hook.cpp)
};
std::vector<std::string> cmake_command(const CmakeInputs& in);

// The CMake script that precompiles libc++'s common headers and drops the
// unused module copies (project_hook.cpp); empty for an LLVM major it was
// not checked with.
std::string project_hook_text(int llvm_major);
// Writes it into `dir`; its path, or empty when there is none for `llvm_major`.
fs::path write_project_hook(const fs::path& dir, int llvm_major);

// The row whose triple and flags build the runtimes shared by every variant
// of `t` that uses the same sysroot: the lowest variant, so it runs on all.
const target::Row& baseline_row(const target::Target& t);

// Runs one build step with its output appended to `log`; throws Error
// (failed) naming `what` when it fails.
void run_step(const std::vector<std::string>& argv, const fs::path& log, const std::string& what);

// The interpreter `python3` on PATH runs (sys.executable), asked once, so
// that configure and the build run it directly rather than through a
// launcher such as pyenv's shim (~0.7 s of CPU per start here; configure
// starts it 4-5 times). Empty when python3 cannot tell.
std::string python_interpreter();

// An LLVM tool (llvm-ar, ...) beside `clang`, else <name>-<major> on PATH, else `name`.
std::string llvm_tool(const Compiler& clang, const std::string& name);

// Runs `build` and rethrows what it throws as an Error naming the build's
// log (`failed_log`, where Scratch keeps it): "<what>; build log: <file>".
template <class Build>
auto naming_log(const fs::path& failed_log, const std::string& what, Build&& build) -> decltype(build()) {
  try {
    return build();
  } catch (const Error& e) {
    // Failures before the build started (a download, the extraction) leave no log.
    std::error_code ec;
    if (!fs::exists(failed_log, ec)) throw;
    throw Error(std::string(e.what()) + "; build log: " + failed_log.string(),
                e.hint().empty() ? "less " + failed_log.string() : e.hint(), e.code());
  } catch (const std::exception& e) {
    std::error_code ec;
    std::string log = fs::exists(failed_log, ec) ? "; build log: " + failed_log.string() : "";
    throw Error(what + " failed: " + e.what() + log, {}, Exit::internal);
  }
}

// The temporary folder of one build (util::BuildScratch: removed whatever
// happens, its log kept as `failed_log` when the build did not succeed), with
// the runtimes' build/ and install/ folders in it.
class Scratch : public util::BuildScratch {
 public:
  Scratch(const fs::path& parent, const std::string& prefix, fs::path failed_log)
      : BuildScratch(parent, prefix, std::move(failed_log)) {
    fs::create_directories(install());
  }
  fs::path build() const { return dir() / "build"; }
  fs::path install() const { return dir() / "install"; }
};

// manifest.json of a finished build (what `runtimes list` reads back).
void write_manifest(const fs::path& file, const Entry& entry, double build_seconds);
std::optional<Entry> read_manifest(const fs::path& file);

}  // namespace xstatic::runtimes::detail
