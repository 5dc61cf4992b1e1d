"""comrt.typeinfo: LoadTypeLib and the ITypeLib / ITypeInfo / ITypeComp
objects with comtypes' methods and return shapes, on the committed
type-library fixtures (tests/typelib/fixtures: Wine's stdole2.tlb and the
widl-compiled comrt_all.tlb).  Expected facts were checked against Wine's
oleaut32 (the oracle) where the note says so."""
import ctypes
import gc
import os
import pathlib
import threading
import weakref

import pytest

import comrt
from comrt import COMError, GUID, _comrt, automation, hresult

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "typelib" / "fixtures"
STDOLE2 = FIXTURES / "stdole2.tlb"
ALL = FIXTURES / "comrt_all.tlb"

try:
    from comrt import typeinfo as ti_mod
except ImportError:  # pragma: no cover - only while the binding is not built
    ti_mod = None

pytestmark = [
    pytest.mark.skipif(ti_mod is None, reason="comrt.typeinfo is not built into this install yet"),
    pytest.mark.skipif(not STDOLE2.exists(), reason="tests/typelib/fixtures/stdole2.tlb is not there yet"),
]

IID_IDispatch = GUID("{00020400-0000-0000-C000-000000000046}")
IID_IUnknown = GUID("{00000000-0000-0000-C000-000000000046}")
LIBID_stdole2 = GUID("{00020430-0000-0000-C000-000000000046}")


@pytest.fixture(scope="module")
def stdole():
    return ti_mod.LoadTypeLib(str(STDOLE2))


def by_name(tlib, name):
    for i in range(tlib.GetTypeInfoCount()):
        if tlib.GetDocumentation(i)[0] == name:
            return tlib.GetTypeInfo(i)
    raise KeyError(name)


# ---- module surface ------------------------------------------------------------

def test_constants_are_the_sdk_values():
    t = ti_mod
    assert (t.TKIND_ENUM, t.TKIND_DISPATCH, t.TKIND_COCLASS, t.TKIND_UNION, t.TKIND_MAX) == (0, 4, 5, 7, 8)
    assert (t.FUNC_VIRTUAL, t.FUNC_DISPATCH, t.INVOKE_PROPERTYPUTREF) == (0, 4, 8)
    assert (t.VAR_CONST, t.VAR_DISPATCH, t.DESCKIND_TYPECOMP, t.SYS_WIN64) == (2, 3, 3, 3)
    assert (t.PARAMFLAG_FRETVAL, t.PARAMFLAG_FHASDEFAULT, t.TYPEFLAG_FDUAL, t.FUNCFLAG_FHIDDEN) == (8, 0x20, 0x40, 0x40)
    assert (t.VARFLAG_FREADONLY, t.IMPLTYPEFLAG_FDEFAULTVTABLE, t.REGKIND_NONE, t.LIBFLAG_FHASDISKIMAGE) == (1, 8, 2, 8)
    assert t.MEMBERID_NIL == -1
    assert t.ITypeLib is _comrt.ITypeLib and t.GUID is comrt.GUID


def test_structures_have_the_c_layout():
    t = ti_mod
    assert ctypes.sizeof(t.TYPEATTR) == 96 and ctypes.sizeof(t.FUNCDESC) == 88
    assert ctypes.sizeof(t.VARDESC) == 64 and ctypes.sizeof(t.TLIBATTR) == 32
    assert ctypes.sizeof(t.ELEMDESC) == 32 and ctypes.sizeof(t.TYPEDESC) == 16
    assert t.TYPEATTR.cbSizeInstance.offset == 40 and t.TYPEATTR.tdescAlias.offset == 64
    assert t.FUNCDESC.elemdescFunc.offset == 48 and t.FUNCDESC.wFuncFlags.offset == 80
    assert t.VARDESC.elemdescVar.offset == 24 and t.VARDESC.varkind.offset == 60
    assert t.PARAMDESCEX.varDefaultValue.offset == 8
    ta = t.TYPEATTR()  # a program's own (for ICreateTypeInfo later): guid reads and writes as comrt.GUID
    assert ta.guid == GUID()
    ta.guid = IID_IDispatch
    assert ta.guid == IID_IDispatch and bytes(ta)[:16] == bytes(IID_IDispatch)
    ta.guid = str(IID_IUnknown)
    assert ta.guid == IID_IUnknown


def test_wrappers_cannot_be_made_from_python():
    for cls in (ti_mod.ITypeLib, ti_mod.ITypeInfo, ti_mod.ITypeComp):
        with pytest.raises(TypeError):
            cls()


def test_lhashvalofnamesys_matches_windows():
    # Values from Wine's oleaut32 (the same table as Windows').
    h = ti_mod.LHashValOfNameSys
    assert h(ti_mod.SYS_WIN32, 0, "IDispatch") == 0x001083D9
    assert h(ti_mod.SYS_WIN64, 0, "IDispatch") == 0x001083D9
    assert h(ti_mod.SYS_WIN32, 0x409, "Name") == 0x0010F2F0
    assert h(ti_mod.SYS_WIN32, 0, "a") == 0x00101058
    assert h(ti_mod.SYS_WIN32, 0, "stdole") == 0x00106093
    assert ti_mod.LHashValOfName(0, "stdole") == 0x00106093
    assert ti_mod.WHashValOfLHashVal(0x00106093) == 0x6093
    with pytest.raises(ValueError):
        h(ti_mod.SYS_WIN32, 0, "a\0b")


# ---- loading and errors ----------------------------------------------------------

def test_load_accepts_str_bytes_and_pathlike():
    for arg in (str(STDOLE2), os.fsencode(str(STDOLE2)), STDOLE2):
        tlib = ti_mod.LoadTypeLib(arg)
        assert tlib.GetLibAttr().guid == LIBID_stdole2
    assert ti_mod.LoadTypeLibEx(str(STDOLE2)).GetTypeInfoCount() == ti_mod.LoadTypeLib(STDOLE2).GetTypeInfoCount()
    assert ti_mod.LoadTypeLibEx(str(STDOLE2), ti_mod.REGKIND_NONE).GetDocumentation(-1)[0] == "stdole"


def test_load_failures_raise_comerror():
    with pytest.raises(COMError) as e:
        ti_mod.LoadTypeLib(str(FIXTURES / "no_such_file.tlb"))
    assert e.value.hresult == hresult.TYPE_E_CANTLOADLIBRARY  # Wine: 0x80029C4A
    with pytest.raises(COMError) as e:
        ti_mod.LoadTypeLib(str(FIXTURES / "bad_magic.tlb"))
    assert e.value.hresult < 0
    with pytest.raises(ValueError):
        ti_mod.LoadTypeLib("stdole2\0.tlb")
    with pytest.raises(TypeError):
        ti_mod.LoadTypeLib(42)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("bad_*")) if FIXTURES.exists() else [])
def test_hostile_files_are_refused_or_safe(name):
    # Damaged files: refused with a COMError, or (a truncation that spares
    # the library) loaded and walked without harm; never a crash.
    try:
        tlib = ti_mod.LoadTypeLib(str(FIXTURES / name))
    except COMError as e:
        assert e.hresult < 0, name
        return
    try:
        walk(tlib)
    except COMError:
        pass


def test_empty_and_foreign_files_are_refused():
    for name in ("bad_empty.tlb", "bad_magic.tlb"):
        with pytest.raises(COMError) as e:
            ti_mod.LoadTypeLib(str(FIXTURES / name))
        assert e.value.hresult == hresult.TYPE_E_CANTLOADLIBRARY, name  # as Wine


def test_bad_indexes_raise_what_windows_returns(stdole):
    # HRESULTs as Wine's oleaut32 returns them.
    def hr_of(call, *args):
        with pytest.raises(COMError) as e:
            call(*args)
        return e.value.hresult

    NF = hresult.TYPE_E_ELEMENTNOTFOUND
    n = stdole.GetTypeInfoCount()
    assert hr_of(stdole.GetTypeInfo, n) == NF
    assert hr_of(stdole.GetTypeInfo, 999) == NF
    assert hr_of(stdole.GetTypeInfoType, 999) == NF
    assert hr_of(stdole.GetDocumentation, 999) == NF
    assert hr_of(stdole.GetTypeInfoOfGuid, GUID("{12345678-0000-0000-0000-000000000000}")) == NF
    ti = stdole.GetTypeInfo(0)
    assert hr_of(ti.GetFuncDesc, 999) == NF
    assert hr_of(ti.GetVarDesc, 999) == NF
    assert hr_of(ti.GetRefTypeOfImplType, 999) == NF
    assert hr_of(ti.GetImplTypeFlags, 999) == NF
    assert hr_of(ti.GetNames, 12345) == NF
    assert hr_of(ti.GetDocumentation, 12345) == NF
    assert hr_of(ti.GetIDsOfNames, "NoSuchName") == hresult.DISP_E_UNKNOWNNAME
    # a non-dual dispinterface has no interface half
    assert hr_of(by_name(stdole, "Font").GetRefTypeOfImplType, -1) == NF
    with pytest.raises(OverflowError):
        stdole.GetTypeInfo(2 ** 32)
    with pytest.raises(TypeError):
        stdole.GetTypeInfo("0")


# ---- stdole2: known facts (checked against Wine) ------------------------------------

def test_library_attributes_and_documentation(stdole):
    la = stdole.GetLibAttr()
    assert isinstance(la, ti_mod.TLIBATTR)
    assert la.guid == LIBID_stdole2 and isinstance(la.guid, GUID)
    assert (la.wMajorVerNum, la.wMinorVerNum, la.lcid) == (2, 0, 0)
    assert la.syskind in (ti_mod.SYS_WIN32, ti_mod.SYS_WIN64)
    assert "TLIBATTR(GUID={00020430-0000-0000-C000-000000000046}" in repr(la)
    name, doc, ctx, helpfile = stdole.GetDocumentation(-1)
    assert (name, doc, ctx, helpfile) == ("stdole", "OLE Automation", 0, None)
    assert stdole.GetTypeInfoCount() == 42


def test_idispatch(stdole):
    ti = stdole.GetTypeInfoOfGuid(IID_IDispatch)
    assert ti == stdole.GetTypeInfoOfGuid(str(IID_IDispatch))  # one object per type, as Windows
    ta = ti.GetTypeAttr()
    assert ta.guid == IID_IDispatch
    assert (ta.typekind, ta.cFuncs, ta.cVars, ta.cImplTypes, ta.cbSizeVft) == (ti_mod.TKIND_INTERFACE, 4, 0, 1, 56)
    assert ta.wTypeFlags & ti_mod.TYPEFLAG_FRESTRICTED
    assert ti.GetTypeKind() == ti_mod.TKIND_INTERFACE
    assert ti.GetDocumentation(ti_mod.MEMBERID_NIL)[0] == "IDispatch"
    names = [ti.GetDocumentation(ti.GetFuncDesc(i).memid)[0] for i in range(ta.cFuncs)]
    assert names == ["GetTypeInfoCount", "GetTypeInfo", "GetIDsOfNames", "Invoke"]
    base = ti.GetRefTypeInfo(ti.GetRefTypeOfImplType(0))
    assert base.GetTypeAttr().guid == IID_IUnknown
    assert base.GetDocumentation(-1)[0] == "IUnknown"

    fd = ti.GetFuncDesc(1)  # HRESULT GetTypeInfo([in] UINT, [in] ULONG lcid, [out] ITypeInfo **)
    assert isinstance(fd, ti_mod.FUNCDESC)
    assert (fd.funckind, fd.invkind, fd.cParams, fd.oVft) == (ti_mod.FUNC_PUREVIRTUAL, ti_mod.INVOKE_FUNC, 3, 32)
    assert fd.elemdescFunc.tdesc.vt == automation.VT_HRESULT
    assert ti.GetNames(fd.memid, 10) == ["GetTypeInfo", "itinfo", "lcid", "pptinfo"]
    assert ti.GetNames(fd.memid) == ["GetTypeInfo"]
    assert ti.GetIDsOfNames("GetTypeInfo") == [fd.memid]
    params = [fd.lprgelemdescParam[i] for i in range(fd.cParams)]
    assert [p.tdesc.vt for p in params] == [automation.VT_UINT, automation.VT_UI4, automation.VT_PTR]
    assert params[2]._.paramdesc.wParamFlags & ti_mod.PARAMFLAG_FOUT
    assert params[2].paramdesc.wParamFlags == params[2]._.paramdesc.wParamFlags
    ptr = params[2].tdesc._.lptdesc[0]  # stdole2 declares it void **pptinfo
    assert ptr.vt == automation.VT_PTR
    assert ptr.lptdesc[0].vt == automation.VT_VOID
    invoke = ti.GetFuncDesc(3)
    riid = invoke.lprgelemdescParam[1].tdesc  # REFIID riid
    assert riid.vt == automation.VT_PTR
    udt = riid._.lptdesc[0]
    assert udt.vt == automation.VT_USERDEFINED
    assert ti.GetRefTypeInfo(udt._.hreftype).GetDocumentation(-1)[0] == "GUID"
    lib, index = ti.GetContainingTypeLib()
    assert lib.GetTypeInfo(index).GetTypeAttr().guid == IID_IDispatch
    assert lib.GetLibAttr().guid == LIBID_stdole2


def test_ifont_properties(stdole):
    ti = by_name(stdole, "IFont")
    ta = ti.GetTypeAttr()
    assert (ta.typekind, ta.cFuncs, ta.cbSizeVft) == (ti_mod.TKIND_INTERFACE, 22, 200)
    fd = ti.GetFuncDesc(0)
    assert ti.GetNames(fd.memid, 3) == ["Name", "pname"]
    assert (fd.invkind, fd.oVft, fd.cParams) == (ti_mod.INVOKE_PROPERTYGET, 24, 1)
    props = {ti.GetDocumentation(ti.GetFuncDesc(i).memid)[0] for i in range(ta.cFuncs)}
    assert {"Name", "Size", "Bold", "Italic", "Underline", "Strikethrough", "Weight", "Charset"} <= props
    assert ti.GetMops(fd.memid) is None

    font = by_name(stdole, "Font")  # dispinterface Font: the same properties as VAR_DISPATCH
    fta = font.GetTypeAttr()
    assert (fta.typekind, fta.cVars) == (ti_mod.TKIND_DISPATCH, 8)
    vds = [font.GetVarDesc(i) for i in range(fta.cVars)]
    assert all(vd.varkind == ti_mod.VAR_DISPATCH for vd in vds)
    names = [font.GetNames(vd.memid)[0] for vd in vds]
    assert names[:2] == ["Name", "Size"]
    assert [font.GetIDsOfNames(n)[0] for n in names] == [vd.memid for vd in vds]
    assert [vd.memid for vd in vds] == [0, 2, 3, 4, 5, 6, 7, 8]  # as Wine reads them
    assert "VARDESC(memid=0," in repr(vds[0])


def test_stdpicture_coclass(stdole):
    ti = by_name(stdole, "StdPicture")
    ta = ti.GetTypeAttr()
    assert ta.guid == GUID("{0BE35204-8F91-11CE-9DE3-00AA004BB851}")
    assert (ta.typekind, ta.cImplTypes) == (ti_mod.TKIND_COCLASS, 2)
    assert ta.wTypeFlags & ti_mod.TYPEFLAG_FCANCREATE
    impls = [(ti.GetRefTypeInfo(ti.GetRefTypeOfImplType(i)).GetDocumentation(-1)[0], ti.GetImplTypeFlags(i))
             for i in range(ta.cImplTypes)]
    assert impls == [("Picture", ti_mod.IMPLTYPEFLAG_FDEFAULT), ("IPicture", 0)]


def test_enum_constants(stdole):
    ti = by_name(stdole, "LoadPictureConstants")
    ta = ti.GetTypeAttr()
    assert (ta.typekind, ta.cVars) == (ti_mod.TKIND_ENUM, 4)
    consts = {}
    for i in range(ta.cVars):
        vd = ti.GetVarDesc(i)
        assert vd.varkind == ti_mod.VAR_CONST
        consts[ti.GetDocumentation(vd.memid)[0]] = vd._.lpvarValue[0].value
        assert vd.lpvarValue[0].value == consts[ti.GetDocumentation(vd.memid)[0]]
        assert vd.lpvarValue[0].vt == automation.VT_I4
        assert vd.lpvarValue[0].copy().value == vd.lpvarValue[0].value
    assert consts == {"Default": 0, "Monochrome": 1, "VgaColor": 2, "Color": 4}


def test_module_functions_and_defaults(stdole):
    ti = by_name(stdole, "StdFunctions")
    ta = ti.GetTypeAttr()
    assert (ta.typekind, ta.cFuncs) == (ti_mod.TKIND_MODULE, 2)
    fd = ti.GetFuncDesc(0)
    assert ti.GetNames(fd.memid, 10) == ["LoadPicture", "filename", "widthDesired", "heightDesired", "flags",
                                         "retval"]
    assert (fd.funckind, fd.callconv, fd.cParams, fd.cParamsOpt) == (ti_mod.FUNC_STATIC, ti_mod.CC_STDCALL, 5, 1)
    dll, entry, ordinal = ti.GetDllEntry(fd.memid, fd.invkind)
    assert dll.lower() == "oleaut32.dll"
    defaults = []
    for i in range(fd.cParams):
        pd = fd.lprgelemdescParam[i]._.paramdesc
        if pd.wParamFlags & ti_mod.PARAMFLAG_FHASDEFAULT:
            defaults.append(pd.pparamdescex[0].varDefaultValue.value)
        else:
            assert not pd.pparamdescex
    assert defaults == [0, 0, 0]
    assert fd.lprgelemdescParam[4].paramdesc.wParamFlags & ti_mod.PARAMFLAG_FRETVAL


# ---- name lookup and binding ---------------------------------------------------------

def test_isname_and_findname(stdole):
    assert stdole.IsName("IDispatch") == "IDispatch"
    assert stdole.IsName("idispatch") == "IDispatch"  # Windows: case-insensitive, returns the library's case
    assert stdole.IsName("NoSuchNameAnywhere") is None
    found = stdole.FindName("GetTypeInfo")
    assert found is not None
    memid, ti = found
    assert isinstance(ti, ti_mod.ITypeInfo)
    assert ti.GetDocumentation(memid)[0] == "GetTypeInfo"
    assert stdole.FindName("NoSuchNameAnywhere") is None
    h = ti_mod.LHashValOfNameSys(stdole.GetLibAttr().syskind, 0, "GetTypeInfo")
    assert stdole.FindName("GetTypeInfo", h)[0] == memid


def test_bind(stdole):
    tc = by_name(stdole, "Font").GetTypeComp()
    kind, vd = tc.Bind("Name")
    assert kind == "variable" and isinstance(vd, ti_mod.VARDESC)
    assert (vd.memid, vd.varkind) == (0, ti_mod.VAR_DISPATCH)
    with pytest.raises(NameError):
        tc.Bind("NoSuchName")

    ltc = stdole.GetTypeComp()
    kind, fd = ltc.Bind("LoadPicture")  # a module function, bound through the library
    assert kind == "function" and isinstance(fd, ti_mod.FUNCDESC)
    assert fd.funckind == ti_mod.FUNC_STATIC
    kind, vd = ltc.Bind("Default")  # an enum constant, bound through the library
    assert kind == "variable" and vd.varkind == ti_mod.VAR_CONST and vd._.lpvarValue[0].value == 0
    kind, sub = ltc.Bind("LoadPictureConstants")  # enums and modules bind as a type
    assert kind == "type" and isinstance(sub, ti_mod.ITypeComp)
    assert sub.Bind("Color")[1].lpvarValue[0].value == 4

    itc = stdole.GetTypeInfoOfGuid(IID_IDispatch).GetTypeComp()
    kind, fd = itc.Bind("Invoke")
    assert kind == "function" and fd.cParams == 8
    kind, fd = itc.Bind("Invoke", ti_mod.INVOKE_FUNC)
    assert kind == "function"


def test_bindtype(stdole):
    ltc = stdole.GetTypeComp()
    ti, tc = ltc.BindType("IDispatch")
    assert ti.GetTypeAttr().guid == IID_IDispatch
    assert ltc.BindType("idispatch")[0].GetTypeAttr().guid == IID_IDispatch
    assert ltc.BindType("NoSuchType") == (None, None)


# ---- lifetime and reference counts -------------------------------------------------------

def test_views_keep_their_memory_alive():
    tlib = ti_mod.LoadTypeLib(str(STDOLE2))
    ti = tlib.GetTypeInfoOfGuid(IID_IDispatch)
    fd = ti.GetFuncDesc(3)  # Invoke
    param = fd.lprgelemdescParam[1]  # REFIID riid
    tdesc = fd.lprgelemdescParam[1].tdesc
    pointee = fd.lprgelemdescParam[1].tdesc.lptdesc
    attr = ti.GetTypeAttr()
    alias_vt = attr.tdescAlias
    lattr = tlib.GetLibAttr()
    ref = weakref.ref(tlib)
    del fd, ti, tlib, attr
    gc.collect()
    assert ref() is None  # the wrapper is gone; the views' owners keep the COM objects
    assert lattr.guid == LIBID_stdole2
    # Everything taken from a view keeps the view, and so the descriptor.
    assert param.tdesc.vt == tdesc.vt == automation.VT_PTR
    assert pointee[0].vt == automation.VT_USERDEFINED
    assert alias_vt.vt == 0


def test_writes_to_a_view_do_not_reach_release():
    tlib = ti_mod.LoadTypeLib(str(STDOLE2))
    ti = tlib.GetTypeInfoOfGuid(IID_IDispatch)
    fd = ti.GetFuncDesc(3)
    fd.lprgelemdescParam = None  # a ctypes view is writable ...
    fd.cParams = 5000
    del fd
    gc.collect()  # ... yet ReleaseFuncDesc sees the pointers it handed out
    assert ti.GetFuncDesc(3).cParams == 8


def walk(tlib):
    """Reads everything comtypes' code generator reads; returns a summary."""
    out = []
    lattr = tlib.GetLibAttr()
    out.append((str(lattr.guid), lattr.wMajorVerNum, tlib.GetDocumentation(-1)))
    for i in range(tlib.GetTypeInfoCount()):
        ti = tlib.GetTypeInfo(i)
        ta = ti.GetTypeAttr()
        assert tlib.GetTypeInfoType(i) == ta.typekind == ti.GetTypeKind()
        assert ti.GetContainingTypeLib()[1] == i
        doc = ti.GetDocumentation(-1)
        out.append((i, doc[0], ta.typekind, str(ta.guid), ta.cFuncs, ta.cVars, ta.cImplTypes, ta.wTypeFlags))
        if ta.typekind == ti_mod.TKIND_ALIAS:
            out.append(describe(ti, ta.tdescAlias))
        for f in range(ta.cFuncs):
            try:
                fd = ti.GetFuncDesc(f)
            except COMError as e:  # msado15 has defaults Windows cannot read (Wine: DISP_E_BADVARTYPE)
                out.append(("func", f, "error", e.hresult))
                continue
            names = ti.GetNames(fd.memid, fd.cParams + 1)
            params = [describe(ti, fd.lprgelemdescParam[p].tdesc) for p in range(fd.cParams)]
            flags = [fd.lprgelemdescParam[p]._.paramdesc.wParamFlags for p in range(fd.cParams)]
            defaults = [value_of(fd.lprgelemdescParam[p]._.paramdesc.pparamdescex[0].varDefaultValue)
                        for p in range(fd.cParams) if flags[p] & ti_mod.PARAMFLAG_FHASDEFAULT]
            out.append((names, fd.memid, fd.invkind, fd.funckind, describe(ti, fd.elemdescFunc.tdesc), params,
                        flags, defaults, ti.GetDocumentation(fd.memid)[1]))
            if ta.typekind == ti_mod.TKIND_MODULE:
                out.append(ti.GetDllEntry(fd.memid, fd.invkind))
            out.append(ti.GetAllFuncCustData(f))
        for v in range(ta.cVars):
            try:
                vd = ti.GetVarDesc(v)
            except COMError as e:  # oleaut_written: R8/CY/DATE/I8 constants (Wine: DISP_E_BADVARTYPE too)
                out.append(("var", v, "error", e.hresult))
                continue
            value = value_of(vd._.lpvarValue[0]) if vd.varkind == ti_mod.VAR_CONST else vd._.oInst
            out.append((ti.GetNames(vd.memid), vd.varkind, describe(ti, vd.elemdescVar.tdesc), value,
                        vd.wVarFlags))
            out.append(ti.GetAllVarCustData(v))
        for m in range(ta.cImplTypes):
            ref = ti.GetRefTypeInfo(ti.GetRefTypeOfImplType(m))
            out.append((ref.GetDocumentation(-1)[0], ti.GetImplTypeFlags(m)))
        if ta.wTypeFlags & ti_mod.TYPEFLAG_FDUAL and ta.typekind == ti_mod.TKIND_DISPATCH:
            other = ti.GetRefTypeInfo(ti.GetRefTypeOfImplType(-1))
            assert other.GetTypeAttr().typekind == ti_mod.TKIND_INTERFACE
        out.append(ti.GetAllCustData())
    return out


def describe(ti, tdesc, depth=0):
    """A TYPEDESC as nested tuples, resolving user-defined types by name."""
    assert depth < 16
    vt = tdesc.vt
    if vt in (automation.VT_PTR, automation.VT_SAFEARRAY):
        return (vt, describe(ti, tdesc._.lptdesc[0], depth + 1))
    if vt == automation.VT_CARRAY:
        ad = tdesc._.lpadesc[0]
        bounds = [(ad.rgbounds[d].lLbound, ad.rgbounds[d].cElements) for d in range(ad.cDims)]
        return (vt, describe(ti, ad.tdescElem, depth + 1), bounds)
    if vt == automation.VT_USERDEFINED:
        try:
            return (vt, ti.GetRefTypeInfo(tdesc._.hreftype).GetDocumentation(-1)[0])
        except COMError as e:  # an unresolvable reference (Wine fails the same ones)
            return (vt, "error", e.hresult)
    return vt


def value_of(var):
    """A constant's or default's value; what the file holds is not always a
    valid VARIANT (mshtml has VT_VARIANT defaults, as Wine reads them too):
    those are reported, not converted."""
    try:
        return var.value
    except (COMError, NotImplementedError) as e:
        return ("unconvertible", var.vt, type(e).__name__)


GOOD_FIXTURES = sorted(p.name for p in FIXTURES.glob("*") if p.suffix in (".tlb", ".dll")
                       and not p.name.startswith("bad_")) if FIXTURES.exists() else []


@pytest.mark.parametrize("name", GOOD_FIXTURES)
def test_walk_every_fixture(name):
    tlib = ti_mod.LoadTypeLib(str(FIXTURES / name))
    assert walk(tlib), name


def test_walk_stdole2_fully(stdole):
    summary = walk(stdole)
    assert len(summary) > 100
    assert walk(stdole) == summary


@pytest.mark.skipif(not ALL.exists(), reason="tests/typelib/fixtures/comrt_all.tlb is not there yet")
def test_walk_widl_fixture_fully():
    tlib = ti_mod.LoadTypeLib(str(ALL))
    summary = walk(tlib)
    assert walk(tlib) == summary
    la = tlib.GetLibAttr()
    assert la.guid == GUID("{6a2f1c00-0b1e-4c5a-9f00-000000000100}")
    assert (la.wMajorVerNum, la.wMinorVerNum, la.lcid) == (3, 7, 0x409)
    assert la.wLibFlags & ti_mod.LIBFLAG_FCONTROL
    assert tlib.GetDocumentation(-1)[:2] == ("ComrtAll", "comrt every-construct test library")
    assert tlib.GetDocumentation2(-1) == ("comrt every-construct test library", 0x2002, "comrt_all_strings.dll")
    custom = dict(tlib.GetAllCustData())
    assert custom[GUID("{6a2f1c00-0b1e-4c5a-9f00-0000000000c1}")] == "library custom string"
    assert tlib.GetCustData("{6a2f1c00-0b1e-4c5a-9f00-0000000000c2}") == 42
    with pytest.raises(COMError) as e:  # no such entry on the library (Wine: TYPE_E_ELEMENTNOTFOUND)
        tlib.GetCustData(GUID("{6a2f1c00-0b1e-4c5a-9f00-0000000000c3}"))
    assert e.value.hresult == hresult.TYPE_E_ELEMENTNOTFOUND
    names, chars = tlib.GetLibStatistics()
    assert isinstance(names, int) and isinstance(chars, int)

    shade = by_name(tlib, "Shade")
    consts = {shade.GetNames(shade.GetVarDesc(i).memid)[0]: shade.GetVarDesc(i).lpvarValue[0].value
              for i in range(shade.GetTypeAttr().cVars)}
    assert consts == {"ShadeNone": 0, "ShadeOne": 1, "ShadeNeg": -1, "ShadeBig": 0x7FFFFFFF,
                      "ShadeMin": -0x80000000, "ShadeCust": 100, "ShadeNext": 101}
    assert shade.GetCustData("{6a2f1c00-0b1e-4c5a-9f00-0000000000c1}") == "enum custom"

    fields = by_name(tlib, "AllFields")
    fta = fields.GetTypeAttr()
    assert fta.typekind == ti_mod.TKIND_RECORD
    by_field = {fields.GetNames(fields.GetVarDesc(i).memid)[0]: fields.GetVarDesc(i) for i in range(fta.cVars)}
    arr2 = by_field["fArray2"].elemdescVar.tdesc
    assert arr2.vt == automation.VT_CARRAY
    ad = arr2._.lpadesc[0]
    # Two dimensions: comtypes' rgbounds has room for one; comrt's has cDims.
    assert ad.cDims == 2 and [b.cElements for b in ad.rgbounds] == [2, 3]
    assert ad.tdescElem.vt == automation.VT_R8

    mod = by_name(tlib, "AllModule")
    entries = {}
    for i in range(mod.GetTypeAttr().cFuncs):
        fd = mod.GetFuncDesc(i)
        entries[mod.GetNames(fd.memid)[0]] = mod.GetDllEntry(fd.memid, fd.invkind)
    assert entries["FuncByName"][0] == "comrt_all.dll"
    assert entries["FuncByOrdinal"] == ("comrt_all.dll", None, 42)
    assert mod.GetTypeAttr().cVars == 0  # widl leaves a module's constants out of the library

    dual = by_name(tlib, "IAllDual")  # a dual interface: the dispatch half refers to its vtable half
    assert dual.GetTypeAttr().wTypeFlags & ti_mod.TYPEFLAG_FDUAL
    vtbl = dual.GetRefTypeInfo(dual.GetRefTypeOfImplType(-1))
    assert vtbl.GetTypeAttr().typekind == ti_mod.TKIND_INTERFACE
    assert vtbl.GetDocumentation(-1)[0] == "IAllDual"


CD1 = GUID("{6a2f1c00-0b1e-4c5a-9f00-0000000000c1}")
CD2 = GUID("{6a2f1c00-0b1e-4c5a-9f00-0000000000c2}")
CD3 = GUID("{6a2f1c00-0b1e-4c5a-9f00-0000000000c3}")


@pytest.mark.skipif(not ALL.exists(), reason="tests/typelib/fixtures/comrt_all.tlb is not there yet")
def test_typeinfo2_custom_data_and_defaults():
    tlib = ti_mod.LoadTypeLib(str(ALL))
    ia = by_name(tlib, "IAllTypes")
    assert ia.GetAllCustData() == [(CD1, "interface custom"), (CD3, 125)]
    assert ia.GetCustData(CD1) == "interface custom" and ia.GetCustData(str(CD3)) == 125
    memid = ia.GetIDsOfNames("Customized")[0]
    index = ia.GetFuncIndexOfMemId(memid, ti_mod.INVOKE_FUNC)
    assert ia.GetFuncDesc(index).memid == memid
    assert ia.GetFuncCustData(index, CD1) == "func custom"
    assert ia.GetAllFuncCustData(index) == [(CD1, "func custom")]
    assert ia.GetParamCustData(index, 0, CD2) == 9
    assert ia.GetAllParamCustData(index, 1) == [(CD1, "param custom")]
    assert ia.GetDocumentation(memid) == ("Customized", "custom everywhere", 77, "comrt_all.hlp")

    fields = by_name(tlib, "AllFields")
    shade_field = [i for i in range(fields.GetTypeAttr().cVars)
                   if fields.GetNames(fields.GetVarDesc(i).memid)[0] == "fShade"][0]
    assert fields.GetVarCustData(shade_field, CD1) == "field custom"
    assert fields.GetAllVarCustData(shade_field) == [(CD1, "field custom")]
    shade = by_name(tlib, "Shade")
    assert shade.GetVarIndexOfMemId(shade.GetVarDesc(3).memid) == 3
    assert shade.GetTypeFlags() == shade.GetTypeAttr().wTypeFlags

    dual = by_name(tlib, "IAllDual")
    assert dual.GetDocumentation2(-1) == ("dual interface with defaults and properties", 0x107,
                                          "comrt_all_strings.dll")
    funcs = {dual.GetNames(dual.GetFuncDesc(i).memid)[0]: dual.GetFuncDesc(i)
             for i in range(dual.GetTypeAttr().cFuncs)}
    # Like Wine, GetFuncIndexOfMemId counts a dual dispinterface's functions
    # without the 7 inherited from IUnknown/IDispatch that GetFuncDesc lists.
    assert dual.GetFuncIndexOfMemId(5, ti_mod.INVOKE_FUNC) == 9
    fd = funcs["Defaults"]
    names = dual.GetNames(fd.memid, fd.cParams + 1)
    defaults = {}
    for i in range(fd.cParams):
        pd = fd.lprgelemdescParam[i]._.paramdesc
        if pd.wParamFlags & ti_mod.PARAMFLAG_FHASDEFAULT:
            var = pd.pparamdescex[0].varDefaultValue
            defaults[names[i + 1]] = (var.vt, var.value)
    A = automation
    assert defaults["dI4"] == (A.VT_I4, -5) and defaults["dUI1"] == (A.VT_UI1, 250)
    assert defaults["dBSTR"] == (A.VT_BSTR, "text") and defaults["dVARIANTstr"] == (A.VT_BSTR, "v")
    assert defaults["dBOOL"] == (A.VT_BOOL, True) and defaults["dBOOL0"] == (A.VT_BOOL, False)
    assert defaults["dUI2"] == (A.VT_UI2, 65535) and defaults["dI1"] == (A.VT_I1, -7)
    assert defaults["dDisp"] == (A.VT_DISPATCH, None) and defaults["dUnk"] == (A.VT_UNKNOWN, None)
    assert defaults["dInOut"] == (A.VT_I4, 6)
    assert funcs["VarArgs"].cParamsOpt == -1  # vararg

    obj = by_name(tlib, "AllObject")
    impls = [(obj.GetRefTypeInfo(obj.GetRefTypeOfImplType(i)).GetDocumentation(-1)[0], obj.GetImplTypeFlags(i))
             for i in range(obj.GetTypeAttr().cImplTypes)]
    F = ti_mod
    assert impls == [("IAllDual", F.IMPLTYPEFLAG_FDEFAULT), ("IAllTypes", 0), ("DAllEvents", F.IMPLTYPEFLAG_FSOURCE),
                     ("DFromInterface", F.IMPLTYPEFLAG_FDEFAULT | F.IMPLTYPEFLAG_FSOURCE),
                     ("IDerived", F.IMPLTYPEFLAG_FRESTRICTED),
                     ("IDualDerived", F.IMPLTYPEFLAG_FDEFAULTVTABLE | F.IMPLTYPEFLAG_FSOURCE)]
    assert obj.GetAllImplTypeCustData(0) == []
    with pytest.raises(COMError):
        obj.GetImplTypeCustData(99, CD1)


def test_reference_counts_balance(stdole):
    # Wrappers and views hold exactly one reference each: walking many times
    # and dropping everything leaves every count where it was.
    def exercise():
        walk(stdole)
        tc = stdole.GetTypeComp()
        tc.Bind("LoadPicture")
        tc.Bind("Default")
        tc.Bind("LoadPictureConstants")
        tc.BindType("IDispatch")
        stdole.FindName("GetTypeInfo")
        stdole.GetTypeInfoOfGuid(IID_IDispatch).GetTypeComp().Bind("Invoke")

    def counts():
        gc.collect()
        return stdole._refcount(), [stdole.GetTypeInfo(i)._refcount() for i in range(stdole.GetTypeInfoCount())]

    exercise()  # anything the library creates lazily exists from here on
    before = counts()
    for _ in range(20):
        exercise()
    assert counts() == before


def test_same_library_twice_and_equality():
    a = ti_mod.LoadTypeLib(str(STDOLE2))
    b = ti_mod.LoadTypeLib(str(STDOLE2))
    assert a == b and hash(a) == hash(b)  # the process-wide cache gives the same object
    assert a.GetTypeInfo(4) == b.GetTypeInfo(4)
    assert {a, b} == {a}
    assert "ITypeLib ptr=0x" in repr(a)
    again = ti_mod.ITypeLib._from_ptr(a._ptr_)
    assert again == a


def test_threads_walk_concurrently():
    tlib = ti_mod.LoadTypeLib(str(STDOLE2))
    expected = walk(tlib)
    results, errors = [], []

    def worker():
        try:
            for _ in range(5):
                results.append(walk(tlib) == expected)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and results == [True] * 20
