# Packages for windows/amd64 (mingw-w64), run under wine: zlib and nghttp2
# built from Debian's source with xstatic's Windows toolchain, every archive
# member checked to be an x86-64 COFF object, each smoke program linked with
# nothing but -l<its library> (the system libraries a package needs, such as
# OpenSSL's ws2_32, gdi32 and crypt32, come from its manifest), verified
# static (no DLL but Windows' own) and run.
#
# CI builds the small ones; XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh)
# adds OpenSSL (Configure mingw64, minutes), curl and SQLite, and pkg_https
# then fetches HTTPS under wine too.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make
need cmake
need perl
need x86_64-w64-mingw32-gcc
wine_runs windows/amd64 || skip "wine64 is not installed (scripts/setup.sh installs wine and wine64)"
use_wine

t=windows/amd64
names=(zlib nghttp2)
if [ "${XSTATIC_PKG_MATRIX:-}" = full ]; then
  names+=(openssl curl sqlite3)
else
  echo "note: openssl, curl and sqlite3 on $t are left to XSTATIC_PKG_MATRIX=full (scripts/pkg-matrix.sh)"
fi
pkg_need "$t" "${names[@]}"
lib_of() { "$XSTATIC" pkg recipes --json | python3 -c "import json, sys; print(next(r['libs'][0] for r in json.load(sys.stdin) if r['name'] == '$1'))"; }
for name in "${names[@]}"; do
  exe=$name-windows-amd64.exe
  pkg_build "$t" "$name" "$exe" "-l$(lib_of "$name")"
  # Only Windows' own DLLs: nothing of a package is left to load at run time.
  dlls=$("$XSTATIC" inspect "$exe" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
r = r[0] if isinstance(r, list) else r
imports = r["imports"]
assert imports, "no imports at all: not a Windows program?"
print(" ".join(sorted(i["name"].lower() + ("" if i["system"] else "(not Windows)") for i in imports)))')
  case " $dlls " in *"(not Windows)"*) fail "$exe loads a DLL that is not Windows' own: $dlls" ;; esac
  out=$(pkg_run "$t" "./$exe" 2>&1) || fail "$name's smoke program failed under wine: $out"
  expect_contains "$out" " ok"
  echo "$t: $out (DLLs: $dlls)"
done

list=$("$XSTATIC" pkg list "$t" --json)
expect_contains "$list" '"target": "windows/amd64"'
expect_contains "$list" "amd64-mingw"
echo "ok: ${names[*]} built for $t and run under wine"
