// libFuzzer target over the driver's reading of a command line: the input is
// "ARG\nARG\n...\0RESPONSE-FILE". The arguments are read as `xstatic cc`
// reads argv, once directly (parse) and once with an @file holding the rest
// of the input appended (parse_command_line, which expands it as clang
// does). Only xstatic::Error may come out. Seeds: tests/fuzz/seeds.sh args.
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "scratch.hpp"
#include "xstatic/driver/args.hpp"
#include "xstatic/util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const xstatic::fuzz::Scratch scratch("fuzz-args");
  std::string_view in(reinterpret_cast<const char*>(data), size);
  // An @file naming a device or /proc file (/dev/zero, /dev/stdin) reads
  // forever or blocks, in clang as in xstatic: the user's own choice on the
  // command line, not something a build system's input can smuggle in.
  for (std::string_view special : {"/dev/", "/proc/", "/sys/"})
    if (in.find(special) != std::string_view::npos) return 0;
  std::string_view argv_part = in.substr(0, in.find('\0'));
  std::string_view file_part = argv_part.size() < in.size() ? in.substr(argv_part.size() + 1) : "";
  std::vector<std::string> args;
  for (std::size_t start = 0; start <= argv_part.size();) {
    std::size_t end = argv_part.find('\n', start);
    if (end == std::string_view::npos) end = argv_part.size();
    args.emplace_back(argv_part.substr(start, end - start));
    start = end + 1;
  }
  try {
    (void)xstatic::driver::parse(args);
  } catch (const xstatic::Error&) {
  }
  std::ofstream(scratch.input, std::ios::binary | std::ios::trunc) << file_part;
  args.push_back("@" + scratch.input.string());
  try {
    (void)xstatic::driver::parse_command_line(args);
  } catch (const xstatic::Error&) {
  }
  return 0;
}
