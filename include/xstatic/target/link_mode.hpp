// How an executable links: everything static (the default) or glibc's
// family dynamic and the rest static (--link, XSTATIC_LINK, a release
// target's link = ...). In target, below the driver and the release that
// both read it, so that a parser of either needs nothing else.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace xstatic::target {

enum class LinkMode : std::uint8_t {
  full_static,   // everything static (the default)
  libc_dynamic,  // glibc (libc, libm, libpthread, libdl, librt, the loader) dynamic, everything else static
};

// "static", "libc-dynamic": how --link and XSTATIC_LINK spell a mode.
std::string_view link_mode_name(LinkMode mode);
std::optional<LinkMode> parse_link_mode(std::string_view name);

}  // namespace xstatic::target
