// The user's macOS SDK: reading SDKSettings.json, what makes a folder an SDK,
// and importing, listing, finding and removing SDKs in a store.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/sysroot/sdk.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::sysroot;

namespace {

constexpr const char* kSettings =
    R"({"Version": "14.2", "MinimalDisplayName": "14.2", "DisplayName": "macOS 14.2",
  "DefaultDeploymentTarget": "14.2",
  "SupportedTargets": {"macosx": {"MinimumDeploymentVersion": "10.13", "Archs": ["x86_64", "arm64"]}}})";

fs::path make_sdk(const fs::path& dir, const std::string& version) {
  std::string settings = kSettings;
  settings.replace(settings.find("14.2"), 4, version);
  testing::write_file(dir / "SDKSettings.json", settings);
  testing::write_file(dir / "usr/include/stdio.h", "int puts(const char *);\n");
  testing::write_file(dir / "usr/lib/libSystem.tbd", "--- !tapi-tbd\n...\n");
  return dir;
}

std::string error_of(const fs::path& dir) {
  try {
    read_sdk(dir);
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    return e.what();
  }
  return "";
}

// The environment variables find_sdk reads, unset for one test and restored.
struct NoSdkEnv {
  NoSdkEnv() {
    for (const char* v : {"SDKROOT", "XSTATIC_DARWIN_SDK"})
      if (const char* old = ::getenv(v)) saved.emplace_back(v, old);
    ::unsetenv("SDKROOT");
    ::unsetenv("XSTATIC_DARWIN_SDK");
  }
  ~NoSdkEnv() {
    ::unsetenv("SDKROOT");
    for (auto& [k, v] : saved) ::setenv(k.c_str(), v.c_str(), 1);
  }
  std::vector<std::pair<std::string, std::string>> saved;
};

}  // namespace

TEST_CASE("SDKSettings.json gives the version, names, deployment targets and archs") {
  auto sdk = parse_sdk_settings(kSettings, "/sdk");
  CHECK(sdk.version == "14.2");
  CHECK(sdk.display_name == "14.2");
  CHECK(sdk.default_deployment == "14.2");
  CHECK(sdk.minimum_deployment == "10.13");
  CHECK(sdk.archs == std::vector<std::string>{"x86_64", "arm64"});
  CHECK(sdk_folder_name(sdk.version) == "MacOSX14.2.sdk");
}

TEST_CASE("a version that cannot be a folder name is refused") {
  CHECK_THROWS_WITH_AS(parse_sdk_settings(R"({"Version": "../x"})", "/sdk"),
                       doctest::Contains("has no usable \"Version\""), Error);
  CHECK_THROWS_AS(parse_sdk_settings(R"({"DisplayName": "macOS"})", "/sdk"), Error);
  CHECK_THROWS_WITH_AS(parse_sdk_settings("{not json", "/sdk"), doctest::Contains("is not valid JSON"),
                       Error);
}

TEST_CASE("a folder that is not an SDK is told exactly what it lacks") {
  testing::ScratchDir scratch;
  CHECK(error_of(scratch.path)
            .ends_with("is not a macOS SDK: missing SDKSettings.json, usr/include, "
                       "usr/lib/libSystem.tbd"));
  make_sdk(scratch.path, "14.2");
  fs::remove(scratch.path / "usr/lib/libSystem.tbd");
  CHECK(error_of(scratch.path).ends_with("missing usr/lib/libSystem.tbd"));
  CHECK(error_of(scratch.path / "nothing").find("is not a folder") != std::string::npos);
}

TEST_CASE("try_read_sdk reads what read_sdk reads, and answers nullopt where it throws") {
  testing::ScratchDir scratch;
  fs::path sdk = scratch.path / "MacOSX14.2.sdk";
  CHECK_FALSE(try_read_sdk(sdk));  // not there
  CHECK_THROWS_AS(read_sdk(sdk), Error);
  make_sdk(sdk, "14.2");
  auto read = try_read_sdk(sdk);
  REQUIRE(read);
  CHECK(read->version == read_sdk(sdk).version);
  CHECK(read->path == sdk);
  CHECK(read->archs == std::vector<std::string>{"x86_64", "arm64"});
  testing::write_file(sdk / "SDKSettings.json", "{not json");
  CHECK_FALSE(try_read_sdk(sdk));
  CHECK(error_of(sdk).find("is not valid JSON") != std::string::npos);
  testing::write_file(sdk / "SDKSettings.json", R"({"Version": "../x"})");
  CHECK_FALSE(try_read_sdk(sdk));
  fs::remove(sdk / "usr/lib/libSystem.tbd");
  CHECK_FALSE(try_read_sdk(sdk));
  CHECK(error_of(sdk).ends_with("missing usr/lib/libSystem.tbd"));
}

TEST_CASE("versions compare by number") {
  CHECK(version_less("9.0", "10.0"));
  CHECK(version_less("14.2", "14.10"));
  CHECK(version_less("14", "14.0.1"));
  CHECK_FALSE(version_less("14.0", "14"));
  CHECK_FALSE(version_less("15.0", "14.9"));
}

TEST_CASE("imported SDKs are copies named by version; the newest is found; remove takes one away") {
  testing::ScratchDir scratch;
  NoSdkEnv env;
  store::Store store(scratch.path / "store");
  CHECK_FALSE(find_sdk(store));
  auto older = make_sdk(scratch.path / "a/MacOSX.sdk", "9.3");
  auto newer = make_sdk(scratch.path / "b/MacOSX.sdk", "14.2");
  auto imported = import_sdk(store, older, true);
  CHECK(imported.path == store.sdks_dir() / "MacOSX9.3.sdk");
  CHECK(fs::is_regular_file(imported.path / "usr/lib/libSystem.tbd"));
  import_sdk(store, newer, true);
  auto all = list_sdks(store);
  REQUIRE(all.size() == 2);
  CHECK(all[0].version == "14.2");  // newest first
  CHECK(find_sdk(store) == store.sdks_dir() / "MacOSX14.2.sdk");
  ::setenv("SDKROOT", older.c_str(), 1);
  CHECK(find_sdk(store) == older);  // $SDKROOT wins over the store
  ::unsetenv("SDKROOT");
  CHECK(remove_sdk(store, "14.2"));
  CHECK_FALSE(remove_sdk(store, "14.2"));
  CHECK_FALSE(remove_sdk(store, "../.."));
  CHECK(find_sdk(store) == store.sdks_dir() / "MacOSX9.3.sdk");
  CHECK(fs::exists(newer / "SDKSettings.json"));  // the user's own SDK is never touched
}
