// `xstatic runtimes build|list|export|import`: libc++, libc++abi and libunwind
// (and mimalloc) for musl targets, built from source once per target and clang
// version; export/import carry them to another store (a CI cache, a Docker layer).
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/runtimes/allocator.hpp"
#include "xstatic/runtimes/libc_routines.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/runtimes/transfer.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::cli {
namespace {

struct BuildArgs {
  std::vector<std::string> targets;
  std::string runtime = "all";
  std::string llvm_src, mimalloc_src;
  std::string variant = "standard";  // --runtimes-opt: a runtimes::VariantInfo name
  int jobs = 0;
};

void say_built(const target::Target& t, runtimes::Kind kind, bool built_now,
               const std::filesystem::path& root) {
  if (!globals().quiet)
    std::printf("%s %s %s: %s\n", t.go_name().c_str(), std::string(runtimes::kind_info(kind).name).c_str(),
                built_now ? "built" : "already built", root.string().c_str());
}

// Builds one kind for `t` (or finds it built): its root and whether this call built it.
std::pair<std::filesystem::path, bool> build_kind(runtimes::Kind kind, const store::Store& s,
                                                  const target::Target& t, util::Progress& progress,
                                                  const runtimes::BuildOptions& options) {
  switch (kind) {
    case runtimes::Kind::libc_routines: {
      auto got = runtimes::build_libc_routines(s, t, progress, options);
      return {got.root, got.built_now};
    }
    case runtimes::Kind::mimalloc: {
      auto got = runtimes::build_mimalloc(s, t, progress, options);
      return {got.root, got.built_now};
    }
    case runtimes::Kind::libcxx:
      break;
  }
  auto got = runtimes::build(s, t, progress, options);
  return {got.root, got.built_now};
}

void run_build(const BuildArgs& args) {
  auto s = store();
  runtimes::BuildOptions options{.llvm_src = args.llvm_src,
                                 .mimalloc_src = args.mimalloc_src,
                                 .jobs = args.jobs,
                                 .clang = {},
                                 .variant = runtimes::variant_named(args.variant)->id};
  bool all = args.runtime == "all";
  util::Progress progress(progress_options());
  for (const auto& spec : args.targets) {
    auto t = target::parse(spec);
    // Quickest first: xstatic's strlen and qsort (a second), mimalloc (seconds), libc++ (a minute).
    for (auto kind : {runtimes::Kind::libc_routines, runtimes::Kind::mimalloc, runtimes::Kind::libcxx}) {
      if (!all && args.runtime != runtimes::kind_info(kind).build_choice) continue;
      // With "all", the libc routines only where there are some.
      if (all && kind == runtimes::Kind::libc_routines && runtimes::libc_routines_for(t).empty()) continue;
      auto [root, built_now] = build_kind(kind, s, t, progress, options);
      say_built(t, kind, built_now, root);
    }
  }
}

void print_runtimes(bool json) {
  auto entries = runtimes::list(store());
  if (json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.array([&] {
      for (const auto& e : entries)
        j.object([&] {
          runtimes::entry_attributes(j, e);
          j.attribute("path", e.root.string());
        });
    });
    llvm::outs() << "\n";
    return;
  }
  if (entries.empty()) {
    std::printf("no runtimes built yet: run 'xstatic runtimes build linux/arm64' (or any musl target)\n");
    return;
  }
  std::printf("%-14s %-22s %-13s %-8s %-8s %-6s %s\n", "TARGET", "TRIPLE", "RUNTIME", "VERSION", "BUILD",
              "CLANG", "PATH");
  for (const auto& e : entries)
    std::printf("%-14s %-22s %-13s %-8s %-8s %-6s %s\n", e.target.c_str(), e.triple.c_str(),
                std::string(runtimes::kind_info(e.kind).name).c_str(), e.version.c_str(), e.variant.c_str(),
                e.clang_version.c_str(), e.root.string().c_str());
}

struct TransferArgs {
  std::vector<std::string> targets;
  std::string file;
};

void run_export(const TransferArgs& a) {
  std::vector<target::Target> targets;
  for (const auto& spec : a.targets) targets.push_back(target::parse(spec, target::Libc::musl));
  auto folders = runtimes::export_runtimes(store(), targets, a.file);
  if (!globals().quiet)
    for (const auto& f : folders) std::printf("exported %s\n", f.c_str());
}

void run_import(const TransferArgs& a) {
  util::Progress progress(progress_options());
  for (const auto& r : runtimes::import_runtimes(store(), a.file, progress))
    if (!globals().quiet)
      std::printf("%s %s\n", r.installed ? "imported" : "already present, kept", r.folder.c_str());
}

void add_transfer(CLI::App* cmd) {
  auto a = std::make_shared<TransferArgs>();
  auto* exp =
      cmd->add_subcommand("export", "Write built runtimes to one archive (for a CI cache, a Docker layer)");
  exp->add_option("targets", a->targets,
                  "Targets whose runtimes to write (default: every runtime of this clang)");
  exp->add_option("-o,--output", a->file, "The archive: FILE.tar.zst (or .tar.xz, .tar.gz, .tar)")
      ->required();
  exp->footer(
      "Examples:\n"
      "  xstatic runtimes export -o runtimes.tar.zst                       # everything built\n"
      "  xstatic runtimes export linux/arm64 linux/amd64 -o runtimes.tar.zst\n"
      "The archive holds each runtime folder as built plus an index of every file's SHA-256.");
  exp->callback([a] { run_export(*a); });

  auto* imp = cmd->add_subcommand("import", "Install runtimes from an archive made by 'runtimes export'");
  imp->add_option("file", a->file, "The archive")->required();
  imp->footer(
      "Everything is checked before anything is installed: members stay inside the store, every\n"
      "file matches the index's SHA-256, every manifest names a musl target whose folder it is in.\n"
      "Each runtime is renamed into place under the lock its build takes; one already in the store is\n"
      "kept. The runtimes are used as they are: their target's sysroot must be installed as well\n"
      "('xstatic sysroot import' or 'xstatic sysroot install').\n"
      "Exit codes: 0 imported, 2 the archive was refused (nothing installed).");
  imp->callback([a] { run_import(*a); });
}

}  // namespace

void add_runtimes(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "runtimes", "Build, list, export and import the runtimes of musl targets (libc++, mimalloc)");
  cmd->require_subcommand(1);
  cmd->footer(
      "C++ on musl uses LLVM's libc++, built once per target and clang version from LLVM's source\n"
      "(Debian's llvm-toolchain-<N> source package, through apt). Links on musl use the mimalloc\n"
      "allocator (musl's own malloc serialises threads), built in seconds from Debian's source\n"
      "package 'mimalloc', and xstatic's own strlen and qsort (amd64, arm64; their C source is in\n"
      "xstatic, built in a second). glibc targets use Debian's libstdc++ and glibc's malloc and need\n"
      "nothing here. 'xstatic cc' and 'xstatic c++' build what they need on first use.");

  auto args = std::make_shared<BuildArgs>();
  auto* build = cmd->add_subcommand("build", "Build the runtimes for musl targets (once; ~1 min each)");
  build->add_option("targets", args->targets, "Targets: linux/arm64, linux/amd64, aarch64-linux-musl, ...")
      ->required();
  build
      ->add_option(
          "--runtime", args->runtime,
          "Which: libc++ (with libc++abi, libunwind), mimalloc, libc (xstatic's strlen and qsort), or all")
      ->check(CLI::IsMember({std::string("all"),
                             std::string(runtimes::kind_info(runtimes::Kind::libcxx).build_choice),
                             std::string(runtimes::kind_info(runtimes::Kind::mimalloc).build_choice),
                             std::string(runtimes::kind_info(runtimes::Kind::libc_routines).build_choice)}))
      ->capture_default_str();
  build
      ->add_option("--runtimes-opt", args->variant,
                   "Which build: standard (what links use by default) or size (all -Oz; what -Os and -Oz "
                   "links use)")
      ->check(CLI::IsMember({"standard", "size"}))
      ->capture_default_str();
  build->add_option("--mimalloc-src", args->mimalloc_src,
                    "mimalloc's source: a tree or release tarball (default: Debian's source package)");
  build->add_option(
      "--llvm-src", args->llvm_src,
      "LLVM's source: an llvm-project tree or release tarball (default: Debian's source package)");
  build->add_option("-j,--jobs", args->jobs, "Parallel compile jobs (default: the number of CPUs)")
      ->check(CLI::Range(0, 4096));
  build->footer(
      "Examples:\n"
      "  xstatic runtimes build linux/arm64 linux/amd64\n"
      "  xstatic runtimes build linux/arm64 --runtime mimalloc     # the allocator alone (seconds)\n"
      "  xstatic runtimes build linux/arm64 --runtime libc         # xstatic's strlen and qsort (a second)\n"
      "  xstatic runtimes build linux/arm64 --runtimes-opt=size    # the -Oz build that -Os/-Oz links use\n"
      "  xstatic runtimes build linux/arm/v7 --llvm-src ~/src/llvm-project-19.1.7.src.tar.xz\n"
      "The target's sysroot must be installed first ('xstatic sysroot install linux/arm64').\n"
      "A failed build leaves nothing installed and prints where its log is.");
  build->callback([args] { run_build(*args); });

  auto json = std::make_shared<bool>(false);
  auto* list = cmd->add_subcommand("list", "What is built: target, triple, clang version, path");
  list->add_flag("--json", *json, "Print JSON (stable field names)");
  list->footer(
      "Runtimes are kept per clang major version (runtimes/llvm-<N>-r<recipe>/): a new clang builds new "
      "ones.");
  list->callback([json] { print_runtimes(*json); });

  add_transfer(cmd);
}

}  // namespace xstatic::cli
