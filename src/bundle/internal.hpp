// What the bundle's tools share (not installed: src/bundle only).
#pragma once

#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/Error.h>

#include <string>
#include <utility>

namespace xstatic::bundle {

// `-cc1 ARGS` or `-cc1as ARGS` after argv[0]: clang's compiler or assembler
// proper, called by the driver in this process (Driver::CC1Main) or run as
// a child with -fno-integrated-cc1. Response files are expanded first.
int run_cc1_tool(llvm::SmallVectorImpl<const char*>& argv);

// The two tools themselves, on the arguments after -cc1 / -cc1as.
int cc1_main(llvm::ArrayRef<const char*> args, const char* argv0);
int cc1as_main(llvm::ArrayRef<const char*> args, const char* argv0);

// A failure of one of the bundle's binutils (ar_main.cpp, objcopy_main.cpp):
// the tool's main prints "<tool>: error: MESSAGE" and exits 1.
struct ToolFailure {
  std::string message;
};

[[noreturn]] inline void tool_fail(std::string message) {
  throw ToolFailure{std::move(message)};
}

// Throws a ToolFailure for an llvm::Error, its message after "CONTEXT: " when
// a context is given.
inline void tool_check(llvm::Error error, const std::string& context = {}) {
  if (error) tool_fail((context.empty() ? "" : context + ": ") + llvm::toString(std::move(error)));
}

}  // namespace xstatic::bundle
