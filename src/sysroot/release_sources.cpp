// Another Debian release's apt sources, derived from the host's own: the
// same archives (URIs), components and keyring (Signed-By), with the suites
// of the host's release (bookworm, bookworm-updates, bookworm-security)
// renamed to the wanted release's (bullseye, bullseye-updates,
// bullseye-security). So a glibc floor's packages come from where the host's
// apt already fetches, checked against the same keyring, and xstatic writes
// no archive address of its own. Entries whose suites name no Debian
// release xstatic knows (third-party archives) are dropped. Both formats of
// sources.list(5): one-line and deb822.
#include <algorithm>

#include "xstatic/sysroot/apt.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  for (auto w : util::split(line, ' '))
    for (auto v : util::split(w, '\t'))
      if (!v.empty()) out.push_back(v);
  return out;
}

}  // namespace

std::string sources_release(std::string_view asked, std::string_view os_release) {
  if (!asked.empty()) return std::string(asked);
  std::string_view codename;
  for (auto line : util::split(os_release, '\n')) {
    if (!line.starts_with("VERSION_CODENAME=")) continue;
    codename = line.substr(17);
    while (!codename.empty() && (codename.back() == '\r' || codename.back() == ' '))
      codename.remove_suffix(1);
    if (codename.size() >= 2 && (codename.front() == '"' || codename.front() == '\'') &&
        codename.back() == codename.front())
      codename = codename.substr(1, codename.size() - 2);
  }
  const auto& wanted = target::default_glibc_release();
  auto releases = target::glibc_releases();
  bool known =
      std::any_of(releases.begin(), releases.end(), [&](const auto& r) { return r.debian == codename; });
  return known && codename != wanted.debian ? std::string(wanted.debian) : std::string();
}

std::string release_suite(std::string_view suite, std::string_view release) {
  auto dash = suite.find('-');
  std::string_view codename = suite.substr(0, dash);
  auto releases = target::glibc_releases();
  bool known =
      std::any_of(releases.begin(), releases.end(), [&](const auto& r) { return r.debian == codename; });
  if (!known) return {};
  return std::string(release) + std::string(dash == std::string_view::npos ? "" : suite.substr(dash));
}

std::string release_sources_list(std::string_view text, std::string_view release) {
  std::string out;
  for (auto line : util::split(text, '\n')) {
    auto w = words(line);
    if (w.size() < 3 || w[0] != "deb") continue;
    std::size_t suite = 1;
    if (w[1].starts_with('[')) {  // [ options ]: up to the word that ends with ']'
      while (suite < w.size() && !w[suite].ends_with(']')) ++suite;
      ++suite;
    }
    ++suite;  // the URI
    if (suite >= w.size()) continue;
    std::string renamed = release_suite(w[suite], release);
    if (renamed.empty()) continue;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (i) out += ' ';
      out += i == suite ? renamed : std::string(w[i]);
    }
    out += '\n';
  }
  return out;
}

std::string release_sources_stanzas(std::string_view text, std::string_view release) {
  std::string out, stanza, suites;
  auto flush = [&] {
    if (!suites.empty()) out += stanza + "Suites: " + suites + "\n\n";
    stanza.clear();
    suites.clear();
  };
  for (auto line : util::split(text, '\n')) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      flush();
      continue;
    }
    if (line.starts_with("#")) continue;
    if (util::to_lower(line).starts_with("suites:")) {
      for (auto s : words(line.substr(7))) {
        std::string renamed = release_suite(s, release);
        if (!renamed.empty() && suites.find(renamed) == std::string::npos)
          suites += (suites.empty() ? "" : " ") + renamed;
      }
      continue;
    }
    stanza += std::string(line) + "\n";
  }
  flush();
  return out;
}

}  // namespace xstatic::sysroot
