#include <string>
#include <vector>

extern "C" {
#include "greet.h"
}

int main(int argc, char** argv) {
  std::vector<char> text(64);
  std::string who = argc > 1 ? argv[1] : "world";
  int n = greet(who.c_str(), text.data(), static_cast<unsigned>(text.size()));
  return std::string(text.data()) == "hello, " + who && n > 0 ? 0 : 1;
}
