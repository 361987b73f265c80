// `release --targets linux/amd64,linux/arm64:glibc`: see xstatic/release/config.hpp.
#include <algorithm>
#include <optional>
#include <string>

#include "xstatic/release/config.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::release {

std::vector<target::Target> parse_target_list(std::string_view list) {
  std::vector<target::Target> out;
  std::string_view rest = list;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string item(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (item.empty()) continue;
    std::optional<target::Libc> libc;
    if (auto colon = item.find(':'); colon != std::string::npos) {
      auto name = item.substr(colon + 1);
      libc = target::parse_libc(name);
      if (!libc)
        throw Error("unknown libc '" + name + "' in --targets",
                    "write linux/amd64:glibc or linux/amd64:musl");
      item.resize(colon);
    }
    auto t = target::parse(item, libc);
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  if (out.empty()) throw Error("--targets is empty", "write --targets linux/amd64,linux/arm64");
  return out;
}

}  // namespace xstatic::release
