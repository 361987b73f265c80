// Where a release's version and time come from: --version, the file, git;
// SOURCE_DATE_EPOCH, the commit, 1980.
#include <doctest/doctest.h>
#include <stdlib.h>

#include "scratch_dir.hpp"
#include "xstatic/release/version.hpp"
#include "xstatic/util/error.hpp"

using namespace xstatic;
using namespace xstatic::release;

TEST_CASE("a tag becomes a version without its leading v") {
  CHECK(version_from_tag("v1.2.0") == "1.2.0");
  CHECK(version_from_tag("1.2.0") == "1.2.0");
  CHECK(version_from_tag("v1.2.0-3-gabc1234") == "1.2.0-3-gabc1234");
  CHECK(version_from_tag("very-first") == "very-first");
  CHECK(version_from_tag("v") == "v");
}

TEST_CASE("--version wins over the file, the file over git; outside git only --snapshot helps") {
  testing::ScratchDir dir;  // not a git repository
  CHECK(resolve_version(dir.path, "2.0.0", "1.0.0", false) == "2.0.0");
  CHECK(resolve_version(dir.path, std::nullopt, "1.0.0", false) == "1.0.0");
  CHECK(resolve_version(dir.path, std::nullopt, "1.0.0", true) == "1.0.0-SNAPSHOT");
  CHECK(resolve_version(dir.path, std::nullopt, std::nullopt, true) == "0.0.0-SNAPSHOT");
  try {
    resolve_version(dir.path, std::nullopt, std::nullopt, false);
    FAIL("no error without a version");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("no version") != std::string::npos);
    CHECK(e.hint().find("--snapshot") != std::string::npos);
  }
  CHECK_THROWS_AS(resolve_version(dir.path, std::string("1/2"), std::nullopt, false), Error);
}

TEST_CASE("SOURCE_DATE_EPOCH decides the time; outside git without it, 1980-01-01") {
  testing::ScratchDir dir;
  const char* saved = getenv("SOURCE_DATE_EPOCH");
  std::string old = saved ? saved : "";
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  CHECK(resolve_source_date_epoch(dir.path) == 1700000000);
  setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  CHECK_THROWS_AS(resolve_source_date_epoch(dir.path), Error);
  unsetenv("SOURCE_DATE_EPOCH");
  CHECK(resolve_source_date_epoch(dir.path) == 315532800);
  if (saved) setenv("SOURCE_DATE_EPOCH", old.c_str(), 1);
}
