// Where the SBOM note's description lies in an ELF file (see
// xstatic/inspect/sbom.hpp): the driver's rewrite after the link needs its
// file offset. LLVM's ELFFile bounds the section table and each section's
// contents; a PT_NOTE range is checked here (notes_begin adds it unchecked).
#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELF.h>
#include <llvm/Object/ELFTypes.h>

#include "detail.hpp"
#include "xstatic/inspect/sbom.hpp"
#include "xstatic/target/notes.hpp"

namespace xstatic::inspect {
namespace {

template <class ELFT>
std::optional<SbomNoteAt> sbom_note_in(llvm::StringRef data) {
  auto file = llvm::object::ELFFile<ELFT>::create(data);
  if (!file) {
    llvm::consumeError(file.takeError());
    return std::nullopt;
  }
  const auto& elf = *file;
  // The first SBOM note in a list of notes (one section, or one segment).
  auto first_in = [&](auto notes, std::uint64_t align) -> std::optional<SbomNoteAt> {
    for (const auto& note : notes) {
      if (note.getType() != target::kSbomNoteType || note.getName() != llvm::StringRef(target::kNoteName))
        continue;
      auto desc = note.getDesc(align ? align : 4);
      return SbomNoteAt{static_cast<std::size_t>(reinterpret_cast<const char*>(desc.data()) - data.data()),
                        desc.size()};
    }
    return std::nullopt;
  };
  auto sections = elf.sections();
  if (!sections) {
    llvm::consumeError(sections.takeError());
    return std::nullopt;
  }
  for (const auto& sec : *sections) {
    if (sec.sh_type != llvm::ELF::SHT_NOTE) continue;
    auto name = elf.getSectionName(sec);
    if (!name) {
      llvm::consumeError(name.takeError());
      continue;
    }
    if (*name != llvm::StringRef(target::kSbomNoteSection)) continue;
    llvm::Error err = llvm::Error::success();
    auto found = first_in(elf.notes(sec, err), sec.sh_addralign);
    if (err) {
      llvm::consumeError(std::move(err));
      return std::nullopt;
    }
    return found;
  }
  if (!sections->empty()) return std::nullopt;
  auto phdrs = elf.program_headers();
  if (!phdrs) {
    llvm::consumeError(phdrs.takeError());
    return std::nullopt;
  }
  for (const auto& p : *phdrs) {
    if (p.p_type != llvm::ELF::PT_NOTE || !detail::bytes_at(data, p.p_offset, p.p_filesz)) continue;
    if (p.p_align != 0 && p.p_align != 4 && p.p_align != 8) continue;
    llvm::Error err = llvm::Error::success();
    auto found = first_in(elf.notes(p, err), p.p_align);
    if (err) {
      llvm::consumeError(std::move(err));
      continue;
    }
    if (found) return found;
  }
  return std::nullopt;
}

}  // namespace

std::optional<SbomNoteAt> find_sbom_note(std::string_view file) {
  llvm::StringRef data(file.data(), file.size());
  if (data.size() < llvm::ELF::EI_NIDENT || !data.starts_with(llvm::ELF::ElfMagic)) return std::nullopt;
  bool is64 = data[llvm::ELF::EI_CLASS] == llvm::ELF::ELFCLASS64;
  bool little = data[llvm::ELF::EI_DATA] == llvm::ELF::ELFDATA2LSB;
  if (is64)
    return little ? sbom_note_in<llvm::object::ELF64LE>(data) : sbom_note_in<llvm::object::ELF64BE>(data);
  return little ? sbom_note_in<llvm::object::ELF32LE>(data) : sbom_note_in<llvm::object::ELF32BE>(data);
}

}  // namespace xstatic::inspect
