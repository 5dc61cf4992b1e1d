"""comrt.typeinfo.CreateTypeLib: ICreateTypeLib2 / ICreateTypeInfo2 from
Python with comtypes' method names and shapes.  A library with every
construct (enum constants, a record, aliases, an interface with parameters
and defaults, a dual interface, a module with DLL entries, a coclass,
custom data in all five places, docs and help contexts) is built, saved to
tmp_path, loaded back with LoadTypeLibEx and checked fact by fact through
the reading API; then misuse (the HRESULTs oleaut32 answers), the
QueryInterface views, the ctypes helpers for VARIANTs and ARRAYDESCs, and
balanced reference counts.  The comtypes scenarios of its
test_typeinfo_create.py run here unchanged but for comrt's VARIANT."""
import ctypes
import gc
import pathlib
import threading

import pytest

import comrt
from comrt import COMError, GUID, _comrt, automation, hresult

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "typelib" / "fixtures"
STDOLE2 = FIXTURES / "stdole2.tlb"

try:
    from comrt import typeinfo as t
except ImportError:  # pragma: no cover - only while the binding is not built
    t = None

pytestmark = [
    pytest.mark.skipif(t is None or not hasattr(t, "CreateTypeLib"), reason="comrt.typeinfo.CreateTypeLib not built"),
    pytest.mark.skipif(not STDOLE2.exists(), reason="tests/typelib/fixtures/stdole2.tlb is not there yet"),
]

A = automation
IID_IUnknown = GUID("{00000000-0000-0000-C000-000000000046}")
IID_IDispatch = GUID("{00020400-0000-0000-C000-000000000046}")
IID_ITypeLib2 = GUID("{00020411-0000-0000-C000-000000000046}")
TYPE_E_NAMECONFLICT = 0x8002802D
TYPE_E_AMBIGUOUSNAME = 0x8002802C
TYPE_E_ELEMENTNOTFOUND = 0x8002802B
E_NOTIMPL = 0x80004001
E_NOINTERFACE = 0x80004002
E_INVALIDARG = 0x80070057
DISP_E_BADVARTYPE = 0x80020008

LIBID = GUID("{6A2F1C00-0B1E-4C5A-9F00-000000000770}")
IID_ITHING = GUID("{6A2F1C00-0B1E-4C5A-9F00-000000000771}")
IID_IDUAL = GUID("{6A2F1C00-0B1E-4C5A-9F00-000000000772}")
CLSID_THING = GUID("{6A2F1C00-0B1E-4C5A-9F00-000000000773}")
CD = GUID("{6A2F1C00-0B1E-4C5A-9F00-0000000007CD}")


@pytest.fixture(autouse=True)
def stdole_on_path(monkeypatch):
    # Written libraries import stdole2.tlb; the reader finds it here (the
    # search path after the registry and the library's own folder).
    monkeypatch.setenv("COMRT_TYPELIB_PATH", str(FIXTURES))


@pytest.fixture(scope="module")
def stdole():
    return t.LoadTypeLib(str(STDOLE2))


def hr_of(excinfo):
    return excinfo.value.hresult & 0xFFFFFFFF


def named(tlib, name):
    found = tlib.FindName(name)
    assert found is not None, name
    return found[1]


def funcdesc(memid, invkind=t.INVOKE_FUNC if t else 1, params=None, ret=A.VT_HRESULT, funckind=None, nopt=0):
    """A FUNCDESC filled as a comtypes user fills one."""
    fd = t.FUNCDESC(memid=memid, funckind=t.FUNC_PUREVIRTUAL if funckind is None else funckind, invkind=invkind,
                    callconv=t.CC_STDCALL, cParams=len(params or ()), cParamsOpt=nopt,
                    elemdescFunc=t.ELEMDESC(tdesc=t.TYPEDESC(vt=ret)))
    if params:
        fd.lprgelemdescParam = (t.ELEMDESC * len(params))(*params)
    return fd


def param(vt, flags=0, default=None, pointee=None):
    ed = t.ELEMDESC(tdesc=t.TYPEDESC(vt=vt))
    if pointee is not None:
        ed.tdesc._.lptdesc = ctypes.pointer(pointee)
    ed._.paramdesc.wParamFlags = flags
    if default is not None:
        ed._.paramdesc.pparamdescex = ctypes.pointer(
            t.PARAMDESCEX(cBytes=ctypes.sizeof(t.PARAMDESCEX), varDefaultValue=default))
    return ed


def build_everything(path, stdole, syskind=None):
    """The every-construct library; returns nothing (all wrappers dropped)."""
    ctl = t.CreateTypeLib(str(path)) if syskind is None else t.CreateTypeLib(str(path), syskind)
    ctl.SetName("Everything")
    ctl.SetGuid(LIBID)
    ctl.SetVersion(2, 5)
    ctl.SetLcid(0x409)
    ctl.SetDocString("a library of everything")
    ctl.SetHelpFileName("every.chm")
    ctl.SetHelpContext(55)
    ctl.SetHelpStringContext(66)
    ctl.SetHelpStringDll("res.dll")
    ctl.SetLibFlags(t.LIBFLAG_FHIDDEN)
    ctl.SetCustData(CD, 2.5)
    ctl.SetCustData(str(CD), 7)  # the same GUID again replaces the value

    # 0: enum of constants (values inline and out of line, from a VARIANT too)
    en = ctl.CreateTypeInfo("EColor", t.TKIND_ENUM)
    en.SetDocString("colours")
    for i, (name, value) in enumerate([("eRed", 0), ("eMinus", -1), ("eBig", A.VARIANT(100000000))]):
        vd = t.VARDESC(memid=0x40000000 + i, varkind=t.VAR_CONST, elemdescVar=t.ELEMDESC(tdesc=t.TYPEDESC(vt=A.VT_I4)))
        vd._.lpvarValue = value
        en.AddVarDesc(i, vd)
        en.SetVarName(i, name)
    en.SetVarDocString(1, "minus one")
    en.SetVarHelpContext(1, 11)
    en.SetVarHelpStringContext(1, 12)
    en.SetVarCustData(2, CD, "big")
    en.LayOut()

    # 1: record {LONG a; BSTR b; CHAR c}
    rec = ctl.CreateTypeInfo("RRec", t.TKIND_RECORD)
    for i, (name, vt) in enumerate([("a", A.VT_I4), ("b", A.VT_BSTR), ("c", A.VT_I1)]):
        rec.AddVarDesc(i, t.VARDESC(memid=0x40000000 + i, varkind=t.VAR_PERINSTANCE,
                                    elemdescVar=t.ELEMDESC(tdesc=t.TYPEDESC(vt=vt))))
        rec.SetVarName(i, name)
    rec.LayOut()
    href_rec = rec.AddRefTypeInfo(rec)  # an ICreateTypeInfo, as comtypes passes it

    # 2: alias of a pointer to the record; 3: alias of a 2-D C array of doubles
    al = ctl.CreateTypeInfo("PRec", t.TKIND_ALIAS)
    pointee = t.TYPEDESC(vt=A.VT_USERDEFINED)
    pointee._.hreftype = href_rec
    td = t.TYPEDESC(vt=A.VT_PTR)
    td._.lptdesc = ctypes.pointer(pointee)
    al.SetTypeDescAlias(td)
    al.LayOut()
    grid = ctl.CreateTypeInfo("Grid", t.TKIND_ALIAS)
    td = t.TYPEDESC(vt=A.VT_CARRAY)
    td._.lpadesc = ctypes.pointer(t.ARRAYDESC.create(t.TYPEDESC(vt=A.VT_R8), [(2, 0), (3, 1)]))
    grid.SetTypeDescAlias(td)
    grid.LayOut()

    # 4: interface IThing : IUnknown
    it = ctl.CreateTypeInfo("IThing", t.TKIND_INTERFACE)
    it.SetGuid(IID_ITHING)
    it.SetTypeFlags(t.TYPEFLAG_FOLEAUTOMATION)
    it.SetVersion(1, 3)
    it.SetDocString("a thing")
    it.SetHelpContext(40)
    it.SetHelpStringContext(41)
    it.SetCustData(CD, "type cd")
    it.AddImplType(0, it.AddRefTypeInfo(stdole.GetTypeInfoOfGuid(IID_IUnknown)))
    it.AddFuncDesc(0, funcdesc(0x60010000, params=[
        param(A.VT_PTR, t.PARAMFLAG_FIN, pointee=pointee),
        param(A.VT_I4, t.PARAMFLAG_FIN | t.PARAMFLAG_FOPT | t.PARAMFLAG_FHASDEFAULT, default=42),
        param(A.VT_BSTR, t.PARAMFLAG_FIN | t.PARAMFLAG_FOPT | t.PARAMFLAG_FHASDEFAULT, default=A.VARIANT("dflt")),
    ]))
    it.SetFuncAndParamNames(0, "Do", "what", "count", "label")
    it.SetFuncDocString(0, "does")
    it.SetFuncHelpContext(0, 21)
    it.SetFuncHelpStringContext(0, 22)
    it.SetFuncCustData(0, CD, "func cd")
    it.SetParamCustData(0, 1, CD, "param cd")
    it.AddFuncDesc(1, funcdesc(0x60010001, t.INVOKE_PROPERTYGET, params=[
        param(A.VT_PTR, t.PARAMFLAG_FOUT | t.PARAMFLAG_FRETVAL, pointee=t.TYPEDESC(vt=A.VT_I4))]))
    it.SetFuncAndParamNames(1, "Value")
    it.LayOut()

    # 5: dual interface IDualThing : IDispatch
    du = ctl.CreateTypeInfo("IDualThing", t.TKIND_INTERFACE)
    du.SetGuid(IID_IDUAL)
    du.SetTypeFlags(t.TYPEFLAG_FDUAL | t.TYPEFLAG_FOLEAUTOMATION | t.TYPEFLAG_FDISPATCHABLE)
    du.AddImplType(0, du.AddRefTypeInfo(stdole.GetTypeInfoOfGuid(IID_IDispatch)))
    du.AddFuncDesc(0, funcdesc(1, params=[param(A.VT_BSTR, t.PARAMFLAG_FIN)]))
    du.SetFuncAndParamNames(0, "Ping", "text")
    du.LayOut()

    # 6: module with DLL entries (by name and by ordinal)
    mo = ctl.CreateTypeInfo("MFuncs", t.TKIND_MODULE)
    mo.AddFuncDesc(0, funcdesc(0x60000000, ret=A.VT_I4, funckind=t.FUNC_STATIC))
    mo.SetFuncAndParamNames(0, "Beep")
    mo.DefineFuncAsDllEntry(0, "kernel32.dll", "Beep")
    mo.AddFuncDesc(1, funcdesc(0x60000001, ret=A.VT_I4, funckind=t.FUNC_STATIC))
    mo.SetFuncAndParamNames(1, "ByOrdinal")
    mo.DefineFuncAsDllEntry(1, "kernel32.dll", 12)
    mo.LayOut()

    # 7: coclass implementing IThing (default) and IDualThing (source)
    co = ctl.CreateTypeInfo("CThing", t.TKIND_COCLASS)
    co.SetGuid(CLSID_THING)
    co.SetTypeFlags(t.TYPEFLAG_FCANCREATE)
    co.AddImplType(0, co.AddRefTypeInfo(it))
    co.SetImplTypeFlags(0, t.IMPLTYPEFLAG_FDEFAULT)
    co.SetImplTypeCustData(0, CD, 9)
    co.AddImplType(1, co.AddRefTypeInfo(du))
    co.SetImplTypeFlags(1, t.IMPLTYPEFLAG_FSOURCE)
    co.LayOut()
    ctl.SaveAllChanges()


def check_everything(path, ptr_size):
    """ptr_size is the library's (instance layouts, cbSizeVft); a function's
    oVft reads back in this process's pointers: oleaut32 scales that one
    only (checked against Wine for a SYS_WIN32 library)."""
    vp = ctypes.sizeof(ctypes.c_void_p)
    tlib = t.LoadTypeLibEx(str(path))
    assert tlib.GetTypeInfoCount() == 8
    assert [tlib.GetDocumentation(i)[0] for i in range(8)] == [
        "EColor", "RRec", "PRec", "Grid", "IThing", "IDualThing", "MFuncs", "CThing"]
    name, doc, ctx, helpfile = tlib.GetDocumentation(-1)
    assert (name, doc, ctx, pathlib.PureWindowsPath(helpfile).name) == (
        "Everything", "a library of everything", 55, "every.chm")
    assert tlib.GetDocumentation2(-1) == ("a library of everything", 66, "res.dll")
    la = tlib.GetLibAttr()
    assert (la.guid, la.lcid, la.wMajorVerNum, la.wMinorVerNum) == (LIBID, 0x409, 2, 5)
    assert la.syskind == (t.SYS_WIN64 if ptr_size == 8 else t.SYS_WIN32)
    assert la.wLibFlags & t.LIBFLAG_FHIDDEN
    assert tlib.GetCustData(CD) == 7 and tlib.GetAllCustData() == [(CD, 7)]

    en = named(tlib, "EColor")
    ta = en.GetTypeAttr()
    assert (ta.typekind, ta.cVars, ta.cFuncs) == (t.TKIND_ENUM, 3, 0)
    assert en.GetDocumentation(-1)[:2] == ("EColor", "colours")
    consts = []
    for i in range(3):
        vd = en.GetVarDesc(i)
        assert vd.varkind == t.VAR_CONST and vd.elemdescVar.tdesc.vt == A.VT_I4
        consts.append((en.GetNames(vd.memid)[0], vd._.lpvarValue[0].value))
    assert consts == [("eRed", 0), ("eMinus", -1), ("eBig", 100000000)]
    # a member's help file is the library's (as oleaut32 answers)
    assert en.GetDocumentation(0x40000001)[:3] == ("eMinus", "minus one", 11)
    assert pathlib.PureWindowsPath(en.GetDocumentation(0x40000001)[3]).name == "every.chm"
    assert en.GetDocumentation2(0x40000001)[1] == 12
    assert en.GetVarCustData(2, CD) == "big" and en.GetAllVarCustData(0) == []

    rec = named(tlib, "RRec")
    ta = rec.GetTypeAttr()
    assert (ta.typekind, ta.cVars, ta.cbSizeInstance) == (t.TKIND_RECORD, 3, 3 * ptr_size)
    assert [rec.GetVarDesc(i).oInst for i in range(3)] == [0, ptr_size, 2 * ptr_size]

    al = named(tlib, "PRec")
    tdesc = al.GetTypeAttr().tdescAlias
    assert tdesc.vt == A.VT_PTR and tdesc._.lptdesc[0].vt == A.VT_USERDEFINED
    assert al.GetRefTypeInfo(tdesc._.lptdesc[0]._.hreftype).GetDocumentation(-1)[0] == "RRec"
    ta = named(tlib, "Grid").GetTypeAttr()
    ad = ta.tdescAlias._.lpadesc[0]
    assert (ta.tdescAlias.vt, ad.tdescElem.vt, ad.cDims) == (A.VT_CARRAY, A.VT_R8, 2)
    assert [(b.cElements, b.lLbound) for b in ad.rgbounds] == [(2, 0), (3, 1)]
    assert ta.cbSizeInstance == 6 * 8

    it = named(tlib, "IThing")
    ta = it.GetTypeAttr()
    assert (ta.typekind, ta.guid, ta.cFuncs, ta.cImplTypes) == (t.TKIND_INTERFACE, IID_ITHING, 2, 1)
    assert (ta.wMajorVerNum, ta.wMinorVerNum, ta.wTypeFlags) == (1, 3, t.TYPEFLAG_FOLEAUTOMATION)
    assert ta.cbSizeVft == 5 * ptr_size  # IUnknown's 3 + 2
    assert it.GetDocumentation(-1)[:3] == ("IThing", "a thing", 40)
    assert it.GetDocumentation2(-1)[1] == 41
    assert it.GetCustData(CD) == "type cd"
    base = it.GetRefTypeInfo(it.GetRefTypeOfImplType(0))
    assert base.GetTypeAttr().guid == IID_IUnknown
    fd = it.GetFuncDesc(0)
    assert (fd.memid, fd.invkind, fd.funckind, fd.cParams, fd.oVft) == (
        0x60010000, t.INVOKE_FUNC, t.FUNC_PUREVIRTUAL, 3, 3 * vp)
    assert fd.elemdescFunc.tdesc.vt == A.VT_HRESULT
    assert it.GetNames(fd.memid, 5) == ["Do", "what", "count", "label"]
    p = fd.lprgelemdescParam
    assert p[0].tdesc.vt == A.VT_PTR and p[0].tdesc._.lptdesc[0].vt == A.VT_USERDEFINED
    assert p[0]._.paramdesc.wParamFlags == t.PARAMFLAG_FIN
    defaults = [(p[i].tdesc.vt, p[i]._.paramdesc.pparamdescex[0].varDefaultValue.value) for i in (1, 2)]
    assert defaults == [(A.VT_I4, 42), (A.VT_BSTR, "dflt")]
    assert all(p[i]._.paramdesc.wParamFlags & t.PARAMFLAG_FHASDEFAULT for i in (1, 2))
    assert it.GetDocumentation(fd.memid)[:3] == ("Do", "does", 21)
    assert it.GetDocumentation2(fd.memid)[1] == 22
    assert it.GetFuncCustData(0, CD) == "func cd" and it.GetParamCustData(0, 1, CD) == "param cd"
    fd = it.GetFuncDesc(1)
    assert (fd.invkind, fd.oVft) == (t.INVOKE_PROPERTYGET, 4 * vp)
    assert fd.lprgelemdescParam[0]._.paramdesc.wParamFlags == t.PARAMFLAG_FOUT | t.PARAMFLAG_FRETVAL
    assert it.GetNames(fd.memid, 2) == ["Value"]

    du = named(tlib, "IDualThing")  # read back as the dispinterface of the pair
    ta = du.GetTypeAttr()
    assert (ta.typekind, ta.guid, ta.cFuncs) == (t.TKIND_DISPATCH, IID_IDUAL, 8)  # IDispatch's 7 + Ping
    assert ta.wTypeFlags & t.TYPEFLAG_FDUAL and ta.wTypeFlags & t.TYPEFLAG_FDISPATCHABLE
    vt_part = du.GetRefTypeInfo(du.GetRefTypeOfImplType(-1))
    ta = vt_part.GetTypeAttr()
    assert (ta.typekind, ta.cFuncs, ta.cbSizeVft) == (t.TKIND_INTERFACE, 1, 8 * ptr_size)
    fd = vt_part.GetFuncDesc(0)
    assert (fd.memid, fd.oVft) == (1, 7 * vp)
    assert vt_part.GetNames(1, 2) == ["Ping", "text"]
    assert vt_part.GetRefTypeInfo(vt_part.GetRefTypeOfImplType(0)).GetTypeAttr().guid == IID_IDispatch

    mo = named(tlib, "MFuncs")
    assert mo.GetTypeAttr().typekind == t.TKIND_MODULE
    assert mo.GetDllEntry(0x60000000, t.INVOKE_FUNC) == ("kernel32.dll", "Beep", 0xFFFF)  # as Wine: no ordinal
    assert mo.GetDllEntry(0x60000001, t.INVOKE_FUNC) == ("kernel32.dll", None, 12)
    assert mo.GetFuncDesc(0).funckind == t.FUNC_STATIC

    co = named(tlib, "CThing")
    ta = co.GetTypeAttr()
    assert (ta.typekind, ta.guid, ta.wTypeFlags, ta.cImplTypes) == (
        t.TKIND_COCLASS, CLSID_THING, t.TYPEFLAG_FCANCREATE, 2)
    impls = [(co.GetRefTypeInfo(co.GetRefTypeOfImplType(i)).GetDocumentation(-1)[0], co.GetImplTypeFlags(i))
             for i in range(2)]
    assert impls == [("IThing", t.IMPLTYPEFLAG_FDEFAULT), ("IDualThing", t.IMPLTYPEFLAG_FSOURCE)]
    assert co.GetImplTypeCustData(0, CD) == 9 and co.GetAllImplTypeCustData(1) == []
    assert tlib.GetTypeInfoOfGuid(CLSID_THING) == co


# ---- surface -----------------------------------------------------------------------

def test_surface():
    assert t.ICreateTypeLib2 is _comrt.ICreateTypeLib2 and issubclass(t.ICreateTypeLib2, t.ICreateTypeLib)
    assert issubclass(t.ICreateTypeInfo2, t.ICreateTypeInfo)
    for name in ("CreateTypeLib", "ICreateTypeLib", "ICreateTypeLib2", "ICreateTypeInfo", "ICreateTypeInfo2"):
        assert name in t.__all__
    for cls in (t.ICreateTypeLib, t.ICreateTypeLib2, t.ICreateTypeInfo, t.ICreateTypeInfo2):
        with pytest.raises(TypeError, match="CreateTypeLib"):
            cls()
    # comtypes' ICreateTypeLib / ICreateTypeInfo methods are all there
    for m in ("CreateTypeInfo SetName SetVersion SetGuid SetDocString SetHelpFileName SetHelpContext SetLcid "
              "SetLibFlags SaveAllChanges QueryInterface").split():
        assert hasattr(t.ICreateTypeLib, m), m
    for m in "DeleteTypeInfo SetCustData SetHelpStringContext SetHelpStringDll".split():
        assert hasattr(t.ICreateTypeLib2, m) and not hasattr(t.ICreateTypeLib, m), m
    for m in ("SetGuid SetTypeFlags SetDocString SetHelpContext SetVersion AddRefTypeInfo AddFuncDesc AddImplType "
              "SetImplTypeFlags SetAlignment SetSchema AddVarDesc SetFuncAndParamNames SetVarName SetTypeDescAlias "
              "DefineFuncAsDllEntry SetFuncDocString SetVarDocString SetFuncHelpContext SetVarHelpContext SetMops "
              "SetTypeIdldesc LayOut").split():
        assert hasattr(t.ICreateTypeInfo, m), m
    for m in ("DeleteFuncDesc DeleteFuncDescByMemId DeleteVarDesc DeleteVarDescByMemId DeleteImplType SetCustData "
              "SetFuncCustData SetParamCustData SetVarCustData SetImplTypeCustData SetHelpStringContext "
              "SetFuncHelpStringContext SetVarHelpStringContext Invalidate SetName").split():
        assert hasattr(t.ICreateTypeInfo2, m), m


# ---- the every-construct library ---------------------------------------------------------

@pytest.mark.parametrize("syskind, ptr_size", [(None, 8), (t.SYS_WIN64 if t else 3, 8), (t.SYS_WIN32 if t else 1, 4)])
def test_build_save_and_read_back(tmp_path, stdole, syskind, ptr_size):
    path = tmp_path / "everything.tlb"
    build_everything(path, stdole, syskind)
    check_everything(path, ptr_size)


def test_path_like_and_bytes_file_names(tmp_path):
    for arg in (tmp_path / "a.tlb", str(tmp_path / "b.tlb").encode()):
        ctl = t.CreateTypeLib(arg)
        ctl.SetName("P")
        ctl.SaveAllChanges()
    assert t.LoadTypeLibEx(tmp_path / "a.tlb").GetDocumentation(-1)[0] == "P"
    assert (tmp_path / "b.tlb").exists()


# ---- comtypes' own scenarios (test_typeinfo_create.py) ------------------------------------

def test_comtypes_documentation_and_libattr(tmp_path):
    path = tmp_path / "test.tlb"
    ctlib = t.CreateTypeLib(str(path))
    libid = GUID.create_new()
    ctlib.SetName("MyTestTypeLib")
    ctlib.SetDocString("This is a test type library docstring.")
    ctlib.SetHelpContext(123)
    ctlib.SetHelpFileName("myhelp.chm")
    ctlib.SetGuid(libid)
    ctlib.SetLcid(1033)
    ctlib.SetVersion(1, 2)
    ctlib.SetLibFlags(t.LIBFLAG_FRESTRICTED)
    ctlib.SaveAllChanges()
    tlib = t.LoadTypeLibEx(str(path))
    doc = tlib.GetDocumentation(-1)
    assert doc[:-1] + (pathlib.PureWindowsPath(doc[-1].strip("\0")).name,) == (
        "MyTestTypeLib", "This is a test type library docstring.", 123, "myhelp.chm")
    la = tlib.GetLibAttr()
    assert (la.guid, la.lcid, la.wMajorVerNum, la.wMinorVerNum) == (libid, 1033, 1, 2)
    assert la.wLibFlags & t.LIBFLAG_FRESTRICTED
    assert isinstance(ctlib.CreateTypeInfo("IMyInterface", t.TKIND_INTERFACE), t.ICreateTypeInfo)


class ITypeLib2Spec:
    """A comtypes-style interface class: QueryInterface goes by its _iid_."""
    _iid_ = IID_ITypeLib2


def test_comtypes_query_interface_views(tmp_path):
    ctlib = t.CreateTypeLib(str(tmp_path / "test.tlb"))
    guid = GUID.create_new()
    ctlib.SetDocString("helpstring")
    ctlib.SetHelpStringContext(123)
    ctlib.SetHelpStringDll("myhelp.dll")
    ctlib.SetCustData(guid, "Custom Library Data")
    ctlib.SaveAllChanges()
    tlib2 = ctlib.QueryInterface(ITypeLib2Spec)
    assert isinstance(tlib2, t.ITypeLib)
    assert tlib2.GetDocumentation2(-1, 0) == ("helpstring", 123, "myhelp.dll")
    assert tlib2.GetCustData(guid) == "Custom Library Data"
    # the view is a snapshot: later changes show in a new one only
    ctlib.SetDocString("changed")
    assert tlib2.GetDocumentation(-1)[1] == "helpstring"
    assert ctlib.QueryInterface(t.ITypeLib).GetDocumentation(-1)[1] == "changed"
    assert ctlib.QueryInterface(t.ITypeLib, str(IID_ITypeLib2)).GetDocumentation(-1)[1] == "changed"
    again = ctlib.QueryInterface(t.ICreateTypeLib2)
    assert again == ctlib and isinstance(again, t.ICreateTypeLib2)
    assert t.ICreateTypeLib2._from_ptr(ctlib._ptr_) == ctlib
    with pytest.raises(COMError) as e:
        ctlib.QueryInterface(GUID.create_new())
    assert hr_of(e) == E_NOINTERFACE
    with pytest.raises(COMError) as e:
        ctlib.QueryInterface(t.ITypeComp)
    assert hr_of(e) == E_NOINTERFACE
    with pytest.raises(TypeError, match="_iid_"):
        ctlib.QueryInterface(int)
    cti = ctlib.CreateTypeInfo("IMine", t.TKIND_INTERFACE)
    ti = cti.QueryInterface(t.ITypeInfo)
    assert ti.GetDocumentation(-1)[0] == "IMine" and ti.GetTypeAttr().typekind == t.TKIND_INTERFACE
    assert ti.GetContainingTypeLib()[1] == 0
    base_view = cti.QueryInterface(t.ICreateTypeInfo)
    assert type(base_view) is t.ICreateTypeInfo and base_view._ptr_ == cti._ptr_
    assert t.ICreateTypeInfo2._from_ptr(cti._ptr_) == cti
    assert "ICreateTypeInfo2 ptr=0x" in repr(cti)


def test_comtypes_func_var_docs_and_impltypes(tmp_path):
    path = tmp_path / "test.tlb"
    ctlib = t.CreateTypeLib(str(path))
    base = ctlib.CreateTypeInfo("IUnknown", t.TKIND_INTERFACE)
    base.SetGuid(IID_IUnknown)
    base.LayOut()
    itf = ctlib.CreateTypeInfo("IMyInterface", t.TKIND_INTERFACE)
    iid = GUID.create_new()
    itf.SetGuid(iid)
    itf.SetTypeFlags(t.TYPEFLAG_FHIDDEN)
    itf.SetVersion(2, 1)
    itf.SetAlignment(8)
    itf.AddImplType(0, itf.AddRefTypeInfo(base))
    itf.AddFuncDesc(0, t.FUNCDESC(memid=42, funckind=t.FUNC_PUREVIRTUAL, invkind=t.INVOKE_FUNC,
                                  callconv=t.CC_STDCALL, cParams=0,
                                  elemdescFunc=t.ELEMDESC(tdesc=t.TYPEDESC(vt=A.VT_HRESULT))))
    itf.SetFuncAndParamNames(0, "MyFunction")
    itf.SetFuncDocString(0, "This is my function's docstring.")
    itf.SetFuncHelpContext(0, 999)
    itf.LayOut()
    mod = ctlib.CreateTypeInfo("MyModule", t.TKIND_MODULE)
    vardesc = t.VARDESC(memid=102, varkind=t.VAR_CONST, elemdescVar=t.ELEMDESC(tdesc=t.TYPEDESC(vt=A.VT_BSTR)),
                        wVarFlags=t.VARFLAG_FDEFAULTBIND)
    vardesc._.lpvarValue = A.VARIANT("MyValue")  # comtypes: pointer(VARIANT("MyValue"))
    mod.AddVarDesc(0, vardesc)
    mod.SetVarName(0, "MyDocVar")
    mod.SetVarDocString(0, "This is my variable's docstring.")
    mod.SetVarHelpContext(0, 888)
    mod.LayOut()
    cls = ctlib.CreateTypeInfo("MyClass", t.TKIND_COCLASS)
    cls.SetGuid(GUID.create_new())
    cls.AddImplType(0, cls.AddRefTypeInfo(itf))
    cls.SetImplTypeFlags(0, t.IMPLTYPEFLAG_FDEFAULT | t.IMPLTYPEFLAG_FSOURCE)
    cls.LayOut()
    alias = ctlib.CreateTypeInfo("MyAlias", t.TKIND_ALIAS)
    alias.SetTypeDescAlias(t.TYPEDESC(vt=A.VT_INT))
    alias.LayOut()
    ctlib.SaveAllChanges()

    tlib = t.LoadTypeLibEx(str(path))
    _, tinfo = tlib.FindName("IMyInterface")
    assert tinfo.GetDocumentation(42) == ("MyFunction", "This is my function's docstring.", 999, None)
    ta = tinfo.GetTypeAttr()
    assert (ta.cImplTypes, ta.wTypeFlags, ta.wMajorVerNum, ta.wMinorVerNum, ta.guid) == (
        1, t.TYPEFLAG_FHIDDEN, 2, 1, iid)
    assert tinfo.GetRefTypeInfo(tinfo.GetRefTypeOfImplType(0)).GetTypeAttr().guid == IID_IUnknown
    base_ta = named(tlib, "IUnknown").GetTypeAttr()
    assert (base_ta.cImplTypes, base_ta.guid, base_ta.wTypeFlags, base_ta.cbAlignment) == (0, IID_IUnknown, 0, 8)
    _, tinfo = tlib.FindName("MyDocVar")
    assert tinfo.GetDocumentation(102) == ("MyDocVar", "This is my variable's docstring.", 888, None)
    vd = tinfo.GetVarDesc(0)
    assert (vd.memid, vd.varkind, vd.wVarFlags, vd.elemdescVar.tdesc.vt) == (
        102, t.VAR_CONST, t.VARFLAG_FDEFAULTBIND, A.VT_BSTR)
    assert vd._.lpvarValue[0].value == "MyValue"
    assert named(tlib, "MyClass").GetImplTypeFlags(0) == t.IMPLTYPEFLAG_FDEFAULT | t.IMPLTYPEFLAG_FSOURCE
    ta = named(tlib, "MyAlias").GetTypeAttr()
    assert (ta.typekind, ta.tdescAlias.vt) == (t.TKIND_ALIAS, A.VT_INT)


# ---- editing: delete, rename, schema, idldesc, mops ---------------------------------------

def test_delete_and_rename(tmp_path):
    path = tmp_path / "edit.tlb"
    ctl = t.CreateTypeLib(str(path))
    it = ctl.CreateTypeInfo("IEdit", t.TKIND_INTERFACE)
    for i in range(3):
        it.AddFuncDesc(i, funcdesc(0x60010000 + i))
        it.SetFuncAndParamNames(i, f"F{i}")
    it.DeleteFuncDesc(0)
    it.DeleteFuncDescByMemId(0x60010002, t.INVOKE_FUNC)
    it.SetName("IRenamed")
    it.SetSchema("schema")
    it.SetTypeIdldesc(t.IDLDESC(wIDLFlags=t.IDLFLAG_FIN))
    it.SetMops(0, "mops")
    it.LayOut()
    rec = ctl.CreateTypeInfo("RGone", t.TKIND_RECORD)
    for i in range(3):
        rec.AddVarDesc(i, t.VARDESC(memid=0x40000000 + i, varkind=t.VAR_PERINSTANCE,
                                    elemdescVar=t.ELEMDESC(tdesc=t.TYPEDESC(vt=A.VT_I2))))
        rec.SetVarName(i, f"v{i}")
    rec.DeleteVarDesc(0)
    rec.DeleteVarDescByMemId(0x40000002)
    rec.LayOut()
    co = ctl.CreateTypeInfo("CEdit", t.TKIND_COCLASS)
    co.AddImplType(0, co.AddRefTypeInfo(it))
    co.DeleteImplType(0)
    co.LayOut()
    keep = ctl.CreateTypeInfo("EKeep", t.TKIND_ENUM)
    keep.LayOut()
    ctl.DeleteTypeInfo("RGone")
    ctl.SaveAllChanges()
    tlib = t.LoadTypeLibEx(str(path))
    assert [tlib.GetDocumentation(i)[0] for i in range(tlib.GetTypeInfoCount())] == ["IRenamed", "CEdit", "EKeep"]
    it = named(tlib, "IRenamed")
    assert it.GetTypeAttr().cFuncs == 1 and it.GetNames(0x60010001) == ["F1"]
    assert named(tlib, "CEdit").GetTypeAttr().cImplTypes == 0


def test_copy_a_function_from_a_loaded_library(tmp_path, stdole):
    # A FUNCDESC view from GetFuncDesc is a FUNCDESC like any other.
    src = stdole.GetTypeInfoOfGuid(IID_IDispatch)
    ctl = t.CreateTypeLib(str(tmp_path / "copy.tlb"))
    cti = ctl.CreateTypeInfo("ICopy", t.TKIND_INTERFACE)
    expected = []
    for i in range(2):
        fd = src.GetFuncDesc(i)
        names = src.GetNames(fd.memid, fd.cParams + 1)
        cti.AddFuncDesc(i, fd)
        cti.SetFuncAndParamNames(i, *names)
        expected.append((names, [fd.lprgelemdescParam[j].tdesc.vt for j in range(fd.cParams)]))
    cti.LayOut()
    ctl.SaveAllChanges()
    ti = named(t.LoadTypeLibEx(str(tmp_path / "copy.tlb")), "ICopy")
    got = []
    for i in range(2):
        fd = ti.GetFuncDesc(i)
        got.append((ti.GetNames(fd.memid, fd.cParams + 1), [fd.lprgelemdescParam[j].tdesc.vt for j in range(fd.cParams)]))
    assert got == expected and got[0][0] == ["GetTypeInfoCount", "pctinfo"]


# ---- misuse: oleaut32's HRESULTs as COMError -------------------------------------------------

def test_misuse(tmp_path):
    ctl = t.CreateTypeLib(str(tmp_path / "bad.tlb"))
    it = ctl.CreateTypeInfo("IBad", t.TKIND_INTERFACE)
    en = ctl.CreateTypeInfo("EBad", t.TKIND_ENUM)

    def fails(hr, fn, *args):
        with pytest.raises(COMError) as e:
            fn(*args)
        assert hr_of(e) == hr, (fn, args, hex(hr_of(e)))
        assert e.value.text  # the standard message

    fails(TYPE_E_NAMECONFLICT, ctl.CreateTypeInfo, "IBad", t.TKIND_ENUM)
    fails(TYPE_E_NAMECONFLICT, en.SetName, "IBad")
    fails(TYPE_E_ELEMENTNOTFOUND, it.AddFuncDesc, 1, funcdesc(0x60010000))
    fails(TYPE_E_ELEMENTNOTFOUND, it.AddFuncDesc, -1, funcdesc(0x60010000))
    fails(E_INVALIDARG, it.AddFuncDesc, 0, None)
    it.AddFuncDesc(0, funcdesc(0x60010000, params=[param(A.VT_I4, t.PARAMFLAG_FIN)]))
    fails(TYPE_E_ELEMENTNOTFOUND, it.SetFuncAndParamNames, 0, "F", "a", "extra")
    fails(TYPE_E_ELEMENTNOTFOUND, it.SetFuncAndParamNames, 3, "F")
    fails(TYPE_E_ELEMENTNOTFOUND, it.SetFuncDocString, 1, "x")
    fails(TYPE_E_ELEMENTNOTFOUND, it.SetFuncHelpContext, 1, 0)
    fails(TYPE_E_ELEMENTNOTFOUND, it.SetParamCustData, 0, 5, CD, 1)
    fails(TYPE_E_ELEMENTNOTFOUND, it.DeleteFuncDesc, 4)
    fails(TYPE_E_ELEMENTNOTFOUND, it.DeleteFuncDescByMemId, 77, t.INVOKE_FUNC)
    it.SetFuncAndParamNames(0, "F", "a")
    it.AddFuncDesc(1, funcdesc(0x60010001))
    fails(TYPE_E_AMBIGUOUSNAME, it.SetFuncAndParamNames, 1, "F")
    fails(TYPE_E_ELEMENTNOTFOUND, en.AddVarDesc, 1, t.VARDESC(varkind=t.VAR_CONST))
    fails(TYPE_E_ELEMENTNOTFOUND, en.SetVarName, 0, "v")
    fails(TYPE_E_ELEMENTNOTFOUND, en.SetVarDocString, 2, "d")
    fails(TYPE_E_ELEMENTNOTFOUND, en.DeleteVarDesc, 3)
    fails(TYPE_E_ELEMENTNOTFOUND, en.DeleteImplType, 0)
    fails(0x800288BD, en.SetImplTypeFlags, 1, 0)  # TYPE_E_BADMODULEKIND: an enum implements nothing
    fails(TYPE_E_ELEMENTNOTFOUND, ctl.DeleteTypeInfo, "Nope")
    fails(E_NOTIMPL, it.Invalidate)  # as oleaut32
    fails(DISP_E_BADVARTYPE, ctl.SetCustData, CD, (1, 2))  # a SAFEARRAY has no MSFT encoding
    fails(E_INVALIDARG, ctl.SetName, None)
    fails(E_INVALIDARG, it.AddRefTypeInfo, None)
    # argument errors are Python's
    with pytest.raises(TypeError, match="FUNCDESC"):
        it.AddFuncDesc(0, t.VARDESC())
    with pytest.raises(TypeError, match="TYPEDESC"):
        it.SetTypeDescAlias(b"\0" * 16)
    with pytest.raises(TypeError):
        it.AddRefTypeInfo(ctl)
    with pytest.raises(OverflowError):
        ctl.SetVersion(0x10000, 0)
    with pytest.raises(OverflowError):
        it.DefineFuncAsDllEntry(0, "k.dll", 0x10000)
    with pytest.raises(ValueError, match="null"):
        ctl.SetName("a\0b")
    with pytest.raises(TypeError):
        it.SetFuncAndParamNames()
    # a failed call changes nothing: the library still saves and reads back
    it.LayOut()
    ctl.SaveAllChanges()
    tlib = t.LoadTypeLibEx(str(tmp_path / "bad.tlb"))
    assert [tlib.GetDocumentation(i)[0] for i in range(2)] == ["IBad", "EBad"]


def test_save_into_missing_folder_fails(tmp_path):
    ctl = t.CreateTypeLib(str(tmp_path / "no" / "such" / "dir.tlb"))
    with pytest.raises(COMError):
        ctl.SaveAllChanges()


# ---- ctypes helpers -------------------------------------------------------------------

def test_variant_views_outlive_their_makers():
    view = t.VARIANTARG.from_value("kept")
    ptr = ctypes.pointer(view)
    pdx = t.PARAMDESCEX(cBytes=ctypes.sizeof(t.PARAMDESCEX), varDefaultValue=A.VARIANT("copied"))
    vd = t.VARDESC()
    vd.lpvarValue = 12
    del view
    gc.collect()
    assert ptr[0].value == "kept" and ptr[0].vt == A.VT_BSTR
    assert pdx.varDefaultValue.value == "copied"
    assert vd._.lpvarValue[0].value == 12 and vd.lpvarValue[0].vt == A.VT_I4
    vd._.lpvarValue = None
    assert not vd.lpvarValue
    assert t.VARIANTARG.from_value(A.VARIANT.null).vt == A.VT_NULL
    with pytest.raises(TypeError):
        t.VARIANTARG.from_value(object())


def test_overridden_fields_keep_their_layout():
    # the VARIANT fields take Python values now, and still describe the C layout
    assert t.PARAMDESCEX.varDefaultValue.offset == 8 and t.PARAMDESCEX.varDefaultValue.size == 24
    assert t.VARDESC.lpvarValue.offset == 16 and t.N10tagVARDESC5DOLLAR_205E.lpvarValue.offset == 0


def test_arraydesc_create():
    ad = t.ARRAYDESC.create(t.TYPEDESC(vt=A.VT_I2), [(4, 0), (5, -1), (6, 2)])
    assert ad.cDims == 3 and ad.tdescElem.vt == A.VT_I2
    assert [(b.cElements, b.lLbound) for b in ad.rgbounds] == [(4, 0), (5, -1), (6, 2)]
    with pytest.raises(ValueError):
        t.ARRAYDESC.create(t.TYPEDESC(vt=A.VT_I2), [])


def test_threads_build_libraries_concurrently(tmp_path, stdole):
    # Calls run without the GIL; separate libraries built at once do not meet.
    errors = []

    def worker(n):
        try:
            for i in range(3):
                path = tmp_path / f"t{n}_{i}.tlb"
                build_everything(path, stdole)
                check_everything(path, 8)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors


# ---- reference counts -------------------------------------------------------------------

def test_reference_counts_balance(tmp_path, stdole):
    unk = stdole.GetTypeInfoOfGuid(IID_IUnknown)
    disp = stdole.GetTypeInfoOfGuid(IID_IDispatch)

    def counts():
        gc.collect()
        return stdole._refcount(), unk._refcount(), disp._refcount()

    build_everything(tmp_path / "warm.tlb", stdole)  # whatever is created lazily exists from here on
    before = counts()
    for i in range(5):
        build_everything(tmp_path / f"e{i}.tlb", stdole)
        check_everything(tmp_path / f"e{i}.tlb", 8)
    assert counts() == before

    # the library and its types share one count: one per wrapper
    ctl = t.CreateTypeLib(str(tmp_path / "rc.tlb"))
    assert ctl._refcount() == 1
    infos = [ctl.CreateTypeInfo(f"T{i}", t.TKIND_RECORD) for i in range(3)]
    assert ctl._refcount() == 4 and infos[0]._refcount() == 4
    views = [ctl.QueryInterface(t.ITypeLib), infos[1].QueryInterface(t.ITypeInfo)]
    assert ctl._refcount() == 4  # the views are separate snapshot objects
    for _ in range(10):
        infos[0].AddRefTypeInfo(infos[1])
        infos[0].AddRefTypeInfo(unk)
        ctl.QueryInterface(t.ICreateTypeLib2)
    del infos, views
    gc.collect()
    assert ctl._refcount() == 1
    assert counts() == before
