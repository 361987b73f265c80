// ELF: headers, sections and notes through LLVM's ELFFile; the dynamic
// section, PT_INTERP and PT_GNU_STACK with our own bounds.
//
// LLVM bounds the section header table, section contents and symbol names,
// but not everything a loader-eye view needs: program headers with
// e_phnum == PN_XNUM (the real count is in section 0's sh_info), PT_DYNAMIC
// whose file range lies past the end or lacks DT_NULL, DT_STRTAB addresses
// that map outside the file, and PT_NOTE ranges whose offset + size
// overflows (ELFFile::notes_begin adds them unchecked). Every such range goes
// through bytes_at() first. Spec: https://refspecs.linuxfoundation.org/elf/gabi4+/contents.html
//
// Linkage: static-pie is ET_DYN with neither PT_INTERP nor DT_NEEDED and
// either DF_1_PIE or an entry point without a DT_SONAME (older linkers did
// not set DF_1_PIE); `file` calls these "shared object" or "dynamically linked".
#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>

#include "detail.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/notes.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect::detail {
namespace {

using namespace llvm::ELF;
using llvm::StringRef;

constexpr std::uint16_t kPnXnum = 0xffff;  // e_phnum escape (not in LLVM's ELF.h)

template <class T>
T unwrap(const Report& r, llvm::Expected<T> value, const char* what) {
  if (!value) malformed(r, std::string(what) + ": " + error_text(value.takeError()));
  return std::move(*value);
}

template <class ELFT>
class ElfInspector {
  using Phdr = typename ELFT::Phdr;
  using Shdr = typename ELFT::Shdr;
  using Dyn = typename ELFT::Dyn;

 public:
  ElfInspector(const llvm::object::ELFObjectFile<ELFT>& obj, Report& r)
      : obj_(obj), elf_(obj.getELFFile()), data_(obj.getData()), r_(r) {}

  void run() {
    describe_header();
    phdrs_ = program_headers();
    read_sections();
    read_segments();
    read_dynamic();
    decide_linkage();
    find_hazards();
    find_allocator();
  }

 private:
  template <class T>
  llvm::ArrayRef<T> table_at(std::uint64_t offset, std::uint64_t count, const char* what) {
    if (count == 0) return {};
    auto bytes =
        count <= data_.size() / sizeof(T) ? bytes_at(data_, offset, count * sizeof(T)) : std::nullopt;
    if (!bytes) malformed(r_, std::string(what) + " lie past the end of the file");
    if (offset % alignof(T) != 0) malformed(r_, std::string(what) + " are misaligned");
    return {reinterpret_cast<const T*>(bytes->data()), count};
  }

  void describe_header() {
    const auto& h = elf_.getHeader();
    r_.format = target::ObjectFormat::elf;
    r_.format_name = obj_.getFileFormatName().str();
    r_.arch = llvm::Triple::getArchTypeName(obj_.getArch()).str();
    r_.elf_machine = h.e_machine;
    r_.bits = ELFT::Is64Bits ? 64 : 32;
    r_.little_endian = ELFT::Endianness == llvm::endianness::little;
    r_.entry = h.e_entry;
    if (const auto* row = target::find_by_elf(h.e_machine, ELFT::Is64Bits, r_.little_endian))
      r_.target = target::Target{row, target::default_libc(*row)}.go_name();
  }

  llvm::ArrayRef<Phdr> program_headers() {
    const auto& h = elf_.getHeader();
    std::uint64_t count = h.e_phnum;
    if (count == kPnXnum) {  // the real count lives in section 0's sh_info
      auto first = table_at<Shdr>(h.e_shoff, h.e_shoff ? 1 : 0, "section headers");
      if (first.empty()) malformed(r_, "e_phnum is PN_XNUM but there is no section 0");
      count = first[0].sh_info;
    }
    if (count != 0 && h.e_phentsize != sizeof(Phdr))
      malformed(r_, "e_phentsize is " + std::to_string(h.e_phentsize) + ", expected " +
                        std::to_string(sizeof(Phdr)));
    return table_at<Phdr>(h.e_phoff, count, "program headers");
  }

  void read_sections() {
    auto sections = unwrap(r_, elf_.sections(), "section headers");
    sections_ = sections;
    r_.section_count = sections.size();
    std::vector<Section> all;
    for (const Shdr& s : sections) {
      if (s.sh_type == SHT_NULL) continue;
      StringRef name = unwrap(r_, elf_.getSectionName(s), "section name");
      if (name.starts_with(".debug_") || name.starts_with(".zdebug_"))
        r_.debug_sections.push_back(name.str());
      if (s.sh_type == SHT_SYMTAB) read_symbols(s);
      if (s.sh_type == SHT_NOTE) read_notes(s.sh_offset, s.sh_size, s.sh_addralign);
      if (is_rodata(s, name))
        if (auto bytes = bytes_at(data_, s.sh_offset, s.sh_size)) rodata_.push_back(*bytes);
      all.push_back({name.str(), s.sh_size});
    }
    auto n = std::min(all.size(), kLargestSections);
    std::partial_sort(all.begin(), all.begin() + static_cast<long>(n), all.end(),
                      [](const Section& a, const Section& b) { return a.size > b.size; });
    r_.largest_sections.assign(all.begin(), all.begin() + static_cast<long>(n));
    r_.has_symtab = r_.symbol_count > 0;
    r_.stripped = !r_.has_symtab && r_.debug_sections.empty();
  }

  static bool is_rodata(const Shdr& s, StringRef name) {
    return s.sh_type == SHT_PROGBITS && (s.sh_flags & SHF_ALLOC) &&
           !(s.sh_flags & (SHF_WRITE | SHF_EXECINSTR)) && name.starts_with(".rodata");
  }

  void read_symbols(const Shdr& s) {
    auto syms = unwrap(r_, elf_.symbols(&s), "symbol table");
    auto strtab = unwrap(r_, elf_.getStringTableForSymtab(s, sections_), "symbol string table");
    r_.symbol_count += syms.size();
    for (const auto& sym : syms) {
      auto name = sym.getName(strtab);
      if (!name) {
        discard_error(name.takeError());
        continue;
      }
      if (!name->empty()) symbol_names_.push_back(*name);
    }
  }

  void read_notes(std::uint64_t offset, std::uint64_t size, std::uint64_t align) {
    if (!bytes_at(data_, offset, size) || (align != 0 && align != 4 && align != 8)) return;
    Phdr fake{};  // notes() takes a header; this one carries our checked range
    fake.p_type = PT_NOTE;
    fake.p_offset = offset;
    fake.p_filesz = size;
    fake.p_align = align;
    llvm::Error err = llvm::Error::success();
    for (const auto& note : elf_.notes(fake, err)) {
      if (note.getType() == NT_GNU_BUILD_ID && note.getName() == "GNU" && r_.build_id.empty())
        r_.build_id = hex(note.getDesc(align ? align : 4));
      if (note.getType() == target::kAllocatorNoteType &&
          note.getName() == llvm::StringRef(target::kNoteName))
        allocator_note_ = note.getDescAsStringRef(align ? align : 4).split('\0').first.str();
      if (note.getType() == target::kLibcNoteType && note.getName() == llvm::StringRef(target::kNoteName)) {
        std::string routine = note.getDescAsStringRef(align ? align : 4).split('\0').first.str();
        auto& seen = r_.libc_routines;
        // At most a few dozen: a hostile file's million notes must not make this quadratic.
        if (!routine.empty() && seen.size() < 32 &&
            std::find(seen.begin(), seen.end(), routine) == seen.end())
          seen.push_back(std::move(routine));
      }
      if (note.getType() == target::kSbomNoteType && note.getName() == llvm::StringRef(target::kNoteName))
        read_sbom_note(note.getDescAsStringRef(align ? align : 4), r_);
    }
    if (err) r_.notes.push_back("unreadable note: " + error_text(std::move(err)));
  }

  void read_segments() {
    for (const Phdr& p : phdrs_) {
      switch (p.p_type) {
        case PT_INTERP: {
          auto bytes = bytes_at(data_, p.p_offset, p.p_filesz);
          if (!bytes) malformed(r_, "PT_INTERP lies past the end of the file");
          r_.interpreter = bytes->take_until([](char c) { return c == '\0'; }).str();
          break;
        }
        case PT_GNU_STACK:
          r_.exec_stack = (p.p_flags & PF_X) != 0;
          break;
        case PT_NOTE:
          if (r_.build_id.empty()) read_notes(p.p_offset, p.p_filesz, p.p_align);
          break;
        case PT_LOAD:
          // Stripped of section headers too (sstrip): scan read-only data segments.
          if (sections_.empty() && !(p.p_flags & (PF_W | PF_X)))
            if (auto bytes = bytes_at(data_, p.p_offset, p.p_filesz)) rodata_.push_back(*bytes);
          break;
        default:
          break;
      }
    }
  }

  // The file range of a virtual address, bounded by its PT_LOAD's file part.
  std::optional<StringRef> map_address(std::uint64_t addr) {
    for (const Phdr& p : phdrs_) {
      if (p.p_type != PT_LOAD || addr < p.p_vaddr || addr - p.p_vaddr >= p.p_filesz) continue;
      std::uint64_t delta = addr - p.p_vaddr;
      if (auto seg = bytes_at(data_, p.p_offset, p.p_filesz)) return seg->drop_front(delta);
    }
    return std::nullopt;
  }

  llvm::ArrayRef<Dyn> dynamic_table() {
    for (const Phdr& p : phdrs_)
      if (p.p_type == PT_DYNAMIC) {
        if (!bytes_at(data_, p.p_offset, p.p_filesz))
          malformed(r_, "PT_DYNAMIC lies past the end of the file");
        return table_at<Dyn>(p.p_offset, p.p_filesz / sizeof(Dyn), "dynamic entries");
      }
    for (const Shdr& s : sections_)  // no program headers: a relocatable or odd file
      if (s.sh_type == SHT_DYNAMIC)
        return table_at<Dyn>(s.sh_offset, s.sh_size / sizeof(Dyn), "dynamic entries");
    return {};
  }

  void read_dynamic() {
    auto table = dynamic_table();
    if (table.empty()) return;
    std::vector<std::uint64_t> needed, rpath, runpath;
    std::optional<std::uint64_t> strtab, strsz, soname;
    bool terminated = false;
    for (const Dyn& d : table) {
      std::uint64_t v = d.d_un.d_val;
      switch (d.d_tag) {
        case DT_NULL:
          terminated = true;
          break;
        case DT_NEEDED:
          needed.push_back(v);
          break;
        case DT_RPATH:
          rpath.push_back(v);
          break;
        case DT_RUNPATH:
          runpath.push_back(v);
          break;
        case DT_SONAME:
          soname = v;
          break;
        case DT_STRTAB:
          strtab = v;
          break;
        case DT_STRSZ:
          strsz = v;
          break;
        case DT_TEXTREL:
          r_.text_relocations = true;
          break;
        case DT_FLAGS:
          r_.text_relocations |= (v & DF_TEXTREL) != 0;
          break;
        case DT_FLAGS_1:
          df1_pie_ = (v & DF_1_PIE) != 0;
          break;
        default:
          break;
      }
      if (terminated) break;
    }
    if (!terminated) r_.notes.push_back("the dynamic section has no DT_NULL terminator");
    if (needed.empty() && rpath.empty() && runpath.empty() && !soname) return;
    StringRef table_bytes = dynamic_strings(strtab, strsz);
    auto str = [&](std::uint64_t off) {
      auto s = string_at(table_bytes, off);
      if (!s) malformed(r_, "dynamic string offset " + std::to_string(off) + " is outside DT_STRTAB");
      return s->str();
    };
    for (auto off : needed) r_.needed.push_back(str(off));
    auto add_paths = [&](std::vector<std::string>& to, std::uint64_t off) {
      std::string value = str(off);  // split() returns views into it
      for (auto part : util::split(value, ':')) to.emplace_back(part);
    };
    for (auto off : rpath) add_paths(r_.rpath, off);
    for (auto off : runpath) add_paths(r_.runpath, off);
    if (soname) r_.soname = str(*soname);
  }

  StringRef dynamic_strings(std::optional<std::uint64_t> strtab, std::optional<std::uint64_t> strsz) {
    std::optional<StringRef> bytes = strtab ? map_address(*strtab) : std::nullopt;
    if (!bytes)  // relocatable objects have no segments: use the section named by .dynamic's sh_link
      for (const Shdr& s : sections_)
        if (s.sh_type == SHT_DYNAMIC && s.sh_link < sections_.size())
          bytes = bytes_at(data_, sections_[s.sh_link].sh_offset, sections_[s.sh_link].sh_size);
    if (!bytes) malformed(r_, "DT_STRTAB does not map to any part of the file");
    return strsz ? bytes->take_front(*strsz) : *bytes;
  }

  void decide_linkage() {
    const auto type = elf_.getHeader().e_type;
    bool dynamic = !r_.interpreter.empty() || !r_.needed.empty();
    switch (type) {
      case ET_REL:
        r_.file_type = FileType::object;
        r_.linkage = Linkage::none;
        return;
      case ET_CORE:
        r_.file_type = FileType::core;
        r_.linkage = Linkage::none;
        return;
      case ET_EXEC:
        r_.file_type = FileType::executable;
        r_.linkage = dynamic ? Linkage::dynamic : Linkage::fully_static;
        return;
      case ET_DYN:
        break;
      default:
        r_.file_type = FileType::other;
        r_.linkage = Linkage::none;
        return;
    }
    r_.pie = df1_pie_ || !r_.interpreter.empty();
    if (!r_.interpreter.empty()) {
      r_.file_type = FileType::executable;
      r_.linkage = Linkage::dynamic;
    } else if (r_.needed.empty() && (df1_pie_ || (r_.soname.empty() && r_.entry != 0))) {
      r_.file_type = FileType::static_pie;
      r_.linkage = Linkage::static_pie;
      r_.pie = true;
    } else {
      r_.file_type = FileType::shared_object;
      r_.linkage = Linkage::dynamic;
    }
  }

  void find_hazards() {
    bool executable = r_.file_type == FileType::executable || r_.file_type == FileType::static_pie;
    for (const auto& libc : target::libcs()) {  // a later row wins: glibc over musl
      bool loader = !libc.interpreter.empty() && r_.interpreter.find(libc.interpreter) != std::string::npos;
      bool needs = !libc.shared_libc.empty() &&
                   std::find(r_.needed.begin(), r_.needed.end(), libc.shared_libc) != r_.needed.end();
      if (loader || needs) r_.libc = libc.libc;
    }
    if (executable && !r_.exec_stack)
      r_.hazards.push_back(
          {HazardKind::execstack, "no PT_GNU_STACK: the kernel may map the stack executable"});
    if (r_.exec_stack.value_or(false))
      r_.hazards.push_back({HazardKind::execstack, "executable stack: PT_GNU_STACK has PF_X"});
    if (r_.text_relocations)
      r_.hazards.push_back(
          {HazardKind::textrel, "text relocations (DT_TEXTREL): code pages are written at load time"});
    if (!executable || r_.linkage == Linkage::dynamic) return;
    auto evidence = find_libc_hazards(symbol_names_, rodata_);
    if (evidence.glibc) r_.libc = target::Libc::glibc;
    for (auto& h : evidence.hazards) r_.hazards.push_back(std::move(h));
    for (auto& n : evidence.notes) r_.notes.push_back(std::move(n));
  }

  // Executables and shared objects only: an object file has no allocator yet.
  void find_allocator() {
    if (r_.file_type != FileType::executable && r_.file_type != FileType::static_pie &&
        r_.file_type != FileType::shared_object)
      return;
    r_.allocator = allocator_of(allocator_note_, r_.libc, rodata_, r_.little_endian);
    if (r_.sbom) keep_linked_runtimes(r_);
  }

  const llvm::object::ELFObjectFile<ELFT>& obj_;
  const llvm::object::ELFFile<ELFT>& elf_;
  StringRef data_;
  Report& r_;
  llvm::ArrayRef<Phdr> phdrs_;
  llvm::ArrayRef<Shdr> sections_;
  std::vector<StringRef> symbol_names_;
  std::vector<StringRef> rodata_;
  bool df1_pie_ = false;
  std::string allocator_note_;  // the description of xstatic's allocator note, when present
};

template <class ELFT>
bool try_inspect(const llvm::object::Binary& bin, Report& r) {
  const auto* obj = llvm::dyn_cast<llvm::object::ELFObjectFile<ELFT>>(&bin);
  if (!obj) return false;
  ElfInspector<ELFT>(*obj, r).run();
  return true;
}

}  // namespace

void inspect_elf(const llvm::object::Binary& bin, Report& r) {
  try_inspect<llvm::object::ELF64LE>(bin, r) || try_inspect<llvm::object::ELF64BE>(bin, r) ||
      try_inspect<llvm::object::ELF32LE>(bin, r) || try_inspect<llvm::object::ELF32BE>(bin, r);
}

}  // namespace xstatic::inspect::detail
