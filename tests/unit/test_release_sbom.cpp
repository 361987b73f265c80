// The SBOM: SPDX 2.3 fields, the sysroot's packages with versions and
// purls, runtimes linked only by the binaries that use them, deterministic.
#include <doctest/doctest.h>
#include <llvm/Support/JSON.h>

#include <set>

#include "scratch_dir.hpp"
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
  cli.runtimes = {"/store/runtimes/llvm-19-r2/arm64-musl"};
  plain.name = "plain";
  plain.sha256 = std::string(64, 'c');
  in.binaries = {cli, plain};
  sysroot::Manifest m;
  m.packages = {{"musl-dev", "1.2.3-1", "arm64", std::string(64, 'd')},
                {"linux-libc-dev", "6.1.192-3", "arm64", ""}};
  in.sysroot = m;
  runtimes::Entry libcxx;
  libcxx.kind = runtimes::Kind::libcxx;
  libcxx.version = "19.1.7";
  libcxx.triple = "aarch64-linux-musl";
  libcxx.clang_major = 19;
  libcxx.root = "/store/runtimes/llvm-19-r2/arm64-musl";
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

namespace {

// A built runtime's manifest in a store, as runtimes build writes it.
void write_runtime(const std::filesystem::path& store, const std::string& folder, const std::string& runtime,
                   const std::string& version, const std::string& variant) {
  testing::write_file(store / "runtimes" / folder / "arm64-musl" / "manifest.json",
                      "{\"runtime\": \"" + runtime + "\", \"version\": \"" + version +
                          "\", \"target\": \"linux/arm64\", \"triple\": \"aarch64-linux-musl\", "
                          "\"sysroot\": \"arm64-musl\", \"clang_major\": 19, \"clang_version\": \"19.1.7\", "
                          "\"llvm_source\": \"19.1.7\", \"variant\": \"" +
                          variant + "\"}\n");
}

std::vector<std::string> runtime_ids(const std::string& text) {
  std::vector<std::string> ids;
  auto parsed = llvm::json::parse(text);
  REQUIRE(static_cast<bool>(parsed));
  for (const auto& p : *parsed->getAsObject()->getArray("packages"))
    if (auto id = p.getAsObject()->getString("SPDXID"); id && id->starts_with("SPDXRef-Runtime-"))
      ids.push_back(id->str());
  return ids;
}

}  // namespace

TEST_CASE("the runtimes listed are the builds each binary linked, each once, one SPDX ID a build") {
  testing::ScratchDir dir;
  const store::Store st(dir.path);
  // Three builds of libc++ 19.1.7 for arm64-musl (an old recipe revision, the
  // standard and the size build) and mimalloc's standard one.
  write_runtime(dir.path, "llvm-19", "libc++", "19.1.7", "standard");
  write_runtime(dir.path, "llvm-19-r2", "libc++", "19.1.7", "standard");
  write_runtime(dir.path, "llvm-19-r2-size", "libc++", "19.1.7", "size");
  write_runtime(dir.path, "mimalloc-2.0.9-llvm19-r4", "mimalloc", "2.0.9", "standard");
  auto size_lib =
      std::filesystem::weakly_canonical(dir.path / "runtimes/llvm-19-r2-size/arm64-musl/lib/libc++.a");

  SUBCASE("a recorded -Os link: the size build alone, versioned as the note says") {
    auto in = sample();
    in.runtimes.clear();
    in.binaries[0].runtimes.clear();
    in.binaries[0].note_runtimes = std::vector<inspect::SbomComponent>{
        {"libc++", "19.1.7+size", ""}, {"libc++abi", "19.1.7+size", ""}, {"libunwind", "19.1.7+size", ""}};
    in.binaries[0].link_recorded = true;
    in.binaries[0].runtime_archives = {size_lib};
    in.binaries[1].note_runtimes = std::vector<inspect::SbomComponent>{};
    in.binaries[1].link_recorded = true;
    add_store_facts(in, st);
    REQUIRE(in.runtimes.size() == 1);
    CHECK(in.runtimes[0].variant == "size");
    CHECK(in.binaries[1].runtimes.empty());
    auto text = spdx_json(in);
    CHECK(runtime_ids(text) == std::vector<std::string>{"SPDXRef-Runtime-libcxx-size"});
    CHECK(text.find("\"versionInfo\": \"19.1.7+size\"") != std::string::npos);
    CHECK(text.find("\"relatedSpdxElement\": \"SPDXRef-Runtime-libcxx-size\"") != std::string::npos);
  }
  SUBCASE("the record tells the recipe revisions of one version apart") {
    auto in = sample();
    in.runtimes.clear();
    in.binaries[0].runtimes.clear();
    in.binaries[0].note_runtimes = std::vector<inspect::SbomComponent>{{"libc++", "19.1.7", ""}};
    in.binaries[0].link_recorded = true;
    in.binaries[0].runtime_archives = {
        std::filesystem::weakly_canonical(dir.path / "runtimes/llvm-19-r2/arm64-musl/lib/libc++abi.a")};
    add_store_facts(in, st);
    REQUIRE(in.runtimes.size() == 1);
    CHECK(in.runtimes[0].root.parent_path().filename() == "llvm-19-r2");
    CHECK(runtime_ids(spdx_json(in)) == std::vector<std::string>{"SPDXRef-Runtime-libcxx"});
  }
  SUBCASE("without a record, two folders of one build are one package; without a note or record, none") {
    auto in = sample();
    in.runtimes.clear();
    in.binaries[0].runtimes.clear();
    in.binaries[0].note_runtimes =
        std::vector<inspect::SbomComponent>{{"libc++", "19.1.7", ""}, {"mimalloc", "2.0.9", ""}};
    add_store_facts(in, st);
    CHECK(runtime_ids(spdx_json(in)) ==
          std::vector<std::string>{"SPDXRef-Runtime-libcxx", "SPDXRef-Runtime-mimalloc"});
    CHECK(in.binaries[1].runtimes.empty());
  }
}
