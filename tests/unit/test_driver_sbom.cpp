// The SBOM note's object (xstatic/driver/sbom.hpp): for every ELF row of the
// target table, an object the inspector reads back the record from.
#include <doctest/doctest.h>

#include "xstatic/driver/sbom.hpp"
#include "xstatic/inspect/report.hpp"
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
