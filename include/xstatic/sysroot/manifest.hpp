// manifest.json: what a sysroot was made from. Written last into a sysroot
// being built, so its presence means "installed" (sysroot::find checks it).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/sysroot/deb.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::sysroot {

struct Manifest {
  std::string name;             // "arm64-musl": the sysroot's folder name
  std::string target;           // "linux/arm64": the target it was installed for
  std::string libc;             // "musl" | "glibc"
  std::string debian_arch;      // "arm64"
  std::string triple;           // "aarch64-linux-musl"
  std::string xstatic_version;  // the xstatic that built it
  std::vector<PackageInfo> packages;
  // recipe_fingerprint() of the recipe it was built from; "" when unknown
  // (written by an xstatic older than fingerprints, which counts as outdated).
  std::string recipe_fingerprint;
  std::string glibc;  // a glibc floor's version ("2.31"); "" for the default release's sysroot
};

std::string to_json(const Manifest& m);
// Throws xstatic::Error naming `origin` when the text is not a valid manifest.
Manifest parse_manifest(std::string_view json, std::string_view origin);
Manifest read_manifest(const std::filesystem::path& file);
// The same where a missing or damaged manifest is expected (listing a store): nullopt.
std::optional<Manifest> try_read_manifest(const std::filesystem::path& file);
void write_manifest(const Manifest& m, const std::filesystem::path& file);
// The target a manifest was installed for, its glibc floor included; nullopt
// when this xstatic does not know it.
std::optional<target::Target> target_of(const Manifest& m);

}  // namespace xstatic::sysroot
