// The cli layer: one thin file per subcommand, each parsing its options and
// calling one module. Only this layer prints for the user and catches
// xstatic::Error (see CONTRIBUTING.md).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/target/target.hpp"

namespace xstatic::driver {
struct Caller;
}

namespace xstatic::cli {

// Options every subcommand shares.
struct Globals {
  int verbosity = 0;   // -v, -vv
  bool quiet = false;  // -q: no progress, no notes
  std::string store;   // --store DIR: overrides $XSTATIC_HOME for this call
  std::string argv0;   // how we were called
};

Globals& globals();

// Each registers one subcommand (and its own sub-subcommands) on the app.
void add_targets(CLI::App& app);
void add_version(CLI::App& app);
void add_doctor(CLI::App& app);
void add_install_links(CLI::App& app);  // cmd_compile.cpp, beside the compiler front end
void add_sysroot(CLI::App& app);
void add_inspect(CLI::App& app);
void add_verify(CLI::App& app);
void add_runtimes(CLI::App& app);
void add_pkg(CLI::App& app);        // cmd_pkg.cpp: packages built from Debian sources
void add_integrate(CLI::App& app);  // toolchain, env, run
void add_binfmt(CLI::App& app);
void add_sysroot_add(CLI::App& sysroot_cmd);  // cmd_sysroot_add.cpp, called by add_sysroot
void add_release(CLI::App& app);              // cmd_release.cpp
void add_sdk(CLI::App& app);                  // cmd_sdk.cpp: macOS SDKs
void add_lipo(CLI::App& app);                 // cmd_lipo.cpp: universal Mach-O binaries

// The compiler front end, reached as `xstatic cc|c++ ARGS` or through argv[0]
// (aarch64-linux-musl-cc). Does not return normally on compile-only calls.
int run_compiler(const driver::Caller& caller, std::vector<std::string> args);

// Binutils-style names (aarch64-linux-musl-ar): exec the matching LLVM tool.
// Returns nullopt when `tool` is not one of them.
std::optional<int> run_binutil(std::string_view tool, const target::Target& t, std::vector<std::string> args);

}  // namespace xstatic::cli
