// Small string helpers with nothing project-specific.
#pragma once

#include <cstddef>
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

}  // namespace xstatic::util
