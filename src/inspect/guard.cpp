// See guard.hpp for why a fatal error ends the process instead of jumping back.
#include "guard.hpp"

#include <llvm/Support/ErrorHandling.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace xstatic::inspect::detail {
namespace {

thread_local const std::string* tls_file = nullptr;

// Runs inside report_fatal_error, with LLVM's and our frames below it: it
// only prints and ends the process, never returns or unwinds.
[[noreturn]] void on_fatal_error(void*, const char* reason, bool) {
  std::fflush(stdout);  // what was already reported for earlier files stays
  std::fprintf(stderr, "xstatic: error: %s: malformed file: %s\n", tls_file ? tls_file->c_str() : "(unknown)",
               reason);
#ifdef XSTATIC_FUZZING
  std::abort();  // a finding: libFuzzer keeps the input
#else
  std::fflush(stderr);
  ::_exit(2);  // Exit::usage, as for every malformed file
#endif
}

}  // namespace

FatalErrorScope::FatalErrorScope(const std::string& file) : outer_(tls_file) {
  if (!outer_) llvm::install_fatal_error_handler(on_fatal_error);
  tls_file = &file;
}

FatalErrorScope::~FatalErrorScope() {
  tls_file = outer_;
  if (!outer_) llvm::remove_fatal_error_handler();
}

}  // namespace xstatic::inspect::detail
