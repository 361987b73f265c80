# Finds every dependency from Debian 12 packages. A missing one stops configure
# with the package that provides it.

function(xstatic_require_package what package)
  message(FATAL_ERROR "${what} not found: install it with 'sudo apt-get install ${package}' "
                      "(or run scripts/setup.sh, which installs everything)")
endfunction()

# --- LLVM 19, linked statically: Object, Option, Support, TargetParser.
# A cross build (xstatic's own toolchain file: the bundle for an arm64 host,
# scripts/bundle.sh --arch arm64) takes LLVM from the target's sysroot, where
# `xstatic sysroot add ... llvm-19-dev` put Debian's packages for that
# architecture. Its llvm-config is a target program: it runs under the
# toolchain's emulator (qemu-user) with the sysroot as the root of its
# loader and libraries (QEMU_LD_PREFIX), and answers with the sysroot's
# folders, as it finds them from its own path. Reading LLVM's CMake exports
# instead would mean a second way to list the same libraries.
if(CMAKE_CROSSCOMPILING)
  find_program(XSTATIC_LLVM_CONFIG NAMES llvm-config PATHS ${CMAKE_SYSROOT}/usr/lib/llvm-19/bin
               NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(NOT XSTATIC_LLVM_CONFIG)
    message(FATAL_ERROR "llvm-config not found in ${CMAKE_SYSROOT}/usr/lib/llvm-19/bin: add LLVM to the "
                        "sysroot with 'xstatic sysroot add <target> --libc glibc llvm-19-dev libclang-19-dev' "
                        "(scripts/bundle.sh --arch ARCH does)")
  endif()
  if(NOT CMAKE_CROSSCOMPILING_EMULATOR)
    message(FATAL_ERROR "the toolchain file sets no CMAKE_CROSSCOMPILING_EMULATOR to run the target's llvm-config")
  endif()
  set(XSTATIC_LLVM_CONFIG_COMMAND ${CMAKE_COMMAND} -E env QEMU_LD_PREFIX=${CMAKE_SYSROOT}
      ${CMAKE_CROSSCOMPILING_EMULATOR} ${XSTATIC_LLVM_CONFIG})
else()
  find_program(XSTATIC_LLVM_CONFIG NAMES llvm-config-19 llvm-config
               PATHS /usr/lib/llvm-19/bin NO_DEFAULT_PATH)
  find_program(XSTATIC_LLVM_CONFIG NAMES llvm-config-19)
  if(NOT XSTATIC_LLVM_CONFIG)
    xstatic_require_package("llvm-config-19" "llvm-19-dev libclang-19-dev")
  endif()
  set(XSTATIC_LLVM_CONFIG_COMMAND ${XSTATIC_LLVM_CONFIG})
endif()
execute_process(COMMAND ${XSTATIC_LLVM_CONFIG_COMMAND} --version OUTPUT_VARIABLE XSTATIC_LLVM_VERSION
                OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${XSTATIC_LLVM_CONFIG_COMMAND} --includedir OUTPUT_VARIABLE LLVM_INCLUDE
                OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${XSTATIC_LLVM_CONFIG_COMMAND} --libdir OUTPUT_VARIABLE LLVM_LIBDIR
                OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${XSTATIC_LLVM_CONFIG_COMMAND} --link-static --libs object option support targetparser
                OUTPUT_VARIABLE LLVM_LIBS OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  xstatic_require_package("LLVM 19 static libraries" "llvm-19-dev")
endif()
separate_arguments(LLVM_LIBS UNIX_COMMAND "${LLVM_LIBS}")
if(NOT EXISTS ${LLVM_LIBDIR}/libclangDriver.a)
  xstatic_require_package("libclangDriver.a (clang's option table)" "libclang-19-dev")
endif()

add_library(xstatic_llvm INTERFACE)
target_include_directories(xstatic_llvm SYSTEM INTERFACE ${LLVM_INCLUDE})
target_link_directories(xstatic_llvm INTERFACE ${LLVM_LIBDIR})
# Order matters for static archives: clang's driver/basic need LLVM below them.
target_link_libraries(xstatic_llvm INTERFACE clangDriver clangBasic ${LLVM_LIBS}
                      ${LLVM_LIBDIR}/libLLVMFrontendOpenMP.a ${LLVM_LIBS})
# LLVM's --system-libs lists libz3/libxml2 as shared libraries that we never call;
# link only what LLVMSupport needs, statically where Debian ships the archive.
# A fully static executable (the bundle, src/bundle: its XSTATIC_FULLY_STATIC
# property) stays -Bstatic to the end.
target_link_libraries(xstatic_llvm INTERFACE -Wl,-Bstatic z zstd
                      $<$<NOT:$<BOOL:$<TARGET_PROPERTY:XSTATIC_FULLY_STATIC>>>:-Wl,-Bdynamic> pthread rt dl m)
target_compile_definitions(xstatic_llvm INTERFACE _GNU_SOURCE __STDC_CONSTANT_MACROS
                           __STDC_FORMAT_MACROS __STDC_LIMIT_MACROS)

# --- libarchive, statically (its shared build pulls in libxml2 and ICU at start-up).
find_path(LIBARCHIVE_INCLUDE archive.h)
find_library(LIBARCHIVE_STATIC NAMES libarchive.a)
if(NOT LIBARCHIVE_INCLUDE OR NOT LIBARCHIVE_STATIC)
  xstatic_require_package("libarchive" "libarchive-dev")
endif()
foreach(lib lzma zstd z bz2 lz4 acl nettle)
  find_library(XSTATIC_STATIC_${lib} NAMES lib${lib}.a)
  if(NOT XSTATIC_STATIC_${lib})
    xstatic_require_package("static lib${lib}" "libarchive-dev liblzma-dev libzstd-dev zlib1g-dev libbz2-dev liblz4-dev libacl1-dev nettle-dev")
  endif()
endforeach()
file(STRINGS ${LIBARCHIVE_INCLUDE}/archive.h _ver REGEX "define[ \t]+ARCHIVE_VERSION_ONLY_STRING")
string(REGEX MATCH "[0-9.]+" LibArchive_VERSION "${_ver}")
add_library(xstatic_archive INTERFACE)
target_include_directories(xstatic_archive SYSTEM INTERFACE ${LIBARCHIVE_INCLUDE})
target_compile_definitions(xstatic_archive INTERFACE LIBARCHIVE_STATIC)
target_link_libraries(xstatic_archive INTERFACE ${LIBARCHIVE_STATIC} ${XSTATIC_STATIC_lzma}
  ${XSTATIC_STATIC_zstd} ${XSTATIC_STATIC_z} ${XSTATIC_STATIC_bz2} ${XSTATIC_STATIC_lz4}
  ${XSTATIC_STATIC_acl} ${XSTATIC_STATIC_nettle})

# --- nettle's public-key half (hogweed, on GMP) checks the OpenPGP signatures of
# Debian's archive (src/repo), against the keyring of debian-archive-keyring,
# which is compiled into the binary.
find_path(NETTLE_INCLUDE nettle/eddsa.h)
find_library(XSTATIC_STATIC_hogweed NAMES libhogweed.a)
find_library(XSTATIC_STATIC_gmp NAMES libgmp.a)
if(NOT NETTLE_INCLUDE OR NOT XSTATIC_STATIC_hogweed OR NOT XSTATIC_STATIC_gmp)
  xstatic_require_package("nettle (hogweed) and GMP" "nettle-dev libgmp-dev")
endif()
add_library(xstatic_nettle INTERFACE)
target_include_directories(xstatic_nettle SYSTEM INTERFACE ${NETTLE_INCLUDE})
target_link_libraries(xstatic_nettle INTERFACE ${XSTATIC_STATIC_hogweed} ${XSTATIC_STATIC_nettle}
                      ${XSTATIC_STATIC_gmp})
set(XSTATIC_DEBIAN_KEYRING /usr/share/keyrings/debian-archive-keyring.gpg CACHE FILEPATH
    "Debian's archive keyring, compiled into xstatic (package debian-archive-keyring)")
if(NOT EXISTS ${XSTATIC_DEBIAN_KEYRING})
  xstatic_require_package("${XSTATIC_DEBIAN_KEYRING}" "debian-archive-keyring")
endif()

# --- CLI11, spdlog (header-only, with fmt header-only: no shared libraries at run time).
find_path(CLI11_INCLUDE CLI/CLI.hpp)
if(NOT CLI11_INCLUDE)
  xstatic_require_package("CLI11" "libcli11-dev")
endif()
find_path(SPDLOG_INCLUDE spdlog/spdlog.h)
find_path(FMT_INCLUDE fmt/format.h)
if(NOT SPDLOG_INCLUDE OR NOT FMT_INCLUDE)
  xstatic_require_package("spdlog/fmt" "libspdlog-dev libfmt-dev")
endif()
add_library(xstatic_cli_deps INTERFACE)
target_include_directories(xstatic_cli_deps SYSTEM INTERFACE ${CLI11_INCLUDE} ${SPDLOG_INCLUDE})
target_compile_definitions(xstatic_cli_deps INTERFACE SPDLOG_HEADER_ONLY FMT_HEADER_ONLY)

# --- toml++ (header-only) reads release files (src/release/config.cpp).
find_path(TOMLPLUSPLUS_INCLUDE toml++/toml.h)
if(NOT TOMLPLUSPLUS_INCLUDE)
  xstatic_require_package("toml++" "libtomlplusplus-dev")
endif()

if(XSTATIC_BUILD_TESTS)
  find_path(DOCTEST_INCLUDE doctest/doctest.h)
  if(NOT DOCTEST_INCLUDE)
    xstatic_require_package("doctest" "doctest-dev")
  endif()
endif()
