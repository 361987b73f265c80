// The SBOM a link embeds (the record of xstatic/inspect/sbom.hpp): what the
// link was given besides the user's objects. Written on every ELF link made
// with lld (executables and shared objects), unless --no-sbom or
// XSTATIC_NO_SBOM=1 says no, -nostdlib/-nodefaultlibs leave the libraries to
// the user, or the output is /dev/null (a build system's probe).
//
// How: the driver writes a small relocatable ELF object holding one
// allocated SHT_NOTE section, .note.xstatic.sbom, and hands it to lld with
// the user's inputs (-Wl,FILE, so that a -x LANG of the user's cannot make
// clang compile it). lld keeps notes through --gc-sections and puts
// allocated ones into a PT_NOTE segment, which strip --strip-all keeps. No
// clang or assembler run: the object is a few hundred bytes written here.
//
// What lld kept: the note is written before the link, from what the link is
// given, but lld takes an archive's members only for symbols still undefined,
// so a program that never calls malloc carries no mimalloc, a C++ program that
// uses nothing of libc++ no libc++, and an archive of the user's may give
// nothing. Each such entry (a runtime, an `xstatic pkg` library, an archive
// of the user's) carries the archives that bring it (LinkSbom::conditional);
// the link then asks lld for its --why-extract report, and after the link
// settle_sbom_note() rewrites the note in the output, in place, without the
// entries none of whose archives lld took from. The rewrite keeps the note's
// size (the record shrinks and is padded with spaces, which any JSON reader
// skips) and so every offset of the file; the build-id stays the one lld
// computed over the bytes before the rewrite, a function of the same inputs:
// reproducible, and as unique as before (strip and objcopy change a file
// under its build-id the same way). A member lld extracted and --gc-sections
// then emptied still counts (it was linked; its own note is kept too).
//
// Cost on a link: reading the sysroot's and the runtimes' manifests (already
// small JSON files), the first 64 bytes of the sysroot's crt1.o, and the
// SHA-256 of each of the user's own archives; compiles do none of it. lld's
// report and reading it add 0.3-0.6% to a link's instructions; the rewrite,
// when due, reads the output's headers and writes a few hundred bytes
// (docs/inspect.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/driver/args.hpp"
#include "xstatic/driver/command.hpp"
#include "xstatic/inspect/sbom.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::driver {

inline constexpr const char* kNoSbomVar = "XSTATIC_NO_SBOM";

// True when this call's link gets an SBOM note (see above).
bool wants_sbom(const Invocation& inv, const Plan& plan);

// The record for this link: the sysroot's Debian packages, the runtimes and
// packages of the plan, and the user's own static archives (inputs ending
// in .a and -lNAME found as libNAME.a in the -L folders, outside the store)
// with their SHA-256. An archive's path is as given when relative; an
// absolute one goes through the link's -ffile-prefix-map/-fdebug-prefix-map
// (as the release passes them), else is made relative to the working folder
// when inside it, so that the same commit gives the same note from any checkout.
inspect::EmbeddedSbom sbom_of_link(const Invocation& inv, const Plan& plan);

// A relocatable ELF object for `row` (class, byte order, e_machine; e_flags
// as given: some machines' linkers refuse objects of another ABI) holding
// one allocated SHT_NOTE section named `section` with one note.
std::string note_object(const target::Row& row, std::uint32_t e_flags, std::string_view section,
                        std::string_view note_name, std::uint32_t note_type, std::string_view desc);

// e_flags of the sysroot's crt1.o (the ABI every object of the link shares:
// MIPS's n64/o32, ARM's EABI version); 0 when there is none to read.
std::uint32_t sysroot_elf_flags(const std::filesystem::path& sysroot, const target::Row& row);

// Which list of the record an entry lld may leave out is in.
enum class SbomList : std::uint8_t { runtimes, libraries, archives };

// An entry of the note that stays only when lld takes a member of one of its archives.
struct SbomCondition {
  SbomList list;
  std::string name;                             // the entry's name in that list
  std::vector<std::filesystem::path> archives;  // absolute, lexically normal
};

// A link's note before the link: the record, its bytes, and the entries lld may leave out.
struct LinkSbom {
  inspect::EmbeddedSbom given;
  std::string desc;  // encode_sbom(given): the note's description as the object holds it
  std::vector<SbomCondition> conditional;
};

// The note of this link (sbom_of_link and what each entry depends on), or
// nullopt when none is due (wants_sbom). mimalloc linked whole
// (--malloc=mimalloc) is not conditional, nor is any archive or package when
// the user's flags say --whole-archive (lld's report does not name what that
// brings in).
std::optional<LinkSbom> link_sbom(const Invocation& inv, const Plan& plan);

// Writes the object holding `sbom` for this link into a temporary file and
// returns its path (the caller removes it after the link); nullopt when the
// file cannot be written (the link then goes on without a note).
std::optional<std::string> write_sbom_object(const LinkSbom& sbom, const Plan& plan);

// The record as linked: `sbom.given` without the conditional entries none of
// whose archives is in `linked` (absolute, lexically normal: linked_archives()
// of lld's report).
inspect::EmbeddedSbom sbom_as_linked(const LinkSbom& sbom, const std::vector<std::filesystem::path>& linked);

// `desc` (a shorter record) padded with spaces to `size` bytes; nullopt when longer.
std::optional<std::string> padded_desc(std::string desc, std::size_t size);

// After a successful link: rewrites the note of `output` to sbom_as_linked()
// when that differs from what was given. `report` is lld's --why-extract
// report; one without its header line (a --why-extract of the user's took
// the file) leaves the note as given, as does an output whose note is not
// found with the bytes the object held. Never fails the link.
void settle_sbom_note(const std::string& output, const LinkSbom& sbom, std::string_view report);

}  // namespace xstatic::driver
