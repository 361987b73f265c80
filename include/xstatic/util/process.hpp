// Running other programs without a shell: posix_spawn to run and wait,
// execv to hand the process over when nothing is left to do afterwards.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace xstatic::util {

struct RunOptions {
  bool capture_stdout = false;          // collect stdout into RunResult::out
  bool capture_stderr = false;          // collect stderr into RunResult::err
  bool echo_stderr = false;             // with capture_stderr: also pass it through to our stderr
  std::optional<std::string> cwd;       // working directory, when not ours
  std::vector<std::string> env;         // extra NAME=VALUE entries added to our environment
  std::optional<std::string> log_file;  // when not capturing: append stdout+stderr to this file
  // The child gets SIGTERM when this process dies, even by SIGKILL
  // (PR_SET_PDEATHSIG; started with fork, not posix_spawn): for long builds
  // (cmake, ninja, make), so a killed xstatic does not leave them running.
  // ninja and make pass the signal on to their jobs. Only from the main
  // thread (the signal follows the thread that started the child).
  bool die_with_parent = false;
};

struct RunResult {
  int exit_code = 0;  // the child's exit status, or 128+signal when it was killed
  std::string out;
  std::string err;
};

// Runs argv[0] (a path, or a name searched on PATH) and waits for it.
// Throws xstatic::Error when the program cannot be started at all.
RunResult run(const std::vector<std::string>& argv, const RunOptions& options = {});

// Replaces this process with argv. Returns only on failure (then throws).
[[noreturn]] void exec(const std::vector<std::string>& argv);

// The first executable called `name` on PATH (or `name` itself when it holds a '/').
std::optional<std::string> find_program(const std::string& name);

// The environment variable, or nullopt when unset or empty.
std::optional<std::string> getenv_nonempty(const char* name);

}  // namespace xstatic::util
