#include "packets.hpp"

#include <array>
#include <optional>

#include "xstatic/util/error.hpp"

namespace xstatic::repo::detail {

void refuse(std::string_view what, std::string_view why) {
  throw Error(std::string(what) + ": " + std::string(why), {}, Exit::failed);
}

void Reader::fail(std::string_view why) const {
  refuse(what_, why);
}

std::uint8_t Reader::u8() {
  return take(1)[0];
}

std::uint16_t Reader::u16() {
  auto b = take(2);
  return static_cast<std::uint16_t>(b[0] << 8 | b[1]);
}

std::uint32_t Reader::u32() {
  auto b = take(4);
  return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 | b[3];
}

ByteView Reader::take(std::size_t n) {
  if (n > left()) fail("truncated OpenPGP data");
  auto out = data_.subspan(pos_, n);
  pos_ += n;
  return out;
}

ByteView Reader::mpi() {
  std::size_t bits = u16();
  auto bytes = take((bits + 7) / 8);
  while (!bytes.empty() && bytes[0] == 0) bytes = bytes.subspan(1);
  return bytes;
}

std::vector<Packet> read_packets(ByteView data, std::string_view what) {
  std::vector<Packet> packets;
  Reader r(data, what);
  while (!r.empty()) {
    std::uint8_t head = r.u8();
    if (!(head & 0x80)) r.fail("not an OpenPGP packet (bad packet header)");
    Packet p;
    std::size_t length = 0;
    if (head & 0x40) {  // new format
      p.tag = head & 0x3f;
      std::uint8_t first = r.u8();
      if (first < 192) {
        length = first;
      } else if (first < 224) {
        length = ((first - 192) << 8) + r.u8() + 192;
      } else if (first == 255) {
        length = r.u32();
      } else {
        r.fail("partial-length OpenPGP packet (not used by keys or signatures)");
      }
    } else {  // old format
      p.tag = (head >> 2) & 0x0f;
      switch (head & 3) {
        case 0:
          length = r.u8();
          break;
        case 1:
          length = r.u16();
          break;
        case 2:
          length = r.u32();
          break;
        default:
          r.fail("OpenPGP packet of indeterminate length");
      }
    }
    p.body = r.take(length);
    packets.push_back(p);
  }
  return packets;
}

namespace {

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

Bytes base64_decode(std::string_view text, std::string_view what) {
  Bytes out;
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t pad = 0;
  for (char c : text) {
    if (c == '=') {
      ++pad;
      continue;
    }
    int v = base64_value(c);
    if (v < 0 || pad) refuse(what, "bad base64 in the armored signature");
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
  }
  if (pad > 2 || (text.size() % 4) != 0) refuse(what, "bad base64 length in the armored signature");
  return out;
}

std::uint32_t crc24(ByteView data) {
  std::uint32_t crc = 0xB704CE;
  for (auto byte : data) {
    crc ^= std::uint32_t{byte} << 16;
    for (int i = 0; i < 8; ++i) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864CFB;
    }
  }
  return crc & 0xFFFFFF;
}

}  // namespace

Bytes decode_armor_body(const std::vector<std::string_view>& lines, std::string_view what) {
  std::string body;
  std::optional<std::string_view> checksum;
  for (auto line : lines) {
    if (checksum) refuse(what, "text after the armor checksum line");
    if (!line.empty() && line[0] == '=') {
      checksum = line.substr(1);
      continue;
    }
    body += line;
  }
  Bytes data = base64_decode(body, what);
  if (data.empty()) refuse(what, "empty signature block");
  if (checksum) {
    Bytes sum = base64_decode(*checksum, what);
    std::uint32_t crc = crc24(data);
    if (sum.size() != 3 || sum[0] != (crc >> 16) || sum[1] != ((crc >> 8) & 0xff) || sum[2] != (crc & 0xff))
      refuse(what, "the armor checksum does not match the signature block (damaged in transit?)");
  }
  return data;
}

}  // namespace xstatic::repo::detail
