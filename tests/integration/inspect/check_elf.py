#!/usr/bin/env python3
"""Compares `xstatic inspect --json` with GNU readelf -hlSdW for ELF files,
and with what each test binary's name says it was built as.

usage: check_elf.py XSTATIC FILE...   (exit 1 and one line per mismatch)
"""
import json
import os
import re
import subprocess
import sys

MACHINES = {  # readelf's Machine: text -> the target table's go name
    "Advanced Micro Devices X86-64": "linux/amd64",
    "AArch64": "linux/arm64",
    "ARM": "linux/arm/v7",
    "Intel 80386": "linux/386",
    "IBM S/390": "linux/s390x",
    "PowerPC64": "linux/ppc64le",
}


def readelf(path):
    out = subprocess.run(["readelf", "-hlSdW", path], capture_output=True, text=True, check=True).stdout
    f = {"needed": re.findall(r"\(NEEDED\)\s+Shared library: \[(.*)\]", out)}
    f["bits"] = 64 if re.search(r"Class:\s+ELF64", out) else 32
    f["little"] = "little endian" in out
    f["type"] = re.search(r"Type:\s+(\w+)", out).group(1)
    f["machine"] = re.search(r"Machine:\s+(.*)", out).group(1).strip()
    f["entry"] = int(re.search(r"Entry point address:\s+(0x[0-9a-f]+)", out).group(1), 16)
    m = re.search(r"\[Requesting program interpreter: (.*)\]", out)
    f["interp"] = m.group(1) if m else ""
    m = re.search(r"GNU_STACK\s+(?:\S+\s+){5}([RWE ]+?)\s+\S+\s*$", out, re.M)
    f["exec_stack"] = None if not m else "E" in m.group(1)
    paths = lambda tag: [p for v in re.findall(r"\(%s\)\s+Library \w+: \[(.*)\]" % tag, out) for p in v.split(":")]
    f["rpath"], f["runpath"] = paths("RPATH"), paths("RUNPATH")
    f["soname"] = bool(re.search(r"\(SONAME\)", out))
    f["pie_flag"] = bool(re.search(r"\(FLAGS_1\)\s+Flags:.*\bPIE\b", out))
    f["textrel"] = bool(re.search(r"\(TEXTREL\)|\(FLAGS\)\s+.*TEXTREL", out))
    f["symtab"] = bool(re.search(r"\]\s+\.symtab\s+SYMTAB", out))
    f["debug"] = bool(re.search(r"\]\s+\.debug_\w+", out))
    return f


def expected_linkage(f):
    if f["type"] in ("REL", "CORE"):
        return "none"
    dynamic = bool(f["interp"] or f["needed"])
    if f["type"] == "EXEC":
        return "dynamic" if dynamic else "static"
    if f["interp"]:
        return "dynamic"
    if not f["needed"] and (f["pie_flag"] or (not f["soname"] and f["entry"] != 0)):
        return "static-pie"
    return "dynamic"


def by_name(path):
    """What the test binary was built as, from its name (make_binaries.sh)."""
    name = os.path.basename(path)
    if name.endswith(".o"):
        return "none"
    if name.startswith("lib") or name in ("ls",) or "-dynamic" in name:
        return "dynamic"
    if "-static-pie" in name:
        return "static-pie"
    if "-static" in name or name == "amd64-execstack":
        return "static"
    return None


def main():
    xstatic, files = sys.argv[1], sys.argv[2:]
    out = subprocess.run([xstatic, "inspect", "--json", *files], capture_output=True, text=True)
    if out.returncode != 0:
        print("inspect failed (%d): %s" % (out.returncode, out.stderr))
        return 1
    reports = {r["path"]: r for r in json.loads(out.stdout)}
    bad = []
    for path in files:
        r, f = reports[path], readelf(path)
        want = {
            "bits": f["bits"], "endian": "little" if f["little"] else "big",
            "target": MACHINES.get(f["machine"]), "linkage": expected_linkage(f),
            "interpreter": f["interp"] or None, "needed": f["needed"], "rpath": f["rpath"],
            "runpath": f["runpath"], "exec_stack": f["exec_stack"], "text_relocations": f["textrel"],
            "has_symtab": f["symtab"], "stripped": not f["symtab"] and not f["debug"], "entry": f["entry"],
        }
        for key, value in want.items():
            if r[key] != value:
                bad.append("%s: %s is %r, readelf says %r" % (path, key, r[key], value))
        if by_name(path) and r["linkage"] != by_name(path):
            bad.append("%s: linkage %s, but it was built %s" % (path, r["linkage"], by_name(path)))
    for line in bad:
        print(line)
    print("checked %d ELF files against readelf: %d mismatches" % (len(files), len(bad)))
    return 1 if bad else 0


sys.exit(main())
