#!/usr/bin/env python3
"""Crafts hostile .deb files and sysroot archives for the sysroot suites.

  sysroot_craft.py deb OUT.deb CASE      a package 'musl-dev' (amd64, version 99) with one hostile member
  sysroot_craft.py import OUT.tar.gz CASE  a sysroot archive with one hostile member
  sysroot_craft.py cuts IN.tar            offsets to cut an exported .tar at: member
                                          boundaries at 1/3 and 2/3, the last member's, one mid-member
  sysroot_craft.py mutate IN.tar OUT.tar CASE   an exported archive with one change: no-index,
                                          drop (a file less), extra (a file more), alter (a byte changed)
Only the standard library: ar is written by hand (deb(5)), tar by tarfile.
"""
import hashlib
import io
import json
import sys
import tarfile
import time


def tar_bytes(members, compression="xz"):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:" + compression, format=tarfile.GNU_FORMAT) as tar:
        for info, data in members:
            info.mtime = int(time.time())
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def entry(name, kind=tarfile.REGTYPE, data=b"", link=""):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.mode = 0o755 if kind == tarfile.DIRTYPE else 0o644
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    return info, (data if kind == tarfile.REGTYPE else None)


def ar_bytes(members):
    out = b"!<arch>\n"
    for name, data in members:
        header = f"{name:<16}{int(time.time()):<12}{0:<6}{0:<6}{'100644':<8}{len(data):<10}`\n"
        out += header.encode() + data + (b"\n" if len(data) % 2 else b"")
    return out


HOSTILE = {
    "absolute": [entry("/tmp/xstatic-escape-absolute", data=b"pwned\n")],
    "dotdot": [entry("./usr/include/../../../xstatic-escape-dotdot", data=b"pwned\n")],
    "symlink": [entry("./usr/include/evil", tarfile.SYMTYPE, link="../../../../../../../../tmp"),
                entry("./usr/include/evil/xstatic-escape-symlink", data=b"pwned\n")],
    "through-symlink": [entry("./usr/include/root", tarfile.SYMTYPE, link="/"),
                        entry("./usr/include/root/xstatic-escape-through", data=b"pwned\n")],
    "hardlink": [entry("./usr/include/h", tarfile.LNKTYPE, link="../../../../../../etc/passwd")],
}


def craft_deb(out, case):
    control = tar_bytes([entry("./control", data=b"Package: musl-dev\nVersion: 99\nArchitecture: amd64\n"
                                                b"Maintainer: test\nDescription: hostile\n")])
    data = tar_bytes([entry("./", tarfile.DIRTYPE), entry("./usr/", tarfile.DIRTYPE),
                      entry("./usr/include/", tarfile.DIRTYPE)] + HOSTILE[case])
    with open(out, "wb") as f:
        f.write(ar_bytes([("debian-binary", b"2.0\n"), ("control.tar.xz", control), ("data.tar.xz", data)]))


def index_entry(name, files):
    """The first member of an exported archive: xstatic-sysroot.json for `files` (path -> bytes)."""
    digests = {p: "sha256:" + hashlib.sha256(d).hexdigest() for p, d in files.items()}
    text = json.dumps({"format": "xstatic-sysroot/1", "sysroot": name, "files": digests}).encode()
    return entry("xstatic-sysroot.json", data=text)


def craft_import(out, case):
    manifest = (b'{"name":"amd64-musl","target":"linux/amd64","libc":"musl","debian_arch":"amd64",'
                b'"triple":"x86_64-linux-musl","xstatic_version":"0","packages":[{"name":"musl-dev",'
                b'"version":"1","architecture":"amd64","sha256":"00"}]}')
    members = [entry("amd64-musl/", tarfile.DIRTYPE), entry("amd64-musl/manifest.json", data=manifest)]
    if case == "dotdot":
        members.append(entry("amd64-musl/../xstatic-escape-import", data=b"pwned\n"))
    elif case == "symlink":
        members.append(entry("amd64-musl/usr", tarfile.SYMTYPE, link="../../../../../../tmp"))
    elif case == "wrong-manifest":
        members[1] = entry("amd64-musl/manifest.json", data=manifest.replace(b'"linux/amd64"', b'"linux/arm64"'))
    members.insert(0, index_entry("amd64-musl", {"manifest.json": members[1][1]}))
    with open(out, "wb") as f:
        f.write(tar_bytes(members, "gz"))


def cuts(path):
    with tarfile.open(path) as tar:
        members = tar.getmembers()
    starts = [m.offset for m in members]
    files = [m for m in members if m.isfile() and m.size > 4096]
    mid = files[len(files) // 2]
    return [starts[len(starts) // 3], starts[2 * len(starts) // 3], starts[-1], mid.offset_data + mid.size // 2]


def mutate(src, out, case):
    with tarfile.open(src) as tar:
        members = [(m, tar.extractfile(m).read() if m.isfile() else None) for m in tar.getmembers()]
    files = [i for i, (m, _) in enumerate(members) if m.isfile() and m.name != "xstatic-sysroot.json"]
    if case == "no-index":
        members = members[1:]
    elif case == "drop":
        del members[files[-1]]
    elif case == "extra":
        info, data = entry(members[files[0]][0].name + ".extra", data=b"not exported\n")
        members.append((info, data))
    elif case == "alter":
        m, data = members[files[len(files) // 2]]
        members[files[len(files) // 2]] = (m, bytes([data[0] ^ 1]) + data[1:])
    with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as tar:
        for m, data in members:
            tar.addfile(m, io.BytesIO(data) if data is not None else None)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "cuts":
        print(" ".join(str(c) for c in cuts(sys.argv[2])))
    elif kind == "mutate":
        mutate(*sys.argv[2:5])
    else:
        out, case = sys.argv[2:4]
        (craft_deb if kind == "deb" else craft_import)(out, case)
