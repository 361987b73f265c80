// Another Debian release's apt sources, derived from the host's.
#include <doctest/doctest.h>

#include "xstatic/sysroot/apt.hpp"

using namespace xstatic::sysroot;

TEST_CASE("deb822 stanzas keep archive, components and keyring, with the release's suites") {
  std::string host =
      "Types: deb\n"
      "# a comment\n"
      "URIs: http://archive.example/debian\n"
      "Suites: bookworm bookworm-updates\n"
      "Components: main\n"
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
      "\n"
      "Types: deb\n"
      "URIs: http://archive.example/debian-security\n"
      "Suites: bookworm-security\n"
      "Components: main\n"
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
      "\n"
      "Types: deb\n"
      "URIs: https://third.example/node\n"
      "Suites: nodistro\n"
      "Components: main\n";
  CHECK(release_sources_stanzas(host, "bullseye") ==
        "Types: deb\n"
        "URIs: http://archive.example/debian\n"
        "Components: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
        "Suites: bullseye bullseye-updates\n"
        "\n"
        "Types: deb\n"
        "URIs: http://archive.example/debian-security\n"
        "Components: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
        "Suites: bullseye-security\n"
        "\n");
}

TEST_CASE("one-line entries are renamed, options kept, third-party entries dropped") {
  std::string host =
      "deb [signed-by=/k.gpg arch=amd64] http://archive.example/debian bookworm main contrib\n"
      "deb-src http://archive.example/debian bookworm main\n"
      "deb https://packages.example/apt cloud-sdk-bookworm main\n"
      "deb http://archive.example/debian-security trixie-security main\n";
  CHECK(release_sources_list(host, "bullseye") ==
        "deb [signed-by=/k.gpg arch=amd64] http://archive.example/debian bullseye main contrib\n"
        "deb http://archive.example/debian-security bullseye-security main\n");
}

TEST_CASE(
    "the private apt state names bookworm's suites on a bullseye or trixie host, the floor's when asked") {
  using xstatic::sysroot::sources_release;
  const char* bookworm =
      "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n";
  const char* trixie = "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nVERSION_CODENAME=trixie\nID=debian\n";
  const char* bullseye = "VERSION_ID=\"11\"\nVERSION_CODENAME=\"bullseye\"\r\nID=debian\n";
  const char* ubuntu = "NAME=\"Ubuntu\"\nVERSION_CODENAME=jammy\nID=ubuntu\n";
  CHECK(sources_release("", bookworm).empty());  // the host's sources as they are
  CHECK(sources_release("", trixie) == "bookworm");
  CHECK(sources_release("", bullseye) == "bookworm");
  CHECK(sources_release("", ubuntu).empty());  // no Debian release: nothing to rename
  CHECK(sources_release("", "").empty());      // no /etc/os-release
  CHECK(sources_release("bullseye", bookworm) == "bullseye");
  CHECK(sources_release("bullseye", trixie) == "bullseye");
}
