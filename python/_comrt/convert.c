/*
 * python/_comrt/convert.c — Python value <-> C VARIANT, comtypes' mapping
 * (comtypes.automation.VARIANT._set_value / _get_value), plus the str <->
 * UTF-16 helpers every BSTR passes through.  Dates live in convert_date.c,
 * SAFEARRAYs in convert_array.c.
 *
 * Where comtypes has a bug, comrt does what comtypes meant (see
 * python/comrt/automation.py's docstring for the list).
 */
#include "_comrt.h"

#include <string.h>

/* ---- str <-> UTF-16 ----------------------------------------------------- */

PyObject *comrt_str_from_utf16(const OLECHAR *s, size_t len)
{
    int byteorder = -1; /* little-endian, and a leading U+FEFF is data */
    if (len > (size_t)PY_SSIZE_T_MAX / 2) return PyErr_NoMemory();
    if (len == 0) return PyUnicode_FromStringAndSize("", 0);
    /* surrogatepass: a BSTR may hold lone surrogates; keep them. */
    return PyUnicode_DecodeUTF16((const char *)s, (Py_ssize_t)(len * 2), "surrogatepass", &byteorder);
}

BSTR comrt_bstr_from_str(PyObject *str)
{
    Py_ssize_t n, i;
    size_t units = 0;
    int kind;
    const void *data;
    BSTR b;

#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(str) < 0) return NULL;
#endif
    n = PyUnicode_GET_LENGTH(str);
    kind = PyUnicode_KIND(str);
    data = PyUnicode_DATA(str);
    for (i = 0; i < n; i++) units += PyUnicode_READ(kind, data, i) > 0xFFFF ? 2 : 1;
    /* SysAllocStringLen's own cap (2^31 bytes); refuse before it does. */
    if (units > 0x3FFFFFF0u) {
        PyErr_SetString(PyExc_OverflowError, "string too long for a BSTR");
        return NULL;
    }
    b = SysAllocStringLen(NULL, (UINT)units);
    if (!b) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t j = 0;
    for (i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c > 0xFFFF) {
            c -= 0x10000;
            b[j++] = (OLECHAR)(0xD800 + (c >> 10));
            b[j++] = (OLECHAR)(0xDC00 + (c & 0x3FF));
        } else {
            b[j++] = (OLECHAR)c;
        }
    }
    return b;
}

/* ---- Python -> VARIANT -------------------------------------------------- */

/* int -> the narrowest of VT_I4, VT_I8, VT_UI8 that holds it, else VT_R8
 * (OverflowError past a double's range).  comtypes' intent; its Python 3
 * code truncates everything to VT_I4. */
static int int_to_variant(PyObject *value, VARIANT *out)
{
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(value, &overflow);

    if (v == -1 && PyErr_Occurred()) return -1;
    if (!overflow) {
        if (v >= INT32_MIN && v <= INT32_MAX) {
            out->vt = VT_I4;
            out->lVal = (LONG)v;
        } else {
            out->vt = VT_I8;
            out->llVal = v;
        }
        return 0;
    }
    if (overflow > 0) {
        unsigned long long u = PyLong_AsUnsignedLongLong(value);
        if (!(u == (unsigned long long)-1 && PyErr_Occurred())) {
            out->vt = VT_UI8;
            out->ullVal = u;
            return 0;
        }
        if (!PyErr_ExceptionMatches(PyExc_OverflowError)) return -1;
        PyErr_Clear();
    }
    double d = PyLong_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred()) return -1;
    out->vt = VT_R8;
    out->dblVal = d;
    return 0;
}

/* Decimal -> VT_CY: round(value * 10000) with banker's rounding, as comtypes
 * does; DISP_E_OVERFLOW outside CY's range (and for NaN / infinity, as
 * VarCyFromR8 answers). */
static int decimal_to_cy(comrt_state *st, PyObject *value, VARIANT *out)
{
    PyObject *finite = NULL, *scaled = NULL, *rounded = NULL;
    int rc = -1, overflow = 0;
    long long units;

    finite = PyObject_CallMethod(value, "is_finite", NULL);
    if (!finite) goto out;
    if (!PyObject_IsTrue(finite)) goto overflow;
    scaled = PyObject_CallMethod(value, "scaleb", "i", 4);
    if (!scaled) goto out;
    rounded = PyObject_CallMethod(scaled, "__round__", NULL); /* ROUND_HALF_EVEN */
    if (!rounded) goto out;
    units = PyLong_AsLongLongAndOverflow(rounded, &overflow);
    if (units == -1 && PyErr_Occurred()) goto out;
    if (overflow) goto overflow;
    out->vt = VT_CY;
    out->cyVal.int64 = units;
    rc = 0;
    goto out;
overflow:
    comrt_raise_hr(st, DISP_E_OVERFLOW);
out:
    Py_XDECREF(finite);
    Py_XDECREF(scaled);
    Py_XDECREF(rounded);
    return rc;
}

int comrt_variant_from_py(comrt_state *st, PyObject *value, VARIANT *out)
{
    int rc = -1;

    out->vt = VT_EMPTY;
    if (value == Py_None) {
        rc = 0; /* VT_EMPTY; VARIANT.null is the explicit VT_NULL */
    } else if (PyObject_TypeCheck(value, st->variant_type)) {
        HRESULT hr = VariantCopy(out, &((comrt_VariantObject *)value)->var);
        if (FAILED(hr)) {
            out->vt = VT_EMPTY;
            comrt_raise_hr(st, hr);
        } else {
            rc = 0;
        }
    } else if (PyBool_Check(value)) { /* before int: bool is an int */
        out->vt = VT_BOOL;
        out->boolVal = value == Py_True ? VARIANT_TRUE : VARIANT_FALSE;
        rc = 0;
    } else if (PyLong_Check(value)) {
        rc = int_to_variant(value, out);
    } else if (PyFloat_Check(value)) {
        out->vt = VT_R8;
        out->dblVal = PyFloat_AS_DOUBLE(value);
        rc = 0;
    } else if (PyUnicode_Check(value)) {
        BSTR b = comrt_bstr_from_str(value);
        if (b) {
            out->vt = VT_BSTR;
            out->bstrVal = b;
            rc = 0;
        }
    } else if (comrt_is_datetime(value)) {
        DATE d;
        if (comrt_date_from_datetime(st, value, &d) == 0) {
            out->vt = VT_DATE;
            out->date = d;
            rc = 0;
        }
    } else if (PyObject_TypeCheck(value, (PyTypeObject *)st->decimal_type)) {
        rc = decimal_to_cy(st, value, out);
    } else if (PyBytes_Check(value) || PyByteArray_Check(value)) {
        SAFEARRAY *psa;
        if (comrt_safearray_from_bytes(st, value, &psa) == 0) {
            out->vt = VT_ARRAY | VT_UI1;
            out->parray = psa;
            rc = 0;
        }
    } else if (PyTuple_Check(value) || PyList_Check(value)) {
        SAFEARRAY *psa;
        if (comrt_safearray_from_seq(st, value, &psa) == 0) {
            out->vt = VT_ARRAY | VT_VARIANT;
            out->parray = psa;
            rc = 0;
        }
    } else if (PyIndex_Check(value)) {
        /* Integer-like objects (numpy.int64, ...) go the int way. */
        PyObject *index = PyNumber_Index(value);
        if (index) {
            rc = int_to_variant(index, out);
            Py_DECREF(index);
        }
    } else {
        PyErr_Format(PyExc_TypeError, "Cannot put %R in VARIANT", value);
    }
    if (rc < 0) out->vt = VT_EMPTY;
    return rc;
}

/* ---- VARIANT -> Python -------------------------------------------------- */

/* VT_CY -> Decimal(int64) / Decimal(10000), exactly comtypes' expression
 * (so 1.5 comes back as Decimal('1.5'), not Decimal('1.5000')). */
static PyObject *cy_to_decimal(comrt_state *st, CY cy)
{
    PyObject *units = NULL, *ten4 = NULL, *result = NULL;

    units = PyObject_CallFunction(st->decimal_type, "L", (long long)cy.int64);
    if (!units) goto out;
    ten4 = PyObject_CallFunction(st->decimal_type, "i", 10000);
    if (!ten4) goto out;
    result = PyNumber_TrueDivide(units, ten4);
out:
    Py_XDECREF(units);
    Py_XDECREF(ten4);
    return result;
}

/* VT_DECIMAL -> Decimal, exact: built from its digits and scale as text,
 * which no decimal context rounds. */
static PyObject *dec_to_decimal(comrt_state *st, const DECIMAL *dec)
{
    PyObject *hi = NULL, *lo = NULL, *shift = NULL, *hi_shifted = NULL, *digits = NULL, *text = NULL,
             *result = NULL;

    hi = PyLong_FromUnsignedLong(dec->Hi32);
    lo = PyLong_FromUnsignedLongLong(dec->Lo64);
    shift = PyLong_FromLong(64);
    if (!hi || !lo || !shift) goto out;
    hi_shifted = PyNumber_Lshift(hi, shift);
    if (!hi_shifted) goto out;
    digits = PyNumber_Add(hi_shifted, lo);
    if (!digits) goto out;
    text = PyUnicode_FromFormat("%s%SE-%d", (dec->sign & DECIMAL_NEG) ? "-" : "", digits, (int)dec->scale);
    if (!text) goto out;
    result = PyObject_CallFunctionObjArgs(st->decimal_type, text, NULL);
out:
    Py_XDECREF(hi);
    Py_XDECREF(lo);
    Py_XDECREF(shift);
    Py_XDECREF(hi_shifted);
    Py_XDECREF(digits);
    Py_XDECREF(text);
    return result;
}

/* VT_BYREF|x: read through the reference (VariantCopyInd), then convert. */
static PyObject *byref_to_py(comrt_state *st, const VARIANT *v)
{
    VARIANT tmp;
    PyObject *result;
    HRESULT hr;

    if (!v->byref) {
        PyErr_Format(PyExc_ValueError, "VARIANT vt=0x%x holds a NULL reference", (unsigned)v->vt);
        return NULL;
    }
    memset(&tmp, 0, sizeof tmp);
    hr = VariantCopyInd(&tmp, v);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    if (Py_EnterRecursiveCall(" while converting a VARIANT")) {
        VariantClear(&tmp);
        return NULL;
    }
    result = comrt_variant_to_py(st, &tmp);
    Py_LeaveRecursiveCall();
    VariantClear(&tmp);
    return result;
}

PyObject *comrt_variant_to_py(comrt_state *st, const VARIANT *v)
{
    VARTYPE vt = v->vt;

    if (vt & VT_BYREF) return byref_to_py(st, v);
    if (vt & VT_ARRAY) {
        if (!v->parray) Py_RETURN_NONE;
        return comrt_safearray_to_py(st, v->parray, (VARTYPE)(vt & VT_TYPEMASK));
    }
    switch (vt) {
    case VT_EMPTY:
    case VT_NULL:
        Py_RETURN_NONE;
    case VT_I1:
        return PyLong_FromLong((signed char)v->cVal);
    case VT_I2:
        return PyLong_FromLong(v->iVal);
    case VT_I4:
    case VT_INT:
    case VT_ERROR:
        return PyLong_FromLong(v->lVal);
    case VT_I8:
        return PyLong_FromLongLong(v->llVal);
    case VT_UI1:
        return PyLong_FromUnsignedLong(v->bVal);
    case VT_UI2:
        return PyLong_FromUnsignedLong(v->uiVal);
    case VT_UI4:
    case VT_UINT:
        return PyLong_FromUnsignedLong(v->ulVal);
    case VT_UI8:
        return PyLong_FromUnsignedLongLong(v->ullVal);
    case VT_R4:
        return PyFloat_FromDouble(v->fltVal);
    case VT_R8:
        return PyFloat_FromDouble(v->dblVal);
    case VT_BOOL:
        return PyBool_FromLong(v->boolVal != VARIANT_FALSE);
    case VT_BSTR:
        return comrt_str_from_utf16(v->bstrVal, SysStringLen(v->bstrVal));
    case VT_DATE:
        return comrt_datetime_from_date(st, v->date);
    case VT_CY:
        return cy_to_decimal(st, v->cyVal);
    case VT_DECIMAL:
        return dec_to_decimal(st, &v->decVal);
    case VT_UNKNOWN:
    case VT_DISPATCH:
        if (!v->punkVal) Py_RETURN_NONE;
        PyErr_SetString(PyExc_NotImplementedError,
                        "interface pointers in VARIANTs come with comrt's client layer");
        return NULL;
    default:
        PyErr_Format(PyExc_NotImplementedError, "typecode %u = 0x%x", (unsigned)vt, (unsigned)vt);
        return NULL;
    }
}
