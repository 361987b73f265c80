// What xstatic tells the user while it works, on stderr: progress of long
// steps (fetching, extracting, building), notes and warnings. Every long
// operation takes one Progress from its caller, so that the caller decides
// where the lines go and how they look: the cli's subcommands rewrite one
// line in place on a terminal and say nothing with -q; the compiler driver
// prints plain lines prefixed "xstatic: " because a build's other output
// surrounds them. Results a script reads go to stdout, never through here;
// debug detail goes to spdlog::debug (-v), which is not for the user.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace xstatic::util {

// How a step's line is shown.
enum class Rewrite : std::uint8_t {
  on_terminal,  // a step replaces the previous step's line when the output is a terminal
  never,        // every line is a plain line (logs, CI, several build jobs on one terminal)
  always,       // as on a terminal whatever the output is (for tests)
};

struct ProgressOptions {
  bool quiet = false;                      // print nothing at all (-q)
  std::string prefix;                      // before every line: "xstatic: "
  Rewrite rewrite = Rewrite::on_terminal;  // see Rewrite
  std::FILE* out = nullptr;                // stderr when null
};

class Progress {
 public:
  explicit Progress(bool quiet);
  explicit Progress(ProgressOptions options);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A step in progress: replaces the previous step's line on a terminal.
  void step(std::string_view line);
  // A line that stays: a finished result, or what is about to take a while.
  void done(std::string_view line);
  // Lines that stay, labelled "note: " (a choice made for the user) and
  // "warning: " (something the user should change).
  void note(std::string_view line);
  void warning(std::string_view line);

  bool quiet() const { return options_.quiet; }

 private:
  void clear_line();
  void write(std::string_view label, std::string_view line, bool stays);
  ProgressOptions options_;
  bool rewrite_ = false;    // steps are rewritten in place
  bool open_line_ = false;  // a step line is shown without its newline
};

}  // namespace xstatic::util
