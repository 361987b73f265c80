// libFuzzer target over the embedded SBOM's reader (xstatic/inspect/sbom.hpp):
// the description of a .note.xstatic.sbom note, which `xstatic inspect`
// reads from any binary. Nothing may come out but a record or a reason:
// no exception, no crash, no stack exhaustion on deep nesting. What it reads
// must encode to a text that reads back to the same record.
// Seeds: tests/fuzz/seeds.sh sbom.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "xstatic/inspect/sbom.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string problem;
  auto sbom = xstatic::inspect::decode_sbom(in, problem);
  if (!sbom) {
    if (problem.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  std::string again_problem;
  auto again = xstatic::inspect::decode_sbom(xstatic::inspect::encode_sbom(*sbom), again_problem);
  if (!again || *again != *sbom) std::abort();
  return 0;
}
