// util::edit_distance: optimal string alignment, the measure behind every
// "did you mean" (targets, subcommands).
#include <doctest/doctest.h>

#include <string>

#include "xstatic/util/strings.hpp"

using xstatic::util::edit_distance;

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
