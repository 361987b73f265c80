// The steps every runtime build shares: running a tool into the build log,
// finding an LLVM tool beside clang.
#include "internal.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::runtimes::detail {

std::string llvm_tool(const Compiler& clang, const std::string& name) {
  util::RunOptions o;
  o.capture_stdout = o.capture_stderr = true;
  auto r = util::run({clang.cc, "-print-prog-name=" + name}, o);
  std::string path = r.out.substr(0, r.out.find('\n'));
  if (r.exit_code == 0 && path.find('/') != std::string::npos) return path;
  auto versioned = util::find_program(name + "-" + std::to_string(clang.major));
  return versioned ? *versioned : name;
}

std::string python_interpreter() {
  util::RunOptions o;
  o.capture_stdout = o.capture_stderr = true;
  auto r = util::run({"python3", "-c", "import sys; print(sys.executable)"}, o);
  std::string path = r.out.substr(0, r.out.find('\n'));
  std::error_code ec;
  if (r.exit_code == 0 && fs::path(path).is_absolute() && fs::is_regular_file(path, ec)) return path;
  return {};
}

void run_step(const std::vector<std::string>& argv, const fs::path& log, const std::string& what) {
  util::RunOptions o;
  o.log_file = log.string();
  o.die_with_parent = true;  // a killed build leaves no cmake or ninja (and so no clang++) running
  auto r = util::run(argv, o);
  if (r.exit_code != 0)
    throw Error(what + " failed (exit " + std::to_string(r.exit_code) + ")", {}, Exit::failed);
}

}  // namespace xstatic::runtimes::detail
