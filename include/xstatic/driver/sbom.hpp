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
// Cost on a link: reading the sysroot's and the runtimes' manifests (already
// small JSON files), the first 64 bytes of the sysroot's crt1.o, and the
// SHA-256 of each of the user's own archives; compiles do none of it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

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

// Writes the object for this link into a temporary file and returns its
// path (the caller removes it after the link); nullopt when no note is due
// or the file cannot be written (the link then goes on without one).
std::optional<std::string> write_sbom_object(const Invocation& inv, const Plan& plan);

}  // namespace xstatic::driver
