"""Walks a type library into plain data: the model behind ``comrt tlb dump``.

``library_model(tlib, path)`` reads everything a dump shows through the
public API (comrt.typeinfo: ITypeLib/ITypeInfo, TYPEATTR, FUNCDESC,
VARDESC) and returns nested dicts and lists of JSON types.  ``--json``
prints this model as it is; the IDL text (comrt.cli.idl) is rendered from
it, so both outputs always say the same thing.  The schema is described in
docs/cli.md; keys are inserted in a fixed order, so the JSON is stable.

Damaged libraries are expected: a call that fails inside the walk leaves an
``"error"`` object where its data would have been, and the walk goes on.
"""
import datetime
import decimal
import math
import os
import struct
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from comrt import COMError, GUID, hresult
from comrt import automation as A
from comrt import typeinfo as T
from comrt.cli.idl import float_literal, idl_string, literal_of_python, type_spelling

SCHEMA_VERSION = 1

# Nesting cap for TYPEDESC chains: a real one is a few levels deep.
_MAX_DEPTH = 32

# ---- names of enumerated values --------------------------------------------------

VT_NAMES: Dict[int, str] = {
    getattr(A, n): n for n in dir(A)
    if n.startswith("VT_") and n not in ("VT_ILLEGAL", "VT_ILLEGALMASKED", "VT_TYPEMASK", "VT_BSTR_BLOB")
    and isinstance(getattr(A, n), int)
}

TYPEKIND_NAMES = ("enum", "record", "module", "interface", "dispatch", "coclass", "alias", "union")
SYSKIND_NAMES = ("SYS_WIN16", "SYS_WIN32", "SYS_MAC", "SYS_WIN64")
FUNCKIND_NAMES = ("FUNC_VIRTUAL", "FUNC_PUREVIRTUAL", "FUNC_NONVIRTUAL", "FUNC_STATIC", "FUNC_DISPATCH")
VARKIND_NAMES = ("VAR_PERINSTANCE", "VAR_STATIC", "VAR_CONST", "VAR_DISPATCH")
INVKIND_NAMES = {1: "INVOKE_FUNC", 2: "INVOKE_PROPERTYGET", 4: "INVOKE_PROPERTYPUT", 8: "INVOKE_PROPERTYPUTREF"}
CALLCONV_NAMES = ("CC_FASTCALL", "CC_CDECL", "CC_PASCAL", "CC_MACPASCAL", "CC_STDCALL", "CC_FPFASTCALL",
                  "CC_SYSCALL", "CC_MPWCDECL", "CC_MPWPASCAL")

# Flag bit -> IDL attribute, in the order the attributes are printed.  A
# bit with no IDL spelling is listed as "<FLAG_NAME>" so nothing is lost.
LIBFLAG_ATTRS = ((T.LIBFLAG_FRESTRICTED, "restricted"), (T.LIBFLAG_FCONTROL, "control"),
                 (T.LIBFLAG_FHIDDEN, "hidden"), (T.LIBFLAG_FHASDISKIMAGE, "<LIBFLAG_FHASDISKIMAGE>"))
TYPEFLAG_ATTRS = (
    (T.TYPEFLAG_FAPPOBJECT, "appobject"), (T.TYPEFLAG_FCANCREATE, "<TYPEFLAG_FCANCREATE>"),
    (T.TYPEFLAG_FLICENSED, "licensed"), (T.TYPEFLAG_FPREDECLID, "predeclid"), (T.TYPEFLAG_FHIDDEN, "hidden"),
    (T.TYPEFLAG_FCONTROL, "control"), (T.TYPEFLAG_FDUAL, "dual"), (T.TYPEFLAG_FNONEXTENSIBLE, "nonextensible"),
    (T.TYPEFLAG_FOLEAUTOMATION, "oleautomation"), (T.TYPEFLAG_FRESTRICTED, "restricted"),
    (T.TYPEFLAG_FAGGREGATABLE, "aggregatable"), (T.TYPEFLAG_FREPLACEABLE, "replaceable"),
    (T.TYPEFLAG_FDISPATCHABLE, "<TYPEFLAG_FDISPATCHABLE>"), (T.TYPEFLAG_FREVERSEBIND, "<TYPEFLAG_FREVERSEBIND>"),
    (T.TYPEFLAG_FPROXY, "proxy"))
FUNCFLAG_ATTRS = (
    (T.FUNCFLAG_FRESTRICTED, "restricted"), (T.FUNCFLAG_FSOURCE, "source"), (T.FUNCFLAG_FBINDABLE, "bindable"),
    (T.FUNCFLAG_FREQUESTEDIT, "requestedit"), (T.FUNCFLAG_FDISPLAYBIND, "displaybind"),
    (T.FUNCFLAG_FDEFAULTBIND, "defaultbind"), (T.FUNCFLAG_FHIDDEN, "hidden"),
    (T.FUNCFLAG_FUSESGETLASTERROR, "usesgetlasterror"), (T.FUNCFLAG_FDEFAULTCOLLELEM, "defaultcollelem"),
    (T.FUNCFLAG_FUIDEFAULT, "uidefault"), (T.FUNCFLAG_FNONBROWSABLE, "nonbrowsable"),
    (T.FUNCFLAG_FREPLACEABLE, "replaceable"), (T.FUNCFLAG_FIMMEDIATEBIND, "immediatebind"))
VARFLAG_ATTRS = (
    (T.VARFLAG_FREADONLY, "readonly"), (T.VARFLAG_FSOURCE, "source"), (T.VARFLAG_FBINDABLE, "bindable"),
    (T.VARFLAG_FREQUESTEDIT, "requestedit"), (T.VARFLAG_FDISPLAYBIND, "displaybind"),
    (T.VARFLAG_FDEFAULTBIND, "defaultbind"), (T.VARFLAG_FHIDDEN, "hidden"), (T.VARFLAG_FRESTRICTED, "restricted"),
    (T.VARFLAG_FDEFAULTCOLLELEM, "defaultcollelem"), (T.VARFLAG_FUIDEFAULT, "uidefault"),
    (T.VARFLAG_FNONBROWSABLE, "nonbrowsable"), (T.VARFLAG_FREPLACEABLE, "replaceable"),
    (T.VARFLAG_FIMMEDIATEBIND, "immediatebind"))
PARAMFLAG_ATTRS = (
    (T.PARAMFLAG_FIN, "in"), (T.PARAMFLAG_FOUT, "out"), (T.PARAMFLAG_FLCID, "lcid"),
    (T.PARAMFLAG_FRETVAL, "retval"), (T.PARAMFLAG_FOPT, "optional"), (T.PARAMFLAG_FHASDEFAULT, "defaultvalue"),
    (T.PARAMFLAG_FHASCUSTDATA, "<PARAMFLAG_FHASCUSTDATA>"))
IMPLTYPEFLAG_ATTRS = (
    (T.IMPLTYPEFLAG_FDEFAULT, "default"), (T.IMPLTYPEFLAG_FSOURCE, "source"),
    (T.IMPLTYPEFLAG_FRESTRICTED, "restricted"), (T.IMPLTYPEFLAG_FDEFAULTVTABLE, "defaultvtable"))

# Library ids whose usual file name is known (the importlib line needs a
# file name, and the API gives only the library).
_WELL_KNOWN_FILES = {
    ("{00020430-0000-0000-C000-000000000046}", 2): "stdole2.tlb",
    ("{00020430-0000-0000-C000-000000000046}", 1): "stdole32.tlb",
}

# Files examined when looking for an imported library beside the dumped one.
_MAX_SCAN_FILES = 128
_SCAN_SUFFIXES = (".tlb", ".olb", ".dll", ".ocx", ".exe")


def flag_names(value: int, table: Tuple[Tuple[int, str], ...]) -> List[str]:
    """The attribute names of the bits set in value; unknown bits as '<0x...>'."""
    names = [name for bit, name in table if value & bit]
    rest = value & ~sum(bit for bit, _ in table)
    if rest:
        names.append("<0x%x>" % rest)
    return names


def _name_of(table: Any, value: int) -> str:
    """value's name in a tuple or dict of names, or its number as text."""
    try:
        name = table[value]
        if name is not None:
            return str(name)
    except (IndexError, KeyError, TypeError):
        pass
    return str(value)


def error_model(exc: BaseException) -> Dict[str, Any]:
    """What went wrong, as data: hresult (hex text), its name and message."""
    if isinstance(exc, COMError):
        hr = exc.hresult & 0xFFFFFFFF
        return {"hresult": "0x%08X" % hr, "name": hresult.name(hr), "message": hresult.message(hr)}
    return {"hresult": None, "name": type(exc).__name__, "message": str(exc)}


def _guid_text(guid: Any) -> str:
    return str(guid)


def _version(major: int, minor: int) -> str:
    return "%d.%d" % (major, minor)


# ---- values (constants, defaults, custom data) --------------------------------------

def _json_value(value: Any) -> Any:
    """value as a JSON type (Decimal/datetime/bytes as text, non-finite floats as text)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, (decimal.Decimal, datetime.datetime, datetime.date)):
        return str(value)
    if isinstance(value, GUID):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    return repr(value)


def _raw_payload(var: Any) -> bytes:
    """The 16 bytes after the VARIANT's vt and reserved words."""
    return bytes(var)[8:24]


def value_model(var: Any) -> Dict[str, Any]:
    """A C VARIANT (a constant's value, a default argument) as
    {"vt", "vt_name", "value", "idl"}; a VARIANT that cannot be read has
    "value": null and an "error" instead of "idl" text."""
    vt = int(var.vt)
    model: Dict[str, Any] = {"vt": vt, "vt_name": VT_NAMES.get(vt, "0x%x" % vt)}
    try:
        value = var.value
    except Exception as exc:  # noqa: BLE001 - any failure of the conversion is reported, not raised
        model["value"] = None
        model["error"] = error_model(exc)
        return model
    base = vt & A.VT_TYPEMASK
    if vt & (A.VT_ARRAY | A.VT_BYREF | A.VT_VECTOR):
        model["value"] = _json_value(value)
        model["error"] = {"hresult": None, "name": "unprintable", "message": "no IDL literal for this VARTYPE"}
        return model
    if base == A.VT_DATE:
        # A DATE literal is its double (days since 1899-12-30).
        raw = struct.unpack("<d", _raw_payload(var)[:8])[0]
        model["value"] = _json_value(value)
        model["idl"] = float_literal(raw)
        return model
    if base == A.VT_CY:
        raw = struct.unpack("<q", _raw_payload(var)[:8])[0]
        model["value"] = str(decimal.Decimal(raw) / 10000)
        model["idl"] = model["value"]
        return model
    model["value"] = _json_value(value)
    if base == A.VT_BOOL:
        model["idl"] = "-1" if value else "0"
    elif base in (A.VT_EMPTY, A.VT_NULL, A.VT_DISPATCH, A.VT_UNKNOWN):
        model["idl"] = "0"
    elif base == A.VT_ERROR and isinstance(value, int):
        model["idl"] = "0x%08X" % (value & 0xFFFFFFFF)
    elif base == A.VT_LPWSTR and isinstance(value, str):
        model["idl"] = idl_string(value, wide=True)
    elif isinstance(value, (decimal.Decimal,)):
        model["idl"] = str(value)
    else:
        model["idl"] = literal_of_python(value)
    return model


def custom_model(getter: Callable[[], Any]) -> Any:
    """Custom data (GetAllCustData and kin) as [{"guid", "value", "idl"}],
    or {"error": ...} when it cannot be read."""
    try:
        items = getter()
    except Exception as exc:  # noqa: BLE001 - a damaged library: reported in the model
        return {"error": error_model(exc)}
    return [{"guid": _guid_text(g), "value": _json_value(v), "idl": literal_of_python(v)} for g, v in items]


# ---- the walk ------------------------------------------------------------------------

class _Walker:
    """One walk over one library: caches what several members refer to
    (referenced types, imported libraries)."""

    def __init__(self, tlib: Any, path: str) -> None:
        self.tlib = tlib
        self.path = path
        self.imports: Dict[str, Dict[str, Any]] = {}
        self._refs: Dict[Tuple[Any, int], Dict[str, Any]] = {}

    # -- documentation --

    def doc(self, ti: Any, memid: int) -> Dict[str, Any]:
        """helpstring/helpcontext/helpstringcontext of a member (or the type, memid -1)."""
        result: Dict[str, Any] = {}
        try:
            _, helpstring, helpcontext, _ = ti.GetDocumentation(memid)
            result["helpstring"] = helpstring
            result["helpcontext"] = helpcontext
        except Exception as exc:  # noqa: BLE001
            result["error"] = error_model(exc)
            return result
        try:
            _, helpstringcontext, _ = ti.GetDocumentation2(memid)
            result["helpstringcontext"] = helpstringcontext
        except Exception:  # noqa: BLE001 - ITypeInfo2 detail; absent is 0
            result["helpstringcontext"] = 0
        return result

    # -- types --

    def type_model(self, ti: Any, tdesc: Any, depth: int = 0) -> Dict[str, Any]:
        """A TYPEDESC as {"vt", "vt_name", ...}: "pointee" (VT_PTR), "element"
        (VT_SAFEARRAY, VT_CARRAY), "bounds" (VT_CARRAY), the referenced type
        (VT_USERDEFINED: "name", "kind", "guid", "library", ...), and "idl",
        its IDL spelling."""
        vt = int(tdesc.vt)
        model: Dict[str, Any] = {"vt": vt, "vt_name": VT_NAMES.get(vt, "0x%x" % vt)}
        if depth > _MAX_DEPTH:
            model["error"] = {"hresult": None, "name": "too deep", "message": "TYPEDESC nested too deeply"}
            return model
        base = vt & A.VT_TYPEMASK
        if base in (A.VT_PTR, A.VT_SAFEARRAY):
            inner = tdesc._.lptdesc
            if inner:
                model["pointee" if base == A.VT_PTR else "element"] = self.type_model(ti, inner[0], depth + 1)
        elif base == A.VT_CARRAY:
            ad_ptr = tdesc._.lpadesc
            if ad_ptr:
                ad = ad_ptr[0]
                model["element"] = self.type_model(ti, ad.tdescElem, depth + 1)
                model["bounds"] = [{"lbound": int(ad.rgbounds[d].lLbound), "count": int(ad.rgbounds[d].cElements)}
                                   for d in range(int(ad.cDims))]
        elif base == A.VT_USERDEFINED:
            model.update(self.ref_model(ti, int(tdesc._.hreftype)))
        model["idl"] = type_spelling(model)
        return model

    def ref_model(self, ti: Any, href: int) -> Dict[str, Any]:
        """The type an HREFTYPE of ti names: {"href", "name", "kind", "guid",
        "wTypeFlags", "library", "index"}: "library" is null and "index" its
        index for a type of this library; for an imported type "library" is
        the imported library's name and "index" null."""
        key = (ti, href)
        cached = self._refs.get(key)
        if cached is not None:
            return dict(cached)
        model: Dict[str, Any] = {"href": href}
        try:
            ref = ti.GetRefTypeInfo(href)
            attr = ref.GetTypeAttr()
            model["name"] = ref.GetDocumentation(-1)[0]
            model["kind"] = _name_of(TYPEKIND_NAMES, int(attr.typekind))
            model["guid"] = _guid_text(attr.guid)
            model["wTypeFlags"] = int(attr.wTypeFlags)
            model["library"], model["index"] = self.library_of(ref)
        except Exception as exc:  # noqa: BLE001 - an unresolvable reference (a missing import)
            model["name"] = None
            model["error"] = error_model(exc)
        self._refs[key] = model
        return dict(model)

    def library_of(self, ref: Any) -> Tuple[Optional[str], Optional[int]]:
        """(None, its index) when ref belongs to the dumped library, else
        (the name of the imported library it belongs to, None); imported
        libraries are recorded for the importlib lines."""
        lib, index = ref.GetContainingTypeLib()
        if lib == self.tlib:
            return None, int(index)
        attr = lib.GetLibAttr()
        guid = _guid_text(attr.guid)
        name = lib.GetDocumentation(-1)[0]
        key = "%s %d.%d" % (guid, attr.wMajorVerNum, attr.wMinorVerNum)
        if key not in self.imports:
            self.imports[key] = {
                "name": name,
                "guid": guid,
                "version": _version(attr.wMajorVerNum, attr.wMinorVerNum),
                "lcid": int(attr.lcid),
                "file": self.import_file(lib, guid, attr.wMajorVerNum),
            }
        return name, None

    def import_file(self, lib: Any, guid: str, major: int) -> str:
        """A file name for importlib(): a well-known one, else the file beside
        the dumped library that holds this library, else '<name>.tlb'."""
        known = _WELL_KNOWN_FILES.get((guid, major))
        if known:
            return known
        found = self._find_beside(lib)
        if found:
            return found
        return "%s.tlb" % lib.GetDocumentation(-1)[0]

    def _find_beside(self, lib: Any) -> Optional[str]:
        # The loader looks for imports beside the importing file first, so
        # that is where the file usually is: the one holding a library with
        # the same LIBID and version.  Names that look like the library's
        # come first; the scan is capped (a directory of many DLLs).
        directory = os.path.dirname(os.path.abspath(_file_part(self.path)))
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            return None
        want_attr = lib.GetLibAttr()
        want = (str(want_attr.guid), int(want_attr.wMajorVerNum), int(want_attr.wMinorVerNum))
        stem = (lib.GetDocumentation(-1)[0] or "").lower()
        candidates = [n for n in names if n.lower().endswith(_SCAN_SUFFIXES)]
        candidates.sort(key=lambda n: (stem not in n.lower().replace("_", ""), n))
        for name in candidates[:_MAX_SCAN_FILES]:
            full = os.path.join(directory, name)
            if not os.path.isfile(full):
                continue
            try:
                attr = T.LoadTypeLibEx(full, T.REGKIND_NONE).GetLibAttr()
            except Exception:  # noqa: BLE001 - not a type library: keep looking
                continue
            if (str(attr.guid), int(attr.wMajorVerNum), int(attr.wMinorVerNum)) == want:
                return name
        return None

    # -- members --

    def elem_flags(self, elem: Any) -> int:
        return int(elem._.paramdesc.wParamFlags)

    def param_model(self, ti: Any, fd: Any, index: int, names: List[str], findex: int) -> Dict[str, Any]:
        elem = fd.lprgelemdescParam[index]
        flags = self.elem_flags(elem)
        name = names[index + 1] if index + 1 < len(names) else None
        model: Dict[str, Any] = {"name": name, "type": self.type_model(ti, elem.tdesc)}
        model["wParamFlags"] = flags
        model["flags"] = flag_names(flags, PARAMFLAG_ATTRS)
        if flags & T.PARAMFLAG_FHASDEFAULT:
            pdex = elem._.paramdesc.pparamdescex
            if pdex:
                model["default"] = value_model(pdex[0].varDefaultValue)
            else:
                model["default"] = {"vt": None, "value": None,
                                    "error": {"hresult": None, "name": "missing", "message": "no PARAMDESCEX"}}
        model["custom"] = custom_model(lambda: ti.GetAllParamCustData(findex, index))
        return model

    def func_model(self, ti: Any, index: int, module: bool) -> Dict[str, Any]:
        model: Dict[str, Any] = {"index": index}
        try:
            fd = ti.GetFuncDesc(index)
        except Exception as exc:  # noqa: BLE001
            model["error"] = error_model(exc)
            return model
        memid = int(fd.memid)
        cparams = int(fd.cParams)
        try:
            names = ti.GetNames(memid, cparams + 1)
        except Exception:  # noqa: BLE001 - a nameless member: the dump still shows it
            names = []
        model["name"] = names[0] if names else None
        model["memid"] = memid
        model["funckind"] = _name_of(FUNCKIND_NAMES, int(fd.funckind))
        model["invkind"] = _name_of(INVKIND_NAMES, int(fd.invkind))
        model["callconv"] = _name_of(CALLCONV_NAMES, int(fd.callconv))
        model["oVft"] = int(fd.oVft)
        model["cParams"] = cparams
        model["cParamsOpt"] = int(fd.cParamsOpt)
        model["wFuncFlags"] = int(fd.wFuncFlags)
        model["flags"] = flag_names(int(fd.wFuncFlags), FUNCFLAG_ATTRS)
        scodes = fd.lprgscode
        model["scodes"] = ["0x%08X" % (scodes[i] & 0xFFFFFFFF) for i in range(max(int(fd.cScodes), 0))] \
            if scodes else []
        model["return"] = self.type_model(ti, fd.elemdescFunc.tdesc)
        model["params"] = [self.param_model(ti, fd, p, names, index) for p in range(max(cparams, 0))]
        model["doc"] = self.doc(ti, memid)
        model["custom"] = custom_model(lambda: ti.GetAllFuncCustData(index))
        if module:
            try:
                dll, entry, ordinal = ti.GetDllEntry(memid, int(fd.invkind))
                model["dllentry"] = {"dll": dll, "entry": entry, "ordinal": ordinal}
            except Exception as exc:  # noqa: BLE001
                model["dllentry"] = {"error": error_model(exc)}
        return model

    def var_model(self, ti: Any, index: int) -> Dict[str, Any]:
        model: Dict[str, Any] = {"index": index}
        try:
            vd = ti.GetVarDesc(index)
        except Exception as exc:  # noqa: BLE001
            model["error"] = error_model(exc)
            return model
        memid = int(vd.memid)
        try:
            names = ti.GetNames(memid)
        except Exception:  # noqa: BLE001
            names = []
        model["name"] = names[0] if names else None
        model["memid"] = memid
        varkind = int(vd.varkind)
        model["varkind"] = _name_of(VARKIND_NAMES, varkind)
        model["wVarFlags"] = int(vd.wVarFlags)
        model["flags"] = flag_names(int(vd.wVarFlags), VARFLAG_ATTRS)
        model["type"] = self.type_model(ti, vd.elemdescVar.tdesc)
        if varkind == T.VAR_CONST:
            pvar = vd._.lpvarValue
            model["value"] = value_model(pvar[0]) if pvar else {
                "vt": None, "value": None, "error": {"hresult": None, "name": "missing", "message": "no value"}}
        else:
            model["oInst"] = int(vd._.oInst)
        model["doc"] = self.doc(ti, memid)
        model["custom"] = custom_model(lambda: ti.GetAllVarCustData(index))
        return model

    def impl_model(self, ti: Any, index: int) -> Dict[str, Any]:
        model: Dict[str, Any] = {"index": index}
        try:
            href = ti.GetRefTypeOfImplType(index)
            flags = int(ti.GetImplTypeFlags(index))
        except Exception as exc:  # noqa: BLE001
            model["error"] = error_model(exc)
            return model
        model["type"] = self.ref_model(ti, int(href))
        model["implTypeFlags"] = flags
        model["flags"] = flag_names(flags, IMPLTYPEFLAG_ATTRS)
        model["custom"] = custom_model(lambda: ti.GetAllImplTypeCustData(index))
        return model

    # -- a whole type --

    def inherited_members(self, ti: Any, attr: Any) -> Set[Tuple[Optional[str], int]]:
        """(name, memid) of the functions a dispinterface's base interfaces
        declare (IDispatch's and IUnknown's): a dispinterface made from an
        interface lists them among its own."""
        seen: Set[Any] = set()
        result: Set[Tuple[Optional[str], int]] = set()
        todo = []
        for i in range(int(attr.cImplTypes)):
            try:
                todo.append(ti.GetRefTypeInfo(ti.GetRefTypeOfImplType(i)))
            except Exception:  # noqa: BLE001
                pass
        while todo and len(seen) < 64:
            base = todo.pop()
            if base in seen:
                continue
            seen.add(base)
            try:
                battr = base.GetTypeAttr()
                for f in range(int(battr.cFuncs)):
                    fd = base.GetFuncDesc(f)
                    result.add((base.GetNames(int(fd.memid))[0], int(fd.memid)))
                for i in range(int(battr.cImplTypes)):
                    todo.append(base.GetRefTypeInfo(base.GetRefTypeOfImplType(i)))
            except Exception:  # noqa: BLE001 - an unreadable base: nothing to skip from it
                continue
        return result

    def type_body(self, ti: Any, attr: Any) -> Dict[str, Any]:
        """What TYPEATTR says plus the members: shared by a type and the
        interface half of a dual interface."""
        kind = int(attr.typekind)
        flags = int(attr.wTypeFlags)
        model: Dict[str, Any] = {
            "name": ti.GetDocumentation(-1)[0],
            "kind": _name_of(TYPEKIND_NAMES, kind),
            "guid": _guid_text(attr.guid),
            "version": _version(attr.wMajorVerNum, attr.wMinorVerNum),
            "lcid": int(attr.lcid),
            "wTypeFlags": flags,
            "flags": flag_names(flags, TYPEFLAG_ATTRS),
            "cbSizeInstance": int(attr.cbSizeInstance),
            "cbAlignment": int(attr.cbAlignment),
            "cbSizeVft": int(attr.cbSizeVft),
            "memidConstructor": int(attr.memidConstructor),
            "memidDestructor": int(attr.memidDestructor),
            "wIDLFlags": int(attr.idldescType.wIDLFlags),
            "cFuncs": int(attr.cFuncs),
            "cVars": int(attr.cVars),
            "cImplTypes": int(attr.cImplTypes),
        }
        model["doc"] = self.doc(ti, -1)
        model["custom"] = custom_model(ti.GetAllCustData)
        if kind == T.TKIND_ALIAS:
            model["alias"] = self.type_model(ti, attr.tdescAlias)
        model["impltypes"] = [self.impl_model(ti, i) for i in range(int(attr.cImplTypes))]
        module = kind == T.TKIND_MODULE
        funcs = [self.func_model(ti, i, module) for i in range(int(attr.cFuncs))]
        if kind == T.TKIND_DISPATCH:
            inherited = self.inherited_members(ti, attr)
            for f in funcs:
                f["inherited"] = (f.get("name"), f.get("memid")) in inherited
        model["funcs"] = funcs
        model["vars"] = [self.var_model(ti, i) for i in range(int(attr.cVars))]
        if module:
            dlls = [f["dllentry"].get("dll") for f in funcs if "dllentry" in f]
            model["dllname"] = next((d for d in dlls if d), None)
        return model

    def type_model_at(self, index: int) -> Dict[str, Any]:
        """The type at index; {"index", "error"} when it cannot be read."""
        model: Dict[str, Any] = {"index": index}
        try:
            ti = self.tlib.GetTypeInfo(index)
            attr = ti.GetTypeAttr()
            model.update(self.type_body(ti, attr))
        except Exception as exc:  # noqa: BLE001 - a damaged type: reported, the walk goes on
            return {"index": index, "error": error_model(exc)}
        if int(attr.typekind) == T.TKIND_DISPATCH and int(attr.wTypeFlags) & T.TYPEFLAG_FDUAL:
            # A dual interface: the library lists its dispatch half; the
            # vtable half (GetRefTypeOfImplType(-1)) is what IDL declares.
            try:
                half = ti.GetRefTypeInfo(ti.GetRefTypeOfImplType(-1))
                model["interface"] = self.type_body(half, half.GetTypeAttr())
            except Exception as exc:  # noqa: BLE001
                model["interface"] = {"error": error_model(exc)}
        return model

    def library(self) -> Dict[str, Any]:
        tlib = self.tlib
        attr = tlib.GetLibAttr()
        name, helpstring, helpcontext, helpfile = tlib.GetDocumentation(-1)
        model: Dict[str, Any] = {
            "name": name,
            "guid": _guid_text(attr.guid),
            "version": _version(attr.wMajorVerNum, attr.wMinorVerNum),
            "lcid": int(attr.lcid),
            "syskind": _name_of(SYSKIND_NAMES, int(attr.syskind)),
            "wLibFlags": int(attr.wLibFlags),
            "flags": flag_names(int(attr.wLibFlags), LIBFLAG_ATTRS),
        }
        doc: Dict[str, Any] = {"helpstring": helpstring, "helpcontext": helpcontext, "helpfile": helpfile}
        try:
            _, helpstringcontext, helpstringdll = tlib.GetDocumentation2(-1)
        except Exception:  # noqa: BLE001 - ITypeLib2 detail; absent means none
            helpstringcontext, helpstringdll = 0, None
        doc["helpstringcontext"] = helpstringcontext
        doc["helpstringdll"] = helpstringdll
        model["doc"] = doc
        model["custom"] = custom_model(tlib.GetAllCustData)
        return model


def _file_part(path: str) -> str:
    """path without a trailing '\\N' resource index (when the file itself does not end so)."""
    head, sep, tail = path.rpartition("\\")
    if sep and tail.isdigit() and not os.path.exists(path):
        return head
    return path


def library_model(tlib: Any, path: str) -> Dict[str, Any]:
    """The whole dump of tlib (loaded from path) as JSON-ready data."""
    walker = _Walker(tlib, path)
    library = walker.library()
    types = [walker.type_model_at(i) for i in range(tlib.GetTypeInfoCount())]
    return {
        "schema": "comrt-tlb-dump",
        "schema_version": SCHEMA_VERSION,
        "file": path,
        "library": library,
        "imports": list(walker.imports.values()),
        "types": types,
    }
