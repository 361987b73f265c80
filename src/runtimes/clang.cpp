// Which compiler builds the runtimes. toolchain::find_clang chooses it, as it
// does for every compile; here we also need its C++ driver and its full
// version (recorded in the manifest). Its major version names the store
// folder (runtimes/llvm-<major>-r<recipe>/), so a new clang gets new runtimes instead of
// mixing headers of one version with a compiler of another.
#include "xstatic/toolchain/clang.hpp"

#include "internal.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::runtimes::detail {
namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

Compiler compiler_for(const store::Store& store, const std::string& name) {
  toolchain::Clang clang = toolchain::find_clang(store, name);
  Compiler c;
  c.cc = clang.path;
  c.cxx = toolchain::cxx_driver(clang).value_or(clang.path);
  util::RunOptions o;
  o.capture_stdout = o.capture_stderr = true;
  auto r = util::run({c.cc, "-dumpversion"}, o);
  c.version = trim(r.out);
  c.major = clang.major;
  if (r.exit_code != 0 || c.version.empty())
    throw Error("cannot read the version of " + c.cc + ": " + trim(r.err), {}, Exit::missing);
  return c;
}

}  // namespace xstatic::runtimes::detail
