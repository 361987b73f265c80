// The release file (xstatic-release.toml): what `xstatic release` builds,
// for which targets, and what goes into every archive. Parsing checks all of
// it (keys, types, targets, files) before anything is built, and every error
// names the file, the line and the key, and says what to write instead.
//
//   name = "wordstat"
//   version = "1.2.0"                      # optional: default `git describe --tags`
//   targets = ["linux/amd64", "linux/arm64", { target = "linux/amd64", libc = "glibc" },
//              { target = "linux/amd64", glibc = "2.31", link = "libc-dynamic" }]
//   binaries = ["wordstat-cli"]            # produced files, relative to the build folder
//   extra_files = ["LICENSE", "README*"]   # relative to the release file's folder
//   dist = "dist"
//
//   [image]                                 # optional: an OCI image per Linux target
//   repository = "example.org/wordstat"
//   tags = ["{version}", "latest"]
//
//   [cmake]                                 # or [make], or [command]: exactly one
//   source = "."
//   args = ["-DWITH_FOO=ON"]
//   targets = ["wordstat-cli"]
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/driver/args.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::release {

namespace fs = std::filesystem;

inline constexpr std::string_view kReleaseFileName = "xstatic-release.toml";

enum class BuildKind { cmake, make, command };

std::string_view build_kind_name(BuildKind kind);

struct Build {
  BuildKind kind = BuildKind::cmake;
  fs::path source;                   // absolute: the CMake source folder, or what make/command copies/reads
  std::vector<std::string> args;     // cmake: cache arguments; make: make's arguments; command: argv
  std::vector<std::string> targets;  // cmake: build targets (all when empty)
};

// [image]: one OCI image per Linux target, in one multi-platform index
// (release/image.hpp). Nothing but the binaries and the extra files: a
// static binary needs no base image.
struct ImageConfig {
  std::string repository;               // "example.org/wordstat", lowercase
  std::vector<std::string> tags;        // "{version}" is the release's version; default {"{version}"}
  std::vector<std::string> entrypoint;  // default {"/" + the first binary}
  std::vector<std::string> binaries;    // file names of `binaries`; default all
  std::vector<fs::path> extra_files;    // absolute, into / (0644)
  std::string user = "65534:65534";     // nobody
};

// A target of a release: the target (with its glibc floor, docs/glibc.md)
// and how its executables link. libc-dynamic (glibc targets only) keeps
// glibc dynamic and everything else static; the release then verifies each
// binary with `verify --max-glibc FLOOR`'s policy instead of "static".
struct ReleaseTarget {
  target::Target target;
  driver::LinkMode link = driver::LinkMode::full_static;
  bool operator==(const ReleaseTarget& other) const = default;
};

// "linux/amd64 (glibc 2.31, libc-dynamic)": how messages name a release target.
std::string describe(const ReleaseTarget& t);

struct Config {
  fs::path file;         // the release file, absolute
  fs::path project_dir;  // its folder: relative paths are read from here
  std::string name;
  std::optional<std::string> version;  // as written; nullopt: ask git
  std::vector<ReleaseTarget> targets;  // in the file's order, no target twice (whatever its link)
  Build build;
  std::vector<std::string> binaries;  // relative to the per-target build folder (".exe" added for Windows)
  std::vector<fs::path> extra_files;  // absolute, globs expanded, sorted
  std::vector<std::string> packages;  // `xstatic pkg` recipes installed for every target before its build
  std::vector<std::string> refuse_licenses;  // SPDX ids no package linked into a binary may carry
  fs::path dist;                             // absolute
  std::optional<ImageConfig> image;
  bool embed_sbom = true;  // false: the builds' links embed no SBOM note (XSTATIC_NO_SBOM=1 for them)
};

// Parses the text of a release file; `file` is used in messages and to
// resolve relative paths. Throws xstatic::Error (Exit::usage) naming the
// file, line and key.
Config parse_config(std::string_view text, const fs::path& file);

// Reads and parses a release file.
Config load_config(const fs::path& file);

// Parses a comma-separated --targets override: TARGET[:LIBC[FLOOR]][:LINK],
// "linux/amd64,linux/arm64:glibc,linux/amd64:glibc2.31:libc-dynamic". An
// entry without a link mode takes the release file's for the same target
// (`file_targets`), else static. Throws xstatic::Error (Exit::usage).
std::vector<ReleaseTarget> parse_target_list(std::string_view list,
                                             const std::vector<ReleaseTarget>& file_targets = {});

// The usage checks of a release target: a link mode its libc has (libc-dynamic
// needs glibc). Throws xstatic::Error (Exit::usage) saying what to write.
void check_link_mode(const ReleaseTarget& t, const std::string& fix);

// A version string is safe in a file name: no '/', no whitespace, not empty.
void check_version(const std::string& version, const std::string& origin);

}  // namespace xstatic::release
