# linux/arm/v7 with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-arm-v7.cmake
set(XSTATIC_TARGET linux/arm/v7)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
