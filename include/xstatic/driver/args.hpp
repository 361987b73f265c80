// The compiler front end's reading of a command line.
//
// The user's arguments are read with clang's own option table (the same
// spelling, arity and meaning clang gives them), so xstatic knows what a
// command will do (compile only or link, where the output goes, whether debug
// info is asked for) without guessing. xstatic's own few options are a table
// of data; they are taken out and everything else passes through untouched,
// in its order.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/runtimes/allocator.hpp"
#include "xstatic/runtimes/libc_routines.hpp"
#include "xstatic/target/link_mode.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::driver {

// xstatic's own options (`xstatic cc --xstatic-help` lists them).
enum class OwnId : std::uint8_t {
  target,
  libc,
  malloc,
  pie,
  strip,
  no_verify,
  print_command,
  auto_install,
  help,
  launcher,
  print_fingerprint,
  libc_routines,
  glibc,
  link,
  no_sbom,
  runtimes_opt
};

struct OwnOption {
  std::string_view name;  // "--target"
  OwnId id;
  std::string_view value;  // name of its value ("GO|TRIPLE"), "" for a flag
  std::string_view help;
};

// The table, sorted by name (a unit test checks it).
std::span<const OwnOption> own_options();

enum class Strip : std::uint8_t {
  automatic,  // -s unless debug info (-g...) is asked for
  none,       // keep everything
  debug,      // drop debug info, keep the symbol table
  all,        // -s even with -g
};

// How an executable links (--link): xstatic/target/link_mode.hpp.
using target::link_mode_name;
using target::LinkMode;
using target::parse_link_mode;

// What the user asked of xstatic itself.
struct OwnOptions {
  std::optional<std::string> target;       // --target X, --target=X, -target X (clang's spelling too)
  std::optional<target::Libc> libc;        // --libc musl|glibc
  std::optional<runtimes::Malloc> malloc;  // --malloc auto|musl|mimalloc (else XSTATIC_MALLOC, else auto)
  std::optional<runtimes::RuntimesOpt>
      runtimes_opt;  // --runtimes-opt auto|standard|size (else XSTATIC_RUNTIMES_OPT, else auto)
  std::optional<runtimes::LibcRoutines>
      libc_routines;  // --libc-routines xstatic|musl (else XSTATIC_LIBC_ROUTINES, else xstatic)
  std::optional<std::string> glibc;     // --glibc 2.31: the glibc floor (implies --libc glibc)
  std::optional<LinkMode> link;         // --link=static|libc-dynamic (else XSTATIC_LINK, else static)
  bool pie = false;                     // --pie (or the user's own -static-pie): link -static-pie
  Strip strip = Strip::automatic;       // --strip=none|debug|all
  bool no_verify = false;               // --no-verify: skip the post-link check
  bool no_sbom = false;                 // --no-sbom: embed no SBOM note (xstatic/inspect/sbom.hpp)
  bool print_command = false;           // --print-command: show the clang command on stderr
  bool auto_install = false;            // --auto-install: install a missing sysroot on the spot
  bool help = false;                    // --xstatic-help
  std::optional<std::string> launcher;  // --launcher ccache|sccache|distcc|icecc|none (else XSTATIC_LAUNCHER)
  bool print_fingerprint =
      false;  // --print-fingerprint: print the compiler's identity (xstatic/driver/fingerprint.hpp)

  bool operator==(const OwnOptions&) const = default;
};

// What the clang command will do, from the parsed option IDs.
enum class Mode : std::uint8_t {
  compile_only,  // -c, -E, -S, -M/-MM alone, -fsyntax-only, --version, -###, -print-*, no inputs
  link,          // an executable: static, stripped, verified
  shared,        // -shared: a shared library (not made static; checked for its machine only)
  relocatable,   // -r: a partial link (an object file; not checked)
};

std::string_view mode_name(Mode m);

// An argument that asks the linker to export every symbol (see command.cpp's
// without_export_dynamic): -rdynamic, -Wl,...,-E,... or -Xlinker -E.
struct ExportDynamicArg {
  enum class Form : std::uint8_t { rdynamic, wl, xlinker } form;
  std::size_t index;  // in clang_args (-Xlinker's own; its value follows)

  bool operator==(const ExportDynamicArg&) const = default;
};

// -E, --export-dynamic, -export-dynamic: the linker's spellings of "export every symbol".
bool is_export_dynamic(std::string_view linker_flag);

struct Invocation {
  OwnOptions own;
  std::vector<std::string> clang_args;  // the user's arguments minus ours, in order, untouched
  Mode mode = Mode::link;
  bool debug_info = false;               // a -g option other than -g0 is in effect
  bool optimize_size = false;            // the last -O option is -Os or -Oz
  std::optional<std::string> output;     // the last -o, when given
  std::size_t inputs = 0;                // source, object and archive inputs (not -l)
  std::vector<std::string> input_files;  // those inputs as given ("-" for stdin)
  bool other_linker = false;             // -fuse-ld= other than lld, or --ld-path=: not lld's flags
  bool no_default_libs = false;        // -nostdlib, -nodefaultlibs or -nolibc: the user chooses the libraries
  std::vector<std::string> libraries;  // -lNAME values, in order ("curl")
  bool no_start_files = false;         // -nostartfiles or -nostdlib: no crt*.o from clang
  bool linker_script = false;  // -T FILE, -Wl,-T,FILE, -Wl,--script=FILE: the user lays the output out
  bool whole_archive =
      false;  // -Wl,--whole-archive or -Xlinker -whole-archive: members lld's report does not name
  std::vector<std::string> library_dirs;  // -LDIR values, in order
  // Facts the later stages read here rather than in clang_args (the command
  // line is read once, by clang's option table; these include what @files hold):
  bool asks_linker_path = false;         // -print-prog-name=ld, --print-prog-name=ld, --print-prog-name ld
  bool no_stdlibxx = false;              // -nostdlib++
  bool exceptions = false;               // -fexceptions or -fcxx-exceptions
  bool threads = false;                  // -pthread, -lpthread or -fopenmp
  bool language = false;                 // an -x LANG: it applies to every input after it
  std::vector<std::string> prefix_maps;  // -f{file,debug,macro}-prefix-map= values (OLD=NEW), in order
  std::vector<ExportDynamicArg>
      export_dynamic;  // in clang_args order (not those inside an @file kept as given)
};

// Expands @file arguments (GNU quoting, nested files, paths relative to the
// file that names them) as clang does; an @file that does not exist stays a
// literal argument, as with gcc and clang. Throws Error (usage) for a file
// that exists but cannot be expanded (unreadable, or including itself).
std::vector<std::string> expand_response_files(std::vector<std::string> args);

// Reads a command line, expanding response files first. When no option of
// xstatic's own is inside a response file, clang_args keeps the user's @file
// arguments as they were, so clang reads them itself and a huge link line
// (thousands of objects in an @file written by CMake or Ninja) never meets
// the kernel's argument-length limit; otherwise they are passed expanded.
Invocation parse_command_line(const std::vector<std::string>& args);

// Reads a command line (after response files are expanded). Throws Error
// (usage) for a malformed xstatic option (a missing value, an unknown libc or
// strip mode); anything clang will reject is left for clang to report.
Invocation parse(const std::vector<std::string>& args);

namespace detail {
// parse's work: `args` are read (an @file's arguments expanded), `given` are
// the arguments as given and origin[i] the one args[i] came from.
Invocation parse_given(const std::vector<std::string>& args, const std::vector<std::string>& given,
                       const std::vector<std::size_t>& origin);
}  // namespace detail

// The input that -o names too (same file, by device and inode), which
// clang would overwrite with its output; nullopt when there is none. Stats
// files only when an input has the output's file name.
std::optional<std::string> output_overwrites_input(const Invocation& inv);

// `xstatic cc --xstatic-help`.
std::string help_text();

}  // namespace xstatic::driver
