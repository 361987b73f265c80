// What Progress writes: plain lines, lines rewritten in place, labels,
// the prefix and quiet mode, captured from a memory stream.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "xstatic/util/progress.hpp"

using namespace xstatic::util;

namespace {

// A FILE* whose bytes end up in a string (open_memstream, POSIX 2008).
class Captured {
 public:
  Captured() : file_(::open_memstream(&data_, &size_)) { REQUIRE(file_ != nullptr); }
  ~Captured() {
    std::fclose(file_);
    std::free(data_);
  }
  Captured(const Captured&) = delete;
  Captured& operator=(const Captured&) = delete;
  std::FILE* file() const { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(data_, size_);
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

ProgressOptions to(std::FILE* out, Rewrite rewrite = Rewrite::on_terminal, std::string prefix = {},
                   bool quiet = false) {
  return {.quiet = quiet, .prefix = std::move(prefix), .rewrite = rewrite, .out = out};
}

}  // namespace

TEST_CASE("without a terminal every line is a plain line, in order") {
  Captured out;
  {
    Progress p(to(out.file()));
    p.step("downloading 3 packages for arm64");
    p.step("extracting [1/3] musl-dev");
    p.done("installed arm64-musl");
  }
  CHECK(out.text() == "downloading 3 packages for arm64\nextracting [1/3] musl-dev\ninstalled arm64-musl\n");
}

TEST_CASE("on a terminal a step replaces the previous step and a lasting line ends it") {
  Captured out;
  {
    Progress p(to(out.file(), Rewrite::always));
    p.step("one");
    CHECK(out.text() == "one");
    p.step("two");
    CHECK(out.text() == "one\r\033[Ktwo");
    p.done("finished");
    CHECK(out.text() == "one\r\033[Ktwo\r\033[Kfinished\n");
    p.step("three");
  }
  // The destructor leaves no half line behind.
  CHECK(out.text() == "one\r\033[Ktwo\r\033[Kfinished\nthree\r\033[K");
}

TEST_CASE("the prefix starts every line; notes and warnings carry their label after it") {
  Captured out;
  {
    Progress p(to(out.file(), Rewrite::never, "xstatic: "));
    p.step("configuring");
    p.note("linking musl's own malloc");
    p.warning("no threads\n  fix: drop -pthread");
    p.done("built");
  }
  CHECK(out.text() ==
        "xstatic: configuring\n"
        "xstatic: note: linking musl's own malloc\n"
        "xstatic: warning: no threads\n  fix: drop -pthread\n"
        "xstatic: built\n");
}

TEST_CASE("a note or warning on a terminal first clears the open step") {
  Captured out;
  {
    Progress p(to(out.file(), Rewrite::always));
    p.step("building");
    p.warning("slow");
  }
  CHECK(out.text() == "building\r\033[Kwarning: slow\n");
}

TEST_CASE("quiet prints nothing at all") {
  Captured out;
  {
    Progress p(
        ProgressOptions{.quiet = true, .prefix = "xstatic: ", .rewrite = Rewrite::always, .out = out.file()});
    CHECK(p.quiet());
    p.step("a");
    p.done("b");
    p.note("c");
    p.warning("d");
  }
  CHECK(out.text().empty());
}

TEST_CASE("Rewrite::never keeps plain lines even where a terminal would rewrite") {
  Captured out;
  {
    Progress p(to(out.file(), Rewrite::never));
    p.step("a");
    p.step("b");
  }
  CHECK(out.text() == "a\nb\n");
}
