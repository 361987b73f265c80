#include "xstatic/target/glibc_floor.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "xstatic/target/libc.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::target {
namespace {

// Debian releases whose archive apt reaches through the host's own sources
// (the same URIs with another suite; docs/glibc.md). buster (2.28) is gone
// from Debian's mirrors: only the archive of old releases has it.
constexpr GlibcRelease kReleases[] = {
    {"2.31", "bullseye", false},
    {"2.36", "bookworm", true},
    {"2.41", "trixie", false},
};

bool is_version(std::string_view v) {
  if (v.empty() || v.front() == '.' || v.back() == '.') return false;
  bool dot = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '.') {
      if (v[i - 1] == '.') return false;
      dot = true;
    } else if (!std::isdigit(static_cast<unsigned char>(v[i]))) {
      return false;
    }
  }
  return dot;
}

// <0, 0, >0 number by number: "2.4" < "2.31".
int compare(std::string_view a, std::string_view b) {
  auto pa = util::split(a, '.'), pb = util::split(b, '.');
  for (std::size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
    long x = i < pa.size() ? std::stol(std::string(pa[i])) : 0;
    long y = i < pb.size() ? std::stol(std::string(pb[i])) : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

// What to do about a floor Debian has no release for.
std::string unknown_floor_hint(std::string_view version, const Target& t) {
  const GlibcRelease* older = nullptr;
  for (const auto& r : kReleases)
    if (compare(r.version, version) <= 0) older = &r;
  std::string go = t.go_name();
  if (older)
    return "use --glibc " + std::string(older->version) + " (Debian " + std::string(older->debian) +
           "): a program built for it runs on glibc " + std::string(version) +
           " too; floors below 2.31 are explained in docs/glibc.md";
  return "the oldest floor is " + std::string(kReleases[0].version) + " (Debian " +
         std::string(kReleases[0].debian) +
         "); floors below it (2.17, 2.28) would need stub libraries made from glibc's ABI lists, which "
         "xstatic does not build (docs/glibc.md); build for musl (" +
         go + ") for a binary that runs on any Linux";
}

}  // namespace

std::span<const GlibcRelease> glibc_releases() {
  return kReleases;
}

const GlibcRelease& default_glibc_release() {
  return *std::find_if(std::begin(kReleases), std::end(kReleases),
                       [](const auto& r) { return r.is_default; });
}

const GlibcRelease* find_glibc_release(std::string_view version) {
  for (const auto& r : kReleases)
    if (r.version == version) return &r;
  return nullptr;
}

std::string glibc_floors_list() {
  std::vector<std::string> names;
  for (const auto& r : kReleases)
    names.push_back(std::string(r.version) + " (" + std::string(r.debian) + ")");
  return util::join(names, ", ");
}

std::optional<std::string_view> glibc_floor_of(const Target& t) {
  if (!libc_info(t.libc).release_floors) return std::nullopt;
  return (t.glibc ? *t.glibc : default_glibc_release()).version;
}

std::string floored_triple(const Target& t) {
  std::string out(t.triple());
  if (t.glibc) out += "." + std::string(t.glibc->version);
  return out;
}

std::optional<FlooredSpec> split_glibc_suffix(std::string_view spec) {
  auto dash = spec.rfind('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto dot = spec.find('.', dash);
  if (dot == std::string_view::npos || dot == dash + 1) return std::nullopt;
  // "gnu.2.31" but not "macos11.0": the environment's name ends in a letter.
  if (!std::isalpha(static_cast<unsigned char>(spec[dot - 1]))) return std::nullopt;
  auto version = spec.substr(dot + 1);
  if (version.empty() || !std::isdigit(static_cast<unsigned char>(version.front()))) return std::nullopt;
  return FlooredSpec{spec.substr(0, dot), version};
}

Target with_glibc_floor(Target t, std::string_view version) {
  if (!libc_info(t.libc).release_floors)
    throw Error("a glibc floor (" + std::string(version) + ") is for glibc targets; " + t.describe() +
                    " uses " + std::string(t.libc_name()) + ", which has no glibc to run on",
                "drop the floor, or build for glibc: --libc glibc --glibc " + std::string(version),
                Exit::usage);
  if (!is_version(version))
    throw Error("'" + std::string(version) + "' is not a glibc version (floors: " + glibc_floors_list() + ")",
                "write it as glibc does: --glibc 2.31", Exit::usage);
  const GlibcRelease* release = find_glibc_release(version);
  if (!release)
    throw Error("no Debian release has glibc " + std::string(version) + " for " + t.go_name() +
                    "; the glibc floors are " + glibc_floors_list(),
                unknown_floor_hint(version, t), Exit::usage);
  t.glibc = release->is_default ? nullptr : release;
  return t;
}

}  // namespace xstatic::target
