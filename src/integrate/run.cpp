// `xstatic run`: which target a binary is for, and how to start it here.
// The ELF header's e_machine, class and data encoding name the row
// (https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html); LLVM's
// Object library reads them so that no header is cast from raw bytes.
#include "xstatic/integrate/run.hpp"

#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Error.h>

#include "xstatic/integrate/toolset.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::integrate {

target::Target target_of_binary(const std::filesystem::path& program) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(program, ec))
    throw Error(program.string() + ": no such file", "build it first, or give its path: xstatic run ./app");
  auto binary = llvm::object::ObjectFile::createObjectFile(program.string());
  if (!binary) {
    std::string why = llvm::toString(binary.takeError());
    throw Error(program.string() + ": cannot read it as an executable (" + why + ")",
                "give the target yourself: xstatic run --target linux/arm64 -- " + program.string());
  }
  const auto* elf = llvm::dyn_cast<llvm::object::ELFObjectFileBase>(binary->getBinary());
  if (!elf)
    throw Error(program.string() + ": not an ELF file; only Linux binaries can be run",
                "build it for a Linux target: xstatic cc --target linux/arm64 ...");
  bool is_64bit = elf->getBytesInAddress() == 8;
  const target::Row* row = target::find_by_elf(elf->getEMachine(), is_64bit, elf->isLittleEndian());
  if (!row)
    throw Error(program.string() + ": ELF machine " + std::to_string(elf->getEMachine()) + " (" +
                    (is_64bit ? "64" : "32") + "-bit) is no known target",
                "list the targets: xstatic targets");
  return {row, target::default_libc(*row)};
}

RunPlan plan_run(const std::filesystem::path& program, const std::vector<std::string>& args,
                 const std::optional<target::Target>& explicit_target) {
  RunPlan plan;
  plan.target = explicit_target ? *explicit_target : target_of_binary(program);
  // A bare name would be looked up on PATH by exec and by qemu alike; a file
  // in the current folder is what `xstatic run app` means.
  std::string path = program.string();
  if (path.find('/') == std::string::npos && std::filesystem::exists(program)) path = "./" + path;
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
  }
  plan.argv.push_back(path);
  plan.argv.insert(plan.argv.end(), args.begin(), args.end());
  return plan;
}

}  // namespace xstatic::integrate
