// mimalloc for musl targets: one compile of mimalloc's static.c (its whole
// allocator in one translation unit, as its own CMake build makes its
// "mimalloc-obj" target) plus the note naming it, archived as one member.
// No CMake: a build takes a few seconds.
//
//   lock locks/mimalloc-llvm<major>[-size]-<sysroot>.lock
//   runtimes/.tmp-mimalloc-<sysroot>-<pid>/{install,build.log}
//   clang -c, llvm-ar, manifest.json, then rename install/ ->
//   runtimes/mimalloc-<version>-llvm<major>-r<recipe>[-size]/<sysroot>/ (one step).
// (-size: the variant for links that ask for size, variant.hpp.)
#include "xstatic/runtimes/allocator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "internal.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/notes.hpp"
#include "xstatic/target/os.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::runtimes {
namespace {

std::string kind_prefix() {
  return std::string(kind_info(Kind::mimalloc).folder_prefix);
}

// The revision of how xstatic builds mimalloc (the wrapper and flags below):
// a new one builds anew instead of reusing what an older xstatic built.
constexpr int kAllocatorRecipe = 4;

std::string mimalloc_suffix(int clang_major, Variant variant) {
  return "-llvm" + std::to_string(clang_major) + "-r" + std::to_string(kAllocatorRecipe) +
         std::string(variant_info(variant).folder_suffix);
}

// The name of the lock and of a failed build's log: mimalloc-llvm19[-size]-arm64-musl.
std::string mimalloc_build_name(const target::Target& t, int clang_major, Variant variant) {
  return build_name(Kind::mimalloc, clang_major, variant, store::sysroot_name(t));
}

// "2.0.9" < "2.0.10": compares dotted numbers field by field.
bool version_less(const std::string& a, const std::string& b) {
  auto fields = [](const std::string& v) {
    std::vector<long> out;
    std::size_t i = 0;
    while (i < v.size()) {
      std::size_t end = v.find('.', i);
      out.push_back(std::strtol(v.substr(i, end - i).c_str(), nullptr, 10));
      if (end == std::string::npos) break;
      i = end + 1;
    }
    return out;
  };
  return fields(a) < fields(b);
}

// The C file compiled: mimalloc's static.c, aligned_alloc, and the ELF note
// that lets `xstatic inspect` name the allocator in a stripped binary.
//
// aligned_alloc: mimalloc 2.0.9 defines it only under glibc's __USE_ISOC11,
// so on musl the program would get musl's aligned_alloc (mallocng memory)
// and free it with mimalloc's free: a crash, caught by the malloc_mix test.
//
// The note: lld keeps SHT_NOTE sections under --gc-sections and -s, and it
// sits in the same object as malloc, so it is in a binary exactly when
// mimalloc is.
std::string wrapper_source(const fs::path& patched, const std::string& version) {
  std::string desc = "mimalloc " + version;
  return "/* mimalloc " + version + " for a musl target, built by xstatic */\n" + "#include \"" +
         (patched / "src/static.c").string() + "\"\n" +
         "#if !__USE_ISOC11\n"
         "void* aligned_alloc(size_t alignment, size_t size) { return mi_aligned_alloc(alignment, size); }\n"
         "#endif\n" +
         "__asm__(\".pushsection " + std::string(target::kAllocatorNoteSection) + ",\\\"a\\\",%note\\n\"\n" +
         "        \".balign 4\\n\"\n"
         "        \".long " +
         std::to_string(target::kNoteName.size() + 1) + "\\n\"\n" + "        \".long " +
         std::to_string(desc.size() + 1) + "\\n\"\n" + "        \".long " +
         std::to_string(target::kAllocatorNoteType) + "\\n\"\n" + "        \".asciz \\\"" +
         std::string(target::kNoteName) + "\\\"\\n\"\n" +
         "        \".balign 4\\n\"\n"
         "        \".asciz \\\"" +
         desc + "\\\"\\n\"\n" +
         "        \".balign 4\\n\"\n"
         "        \".popsection\\n\");\n";
}

// The flags of mimalloc's own CMake release build (CMakeLists.txt: NDEBUG,
// MI_MALLOC_OVERRIDE, -fno-builtin-malloc, initial-exec TLS, hidden
// visibility), plus sections per function so that --gc-sections drops what
// a program never calls, and -O2 where mimalloc says -O3: measured with
// callgrind on bench/programs (alloc_single, alloc_threads 2), -O2 runs the
// same instructions as -O3 (985.0M vs 985.0M, 687.2M vs 687.1M) in 5.4 KB
// less; -Os saves 19 KB but runs 1.4-3.7% more. The size variant trades that
// speed for bytes (its flags: variant.cpp).
std::vector<std::string> compile_command(const detail::Compiler& clang, const target::Target& t,
                                         const fs::path& sysroot, const fs::path& src, const fs::path& input,
                                         const fs::path& output, Variant variant) {
  const target::Row& row = detail::baseline_row(t);
  std::vector<std::string> cmd{clang.cc, "--target=" + std::string(row.triple_musl),
                               "--sysroot=" + sysroot.string()};
  for (auto flag : util::split(row.cflags, ' '))
    if (!flag.empty()) cmd.emplace_back(flag);
  const VariantInfo& v = variant_info(variant);
  for (auto flag : util::split(v.mimalloc_flags, ' '))
    if (!flag.empty()) cmd.emplace_back(flag);
  for (auto flag : util::split(v.extra_flags, ' '))
    if (!flag.empty()) cmd.emplace_back(flag);
  for (const char* f : {"-DNDEBUG", "-DMI_MALLOC_OVERRIDE", "-fno-builtin-malloc", "-ftls-model=initial-exec",
                        "-fvisibility=hidden", "-ffunction-sections", "-fdata-sections", "-w"})
    cmd.emplace_back(f);
  cmd.push_back("-I" + (src / "include").string());
  cmd.insert(cmd.end(), {"-c", input.string(), "-o", output.string()});
  return cmd;
}

fs::path mimalloc_failed_log(const store::Store& store, const target::Target& t, int clang_major,
                             Variant variant) {
  return store.logs_dir() / (mimalloc_build_name(t, clang_major, variant) + ".log");
}

AllocatorInstalled build_mimalloc_locked(const store::Store& store, const target::Target& t,
                                         const BuildOptions& options, const detail::Compiler& clang,
                                         const fs::path& sysroot, const fs::path& failed_log,
                                         util::Progress& progress) {
  std::string name = store::sysroot_name(t);
  fs::create_directories(store.runtimes_dir());
  detail::Scratch scratch(store.runtimes_dir(), store::Store::temp_prefix("mimalloc-" + name), failed_log);
  auto start = std::chrono::steady_clock::now();
  fs::path src = detail::prepare_mimalloc_source(store, options.mimalloc_src, scratch.log(), progress);
  std::string version = detail::mimalloc_source_version(src);
  const VariantInfo& variant = variant_info(options.variant);
  progress.step(fmt::format("building mimalloc {} ({}) for {} with clang {} (once per target)", version,
                            variant.name, t.describe(), clang.version));

  fs::path wrapper = scratch.dir() / "xstatic_mimalloc.c";
  std::ofstream(wrapper) << wrapper_source(detail::patched_mimalloc_copy(src, scratch.dir()), version);
  fs::path object = scratch.dir() / "mimalloc.o";
  detail::run_step(compile_command(clang, t, sysroot, src, wrapper, object, options.variant), scratch.log(),
                   "compiling mimalloc for " + t.describe());
  fs::create_directories(scratch.install() / "lib");
  detail::run_step({detail::llvm_tool(clang, "llvm-ar"), "rcsD",
                    (scratch.install() / "lib/libmimalloc.a").string(), object.string()},
                   scratch.log(), "archiving mimalloc for " + t.describe());
  std::error_code ec;
  fs::copy_file(src / "LICENSE", scratch.install() / "LICENSE", ec);  // MIT: ship it with what uses it

  fs::path final_dir =
      store.runtimes_dir() / (kind_prefix() + version + mimalloc_suffix(clang.major, options.variant)) / name;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Entry entry{t.go_name(),   std::string(detail::baseline_row(t).triple_musl),
              name,          clang.major,
              clang.version, "",
              final_dir,     Kind::mimalloc,
              version,       std::string(variant.name)};
  fs::rename(scratch.log(), scratch.install() / "build.log");
  detail::write_manifest(scratch.install() / store::kManifestName, entry, seconds);
  fs::create_directories(final_dir.parent_path());
  fs::remove_all(final_dir);  // a folder without a manifest is an unfinished copy
  fs::rename(scratch.install(), final_dir);
  scratch.succeeded();
  fs::remove(failed_log, ec);  // an earlier failure is over
  progress.done(fmt::format("mimalloc {} for {} built in {:.1f} s: {}", version, t.describe(), seconds,
                            final_dir.string()));
  return {final_dir, final_dir / "lib/libmimalloc.a", version, true};
}

}  // namespace

std::optional<Malloc> parse_malloc(std::string_view name) {
  if (name == "auto") return Malloc::automatic;
  if (name == "libc" || name == "musl" || name == "glibc") return Malloc::libc;
  if (name == "mimalloc") return Malloc::mimalloc;
  return std::nullopt;
}

std::string_view malloc_name(Malloc m) {
  switch (m) {
    case Malloc::automatic:
      return "auto";
    case Malloc::libc:
      return "libc";
    case Malloc::mimalloc:
      return "mimalloc";
  }
  return "auto";
}

// armel (ARMv5/v6) and mipsel have no native 64-bit atomics: mimalloc needs
// libatomic there (__atomic_store, __atomic_fetch_add_8), which the musl
// sysroots do not carry. Those keep musl's malloc.
bool mimalloc_supported(const target::Target& t) {
  if (!target::libc_info(t.libc).mimalloc || !target::os_info(*t.row).linux_kernel) return false;
  for (std::string_view arch : {"armel", "mipsel"})
    if (t.row->debian_arch == arch) return false;
  return true;
}

std::optional<AllocatorInstalled> find_mimalloc(const store::Store& store, const target::Target& t,
                                                int clang_major, Variant variant) {
  std::string suffix = mimalloc_suffix(clang_major, variant), name = store::sysroot_name(t);
  std::optional<AllocatorInstalled> best;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(store.runtimes_dir(), ec)) {
    std::string dir = e.path().filename().string();
    if (!dir.starts_with(kind_prefix()) || !dir.ends_with(suffix)) continue;
    std::string version = dir.substr(kind_prefix().size(), dir.size() - kind_prefix().size() - suffix.size());
    fs::path root = e.path() / name;
    if (!fs::exists(root / store::kManifestName, ec)) continue;
    if (!best || version_less(best->version, version))
      best = AllocatorInstalled{root, root / "lib/libmimalloc.a", version, false};
  }
  return best;
}

std::optional<fs::path> recent_mimalloc_failure(const store::Store& store, const target::Target& t,
                                                int clang_major, Variant variant, long within) {
  fs::path log = mimalloc_failed_log(store, t, clang_major, variant);
  std::error_code ec;
  auto when = fs::last_write_time(log, ec);
  if (ec) return std::nullopt;
  auto age =
      std::chrono::duration_cast<std::chrono::seconds>(fs::file_time_type::clock::now() - when).count();
  return age < within ? std::optional<fs::path>(log) : std::nullopt;
}

AllocatorInstalled build_mimalloc(const store::Store& given_store, const target::Target& t,
                                  util::Progress& progress, const BuildOptions& options) {
  if (!mimalloc_supported(t))
    throw Error("mimalloc is built for Linux musl targets only (not armel or mipsel); " + t.describe() +
                    " keeps its C library's allocator",
                {}, Exit::usage);
  const store::Store store(fs::absolute(given_store.root()));
  detail::Compiler clang = detail::compiler_for(store, options.clang);
  if (auto built = find_mimalloc(store, t, clang.major, options.variant)) return *built;
  auto sysroot = sysroot::find(store, t);
  if (!sysroot)
    throw Error("sysroot for " + t.describe() + " is not installed (mimalloc is built against it)",
                sysroot::install_command(t), Exit::missing);
  std::string lock_name = mimalloc_build_name(t, clang.major, options.variant);
  util::FileLock lock(store.locks_dir() / (lock_name + ".lock"), [&] {
    progress.step("waiting for another xstatic that is building mimalloc for " + t.describe());
  });
  if (auto built = find_mimalloc(store, t, clang.major, options.variant))
    return *built;  // built while we waited
  fs::path failed_log = mimalloc_failed_log(store, t, clang.major, options.variant);
  return detail::naming_log(failed_log, "building mimalloc for " + t.describe(), [&] {
    return build_mimalloc_locked(store, t, options, clang, *sysroot, failed_log, progress);
  });
}

}  // namespace xstatic::runtimes
