// Importing, listing and finding the user's macOS SDK (see xstatic/sysroot/sdk.hpp).
//
// An SDK is recognised by what clang and ld64.lld read from it: SDKSettings.json
// (clang takes the SDK version from it for -platform_version), the headers
// under usr/include and the libSystem text stub (TAPI .tbd) that the linker
// resolves libc against. The copy keeps symlinks as symlinks: Apple's SDKs
// link their frameworks' Headers and Versions/Current that way.
#include "xstatic/sysroot/sdk.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "transaction.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

constexpr const char* kImportHint = "xstatic sdk import /path/to/MacOSX.sdk";

// A version becomes a folder name: digits and dots only.
bool plain_version(std::string_view v) {
  return !v.empty() && std::isdigit(static_cast<unsigned char>(v.front())) &&
         std::all_of(v.begin(), v.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}

std::string string_of(const llvm::json::Object& obj, const char* key) {
  return obj.getString(key).value_or("").str();
}

void read_supported_targets(const llvm::json::Object& root, Sdk& sdk) {
  const auto* targets = root.getObject("SupportedTargets");
  const auto* macosx = targets ? targets->getObject("macosx") : nullptr;
  if (!macosx) return;
  sdk.minimum_deployment = string_of(*macosx, "MinimumDeploymentVersion");
  if (sdk.default_deployment.empty()) sdk.default_deployment = string_of(*macosx, "DefaultDeploymentTarget");
  if (const auto* archs = macosx->getArray("Archs"))
    for (const auto& a : *archs)
      if (auto s = a.getAsString()) sdk.archs.push_back(s->str());
}

// The reading of parse_sdk_settings and read_sdk: the SDK, else nullopt with
// `why` holding the Error they throw.
std::optional<Sdk> parse_settings(std::string_view json, const fs::path& dir, std::optional<Error>& why) {
  std::string file = (dir / "SDKSettings.json").string();
  auto value = llvm::json::parse(llvm::StringRef(json.data(), json.size()));
  if (!value) {
    std::string reason = llvm::toString(value.takeError());
    why.emplace(file + " is not valid JSON: " + reason, kImportHint, Exit::usage);
    return std::nullopt;
  }
  const auto* root = value->getAsObject();
  if (!root) {
    why.emplace(file + " is not a JSON object", kImportHint, Exit::usage);
    return std::nullopt;
  }
  Sdk sdk;
  sdk.path = dir;
  sdk.version = string_of(*root, "Version");
  if (!plain_version(sdk.version)) {
    why.emplace(
        file + " has no usable \"Version\" (a dotted number such as \"14.0\"; found '" + sdk.version + "')",
        kImportHint, Exit::usage);
    return std::nullopt;
  }
  sdk.display_name = string_of(*root, "MinimalDisplayName");
  if (sdk.display_name.empty()) sdk.display_name = string_of(*root, "DisplayName");
  sdk.default_deployment = string_of(*root, "DefaultDeploymentTarget");
  read_supported_targets(*root, sdk);
  return sdk;
}

std::optional<Sdk> read_folder(const fs::path& dir, std::optional<Error>& why) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    why.emplace(dir.string() + " is not a folder (a macOS SDK is a folder such as MacOSX14.sdk)", kImportHint,
                Exit::usage);
    return std::nullopt;
  }
  std::vector<std::string> missing;
  for (const char* required : kSdkRequired)
    if (!fs::exists(dir / required, ec)) missing.emplace_back(required);
  if (!missing.empty()) {
    why.emplace(dir.string() + " is not a macOS SDK: missing " + util::join(missing, ", "),
                "pass the SDK folder itself (Xcode: $(xcrun --show-sdk-path); Command Line Tools: "
                "/Library/Developer/CommandLineTools/SDKs/MacOSX.sdk)",
                Exit::usage);
    return std::nullopt;
  }
  auto buffer = llvm::MemoryBuffer::getFile((dir / "SDKSettings.json").string());
  if (!buffer) {
    why.emplace("cannot read " + (dir / "SDKSettings.json").string(), kImportHint, Exit::usage);
    return std::nullopt;
  }
  return parse_settings((*buffer)->getBuffer().str(), dir, why);
}

}  // namespace

bool version_less(std::string_view a, std::string_view b) {
  auto pa = util::split(a, '.'), pb = util::split(b, '.');
  for (std::size_t i = 0; i < std::max(pa.size(), pb.size()); ++i) {
    long x = i < pa.size() ? std::strtol(std::string(pa[i]).c_str(), nullptr, 10) : 0;
    long y = i < pb.size() ? std::strtol(std::string(pb[i]).c_str(), nullptr, 10) : 0;
    if (x != y) return x < y;
  }
  return false;
}

Sdk parse_sdk_settings(std::string_view json, const fs::path& dir) {
  std::optional<Error> why;
  if (auto sdk = parse_settings(json, dir, why)) return std::move(*sdk);
  throw *why;
}

Sdk read_sdk(const fs::path& dir) {
  std::optional<Error> why;
  if (auto sdk = read_folder(dir, why)) return std::move(*sdk);
  throw *why;
}

std::optional<Sdk> try_read_sdk(const fs::path& dir) {
  std::optional<Error> why;
  return read_folder(dir, why);
}

std::string sdk_folder_name(const std::string& version) {
  return "MacOSX" + version + ".sdk";
}

Sdk import_sdk(const store::Store& store, const fs::path& source, bool quiet) {
  std::error_code ec;
  // MacOSX.sdk is often a symlink to MacOSX14.sdk: copy what it points at.
  fs::path real = fs::canonical(source, ec);
  Sdk sdk = read_sdk(ec ? source : real);
  util::Progress progress(quiet);
  Transaction tx(store, sdk_folder_name(sdk.version), progress, store.sdks_dir());
  progress.step("copying the macOS " + sdk.version + " SDK from " + sdk.path.string());
  fs::path work = tx.work_dir();
  fs::copy(sdk.path, work, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  if (ec)
    throw Error("cannot copy " + sdk.path.string() + " into " + work.string() + ": " + ec.message(),
                "check the free space and permissions of the store (--store DIR or XSTATIC_HOME)",
                Exit::internal);
  read_sdk(work);  // the copy is whole before it takes the final name
  tx.commit();
  sdk.path = tx.final_path();
  progress.done("imported the macOS " + sdk.version + " SDK: " + sdk.path.string());
  return sdk;
}

std::vector<Sdk> list_sdks(const store::Store& store) {
  std::vector<Sdk> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(store.sdks_dir(), ec)) {
    std::string name = e.path().filename().string();
    if (!name.starts_with("MacOSX") || !name.ends_with(".sdk")) continue;
    // Not an SDK folder (a leftover, something a user put there): skipped.
    if (auto sdk = try_read_sdk(e.path())) out.push_back(std::move(*sdk));
  }
  std::sort(out.begin(), out.end(),
            [](const Sdk& a, const Sdk& b) { return version_less(b.version, a.version); });
  return out;
}

bool remove_sdk(const store::Store& store, const std::string& version) {
  if (!plain_version(version)) return false;
  std::error_code ec;
  if (!fs::exists(store.sdks_dir() / sdk_folder_name(version), ec)) return false;
  util::Progress progress(true);
  Transaction tx(store, sdk_folder_name(version), progress, store.sdks_dir());
  if (!fs::exists(tx.final_path(), ec)) return false;  // removed while we waited for the lock
  tx.remove_installed();
  return true;
}

std::optional<fs::path> find_sdk(const store::Store& store) {
  std::error_code ec;
  for (const char* var : {"XSTATIC_DARWIN_SDK", "SDKROOT"})
    if (auto sdk = util::getenv_nonempty(var); sdk && fs::exists(fs::path(*sdk) / "usr/include", ec))
      return fs::path(*sdk);
  std::optional<fs::path> newest;
  std::string newest_version;
  for (const auto& e : fs::directory_iterator(store.sdks_dir(), ec)) {
    std::string name = e.path().filename().string();
    if (!name.starts_with("MacOSX") || !name.ends_with(".sdk")) continue;
    std::string version = name.substr(6, name.size() - 10);
    if (plain_version(version) && (!newest || version_less(newest_version, version))) {
      newest = e.path();
      newest_version = version;
    }
  }
  return newest;
}

}  // namespace xstatic::sysroot
