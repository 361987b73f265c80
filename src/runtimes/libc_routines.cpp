// xstatic's libc routines for musl targets (xstatic/runtimes/libc_routines.hpp):
// the C files of src/runtimes/libc/, carried in the binary, written out into
// a temporary folder, compiled one clang call each and archived.
//
//   lock locks/libc-llvm<major>-<sysroot>.lock
//   runtimes/.tmp-libc-<sysroot>-<pid>/{src/, *.o, install/, build.log}
//   clang -c (per routine), llvm-ar, manifest.json, then rename install/ ->
//   runtimes/libc-<digest>-llvm<major>/<sysroot>/ (one step).
#include "xstatic/runtimes/libc_routines.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <span>

#include "internal.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/util/embedded.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic {
extern const EmbeddedFile kLibcRoutineSources[];
extern const std::size_t kLibcRoutineSources_count;
}  // namespace xstatic

namespace xstatic::runtimes {
namespace {

std::span<const EmbeddedFile> sources() {
  return {kLibcRoutineSources, kLibcRoutineSources_count};
}

// FNV-1a over every source file's name and text: the archive's version.
std::string sources_digest() {
  util::Fnv1a fnv;
  for (const auto& f : sources()) fnv.add(f.name).end_part().add(f.content).end_part();
  std::uint64_t h = fnv.value();
  return fmt::format("{:08x}", static_cast<std::uint32_t>(h ^ (h >> 32)));
}

// The architecture part of the target's musl triple: "x86_64", "aarch64".
std::string_view arch_of(const target::Target& t) {
  std::string_view triple = detail::baseline_row(t).triple_musl;
  return triple.substr(0, triple.find('-'));
}

struct Routine {
  std::string_view name;  // what `inspect` reports: "strlen"
  std::string_view file;  // its source: "strlen_x86_64.c"
  std::string_view arch;  // "" for every architecture
};

// In link order. qsort is portable C; strlen, memchr, strchr and memcmp are per architecture (SIMD).
constexpr Routine kRoutines[] = {
    {"qsort", "qsort.c", ""},
    {"strlen", "strlen_x86_64.c", "x86_64"},
    {"strlen", "strlen_aarch64.c", "aarch64"},
    {"memchr", "memchr_x86_64.c", "x86_64"},
    {"memchr", "memchr_aarch64.c", "aarch64"},
    {"strchr", "strchr_x86_64.c", "x86_64"},
    {"strchr", "strchr_aarch64.c", "aarch64"},
    {"memcmp", "memcmp_x86_64.c", "x86_64"},
    {"memcmp", "memcmp_aarch64.c", "aarch64"},
};

// The architectures the tests run the routines on (natively and under qemu).
bool architecture_supported(std::string_view arch) {
  return arch == "x86_64" || arch == "aarch64";
}

std::vector<const Routine*> routines_of(const target::Target& t) {
  std::vector<const Routine*> out;
  if (!target::libc_info(t.libc).libc_routines || !target::os_info(*t.row).linux_kernel) return out;
  std::string_view arch = arch_of(t);
  if (!architecture_supported(arch)) return out;
  for (const auto& r : kRoutines)
    if (r.arch.empty() || r.arch == arch) out.push_back(&r);
  return out;
}

std::string routines_suffix(int clang_major) {
  return "-llvm" + std::to_string(clang_major);
}

fs::path root_of(const store::Store& store, const target::Target& t, int clang_major) {
  return store.runtimes_dir() /
         (std::string(kind_info(Kind::libc_routines).folder_prefix) + sources_digest() +
          routines_suffix(clang_major)) /
         store::sysroot_name(t);
}

fs::path routines_failed_log(const store::Store& store, const target::Target& t, int clang_major) {
  return store.logs_dir() /
         (build_name(Kind::libc_routines, clang_major, Variant::standard, store::sysroot_name(t)) + ".log");
}

// -O2 as the rest of musl; sections per function so that --gc-sections
// drops what a program never reaches; -fno-builtin-<routine> so that clang
// never turns a loop of strlen.c into a call to strlen (itself). Not
// -fno-builtin: qsort's fixed-size memcpy calls must stay loads and stores
// (with calls, the sort ran 3.5x slower).
std::vector<std::string> compile_command(const detail::Compiler& clang, const target::Target& t,
                                         const fs::path& sysroot, const Routine& routine,
                                         const fs::path& input, const fs::path& output) {
  const target::Row& row = detail::baseline_row(t);
  std::vector<std::string> cmd{clang.cc, "--target=" + std::string(row.triple_musl),
                               "--sysroot=" + sysroot.string()};
  for (auto flag : util::split(row.cflags, ' '))
    if (!flag.empty()) cmd.emplace_back(flag);
  for (const char* f :
       {"-std=c11", "-O2", "-ffunction-sections", "-fdata-sections", "-Wall", "-Wextra", "-Werror"})
    cmd.emplace_back(f);
  cmd.push_back("-fno-builtin-" + std::string(routine.name));
  cmd.insert(cmd.end(), {"-c", input.string(), "-o", output.string()});
  return cmd;
}

LibcRoutinesInstalled build_routines_locked(const store::Store& store, const target::Target& t,
                                            const detail::Compiler& clang, const fs::path& sysroot,
                                            const fs::path& failed_log, util::Progress& progress) {
  std::string name = store::sysroot_name(t);
  fs::create_directories(store.runtimes_dir());
  detail::Scratch scratch(store.runtimes_dir(), store::Store::temp_prefix("libc-" + name), failed_log);
  auto start = std::chrono::steady_clock::now();
  std::string version = sources_digest();
  progress.step(fmt::format("building xstatic's libc routines ({}) for {} with clang {} (once per target)",
                            version, t.describe(), clang.version));
  fs::path src = scratch.dir() / "src";
  fs::create_directories(src);
  for (const auto& f : sources()) std::ofstream(src / f.name, std::ios::binary) << f.content;

  std::vector<std::string> ar{detail::llvm_tool(clang, "llvm-ar"), "rcsD",
                              (scratch.install() / "lib/libxstatic_libc.a").string()};
  for (const Routine* r : routines_of(t)) {
    fs::path object = scratch.dir() / (std::string(r->name) + ".o");
    detail::run_step(compile_command(clang, t, sysroot, *r, src / r->file, object), scratch.log(),
                     "compiling " + std::string(r->file) + " for " + t.describe());
    ar.push_back(object.string());
  }
  fs::create_directories(scratch.install() / "lib");
  detail::run_step(ar, scratch.log(), "archiving xstatic's libc routines for " + t.describe());

  fs::path final_dir = root_of(store, t, clang.major);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Entry entry{t.go_name(),   std::string(detail::baseline_row(t).triple_musl),
              name,          clang.major,
              clang.version, "",
              final_dir,     Kind::libc_routines,
              version};
  fs::rename(scratch.log(), scratch.install() / "build.log");
  detail::write_manifest(scratch.install() / store::kManifestName, entry, seconds);
  fs::create_directories(final_dir.parent_path());
  fs::remove_all(final_dir);  // a folder without a manifest is an unfinished copy
  fs::rename(scratch.install(), final_dir);
  scratch.succeeded();
  std::error_code ec;
  fs::remove(failed_log, ec);  // an earlier failure is over
  progress.done(fmt::format("xstatic's libc routines for {} built in {:.1f} s: {}", t.describe(), seconds,
                            final_dir.string()));
  return {final_dir, final_dir / "lib/libxstatic_libc.a", version, true};
}

}  // namespace

std::optional<LibcRoutines> parse_libc_routines(std::string_view name) {
  if (name == "xstatic") return LibcRoutines::xstatic;
  if (name == "musl" || name == "libc") return LibcRoutines::libc;
  return std::nullopt;
}

std::string libc_routines_version() {
  return sources_digest();
}

std::vector<std::string> libc_routines_for(const target::Target& t) {
  std::vector<std::string> out;
  for (const Routine* r : routines_of(t)) out.emplace_back(r->name);
  return out;
}

std::optional<LibcRoutinesInstalled> find_libc_routines(const store::Store& store, const target::Target& t,
                                                        int clang_major) {
  fs::path root = root_of(store, t, clang_major);
  std::error_code ec;
  if (!fs::exists(root / store::kManifestName, ec)) return std::nullopt;
  return LibcRoutinesInstalled{root, root / "lib/libxstatic_libc.a", sources_digest(), false};
}

LibcRoutinesInstalled build_libc_routines(const store::Store& given_store, const target::Target& t,
                                          util::Progress& progress, const BuildOptions& options) {
  if (routines_of(t).empty())
    throw Error("xstatic's libc routines are built for Linux musl targets on amd64 and arm64; " +
                    t.describe() + " keeps its C library's",
                {}, Exit::usage);
  const store::Store store(fs::absolute(given_store.root()));
  detail::Compiler clang = detail::compiler_for(store, options.clang);
  if (auto built = find_libc_routines(store, t, clang.major)) return *built;
  auto sysroot = sysroot::find(store, t);
  if (!sysroot)
    throw Error("sysroot for " + t.describe() + " is not installed (the libc routines are built against it)",
                sysroot::install_command(t), Exit::missing);
  util::FileLock lock(
      store.locks_dir() /
          (build_name(Kind::libc_routines, clang.major, Variant::standard, store::sysroot_name(t)) + ".lock"),
      [&] {
        progress.step("waiting for another xstatic that is building libc routines for " + t.describe());
      });
  if (auto built = find_libc_routines(store, t, clang.major)) return *built;  // built while we waited
  fs::path failed_log = routines_failed_log(store, t, clang.major);
  return detail::naming_log(failed_log, "building xstatic's libc routines for " + t.describe(), [&] {
    return build_routines_locked(store, t, clang, *sysroot, failed_log, progress);
  });
}

}  // namespace xstatic::runtimes
