// `xstatic sdk import|list|remove|path`: thin parsing over xstatic/sysroot/sdk.hpp.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/sysroot/sdk.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::cli {
namespace {

struct SdkArgs {
  std::string path;
  std::string version;
  bool json = false;
};

void print_sdks(bool json) {
  auto s = store();
  auto sdks = sysroot::list_sdks(s);
  auto in_use = sysroot::find_sdk(s);
  if (json) {
    llvm::json::OStream j(llvm::outs(), 2);
    j.array([&] {
      for (const auto& sdk : sdks)
        j.object([&] {
          j.attribute("version", sdk.version);
          j.attribute("display_name", sdk.display_name);
          j.attribute("default_deployment_target", sdk.default_deployment);
          j.attribute("minimum_deployment_target", sdk.minimum_deployment);
          j.attributeArray("archs", [&] {
            for (const auto& a : sdk.archs) j.value(a);
          });
          j.attribute("path", sdk.path.string());
          j.attribute("in_use", in_use && *in_use == sdk.path);  // what darwin targets build with now
        });
    });
    llvm::outs() << "\n";
    return;
  }
  if (sdks.empty()) {
    std::fprintf(stderr, "no macOS SDK imported in %s (try 'xstatic sdk import /path/to/MacOSX.sdk')\n",
                 s.sdks_dir().c_str());
    return;
  }
  std::printf("%-9s %-8s %-8s %-16s %s\n", "VERSION", "DEFAULT", "MINIMUM", "ARCHS", "PATH");
  for (const auto& sdk : sdks)
    std::printf("%-9s %-8s %-8s %-16s %s%s\n", sdk.version.c_str(), sdk.default_deployment.c_str(),
                sdk.minimum_deployment.empty() ? "-" : sdk.minimum_deployment.c_str(),
                sdk.archs.empty() ? "-" : util::join(sdk.archs, ",").c_str(), sdk.path.c_str(),
                in_use && *in_use == sdk.path ? "  (in use)" : "");
  if (in_use && std::none_of(sdks.begin(), sdks.end(), [&](const auto& sdk) { return sdk.path == *in_use; }))
    std::printf("in use instead: %s ($XSTATIC_DARWIN_SDK or $SDKROOT)\n", in_use->c_str());
}

}  // namespace

void add_sdk(CLI::App& app) {
  auto a = std::make_shared<SdkArgs>();
  auto* cmd = app.add_subcommand("sdk", "Import, list and remove macOS SDKs (for the darwin targets)");
  cmd->require_subcommand(1);
  cmd->footer(
      "Apple's licence keeps the macOS SDK out of every package archive: bring your own\n"
      "(Xcode: $(xcrun --show-sdk-path) on a Mac) and import it into the store once.\n"
      "The darwin targets use $XSTATIC_DARWIN_SDK, else $SDKROOT, else the newest imported SDK.\n\n"
      "  xstatic sdk import ~/MacOSX14.sdk\n"
      "  xstatic cc --target darwin/arm64 hello.c -o hello\n"
      "  xstatic lipo -o hello hello-arm64 hello-amd64     # a universal binary\n\n"
      "See docs/darwin.md.");

  auto* imp = cmd->add_subcommand("import", "Copy the SDK folder PATH (default: $SDKROOT) into the store");
  imp->add_option("path", a->path, "The SDK folder: .../MacOSX14.sdk");
  imp->footer(
      "PATH must hold SDKSettings.json, usr/include and usr/lib/libSystem.tbd.\n"
      "Importing a version again replaces it; the copy is locked and atomic.");
  imp->callback([a] {
    std::string path = a->path;
    if (path.empty()) path = util::getenv_nonempty("SDKROOT").value_or("");
    if (path.empty())
      throw Error("no SDK folder given and $SDKROOT is not set", "xstatic sdk import /path/to/MacOSX.sdk",
                  Exit::usage);
    auto sdk = sysroot::import_sdk(store(), path, globals().quiet);
    std::printf("%s\n", sdk.path.c_str());
  });

  auto* list = cmd->add_subcommand("list", "List the imported SDKs, newest first");
  list->add_flag("--json", a->json, "Print JSON (stable field names)");
  list->callback([a] { print_sdks(a->json); });

  auto* path =
      cmd->add_subcommand("path", "Print the SDK the darwin targets use (exit 3 when there is none)");
  path->callback([] {
    auto found = sysroot::find_sdk(store());
    if (!found)
      throw Error("no macOS SDK: none imported and $SDKROOT is not set",
                  "xstatic sdk import /path/to/MacOSX.sdk", Exit::missing);
    std::printf("%s\n", found->c_str());
  });

  auto* remove = cmd->add_subcommand("remove", "Remove the imported SDK of VERSION");
  remove->add_option("version", a->version, "The SDK's version, as 'sdk list' shows it: 14.0")->required();
  remove->callback([a] {
    if (!sysroot::remove_sdk(store(), a->version))
      throw Error("no macOS " + a->version + " SDK is imported", "xstatic sdk list", Exit::missing);
  });
}

}  // namespace xstatic::cli
