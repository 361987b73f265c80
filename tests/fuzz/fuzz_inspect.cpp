// libFuzzer target over the whole inspector: recognise, parse, render and
// verify arbitrary bytes. Only xstatic::Error may come out; the sanitizers
// (address, undefined) catch everything else. XSTATIC_FUZZING keeps the
// inspector's guard from catching SIGSEGV, so the fuzzer sees real crashes
// (LLVM's report_fatal_error is still turned into an Error, as in production).
#include <cstddef>
#include <cstdint>
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
    (void)verify_report(r, p);
  } catch (const xstatic::Error&) {
  }
  return 0;
}
