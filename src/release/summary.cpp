// What a release writes about itself: checksums, artifacts.json, and the
// summary printed at the end.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "xstatic/release/release.hpp"
#include "xstatic/util/json.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::release {
namespace {

// A string, or null when empty (a file of the whole release, a libc without floors).
void optional_string(llvm::json::OStream& j, llvm::StringRef key, const std::string& value) {
  if (value.empty())
    j.attribute(key, nullptr);
  else
    j.attribute(key, value);
}

void artifact_list(llvm::json::OStream& j, const std::vector<Artifact>& artifacts) {
  j.attributeArray("artifacts", [&] {
    for (const auto& a : artifacts)
      j.object([&] {
        j.attribute("name", a.name);
        j.attribute("path", a.name);
        j.attribute("kind", a.kind);
        j.attribute("target", a.target);
        j.attribute("libc", a.libc);
        optional_string(j, "glibc", a.glibc);
        optional_string(j, "link", a.link);
        j.attribute("size", static_cast<int64_t>(a.size));
        j.attribute("sha256", a.sha256);
      });
  });
}

std::string human_size(std::uint64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024)
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  else if (bytes >= 1024)
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
  else
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  return buf;
}

}  // namespace

std::string checksums_text(const std::vector<Artifact>& artifacts) {
  std::string out;
  for (const auto& a : artifacts)
    if (a.kind != "checksums") out += a.sha256 + "  " + a.name + "\n";
  return out;
}

std::string artifacts_json(const Summary& s) {
  return util::json_text([&](llvm::json::OStream& j) {
           j.object([&] {
             j.attribute("project", s.name);
             j.attribute("version", s.version);
             j.attribute("source_date_epoch", static_cast<int64_t>(s.source_date_epoch));
             artifact_list(j, s.artifacts);
           });
         }) +
         "\n";
}

std::string summary_json(const Summary& s) {
  return util::json_text([&](llvm::json::OStream& j) {
           j.object([&] {
             j.attribute("project", s.name);
             j.attribute("version", s.version);
             j.attribute("dist", s.dist.string());
             j.attribute("source_date_epoch", static_cast<int64_t>(s.source_date_epoch));
             j.attribute("seconds", s.seconds);
             j.attributeArray("targets", [&] {
               for (const auto& t : s.targets)
                 j.object([&] {
                   j.attribute("target", t.target);
                   j.attribute("libc", t.libc);
                   optional_string(j, "glibc", t.glibc);
                   optional_string(j, "link", t.link);
                   j.attribute("seconds", t.seconds);
                   j.attributeArray("binaries", [&] {
                     for (const auto& b : t.binaries) j.value(b);
                   });
                   j.attributeArray("packages", [&] {
                     for (const auto& p : t.packages)
                       j.object([&] {
                         j.attribute("name", p.name);
                         j.attribute("version", p.version);
                         j.attribute("license", p.license);
                       });
                   });
                 });
             });
             artifact_list(j, s.artifacts);
             if (s.image_archive.empty()) {
               j.attribute("image", nullptr);
             } else {
               j.attributeObject("image", [&] {
                 j.attribute("archive", s.image_archive);
                 j.attribute("digest", s.image_digest);
                 j.attributeArray("refs", [&] {
                   for (const auto& r : s.image_refs) j.value(r);
                 });
               });
             }
           });
         }) +
         "\n";
}

std::string summary_table(const Summary& s) {
  auto target_of = [](const Artifact& a) {
    if (a.target.empty()) return std::string("-");
    std::string out = a.target + " " + a.libc;
    if (!a.glibc.empty()) out += " " + a.glibc;  // the floor: two of one target are told apart
    if (a.link == "libc-dynamic") out += " libc-dynamic";
    return out;
  };
  std::size_t width = 8, target_width = 6;
  for (const auto& a : s.artifacts) {
    width = std::max(width, a.name.size());
    target_width = std::max(target_width, target_of(a).size());
  }
  std::ostringstream o;
  char line[512];
  std::snprintf(line, sizeof line, "%-*s  %-13s  %-*s  %10s  %s\n", static_cast<int>(width), "ARTIFACT",
                "KIND", static_cast<int>(target_width), "TARGET", "SIZE", "SHA256");
  o << line;
  for (const auto& a : s.artifacts) {
    std::snprintf(line, sizeof line, "%-*s  %-13s  %-*s  %10s  %.12s\n", static_cast<int>(width),
                  a.name.c_str(), a.kind.c_str(), static_cast<int>(target_width), target_of(a).c_str(),
                  human_size(a.size).c_str(), a.sha256.c_str());
    o << line;
  }
  // What each target's binaries carry besides the project's own code, and under which licences.
  for (const auto& t : s.targets) {
    if (t.packages.empty()) continue;
    std::string list;
    for (const auto& p : t.packages)
      list += (list.empty() ? "" : ", ") + p.name + " " + p.version + " (" + p.license + ")";
    o << t.target << " " << t.libc << (t.glibc.empty() ? "" : " " + t.glibc) << " links packages: " << list
      << "\n";
  }
  if (!s.image_archive.empty())
    o << "image " << s.image_digest << " (" << util::join(s.image_refs, ", ") << "): podman load -i "
      << (s.dist / s.image_archive).string() << "\n";
  std::snprintf(line, sizeof line, "%s %s: %zu targets, %zu files in %s (%.1f s)\n", s.name.c_str(),
                s.version.c_str(), s.targets.size(), s.artifacts.size(), s.dist.string().c_str(), s.seconds);
  o << line;
  return o.str();
}

}  // namespace xstatic::release
