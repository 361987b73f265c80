// Mach-O, thin and universal (one report per slice), through LLVM's
// MachOObjectFile and MachOUniversalBinary.
//
// MachOObjectFile::create validates the load commands (cmdsize 0, past
// sizeofcmds, strings without NUL...) and MachOUniversalBinary::create the fat
// header (slices past the end, overlapping or repeated); what it does not
// check it reads through getStruct(), which calls report_fatal_error: the
// caller holds a detail::FatalErrorScope (guard.hpp). Load command
// strings are read with string_at() bounded by cmdsize anyway.
// Spec: https://github.com/apple-oss-distributions/xnu/blob/main/EXTERNAL_HEADERS/mach-o/loader.h
//
// On darwin nothing links libc statically: "static" means that the only
// libraries linked are part of macOS itself (macho_policy.hpp).
#include <llvm/BinaryFormat/MachO.h>
#include <llvm/Object/MachO.h>
#include <llvm/Object/MachOUniversal.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>

#include "detail.hpp"
#include "macho_policy.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::inspect::detail {
namespace {

using namespace llvm::MachO;
using llvm::object::MachOObjectFile;

const char* dylib_kind(std::uint32_t cmd) {
  switch (cmd) {
    case LC_LOAD_DYLIB:
      return "load";
    case LC_LOAD_WEAK_DYLIB:
      return "weak";
    case LC_REEXPORT_DYLIB:
      return "reexport";
    case LC_LAZY_LOAD_DYLIB:
      return "lazy";
    case LC_LOAD_UPWARD_DYLIB:
      return "upward";
    default:
      return nullptr;
  }
}

std::string version_string(std::uint32_t v) {
  std::string s = std::to_string(v >> 16) + "." + std::to_string((v >> 8) & 0xff);
  if (v & 0xff) s += "." + std::to_string(v & 0xff);
  return s;
}

const char* version_min_platform(std::uint32_t cmd) {
  switch (cmd) {
    case LC_VERSION_MIN_MACOSX:
      return "macos";
    case LC_VERSION_MIN_IPHONEOS:
      return "ios";
    case LC_VERSION_MIN_TVOS:
      return "tvos";
    case LC_VERSION_MIN_WATCHOS:
      return "watchos";
    default:
      return nullptr;
  }
}

std::string_view goarch_of(llvm::Triple::ArchType arch) {
  switch (arch) {
    case llvm::Triple::aarch64:
      return "arm64";
    case llvm::Triple::x86_64:
      return "amd64";
    default:
      return "";
  }
}

std::optional<std::string> darwin_target(llvm::Triple::ArchType arch) {
  for (const auto& row : target::table())
    if (row.format == target::ObjectFormat::macho && row.goarch == goarch_of(arch))
      return target::Target{&row, target::Libc::darwin}.go_name();
  return std::nullopt;
}

FileType file_type_of(std::uint32_t filetype) {
  switch (filetype) {
    case MH_OBJECT:
      return FileType::object;
    case MH_EXECUTE:
      return FileType::executable;
    case MH_DYLIB:
      return FileType::shared_object;
    case MH_BUNDLE:
      return FileType::bundle;
    case MH_CORE:
      return FileType::core;
    default:
      return FileType::other;
  }
}

// The NUL-terminated string at `offset` inside one load command.
std::string command_string(const Report& r, const MachOObjectFile::LoadCommandInfo& lc,
                           std::uint32_t offset) {
  auto s = string_at(llvm::StringRef(lc.Ptr, lc.C.cmdsize), offset);
  if (!s) malformed(r, "load command string offset " + std::to_string(offset) + " is outside its command");
  return s->str();
}

void read_load_command(const MachOObjectFile& obj, const MachOObjectFile::LoadCommandInfo& lc, Report& r) {
  if (const char* kind = dylib_kind(lc.C.cmd)) {
    std::string name = command_string(r, lc, obj.getDylibIDLoadCommand(lc).dylib.name);
    r.dylibs.push_back({name, kind, is_system_dylib(name)});
  } else if (lc.C.cmd == LC_RPATH) {
    r.rpath.push_back(command_string(r, lc, obj.getRpathCommand(lc).path));
  } else if (lc.C.cmd == LC_BUILD_VERSION) {
    auto bv = obj.getBuildVersionLoadCommand(lc);
    r.min_os = MachOObjectFile::getBuildPlatform(bv.platform) + " " + version_string(bv.minos);
  } else if (const char* platform = version_min_platform(lc.C.cmd)) {
    if (r.min_os.empty())
      r.min_os = std::string(platform) + " " + version_string(obj.getVersionMinLoadCommand(lc).version);
  } else if (lc.C.cmd == LC_UUID) {
    auto uuid = obj.getUuidCommand(lc);
    r.build_id = hex(llvm::ArrayRef<std::uint8_t>(uuid.uuid, sizeof(uuid.uuid)));
  } else if (lc.C.cmd == LC_MAIN) {
    r.entry = obj.getEntryPointCommand(lc).entryoff;
  } else if (lc.C.cmd == LC_SYMTAB) {
    r.symbol_count = obj.getSymtabLoadCommand().nsyms;
  }
}

void read_sections(const MachOObjectFile& obj, Report& r) {
  std::vector<Section> all;
  for (const auto& section : obj.sections()) {
    auto name = section.getName();
    if (!name) {
      discard_error(name.takeError());
      continue;
    }
    auto segment = obj.getSectionFinalSegmentName(section.getRawDataRefImpl());
    if (segment == "__DWARF") r.debug_sections.push_back(name->str());
    all.push_back({(segment + "," + *name).str(), section.getSize()});
  }
  r.section_count = all.size();
  auto n = std::min(all.size(), kLargestSections);
  std::partial_sort(all.begin(), all.begin() + static_cast<long>(n), all.end(),
                    [](const Section& a, const Section& b) { return a.size > b.size; });
  r.largest_sections.assign(all.begin(), all.begin() + static_cast<long>(n));
}

void inspect_thin(const MachOObjectFile& obj, Report& r) {
  r.format = target::ObjectFormat::macho;
  r.format_name = obj.getFileFormatName().str();
  r.arch = llvm::Triple::getArchTypeName(obj.getArch()).str();
  r.bits = obj.is64Bit() ? 64 : 32;
  r.little_endian = obj.isLittleEndian();
  r.target = darwin_target(obj.getArch());
  r.libc = target::Libc::darwin;
  std::uint32_t filetype = obj.is64Bit() ? obj.getHeader64().filetype : obj.getHeader().filetype;
  r.file_type = file_type_of(filetype);
  r.pie = ((obj.is64Bit() ? obj.getHeader64().flags : obj.getHeader().flags) & MH_PIE) != 0;
  for (const auto& lc : obj.load_commands()) read_load_command(obj, lc, r);
  read_sections(obj, r);
  r.has_symtab = r.symbol_count > 0;
  r.stripped = !r.has_symtab && r.debug_sections.empty();
  bool only_system = std::all_of(r.dylibs.begin(), r.dylibs.end(), [](const Library& l) { return l.system; });
  r.linkage = filetype == MH_OBJECT ? Linkage::none : only_system ? Linkage::fully_static : Linkage::dynamic;
}

void inspect_universal(const llvm::object::MachOUniversalBinary& fat, Report& r) {
  r.format = target::ObjectFormat::macho;
  r.universal = true;
  r.format_name = "Mach-O universal binary";
  r.libc = target::Libc::darwin;
  for (const auto& slice : fat.objects()) {
    Report s;
    s.path = r.path + " (" + slice.getArchFlagName() + ")";
    s.file_size = slice.getSize();
    auto obj = slice.getAsObjectFile();
    if (!obj) malformed(r, "slice " + slice.getArchFlagName() + ": " + error_text(obj.takeError()));
    inspect_thin(**obj, s);
    r.slices.push_back(std::move(s));
  }
  if (r.slices.empty()) malformed(r, "universal binary without slices");
  const Report& first = r.slices.front();
  r.file_type = first.file_type;
  bool any_dynamic = std::any_of(r.slices.begin(), r.slices.end(),
                                 [](const Report& s) { return s.linkage == Linkage::dynamic; });
  r.linkage = any_dynamic ? Linkage::dynamic : first.linkage;
  r.stripped = std::all_of(r.slices.begin(), r.slices.end(), [](const Report& s) { return s.stripped; });
  r.has_symtab = !r.stripped;
}

}  // namespace

void inspect_macho(const llvm::object::Binary& bin, Report& r) {
  if (const auto* fat = llvm::dyn_cast<llvm::object::MachOUniversalBinary>(&bin))
    inspect_universal(*fat, r);
  else if (const auto* obj = llvm::dyn_cast<MachOObjectFile>(&bin))
    inspect_thin(*obj, r);
}

}  // namespace xstatic::inspect::detail
