// Where a target's sysroot is, and what installs it: the store's sysroots
// for the libcs xstatic provisions (musl, glibc, WASI), the macOS SDK the user
// imported, and system locations for the others (mingw-w64 from Debian).
//
// Cheap (a stat or two, no subprocess): the compiler hot path calls find().
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::sysroot {

namespace fs = std::filesystem;

// The sysroot for `t` when it is installed, else nullopt: the store's sysroot
// when its manifest exists, the newest imported SDK for darwin, the system's
// mingw-w64 tree for Windows.
std::optional<fs::path> find(const store::Store& store, const target::Target& t);

// musl, glibc and WASI (wasi-libc + libc++ for wasm32, arch:all packages)
// sysroots are provisioned into the store; mingw-w64 and macOS SDKs are found
// where their own installers put them.
bool is_provisioned_by_xstatic(const target::Target& t);
// The same for a libc: it has a recipe in sysroots/<libc>.json.
bool has_recipe(target::Libc libc);

// The command that installs the sysroot for `t`, for error messages.
std::string install_command(const target::Target& t);

}  // namespace xstatic::sysroot
