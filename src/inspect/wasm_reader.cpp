// A bounds-checked reader of a WebAssembly module's outline: the sections,
// imports, exports and memories that inspect reports. Spec:
// https://webassembly.github.io/spec/core/binary/modules.html
//
// Why not LLVM's WasmObjectFile: LLVM 19's wasm reader calls
// report_fatal_error on a truncated or malformed module ("EOF while reading
// uint8"; found by fuzz_inspect), which ends the process. Every read here
// checks the end of its section first and the first failure becomes an
// error message, so a hostile module is reported, never fatal.
#include "wasm_reader.hpp"

#include <algorithm>

namespace xstatic::inspect::detail {
namespace {

// A cursor over one byte range; every read checks the end and records the
// first failure, after which reads return zeros (callers check ok()).
class Cursor {
 public:
  Cursor(const std::uint8_t* p, const std::uint8_t* end) : p_(p), end_(end) {}
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool at_end() const { return p_ >= end_; }
  std::size_t left() const { return static_cast<std::size_t>(end_ - p_); }
  const std::uint8_t* here() const { return p_; }

  std::uint8_t byte() {
    if (!ok()) return 0;
    if (p_ >= end_) return fail("unexpected end of data"), 0;
    return *p_++;
  }
  // Unsigned LEB128 of at most `bits` bits (the spec's u32 / u64).
  std::uint64_t leb(unsigned bits) {
    std::uint64_t value = 0;
    const unsigned max_bytes = (bits + 6) / 7;
    for (unsigned i = 0; i < max_bytes; ++i) {
      std::uint8_t b = byte();
      if (!ok()) return 0;
      value |= static_cast<std::uint64_t>(b & 0x7f) << (7 * i);
      if (!(b & 0x80)) {
        bool too_big = bits < 64 ? (value >> bits) != 0 : (i == max_bytes - 1 && (b & 0x7e) != 0);
        if (too_big) return fail("LEB128 number out of range"), 0;
        return value;
      }
    }
    return fail("LEB128 number too long"), 0;
  }
  std::uint32_t u32() { return static_cast<std::uint32_t>(leb(32)); }
  std::string name() {
    std::uint32_t n = u32();
    if (!ok()) return {};
    if (n > left()) return fail("name longer than its section"), std::string();
    std::string s(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return s;
  }
  void skip(std::size_t n) {
    if (!ok()) return;
    if (n > left()) return fail("unexpected end of data");
    p_ += n;
  }
  // A count of items of at least `min_size` bytes each, checked against what is left.
  std::uint32_t count(std::size_t min_size) {
    std::uint32_t n = u32();
    if (ok() && static_cast<std::uint64_t>(n) * min_size > left())
      return fail("count larger than its section"), 0;
    return n;
  }
  void fail(const std::string& what) {
    if (error_.empty()) error_ = what;
  }

 private:
  const std::uint8_t* p_;
  const std::uint8_t* end_;
  std::string error_;
};

const char* kind_name(std::uint8_t kind) {
  switch (kind) {
    case 0:
      return "function";
    case 1:
      return "table";
    case 2:
      return "memory";
    case 3:
      return "global";
    case 4:
      return "tag";
    default:
      return nullptr;
  }
}

WasmMemory limits(Cursor& c, WasmOutline& o) {
  WasmMemory m;
  std::uint8_t flags = c.byte();
  if (flags & ~0x07u) c.fail("unknown limits flags");
  bool is64 = (flags & 0x04) != 0;
  o.is64 = o.is64 || is64;
  m.shared = (flags & 0x02) != 0;
  unsigned bits = is64 ? 64 : 32;
  m.initial = c.leb(bits);
  if (flags & 0x01) m.max = c.leb(bits);
  return m;
}

void import_section(Cursor& c, WasmOutline& o) {
  for (std::uint32_t i = 0, n = c.count(3); i < n && c.ok(); ++i) {
    WasmExtern e;
    e.module = c.name();
    e.name = c.name();
    std::uint8_t kind = c.byte();
    const char* k = kind_name(kind);
    if (!k) return c.fail("unknown import kind " + std::to_string(kind));
    e.kind = k;
    switch (kind) {
      case 0:
        c.u32();
        break;  // type index
      case 1:
        c.byte();
        limits(c, o);
        break;  // reference type, limits
      case 2: {
        WasmMemory m = limits(c, o);
        m.imported = true;
        o.module.memories.push_back(m);
        break;
      }
      case 3:
        c.byte();
        c.byte();
        break;  // value type, mutability
      case 4:
        c.byte();
        c.u32();
        break;  // attribute, type index
    }
    if (c.ok()) o.module.imports.push_back(std::move(e));
  }
}

void export_section(Cursor& c, WasmOutline& o) {
  for (std::uint32_t i = 0, n = c.count(3); i < n && c.ok(); ++i) {
    WasmExtern e;
    e.name = c.name();
    std::uint8_t kind = c.byte();
    const char* k = kind_name(kind);
    if (!k) return c.fail("unknown export kind " + std::to_string(kind));
    e.kind = k;
    c.u32();  // index
    if (c.ok()) o.module.exports.push_back(std::move(e));
  }
}

void memory_section(Cursor& c, WasmOutline& o) {
  for (std::uint32_t i = 0, n = c.count(2); i < n && c.ok(); ++i) {
    WasmMemory m = limits(c, o);
    if (c.ok()) o.module.memories.push_back(m);
  }
}

// The "name" section's function-name map (subsection 1) counts as the symbol table.
void name_section(Cursor& c, WasmOutline& o) {
  o.has_names = true;
  while (c.ok() && !c.at_end()) {
    std::uint8_t id = c.byte();
    std::uint32_t size = c.u32();
    if (!c.ok() || size > c.left()) return c.fail("name subsection larger than its section");
    if (id == 1) {
      Cursor sub(c.here(), c.here() + size);
      o.named_functions += sub.count(2);
    }
    c.skip(size);
  }
}

const char* section_name(std::uint8_t id) {
  static const char* const names[] = {"",       "TYPE",  "IMPORT", "FUNCTION", "TABLE", "MEMORY",    "GLOBAL",
                                      "EXPORT", "START", "ELEM",   "CODE",     "DATA",  "DATACOUNT", "TAG"};
  return id < sizeof names / sizeof names[0] ? names[id] : nullptr;
}

}  // namespace

std::optional<WasmOutline> read_wasm(std::span<const std::uint8_t> bytes, std::string& error) {
  static const std::uint8_t header[8] = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  if (bytes.size() < 8 || !std::equal(header, header + 8, bytes.begin())) {
    error = "not a WebAssembly module of version 1";
    return std::nullopt;
  }
  WasmOutline o;
  Cursor c(bytes.data() + 8, bytes.data() + bytes.size());
  while (c.ok() && !c.at_end()) {
    std::uint8_t id = c.byte();
    std::uint32_t size = c.u32();
    if (!c.ok()) break;
    if (size > c.left()) {
      c.fail("section " + std::to_string(id) + " is larger than the file");
      break;
    }
    Cursor body(c.here(), c.here() + size);
    WasmSection s{"", size};
    if (id == 0) {
      s.name = body.name();
      s.size = body.left();  // a custom section's size is its content's, after the name (as LLVM counts)
      if (s.name == "linking") o.relocatable = true;
      if (s.name == "dylink" || s.name == "dylink.0") o.shared_object = true;
      if (s.name == "name") name_section(body, o);
    } else if (const char* n = section_name(id)) {
      s.name = n;
      if (id == 2) import_section(body, o);
      if (id == 5) memory_section(body, o);
      if (id == 7) export_section(body, o);
    } else {
      body.fail("unknown section id " + std::to_string(id));
    }
    if (!body.ok()) {
      c.fail("section " + (s.name.empty() ? std::to_string(id) : s.name) + ": " + body.error());
      break;
    }
    o.sections.push_back(std::move(s));
    c.skip(size);
  }
  if (!c.ok()) {
    error = c.error();
    return std::nullopt;
  }
  return o;
}

}  // namespace xstatic::inspect::detail
