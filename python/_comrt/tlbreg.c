/*
 * python/_comrt/tlbreg.c — the binding under `comrt tlb register` /
 * `comrt tlb unregister`: register_typelib and unregister_typelib load a
 * type library (REGKIND_NONE) and call RegisterTypeLib(ForUser) or
 * UnRegisterTypeLib(ForUser) for it, as regtlib/regtlibv12 do on Windows.
 * Both return what they acted on: (libid, major, minor, lcid, syskind).
 * Failures raise COMError with the HRESULT.  The GIL is released around the
 * calls (they read files and wait on registry locks).
 */
#define COBJMACROS
#include "_comrt.h"

/* (libid str, major, minor, lcid, syskind) of a TLIBATTR.  New ref or NULL. */
static PyObject *attr_tuple(const TLIBATTR *a)
{
    WCHAR text[40];
    PyObject *libid;
    int n = StringFromGUID2(&a->guid, text, 40);
    libid = comrt_str_from_utf16(text, n > 0 ? (size_t)(n - 1) : 0);
    if (!libid) return NULL;
    return Py_BuildValue("(NiiIi)", libid, (int)a->wMajorVerNum, (int)a->wMinorVerNum, (unsigned)a->lcid,
                         (int)a->syskind);
}

/* register_typelib(path, helpdir=None, for_user=False): path is stored as
 * given (the CLI passes an absolute one). */
static PyObject *register_typelib(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "helpdir", "for_user", NULL};
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    PyObject *path, *helpdir_obj = Py_None, *result = NULL;
    int for_user = 0;
    BSTR file = NULL, helpdir = NULL;
    ITypeLib *tl = NULL;
    TLIBATTR *attr = NULL, copy;
    HRESULT hr;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Op:register_typelib", kwlist, &path, &helpdir_obj, &for_user))
        return NULL;
    if (comrt_path_arg(path, &file) < 0) return NULL;
    if (helpdir_obj != Py_None && comrt_path_arg(helpdir_obj, &helpdir) < 0) goto out;
    Py_BEGIN_ALLOW_THREADS
    hr = LoadTypeLibEx(file, REGKIND_NONE, &tl);
    if (SUCCEEDED(hr)) hr = for_user ? RegisterTypeLibForUser(tl, file, helpdir) : RegisterTypeLib(tl, file, helpdir);
    if (SUCCEEDED(hr)) hr = ITypeLib_GetLibAttr(tl, &attr);
    if (SUCCEEDED(hr)) {
        copy = *attr;
        ITypeLib_ReleaseTLibAttr(tl, attr);
    }
    if (tl) ITypeLib_Release(tl);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        goto out;
    }
    result = attr_tuple(&copy);
out:
    SysFreeString(helpdir);
    SysFreeString(file);
    return result;
}

/* unregister_typelib(path, for_user=False): removes the registration of the
 * library in path (its LIBID, version, LCID and SYSKIND). */
static PyObject *unregister_typelib(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "for_user", NULL};
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    PyObject *path;
    int for_user = 0;
    BSTR file = NULL;
    ITypeLib *tl = NULL;
    TLIBATTR *attr = NULL, copy;
    HRESULT hr;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|p:unregister_typelib", kwlist, &path, &for_user)) return NULL;
    if (comrt_path_arg(path, &file) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = LoadTypeLibEx(file, REGKIND_NONE, &tl);
    if (SUCCEEDED(hr)) hr = ITypeLib_GetLibAttr(tl, &attr);
    if (SUCCEEDED(hr)) {
        copy = *attr;
        ITypeLib_ReleaseTLibAttr(tl, attr);
        hr = for_user ? UnRegisterTypeLibForUser(&copy.guid, copy.wMajorVerNum, copy.wMinorVerNum, copy.lcid,
                                                 copy.syskind)
                      : UnRegisterTypeLib(&copy.guid, copy.wMajorVerNum, copy.wMinorVerNum, copy.lcid, copy.syskind);
    }
    if (tl) ITypeLib_Release(tl);
    Py_END_ALLOW_THREADS
    SysFreeString(file);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return attr_tuple(&copy);
}

static PyMethodDef tlbreg_methods[] = {
    {"register_typelib", (PyCFunction)(void (*)(void))register_typelib, METH_VARARGS | METH_KEYWORDS,
     "register_typelib(path, helpdir=None, for_user=False) -> (libid, major, minor, lcid, syskind)\n\n"
     "Loads the type library in path and registers it (RegisterTypeLib, or RegisterTypeLibForUser)."},
    {"unregister_typelib", (PyCFunction)(void (*)(void))unregister_typelib, METH_VARARGS | METH_KEYWORDS,
     "unregister_typelib(path, for_user=False) -> (libid, major, minor, lcid, syskind)\n\n"
     "Loads the type library in path and removes its registration (UnRegisterTypeLib(ForUser))."},
    {NULL, NULL, 0, NULL},
};

int comrt_tlbreg_init(PyObject *module)
{
    return PyModule_AddFunctions(module, tlbreg_methods);
}
