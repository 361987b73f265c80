// The compiler front end as main() reaches it (`xstatic cc|c++`, argv[0]
// names), and `xstatic install-links`, which makes those names.
#include <cstdio>

#include "commands.hpp"
#include "options.hpp"
#include "status.hpp"
#include "xstatic/driver/driver.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/links_store.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::cli {

int run_compiler(const driver::Caller& caller, std::vector<std::string> args) {
  return driver::compile(caller, std::move(args));
}

std::optional<int> run_binutil(std::string_view tool, const target::Target& t,
                               std::vector<std::string> args) {
  return driver::run_binutil(tool, t, args);
}

namespace {

// Without targets: every target whose sysroot is installed, else the host.
std::vector<target::Target> default_targets() {
  std::vector<target::Target> out;
  for (const auto& s : all_target_status())
    if (s.sysroot && sysroot::is_provisioned_by_xstatic(s.target) && s.target.row->default_variant)
      out.push_back(s.target);
  if (out.empty()) out.push_back(target::host());
  return out;
}

void install_links_command(const std::string& dir, const std::vector<std::string>& specs,
                           const std::string& libc) {
  auto wanted = target::libc_option(libc);
  std::vector<target::Target> targets;
  for (const auto& spec : specs) targets.push_back(target::parse(spec, wanted));
  if (targets.empty()) targets = default_targets();
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error("cannot find the xstatic binary (/proc/self/exe): " + ec.message(), {}, Exit::internal);
  auto store = cli::store();
  auto made = driver::install_links(dir, self, targets);
  sysroot::write_links_store(dir, store);  // the names use this store, whatever XSTATIC_HOME says later
  for (const auto& t : targets) {
    // <triple>-pkg-config, which ./configure --host=<triple> looks for on PATH.
    auto tools = integrate::try_describe(store, t, self);
    if (!tools) continue;  // a variant no program name carries (see integrate::launcher_prefix)
    integrate::write_pkg_config(*tools,
                                std::filesystem::path(dir) / (std::string(t.triple()) + "-pkg-config"));
    made.push_back(std::string(t.triple()) + "-pkg-config");
  }
  if (!globals().quiet) {
    for (const auto& t : targets)
      std::printf("%s (%s): %s-cc, %s-c++, %s-ar, ...\n", t.go_name().c_str(),
                  std::string(t.libc_name()).c_str(), std::string(t.triple()).c_str(),
                  std::string(t.triple()).c_str(), std::string(t.triple()).c_str());
    std::printf("%zu names in %s -> %s\nadd it to PATH: export PATH=\"%s:$PATH\"\n", made.size(), dir.c_str(),
                self.c_str(), dir.c_str());
  }
}

}  // namespace

void add_install_links(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "install-links", "Create compiler and binutils names (aarch64-linux-musl-cc) for build systems");
  auto dir = std::make_shared<std::string>();
  auto specs = std::make_shared<std::vector<std::string>>();
  auto libc = std::make_shared<std::string>();
  cmd->add_option("DIR", *dir, "Folder for the symlinks (created if needed)")->required();
  cmd->add_option("TARGET", *specs, "Targets (default: those with an installed sysroot, else this host)");
  add_libc_option(cmd, *libc, "C library of the targets given (musl or glibc)");
  cmd->footer(
      "Each target gets <triple>-cc, -c++, -gcc, -g++, -clang, -clang++ (xstatic as a compiler for it)\n"
      "and -ar, -ranlib, -strip, -objcopy, -nm, -objdump, -readelf, -size, -strings, -addr2line, -ld\n"
      "(the LLVM tools), plus the Go form linux-arm64-cc for the default libc, and <triple>-pkg-config\n"
      "(the sysroot's packages only). DIR remembers its store (DIR/.xstatic-store): the names use it\n"
      "even when XSTATIC_HOME is unset, and refuse to run when XSTATIC_HOME names another. With DIR on "
      "PATH,\n"
      "'./configure --host=aarch64-linux-musl' and 'make CC=aarch64-linux-musl-cc' just work.\n\n"
      "Examples:\n"
      "  xstatic install-links ~/.local/bin linux/arm64 linux/amd64\n"
      "  xstatic install-links /opt/cross linux/arm64 --libc glibc\n");
  cmd->callback([dir, specs, libc] { install_links_command(*dir, *specs, *libc); });
}

}  // namespace xstatic::cli
