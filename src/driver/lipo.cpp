// Joining thin Mach-O files into a universal binary (see xstatic/driver/lipo.hpp).
// The inputs are read with LLVM's Object library before llvm-lipo runs, so
// that a wrong input is named in xstatic's words rather than lipo's.
#include "xstatic/driver/lipo.hpp"

#include <llvm/Object/Binary.h>
#include <llvm/Object/MachO.h>
#include <llvm/Object/MachOUniversal.h>

#include <algorithm>

#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::driver {
namespace {

std::string first_line(const std::string& text) {
  auto end = text.find('\n');
  return text.substr(0, end);
}

std::string arch_of(const std::filesystem::path& file) {
  util::require_regular_file(file, "thin Mach-O file");  // a fifo would block the read forever
  auto binary = llvm::object::createBinary(file.string());
  if (!binary) {
    std::string why = llvm::toString(binary.takeError());
    throw Error("cannot read " + file.string() + ": " + why,
                "pass thin Mach-O files made by 'xstatic cc --target "
                "darwin/ARCH'",
                Exit::usage);
  }
  const auto* bin = binary->getBinary();
  if (llvm::isa<llvm::object::MachOUniversalBinary>(bin))
    throw Error(file.string() + " is already a universal binary", "pass the thin files it was made from",
                Exit::usage);
  const auto* macho = llvm::dyn_cast<llvm::object::MachOObjectFile>(bin);
  if (!macho)
    throw Error(file.string() + " is not a thin Mach-O file",
                "build it with 'xstatic cc --target darwin/arm64' or 'darwin/amd64'", Exit::usage);
  return macho->getArchTriple().getArchName().str();
}

}  // namespace

std::vector<std::string> lipo_slices(const std::vector<std::filesystem::path>& inputs) {
  if (inputs.size() < 2)
    throw Error("a universal binary needs at least two thin files (one per architecture)",
                "xstatic lipo -o app app-arm64 app-amd64", Exit::usage);
  std::vector<std::string> archs;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::string arch = arch_of(inputs[i]);
    auto same = std::find(archs.begin(), archs.end(), arch);
    if (same != archs.end())
      throw Error(inputs[i].string() + " and " +
                      inputs[static_cast<std::size_t>(same - archs.begin())].string() + " are both " + arch +
                      ": a universal binary holds one slice per architecture",
                  "pass one file per architecture", Exit::usage);
    archs.push_back(std::move(arch));
  }
  return archs;
}

std::vector<std::string> lipo_command(const std::string& llvm_lipo,
                                      const std::vector<std::filesystem::path>& inputs,
                                      const std::filesystem::path& output) {
  std::vector<std::string> cmd{llvm_lipo, "-create"};
  for (const auto& in : inputs) cmd.push_back(in.string());
  cmd.insert(cmd.end(), {"-output", output.string()});
  return cmd;
}

std::vector<std::string> make_universal(const std::vector<std::filesystem::path>& inputs,
                                        const std::filesystem::path& output) {
  auto archs = lipo_slices(inputs);
  auto llvm_lipo = toolchain::find_llvm_tool("llvm-lipo");
  if (!llvm_lipo)
    throw Error("llvm-lipo not found (llvm-lipo-19 or llvm-lipo on PATH)", "sudo apt-get install llvm-19",
                Exit::missing);
  util::RunOptions options;
  options.capture_stderr = true;
  auto result = util::run(lipo_command(*llvm_lipo, inputs, output), options);
  if (result.exit_code != 0)
    throw Error("llvm-lipo could not write " + output.string() + ": " + first_line(result.err),
                "check that every input is a darwin executable or object of its own architecture",
                Exit::failed);
  return archs;
}

}  // namespace xstatic::driver
