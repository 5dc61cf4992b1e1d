#!/usr/bin/env python3
"""Checks libcomrt's exported symbols against the public headers.

Every function and GUID the headers declare must be exported (a declared
function with no definition would otherwise only fail at a user's link), and
nothing else may be (no comrt__ internals, no stray helpers).

    check_exports.py LIBCOMRT.so INCLUDE_DIR
"""
import pathlib
import re
import subprocess
import sys

DECL = re.compile(
    r"^\s*(?:WINOLEAUTAPI|WINOLEAPI|STDAPI)(?:_\(([^()]*(?:\([^()]*\))?[^()]*)\))?\s+(\w+)\s*\(",
    re.M)
GUID = re.compile(r"^\s*DEFINE_GUID\(((?:IID|CLSID|GUID|LIBID|DIID|FMTID)_\w+),", re.M)


# Declared for in-process servers to implement (objbase.h), not libcomrt.
SERVER_EXPORTS = {"DllGetClassObject", "DllCanUnloadNow", "DllRegisterServer", "DllUnregisterServer"}


def declared(include_dir):
    names = set()
    for header in pathlib.Path(include_dir).rglob("*.h"):
        text = header.read_text()
        names.update(m.group(2) for m in DECL.finditer(text))
        names.update(GUID.findall(text))
    return names - SERVER_EXPORTS


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True,
                         text=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDRBV":
            syms.add(parts[2])
    return syms


def main():
    lib, include_dir = sys.argv[1], sys.argv[2]
    want, have = declared(include_dir), exported(lib)
    missing = sorted(want - have)
    extra = sorted(s for s in have - want if not s.startswith("_"))
    for name in missing:
        print(f"declared but not exported: {name}")
    for name in extra:
        print(f"exported but not declared: {name}")
    print(f"{len(want)} declared, {len(have)} exported")
    ok = not missing and not extra
    print(f"{int(ok)} passed, {int(not ok)} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
