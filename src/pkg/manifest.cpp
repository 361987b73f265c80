// manifest.json of a built package: written last into its folder, so that
// its presence means "installed"; the driver reads its libs and requires
// (xstatic/sysroot/packages.hpp), `pkg list` the rest, an import every
// file's SHA-256.
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/SHA256.h>
#include <llvm/Support/raw_ostream.h>

#include <fstream>
#include <sstream>

#include "internal.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::pkg::detail {

std::string sha256_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  llvm::SHA256 hash;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    auto n = in.gcount();
    if (n > 0)
      hash.update(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(buf.data()), std::size_t(n)));
  }
  auto digest = hash.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

void write_manifest(const fs::path& file, const Manifest& m) {
  std::string text;
  llvm::raw_string_ostream os(text);
  {
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("name", m.name);
      j.attribute("source", m.source);
      j.attribute("version", m.version);
      j.attribute("revision", m.revision);
      j.attribute("target", m.target);
      j.attribute("triple", m.triple);
      j.attribute("sysroot", m.sysroot);
      j.attribute("license", m.license);
      j.attribute("clang_major", m.clang_major);
      j.attribute("clang_version", m.clang_version);
      j.attribute("build_seconds", static_cast<int64_t>(std::lround(m.build_seconds)));
      j.attributeArray("libs", [&] {
        for (const auto& l : m.libs) j.value(l);
      });
      j.attributeArray("requires", [&] {
        for (const auto& r : m.requires_) j.value(r);
      });
      j.attributeArray("system_libs", [&] {
        for (const auto& l : m.system_libs) j.value(l);
      });
      j.attributeObject("files", [&] {
        for (const auto& [path, sha] : m.files) j.attribute(path, sha);
      });
    });
  }
  os << "\n";
  fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
    if (!out)
      throw Error("cannot write " + tmp.string(), "check the free space of the store", Exit::internal);
  }
  fs::rename(tmp, file);
}

std::optional<Manifest> read_manifest(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = llvm::json::parse(ss.str());
  if (!parsed) {
    llvm::toString(parsed.takeError());  // the reason is not needed: not a manifest
    return std::nullopt;
  }
  const auto* o = parsed->getAsObject();
  if (!o) return std::nullopt;
  Manifest m;
  auto str = [&](const char* key, std::string& into) {
    if (auto s = o->getString(key)) into = s->str();
  };
  str("name", m.name);
  str("source", m.source);
  str("version", m.version);
  str("target", m.target);
  str("triple", m.triple);
  str("sysroot", m.sysroot);
  str("license", m.license);
  str("clang_version", m.clang_version);
  if (auto n = o->getInteger("revision")) m.revision = int(*n);
  if (auto n = o->getInteger("clang_major")) m.clang_major = int(*n);
  if (auto n = o->getNumber("build_seconds")) m.build_seconds = *n;
  auto list = [&](const char* key, std::vector<std::string>& into) {
    if (const auto* a = o->getArray(key))
      for (const auto& v : *a)
        if (auto s = v.getAsString()) into.push_back(s->str());
  };
  list("libs", m.libs);
  list("requires", m.requires_);
  list("system_libs", m.system_libs);
  if (const auto* files = o->getObject("files"))
    for (const auto& [k, v] : *files)
      if (auto s = v.getAsString()) m.files.emplace_back(k.str(), s->str());
  std::sort(m.files.begin(), m.files.end());
  if (m.name.empty()) return std::nullopt;
  return m;
}

}  // namespace xstatic::pkg::detail
