/*
 * activation_probe.c — activation without a server DLL: CoGetClassObject,
 * CoCreateInstance and CoCreateInstanceEx on unregistered classes, before
 * CoInitialize and with bad arguments; class objects registered by the
 * process (CoRegisterClassObject, REGCLS_SINGLEUSE / SUSPENDED /
 * CoResumeClassObjects, LOCAL_SERVER registrations, CoRevokeClassObject
 * with bad cookies, twice, from another apartment) seen from the same and
 * from other apartments; CoCreateInstanceEx with unsupported IIDs;
 * aggregation refused by the factory; an InprocServer32 naming a missing
 * file; TreatAs.  Scratch keys are written under HKEY_CLASSES_ROOT\CLSID
 * ({C0DE0A00-...}) and deleted at the end.  Compiles with mingw (golden from
 * Wine's ole32) and against comrt (scratch registry from the environment).
 */
#include "probe_util.h"
#ifdef _WIN32
#include <winreg.h>
#ifndef REGCLS_AGILE
#define REGCLS_AGILE 0x10
#endif
#else
#include <pthread.h>
#define InterlockedIncrement(p) __atomic_add_fetch((p), 1, __ATOMIC_SEQ_CST)
#define InterlockedDecrement(p) __atomic_sub_fetch((p), 1, __ATOMIC_SEQ_CST)
#endif

static const GUID CLS_REG = {0xC0DE0A00, 0, 0, {0, 0, 0, 0, 0, 0, 0, 1}};     /* registered by the process */
static const GUID CLS_NONE = {0xC0DE0A00, 0, 0, {0, 0, 0, 0, 0, 0, 0, 2}};    /* registered nowhere */
static const GUID CLS_MISSING = {0xC0DE0A00, 0, 0, {0, 0, 0, 0, 0, 0, 0, 3}}; /* InprocServer32: no such file */
static const GUID CLS_NOINPROC = {0xC0DE0A00, 0, 0, {0, 0, 0, 0, 0, 0, 0, 4}}; /* key without InprocServer32 */
static const GUID CLS_OLD = {0xC0DE0A00, 0, 0, {0, 0, 0, 0, 0, 0, 0, 5}};     /* TreatAs CLS_REG */
static const GUID CLS_EMPTY = {0xC0DE0A00, 0, 0, {0, 0, 0, 0, 0, 0, 0, 6}};   /* InprocServer32 = "" */
static const GUID CLS_OTHER = {0xC0DE0A00, 0, 0, {0, 0, 0, 0, 0, 0, 0, 7}};   /* registered by other threads */
/* An interface the test object implements, and one nobody does. */
static const GUID IID_ITestObj = {0xC0DE0A10, 0, 0, {0, 0, 0, 0, 0, 0, 0, 1}};
static const GUID IID_INobody = {0xC0DE0A10, 0, 0, {0, 0, 0, 0, 0, 0, 0, 2}};

#define KEY_BASE u"CLSID\\{C0DE0A00-0000-0000-0000-00000000000"

/* ---- a class factory and its object --------------------------------------- */

static LONG obj_count; /* live objects */

typedef struct {
    IUnknown IUnknown_iface;
    LONG ref;
} test_obj;

static HRESULT STDMETHODCALLTYPE obj_QueryInterface(IUnknown *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualGUID(riid, &IID_IUnknown) || IsEqualGUID(riid, &IID_ITestObj)) {
        *ppv = iface;
        iface->lpVtbl->AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE obj_AddRef(IUnknown *iface)
{
    test_obj *o = (test_obj *)iface;
    return (ULONG)InterlockedIncrement(&o->ref);
}

static ULONG STDMETHODCALLTYPE obj_Release(IUnknown *iface)
{
    test_obj *o = (test_obj *)iface;
    LONG r = InterlockedDecrement(&o->ref);
    if (!r) {
        free(o);
        InterlockedDecrement(&obj_count);
    }
    return (ULONG)r;
}

static IUnknownVtbl obj_vtbl = {obj_QueryInterface, obj_AddRef, obj_Release};

typedef struct {
    IClassFactory IClassFactory_iface;
    LONG ref;
} test_factory;

static HRESULT STDMETHODCALLTYPE cf_QueryInterface(IClassFactory *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    /* A NULL riid reaching the factory is reported as E_UNEXPECTED, so the
     * output tells whether COM checked it first. */
    if (!riid) {
        *ppv = NULL;
        return E_UNEXPECTED;
    }
    if (IsEqualGUID(riid, &IID_IUnknown) || IsEqualGUID(riid, &IID_IClassFactory)) {
        *ppv = iface;
        iface->lpVtbl->AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE cf_AddRef(IClassFactory *iface)
{
    return (ULONG)InterlockedIncrement(&((test_factory *)iface)->ref);
}

static ULONG STDMETHODCALLTYPE cf_Release(IClassFactory *iface)
{
    return (ULONG)InterlockedDecrement(&((test_factory *)iface)->ref);
}

static HRESULT STDMETHODCALLTYPE cf_CreateInstance(IClassFactory *iface, IUnknown *outer, REFIID riid, void **ppv)
{
    test_obj *o;
    HRESULT hr;
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_UNEXPECTED;
    if (outer) return CLASS_E_NOAGGREGATION;
    o = malloc(sizeof *o);
    if (!o) return E_OUTOFMEMORY;
    o->IUnknown_iface.lpVtbl = &obj_vtbl;
    o->ref = 1;
    InterlockedIncrement(&obj_count);
    hr = obj_QueryInterface(&o->IUnknown_iface, riid, ppv);
    obj_Release(&o->IUnknown_iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE cf_LockServer(IClassFactory *iface, BOOL lock)
{
    return S_OK;
}

static IClassFactoryVtbl cf_vtbl = {cf_QueryInterface, cf_AddRef, cf_Release, cf_CreateInstance, cf_LockServer};

static test_factory factory = {{&cf_vtbl}, 1};
static test_factory factory2 = {{&cf_vtbl}, 1};

/* ---- registry scratch keys -------------------------------------------------- */

static void set_sz(const WCHAR *path, const WCHAR *name, const WCHAR *data)
{
    HKEY k = NULL;
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, (LPCWSTR)path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL) != 0) {
        printf("# setup failed\n");
        return;
    }
    if (data) {
        DWORD cb = 0;
        while (data[cb]) cb++;
        RegSetValueExW(k, (LPCWSTR)name, 0, REG_SZ, (const BYTE *)data, (cb + 1) * 2);
    }
    RegCloseKey(k);
}

static void cleanup_keys(void)
{
    static const WCHAR *const keys[] = {KEY_BASE u"3}", KEY_BASE u"4}", KEY_BASE u"5}", KEY_BASE u"6}"};
    size_t i;
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)keys[i]);
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) RegDeleteKeyW(HKEY_CLASSES_ROOT, (LPCWSTR)keys[i]);
}

/* ---- printing -------------------------------------------------------------- */

/* hr, then whether the out pointer was set ("ptr"), cleared ("NULL") or
 * left alone ("untouched"); a pointer received is Released. */
static void out_ptr(HRESULT hr, void *p, void *sentinel)
{
    pu_hr(&res, hr);
    if (p == sentinel)
        pu_add(&res, " untouched");
    else if (!p)
        pu_add(&res, " NULL");
    else {
        pu_add(&res, " ptr");
        ((IUnknown *)p)->lpVtbl->Release((IUnknown *)p);
    }
}

static char sentinel_byte;
#define SENTINEL ((void *)&sentinel_byte)

static void get_class_object(const char *label, const GUID *clsid, DWORD ctx, const IID *iid)
{
    void *p = SENTINEL;
    HRESULT hr = CoGetClassObject(clsid, ctx, NULL, iid, &p);
    begin("%s CoGetClassObject(ctx=%X)", label, (unsigned)ctx);
    out_ptr(hr, p, SENTINEL);
    end();
}

static void create_instance(const char *label, const GUID *clsid, DWORD ctx, const IID *iid)
{
    void *p = SENTINEL;
    HRESULT hr = CoCreateInstance(clsid, NULL, ctx, iid, &p);
    begin("%s CoCreateInstance(ctx=%X)", label, (unsigned)ctx);
    out_ptr(hr, p, SENTINEL);
    end();
}

/* CoCreateInstanceEx with n entries of iids; prints hr and each entry. */
static void create_ex(const char *label, const GUID *clsid, DWORD ctx, const IID *const *iids, DWORD n)
{
    MULTI_QI mqi[4];
    HRESULT hr;
    DWORD i;
    for (i = 0; i < n; i++) {
        mqi[i].pIID = iids[i];
        mqi[i].pItf = (IUnknown *)SENTINEL;
        mqi[i].hr = (HRESULT)0x12345678;
    }
    hr = CoCreateInstanceEx(clsid, NULL, ctx, NULL, n, mqi);
    begin("%s CoCreateInstanceEx", label);
    pu_hr(&res, hr);
    for (i = 0; i < n; i++) {
        pu_add(&res, " [");
        out_ptr(mqi[i].hr, mqi[i].pItf, SENTINEL);
        pu_add(&res, "]");
    }
    end();
}

/* ---- other threads -------------------------------------------------------- */

typedef struct {
    int kind; /* 0: STA, 1: MTA, 2: no CoInitialize */
    int job;  /* 0: look up CLS_REG, 1: revoke *cookie, 2: register CLS_OTHER */
    DWORD cookie;
    HRESULT hr_get, hr_create, hr_revoke, hr_reg;
} thread_job;

static void run_job(thread_job *j)
{
    void *p = NULL;
    if (j->kind == 0) CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    if (j->kind == 1) CoInitializeEx(NULL, COINIT_MULTITHREADED);
    if (j->job == 0) {
        j->hr_get = CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, &p);
        if (SUCCEEDED(j->hr_get) && p) ((IUnknown *)p)->lpVtbl->Release((IUnknown *)p);
        p = NULL;
        j->hr_create = CoCreateInstance(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, &p);
        if (SUCCEEDED(j->hr_create) && p) ((IUnknown *)p)->lpVtbl->Release((IUnknown *)p);
    } else if (j->job == 1) {
        j->hr_revoke = CoRevokeClassObject(j->cookie);
    } else {
        j->hr_reg = CoRegisterClassObject(&CLS_OTHER, (IUnknown *)&factory2.IClassFactory_iface,
                                          CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE, &j->cookie);
    }
    if (j->kind != 2) CoUninitialize();
}

#ifdef _WIN32
static DWORD WINAPI thread_main(void *arg)
{
    run_job(arg);
    return 0;
}

static void in_thread(thread_job *j)
{
    HANDLE h = CreateThread(NULL, 0, thread_main, j, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
}
#else
static void *thread_main(void *arg)
{
    run_job(arg);
    return NULL;
}

static void in_thread(thread_job *j)
{
    pthread_t t;
    if (pthread_create(&t, NULL, thread_main, j) == 0) pthread_join(t, NULL);
}
#endif

static const char *const kinds[] = {"STA", "MTA", "none"};

static void other_apartments(const char *label)
{
    int k;
    for (k = 0; k < 3; k++) {
        thread_job j = {k, 0, 0, 0, 0, 0, 0};
        in_thread(&j);
        begin("%s from %s thread: CoGetClassObject / CoCreateInstance", label, kinds[k]);
        pu_hr(&res, j.hr_get);
        pu_add(&res, " ");
        pu_hr(&res, j.hr_create);
        end();
    }
}

/* ---- the cases -------------------------------------------------------------- */

static void before_init(void)
{
    DWORD cookie = 0x5e5e;
    HRESULT hr;
    get_class_object("before init: unregistered", &CLS_NONE, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    create_instance("before init: unregistered", &CLS_NONE, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    {
        const IID *iids[] = {&IID_IUnknown};
        create_ex("before init: unregistered", &CLS_NONE, CLSCTX_INPROC_SERVER, iids, 1);
    }
    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                               REGCLS_MULTIPLEUSE, &cookie);
    begin("before init: CoRegisterClassObject");
    pu_hr(&res, hr);
    pu_add(&res, " cookie %s refs %d", cookie == 0x5e5e ? "untouched" : cookie ? "set" : "zero",
           (int)factory.ref);
    end();
    if (SUCCEEDED(hr)) CoRevokeClassObject(cookie);
    begin("before init: CoRevokeClassObject(1)");
    pu_hr(&res, CoRevokeClassObject(1));
    end();
    begin("before init: CoResumeClassObjects");
    pu_hr(&res, CoResumeClassObjects());
    end();
    CoFreeUnusedLibraries();
    CoFreeUnusedLibrariesEx(0, 0);
}

static void unregistered(void)
{
    static const DWORD ctxs[] = {CLSCTX_INPROC_SERVER, CLSCTX_INPROC, CLSCTX_ALL, CLSCTX_SERVER,
                                 CLSCTX_LOCAL_SERVER, CLSCTX_INPROC_HANDLER, 0};
    size_t i;
    for (i = 0; i < sizeof ctxs / sizeof ctxs[0]; i++) {
        get_class_object("unregistered", &CLS_NONE, ctxs[i], &IID_IClassFactory);
        create_instance("unregistered", &CLS_NONE, ctxs[i], &IID_IUnknown);
    }
    get_class_object("no InprocServer32", &CLS_NOINPROC, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    create_instance("no InprocServer32", &CLS_NOINPROC, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    get_class_object("missing file", &CLS_MISSING, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    create_instance("missing file", &CLS_MISSING, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    create_instance("missing file", &CLS_MISSING, CLSCTX_LOCAL_SERVER, &IID_IUnknown);
    get_class_object("empty InprocServer32", &CLS_EMPTY, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    create_instance("empty InprocServer32", &CLS_EMPTY, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    {
        const IID *iids[] = {&IID_IUnknown, &IID_ITestObj};
        create_ex("unregistered", &CLS_NONE, CLSCTX_INPROC_SERVER, iids, 2);
    }
}

static void bad_args(void)
{
    HRESULT hr;
    void *p = SENTINEL;
    DWORD cookie = 0;
    CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                          REGCLS_MULTIPLEUSE, &cookie);
    begin("CoGetClassObject(ppv NULL)");
    pu_hr(&res, CoGetClassObject(&CLS_NONE, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, NULL));
    end();
    begin("CoGetClassObject(registered, ppv NULL)");
    pu_hr(&res, CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, NULL));
    end();
    hr = CoGetClassObject(&CLS_NONE, CLSCTX_INPROC_SERVER, NULL, NULL, &p);
    begin("CoGetClassObject(unregistered, riid NULL)");
    out_ptr(hr, p, SENTINEL);
    end();
    p = SENTINEL;
    hr = CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, NULL, &p);
    begin("CoGetClassObject(registered, riid NULL)");
    out_ptr(hr, p, SENTINEL);
    end();
    begin("CoCreateInstance(ppv NULL)");
    pu_hr(&res, CoCreateInstance(&CLS_NONE, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, NULL));
    end();
    begin("CoCreateInstance(registered, ppv NULL)");
    pu_hr(&res, CoCreateInstance(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, NULL));
    end();
    p = SENTINEL;
    hr = CoCreateInstance(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, NULL, &p);
    begin("CoCreateInstance(registered, riid NULL)");
    out_ptr(hr, p, SENTINEL);
    end();
    {
        MULTI_QI mqi = {&IID_IUnknown, NULL, 0};
        begin("CoCreateInstanceEx(count 0)");
        pu_hr(&res, CoCreateInstanceEx(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, NULL, 0, &mqi));
        end();
        begin("CoCreateInstanceEx(results NULL)");
        pu_hr(&res, CoCreateInstanceEx(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, NULL, 1, NULL));
        end();
    }
    CoRevokeClassObject(cookie);
    begin("bad args: refs, live objects");
    pu_add(&res, "%d %d", (int)factory.ref, (int)obj_count);
    end();
}

static void registered(void)
{
    DWORD cookie = 0, cookie2 = 0, c;
    HRESULT hr;
    const IID *some[] = {&IID_IUnknown, &IID_INobody, &IID_ITestObj};
    const IID *none[] = {&IID_INobody, &IID_IClassFactory};
    const IID *all[] = {&IID_ITestObj, &IID_IUnknown};

    begin("CoRegisterClassObject(punk NULL)");
    c = 0x5e5e;
    pu_hr(&res, CoRegisterClassObject(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE, &c));
    pu_add(&res, " %s", c == 0x5e5e ? "untouched" : "written");
    end();
    begin("CoRegisterClassObject(cookie NULL)");
    pu_hr(&res, CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                                      REGCLS_MULTIPLEUSE, NULL));
    pu_add(&res, " refs %d", (int)factory.ref);
    end();

    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                               REGCLS_MULTIPLEUSE, &cookie);
    begin("CoRegisterClassObject(MULTIPLEUSE)");
    pu_hr(&res, hr);
    pu_add(&res, " cookie %s refs %d", cookie ? "set" : "zero", (int)factory.ref);
    end();
    get_class_object("registered", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    get_class_object("registered IUnknown", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    get_class_object("registered INobody", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_INobody);
    get_class_object("registered", &CLS_REG, CLSCTX_ALL, &IID_IClassFactory);
    get_class_object("registered", &CLS_REG, CLSCTX_LOCAL_SERVER, &IID_IClassFactory);
    get_class_object("registered", &CLS_REG, CLSCTX_INPROC_HANDLER, &IID_IClassFactory);
    begin("registered: refs after lookups");
    pu_add(&res, "%d", (int)factory.ref);
    end();
    create_instance("registered", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    create_instance("registered ITestObj", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_ITestObj);
    create_instance("registered INobody", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_INobody);
    create_instance("registered", &CLS_REG, CLSCTX_LOCAL_SERVER, &IID_IUnknown);
    {
        void *p = SENTINEL;
        IUnknown outer = {NULL};
        hr = CoCreateInstance(&CLS_REG, &outer, CLSCTX_INPROC_SERVER, &IID_IUnknown, &p);
        begin("registered: aggregated CoCreateInstance");
        out_ptr(hr, p, SENTINEL);
        end();
        p = SENTINEL;
        hr = CoCreateInstance(&CLS_REG, &outer, CLSCTX_INPROC_SERVER, &IID_ITestObj, &p);
        begin("registered: aggregated CoCreateInstance(ITestObj)");
        out_ptr(hr, p, SENTINEL);
        end();
    }
    create_ex("registered some", &CLS_REG, CLSCTX_INPROC_SERVER, some, 3);
    create_ex("registered none", &CLS_REG, CLSCTX_INPROC_SERVER, none, 2);
    create_ex("registered all", &CLS_REG, CLSCTX_INPROC_SERVER, all, 2);
    begin("registered: live objects");
    pu_add(&res, "%d", (int)obj_count);
    end();

    /* A second registration of the same class: allowed; which one wins? */
    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory2.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                               REGCLS_MULTIPLEUSE, &cookie2);
    begin("CoRegisterClassObject(again, other factory)");
    pu_hr(&res, hr);
    pu_add(&res, " cookie %s", cookie2 == cookie ? "same" : cookie2 ? "other" : "zero");
    end();
    {
        void *p = NULL;
        hr = CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, &p);
        begin("registered twice: which factory");
        pu_hr(&res, hr);
        pu_add(&res, " %s", p == &factory.IClassFactory_iface ? "first" : p == &factory2.IClassFactory_iface ? "second" : "other");
        end();
        if (p) ((IUnknown *)p)->lpVtbl->Release((IUnknown *)p);
    }
    if (cookie2) {
        begin("CoRevokeClassObject(second)");
        pu_hr(&res, CoRevokeClassObject(cookie2));
        pu_add(&res, " refs %d", (int)factory2.ref);
        end();
    }

    /* TreatAs: CLS_OLD -> CLS_REG. */
    set_sz(KEY_BASE u"5}\\TreatAs", NULL, u"{C0DE0A00-0000-0000-0000-000000000001}");
    get_class_object("TreatAs", &CLS_OLD, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    create_instance("TreatAs", &CLS_OLD, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    {
        const IID *one[] = {&IID_IUnknown};
        create_ex("TreatAs", &CLS_OLD, CLSCTX_INPROC_SERVER, one, 1);
    }

    other_apartments("STA registration");
    {
        thread_job j = {0, 1, cookie, 0, 0, 0, 0};
        in_thread(&j);
        begin("CoRevokeClassObject from STA thread");
        pu_hr(&res, j.hr_revoke);
        end();
        j.kind = 1;
        in_thread(&j);
        begin("CoRevokeClassObject from MTA thread");
        pu_hr(&res, j.hr_revoke);
        end();
    }
    begin("CoRevokeClassObject");
    pu_hr(&res, CoRevokeClassObject(cookie));
    pu_add(&res, " refs %d", (int)factory.ref);
    end();
    begin("CoRevokeClassObject(twice)");
    pu_hr(&res, CoRevokeClassObject(cookie));
    end();
    begin("CoRevokeClassObject(0)");
    pu_hr(&res, CoRevokeClassObject(0));
    end();
    begin("CoRevokeClassObject(0xDEADBEEF)");
    pu_hr(&res, CoRevokeClassObject(0xDEADBEEF));
    end();
    get_class_object("revoked", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    begin("revoked: live objects, refs");
    pu_add(&res, "%d %d", (int)obj_count, (int)factory.ref);
    end();
}

static void flags(void)
{
    DWORD cookie = 0;
    HRESULT hr;

    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                               REGCLS_SINGLEUSE, &cookie);
    begin("CoRegisterClassObject(SINGLEUSE)");
    pu_hr(&res, hr);
    end();
    get_class_object("SINGLEUSE 1st", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    get_class_object("SINGLEUSE 2nd", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    create_instance("SINGLEUSE 3rd", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IUnknown);
    begin("SINGLEUSE revoke");
    pu_hr(&res, CoRevokeClassObject(cookie));
    end();

    cookie = 0;
    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                               REGCLS_MULTIPLEUSE | REGCLS_SUSPENDED, &cookie);
    begin("CoRegisterClassObject(MULTIPLEUSE|SUSPENDED)");
    pu_hr(&res, hr);
    end();
    get_class_object("SUSPENDED", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    begin("CoResumeClassObjects");
    pu_hr(&res, CoResumeClassObjects());
    end();
    get_class_object("resumed", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    begin("SUSPENDED revoke");
    pu_hr(&res, CoRevokeClassObject(cookie));
    end();

    cookie = 0;
    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_LOCAL_SERVER,
                               REGCLS_MULTIPLEUSE, &cookie);
    begin("CoRegisterClassObject(LOCAL_SERVER, MULTIPLEUSE)");
    pu_hr(&res, hr);
    end();
    get_class_object("LOCAL_SERVER MULTIPLEUSE", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    get_class_object("LOCAL_SERVER MULTIPLEUSE", &CLS_REG, CLSCTX_LOCAL_SERVER, &IID_IClassFactory);
    CoRevokeClassObject(cookie);

    cookie = 0;
    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_LOCAL_SERVER,
                               REGCLS_MULTI_SEPARATE, &cookie);
    begin("CoRegisterClassObject(LOCAL_SERVER, MULTI_SEPARATE)");
    pu_hr(&res, hr);
    end();
    get_class_object("LOCAL_SERVER MULTI_SEPARATE", &CLS_REG, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
    CoRevokeClassObject(cookie);

    cookie = 0;
    hr = CoRegisterClassObject(&CLS_REG, (IUnknown *)&factory.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                               REGCLS_MULTIPLEUSE | REGCLS_AGILE, &cookie);
    begin("CoRegisterClassObject(MULTIPLEUSE|AGILE)");
    pu_hr(&res, hr);
    end();
    other_apartments("AGILE registration");
    CoRevokeClassObject(cookie);

    /* Registrations made by an MTA thread, seen from this STA. */
    {
        thread_job j = {1, 2, 0, 0, 0, 0, 0};
        in_thread(&j);
        begin("MTA thread registers, then leaves");
        pu_hr(&res, j.hr_reg);
        pu_add(&res, " refs %d", (int)factory2.ref);
        end();
        get_class_object("registered by departed MTA", &CLS_OTHER, CLSCTX_INPROC_SERVER, &IID_IClassFactory);
        begin("CoRevokeClassObject(departed MTA's)");
        pu_hr(&res, CoRevokeClassObject(j.cookie));
        end();
    }
    begin("flags: refs");
    pu_add(&res, "%d", (int)factory.ref);
    end();
}

int main(void)
{
    pu_start("activation");
    before_init();
    CoInitialize(NULL);
    cleanup_keys();
    set_sz(KEY_BASE u"4}", NULL, u"no server");
    set_sz(KEY_BASE u"6}\\InprocServer32", NULL, u"");
#ifdef _WIN32
    set_sz(KEY_BASE u"3}\\InprocServer32", NULL, u"Z:\\nonexistent\\comrt-missing-server.dll");
#else
    set_sz(KEY_BASE u"3}\\InprocServer32", NULL, u"/nonexistent/comrt-missing-server.so");
#endif
    unregistered();
    registered();
    bad_args();
    flags();
    cleanup_keys();
    CoUninitialize();
    return 0;
}
