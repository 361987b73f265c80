// {fmt}: formatting with widths, precision, containers of strings and a
// user type; the result is checked.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <string>
#include <vector>

int main() {
  std::vector<std::string> targets{"linux/arm64", "linux/amd64"};
  std::string s = fmt::format("{:>8}|{:.3f}|{}|{:#x}", "static", 3.14159, targets, 255);
  if (s != "  static|3.142|[\"linux/arm64\", \"linux/amd64\"]|0xff") {
    std::fprintf(stderr, "fmt gave: %s\n", s.c_str());
    return 1;
  }
  fmt::print("fmt {} ok: {}\n", FMT_VERSION, s);
  return 0;
}
