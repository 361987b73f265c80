#!/usr/bin/env python3
"""Writes broken copies of the test binaries: truncations at many offsets,
flipped bytes, and targeted header patches (e_phnum = PN_XNUM, huge e_shnum,
wrong e_phentsize, PT_DYNAMIC past the end or without DT_NULL, string offsets
out of range, PT_NOTE offsets that overflow, Mach-O cmdsize 0 or past
sizeofcmds, overlapping/repeated fat slices, PE data directories outside
every section).

usage: corrupt.py SEED_DIR OUT_DIR   (prints how many files it wrote)
"""
import os
import random
import struct
import sys

seed_dir, out_dir = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)
rng = random.Random(20261126)
written = 0


def emit(name, data):
    global written
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(bytes(data))
    written += 1


def put(data, fmt, off, value):
    if off + struct.calcsize(fmt) <= len(data):
        struct.pack_into(fmt, data, off, value)


def elf_patches(name, d):
    is64, e = d[4] == 2, "<" if d[5] == 1 else ">"
    a = "Q" if is64 else "I"
    o = {  # header field offsets
        "phoff": 32 if is64 else 28, "shoff": 40 if is64 else 32, "phentsize": 54 if is64 else 42,
        "phnum": 56 if is64 else 44, "shentsize": 58 if is64 else 46, "shnum": 60 if is64 else 48,
        "shstrndx": 62 if is64 else 50,
    }
    get = lambda f, off: struct.unpack_from(e + f, d, off)[0]
    def variant(tag, field, fmt, value):
        c = bytearray(d)
        put(c, e + fmt, o[field], value)
        emit("%s.%s" % (name, tag), c)
    variant("phnum-xnum", "phnum", "H", 0xFFFF)
    variant("phnum-huge", "phnum", "H", 0xFFFE)
    variant("shnum-huge", "shnum", "H", 0xFFFF)
    variant("shnum-zero", "shnum", "H", 0)
    variant("phentsize", "phentsize", "H", 0x20)
    variant("phentsize-big", "phentsize", "H", 0xFFFF)
    variant("shentsize", "shentsize", "H", 1)
    variant("phoff-end", "phoff", a, len(d) - 1)
    variant("phoff-overflow", "phoff", a, (1 << (64 if is64 else 32)) - 8)
    variant("shoff-overflow", "shoff", a, (1 << (64 if is64 else 32)) - 8)
    variant("shstrndx", "shstrndx", "H", 0xFFF0)
    # PN_XNUM with section 0's sh_info saying "a lot".
    c = bytearray(d)
    put(c, e + "H", o["phnum"], 0xFFFF)
    shoff = get(a, o["shoff"])
    if shoff:
        put(c, e + "I", shoff + (44 if is64 else 28), 0x7FFFFFFF)
    emit(name + ".xnum-sh-info", c)
    # Program header patches.
    phoff, phnum, phent = get(a, o["phoff"]), get("H", o["phnum"]), get("H", o["phentsize"])
    poff = lambda i: phoff + i * phent
    p_offset = 8 if is64 else 4
    p_filesz = 32 if is64 else 16
    big = (1 << (64 if is64 else 32)) - 0x100
    for i in range(min(phnum, 32)):
        ptype = get("I", poff(i))
        if ptype == 2:  # PT_DYNAMIC
            c = bytearray(d); put(c, e + a, poff(i) + p_offset, len(d) + 100); emit(name + ".dynamic-past-end", c)
            c = bytearray(d); put(c, e + a, poff(i) + p_filesz, big); emit(name + ".dynamic-size-huge", c)
            c = bytearray(d); put(c, e + a, poff(i) + p_filesz, 16 if is64 else 8); emit(name + ".dynamic-no-null", c)
            dyn, ent = get(a, poff(i) + p_offset), 16 if is64 else 8
            for j in range(64):
                at = dyn + j * ent
                if at + ent > len(d):
                    break
                tag = get(a, at)
                if tag in (1, 5, 10, 29, 15):  # NEEDED, STRTAB, STRSZ, RUNPATH, RPATH
                    c = bytearray(d); put(c, e + a, at + ent // 2, big); emit("%s.dyn%d-tag%d" % (name, j, tag), c)
                if tag == 0:
                    break
        if ptype in (3, 4):  # PT_INTERP, PT_NOTE: offsets that overflow with the size
            c = bytearray(d); put(c, e + a, poff(i) + p_offset, big); emit("%s.ph%d-offset-overflow" % (name, i), c)
            c = bytearray(d); put(c, e + a, poff(i) + p_filesz, big); emit("%s.ph%d-size-huge" % (name, i), c)


def macho_patches(name, d):
    magic = struct.unpack_from("<I", d, 0)[0]
    if magic in (0xFEEDFACF, 0xFEEDFACE):
        hdr = 32 if magic == 0xFEEDFACF else 28
        for tag, off, value in (("cmdsize0", hdr + 4, 0), ("cmdsize-big", hdr + 4, 0x7FFFFFF0),
                                ("ncmds-huge", 16, 0xFFFFFFF), ("sizeofcmds-huge", 20, 0xFFFFFFF0),
                                ("sizeofcmds-small", 20, 8)):
            c = bytearray(d); put(c, "<I", off, value); emit("%s.%s" % (name, tag), c)
        # Every load command: cmdsize 0, and its first field after cmd/cmdsize (a string offset for dylibs) huge.
        at = hdr
        for i in range(struct.unpack_from("<I", d, 16)[0]):
            if at + 8 > len(d):
                break
            size = struct.unpack_from("<I", d, at + 4)[0]
            c = bytearray(d); put(c, "<I", at + 4, 0); emit("%s.lc%d-cmdsize0" % (name, i), c)
            c = bytearray(d); put(c, "<I", at + 8, 0xFFFFFF); emit("%s.lc%d-field" % (name, i), c)
            at += max(size, 8)
    elif magic == 0xBEBAFECA:  # FAT_MAGIC, big-endian fields
        n = struct.unpack_from(">I", d, 4)[0]
        c = bytearray(d); put(c, ">I", 4, 0xFFFFFFF); emit(name + ".fat-nfat-huge", c)
        c = bytearray(d); put(c, ">I", 8 + 8, len(d) + 4096); emit(name + ".fat-slice-past-end", c)
        if n >= 2:
            c = bytearray(d); c[8 + 20 + 8:8 + 20 + 20] = d[8 + 8:8 + 20]; emit(name + ".fat-overlap", c)
            c = bytearray(d); c[8 + 20:8 + 28] = d[8:16]; emit(name + ".fat-same-arch", c)


def pe_patches(name, d):
    pe = struct.unpack_from("<I", d, 0x3C)[0]
    c = bytearray(d); put(c, "<I", 0x3C, len(d) + 10); emit(name + ".lfanew", c)
    c = bytearray(d); put(c, "<H", pe + 6, 0xFFFF); emit(name + ".nsections", c)
    opt = pe + 24
    dirs = opt + (112 if struct.unpack_from("<H", d, opt)[0] == 0x20B else 96)
    for idx in (1, 13):  # import table, delay import descriptor
        c = bytearray(d); put(c, "<I", dirs + idx * 8, 0xFFFFFFF0); emit("%s.dir%d-rva" % (name, idx), c)
        c = bytearray(d); put(c, "<I", dirs + idx * 8 + 4, 0xFFFFFFF0); emit("%s.dir%d-size" % (name, idx), c)


for name in sorted(os.listdir(seed_dir)):
    path = os.path.join(seed_dir, name)
    data = open(path, "rb").read()
    if not os.path.isfile(path) or len(data) < 64:
        continue
    cuts = {0, 1, 3, 4, 5, 6, 16, 20, 24, 28, 32, 40, 48, 52, 56, 63, 64, 100, 128, 256, 512, 1024, len(data) - 1}
    cuts |= {len(data) * k // 10 for k in range(1, 10)}
    if len(data) <= 200_000:
        cuts |= {rng.randrange(len(data)) for _ in range(10)}
    for cut in sorted(c for c in cuts if c < len(data)):
        emit("%s.cut%d" % (name, cut), data[:cut])
    flips = 30 if len(data) <= 200_000 else 5
    for k in range(flips):
        c = bytearray(data)
        window = min(len(c), 4096) if k % 2 == 0 else len(c)  # headers most of the time
        for _ in range(rng.randint(1, 8)):
            c[rng.randrange(window)] = rng.randrange(256)
        emit("%s.flip%d" % (name, k), c)
    if data[:4] == b"\x7fELF":
        elf_patches(name, data)
    elif data[:4] in (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe"):
        macho_patches(name, data)
    elif data[:2] == b"MZ":
        pe_patches(name, data)
print(written)
