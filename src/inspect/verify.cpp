// `verify`: a policy applied to a report, one failure line per broken rule.
// The driver calls verify_file after every link; `xstatic verify` calls it
// for each file it is given.
#include "xstatic/inspect/verify.hpp"

#include "detail.hpp"
#include "macho_policy.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/verify_report.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect {
namespace {

std::string describe(const Report& r) {
  std::string s = r.target.value_or(r.arch.empty() ? std::string(format_name(r)) : r.arch);
  return s + " (" + r.format_name + ")";
}

void check_target(const Report& r, const target::Target& want, bool check_libc, Verdict& v) {
  const auto& row = *want.row;
  std::string expected = want.go_name();
  bool same_format = r.format == row.format;
  bool same_machine = r.format == target::ObjectFormat::elf
                          ? r.elf_machine == row.elf_machine && r.bits == (row.is_64bit ? 64u : 32u) &&
                                r.little_endian == row.little_endian
                          : r.target && *r.target == expected;
  if (!same_format || !same_machine) {
    v.failures.push_back("target: is " + describe(r) + ", expected " + expected);
    return;
  }
  if (row.format == target::ObjectFormat::macho) detail::check_min_os(r, want, v.failures);
  if (check_libc && r.libc && *r.libc != want.libc)
    v.failures.push_back("libc: is " + std::string(target::libc_name(*r.libc)) +
                         (r.interpreter.empty() ? "" : " (interpreter " + r.interpreter + ")") +
                         ", expected " + std::string(want.libc_name()));
}

std::string list(const std::vector<Library>& libs, bool only_foreign) {
  std::vector<std::string> names;
  for (const auto& l : libs)
    if (!only_foreign || !l.system) names.push_back(l.name + (l.kind == "delay" ? " (delay-load)" : ""));
  return util::join(names, ", ");
}

void check_static(const Report& r, Verdict& v) {
  if (r.linkage == Linkage::fully_static || r.linkage == Linkage::static_pie) {
    if (r.file_type == FileType::shared_object || r.file_type == FileType::bundle)
      v.failures.push_back("not an executable: " + std::string(name(r.file_type)));
    return;
  }
  if (r.linkage == Linkage::none) {
    v.failures.push_back("not linked: " + std::string(name(r.file_type)) + " file");
    return;
  }
  std::string why;
  if (r.format == target::ObjectFormat::elf) {
    why = r.needed.empty() ? "no needed libraries" : "needs " + util::join(r.needed, ", ");
    if (!r.interpreter.empty()) why += " (interpreter " + r.interpreter + ")";
    if (r.file_type == FileType::shared_object) why = "shared object, " + why;
  } else if (r.format == target::ObjectFormat::wasm && r.wasm) {
    why = detail::wasm_static_failure(*r.wasm);
  } else if (r.format == target::ObjectFormat::coff) {
    why = "imports " + list(r.imports, true);
  } else {
    why = "links " + list(r.dylibs, true);
  }
  v.failures.push_back("dynamic: " + why);
}

void check_stripped(const Report& r, Verdict& v) {
  if (r.stripped) return;
  std::vector<std::string> what;
  if (r.has_symtab) what.push_back("a symbol table (" + std::to_string(r.symbol_count) + " symbols)");
  if (!r.debug_sections.empty())
    what.push_back("debug sections (" + util::join(r.debug_sections, ", ") + ")");
  v.failures.push_back("not stripped: has " + util::join(what, " and "));
}

void check_one(const Report& r, const Policy& p, Verdict& v, const std::string& prefix) {
  Verdict one;
  // Whatever the policy, a file whose machine is unknown is not "ok".
  if (r.arch.empty() || r.arch == "unknown") one.failures.push_back("machine: unknown");
  if (p.target) check_target(r, *p.target, p.check_libc, one);
  if (p.require_static) check_static(r, one);
  if (p.require_stripped) check_stripped(r, one);
  if (p.max_glibc) detail::check_glibc_floor(r, *p.max_glibc, one.failures);
  for (const auto& h : r.hazards)
    (p.allow_hazards ? one.warnings : one.failures).push_back("hazard: " + h.reason);
  for (const auto& n : r.notes) one.warnings.push_back("note: " + n);
  for (auto& f : one.failures) v.failures.push_back(prefix + f);
  for (auto& w : one.warnings) v.warnings.push_back(prefix + w);
  v.hazards.insert(v.hazards.end(), r.hazards.begin(), r.hazards.end());
}

}  // namespace

Verdict verify_report(const Report& r, const Policy& p) {
  Verdict v;
  if (r.slices.empty()) {
    check_one(r, p, v, "");
  } else if (p.target) {  // a universal binary meets a target when one slice does
    const Report* match = nullptr;
    for (const auto& s : r.slices)
      if (s.target && *s.target == p.target->go_name()) match = &s;
    if (!match)
      v.failures.push_back("target: no " + p.target->go_name() + " slice in the universal binary");
    else
      check_one(*match, p, v, "slice " + match->arch + ": ");
  } else {
    for (const auto& s : r.slices) check_one(s, p, v, "slice " + s.arch + ": ");
  }
  v.ok = v.failures.empty();
  return v;
}

Verdict verify_file(const std::filesystem::path& file, const Policy& policy) {
  return verify_report(inspect_file(file), policy);
}

}  // namespace xstatic::inspect
