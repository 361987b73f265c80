// Release and Packages indexes, and the size and SHA-256 checks of the files
// they list, on Debian's real bookworm-updates InRelease and arm64 Packages.
#include <doctest/doctest.h>

#include <algorithm>

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
