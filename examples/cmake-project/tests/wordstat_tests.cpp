// The library's tests, one per ctest entry (the argument picks it). Each
// returns non-zero on failure, so a test that cannot pass under the
// emulator shows up in ctest.
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "wordstat/wordstat.hpp"

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
  if (!ok) {
    std::printf("FAILED: %s\n", what);
    ++failures;
  }
}

void counts() {
  auto s = wordstat::count("one two  three\nfour\n");
  expect(s.words == 4, "four words");
  expect(s.lines == 2, "two lines");
  expect(s.longest == "three", "longest word");
  expect(wordstat::count("").words == 0, "empty text");
}

void errors() {
  bool thrown = false;
  try {
    wordstat::read_file("/nonexistent/file");
  } catch (const std::runtime_error& e) {
    thrown = std::string(e.what()).find("/nonexistent/file") != std::string::npos;
  }
  expect(thrown, "a missing file throws, naming it");
}

void threads() {
  std::vector<std::size_t> words(8);
  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < words.size(); ++i)
    pool.emplace_back([i, &words] { words[i] = wordstat::count(std::string(i + 1, 'x') + " y z").words; });
  for (auto& t : pool) t.join();
  for (auto w : words) expect(w == 3, "each thread counts three words");
}

}  // namespace

int main(int argc, char** argv) {
  std::string which = argc > 1 ? argv[1] : "";
  if (which == "counts") counts();
  else if (which == "errors") errors();
  else if (which == "threads") threads();
  else {
    std::printf("usage: wordstat-tests counts|errors|threads\n");
    return 2;
  }
  std::printf("%s: %s\n", which.c_str(), failures ? "failed" : "passed");
  return failures ? 1 : 0;
}
