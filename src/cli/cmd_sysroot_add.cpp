// `xstatic sysroot add TARGET PACKAGE...` (xstatic/sysroot/add.hpp). It
// joins the `sysroot` command: add_sysroot() (cmd_sysroot.cpp) attaches it.
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/sysroot/add.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::cli {

void add_sysroot_add(CLI::App& sysroot_cmd) {
  struct Args {
    std::string target;
    std::vector<std::string> packages;
    std::string libc;
    std::string glibc;
    std::string debs;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = sysroot_cmd.add_subcommand(
      "add", "Add Debian -dev packages (and the libraries they need) to the glibc sysroot of TARGET");
  cmd->add_option("target", a->target, "Target, e.g. linux/arm64")->required();
  cmd->add_option("packages", a->packages, "Debian packages: zlib1g-dev libssl-dev libsqlite3-dev ...")
      ->required();
  add_libc_option(cmd, a->libc,
                  "glibc (required for Go-style names: musl sysroots take no Debian libraries)");
  cmd->add_option("--glibc", a->glibc,
                  "glibc floor: add the packages of that Debian release (2.31: bullseye)");
  cmd->add_option("--debs", a->debs, "Offline: take exactly these packages' .deb files from this folder")
      ->check(CLI::ExistingDirectory);
  cmd->footer(
      "Examples:\n"
      "  xstatic sysroot add linux/arm64 --libc glibc zlib1g-dev libssl-dev\n"
      "  eval \"$(xstatic env linux/arm64 --libc glibc)\" && make    # pkg-config finds them, static\n"
      "Dependencies that are libraries (libssl-dev -> libssl3) come too; the manifest records all.\n"
      "Debian builds its libraries against glibc (their .a files call glibc-only functions such\n"
      "as __snprintf_chk), so musl sysroots refuse them: build those from source with 'xstatic env'.");
  cmd->callback([a] {
    // The libc is chosen as everywhere else (musl unless --libc or a -gnu
    // triple says glibc), so that `sysroot add` and `cc` agree on the
    // sysroot; a musl target gets the reason it cannot take Debian's libraries.
    auto t = parse_target(a->target, a->libc, a->glibc);
    sysroot::AddOptions options;
    if (!a->debs.empty()) options.debs_dir = a->debs;
    options.quiet = globals().quiet;
    auto result = sysroot::add_packages(store(), t, a->packages, options);
    for (const auto& p : result.added) std::printf("added %s %s\n", p.name.c_str(), p.version.c_str());
    for (const auto& p : result.present) std::printf("present %s\n", p.c_str());
  });
}

}  // namespace xstatic::cli
