#include <iostream>
#include <stdexcept>

#include "wordstat/wordstat.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: wordstat-cli FILE\n";
    return 2;
  }
  try {
    auto s = wordstat::count(wordstat::read_file(argv[1]));
    std::cout << "words: " << s.words << " lines: " << s.lines << " longest: " << s.longest << "\n";
  } catch (const std::exception& e) {
    std::cerr << "wordstat-cli: " << e.what() << "\n";
    return 1;
  }
}
