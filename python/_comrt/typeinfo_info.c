/*
 * python/_comrt/typeinfo_info.c — comrt.ITypeInfo: one type of a type
 * library, with comtypes' methods and return shapes (GetTypeAttr,
 * GetFuncDesc and GetVarDesc give ctypes views released when unused,
 * GetNames a list, GetDocumentation a 4-tuple cut at NUL as comtypes'
 * fix_name does, GetContainingTypeLib (ITypeLib, index)), plus ITypeInfo2's
 * (GetTypeKind, GetCustData, ...) reached through QueryInterface.  Every
 * call runs without the GIL; a failed one raises COMError.
 */
#include "_comrt.h"

#define TI(self) ((ITypeInfo *)((comrt_ComObject *)(self))->punk)

/* Cap on GetNames' count: a function has at most 0x7FFF parameters. */
#define MAX_NAMES 0x8000

/* IID_ITypeInfo2, kept here so the binding needs no GUID symbol from libcomrt. */
static const GUID iid_typeinfo2 = {0x00020412, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};

/* GetTypeAttr / GetFuncDesc / GetVarDesc: a view whose owner holds a
 * reference on the ITypeInfo until it hands the descriptor back. */
static PyObject *desc(PyObject *self, int kind, uint32_t index)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo *ti = TI(self);
    void *d = NULL;
    HRESULT hr;

    if (!st) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (kind) {
    case COMRT_DESC_TYPEATTR: hr = ti->lpVtbl->GetTypeAttr(ti, (TYPEATTR **)&d); break;
    case COMRT_DESC_FUNCDESC: hr = ti->lpVtbl->GetFuncDesc(ti, index, (FUNCDESC **)&d); break;
    default: hr = ti->lpVtbl->GetVarDesc(ti, index, (VARDESC **)&d); break;
    }
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    if (!d) return comrt_raise_hr(st, E_POINTER);
    ti->lpVtbl->AddRef(ti);
    return comrt_desc_wrap(st, kind, (IUnknown *)ti, d);
}

static PyObject *ti_get_type_attr(PyObject *self, PyObject *unused)
{
    return desc(self, COMRT_DESC_TYPEATTR, 0);
}

static PyObject *ti_get_func_desc(PyObject *self, PyObject *arg)
{
    uint32_t index;
    if (!comrt_conv_u32(arg, &index)) return NULL;
    return desc(self, COMRT_DESC_FUNCDESC, index);
}

static PyObject *ti_get_var_desc(PyObject *self, PyObject *arg)
{
    uint32_t index;
    if (!comrt_conv_u32(arg, &index)) return NULL;
    return desc(self, COMRT_DESC_VARDESC, index);
}

static PyObject *ti_get_type_comp(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeComp *tc = NULL;
    HRESULT hr;

    if (!st) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetTypeComp(TI(self), &tc);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->typecomp_type, (IUnknown *)tc);
}

static PyObject *ti_get_names(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"memid", "count", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    uint32_t memid;
    int count = 1;
    UINT got = 0, i;
    BSTR *names = NULL;
    PyObject *list = NULL;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|i:GetNames", kwlist, comrt_conv_u32, &memid, &count))
        return NULL;
    if (count < 0 || count > MAX_NAMES) {
        PyErr_Format(PyExc_ValueError, "GetNames: count must be 0..%d", MAX_NAMES);
        return NULL;
    }
    names = PyMem_Calloc(count ? (size_t)count : 1, sizeof(BSTR));
    if (!names) return PyErr_NoMemory();
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetNames(TI(self), (MEMBERID)memid, names, (UINT)count, &got);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        got = 0;
        goto out;
    }
    if (got > (UINT)count) got = (UINT)count; /* never trust a count past the buffer */
    list = PyList_New(0);
    for (i = 0; i < got; i++) {
        PyObject *s;
        if (!list) break;
        s = comrt_bstr_take(names[i], 0);
        names[i] = NULL;
        if (!s || PyList_Append(list, s) < 0) Py_CLEAR(list);
        Py_XDECREF(s);
    }
out:
    for (i = 0; i < got; i++) SysFreeString(names[i]);
    PyMem_Free(names);
    return list;
}

static PyObject *ti_get_ref_type_of_impl_type(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    uint32_t index;
    HREFTYPE href = 0;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &index)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetRefTypeOfImplType(TI(self), index, &href);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromUnsignedLong(href);
}

static PyObject *ti_get_impl_type_flags(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    uint32_t index;
    INT flags = 0;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &index)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetImplTypeFlags(TI(self), index, &flags);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromLong(flags);
}

static PyObject *ti_get_ids_of_names(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    Py_ssize_t n = PyTuple_GET_SIZE(args), i, made = 0;
    BSTR *names = NULL;
    MEMBERID *ids = NULL;
    PyObject *list = NULL;
    HRESULT hr;

    if (!st) return NULL;
    if (n == 0 || n > MAX_NAMES) {
        PyErr_Format(PyExc_TypeError, "GetIDsOfNames takes 1..%d names", MAX_NAMES);
        return NULL;
    }
    names = PyMem_Calloc((size_t)n, sizeof(BSTR));
    ids = PyMem_Calloc((size_t)n, sizeof(MEMBERID));
    if (!names || !ids) {
        PyErr_NoMemory();
        goto out;
    }
    for (made = 0; made < n; made++)
        if (comrt_name_arg(PyTuple_GET_ITEM(args, made), &names[made]) < 0) goto out;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetIDsOfNames(TI(self), names, (UINT)n, ids);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        goto out;
    }
    list = PyList_New(n);
    for (i = 0; list && i < n; i++) {
        PyObject *v = PyLong_FromLong(ids[i]);
        if (!v) Py_CLEAR(list);
        else PyList_SET_ITEM(list, i, v);
    }
out:
    if (names)
        for (i = 0; i < made; i++) SysFreeString(names[i]);
    PyMem_Free(names);
    PyMem_Free(ids);
    return list;
}

static PyObject *ti_get_documentation(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    BSTR name = NULL, doc = NULL, file = NULL;
    DWORD ctx = 0;
    uint32_t memid;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &memid)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetDocumentation(TI(self), (MEMBERID)memid, &name, &doc, &ctx, &file);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_doc_tuple(name, doc, ctx, file, 1);
}

static PyObject *ti_get_dll_entry(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    uint32_t memid;
    int invkind;
    BSTR dll = NULL, name = NULL;
    WORD ordinal = 0;
    PyObject *d, *n, *r = NULL;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTuple(args, "O&i:GetDllEntry", comrt_conv_u32, &memid, &invkind)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetDllEntry(TI(self), (MEMBERID)memid, (INVOKEKIND)invkind, &dll, &name, &ordinal);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    d = comrt_bstr_take(dll, 0);
    n = comrt_bstr_take(name, 0);
    if (d && n) r = Py_BuildValue("(OOi)", d, n, (int)ordinal);
    Py_XDECREF(d);
    Py_XDECREF(n);
    return r;
}

static PyObject *ti_get_ref_type_info(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    uint32_t href;
    ITypeInfo *ti = NULL;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &href)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetRefTypeInfo(TI(self), (HREFTYPE)href, &ti);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->typeinfo_type, (IUnknown *)ti);
}

static PyObject *ti_get_mops(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    uint32_t memid;
    BSTR mops = NULL;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &memid)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetMops(TI(self), (MEMBERID)memid, &mops);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_bstr_take(mops, 0);
}

static PyObject *ti_get_containing_type_lib(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeLib *tl = NULL;
    UINT index = 0;
    PyObject *lib;
    HRESULT hr;

    if (!st) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->GetContainingTypeLib(TI(self), &tl, &index);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    lib = comrt_com_wrap(st->typelib_type, (IUnknown *)tl);
    if (!lib) return NULL;
    return Py_BuildValue("(NI)", lib, index);
}

/* ---- ITypeInfo2 ------------------------------------------------------------- */

/* The ITypeInfo2 of self (AddRef'd), or NULL with COMError set. */
static ITypeInfo2 *ti2(comrt_state *st, PyObject *self)
{
    ITypeInfo2 *t2 = NULL;
    HRESULT hr;

    Py_BEGIN_ALLOW_THREADS
    hr = TI(self)->lpVtbl->QueryInterface(TI(self), &iid_typeinfo2, (void **)&t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        return NULL;
    }
    return t2;
}

static PyObject *ti_get_type_kind(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo2 *t2;
    TYPEKIND kind = TKIND_MAX;
    HRESULT hr;

    if (!st || !(t2 = ti2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetTypeKind(t2, &kind);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromLong((long)kind);
}

static PyObject *ti_get_type_flags(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo2 *t2;
    ULONG flags = 0;
    HRESULT hr;

    if (!st || !(t2 = ti2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetTypeFlags(t2, &flags);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromUnsignedLong(flags);
}

static PyObject *ti_get_func_index_of_memid(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo2 *t2;
    uint32_t memid;
    int invkind;
    UINT index = 0;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTuple(args, "O&i:GetFuncIndexOfMemId", comrt_conv_u32, &memid, &invkind)) return NULL;
    if (!(t2 = ti2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetFuncIndexOfMemId(t2, (MEMBERID)memid, (INVOKEKIND)invkind, &index);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromUnsignedLong(index);
}

static PyObject *ti_get_var_index_of_memid(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo2 *t2;
    uint32_t memid;
    UINT index = 0;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &memid)) return NULL;
    if (!(t2 = ti2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetVarIndexOfMemId(t2, (MEMBERID)memid, &index);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromUnsignedLong(index);
}

static PyObject *ti_get_documentation2(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"memid", "lcid", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo2 *t2;
    uint32_t memid, lcid = 0;
    BSTR text = NULL, dll = NULL;
    DWORD ctx = 0;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|O&:GetDocumentation2", kwlist, comrt_conv_u32, &memid,
                                     comrt_conv_u32, &lcid))
        return NULL;
    if (!(t2 = ti2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetDocumentation2(t2, (MEMBERID)memid, (LCID)lcid, &text, &ctx, &dll);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_doc2_tuple(text, ctx, dll);
}

/* Custom data: one of five places, addressed by 0, 1 or 2 indexes. */
enum { CD_TYPE, CD_FUNC, CD_PARAM, CD_VAR, CD_IMPLTYPE };
static const struct {
    const char *get_format, *all_format;
} cd_formats[] = {
    [CD_TYPE] = {"O:GetCustData", ":GetAllCustData"},
    [CD_FUNC] = {"O&O:GetFuncCustData", "O&:GetAllFuncCustData"},
    [CD_PARAM] = {"O&O&O:GetParamCustData", "O&O&:GetAllParamCustData"},
    [CD_VAR] = {"O&O:GetVarCustData", "O&:GetAllVarCustData"},
    [CD_IMPLTYPE] = {"O&O:GetImplTypeCustData", "O&:GetAllImplTypeCustData"},
};

/* Parses [i [, j]] (and a GUID, when guid is non-NULL) for place `where`. */
static int cd_parse(comrt_state *st, PyObject *args, int where, uint32_t *i, uint32_t *j, GUID *guid)
{
    PyObject *g = NULL;
    int ok;
    const char *fmt = guid ? cd_formats[where].get_format : cd_formats[where].all_format;

    switch (where) {
    case CD_TYPE: ok = guid ? PyArg_ParseTuple(args, fmt, &g) : PyArg_ParseTuple(args, fmt); break;
    case CD_PARAM:
        ok = guid ? PyArg_ParseTuple(args, fmt, comrt_conv_u32, i, comrt_conv_u32, j, &g)
                  : PyArg_ParseTuple(args, fmt, comrt_conv_u32, i, comrt_conv_u32, j);
        break;
    default:
        ok = guid ? PyArg_ParseTuple(args, fmt, comrt_conv_u32, i, &g) : PyArg_ParseTuple(args, fmt, comrt_conv_u32, i);
        break;
    }
    if (!ok) return -1;
    return guid ? comrt_guid_arg(st, g, guid) : 0;
}

static PyObject *cd_get(PyObject *self, PyObject *args, int where)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo2 *t2;
    uint32_t i = 0, j = 0;
    GUID guid;
    VARIANT v;
    HRESULT hr;

    if (!st || cd_parse(st, args, where, &i, &j, &guid) < 0) return NULL;
    if (!(t2 = ti2(st, self))) return NULL;
    VariantInit(&v);
    Py_BEGIN_ALLOW_THREADS
    switch (where) {
    case CD_TYPE: hr = t2->lpVtbl->GetCustData(t2, &guid, &v); break;
    case CD_FUNC: hr = t2->lpVtbl->GetFuncCustData(t2, i, &guid, &v); break;
    case CD_PARAM: hr = t2->lpVtbl->GetParamCustData(t2, i, j, &guid, &v); break;
    case CD_VAR: hr = t2->lpVtbl->GetVarCustData(t2, i, &guid, &v); break;
    default: hr = t2->lpVtbl->GetImplTypeCustData(t2, i, &guid, &v); break;
    }
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_variant_take(st, &v);
}

static PyObject *cd_all(PyObject *self, PyObject *args, int where)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo2 *t2;
    uint32_t i = 0, j = 0;
    CUSTDATA cd = {0, NULL};
    HRESULT hr;

    if (!st || cd_parse(st, args, where, &i, &j, NULL) < 0) return NULL;
    if (!(t2 = ti2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (where) {
    case CD_TYPE: hr = t2->lpVtbl->GetAllCustData(t2, &cd); break;
    case CD_FUNC: hr = t2->lpVtbl->GetAllFuncCustData(t2, i, &cd); break;
    case CD_PARAM: hr = t2->lpVtbl->GetAllParamCustData(t2, i, j, &cd); break;
    case CD_VAR: hr = t2->lpVtbl->GetAllVarCustData(t2, i, &cd); break;
    default: hr = t2->lpVtbl->GetAllImplTypeCustData(t2, i, &cd); break;
    }
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_custdata_take(st, &cd);
}

#define CD_METHODS(suffix, where)                                                                           \
    static PyObject *ti_get_##suffix(PyObject *self, PyObject *args) { return cd_get(self, args, where); } \
    static PyObject *ti_all_##suffix(PyObject *self, PyObject *args) { return cd_all(self, args, where); }
CD_METHODS(cust, CD_TYPE)
CD_METHODS(func_cust, CD_FUNC)
CD_METHODS(param_cust, CD_PARAM)
CD_METHODS(var_cust, CD_VAR)
CD_METHODS(impl_cust, CD_IMPLTYPE)

static PyMethodDef ti_methods[] = {
    {"GetTypeAttr", ti_get_type_attr, METH_NOARGS,
     "GetTypeAttr() -> TYPEATTR\n\nA ctypes view, released (ReleaseTypeAttr) when it is no longer used."},
    {"GetTypeComp", ti_get_type_comp, METH_NOARGS, "GetTypeComp() -> ITypeComp"},
    {"GetFuncDesc", ti_get_func_desc, METH_O, "GetFuncDesc(index) -> FUNCDESC (a ctypes view)"},
    {"GetVarDesc", ti_get_var_desc, METH_O, "GetVarDesc(index) -> VARDESC (a ctypes view)"},
    {"GetNames", (PyCFunction)(void (*)(void))ti_get_names, METH_VARARGS | METH_KEYWORDS,
     "GetNames(memid, count=1) -> [str]\n\nThe member's name, then its parameters' names."},
    {"GetRefTypeOfImplType", ti_get_ref_type_of_impl_type, METH_O,
     "GetRefTypeOfImplType(index) -> int (HREFTYPE)\n\nindex -1: a dual dispinterface's interface."},
    {"GetImplTypeFlags", ti_get_impl_type_flags, METH_O, "GetImplTypeFlags(index) -> int (IMPLTYPEFLAG_*)"},
    {"GetIDsOfNames", ti_get_ids_of_names, METH_VARARGS, "GetIDsOfNames(*names) -> [int]"},
    {"GetDocumentation", ti_get_documentation, METH_O,
     "GetDocumentation(memid) -> (name, doc, helpcontext, helpfile)\n\nmemid -1 (MEMBERID_NIL) is the type."},
    {"GetDllEntry", ti_get_dll_entry, METH_VARARGS, "GetDllEntry(memid, invkind) -> (dllname, name, ordinal)"},
    {"GetRefTypeInfo", ti_get_ref_type_info, METH_O, "GetRefTypeInfo(href) -> ITypeInfo"},
    {"GetMops", ti_get_mops, METH_O, "GetMops(memid) -> str | None"},
    {"GetContainingTypeLib", ti_get_containing_type_lib, METH_NOARGS,
     "GetContainingTypeLib() -> (ITypeLib, index)"},
    {"GetTypeKind", ti_get_type_kind, METH_NOARGS, "GetTypeKind() -> int (TKIND_*) (ITypeInfo2)"},
    {"GetTypeFlags", ti_get_type_flags, METH_NOARGS, "GetTypeFlags() -> int (TYPEFLAG_*) (ITypeInfo2)"},
    {"GetFuncIndexOfMemId", ti_get_func_index_of_memid, METH_VARARGS,
     "GetFuncIndexOfMemId(memid, invkind) -> int (ITypeInfo2)"},
    {"GetVarIndexOfMemId", ti_get_var_index_of_memid, METH_O, "GetVarIndexOfMemId(memid) -> int (ITypeInfo2)"},
    {"GetDocumentation2", (PyCFunction)(void (*)(void))ti_get_documentation2, METH_VARARGS | METH_KEYWORDS,
     "GetDocumentation2(memid, lcid=0) -> (helpstring, helpstringcontext, helpstringdll) (ITypeInfo2)"},
    {"GetCustData", ti_get_cust, METH_VARARGS, "GetCustData(guid) -> value (ITypeInfo2)"},
    {"GetFuncCustData", ti_get_func_cust, METH_VARARGS, "GetFuncCustData(index, guid) -> value (ITypeInfo2)"},
    {"GetParamCustData", ti_get_param_cust, METH_VARARGS,
     "GetParamCustData(indexFunc, indexParam, guid) -> value (ITypeInfo2)"},
    {"GetVarCustData", ti_get_var_cust, METH_VARARGS, "GetVarCustData(index, guid) -> value (ITypeInfo2)"},
    {"GetImplTypeCustData", ti_get_impl_cust, METH_VARARGS,
     "GetImplTypeCustData(index, guid) -> value (ITypeInfo2)"},
    {"GetAllCustData", ti_all_cust, METH_VARARGS, "GetAllCustData() -> [(GUID, value)] (ITypeInfo2)"},
    {"GetAllFuncCustData", ti_all_func_cust, METH_VARARGS,
     "GetAllFuncCustData(index) -> [(GUID, value)] (ITypeInfo2)"},
    {"GetAllParamCustData", ti_all_param_cust, METH_VARARGS,
     "GetAllParamCustData(indexFunc, indexParam) -> [(GUID, value)] (ITypeInfo2)"},
    {"GetAllVarCustData", ti_all_var_cust, METH_VARARGS, "GetAllVarCustData(index) -> [(GUID, value)] (ITypeInfo2)"},
    {"GetAllImplTypeCustData", ti_all_impl_cust, METH_VARARGS,
     "GetAllImplTypeCustData(index) -> [(GUID, value)] (ITypeInfo2)"},
    COMRT_COM_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef ti_getset[] = {
    COMRT_COM_GETSET,
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot ti_slots[] = {
    COMRT_COM_SLOTS,
    {Py_tp_methods, ti_methods},
    {Py_tp_getset, ti_getset},
    {Py_tp_doc, "One type of a type library (ITypeInfo/ITypeInfo2)."},
    {0, NULL},
};

PyType_Spec comrt_typeinfo_spec = {
    .name = "comrt.ITypeInfo",
    .basicsize = sizeof(comrt_ComObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = ti_slots,
};
