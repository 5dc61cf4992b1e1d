/*
 * python/_comrt/registry.c — the thin binding under comrt.registry: the
 * Win32 Reg* calls and comrt's .reg import/export, one function each, on
 * HKEY handles passed as ints.  comrt.registry builds the Pythonic Key
 * object over them; nothing here decodes value data (bytes in, bytes out).
 *
 * Errors raise OSError as Python's winreg does: the errno-derived subclass
 * (FileNotFoundError for ERROR_FILE_NOT_FOUND, PermissionError for
 * ERROR_ACCESS_DENIED) with the Win32 code as `winerror`.  The GIL is
 * released around every registry call (they may wait on SQLite locks).
 */
#include "_comrt.h"

#include <errno.h>

/* Longest value name Windows allows is 16383 units; keys 255.  Value data
 * buffers grow on ERROR_MORE_DATA up to this cap (no Windows value is
 * bigger than 1 MiB in practice; the cap only stops a corrupt database
 * from asking for gigabytes). */
#define REG_NAME_MAX 16384u
#define REG_DATA_CAP (64u * 1024u * 1024u)

/* The errno Python's OSError constructor turns into the right subclass. */
static int errno_for_win32(LONG code)
{
    switch (code) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND: return ENOENT;
    case ERROR_ACCESS_DENIED: return EACCES;
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY: return ENOMEM;
    default: return EINVAL;
    }
}

/* Raises OSError(errno, text) with .winerror = code (and .lineno when
 * lineno > 0).  `text` NULL means the standard message for the code.
 * Always returns NULL. */
static PyObject *raise_win32(LONG code, PyObject *text, DWORD lineno)
{
    PyObject *msg = text, *exc = NULL, *v = NULL;
    if (msg) Py_INCREF(msg);
    else msg = comrt_hr_message(HRESULT_FROM_WIN32((ULONG)code));
    if (!msg) return NULL;
    exc = PyObject_CallFunction(PyExc_OSError, "iO", errno_for_win32(code), msg);
    if (!exc) goto out;
    v = PyLong_FromLong((long)code);
    if (!v || PyObject_SetAttrString(exc, "winerror", v) < 0) goto out;
    Py_DECREF(v);
    v = PyLong_FromUnsignedLong(lineno);
    if (!v || PyObject_SetAttrString(exc, "lineno", v) < 0) goto out;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
out:
    Py_XDECREF(v);
    Py_XDECREF(exc);
    Py_DECREF(msg);
    return NULL;
}

/* An HRESULT from the ComrtReg* extensions as a Win32 code. */
static LONG win32_from_hr(HRESULT hr)
{
    if (HRESULT_FACILITY(hr) == FACILITY_WIN32) return (LONG)HRESULT_CODE(hr);
    if (hr == E_OUTOFMEMORY) return ERROR_OUTOFMEMORY;
    if (hr == E_ACCESSDENIED) return ERROR_ACCESS_DENIED;
    return ERROR_INVALID_PARAMETER;
}

/* PyArg "O&": an optional str (None -> NULL) into a NUL-free BSTR the caller
 * frees.  Supports cleanup so a later failing argument frees it. */
static int opt_wstr(PyObject *o, void *out)
{
    BSTR *pb = (BSTR *)out;
    if (!o) {
        SysFreeString(*pb);
        *pb = NULL;
        return 1;
    }
    if (o == Py_None) {
        *pb = NULL;
        return Py_CLEANUP_SUPPORTED;
    }
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "expected str or None, not %.100s", Py_TYPE(o)->tp_name);
        return 0;
    }
    BSTR b = comrt_bstr_from_str(o);
    if (!b) return 0;
    for (UINT i = 0; i < SysStringLen(b); i++) {
        if (b[i] == 0) { /* a NUL unit inside the name would silently cut it */
            SysFreeString(b);
            PyErr_SetString(PyExc_ValueError, "embedded null character in registry name");
            return 0;
        }
    }
    *pb = b;
    return Py_CLEANUP_SUPPORTED;
}

static HKEY as_hkey(unsigned long long h)
{
    return (HKEY)(uintptr_t)h;
}

/* reg_open(hkey, subkey, mode) -> int: mode 0 RegOpenKeyExW for reading,
 * 1 for reading and writing, 2 RegCreateKeyExW.  A new handle. */
static PyObject *reg_open(PyObject *module, PyObject *args)
{
    unsigned long long h;
    BSTR sub = NULL;
    int mode = 0;
    HKEY out = NULL;
    LONG rc;
    if (!PyArg_ParseTuple(args, "KO&|i:reg_open", &h, opt_wstr, &sub, &mode)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    if (mode == 2)
        rc = RegCreateKeyExW(as_hkey(h), sub ? sub : u"", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &out, NULL);
    else
        rc = RegOpenKeyExW(as_hkey(h), sub ? sub : u"", 0, mode == 1 ? KEY_ALL_ACCESS : KEY_READ, &out);
    Py_END_ALLOW_THREADS
    SysFreeString(sub);
    if (rc != ERROR_SUCCESS) return raise_win32(rc, NULL, 0);
    return PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)out);
}

static PyObject *reg_close(PyObject *module, PyObject *arg)
{
    unsigned long long h = PyLong_AsUnsignedLongLong(arg);
    LONG rc;
    if (h == (unsigned long long)-1 && PyErr_Occurred()) return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = RegCloseKey(as_hkey(h));
    Py_END_ALLOW_THREADS
    if (rc != ERROR_SUCCESS) return raise_win32(rc, NULL, 0);
    Py_RETURN_NONE;
}

/* reg_enum_keys(hkey) -> list of str, in the order RegEnumKeyExW gives. */
static PyObject *reg_enum_keys(PyObject *module, PyObject *arg)
{
    unsigned long long h = PyLong_AsUnsignedLongLong(arg);
    if (h == (unsigned long long)-1 && PyErr_Occurred()) return NULL;
    PyObject *list = PyList_New(0);
    WCHAR *name = PyMem_Malloc(REG_NAME_MAX * sizeof(WCHAR));
    if (!list || !name) {
        Py_XDECREF(list);
        PyMem_Free(name);
        return PyErr_NoMemory();
    }
    for (DWORD i = 0;; i++) {
        DWORD cch = REG_NAME_MAX;
        LONG rc;
        Py_BEGIN_ALLOW_THREADS
        rc = RegEnumKeyExW(as_hkey(h), i, name, &cch, NULL, NULL, NULL, NULL);
        Py_END_ALLOW_THREADS
        if (rc == ERROR_NO_MORE_ITEMS) break;
        if (rc != ERROR_SUCCESS || cch >= REG_NAME_MAX) {
            Py_CLEAR(list);
            raise_win32(rc != ERROR_SUCCESS ? rc : (LONG)ERROR_MORE_DATA, NULL, 0);
            break;
        }
        PyObject *s = comrt_str_from_utf16(name, cch);
        if (!s || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(s);
    }
    PyMem_Free(name);
    return list;
}

/* reg_enum_values(hkey) -> list of (name, type, bytes). */
static PyObject *reg_enum_values(PyObject *module, PyObject *arg)
{
    unsigned long long h = PyLong_AsUnsignedLongLong(arg);
    if (h == (unsigned long long)-1 && PyErr_Occurred()) return NULL;
    DWORD cap = 4096;
    PyObject *list = PyList_New(0);
    WCHAR *name = PyMem_Malloc(REG_NAME_MAX * sizeof(WCHAR));
    BYTE *data = PyMem_Malloc(cap);
    if (!list || !name || !data) {
        PyErr_NoMemory();
        goto fail;
    }
    for (DWORD i = 0;;) {
        DWORD cch = REG_NAME_MAX, type = 0, cb = cap;
        LONG rc;
        Py_BEGIN_ALLOW_THREADS
        rc = RegEnumValueW(as_hkey(h), i, name, &cch, NULL, &type, data, &cb);
        Py_END_ALLOW_THREADS
        if (rc == ERROR_NO_MORE_ITEMS) break;
        if (rc == ERROR_MORE_DATA && cap < REG_DATA_CAP) {
            /* cb holds the size needed when the name fitted; grow and retry
             * the same index */
            DWORD want = (cb > cap && cb <= REG_DATA_CAP) ? cb : (cap * 2 <= REG_DATA_CAP ? cap * 2 : REG_DATA_CAP);
            BYTE *bigger = PyMem_Realloc(data, want);
            if (!bigger) {
                PyErr_NoMemory();
                goto fail;
            }
            data = bigger;
            cap = want;
            continue;
        }
        if (rc != ERROR_SUCCESS) {
            raise_win32(rc, NULL, 0);
            goto fail;
        }
        PyObject *item = Py_BuildValue("(NkN)", comrt_str_from_utf16(name, cch), (unsigned long)type,
                                       PyBytes_FromStringAndSize((const char *)data, (Py_ssize_t)cb));
        if (!item || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            goto fail;
        }
        Py_DECREF(item);
        i++;
    }
    PyMem_Free(name);
    PyMem_Free(data);
    return list;
fail:
    Py_XDECREF(list);
    PyMem_Free(name);
    PyMem_Free(data);
    return NULL;
}

/* reg_query_value(hkey, name) -> (type, bytes). */
static PyObject *reg_query_value(PyObject *module, PyObject *args)
{
    unsigned long long h;
    BSTR vname = NULL;
    PyObject *result = NULL;
    BYTE *data = NULL;
    DWORD type = 0, cb = 0;
    LONG rc;
    if (!PyArg_ParseTuple(args, "KO&:reg_query_value", &h, opt_wstr, &vname)) return NULL;
    for (;;) {
        /* ask for the size, then read; retry if the value grew between */
        DWORD need = 0;
        Py_BEGIN_ALLOW_THREADS
        rc = RegQueryValueExW(as_hkey(h), vname, NULL, &type, NULL, &need);
        Py_END_ALLOW_THREADS
        if (rc != ERROR_SUCCESS) break;
        if (need > REG_DATA_CAP) {
            rc = ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        PyMem_Free(data);
        data = PyMem_Malloc(need ? need : 1);
        if (!data) {
            PyErr_NoMemory();
            goto out;
        }
        cb = need;
        Py_BEGIN_ALLOW_THREADS
        rc = RegQueryValueExW(as_hkey(h), vname, NULL, &type, data, &cb);
        Py_END_ALLOW_THREADS
        if (rc != ERROR_MORE_DATA) break;
    }
    if (rc != ERROR_SUCCESS) {
        raise_win32(rc, NULL, 0);
        goto out;
    }
    result = Py_BuildValue("(ky#)", (unsigned long)type, (const char *)data, (Py_ssize_t)cb);
out:
    PyMem_Free(data);
    SysFreeString(vname);
    return result;
}

/* reg_set_value(hkey, name, type, data: bytes). */
static PyObject *reg_set_value(PyObject *module, PyObject *args)
{
    unsigned long long h;
    BSTR vname = NULL;
    unsigned long type;
    Py_buffer buf;
    LONG rc;
    if (!PyArg_ParseTuple(args, "KO&ky*:reg_set_value", &h, opt_wstr, &vname, &type, &buf)) return NULL;
    if (buf.len > (Py_ssize_t)REG_DATA_CAP || type > 0xFFFFFFFFul) {
        PyBuffer_Release(&buf);
        SysFreeString(vname);
        PyErr_SetString(PyExc_ValueError, "registry value too large or bad type");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = RegSetValueExW(as_hkey(h), vname, 0, (DWORD)type, (const BYTE *)buf.buf, (DWORD)buf.len);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&buf);
    SysFreeString(vname);
    if (rc != ERROR_SUCCESS) return raise_win32(rc, NULL, 0);
    Py_RETURN_NONE;
}

/* reg_delete_tree(hkey, subkey or None): RegDeleteTreeW. */
static PyObject *reg_delete_tree(PyObject *module, PyObject *args)
{
    unsigned long long h;
    BSTR sub = NULL;
    LONG rc;
    if (!PyArg_ParseTuple(args, "KO&:reg_delete_tree", &h, opt_wstr, &sub)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = RegDeleteTreeW(as_hkey(h), sub);
    Py_END_ALLOW_THREADS
    SysFreeString(sub);
    if (rc != ERROR_SUCCESS) return raise_win32(rc, NULL, 0);
    Py_RETURN_NONE;
}

/* reg_delete_value(hkey, name or None). */
static PyObject *reg_delete_value(PyObject *module, PyObject *args)
{
    unsigned long long h;
    BSTR vname = NULL;
    LONG rc;
    if (!PyArg_ParseTuple(args, "KO&:reg_delete_value", &h, opt_wstr, &vname)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    rc = RegDeleteValueW(as_hkey(h), vname);
    Py_END_ALLOW_THREADS
    SysFreeString(vname);
    if (rc != ERROR_SUCCESS) return raise_win32(rc, NULL, 0);
    Py_RETURN_NONE;
}

/* The description of the thread's IErrorInfo as str, clearing it; NULL
 * (no exception) when there is none. */
static PyObject *take_error_text(void)
{
    IErrorInfo *ei = NULL;
    BSTR desc = NULL;
    PyObject *text = NULL;
    if (GetErrorInfo(0, &ei) != S_OK || !ei) return NULL;
    if (SUCCEEDED(ei->lpVtbl->GetDescription(ei, &desc)) && desc && SysStringLen(desc))
        text = comrt_str_from_utf16(desc, SysStringLen(desc));
    SysFreeString(desc);
    ei->lpVtbl->Release(ei);
    if (!text) PyErr_Clear();
    return text;
}

/* reg_import_file(path): ComrtRegImportFile; errors carry .lineno. */
static PyObject *reg_import_file(PyObject *module, PyObject *args)
{
    BSTR path = NULL;
    DWORD line = 0;
    HRESULT hr;
    PyObject *text;
    if (!PyArg_ParseTuple(args, "O&:reg_import_file", opt_wstr, &path)) return NULL;
    if (!path) {
        PyErr_SetString(PyExc_TypeError, "path must be str");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    SetErrorInfo(0, NULL);
    hr = ComrtRegImportFile(path, &line);
    Py_END_ALLOW_THREADS
    SysFreeString(path);
    if (SUCCEEDED(hr)) Py_RETURN_NONE;
    /* The error info is the thread's: read it on this thread, still ours. */
    text = take_error_text();
    raise_win32(win32_from_hr(hr), text, line);
    Py_XDECREF(text);
    return NULL;
}

/* reg_export_key(hkey, subkey or None, path, format). */
static PyObject *reg_export_key(PyObject *module, PyObject *args)
{
    unsigned long long h;
    BSTR sub = NULL, path = NULL;
    unsigned long fmt;
    HRESULT hr;
    if (!PyArg_ParseTuple(args, "KO&O&k:reg_export_key", &h, opt_wstr, &sub, opt_wstr, &path, &fmt))
        return NULL;
    if (!path) {
        SysFreeString(sub);
        PyErr_SetString(PyExc_TypeError, "path must be str");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    hr = ComrtRegExportKey(as_hkey(h), sub, path, (DWORD)fmt);
    Py_END_ALLOW_THREADS
    SysFreeString(sub);
    SysFreeString(path);
    if (FAILED(hr)) return raise_win32(win32_from_hr(hr), NULL, 0);
    Py_RETURN_NONE;
}

static PyMethodDef registry_methods[] = {
    {"reg_open", reg_open, METH_VARARGS,
     "reg_open(hkey, subkey, mode=0) -> int\n\nmode 0: RegOpenKeyExW(KEY_READ), 1: KEY_ALL_ACCESS, 2: RegCreateKeyExW."},
    {"reg_close", reg_close, METH_O, "reg_close(hkey)\n\nRegCloseKey."},
    {"reg_enum_keys", reg_enum_keys, METH_O, "reg_enum_keys(hkey) -> list[str]\n\nThe subkey names."},
    {"reg_enum_values", reg_enum_values, METH_O,
     "reg_enum_values(hkey) -> list[(name, type, bytes)]\n\nThe values, raw."},
    {"reg_query_value", reg_query_value, METH_VARARGS,
     "reg_query_value(hkey, name) -> (type, bytes)\n\nRegQueryValueExW (name None: the default value)."},
    {"reg_set_value", reg_set_value, METH_VARARGS, "reg_set_value(hkey, name, type, data)\n\nRegSetValueExW."},
    {"reg_delete_tree", reg_delete_tree, METH_VARARGS,
     "reg_delete_tree(hkey, subkey)\n\nRegDeleteTreeW (subkey None: empties hkey)."},
    {"reg_delete_value", reg_delete_value, METH_VARARGS, "reg_delete_value(hkey, name)\n\nRegDeleteValueW."},
    {"reg_import_file", reg_import_file, METH_VARARGS,
     "reg_import_file(path)\n\nComrtRegImportFile; OSError with .lineno on a syntax error."},
    {"reg_export_key", reg_export_key, METH_VARARGS,
     "reg_export_key(hkey, subkey, path, format)\n\nComrtRegExportKey (format 0: version 5, 1: REGEDIT4)."},
    {NULL, NULL, 0, NULL},
};

int comrt_registry_init(PyObject *module)
{
    static const struct {
        const char *name;
        HKEY value;
    } roots[] = {
        {"HKEY_CLASSES_ROOT", HKEY_CLASSES_ROOT},
        {"HKEY_CURRENT_USER", HKEY_CURRENT_USER},
        {"HKEY_LOCAL_MACHINE", HKEY_LOCAL_MACHINE},
    };
    if (PyModule_AddFunctions(module, registry_methods) < 0) return -1;
    for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
        PyObject *v = PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)roots[i].value);
        if (!v || PyModule_AddObject(module, roots[i].name, v) < 0) {
            Py_XDECREF(v);
            return -1;
        }
    }
    return 0;
}
