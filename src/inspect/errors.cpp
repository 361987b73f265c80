// llvm::Error to text, in one translation unit: GCC 12 reports a false
// "potential null pointer dereference" inside LLVM's ErrorList::join wherever
// toString/consumeError are inlined, and the warning cannot be silenced at
// the call site (it is located in <tuple>).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "detail.hpp"

namespace xstatic::inspect::detail {

std::string error_text(llvm::Error err) {
  return llvm::toString(std::move(err));
}
void discard_error(llvm::Error err) {
  llvm::consumeError(std::move(err));
}

}  // namespace xstatic::inspect::detail
