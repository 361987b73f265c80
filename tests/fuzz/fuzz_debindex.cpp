// libFuzzer target over the Debian index readers of src/repo: the input is
// read as a Release file (its dates checked for freshness), as a Packages
// and as a Sources index, and each file a Release lists is checked against
// the input's own bytes. Only xstatic::Error may come out.
// Seeds: tests/fuzz/seeds.sh debindex.
#include <cstdint>
#include <string_view>

#include "xstatic/repo/index.hpp"
#include "xstatic/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xstatic::repo;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    Release release = parse_release(text, "fuzz");
    try {
      check_fresh(release, 1800000000, "fuzz");
    } catch (const xstatic::Error&) {
    }
    for (const auto& file : release.files) {
      try {
        check_file(ByteView(data, size), file, file.path);
      } catch (const xstatic::Error&) {
      }
    }
  } catch (const xstatic::Error&) {
  }
  try {
    (void)parse_packages(text, "fuzz");
  } catch (const xstatic::Error&) {
  }
  try {
    (void)parse_sources(text, "fuzz");
  } catch (const xstatic::Error&) {
  }
  return 0;
}
