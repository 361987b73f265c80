// Placeholder until the integrate module's subcommands land; the integrate work replaces this file.
#include "commands.hpp"
namespace xstatic::cli {
void add_integrate(CLI::App&) {}
}  // namespace xstatic::cli
