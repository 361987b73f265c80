// The release run (see release.hpp): checks, then one build + verify +
// split + archive per target into a staging folder, then the checksums and
// artifacts.json, then one rename into the dist folder.
#include "xstatic/release/release.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include "parallel.hpp"
#include "xstatic/driver/link_record.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/verify.hpp"
#include "xstatic/pkg/pkg.hpp"
#include "xstatic/pkg/recipe.hpp"
#include "xstatic/release/archive.hpp"
#include "xstatic/release/build.hpp"
#include "xstatic/release/debug.hpp"
#include "xstatic/release/folders.hpp"
#include "xstatic/release/image.hpp"
#include "xstatic/release/sbom.hpp"
#include "xstatic/release/version.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::release {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// True when the SPDX expression `license` ("MIT OR Apache-2.0") names `id`.
bool license_names(const std::string& license, const std::string& id) {
  std::string word;
  for (char c : license + " ") {
    if (c == ' ' || c == '(' || c == ')') {
      if (word == id) return true;
      word.clear();
    } else {
      word += c;
    }
  }
  return false;
}

void check_ready(const Config& config, const std::vector<ReleaseTarget>& targets, const store::Store& store) {
  for (const auto& rt : targets)
    if (!sysroot::find(store, rt.target))
      throw Error("the sysroot for " + rt.target.describe() + " is not installed",
                  sysroot::install_command(rt.target), Exit::missing);
  const char* tool = config.build.kind == BuildKind::cmake  ? "cmake"
                     : config.build.kind == BuildKind::make ? "make"
                                                            : nullptr;
  if (tool && !util::find_program(tool))
    throw Error(std::string(tool) + " is not installed (the release file builds with [" + tool + "])",
                std::string("sudo apt-get install ") + tool, Exit::missing);
  // Packages: every recipe builds for every target, and no licence the file refuses goes in.
  for (const pkg::Recipe* r : pkg::build_order(config.packages)) {
    for (const auto& rt : targets)
      if (!r->supports(rt.target))
        throw Error("the release needs package " + r->name + ", whose recipe does not build for " +
                        rt.target.describe(),
                    "drop the target or the package from " + config.file.string(), Exit::usage);
    for (const auto& refused : config.refuse_licenses)
      if (license_names(r->license, refused))
        throw Error("package " + r->name + " is licensed " + r->license + ", which " + config.file.string() +
                        " refuses (refuse_licenses)",
                    "drop the package or the licence from refuse_licenses", Exit::failed);
  }
}

// Verifies one binary; a failure stops the release naming binary, target and reason.
// libc-dynamic: `verify --max-glibc FLOOR`'s policy (NEEDED only glibc's own
// libraries, its standard loader, no symbol version above the floor) in place of static.
void verify_or_stop(const fs::path& file, const std::string& shown_name, const ReleaseTarget& rt,
                    bool stripped) {
  const target::Target& t = rt.target;
  inspect::Policy policy;
  policy.target = t;
  policy.require_static = rt.link == driver::LinkMode::full_static;
  if (!policy.require_static) policy.max_glibc = std::string(*target::glibc_floor_of(t));
  policy.require_stripped = stripped;
  inspect::Verdict verdict;
  try {
    verdict = inspect::verify_file(file, policy);
  } catch (const Error& e) {
    verdict.ok = false;
    verdict.failures = {e.what()};
  }
  if (!verdict.ok)
    throw Error("release stopped: " + shown_name + " for " + describe(rt) +
                    " failed verification: " + util::join(verdict.failures, "; "),
                "see 'xstatic inspect " + file.string() + "'; nothing was written to the dist folder",
                Exit::failed);
}

// What artifacts.json and the summary say of a target: the floor of a glibc target, the link mode.
std::string floor_of(const target::Target& t) {
  return std::string(target::glibc_floor_of(t).value_or(""));
}

Artifact make_artifact(const fs::path& file, const std::string& kind, const ReleaseTarget* rt) {
  Artifact a;
  a.name = file.filename().string();
  a.kind = kind;
  if (rt) {
    a.target = rt->target.go_name();
    a.libc = rt->target.libc_name();
    a.glibc = floor_of(rt->target);
    a.link = driver::link_mode_name(rt->link);
  }
  a.size = fs::file_size(file);
  a.sha256 = sha256_file(file);
  return a;
}

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw Error("cannot write " + file.string(), {}, Exit::internal);
}

struct TargetRun {
  const Config& config;
  const store::Store& store;
  const BuildSettings& settings;
  const std::string& objcopy;
  const Summary& summary;
  const fs::path& staging;
  ImageWriter* image;  // nullptr without [image]
};

// The packages of the release file for `t`: installed (built once, or found
// built), in build order, as `pkg list` knows them.
std::vector<pkg::Entry> release_packages(const TargetRun& run, const target::Target& t) {
  if (run.config.packages.empty()) return {};
  util::Progress quiet(
      util::ProgressOptions{.quiet = true, .prefix = {}, .rewrite = util::Rewrite::never, .out = nullptr});
  pkg::install(run.store, t, run.config.packages, quiet);
  std::vector<pkg::Entry> out;
  auto installed = pkg::list(run.store, t);
  for (const pkg::Recipe* r : pkg::build_order(run.config.packages))
    for (const auto& e : installed)
      if (e.name == r->name) out.push_back(e);
  return out;
}

SbomInput sbom_input(const TargetRun& run, const ReleaseTarget& rt, const fs::path& archive,
                     std::vector<SbomBinary> binaries) {
  SbomInput in;
  in.project = run.summary.name;
  in.version = run.summary.version;
  in.target = rt.target;
  in.libc_dynamic = rt.link == driver::LinkMode::libc_dynamic;
  in.source_date_epoch = run.summary.source_date_epoch;
  in.archive_name = archive.filename().string();
  in.archive_sha256 = sha256_file(archive);
  in.binaries = std::move(binaries);
  add_store_facts(in, run.store);
  return in;
}

// One target's share of the release; the caller adds it to the summary and
// the image in the targets' order (parallel.hpp), then removes `work`.
struct TargetOutput {
  TargetResult result;
  std::vector<Artifact> artifacts;
  std::vector<ArchiveEntry> shipped;  // the binaries, for the image
  fs::path work;                      // where the shipped binaries are until then
};

TargetOutput release_target(const TargetRun& run, const ReleaseTarget& rt) {
  const target::Target& t = rt.target;
  auto start = Clock::now();
  TargetOutput out;
  auto& artifacts = out.artifacts;
  auto packages = release_packages(run, t);
  auto built = build_target(run.config, rt, run.store, run.settings);
  fs::path work = run.settings.build_root / (target_slug(t) + ".ship");
  fs::remove_all(work);
  TargetResult result;
  result.target = t.go_name();
  result.libc = t.libc_name();
  result.glibc = floor_of(t);
  result.link = driver::link_mode_name(rt.link);
  std::vector<ArchiveEntry> entries, debug_entries;
  std::vector<SbomBinary> sbom_binaries;
  auto records = driver::read_link_records(link_records_dir(run.settings, t));
  fs::path build_dir = run.settings.build_root / target_slug(t);
  for (const auto& binary : built) {
    verify_or_stop(binary, binary.filename().string(), rt, false);
    auto facts = binary_facts(binary);
    add_link_facts(facts, binary, records, run.store, t, run.config.build.source, build_dir);
    // A package a binary links is listed though the release file does not name it.
    for (const auto& name : facts.packages)
      if (std::none_of(packages.begin(), packages.end(), [&](const auto& p) { return p.name == name; }))
        for (const auto& e : pkg::list(run.store, t))
          if (e.name == name) packages.push_back(e);
    auto shipped = split_debug(binary, t, work, run.objcopy);
    verify_or_stop(shipped.binary, binary.filename().string(), rt, true);
    facts.name = shipped.binary.filename().string();
    facts.sha256 = sha256_file(shipped.binary);
    sbom_binaries.push_back(facts);
    entries.push_back({shipped.binary.filename().string(), shipped.binary, true});
    if (shipped.debug) debug_entries.push_back({shipped.debug_name, *shipped.debug, false});
    result.binaries.push_back(shipped.binary.filename().string());
  }
  for (const auto& p : packages) result.packages.push_back({p.name, p.version, p.license});
  out.shipped = entries;
  for (const auto& extra : run.config.extra_files)
    entries.push_back({extra.filename().string(), extra, false});

  std::string base = archive_base(run.summary.name, run.summary.version, t);
  auto format = archive_format(t);
  fs::path archive = run.staging / (base + archive_extension(format));
  write_archive(archive, format, entries, run.summary.source_date_epoch);
  artifacts.push_back(make_artifact(archive, "archive", &rt));
  if (!debug_entries.empty()) {
    fs::path debug_archive = run.staging / (base + ".debug.tar.gz");
    write_archive(debug_archive, ArchiveFormat::tar_gz, debug_entries, run.summary.source_date_epoch);
    artifacts.push_back(make_artifact(debug_archive, "debug-archive", &rt));
  }
  fs::path sbom = run.staging / (base + ".sbom.spdx.json");
  auto sbom_in = sbom_input(run, rt, archive, sbom_binaries);
  sbom_in.packages = packages;
  write_text(sbom, spdx_json(sbom_in));
  artifacts.push_back(make_artifact(sbom, "sbom", &rt));
  result.seconds = seconds_since(start);
  out.result = std::move(result);
  out.work = work;
  return out;
}

// A target's binaries go into the image when they run on a bare Linux kernel:
// static ones, not libc-dynamic ones (the image has no glibc to load).
bool in_image(const ReleaseTarget& rt) {
  return target::os_info(*rt.target.row).linux_kernel && rt.link == driver::LinkMode::full_static;
}

// The oci-archive of every Linux target's image (the others have none: said once).
template <class Say>
void write_image(ImageWriter& image, const std::string& repository, Summary& s, const fs::path& staging,
                 const std::vector<ReleaseTarget>& targets, const Say& say) {
  std::vector<std::string> skipped, dynamic;
  for (const auto& rt : targets)
    if (!target::os_info(*rt.target.row).linux_kernel)
      skipped.push_back(rt.target.describe());
    else if (!in_image(rt))
      dynamic.push_back(describe(rt));
  if (!skipped.empty())
    say("image: no container image for " + util::join(skipped, ", ") + " (Linux targets only)");
  if (!dynamic.empty())
    say("image: no container image for " + util::join(dynamic, ", ") +
        " (its binaries need the system's glibc, which an image of binaries alone has not)");
  if (skipped.size() + dynamic.size() == targets.size()) return;
  s.image_archive = s.name + "_" + s.version + ".oci.tar";
  s.image_digest = image.write(staging / s.image_archive);
  for (const auto& tag : image.tags()) s.image_refs.push_back(repository + ":" + tag);
  s.artifacts.push_back(make_artifact(staging / s.image_archive, "image", nullptr));
}

}  // namespace

Summary run_release(const Config& config, const Options& options, const store::Store& store) {
  auto start = Clock::now();
  auto targets = options.targets.value_or(config.targets);
  auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };

  Summary s;
  s.name = config.name;
  s.version = resolve_version(config.project_dir, options.version, config.version, options.snapshot);
  s.source_date_epoch = resolve_source_date_epoch(config.project_dir);
  s.dist = options.dist ? resolved(*options.dist) : config.dist;
  check_dist(s.dist, config);
  check_ready(config, targets, store);
  auto objcopy = toolchain::find_llvm_tool("llvm-objcopy");
  if (!objcopy)
    throw Error("llvm-objcopy is not installed (it splits debug info)", "sudo apt-get install llvm-19",
                Exit::missing);

  BuildSettings settings;
  settings.build_root =
      options.build_root ? fs::absolute(*options.build_root) : config.project_dir / ".xstatic" / "release";
  settings.xstatic_exe = options.xstatic_exe;
  settings.jobs =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  settings.source_date_epoch = s.source_date_epoch;
  check_build_root(settings.build_root, s.dist, config);
  std::error_code ec;
  fs::create_directories(settings.build_root, ec);
  if (ec)
    throw Error("cannot create the build folder " + settings.build_root.string() + ": " + ec.message(),
                "pass --build-dir DIR in a folder you can write", Exit::usage);
  // One release at a time per build folder and dist folder: a second one waits.
  util::FileLock lock(settings.build_root / ".lock",
                      [&] { say("another release is using " + settings.build_root.string() + ": waiting"); });
  check_dist(s.dist, config);  // again, now that no other release can be writing it

  Staging staging(s.dist);
  std::optional<ImageWriter> image;
  if (config.image)
    image.emplace(settings.build_root / "image", *config.image, s.name, s.version, s.source_date_epoch);
  TargetRun run{config, store, settings, *objcopy, s, staging.dir(), image ? &*image : nullptr};
  std::vector<std::optional<TargetOutput>> outputs(targets.size());
  std::mutex say_mutex;
  auto say_locked = [&](const std::string& line) {
    std::lock_guard hold(say_mutex);
    say(line);
  };
  for_each_parallel(targets.size(), options.parallel_targets, [&](std::size_t i) {
    const auto& rt = targets[i];
    const auto& t = rt.target;
    std::string tag =
        "[" + std::to_string(i + 1) + "/" + std::to_string(targets.size()) + "] " + describe(rt);
    say_locked(tag + ": building (" + std::string(build_kind_name(config.build.kind)) + ")");
    auto target_start = Clock::now();
    try {
      outputs[i] = release_target(run, rt);
    } catch (const std::exception&) {
      char line[64];
      std::snprintf(line, sizeof line, ": FAILED after %.1f s", seconds_since(target_start));
      say_locked(tag + line);
      throw;
    }
    const auto& done = outputs[i]->result;
    std::string how =
        rt.link == driver::LinkMode::libc_dynamic ? "glibc " + done.glibc + " or newer" : "static";
    char line[200];
    std::snprintf(line, sizeof line, ": ok in %.1f s (%zu binar%s verified: %s, %s, stripped)", done.seconds,
                  done.binaries.size(), done.binaries.size() == 1 ? "y" : "ies", how.c_str(),
                  std::string(t.row->goarch).c_str());
    say_locked(tag + line);
  });
  for (std::size_t i = 0; i < targets.size(); ++i) {  // in the targets' order, whatever finished first
    auto& out = *outputs[i];
    if (image && in_image(targets[i])) image->add_shipped(targets[i].target, out.shipped);
    fs::remove_all(out.work);
    s.targets.push_back(std::move(out.result));
    for (auto& a : out.artifacts) s.artifacts.push_back(std::move(a));
  }

  if (image) write_image(*image, config.image->repository, s, staging.dir(), targets, say);
  std::string checksums_name = s.name + "_" + s.version + "_checksums.txt";
  std::sort(s.artifacts.begin(), s.artifacts.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  write_text(staging.dir() / checksums_name, checksums_text(s.artifacts));
  s.artifacts.push_back(make_artifact(staging.dir() / checksums_name, "checksums", nullptr));
  std::sort(s.artifacts.begin(), s.artifacts.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  write_text(staging.dir() / "artifacts.json", artifacts_json(s));
  staging.commit();
  s.seconds = seconds_since(start);
  return s;
}

}  // namespace xstatic::release
