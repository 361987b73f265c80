// Launchers for build systems: see xstatic/integrate/launcher.hpp.
#include "xstatic/integrate/launcher.hpp"

#include "xstatic/util/strings.hpp"

namespace xstatic::integrate {
namespace {

// The settings the engine needs, as NAME=value words for env(1).
std::vector<std::string> settings(driver::Launcher launcher) {
  if (launcher == driver::Launcher::ccache)
    return {std::string("CCACHE_COMPILERCHECK=") + kCcacheCompilerCheck, "CCACHE_COMPILERTYPE=clang"};
  return {"XSTATIC_LAUNCHER=" + std::string(driver::launcher_name(launcher))};
}

std::string cmake_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '$' || c == ';') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

EnvVars with_launcher(EnvVars vars, driver::Launcher launcher, const std::string& launcher_path) {
  if (launcher == driver::Launcher::none) return vars;
  bool outer = launcher == driver::Launcher::ccache;
  if (outer)
    for (auto& [name, value] : vars)
      if (name == "CC" || name == "CXX")
        value = util::shell_quote(launcher_path) + " " + util::shell_quote(value);
  for (const auto& setting : settings(launcher)) {
    auto eq = setting.find('=');
    vars.emplace_back(setting.substr(0, eq), setting.substr(eq + 1));
  }
  return vars;
}

std::vector<std::string> compiler_prefix(driver::Launcher launcher, const std::string& launcher_path) {
  if (launcher == driver::Launcher::none) return {};
  // env(1) sets the engine's settings for each compile (neither CMake nor a
  // Meson cross file has another per-compile environment); ccache itself
  // comes last, as the launcher.
  std::vector<std::string> words{"/usr/bin/env"};
  for (auto& s : settings(launcher)) words.push_back(std::move(s));
  if (launcher == driver::Launcher::ccache) words.push_back(launcher_path);
  return words;
}

std::string cmake_launcher(driver::Launcher launcher, const std::string& launcher_path) {
  if (launcher == driver::Launcher::none) return {};
  std::string words;
  for (const auto& w : compiler_prefix(launcher, launcher_path))
    words += (words.empty() ? "" : " ") + cmake_quote(w);
  std::string name(driver::launcher_name(launcher));
  return "\n# Compiles through " + name + " (`--launcher " + name + "`; links never go through it).\n" +
         "set(CMAKE_C_COMPILER_LAUNCHER " + words + ")\n" + "set(CMAKE_CXX_COMPILER_LAUNCHER " + words +
         ")\n";
}

}  // namespace xstatic::integrate
