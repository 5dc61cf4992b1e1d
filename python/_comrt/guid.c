/*
 * python/_comrt/guid.c — the GUID type, comtypes' GUID API over libcomrt:
 * GUID() is the null GUID, GUID("{...}") parses with CLSIDFromString,
 * str() formats with StringFromGUID2, GUID.create_new() calls CoCreateGuid.
 * Instances are immutable (so hashing is sound), expose Data1..Data4 like
 * comtypes' ctypes Structure, and their 16 raw bytes through the buffer
 * protocol (bytes(guid)), in the Windows memory layout.
 */
#include "_comrt.h"

#include <string.h>

#define GUID_STRING_UNITS 39 /* "{8-4-4-4-12}" and the NUL */

static comrt_GUIDObject *guid_alloc(PyTypeObject *type, const GUID *g)
{
    comrt_GUIDObject *self = (comrt_GUIDObject *)type->tp_alloc(type, 0);
    if (self) self->guid = *g;
    return self;
}

PyObject *comrt_guid_new(comrt_state *st, const GUID *g)
{
    return (PyObject *)guid_alloc(st->guid_type, g);
}

/* Parses a str with CLSIDFromString.  0, or -1 with ValueError set (the
 * exception comtypes' users catch for a malformed string). */
static int guid_parse(PyObject *str, GUID *out)
{
    BSTR text = comrt_bstr_from_str(str);
    GUID g;
    HRESULT hr;
    int rc = -1;

    if (!text) return -1;
    /* An embedded NUL would end the C string early and hide trailing junk. */
    for (UINT i = 0; i < SysStringLen(text); i++)
        if (text[i] == 0) goto bad;
    hr = CLSIDFromString(text, &g);
    if (FAILED(hr)) goto bad;
    *out = g;
    rc = 0;
    goto out;
bad:
    PyErr_Format(PyExc_ValueError, "badly formed GUID string %R", str);
out:
    SysFreeString(text);
    return rc;
}

static PyObject *guid_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", NULL};
    PyObject *name = Py_None;
    GUID g;
    comrt_state *st = comrt_state_from_type(type);

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:GUID", kwlist, &name)) return NULL;
    memset(&g, 0, sizeof g);
    if (name == Py_None) {
        /* the null GUID */
    } else if (PyUnicode_Check(name)) {
        if (guid_parse(name, &g) < 0) return NULL;
    } else if (PyObject_TypeCheck(name, st->guid_type)) {
        g = ((comrt_GUIDObject *)name)->guid;
    } else {
        PyErr_Format(PyExc_TypeError, "GUID() argument must be a str or a GUID, not %.100s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    return (PyObject *)guid_alloc(type, &g);
}

static void guid_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *guid_str(PyObject *self)
{
    OLECHAR buf[GUID_STRING_UNITS];
    int n = StringFromGUID2(&((comrt_GUIDObject *)self)->guid, buf, GUID_STRING_UNITS);
    if (n != GUID_STRING_UNITS) {
        PyErr_SetString(PyExc_SystemError, "StringFromGUID2 failed");
        return NULL;
    }
    return comrt_str_from_utf16(buf, GUID_STRING_UNITS - 1);
}

static PyObject *guid_repr(PyObject *self)
{
    PyObject *s = guid_str(self), *r;
    if (!s) return NULL;
    /* comtypes prints GUID("{...}") for the base type; keep a subclass's name. */
    r = PyUnicode_FromFormat("%s(\"%U\")", comrt_type_name(Py_TYPE(self)), s);
    Py_DECREF(s);
    return r;
}

static PyObject *guid_richcompare(PyObject *a, PyObject *b, int op)
{
    comrt_state *st = comrt_state_from_type(Py_TYPE(a));
    if (!st) return NULL;
    if (!PyObject_TypeCheck(b, st->guid_type) || (op != Py_EQ && op != Py_NE)) Py_RETURN_NOTIMPLEMENTED;
    int equal = memcmp(&((comrt_GUIDObject *)a)->guid, &((comrt_GUIDObject *)b)->guid, sizeof(GUID)) == 0;
    if ((op == Py_EQ) == equal) Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* A hash over the 16 bytes (FNV-1a, 64-bit), folded to Py_hash_t. */
static Py_hash_t guid_hash(PyObject *self)
{
    const unsigned char *p = (const unsigned char *)&((comrt_GUIDObject *)self)->guid;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < sizeof(GUID); i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    Py_hash_t r = (Py_hash_t)h;
    return r == -1 ? -2 : r;
}

static int guid_bool(PyObject *self)
{
    static const GUID null_guid;
    return memcmp(&((comrt_GUIDObject *)self)->guid, &null_guid, sizeof(GUID)) != 0;
}

static int guid_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, self, &((comrt_GUIDObject *)self)->guid, sizeof(GUID), 1, flags);
}

static PyObject *guid_get_data1(PyObject *self, void *c)
{
    return PyLong_FromUnsignedLong(((comrt_GUIDObject *)self)->guid.Data1);
}

static PyObject *guid_get_data2(PyObject *self, void *c)
{
    return PyLong_FromUnsignedLong(((comrt_GUIDObject *)self)->guid.Data2);
}

static PyObject *guid_get_data3(PyObject *self, void *c)
{
    return PyLong_FromUnsignedLong(((comrt_GUIDObject *)self)->guid.Data3);
}

static PyObject *guid_get_data4(PyObject *self, void *c)
{
    return PyBytes_FromStringAndSize((const char *)((comrt_GUIDObject *)self)->guid.Data4, 8);
}

/* GUID.create_new(): a random (version 4) GUID from CoCreateGuid. */
static PyObject *guid_create_new(PyObject *cls, PyObject *unused)
{
    comrt_state *st = comrt_state_from_type((PyTypeObject *)cls);
    GUID g;
    HRESULT hr;

    if (!st) return NULL;
    /* getrandom() may block until the kernel's pool is ready. */
    Py_BEGIN_ALLOW_THREADS
    hr = CoCreateGuid(&g);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return (PyObject *)guid_alloc((PyTypeObject *)cls, &g);
}

/* GUID.from_buffer_copy(source, offset=0), as ctypes' Structure has it. */
static PyObject *guid_from_buffer_copy(PyObject *cls, PyObject *args)
{
    Py_buffer view;
    Py_ssize_t offset = 0;
    GUID g;

    if (!PyArg_ParseTuple(args, "y*|n:from_buffer_copy", &view, &offset)) return NULL;
    if (offset < 0 || view.len < offset || view.len - offset < (Py_ssize_t)sizeof(GUID)) {
        PyBuffer_Release(&view);
        PyErr_Format(PyExc_ValueError, "Buffer size too small (%zd instead of at least %zd bytes)", view.len,
                     (Py_ssize_t)sizeof(GUID) + (offset > 0 ? offset : 0));
        return NULL;
    }
    memcpy(&g, (const char *)view.buf + offset, sizeof g);
    PyBuffer_Release(&view);
    return (PyObject *)guid_alloc((PyTypeObject *)cls, &g);
}

/* GUID.copy(), as comtypes has it. */
static PyObject *guid_copy(PyObject *self, PyObject *unused)
{
    return (PyObject *)guid_alloc(Py_TYPE(self), &((comrt_GUIDObject *)self)->guid);
}

/* Pickles as GUID("{...}"). */
static PyObject *guid_reduce(PyObject *self, PyObject *unused)
{
    PyObject *s = guid_str(self), *r;
    if (!s) return NULL;
    r = Py_BuildValue("(O(N))", (PyObject *)Py_TYPE(self), s);
    return r;
}

static PyMethodDef guid_methods[] = {
    {"create_new", guid_create_new, METH_NOARGS | METH_CLASS, "create_new() -> GUID\n\nA new random GUID (CoCreateGuid)."},
    {"from_buffer_copy", guid_from_buffer_copy, METH_VARARGS | METH_CLASS,
     "from_buffer_copy(source, offset=0) -> GUID\n\nA GUID from 16 raw bytes (Windows layout)."},
    {"copy", guid_copy, METH_NOARGS, "copy() -> GUID"},
    {"__copy__", guid_copy, METH_NOARGS, NULL},
    {"__reduce__", guid_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef guid_getset[] = {
    {"Data1", guid_get_data1, NULL, "the first 32 bits (int)", NULL},
    {"Data2", guid_get_data2, NULL, "the next 16 bits (int)", NULL},
    {"Data3", guid_get_data3, NULL, "the next 16 bits (int)", NULL},
    {"Data4", guid_get_data4, NULL, "the last 8 bytes (bytes)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot guid_slots[] = {
    {Py_tp_new, guid_tp_new},
    {Py_tp_dealloc, guid_dealloc},
    {Py_tp_str, guid_str},
    {Py_tp_repr, guid_repr},
    {Py_tp_richcompare, guid_richcompare},
    {Py_tp_hash, guid_hash},
    {Py_nb_bool, guid_bool},
    {Py_tp_methods, guid_methods},
    {Py_tp_getset, guid_getset},
    {Py_tp_doc, "GUID(name=None)\n\nA 128-bit COM identifier.  GUID() is the null GUID; "
                "GUID('{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}') parses one (ValueError if malformed)."},
#if PY_VERSION_HEX >= 0x030B0000
    {Py_bf_getbuffer, guid_getbuffer},
#endif
    {0, NULL},
};

static PyType_Spec guid_spec = {
    .name = "comrt.GUID",
    .basicsize = sizeof(comrt_GUIDObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = guid_slots,
};

int comrt_guid_init_type(PyObject *module, comrt_state *st)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &guid_spec, NULL);
    if (!type) return -1;
#if PY_VERSION_HEX < 0x030B0000
    /* Py_bf_getbuffer is a spec slot only from 3.11 on. */
    ((PyHeapTypeObject *)type)->as_buffer.bf_getbuffer = guid_getbuffer;
#endif
    st->guid_type = (PyTypeObject *)type;
    Py_INCREF(type);
    if (PyModule_AddObject(module, "GUID", type) < 0) {
        Py_DECREF(type);
        return -1;
    }
    return 0;
}
