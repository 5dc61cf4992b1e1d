/*
 * python/_comrt/server.c — the binding under `comrt register` /
 * `comrt unregister`: register_server(path, register) calls
 * ComrtRegisterServer (a server's DllRegisterServer / DllUnregisterServer)
 * the way regsvr32 does, inside an STA of its own.
 *
 * Failures raise COMError(hr, text, details) where text is the server's or
 * the loader's IErrorInfo description when there is one (dlerror's message
 * for a file that does not load), else the standard message for hr.
 */
#include "_comrt.h"

/* Raises COMError for hr with the thread's IErrorInfo (taken, so it is
 * reported once) as text and details.  Always returns NULL. */
static PyObject *raise_with_errorinfo(comrt_state *st, HRESULT hr, IErrorInfo *ei)
{
    BSTR desc = NULL, source = NULL;
    PyObject *text = NULL, *src = NULL, *details = NULL, *exc = NULL;

    if (ei) {
        if (FAILED(ei->lpVtbl->GetDescription(ei, &desc))) desc = NULL;
        if (FAILED(ei->lpVtbl->GetSource(ei, &source))) source = NULL;
    }
    if (desc && SysStringLen(desc))
        text = comrt_str_from_utf16(desc, SysStringLen(desc));
    else
        text = comrt_hr_message(hr);
    if (!text) goto out;
    if (source && SysStringLen(source)) {
        src = comrt_str_from_utf16(source, SysStringLen(source));
        if (!src) goto out;
    } else {
        src = Py_None;
        Py_INCREF(src);
    }
    details = Py_BuildValue("(OOOiO)", (desc && SysStringLen(desc)) ? text : Py_None, src, Py_None, 0, Py_None);
    if (!details) goto out;
    exc = PyObject_CallFunction(st->comerror_type, "iOO", (int)hr, text, details);
    if (!exc) goto out;
    PyErr_SetObject(st->comerror_type, exc);
out:
    SysFreeString(desc);
    SysFreeString(source);
    Py_XDECREF(text);
    Py_XDECREF(src);
    Py_XDECREF(details);
    Py_XDECREF(exc);
    return NULL;
}

/* register_server(path, register=True): see the method table. */
static PyObject *mod_register_server(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "register", NULL};
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    PyObject *path_obj = NULL, *fspath = NULL;
    int do_register = 1;
    BSTR path = NULL;
    HRESULT hr, init_hr;
    IErrorInfo *ei = NULL;
    PyObject *result = NULL;

    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|p:register_server", kwlist, &path_obj, &do_register))
        return NULL;
    fspath = PyOS_FSPath(path_obj);
    if (!fspath) return NULL;
    if (!PyUnicode_Check(fspath)) {
        PyErr_SetString(PyExc_TypeError, "register_server: path must be str or os.PathLike[str]");
        goto out;
    }
    path = comrt_bstr_from_str(fspath);
    if (!path) goto out;

    Py_BEGIN_ALLOW_THREADS
    /* regsvr32 runs DllRegisterServer in an STA and leaves it afterwards;
     * a thread already in the MTA stays there (RPC_E_CHANGED_MODE leaves
     * its count alone, so there is nothing to undo). */
    init_hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    SetErrorInfo(0, NULL);
    hr = ComrtRegisterServer(path, do_register ? TRUE : FALSE);
    if (FAILED(hr) && GetErrorInfo(0, &ei) != S_OK) ei = NULL;
    if (SUCCEEDED(init_hr)) CoUninitialize();
    Py_END_ALLOW_THREADS

    if (FAILED(hr)) {
        raise_with_errorinfo(st, hr, ei);
        goto out;
    }
    result = Py_None;
    Py_INCREF(result);
out:
    if (ei) ei->lpVtbl->Release(ei);
    SysFreeString(path);
    Py_XDECREF(fspath);
    return result;
}

static PyMethodDef server_methods[] = {
    {"register_server", (PyCFunction)(void (*)(void))mod_register_server, METH_VARARGS | METH_KEYWORDS,
     "register_server(path, register=True)\n\n"
     "Loads the in-process server at path (a Unix path) and calls its\n"
     "DllRegisterServer (register=True) or DllUnregisterServer, as regsvr32\n"
     "does (ComrtRegisterServer, inside an STA).  Raises COMError on failure,\n"
     "with the loader's or the server's error text."},
    {NULL, NULL, 0, NULL},
};

int comrt_server_init(PyObject *module)
{
    return PyModule_AddFunctions(module, server_methods);
}
