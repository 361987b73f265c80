// OpenPGP as Debian's archive uses it: cleartext-signed InRelease files,
// v4 signature packets, and the binary keyring of debian-archive-keyring.
//
// Only what checking an InRelease needs is read (RFC 9580, with RFC 4880's
// v4 formats): public-key and subkey packets (v4; RSA and EdDSA/Ed25519 keys
// are usable, others are kept only by fingerprint), user IDs, the signatures
// in a keyring that revoke a key or set its expiry (the keyring is trusted
// data, so those are read, not verified), and v4 signatures over canonical
// text. docs/repo.md says what is checked and what is not yet.
#pragma once

#include <array>
#include <cstdint>
#include <ctime>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xstatic::repo {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
using Fingerprint = std::array<std::uint8_t, 20>;  // v4: SHA-1 of the key packet

// Algorithm numbers of RFC 9580 §9.1 and §9.5 that Debian's keys and signatures use.
enum class KeyAlgorithm : std::uint8_t { rsa = 1, rsa_sign = 3, eddsa_legacy = 22, ed25519 = 27 };
enum class HashAlgorithm : std::uint8_t { sha1 = 2, sha256 = 8, sha384 = 9, sha512 = 10, sha224 = 11 };

struct PublicKey {
  Fingerprint fingerprint{};
  std::uint64_t key_id = 0;    // the fingerprint's low 64 bits
  std::uint32_t created = 0;   // seconds since the epoch
  std::uint8_t algorithm = 0;  // KeyAlgorithm's number, or another one (then not usable)
  bool subkey = false;
  bool usable = false;  // an algorithm this verifier can check
  Bytes rsa_n, rsa_e;   // RSA: modulus and exponent, big-endian
  std::array<std::uint8_t, 32> ed25519{};
  std::optional<std::uint32_t> expires_after;  // seconds after `created`, from its self-signature
  bool revoked = false;                        // a revocation signature follows it in the keyring
  std::string user_id;                         // its primary key's first user ID, for messages
};

struct Keyring {
  std::vector<PublicKey> keys;
};

// The binary keyring format (a sequence of transferable public keys, as in
// /usr/share/keyrings/*.gpg). Throws xstatic::Error naming `what`.
Keyring parse_keyring(ByteView data, std::string_view what);
// The keyring compiled into xstatic from debian-archive-keyring.
const Keyring& debian_archive_keyring();

struct Signature {
  std::uint8_t type = 0;  // 0x01: canonical text, what a cleartext signature must be
  std::uint8_t algorithm = 0;
  std::uint8_t hash = 0;
  std::uint32_t created = 0;
  std::optional<std::uint32_t> expires_after;      // seconds after `created`
  std::optional<std::uint32_t> key_expires_after;  // a self-signature's: seconds after the key's creation
  std::optional<std::uint64_t> issuer;             // key ID subpacket
  std::optional<Fingerprint> issuer_fingerprint;
  bool unknown_critical = false;  // a critical hashed subpacket this reader does not know
  std::array<std::uint8_t, 2> left16{};
  Bytes hashed_part;          // version .. hashed subpackets: hashed after the data
  std::vector<Bytes> values;  // RSA: s; EdDSA: r, s (as stored: leading zeros dropped)
};

// Every signature packet of a (dearmored) signature block; packets of other
// kinds are refused, as are signature versions other than 4.
std::vector<Signature> parse_signatures(ByteView data, std::string_view what);

struct ClearSigned {
  std::string text;  // the signed text: dash-escapes removed, trailing blanks cut, '\n' line ends
  std::vector<std::uint8_t> hashes;  // from the Hash: headers (may be empty)
  Bytes signature;                   // the dearmored signature block
};

// A cleartext-signed message (RFC 9580 §7). Anything outside the one signed
// block, a second block, a header other than Hash or a bad armor checksum is
// refused: the text returned is exactly the text that was signed.
ClearSigned parse_cleartext(std::string_view message, std::string_view what);

struct SignatureCheck {
  Signature signature;
  const PublicKey* key = nullptr;  // nullptr: no key in the keyring issued it
  bool good = false;
  std::string problem;  // why it is not good
};

// Checks each signature of a cleartext message against the keyring, at `now`.
std::vector<SignatureCheck> check_signatures(const ClearSigned& message, const Keyring& keyring,
                                             std::time_t now);

// The signed text of `message` when at least one signature is good and made
// by a key of `keyring` that is neither expired nor revoked at `now`;
// otherwise throws xstatic::Error (Exit::failed) saying why, about `what`.
std::string verify_cleartext(std::string_view message, const Keyring& keyring, std::string_view what,
                             std::time_t now = std::time(nullptr));

// "4CB50190207B4758A3F73A796ED0E7B82643E131"
std::string hex(ByteView bytes);

}  // namespace xstatic::repo
