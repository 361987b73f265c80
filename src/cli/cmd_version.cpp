// `xstatic version`: this build's version and the LLVM it was built with.
#include <cstdio>

#include "commands.hpp"
#include "xstatic/version.hpp"

namespace xstatic::cli {

void add_version(CLI::App& app) {
  auto* cmd = app.add_subcommand("version", "Print xstatic's version and the LLVM it was built against");
  cmd->callback([] { std::printf("xstatic %s (LLVM %s)\n", kVersion, kLlvmVersion); });
}

}  // namespace xstatic::cli
