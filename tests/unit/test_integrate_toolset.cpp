// Launcher names and toolsets: every name a launcher gets must lead back to
// exactly its target through argv[0], or builds would silently cross-compile
// for the wrong machine.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "xstatic/driver/driver.hpp"
#include "xstatic/integrate/toolset.hpp"
#include "xstatic/sysroot/links_store.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::integrate;
namespace fs = std::filesystem;

TEST_CASE("every launcher prefix names its own target through argv[0]") {
  int checked = 0;
  for (const auto& row : target::table()) {
    for (auto libc : {target::Libc::musl, target::Libc::glibc, target::Libc::mingw, target::Libc::darwin,
                      target::Libc::wasi}) {
      if (!(row.libcs & target::libc_bit(libc))) continue;
      target::Target t{&row, libc};
      if (!row.default_variant && libc != target::default_libc(row)) {
        CHECK_THROWS_AS(launcher_prefix(t), Error);
        CHECK_FALSE(try_launcher_prefix(t));
        continue;
      }
      std::string prefix = launcher_prefix(t);
      CHECK(try_launcher_prefix(t) == prefix);
      for (const char* tool : {"cc", "c++", "g++"}) {
        auto named = target::from_program_name("/some/bin/" + prefix + "-" + tool);
        REQUIRE_MESSAGE(named, prefix);
        CHECK_MESSAGE(named->target == t, std::string(prefix + " names " + named->target.go_name()));
        CHECK(named->tool == tool);
      }
      ++checked;
    }
  }
  CHECK(checked > 20);
}

TEST_CASE("launcher prefixes are triples for default variants, Go names for the others") {
  CHECK(launcher_prefix(target::parse("linux/arm64")) == "aarch64-linux-musl");
  CHECK(launcher_prefix(target::parse("linux/arm64", target::Libc::glibc)) == "aarch64-linux-gnu");
  CHECK(launcher_prefix(target::parse("linux/arm/v7")) == "armv7-linux-musleabihf");
  CHECK(launcher_prefix(target::parse("linux/arm/v6")) == "linux-arm-v6");
  CHECK(launcher_prefix(target::parse("linux/amd64/v3")) == "linux-amd64-v3");
}

TEST_CASE("a glibc floor's launchers carry it in zig's spelling, and argv[0] gives it back") {
  auto floored = target::parse("x86_64-linux-gnu.2.31");
  CHECK(launcher_prefix(floored) == "x86_64-linux-gnu.2.31");
  auto named = target::from_program_name("/store/bin/x86_64-linux-gnu.2.31-cc");
  REQUIRE(named);
  CHECK(named->target == floored);
  CHECK(named->tool == "cc");
  auto names = driver::link_names(floored);
  CHECK(std::find(names.begin(), names.end(), "x86_64-linux-gnu.2.31-c++") != names.end());
  CHECK(std::find(names.begin(), names.end(), "x86_64-linux-gnu-c++") ==
        names.end());  // bookworm's, not this floor's
  // The default floor is the plain triple; a floor no release has is an error, not the host's compiler.
  CHECK(launcher_prefix(target::parse("x86_64-linux-gnu.2.36")) == "x86_64-linux-gnu");
  CHECK_THROWS_WITH_AS(target::from_program_name("x86_64-linux-gnu.2.17-cc"),
                       doctest::Contains("no Debian release has glibc 2.17"), Error);
  CHECK_THROWS_WITH_AS(target::from_program_name("x86_64-linux-musl.2.31-cc"), doctest::Contains("uses musl"),
                       Error);
}

TEST_CASE("try_describe gives describe's toolset, and nullopt for a variant no program name carries") {
  store::Store store("/nonexistent/store");
  auto arm64 = target::parse("linux/arm64");
  auto tools = try_describe(store, arm64, "/x");
  REQUIRE(tools);
  CHECK(tools->prefix == describe(store, arm64, "/x").prefix);
  CHECK(tools->cc == describe(store, arm64, "/x").cc);
  auto v3_glibc = target::parse("linux/amd64/v3", target::Libc::glibc);
  CHECK_FALSE(try_describe(store, v3_glibc, "/x"));
  CHECK_THROWS_WITH_AS(describe(store, v3_glibc, "/x"),
                       doctest::Contains("no program name carries linux/amd64/v3"), Error);
}

TEST_CASE("Debian multiarch folders") {
  CHECK(debian_multiarch(*target::parse("linux/386").row) == "i386-linux-gnu");
  CHECK(debian_multiarch(*target::parse("linux/arm64").row) == "aarch64-linux-gnu");
  CHECK(debian_multiarch(*target::parse("linux/arm/v7").row) == "arm-linux-gnueabihf");
}

TEST_CASE("a toolset puts one-word tools in the store's bin folder") {
  store::Store store("/nonexistent/store");
  auto tools = describe(store, target::parse("linux/arm64", target::Libc::glibc), "/opt/xstatic/bin/xstatic");
  CHECK(tools.bin_dir == fs::path("/nonexistent/store/bin"));
  CHECK(tools.cc == fs::path("/nonexistent/store/bin/aarch64-linux-gnu-cc"));
  CHECK(tools.cxx == fs::path("/nonexistent/store/bin/aarch64-linux-gnu-c++"));
  CHECK(tools.pkg_config == fs::path("/nonexistent/store/bin/aarch64-linux-gnu-pkg-config"));
  CHECK(tools.sysroot == fs::path("/nonexistent/store/sysroots/arm64-glibc"));
  CHECK_FALSE(tools.sysroot_installed);
  REQUIRE(tools.pkg_config_dirs.size() == 3);
  CHECK(tools.pkg_config_dirs[0] ==
        fs::path("/nonexistent/store/sysroots/arm64-glibc/usr/lib/aarch64-linux-gnu/pkgconfig"));
  REQUIRE(tools.emulator.size() == 1);
  CHECK(fs::path(tools.emulator[0]).filename() == "qemu-aarch64-static");
}

TEST_CASE("the host's own architecture needs no emulator; Windows has no qemu (wine runs it: xstatic run)") {
  auto host = target::host();
  CHECK(runs_natively(host));
  CHECK(emulator_for(host)->empty());
  CHECK_FALSE(emulator_for(target::parse("windows/amd64")).has_value());
}

TEST_CASE("wasm modules run through xstatic run (a WASI runtime), from a sysroot in the store") {
  store::Store store("/nonexistent/store");
  auto tools = describe(store, target::parse("wasip1/wasm"), "/opt/xstatic/bin/xstatic");
  CHECK(tools.runnable);
  CHECK(tools.emulator == std::vector<std::string>{"/opt/xstatic/bin/xstatic", "run", "--"});
  CHECK(tools.sysroot == fs::path("/nonexistent/store/sysroots/all-wasi"));
}

TEST_CASE("launchers are the driver's links to xstatic, made idempotently, plus pkg-config") {
  fs::path dir = fs::temp_directory_path() / ("xstatic-unit-launchers-" + std::to_string(::getpid()));
  store::Store store(dir);
  auto tools = describe(store, target::parse("linux/arm64"), "/opt/xstatic/bin/xstatic");
  ensure_launchers(tools);
  ensure_launchers(tools);  // a second call changes nothing and does not fail
  for (const auto& link : {tools.cc, tools.cxx, tools.ar, tools.ranlib, tools.nm, tools.strip, tools.objcopy,
                           tools.objdump, tools.readelf})
    CHECK_MESSAGE(fs::read_symlink(link) == fs::path("/opt/xstatic/bin/xstatic"), link.string());
  CHECK((fs::status(tools.pkg_config).permissions() & fs::perms::owner_exec) != fs::perms::none);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tools.bin_dir)) ++entries;
  // The links, pkg-config and the store marker; no temporary left behind.
  CHECK(entries == driver::link_names(tools.target).size() + 2);
  CHECK(sysroot::read_links_store(tools.bin_dir) == std::optional<fs::path>(dir));
  fs::remove_all(dir);
}
