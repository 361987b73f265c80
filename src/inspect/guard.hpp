// Runs a parse so that LLVM's fatal errors cannot end the process.
//
// Parts of LLVM's Mach-O reader (MachOObjectFile's getStruct and friends) call
// llvm::report_fatal_error on malformed input, which prints and exit()s. We
// chose a guard over validating every load command ourselves (a second Mach-O
// parser that would drift from LLVM's) and over llvm::CrashRecoveryContext,
// whose Enable() takes SIGABRT/SIGSEGV/... process-wide and would hide the
// sanitizers' and libFuzzer's findings in the fuzzing build. The guard:
//  - installs a fatal error handler for the duration of the call that
//    siglongjmps back to the guard (report_fatal_error calls the handler
//    outside its lock, so jumping out is safe; what the skipped frames
//    allocated leaks, which is bounded by one file);
//  - outside fuzzing builds (XSTATIC_FUZZING undefined) also turns SIGSEGV
//    and SIGBUS inside the call into an error: SIGBUS is what reading a
//    memory-mapped file that another process truncated gives.
// Our own code never relies on it: every offset is bounds-checked.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>

#include <optional>
#include <string>

namespace xstatic::inspect::detail {

// Runs fn(); returns the reason when LLVM gave up fatally (or a signal hit),
// nullopt when fn returned normally. Exceptions from fn propagate.
std::optional<std::string> run_guarded(llvm::function_ref<void()> fn);

}  // namespace xstatic::inspect::detail
