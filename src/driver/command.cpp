// Building the clang command. What xstatic adds is only what static delivery
// needs; the user's own arguments come after it, so that where both say
// something (-fuse-ld=, -march=, --sysroot=, -s) clang takes the user's.
#include "xstatic/driver/command.hpp"

#include <algorithm>

#include "xstatic/driver/link_files.hpp"
#include "xstatic/target/darwin.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::driver {
namespace {

// What a link means for each kind of target: the libc table's link flags
// (target::LinkFlags).
const target::LinkFlags& traits_of(const target::Target& t) {
  return target::libc_info(t.libc).link;
}

void add_strip(std::vector<std::string>& cmd, const Invocation& inv, const target::LinkFlags& traits) {
  if (traits.strip_all.empty()) return;
  switch (inv.own.strip) {
    case Strip::none:
      return;
    case Strip::debug:
      cmd.emplace_back(traits.strip_debug);
      return;
    case Strip::all:
      cmd.emplace_back(traits.strip_all);
      return;
    case Strip::automatic:
      if (!inv.debug_info) cmd.emplace_back(traits.strip_all);
      return;
  }
}

void add_link_flags(std::vector<std::string>& cmd, const Invocation& inv, const Plan& plan) {
  const auto& traits = traits_of(plan.target);
  bool static_link = traits.static_flag && !libc_dynamic(inv) &&
                     (inv.mode == Mode::link || (inv.mode == Mode::shared && traits.static_dll));
  if (static_link) cmd.emplace_back(inv.own.pie && traits.static_pie ? "-static-pie" : "-static");
  // libc dynamic, gcc's runtime and libstdc++ static (clang links them with
  // -Bstatic); every library of the user's is taken static (libc_dynamic_args).
  if (libc_dynamic(inv) && inv.mode == Mode::link) {
    cmd.emplace_back("-static-libgcc");
    if (plan.language == Language::cxx) cmd.emplace_back("-static-libstdc++");
  }
  // A shared library still carries its compiler runtime inside: sysroots hold
  // libgcc.a, not libgcc_s.so.
  if (inv.mode == Mode::shared && traits.static_pie) cmd.emplace_back("-static-libgcc");
  cmd.emplace_back(traits.gc);
  if (!traits.fold.empty()) cmd.emplace_back(traits.fold);
  add_strip(cmd, inv, traits);
  // xstatic's own files for this link (xstatic/driver/link_files.hpp): -B is
  // searched before the sysroot for crtbegin*.o and crtend*.o.
  if (plan.link_files && plan.c_startfiles) cmd.push_back("-B" + *plan.link_files);
  if (plan.link_files && plan.drops_comment)
    cmd.insert(cmd.end(), {"-Xlinker", "-T", "-Xlinker", *plan.link_files + "/" + kNoCommentScript});
  if (plan.why_extract) cmd.push_back("-Wl,--why-extract=" + *plan.why_extract);
  if (plan.gcc_dir) {
    // -B: crtbegin.o and crtend.o from the same folder as libgcc_eh (clang
    // would take the win32 ones, and i686's DWARF unwinder then finds no
    // frames: every throw ends in abort()); -L: libgcc and libstdc++.
    cmd.push_back("-B" + plan.gcc_dir->string());
    cmd.push_back("-L" + plan.gcc_dir->string());
    // The posix runtime's libstdc++ and libgcc_eh call winpthreads; -static
    // makes lld take libwinpthread.a (only when something needs it).
    if (static_link) cmd.emplace_back("-lwinpthread");
  }
}

// --link=libc-dynamic: glibc's own libraries stay shared, as the loader
// needs them; a -l of any other library takes its archive.
constexpr std::string_view kLibcFamily[] = {"-lc", "-ldl", "-lm", "-lpthread", "-lresolv", "-lrt", "-lutil"};

// The user's arguments between -Wl,-Bstatic and -Wl,-Bdynamic (clang's own
// libraries come after them: -lc and libc_nonshared.a), each -l of glibc's
// family wrapped in -Wl,-Bdynamic ... -Wl,-Bstatic.
void add_libc_dynamic_args(std::vector<std::string>& cmd, const std::vector<std::string>& args) {
  cmd.emplace_back("-Wl,-Bstatic");
  for (const auto& arg : args) {
    if (std::find(std::begin(kLibcFamily), std::end(kLibcFamily), arg) == std::end(kLibcFamily)) {
      cmd.push_back(arg);
      continue;
    }
    cmd.insert(cmd.end(), {"-Wl,-Bdynamic", arg, "-Wl,-Bstatic"});
  }
  cmd.emplace_back("-Wl,-Bdynamic");
}

// clang's MinGW driver always picks Debian's 12-win32 gcc folder, whose
// libstdc++ has no std::thread; the posix one's headers replace it here.
void add_mingw_cxx_includes(std::vector<std::string>& cmd, const std::filesystem::path& gcc_dir,
                            const target::Target& t) {
  std::string base = gcc_dir.string() + "/include/c++";
  cmd.emplace_back("-nostdinc++");
  for (const auto& sub : {base, base + "/" + std::string(t.triple()), base + "/backward"})
    cmd.insert(cmd.end(), {"-isystem", sub});
}

// Options that ask the linker to export every symbol. A static executable
// has no dynamic symbol table to export them to: clang reports -rdynamic as
// "argument unused during compilation", which under -Werror fails every flag
// probe of a project whose CMake adds -rdynamic to each link (policy CMP0065
// OLD: cmake_minimum_required(VERSION < 3.4)). Go passes -rdynamic on every
// external link too.
//
// The user's arguments minus -rdynamic, -Wl,-E / -Wl,--export-dynamic (also
// inside a longer -Wl,a,b list) and -Xlinker -E: those parse found (inv.export_dynamic).
std::vector<std::string> without_export_dynamic(const Invocation& inv) {
  std::vector<std::string> out;
  out.reserve(inv.clang_args.size());
  auto next = inv.export_dynamic.begin();
  for (std::size_t i = 0; i < inv.clang_args.size(); ++i) {
    const auto& a = inv.clang_args[i];
    if (next == inv.export_dynamic.end() || next->index != i) {
      out.push_back(a);
      continue;
    }
    auto form = (next++)->form;
    if (form == ExportDynamicArg::Form::xlinker) ++i;  // and its value
    if (form != ExportDynamicArg::Form::wl) continue;
    std::vector<std::string_view> kept;
    for (auto piece : util::split(std::string_view(a).substr(4), ','))
      if (!is_export_dynamic(piece)) kept.push_back(piece);
    if (kept.empty()) continue;
    std::string joined = "-Wl";
    for (auto piece : kept) (joined += ',') += piece;
    out.push_back(std::move(joined));
  }
  return out;
}

// A darwin row's triple names its minimum macOS (target/darwin.hpp); as a
// flag rather than in the triple, the user's own -mmacos-version-min wins.
void add_target(std::vector<std::string>& cmd, const target::Target& t) {
  if (!target::libc_info(t.libc).min_os_flag) {
    cmd.push_back("--target=" + std::string(t.triple()));
    return;
  }
  cmd.push_back("--target=" + target::unversioned_triple(t));
  cmd.push_back("-mmacos-version-min=" + target::macos_min_version(t));
}

// Apple's SDK is an -isysroot (clang reads the SDK version from its
// SDKSettings.json only then); its libc++ headers are named explicitly, so
// that a host libc++ beside clang (libc++-19-dev's) is never mixed in.
void add_sysroot(std::vector<std::string>& cmd, const Plan& plan) {
  if (target::libc_info(plan.target.libc).sysroot != target::SysrootSource::sdk) {
    cmd.push_back("--sysroot=" + plan.sysroot->string());
    return;
  }
  cmd.insert(cmd.end(), {"-isysroot", plan.sysroot->string()});
  if (plan.language == Language::cxx)
    cmd.insert(cmd.end(), {"-stdlib=libc++", "-nostdinc++", "-isystem",
                           (*plan.sysroot / "usr/include/c++/v1").string()});
}

// WASI: clang looks for the wasm32 compiler-rt builtins in its own resource
// folder (/usr/lib/llvm-19/lib/clang/19/lib/wasm32-unknown-wasip1/), which is
// the host's and not the store's, so the link names the libraries itself:
// -nodefaultlibs before the user's arguments, and after them what clang would
// have added (libc++ and libc++abi for C++, libc, the builtins), all from the
// sysroot xstatic installed (sysroots/wasi.json).
void add_wasi_default_libs(std::vector<std::string>& cmd, const Invocation& inv, const Plan& plan) {
  if (inv.no_default_libs || !plan.sysroot) return;
  if (plan.language == Language::cxx && !inv.no_stdlibxx) cmd.insert(cmd.end(), {"-lc++", "-lc++abi"});
  cmd.emplace_back("-lc");
  cmd.push_back((*plan.sysroot / "lib" / std::string(plan.target.triple()) / kWasiBuiltins).string());
}

}  // namespace

bool libc_dynamic(const Invocation& inv) {
  return inv.own.link == LinkMode::libc_dynamic;
}

bool may_link(const Invocation& inv) {
  return inv.mode != Mode::compile_only || inv.inputs == 0;
}

bool asks_for_linker_path(const Invocation& inv) {
  return inv.asks_linker_path && !inv.other_linker;
}

std::string_view lld_name(const target::Target& t) {
  return target::libc_info(t.libc).linker;
}

namespace {
// clang-format off
constexpr CompilerName kCompilerNames[] = {
  {"cc",      Language::c,   true},
  {"c++",     Language::cxx, true},
  {"gcc",     Language::c,   true},
  {"g++",     Language::cxx, true},
  {"clang",   Language::c,   true},
  {"clang++", Language::cxx, true},
  {"cxx",     Language::cxx, false},
};
// clang-format on
}  // namespace

std::span<const CompilerName> compiler_names() {
  return kCompilerNames;
}

std::optional<Language> compiler_language(std::string_view tool) {
  for (const auto& c : kCompilerNames)
    if (c.name == tool) return c.language;
  return std::nullopt;
}

bool needs_cxx_runtimes(Language language, const target::Target& t) {
  return language == Language::cxx && target::libc_info(t.libc).builds_cxx_runtimes;
}

std::vector<std::string> build_command(const Invocation& inv, const Plan& plan) {
  bool links = inv.mode != Mode::compile_only;
  const auto& traits = traits_of(plan.target);
  std::vector<std::string> cmd;
  cmd.reserve(inv.clang_args.size() + 16);
  if (plan.language == Language::cxx && plan.cxx_driver) {
    cmd.push_back(*plan.cxx_driver);
  } else {
    cmd.push_back(plan.clang.path);
    if (plan.language == Language::cxx) cmd.emplace_back("--driver-mode=g++");
  }
  add_target(cmd, plan.target);
  if (plan.sysroot) add_sysroot(cmd, plan);
  // Before the user's flags: their own -ffile-prefix-map of a path inside
  // the store still wins (clang applies the last, and the longest macro map).
  if (plan.store_root) cmd.push_back("-ffile-prefix-map=" + plan.store_root->string() + "=/xstatic");
  // A call with no input may still run the linker (-Wl,--version, as Meson
  // probes) or print what it would run (-v): it must be lld, never the host's ld.
  if (may_link(inv) && traits.fuse_lld) {
    cmd.emplace_back("-fuse-ld=lld");
    if (plan.ld_path) cmd.push_back("--ld-path=" + *plan.ld_path);
  }
  for (auto flag : util::split(plan.target.row->cflags, ' '))
    if (!flag.empty()) cmd.emplace_back(flag);
  if (plan.gcc_dir && plan.language == Language::cxx) add_mingw_cxx_includes(cmd, *plan.gcc_dir, plan.target);
  if (links && plan.color) cmd.emplace_back("-fcolor-diagnostics");
  // -r is a partial link: an object file, where --gc-sections and -s are errors.
  bool full_link = inv.mode == Mode::link || inv.mode == Mode::shared;
  if (full_link) add_link_flags(cmd, inv, plan);
  const auto& libc = target::libc_info(plan.target.libc);
  // WASI's libc++ is built without exceptions: code compiled with them calls
  // __cxa_throw, which nothing defines (docs/wasm.md).
  if (!libc.cxx_exceptions) cmd.emplace_back("-fno-exceptions");
  bool names_libs = libc.names_default_libs && full_link;
  if (names_libs && !inv.no_default_libs && plan.sysroot) cmd.emplace_back("-nodefaultlibs");
  if (libc.names_output && full_link && !inv.output)
    cmd.insert(cmd.end(), {"-o", output_of(inv, plan.target)});
  // libc++ for musl: its headers, and for a link its libraries (lld takes
  // archive members wherever the -l stands, so before the user's objects works).
  if (plan.cxx_runtimes)
    for (auto& flag : runtimes::cxx_flags(*plan.cxx_runtimes, full_link)) cmd.push_back(std::move(flag));
  // Packages (xstatic/sysroot/packages.hpp): after libc++'s headers, whose
  // #include_next must still reach the C library's.
  for (const auto& root : plan.packages) {
    cmd.insert(cmd.end(), {"-isystem", (root / "include").string()});
    if (full_link) cmd.push_back("-L" + (root / "lib").string());
  }
  // -rdynamic and its linker spellings mean nothing in a static link (and make
  // clang warn, failing -Werror probes); some tools' flags cannot work for a target.
  auto kept = inv.mode == Mode::link && traits.static_flag && !libc_dynamic(inv) ? without_export_dynamic(inv)
                                                                                 : inv.clang_args;
  std::erase_if(kept, [&](const std::string& arg) { return is_dropped(arg, plan.target); });
  // -Xlinker, not a plain input: a -x LANG of the user's would make clang
  // compile it, and -Wl, would split a path holding a comma.
  if (plan.sbom_object) kept.insert(kept.end(), {"-Xlinker", *plan.sbom_object});
  if (full_link) kept.insert(kept.end(), plan.package_libs.begin(), plan.package_libs.end());
  if (libc_dynamic(inv) && inv.mode == Mode::link)
    add_libc_dynamic_args(cmd, kept);
  else
    cmd.insert(cmd.end(), kept.begin(), kept.end());
  if ((plan.allocator || plan.libc_routines) && inv.mode == Mode::link) {
    // A -x LANG of the user's applies to every input after it: without -x none
    // clang would read the archive as C source (`cc -x c - -o app`).
    if (inv.language) cmd.insert(cmd.end(), {"-x", "none"});
    // Before clang's -lc: lld takes a member of the first archive that
    // defines a symbol still undefined, so these replace musl's routines
    // (and only those the program reaches).
    if (plan.libc_routines) cmd.push_back(plan.libc_routines->string());
    if (plan.allocator) {
      if (plan.allocator_forced) cmd.emplace_back("-Wl,--whole-archive");
      cmd.push_back(plan.allocator->string());
      if (plan.allocator_forced) cmd.emplace_back("-Wl,--no-whole-archive");
    }
  }
  if (names_libs) add_wasi_default_libs(cmd, inv, plan);
  return cmd;
}

std::optional<std::filesystem::path> mingw_gcc_dir(const target::Target& t) {
  if (!target::libc_info(t.libc).gcc_posix_dir) return std::nullopt;
  std::filesystem::path base = std::filesystem::path("/usr/lib/gcc") / std::string(t.triple());
  std::error_code ec;
  std::optional<std::filesystem::path> found;
  for (const auto& e : std::filesystem::directory_iterator(base, ec)) {
    if (!std::filesystem::exists(e.path() / "libgcc.a")) continue;
    // posix threads first: std::thread, mutex and condition_variable need
    // them, and libwinpthread.a links statically (no DLL beside the .exe).
    if (!found || e.path().filename().string().ends_with("-posix")) found = e.path();
  }
  return found;
}

std::string output_of(const Invocation& inv, const target::Target& t) {
  if (inv.output) return *inv.output;
  return std::string(target::libc_info(t.libc).default_output);
}

}  // namespace xstatic::driver
