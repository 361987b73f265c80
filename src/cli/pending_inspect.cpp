// Placeholder until the inspect module's subcommands land; the inspect work replaces this file.
#include "commands.hpp"
namespace xstatic::cli {
void add_inspect(CLI::App&) {}
void add_verify(CLI::App&) {}
}  // namespace xstatic::cli
