// The compiler front end: from a command line to clang, and from clang's
// output to the verdict. Compile-only calls (the thousands a build makes)
// do only cheap work here (parse, a few stats) and then exec clang.
//
// What the driver tells the user (notes, warnings, the first link's runtime
// builds) goes through one util::Progress: plain lines prefixed "xstatic: "
// on stderr, never stdout, which may carry the compiler's own output (-E).
// Plain lines, not a line rewritten in place: other jobs of a parallel build
// write to the same terminal.
#include "xstatic/driver/driver.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <system_error>

#include "post_link.hpp"
#include "xstatic/driver/args.hpp"
#include "xstatic/driver/fingerprint.hpp"
#include "xstatic/driver/glibc.hpp"
#include "xstatic/driver/launcher.hpp"
#include "xstatic/driver/link_files.hpp"
#include "xstatic/driver/link_record.hpp"
#include "xstatic/driver/sbom.hpp"
#include "xstatic/inspect/verify.hpp"
#include "xstatic/runtimes/allocator.hpp"
#include "xstatic/runtimes/libc_routines.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/sysroot/links_store.hpp"
#include "xstatic/sysroot/packages.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/toolchain/clang.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/scratch.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::driver {
namespace {

bool env_true(const char* name) {
  auto v = util::getenv_nonempty(name);
  return v && *v != "0" && *v != "false" && *v != "no";
}

std::optional<std::filesystem::path> find_sysroot(const store::Store& store, const target::Target& t,
                                                  const Invocation& inv, util::Progress& progress) {
  if (auto found = sysroot::find(store, t)) return found;
  // `cc --version` and other calls without input need no sysroot: build
  // systems probe the compiler before anything is installed.
  if (inv.inputs == 0) return std::nullopt;
  bool ours = sysroot::is_provisioned_by_xstatic(t);
  if (inv.own.auto_install && ours) {
    progress.done("installing the sysroot for " + t.describe() + " (--auto-install)");
    return sysroot::install(store, t, sysroot::InstallOptions{}, progress);
  }
  // A links folder's store (xstatic/sysroot/links_store.hpp) may not be the
  // one a bare `xstatic sysroot install` would fill: name it.
  std::string in_store, for_store;
  if (ours && store.root() != store::Store::locate().root()) {
    in_store = " in the store " + store.root().string();
    for_store = "XSTATIC_HOME=" + store.root().string() + " ";
  }
  if (target::libc_info(t.libc).sysroot == target::SysrootSource::sdk)  // the user brings it (docs/darwin.md)
    throw Error("no macOS SDK for " + t.describe() + ": none imported into the store " +
                    store.root().string() + " and $SDKROOT is not set",
                sysroot::install_command(t), Exit::missing);
  throw Error(ours ? "the sysroot for " + t.describe() + " is not installed" + in_store
                   : "no sysroot for " + t.describe() + " was found",
              for_store + sysroot::install_command(t) + (ours ? " (or pass --auto-install)" : ""),
              Exit::missing);
}

// " --runtimes-opt=size" for the build command a message names; "" for the standard runtimes.
std::string runtimes_opt_flag(runtimes::Variant variant) {
  return variant == runtimes::Variant::standard
             ? std::string()
             : " --runtimes-opt=" + std::string(runtimes::variant_info(variant).name);
}

bool auto_build_allowed() {
  auto setting = util::getenv_nonempty("XSTATIC_AUTO_BUILD");
  return !(setting && (*setting == "0" || *setting == "false" || *setting == "no"));
}

// --malloc, else XSTATIC_MALLOC, else auto.
runtimes::Malloc malloc_choice(const Invocation& inv) {
  if (inv.own.malloc) return *inv.own.malloc;
  auto env = util::getenv_nonempty("XSTATIC_MALLOC");
  if (!env) return runtimes::Malloc::automatic;
  auto m = runtimes::parse_malloc(*env);
  if (!m)
    throw Error("unknown allocator '" + *env + "' in XSTATIC_MALLOC",
                "set XSTATIC_MALLOC to auto, musl or mimalloc (or unset it)", Exit::usage);
  return *m;
}

// --runtimes-opt, else XSTATIC_RUNTIMES_OPT, else auto; auto reads the call's
// last -O option. One choice for a call's libc++ and mimalloc (variant.hpp).
runtimes::Variant runtimes_variant(const Invocation& inv) {
  auto opt = inv.own.runtimes_opt;
  if (!opt)
    if (auto env = util::getenv_nonempty("XSTATIC_RUNTIMES_OPT")) {
      opt = runtimes::parse_runtimes_opt(*env);
      if (!opt)
        throw Error("unknown runtimes build '" + *env + "' in XSTATIC_RUNTIMES_OPT",
                    "set XSTATIC_RUNTIMES_OPT to auto, standard or size (or unset it)", Exit::usage);
    }
  return runtimes::choose_variant(opt.value_or(runtimes::RuntimesOpt::automatic), inv.optimize_size);
}

// --link, else XSTATIC_LINK (set by `xstatic release` for a libc-dynamic
// target's whole build, whatever its build system does with LDFLAGS), else static.
std::optional<LinkMode> link_from_environment() {
  auto env = util::getenv_nonempty("XSTATIC_LINK");
  if (!env) return std::nullopt;
  auto mode = parse_link_mode(*env);
  if (!mode)
    throw Error("unknown link mode '" + *env + "' in XSTATIC_LINK",
                "set XSTATIC_LINK to static or libc-dynamic (or unset it)", Exit::usage);
  return mode;
}

// Usage errors first (before a missing sysroot is reported): the choice,
// and mimalloc asked for a target it is not built for.
runtimes::Malloc checked_malloc_choice(const Invocation& inv, const target::Target& t) {
  auto choice = malloc_choice(inv);
  if (choice == runtimes::Malloc::mimalloc && !runtimes::mimalloc_supported(t))
    throw Error("--malloc=mimalloc is for Linux musl targets with 64-bit atomics; " + t.describe() +
                    " keeps its C library's allocator",
                "drop --malloc (or XSTATIC_MALLOC) for this target", Exit::usage);
  return choice;
}

// The allocator archive of a musl executable link (see
// xstatic/runtimes/allocator.hpp): found with one folder listing, built on
// first use like libc++. With auto, a missing or failed build is a warning
// and the link goes on with musl's malloc; with --malloc=mimalloc, an error.
void choose_allocator(const store::Store& store, const Invocation& inv, runtimes::Malloc choice, Plan& plan,
                      util::Progress& progress) {
  const auto& t = plan.target;
  if (inv.mode != Mode::link || choice == runtimes::Malloc::libc || !runtimes::mimalloc_supported(t)) return;
  bool forced = choice == runtimes::Malloc::mimalloc;
  if (!forced && (inv.no_default_libs || inv.other_linker)) return;  // the user chose the libraries or linker
  plan.allocator_forced = forced;
  if (auto found = runtimes::find_mimalloc(store, t, plan.clang.major, plan.runtimes_variant)) {
    plan.allocator = found->archive;
    plan.allocator_version = found->version;
    return;
  }
  std::string build_cmd = "xstatic runtimes build " + t.go_name() + " --runtime mimalloc" +
                          runtimes_opt_flag(plan.runtimes_variant);
  if (!auto_build_allowed()) {
    if (forced)
      throw Error(
          "--malloc=mimalloc: mimalloc is not built for " + t.describe() + " yet (XSTATIC_AUTO_BUILD=0)",
          "run '" + build_cmd + "'", Exit::missing);
    progress.note("linking musl's own malloc: mimalloc is not built for " + t.describe() +
                  " (XSTATIC_AUTO_BUILD=0); run '" + build_cmd + "'");
    return;
  }
  if (!forced) {
    if (auto log = runtimes::recent_mimalloc_failure(store, t, plan.clang.major, plan.runtimes_variant)) {
      progress.note("linking musl's own malloc: building mimalloc for " + t.describe() +
                    " failed within the hour (log: " + log->string() + "); retry: '" + build_cmd + "'");
      return;
    }
  }
  progress.done("first link for " + t.describe() +
                ": building the mimalloc allocator for it once (a few seconds)");
  runtimes::BuildOptions options;
  options.clang = plan.clang.path;
  options.variant = plan.runtimes_variant;
  try {
    auto built = runtimes::build_mimalloc(store, t, progress, options);
    plan.allocator = built.archive;
    plan.allocator_version = built.version;
  } catch (const Error& e) {
    if (forced) throw;
    progress.warning("linking musl's own malloc (slower with threads): " + std::string(e.what()) +
                     "\n  fix: " + (e.hint().empty() ? build_cmd : e.hint()));
  }
}

// --libc-routines, else XSTATIC_LIBC_ROUTINES, else xstatic.
runtimes::LibcRoutines libc_routines_choice(const Invocation& inv) {
  if (inv.own.libc_routines) return *inv.own.libc_routines;
  auto env = util::getenv_nonempty("XSTATIC_LIBC_ROUTINES");
  if (!env) return runtimes::LibcRoutines::xstatic;
  auto r = runtimes::parse_libc_routines(*env);
  if (!r)
    throw Error("unknown libc routines '" + *env + "' in XSTATIC_LIBC_ROUTINES",
                "set XSTATIC_LIBC_ROUTINES to xstatic or musl (or unset it)", Exit::usage);
  return *r;
}

// xstatic's strlen and qsort for a musl executable link (see
// xstatic/runtimes/libc_routines.hpp): found with one stat, built on first
// use (about a second, no download). A failed build is a warning: the link
// goes on with musl's routines, which are correct, only slower.
void choose_libc_routines(const store::Store& store, const Invocation& inv, runtimes::LibcRoutines choice,
                          Plan& plan, util::Progress& progress) {
  const auto& t = plan.target;
  if (inv.mode != Mode::link || choice == runtimes::LibcRoutines::libc) return;
  if (inv.no_default_libs || inv.other_linker || runtimes::libc_routines_for(t).empty()) return;
  if (auto found = runtimes::find_libc_routines(store, t, plan.clang.major)) {
    plan.libc_routines = found->archive;
    plan.libc_routines_version = found->version;
    return;
  }
  if (!auto_build_allowed()) {
    progress.note("linking musl's own strlen and qsort: xstatic's are not built for " + t.describe() +
                  " (XSTATIC_AUTO_BUILD=0); run 'xstatic runtimes build " + t.go_name() + " --runtime libc'");
    return;
  }
  runtimes::BuildOptions options;
  options.clang = plan.clang.path;
  try {
    auto built = runtimes::build_libc_routines(store, t, progress, options);
    plan.libc_routines = built.archive;
    plan.libc_routines_version = built.version;
  } catch (const Error& e) {
    progress.warning("linking musl's own strlen and qsort (slower): " + std::string(e.what()) +
                     (e.hint().empty() ? "" : "\n  fix: " + e.hint()));
  }
}

// mimalloc and xstatic's libc routines for a link (both found with a stat
// or a folder listing, built on first use).
void choose_link_runtimes(const store::Store& store, const Invocation& inv, runtimes::Malloc allocator_choice,
                          runtimes::LibcRoutines routines_choice, Plan& plan, util::Progress& progress) {
  choose_allocator(store, inv, allocator_choice, plan, progress);
  choose_libc_routines(store, inv, routines_choice, plan, progress);
}

// What choose_link_runtimes decided on a copy of the plan (`side`), taken into `plan`.
void take_link_runtimes(Plan& plan, Plan&& side) {
  plan.allocator = std::move(side.allocator);
  plan.allocator_forced = side.allocator_forced;
  plan.allocator_version = std::move(side.allocator_version);
  plan.libc_routines = std::move(side.libc_routines);
  plan.libc_routines_version = std::move(side.libc_routines_version);
}

// The first C++ link of a target builds libc++ (extraction and configure on
// one core, then the compile on all), and mimalloc and the libc routines (one
// clang call or a few each, ~3 s). Those two need nothing of libc++, so they
// are chosen on another thread, on a copy of the plan, while libc++ builds:
// their seconds hide in its serial start (issue 24). Each keeps its own
// lock, scratch folder and rename into place, as when built one after the
// other; a failure is reported (or downgraded) as before when the link takes
// the copy back (take_link_runtimes). Nothing is started when libc++ is
// already built or will not be built here.
std::future<Plan> link_runtimes_beside_libcxx(const store::Store& store, const Invocation& inv,
                                              runtimes::Malloc allocator_choice,
                                              runtimes::LibcRoutines routines_choice, const Plan& plan,
                                              util::Progress& progress) {
  if (inv.mode != Mode::link || !auto_build_allowed()) return {};
  if (runtimes::find(store, plan.target, plan.clang.major, plan.runtimes_variant)) return {};
  try {
    return std::async(std::launch::async,
                      [&store, &inv, allocator_choice, routines_choice, &progress, side = plan]() mutable {
                        choose_link_runtimes(store, inv, allocator_choice, routines_choice, side, progress);
                        return std::move(side);
                      });
  } catch (const std::system_error&) {
    return {};  // no thread to be had: the link chooses them after libc++, as before
  }
}

// libc++ for musl: found with one stat; built on the first C++ use for a
// target (once, locked, about a minute), as zig c++ does, unless
// XSTATIC_AUTO_BUILD=0 asks for an error instead.
std::optional<runtimes::Installed> find_cxx_runtimes(const store::Store& store, const target::Target& t,
                                                     const toolchain::Clang& clang, runtimes::Variant variant,
                                                     util::Progress& progress) {
  if (auto found = runtimes::find(store, t, clang.major, variant)) return found;
  const auto& v = runtimes::variant_info(variant);
  if (!auto_build_allowed())
    throw Error("C++ for " + t.describe() + " needs LLVM's libc++ built for musl (clang " +
                    std::to_string(clang.major) + ", " + std::string(v.name) +
                    " build), which is not built yet (XSTATIC_AUTO_BUILD=0)",
                "run 'xstatic runtimes build " + t.go_name() + runtimes_opt_flag(variant) +
                    "', or use glibc's libstdc++: --libc glibc",
                Exit::missing);
  progress.done("first C++ use of " + t.describe() + " (" + std::string(v.name) +
                " runtimes): building libc++ for it once (about a minute)");
  runtimes::BuildOptions options;
  options.clang = clang.path;
  options.variant = variant;
  return runtimes::build(store, t, progress, options);
}

// The lld a link for `t` runs (the libc row's link.lld), nullopt when there
// is none. Mach-O links need ld64.lld (Debian: /usr/bin/ld64.lld-19 from
// lld-19), never ld.lld.
std::optional<std::string> find_target_lld(const toolchain::Clang& clang, const target::Target& t) {
  return toolchain::find_lld(clang, target::libc_info(t.libc).link.lld);
}

// --ld-path for `lld` when clang would not find it beside itself (ld64.lld: always).
std::optional<std::string> ld_path_of(const toolchain::Clang& clang, const target::Target& t,
                                      const std::string& lld) {
  if (target::libc_info(t.libc).link.ld_path_always) return lld;
  return toolchain::ld_path_for(clang, lld);
}

// The same for a call that links: no lld at all is an Error (missing).
std::optional<std::string> ld_path_override(const toolchain::Clang& clang, const target::Target& t) {
  if (auto lld = find_target_lld(clang, t)) return ld_path_of(clang, t, *lld);
  const auto& libc = target::libc_info(t.libc);
  // A linker clang's driver would not find by itself (ld64.lld) is one its links need by that name.
  std::string need = libc.link.ld_path_always ? ": " + std::string(libc.name) + " links need it" : "";
  throw Error(std::string(libc.link.lld) + " not found (beside " + clang.real_path + " or on PATH)" + need,
              "sudo apt-get install lld-" + std::to_string(clang.major), Exit::missing);
}

// --target (or argv[0], GOOS/GOARCH, the host), --libc, and --glibc: a floor
// without --libc means glibc unless the target's spelling names its libc (a
// triple), which with_glibc_floor then checks. --link=libc-dynamic needs a
// libc that can stay dynamic (glibc).
target::Target resolve_target(const Invocation& inv, const std::optional<target::Target>& named) {
  std::optional<std::string_view> spec;
  if (inv.own.target) spec = *inv.own.target;
  auto libc = inv.own.libc;
  if (inv.own.glibc && !libc && !(spec && spec->find('/') == std::string_view::npos))
    libc = target::Libc::glibc;
  target::Target t = target::resolve(spec, libc, target::Environment::from_process(), named);
  if (inv.own.glibc) t = target::with_glibc_floor(t, *inv.own.glibc);
  if (libc_dynamic(inv) && !target::libc_info(t.libc).libc_dynamic)
    throw Error("--link=libc-dynamic keeps glibc dynamic; " + t.describe() + " links " +
                    std::string(t.libc_name()) + " statically only",
                "drop --link=libc-dynamic, or build for glibc: --libc glibc --link=libc-dynamic",
                Exit::usage);
  return t;
}

// --print-fingerprint: nothing is required to be installed; what is missing says "none".
int print_fingerprint(Language language, const target::Target& t, const store::Store& store) {
  Plan plan;
  plan.language = language;
  plan.target = t;
  plan.sysroot = sysroot::find(store, t);
  plan.clang = toolchain::find_clang(store);
  if (language == Language::cxx) plan.cxx_driver = toolchain::cxx_driver(plan.clang);
  std::fputs(fingerprint(plan, store).c_str(), stdout);
  return 0;
}

int run_link(const std::vector<std::string>& cmd, const Invocation& inv, const Plan& plan,
             const std::optional<LinkSbom>& sbom, util::Progress& progress) {
  util::RunOptions options;
  options.capture_stderr = true;  // clang's diagnostics still reach the user as they come
  options.echo_stderr = true;
  util::RunResult result = util::run(cmd, options);
  std::string report = take_why_extract(plan);
  if (result.exit_code != 0) {
    note_outdated_sysroot(plan, progress);
    note_wasi_exceptions(plan, result.err, progress);
    return result.exit_code;
  }
  // The note names what lld took (sbom.hpp), before anything reads the output.
  if (sbom) settle_sbom_note(output_of(inv, plan.target), *sbom, report);
  bool nss_seen = !inv.own.no_verify && verify_output(inv, plan.target);
  record_link(inv, plan, report);
  bool may_have_hazards = inv.mode == Mode::link && may_have_static_hazards(inv, plan.target);
  auto hazards = may_have_hazards ? glibc_hazards_in_why_extract(report) : std::vector<std::string>{};
  if (may_have_hazards && (!hazards.empty() || nss_seen || has_glibc_link_warning(result.err)))
    progress.warning(glibc_hazard_warning(plan.target.go_name(), hazards));
  return 0;
}

// -print-prog-name=ld: libtool records the answer as LD and runs it (`$LD -v`
// to learn whether it is GNU-compatible, `$LD -r` to merge objects). clang
// would print the host's /usr/bin/ld, which cannot link for another target.
int print_linker_path(const Plan& plan) {
  std::string name(lld_name(plan.target));
  auto path = toolchain::find_lld(plan.clang, name);
  if (!path)
    throw Error(name + " not found (beside " + plan.clang.real_path + " or on PATH)",
                "sudo apt-get install lld-" + std::to_string(plan.clang.major), Exit::missing);
  std::printf("%s\n", path->c_str());
  return 0;
}

}  // namespace

int compile(const Caller& caller, std::vector<std::string> args) {
  Language language = caller.language;
  Invocation inv = parse_command_line(args);
  if (inv.own.help) {
    std::fputs(help_text().c_str(), stdout);
    return 0;
  }
  if (auto same = output_overwrites_input(inv))
    throw Error("-o " + *inv.output + " names the input " + *same + ": the compiler would overwrite it",
                "choose another output name", Exit::usage);
  inv.own.print_command = inv.own.print_command || env_true("XSTATIC_VERBOSE");
  inv.own.no_verify = inv.own.no_verify || env_true("XSTATIC_NO_VERIFY");
  inv.own.auto_install = inv.own.auto_install || env_true("XSTATIC_AUTO_INSTALL");
  if (!inv.own.link) inv.own.link = link_from_environment();

  target::Target t = resolve_target(inv, caller.named);
  // A name from a links folder (aarch64-linux-musl-cc) uses the store the
  // folder belongs to (xstatic/sysroot/links_store.hpp); `xstatic cc` uses $XSTATIC_HOME.
  auto store = caller.named ? sysroot::store_of_program(caller.argv0) : store::Store::locate();
  if (inv.own.print_fingerprint) return print_fingerprint(language, t, store);
  auto launcher = launcher_choice(inv.own.launcher);
  util::Progress progress(util::ProgressOptions{
      .quiet = false, .prefix = "xstatic: ", .rewrite = util::Rewrite::never, .out = nullptr});
  warn_wasi_limits(inv, t, progress);
  auto allocator_choice = checked_malloc_choice(inv, t);
  auto routines_choice = libc_routines_choice(inv);

  Plan plan;
  plan.runtimes_variant = runtimes_variant(inv);
  plan.language = language;
  plan.target = t;
  plan.sysroot = find_sysroot(store, t, inv, progress);
  if (inv.inputs > 0) plan.store_root = store.root();
  plan.clang = toolchain::find_clang(store);
  if (language == Language::cxx) plan.cxx_driver = toolchain::cxx_driver(plan.clang);
  if (inv.inputs > 0) plan.gcc_dir = mingw_gcc_dir(t);
  // Destroyed before everything it refers to (it waits for its thread): declared after them.
  std::future<Plan> side_runtimes;
  if (needs_cxx_runtimes(language, t) && inv.inputs > 0) {
    side_runtimes =
        link_runtimes_beside_libcxx(store, inv, allocator_choice, routines_choice, plan, progress);
    plan.cxx_runtimes = find_cxx_runtimes(store, t, plan.clang, plan.runtimes_variant, progress);
  }
  if (asks_for_linker_path(inv)) return print_linker_path(plan);
  if (inv.mode != Mode::compile_only) {
    plan.ld_path = ld_path_override(plan.clang, t);
  } else if (may_link(inv)) {
    // A probe such as --version must answer even where lld is missing.
    if (auto lld = find_target_lld(plan.clang, t)) plan.ld_path = ld_path_of(plan.clang, t, *lld);
  }
  if (side_runtimes.valid())
    take_link_runtimes(plan, side_runtimes.get());
  else
    choose_link_runtimes(store, inv, allocator_choice, routines_choice, plan, progress);
  if (inv.inputs > 0 && plan.sysroot) {
    auto packages = sysroot::installed_packages(store, t);
    for (const auto& p : packages) plan.packages.push_back(p.root);
    if ((inv.mode == Mode::link || inv.mode == Mode::shared) && !inv.no_default_libs) {
      plan.linked_packages = sysroot::closure(packages, inv.libraries, inv.input_files);
      plan.package_libs = sysroot::closure_flags(plan.linked_packages);
    }
  }
  // A link's temporary files (lld's report, the SBOM note's object, the
  // folder of link_files.hpp), removed on every way out.
  std::optional<util::TempPath> held_report, held_sbom, held_files;
  std::optional<LinkSbom> sbom;
  if (inv.mode == Mode::link || inv.mode == Mode::shared) {  // clang's stderr goes through a pipe
    plan.color = ::isatty(STDERR_FILENO) != 0;
    sbom = link_sbom(inv, plan);
    if (sbom) plan.sbom_object = write_sbom_object(*sbom, plan);
    if (plan.sbom_object)
      held_sbom.emplace(*plan.sbom_object);
    else
      sbom.reset();  // no note in this link
    plan.why_extract = why_extract_file(inv, t, sbom && !sbom->conditional.empty());
    if (plan.why_extract) held_report.emplace(*plan.why_extract);
    write_link_files(inv, plan);
    if (plan.link_files) held_files.emplace(*plan.link_files);
  }

  auto cmd = build_command(inv, plan);
  // Only compiles with an input go through a compile cache or a distributed compiler.
  if (launcher != Launcher::none && inv.mode == Mode::compile_only && inv.inputs > 0) {
    if (launcher == Launcher::icecc) check_icecc_environment(plan.clang.path);
    cmd = wrap_command(std::move(cmd), launcher, find_launcher(launcher));
  }
  if (inv.own.print_command) std::fprintf(stderr, "%s\n", util::shell_join(cmd).c_str());
  if (inv.mode == Mode::compile_only || inv.mode == Mode::relocatable) util::exec(cmd);
  return run_link(cmd, inv, plan, sbom, progress);
}

}  // namespace xstatic::driver
