// apt's source lists read by xstatic's own fetcher, and the suites it takes.
#include <doctest/doctest.h>

#include "xstatic/sysroot/mirror.hpp"
#include "xstatic/util/error.hpp"

namespace sr = xstatic::sysroot;

TEST_CASE("one-line sources: options in brackets, comments, deb-src, other lines") {
  auto e = sr::parse_sources_list(
      "# a comment\n"
      "deb http://archive.example/debian bookworm main contrib # trailing comment\n"
      "deb [ arch=amd64 signed-by=/k.gpg ] http://archive.example/debian-security/ bookworm-security main\n"
      "deb [arch=arm64] http://a.example/x bookworm-updates main\n"
      "deb-src\thttp://archive.example/debian  bookworm  main\n"
      "#deb http://commented.example/debian bookworm main\n"
      "deb http://flat.example/repo ./\n"
      "rpm http://x.example/ y z\n"
      "deb [ unterminated\n"
      "deb http://only-uri.example\n");
  REQUIRE(e.size() == 4);
  CHECK(e[0].type == "deb");
  CHECK(e[0].uri == "http://archive.example/debian");
  CHECK(e[0].suite == "bookworm");
  CHECK(e[0].components == std::vector<std::string>{"main", "contrib"});
  CHECK(e[1].uri == "http://archive.example/debian-security");
  CHECK(e[1].suite == "bookworm-security");
  CHECK(e[2].uri == "http://a.example/x");
  CHECK(e[3].type == "deb-src");
  CHECK(e[3].suite == "bookworm");
}

TEST_CASE("deb822 sources: several URIs and suites, comments, continuation lines, Enabled: no") {
  auto e = sr::parse_sources_stanzas(
      "Types: deb deb-src\r\n"
      "# a comment inside the stanza\n"
      "URIs: http://archive.example/debian\n"
      "suites: bookworm\n"
      " bookworm-updates\n"
      "Components: main\n"
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
      "\n"
      "Types: deb\n"
      "URIs: http://off.example/debian\n"
      "Suites: bookworm\n"
      "Components: main\n"
      "Enabled: no\n"
      "\n"
      "Types: deb\n"
      "URIs: http://flat.example/repo/\n"
      "Suites: ./\n");
  REQUIRE(e.size() == 4);
  CHECK(e[0].type == "deb");
  CHECK(e[0].suite == "bookworm");
  CHECK(e[1].suite == "bookworm-updates");
  CHECK(e[2].type == "deb-src");
  CHECK(e[0].components == std::vector<std::string>{"main"});
}

TEST_CASE("the suites of a release: the host's renamed, or the chosen mirror's") {
  auto host = sr::parse_sources_list(
      "deb http://archive.example/debian bookworm main\n"
      "deb http://archive.example/debian bookworm-updates main\n"
      "deb http://security.example/debian-security bookworm-security main\n"
      "deb https://tls.example/debian bookworm main\n"
      "deb http://archive.example/debian bookworm contrib\n"
      "deb-src http://archive.example/debian bookworm main\n"
      "deb http://third.example/node nodistro main\n");
  using S = sr::ArchiveSuite;
  CHECK(sr::archive_suites("", host, {}) ==
        std::vector<S>{{"http://archive.example/debian", "bookworm"},
                       {"http://archive.example/debian", "bookworm-updates"},
                       {"http://security.example/debian-security", "bookworm-security"}});
  CHECK(sr::archive_suites("bullseye", host, {}) ==
        std::vector<S>{{"http://archive.example/debian", "bullseye"},
                       {"http://archive.example/debian", "bullseye-updates"},
                       {"http://security.example/debian-security", "bullseye-security"}});
  sr::MirrorChoice mine{"http://127.0.0.1:9/m", std::nullopt};
  CHECK(sr::archive_suites("trixie", host, mine) ==
        std::vector<S>{{"http://127.0.0.1:9/m", "trixie"},
                       {"http://127.0.0.1:9/m", "trixie-updates"},
                       {"http://security.example/debian-security", "trixie-security"}});
  mine.security_mirror = "http://127.0.0.1:9/s";
  CHECK(sr::archive_suites("", {}, mine).back() == S{"http://127.0.0.1:9/s", "bookworm-security"});
  CHECK(sr::archive_suites("", {}, mine).front() == S{"http://127.0.0.1:9/m", "bookworm"});
}

TEST_CASE("a host of another Debian release fetches bookworm's suites from its own mirror") {
  using S = sr::ArchiveSuite;
  for (const char* release : {"bullseye", "trixie"}) {
    auto host =
        sr::parse_sources_list(std::string("deb http://archive.example/debian ") + release + " main\n" +
                               "deb http://security.example/debian-security " + release + "-security main\n");
    CHECK(sr::archive_suites("", host, {}) ==
          std::vector<S>{{"http://archive.example/debian", "bookworm"},
                         {"http://security.example/debian-security", "bookworm-security"}});
    sr::MirrorChoice mine{"http://127.0.0.1:9/m", std::nullopt};
    CHECK(sr::archive_suites("", host, mine) ==
          std::vector<S>{{"http://127.0.0.1:9/m", "bookworm"},
                         {"http://127.0.0.1:9/m", "bookworm-updates"},
                         {"http://security.example/debian-security", "bookworm-security"}});
  }
}

TEST_CASE("no mirror at all, or only https ones, names XSTATIC_MIRROR") {
  for (const auto& host : {std::vector<sr::AptEntry>{},
                           sr::parse_sources_list("deb https://tls.example/debian bookworm main\n")}) {
    try {
      sr::archive_suites("bookworm", host, {});
      FAIL("accepted");
    } catch (const xstatic::Error& e) {
      CHECK(e.code() == xstatic::Exit::missing);
      CHECK(e.hint().find("XSTATIC_MIRROR") != std::string::npos);
    }
  }
}
