/*
 * python/_comrt/typecreate.c — what the type-library *writer* binding
 * shares: the module function CreateTypeLib, the wrapper plumbing of the
 * ICreateTypeLib(2) / ICreateTypeInfo(2) objects (typecreate_lib.c,
 * typecreate_info.c), QueryInterface between them and the ITypeLib /
 * ITypeInfo views, the argument conversions (optional strings, WORDs,
 * custom-data values, ctypes descriptors), and _VariantCell.
 *
 * Descriptors (FUNCDESC, VARDESC, TYPEDESC, IDLDESC) arrive as the ctypes
 * Structures comrt.typeinfo defines, filled by the caller as with
 * comtypes; their address goes to libcomrt, which copies what it keeps
 * before returning.  What they point at (parameter arrays, defaults,
 * nested TYPEDESCs) is the caller's: as unchecked as ctypes itself.
 *
 * A _VariantCell owns one C VARIANT and exposes its 24 bytes as a writable
 * buffer, so that comrt.typeinfo can lay a ctypes VARIANT view over it with
 * from_buffer: ctypes then keeps the cell (and the BSTR or array inside)
 * alive for as long as any structure that copied or points at the view.
 */
#include "_comrt.h"

#include <string.h>

/* ---- conversions ------------------------------------------------------------ */

int comrt_ct_opt_str(PyObject *o, void *out)
{
    BSTR *b = (BSTR *)out;

    /* "O&" cleanup call: free what an earlier successful call made. */
    if (!o) {
        SysFreeString(*b);
        *b = NULL;
        return 1;
    }
    if (o == Py_None) {
        *b = NULL;
        return 1;
    }
    if (comrt_name_arg(o, b) < 0) return 0;
    return Py_CLEANUP_SUPPORTED;
}

int comrt_ct_conv_word(PyObject *o, void *out)
{
    uint32_t v;

    if (!comrt_conv_u32(o, &v)) return 0;
    if (v > 0xFFFF) {
        PyErr_SetString(PyExc_OverflowError, "value out of 16-bit range");
        return 0;
    }
    *(WORD *)out = (WORD)v;
    return 1;
}

/* The comrt.typeinfo Structure classes, fetched once (the module imports
 * ctypes; comrt._comrt itself needs no Python module). */
static PyObject *struct_class(comrt_state *st, int which)
{
    static const char *const names[COMRT_CT_NSTRUCTS] = {"FUNCDESC", "VARDESC", "TYPEDESC", "IDLDESC"};

    if (!st->ct_structs) {
        PyObject *mod = PyImport_ImportModule("comrt.typeinfo"), *tuple;
        if (!mod) return NULL;
        tuple = PyTuple_New(COMRT_CT_NSTRUCTS);
        for (int i = 0; tuple && i < COMRT_CT_NSTRUCTS; i++) {
            PyObject *cls = PyObject_GetAttrString(mod, names[i]);
            if (!cls) Py_CLEAR(tuple);
            else PyTuple_SET_ITEM(tuple, i, cls);
        }
        Py_DECREF(mod);
        if (!tuple) return NULL;
        /* The import may have let another thread get here first. */
        if (st->ct_structs) Py_DECREF(tuple);
        else st->ct_structs = tuple;
    }
    return PyTuple_GET_ITEM(st->ct_structs, which);
}

int comrt_ct_struct_arg(comrt_state *st, PyObject *o, int which, size_t size, Py_buffer *view)
{
    PyObject *cls;
    int ok;

    view->obj = NULL;
    view->buf = NULL;
    if (o == Py_None) return 0; /* NULL: libcomrt answers E_INVALIDARG, as oleaut32 */
    cls = struct_class(st, which);
    if (!cls) return -1;
    ok = PyObject_IsInstance(o, cls);
    if (ok < 0) return -1;
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "a comrt.typeinfo.%s is required, not %.100s",
                     ((PyTypeObject *)cls)->tp_name, Py_TYPE(o)->tp_name);
        return -1;
    }
    if (PyObject_GetBuffer(o, view, PyBUF_SIMPLE) < 0) return -1;
    if ((size_t)view->len < size) {
        PyBuffer_Release(view);
        view->obj = NULL;
        view->buf = NULL;
        PyErr_SetString(PyExc_ValueError, "descriptor smaller than its C structure");
        return -1;
    }
    return 0;
}

void comrt_ct_struct_release(Py_buffer *view)
{
    if (view->obj) PyBuffer_Release(view);
}

/* ---- wrappers --------------------------------------------------------------- */

/* What an IID names, for QueryInterface and _from_ptr. */
typedef struct {
    const IID *iid;
    int kind; /* COMRT_CT_KIND_* */
} iid_entry;

static const iid_entry iid_table[] = {
    {&IID_ITypeLib, COMRT_CT_KIND_TYPELIB},
    {&IID_ITypeLib2, COMRT_CT_KIND_TYPELIB},
    {&IID_ITypeInfo, COMRT_CT_KIND_TYPEINFO},
    {&IID_ITypeInfo2, COMRT_CT_KIND_TYPEINFO},
    {&IID_ICreateTypeLib, COMRT_CT_KIND_CREATELIB},
    {&IID_ICreateTypeLib2, COMRT_CT_KIND_CREATELIB},
    {&IID_ICreateTypeInfo, COMRT_CT_KIND_CREATEINFO},
    {&IID_ICreateTypeInfo2, COMRT_CT_KIND_CREATEINFO},
    {&IID_ITypeComp, COMRT_CT_KIND_TYPECOMP},
};

static PyTypeObject *kind_type(comrt_state *st, int kind)
{
    switch (kind) {
    case COMRT_CT_KIND_TYPELIB: return st->typelib_type;
    case COMRT_CT_KIND_TYPEINFO: return st->typeinfo_type;
    case COMRT_CT_KIND_CREATELIB: return st->createtypelib2_type;
    case COMRT_CT_KIND_TYPECOMP: return st->typecomp_type;
    default: return st->createtypeinfo2_type;
    }
}

/* The IID to ask for a wrapper class (the "2" itf for the writer:
 * the wrapper offers its methods) or -1 when cls is none of ours. */
static int class_kind(comrt_state *st, PyTypeObject *cls)
{
    if (PyType_IsSubtype(cls, st->typelib_type)) return COMRT_CT_KIND_TYPELIB;
    if (PyType_IsSubtype(cls, st->typeinfo_type)) return COMRT_CT_KIND_TYPEINFO;
    if (PyType_IsSubtype(cls, st->createtypelib_type)) return COMRT_CT_KIND_CREATELIB;
    if (PyType_IsSubtype(cls, st->createtypeinfo_type)) return COMRT_CT_KIND_CREATEINFO;
    if (PyType_IsSubtype(cls, st->typecomp_type)) return COMRT_CT_KIND_TYPECOMP;
    return -1;
}

/* The IID to ask for a kind (the "2" interface for the writer: its
 * wrappers offer those methods). */
static const IID *kind_iid(int kind)
{
    switch (kind) {
    case COMRT_CT_KIND_TYPELIB: return &IID_ITypeLib;
    case COMRT_CT_KIND_TYPEINFO: return &IID_ITypeInfo;
    case COMRT_CT_KIND_CREATELIB: return &IID_ICreateTypeLib2;
    case COMRT_CT_KIND_TYPECOMP: return &IID_ITypeComp;
    default: return &IID_ICreateTypeInfo2;
    }
}

/* What QueryInterface(itf) asks for: one of comrt's wrapper classes,
 * a class with an _iid_ (comtypes style), or an IID (GUID / string).  Sets
 * *iid and the wrapper type for the answer; 0 or -1 + exception. */
static int qi_target(comrt_state *st, PyObject *itf, IID *iid, PyTypeObject **type)
{
    PyObject *iidobj = NULL;
    int kind = -1;

    if (PyType_Check(itf)) {
        kind = class_kind(st, (PyTypeObject *)itf);
        if (kind >= 0) {
            *iid = *kind_iid(kind);
            *type = (PyTypeObject *)itf;
            return 0;
        }
        iidobj = PyObject_GetAttrString(itf, "_iid_");
        if (!iidobj) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "QueryInterface: %.100s is no interface class (it has no _iid_)",
                             ((PyTypeObject *)itf)->tp_name);
            }
            return -1;
        }
    } else {
        Py_INCREF(itf);
        iidobj = itf;
    }
    if (comrt_guid_arg(st, iidobj, iid) < 0) {
        Py_DECREF(iidobj);
        return -1;
    }
    Py_DECREF(iidobj);
    for (size_t i = 0; i < sizeof iid_table / sizeof iid_table[0]; i++)
        if (IsEqualIID(iid, iid_table[i].iid)) kind = iid_table[i].kind;
    if (kind < 0) {
        /* E_NOINTERFACE is what the objects answer; say so before asking. */
        comrt_raise_hr(st, E_NOINTERFACE);
        return -1;
    }
    *type = kind_type(st, kind);
    return 0;
}

PyObject *comrt_ct_query_interface(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"interface", "iid", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    IUnknown *punk = ((comrt_ComObject *)self)->punk, *out = NULL;
    PyObject *itf, *iidarg = Py_None;
    PyTypeObject *type = NULL;
    IID iid;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:QueryInterface", kwlist, &itf, &iidarg)) return NULL;
    if (qi_target(st, itf, &iid, &type) < 0) return NULL;
    if (iidarg != Py_None && comrt_guid_arg(st, iidarg, &iid) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = punk->lpVtbl->QueryInterface(punk, &iid, (void **)&out);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(type, out);
}

int comrt_ct_typeinfo_arg(comrt_state *st, PyObject *o, ITypeInfo **out)
{
    IUnknown *punk;
    HRESULT hr;

    if (o == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyObject_TypeCheck(o, st->typeinfo_type) && !PyObject_TypeCheck(o, st->createtypeinfo_type)) {
        PyErr_Format(PyExc_TypeError, "an ITypeInfo or ICreateTypeInfo is required, not %.100s", Py_TYPE(o)->tp_name);
        return -1;
    }
    /* As comtypes' from_param: whatever it is, ask it for ITypeInfo (a type
     * being built answers with its snapshot). */
    punk = ((comrt_ComObject *)o)->punk;
    Py_BEGIN_ALLOW_THREADS
    hr = punk->lpVtbl->QueryInterface(punk, &IID_ITypeInfo, (void **)out);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        return -1;
    }
    return 0;
}

PyObject *comrt_ct_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyErr_Format(PyExc_TypeError, "cannot create '%s' instances; use comrt.typeinfo.CreateTypeLib",
                 comrt_type_name(type));
    return NULL;
}

PyObject *comrt_ct_from_ptr(PyObject *cls, PyObject *arg)
{
    comrt_state *st = comrt_state_from_type((PyTypeObject *)cls);
    IUnknown *punk, *out = NULL;
    int kind;
    HRESULT hr;

    if (!st) return NULL;
    kind = class_kind(st, (PyTypeObject *)cls);
    punk = (IUnknown *)PyLong_AsVoidPtr(arg);
    if (!punk) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "NULL itf pointer");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    hr = punk->lpVtbl->QueryInterface(punk, kind_iid(kind), (void **)&out);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap((PyTypeObject *)cls, out);
}

/* ---- _VariantCell --------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    VARIANT var; /* owned: VariantClear'ed on dealloc */
} VariantCell;

static PyObject *cell_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", NULL};
    comrt_state *st = comrt_state_from_type(type);
    PyObject *value = Py_None;
    VariantCell *self;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:_VariantCell", kwlist, &value)) return NULL;
    self = (VariantCell *)type->tp_alloc(type, 0);
    if (!self) return NULL;
    memset(&self->var, 0, sizeof self->var);
    if (comrt_variant_from_py(st, value, &self->var) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void cell_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    VariantClear(&((VariantCell *)op)->var);
    tp->tp_free(op);
    Py_DECREF(tp);
}

/* Writable: ctypes' from_buffer insists.  Writing nonsense into it is as
 * unsafe as any ctypes write. */
static int cell_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, op, &((VariantCell *)op)->var, sizeof(VARIANT), 0, flags);
}

static PyObject *cell_get_value(PyObject *op, void *c)
{
    comrt_state *st = comrt_state_from_type(Py_TYPE(op));
    if (!st) return NULL;
    return comrt_variant_to_py(st, &((VariantCell *)op)->var);
}

static PyGetSetDef cell_getset[] = {
    {"value", cell_get_value, NULL, "the value as a Python object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot cell_slots[] = {
    {Py_tp_new, cell_new},
    {Py_tp_dealloc, cell_dealloc},
    {Py_tp_getset, cell_getset},
    {Py_tp_doc, "_VariantCell(value=None)\n\nOwns one C VARIANT as a writable 24-byte buffer, for ctypes views "
                "(comrt.typeinfo.VARIANTARG.from_value)."},
#if PY_VERSION_HEX >= 0x030B0000
    {Py_bf_getbuffer, cell_getbuffer},
#endif
    {0, NULL},
};

static PyType_Spec cell_spec = {
    .name = "comrt._VariantCell",
    .basicsize = sizeof(VariantCell),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = cell_slots,
};

/* ---- module functions ----------------------------------------------------------- */

static PyObject *mod_create_typelib(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"filename", "syskind", NULL};
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    PyObject *path;
    int syskind = SYS_WIN64;
    ICreateTypeLib2 *ctl = NULL;
    BSTR file = NULL;
    HRESULT hr;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|i:CreateTypeLib", kwlist, &path, &syskind)) return NULL;
    if (comrt_path_arg(path, &file) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = CreateTypeLib2((SYSKIND)syskind, file, &ctl);
    Py_END_ALLOW_THREADS
    SysFreeString(file);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->createtypelib2_type, (IUnknown *)ctl);
}

static PyMethodDef typecreate_functions[] = {
    {"CreateTypeLib", (PyCFunction)(void (*)(void))mod_create_typelib, METH_VARARGS | METH_KEYWORDS,
     "CreateTypeLib(filename, syskind=SYS_WIN64) -> ICreateTypeLib2\n\n"
     "A new, empty type library that SaveAllChanges writes to filename (CreateTypeLib2).  Raises COMError."},
    {NULL, NULL, 0, NULL},
};

static int add_type(PyObject *module, PyType_Spec *spec, PyObject *base, PyTypeObject **slot, const char *name)
{
    PyObject *type = PyType_FromModuleAndSpec(module, spec, base);
    if (!type) return -1;
    *slot = (PyTypeObject *)type;
    Py_INCREF(type);
    if (PyModule_AddObject(module, name, type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}

int comrt_typecreate_init(PyObject *module, comrt_state *st)
{
    if (add_type(module, &comrt_createtypelib_spec, NULL, &st->createtypelib_type, "ICreateTypeLib") < 0) return -1;
    if (add_type(module, &comrt_createtypelib2_spec, (PyObject *)st->createtypelib_type, &st->createtypelib2_type,
                 "ICreateTypeLib2") < 0)
        return -1;
    if (add_type(module, &comrt_createtypeinfo_spec, NULL, &st->createtypeinfo_type, "ICreateTypeInfo") < 0)
        return -1;
    if (add_type(module, &comrt_createtypeinfo2_spec, (PyObject *)st->createtypeinfo_type,
                 &st->createtypeinfo2_type, "ICreateTypeInfo2") < 0)
        return -1;
    if (add_type(module, &cell_spec, NULL, &st->variantcell_type, "_VariantCell") < 0) return -1;
#if PY_VERSION_HEX < 0x030B0000
    ((PyHeapTypeObject *)st->variantcell_type)->as_buffer.bf_getbuffer = cell_getbuffer;
#endif
    return PyModule_AddFunctions(module, typecreate_functions);
}
