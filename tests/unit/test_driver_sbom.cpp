// The SBOM note's object (xstatic/driver/sbom.hpp): for every ELF row of the
// target table, an object the inspector reads back the record from.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "xstatic/driver/sbom.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/inspect/sbom.hpp"
#include "xstatic/target/notes.hpp"

using namespace xstatic;

TEST_CASE("the SBOM note object of every ELF target reads back in the inspector") {
  inspect::EmbeddedSbom s;
  s.libc = "musl";
  s.xstatic = "0.1.0";
  s.packages = {{"musl-dev", "1.2.3-1", ""}};
  int rows = 0;
  for (const auto& row : target::table()) {
    if (row.format != target::ObjectFormat::elf) continue;
    ++rows;
    s.target = std::string(row.goos) + "/" + std::string(row.goarch);
    for (std::string extra : {"", "x", "xy", "xyz"}) {  // every padding of the description
      s.packages[0].version = "1.2.3-1" + extra;
      std::string object = driver::note_object(row, 0x5000000, target::kSbomNoteSection, target::kNoteName,
                                               target::kSbomNoteType, inspect::encode_sbom(s));
      CAPTURE(s.target);
      auto r = inspect::inspect_bytes(object, "sbom.o");
      CHECK(r.elf_machine == row.elf_machine);
      CHECK(r.bits == (row.is_64bit ? 64u : 32u));
      CHECK(r.little_endian == row.little_endian);
      CHECK(r.file_type == inspect::FileType::object);
      REQUIRE(r.sbom.has_value());
      CHECK(*r.sbom == s);
      CHECK(r.notes.empty());
      bool named = false;
      for (const auto& sec : r.largest_sections) named = named || sec.name == ".note.xstatic.sbom";
      CHECK(named);
    }
  }
  CHECK(rows > 5);
}

TEST_CASE("the note keeps only the entries whose archives lld took, padded to the size it had") {
  driver::LinkSbom sbom;
  sbom.given.target = "linux/amd64";
  sbom.given.libc = "musl";
  sbom.given.xstatic = "0.1.0";
  sbom.given.packages = {{"musl-dev", "1.2.3-1", ""}};
  sbom.given.runtimes = {
      {"libc++", "19.1.7", ""}, {"mimalloc", "2.0.9", ""}, {"xstatic-libc", "8cad375a", ""}};
  sbom.given.libraries = {{"zlib", "1:1.2.13.dfsg-1", "Zlib"}};
  sbom.given.archives = {{"vendor/libfoo.a", "ab12", ""}};
  sbom.conditional = {
      {driver::SbomList::runtimes, "mimalloc", {"/s/m/lib/libmimalloc.a"}},
      {driver::SbomList::runtimes, "xstatic-libc", {"/s/l/lib/libxstatic_libc.a"}},
      {driver::SbomList::libraries, "zlib", {"/s/p/zlib/lib/libz.a", "/s/p/zlib/lib/libzz.a"}},
      {driver::SbomList::archives, "vendor/libfoo.a", {"/w/vendor/libfoo.a"}},
  };
  sbom.desc = inspect::encode_sbom(sbom.given);

  SUBCASE("everything taken: the record as given") {
    std::vector<std::filesystem::path> linked = {"/s/l/lib/libxstatic_libc.a", "/s/m/lib/libmimalloc.a",
                                                 "/s/p/zlib/lib/libzz.a", "/w/vendor/libfoo.a"};
    CHECK(driver::sbom_as_linked(sbom, linked) == sbom.given);
  }
  SUBCASE("a C hello: no mimalloc, no zlib, no libfoo; libc++ is not conditional here") {
    auto got = driver::sbom_as_linked(sbom, {"/s/l/lib/libxstatic_libc.a", "/s/sysroot/usr/lib/libc.a"});
    CHECK(got.packages == sbom.given.packages);
    CHECK(got.runtimes ==
          std::vector<inspect::SbomComponent>{{"libc++", "19.1.7", ""}, {"xstatic-libc", "8cad375a", ""}});
    CHECK(got.libraries.empty());
    CHECK(got.archives.empty());
    // The shorter record, padded with spaces to the note's size, reads back as itself.
    auto desc = driver::padded_desc(inspect::encode_sbom(got), sbom.desc.size());
    REQUIRE(desc.has_value());
    CHECK(desc->size() == sbom.desc.size());
    CHECK(desc->back() == ' ');
    std::string problem;
    auto back = inspect::decode_sbom(*desc, problem);
    REQUIRE(back.has_value());
    CHECK(*back == got);
  }
  CHECK_FALSE(driver::padded_desc(sbom.desc + "x", sbom.desc.size()).has_value());
}

TEST_CASE("the SBOM note is found in place in every ELF class and byte order, and rewritten there") {
  inspect::EmbeddedSbom s;
  s.target = "linux/amd64";
  s.libc = "musl";
  s.xstatic = "0.1.0";
  s.runtimes = {{"mimalloc", "2.0.9", ""}, {"xstatic-libc", "8cad375a", ""}};
  std::string desc = inspect::encode_sbom(s);
  auto file = std::filesystem::temp_directory_path() / ("xstatic-sbom-settle-" + std::to_string(::getpid()));
  for (const auto& row : target::table()) {
    if (row.format != target::ObjectFormat::elf) continue;
    CAPTURE(row.goarch);
    std::string object =
        driver::note_object(row, 0, target::kSbomNoteSection, target::kNoteName, target::kSbomNoteType, desc);
    auto at = inspect::find_sbom_note(object);
    REQUIRE(at.has_value());
    CHECK(at->size == desc.size());
    CHECK(object.substr(at->offset, at->size) == desc);
    CHECK_FALSE(inspect::find_sbom_note(object.substr(0, 40)).has_value());

    // settle_sbom_note on a file holding the object: mimalloc was not taken.
    driver::LinkSbom sbom{s, desc, {{driver::SbomList::runtimes, "mimalloc", {"/s/libmimalloc.a"}}}};
    std::ofstream(file, std::ios::binary) << object;
    driver::settle_sbom_note(
        file.string(), sbom,
        "reference\textracted\tsymbol\nmain.o\t/s/libxstatic_libc.a(strlen.o)\tstrlen\n");
    std::stringstream now;
    now << std::ifstream(file, std::ios::binary).rdbuf();
    CHECK(now.str().size() == object.size());
    auto r = inspect::inspect_bytes(now.str(), "sbom.o");
    REQUIRE(r.sbom.has_value());
    CHECK(r.sbom->runtimes == std::vector<inspect::SbomComponent>{{"xstatic-libc", "8cad375a", ""}});
    // No report of lld's (an empty file): the note stays as given.
    std::ofstream(file, std::ios::binary) << object;
    driver::settle_sbom_note(file.string(), sbom, "");
    std::stringstream same;
    same << std::ifstream(file, std::ios::binary).rdbuf();
    CHECK(same.str() == object);
  }
  std::filesystem::remove(file);
}
