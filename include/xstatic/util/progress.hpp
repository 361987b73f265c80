// Progress lines for long steps (fetching, extracting) on stderr: one line
// rewritten in place on a terminal, plain lines otherwise (logs, CI), nothing
// when quiet. Results a script reads go to stdout, never through here.
#pragma once

#include <string_view>

namespace xstatic::util {

class Progress {
 public:
  explicit Progress(bool quiet);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A step in progress: replaces the previous step's line on a terminal.
  void step(std::string_view line);
  // A line that stays (a finished result).
  void done(std::string_view line);

 private:
  void clear_line();
  bool quiet_;
  bool tty_;
  bool open_line_ = false;  // a step line is shown without its newline
};

}  // namespace xstatic::util
