// `sysroot add`: reading apt-cache's dependency lists and choosing what to extract.
#include <doctest/doctest.h>

#include "xstatic/sysroot/add.hpp"

using namespace xstatic;
using namespace xstatic::sysroot;

namespace {

// Real output of `apt-cache depends --no-recommends ... zlib1g-dev libssl-dev libcurl4-openssl-dev`
// (bookworm).
constexpr const char* kDepends =
    "zlib1g-dev\n"
    "  Depends: zlib1g\n"
    " |Depends: libc6-dev\n"
    "  Depends: <libc-dev>\n"
    "    libc6-dev\n"
    "libssl-dev\n"
    "  Depends: libssl3\n"
    "libcurl4-openssl-dev:arm64\n"
    "  Depends: libcurl4\n"
    "  PreDepends: dpkg\n";

}  // namespace

TEST_CASE("apt-cache depends: groups of alternatives, virtual packages by their providers") {
  auto deps = parse_apt_depends(kDepends);
  REQUIRE(deps.size() == 3);
  CHECK(deps[0].package == "zlib1g-dev");
  REQUIRE(deps[0].groups.size() == 2);
  CHECK(deps[0].groups[0] == std::vector<std::string>{"zlib1g"});
  CHECK(deps[0].groups[1] == std::vector<std::string>{"libc6-dev", "libc6-dev"});
  CHECK(deps[1].package == "libssl-dev");
  CHECK(deps[1].groups == std::vector<std::vector<std::string>>{{"libssl3"}});
  CHECK(deps[2].package == "libcurl4-openssl-dev");
  CHECK(deps[2].groups == std::vector<std::vector<std::string>>{{"libcurl4"}, {"dpkg"}});
}

TEST_CASE("only missing libraries are added; an installed alternative satisfies its group") {
  auto deps = parse_apt_depends(kDepends);
  std::vector<std::string> installed = {"libc6", "libc6-dev", "linux-libc-dev"};
  CHECK(missing_libraries(deps[0], installed) == std::vector<std::string>{"zlib1g"});
  CHECK(missing_libraries(deps[1], installed) == std::vector<std::string>{"libssl3"});
  // dpkg is a tool, not a library: never extracted into a sysroot.
  CHECK(missing_libraries(deps[2], installed) == std::vector<std::string>{"libcurl4"});
  installed.push_back("zlib1g");
  CHECK(missing_libraries(deps[0], installed).empty());
}

TEST_CASE("library packages") {
  CHECK(is_library_package("zlib1g-dev"));
  CHECK(is_library_package("libssl3"));
  CHECK(is_library_package("libsqlite3-dev"));
  CHECK(is_library_package("zlib1g"));
  CHECK(is_library_package("libbz2-1.0"));
  CHECK_FALSE(is_library_package("python3"));
  CHECK_FALSE(is_library_package("gcc-12-base"));
  CHECK_FALSE(is_library_package("libglib2.0-dev-bin"));
  CHECK_FALSE(is_library_package("libc-dev-bin"));
  CHECK_FALSE(is_library_package("dpkg"));
  CHECK_FALSE(is_library_package("perl-base"));
  CHECK_FALSE(is_library_package("libssl-doc"));
}

TEST_CASE("musl refusal says why and names glibc") {
  std::string why = musl_refusal(target::parse("linux/arm64"));
  CHECK(why.find("glibc") != std::string::npos);
  CHECK(why.find("__snprintf_chk") != std::string::npos);
  CHECK(why.find("linux/arm64") != std::string::npos);
}
