// Where xstatic's own fetcher takes Debian's archive from (no apt needed):
// the entries of apt's source lists when the host has them, both formats of
// sources.list(5) (one-line "deb [options] URI SUITE COMPONENTS", and deb822
// stanzas in *.sources), or the mirror named by XSTATIC_MIRROR (and
// XSTATIC_SECURITY_MIRROR). xstatic writes no archive address of its own.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::sysroot {

// One URI and suite of apt's sources ("deb http://... bookworm main").
struct AptEntry {
  std::string type;  // "deb" or "deb-src"
  std::string uri;   // without a trailing '/'
  std::string suite;
  std::vector<std::string> components;
};

// A sources.list file (one-line format): comments from '#', options in brackets skipped.
std::vector<AptEntry> parse_sources_list(std::string_view text);
// A *.sources file (deb822): one entry per type, URI and suite of each stanza;
// a stanza with "Enabled: no" is skipped, as are flat repositories (a suite ending in '/').
std::vector<AptEntry> parse_sources_stanzas(std::string_view text);
// The host's: /etc/apt/sources.list and sources.list.d/*.list, *.sources (empty without apt).
std::vector<AptEntry> host_apt_entries();

// One suite to fetch: dists/SUITE/InRelease under `uri`.
struct ArchiveSuite {
  std::string uri;
  std::string suite;
  bool operator==(const ArchiveSuite&) const = default;
};

// The mirrors a user chose, read from XSTATIC_MIRROR and XSTATIC_SECURITY_MIRROR.
struct MirrorChoice {
  std::optional<std::string> mirror;           // RELEASE and RELEASE-updates
  std::optional<std::string> security_mirror;  // RELEASE-security
  static MirrorChoice from_environment();
};

// The suites of Debian `release` (bookworm, bullseye...) to take binary
// packages from, in the order they are tried: the chosen mirror's when
// there is one (RELEASE, RELEASE-updates; RELEASE-security from the security
// mirror, or the host's security URI), else the host's entries of a Debian
// release turned into `release`'s suites ("bookworm-security" ->
// "bullseye-security"), http:// URIs only. An empty `release` is the default
// glibc's (bookworm) on every host, a bullseye or trixie one too: the
// recipes name bookworm's packages. Throws xstatic::Error
// (Exit::missing) naming XSTATIC_MIRROR when there is none.
std::vector<ArchiveSuite> archive_suites(std::string_view release, const std::vector<AptEntry>& host,
                                         const MirrorChoice& choice);

// Whether packages and sources come through xstatic's own fetcher
// (XSTATIC_FETCH=builtin, or auto on a host without apt-get), not apt.
bool builtin_fetch();

// The upstream tarball (*.orig.tar.*) of Debian source package `package`,
// newest across the host release's suites (main/source/Sources, verified
// from the signed InRelease down), checked by its SHA-256 and written into
// `dir` atomically; returns its path.
std::filesystem::path fetch_source_tarball(const store::Store& store, const std::string& package,
                                           const std::filesystem::path& dir, util::Progress& progress);

// Every file of the newest Debian source package `package` (.dsc, tarballs),
// each checked, in `parent`/PACKAGE_VERSION (made whole, then renamed).
struct SourceFiles {
  std::filesystem::path dir, dsc;
  std::string version;
};
SourceFiles fetch_source_package(const store::Store& store, const std::string& package,
                                 const std::filesystem::path& parent, util::Progress& progress);

}  // namespace xstatic::sysroot
