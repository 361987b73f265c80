// `xstatic targets`: the target table, like `go tool dist list` but with
// triples, Debian architectures and what is ready on this machine.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>

#include "commands.hpp"
#include "status.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::cli {
namespace {

llvm::StringRef str(std::string_view s) {
  return {s.data(), s.size()};
}
llvm::StringRef str(const std::string& s) {
  return s;
}

void print_json(const std::vector<TargetStatus>& rows) {
  llvm::json::OStream j(llvm::outs(), 2);
  j.array([&] {
    for (const auto& s : rows) {
      const auto& r = *s.target.row;
      j.object([&] {
        j.attribute("name", str(s.target.go_name()));
        j.attribute("goos", str(r.goos));
        j.attribute("goarch", str(r.goarch));
        j.attribute("variant", str(r.variant));
        j.attribute("libc", str(s.target.libc_name()));
        j.attribute("triple", str(s.target.triple()));
        j.attribute("debian_arch", str(r.debian_arch));
        j.attribute("format", str(target::format_name(r.format)));
        j.attribute("elf_machine", r.elf_machine);
        j.attribute("bits", r.is_64bit ? 64 : 32);
        j.attribute("endian", r.little_endian ? "little" : "big");
        j.attribute("qemu", str(r.qemu));
        j.attribute("cflags", str(r.cflags));
        j.attributeArray("languages", [&] {
          if (r.languages & target::kC) j.value("c");
          if (r.languages & target::kCxx) j.value("c++");
        });
        j.attribute("sysroot", s.sysroot ? llvm::json::Value(s.sysroot->string()) : nullptr);
        j.attribute("cxx_runtime", s.cxx_runtime);
        j.attribute("allocator", s.allocator);
        j.attribute("runner", s.runner);
        j.attribute("ready", s.ready());
        j.attribute("sysroot_current", s.sysroot && !s.sysroot_outdated);
        j.attribute("missing", s.missing);
        j.attribute("fix", s.fix);
      });
    }
  });
  llvm::outs() << "\n";
}

void print_table(const std::vector<TargetStatus>& rows) {
  std::printf("%-16s %-6s %-24s %-8s %-5s %-18s %-20s %-20s %s\n", "TARGET", "LIBC", "TRIPLE", "DEBIAN",
              "FMT", "C++", "MALLOC", "RUN", "STATUS");
  for (const auto& s : rows) {
    const auto& r = *s.target.row;
    std::string status = !s.ready()           ? "missing " + s.missing + ": " + s.fix
                         : s.sysroot_outdated ? "ready, sysroot outdated: " + s.fix
                                              : "ready";
    std::printf("%-16s %-6s %-24s %-8s %-5s %-18s %-20s %-20s %s\n", s.target.go_name().c_str(),
                std::string(s.target.libc_name()).c_str(), std::string(s.target.triple()).c_str(),
                r.debian_arch.empty() ? "-" : std::string(r.debian_arch).c_str(),
                std::string(target::format_name(r.format)).c_str(), s.cxx_runtime.c_str(),
                s.allocator.c_str(), s.runner.c_str(), status.c_str());
  }
}

}  // namespace

void add_targets(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("targets", "List every target, its triples and what is ready on this machine");
  auto json = std::make_shared<bool>(false);
  auto ready_only = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print the table as JSON (stable field names)");
  cmd->add_flag("--ready", *ready_only, "Only targets that can build here now");
  cmd->footer(
      "Each Linux target has a musl (default) and a glibc row. A target is ready when its\n"
      "sysroot is installed; STATUS prints the command that installs what is missing.");
  cmd->callback([json, ready_only] {
    auto rows = all_target_status();
    if (*ready_only) std::erase_if(rows, [](const TargetStatus& s) { return !s.ready(); });
    if (*json)
      print_json(rows);
    else
      print_table(rows);
  });
}

}  // namespace xstatic::cli
