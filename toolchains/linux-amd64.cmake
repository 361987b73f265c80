# linux/amd64 with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-amd64.cmake
set(XSTATIC_TARGET linux/amd64)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
