#include "xstatic/util/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace xstatic::util {

Progress::Progress(bool quiet) : quiet_(quiet), tty_(::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  clear_line();
}

void Progress::clear_line() {
  if (!open_line_) return;
  std::fputs("\r\033[K", stderr);
  open_line_ = false;
}

void Progress::step(std::string_view line) {
  if (quiet_) return;
  if (tty_) {
    clear_line();
    std::fprintf(stderr, "%.*s", static_cast<int>(line.size()), line.data());
    open_line_ = true;
  } else {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  }
  std::fflush(stderr);
}

void Progress::done(std::string_view line) {
  if (quiet_) return;
  clear_line();
  std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  std::fflush(stderr);
}

}  // namespace xstatic::util
