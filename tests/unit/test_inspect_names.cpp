#include <doctest/doctest.h>

#include "xstatic/inspect/report.hpp"

using namespace xstatic;
using namespace xstatic::inspect;

TEST_CASE("the report's enums render as the words docs/inspect.md documents") {
  CHECK(name(FileType::static_pie) == "static-pie");
  CHECK(name(FileType::shared_object) == "shared-object");
  CHECK(name(Linkage::fully_static) == "static");
  CHECK(name(Linkage::none) == "none");
  CHECK(name(HazardKind::execstack) == "execstack");
  CHECK(name(HazardKind::nss) == "nss");
}

TEST_CASE("the format name tells PE images from COFF objects and universal from thin Mach-O") {
  Report r;
  CHECK(format_name(r) == "file");  // nothing recognised yet: "malformed file"
  r.format = target::ObjectFormat::coff;
  r.file_type = FileType::executable;
  CHECK(format_name(r) == "pe");
  r.file_type = FileType::object;
  CHECK(format_name(r) == "coff");
  r.format = target::ObjectFormat::macho;
  CHECK(format_name(r) == "macho");
  r.universal = true;
  CHECK(format_name(r) == "macho-universal");
  r.format = target::ObjectFormat::elf;
  r.universal = false;
  CHECK(format_name(r) == "elf");
}
