// The SBOM inside a binary: a compact record of what went into a link,
// written by the driver into an allocated ELF note (.note.xstatic.sbom,
// xstatic/target/notes.hpp) and read back by `xstatic inspect`, also from a
// stripped binary (a note in a PT_NOTE segment survives strip --strip-all).
//
// The note's description is one line of compact JSON, readable by `readelf
// -n` and `strings` without xstatic (field names short on purpose):
//
//   {"v":1,"target":"linux/amd64","libc":"musl","xstatic":"0.1.0",
//    "deb":[["musl-dev","1.2.3-1"],...],          Debian packages of the sysroot
//    "rt":[["libc++","19.1.7"],["mimalloc","2.0.9"],["xstatic-libc","3f2a9c1e"]],
//    "pkg":[["zlib","1:1.2.13.dfsg-1","Zlib"]],   xstatic pkg libraries (version, SPDX licence)
//    "ar":[["vendor/libfoo.a","<sha256>"]]}       the user's own static archives
//
// Written and read here, in one place, so that both sides spell it alike
// (the driver uses inspect; inspect never uses the driver).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::inspect {

inline constexpr int kSbomFormat = 1;
// A description larger than this is not ours (the driver writes a few hundred bytes).
inline constexpr std::size_t kSbomMaxSize = 64 * 1024;

// The runtimes the driver names in the note because the link was given their
// archive, though lld may take nothing from it: each also leaves a mark of its
// own in the binary (mimalloc's strings, the routines' note), and inspect
// shows the entry only when that mark is there. One spelling for the writer
// (driver/sbom.cpp) and the reader (inspect/sbom_render.cpp).
inline constexpr std::string_view kSbomMimalloc = "mimalloc";
inline constexpr std::string_view kSbomLibcRoutines = "xstatic-libc";

struct SbomComponent {
  std::string name;     // "musl-dev", "libc++", "zlib", or an archive's path ("vendor/libfoo.a")
  std::string version;  // "1.2.3-1"; for an archive: its SHA-256 (hex)
  std::string license;  // pkg libraries: the SPDX expression; "" otherwise

  bool operator==(const SbomComponent&) const = default;
};

struct EmbeddedSbom {
  int format = kSbomFormat;
  std::string target;                    // "linux/amd64"
  std::string libc;                      // "musl", "glibc"
  std::string xstatic;                   // the xstatic version that linked it
  std::vector<SbomComponent> packages;   // Debian packages the sysroot was made from
  std::vector<SbomComponent> runtimes;   // libc++, mimalloc, xstatic-libc
  std::vector<SbomComponent> libraries;  // `xstatic pkg` packages the link named
  std::vector<SbomComponent> archives;   // the user's own static archives: path, sha256

  bool operator==(const EmbeddedSbom&) const = default;
};

// The note's description (compact JSON, no trailing NUL).
std::string encode_sbom(const EmbeddedSbom& sbom);

// Reads a description back. Hostile input is expected (a binary found on a
// server): anything but a well-formed record of a known format gives
// nullopt and says why in `problem`; it never throws or crashes.
std::optional<EmbeddedSbom> decode_sbom(std::string_view desc, std::string& problem);

// Where an ELF file's SBOM note description lies: its file offset and size
// (the first note of owner xstatic and type SBOM in the .note.xstatic.sbom
// section, else in a PT_NOTE segment when the file has no section table).
// nullopt when the file is not ELF or has no such note. The driver rewrites
// the description in place after the link (xstatic/driver/sbom.hpp).
struct SbomNoteAt {
  std::size_t offset = 0;
  std::size_t size = 0;
};
std::optional<SbomNoteAt> find_sbom_note(std::string_view file);

}  // namespace xstatic::inspect
