// libFuzzer target over every way to name a target: a Go/Docker platform or
// an LLVM triple (with and without each libc), a program-name prefix, and
// GOOS/GOARCH/GOARM/GOAMD64 (the input's first four lines). Only
// xstatic::Error may come out, and what parses must name itself back: the
// go_name of a parsed target parses to the same row. Also dpkg's version
// order (the input split at its first NUL) must be antisymmetric.
// Seeds: tests/fuzz/seeds.sh target.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "xstatic/sysroot/deb.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"

namespace {

using namespace xstatic::target;

void round_trip(const Target& t) {
  Target again = parse(t.go_name(), t.libc);
  if (again.row != t.row) std::abort();
}

// parse() and try_parse() must agree. The error path (an unknown name's
// message computes suggestions: ~90 edit distances) runs once per input, not
// once per libc, which keeps this target at hundreds of runs a second.
void parse_all_ways(std::string_view spec) {
  bool parsed = false;
  try {
    round_trip(parse(spec));
    parsed = true;
  } catch (const xstatic::Error&) {
  }
  if (parsed != try_parse(spec).has_value()) std::abort();
  for (auto libc : {Libc::musl, Libc::glibc})
    if (auto t = try_parse(spec, libc)) round_trip(*t);
  try {
    if (auto p = from_program_name(spec)) round_trip(p->target);
  } catch (const xstatic::Error&) {
  }
  (void)suggest(spec);
}

std::optional<std::string> line(std::string_view& rest) {
  if (rest.empty()) return std::nullopt;
  auto end = rest.find('\n');
  std::string out(rest.substr(0, end));
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return out;
}

int sign(int v) {
  return (v > 0) - (v < 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  parse_all_ways(in);
  std::string_view rest = in;
  Environment env;
  env.goos = line(rest);
  env.goarch = line(rest);
  env.goarm = line(rest);
  env.goamd64 = line(rest);
  try {
    if (auto t = from_environment(env)) round_trip(*t);
  } catch (const xstatic::Error&) {
  }
  auto nul = in.find('\0');
  std::string_view a = in.substr(0, nul), b = nul == std::string_view::npos ? "" : in.substr(nul + 1);
  using xstatic::sysroot::compare_versions;
  if (sign(compare_versions(a, b)) != -sign(compare_versions(b, a)) || compare_versions(a, a) != 0)
    std::abort();
  return 0;
}
