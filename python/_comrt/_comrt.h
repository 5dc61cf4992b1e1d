/*
 * python/_comrt/_comrt.h — what the files of the comrt._comrt extension share:
 * the module state (every type and cached object lives there; no global
 * PyObject*), the object layouts, and the conversion entry points.
 *
 * The extension is a thin binding: the real work (GUID strings, VARIANT
 * life cycle and conversions, SAFEARRAY) is libcomrt's, called through its
 * public Win32 API only.
 */
#ifndef COMRT_PY_COMRT_H
#define COMRT_PY_COMRT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h> /* PyMemberDef on 3.9/3.10 (typeinfo*.c) */

#include <comrt.h>
#include <string.h>

/* Per-module state.  Types are heap types created in module exec. */
typedef struct {
    PyTypeObject *guid_type;
    PyTypeObject *variant_type;
    PyObject *comerror_type; /* comrt.COMError, an Exception subclass */
    PyObject *decimal_type;  /* decimal.Decimal */
    /* typeinfo*.c: the type-library wrappers, the owner of a TYPEATTR /
     * FUNCDESC / VARDESC / TLIBATTR, and comrt.typeinfo._wrap_desc (the
     * ctypes view maker, imported on first use). */
    PyTypeObject *typelib_type;
    PyTypeObject *typeinfo_type;
    PyTypeObject *typecomp_type;
    PyTypeObject *descowner_type;
    PyObject *wrap_desc;
    /* typecreate*.c: the writer's wrappers (ICreateTypeLib2 derives from
     * ICreateTypeLib, ICreateTypeInfo2 from ICreateTypeInfo), _VariantCell,
     * and the comrt.typeinfo Structure classes its methods accept
     * (FUNCDESC, VARDESC, TYPEDESC, IDLDESC; fetched on first use). */
    PyTypeObject *createtypelib_type;
    PyTypeObject *createtypelib2_type;
    PyTypeObject *createtypeinfo_type;
    PyTypeObject *createtypeinfo2_type;
    PyTypeObject *variantcell_type;
    PyObject *ct_structs;
} comrt_state;

extern PyModuleDef comrt_module_def;

/* The state of the comrt._comrt module that defined `type` (or one of its
 * bases, for Python subclasses).  Never NULL once the module is executed. */
comrt_state *comrt_state_from_type(PyTypeObject *type);

/* ---- objects ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    GUID guid;
} comrt_GUIDObject;

typedef struct {
    PyObject_HEAD
    VARIANT var; /* owned: VariantClear'ed on dealloc */
    /* Readers converting var right now.  Conversion may run Python code
     * (a GC finalizer, another thread); while busy, var must not be
     * replaced or its BSTRs / arrays would be freed under the reader. */
    int busy;
} comrt_VariantObject;

/* A type's short name ("GUID" for comrt.GUID), for reprs. */
static inline const char *comrt_type_name(PyTypeObject *type)
{
    const char *dot = strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

/* ---- error.c ------------------------------------------------------------ */

/* Creates comrt.COMError (comtypes' shape: args (hresult, text, details)
 * and the attributes hresult, text, details).  New reference or NULL. */
PyObject *comrt_comerror_create(PyObject *module);

/* Raises COMError(hr, <standard message for hr>, (None, None, None, 0, None)).
 * Always returns NULL so callers can `return comrt_raise_hr(...)`. */
PyObject *comrt_raise_hr(comrt_state *st, HRESULT hr);

/* The standard message for hr as a new str (never fails for a valid hr,
 * NULL with an exception set only when out of memory). */
PyObject *comrt_hr_message(HRESULT hr);

/* A Python str from a BSTR-like buffer of `len` UTF-16 units (lone
 * surrogates kept, so any BSTR round-trips).  New reference or NULL. */
PyObject *comrt_str_from_utf16(const OLECHAR *s, size_t len);

/* A new BSTR holding the UTF-16 form of a str (astral characters as
 * surrogate pairs, lone surrogates passed through).  Caller frees with
 * SysFreeString.  NULL with an exception set on failure. */
BSTR comrt_bstr_from_str(PyObject *str);

/* ---- guid.c / variant.c ------------------------------------------------- */

int comrt_guid_init_type(PyObject *module, comrt_state *st);
/* A new comrt GUID object holding *g.  New reference or NULL. */
PyObject *comrt_guid_new(comrt_state *st, const GUID *g);
int comrt_variant_init_type(PyObject *module, comrt_state *st);

/* ---- convert.c ---------------------------------------------------------- */

/* Fills the empty (VT_EMPTY) *out from a Python value, comtypes' rules:
 * None -> VT_EMPTY, bool -> VT_BOOL, int -> VT_I4/VT_I8/VT_UI8/VT_R8,
 * float -> VT_R8, str -> VT_BSTR, datetime -> VT_DATE, Decimal -> VT_CY,
 * bytes/bytearray -> VT_ARRAY|VT_UI1, tuple/list -> VT_ARRAY|VT_VARIANT,
 * a comrt VARIANT -> a copy of it.  Returns 0, or -1 with an exception set
 * and *out still VT_EMPTY.  Caller owns *out (VariantClear). */
int comrt_variant_from_py(comrt_state *st, PyObject *value, VARIANT *out);

/* The Python value of *v (borrowed; not modified).  New reference or NULL. */
PyObject *comrt_variant_to_py(comrt_state *st, const VARIANT *v);

/* ---- convert_date.c ----------------------------------------------------- */

/* Imports the datetime C API (module exec calls it).  0 or -1. */
int comrt_date_init(void);
/* Whether o is a datetime.datetime (or subclass). */
int comrt_is_datetime(PyObject *o);
/* datetime.datetime -> DATE, exact to the microsecond as far as a double
 * holds it (whole milliseconds always round-trip).  0 or -1 + exception. */
int comrt_date_from_datetime(comrt_state *st, PyObject *dt, DATE *out);
/* DATE -> naive datetime.datetime.  New reference or NULL. */
PyObject *comrt_datetime_from_date(comrt_state *st, DATE d);

/* ---- convert_array.c ---------------------------------------------------- */

/* A new 1-D SAFEARRAY of VARIANT (lower bound 0) holding a converted copy
 * of every item of the sequence.  0 or -1 + exception; caller destroys. */
int comrt_safearray_from_seq(comrt_state *st, PyObject *seq, SAFEARRAY **out);
/* A new VT_UI1 vector holding the bytes of a buffer-protocol object. */
int comrt_safearray_from_bytes(comrt_state *st, PyObject *obj, SAFEARRAY **out);
/* A SAFEARRAY of element type vt as nested tuples (outermost = dimension 1,
 * as comtypes unpacks), or bytes for a 1-D VT_UI1 array. */
PyObject *comrt_safearray_to_py(comrt_state *st, SAFEARRAY *psa, VARTYPE vt);

/* ---- typeinfo*.c: ITypeLib / ITypeInfo / ITypeComp ---------------------- */

/* One layout for the three wrapper types: an owned interface pointer
 * (ITypeLib*, ITypeInfo* or ITypeComp*, by the object's type), released
 * when the object dies. */
typedef struct {
    PyObject_HEAD
    IUnknown *punk;
    PyObject *weakreflist;
} comrt_ComObject;

/* What a descriptor owner holds (comrt_desc_wrap's `kind`). */
enum {
    COMRT_DESC_TYPEATTR = 0,
    COMRT_DESC_FUNCDESC = 1,
    COMRT_DESC_VARDESC = 2,
    COMRT_DESC_TLIBATTR = 3,
};

/* Creates the wrapper types and adds the type-library functions
 * (LoadTypeLib, ...) to the module.  0 or -1. */
int comrt_typeinfo_init(PyObject *module, comrt_state *st);
/* Specs of the wrapper types (typeinfo_lib.c, typeinfo_info.c,
 * typeinfo_comp.c). */
extern PyType_Spec comrt_typelib_spec, comrt_typeinfo_spec, comrt_typecomp_spec;
extern PyType_Spec comrt_descowner_spec;

/* A new wrapper of `type` owning the reference punk (stolen; NULL gives
 * None).  On failure punk is released.  New reference or NULL. */
PyObject *comrt_com_wrap(PyTypeObject *type, IUnknown *punk);
/* The ctypes view of a descriptor: `desc` came from `source` (an ITypeInfo
 * for TYPEATTR/FUNCDESC/VARDESC, an ITypeLib for TLIBATTR) and is handed
 * back to source's Release* when the view and everything derived from it
 * are gone.  Steals the reference on source and the descriptor, even on
 * failure.  New reference or NULL. */
PyObject *comrt_desc_wrap(comrt_state *st, int kind, IUnknown *source, void *desc);
/* str for a BSTR (None for NULL), freeing it.  With `cut`, the text ends
 * at the first NUL as comtypes' fix_name has it.  New reference or NULL. */
PyObject *comrt_bstr_take(BSTR b, int cut);
/* A path argument (str, bytes or os.PathLike) as a new NUL-free BSTR the
 * caller frees; 0, or -1 with an exception set. */
int comrt_path_arg(PyObject *path, BSTR *out);
/* (name, docstring, helpcontext, helpfile) from GetDocumentation's four
 * outputs, freeing the BSTRs.  New reference or NULL. */
PyObject *comrt_doc_tuple(BSTR name, BSTR doc, DWORD ctx, BSTR file, int cut);
/* (helpstring, helpstringcontext, helpstringdll) of GetDocumentation2; takes the BSTRs. */
PyObject *comrt_doc2_tuple(BSTR text, DWORD ctx, BSTR dll);
/* The elements of a CUSTDATA as a list of (GUID, value), clearing it. */
PyObject *comrt_custdata_take(comrt_state *st, CUSTDATA *cd);
/* A VARIANT's value as Python, clearing it.  New reference or NULL. */
PyObject *comrt_variant_take(comrt_state *st, VARIANT *v);
/* PyArg "O&" converter: any int in [-2**31, 2**32) as 32 bits (so -1 and
 * 0xFFFFFFFF both mean the dual pair's index, as through ctypes' UINT). */
int comrt_conv_u32(PyObject *o, void *out);
/* A str (NUL-free) into a new BSTR *out; the caller frees it with
 * SysFreeString.  0, or -1 + exception. */
int comrt_name_arg(PyObject *o, BSTR *out);
/* A comrt.GUID or a GUID string into *out.  0, or -1 + exception. */
int comrt_guid_arg(comrt_state *st, PyObject *o, GUID *out);
/* What the three wrapper types share (typeinfo.c): dealloc (Release with
 * the GIL released), repr, equality and hash by interface pointer, and
 * the private helpers _refcount() (AddRef + Release: the count, for
 * tests), _ptr_ (the interface pointer) and _from_ptr(address). */
PyObject *comrt_com_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
void comrt_com_dealloc(PyObject *op);
PyObject *comrt_com_repr(PyObject *op);
PyObject *comrt_com_richcompare(PyObject *a, PyObject *b, int op);
Py_hash_t comrt_com_hash(PyObject *op);
PyObject *comrt_com_refcount(PyObject *op, PyObject *unused);
PyObject *comrt_com_get_ptr(PyObject *op, void *c);
PyObject *comrt_com_from_ptr(PyObject *cls, PyObject *arg);
#define COMRT_COM_METHODS                                                                                   \
    {"_refcount", comrt_com_refcount, METH_NOARGS, "_refcount() -> int\n\nThe object's COM reference count " \
                                                   "(AddRef + Release), for tests."},                        \
    {"_from_ptr", comrt_com_from_ptr, METH_O | METH_CLASS,                                                   \
     "_from_ptr(address) -> wrapper\n\nQueryInterface's the pointer at address (unsafe, like ctypes)."}
#define COMRT_COM_GETSET {"_ptr_", comrt_com_get_ptr, NULL, "the interface pointer (int)", NULL}
#define COMRT_COM_SLOTS                                                                                     \
    {Py_tp_new, comrt_com_new}, {Py_tp_dealloc, comrt_com_dealloc}, {Py_tp_repr, comrt_com_repr},          \
        {Py_tp_richcompare, comrt_com_richcompare}, {Py_tp_hash, comrt_com_hash},                           \
        {Py_tp_members, comrt_com_members}
extern PyMemberDef comrt_com_members[];

/* The module state for a method of one of the wrapper types. */
comrt_state *comrt_typeinfo_state(PyObject *self);

/* ---- typecreate*.c: ICreateTypeLib(2) / ICreateTypeInfo(2) ---------------- */

/* Creates the writer's wrapper types and _VariantCell and adds
 * CreateTypeLib to the module.  0 or -1. */
int comrt_typecreate_init(PyObject *module, comrt_state *st);
/* Specs (typecreate_lib.c, typecreate_info.c); the "2" types derive from
 * the others and add the "2" interface's methods. */
extern PyType_Spec comrt_createtypelib_spec, comrt_createtypelib2_spec;
extern PyType_Spec comrt_createtypeinfo_spec, comrt_createtypeinfo2_spec;

/* The kinds of wrapper QueryInterface can answer with. */
enum {
    COMRT_CT_KIND_TYPELIB = 0,
    COMRT_CT_KIND_TYPEINFO = 1,
    COMRT_CT_KIND_CREATELIB = 2,
    COMRT_CT_KIND_CREATEINFO = 3,
    COMRT_CT_KIND_TYPECOMP = 4,
};
/* Indexes into comrt_state.ct_structs (comrt_ct_struct_arg's `which`). */
enum {
    COMRT_CT_FUNCDESC = 0,
    COMRT_CT_VARDESC = 1,
    COMRT_CT_TYPEDESC = 2,
    COMRT_CT_IDLDESC = 3,
    COMRT_CT_NSTRUCTS = 4,
};

/* PyArg "O&" converter (Py_CLEANUP_SUPPORTED: PyArg frees it when a later
 * argument fails): a str into a new BSTR, None into NULL (libcomrt then
 * answers as oleaut32 does for a NULL string).  *out (BSTR) must start
 * NULL; on success the caller frees it with SysFreeString. */
int comrt_ct_opt_str(PyObject *o, void *out);
/* PyArg "O&" converter: an int in [0, 0xFFFF] into a WORD (OverflowError
 * otherwise). */
int comrt_ct_conv_word(PyObject *o, void *out);
/* The memory of a comrt.typeinfo Structure instance of class `which`
 * (at least `size` bytes), as a buffer the caller releases with
 * comrt_ct_struct_release; None gives view->buf NULL.  0 or -1. */
int comrt_ct_struct_arg(comrt_state *st, PyObject *o, int which, size_t size, Py_buffer *view);
void comrt_ct_struct_release(Py_buffer *view);
/* An ITypeInfo (AddRef'd, caller releases) from a comrt ITypeInfo or
 * ICreateTypeInfo wrapper (QueryInterface'd, as comtypes' from_param
 * does); None gives NULL.  0 or -1 + exception. */
int comrt_ct_typeinfo_arg(comrt_state *st, PyObject *o, ITypeInfo **out);
/* QueryInterface(interface, iid=None) for the writer's wrappers. */
PyObject *comrt_ct_query_interface(PyObject *self, PyObject *args, PyObject *kwds);
/* tp_new (refuses: only CreateTypeLib makes these) and _from_ptr. */
PyObject *comrt_ct_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
PyObject *comrt_ct_from_ptr(PyObject *cls, PyObject *arg);
#define COMRT_CT_COMMON_METHODS                                                                             \
    {"QueryInterface", (PyCFunction)(void (*)(void))comrt_ct_query_interface, METH_VARARGS | METH_KEYWORDS, \
     "QueryInterface(interface, iid=None) -> wrapper\n\ninterface: ITypeLib / ITypeInfo (a snapshot of "    \
     "what is built so far), ICreateTypeLib2 / ICreateTypeInfo2, a class with _iid_, or an IID."},          \
    {"_refcount", comrt_com_refcount, METH_NOARGS, "_refcount() -> int\n\nThe COM reference count, for tests."}, \
    {"_from_ptr", comrt_ct_from_ptr, METH_O | METH_CLASS,                                                    \
     "_from_ptr(address) -> wrapper\n\nQueryInterface's the pointer at address (unsafe, like ctypes)."}

/* ---- registry.c: the Reg* calls under comrt.registry --------------------- */

/* Adds the reg_* functions and the HKEY_* root handles to the module.  0 or -1. */
int comrt_registry_init(PyObject *module);

/* ---- server.c: register_server (comrt register / unregister) ------------- */

/* Adds register_server to the module.  0 or -1. */
int comrt_server_init(PyObject *module);

/* ---- tlbreg.c: register_typelib / unregister_typelib (comrt tlb ...) ----- */

/* Adds register_typelib and unregister_typelib to the module.  0 or -1. */
int comrt_tlbreg_init(PyObject *module);

#endif /* COMRT_PY_COMRT_H */
