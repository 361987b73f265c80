// Small string helpers with nothing project-specific.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::util {

std::vector<std::string_view> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string to_lower(std::string_view s);
// Edit distance with transpositions, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// Quotes one argument for display in a POSIX shell ("a b" -> 'a b').
std::string shell_quote(std::string_view arg);
std::string shell_join(const std::vector<std::string>& argv);

// FNV-1a, 64 bits: a stable, non-cryptographic name for some text (the
// launcher folder of a store path, the version of a set of embedded sources).
// Not for anything an attacker chooses: use SHA-256 there.
class Fnv1a {
 public:
  Fnv1a& add(std::string_view text) {
    for (unsigned char c : text) h_ = (h_ ^ c) * kPrime;
    return *this;
  }
  // A separator between parts, so that "ab" + "c" differs from "a" + "bc".
  Fnv1a& end_part() {
    h_ = (h_ ^ 0xffu) * kPrime;
    return *this;
  }
  std::uint64_t value() const { return h_; }

 private:
  static constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t h_ = 14695981039346656037ull;
};

}  // namespace xstatic::util
