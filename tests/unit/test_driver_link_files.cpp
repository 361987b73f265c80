// xstatic's files for a link (xstatic/driver/link_files.hpp): the C start
// files read back as objects of every ELF row, and which links take them and
// which drop .comment.
#include <doctest/doctest.h>

#include "xstatic/driver/link_files.hpp"
#include "xstatic/inspect/report.hpp"

namespace {

xstatic::driver::Plan link_files_plan(std::string_view spec, xstatic::driver::Language language,
                                      std::optional<xstatic::target::Libc> libc = std::nullopt) {
  xstatic::driver::Plan plan;
  plan.language = language;
  plan.target = xstatic::target::parse(spec, libc);
  plan.sysroot = "/store/sysroots/x";
  return plan;
}

bool takes_startfiles(std::vector<std::string> args,
                      xstatic::driver::Language language = xstatic::driver::Language::c,
                      std::optional<xstatic::target::Libc> libc = std::nullopt) {
  return xstatic::driver::wants_c_startfiles(xstatic::driver::parse(args),
                                             link_files_plan("linux/arm64", language, libc));
}

bool drops_comment(std::vector<std::string> args, std::string_view spec = "linux/amd64") {
  return xstatic::driver::wants_comment_dropped(xstatic::driver::parse(args),
                                                link_files_plan(spec, xstatic::driver::Language::c));
}

}  // namespace

TEST_CASE("the C start files of every ELF target read back as objects of its machine") {
  int rows = 0;
  for (const auto& row : xstatic::target::table()) {
    if (row.format != xstatic::target::ObjectFormat::elf) continue;
    ++rows;
    for (bool dso_handle : {true, false}) {
      CAPTURE(row.goarch);
      auto r =
          xstatic::inspect::inspect_bytes(xstatic::driver::startfile_object(row, 0, dso_handle), "crt.o");
      CHECK(r.elf_machine == row.elf_machine);
      CHECK(r.bits == (row.is_64bit ? 64u : 32u));
      CHECK(r.little_endian == row.little_endian);
      CHECK(r.file_type == xstatic::inspect::FileType::object);
    }
  }
  CHECK(rows > 5);
}

TEST_CASE("C links on musl take xstatic's start files; C++ and links that name a C++ runtime keep gcc's") {
  CHECK(takes_startfiles({"a.c", "-o", "app"}));
  CHECK(takes_startfiles({"a.c", "-static-pie", "-lm"}));
  CHECK_FALSE(takes_startfiles({"a.cpp"}, xstatic::driver::Language::cxx));
  for (const char* lib : {"-lc++", "-lstdc++", "-lsupc++", "-lc++abi", "-lunwind"})
    CHECK_FALSE(takes_startfiles({"a.c", lib}));
  CHECK_FALSE(takes_startfiles({"a.c", "-nostartfiles"}));
  CHECK_FALSE(takes_startfiles({"a.c", "-nostdlib"}));
  CHECK_FALSE(takes_startfiles({"-c", "a.c"}));
  CHECK_FALSE(takes_startfiles({"-shared", "a.c"}));
  CHECK_FALSE(takes_startfiles({"a.c", "-fuse-ld=bfd"}));
  CHECK_FALSE(takes_startfiles({"a.c"}, xstatic::driver::Language::c, xstatic::target::Libc::glibc));
}

TEST_CASE("stripped ELF links drop .comment unless the user lays out the output or keeps symbols") {
  CHECK(drops_comment({"a.c", "-o", "app"}));
  CHECK(drops_comment({"a.c", "-shared", "-o", "liba.so"}));
  CHECK(drops_comment({"a.c", "--strip=all", "-g"}));
  CHECK_FALSE(drops_comment({"a.c", "-g"}));
  CHECK_FALSE(drops_comment({"a.c", "--strip=none"}));
  CHECK_FALSE(drops_comment({"a.c", "--strip=debug"}));
  CHECK_FALSE(drops_comment({"a.c", "-T", "app.ld"}));
  CHECK_FALSE(drops_comment({"a.c", "-Wl,-T,app.ld"}));
  CHECK_FALSE(drops_comment({"a.c", "-Wl,--script=app.ld"}));
  CHECK_FALSE(drops_comment({"a.c", "-Xlinker", "-T", "-Xlinker", "app.ld"}));
  CHECK_FALSE(drops_comment({"-c", "a.c"}));
  CHECK_FALSE(drops_comment({"a.c", "-o", "/dev/null"}));
  CHECK_FALSE(drops_comment({"a.c"}, "windows/amd64"));
  CHECK_FALSE(drops_comment({"a.c"}, "wasip1/wasm"));
}
