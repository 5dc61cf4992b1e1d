#!/usr/bin/env python3
"""extract_typelibs.py — list or extract the TYPELIB resources of PE files.

    extract_typelibs.py --list FILE...        print "FILE ID SIZE" per resource
    extract_typelibs.py --out DIR FILE...     write DIR/<stem>_<id>.tlb

Used by scripts/gen_typelib_fixtures.sh to build the type-library corpus
from Debian's libwine (the DLLs are far too big to commit; the resources are
the type libraries).  Reads 32- and 64-bit PE files with the stdlib only.
A resource's name is its integer id, or its string name for named ones.
"""

import os
import struct
import sys


def _u16(b, o):
    return struct.unpack_from("<H", b, o)[0]


def _u32(b, o):
    return struct.unpack_from("<I", b, o)[0]


def typelib_resources(data):
    """[(id_or_name, bytes)] for every TYPELIB resource in a PE image."""
    if len(data) < 0x40 or data[:2] != b"MZ":
        return []
    pe = _u32(data, 0x3C)
    if pe + 24 > len(data) or data[pe:pe + 4] != b"PE\0\0":
        return []
    nsect = _u16(data, pe + 6)
    optsize = _u16(data, pe + 20)
    opt = pe + 24
    magic = _u16(data, opt)
    ddir = opt + (96 if magic == 0x10B else 112)
    nrva = _u32(data, ddir - 4)
    if nrva < 3:
        return []
    rsrc_rva, rsrc_size = struct.unpack_from("<II", data, ddir + 2 * 8)
    if not rsrc_rva:
        return []
    sects = []
    st = opt + optsize
    for i in range(nsect):
        o = st + 40 * i
        vsize, va, rawsize, rawptr = struct.unpack_from("<IIII", data, o + 8)
        sects.append((va, max(vsize, rawsize), rawptr))

    def off(rva):
        for va, size, raw in sects:
            if va <= rva < va + size:
                return raw + (rva - va)
        raise ValueError("rva %#x outside the sections" % rva)

    base = off(rsrc_rva)

    def name_at(o):
        n = _u16(data, base + o)
        return data[base + o + 2: base + o + 2 + 2 * n].decode("utf-16-le")

    def entries(diroff):
        nnamed, nid = struct.unpack_from("<HH", data, base + diroff + 12)
        out = []
        for i in range(nnamed + nid):
            nm, tgt = struct.unpack_from("<II", data, base + diroff + 16 + 8 * i)
            key = name_at(nm & 0x7FFFFFFF) if nm & 0x80000000 else nm
            out.append((key, tgt))
        return out

    found = []
    for tkey, ttgt in entries(0):
        if tkey != "TYPELIB" or not ttgt & 0x80000000:
            continue
        for nkey, ntgt in entries(ttgt & 0x7FFFFFFF):
            if not ntgt & 0x80000000:
                continue
            for _lang, ltgt in entries(ntgt & 0x7FFFFFFF):
                if ltgt & 0x80000000:
                    continue
                rva, size = struct.unpack_from("<II", data, base + ltgt)
                o = off(rva)
                found.append((nkey, data[o:o + size]))
                break  # first language only, as LoadTypeLib does
    return found


def main(argv):
    if len(argv) < 2 or argv[0] not in ("--list", "--out"):
        sys.stderr.write(__doc__)
        return 2
    if argv[0] == "--list":
        files, outdir = argv[1:], None
    else:
        outdir, files = argv[1], argv[2:]
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        try:
            res = typelib_resources(data)
        except (ValueError, struct.error) as e:
            sys.stderr.write("%s: %s\n" % (path, e))
            continue
        stem = os.path.basename(path).replace(".", "_")
        for key, blob in res:
            if outdir is None:
                print(path, key, len(blob))
            else:
                out = os.path.join(outdir, "%s_%s.tlb" % (stem, key))
                with open(out, "wb") as f:
                    f.write(blob)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
