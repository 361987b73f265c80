#!/usr/bin/env python3
"""Seed corpora for the fuzzers that read archives and text.

    seeds.py deb|import|args|target|release|sbom|openpgp|debindex|fetch DIR

deb: .deb files as dpkg-deb lays them out (ar: debian-binary, control.tar.*,
data.tar.*) with every data.tar compression deb(5) allows (none, gz, xz, zst,
bz2, lzma), and hostile members: absolute and '..' paths, a symlink leading
out then written through, symlinks climbing above the root, hard links to
outside files, a folder of mode 000, device nodes and fifos.
import: sysroot archives as `sysroot export` writes them (an index,
xstatic-sysroot.json, then a top folder with manifest.json), valid for
linux/amd64 musl, and hostile, truncated or unindexed ones.
openpgp: Debian's InRelease, texts gpg signed (Ed25519, RSA), keyrings,
bare signature packets. debindex: a Release text, a Packages and a Sources index.
fetch: HTTP responses (length, chunked, close-delimited, redirect), a URL, apt sources.
args, target, release: command lines (with a response file after a NUL),
target names and environments, release files.
"""
import base64
import hashlib
import io
import json
import lzma
import os
import shutil
import subprocess
import sys
import tarfile
import bz2
import gzip


def ar(members):
    out = bytearray(b"!<arch>\n")
    for name, data in members:
        hdr = f"{name:<16}{0:<12}{0:<6}{0:<6}{'100644':<8}{len(data):<10}`\n".encode()
        out += hdr + data
        if len(data) % 2:
            out += b"\n"
    return bytes(out)


def tar(entries):
    """entries: (name, kind, payload) with kind file|dir|symlink|hardlink|fifo|chr|dir000."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, kind, payload in entries:
            ti = tarfile.TarInfo(name)
            ti.mtime = 1700000000
            data = b""
            if kind == "file":
                data = payload
                ti.size = len(data)
                ti.mode = 0o644
            elif kind in ("dir", "dir000"):
                ti.type = tarfile.DIRTYPE
                ti.mode = 0 if kind == "dir000" else 0o755
            elif kind == "symlink":
                ti.type = tarfile.SYMTYPE
                ti.linkname = payload
            elif kind == "hardlink":
                ti.type = tarfile.LNKTYPE
                ti.linkname = payload
            elif kind == "fifo":
                ti.type = tarfile.FIFOTYPE
            elif kind == "chr":
                ti.type = tarfile.CHRTYPE
                ti.devmajor, ti.devminor = 1, 3
            t.addfile(ti, io.BytesIO(data) if data else None)
    return buf.getvalue()


def compress(data, kind):
    if kind == "":
        return data
    if kind == ".gz":
        return gzip.compress(data, mtime=0)
    if kind == ".xz":
        return lzma.compress(data)
    if kind == ".lzma":
        return lzma.compress(data, format=lzma.FORMAT_ALONE)
    if kind == ".bz2":
        return bz2.compress(data)
    if kind == ".zst":
        return subprocess.run(["zstd", "-q", "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout
    raise ValueError(kind)


CONTROL = b"Package: fuzz\nVersion: 1:2.3-4~b1\nArchitecture: amd64\nDescription: seed\n"


def deb(data_entries, comp=".xz", control=CONTROL, control_comp=".xz"):
    control_tar = compress(tar([("./", "dir", None), ("./control", "file", control)]), control_comp)
    data_tar = compress(tar(data_entries), comp)
    return ar([("debian-binary", b"2.0\n"), ("control.tar" + control_comp, control_tar),
               ("data.tar" + comp, data_tar)])


NORMAL = [("./", "dir", None), ("./usr/", "dir", None), ("./usr/include/", "dir", None),
          ("./usr/include/stdio.h", "file", b"int puts(const char*);\n"),
          ("./usr/lib/", "dir", None), ("./usr/lib/libc.a", "file", b"!<arch>\n"),
          ("./usr/lib/libc.so", "symlink", "libc.a"),
          ("./usr/lib/crt1.o", "hardlink", "./usr/lib/libc.a"),
          ("./usr/lib/abs", "symlink", "/usr/include/stdio.h")]

HOSTILE = {
    "abs-path": [("/tmp/xstatic-fuzz-escape", "file", b"x")],
    "dotdot": [("./usr/../../escape", "file", b"x")],
    "symlink-out-then-write": [("./out", "symlink", "../"), ("./out/escape", "file", b"x")],
    "symlink-abs-dir-then-write": [("./etc", "symlink", "/"), ("./etc/canary", "file", b"x")],
    "symlink-climb": [("./a/", "dir", None), ("./a/up", "symlink", "../../canary")],
    "symlink-chain": [("./a", "symlink", "b/.."), ("./b", "symlink", ".."), ("./a/canary", "file", b"x")],
    "hardlink-out": [("./h", "hardlink", "../canary")],
    "hardlink-abs": [("./h", "hardlink", "/etc/passwd")],
    "hardlink-through-symlink": [("./l", "symlink", ".."), ("./h", "hardlink", "l/canary")],
    # A hard link to a symlink is a second symlink with the same text in another folder.
    "hardlink-to-symlink": [("./a/", "dir", None), ("./a/b/", "dir", None), ("./a/b/l", "symlink", "../../x"),
                            ("./h", "hardlink", "./a/b/l")],
    "dir000": [("./locked/", "dir000", None), ("./locked/file", "file", b"x")],
    "devices": [("./null", "chr", None), ("./fifo", "fifo", None)],
    "replace-dir-with-link": [("./d/", "dir", None), ("./d", "symlink", ".."), ("./d/canary", "file", b"x")],
    "long-name": [("./" + "a" * 300, "file", b"x")],
    "empty-name": [("", "file", b"x")],
}


def claim_size(tar_bytes, size):
    """The first header of a tar claims `size` bytes (checksum fixed), whatever follows."""
    h = bytearray(tar_bytes[:512])
    h[124:136] = f"{size:011o}\0".encode()
    h[148:156] = b" " * 8
    h[148:156] = f"{sum(h):06o}\0 ".encode()
    return bytes(h) + tar_bytes[512:]


def seeds_deb(out):
    # A control file claiming 8 GiB: must be an error, not an 8 GiB allocation.
    huge = claim_size(tar([("./control", "file", CONTROL)]), 0o77777777777)
    write(out, "control-huge-size.deb", ar([("debian-binary", b"2.0\n"), ("control.tar", huge),
                                            ("data.tar", tar(NORMAL))]))
    for comp in ["", ".gz", ".xz", ".zst", ".bz2", ".lzma"]:
        write(out, f"normal{comp or '.tar'}.deb", deb(NORMAL, comp, control_comp=comp or ".gz"))
    for name, entries in HOSTILE.items():
        write(out, f"hostile-{name}.deb", deb(NORMAL[:2] + entries, ".gz", control_comp=".gz"))
    # Damaged outer forms: no data member, wrong order, odd sizes, truncated.
    good = deb(NORMAL, ".gz", control_comp=".gz")
    write(out, "no-data.deb", ar([("debian-binary", b"2.0\n"), ("control.tar.gz", compress(tar([]), ".gz"))]))
    write(out, "truncated.deb", good[: len(good) // 2])
    write(out, "control-fields.deb", deb(NORMAL[:1], ".gz", control=b"Package:\n Version: x\nArchitecture:" + b" " * 70 + b"\n", control_comp=".gz"))
    if shutil.which("dpkg-deb"):
        real = os.path.join(out, "pkg")
        os.makedirs(os.path.join(real, "DEBIAN"), exist_ok=True)
        os.makedirs(os.path.join(real, "usr/share/doc/fuzz"), exist_ok=True)
        with open(os.path.join(real, "DEBIAN/control"), "wb") as f:
            f.write(CONTROL + b"Maintainer: x <x@x.invalid>\n")
        with open(os.path.join(real, "usr/share/doc/fuzz/README"), "w") as f:
            f.write("seed\n")
        for comp in ["gzip", "xz", "zstd", "none"]:
            subprocess.run(["dpkg-deb", "--root-owner-group", "-Z" + comp, "--build", real,
                            os.path.join(out, f"dpkg-deb-{comp}.deb")], check=True, stdout=subprocess.DEVNULL)
        shutil.rmtree(real)


MANIFEST = {"name": "amd64-musl", "target": "linux/amd64", "libc": "musl", "debian_arch": "amd64",
            "triple": "x86_64-linux-musl", "xstatic_version": "0.1.0", "recipe_fingerprint": "",
            "packages": [{"name": "musl-dev", "version": "1.2.3-1", "architecture": "amd64", "sha256": "00" * 32}]}


def sysroot_index(top, tree):
    """xstatic-sysroot.json for `tree` as import extracts it (hard links are copies,
    absolute symlinks are made relative), the first member `sysroot export` writes."""
    files, data = {}, {}
    for name, kind, payload in tree:
        rel = name[len(top) + 1:]
        if kind == "file":
            data[rel] = payload
        elif kind == "hardlink":
            data[rel] = data.get(payload[len(top) + 1:], b"")
        elif kind == "symlink":
            link = payload
            if link.startswith("/"):
                link = os.path.relpath(link[1:], os.path.dirname(rel) or ".")
            files[rel] = "link:" + link
    for rel, d in data.items():
        files[rel] = "sha256:" + hashlib.sha256(d).hexdigest()
    text = json.dumps({"format": "xstatic-sysroot/1", "sysroot": top, "files": files}, indent=2).encode()
    return ("xstatic-sysroot.json", "file", text)


def seeds_import(out):
    manifest = json.dumps(MANIFEST, indent=2).encode()
    top = "amd64-musl"
    tree = [(top + "/", "dir", None), (top + "/manifest.json", "file", manifest)] + \
           [(top + e[0][1:], e[1], e[2]) for e in NORMAL[1:]]
    # Hard links inside the tree name their target from the archive's root.
    tree = [(n, k, top + p[1:] if k == "hardlink" else p) for n, k, p in tree]
    index = sysroot_index(top, tree)
    for comp in ["", ".gz", ".xz", ".zst"]:
        write(out, f"sysroot.tar{comp}", compress(tar([index] + tree), comp))
    whole = tar([index] + tree)
    write(out, "sysroot-unindexed.tar", tar(tree))
    write(out, "sysroot-truncated.tar", whole[: len(whole) // 2 // 512 * 512])
    write(out, "sysroot-file-missing.tar", tar([index] + tree[:-2]))
    write(out, "manifest.json", manifest)
    bad = dict(MANIFEST, name="../amd64-musl")
    bad_tree = [(top + "/", "dir", None), (top + "/manifest.json", "file", json.dumps(bad).encode())]
    write(out, "manifest-mismatch.tar", tar([sysroot_index(top, bad_tree)] + bad_tree))
    for name, entries in HOSTILE.items():
        rebased = [(top + "/" + e[0][2:] if e[0].startswith("./") else e[0], e[1], e[2]) for e in entries]
        write(out, f"hostile-{name}.tar", tar([index] + tree[:2] + rebased))
    write(out, "no-top.tar", tar([("manifest.json", "file", manifest)]))
    write(out, "dot-top.tar", tar([("./", "dir", None), ("./.hidden/manifest.json", "file", manifest)]))


def seeds_args(out):
    lines = {
        "compile": ["-c", "main.c", "-o", "main.o", "-O2", "-Wall"],
        "link": ["main.o", "util.o", "-o", "app", "-lm", "-Wl,--gc-sections", "-static"],
        "own": ["--target", "linux/arm64", "--libc=glibc", "--strip", "debug", "--pie", "--malloc=mimalloc",
                "--launcher", "ccache", "main.c"],
        "preprocess": ["-E", "-", "-x", "c", "-DX=1", "-I", "inc"],
        "shared": ["-shared", "-fPIC", "a.c", "-o", "liba.so", "-Wl,-soname,liba.so"],
        "misc": ["-MD", "-MF", "dep.d", "-g", "-gsplit-dwarf", "-fuse-ld=bfd", "--ld-path=/bin/ld", "-nostdlib",
                 "--", "-weird.c"],
        "missing-value": ["--target"],
        "bad-libc": ["--libc=newlib", "--strip=odd"],
    }
    for name, args in lines.items():
        write(out, name, "\n".join(args).encode() + b"\0" + b"-O2 'a b.c' \"c\\\"d\" @nested.rsp\n--target=linux/amd64")
    write(out, "rsp-only", b"\0" + "\n".join(f"obj{i}.o" for i in range(50)).encode())


def seeds_target(out):
    specs = ["linux/arm64", "linux/arm/v7", "linux/amd64/v3", "linux/arm64/v8", "linux/386", "windows/amd64",
             "darwin/arm64", "wasip1/wasm", "aarch64-linux-musl", "x86_64-unknown-linux-gnu",
             "armv7-linux-gnueabihf", "x86_64-w64-mingw32", "aarch64-linux-musl-cc", "linux-arm-v7-gcc",
             "mips64el-linux-gnuabi64", "s390x-linux-gnu", "powerpc64le-linux-musl", "wasm32-wasi"]
    for i, s in enumerate(specs):
        write(out, f"spec{i}", s.encode())
    write(out, "env-arm", b"linux\narm\n7\n\n")
    write(out, "env-amd64", b"linux\namd64\n\nv3\n")
    write(out, "versions", b"1:2.3-4~b1\x002.3-4")
    write(out, "versions2", b"1.0~rc1+dfsg-2\x001.0-2")


RELEASE = b'''name = "wordstat"
version = "1.2.0"
targets = ["linux/amd64", "linux/arm64", { target = "linux/amd64", libc = "glibc" }, "windows/amd64"]
binaries = ["wordstat-cli"]
extra_files = ["LICENSE", "README*"]
dist = "dist"

[cmake]
source = "."
args = ["-DWITH_FOO=ON"]
targets = ["wordstat-cli"]
'''


def seeds_release(out):
    write(out, "cmake.toml", RELEASE)
    write(out, "make.toml", b'name = "x"\ntargets = ["linux/arm64"]\nbinaries = ["x"]\n[make]\nargs = ["all"]\n')
    write(out, "command.toml", b'name = "x"\ntargets = ["linux/arm/v7"]\nbinaries = ["out/x"]\n[command]\nargs = ["./build.sh", "--fast"]\n')
    write(out, "bad-types.toml", b'name = 3\ntargets = "linux/amd64"\nbinaries = [1]\n[cmake]\n[make]\n')
    write(out, "dates.toml", b'name = "x"\nversion = 1979-05-27T07:32:00Z\ntargets = []\n[cmake]\nsource = "../.."\n')
    write(out, "list", b"linux/amd64,linux/arm64:glibc,windows/386")
    # Path names the file system refuses (a component over 255 bytes).
    long = b"x" * 300
    write(out, "long-extra-file.toml", RELEASE.replace(b'"README*"', b'"' + long + b'"'))
    write(out, "long-glob.toml", RELEASE.replace(b'"README*"', b'"' + long + b'/*"'))
    write(out, "long-source.toml", RELEASE.replace(b'source = "."', b'source = "' + long + b'"'))


SBOM = (b'{"v":1,"target":"linux/amd64","libc":"musl","xstatic":"0.1.0",'
        b'"deb":[["libgcc-12-dev","12.2.0-14+deb12u1"],["musl-dev","1.2.3-1"]],'
        b'"rt":[["libc++","19.1.7"],["mimalloc","2.0.9"]],"pkg":[["zlib","1:1.2.13.dfsg-1","Zlib"]],'
        b'"ar":[["vendor/libfoo.a","' + b"ab" * 32 + b'"]]}')


def seeds_sbom(out):
    write(out, "full.json", SBOM)
    write(out, "minimal.json", b'{"v":1,"target":"linux/arm64","libc":"glibc","xstatic":"0.1.0"}')
    write(out, "padded.json", SBOM + b"\0\0\0")
    write(out, "future.json", SBOM.replace(b'"v":1', b'"v":2'))
    write(out, "deep.json", b"[" * 5000 + b"]" * 5000)
    write(out, "escape.json", SBOM.replace(b"musl-dev", b"musl\\u001b[2Jdev"))
    write(out, "wrong-arity.json", SBOM.replace(b'"Zlib"]', b'"Zlib","x"]'))


REPO_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "unit", "data", "repo")


def repo_fixture(name):
    with open(os.path.join(REPO_DATA, name), "rb") as f:
        return f.read()


def seeds_openpgp(out):
    in_release = repo_fixture("bookworm-updates.InRelease")
    write(out, "InRelease", in_release)
    for name in ("signed-ed25519.txt", "signed-rsa.txt", "signed-both.txt", "test-keyring.gpg"):
        write(out, name, repo_fixture(name))
    # A short signed text with Debian's armor (its signatures then fail, but every step runs).
    body = in_release[in_release.index(b"-----BEGIN PGP SIGNATURE-----"):]
    write(out, "short-text", b"-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- -x\nCodename: y\n" + body)
    write(out, "crlf", repo_fixture("signed-ed25519.txt").replace(b"\n", b"\r\n"))
    write(out, "no-crc", repo_fixture("signed-rsa.txt").split(b"\n=")[0] + b"\n-----END PGP SIGNATURE-----\n")
    # Binary: the signature packets alone, and a keyring of one Ed25519 key (from the tests' keyring).
    b64 = b"".join(body.split(b"\n\n", 1)[1].split(b"\n=")[0].split())
    write(out, "signatures.bin", base64.b64decode(b64))
    for path in ("/usr/share/keyrings/debian-archive-bookworm-stable.gpg",):
        if os.path.exists(path):
            with open(path, "rb") as f:
                write(out, "bookworm-stable.gpg", f.read())


def seeds_debindex(out):
    in_release = repo_fixture("bookworm-updates.InRelease")
    text = in_release.split(b"\n\n", 1)[1].split(b"\n-----BEGIN PGP SIGNATURE-----")[0] + b"\n"
    write(out, "Release", text[:4000] + b"\n")
    packages = repo_fixture("bookworm-updates_main_binary-arm64_Packages")
    write(out, "Packages", packages[:4000])
    write(out, "Sources", repo_fixture("bookworm-updates_main_source_Sources")[:4000])
    sum_ = hashlib.sha256(b"x").hexdigest().encode()
    write(out, "self-listed", b"Suite: s\nSHA256:\n " + sum_ + b" 1 x\n")
    write(out, "bad-lines", b"Suite: s\nSHA256:\n 00 1 x\n zz 1\n\tcontinued\nPackage: p\nSize: -1\n")
    write(out, "stanzas", b"Package: a\nFilename: pool/a.deb\nSize: 1\nSHA256: " + sum_ + b"\n\n\nPackage: b\n")


def seeds_fetch(out):
    write(out, "http-length", b"\x05HTTP/1.1 200 OK\r\nContent-Length: 5\r\nServer: x\r\n\r\nhello")
    write(out, "http-chunked", b"\x02HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
          b"5;e=1\r\nhello\r\n0\r\nTrailer: t\r\n\r\n")
    write(out, "http-close", b"\x00HTTP/1.0 404 Not Found\n\nuntil the end")
    write(out, "http-redirect", b"\x10HTTP/1.1 301 Moved\r\nLocation: /debian/\r\nContent-Length: 0\r\n\r\n")
    write(out, "url", b"http://mirror.example:8080/debian/dists?q=1#f")
    write(out, "sources-list", b"# c\ndeb [ arch=amd64 ] http://a.example/debian bookworm main contrib\n"
          b"deb-src http://a.example/debian bookworm-security main # c\ndeb http://b.example ./\n")
    write(out, "sources-deb822", b"Types: deb deb-src\nURIs: http://a.example/debian\nSuites: bookworm\n"
          b" bookworm-updates\nComponents: main\n# c\n\nTypes: deb\nURIs: http://b.example/\n"
          b"Suites: bullseye-security\nComponents: main\nEnabled: no\n")


def write(out, name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    {"deb": seeds_deb, "import": seeds_import, "args": seeds_args, "target": seeds_target,
     "release": seeds_release, "sbom": seeds_sbom, "openpgp": seeds_openpgp, "fetch": seeds_fetch,
     "debindex": seeds_debindex}[kind](out)
