// WebAssembly modules: imports by module and name, exports, memory, and the
// "static" rule (every import from wasi_snapshot_preview1). The modules are
// written here byte by byte (https://webassembly.github.io/spec/core/binary/).
#include <doctest/doctest.h>

#include <string>

#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/verify_report.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::inspect;

namespace {

std::string name(std::string_view s) {
  return std::string(1, static_cast<char>(s.size())) + std::string(s);
}

std::string section(char id, const std::string& body) {
  return std::string(1, id) + std::string(1, static_cast<char>(body.size())) + body;
}

// A module importing proc_exit from WASI (and, when asked, foo from "env"),
// defining one function exported as _start and a memory of 2..16 pages.
std::string module(bool import_from_env) {
  std::string m("\0asm\1\0\0\0", 8);
  m += section(1, std::string("\x01\x60\x00\x00", 4));  // one type: () -> ()
  std::string imports = name("wasi_snapshot_preview1") + name("proc_exit") + std::string("\x00\x00", 2);
  if (import_from_env) imports += name("env") + name("foo") + std::string("\x00\x00", 2);
  m += section(2, std::string(1, import_from_env ? 2 : 1) + imports);
  m += section(3, std::string("\x01\x00", 2));          // one function of type 0
  m += section(5, std::string("\x01\x01\x02\x10", 4));  // memory: has max, 2 pages, 16 max
  char start_index = import_from_env ? 2 : 1;           // imported functions come first
  m += section(7, std::string("\x02", 1) + name("_start") + std::string("\x00", 1) +
                      std::string(1, start_index) + name("memory") + std::string("\x02\x00", 2));
  m += section(10, std::string("\x01\x02\x00\x0b", 4));  // the body: no locals, end
  return m;
}

}  // namespace

TEST_CASE("a WASI module reports its imports, exports and memory") {
  Report r = inspect_bytes(module(false), "app.wasm");
  CHECK(r.format == target::ObjectFormat::wasm);
  CHECK(r.arch == "wasm32");
  CHECK(r.target == std::optional<std::string>("wasip1/wasm"));
  CHECK(r.libc == target::Libc::wasi);
  CHECK(r.file_type == FileType::executable);
  CHECK(r.linkage == Linkage::fully_static);
  CHECK(r.stripped);
  REQUIRE(r.wasm);
  REQUIRE(r.wasm->imports.size() == 1);
  CHECK(r.wasm->imports[0].module == "wasi_snapshot_preview1");
  CHECK(r.wasm->imports[0].name == "proc_exit");
  CHECK(r.wasm->imports[0].kind == "function");
  REQUIRE(r.wasm->exports.size() == 2);
  CHECK(r.wasm->exports[0].name == "_start");
  CHECK(r.wasm->exports[1].kind == "memory");
  REQUIRE(r.wasm->memories.size() == 1);
  CHECK(r.wasm->memories[0].initial == 2);
  CHECK(r.wasm->memories[0].max == std::optional<std::uint64_t>(16));
  CHECK_FALSE(r.wasm->memories[0].imported);
}

TEST_CASE("an import from another module than WASI's makes the module dynamic, and verify names it") {
  Report r = inspect_bytes(module(true), "app.wasm");
  CHECK(r.linkage == Linkage::dynamic);
  Policy p;
  p.target = target::parse("wasip1/wasm");
  auto v = verify_report(r, p);
  CHECK_FALSE(v.ok);
  REQUIRE(v.failures.size() == 1);
  CHECK(v.failures[0] == "dynamic: imports from outside wasi_snapshot_preview1: env.foo");
  CHECK(verify_report(inspect_bytes(module(false), "ok.wasm"), p).ok);
}

TEST_CASE("a wasm module is not an ELF target, and an ELF target is not wasm") {
  Policy p;
  p.target = target::parse("linux/amd64");
  auto v = verify_report(inspect_bytes(module(false), "app.wasm"), p);
  CHECK_FALSE(v.ok);
  CHECK(v.failures[0].find("expected linux/amd64") != std::string::npos);
}

TEST_CASE("the text report lists imports by module, exports and memory; JSON has them as fields") {
  Report r = inspect_bytes(module(true), "app.wasm");
  std::string text = to_text(r);
  CHECK(text.find("wasi_snapshot_preview1: proc_exit") != std::string::npos);
  CHECK(text.find("env: foo") != std::string::npos);
  CHECK(text.find("_start, memory (memory)") != std::string::npos);
  CHECK(text.find("2 pages initial, 16 max") != std::string::npos);
  std::string json = to_json(r);
  CHECK(json.find("\"foreign_imports\": [\n      \"env.foo\"") != std::string::npos);
  CHECK(json.find("\"initial_pages\": 2") != std::string::npos);
}

TEST_CASE("a truncated wasm module is an error naming the file, not a crash") {
  std::string m = module(true);
  for (std::size_t n : {9ul, 20ul, m.size() - 3}) {
    CAPTURE(n);
    CHECK_THROWS_AS(inspect_bytes(m.substr(0, n), "cut.wasm"), Error);
  }
}

TEST_CASE(
    "a hostile wasm module is reported, never fatal: a count larger than its section, a long LEB128, a "
    "section past the end") {
  std::string head("\0asm\1\0\0\0", 8);
  // An import section claiming 200 imports in 3 bytes.
  CHECK_THROWS_AS(inspect_bytes(head + section(2, std::string("\xc8\x01\x00", 3)), "count.wasm"), Error);
  // A section size that is an overlong LEB128.
  CHECK_THROWS_AS(inspect_bytes(head + std::string("\x02\x80\x80\x80\x80\x80\x01", 7), "leb.wasm"), Error);
  // A section longer than the file.
  CHECK_THROWS_AS(inspect_bytes(head + std::string("\x07\x7f\x00", 3), "short.wasm"), Error);
  // Memory limits with unknown flags.
  CHECK_THROWS_AS(inspect_bytes(head + section(5, std::string("\x01\x40\x01", 3)), "flags.wasm"), Error);
}
