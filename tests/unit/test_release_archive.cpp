// Archives are byte-for-byte reproducible and named as goreleaser names them.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "scratch_dir.hpp"
#include "xstatic/release/archive.hpp"
#include "xstatic/release/build.hpp"
#include "xstatic/release/debug.hpp"

using namespace xstatic;
using namespace xstatic::release;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Listed {
  std::string name;
  int mode;
  long mtime;
  long uid, gid;
  std::string uname;
};

std::vector<Listed> list(const fs::path& file) {
  archive* a = archive_read_new();
  archive_read_support_filter_gzip(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_zip(a);
  REQUIRE(archive_read_open_filename(a, file.c_str(), 10240) == ARCHIVE_OK);
  std::vector<Listed> out;
  archive_entry* e;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK)
    out.push_back({archive_entry_pathname(e), static_cast<int>(archive_entry_perm(e)),
                   static_cast<long>(archive_entry_mtime(e)), static_cast<long>(archive_entry_uid(e)),
                   static_cast<long>(archive_entry_gid(e)),
                   archive_entry_uname(e) ? archive_entry_uname(e) : ""});
  archive_read_free(a);
  return out;
}

}  // namespace

TEST_CASE("the same files give the same archive bytes, whatever their order, times and owners") {
  testing::ScratchDir dir;
  std::ofstream(dir.path / "app") << "\x7f"
                                     "ELF pretend";
  std::ofstream(dir.path / "README.md") << "read me\n";
  std::vector<ArchiveEntry> entries{{"app", dir.path / "app", true},
                                    {"README.md", dir.path / "README.md", false}};
  write_archive(dir.path / "a.tar.gz", ArchiveFormat::tar_gz, entries, 1700000000);
  fs::last_write_time(dir.path / "app", fs::file_time_type::clock::now() - std::chrono::hours(5));
  std::reverse(entries.begin(), entries.end());
  write_archive(dir.path / "b.tar.gz", ArchiveFormat::tar_gz, entries, 1700000000);
  CHECK(slurp(dir.path / "a.tar.gz") == slurp(dir.path / "b.tar.gz"));

  auto listed = list(dir.path / "a.tar.gz");
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].name == "README.md");  // sorted
  CHECK(listed[0].mode == 0644);
  CHECK(listed[1].mode == 0755);
  CHECK(listed[1].mtime == 1700000000);
  CHECK(listed[1].uid == 0);
  CHECK(listed[1].gid == 0);
  CHECK(listed[1].uname.empty());

  // gzip header: no FNAME flag (byte 3) and MTIME (bytes 4-7) zero.
  auto bytes = slurp(dir.path / "a.tar.gz");
  CHECK((static_cast<unsigned char>(bytes[3]) & 0x08) == 0);
  CHECK(bytes.substr(4, 4) == std::string(4, '\0'));

  write_archive(dir.path / "a.zip", ArchiveFormat::zip, entries, 1700000000);
  write_archive(dir.path / "b.zip", ArchiveFormat::zip, entries, 1700000000);
  CHECK(slurp(dir.path / "a.zip") == slurp(dir.path / "b.zip"));
  CHECK(list(dir.path / "a.zip").size() == 2);
}

TEST_CASE("debug archives hold their parent folders as entries") {
  testing::ScratchDir dir;
  std::ofstream(dir.path / "d") << "debug";
  write_archive(dir.path / "d.tar.gz", ArchiveFormat::tar_gz,
                {{build_id_path("abcdef01"), dir.path / "d", false}}, 0);
  auto listed = list(dir.path / "d.tar.gz");
  REQUIRE(listed.size() == 3);
  CHECK(listed[0].name == ".build-id/");
  CHECK(listed[1].name == ".build-id/ab/");
  CHECK(listed[2].name == ".build-id/ab/cdef01.debug");
  CHECK(listed[1].mode == 0755);
}

TEST_CASE("sha256 of a file matches the known digest") {
  testing::ScratchDir dir;
  std::ofstream(dir.path / "abc") << "abc";
  CHECK(sha256_file(dir.path / "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE(
    "archive names follow goreleaser: arm variant as v7, amd64 level unless v1, libc when not default") {
  auto name = [](const char* spec, std::optional<target::Libc> libc = std::nullopt) {
    return archive_base("app", "1.0.0", target::parse(spec, libc));
  };
  CHECK(name("linux/amd64") == "app_1.0.0_linux_amd64");
  CHECK(name("linux/amd64/v3") == "app_1.0.0_linux_amd64v3");
  CHECK(name("linux/arm/v7") == "app_1.0.0_linux_armv7");
  CHECK(name("linux/arm64") == "app_1.0.0_linux_arm64");
  CHECK(name("linux/arm64", target::Libc::glibc) == "app_1.0.0_linux_arm64_glibc");
  CHECK(name("windows/amd64") == "app_1.0.0_windows_amd64");
  CHECK(archive_format(target::parse("windows/amd64")) == ArchiveFormat::zip);
  CHECK(archive_extension(archive_format(target::parse("linux/arm64"))) == ".tar.gz");
  CHECK(target_slug(target::parse("linux/arm/v7")) == "linux_armv7");
  // Two floors of one target: two names (docs/glibc.md); the default floor keeps the plain one.
  CHECK(name("x86_64-linux-gnu.2.31") == "app_1.0.0_linux_amd64_glibc2.31");
  CHECK(name("x86_64-linux-gnu.2.41") == "app_1.0.0_linux_amd64_glibc2.41");
  CHECK(name("x86_64-linux-gnu.2.36") == "app_1.0.0_linux_amd64_glibc");
  CHECK(target_slug(target::parse("aarch64-linux-gnu.2.31")) == "linux_arm64_glibc2.31");
}

TEST_CASE("release flags map the source and build folders and ask for a build-id on ELF") {
  auto flags = release_cflags("/home/u/src", "/home/u/src/.xstatic/release/linux_arm64");
  REQUIRE(flags.size() == 3);
  CHECK(flags[0] == "-g");
  CHECK(flags[1] == "-ffile-prefix-map=/home/u/src=.");
  CHECK(flags[2] == "-ffile-prefix-map=/home/u/src/.xstatic/release/linux_arm64=build");
  CHECK(release_cflags("/b", "/b").size() == 2);
  auto ld = release_ldflags(target::parse("linux/arm64"));
  CHECK(std::find(ld.begin(), ld.end(), "-Wl,--build-id=sha1") != ld.end());
  auto win = release_ldflags(target::parse("windows/amd64"));
  CHECK(std::find(win.begin(), win.end(), "-Wl,--build-id=sha1") == win.end());
}
