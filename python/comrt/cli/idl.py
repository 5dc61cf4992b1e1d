"""Renders the model of comrt.cli.tlbmodel as IDL, the way OleView and widl
would show a type library.

The text aims to be what the library's IDL source said: the library block
with its attributes, importlib lines, forward declarations, then every type
in the library's order.  Types are spelled as IDL spells them (``BSTR``,
``SAFEARRAY(BSTR)*``, ``IDispatch*``, ``double m[2][4]``, user types by
name), defaults as IDL literals.  What IDL cannot say (a structure's field
offsets and size, an unreadable member, flag bits without an attribute) is
given in comments, so the output stays compilable by widl/MIDL where the
library allows it.
"""
from typing import Any, Dict, List, Optional, Set, Tuple

from comrt import automation as A

INDENT = "    "

# Lines longer than this put one parameter per line.
_WRAP_AT = 100
# Fields up to this long line up their offset comments.
_OFFSET_COLUMN = 48

# VARTYPE -> its IDL spelling (the pointer, array and user-defined forms
# are built in _declarator).
_VT_IDL: Dict[int, str] = {
    A.VT_I2: "short", A.VT_I4: "long", A.VT_R4: "float", A.VT_R8: "double", A.VT_CY: "CY",
    A.VT_DATE: "DATE", A.VT_BSTR: "BSTR", A.VT_DISPATCH: "IDispatch*", A.VT_ERROR: "SCODE",
    A.VT_BOOL: "VARIANT_BOOL", A.VT_VARIANT: "VARIANT", A.VT_UNKNOWN: "IUnknown*", A.VT_DECIMAL: "DECIMAL",
    A.VT_I1: "char", A.VT_UI1: "unsigned char", A.VT_UI2: "unsigned short", A.VT_UI4: "unsigned long",
    A.VT_I8: "hyper", A.VT_UI8: "unsigned hyper", A.VT_INT: "int", A.VT_UINT: "unsigned int",
    A.VT_VOID: "void", A.VT_HRESULT: "HRESULT", A.VT_LPSTR: "LPSTR", A.VT_LPWSTR: "LPWSTR",
    A.VT_INT_PTR: "INT_PTR", A.VT_UINT_PTR: "UINT_PTR", A.VT_FILETIME: "FILETIME", A.VT_BLOB: "BLOB",
    A.VT_STREAM: "IStream*", A.VT_STORAGE: "IStorage*", A.VT_CLSID: "CLSID",
}

_CALLCONV_IDL = {"CC_CDECL": "__cdecl", "CC_STDCALL": "__stdcall", "CC_PASCAL": "__pascal",
                 "CC_FASTCALL": "__fastcall"}
_INVKIND_IDL = {"INVOKE_PROPERTYGET": "propget", "INVOKE_PROPERTYPUT": "propput",
                "INVOKE_PROPERTYPUTREF": "propputref"}


# ---- literals ---------------------------------------------------------------------------

def _comment_error(error: Dict[str, Any]) -> str:
    """An error of the model as text that fits inside a comment."""
    name = error.get("name") or error.get("hresult") or "error"
    message = (error.get("message") or "").strip()
    return " ".join(("%s %s" % (name, message)).split()).replace("*/", "* /")


def _escape(text: str) -> str:
    """text as the inside of an IDL/C string literal (three-digit octal escapes
    for control characters: they cannot run into the next character)."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append("\\%03o" % code)
        else:
            out.append(ch)
    return "".join(out)


def idl_string(text: str, wide: bool = False) -> str:
    """A quoted IDL string literal (L"..." when wide)."""
    return ('L"' if wide else '"') + _escape(text) + '"'


def float_literal(value: float) -> str:
    """A floating-point literal (repr: the shortest text that reads back exactly)."""
    return repr(float(value))


def literal_of_python(value: Any) -> str:
    """An IDL literal for a converted value whose VARTYPE is not known (custom data)."""
    if value is None:
        return "0"
    if isinstance(value, bool):
        return "-1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_literal(value)
    if isinstance(value, str):
        return idl_string(value)
    return idl_string(str(value))


# ---- numbers and attributes --------------------------------------------------------------

def _number(value: int) -> str:
    """An id or context: decimal when small, hex otherwise (as IDL sources write them)."""
    if -0x10000 < value < 0x10000:
        return str(value)
    return "0x%X" % (value & 0xFFFFFFFF)


def _context(value: int) -> str:
    """A help context: decimal when small, hex when it looks like a bit pattern."""
    return str(value) if 0 <= value < 0x1000 else _hex(value)


def _hex(value: int) -> str:
    return "0x%X" % (value & 0xFFFFFFFF)


def _uuid(guid: str) -> str:
    return guid.strip("{}")


def _idl_flags(names: List[str]) -> List[str]:
    """The attributes of a flag list that IDL can spell (not the '<...>' ones)."""
    return [n for n in names if not n.startswith("<")]


def _custom_attrs(custom: Any) -> List[str]:
    if isinstance(custom, dict):  # {"error": ...}
        return []
    return ["custom(%s, %s)" % (_uuid(c["guid"]), c["idl"]) for c in custom]


def _doc_attrs(doc: Dict[str, Any]) -> List[str]:
    """helpstring, helpcontext, helpstringcontext: those the item has."""
    attrs = []
    if doc.get("helpstring") is not None:
        attrs.append("helpstring(%s)" % idl_string(doc["helpstring"]))
    # A context of -1 is how MSFT files say "none" where a record has room
    # for one (widl writes it for a field with custom data).
    if doc.get("helpcontext") and doc["helpcontext"] & 0xFFFFFFFF != 0xFFFFFFFF:
        attrs.append("helpcontext(%s)" % _context(doc["helpcontext"]))
    if doc.get("helpstringcontext"):
        attrs.append("helpstringcontext(%s)" % _context(doc["helpstringcontext"]))
    return attrs


def _attr_block(attrs: List[str], indent: str) -> List[str]:
    """A type's attribute list, one per line, as IDL sources write it."""
    if not attrs:
        return []
    lines = [indent + "["]
    for i, attr in enumerate(attrs):
        lines.append(indent + INDENT + attr + ("," if i + 1 < len(attrs) else ""))
    lines.append(indent + "]")
    return lines


def _inline_attrs(attrs: List[str]) -> str:
    return "[%s] " % ", ".join(attrs) if attrs else ""


def _typedef_open(attrs: List[str], indent: str, opener: str) -> List[str]:
    """'typedef [attributes]' and opener ('enum X {') as IDL sources write
    them: the attributes on one line when short, else one per line."""
    if not attrs:
        return [indent + "typedef " + opener]
    inline = "typedef " + _inline_attrs(attrs).rstrip()
    if len(indent + inline) <= _WRAP_AT:
        return [indent + inline, indent + opener]
    lines = _attr_block(attrs, indent)
    return [indent + "typedef ["] + lines[1:] + [indent + opener]


# ---- types ----------------------------------------------------------------------------

def _join(base: str, inner: str) -> str:
    """base type + declarator: the pointer stars stick to the type ('BSTR* r')."""
    stars = len(inner) - len(inner.lstrip("*"))
    rest = inner[stars:]
    if rest.startswith("["):  # a nameless array: 'double[2][3]'
        return base + "*" * stars + rest
    return base + "*" * stars + (" " + rest if rest else "")


def _declarator(t: Dict[str, Any], inner: str) -> str:
    """The IDL declaration of inner (a name, or '' for just the type) with type t."""
    vt = t.get("vt")
    base_vt = vt & A.VT_TYPEMASK if isinstance(vt, int) else None
    if base_vt == A.VT_PTR and "pointee" in t:
        pointee = t["pointee"]
        if pointee.get("vt") == A.VT_CARRAY:
            return _declarator(pointee, "(*%s)" % inner)
        return _declarator(pointee, "*" + inner)
    if base_vt == A.VT_CARRAY and "element" in t:
        dims = "".join("[%d]" % b["count"] if b["lbound"] == 0 else "[%d /* from %d */]" % (b["count"], b["lbound"])
                       for b in t.get("bounds", []))
        return _declarator(t["element"], inner + dims)
    if base_vt == A.VT_SAFEARRAY and "element" in t:
        base = "SAFEARRAY(%s)" % _declarator(t["element"], "")
    elif base_vt == A.VT_USERDEFINED:
        if t.get("name"):
            base = t["name"]
        else:
            base = "__unresolved_href_%s /* %s */" % (_hex(t.get("href", 0)), _comment_error(t.get("error", {})))
    else:
        base = _VT_IDL.get(base_vt, "") if base_vt is not None else ""
        if not base:
            base = "void /* %s */" % t.get("vt_name")
        if isinstance(vt, int) and vt & ~A.VT_TYPEMASK:
            base += " /* %s */" % _hex(vt)
    return _join(base, inner)


def type_spelling(t: Dict[str, Any], name: str = "") -> str:
    """The IDL spelling of a type model, declaring name (if any)."""
    return _declarator(t, name)


# ---- members ---------------------------------------------------------------------------

def _param_text(p: Dict[str, Any], position: int, count: int, invkind: str) -> str:
    attrs = _idl_flags(p["flags"])
    if "default" in p:
        default = p["default"]
        if "idl" in default:
            attrs[attrs.index("defaultvalue")] = "defaultvalue(%s)" % default["idl"]
        else:
            attrs[attrs.index("defaultvalue")] = "defaultvalue(0 /* unreadable: %s */)" % _comment_error(
                default.get("error", {}))
    attrs += _custom_attrs(p["custom"])
    name = p.get("name")
    if not name:
        # A nameless parameter (GetNames gives a property's names from its
        # first accessor, and a put's value has none): a put's value is
        # "rhs", as OleView calls it; a return value "retval".
        last = position + 1 == count
        if last and invkind in ("INVOKE_PROPERTYPUT", "INVOKE_PROPERTYPUTREF"):
            name = "rhs"
        elif "retval" in p["flags"]:
            name = "retval"
        else:
            name = "p%d" % position
    return _inline_attrs(attrs) + type_spelling(p["type"], name)


def _func_lines(f: Dict[str, Any], indent: str, kind: str, show_id: bool) -> List[str]:
    if "error" in f:
        return [indent + "// function %d: %s" % (f["index"], _comment_error(f["error"]))]
    attrs = []
    if kind == "module" and "dllentry" in f:
        entry = f["dllentry"]
        if entry.get("entry") is not None:
            attrs.append("entry(%s)" % idl_string(entry["entry"]))
        elif entry.get("ordinal") is not None:
            attrs.append("entry(%d)" % entry["ordinal"])
    if show_id:
        attrs.append("id(%s)" % _number(f["memid"]))
    if f["invkind"] in _INVKIND_IDL:
        attrs.append(_INVKIND_IDL[f["invkind"]])
    attrs += _idl_flags(f["flags"])
    if f["cParamsOpt"] == -1:
        attrs.append("vararg")
    attrs += _doc_attrs(f["doc"])
    attrs += _custom_attrs(f["custom"])
    ret = type_spelling(f["return"])
    callconv = ""
    if kind == "module" or (kind == "interface" and f["callconv"] != "CC_STDCALL"):
        callconv = _CALLCONV_IDL.get(f["callconv"], "/* %s */" % f["callconv"]) + " "
    name = _name(f, "function")
    params = [_param_text(p, i, len(f["params"]), f["invkind"]) for i, p in enumerate(f["params"])]
    head = indent + _inline_attrs(attrs) + ret + " " + callconv + name + "("
    one_line = head + (", ".join(params) if params else "void") + ");"
    if len(one_line) <= _WRAP_AT or not params:
        return [one_line]
    lines = [head]
    for i, p in enumerate(params):
        lines.append(indent + INDENT + p + ("," if i + 1 < len(params) else ");"))
    return lines


def _var_attrs(v: Dict[str, Any], show_id: bool) -> List[str]:
    attrs = ["id(%s)" % _number(v["memid"])] if show_id else []
    attrs += _idl_flags(v["flags"])
    attrs += _doc_attrs(v["doc"])
    attrs += _custom_attrs(v["custom"])
    return attrs


def _value_text(v: Dict[str, Any]) -> str:
    value = v.get("value", {})
    if "idl" in value:
        return str(value["idl"])
    return "0 /* unreadable: %s */" % _comment_error(value.get("error", {}))


# ---- types ------------------------------------------------------------------------------

def _type_attrs(t: Dict[str, Any], leading: Optional[List[str]] = None) -> List[str]:
    attrs = list(leading or [])
    if t["guid"] != "{00000000-0000-0000-0000-000000000000}":
        attrs.append("uuid(%s)" % _uuid(t["guid"]))
    if t["version"] != "0.0":
        attrs.append("version(%s)" % t["version"])
    attrs += _doc_attrs(t["doc"])
    flags = _idl_flags(t["flags"])
    if t["kind"] == "coclass" and "<TYPEFLAG_FCANCREATE>" not in t["flags"]:
        flags.append("noncreatable")
    attrs += flags
    attrs += _custom_attrs(t["custom"])
    return attrs


def _name(item: Dict[str, Any], what: str) -> str:
    """An item's name; a nameless one (a damaged library) gets a placeholder."""
    return str(item.get("name") or "__unnamed_%s%d" % (what, item.get("index", 0)))


def _notes(t: Dict[str, Any], indent: str) -> List[str]:
    """Comments for what the attributes cannot say."""
    notes = []
    hidden_flags = [n.strip("<>") for n in t["flags"] if n.startswith("<")
                    and n not in ("<TYPEFLAG_FCANCREATE>", "<TYPEFLAG_FDISPATCHABLE>")]
    if hidden_flags:
        notes.append(indent + "// flags: " + ", ".join(hidden_flags))
    if isinstance(t["custom"], dict):
        notes.append(indent + "// custom data: " + _comment_error(t["custom"]["error"]))
    return notes


def _enum_lines(t: Dict[str, Any], indent: str) -> List[str]:
    lines = _notes(t, indent) + _typedef_open(_type_attrs(t), indent, "enum %s {" % _name(t, "type"))
    members = t["vars"]
    for i, v in enumerate(members):
        sep = "," if i + 1 < len(members) else ""
        if "error" in v:
            lines.append(indent + INDENT + "// member %d: %s" % (v["index"], _comment_error(v["error"])))
            continue
        lines.append(indent + INDENT + _inline_attrs(_var_attrs(v, False)) + "%s = %s%s" % (
            _name(v, "member"), _value_text(v), sep))
    lines.append(indent + "} %s;" % _name(t, "type"))
    return lines


def _record_lines(t: Dict[str, Any], indent: str) -> List[str]:
    keyword = "struct" if t["kind"] == "record" else "union"
    lines = _notes(t, indent) + _typedef_open(_type_attrs(t), indent, "%s %s {" % (keyword, _name(t, "type")))
    fields: List[Tuple[str, Optional[str]]] = []
    for v in t["vars"]:
        if "error" in v:
            fields.append(("// field %d: %s" % (v["index"], _comment_error(v["error"])), None))
            continue
        text = _inline_attrs(_var_attrs(v, False)) + type_spelling(v["type"], _name(v, "field")) + ";"
        fields.append((text, "// offset %d" % v["oInst"] if "oInst" in v else None))
    # Offsets line up in a column; a long field does not push the column out.
    width = max((len(text) for text, note in fields if note and len(text) <= _OFFSET_COLUMN), default=0)
    for text, note in fields:
        lines.append(indent + INDENT + (text.ljust(width) + "  " + note if note else text))
    lines.append(indent + "} %s;  // %d bytes, aligned to %d" % (_name(t, "type"), t["cbSizeInstance"],
                                                             t["cbAlignment"]))
    return lines


def _alias_lines(t: Dict[str, Any], indent: str) -> List[str]:
    attrs = _type_attrs(t, ["public"])
    return _notes(t, indent) + [indent + "typedef %s%s;" % (_inline_attrs(attrs), type_spelling(t["alias"], _name(t, "type")))]


def _module_lines(t: Dict[str, Any], indent: str) -> List[str]:
    leading = ["dllname(%s)" % idl_string(t["dllname"])] if t.get("dllname") else []
    attrs = _type_attrs(t)
    attrs[1 if attrs and attrs[0].startswith("uuid") else 0:0] = leading
    lines = _notes(t, indent) + _attr_block(attrs, indent)
    lines.append(indent + "module %s" % _name(t, "type"))
    lines.append(indent + "{")
    inner = indent + INDENT
    for v in t["vars"]:
        if "error" in v:
            lines.append(inner + "// constant %d: %s" % (v["index"], _comment_error(v["error"])))
        elif "value" in v:
            lines.append(inner + _inline_attrs(_var_attrs(v, False)) + "const %s = %s;" % (
                type_spelling(v["type"], _name(v, "constant")), _value_text(v)))
        else:
            lines.append(inner + _inline_attrs(_var_attrs(v, False)) + type_spelling(v["type"], _name(v, "var")) + ";")
    for f in t["funcs"]:
        lines += _func_lines(f, inner, "module", False)
    lines.append(indent + "}")
    return lines


def _base_name(t: Dict[str, Any]) -> Optional[str]:
    for impl in t.get("impltypes", []):
        if "type" in impl:
            return impl["type"].get("name") or _declarator({"vt": A.VT_USERDEFINED, **impl["type"]}, "")
    return None


def _interface_lines(t: Dict[str, Any], indent: str) -> List[str]:
    body = t.get("interface", t)
    if "error" in body:
        return [indent + "// interface %s: %s" % (_name(t, "type"), _comment_error(body["error"]))]
    # The vtable half carries the same documentation; its flags add
    # oleautomation to a dual interface, as widl and MIDL set it.
    attrs = _type_attrs(body, ["odl"])
    dual = "dual" in body["flags"]
    lines = _notes(body, indent) + _attr_block(attrs, indent)
    base = _base_name(body)
    lines.append(indent + "interface %s%s" % (_name(t, "type"), " : " + base if base else ""))
    lines.append(indent + "{")
    for f in body["funcs"]:
        memid = f.get("memid", 0)
        # ids of plain interfaces are assigned by the compiler (0x60LLNNNN:
        # inheritance level, index): shown only when the source said them.
        show_id = dual or "error" in f or (memid & 0xFF000000) != 0x60000000
        lines += _func_lines(f, indent + INDENT, "interface", show_id)
    lines.append(indent + "}")
    return lines


def _dispinterface_lines(t: Dict[str, Any], indent: str) -> List[str]:
    lines = _notes(t, indent) + _attr_block(_type_attrs(t), indent)
    lines.append(indent + "dispinterface %s" % _name(t, "type"))
    lines.append(indent + "{")
    inner = indent + INDENT
    lines.append(indent + "properties:")
    for v in t["vars"]:
        if "error" in v:
            lines.append(inner + "// property %d: %s" % (v["index"], _comment_error(v["error"])))
            continue
        lines.append(inner + _inline_attrs(_var_attrs(v, True)) + type_spelling(v["type"], _name(v, "property")) + ";")
    lines.append(indent + "methods:")
    for f in t["funcs"]:
        if not f.get("inherited"):
            lines += _func_lines(f, inner, "dispatch", True)
    lines.append(indent + "}")
    return lines


def _coclass_lines(t: Dict[str, Any], indent: str) -> List[str]:
    lines = _notes(t, indent) + _attr_block(_type_attrs(t), indent)
    lines.append(indent + "coclass %s" % _name(t, "type"))
    lines.append(indent + "{")
    for impl in t["impltypes"]:
        if "error" in impl:
            lines.append(indent + INDENT + "// interface %d: %s" % (impl["index"], _comment_error(impl["error"])))
            continue
        ref = impl["type"]
        keyword = "dispinterface" if ref.get("kind") == "dispatch" and not _is_dual_ref(ref) else "interface"
        attrs = _idl_flags(impl["flags"]) + _custom_attrs(impl["custom"])
        name = ref.get("name") or _declarator({"vt": A.VT_USERDEFINED, **ref}, "")
        lines.append(indent + INDENT + _inline_attrs(attrs) + "%s %s;" % (keyword, name))
    lines.append(indent + "}")
    return lines


def _is_dual_ref(ref: Dict[str, Any]) -> bool:
    return bool(ref.get("wTypeFlags", 0) & 0x40)  # TYPEFLAG_FDUAL


_RENDER = {
    "enum": _enum_lines, "record": _record_lines, "union": _record_lines, "alias": _alias_lines,
    "module": _module_lines, "interface": _interface_lines, "coclass": _coclass_lines,
}


def _type_lines(t: Dict[str, Any], indent: str) -> List[str]:
    if "error" in t:
        return [indent + "// type %d: %s" % (t["index"], _comment_error(t["error"]))]
    if t["kind"] == "dispatch":
        if "dual" in t["flags"]:
            return _interface_lines(t, indent)
        return _dispinterface_lines(t, indent)
    render = _RENDER.get(t["kind"])
    if render is None:
        return [indent + "// type %d (%s): unknown TYPEKIND" % (t["index"], _name(t, "type"))]
    return render(t, indent)


# ---- order ----------------------------------------------------------------------------------

def _type_refs(t: Any) -> List[Dict[str, Any]]:
    """The type references (VT_USERDEFINED models) a type model holds, at any depth."""
    found: List[Dict[str, Any]] = []
    todo = [t]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            if item.get("vt") == A.VT_USERDEFINED and "href" in item:
                found.append(item)
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return found


def _dependencies(t: Dict[str, Any]) -> List[int]:
    """Indices of the library's own types that must be declared before t:
    what it uses by name, except interfaces (forward-declared, so a pointer
    to one needs no definition) other than its base."""
    if "error" in t:
        return []
    deps = []
    body = t.get("interface", t) if isinstance(t.get("interface"), dict) else t
    for impl in body.get("impltypes", []) if t["kind"] in ("interface", "dispatch") else []:
        if impl.get("type", {}).get("index") is not None:
            deps.append(impl["type"]["index"])
    for part in ("alias", "vars", "funcs"):
        for ref in _type_refs(body.get(part)):
            if ref.get("index") is not None and ref.get("kind") not in ("interface", "dispatch"):
                deps.append(ref["index"])
    return deps


def declaration_order(types: List[Dict[str, Any]]) -> List[int]:
    """Type indices in library order, except that a type comes before the
    first one that needs it declared (widl and MIDL read IDL top-down).
    Cycles are left as they are (an iterative walk: no recursion limit)."""
    by_index = {t["index"]: t for t in types}
    order: List[int] = []
    done: Set[int] = set()
    for start in range(len(types)):
        if start in done:
            continue
        stack = [(start, iter(_dependencies(by_index[start])))]
        done.add(start)
        while stack:
            index, deps = stack[-1]
            for dep in deps:
                if dep not in done and dep in by_index:
                    done.add(dep)
                    stack.append((dep, iter(_dependencies(by_index[dep]))))
                    break
            else:
                stack.pop()
                order.append(index)
    return order


# ---- the library -------------------------------------------------------------------------

def render(model: Dict[str, Any]) -> str:
    """The IDL text of a library model (comrt.cli.tlbmodel.library_model)."""
    lib = model["library"]
    out = ["// %s" % model["file"].replace("\n", " "),
           "// dumped by `comrt tlb dump` (%s)" % lib["syskind"], ""]
    attrs = ["uuid(%s)" % _uuid(lib["guid"]), "version(%s)" % lib["version"]]
    if lib["lcid"]:
        attrs.append("lcid(0x%04x)" % lib["lcid"])
    doc = lib["doc"]
    attrs += _doc_attrs(doc)
    if doc.get("helpfile"):
        attrs.append("helpfile(%s)" % idl_string(doc["helpfile"]))
    if doc.get("helpstringdll"):
        attrs.append("helpstringdll(%s)" % idl_string(doc["helpstringdll"]))
    attrs += _idl_flags(lib["flags"])
    attrs += _custom_attrs(lib["custom"])
    out += _attr_block(attrs, "")
    out.append("library %s" % lib["name"])
    out.append("{")
    for imp in model["imports"]:
        out.append(INDENT + "importlib(%s);  // %s %s %s" % (idl_string(imp["file"]), imp["name"], imp["version"],
                                                            imp["guid"]))
    forward = []
    for t in model["types"]:
        if "error" in t:
            continue
        if t["kind"] == "interface" or (t["kind"] == "dispatch" and "dual" in t["flags"]):
            forward.append("interface %s;" % _name(t, "type"))
        elif t["kind"] == "dispatch":
            forward.append("dispinterface %s;" % _name(t, "type"))
    if forward:
        if model["imports"]:
            out.append("")
        out += [INDENT + "// forward declarations"] + [INDENT + f for f in forward]
    types = model["types"]
    for index in declaration_order(types):
        out.append("")
        out += _type_lines(types[index], INDENT)
    out.append("}")
    return "\n".join(out) + "\n"
