// The runtime kinds' rows: names read back to their row, the SBOM note's
// names agree with the inspector's, each build's lock and log name.
#include <doctest/doctest.h>

#include "xstatic/inspect/sbom.hpp"
#include "xstatic/runtimes/kind.hpp"

namespace rt = xstatic::runtimes;

TEST_CASE("every runtime kind's names lead back to its row") {
  for (const auto& k : rt::kinds()) {
    CHECK(rt::kind_named(k.name) == &k);
    CHECK(&rt::kind_info(k.id) == &k);
    for (auto name : k.sbom_names) CHECK(rt::kind_of_sbom_name(name) == &k);
    CHECK(!k.libraries.empty());
    CHECK(k.libraries.size() == k.sbom_names.size());
  }
  CHECK(rt::kind_named("libstdc++") == nullptr);
  // The inspector keeps these two entries of a note only when their mark is in the binary.
  CHECK(rt::kind_of_sbom_name(xstatic::inspect::kSbomMimalloc)->id == rt::Kind::mimalloc);
  CHECK(rt::kind_of_sbom_name(xstatic::inspect::kSbomLibcRoutines)->id == rt::Kind::libc_routines);
}

TEST_CASE("a build's lock and log name: kind, clang, variant, sysroot") {
  CHECK(rt::build_name(rt::Kind::libcxx, 19, rt::Variant::size, "arm64-musl") ==
        "runtimes-llvm19-size-arm64-musl");
  CHECK(rt::build_name(rt::Kind::mimalloc, 19, rt::Variant::standard, "amd64-musl") ==
        "mimalloc-llvm19-amd64-musl");
  CHECK(rt::build_name(rt::Kind::libc_routines, 19, rt::Variant::standard, "amd64-musl") ==
        "libc-llvm19-amd64-musl");
}
