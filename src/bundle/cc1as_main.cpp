// clang -cc1as inside the bundle: the integrated assembler for .s and .S
// inputs (after the preprocessor), on LLVM's MC layer. clang keeps its own
// (cc1as_main.cpp) in the clang tool rather than a library, so this is the
// same job written for the bundle: read the -cc1as options with clang's
// option table (CC1AsOption visibility), set MCTargetOptions and the
// MCContext as the driver asked, and run the target's asm parser into an
// object (or assembly, or null) streamer.
#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Driver/DriverDiagnostic.h>
#include <clang/Driver/Options.h>
#include <clang/Frontend/FrontendDiagnostic.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Frontend/Utils.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringSwitch.h>
#include <llvm/MC/MCAsmBackend.h>
#include <llvm/MC/MCAsmInfo.h>
#include <llvm/MC/MCCodeEmitter.h>
#include <llvm/MC/MCContext.h>
#include <llvm/MC/MCInstPrinter.h>
#include <llvm/MC/MCInstrInfo.h>
#include <llvm/MC/MCObjectFileInfo.h>
#include <llvm/MC/MCObjectWriter.h>
#include <llvm/MC/MCParser/MCAsmParser.h>
#include <llvm/MC/MCParser/MCTargetAsmParser.h>
#include <llvm/MC/MCRegisterInfo.h>
#include <llvm/MC/MCSectionMachO.h>
#include <llvm/MC/MCStreamer.h>
#include <llvm/MC/MCSubtargetInfo.h>
#include <llvm/MC/MCTargetOptions.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/ErrorHandling.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormattedStream.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Signals.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/Timer.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/TargetParser/Host.h>
#include <llvm/TargetParser/Triple.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bundle/internal.hpp"

namespace xstatic::bundle {
namespace {

namespace opts = clang::driver::options;

enum class AsOutput { assembly, null, object };

// What one -cc1as command line asks for.
struct AsJob {
  std::string triple, cpu, abi, relocation_model = "pic";
  std::vector<std::string> features, include_dirs, symbol_defs, llvm_args;
  std::string input = "-", output = "-", split_dwarf_output;
  AsOutput kind = AsOutput::assembly;
  unsigned asm_variant = 0;
  // DWARF for the assembly itself (-g on a .s file).
  bool dwarf_for_assembly = false, dwarf64 = false;
  unsigned dwarf_version = 2;
  std::string dwarf_flags, dwarf_producer, compilation_dir, main_file_name;
  std::vector<std::pair<std::string, std::string>> prefix_map;
  bool no_initial_text_section = false, embed_bitcode = false, show_help = false, show_version = false;
  std::optional<llvm::Triple> darwin_variant_triple;
  llvm::VersionTuple darwin_variant_sdk;
  llvm::MCTargetOptions mc;  // relax-all, no-exec-stack, warnings, unwind, compression...
};

void report_unknown(const llvm::opt::InputArgList& args, const llvm::opt::OptTable& table,
                    llvm::opt::Visibility visibility, clang::DiagnosticsEngine& diags) {
  for (const llvm::opt::Arg* a : args.filtered(opts::OPT_UNKNOWN)) {
    std::string spelled = a->getAsString(args), nearest;
    if (table.findNearest(spelled, nearest, visibility) > 1)
      diags.Report(clang::diag::err_drv_unknown_argument) << spelled;
    else
      diags.Report(clang::diag::err_drv_unknown_argument_with_suggestion) << spelled << nearest;
  }
}

bool parse_job(AsJob& job, llvm::ArrayRef<const char*> argv, clang::DiagnosticsEngine& diags) {
  const llvm::opt::OptTable& table = clang::driver::getDriverOptTable();
  llvm::opt::Visibility visibility(opts::CC1AsOption);
  unsigned missing_index = 0, missing_count = 0;
  llvm::opt::InputArgList args = table.ParseArgs(argv, missing_index, missing_count, visibility);
  if (missing_count)
    diags.Report(clang::diag::err_drv_missing_argument) << args.getArgString(missing_index) << missing_count;
  report_unknown(args, table, visibility, diags);

  job.triple = llvm::Triple::normalize(args.getLastArgValue(opts::OPT_triple));
  if (job.triple.empty()) job.triple = llvm::sys::getDefaultTargetTriple();
  if (auto* a = args.getLastArg(opts::OPT_darwin_target_variant_triple))
    job.darwin_variant_triple.emplace(a->getValue());
  if (auto* a = args.getLastArg(opts::OPT_darwin_target_variant_sdk_version_EQ))
    if (job.darwin_variant_sdk.tryParse(a->getValue()))
      diags.Report(clang::diag::err_drv_invalid_value) << a->getAsString(args) << a->getValue();
  job.cpu = args.getLastArgValue(opts::OPT_target_cpu).str();
  job.features = args.getAllArgValues(opts::OPT_target_feature);
  job.abi = args.getLastArgValue(opts::OPT_target_abi).str();
  job.relocation_model = args.getLastArgValue(opts::OPT_mrelocation_model, "pic").str();

  job.include_dirs = args.getAllArgValues(opts::OPT_I);
  job.no_initial_text_section = args.hasArg(opts::OPT_n);
  job.dwarf_for_assembly = args.hasArg(opts::OPT_debug_info_kind_EQ);
  if (auto* a = args.getLastArg(opts::OPT_gdwarf64, opts::OPT_gdwarf32))
    job.dwarf64 = a->getOption().matches(opts::OPT_gdwarf64);
  job.dwarf_version = clang::getLastArgIntValue(args, opts::OPT_dwarf_version_EQ, 2, diags);
  job.dwarf_flags = args.getLastArgValue(opts::OPT_dwarf_debug_flags).str();
  job.dwarf_producer = args.getLastArgValue(opts::OPT_dwarf_debug_producer).str();
  if (auto* a = args.getLastArg(opts::OPT_ffile_compilation_dir_EQ, opts::OPT_fdebug_compilation_dir_EQ))
    job.compilation_dir = a->getValue();
  job.main_file_name = args.getLastArgValue(opts::OPT_main_file_name).str();
  for (const auto& map : args.getAllArgValues(opts::OPT_fdebug_prefix_map_EQ)) {
    auto [from, to] = llvm::StringRef(map).split('=');
    job.prefix_map.emplace_back(from.str(), to.str());
  }

  auto inputs = args.getAllArgValues(opts::OPT_INPUT);
  if (!inputs.empty()) job.input = inputs.front();
  for (std::size_t i = 1; i < inputs.size(); ++i)
    diags.Report(clang::diag::err_drv_unknown_argument) << inputs[i];
  job.llvm_args = args.getAllArgValues(opts::OPT_mllvm);
  job.output = args.getLastArgValue(opts::OPT_o).str();
  if (job.output.empty()) job.output = "-";
  job.split_dwarf_output = args.getLastArgValue(opts::OPT_split_dwarf_output).str();
  if (auto* a = args.getLastArg(opts::OPT_filetype)) {
    auto kind = llvm::StringSwitch<std::optional<AsOutput>>(a->getValue())
                    .Case("asm", AsOutput::assembly)
                    .Case("null", AsOutput::null)
                    .Case("obj", AsOutput::object)
                    .Default(std::nullopt);
    if (kind)
      job.kind = *kind;
    else
      diags.Report(clang::diag::err_drv_invalid_value) << a->getAsString(args) << a->getValue();
  }
  job.show_help = args.hasArg(opts::OPT_help);
  job.show_version = args.hasArg(opts::OPT_version);
  job.asm_variant = clang::getLastArgIntValue(args, opts::OPT_output_asm_variant, 0, diags);
  job.symbol_defs = args.getAllArgValues(opts::OPT_defsym);
  if (auto* a = args.getLastArg(opts::OPT_fembed_bitcode_EQ))
    job.embed_bitcode =
        llvm::StringSwitch<bool>(a->getValue()).Cases("all", "bitcode", "marker", true).Default(false);

  auto& mc = job.mc;
  mc.ShowMCEncoding = args.hasArg(opts::OPT_show_encoding);
  mc.ShowMCInst = args.hasArg(opts::OPT_show_inst);
  mc.MCRelaxAll = args.hasArg(opts::OPT_mrelax_all);
  mc.MCNoExecStack = args.hasArg(opts::OPT_mno_exec_stack);
  mc.MCFatalWarnings = args.hasArg(opts::OPT_massembler_fatal_warnings);
  mc.MCNoWarn = args.hasArg(opts::OPT_massembler_no_warn);
  mc.MCNoTypeCheck = args.hasArg(opts::OPT_mno_type_check);
  mc.MCSaveTempLabels = args.hasArg(opts::OPT_msave_temp_labels);
  mc.MCIncrementalLinkerCompatible = args.hasArg(opts::OPT_mincremental_linker_compatible);
  if (auto* a = args.getLastArg(opts::OPT_femit_dwarf_unwind_EQ))
    mc.EmitDwarfUnwind = llvm::StringSwitch<llvm::EmitDwarfUnwindType>(a->getValue())
                             .Case("always", llvm::EmitDwarfUnwindType::Always)
                             .Case("no-compact-unwind", llvm::EmitDwarfUnwindType::NoCompactUnwind)
                             .Default(llvm::EmitDwarfUnwindType::Default);
  mc.EmitCompactUnwindNonCanonical = args.hasArg(opts::OPT_femit_compact_unwind_non_canonical);
  mc.Crel = args.hasArg(opts::OPT_crel);
  mc.X86RelaxRelocations = !args.hasArg(opts::OPT_mrelax_relocations_no);
  mc.X86Sse2Avx = args.hasArg(opts::OPT_msse2avx);
  if (auto* a = args.getLastArg(opts::OPT_compress_debug_sections_EQ))
    mc.CompressDebugSections = llvm::StringSwitch<llvm::DebugCompressionType>(a->getValue())
                                   .Case("zlib", llvm::DebugCompressionType::Zlib)
                                   .Case("zstd", llvm::DebugCompressionType::Zstd)
                                   .Default(llvm::DebugCompressionType::None);
  mc.AsSecureLogFile = args.getLastArgValue(opts::OPT_as_secure_log_file).str();
  mc.ABIName = job.abi;
  mc.AsmVerbose = true;
  mc.MCUseDwarfDirectory = llvm::MCTargetOptions::EnableDwarfDirectory;
  return !diags.hasErrorOccurred();
}

std::unique_ptr<llvm::raw_fd_ostream> open_output(const std::string& path, bool binary,
                                                  clang::DiagnosticsEngine& diags) {
  if (path != "-") llvm::sys::RemoveFileOnSignal(path);
  std::error_code ec;
  auto out = std::make_unique<llvm::raw_fd_ostream>(
      path, ec, binary ? llvm::sys::fs::OF_None : llvm::sys::fs::OF_TextWithCRLF);
  if (ec) {
    diags.Report(clang::diag::err_fe_unable_to_open_output) << path << ec.message();
    return nullptr;
  }
  return out;
}

// Sets the DWARF and naming facts the driver passed on the MCContext.
void describe_for_debug_info(llvm::MCContext& context, const AsJob& job, llvm::StringRef source) {
  if (job.dwarf_for_assembly) context.setGenDwarfForAssembly(true);
  if (!job.dwarf_flags.empty()) context.setDwarfDebugFlags(job.dwarf_flags);
  if (!job.dwarf_producer.empty()) context.setDwarfDebugProducer(job.dwarf_producer);
  llvm::SmallString<128> cwd;
  if (!job.compilation_dir.empty())
    context.setCompilationDir(job.compilation_dir);
  else if (!llvm::sys::fs::current_path(cwd))
    context.setCompilationDir(cwd);
  for (const auto& [from, to] : job.prefix_map) context.addDebugPrefixMapEntry(from, to);
  if (!job.main_file_name.empty()) context.setMainFileName(job.main_file_name);
  context.setDwarfFormat(job.dwarf64 ? llvm::dwarf::DWARF64 : llvm::dwarf::DWARF32);
  context.setDwarfVersion(job.dwarf_version);
  if (job.dwarf_for_assembly) context.setGenDwarfRootFile(job.input, source);
}

// Returns true when assembling failed (the output is then removed).
bool assemble(AsJob& job, clang::DiagnosticsEngine& diags) {
  std::string error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(job.triple, error);
  if (!target) return diags.Report(clang::diag::err_target_unknown_triple) << job.triple;
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(job.input, /*IsText=*/true);
  if (std::error_code ec = buffer.getError())
    return diags.Report(clang::diag::err_fe_error_reading) << job.input << ec.message();
  llvm::SourceMgr sources;
  unsigned main_buffer = sources.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  sources.setIncludeDirs(job.include_dirs);

  std::unique_ptr<llvm::MCRegisterInfo> registers(target->createMCRegInfo(job.triple));
  std::unique_ptr<llvm::MCAsmInfo> asm_info(target->createMCAsmInfo(*registers, job.triple, job.mc));
  bool binary = job.kind == AsOutput::object;
  auto out_file = open_output(job.output, binary, diags);
  if (!out_file) return true;
  std::unique_ptr<llvm::raw_fd_ostream> dwo_file;
  if (!job.split_dwarf_output.empty()) {
    dwo_file = open_output(job.split_dwarf_output, binary, diags);
    if (!dwo_file) return true;
  }
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(
      target->createMCSubtargetInfo(job.triple, job.cpu, llvm::join(job.features, ",")));
  llvm::Triple triple(job.triple);
  llvm::MCContext context(triple, asm_info.get(), registers.get(), subtarget.get(), &sources, &job.mc);
  std::unique_ptr<llvm::MCObjectFileInfo> file_info(
      target->createMCObjectFileInfo(context, /*PIC=*/job.relocation_model == "pic"));
  context.setObjectFileInfo(file_info.get());
  describe_for_debug_info(context, job, sources.getMemoryBuffer(main_buffer)->getBuffer());

  std::unique_ptr<llvm::MCInstrInfo> instructions(target->createMCInstrInfo());
  std::unique_ptr<llvm::MCStreamer> streamer;
  llvm::raw_pwrite_stream* out = out_file.get();
  std::unique_ptr<llvm::buffer_ostream> seekable;
  if (job.kind == AsOutput::assembly) {
    llvm::MCInstPrinter* printer =
        target->createMCInstPrinter(triple, job.asm_variant, *asm_info, *instructions, *registers);
    std::unique_ptr<llvm::MCCodeEmitter> emitter;
    if (job.mc.ShowMCEncoding) emitter.reset(target->createMCCodeEmitter(*instructions, context));
    std::unique_ptr<llvm::MCAsmBackend> backend(target->createMCAsmBackend(*subtarget, *registers, job.mc));
    streamer.reset(target->createAsmStreamer(context, std::make_unique<llvm::formatted_raw_ostream>(*out),
                                             printer, std::move(emitter), std::move(backend)));
  } else if (job.kind == AsOutput::null) {
    streamer.reset(llvm::createNullStreamer(context));
  } else {
    if (!out_file->supportsSeeking()) {
      seekable = std::make_unique<llvm::buffer_ostream>(*out_file);
      out = seekable.get();
    }
    std::unique_ptr<llvm::MCCodeEmitter> emitter(target->createMCCodeEmitter(*instructions, context));
    std::unique_ptr<llvm::MCAsmBackend> backend(target->createMCAsmBackend(*subtarget, *registers, job.mc));
    auto writer =
        dwo_file ? backend->createDwoObjectWriter(*out, *dwo_file) : backend->createObjectWriter(*out);
    streamer.reset(target->createMCObjectStreamer(triple, context, std::move(backend), std::move(writer),
                                                  std::move(emitter), *subtarget));
    streamer->initSections(job.mc.MCNoExecStack, *subtarget);
    if (triple.isOSBinFormatMachO() && triple.isOSDarwin())
      streamer->emitVersionForTarget(triple, llvm::VersionTuple(),
                                     job.darwin_variant_triple ? &*job.darwin_variant_triple : nullptr,
                                     job.darwin_variant_sdk);
  }
  // -fembed-bitcode on Mach-O: the one-byte __LLVM,__asm marker.
  if (job.embed_bitcode && context.getObjectFileType() == llvm::MCContext::IsMachO) {
    streamer->switchSection(context.getMachOSection("__LLVM", "__asm", llvm::MachO::S_REGULAR, 4,
                                                    llvm::SectionKind::getReadOnly()));
    streamer->emitZeros(1);
  }

  std::unique_ptr<llvm::MCAsmParser> parser(llvm::createMCAsmParser(sources, context, *streamer, *asm_info));
  std::unique_ptr<llvm::MCTargetAsmParser> target_parser(
      target->createMCAsmParser(*subtarget, *parser, *instructions, job.mc));
  if (!target_parser) return diags.Report(clang::diag::err_target_unknown_triple) << job.triple;
  for (const auto& def : job.symbol_defs) {  // NAME=VALUE, checked by the driver
    auto [name, text] = llvm::StringRef(def).split('=');
    int64_t value = 0;
    text.getAsInteger(0, value);
    context.setSymbolValue(parser->getStreamer(), name, value);
  }
  parser->setTargetParser(*target_parser);
  return parser->Run(job.no_initial_text_section);
}

void report_assembler_failure(void* engine, const char* message, bool /*crash_report*/) {
  static_cast<clang::DiagnosticsEngine*>(engine)->Report(clang::diag::err_fe_error_backend) << message;
  llvm::sys::Process::Exit(1);
}

}  // namespace

int cc1as_main(llvm::ArrayRef<const char*> args, const char* /*argv0*/) {
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> options(new clang::DiagnosticOptions());
  auto* printer = new clang::TextDiagnosticPrinter(llvm::errs(), options.get());
  printer->setPrefix("clang -cc1as");
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> ids(new clang::DiagnosticIDs());
  clang::DiagnosticsEngine diags(ids, options, printer);
  llvm::ScopedFatalErrorHandler on_fatal(report_assembler_failure, &diags);

  AsJob job;
  if (!parse_job(job, args, diags)) return 1;
  if (job.show_help) {
    clang::driver::getDriverOptTable().printHelp(llvm::outs(), "clang -cc1as [options] file...",
                                                 "Clang Integrated Assembler", false, false,
                                                 llvm::opt::Visibility(opts::CC1AsOption));
    return 0;
  }
  if (job.show_version) {
    llvm::cl::PrintVersionMessage();
    return 0;
  }
  if (!job.llvm_args.empty()) {
    std::vector<const char*> argv{"clang (LLVM option parsing)"};
    for (const auto& a : job.llvm_args) argv.push_back(a.c_str());
    llvm::cl::ParseCommandLineOptions(static_cast<int>(argv.size()), argv.data());
  }
  bool failed = assemble(job, diags);
  if (failed) {
    if (job.output != "-") llvm::sys::fs::remove(job.output);
    if (!job.split_dwarf_output.empty() && job.split_dwarf_output != "-")
      llvm::sys::fs::remove(job.split_dwarf_output);
  }
  llvm::TimerGroup::printAll(llvm::errs());
  llvm::TimerGroup::clearAll();
  return failed ? 1 : 0;
}

}  // namespace xstatic::bundle
