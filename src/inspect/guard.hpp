// What happens when LLVM gives up on a file: the process ends, and no C++
// frame is ever skipped to carry on.
//
// Memory safety does not rest on this file. It comes from explicit checks:
// LLVM's Object library bounds headers, section tables and symbol names; the
// inspector bounds every other offset it follows (detail::bytes_at and
// string_at); and only the formats we inspect reach LLVM's readers. There is
// no SIGSEGV/SIGBUS handler: a SIGSEGV is a bug, and the fuzzers (tests/fuzz,
// scripts/fuzz.sh, docs/reliability.md) are how such bugs are found. (SIGBUS
// comes only from another process truncating a mapped file while we read
// it: a race that ends the process, as it does readelf, not something the
// bytes of a file can cause.)
//
// What is left is llvm::report_fatal_error, which parts of LLVM's Mach-O
// reader (MachOObjectFile's getStruct) call on malformed input. Its handler
// may not return (LLVM exit()s after it) and must not be left by longjmp or
// by an exception: the frames in between are LLVM's, built without
// exceptions, and ours, which own strings and vectors, so either would skip
// their destructors (undefined behaviour when they own resources). This
// version used to siglongjmp out of the handler (and out of signal handlers);
// issue 14 replaced that with isolation by ending: while a FatalErrorScope is
// alive, a fatal error prints one line naming the file, exactly as an
// xstatic::Error for a malformed file would read, and ends the process with
// exit code 2 (Exit::usage). Nothing resumes, so nothing is skipped; the
// price is that the files after it on the command line are not read. In
// fuzzing builds (XSTATIC_FUZZING) it aborts instead, so a reachable fatal
// error is a finding, fixed with an explicit check before the LLVM call.
#pragma once

#include <string>

namespace xstatic::inspect::detail {

// Installs the handler above for its lifetime (scopes nest: the innermost
// file is named). Not copyable; one per thread at a time is the supported use.
class FatalErrorScope {
 public:
  explicit FatalErrorScope(const std::string& file);
  ~FatalErrorScope();
  FatalErrorScope(const FatalErrorScope&) = delete;
  FatalErrorScope& operator=(const FatalErrorScope&) = delete;

 private:
  const std::string* outer_;
};

}  // namespace xstatic::inspect::detail
