// Building one package for one target, at most once, atomically (the same
// shape as the runtimes' builds):
//
//   lock locks/pkg-<sysroot>-<name>.lock      a second caller waits, then finds it built
//   pkg/<sysroot>/.tmp-<name>-<pid>/           src/ (Debian's source, patched), dest/ (DESTDIR),
//                                             toolchain.cmake, build.log
//   the recipe's steps with the target's xstatic toolchain, then checks (the
//   files it must produce, every archive member of the target's machine),
//   relocatable .pc files, manifest.json, and one rename of dest/usr into
//   pkg/<sysroot>/<name>/.
//
// The environment of a build: `xstatic env`'s variables (CC, CXX, AR, ...,
// PKG_CONFIG), XSTATIC_PKGS naming exactly what the recipe requires (so
// the build sees those packages and no other installed one), CFLAGS with
// sections per function and the source folder mapped away, and
// SOURCE_DATE_EPOCH from Debian's changelog.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "internal.hpp"
#include "xstatic/integrate/generate.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/runtimes/debian_source.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/scratch.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::pkg {
namespace {

namespace fs = std::filesystem;
using detail::Manifest;

struct Context {
  store::Store store;
  target::Target target;
  integrate::Toolset tools;
  toolchain::Clang clang;
  std::string clang_version;
  unsigned jobs = 1;
  util::Progress& progress;
};

std::string expand(const std::string& text, const std::map<std::string, std::string>& vars) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      auto end = text.find('}', i);
      if (end != std::string::npos) {
        auto it = vars.find(text.substr(i + 1, end - i - 1));
        if (it != vars.end()) {
          out += it->second;
          i = end + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

// The names of everything `r` requires, directly or not.
std::vector<std::string> requirement_closure(const Recipe& r) {
  std::vector<std::string> out;
  for (const Recipe* dep : build_order(r.requires_)) out.push_back(dep->name);
  return out;
}

std::string failed_log_name(const Context& c, const Recipe& r) {
  return "pkg-" + store::sysroot_name(c.target) + "-" + r.name + ".log";
}

bool is_current(const fs::path& root, const Recipe& r, int clang_major) {
  auto m = detail::read_manifest(root / store::kManifestName);
  return m && m->revision == r.revision && m->clang_major == clang_major;
}

Installed build_locked(const Context& c, const Recipe& r, const fs::path& final_dir,
                       const fs::path& failed_log) {
  auto start = std::chrono::steady_clock::now();
  util::BuildScratch scratch(final_dir.parent_path(), store::Store::temp_prefix(r.name), failed_log);
  auto source = detail::fetch_source(c.store, r.source, scratch.log(), c.progress);
  c.progress.step(
      fmt::format("building {} {} for {} (once per target)", r.name, source.version, c.target.describe()));
  fs::path src = scratch.dir() / "src", dest = scratch.dir() / "dest";
  detail::unpack_source(source, r, src, scratch.log());
  // The build's own launcher folder: the store's bin/ is shared, and another
  // xstatic (a copy run from elsewhere) may point its links at itself and
  // go away in the middle of a build that takes minutes.
  integrate::Toolset tools = integrate::with_bin_dir(c.tools, scratch.dir() / "bin");
  integrate::ensure_launchers(tools);
  fs::path toolchain_file = scratch.dir() / "toolchain.cmake";
  std::ofstream(toolchain_file) << integrate::cmake_toolchain(tools);

  std::string cflags =
      "-O2 -ffunction-sections -fdata-sections -ffile-prefix-map=" + src.string() + "=/usr/src/" + r.source;
  std::map<std::string, std::string> vars = {
      {"jobs", std::to_string(c.jobs)},
      {"host", std::string(c.target.triple())},
      {"build", std::string(target::host().row->triple_gnu)},
      {"destdir", dest.string()},
      {"src", src.string()},
      {"toolchain", toolchain_file.string()},
      {"sysroot", tools.sysroot.string()},
      {"cc", tools.cc.string()},
      {"cxx", tools.cxx.string()},
      {"ar", tools.ar.string()},
      {"ranlib", tools.ranlib.string()},
      {"cflags", cflags},
  };
  for (const auto& [name, per_target] : r.vars)
    if (auto v = r.var(name, c.target)) vars[name] = *v;

  auto deps = requirement_closure(r);
  std::map<std::string, std::string> vars_env;  // one value per name: the recipe's own win
  for (const auto& [k, v] : integrate::env_vars(tools)) vars_env[k] = v;
  vars_env["XSTATIC_PKGS"] = deps.empty() ? std::string("none") : util::join(deps, ",");
  vars_env["SOURCE_DATE_EPOCH"] = detail::changelog_epoch(src);
  vars_env["CFLAGS"] = vars_env["CXXFLAGS"] = cflags;
  vars_env["MAKEFLAGS"] = "";  // a parent make's jobserver is not ours
  for (const auto& [k, v] : r.env) vars_env[k] = expand(v, vars);
  std::vector<std::string> env;
  for (const auto& [k, v] : vars_env) env.push_back(k + "=" + v);

  fs::path work = r.subdir.empty() ? src : src / r.subdir;
  util::RunOptions o;
  o.cwd = work.string();
  o.env = env;
  o.log_file = scratch.log().string();
  o.die_with_parent = true;  // a killed install stops its make and compilers too
  for (const auto& step : r.steps_for()) {
    std::vector<std::string> argv;
    for (const auto& a : step) {
      if (a == "{cflags}") {  // flags are words of their own (OpenSSL's Configure takes them so)
        for (auto word : util::split(cflags, ' ')) argv.emplace_back(word);
        continue;
      }
      argv.push_back(expand(a, vars));
    }
    // util::run looks a bare name up on PATH; "./configure" is the source's own.
    if (argv[0].starts_with("./")) argv[0] = (work / argv[0].substr(2)).string();
    c.progress.step(fmt::format("{} for {}: {}", r.name, c.target.go_name(), util::shell_join(argv)));
    std::ofstream(scratch.log(), std::ios::app) << "\n$ " << util::shell_join(argv) << "\n";
    auto result = util::run(argv, o);
    if (result.exit_code != 0)
      throw Error(fmt::format("building {} for {} failed: `{}` exited with {}", r.name, c.target.describe(),
                              util::shell_join(argv), result.exit_code),
                  {}, Exit::failed);
  }

  fs::path root = dest / "usr";
  if (!fs::is_directory(root))
    throw Error(r.name + "'s install step wrote nothing under " + dest.string() + "/usr", {}, Exit::failed);
  detail::prune(root);
  for (const auto& lib : r.libs)
    if (!fs::exists(root / "lib" / ("lib" + lib + ".a")))
      throw Error(r.name + "'s build did not produce lib/lib" + lib + ".a", {}, Exit::failed);
  for (const auto& f : r.files)
    if (!fs::exists(root / f)) throw Error(r.name + "'s build did not produce " + f, {}, Exit::failed);
  detail::check_archives(root / "lib", c.target);
  detail::relocate_pc_files(root);
  detail::define_in_headers(root, r.defines_for(c.target));

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fs::rename(scratch.log(), root / "build.log");
  Manifest m{.name = r.name,
             .source = r.source,
             .version = source.version,
             .target = c.target.go_name(),
             .triple = std::string(c.target.triple()),
             .sysroot = store::sysroot_name(c.target),
             .license = r.license,
             .clang_version = c.clang_version,
             .revision = r.revision,
             .clang_major = c.clang.major,
             .build_seconds = seconds,
             .libs = r.libs,
             .requires_ = r.requires_,
             .system_libs = r.system_libs_for(c.target),
             .files = detail::file_digests(root)};
  detail::write_manifest(root / store::kManifestName, m);
  fs::remove_all(final_dir);  // a folder without a manifest, or one being rebuilt
  fs::rename(root, final_dir);
  scratch.succeeded();
  c.progress.done(
      fmt::format("{} {} for {} built in {:.0f} s", r.name, source.version, c.target.describe(), seconds));
  return Installed{r.name, source.version, final_dir, true};
}

Installed build_one(const Context& c, const Recipe& r, bool force) {
  fs::path final_dir = c.store.packages_path(c.target) / r.name;
  auto installed = [&]() -> std::optional<Installed> {
    if (force || !is_current(final_dir, r, c.clang.major)) return std::nullopt;
    auto m = detail::read_manifest(final_dir / store::kManifestName);
    return Installed{r.name, m->version, final_dir, false};
  };
  if (auto done = installed()) return *done;
  fs::create_directories(final_dir.parent_path());
  util::FileLock lock(c.store.locks_dir() / ("pkg-" + store::sysroot_name(c.target) + "-" + r.name + ".lock"),
                      [&] {
                        c.progress.step("waiting for another xstatic that is building " + r.name + " for " +
                                        c.target.describe());
                      });
  if (auto done = installed()) return *done;  // built while we waited (a forced build builds again)
  fs::path failed_log = c.store.logs_dir() / failed_log_name(c, r);
  try {
    return build_locked(c, r, final_dir, failed_log);
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + "; build log: " + failed_log.string(),
                e.hint().empty() ? "less " + failed_log.string() : e.hint(), e.code());
  }
}

void require_tools(const std::vector<const Recipe*>& order) {
  std::vector<std::pair<std::string, std::string>> needed = {
      {"make", "make"},   {"cmake", "cmake"}, {"ninja", "ninja-build"}, {"dpkg-source", "dpkg-dev"},
      {"patch", "patch"}, {"perl", "perl"}};
  for (const Recipe* r : order)
    if (r->autoreconf) {
      needed.emplace_back("autoreconf", "autoconf");
      needed.emplace_back("aclocal", "automake");
      needed.emplace_back("libtoolize", "libtool");
    }
  std::vector<std::string> missing;
  for (const auto& [tool, package] : needed)
    if (!util::find_program(tool) && std::find(missing.begin(), missing.end(), package) == missing.end())
      missing.push_back(package);
  if (!missing.empty())
    throw Error("building packages needs " + util::join(missing, ", ") + ", not installed",
                "sudo apt-get install " + util::join(missing, " "), Exit::missing);
}

// For an unknown name: whether Debian has a source package of that name (from
// the lists of the private source state, as last updated; no download).
std::optional<std::string> debian_source_named(const store::Store& store, const std::string& name) {
  if (!fs::exists(store.apt_dir() / "source" / "lists")) return std::nullopt;
  auto opts = runtimes::source_apt_options(store);
  std::vector<std::string> argv{"apt-cache"};
  argv.insert(argv.end(), opts.begin(), opts.end());
  argv.insert(argv.end(), {"showsrc", "--only-source", name});
  util::RunOptions o;
  o.capture_stdout = o.capture_stderr = true;
  auto r = util::run(argv, o);
  auto at = r.out.find("\nVersion: ");
  if (r.exit_code != 0 || r.out.find("Package: " + name + "\n") == std::string::npos ||
      at == std::string::npos)
    return std::nullopt;
  return r.out.substr(at + 10, r.out.find('\n', at + 10) - at - 10);
}

}  // namespace

std::vector<Installed> install(const store::Store& given_store, const target::Target& t,
                               const std::vector<std::string>& names, util::Progress& progress,
                               const InstallOptions& options) {
  const store::Store store(fs::absolute(given_store.root()));
  for (const auto& name : names) {
    if (find_recipe(name)) continue;
    try {
      (void)recipe(name);  // the nearest names
    } catch (const Error& e) {
      auto debian = debian_source_named(store, name);
      if (!debian) throw;
      throw Error(std::string(e.what()) + " (Debian has a source package '" + name + "', " + *debian +
                      ", but xstatic has no recipe for it)",
                  e.hint() + "; a recipe is one file in packages/ (docs/pkg.md)", e.code());
    }
  }
  auto order = build_order(names);
  for (const Recipe* r : order)
    if (!r->supports(t))
      throw Error("the " + r->name + " recipe does not build for " + t.describe() + " (it builds for " +
                      util::join(r->targets, ", ") + ")",
                  {}, Exit::usage);
  if (!sysroot::find(store, t))
    throw Error("the sysroot for " + t.describe() + " is not installed (packages are built against it)",
                sysroot::install_command(t), Exit::missing);
  require_tools(order);
  auto clang = toolchain::find_clang(store);
  util::RunOptions ro;
  ro.capture_stdout = ro.capture_stderr = true;
  auto version = util::run({clang.path, "-dumpversion"}, ro).out;
  version = version.substr(0, version.find('\n'));
  auto tools = integrate::describe(store, t, integrate::self_executable());
  unsigned jobs =
      options.jobs > 0 ? unsigned(options.jobs) : std::max(1u, std::thread::hardware_concurrency());
  Context c{store, t, tools, clang, version, jobs, progress};
  std::vector<Installed> out;
  for (const Recipe* r : order) {
    bool named = std::find(names.begin(), names.end(), r->name) != names.end();
    out.push_back(build_one(c, *r, options.force && named));
  }
  return out;
}

}  // namespace xstatic::pkg
