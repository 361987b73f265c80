#include "xstatic/release/debug.hpp"

#include "xstatic/inspect/report.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::release {
namespace {

void objcopy_run(const std::vector<std::string>& argv, const fs::path& built) {
  util::RunOptions options;
  options.capture_stderr = true;
  auto result = util::run(argv, options);
  if (result.exit_code != 0)
    throw Error("llvm-objcopy failed on " + built.string() + ": " + result.err, util::shell_join(argv),
                Exit::failed);
}

// The debug info of `built` into `debug_file`, and `built` stripped with a
// .gnu_debuglink to it into s.binary (ELF and PE alike).
void cut_debug(const fs::path& built, const fs::path& debug_file, const std::string& objcopy, Shipped& s) {
  objcopy_run({objcopy, "--only-keep-debug", built.string(), debug_file.string()}, built);
  objcopy_run({objcopy, "--strip-all", "--add-gnu-debuglink=" + debug_file.string(), built.string(),
               s.binary.string()},
              built);
  s.debug = debug_file;
}

// PE (MinGW): DWARF, as clang writes it for windows-gnu targets, cut out
// into <name>.exe.debug with a .gnu_debuglink in the stripped .exe: gdb and
// lldb follow the link to a file beside the .exe (or in .debug/ there). PE
// files have no GNU build-id, so the debug file is named after the binary.
Shipped split_pe(const fs::path& built, const fs::path& work_dir, const std::string& objcopy, Shipped s) {
  if (inspect::inspect_file(built).debug_sections.empty()) {  // built without -g: nothing to split
    objcopy_run({objcopy, "--strip-all", built.string(), s.binary.string()}, built);
    return s;
  }
  fs::path debug_dir = work_dir / "debug";
  fs::create_directories(debug_dir);
  s.debug_name = built.filename().string() + ".debug";
  fs::path debug_file = debug_dir / s.debug_name;
  cut_debug(built, debug_file, objcopy, s);
  return s;
}

}  // namespace

std::string build_id_path(const std::string& build_id) {
  return ".build-id/" + build_id.substr(0, 2) + "/" + build_id.substr(2) + ".debug";
}

Shipped split_debug(const fs::path& built, const target::Target& t, const fs::path& work_dir,
                    const std::string& objcopy) {
  fs::create_directories(work_dir / "bin");
  Shipped s;
  s.binary = work_dir / "bin" / built.filename();
  fs::remove(s.binary);
  if (t.row->format == target::ObjectFormat::coff) return split_pe(built, work_dir, objcopy, std::move(s));
  if (t.row->format != target::ObjectFormat::elf) {
    objcopy_run({objcopy, "--strip-all", built.string(), s.binary.string()}, built);
    return s;
  }
  s.build_id = inspect::inspect_file(built).build_id;
  if (s.build_id.size() < 4)
    throw Error(built.filename().string() + " for " + t.go_name() +
                    " has no GNU build-id, so its debug file cannot be named",
                "do not pass --build-id=none in the project's link flags", Exit::failed);
  s.debug_name = build_id_path(s.build_id);
  fs::path debug_dir = work_dir / "debug";
  fs::create_directories(debug_dir);
  // The debuglink stores the file name gdb looks for next to the binary, in
  // .debug/ and in the global debug folder; the build-id path is tried first.
  fs::path debug_file = debug_dir / (s.build_id.substr(2) + ".debug");
  cut_debug(built, debug_file, objcopy, s);
  return s;
}

}  // namespace xstatic::release
