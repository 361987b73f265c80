#include "xstatic/integrate/wasi.hpp"

#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::integrate {

// returnOnExit: proc_exit(n) returns n from start() instead of ending node
// at once, so the exit status is set like any other and stdout is flushed.
const char* const kNodeWasiScript =
    "const { WASI } = require('node:wasi');"
    "const fs = require('node:fs');"
    "const args = process.argv.slice(1);"
    "const wasi = new WASI({ version: 'preview1', args, env: process.env,"
    " preopens: { '.': '.' }, returnOnExit: true });"
    "const module = new WebAssembly.Module(fs.readFileSync(args[0]));"
    "const instance = new WebAssembly.Instance(module, wasi.getImportObject());"
    "process.exitCode = wasi.start(instance);";

WasiRuntime node_runtime(const std::string& node_path) {
  // Debian 12's nodejs (18) keeps node:wasi behind the flag; node 20 accepts it and needs it no more.
  return {"node",
          {node_path, "--no-warnings", "--experimental-wasi-unstable-preview1", "-e", kNodeWasiScript, "--"}};
}

WasiRuntime wasmtime_runtime(const std::string& wasmtime_path) {
  return {"wasmtime", {wasmtime_path, "run", "--dir=."}};
}

std::optional<WasiRuntime> find_wasi_runtime() {
  if (auto wasmtime = util::find_program("wasmtime")) return wasmtime_runtime(*wasmtime);
  if (auto node = util::find_program("node")) return node_runtime(*node);
  return std::nullopt;
}

WasiRuntime wasi_runtime() {
  if (auto found = find_wasi_runtime()) return *found;
  throw Error("no WASI runtime to run wasip1/wasm modules (neither wasmtime nor node is on PATH)",
              "sudo apt-get install nodejs (node 20's built-in node:wasi runs them), or put wasmtime on PATH",
              Exit::missing);
}

}  // namespace xstatic::integrate
