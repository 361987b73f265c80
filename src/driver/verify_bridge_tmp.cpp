// TEMPORARY stand-in for inspect::verify_file until the inspect module lands
// in main; delete this file after merging it (the real one reads the file
// with LLVM's Object library). It asks binutils' readelf for the ELF header,
// program headers and dynamic section.
#include <cstdint>

#include "xstatic/inspect/verify.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::inspect {
namespace {

std::string_view readelf_machine(std::uint16_t em) {
  switch (em) {
    case 62:
      return "X86-64";
    case 183:
      return "AArch64";
    case 40:
      return "ARM";
    case 3:
      return "80386";
    case 8:
      return "MIPS";
    case 21:
      return "PowerPC64";
    case 22:
      return "IBM S/390";
    default:
      return "?";
  }
}

}  // namespace

Verdict verify_file(const std::filesystem::path& file, const Policy& policy) {
  if (policy.target && policy.target->row->format != target::ObjectFormat::elf)
    return {};  // readelf: ELF only
  util::RunOptions capture;
  capture.capture_stdout = capture.capture_stderr = true;
  auto r = util::run({"readelf", "-lhdW", file.string()}, capture);
  if (r.exit_code != 0 || r.out.find("ELF Header") == std::string::npos)
    throw Error("cannot read " + file.string() + " as ELF: " + r.err, {}, Exit::usage);
  Verdict v;
  auto fail = [&](std::string why) {
    v.ok = false;
    v.failures.push_back(std::move(why));
  };
  if (policy.target && policy.target->row->format == target::ObjectFormat::elf) {
    const auto& row = *policy.target->row;
    if (r.out.find(std::string("Machine:")) == std::string::npos ||
        r.out.find(std::string(readelf_machine(row.elf_machine))) == std::string::npos)
      fail("machine: not " + std::string(readelf_machine(row.elf_machine)));
    if (r.out.find(row.is_64bit ? "ELF64" : "ELF32") == std::string::npos) fail("class: wrong ELF class");
  }
  if (policy.require_static) {
    if (r.out.find("INTERP") != std::string::npos) fail("dynamic: has a program interpreter");
    for (std::size_t pos = r.out.find("(NEEDED)"); pos != std::string::npos;
         pos = r.out.find("(NEEDED)", pos + 1)) {
      auto open = r.out.find('[', pos), close = r.out.find(']', pos);
      fail("dynamic: needs " + r.out.substr(open + 1, close - open - 1));
    }
  }
  return v;
}

}  // namespace xstatic::inspect
