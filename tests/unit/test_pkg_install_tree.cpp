// A package's .pc files are rewritten for prefix /usr so that they work
// wherever the package lands (another store, after an import).
#include <doctest/doctest.h>

#include "pkg/internal.hpp"

using xstatic::pkg::detail::relocated_pc_line;

TEST_CASE("prefix becomes the .pc file's own place, other /usr paths hang off it") {
  CHECK(relocated_pc_line("prefix=/usr") == "prefix=${pcfiledir}/../..");
  CHECK(relocated_pc_line("prefix=/usr/") == "prefix=${pcfiledir}/../..");
  CHECK(relocated_pc_line("libdir=/usr/lib") == "libdir=${prefix}/lib");  // zlib spells it out
  CHECK(relocated_pc_line("Libs: -L/usr/lib -lz") == "Libs: -L${prefix}/lib -lz");
  CHECK(relocated_pc_line("Cflags: -I/usr/include/foo") == "Cflags: -I${prefix}/include/foo");
  CHECK(relocated_pc_line("libdir=${prefix}/lib") == "libdir=${prefix}/lib");
  // Not a path of the prefix: left alone.
  CHECK(relocated_pc_line("Description: tools for /usrx and a/usr/b") ==
        "Description: tools for /usrx and a/usr/b");
  CHECK(relocated_pc_line("exec_prefix=/usrlocal") == "exec_prefix=/usrlocal");
}
