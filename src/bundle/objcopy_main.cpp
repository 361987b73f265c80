// llvm-objcopy and llvm-strip inside the bundle: LLVM's ObjCopy library
// (libLLVMObjCopy.a, the code behind llvm-objcopy-19) driven by a small
// option reader written for the bundle; LLVM's own reader
// (llvm/tools/llvm-objcopy/ObjcopyOptions.cpp and its tablegen'd tables) is
// tool code that Debian's libraries do not hold. The output is the ObjCopy
// library's, so it equals llvm-objcopy-19's for the same options.
//
// Kept: what xstatic's release (debug-info split) and build systems' strip
// steps use: --strip-all/-S, --strip-debug/-g, --strip-unneeded,
// --discard-all/-x, --discard-locals/-X, --only-keep-debug,
// --add-gnu-debuglink=FILE, --remove-section/-R, --only-section/-j,
// -O binary|ihex, -p; llvm-strip's -s, -g/-S/-d, --strip-unneeded, -x, -X,
// -o FILE, -p, several files in place. Any other option is refused, naming
// it and LLVM's llvm-objcopy, rather than ignored.

// GCC 12 -O3 reports a null dereference inside llvm::DenseMap once the
// ObjCopy configuration's matchers are inlined (a false positive in LLVM's
// headers, as in runtimes/list.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <llvm/ADT/StringExtras.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/ObjCopy/ConfigManager.h>
#include <llvm/ObjCopy/ObjCopy.h>
#include <llvm/Object/Archive.h>
#include <llvm/Object/Binary.h>
#include <llvm/Support/CRC.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/StringSaver.h>
#include <llvm/Support/raw_ostream.h>

#include <string>
#include <vector>

#include "bundle/internal.hpp"

namespace xstatic::bundle {
namespace {

// What one call asks for: the ObjCopy library's configuration, and the files.
struct CopyCall {
  llvm::objcopy::ConfigManager config;
  std::vector<std::string> inputs;
  std::string output;  // objcopy's second file or strip's -o; empty: in place
};

// An option's value: "--opt=VALUE", or the next argument for "--opt VALUE" and "-R VALUE".
bool option_value(llvm::ArrayRef<const char*> args, std::size_t& i,
                  std::initializer_list<llvm::StringRef> names, llvm::StringRef& value) {
  llvm::StringRef arg(args[i]);
  for (auto name : names) {
    if (arg == name) {
      if (i + 1 == args.size()) tool_fail(name.str() + " needs a value");
      value = args[++i];
      return true;
    }
    if (name.starts_with("--") && arg.starts_with(name) && arg.size() > name.size() &&
        arg[name.size()] == '=') {
      value = arg.substr(name.size() + 1);
      return true;
    }
  }
  return false;
}

void add_section_matcher(llvm::objcopy::NameMatcher& matcher, llvm::StringRef pattern) {
  tool_check(matcher.addMatcher(llvm::objcopy::NameOrPattern::create(
      pattern, llvm::objcopy::MatchStyle::Wildcard, [](llvm::Error e) { return e; })));
}

// The options both tools share; false when `args[i]` is none of them.
bool common_option(llvm::ArrayRef<const char*> args, std::size_t& i, llvm::objcopy::CommonConfig& c,
                   bool strip) {
  llvm::StringRef arg(args[i]);
  llvm::StringRef value;
  if (arg == "--strip-all" || (strip && arg == "-s") || (!strip && arg == "-S"))
    c.StripAll = true;
  else if (arg == "--strip-debug" || arg == "-g" || (strip && (arg == "-S" || arg == "-d")))
    c.StripDebug = true;
  else if (arg == "--strip-unneeded")
    c.StripUnneeded = true;
  else if (arg == "--strip-all-gnu")
    c.StripAllGNU = true;
  else if (arg == "--discard-all" || arg == "-x")
    c.DiscardMode = llvm::objcopy::DiscardType::All;
  else if (arg == "--discard-locals" || arg == "-X")
    c.DiscardMode = llvm::objcopy::DiscardType::Locals;
  else if (arg == "--only-keep-debug")
    c.OnlyKeepDebug = true;
  else if (arg == "--preserve-dates" || arg == "-p")
    c.PreserveDates = true;
  else if (arg == "--enable-deterministic-archives" || arg == "-D")
    c.DeterministicArchives = true;
  else if (arg == "--disable-deterministic-archives" || arg == "-U")
    c.DeterministicArchives = false;
  else if (option_value(args, i, {"--remove-section", "-R"}, value))
    add_section_matcher(c.ToRemove, value);
  else
    return false;
  return true;
}

llvm::objcopy::FileFormat output_format(llvm::StringRef name) {
  if (name == "binary") return llvm::objcopy::FileFormat::Binary;
  if (name == "ihex") return llvm::objcopy::FileFormat::IHex;
  tool_fail("-O " + name.str() +
            ": the bundle's llvm-objcopy writes only 'binary' and 'ihex' (use LLVM's llvm-objcopy)");
}

[[noreturn]] void unsupported(const char* tool, llvm::StringRef arg) {
  tool_fail("'" + arg.str() + "' is not supported by the bundle's " + tool +
            " (it keeps the strip, discard, debug-link and section options): use LLVM's " + tool);
}

CopyCall parse_objcopy(llvm::ArrayRef<const char*> args) {
  CopyCall call;
  auto& c = call.config.Common;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef arg(args[i]);
    llvm::StringRef value;
    if (common_option(args, i, c, /*strip=*/false)) continue;
    if (option_value(args, i, {"--add-gnu-debuglink"}, value))
      c.AddGnuDebugLink = value;
    else if (option_value(args, i, {"--only-section", "-j"}, value))
      add_section_matcher(c.OnlySection, value);
    else if (option_value(args, i, {"--output-target", "-O"}, value))
      c.OutputFormat = output_format(value);
    else if (arg.starts_with("-") && arg != "-")
      unsupported("llvm-objcopy", arg);
    else
      files.emplace_back(arg);
  }
  if (files.empty() || files.size() > 2) tool_fail("expected an input file and at most one output file");
  call.inputs = {files[0]};
  if (files.size() == 2) call.output = files[1];
  return call;
}

CopyCall parse_strip(llvm::ArrayRef<const char*> args) {
  CopyCall call;
  auto& c = call.config.Common;
  for (std::size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef arg(args[i]);
    llvm::StringRef value;
    if (common_option(args, i, c, /*strip=*/true)) continue;
    if (option_value(args, i, {"-o"}, value))
      call.output = value.str();
    else if (arg.starts_with("-"))
      unsupported("llvm-strip", arg);
    else
      call.inputs.emplace_back(arg);
  }
  if (call.inputs.empty()) tool_fail("no input file specified");
  if (!call.output.empty() && call.inputs.size() > 1)
    tool_fail("multiple input files cannot be used in combination with -o");
  // As llvm-strip: with no choice of what to strip, strip everything.
  if (!c.StripDebug && !c.OnlyKeepDebug && !c.StripUnneeded &&
      c.DiscardMode == llvm::objcopy::DiscardType::None && !c.StripAllGNU)
    c.StripAll = true;
  return call;
}

// The output keeps the input's permissions (less the umask for a new file), as llvm-objcopy's do.
void keep_mode(const std::string& output, const llvm::sys::fs::file_status& input, bool in_place) {
  unsigned mode = input.permissions();
  if (!in_place) mode &= ~llvm::sys::fs::getUmask();
  mode &= ~(llvm::sys::fs::set_uid_on_exe | llvm::sys::fs::set_gid_on_exe);
  if (auto ec = llvm::sys::fs::setPermissions(output, static_cast<llvm::sys::fs::perms>(mode)))
    tool_fail(output + ": " + ec.message());
}

void copy_one(llvm::objcopy::ConfigManager& config, const std::string& input, const std::string& output) {
  auto& c = config.Common;
  c.InputFilename = input;
  c.OutputFilename = output;
  llvm::sys::fs::file_status status;
  if (auto ec = llvm::sys::fs::status(input, status)) tool_fail("'" + input + "': " + ec.message());
  auto buffer = llvm::MemoryBuffer::getFile(input, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) tool_fail("'" + input + "': " + buffer.getError().message());
  auto binary = llvm::object::createBinary((*buffer)->getMemBufferRef());
  if (!binary) tool_fail("'" + input + "': " + llvm::toString(binary.takeError()));
  if (auto* archive = llvm::dyn_cast<llvm::object::Archive>(binary->get())) {
    tool_check(llvm::objcopy::executeObjcopyOnArchive(config, *archive));
  } else {
    tool_check(llvm::writeToOutput(output, [&](llvm::raw_ostream& out) {
      return llvm::objcopy::executeObjcopyOnBinary(config, **binary, out);
    }));
  }
  if (output != "-") keep_mode(output, status, input == output);
}

int run_copy(CopyCall call) {
  auto& c = call.config.Common;
  if (!c.AddGnuDebugLink.empty()) {
    auto debug = llvm::MemoryBuffer::getFile(c.AddGnuDebugLink);
    if (!debug) tool_fail("'" + c.AddGnuDebugLink.str() + "': " + debug.getError().message());
    c.GnuDebugLinkCRC32 = llvm::crc32(llvm::arrayRefFromStringRef((*debug)->getBuffer()));
  }
  for (const auto& input : call.inputs)
    copy_one(call.config, input, call.output.empty() ? input : call.output);
  return 0;
}

}  // namespace

int objcopy_main(int argc, char** argv, bool strip) {
  llvm::InitLLVM init(argc, argv);
  const char* tool = strip ? "llvm-strip" : "llvm-objcopy";
  llvm::BumpPtrAllocator alloc;
  llvm::StringSaver saver(alloc);
  llvm::SmallVector<const char*, 0> args(argv + 1, argv + argc);
  if (!llvm::cl::ExpandResponseFiles(saver, llvm::cl::TokenizeGNUCommandLine, args)) {
    llvm::errs() << tool << ": error: cannot read a response file\n";
    return 1;
  }
  for (llvm::StringRef a : args)
    if (a == "--version" || a == "-V") {
      llvm::outs() << tool << " (xstatic bundle), LLVM version " << LLVM_VERSION_STRING << "\n";
      return 0;
    }
  try {
    return run_copy(strip ? parse_strip(args) : parse_objcopy(args));
  } catch (const ToolFailure& failure) {
    llvm::errs() << tool << ": error: " << failure.message << "\n";
    return 1;
  }
}

}  // namespace xstatic::bundle
