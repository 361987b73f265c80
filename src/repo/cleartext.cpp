// The Cleartext Signature Framework (RFC 9580 §7, RFC 4880 §7), as Debian's
// InRelease files use it:
//
//   -----BEGIN PGP SIGNED MESSAGE-----
//   Hash: SHA256
//
//   Origin: Debian            <- the signed text; a line starting with '-'
//   ...                          is dash-escaped as "- -..."
//   -----BEGIN PGP SIGNATURE-----
//
//   iQIzBAEBCAAdFiEE...       <- base64 of the signature packets
//   =AbCd                     <- optional CRC-24
//   -----END PGP SIGNATURE-----
//
// The signature covers the text with each line's trailing spaces and tabs
// cut and lines joined by CR LF, without the line break before the
// signature's armor. Anything else in the file (text before or after the
// block, a second block) is refused, as apt does: a reader must never see
// text that was not signed.
#include <string>

#include "packets.hpp"

namespace xstatic::repo {

namespace {

constexpr std::string_view kBeginMessage = "-----BEGIN PGP SIGNED MESSAGE-----";
constexpr std::string_view kBeginSignature = "-----BEGIN PGP SIGNATURE-----";
constexpr std::string_view kEndSignature = "-----END PGP SIGNATURE-----";

std::string_view trim_end(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  return line;
}

bool blank(std::string_view line) {
  return trim_end(line).empty();
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::uint8_t hash_by_name(std::string_view name, std::string_view what) {
  if (name == "SHA256") return static_cast<std::uint8_t>(HashAlgorithm::sha256);
  if (name == "SHA512") return static_cast<std::uint8_t>(HashAlgorithm::sha512);
  if (name == "SHA384") return static_cast<std::uint8_t>(HashAlgorithm::sha384);
  if (name == "SHA224") return static_cast<std::uint8_t>(HashAlgorithm::sha224);
  if (name == "SHA1") return static_cast<std::uint8_t>(HashAlgorithm::sha1);
  detail::refuse(what, "unknown hash '" + std::string(name) + "' in the signed message's Hash header");
}

void read_hash_header(std::string_view line, std::vector<std::uint8_t>& hashes, std::string_view what) {
  constexpr std::string_view kHash = "Hash: ";
  if (!line.starts_with(kHash))
    detail::refuse(
        what, "a header other than Hash in the signed message: '" + std::string(line.substr(0, 40)) + "'");
  line.remove_prefix(kHash.size());
  while (!line.empty()) {
    auto comma = line.find(',');
    auto name = line.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    hashes.push_back(hash_by_name(name, what));
    if (comma == std::string_view::npos) break;
    line.remove_prefix(comma + 1);
  }
}

}  // namespace

ClearSigned parse_cleartext(std::string_view message, std::string_view what) {
  auto lines = split_lines(message);
  std::size_t i = 0;
  while (i < lines.size() && blank(lines[i])) ++i;
  if (i == lines.size() || trim_end(lines[i]) != kBeginMessage)
    detail::refuse(what, "not a signed message (it does not start with " + std::string(kBeginMessage) + ")");
  ClearSigned out;
  for (++i; i < lines.size() && !blank(lines[i]); ++i) read_hash_header(trim_end(lines[i]), out.hashes, what);
  if (i == lines.size()) detail::refuse(what, "the signed message ends in its headers");
  bool first = true;
  for (++i; i < lines.size() && trim_end(lines[i]) != kBeginSignature; ++i) {
    auto line = trim_end(lines[i]);
    if (line.starts_with("- ")) {
      line.remove_prefix(2);
    } else if (line.starts_with("-")) {
      detail::refuse(what, "a line of the signed text starts with '-' but is not dash-escaped");
    }
    if (!first) out.text += '\n';
    out.text += line;
    first = false;
  }
  if (i == lines.size()) detail::refuse(what, "no signature (no " + std::string(kBeginSignature) + " line)");
  out.text += '\n';
  // The armor headers (Version:, Comment:, ...) end at a blank line.
  for (++i; i < lines.size() && !blank(lines[i]); ++i)
    if (trim_end(lines[i]).find(": ") == std::string_view::npos) detail::refuse(what, "bad armor header");
  std::vector<std::string_view> body;
  for (++i; i < lines.size() && trim_end(lines[i]) != kEndSignature; ++i) body.push_back(trim_end(lines[i]));
  if (i >= lines.size())
    detail::refuse(what, "the signature is cut short (no " + std::string(kEndSignature) + " line)");
  for (++i; i < lines.size(); ++i)
    if (!blank(lines[i])) detail::refuse(what, "text after the signature, which no signature covers");
  out.signature = detail::decode_armor_body(body, what);
  return out;
}

}  // namespace xstatic::repo
