// Static glibc's run-time hazard: some glibc functions (NSS lookups such as
// getaddrinfo and getpwnam, dlopen) load glibc's own shared libraries at run
// time even in a static program, so the program needs the same glibc where
// it runs. GNU ld warns about them (glibc marks them with .gnu.warning
// sections); lld ignores those sections, so xstatic asks lld which archive
// members it pulled in and for which symbol (--why-extract, lld >= 14) and
// looks for these functions there.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::driver {

// The glibc functions whose static use glibc warns about.
std::span<const std::string_view> glibc_hazard_functions();

// The hazard functions named in lld's --why-extract report
// ("reference<TAB>extracted<TAB>symbol" lines), each once, in report order.
std::vector<std::string> glibc_hazards_in_why_extract(std::string_view report);

// True when a linker's stderr holds glibc's own warning (GNU ld, -fuse-ld=bfd).
bool has_glibc_link_warning(std::string_view linker_stderr);

// The one warning xstatic prints for them.
std::string glibc_hazard_warning(const std::string& target_name, const std::vector<std::string>& functions);

}  // namespace xstatic::driver
