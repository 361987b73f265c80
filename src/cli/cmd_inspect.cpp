// `xstatic inspect FILE...`: what each file is (format, target, linkage,
// libraries, stripped, hazards), for people or as JSON. A file that cannot
// be read gets an error line and the others are still reported (exit 2).
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>

#include "commands.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/json.hpp"

namespace xstatic::cli {
namespace {

std::string error_json(const std::string& path, const Error& e) {
  return util::json_text([&](llvm::json::OStream& j) {
    j.object([&] {
      j.attribute("path", path);
      j.attribute("error", e.what());
    });
  });
}

int run_inspect(const std::vector<std::string>& files, bool json) {
  int rc = 0;
  std::vector<std::string> objects;
  for (const auto& file : files) {
    try {
      auto report = inspect::inspect_file(file);
      if (json)
        objects.push_back(inspect::to_json(report));
      else
        std::fputs((inspect::to_text(report) + (files.size() > 1 ? "\n" : "")).c_str(), stdout);
    } catch (const Error& e) {
      rc = static_cast<int>(Exit::usage);
      std::fprintf(stderr, "xstatic: error: %s\n", e.what());
      if (json) objects.push_back(error_json(file, e));
    }
  }
  if (json) {
    std::string out = "[";
    for (std::size_t i = 0; i < objects.size(); ++i) out += (i ? ",\n" : "\n") + objects[i];
    std::fputs((out + "\n]\n").c_str(), stdout);
  }
  return rc;
}

}  // namespace

void add_inspect(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("inspect", "Report what binaries are: format, target, linkage, libraries, hazards");
  auto files = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("files", *files, "ELF, Mach-O (thin or universal) or PE files")->required();
  cmd->add_flag("--json", *json, "Print a JSON array, one object per file (fields: docs/inspect.md)");
  cmd->footer(
      "Examples:\n"
      "  xstatic inspect app                 # linkage, interpreter, needed libraries, hazards\n"
      "  xstatic inspect dist/* --json | jq '.[] | {path, linkage, target}'\n"
      "Exit codes: 0 every file read, 2 some file could not be read or parsed (an error line each).\n"
      "To check a policy (static, stripped, target) use 'xstatic verify'.");
  cmd->callback([files, json] {
    int rc = run_inspect(*files, *json);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace xstatic::cli
