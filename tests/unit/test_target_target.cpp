// Parsing every spelling of a target, good and bad.
#include <doctest/doctest.h>

#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::target;

namespace {

std::string name_of(std::string_view spec, std::optional<Libc> libc = std::nullopt) {
  Target t = parse(spec, libc);
  return t.go_name() + ":" + std::string(t.libc_name());
}

std::string parse_error(std::string_view spec, std::optional<Libc> libc = std::nullopt) {
  try {
    parse(spec, libc);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("Go and Docker platform forms") {
  CHECK(name_of("linux/arm64") == "linux/arm64:musl");
  CHECK(name_of("linux/arm64/v8") == "linux/arm64:musl");
  CHECK(name_of("linux/amd64") == "linux/amd64:musl");
  CHECK(name_of("linux/amd64/v1") == "linux/amd64:musl");
  CHECK(name_of("linux/amd64/v3") == "linux/amd64/v3:musl");
  CHECK(name_of("linux/arm") == "linux/arm/v7:musl");
  CHECK(name_of("linux/arm/v7") == "linux/arm/v7:musl");
  CHECK(name_of("linux/arm/v6") == "linux/arm/v6:musl");
  CHECK(name_of("linux/arm/5") == "linux/arm/v5:musl");
  CHECK(name_of("linux/386") == "linux/386:musl");
  CHECK(name_of("linux/ppc64le") == "linux/ppc64le:musl");
  CHECK(name_of("linux/s390x", Libc::glibc) == "linux/s390x:glibc");
  CHECK(name_of("linux/mips64le") == "linux/mips64le:musl");
  CHECK(name_of("linux/mipsle") == "linux/mipsle:musl");
  CHECK(name_of("windows/amd64") == "windows/amd64:mingw");
  CHECK(name_of("windows/386") == "windows/386:mingw");
  CHECK(name_of("darwin/arm64") == "darwin/arm64:darwin");
  CHECK(name_of("wasip1/wasm") == "wasip1/wasm:wasi");
}

TEST_CASE("LLVM triples, normalised") {
  CHECK(name_of("aarch64-linux-musl") == "linux/arm64:musl");
  CHECK(name_of("aarch64-unknown-linux-gnu") == "linux/arm64:glibc");
  CHECK(name_of("x86_64-pc-linux-gnu") == "linux/amd64:glibc");
  CHECK(name_of("x86_64-linux-musl") == "linux/amd64:musl");
  CHECK(name_of("armv7-linux-musleabihf") == "linux/arm/v7:musl");
  CHECK(name_of("arm-linux-gnueabihf") == "linux/arm/v7:glibc");
  CHECK(name_of("arm-linux-gnueabi") == "linux/arm/v5:glibc");
  CHECK(name_of("armv6-linux-musleabi") == "linux/arm/v6:musl");
  CHECK(name_of("i686-linux-musl") == "linux/386:musl");
  CHECK(name_of("i386-linux-gnu") == "linux/386:glibc");
  CHECK(name_of("powerpc64le-linux-gnu") == "linux/ppc64le:glibc");
  CHECK(name_of("s390x-linux-musl") == "linux/s390x:musl");
  CHECK(name_of("mips64el-linux-gnuabi64") == "linux/mips64le:glibc");
  CHECK(name_of("x86_64-w64-mingw32") == "windows/amd64:mingw");
  CHECK(name_of("i686-w64-mingw32") == "windows/386:mingw");
  CHECK(name_of("arm64-apple-macos11") == "darwin/arm64:darwin");
  CHECK(name_of("wasm32-wasip1") == "wasip1/wasm:wasi");
  // A triple without an environment takes the libc given, else musl.
  CHECK(name_of("aarch64-linux") == "linux/arm64:musl");
  CHECK(name_of("aarch64-linux", Libc::glibc) == "linux/arm64:glibc");
}

TEST_CASE("bad targets are errors that suggest the closest names") {
  CHECK(parse_error("").find("empty target") != std::string::npos);
  CHECK(parse_error("linux/amr64").find("did you mean linux/arm64") != std::string::npos);
  CHECK(parse_error("linux/").find("unknown target 'linux/'") != std::string::npos);
  CHECK(parse_error("/arm64").find("unknown target '/arm64'") != std::string::npos);
  CHECK(parse_error("plan9/amd64").find("unknown target") != std::string::npos);
  CHECK(parse_error("linux/sparc64").find("unknown target") != std::string::npos);
  CHECK(parse_error("linux/arm64/v7").find("unknown variant 'v7'") != std::string::npos);
  CHECK(parse_error("linux/amd64/v9").find("v1, v2, v3, v4") != std::string::npos);
  CHECK(parse_error("linux/arm64/v8/x").find("unknown target") != std::string::npos);
  CHECK(parse_error("sparc64-linux-gnu").find("unknown target") != std::string::npos);
  CHECK(parse_error("aarch64-linux-musl", Libc::glibc).find("conflicts") != std::string::npos);
  CHECK(parse_error("windows/amd64", Libc::musl).find("does not support libc 'musl'") != std::string::npos);
  CHECK(parse_error("nonsense").find("unknown target") != std::string::npos);
}

TEST_CASE("Go's platforms that xstatic does not build say why, not 'did you mean'") {
  auto e = parse_error("linux/riscv64");
  CHECK(e.find("unknown target 'linux/riscv64': Go builds for linux/riscv64, xstatic does not") == 0);
  CHECK(e.find("has no riscv64 port") != std::string::npos);
  CHECK(e.find("did you mean") == std::string::npos);
  CHECK(parse_error("linux/mips").find("little-endian: linux/mipsle") != std::string::npos);
  CHECK(parse_error("linux/ppc64").find("linux/ppc64le is its port") != std::string::npos);
  CHECK(parse_error("freebsd/amd64").find("there is no sysroot for freebsd") != std::string::npos);
  CHECK(parse_error("openbsd/arm64").find("there is no sysroot for openbsd") != std::string::npos);
  CHECK(parse_error("windows/arm64").find("no ARM runtime") != std::string::npos);
  CHECK(parse_error("js/wasm").find("use wasip1/wasm") != std::string::npos);
  CHECK(parse_error("android/arm64").find("NDK") != std::string::npos);
  // Misspellings still get suggestions.
  CHECK(parse_error("linux/riscv").find("Go builds") == std::string::npos);
  CHECK(parse_error("freebsd").find("Go builds") == std::string::npos);
}

TEST_CASE("libc names") {
  CHECK(parse_libc("musl") == Libc::musl);
  CHECK(parse_libc("glibc") == Libc::glibc);
  CHECK(parse_libc("gnu") == Libc::glibc);
  CHECK_FALSE(parse_libc("uclibc"));
}

TEST_CASE("GOOS/GOARCH/GOARM/GOAMD64 from the environment") {
  Environment env;
  CHECK_FALSE(from_environment(env));
  env.goos = "linux";
  env.goarch = "arm64";
  CHECK(from_environment(env)->go_name() == "linux/arm64");
  env.goarch = "arm";
  env.goarm = "6";
  CHECK(from_environment(env)->go_name() == "linux/arm/v6");
  env.goarm = "7,softfloat";
  CHECK(from_environment(env)->go_name() == "linux/arm/v7");
  env.goarch = "amd64";
  env.goamd64 = "v3";
  CHECK(from_environment(env)->go_name() == "linux/amd64/v3");
  env.goarm.reset();
  env.goamd64.reset();
  env.goos.reset();  // GOOS defaults to the host's, as in Go
  CHECK(from_environment(env)->go_name() == "linux/amd64");
  env.goos = "linux";
  env.goarch = "arm46";
  std::string err;
  try {
    from_environment(env);
  } catch (const Error& e) {
    err = e.what();
  }
  CHECK(err.find("from GOOS/GOARCH") != std::string::npos);
  CHECK(err.find("did you mean") != std::string::npos);
}

TEST_CASE("what Go exports to a cgo compiler picks a variant where one exists and never fails a build") {
  auto from = [](std::string goos, std::string goarch, std::optional<std::string> goarm,
                 std::optional<std::string> goamd64) {
    Environment env;
    env.goos = std::move(goos);
    env.goarch = std::move(goarch);
    env.goarm = std::move(goarm);
    env.goamd64 = std::move(goamd64);
    return from_environment(env)->go_name();
  };
  CHECK(from("windows", "amd64", {}, "v1") == "windows/amd64");  // go env's default for every amd64 build
  CHECK(from("windows", "amd64", {}, "v3") == "windows/amd64/v3");
  CHECK(from("darwin", "amd64", {}, "v1") == "darwin/amd64");  // no variant rows: Go's own choice
  CHECK(from("darwin", "amd64", {}, "v3") == "darwin/amd64");
  CHECK(from("linux", "amd64", {}, "v1") == "linux/amd64");
  CHECK(from("linux", "arm", "7", "v1") == "linux/arm/v7");  // a GOAMD64 left over means nothing for arm
  CHECK(from("linux", "arm64", "7", "v1") == "linux/arm64");
  CHECK(from("windows", "386", "7", "v1") == "windows/386");
  CHECK(from_environment({"windows", "amd64", {}, "v1"})->libc == Libc::mingw);
  CHECK(parse("windows/amd64/v3").row->cflags == "-march=x86-64-v3");
  CHECK(parse("x86_64-w64-mingw32").go_name() == "windows/amd64");
}

TEST_CASE("a target prefix on argv[0]") {
  auto p = from_program_name("/usr/local/bin/aarch64-linux-musl-cc");
  REQUIRE(p);
  CHECK(p->target.go_name() == "linux/arm64");
  CHECK(p->tool == "cc");
  p = from_program_name("x86_64-linux-gnu-c++");
  REQUIRE(p);
  CHECK(p->target.libc == Libc::glibc);
  CHECK(p->tool == "c++");
  p = from_program_name("linux-arm64-cc");
  REQUIRE(p);
  CHECK(p->target.go_name() == "linux/arm64");
  p = from_program_name("linux-arm-v7-gcc");
  REQUIRE(p);
  CHECK(p->target.go_name() == "linux/arm/v7");
  CHECK(p->tool == "gcc");
  p = from_program_name("arm-linux-gnueabihf-ar");
  REQUIRE(p);
  CHECK(p->tool == "ar");
  CHECK_FALSE(from_program_name("xstatic"));
  CHECK_FALSE(from_program_name("/usr/bin/clang-19"));
  CHECK_FALSE(from_program_name("my-tool"));
}

TEST_CASE("resolution order: --target, then argv[0], then environment, then host") {
  Environment env;
  env.goos = "linux";
  env.goarch = "s390x";
  auto named = [](std::string_view argv0) -> std::optional<Target> {
    if (auto p = from_program_name(argv0)) return p->target;
    return std::nullopt;
  };
  CHECK(resolve("linux/arm64", std::nullopt, env, named("aarch64-linux-gnu-cc")).go_name() == "linux/arm64");
  CHECK(resolve(std::nullopt, std::nullopt, env, named("aarch64-linux-gnu-cc")).go_name() == "linux/arm64");
  CHECK(resolve(std::nullopt, std::nullopt, env, named("xstatic")).go_name() == "linux/s390x");
  CHECK(resolve(std::nullopt, std::nullopt, {}, named("aarch64-linux-gnu-cc")).libc == Libc::glibc);
  CHECK(resolve(std::nullopt, Libc::musl, {}, named("aarch64-linux-gnu-cc")).libc == Libc::musl);
  CHECK(resolve(std::nullopt, std::nullopt, {}, named("xstatic")) == host());
  CHECK(host().libc == Libc::musl);
}

TEST_CASE("suggestions") {
  auto s = suggest("linux/amd46");
  REQUIRE_FALSE(s.empty());
  CHECK(s.front() == "linux/amd64");
  CHECK(suggest("aarch64-linux-mulс").front() == "linux/arm64");
  CHECK(suggest("completely-unrelated-thing-here").empty());
  // Length alone rules most names out; the ones in reach are still found.
  CHECK(suggest("x86_64-linux-musll").front() == "linux/amd64");
  CHECK(suggest(std::string(4096, 'a')).empty());
}

TEST_CASE("try_parse answers nullopt where parse would throw, and the same target where it would not") {
  CHECK_FALSE(try_parse("linux/arm64x"));
  CHECK_FALSE(try_parse(""));
  CHECK_FALSE(try_parse("linux/arm/v9"));                     // unknown variant
  CHECK_FALSE(try_parse("aarch64-linux-musl", Libc::glibc));  // conflicting libc
  CHECK_FALSE(try_parse("windows/amd64", Libc::musl));        // a libc the row lacks
  REQUIRE(try_parse("aarch64-linux-gnu"));
  CHECK(*try_parse("aarch64-linux-gnu") == parse("aarch64-linux-gnu"));
  CHECK(parse_error("linux/arm/v9").find("unknown variant 'v9'") != std::string::npos);
}

TEST_CASE("a target describes itself as its Go name and libc") {
  CHECK(parse("linux/arm/v7", Libc::glibc).describe() == "linux/arm/v7 (glibc)");
}

TEST_CASE("--libc: empty means the target decides, a name is parsed, anything else is a usage error") {
  CHECK_FALSE(libc_option(""));
  CHECK(libc_option("glibc") == Libc::glibc);
  CHECK_THROWS_AS(libc_option("libc6"), Error);
}
