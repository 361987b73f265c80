// Debian builds LLVM with Z3 (the static analyzer's optional constraint
// solver, `-analyzer-constraints=z3`) but ships Z3 only as a shared library,
// which a static executable cannot load. src/bundle/CMakeLists.txt points
// every Z3_* function LLVM's Support library calls at this one with
// --defsym, so the bundle links, and a call that reaches Z3 says why it
// cannot instead of crashing. Nothing else in clang or lld calls Z3.
#include <cstdio>
#include <cstdlib>

extern "C" [[noreturn]] void xstatic_bundle_without_z3() {
  std::fputs(
      "xstatic: error: this xstatic bundle has no Z3 solver (-analyzer-constraints=z3 and "
      "-analyzer-config crosscheck-with-z3 need Debian's clang-19)\n",
      stderr);
  std::exit(70);
}
