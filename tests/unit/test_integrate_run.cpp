// Reading a binary's target from its ELF header, and planning how to run it.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "xstatic/integrate/run.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::integrate;
namespace fs = std::filesystem;

TEST_CASE("a host binary is the host's target and runs natively") {
  fs::path self = fs::read_symlink("/proc/self/exe");
  auto t = target_of_binary(self);
  CHECK(t.row->goarch == target::host().row->goarch);
  auto plan = plan_run(self, {"--help"}, std::nullopt, store::Store("/nonexistent"));
  CHECK(plan.native);
  CHECK(plan.argv == std::vector<std::string>{self.string(), "--help"});
}

TEST_CASE("an explicit foreign target runs under its qemu-user binary") {
  fs::path self = fs::read_symlink("/proc/self/exe");
  try {
    auto plan = plan_run(self, {"a"}, target::parse("linux/arm64"), store::Store("/nonexistent"));
    CHECK_FALSE(plan.native);
    REQUIRE(plan.argv.size() == 3);
    CHECK(fs::path(plan.argv[0]).filename() == "qemu-aarch64-static");
    CHECK(plan.argv[1] == self.string());
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);  // qemu-user-static not installed on this machine
  }
}

TEST_CASE("files that are not ELF are refused with a reason") {
  fs::path file = fs::temp_directory_path() / ("xstatic-unit-run-" + std::to_string(::getpid()));
  std::ofstream(file) << "#!/bin/sh\necho hi\n";
  CHECK_THROWS_AS(target_of_binary(file), Error);
  CHECK_THROWS_AS(target_of_binary(file.string() + ".missing"), Error);
  fs::remove(file);
}

TEST_CASE("a Windows program runs under wine, headless, in a prefix in the store unless WINEPREFIX says") {
  store::Store store("/nonexistent/store");
  std::optional<std::string> saved;
  if (const char* v = std::getenv("WINEPREFIX")) saved = v;
  ::unsetenv("WINEPREFIX");
  try {
    auto plan = plan_run("app.exe", {"a"}, target::parse("windows/amd64"), store);
    CHECK_FALSE(plan.native);
    REQUIRE(plan.argv.size() == 3);
    CHECK(fs::path(plan.argv[0]).filename().string().starts_with("wine"));
    CHECK(plan.argv[1] == "app.exe");
    CHECK(std::find(plan.env.begin(), plan.env.end(), "WINEPREFIX=/nonexistent/store/wine") !=
          plan.env.end());
    REQUIRE(plan.wine);
    ::setenv("WINEPREFIX", "/elsewhere", 1);
    auto own = plan_run("app.exe", {}, target::parse("windows/amd64"), store);
    CHECK(own.wine->prefix == fs::path("/elsewhere"));
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);  // wine not installed on this machine
    CHECK(std::string(e.hint()).find("apt-get install wine") != std::string::npos);
  }
  if (saved)
    ::setenv("WINEPREFIX", saved->c_str(), 1);
  else
    ::unsetenv("WINEPREFIX");
}

TEST_CASE("Debian's wine64 without wine32: windows/386 fails naming wine32:i386, never runs as nothing") {
  fs::path dir = fs::temp_directory_path() / ("xstatic-unit-wine-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "wine64") << "";
  store::Store store("/nonexistent/store");
  CHECK(find_wine(true, dir) == (dir / "wine64").string());
  CHECK_FALSE(find_wine(false, dir));
  CHECK(wine_for(target::parse("windows/amd64"), store, dir).loader == (dir / "wine64").string());
  try {
    wine_for(target::parse("windows/386"), store, dir);
    FAIL("windows/386 found a loader in a folder with only wine64");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);
    CHECK(std::string(e.what()).find("wine32") != std::string::npos);
    CHECK(std::string(e.hint()).find("dpkg --add-architecture i386") != std::string::npos);
    CHECK(std::string(e.hint()).find("wine32:i386") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE(
    "a wasm module runs under node's node:wasi without its warning, or the error says what to install") {
  store::Store store("/nonexistent/store");
  std::string saved_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  fs::path dir = fs::temp_directory_path() / ("xstatic-unit-wasi-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto node = dir / "node";
  std::ofstream(node) << "#!/bin/sh\n";
  fs::permissions(node, fs::perms::owner_all);
  ::setenv("PATH", dir.c_str(), 1);
  auto plan = plan_run("app.wasm", {"a", "b"}, target::parse("wasip1/wasm"), store);
  CHECK_FALSE(plan.native);
  REQUIRE(plan.argv.size() >= 4);
  CHECK(plan.argv[0] == node.string());
  CHECK(std::find(plan.argv.begin(), plan.argv.end(), "--no-warnings") != plan.argv.end());
  CHECK(std::vector<std::string>(plan.argv.end() - 4, plan.argv.end()) ==
        std::vector<std::string>{"--", "app.wasm", "a", "b"});
  // wasmtime, when there, comes first.
  auto wasmtime = dir / "wasmtime";
  std::ofstream(wasmtime) << "#!/bin/sh\n";
  fs::permissions(wasmtime, fs::perms::owner_all);
  CHECK(plan_run("app.wasm", {}, target::parse("wasip1/wasm"), store).argv[0] == wasmtime.string());
  fs::remove_all(dir);
  ::setenv("PATH", "/nonexistent", 1);
  try {
    plan_run("app.wasm", {}, target::parse("wasip1/wasm"), store);
    FAIL("no runtime, no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);
    CHECK(std::string(e.hint()).find("apt-get install nodejs") != std::string::npos);
  }
  ::setenv("PATH", saved_path.c_str(), 1);
}
