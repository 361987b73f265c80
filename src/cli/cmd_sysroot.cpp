// `xstatic sysroot install|list|path|remove|export|import`: thin parsing over
// xstatic/sysroot/install.hpp.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::cli {
namespace {

struct SysrootArgs {
  std::vector<std::string> targets;
  std::string libc;
  std::string glibc;
  std::string debs;
  std::string output;
  std::string file;
  bool json = false;
};

sysroot::InstallOptions install_options(const SysrootArgs& a) {
  sysroot::InstallOptions o;
  if (!a.debs.empty()) o.debs_dir = a.debs;
  o.quiet = globals().quiet;
  return o;
}

void add_libc_option(CLI::App* cmd, SysrootArgs& a) {
  cli::add_libc_option(cmd, a.libc, "musl (default for Linux) or glibc");
  cmd->add_option("--glibc", a.glibc,
                  "glibc floor: 2.31 (bullseye), 2.36 (bookworm, the default), 2.41 (trixie)");
}

void print_sysroots(bool json) {
  auto installed = sysroot::list(store());
  if (json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.array([&] {
      for (const auto& s : installed)
        j.object([&] {
          j.attribute("name", s.manifest.name);
          j.attribute("target", s.manifest.target);
          j.attribute("libc", s.manifest.libc);
          j.attribute("debian_arch", s.manifest.debian_arch);
          j.attribute("triple", s.manifest.triple);
          j.attribute("path", s.path.string());
          j.attribute("packages", static_cast<int64_t>(s.manifest.packages.size()));
          j.attribute("current", s.current);  // false: made by an older recipe, see "fix"
          j.attribute("fix", s.fix);
        });
    });
    llvm::outs() << "\n";
    return;
  }
  if (installed.empty()) {
    std::fprintf(stderr, "no sysroots installed in %s (try 'xstatic sysroot install linux/arm64')\n",
                 store().sysroots_dir().c_str());
    return;
  }
  std::printf("%-16s %-14s %-6s %-26s %s\n", "NAME", "TARGET", "LIBC", "TRIPLE", "PATH");
  for (const auto& s : installed) {
    std::printf("%-16s %-14s %-6s %-26s %s\n", s.manifest.name.c_str(), s.manifest.target.c_str(),
                s.manifest.libc.c_str(), s.manifest.triple.c_str(), s.path.c_str());
    if (!s.current)
      std::printf("  outdated: made by an older sysroot recipe; to update: %s\n",
                  s.fix.empty() ? "remove it and install it again" : s.fix.c_str());
  }
}

}  // namespace

void add_sysroot(CLI::App& app) {
  auto a = std::make_shared<SysrootArgs>();
  auto* cmd =
      app.add_subcommand("sysroot", "Install, list and remove the sysroots (libc, headers) of targets");
  cmd->require_subcommand(1);
  cmd->footer(
      "Sysroots are built from Debian packages (the host's apt, or a folder of .deb files)\n"
      "into the store ($XSTATIC_HOME, or --store DIR).\n\n"
      "  xstatic sysroot install linux/arm64 linux/amd64\n"
      "  xstatic sysroot install linux/arm/v7 --libc glibc\n"
      "  xstatic sysroot install linux/arm64 --debs ./debs      # offline\n"
      "  xstatic sysroot install wasip1/wasm                    # WASI: wasi-libc, libc++ (Debian's "
      "arch:all)\n"
      "  xstatic sysroot export linux/arm64 -o arm64-musl.tar.zst && xstatic sysroot import "
      "arm64-musl.tar.zst");

  auto* install =
      cmd->add_subcommand("install", "Provision the sysroot of each TARGET (nothing to do when installed)");
  install->add_option("targets", a->targets, "Targets: linux/arm64, linux/arm/v7, aarch64-linux-gnu, ...")
      ->required();
  add_libc_option(install, *a);
  install->add_option("--debs", a->debs, "Take the .deb files from this folder instead of apt (offline)")
      ->check(CLI::ExistingDirectory);
  install->footer(
      "Packages: sysroots/musl.json, glibc.json and wasi.json in xstatic's source. Fetch them\n"
      "for a machine without network: apt-get download musl-dev:arm64 linux-libc-dev:arm64 "
      "libgcc-12-dev:arm64");
  install->callback([a] {
    auto s = store();
    for (const auto& spec : a->targets) {
      auto dir = sysroot::install(s, parse_target(spec, a->libc, a->glibc), install_options(*a));
      std::printf("%s\n", dir.c_str());
    }
  });

  auto* list = cmd->add_subcommand("list", "List the installed sysroots");
  list->add_flag("--json", a->json, "Print JSON (stable field names)");
  list->callback([a] { print_sysroots(a->json); });

  auto* path = cmd->add_subcommand("path", "Print the sysroot folder of TARGET (exit 3 when not installed)");
  path->add_option("target", a->file, "Target, e.g. linux/arm64")->required();
  add_libc_option(path, *a);
  path->callback([a] {
    auto t = parse_target(a->file, a->libc, a->glibc);
    auto found = sysroot::find(store(), t);
    if (!found)
      throw Error("sysroot for " + t.describe() + " is not installed", sysroot::install_command(t),
                  Exit::missing);
    std::printf("%s\n", found->c_str());
  });

  auto* remove = cmd->add_subcommand("remove", "Remove the sysroot of TARGET");
  remove->add_option("target", a->file, "Target, e.g. linux/arm64")->required();
  add_libc_option(remove, *a);
  remove->callback([a] {
    auto t = parse_target(a->file, a->libc, a->glibc);
    if (!sysroot::remove(store(), t))
      throw Error("sysroot for " + t.describe() + " is not installed", "xstatic sysroot list", Exit::missing);
  });

  auto* exp = cmd->add_subcommand("export",
                                  "Write the sysroot of TARGET to an archive (for CI caches, Docker layers)");
  exp->add_option("target", a->file, "Target, e.g. linux/arm64")->required();
  add_libc_option(exp, *a);
  exp->add_option("-o,--output", a->output, "Archive to write: FILE.tar.zst (or .tar.xz, .tar.gz, .tar)")
      ->required();
  exp->callback(
      [a] { sysroot::export_sysroot(store(), parse_target(a->file, a->libc, a->glibc), a->output); });

  auto* imp = cmd->add_subcommand("import", "Install a sysroot from an archive made by 'sysroot export'");
  imp->add_option("file", a->file, "The archive")->required()->check(CLI::ExistingFile);
  imp->callback([a] {
    auto dir = sysroot::import_sysroot(store(), a->file, install_options(*a));
    std::printf("%s\n", dir.c_str());
  });

  add_sysroot_add(*cmd);
}

}  // namespace xstatic::cli
