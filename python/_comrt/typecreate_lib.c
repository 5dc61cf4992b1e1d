/*
 * python/_comrt/typecreate_lib.c — comrt.ICreateTypeLib and its subclass
 * comrt.ICreateTypeLib2: a type library being built, with comtypes'
 * method names (CreateTypeInfo(name, tkind) -> ICreateTypeInfo2, SetName,
 * ..., SaveAllChanges; DeleteTypeInfo, SetCustData(guid, value), ...).
 * Every call runs without the GIL; a failed one raises COMError with the
 * HRESULT libcomrt (as oleaut32) answered.
 */
#include "_comrt.h"

#define CTL(self) ((ICreateTypeLib2 *)((comrt_ComObject *)(self))->punk)

/* The string setters: one shape, told apart by `op`. */
enum { S_NAME, S_DOC, S_HELPFILE, S_HELPDLL, S_DELETE };

static PyObject *set_str(PyObject *self, PyObject *arg, int op)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeLib2 *c = CTL(self);
    BSTR s = NULL;
    HRESULT hr;

    if (!st || !comrt_ct_opt_str(arg, &s)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (op) {
    case S_NAME: hr = c->lpVtbl->SetName(c, s); break;
    case S_DOC: hr = c->lpVtbl->SetDocString(c, s); break;
    case S_HELPFILE: hr = c->lpVtbl->SetHelpFileName(c, s); break;
    case S_HELPDLL: hr = c->lpVtbl->SetHelpStringDll(c, s); break;
    default: hr = c->lpVtbl->DeleteTypeInfo(c, s); break;
    }
    Py_END_ALLOW_THREADS
    SysFreeString(s);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    Py_RETURN_NONE;
}

/* The 32-bit setters (and SaveAllChanges, which takes nothing). */
enum { U_HELPCTX, U_LCID, U_LIBFLAGS, U_HELPSTRCTX, U_SAVE };

static PyObject *set_u32(PyObject *self, PyObject *arg, int op)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeLib2 *c = CTL(self);
    uint32_t v = 0;
    HRESULT hr;

    if (!st || (op != U_SAVE && !comrt_conv_u32(arg, &v))) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (op) {
    case U_HELPCTX: hr = c->lpVtbl->SetHelpContext(c, v); break;
    case U_LCID: hr = c->lpVtbl->SetLcid(c, v); break;
    case U_LIBFLAGS: hr = c->lpVtbl->SetLibFlags(c, v); break;
    case U_HELPSTRCTX: hr = c->lpVtbl->SetHelpStringContext(c, v); break;
    default: hr = c->lpVtbl->SaveAllChanges(c); break;
    }
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    Py_RETURN_NONE;
}

#define STR_METHOD(fn, op) \
    static PyObject *fn(PyObject *self, PyObject *arg) { return set_str(self, arg, op); }
#define U32_METHOD(fn, op) \
    static PyObject *fn(PyObject *self, PyObject *arg) { return set_u32(self, arg, op); }
STR_METHOD(ctl_set_name, S_NAME)
STR_METHOD(ctl_set_doc_string, S_DOC)
STR_METHOD(ctl_set_help_file_name, S_HELPFILE)
STR_METHOD(ctl_set_help_string_dll, S_HELPDLL)
STR_METHOD(ctl_delete_type_info, S_DELETE)
U32_METHOD(ctl_set_help_context, U_HELPCTX)
U32_METHOD(ctl_set_lcid, U_LCID)
U32_METHOD(ctl_set_lib_flags, U_LIBFLAGS)
U32_METHOD(ctl_set_help_string_context, U_HELPSTRCTX)
U32_METHOD(ctl_save_all_changes, U_SAVE)

static PyObject *ctl_create_type_info(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"szName", "tkind", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeLib2 *c = CTL(self);
    ICreateTypeInfo *cti = NULL;
    ICreateTypeInfo2 *cti2 = NULL;
    BSTR name = NULL;
    int tkind;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&i:CreateTypeInfo", kwlist, comrt_ct_opt_str, &name, &tkind))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->CreateTypeInfo(c, name, (TYPEKIND)tkind, &cti);
    if (SUCCEEDED(hr)) {
        /* The wrapper offers ICreateTypeInfo2's methods too. */
        hr = cti->lpVtbl->QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2);
        cti->lpVtbl->Release(cti);
    }
    Py_END_ALLOW_THREADS
    SysFreeString(name);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->createtypeinfo2_type, (IUnknown *)cti2);
}

static PyObject *ctl_set_version(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeLib2 *c = CTL(self);
    WORD major, minor;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTuple(args, "O&O&:SetVersion", comrt_ct_conv_word, &major, comrt_ct_conv_word, &minor))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->SetVersion(c, major, minor);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    Py_RETURN_NONE;
}

static PyObject *ctl_set_guid(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeLib2 *c = CTL(self);
    GUID guid;
    HRESULT hr;

    if (!st || comrt_guid_arg(st, arg, &guid) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->SetGuid(c, &guid);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    Py_RETURN_NONE;
}

static PyObject *ctl_set_cust_data(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeLib2 *c = CTL(self);
    PyObject *g, *value;
    GUID guid;
    VARIANT v;
    HRESULT hr;

    if (!st || !PyArg_ParseTuple(args, "OO:SetCustData", &g, &value)) return NULL;
    if (comrt_guid_arg(st, g, &guid) < 0) return NULL;
    VariantInit(&v);
    if (comrt_variant_from_py(st, value, &v) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->SetCustData(c, &guid, &v);
    Py_END_ALLOW_THREADS
    VariantClear(&v);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    Py_RETURN_NONE;
}

static PyMethodDef ctl_methods[] = {
    {"CreateTypeInfo", (PyCFunction)(void (*)(void))ctl_create_type_info, METH_VARARGS | METH_KEYWORDS,
     "CreateTypeInfo(szName, tkind) -> ICreateTypeInfo2\n\nA new type of kind tkind (TKIND_*) named szName."},
    {"SetName", ctl_set_name, METH_O, "SetName(szName)"},
    {"SetVersion", ctl_set_version, METH_VARARGS, "SetVersion(wMajorVerNum, wMinorVerNum)"},
    {"SetGuid", ctl_set_guid, METH_O, "SetGuid(guid)"},
    {"SetDocString", ctl_set_doc_string, METH_O, "SetDocString(szDoc)"},
    {"SetHelpFileName", ctl_set_help_file_name, METH_O, "SetHelpFileName(szHelpFileName)"},
    {"SetHelpContext", ctl_set_help_context, METH_O, "SetHelpContext(dwHelpContext)"},
    {"SetLcid", ctl_set_lcid, METH_O, "SetLcid(lcid)"},
    {"SetLibFlags", ctl_set_lib_flags, METH_O, "SetLibFlags(uLibFlags)  (LIBFLAG_*)"},
    {"SaveAllChanges", ctl_save_all_changes, METH_NOARGS,
     "SaveAllChanges()\n\nWrites the library to its file (a temporary file renamed over it)."},
    COMRT_CT_COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyMethodDef ctl2_methods[] = {
    {"DeleteTypeInfo", ctl_delete_type_info, METH_O, "DeleteTypeInfo(szName)\n\nRemoves the type named szName."},
    {"SetCustData", ctl_set_cust_data, METH_VARARGS,
     "SetCustData(guid, value)\n\nvalue: a Python value or a VARIANT (converted as VARIANT(value))."},
    {"SetHelpStringContext", ctl_set_help_string_context, METH_O, "SetHelpStringContext(dwHelpStringContext)"},
    {"SetHelpStringDll", ctl_set_help_string_dll, METH_O, "SetHelpStringDll(szFileName)"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef ctl_getset[] = {
    COMRT_COM_GETSET,
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot ctl_slots[] = {
    {Py_tp_new, comrt_ct_new},
    {Py_tp_dealloc, comrt_com_dealloc},
    {Py_tp_repr, comrt_com_repr},
    {Py_tp_richcompare, comrt_com_richcompare},
    {Py_tp_hash, comrt_com_hash},
    {Py_tp_members, comrt_com_members},
    {Py_tp_methods, ctl_methods},
    {Py_tp_getset, ctl_getset},
    {Py_tp_doc, "A type library being built (ICreateTypeLib), as CreateTypeLib returns it."},
    {0, NULL},
};

PyType_Spec comrt_createtypelib_spec = {
    .name = "comrt.ICreateTypeLib",
    .basicsize = sizeof(comrt_ComObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = ctl_slots,
};

static PyType_Slot ctl2_slots[] = {
    {Py_tp_methods, ctl2_methods},
    {Py_tp_doc, "A type library being built (ICreateTypeLib2), as CreateTypeLib returns it."},
    {0, NULL},
};

PyType_Spec comrt_createtypelib2_spec = {
    .name = "comrt.ICreateTypeLib2",
    .basicsize = sizeof(comrt_ComObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = ctl2_slots,
};
