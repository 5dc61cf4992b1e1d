/*
 * python/_comrt/variant.c — the VARIANT type: a Python object that owns one
 * C VARIANT (VariantClear'ed when the object dies).  comtypes' surface:
 * VARIANT(value), .value (get/set through convert.c), .vt, ChangeType(vt)
 * (VariantChangeTypeEx).  comrt.automation.VARIANT subclasses it for the
 * pure-Python sugar (null / empty / missing, repr).
 */
#include "_comrt.h"

#include <string.h>

static PyObject *variant_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    comrt_VariantObject *self = (comrt_VariantObject *)type->tp_alloc(type, 0);
    if (self) VariantInit(&self->var);
    return (PyObject *)self;
}

/* Refuses to modify self while a reader is converting its value. */
static int variant_check_idle(comrt_VariantObject *self)
{
    if (!self->busy) return 0;
    PyErr_SetString(PyExc_RuntimeError, "VARIANT modified while its value is being read");
    return -1;
}

/* self's value as a Python object, self marked busy meanwhile. */
static PyObject *variant_read(comrt_state *st, comrt_VariantObject *self)
{
    PyObject *value;
    self->busy++;
    value = comrt_variant_to_py(st, &self->var);
    self->busy--;
    return value;
}

/* Replaces self's value with `value` converted; on failure self keeps its
 * old value. */
static int variant_assign(comrt_VariantObject *self, PyObject *value)
{
    comrt_state *st = comrt_state_from_type(Py_TYPE(self));
    VARIANT fresh, old;

    if (!st) return -1;
    /* Zeroed, not just VariantInit'ed: the buffer view shows all 24 bytes. */
    memset(&fresh, 0, sizeof fresh);
    if (comrt_variant_from_py(st, value, &fresh) < 0) return -1;
    if (variant_check_idle(self) < 0) {
        VariantClear(&fresh);
        return -1;
    }
    old = self->var;
    self->var = fresh;
    VariantClear(&old);
    return 0;
}

/* VARIANT(value=<empty>): comtypes' VARIANT(*args). */
static int variant_tp_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyObject *value = NULL;

    if (kwds && PyDict_GET_SIZE(kwds)) {
        PyErr_SetString(PyExc_TypeError, "VARIANT() takes no keyword arguments");
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "VARIANT", 0, 1, &value)) return -1;
    if (!value) return 0;
    return variant_assign((comrt_VariantObject *)op, value);
}

static void variant_dealloc(PyObject *op)
{
    comrt_VariantObject *self = (comrt_VariantObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    VariantClear(&self->var);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *variant_get_value(PyObject *op, void *c)
{
    comrt_state *st = comrt_state_from_type(Py_TYPE(op));
    if (!st) return NULL;
    return variant_read(st, (comrt_VariantObject *)op);
}

static int variant_set_value(PyObject *op, PyObject *value, void *c)
{
    if (!value) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete VARIANT.value");
        return -1;
    }
    return variant_assign((comrt_VariantObject *)op, value);
}

static PyObject *variant_get_vt(PyObject *op, void *c)
{
    return PyLong_FromUnsignedLong(((comrt_VariantObject *)op)->var.vt);
}

/* Types whose payload holds no pointer: relabelling one as another cannot
 * leak or free anything, so .vt may switch between them (comtypes code
 * builds VARIANT.missing this way: an I4 relabelled VT_ERROR). */
static int vt_is_plain(VARTYPE vt)
{
    switch (vt) {
    case VT_EMPTY: case VT_NULL: case VT_I1: case VT_I2: case VT_I4: case VT_I8:
    case VT_UI1: case VT_UI2: case VT_UI4: case VT_UI8: case VT_INT: case VT_UINT:
    case VT_R4: case VT_R8: case VT_CY: case VT_DATE: case VT_ERROR: case VT_BOOL:
    case VT_DECIMAL:
        return 1;
    default:
        return 0;
    }
}

static int variant_set_vt(PyObject *op, PyObject *value, void *c)
{
    comrt_VariantObject *self = (comrt_VariantObject *)op;
    unsigned long vt;

    if (!value) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete VARIANT.vt");
        return -1;
    }
    vt = PyLong_AsUnsignedLong(value);
    if (vt == (unsigned long)-1 && PyErr_Occurred()) return -1;
    if (vt > 0xFFFF) {
        PyErr_SetString(PyExc_OverflowError, "VARTYPE is 16 bits");
        return -1;
    }
    if (variant_check_idle(self) < 0) return -1;
    if (!vt_is_plain(self->var.vt) || !vt_is_plain((VARTYPE)vt)) {
        PyErr_Format(PyExc_ValueError,
                     "cannot relabel a VARIANT from vt 0x%x to 0x%x; use ChangeType() to convert",
                     (unsigned)self->var.vt, (unsigned)vt);
        return -1;
    }
    /* Moving onto or off VT_DECIMAL: its 16 bytes overlay the header, so
     * start from a clean payload rather than reinterpret stray bytes. */
    if ((vt == VT_DECIMAL) != (self->var.vt == VT_DECIMAL)) memset(&self->var, 0, sizeof self->var);
    self->var.vt = (VARTYPE)vt;
    return 0;
}

/* ChangeType(vt, lcid=LOCALE_USER_DEFAULT, flags=0): converts in place with
 * VariantChangeTypeEx; COMError (e.g. DISP_E_OVERFLOW, DISP_E_TYPEMISMATCH)
 * leaves the VARIANT as it was. */
static PyObject *variant_change_type(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"vt", "lcid", "flags", NULL};
    comrt_VariantObject *self = (comrt_VariantObject *)op;
    comrt_state *st = comrt_state_from_type(Py_TYPE(op));
    int vt, flags = 0;
    unsigned int lcid = LOCALE_USER_DEFAULT;
    VARIANT src, dst, old;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|Ii:ChangeType", kwlist, &vt, &lcid, &flags)) return NULL;
    if (vt < 0 || vt > 0xFFFF || flags < 0 || flags > 0xFFFF) {
        PyErr_SetString(PyExc_OverflowError, "ChangeType: vt and flags are 16-bit");
        return NULL;
    }
    /* Work on a private copy without the GIL: another thread may reassign
     * self meanwhile, and a VT_DISPATCH source can call out for a while. */
    memset(&src, 0, sizeof src);
    memset(&dst, 0, sizeof dst);
    hr = VariantCopy(&src, &self->var);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    Py_BEGIN_ALLOW_THREADS
    hr = VariantChangeTypeEx(&dst, &src, (LCID)lcid, (USHORT)flags, (VARTYPE)vt);
    VariantClear(&src);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        VariantClear(&dst);
        return comrt_raise_hr(st, hr);
    }
    if (variant_check_idle(self) < 0) {
        VariantClear(&dst);
        return NULL;
    }
    old = self->var;
    self->var = dst;
    VariantClear(&old);
    Py_RETURN_NONE;
}

static PyObject *variant_copy(PyObject *op, PyObject *unused)
{
    comrt_state *st = comrt_state_from_type(Py_TYPE(op));
    comrt_VariantObject *copy;
    HRESULT hr;

    if (!st) return NULL;
    copy = (comrt_VariantObject *)variant_tp_new(Py_TYPE(op), NULL, NULL);
    if (!copy) return NULL;
    hr = VariantCopy(&copy->var, &((comrt_VariantObject *)op)->var);
    if (FAILED(hr)) {
        Py_DECREF(copy);
        return comrt_raise_hr(st, hr);
    }
    return (PyObject *)copy;
}

/* VARIANT._from_address(address): a new VARIANT holding a VariantCopy of
 * the C VARIANT at `address` (not owned, not modified).  For the FFI layer
 * and tests, which build VARIANTs in ctypes memory; a bad address crashes,
 * as ctypes.from_address does. */
static PyObject *variant_from_address(PyObject *cls, PyObject *arg)
{
    comrt_state *st = comrt_state_from_type((PyTypeObject *)cls);
    comrt_VariantObject *self;
    void *address;
    HRESULT hr;

    if (!st) return NULL;
    address = PyLong_AsVoidPtr(arg);
    if (!address) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "NULL address");
        return NULL;
    }
    self = (comrt_VariantObject *)variant_tp_new((PyTypeObject *)cls, NULL, NULL);
    if (!self) return NULL;
    hr = VariantCopy(&self->var, (const VARIANT *)address);
    if (FAILED(hr)) {
        Py_DECREF(self);
        return comrt_raise_hr(st, hr);
    }
    return (PyObject *)self;
}

/* The address of the C VARIANT inside (valid while the object lives). */
static PyObject *variant_get_address(PyObject *op, void *c)
{
    return PyLong_FromVoidPtr(&((comrt_VariantObject *)op)->var);
}

static PyObject *variant_deepcopy(PyObject *op, PyObject *memo)
{
    return variant_copy(op, NULL);
}

static PyObject *variant_repr(PyObject *op)
{
    comrt_VariantObject *self = (comrt_VariantObject *)op;
    comrt_state *st = comrt_state_from_type(Py_TYPE(op));
    PyObject *value, *r;

    if (!st) return NULL;
    value = variant_read(st, self);
    if (!value) {
        /* A value Python cannot show yet (an interface pointer): say its type. */
        PyErr_Clear();
        return PyUnicode_FromFormat("%s(vt=0x%x)", comrt_type_name(Py_TYPE(op)), (unsigned)self->var.vt);
    }
    r = PyUnicode_FromFormat("%s(vt=0x%x, %R)", comrt_type_name(Py_TYPE(op)), (unsigned)self->var.vt, value);
    Py_DECREF(value);
    return r;
}

/* The 24 raw bytes, read-only (the pointers inside stay the VARIANT's). */
static int variant_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, op, &((comrt_VariantObject *)op)->var, sizeof(VARIANT), 1, flags);
}

static PyMethodDef variant_methods[] = {
    {"ChangeType", (PyCFunction)(void (*)(void))variant_change_type, METH_VARARGS | METH_KEYWORDS,
     "ChangeType(vt, lcid=LOCALE_USER_DEFAULT, flags=0)\n\n"
     "Converts the value in place to VARTYPE vt (VariantChangeTypeEx); raises COMError."},
    {"copy", variant_copy, METH_NOARGS, "copy() -> VARIANT\n\nA deep copy (VariantCopy)."},
    {"_from_address", variant_from_address, METH_O | METH_CLASS,
     "_from_address(address) -> VARIANT\n\nA VariantCopy of the C VARIANT at address (unsafe, like ctypes)."},
    {"__copy__", variant_copy, METH_NOARGS, NULL},
    {"__deepcopy__", variant_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef variant_getset[] = {
    {"value", variant_get_value, variant_set_value, "the value as a Python object", NULL},
    {"_address_", variant_get_address, NULL, "the address of the C VARIANT inside (like ctypes.addressof)", NULL},
    {"vt", variant_get_vt, variant_set_vt,
     "the VARTYPE; may only be relabelled between pointer-free scalar types", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot variant_slots[] = {
    {Py_tp_new, variant_tp_new},
    {Py_tp_init, variant_tp_init},
    {Py_tp_dealloc, variant_dealloc},
    {Py_tp_repr, variant_repr},
    {Py_tp_methods, variant_methods},
    {Py_tp_getset, variant_getset},
    {Py_tp_doc, "VARIANT(value=<empty>)\n\nOwns one C VARIANT holding value converted as comtypes does."},
#if PY_VERSION_HEX >= 0x030B0000
    {Py_bf_getbuffer, variant_getbuffer},
#endif
    {0, NULL},
};

static PyType_Spec variant_spec = {
    .name = "comrt.VARIANT",
    .basicsize = sizeof(comrt_VariantObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = variant_slots,
};

int comrt_variant_init_type(PyObject *module, comrt_state *st)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &variant_spec, NULL);
    if (!type) return -1;
#if PY_VERSION_HEX < 0x030B0000
    ((PyHeapTypeObject *)type)->as_buffer.bf_getbuffer = variant_getbuffer;
#endif
    st->variant_type = (PyTypeObject *)type;
    Py_INCREF(type);
    if (PyModule_AddObject(module, "VARIANT", type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}
