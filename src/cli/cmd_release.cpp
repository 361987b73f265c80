// `xstatic release`: builds, verifies and packages every target of
// xstatic-release.toml (module release).
#include <cstdio>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/release/config.hpp"
#include "xstatic/release/release.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::cli {
namespace {

struct ReleaseArgs {
  std::string file = std::string(release::kReleaseFileName);
  std::string targets, version, dist, build_dir;
  bool snapshot = false;
  bool json = false;
  int jobs = 0;
  int parallel_targets = 1;
};

void run_release_cmd(const ReleaseArgs& args) {
  auto config = release::load_config(args.file);
  release::Options options;
  if (!args.targets.empty()) options.targets = release::parse_target_list(args.targets, config.targets);
  if (!args.version.empty()) options.version = args.version;
  if (!args.dist.empty()) options.dist = args.dist;
  if (!args.build_dir.empty()) options.build_root = args.build_dir;
  options.snapshot = args.snapshot;
  options.jobs = args.jobs;
  options.parallel_targets = args.parallel_targets;
  options.xstatic_exe = integrate::self_executable();
  if (!globals().quiet)
    options.progress = [](const std::string& line) {
      std::fprintf(stderr, "xstatic release: %s\n", line.c_str());
      std::fflush(stderr);
    };
  auto store = cli::store();
  auto summary = release::run_release(config, options, store);
  std::string text = args.json ? release::summary_json(summary) : release::summary_table(summary);
  std::fwrite(text.data(), 1, text.size(), stdout);
}

}  // namespace

void add_release(CLI::App& app) {
  auto args = std::make_shared<ReleaseArgs>();
  auto* cmd = app.add_subcommand("release", "Build, verify and package every target of xstatic-release.toml");
  cmd->add_option("-f,--file", args->file, "The release file (default: ./xstatic-release.toml)");
  cmd->add_option("--targets", args->targets,
                  "Comma-separated targets instead of the file's: TARGET[:LIBC[FLOOR]][:LINK] "
                  "(linux/amd64,linux/arm64:glibc,linux/amd64:glibc2.31:libc-dynamic)");
  cmd->add_option("--version", args->version, "The version (default: the file's, else git describe --tags)");
  cmd->add_option("--dist", args->dist, "Where the archives go (default: the file's dist, else ./dist)");
  cmd->add_option("--build-dir", args->build_dir, "Per-target build folders (default: .xstatic/release)");
  cmd->add_flag("--snapshot", args->snapshot, "Untagged work: version <last tag>-SNAPSHOT-<commit>");
  cmd->add_option("-j,--jobs", args->jobs, "Parallel jobs inside each build (default: the number of CPUs)")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--parallel-targets", args->parallel_targets,
                  "Targets built at once (default 1); the archives are the same bytes as one at a time")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->footer(
      "Examples:\n"
      "  xstatic release                          # every target of ./xstatic-release.toml\n"
      "  xstatic release --snapshot --targets linux/arm64\n"
      "  xstatic release --targets linux/amd64:glibc2.31:libc-dynamic   # glibc 2.31 or newer, the rest "
      "static\n"
      "  sha256sum -c dist/*_checksums.txt\n"
      "Writes NAME_VERSION_OS_ARCH.tar.gz (.zip for Windows; ..._linux_amd64_glibc2.31 for a glibc\n"
      "floor), .debug.tar.gz, NAME_VERSION_checksums.txt and artifacts.json; see docs/release.md.");
  cmd->callback([args] { run_release_cmd(*args); });
}

}  // namespace xstatic::cli
