// See xstatic/sysroot/mirror.hpp. sources.list(5) is the reference for both
// formats: in the one-line format '#' starts a comment anywhere and options
// sit in one bracketed group after the type; in deb822 a field continues on
// lines that start with a blank, '#' starts a comment line, and field names
// are case-insensitive.
#include "xstatic/sysroot/mirror.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "xstatic/sysroot/apt.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> blank_separated(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string without_slash(std::string uri) {
  while (uri.ends_with('/')) uri.pop_back();
  return uri;
}

std::string mirror_file_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void add_entries(std::vector<AptEntry>& out, const std::vector<std::string>& types,
                 const std::vector<std::string>& uris, const std::vector<std::string>& suites,
                 const std::vector<std::string>& components) {
  for (const auto& type : types)
    for (const auto& uri : uris)
      for (const auto& suite : suites)
        if (!suite.ends_with('/') && (type == "deb" || type == "deb-src"))
          out.push_back({type, without_slash(uri), suite, components});
}

}  // namespace

std::vector<AptEntry> parse_sources_list(std::string_view text) {
  std::vector<AptEntry> out;
  for (auto line : util::split(text, '\n')) {
    auto w = blank_separated(line.substr(0, line.find('#')));
    std::size_t i = 1;
    if (w.size() < 3 || (w[0] != "deb" && w[0] != "deb-src")) continue;
    if (w[i].starts_with('[')) {  // "[ a=b c=d ]" or "[a=b]": up to the word that ends with ']'
      while (i < w.size() && !w[i].ends_with(']')) ++i;
      ++i;
    }
    if (i + 1 >= w.size()) continue;  // no URI and suite
    std::vector<std::string> components(w.begin() + static_cast<std::ptrdiff_t>(i) + 2, w.end());
    add_entries(out, {w[0]}, {w[i]}, {w[i + 1]}, components);
  }
  return out;
}

std::vector<AptEntry> parse_sources_stanzas(std::string_view text) {
  std::vector<AptEntry> out;
  std::vector<std::pair<std::string, std::string>> fields;
  auto flush = [&] {
    std::vector<std::string> types, uris, suites, components;
    bool enabled = true;
    for (const auto& [name, value] : fields) {
      if (name == "types") types = blank_separated(value);
      if (name == "uris") uris = blank_separated(value);
      if (name == "suites") suites = blank_separated(value);
      if (name == "components") components = blank_separated(value);
      if (name == "enabled") enabled = util::to_lower(value).find("no") == std::string::npos;
    }
    if (enabled) add_entries(out, types, uris, suites, components);
    fields.clear();
  };
  for (auto line : util::split(text, '\n')) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.starts_with('#')) continue;
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
      continue;
    }
    if (line.starts_with(' ') || line.starts_with('\t')) {  // a continuation line
      if (!fields.empty()) fields.back().second += " " + std::string(line);
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    fields.emplace_back(util::to_lower(line.substr(0, colon)), std::string(line.substr(colon + 1)));
  }
  flush();
  return out;
}

std::vector<AptEntry> host_apt_entries() {
  std::vector<AptEntry> out;
  auto add = [&](const fs::path& p) {
    std::string name = p.filename().string();
    std::vector<AptEntry> found;
    if (name == "sources.list" || name.ends_with(".list")) found = parse_sources_list(mirror_file_text(p));
    if (name.ends_with(".sources")) found = parse_sources_stanzas(mirror_file_text(p));
    out.insert(out.end(), found.begin(), found.end());
  };
  std::error_code ec;
  if (fs::is_regular_file("/etc/apt/sources.list", ec)) add("/etc/apt/sources.list");
  std::vector<fs::path> parts;
  for (const auto& e : fs::directory_iterator("/etc/apt/sources.list.d", ec)) parts.push_back(e.path());
  std::sort(parts.begin(), parts.end());  // apt reads them in this order
  for (const auto& p : parts) add(p);
  return out;
}

MirrorChoice MirrorChoice::from_environment() {
  MirrorChoice c;
  if (const char* m = std::getenv("XSTATIC_MIRROR"); m && *m) c.mirror = without_slash(m);
  if (const char* m = std::getenv("XSTATIC_SECURITY_MIRROR"); m && *m) c.security_mirror = without_slash(m);
  return c;
}

std::vector<ArchiveSuite> archive_suites(std::string_view release, const std::vector<AptEntry>& host,
                                         const MirrorChoice& choice) {
  std::vector<ArchiveSuite> out;
  auto add = [&](const std::string& uri, const std::string& suite) {
    ArchiveSuite s{uri, suite};
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  auto usable = [](const AptEntry& e) {
    return e.type == "deb" && util::to_lower(e.uri).starts_with("http://") &&
           std::find(e.components.begin(), e.components.end(), "main") != e.components.end();
  };
  // No release asked for: the default glibc's (bookworm), whatever the host
  // runs. The recipes name that release's packages (libgcc-12-dev), so a
  // bullseye or trixie host (the bundle on it) must not take its own.
  std::string r(release.empty() ? target::default_glibc_release().debian : release);
  if (choice.mirror) {
    add(*choice.mirror, r);
    add(*choice.mirror, r + "-updates");
    if (choice.security_mirror) {
      add(*choice.security_mirror, r + "-security");
    } else {
      for (const auto& e : host)
        if (usable(e) && e.suite.ends_with("-security") && !release_suite(e.suite, r).empty())
          add(e.uri, r + "-security");
    }
    return out;
  }
  for (const auto& e : host) {
    if (!usable(e)) continue;
    std::string suite = release_suite(e.suite, r);
    if (suite.empty()) continue;
    add(choice.security_mirror && suite.ends_with("-security") ? *choice.security_mirror : e.uri, suite);
  }
  if (out.empty()) {
    bool https = std::any_of(host.begin(), host.end(), [](const AptEntry& e) {
      return e.type == "deb" && util::to_lower(e.uri).starts_with("https://");
    });
    throw Error(std::string("no Debian mirror to fetch ") + r + "'s packages from: " +
                    (host.empty() ? "this host has no apt sources (/etc/apt/sources.list, sources.list.d)"
                     : https ? "apt's sources name only https:// mirrors, and xstatic fetches over http:// "
                               "(the archive's signature is what it trusts)"
                             : "apt's sources name no http:// mirror of a Debian release with 'main'"),
                "set XSTATIC_MIRROR to a Debian mirror's http:// URL (the folder holding dists/ and pool/), "
                "or pass --debs DIR with the .deb files",
                Exit::missing);
  }
  return out;
}

}  // namespace xstatic::sysroot
