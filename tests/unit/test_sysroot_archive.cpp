// What sysroot and runtimes archives share: the writer (a temporary file
// renamed by close), the first look at an index member, and the comparison
// of an extracted tree with its index.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "scratch_dir.hpp"
#include "xstatic/sysroot/archive.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::sysroot;
namespace fs = std::filesystem;

TEST_CASE("the archive writer keeps the final name free until close") {
  testing::ScratchDir dir;
  testing::write_file(dir.path / "tree/a.txt", "a\n");
  fs::path out = dir.path / "out.tar.gz";
  {
    ArchiveWriter w(out);
    w.add_tree(dir.path / "tree", "tree");
    CHECK_FALSE(fs::exists(out));
    CHECK(fs::exists(dir.path / (".tmp-" + std::to_string(::getpid()) + "-out.tar.gz")));
  }  // destroyed without close(): a failed export
  CHECK_FALSE(fs::exists(out));
  int temps = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) temps += e.path().filename().string()[0] == '.';
  CHECK(temps == 0);
  ArchiveWriter w(out);
  w.add_tree(dir.path / "tree", "tree");
  w.close();
  CHECK(fs::file_size(out) > 0);
}

TEST_CASE("the writer removes temporary files of dead processes, not of live ones") {
  testing::ScratchDir dir;
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  REQUIRE(dead > 0);
  int status = 0;
  ::waitpid(dead, &status, 0);
  fs::path stale = dir.path / (".tmp-" + std::to_string(dead) + "-out.tar");
  fs::path live = dir.path / (".tmp-" + std::to_string(::getppid()) + "-out.tar");
  fs::path other = dir.path / (".tmp-" + std::to_string(dead) + "-other.tar");
  for (const auto& p : {stale, live, other}) testing::write_file(p, "partial");
  ArchiveWriter w(dir.path / "out.tar");
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(live));
  CHECK(fs::exists(other));  // another output's
}

TEST_CASE("read_head returns the index member's bytes and the first member after it") {
  testing::ScratchDir dir;
  testing::write_file(dir.path / "t/x/f", "f\n");
  {
    ArchiveWriter w(dir.path / "with.tar");
    w.add_bytes("index.json", "{\"a\": 1}\n");
    w.add_tree(dir.path / "t/x", "x");
    w.close();
  }
  auto head = read_head(dir.path / "with.tar", "index.json", "archive", "");
  REQUIRE(head.index);
  CHECK(*head.index == "{\"a\": 1}\n");
  CHECK(head.first_member == "x");
  {
    ArchiveWriter w(dir.path / "without.tar");
    w.add_tree(dir.path / "t/x", "x");
    w.close();
  }
  head = read_head(dir.path / "without.tar", "index.json", "archive", "");
  CHECK_FALSE(head.index);
  CHECK(head.first_member == "x");
  {
    ArchiveWriter w(dir.path / "only.tar");
    w.add_bytes("index.json", "{}");
    w.close();
  }
  CHECK_THROWS_AS(read_head(dir.path / "only.tar", "index.json", "archive", ""), Error);
}

TEST_CASE("tree digests and their comparison with an index") {
  testing::ScratchDir dir;
  testing::write_file(dir.path / "t/usr/lib/crt1.o", "crt1\n");
  fs::create_symlink("crt1.o", dir.path / "t/usr/lib/link.o");
  auto got = tree_digests(dir.path / "t", "t");
  REQUIRE(got.size() == 2);
  CHECK(got["usr/lib/link.o"] == "link:crt1.o");
  CHECK(got["usr/lib/crt1.o"].starts_with("sha256:"));
  CHECK_FALSE(digest_mismatch(got, got));
  auto missing = got;
  missing["usr/lib/crtn.o"] = "sha256:00";
  CHECK(digest_mismatch(got, missing).value_or("").find("crtn.o is indexed but missing") !=
        std::string::npos);
  auto fewer = got;
  fewer.erase("usr/lib/link.o");
  CHECK(digest_mismatch(got, fewer).value_or("").find("link.o is not in the index") != std::string::npos);
  auto other = got;
  other["usr/lib/crt1.o"] = "sha256:00";
  CHECK(digest_mismatch(got, other).value_or("").find("does not match its digest") != std::string::npos);
}

TEST_CASE("archives are read only from regular files") {
  testing::ScratchDir dir;
  REQUIRE(::mkfifo((dir.path / "ff").c_str(), 0600) == 0);
  CHECK_THROWS_WITH_AS(read_head(dir.path / "ff", "index.json", "archive", ""),
                       doctest::Contains("a fifo, not a regular file"), Error);
  CHECK_THROWS_WITH_AS(read_head(dir.path, "index.json", "archive", ""),
                       doctest::Contains("a folder, not a regular file"), Error);
}
