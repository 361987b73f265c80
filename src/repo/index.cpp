// Release and Packages files are deb822 stanzas (deb822(5)): "Field: value"
// lines, continuation lines starting with a space or tab, stanzas separated
// by blank lines. Field names are case-insensitive.
#include "xstatic/repo/index.hpp"

#include <nettle/sha2.h>

#include <charconv>
#include <map>
#include <string>

#include "packets.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::repo {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

using Stanza =
    std::map<std::string, std::string>;  // lower-case field name -> value (continuations joined by '\n')

std::vector<Stanza> read_stanzas(std::string_view text, std::string_view what) {
  std::vector<Stanza> stanzas;
  Stanza current;
  std::string* last = nullptr;
  std::size_t line_no = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    auto line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_no;
    if (trim(line).empty()) {
      if (!current.empty()) stanzas.push_back(std::move(current));
      current.clear();
      last = nullptr;
    } else if (line[0] == ' ' || line[0] == '\t') {
      if (!last)
        detail::refuse(what, "line " + std::to_string(line_no) + ": a continuation line without a field");
      *last += '\n';
      *last += trim(line);
    } else {
      auto colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0)
        detail::refuse(what, "line " + std::to_string(line_no) + ": not a 'Field: value' line");
      auto [it, fresh] = current.try_emplace(lower(line.substr(0, colon)), trim(line.substr(colon + 1)));
      if (!fresh)
        detail::refuse(what, "line " + std::to_string(line_no) + ": field '" + it->first + "' twice");
      last = &it->second;
    }
  }
  if (!current.empty()) stanzas.push_back(std::move(current));
  return stanzas;
}

std::string field(const Stanza& s, const std::string& name) {
  auto it = s.find(name);
  return it == s.end() ? std::string() : it->second;
}

// Whitespace-separated words; a field's continuation lines are joined by '\n'.
std::vector<std::string> words(std::string_view s) {
  constexpr std::string_view kBlanks = " \t\r\n";
  std::vector<std::string> out;
  for (auto start = s.find_first_not_of(kBlanks); start != std::string_view::npos;
       start = s.find_first_not_of(kBlanks, start)) {
    auto end = std::min(s.find_first_of(kBlanks, start), s.size());
    out.emplace_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

bool is_sha256(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::uint64_t number(std::string_view s, std::string_view what, std::string_view context) {
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty())
    detail::refuse(what, std::string(context) + ": '" + std::string(s.substr(0, 40)) + "' is not a size");
  return v;
}

// A checksum list (a Release's SHA256, a Sources stanza's Checksums-Sha256):
// one "HASH SIZE PATH" per line.
std::vector<IndexFile> read_sums(std::string_view rest, std::string_view what, std::string_view field_name) {
  std::vector<IndexFile> files;
  while (!rest.empty()) {
    auto end = rest.find('\n');
    auto line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    auto w = words(line);
    if (w.empty()) continue;
    if (w.size() != 3 || !is_sha256(w[0]))
      detail::refuse(what,
                     "bad " + std::string(field_name) + " line '" + std::string(line.substr(0, 80)) + "'");
    files.push_back({w[2], number(w[1], what, std::string(field_name) + " line of " + w[2]), w[0]});
  }
  return files;
}

}  // namespace

const IndexFile* Release::find(std::string_view path) const {
  for (const auto& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

Release parse_release(std::string_view text, std::string_view what) {
  auto stanzas = read_stanzas(text, what);
  if (stanzas.size() != 1)
    detail::refuse(what, "a Release file is one stanza, this has " + std::to_string(stanzas.size()));
  const Stanza& s = stanzas[0];
  Release r{field(s, "origin"),
            field(s, "label"),
            field(s, "suite"),
            field(s, "codename"),
            field(s, "version"),
            field(s, "date"),
            field(s, "valid-until"),
            words(field(s, "architectures")),
            words(field(s, "components")),
            {}};
  if (r.suite.empty() && r.codename.empty()) detail::refuse(what, "no Suite or Codename field");
  r.files = read_sums(field(s, "sha256"), what, "SHA256");
  if (r.files.empty()) detail::refuse(what, "no SHA256 field (xstatic checks every index by its SHA-256)");
  return r;
}

std::vector<PackageEntry> parse_packages(std::string_view text, std::string_view what) {
  std::vector<PackageEntry> out;
  for (const auto& s : read_stanzas(text, what)) {
    PackageEntry e{field(s, "package"),      field(s, "version"),
                   field(s, "architecture"), field(s, "source"),
                   field(s, "filename"),     0,
                   field(s, "sha256"),       {}};
    if (e.package.empty()) detail::refuse(what, "a stanza without a Package field");
    if (e.filename.empty() || !s.contains("size") || !is_sha256(e.sha256))
      detail::refuse(what, "package " + e.package + ": no Filename, Size or SHA256 to check it by");
    e.size = number(field(s, "size"), what, "package " + e.package);
    e.depends = field(s, "pre-depends");
    if (std::string d = field(s, "depends"); !d.empty()) e.depends += (e.depends.empty() ? "" : ", ") + d;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<SourceEntry> parse_sources(std::string_view text, std::string_view what) {
  std::vector<SourceEntry> out;
  for (const auto& s : read_stanzas(text, what)) {
    SourceEntry e{field(s, "package"), field(s, "version"), field(s, "directory"), {}};
    if (e.package.empty()) detail::refuse(what, "a stanza without a Package field");
    e.files = read_sums(field(s, "checksums-sha256"), what, "Checksums-Sha256");
    if (e.directory.empty() || e.files.empty())
      detail::refuse(what,
                     "source package " + e.package + ": no Directory or Checksums-Sha256 to fetch it by");
    out.push_back(std::move(e));
  }
  return out;
}

std::string sha256_hex(ByteView data) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, data.size(), data.data());
  std::uint8_t d[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, sizeof d, d);
  return lower(hex(d));
}

void check_file(ByteView data, std::uint64_t size, std::string_view sha256, std::string_view what) {
  if (data.size() != size)
    throw Error(std::string(what) + ": " + std::to_string(data.size()) +
                    " bytes where the signed index says " + std::to_string(size),
                "the file is damaged or was changed: fetch it again", Exit::failed);
  auto got = sha256_hex(data);
  if (got != sha256)
    throw Error(
        std::string(what) + ": SHA-256 " + got + " where the signed index says " + std::string(sha256),
        "the file is damaged or was changed: fetch it again", Exit::failed);
}

}  // namespace xstatic::repo
