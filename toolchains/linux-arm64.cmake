# linux/arm64 with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-arm64.cmake
set(XSTATIC_TARGET linux/arm64)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
