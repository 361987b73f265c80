#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "inspect/detail.hpp"

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
  CHECK(stripped.hazards[0].kind == "nss");
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
  CHECK(calling.hazards[0].kind == "iconv");
  llvm::StringRef musl_symbols[] = {"main", "dlopen", "__init_libc"};
  CHECK(find_libc_hazards(musl_symbols, {}).hazards.empty());  // not glibc: nothing to load
}
