// Reading compiler command lines: what is ours, what passes through, and
// whether the command compiles or links (clang's own option table decides).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/driver/args.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::driver;

namespace {

Invocation p(std::vector<std::string> args) {
  return parse(args);
}
Mode mode_of(std::vector<std::string> args) {
  return parse(args).mode;
}

}  // namespace

TEST_CASE("the own-option table is sorted and every option is an unknown to clang's table") {
  auto table = own_options();
  CHECK(std::is_sorted(table.begin(), table.end(), [](auto& a, auto& b) { return a.name < b.name; }));
  for (const auto& o : table) {
    CAPTURE(o.name);
    // Parsed alone, each of ours is taken out: nothing of it reaches clang.
    std::vector<std::string> args{std::string(o.name)};
    if (!o.value.empty())
      args.push_back(o.id == OwnId::libc            ? "musl"
                     : o.id == OwnId::strip         ? "none"
                     : o.id == OwnId::malloc        ? "auto"
                     : o.id == OwnId::libc_routines ? "musl"
                     : o.id == OwnId::link          ? "libc-dynamic"
                     : o.id == OwnId::runtimes_opt  ? "size"
                                                    : "linux/arm64");
    CHECK(parse(args).clang_args.empty());
  }
}

TEST_CASE("compile-only invocations are recognised from clang's option IDs") {
  CHECK(mode_of({"-c", "a.c"}) == Mode::compile_only);
  CHECK(mode_of({"-E", "a.c"}) == Mode::compile_only);
  CHECK(mode_of({"-S", "a.c", "-o", "a.s"}) == Mode::compile_only);
  CHECK(mode_of({"-fsyntax-only", "a.c"}) == Mode::compile_only);
  CHECK(mode_of({"-M", "a.c"}) == Mode::compile_only);
  CHECK(mode_of({"-MM", "a.c"}) == Mode::compile_only);
  CHECK(mode_of({"--version"}) == Mode::compile_only);
  CHECK(mode_of({"-###", "a.c"}) == Mode::compile_only);
  CHECK(mode_of({"-print-file-name=libc.a"}) == Mode::compile_only);
  CHECK(mode_of({"-print-search-dirs"}) == Mode::compile_only);
  CHECK(mode_of({"-dumpmachine"}) == Mode::compile_only);
  CHECK(mode_of({"-v"}) == Mode::compile_only);  // no inputs
  CHECK(mode_of({}) == Mode::compile_only);
}

TEST_CASE("links, shared libraries and partial links") {
  CHECK(mode_of({"a.c", "-o", "app"}) == Mode::link);
  CHECK(mode_of({"a.o", "b.o", "-lm"}) == Mode::link);
  CHECK(mode_of({"-MD", "a.c", "-o", "app"}) == Mode::link);  // -MD: dependencies as a side effect
  CHECK(mode_of({"-M", "-MD", "a.c", "-o", "app"}) == Mode::link);
  CHECK(mode_of({"-shared", "a.o", "-o", "liba.so"}) == Mode::shared);
  CHECK(mode_of({"-r", "a.o", "b.o", "-o", "ab.o"}) == Mode::relocatable);
  CHECK(mode_of({"-c", "-shared", "a.c"}) == Mode::compile_only);
  CHECK(mode_of({"--", "a.c"}) == Mode::link);  // inputs after "--"
}

TEST_CASE("an option's value is never read as an option: clang's arity decides") {
  auto inv = p({"-o", "--pie", "a.c"});
  CHECK(inv.output == "--pie");
  CHECK_FALSE(inv.own.pie);
  CHECK(inv.clang_args == std::vector<std::string>{"-o", "--pie", "a.c"});
  // -MF's value, -Xlinker's value and -x's value are not inputs or options.
  inv = p({"-c", "-MF", "-c.d", "-x", "c", "a.c"});
  CHECK(inv.inputs == 1);
  inv = p({"a.o", "-Xlinker", "--no-verify"});
  CHECK_FALSE(inv.own.no_verify);
}

TEST_CASE("xstatic's options are taken out, everything else passes through in order") {
  auto inv = p({"--target", "linux/arm64", "-O2", "-DX=1", "-Iinc", "--pie", "a.c", "-Lx", "-lfoo",
                "-Wl,-z,now", "--strip=debug", "--no-verify", "--print-command", "--auto-install", "--libc",
                "glibc", "-o", "app"});
  CHECK(inv.own.target == "linux/arm64");
  CHECK(inv.own.libc == target::Libc::glibc);
  CHECK(inv.own.pie);
  CHECK(inv.own.strip == Strip::debug);
  CHECK(inv.own.no_verify);
  CHECK(inv.own.print_command);
  CHECK(inv.own.auto_install);
  CHECK(inv.clang_args ==
        std::vector<std::string>{"-O2", "-DX=1", "-Iinc", "a.c", "-Lx", "-lfoo", "-Wl,-z,now", "-o", "app"});
  CHECK(inv.output == "app");
  CHECK(inv.inputs == 1);
  CHECK(inv.mode == Mode::link);
}

TEST_CASE("every spelling of the target is ours") {
  CHECK(p({"--target=aarch64-linux-musl", "-c", "a.c"}).own.target == "aarch64-linux-musl");
  CHECK(p({"-target", "aarch64-linux-gnu", "-c", "a.c"}).own.target == "aarch64-linux-gnu");
  CHECK(p({"--target", "linux/arm/v7", "-c", "a.c"}).own.target == "linux/arm/v7");
  CHECK(p({"--target=linux/amd64", "-c", "a.c"}).own.target == "linux/amd64");
  CHECK(p({"-target", "aarch64-linux-gnu", "-c", "a.c"}).clang_args == std::vector<std::string>{"-c", "a.c"});
  CHECK(p({"--libc=glibc", "a.c"}).own.libc == target::Libc::glibc);
}

TEST_CASE("debug info follows clang's rule: the last -g option, -g0 turns it off") {
  CHECK_FALSE(p({"a.c"}).debug_info);
  CHECK(p({"-g", "a.c"}).debug_info);
  CHECK(p({"-ggdb3", "a.c"}).debug_info);
  CHECK_FALSE(p({"-g", "-g0", "a.c"}).debug_info);
  CHECK(p({"-g0", "-gdwarf-4", "a.c"}).debug_info);
}

TEST_CASE("size is asked for when the last -O option is -Os or -Oz, as clang reads them") {
  CHECK_FALSE(p({"a.c"}).optimize_size);
  CHECK(p({"-Os", "a.c"}).optimize_size);
  CHECK(p({"-O2", "-Oz", "a.c"}).optimize_size);
  CHECK_FALSE(p({"-Os", "-O2", "a.c"}).optimize_size);
  CHECK_FALSE(p({"-Os", "-Ofast", "a.c"}).optimize_size);
  CHECK_FALSE(p({"-Oz", "-O", "a.c"}).optimize_size);
  CHECK(p({"-Os", "a.c"}).clang_args == std::vector<std::string>{"-Os", "a.c"});  // passed on untouched
}

TEST_CASE("--runtimes-opt names a build of the runtimes") {
  CHECK_FALSE(p({"a.c"}).own.runtimes_opt);
  CHECK(p({"--runtimes-opt=size", "a.c"}).own.runtimes_opt == runtimes::RuntimesOpt::size);
  CHECK(p({"--runtimes-opt", "standard", "a.c"}).own.runtimes_opt == runtimes::RuntimesOpt::standard);
  CHECK(p({"--runtimes-opt=auto", "a.c"}).own.runtimes_opt == runtimes::RuntimesOpt::automatic);
  CHECK_THROWS_AS(p({"--runtimes-opt=small", "a.c"}), Error);
}

TEST_CASE("the user's -static-pie means --pie; another linker is noticed") {
  CHECK(p({"-static-pie", "a.c"}).own.pie);
  CHECK(p({"-fuse-ld=bfd", "a.c"}).other_linker);
  CHECK_FALSE(p({"-fuse-ld=lld", "a.c"}).other_linker);
}

TEST_CASE("malformed xstatic options are usage errors") {
  CHECK_THROWS_AS(p({"a.c", "--target"}), Error);
  CHECK_THROWS_AS(p({"--libc", "bionic", "a.c"}), Error);
  CHECK_THROWS_AS(p({"--strip=some", "a.c"}), Error);
  CHECK_THROWS_AS(p({"--target", "-c", "a.c"}), Error);
}

TEST_CASE("response files are expanded, nested and relative to the file naming them") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "xstatic-test-rsp";
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "outer.rsp") << "-O2 --target linux/arm64 @sub/inner.rsp \"a b.c\"\n";
  std::ofstream(dir / "sub" / "inner.rsp") << "-DX=1 -c\n";
  auto args = expand_response_files({"-Wall", "@" + (dir / "outer.rsp").string()});
  CHECK(args == std::vector<std::string>{"-Wall", "-O2", "--target", "linux/arm64", "-DX=1", "-c", "a b.c"});
  auto inv = parse(args);
  CHECK(inv.own.target == "linux/arm64");
  CHECK(inv.mode == Mode::compile_only);
  // As gcc and clang: an @file that does not exist stays a literal argument (clang reports it).
  auto missing = "@" + (dir / "missing.rsp").string();
  CHECK(expand_response_files({missing}) == std::vector<std::string>{missing});
  fs::remove_all(dir);
}

TEST_CASE("--libc-routines is ours, and not taken for --libc") {
  CHECK_FALSE(p({"a.c"}).own.libc_routines);
  CHECK(p({"--libc-routines=musl", "a.c"}).own.libc_routines == runtimes::LibcRoutines::libc);
  CHECK(p({"--libc-routines", "xstatic", "a.c"}).own.libc_routines == runtimes::LibcRoutines::xstatic);
  CHECK_FALSE(p({"--libc-routines=musl", "a.c"}).own.libc);
  CHECK(p({"--libc-routines=musl", "a.c"}).clang_args == std::vector<std::string>{"a.c"});
  CHECK_THROWS_AS(p({"--libc-routines=fast", "a.c"}), Error);
}

TEST_CASE("--malloc is ours; -nostdlib and friends are noticed") {
  CHECK_FALSE(p({"a.c"}).own.malloc);
  CHECK(p({"--malloc=musl", "a.c"}).own.malloc == runtimes::Malloc::libc);
  CHECK(p({"--malloc", "mimalloc", "a.c"}).own.malloc == runtimes::Malloc::mimalloc);
  CHECK(p({"--malloc=auto", "a.c"}).own.malloc == runtimes::Malloc::automatic);
  CHECK(p({"--malloc=musl", "a.c"}).clang_args == std::vector<std::string>{"a.c"});
  CHECK_THROWS_AS(p({"--malloc=tcmalloc", "a.c"}), Error);
  CHECK_FALSE(p({"a.c"}).no_default_libs);
  CHECK(p({"-nostdlib", "a.c"}).no_default_libs);
  CHECK(p({"-nodefaultlibs", "a.c"}).no_default_libs);
  CHECK(p({"-nolibc", "a.c"}).no_default_libs);
}

TEST_CASE("-o naming an input is found by device and inode, only for inputs of the same file name") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("xstatic-unit-out-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "same.c") << "int main(void){return 0;}\n";
  std::ofstream(dir / "sub/same.c") << "int main(void){return 0;}\n";
  std::string same = (dir / "same.c").string(), sub = (dir / "sub/same.c").string();
  CHECK(output_overwrites_input(p({same, "-o", same})) == same);
  CHECK(output_overwrites_input(p({"-c", same, "-o", (dir / "sub/../same.c").string()})) == same);
  CHECK(output_overwrites_input(p({"-o", same, "--", same})) == same);
  CHECK_FALSE(output_overwrites_input(p({sub, "-o", same})));  // same name, another file
  CHECK_FALSE(output_overwrites_input(p({same, "-o", (dir / "app").string()})));
  CHECK_FALSE(output_overwrites_input(p({same, "-o", (dir / "new/same.c").string()})));  // not there yet
  CHECK_FALSE(output_overwrites_input(p({"-E", "-", "-o", "-"})));
  CHECK_FALSE(output_overwrites_input(p({same})));
  fs::remove_all(dir);
}

TEST_CASE("a response file that is not a regular file is refused, never read") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("xstatic-unit-fifo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  REQUIRE(::mkfifo((dir / "ff").c_str(), 0600) == 0);
  CHECK_THROWS_WITH_AS(expand_response_files({"@" + (dir / "ff").string()}),
                       doctest::Contains("a fifo, not a regular file"), Error);
  std::ofstream(dir / "outer.rsp") << "-O2 @" << (dir / "ff").string() << "\n";
  CHECK_THROWS_AS(expand_response_files({"@" + (dir / "outer.rsp").string()}), Error);
  CHECK_THROWS_AS(expand_response_files({"@/dev/zero"}), Error);
  fs::remove_all(dir);
}

TEST_CASE("--glibc and --link are ours") {
  auto inv = parse({"--glibc", "2.31", "--link=libc-dynamic", "a.c"});
  CHECK(inv.own.glibc == "2.31");
  CHECK(inv.own.link == LinkMode::libc_dynamic);
  CHECK(inv.clang_args == std::vector<std::string>{"a.c"});
  CHECK(!parse({"a.c"}).own.link);  // the driver then reads XSTATIC_LINK, else static
  CHECK(parse_link_mode("static") == LinkMode::full_static);
  CHECK(parse_link_mode("libc-dynamic") == LinkMode::libc_dynamic);
  CHECK(!parse_link_mode("dynamic"));
  CHECK(link_mode_name(LinkMode::libc_dynamic) == "libc-dynamic");
  CHECK_THROWS_AS(parse({"--link=dynamic", "a.c"}), xstatic::Error);
}

TEST_CASE("the facts later stages need are learnt once, by clang's option table") {
  auto inv = parse({"-x", "c", "a.c", "-rdynamic", "-Wl,-O1,-E", "-Xlinker", "--export-dynamic", "-lpthread",
                    "-fcxx-exceptions", "-nostdlib++", "--print-prog-name", "ld", "-ffile-prefix-map=/s=.",
                    "-o", "-E"});
  CHECK(inv.language);
  CHECK(inv.threads);
  CHECK(inv.exceptions);
  CHECK(inv.no_stdlibxx);
  CHECK(inv.asks_linker_path);
  CHECK(inv.prefix_maps == std::vector<std::string>{"/s=."});
  // -o's value "-E" is an output, not a linker flag.
  CHECK(inv.export_dynamic == std::vector<ExportDynamicArg>{{ExportDynamicArg::Form::rdynamic, 3},
                                                            {ExportDynamicArg::Form::wl, 4},
                                                            {ExportDynamicArg::Form::xlinker, 5}});
  CHECK(!parse({"a.c", "-Wl,-O1", "-pthreads-not", "-print-prog-name=gcc"}).asks_linker_path);
}

TEST_CASE("an @file is read once: its facts count, and clang still reads it unless it holds ours") {
  testing::ScratchDir dir;
  std::string rsp = "@" + (dir.path / "link.rsp").string();
  testing::write_file(dir.path / "link.rsp", "-rdynamic b.o -lpthread\n");
  auto inv = parse_command_line({"a.c", rsp, "-rdynamic", "-o", "app"});
  CHECK(inv.clang_args == std::vector<std::string>{"a.c", rsp, "-rdynamic", "-o", "app"});
  CHECK(inv.inputs == 2);
  CHECK(inv.threads);
  // The -rdynamic inside the file is clang's to read; the one given is dropped at link time.
  CHECK(inv.export_dynamic == std::vector<ExportDynamicArg>{{ExportDynamicArg::Form::rdynamic, 2}});
  testing::write_file(dir.path / "link.rsp", "--malloc=musl -rdynamic b.o\n");
  inv = parse_command_line({"a.c", rsp, "-o", "app"});
  CHECK(inv.own.malloc == runtimes::Malloc::libc);
  CHECK(inv.clang_args == std::vector<std::string>{"a.c", "-rdynamic", "b.o", "-o", "app"});
  CHECK(inv.export_dynamic == std::vector<ExportDynamicArg>{{ExportDynamicArg::Form::rdynamic, 1}});
}
