// Universal (fat) Mach-O binaries: `xstatic lipo -o OUT IN...` joins thin
// darwin files, one per architecture, with LLVM's llvm-lipo. xstatic builds
// each slice with its own `xstatic cc --target darwin/<arch>` call (the
// clang driver's `-arch a -arch b` needs Apple's lipo), then joins them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace xstatic::driver {

// The architecture of each input, in order ("x86_64", "arm64"). Throws Error
// (Exit::usage) naming the file that is not a thin Mach-O file, or two inputs
// of the same architecture.
std::vector<std::string> lipo_slices(const std::vector<std::filesystem::path>& inputs);

// The llvm-lipo command that writes `output` from `inputs`.
std::vector<std::string> lipo_command(const std::string& llvm_lipo,
                                      const std::vector<std::filesystem::path>& inputs,
                                      const std::filesystem::path& output);

// Checks the inputs, runs llvm-lipo (throws Error when it is missing or
// fails) and returns the architectures of the slices written.
std::vector<std::string> make_universal(const std::vector<std::filesystem::path>& inputs,
                                        const std::filesystem::path& output);

}  // namespace xstatic::driver
