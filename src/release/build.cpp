// One build per target (see build.hpp). make builds run in a copy of the
// source (Makefiles write objects next to their sources); CMake builds
// out of tree; commands run in an empty folder with XSTATIC_SOURCE_DIR.
#include "xstatic/release/build.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "xstatic/driver/link_record.hpp"
#include "xstatic/driver/sbom.hpp"
#include "xstatic/integrate/generate.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::release {
namespace {

// The last lines of a build log, for the error message.
std::string log_tail(const fs::path& log, std::size_t lines = 12) {
  std::ifstream in(log);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string out;
  for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i)
    out += "\n    " + all[i];
  return out;
}

void run_step(const std::vector<std::string>& argv, const util::RunOptions& options, const target::Target& t,
              const std::string& step) {
  util::RunOptions o = options;
  o.die_with_parent = true;  // a killed release leaves no make, cmake or ninja running
  auto result = util::run(argv, o);
  if (result.exit_code != 0)
    throw Error("the " + step + " for " + t.describe() + " failed (exit " + std::to_string(result.exit_code) +
                    "): " + util::shell_join(argv) + log_tail(*options.log_file),
                "see the full log: " + *options.log_file, Exit::failed);
}

std::string cmake_list(const std::vector<std::string>& flags) {
  std::string out;
  for (const auto& f : flags) out += " " + f;
  return out;
}

// The CMake toolchain file of `xstatic toolchain cmake`, plus the release's flags.
std::string release_toolchain(const integrate::Toolset& tools, const fs::path& source,
                              const fs::path& build) {
  std::ostringstream o;
  o << integrate::cmake_toolchain(tools) << "\n# Added by xstatic release: debug info (split off later), no\n"
    << "# absolute paths of this checkout in the output, a build-id.\n";
  for (const char* lang : {"C", "CXX", "ASM"})
    o << "string(APPEND CMAKE_" << lang << "_FLAGS_INIT \"" << cmake_list(release_cflags(source, build))
      << "\")\n";
  for (const char* kind : {"EXE", "SHARED", "MODULE"})
    o << "string(APPEND CMAKE_" << kind << "_LINKER_FLAGS_INIT \""
      << cmake_list(release_ldflags(tools.target)) << "\")\n";
  return o.str();
}

void write_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::trunc);
  out << text;
  if (!out) throw Error("cannot write " + file.string(), {}, Exit::internal);
}

// Copies the project into `to`, leaving out version-control data, the dist
// folder and the release's own build folders.
void copy_tree(const fs::path& from, const fs::path& to, const std::vector<fs::path>& skip) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(from)) {
    const auto& p = entry.path();
    if (p.filename() == ".git" || std::find(skip.begin(), skip.end(), p) != skip.end()) continue;
    if (entry.is_directory() && !entry.is_symlink())
      copy_tree(p, to / p.filename(), skip);
    else
      fs::copy(p, to / p.filename(), fs::copy_options::copy_symlinks);
  }
}

// The files git tracks under `from` (as they are in the working tree), or
// nullopt outside a git checkout. Objects and programs left over from an
// in-tree host build are never tracked, so they cannot leak into a release.
std::optional<std::vector<std::string>> tracked_files(const fs::path& from) {
  if (!util::find_program("git")) return std::nullopt;
  util::RunOptions options;
  options.capture_stdout = true;
  options.capture_stderr = true;
  auto result = util::run({"git", "-C", from.string(), "ls-files", "-z", "--cached", "--", "."}, options);
  if (result.exit_code != 0) return std::nullopt;
  std::vector<std::string> files;
  for (auto part : util::split(result.out, '\0'))
    if (!part.empty()) files.emplace_back(part);
  return files;
}

// Copies the project's sources into `to`: git's tracked files in a checkout,
// else everything but version-control data, the dist folder and the
// release's own build folders.
void copy_sources(const fs::path& from, const fs::path& to, const std::vector<fs::path>& skip) {
  auto files = tracked_files(from);
  if (!files) return copy_tree(from, to, skip);
  for (const auto& rel : *files) {
    fs::path src = from / rel;
    if (!fs::exists(fs::symlink_status(src))) continue;  // deleted in the working tree
    fs::create_directories((to / rel).parent_path());
    fs::copy(src, to / rel, fs::copy_options::copy_symlinks | fs::copy_options::overwrite_existing);
  }
}

std::string env_value(const char* name, const std::string& fallback) {
  return util::getenv_nonempty(name).value_or(fallback);
}

}  // namespace

std::string target_slug(const target::Target& t) {
  std::string out = std::string(t.row->goos) + "_" + std::string(t.row->goarch);
  if (!t.row->variant.empty() && t.row->variant != "v1") out += std::string(t.row->variant);
  if (t.libc != target::default_libc(*t.row)) out += "_" + std::string(t.libc_name());
  if (t.glibc) out += std::string(t.glibc->version);
  return out;
}

fs::path link_records_dir(const BuildSettings& settings, const target::Target& t) {
  return settings.build_root / (target_slug(t) + ".links");
}

std::vector<std::string> release_cflags(const fs::path& source, const fs::path& build) {
  std::vector<std::string> flags{"-g", "-ffile-prefix-map=" + source.string() + "=."};
  if (build != source) flags.push_back("-ffile-prefix-map=" + build.string() + "=build");
  return flags;
}

std::vector<std::string> release_ldflags(const target::Target& t) {
  std::vector<std::string> flags{"-g"};
  if (t.row->format == target::ObjectFormat::elf) flags.emplace_back("-Wl,--build-id=sha1");
  return flags;
}

std::vector<fs::path> build_target(const Config& config, const ReleaseTarget& rt, const store::Store& store,
                                   const BuildSettings& settings) {
  const target::Target& t = rt.target;
  auto tools = integrate::describe(store, t, settings.xstatic_exe);
  integrate::ensure_launchers(tools);
  const fs::path build = settings.build_root / target_slug(t);
  const fs::path log = settings.build_root / (target_slug(t) + ".log");
  fs::remove_all(build);
  fs::remove(log);
  fs::create_directories(build);

  util::RunOptions options;
  options.log_file = log.string();
  fs::remove_all(link_records_dir(settings, t));
  options.env = {"SOURCE_DATE_EPOCH=" + std::to_string(settings.source_date_epoch),
                 "XSTATIC_HOME=" + store.root().string(),
                 std::string(driver::kLinkRecordVar) + "=" + link_records_dir(settings, t).string()};
  if (!config.embed_sbom) options.env.push_back(std::string(driver::kNoSbomVar) + "=1");
  // Always set: an XSTATIC_LINK of the user's shell does not change what the release file says.
  options.env.push_back("XSTATIC_LINK=" + std::string(driver::link_mode_name(rt.link)));
  const std::string jobs = std::to_string(std::max(settings.jobs, 1));
  const fs::path toolchain_file = settings.build_root / (target_slug(t) + ".cmake");

  switch (config.build.kind) {
    case BuildKind::cmake: {
      write_file(toolchain_file, release_toolchain(tools, config.build.source, build));
      std::vector<std::string> configure{"cmake", "-S", config.build.source.string(), "-B", build.string()};
      if (util::find_program("ninja")) configure.insert(configure.end(), {"-G", "Ninja"});
      configure.push_back("-DCMAKE_TOOLCHAIN_FILE=" + toolchain_file.string());
      configure.push_back("-DCMAKE_BUILD_TYPE=Release");
      configure.insert(configure.end(), config.build.args.begin(), config.build.args.end());
      run_step(configure, options, t, "CMake configure step");
      std::vector<std::string> compile{"cmake", "--build", build.string(), "-j", jobs};
      for (const auto& target : config.build.targets) compile.insert(compile.end(), {"--target", target});
      run_step(compile, options, t, "CMake build");
      break;
    }
    case BuildKind::make:
    case BuildKind::command: {
      fs::path source = config.build.source;
      if (config.build.kind == BuildKind::make) {
        copy_sources(config.build.source, build,
                     {settings.build_root, config.dist, config.project_dir / ".xstatic"});
        source = build;
      } else {
        write_file(toolchain_file, release_toolchain(tools, source, build));
        options.env.push_back("XSTATIC_SOURCE_DIR=" + source.string());
        options.env.push_back("XSTATIC_BUILD_DIR=" + build.string());
        options.env.push_back("XSTATIC_TOOLCHAIN_FILE=" + toolchain_file.string());
        options.env.push_back("XSTATIC_RELEASE_TARGET=" + t.go_name());
      }
      for (const auto& [name, value] : integrate::env_vars(tools)) options.env.push_back(name + "=" + value);
      std::string cflags = util::join(release_cflags(source, build), " ");
      options.env.push_back("CFLAGS=" + env_value("CFLAGS", "-O2") + " " + cflags);
      options.env.push_back("CXXFLAGS=" + env_value("CXXFLAGS", "-O2") + " " + cflags);
      options.env.push_back("LDFLAGS=" + env_value("LDFLAGS", "") + " " +
                            util::join(release_ldflags(t), " "));
      options.cwd = build.string();
      std::vector<std::string> argv;
      if (config.build.kind == BuildKind::make) argv = {"make", "-j", jobs};
      argv.insert(argv.end(), config.build.args.begin(), config.build.args.end());
      run_step(argv, options, t, config.build.kind == BuildKind::make ? "make build" : "build command");
      break;
    }
  }

  std::vector<fs::path> out;
  for (const auto& name : config.binaries) {
    fs::path p = build / name;
    if (t.row->format == target::ObjectFormat::coff && p.extension() != ".exe" && !fs::exists(p)) p += ".exe";
    if (!fs::is_regular_file(p))
      throw Error("the build for " + t.describe() + " did not produce the binary '" + name +
                      "' (looked for " + p.string() + ")",
                  "fix 'binaries' in " + config.file.string() +
                      " (paths are relative to the build folder), or see the log: " + log.string(),
                  Exit::failed);
    out.push_back(p);
  }
  return out;
}

}  // namespace xstatic::release
