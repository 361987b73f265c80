// The indexes of a Debian archive, once their signature is checked
// (openpgp.hpp): a Release file's fields and SHA256 list, a Packages or
// Sources index's stanzas, and the check of a fetched file against the size and SHA-256
// that the level above it promised (Release -> Packages -> .deb).
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/repo/openpgp.hpp"

namespace xstatic::repo {

// One line of a Release file's SHA256 field.
struct IndexFile {
  std::string path;  // "main/binary-arm64/Packages.xz", relative to the Release file
  std::uint64_t size = 0;
  std::string sha256;  // lower-case hex
};

struct Release {
  std::string origin, label, suite, codename, version, date, valid_until;
  std::vector<std::string> architectures, components;
  std::vector<IndexFile> files;
  // The entry for `path`, or nullptr.
  const IndexFile* find(std::string_view path) const;
};

// A Release file's text (the signed text of an InRelease). Throws
// xstatic::Error about `what` on a malformed field or SHA256 line, or when
// Suite/Codename and SHA256 are both missing.
Release parse_release(std::string_view text, std::string_view what);

// A Release's Date or Valid-Until ("Thu, 03 Dec 2026 02:15:27 UTC", RFC 2822
// with the zone UTC, GMT, Z or +0000) in seconds since the epoch; nullopt
// when it is not one.
std::optional<std::time_t> parse_release_date(std::string_view text);

// Throws xstatic::Error (Exit::failed) about `what` unless the Release is
// fresh at `now`: its Date is not more than kClockSkew in the future, and its
// Valid-Until, when it has one, has not passed. A validly signed but old
// InRelease (a replay by a mirror that stopped updating, or an attacker's)
// is refused this way, as apt refuses it.
inline constexpr std::time_t kClockSkew = 600;
void check_fresh(const Release& release, std::time_t now, std::string_view what);

struct PackageEntry {
  std::string package, version, architecture, source;
  std::string filename;  // "pool/main/m/musl/musl-dev_1.2.3-1_arm64.deb", relative to the mirror
  std::uint64_t size = 0;
  std::string sha256;
  std::string depends;  // Pre-Depends, then Depends, as written: "libc6 (>= 2.34), zlib1g | libz-dev"
};

// A Packages index; a stanza without Package, Filename, Size or SHA256 is refused.
std::vector<PackageEntry> parse_packages(std::string_view text, std::string_view what);

struct SourceEntry {
  std::string package, version;
  std::string directory;         // "pool/main/m/musl", relative to the mirror
  std::vector<IndexFile> files;  // Checksums-Sha256: the .dsc, the orig tarball(s), the Debian part
};

// A Sources index; a stanza without Package, Directory or a Checksums-Sha256
// list is refused.
std::vector<SourceEntry> parse_sources(std::string_view text, std::string_view what);

// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(ByteView data);

// Throws xstatic::Error (Exit::failed) unless `data` has the size and SHA-256
// expected; `what` names the file in the message.
void check_file(ByteView data, std::uint64_t size, std::string_view sha256, std::string_view what);
inline void check_file(ByteView data, const IndexFile& expected, std::string_view what) {
  check_file(data, expected.size, expected.sha256, what);
}
inline void check_file(ByteView data, const PackageEntry& expected, std::string_view what) {
  check_file(data, expected.size, expected.sha256, what);
}

}  // namespace xstatic::repo
