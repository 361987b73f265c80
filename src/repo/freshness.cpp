// A Release's dates, and the check that an InRelease is not an old one
// replayed: apt refuses a Release whose Date is in the future or whose
// Valid-Until has passed (Debian's security and updates suites set it a
// week ahead and re-sign daily).
#include <algorithm>
#include <array>
#include <charconv>

#include "packets.hpp"
#include "xstatic/repo/index.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::repo {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads a number of min_digits to max_digits digits, then the separator `after` (none when 0).
bool read_number(std::string_view& s, std::size_t min_digits, std::size_t max_digits, int& out, char after) {
  std::size_t n = 0;
  while (n < s.size() && n < max_digits && s[n] >= '0' && s[n] <= '9') ++n;
  if (n < min_digits || std::from_chars(s.data(), s.data() + n, out).ec != std::errc()) return false;
  s.remove_prefix(n);
  if (after) {
    if (s.empty() || s[0] != after) return false;
    s.remove_prefix(1);
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::optional<std::time_t> parse_release_date(std::string_view s) {
  if (auto comma = s.find(", "); comma != std::string_view::npos && comma <= 3) s.remove_prefix(comma + 2);
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (!read_number(s, 1, 2, day, ' ') || s.size() < 4 || s[3] != ' ') return std::nullopt;
  auto month = std::find(kMonths.begin(), kMonths.end(), s.substr(0, 3));
  if (month == kMonths.end()) return std::nullopt;
  s.remove_prefix(4);
  if (!read_number(s, 4, 4, year, ' ') || !read_number(s, 1, 2, hour, ':') ||
      !read_number(s, 2, 2, minute, ':') || !read_number(s, 2, 2, second, ' '))
    return std::nullopt;
  if (s != "UTC" && s != "GMT" && s != "Z" && s != "+0000") return std::nullopt;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  auto m = static_cast<unsigned>(month - kMonths.begin() + 1);
  return static_cast<std::time_t>(days_from_civil(year, m, static_cast<unsigned>(day)) * 86400 + hour * 3600 +
                                  minute * 60 + second);
}

void check_fresh(const Release& release, std::time_t now, std::string_view what) {
  auto date = parse_release_date(release.date);
  if (!date) detail::refuse(what, "no Date field in the form 'Thu, 03 Dec 2026 02:15:27 UTC'");
  if (*date > now + kClockSkew)
    throw Error(std::string(what) + ": its Date (" + release.date + ") is in the future",
                "check this machine's clock", Exit::failed);
  if (release.valid_until.empty()) return;
  auto until = parse_release_date(release.valid_until);
  if (!until) detail::refuse(what, "a Valid-Until field that is not a date: '" + release.valid_until + "'");
  if (*until < now)
    throw Error(std::string(what) + ": it was valid until " + release.valid_until +
                    ": the mirror serves an old copy (or someone replays one)",
                "use another mirror, or try again when it has updated", Exit::failed);
}

}  // namespace xstatic::repo
