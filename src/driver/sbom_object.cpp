// A relocatable ELF object holding one note, written byte by byte (ELF gABI,
// "ELF Header", "Sections", "Note Section"): section 0 (null), the note
// section (SHT_NOTE, SHF_ALLOC, 4-aligned) and .shstrtab. No symbols and no
// relocations: lld takes such an object as it is and keeps the note (notes
// are roots of --gc-sections). Both classes and byte orders, so that every
// ELF target of the table gets one without running an assembler.
#include <algorithm>
#include <array>
#include <fstream>
#include <vector>

#include "xstatic/driver/sbom.hpp"

namespace xstatic::driver {
namespace {

constexpr std::uint32_t kShtNote = 7, kShtStrtab = 3;
constexpr std::uint64_t kShfAlloc = 2;

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

 private:
  bool is64_, little_;
  std::string out_;
};

}  // namespace

std::string note_object(const target::Row& row, std::uint32_t e_flags, std::string_view section,
                        std::string_view note_name, std::uint32_t note_type, std::string_view desc) {
  const bool is64 = row.is_64bit;
  const std::size_t ehsize = is64 ? 64 : 52, shentsize = is64 ? 64 : 40;
  const std::size_t namesz = note_name.size() + 1;  // with its NUL
  const std::size_t note_off = align_up(ehsize, 8);
  const std::size_t note_size = 12 + align_up(namesz, 4) + align_up(desc.size(), 4);
  std::string shstrtab = std::string(1, '\0') + std::string(section) + '\0' + ".shstrtab" + '\0';
  const std::size_t strtab_off = note_off + note_size;
  const std::size_t sh_off = align_up(strtab_off + shstrtab.size(), 8);

  Writer w(is64, row.little_endian);
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
  w.u16(ehsize);                      // e_ehsize
  w.u16(0);                           // e_phentsize
  w.u16(0);                           // e_phnum
  w.u16(shentsize);                   // e_shentsize
  w.u16(3);                           // e_shnum
  w.u16(2);                           // e_shstrndx

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

  auto header = [&](std::uint32_t name, std::uint32_t type, std::uint64_t flags, std::uint64_t offset,
                    std::uint64_t size, std::uint64_t align) {
    w.u32(name);
    w.u32(type);
    w.word(flags);
    w.word(0);  // sh_addr
    w.word(offset);
    w.word(size);
    w.u32(0);  // sh_link
    w.u32(0);  // sh_info
    w.word(align);
    w.word(0);  // sh_entsize
  };
  header(0, 0, 0, 0, 0, 0);
  header(1, kShtNote, kShfAlloc, note_off, note_size, 4);
  header(static_cast<std::uint32_t>(section.size() + 2), kShtStrtab, 0, strtab_off, shstrtab.size(), 1);
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
