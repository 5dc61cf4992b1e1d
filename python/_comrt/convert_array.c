/*
 * python/_comrt/convert_array.c — SAFEARRAYs <-> Python.
 *
 * Out: a tuple or list becomes a 1-D SAFEARRAY of VARIANT (lower bound 0),
 * nested sequences becoming VARIANTs that hold arrays, as comtypes builds
 * them; bytes / bytearray become a VT_UI1 vector.
 * In: an array of any dimension comes back as nested tuples, the outermost
 * tuple walking dimension 1 (the leftmost index, rgIndices[0]), which is
 * how comtypes unpacks them; a 1-D VT_UI1 array comes back as bytes.
 */
#include "_comrt.h"

#include <string.h>

/* Element types an array may hold here, with the size each element must
 * have (SafeArrayGetElemsize is checked against it before any read). */
static ULONG element_size(VARTYPE vt)
{
    switch (vt) {
    case VT_I1: case VT_UI1:
        return 1;
    case VT_I2: case VT_UI2: case VT_BOOL:
        return 2;
    case VT_I4: case VT_UI4: case VT_INT: case VT_UINT: case VT_R4: case VT_ERROR:
        return 4;
    case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE:
    case VT_BSTR: case VT_UNKNOWN: case VT_DISPATCH:
        return 8;
    case VT_DECIMAL:
        return 16;
    case VT_VARIANT:
        return sizeof(VARIANT);
    default:
        return 0;
    }
}

int comrt_safearray_from_bytes(comrt_state *st, PyObject *obj, SAFEARRAY **out)
{
    Py_buffer view;
    SAFEARRAY *psa = NULL;
    void *data = NULL;
    HRESULT hr;
    int rc = -1;

    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) return -1;
    if ((unsigned long long)view.len > 0x7FFFFFFFull) {
        PyErr_SetString(PyExc_OverflowError, "too many bytes for a SAFEARRAY");
        goto out;
    }
    psa = SafeArrayCreateVector(VT_UI1, 0, (ULONG)view.len);
    if (!psa) {
        PyErr_NoMemory();
        goto out;
    }
    hr = SafeArrayAccessData(psa, &data);
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        goto out;
    }
    if (view.len) memcpy(data, view.buf, (size_t)view.len);
    SafeArrayUnaccessData(psa);
    *out = psa;
    psa = NULL;
    rc = 0;
out:
    if (psa) SafeArrayDestroy(psa);
    PyBuffer_Release(&view);
    return rc;
}

int comrt_safearray_from_seq(comrt_state *st, PyObject *seq, SAFEARRAY **out)
{
    PyObject *items = NULL;
    SAFEARRAY *psa = NULL;
    VARIANT *data = NULL;
    Py_ssize_t n;
    HRESULT hr;
    int rc = -1;

    /* A tuple snapshot: converting an item runs Python code that could
     * resize a list under us. */
    items = PySequence_Tuple(seq);
    if (!items) return -1;
    n = PyTuple_GET_SIZE(items);
    if ((unsigned long long)n > 0x7FFFFFFFull / sizeof(VARIANT)) {
        PyErr_SetString(PyExc_OverflowError, "too many items for a SAFEARRAY");
        goto out;
    }
    psa = SafeArrayCreateVector(VT_VARIANT, 0, (ULONG)n);
    if (!psa) {
        PyErr_NoMemory();
        goto out;
    }
    if (n == 0) goto done;
    hr = SafeArrayAccessData(psa, (void **)&data);
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        goto out;
    }
    if (Py_EnterRecursiveCall(" while converting a sequence to a SAFEARRAY")) {
        SafeArrayUnaccessData(psa);
        goto out;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        /* SafeArrayCreate zeroed the elements: each is VT_EMPTY already. */
        if (comrt_variant_from_py(st, PyTuple_GET_ITEM(items, i), &data[i]) < 0) {
            Py_LeaveRecursiveCall();
            SafeArrayUnaccessData(psa);
            goto out;
        }
    }
    Py_LeaveRecursiveCall();
    SafeArrayUnaccessData(psa);
done:
    *out = psa;
    psa = NULL;
    rc = 0;
out:
    if (psa) SafeArrayDestroy(psa); /* clears the VARIANTs converted so far */
    Py_XDECREF(items);
    return rc;
}

typedef struct {
    comrt_state *st;
    SAFEARRAY *psa;
    VARTYPE vt;
    UINT dims;
    LONG lower[64];
    LONG upper[64];
    LONG index[64];
} array_walk;

/* One element at w->index, converted through a temporary VARIANT: the
 * scalar lands in its payload (a DECIMAL over the whole VARIANT), a
 * VARIANT element is copied whole.  SafeArrayGetElement copies BSTRs and
 * AddRefs interfaces; VariantClear undoes that. */
static PyObject *element_to_py(array_walk *w)
{
    VARIANT tmp;
    void *slot;
    HRESULT hr;
    PyObject *result;

    memset(&tmp, 0, sizeof tmp);
    slot = w->vt == VT_VARIANT ? (void *)&tmp : w->vt == VT_DECIMAL ? (void *)&tmp.decVal : (void *)&tmp.llVal;
    hr = SafeArrayGetElement(w->psa, w->index, slot);
    if (FAILED(hr)) return comrt_raise_hr(w->st, hr);
    if (w->vt != VT_VARIANT) tmp.vt = w->vt;
    result = comrt_variant_to_py(w->st, &tmp);
    VariantClear(&tmp);
    return result;
}

/* The tuple for dimension `dim` (0-based: rgIndices order) at the indices
 * fixed so far; recursion depth is the dimension count (<= 64). */
static PyObject *dimension_to_py(array_walk *w, UINT dim)
{
    Py_ssize_t count = (Py_ssize_t)((long long)w->upper[dim] - w->lower[dim] + 1);
    PyObject *tuple;

    if (count < 0) count = 0;
    tuple = PyTuple_New(count);
    if (!tuple) return NULL;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item;
        w->index[dim] = (LONG)(w->lower[dim] + i);
        item = dim + 1 == w->dims ? element_to_py(w) : dimension_to_py(w, dim + 1);
        if (!item) {
            Py_DECREF(tuple);
            return NULL;
        }
        PyTuple_SET_ITEM(tuple, i, item);
    }
    return tuple;
}

PyObject *comrt_safearray_to_py(comrt_state *st, SAFEARRAY *psa, VARTYPE vt)
{
    array_walk w;
    HRESULT hr;

    memset(&w, 0, sizeof w);
    w.st = st;
    w.psa = psa;
    w.vt = vt;
    w.dims = SafeArrayGetDim(psa);
    if (element_size(vt) == 0) {
        PyErr_Format(PyExc_NotImplementedError, "SAFEARRAY of typecode 0x%x", (unsigned)vt);
        return NULL;
    }
    if (SafeArrayGetElemsize(psa) != element_size(vt)) {
        PyErr_Format(PyExc_ValueError, "SAFEARRAY element size %u does not match typecode 0x%x",
                     SafeArrayGetElemsize(psa), (unsigned)vt);
        return NULL;
    }
    if (w.dims == 0) return PyTuple_New(0);
    if (w.dims > 64) {
        PyErr_SetString(PyExc_ValueError, "SAFEARRAY has more than 64 dimensions");
        return NULL;
    }
    for (UINT d = 0; d < w.dims; d++) {
        hr = SafeArrayGetLBound(psa, d + 1, &w.lower[d]);
        if (SUCCEEDED(hr)) hr = SafeArrayGetUBound(psa, d + 1, &w.upper[d]);
        if (FAILED(hr)) return comrt_raise_hr(st, hr);
    }
    if (w.dims == 1 && vt == VT_UI1) {
        long long count = (long long)w.upper[0] - w.lower[0] + 1;
        void *data = NULL;
        PyObject *bytes;
        if (count < 0) count = 0;
        hr = SafeArrayAccessData(psa, &data);
        if (FAILED(hr)) return comrt_raise_hr(st, hr);
        bytes = PyBytes_FromStringAndSize((const char *)data, (Py_ssize_t)count);
        SafeArrayUnaccessData(psa);
        return bytes;
    }
    if (Py_EnterRecursiveCall(" while converting a SAFEARRAY")) return NULL;
    PyObject *result = dimension_to_py(&w, 0);
    Py_LeaveRecursiveCall();
    return result;
}
