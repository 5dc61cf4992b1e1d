"""comtypes.typeinfo for comrt: type libraries and the descriptions in them.

``LoadTypeLib(path)`` gives an ``ITypeLib``; its ``ITypeInfo`` and
``ITypeComp`` objects have comtypes' methods and return shapes::

    tlib = LoadTypeLib("stdole2.tlb")
    ti = tlib.GetTypeInfoOfGuid(GUID("{00020400-0000-0000-C000-000000000046}"))
    ta = ti.GetTypeAttr()                 # TYPEATTR: ta.cFuncs, ta.guid, ...
    fd = ti.GetFuncDesc(0)                # FUNCDESC: fd.memid, fd.cParams, ...
    vt = fd.lprgelemdescParam[0].tdesc.vt
    name, doc, ctx, helpfile = ti.GetDocumentation(fd.memid)

The three interface objects are C types (``comrt._comrt``) wrapping the
interface pointer: one reference each, released when the object dies, the
GIL released around every call.  A failed call raises ``COMError`` with
the HRESULT (``TYPE_E_ELEMENTNOTFOUND`` for a bad index, ...).

The descriptions (TYPEATTR, FUNCDESC, VARDESC, TLIBATTR and what they point
to: ELEMDESC, TYPEDESC, ARRAYDESC, PARAMDESC, PARAMDESCEX, IDLDESC) are
*ctypes Structures laid over the memory libcomrt returned*, as comtypes
has them, rather than copies.  Why: comtypes code reads them exactly so
(``fd.lprgelemdescParam[i]._.paramdesc.pparamdescex[0].varDefaultValue``,
``tdesc._.lptdesc[0]``, ``vd._.lpvarValue[0].value``), ``ctypes.sizeof``
and ``byref`` work on them, and the same classes describe what a program
builds for ICreateTypeInfo.  Lifetime is handled for you: each view holds
an owner that hands the memory back (``ReleaseFuncDesc`` ...) when the view
dies, and ctypes makes every object taken from a view (a field, a pointer,
``pointer[0]``) keep the view alive, so nothing is released while anything
still reads it.  Only copies made around ctypes' back (``from_address`` of
an address you took out, ``from_buffer_copy``) do not keep it alive.  Each
call returns a fresh descriptor (as Windows does), so writing through a
view changes only that copy; its owner puts back the top-level fields it
handed out before releasing it.

Where comtypes' own code falls short, comrt does the meant thing:
``ta.guid`` / ``la.guid`` are ``comrt.GUID`` objects; ``ARRAYDESC.rgbounds``
has ``cDims`` entries (comtypes declares one, so a 2-D array's second bound
raises IndexError); ``ITypeComp.Bind`` returns ``("implicitappobj",
VARDESC)`` for an application object's member (comtypes raises
NotImplementedError); ``BindType`` returns ``(None, None)`` for an unknown
name.  As in comtypes, ``Bind`` raises NameError for an unknown name.

Writing: ``CreateTypeLib(path)`` gives an ``ICreateTypeLib2``;
``CreateTypeInfo(name, tkind)`` an ``ICreateTypeInfo2``; the descriptions
they take are the same ctypes Structures, filled as with comtypes::

    ctl = CreateTypeLib("my.tlb")
    cti = ctl.CreateTypeInfo("IThing", TKIND_INTERFACE)
    cti.AddImplType(0, cti.AddRefTypeInfo(stdole.GetTypeInfoOfGuid(IID_IUnknown)))
    params = (ELEMDESC * 1)()
    params[0].tdesc.vt = VT_I4
    params[0]._.paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOPT | PARAMFLAG_FHASDEFAULT
    params[0]._.paramdesc.pparamdescex = ctypes.pointer(
        PARAMDESCEX(cBytes=ctypes.sizeof(PARAMDESCEX), varDefaultValue=42))
    cti.AddFuncDesc(0, FUNCDESC(memid=0x60010000, funckind=FUNC_PUREVIRTUAL, invkind=INVOKE_FUNC,
                                callconv=CC_STDCALL, cParams=1, lprgelemdescParam=params,
                                elemdescFunc=ELEMDESC(tdesc=TYPEDESC(vt=VT_HRESULT))))
    cti.SetFuncAndParamNames(0, "Do", "what")
    cti.LayOut()
    ctl.SaveAllChanges()

A VARIANT inside a description (``PARAMDESCEX.varDefaultValue``,
``VARDESC.lpvarValue``) takes a Python value or a comrt VARIANT directly
(comtypes writes ``pointer(VARIANT(v))``, which needs comtypes' ctypes
VARIANT); ``VARIANTARG.from_value(v)`` makes the view explicitly, and
``ARRAYDESC.create(tdescElem, [(cElements, lLbound), ...])`` an ARRAYDESC
with room for every bound.  ``QueryInterface(ITypeLib)`` on the library
(``QueryInterface(ITypeInfo)`` on a type) gives what is built so far as a
reading object, and ``AddRefTypeInfo`` takes an ``ICreateTypeInfo`` of the
same library as comtypes' does.  The library object and its types share
one reference count (as in oleaut32), so ``_refcount()`` is the same on all.
"""
import ctypes
from typing import Any, Optional

from comrt import _comrt
from comrt._comrt import GUID, ITypeComp, ITypeInfo, ITypeLib
from comrt._comrt import ICreateTypeInfo, ICreateTypeInfo2, ICreateTypeLib, ICreateTypeLib2
from comrt.automation import VARIANT
from comrt.wintypes import (DWORD, LCID, LONG, LPOLESTR, OLECHAR, SCODE, SHORT, UINT, ULONG, USHORT,
                            VARTYPE, WORD, BOOL, INT, MEMBERID)

HREFTYPE = DWORD
PVOID = ctypes.c_void_p
ULONG_PTR = ctypes.c_size_t

# ---- enums -------------------------------------------------------------------

SYSKIND = tagSYSKIND = ctypes.c_int
SYS_WIN16 = 0
SYS_WIN32 = 1
SYS_MAC = 2
SYS_WIN64 = 3

REGKIND = tagREGKIND = ctypes.c_int
REGKIND_DEFAULT = 0
REGKIND_REGISTER = 1
REGKIND_NONE = 2

TYPEKIND = tagTYPEKIND = ctypes.c_int
TKIND_ENUM = 0
TKIND_RECORD = 1
TKIND_MODULE = 2
TKIND_INTERFACE = 3
TKIND_DISPATCH = 4
TKIND_COCLASS = 5
TKIND_ALIAS = 6
TKIND_UNION = 7
TKIND_MAX = 8

INVOKEKIND = tagINVOKEKIND = ctypes.c_int
INVOKE_FUNC = 1
INVOKE_PROPERTYGET = 2
INVOKE_PROPERTYPUT = 4
INVOKE_PROPERTYPUTREF = 8

DESCKIND = tagDESCKIND = ctypes.c_int
DESCKIND_NONE = 0
DESCKIND_FUNCDESC = 1
DESCKIND_VARDESC = 2
DESCKIND_TYPECOMP = 3
DESCKIND_IMPLICITAPPOBJ = 4
DESCKIND_MAX = 5

VARKIND = tagVARKIND = ctypes.c_int
VAR_PERINSTANCE = 0
VAR_STATIC = 1
VAR_CONST = 2
VAR_DISPATCH = 3

FUNCKIND = tagFUNCKIND = ctypes.c_int
FUNC_VIRTUAL = 0
FUNC_PUREVIRTUAL = 1
FUNC_NONVIRTUAL = 2
FUNC_STATIC = 3
FUNC_DISPATCH = 4

CALLCONV = tagCALLCONV = ctypes.c_int
CC_FASTCALL = 0
CC_CDECL = 1
CC_MSCPASCAL = 2
CC_PASCAL = 2
CC_MACPASCAL = 3
CC_STDCALL = 4
CC_FPFASTCALL = 5
CC_SYSCALL = 6
CC_MPWCDECL = 7
CC_MPWPASCAL = 8
CC_MAX = 9

IMPLTYPEFLAG_FDEFAULT = 1
IMPLTYPEFLAG_FSOURCE = 2
IMPLTYPEFLAG_FRESTRICTED = 4
IMPLTYPEFLAG_FDEFAULTVTABLE = 8

TYPEFLAGS = tagTYPEFLAGS = ctypes.c_int
TYPEFLAG_FAPPOBJECT = 0x1
TYPEFLAG_FCANCREATE = 0x2
TYPEFLAG_FLICENSED = 0x4
TYPEFLAG_FPREDECLID = 0x8
TYPEFLAG_FHIDDEN = 0x10
TYPEFLAG_FCONTROL = 0x20
TYPEFLAG_FDUAL = 0x40
TYPEFLAG_FNONEXTENSIBLE = 0x80
TYPEFLAG_FOLEAUTOMATION = 0x100
TYPEFLAG_FRESTRICTED = 0x200
TYPEFLAG_FAGGREGATABLE = 0x400
TYPEFLAG_FREPLACEABLE = 0x800
TYPEFLAG_FDISPATCHABLE = 0x1000
TYPEFLAG_FREVERSEBIND = 0x2000
TYPEFLAG_FPROXY = 0x4000

FUNCFLAGS = tagFUNCFLAGS = ctypes.c_int
FUNCFLAG_FRESTRICTED = 0x1
FUNCFLAG_FSOURCE = 0x2
FUNCFLAG_FBINDABLE = 0x4
FUNCFLAG_FREQUESTEDIT = 0x8
FUNCFLAG_FDISPLAYBIND = 0x10
FUNCFLAG_FDEFAULTBIND = 0x20
FUNCFLAG_FHIDDEN = 0x40
FUNCFLAG_FUSESGETLASTERROR = 0x80
FUNCFLAG_FDEFAULTCOLLELEM = 0x100
FUNCFLAG_FUIDEFAULT = 0x200
FUNCFLAG_FNONBROWSABLE = 0x400
FUNCFLAG_FREPLACEABLE = 0x800
FUNCFLAG_FIMMEDIATEBIND = 0x1000

VARFLAGS = tagVARFLAGS = ctypes.c_int
VARFLAG_FREADONLY = 0x1
VARFLAG_FSOURCE = 0x2
VARFLAG_FBINDABLE = 0x4
VARFLAG_FREQUESTEDIT = 0x8
VARFLAG_FDISPLAYBIND = 0x10
VARFLAG_FDEFAULTBIND = 0x20
VARFLAG_FHIDDEN = 0x40
VARFLAG_FRESTRICTED = 0x80
VARFLAG_FDEFAULTCOLLELEM = 0x100
VARFLAG_FUIDEFAULT = 0x200
VARFLAG_FNONBROWSABLE = 0x400
VARFLAG_FREPLACEABLE = 0x800
VARFLAG_FIMMEDIATEBIND = 0x1000

PARAMFLAG_NONE = 0
PARAMFLAG_FIN = 0x1
PARAMFLAG_FOUT = 0x2
PARAMFLAG_FLCID = 0x4
PARAMFLAG_FRETVAL = 0x8
PARAMFLAG_FOPT = 0x10
PARAMFLAG_FHASDEFAULT = 0x20
PARAMFLAG_FHASCUSTDATA = 0x40

IDLFLAG_NONE = PARAMFLAG_NONE
IDLFLAG_FIN = PARAMFLAG_FIN
IDLFLAG_FOUT = PARAMFLAG_FOUT
IDLFLAG_FLCID = PARAMFLAG_FLCID
IDLFLAG_FRETVAL = PARAMFLAG_FRETVAL

LIBFLAGS = tagLIBFLAGS = ctypes.c_int
LIBFLAG_FRESTRICTED = 0x1
LIBFLAG_FCONTROL = 0x2
LIBFLAG_FHIDDEN = 0x4
LIBFLAG_FHASDISKIMAGE = 0x8

MEMBERID_NIL = -1
DISPID_UNKNOWN = -1
ID_DEFAULTINST = -2

# ---- structures ------------------------------------------------------------------


class _GUIDField(ctypes.Structure):
    """The 16 bytes of a GUID inside a structure; read as comrt.GUID."""

    _fields_ = [("Data1", DWORD), ("Data2", WORD), ("Data3", WORD), ("Data4", ctypes.c_ubyte * 8)]


def _guid_property(offset: int) -> property:
    """A GUID field read and written as comrt.GUID (comtypes' GUID type)."""

    def get(self: ctypes.Structure) -> GUID:
        return GUID.from_buffer_copy(ctypes.string_at(ctypes.addressof(self) + offset, 16))

    def set(self: ctypes.Structure, value: Any) -> None:
        raw = bytes(GUID(value) if isinstance(value, str) else value)
        if len(raw) != 16:
            raise ValueError("a GUID is 16 bytes")
        ctypes.memmove(ctypes.addressof(self) + offset, raw, 16)

    return property(get, set, doc="the GUID (comrt.GUID)")


class _VariantView(ctypes.Structure):
    """A C VARIANT inside a description (a constant's value, a default
    argument): ``.vt``, and ``.value`` converted as comrt.automation.VARIANT
    converts (read from a copy, so it stays valid on its own)."""

    _fields_ = [("vt", VARTYPE), ("wReserved1", WORD), ("wReserved2", WORD), ("wReserved3", WORD),
                ("_payload", ctypes.c_uint64 * 2)]

    def copy(self) -> VARIANT:
        """A comrt.automation.VARIANT holding a VariantCopy of this one."""
        return VARIANT._from_address(ctypes.addressof(self))

    @classmethod
    def from_value(cls, value: Any) -> "_VariantView":
        """A view over a new C VARIANT holding ``value`` converted as
        ``VARIANT(value)`` converts (a VARIANT is copied), for the
        structures given to ICreateTypeInfo (a constant's value, a default
        argument).  The VARIANT lives as long as the view and everything
        ctypes made keep it: a pointer to it, a structure it was copied
        into."""
        return cls.from_buffer(_comrt._VariantCell(value))

    @property
    def value(self) -> Any:
        return self.copy().value

    def __repr__(self) -> str:
        return f"VARIANT(vt=0x{self.vt:x}, {self.value!r})"


VARIANTARG = _VariantView


class tagSAFEARRAYBOUND(ctypes.Structure):
    _fields_ = [("cElements", ULONG), ("lLbound", LONG)]

    def __repr__(self) -> str:
        return f"SAFEARRAYBOUND(cElements={self.cElements}, lLbound={self.lLbound})"


SAFEARRAYBOUND = tagSAFEARRAYBOUND


class tagTYPEDESC(ctypes.Structure):
    def __repr__(self) -> str:
        return f"TYPEDESC(vt={self.vt})"


class tagARRAYDESC(ctypes.Structure):
    pass


class N11tagTYPEDESC5DOLLAR_203E(ctypes.Union):
    _fields_ = [("lptdesc", ctypes.POINTER(tagTYPEDESC)), ("lpadesc", ctypes.POINTER(tagARRAYDESC)),
                ("hreftype", HREFTYPE)]


tagTYPEDESC._anonymous_ = ("_",)
tagTYPEDESC._fields_ = [("_", N11tagTYPEDESC5DOLLAR_203E), ("vt", VARTYPE)]
TYPEDESC = tagTYPEDESC

tagARRAYDESC._fields_ = [("tdescElem", TYPEDESC), ("cDims", USHORT), ("rgbounds", SAFEARRAYBOUND * 1)]


_RGBOUNDS_OFFSET: int = getattr(tagARRAYDESC, "rgbounds").offset


def _arraydesc_rgbounds(self: tagARRAYDESC) -> "ctypes.Array[tagSAFEARRAYBOUND]":
    # cDims bounds follow the structure (C's rgbounds[1] idiom).
    count = max(int(getattr(self, "cDims")), 1)
    bounds = (SAFEARRAYBOUND * count).from_address(ctypes.addressof(self) + _RGBOUNDS_OFFSET)
    setattr(bounds, "_comrt_base_", self)  # keeps the description alive while bounds is used
    return bounds


setattr(tagARRAYDESC, "rgbounds", property(_arraydesc_rgbounds, doc="the cDims bounds (SAFEARRAYBOUND)"))


class _FieldProperty(property):
    """A property standing in for a ctypes field: it keeps the field's
    ``offset`` and ``size`` so the class still describes its layout."""

    offset: int
    size: int


def _field_property(field: Any, get: Any, set: Any, doc: str) -> _FieldProperty:
    prop = _FieldProperty(get, set, doc=doc)
    prop.offset = field.offset
    prop.size = field.size
    return prop


def _override(cls: Any, name: str, value: Any) -> None:
    """Replaces a class attribute of a ctypes Structure/Union class.  ctypes'
    metaclass sets type attributes without telling the type's attribute
    cache, and building a structure with _anonymous_ fields has already
    looked these names up; reassigning __bases__ makes CPython drop them."""
    setattr(cls, name, value)
    cls.__bases__ = cls.__bases__


def _arraydesc_create(cls: Any, tdescElem: "tagTYPEDESC", bounds: Any) -> "tagARRAYDESC":
    """An ARRAYDESC of element type tdescElem with one SAFEARRAYBOUND per
    (cElements, lLbound) in bounds, in memory with room for all of them
    (C's rgbounds[1] idiom: a 2-D array needs more than the structure)."""
    bounds = [tuple(b) for b in bounds]
    if not bounds or len(bounds) > 0xFFFF:
        raise ValueError("an ARRAYDESC has 1..65535 bounds")
    size = ctypes.sizeof(cls) + (len(bounds) - 1) * ctypes.sizeof(SAFEARRAYBOUND)
    buf = (ctypes.c_uint64 * ((size + 7) // 8))()  # 8-aligned, zeroed
    ad = cls.from_buffer(buf)  # keeps buf alive
    ad.tdescElem = tdescElem
    ad.cDims = len(bounds)
    for i, (count, lower) in enumerate(bounds):
        ad.rgbounds[i].cElements = count
        ad.rgbounds[i].lLbound = lower
    return ad


_override(tagARRAYDESC, "create", classmethod(_arraydesc_create))
ARRAYDESC = tagARRAYDESC


class tagIDLDESC(ctypes.Structure):
    _fields_ = [("dwReserved", ULONG_PTR), ("wIDLFlags", USHORT)]


IDLDESC = tagIDLDESC


class tagPARAMDESCEX(ctypes.Structure):
    _fields_ = [("cBytes", ULONG), ("varDefaultValue", _VariantView)]




def _variant_field(field: Any) -> property:
    """An inline VARIANT field that also takes a Python value or a
    comrt VARIANT (made into a VARIANTARG.from_value view, then copied in;
    ctypes keeps the view's VARIANT alive with the structure)."""

    def get(self: ctypes.Structure) -> Any:
        return field.__get__(self, type(self))

    def set(self: ctypes.Structure, value: Any) -> None:
        if not isinstance(value, _VariantView):
            value = _VariantView.from_value(value)
        field.__set__(self, value)

    return _field_property(field, get, set, "a VARIANT (set: a VARIANTARG view, a VARIANT or a Python value)")


_override(tagPARAMDESCEX, "varDefaultValue", _variant_field(tagPARAMDESCEX.__dict__["varDefaultValue"]))
PARAMDESCEX = tagPARAMDESCEX
LPPARAMDESCEX = ctypes.POINTER(tagPARAMDESCEX)


class tagPARAMDESC(ctypes.Structure):
    _fields_ = [("pparamdescex", LPPARAMDESCEX), ("wParamFlags", USHORT)]


PARAMDESC = tagPARAMDESC


class N11tagELEMDESC5DOLLAR_204E(ctypes.Union):
    _fields_ = [("idldesc", IDLDESC), ("paramdesc", PARAMDESC)]


class tagELEMDESC(ctypes.Structure):
    _anonymous_ = ("_",)
    _fields_ = [("tdesc", TYPEDESC), ("_", N11tagELEMDESC5DOLLAR_204E)]

    def __repr__(self) -> str:
        return f"ELEMDESC(vt={self.tdesc.vt}, wParamFlags=0x{self._.paramdesc.wParamFlags:x})"


ELEMDESC = tagELEMDESC


class tagTLIBATTR(ctypes.Structure):
    _fields_ = [("guid", _GUIDField), ("lcid", LCID), ("syskind", SYSKIND), ("wMajorVerNum", WORD),
                ("wMinorVerNum", WORD), ("wLibFlags", WORD)]

    def __repr__(self) -> str:
        return "TLIBATTR(GUID=%s, Version=%s.%s, LCID=%s, FLags=0x%x)" % (
            self.guid, self.wMajorVerNum, self.wMinorVerNum, self.lcid, self.wLibFlags)


setattr(tagTLIBATTR, "guid", _guid_property(0))
TLIBATTR = tagTLIBATTR


class tagTYPEATTR(ctypes.Structure):
    _fields_ = [
        ("guid", _GUIDField),
        ("lcid", LCID),
        ("dwReserved", DWORD),
        ("memidConstructor", MEMBERID),
        ("memidDestructor", MEMBERID),
        ("lpstrSchema", LPOLESTR),
        ("cbSizeInstance", ULONG),
        ("typekind", TYPEKIND),
        ("cFuncs", WORD),
        ("cVars", WORD),
        ("cImplTypes", WORD),
        ("cbSizeVft", WORD),
        ("cbAlignment", WORD),
        ("wTypeFlags", WORD),
        ("wMajorVerNum", WORD),
        ("wMinorVerNum", WORD),
        ("tdescAlias", TYPEDESC),
        ("idldescType", IDLDESC),
    ]

    def __repr__(self) -> str:
        return "TYPEATTR(GUID=%s, typekind=%s, funcs=%s, vars=%s, impltypes=%s)" % (
            self.guid, self.typekind, self.cFuncs, self.cVars, self.cImplTypes)


setattr(tagTYPEATTR, "guid", _guid_property(0))
TYPEATTR = tagTYPEATTR


class tagFUNCDESC(ctypes.Structure):
    _fields_ = [
        ("memid", MEMBERID),
        ("lprgscode", ctypes.POINTER(SCODE)),
        ("lprgelemdescParam", ctypes.POINTER(ELEMDESC)),
        ("funckind", FUNCKIND),
        ("invkind", INVOKEKIND),
        ("callconv", CALLCONV),
        ("cParams", SHORT),
        ("cParamsOpt", SHORT),
        ("oVft", SHORT),
        ("cScodes", SHORT),
        ("elemdescFunc", ELEMDESC),
        ("wFuncFlags", WORD),
    ]

    def __repr__(self) -> str:
        return "FUNCDESC(memid=%s, cParams=%s, cParamsOpt=%s, callconv=%s, invkind=%s, funckind=%s)" % (
            self.memid, self.cParams, self.cParamsOpt, self.callconv, self.invkind, self.funckind)


FUNCDESC = tagFUNCDESC


class N10tagVARDESC5DOLLAR_205E(ctypes.Union):
    _fields_ = [("oInst", ULONG), ("lpvarValue", ctypes.POINTER(_VariantView))]


class tagVARDESC(ctypes.Structure):
    _anonymous_ = ("_",)
    _fields_ = [
        ("memid", MEMBERID),
        ("lpstrSchema", LPOLESTR),
        ("_", N10tagVARDESC5DOLLAR_205E),
        ("elemdescVar", ELEMDESC),
        ("wVarFlags", WORD),
        ("varkind", VARKIND),
    ]

    def __repr__(self) -> str:
        return "VARDESC(memid=%s, varkind=%s, vt=%s, wVarFlags=0x%x)" % (
            self.memid, self.varkind, self.elemdescVar.tdesc.vt, self.wVarFlags)




_LPVARIANTVIEW = ctypes.POINTER(_VariantView)


def _variant_pointer_field(field: Any) -> property:
    """VARDESC's lpvarValue: also takes a VARIANTARG view, a comrt
    VARIANT or a Python value, pointed at through a VARIANTARG.from_value
    view that the structure keeps alive (comtypes writes
    ``vd._.lpvarValue = pointer(VARIANT(value))``; comrt's VARIANT is no
    ctypes type, so ``vd._.lpvarValue = VARIANT(value)`` or just ``value``
    does it here)."""

    def get(self: ctypes.Structure) -> Any:
        return field.__get__(self, type(self))

    def set(self: ctypes.Structure, value: Any) -> None:
        if value is not None and not isinstance(value, _LPVARIANTVIEW):
            if not isinstance(value, _VariantView):
                value = _VariantView.from_value(value)
            value = ctypes.pointer(value)
        field.__set__(self, value)

    return _field_property(field, get, set, "pointer to the constant's VARIANT (set: also a VARIANT or a Python value)")


for _cls in (N10tagVARDESC5DOLLAR_205E, tagVARDESC):
    _override(_cls, "lpvarValue", _variant_pointer_field(_cls.__dict__["lpvarValue"]))
del _cls
VARDESC = tagVARDESC


class tagBINDPTR(ctypes.Union):
    _fields_ = [("lpfuncdesc", ctypes.POINTER(FUNCDESC)), ("lpvardesc", ctypes.POINTER(VARDESC)),
                ("lptcomp", ctypes.c_void_p)]


BINDPTR = tagBINDPTR

# The C layouts (include/comrt/oaidl.h pins the same sizes).
_P = ctypes.sizeof(ctypes.c_void_p)
assert ctypes.sizeof(TYPEDESC) == 2 * _P and ctypes.sizeof(ELEMDESC) == 4 * _P
assert ctypes.sizeof(TYPEATTR) == (96 if _P == 8 else 76)
assert ctypes.sizeof(FUNCDESC) == (88 if _P == 8 else 52)
assert ctypes.sizeof(VARDESC) == (64 if _P == 8 else 36)
assert ctypes.sizeof(TLIBATTR) == 32 and ctypes.sizeof(_VariantView) == 8 + 2 * 8
del _P

# _DescOwner.kind -> the structure laid over its memory.
_DESC_TYPES = (TYPEATTR, FUNCDESC, VARDESC, TLIBATTR)


def _wrap_desc(owner: Any) -> ctypes.Structure:
    """The ctypes view of the descriptor `owner` holds (comrt._comrt calls
    this).  The view keeps the owner, so the descriptor is released only
    after the view and everything taken from it are gone."""
    view = _DESC_TYPES[owner.kind].from_address(owner.address)
    view._comrt_owner_ = owner
    return view


# ---- functions -----------------------------------------------------------------------


def LoadTypeLib(szFile: Any) -> ITypeLib:
    """Loads a type library file (.tlb, or a .dll/.ocx/.exe with a TYPELIB
    resource; ``"file.dll\\\\2"`` picks resource 2)."""
    return _comrt.LoadTypeLib(szFile)


def LoadTypeLibEx(szFile: Any, regkind: int = REGKIND_NONE) -> ITypeLib:
    """Loads a type library file; ``regkind`` as LoadTypeLibEx's."""
    return _comrt.LoadTypeLibEx(szFile, regkind)


def CreateTypeLib(filename: Any, syskind: int = SYS_WIN64) -> ICreateTypeLib2:
    """A new, empty type library (CreateTypeLib2) that ``SaveAllChanges``
    writes to ``filename``.  ``syskind`` is SYS_WIN64 by default (comtypes,
    on Windows, defaults to SYS_WIN32): the layout of this platform."""
    return _comrt.CreateTypeLib(filename, syskind)


def LHashValOfNameSys(syskind: int, lcid: int, name: str) -> int:
    """The hash a type library stores with a name (for IsName, FindName,
    Bind's lHashVal)."""
    return _comrt.LHashValOfNameSys(syskind, lcid, name)


def LHashValOfName(lcid: int, name: str) -> int:
    return _comrt.LHashValOfNameSys(SYS_WIN32, lcid, name)


def WHashValOfLHashVal(lhashval: int) -> int:
    return lhashval & 0xFFFF


def IsHashValCompatible(lhashval1: int, lhashval2: int) -> bool:
    return (lhashval1 & 0x00FF0000) == (lhashval2 & 0x00FF0000)


def fix_name(name: Optional[str]) -> Optional[str]:
    """The text before the first NUL (comtypes' helper for BSTRs whose
    length is wrong)."""
    if name is None:
        return name
    return name.split("\0")[0]


__all__ = sorted(set([name for name in dir() if name.isupper() and not name.startswith("_")] + [
    "LoadTypeLib", "LoadTypeLibEx", "LHashValOfNameSys", "LHashValOfName", "WHashValOfLHashVal",
    "IsHashValCompatible", "fix_name", "ITypeLib", "ITypeInfo", "ITypeComp", "GUID", "VARIANTARG",
    "tagTLIBATTR", "tagTYPEATTR", "tagFUNCDESC", "tagVARDESC", "tagELEMDESC", "tagTYPEDESC",
    "tagARRAYDESC", "tagPARAMDESC", "tagPARAMDESCEX", "tagIDLDESC", "tagSAFEARRAYBOUND", "tagBINDPTR",
    "LPPARAMDESCEX", "tagSYSKIND", "tagREGKIND", "tagTYPEKIND", "tagINVOKEKIND", "tagDESCKIND",
    "tagVARKIND", "tagFUNCKIND", "tagCALLCONV", "tagTYPEFLAGS", "tagFUNCFLAGS", "tagVARFLAGS",
    "tagLIBFLAGS", "CreateTypeLib", "ICreateTypeLib", "ICreateTypeLib2", "ICreateTypeInfo", "ICreateTypeInfo2",
]))
