// A package recipe: how one library is built from Debian's source package
// for any target, as data (packages/<name>.json, compiled into xstatic).
//
//   {
//     "name": "zlib", "source": "zlib", "revision": 1, "license": "Zlib",
//     "summary": "...", "requires": [],
//     "build": "configure" | "autotools" | "cmake" | "commands",
//     "configure": [...],   extra arguments of the build kind's configure step
//     "steps": [[...], ...] the whole build, for "commands" (and to replace a kind's)
//     "install": [[...]]    what replaces the kind's install step
//     "env": {"NAME": "value"},
//     "vars": {"openssl_target": {"linux/arm64": "linux-aarch64", ...}},
//     "subdir": "expat",     the folder of the source the build runs in (default: its top)
//     "skip_patches": ["90_gnutls.patch"],  Debian patches not applied
//     "autoreconf": true,    regenerate ./configure (Debian's patches touch configure.ac)
//     "libs": ["ssl", "crypto"],             its archives, in link order
//     "system_libs": {"windows": ["ws2_32", "crypt32"]},  the target's own libraries
//                            its archives need after them (keyed as "vars")
//     "defines": {"windows": {"include/curl/curl.h": ["CURL_STATICLIB"]}},  macros
//                            written into installed headers (keyed as "vars"): what
//                            a static library's users must define, defined for them
//     "files": ["include/zlib.h", "lib/libz.a"],  what a build must produce
//     "targets": ["linux"]   the target OSes it supports (default: linux)
//     "aliases": ["libssl-dev"]  names a user may try, for the "did you mean" of an unknown one
//   }
//
// Every string of a step may hold {variables}: {jobs}, {host} (the triple),
// {build} (the host's triple), {destdir} (where `make install` writes; the
// prefix is always /usr), {src}, {toolchain} (the CMake toolchain file),
// {sysroot}, {cc}, {cxx}, {ar}, {ranlib}, {cflags}, and each of "vars" for
// the target (its Go form "linux/arm64", else its OS "linux", else "*").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/target/target.hpp"

namespace xstatic::pkg {

enum class BuildKind : std::uint8_t { configure, autotools, cmake, commands };

struct Recipe {
  std::string name;     // "curl"
  std::string source;   // Debian's source package: "curl"
  int revision = 1;     // how xstatic builds it: a new one rebuilds
  std::string license;  // SPDX expression: "curl"
  std::string summary;
  std::vector<std::string> requires_;  // recipes it is built against
  BuildKind build = BuildKind::commands;
  std::vector<std::string> configure;           // extra arguments of the kind's configure step
  std::vector<std::vector<std::string>> steps;  // replaces the kind's steps when given
  std::vector<std::vector<std::string>> install;
  std::vector<std::pair<std::string, std::string>> env;
  std::map<std::string, std::map<std::string, std::string>> vars;  // name -> target key -> value
  std::vector<std::string> skip_patches;
  std::string subdir;  // where in the source the steps run ("expat"); "" = the top
  bool autoreconf = false;
  std::vector<std::string> libs;
  std::map<std::string, std::vector<std::string>> system_libs;            // target key -> libraries
  using HeaderDefines = std::map<std::string, std::vector<std::string>>;  // header -> macros
  std::map<std::string, HeaderDefines> defines;                           // target key -> ...
  std::vector<std::string> files;
  std::vector<std::string> aliases;  // other names users know it by ("libssl-dev"): suggested, not accepted
  std::vector<std::string> targets = {"linux"};

  // The build steps (the kind's, or "steps"), before {variables} are expanded.
  std::vector<std::vector<std::string>> steps_for() const;
  // True when the recipe builds for `t`'s OS and has its "vars".
  bool supports(const target::Target& t) const;
  // The value of a "vars" entry for `t`, when it has one.
  std::optional<std::string> var(const std::string& name, const target::Target& t) const;
  // The system libraries (ws2_32, crypt32) a link with its archives needs on `t`.
  std::vector<std::string> system_libs_for(const target::Target& t) const;
  // The macros to define in which installed headers on `t`.
  HeaderDefines defines_for(const target::Target& t) const;
};

// Reads a recipe; throws Error(internal) naming `origin` when it is malformed.
Recipe parse_recipe(std::string_view json, std::string_view origin);

// The recipes compiled into xstatic, by name.
const std::vector<Recipe>& recipes();
const Recipe* find_recipe(std::string_view name);

// The recipe called `name`; else Error(usage) with the nearest names.
const Recipe& recipe(std::string_view name);

// `names` and everything they require, each after what it requires.
std::vector<const Recipe*> build_order(const std::vector<std::string>& names);

}  // namespace xstatic::pkg
