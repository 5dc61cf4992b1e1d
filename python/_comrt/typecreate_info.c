/*
 * python/_comrt/typecreate_info.c — comrt.ICreateTypeInfo and its subclass
 * comrt.ICreateTypeInfo2: one type of a library being built, with
 * comtypes' method names and shapes: AddRefTypeInfo(tinfo) -> HREFTYPE,
 * AddFuncDesc(index, FUNCDESC), AddVarDesc(index, VARDESC),
 * SetFuncAndParamNames(index, *names), SetTypeDescAlias(TYPEDESC), ...,
 * plus ICreateTypeInfo2's Delete* / Set*CustData / Set*HelpStringContext /
 * Invalidate / SetName.  Descriptors are comrt.typeinfo's ctypes
 * Structures (see typecreate.c).  Every call runs without the GIL; a
 * failed one raises COMError with the HRESULT.
 */
#include "_comrt.h"

#define CTI(self) ((ICreateTypeInfo2 *)((comrt_ComObject *)(self))->punk)

/* Cap on SetFuncAndParamNames' count: a name for the function and for
 * each of at most 0x7FFF parameters. */
#define MAX_NAMES 0x8000

#define RETURN_HR(st, hr)                                     \
    do {                                                      \
        if (FAILED(hr)) return comrt_raise_hr((st), (hr));   \
        Py_RETURN_NONE;                                       \
    } while (0)

/* ---- setters with no index: a string, a number, or nothing ---------------- */

enum { S_DOC, S_SCHEMA, S_NAME };

static PyObject *set_str(PyObject *self, PyObject *arg, int op)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    BSTR s = NULL;
    HRESULT hr;

    if (!st || !comrt_ct_opt_str(arg, &s)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (op) {
    case S_DOC: hr = c->lpVtbl->SetDocString(c, s); break;
    case S_SCHEMA: hr = c->lpVtbl->SetSchema(c, s); break;
    default: hr = c->lpVtbl->SetName(c, s); break;
    }
    Py_END_ALLOW_THREADS
    SysFreeString(s);
    RETURN_HR(st, hr);
}

enum { U_TYPEFLAGS, U_HELPCTX, U_HELPSTRCTX, U_ALIGN, U_LAYOUT, U_INVALIDATE };

static PyObject *set_u32(PyObject *self, PyObject *arg, int op)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    uint32_t v = 0;
    WORD w = 0;
    HRESULT hr;

    if (!st) return NULL;
    if (op == U_ALIGN) {
        if (!comrt_ct_conv_word(arg, &w)) return NULL;
    } else if (op != U_LAYOUT && op != U_INVALIDATE) {
        if (!comrt_conv_u32(arg, &v)) return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    switch (op) {
    case U_TYPEFLAGS: hr = c->lpVtbl->SetTypeFlags(c, v); break;
    case U_HELPCTX: hr = c->lpVtbl->SetHelpContext(c, v); break;
    case U_HELPSTRCTX: hr = c->lpVtbl->SetHelpStringContext(c, v); break;
    case U_ALIGN: hr = c->lpVtbl->SetAlignment(c, w); break;
    case U_LAYOUT: hr = c->lpVtbl->LayOut(c); break;
    default: hr = c->lpVtbl->Invalidate(c); break;
    }
    Py_END_ALLOW_THREADS
    RETURN_HR(st, hr);
}

/* ---- setters of one member, by index --------------------------------------- */

enum { IS_VARNAME, IS_FUNCDOC, IS_VARDOC, IS_MOPS };

static PyObject *index_str(PyObject *self, PyObject *args, int op, const char *fmt)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    uint32_t index;
    BSTR s = NULL;
    HRESULT hr;

    if (!st || !PyArg_ParseTuple(args, fmt, comrt_conv_u32, &index, comrt_ct_opt_str, &s)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (op) {
    case IS_VARNAME: hr = c->lpVtbl->SetVarName(c, index, s); break;
    case IS_FUNCDOC: hr = c->lpVtbl->SetFuncDocString(c, index, s); break;
    case IS_VARDOC: hr = c->lpVtbl->SetVarDocString(c, index, s); break;
    default: hr = c->lpVtbl->SetMops(c, index, s); break;
    }
    Py_END_ALLOW_THREADS
    SysFreeString(s);
    RETURN_HR(st, hr);
}

enum {
    IU_FUNCHELPCTX, IU_VARHELPCTX, IU_FUNCHELPSTRCTX, IU_VARHELPSTRCTX, IU_ADDIMPL, IU_IMPLFLAGS, IU_DELFUNCMEMID,
};

static PyObject *index_u32(PyObject *self, PyObject *args, int op, const char *fmt)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    uint32_t index, v;
    HRESULT hr;

    if (!st || !PyArg_ParseTuple(args, fmt, comrt_conv_u32, &index, comrt_conv_u32, &v)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (op) {
    case IU_FUNCHELPCTX: hr = c->lpVtbl->SetFuncHelpContext(c, index, v); break;
    case IU_VARHELPCTX: hr = c->lpVtbl->SetVarHelpContext(c, index, v); break;
    case IU_FUNCHELPSTRCTX: hr = c->lpVtbl->SetFuncHelpStringContext(c, index, v); break;
    case IU_VARHELPSTRCTX: hr = c->lpVtbl->SetVarHelpStringContext(c, index, v); break;
    case IU_ADDIMPL: hr = c->lpVtbl->AddImplType(c, index, (HREFTYPE)v); break;
    case IU_IMPLFLAGS: hr = c->lpVtbl->SetImplTypeFlags(c, index, (INT)v); break;
    default: hr = c->lpVtbl->DeleteFuncDescByMemId(c, (MEMBERID)index, (INVOKEKIND)v); break;
    }
    Py_END_ALLOW_THREADS
    RETURN_HR(st, hr);
}

enum { I_DELFUNC, I_DELVAR, I_DELIMPL, I_DELVARMEMID };

static PyObject *index_only(PyObject *self, PyObject *arg, int op)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    uint32_t index;
    HRESULT hr;

    if (!st || !comrt_conv_u32(arg, &index)) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (op) {
    case I_DELFUNC: hr = c->lpVtbl->DeleteFuncDesc(c, index); break;
    case I_DELVAR: hr = c->lpVtbl->DeleteVarDesc(c, index); break;
    case I_DELIMPL: hr = c->lpVtbl->DeleteImplType(c, index); break;
    default: hr = c->lpVtbl->DeleteVarDescByMemId(c, (MEMBERID)index); break;
    }
    Py_END_ALLOW_THREADS
    RETURN_HR(st, hr);
}

#define STR_METHOD(fn, op) \
    static PyObject *fn(PyObject *self, PyObject *arg) { return set_str(self, arg, op); }
#define U32_METHOD(fn, op) \
    static PyObject *fn(PyObject *self, PyObject *arg) { return set_u32(self, arg, op); }
#define INDEX_STR_METHOD(fn, op, fmt) \
    static PyObject *fn(PyObject *self, PyObject *args) { return index_str(self, args, op, "O&O&:" fmt); }
#define INDEX_U32_METHOD(fn, op, fmt) \
    static PyObject *fn(PyObject *self, PyObject *args) { return index_u32(self, args, op, "O&O&:" fmt); }
#define INDEX_METHOD(fn, op) \
    static PyObject *fn(PyObject *self, PyObject *arg) { return index_only(self, arg, op); }
STR_METHOD(cti_set_doc_string, S_DOC)
STR_METHOD(cti_set_schema, S_SCHEMA)
STR_METHOD(cti_set_name, S_NAME)
U32_METHOD(cti_set_type_flags, U_TYPEFLAGS)
U32_METHOD(cti_set_help_context, U_HELPCTX)
U32_METHOD(cti_set_help_string_context, U_HELPSTRCTX)
U32_METHOD(cti_set_alignment, U_ALIGN)
U32_METHOD(cti_lay_out, U_LAYOUT)
U32_METHOD(cti_invalidate, U_INVALIDATE)
INDEX_STR_METHOD(cti_set_var_name, IS_VARNAME, "SetVarName")
INDEX_STR_METHOD(cti_set_func_doc_string, IS_FUNCDOC, "SetFuncDocString")
INDEX_STR_METHOD(cti_set_var_doc_string, IS_VARDOC, "SetVarDocString")
INDEX_STR_METHOD(cti_set_mops, IS_MOPS, "SetMops")
INDEX_U32_METHOD(cti_set_func_help_context, IU_FUNCHELPCTX, "SetFuncHelpContext")
INDEX_U32_METHOD(cti_set_var_help_context, IU_VARHELPCTX, "SetVarHelpContext")
INDEX_U32_METHOD(cti_set_func_help_string_context, IU_FUNCHELPSTRCTX, "SetFuncHelpStringContext")
INDEX_U32_METHOD(cti_set_var_help_string_context, IU_VARHELPSTRCTX, "SetVarHelpStringContext")
INDEX_U32_METHOD(cti_add_impl_type, IU_ADDIMPL, "AddImplType")
INDEX_U32_METHOD(cti_set_impl_type_flags, IU_IMPLFLAGS, "SetImplTypeFlags")
INDEX_U32_METHOD(cti_delete_func_desc_by_memid, IU_DELFUNCMEMID, "DeleteFuncDescByMemId")
INDEX_METHOD(cti_delete_func_desc, I_DELFUNC)
INDEX_METHOD(cti_delete_var_desc, I_DELVAR)
INDEX_METHOD(cti_delete_impl_type, I_DELIMPL)
INDEX_METHOD(cti_delete_var_desc_by_memid, I_DELVARMEMID)

/* ---- the rest ------------------------------------------------------------------ */

static PyObject *cti_set_guid(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    GUID guid;
    HRESULT hr;

    if (!st || comrt_guid_arg(st, arg, &guid) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->SetGuid(c, &guid);
    Py_END_ALLOW_THREADS
    RETURN_HR(st, hr);
}

static PyObject *cti_set_version(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    WORD major, minor;
    HRESULT hr;

    if (!st) return NULL;
    if (!PyArg_ParseTuple(args, "O&O&:SetVersion", comrt_ct_conv_word, &major, comrt_ct_conv_word, &minor))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->SetVersion(c, major, minor);
    Py_END_ALLOW_THREADS
    RETURN_HR(st, hr);
}

static PyObject *cti_add_ref_type_info(PyObject *self, PyObject *arg)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    ITypeInfo *ti = NULL;
    HREFTYPE href = 0;
    HRESULT hr;

    if (!st || comrt_ct_typeinfo_arg(st, arg, &ti) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->AddRefTypeInfo(c, ti, &href);
    if (ti) ti->lpVtbl->Release(ti);
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) return comrt_raise_hr(st, hr);
    return PyLong_FromUnsignedLong(href);
}

/* AddFuncDesc / AddVarDesc: (index, descriptor). */
static PyObject *add_desc(PyObject *self, PyObject *args, int which)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    const char *fmt = which == COMRT_CT_FUNCDESC ? "O&O:AddFuncDesc" : "O&O:AddVarDesc";
    size_t size = which == COMRT_CT_FUNCDESC ? sizeof(FUNCDESC) : sizeof(VARDESC);
    uint32_t index;
    PyObject *desc;
    Py_buffer view;
    HRESULT hr;

    if (!st || !PyArg_ParseTuple(args, fmt, comrt_conv_u32, &index, &desc)) return NULL;
    if (comrt_ct_struct_arg(st, desc, which, size, &view) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    if (which == COMRT_CT_FUNCDESC) hr = c->lpVtbl->AddFuncDesc(c, index, (FUNCDESC *)view.buf);
    else hr = c->lpVtbl->AddVarDesc(c, index, (VARDESC *)view.buf);
    Py_END_ALLOW_THREADS
    comrt_ct_struct_release(&view);
    RETURN_HR(st, hr);
}

static PyObject *cti_add_func_desc(PyObject *self, PyObject *args)
{
    return add_desc(self, args, COMRT_CT_FUNCDESC);
}

static PyObject *cti_add_var_desc(PyObject *self, PyObject *args)
{
    return add_desc(self, args, COMRT_CT_VARDESC);
}

/* SetTypeDescAlias(TYPEDESC) / SetTypeIdldesc(IDLDESC). */
static PyObject *set_desc(PyObject *self, PyObject *arg, int which)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    size_t size = which == COMRT_CT_TYPEDESC ? sizeof(TYPEDESC) : sizeof(IDLDESC);
    Py_buffer view;
    HRESULT hr;

    if (!st || comrt_ct_struct_arg(st, arg, which, size, &view) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    if (which == COMRT_CT_TYPEDESC) hr = c->lpVtbl->SetTypeDescAlias(c, (TYPEDESC *)view.buf);
    else hr = c->lpVtbl->SetTypeIdldesc(c, (IDLDESC *)view.buf);
    Py_END_ALLOW_THREADS
    comrt_ct_struct_release(&view);
    RETURN_HR(st, hr);
}

static PyObject *cti_set_type_desc_alias(PyObject *self, PyObject *arg)
{
    return set_desc(self, arg, COMRT_CT_TYPEDESC);
}

static PyObject *cti_set_type_idldesc(PyObject *self, PyObject *arg)
{
    return set_desc(self, arg, COMRT_CT_IDLDESC);
}

/* SetFuncAndParamNames(index, *names): comtypes' Python-level shape. */
static PyObject *cti_set_func_and_param_names(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    Py_ssize_t n = PyTuple_GET_SIZE(args), made = 0, i;
    uint32_t index;
    BSTR *names = NULL;
    PyObject *result = NULL;
    HRESULT hr;

    if (!st) return NULL;
    if (n < 1) {
        PyErr_SetString(PyExc_TypeError, "SetFuncAndParamNames(index, *names) takes an index");
        return NULL;
    }
    if (n - 1 > MAX_NAMES) {
        PyErr_Format(PyExc_ValueError, "SetFuncAndParamNames takes at most %d names", MAX_NAMES);
        return NULL;
    }
    if (!comrt_conv_u32(PyTuple_GET_ITEM(args, 0), &index)) return NULL;
    names = PyMem_Calloc((size_t)n, sizeof(BSTR)); /* n >= 1: never a zero-size request */
    if (!names) return PyErr_NoMemory();
    for (made = 0; made < n - 1; made++)
        if (comrt_name_arg(PyTuple_GET_ITEM(args, made + 1), &names[made]) < 0) goto out;
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->SetFuncAndParamNames(c, index, names, (UINT)(n - 1));
    Py_END_ALLOW_THREADS
    if (FAILED(hr)) {
        comrt_raise_hr(st, hr);
        goto out;
    }
    Py_INCREF(Py_None);
    result = Py_None;
out:
    for (i = 0; i < made; i++) SysFreeString(names[i]);
    PyMem_Free(names);
    return result;
}

/* DefineFuncAsDllEntry(index, szDllName, szProcName): szProcName an int
 * below 0x10000 is an ordinal, passed in the pointer as oleaut32 has it. */
static PyObject *cti_define_func_as_dll_entry(PyObject *self, PyObject *args)
{
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    uint32_t index, ordinal = 0;
    PyObject *proc;
    BSTR dll = NULL, name = NULL;
    LPOLESTR procarg;
    HRESULT hr;

    if (!st || !PyArg_ParseTuple(args, "O&O&O:DefineFuncAsDllEntry", comrt_conv_u32, &index, comrt_ct_opt_str, &dll,
                                 &proc))
        return NULL;
    if (PyLong_Check(proc)) {
        if (!comrt_conv_u32(proc, &ordinal) || ordinal > 0xFFFF) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_OverflowError, "an ordinal is below 0x10000");
            SysFreeString(dll);
            return NULL;
        }
        procarg = (LPOLESTR)(uintptr_t)ordinal;
    } else {
        if (!comrt_ct_opt_str(proc, &name)) {
            SysFreeString(dll);
            return NULL;
        }
        procarg = name;
    }
    Py_BEGIN_ALLOW_THREADS
    hr = c->lpVtbl->DefineFuncAsDllEntry(c, index, dll, procarg);
    Py_END_ALLOW_THREADS
    SysFreeString(dll);
    SysFreeString(name);
    RETURN_HR(st, hr);
}

/* ---- custom data: one of five places, addressed by 0, 1 or 2 indexes ------------ */

enum { CD_TYPE, CD_FUNC, CD_PARAM, CD_VAR, CD_IMPLTYPE };

static PyObject *cd_set(PyObject *self, PyObject *args, int where)
{
    static const char *const fmts[] = {
        [CD_TYPE] = "OO:SetCustData",
        [CD_FUNC] = "O&OO:SetFuncCustData",
        [CD_PARAM] = "O&O&OO:SetParamCustData",
        [CD_VAR] = "O&OO:SetVarCustData",
        [CD_IMPLTYPE] = "O&OO:SetImplTypeCustData",
    };
    comrt_state *st = comrt_typeinfo_state(self);
    ICreateTypeInfo2 *c = CTI(self);
    uint32_t i = 0, j = 0;
    PyObject *g, *value;
    GUID guid;
    VARIANT v;
    int ok;
    HRESULT hr;

    if (!st) return NULL;
    switch (where) {
    case CD_TYPE: ok = PyArg_ParseTuple(args, fmts[where], &g, &value); break;
    case CD_PARAM:
        ok = PyArg_ParseTuple(args, fmts[where], comrt_conv_u32, &i, comrt_conv_u32, &j, &g, &value);
        break;
    default: ok = PyArg_ParseTuple(args, fmts[where], comrt_conv_u32, &i, &g, &value); break;
    }
    if (!ok || comrt_guid_arg(st, g, &guid) < 0) return NULL;
    VariantInit(&v);
    if (comrt_variant_from_py(st, value, &v) < 0) return NULL;
    Py_BEGIN_ALLOW_THREADS
    switch (where) {
    case CD_TYPE: hr = c->lpVtbl->SetCustData(c, &guid, &v); break;
    case CD_FUNC: hr = c->lpVtbl->SetFuncCustData(c, i, &guid, &v); break;
    case CD_PARAM: hr = c->lpVtbl->SetParamCustData(c, i, j, &guid, &v); break;
    case CD_VAR: hr = c->lpVtbl->SetVarCustData(c, i, &guid, &v); break;
    default: hr = c->lpVtbl->SetImplTypeCustData(c, i, &guid, &v); break;
    }
    Py_END_ALLOW_THREADS
    VariantClear(&v);
    RETURN_HR(st, hr);
}

#define CD_METHOD(fn, where) \
    static PyObject *fn(PyObject *self, PyObject *args) { return cd_set(self, args, where); }
CD_METHOD(cti_set_cust_data, CD_TYPE)
CD_METHOD(cti_set_func_cust_data, CD_FUNC)
CD_METHOD(cti_set_param_cust_data, CD_PARAM)
CD_METHOD(cti_set_var_cust_data, CD_VAR)
CD_METHOD(cti_set_impl_type_cust_data, CD_IMPLTYPE)

/* ---- the types ---------------------------------------------------------------------- */

static PyMethodDef cti_methods[] = {
    {"SetGuid", cti_set_guid, METH_O, "SetGuid(guid)"},
    {"SetTypeFlags", cti_set_type_flags, METH_O, "SetTypeFlags(uTypeFlags)  (TYPEFLAG_*)"},
    {"SetDocString", cti_set_doc_string, METH_O, "SetDocString(pStrDoc)"},
    {"SetHelpContext", cti_set_help_context, METH_O, "SetHelpContext(dwHelpContext)"},
    {"SetVersion", cti_set_version, METH_VARARGS, "SetVersion(wMajorVerNum, wMinorVerNum)"},
    {"AddRefTypeInfo", cti_add_ref_type_info, METH_O,
     "AddRefTypeInfo(tinfo) -> int (HREFTYPE)\n\ntinfo: an ITypeInfo, or an ICreateTypeInfo of this library."},
    {"AddFuncDesc", cti_add_func_desc, METH_VARARGS, "AddFuncDesc(index, funcdesc)  (comrt.typeinfo.FUNCDESC)"},
    {"AddImplType", cti_add_impl_type, METH_VARARGS, "AddImplType(index, hRefType)"},
    {"SetImplTypeFlags", cti_set_impl_type_flags, METH_VARARGS,
     "SetImplTypeFlags(index, implTypeFlags)  (IMPLTYPEFLAG_*)"},
    {"SetAlignment", cti_set_alignment, METH_O, "SetAlignment(cbAlignment)"},
    {"SetSchema", cti_set_schema, METH_O, "SetSchema(pStrSchema)"},
    {"AddVarDesc", cti_add_var_desc, METH_VARARGS, "AddVarDesc(index, vardesc)  (comrt.typeinfo.VARDESC)"},
    {"SetFuncAndParamNames", cti_set_func_and_param_names, METH_VARARGS,
     "SetFuncAndParamNames(index, *names)\n\nThe function's name, then its parameters' names."},
    {"SetVarName", cti_set_var_name, METH_VARARGS, "SetVarName(index, szName)"},
    {"SetTypeDescAlias", cti_set_type_desc_alias, METH_O, "SetTypeDescAlias(tdesc)  (comrt.typeinfo.TYPEDESC)"},
    {"DefineFuncAsDllEntry", cti_define_func_as_dll_entry, METH_VARARGS,
     "DefineFuncAsDllEntry(index, szDllName, szProcName)\n\nszProcName: a name, or an int ordinal."},
    {"SetFuncDocString", cti_set_func_doc_string, METH_VARARGS, "SetFuncDocString(index, szDocString)"},
    {"SetVarDocString", cti_set_var_doc_string, METH_VARARGS, "SetVarDocString(index, szDocString)"},
    {"SetFuncHelpContext", cti_set_func_help_context, METH_VARARGS, "SetFuncHelpContext(index, dwHelpContext)"},
    {"SetVarHelpContext", cti_set_var_help_context, METH_VARARGS, "SetVarHelpContext(index, dwHelpContext)"},
    {"SetMops", cti_set_mops, METH_VARARGS, "SetMops(index, bstrMops)"},
    {"SetTypeIdldesc", cti_set_type_idldesc, METH_O, "SetTypeIdldesc(idldesc)  (comrt.typeinfo.IDLDESC)"},
    {"LayOut", cti_lay_out, METH_NOARGS, "LayOut()\n\nAssigns vtable offsets, instance size and alignment."},
    COMRT_CT_COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyMethodDef cti2_methods[] = {
    {"DeleteFuncDesc", cti_delete_func_desc, METH_O, "DeleteFuncDesc(index)"},
    {"DeleteFuncDescByMemId", cti_delete_func_desc_by_memid, METH_VARARGS, "DeleteFuncDescByMemId(memid, invKind)"},
    {"DeleteVarDesc", cti_delete_var_desc, METH_O, "DeleteVarDesc(index)"},
    {"DeleteVarDescByMemId", cti_delete_var_desc_by_memid, METH_O, "DeleteVarDescByMemId(memid)"},
    {"DeleteImplType", cti_delete_impl_type, METH_O, "DeleteImplType(index)"},
    {"SetCustData", cti_set_cust_data, METH_VARARGS, "SetCustData(guid, value)"},
    {"SetFuncCustData", cti_set_func_cust_data, METH_VARARGS, "SetFuncCustData(index, guid, value)"},
    {"SetParamCustData", cti_set_param_cust_data, METH_VARARGS,
     "SetParamCustData(indexFunc, indexParam, guid, value)"},
    {"SetVarCustData", cti_set_var_cust_data, METH_VARARGS, "SetVarCustData(index, guid, value)"},
    {"SetImplTypeCustData", cti_set_impl_type_cust_data, METH_VARARGS, "SetImplTypeCustData(index, guid, value)"},
    {"SetHelpStringContext", cti_set_help_string_context, METH_O, "SetHelpStringContext(dwHelpStringContext)"},
    {"SetFuncHelpStringContext", cti_set_func_help_string_context, METH_VARARGS,
     "SetFuncHelpStringContext(index, dwHelpStringContext)"},
    {"SetVarHelpStringContext", cti_set_var_help_string_context, METH_VARARGS,
     "SetVarHelpStringContext(index, dwHelpStringContext)"},
    {"Invalidate", cti_invalidate, METH_NOARGS,
     "Invalidate()\n\nAs oleaut32, answers E_NOTIMPL (raises COMError)."},
    {"SetName", cti_set_name, METH_O, "SetName(szName)"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef cti_getset[] = {
    COMRT_COM_GETSET,
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot cti_slots[] = {
    {Py_tp_new, comrt_ct_new},
    {Py_tp_dealloc, comrt_com_dealloc},
    {Py_tp_repr, comrt_com_repr},
    {Py_tp_richcompare, comrt_com_richcompare},
    {Py_tp_hash, comrt_com_hash},
    {Py_tp_members, comrt_com_members},
    {Py_tp_methods, cti_methods},
    {Py_tp_getset, cti_getset},
    {Py_tp_doc, "One type of a library being built (ICreateTypeInfo)."},
    {0, NULL},
};

PyType_Spec comrt_createtypeinfo_spec = {
    .name = "comrt.ICreateTypeInfo",
    .basicsize = sizeof(comrt_ComObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = cti_slots,
};

static PyType_Slot cti2_slots[] = {
    {Py_tp_methods, cti2_methods},
    {Py_tp_doc, "One type of a library being built (ICreateTypeInfo2), as CreateTypeInfo returns it."},
    {0, NULL},
};

PyType_Spec comrt_createtypeinfo2_spec = {
    .name = "comrt.ICreateTypeInfo2",
    .basicsize = sizeof(comrt_ComObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = cti2_slots,
};
