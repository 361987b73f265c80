// libFuzzer target over the .deb reader and its safe extraction: the input
// is written as a .deb, its control part read, then its data part extracted
// into an empty root with every member placed where it names. Only
// xstatic::Error may come out, and scratch.hpp's check must find nothing
// written outside the root (no escaping path, symlink or hard link).
// Seeds: tests/fuzz/seeds.sh deb (real packages made with dpkg-deb, every
// data.tar compression, and hostile members).
#include <cstdint>
#include <optional>
#include <string>

#include "scratch.hpp"
#include "xstatic/sysroot/deb.hpp"
#include "xstatic/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const xstatic::fuzz::Scratch scratch("fuzz-deb");
  scratch.write_input(data, size);
  scratch.fresh_root();
  try {
    (void)xstatic::sysroot::read_deb_control(scratch.input);
  } catch (const xstatic::Error&) {
  }
  try {
    auto place = [](const std::string& member) { return std::optional<std::string>(member); };
    (void)xstatic::sysroot::extract_deb(scratch.input, scratch.root, place);
  } catch (const xstatic::Error&) {
  }
  scratch.contain();
  scratch.empty_root();
  return 0;
}
