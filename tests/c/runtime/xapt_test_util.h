/*
 * xapt_test_util.h — what the tests of passing interfaces between
 * apartments share (test_gitable.c, test_marshal_thread.c): a test object
 * that checks every call reaches it in its home apartment, and plain
 * threads that run one job in an apartment (the threads that sit in one are
 * apt_thread_util.h's).
 *
 * The object (XObj) implements IDispatch by hand; GetTypeInfoCount counts
 * its calls and answers 7.  Each method counts a violation when it runs
 * outside the object's home: another thread than its creator for an STA
 * object, a thread outside the MTA for an MTA object.  Objects count
 * themselves (x_live), so a test can check that every reference came back.
 */
#ifndef COMRT_TEST_XAPT_TEST_UTIL_H
#define COMRT_TEST_XAPT_TEST_UTIL_H

#define COBJMACROS
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../comrt_test.h"
#include "runtime/apartment_internal.h"
#include "apt_thread_util.h"

typedef struct {
    IDispatch iface;
    LONG refs;
    pthread_t home;
    BOOL home_mta;
    LONG calls;
} XObj;

static LONG x_live, x_violations;

static BOOL x_in_mta(void)
{
    APTTYPE t;
    APTTYPEQUALIFIER q;
    return SUCCEEDED(CoGetApartmentType(&t, &q)) && t == APTTYPE_MTA;
}

static void x_check_home(XObj *o)
{
    BOOL ok = o->home_mta ? x_in_mta() : pthread_equal(o->home, pthread_self());
    if (!ok) __atomic_add_fetch(&x_violations, 1, __ATOMIC_SEQ_CST);
}

static XObj *x_impl(IDispatch *p) { return CONTAINING_RECORD(p, XObj, iface); }

static HRESULT STDMETHODCALLTYPE x_QueryInterface(IDispatch *p, REFIID riid, void **ppv)
{
    x_check_home(x_impl(p));
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch)) {
        __atomic_add_fetch(&x_impl(p)->refs, 1, __ATOMIC_SEQ_CST);
        *ppv = p;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE x_AddRef(IDispatch *p)
{
    x_check_home(x_impl(p));
    return (ULONG)__atomic_add_fetch(&x_impl(p)->refs, 1, __ATOMIC_SEQ_CST);
}
static ULONG STDMETHODCALLTYPE x_Release(IDispatch *p)
{
    XObj *o = x_impl(p);
    LONG r;
    x_check_home(o);
    r = __atomic_sub_fetch(&o->refs, 1, __ATOMIC_SEQ_CST);
    if (!r) {
        free(o);
        __atomic_sub_fetch(&x_live, 1, __ATOMIC_SEQ_CST);
    }
    return (ULONG)r;
}
static HRESULT STDMETHODCALLTYPE x_GetTypeInfoCount(IDispatch *p, UINT *pc)
{
    x_check_home(x_impl(p));
    __atomic_add_fetch(&x_impl(p)->calls, 1, __ATOMIC_SEQ_CST);
    *pc = 7;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE x_GetTypeInfo(IDispatch *p, UINT i, LCID l, ITypeInfo **pp)
{
    (void)i;
    (void)l;
    x_check_home(x_impl(p));
    *pp = NULL;
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE x_GetIDsOfNames(IDispatch *p, REFIID riid, LPOLESTR *names, UINT n, LCID l,
                                                 DISPID *ids)
{
    (void)riid;
    (void)names;
    (void)n;
    (void)l;
    (void)ids;
    x_check_home(x_impl(p));
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE x_Invoke(IDispatch *p, DISPID id, REFIID riid, LCID l, WORD f, DISPPARAMS *dp,
                                          VARIANT *r, EXCEPINFO *ei, UINT *ae)
{
    (void)id;
    (void)riid;
    (void)l;
    (void)f;
    (void)dp;
    (void)r;
    (void)ei;
    (void)ae;
    x_check_home(x_impl(p));
    return E_NOTIMPL;
}
static const IDispatchVtbl x_vtbl = {x_QueryInterface, x_AddRef,        x_Release, x_GetTypeInfoCount,
                                     x_GetTypeInfo,    x_GetIDsOfNames, x_Invoke};

/* A new object living in the calling thread's apartment (refs 1). */
static XObj *x_new(void)
{
    XObj *o = calloc(1, sizeof *o);
    o->iface.lpVtbl = &x_vtbl;
    o->refs = 1;
    o->home = pthread_self();
    o->home_mta = x_in_mta();
    __atomic_add_fetch(&x_live, 1, __ATOMIC_SEQ_CST);
    return o;
}

static LONG x_live_now(void) { return __atomic_load_n(&x_live, __ATOMIC_SEQ_CST); }
static LONG x_refs(XObj *o) { return __atomic_load_n(&o->refs, __ATOMIC_SEQ_CST); }

/* A call through p: GetTypeInfoCount must answer 7. */
static HRESULT x_call(IDispatch *p)
{
    UINT n = 0;
    HRESULT hr = IDispatch_GetTypeInfoCount(p, &n);
    if (SUCCEEDED(hr) && n != 7) hr = E_UNEXPECTED;
    return hr;
}

static void x_make_obj(void *ctx) { *(XObj **)ctx = x_new(); }
static void x_release_obj(void *ctx) { IDispatch_Release(&(*(XObj **)ctx)->iface); }
static void x_noop(void *ctx) { (void)ctx; }

/* Waits (up to 5 s) for the live count to reach want: releases posted to
 * another apartment run a little later. */
static LONG x_live_after(LONG want)
{
    for (int i = 0; i < 500 && x_live_now() != want; i++) usleep(10000);
    return x_live_now();
}

/* A plain thread running fn(ctx) inside CoInitializeEx(mode). */
typedef struct {
    DWORD mode;
    void (*fn)(void *);
    void *ctx;
} x_job;

static void *x_job_main(void *arg)
{
    x_job *j = arg;
    CoInitializeEx(NULL, j->mode);
    j->fn(j->ctx);
    CoUninitialize();
    return NULL;
}

static void x_run_thread(DWORD mode, void (*fn)(void *), void *ctx)
{
    pthread_t th;
    x_job j = {mode, fn, ctx};
    pthread_create(&th, NULL, x_job_main, &j);
    pthread_join(th, NULL);
}

#endif /* COMRT_TEST_XAPT_TEST_UTIL_H */
