/*
 * python/_comrt/typeinfo_lib.c — comrt.ITypeLib: a type library, with
 * comtypes' methods and return shapes (GetDocumentation -> a 4-tuple,
 * IsName -> the name as the library spells it or None, FindName ->
 * (memid, ITypeInfo) or None), plus ITypeLib2's (GetCustData, ...) reached
 * through QueryInterface.  Every call runs without the GIL; a failed one
 * raises COMError with the HRESULT.
 */
#include "_comrt.h"

#define TL(self) ((ITypeLib *)((comrt_ComObject *)(self))->punk)

/* IID_ITypeLib2, kept here so the binding needs no GUID symbol from libcomrt. */
static const GUID iid_typelib2 = {0x00020411, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};

static PyObject *tl_get_type_info_count(PyObject *self, PyObject *unused)
{
    UINT n;
    Py_BEGIN_ALLOW_THREADS
    n = TL(self)->lpVtbl->GetTypeInfoCount(TL(self));
    Py_END_ALLOW_THREADS
    return PyLong_FromUnsignedLong(n);
}

static PyObject *tl_get_type_info(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo *ti = NULL;
    uint32_t index;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &index)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->GetTypeInfo(TL(self), index, &ti);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->typeinfo_type, (IUnknown *)ti);
}

static PyObject *tl_get_type_info_type(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    TYPEKIND kind = TKIND_MAX;
    uint32_t index;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &index)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->GetTypeInfoType(TL(self), index, &kind);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromLong((long)kind);
}

static PyObject *tl_get_type_info_of_guid(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeInfo *ti = NULL;
    GUID guid;
    HRESULT hr;

    if (!st || comrt_guid_arg(st, arg, &guid) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->GetTypeInfoOfGuid(TL(self), &guid, &ti);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->typeinfo_type, (IUnknown *)ti);
}

static PyObject *tl_get_lib_attr(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    TLIBATTR *attr = NULL;
    HRESULT hr;

    if (!st) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->GetLibAttr(TL(self), &attr);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    if (!attr) return comrt_raise_hr(st, E_POINTER);
    /* The view's owner keeps the library alive until ReleaseTLibAttr. */
    TL(self)->lpVtbl->AddRef(TL(self));
    return comrt_desc_wrap(st, COMRT_DESC_TLIBATTR, (IUnknown *)TL(self), attr);
}

static PyObject *tl_get_type_comp(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeComp *tc = NULL;
    HRESULT hr;

    if (!st) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->GetTypeComp(TL(self), &tc);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->typecomp_type, (IUnknown *)tc);
}

static PyObject *tl_get_documentation(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    BSTR name = NULL, doc = NULL, file = NULL;
    DWORD ctx = 0;
    uint32_t index;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &index)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->GetDocumentation(TL(self), (INT)index, &name, &doc, &ctx, &file);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_doc_tuple(name, doc, ctx, file, 0);
}

static PyObject *tl_is_name(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "lHashVal", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    PyObject *name;
    uint32_t hash = 0;
    BSTR buf = NULL;
    BOOL found = FALSE;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O&:IsName", kwlist, &name, comrt_conv_u32, &hash))
        return NULL;
    if (comrt_name_arg(name, &buf) < 0) return NULL;
    /* IsName rewrites buf with the library's spelling (same length). */
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->IsName(TL(self), buf, hash, &found);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        SysFreeString(buf);
        return comrt_raise_hr(st, hr);
    }
    if (!found) {
        SysFreeString(buf);
        Py_RETURN_NONE;
    }
    return comrt_bstr_take(buf, 1);
}

static PyObject *tl_find_name(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "lHashVal", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    PyObject *name, *tiobj;
    uint32_t hash = 0;
    BSTR buf = NULL;
    ITypeInfo *ti = NULL;
    MEMBERID memid = MEMBERID_NIL;
    USHORT found = 1; /* comtypes asks for one match */
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O&:FindName", kwlist, &name, comrt_conv_u32, &hash))
        return NULL;
    if (comrt_name_arg(name, &buf) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->FindName(TL(self), buf, hash, &ti, &memid, &found);
    Py_END_ALLOW_THREADS
    SysFreeString(buf);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    if (!found || !ti) {
        if (ti) ti->lpVtbl->Release(ti);
        Py_RETURN_NONE;
    }
    tiobj = comrt_com_wrap(st->typeinfo_type, (IUnknown *)ti);
    if (!tiobj) return NULL;
    return Py_BuildValue("(iN)", (int)memid, tiobj);
}

/* ---- ITypeLib2 ------------------------------------------------------------ */

/* The ITypeLib2 of self (AddRef'd), or NULL with COMError set. */
static ITypeLib2 *tl2(comrt_state *st, PyObject *self)
{
    ITypeLib2 *t2 = NULL;
    HRESULT hr;

    Py_BEGIN_ALLOW_THREADS
    hr = TL(self)->lpVtbl->QueryInterface(TL(self), &iid_typelib2, (void **)&t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        return NULL;
    }
    return t2;
}

static PyObject *tl_get_cust_data(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeLib2 *t2;
    GUID guid;
    VARIANT v;
    HRESULT hr;

    if (!st || comrt_guid_arg(st, arg, &guid) < 0) return NULL;
    if (!(t2 = tl2(st, self))) return NULL;
    VariantInit(&v);
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetCustData(t2, &guid, &v);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_variant_take(st, &v);
}

static PyObject *tl_get_all_cust_data(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeLib2 *t2;
    CUSTDATA cd = {0, NULL};
    HRESULT hr;

    if (!st || !(t2 = tl2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetAllCustData(t2, &cd);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_custdata_take(st, &cd);
}

static PyObject *tl_get_lib_statistics(PyObject *self, PyObject *unused)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeLib2 *t2;
    ULONG names = 0, chars = 0;
    HRESULT hr;

    if (!st || !(t2 = tl2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetLibStatistics(t2, &names, &chars);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return Py_BuildValue("(kk)", (unsigned long)names, (unsigned long)chars);
}

static PyObject *tl_get_documentation2(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"index", "lcid", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    ITypeLib2 *t2;
    uint32_t index, lcid = 0;
    BSTR text = NULL, dll = NULL;
    DWORD ctx = 0;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|O&:GetDocumentation2", kwlist, comrt_conv_u32, &index,
                                     comrt_conv_u32, &lcid))
        return NULL;
    if (!(t2 = tl2(st, self))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = t2->lpVtbl->GetDocumentation2(t2, (INT)index, (LCID)lcid, &text, &ctx, &dll);
    t2->lpVtbl->Release(t2);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_doc2_tuple(text, ctx, dll);
}

static PyMethodDef tl_methods[] = {
    {"GetTypeInfoCount", tl_get_type_info_count, METH_NOARGS, "GetTypeInfoCount() -> int"},
    {"GetTypeInfo", tl_get_type_info, METH_O, "GetTypeInfo(index) -> ITypeInfo"},
    {"GetTypeInfoType", tl_get_type_info_type, METH_O, "GetTypeInfoType(index) -> int (TKIND_*)"},
    {"GetTypeInfoOfGuid", tl_get_type_info_of_guid, METH_O, "GetTypeInfoOfGuid(guid) -> ITypeInfo"},
    {"GetLibAttr", tl_get_lib_attr, METH_NOARGS,
     "GetLibAttr() -> TLIBATTR\n\nA ctypes view, released (ReleaseTLibAttr) when it is no longer used."},
    {"GetTypeComp", tl_get_type_comp, METH_NOARGS, "GetTypeComp() -> ITypeComp"},
    {"GetDocumentation", tl_get_documentation, METH_O,
     "GetDocumentation(index) -> (name, doc, helpcontext, helpfile)\n\nindex -1 is the library itself."},
    {"IsName", (PyCFunction)(void (*)(void))tl_is_name, METH_VARARGS | METH_KEYWORDS,
     "IsName(name, lHashVal=0) -> str | None\n\nThe name as the library spells it, or None."},
    {"FindName", (PyCFunction)(void (*)(void))tl_find_name, METH_VARARGS | METH_KEYWORDS,
     "FindName(name, lHashVal=0) -> (memid, ITypeInfo) | None"},
    {"GetCustData", tl_get_cust_data, METH_O, "GetCustData(guid) -> value (ITypeLib2)"},
    {"GetAllCustData", tl_get_all_cust_data, METH_NOARGS, "GetAllCustData() -> [(GUID, value), ...] (ITypeLib2)"},
    {"GetLibStatistics", tl_get_lib_statistics, METH_NOARGS,
     "GetLibStatistics() -> (cUniqueNames, cchUniqueNames) (ITypeLib2)"},
    {"GetDocumentation2", (PyCFunction)(void (*)(void))tl_get_documentation2, METH_VARARGS | METH_KEYWORDS,
     "GetDocumentation2(index, lcid=0) -> (helpstring, helpstringcontext, helpstringdll) (ITypeLib2)"},
    COMRT_COM_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef tl_getset[] = {
    COMRT_COM_GETSET,
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot tl_slots[] = {
    COMRT_COM_SLOTS,
    {Py_tp_methods, tl_methods},
    {Py_tp_getset, tl_getset},
    {Py_tp_doc, "A loaded type library (ITypeLib/ITypeLib2), as LoadTypeLib returns it."},
    {0, NULL},
};

PyType_Spec comrt_typelib_spec = {
    .name = "comrt.ITypeLib",
    .basicsize = sizeof(comrt_ComObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = tl_slots,
};
