// The path rules that keep hostile archive members inside a sysroot.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sysroot/safe_tree.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::sysroot;
namespace fs = std::filesystem;

TEST_CASE("member paths are made relative and '..' or absolute ones refused") {
  CHECK(clean_member("./usr/include/x.h") == "usr/include/x.h");
  CHECK(clean_member("usr//lib/./a") == "usr/lib/a");
  CHECK_FALSE(clean_member("./"));
  CHECK_THROWS_AS(clean_member("/etc/passwd"), Error);
  CHECK_THROWS_AS(clean_member("./usr/../../etc/passwd"), Error);
  CHECK_THROWS_AS(clean_member(".."), Error);
}

TEST_CASE("symlink targets resolve inside the root or are refused") {
  CHECK(resolve_link("usr/lib/gcc/t/12/libx.so", "../../../t/libx.so.1") == "usr/lib/t/libx.so.1");
  CHECK(resolve_link("usr/lib/t/libcrypt.so", "/lib/t/libcrypt.so.1") == "lib/t/libcrypt.so.1");
  CHECK(resolve_link("a/b", "c") == "a/c");
  CHECK_THROWS_AS(resolve_link("a/b", "../../etc/passwd"), Error);
  CHECK_THROWS_AS(resolve_link("x", "/../etc"), Error);
  // '..' after a downward step could climb through another symlink: refused.
  CHECK_THROWS_AS(resolve_link("a/l", "b/../c"), Error);
  CHECK_THROWS_AS(resolve_link("a/l", ""), Error);
}

TEST_CASE("relative targets are computed from the link's folder") {
  CHECK(relative_target("usr/lib/t/libcrypt.so", "lib/t/libcrypt.so.1") == "../../../lib/t/libcrypt.so.1");
  CHECK(relative_target("usr/lib/a", "usr/lib/b") == "b");
  CHECK(relative_target("a", "b/c") == "b/c");
}

TEST_CASE("SafeTree never writes through a symlink") {
  fs::path root = fs::temp_directory_path() / ("xstatic-safetree-" + std::to_string(::getpid()));
  fs::path outside = root.string() + "-outside";
  fs::create_directories(root);
  fs::create_directories(outside);
  {
    SafeTree tree(root);
    tree.make_symlink("evil", outside.string());  // as if an earlier member planted it
    CHECK_THROWS_AS(::close(tree.create_file("evil/x", 0644)), Error);
    int fd = tree.create_file("usr/lib/ok", 0644);
    CHECK(fd >= 0);
    ::close(fd);
    tree.make_hardlink("usr/lib/ok2", "usr/lib/ok");
  }
  CHECK(fs::exists(root / "usr/lib/ok"));
  CHECK(fs::exists(root / "usr/lib/ok2"));
  CHECK(fs::is_empty(outside));
  fs::remove_all(root);
  fs::remove_all(outside);
}

TEST_CASE("a hard link to a symlink becomes a symlink that points where the original does") {
  fs::path root = fs::temp_directory_path() / ("xstatic-safetree-hl-" + std::to_string(::getpid()));
  fs::create_directories(root);
  {
    SafeTree tree(root);
    ::close(tree.create_file("x", 0644));
    // "a/b/l" -> "../../x" is root/x; the same text at the top would be two levels above the root.
    tree.make_symlink("a/b/l", "../../x");
    tree.make_hardlink("h", "a/b/l");
    tree.make_hardlink("a/h2", "a/b/l");
  }
  CHECK(fs::read_symlink(root / "h") == "x");
  CHECK(fs::read_symlink(root / "a/h2") == "../x");
  CHECK(fs::equivalent(root / "h", root / "x"));
  fs::remove_all(root);
}
