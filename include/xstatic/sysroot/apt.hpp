// apt with a private state: one set of options for every xstatic use of the
// host's apt (sysroot packages, LLVM's and mimalloc's source packages), so
// that none of them touches the host's apt or dpkg state.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace xstatic::sysroot {

// apt-get/apt-cache options that keep every piece of state apt would write
// in `state` (etc/ for the source lists, lists/, cache/), with dpkg's status
// empty and, as root, downloads made as root (apt's _apt user cannot write
// into the store). `arch` (a Debian architecture) is the only architecture
// apt considers when given; source packages need none.
std::vector<std::string> private_apt_options(const std::filesystem::path& state,
                                             const std::string& arch = {});

}  // namespace xstatic::sysroot
