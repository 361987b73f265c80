# CMake toolchain file of xstatic: static, verified cross builds with one line.
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-arm64.cmake
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/xstatic.cmake -DXSTATIC_TARGET=linux/arm64 [-DXSTATIC_LIBC=glibc]
#   XSTATIC_TARGET=linux/arm64 XSTATIC_LIBC=glibc cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/xstatic.cmake
#
# The settings themselves (CMAKE_SYSTEM_NAME/PROCESSOR, one-word compilers,
# CMAKE_SYSROOT, find-root modes, llvm-ar/ranlib/strip, pkg-config, and
# CMAKE_CROSSCOMPILING_EMULATOR for ctest) come from `xstatic toolchain cmake`,
# so a copy of this file vendored into a project never drifts from xstatic.
# xstatic is found as -DXSTATIC_EXECUTABLE, else $XSTATIC, else beside this
# file: an installed copy (<prefix>/share/xstatic/toolchains -> <prefix>/bin)
# or the source tree's (toolchains/ -> build/src, where README's set-up
# command leaves it), else on PATH.

# CMake reads a toolchain file again for every try_compile() project, which
# sees the environment but not our cache: hand the choices down through it.
foreach(_xs_var XSTATIC_TARGET XSTATIC_LIBC)
  if(NOT ${_xs_var} AND DEFINED ENV{${_xs_var}})
    set(${_xs_var} "$ENV{${_xs_var}}")
  endif()
  if(${_xs_var})
    set(ENV{${_xs_var}} "${${_xs_var}}")
  endif()
endforeach()
if(NOT XSTATIC_TARGET)
  message(FATAL_ERROR "xstatic.cmake: no target: pass -DXSTATIC_TARGET=linux/arm64 "
                      "(or use a per-target file such as linux-arm64.cmake; 'xstatic targets' lists them)")
endif()

if(NOT XSTATIC_EXECUTABLE AND DEFINED ENV{XSTATIC})
  set(XSTATIC_EXECUTABLE "$ENV{XSTATIC}")
endif()
if(NOT XSTATIC_EXECUTABLE)
  find_program(XSTATIC_EXECUTABLE xstatic NO_CACHE
               HINTS "${CMAKE_CURRENT_LIST_DIR}/../../../bin" "${CMAKE_CURRENT_LIST_DIR}/../build/src")
endif()
if(NOT XSTATIC_EXECUTABLE)
  message(FATAL_ERROR "xstatic.cmake: the xstatic program was not found beside this file "
                      "(${CMAKE_CURRENT_LIST_DIR}/../../../bin, ${CMAKE_CURRENT_LIST_DIR}/../build/src) "
                      "nor on PATH: put it on PATH or pass -DXSTATIC_EXECUTABLE=/path/to/xstatic")
endif()
set(ENV{XSTATIC} "${XSTATIC_EXECUTABLE}")

set(_xs_args -q toolchain cmake "${XSTATIC_TARGET}")
if(XSTATIC_LIBC)
  list(APPEND _xs_args --libc "${XSTATIC_LIBC}")
endif()
set(_xs_file "${CMAKE_BINARY_DIR}/CMakeFiles/xstatic-toolchain.cmake")
execute_process(COMMAND "${XSTATIC_EXECUTABLE}" ${_xs_args} -o "${_xs_file}"
                RESULT_VARIABLE _xs_rc ERROR_VARIABLE _xs_err)
if(NOT _xs_rc EQUAL 0)
  message(FATAL_ERROR "xstatic.cmake: '${XSTATIC_EXECUTABLE} ${_xs_args}' failed:\n${_xs_err}")
endif()
include("${_xs_file}")
