// Apple's macOS SDK, which the user brings: its licence keeps it out of every
// package archive, so `xstatic sdk import PATH/MacOSX.sdk` copies it into the
// store, under a folder named after its version:
//
//   <store>/sdks/MacOSX<version>.sdk/   one imported SDK each (SDKSettings.json inside)
//   <store>/sdks/.tmp-*                 imports in progress (renamed into place when done)
//
// The darwin targets use, in this order: $XSTATIC_DARWIN_SDK, $SDKROOT, the
// newest imported SDK.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

struct Sdk {
  fs::path path;
  std::string version;             // SDKSettings.json "Version": "14.0"
  std::string display_name;        // "MinimalDisplayName" (else "DisplayName"): "14.0"
  std::string default_deployment;  // "DefaultDeploymentTarget": "14.0"
  std::string minimum_deployment;  // SupportedTargets.macosx.MinimumDeploymentVersion, or ""
  std::vector<std::string> archs;  // SupportedTargets.macosx.Archs, or empty when not said
};

// The files without which clang and ld64.lld cannot use an SDK folder.
inline constexpr const char* kSdkRequired[] = {"SDKSettings.json", "usr/include", "usr/lib/libSystem.tbd"};

// Reads and checks an SDK folder. Throws Error (Exit::usage) naming every
// missing required file, or an unreadable or version-less SDKSettings.json.
Sdk read_sdk(const fs::path& dir);
// The same, nullopt where read_sdk throws (listing skips what is no SDK).
std::optional<Sdk> try_read_sdk(const fs::path& dir);

// Parses SDKSettings.json text; `dir` is only for messages and Sdk::path.
Sdk parse_sdk_settings(std::string_view json, const fs::path& dir);

// "MacOSX14.0.sdk": the store's folder name for an SDK version.
std::string sdk_folder_name(const std::string& version);

// Copies the SDK at `source` into the store (locked, atomic: a copy beside the
// final place renamed into it; importing a version again replaces it).
Sdk import_sdk(const store::Store& store, const fs::path& source, bool quiet);

// Imported SDKs, newest version first.
std::vector<Sdk> list_sdks(const store::Store& store);

// Removes the imported SDK of `version`; false when there is none.
bool remove_sdk(const store::Store& store, const std::string& version);

// The SDK the darwin targets use: $XSTATIC_DARWIN_SDK, $SDKROOT, else the
// newest imported one. Cheap (no file is read): the compiler path calls it.
std::optional<fs::path> find_sdk(const store::Store& store);

// "1.2.10" < "1.10": numeric comparison of dotted versions.
bool version_less(std::string_view a, std::string_view b);

}  // namespace xstatic::sysroot
