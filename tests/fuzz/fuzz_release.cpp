// libFuzzer target over the release file parser (xstatic-release.toml, read
// by toml++ and then checked key by key) and the --targets override list.
// The file is parsed as if it sat in a scratch folder holding one file, so
// that extra_files globs have something to match. Only xstatic::Error may
// come out. Seeds: tests/fuzz/seeds.sh release (and a toml dictionary).
#include <cstdint>
#include <fstream>
#include <string_view>

#include "scratch.hpp"
#include "xstatic/release/config.hpp"
#include "xstatic/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const xstatic::fuzz::Scratch scratch("fuzz-release");
  static const bool made = [] {
    return static_cast<bool>(std::ofstream(scratch.dir / "LICENSE") << "MIT\n");
  }();
  (void)made;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)xstatic::release::parse_config(text, scratch.dir / xstatic::release::kReleaseFileName);
  } catch (const xstatic::Error&) {
  }
  try {
    (void)xstatic::release::parse_target_list(text);
  } catch (const xstatic::Error&) {
  }
  return 0;
}
