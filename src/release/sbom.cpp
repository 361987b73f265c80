// SPDX 2.3 JSON writer (see sbom.hpp). Relationships: the document
// DESCRIBES the project package, which CONTAINS its binaries; each binary
// has a STATIC_LINK to the runtimes it links, and (from the driver's link
// record) to each `xstatic pkg` package and each archive of the user's own
// that lld took members from; every Debian package of the
// sysroot is a BUILD_DEPENDENCY_OF the project (headers, crt files and the
// static C library it was linked against).
#include "xstatic/release/sbom.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <optional>

#include "xstatic/inspect/report.hpp"
#include "xstatic/release/archive.hpp"
#include "xstatic/runtimes/kind.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/json.hpp"
#include "xstatic/version.hpp"

namespace xstatic::release {
namespace {

void checksum(llvm::json::OStream& j, const std::string& sha256) {
  j.attributeArray("checksums", [&] {
    j.object([&] {
      j.attribute("algorithm", "SHA256");
      j.attribute("checksumValue", sha256);
    });
  });
}

void purl(llvm::json::OStream& j, const std::string& locator) {
  j.attributeArray("externalRefs", [&] {
    j.object([&] {
      j.attribute("referenceCategory", "PACKAGE-MANAGER");
      j.attribute("referenceType", "purl");
      j.attribute("referenceLocator", locator);
    });
  });
}

void relationship(llvm::json::OStream& j, const std::string& from, const char* type, const std::string& to) {
  j.object([&] {
    j.attribute("spdxElementId", from);
    j.attribute("relationshipType", type);
    j.attribute("relatedSpdxElement", to);
  });
}

// The attributes every library package of the document starts with.
void library_head(llvm::json::OStream& j, const std::string& id, const std::string& name,
                  const std::string& version, const std::string& supplier) {
  j.attribute("SPDXID", id);
  j.attribute("name", name);
  j.attribute("versionInfo", version);
  j.attribute("supplier", "Organization: " + supplier);
  j.attribute("downloadLocation", "NOASSERTION");
  j.attribute("filesAnalyzed", false);
  j.attribute("primaryPackagePurpose", "LIBRARY");
}

// What a runtime build's versionInfo and the SBOM note say: "19.1.7", "19.1.7+size".
std::string noted_version(const runtimes::Entry& e) {
  const auto* variant = runtimes::variant_named(e.variant);
  return e.version + std::string(variant ? variant->sbom_suffix : "");
}

// One ID per build: the kind's name, and the variant's folder suffix
// ("SPDXRef-Runtime-libcxx", "SPDXRef-Runtime-libcxx-size").
std::string runtime_id(const runtimes::Entry& e) {
  const auto* variant = runtimes::variant_named(e.variant);
  return spdx_id("Runtime", std::string(runtimes::kind_info(e.kind).name) +
                                std::string(variant ? variant->folder_suffix : ""));
}

std::string runtime_source_info(const runtimes::Entry& r) {
  const auto& kind = runtimes::kind_info(r.kind);
  std::string built = "built by xstatic for " + r.triple + " from ";
  if (kind.debian_source.empty()) return built + "xstatic's own sources (" + r.version + ")";
  built += "Debian source package " + std::string(kind.debian_source);
  if (kind.source_per_clang_major)
    return built + std::to_string(r.clang_major) + " (" + r.llvm_source + ")" +
           std::string(kind.source_parts);
  return built + " (" + r.version + ")" + std::string(kind.source_parts);
}

// `path` relative to `dir` when it lies below it, both as the file system resolves them.
std::optional<std::filesystem::path> inside(const std::filesystem::path& path,
                                            const std::filesystem::path& dir) {
  std::error_code ec;
  auto rel = std::filesystem::weakly_canonical(path, ec).lexically_relative(
      std::filesystem::weakly_canonical(dir, ec));
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  return rel;
}

// Whether `b` linked the runtime build `e` (see add_store_facts).
bool linked(const runtimes::Entry& e, const SbomBinary& b) {
  if (!b.note_runtimes && !b.link_recorded) return false;
  if (b.note_runtimes &&
      std::none_of(b.note_runtimes->begin(), b.note_runtimes->end(), [&](const inspect::SbomComponent& c) {
        return runtimes::kind_of_sbom_name(c.name) == &runtimes::kind_info(e.kind) &&
               c.version == noted_version(e);
      }))
    return false;
  return !b.link_recorded ||
         std::any_of(b.runtime_archives.begin(), b.runtime_archives.end(),
                     [&](const std::filesystem::path& a) { return inside(a, e.root).has_value(); });
}

// libc-dynamic: the binaries load the system's glibc (none is contained), and the floor was verified.
std::string libc_dynamic_note(const SbomInput& in) {
  auto floor = target::glibc_floor_of(in.target);
  if (!in.libc_dynamic || !floor) return "";
  return ", libc-dynamic: glibc is the system's (" + std::string(*floor) +
         " or newer, verified); every other library is static";
}

}  // namespace

std::string iso8601_utc(std::int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string spdx_id(const std::string& kind, const std::string& name) {
  std::string out = "SPDXRef-" + kind + "-";
  std::string clean = name;
  for (auto pos = clean.find("++"); pos != std::string::npos; pos = clean.find("++"))
    clean.replace(pos, 2, "xx");
  for (char c : clean) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '-';
  return out;
}

std::string spdx_json(const SbomInput& in) {
  const std::string project_id = spdx_id("Package", in.project);
  return util::json_text([&](llvm::json::OStream& j) {
           j.object([&] {
             j.attribute("spdxVersion", "SPDX-2.3");
             j.attribute("dataLicense", "CC0-1.0");
             j.attribute("SPDXID", "SPDXRef-DOCUMENT");
             j.attribute("name", in.archive_name);
             j.attribute("documentNamespace", "https://spdx.org/spdxdocs/" + in.project + "-" + in.version +
                                                  "-" + in.archive_sha256);
             j.attributeObject("creationInfo", [&] {
               j.attribute("created", iso8601_utc(in.source_date_epoch));
               j.attributeArray("creators", [&] { j.value(std::string("Tool: xstatic-") + kVersion); });
               j.attribute("comment", "target " + in.target.describe() + libc_dynamic_note(in));
             });
             j.attributeArray("documentDescribes", [&] { j.value(project_id); });
             j.attributeArray("packages", [&] {
               j.object([&] {
                 j.attribute("SPDXID", project_id);
                 j.attribute("name", in.project);
                 j.attribute("versionInfo", in.version);
                 j.attribute("downloadLocation", "NOASSERTION");
                 // The binaries are listed as files CONTAINed by the package (relationships below).
                 j.attribute("filesAnalyzed", false);
                 j.attribute("primaryPackagePurpose", "APPLICATION");
                 j.attribute("packageFileName", in.archive_name);
                 checksum(j, in.archive_sha256);
               });
               if (in.sysroot)
                 for (const auto& p : in.sysroot->packages)
                   j.object([&] {
                     library_head(j, spdx_id("Deb", p.name), p.name, p.version, "Debian");
                     if (!p.sha256.empty()) checksum(j, p.sha256);
                     purl(j, "pkg:deb/debian/" + p.name + "@" + p.version + "?arch=" + p.architecture);
                   });
               for (const auto& r : in.runtimes)
                 j.object([&] {
                   const auto& kind = runtimes::kind_info(r.kind);
                   library_head(j, runtime_id(r), std::string(kind.name), noted_version(r),
                                std::string(kind.supplier));
                   j.attribute("sourceInfo", runtime_source_info(r));
                 });
               for (const auto& p : in.packages)
                 j.object([&] {
                   library_head(j, spdx_id("Pkg", p.name), p.name, p.version, "Debian");
                   j.attribute("licenseDeclared", p.license);
                   j.attribute("licenseConcluded", p.license);
                   j.attribute("sourceInfo", "built by xstatic for " + p.target +
                                                 " from Debian source package " + p.source + " (" +
                                                 p.version + "), static");
                   purl(j, "pkg:deb/debian/" + p.source + "@" + p.version + "?arch=source");
                 });
               // The user's own archives, each once (by path) however many binaries link it.
               std::vector<const SbomArchive*> archives;
               for (const auto& b : in.binaries)
                 for (const auto& a : b.archives)
                   if (std::none_of(archives.begin(), archives.end(),
                                    [&](const auto* x) { return x->path == a.path; }))
                     archives.push_back(&a);
               for (const auto* a : archives)
                 j.object([&] {
                   j.attribute("SPDXID", spdx_id("Archive", a->path));
                   j.attribute("name", a->name);
                   j.attribute("downloadLocation", "NOASSERTION");
                   j.attribute("filesAnalyzed", false);
                   j.attribute("primaryPackagePurpose", "LIBRARY");
                   j.attribute("packageFileName", a->path);
                   j.attribute("licenseConcluded", "NOASSERTION");
                   j.attribute("licenseDeclared", "NOASSERTION");
                   j.attribute("copyrightText", "NOASSERTION");
                   j.attribute("sourceInfo",
                               "a static archive the link took members from (lld --why-extract)");
                   if (!a->sha256.empty()) checksum(j, a->sha256);
                 });
             });
             j.attributeArray("files", [&] {
               for (const auto& b : in.binaries)
                 j.object([&] {
                   j.attribute("SPDXID", spdx_id("File", b.name));
                   j.attribute("fileName", "./" + b.name);
                   j.attributeArray("fileTypes", [&] { j.value("BINARY"); });
                   j.attribute("licenseConcluded", "NOASSERTION");
                   j.attribute("copyrightText", "NOASSERTION");
                   j.attributeArray("checksums", [&] {
                     j.object([&] {
                       j.attribute("algorithm", "SHA256");
                       j.attribute("checksumValue", b.sha256);
                     });
                   });
                 });
             });
             j.attributeArray("relationships", [&] {
               relationship(j, "SPDXRef-DOCUMENT", "DESCRIBES", project_id);
               for (const auto& b : in.binaries) {
                 relationship(j, project_id, "CONTAINS", spdx_id("File", b.name));
                 for (const auto& r : in.runtimes)
                   if (std::find(b.runtimes.begin(), b.runtimes.end(), r.root) != b.runtimes.end())
                     relationship(j, spdx_id("File", b.name), "STATIC_LINK", runtime_id(r));
                 for (const auto& p : b.packages)
                   relationship(j, spdx_id("File", b.name), "STATIC_LINK", spdx_id("Pkg", p));
                 for (const auto& a : b.archives)
                   relationship(j, spdx_id("File", b.name), "STATIC_LINK", spdx_id("Archive", a.path));
               }
               if (in.sysroot)
                 for (const auto& p : in.sysroot->packages)
                   relationship(j, spdx_id("Deb", p.name), "BUILD_DEPENDENCY_OF", project_id);
               for (const auto& p : in.packages)
                 relationship(j, project_id, "DEPENDS_ON", spdx_id("Pkg", p.name));
             });
           });
         }) +
         "\n";
}

SbomBinary binary_facts(const std::filesystem::path& built) {
  SbomBinary facts;
  if (auto sbom = inspect::inspect_file(built).sbom) facts.note_runtimes = std::move(sbom->runtimes);
  return facts;
}

void add_link_facts(SbomBinary& facts, const std::filesystem::path& built,
                    const std::vector<driver::LinkRecord>& records, const store::Store& store,
                    const target::Target& t, const std::filesystem::path& source,
                    const std::filesystem::path& build) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path want = fs::weakly_canonical(built, ec);
  const driver::LinkRecord* record = nullptr;
  for (const auto& r : records)
    if (fs::weakly_canonical(r.output, ec) == want) record = &r;  // the last link of that file
  if (!record) return;
  facts.link_recorded = true;
  const fs::path packages = store.packages_path(t);
  for (const auto& a : record->archives) {
    if (auto rel = inside(a, packages)) {
      std::string name = rel->begin()->string();
      if (std::find(facts.packages.begin(), facts.packages.end(), name) == facts.packages.end())
        facts.packages.push_back(name);
      continue;
    }
    if (inside(a, store.runtimes_dir())) {  // libc++.a, libmimalloc.a: add_store_facts finds their build
      facts.runtime_archives.push_back(fs::weakly_canonical(a, ec));
      continue;
    }
    // The sysroot's (libc.a) and clang's own: the SBOM lists them as Debian packages.
    if (inside(a, store.root()) || a.string().starts_with("/usr/lib/llvm-")) continue;
    SbomArchive archive;
    archive.name = a.filename().string();
    if (auto rel = inside(a, build))
      archive.path = "build/" + rel->generic_string();
    else if (auto rel2 = inside(a, source))
      archive.path = "./" + rel2->generic_string();
    else
      archive.path = archive.name;
    archive.sha256 = fs::is_regular_file(a, ec) ? sha256_file(a) : std::string();
    facts.archives.push_back(std::move(archive));
  }
}

void add_store_facts(SbomInput& in, const store::Store& store) {
  if (auto root = sysroot::find(store, in.target);
      root && std::filesystem::exists(*root / store::kManifestName))
    in.sysroot = sysroot::read_manifest(*root / store::kManifestName);
  for (const auto& entry : runtimes::list(store)) {
    if (entry.target != in.target.go_name() || entry.sysroot != store::sysroot_name(in.target)) continue;
    bool any = false;
    for (auto& b : in.binaries)
      if (linked(entry, b)) {
        b.runtimes.push_back(entry.root);
        any = true;
      }
    // One ID is one build: two folders of one build (an old recipe revision
    // beside the new one) are told apart only by a link record; without one
    // the first listed (list()'s order) stands for both.
    if (any && std::none_of(in.runtimes.begin(), in.runtimes.end(),
                            [&](const auto& r) { return runtime_id(r) == runtime_id(entry); }))
      in.runtimes.push_back(entry);
  }
}

}  // namespace xstatic::release
