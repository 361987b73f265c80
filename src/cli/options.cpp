// Options several subcommands share, parsed in one place so that they say
// the same thing everywhere: the store (--store) and the libc (--libc).
#include "options.hpp"

#include "xstatic/target/glibc_floor.hpp"

namespace xstatic::cli {

Globals& globals() {
  static Globals g;
  return g;
}

store::Store store_of(const Globals& g) {
  return store::Store::locate(g.store.empty() ? std::nullopt : std::optional<std::filesystem::path>(g.store));
}

store::Store store() {
  return store_of(globals());
}

util::ProgressOptions progress_options() {
  return {.quiet = globals().quiet,
          .prefix = {},
          .rewrite = globals().verbosity > 0 ? util::Rewrite::never : util::Rewrite::on_terminal,
          .out = nullptr};
}

void add_libc_option(CLI::App* cmd, std::string& libc, const std::string& description) {
  // No CLI11 check here: target::libc_option rejects a bad value with exit 2
  // and the hint every command shares (a CLI11 validator exits 105).
  cmd->add_option("--libc", libc, description);
}

target::Target parse_target(const std::string& spec, const std::string& libc, const std::string& glibc) {
  auto chosen = target::libc_option(libc);
  if (glibc.empty()) return target::parse(spec, chosen);
  if (!chosen && !target::split_glibc_suffix(spec)) chosen = target::Libc::glibc;
  return target::with_glibc_floor(target::parse(spec, chosen), glibc);
}

}  // namespace xstatic::cli
