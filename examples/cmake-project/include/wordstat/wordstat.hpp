// Counts words and lines of a text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wordstat {

struct Stats {
  std::size_t words = 0;
  std::size_t lines = 0;
  std::string longest;
};

Stats count(std::string_view text);

// Reads a whole file; throws std::runtime_error naming it when it cannot.
std::string read_file(const std::string& path);

}  // namespace wordstat
