// Subcommands whose modules are still being written register nothing yet.
#include "commands.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::cli {
void add_doctor(CLI::App&) {}
void add_sysroot(CLI::App&) {}
void add_inspect(CLI::App&) {}
void add_verify(CLI::App&) {}
void add_runtimes(CLI::App&) {}
void add_integrate(CLI::App&) {}
int run_compiler(std::string_view, std::string_view, std::vector<std::string>) {
  throw Error("the compiler front end is not built yet", {}, Exit::internal);
}
std::optional<int> run_binutil(std::string_view, std::vector<std::string>) { return std::nullopt; }
}  // namespace xstatic::cli
