// The binary keyring (RFC 9580 §10.1: transferable public keys, as gpg
// writes /usr/share/keyrings/*.gpg): each primary key with its user IDs,
// subkeys and their signatures. v4 fingerprints are SHA-1 over 0x99, the
// body's two-byte length and the body (§5.5.4.2).
//
// The keyring is trusted data (Debian's, compiled into xstatic), so its
// self-signatures are read for what they say (expiry, revocation) without
// being verified; a key's self-signature chain was checked when Debian made it.
#include <nettle/sha1.h>

#include <algorithm>

#include "packets.hpp"

namespace xstatic {
extern const unsigned char kDebianArchiveKeyring[];
extern const std::size_t kDebianArchiveKeyring_size;
}  // namespace xstatic

namespace xstatic::repo {

namespace {

// 1.3.6.1.4.1.11591.15.1, the curve of legacy EdDSA keys (RFC 9580 §9.2).
constexpr std::array<std::uint8_t, 9> kEd25519Oid = {0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01};

enum Tag { kSignature = 2, kPublicKey = 6, kUserId = 13, kPublicSubkey = 14 };

Fingerprint fingerprint_of(ByteView body) {
  sha1_ctx ctx;
  sha1_init(&ctx);
  const std::uint8_t head[3] = {0x99, static_cast<std::uint8_t>(body.size() >> 8),
                                static_cast<std::uint8_t>(body.size() & 0xff)};
  sha1_update(&ctx, sizeof head, head);
  sha1_update(&ctx, body.size(), body.data());
  Fingerprint f{};
  sha1_digest(&ctx, f.size(), f.data());
  return f;
}

// A v4 key packet; nullopt for other versions (v3 keys are gone from Debian,
// v6 would need v6 signatures).
std::optional<PublicKey> read_key(ByteView body, bool subkey, std::string_view what) {
  detail::Reader r(body, what);
  if (body.size() > 0xffff) r.fail("a key packet too long for a v4 fingerprint");
  if (r.u8() != 4) return std::nullopt;
  PublicKey key;
  key.subkey = subkey;
  key.created = r.u32();
  key.algorithm = r.u8();
  key.fingerprint = fingerprint_of(body);
  for (std::size_t i = 12; i < 20; ++i) key.key_id = key.key_id << 8 | key.fingerprint[i];
  switch (static_cast<KeyAlgorithm>(key.algorithm)) {
    case KeyAlgorithm::rsa:
    case KeyAlgorithm::rsa_sign: {
      auto n = r.mpi();
      auto e = r.mpi();
      key.rsa_n.assign(n.begin(), n.end());
      key.rsa_e.assign(e.begin(), e.end());
      key.usable = !n.empty() && !e.empty();
      break;
    }
    case KeyAlgorithm::eddsa_legacy: {
      auto oid = r.take(r.u8());
      auto point = r.mpi();
      // The point is stored prefixed by 0x40 ("native" encoding).
      if (std::equal(oid.begin(), oid.end(), kEd25519Oid.begin(), kEd25519Oid.end()) && point.size() == 33 &&
          point[0] == 0x40) {
        std::copy(point.begin() + 1, point.end(), key.ed25519.begin());
        key.usable = true;
      }
      break;
    }
    case KeyAlgorithm::ed25519: {
      auto point = r.take(32);
      std::copy(point.begin(), point.end(), key.ed25519.begin());
      key.usable = true;
      break;
    }
    default:
      break;  // DSA, Elgamal, ECDSA, ECDH...: kept by fingerprint only
  }
  return key;
}

// What a self-signature following a key says about it.
void apply_self_signature(const Signature& sig, PublicKey& key, std::uint64_t primary_id,
                          std::uint32_t& newest) {
  std::optional<std::uint64_t> issuer = sig.issuer;
  if (sig.issuer_fingerprint) {
    issuer = 0;
    for (std::size_t i = 12; i < 20; ++i) issuer = *issuer << 8 | (*sig.issuer_fingerprint)[i];
  }
  if (issuer != primary_id) return;  // a certification by another key, or by no key it names
  bool revocation = sig.type == 0x20 || sig.type == 0x28;
  if (revocation) {
    key.revoked = true;
    return;
  }
  // A primary key's validity is stated by its user IDs' self-certifications
  // (and a direct-key signature that sets an expiry), a subkey's by its
  // binding signature; the newest one counts (RFC 9580 §5.2.3.10).
  bool states_validity =
      key.subkey ? sig.type == 0x18
                 : (sig.type >= 0x10 && sig.type <= 0x13) || (sig.type == 0x1F && sig.key_expires_after);
  if (!states_validity || sig.created < newest) return;
  newest = sig.created;
  key.expires_after = sig.key_expires_after;
}

}  // namespace

Keyring parse_keyring(ByteView data, std::string_view what) {
  constexpr std::size_t kNone = ~std::size_t{0};
  Keyring ring;
  std::size_t primary = kNone;  // index of the current primary key
  std::size_t current = kNone;  // the key that signatures now follow
  std::uint32_t newest = 0;     // creation time of the current key's newest self-signature
  bool skipping = false;        // inside a key of another version, whose subkeys are skipped too
  for (const auto& p : detail::read_packets(data, what)) {
    if (p.tag == kPublicKey || p.tag == kPublicSubkey) {
      bool subkey = p.tag == kPublicSubkey;
      if (subkey && primary == kNone && !skipping) detail::refuse(what, "a subkey before any primary key");
      auto key = read_key(p.body, subkey, what);
      if (!subkey) {
        primary = kNone;
        skipping = !key;
      }
      current = kNone;
      if (!key || (primary == kNone && subkey)) continue;
      if (subkey) key->user_id = ring.keys[primary].user_id;
      ring.keys.push_back(std::move(*key));
      current = ring.keys.size() - 1;
      if (!subkey) primary = current;
      newest = 0;
    } else if (p.tag == kUserId && primary != kNone) {
      auto& key = ring.keys[primary];
      if (key.user_id.empty()) key.user_id.assign(p.body.begin(), p.body.end());
    } else if (p.tag == kSignature && current != kNone && primary != kNone) {
      if (auto sig = detail::read_signature(p.body, what))
        apply_self_signature(*sig, ring.keys[current], ring.keys[primary].key_id, newest);
    }
  }
  if (ring.keys.empty()) detail::refuse(what, "no v4 OpenPGP public key in the keyring");
  // A subkey is no longer valid than its primary key.
  for (std::size_t i = 0, owner = 0; i < ring.keys.size(); ++i) {
    auto& key = ring.keys[i];
    if (!key.subkey) {
      owner = i;
      continue;
    }
    const auto& main = ring.keys[owner];
    key.revoked = key.revoked || main.revoked;
    auto end = [](const PublicKey& k) {
      return k.expires_after && *k.expires_after ? std::uint64_t{k.created} + *k.expires_after
                                                 : ~std::uint64_t{0};
    };
    if (end(main) < end(key)) key.expires_after = static_cast<std::uint32_t>(end(main) - key.created);
  }
  return ring;
}

const Keyring& debian_archive_keyring() {
  static const Keyring ring = parse_keyring(ByteView(kDebianArchiveKeyring, kDebianArchiveKeyring_size),
                                            "the Debian archive keyring built into xstatic");
  return ring;
}

std::string hex(ByteView bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (auto b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

}  // namespace xstatic::repo
