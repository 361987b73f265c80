// Binutils names and `install-links`: build systems look for
// <host-triple>-ar, -ranlib, -strip... next to <host-triple>-cc (autoconf's
// --host, Makefiles' $(CROSS_COMPILE)ar). LLVM's tools handle every target,
// so each name maps to one LLVM tool, run with the arguments untouched.
#include <unistd.h>

#include <algorithm>
#include <system_error>

#include "xstatic/driver/driver.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::driver {
namespace {

struct Binutil {
  std::string_view name;      // after the target prefix
  std::string_view llvm;      // the LLVM tool that does its job
  bool windows_only = false;  // made only for Windows targets
};

// clang-format off
constexpr Binutil kBinutils[] = {
  {"addr2line", "llvm-addr2line"},
  {"ar",        "llvm-ar"},
  {"ld",        "ld.lld"},
  {"nm",        "llvm-nm"},
  {"objcopy",   "llvm-objcopy"},
  {"objdump",   "llvm-objdump"},
  {"ranlib",    "llvm-ranlib"},
  {"readelf",   "llvm-readelf"},
  {"size",      "llvm-size"},
  {"strings",   "llvm-strings"},
  {"strip",     "llvm-strip"},
  // Resource compiler (.rc -> COFF object); told the target, as the name
  // it runs under is llvm-windres-19, not <triple>-windres.
  {"windres",   "llvm-windres", true},
};
// clang-format on

constexpr std::string_view kCompilerNames[] = {"cc", "c++", "gcc", "g++", "clang", "clang++"};

}  // namespace

std::optional<std::string_view> binutil_for(std::string_view tool) {
  for (const auto& b : kBinutils)
    if (b.name == tool) return b.llvm;
  return std::nullopt;
}

std::vector<std::string_view> binutil_names() {
  std::vector<std::string_view> out;
  for (const auto& b : kBinutils) out.push_back(b.name);
  return out;
}

std::optional<int> run_binutil(std::string_view tool, const target::Target& t,
                               const std::vector<std::string>& args) {
  auto llvm = binutil_for(tool);
  if (!llvm) return std::nullopt;
  auto path = toolchain::find_llvm_tool(*llvm);
  if (!path)
    throw Error(std::string(*llvm) + " not found on PATH (for '" + std::string(tool) + "')",
                "sudo apt-get install llvm-19 lld-19", Exit::missing);
  std::vector<std::string> argv{*path};
  if (tool == "windres")
    argv.push_back("--target=" + std::string(t.triple()));  // the user's own comes later and wins
  argv.insert(argv.end(), args.begin(), args.end());
  util::exec(argv);  // llvm-ar/llvm-ranlib and ld.lld read their role from argv[0]: keep the tool's name
}

std::vector<std::string> link_names(const target::Target& t) {
  std::vector<std::string> prefixes{target::floored_triple(t)};
  if (t.libc == target::default_libc(*t.row)) {
    std::string go = t.go_name();
    std::replace(go.begin(), go.end(), '/', '-');
    prefixes.push_back(go);
  }
  std::vector<std::string> names;
  for (const auto& prefix : prefixes) {
    for (auto tool : kCompilerNames) names.push_back(prefix + "-" + std::string(tool));
    for (const auto& b : kBinutils)
      if (!b.windows_only || target::os_info(*t.row).windows_tools)
        names.push_back(prefix + "-" + std::string(b.name));
  }
  return names;
}

std::vector<std::string> install_links(const std::filesystem::path& dir, const std::filesystem::path& self,
                                       const std::vector<target::Target>& targets) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error("cannot create " + dir.string() + ": " + ec.message());
  std::vector<std::string> made;
  for (const auto& t : targets) {
    for (const auto& name : link_names(t)) {
      fs::path link = dir / name;
      auto status = fs::symlink_status(link, ec);
      if (fs::exists(status) && !fs::is_symlink(status))
        throw Error(link.string() + " exists and is not a symlink; not replacing it",
                    "remove it, or choose another folder");
      // A new name beside the old, then rename: the name never disappears. The
      // new name is this process's, so parallel calls for one folder all succeed.
      fs::path tmp = dir / ("." + name + ".xstatic-tmp-" + std::to_string(::getpid()));
      fs::remove(tmp, ec);
      fs::create_symlink(self, tmp, ec);
      if (!ec) fs::rename(tmp, link, ec);
      if (ec) throw Error("cannot create " + link.string() + ": " + ec.message());
      made.push_back(name);
    }
  }
  return made;
}

}  // namespace xstatic::driver
