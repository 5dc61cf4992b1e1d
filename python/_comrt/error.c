/*
 * python/_comrt/error.c — comrt.COMError, the exception a failed COM call
 * raises.  It has comtypes' shape (comtypes takes it from _ctypes):
 * COMError(hresult, text, details), args == (hresult, text, details), and
 * the attributes .hresult (a signed 32-bit int), .text and .details
 * (description, source, helpfile, helpcontext, progid).
 */
#include "_comrt.h"

/* COMError.__init__(self, hresult, text, details) */
static PyObject *comerror_init(PyObject *unused, PyObject *args)
{
    PyObject *self, *hresult, *text, *details, *ctor_args = NULL, *result = NULL;

    if (!PyArg_UnpackTuple(args, "COMError.__init__", 4, 4, &self, &hresult, &text, &details)) return NULL;
    ctor_args = PyTuple_Pack(3, hresult, text, details);
    if (!ctor_args) goto out;
    if (PyObject_SetAttrString(self, "args", ctor_args) < 0) goto out;
    if (PyObject_SetAttrString(self, "hresult", hresult) < 0) goto out;
    if (PyObject_SetAttrString(self, "text", text) < 0) goto out;
    if (PyObject_SetAttrString(self, "details", details) < 0) goto out;
    result = Py_None;
    Py_INCREF(result);
out:
    Py_XDECREF(ctor_args);
    return result;
}

/* Static storage: a PyCFunction keeps a pointer to its PyMethodDef. */
static PyMethodDef comerror_init_def = {
    "__init__", comerror_init, METH_VARARGS,
    "COMError(hresult, text, details)",
};

PyObject *comrt_comerror_create(PyObject *module)
{
    PyObject *dict = NULL, *func = NULL, *meth = NULL, *type = NULL;

    dict = PyDict_New();
    if (!dict) goto out;
    func = PyCFunction_NewEx(&comerror_init_def, NULL, NULL);
    if (!func) goto out;
    /* An instancemethod binds like a def in a class body would. */
    meth = PyInstanceMethod_New(func);
    if (!meth) goto out;
    if (PyDict_SetItemString(dict, "__init__", meth) < 0) goto out;
    /* Class-level defaults, so a bare COMError() subclass still reads. */
    if (PyDict_SetItemString(dict, "hresult", Py_None) < 0) goto out;
    if (PyDict_SetItemString(dict, "text", Py_None) < 0) goto out;
    if (PyDict_SetItemString(dict, "details", Py_None) < 0) goto out;
    type = PyErr_NewExceptionWithDoc(
        "comrt.COMError",
        "COMError(hresult, text, details)\n\n"
        "Raised when a COM call fails.  hresult is the signed 32-bit HRESULT, text\n"
        "its standard message, details (description, source, helpfile,\n"
        "helpcontext, progid) from the error info, when there is any.",
        PyExc_Exception, dict);
out:
    Py_XDECREF(dict);
    Py_XDECREF(func);
    Py_XDECREF(meth);
    return type;
}

PyObject *comrt_hr_message(HRESULT hr)
{
    BSTR text = NULL;
    PyObject *result = NULL;
    HRESULT got = ComrtHResultMessage(hr, &text);

    if (FAILED(got)) {
        /* Only out of memory can get here; still say which code it was. */
        return PyUnicode_FromFormat("Unknown error 0x%08X", (unsigned)hr);
    }
    result = comrt_str_from_utf16(text, SysStringLen(text));
    SysFreeString(text);
    return result;
}

PyObject *comrt_raise_hr(comrt_state *st, HRESULT hr)
{
    PyObject *text = NULL, *details = NULL, *exc = NULL;

    text = comrt_hr_message(hr);
    if (!text) goto out;
    details = Py_BuildValue("(OOOiO)", Py_None, Py_None, Py_None, 0, Py_None);
    if (!details) goto out;
    exc = PyObject_CallFunction(st->comerror_type, "iOO", (int)hr, text, details);
    if (!exc) goto out;
    PyErr_SetObject(st->comerror_type, exc);
out:
    Py_XDECREF(text);
    Py_XDECREF(details);
    Py_XDECREF(exc);
    return NULL;
}
