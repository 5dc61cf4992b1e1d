/*
 * python/_comrt/typeinfo.c — what the type-library binding shares: the
 * module functions (LoadTypeLib, LoadTypeLibEx, LHashValOfNameSys), the
 * argument and result conversions of the ITypeLib / ITypeInfo / ITypeComp
 * wrappers (typeinfo_lib.c, typeinfo_info.c, typeinfo_comp.c), and the
 * descriptor owner.
 *
 * A descriptor (TYPEATTR, FUNCDESC, VARDESC, TLIBATTR) reaches Python as a
 * ctypes Structure laid over the memory libcomrt returned (comrt.typeinfo
 * builds it), as comtypes does.  The memory stays valid because the view
 * keeps a _DescOwner alive, and ctypes makes every object derived from the
 * view (a field, a pointer, what a pointer points at) keep its base alive;
 * when the last of them dies, the owner hands the descriptor back to the
 * ITypeInfo/ITypeLib that gave it (ReleaseFuncDesc, ...) and releases that.
 */
#include "_comrt.h"

#include <stddef.h>
#include <string.h>
#include <structmember.h>

/* ---- conversions ---------------------------------------------------------- */

/* The units before the first NUL among the first len of s. */
static UINT utf16_nul_len(const OLECHAR *s, UINT len)
{
    UINT n = 0;
    while (n < len && s[n]) n++;
    return n;
}

int comrt_conv_u32(PyObject *o, void *out)
{
    long long v;

    if (!PyLong_Check(o)) {
        PyErr_Format(PyExc_TypeError, "an integer is required, not %.100s", Py_TYPE(o)->tp_name);
        return 0;
    }
    v = PyLong_AsLongLong(o);
    if (v == -1 && PyErr_Occurred()) return 0;
    if (v < INT32_MIN || v > (long long)UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "value out of 32-bit range");
        return 0;
    }
    *(uint32_t *)out = (uint32_t)v;
    return 1;
}

int comrt_name_arg(PyObject *o, BSTR *out)
{
    BSTR b;

    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "a str is required, not %.100s", Py_TYPE(o)->tp_name);
        return -1;
    }
    b = comrt_bstr_from_str(o);
    if (!b) return -1;
    /* The callee reads a NUL-terminated string: an embedded NUL would
     * silently shorten the name. */
    if (SysStringLen(b) != utf16_nul_len(b, SysStringLen(b))) {
        SysFreeString(b);
        PyErr_SetString(PyExc_ValueError, "embedded null character in name");
        return -1;
    }
    *out = b;
    return 0;
}

int comrt_guid_arg(comrt_state *st, PyObject *o, GUID *out)
{
    PyObject *g;

    if (PyObject_TypeCheck(o, st->guid_type)) {
        *out = ((comrt_GUIDObject *)o)->guid;
        return 0;
    }
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "a GUID or a GUID string is required, not %.100s", Py_TYPE(o)->tp_name);
        return -1;
    }
    g = PyObject_CallOneArg((PyObject *)st->guid_type, o);
    if (!g) return -1;
    *out = ((comrt_GUIDObject *)g)->guid;
    Py_DECREF(g);
    return 0;
}

PyObject *comrt_bstr_take(BSTR b, int cut)
{
    PyObject *r;
    UINT len;

    if (!b) Py_RETURN_NONE;
    len = SysStringLen(b);
    if (cut) len = utf16_nul_len(b, len);
    r = comrt_str_from_utf16(b, len);
    SysFreeString(b);
    return r;
}

PyObject *comrt_doc_tuple(BSTR name, BSTR doc, DWORD ctx, BSTR file, int cut)
{
    PyObject *n = comrt_bstr_take(name, cut);
    PyObject *d = comrt_bstr_take(doc, cut);
    PyObject *f = comrt_bstr_take(file, cut);
    PyObject *r = NULL;

    if (n && d && f) r = Py_BuildValue("(OOkO)", n, d, (unsigned long)ctx, f);
    Py_XDECREF(n);
    Py_XDECREF(d);
    Py_XDECREF(f);
    return r;
}

PyObject *comrt_doc2_tuple(BSTR text, DWORD ctx, BSTR dll)
{
    PyObject *t = comrt_bstr_take(text, 0);
    PyObject *d = comrt_bstr_take(dll, 0);
    PyObject *r = NULL;

    if (t && d) r = Py_BuildValue("(OkO)", t, (unsigned long)ctx, d);
    Py_XDECREF(t);
    Py_XDECREF(d);
    return r;
}

PyObject *comrt_variant_take(comrt_state *st, VARIANT *v)
{
    PyObject *r = comrt_variant_to_py(st, v);
    VariantClear(v);
    return r;
}

PyObject *comrt_custdata_take(comrt_state *st, CUSTDATA *cd)
{
    PyObject *list = PyList_New(0), *item = NULL, *guid = NULL, *value = NULL;
    DWORD i;

    for (i = 0; list && i < cd->cCustData; i++) {
        guid = comrt_guid_new(st, &cd->prgCustData[i].guid);
        value = guid ? comrt_variant_to_py(st, &cd->prgCustData[i].varValue) : NULL;
        item = value ? PyTuple_Pack(2, guid, value) : NULL;
        if (!item || PyList_Append(list, item) < 0) Py_CLEAR(list);
        Py_CLEAR(guid);
        Py_CLEAR(value);
        Py_CLEAR(item);
    }
    /* ClearCustData's work: every value, then the array (CoTaskMem). */
    for (i = 0; i < cd->cCustData; i++) VariantClear(&cd->prgCustData[i].varValue);
    CoTaskMemFree(cd->prgCustData);
    cd->prgCustData = NULL;
    cd->cCustData = 0;
    return list;
}

/* ---- wrappers --------------------------------------------------------------- */

PyObject *comrt_com_wrap(PyTypeObject *type, IUnknown *punk)
{
    comrt_ComObject *self;

    if (!punk) Py_RETURN_NONE;
    self = (comrt_ComObject *)type->tp_alloc(type, 0);
    if (!self) {
        Py_BEGIN_ALLOW_THREADS
        punk->lpVtbl->Release(punk);
        Py_END_ALLOW_THREADS
        return NULL;
    }
    self->punk = punk;
    return (PyObject *)self;
}

comrt_state *comrt_typeinfo_state(PyObject *self)
{
    return comrt_state_from_type(Py_TYPE(self));
}

/* Only comrt creates wrappers (they must hold a pointer). */
PyObject *comrt_com_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyErr_Format(PyExc_TypeError, "cannot create '%s' instances; use comrt.typeinfo.LoadTypeLib",
                 comrt_type_name(type));
    return NULL;
}

void comrt_com_dealloc(PyObject *op)
{
    comrt_ComObject *self = (comrt_ComObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    IUnknown *punk = self->punk;

    if (self->weakreflist) PyObject_ClearWeakRefs(op);
    if (punk) {
        self->punk = NULL;
        Py_BEGIN_ALLOW_THREADS
        punk->lpVtbl->Release(punk);
        Py_END_ALLOW_THREADS
    }
    tp->tp_free(op);
    Py_DECREF(tp);
}

PyObject *comrt_com_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<%s ptr=%p at %p>", comrt_type_name(Py_TYPE(op)),
                                (void *)((comrt_ComObject *)op)->punk, (void *)op);
}

/* Wrappers are equal when they hold the same interface pointer. */
PyObject *comrt_com_richcompare(PyObject *a, PyObject *b, int op)
{
    int same;

    if (Py_TYPE(a) != Py_TYPE(b) || (op != Py_EQ && op != Py_NE)) Py_RETURN_NOTIMPLEMENTED;
    same = ((comrt_ComObject *)a)->punk == ((comrt_ComObject *)b)->punk;
    if ((op == Py_EQ) == same) Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

Py_hash_t comrt_com_hash(PyObject *op)
{
    /* Pointers are 16-byte aligned or so: drop the always-zero bits. */
    uintptr_t p = (uintptr_t)((comrt_ComObject *)op)->punk;
    Py_hash_t h = (Py_hash_t)((p >> 4) | (p << (8 * sizeof p - 4)));
    return h == -1 ? -2 : h;
}

PyMemberDef comrt_com_members[] = {
    {"__weaklistoffset__", T_PYSSIZET, offsetof(comrt_ComObject, weakreflist), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyObject *comrt_com_refcount(PyObject *op, PyObject *unused)
{
    IUnknown *punk = ((comrt_ComObject *)op)->punk;
    ULONG n;

    Py_BEGIN_ALLOW_THREADS
    punk->lpVtbl->AddRef(punk);
    n = punk->lpVtbl->Release(punk);
    Py_END_ALLOW_THREADS
    return PyLong_FromUnsignedLong(n);
}

PyObject *comrt_com_get_ptr(PyObject *op, void *c)
{
    return PyLong_FromVoidPtr(((comrt_ComObject *)op)->punk);
}

/* cls._from_ptr(address): a new wrapper of the interface pointer at
 * `address`, obtained by QueryInterface for cls's interface (the caller's
 * reference is left alone).  For the FFI layer; a bad address crashes, as
 * ctypes.from_address does. */
PyObject *comrt_com_from_ptr(PyObject *cls, PyObject *arg)
{
    comrt_state *st = comrt_state_from_type((PyTypeObject *)cls);
    IUnknown *punk, *out = NULL;
    const IID *iid;
    HRESULT hr;

    if (!st) return NULL;
    punk = (IUnknown *)PyLong_AsVoidPtr(arg);
    if (!punk) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "NULL interface pointer");
        return NULL;
    }
    if (PyType_IsSubtype((PyTypeObject *)cls, st->typelib_type)) iid = &IID_ITypeLib;
    else if (PyType_IsSubtype((PyTypeObject *)cls, st->typeinfo_type)) iid = &IID_ITypeInfo;
    else iid = &IID_ITypeComp;
    Py_BEGIN_ALLOW_THREADS
    hr = punk->lpVtbl->QueryInterface(punk, iid, (void **)&out);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap((PyTypeObject *)cls, out);
}

/* ---- the descriptor owner --------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    int kind;
    IUnknown *source; /* owned: the ITypeInfo / ITypeLib the descriptor came from */
    void *desc;       /* owned: handed back to source on dealloc */
    /* The top level of the descriptor as it came: a ctypes view is
     * writable, and Release* must see the pointers it handed out. */
    unsigned char saved[sizeof(TYPEATTR)];
} DescOwner;

static const size_t desc_size[] = {
    [COMRT_DESC_TYPEATTR] = sizeof(TYPEATTR),
    [COMRT_DESC_FUNCDESC] = sizeof(FUNCDESC),
    [COMRT_DESC_VARDESC] = sizeof(VARDESC),
    [COMRT_DESC_TLIBATTR] = sizeof(TLIBATTR),
};

COMRT_STATIC_ASSERT(sizeof(TYPEATTR) >= sizeof(FUNCDESC) && sizeof(TYPEATTR) >= sizeof(VARDESC) &&
                        sizeof(TYPEATTR) >= sizeof(TLIBATTR),
                    "DescOwner.saved holds the largest descriptor");

/* Hands desc back to source and releases source (no GIL needed). */
static void desc_release(int kind, IUnknown *source, void *desc)
{
    switch (kind) {
    case COMRT_DESC_TYPEATTR:
        ((ITypeInfo *)source)->lpVtbl->ReleaseTypeAttr((ITypeInfo *)source, (TYPEATTR *)desc);
        break;
    case COMRT_DESC_FUNCDESC:
        ((ITypeInfo *)source)->lpVtbl->ReleaseFuncDesc((ITypeInfo *)source, (FUNCDESC *)desc);
        break;
    case COMRT_DESC_VARDESC:
        ((ITypeInfo *)source)->lpVtbl->ReleaseVarDesc((ITypeInfo *)source, (VARDESC *)desc);
        break;
    case COMRT_DESC_TLIBATTR:
        ((ITypeLib *)source)->lpVtbl->ReleaseTLibAttr((ITypeLib *)source, (TLIBATTR *)desc);
        break;
    default:
        break;
    }
    source->lpVtbl->Release(source);
}

static void descowner_dealloc(PyObject *op)
{
    DescOwner *self = (DescOwner *)op;
    PyTypeObject *tp = Py_TYPE(op);
    int kind = self->kind;
    IUnknown *source = self->source;
    void *desc = self->desc;

    if (source && desc) {
        memcpy(desc, self->saved, desc_size[kind]);
        Py_BEGIN_ALLOW_THREADS
        desc_release(kind, source, desc);
        Py_END_ALLOW_THREADS
    }
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *descowner_get_address(PyObject *op, void *c)
{
    return PyLong_FromVoidPtr(((DescOwner *)op)->desc);
}

static PyObject *descowner_get_kind(PyObject *op, void *c)
{
    return PyLong_FromLong(((DescOwner *)op)->kind);
}

static PyGetSetDef descowner_getset[] = {
    {"address", descowner_get_address, NULL, "the address of the descriptor (valid while this object lives)", NULL},
    {"kind", descowner_get_kind, NULL, "0 TYPEATTR, 1 FUNCDESC, 2 VARDESC, 3 TLIBATTR", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot descowner_slots[] = {
    {Py_tp_new, comrt_com_new},
    {Py_tp_dealloc, descowner_dealloc},
    {Py_tp_getset, descowner_getset},
    {Py_tp_doc, "Owns one descriptor returned by an ITypeInfo/ITypeLib; releases it when it dies.\n"
                "Created by comrt only; comrt.typeinfo lays a ctypes Structure over it."},
    {0, NULL},
};

PyType_Spec comrt_descowner_spec = {
    .name = "comrt._DescOwner",
    .basicsize = sizeof(DescOwner),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = descowner_slots,
};

PyObject *comrt_desc_wrap(comrt_state *st, int kind, IUnknown *source, void *desc)
{
    DescOwner *owner = NULL;
    PyObject *result = NULL;

    owner = (DescOwner *)st->descowner_type->tp_alloc(st->descowner_type, 0);
    if (!owner) {
        Py_BEGIN_ALLOW_THREADS
        desc_release(kind, source, desc);
        Py_END_ALLOW_THREADS
        return NULL;
    }
    owner->kind = kind;
    owner->source = source;
    owner->desc = desc;
    memcpy(owner->saved, desc, desc_size[kind]);
    if (!st->wrap_desc) {
        /* comrt.typeinfo holds the ctypes Structures; imported on first use
         * so that comrt._comrt itself needs no Python module. */
        PyObject *mod = PyImport_ImportModule("comrt.typeinfo"), *fn;
        if (!mod) goto out;
        fn = PyObject_GetAttrString(mod, "_wrap_desc");
        Py_DECREF(mod);
        if (!fn) goto out;
        /* The import may have let another thread get here first. */
        if (st->wrap_desc) Py_DECREF(fn);
        else st->wrap_desc = fn;
    }
    result = PyObject_CallOneArg(st->wrap_desc, (PyObject *)owner);
out:
    Py_DECREF(owner);
    return result;
}

/* ---- module functions --------------------------------------------------------- */

/* A path argument (str, bytes or os.PathLike) as a new NUL-free BSTR. */
int comrt_path_arg(PyObject *path, BSTR *out)
{
    PyObject *fs = PyOS_FSPath(path), *text;
    int rc;

    if (!fs) return -1;
    if (PyBytes_Check(fs)) {
        text = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(fs), PyBytes_GET_SIZE(fs));
        Py_DECREF(fs);
        if (!text) return -1;
    } else {
        text = fs;
    }
    rc = comrt_name_arg(text, out);
    Py_DECREF(text);
    return rc;
}

static PyObject *load(PyObject *module, PyObject *path, int ex, REGKIND regkind)
{
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    ITypeLib *tl = NULL;
    BSTR file = NULL;
    HRESULT hr;

    if (comrt_path_arg(path, &file) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = ex ? LoadTypeLibEx(file, regkind, &tl) : LoadTypeLib(file, &tl);
    Py_END_ALLOW_THREADS
    SysFreeString(file);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return comrt_com_wrap(st->typelib_type, (IUnknown *)tl);
}

static PyObject *mod_load_typelib(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"szFile", NULL};
    PyObject *path;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:LoadTypeLib", kwlist, &path)) return NULL;
    return load(module, path, 0, REGKIND_NONE);
}

static PyObject *mod_load_typelib_ex(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"szFile", "regkind", NULL};
    PyObject *path;
    int regkind = REGKIND_NONE;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|i:LoadTypeLibEx", kwlist, &path, &regkind)) return NULL;
    return load(module, path, 1, (REGKIND)regkind);
}

static PyObject *mod_lhashvalofnamesys(PyObject *module, PyObject *args)
{
    int syskind;
    uint32_t lcid;
    PyObject *name;
    BSTR b = NULL;
    ULONG hash;

    if (!PyArg_ParseTuple(args, "iO&U:LHashValOfNameSys", &syskind, comrt_conv_u32, &lcid, &name)) return NULL;
    if (comrt_name_arg(name, &b) < 0) return NULL;
    hash = LHashValOfNameSys((SYSKIND)syskind, (LCID)lcid, b);
    SysFreeString(b);
    return PyLong_FromUnsignedLong(hash);
}

static PyMethodDef typeinfo_functions[] = {
    {"LoadTypeLib", (PyCFunction)(void (*)(void))mod_load_typelib, METH_VARARGS | METH_KEYWORDS,
     "LoadTypeLib(szFile) -> ITypeLib\n\nLoads a type library (.tlb, or a PE file's TYPELIB resource; "
     "'file.dll\\\\2' picks resource 2).  Raises COMError."},
    {"LoadTypeLibEx", (PyCFunction)(void (*)(void))mod_load_typelib_ex, METH_VARARGS | METH_KEYWORDS,
     "LoadTypeLibEx(szFile, regkind=REGKIND_NONE) -> ITypeLib\n\nLoadTypeLib with a REGKIND."},
    {"LHashValOfNameSys", mod_lhashvalofnamesys, METH_VARARGS,
     "LHashValOfNameSys(syskind, lcid, name) -> int\n\nThe hash a type library stores with a name."},
    {NULL, NULL, 0, NULL},
};

static int add_type(PyObject *module, PyType_Spec *spec, PyTypeObject **slot, const char *name)
{
    PyObject *type = PyType_FromModuleAndSpec(module, spec, NULL);
    if (!type) return -1;
    *slot = (PyTypeObject *)type;
    if (!name) return 0;
    Py_INCREF(type);
    if (PyModule_AddObject(module, name, type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}

int comrt_typeinfo_init(PyObject *module, comrt_state *st)
{
    if (add_type(module, &comrt_typelib_spec, &st->typelib_type, "ITypeLib") < 0) return -1;
    if (add_type(module, &comrt_typeinfo_spec, &st->typeinfo_type, "ITypeInfo") < 0) return -1;
    if (add_type(module, &comrt_typecomp_spec, &st->typecomp_type, "ITypeComp") < 0) return -1;
    if (add_type(module, &comrt_descowner_spec, &st->descowner_type, "_DescOwner") < 0) return -1;
    return PyModule_AddFunctions(module, typeinfo_functions);
}
