// The small relocatable ELF objects a link gets from xstatic, written byte by
// byte (ELF gABI, "ELF Header", "Sections", "Symbol Table", "Note Section"),
// both classes and byte orders, so that every ELF target of the table gets
// them without running an assembler:
// - the SBOM note: section 0 (null), the note section (SHT_NOTE, SHF_ALLOC,
//   4-aligned) and .shstrtab. No symbols and no relocations: lld takes such
//   an object as it is and keeps the note (notes are roots of --gc-sections);
// - the C start files (driver/link_files.hpp): crtend with no section at
//   all, crtbegin with one hidden __dso_handle in a .bss section of its own.
#include <algorithm>
#include <array>
#include <fstream>
#include <vector>

#include "xstatic/driver/sbom.hpp"

namespace xstatic::driver {
namespace {

constexpr std::uint32_t kShtNote = 7, kShtStrtab = 3, kShtSymtab = 2, kShtNobits = 8;
constexpr std::uint64_t kShfAlloc = 2, kShfWrite = 1;

std::size_t align_up(std::size_t v, std::size_t a) {
  return (v + a - 1) / a * a;
}

class Writer {
 public:
  Writer(bool is64, bool little) : is64_(is64), little_(little) {}
  void u(std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) {
      int shift = 8 * (little_ ? i : bytes - 1 - i);
      out_.push_back(static_cast<char>((v >> shift) & 0xff));
    }
  }
  void u16(std::uint64_t v) { u(v, 2); }
  void u32(std::uint64_t v) { u(v, 4); }
  void word(std::uint64_t v) { u(v, is64_ ? 8 : 4); }  // an address, offset or size of the class
  void bytes(std::string_view s) { out_.append(s); }
  void pad_to(std::size_t n) { out_.resize(std::max(out_.size(), n), '\0'); }
  std::size_t size() const { return out_.size(); }
  std::string take() { return std::move(out_); }
  bool is64() const { return is64_; }

 private:
  bool is64_, little_;
  std::string out_;
};

void elf_header(Writer& w, const target::Row& row, std::uint32_t e_flags, std::size_t sh_off,
                unsigned shnum) {
  const bool is64 = row.is_64bit;
  w.bytes(
      "\x7f"
      "ELF");
  w.u(is64 ? 2 : 1, 1);               // EI_CLASS
  w.u(row.little_endian ? 1 : 2, 1);  // EI_DATA
  w.u(1, 1);                          // EI_VERSION
  w.pad_to(16);                       // EI_OSABI (SYSV), EI_ABIVERSION, padding
  w.u16(1);                           // e_type: ET_REL
  w.u16(row.elf_machine);             // e_machine
  w.u32(1);                           // e_version
  w.word(0);                          // e_entry
  w.word(0);                          // e_phoff
  w.word(sh_off);                     // e_shoff
  w.u32(e_flags);                     // e_flags
  w.u16(is64 ? 64 : 52);              // e_ehsize
  w.u16(0);                           // e_phentsize
  w.u16(0);                           // e_phnum
  w.u16(is64 ? 64 : 40);              // e_shentsize
  w.u16(shnum);                       // e_shnum
  w.u16(shnum - 1);                   // e_shstrndx: .shstrtab comes last
}

struct SectionHeader {
  std::uint32_t name = 0, type = 0;
  std::uint64_t flags = 0, offset = 0, size = 0;
  std::uint32_t link = 0, info = 0;
  std::uint64_t align = 0, entsize = 0;
};

void section_header(Writer& w, const SectionHeader& h) {
  w.u32(h.name);
  w.u32(h.type);
  w.word(h.flags);
  w.word(0);  // sh_addr
  w.word(h.offset);
  w.word(h.size);
  w.u32(h.link);
  w.u32(h.info);
  w.word(h.align);
  w.word(h.entsize);
}

}  // namespace

std::string startfile_object(const target::Row& row, std::uint32_t e_flags, bool dso_handle) {
  const bool is64 = row.is_64bit;
  const std::size_t ehsize = is64 ? 64 : 52, word = is64 ? 8 : 4, symsize = is64 ? 24 : 16;
  Writer w(is64, row.little_endian);
  if (!dso_handle) {
    const std::string shstrtab = std::string("\0.shstrtab\0", 11);
    const std::size_t sh_off = align_up(ehsize + shstrtab.size(), 8);
    elf_header(w, row, e_flags, sh_off, 2);
    w.bytes(shstrtab);
    w.pad_to(sh_off);
    section_header(w, {});
    section_header(w, {.name = 1, .type = kShtStrtab, .offset = ehsize, .size = shstrtab.size(), .align = 1});
    return w.take();
  }
  // Sections: 1 .bss.__dso_handle, 2 .symtab, 3 .strtab, 4 .shstrtab.
  const std::string shstrtab = std::string("\0.bss.__dso_handle\0.symtab\0.strtab\0.shstrtab\0", 45);
  const std::string strtab = std::string("\0__dso_handle\0", 14);
  const std::size_t sym_off = align_up(ehsize, 8);
  const std::size_t str_off = sym_off + 2 * symsize, shstr_off = str_off + strtab.size();
  const std::size_t sh_off = align_up(shstr_off + shstrtab.size(), 8);
  elf_header(w, row, e_flags, sh_off, 5);
  w.pad_to(sym_off + symsize);  // symbol 0: null
  // __dso_handle: STB_GLOBAL, STT_OBJECT, STV_HIDDEN, in section 1, at 0.
  constexpr std::uint64_t kInfo = (1 << 4) | 1, kHidden = 2;
  w.u32(1);
  if (is64) {
    w.u(kInfo, 1);
    w.u(kHidden, 1);
    w.u16(1);
    w.word(0);
    w.word(word);
  } else {
    w.word(0);
    w.word(word);
    w.u(kInfo, 1);
    w.u(kHidden, 1);
    w.u16(1);
  }
  w.bytes(strtab);
  w.bytes(shstrtab);
  w.pad_to(sh_off);
  section_header(w, {});
  section_header(
      w, {.name = 1, .type = kShtNobits, .flags = kShfAlloc | kShfWrite, .size = word, .align = word});
  section_header(w, {.name = 19,
                     .type = kShtSymtab,
                     .offset = sym_off,
                     .size = 2 * symsize,
                     .link = 3,
                     .info = 1,
                     .align = word,
                     .entsize = symsize});
  section_header(w, {.name = 27, .type = kShtStrtab, .offset = str_off, .size = strtab.size(), .align = 1});
  section_header(w,
                 {.name = 35, .type = kShtStrtab, .offset = shstr_off, .size = shstrtab.size(), .align = 1});
  return w.take();
}

std::string note_object(const target::Row& row, std::uint32_t e_flags, std::string_view section,
                        std::string_view note_name, std::uint32_t note_type, std::string_view desc) {
  const bool is64 = row.is_64bit;
  const std::size_t ehsize = is64 ? 64 : 52;
  const std::size_t namesz = note_name.size() + 1;  // with its NUL
  const std::size_t note_off = align_up(ehsize, 8);
  const std::size_t note_size = 12 + align_up(namesz, 4) + align_up(desc.size(), 4);
  std::string shstrtab = std::string(1, '\0') + std::string(section) + '\0' + ".shstrtab" + '\0';
  const std::size_t strtab_off = note_off + note_size;
  const std::size_t sh_off = align_up(strtab_off + shstrtab.size(), 8);

  Writer w(is64, row.little_endian);
  elf_header(w, row, e_flags, sh_off, 3);

  w.pad_to(note_off);
  w.u32(namesz);
  w.u32(desc.size());
  w.u32(note_type);
  w.bytes(note_name);
  w.pad_to(note_off + 12 + align_up(namesz, 4));
  w.bytes(desc);
  w.pad_to(strtab_off);
  w.bytes(shstrtab);
  w.pad_to(sh_off);

  section_header(w, {});
  section_header(
      w,
      {.name = 1, .type = kShtNote, .flags = kShfAlloc, .offset = note_off, .size = note_size, .align = 4});
  section_header(w, {.name = static_cast<std::uint32_t>(section.size() + 2),
                     .type = kShtStrtab,
                     .offset = strtab_off,
                     .size = shstrtab.size(),
                     .align = 1});
  return w.take();
}

std::uint32_t sysroot_elf_flags(const std::filesystem::path& sysroot, const target::Row& row) {
  namespace fs = std::filesystem;
  // musl sysroots keep crt1.o in usr/lib, glibc ones in usr/lib/<multiarch>.
  std::vector<fs::path> candidates{sysroot / "usr/lib/crt1.o"};
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(sysroot / "usr/lib", ec))
    if (e.is_directory(ec)) candidates.push_back(e.path() / "crt1.o");
  for (const auto& file : candidates) {
    std::array<unsigned char, 52> h{};  // up to e_flags of either class
    std::ifstream in(file, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(h.data()), h.size())) continue;
    bool is64 = h[4] == 2, little = h[5] == 1;
    if (h[0] != 0x7f || h[1] != 'E' || is64 != row.is_64bit || little != row.little_endian) continue;
    unsigned machine = little ? h[18] | (h[19] << 8) : (h[18] << 8) | h[19];
    if (machine != row.elf_machine) continue;
    std::size_t at = is64 ? 48 : 36;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t{h[at + (little ? i : 3 - i)]} << (8 * i);
    return v;
  }
  return 0;
}

}  // namespace xstatic::driver
