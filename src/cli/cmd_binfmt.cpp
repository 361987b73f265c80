// `xstatic binfmt install [TARGET...] | remove [TARGET...] | status`: the
// kernel runs foreign binaries exec'd by path through qemu-user (module
// integrate, xstatic/integrate/binfmt.hpp).
#include <cstdio>

#include "commands.hpp"
#include "xstatic/integrate/binfmt.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::cli {
namespace {

std::vector<target::Target> targets_of(const std::vector<std::string>& specs) {
  if (specs.empty()) return integrate::binfmt_default_targets();
  std::vector<target::Target> out;
  for (const auto& spec : specs) out.push_back(target::parse(spec));
  return out;
}

void print(const std::vector<std::string>& lines, bool always) {
  if (globals().quiet && !always) return;
  for (const auto& line : lines) std::printf("%s\n", line.c_str());
}

}  // namespace

void add_binfmt(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "binfmt", "Let the kernel run target binaries exec'd by path, through qemu-user (binfmt_misc)");
  cmd->require_subcommand(1);
  cmd->footer(
      "CMake wraps only tests registered by target name with CMAKE_CROSSCOMPILING_EMULATOR;\n"
      "add_test(COMMAND ${dir}/t), test runners in Python or shell and ./configure's own runs exec\n"
      "the foreign binary directly. A binfmt_misc handler makes that work. Handlers are named\n"
      "xstatic-qemu-<arch>, registered with the F (fix-binary) flag so containers share them, and\n"
      "are global to the machine (from Linux 6.7: to the user namespace) until removed.\n\n"
      "Examples:\n"
      "  sudo xstatic binfmt install linux/arm64      # then: ctest, meson test, ./app\n"
      "  xstatic binfmt status\n"
      "  sudo xstatic binfmt remove                   # every handler xstatic registered");
  struct Specs {
    std::vector<std::string> install, remove, status;
  };
  auto specs = std::make_shared<Specs>();
  auto* install =
      cmd->add_subcommand("install", "Register qemu-user for TARGETs (default: every foreign Linux target)");
  install->add_option("TARGET", specs->install, "linux/arm64, linux/arm/v7, ...");
  install->callback([specs] { print(integrate::binfmt_install(targets_of(specs->install)), false); });
  auto* remove = cmd->add_subcommand("remove", "Remove xstatic's handlers (those of TARGETs, or all)");
  remove->add_option("TARGET", specs->remove, "linux/arm64, ...");
  remove->callback([specs] {
    std::vector<target::Target> targets;
    for (const auto& spec : specs->remove) targets.push_back(target::parse(spec));
    print(integrate::binfmt_remove(targets), false);
  });
  auto* status = cmd->add_subcommand("status", "Show which handler runs each target's binaries");
  status->add_option("TARGET", specs->status, "linux/arm64, ...");
  status->callback([specs] { print(integrate::binfmt_status(targets_of(specs->status)), true); });
}

}  // namespace xstatic::cli
