// Every row of the target table agrees with llvm::Triple and with itself.
#include <doctest/doctest.h>
#include <llvm/TargetParser/Triple.h>

#include <set>

#include "xstatic/target/target.hpp"

using namespace xstatic::target;

namespace {

llvm::Triple::ArchType expected_arch(std::string_view goarch) {
  if (goarch == "amd64") return llvm::Triple::x86_64;
  if (goarch == "386") return llvm::Triple::x86;
  if (goarch == "arm64") return llvm::Triple::aarch64;
  if (goarch == "arm") return llvm::Triple::arm;
  if (goarch == "mips64le") return llvm::Triple::mips64el;
  if (goarch == "mipsle") return llvm::Triple::mipsel;
  if (goarch == "ppc64le") return llvm::Triple::ppc64le;
  if (goarch == "s390x") return llvm::Triple::systemz;
  if (goarch == "wasm") return llvm::Triple::wasm32;
  return llvm::Triple::UnknownArch;
}

}  // namespace

TEST_CASE("every row's triples normalise and agree with the row") {
  for (const auto& row : table()) {
    for (auto [triple, libc] :
         {std::pair{row.triple_musl, Libc::musl}, std::pair{row.triple_gnu, Libc::glibc}}) {
      if (triple.empty()) continue;
      CAPTURE(triple);
      llvm::Triple t(llvm::Triple::normalize(std::string(triple)));
      CHECK(t.getArch() == expected_arch(row.goarch));
      CHECK(t.isArch64Bit() == row.is_64bit);
      CHECK(t.isLittleEndian() == row.little_endian);
      if (row.goos == "linux") {
        CHECK(t.isOSLinux());
        if (libc == Libc::musl) CHECK(t.isMusl());
        if (libc == Libc::glibc) CHECK(t.isGNUEnvironment());
      }
      if (row.goos == "windows") CHECK(t.isWindowsGNUEnvironment());
      if (row.goos == "darwin") CHECK(t.isMacOSX());
      if (row.goos == "wasip1") CHECK(t.isOSWASI());
    }
  }
}

TEST_CASE("every row parses back from its own Go name and triples") {
  for (const auto& row : table()) {
    for (Libc libc : {Libc::musl, Libc::glibc, Libc::mingw, Libc::darwin, Libc::wasi}) {
      if (!(row.libcs & libc_bit(libc))) continue;
      Target t{&row, libc};
      CAPTURE(t.go_name());
      CAPTURE(t.libc_name());
      CHECK(parse(t.go_name(), libc) == t);
      // The triple names the libc by itself, and finds the same row unless
      // variants share a triple (amd64 v1-v4 and armel v5/v6 map to their default).
      Target from_triple = parse(t.triple());
      CHECK(from_triple.libc == libc);
      CHECK(from_triple.row->goarch == row.goarch);
      CHECK(from_triple.row->goos == row.goos);
    }
  }
}

TEST_CASE("the table is consistent") {
  std::set<std::string> names;
  for (const auto& row : table()) {
    CAPTURE(row.goarch);
    Target t{&row, default_libc(row)};
    CHECK(names.insert(t.go_name()).second);  // no duplicate names
    CHECK(row.libcs != 0);
    CHECK((row.languages & kC) != 0);
    if (row.format == ObjectFormat::elf) {
      CHECK(row.elf_machine != 0);
      CHECK(!row.debian_arch.empty());
      CHECK(!row.qemu.empty());
      CHECK((row.libcs & kMusl) != 0);
    } else {
      CHECK(row.elf_machine == 0);
    }
  }
  // Exactly one default row per GOOS/GOARCH.
  for (const auto& row : table()) {
    int defaults = 0;
    for (const auto& other : table())
      if (other.goos == row.goos && other.goarch == row.goarch && other.default_variant) ++defaults;
    CHECK(defaults == 1);
  }
}

TEST_CASE("ELF headers map back to their rows") {
  CHECK(find_by_elf(183, true, true)->goarch == "arm64");
  CHECK(find_by_elf(62, true, true)->variant == "v1");
  CHECK(find_by_elf(40, false, true)->variant == "v7");
  CHECK(find_by_elf(22, true, false)->goarch == "s390x");
  CHECK(find_by_elf(8, false, true)->goarch == "mipsle");
  CHECK(find_by_elf(8, true, true)->goarch == "mips64le");
  CHECK(find_by_elf(183, true, false) == nullptr);
}
