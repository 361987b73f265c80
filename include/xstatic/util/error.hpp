// The one error model of xstatic (see CONTRIBUTING.md).
//
// Every failure a user can cause or fix is thrown as xstatic::Error: what
// failed (about which file or target), an optional hint holding the command
// that fixes it, and the exit code a script sees. Only the cli layer prints
// it (other layers catch it only to add context, downgrade or clean up:
// CONTRIBUTING.md); it prints "xstatic: error: WHAT" and "  hint: HINT" and exits with the
// code. Functions that merely find nothing return std::optional instead.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace xstatic {

// Exit codes a script can trust; documented in README.md.
enum class Exit : int {
  ok = 0,
  failed = 1,     // the work was done and the answer is "no" (verify failed, link not static)
  usage = 2,      // bad command line, unknown target, unreadable input file
  missing = 3,    // something needed is not installed (sysroot, runtimes, clang, qemu)
  internal = 70,  // a bug in xstatic or an environment failure (EX_SOFTWARE)
};

class Error : public std::runtime_error {
 public:
  explicit Error(std::string what, std::string hint = {}, Exit code = Exit::usage)
      : std::runtime_error(std::move(what)), hint_(std::move(hint)), code_(code) {}

  const std::string& hint() const { return hint_; }
  Exit code() const { return code_; }
  // The same failure (hint, exit code) with more said about where it
  // happened, for a layer that catches only to add context and rethrow.
  Error with_context(std::string_view before, std::string_view after = {}) const {
    return Error(std::string(before) + what() + std::string(after), hint_, code_);
  }

 private:
  std::string hint_;
  Exit code_;
};

}  // namespace xstatic
