// Checking a cleartext signature with nettle: the digest of the canonical
// text followed by the signature's hashed part and its v4 trailer
// (0x04 0xFF, four-byte length; RFC 9580 §5.2.4), then RSA PKCS#1 v1.5
// (SHA-256, SHA-512) or Ed25519 over that digest.
#include <nettle/bignum.h>
#include <nettle/eddsa.h>
#include <nettle/nettle-meta.h>
#include <nettle/rsa.h>

#include <algorithm>

#include "packets.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::repo {

namespace {

const nettle_hash* hash_of(std::uint8_t algorithm) {
  switch (static_cast<HashAlgorithm>(algorithm)) {
    case HashAlgorithm::sha256:
      return &nettle_sha256;
    case HashAlgorithm::sha512:
      return &nettle_sha512;
    default:
      return nullptr;  // SHA-1 is broken; others are not used by Debian
  }
}

Bytes digest(const nettle_hash& h, const ClearSigned& message, const Signature& sig) {
  std::vector<std::uint8_t> ctx(h.context_size);
  h.init(ctx.data());
  auto update = [&](std::string_view s) {
    h.update(ctx.data(), s.size(), reinterpret_cast<const std::uint8_t*>(s.data()));
  };
  std::string_view text = message.text;
  if (!text.empty()) text.remove_suffix(1);  // its last line break is not signed
  for (std::size_t at = 0; at <= text.size();) {
    auto end = std::min(text.find('\n', at), text.size());
    update(text.substr(at, end - at));
    if (end < text.size()) update("\r\n");
    at = end + 1;
  }
  h.update(ctx.data(), sig.hashed_part.size(), sig.hashed_part.data());
  auto n = static_cast<std::uint32_t>(sig.hashed_part.size());
  const std::uint8_t trailer[6] = {0x04,
                                   0xFF,
                                   static_cast<std::uint8_t>(n >> 24),
                                   static_cast<std::uint8_t>(n >> 16),
                                   static_cast<std::uint8_t>(n >> 8),
                                   static_cast<std::uint8_t>(n)};
  h.update(ctx.data(), sizeof trailer, trailer);
  Bytes out(h.digest_size);
  h.digest(ctx.data(), out.size(), out.data());
  return out;
}

bool rsa_ok(const PublicKey& key, const Signature& sig, const Bytes& d) {
  if (sig.values.size() != 1) return false;
  rsa_public_key pub;
  rsa_public_key_init(&pub);
  nettle_mpz_set_str_256_u(pub.n, key.rsa_n.size(), key.rsa_n.data());
  nettle_mpz_set_str_256_u(pub.e, key.rsa_e.size(), key.rsa_e.data());
  bool ok = false;
  if (rsa_public_key_prepare(&pub)) {
    mpz_t s;
    nettle_mpz_init_set_str_256_u(s, sig.values[0].size(), sig.values[0].data());
    ok = sig.hash == static_cast<std::uint8_t>(HashAlgorithm::sha256)
             ? rsa_sha256_verify_digest(&pub, d.data(), s)
             : rsa_sha512_verify_digest(&pub, d.data(), s);
    mpz_clear(s);
  }
  rsa_public_key_clear(&pub);
  return ok;
}

bool ed25519_ok(const PublicKey& key, const Signature& sig, const Bytes& d) {
  if (sig.values.size() != 2 || sig.values[0].size() > 32 || sig.values[1].size() > 32) return false;
  std::uint8_t rs[64] = {};  // r and s, each left-padded to 32 bytes
  std::copy(sig.values[0].begin(), sig.values[0].end(), rs + 32 - sig.values[0].size());
  std::copy(sig.values[1].begin(), sig.values[1].end(), rs + 64 - sig.values[1].size());
  return ed25519_sha512_verify(key.ed25519.data(), d.size(), d.data(), rs) == 1;
}

const PublicKey* issuer_of(const Signature& sig, const Keyring& ring) {
  for (const auto& key : ring.keys) {
    if (sig.issuer_fingerprint ? key.fingerprint == *sig.issuer_fingerprint : sig.issuer == key.key_id)
      return &key;
  }
  return nullptr;
}

std::string issuer_name(const Signature& sig) {
  if (sig.issuer_fingerprint) return hex(*sig.issuer_fingerprint);
  if (!sig.issuer) return "(none named)";
  Bytes id;
  for (int i = 7; i >= 0; --i) id.push_back(static_cast<std::uint8_t>(*sig.issuer >> (8 * i)));
  return hex(id);
}

std::string key_name(const PublicKey& key) {
  return hex(key.fingerprint) + " (" + key.user_id + ")";
}

// Why this signature does not count, or "" when it is good.
std::string problem_of(const ClearSigned& message, const Signature& sig, const PublicKey& key,
                       std::time_t now) {
  if (sig.type != 0x01) return "not a signature over text";
  if (sig.unknown_critical) return "it carries a critical subpacket this verifier does not know";
  if (!key.usable) return "key " + key_name(key) + " uses an algorithm xstatic cannot check";
  if (sig.algorithm != key.algorithm) return "its algorithm does not match key " + key_name(key);
  const nettle_hash* h = hash_of(sig.hash);
  if (!h) return "hash algorithm " + std::to_string(sig.hash) + " is not accepted (SHA-256 and SHA-512 are)";
  if (!message.hashes.empty() &&
      std::find(message.hashes.begin(), message.hashes.end(), sig.hash) == message.hashes.end())
    return "its hash algorithm is not the one the message's Hash header names";
  if (key.rsa_n.size() < 256 && key.algorithm != static_cast<std::uint8_t>(KeyAlgorithm::eddsa_legacy) &&
      key.algorithm != static_cast<std::uint8_t>(KeyAlgorithm::ed25519))
    return "key " + key_name(key) + " is an RSA key shorter than 2048 bits";
  Bytes d = digest(*h, message, sig);
  bool eddsa = key.algorithm == static_cast<std::uint8_t>(KeyAlgorithm::eddsa_legacy) ||
               key.algorithm == static_cast<std::uint8_t>(KeyAlgorithm::ed25519);
  if (d[0] != sig.left16[0] || d[1] != sig.left16[1] ||
      !(eddsa ? ed25519_ok(key, sig, d) : rsa_ok(key, sig, d)))
    return "BAD signature by key " + key_name(key) + ": the signed text or the signature was changed";
  if (key.revoked) return "key " + key_name(key) + " is revoked";
  if (key.expires_after && *key.expires_after != 0 &&
      static_cast<std::time_t>(key.created) + *key.expires_after < now)
    return "key " + key_name(key) + " has expired";
  if (sig.created < key.created) return "the signature is older than key " + key_name(key);
  if (sig.expires_after && *sig.expires_after != 0 &&
      static_cast<std::time_t>(sig.created) + *sig.expires_after < now)
    return "the signature by key " + key_name(key) + " has expired";
  return {};
}

}  // namespace

std::vector<SignatureCheck> check_signatures(const ClearSigned& message, const Keyring& keyring,
                                             std::time_t now) {
  std::vector<SignatureCheck> checks;
  for (auto& sig : parse_signatures(message.signature, "the signature block")) {
    SignatureCheck c;
    c.key = issuer_of(sig, keyring);
    if (!c.key) {
      c.problem = "made by key " + issuer_name(sig) + ", which is not in the keyring";
    } else {
      c.problem = problem_of(message, sig, *c.key, now);
    }
    c.good = c.problem.empty();
    c.signature = std::move(sig);
    checks.push_back(std::move(c));
  }
  return checks;
}

std::string verify_cleartext(std::string_view message, const Keyring& keyring, std::string_view what,
                             std::time_t now) {
  ClearSigned signed_message = parse_cleartext(message, what);
  std::vector<SignatureCheck> checks;
  try {
    checks = check_signatures(signed_message, keyring, now);
  } catch (const Error& e) {
    throw e.with_context(std::string(what) + ": ");  // the packets' reader names only "the signature block"
  }
  std::string problems;
  for (const auto& c : checks) {
    if (c.good) return std::move(signed_message.text);
    problems += (problems.empty() ? "" : "; ") + c.problem;
  }
  throw Error(std::string(what) + ": no good signature by a trusted key: " + problems,
              "the file was changed or is not Debian's: fetch it again, or use a mirror you trust",
              Exit::failed);
}

}  // namespace xstatic::repo
