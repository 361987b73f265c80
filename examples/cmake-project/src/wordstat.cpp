#include "wordstat/wordstat.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace wordstat {

Stats count(std::string_view text) {
  Stats s;
  std::string word;
  auto finish_word = [&] {
    if (word.empty()) return;
    ++s.words;
    if (word.size() > s.longest.size()) s.longest = word;
    word.clear();
  };
  for (char c : text) {
    if (c == '\n') ++s.lines;
    if (std::isspace(static_cast<unsigned char>(c)))
      finish_word();
    else
      word += c;
  }
  finish_word();
  return s;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace wordstat
