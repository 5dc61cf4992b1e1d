/*
 * test_aptproxy.c — cross-apartment proxies (lib/runtime/aptproxy*.c):
 * an object created in STA thread A, reached from the MTA (the main thread)
 * and from another STA thread B through comrt__apt_wrap.
 *
 * The test object (Obj) implements IDispatch by hand, a dual interface
 * IAptTest and an [oleautomation] IAptCallback that a type library written
 * here with CreateTypeLib2 describes (registered with RegisterTypeLib into
 * the scratch registry), and ISupportErrorInfo.  Every method of Obj counts
 * a violation when it runs on a thread other than its creator's, so each
 * test checks that calls really ran in the object's home.  Objects count
 * themselves: every test ends with all of them gone (and LSan checks the
 * rest under ASan).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#define COBJMACROS
#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../comrt_test.h"
#include "apt_thread_util.h"
#include "runtime/apartment_internal.h"
#include "typelib/tlb_fixture.h"

/* ---- the interfaces ------------------------------------------------------ */

static const IID IID_IAptTest = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x01 } };
static const IID IID_IAptCallback = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x02 } };
/* Implemented by Obj but described nowhere: no proxy can exist. */
static const IID IID_IAptHidden = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x03 } };
static const IID g_iid_null;
/* A dispinterface known only by its ProxyStubClsid32 (PSDispatch). */
static const IID DIID_DAptEvents = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x04 } };
static const GUID LIBID_AptTest = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x10 } };
/* The same two interfaces again in a library whose import of stdole2.tlb
 * cannot be resolved (nothing beside it, no COMRT_TYPELIB_PATH): their
 * proxies must come from the interfaces' own FUNCDESCs and flags. */
static const IID IID_IAptTest2 = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x21 } };
static const IID IID_IAptCallback2 = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x22 } };
static const GUID LIBID_AptTest2 = { 0x7d1c0a01, 0x5a5e, 0x4d1b, { 0x9a, 0x11, 0x30, 0x00, 0x00, 0x00, 0x00, 0x20 } };

typedef struct IAptTest IAptTest;
typedef struct IAptCallback IAptCallback;

typedef struct {
    HRESULT (*QueryInterface)(IAptTest *, REFIID, void **);
    ULONG (*AddRef)(IAptTest *);
    ULONG (*Release)(IAptTest *);
    HRESULT (*GetTypeInfoCount)(IAptTest *, UINT *);
    HRESULT (*GetTypeInfo)(IAptTest *, UINT, LCID, ITypeInfo **);
    HRESULT (*GetIDsOfNames)(IAptTest *, REFIID, LPOLESTR *, UINT, LCID, DISPID *);
    HRESULT (*Invoke)(IAptTest *, DISPID, REFIID, LCID, WORD, DISPPARAMS *, VARIANT *, EXCEPINFO *, UINT *);
    HRESULT (*Add)(IAptTest *, LONG, LONG, LONG *);
    HRESULT (*CallBack)(IAptTest *, IAptCallback *, LONG, LONG *);
    HRESULT (*GetChild)(IAptTest *, IAptTest **);
    HRESULT (*Echo)(IAptTest *, VARIANT, VARIANT *);
    HRESULT (*Fail)(IAptTest *);
    HRESULT (*Mix)(IAptTest *, double, BSTR, SHORT, double *);
    HRESULT (*Swap)(IAptTest *, IAptCallback **);
    HRESULT (*GetSelf)(IAptTest *, IAptTest **); /* typed as the coclass AptObj */
} IAptTestVtbl;
struct IAptTest {
    const IAptTestVtbl *lpVtbl;
};

typedef struct {
    HRESULT (*QueryInterface)(IAptCallback *, REFIID, void **);
    ULONG (*AddRef)(IAptCallback *);
    ULONG (*Release)(IAptCallback *);
    HRESULT (*Notify)(IAptCallback *, LONG, LONG *);
} IAptCallbackVtbl;
struct IAptCallback {
    const IAptCallbackVtbl *lpVtbl;
};

/* ---- the object ------------------------------------------------------------ */

typedef struct {
    IAptTest test;          /* also its IDispatch and IUnknown */
    IAptCallback cb;
    ISupportErrorInfo sei;
    IUnknown hidden;        /* IAptHidden: IUnknown's methods only */
    IClassFactory cf;       /* makes more objects */
    IUnknown *cpc;          /* inner connection-point container (IAptCallback events) */
    IUnknown *pci;          /* inner IProvideClassInfo2 (coclass AptObj), or NULL */
    LONG refs;
    pthread_t home;
    BOOL mta;               /* lives in the MTA: any MTA thread is home */
    LONG tag;
} Obj;

static LONG g_live;         /* Obj instances alive */
static LONG g_wrong_thread; /* methods that ran off their home thread */
static LONG g_calls;        /* Add calls */
static void *g_last_cb;     /* the IAptCallback pointer CallBack received */
static LONG g_inner;        /* what Echo / ByRef got from calling their argument */
static BOOL g_keep_cb;      /* CallBack keeps its argument's identity in: */
static IUnknown *g_cb_identity;
static ITypeInfo *g_coclass; /* AptObj, once the library is registered */

static BOOL in_mta(void)
{
    APTTYPE t;
    APTTYPEQUALIFIER q;
    return SUCCEEDED(CoGetApartmentType(&t, &q)) && t == APTTYPE_MTA;
}

static BOOL at_home(Obj *o)
{
    return o->mta ? in_mta() : pthread_equal(pthread_self(), o->home);
}

static void check_home(Obj *o)
{
    if (!at_home(o))
        __atomic_add_fetch(&g_wrong_thread, 1, __ATOMIC_SEQ_CST);
}

static Obj *from_test(IAptTest *p) { return (Obj *)p; }
static Obj *from_cb(IAptCallback *p) { return (Obj *)((char *)p - offsetof(Obj, cb)); }
static Obj *from_sei(ISupportErrorInfo *p) { return (Obj *)((char *)p - offsetof(Obj, sei)); }
static Obj *from_hidden(IUnknown *p) { return (Obj *)((char *)p - offsetof(Obj, hidden)); }
static Obj *from_cf(IClassFactory *p) { return (Obj *)((char *)p - offsetof(Obj, cf)); }

static Obj *obj_new(LONG tag);

static HRESULT obj_qi(Obj *o, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch) || IsEqualIID(riid, &IID_IAptTest) ||
        IsEqualIID(riid, &DIID_DAptEvents) || IsEqualIID(riid, &IID_IAptTest2))
        *ppv = &o->test;
    else if (IsEqualIID(riid, &IID_IAptCallback) || IsEqualIID(riid, &IID_IAptCallback2))
        *ppv = &o->cb;
    else if (IsEqualIID(riid, &IID_ISupportErrorInfo))
        *ppv = &o->sei;
    else if (IsEqualIID(riid, &IID_IAptHidden))
        *ppv = &o->hidden;
    else if (IsEqualIID(riid, &IID_IClassFactory))
        *ppv = &o->cf;
    else if (IsEqualIID(riid, &IID_IConnectionPointContainer) && o->cpc)
        return IUnknown_QueryInterface(o->cpc, riid, ppv);
    else if ((IsEqualIID(riid, &IID_IProvideClassInfo) || IsEqualIID(riid, &IID_IProvideClassInfo2)) && o->pci)
        return IUnknown_QueryInterface(o->pci, riid, ppv);
    else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    __atomic_add_fetch(&o->refs, 1, __ATOMIC_SEQ_CST);
    return S_OK;
}

static ULONG obj_addref(Obj *o) { return (ULONG)__atomic_add_fetch(&o->refs, 1, __ATOMIC_SEQ_CST); }

static ULONG obj_release(Obj *o)
{
    ULONG r = (ULONG)__atomic_sub_fetch(&o->refs, 1, __ATOMIC_SEQ_CST);
    if (!r) {
        check_home(o); /* released in home, by proxies too */
        o->refs = 1; /* the inner objects' Release may delegate back */
        if (o->cpc)
            IUnknown_Release(o->cpc);
        if (o->pci)
            IUnknown_Release(o->pci);
        free(o);
        __atomic_sub_fetch(&g_live, 1, __ATOMIC_SEQ_CST);
    }
    return r;
}

static HRESULT t_QueryInterface(IAptTest *p, REFIID riid, void **ppv) { return obj_qi(from_test(p), riid, ppv); }
static ULONG t_AddRef(IAptTest *p) { return obj_addref(from_test(p)); }
static ULONG t_Release(IAptTest *p) { return obj_release(from_test(p)); }
static HRESULT t_GetTypeInfoCount(IAptTest *p, UINT *n)
{
    check_home(from_test(p));
    *n = 0;
    return S_OK;
}
static HRESULT t_GetTypeInfo(IAptTest *p, UINT i, LCID lcid, ITypeInfo **pp)
{
    *pp = NULL;
    return DISP_E_BADINDEX;
}
static HRESULT t_GetIDsOfNames(IAptTest *p, REFIID riid, LPOLESTR *names, UINT c, LCID lcid, DISPID *ids)
{
    check_home(from_test(p));
    for (UINT i = 0; i < c; i++)
        ids[i] = DISPID_UNKNOWN;
    return DISP_E_UNKNOWNNAME;
}

/* Calls IDispatch::Invoke(1 = Add) on d with a, b; the sum, or -1. */
static LONG invoke_add(IDispatch *d, LONG a, LONG b)
{
    VARIANT args[2], res;
    DISPPARAMS dp = { args, NULL, 2, 0 };
    V_VT(&args[1]) = VT_I4;
    V_I4(&args[1]) = a;
    V_VT(&args[0]) = VT_I4;
    V_I4(&args[0]) = b;
    VariantInit(&res);
    if (FAILED(IDispatch_Invoke(d, 1, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL)) || V_VT(&res) != VT_I4)
        return -1;
    return V_I4(&res);
}

/* DISPIDs: 1 Add(a, b); 2 Echo(v) calls v (if an object) with Add(20, 22)
 * and returns v; 3 Child() returns a new object; 4 ByRef(IDispatch **)
 * calls the object and replaces it with a new one; 5 Fire(v); 6 Children()
 * returns two new objects as a SAFEARRAY(IDispatch *), 7 Mixed() a
 * SAFEARRAY(VARIANT) holding a new object and a number; 8 SumAll(array)
 * calls Add(1, 1) on every object of a SAFEARRAY(IDispatch *) or
 * SAFEARRAY(VARIANT) argument and returns the sum. */
static HRESULT t_Invoke(IAptTest *p, DISPID id, REFIID riid, LCID lcid, WORD flags, DISPPARAMS *dp, VARIANT *res,
                        EXCEPINFO *ei, UINT *ae)
{
    Obj *o = from_test(p);
    check_home(o);
    switch (id) {
    case 1:
        if (dp->cArgs != 2 || V_VT(&dp->rgvarg[0]) != VT_I4 || V_VT(&dp->rgvarg[1]) != VT_I4)
            return DISP_E_TYPEMISMATCH;
        __atomic_add_fetch(&g_calls, 1, __ATOMIC_SEQ_CST);
        if (res) {
            V_VT(res) = VT_I4;
            V_I4(res) = V_I4(&dp->rgvarg[1]) + V_I4(&dp->rgvarg[0]);
        }
        return S_OK;
    case 2:
        if (dp->cArgs != 1)
            return DISP_E_BADPARAMCOUNT;
        if (V_VT(&dp->rgvarg[0]) == VT_DISPATCH)
            g_inner = invoke_add(V_DISPATCH(&dp->rgvarg[0]), 20, 22);
        return res ? VariantCopy(res, &dp->rgvarg[0]) : S_OK;
    case 3:
        if (res) {
            V_VT(res) = VT_DISPATCH;
            V_DISPATCH(res) = (IDispatch *)&obj_new(3)->test;
        }
        return S_OK;
    case 6:
    case 7: {
        SAFEARRAY *sa = SafeArrayCreateVector(id == 6 ? VT_DISPATCH : VT_VARIANT, 0, 2);
        void *data = NULL;
        if (!sa || FAILED(SafeArrayAccessData(sa, &data)))
            return E_OUTOFMEMORY;
        if (id == 6) {
            ((IDispatch **)data)[0] = (IDispatch *)&obj_new(6)->test;
            ((IDispatch **)data)[1] = (IDispatch *)&obj_new(6)->test;
        } else {
            VARIANT *v = data;
            V_VT(&v[0]) = VT_DISPATCH;
            V_DISPATCH(&v[0]) = (IDispatch *)&obj_new(7)->test;
            V_VT(&v[1]) = VT_I4;
            V_I4(&v[1]) = 5;
        }
        SafeArrayUnaccessData(sa);
        if (!res) {
            SafeArrayDestroy(sa);
            return S_OK;
        }
        V_VT(res) = VT_ARRAY | (id == 6 ? VT_DISPATCH : VT_VARIANT);
        V_ARRAY(res) = sa;
        return S_OK;
    }
    case 8: {
        VARTYPE vt;
        void *data = NULL;
        LONG sum = 0;
        SAFEARRAY *sa;
        if (dp->cArgs != 1 || !(V_VT(&dp->rgvarg[0]) & VT_ARRAY))
            return DISP_E_TYPEMISMATCH;
        vt = V_VT(&dp->rgvarg[0]) & VT_TYPEMASK;
        sa = V_ARRAY(&dp->rgvarg[0]);
        if (!sa || FAILED(SafeArrayAccessData(sa, &data)))
            return E_INVALIDARG;
        for (ULONG i = 0; i < sa->rgsabound[0].cElements; i++) {
            IDispatch *item = vt == VT_VARIANT ? (V_VT(&((VARIANT *)data)[i]) == VT_DISPATCH ? V_DISPATCH(&((VARIANT *)data)[i]) : NULL)
                                               : ((IDispatch **)data)[i];
            if (item)
                sum += invoke_add(item, 1, 1);
        }
        SafeArrayUnaccessData(sa);
        if (res) {
            V_VT(res) = VT_I4;
            V_I4(res) = sum;
        }
        return S_OK;
    }
    case 5: { /* Fire(v): IAptCallback::Notify(v) on every sink; the sum */
        ULONG n = 0;
        IUnknown **sinks = NULL;
        LONG sum = 0;
        if (dp->cArgs != 1 || V_VT(&dp->rgvarg[0]) != VT_I4)
            return DISP_E_TYPEMISMATCH;
        if (FAILED(ComrtConnectionPointSinks(o->cpc, &IID_IAptCallback, &n, &sinks)))
            return E_FAIL;
        for (ULONG i = 0; i < n; i++) {
            IAptCallback *cb = (IAptCallback *)sinks[i];
            LONG r = 0;
            if (SUCCEEDED(cb->lpVtbl->Notify(cb, V_I4(&dp->rgvarg[0]), &r)))
                sum += r;
            IUnknown_Release(sinks[i]);
        }
        CoTaskMemFree(sinks);
        if (res) {
            V_VT(res) = VT_I4;
            V_I4(res) = sum;
        }
        return S_OK;
    }
    case 4: {
        IDispatch **pp;
        if (dp->cArgs != 1 || V_VT(&dp->rgvarg[0]) != (VT_BYREF | VT_DISPATCH))
            return DISP_E_TYPEMISMATCH;
        pp = V_DISPATCHREF(&dp->rgvarg[0]);
        if (*pp) {
            g_inner = invoke_add(*pp, 1, 2);
            IDispatch_Release(*pp);
        }
        *pp = (IDispatch *)&obj_new(4)->test;
        return S_OK;
    }
    default:
        return DISP_E_MEMBERNOTFOUND;
    }
}

static HRESULT t_Add(IAptTest *p, LONG a, LONG b, LONG *r)
{
    check_home(from_test(p));
    __atomic_add_fetch(&g_calls, 1, __ATOMIC_SEQ_CST);
    *r = a + b;
    return S_OK;
}

static HRESULT t_CallBack(IAptTest *p, IAptCallback *cb, LONG v, LONG *r)
{
    LONG got = 0;
    HRESULT hr;
    check_home(from_test(p));
    g_last_cb = cb;
    if (!cb)
        return E_POINTER;
    if (g_keep_cb && !g_cb_identity)
        cb->lpVtbl->QueryInterface(cb, &IID_IUnknown, (void **)&g_cb_identity);
    hr = cb->lpVtbl->Notify(cb, v, &got);
    *r = got + 1;
    return hr;
}

static HRESULT t_GetChild(IAptTest *p, IAptTest **pp)
{
    check_home(from_test(p));
    *pp = &obj_new(from_test(p)->tag + 100)->test;
    return S_OK;
}

static HRESULT t_Echo(IAptTest *p, VARIANT v, VARIANT *r)
{
    check_home(from_test(p));
    if (V_VT(&v) == VT_DISPATCH && V_DISPATCH(&v))
        g_inner = invoke_add(V_DISPATCH(&v), 20, 22);
    VariantInit(r);
    return VariantCopy(r, &v);
}

static HRESULT t_Fail(IAptTest *p)
{
    ICreateErrorInfo *cei = NULL;
    IErrorInfo *ei = NULL;
    check_home(from_test(p));
    if (SUCCEEDED(CreateErrorInfo(&cei))) {
        ICreateErrorInfo_SetDescription(cei, (LPOLESTR)u"boom");
        ICreateErrorInfo_SetGUID(cei, &IID_IAptTest);
        if (SUCCEEDED(ICreateErrorInfo_QueryInterface(cei, &IID_IErrorInfo, (void **)&ei))) {
            SetErrorInfo(0, ei);
            IErrorInfo_Release(ei);
        }
        ICreateErrorInfo_Release(cei);
    }
    return 0x80040201;
}

static HRESULT t_Mix(IAptTest *p, double d, BSTR s, SHORT k, double *r)
{
    check_home(from_test(p));
    *r = d * 2 + k + SysStringLen(s);
    return S_OK;
}

/* [in, out] IAptCallback **: calls it, then replaces it with a new object. */
static HRESULT t_Swap(IAptTest *p, IAptCallback **pp)
{
    check_home(from_test(p));
    if (*pp) {
        LONG got = 0;
        (*pp)->lpVtbl->Notify(*pp, 5, &got);
        g_inner = got;
        (*pp)->lpVtbl->Release(*pp);
    }
    *pp = &obj_new(7)->cb;
    return S_OK;
}

static HRESULT t_GetSelf(IAptTest *p, IAptTest **pp)
{
    check_home(from_test(p));
    t_AddRef(p);
    *pp = p;
    return S_OK;
}

static const IAptTestVtbl test_vtbl = {
    t_QueryInterface, t_AddRef, t_Release, t_GetTypeInfoCount, t_GetTypeInfo, t_GetIDsOfNames, t_Invoke,
    t_Add, t_CallBack, t_GetChild, t_Echo, t_Fail, t_Mix, t_Swap, t_GetSelf,
};

static HRESULT c_QueryInterface(IAptCallback *p, REFIID riid, void **ppv) { return obj_qi(from_cb(p), riid, ppv); }
static ULONG c_AddRef(IAptCallback *p) { return obj_addref(from_cb(p)); }
static ULONG c_Release(IAptCallback *p) { return obj_release(from_cb(p)); }
static HRESULT c_Notify(IAptCallback *p, LONG v, LONG *r)
{
    check_home(from_cb(p));
    *r = v * 2;
    return S_OK;
}
static const IAptCallbackVtbl cb_vtbl = { c_QueryInterface, c_AddRef, c_Release, c_Notify };

static HRESULT STDMETHODCALLTYPE s_QueryInterface(ISupportErrorInfo *p, REFIID riid, void **ppv)
{
    return obj_qi(from_sei(p), riid, ppv);
}
static ULONG STDMETHODCALLTYPE s_AddRef(ISupportErrorInfo *p) { return obj_addref(from_sei(p)); }
static ULONG STDMETHODCALLTYPE s_Release(ISupportErrorInfo *p) { return obj_release(from_sei(p)); }
static HRESULT STDMETHODCALLTYPE s_InterfaceSupportsErrorInfo(ISupportErrorInfo *p, REFIID riid)
{
    check_home(from_sei(p));
    return IsEqualIID(riid, &IID_IAptTest) ? S_OK : S_FALSE;
}
static const ISupportErrorInfoVtbl sei_vtbl = { s_QueryInterface, s_AddRef, s_Release,
                                                s_InterfaceSupportsErrorInfo };

static HRESULT STDMETHODCALLTYPE h_QueryInterface(IUnknown *p, REFIID riid, void **ppv)
{
    return obj_qi(from_hidden(p), riid, ppv);
}
static ULONG STDMETHODCALLTYPE h_AddRef(IUnknown *p) { return obj_addref(from_hidden(p)); }
static ULONG STDMETHODCALLTYPE h_Release(IUnknown *p) { return obj_release(from_hidden(p)); }
static const IUnknownVtbl hidden_vtbl = { h_QueryInterface, h_AddRef, h_Release };

static HRESULT STDMETHODCALLTYPE f_QueryInterface(IClassFactory *p, REFIID riid, void **ppv)
{
    return obj_qi(from_cf(p), riid, ppv);
}
static ULONG STDMETHODCALLTYPE f_AddRef(IClassFactory *p) { return obj_addref(from_cf(p)); }
static ULONG STDMETHODCALLTYPE f_Release(IClassFactory *p) { return obj_release(from_cf(p)); }
static HRESULT STDMETHODCALLTYPE f_CreateInstance(IClassFactory *p, IUnknown *outer, REFIID riid, void **ppv)
{
    Obj *n;
    HRESULT hr;
    check_home(from_cf(p));
    *ppv = NULL;
    if (outer)
        return CLASS_E_NOAGGREGATION;
    n = obj_new(9);
    hr = obj_qi(n, riid, ppv);
    obj_release(n);
    return hr;
}
static HRESULT STDMETHODCALLTYPE f_LockServer(IClassFactory *p, BOOL lock)
{
    check_home(from_cf(p));
    return S_OK;
}
static const IClassFactoryVtbl cf_vtbl = { f_QueryInterface, f_AddRef, f_Release, f_CreateInstance, f_LockServer };

/* A new object living in the calling thread's apartment (refs 1). */
static Obj *obj_new(LONG tag)
{
    Obj *o = calloc(1, sizeof *o);
    o->test.lpVtbl = &test_vtbl;
    o->cb.lpVtbl = &cb_vtbl;
    o->sei.lpVtbl = &sei_vtbl;
    o->hidden.lpVtbl = &hidden_vtbl;
    o->cf.lpVtbl = &cf_vtbl;
    o->refs = 1;
    ComrtCreateConnectionPointContainer((IUnknown *)&o->test, 1, &IID_IAptCallback, &o->cpc);
    if (g_coclass)
        ComrtCreateProvideClassInfo((IUnknown *)&o->test, g_coclass, &o->pci);
    o->home = pthread_self();
    o->mta = in_mta();
    o->tag = tag;
    __atomic_add_fetch(&g_live, 1, __ATOMIC_SEQ_CST);
    return o;
}

static void make_obj(void *ctx) { *(Obj **)ctx = obj_new(1); }
static void release_obj(void *ctx) { t_Release(&(*(Obj **)ctx)->test); }
static void noop(void *ctx) { (void)ctx; }

static LONG live(void) { return __atomic_load_n(&g_live, __ATOMIC_SEQ_CST); }

/* The live count once releases posted to the MTA have run (up to 5 s). */
static LONG live_after_mta(LONG want)
{
    for (int i = 0; i < 500 && live() != want; i++)
        usleep(10000);
    return live();
}

/* Lets at run what was posted to it (releases in home are posted). */
static void settle(apt_thread *at)
{
    run_in(at, noop, NULL);
}

static apt_thread A, B;

/* ---- the type library --------------------------------------------------- */

static char tmpdir[256];

static void wide(const char *s, WCHAR *out, size_t n)
{
    size_t i;
    for (i = 0; s[i] && i < n - 1; i++)
        out[i] = (WCHAR)(unsigned char)s[i];
    out[i] = 0;
}

static ITypeInfo *stdole_type(const GUID *iid)
{
    ITypeLib *std = NULL;
    ITypeInfo *ti = NULL;
    if (LoadTypeLib(tlb_fixture("stdole2.tlb"), &std) != S_OK)
        return NULL;
    ITypeLib_GetTypeInfoOfGuid(std, iid, &ti);
    ITypeLib_Release(std);
    return ti;
}

static void add_func(ICreateTypeInfo *cti, UINT index, MEMBERID id, SHORT n, ELEMDESC *params, LPOLESTR *names)
{
    FUNCDESC fd;
    memset(&fd, 0, sizeof fd);
    fd.memid = id;
    fd.funckind = FUNC_PUREVIRTUAL;
    fd.invkind = INVOKE_FUNC;
    fd.callconv = CC_STDCALL;
    fd.cParams = n;
    fd.lprgelemdescParam = params;
    fd.elemdescFunc.tdesc.vt = VT_HRESULT;
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, index, &fd), S_OK);
    CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, index, names, (UINT)n + 1), S_OK);
}

static HREFTYPE ref_to(ICreateTypeInfo *cti, ICreateTypeInfo *target)
{
    ITypeInfo *ti = NULL;
    HREFTYPE h = 0;
    CHECK_HR(ICreateTypeInfo_QueryInterface(target, &IID_ITypeInfo, (void **)&ti), S_OK);
    if (ti) {
        CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, ti, &h), S_OK);
        ITypeInfo_Release(ti);
    }
    return h;
}

/* Writes <dir>/AptTest.tlb (IAptCallback : IUnknown [oleautomation];
 * IAptTest : IDispatch [dual], with the IIDs given; LCID 0, or 0x409 for
 * LIBID_AptTest2) and registers it. */
static void build_and_register(const char *dir, const GUID *libid, const IID *iid_test, const IID *iid_cb)
{
    ICreateTypeLib2 *ctl = NULL;
    ICreateTypeInfo *cb = NULL, *t = NULL;
    ITypeInfo *unk = stdole_type(&IID_IUnknown), *disp = stdole_type(&IID_IDispatch);
    ITypeLib *tl = NULL;
    HREFTYPE h;
    WCHAR path[512];
    char narrow[512];

    snprintf(narrow, sizeof narrow, "%s/AptTest.tlb", dir);
    wide(narrow, path, 512);
    CHECK(unk && disp);
    if (!unk || !disp)
        return;
    CHECK_HR(CreateTypeLib2(SYS_WIN64, path, &ctl), S_OK);
    ICreateTypeLib2_SetName(ctl, (LPOLESTR)u"AptTestLib");
    ICreateTypeLib2_SetGuid(ctl, libid);
    ICreateTypeLib2_SetVersion(ctl, 1, 0);
    /* The second library is registered for a language (en-US), as
     * libraries built for one are: proxies must find it all the same. */
    ICreateTypeLib2_SetLcid(ctl, libid == &LIBID_AptTest ? 0 : 0x409);

    CHECK_HR(ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)u"IAptCallback", TKIND_INTERFACE, &cb), S_OK);
    ICreateTypeInfo_SetGuid(cb, iid_cb);
    ICreateTypeInfo_SetTypeFlags(cb, TYPEFLAG_FOLEAUTOMATION);
    CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cb, unk, &h), S_OK);
    CHECK_HR(ICreateTypeInfo_AddImplType(cb, 0, h), S_OK);
    {
        TYPEDESC i4 = { { 0 }, VT_I4 };
        ELEMDESC p[2];
        LPOLESTR names[] = { (LPOLESTR)u"Notify", (LPOLESTR)u"v", (LPOLESTR)u"r" };
        memset(p, 0, sizeof p);
        p[0].tdesc.vt = VT_I4;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
        p[1].tdesc.vt = VT_PTR;
        p[1].tdesc.lptdesc = &i4;
        p[1].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        add_func(cb, 0, 1, 2, p, names);
    }
    CHECK_HR(ICreateTypeInfo_LayOut(cb), S_OK);

    CHECK_HR(ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)u"IAptTest", TKIND_INTERFACE, &t), S_OK);
    ICreateTypeInfo_SetGuid(t, iid_test);
    ICreateTypeInfo_SetTypeFlags(t, TYPEFLAG_FDUAL | TYPEFLAG_FOLEAUTOMATION | TYPEFLAG_FDISPATCHABLE);
    CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(t, disp, &h), S_OK);
    CHECK_HR(ICreateTypeInfo_AddImplType(t, 0, h), S_OK);
    {
        TYPEDESC i4 = { { 0 }, VT_I4 }, r8 = { { 0 }, VT_R8 }, var = { { 0 }, VT_VARIANT };
        TYPEDESC cbt = { { 0 }, VT_USERDEFINED }, self = { { 0 }, VT_USERDEFINED };
        TYPEDESC pcb = { { 0 }, VT_PTR }, pself = { { 0 }, VT_PTR };
        ELEMDESC p[3];
        UINT k = 0;
        cbt.hreftype = ref_to(t, cb);
        self.hreftype = ref_to(t, t);
        pcb.lptdesc = &cbt;
        pself.lptdesc = &self;

        memset(p, 0, sizeof p); /* Add([in] LONG a, [in] LONG b, [out, retval] LONG *r) */
        p[0].tdesc.vt = p[1].tdesc.vt = VT_I4;
        p[0].paramdesc.wParamFlags = p[1].paramdesc.wParamFlags = PARAMFLAG_FIN;
        p[2].tdesc.vt = VT_PTR;
        p[2].tdesc.lptdesc = &i4;
        p[2].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        add_func(t, k++, 101, 3, p,
                 (LPOLESTR[]){ (LPOLESTR)u"Add", (LPOLESTR)u"a", (LPOLESTR)u"b", (LPOLESTR)u"r" });

        memset(p, 0, sizeof p); /* CallBack([in] IAptCallback *cb, [in] LONG v, [out, retval] LONG *r) */
        p[0].tdesc.vt = VT_PTR;
        p[0].tdesc.lptdesc = &cbt;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
        p[1].tdesc.vt = VT_I4;
        p[1].paramdesc.wParamFlags = PARAMFLAG_FIN;
        p[2].tdesc.vt = VT_PTR;
        p[2].tdesc.lptdesc = &i4;
        p[2].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        add_func(t, k++, 102, 3, p,
                 (LPOLESTR[]){ (LPOLESTR)u"CallBack", (LPOLESTR)u"cb", (LPOLESTR)u"v", (LPOLESTR)u"r" });

        memset(p, 0, sizeof p); /* GetChild([out, retval] IAptTest **pp) */
        p[0].tdesc.vt = VT_PTR;
        p[0].tdesc.lptdesc = &pself;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        add_func(t, k++, 103, 1, p, (LPOLESTR[]){ (LPOLESTR)u"GetChild", (LPOLESTR)u"pp" });

        memset(p, 0, sizeof p); /* Echo([in] VARIANT v, [out, retval] VARIANT *r) */
        p[0].tdesc.vt = VT_VARIANT;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
        p[1].tdesc.vt = VT_PTR;
        p[1].tdesc.lptdesc = &var;
        p[1].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        add_func(t, k++, 104, 2, p, (LPOLESTR[]){ (LPOLESTR)u"Echo", (LPOLESTR)u"v", (LPOLESTR)u"r" });

        add_func(t, k++, 105, 0, NULL, (LPOLESTR[]){ (LPOLESTR)u"Fail" });

        memset(p, 0, sizeof p); /* Mix([in] double d, [in] BSTR s, [in] SHORT k, [out, retval] double *r) */
        p[0].tdesc.vt = VT_R8;
        p[1].tdesc.vt = VT_BSTR;
        p[2].tdesc.vt = VT_I2;
        p[0].paramdesc.wParamFlags = p[1].paramdesc.wParamFlags = p[2].paramdesc.wParamFlags = PARAMFLAG_FIN;
        {
            ELEMDESC q[4];
            memset(q, 0, sizeof q);
            memcpy(q, p, sizeof p);
            q[3].tdesc.vt = VT_PTR;
            q[3].tdesc.lptdesc = &r8;
            q[3].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
            add_func(t, k++, 106, 4, q,
                     (LPOLESTR[]){ (LPOLESTR)u"Mix", (LPOLESTR)u"d", (LPOLESTR)u"s", (LPOLESTR)u"k",
                                   (LPOLESTR)u"r" });
        }

        memset(p, 0, sizeof p); /* Swap([in, out] IAptCallback **pp) */
        p[0].tdesc.vt = VT_PTR;
        p[0].tdesc.lptdesc = &pcb;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOUT;
        add_func(t, k++, 107, 1, p, (LPOLESTR[]){ (LPOLESTR)u"Swap", (LPOLESTR)u"pp" });

        /* GetSelf([out, retval] AptObj **pp): a coclass as the type means
         * its default interface */
        {
            ICreateTypeInfo *co = NULL;
            TYPEDESC cot = { { 0 }, VT_USERDEFINED }, pco = { { 0 }, VT_PTR };
            GUID clsid = *libid;
            clsid.Data4[7] ^= 0x80;
            CHECK_HR(ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)u"AptObj", TKIND_COCLASS, &co), S_OK);
            if (co) {
                ICreateTypeInfo_SetGuid(co, &clsid);
                CHECK_HR(ICreateTypeInfo_AddImplType(co, 0, ref_to(co, t)), S_OK);
                CHECK_HR(ICreateTypeInfo_SetImplTypeFlags(co, 0, IMPLTYPEFLAG_FDEFAULT), S_OK);
                CHECK_HR(ICreateTypeInfo_LayOut(co), S_OK);
                cot.hreftype = ref_to(t, co);
                pco.lptdesc = &cot;
                memset(p, 0, sizeof p);
                p[0].tdesc.vt = VT_PTR;
                p[0].tdesc.lptdesc = &pco;
                p[0].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
                add_func(t, k++, 108, 1, p, (LPOLESTR[]){ (LPOLESTR)u"GetSelf", (LPOLESTR)u"pp" });
                ICreateTypeInfo_Release(co);
            }
        }
    }
    CHECK_HR(ICreateTypeInfo_LayOut(t), S_OK);
    CHECK_HR(ICreateTypeLib2_SaveAllChanges(ctl), S_OK);
    ICreateTypeInfo_Release(t);
    ICreateTypeInfo_Release(cb);
    ICreateTypeLib2_Release(ctl);
    ITypeInfo_Release(unk);
    ITypeInfo_Release(disp);

    CHECK_HR(LoadTypeLib(path, &tl), S_OK);
    if (tl) {
        CHECK_HR(RegisterTypeLib(tl, path, NULL), S_OK);
        if (!g_coclass) {
            GUID clsid = *libid;
            clsid.Data4[7] ^= 0x80;
            CHECK_HR(ITypeLib_GetTypeInfoOfGuid(tl, &clsid, &g_coclass), S_OK);
        }
        ITypeLib_Release(tl);
    }
    if (libid != &LIBID_AptTest)
        return;
    {
        static const WCHAR key[] = u"Interface\\{7D1C0A01-5A5E-4D1B-9A11-300000000004}\\ProxyStubClsid32";
        static const WCHAR ps[] = u"{00020420-0000-0000-C000-000000000046}";
        HKEY k = NULL;
        CHECK_INT(RegCreateKeyExW(HKEY_CLASSES_ROOT, key, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL), 0);
        if (k) {
            CHECK_INT(RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)ps, sizeof ps), 0);
            RegCloseKey(k);
        }
    }
}

/* ---- tests ------------------------------------------------------------------- */

/* The MTA (main thread) reaches A's object: identity, IDispatch::Invoke,
 * the calls run on A, and every reference goes back. */
TEST(mta_to_sta_identity_and_dispatch)
{
    Obj *o = NULL;
    IUnknown *u1 = NULL, *u2 = NULL, *u3 = NULL;
    IDispatch *d = NULL;
    LONG base = live();

    run_in(&A, make_obj, &o);
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&o->test, &IID_IUnknown, (void **)&u1), S_OK);
    CHECK(u1 && u1 != (IUnknown *)&o->test);
    /* wrapping twice answers the same proxy */
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&o->cb, &IID_IUnknown, (void **)&u2), S_OK);
    CHECK(u1 == u2);
    CHECK_HR(IUnknown_QueryInterface(u1, &IID_IDispatch, (void **)&d), S_OK);
    CHECK(d && (void *)d != (void *)u1);
    if (d) {
        /* one count for the whole proxy, as Wine's proxy manager keeps:
         * u1 + u2 + d = 3 */
        CHECK_INT(IDispatch_AddRef(d), 4);
        CHECK_INT(IDispatch_Release(d), 3);
        CHECK_HR(IDispatch_QueryInterface(d, &IID_IUnknown, (void **)&u3), S_OK);
        CHECK(u3 == u1);
        CHECK_INT(invoke_add(d, 2, 3), 5);
        {
            UINT n = 7;
            CHECK_HR(IDispatch_GetTypeInfoCount(d, &n), S_OK);
            CHECK_INT(n, 0);
        }
        IDispatch_Release(d);
    }
    if (u3)
        IUnknown_Release(u3);
    if (u2)
        IUnknown_Release(u2);
    if (u1)
        CHECK_INT(IUnknown_Release(u1), 0);
    run_in(&A, release_obj, &o);
    settle(&A);
    CHECK_INT(live(), base);
    CHECK_INT(g_wrong_thread, 0);
}

/* In home, wrapping answers the object itself; E_NOINTERFACE for an
 * interface with no proxy signature, and for one the object lacks. */
static void in_home(void *ctx)
{
    Obj *o = ctx;
    IUnknown *p = NULL;
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&o->cb, &IID_IDispatch, (void **)&p), S_OK);
    CHECK(p == (IUnknown *)&o->test);
    if (p)
        IUnknown_Release(p);
}

TEST(caller_in_home_and_no_interface)
{
    Obj *o = NULL;
    IUnknown *u = NULL, *x = (IUnknown *)(uintptr_t)1;
    LONG base = live();
    run_in(&A, make_obj, &o);
    run_in(&A, in_home, o);
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&o->test, &IID_IAptHidden, (void **)&x), E_NOINTERFACE);
    CHECK(x == (IUnknown *)(uintptr_t)1); /* not written on failure */
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&o->test, &IID_IUnknown, (void **)&u), S_OK);
    if (u) {
        CHECK_HR(IUnknown_QueryInterface(u, &IID_IAptHidden, (void **)&x), E_NOINTERFACE);
        CHECK(x == NULL);
        CHECK_HR(IUnknown_QueryInterface(u, &IID_IEnumVARIANT, (void **)&x), E_NOINTERFACE);
        IUnknown_Release(u);
    }
    run_in(&A, release_obj, &o);
    settle(&A);
    CHECK_INT(live(), base);
}

/* ---- from STA B: the type-library interface ----------------------------- */

typedef struct {
    Obj *o;        /* A's object */
    Obj *local;    /* B's object */
} b_ctx;

static void b_custom(void *arg)
{
    b_ctx *c = arg;
    IAptTest *t = NULL, *child = NULL, *child2 = NULL;
    LONG r = 0;
    double d = 0;
    BSTR s = SysAllocString(u"abc");

    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IAptTest, (void **)&t), S_OK);
    if (!t)
        goto out;
    CHECK(t != &c->o->test);
    CHECK_HR(t->lpVtbl->Add(t, 40, 2, &r), S_OK);
    CHECK_INT(r, 42);
    CHECK_HR(t->lpVtbl->Mix(t, 1.25, s, -3, &d), S_OK);
    CHECK_DBL(d, 1.25 * 2 - 3 + 3);
    CHECK_INT(invoke_add((IDispatch *)t, 7, 8), 15); /* IDispatch slots of the dual */

    /* [out, retval] typed as a coclass: its default interface's proxy,
     * which is t itself */
    {
        IAptTest *self = NULL;
        CHECK_HR(t->lpVtbl->GetSelf(t, &self), S_OK);
        CHECK(self == t);
        if (self)
            self->lpVtbl->Release(self);
    }

    /* [out, retval] interface: a proxy to a new object in A */
    CHECK_HR(t->lpVtbl->GetChild(t, &child), S_OK);
    CHECK(child != NULL);
    if (child) {
        CHECK_HR(child->lpVtbl->Add(child, 1, 1, &r), S_OK);
        CHECK_INT(r, 2);
        CHECK_HR(child->lpVtbl->GetChild(child, &child2), S_OK);
        if (child2) {
            CHECK_HR(child2->lpVtbl->Add(child2, 2, 2, &r), S_OK);
            CHECK_INT(r, 4);
            child2->lpVtbl->Release(child2);
        }
        CHECK_INT(child->lpVtbl->Release(child), 0);
    }

    /* [in] callback, called back from A while B waits */
    r = 0;
    CHECK_HR(t->lpVtbl->CallBack(t, NULL, 10, &r), E_POINTER);
    CHECK(g_last_cb == NULL);
    CHECK_HR(t->lpVtbl->CallBack(t, &c->local->cb, 10, &r), S_OK);
    CHECK_INT(r, 21);
    CHECK(g_last_cb != &c->local->cb); /* A got a proxy */

    /* a proxy of A's own object handed back to A arrives as the object */
    {
        IAptCallback *pcb = NULL;
        CHECK_HR(t->lpVtbl->QueryInterface(t, &IID_IAptCallback, (void **)&pcb), S_OK);
        if (pcb) {
            CHECK_HR(t->lpVtbl->CallBack(t, pcb, 3, &r), S_OK);
            CHECK_INT(r, 7);
            CHECK(g_last_cb == &c->o->cb);
            pcb->lpVtbl->Release(pcb);
        }
    }

    /* VARIANT by value with VT_DISPATCH in, and out again */
    {
        VARIANT v, res;
        V_VT(&v) = VT_DISPATCH;
        V_DISPATCH(&v) = (IDispatch *)&c->local->test;
        VariantInit(&res);
        g_inner = 0;
        CHECK_HR(t->lpVtbl->Echo(t, v, &res), S_OK);
        CHECK_INT(g_inner, 42);
        CHECK_INT(V_VT(&res), VT_DISPATCH);
        /* the proxy came home: B's own object again */
        CHECK(V_DISPATCH(&res) == (IDispatch *)&c->local->test);
        VariantClear(&res);
        V_VT(&v) = VT_BSTR;
        V_BSTR(&v) = s;
        CHECK_HR(t->lpVtbl->Echo(t, v, &res), S_OK);
        CHECK_INT(V_VT(&res), VT_BSTR);
        CHECK(V_BSTR(&res) && V_BSTR(&res) != s && SysStringLen(V_BSTR(&res)) == 3);
        VariantClear(&res);
    }

    /* [in, out] interface: B's callback goes in, A's new object comes out */
    {
        IAptCallback *io = &c->local->cb;
        LONG before = live();
        c->local->cb.lpVtbl->AddRef(&c->local->cb); /* the reference Swap takes over */
        g_inner = 0;
        CHECK_HR(t->lpVtbl->Swap(t, &io), S_OK);
        CHECK_INT(g_inner, 10);
        CHECK(io != NULL && io != &c->local->cb);
        if (io) {
            CHECK_HR(io->lpVtbl->Notify(io, 4, &r), S_OK);
            CHECK_INT(r, 8);
            CHECK_INT(io->lpVtbl->Release(io), 0);
        }
        (void)before;
    }

    /* error info crosses */
    {
        IErrorInfo *ei = NULL;
        BSTR desc = NULL;
        SetErrorInfo(0, NULL);
        CHECK_HR(t->lpVtbl->Fail(t), 0x80040201);
        CHECK_HR(GetErrorInfo(0, &ei), S_OK);
        if (ei) {
            CHECK_HR(IErrorInfo_GetDescription(ei, &desc), S_OK);
            CHECK_WSTR(desc, "boom");
            SysFreeString(desc);
            IErrorInfo_Release(ei);
        }
        /* a call that sets none leaves none */
        CHECK_HR(t->lpVtbl->Add(t, 1, 2, &r), S_OK);
        ei = NULL;
        CHECK_HR(GetErrorInfo(0, &ei), S_FALSE);
    }

    /* ISupportErrorInfo's proxy */
    {
        ISupportErrorInfo *sei = NULL;
        CHECK_HR(t->lpVtbl->QueryInterface(t, &IID_ISupportErrorInfo, (void **)&sei), S_OK);
        if (sei) {
            CHECK_HR(ISupportErrorInfo_InterfaceSupportsErrorInfo(sei, &IID_IAptTest), S_OK);
            CHECK_HR(ISupportErrorInfo_InterfaceSupportsErrorInfo(sei, &IID_IDispatch), S_FALSE);
            ISupportErrorInfo_Release(sei);
        }
    }
    CHECK_INT(t->lpVtbl->Release(t), 0);
out:
    SysFreeString(s);
}

TEST(sta_to_sta_typelib_interface)
{
    b_ctx c = { NULL, NULL };
    LONG base = live();
    run_in(&A, make_obj, &c.o);
    run_in(&B, make_obj, &c.local);
    run_in(&B, b_custom, &c);
    run_in(&B, release_obj, &c.local);
    run_in(&A, release_obj, &c.o);
    settle(&A);
    settle(&B);
    CHECK_INT(live(), base);
    CHECK_INT(g_wrong_thread, 0);
}

/* ---- IDispatch::Invoke with objects in DISPPARAMS and results ---------- */

static void b_invoke(void *arg)
{
    b_ctx *c = arg;
    IDispatch *d = NULL;
    VARIANT args[1], res;
    DISPPARAMS dp = { args, NULL, 1, 0 };

    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IDispatch, (void **)&d), S_OK);
    if (!d)
        return;
    /* VT_DISPATCH argument called back from A; comes back as B's object */
    V_VT(&args[0]) = VT_DISPATCH;
    V_DISPATCH(&args[0]) = (IDispatch *)&c->local->test;
    VariantInit(&res);
    g_inner = 0;
    CHECK_HR(IDispatch_Invoke(d, 2, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL), S_OK);
    CHECK_INT(g_inner, 42);
    CHECK_INT(V_VT(&res), VT_DISPATCH);
    CHECK(V_DISPATCH(&res) == (IDispatch *)&c->local->test);
    VariantClear(&res);

    /* VT_DISPATCH result: a proxy to A's new object */
    dp.cArgs = 0;
    CHECK_HR(IDispatch_Invoke(d, 3, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL), S_OK);
    CHECK_INT(V_VT(&res), VT_DISPATCH);
    if (V_VT(&res) == VT_DISPATCH && V_DISPATCH(&res)) {
        CHECK(V_DISPATCH(&res) != (IDispatch *)&c->o->test);
        CHECK_INT(invoke_add(V_DISPATCH(&res), 5, 6), 11);
    }
    VariantClear(&res);

    /* SAFEARRAYs of objects in results: every element a proxy to A */
    dp.cArgs = 0;
    CHECK_HR(IDispatch_Invoke(d, 6, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL), S_OK);
    CHECK_INT(V_VT(&res), VT_ARRAY | VT_DISPATCH);
    if (V_VT(&res) == (VT_ARRAY | VT_DISPATCH)) {
        IDispatch **items = NULL;
        CHECK_HR(SafeArrayAccessData(V_ARRAY(&res), (void **)&items), S_OK);
        for (int i = 0; items && i < 2; i++) {
            CHECK(items[i] != NULL);
            if (items[i])
                CHECK_INT(invoke_add(items[i], i, 10), i + 10); /* runs on A: check_home */
        }
        SafeArrayUnaccessData(V_ARRAY(&res));
    }
    VariantClear(&res);
    CHECK_HR(IDispatch_Invoke(d, 7, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL), S_OK);
    CHECK_INT(V_VT(&res), VT_ARRAY | VT_VARIANT);
    if (V_VT(&res) == (VT_ARRAY | VT_VARIANT)) {
        VARIANT *items = NULL;
        CHECK_HR(SafeArrayAccessData(V_ARRAY(&res), (void **)&items), S_OK);
        if (items) {
            CHECK_INT(V_VT(&items[0]), VT_DISPATCH);
            if (V_VT(&items[0]) == VT_DISPATCH && V_DISPATCH(&items[0]))
                CHECK_INT(invoke_add(V_DISPATCH(&items[0]), 2, 3), 5);
            CHECK(V_VT(&items[1]) == VT_I4 && V_I4(&items[1]) == 5);
        }
        SafeArrayUnaccessData(V_ARRAY(&res));
    }
    VariantClear(&res);

    /* SAFEARRAYs of B's objects as arguments: A calls each through a proxy
     * back to B (check_home), and B's array is left as it was */
    {
        SAFEARRAY *sa = SafeArrayCreateVector(VT_DISPATCH, 0, 2);
        IDispatch **items = NULL;
        CHECK(sa != NULL);
        if (sa && SUCCEEDED(SafeArrayAccessData(sa, (void **)&items))) {
            for (int i = 0; i < 2; i++) {
                items[i] = (IDispatch *)&c->local->test;
                IDispatch_AddRef(items[i]);
            }
            SafeArrayUnaccessData(sa);
            V_VT(&args[0]) = VT_ARRAY | VT_DISPATCH;
            V_ARRAY(&args[0]) = sa;
            dp.cArgs = 1;
            CHECK_HR(IDispatch_Invoke(d, 8, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL), S_OK);
            CHECK(V_VT(&res) == VT_I4 && V_I4(&res) == 4);
            CHECK_HR(SafeArrayAccessData(sa, (void **)&items), S_OK);
            if (items)
                CHECK(items[0] == (IDispatch *)&c->local->test && items[1] == (IDispatch *)&c->local->test);
            SafeArrayUnaccessData(sa);
            VariantClear(&args[0]); /* B's two references back */
        }
        sa = SafeArrayCreateVector(VT_VARIANT, 0, 2);
        if (sa) {
            VARIANT *vs = NULL;
            SafeArrayAccessData(sa, (void **)&vs);
            if (vs) {
                V_VT(&vs[0]) = VT_DISPATCH;
                V_DISPATCH(&vs[0]) = (IDispatch *)&c->local->test;
                IDispatch_AddRef(V_DISPATCH(&vs[0]));
                V_VT(&vs[1]) = VT_I4;
                V_I4(&vs[1]) = 9;
            }
            SafeArrayUnaccessData(sa);
            V_VT(&args[0]) = VT_ARRAY | VT_VARIANT;
            V_ARRAY(&args[0]) = sa;
            CHECK_HR(IDispatch_Invoke(d, 8, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL), S_OK);
            CHECK(V_VT(&res) == VT_I4 && V_I4(&res) == 2);
            VariantClear(&args[0]);
        }
        dp.cArgs = 0;
    }

    /* VT_BYREF | VT_DISPATCH: the callee replaces B's object with its own */
    {
        IDispatch *slot = (IDispatch *)&c->local->test;
        IDispatch_AddRef(slot);
        V_VT(&args[0]) = VT_BYREF | VT_DISPATCH;
        V_DISPATCHREF(&args[0]) = &slot;
        dp.cArgs = 1;
        g_inner = 0;
        CHECK_HR(IDispatch_Invoke(d, 4, &g_iid_null, 0, DISPATCH_METHOD, &dp, NULL, NULL, NULL), S_OK);
        CHECK_INT(g_inner, 3);
        CHECK(slot && slot != (IDispatch *)&c->local->test);
        if (slot) {
            CHECK_INT(invoke_add(slot, 2, 2), 4);
            CHECK_INT(IDispatch_Release(slot), 0);
        }
    }
    /* errors of the callee come back as they are */
    dp.cArgs = 0;
    CHECK_HR(IDispatch_Invoke(d, 99, &g_iid_null, 0, DISPATCH_METHOD, &dp, NULL, NULL, NULL), DISP_E_MEMBERNOTFOUND);
    CHECK_INT(IDispatch_Release(d), 0);
}

TEST(dispatch_invoke_wraps_variants)
{
    b_ctx c = { NULL, NULL };
    LONG base = live();
    run_in(&A, make_obj, &c.o);
    run_in(&B, make_obj, &c.local);
    run_in(&B, b_invoke, &c);
    run_in(&B, release_obj, &c.local);
    run_in(&A, release_obj, &c.o);
    settle(&A);
    settle(&B);
    CHECK_INT(live(), base);
    CHECK_INT(g_wrong_thread, 0);
}

/* ---- events, enumerators, class factories -------------------------------- */

/* B advises its own sink on A's object; A fires: the sink runs on B. */
static void b_events(void *arg)
{
    b_ctx *c = arg;
    IConnectionPointContainer *cpc = NULL;
    IConnectionPoint *cp = NULL;
    IEnumConnections *en = NULL;
    IDispatch *d = NULL;
    DWORD cookie = 0;
    VARIANT args[1], res;
    DISPPARAMS dp = { args, NULL, 1, 0 };

    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IConnectionPointContainer, (void **)&cpc), S_OK);
    if (!cpc)
        return;
    {
        /* IEnumConnectionPoints: its points come as proxies */
        IEnumConnectionPoints *ecp = NULL;
        CHECK_HR(IConnectionPointContainer_EnumConnectionPoints(cpc, &ecp), S_OK);
        if (ecp) {
            IConnectionPoint *pts[2] = { NULL, NULL };
            ULONG got = 9;
            CHECK_HR(IEnumConnectionPoints_Next(ecp, 2, pts, &got), S_FALSE);
            CHECK_INT(got, 1);
            if (pts[0]) {
                IID iid;
                CHECK_HR(IConnectionPoint_GetConnectionInterface(pts[0], &iid), S_OK);
                CHECK(IsEqualIID(&iid, &IID_IAptCallback));
                IConnectionPoint_Release(pts[0]);
            }
            IEnumConnectionPoints_Release(ecp);
        }
    }
    CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &IID_IAptCallback, &cp), S_OK);
    if (cp) {
        IConnectionPointContainer *back = NULL;
        IID iid;
        CHECK_HR(IConnectionPoint_GetConnectionInterface(cp, &iid), S_OK);
        CHECK(IsEqualIID(&iid, &IID_IAptCallback));
        CHECK_HR(IConnectionPoint_GetConnectionPointContainer(cp, &back), S_OK);
        CHECK(back == cpc); /* the same proxy: one identity */
        if (back)
            IConnectionPointContainer_Release(back);
        CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&c->local->test, &cookie), S_OK);
        CHECK(cookie != 0);
        CHECK_HR(IConnectionPoint_EnumConnections(cp, &en), S_OK);
        if (en) {
            CONNECTDATA cd[2];
            ULONG got = 9;
            memset(cd, 0, sizeof cd);
            CHECK_HR(IEnumConnections_Next(en, 2, cd, &got), S_FALSE);
            CHECK_INT(got, 1);
            CHECK_INT(cd[0].dwCookie, cookie);
            /* the sink came home: B's object itself */
            CHECK(cd[0].pUnk == (IUnknown *)&c->local->test);
            if (cd[0].pUnk)
                IUnknown_Release(cd[0].pUnk);
            IEnumConnections_Release(en);
        }
    }
    CHECK_HR(IConnectionPointContainer_QueryInterface(cpc, &IID_IDispatch, (void **)&d), S_OK);
    if (d) {
        V_VT(&args[0]) = VT_I4;
        V_I4(&args[0]) = 21;
        VariantInit(&res);
        CHECK_HR(IDispatch_Invoke(d, 5, &g_iid_null, 0, DISPATCH_METHOD, &dp, &res, NULL, NULL), S_OK);
        CHECK_INT(V_I4(&res), 42);
        IDispatch_Release(d);
    }
    if (cp) {
        CHECK_HR(IConnectionPoint_Unadvise(cp, cookie), S_OK);
        IConnectionPoint_Release(cp);
    }
    IConnectionPointContainer_Release(cpc);
}

TEST(connection_point_events)
{
    b_ctx c = { NULL, NULL };
    LONG base = live();
    run_in(&A, make_obj, &c.o);
    run_in(&B, make_obj, &c.local);
    run_in(&B, b_events, &c);
    run_in(&B, release_obj, &c.local);
    run_in(&A, release_obj, &c.o);
    settle(&A);
    settle(&B);
    CHECK_INT(live(), base);
    CHECK_INT(g_wrong_thread, 0);
}

typedef struct {
    Obj *items[2];
    IEnumVARIANT *en;
    IEnumUnknown *eu;
} enum_ctx;

static void make_enum(void *arg)
{
    enum_ctx *c = arg;
    VARIANT v[3];
    c->items[0] = obj_new(11);
    c->items[1] = obj_new(12);
    V_VT(&v[0]) = VT_DISPATCH;
    V_DISPATCH(&v[0]) = (IDispatch *)&c->items[0]->test;
    V_VT(&v[1]) = VT_I4;
    V_I4(&v[1]) = 77;
    V_VT(&v[2]) = VT_UNKNOWN;
    V_UNKNOWN(&v[2]) = (IUnknown *)&c->items[1]->test;
    CHECK_HR(ComrtCreateEnumVARIANT(3, v, &c->en), S_OK);
    {
        IUnknown *u[3] = { (IUnknown *)&c->items[0]->test, NULL, (IUnknown *)&c->items[1]->cb };
        CHECK_HR(ComrtCreateEnumUnknown(3, u, &c->eu), S_OK);
    }
    t_Release(&c->items[0]->test);
    t_Release(&c->items[1]->test);
}

static void release_enum(void *arg)
{
    enum_ctx *c = arg;
    IEnumVARIANT_Release(c->en);
    IEnumUnknown_Release(c->eu);
}

/* IEnumVARIANT from the MTA: objects inside the items come as proxies;
 * a NULL fetched count still works; Clone is a proxy. */
TEST(enum_variant_and_class_factory)
{
    enum_ctx c;
    IEnumVARIANT *p = NULL, *clone = NULL;
    IClassFactory *cf = NULL;
    Obj *o = NULL;
    LONG base = live();
    memset(&c, 0, sizeof c);
    run_in(&A, make_enum, &c);
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)c.en, &IID_IEnumVARIANT, (void **)&p), S_OK);
    if (p) {
        VARIANT v[2];
        ULONG got = 0;
        VariantInit(&v[0]);
        VariantInit(&v[1]);
        CHECK_HR(IEnumVARIANT_Next(p, 1, v, NULL), S_OK);
        CHECK_INT(V_VT(&v[0]), VT_DISPATCH);
        CHECK(V_DISPATCH(&v[0]) && V_DISPATCH(&v[0]) != (IDispatch *)&c.items[0]->test);
        if (V_VT(&v[0]) == VT_DISPATCH)
            CHECK_INT(invoke_add(V_DISPATCH(&v[0]), 3, 4), 7);
        VariantClear(&v[0]);
        CHECK_HR(IEnumVARIANT_Clone(p, &clone), S_OK);
        CHECK_HR(IEnumVARIANT_Next(p, 2, v, &got), S_OK);
        CHECK_INT(got, 2);
        CHECK_INT(V_VT(&v[0]), VT_I4);
        CHECK_INT(V_I4(&v[0]), 77);
        CHECK_INT(V_VT(&v[1]), VT_UNKNOWN);
        CHECK(V_UNKNOWN(&v[1]) != (IUnknown *)&c.items[1]->test);
        VariantClear(&v[0]);
        VariantClear(&v[1]);
        CHECK_HR(IEnumVARIANT_Next(p, 1, v, &got), S_FALSE);
        CHECK_INT(got, 0);
        if (clone) {
            CHECK(clone != p);
            CHECK_HR(IEnumVARIANT_Skip(clone, 1), S_OK); /* it started at 1 */
            CHECK_HR(IEnumVARIANT_Next(clone, 1, v, NULL), S_OK);
            CHECK_INT(V_VT(&v[0]), VT_UNKNOWN);
            VariantClear(&v[0]);
            CHECK_HR(IEnumVARIANT_Reset(clone), S_OK);
            IEnumVARIANT_Release(clone);
        }
        IEnumVARIANT_Release(p);
    }
    /* IEnumUnknown: objects as proxies, NULL entries as they are */
    {
        IEnumUnknown *pu = NULL, *cl = NULL;
        CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)c.eu, &IID_IEnumUnknown, (void **)&pu), S_OK);
        if (pu) {
            IUnknown *u[3] = { NULL, NULL, NULL };
            ULONG got = 0;
            CHECK_HR(IEnumUnknown_Next(pu, 3, u, &got), S_OK);
            CHECK_INT(got, 3);
            CHECK(u[0] && u[0] != (IUnknown *)&c.items[0]->test);
            CHECK(u[1] == NULL);
            CHECK(u[2] && u[2] != (IUnknown *)&c.items[1]->cb);
            if (u[0] && u[2]) {
                IAptTest *t = NULL;
                LONG r = 0;
                CHECK_HR(IUnknown_QueryInterface(u[2], &IID_IAptTest, (void **)&t), S_OK);
                if (t) {
                    CHECK_HR(t->lpVtbl->Add(t, 5, 5, &r), S_OK);
                    CHECK_INT(r, 10);
                    t->lpVtbl->Release(t);
                }
            }
            for (int i = 0; i < 3; i++)
                if (u[i])
                    IUnknown_Release(u[i]);
            CHECK_HR(IEnumUnknown_Reset(pu), S_OK);
            CHECK_HR(IEnumUnknown_Clone(pu, &cl), S_OK);
            if (cl) {
                CHECK_HR(IEnumUnknown_Skip(cl, 3), S_OK);
                CHECK_HR(IEnumUnknown_Next(cl, 1, u, NULL), S_FALSE);
                IEnumUnknown_Release(cl);
            }
            IEnumUnknown_Release(pu);
        }
    }
    run_in(&A, release_enum, &c);

    /* IProvideClassInfo2: the coclass's ITypeInfo passes as it is */
    run_in(&A, make_obj, &o);
    {
        IProvideClassInfo2 *pci = NULL;
        IProvideClassInfo *pci1 = NULL;
        CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&o->test, &IID_IProvideClassInfo2, (void **)&pci), S_OK);
        if (pci) {
            ITypeInfo *ti = NULL;
            GUID g;
            CHECK_HR(IProvideClassInfo2_GetClassInfo(pci, &ti), S_OK);
            CHECK(ti == g_coclass);
            if (ti)
                ITypeInfo_Release(ti);
            CHECK_HR(IProvideClassInfo2_GetGUID(pci, GUIDKIND_DEFAULT_SOURCE_DISP_IID, &g), E_FAIL); /* no source */
            CHECK_HR(IProvideClassInfo2_QueryInterface(pci, &IID_IProvideClassInfo, (void **)&pci1), S_OK);
            if (pci1) {
                ti = NULL;
                CHECK_HR(IProvideClassInfo_GetClassInfo(pci1, &ti), S_OK);
                CHECK(ti == g_coclass);
                if (ti)
                    ITypeInfo_Release(ti);
                IProvideClassInfo_Release(pci1);
            }
            CHECK_INT(IProvideClassInfo2_Release(pci), 0);
        }
    }
    run_in(&A, release_obj, &o);
    o = NULL;

    /* IClassFactory: CreateInstance's result is wrapped as the IID asked */
    run_in(&A, make_obj, &o);
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&o->test, &IID_IClassFactory, (void **)&cf), S_OK);
    if (cf) {
        IAptTest *t = NULL;
        Obj *mine = obj_new(8); /* lives in the MTA, as the caller */
        IUnknown *outer = (IUnknown *)&mine->test;
        LONG r = 0;
        CHECK_HR(IClassFactory_LockServer(cf, TRUE), S_OK);
        CHECK_HR(IClassFactory_CreateInstance(cf, NULL, &IID_IAptTest, (void **)&t), S_OK);
        if (t) {
            CHECK_HR(t->lpVtbl->Add(t, 20, 1, &r), S_OK);
            CHECK_INT(r, 21);
            CHECK_INT(t->lpVtbl->Release(t), 0);
        }
        t = (IAptTest *)(uintptr_t)1;
        CHECK_HR(IClassFactory_CreateInstance(cf, outer, &IID_IAptTest, (void **)&t), CLASS_E_NOAGGREGATION);
        CHECK(t == NULL);
        obj_release(mine);
        CHECK_INT(IClassFactory_Release(cf), 0);
    }
    run_in(&A, release_obj, &o);
    settle(&A);
    CHECK_INT(live_after_mta(base), base);
    CHECK_INT(g_wrong_thread, 0);
}

/* A dispinterface (PSDispatch) is proxied as IDispatch; an object living in
 * the MTA is called from STA B, and calls B's callback back. */
typedef struct {
    Obj *o;        /* the MTA's object */
    Obj *local;    /* B's object */
    Obj *a;        /* A's object */
    comrt_apartment *mta;
} mta_ctx;

static void b_calls_mta(void *arg)
{
    mta_ctx *c = arg;
    IAptTest *t = NULL;
    IDispatch *ev = NULL;
    LONG r = 0;
    CHECK_HR(comrt__apt_wrap(c->mta, (IUnknown *)&c->o->test, &IID_IAptTest, (void **)&t), S_OK);
    if (t) {
        CHECK(t != &c->o->test);
        CHECK_HR(t->lpVtbl->CallBack(t, &c->local->cb, 6, &r), S_OK);
        CHECK_INT(r, 13);
        {
            /* B's proxy to A's object, handed to the MTA: the MTA gets a
             * proxy straight to A (its calls run on A, not through B) */
            IAptCallback *acb = NULL;
            CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c->a->cb, &IID_IAptCallback, (void **)&acb), S_OK);
            if (acb) {
                g_keep_cb = TRUE;
                CHECK_HR(t->lpVtbl->CallBack(t, acb, 8, &r), S_OK);
                g_keep_cb = FALSE;
                CHECK_INT(r, 17);
                CHECK(g_last_cb != acb && g_last_cb != &c->a->cb);
                CHECK_INT(acb->lpVtbl->Release(acb), 0);
            }
        }
        CHECK_HR(t->lpVtbl->QueryInterface(t, &DIID_DAptEvents, (void **)&ev), S_OK);
        if (ev) {
            IUnknown *u1 = NULL, *u2 = NULL;
            CHECK((void *)ev != (void *)t);
            CHECK_INT(invoke_add(ev, 30, 12), 42);
            CHECK_HR(IDispatch_QueryInterface(ev, &IID_IUnknown, (void **)&u1), S_OK);
            CHECK_HR(t->lpVtbl->QueryInterface(t, &IID_IUnknown, (void **)&u2), S_OK);
            CHECK(u1 && u1 == u2);
            if (u1)
                IUnknown_Release(u1);
            if (u2)
                IUnknown_Release(u2);
            IDispatch_Release(ev);
        }
        CHECK_INT(t->lpVtbl->Release(t), 0);
    }
}

TEST(sta_calls_mta_object)
{
    mta_ctx c = { NULL, NULL, NULL, NULL };
    LONG base = live();
    CHECK_HR(comrt__apt_current(&c.mta), S_OK);
    c.o = obj_new(20); /* the main thread is in the MTA */
    run_in(&A, make_obj, &c.a);
    run_in(&B, make_obj, &c.local);
    run_in(&B, b_calls_mta, &c);
    /* what the MTA object got is the MTA's own proxy to A's object */
    CHECK(g_cb_identity != NULL);
    if (g_cb_identity) {
        IUnknown *u = NULL;
        CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c.a->cb, &IID_IUnknown, (void **)&u), S_OK);
        CHECK(u == g_cb_identity);
        if (u)
            IUnknown_Release(u);
        IUnknown_Release(g_cb_identity);
        g_cb_identity = NULL;
    }
    run_in(&B, release_obj, &c.local);
    run_in(&A, release_obj, &c.a);
    settle(&B);
    settle(&A);
    t_Release(&c.o->test);
    CHECK_INT(live_after_mta(base), base);
    CHECK_INT(g_wrong_thread, 0);
    if (c.mta)
        comrt__apt_release(c.mta);
}

/* Proxies from the second library: slots 0..6 from the interface flags
 * (dual: IDispatch's), the rest from FUNCDESCs. */
static void b_alone(void *arg)
{
    b_ctx *c = arg;
    IAptTest *t = NULL;
    LONG r = 0;
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IAptTest2, (void **)&t), S_OK);
    if (!t)
        return;
    CHECK_HR(t->lpVtbl->Add(t, 19, 23, &r), S_OK);
    CHECK_INT(r, 42);
    CHECK_INT(invoke_add((IDispatch *)t, 1, 1), 2);
    {
        /* the callback's interface (IUnknown-based) from the same library */
        IUnknown *cb2 = NULL;
        CHECK_HR(comrt__apt_wrap(B.apt, (IUnknown *)&c->local->cb, &IID_IAptCallback2, (void **)&cb2), S_OK);
        CHECK(cb2 == (IUnknown *)&c->local->cb); /* in home: the object itself */
        if (cb2)
            IUnknown_Release(cb2);
    }
    CHECK_HR(t->lpVtbl->CallBack(t, &c->local->cb, 2, &r), S_OK);
    CHECK_INT(r, 5);
    CHECK_INT(t->lpVtbl->Release(t), 0);
}

TEST(typelib_without_its_import)
{
    b_ctx c = { NULL, NULL };
    ITypeLib *tl = NULL;
    ITypeInfo *ti = NULL, *base = (ITypeInfo *)(uintptr_t)1;
    HREFTYPE h;
    LONG base_live = live();
    char path[300];
    WCHAR wpath[300];

    /* the setting this test is about: the base interface cannot be loaded */
    snprintf(path, sizeof path, "%s/alone/AptTest.tlb", tmpdir);
    wide(path, wpath, 300);
    CHECK_HR(LoadTypeLib(wpath, &tl), S_OK);
    if (tl) {
        CHECK_HR(ITypeLib_GetTypeInfoOfGuid(tl, &IID_IAptCallback2, &ti), S_OK);
        if (ti) {
            CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, 0, &h), S_OK);
            CHECK(FAILED(ITypeInfo_GetRefTypeInfo(ti, h, &base)));
            ITypeInfo_Release(ti);
        }
        ITypeLib_Release(tl);
    }
    run_in(&A, make_obj, &c.o);
    run_in(&B, make_obj, &c.local);
    run_in(&B, b_alone, &c);
    run_in(&B, release_obj, &c.local);
    run_in(&A, release_obj, &c.o);
    settle(&A);
    settle(&B);
    CHECK_INT(live(), base_live);
    CHECK_INT(g_wrong_thread, 0);
}

/* ---- a proxy is for its own apartment ----------------------------------- */

typedef struct {
    Obj *o;
    IAptTest *t;
} hold_ctx;

static void b_wrap(void *arg)
{
    hold_ctx *c = arg;
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IAptTest, (void **)&c->t), S_OK);
}

static void b_release(void *arg)
{
    hold_ctx *c = arg;
    c->t->lpVtbl->Release(c->t);
}

TEST(wrong_apartment)
{
    hold_ctx c = { NULL, NULL };
    LONG base = live(), r = 0;
    run_in(&A, make_obj, &c.o);
    run_in(&B, b_wrap, &c);
    if (c.t) {
        /* B's proxy called from the MTA */
        CHECK_HR(c.t->lpVtbl->Add(c.t, 1, 2, &r), RPC_E_WRONG_THREAD);
        run_in(&B, b_release, &c);
    }
    run_in(&A, release_obj, &c.o);
    settle(&A);
    CHECK_INT(live(), base);
}

/* ---- home goes away ----------------------------------------------------- */

TEST(home_uninitialized_disconnects)
{
    apt_thread C;
    Obj *o = NULL;
    IAptTest *t = NULL;
    IDispatch *d = NULL;
    LONG base = live(), r = 0;

    apt_start(&C, COINIT_APARTMENTTHREADED);
    run_in(&C, make_obj, &o);
    CHECK_HR(comrt__apt_wrap(C.apt, (IUnknown *)&o->test, &IID_IAptTest, (void **)&t), S_OK);
    CHECK_HR(comrt__apt_wrap(C.apt, (IUnknown *)&o->test, &IID_IDispatch, (void **)&d), S_OK);
    run_in(&C, release_obj, &o);
    CHECK_INT(live(), base + 1); /* the proxy keeps it */
    apt_stop(&C);                /* C's CoUninitialize releases it */
    CHECK_INT(live(), base);
    if (t) {
        CHECK_HR(t->lpVtbl->Add(t, 1, 2, &r), RPC_E_DISCONNECTED);
        CHECK_INT(invoke_add((IDispatch *)t, 1, 2), -1);
        CHECK_HR(t->lpVtbl->QueryInterface(t, &IID_IAptCallback, (void **)&o), RPC_E_DISCONNECTED);
        t->lpVtbl->Release(t);
    }
    if (d)
        CHECK_INT(IDispatch_Release(d), 0);
    CHECK_INT(g_wrong_thread, 0);
}

/* A client STA that leaves without releasing its proxy: its references
 * to A's object are released when it uninitializes. */
static void leak_proxy(void *arg)
{
    hold_ctx *c = arg;
    LONG r = 0;
    CHECK_HR(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IAptTest, (void **)&c->t), S_OK);
    if (c->t) {
        CHECK_HR(c->t->lpVtbl->Add(c->t, 2, 2, &r), S_OK);
        CHECK_INT(r, 4);
    }
}

TEST(client_uninitialized_releases)
{
    apt_thread D;
    hold_ctx c = { NULL, NULL };
    LONG base = live();
    apt_start(&D, COINIT_APARTMENTTHREADED);
    run_in(&A, make_obj, &c.o);
    run_in(&D, leak_proxy, &c);
    run_in(&A, release_obj, &c.o);
    settle(&A);
    CHECK_INT(live(), base + 1); /* D's proxy keeps it */
    apt_stop(&D);
    settle(&A);
    CHECK_INT(live(), base);
    if (c.t) /* what D left behind can still be released (from anywhere) */
        CHECK_INT(c.t->lpVtbl->Release(c.t), 0);
    CHECK_INT(g_wrong_thread, 0);
}

/* ---- many MTA threads, one STA object ----------------------------------- */

#define N_THREADS 6
#define N_CALLS 200
#define N_CHURN 40

typedef struct {
    Obj *o;
    int failures;
    int index;
} mt_ctx;

static void *mt_main(void *arg)
{
    mt_ctx *c = arg;
    IAptTest *t = NULL;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    if (FAILED(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IAptTest, (void **)&t))) {
        c->failures++;
    } else {
        for (int i = 0; i < N_CALLS; i++) {
            LONG r = 0;
            if (FAILED(t->lpVtbl->Add(t, i, c->index, &r)) || r != i + c->index)
                c->failures++;
            if (i % 10 == 5) { /* a second wrapping: the same proxy, or a
                                   new one if another thread let it die */
                IAptTest *t2 = NULL;
                if (FAILED(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->test, &IID_IAptTest, (void **)&t2)) ||
                    t2 != t)
                    c->failures++;
                if (t2)
                    t2->lpVtbl->Release(t2);
            }
            if (i % 50 == 0) { /* interleave QueryInterface and Release */
                IDispatch *d = NULL;
                if (FAILED(t->lpVtbl->QueryInterface(t, &IID_IDispatch, (void **)&d)) ||
                    invoke_add(d, i, 1) != i + 1)
                    c->failures++;
                if (d)
                    IDispatch_Release(d);
            }
        }
        t->lpVtbl->Release(t);
        /* short-lived proxies: managers die and are made again while other
         * threads look them up */
        for (int i = 0; i < N_CHURN; i++) {
            IUnknown *u = NULL;
            IAptTest *t3 = NULL;
            LONG r = 0;
            if (FAILED(comrt__apt_wrap(A.apt, (IUnknown *)&c->o->cb, &IID_IUnknown, (void **)&u))) {
                c->failures++;
                continue;
            }
            if (FAILED(IUnknown_QueryInterface(u, &IID_IAptTest, (void **)&t3)) ||
                FAILED(t3->lpVtbl->Add(t3, i, 1, &r)) || r != i + 1)
                c->failures++;
            if (t3)
                t3->lpVtbl->Release(t3);
            IUnknown_Release(u);
        }
    }
    CoUninitialize();
    return NULL;
}

TEST(concurrent_mta_callers)
{
    pthread_t th[N_THREADS];
    mt_ctx c[N_THREADS];
    Obj *o = NULL;
    LONG base = live(), calls0 = g_calls;
    run_in(&A, make_obj, &o);
    for (int i = 0; i < N_THREADS; i++) {
        c[i].o = o;
        c[i].failures = 0;
        c[i].index = i;
        pthread_create(&th[i], NULL, mt_main, &c[i]);
    }
    for (int i = 0; i < N_THREADS; i++) {
        pthread_join(th[i], NULL);
        CHECK_MSG(c[i].failures == 0, "thread %d: %d failures", i, c[i].failures);
    }
    CHECK_INT(g_calls - calls0, N_THREADS * (N_CALLS + N_CALLS / 50 + N_CHURN));
    run_in(&A, release_obj, &o);
    settle(&A);
    CHECK_INT(live(), base);
    CHECK_INT(g_wrong_thread, 0);
}

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[600];
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (unlink(p) != 0)
            rm_tree(p); /* the library's own folder */
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

int main(void)
{
    int rc;
    strcpy(tmpdir, "/tmp/comrt_test_aptproxy.XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    /* A fresh registry each run, in the temporary folder (removed at the
     * end): registrations of earlier runs would point at their folders. */
    {
        char reg[300];
        snprintf(reg, sizeof reg, "%s/user.db", tmpdir);
        setenv("COMRT_REGISTRY", reg, 1);
        snprintf(reg, sizeof reg, "%s/system.db", tmpdir);
        setenv("COMRT_SYSTEM_REGISTRY", reg, 1);
    }
    /* The first library finds its import (stdole2.tlb) beside it; the
     * second, in a folder of its own, does not. */
    unsetenv("COMRT_TYPELIB_PATH");
    {
        char dst[300], sub[300];
        size_t size = 0;
        unsigned char *bytes = tlb_fixture_bytes("stdole2.tlb", &size);
        FILE *f;
        snprintf(dst, sizeof dst, "%s/stdole2.tlb", tmpdir);
        f = fopen(dst, "wb");
        if (!bytes || !f || fwrite(bytes, 1, size, f) != size)
            return 1;
        fclose(f);
        free(bytes);
        snprintf(sub, sizeof sub, "%s/alone", tmpdir);
        mkdir(sub, 0700);
        CoInitializeEx(NULL, COINIT_MULTITHREADED);
        build_and_register(tmpdir, &LIBID_AptTest, &IID_IAptTest, &IID_IAptCallback);
        build_and_register(sub, &LIBID_AptTest2, &IID_IAptTest2, &IID_IAptCallback2);
    }
    apt_start(&A, COINIT_APARTMENTTHREADED);
    apt_start(&B, COINIT_APARTMENTTHREADED);
    RUN(mta_to_sta_identity_and_dispatch);
    RUN(caller_in_home_and_no_interface);
    RUN(sta_to_sta_typelib_interface);
    RUN(dispatch_invoke_wraps_variants);
    RUN(connection_point_events);
    RUN(enum_variant_and_class_factory);
    RUN(sta_calls_mta_object);
    RUN(typelib_without_its_import);
    RUN(wrong_apartment);
    RUN(home_uninitialized_disconnects);
    RUN(client_uninitialized_releases);
    RUN(concurrent_mta_callers);
    apt_stop(&B);
    apt_stop(&A);
    CoUninitialize();
    if (g_coclass)
        ITypeInfo_Release(g_coclass);
    rc = comrt_test_summary();
    rm_tree(tmpdir);
    return rc;
}
