// glibc floors: the oldest glibc a program built for a glibc target runs on.
//
// A floor is a Debian release, as data: its sysroot is that release's
// libc6-dev (and gcc's runtime of that release), so the headers declare
// only what that glibc has and the libraries export only its symbol
// versions. Nothing is faked: a function newer than the floor is an
// undeclared identifier, exactly as on that system (docs/glibc.md).
//
// Spellings: `--glibc 2.31`, and zig's triple suffix `x86_64-linux-gnu.2.31`
// (so `-target aarch64-linux-gnu.2.31` works in CC). The default glibc
// sysroot (no floor) is the host release's, bookworm's 2.36; naming 2.36
// names that same sysroot.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "xstatic/target/target.hpp"

namespace xstatic::target {

struct GlibcRelease {
  std::string_view version;  // "2.31": the glibc of that Debian release
  std::string_view debian;   // "bullseye": the release whose packages make its sysroot
  bool is_default;           // the release of the default glibc sysroot (no floor asked)
};

// Every floor, oldest first.
std::span<const GlibcRelease> glibc_releases();
// The release of the default glibc sysroot (bookworm, 2.36).
const GlibcRelease& default_glibc_release();
// The release whose glibc is `version` exactly, else nullptr.
const GlibcRelease* find_glibc_release(std::string_view version);
// "2.31 (bullseye), 2.36 (bookworm), 2.41 (trixie)": for messages.
std::string glibc_floors_list();

// The floor a target runs on: its release's glibc, the default release's
// when it has none; nullopt for a libc without floors (musl, mingw, ...).
std::optional<std::string_view> glibc_floor_of(const Target& t);

// The triple with the floor in zig's spelling, "x86_64-linux-gnu.2.31"; the
// plain triple for a target without a floor. The launchers of a floor carry
// it (x86_64-linux-gnu.2.31-cc), so a build system's compiler keeps it.
std::string floored_triple(const Target& t);

// Splits zig's spelling: "x86_64-linux-gnu.2.31" -> {"x86_64-linux-gnu",
// "2.31"}; nullopt when `spec` has no ".<digits>..." suffix on its last
// dash-separated component.
struct FlooredSpec {
  std::string_view spec;
  std::string_view version;
};
std::optional<FlooredSpec> split_glibc_suffix(std::string_view spec);

// `t` with the floor `version` (from --glibc or a triple's suffix). Throws
// xstatic::Error (Exit::usage) for a libc without floors (musl), for a
// malformed version, and for a version no Debian release has (naming the
// floors there are, and the nearest one that works: a newer release runs on
// fewer systems, an older one is not provisioned). The default release's
// version gives `t` without a floor (the same sysroot).
Target with_glibc_floor(Target t, std::string_view version);

}  // namespace xstatic::target
