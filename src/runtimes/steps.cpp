// The steps every runtime build shares: running a tool into the build log,
// finding an LLVM tool beside clang, and the temporary folder of one build.
#include <unistd.h>

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

void run_step(const std::vector<std::string>& argv, const fs::path& log, const std::string& what) {
  util::RunOptions o;
  o.log_file = log.string();
  o.die_with_parent = true;  // a killed build leaves no cmake or ninja (and so no clang++) running
  auto r = util::run(argv, o);
  if (r.exit_code != 0)
    throw Error(what + " failed (exit " + std::to_string(r.exit_code) + ")", {}, Exit::failed);
}

Scratch::Scratch(const fs::path& parent, const std::string& prefix, fs::path failed_log)
    : dir_(parent / (prefix + std::to_string(::getpid()))), failed_log_(std::move(failed_log)) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec))
    if (e.path().filename().string().starts_with(prefix)) fs::remove_all(e.path(), ec);
  fs::create_directories(dir_ / "install");
}

Scratch::~Scratch() {
  std::error_code ec;
  if (!done_ && fs::exists(log(), ec)) {
    fs::create_directories(failed_log_.parent_path(), ec);
    fs::rename(log(), failed_log_, ec);
  }
  fs::remove_all(dir_, ec);
}

}  // namespace xstatic::runtimes::detail
