# linux/amd64/v3 with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-amd64-v3.cmake
set(XSTATIC_TARGET linux/amd64/v3)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
