// `xstatic pkg install|list|remove|recipes`: the static libraries a program
// needs (zlib, OpenSSL, curl, SQLite, ...), built once per target from
// Debian's source packages (xstatic/pkg/pkg.hpp).
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/pkg/pkg.hpp"
#include "xstatic/pkg/recipe.hpp"
#include "xstatic/pkg/transfer.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::cli {
namespace {

struct PkgArgs {
  std::string target;
  std::vector<std::string> names;
  std::string libc;
  std::vector<std::string> targets;
  std::string file;
  int jobs = 0;
  bool force = false;
  bool json = false;
};

target::Target parse_target(const PkgArgs& a) {
  std::optional<target::Libc> libc;
  if (!a.libc.empty()) {
    libc = target::parse_libc(a.libc);
    if (!libc) throw Error("unknown libc '" + a.libc + "'", "use --libc musl or --libc glibc", Exit::usage);
  }
  return target::parse(a.target, libc);
}

void run_install(const PkgArgs& a) {
  auto t = parse_target(a);
  util::Progress progress(progress_options());
  auto got = pkg::install(store(), t, a.names, progress, {.jobs = a.jobs, .force = a.force});
  if (globals().quiet) return;
  for (const auto& p : got)
    std::printf("%s %s %s %s: %s\n", t.go_name().c_str(), p.name.c_str(), p.version.c_str(),
                p.built_now ? "built" : "already built", p.root.string().c_str());
}

void run_list(const PkgArgs& a) {
  std::optional<target::Target> t;
  if (!a.target.empty()) t = parse_target(a);
  auto entries = pkg::list(store(), t);
  if (a.json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.array([&] {
      for (const auto& e : entries)
        j.object([&] {
          j.attribute("name", e.name);
          j.attribute("version", e.version);
          j.attribute("target", e.target);
          j.attribute("sysroot", e.sysroot);
          j.attribute("license", e.license);
          j.attribute("revision", e.revision);
          j.attribute("current", e.current);
          j.attribute("clang_major", e.clang_major);
          j.attributeArray("libs", [&] {
            for (const auto& l : e.libs) j.value(l);
          });
          j.attributeArray("requires", [&] {
            for (const auto& r : e.requires_) j.value(r);
          });
          j.attribute("path", e.root.string());
        });
    });
    llvm::outs() << "\n";
    return;
  }
  if (entries.empty()) {
    std::printf(
        "no packages built yet: run 'xstatic pkg install linux/arm64 zlib' ('xstatic pkg recipes' lists "
        "them)\n");
    return;
  }
  std::printf("%-12s %-14s %-26s %-22s %s\n", "SYSROOT", "PACKAGE", "VERSION", "LICENSE", "LIBS");
  for (const auto& e : entries)
    std::printf("%-12s %-14s %-26s %-22s %s%s\n", e.sysroot.c_str(), e.name.c_str(), e.version.c_str(),
                e.license.c_str(), util::join(e.libs, " ").c_str(),
                e.current ? "" : "  (older recipe: 'xstatic pkg install' builds it anew)");
}

void run_recipes(bool json) {
  const auto& all = pkg::recipes();
  if (json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.array([&] {
      for (const auto& r : all)
        j.object([&] {
          j.attribute("name", r.name);
          j.attribute("source", r.source);
          j.attribute("license", r.license);
          j.attribute("revision", r.revision);
          j.attribute("summary", r.summary);
          j.attributeArray("requires", [&] {
            for (const auto& d : r.requires_) j.value(d);
          });
          j.attributeArray("libs", [&] {
            for (const auto& l : r.libs) j.value(l);
          });
        });
    });
    llvm::outs() << "\n";
    return;
  }
  std::printf("%-14s %-15s %-28s %-24s %s\n", "PACKAGE", "DEBIAN SOURCE", "LICENSE", "REQUIRES", "SUMMARY");
  for (const auto& r : all)
    std::printf("%-14s %-15s %-28s %-24s %s\n", r.name.c_str(), r.source.c_str(), r.license.c_str(),
                util::join(r.requires_, ",").c_str(), r.summary.c_str());
}

void run_export(const PkgArgs& a) {
  std::vector<target::Target> targets;
  for (const auto& spec : a.targets) {
    PkgArgs one = a;
    one.target = spec;
    targets.push_back(parse_target(one));
  }
  for (const auto& f : pkg::export_packages(store(), targets, a.file))
    if (!globals().quiet) std::printf("exported %s\n", f.c_str());
}

void run_import(const PkgArgs& a) {
  util::Progress progress(progress_options());
  for (const auto& r : pkg::import_packages(store(), a.file, progress))
    if (!globals().quiet)
      std::printf("%s %s\n", r.installed ? "imported" : "already present, kept", r.folder.c_str());
}

}  // namespace

void add_pkg(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "pkg", "Build the static libraries a program needs (zlib, OpenSSL, curl, SQLite, ...)");
  cmd->require_subcommand(1);
  cmd->footer(
      "Each package is built once per target from Debian's own source package (through apt, with\n"
      "Debian's patches), with the target's xstatic toolchain, static only, and kept in the store.\n"
      "Then every call for that target finds it without flags:\n"
      "  xstatic pkg install linux/arm64 curl sqlite3        # curl brings openssl, nghttp2, zlib\n"
      "  xstatic cc --target linux/arm64 app.c -lcurl -o app   # -lcurl adds -lssl -lcrypto -lnghttp2 -lz\n"
      "  aarch64-linux-musl-pkg-config --libs libcurl         # the whole static closure\n"
      "  find_package(CURL) / dependency('libcurl')           # through xstatic's CMake and Meson files\n"
      "XSTATIC_PKGS=zlib,openssl limits a call to those packages (none: to none).");

  auto a = std::make_shared<PkgArgs>();
  auto* inst = cmd->add_subcommand("install", "Build packages (and what they require) for a target, once");
  inst->add_option("target", a->target, "The target: linux/arm64, linux/amd64, aarch64-linux-musl, ...")
      ->required();
  inst->add_option("packages", a->names, "Recipe names ('xstatic pkg recipes')")->required();
  inst->add_option("--libc", a->libc, "musl (default) or glibc");
  inst->add_option("-j,--jobs", a->jobs, "Parallel jobs of each build (default: the number of CPUs)")
      ->check(CLI::Range(0, 4096));
  inst->add_flag("--force", a->force, "Build the named packages again even when they are built");
  inst->footer(
      "A package that is built (same recipe revision, same clang major version) is not built again.\n"
      "A failed build keeps its log (named in the error), installs nothing, and nothing that needs it\n"
      "is built. Exit codes: 0 built or already built, 1 a build failed, 2 an unknown package or a\n"
      "target its recipe does not build for, 3 the sysroot, a tool or the source is missing.");
  inst->callback([a] { run_install(*a); });

  auto* ls = cmd->add_subcommand("list", "List the packages built (for one target, or all)");
  ls->add_option("target", a->target, "Only this target");
  ls->add_option("--libc", a->libc, "musl (default) or glibc");
  ls->add_flag("--json", a->json, "One JSON array (name, version, target, license, libs, requires, path)");
  ls->callback([a] { run_list(*a); });

  auto* rm = cmd->add_subcommand("remove", "Remove built packages of a target");
  rm->add_option("target", a->target, "The target")->required();
  rm->add_option("packages", a->names, "Package names")->required();
  rm->add_option("--libc", a->libc, "musl (default) or glibc");
  rm->add_flag("--force", a->force, "Remove even when another installed package was built against it");
  rm->callback([a] { pkg::remove(store(), parse_target(*a), a->names, a->force); });

  auto* exp =
      cmd->add_subcommand("export", "Write built packages to one archive (for a CI cache, a Docker layer)");
  exp->add_option("targets", a->targets, "Targets whose packages to write (default: every package built)");
  exp->add_option("--libc", a->libc, "musl (default) or glibc");
  exp->add_option("-o,--output", a->file, "The archive: FILE.tar.zst (or .tar.xz, .tar.gz, .tar)")
      ->required();
  exp->callback([a] { run_export(*a); });

  auto* imp = cmd->add_subcommand("import", "Install packages from an archive made by 'pkg export'");
  imp->add_option("file", a->file, "The archive")->required();
  imp->footer(
      "Everything is checked before anything is installed: members stay inside the store, every file\n"
      "matches its manifest's SHA-256, nothing unlisted is there. A package already built is kept.\n"
      "Exit codes: 0 imported, 2 the archive was refused (nothing installed).");
  imp->callback([a] { run_import(*a); });

  auto* rc = cmd->add_subcommand("recipes", "List the packages xstatic can build");
  rc->add_flag("--json", a->json, "One JSON array");
  rc->callback([a] { run_recipes(a->json); });
}

}  // namespace xstatic::cli
