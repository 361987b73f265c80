// The one private apt state every xstatic use of apt shares.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>

#include "xstatic/sysroot/apt.hpp"

using namespace xstatic;

namespace {

bool has_apt_option(const std::vector<std::string>& options, const std::string& setting) {
  for (std::size_t i = 0; i + 1 < options.size(); ++i)
    if (options[i] == "-o" && options[i + 1] == setting) return true;
  return false;
}

}  // namespace

TEST_CASE("private apt options keep apt's state in the store and pin the architecture only when given") {
  auto arch = sysroot::private_apt_options("/s/apt/arm64", "arm64");
  CHECK(has_apt_option(arch, "APT::Architecture=arm64"));
  CHECK(has_apt_option(arch, "Dir::State::Lists=/s/apt/arm64/lists"));
  CHECK(has_apt_option(arch, "Dir::Cache=/s/apt/arm64/cache"));
  CHECK(has_apt_option(arch, "Dir::Etc::SourceList=/s/apt/arm64/etc/sources.list"));
  CHECK(has_apt_option(arch, "Dir::State::status=/dev/null"));
  auto source = sysroot::private_apt_options("/s/apt/source");
  CHECK_FALSE(std::any_of(source.begin(), source.end(),
                          [](const std::string& o) { return o.starts_with("APT::Architecture"); }));
  // Sources and sysroot packages alike: as root, apt's _apt user could not write into the store.
  CHECK(has_apt_option(source, "APT::Sandbox::User=root") == (::geteuid() == 0));
  CHECK(has_apt_option(arch, "APT::Sandbox::User=root") == (::geteuid() == 0));
}
