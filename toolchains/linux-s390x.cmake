# linux/s390x with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-s390x.cmake
set(XSTATIC_TARGET linux/s390x)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
