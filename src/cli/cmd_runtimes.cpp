// `xstatic runtimes build|list`: libc++, libc++abi and libunwind for musl
// targets, built from LLVM's source once per target and clang version.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>

#include "commands.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::cli {
namespace {

sysroot::Store store() {
  const auto& g = globals();
  return sysroot::Store::locate(g.store.empty() ? std::nullopt
                                                : std::optional<std::filesystem::path>(g.store));
}

struct BuildArgs {
  std::vector<std::string> targets;
  std::string llvm_src;
  int jobs = 0;
};

void run_build(const BuildArgs& args) {
  auto s = store();
  runtimes::BuildOptions options{.llvm_src = args.llvm_src, .jobs = args.jobs, .clang = {}};
  for (const auto& spec : args.targets) {
    auto t = target::parse(spec);
    auto got = runtimes::build(s, t, options);
    if (!globals().quiet)
      std::printf("%s %s: %s\n", t.go_name().c_str(), got.built_now ? "built" : "already built",
                  got.root.string().c_str());
  }
}

void print_list(bool json) {
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
    std::printf("no C++ runtimes built yet: run 'xstatic runtimes build linux/arm64' (or any musl target)\n");
    return;
  }
  std::printf("%-14s %-24s %-6s %-8s %s\n", "TARGET", "TRIPLE", "CLANG", "LIBC++", "PATH");
  for (const auto& e : entries)
    std::printf("%-14s %-24s %-6s %-8s %s\n", e.target.c_str(), e.triple.c_str(), e.clang_version.c_str(),
                e.llvm_source.c_str(), e.root.string().c_str());
}

}  // namespace

void add_runtimes(CLI::App& app) {
  auto* cmd = app.add_subcommand("runtimes", "Build and list libc++/libc++abi/libunwind for musl targets");
  cmd->require_subcommand(1);
  cmd->footer(
      "C++ on musl uses LLVM's libc++, built once per target and clang version from LLVM's source\n"
      "(Debian's llvm-toolchain-<N> source package, through apt). glibc targets use Debian's\n"
      "libstdc++ and need nothing here. 'xstatic c++' builds what it needs on first use.");

  auto args = std::make_shared<BuildArgs>();
  auto* build = cmd->add_subcommand("build", "Build the C++ runtimes for musl targets (once; ~1 min each)");
  build->add_option("targets", args->targets, "Targets: linux/arm64, linux/amd64, aarch64-linux-musl, ...")
      ->required();
  build->add_option(
      "--llvm-src", args->llvm_src,
      "LLVM's source: an llvm-project tree or release tarball (default: Debian's source package)");
  build->add_option("-j,--jobs", args->jobs, "Parallel compile jobs (default: the number of CPUs)");
  build->footer(
      "Examples:\n"
      "  xstatic runtimes build linux/arm64 linux/amd64\n"
      "  xstatic runtimes build linux/arm/v7 --llvm-src ~/src/llvm-project-19.1.7.src.tar.xz\n"
      "The target's sysroot must be installed first ('xstatic sysroot install linux/arm64').\n"
      "A failed build leaves nothing installed and prints where its log is.");
  build->callback([args] { run_build(*args); });

  auto json = std::make_shared<bool>(false);
  auto* list = cmd->add_subcommand("list", "What is built: target, triple, clang version, path");
  list->add_flag("--json", *json, "Print JSON (stable field names)");
  list->footer(
      "Runtimes are kept per clang major version (runtimes/llvm-<N>/): a new clang builds new ones.");
  list->callback([json] { print_list(*json); });
}

}  // namespace xstatic::cli
