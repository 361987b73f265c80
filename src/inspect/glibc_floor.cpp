// `verify --max-glibc`: the policy of a binary that keeps glibc dynamic and
// everything else static, and must run on glibc FLOOR and newer (as
// auditwheel checks Python wheels against a manylinux floor).
#include <algorithm>
#include <array>
#include <string_view>

#include "detail.hpp"
#include "xstatic/inspect/glibc_version.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect::detail {
namespace {

// glibc's own shared libraries (libcrypt.so.1 is libxcrypt's on Debian 11+).
constexpr std::array<std::string_view, 12> kGlibcLibraries = {"libc.so.6",       "libm.so.6",
                                                              "libpthread.so.0", "libdl.so.2",
                                                              "librt.so.1",      "libresolv.so.2",
                                                              "libutil.so.1",    "libanl.so.1",
                                                              "libmvec.so.1",    "libBrokenLocale.so.1",
                                                              "libnsl.so.1",     "libc_malloc_debug.so.0"};

bool is_glibc_loader_name(std::string_view name) {
  return name.starts_with("ld-linux") || name == "ld64.so.1" || name == "ld64.so.2" || name == "ld.so.1";
}

// The loader glibc installs for the machine (what a distribution's own
// binaries name in PT_INTERP); nullopt for a machine without one here.
std::vector<std::string_view> standard_loaders(const Report& r) {
  switch (r.elf_machine) {
    case 62:
      return {"/lib64/ld-linux-x86-64.so.2"};  // EM_X86_64
    case 183:
      return {"/lib/ld-linux-aarch64.so.1"};  // EM_AARCH64
    case 40:
      return {"/lib/ld-linux-armhf.so.3", "/lib/ld-linux.so.3"};  // EM_ARM: hard, soft float
    case 3:
      return {"/lib/ld-linux.so.2"};  // EM_386
    case 21:
      return {"/lib64/ld64.so.2"};  // EM_PPC64 (little endian)
    case 22:
      return {"/lib/ld64.so.1"};  // EM_S390
    case 243:
      return {"/lib/ld-linux-riscv64-lp64d.so.1"};  // EM_RISCV
    case 8:
      return {r.bits == 64 ? "/lib64/ld.so.1" : "/lib/ld.so.1"};  // EM_MIPS
    default:
      return {};
  }
}

}  // namespace

void check_glibc_floor(const Report& r, const std::string& floor, std::vector<std::string>& failures) {
  if (r.format != target::ObjectFormat::elf) {
    failures.push_back("glibc floor: not an ELF file (" + r.format_name + ")");
    return;
  }
  if (r.linkage == Linkage::fully_static || r.linkage == Linkage::static_pie) return;  // needs no glibc
  if (r.linkage == Linkage::none) {
    failures.push_back("glibc floor: not linked (" + std::string(name(r.file_type)) + ")");
    return;
  }
  std::vector<std::string> foreign;
  for (const auto& n : r.needed)
    if (std::find(kGlibcLibraries.begin(), kGlibcLibraries.end(), n) == kGlibcLibraries.end() &&
        !is_glibc_loader_name(n))
      foreign.push_back(n);
  if (!foreign.empty())
    failures.push_back("needs " + util::join(foreign, ", ") +
                       ", not part of glibc (link it static: only glibc's own libraries may stay dynamic)");
  auto loaders = standard_loaders(r);
  if (r.file_type == FileType::executable && !loaders.empty() &&
      std::find(loaders.begin(), loaders.end(), r.interpreter) == loaders.end())
    failures.push_back("interpreter: " + (r.interpreter.empty() ? std::string("none") : r.interpreter) +
                       ", expected glibc's standard " + std::string(loaders.front()));
  std::vector<std::string> above, private_;
  for (const auto& v : r.versioned_imports) {
    if (v.version == "GLIBC_PRIVATE") {
      private_.push_back(v.symbol);
      continue;
    }
    auto number = glibc_version_of(v.version);
    if (!number || compare_glibc_versions(*number, floor) <= 0) continue;
    std::string item = v.symbol + "@" + v.version;
    if (std::find(above.begin(), above.end(), item) == above.end()) above.push_back(item);
  }
  if (!above.empty())
    failures.push_back("glibc " + r.glibc_max + " needed, above the floor " + floor + ": " +
                       util::join(above, ", "));
  if (!private_.empty())
    failures.push_back("uses glibc's private interface (GLIBC_PRIVATE): " + util::join(private_, ", "));
}

}  // namespace xstatic::inspect::detail
