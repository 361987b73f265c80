// See guard.hpp for why this exists and what it guards against.
#include "guard.hpp"

#include <llvm/Support/ErrorHandling.h>

#include <csetjmp>
#include <csignal>

namespace xstatic::inspect::detail {
namespace {

struct Guard {
  sigjmp_buf env;
};

thread_local Guard* tls_guard = nullptr;
thread_local std::string tls_reason;  // not in Guard: locals changed across a longjmp are unreliable

[[noreturn]] void jump_back(const char* reason) {
  tls_reason = reason;
  siglongjmp(tls_guard->env, 1);
}

void on_fatal_error(void*, const char* reason, bool) {
  if (tls_guard) jump_back(reason);
  // Not inside a guard: fall back to report_fatal_error's own exit.
}

#ifndef XSTATIC_FUZZING
void on_signal(int sig) {
  if (tls_guard)
    jump_back(sig == SIGBUS ? "SIGBUS while reading the file (was it truncated while being read?)"
                            : "SIGSEGV while parsing (a malformed file that LLVM did not bound)");
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

struct SignalScope {
  struct sigaction old_segv {}, old_bus {};
  SignalScope() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGSEGV, &sa, &old_segv);
    sigaction(SIGBUS, &sa, &old_bus);
  }
  ~SignalScope() {
    sigaction(SIGSEGV, &old_segv, nullptr);
    sigaction(SIGBUS, &old_bus, nullptr);
  }
};
#else
struct SignalScope {};
#endif

}  // namespace

std::optional<std::string> run_guarded(llvm::function_ref<void()> fn) {
  Guard guard;
  Guard* outer = tls_guard;
  SignalScope signals;
  llvm::install_fatal_error_handler(on_fatal_error);
  struct Restore {
    Guard* outer;
    ~Restore() {
      llvm::remove_fatal_error_handler();
      tls_guard = outer;
    }
  } restore{outer};
  // sigsetjmp saves the signal mask, so a jump out of a signal handler unblocks it again.
  if (sigsetjmp(guard.env, 1) != 0) return tls_reason;
  tls_guard = &guard;
  fn();
  return std::nullopt;
}

}  // namespace xstatic::inspect::detail
