// Placeholder until the driver module's subcommands land; the driver work replaces this file.
#include "commands.hpp"
#include "xstatic/util/error.hpp"
namespace xstatic::cli {
void add_doctor(CLI::App&) {}
int run_compiler(std::string_view, std::string_view, std::vector<std::string>) {
  throw Error("the compiler front end is not built yet", {}, Exit::internal);
}
std::optional<int> run_binutil(std::string_view, std::vector<std::string>) { return std::nullopt; }
}  // namespace xstatic::cli
