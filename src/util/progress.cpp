#include "xstatic/util/progress.hpp"

#include <unistd.h>

#include <mutex>
#include <utility>

namespace xstatic::util {

namespace {

// Threads may share a Progress (the driver builds mimalloc and the libc
// routines beside libc++ on a first link), and two Progress objects may
// write to one stream: each line is written whole, under this lock (never
// destroyed, so that a Progress that outlives main's statics can still print).
std::mutex& output_lock() {
  static auto* m = new std::mutex;
  return *m;
}

}  // namespace

Progress::Progress(bool quiet)
    : Progress(
          ProgressOptions{.quiet = quiet, .prefix = {}, .rewrite = Rewrite::on_terminal, .out = nullptr}) {}

Progress::Progress(ProgressOptions options) : options_(std::move(options)) {
  if (!options_.out) options_.out = stderr;
  // isatty only when it matters: the driver (Rewrite::never) makes no system call here.
  if (!options_.quiet) {
    rewrite_ = options_.rewrite == Rewrite::always ||
               (options_.rewrite == Rewrite::on_terminal && ::isatty(::fileno(options_.out)) == 1);
  }
}

Progress::~Progress() {
  std::lock_guard lock(output_lock());
  clear_line();
}

void Progress::clear_line() {
  if (!open_line_) return;
  std::fputs("\r\033[K", options_.out);
  std::fflush(options_.out);
  open_line_ = false;
}

namespace {

// An empty string_view may hold a null pointer, and fwrite's is declared
// nonnull (undefined even for a size of 0: found by the sanitizer build).
void put(std::string_view text, std::FILE* out) {
  if (!text.empty()) std::fwrite(text.data(), 1, text.size(), out);
}

}  // namespace

void Progress::write(std::string_view label, std::string_view line, bool stays) {
  if (options_.quiet) return;
  std::lock_guard lock(output_lock());
  clear_line();
  std::FILE* out = options_.out;
  put(options_.prefix, out);
  put(label, out);
  put(line, out);
  if (stays || !rewrite_) {
    std::fputc('\n', out);
  } else {
    open_line_ = true;
  }
  std::fflush(out);
}

void Progress::step(std::string_view line) {
  write({}, line, false);
}

void Progress::done(std::string_view line) {
  write({}, line, true);
}

void Progress::note(std::string_view line) {
  write("note: ", line, true);
}

void Progress::warning(std::string_view line) {
  write("warning: ", line, true);
}

}  // namespace xstatic::util
