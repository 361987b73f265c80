// The SBOM: SPDX 2.3 fields, the sysroot's packages with versions and
// purls, runtimes linked only by the binaries that use them, deterministic.
#include <doctest/doctest.h>
#include <llvm/Support/JSON.h>

#include <set>

#include "xstatic/release/sbom.hpp"

using namespace xstatic;
using namespace xstatic::release;

namespace {

SbomInput sample() {
  SbomInput in;
  in.project = "wordstat";
  in.version = "1.2.0";
  in.target = target::parse("linux/arm64");
  in.source_date_epoch = 1700000000;
  in.archive_name = "wordstat_1.2.0_linux_arm64.tar.gz";
  in.archive_sha256 = std::string(64, 'a');
  SbomBinary cli, plain;
  cli.name = "wordstat-cli";
  cli.sha256 = std::string(64, 'b');
  cli.uses_libcxx = true;
  cli.allocator = "mimalloc 2.0.9";
  plain.name = "plain";
  plain.sha256 = std::string(64, 'c');
  plain.allocator = "musl";
  in.binaries = {cli, plain};
  sysroot::Manifest m;
  m.packages = {{"musl-dev", "1.2.3-1", "arm64", std::string(64, 'd')},
                {"linux-libc-dev", "6.1.192-3", "arm64", ""}};
  in.sysroot = m;
  runtimes::Entry libcxx;
  libcxx.runtime = "libc++";
  libcxx.version = "19.1.7";
  libcxx.triple = "aarch64-linux-musl";
  libcxx.clang_major = 19;
  in.runtimes = {libcxx};
  return in;
}

}  // namespace

TEST_CASE("the SBOM is SPDX 2.3 JSON naming the sysroot's packages and the runtimes") {
  auto text = spdx_json(sample());
  CHECK(text == spdx_json(sample()));  // deterministic
  auto parsed = llvm::json::parse(text);
  REQUIRE(static_cast<bool>(parsed));
  auto* doc = parsed->getAsObject();
  CHECK(doc->getString("spdxVersion") == "SPDX-2.3");
  CHECK(doc->getString("SPDXID") == "SPDXRef-DOCUMENT");
  CHECK(doc->getString("documentNamespace")->starts_with("https://"));
  CHECK(doc->getObject("creationInfo")->getString("created") == "2023-11-14T22:13:20Z");
  std::map<std::string, std::string> versions;
  for (const auto& p : *doc->getArray("packages"))
    versions[p.getAsObject()->getString("name")->str()] = p.getAsObject()->getString("versionInfo")->str();
  CHECK(versions["musl-dev"] == "1.2.3-1");
  CHECK(versions["libc++"] == "19.1.7");
  CHECK(versions["wordstat"] == "1.2.0");
  CHECK(text.find("pkg:deb/debian/musl-dev@1.2.3-1?arch=arm64") != std::string::npos);

  // libc++ is statically linked by the binary that uses it, not by the other.
  int static_links = 0;
  for (const auto& r : *doc->getArray("relationships")) {
    auto* o = r.getAsObject();
    if (o->getString("relationshipType") == "STATIC_LINK") {
      ++static_links;
      CHECK(o->getString("spdxElementId") == "SPDXRef-File-wordstat-cli");
      CHECK(o->getString("relatedSpdxElement") == "SPDXRef-Runtime-libcxx");
    }
  }
  CHECK(static_links == 1);
}

TEST_CASE("packages of `xstatic pkg` are listed with their licence and Debian purl") {
  auto in = sample();
  pkg::Entry curl;
  curl.name = curl.source = "curl";
  curl.version = "7.88.1-10+deb12u15";
  curl.license = "curl";
  curl.target = "linux/arm64";
  in.packages.push_back(curl);
  auto text = spdx_json(in);
  CHECK(text.find("\"SPDXID\": \"SPDXRef-Pkg-curl\"") != std::string::npos);
  CHECK(text.find("\"licenseDeclared\": \"curl\"") != std::string::npos);
  CHECK(text.find("pkg:deb/debian/curl@7.88.1-10+deb12u15?arch=source") != std::string::npos);
  CHECK(text.find("\"relationshipType\": \"DEPENDS_ON\"") != std::string::npos);
  CHECK(spdx_json(sample()).find("SPDXRef-Pkg-") == std::string::npos);
}

TEST_CASE("SPDX identifiers keep only letters, digits, '.' and '-'") {
  CHECK(spdx_id("Deb", "libstdc++-12-dev") == "SPDXRef-Deb-libstdcxx-12-dev");
  CHECK(spdx_id("File", "my_tool.exe") == "SPDXRef-File-my-tool.exe");
  CHECK(iso8601_utc(0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("a recorded link names the packages and the user's archives each binary took members from") {
  auto in = sample();
  pkg::Entry zlib;
  zlib.name = zlib.source = "zlib";
  zlib.version = "1:1.2.13.dfsg-1";
  zlib.license = "Zlib";
  zlib.target = "linux/arm64";
  in.packages.push_back(zlib);
  in.binaries[0].link_recorded = true;
  in.binaries[0].packages = {"zlib"};
  in.binaries[0].archives = {{"libfoo.a", "build/lib/libfoo.a", std::string(64, 'e')}};
  in.binaries[1].link_recorded = true;
  in.binaries[1].archives = {{"libfoo.a", "build/lib/libfoo.a", std::string(64, 'e')}};
  auto parsed = llvm::json::parse(spdx_json(in));
  REQUIRE(static_cast<bool>(parsed));
  auto* doc = parsed->getAsObject();
  int archives = 0;
  for (const auto& p : *doc->getArray("packages")) {
    auto* o = p.getAsObject();
    if (o->getString("SPDXID") != "SPDXRef-Archive-build-lib-libfoo.a") continue;
    ++archives;  // listed once though two binaries link it
    CHECK(o->getString("packageFileName") == "build/lib/libfoo.a");
    CHECK(o->getArray("checksums")->front().getAsObject()->getString("checksumValue") ==
          std::string(64, 'e'));
  }
  CHECK(archives == 1);
  std::set<std::pair<std::string, std::string>> links;
  for (const auto& r : *doc->getArray("relationships")) {
    auto* o = r.getAsObject();
    if (o->getString("relationshipType") == "STATIC_LINK")
      links.emplace(o->getString("spdxElementId")->str(), o->getString("relatedSpdxElement")->str());
  }
  CHECK(links.count({"SPDXRef-File-wordstat-cli", "SPDXRef-Pkg-zlib"}) == 1);
  CHECK(links.count({"SPDXRef-File-plain", "SPDXRef-Pkg-zlib"}) == 0);
  CHECK(links.count({"SPDXRef-File-wordstat-cli", "SPDXRef-Archive-build-lib-libfoo.a"}) == 1);
  CHECK(links.count({"SPDXRef-File-plain", "SPDXRef-Archive-build-lib-libfoo.a"}) == 1);
}
