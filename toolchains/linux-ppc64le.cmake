# linux/ppc64le with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-ppc64le.cmake
set(XSTATIC_TARGET linux/ppc64le)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
