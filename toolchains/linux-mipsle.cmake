# linux/mipsle with xstatic (musl; add -DXSTATIC_LIBC=glibc for glibc).
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<dir>/linux-mipsle.cmake
set(XSTATIC_TARGET linux/mipsle)
include("${CMAKE_CURRENT_LIST_DIR}/xstatic.cmake")
