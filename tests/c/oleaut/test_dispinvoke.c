/*
 * test_dispinvoke.c — late binding: ITypeInfo::Invoke (vtable members),
 * DispInvoke, DispGetIDsOfNames, DispGetParam, CreateStdDispatch.
 *
 * The golden probe (tests/golden/probes/dispinvoke_probe.c) compares the
 * HRESULTs and results with the Wine oracle; these tests add what the
 * oracle cannot show: *puArgErr (Wine never writes it; Windows documents
 * it), reference counts, aggregation, a dual interface from a real .tlb,
 * and the argument checks comrt adds.
 */
#define COBJMACROS
#include <pthread.h>
#include <stddef.h>

#include "comrt_test.h"
#include "typelib/tlb_fixture.h"

#include "../../golden/probes/dispinvoke_fixture.h"

static ITypeInfo *tinfo;
static FixObj obj;

/* Invoke with args given in IDL order (reversed into rgvarg here). */
static HRESULT inv(MEMBERID id, WORD flags, UINT n, const VARIANT *args, UINT nnamed, const DISPID *named,
                   VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    VARIANT rg[8];
    DISPPARAMS dp;
    for (UINT i = 0; i < n; i++) rg[n - 1 - i] = args[i];
    dp.rgvarg = rg;
    dp.rgdispidNamedArgs = (DISPID *)named;
    dp.cArgs = n;
    dp.cNamedArgs = nnamed;
    return DispInvoke(&obj, tinfo, id, flags, &dp, res, ei, argerr);
}

static VARIANT vi4(LONG x)
{
    VARIANT v;
    VariantInit(&v);
    V_VT(&v) = VT_I4;
    V_I4(&v) = x;
    return v;
}

TEST(method_with_retval_and_coercion)
{
    VARIANT a[2], r;
    UINT argerr = 99;
    BSTR s = SysAllocString(u"40");
    a[0] = vi4(2);
    VariantInit(&a[1]);
    V_VT(&a[1]) = VT_BSTR;
    V_BSTR(&a[1]) = s;
    VariantInit(&r);
    CHECK_HR(inv(FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, &r, NULL, &argerr), S_OK);
    CHECK(V_VT(&r) == VT_I4 && V_I4(&r) == 42);
    CHECK(argerr == 99); /* untouched on success */
    /* no result wanted: still called */
    obj.calls = 0;
    CHECK_HR(inv(FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL, NULL, NULL), S_OK);
    CHECK(obj.calls == 1);
    SysFreeString(s);
}

TEST(argerr_is_the_rgvarg_index)
{
    VARIANT a[2], r;
    UINT argerr = 99;
    BSTR bad = SysAllocString(u"x1");
    VariantInit(&a[0]);
    V_VT(&a[0]) = VT_BSTR;
    V_BSTR(&a[0]) = bad;
    a[1] = vi4(3);
    VariantInit(&r);
    /* first IDL argument = last in rgvarg */
    CHECK_HR(inv(FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, &r, NULL, &argerr), DISP_E_TYPEMISMATCH);
    CHECK(argerr == 1);
    a[1] = a[0];
    a[0] = vi4(3);
    argerr = 99;
    CHECK_HR(inv(FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, &r, NULL, &argerr), DISP_E_TYPEMISMATCH);
    CHECK(argerr == 0);
    VariantInit(&a[1]);
    V_VT(&a[1]) = VT_R8;
    V_R8(&a[1]) = 1e20;
    argerr = 99;
    CHECK_HR(inv(FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, &r, NULL, &argerr), DISP_E_OVERFLOW);
    CHECK(argerr == 0);
    CHECK(V_VT(&r) == VT_EMPTY);
    /* a named argument that names no parameter */
    {
        static const DISPID named[1] = { 7 };
        VARIANT b[2];
        b[0] = vi4(5);
        b[1] = vi4(6); /* named: goes first in rgvarg */
        VARIANT rg[2] = { b[1], b[0] };
        DISPPARAMS dp = { rg, (DISPID *)named, 2, 1 };
        argerr = 99;
        CHECK_HR(DispInvoke(&obj, tinfo, FIX_ADD, DISPATCH_METHOD, &dp, &r, NULL, &argerr), DISP_E_PARAMNOTFOUND);
        CHECK(argerr == 0);
    }
    SysFreeString(bad);
}

TEST(named_arguments_and_property_put)
{
    static const DISPID named_ba[2] = { 1, 0 }, put[1] = { DISPID_PROPERTYPUT };
    VARIANT a[2], r;
    BSTR s = SysAllocString(u"hello");
    a[0] = vi4(10); /* b */
    a[1] = vi4(20); /* a */
    VariantInit(&r);
    {
        VARIANT rg[2] = { a[0], a[1] };
        DISPPARAMS dp = { rg, (DISPID *)named_ba, 2, 2 };
        CHECK_HR(DispInvoke(&obj, tinfo, FIX_ADD, DISPATCH_METHOD, &dp, &r, NULL, NULL), S_OK);
        CHECK(V_I4(&r) == 30);
    }
    VariantInit(&a[0]);
    V_VT(&a[0]) = VT_BSTR;
    V_BSTR(&a[0]) = s;
    CHECK_HR(inv(FIX_NAME, DISPATCH_PROPERTYPUT, 1, a, 1, put, NULL, NULL, NULL), S_OK);
    CHECK_HR(inv(FIX_NAME, DISPATCH_PROPERTYPUT, 1, a, 0, NULL, NULL, NULL, NULL), DISP_E_PARAMNOTFOUND);
    CHECK_HR(inv(FIX_NAME, DISPATCH_PROPERTYPUTREF, 1, a, 1, put, NULL, NULL, NULL), DISP_E_MEMBERNOTFOUND);
    CHECK_HR(inv(FIX_NAME, DISPATCH_PROPERTYGET, 0, NULL, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(V_VT(&r) == VT_BSTR);
    CHECK_WSTR(V_BSTR(&r), "hello");
    VariantClear(&r);
    /* a get with arguments it does not take: the value is no collection */
    a[0] = vi4(1);
    CHECK_HR(inv(FIX_NAME, DISPATCH_PROPERTYGET, 1, a, 0, NULL, &r, NULL, NULL), DISP_E_NOTACOLLECTION);
    CHECK(V_VT(&r) == VT_EMPTY);
    SysFreeString(s);
}

TEST(optional_default_lcid)
{
    VARIANT a[2], r;
    a[0] = vi4(3);
    VariantInit(&r);
    CHECK_HR(inv(FIX_OPT, DISPATCH_METHOD, 1, a, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(V_VT(&r) == VT_ERROR && V_ERROR(&r) == DISP_E_PARAMNOTFOUND);
    CHECK_HR(inv(FIX_DEF, DISPATCH_METHOD, 1, a, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(V_VT(&r) == VT_I4 && V_I4(&r) == 307);
    CHECK_HR(inv(FIX_OPT, DISPATCH_METHOD, 0, NULL, 0, NULL, &r, NULL, NULL), DISP_E_BADPARAMCOUNT);
    a[1] = vi4(4);
    CHECK_HR(inv(FIX_ADD, DISPATCH_METHOD, 1, a, 0, NULL, &r, NULL, NULL), DISP_E_BADPARAMCOUNT);
    obj.last_lcid = 0;
    CHECK_HR(inv(FIX_LCID, DISPATCH_METHOD, 1, a, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(obj.last_lcid == 0x0409 && V_I4(&r) == 3);
}

TEST(exception_from_error_info)
{
    VARIANT a[1], r;
    EXCEPINFO ei;
    IErrorInfo *left = NULL;
    a[0] = vi4((LONG)E_FAIL);
    VariantInit(&r);
    memset(&ei, 0xAB, sizeof ei);
    CHECK_HR(inv(FIX_FAIL, DISPATCH_METHOD, 1, a, 0, NULL, &r, &ei, NULL), DISP_E_EXCEPTION);
    CHECK(ei.scode == E_FAIL);
    CHECK(ei.dwHelpContext == 42);
    CHECK_WSTR(ei.bstrDescription, "it failed");
    CHECK_WSTR(ei.bstrSource, "FixObj");
    SysFreeString(ei.bstrDescription);
    SysFreeString(ei.bstrSource);
    SysFreeString(ei.bstrHelpFile);
    /* the error object was taken */
    CHECK_HR(GetErrorInfo(0, &left), S_FALSE);
    /* no EXCEPINFO: still DISP_E_EXCEPTION */
    CHECK_HR(inv(FIX_FAIL, DISPATCH_METHOD, 1, a, 0, NULL, &r, NULL, NULL), DISP_E_EXCEPTION);
    SetErrorInfo(0, NULL);
}

TEST(out_and_byref_arguments)
{
    VARIANT a[2], r;
    LONG io = 5;
    BSTR out = NULL;
    VariantInit(&a[0]);
    V_VT(&a[0]) = VT_BYREF | VT_I4;
    V_I4REF(&a[0]) = &io;
    VariantInit(&a[1]);
    V_VT(&a[1]) = VT_BYREF | VT_BSTR;
    V_BSTRREF(&a[1]) = &out;
    VariantInit(&r);
    CHECK_HR(inv(FIX_OUT, DISPATCH_METHOD, 2, a, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(io == 6);
    CHECK_WSTR(out, "outs");
    SysFreeString(out);
    CHECK_HR(inv(FIX_PLAIN, DISPATCH_METHOD, 1, (VARIANT[]){ vi4(5) }, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(V_VT(&r) == VT_I4 && V_I4(&r) == 15);
}

TEST(errors_and_null_arguments)
{
    DISPPARAMS dp = { NULL, NULL, 0, 0 };
    VARIANT r;
    DISPID id = 0;
    OLECHAR *name = (OLECHAR *)u"Add";
    VariantInit(&r);
    CHECK_HR(DispInvoke(&obj, NULL, FIX_ADD, DISPATCH_METHOD, &dp, &r, NULL, NULL), E_INVALIDARG);
    CHECK_HR(DispInvoke(NULL, tinfo, FIX_ADD, DISPATCH_METHOD, &dp, &r, NULL, NULL), E_INVALIDARG);
    CHECK_HR(DispInvoke(&obj, tinfo, FIX_ADD, DISPATCH_METHOD, NULL, &r, NULL, NULL), E_INVALIDARG);
    CHECK_HR(DispInvoke(&obj, tinfo, 1234, DISPATCH_METHOD, &dp, &r, NULL, NULL), DISP_E_MEMBERNOTFOUND);
    dp.cNamedArgs = 1;
    CHECK_HR(DispInvoke(&obj, tinfo, FIX_ADD, DISPATCH_METHOD, &dp, &r, NULL, NULL), E_INVALIDARG);
    CHECK_HR(DispGetIDsOfNames(NULL, &name, 1, &id), E_INVALIDARG);
    CHECK_HR(DispGetIDsOfNames(tinfo, &name, 1, &id), S_OK);
    CHECK(id == FIX_ADD);
    CHECK_HR(DispGetParam(NULL, 0, VT_I4, &r, NULL), E_INVALIDARG);
}

TEST(get_param)
{
    static const DISPID named[1] = { 5 };
    VARIANT rg[3], r;
    DISPPARAMS dp = { rg, (DISPID *)named, 3, 1 };
    UINT argerr = 99;
    rg[0] = vi4(7);
    VariantInit(&rg[1]);
    V_VT(&rg[1]) = VT_R8;
    V_R8(&rg[1]) = 1e10;
    rg[2] = vi4(-1);
    VariantInit(&r);
    CHECK_HR(DispGetParam(&dp, 0, VT_I2, &r, &argerr), S_OK);
    CHECK(V_VT(&r) == VT_I2 && V_I2(&r) == -1);
    CHECK_HR(DispGetParam(&dp, 5, VT_I4, &r, &argerr), S_OK);
    CHECK(V_I4(&r) == 7);
    CHECK_HR(DispGetParam(&dp, 1, VT_I2, &r, &argerr), DISP_E_OVERFLOW);
    CHECK(argerr == 1);
    CHECK_HR(DispGetParam(&dp, 3, VT_I4, &r, &argerr), DISP_E_PARAMNOTFOUND);
}

/* An outer object for the aggregation test: counts its references. */
typedef struct {
    IUnknown iface;
    LONG ref;
    IUnknown *inner;
} Outer;
static HRESULT STDMETHODCALLTYPE outer_qi(IUnknown *This, REFIID riid, void **ppv)
{
    Outer *o = (Outer *)This;
    if (IsEqualIID(riid, &IID_IUnknown)) {
        *ppv = This;
        o->ref++;
        return S_OK;
    }
    if (IsEqualIID(riid, &IID_IDispatch)) return IUnknown_QueryInterface(o->inner, riid, ppv);
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE outer_addref(IUnknown *This) { return (ULONG)++((Outer *)This)->ref; }
static ULONG STDMETHODCALLTYPE outer_release(IUnknown *This) { return (ULONG)--((Outer *)This)->ref; }
static const IUnknownVtbl outer_vtbl = { outer_qi, outer_addref, outer_release };

TEST(std_dispatch)
{
    IUnknown *unk = NULL;
    IDispatch *disp = NULL;
    static const GUID iid_null;
    DISPPARAMS dp = { NULL, NULL, 0, 0 };
    VARIANT r;
    UINT n = 0;

    CHECK_HR(CreateStdDispatch(NULL, &obj, tinfo, &unk), S_OK);
    CHECK_HR(IUnknown_QueryInterface(unk, &IID_IDispatch, (void **)&disp), S_OK);
    CHECK_HR(IDispatch_GetTypeInfoCount(disp, &n), S_OK);
    CHECK(n == 1);
    VariantInit(&r);
    obj.calls = 0;
    CHECK_HR(IDispatch_Invoke(disp, FIX_NAME, &iid_null, 0, DISPATCH_PROPERTYGET, &dp, &r, NULL, NULL), S_OK);
    CHECK(obj.calls == 1 && V_VT(&r) == VT_BSTR);
    VariantClear(&r);
    CHECK(IDispatch_Release(disp) == 1);
    CHECK(IUnknown_Release(unk) == 0);

    /* aggregated: IDispatch's IUnknown is the outer's */
    {
        Outer outer = { { &outer_vtbl }, 1, NULL };
        IUnknown *u = NULL;
        CHECK_HR(CreateStdDispatch(&outer.iface, &obj, tinfo, &outer.inner), S_OK);
        CHECK_HR(IUnknown_QueryInterface(outer.inner, &IID_IDispatch, (void **)&disp), S_OK);
        /* the inner object's QI AddRef'ed the IDispatch, i.e. the outer */
        CHECK(outer.ref == 2);
        CHECK_HR(IDispatch_QueryInterface(disp, &IID_IUnknown, (void **)&u), S_OK);
        CHECK(u == &outer.iface);
        IUnknown_Release(u);
        IDispatch_Release(disp);
        CHECK(outer.ref == 1);
        CHECK(IUnknown_Release(outer.inner) == 0);
    }
    CHECK_HR(CreateStdDispatch(NULL, &obj, NULL, &unk), E_INVALIDARG);
}

/* A dual interface from a compiled library: IAllDual's Value property
 * (vtable slots 7 and 8 after IDispatch's), invoked through the dispatch
 * view the library hands out. */
typedef struct {
    void **lpVtbl;
    LONG value;
} DualObj;
static HRESULT STDMETHODCALLTYPE dual_get(DualObj *t, LONG *v) { *v = t->value; return S_OK; }
static HRESULT STDMETHODCALLTYPE dual_put(DualObj *t, LONG v) { t->value = v; return S_OK; }

TEST(dual_interface_from_tlb)
{
    ITypeLib *lib = NULL;
    ITypeInfo *ti = NULL;
    void *vtbl[9] = { 0 };
    DualObj o = { vtbl, 11 };
    static const DISPID put[1] = { DISPID_PROPERTYPUT };
    VARIANT r, v;
    DISPPARAMS none = { NULL, NULL, 0, 0 }, one = { &v, (DISPID *)put, 1, 1 };
    OLECHAR *name = (OLECHAR *)u"Value";
    DISPID id = 0;
    UINT i, count;

    vtbl[7] = (void *)dual_get;
    vtbl[8] = (void *)dual_put;
    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &lib), S_OK);
    if (!lib) return;
    count = ITypeLib_GetTypeInfoCount(lib);
    for (i = 0; i < count && !ti; i++) {
        BSTR n = NULL;
        if (ITypeLib_GetDocumentation(lib, (INT)i, &n, NULL, NULL, NULL) == S_OK && n &&
            comrt_test_wstr_eq(n, "IAllDual"))
            ITypeLib_GetTypeInfo(lib, i, &ti);
        SysFreeString(n);
    }
    CHECK(ti != NULL);
    if (ti) {
        CHECK_HR(DispGetIDsOfNames(ti, &name, 1, &id), S_OK);
        CHECK(id == 1);
        VariantInit(&r);
        CHECK_HR(DispInvoke(&o, ti, 1, DISPATCH_PROPERTYGET, &none, &r, NULL, NULL), S_OK);
        CHECK(V_VT(&r) == VT_I4 && V_I4(&r) == 11);
        VariantInit(&v);
        V_VT(&v) = VT_R8;
        V_R8(&v) = 41.6;
        CHECK_HR(DispInvoke(&o, ti, 1, DISPATCH_PROPERTYPUT, &one, NULL, NULL, NULL), S_OK);
        CHECK(o.value == 42);
        ITypeInfo_Release(ti);
    }
    ITypeLib_Release(lib);
}

/* CreateDispTypeInfo + CreateStdDispatch, the documented pairing: ITest's
 * methods described by INTERFACEDATA (vtable slots given by iMeth) and
 * called on the fixture object. */
TEST(create_disp_type_info)
{
    PARAMDATA add_p[3] = { { (OLECHAR *)u"a", VT_I4 }, { (OLECHAR *)u"b", VT_I4 }, { (OLECHAR *)u"r", VT_BYREF | VT_I4 } };
    PARAMDATA name_p[1] = { { (OLECHAR *)u"v", VT_BSTR } };
    PARAMDATA out_p[2] = { { (OLECHAR *)u"io", VT_BYREF | VT_I4 }, { (OLECHAR *)u"s", VT_BYREF | VT_BSTR } };
    METHODDATA md[3] = {
        { (OLECHAR *)u"Add", add_p, 1, 3, CC_STDCALL, 3, DISPATCH_METHOD, VT_HRESULT },
        { (OLECHAR *)u"Name", name_p, 2, 5, CC_STDCALL, 1, DISPATCH_PROPERTYPUT, VT_HRESULT },
        { (OLECHAR *)u"Out", out_p, 8, 11, CC_STDCALL, 2, DISPATCH_METHOD, VT_HRESULT },
    };
    INTERFACEDATA idata = { md, 3 };
    ITypeInfo *ti = NULL;
    IUnknown *unk = NULL;
    IDispatch *disp = NULL;
    static const GUID iid_null;
    static const DISPID put[1] = { DISPID_PROPERTYPUT };
    VARIANT rg[3], r;
    DISPPARAMS dp = { rg, NULL, 2, 0 };
    OLECHAR *names[2] = { (OLECHAR *)u"ADD", (OLECHAR *)u"b" };
    DISPID ids[2];
    LONG io = 1, r4 = 0;

    BSTR out = NULL, zed = SysAllocString(u"zed");

    CHECK_HR(CreateDispTypeInfo(NULL, 0, &ti), E_INVALIDARG);
    CHECK_HR(CreateDispTypeInfo(&idata, 0x0409, NULL), E_INVALIDARG);
    CHECK_HR(CreateDispTypeInfo(&idata, 0x0409, &ti), S_OK);
    if (!ti) return;
    CHECK_HR(DispGetIDsOfNames(ti, names, 2, ids), S_OK);
    CHECK(ids[0] == 1 && ids[1] == 1);
    CHECK_HR(CreateStdDispatch(NULL, &obj, ti, &unk), S_OK);
    CHECK_HR(IUnknown_QueryInterface(unk, &IID_IDispatch, (void **)&disp), S_OK);
    VariantInit(&r);
    /* PARAMDATA has no flags: Add's third parameter is no [retval], so
     * two arguments are too few */
    rg[1] = vi4(20);
    rg[0] = vi4(22);
    CHECK_HR(IDispatch_Invoke(disp, 1, &iid_null, 0, DISPATCH_METHOD, &dp, &r, NULL, NULL), DISP_E_BADPARAMCOUNT);
    {
        VARIANT a3[3];
        DISPPARAMS dp3 = { a3, NULL, 3, 0 };
        VariantInit(&a3[0]);
        V_VT(&a3[0]) = VT_BYREF | VT_I4;
        V_I4REF(&a3[0]) = &r4;
        a3[1] = vi4(5);
        a3[2] = vi4(4);
        CHECK_HR(IDispatch_Invoke(disp, 1, &iid_null, 0, DISPATCH_METHOD, &dp3, NULL, NULL, NULL), S_OK);
        CHECK(r4 == 9);
    }
    {
        VARIANT v;
        DISPPARAMS dp1 = { &v, (DISPID *)put, 1, 1 };
        VariantInit(&v);
        V_VT(&v) = VT_BSTR;
        V_BSTR(&v) = zed;
        CHECK_HR(IDispatch_Invoke(disp, 2, &iid_null, 0, DISPATCH_PROPERTYPUT, &dp1, NULL, NULL, NULL), S_OK);
        CHECK_WSTR(obj.name, "zed");
        /* only the put was described */
        CHECK_HR(IDispatch_Invoke(disp, 2, &iid_null, 0, DISPATCH_PROPERTYGET, &dp, &r, NULL, NULL),
                 DISP_E_MEMBERNOTFOUND);
    }
    {
        VARIANT a2[2];
        DISPPARAMS dp2 = { a2, NULL, 2, 0 };
        VariantInit(&a2[1]);
        V_VT(&a2[1]) = VT_BYREF | VT_I4;
        V_I4REF(&a2[1]) = &io;
        VariantInit(&a2[0]);
        V_VT(&a2[0]) = VT_BYREF | VT_BSTR;
        V_BSTRREF(&a2[0]) = &out;
        CHECK_HR(IDispatch_Invoke(disp, 8, &iid_null, 0, DISPATCH_METHOD, &dp2, NULL, NULL, NULL), S_OK);
        CHECK(io == 2);
        CHECK_WSTR(out, "outs");
        SysFreeString(out);
    }
    IDispatch_Release(disp);
    CHECK(IUnknown_Release(unk) == 0);
    ITypeInfo_Release(ti);
    SysFreeString(zed);
}

TEST(vararg)
{
    static const DISPID named[1] = { 0 };
    VARIANT a[4], r;
    BSTR s = SysAllocString(u"x");
    a[0] = vi4(2);
    VariantInit(&a[1]);
    V_VT(&a[1]) = VT_BSTR; /* the first extra argument: its vt (8) shows */
    V_BSTR(&a[1]) = s;
    a[2] = vi4(3);
    a[3] = vi4(4);
    VariantInit(&r);
    CHECK_HR(inv(FIX_VARARGS, DISPATCH_METHOD, 4, a, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(V_VT(&r) == VT_I4 && V_I4(&r) == 200 + 30 + VT_BSTR);
    CHECK_HR(inv(FIX_VARARGS, DISPATCH_METHOD, 1, a, 0, NULL, &r, NULL, NULL), S_OK);
    CHECK(V_I4(&r) == 200);
    CHECK_HR(inv(FIX_VARARGS, DISPATCH_METHOD, 0, NULL, 0, NULL, &r, NULL, NULL), DISP_E_BADPARAMCOUNT);
    CHECK_HR(inv(FIX_VARARGS, DISPATCH_METHOD, 2, a, 1, named, &r, NULL, NULL), DISP_E_NONAMEDARGS);
    SysFreeString(s);
}

/* ITypeInfo::Invoke keeps what it found per (member, flags) on the type
 * info; threads invoking the same fresh members at once must all find them
 * (the plans are pushed without a lock) and get the right answers. */
typedef struct {
    FixObj o;
    int wrong;
} InvokeThread;

static void *invoke_thread(void *arg)
{
    InvokeThread *t = arg;
    for (LONG i = 0; i < 2000; i++) {
        VARIANT rg[2], r;
        DISPPARAMS dp = { rg, NULL, 2, 0 };
        rg[1] = vi4(i);
        rg[0] = vi4(7);
        VariantInit(&r);
        if (ITypeInfo_Invoke(tinfo, &t->o, FIX_ADD, DISPATCH_METHOD, &dp, &r, NULL, NULL) != S_OK ||
            V_VT(&r) != VT_I4 || V_I4(&r) != i + 7)
            t->wrong++;
        VariantClear(&r);
        dp.cArgs = 0;
        if (ITypeInfo_Invoke(tinfo, &t->o, FIX_NAME, DISPATCH_PROPERTYGET, &dp, &r, NULL, NULL) != S_OK ||
            V_VT(&r) != VT_BSTR)
            t->wrong++;
        VariantClear(&r);
    }
    return NULL;
}

TEST(invoke_from_threads)
{
    InvokeThread t[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        fix_obj_init(&t[i].o);
        t[i].wrong = 0;
        CHECK(pthread_create(&th[i], NULL, invoke_thread, &t[i]) == 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK_MSG(t[i].wrong == 0, "thread %d: %d wrong answers", i, t[i].wrong);
        CHECK(t[i].o.calls == 4000);
        SysFreeString(t[i].o.name);
    }
}

int main(void)
{
    fix_obj_init(&obj);
    CHECK_HR(fix_build(&tinfo), S_OK);
    if (!tinfo) return comrt_test_summary();
    RUN(invoke_from_threads); /* first: the members' plans are not made yet */
    RUN(method_with_retval_and_coercion);
    RUN(argerr_is_the_rgvarg_index);
    RUN(named_arguments_and_property_put);
    RUN(optional_default_lcid);
    RUN(exception_from_error_info);
    RUN(out_and_byref_arguments);
    RUN(errors_and_null_arguments);
    RUN(get_param);
    RUN(std_dispatch);
    RUN(dual_interface_from_tlb);
    RUN(create_disp_type_info);
    RUN(vararg);
    ITypeInfo_Release(tinfo);
    SysFreeString(obj.name);
    return comrt_test_summary();
}
