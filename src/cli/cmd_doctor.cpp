// `xstatic doctor`: what this machine has for xstatic (clang, lld, the LLVM
// binutils, qemu-user, wine, the store and its sysroots), with versions, and the
// command that installs whatever is missing.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstdio>

#include "commands.hpp"
#include "options.hpp"
#include "status.hpp"
#include "xstatic/integrate/binfmt.hpp"
#include "xstatic/integrate/wine.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::cli {
namespace {

struct Tool {
  std::string name;     // what we looked for
  std::string path;     // "" when not found
  std::string version;  // first line of --version
  std::string package;  // Debian package that provides it
  bool required;        // the compiler front end cannot work without it
};

std::string first_version_line(const std::string& path) {
  util::RunOptions capture;
  capture.capture_stdout = capture.capture_stderr = true;
  try {
    auto r = util::run({path, "--version"}, capture);
    std::string text = r.out.empty() ? r.err : r.out;
    // "Debian clang version 19.1.7 (...)", "Debian LLD 19.1.7 (...)", "LLVM (...):\n  Debian LLVM
    // version 19.1.7": the line that says "version", else the first line.
    std::string first;
    for (auto line : util::split(text, '\n')) {
      auto start = line.find_first_not_of(' ');
      if (start == std::string_view::npos) continue;
      line.remove_prefix(start);
      if (line.find("version") != std::string_view::npos) return std::string(line);
      if (first.empty()) first = line;
    }
    if (!first.empty()) return first;
  } catch (const Error&) {
  }
  return "?";
}

Tool probe(std::string name, std::optional<std::string> path, std::string package, bool required) {
  Tool t{std::move(name), path.value_or(""), "", std::move(package), required};
  if (path) t.version = first_version_line(*path);
  return t;
}

std::vector<Tool> probe_tools(const store::Store& store) {
  std::vector<Tool> tools;
  if (auto clang = toolchain::try_find_clang(store)) {
    tools.push_back(probe("clang", clang->path, "clang-19", true));
    tools.push_back(probe("clang++", toolchain::cxx_driver(*clang), "clang-19", false));
  } else {
    tools.push_back(probe("clang", std::nullopt, "clang-19", true));
  }
  tools.push_back(probe("ld.lld", toolchain::find_llvm_tool("ld.lld"), "lld-19", true));
  for (const char* t :
       {"llvm-ar", "llvm-ranlib", "llvm-strip", "llvm-objcopy", "llvm-nm", "llvm-objdump", "llvm-readelf"})
    tools.push_back(probe(t, toolchain::find_llvm_tool(t), "llvm-19", false));
  std::vector<std::string> qemus;
  for (const auto& row : target::table())
    if (!row.qemu.empty() && std::find(qemus.begin(), qemus.end(), row.qemu) == qemus.end())
      qemus.emplace_back(row.qemu);
  for (const auto& q : qemus) tools.push_back(probe(q, util::find_program(q), "qemu-user-static", false));
  // Windows programs, found as `xstatic run` finds them.
  tools.push_back(probe("wine64", integrate::find_wine(true), "wine64", false));
  tools.push_back(probe("wine (32-bit)", integrate::find_wine(false), "wine32:i386", false));
  return tools;
}

std::vector<std::string> installed_sysroots(const store::Store& store) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(store.sysroots_dir(), ec))
    if (e.is_directory() && std::filesystem::exists(e.path() / store::kManifestName))
      out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string fix_command(const std::vector<Tool>& tools, bool no_sysroot) {
  std::vector<std::string> packages;
  for (const auto& t : tools)
    // An i386 package needs 'dpkg --add-architecture i386' first: the
    // machine owner's choice, left to docs/windows.md and `xstatic run`.
    if (t.path.empty() && !t.package.ends_with(":i386") &&
        std::find(packages.begin(), packages.end(), t.package) == packages.end())
      packages.push_back(t.package);
  std::string fix;
  if (!packages.empty()) {
    fix = "sudo apt-get install";
    for (const auto& p : packages) fix += " " + p;
  }
  if (no_sysroot)
    fix += std::string(fix.empty() ? "" : " && ") + "xstatic sysroot install linux/amd64 linux/arm64";
  return fix;
}

// Which binfmt_misc handler runs each foreign target's binaries exec'd by path
// (tests registered by path need one: 'xstatic binfmt install').
std::vector<std::string> binfmt_lines() {
  try {
    return integrate::binfmt_status(integrate::binfmt_default_targets());
  } catch (const Error& e) {
    return {e.what()};
  }
}

void print_json(const std::vector<Tool>& tools, const store::Store& store,
                const std::vector<std::string>& sysroots, const std::string& fix, bool ok) {
  llvm::json::OStream j(llvm::outs(), 2);
  j.object([&] {
    j.attribute("ok", ok);
    j.attributeArray("tools", [&] {
      for (const auto& t : tools)
        j.object([&] {
          j.attribute("name", t.name);
          j.attribute("path", t.path.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(t.path));
          j.attribute("version", t.version);
          j.attribute("package", t.package);
          j.attribute("required", t.required);
        });
    });
    j.attribute("store", store.root().string());
    j.attributeArray("sysroots", [&] {
      for (const auto& s : sysroots) j.value(s);
    });
    j.attributeArray("binfmt", [&] {
      for (const auto& line : binfmt_lines()) j.value(line);
    });
    j.attribute("fix", fix);
  });
  llvm::outs() << "\n";
}

void print_text(const std::vector<Tool>& tools, const store::Store& store,
                const std::vector<std::string>& sysroots, const std::string& fix) {
  for (const auto& t : tools)
    std::printf("%-22s %-40s %s\n", t.name.c_str(),
                t.path.empty() ? (t.required ? "MISSING" : "-") : t.path.c_str(), t.version.c_str());
  std::printf("\nstore     %s\nsysroots  %s\n", store.root().c_str(), sysroots.empty() ? "(none)" : "");
  for (const auto& s : sysroots) std::printf("  %s\n", s.c_str());
  std::printf("binfmt    (foreign binaries exec'd by path; 'sudo xstatic binfmt install' registers qemu)\n");
  for (const auto& line : binfmt_lines()) std::printf("  %s\n", line.c_str());
  if (!fix.empty()) std::printf("\nto install what is missing:\n  %s\n", fix.c_str());
}

void doctor(bool json) {
  auto store = cli::store();
  auto tools = probe_tools(store);
  auto sysroots = installed_sysroots(store);
  auto fix = fix_command(tools, sysroots.empty());
  bool ok =
      std::none_of(tools.begin(), tools.end(), [](const Tool& t) { return t.required && t.path.empty(); });
  if (json)
    print_json(tools, store, sysroots, fix, ok);
  else
    print_text(tools, store, sysroots, fix);
  if (!ok) throw Error("clang or lld is missing", fix, Exit::missing);
}

}  // namespace

void add_doctor(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "doctor", "Check clang, lld, LLVM tools, qemu-user and the store; print what to install");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print the findings as JSON (tools, store, sysroots, fix)");
  cmd->footer(
      "Exit status 3 when clang or lld is missing (the command to run is printed).\n"
      "Example:\n  xstatic doctor\n  xstatic doctor --json | jq -r .fix");
  cmd->callback([json] { doctor(*json); });
}

}  // namespace xstatic::cli
