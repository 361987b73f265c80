// The runtimes build's cmake command line and the row it is built for.
#include <doctest/doctest.h>

#include <algorithm>

#include "runtimes/internal.hpp"

using namespace xstatic;
using namespace xstatic::runtimes::detail;

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// linux/arm64's inputs, with clang 19.1.7 and the host's ar and ranlib.
CmakeInputs arm64_inputs() {
  return {.source = "/s",
          .build = "/b",
          .prefix = "/p",
          .sysroot = "/sys",
          .triple = "aarch64-linux-musl",
          .processor = "aarch64",
          .cflags = "",
          .clang = {"/c/clang", "/c/clang++", "19.1.7", 19},
          .ar = "ar",
          .ranlib = "ranlib"};
}

}  // namespace

TEST_CASE("static musl runtimes with LLVM's unwinder, sized for --gc-sections") {
  CmakeInputs in = arm64_inputs();
  in.ar = "/c/llvm-ar";
  in.ranlib = "/c/llvm-ranlib";
  auto cmd = cmake_command(in);
  CHECK(cmd[0] == "cmake");
  CHECK(has(cmd, "/s/runtimes"));
  for (const char* want :
       {"-DLIBCXX_HAS_MUSL_LIBC=ON", "-DLIBCXXABI_USE_LLVM_UNWINDER=ON", "-DLIBCXX_ENABLE_SHARED=OFF",
        "-DLIBCXXABI_ENABLE_SHARED=OFF", "-DLIBUNWIND_ENABLE_SHARED=OFF", "-DLIBCXX_INCLUDE_TESTS=OFF",
        "-DLIBCXXABI_NON_DEMANGLING_TERMINATE=ON", "-DCMAKE_SYSROOT=/sys", "-DCMAKE_CXX_COMPILER=/c/clang++",
        "-DCMAKE_CXX_COMPILER_TARGET=aarch64-linux-musl", "-DCMAKE_SYSTEM_PROCESSOR=aarch64",
        "-DCMAKE_AR=/c/llvm-ar"})
    CHECK_MESSAGE(has(cmd, want), want);
  CHECK(has(cmd, "-DCMAKE_CXX_FLAGS=-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables"));
}

TEST_CASE("configure is told what clang 19 answers, and that musl has no __cxa_thread_atexit_impl") {
  CmakeInputs in = arm64_inputs();
  auto cmd = cmake_command(in);
  CHECK(has(cmd, "-DLIBCXXABI_HAS_CXA_THREAD_ATEXIT_IMPL=OFF"));
  CHECK(has(cmd, "-DCXX_SUPPORTS_FNO_RTTI_FLAG=1"));
  CHECK(has(cmd, "-DLIBCXX_HAS_PTHREAD_LIB=1"));
  // What depends on the target is still asked.
  for (const auto& arg : cmd) {
    CHECK(arg.find("LIBUNWIND_TARGET_ARM") == std::string::npos);
    CHECK(arg.find("LIBUNWIND_USES_SJLJ_EXCEPTIONS") == std::string::npos);
  }
  in.clang = {"/c/clang", "/c/clang++", "18.1.8", 18};
  auto other = cmake_command(in);
  CHECK(has(other, "-DLIBCXXABI_HAS_CXA_THREAD_ATEXIT_IMPL=OFF"));
  CHECK_FALSE(has(other, "-DCXX_SUPPORTS_FNO_RTTI_FLAG=1"));
}

TEST_CASE("a variant's -march flags reach every language") {
  CmakeInputs in = arm64_inputs();
  in.triple = "armv7-linux-musleabihf";
  in.processor = "armv7";
  in.cflags = "-march=armv7-a";
  in.clang = {};
  auto cmd = cmake_command(in);
  for (const char* lang : {"C", "CXX", "ASM"})
    CHECK(
        has(cmd,
            std::string("-DCMAKE_") + lang +
                "_FLAGS=-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables -march=armv7-a"));
}

TEST_CASE("the size variant builds at -Oz without frame pointers; the standard one keeps CMake's -Os") {
  CmakeInputs in = arm64_inputs();
  in.clang = {};
  in.variant = runtimes::Variant::size;
  auto size = cmake_command(in);
  in.variant = runtimes::Variant::standard;
  auto standard = cmake_command(in);
  for (const char* lang : {"C", "CXX", "ASM"}) {
    std::string l = lang;
    CHECK(has(size, "-DCMAKE_" + l + "_FLAGS_MINSIZEREL=-Oz -DNDEBUG"));
    CHECK(has(size, "-DCMAKE_" + l +
                        "_FLAGS=-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables "
                        "-fomit-frame-pointer"));
    CHECK(has(standard,
              "-DCMAKE_" + l + "_FLAGS=-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables"));
  }
  for (const auto& arg : standard) CHECK(arg.find("MINSIZEREL") == std::string::npos);
  CHECK(size.size() == standard.size() + 3);
}

TEST_CASE("runtimes variants: names, and auto picks size for -Os and -Oz calls") {
  using runtimes::RuntimesOpt, runtimes::Variant;
  CHECK(runtimes::parse_runtimes_opt("size") == RuntimesOpt::size);
  CHECK(runtimes::parse_runtimes_opt("standard") == RuntimesOpt::standard);
  CHECK(runtimes::parse_runtimes_opt("auto") == RuntimesOpt::automatic);
  CHECK_FALSE(runtimes::parse_runtimes_opt("Size"));
  CHECK(runtimes::choose_variant(RuntimesOpt::automatic, true) == Variant::size);
  CHECK(runtimes::choose_variant(RuntimesOpt::automatic, false) == Variant::standard);
  CHECK(runtimes::choose_variant(RuntimesOpt::standard, true) == Variant::standard);
  CHECK(runtimes::choose_variant(RuntimesOpt::size, false) == Variant::size);
  for (auto v : {Variant::standard, Variant::size}) {
    const auto* row = runtimes::variant_named(runtimes::variant_info(v).name);
    REQUIRE(row);
    CHECK(row->id == v);
  }
  CHECK(runtimes::variant_info(Variant::standard).folder_suffix.empty());  // the folders every link used
  CHECK(runtimes::variant_info(Variant::standard).mimalloc_flags == "-O2");
  CHECK_FALSE(runtimes::variant_named("speed"));
}

TEST_CASE("variants sharing a sysroot share runtimes built for the lowest one") {
  CHECK(baseline_row(target::parse("linux/amd64/v3")).variant == "v1");
  CHECK(baseline_row(target::parse("linux/arm/v6")).variant == "v5");
  CHECK(baseline_row(target::parse("linux/arm/v7")).variant == "v7");  // armhf: its own sysroot
  CHECK(baseline_row(target::parse("linux/arm64")).triple_musl == "aarch64-linux-musl");
}

TEST_CASE(
    "LLVM 19's runtimes get the project hook that precompiles libc++'s headers; others build as shipped") {
  std::string hook = runtimes::detail::project_hook_text(19);
  CHECK(hook.find("target_precompile_headers(cxx_static PRIVATE <algorithm>") != std::string::npos);
  CHECK(hook.find("SKIP_PRECOMPILE_HEADERS") != std::string::npos);
  CHECK(hook.find("error_category.cpp") != std::string::npos);
  CHECK(hook.find("if(TARGET cxx_static)") != std::string::npos);  // a stand-in tree configures as before
  // libc++abi's own PCH, and libunwind's and libc++abi's sources scheduled after libc++'s PCH.
  CHECK(hook.find("target_precompile_headers(cxxabi_static_objects PRIVATE <atomic>") != std::string::npos);
  CHECK(hook.find("foreach(after cxxabi_static_objects unwind_static_objects)") != std::string::npos);
  CHECK(hook.find("OBJECT_DEPENDS \"${bin}/CMakeFiles/cxx_static.dir/cmake_pch.hxx.pch\"") !=
        std::string::npos);
  CHECK(hook.find("if(TARGET ${after})") != std::string::npos);
  CHECK(runtimes::detail::project_hook_text(18).empty());
  CHECK(runtimes::detail::project_hook_text(20).empty());

  CmakeInputs in = arm64_inputs();
  for (const auto& arg : cmake_command(in))
    CHECK(arg.find("CMAKE_PROJECT_Runtimes_INCLUDE") == std::string::npos);
  in.project_hook = "/t/hook.cmake";
  CHECK(has(cmake_command(in), "-DCMAKE_PROJECT_Runtimes_INCLUDE=/t/hook.cmake"));
  in.python = "/usr/bin/python3.11";  // the interpreter itself, not a launcher in front of it
  CHECK(has(cmake_command(in), "-DPython3_EXECUTABLE=/usr/bin/python3.11"));
}
