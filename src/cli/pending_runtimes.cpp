// Placeholder until the runtimes module's subcommands land; the runtimes work replaces this file.
#include "commands.hpp"
namespace xstatic::cli {
void add_runtimes(CLI::App&) {}
}  // namespace xstatic::cli
