#include "xstatic/sysroot/manifest.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <fstream>

#include "xstatic/util/error.hpp"

namespace xstatic::sysroot {
namespace {

[[noreturn]] void invalid(std::string_view origin, const std::string& why) {
  throw Error(std::string(origin) + ": not a valid xstatic sysroot manifest (" + why + ")",
              "remove the sysroot and install it again", Exit::usage);
}

std::string field(const llvm::json::Object& o, llvm::StringRef key, std::string_view origin) {
  auto s = o.getString(key);
  if (!s || s->empty()) invalid(origin, "missing '" + key.str() + "'");
  return s->str();
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
  auto value = llvm::json::parse(llvm::StringRef(json.data(), json.size()));
  if (!value) invalid(origin, llvm::toString(value.takeError()));
  const auto* o = value->getAsObject();
  if (!o) invalid(origin, "not an object");
  Manifest m;
  m.name = field(*o, "name", origin);
  m.target = field(*o, "target", origin);
  m.libc = field(*o, "libc", origin);
  m.debian_arch = field(*o, "debian_arch", origin);
  m.triple = field(*o, "triple", origin);
  m.xstatic_version = field(*o, "xstatic_version", origin);
  if (auto fp = o->getString("recipe_fingerprint")) m.recipe_fingerprint = fp->str();  // optional: older manifests
  const auto* pkgs = o->getArray("packages");
  if (!pkgs || pkgs->empty()) invalid(origin, "no packages");
  for (const auto& v : *pkgs) {
    const auto* p = v.getAsObject();
    if (!p) invalid(origin, "a package is not an object");
    m.packages.push_back({field(*p, "name", origin), field(*p, "version", origin),
                          field(*p, "architecture", origin), field(*p, "sha256", origin)});
  }
  return m;
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

}  // namespace xstatic::sysroot
