// Building the runtimes for one target, at most once, atomically:
//
//   lock locks/runtimes-llvm<major>[-size]-<sysroot>.lock   (a second caller
//                                                     waits, then finds them built)
//   runtimes/llvm-<major>-r<recipe>[-size]/.tmp-<sysroot>-<pid>/{build,install,build.log}
//   cmake + ninja install into install/, then manifest.json into install/,
//   then rename install/ -> runtimes/llvm-<major>-r<recipe>[-size]/<sysroot>/ (one step).
//
// A failure removes the temporary folder and keeps only its log, as
// logs/runtimes-llvm<major>[-size]-<sysroot>.log, which the Error names.
// (-size: the variant for links that ask for size, variant.hpp.)
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "internal.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::runtimes {

namespace {

void check_target(const target::Target& t) {
  const auto& libc = target::libc_info(t.libc);
  // Another libc of a Linux target (glibc) has Debian's C++ runtime in the sysroot xstatic installs.
  if (!libc.builds_cxx_runtimes && libc.sysroot == target::SysrootSource::recipe &&
      target::os_info(*t.row).linux_kernel)
    throw Error("C++ runtimes are built for musl targets only; " + t.describe() + " uses Debian's " +
                    std::string(libc.cxx_runtime) + " from its sysroot",
                sysroot::install_command(t), Exit::usage);
  if (!libc.builds_cxx_runtimes || !(t.row->languages & target::kCxx))
    throw Error("no libc++ build for " + t.describe() + ": only Linux musl targets use xstatic's runtimes",
                {}, Exit::usage);
}

void require_tools() {
  for (const char* tool : {"cmake", "ninja", "python3"})
    if (!util::find_program(tool))
      throw Error(std::string(tool) + " is needed to build the C++ runtimes and is not installed",
                  "sudo apt-get install cmake ninja-build python3", Exit::missing);
}

Installed build_libcxx_locked(const store::Store& store, const target::Target& t, const BuildOptions& options,
                              const detail::Compiler& clang, const fs::path& sysroot,
                              const fs::path& failed_log, util::Progress& progress) {
  const VariantInfo& variant = variant_info(options.variant);
  fs::path final_dir = runtime_path(store, t, clang.major, options.variant);
  std::string name = final_dir.filename().string();
  fs::create_directories(final_dir.parent_path());
  detail::Scratch scratch(final_dir.parent_path(), store::Store::temp_prefix(name), failed_log);
  auto start = std::chrono::steady_clock::now();

  progress.step(
      fmt::format("building libc++, libc++abi and libunwind ({}) for {} with clang {} (once per target)",
                  variant.name, t.describe(), clang.version));
  fs::path source = detail::prepare_source(store, clang.major, options.llvm_src, scratch.log(), progress);
  const target::Row& row = detail::baseline_row(t);
  detail::CmakeInputs in{.source = source,
                         .build = scratch.build(),
                         .prefix = scratch.install(),
                         .sysroot = sysroot,
                         .triple = std::string(row.triple_musl),
                         .processor = std::string(row.triple_musl.substr(0, row.triple_musl.find('-'))),
                         .cflags = std::string(row.cflags),
                         .clang = clang,
                         .ar = detail::llvm_tool(clang, "llvm-ar"),
                         .ranlib = detail::llvm_tool(clang, "llvm-ranlib"),
                         .variant = options.variant,
                         .python = detail::python_interpreter(),
                         .project_hook = detail::write_project_hook(
                             scratch.dir(), std::atoi(detail::llvm_source_version(source).c_str()))};
  auto since = [](auto t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  progress.step(fmt::format("configuring LLVM {} runtimes for {} (sources ready after {:.1f} s)",
                            detail::llvm_source_version(source), in.triple, since(start)));
  auto phase = std::chrono::steady_clock::now();
  detail::run_step(detail::cmake_command(in), scratch.log(), "configuring the runtimes for " + t.describe());
  unsigned jobs =
      options.jobs > 0 ? unsigned(options.jobs) : std::max(1u, std::thread::hardware_concurrency());
  progress.step(fmt::format("compiling with ninja -j{} (configured in {:.1f} s)", jobs, since(phase)));
  phase = std::chrono::steady_clock::now();
  detail::run_step({"ninja", "-C", scratch.build().string(), "-j", std::to_string(jobs), "install"},
                   scratch.log(), "building the runtimes for " + t.describe());
  spdlog::debug("compiled and installed in {:.1f} s", since(phase));

  double seconds = since(start);
  std::string llvm_version = detail::llvm_source_version(source);
  Entry entry{t.go_name(),  in.triple, name,         clang.major,  clang.version,
              llvm_version, final_dir, Kind::libcxx, llvm_version, std::string(variant.name)};
  fs::rename(scratch.log(), scratch.install() / "build.log");
  detail::write_manifest(scratch.install() / store::kManifestName, entry, seconds);
  fs::remove_all(final_dir);  // a folder without a manifest is an unfinished copy
  fs::rename(scratch.install(), final_dir);
  scratch.succeeded();
  progress.done(
      fmt::format("runtimes for {} built in {:.0f} s: {}", t.describe(), seconds, final_dir.string()));
  auto built = *find(store, t, clang.major, options.variant);
  built.built_now = true;
  return built;
}

}  // namespace

Installed build(const store::Store& given_store, const target::Target& t, util::Progress& progress,
                const BuildOptions& options) {
  check_target(t);
  const store::Store store(fs::absolute(given_store.root()));  // cmake and apt run elsewhere
  detail::Compiler clang = detail::compiler_for(store, options.clang);
  if (auto built = find(store, t, clang.major, options.variant)) return *built;
  auto sysroot = sysroot::find(store, t);
  if (!sysroot)
    throw Error("sysroot for " + t.describe() + " is not installed (the C++ runtimes are built against it)",
                sysroot::install_command(t), Exit::missing);
  require_tools();

  std::string name = build_name(Kind::libcxx, clang.major, options.variant, store::sysroot_name(t));
  util::FileLock lock(store.locks_dir() / (name + ".lock"), [&] {
    progress.step("waiting for another xstatic that is building the runtimes for " + t.describe());
  });
  if (auto built = find(store, t, clang.major, options.variant)) return *built;  // built while we waited
  fs::path failed_log = store.logs_dir() / (name + ".log");
  return detail::naming_log(failed_log, "building the runtimes for " + t.describe(), [&] {
    return build_libcxx_locked(store, t, options, clang, *sysroot, failed_log, progress);
  });
}

}  // namespace xstatic::runtimes
