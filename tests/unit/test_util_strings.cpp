// util::edit_distance: optimal string alignment, the measure behind every
// "did you mean" (targets, subcommands); util::Fnv1a, the stable short names.
#include <doctest/doctest.h>

#include <string>

#include "xstatic/util/strings.hpp"

using xstatic::util::edit_distance;
namespace util = xstatic::util;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and neighbour swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("arm64", "") == 5);
  CHECK(edit_distance("", "arm64") == 5);
  CHECK(edit_distance("arm64", "arm64") == 0);
  CHECK(edit_distance("arm64", "amd64") == 2);  // two substitutions
  CHECK(edit_distance("amr64", "arm64") == 1);  // one swap of neighbours
  CHECK(edit_distance("arm", "arm64") == 2);    // two insertions
  CHECK(edit_distance("linux/arm64", "linux/arm/v7") == 3);
  CHECK(edit_distance("ca", "abc") == 3);  // OSA, not Damerau: no edit of a swapped pair
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("edit_distance is symmetric and bounded by the longer length") {
  const char* words[] = {"", "a", "linux/amd64", "x86_64-linux-musl", "s390x", "mips64le", "riscv64"};
  for (const char* a : words)
    for (const char* b : words) {
      std::string sa(a), sb(b);
      CHECK(edit_distance(sa, sb) == edit_distance(sb, sa));
      CHECK(edit_distance(sa, sb) <= std::max(sa.size(), sb.size()));
      CHECK(edit_distance(sa, sb) >= (sa.size() > sb.size() ? sa.size() - sb.size() : sb.size() - sa.size()));
    }
}

TEST_CASE("Fnv1a gives the published FNV-1a 64-bit values, and parts are separated") {
  CHECK(util::Fnv1a().value() == 0xcbf29ce484222325ull);
  CHECK(util::Fnv1a().add("a").value() == 0xaf63dc4c8601ec8cull);
  CHECK(util::Fnv1a().add("foobar").value() == 0x85944171f73967e8ull);
  CHECK(util::Fnv1a().add("ab").add("c").value() == util::Fnv1a().add("abc").value());
  CHECK(util::Fnv1a().add("ab").end_part().add("c").value() !=
        util::Fnv1a().add("a").end_part().add("bc").value());
}
