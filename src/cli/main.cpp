// xstatic's main(): the compiler front end is dispatched before CLI11 is
// touched, so that `xstatic cc -c` (called thousands of times by a build)
// does the least possible work before it execs clang.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "commands.hpp"
#include "xstatic/driver/driver.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/version.hpp"
#ifdef XSTATIC_BUNDLE
#include "xstatic/bundle/bundle.hpp"
#endif

namespace xstatic::cli {

namespace {

void setup_logging() {
  auto logger = spdlog::stderr_logger_st("xstatic");
  logger->set_pattern("xstatic: %l: %v");
  auto& g = globals();
  logger->set_level(g.quiet           ? spdlog::level::err
                    : g.verbosity > 1 ? spdlog::level::trace
                    : g.verbosity > 0 ? spdlog::level::debug
                                      : spdlog::level::info);
  spdlog::set_default_logger(logger);
}

// "xstatic sysroot import": the deepest subcommand the parse reached.
std::string command_path(const CLI::App& app) {
  std::string path = "xstatic";
  const CLI::App* cur = &app;
  while (!cur->get_subcommands().empty()) {
    cur = cur->get_subcommands().front();
    path += " " + cur->get_name();
  }
  return path;
}

int run_app(int argc, char** argv) {
  CLI::App app{
      "xstatic: static cross-compiling C/C++ driver.\n"
      "Go's 'compile is delivery' for C and C++: one command, one static binary, verified.\n\n"
      "  xstatic cc  --target linux/arm64 main.c   -o app\n"
      "  xstatic c++ --target linux/amd64 main.cpp -o app\n"
      "  GOOS=linux GOARCH=arm64 xstatic cc main.c -o app\n"
      "  xstatic verify app --target linux/arm64 --static\n",
      "xstatic"};
  app.require_subcommand(1);
  app.fallthrough();
  auto& g = globals();
  g.argv0 = argv[0];
  app.add_flag("-v,--verbose", g.verbosity, "More detail on stderr (-vv for trace)");
  app.add_flag("-q,--quiet", g.quiet, "No progress or notes; errors only");
  app.add_option("--store", g.store, "Sysroot/runtime store for this call (default: $XSTATIC_HOME)");
  app.set_version_flag("--version", std::string("xstatic ") + kVersion);
  app.footer(
      "Compile: 'xstatic cc|c++ [--target T] [clang flags...]' (see 'xstatic cc --xstatic-help').\n"
      "Exit codes: 0 ok, 1 check failed, 2 usage or unreadable input, 3 something missing, 70 internal.");

  add_targets(app);
  add_version(app);
  add_doctor(app);
  add_install_links(app);
  add_sysroot(app);
  add_sdk(app);
  add_lipo(app);
  add_inspect(app);
  add_verify(app);
  add_release(app);
  add_runtimes(app);
  add_pkg(app);
  add_integrate(app);
  add_binfmt(app);

  app.parse_complete_callback(setup_logging);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {  // a subcommand's own exit status (inspect, verify)
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Every other usage error: exit 2 and xstatic's one error format (not
    // CLI11's own codes 104-114 and its message), naming the help to read.
    throw Error(e.what(), "run '" + command_path(app) + " --help'", Exit::usage);
  }
  return 0;
}

// `xstatic [-q] [-v] [--store DIR] cc|c++ ARGS`: the global options before
// the compiler name are read here, since the compiler front end never
// reaches CLI11. --store becomes $XSTATIC_HOME (for this call and what it
// runs), -v is XSTATIC_VERBOSE=1 (print the clang command). Returns the
// index of "cc"/"c++" in argv, or 0 when argv is not such a command line.
int compiler_after_globals(int argc, char** argv) {
  std::optional<std::string> store;
  bool verbose = false;
  int i = 1;
  for (; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-q" || a == "--quiet") continue;
    if (a == "-v" || a == "-vv" || a == "--verbose") {
      verbose = true;
    } else if (a == "--store" && i + 1 < argc) {
      store = argv[++i];
    } else if (a.starts_with("--store=")) {
      store = std::string(a.substr(8));
    } else {
      break;
    }
  }
  if (i >= argc || (std::string_view(argv[i]) != "cc" && std::string_view(argv[i]) != "c++")) return 0;
  std::error_code ec;
  if (store && !store->empty()) ::setenv("XSTATIC_HOME", std::filesystem::absolute(*store, ec).c_str(), 1);
  if (verbose) ::setenv("XSTATIC_VERBOSE", "1", 1);
  return i;
}

int report(const Error& e) {
  std::fprintf(stderr, "xstatic: error: %s\n", e.what());
  if (!e.hint().empty()) std::fprintf(stderr, "  hint: %s\n", e.hint().c_str());
  return static_cast<int>(e.code());
}

}  // namespace
}  // namespace xstatic::cli

int main(int argc, char** argv) {
  using namespace xstatic;
#ifdef XSTATIC_BUNDLE
  // The bundle (docs/bundle.md): clang, cc1 and lld are this same executable,
  // told apart by argv[0] or a first -cc1 argument, before anything of xstatic's.
  if (auto rc = bundle::run_tool(argc, argv)) return *rc;
#endif
  try {
    // argv[0] is read here, once: a prefixed name (aarch64-linux-musl-cc)
    // gives the driver its target, a binutil's name its tool.
    std::string_view argv0 = argv[0];
    std::optional<target::Target> named_target;
    if (auto named = target::from_program_name(argv0)) {
      std::vector<std::string> args(argv + 1, argv + argc);
      if (auto language = driver::compiler_language(named->tool))
        return cli::run_compiler({*language, argv0, named->target}, std::move(args));
      if (auto rc = cli::run_binutil(named->tool, named->target, std::move(args))) return *rc;
      named_target = named->target;  // linux-arm64-xstatic cc ...: the prefix still names the target
    }
    if (int cc = cli::compiler_after_globals(argc, argv))
      return cli::run_compiler({*driver::compiler_language(argv[cc]), argv0, named_target},
                               std::vector<std::string>(argv + cc + 1, argv + argc));
    return cli::run_app(argc, argv);
  } catch (const Error& e) {
    return cli::report(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xstatic: internal error: %s\n", e.what());
    return static_cast<int>(Exit::internal);
  }
}
