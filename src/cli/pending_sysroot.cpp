// Placeholder until the sysroot module's subcommands land; the sysroot work replaces this file.
#include "commands.hpp"
namespace xstatic::cli {
void add_sysroot(CLI::App&) {}
}  // namespace xstatic::cli
