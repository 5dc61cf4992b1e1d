"""The tour of what comrt can do today (``make demo``).

First the C runtime on its own (examples/tour_oleaut.c, built by meson),
then the same automation core from Python through ``comrt``.
"""
import datetime
import decimal
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def heading(text: str) -> None:
    print(f"\n== {text} " + "=" * max(0, 66 - len(text)))


def c_tour() -> None:
    heading("libcomrt from C (examples/tour_oleaut.c)")
    tour = ROOT / "build" / "examples" / "tour_oleaut"
    subprocess.run([str(tour)], check=True)


def python_tour() -> None:
    import comrt
    from comrt import GUID, COMError
    from comrt.automation import (VARIANT, VT_BSTR, VT_CY, VT_DATE, VT_I4, VT_R8, VT_UI1)

    heading(f"comrt {comrt.__version__} from Python")
    print("GUIDs (comtypes' GUID API)")
    g = GUID.create_new()
    print(f"  GUID.create_new()                  -> {g}")
    print(f"  GUID('{{00020400-...}}')             -> {GUID('{00020400-0000-0000-C000-000000000046}')!r}")
    print(f"  bool(GUID())                       -> {bool(GUID())}")
    try:
        GUID("not a guid")
    except ValueError as e:
        print(f"  GUID('not a guid')                 -> ValueError: {e}")

    print("\nVARIANT round trips (Python -> C VARIANT -> Python)")
    samples = [
        42, 2**40, 3.25, "héllo wörld 🚀", True, None,
        datetime.datetime(2026, 11, 21, 13, 45, 30, 250000),
        decimal.Decimal("1234.5678"),
        (1, "two", 3.0, (4, 5)),
        b"\x00\x01\xfe\xff",
    ]
    for value in samples:
        v = VARIANT(value)
        print(f"  {value!r:<42} vt={v.vt:<6} -> {v.value!r}")

    print("\nVariantChangeType from Python")
    for value, vt in [("3.5", VT_R8), (2.5, VT_I4), (3.5, VT_I4), ("&HFF", VT_I4),
                      (1234.56789, VT_CY), (36526.75, VT_DATE), (12345.678, VT_BSTR), (300, VT_UI1)]:
        v = VARIANT(value)
        try:
            v.ChangeType(vt)
            result = repr(v.value)
        except COMError as e:
            result = f"COMError {comrt.hresult.name(e.hresult) if hasattr(comrt.hresult, 'name') else hex(e.hresult & 0xFFFFFFFF)}: {e.text}"
        print(f"  {value!r:<14} to vt {vt:<3} -> {result}")

    print("\nSAFEARRAYs: nested sequences become SAFEARRAYs of VARIANTs holding SAFEARRAYs")
    grid = VARIANT(((1, 2, 3), (4, 5, 6)))
    print(f"  {grid.value!r}")


def typelib_tour() -> None:
    from comrt import typeinfo

    path = ROOT / "tests" / "typelib" / "fixtures" / "stdole2.tlb"
    heading("Type libraries (comrt.typeinfo, comtypes' API)")
    tlib = typeinfo.LoadTypeLibEx(str(path))
    attr = tlib.GetLibAttr()
    name, doc, _, _ = tlib.GetDocumentation(-1)
    print(f"  {path.name}: {name} {attr.wMajorVerNum}.{attr.wMinorVerNum} {attr.guid}  \"{doc}\"")
    kinds = {typeinfo.TKIND_ENUM: "enum", typeinfo.TKIND_RECORD: "struct", typeinfo.TKIND_INTERFACE: "interface",
             typeinfo.TKIND_DISPATCH: "dispinterface", typeinfo.TKIND_COCLASS: "coclass",
             typeinfo.TKIND_ALIAS: "typedef", typeinfo.TKIND_MODULE: "module", typeinfo.TKIND_UNION: "union"}
    for i in range(tlib.GetTypeInfoCount()):
        ti = tlib.GetTypeInfo(i)
        ta = ti.GetTypeAttr()
        tname = ti.GetDocumentation(-1)[0]
        members = []
        for f in range(ta.cFuncs):
            fd = ti.GetFuncDesc(f)
            members.append(ti.GetNames(fd.memid)[0])
        for v in range(ta.cVars):
            members.append(ti.GetNames(ti.GetVarDesc(v).memid)[0])
        shown = ", ".join(dict.fromkeys(members))
        if len(shown) > 60:
            shown = shown[:57] + "..."
        print(f"  {kinds.get(ta.typekind, '?'):<13} {tname:<18} {shown}")
    found = tlib.FindName("Bold")
    if found:
        memid, ti = found
        print(f"  FindName('Bold') -> member {memid} of {ti.GetDocumentation(-1)[0]}")


def registry_tour() -> None:
    """Registers a ProgID in the per-user registry, resolves it the way
    CLSIDFromString/CLSIDFromProgID do, and removes it again."""
    from comrt import GUID, registry

    heading("The COM registry (SQLite, Win32 Reg* API)")
    clsid = GUID.create_new()
    progid = "Comrt.DemoObject"
    with registry.create_key(f"HKCU\\Software\\Classes\\{progid}.1\\CLSID") as k:
        k.set_value(None, str(clsid))
    with registry.create_key(f"HKCU\\Software\\Classes\\{progid}\\CurVer") as k:
        k.set_value(None, f"{progid}.1")
    try:
        print(f"  registered {progid} -> CurVer {progid}.1 -> {clsid}")
        print(f"  GUID({progid!r}) (CLSIDFromString -> CLSIDFromProgID, follows CurVer) -> {GUID(progid)}")
        with registry.open_key(f"HKCR\\{progid}.1\\CLSID") as k:
            print(f"  HKCR\\{progid}.1\\CLSID (HKCU over HKLM)  -> {k.get_value(None)[0]}")
    finally:
        registry.delete_tree(f"HKCU\\Software\\Classes\\{progid}")
        registry.delete_tree(f"HKCU\\Software\\Classes\\{progid}.1")
    print("  (removed again)")


def main() -> int:
    c_tour()
    python_tour()
    typelib_tour()
    registry_tour()
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
