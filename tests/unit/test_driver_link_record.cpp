// Link records: lld's --why-extract report read into the archives a link
// took members from, written and read back as the release does.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "xstatic/driver/link_record.hpp"

using namespace xstatic::driver;
namespace fs = std::filesystem;

TEST_CASE("the archives of a --why-extract report, each once, absolute") {
  std::string report =
      "reference\textracted\tsymbol\n"
      "main.o\tlibfoo.a(foo.o)\tfoo\n"
      "main.o\tlibfoo.a(bar.o)\tbar\n"
      "libfoo.a(foo.o)\t/s/pkg/arm64-musl/zlib/lib/libz.a(deflate.o)\tdeflate\n"
      "--whole-archive\t/s/runtimes/m/lib/libmimalloc.a(static.o)\t\n"
      "main.o\t/s/sysroots/arm64-musl/usr/lib/libc.a(printf.lo)\tprintf\n"
      "-u\tsub/../libodd.a(a(b).o)\tx\n"
      "main.o\tnot-an-archive.o\tfoo\n";
  auto got = extracted_archives(report, "/work/proj");
  std::vector<fs::path> want = {"/s/pkg/arm64-musl/zlib/lib/libz.a", "/s/runtimes/m/lib/libmimalloc.a",
                                "/s/sysroots/arm64-musl/usr/lib/libc.a", "/work/proj/libfoo.a",
                                "/work/proj/libodd.a"};
  CHECK(got == want);
  CHECK(extracted_archives("", "/").empty());
  CHECK(extracted_archives("reference\textracted\tsymbol\n", "/").empty());
}

TEST_CASE("the archives in a link are those of both columns, and only from lld's own report") {
  std::string report =
      "reference\textracted\tsymbol\n"
      "main.o\tlibfoo.a(foo.o)\tfoo\n"
      "/s/runtimes/m/lib/libmimalloc.a(mimalloc.o)\t/s/libc/lib/libxstatic_libc.a(strlen.o)\tstrlen\n"
      "<internal>\t/s/sysroots/arm64-musl/usr/lib/libc.a(printf.lo)\tprintf\n";
  auto got = linked_archives(report, "/work/proj");
  REQUIRE(got.has_value());
  std::vector<fs::path> want = {"/s/libc/lib/libxstatic_libc.a", "/s/runtimes/m/lib/libmimalloc.a",
                                "/s/sysroots/arm64-musl/usr/lib/libc.a", "/work/proj/libfoo.a"};
  CHECK(*got == want);
  // An extracted-only reading does not see the whole-archive member that referred to strlen.
  CHECK(extracted_archives(report, "/work/proj").size() == 3);
  auto none = linked_archives("reference\textracted\tsymbol\r\n", "/");
  REQUIRE(none.has_value());
  CHECK(none->empty());
  // An empty file (the user's own --why-extract came later and took the report) is no report.
  CHECK_FALSE(linked_archives("", "/").has_value());
  CHECK_FALSE(linked_archives("main.o\tlibfoo.a(foo.o)\tfoo\n", "/").has_value());
}

TEST_CASE("link records are written one file per link and read back in order") {
  fs::path dir = fs::temp_directory_path() / ("xstatic-link-record-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write_link_record(dir, {"/p/build/app", {"/p/build/libfoo.a"}});
  write_link_record(dir, {"/p/build/tool", {}});
  write_link_record(dir, {"/p/build/app", {"/p/build/libfoo.a", "/s/pkg/x/zlib/lib/libz.a"}});
  auto records = read_link_records(dir);
  REQUIRE(records.size() == 3);
  int apps = 0;
  for (const auto& r : records) apps += r.output == "/p/build/app";
  CHECK(apps == 2);
  CHECK(records.back().output == "/p/build/app");  // the last link last (by time)
  CHECK(records.back().archives.size() == 2);
  CHECK(read_link_records(dir / "missing").empty());
  fs::remove_all(dir);
}
