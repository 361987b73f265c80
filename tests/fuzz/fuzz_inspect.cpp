// libFuzzer target over the whole inspector: recognise, parse, render and
// verify arbitrary bytes. Only xstatic::Error may come out, and whatever
// verify says "ok" to must have a known machine (issue 23: 64 zero bytes
// passed as a COFF object of no machine); the sanitizers
// (address, undefined) catch everything else. There is no signal handler to
// hide a crash, and under XSTATIC_FUZZING an LLVM report_fatal_error aborts
// (guard.hpp), so each reachable one is a finding. Seeds: tests/fuzz/seeds.sh
// inspect; dictionary: tests/fuzz/dict/inspect.dict.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/verify_report.hpp"
#include "xstatic/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xstatic::inspect;
  try {
    Report r = inspect_bytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    (void)to_json(r);
    (void)to_text(r);
    Policy p;
    p.require_stripped = true;
    Verdict v = verify_report(r, p);
    if (v.ok && (r.arch.empty() || r.arch == "unknown")) __builtin_trap();
  } catch (const xstatic::Error&) {
  }
  return 0;
}
