// The clang command an invocation becomes.
#include <doctest/doctest.h>

#include <algorithm>

#include "xstatic/driver/command.hpp"
#include "xstatic/driver/glibc.hpp"
#include "xstatic/util/strings.hpp"

using namespace xstatic;
using namespace xstatic::driver;

namespace {

Plan plan_for(std::string_view spec, std::optional<target::Libc> libc = std::nullopt) {
  Plan plan;
  plan.target = target::parse(spec, libc);
  plan.sysroot = "/store/sysroots/x";
  plan.clang.path = "/usr/bin/clang-19";
  plan.clang.major = 19;
  return plan;
}

std::string cmd(std::vector<std::string> args, const Plan& plan) {
  return util::join(build_command(parse(args), plan), " ");
}

}  // namespace

TEST_CASE(
    "a link gets target, sysroot, lld, -static, gc-sections, safe folding and -s, before the user's flags") {
  CHECK(cmd({"a.c", "-O2", "-o", "app"}, plan_for("linux/arm64")) ==
        "/usr/bin/clang-19 --target=aarch64-linux-musl --sysroot=/store/sysroots/x -fuse-ld=lld -static "
        "-Wl,--gc-sections -Wl,--icf=safe -s a.c -O2 -o app");
}

TEST_CASE("identical code folding: safe on ELF links only, and never in a partial link") {
  CHECK(cmd({"a.c"}, plan_for("linux/amd64")).find(" -Wl,--icf=safe ") != std::string::npos);
  CHECK(cmd({"-r", "a.o", "b.o"}, plan_for("linux/amd64")).find("--icf") == std::string::npos);
  CHECK(cmd({"-c", "a.c"}, plan_for("linux/amd64")).find("--icf") == std::string::npos);
  CHECK(cmd({"a.c"}, plan_for("windows/amd64")).find("--icf") == std::string::npos);
}

TEST_CASE("compile-only gets no link flags") {
  CHECK(cmd({"-c", "a.c"}, plan_for("linux/arm64")) ==
        "/usr/bin/clang-19 --target=aarch64-linux-musl --sysroot=/store/sysroots/x -c a.c");
}

TEST_CASE("variants add their -march flags") {
  CHECK(cmd({"-c", "a.c"}, plan_for("linux/amd64/v3")).find(" -march=x86-64-v3 -c a.c") != std::string::npos);
  CHECK(cmd({"-c", "a.c"}, plan_for("linux/arm/v7")).find("--target=armv7-linux-musleabihf") !=
        std::string::npos);
  CHECK(cmd({"-c", "a.c"}, plan_for("linux/arm/v7")).find("-mfloat-abi=hard") != std::string::npos);
}

TEST_CASE("strip and pie choices") {
  auto p = plan_for("linux/amd64");
  CHECK(cmd({"-g", "a.c"}, p).find(" -s ") == std::string::npos);
  CHECK(cmd({"--strip=all", "-g", "a.c"}, p).find(" -s ") != std::string::npos);
  CHECK(cmd({"--strip=none", "a.c"}, p).find(" -s ") == std::string::npos);
  CHECK(cmd({"--strip=debug", "a.c"}, p).find(" -Wl,--strip-debug ") != std::string::npos);
  CHECK(cmd({"--pie", "a.c"}, p).find(" -static-pie ") != std::string::npos);
  CHECK(cmd({"--pie", "a.c"}, p).find(" -static ") == std::string::npos);
  CHECK(cmd({"-shared", "a.o"}, p).find(" -static ") == std::string::npos);
  CHECK(cmd({"-shared", "a.o"}, p).find(" -static-libgcc ") != std::string::npos);
  CHECK(cmd({"-r", "a.o", "b.o"}, p).find("--gc-sections") == std::string::npos);
}

TEST_CASE("Windows and wasm get only what means something there") {
  auto win = cmd({"a.c"}, plan_for("windows/amd64"));
  CHECK(win.find("--target=x86_64-w64-mingw32") != std::string::npos);
  CHECK(win.find(" -static ") != std::string::npos);
  auto wasm = cmd({"--pie", "a.c"}, plan_for("wasip1/wasm"));
  CHECK(wasm.find("-static") == std::string::npos);
  CHECK(wasm.find("-fuse-ld") == std::string::npos);
}

TEST_CASE(
    "a WASI link names its libraries from the sysroot, without exceptions, and writes a.wasm by default") {
  auto c = cmd({"a.c", "-o", "app.wasm"}, plan_for("wasip1/wasm"));
  CHECK(c.find(" -fno-exceptions -nodefaultlibs ") != std::string::npos);
  CHECK(util::ends_with(
      c, "a.c -o app.wasm -lc /store/sysroots/x/lib/wasm32-wasip1/libclang_rt.builtins-wasm32.a"));
  Plan cxx = plan_for("wasip1/wasm");
  cxx.language = Language::cxx;
  auto cx = cmd({"a.cpp"}, cxx);
  CHECK(cx.find(" -o a.wasm ") != std::string::npos);
  CHECK(cx.find("a.cpp -lc++ -lc++abi -lc /store/") != std::string::npos);
  // The user choosing the libraries, and compile-only calls, get none of it.
  CHECK(cmd({"-nostdlib", "a.c"}, plan_for("wasip1/wasm")).find("-lc") == std::string::npos);
  auto compile = cmd({"-c", "a.c"}, plan_for("wasip1/wasm"));
  CHECK(compile.find("-nodefaultlibs") == std::string::npos);
  CHECK(compile.find("-fno-exceptions") != std::string::npos);
  CHECK(output_of(parse({"a.c"}), target::parse("wasip1/wasm")) == "a.wasm");
}

TEST_CASE("Windows C++ takes libstdc++ from the posix gcc folder and links winpthreads statically") {
  auto p = plan_for("windows/amd64");
  p.gcc_dir = "/usr/lib/gcc/x86_64-w64-mingw32/12-posix";
  p.language = Language::cxx;
  std::string g = "/usr/lib/gcc/x86_64-w64-mingw32/12-posix";
  std::string includes = " -nostdinc++ -isystem " + g + "/include/c++ -isystem " + g +
                         "/include/c++/x86_64-w64-mingw32 -isystem " + g + "/include/c++/backward ";
  auto compile = cmd({"-c", "a.cpp"}, p);
  CHECK(compile.find(includes) != std::string::npos);
  CHECK(compile.find("-lwinpthread") == std::string::npos);
  auto link = cmd({"a.cpp", "-o", "a.exe"}, p);
  CHECK(link.find(includes) != std::string::npos);
  CHECK(link.find(" -static ") != std::string::npos);
  CHECK(link.find(" -B" + g + " -L" + g + " -lwinpthread ") != std::string::npos);
  CHECK(compile.find(" -B") == std::string::npos);
  // A DLL carries libgcc, libstdc++ and winpthreads inside as well (mingw's -shared -static).
  auto dll = cmd({"-shared", "a.o", "-o", "a.dll"}, p);
  CHECK(dll.find(" -static ") != std::string::npos);
  CHECK(dll.find(" -lwinpthread ") != std::string::npos);
  p.language = Language::c;
  CHECK(cmd({"-c", "a.c"}, p).find("-nostdinc++") == std::string::npos);
}

TEST_CASE("Go's GNU ld script for Windows links is dropped; other -T and other targets keep theirs") {
  std::string go_script = "-Wl,-T,/tmp/go-link-123/fix_debug_gdb_scripts.ld";
  auto win = cmd({"a.o", go_script, "-o", "a.exe"}, plan_for("windows/amd64"));
  CHECK(win.find("-Wl,-T") == std::string::npos);
  CHECK(win.find(" a.o -o a.exe") != std::string::npos);
  CHECK(cmd({"a.o", "-Wl,-T,my.ld"}, plan_for("windows/amd64")).find("-Wl,-T,my.ld") != std::string::npos);
  CHECK(cmd({"a.o", go_script}, plan_for("linux/amd64")).find(go_script) != std::string::npos);
}

TEST_CASE("Meson's -Wl,--allow-shlib-undefined is dropped for Windows links only") {
  auto win = cmd({"a.o", "-Wl,--allow-shlib-undefined", "-o", "a.exe"}, plan_for("windows/amd64"));
  CHECK(win.find("allow-shlib-undefined") == std::string::npos);
  auto elf = cmd({"a.o", "-Wl,--allow-shlib-undefined"}, plan_for("linux/amd64"));
  CHECK(elf.find("-Wl,--allow-shlib-undefined") != std::string::npos);
}

TEST_CASE("C++ uses clang++ beside clang, else --driver-mode=g++; libc++ runtimes when given") {
  auto p = plan_for("linux/arm64");
  p.language = Language::cxx;
  CHECK(cmd({"-c", "a.cpp"}, p).starts_with("/usr/bin/clang-19 --driver-mode=g++ "));
  p.cxx_driver = "/usr/bin/clang++-19";
  runtimes::Installed rt;
  rt.root = "/rt";
  rt.include_dir = "/rt/include/c++/v1";
  rt.lib_dir = "/rt/lib";
  p.cxx_runtimes = rt;
  auto link = cmd({"a.cpp", "-o", "app"}, p);
  CHECK(link.starts_with("/usr/bin/clang++-19 "));
  CHECK(link.ends_with(
      " -nostdinc++ -isystem /rt/include/c++/v1 -nostdlib++ -L/rt/lib -lc++ -lc++abi -lunwind a.cpp -o app"));
  CHECK(link.find(" -static ") < link.find(" -nostdinc++ "));  // after target, sysroot and -static
  auto compile = cmd({"-c", "a.cpp"}, p);
  CHECK(compile.ends_with(" -nostdinc++ -isystem /rt/include/c++/v1 -c a.cpp"));
  CHECK(needs_cxx_runtimes(Language::cxx, target::parse("linux/arm64")));
  CHECK_FALSE(needs_cxx_runtimes(Language::cxx, target::parse("linux/arm64", target::Libc::glibc)));
  CHECK_FALSE(needs_cxx_runtimes(Language::c, target::parse("linux/arm64")));
}

TEST_CASE("language from the tool name, and names that are no compiler") {
  CHECK(compiler_language("cc") == Language::c);
  CHECK(compiler_language("gcc") == Language::c);
  CHECK(compiler_language("clang") == Language::c);
  CHECK(compiler_language("c++") == Language::cxx);
  CHECK(compiler_language("g++") == Language::cxx);
  CHECK(compiler_language("clang++") == Language::cxx);
  CHECK(compiler_language("cxx") == Language::cxx);
  CHECK_FALSE(compiler_language("ar"));
  CHECK_FALSE(compiler_language("cc1"));
  CHECK_FALSE(compiler_language(""));
  // install-links makes a name for every compiler but cxx (accepted, not made).
  std::vector<std::string> linked;
  for (const auto& c : compiler_names())
    if (c.linked) linked.emplace_back(c.name);
  CHECK(linked == std::vector<std::string>{"cc", "c++", "gcc", "g++", "clang", "clang++"});
}

TEST_CASE("static glibc hazards from lld's --why-extract report") {
  auto fns = glibc_hazard_functions();
  CHECK(std::is_sorted(fns.begin(), fns.end()));
  std::string report =
      "reference\textracted\tsymbol\n"
      "main.o\tlibc.a(getaddrinfo.o)\tgetaddrinfo\n"
      "libc.a(gconv_db.o)\tlibc.a(gconv_dl.o)\t__gconv_release_shlib\n"
      "main.o\tlibc.a(getpwnam.o)\tgetpwnam\n"
      "x.o\tlibc.a(getaddrinfo.o)\tgetaddrinfo\n";
  CHECK(glibc_hazards_in_why_extract(report) == std::vector<std::string>{"getaddrinfo", "getpwnam"});
  CHECK(glibc_hazards_in_why_extract("reference\textracted\tsymbol\n").empty());
  CHECK(has_glibc_link_warning(
      "warning: Using 'getaddrinfo' in statically linked applications requires at runtime "
      "the shared libraries from the glibc version used for linking"));
}

TEST_CASE("the allocator archive comes after the user's inputs, whole only when forced") {
  auto p = plan_for("linux/arm64");
  p.allocator = "/store/runtimes/mimalloc/lib/libmimalloc.a";
  // After the user's objects and -l options, so a malloc they bring is the one lld takes.
  CHECK(util::ends_with(cmd({"a.c", "-ljemalloc", "-o", "app"}, p),
                        "a.c -ljemalloc -o app /store/runtimes/mimalloc/lib/libmimalloc.a"));
  p.allocator_forced = true;
  CHECK(util::ends_with(
      cmd({"a.c", "-o", "app"}, p),
      "-o app -Wl,--whole-archive /store/runtimes/mimalloc/lib/libmimalloc.a -Wl,--no-whole-archive"));
  // A -x LANG of the user's would make clang read the archive as source.
  CHECK(util::ends_with(cmd({"-x", "c", "-", "-o", "app"}, p),
                        "-o app -x none -Wl,--whole-archive /store/runtimes/mimalloc/lib/libmimalloc.a "
                        "-Wl,--no-whole-archive"));
  // Never into shared libraries, partial links or compiles.
  CHECK(cmd({"-shared", "a.o"}, p).find("libmimalloc.a") == std::string::npos);
  CHECK(cmd({"-r", "a.o"}, p).find("libmimalloc.a") == std::string::npos);
  CHECK(cmd({"-c", "a.c"}, p).find("libmimalloc.a") == std::string::npos);
}

TEST_CASE("xstatic's libc routines come after the user's inputs and before the allocator") {
  auto p = plan_for("linux/arm64");
  p.libc_routines = "/store/runtimes/libc/lib/libxstatic_libc.a";
  // After the user's objects and -l options, so a qsort they bring is the one lld takes.
  CHECK(util::ends_with(cmd({"a.c", "-lsort", "-o", "app"}, p),
                        "a.c -lsort -o app /store/runtimes/libc/lib/libxstatic_libc.a"));
  p.allocator = "/store/runtimes/mimalloc/lib/libmimalloc.a";
  CHECK(util::ends_with(
      cmd({"a.c", "-o", "app"}, p),
      "-o app /store/runtimes/libc/lib/libxstatic_libc.a /store/runtimes/mimalloc/lib/libmimalloc.a"));
  CHECK(util::ends_with(cmd({"-x", "c", "-", "-o", "app"}, p),
                        "-o app -x none /store/runtimes/libc/lib/libxstatic_libc.a "
                        "/store/runtimes/mimalloc/lib/libmimalloc.a"));
  CHECK(cmd({"-shared", "a.o"}, p).find("libxstatic_libc.a") == std::string::npos);
  CHECK(cmd({"-r", "a.o"}, p).find("libxstatic_libc.a") == std::string::npos);
  CHECK(cmd({"-c", "a.c"}, p).find("libxstatic_libc.a") == std::string::npos);
}

TEST_CASE("calls with no input that may run or name the linker get lld; compiles do not") {
  auto p = plan_for("linux/arm64");
  p.sysroot.reset();
  for (std::vector<std::string> probe :
       {std::vector<std::string>{"-Wl,--version"}, {"-v"}, {"--version"}, {"-print-prog-name=ld"}}) {
    CAPTURE(probe.front());
    CHECK(may_link(parse(probe)));
    CHECK(cmd(probe, p).find(" -fuse-ld=lld ") != std::string::npos);
  }
  CHECK_FALSE(may_link(parse({"-c", "a.c"})));
  CHECK(cmd({"-c", "a.c"}, plan_for("linux/arm64")).find("-fuse-ld") == std::string::npos);
  CHECK(cmd({"-E", "a.c"}, plan_for("linux/arm64")).find("-fuse-ld") == std::string::npos);
  p.ld_path = "/usr/bin/ld.lld-19";
  CHECK(cmd({"-Wl,--version"}, p).find(" --ld-path=/usr/bin/ld.lld-19 ") != std::string::npos);
  CHECK(cmd({"-Wl,--version"}, plan_for("wasip1/wasm")).find("-fuse-ld") == std::string::npos);
}

TEST_CASE("-print-prog-name=ld is answered by the driver unless another linker is chosen") {
  CHECK(asks_for_linker_path(parse({"-print-prog-name=ld"})));
  CHECK(asks_for_linker_path(parse({"--print-prog-name=ld"})));
  CHECK(asks_for_linker_path(parse({"--print-prog-name", "ld"})));
  CHECK_FALSE(asks_for_linker_path(parse({"-print-prog-name=ar"})));
  CHECK_FALSE(asks_for_linker_path(parse({"-print-prog-name=ld", "-fuse-ld=bfd"})));
  CHECK(lld_name(target::parse("linux/arm64")) == "ld.lld");
  CHECK(lld_name(target::parse("windows/amd64")) == "ld.lld");
  CHECK(lld_name(target::parse("wasip1/wasm")) == "wasm-ld");
  CHECK(lld_name(target::parse("darwin/arm64")) == "ld64.lld");
}

TEST_CASE("a static link drops -rdynamic and -Wl,-E; a shared link keeps them") {
  auto p = plan_for("linux/arm64");
  CHECK(cmd({"a.o", "-rdynamic", "-o", "app"}, p).find("rdynamic") == std::string::npos);
  CHECK(cmd({"a.o", "-Wl,-E", "-o", "app"}, p).find("-Wl,-E") == std::string::npos);
  CHECK(cmd({"a.o", "-Wl,--export-dynamic", "-o", "app"}, p).find("export-dynamic") == std::string::npos);
  CHECK(cmd({"a.o", "-Wl,-export-dynamic", "-o", "app"}, p).find("export-dynamic") == std::string::npos);
  CHECK(cmd({"a.o", "-Xlinker", "-E", "-o", "app"}, p).ends_with(" a.o -o app"));
  CHECK(cmd({"a.o", "-Wl,-z,now,--export-dynamic,-O1", "-o", "app"}, p)
            .ends_with(" a.o -Wl,-z,now,-O1 -o app"));
  CHECK(cmd({"--pie", "a.o", "-rdynamic"}, p).find("rdynamic") == std::string::npos);
  // Only in static executables: a shared library exports, compiles pass everything through.
  CHECK(cmd({"-shared", "a.o", "-rdynamic", "-Wl,-E"}, p).ends_with(" a.o -rdynamic -Wl,-E"));
  CHECK(cmd({"-c", "a.c", "-rdynamic"}, p).ends_with(" -c a.c -rdynamic"));
  CHECK(cmd({"-r", "a.o", "-Wl,-E"}, p).ends_with(" -r a.o -Wl,-E"));
  // Other linker flags are left as they are, in their order.
  CHECK(cmd({"a.o", "-Wl,--as-needed", "-Wl,-Map,app.map"}, p)
            .ends_with(" a.o -Wl,--as-needed -Wl,-Map,app.map"));
}

TEST_CASE(
    "a darwin link gets the SDK as -isysroot, the row's minimum macOS as a flag, and ld64's strip flags") {
  auto p = plan_for("darwin/arm64");
  CHECK(cmd({"a.c", "-o", "app"}, p) ==
        "/usr/bin/clang-19 --target=arm64-apple-macos -mmacos-version-min=11.0 -isysroot /store/sysroots/x "
        "-fuse-ld=lld -Wl,-dead_strip -Wl,-S,-x a.c -o app");
  CHECK(cmd({"-g", "a.c"}, p).find("-Wl,-S") == std::string::npos);
  CHECK(cmd({"--strip=debug", "a.c"}, p).find(" -Wl,-S ") != std::string::npos);
  CHECK(cmd({"a.c"}, p).find(" -static") == std::string::npos);  // macOS has no static libc
  // The user's own minimum comes after ours, so clang takes it.
  auto line = cmd({"-mmacos-version-min=13.0", "a.c"}, p);
  CHECK(line.find("-mmacos-version-min=11.0") < line.find("-mmacos-version-min=13.0"));
}

TEST_CASE("darwin C++ takes libc++ headers from the SDK only") {
  auto p = plan_for("darwin/amd64");
  p.language = Language::cxx;
  CHECK(cmd({"-c", "a.cpp"}, p)
            .find("--target=x86_64-apple-macos -mmacos-version-min=11.0 -isysroot "
                  "/store/sysroots/x -stdlib=libc++ -nostdinc++ -isystem "
                  "/store/sysroots/x/usr/include/c++/v1 -c a.cpp") != std::string::npos);
}

TEST_CASE("packages: headers on every call, -L on links, the closure after the user's libraries") {
  auto plan = plan_for("linux/arm64");
  plan.packages = {"/st/pkg/arm64-musl/curl", "/st/pkg/arm64-musl/zlib"};
  plan.package_libs = {"-lcurl", "-lssl", "-lcrypto", "-lz"};
  auto compile = cmd({"-c", "a.c"}, plan);
  CHECK(compile.find("-isystem /st/pkg/arm64-musl/curl/include -isystem /st/pkg/arm64-musl/zlib/include") !=
        std::string::npos);
  CHECK(compile.find("-L/st/pkg") == std::string::npos);
  CHECK(compile.find("-lssl") == std::string::npos);
  auto link = cmd({"a.c", "-lcurl", "-o", "app"}, plan);
  CHECK(link.find("-L/st/pkg/arm64-musl/curl/lib") != std::string::npos);
  auto user = link.find("a.c -lcurl -o app"), closure = link.find("-lcurl -lssl -lcrypto -lz");
  REQUIRE(user != std::string::npos);
  REQUIRE(closure != std::string::npos);
  CHECK(user < closure);
  CHECK(link.find("-isystem /st/pkg/arm64-musl/curl/include") < user);
}

TEST_CASE("--link=libc-dynamic: no -static, static gcc runtime, user libraries static, glibc's dynamic") {
  auto p = plan_for("x86_64-linux-gnu.2.31");
  std::string c = cmd({"--link=libc-dynamic", "a.c", "-lz", "-lm", "-rdynamic", "-o", "app"}, p);
  CHECK(c.find(" -static ") == std::string::npos);
  CHECK(c.find(" -static-libgcc ") != std::string::npos);
  CHECK(c.find("-static-libstdc++") == std::string::npos);  // C
  CHECK(c.find(" -Wl,-Bstatic a.c -lz -Wl,-Bdynamic -lm -Wl,-Bstatic -rdynamic -o app -Wl,-Bdynamic") !=
        std::string::npos);
  p.language = Language::cxx;
  CHECK(cmd({"--link=libc-dynamic", "a.cc"}, p).find(" -static-libstdc++ ") != std::string::npos);
  CHECK(cmd({"--link=libc-dynamic", "-c", "a.c"}, p).find("Bstatic") == std::string::npos);
}
