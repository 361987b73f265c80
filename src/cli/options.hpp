// Options several subcommands share (options.cpp). Kept apart from
// commands.hpp so that the unit tests can build options.cpp alone.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "commands.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::cli {

// The store this call uses: --store DIR, else $XSTATIC_HOME, else the default.
store::Store store_of(const Globals& g);
store::Store store();  // store_of(globals())

// The progress of a long command (pkg install, runtimes build): steps
// rewritten in place on a terminal, nothing with -q; plain lines with -v,
// whose debug lines would otherwise land inside an open step line.
util::ProgressOptions progress_options();

// Registers --libc; parse_target reads it with target::libc_option.
void add_libc_option(CLI::App* cmd, std::string& libc, const std::string& description);

// TARGET and --libc (and --glibc, a floor: it implies --libc glibc) as
// given: throws xstatic::Error (Exit::usage) on any of them.
target::Target parse_target(const std::string& spec, const std::string& libc, const std::string& glibc = {});

}  // namespace xstatic::cli
