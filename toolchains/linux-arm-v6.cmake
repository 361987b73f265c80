# linux/arm/v6 with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-arm-v6.cmake
set(XSTATIC_TARGET linux/arm/v6)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
