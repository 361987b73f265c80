// What `xstatic env --launcher` and `toolchain cmake|meson --launcher` add.
#include <doctest/doctest.h>

#include "xstatic/integrate/launcher.hpp"

using namespace xstatic;
using namespace xstatic::integrate;

namespace {

std::string value_of(const EnvVars& vars, const std::string& name) {
  for (const auto& [n, v] : vars)
    if (n == name) return v;
  return "<unset>";
}

const EnvVars kBase{
    {"CC", "/s/bin/aarch64-linux-musl-cc"}, {"CXX", "/s/bin/aarch64-linux-musl-c++"}, {"AR", "/s/bin/ar"}};

}  // namespace

TEST_CASE("ccache goes outside the compiler names and keys them by the fingerprint") {
  auto vars = with_launcher(kBase, driver::Launcher::ccache, "/usr/bin/ccache");
  CHECK(value_of(vars, "CC") == "/usr/bin/ccache /s/bin/aarch64-linux-musl-cc");
  CHECK(value_of(vars, "CXX") == "/usr/bin/ccache /s/bin/aarch64-linux-musl-c++");
  CHECK(value_of(vars, "AR") == "/s/bin/ar");
  CHECK(value_of(vars, "CCACHE_COMPILERCHECK") == "%compiler% --print-fingerprint");
  CHECK(value_of(vars, "CCACHE_COMPILERTYPE") == "clang");
  CHECK(value_of(vars, "XSTATIC_LAUNCHER") == "<unset>");
}

TEST_CASE("sccache, distcc and icecc go inside, through XSTATIC_LAUNCHER; none changes nothing") {
  for (auto l : {driver::Launcher::sccache, driver::Launcher::distcc, driver::Launcher::icecc}) {
    auto vars = with_launcher(kBase, l, "/usr/bin/x");
    CHECK(value_of(vars, "CC") == "/s/bin/aarch64-linux-musl-cc");
    CHECK(value_of(vars, "XSTATIC_LAUNCHER") == driver::launcher_name(l));
  }
  CHECK(with_launcher(kBase, driver::Launcher::none, "") == kBase);
}

TEST_CASE("the CMake launcher lines carry the settings through env(1)") {
  auto text = cmake_launcher(driver::Launcher::ccache, "/usr/bin/ccache");
  CHECK(text.find("set(CMAKE_C_COMPILER_LAUNCHER \"/usr/bin/env\" \"CCACHE_COMPILERCHECK=%compiler% "
                  "--print-fingerprint\" \"CCACHE_COMPILERTYPE=clang\" \"/usr/bin/ccache\")") !=
        std::string::npos);
  CHECK(text.find("CMAKE_CXX_COMPILER_LAUNCHER") != std::string::npos);
  CHECK(cmake_launcher(driver::Launcher::distcc, "/usr/bin/distcc").find("\"XSTATIC_LAUNCHER=distcc\")") !=
        std::string::npos);
  CHECK(cmake_launcher(driver::Launcher::none, "").empty());
}

TEST_CASE("the compiler prefix is env(1) with the settings, and ccache last for the outer form") {
  CHECK(compiler_prefix(driver::Launcher::ccache, "/usr/bin/ccache") ==
        std::vector<std::string>{"/usr/bin/env", "CCACHE_COMPILERCHECK=%compiler% --print-fingerprint",
                                 "CCACHE_COMPILERTYPE=clang", "/usr/bin/ccache"});
  CHECK(compiler_prefix(driver::Launcher::sccache, "/usr/bin/sccache") ==
        std::vector<std::string>{"/usr/bin/env", "XSTATIC_LAUNCHER=sccache"});
  CHECK(compiler_prefix(driver::Launcher::none, "").empty());
}
