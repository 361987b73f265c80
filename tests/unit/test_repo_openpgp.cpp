// OpenPGP keyrings, cleartext signatures and their verification, on real
// data: Debian's keyring and InRelease, and texts signed by gpg.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "repo/packets.hpp"
#include "repo_fixtures.hpp"

using namespace xstatic::repo;
using namespace xstatic::repo::testing;

namespace {

const PublicKey* key_by_fingerprint(const Keyring& ring, std::string_view fp) {
  for (const auto& k : ring.keys)
    if (hex(k.fingerprint) == fp) return &k;
  return nullptr;
}

std::string replaced(std::string s, std::string_view from, std::string_view to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

// The message with its signature block replaced by `signature`, armored
// without the optional checksum line.
std::string rearmored(const std::string& message, const Bytes& signature) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (std::size_t i = 0; i < signature.size(); i += 3) {
    std::uint32_t v = std::uint32_t{signature[i]} << 16;
    if (i + 1 < signature.size()) v |= std::uint32_t{signature[i + 1]} << 8;
    if (i + 2 < signature.size()) v |= signature[i + 2];
    for (std::size_t j = 0; j < 4; ++j)
      b64 += i + j <= signature.size() ? kDigits[(v >> (18 - 6 * j)) & 63] : '=';
    if (b64.size() % 65 == 64) b64 += '\n';
  }
  auto begin = message.find("-----BEGIN PGP SIGNATURE-----");
  return message.substr(0, begin) + "-----BEGIN PGP SIGNATURE-----\n\n" + b64 +
         "\n-----END PGP SIGNATURE-----\n";
}

constexpr std::string_view kSignedText =
    "Origin: xstatic tests\nSuite: testing\nCodename: fixture\n- a line starting with a dash\n--two dashes\n"
    "trailing spaces\ntrailing tab\n\nlast line\n";

}  // namespace

TEST_CASE("the Debian archive keyring compiled in has its keys, subkeys and v4 fingerprints") {
  const Keyring& ring = debian_archive_keyring();
  CHECK(ring.keys.size() == 15);  // gpg --show-keys lists 15 fingerprints (primary keys and subkeys)
  for (const auto& k : ring.keys) {
    CHECK(k.usable);
    std::uint64_t low = 0;
    for (std::size_t i = 12; i < 20; ++i) low = low << 8 | k.fingerprint[i];
    CHECK(k.key_id == low);
  }
  const PublicKey* stable = key_by_fingerprint(ring, "4D64FEC119C2029067D6E791F8D2585B8783D481");
  REQUIRE(stable);  // Debian Stable Release Key (12/bookworm), Ed25519
  CHECK(stable->algorithm == 22);
  CHECK_FALSE(stable->subkey);
  CHECK(contains(stable->user_id, "12/bookworm"));
  const PublicKey* signing = key_by_fingerprint(ring, "4CB50190207B4758A3F73A796ED0E7B82643E131");
  REQUIRE(signing);  // the signing subkey of the bookworm archive key
  CHECK(signing->subkey);
  CHECK(signing->algorithm == 1);
  CHECK(signing->rsa_n.size() == 512);
  REQUIRE(signing->expires_after);  // from its binding signature: 2031
  CHECK(signing->created + *signing->expires_after == 1926589461);
}

TEST_CASE("a keyring that is not one is refused") {
  CHECK(contains(refusal([] { parse_keyring(bytes("hello"), "k"); }), "k: not an OpenPGP packet"));
  std::string ring = fixture("test-keyring.gpg");
  CHECK(contains(refusal([&] { parse_keyring(bytes(ring.substr(0, ring.size() / 2)), "k"); }), "truncated"));
  CHECK(test_keyring().keys.size() == 2);
  CHECK(key_by_fingerprint(test_keyring(), "182C9F87BFC70E6AA0478BC4D5F7C6FE09B6CFBF"));
  CHECK(key_by_fingerprint(test_keyring(), "963F86924618AE7CC280D5D0DFBF73891C29E7C5"));
}

TEST_CASE("Debian's InRelease verifies against the compiled-in keyring") {
  std::string in_release = fixture("bookworm-updates.InRelease");
  std::string text = verify_cleartext(in_release, debian_archive_keyring(), "InRelease");
  CHECK(text.starts_with("Origin: Debian\nLabel: Debian\n"));
  CHECK(contains(text, "\nCodename: bookworm-updates\n"));
  CHECK_FALSE(contains(text, "PGP"));
  auto checks = check_signatures(parse_cleartext(in_release, "InRelease"), debian_archive_keyring(),
                                 std::time(nullptr));
  REQUIRE(checks.size() == 2);
  for (const auto& c : checks) {
    INFO(c.problem);
    CHECK(c.good);
    REQUIRE(c.key);
    CHECK(c.key->subkey);
  }
}

TEST_CASE("a changed InRelease is refused") {
  std::string good = fixture("bookworm-updates.InRelease");
  const Keyring& ring = debian_archive_keyring();
  SUBCASE("one byte of the signed text") {
    auto bad = replaced(good, "Codename: bookworm-updates", "Codename: bookworm-updatez");
    CHECK(contains(refusal([&] { verify_cleartext(bad, ring, "InRelease"); }), "BAD signature"));
  }
  SUBCASE("one byte of a signature") {
    ClearSigned m = parse_cleartext(good, "InRelease");
    // The last byte of each signature packet: its value (RSA's s).
    auto packets = xstatic::repo::detail::read_packets(m.signature, "block");
    REQUIRE(packets.size() == 2);
    Bytes one = m.signature, both = m.signature;
    one.back() ^= 0x01;
    for (const auto& p : packets)
      both[static_cast<std::size_t>(p.body.data() - m.signature.data()) + p.body.size() - 1] ^= 0x01;
    auto checks = check_signatures(ClearSigned{m.text, m.hashes, one}, ring, std::time(nullptr));
    CHECK(checks[0].good);  // one good signature is enough...
    CHECK(contains(checks[1].problem, "BAD signature by key B8E5F13176D2A7A75220028078DBA3BC47EF2265"));
    CHECK(verify_cleartext(rearmored(good, one), ring, "InRelease") == m.text);
    auto why =
        refusal([&] { verify_cleartext(rearmored(good, both), ring, "InRelease"); });  // ...none is not
    CHECK(contains(why,
                   "InRelease: no good signature by a trusted key: BAD signature by key "
                   "4CB50190207B4758A3F73A796ED0E7B82643E131"));
  }
  SUBCASE("one character of the armor (caught by its checksum)") {
    auto at = good.find("-----BEGIN PGP SIGNATURE-----") + 40;
    std::string bad = good;
    bad[at] = bad[at] == 'A' ? 'B' : 'A';
    CHECK(contains(refusal([&] { verify_cleartext(bad, ring, "InRelease"); }), "checksum"));
  }
  SUBCASE("signed by a key that is not in the keyring") {
    auto why = refusal([&] { verify_cleartext(good, test_keyring(), "InRelease"); });
    CHECK(contains(why, "key 4CB50190207B4758A3F73A796ED0E7B82643E131, which is not in the keyring"));
    CHECK(contains(
        refusal([] { verify_cleartext(fixture("signed-ed25519.txt"), debian_archive_keyring(), "t"); }),
        "not in the keyring"));
  }
  SUBCASE("the armor cut short") {
    auto bad = good.substr(0, good.find("-----END PGP SIGNATURE-----") - 100);
    CHECK(contains(refusal([&] { verify_cleartext(bad, ring, "InRelease"); }), "cut short"));
    auto no_end = good.substr(0, good.find("-----BEGIN PGP SIGNATURE-----") + 40);
    CHECK(contains(refusal([&] { verify_cleartext(no_end, ring, "InRelease"); }), "cut short"));
  }
  SUBCASE("no signature at all") {
    std::string text = parse_cleartext(good, "InRelease").text;
    CHECK(contains(refusal([&] { verify_cleartext(text, ring, "Release"); }), "not a signed message"));
    auto unsigned_block = good.substr(0, good.find("-----BEGIN PGP SIGNATURE-----"));
    CHECK(contains(refusal([&] { verify_cleartext(unsigned_block, ring, "InRelease"); }), "no signature"));
  }
  SUBCASE("text outside the signed block") {
    CHECK(contains(refusal([&] { verify_cleartext("Suite: evil\n" + good, ring, "InRelease"); }),
                   "not a signed message"));
    CHECK(contains(refusal([&] { verify_cleartext(good + "Suite: evil\n", ring, "InRelease"); }),
                   "text after the signature"));
  }
  SUBCASE("a header other than Hash") {
    auto bad = replaced(good, "Hash: SHA256\n", "Hash: SHA256\nComment: hi\n");
    CHECK(contains(refusal([&] { verify_cleartext(bad, ring, "InRelease"); }), "a header other than Hash"));
  }
  SUBCASE("keys expired or revoked") {
    std::time_t in_2040 = 2208988800;  // the bookworm archive keys expire in 2031
    CHECK(contains(refusal([&] { verify_cleartext(good, ring, "InRelease", in_2040); }), "has expired"));
    Keyring revoked = ring;
    for (auto& k : revoked.keys) k.revoked = true;
    CHECK(contains(refusal([&] { verify_cleartext(good, revoked, "InRelease"); }), "is revoked"));
  }
}

TEST_CASE("gpg's cleartext signatures verify: Ed25519, RSA with SHA-512, both") {
  for (const char* name : {"signed-ed25519.txt", "signed-rsa.txt", "signed-both.txt"}) {
    INFO(name);
    std::string message = fixture(name);
    CHECK(verify_cleartext(message, test_keyring(), name) == kSignedText);
    auto checks = check_signatures(parse_cleartext(message, name), test_keyring(), std::time(nullptr));
    CHECK(std::all_of(checks.begin(), checks.end(), [](const SignatureCheck& c) { return c.good; }));
    CHECK(checks.size() == (std::string_view(name) == "signed-both.txt" ? 2 : 1));
  }
}

TEST_CASE(
    "the signed text is canonical: CR LF and trailing blanks are not signed, dash-escapes are checked") {
  std::string message = fixture("signed-ed25519.txt");
  std::string crlf;
  for (char c : message) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(verify_cleartext(crlf, test_keyring(), "crlf") == kSignedText);
  CHECK(verify_cleartext(replaced(message, "Suite: testing\n", "Suite: testing \t \n"), test_keyring(),
                         "t") == kSignedText);
  CHECK(contains(
      refusal([&] { verify_cleartext(replaced(message, "last line", "last linE"), test_keyring(), "t"); }),
      "BAD signature"));
  CHECK(contains(
      refusal([&] { verify_cleartext(replaced(message, "- - a line", "- a line"), test_keyring(), "t"); }),
      "BAD signature"));
  CHECK(
      contains(refusal([&] { verify_cleartext(replaced(message, "- --two", "--two"), test_keyring(), "t"); }),
               "not dash-escaped"));
  std::string rsa = fixture("signed-rsa.txt");  // SHA-512: a Hash header naming another hash is refused
  CHECK(contains(
      refusal([&] { verify_cleartext(replaced(rsa, "Hash: SHA512", "Hash: SHA256"), test_keyring(), "t"); }),
      "Hash header"));
}

TEST_CASE("the InRelease files apt keeps verify (when this machine has them)") {
  std::vector<std::filesystem::path> folders = {"/var/lib/apt/lists"};
  if (const char* store = std::getenv("XSTATIC_TEST_STORE")) {
    std::error_code ec;
    for (const auto& arch : std::filesystem::directory_iterator(std::filesystem::path(store) / "apt", ec))
      folders.push_back(arch.path() / "lists");
  }
  int verified = 0;
  bool ed25519 = false,
       stable_signed = false;  // bookworm's own InRelease is also signed by its Ed25519 release key
  for (const auto& folder : folders) {
    std::error_code ec;
    for (const auto& file : std::filesystem::directory_iterator(folder, ec)) {
      std::string name = file.path().filename().string();
      if (!name.ends_with("_InRelease")) continue;
      INFO(name.substr(name.find('_')));  // without the mirror's host name
      std::string message = read_file(file.path());
      CHECK(contains(verify_cleartext(message, debian_archive_keyring(), "InRelease"), "\nSHA256:\n"));
      for (const auto& c : check_signatures(parse_cleartext(message, "InRelease"), debian_archive_keyring(),
                                            std::time(nullptr)))
        ed25519 |= c.good && c.key->algorithm == 22;
      stable_signed |= name.ends_with("_dists_bookworm_InRelease");
      ++verified;
    }
  }
  CHECK((ed25519 || !stable_signed));
  MESSAGE("verified " << verified
                      << " InRelease files of apt's lists; an Ed25519 signature among them: " << ed25519);
}
