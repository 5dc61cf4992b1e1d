/*
 * python/_comrt/typeinfo_comp.c — comrt.ITypeComp: binding names to
 * members and types, comtypes' shapes: Bind(name, flags=0, lHashVal=0) ->
 * ("function", FUNCDESC) | ("variable", VARDESC) | ("type", ITypeComp),
 * NameError when nothing has the name (as comtypes raises);
 * BindType(name, lHashVal=0) -> (ITypeInfo, ITypeComp), (None, None) when
 * no type has the name.
 */
#include "_comrt.h"

#define TC(self) ((ITypeComp *)((comrt_ComObject *)(self))->punk)

static PyObject *tc_bind(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "flags", "lHashVal", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    PyObject *name, *value;
    int flags = 0;
    uint32_t hash = 0;
    BSTR buf = NULL;
    ITypeInfo *ti = NULL;
    DESCKIND kind = DESCKIND_NONE;
    BINDPTR bind;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|iO&:Bind", kwlist, &name, &flags, comrt_conv_u32, &hash))
        return NULL;
    if (flags < 0 || flags > 0xFFFF) {
        PyErr_SetString(PyExc_OverflowError, "Bind: flags is a 16-bit INVOKEKIND mask");
        return NULL;
    }
    if (comrt_name_arg(name, &buf) < 0) return NULL;
    bind.lpfuncdesc = NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TC(self)->lpVtbl->Bind(TC(self), buf, hash, (WORD)flags, &ti, &kind, &bind);
    Py_END_ALLOW_THREADS
    SysFreeString(buf);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    switch (kind) {
    case DESCKIND_FUNCDESC:
        /* The FUNCDESC goes back to the ITypeInfo that came with it. */
        if (!ti || !bind.lpfuncdesc) break;
        value = comrt_desc_wrap(st, COMRT_DESC_FUNCDESC, (IUnknown *)ti, bind.lpfuncdesc);
        return value ? Py_BuildValue("(sN)", "function", value) : NULL;
    case DESCKIND_VARDESC:
    case DESCKIND_IMPLICITAPPOBJ:
        if (!ti || !bind.lpvardesc) break;
        value = comrt_desc_wrap(st, COMRT_DESC_VARDESC, (IUnknown *)ti, bind.lpvardesc);
        /* An application object's member: its VARDESC, under its own tag
         * (comtypes raises NotImplementedError here). */
        return value ? Py_BuildValue("(sN)", kind == DESCKIND_VARDESC ? "variable" : "implicitappobj", value) : NULL;
    case DESCKIND_TYPECOMP:
        if (ti) ti->lpVtbl->Release(ti);
        value = comrt_com_wrap(st->typecomp_type, (IUnknown *)bind.lptcomp);
        return value ? Py_BuildValue("(sN)", "type", value) : NULL;
    default:
        if (ti) ti->lpVtbl->Release(ti);
        PyErr_Format(PyExc_NameError, "Name %U not found", name);
        return NULL;
    }
    /* A descriptor without its ITypeInfo (or the reverse): nothing that can
     * be released safely came back. */
    if (ti) ti->lpVtbl->Release(ti);
    return comrt_raise_hr(st, E_UNEXPECTED);
}

static PyObject *tc_bind_type(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "lHashVal", NULL};
    comrt_state *st = comrt_typeinfo_state(self);
    PyObject *name, *tiobj, *tcobj;
    uint32_t hash = 0;
    BSTR buf = NULL;
    ITypeInfo *ti = NULL;
    ITypeComp *tc = NULL;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O&:BindType", kwlist, &name, comrt_conv_u32, &hash)) return NULL;
    if (comrt_name_arg(name, &buf) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = TC(self)->lpVtbl->BindType(TC(self), buf, hash, &ti, &tc);
    Py_END_ALLOW_THREADS
    SysFreeString(buf);
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    tiobj = comrt_com_wrap(st->typeinfo_type, (IUnknown *)ti);
    if (!tiobj) {
        if (tc) tc->lpVtbl->Release(tc);
        return NULL;
    }
    tcobj = comrt_com_wrap(st->typecomp_type, (IUnknown *)tc);
    if (!tcobj) {
        Py_DECREF(tiobj);
        return NULL;
    }
    return Py_BuildValue("(NN)", tiobj, tcobj);
}

static PyMethodDef tc_methods[] = {
    {"Bind", (PyCFunction)(void (*)(void))tc_bind, METH_VARARGS | METH_KEYWORDS,
     "Bind(name, flags=0, lHashVal=0) -> (kind, value)\n\n"
     "('function', FUNCDESC), ('variable', VARDESC), ('type', ITypeComp) or\n"
     "('implicitappobj', VARDESC); NameError when nothing has the name."},
    {"BindType", (PyCFunction)(void (*)(void))tc_bind_type, METH_VARARGS | METH_KEYWORDS,
     "BindType(name, lHashVal=0) -> (ITypeInfo, ITypeComp)\n\n(None, None) when no type has the name."},
    COMRT_COM_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef tc_getset[] = {
    COMRT_COM_GETSET,
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot tc_slots[] = {
    COMRT_COM_SLOTS,
    {Py_tp_methods, tc_methods},
    {Py_tp_getset, tc_getset},
    {Py_tp_doc, "Name binding in a type library or type (ITypeComp)."},
    {0, NULL},
};

PyType_Spec comrt_typecomp_spec = {
    .name = "comrt.ITypeComp",
    .basicsize = sizeof(comrt_ComObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = tc_slots,
};
