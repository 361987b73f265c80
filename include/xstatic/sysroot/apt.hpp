// apt with a private state: one set of options for every xstatic use of the
// host's apt (sysroot packages, LLVM's and mimalloc's source packages), so
// that none of them touches the host's apt or dpkg state.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::sysroot {

// apt-get/apt-cache options that keep every piece of state apt would write
// in `state` (etc/ for the source lists, lists/, cache/), with dpkg's status
// empty and, as root, downloads made as root (apt's _apt user cannot write
// into the store). `arch` (a Debian architecture) is the only architecture
// apt considers when given; source packages need none.
std::vector<std::string> private_apt_options(const std::filesystem::path& state,
                                             const std::string& arch = {});

// The host's sources turned into another Debian release's (a glibc floor's,
// src/sysroot/release_sources.cpp): the same archives, components and
// keyring, with the suites of a Debian release renamed ("bookworm-security"
// -> "bullseye-security"); entries of no Debian release are dropped.
// One-line format (sources.list) and deb822 (*.sources).
// "bookworm-security" -> "bullseye-security" for `release` bullseye; "" for
// a suite of no Debian release xstatic knows (a third-party archive's).
std::string release_suite(std::string_view suite, std::string_view release);
std::string release_sources_list(std::string_view text, std::string_view release);
std::string release_sources_stanzas(std::string_view text, std::string_view release);

// The release the private apt state's sources must name: `asked` (a glibc
// floor's) when given; else the default release's (bookworm: the recipes
// name its packages, libgcc-12-dev) when `os_release` (/etc/os-release's
// text) says the host runs another Debian release xstatic knows (bullseye,
// trixie); else "" (the host's sources as they are: a bookworm host, or one
// whose release xstatic does not know).
std::string sources_release(std::string_view asked, std::string_view os_release);

}  // namespace xstatic::sysroot
