// ELF notes that what xstatic builds carries, for `xstatic inspect` to read
// back from stripped binaries. Written by the runtimes module (the mimalloc
// archive member), read by the inspect module: the one spelling both share.
//
// An ELF note is namesz, descsz, type (4 bytes each), then the name and the
// description, each padded to 4 bytes (ELF gABI, "Note Section"). lld keeps
// SHT_NOTE sections through --gc-sections and -s.
#pragma once

#include <string_view>

namespace xstatic::target {

inline constexpr std::string_view kNoteName = "xstatic";
// Description: the allocator linked in, "mimalloc 2.0.9".
inline constexpr unsigned kAllocatorNoteType = 0x414c4c43;  // "ALLC"
inline constexpr std::string_view kAllocatorNoteSection = ".note.xstatic.allocator";
// One note per libc routine xstatic linked in place of musl's (one per
// object of the libc-routines archive; src/runtimes/libc/note.h writes
// them): the description is the routine's name, "strlen".
inline constexpr unsigned kLibcNoteType = 0x4c494243;  // "LIBC"
inline constexpr std::string_view kLibcNoteSection = ".note.xstatic.libc";
// The SBOM of the link (written by the driver into an object of its own,
// src/driver/sbom_object.cpp): the description is the record of
// xstatic/inspect/sbom.hpp. Allocated, so that it lies in a PT_NOTE segment
// and llvm-strip --strip-all, which drops sections outside segments, keeps it.
inline constexpr unsigned kSbomNoteType = 0x53424f4d;  // "SBOM"
inline constexpr std::string_view kSbomNoteSection = ".note.xstatic.sbom";

}  // namespace xstatic::target
