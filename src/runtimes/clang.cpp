// Which clang builds the runtimes. Its major version names the store folder
// (runtimes/llvm-<major>/), so a new clang gets new runtimes instead of
// mixing headers of one version with a compiler of another.
#include <cstdlib>

#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::runtimes {
namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// clang-19 -> clang++-19, /x/clang -> /x/clang++.
std::string cxx_name_for(const std::string& cc) {
  auto slash = cc.rfind('/');
  auto pos = cc.find("clang", slash == std::string::npos ? 0 : slash + 1);
  if (pos == std::string::npos) return cc;
  return cc.substr(0, pos + 5) + "++" + cc.substr(pos + 5);
}

}  // namespace

Clang find_clang(const std::string& name) {
  std::optional<std::string> cc;
  if (!name.empty())
    cc = util::find_program(name);
  else if (auto env = util::getenv_nonempty("XSTATIC_CLANG"))
    cc = util::find_program(*env);
  else
    for (const char* candidate : {"clang-19", "clang"})
      if ((cc = util::find_program(candidate))) break;
  if (!cc)
    throw Error("clang not found" + (name.empty() ? std::string() : " ('" + name + "')"),
                "sudo apt-get install clang-19 lld-19", Exit::missing);

  Clang clang;
  clang.cc = *cc;
  auto cxx = util::find_program(cxx_name_for(*cc));
  clang.cxx = cxx ? *cxx : *cc;
  util::RunOptions o;
  o.capture_stdout = o.capture_stderr = true;
  auto r = util::run({clang.cc, "-dumpversion"}, o);
  clang.version = trim(r.out);
  clang.major = std::atoi(clang.version.c_str());
  if (r.exit_code != 0 || clang.major <= 0)
    throw Error("cannot read the version of " + clang.cc + ": " + trim(r.err), {}, Exit::missing);
  return clang;
}

}  // namespace xstatic::runtimes
