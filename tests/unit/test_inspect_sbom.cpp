// The embedded SBOM's record (xstatic/inspect/sbom.hpp): written and read
// back alike, and hostile descriptions refused with a reason, never thrown.
#include <doctest/doctest.h>

#include <string>

#include "xstatic/inspect/sbom.hpp"

using namespace xstatic::inspect;

namespace {

EmbeddedSbom sample() {
  EmbeddedSbom s;
  s.target = "linux/arm64";
  s.libc = "musl";
  s.xstatic = "0.1.0";
  s.packages = {{"libgcc-12-dev", "12.2.0-14+deb12u1", ""}, {"musl-dev", "1.2.3-1", ""}};
  s.runtimes = {{"libc++", "19.1.7", ""}, {"mimalloc", "2.0.9", ""}};
  s.libraries = {{"zlib", "1:1.2.13.dfsg-1", "Zlib"}};
  s.archives = {{"vendor/libfoo.a", std::string(64, 'a'), ""}};
  return s;
}

std::string refusal(std::string_view desc) {
  std::string problem;
  auto got = decode_sbom(desc, problem);
  CHECK_FALSE(got.has_value());
  CHECK_FALSE(problem.empty());
  return problem;
}

}  // namespace

TEST_CASE("an SBOM record reads back as written, compact and without a NUL") {
  auto s = sample();
  std::string text = encode_sbom(s);
  CHECK(text.starts_with("{\"v\":1,\"target\":\"linux/arm64\""));
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text.size() < 512);
  std::string problem;
  auto back = decode_sbom(text, problem);
  REQUIRE(back.has_value());
  CHECK(*back == s);
  // A writer that pads the description with NULs is read the same.
  back = decode_sbom(text + std::string(3, '\0'), problem);
  REQUIRE(back.has_value());
  CHECK(*back == s);
  // Empty lists are left out and read back empty.
  EmbeddedSbom bare;
  bare.target = "linux/amd64";
  bare.libc = "glibc";
  bare.xstatic = "0.1.0";
  CHECK(encode_sbom(bare) == "{\"v\":1,\"target\":\"linux/amd64\",\"libc\":\"glibc\",\"xstatic\":\"0.1.0\"}");
  CHECK(decode_sbom(encode_sbom(bare), problem) == bare);
}

TEST_CASE("a hostile SBOM description is refused with a reason") {
  CHECK(refusal("").find("not JSON") == 0);
  CHECK(refusal("[1]") == "not a JSON object");
  CHECK(refusal("{\"target\":\"x\"}") == "no format number 'v'");
  CHECK(refusal("{\"v\":2,\"target\":\"x\",\"libc\":\"m\",\"xstatic\":\"1\"}").find("format 2") == 0);
  CHECK(refusal("{\"v\":1,\"libc\":\"m\",\"xstatic\":\"1\"}").find("'target'") == 0);
  CHECK(refusal(std::string(60000, '[')).find("nested") == 0);
  CHECK(refusal(std::string(70000, ' ')).find("larger than") == 0);
  std::string head = "{\"v\":1,\"target\":\"x\",\"libc\":\"m\",\"xstatic\":\"1\",";
  CHECK(refusal(head + "\"deb\":{}}") == "'deb' is not a list");
  CHECK(refusal(head + "\"deb\":[[\"a\"]]}").find("2 strings") != std::string::npos);
  CHECK(refusal(head + "\"pkg\":[[\"a\",\"1\"]]}").find("3 strings") != std::string::npos);
  CHECK(refusal(head + "\"deb\":[[\"a\",1]]}").find("non-string") != std::string::npos);
  CHECK(refusal(head + "\"deb\":[[\"\",\"1\"]]}").find("empty name") != std::string::npos);
  // A terminal escape in a name would rewrite the screen `inspect` prints to.
  CHECK(refusal(head + "\"deb\":[[\"a\\u001b[2J\",\"1\"]]}").find("control character") != std::string::npos);
  // Brackets inside strings are not nesting.
  std::string problem;
  CHECK(decode_sbom(head + "\"deb\":[[\"[[[[[[\",\"]]]\"]]}", problem).has_value());
}
