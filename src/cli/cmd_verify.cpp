// `xstatic verify FILE...`: applies a policy (static, stripped, target, no
// hazards) to every file; one line per file: "FILE: ok (what it is)", or for
// a failing file its reasons (-q: failing files only). Exit 0 when all pass, 1 when any fails, 2 when any
// cannot be read (2 wins over 1: an unreadable artefact is the bigger problem).
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cstdio>

#include "commands.hpp"
#include "options.hpp"
#include "xstatic/inspect/glibc_version.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/verify_report.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::cli {
namespace {

struct Options {
  std::vector<std::string> files;
  std::string target;
  std::string libc;
  bool require_static = false;
  bool stripped = false;
  bool allow_hazards = false;
  bool json = false;
  std::string max_glibc;
};

inspect::Policy policy_of(const Options& o) {
  inspect::Policy p;
  auto libc = target::libc_option(o.libc);
  if (!o.target.empty()) p.target = target::parse(o.target, libc);
  // A Go-style name (linux/amd64) names an OS and an architecture, not a C
  // library: a static glibc file is a linux/amd64 file too. A triple
  // (x86_64-linux-musl) or --libc names one, and then it is checked.
  p.check_libc = libc.has_value() || o.target.find('/') == std::string::npos;
  p.require_static = o.require_static;
  p.require_stripped = o.stripped;
  p.allow_hazards = o.allow_hazards;
  if (!o.max_glibc.empty()) {
    if (!inspect::is_glibc_version(o.max_glibc))
      throw Error("--max-glibc " + o.max_glibc + ": not a glibc version",
                  "write it as glibc does: --max-glibc 2.31", Exit::usage);
    if (p.target && !target::libc_info(p.target->libc).release_floors && p.check_libc)
      throw Error("--max-glibc is a floor for glibc binaries; " + p.target->describe() + " uses " +
                      std::string(p.target->libc_name()),
                  "drop --max-glibc, or name a glibc target: --target linux/amd64 --libc glibc", Exit::usage);
    p.max_glibc = o.max_glibc;
  }
  return p;
}

void json_result(llvm::json::OStream& j, const std::string& file, const inspect::Verdict* v,
                 const char* error) {
  j.object([&] {
    j.attribute("path", file);
    j.attribute("ok", v && v->ok);
    j.attributeArray("failures", [&] {
      if (v)
        for (const auto& f : v->failures) j.value(f);
    });
    j.attributeArray("warnings", [&] {
      if (v)
        for (const auto& w : v->warnings) j.value(w);
    });
    j.attribute("error", error ? llvm::json::Value(error) : nullptr);
  });
}

// "linux/arm64 musl, static, stripped, malloc: mimalloc 2.0.9": what a passing file was found to be.
std::string summary(const inspect::Report& r) {
  std::string out = r.target.value_or(r.arch);
  if (r.libc) out += " " + std::string(target::libc_name(*r.libc));
  out += ", " + std::string(r.linkage == inspect::Linkage::none ? name(r.file_type) : name(r.linkage));
  if (!r.glibc_max.empty()) out += ", needs glibc " + r.glibc_max;
  out += r.stripped ? ", stripped" : ", not stripped";
  if (!r.allocator.empty() && r.allocator != "unknown") out += ", malloc: " + r.allocator;
  return out;
}

int run_verify(const Options& o) {
  auto policy = policy_of(o);
  bool any_failed = false, any_unreadable = false;
  llvm::json::OStream j(llvm::outs(), 2);
  if (o.json) j.arrayBegin();
  for (const auto& file : o.files) {
    try {
      auto report = inspect::inspect_file(file);
      auto verdict = inspect::verify_report(report, policy);
      any_failed |= !verdict.ok;
      if (o.json) {
        json_result(j, file, &verdict, nullptr);
        continue;
      }
      // One line per file; a failing file's reasons joined on its line, so
      // `grep -v ': ok ('` (or -q) leaves one line per failing artefact.
      if (!verdict.ok)
        std::printf("%s: %s\n", file.c_str(), util::join(verdict.failures, "; ").c_str());
      else if (!globals().quiet)
        std::printf("%s: ok (%s)\n", file.c_str(), summary(report).c_str());
      for (const auto& w : verdict.warnings)
        std::fprintf(stderr, "xstatic: warning: %s: %s\n", file.c_str(), w.c_str());
    } catch (const Error& e) {
      any_unreadable = true;
      if (o.json)
        json_result(j, file, nullptr, e.what());
      else
        std::fprintf(stderr, "xstatic: error: %s\n", e.what());
    }
  }
  if (o.json) {
    j.arrayEnd();
    llvm::outs() << "\n";
  }
  llvm::outs().flush();
  return any_unreadable ? static_cast<int>(Exit::usage) : any_failed ? static_cast<int>(Exit::failed) : 0;
}

}  // namespace

void add_verify(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("verify", "Check binaries against a policy: static, stripped, target, no hazards");
  auto o = std::make_shared<Options>();
  cmd->add_option("files", o->files, "Files to check (a release's whole dist/ folder)")->required();
  cmd->add_option("--target", o->target,
                  "Must be built for this target (linux/arm64, x86_64-w64-mingw32, ...)");
  add_libc_option(
      cmd, o->libc,
      "With --target: the libc it must use (musl, glibc); a triple names one, linux/amd64 does not");
  cmd->add_flag("--static", o->require_static,
                "Must be static: ELF static or static-pie; Mach-O linking only libSystem; PE importing only "
                "Windows DLLs");
  cmd->add_flag("--stripped", o->stripped, "Must have no symbol table and no debug sections");
  cmd->add_flag(
      "--allow-hazards", o->allow_hazards,
      "Report hazards (static glibc NSS/dlopen/iconv, executable stack, text relocations) as warnings");
  cmd->add_option("--max-glibc", o->max_glibc,
                  "Must run on this glibc and newer (2.31): only glibc's own libraries dynamic, its "
                  "standard loader, no symbol version above it (each one named); static files pass");
  cmd->add_flag("--json", o->json, "Print a JSON array: {path, ok, failures, warnings, error} per file");
  cmd->footer(
      "Examples:\n"
      "  xstatic verify app --target linux/arm64 --static\n"
      "  xstatic -q verify dist/* --static --stripped     # one line per failing file\n"
      "  xstatic verify --max-glibc 2.31 app               # any ELF: runs on glibc 2.31 and newer?\n"
      "Output: one line per file, 'FILE: ok (linux/arm64 musl, static, stripped)' or\n"
      "'FILE: REASON[; REASON...]' (-q: failing files only), e.g.\n"
      "  dist/app: dynamic: needs libc.so.6 (interpreter /lib/ld-linux-aarch64.so.1)\n"
      "Exit codes: 0 every file passes, 1 some file fails the policy, 2 some file cannot be read.");
  cmd->callback([o] {
    int rc = run_verify(*o);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace xstatic::cli
