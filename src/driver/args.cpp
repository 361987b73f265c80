// Reading a compiler command line with clang's own option table.
//
// clang::driver::getDriverOptTable() is the table clang itself parses with
// (clang/include/clang/Driver/Options.td): every option's spelling, how many
// arguments it takes, and an ID. Parsing the user's argv with it (with the
// ClangOption visibility, or "-O2" is read as clang-cl's "/O") tells us, the
// way clang will see it, whether the command compiles or links and where the
// output goes. Arguments that take a value are never mistaken for options of
// ours: in `-o --pie`, "--pie" is -o's value.
//
// xstatic's own options are unknown to that table: they come back as
// OPT_UNKNOWN (and, for `--target X`, the value as an input), which is where
// we pick them out. clang's own -target/--target= are ours too: the target is
// resolved once, by xstatic, and given to clang as one --target=<triple>.
#include "xstatic/driver/args.hpp"

#include <clang/Driver/Options.h>
#include <llvm/Option/Arg.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/StringSaver.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <sys/stat.h>

#include <algorithm>

#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"

namespace xstatic::driver {

namespace opts = clang::driver::options;

namespace {

// clang-format off
constexpr OwnOption kOwnOptions[] = {
  {"--auto-install",  OwnId::auto_install,  "",         "Install a missing sysroot now instead of failing (also XSTATIC_AUTO_INSTALL=1)"},
  {"--glibc",         OwnId::glibc,         "2.31|2.36|2.41", "glibc floor: the oldest glibc the program runs on (Debian bullseye, bookworm, trixie); implies --libc glibc"},
  {"--launcher",      OwnId::launcher,      "ENGINE",   "ccache, sccache, distcc or icecc: runs compiles (never links) through it (also XSTATIC_LAUNCHER)"},
  {"--libc",          OwnId::libc,          "musl|glibc", "C library for a Linux target (default musl)"},
  {"--libc-routines", OwnId::libc_routines, "xstatic|musl", "strlen and qsort of a musl link (default xstatic: faster ones of xstatic's; also XSTATIC_LIBC_ROUTINES)"},
  {"--link",          OwnId::link,          "static|libc-dynamic", "static (default), or libc-dynamic: glibc dynamic, everything else static, checked against the floor; also XSTATIC_LINK"},
  {"--malloc",        OwnId::malloc,        "auto|musl|mimalloc", "Allocator of a musl link (default auto: mimalloc when the program allocates; also XSTATIC_MALLOC)"},
  {"--no-sbom",       OwnId::no_sbom,       "",         "Embed no SBOM note in a linked ELF file (also XSTATIC_NO_SBOM=1)"},
  {"--no-verify",     OwnId::no_verify,     "",         "Skip the check that a linked file is static and of the target (also XSTATIC_NO_VERIFY=1)"},
  {"--pie",           OwnId::pie,           "",         "Link a static position-independent executable (-static-pie)"},
  {"--print-command", OwnId::print_command, "",         "Print the clang command on stderr before running it (also XSTATIC_VERBOSE=1)"},
  {"--print-fingerprint", OwnId::print_fingerprint, "", "Print what decides an object besides args and sources (for ccache's compiler_check)"},
  {"--runtimes-opt",  OwnId::runtimes_opt,  "auto|standard|size", "Build of libc++ and mimalloc a musl call uses (default auto: size, all -Oz, when the last -O is -Os or -Oz; also XSTATIC_RUNTIMES_OPT)"},
  {"--strip",         OwnId::strip,         "none|debug|all", "What to strip from a linked file (default: everything unless -g)"},
  {"--target",        OwnId::target,        "GO|TRIPLE", "Target: linux/arm64, linux/arm/v7, linux/amd64/v3 or a triple (aarch64-linux-musl)"},
  {"--xstatic-help",  OwnId::help,          "",         "Print this help"},
};
// clang-format on

const OwnOption* find_own(std::string_view arg, std::optional<std::string>& joined_value) {
  for (const auto& o : kOwnOptions) {
    if (arg == o.name) return &o;
    if (!o.value.empty() && arg.size() > o.name.size() && arg.starts_with(o.name) &&
        arg[o.name.size()] == '=') {
      joined_value = std::string(arg.substr(o.name.size() + 1));
      return &o;
    }
  }
  return nullptr;
}

void apply(OwnOptions& own, const OwnOption& o, const std::string& value) {
  switch (o.id) {
    case OwnId::target:
      own.target = value;
      break;
    case OwnId::libc:
      own.libc = target::libc_option(value);
      if (!own.libc) throw Error("unknown libc '' in --libc", "use --libc musl or --libc glibc");
      break;
    case OwnId::launcher:
      own.launcher = value;
      break;
    case OwnId::print_fingerprint:
      own.print_fingerprint = true;
      break;
    case OwnId::malloc:
      own.malloc = runtimes::parse_malloc(value);
      if (!own.malloc)
        throw Error("unknown allocator '" + value + "' in --malloc",
                    "use --malloc=auto, --malloc=musl or --malloc=mimalloc");
      break;
    case OwnId::runtimes_opt:
      own.runtimes_opt = runtimes::parse_runtimes_opt(value);
      if (!own.runtimes_opt)
        throw Error("unknown runtimes build '" + value + "' in --runtimes-opt",
                    "use --runtimes-opt=auto, --runtimes-opt=standard or --runtimes-opt=size");
      break;
    case OwnId::libc_routines:
      own.libc_routines = runtimes::parse_libc_routines(value);
      if (!own.libc_routines)
        throw Error("unknown libc routines '" + value + "' in --libc-routines",
                    "use --libc-routines=xstatic or --libc-routines=musl");
      break;
    case OwnId::strip:
      if (value == "none")
        own.strip = Strip::none;
      else if (value == "debug")
        own.strip = Strip::debug;
      else if (value == "all")
        own.strip = Strip::all;
      else
        throw Error("unknown strip mode '" + value + "' in --strip",
                    "use --strip=none, --strip=debug or --strip=all");
      break;
    case OwnId::glibc:
      own.glibc = value;
      break;
    case OwnId::link:
      own.link = parse_link_mode(value);
      if (!own.link)
        throw Error("unknown link mode '" + value + "' in --link",
                    "use --link=static or --link=libc-dynamic");
      break;
    case OwnId::pie:
      own.pie = true;
      break;
    case OwnId::no_verify:
      own.no_verify = true;
      break;
    case OwnId::no_sbom:
      own.no_sbom = true;
      break;
    case OwnId::print_command:
      own.print_command = true;
      break;
    case OwnId::auto_install:
      own.auto_install = true;
      break;
    case OwnId::help:
      own.help = true;
      break;
  }
}

// Options that stop clang before the link (see clang's Driver::getFinalPhase).
bool is_compile_only(const llvm::opt::Option& o) {
  for (unsigned id : {opts::OPT_c, opts::OPT_E, opts::OPT_S, opts::OPT_fsyntax_only, opts::OPT__version,
                      opts::OPT__HASH_HASH_HASH, opts::OPT_help, opts::OPT_dumpversion, opts::OPT_dumpmachine,
                      opts::OPT_emit_ast})
    if (o.matches(id)) return true;
  // -print-file-name=, -print-prog-name=, -print-search-dirs, ... only print.
  return o.getName().starts_with("print-") && !o.matches(opts::OPT_print_ivar_layout);
}

// Facts gathered while walking the parsed arguments.
struct Facts {
  bool compile_only = false, dep_only = false, dep_with_output = false, shared = false, relocatable = false;
  std::vector<ExportDynamicArg> export_dynamic;  // index: in the parsed arguments, until parse maps it
};

// -T, -TFILE, --script, --script=FILE, -script (lld reads all of them).
bool names_linker_script(const llvm::opt::Arg& a) {
  for (llvm::StringRef v : a.getValues())
    if (v.starts_with("-T") || v.starts_with("--script") || v.starts_with("-script")) return true;
  return false;
}

bool names_whole_archive(const llvm::opt::Arg& a) {
  for (llvm::StringRef v : a.getValues())
    if (v == "--whole-archive" || v == "-whole-archive") return true;
  return false;
}

bool any_export_dynamic(const llvm::opt::Arg& a) {
  for (const char* v : a.getValues())
    if (is_export_dynamic(v)) return true;
  return false;
}

void learn(const llvm::opt::Arg& a, Invocation& inv, Facts& f) {
  const auto& o = a.getOption();
  if (o.matches(opts::OPT_INPUT)) {
    ++inv.inputs;
    inv.input_files.emplace_back(a.getValue());
  } else if (o.matches(opts::OPT_l)) {
    inv.libraries.emplace_back(a.getValue());
    inv.threads = inv.threads || inv.libraries.back() == "pthread";
  } else if (o.matches(opts::OPT_L)) {
    inv.library_dirs.emplace_back(a.getValue());
  } else if (o.matches(opts::OPT__DASH_DASH)) {
    inv.inputs += a.getNumValues();  // "--": the rest are inputs
    for (const char* v : a.getValues()) inv.input_files.emplace_back(v);
  } else if (o.matches(opts::OPT_o))
    inv.output = a.getValue();
  else if (o.matches(opts::OPT_rdynamic))
    f.export_dynamic.push_back({ExportDynamicArg::Form::rdynamic, a.getIndex()});
  else if (o.matches(opts::OPT_Wl_COMMA) || o.matches(opts::OPT_Xlinker)) {
    inv.linker_script = inv.linker_script || names_linker_script(a);
    inv.whole_archive = inv.whole_archive || names_whole_archive(a);
    if (any_export_dynamic(a))
      f.export_dynamic.push_back(
          {o.matches(opts::OPT_Xlinker) ? ExportDynamicArg::Form::xlinker : ExportDynamicArg::Form::wl,
           a.getIndex()});
  } else if (o.matches(opts::OPT_print_prog_name_EQ))
    inv.asks_linker_path = inv.asks_linker_path || llvm::StringRef(a.getValue()) == "ld";
  else if (o.matches(opts::OPT_nostdlibxx))
    inv.no_stdlibxx = true;
  else if (o.matches(opts::OPT_fexceptions) || o.matches(opts::OPT_fcxx_exceptions))
    inv.exceptions = true;
  else if (o.matches(opts::OPT_pthread) || o.matches(opts::OPT_fopenmp))
    inv.threads = true;
  else if (o.matches(opts::OPT_x))
    inv.language = true;
  else if (o.matches(opts::OPT_ffile_prefix_map_EQ) || o.matches(opts::OPT_fdebug_prefix_map_EQ) ||
           o.matches(opts::OPT_fmacro_prefix_map_EQ))
    inv.prefix_maps.emplace_back(a.getValue());
  else if (o.matches(opts::OPT_g_Group))
    inv.debug_info = !o.matches(opts::OPT_g0);  // clang's own rule
  else if (o.matches(opts::OPT_O_Group))        // the last one wins, as in clang: -Os, -Oz, -O2, -Ofast, -O
    inv.optimize_size = o.matches(opts::OPT_O) &&
                        (llvm::StringRef(a.getValue()) == "s" || llvm::StringRef(a.getValue()) == "z");
  else if (o.matches(opts::OPT_static_pie))
    inv.own.pie = true;
  else if (o.matches(opts::OPT_fuse_ld_EQ))
    inv.other_linker = llvm::StringRef(a.getValue()) != "lld";
  else if (o.matches(opts::OPT_ld_path_EQ))
    inv.other_linker = true;
  else if (o.matches(opts::OPT_shared))
    f.shared = true;
  else if (o.matches(opts::OPT_nostdlib) || o.matches(opts::OPT_nodefaultlibs) ||
           o.matches(opts::OPT_nolibc)) {
    inv.no_default_libs = true;
    inv.no_start_files = inv.no_start_files || o.matches(opts::OPT_nostdlib);
  } else if (o.matches(opts::OPT_nostartfiles))
    inv.no_start_files = true;
  else if (o.matches(opts::OPT_T))
    inv.linker_script = true;
  else if (o.matches(opts::OPT_r))
    f.relocatable = true;
  else if (o.matches(opts::OPT_M) || o.matches(opts::OPT_MM))
    f.dep_only = true;
  else if (o.matches(opts::OPT_MD) || o.matches(opts::OPT_MMD))
    f.dep_with_output = true;
  else if (is_compile_only(o))
    f.compile_only = true;
}

// The real file system, except that only regular files open: a response file
// that is a fifo (`cc @fifo`, or named inside another one) would block the
// read forever, a device never end it.
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
 public:
  RegularFilesOnly() : ProxyFileSystem(llvm::vfs::getRealFileSystem()) {}
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine& path) override {
    auto st = status(path);
    if (st && st->getType() != llvm::sys::fs::file_type::regular_file)
      return std::make_error_code(std::errc::not_supported);
    return ProxyFileSystem::openFileForRead(path);
  }
};

Mode decide(const Invocation& inv, const Facts& f) {
  if (f.compile_only || (f.dep_only && !f.dep_with_output) || inv.inputs == 0) return Mode::compile_only;
  if (f.shared) return Mode::shared;
  if (f.relocatable) return Mode::relocatable;
  return Mode::link;
}

}  // namespace

std::span<const OwnOption> own_options() {
  return kOwnOptions;
}

std::string_view mode_name(Mode m) {
  switch (m) {
    case Mode::compile_only:
      return "compile-only";
    case Mode::link:
      return "link";
    case Mode::shared:
      return "shared";
    case Mode::relocatable:
      return "relocatable";
  }
  return "?";
}

std::vector<std::string> expand_response_files(std::vector<std::string> args) {
  bool any = false;
  for (const auto& a : args) any = any || a.starts_with('@');
  if (!any) return args;  // the common case costs nothing
  for (const auto& a : args)
    if (a.starts_with('@')) util::require_regular_file(a.substr(1), "response file");
  llvm::BumpPtrAllocator alloc;
  llvm::StringSaver saver(alloc);
  llvm::SmallVector<const char*, 64> argv;
  for (const auto& a : args) argv.push_back(saver.save(a).data());
  llvm::cl::ExpansionContext ctx(alloc, llvm::cl::TokenizeGNUCommandLine);
  RegularFilesOnly fs;
  ctx.setMarkEOLs(false).setRelativeNames(true).setVFS(&fs);
  if (auto err = ctx.expandResponseFiles(argv))
    throw Error("cannot read a response file: " + llvm::toString(std::move(err)));
  return {argv.begin(), argv.end()};
}

bool is_export_dynamic(std::string_view linker_flag) {
  return linker_flag == "-E" || linker_flag == "--export-dynamic" || linker_flag == "-export-dynamic";
}

Invocation parse_command_line(const std::vector<std::string>& args) {
  if (std::none_of(args.begin(), args.end(), [](const auto& a) { return a.starts_with('@'); }))
    return parse(args);  // no @file: the common case
  // Each @file expanded on its own, so that every argument read knows the one it was given as.
  std::vector<std::string> expanded;
  std::vector<std::size_t> origin;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!args[i].starts_with('@')) {
      expanded.push_back(args[i]);
      origin.push_back(i);
      continue;
    }
    for (auto& piece : expand_response_files({args[i]})) {
      expanded.push_back(std::move(piece));
      origin.push_back(i);
    }
  }
  return detail::parse_given(expanded, args, origin);
}

std::optional<std::string> output_overwrites_input(const Invocation& inv) {
  if (!inv.output || *inv.output == "-") return std::nullopt;
  std::string_view out = *inv.output;
  std::string_view out_name = out.substr(out.rfind('/') + 1);
  struct stat out_st{};
  bool out_known = false;
  for (const auto& in : inv.input_files) {
    // Only an input of the same file name can be the same file (hard links
    // aside): the common case stats nothing.
    if (std::string_view(in).substr(in.rfind('/') + 1) != out_name) continue;
    if (!out_known && ::stat(inv.output->c_str(), &out_st) != 0) return std::nullopt;
    out_known = true;
    struct stat in_st{};
    if (::stat(in.c_str(), &in_st) == 0 && in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
      return in;
  }
  return std::nullopt;
}

Invocation parse(const std::vector<std::string>& args) {
  std::vector<std::size_t> origin(args.size());
  for (std::size_t i = 0; i < args.size(); ++i) origin[i] = i;
  return detail::parse_given(args, args, origin);
}

namespace detail {

Invocation parse_given(const std::vector<std::string>& args, const std::vector<std::string>& given,
                       const std::vector<std::size_t>& origin) {
  std::vector<const char*> argv;
  argv.reserve(args.size());
  for (const auto& a : args) argv.push_back(a.c_str());
  unsigned missing_index = 0, missing_count = 0;
  auto list = clang::driver::getDriverOptTable().ParseArgs(argv, missing_index, missing_count,
                                                           llvm::opt::Visibility(opts::ClangOption));
  Invocation inv;
  Facts facts;
  std::vector<bool> ours(args.size(), false);
  const OwnOption* awaiting = nullptr;  // an option of ours whose value is the next argument
  unsigned awaiting_index = 0;
  for (const llvm::opt::Arg* a : list) {
    unsigned index = a->getIndex();
    const auto& o = a->getOption();
    if (awaiting) {
      if (!o.matches(opts::OPT_INPUT) || index != awaiting_index + 1)
        throw Error(std::string(awaiting->name) + " needs a value (" + std::string(awaiting->value) + ")");
      ours[index] = true;
      apply(inv.own, *awaiting, args[index]);
      awaiting = nullptr;
      continue;
    }
    if (o.matches(opts::OPT_UNKNOWN)) {
      std::optional<std::string> value;
      if (const OwnOption* own = find_own(args[index], value)) {
        ours[index] = true;
        if (own->value.empty() || value)
          apply(inv.own, *own, value.value_or(""));
        else
          awaiting = own, awaiting_index = index;
      }
      continue;
    }
    if (o.matches(opts::OPT_target)) {  // clang's --target=X and -target X: resolved by us
      inv.own.target = a->getValue();
      ours[index] = true;
      if (args[index] == "-target" && index + 1 < args.size()) ours[index + 1] = true;
      continue;
    }
    learn(*a, inv, facts);
  }
  if (awaiting)
    throw Error(std::string(awaiting->name) + " needs a value (" + std::string(awaiting->value) + ")");
  inv.mode = decide(inv, facts);
  // clang_args: the given arguments minus ours, so that clang reads each
  // @file itself (a link line of thousands of objects in an @file never meets
  // the kernel's argument-length limit); expanded when one of ours was inside one.
  auto in_file = [&](std::size_t i) { return given[origin[i]].starts_with('@'); };
  bool expand = false, any_file = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    expand = expand || (ours[i] && in_file(i));
    any_file = any_file || in_file(i);
  }
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> position(args.size(), kNone);  // of each argument read, in clang_args
  if (expand || !any_file) {                              // no @file, or passed expanded
    for (std::size_t i = 0; i < args.size(); ++i)
      if (!ours[i]) {
        position[i] = inv.clang_args.size();
        inv.clang_args.push_back(args[i]);
      }
  } else {
    std::vector<bool> given_ours(given.size(), false);
    for (std::size_t i = 0; i < args.size(); ++i) given_ours[origin[i]] = given_ours[origin[i]] || ours[i];
    std::vector<std::size_t> given_position(given.size(), kNone);
    for (std::size_t g = 0; g < given.size(); ++g)
      if (!given_ours[g]) {
        given_position[g] = inv.clang_args.size();
        inv.clang_args.push_back(given[g]);
      }
    for (std::size_t i = 0; i < args.size(); ++i)
      if (!in_file(i)) position[i] = given_position[origin[i]];
  }
  for (auto e : facts.export_dynamic)
    if (position[e.index] != kNone) inv.export_dynamic.push_back({e.form, position[e.index]});
  return inv;
}

}  // namespace detail

std::string help_text() {
  std::string out =
      "xstatic cc|c++ [xstatic options] [clang/gcc options] files...\n\n"
      "A drop-in C/C++ compiler that links static, stripped executables for a Go-style target\n"
      "and checks the result. Every clang/gcc option passes through unchanged.\n\n"
      "xstatic options:\n";
  for (const auto& o : kOwnOptions) {
    std::string name(o.name);
    if (!o.value.empty()) name += " " + std::string(o.value);
    out +=
        "  " + name + std::string(name.size() < 26 ? 26 - name.size() : 1, ' ') + std::string(o.help) + "\n";
  }
  out +=
      "\nThe target comes from --target, else the program name (aarch64-linux-musl-cc,\n"
      "linux-arm64-cc: see 'xstatic install-links'), else GOOS/GOARCH (+GOARM/GOAMD64), else this host.\n"
      "clang: $XSTATIC_CLANG, else clang-19, else clang (>= 14) on PATH.\n"
      "Compile caches: XSTATIC_LAUNCHER=ccache|sccache|distcc|icecc runs compiles through the engine;\n"
      "CC=\"ccache aarch64-linux-musl-cc\" with CCACHE_COMPILERCHECK='%compiler% --print-fingerprint' "
      "(docs/cache.md).\n"
      "C++ on musl builds libc++ for the target on first use (XSTATIC_AUTO_BUILD=0: fail instead).\n"
      "Allocator (musl links): --malloc=auto (default) links mimalloc when the program allocates\n"
      "(musl's own malloc serialises threads: 4-5x slower); it is built once per target, like libc++.\n"
      "A program that never calls malloc, or brings its own, is left as it is. --malloc=musl: musl's own.\n"
      "libc routines (musl links, amd64 and arm64): strlen (SIMD) and qsort (merge sort) of xstatic's\n"
      "replace musl's slower ones when the program uses them; --libc-routines=musl keeps musl's.\n\n"
      "Examples:\n"
      "  xstatic cc --target linux/arm64 -O2 main.c -o app\n"
      "  GOOS=linux GOARCH=arm GOARM=7 xstatic cc -c util.c\n"
      "  xstatic c++ --target linux/amd64 --libc glibc main.cpp -o app\n"
      "  xstatic cc --target linux/arm64 --print-command main.c -o app   # show the clang command\n";
  return out;
}

}  // namespace xstatic::driver
