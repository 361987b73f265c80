#include "xstatic/util/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

extern char** environ;

namespace xstatic::util {
namespace {

std::vector<char*> to_cstrings(const std::vector<std::string>& v) {
  std::vector<char*> out;
  out.reserve(v.size() + 1);
  for (const auto& s : v) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

std::vector<std::string> environment_with(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    auto name = entry.substr(0, entry.find('=') + 1);
    bool overridden = false;
    for (const auto& x : extra)
      if (x.starts_with(name)) overridden = true;
    if (!overridden) env.emplace_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

// Reads both pipes until they close, so that neither child stream can block.
void drain(int out_fd, int err_fd, RunResult& result, bool echo_err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_count = (out_fd >= 0) + (err_fd >= 0);
  char buf[65536];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        if (n < 0 && errno == EINTR) continue;
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
        continue;
      }
      auto& sink = i == 0 ? result.out : result.err;
      sink.append(buf, static_cast<std::size_t>(n));
      if (i == 1 && echo_err) (void)!write(STDERR_FILENO, buf, static_cast<std::size_t>(n));
    }
  }
}

}  // namespace

std::optional<std::string> getenv_nonempty(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::string(v);
}

std::optional<std::string> find_program(const std::string& name) {
  if (name.find('/') != std::string::npos)
    return access(name.c_str(), X_OK) == 0 ? std::optional(name) : std::nullopt;
  const char* path = std::getenv("PATH");
  for (auto dir : split(path ? path : "/usr/local/bin:/usr/bin:/bin", ':')) {
    std::string candidate = std::string(dir.empty() ? "." : dir) + "/" + name;
    struct stat st{};
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return std::nullopt;
}

namespace {

// The child side of run() with die_with_parent: what the posix_spawn file
// actions do, after PR_SET_PDEATHSIG. Only async-signal-safe calls (we may
// have other threads); everything it needs was made before fork().
[[noreturn]] void exec_child(const char* program, char* const* args, char* const* envp, int out_w, int err_w,
                             const char* log, const char* cwd, pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
  if (out_w >= 0) ::dup2(out_w, STDOUT_FILENO);
  if (err_w >= 0) ::dup2(err_w, STDERR_FILENO);
  if (log) {
    int fd = ::open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) ::_exit(127);
    if (out_w < 0) ::dup2(fd, STDOUT_FILENO);
    if (err_w < 0) ::dup2(fd, STDERR_FILENO);
    if (fd > STDERR_FILENO) ::close(fd);
  }
  if (cwd && ::chdir(cwd) != 0) ::_exit(127);
  ::execve(program, args, envp);
  ::_exit(127);
}

}  // namespace

RunResult run(const std::vector<std::string>& argv, const RunOptions& options) {
  if (argv.empty()) throw Error("internal: empty command line", {}, Exit::internal);
  auto program = find_program(argv[0]);
  if (!program) throw Error("cannot run '" + argv[0] + "': not found on PATH", {}, Exit::missing);

  int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (options.capture_stdout) {
    if (pipe2(out_pipe, O_CLOEXEC) != 0)
      throw Error("pipe: " + std::string(strerror(errno)), {}, Exit::internal);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  }
  if (options.capture_stderr) {
    if (pipe2(err_pipe, O_CLOEXEC) != 0)
      throw Error("pipe: " + std::string(strerror(errno)), {}, Exit::internal);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  }
  if (options.log_file) {
    const int flags = O_WRONLY | O_CREAT | O_APPEND;
    if (!options.capture_stdout)
      posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, options.log_file->c_str(), flags, 0644);
    if (!options.capture_stderr && !options.capture_stdout)
      posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    else if (!options.capture_stderr)
      posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, options.log_file->c_str(), flags, 0644);
  }
  if (options.cwd) posix_spawn_file_actions_addchdir_np(&actions, options.cwd->c_str());

  auto args = to_cstrings(argv);
  auto env_strings = environment_with(options.env);
  auto envp = to_cstrings(env_strings);
  pid_t pid = 0;
  int rc = 0;
  if (options.die_with_parent) {
    pid_t parent = ::getpid();
    pid = ::fork();
    if (pid == 0)
      exec_child(program->c_str(), args.data(), envp.data(), out_pipe[1], err_pipe[1],
                 options.log_file ? options.log_file->c_str() : nullptr,
                 options.cwd ? options.cwd->c_str() : nullptr, parent);
    if (pid < 0) rc = errno;
  } else {
    rc = posix_spawn(&pid, program->c_str(), &actions, nullptr, args.data(), envp.data());
  }
  posix_spawn_file_actions_destroy(&actions);
  if (out_pipe[1] >= 0) close(out_pipe[1]);
  if (err_pipe[1] >= 0) close(err_pipe[1]);
  if (rc != 0) {
    if (out_pipe[0] >= 0) close(out_pipe[0]);
    if (err_pipe[0] >= 0) close(err_pipe[0]);
    throw Error("cannot run '" + *program + "': " + strerror(rc), {}, Exit::missing);
  }

  RunResult result;
  drain(out_pipe[0], err_pipe[0], result, options.echo_stderr);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

void exec(const std::vector<std::string>& argv) {
  auto program = find_program(argv.at(0));
  if (!program) throw Error("cannot run '" + argv[0] + "': not found on PATH", {}, Exit::missing);
  auto args = to_cstrings(argv);
  execv(program->c_str(), args.data());
  throw Error("cannot run '" + *program + "': " + strerror(errno), {}, Exit::missing);
}

}  // namespace xstatic::util
