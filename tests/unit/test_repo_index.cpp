// Release and Packages indexes, and the size and SHA-256 checks of the files
// they list, on Debian's real bookworm-updates InRelease and arm64 Packages.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "repo_fixtures.hpp"
#include "xstatic/repo/index.hpp"

using namespace xstatic::repo;
using namespace xstatic::repo::testing;

namespace {

Release verified_release() {
  return parse_release(
      verify_cleartext(fixture("bookworm-updates.InRelease"), debian_archive_keyring(), "InRelease"),
      "InRelease");
}

}  // namespace

TEST_CASE("a verified Release gives its suite, codename and SHA256 list") {
  Release r = verified_release();
  CHECK(r.origin == "Debian");
  CHECK(r.suite == "oldstable-updates");
  CHECK(r.codename == "bookworm-updates");
  CHECK(r.date.ends_with("UTC"));
  CHECK(std::find(r.architectures.begin(), r.architectures.end(), "arm64") != r.architectures.end());
  CHECK(r.components.front() == "main");
  CHECK(r.files.size() == 480);
  const IndexFile* packages = r.find("main/binary-arm64/Packages");
  REQUIRE(packages);
  CHECK(packages->size == 32759);
  CHECK(r.find("main/binary-arm64/Packages.zst") == nullptr);
}

TEST_CASE("the Packages index matches the SHA-256 its signed Release gives, and a changed one does not") {
  Release r = verified_release();
  const IndexFile* expected = r.find("main/binary-arm64/Packages");
  REQUIRE(expected);
  std::string packages = fixture("bookworm-updates_main_binary-arm64_Packages");
  CHECK(sha256_hex(bytes(packages)) == expected->sha256);  // nettle's digest against Debian's
  CHECK(refusal([&] { check_file(bytes(packages), *expected, "Packages"); }).empty());
  std::string changed = packages;
  changed[changed.size() / 2] ^= 0x20;
  CHECK(contains(refusal([&] { check_file(bytes(changed), *expected, "Packages"); }),
                 "Packages: SHA-256 " + sha256_hex(bytes(changed)) + " where the signed index says " +
                     expected->sha256));
  CHECK(contains(refusal([&] { check_file(bytes(packages + "\n"), *expected, "Packages"); }),
                 "32760 bytes where the signed index says 32759"));
}

TEST_CASE("a Packages index gives each package's file, size and SHA-256; a .deb that differs is refused") {
  auto entries = parse_packages(fixture("bookworm-updates_main_binary-arm64_Packages"), "Packages");
  REQUIRE(entries.size() > 10);
  for (const auto& e : entries) {
    CHECK(e.filename.starts_with("pool/main/"));
    CHECK(e.filename.ends_with("_arm64.deb") + e.filename.ends_with("_all.deb") == 1);
    CHECK(e.sha256.size() == 64);
    CHECK(e.size > 0);
  }
  // Pre-Depends, then Depends, for `sysroot add` without apt.
  auto ssh = std::find_if(entries.begin(), entries.end(),
                          [](const auto& e) { return e.package == "openssh-server"; });
  REQUIRE(ssh != entries.end());
  CHECK(ssh->depends.starts_with("init-system-helpers (>= 1.54~), adduser, libpam-modules,"));
  CHECK(ssh->depends.ends_with("zlib1g (>= 1:1.1.4)"));
  const PackageEntry& first = entries.front();
  std::string not_the_deb(first.size, '\0');
  CHECK(contains(refusal([&] { check_file(bytes(not_the_deb), first, first.filename); }),
                 first.filename + ": SHA-256 "));
}

TEST_CASE("a field may start on its continuation lines") {
  // fuzz_debindex: an empty first line made the word splitter loop forever.
  std::string sum(64, 'a');
  Release r =
      parse_release("Suite: x\nArchitectures:\n amd64\n\tarm64\nSHA256:\n " + sum + " 1 main/P\n", "R");
  CHECK(r.architectures == std::vector<std::string>{"amd64", "arm64"});
  REQUIRE(r.files.size() == 1);
  CHECK(r.files[0].path == "main/P");
}

TEST_CASE("malformed indexes are refused with the line that is wrong") {
  CHECK(contains(refusal([] { parse_release("Suite: x\nSHA256:\n 0123 12 main/Packages\n", "R"); }),
                 "R: bad SHA256 line '0123 12 main/Packages'"));
  std::string sum(64, 'a');
  CHECK(contains(refusal([&] { parse_release("Suite: x\nSHA256:\n " + sum + " 1x main/P\n", "R"); }),
                 "not a size"));
  CHECK(contains(refusal([] { parse_release("Suite: x\n", "R"); }), "no SHA256 field"));
  CHECK(contains(refusal([&] { parse_release("SHA256:\n " + sum + " 1 main/P\n", "R"); }),
                 "no Suite or Codename"));
  CHECK(contains(refusal([] { parse_release("Suite: x\nSuite: y\n", "R"); }), "line 2: field 'suite' twice"));
  CHECK(contains(refusal([] { parse_release(" continued\n", "R"); }), "line 1: a continuation line"));
  CHECK(contains(refusal([] { parse_release("Suite: x\n\nSuite: y\n", "R"); }), "one stanza"));
  CHECK(contains(refusal([] { parse_packages("Package: a\nFilename: pool/a.deb\nSize: 3\n", "P"); }),
                 "package a: no Filename, Size or SHA256"));
  CHECK(contains(refusal([] { parse_packages("Filename: pool/a.deb\n", "P"); }), "without a Package field"));
  CHECK(
      contains(refusal([] { parse_packages("no colon here\n", "P"); }), "line 1: not a 'Field: value' line"));
}

TEST_CASE("a Release's dates are read as UTC, and anything else is not a date") {
  CHECK(parse_release_date("Thu, 03 Dec 2026 02:15:27 UTC") == 1796264127);  // GNU date's answer
  CHECK(parse_release_date("Tue, 29 Feb 2000 23:59:59 +0000") == 951868799);
  CHECK(parse_release_date("3 Dec 2026 02:15:27 GMT") == 1796264127);
  for (const char* bad :
       {"", "Thu, 03 Dec 2026 02:15:27", "Thu, 03 Dez 2026 02:15:27 UTC", "Thu, 03 Dec 2026 02:15:27 CET",
        "Thu, 32 Dec 2026 02:15:27 UTC", "Thu, 03 Dec 26 02:15 UTC", "Thu, 03 Dec 2026 24:00:00 UTC"}) {
    INFO(bad);
    CHECK_FALSE(parse_release_date(bad));
  }
}

TEST_CASE("an InRelease from the future, or past its Valid-Until, is refused") {
  Release r = verified_release();  // Date: Thu, 03 Dec 2026 02:15:27 UTC; no Valid-Until
  const std::time_t date = 1796264127;
  CHECK(refusal([&] { check_fresh(r, date + 86400 * 365, "InRelease"); }).empty());
  CHECK(refusal([&] { check_fresh(r, date - kClockSkew, "InRelease"); }).empty());
  CHECK(contains(refusal([&] { check_fresh(r, date - 3600, "InRelease"); }),
                 "InRelease: its Date (" + r.date + ") is in the future"));
  r.valid_until = "Thu, 10 Dec 2026 02:15:27 UTC";
  CHECK(refusal([&] { check_fresh(r, date + 86400, "InRelease"); }).empty());
  CHECK(contains(refusal([&] { check_fresh(r, date + 8 * 86400, "InRelease"); }),
                 "it was valid until Thu, 10 Dec 2026 02:15:27 UTC"));
  r.valid_until = "next week";
  CHECK(contains(refusal([&] { check_fresh(r, date, "InRelease"); }), "not a date: 'next week'"));
  r.date.clear();
  CHECK(contains(refusal([&] { check_fresh(r, date, "InRelease"); }), "no Date field"));
}

TEST_CASE("the security suite's InRelease that apt keeps has a Valid-Until that is enforced (when present)") {
  std::error_code ec;
  int checked = 0;
  for (const auto& file : std::filesystem::directory_iterator("/var/lib/apt/lists", ec)) {
    std::string name = file.path().filename().string();
    if (!name.ends_with("-security_InRelease")) continue;
    INFO(name.substr(name.find('_')));  // without the mirror's host name
    Release r =
        parse_release(verify_cleartext(read_file(file.path()), debian_archive_keyring(), "InRelease"), "R");
    REQUIRE_FALSE(r.valid_until.empty());
    auto date = parse_release_date(r.date), until = parse_release_date(r.valid_until);
    REQUIRE((date && until && *date < *until));
    CHECK(refusal([&] { check_fresh(r, *date, "R"); }).empty());
    CHECK(contains(refusal([&] { check_fresh(r, *until + 1, "R"); }), "it was valid until"));
    ++checked;
  }
  MESSAGE("checked " << checked << " security InRelease files of apt's lists");
}

TEST_CASE("the Sources index matches its signed Release, and gives each source package's files") {
  Release r = verified_release();
  const IndexFile* expected = r.find("main/source/Sources");
  REQUIRE(expected);
  std::string text = fixture("bookworm-updates_main_source_Sources");
  CHECK(refusal([&] { check_file(bytes(text), *expected, "Sources"); }).empty());
  auto sources = parse_sources(text, "Sources");
  REQUIRE(sources.size() > 3);
  for (const auto& s : sources) {
    INFO(s.package);
    CHECK(s.directory.starts_with("pool/main/"));
    CHECK(std::count_if(s.files.begin(), s.files.end(),
                        [](const IndexFile& f) { return f.path.ends_with(".dsc"); }) == 1);
    CHECK(std::all_of(s.files.begin(), s.files.end(), [](const IndexFile& f) { return f.size > 0; }));
  }
  CHECK(contains(refusal([] { parse_sources("Package: a\nDirectory: pool/main/a\n", "S"); }),
                 "source package a: no Directory or Checksums-Sha256"));
  CHECK(contains(
      refusal([] { parse_sources("Package: a\nDirectory: d\nChecksums-Sha256:\n 00 1 a.dsc\n", "S"); }),
      "S: bad Checksums-Sha256 line '00 1 a.dsc'"));
}
