/*
 * python/_comrt/module.c — the comrt._comrt module: multi-phase init, the
 * module state (types and cached objects; traversed and cleared for the GC),
 * and the small module-level functions (HRESULT texts, version, round trip).
 */
#include "_comrt.h"

/* The module state of the comrt._comrt module that created `type` or one
 * of its bases (Python subclasses of GUID / VARIANT land here too). */
comrt_state *comrt_state_from_type(PyTypeObject *type)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyObject *module = PyType_GetModuleByDef(type, &comrt_module_def);
    if (!module) return NULL;
    return (comrt_state *)PyModule_GetState(module);
#else
    /* 3.9/3.10 have no PyType_GetModuleByDef: walk the MRO as it does. */
    PyObject *mro = type->tp_mro;
    if (!mro || !PyTuple_Check(mro)) {
        PyErr_SetString(PyExc_TypeError, "comrt: type has no MRO");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *t = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!PyType_HasFeature(t, Py_TPFLAGS_HEAPTYPE)) continue;
        PyObject *m = ((PyHeapTypeObject *)t)->ht_module;
        if (m && PyModule_GetDef(m) == &comrt_module_def) return (comrt_state *)PyModule_GetState(m);
    }
    PyErr_SetString(PyExc_TypeError, "comrt: type is not from comrt._comrt");
    return NULL;
#endif
}

/* Reads an HRESULT argument: any int that fits 32 bits, signed or not
 * (0x80004005 and -2147467259 are the same code).  0 or -1 + exception. */
static int parse_hresult(PyObject *arg, HRESULT *out)
{
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred()) return -1;
    if (v < INT32_MIN || v > (long long)UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "HRESULT out of 32-bit range");
        return -1;
    }
    *out = (HRESULT)(uint32_t)v;
    return 0;
}

static PyObject *mod_hresult_message(PyObject *module, PyObject *arg)
{
    HRESULT hr;
    if (parse_hresult(arg, &hr) < 0) return NULL;
    return comrt_hr_message(hr);
}

static PyObject *mod_hresult_name(PyObject *module, PyObject *arg)
{
    HRESULT hr;
    if (parse_hresult(arg, &hr) < 0) return NULL;
    const char *name = ComrtHResultName(hr);
    if (!name) Py_RETURN_NONE;
    return PyUnicode_FromString(name);
}

static PyObject *mod_version(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString(ComrtVersion());
}

/* roundtrip(value): value -> C VARIANT -> value, the pipeline in one call. */
static PyObject *mod_roundtrip(PyObject *module, PyObject *value)
{
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    VARIANT v;
    VariantInit(&v);
    if (comrt_variant_from_py(st, value, &v) < 0) return NULL;
    PyObject *result = comrt_variant_to_py(st, &v);
    VariantClear(&v);
    return result;
}

static PyMethodDef module_methods[] = {
    {"hresult_message", mod_hresult_message, METH_O,
     "hresult_message(hr) -> str\n\nThe standard message text for an HRESULT (FormatMessage's)."},
    {"hresult_name", mod_hresult_name, METH_O,
     "hresult_name(hr) -> str | None\n\nThe symbolic name of a standard HRESULT ('E_NOINTERFACE')."},
    {"version", mod_version, METH_NOARGS, "version() -> str\n\nlibcomrt's version."},
    {"roundtrip", mod_roundtrip, METH_O,
     "roundtrip(value) -> object\n\nConverts value to a C VARIANT and back to Python."},
    {NULL, NULL, 0, NULL},
};

static int add_int(PyObject *module, const char *name, long value)
{
    return PyModule_AddIntConstant(module, name, value);
}

static int module_exec(PyObject *module)
{
    comrt_state *st = (comrt_state *)PyModule_GetState(module);

    PyObject *decimal = PyImport_ImportModule("decimal");
    if (!decimal) return -1;
    st->decimal_type = PyObject_GetAttrString(decimal, "Decimal");
    Py_DECREF(decimal);
    if (!st->decimal_type) return -1;

    if (comrt_date_init() < 0) return -1;

    st->comerror_type = comrt_comerror_create(module);
    if (!st->comerror_type) return -1;
    Py_INCREF(st->comerror_type);
    if (PyModule_AddObject(module, "COMError", st->comerror_type) < 0) {
        Py_DECREF(st->comerror_type);
        return -1;
    }
    if (comrt_guid_init_type(module, st) < 0) return -1;
    if (comrt_variant_init_type(module, st) < 0) return -1;
    if (comrt_typeinfo_init(module, st) < 0) return -1;
    if (comrt_typecreate_init(module, st) < 0) return -1;
    if (comrt_registry_init(module) < 0) return -1;
    if (comrt_server_init(module) < 0) return -1;
    if (comrt_tlbreg_init(module) < 0) return -1;

    /* The conversion limits the Python layer documents. */
    if (add_int(module, "LOCALE_USER_DEFAULT", LOCALE_USER_DEFAULT) < 0) return -1;
    if (add_int(module, "LOCALE_SYSTEM_DEFAULT", LOCALE_SYSTEM_DEFAULT) < 0) return -1;
    if (add_int(module, "LOCALE_INVARIANT", LOCALE_INVARIANT) < 0) return -1;
    if (PyModule_AddStringConstant(module, "__version__", ComrtVersion()) < 0) return -1;
    return 0;
}

static int module_traverse(PyObject *module, visitproc visit, void *arg)
{
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    if (!st) return 0;
    Py_VISIT(st->guid_type);
    Py_VISIT(st->variant_type);
    Py_VISIT(st->comerror_type);
    Py_VISIT(st->decimal_type);
    Py_VISIT(st->typelib_type);
    Py_VISIT(st->typeinfo_type);
    Py_VISIT(st->typecomp_type);
    Py_VISIT(st->descowner_type);
    Py_VISIT(st->wrap_desc);
    Py_VISIT(st->createtypelib_type);
    Py_VISIT(st->createtypelib2_type);
    Py_VISIT(st->createtypeinfo_type);
    Py_VISIT(st->createtypeinfo2_type);
    Py_VISIT(st->variantcell_type);
    Py_VISIT(st->ct_structs);
    return 0;
}

static int module_clear(PyObject *module)
{
    comrt_state *st = (comrt_state *)PyModule_GetState(module);
    if (!st) return 0;
    Py_CLEAR(st->guid_type);
    Py_CLEAR(st->variant_type);
    Py_CLEAR(st->comerror_type);
    Py_CLEAR(st->decimal_type);
    Py_CLEAR(st->typelib_type);
    Py_CLEAR(st->typeinfo_type);
    Py_CLEAR(st->typecomp_type);
    Py_CLEAR(st->descowner_type);
    Py_CLEAR(st->wrap_desc);
    Py_CLEAR(st->createtypelib_type);
    Py_CLEAR(st->createtypelib2_type);
    Py_CLEAR(st->createtypeinfo_type);
    Py_CLEAR(st->createtypeinfo2_type);
    Py_CLEAR(st->variantcell_type);
    Py_CLEAR(st->ct_structs);
    return 0;
}

static void module_free(void *module)
{
    module_clear((PyObject *)module);
}

static PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, (void *)module_exec},
    {0, NULL},
};

PyModuleDef comrt_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "comrt._comrt",
    .m_doc = "comrt's C binding: GUID, VARIANT, COMError and the type-library objects over libcomrt.",
    .m_size = sizeof(comrt_state),
    .m_methods = module_methods,
    .m_slots = module_slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
    .m_free = module_free,
};

PyMODINIT_FUNC PyInit__comrt(void)
{
    return PyModuleDef_Init(&comrt_module_def);
}
