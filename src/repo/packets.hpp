// The byte level of OpenPGP (RFC 9580 §3, §4.2, §6): big-endian fields,
// multiprecision integers, packet framing and ASCII armor. Internal to src/repo.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/repo/openpgp.hpp"

namespace xstatic::repo::detail {

// Reads fields front to back; a read past the end throws xstatic::Error
// (Exit::failed) naming `what`.
class Reader {
 public:
  Reader(ByteView data, std::string_view what) : data_(data), what_(what) {}
  bool empty() const { return pos_ == data_.size(); }
  std::size_t left() const { return data_.size() - pos_; }
  std::uint8_t u8();
  std::uint16_t u16();
  std::uint32_t u32();
  ByteView take(std::size_t n);
  // A multiprecision integer: its magnitude, big-endian, leading zeros dropped.
  ByteView mpi();
  [[noreturn]] void fail(std::string_view why) const;

 private:
  ByteView data_;
  std::size_t pos_ = 0;
  std::string_view what_;
};

struct Packet {
  int tag = 0;
  ByteView body;
};

// Splits data into packets (old and new formats). Partial and indeterminate
// lengths are refused: neither keys nor signatures use them.
std::vector<Packet> read_packets(ByteView data, std::string_view what);

// The base64 body of an armored block (the lines after its headers and blank
// line, up to the END line), decoded; a "=XXXX" CRC-24 line, when present,
// must match.
Bytes decode_armor_body(const std::vector<std::string_view>& lines, std::string_view what);

// One signature packet's body; nullopt for a version other than 4 (which a
// keyring may hold for old certifications, and a cleartext signature may not).
std::optional<Signature> read_signature(ByteView body, std::string_view what);

[[noreturn]] void refuse(std::string_view what, std::string_view why);

}  // namespace xstatic::repo::detail
