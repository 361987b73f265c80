// Internal interface of the inspect module: one function per format, and the
// bounds-checked helpers they share. Not installed in include/.
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Object/Binary.h>
#include <llvm/Support/Error.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "xstatic/inspect/report.hpp"

namespace llvm::json {
class OStream;
}

namespace xstatic::inspect::detail {

// Throws xstatic::Error "NAME: malformed FORMAT: WHAT" (Exit::usage).
[[noreturn]] void malformed(const Report& r, const std::string& what);

// The `size` bytes at `offset` of `data`, or nullopt when any of them lies
// outside it (overflow-safe: offset + size may exceed 2^64).
std::optional<llvm::StringRef> bytes_at(llvm::StringRef data, std::uint64_t offset, std::uint64_t size);

// The NUL-terminated string at `offset` of `table`, or nullopt when the
// offset is outside the table or the string runs off its end.
std::optional<llvm::StringRef> string_at(llvm::StringRef table, std::uint64_t offset);

// llvm::toString in one place: GCC 12 warns about LLVM's ErrorList inlined into every caller.
std::string error_text(llvm::Error err);
void discard_error(llvm::Error err);

std::string hex(llvm::ArrayRef<std::uint8_t> bytes);

// Whether any of `regions` (section contents) holds `needle` as bytes.
bool contains(llvm::ArrayRef<llvm::StringRef> regions, llvm::StringRef needle);

// Fills the report for one kind of binary (the caller set path and file_size).
void inspect_elf(const llvm::object::Binary& bin, Report& r);
// ELF, after inspect_elf: versioned_imports and glibc_max from the dynamic
// symbols' versions (a dynamic file only; an unreadable table is a note).
void read_versioned_imports(const llvm::object::Binary& bin, Report& r);
// verify --max-glibc FLOOR's rules (xstatic/inspect/verify.hpp), one failure line each.
void check_glibc_floor(const Report& r, const std::string& floor, std::vector<std::string>& failures);
void inspect_macho(const llvm::object::Binary& bin, Report& r);  // thin or universal
void inspect_coff(const llvm::object::Binary& bin, Report& r);
void inspect_wasm(std::string_view bytes, Report& r);  // throws Error on a malformed module

// WebAssembly pieces kept beside inspect_wasm (src/inspect/wasm.cpp): imports
// from anything but wasi_snapshot_preview1 as "module.name"; the module in
// text lines and in JSON (key "wasm", null for other formats).
std::vector<std::string> wasm_foreign_imports(const WasmModule& m);
std::string wasm_static_failure(const WasmModule& m);  // verify --static's reason: names each foreign import
void wasm_text(std::string& out, const WasmModule& m);
void wasm_json(llvm::json::OStream& j, const std::optional<WasmModule>& m);

// Static glibc hazards (NSS, dlopen, iconv) found by symbol name or, in a
// stripped file, by the strings that machinery carries. `symbols` holds every
// symbol name when the file has a symbol table; `rodata` the read-only data.
struct HazardEvidence {
  bool has_symbols = false;
  bool glibc = false;              // a glibc marker was seen (symbol or string)
  std::vector<Hazard> hazards;     // machinery the program calls
  std::vector<std::string> notes;  // machinery only carried along (in every static glibc program)
};
HazardEvidence find_libc_hazards(llvm::ArrayRef<llvm::StringRef> symbols,
                                 llvm::ArrayRef<llvm::StringRef> rodata);

// The allocator a binary carries (see allocator.cpp): "mimalloc 2.0.9",
// "mimalloc", "glibc", "musl" or "unknown". `note` is xstatic's allocator
// note ("" when absent), `libc` what the report says, `rodata` the read-only data.
std::string allocator_of(const std::string& note, std::optional<target::Libc> libc,
                         llvm::ArrayRef<llvm::StringRef> rodata, bool little_endian);

// xstatic's SBOM note (src/inspect/sbom.cpp): fills r.sbom from the first
// well-formed one; a malformed one becomes a line in r.notes.
void read_sbom_note(llvm::StringRef desc, Report& r);
// The driver's record lists mimalloc and xstatic's libc routines as given to
// the link; lld takes their members only when the program calls them, and
// each member carries a note of its own: keeps those entries only when the
// report found that note (allocator "mimalloc ...", libc_routines).
void keep_linked_runtimes(Report& r);
void sbom_text(std::string& out, const EmbeddedSbom& sbom);
void sbom_json(llvm::json::OStream& j, const std::optional<EmbeddedSbom>& sbom);

}  // namespace xstatic::inspect::detail
