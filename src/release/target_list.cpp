// `release --targets linux/amd64,linux/arm64:glibc,linux/amd64:glibc2.31:libc-dynamic`:
// see xstatic/release/config.hpp. Each entry is TARGET[:LIBC[FLOOR]][:LINK],
// colon-separated parts after the target read in any order: a link mode
// (static, libc-dynamic) or a libc with an optional glibc floor (glibc2.31).
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "xstatic/release/config.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::release {
namespace {

constexpr const char* kSpelling =
    "write TARGET[:LIBC[FLOOR]][:LINK]: linux/amd64:glibc, linux/amd64:glibc2.31:libc-dynamic";

// One entry: "linux/amd64:glibc2.31:libc-dynamic".
ReleaseTarget parse_entry(const std::string& entry, const std::vector<ReleaseTarget>& file_targets) {
  auto parts = util::split(entry, ':');
  std::optional<target::Libc> libc;
  std::optional<std::string> floor;
  std::optional<driver::LinkMode> link;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string part(parts[i]);
    if (auto mode = driver::parse_link_mode(part)) {
      if (link) throw Error("two link modes in --targets entry '" + entry + "'", kSpelling);
      link = mode;
      continue;
    }
    auto digit = std::find_if(part.begin(), part.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    auto named = target::parse_libc(std::string(part.begin(), digit));
    if (!named)
      throw Error("unknown libc or link mode '" + part + "' in --targets",
                  "write linux/amd64:glibc, linux/amd64:musl, linux/amd64:glibc2.31 or "
                  "linux/amd64:glibc2.31:libc-dynamic");
    if (libc) throw Error("two libcs in --targets entry '" + entry + "'", kSpelling);
    libc = named;
    if (digit != part.end()) floor = std::string(digit, part.end());
  }
  ReleaseTarget out;
  out.target = target::parse(std::string(parts[0]), libc);
  if (floor) out.target = target::with_glibc_floor(out.target, *floor);
  // No link mode written: the release file's for this target, else static.
  auto in_file = std::find_if(file_targets.begin(), file_targets.end(),
                              [&](const ReleaseTarget& f) { return f.target == out.target; });
  out.link = link ? *link : in_file != file_targets.end() ? in_file->link : driver::LinkMode::full_static;
  check_link_mode(out, "drop :libc-dynamic from '" + entry +
                           "', or build for glibc: " + std::string(parts[0]) + ":glibc:libc-dynamic");
  return out;
}

}  // namespace

std::vector<ReleaseTarget> parse_target_list(std::string_view list,
                                             const std::vector<ReleaseTarget>& file_targets) {
  std::vector<ReleaseTarget> out;
  std::string_view rest = list;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string item(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    if (item.empty()) continue;
    auto t = parse_entry(item, file_targets);
    auto same =
        std::find_if(out.begin(), out.end(), [&](const ReleaseTarget& x) { return x.target == t.target; });
    if (same == out.end())
      out.push_back(t);
    else if (same->link != t.link)
      throw Error("--targets names " + t.target.describe() + " twice, linked " +
                      std::string(driver::link_mode_name(same->link)) + " and " +
                      std::string(driver::link_mode_name(t.link)),
                  "keep one: its archives would have the same names");
  }
  if (out.empty()) throw Error("--targets is empty", "write --targets linux/amd64,linux/arm64");
  return out;
}

}  // namespace xstatic::release
