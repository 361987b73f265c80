// PE/COFF through LLVM's COFFObjectFile: machine, subsystem, imported DLLs
// (the import directory and the delay-load directory).
//
// LLVM maps RVAs to file bytes (getRvaAndSizeAsBytes, getRvaPtr) and checks
// that they fall inside a section, but ImportDirectoryEntryRef::getName()
// then measures the name with strlen, which can run past the end of a file
// whose last byte is not NUL. So we walk both directories from the bytes
// LLVM bounded and read each DLL name with string_at() up to the end of the
// file. Spec: https://learn.microsoft.com/en-us/windows/win32/debug/pe-format
//
// "Static" on Windows means that only DLLs of Windows itself are imported
// (KERNEL32, ntdll, msvcrt, the ucrt api-sets, USER32...), no MinGW runtime
// DLL (libgcc_s_seh-1, libstdc++-6, libwinpthread-1) that must ship beside it.
#include <llvm/BinaryFormat/COFF.h>
#include <llvm/Object/COFF.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>
#include <cstdio>

#include "detail.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect::detail {
namespace {

using llvm::object::COFFObjectFile;

// Lower-case names of DLLs that every Windows installation has.
constexpr std::string_view kSystemDlls[] = {
    "advapi32.dll",   "bcrypt.dll",   "comctl32.dll", "comdlg32.dll", "crypt32.dll",  "dbghelp.dll",
    "dnsapi.dll",     "dwmapi.dll",   "gdi32.dll",    "imm32.dll",    "iphlpapi.dll", "kernel32.dll",
    "kernelbase.dll", "msvcrt.dll",   "mswsock.dll",  "ncrypt.dll",   "netapi32.dll", "ntdll.dll",
    "ole32.dll",      "oleaut32.dll", "opengl32.dll", "psapi.dll",    "rpcrt4.dll",   "secur32.dll",
    "setupapi.dll",   "shell32.dll",  "shlwapi.dll",  "ucrtbase.dll", "user32.dll",   "userenv.dll",
    "uxtheme.dll",    "version.dll",  "winhttp.dll",  "wininet.dll",  "winmm.dll",    "ws2_32.dll",
    "wsock32.dll",
};

bool is_system_dll(std::string_view name) {
  std::string lower = util::to_lower(name);
  if (lower.starts_with("api-ms-win-") || lower.starts_with("ext-ms-win-")) return true;
  return std::find(std::begin(kSystemDlls), std::end(kSystemDlls), lower) != std::end(kSystemDlls);
}

std::string subsystem_name(unsigned s) {
  using namespace llvm::COFF;
  switch (s) {
    case IMAGE_SUBSYSTEM_NATIVE:
      return "native";
    case IMAGE_SUBSYSTEM_WINDOWS_GUI:
      return "windows";
    case IMAGE_SUBSYSTEM_WINDOWS_CUI:
      return "console";
    case IMAGE_SUBSYSTEM_POSIX_CUI:
      return "posix";
    case IMAGE_SUBSYSTEM_EFI_APPLICATION:
      return "efi-application";
    case IMAGE_SUBSYSTEM_EFI_BOOT_SERVICE_DRIVER:
      return "efi-boot-service-driver";
    case IMAGE_SUBSYSTEM_EFI_RUNTIME_DRIVER:
      return "efi-runtime-driver";
    case IMAGE_SUBSYSTEM_WINDOWS_BOOT_APPLICATION:
      return "windows-boot-application";
    default:
      return "unknown (" + std::to_string(s) + ")";
  }
}

std::optional<std::string> windows_target(llvm::Triple::ArchType arch) {
  std::string_view goarch = arch == llvm::Triple::x86_64 ? "amd64" : arch == llvm::Triple::x86 ? "386" : "";
  for (const auto& row : target::table())
    if (row.format == target::ObjectFormat::coff && row.goarch == goarch)
      return target::Target{&row, target::Libc::mingw}.go_name();
  return std::nullopt;
}

class PeInspector {
 public:
  PeInspector(const COFFObjectFile& obj, Report& r) : obj_(obj), r_(r) {}

  void read_imports() {
    walk_directory(llvm::COFF::IMPORT_TABLE, sizeof(llvm::object::coff_import_directory_table_entry),
                   [&](const std::uint8_t* e) {
                     const auto* entry =
                         reinterpret_cast<const llvm::object::coff_import_directory_table_entry*>(e);
                     if (entry->isNull()) return false;
                     add_library(entry->NameRVA, "import");
                     return true;
                   });
    walk_directory(llvm::COFF::DELAY_IMPORT_DESCRIPTOR,
                   sizeof(llvm::object::delay_import_directory_table_entry), [&](const std::uint8_t* e) {
                     const auto* entry =
                         reinterpret_cast<const llvm::object::delay_import_directory_table_entry*>(e);
                     if (entry->Name == 0) return false;
                     // Version 1 descriptors (Attributes bit 0 clear) hold VAs, not RVAs.
                     std::uint64_t rva = entry->Name;
                     if (!(entry->Attributes & 1)) rva -= obj_.getImageBase();
                     add_library(static_cast<std::uint32_t>(rva), "delay");
                     return true;
                   });
  }

 private:
  template <class Fn>
  void walk_directory(unsigned index, std::size_t entry_size, Fn&& on_entry) {
    const llvm::object::data_directory* dir = obj_.getDataDirectory(index);
    if (!dir || dir->RelativeVirtualAddress == 0 || dir->Size == 0) return;
    llvm::ArrayRef<std::uint8_t> bytes;
    if (auto err = obj_.getRvaAndSizeAsBytes(dir->RelativeVirtualAddress, dir->Size, bytes))
      malformed(r_, "data directory " + std::to_string(index) + ": " + error_text(std::move(err)));
    // LLVM checks the range against the section's sizes, not against the file (found by fuzzing).
    llvm::StringRef data = obj_.getData();
    auto* begin = reinterpret_cast<const std::uint8_t*>(data.data());
    if (bytes.data() < begin || bytes.data() > begin + data.size() ||
        bytes.size() > static_cast<std::size_t>(begin + data.size() - bytes.data()))
      malformed(r_, "data directory " + std::to_string(index) + " lies past the end of the file");
    for (std::size_t off = 0; off + entry_size <= bytes.size(); off += entry_size)
      if (!on_entry(bytes.data() + off)) break;
  }

  void add_library(std::uint32_t name_rva, const char* kind) {
    std::uintptr_t ptr = 0;
    if (auto err = obj_.getRvaPtr(name_rva, ptr))
      malformed(r_, std::string(kind) + " DLL name: " + error_text(std::move(err)));
    llvm::StringRef data = obj_.getData();
    auto begin = reinterpret_cast<std::uintptr_t>(data.data());
    if (ptr < begin || ptr >= begin + data.size()) malformed(r_, "DLL name lies outside the file");
    auto name = string_at(data, ptr - begin);
    if (!name) malformed(r_, "DLL name runs past the end of the file");
    r_.imports.push_back({name->str(), kind, is_system_dll(*name)});
  }

  const COFFObjectFile& obj_;
  Report& r_;
};

void read_sections(const COFFObjectFile& obj, Report& r) {
  std::vector<Section> all;
  for (const auto& section : obj.sections()) {
    auto name = section.getName();
    if (!name) {
      discard_error(name.takeError());
      continue;
    }
    if (name->starts_with(".debug_") || name->starts_with(".zdebug_"))
      r.debug_sections.push_back(name->str());
    all.push_back({name->str(), section.getSize()});
  }
  r.section_count = all.size();
  auto n = std::min(all.size(), kLargestSections);
  std::partial_sort(all.begin(), all.begin() + static_cast<long>(n), all.end(),
                    [](const Section& a, const Section& b) { return a.size > b.size; });
  r.largest_sections.assign(all.begin(), all.begin() + static_cast<long>(n));
}

}  // namespace

void inspect_coff(const llvm::object::Binary& bin, Report& r) {
  const auto* obj = llvm::dyn_cast<COFFObjectFile>(&bin);
  if (!obj) return;
  r.format = target::ObjectFormat::coff;
  // 64 zero bytes (or any file that starts with a zero machine field) pass
  // LLVM's check as a COFF object: a machine nobody knows is no binary.
  if (obj->getArch() == llvm::Triple::UnknownArch) {
    if (!obj->getDOSHeader()) r.file_type = FileType::object;
    char machine[16];
    std::snprintf(machine, sizeof machine, "0x%04x", static_cast<unsigned>(obj->getMachine()));
    malformed(r, std::string("unknown machine ") + machine + ": not an object or image xstatic can identify");
  }
  // "MZ ... PE" whose COFF header claims 0xffff sections is read by LLVM as
  // an import library header: an image without its headers, not an object.
  if (obj->getData().starts_with("MZ") &&
      (!obj->getDOSHeader() || (!obj->getPE32Header() && !obj->getPE32PlusHeader()))) {
    r.file_type = FileType::executable;
    malformed(r, "an MZ/PE file without a PE optional header");
  }
  r.format_name = obj->getFileFormatName().str();
  r.arch = llvm::Triple::getArchTypeName(obj->getArch()).str();
  r.bits = obj->getBytesInAddress() * 8;
  r.little_endian = true;
  r.target = windows_target(obj->getArch());
  r.symbol_count = obj->getNumberOfSymbols();
  r.has_symtab = r.symbol_count > 0;
  read_sections(*obj, r);
  r.stripped = !r.has_symtab && r.debug_sections.empty();
  if (!obj->getDOSHeader()) {  // a COFF object, not a PE image
    r.format = target::ObjectFormat::coff;
    r.file_type = FileType::object;
    r.linkage = Linkage::none;
    return;
  }
  r.format = target::ObjectFormat::coff;
  r.libc = target::Libc::mingw;
  unsigned subsystem = 0;
  std::uint64_t entry_rva = 0;
  if (const auto* pe = obj->getPE32Header()) {
    subsystem = pe->Subsystem;
    entry_rva = pe->AddressOfEntryPoint;
  } else if (const auto* pe64 = obj->getPE32PlusHeader()) {
    subsystem = pe64->Subsystem;
    entry_rva = pe64->AddressOfEntryPoint;
  }
  r.subsystem = subsystem_name(subsystem);
  r.entry = entry_rva + obj->getImageBase();
  bool dll = (obj->getCharacteristics() & llvm::COFF::IMAGE_FILE_DLL) != 0;
  r.file_type = dll ? FileType::shared_object : FileType::executable;
  PeInspector(*obj, r).read_imports();
  bool only_system =
      std::all_of(r.imports.begin(), r.imports.end(), [](const Library& l) { return l.system; });
  r.linkage = only_system ? Linkage::fully_static : Linkage::dynamic;
}

}  // namespace xstatic::inspect::detail
