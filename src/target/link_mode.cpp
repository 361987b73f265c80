// --link's modes: see xstatic/target/link_mode.hpp.
#include "xstatic/target/link_mode.hpp"

namespace xstatic::target {

std::string_view link_mode_name(LinkMode mode) {
  return mode == LinkMode::libc_dynamic ? "libc-dynamic" : "static";
}

std::optional<LinkMode> parse_link_mode(std::string_view name) {
  if (name == "static") return LinkMode::full_static;
  if (name == "libc-dynamic") return LinkMode::libc_dynamic;
  return std::nullopt;
}

}  // namespace xstatic::target
