# linux/mips64le with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-mips64le.cmake
set(XSTATIC_TARGET linux/mips64le)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
