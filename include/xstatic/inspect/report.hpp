// The inspector's full report on one file: what `xstatic inspect` prints and
// what `verify` (verify.hpp) applies a policy to. Field names here are the
// JSON field names documented in docs/inspect.md; keep them stable.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/inspect/sbom.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::inspect {

// The report's kinds are enums; they become text only where the report is
// rendered (render.cpp, names.cpp), so a new format's inspector (wasm, ...)
// adds a value and its name instead of new string literals to compare.
enum class FileType : std::uint8_t { executable, static_pie, shared_object, object, bundle, core, other };
enum class Linkage : std::uint8_t { none, fully_static, static_pie, dynamic };  // none: not linked (objects)
enum class HazardKind : std::uint8_t { nss, dlopen, iconv, execstack, textrel };

std::string_view name(FileType type);    // "executable", "static-pie", "shared-object", ...
std::string_view name(Linkage linkage);  // "none", "static", "static-pie", "dynamic"
std::string_view name(HazardKind kind);  // "nss", "dlopen", "iconv", "execstack", "textrel"

struct Section {
  std::string name;
  std::uint64_t size = 0;
};

// A library a Mach-O slice links or a PE file imports.
struct Library {
  std::string name;
  std::string kind;     // Mach-O: load, weak, reexport, lazy, upward; PE: import, delay
  bool system = false;  // part of the OS (libSystem; KERNEL32, ucrt api-sets, ...)
};

struct VersionedImport {
  std::string symbol;
  std::string version;  // "GLIBC_2.34", "GLIBC_PRIVATE", "GLIBCXX_3.4.29", ...
};

struct Hazard {
  HazardKind kind;
  std::string reason;  // why, for a human: "static glibc program carries NSS (/etc/nsswitch.conf)"
};

// WebAssembly (src/inspect/wasm.cpp): what a module takes from its host and gives it.
struct WasmExtern {
  std::string module;  // imports: the module named ("wasi_snapshot_preview1", "env"); "" for exports
  std::string name;    // the field: "fd_write", "_start", "memory"
  std::string kind;    // function, table, memory, global, tag
};

struct WasmMemory {
  std::uint64_t initial = 0;         // in 64 KiB pages
  std::optional<std::uint64_t> max;  // in pages; nullopt when unbounded
  bool shared = false;
  bool imported = false;
};

struct WasmModule {
  std::vector<WasmExtern> imports;
  std::vector<WasmExtern> exports;
  std::vector<WasmMemory> memories;  // imported ones first
};

// The import module a WASI preview 1 runtime provides; "static" for wasm
// means every import comes from it.
inline constexpr std::string_view kWasiModule = "wasi_snapshot_preview1";

struct Report {
  std::string path;
  std::optional<target::ObjectFormat> format;  // nullopt until an inspector recognised the file
  bool universal = false;                      // Mach-O: a universal (fat) binary; see `slices`
  std::string format_name;                     // LLVM's name: elf64-x86-64, Mach-O arm64, COFF-x86-64
  std::string arch;               // LLVM's architecture name: x86_64, aarch64, arm, s390x, i386 ...
  std::uint16_t elf_machine = 0;  // ELF e_machine; 0 for other formats
  unsigned bits = 0;              // 32 or 64
  bool little_endian = true;
  std::optional<std::string> target;  // the matching target table row: "linux/arm64"
  std::optional<target::Libc> libc;   // nullopt when it cannot be told
  std::string
      allocator;  // ELF executables and shared objects: "mimalloc 2.0.9", mimalloc, musl, glibc, unknown
  // ELF: the libc routines xstatic linked in place of musl's, from their
  // notes (xstatic/target/notes.hpp), in the order of the binary: strlen, qsort.
  std::vector<std::string> libc_routines;
  // ELF: the SBOM the driver embedded at link time (xstatic/inspect/sbom.hpp);
  // nullopt when there is none (a malformed one is a line in `notes`).
  std::optional<EmbeddedSbom> sbom;
  FileType file_type = FileType::other;
  Linkage linkage = Linkage::none;
  bool pie = false;

  // ELF dynamic linking.
  std::string interpreter;           // PT_INTERP
  std::vector<std::string> needed;   // DT_NEEDED, in order
  std::string soname;                // DT_SONAME
  std::vector<std::string> rpath;    // DT_RPATH entries (Mach-O: LC_RPATH)
  std::vector<std::string> runpath;  // DT_RUNPATH entries
  // Undefined dynamic symbols bound to a version (.gnu.version, .gnu.version_r):
  // {"close_range", "GLIBC_2.34"}; and the highest GLIBC_x.y among them
  // ("2.34"; "" when the file needs no versioned glibc symbol: static, musl).
  std::vector<VersionedImport> versioned_imports;
  std::string glibc_max;

  // Mach-O and PE linking.
  std::vector<Library> dylibs;   // Mach-O LC_LOAD_DYLIB and its weak/reexport/lazy/upward forms
  std::string min_os;            // Mach-O: "macos 11.0" (LC_BUILD_VERSION or LC_VERSION_MIN_*)
  std::vector<Library> imports;  // PE: imported DLLs, delay-loaded ones with kind "delay"
  std::string subsystem;         // PE: console, windows, efi-application, ...

  bool has_symtab = false;
  std::uint64_t symbol_count = 0;
  std::vector<std::string> debug_sections;
  bool stripped = false;  // no symbol table and no debug sections

  std::string build_id;  // hex: NT_GNU_BUILD_ID, Mach-O LC_UUID, PE has none
  std::uint64_t entry = 0;
  std::uint64_t file_size = 0;
  std::size_t section_count = 0;
  std::vector<Section> largest_sections;  // up to kLargestSections, biggest first

  std::optional<bool> exec_stack;  // ELF: PT_GNU_STACK has PF_X; nullopt when there is no PT_GNU_STACK
  bool text_relocations = false;   // ELF: DT_TEXTREL or DF_TEXTREL
  std::vector<Hazard> hazards;
  std::vector<std::string> notes;  // oddities worth a line that are not hazards

  std::optional<WasmModule> wasm;  // format wasm: imports, exports, memory

  std::vector<Report> slices;  // macho-universal: one report per architecture slice
};

inline constexpr std::size_t kLargestSections = 5;

// Memory-maps `file` and reports on it. Throws xstatic::Error (Exit::usage)
// naming the file when it cannot be read or is not a well-formed ELF,
// Mach-O or PE file. Never crashes on malformed input: LLVM's fatal errors
// (and, outside fuzzing builds, SIGSEGV/SIGBUS) while parsing become an Error.
Report inspect_file(const std::filesystem::path& file);

// The same on bytes already in memory (tests and the fuzzer); `name` is used in messages.
Report inspect_bytes(std::string_view bytes, std::string_view name);

// The report's "format" as rendered: elf, macho, macho-universal, pe, coff
// (a COFF object), wasm; "file" while the format is unknown.
std::string_view format_name(const Report& report);

// Renders a report for people (several lines) or as one JSON object.
std::string to_text(const Report& report);
std::string to_json(const Report& report);

}  // namespace xstatic::inspect
