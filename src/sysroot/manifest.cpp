#include "xstatic/sysroot/manifest.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <fstream>

#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::sysroot {
namespace {

// A required string field; records the first one missing in `why`.
std::string field(const llvm::json::Object& o, llvm::StringRef key, std::string& why) {
  auto s = o.getString(key);
  if (!s || s->empty()) {
    if (why.empty()) why = "missing '" + key.str() + "'";
    return {};
  }
  return s->str();
}

// The manifest in `json`, or nullopt with the reason in `why`: parse_manifest
// throws it, try_read_manifest (listing a store) only skips the folder.
std::optional<Manifest> decode(std::string_view json, std::string& why) {
  auto value = llvm::json::parse(llvm::StringRef(json.data(), json.size()));
  if (!value) {
    why = llvm::toString(value.takeError());
    return std::nullopt;
  }
  const auto* o = value->getAsObject();
  if (!o) {
    why = "not an object";
    return std::nullopt;
  }
  Manifest m;
  m.name = field(*o, "name", why);
  m.target = field(*o, "target", why);
  m.libc = field(*o, "libc", why);
  m.debian_arch = field(*o, "debian_arch", why);
  m.triple = field(*o, "triple", why);
  m.xstatic_version = field(*o, "xstatic_version", why);
  if (auto fp = o->getString("recipe_fingerprint"))
    m.recipe_fingerprint = fp->str();                              // optional: older manifests
  if (auto floor = o->getString("glibc")) m.glibc = floor->str();  // optional: glibc floors only
  const auto* pkgs = o->getArray("packages");
  if (why.empty() && (!pkgs || pkgs->empty())) why = "no packages";
  for (const auto& v : pkgs&& why.empty() ? *pkgs : llvm::json::Array{}) {
    const auto* p = v.getAsObject();
    if (!p) {
      why = "a package is not an object";
      break;
    }
    m.packages.push_back({field(*p, "name", why), field(*p, "version", why), field(*p, "architecture", why),
                          field(*p, "sha256", why)});
  }
  if (!why.empty()) return std::nullopt;
  return m;
}

}  // namespace

std::string to_json(const Manifest& m) {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream j(os, 2);
  j.object([&] {
    j.attribute("name", m.name);
    j.attribute("target", m.target);
    j.attribute("libc", m.libc);
    j.attribute("debian_arch", m.debian_arch);
    j.attribute("triple", m.triple);
    j.attribute("xstatic_version", m.xstatic_version);
    if (!m.recipe_fingerprint.empty()) j.attribute("recipe_fingerprint", m.recipe_fingerprint);
    if (!m.glibc.empty()) j.attribute("glibc", m.glibc);
    j.attributeArray("packages", [&] {
      for (const auto& p : m.packages)
        j.object([&] {
          j.attribute("name", p.name);
          j.attribute("version", p.version);
          j.attribute("architecture", p.architecture);
          j.attribute("sha256", p.sha256);
        });
    });
  });
  os << "\n";
  return out;
}

Manifest parse_manifest(std::string_view json, std::string_view origin) {
  std::string why;
  if (auto m = decode(json, why)) return *m;
  throw Error(std::string(origin) + ": not a valid xstatic sysroot manifest (" + why + ")",
              "remove the sysroot and install it again", Exit::usage);
}

std::optional<Manifest> try_read_manifest(const std::filesystem::path& file) {
  auto buffer =
      llvm::MemoryBuffer::getFile(file.string(), /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return std::nullopt;
  std::string why;
  return decode(std::string_view((*buffer)->getBufferStart(), (*buffer)->getBufferSize()), why);
}

Manifest read_manifest(const std::filesystem::path& file) {
  auto buffer =
      llvm::MemoryBuffer::getFile(file.string(), /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer)
    throw Error("cannot read " + file.string(), "remove the sysroot and install it again", Exit::missing);
  auto text = (*buffer)->getBuffer();
  return parse_manifest(std::string_view(text.data(), text.size()), file.string());
}

void write_manifest(const Manifest& m, const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << to_json(m);
  out.close();
  if (!out) throw Error("cannot write " + file.string(), "check free space in the store", Exit::internal);
}

std::optional<target::Target> target_of(const Manifest& m) {
  auto t = target::try_parse(m.target, target::parse_libc(m.libc));
  if (!t || m.glibc.empty()) return t;
  try {
    return target::with_glibc_floor(*t, m.glibc);
  } catch (const Error&) {
    return std::nullopt;  // a floor this xstatic does not know
  }
}

}  // namespace xstatic::sysroot
