// The embedded SBOM (xstatic/inspect/sbom.hpp) in inspect's text report and
// its JSON (key "sbom", null when the binary has none); the reader is
// src/inspect/sbom.cpp.
#include <llvm/Support/JSON.h>

#include <algorithm>

#include "detail.hpp"

namespace xstatic::inspect::detail {
namespace {

void entry(std::string& out, std::string_view key, const std::string& value) {
  out += "    ";
  out += key;
  out.append(key.size() < 12 ? 12 - key.size() : 1, ' ');
  out += value;
  out += '\n';
}

void components_json(llvm::json::OStream& j, const char* key, const std::vector<SbomComponent>& list,
                     const char* second, bool license) {
  j.attributeArray(key, [&] {
    for (const auto& c : list)
      j.object([&] {
        j.attribute(std::string_view(second) == "sha256" ? "path" : "name", c.name);
        j.attribute(second, c.version);
        if (license) j.attribute("license", c.license);
      });
  });
}

}  // namespace

void read_sbom_note(llvm::StringRef desc, Report& r) {
  std::string problem;
  auto sbom = decode_sbom(std::string_view(desc.data(), desc.size()), problem);
  if (!sbom) {
    std::string note = "malformed xstatic SBOM note: " + problem;
    if (std::find(r.notes.begin(), r.notes.end(), note) == r.notes.end() && r.notes.size() < 64)
      r.notes.push_back(std::move(note));
    return;
  }
  if (!r.sbom) {
    r.sbom = std::move(*sbom);
    return;
  }
  // The same note is met twice when a file has sections and no build-id
  // (its SHT_NOTE section, then its PT_NOTE segment); another one is odd.
  std::string note = "more than one xstatic SBOM note: the first is shown";
  if (*sbom != *r.sbom && std::find(r.notes.begin(), r.notes.end(), note) == r.notes.end())
    r.notes.push_back(std::move(note));
}

void keep_linked_runtimes(Report& r) {
  auto& rt = r.sbom->runtimes;
  bool mimalloc = r.allocator.starts_with(kSbomMimalloc), routines = !r.libc_routines.empty();
  std::erase_if(rt, [&](const SbomComponent& c) {
    return (c.name == kSbomMimalloc && !mimalloc) || (c.name == kSbomLibcRoutines && !routines);
  });
}

void sbom_text(std::string& out, const EmbeddedSbom& sbom) {
  out += "  sbom          " + sbom.target + " " + sbom.libc + ", linked by xstatic " + sbom.xstatic + "\n";
  for (const auto& c : sbom.packages) entry(out, "package", c.name + " " + c.version + " (Debian)");
  for (const auto& c : sbom.runtimes) entry(out, "runtime", c.name + " " + c.version);
  for (const auto& c : sbom.libraries)
    entry(out, "library", c.name + " " + c.version + (c.license.empty() ? "" : " (" + c.license + ")"));
  for (const auto& c : sbom.archives) entry(out, "archive", c.name + " sha256:" + c.version);
}

void sbom_json(llvm::json::OStream& j, const std::optional<EmbeddedSbom>& sbom) {
  if (!sbom) {
    j.attribute("sbom", nullptr);
    return;
  }
  j.attributeObject("sbom", [&] {
    j.attribute("format", sbom->format);
    j.attribute("target", sbom->target);
    j.attribute("libc", sbom->libc);
    j.attribute("xstatic", sbom->xstatic);
    components_json(j, "packages", sbom->packages, "version", false);
    components_json(j, "runtimes", sbom->runtimes, "version", false);
    components_json(j, "libraries", sbom->libraries, "version", true);
    components_json(j, "archives", sbom->archives, "sha256", false);
  });
}

}  // namespace xstatic::inspect::detail
