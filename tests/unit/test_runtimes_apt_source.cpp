// The private deb-src sources derived from the host's apt sources.
#include <doctest/doctest.h>

#include "runtimes/internal.hpp"

using namespace xstatic::runtimes::detail;

TEST_CASE("one-line deb entries become deb-src entries; others are dropped") {
  std::string host =
      "# comment\n"
      "deb [signed-by=/k.gpg] file:///srv/mirror/debian bookworm main contrib\n"
      "  deb file:///srv/mirror/security bookworm-security main\n"
      "deb-src file:///srv/mirror/debian bookworm main\n"
      "debx not an entry\n";
  CHECK(deb_src_list(host) ==
        "deb-src [signed-by=/k.gpg] file:///srv/mirror/debian bookworm main contrib\n"
        "deb-src file:///srv/mirror/security bookworm-security main\n");
  CHECK(deb_src_list("") == "");
}

TEST_CASE("deb822 stanzas with Types: deb are kept with Types: deb-src") {
  std::string host =
      "Types: deb\n"
      "URIs: file:///srv/mirror/debian\n"
      "Suites: bookworm bookworm-updates\n"
      "Components: main\n"
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
      "\n"
      "Types: deb-src\n"
      "URIs: file:///srv/already-source\n"
      "Suites: bookworm\n"
      "\n"
      "# disabled\n"
      "Types: deb\n"
      "Enabled: no\n"
      "URIs: file:///srv/off\n";
  std::string out = deb_src_stanzas(host);
  CHECK(out ==
        "Types: deb-src\n"
        "URIs: file:///srv/mirror/debian\n"
        "Suites: bookworm bookworm-updates\n"
        "Components: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n");
}

TEST_CASE("a stanza listing both types is kept once") {
  CHECK(deb_src_stanzas("Types: deb deb-src\nURIs: file:///m\nSuites: s\nComponents: main\n") ==
        "Types: deb-src\nURIs: file:///m\nSuites: s\nComponents: main\n\n");
}
