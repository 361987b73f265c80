// Sysroot recipes: which Debian packages make a sysroot for a libc, and how
// the files inside them are laid out into the tree clang expects. Recipes are
// data (the repository's sysroots/<libc>.json, compiled into the binary).
//
// A layout is an ordered list of rules; the first rule whose `from` matches a
// package member decides where it goes. `from` ending in '/' matches a folder
// and everything below it; otherwise it matches one file. A '*' matches within
// one path component (so "usr/lib/gcc/*/12/libgcc.a" fits every architecture).
// `to: null` drops what matches; members no rule matches are not extracted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/target/target.hpp"

namespace xstatic::sysroot {

struct LayoutRule {
  std::string from;               // pattern, relative to the package root ("usr/include/")
  std::optional<std::string> to;  // destination in the sysroot; nullopt drops the member
};

struct Recipe {
  std::string libc;                   // "musl", "glibc"
  std::vector<std::string> packages;  // Debian package names, in extraction order (later wins)
  std::vector<LayoutRule> layout;
  // Symbolic links made in the sysroot after extraction ("lib" -> "usr/lib"):
  // a /usr-merged release (trixie) ships its libraries under usr/ only, while
  // its linker scripts (libc.so) name /lib/<triple>/libc.so.6, which lld
  // looks for inside the sysroot.
  std::vector<std::pair<std::string, std::string>> links;

  // Where a package member (a relative path without "./") goes in the
  // sysroot, or nullopt when it is not part of the sysroot.
  std::optional<std::string> place(std::string_view member) const;
};

// Parses a recipe; throws xstatic::Error (Exit::internal) naming `origin` when malformed.
Recipe parse_recipe(std::string_view json, std::string_view origin);

// The built-in recipe for a libc that xstatic provisions (musl, glibc), or
// for a glibc floor ("2.31": sysroots/glibc-2.31.json, that Debian release's
// packages; "" for the default release's, sysroots/glibc.json).
Recipe recipe_for(target::Libc libc, std::string_view glibc_floor = {});
// The recipe of a target's sysroot (its floor's for a floored glibc target).
Recipe recipe_for(const target::Target& t);

// Bumped when install lays files out differently for the same recipe text
// (a change in the code, not in sysroots/*.json), so that such sysroots are
// also reinstalled.
inline constexpr int kLayoutVersion = 1;

// "<kLayoutVersion>:<sha256 of the recipe text>": what a manifest records so
// that `sysroot install` can tell a sysroot made by an older recipe.
std::string fingerprint_of(std::string_view recipe_text);
// The fingerprint of the built-in recipe for `libc` (and its floor).
std::string recipe_fingerprint(target::Libc libc, std::string_view glibc_floor = {});

}  // namespace xstatic::sysroot
