// v4 signature packets (RFC 9580 §5.2.3): the hashed part that the digest
// covers after the data, and the subpackets a verifier must read.
#include <algorithm>
#include <array>

#include "packets.hpp"

namespace xstatic::repo {

namespace detail {
namespace {

// Subpacket types (RFC 9580 §5.2.3.7) this verifier reads or may safely ignore
// when the signer marked them critical.
enum Subpacket : std::uint8_t {
  kCreated = 2,
  kExpires = 3,
  kKeyExpires = 9,
  kIssuer = 16,
  kIssuerFingerprint = 33,
};
constexpr std::array<std::uint8_t, 14> kUnderstood = {2, 3, 4, 7, 9, 11, 16, 21, 22, 23, 25, 27, 30, 33};

void read_subpackets(ByteView area, bool hashed, Signature& sig, std::string_view what) {
  Reader r(area, what);
  while (!r.empty()) {
    std::size_t length = r.u8();
    if (length >= 255) {
      length = r.u32();
    } else if (length >= 192) {
      length = ((length - 192) << 8) + r.u8() + 192;
    }
    if (length == 0) r.fail("empty signature subpacket");
    std::uint8_t head = r.u8();
    auto type = static_cast<std::uint8_t>(head & 0x7f);
    Reader data(r.take(length - 1), what);
    bool critical = (head & 0x80) != 0;
    if (hashed && critical && std::find(kUnderstood.begin(), kUnderstood.end(), type) == kUnderstood.end())
      sig.unknown_critical = true;
    switch (type) {
      case kCreated:
        if (hashed) sig.created = data.u32();
        break;
      case kExpires:
        if (hashed) sig.expires_after = data.u32();
        break;
      case kKeyExpires:
        if (hashed) sig.key_expires_after = data.u32();
        break;
      case kIssuer: {
        auto id = data.take(8);
        std::uint64_t v = 0;
        for (auto b : id) v = v << 8 | b;
        sig.issuer = v;
        break;
      }
      case kIssuerFingerprint:
        if (data.u8() == 4) {
          auto fp = data.take(20);
          Fingerprint f{};
          std::copy(fp.begin(), fp.end(), f.begin());
          sig.issuer_fingerprint = f;
        }
        break;
      default:
        break;
    }
  }
}

}  // namespace

std::optional<Signature> read_signature(ByteView body, std::string_view what) {
  Reader r(body, what);
  if (r.u8() != 4) return std::nullopt;
  Signature sig;
  sig.type = r.u8();
  sig.algorithm = r.u8();
  sig.hash = r.u8();
  std::size_t hashed_length = r.u16();
  read_subpackets(r.take(hashed_length), true, sig, what);
  sig.hashed_part.assign(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(6 + hashed_length));
  read_subpackets(r.take(r.u16()), false, sig, what);
  auto left = r.take(2);
  sig.left16 = {left[0], left[1]};
  switch (static_cast<KeyAlgorithm>(sig.algorithm)) {
    case KeyAlgorithm::rsa:
    case KeyAlgorithm::rsa_sign: {
      auto s = r.mpi();
      sig.values.emplace_back(s.begin(), s.end());
      break;
    }
    case KeyAlgorithm::eddsa_legacy:
      for (int i = 0; i < 2; ++i) {
        auto v = r.mpi();
        sig.values.emplace_back(v.begin(), v.end());
      }
      break;
    case KeyAlgorithm::ed25519:
      for (int i = 0; i < 2; ++i) {
        auto v = r.take(32);
        sig.values.emplace_back(v.begin(), v.end());
      }
      break;
    default: {
      auto rest = r.take(r.left());
      sig.values.emplace_back(rest.begin(), rest.end());
    }
  }
  if (!r.empty()) r.fail("bytes after the signature's values");
  if (sig.created == 0) r.fail("a signature without a (hashed) creation time");
  return sig;
}

}  // namespace detail

std::vector<Signature> parse_signatures(ByteView data, std::string_view what) {
  std::vector<Signature> out;
  for (const auto& p : detail::read_packets(data, what)) {
    if (p.tag != 2) detail::refuse(what, "the signature block holds a packet that is not a signature");
    auto sig = detail::read_signature(p.body, what);
    if (!sig) detail::refuse(what, "a signature of a version other than 4 (not supported)");
    out.push_back(std::move(*sig));
  }
  if (out.empty()) detail::refuse(what, "the signature block holds no signature");
  return out;
}

}  // namespace xstatic::repo
