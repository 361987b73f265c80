// clang's driver inside the bundle: what clang's own executable does with
// clang::driver::Driver (clang/tools/driver/driver.cpp in LLVM), written for
// this one use. The driver runs its -cc1 and -cc1as jobs in this process
// (Driver::CC1Main, clang 19's default) and the linker as a child: bin/ld.lld,
// which is this executable again.
//
// Left out on purpose: clang-cl's CL/_CL_ environment variables (no Windows
// host), CCC_OVERRIDE_OPTIONS, and the CC_PRINT_* back doors.
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/Stack.h>
#include <clang/Driver/Compilation.h>
#include <clang/Driver/Driver.h>
#include <clang/Driver/ToolChain.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/Allocator.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Signals.h>
#include <llvm/Support/StringSaver.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/Timer.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Host.h>

#include <csignal>
#include <memory>

#include "bundle/internal.hpp"
#include "xstatic/bundle/bundle.hpp"

namespace xstatic::bundle {
namespace {

// clang++ runs the driver in g++ mode: clang itself puts the mode (and a
// target from a prefixed name) right after argv[0], before the user's own
// flags, so that theirs still win.
void insert_name_arguments(const clang::driver::ParsedClangName& name,
                           llvm::SmallVectorImpl<const char*>& args, llvm::StringSaver& saver) {
  auto at = args.begin() + 1;
  if (name.DriverMode) at = args.insert(at, saver.save(name.DriverMode).data()) + 1;
  if (name.TargetIsValid) {
    const char* target[] = {"-target", saver.save(name.TargetPrefix).data()};
    args.insert(at, std::begin(target), std::end(target));
  }
}

// -fno-integrated-cc1 asks for a child process per cc1 job (this executable
// with -cc1 first); the last of the pair wins, as in clang.
bool cc1_in_child(llvm::ArrayRef<const char*> args) {
  bool child = false;
  for (const char* a : args) {
    if (!a) continue;
    llvm::StringRef arg(a);
    if (arg == "-fno-integrated-cc1") child = true;
    if (arg == "-fintegrated-cc1") child = false;
  }
  return child;
}

// A job that failed with a crash's exit status (a signal, or 70: LLVM's
// fatal error) gets clang's crash report: preprocessed source and a script.
bool is_crash(int status) {
  return status < 0 || status == 70 || status > 128;
}

int run_driver(llvm::SmallVectorImpl<const char*>& args, const char* program_name) {
  // The executable's own path (symlinks resolved: bin/xstatic): clang finds
  // its resource folder (bin/../lib/clang/19) and ld.lld (bin/) from it.
  static int anchor;
  std::string path = llvm::sys::fs::getMainExecutable(args[0], &anchor);

  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> diag_options = clang::CreateAndPopulateDiagOpts(args);
  auto* printer = new clang::TextDiagnosticPrinter(llvm::errs(), diag_options.get());
  printer->setPrefix(std::string(llvm::sys::path::stem(program_name)));
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> ids(new clang::DiagnosticIDs());
  clang::DiagnosticsEngine diags(ids, diag_options.get(), printer);
  clang::ProcessWarningOptions(diags, *diag_options, /*ReportDiags=*/false);

  clang::driver::Driver driver(path, llvm::sys::getDefaultTargetTriple(), diags, "clang LLVM compiler");
  auto name = clang::driver::ToolChain::getTargetAndModeFromProgramName(program_name);
  driver.setTargetAndMode(name);
  llvm::BumpPtrAllocator names_memory;
  llvm::StringSaver saver(names_memory);
  insert_name_arguments(name, args, saver);

  auto cc1 = [](llvm::SmallVectorImpl<const char*>& argv) { return run_cc1_tool(argv); };
  if (!cc1_in_child(args)) {
    driver.CC1Main = cc1;
    // A crash in an in-process cc1 job is caught and reported like a child's.
    llvm::CrashRecoveryContext::Enable();
  }

  std::unique_ptr<clang::driver::Compilation> compilation(driver.BuildCompilation(args));
  int result = 1;
  int job_status = 0;
  if (compilation && !compilation->containsError()) {
    llvm::SmallVector<std::pair<int, const clang::driver::Command*>, 4> failing;
    result = driver.ExecuteCompilation(*compilation, failing);
    for (const auto& [status, command] : failing) {
      job_status = status;
      if (!result) result = status;
      if (is_crash(status)) {
        driver.maybeGenerateCompilationDiagnostics(clang::driver::Driver::CommandStatus::Crash,
                                                   clang::driver::Driver::ReproLevel::OnCrash, *compilation,
                                                   *command);
        break;
      }
    }
  }
  diags.getClient()->finish();
  llvm::TimerGroup::printAll(llvm::errs());
  llvm::TimerGroup::clearAll();
  // A job killed by a signal: end the same way, so the caller sees the signal.
  if (job_status > 128 && job_status != 255) {
    llvm::sys::unregisterHandlers();
    std::raise(job_status - 128);
  }
  return result;
}

}  // namespace

int clang_main(int argc, char** argv) {
  clang::noteBottomOfStack();
  llvm::InitLLVM init(argc, argv);
  if (llvm::sys::Process::FixupStandardFileDescriptors()) return 1;
  llvm::InitializeAllTargets();
  llvm::SmallVector<const char*, 256> args(argv, argv + argc);

  llvm::BumpPtrAllocator memory;
  const char* program_name = argv[0];
  bool cl_mode =
      clang::driver::IsClangCL(clang::driver::getDriverMode(program_name, llvm::ArrayRef(args).slice(1)));
  if (llvm::Error e = clang::driver::expandResponseFiles(args, cl_mode, memory)) {
    llvm::errs() << llvm::toString(std::move(e)) << '\n';
    return 1;
  }
  if (args.size() >= 2 && llvm::StringRef(args[1]).starts_with("-cc1")) return run_cc1_tool(args);
  return run_driver(args, program_name);
}

}  // namespace xstatic::bundle
