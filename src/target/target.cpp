#include "xstatic/target/target.hpp"

#include <llvm/TargetParser/Host.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>
#include <cstdlib>

#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::target {
namespace {

// Platforms Go builds for that xstatic does not, each with why: a build
// engineer coming from GOOS/GOARCH learns that the name is right and the
// platform is missing, not that it is misspelt. "*": every GOARCH of that
// GOOS. `because` says which sentence `why` completes.
enum class GoOnlyBecause : std::uint8_t {
  debian,  // Debian 12's packages lack it: `why` says how
  no_os,   // an OS xstatic has no sysroot for at all (`why` empty)
  other,   // `why` is the whole reason
};
struct GoOnly {
  std::string_view goos, goarch;
  GoOnlyBecause because;
  std::string_view why;
};
constexpr GoOnly kGoOnly[] = {
    {"linux", "riscv64", GoOnlyBecause::debian, "has no riscv64 port (Debian 13, trixie, has one)"},
    {"linux", "loong64", GoOnlyBecause::debian, "has no loong64 port"},
    {"linux", "mips", GoOnlyBecause::debian,
     "builds no big-endian mips packages (its mips port is little-endian: linux/mipsle)"},
    {"linux", "mips64", GoOnlyBecause::debian,
     "builds no big-endian mips64 packages (linux/mips64le is its port)"},
    {"linux", "ppc64", GoOnlyBecause::debian,
     "builds no big-endian ppc64 packages (linux/ppc64le is its port)"},
    {"windows", "arm64", GoOnlyBecause::other,
     "mingw-w64 in Debian 12 has no ARM runtime (windows/386 and windows/amd64 are built)"},
    {"windows", "arm", GoOnlyBecause::other,
     "mingw-w64 in Debian 12 has no ARM runtime (windows/386 and windows/amd64 are built)"},
    {"android", "*", GoOnlyBecause::other,
     "Android needs its NDK's sysroot and bionic, which xstatic does not import"},
    {"ios", "*", GoOnlyBecause::other,
     "iOS needs Apple's iOS SDK, which xstatic does not import (macOS: darwin/amd64, darwin/arm64)"},
    {"js", "wasm", GoOnlyBecause::other, "js/wasm is Go's browser target; for a WASI module use wasip1/wasm"},
    {"freebsd", "*", GoOnlyBecause::no_os, ""},
    {"netbsd", "*", GoOnlyBecause::no_os, ""},
    {"openbsd", "*", GoOnlyBecause::no_os, ""},
    {"dragonfly", "*", GoOnlyBecause::no_os, ""},
    {"solaris", "*", GoOnlyBecause::no_os, ""},
    {"illumos", "*", GoOnlyBecause::no_os, ""},
    {"aix", "*", GoOnlyBecause::no_os, ""},
    {"plan9", "*", GoOnlyBecause::no_os, ""},
};

std::string go_only_reason(const GoOnly& g) {
  switch (g.because) {
    case GoOnlyBecause::debian:
      return "Debian 12 (bookworm), whose packages make xstatic's Linux sysroots, " + std::string(g.why);
    case GoOnlyBecause::no_os:
      return "xstatic builds for Linux (Debian's packages), Windows (mingw-w64), macOS (your SDK) and WASI: "
             "there is no sysroot for " +
             std::string(g.goos);
    case GoOnlyBecause::other:
      break;
  }
  return std::string(g.why);
}

std::string unknown_target_message(std::string_view spec) {
  std::string msg = "unknown target '" + std::string(spec) + "'";
  auto parts = util::split(spec, '/');
  if (parts.size() >= 2) {
    for (const auto& g : kGoOnly)
      if (g.goos == parts[0] && (g.goarch == "*" || g.goarch == parts[1]))
        return msg + ": Go builds for " + std::string(parts[0]) + "/" + std::string(parts[1]) +
               ", xstatic does not: " + go_only_reason(g);
  }
  auto close = suggest(spec);
  if (!close.empty()) msg += ": did you mean " + util::join(close, " or ") + "?";
  return msg;
}

// Why a spelling names no target. The parsers fill it instead of throwing,
// so that try_parse (program names, manifests) costs no exception; parse()
// turns it into the Error. An unknown name's suggestions are only computed there.
struct Failure {
  std::string what;  // empty with `unknown`: "unknown target ..., did you mean ..."
  std::string hint = "run 'xstatic targets' to list every target";
  bool unknown = false;
};

std::vector<const Row*> rows_for(std::string_view goos, std::string_view goarch) {
  std::vector<const Row*> out;
  for (const auto& row : table())
    if (row.goos == goos && row.goarch == goarch) out.push_back(&row);
  return out;
}

const Row* default_row(const std::vector<const Row*>& rows) {
  for (const Row* r : rows)
    if (r->default_variant) return r;
  return rows.empty() ? nullptr : rows.front();
}

std::string variants_of(const std::vector<const Row*>& rows) {
  std::vector<std::string> names;
  for (const Row* r : rows)
    if (!r->variant.empty()) names.emplace_back(r->variant);
  return names.empty() ? std::string("none") : util::join(names, ", ");
}

// "7" and "v7" name the same variant; arm64's only variant is Docker's "v8".
const Row* pick_variant(const std::vector<const Row*>& rows, std::string_view variant, std::string_view spec,
                        Failure& why) {
  std::string wanted = variant.starts_with('v') ? std::string(variant) : "v" + std::string(variant);
  for (const Row* r : rows)
    if (r->variant == wanted) return r;
  if (rows.front()->goarch == "arm64" && wanted == "v8") return default_row(rows);
  why.what = "target '" + std::string(spec) + "' has an unknown variant '" + std::string(variant) + "' (" +
             std::string(rows.front()->goos) + "/" + std::string(rows.front()->goarch) +
             " variants: " + variants_of(rows) + ")";
  return nullptr;
}

std::optional<Libc> resolve_libc(const Row& row, std::optional<Libc> wanted, std::optional<Libc> from_triple,
                                 std::string_view spec, Failure& why) {
  if (wanted && from_triple && *wanted != *from_triple) {
    why = {"--libc " + std::string(libc_name(*wanted)) + " conflicts with target '" + std::string(spec) +
               "', which names " + std::string(libc_name(*from_triple)),
           {}};
    return std::nullopt;
  }
  Libc libc = wanted ? *wanted : from_triple ? *from_triple : default_libc(row);
  if (!(row.libcs & libc_bit(libc))) {
    Target t{&row, default_libc(row)};
    why = {"target " + t.go_name() + " does not support libc '" + std::string(libc_name(libc)) +
               "' (it uses " + std::string(libc_name(default_libc(row))) + ")",
           {}};
    return std::nullopt;
  }
  return libc;
}

std::optional<Target> with_libc(const Row* row, std::optional<Libc> wanted, std::optional<Libc> from_triple,
                                std::string_view spec, Failure& why) {
  if (!row) return std::nullopt;
  auto libc = resolve_libc(*row, wanted, from_triple, spec, why);
  if (!libc) return std::nullopt;
  return Target{row, *libc};
}

std::optional<Target> parse_platform(std::string_view spec, std::optional<Libc> libc, Failure& why) {
  auto parts = util::split(spec, '/');
  why.unknown = true;
  if (parts.size() > 3 || std::any_of(parts.begin(), parts.end(), [](auto p) { return p.empty(); }))
    return std::nullopt;
  auto rows = rows_for(parts[0], parts[1]);
  if (rows.empty()) return std::nullopt;
  why.unknown = false;
  const Row* row = parts.size() == 3 ? pick_variant(rows, parts[2], spec, why) : default_row(rows);
  return with_libc(row, libc, std::nullopt, spec, why);
}

std::string_view goarch_of(const llvm::Triple& t) {
  switch (t.getArch()) {
    case llvm::Triple::x86_64:
      return "amd64";
    case llvm::Triple::x86:
      return "386";
    case llvm::Triple::aarch64:
      return "arm64";
    case llvm::Triple::arm:
      return "arm";
    case llvm::Triple::mips64el:
      return "mips64le";
    case llvm::Triple::mipsel:
      return "mipsle";
    case llvm::Triple::ppc64le:
      return "ppc64le";
    case llvm::Triple::systemz:
      return "s390x";
    case llvm::Triple::wasm32:
      return "wasm";
    default:
      return "";
  }
}

std::string_view goos_of(const llvm::Triple& t) {
  if (t.isOSLinux()) return "linux";
  if (t.isOSWindows()) return "windows";
  if (t.isOSDarwin()) return "darwin";
  if (t.isOSWASI() || t.isWasm()) return "wasip1";
  return "";
}

std::optional<Libc> libc_of(const llvm::Triple& t) {
  if (t.isMusl()) return Libc::musl;
  if (t.isGNUEnvironment() && t.isOSLinux()) return Libc::glibc;
  return std::nullopt;
}

std::string_view arm_variant_of(const llvm::Triple& t) {
  switch (t.getSubArch()) {
    case llvm::Triple::ARMSubArch_v7:
      return "v7";
    case llvm::Triple::ARMSubArch_v6:
    case llvm::Triple::ARMSubArch_v6k:
      return "v6";
    case llvm::Triple::ARMSubArch_v5:
    case llvm::Triple::ARMSubArch_v5te:
      return "v5";
    default:
      // Debian's arm-linux-gnueabihf is ARMv7; plain "arm" with soft float is armel (v5).
      return t.getEnvironment() == llvm::Triple::GNUEABIHF || t.getEnvironment() == llvm::Triple::MuslEABIHF
                 ? "v7"
                 : "v5";
  }
}

// nullopt with an empty `why` when `spec` is no triple of a known target.
std::optional<Target> parse_triple(std::string_view spec, std::optional<Libc> libc, Failure& why) {
  if (std::count(spec.begin(), spec.end(), '-') < 1) return std::nullopt;
  llvm::Triple t(llvm::Triple::normalize(llvm::StringRef(spec.data(), spec.size())));
  auto goos = goos_of(t);
  auto goarch = goarch_of(t);
  if (goos.empty() || goarch.empty()) return std::nullopt;
  auto rows = rows_for(goos, goarch);
  if (rows.empty()) return std::nullopt;
  const Row* row = default_row(rows);
  if (goarch == "arm") row = pick_variant(rows, arm_variant_of(t), spec, why);
  return with_libc(row, libc, libc_of(t), spec, why);
}

std::optional<Target> parse_or_why(std::string_view spec, std::optional<Libc> libc, Failure& why) {
  if (spec.empty()) {
    why = {"empty target", "give one such as linux/arm64; run 'xstatic targets' to list them"};
    return std::nullopt;
  }
  if (spec.find('/') != std::string_view::npos) return parse_platform(spec, libc, why);
  auto t = parse_triple(spec, libc, why);
  if (!t && why.what.empty()) why.unknown = true;
  return t;
}

}  // namespace

std::string Target::go_name() const {
  std::string name = std::string(row->goos) + "/" + std::string(row->goarch);
  if (!row->variant.empty() && row->variant != "v1") name += "/" + std::string(row->variant);
  return name;
}

std::string_view Target::triple() const {
  return libc_info(libc).musl_triple ? row->triple_musl : row->triple_gnu;
}

std::string_view Target::libc_name() const {
  return target::libc_name(libc);
}

std::string Target::describe() const {
  std::string floor = glibc ? " " + std::string(glibc->version) : "";
  return go_name() + " (" + std::string(libc_name()) + floor + ")";
}

std::string_view libc_name(Libc libc) {
  return libc_info(libc).name;
}

std::optional<Libc> parse_libc(std::string_view name) {
  for (const auto& info : libcs())
    if (name == info.name) return info.libc;
  if (name == "gnu") return Libc::glibc;
  return std::nullopt;
}

std::optional<Libc> libc_option(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (auto libc = parse_libc(value)) return libc;
  throw Error("unknown libc '" + std::string(value) + "' in --libc",
              "use --libc musl or --libc glibc (mingw, darwin and wasi come with their targets)",
              Exit::usage);
}

std::uint8_t libc_bit(Libc libc) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(libc));
}

Libc default_libc(const Row& row) {
  for (const auto& info : libcs())
    if (row.libcs & libc_bit(info.libc)) return info.libc;
  return Libc::musl;
}

Environment Environment::from_process() {
  auto get = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
  return {get("GOOS"), get("GOARCH"), get("GOARM"), get("GOAMD64")};
}

Target parse(std::string_view spec, std::optional<Libc> libc) {
  // zig's "x86_64-linux-gnu.2.31": the triple, then its glibc floor.
  if (auto floored = split_glibc_suffix(spec))
    return with_glibc_floor(parse(floored->spec, libc), floored->version);
  Failure why;
  if (auto t = parse_or_why(spec, libc, why)) return *t;
  throw Error(why.unknown ? unknown_target_message(spec) : why.what, why.hint);
}

std::optional<Target> try_parse(std::string_view spec, std::optional<Libc> libc) {
  if (split_glibc_suffix(spec)) {
    try {
      return parse(spec, libc);
    } catch (const Error&) {
      return std::nullopt;
    }
  }
  Failure why;
  return parse_or_why(spec, libc, why);
}

std::optional<Target> from_environment(const Environment& env, std::optional<Libc> libc) {
  if (!env.goos && !env.goarch) return std::nullopt;
  Target h = host();
  std::string goos = env.goos ? *env.goos : std::string(h.row->goos);
  std::string goarch = env.goarch ? *env.goarch : std::string(h.row->goarch);
  std::string spec = goos + "/" + goarch;
  // Go exports every `go env` setting to the C compiler (GOAMD64=v1 with
  // GOARCH=amd64, GOARM, GO386, GOMIPS, GOPPC64, ...). A level picks a row
  // only where the table has variants for that OS and arch; anywhere else
  // (GO386, GOMIPS, GOPPC64, GOAMD64 for darwin) it is Go's own choice.
  std::optional<std::string> variant;
  if (goarch == "arm" && env.goarm) {
    // Go 1.22 allows GOARM=7,softfloat; the float ABI is the row's.
    variant = "v" + std::string(util::split(*env.goarm, ',').front());
  } else if (goarch == "amd64" && env.goamd64) {
    variant = *env.goamd64;
  }
  auto rows = rows_for(goos, goarch);
  bool has_variants = std::any_of(rows.begin(), rows.end(), [](const Row* r) { return !r->variant.empty(); });
  if (variant && has_variants) spec += "/" + *variant;
  try {
    return parse(spec, libc);
  } catch (const Error& e) {
    throw e.with_context("", " (from GOOS/GOARCH in the environment)");
  }
}

std::optional<ProgramName> from_program_name(std::string_view argv0) {
  auto slash = argv0.rfind('/');
  std::string_view base = slash == std::string_view::npos ? argv0 : argv0.substr(slash + 1);
  auto dash = base.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::string_view prefix = base.substr(0, dash);
  std::string tool(base.substr(dash + 1));
  // Go form with dashes: linux-arm64-cc, linux-arm-v7-cc.
  for (const auto& row : table()) {
    if (!prefix.starts_with(row.goos) || prefix.size() <= row.goos.size() || prefix[row.goos.size()] != '-')
      continue;
    std::string spec(prefix);
    std::replace(spec.begin(), spec.end(), '-', '/');
    if (auto t = try_parse(spec)) return ProgramName{*t, tool};
    return std::nullopt;
  }
  Failure why;
  // A floored triple (x86_64-linux-gnu.2.31-cc, the launchers of a floor):
  // a floor no release has is an error, not another program's name.
  if (auto floored = split_glibc_suffix(prefix)) {
    if (auto t = parse_triple(floored->spec, std::nullopt, why))
      return ProgramName{with_glibc_floor(*t, floored->version), tool};
    return std::nullopt;
  }
  if (auto t = parse_triple(prefix, std::nullopt, why)) return ProgramName{*t, tool};
  return std::nullopt;
}

Target resolve(std::optional<std::string_view> explicit_spec, std::optional<Libc> libc,
               const Environment& env, const std::optional<Target>& named) {
  if (explicit_spec) return parse(*explicit_spec, libc);
  if (named) {
    if (!libc || *libc == named->libc) return *named;
    return parse(named->go_name(), libc);
  }
  if (auto t = from_environment(env, libc)) return *t;
  return host(libc);
}

Target host(std::optional<Libc> libc) {
  llvm::Triple t(llvm::sys::getProcessTriple());
  auto rows = rows_for(goos_of(t), goarch_of(t));
  if (rows.empty()) throw Error("this host (" + t.str() + ") is not a known target", {}, Exit::internal);
  Failure why;
  if (auto host = with_libc(default_row(rows), libc, std::nullopt, "host", why)) return *host;
  throw Error(why.what, why.hint);
}

const Row* find_by_elf(std::uint16_t machine, bool is_64bit, bool little_endian) {
  const Row* found = nullptr;
  for (const auto& row : table()) {
    if (row.format != ObjectFormat::elf || row.elf_machine != machine || row.is_64bit != is_64bit ||
        row.little_endian != little_endian)
      continue;
    if (!found || row.default_variant) found = &row;
    if (row.default_variant) break;
  }
  return found;
}

std::vector<std::string> all_names() {
  std::vector<std::string> names;
  for (const auto& row : table()) names.push_back(Target{&row, default_libc(row)}.go_name());
  return names;
}

std::vector<std::string> suggest(std::string_view wrong, std::size_t limit) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  std::string lower = util::to_lower(wrong);
  std::string letters = lower;
  std::sort(letters.begin(), letters.end());
  const std::size_t limit_score = 2 * std::max<std::size_t>(2, lower.size() / 3);
  // Doubled so that a same-letters candidate (a swap, the commonest typo)
  // wins a tie: "amr64" is nearer arm64 than amd64. A name whose length
  // alone puts it out of reach is not compared (the distance is at least
  // the difference in length), so a long wrong spelling costs no more than
  // a short one.
  auto score_of = [&](std::string_view name) -> std::size_t {
    std::size_t gap = lower.size() > name.size() ? lower.size() - name.size() : name.size() - lower.size();
    if (2 * gap > limit_score + 1) return limit_score + 1;
    std::string y(name);
    std::sort(y.begin(), y.end());
    return 2 * util::edit_distance(lower, name) - (letters == y ? 1 : 0);
  };
  for (const auto& row : table()) {
    Target t{&row, default_libc(row)};
    std::size_t best = score_of(t.go_name());
    for (auto triple : {row.triple_musl, row.triple_gnu})
      if (!triple.empty()) best = std::min(best, score_of(triple));
    if (best <= limit_score) scored.emplace_back(best, t.go_name());
  }
  std::stable_sort(scored.begin(), scored.end(), [](auto& a, auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& entry : scored) {
    if (out.size() == limit) break;
    if (std::find(out.begin(), out.end(), entry.second) == out.end()) out.push_back(entry.second);
  }
  return out;
}

}  // namespace xstatic::target
