// The manifests of built runtimes, and `runtimes list` reading them back.

// GCC 12 -O3 reports a null dereference inside llvm::Expected's moves once
// json::parse is inlined (a false positive in LLVM's and libstdc++'s headers).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>

#include "internal.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::runtimes {

void entry_attributes(llvm::json::OStream& j, const Entry& entry) {
  j.attribute("runtime", llvm::StringRef(kind_info(entry.kind).name));
  j.attribute("version", entry.version);
  j.attribute("target", entry.target);
  j.attribute("triple", entry.triple);
  j.attribute("sysroot", entry.sysroot);
  j.attribute("clang_major", entry.clang_major);
  j.attribute("clang_version", entry.clang_version);
  j.attribute("llvm_source", entry.llvm_source);
  j.attribute("variant", entry.variant);
}

namespace detail {

void write_manifest(const fs::path& file, const Entry& entry, double build_seconds) {
  std::error_code ec;
  llvm::raw_fd_ostream out(file.string(), ec);
  if (ec) throw Error("cannot write " + file.string() + ": " + ec.message(), {}, Exit::internal);
  llvm::json::OStream j(out, 2);
  j.object([&] {
    entry_attributes(j, entry);
    j.attributeArray("libraries", [&] {
      for (std::string_view lib : kind_info(entry.kind).libraries) j.value(llvm::StringRef(lib));
    });
    j.attribute("build_seconds", static_cast<int64_t>(build_seconds + 0.5));
  });
  out << "\n";
}

std::optional<Entry> read_manifest(const fs::path& file) {
  auto buffer = llvm::MemoryBuffer::getFile(file.string());
  if (!buffer) return std::nullopt;
  auto value = llvm::expectedToOptional(llvm::json::parse((*buffer)->getBuffer()));
  if (!value) return std::nullopt;
  const auto* obj = value->getAsObject();
  if (!obj) return std::nullopt;
  auto str = [&](const char* key) { return obj->getString(key).value_or("").str(); };
  Entry e;
  std::string runtime = str("runtime");
  // A manifest without "runtime" was written before mimalloc came: libc++'s.
  const KindInfo* kind = runtime.empty() ? &kind_info(Kind::libcxx) : kind_named(runtime);
  if (!kind) return std::nullopt;  // a kind of a later xstatic's
  e.kind = kind->id;
  e.target = str("target");
  e.triple = str("triple");
  e.sysroot = str("sysroot");
  e.clang_major = static_cast<int>(obj->getInteger("clang_major").value_or(0));
  e.clang_version = str("clang_version");
  e.llvm_source = str("llvm_source");
  e.version = str("version");
  if (e.version.empty()) e.version = e.llvm_source;
  e.variant = str("variant");
  if (e.variant.empty()) e.variant = "standard";  // manifests written before the size variant came
  e.root = file.parent_path();
  return e;
}

}  // namespace detail

std::vector<Entry> list(const store::Store& store) {
  std::vector<Entry> out;
  std::error_code ec;
  // runtimes/llvm-<major>-r<recipe>/<sysroot>/ (libc++), runtimes/mimalloc-<version>-llvm<major>/<sysroot>/
  // and runtimes/libc-<digest>-llvm<major>/<sysroot>/.
  for (const auto& version : fs::directory_iterator(store.runtimes_dir(), ec)) {
    std::string group = version.path().filename().string();
    if (std::none_of(kinds().begin(), kinds().end(),
                     [&](const KindInfo& k) { return group.starts_with(k.folder_prefix); }))
      continue;
    for (const auto& dir : fs::directory_iterator(version.path(), ec))
      if (auto e = detail::read_manifest(dir.path() / store::kManifestName)) out.push_back(std::move(*e));
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    auto a_kind = kind_info(a.kind).name, b_kind = kind_info(b.kind).name;
    return std::tie(b.clang_major, a.sysroot, a_kind, b.version, a.variant) <
           std::tie(a.clang_major, b.sysroot, b_kind, a.version, b.variant);
  });
  return out;
}

}  // namespace xstatic::runtimes
