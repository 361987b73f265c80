# -DXSTATIC_SANITIZE=address,undefined builds xstatic, its libraries and the
# unit tests with those sanitizers (any list -fsanitize= takes). Debian's LLVM
# and libarchive static libraries are not instrumented: ASan still checks our
# code and every access we make into their buffers. scripts/sanitize.sh runs
# the whole CTest suite in such a build; the sanitize_suite suite does the
# same on every CTest run (all but the suites with nothing new to check).
set(XSTATIC_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined (empty: none)")
if(XSTATIC_SANITIZE)
  set(xstatic_sanitize_flags -fsanitize=${XSTATIC_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  if(XSTATIC_SANITIZE MATCHES "undefined")
    # vptr checks need RTTI that Debian's LLVM libraries are built without.
    list(APPEND xstatic_sanitize_flags -fno-sanitize=vptr)
  endif()
  # -O0 (after the build type's -O2, so it wins) and line tables only: an
  # instrumented -O2 compile took 2.4x the CPU of -O0 here (runtimes/transfer.cpp:
  # 15.8 s against 6.7 s), the build was most of sanitize_suite's 24 minutes in
  # CI, and -O0 hides no access from the sanitizers. What the suites spend is
  # in clang, lld and qemu, not in xstatic's own code.
  add_compile_options(${xstatic_sanitize_flags} -O0 -g1)
  add_link_options(${xstatic_sanitize_flags})
  message(STATUS "xstatic: sanitizers ${XSTATIC_SANITIZE}")
endif()
