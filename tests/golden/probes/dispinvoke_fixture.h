/*
 * dispinvoke_fixture.h — an object and its type description for the late
 * binding tests (dispinvoke_probe.c under Wine and comrt, and
 * tests/c/oleaut/test_dispinvoke.c).
 *
 * The type library is built in memory with CreateTypeLib2: IFixUnknown (the
 * three IUnknown methods, so that the library needs no import) and ITest
 * deriving from it, whose methods exercise every rule of ITypeInfo::Invoke.
 * The object implements ITest and ISupportErrorInfo.  Methods use
 * STDMETHODCALLTYPE, so the same source is right on Windows x64 and System V.
 */
#ifndef DISPINVOKE_FIXTURE_H
#define DISPINVOKE_FIXTURE_H

#ifndef STDMETHODCALLTYPE
#define STDMETHODCALLTYPE
#endif
#define FX STDMETHODCALLTYPE

typedef struct FixObj {
    void **lpVtbl;
    void **sei_vtbl; /* ISupportErrorInfo */
    LONG ref;
    BSTR name;
    LONG last_lcid;
    LONG calls;
} FixObj;

static const GUID fix_iid_test = { 0x2d1f0a10, 0x1111, 0x4a4a, { 0x9b, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 } };
static const GUID fix_iid_unk = { 0x2d1f0a10, 0x2222, 0x4a4a, { 0x9b, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 } };
static const GUID fix_libid = { 0x2d1f0a10, 0x3333, 0x4a4a, { 0x9b, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07 } };

static HRESULT FX fx_QueryInterface(FixObj *t, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &fix_iid_test))
        *ppv = t;
    else if (IsEqualIID(riid, &IID_ISupportErrorInfo))
        *ppv = &t->sei_vtbl;
    else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    t->ref++;
    return S_OK;
}
static ULONG FX fx_AddRef(FixObj *t) { return (ULONG)++t->ref; }
static ULONG FX fx_Release(FixObj *t) { return (ULONG)--t->ref; }
static HRESULT FX fx_Add(FixObj *t, LONG a, LONG b, LONG *r) { t->calls++; *r = a + b; return S_OK; }
static HRESULT FX fx_get_Name(FixObj *t, BSTR *r)
{
    t->calls++;
    *r = SysAllocString(t->name ? t->name : OLESTR(""));
    return S_OK;
}
static HRESULT FX fx_put_Name(FixObj *t, BSTR v)
{
    t->calls++;
    SysFreeString(t->name);
    t->name = SysAllocString(v);
    return S_OK;
}
/* Returns what it got: VT_ERROR arguments come back as they are. */
static HRESULT FX fx_Opt(FixObj *t, LONG a, VARIANT v, VARIANT *r)
{
    t->calls++;
    (void)a;
    return VariantCopy(r, &v);
}
static HRESULT FX fx_Def(FixObj *t, LONG a, LONG b, LONG *r) { t->calls++; *r = a * 100 + b; return S_OK; }
static HRESULT FX fx_Lcid(FixObj *t, LONG a, LONG lcid, LONG *r)
{
    t->calls++;
    t->last_lcid = lcid;
    *r = a;
    return S_OK;
}
static HRESULT FX fx_Fail(FixObj *t, LONG code)
{
    ICreateErrorInfo *cei = NULL;
    t->calls++;
    if (CreateErrorInfo(&cei) == S_OK) {
        IErrorInfo *ei = NULL;
        ICreateErrorInfo_SetDescription(cei, (LPOLESTR)OLESTR("it failed"));
        ICreateErrorInfo_SetSource(cei, (LPOLESTR)OLESTR("FixObj"));
        ICreateErrorInfo_SetHelpContext(cei, 42);
        if (ICreateErrorInfo_QueryInterface(cei, &IID_IErrorInfo, (void **)&ei) == S_OK) {
            SetErrorInfo(0, ei);
            IErrorInfo_Release(ei);
        }
        ICreateErrorInfo_Release(cei);
    }
    return (HRESULT)code;
}
static LONG FX fx_Plain(FixObj *t, SHORT x) { t->calls++; return x * 3; }
static HRESULT FX fx_Out(FixObj *t, LONG *io, BSTR *s)
{
    t->calls++;
    *io = *io + 1;
    *s = SysAllocString(OLESTR("outs"));
    return S_OK;
}
static HRESULT FX fx_Dbl(FixObj *t, DOUBLE d, DOUBLE *r) { t->calls++; *r = d * 2; return S_OK; }
static HRESULT FX fx_Var(FixObj *t, VARIANT *pv, LONG *r)
{
    t->calls++;
    *r = V_VT(pv);
    if (V_VT(pv) == (VT_BYREF | VT_I4)) *V_I4REF(pv) += 1;
    return S_OK;
}

/* vararg: first*100 + the number of extra arguments * 10 + the vt of the
 * first of them. */
static HRESULT FX fx_VarArgs(FixObj *t, LONG first, SAFEARRAY *rest, LONG *r)
{
    LONG lb = 0, ub = -1;
    VARIANT *data = NULL;
    t->calls++;
    if (rest) {
        SafeArrayGetLBound(rest, 1, &lb);
        SafeArrayGetUBound(rest, 1, &ub);
    }
    *r = first * 100 + (ub - lb + 1) * 10;
    if (rest && ub >= lb && SafeArrayAccessData(rest, (void **)&data) == S_OK) {
        *r += V_VT(&data[0]);
        SafeArrayUnaccessData(rest);
    }
    return S_OK;
}

/* ISupportErrorInfo on the second vtable pointer. */
static FixObj *fx_from_sei(void *p) { return (FixObj *)((char *)p - offsetof(FixObj, sei_vtbl)); }
static HRESULT FX fx_sei_QueryInterface(void *p, REFIID riid, void **ppv)
{
    return fx_QueryInterface(fx_from_sei(p), riid, ppv);
}
static ULONG FX fx_sei_AddRef(void *p) { return fx_AddRef(fx_from_sei(p)); }
static ULONG FX fx_sei_Release(void *p) { return fx_Release(fx_from_sei(p)); }
static HRESULT FX fx_sei_Supports(void *p, REFIID riid)
{
    (void)p;
    return IsEqualIID(riid, &fix_iid_test) ? S_OK : S_FALSE;
}

static void *fx_vtbl[] = {
    (void *)fx_QueryInterface, (void *)fx_AddRef, (void *)fx_Release, (void *)fx_Add,
    (void *)fx_get_Name,       (void *)fx_put_Name, (void *)fx_Opt,   (void *)fx_Def,
    (void *)fx_Lcid,           (void *)fx_Fail,    (void *)fx_Plain,  (void *)fx_Out,
    (void *)fx_Dbl,            (void *)fx_Var,     (void *)fx_VarArgs,
};
static void *fx_sei_vtbl[] = { (void *)fx_sei_QueryInterface, (void *)fx_sei_AddRef, (void *)fx_sei_Release,
                               (void *)fx_sei_Supports };

static void fix_obj_init(FixObj *o)
{
    memset(o, 0, sizeof *o);
    o->lpVtbl = fx_vtbl;
    o->sei_vtbl = fx_sei_vtbl;
    o->ref = 1;
}

/* DISPIDs of ITest's members. */
enum {
    FIX_ADD = 1, FIX_NAME, FIX_OPT, FIX_DEF, FIX_LCID, FIX_FAIL, FIX_PLAIN, FIX_OUT, FIX_DBL, FIX_VAR, FIX_VARARGS
};

typedef struct {
    MEMBERID id;
    INVOKEKIND kind;
    VARTYPE ret;           /* VT_HRESULT or the plain return type */
    int nparams;
    VARTYPE pt[3];         /* VT_BYREF|x: a pointer to x; VT_ARRAY|x: SAFEARRAY(x) */
    USHORT pf[3];
    const OLECHAR *names[4];
} fix_method;

static const fix_method fix_methods[] = {
    { FIX_ADD, INVOKE_FUNC, VT_HRESULT, 3, { VT_I4, VT_I4, VT_BYREF | VT_I4 },
      { PARAMFLAG_FIN, PARAMFLAG_FIN, PARAMFLAG_FOUT | PARAMFLAG_FRETVAL }, { OLESTR("Add"), OLESTR("a"), OLESTR("b"), OLESTR("r") } },
    { FIX_NAME, INVOKE_PROPERTYGET, VT_HRESULT, 1, { VT_BYREF | VT_BSTR }, { PARAMFLAG_FOUT | PARAMFLAG_FRETVAL },
      { OLESTR("Name"), OLESTR("r") } },
    { FIX_NAME, INVOKE_PROPERTYPUT, VT_HRESULT, 1, { VT_BSTR }, { PARAMFLAG_FIN }, { OLESTR("Name") } },
    { FIX_OPT, INVOKE_FUNC, VT_HRESULT, 3, { VT_I4, VT_VARIANT, VT_BYREF | VT_VARIANT },
      { PARAMFLAG_FIN, PARAMFLAG_FIN | PARAMFLAG_FOPT, PARAMFLAG_FOUT | PARAMFLAG_FRETVAL },
      { OLESTR("Opt"), OLESTR("a"), OLESTR("v"), OLESTR("r") } },
    { FIX_DEF, INVOKE_FUNC, VT_HRESULT, 3, { VT_I4, VT_I4, VT_BYREF | VT_I4 },
      { PARAMFLAG_FIN, PARAMFLAG_FIN | PARAMFLAG_FOPT | PARAMFLAG_FHASDEFAULT, PARAMFLAG_FOUT | PARAMFLAG_FRETVAL },
      { OLESTR("Def"), OLESTR("a"), OLESTR("b"), OLESTR("r") } },
    { FIX_LCID, INVOKE_FUNC, VT_HRESULT, 3, { VT_I4, VT_I4, VT_BYREF | VT_I4 },
      { PARAMFLAG_FIN, PARAMFLAG_FIN | PARAMFLAG_FLCID, PARAMFLAG_FOUT | PARAMFLAG_FRETVAL },
      { OLESTR("Lcid"), OLESTR("a"), OLESTR("lcid"), OLESTR("r") } },
    { FIX_FAIL, INVOKE_FUNC, VT_HRESULT, 1, { VT_I4 }, { PARAMFLAG_FIN }, { OLESTR("Fail"), OLESTR("code") } },
    { FIX_PLAIN, INVOKE_FUNC, VT_I4, 1, { VT_I2 }, { PARAMFLAG_FIN }, { OLESTR("Plain"), OLESTR("x") } },
    { FIX_OUT, INVOKE_FUNC, VT_HRESULT, 2, { VT_BYREF | VT_I4, VT_BYREF | VT_BSTR },
      { PARAMFLAG_FIN | PARAMFLAG_FOUT, PARAMFLAG_FOUT }, { OLESTR("Out"), OLESTR("io"), OLESTR("s") } },
    { FIX_DBL, INVOKE_FUNC, VT_HRESULT, 2, { VT_R8, VT_BYREF | VT_R8 }, { PARAMFLAG_FIN, PARAMFLAG_FOUT | PARAMFLAG_FRETVAL },
      { OLESTR("Dbl"), OLESTR("d"), OLESTR("r") } },
    { FIX_VAR, INVOKE_FUNC, VT_HRESULT, 2, { VT_BYREF | VT_VARIANT, VT_BYREF | VT_I4 },
      { PARAMFLAG_FIN | PARAMFLAG_FOUT, PARAMFLAG_FOUT | PARAMFLAG_FRETVAL }, { OLESTR("Var"), OLESTR("v"), OLESTR("r") } },
    { FIX_VARARGS, INVOKE_FUNC, VT_HRESULT, 3, { VT_I4, VT_ARRAY | VT_VARIANT, VT_BYREF | VT_I4 },
      { PARAMFLAG_FIN, PARAMFLAG_FIN, PARAMFLAG_FOUT | PARAMFLAG_FRETVAL },
      { OLESTR("VarArgs"), OLESTR("first"), OLESTR("rest"), OLESTR("r") } },
};

static const OLECHAR *fix_unk_names[3] = { OLESTR("QueryInterface"), OLESTR("AddRef"), OLESTR("Release") };

/* Adds one function; params described by vts / flags (a pointer type is a
 * VT_PTR to the base type). */
static HRESULT fix_add_func(ICreateTypeInfo *cti, UINT index, MEMBERID id, INVOKEKIND kind, VARTYPE ret, int n,
                            const VARTYPE *pt, const USHORT *pf, const OLECHAR *const *names)
{
    FUNCDESC fd;
    ELEMDESC params[3];
    TYPEDESC inner[3];
    PARAMDESCEX defex;
    HRESULT hr;
    int i;

    memset(&fd, 0, sizeof fd);
    memset(params, 0, sizeof params);
    memset(&defex, 0, sizeof defex);
    for (i = 0; i < n; i++) {
        if (pt[i] & (VT_BYREF | VT_ARRAY)) {
            inner[i].vt = pt[i] & ~(VT_BYREF | VT_ARRAY);
            params[i].tdesc.vt = (pt[i] & VT_BYREF) ? VT_PTR : VT_SAFEARRAY;
            params[i].tdesc.lptdesc = &inner[i];
        } else {
            params[i].tdesc.vt = pt[i];
        }
        params[i].paramdesc.wParamFlags = pf[i];
        if (pf[i] & PARAMFLAG_FHASDEFAULT) {
            defex.cBytes = sizeof defex;
            V_VT(&defex.varDefaultValue) = VT_I4;
            V_I4(&defex.varDefaultValue) = 7;
            params[i].paramdesc.pparamdescex = &defex;
        }
    }
    fd.memid = id;
    fd.funckind = FUNC_PUREVIRTUAL;
    fd.invkind = kind;
    fd.callconv = CC_STDCALL;
    fd.cParams = (SHORT)n;
    fd.cParamsOpt = id == FIX_VARARGS ? -1 : 0; /* [vararg] */
    fd.lprgelemdescParam = n ? params : NULL;
    fd.elemdescFunc.tdesc.vt = ret;
    hr = ICreateTypeInfo_AddFuncDesc(cti, index, &fd);
    if (hr == S_OK) {
        /* a property put names no parameters */
        UINT cnames = kind == INVOKE_PROPERTYPUT ? 1 : (UINT)n + 1;
        hr = ICreateTypeInfo_SetFuncAndParamNames(cti, index, (LPOLESTR *)names, cnames);
    }
    return hr;
}

/* Builds the library; *out receives ITest's ITypeInfo (caller Releases). */
static HRESULT fix_build(ITypeInfo **out)
{
    ICreateTypeLib2 *ctl = NULL;
    ICreateTypeInfo *cunk = NULL, *ctest = NULL;
    ITypeInfo *tunk = NULL;
    HREFTYPE href = 0;
    HRESULT hr;
    UINT i;

    *out = NULL;
    hr = CreateTypeLib2(SYS_WIN64, OLESTR("dispinvoke_fixture.tlb"), &ctl);
    if (hr != S_OK) return hr;
    ICreateTypeLib2_SetName(ctl, (LPOLESTR)OLESTR("DispFix"));
    ICreateTypeLib2_SetGuid(ctl, &fix_libid);
    hr = ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)OLESTR("IFixUnknown"), TKIND_INTERFACE, &cunk);
    if (hr != S_OK) goto out;
    ICreateTypeInfo_SetGuid(cunk, &fix_iid_unk);
    for (i = 0; i < 3 && hr == S_OK; i++) {
        static const VARTYPE qpt[2] = { VT_BYREF | VT_VOID, VT_BYREF | VT_PTR };
        static const USHORT qpf[2] = { PARAMFLAG_FIN, PARAMFLAG_FOUT };
        const OLECHAR *names[1];
        names[0] = fix_unk_names[i];
        /* QueryInterface's parameters do not matter here: never invoked */
        hr = fix_add_func(cunk, i, 0x60000000 + (MEMBERID)i, INVOKE_FUNC, i ? VT_UI4 : VT_HRESULT, 0, qpt, qpf, names);
    }
    if (hr == S_OK) hr = ICreateTypeInfo_LayOut(cunk);
    if (hr != S_OK) goto out;
    hr = ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)OLESTR("ITest"), TKIND_INTERFACE, &ctest);
    if (hr != S_OK) goto out;
    ICreateTypeInfo_SetGuid(ctest, &fix_iid_test);
    hr = ICreateTypeInfo_QueryInterface(cunk, &IID_ITypeInfo, (void **)&tunk);
    if (hr == S_OK) hr = ICreateTypeInfo_AddRefTypeInfo(ctest, tunk, &href);
    if (hr == S_OK) hr = ICreateTypeInfo_AddImplType(ctest, 0, href);
    for (i = 0; hr == S_OK && i < sizeof fix_methods / sizeof fix_methods[0]; i++) {
        const fix_method *m = &fix_methods[i];
        hr = fix_add_func(ctest, i, m->id, m->kind, m->ret, m->nparams, m->pt, m->pf, m->names);
    }
    if (hr == S_OK) hr = ICreateTypeInfo_LayOut(ctest);
    if (hr == S_OK) hr = ICreateTypeInfo_QueryInterface(ctest, &IID_ITypeInfo, (void **)out);
out:
    if (tunk) ITypeInfo_Release(tunk);
    if (ctest) ICreateTypeInfo_Release(ctest);
    if (cunk) ICreateTypeInfo_Release(cunk);
    if (ctl) ICreateTypeLib2_Release(ctl);
    return hr;
}

#endif /* DISPINVOKE_FIXTURE_H */
