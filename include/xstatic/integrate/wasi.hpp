// WASI runtimes run wasip1/wasm modules here (`xstatic run app.wasm`, and the
// emulator of the CMake toolchain file and Meson cross file).
//
// wasmtime is used when it is on PATH; else node (Debian's nodejs, 20 here),
// whose built-in node:wasi runs a preview 1 module through a short script
// given with -e: the module's arguments, the environment, the current folder
// preopened as "." (so relative paths work), and the exit status of
// proc_exit as node's own. --no-warnings hides node:wasi's ExperimentalWarning,
// which would otherwise be mixed into the program's stderr.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace xstatic::integrate {

struct WasiRuntime {
  std::string name;                 // "wasmtime" or "node"
  std::vector<std::string> prefix;  // what comes before the module and its arguments
};

// The node -e script that runs process.argv[1] with the rest as its arguments.
extern const char* const kNodeWasiScript;

// How node or wasmtime at `path` runs a module.
WasiRuntime node_runtime(const std::string& node_path);
WasiRuntime wasmtime_runtime(const std::string& wasmtime_path);

// wasmtime on PATH first, then node; nullopt when neither is there.
std::optional<WasiRuntime> find_wasi_runtime();

// find_wasi_runtime(), or Error (missing) with the command that installs one.
WasiRuntime wasi_runtime();

}  // namespace xstatic::integrate
