// clang -cc1 inside the bundle: a CompilerInstance built from the -cc1
// arguments and run by ExecuteCompilerInvocation (libclangFrontendTool), as
// clang's own cc1_main does (clang/tools/driver/cc1_main.cpp in LLVM).
//
// Left out: -ftime-trace output and --print-supported-cpus/-extensions
// (they print nothing here); everything that makes an object is the
// library's, so the bytes match Debian's clang-19 (docs/bundle.md).
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/Stack.h>
#include <clang/CodeGen/ObjectFilePCHContainerOperations.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/FrontendDiagnostic.h>
#include <clang/Frontend/TextDiagnosticBuffer.h>
#include <clang/FrontendTool/Utils.h>
#include <llvm/Support/BuryPointer.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/ErrorHandling.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Signals.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/Timer.h>
#include <llvm/Support/raw_ostream.h>
#include <sys/resource.h>

#include "bundle/internal.hpp"

namespace xstatic::bundle {
namespace {

// LLVM's fatal errors (a backend that cannot go on) become a diagnostic and
// exit 70, which the driver reads as a crash and reports.
void report_backend_failure(void* engine, const char* message, bool crash_report) {
  auto& diags = *static_cast<clang::DiagnosticsEngine*>(engine);
  diags.Report(clang::diag::err_fe_error_backend) << message;
  llvm::sys::RunInterruptHandlers();
  llvm::sys::Process::Exit(crash_report ? 70 : 1);
}

// Deeply nested code needs clang's 8 MiB of stack: raise the soft limit when
// the hard one allows it (what `ulimit -s` would do).
void raise_stack_limit() {
  struct rlimit limit{};
  if (::getrlimit(RLIMIT_STACK, &limit) != 0) return;
  auto want = static_cast<rlim_t>(clang::DesiredStackSize);
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= want) return;
  limit.rlim_cur = limit.rlim_max == RLIM_INFINITY || limit.rlim_max >= want ? want : limit.rlim_max;
  ::setrlimit(RLIMIT_STACK, &limit);
}

void initialize_targets() {
  llvm::InitializeAllTargets();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmPrinters();
  llvm::InitializeAllAsmParsers();
}

}  // namespace

int cc1_main(llvm::ArrayRef<const char*> args, const char* argv0) {
  raise_stack_limit();
  auto instance = std::make_unique<clang::CompilerInstance>();
  // Modules and precompiled headers wrapped in object files, as clang's are.
  auto pch = instance->getPCHContainerOperations();
  pch->registerWriter(std::make_unique<clang::ObjectFilePCHContainerWriter>());
  pch->registerReader(std::make_unique<clang::ObjectFilePCHContainerReader>());
  initialize_targets();

  // Diagnostics of the arguments themselves wait in a buffer until the real
  // engine (whose options those arguments set) exists.
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> ids(new clang::DiagnosticIDs());
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> options(new clang::DiagnosticOptions());
  auto* buffer = new clang::TextDiagnosticBuffer;
  clang::DiagnosticsEngine early(ids, options, buffer);
  bool ok = clang::CompilerInvocation::CreateFromArgs(instance->getInvocation(), args, early, argv0);

  auto& search = instance->getHeaderSearchOpts();
  if (search.UseBuiltinIncludes && search.ResourceDir.empty()) {
    static int anchor;
    search.ResourceDir = clang::CompilerInvocation::GetResourcesPath(argv0, &anchor);
  }
  instance->createDiagnostics();
  if (!instance->hasDiagnostics()) return 1;
  llvm::install_fatal_error_handler(report_backend_failure, &instance->getDiagnostics());
  buffer->FlushDiagnostics(instance->getDiagnostics());
  if (!ok) {
    instance->getDiagnosticClient().finish();
    return 1;
  }
  ok = clang::ExecuteCompilerInvocation(instance.get());
  llvm::remove_fatal_error_handler();
  llvm::TimerGroup::printAll(llvm::errs());
  llvm::TimerGroup::clearAll();
  // -disable-free (the driver's default): the process or job ends now, so
  // freeing the AST and the module is time wasted; clang leaks it the same way.
  if (instance->getFrontendOpts().DisableFree) {
    llvm::BuryPointer(std::move(instance));
    return !ok;
  }
  return !ok;
}

int run_cc1_tool(llvm::SmallVectorImpl<const char*>& argv) {
  // cl::opt globals (-mllvm) may have been set by an earlier job of this process.
  llvm::cl::ResetAllOptionOccurrences();
  llvm::BumpPtrAllocator memory;
  llvm::cl::ExpansionContext expansion(memory, llvm::cl::TokenizeGNUCommandLine);
  if (llvm::Error e = expansion.expandResponseFiles(argv)) {
    llvm::errs() << llvm::toString(std::move(e)) << '\n';
    return 1;
  }
  llvm::StringRef tool = argv[1];
  auto rest = llvm::ArrayRef<const char*>(argv).slice(2);
  if (tool == "-cc1") return cc1_main(rest, argv[0]);
  if (tool == "-cc1as") return cc1as_main(rest, argv[0]);
  llvm::errs() << "error: unknown integrated tool '" << tool << "': this bundle has -cc1 and -cc1as\n";
  return 1;
}

}  // namespace xstatic::bundle
