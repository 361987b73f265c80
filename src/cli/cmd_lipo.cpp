// `xstatic lipo -o OUT IN...`: joins thin darwin files into a universal
// binary (xstatic/driver/lipo.hpp), then checks the result like a link.
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "xstatic/driver/lipo.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::cli {
namespace {

struct LipoArgs {
  std::vector<std::string> inputs;
  std::string output;
};

}  // namespace

void add_lipo(CLI::App& app) {
  auto a = std::make_shared<LipoArgs>();
  auto* cmd = app.add_subcommand("lipo", "Join thin macOS binaries (one per arch) into a universal binary");
  cmd->add_option("inputs", a->inputs, "Thin Mach-O files: executables, dylibs or objects")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", a->output, "The universal binary to write")->required();
  cmd->footer(
      "Build each architecture with its own target, then join them (llvm-lipo -create):\n\n"
      "  xstatic cc --target darwin/arm64 hello.c -o hello-arm64\n"
      "  xstatic cc --target darwin/amd64 hello.c -o hello-amd64\n"
      "  xstatic lipo -o hello hello-arm64 hello-amd64\n"
      "  xstatic inspect hello          # one report per slice\n\n"
      "See docs/darwin.md.");
  cmd->callback([a] {
    std::vector<std::filesystem::path> inputs(a->inputs.begin(), a->inputs.end());
    auto archs = driver::make_universal(inputs, a->output);
    // The written file is read back: what a user ships is what was checked.
    auto report = inspect::inspect_file(a->output);
    std::vector<std::string> written;
    for (const auto& slice : report.slices) written.push_back(slice.arch);
    if (written.size() != archs.size())
      throw Error(a->output + " has " + std::to_string(written.size()) + " slices, expected " +
                      std::to_string(archs.size()),
                  "run 'xstatic inspect " + a->output + "'", Exit::internal);
    if (!globals().quiet)
      std::fprintf(stderr, "xstatic: %s: universal binary (%s)\n", a->output.c_str(),
                   util::join(archs, ", ").c_str());
  });
}

}  // namespace xstatic::cli
