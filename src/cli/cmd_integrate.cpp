// `xstatic toolchain cmake|meson`, `xstatic env` and `xstatic run`: the
// build-system side of xstatic (module integrate).
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/driver/launcher.hpp"
#include "xstatic/integrate/generate.hpp"
#include "xstatic/integrate/launcher.hpp"
#include "xstatic/integrate/run.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::cli {
namespace {

struct TargetArgs {
  std::string spec;
  std::string libc;
  std::string malloc;  // toolchain and env only

  target::Target parse() const { return parse_target(spec, libc); }
};

void add_target_args(CLI::App* cmd, TargetArgs& args) {
  cmd->add_option("TARGET", args.spec, "linux/arm64, linux/arm/v7, aarch64-linux-gnu, ...")->required();
  add_libc_option(cmd, args.libc, "musl (default on Linux) or glibc");
}

void add_malloc_arg(CLI::App* cmd, TargetArgs& args) {
  cmd->add_option("--malloc", args.malloc,
                  "Allocator of every musl executable link: auto (default: mimalloc when it allocates), "
                  "musl, mimalloc")
      ->check(CLI::IsMember({"auto", "musl", "libc", "glibc", "mimalloc"}));
}

// The toolset for a target, with its launchers in place.
integrate::Toolset prepare(const target::Target& t, const std::string& malloc = {}) {
  auto tools = integrate::describe(store(), t, integrate::self_executable());
  tools.malloc = malloc;
  util::Progress progress(
      {.quiet = globals().quiet, .prefix = "xstatic: ", .rewrite = util::Rewrite::never, .out = nullptr});
  integrate::ensure_launchers(tools, [&](const std::string& line) { progress.note(line); });
  if (!tools.sysroot_installed)
    progress.warning("the sysroot for " + t.go_name() + " (" + std::string(t.libc_name()) +
                     ") is not installed yet: run '" + sysroot::install_command(t) + "'");
  return tools;
}

// --launcher ENGINE of `env` and `toolchain cmake|meson`: the engine and its program.
struct LauncherArg {
  std::string name;

  std::pair<driver::Launcher, std::string> resolve() const {
    if (name.empty()) return {driver::Launcher::none, {}};
    auto l = driver::launcher_choice(name);
    return {l, l == driver::Launcher::none ? std::string() : driver::find_launcher(l)};
  }
};

void add_launcher_arg(CLI::App* cmd, LauncherArg& arg) {
  cmd->add_option("--launcher", arg.name,
                  "Compile through ccache (outer, keyed by --print-fingerprint), sccache, distcc or icecc");
}

void emit(const std::string& text, const std::string& output) {
  if (output.empty() || output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  std::ofstream out(output, std::ios::trunc);
  out << text;
  if (!out) throw Error("cannot write " + output, {}, Exit::usage);
}

void add_toolchain(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("toolchain", "Print a CMake toolchain file or a Meson cross file for a target");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  xstatic toolchain cmake linux/arm64 -o arm64.cmake\n"
      "  cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=arm64.cmake && cmake --build build\n"
      "  xstatic toolchain meson linux/arm64 -o arm64.ini && meson setup build --cross-file arm64.ini\n"
      "  xstatic toolchain meson linux/arm64 --launcher ccache -o arm64.ini   # compiles through ccache\n"
      "Projects may instead vendor toolchains/linux-arm64.cmake (share/xstatic/toolchains when installed).");
  for (const char* kind : {"cmake", "meson"}) {
    auto args = std::make_shared<TargetArgs>();
    auto output = std::make_shared<std::string>();
    auto launcher = std::make_shared<LauncherArg>();
    auto* sub = cmd->add_subcommand(
        kind, std::string(kind == std::string("cmake") ? "CMake toolchain file" : "Meson cross file") +
                  " for TARGET (compilers, sysroot, find modes, emulator)");
    add_target_args(sub, *args);
    add_malloc_arg(sub, *args);
    sub->add_option("-o,--output", *output, "Write to FILE instead of stdout");
    bool is_cmake = std::string(kind) == "cmake";
    add_launcher_arg(sub, *launcher);
    sub->callback([args, output, is_cmake, launcher] {
      auto [engine, engine_path] = launcher->resolve();
      auto tools = prepare(args->parse(), args->malloc);
      emit(is_cmake ? integrate::cmake_toolchain(tools) + integrate::cmake_launcher(engine, engine_path)
                    : integrate::meson_cross_file(tools, integrate::compiler_prefix(engine, engine_path)),
           *output);
    });
  }
}

void add_env(CLI::App& app) {
  auto args = std::make_shared<TargetArgs>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("env", "Print CC, CXX, AR, PKG_CONFIG, ... for make and ./configure");
  add_target_args(cmd, *args);
  add_malloc_arg(cmd, *args);
  auto launcher = std::make_shared<LauncherArg>();
  cmd->add_flag("--json", *json, "One JSON object instead of shell exports");
  add_launcher_arg(cmd, *launcher);
  cmd->footer(
      "Examples:\n"
      "  eval \"$(xstatic env linux/arm64)\" && make\n"
      "  eval \"$(xstatic env linux/arm64)\" && ./configure --host=\"$XSTATIC_HOST\" && make\n"
      "  eval \"$(xstatic env linux/arm64 --launcher ccache)\" && make -j8   # docs/cache.md\n"
      "Every tool is one word (a link carrying the target), so build systems never split it.");
  cmd->callback([args, json, launcher] {
    auto [engine, engine_path] = launcher->resolve();
    auto tools = prepare(args->parse(), args->malloc);
    emit(*json ? integrate::env_json(tools, engine, engine_path)
               : integrate::env_shell(tools, engine, engine_path),
         "");
  });
}

void add_run(CLI::App& app) {
  auto args = std::make_shared<TargetArgs>();
  auto command = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand(
      "run",
      "Run a target binary here: natively, under its qemu-user emulator, under wine, or a WASI runtime");
  cmd->add_option("--target", args->spec, "The binary's target (default: read from its ELF/PE/wasm header)");
  cmd->add_option("command", *command, "PROGRAM ARGS...")->required();
  cmd->positionals_at_end();
  cmd->footer(
      "Examples:\n"
      "  xstatic run ./app --port 8080          # arm64 binary: runs under qemu-aarch64-static\n"
      "  xstatic run --target linux/arm -- ./app -v\n"
      "  xstatic run app.exe                     # Windows: under wine (WINEPREFIX, else <store>/wine)\n"
      "  xstatic run app.wasm a b                # WASI: wasmtime if on PATH, else node's node:wasi\n"
      "The exit status is the program's.");
  cmd->callback([args, command] {
    std::optional<target::Target> t;
    if (!args->spec.empty()) t = args->parse();
    std::vector<std::string> rest(command->begin() + 1, command->end());
    auto plan = integrate::plan_run(command->front(), rest, t, store());
    spdlog::debug("run {} binary: {}", plan.target.go_name(), plan.native ? "native" : plan.argv.front());
    integrate::prepare_run(plan, store());
    for (const auto& entry : plan.env) {
      auto eq = entry.find('=');
      ::setenv(entry.substr(0, eq).c_str(), entry.substr(eq + 1).c_str(), 1);
    }
    std::fflush(stdout);
    util::exec(plan.argv);
  });
}

}  // namespace

void add_integrate(CLI::App& app) {
  add_toolchain(app);
  add_env(app);
  add_run(app);
}

}  // namespace xstatic::cli
