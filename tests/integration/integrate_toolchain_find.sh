#!/usr/bin/env bash
# The vendored CMake toolchain files find xstatic without PATH or $XSTATIC:
# beside an installed copy (<prefix>/share/xstatic/toolchains -> <prefix>/bin)
# and in the source tree's build folder (toolchains/ -> build/src), where
# README's set-up command leaves it. Anywhere else they say where they looked.
. "$(dirname "$0")/lib/common.sh"
need cmake
need ninja
need clang-19
need_sysroot linux/amd64

# PATH without xstatic (the folder of $XSTATIC is not on it; checked below).
xs=$XSTATIC
export PATH=/usr/local/bin:/usr/bin:/bin
unset XSTATIC
! command -v xstatic >/dev/null || skip "an xstatic is installed on PATH ($(command -v xstatic)): nothing to prove"

mkdir proj
printf 'cmake_minimum_required(VERSION 3.16)\nproject(p C)\nadd_executable(app main.c)\n' >proj/CMakeLists.txt
printf '#include <stdio.h>\nint main(void) { puts("found"); return 0; }\n' >proj/main.c

configure_and_run() { # toolchain-file label
  cmake -S proj -B "b-$2" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$1" >"$2.log" 2>&1 || fail "$2: configure: $(tail -5 "$2.log")"
  cmake --build "b-$2" >>"$2.log" 2>&1 || fail "$2: build: $(tail -5 "$2.log")"
  [ "$("b-$2/app")" = found ] || fail "$2: app did not run"
  readelf -l "b-$2/app" | grep -q INTERP && fail "$2: app is dynamic"
  echo "ok: $2: found xstatic, app is static"
}

# The install prefix layout, made by CMake's own install rules.
cmake --install "$XSTATIC_BUILD_DIR" --prefix "$WORK/prefix" >/dev/null
configure_and_run "$WORK/prefix/share/xstatic/toolchains/linux-amd64.cmake" installed

# The source tree layout: toolchains/ beside build/src/xstatic.
mkdir -p tree/build/src
cp -r "$SRC/toolchains" tree/
cp "$xs" tree/build/src/xstatic
configure_and_run "$WORK/tree/toolchains/linux-amd64.cmake" source-tree

# Neither: the error names the places it looked and how to fix it.
mkdir alone && cp -r "$SRC/toolchains" alone/
if cmake -S proj -B b-alone -G Ninja -DCMAKE_TOOLCHAIN_FILE="$WORK/alone/toolchains/linux-amd64.cmake" >alone.log 2>&1; then
  fail "configure without any xstatic succeeded"
fi
expect_contains "$(cat alone.log)" "the xstatic program was not found beside this file"
expect_contains "$(cat alone.log)" "-DXSTATIC_EXECUTABLE"
echo "ok: no xstatic anywhere: the error says where it looked"
