// Static glibc hazards. glibc's NSS (getpwnam, getaddrinfo...), iconv and
// dlopen load shared objects of the *build* machine's glibc at run time even
// from a static program; on another machine they fail or crash
// (https://sourceware.org/glibc/wiki/FAQ#Even_statically_linked_programs_need_some_shared_libraries...).
//
// Measured with Debian 12's glibc 2.36 (clang -static): every static program
// carries gconv (iconv) and _dl_open, because stdio's wide-character paths
// reach them; since glibc 2.34 merged libdl, even the public dlopen symbol is
// in every static program. NSS only comes with the functions that use it, and
// iconv_open only when called. So the mere machinery is a note, and a hazard
// is what the program itself calls: iconv_open or any NSS code (a program's
// own dlopen calls cannot be told apart from the machinery by symbols). The evidence is
// symbol names when there is a symbol table, else strings of the read-only
// data that the machinery cannot do without (for dlopen and iconv those are
// in every static glibc program, so stripped files only get a note).

#include "detail.hpp"

namespace xstatic::inspect::detail {
namespace {

struct Probe {
  HazardKind kind;
  const char* what;
  std::initializer_list<const char*>
      called;  // the program uses it: a hazard (names, or prefixes ending in '*')
  std::initializer_list<const char*> machinery;  // only carried along: a note
  std::initializer_list<const char*> strings;    // evidence when stripped
  bool strings_mean_called;                      // whether that evidence is a hazard or a note
};

const Probe kProbes[] = {
    {HazardKind::nss,
     "NSS (getpwnam, getaddrinfo...: loads libnss_*.so of the build machine's glibc at run time)",
     {"__nss_database_get", "__nss_lookup_function", "__nss_*", "_nss_files_*"},
     {},
     {"/etc/nsswitch.conf", "libnss_%s.so"},
     true},
    {HazardKind::dlopen,
     "dlopen (loads shared objects that must match the build machine's glibc)",
     {},
     {"dlopen", "_dl_open", "__libc_dlopen_mode", "__dlopen"},
     {"invalid mode for dlopen()"},
     false},
    {HazardKind::iconv,
     "iconv/gconv (loads gconv modules of the build machine's glibc for most charsets)",
     {"iconv_open"},
     {"__gconv_open"},
     {"gconv-modules"},
     false},
};

const char* const kGlibcSymbols[] = {"__libc_start_call_main", "_dl_relocate_static_pie", "__libc_setup_tls"};
const char* const kGlibcStrings[] = {"GLIBC_TUNABLES"};

bool symbol_matches(llvm::StringRef name, llvm::StringRef pattern) {
  if (pattern.ends_with("*")) return name.starts_with(pattern.drop_back());
  return name == pattern;
}

std::optional<std::string> find_symbol(llvm::ArrayRef<llvm::StringRef> symbols,
                                       std::initializer_list<const char*> patterns) {
  for (llvm::StringRef name : symbols)
    for (const char* p : patterns)
      if (symbol_matches(name, p)) return name.str();
  return std::nullopt;
}

std::optional<std::string> find_string(llvm::ArrayRef<llvm::StringRef> regions,
                                       std::initializer_list<const char*> needles) {
  for (const char* s : needles)
    if (contains(regions, s)) return std::string(s);
  return std::nullopt;
}

}  // namespace

HazardEvidence find_libc_hazards(llvm::ArrayRef<llvm::StringRef> symbols,
                                 llvm::ArrayRef<llvm::StringRef> rodata) {
  HazardEvidence e;
  e.has_symbols = !symbols.empty();
  if (e.has_symbols) {
    for (const char* s : kGlibcSymbols) e.glibc |= find_symbol(symbols, {s}).has_value();
  }
  for (const char* s : kGlibcStrings) e.glibc |= contains(rodata, s);
  if (!e.glibc) return e;  // musl and others: their static dlopen/iconv load nothing
  for (const Probe& p : kProbes) {
    bool called = false;
    std::optional<std::string> found;
    if (e.has_symbols) {
      found = find_symbol(symbols, p.called);
      called = found.has_value();
      if (!found) found = find_symbol(symbols, p.machinery);
    } else {
      found = find_string(rodata, p.strings);
      called = found && p.strings_mean_called;
    }
    if (!found) continue;
    std::string evidence = e.has_symbols ? "[symbol " + *found + "]" : "[string \"" + *found + "\"]";
    if (called)
      e.hazards.push_back({p.kind, std::string("static glibc carries ") + p.what + " " + evidence});
    else
      e.notes.push_back(std::string("static glibc links ") + std::string(name(p.kind)) +
                        " machinery, unused unless the program calls it " + evidence);
  }
  return e;
}

}  // namespace xstatic::inspect::detail
