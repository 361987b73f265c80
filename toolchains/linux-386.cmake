# linux/386 with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-386.cmake
set(XSTATIC_TARGET linux/386)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
