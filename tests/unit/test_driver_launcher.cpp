// The inner launcher: which engines are known, how the clang command is
// wrapped, and what a missing or unknown engine says.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "xstatic/driver/args.hpp"
#include "xstatic/driver/launcher.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::driver;

TEST_CASE("every engine name parses back to itself, and nothing else parses") {
  for (auto l : {Launcher::none, Launcher::ccache, Launcher::sccache, Launcher::distcc, Launcher::icecc}) {
    CAPTURE(launcher_name(l));
    CHECK(parse_launcher(launcher_name(l)) == l);
  }
  CHECK_FALSE(parse_launcher("gcc"));
  CHECK_FALSE(parse_launcher(""));
  CHECK_FALSE(parse_launcher("/usr/bin/ccache"));
}

TEST_CASE("--launcher and XSTATIC_LAUNCHER choose the engine; the option wins") {
  ::unsetenv("XSTATIC_LAUNCHER");
  CHECK(launcher_choice(std::nullopt) == Launcher::none);
  ::setenv("XSTATIC_LAUNCHER", "sccache", 1);
  CHECK(launcher_choice(std::nullopt) == Launcher::sccache);
  CHECK(launcher_choice(std::string("ccache")) == Launcher::ccache);
  CHECK(launcher_choice(std::string("none")) == Launcher::none);
  ::setenv("XSTATIC_LAUNCHER", "fastcache", 1);
  try {
    launcher_choice(std::nullopt);
    FAIL("an unknown engine was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.what()).find("XSTATIC_LAUNCHER") != std::string::npos);
  }
  ::unsetenv("XSTATIC_LAUNCHER");
}

TEST_CASE("the launcher option is taken out of clang's arguments, in both spellings") {
  auto inv = parse({"--launcher", "ccache", "-c", "a.c"});
  CHECK(inv.own.launcher == "ccache");
  CHECK(inv.clang_args == std::vector<std::string>{"-c", "a.c"});
  CHECK(parse({"--launcher=distcc", "-c", "a.c"}).own.launcher == "distcc");
  CHECK(parse({"--print-fingerprint"}).own.print_fingerprint);
  CHECK(parse({"--print-fingerprint"}).clang_args.empty());
}

TEST_CASE("a local engine gets clang by the path xstatic chose") {
  std::vector<std::string> cmd{"/usr/bin/clang-19", "--target=aarch64-linux-musl", "-c", "a.c"};
  auto wrapped = wrap_command(cmd, Launcher::ccache, "/usr/bin/ccache");
  REQUIRE(wrapped.size() == cmd.size() + 1);
  CHECK(wrapped[0] == "/usr/bin/ccache");
  CHECK(std::equal(cmd.begin(), cmd.end(), wrapped.begin() + 1));
  CHECK(wrap_command(cmd, Launcher::none, "") == cmd);
}

TEST_CASE("a distributed engine gets clang by its name when PATH finds the same file") {
  ::setenv("PATH", "/bin:/usr/bin", 1);
  auto wrapped = wrap_command({"/bin/sh", "-c", "a.c"}, Launcher::distcc, "/usr/bin/distcc");
  CHECK(wrapped == std::vector<std::string>{"/usr/bin/distcc", "sh", "-c", "a.c"});
  // A clang that PATH does not find under its name keeps its path.
  auto kept = wrap_command({"/nonexistent/clang-19", "-c", "a.c"}, Launcher::icecc, "/usr/bin/icecc");
  CHECK(kept[1] == "/nonexistent/clang-19");
}

TEST_CASE("distcc gets the target as -target T, which it reads, so that it adds no host triple") {
  auto wrapped = wrap_command({"/nonexistent/clang-19", "--target=aarch64-linux-musl", "-c", "a.c"},
                              Launcher::distcc, "/usr/bin/distcc");
  CHECK(wrapped == std::vector<std::string>{"/usr/bin/distcc", "/nonexistent/clang-19", "-target",
                                            "aarch64-linux-musl", "-c", "a.c"});
  auto local = wrap_command({"/usr/bin/clang-19", "--target=aarch64-linux-musl"}, Launcher::ccache, "ccache");
  CHECK(local[2] == "--target=aarch64-linux-musl");
}

TEST_CASE("a launcher that is not installed is an error naming the package to install") {
  std::string saved = ::getenv("PATH") ? ::getenv("PATH") : "";
  ::setenv("PATH", "/nonexistent", 1);
  try {
    find_launcher(Launcher::sccache);
    FAIL("a missing engine was found");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);
    CHECK(e.hint().find("apt-get install sccache") != std::string::npos);
  }
  ::setenv("PATH", saved.c_str(), 1);
}

TEST_CASE("an icecream environment that is missing, unreadable or not a tarball is named") {
  char dir_template[] = "/tmp/xstatic-icecc-XXXXXX";
  std::string dir = ::mkdtemp(dir_template);
  std::string env = dir + "/clang.tar.gz", text = dir + "/notes.txt";
  for (const auto& f : {env, text}) ::close(::open(f.c_str(), O_CREAT | O_WRONLY, 0644));

  CHECK_FALSE(icecc_environment_problem(""));
  CHECK_FALSE(icecc_environment_problem(env));
  CHECK_FALSE(icecc_environment_problem("x86_64:" + env));
  CHECK_FALSE(icecc_environment_problem("x86_64:" + env + "=aarch64-linux-musl,aarch64:" + env));
  auto missing = icecc_environment_problem(dir + "/gone.tar.gz");
  REQUIRE(missing);
  CHECK(missing->find(dir + "/gone.tar.gz (ICECC_VERSION) does not exist") != std::string::npos);
  auto second = icecc_environment_problem(env + ",i386:" + dir + "/old.tar.xz");
  REQUIRE(second);
  CHECK(second->find("old.tar.xz") != std::string::npos);
  CHECK(icecc_environment_problem(dir)->find("not a readable file") != std::string::npos);
  CHECK(icecc_environment_problem(text)->find("not a tarball") != std::string::npos);
  CHECK(icecc_environment_problem("x86_64:")->find("without a path") != std::string::npos);

  ::setenv("ICECC_VERSION", (dir + "/gone.tar.gz").c_str(), 1);
  try {
    check_icecc_environment("/usr/bin/clang-19");
    FAIL("a missing environment must throw");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::missing);
    CHECK(e.hint().find("icecc-create-env --clang /usr/bin/clang-19") != std::string::npos);
  }
  ::setenv("ICECC_VERSION", env.c_str(), 1);
  CHECK_NOTHROW(check_icecc_environment("/usr/bin/clang-19"));
  ::unsetenv("ICECC_VERSION");
  CHECK_NOTHROW(check_icecc_environment("/usr/bin/clang-19"));
  for (const auto& f : {env, text}) ::unlink(f.c_str());
  ::rmdir(dir.c_str());
}
