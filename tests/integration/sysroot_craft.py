#!/usr/bin/env python3
"""Crafts hostile .deb files and sysroot archives for the sysroot suites.

  sysroot_craft.py deb OUT.deb CASE      a package 'musl-dev' (amd64, version 99) with one hostile member
  sysroot_craft.py import OUT.tar.gz CASE  a sysroot archive with one hostile member
Only the standard library: ar is written by hand (deb(5)), tar by tarfile.
"""
import io
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
    with open(out, "wb") as f:
        f.write(tar_bytes(members, "gz"))


if __name__ == "__main__":
    kind, out, case = sys.argv[1:4]
    (craft_deb if kind == "deb" else craft_import)(out, case)
