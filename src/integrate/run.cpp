// `xstatic run`: which target a binary is for, and how to start it here.
// The inspector reads the header (ELF e_machine, class, data encoding name
// the row: https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html).
// qemu-user runs a static binary directly; a dynamic one also needs the
// target's libraries, which `-L <sysroot>` gives it when the sysroot is installed.
// A Windows .exe (PE) runs under wine (xstatic/integrate/wine.hpp), a
// WebAssembly module under a WASI runtime (xstatic/integrate/wasi.hpp).
#include "xstatic/integrate/run.hpp"

#include "xstatic/inspect/report.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/integrate/wasi.hpp"
#include "xstatic/integrate/wine.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::integrate {
namespace {

inspect::Report read_report(const std::filesystem::path& program) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(program, ec))
    throw Error(program.string() + ": no such file", "build it first, or give its path: xstatic run ./app");
  auto report = inspect::inspect_file(program);
  bool pe = report.format == target::ObjectFormat::coff && report.file_type != inspect::FileType::object;
  bool wasm = report.format == target::ObjectFormat::wasm;
  if (report.format != target::ObjectFormat::elf && !pe && !wasm)
    throw Error(
        program.string() + ": a " + std::string(inspect::format_name(report)) +
            " file; only Linux (ELF), Windows (PE, under wine) and WASI (wasm) programs can be run here",
        "build it for a Linux, Windows or WASI target: xstatic cc --target linux/arm64 ...");
  if (wasm && !report.target)
    throw Error(
        program.string() + ": a " + report.arch + " module; only wasm32 (wasip1/wasm) modules run here",
        "build it with: xstatic cc --target wasip1/wasm ...");
  if (pe && !report.target)
    throw Error(program.string() + ": a PE file for a machine no target has",
                "list the targets: xstatic targets");
  if (!report.target)
    throw Error(program.string() + ": ELF machine " + std::to_string(report.elf_machine) + " (" +
                    std::to_string(report.bits) + "-bit) is no known target",
                "list the targets: xstatic targets");
  return report;
}

target::Target target_of(const inspect::Report& report) {
  auto libc = report.libc;
  auto t = target::parse(*report.target);
  if (libc && (t.row->libcs & target::libc_bit(*libc))) t.libc = *libc;
  return t;
}

}  // namespace

target::Target target_of_binary(const std::filesystem::path& program) {
  return target_of(read_report(program));
}

RunPlan plan_run(const std::filesystem::path& program, const std::vector<std::string>& args,
                 const std::optional<target::Target>& explicit_target, const store::Store& store) {
  RunPlan plan;
  std::optional<inspect::Report> report;
  if (explicit_target) {
    plan.target = *explicit_target;
  } else {
    report = read_report(program);
    plan.target = target_of(*report);
  }
  // A bare name would be looked up on PATH by exec and by qemu alike; a file
  // in the current folder is what `xstatic run app` means.
  std::string path = program.string();
  std::error_code ec;
  if (path.find('/') == std::string::npos && std::filesystem::exists(program, ec)) path = "./" + path;
  auto runner = target::os_info(*plan.target.row).runner;
  if (runner == target::Runner::wasi) {
    plan.argv = wasi_runtime().prefix;
    plan.argv.push_back(path);
    plan.argv.insert(plan.argv.end(), args.begin(), args.end());
    return plan;
  }
  if (runner == target::Runner::wine) {
    auto wine = wine_for(plan.target, store);
    plan.argv = {wine.loader, path};
    plan.argv.insert(plan.argv.end(), args.begin(), args.end());
    plan.env = wine.env;
    plan.wine = wine;
    return plan;
  }
  auto emulator = emulator_for(plan.target);
  if (!emulator)
    throw Error(plan.target.go_name() + " binaries cannot run on this host (no emulator for " +
                    std::string(plan.target.row->goos) + ")",
                {}, Exit::missing);
  plan.native = emulator->empty();
  if (!plan.native) {
    const std::string& qemu = emulator->front();
    if (qemu.find('/') == std::string::npos)
      throw Error(qemu + " is not installed (it runs " + plan.target.go_name() + " binaries here)",
                  "sudo apt-get install qemu-user-static", Exit::missing);
    plan.argv = *emulator;
    if (report && !report->interpreter.empty()) {
      if (auto sysroot = sysroot::find(store, plan.target))
        plan.argv.insert(plan.argv.end(), {"-L", sysroot->string()});
    }
  }
  plan.argv.push_back(path);
  plan.argv.insert(plan.argv.end(), args.begin(), args.end());
  return plan;
}

void prepare_run(const RunPlan& plan, const store::Store& store) {
  if (plan.wine) ensure_wine_prefix(*plan.wine, store);
}

}  // namespace xstatic::integrate
