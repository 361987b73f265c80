#!/usr/bin/env python3
"""Files that are not binaries but pass a first look at their magic (issue 23, item 11).

    not_binaries.py OUTDIR

zeros-64, zeros-100, zeros-4096: zero bytes, which LLVM reads as a COFF
object of machine 0 (IMAGE_FILE_MACHINE_UNKNOWN); pe-unknown-machine: a PE
header (MZ ... PE) of machine 0; pe-65535-sections: a 188-byte x86-64 PE
header claiming 0xffff sections. inspect must call each malformed (exit 2),
and verify must never say ok.
"""
import os
import struct
import sys


def pe(machine, sections, size=188):
    b = bytearray(size)
    b[0:2] = b"MZ"
    struct.pack_into("<I", b, 0x3C, 0x40)
    b[0x40:0x44] = b"PE\0\0"
    # COFF file header: Machine, NumberOfSections, TimeDateStamp, PointerToSymbolTable,
    # NumberOfSymbols, SizeOfOptionalHeader, Characteristics (executable image).
    struct.pack_into("<HHIIIHH", b, 0x44, machine, sections, 0, 0, 0, 0, 0x0002)
    return bytes(b)


def main(out):
    os.makedirs(out, exist_ok=True)
    files = {"zeros-64": bytes(64), "zeros-100": bytes(100), "zeros-4096": bytes(4096),
             "pe-unknown-machine": pe(0, 1), "pe-65535-sections": pe(0x8664, 0xFFFF)}
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv[1])
