"""The ``comrt`` command line: ``comrt tlb dump FILE [--json]`` on the
committed type-library fixtures (tests/typelib/fixtures): exact IDL lines
for stdole2, the widl-compiled comrt_all (compared with its source,
tests/typelib/idl/comrt_all.idl) and mshtml; the JSON document against
what comrt.typeinfo reads; errors on missing and damaged files.

The command runs as ``sys.executable -m comrt`` (no dependence on PATH);
the checks over the whole corpus call comrt.cli.main in-process, for speed.
"""
import json
import pathlib
import shutil
import subprocess
import sys

import pytest

from comrt import hresult

try:
    from comrt import typeinfo as ti_mod
    from comrt.cli import main as cli_main
except ImportError:  # pragma: no cover - only while the binding is not built
    ti_mod = None

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "typelib" / "fixtures"
STDOLE2 = FIXTURES / "stdole2.tlb"
ALL = FIXTURES / "comrt_all.tlb"
BASE = FIXTURES / "comrt_base.tlb"
MSHTML = FIXTURES / "mshtml.tlb"

pytestmark = [
    pytest.mark.skipif(ti_mod is None, reason="comrt.typeinfo is not built into this install yet"),
    pytest.mark.skipif(not ALL.exists(), reason="tests/typelib/fixtures is not there yet"),
]


def run(*args, **kwargs):
    """Runs `python -m comrt ARGS`; returns the CompletedProcess (text mode, UTF-8)."""
    return subprocess.run([sys.executable, "-m", "comrt", *map(str, args)], capture_output=True,
                          encoding="utf-8", timeout=120, **kwargs)


def dump(path, *options):
    result = run("tlb", "dump", *options, path)
    assert result.returncode == 0, (path, result.stderr)
    assert result.stderr == "", (path, result.stderr)
    return result.stdout


@pytest.fixture(scope="module")
def stdole_idl():
    return dump(STDOLE2)


@pytest.fixture(scope="module")
def all_idl():
    return dump(ALL)


@pytest.fixture(scope="module")
def all_json():
    return json.loads(dump(ALL, "--json"))


def lines_of(text):
    return text.splitlines()


def block(text, opener):
    """The lines from the one equal to opener to the next line that closes a block at its indent."""
    lines = lines_of(text)
    start = lines.index(opener)
    indent = opener[:len(opener) - len(opener.lstrip())]
    for end in range(start + 1, len(lines)):
        if lines[end].startswith(indent + "}"):
            return lines[start:end + 1]
    raise AssertionError("no end for " + opener)


# ---- the command line itself -------------------------------------------------------

def test_help():
    result = run("--help")
    assert result.returncode == 0 and "tlb" in result.stdout and result.stdout.startswith("usage: comrt")
    result = run("tlb", "dump", "--help")
    assert result.returncode == 0 and "--json" in result.stdout and "FILE" in result.stdout


def test_usage_errors_are_not_tracebacks():
    for args in ((), ("tlb",), ("tlb", "dump"), ("nosuchcommand",), ("tlb", "dump", "--bogus", STDOLE2)):
        result = run(*args)
        assert result.returncode == 2, args
        assert "usage: comrt" in result.stderr and "Traceback" not in result.stderr, args
        assert result.stdout == "", args


def test_console_script_entry_point():
    # pyproject's [project.scripts] comrt = "comrt.__main__:main"
    text = (ROOT / "pyproject.toml").read_text()
    assert "comrt = 'comrt.__main__:main'" in text
    from comrt.__main__ import main
    with pytest.raises(SystemExit) as e:
        main(["--help"])
    assert e.value.code == 0


# ---- IDL: stdole2 --------------------------------------------------------------------

def test_stdole2_library_header(stdole_idl):
    lines = lines_of(stdole_idl)
    assert lines[0] == "// " + str(STDOLE2)
    head = lines[lines.index("["):lines.index("library stdole") + 2]
    assert head[:4] == ["[", "    uuid(00020430-0000-0000-C000-000000000046),", "    version(2.0),",
                        '    helpstring("OLE Automation"),']
    assert head[-2:] == ["library stdole", "{"]
    assert lines[-1] == "}"


def test_stdole2_ifont(stdole_idl):
    ifont = block(stdole_idl, "    interface IFont : IUnknown")
    lines = lines_of(stdole_idl)
    attrs = lines[lines.index("    interface IFont : IUnknown") - 6:lines.index("    interface IFont : IUnknown")]
    assert attrs == ["    [", "        odl,", "        uuid(BEF6E002-A874-101A-8BBA-00AA00300CAB),",
                     '        helpstring("Font Object"),', "        hidden", "    ]"]
    assert ifont[2] == "        [propget] HRESULT Name([out, retval] BSTR* pname);"
    assert ifont[3] == "        [propput] HRESULT Name([in] BSTR pname);"
    assert "        [propget] HRESULT Size([out, retval] CY* psize);" in ifont
    assert "        HRESULT Clone([out] IFont** ppfont);" in ifont
    assert "        HRESULT SetRatio([in] long cyLogical, [in] long cyHimetric);" in ifont
    assert len([line for line in ifont if "HRESULT" in line]) == 22  # cFuncs


def test_stdole2_dispinterface_coclass_enum_module(stdole_idl):
    font = block(stdole_idl, "    dispinterface Font")
    assert font[2:4] == ["    properties:", "        [id(0)] BSTR Name;"]
    assert "        [id(8)] short Charset;" in font and "    methods:" in font
    assert block(stdole_idl, "    coclass StdFont")[2:4] == ["        [default] dispinterface Font;",
                                                          "        interface IFont;"]
    enum = block(stdole_idl, "    enum LoadPictureConstants {")
    assert enum[1:] == ["        Default = 0,", "        Monochrome = 1,", "        VgaColor = 2,", "        Color = 4",
                        "    } LoadPictureConstants;"]
    module = "\n".join(block(stdole_idl, "    module StdFunctions"))
    assert "            [in, optional, defaultvalue(0)] int widthDesired," in module
    assert "            [in, optional, defaultvalue(0)] LoadPictureConstants flags," in module
    assert "            [out, retval] IPictureDisp** retval);" in module
    assert 'dllname("oleaut32.dll")' in stdole_idl
    assert "    typedef [public] Font IFontDisp;" in stdole_idl
    assert "    typedef [public, uuid(66504301-BE0F-101A-8BBB-00AA00300CAB)] unsigned long OLE_COLOR;" in stdole_idl
    assert "        [restricted] HRESULT QueryInterface([in] GUID* riid, [out] void** ppvObj);" in stdole_idl
    assert "    typedef struct GUID {" in stdole_idl and "        unsigned char Data4[8];  // offset 8" in stdole_idl


# ---- IDL: comrt_all, compared with its source ---------------------------------------------

def test_comrt_all_library_block(all_idl):
    lines = lines_of(all_idl)
    head = lines[lines.index("["):lines.index("library ComrtAll")]
    for expected in ("uuid(6A2F1C00-0B1E-4C5A-9F00-000000000100),", "version(3.7),", "lcid(0x0409),",
                     'helpstring("comrt every-construct test library"),', "helpcontext(0x1001),",
                     "helpstringcontext(0x2002),", 'helpfile("comrt_all.hlp"),',
                     'helpstringdll("comrt_all_strings.dll"),', "control,",
                     'custom(6A2F1C00-0B1E-4C5A-9F00-0000000000C1, "library custom string"),',
                     "custom(6A2F1C00-0B1E-4C5A-9F00-0000000000C2, 42),"):
        assert "    " + expected in head, expected
    # importlib lines for both referenced libraries, the file found beside comrt_all.tlb
    assert '    importlib("comrt_base.tlb");  // ComrtBase 2.5 {6A2F1C00-0B1E-4C5A-9F00-000000000001}' in lines
    assert '    importlib("stdole2.tlb");  // stdole 2.0 {00020430-0000-0000-C000-000000000046}' in lines


def test_comrt_all_enums_records_aliases(all_idl):
    shade = block(all_idl, "    enum Shade {")
    assert shade[1:] == ["        ShadeNone = 0,", "        ShadeOne = 1,", "        ShadeNeg = -1,",
                         "        ShadeBig = 2147483647,", "        ShadeMin = -2147483648,",
                         "        ShadeCust = 100,", "        ShadeNext = 101", "    } Shade;"]
    assert "    typedef [" in all_idl and '        helpstring("Every kind of enum value"),' in all_idl
    fields = "\n".join(block(all_idl, "    struct AllFields {"))
    for decl, offset in (("char fI1;", 0), ("hyper fI8;", 24), ("IDispatch* fDISPATCH;", 80), ("long** fPtrPtr;", 176),
                         ("SAFEARRAY(long) fSafeArray;", 184), ("SAFEARRAY(BSTR)* fSafeArrayPtr;", 192),
                         ("long fArray[4];", 200), ("double fArray2[2][3];", 216), ("BSTR fBstrArray[5];", 264),
                         ("BasePoint fBasePoint;", 308)):
        assert "        %s" % decl in fields and "// offset %d\n" % offset in fields + "\n", decl
    assert "    } AllFields;  // 352 bytes, aligned to 8" in fields
    assert ('        [custom(6A2F1C00-0B1E-4C5A-9F00-0000000000C1, "field custom")] Shade fShade;  // offset 304'
            in fields)
    union = block(all_idl, "    union AllUnion {")
    assert union[4] == "        AllFields* uRec;  // offset 0"
    assert ('    typedef [public, uuid(6A2F1C00-0B1E-4C5A-9F00-000000000104), helpstring("an alias of long")] '
            'long MyLong;') in all_idl
    for alias in ("[public] MyLong MyLong2;", "[public] SAFEARRAY(VARIANT) VariantArray;", "[public] IDispatch* DispPtr;",
                  "[public, hidden, restricted] double HiddenDouble;", "[public] BaseColor ImportedAlias;"):
        assert "    typedef %s" % alias in all_idl, alias
    # a type used before the library defines it is declared first
    lines = lines_of(all_idl)
    anon = [i for i, line in enumerate(lines) if "__WIDL_comrt_all_generated_name_0000001E" in line]
    assert "enum __WIDL_comrt_all_generated_name_0000001E {" in lines[anon[0]]
    assert lines[anon[-1]].endswith("AnonEnum;")


def test_comrt_all_module_and_interfaces(all_idl):
    module = block(all_idl, "    module AllModule")
    assert "        [entry(42)] double __stdcall FuncByOrdinal([in] double d, [in] BSTR s);" in module
    assert 'dllname("comrt_all.dll")' in all_idl
    types = block(all_idl, "    interface IAllTypes : IUnknown")
    assert "        HRESULT InBSTR([in] BSTR v, [out, retval] BSTR* r);" in types
    assert "        HRESULT InCArray([in] long v[8], [in] double m[2][4]);" in types
    assert "        HRESULT WithLcid([in] long a, [in, lcid] long lcid, [out, retval] long* r);" in types
    assert "        HRESULT InSafeArrayVar([in] SAFEARRAY(VARIANT)* v);" in types
    assert "            [out, retval] IFontDisp** f);" in types  # a type of an imported library, by name
    assert "        [restricted, hidden] HRESULT Hidden(void);" in types
    assert "        long RetI4(void);" in types and "        void RetVoid(void);" in types
    assert "            [in, custom(6A2F1C00-0B1E-4C5A-9F00-0000000000C2, 9)] long a," in types

    dual = block(all_idl, "    interface IAllDual : IDispatch")
    assert dual[2] == '        [id(1), propget, helpstring("the value")] HRESULT Value([out, retval] long* v);'
    assert "        [id(2), propputref] HRESULT Obj([in] IDispatch* o);" in dual
    assert "        [id(-4), restricted, hidden] HRESULT _NewEnum([out, retval] IUnknown** e);" in dual
    assert "        [id(4), vararg] HRESULT VarArgs([in] long first, [in] SAFEARRAY(VARIANT) rest);" in dual
    assert "        [id(0x60020000)] HRESULT HighId([in] long a);" in dual
    assert "            [in, optional, defaultvalue(\"text\")] BSTR dBSTR," in dual
    assert "            [in, optional, defaultvalue(-1)] VARIANT_BOOL dBOOL," in dual
    assert "            [in, optional, defaultvalue(0)] IDispatch* dDisp," in dual
    assert "            [in, out, optional, defaultvalue(6)] long* dInOut," in dual
    lines = lines_of(all_idl)
    at = lines.index("    interface IAllDual : IDispatch")
    assert {"        dual,", "        oleautomation", "        nonextensible,",
            "        helpstringcontext(263),"} <= set(lines[at - 9:at])
    assert "    interface IDualDerived : IAllDual" in lines
    assert "    interface IDerived : IBaseThing" in lines


def test_comrt_all_dispinterfaces_and_coclasses(all_idl):
    events = block(all_idl, "    dispinterface DAllEvents")
    assert events[2:5] == ["    properties:", "        [id(1)] long Count;", "        [id(2), readonly] BSTR Name;"]
    assert "        [id(11)] VARIANT_BOOL OnQuery([in, out] VARIANT_BOOL* cancel);" in events
    assert "        [id(14), propget] long Prop(void);" in events
    derived = block(all_idl, "    dispinterface DFromInterface")
    # IUnknown's and IDispatch's methods are inherited, not listed
    assert not any("QueryInterface" in line or "Invoke" in line for line in derived)
    assert "        [id(3), propget] VARIANT Item([in] long index, [in, optional] VARIANT key);" in derived
    obj = block(all_idl, "    coclass AllObject")
    assert obj[2:] == ["        [default] interface IAllDual;", "        interface IAllTypes;",
                       "        [source] dispinterface DAllEvents;",
                       "        [default, source] dispinterface DFromInterface;",
                       "        [restricted] interface IDerived;", "        [source, defaultvtable] interface IDualDerived;",
                       "    }"]
    lines = lines_of(all_idl)
    at = lines.index("    coclass AllObject")
    assert lines[at - 6:at] == ["        helpstring(\"object with every impl flag\"),", "        appobject,",
                                "        licensed,", "        control,", "        aggregatable", "    ]"]
    hidden = lines.index("    coclass HiddenObject")
    assert lines[hidden - 3:hidden] == ["        hidden,", "        noncreatable", "    ]"]


def test_comrt_all_names_match_the_source(all_idl):
    # Every type and member the IDL source declares (widl keeps all but
    # [local] methods and module constants) appears in the dump.
    import re
    source = (ROOT / "tests" / "typelib" / "idl" / "comrt_all.idl").read_text()
    body = source[source.index("library ComrtAll"):]
    names = set(re.findall(r"\b(?:HRESULT|void|long|double|BSTR|VARIANT_BOOL|VARIANT|float|char|hyper|CY|DATE|LPSTR|"
                           r"Shade|short|IUnknown \*)\s*\**\s*(\w+)\s*\(", body))
    names |= set(re.findall(r"(?:interface|dispinterface|coclass|module|enum|struct|union)\s+(\w+)\s*\{?\s*$",
                            body, re.M))
    names -= {"LocalOne", "ocidl"}
    # Case-insensitively: a library stores each name once, in the case of
    # its first use (the method Lcid shares the parameter lcid's entry).
    dumped = {w.lower() for w in re.findall(r"\w+", all_idl)}
    assert len(names) > 60
    assert sorted(n for n in names if n.lower() not in dumped) == []


# ---- IDL: mshtml ------------------------------------------------------------------------------

def test_mshtml():
    text = dump(MSHTML)
    lines = lines_of(text)
    assert "library MSHTML" in lines
    assert '    importlib("stdole2.tlb");  // stdole 2.0 {00020430-0000-0000-C000-000000000046}' in lines
    doc2 = block(text, "    interface IHTMLDocument2 : IHTMLDocument")
    assert "        [id(1003), propget] HRESULT all([out, retval] IHTMLElementCollection** p);" in doc2
    assert "        [id(1012), propput] HRESULT title([in] BSTR rhs);" in doc2
    html = block(text, "    coclass HTMLDocument")
    assert "        [default, source] dispinterface HTMLDocumentEvents;" in html
    count = ti_mod.LoadTypeLib(str(MSHTML)).GetTypeInfoCount()
    declared = [line for line in lines if line.startswith(("    interface ", "    dispinterface ", "    coclass ",
                                                            "    module ", "    typedef "))
                and not line.endswith(";") or line.startswith("    typedef [public]")]
    assert count > 300 and len(declared) >= count - 5


# ---- JSON -------------------------------------------------------------------------------------

def by_name(model, name):
    return [t for t in model["types"] if t.get("name") == name][0]


def test_json_document_shape(all_json):
    assert list(all_json) == ["schema", "schema_version", "file", "library", "imports", "types"]
    assert all_json["schema"] == "comrt-tlb-dump" and all_json["schema_version"] == 1
    assert all_json["file"] == str(ALL)
    lib = all_json["library"]
    assert (lib["name"], lib["guid"], lib["version"], lib["lcid"]) == (
        "ComrtAll", "{6A2F1C00-0B1E-4C5A-9F00-000000000100}", "3.7", 0x409)
    assert lib["flags"][0] == "control"
    assert lib["doc"] == {"helpstring": "comrt every-construct test library", "helpcontext": 0x1001,
                          "helpfile": "comrt_all.hlp", "helpstringcontext": 0x2002,
                          "helpstringdll": "comrt_all_strings.dll"}
    assert {"guid": "{6A2F1C00-0B1E-4C5A-9F00-0000000000C2}", "value": 42, "idl": "42"} in lib["custom"]
    imports = {i["name"]: i for i in all_json["imports"]}
    assert imports["ComrtBase"]["file"] == "comrt_base.tlb" and imports["ComrtBase"]["version"] == "2.5"
    assert imports["stdole"]["file"] == "stdole2.tlb"
    # stable: the same document twice, and it survives a round trip
    again = json.loads(dump(ALL, "--json"))
    assert again == all_json
    assert json.loads(json.dumps(all_json)) == all_json


def test_json_matches_the_typeinfo_api(all_json):
    tlib = ti_mod.LoadTypeLib(str(ALL))
    assert len(all_json["types"]) == tlib.GetTypeInfoCount()
    kinds = ("enum", "record", "module", "interface", "dispatch", "coclass", "alias", "union")
    for t in all_json["types"]:
        ti = tlib.GetTypeInfo(t["index"])
        ta = ti.GetTypeAttr()
        assert t["name"] == tlib.GetDocumentation(t["index"])[0]
        assert (t["kind"], t["guid"], t["cFuncs"], t["cVars"], t["cImplTypes"], t["wTypeFlags"]) == (
            kinds[ta.typekind], str(ta.guid), ta.cFuncs, ta.cVars, ta.cImplTypes, ta.wTypeFlags), t["name"]
        assert (t["cbSizeInstance"], t["cbAlignment"], t["cbSizeVft"]) == (
            ta.cbSizeInstance, ta.cbAlignment, ta.cbSizeVft), t["name"]
        assert len(t["funcs"]) == ta.cFuncs and len(t["vars"]) == ta.cVars
        for f in t["funcs"]:
            fd = ti.GetFuncDesc(f["index"])
            assert (f["memid"], f["cParams"], f["cParamsOpt"], f["oVft"], f["wFuncFlags"]) == (
                fd.memid, fd.cParams, fd.cParamsOpt, fd.oVft, fd.wFuncFlags)
            assert f["return"]["vt"] == fd.elemdescFunc.tdesc.vt
            assert [p["wParamFlags"] for p in f["params"]] == [
                fd.lprgelemdescParam[i]._.paramdesc.wParamFlags for i in range(fd.cParams)]


def test_json_types_values_and_members(all_json):
    dual = by_name(all_json, "IAllDual")
    assert dual["kind"] == "dispatch" and "dual" in dual["flags"]
    half = dual["interface"]  # the vtable half of the dual interface
    assert half["kind"] == "interface" and len(half["funcs"]) == 18
    defaults = {p["name"]: p["default"] for f in half["funcs"] if f["name"] == "Defaults"
                for p in f["params"] if "default" in p}
    assert defaults["dI4"] == {"vt": 3, "vt_name": "VT_I4", "value": -5, "idl": "-5"}
    assert defaults["dBSTR"]["value"] == "text" and defaults["dBSTR"]["idl"] == '"text"'
    assert defaults["dBOOL"]["vt_name"] == "VT_BOOL" and defaults["dBOOL"]["idl"] == "-1"
    assert defaults["dDisp"]["value"] is None and defaults["dUI2"]["value"] == 65535
    value = [f for f in half["funcs"] if f["name"] == "Value"][0]
    assert value["invkind"] == "INVOKE_PROPERTYGET" and value["funckind"] == "FUNC_PUREVIRTUAL"
    assert value["params"][0]["flags"] == ["out", "retval"]
    assert value["params"][0]["type"] == {"vt": 26, "vt_name": "VT_PTR",
                                          "pointee": {"vt": 3, "vt_name": "VT_I4", "idl": "long"}, "idl": "long*"}
    # the dispatch half lists IDispatch's methods, marked inherited
    assert [f["inherited"] for f in dual["funcs"]][:8] == [True] * 7 + [False]

    fields = {v["name"]: v for v in by_name(all_json, "AllFields")["vars"]}
    arr = fields["fArray2"]["type"]
    assert arr["vt_name"] == "VT_CARRAY" and arr["bounds"] == [{"lbound": 0, "count": 2}, {"lbound": 0, "count": 3}]
    assert arr["element"]["vt_name"] == "VT_R8" and arr["idl"] == "double[2][3]"
    assert fields["fArray2"]["oInst"] == 216 and fields["fArray2"]["varkind"] == "VAR_PERINSTANCE"
    point = fields["fBasePoint"]["type"]
    assert (point["name"], point["kind"], point["library"], point["index"]) == ("BasePoint", "record", "ComrtBase", None)
    shade = fields["fShade"]["type"]
    assert (shade["library"], shade["kind"]) == (None, "enum")
    assert all_json["types"][shade["index"]]["name"] == "Shade"

    consts = {v["name"]: v["value"]["value"] for v in by_name(all_json, "Shade")["vars"]}
    assert consts["ShadeMin"] == -0x80000000 and consts["ShadeNext"] == 101
    assert by_name(all_json, "MyLong")["alias"]["vt_name"] == "VT_I4"
    module = by_name(all_json, "AllModule")
    assert module["dllname"] == "comrt_all.dll"
    assert [f["dllentry"]["ordinal"] for f in module["funcs"] if f["name"] == "FuncByOrdinal"] == [42]
    impls = [(i["type"]["name"], i["flags"]) for i in by_name(all_json, "AllObject")["impltypes"]]
    assert impls[3] == ("DFromInterface", ["default", "source"])
    customized = [f for f in by_name(all_json, "IAllTypes")["funcs"] if f["name"] == "Customized"][0]
    assert customized["doc"] == {"helpstring": "custom everywhere", "helpcontext": 77, "helpstringcontext": 0}
    assert customized["params"][1]["custom"] == [
        {"guid": "{6A2F1C00-0B1E-4C5A-9F00-0000000000C1}", "value": "param custom", "idl": '"param custom"'}]


def test_json_stdole2():
    model = json.loads(dump(STDOLE2, "--json"))
    assert model["library"]["name"] == "stdole" and len(model["types"]) == 42 and model["imports"] == []
    ifont = by_name(model, "IFont")
    assert ifont["kind"] == "interface" and ifont["cbSizeVft"] == 200
    assert ifont["impltypes"][0]["type"]["name"] == "IUnknown"
    first = ifont["funcs"][0]
    assert (first["name"], first["invkind"], first["oVft"]) == ("Name", "INVOKE_PROPERTYGET", 24)
    assert first["params"][0]["type"]["idl"] == "BSTR*"
    font = by_name(model, "Font")
    assert [v["memid"] for v in font["vars"]] == [0, 2, 3, 4, 5, 6, 7, 8]
    assert {v["varkind"] for v in font["vars"]} == {"VAR_DISPATCH"}


def test_values_as_idl_literals():
    # Defaults and constants of the types no fixture has readable (DATE,
    # CY, DECIMAL): a VARIANT laid out as a library's value is.
    import datetime
    import decimal
    from comrt.automation import VARIANT
    from comrt.cli.tlbmodel import value_model

    def model(value, vt=None):
        var = VARIANT(value)
        if vt is not None:
            var.ChangeType(vt)
        view = ti_mod._VariantView.from_buffer_copy(bytes(var))
        result = value_model(view)
        del var
        return result

    assert model(datetime.datetime(2020, 1, 2, 12, 0)) == {
        "vt": 7, "vt_name": "VT_DATE", "value": "2020-01-02 12:00:00", "idl": "43832.5"}
    assert model(decimal.Decimal("1.25"), 6) == {"vt": 6, "vt_name": "VT_CY", "value": "1.25", "idl": "1.25"}
    assert model(decimal.Decimal("-0.5"), 14)["idl"] == "-0.5000"  # made from a CY: scale 4
    assert model(True)["idl"] == "-1" and model(False)["idl"] == "0"
    assert model(2.5)["idl"] == "2.5" and model(-7)["idl"] == "-7"
    assert model('a"b\\\n\x01')["idl"] == '"a\\"b\\\\\\n\\001"'
    assert model(None) == {"vt": 0, "vt_name": "VT_EMPTY", "value": None, "idl": "0"}


# ---- every fixture, and damaged files -----------------------------------------------------------

GOOD = sorted(p.name for p in FIXTURES.glob("*") if p.suffix in (".tlb", ".dll") and not p.name.startswith("bad_")) \
    if FIXTURES.exists() else []
BAD = sorted(p.name for p in FIXTURES.glob("bad_*")) if FIXTURES.exists() else []


@pytest.mark.parametrize("name", GOOD)
def test_every_fixture_dumps(name, capsys):
    path = str(FIXTURES / name)
    assert cli_main(["tlb", "dump", path]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.rstrip().endswith("}")
    assert cli_main(["tlb", "dump", "--json", path]) == 0
    out, err = capsys.readouterr()
    model = json.loads(out)
    assert len(model["types"]) == ti_mod.LoadTypeLib(path).GetTypeInfoCount()


@pytest.mark.parametrize("name", BAD)
def test_damaged_files_fail_cleanly(name):
    # Refused: one line on stderr, exit 1.  A damage that spares the library
    # (as LoadTypeLib sees it) dumps what is readable.  Never a traceback.
    path = FIXTURES / name
    for options in ((), ("--json",)):
        result = run("tlb", "dump", *options, path)
        assert "Traceback" not in result.stderr, name
        if result.returncode:
            assert result.returncode == 1, name
            assert result.stdout == ""
            assert result.stderr.startswith("comrt: cannot load %s: " % path), result.stderr
            assert result.stderr.count("\n") == 1
        else:
            assert result.stdout


def test_missing_file_message():
    path = FIXTURES / "no_such_file.tlb"
    result = run("tlb", "dump", path)
    assert result.returncode == 1 and result.stdout == ""
    name = hresult.name(hresult.TYPE_E_CANTLOADLIBRARY)
    assert result.stderr == "comrt: cannot load %s: %s %s\n" % (path, name, hresult.message(hresult.TYPE_E_CANTLOADLIBRARY))
    assert result.stderr == "comrt: cannot load %s: TYPE_E_CANTLOADLIBRARY Error loading type library/DLL.\n" % path
    for bad in ("bad_magic.tlb", "bad_empty.tlb"):
        result = run("tlb", "dump", "--json", FIXTURES / bad)
        assert result.returncode == 1
        assert result.stderr.startswith("comrt: cannot load %s: TYPE_E_CANTLOADLIBRARY " % (FIXTURES / bad))


def test_resource_suffix_picks_a_typelib_resource():
    two = FIXTURES / "pe64_two.dll"
    first = json.loads(dump(two, "--json"))
    second = json.loads(dump("%s\\2" % two, "--json"))
    assert second["file"].endswith("\\2")
    assert first["library"]["guid"] != second["library"]["guid"] or first["types"] != second["types"]
    result = run("tlb", "dump", "%s\\3" % two)
    assert result.returncode == 1 and result.stderr.startswith("comrt: cannot load %s\\3: " % two)


def test_relative_path_and_closed_pipe():
    result = run("tlb", "dump", STDOLE2.name, cwd=str(FIXTURES))
    assert result.returncode == 0 and "library stdole" in result.stdout
    # The reader goes away early (`comrt tlb dump mshtml.tlb | head`): no traceback.
    proc = subprocess.Popen([sys.executable, "-m", "comrt", "tlb", "dump", str(MSHTML)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "Error" not in err


# ---- the dump compiles again (widl is installed here, not in CI) -------------------------------------

@pytest.mark.skipif(shutil.which("widl") is None, reason="widl is not installed")
def test_widl_compiles_the_dump_back(tmp_path):
    # comrt_base.tlb: dump, compile with widl (oaidl.idl declares BSTR & co.,
    # which a library does not hold), dump again: the same library.
    text = dump(BASE)
    idl = tmp_path / "base.idl"
    idl.write_text('import "oaidl.idl";\n' + text)
    tlb = tmp_path / "base.tlb"
    compiled = subprocess.run(["widl", "-t", "-o", str(tlb), str(idl)], capture_output=True, text=True,
                              cwd=str(tmp_path))
    assert compiled.returncode == 0, compiled.stderr
    shutil.copy(STDOLE2, tmp_path / "stdole2.tlb")
    before = json.loads(dump(BASE, "--json"))
    after = json.loads(dump(tlb, "--json"))

    def comparable(model):
        lib = dict(model["library"], custom=None)  # widl stamps its version and the time
        return lib, model["imports"], sorted((t for t in model["types"]), key=lambda t: t["name"])

    def without_positions(types):
        text = json.dumps(types)
        # type indices and hreftypes depend on the order widl writes types in
        import re
        return re.sub(r'"(index|href)": \d+', '"\\1": 0', text)

    lib_a, imp_a, types_a = comparable(before)
    lib_b, imp_b, types_b = comparable(after)
    assert lib_a == lib_b and imp_a == imp_b
    assert without_positions(types_a) == without_positions(types_b)
