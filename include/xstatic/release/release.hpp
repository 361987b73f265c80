// `xstatic release`: every target of a release file built, verified by the
// inspector (static, the target's machine, stripped, no hazards; with
// libc-dynamic, the policy of `verify --max-glibc FLOOR` instead of static), split into
// a stripped binary and a debug file, packed into reproducible archives, and
// listed in a checksums file and artifacts.json. Everything is written to a
// temporary folder beside the dist folder and renamed into place at the end:
// a failed release leaves no dist folder behind (and an earlier one intact).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/release/config.hpp"
#include "xstatic/store/store.hpp"

namespace xstatic::release {

struct Options {
  std::optional<std::vector<ReleaseTarget>> targets;  // --targets
  std::optional<std::string> version;                 // --version
  std::optional<fs::path> dist;                       // --dist
  std::optional<fs::path> build_root;                 // --build-dir (default <project>/.xstatic/release)
  bool snapshot = false;                              // --snapshot
  int jobs = 0;                                       // --jobs (0: the number of CPUs)
  int parallel_targets = 1;                           // --parallel-targets: targets built at once
  fs::path xstatic_exe;                               // this program
  std::function<void(const std::string&)> progress;   // one line per target start and end
};

struct Artifact {
  std::string name;    // file name in the dist folder
  std::string kind;    // archive, debug-archive, checksums
  std::string target;  // "linux/arm64"; "" for files of the whole release
  std::string libc;
  std::string glibc;  // a glibc target's floor ("2.31": the glibc its sysroot had); "" for other libcs
  std::string link;   // "static", "libc-dynamic"; "" for files of the whole release
  std::uint64_t size = 0;
  std::string sha256;
};

struct PackageUsed {
  std::string name, version, license;  // an `xstatic pkg` package the release file names (or one it needs)
};

struct TargetResult {
  std::string target, libc;
  std::string glibc, link;  // as in Artifact
  double seconds = 0;
  std::vector<std::string> binaries;  // file names, as shipped
  std::vector<PackageUsed> packages;  // the release's packages for this target, in build order
};

struct Summary {
  std::string name, version;
  fs::path dist;
  std::int64_t source_date_epoch = 0;
  std::vector<TargetResult> targets;
  std::vector<Artifact> artifacts;  // sorted by name
  double seconds = 0;
  // [image]: the oci-archive's name, the multi-platform index's digest, the
  // image's references ("example.org/app:1.4.0", ...). Empty without [image].
  std::string image_archive, image_digest;
  std::vector<std::string> image_refs;
};

// Runs the release. Every check that needs no build (targets, sysroots,
// tools, version, the dist folder) is done before the first build starts.
// Throws xstatic::Error; a binary that fails verification stops the release
// with Exit::failed naming the binary, the target and the reason.
Summary run_release(const Config& config, const Options& options, const store::Store& store);

// The checksums file (`sha256sum -c` format: "<hex>  <name>"), sorted by name.
std::string checksums_text(const std::vector<Artifact>& artifacts);
// artifacts.json: the project, version, epoch and every artifact (no times or
// absolute paths, so it is reproducible too).
std::string artifacts_json(const Summary& summary);
// The summary for people (a table) and for programs (--json).
std::string summary_table(const Summary& summary);
std::string summary_json(const Summary& summary);

}  // namespace xstatic::release
