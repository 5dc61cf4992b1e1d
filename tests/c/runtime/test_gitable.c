/*
 * test_gitable.c — the Global Interface Table (lib/runtime/gitable.c):
 * activation without the registry, an object of STA A reached from the MTA,
 * from STA B and from A itself (calls run on A's thread), an MTA object
 * reached from A, bad cookies, a home apartment that ends while its
 * objects are registered, and many threads getting and revoking at once.
 * Every test ends with the objects' references back where they started.
 */
#include "xapt_test_util.h"
#include "runtime/marshal_internal.h"

static apt_thread A, B;

static IGlobalInterfaceTable *git(void)
{
    IGlobalInterfaceTable *g = NULL;
    CHECK_HR(CoCreateInstance(&CLSID_StdGlobalInterfaceTable, NULL, CLSCTX_INPROC_SERVER, &IID_IGlobalInterfaceTable,
                              (void **)&g),
             S_OK);
    return g;
}

typedef struct {
    XObj *obj;
    DWORD cookie;
    HRESULT hr;
} reg_job;

/* In the object's home: register it (IDispatch). */
static void register_in(void *ctx)
{
    reg_job *j = ctx;
    IGlobalInterfaceTable *g = git();
    j->hr = IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, (IUnknown *)&j->obj->iface, &IID_IDispatch, &j->cookie);
    IGlobalInterfaceTable_Release(g);
}

/* From any apartment: get, call, release; with same, the object itself
 * must come back (the caller is in its home). */
typedef struct {
    reg_job *reg;
    BOOL same;
    HRESULT hr;
} get_job;

static void get_and_call(void *ctx)
{
    get_job *j = ctx;
    IGlobalInterfaceTable *g = git();
    IDispatch *p = NULL;
    j->hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(g, j->reg->cookie, &IID_IDispatch, (void **)&p);
    if (SUCCEEDED(j->hr)) {
        CHECK(j->same ? p == &j->reg->obj->iface : p != &j->reg->obj->iface);
        CHECK_HR(x_call(p), S_OK);
        IDispatch_Release(p);
    }
    IGlobalInterfaceTable_Release(g);
}

static void get_in_mta(void *ctx) { get_and_call(ctx); }

TEST(activation)
{
    IGlobalInterfaceTable *g1 = git(), *g2 = NULL;
    IClassFactory *cf = NULL;
    IUnknown *u = NULL;
    void *pv = (void *)1;

    CHECK(g1 != NULL);
    /* One object for the process, whatever the context asks, no proxy. */
    CHECK_HR(CoCreateInstance(&CLSID_StdGlobalInterfaceTable, NULL, CLSCTX_ALL, &IID_IGlobalInterfaceTable,
                              (void **)&g2),
             S_OK);
    CHECK(g1 == g2);
    IGlobalInterfaceTable_Release(g2);
    CHECK_HR(CoGetClassObject(&CLSID_StdGlobalInterfaceTable, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory,
                              (void **)&cf),
             S_OK);
    CHECK_HR(IClassFactory_CreateInstance(cf, NULL, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == (IUnknown *)g1);
    IUnknown_Release(u);
    CHECK_HR(IClassFactory_CreateInstance(cf, (IUnknown *)g1, &IID_IUnknown, (void **)&u), CLASS_E_NOAGGREGATION);
    IClassFactory_Release(cf);
    CHECK_HR(IGlobalInterfaceTable_QueryInterface(g1, &IID_IDispatch, &pv), E_NOINTERFACE);
    CHECK(pv == NULL);
    /* Only in-process. */
    CHECK_HR(CoCreateInstance(&CLSID_StdGlobalInterfaceTable, NULL, CLSCTX_LOCAL_SERVER, &IID_IGlobalInterfaceTable,
                              (void **)&g2),
             REGDB_E_CLASSNOTREG);
    IGlobalInterfaceTable_Release(g1);
}

/* STA A's object from the MTA, from STA B and from A. */
TEST(sta_object_everywhere)
{
    reg_job r = {0};
    get_job j = {&r, FALSE, E_FAIL};
    IGlobalInterfaceTable *g = git();
    LONG before = x_live_now();

    run_in(&A, x_make_obj, &r.obj);
    run_in(&A, register_in, &r);
    CHECK_HR(r.hr, S_OK);
    CHECK(r.cookie != 0);
    CHECK_INT(x_refs(r.obj), 2);

    x_run_thread(COINIT_MULTITHREADED, get_in_mta, &j);
    CHECK_HR(j.hr, S_OK);
    j.hr = E_FAIL;
    run_in(&B, get_and_call, &j);
    CHECK_HR(j.hr, S_OK);
    j.hr = E_FAIL;
    j.same = TRUE;
    run_in(&A, get_and_call, &j);
    CHECK_HR(j.hr, S_OK);
    CHECK_INT(r.obj->calls, 3);
    run_in(&A, x_noop, NULL);
    run_in(&B, x_noop, NULL);
    CHECK_INT(x_refs(r.obj), 2);

    /* Revoked from here (the main STA): released on A's thread. */
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, r.cookie), S_OK);
    CHECK_INT(x_refs(r.obj), 1);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, r.cookie), E_INVALIDARG);
    run_in(&A, x_release_obj, &r.obj);
    CHECK_INT(x_live_after(before), before);
    IGlobalInterfaceTable_Release(g);
}

/* An MTA object reached from STA A: calls run in the MTA. */
static void mta_body(void *ctx)
{
    reg_job r = {0};
    get_job j = {&r, FALSE, E_FAIL};
    IGlobalInterfaceTable *g = git();
    (void)ctx;
    r.obj = x_new();
    register_in(&r);
    CHECK_HR(r.hr, S_OK);
    run_in(&A, get_and_call, &j);
    CHECK_HR(j.hr, S_OK);
    CHECK_INT(r.obj->calls, 1);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, r.cookie), S_OK);
    for (int i = 0; i < 500 && x_refs(r.obj) != 1; i++) usleep(10000);
    CHECK_INT(IDispatch_Release(&r.obj->iface), 0);
    IGlobalInterfaceTable_Release(g);
}

TEST(mta_object_from_sta) { x_run_thread(COINIT_MULTITHREADED, mta_body, NULL); }

TEST(bad_arguments)
{
    IGlobalInterfaceTable *g = git();
    XObj *o = x_new();
    DWORD ck = 0, ck2 = 0;
    void *pv;

    CHECK_HR(IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, NULL, &IID_IDispatch, &ck), E_INVALIDARG);
    CHECK_HR(IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, (IUnknown *)&o->iface, &IID_IDispatch, NULL),
             E_INVALIDARG);
    CHECK_HR(IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, (IUnknown *)&o->iface, &IID_IStream, &ck),
             E_NOINTERFACE);
    CHECK_INT(ck, 0);
    CHECK_INT(x_refs(o), 1);

    CHECK_HR(IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, (IUnknown *)&o->iface, &IID_IDispatch, &ck), S_OK);
    CHECK_HR(IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, (IUnknown *)&o->iface, &IID_IDispatch, &ck2), S_OK);
    CHECK(ck != ck2);
    CHECK_INT(x_refs(o), 3);
    pv = (void *)1;
    CHECK_HR(IGlobalInterfaceTable_GetInterfaceFromGlobal(g, 0, &IID_IDispatch, &pv), E_INVALIDARG);
    CHECK(pv == (void *)1);
    CHECK_HR(IGlobalInterfaceTable_GetInterfaceFromGlobal(g, ck ^ 0x5a5a0000u, &IID_IDispatch, &pv), E_INVALIDARG);
    CHECK(pv == (void *)1);
    CHECK_HR(IGlobalInterfaceTable_GetInterfaceFromGlobal(g, ck, &IID_IDispatch, NULL), E_INVALIDARG);
    CHECK_HR(IGlobalInterfaceTable_GetInterfaceFromGlobal(g, ck, &IID_IStream, &pv), E_NOINTERFACE);
    CHECK(pv == NULL);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, 0), E_INVALIDARG);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, ck ^ 0x5a5a0000u), E_INVALIDARG);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, ck), S_OK);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, ck), E_INVALIDARG);
    pv = (void *)1;
    CHECK_HR(IGlobalInterfaceTable_GetInterfaceFromGlobal(g, ck, &IID_IDispatch, &pv), E_INVALIDARG);
    CHECK(pv == (void *)1);
    CHECK_INT(x_refs(o), 2);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, ck2), S_OK);
    CHECK_INT(IDispatch_Release(&o->iface), 0);
    IGlobalInterfaceTable_Release(g);
}

/* The home ends: the object is released there; the cookie answers
 * RPC_E_DISCONNECTED until revoked (RPC_E_INVALID_OBJREF), as Wine. */
TEST(home_gone)
{
    apt_thread C;
    reg_job r = {0};
    IGlobalInterfaceTable *g = git();
    LONG before = x_live_now();
    void *pv = (void *)1;

    apt_start(&C, COINIT_APARTMENTTHREADED);
    run_in(&C, x_make_obj, &r.obj);
    run_in(&C, register_in, &r);
    CHECK_HR(r.hr, S_OK);
    run_in(&C, x_release_obj, &r.obj);
    CHECK_INT(x_live_now(), before + 1);
    apt_stop(&C);
    CHECK_INT(x_live_now(), before);
    CHECK_HR(IGlobalInterfaceTable_GetInterfaceFromGlobal(g, r.cookie, &IID_IDispatch, &pv), RPC_E_DISCONNECTED);
    CHECK(pv == (void *)1);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, r.cookie), RPC_E_INVALID_OBJREF);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, r.cookie), E_INVALIDARG);
    IGlobalInterfaceTable_Release(g);
}

/* Several MTA threads get and call one entry while others register and
 * revoke their own; the shared entry is revoked while some may still be
 * getting it (they then see E_INVALIDARG). */
static reg_job g_shared;
static int g_revoked;

static void *getter_main(void *arg)
{
    IGlobalInterfaceTable *g;
    int k;
    (void)arg;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    g = git();
    for (k = 0; k < 200; k++) {
        IDispatch *p = NULL;
        HRESULT hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(g, g_shared.cookie, &IID_IDispatch, (void **)&p);
        if (hr == E_INVALIDARG && __atomic_load_n(&g_revoked, __ATOMIC_SEQ_CST)) break;
        CHECK_HR(hr, S_OK);
        if (FAILED(hr)) break;
        CHECK_HR(x_call(p), S_OK);
        IDispatch_Release(p);
    }
    IGlobalInterfaceTable_Release(g);
    CoUninitialize();
    return NULL;
}

static void *churn_main(void *arg)
{
    IGlobalInterfaceTable *g;
    XObj *o;
    int k;
    (void)arg;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    g = git();
    o = x_new();
    for (k = 0; k < 300; k++) {
        DWORD ck = 0;
        CHECK_HR(IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, (IUnknown *)&o->iface, &IID_IDispatch, &ck),
                 S_OK);
        CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, ck), S_OK);
    }
    CHECK_INT(IDispatch_Release(&o->iface), 0);
    IGlobalInterfaceTable_Release(g);
    CoUninitialize();
    return NULL;
}

TEST(concurrency)
{
    pthread_t th[8];
    IGlobalInterfaceTable *g = git();
    LONG before = x_live_now();
    int i;

    memset(&g_shared, 0, sizeof g_shared);
    run_in(&A, x_make_obj, &g_shared.obj);
    run_in(&A, register_in, &g_shared);
    CHECK_HR(g_shared.hr, S_OK);
    for (i = 0; i < 6; i++) pthread_create(&th[i], NULL, getter_main, NULL);
    for (i = 6; i < 8; i++) pthread_create(&th[i], NULL, churn_main, NULL);
    usleep(20000);
    __atomic_store_n(&g_revoked, 1, __ATOMIC_SEQ_CST);
    CHECK_HR(IGlobalInterfaceTable_RevokeInterfaceFromGlobal(g, g_shared.cookie), S_OK);
    for (i = 0; i < 8; i++) pthread_join(th[i], NULL);
    run_in(&A, x_noop, NULL);
    CHECK_INT(x_refs(g_shared.obj), 1);
    run_in(&A, x_release_obj, &g_shared.obj);
    CHECK_INT(x_live_after(before), before);
    IGlobalInterfaceTable_Release(g);
}

/* Outside any apartment (run before anything starts the MTA): no
 * activation, and the GIT (reached through its class object) does not
 * register. */
TEST(outside)
{
    IGlobalInterfaceTable *g = (IGlobalInterfaceTable *)1;
    IClassFactory *cf = NULL;
    XObj o = {{&x_vtbl}, 1, pthread_self(), FALSE, 0};
    DWORD ck = 0;

    CHECK_HR(CoCreateInstance(&CLSID_StdGlobalInterfaceTable, NULL, CLSCTX_INPROC_SERVER, &IID_IGlobalInterfaceTable,
                              (void **)&g),
             CO_E_NOTINITIALIZED);
    CHECK_HR(comrt__git_get_class_object(&IID_IClassFactory, (void **)&cf), S_OK);
    CHECK_HR(IClassFactory_CreateInstance(cf, NULL, &IID_IGlobalInterfaceTable, (void **)&g), S_OK);
    CHECK_HR(IGlobalInterfaceTable_RegisterInterfaceInGlobal(g, (IUnknown *)&o.iface, &IID_IDispatch, &ck),
             CO_E_NOTINITIALIZED);
    CHECK_INT(ck, 0);
    CHECK_INT(o.refs, 1);
    IGlobalInterfaceTable_Release(g);
    IClassFactory_Release(cf);
}

TEST(balanced)
{
    CHECK_INT(x_live_now(), 0);
    CHECK_INT(x_violations, 0);
}

int main(void)
{
    RUN(outside);
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    apt_start(&A, COINIT_APARTMENTTHREADED);
    apt_start(&B, COINIT_APARTMENTTHREADED);
    RUN(activation);
    RUN(sta_object_everywhere);
    RUN(mta_object_from_sta);
    RUN(bad_arguments);
    RUN(home_gone);
    RUN(concurrency);
    apt_stop(&B);
    apt_stop(&A);
    CoUninitialize();
    RUN(balanced);
    return comrt_test_summary();
}
