// lld inside the bundle: lld::lldMain with every flavour Debian builds
// (liblldELF, COFF, MinGW, MachO, Wasm), chosen from argv[0] (ld.lld,
// ld64.lld, lld-link, wasm-ld) or `-flavor NAME`, as lld's own executable does.
#include <lld/Common/Driver.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

#include "xstatic/bundle/bundle.hpp"

LLD_HAS_DRIVER(coff)
LLD_HAS_DRIVER(elf)
LLD_HAS_DRIVER(mingw)
LLD_HAS_DRIVER(macho)
LLD_HAS_DRIVER(wasm)

namespace xstatic::bundle {

int lld_main(int argc, char** argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::sys::Process::UseANSIEscapeCodes(true);
  llvm::ArrayRef<const char*> args(argv, argv + argc);
  lld::Result result = lld::lldMain(args, llvm::outs(), llvm::errs(), LLD_ALL_DRIVERS);
  return result.retCode;
}

}  // namespace xstatic::bundle
