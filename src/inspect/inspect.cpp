// Opening a file: map it, let LLVM recognise the format, then fill the
// report with the format's inspector. A malformed file is an Error for that
// file, raised by an explicit check; guard.hpp says what happens when LLVM
// itself gives up instead.
#include <llvm/BinaryFormat/Magic.h>
#include <llvm/Object/Binary.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstring>

#include "detail.hpp"
#include "guard.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::inspect {
namespace detail {

[[noreturn]] void malformed(const Report& r, const std::string& what) {
  throw Error(r.path + ": malformed " + std::string(format_name(r)) + ": " + what);
}

std::optional<llvm::StringRef> bytes_at(llvm::StringRef data, std::uint64_t offset, std::uint64_t size) {
  if (offset > data.size() || size > data.size() - offset) return std::nullopt;
  return data.substr(offset, size);
}

std::optional<llvm::StringRef> string_at(llvm::StringRef table, std::uint64_t offset) {
  if (offset >= table.size()) return std::nullopt;
  const char* start = table.data() + offset;
  const void* nul = std::memchr(start, '\0', table.size() - offset);
  if (!nul) return std::nullopt;
  return llvm::StringRef(start, static_cast<std::size_t>(static_cast<const char*>(nul) - start));
}

bool contains(llvm::ArrayRef<llvm::StringRef> regions, llvm::StringRef needle) {
  for (llvm::StringRef r : regions)
    if (memmem(r.data(), r.size(), needle.data(), needle.size())) return true;
  return false;
}

std::string hex(llvm::ArrayRef<std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

}  // namespace detail

namespace {

const char* format_of(const llvm::object::Binary& bin) {
  if (bin.isELF()) return "ELF";
  if (bin.isMachO() || bin.isMachOUniversalBinary()) return "Mach-O";
  if (bin.isCOFF()) return "PE/COFF";
  if (bin.isWasm()) return "wasm";
  return nullptr;
}

// The format a file claims by its magic number, even when LLVM then rejects it.
const char* format_of_magic(llvm::file_magic magic) {
  switch (magic) {
    case llvm::file_magic::elf:
    case llvm::file_magic::elf_relocatable:
    case llvm::file_magic::elf_executable:
    case llvm::file_magic::elf_shared_object:
    case llvm::file_magic::elf_core:
      return "elf";
    case llvm::file_magic::macho_universal_binary:
      return "macho-universal";
    case llvm::file_magic::pecoff_executable:
      return "pe";
    case llvm::file_magic::coff_object:
      return "coff";
    case llvm::file_magic::wasm_object:
      return "wasm";
    case llvm::file_magic::macho_object:
    case llvm::file_magic::macho_executable:
    case llvm::file_magic::macho_fixed_virtual_memory_shared_lib:
    case llvm::file_magic::macho_core:
    case llvm::file_magic::macho_preload_executable:
    case llvm::file_magic::macho_dynamically_linked_shared_lib:
    case llvm::file_magic::macho_dynamic_linker:
    case llvm::file_magic::macho_bundle:
    case llvm::file_magic::macho_dynamically_linked_shared_lib_stub:
    case llvm::file_magic::macho_dsym_companion:
    case llvm::file_magic::macho_kext_bundle:
    case llvm::file_magic::macho_file_set:
      return "macho";
    default:
      return nullptr;
  }
}

// A name for a file LLVM recognises but we do not inspect.
const char* kind_of(llvm::file_magic magic) {
  switch (magic) {
    case llvm::file_magic::archive:
      return "static library";
    case llvm::file_magic::bitcode:
      return "LLVM bitcode";
    default:
      return "another object format";
  }
}

void inspect_binary(llvm::MemoryBufferRef buffer, Report& r) {
  // Only ELF, Mach-O and PE/COFF reach LLVM's readers; wasm goes to our own
  // reader. LLVM 19's WebAssembly reader calls report_fatal_error on a
  // truncated module ("EOF while reading uint8", found by fuzz_inspect),
  // which would end the process (guard.hpp).
  llvm::file_magic magic = llvm::identify_magic(buffer.getBuffer());
  if (magic == llvm::file_magic::wasm_object) {  // our own bounds-checked reader (wasm_reader.cpp)
    detail::inspect_wasm(std::string_view(buffer.getBufferStart(), buffer.getBufferSize()), r);
    return;
  }
  if (!format_of_magic(magic))
    throw Error(
        r.path + ": not an ELF, Mach-O, PE or wasm file" +
        (magic == llvm::file_magic::unknown ? std::string() : " (" + std::string(kind_of(magic)) + ")"));
  auto bin = llvm::object::createBinary(buffer);
  if (!bin) {
    std::string why = detail::error_text(bin.takeError());
    if (const char* format = format_of_magic(llvm::identify_magic(buffer.getBuffer())))
      throw Error(r.path + ": malformed " + format + ": " + why);
    throw Error(r.path + ": not an ELF, Mach-O, PE or wasm file (" + why + ")");
  }
  const llvm::object::Binary& b = **bin;
  const char* format = format_of(b);
  if (!format)
    throw Error(r.path + ": not an ELF, Mach-O, PE or wasm file (" + "type " +
                std::to_string(static_cast<int>(b.getType())) + ")");
  if (b.isELF()) {
    detail::inspect_elf(b, r);
    detail::read_versioned_imports(b, r);
  } else if (b.isCOFF()) {
    detail::inspect_coff(b, r);
  } else {
    detail::inspect_macho(b, r);
  }
}

Report inspect_buffer(llvm::MemoryBufferRef buffer, std::string name) {
  Report r;
  r.path = std::move(name);
  r.file_size = buffer.getBufferSize();
  detail::FatalErrorScope fatal(r.path);
  inspect_binary(buffer, r);
  return r;
}

}  // namespace

Report inspect_file(const std::filesystem::path& file) {
  // Devices and pipes have no size to map: /dev/zero would be read forever.
  std::error_code ec;
  auto status = std::filesystem::status(file, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    throw Error(file.string() + ": cannot read: not a regular file");
  // Not volatile and no NUL terminator needed: large files are mmap()ed, so
  // only the pages we touch are read (bench/inspect.sh: a 100 MB binary in
  // milliseconds). The price: a file that another process truncates while we
  // read it ends xstatic with SIGBUS, as it does readelf; no handler hides
  // that (guard.hpp), and it is a race, not something the file's bytes can do.
  auto buffer = llvm::MemoryBuffer::getFile(file.string(), /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false, /*IsVolatile=*/false);
  if (!buffer) throw Error(file.string() + ": cannot read: " + buffer.getError().message());
  return inspect_buffer((*buffer)->getMemBufferRef(), file.string());
}

Report inspect_bytes(std::string_view bytes, std::string_view name) {
  return inspect_buffer(llvm::MemoryBufferRef(llvm::StringRef(bytes.data(), bytes.size()),
                                              llvm::StringRef(name.data(), name.size())),
                        std::string(name));
}

}  // namespace xstatic::inspect
