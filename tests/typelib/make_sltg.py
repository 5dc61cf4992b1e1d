#!/usr/bin/env python3
"""Writes SLTG type libraries (the pre-MSFT format of mktyplib/old MIDL)
from the declarative descriptions at the end of this file.

No tool on Debian writes SLTG (widl 8 cannot), yet oleaut32 still reads
it; these files are the fixtures that comrt's SLTG reader is compared on
against Wine's reader (tests/golden/tlbdump/sltg_*.txt).  Stdlib only,
deterministic: the same run gives the same bytes.

    make_sltg.py [--sources] OUTDIR   # writes OUTDIR/sltg_*.tlb (--sources: and
                                      # appends their lines to OUTDIR/SOURCES.txt)
    make_sltg.py --extra DIR          # the files without a golden (EXTRA)

The layout written here was learned from public descriptions of the format
and from what Wine's reader accepts (checked by loading every file under
Wine); it covers what both readers interpret.  In short:

    header      "SLTG", block count, first block, fixed GUID
    block dir   per block: length, offset of its index string, next block
    "\\1CompObj\\0dir\\0", index strings (11 bytes each), 9 zero bytes
    type blocks one per type: type header, ref table, member header,
                member data (functions, variables, impl types, type words),
                type tail (counts, offsets, sizes)
    lib block   library attributes, per-type entries (name, GUID, help
                context), the name table (NUL-terminated names)
"""
import os
import struct
import sys
import uuid

# ---- VARTYPEs and flags ----------------------------------------------------
VT = dict(EMPTY=0, NULL=1, I2=2, I4=3, R4=4, R8=5, CY=6, DATE=7, BSTR=8, DISPATCH=9,
          ERROR=10, BOOL=11, VARIANT=12, UNKNOWN=13, DECIMAL=14, I1=16, UI1=17, UI2=18,
          UI4=19, I8=20, UI8=21, INT=22, UINT=23, VOID=24, HRESULT=25, PTR=26,
          SAFEARRAY=27, CARRAY=28, USERDEFINED=29, LPSTR=30, LPWSTR=31)
TKIND = dict(ENUM=0, RECORD=1, MODULE=2, INTERFACE=3, DISPATCH=4, COCLASS=5, ALIAS=6)
STDOLE2 = ("00020430-0000-0000-C000-000000000046", 2, 0, 0, "stdole2.tlb")
SYS_WIN32 = 1

# A type is a string: "I4", "BSTR", "PTR(I4)", "SAFEARRAY(BSTR)",
# "UDT(Name)" (a type of this library) or "STDOLE(n)" (type n of stdole2).


def parse_type(s):
    s = s.strip()
    if s.endswith(")"):
        head, inner = s[:-1].split("(", 1)
        return (head, inner if head in ("UDT",) else (int(inner) if head == "STDOLE" else parse_type(inner)))
    return (s, None)


class Block:
    """Member data of one type: bytes plus offsets relative to its start."""

    def __init__(self):
        self.b = bytearray()

    def here(self):
        return len(self.b)

    def add(self, data):
        off = len(self.b)
        self.b += data
        return off


class Writer:
    def __init__(self, lib):
        self.lib = lib
        self.names = bytearray(b"\x01")   # offset 0 is never a name
        self.name_offs = {}
        self.type_index = {t["name"]: i for i, t in enumerate(lib["types"])}

    def name(self, s):
        # Each name is preceded by a byte that is neither NUL nor
        # alphanumeric: readers take a parameter name that follows such a
        # byte as "type given by offset" (the form used here throughout).
        if s not in self.name_offs:
            if self.names[-1:] != b"\x01":
                self.names += b"\x01"
            self.name_offs[s] = len(self.names)
            self.names += s.encode("latin-1") + b"\0"
        return self.name_offs[s]

    def raw_name(self, s):
        """A string in the name table without a name's rules (import specs)."""
        self.names += b"\x01"
        off = len(self.names)
        self.names += s.encode("latin-1") + b"\0"
        return off

    # -- type words ---------------------------------------------------------
    def type_words(self, t, refs, flags=0):
        head, arg = t
        if head == "PTR":
            inner = self.type_words(arg, refs)
            if len(inner) == 1 and inner[0] < 0x40:
                # one level of pointer to a simple type fits in one word
                return [flags | 0x0E00 | inner[0]]
            return [flags | VT["PTR"]] + inner
        if head == "SAFEARRAY":
            return [flags | VT["SAFEARRAY"], 0xFFFF] + self.type_words(arg, refs)
        if head == "UDT":
            key = ("int", self.type_index[arg])
        elif head == "STDOLE":
            key = ("stdole", arg)
        else:
            return [flags | VT[head]]
        if key not in refs:
            refs.append(key)
        return [flags | VT["USERDEFINED"], refs.index(key) * 4]

    def put_type(self, blk, t, refs, flags=0):
        words = self.type_words(t, refs, flags)
        return blk.add(struct.pack("<%dH" % len(words), *words))

    # -- members --------------------------------------------------------------
    def put_funcs(self, blk, funcs, refs, kind):
        """Functions: records chained by `next`, each with its arguments."""
        recs = []
        for f in funcs:
            pdata = []
            for p in f.get("params", []):
                fl = {"in": 0, "out": 0x4000, "inout": 0x8000, "none": 0xC000}[p.get("dir", "in")]
                if p.get("retval"):
                    fl |= 0x80
                if p.get("lcid"):
                    fl |= 0x2000
                if p.get("inline"):
                    # the other form: the offset points at the name's second
                    # letter (0xFFFF: no name) and the type words follow
                    words = self.type_words(parse_type(p["type"]), refs, fl)
                    n = self.name(p["name"]) + 1 if p.get("name") else 0xFFFF
                    pdata.append(struct.pack("<%dH" % (1 + len(words)), n, *words))
                else:
                    pdata.append(struct.pack("<HH", self.name(p["name"]) if p.get("name") else 0xFFFE,
                                              self.put_type(blk, parse_type(p["type"]), refs, fl)))
            ret = parse_type(f.get("ret", "HRESULT"))
            rwords = self.type_words(ret, refs)
            inline_ret = len(rwords) == 1
            rt = rwords[0] if inline_ret else self.put_type(blk, ret, refs)
            argoff = blk.add(b"".join(pdata))
            recs.append((f, rt, inline_ret, argoff, len(pdata)))
        first = blk.here()
        for i, (f, rt, inline_ret, argoff, n) in enumerate(recs):
            magic = {"virtual": 0x4C, "dispatch": 0xCB, "static": 0x8B}[kind] | 0x20
            nxt = first + (i + 1) * 24 if i + 1 < len(recs) else 0xFFFF
            blk.add(struct.pack("<BBHHIHHHBBHHH", magic, (f.get("invkind", 1) << 4) | 2, nxt,
                                self.name(f["name"]), f["memid"] & 0xFFFFFFFF, 0xFFFE, 0xFFFF, argoff,
                                (n << 3) | 4, (0x80 if inline_ret else 0) | (f.get("opt", 0) << 1), rt,
                                f.get("vtbl", 0), f.get("flags", 0)))
        return first

    def put_vars(self, blk, vars_, refs):
        datas = []
        for v in vars_:
            t = parse_type(v["type"])
            words = self.type_words(t, refs)
            flags, type_field, offs = 0, 0, v.get("oinst", 0)
            if len(words) == 1:
                flags |= 0x02
                type_field = words[0]
            else:
                type_field = self.put_type(blk, t, refs)
            if v.get("dispatch"):
                flags |= 0x40
            if "value" in v:
                flags |= 0x10
                val = v["value"]
                if isinstance(val, int) and 0 <= val <= 0x7FFF and t[0] != "BSTR":
                    flags |= 0x08
                    offs = val
                elif isinstance(val, int):
                    offs = blk.add(struct.pack("<i", val))
                else:
                    enc = val.encode("latin-1")
                    offs = blk.add(struct.pack("<H", len(enc)) + enc)
            if v.get("readonly"):
                flags |= 0x80
            datas.append((v, flags, type_field, offs))
        first = blk.here()
        for i, (v, flags, type_field, offs) in enumerate(datas):
            magic = 0x2A if "varflags" in v else 0x0A
            nxt = first + (i + 1) * 20 if i + 1 < len(datas) else 0xFFFF
            blk.add(struct.pack("<BBHHHHIHHH", magic, flags, nxt, self.name(v["name"]), offs, type_field,
                                v["memid"] & 0xFFFFFFFF, 0xFFFE, 0xFFFF, v.get("varflags", 0)))
        return first

    def put_impls(self, blk, impls, refs):
        first = blk.here()
        for i, (target, flags) in enumerate(impls):
            key = ("stdole", target) if isinstance(target, int) else ("int", self.type_index[target])
            if key not in refs:
                refs.append(key)
            nxt = first + (i + 1) * 0x16 if i + 1 < len(impls) else 0xFFFF
            blk.add(struct.pack("<HHHBBHHHHHHH", 0x004A, nxt, 0xFFFF, flags, 0x80, 0x0012, refs.index(key),
                                0x4000, 0xFFFE, 0xFFFF, 0x001D, i * 4))
        return first

    # -- one type block ---------------------------------------------------------
    def type_block(self, t):
        kind = TKIND[t["kind"]]
        blk, refs = Block(), []
        funcs_off = vars_off = impls_off = 0xFFFF
        funcs_bytes = vars_bytes = impls_bytes = 0
        alias_vt, simple_alias = 0, 0
        impls = t.get("impls", [])
        if impls and kind in (TKIND["INTERFACE"], TKIND["COCLASS"]):
            # interfaces and coclasses: the impl list opens the member data
            impls_off = self.put_impls(blk, impls, refs)
            impls_bytes = blk.here() - impls_off
        if t.get("vars"):
            start = blk.here()
            vars_off = self.put_vars(blk, t["vars"], refs)
            vars_bytes = blk.here() - start
        if t.get("funcs"):
            start = blk.here()
            fk = {TKIND["DISPATCH"]: "dispatch", TKIND["MODULE"]: "static"}.get(kind, "virtual")
            funcs_off = self.put_funcs(blk, t["funcs"], refs, fk)
            funcs_bytes = blk.here() - start
        if impls and kind == TKIND["DISPATCH"]:
            impls_off = self.put_impls(blk, impls, refs)
            impls_bytes = blk.here() - impls_off
        if kind == TKIND["ALIAS"]:
            at = parse_type(t["alias"])
            words = self.type_words(at, refs)
            if len(words) == 1:
                simple_alias, alias_vt = 1, words[0]
            else:
                alias_vt = self.put_type(blk, at, refs)

        flags = t.get("flags", 0)
        head_len = 0x22
        reftab = self.ref_table(refs) if refs else b""
        elem_table = head_len + len(reftab)
        out = bytearray(struct.pack("<HIIIIHHIBBBBI", 0x0501, head_len if refs else 0xFFFFFFFF, 0xFFFFFFFF,
                                    elem_table, 0xFFFFFFFF, t.get("ver", (0, 0))[0], t.get("ver", (0, 0))[1],
                                    0xFFFE0000, 0x02 | ((flags & 0x1F) << 3), flags >> 5, 0x02, kind, 0))
        assert len(out) == head_len
        out += reftab
        out += struct.pack("<HHBI", 0x0001, 0xFFFF, 0x01, len(blk.b))
        out += blk.b
        out += struct.pack("<27H", len(t.get("funcs", [])), len(t.get("vars", [])), len(impls), 0,
                           funcs_off, vars_off, impls_off, funcs_bytes, vars_bytes, impls_bytes,
                           alias_vt, 0xFFFF, 0, 0, simple_alias, 0, t.get("size", 0), t.get("align", 4), 0, 0,
                           t.get("vft", 0), 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0, 0)
        return bytes(out)

    def ref_table(self, refs):
        out = bytearray(b"\xdf\x00" + b"\xff" * 0x40 + b"\xff\xff")
        out += struct.pack("<I", 8 * len(refs))
        for key in refs:
            out += struct.pack("<HBBHH", 1, 2, 0x40 if key[0] == "int" else 0, 0xFFFF, 0)
        out += b"\xff\xff\x01" + b"\0" * 4   # then the names
        assert len(out) == 0x4F + 8 * len(refs)
        for kind, n in refs:
            if kind == "int":
                s = "*\\Rffff*#%x" % n
            else:
                s = "*\\R%x*#%x" % (self.stdole_off(), n)
            out += struct.pack("<H", len(s)) + s.encode("ascii")
        out += b"\xdf"
        return bytes(out)

    def stdole_off(self):
        if not hasattr(self, "_stdole"):
            g, ma, mi, lcid, path = STDOLE2
            self._stdole = self.raw_name("*\\G{%s}#%d.%d#%x#%s#" % (g, ma, mi, lcid, path))
        return self._stdole

    # -- the file -------------------------------------------------------------
    def build(self):
        lib, types = self.lib, self.lib["types"]
        n = len(types)
        blocks = [self.type_block(t) for t in types]
        index = ["%s%s" % (chr(ord("A") + i % 26), chr(ord("A") + i // 26) * 9) for i in range(n)]

        # the library block
        lb = bytearray(struct.pack("<HHHH", 0x51CC, 0x0003, self.name(lib["name"]), 0xFFFF))
        for s in (lib.get("doc"), lib.get("helpfile")):
            lb += struct.pack("<H", 0xFFFF) if s is None else struct.pack("<H", len(s)) + s.encode("latin-1")
        lb += struct.pack("<IHHIHHH", lib.get("helpctx", 0), lib.get("syskind", SYS_WIN32), lib.get("lcid", 0), 0,
                          lib.get("flags", 0), lib["ver"][0], lib["ver"][1])
        lb += uuid.UUID(lib["guid"]).bytes_le
        lb += b"\xff" * 0x40
        for i, t in enumerate(types):
            lb += struct.pack("<HH", i, 10) + index[i].encode("ascii")
            lb += struct.pack("<HHHHHIH", 0xFFFF, 0xFFFF, self.name(t["name"]), 0, 0xFFFF, t.get("helpctx", 0), 0xFFFF)
            lb += uuid.UUID(t.get("guid", "00000000-0000-0000-0000-000000000000")).bytes_le
        # the name table lies 0x218 bytes after the offset stored here
        lb += struct.pack("<HI", 0x0003, len(lb) + 6)
        lb += b"\xff" * 0x218
        lb += self.names

        out = bytearray(struct.pack("<IHHHH", 0x47544C53, n + 2, 9, 0, 1))
        out += uuid.UUID("000204ff-0000-0000-c000-000000000046").bytes_le
        out += struct.pack("<II", 0x44, 0xFFFF0000)
        for i, b in enumerate(blocks):
            out += struct.pack("<IHH", len(b), 13 + 11 * i, i + 2)
        out += struct.pack("<IHH", len(lb), 9, 0)
        out += b"\x01CompObj\0dir\0"
        for s in index:
            out += s.encode("ascii") + b"\0"
        out += b"\0" * 9
        for b in blocks:
            out += b
        out += lb
        return bytes(out)


# ---- the fixtures --------------------------------------------------------------

def basic(ptr, disp_methods=False):
    """The every-construct library for pointers of `ptr` bytes (SYS_WIN32: 4,
    SYS_WIN64: 8); vtable offsets and sizes follow.  disp_methods: give the
    dispinterface methods too (Wine 8's reader answers IUnknown's first
    methods in their place, so that file has no golden; see FIXTURES)."""
    def vt(i):  # vtable offset of method i after IUnknown's three
        return (3 + i) * ptr
    disp_funcs = [dict(name="Fired", memid=2, ret="VOID", params=[dict(name="code", type="I4"),
                                                                  dict(name="detail", type="PTR(VARIANT)")]),
                  dict(name="Caption", memid=3, ret="BSTR", params=[])]
    return dict(
        name="SltgLib", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000A%d" % (1 if ptr == 4 else 2), ver=(1, 2), lcid=0,
        doc="SLTG test library", helpfile="sltg.hlp", helpctx=0x1234, flags=0x8, syskind=1 if ptr == 4 else 3,
        types=[
            dict(kind="ENUM", name="SltgColor", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000B1", helpctx=0x10,
                 size=4, align=4, vars=[
                     dict(name="scRed", memid=0x40000000, type="I4", value=0),
                     dict(name="scGreen", memid=0x40000001, type="I4", value=1),
                     dict(name="scBlue", memid=0x40000002, type="I4", value=0x100)]),
            dict(kind="RECORD", name="SltgPoint", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000B2",
                 size=8 + ptr + 16 if ptr == 4 else 32, align=ptr, vars=[
                     dict(name="x", memid=0x40000000, type="I4", oinst=0),
                     dict(name="y", memid=0x40000001, type="I4", oinst=4),
                     dict(name="label", memid=0x40000002, type="BSTR", oinst=8),
                     dict(name="extra", memid=0x40000003, type="VARIANT", oinst=8 + ptr),
                     dict(name="names", memid=0x40000004, type="SAFEARRAY(VARIANT)", oinst=24 + ptr)]),
            dict(kind="ALIAS", name="SLTGLONG", alias="I4", size=4, align=4),
            dict(kind="ALIAS", name="PSltgPoint", alias="PTR(UDT(SltgPoint))", size=ptr, align=ptr),
            dict(kind="INTERFACE", name="ISltgThing", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000B3", helpctx=0x20,
                 flags=0x100, size=ptr, align=ptr, vft=vt(7), impls=[(3, 0)], funcs=[
                     dict(name="Add", memid=0x60010000, vtbl=vt(0), params=[
                         dict(name="a", type="I4"), dict(name="b", type="I4"),
                         dict(name="result", type="PTR(I4)", dir="out", retval=True)]),
                     dict(name="Describe", memid=0x60010001, vtbl=vt(1), params=[
                         dict(name="text", type="BSTR"), dict(name="value", type="PTR(VARIANT)", dir="inout")]),
                     dict(name="Fill", memid=0x60010002, vtbl=vt(2), params=[
                         dict(name="names", type="SAFEARRAY(BSTR)"),
                         dict(name="pt", type="PTR(UDT(SltgPoint))", dir="out"),
                         dict(name="color", type="UDT(SltgColor)"),
                         dict(name="many", type="PTR(SAFEARRAY(PTR(UDT(ISltgThing))))", dir="inout")]),
                     dict(name="Count", memid=0x60010003, vtbl=vt(3), invkind=2, params=[
                         dict(name="n", type="PTR(I4)", dir="out", retval=True)]),
                     dict(name="Count", memid=0x60010003, vtbl=vt(4), invkind=4, params=[
                         dict(name="n", type="I4")]),
                     dict(name="Maybe", memid=0x60010005, vtbl=vt(5), opt=1, params=[
                         dict(name="a", type="I2"), dict(name="b", type="VARIANT"),
                         dict(name="lcid", type="I4", lcid=True)]),
                     dict(name="Unk", memid=0x60010006, vtbl=vt(6), flags=0x40, ret="I4", params=[
                         dict(name="punk", type="PTR(PTR(STDOLE(3)))", dir="out", retval=True),
                         dict(name="d", type="DATE"), dict(name="c", type="CY"), dict(name="f", type="R8"),
                         dict(name="e", type="ERROR"), dict(name="u", type="UI1"), dict(name="p", type="PTR(STDOLE(4))"),
                         dict(type="BOOL"), dict(name="inl", type="PTR(BSTR)", dir="out", inline=True),
                         dict(type="UI2", inline=True)]),
                 ]),
            dict(kind="DISPATCH", name="DSltgEvents", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000B4", flags=0x1000,
                 size=ptr, align=ptr, impls=[(4, 0)],
                 vars=[dict(name="Enabled", memid=1, type="BOOL", dispatch=True),
                       dict(name="Title", memid=4, type="BSTR", dispatch=True, readonly=True)],
                 funcs=disp_funcs if disp_methods else []),
            # a dual interface: stored as an interface, read as a dispinterface
            dict(kind="INTERFACE", name="ISltgDual", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000B7",
                 flags=0x1040, size=ptr, align=ptr, vft=(7 + 2) * ptr, impls=[(4, 0)], funcs=[
                     dict(name="Ping", memid=1, vtbl=7 * ptr, params=[
                         dict(name="times", type="I4"),
                         dict(name="answer", type="PTR(BSTR)", dir="out", retval=True)]),
                     dict(name="Level", memid=2, vtbl=8 * ptr, invkind=2, params=[
                         dict(name="level", type="PTR(R8)", dir="out", retval=True)])]),
            dict(kind="COCLASS", name="SltgThing", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000B5", flags=0x2,
                 size=ptr, align=ptr, helpctx=0x30, impls=[("ISltgThing", 1), ("DSltgEvents", 3), ("ISltgDual", 0)]),
            dict(kind="MODULE", name="SltgConsts", guid="5D6A8E10-3C2B-4A6F-9E01-0000000000B6", size=4, align=4,
                 vars=[dict(name="MaxItems", memid=0x40000000, type="I4", value=100),
                       dict(name="BigValue", memid=0x40000001, type="I4", value=0x123456),
                       dict(name="Negative", memid=0x40000002, type="I4", value=-5),
                       dict(name="Greeting", memid=0x40000003, type="BSTR", value="hello"),
                       dict(name="Small", memid=0x40000004, type="I2", value=-2)]),
        ])


FIXTURES = {
    "sltg_basic.tlb": (basic(4), "SYS_WIN32: enum, record, aliases, interface, dispinterface "
                                 "(properties), coclass, module constants"),
    "sltg_win64.tlb": (basic(8), "SYS_WIN64: the same with 64-bit pointers"),
}

# Files without a golden (written with --extra DIR, read by
# tests/c/typelib/test_sltg.c): Wine 8's reader answers, for the functions
# of an SLTG dispinterface, the first functions of IUnknown (it takes
# cFuncs * pointer size for the inherited vtable), so there is no oracle.
EXTRA = {
    "sltg_dispfuncs.tlb": basic(4, disp_methods=True),
}


def corrupt(good):
    """Broken variants of a good file that Wine refuses cleanly (it checks
    these markers): name -> (bytes, what)."""
    nblk = struct.unpack_from("<H", good, 4)[0]
    magic = 0x24 + 8 * (nblk - 1)
    out = {}
    b = bytearray(good)
    b[magic + 1:magic + 8] = b"XXXXXXX"
    out["bad_sltg_compobj.tlb"] = (bytes(b), "sltg_basic.tlb with a broken CompObj marker")
    b = bytearray(good)
    b[magic + 13] = ord("Z")
    out["bad_sltg_index.tlb"] = (bytes(b), "sltg_basic.tlb whose first index string matches no type entry")
    out["bad_sltg_trunc.tlb"] = (good[:200], "sltg_basic.tlb cut after 200 bytes")
    return out


def main():
    args = sys.argv[1:]
    sources = "--sources" in args
    args = [a for a in args if a != "--sources"]
    if args[:1] == ["--extra"]:
        for name, lib in EXTRA.items():
            with open(os.path.join(args[1], name), "wb") as f:
                f.write(Writer(lib).build())
        return
    outdir = args[0] if args else "."
    for name, (lib, what) in FIXTURES.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(Writer(lib).build())
        if sources:  # one line per file in SOURCES.txt
            with open(os.path.join(outdir, "SOURCES.txt"), "a") as f:
                f.write("%s  tests/typelib/make_sltg.py: %s\n" % (name, what))
    for name, (data, what) in corrupt(Writer(FIXTURES["sltg_basic.tlb"][0]).build()).items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        if sources:
            with open(os.path.join(outdir, "SOURCES.txt"), "a") as f:
                f.write("%s  corrupt (tests/typelib/make_sltg.py): %s\n" % (name, what))


if __name__ == "__main__":
    main()
