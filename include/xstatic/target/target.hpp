// The target model: every target xstatic knows, as one table of data, and the
// parsers that turn what a user writes (Go form, Docker platform, GOOS/GOARCH,
// LLVM triple, argv[0] prefix) into a row of that table plus a libc.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::target {

enum class Libc : std::uint8_t { musl, glibc, mingw, darwin, wasi };
enum class ObjectFormat : std::uint8_t { elf, macho, coff, wasm };

// Bit set of the libcs / languages a row supports.
enum LibcMask : std::uint8_t {
  kMusl = 1 << 0,
  kGlibc = 1 << 1,
  kMingw = 1 << 2,
  kDarwin = 1 << 3,
  kWasi = 1 << 4,
};
enum LangMask : std::uint8_t { kC = 1 << 0, kCxx = 1 << 1 };

struct Row {
  std::string_view goos;         // "linux"
  std::string_view goarch;       // "arm64"
  std::string_view variant;      // GOARM / GOAMD64 level ("7", "v3"); "" when the arch has none
  bool default_variant;          // the row chosen when no variant is given
  std::string_view triple_musl;  // LLVM triple for musl ("" when unsupported)
  std::string_view triple_gnu;   // LLVM triple for glibc, or the only triple for mingw/darwin/wasi
  std::string_view debian_arch;  // Debian architecture of the sysroot packages ("" for none)
  ObjectFormat format;
  std::uint16_t elf_machine;  // ELF e_machine (EM_*) or 0 for other formats
  bool is_64bit;
  bool little_endian;
  std::string_view qemu;    // qemu-user binary that runs it on another host ("" for none)
  std::uint8_t libcs;       // LibcMask
  std::uint8_t languages;   // LangMask
  std::string_view cflags;  // extra -march/-mfpu/-mfloat-abi flags this variant implies
};

// The whole table, in a stable order (OS, then arch, then variant).
std::span<const Row> table();

struct GlibcRelease;  // xstatic/target/glibc_floor.hpp

// A row and the libc chosen for it (and, for glibc, its floor).
struct Target {
  const Row* row = nullptr;
  Libc libc = Libc::musl;
  // A glibc floor other than the default sysroot's (bullseye's 2.31); nullptr
  // for the default release and for other libcs (xstatic/target/glibc_floor.hpp).
  const GlibcRelease* glibc = nullptr;

  std::string go_name() const;         // "linux/arm64", "linux/arm/v7", "linux/amd64/v3"
  std::string_view triple() const;     // the LLVM triple for this libc
  std::string_view libc_name() const;  // "musl", "glibc", ...
  std::string describe()
      const;  // "linux/arm64 (musl)", "linux/amd64 (glibc 2.31)": how messages name a target
  bool operator==(const Target& other) const = default;
};

std::string_view libc_name(Libc libc);
std::string_view format_name(ObjectFormat format);  // "elf", "macho", "pe", "wasm"
std::optional<Libc> parse_libc(std::string_view name);
// The value of a user's --libc option: nullopt when empty (the target decides);
// throws xstatic::Error (Exit::usage) naming the libcs on an unknown value.
std::optional<Libc> libc_option(std::string_view value);
std::uint8_t libc_bit(Libc libc);
Libc default_libc(const Row& row);  // musl on Linux, the only libc elsewhere

// Environment variables that the parsers read, gathered once so that tests
// can pass their own. Go exports all of `go env` to a cgo compiler; of the
// architecture levels only GOARM and GOAMD64 name rows of the table (GO386,
// GOMIPS, GOMIPS64, GOPPC64, GOWASM, GOARM64 change Go's code, not the C
// target), and a level for an OS/arch without variant rows is ignored.
struct Environment {
  std::optional<std::string> goos, goarch, goarm, goamd64;
  static Environment from_process();
};

// Parses a Go/Docker platform ("linux/arm64", "linux/arm/v7", "linux/amd64/v3",
// "linux/arm64/v8") or an LLVM triple ("aarch64-linux-musl", "x86_64-w64-mingw32").
// `libc` overrides the libc when given; a triple otherwise decides it.
// Throws xstatic::Error naming the closest known targets on failure.
Target parse(std::string_view spec, std::optional<Libc> libc = std::nullopt);

// The same where failing is expected (program names, manifests, lists):
// nullopt instead of an exception.
std::optional<Target> try_parse(std::string_view spec, std::optional<Libc> libc = std::nullopt);

// GOOS/GOARCH (+GOARM/GOAMD64) from the environment; nullopt when GOOS and
// GOARCH are both unset. Throws on invalid values.
std::optional<Target> from_environment(const Environment& env, std::optional<Libc> libc = std::nullopt);

// A target carried as a prefix on a program name: "aarch64-linux-musl-cc",
// "x86_64-linux-gnu-c++", "linux-arm64-cc", "linux-arm-v7-gcc". Returns the
// target and the tool name after the prefix ("cc"), or nullopt.
struct ProgramName {
  Target target;
  std::string tool;
};
std::optional<ProgramName> from_program_name(std::string_view argv0);

// Picks the target in the documented order: an explicit --target, else a
// target prefix on argv[0], else GOOS/GOARCH from the environment, else the
// host. A program name such as aarch64-linux-musl-cc is as explicit as
// --target: a GOARCH left in the environment for Go builds must not turn it
// into an x86-64 compiler. The command line wins without a warning, as
// compiler flags do over CFLAGS.
// `named` is from_program_name(argv[0])'s target, read once by the caller.
Target resolve(std::optional<std::string_view> explicit_spec, std::optional<Libc> libc,
               const Environment& env, const std::optional<Target>& named);

// The machine xstatic runs on (linux/amd64 here), musl unless told otherwise.
Target host(std::optional<Libc> libc = std::nullopt);

// The target matching an ELF header (for `xstatic run` and `inspect`).
const Row* find_by_elf(std::uint16_t machine, bool is_64bit, bool little_endian);

// Up to `limit` known target names closest to a misspelled one.
std::vector<std::string> suggest(std::string_view wrong, std::size_t limit = 3);

// Every target name users may type (Go names, with variants).
std::vector<std::string> all_names();

}  // namespace xstatic::target
