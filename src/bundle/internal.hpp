// What the bundle's tools share (not installed: src/bundle only).
#pragma once

#include <llvm/ADT/SmallVector.h>

namespace xstatic::bundle {

// `-cc1 ARGS` or `-cc1as ARGS` after argv[0]: clang's compiler or assembler
// proper, called by the driver in this process (Driver::CC1Main) or run as
// a child with -fno-integrated-cc1. Response files are expanded first.
int run_cc1_tool(llvm::SmallVectorImpl<const char*>& argv);

// The two tools themselves, on the arguments after -cc1 / -cc1as.
int cc1_main(llvm::ArrayRef<const char*> args, const char* argv0);
int cc1as_main(llvm::ArrayRef<const char*> args, const char* argv0);

}  // namespace xstatic::bundle
