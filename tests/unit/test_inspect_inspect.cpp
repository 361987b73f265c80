#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "inspect/detail.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic::inspect::detail;

TEST_CASE("bytes_at refuses ranges past the end, including ones whose end overflows") {
  llvm::StringRef data("0123456789");
  CHECK(bytes_at(data, 0, 10).value() == "0123456789");
  CHECK(bytes_at(data, 10, 0).value().empty());
  CHECK(bytes_at(data, 4, 3).value() == "456");
  CHECK_FALSE(bytes_at(data, 11, 0));
  CHECK_FALSE(bytes_at(data, 5, 6));
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  CHECK_FALSE(bytes_at(data, kMax - 4, 8));  // offset + size wraps to 3
  CHECK_FALSE(bytes_at(data, 2, kMax));
}

TEST_CASE("string_at needs the offset inside the table and a NUL before its end") {
  llvm::StringRef table("\0libc.so.6\0libm", 15);
  CHECK(string_at(table, 0).value().empty());
  CHECK(string_at(table, 1).value() == "libc.so.6");
  CHECK(string_at(table, 4).value() == "c.so.6");
  CHECK_FALSE(string_at(table, 11));  // "libm" runs off the end
  CHECK_FALSE(string_at(table, 15));
  CHECK_FALSE(string_at(table, 1ull << 40));
}

TEST_CASE("hex prints bytes in order, two lower-case digits each") {
  const std::uint8_t id[] = {0x00, 0x0f, 0xa0, 0xff};
  CHECK(hex(id) == "000fa0ff");
}

TEST_CASE("static glibc hazards: symbols when there are some, strings when stripped") {
  llvm::StringRef rodata = "x\0/etc/nsswitch.conf\0GLIBC_TUNABLES\0gconv-modules";
  llvm::StringRef regions[] = {llvm::StringRef(rodata.data(), 49)};
  auto stripped = find_libc_hazards({}, regions);
  CHECK(stripped.glibc);
  REQUIRE(stripped.hazards.size() == 1);
  CHECK(stripped.hazards[0].kind == xstatic::inspect::HazardKind::nss);
  REQUIRE(stripped.notes.size() == 1);  // gconv's strings are in every static glibc program
  CHECK(stripped.notes[0].find("iconv machinery") != std::string::npos);
  llvm::StringRef symbols[] = {"main", "__libc_start_call_main", "_dl_open"};
  auto with_symbols = find_libc_hazards(symbols, regions);
  CHECK(with_symbols.hazards.empty());  // symbols win: no NSS symbol, and _dl_open is machinery
  REQUIRE(with_symbols.notes.size() == 1);
  CHECK(with_symbols.notes[0].find("dlopen machinery") != std::string::npos);
  llvm::StringRef calls_iconv[] = {"main", "__libc_start_call_main", "__gconv_open", "iconv_open", "dlopen"};
  auto calling = find_libc_hazards(calls_iconv, regions);
  REQUIRE(calling.hazards.size() == 1);
  CHECK(calling.hazards[0].kind == xstatic::inspect::HazardKind::iconv);
  llvm::StringRef musl_symbols[] = {"main", "dlopen", "__init_libc"};
  CHECK(find_libc_hazards(musl_symbols, {}).hazards.empty());  // not glibc: nothing to load
}

TEST_CASE("the allocator: xstatic's note, then mimalloc's messages, the libc, musl's size classes") {
  using xstatic::inspect::detail::allocator_of;
  std::vector<llvm::StringRef> none;
  CHECK(allocator_of("mimalloc 2.0.9", std::nullopt, none, true) == "mimalloc 2.0.9");
  const char mi_text[] = "abc\0mimalloc: warning: %s";
  std::vector<llvm::StringRef> mi{llvm::StringRef(mi_text, sizeof mi_text)};
  CHECK(allocator_of("", std::nullopt, mi, true) == "mimalloc");
  CHECK(allocator_of("", xstatic::target::Libc::glibc, none, true) == "glibc");
  CHECK(allocator_of("", xstatic::target::Libc::musl, none, true) == "musl");
  CHECK(allocator_of("", std::nullopt, none, true) == "unknown");

  // mallocng's size_classes[] as a little- and a big-endian target stores it.
  const std::uint16_t classes[] = {1,    2,    3,    4,    5,    6,    7,    8,    9,    10,   12,   15,
                                   18,   20,   25,   31,   36,   42,   50,   63,   72,   84,   102,  127,
                                   146,  170,  204,  255,  292,  340,  409,  511,  584,  682,  818,  1023,
                                   1169, 1364, 1637, 2047, 2340, 2730, 3276, 4095, 4680, 5460, 6552, 8191};
  std::string le = "xx", be = "yyy";
  for (auto v : classes) {
    le += {static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
    be += {static_cast<char>(v >> 8), static_cast<char>(v & 0xff)};
  }
  std::vector<llvm::StringRef> le_data{le}, be_data{be};
  CHECK(allocator_of("", std::nullopt, le_data, true) == "musl");
  CHECK(allocator_of("", std::nullopt, be_data, false) == "musl");
  CHECK(allocator_of("", std::nullopt, le_data, false) ==
        "unknown");  // the other byte order is not that table
}

TEST_CASE(
    "a truncated WebAssembly module is reported as malformed by our own reader, never handed to LLVM's fatal "
    "one") {
  // Found by fuzz_inspect (tests/fuzz/regressions/inspect/wasm-truncated-global-fatal): LLVM 19's
  // WasmObjectFile calls report_fatal_error on it, which would end the process.
  const std::string wasm("\0asm\x01\0\0\0\x06\x45\x0b\x7f\x01\x41", 14);
  std::string what;
  try {
    (void)xstatic::inspect::inspect_bytes(wasm, "app.wasm");
  } catch (const xstatic::Error& e) {
    what = e.what();
  }
  CHECK(what == "app.wasm: malformed wasm: section 6 is larger than the file");
  CHECK_THROWS_WITH_AS(xstatic::inspect::inspect_bytes("hello", "notes.txt"),
                       "notes.txt: not an ELF, Mach-O, PE or wasm file", xstatic::Error);
}

TEST_CASE("zero bytes are no COFF object: a machine nobody knows is malformed") {
  for (std::size_t n : {64u, 100u, 4096u})
    CHECK_THROWS_WITH_AS(xstatic::inspect::inspect_bytes(std::string(n, '\0'), "zeros"),
                         doctest::Contains("zeros: malformed coff: unknown machine 0x0000"), xstatic::Error);
}

TEST_CASE(
    "an MZ/PE header claiming 0xffff sections (LLVM's import library mark) is malformed, not an object") {
  std::string pe(188, '\0');
  pe[0] = 'M', pe[1] = 'Z', pe[0x3c] = 0x40;
  pe.replace(0x40, 4, std::string("PE\0\0", 4));
  pe[0x44] = '\x64', pe[0x45] = '\x86', pe[0x46] = '\xff', pe[0x47] = '\xff';  // AMD64, 0xffff sections
  CHECK_THROWS_WITH_AS(
      xstatic::inspect::inspect_bytes(pe, "bogus.exe"),
      doctest::Contains("bogus.exe: malformed pe: an MZ/PE file without a PE optional header"),
      xstatic::Error);
}
