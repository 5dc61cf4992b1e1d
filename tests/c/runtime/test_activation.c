/*
 * test_activation.c — in-process activation end to end, with the test
 * server servers/act_server.c (path in COMRT_TEST_ACT_SERVER): register it
 * (ComrtRegisterServer), create each ThreadingModel's class from an STA and
 * from the MTA and check on which thread and in which apartment the object
 * runs, CoCreateInstanceEx, TreatAs, REG_EXPAND_SZ paths, servers that do
 * not load or lack exports (with the IErrorInfo text), unloading
 * (CoFreeUnusedLibraries(Ex) and its delays, an apartment's
 * CoUninitialize), class objects registered by the process
 * (CoRegisterClassObject from several apartments, REGCLS_AGILE, revocation
 * at CoUninitialize), and unregistration.
 *
 * It links the shared libcomrt, as the server does, so the process has one
 * runtime; so it reaches only the public API, and the scratch registry is
 * the one the environment names (wiped at start).
 */
#define COBJMACROS
#include "../comrt_test.h"

#include <dlfcn.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static const char *server_path;
/* What a shared object that does not load gives, as LoadLibrary's failure
 * does on Windows. */
#define MOD_NOT_FOUND HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND)
static const IID iid_null; /* IID_NULL, which comrt's headers do not carry */

static CLSID cls(int n)
{
    CLSID c = {0xA0C7A0C7, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, (unsigned char)n}};
    return c;
}
enum { CLS_APARTMENT = 1, CLS_FREE = 2, CLS_BOTH = 3, CLS_NEUTRAL = 4, CLS_NONE = 5 };
/* Classes the test writes itself. */
static const CLSID CLS_MISSING = {0xA0C7A0C8, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, 1}};
static const CLSID CLS_NOEXPORT = {0xA0C7A0C8, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, 2}};
static const CLSID CLS_EXPAND = {0xA0C7A0C8, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, 3}};
static const CLSID CLS_TREAT = {0xA0C7A0C8, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, 4}};
static const CLSID CLS_LOCAL = {0xA0C7A0C8, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, 5}};

/* A UTF-16 copy of an ASCII string in a rotating static buffer. */
static const WCHAR *W(const char *s)
{
    static WCHAR bufs[8][1024];
    static int next;
    WCHAR *w = bufs[next++ & 7];
    size_t i;
    for (i = 0; s[i] && i < 1023; i++) w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
    return w;
}

static void clsid_key(const CLSID *c, const char *tail, WCHAR *out)
{
    size_t n = 0, i;
    const char *pre = "CLSID\\";
    for (i = 0; pre[i]; i++) out[n++] = (WCHAR)pre[i];
    n += (size_t)StringFromGUID2(c, out + n, 40) - 1;
    for (i = 0; tail[i]; i++) out[n++] = (WCHAR)tail[i];
    out[n] = 0;
}

/* Sets CLSID\{c}<tail>'s value `name` (NULL: default) to an ASCII string. */
static void set_value(const CLSID *c, const char *tail, const char *name, DWORD type, const char *data)
{
    WCHAR path[128];
    HKEY k = NULL;
    LONG r;
    clsid_key(c, tail, path);
    r = RegCreateKeyExW(HKEY_CLASSES_ROOT, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
    CHECK_MSG(r == 0, "create key: %d", (int)r);
    if (r) return;
    if (data) {
        const WCHAR *w = W(data);
        CHECK_INT(RegSetValueExW(k, name ? W(name) : NULL, 0, type, (const BYTE *)w,
                                 (DWORD)((strlen(data) + 1) * sizeof(WCHAR))),
                  0);
    }
    RegCloseKey(k);
}

static BOOL key_exists(const CLSID *c, const char *tail)
{
    WCHAR path[128];
    HKEY k = NULL;
    clsid_key(c, tail, path);
    if (RegOpenKeyExW(HKEY_CLASSES_ROOT, path, 0, KEY_READ, &k) != 0) return FALSE;
    RegCloseKey(k);
    return TRUE;
}

/* Is the server mapped in the process?  RTLD_NOLOAD does not load it. */
static BOOL server_loaded(void)
{
    void *h = dlopen(server_path, RTLD_NOW | RTLD_NOLOAD);
    if (!h) return FALSE;
    dlclose(h);
    return TRUE;
}

/* DISPID id of the test object, as a LONG (-1000 on failure). */
static LONG ask(IDispatch *d, DISPID id)
{
    DISPPARAMS dp = {NULL, NULL, 0, 0};
    VARIANT v;
    HRESULT hr;
    VariantInit(&v);
    hr = IDispatch_Invoke(d, id, &iid_null, 0, DISPATCH_METHOD, &dp, &v, NULL, NULL);
    if (FAILED(hr) || V_VT(&v) != VT_I4) {
        COMRT_TEST_FAIL("Invoke(%d) = 0x%08X vt %d", (int)id, (unsigned)hr, (int)V_VT(&v));
        VariantClear(&v);
        return -1000;
    }
    return V_I4(&v);
}

static APTTYPE my_apt_type(void)
{
    APTTYPE t = APTTYPE_CURRENT;
    APTTYPEQUALIFIER q;
    if (FAILED(CoGetApartmentType(&t, &q))) return APTTYPE_CURRENT;
    return t;
}

/* Creates class n as IDispatch and reports the thread and apartment type
 * its calls run on; *same says whether that is the calling thread.  The
 * object is Released (the count must reach 0 when it is not a proxy). */
static BOOL where_does_it_run(int n, DWORD *tid, LONG *apt_type)
{
    IDispatch *d = NULL;
    CLSID c = cls(n);
    HRESULT hr = CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d);
    CHECK_MSG(hr == S_OK, "CoCreateInstance(class %d) = 0x%08X", n, (unsigned)hr);
    if (FAILED(hr)) return FALSE;
    *tid = (DWORD)ask(d, 1);
    *apt_type = ask(d, 2);
    /* Created where it runs: in an STA on its thread (MTA calls may run on
     * any of the MTA's threads). */
    if (*apt_type != APTTYPE_MTA) CHECK_INT(ask(d, 4), *tid);
    IDispatch_Release(d);
    return TRUE;
}

/* ---- tests ---------------------------------------------------------------------- */

TEST(not_initialized)
{
    void *p = (void *)1;
    CLSID c = cls(CLS_BOTH);
    CHECK_HR(CoGetClassObject(&c, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, &p), CO_E_NOTINITIALIZED);
    CHECK(p == NULL);
    CHECK_HR(CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, &p), CO_E_NOTINITIALIZED);
    CHECK_HR(ComrtRegisterServer(W(server_path), TRUE), CO_E_NOTINITIALIZED);
    CHECK(!key_exists(&c, ""));
}

TEST(register_server)
{
    IErrorInfo *ei = NULL;
    BSTR desc = NULL;
    int i;
    CHECK_HR(ComrtRegisterServer(W(server_path), TRUE), S_OK);
    for (i = 1; i <= 5; i++) {
        CLSID c = cls(i);
        CHECK_MSG(key_exists(&c, "\\InprocServer32"), "class %d not registered", i);
    }
    /* Registration loads and unloads the server again, as regsvr32 does. */
    CHECK(!server_loaded());
    CHECK_HR(ComrtRegisterServer(W("/nonexistent/comrt-act-missing.so"), TRUE), CO_E_DLLNOTFOUND);
    CHECK_HR(GetErrorInfo(0, &ei), S_OK);
    if (ei) {
        CHECK_HR(IErrorInfo_GetDescription(ei, &desc), S_OK);
        CHECK_MSG(desc && strstr(comrt_test_narrow(desc), "comrt-act-missing.so"), "description: %s",
                  comrt_test_narrow(desc));
        SysFreeString(desc);
        IErrorInfo_Release(ei);
    }
    /* libm has no DllRegisterServer. */
    CHECK_HR(ComrtRegisterServer(W("libm.so.6"), TRUE), CO_E_ERRORINDLL);
    CHECK_HR(ComrtRegisterServer(W(""), TRUE), E_INVALIDARG);
    CHECK_HR(ComrtRegisterServer(NULL, TRUE), E_INVALIDARG);
}

TEST(same_apartment_models)
{
    DWORD tid = 0;
    LONG type = -1;
    APTTYPE mine = my_apt_type();
    /* The main thread is the first STA: Apartment, Both, Neutral and none
     * all live right here. */
    static const int here[] = {CLS_APARTMENT, CLS_BOTH, CLS_NEUTRAL, CLS_NONE};
    size_t i;
    CHECK_INT(mine, APTTYPE_MAINSTA);
    for (i = 0; i < sizeof here / sizeof here[0]; i++) {
        if (!where_does_it_run(here[i], &tid, &type)) continue;
        CHECK_MSG(tid == GetCurrentThreadId(), "class %d ran on another thread", here[i]);
        CHECK_INT(type, APTTYPE_MAINSTA);
    }
    CHECK(server_loaded());
}

TEST(class_object_and_refcounts)
{
    IClassFactory *cf = NULL;
    IUnknown *unk = NULL;
    CLSID c = cls(CLS_BOTH);
    CHECK_HR(CoGetClassObject(&c, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&cf), S_OK);
    if (cf) {
        CHECK_HR(IClassFactory_CreateInstance(cf, NULL, &IID_IUnknown, (void **)&unk), S_OK);
        if (unk) CHECK_INT(IUnknown_Release(unk), 0);
        unk = (IUnknown *)1;
        CHECK_HR(IClassFactory_CreateInstance(cf, (IUnknown *)cf, &IID_IUnknown, (void **)&unk),
                 CLASS_E_NOAGGREGATION);
        CHECK(unk == NULL);
        IClassFactory_Release(cf);
    }
    unk = (IUnknown *)1;
    CHECK_HR(CoCreateInstance(&c, (IUnknown *)&unk, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&unk),
             CLASS_E_NOAGGREGATION);
    CHECK(unk == NULL);
    CHECK_HR(CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IClassFactory, (void **)&unk), E_NOINTERFACE);
    CHECK_HR(CoGetClassObject(&c, CLSCTX_INPROC_SERVER, NULL, &IID_IDispatch, (void **)&unk), E_NOINTERFACE);
    CHECK_HR(CoGetClassObject(&c, CLSCTX_LOCAL_SERVER, NULL, &IID_IClassFactory, (void **)&unk),
             REGDB_E_CLASSNOTREG);
    CHECK_HR(CoGetClassObject(&c, 0, NULL, &IID_IClassFactory, (void **)&unk), E_UNEXPECTED);
    CHECK_HR(CoGetClassObject(&c, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, NULL), E_INVALIDARG);
    CHECK_HR(CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, NULL), E_POINTER);
}

TEST(create_instance_ex)
{
    CLSID c = cls(CLS_BOTH);
    MULTI_QI mqi[3] = {{&IID_IDispatch, NULL, 0}, {&IID_IClassFactory, NULL, 0}, {&IID_IUnknown, NULL, 0}};
    CHECK_HR(CoCreateInstanceEx(&c, NULL, CLSCTX_INPROC_SERVER, NULL, 3, mqi), CO_S_NOTALLINTERFACES);
    CHECK_HR(mqi[0].hr, S_OK);
    CHECK_HR(mqi[1].hr, E_NOINTERFACE);
    CHECK(mqi[1].pItf == NULL);
    CHECK_HR(mqi[2].hr, S_OK);
    CHECK(mqi[0].pItf && mqi[0].pItf == mqi[2].pItf); /* one object, one identity */
    if (mqi[0].pItf) IUnknown_Release(mqi[0].pItf);
    if (mqi[2].pItf) CHECK_INT(IUnknown_Release(mqi[2].pItf), 0);

    CHECK_HR(CoCreateInstanceEx(&c, NULL, CLSCTX_INPROC_SERVER, NULL, 1, mqi + 1), E_NOINTERFACE);
    CHECK_HR(CoCreateInstanceEx(&c, NULL, CLSCTX_INPROC_SERVER, NULL, 1, mqi), S_OK);
    if (mqi[0].pItf) CHECK_INT(IUnknown_Release(mqi[0].pItf), 0);
    CHECK_HR(CoCreateInstanceEx(&c, NULL, CLSCTX_INPROC_SERVER, NULL, 0, mqi), E_INVALIDARG);
    mqi[0].pItf = (IUnknown *)1;
    CHECK_HR(CoCreateInstanceEx(&CLS_MISSING, NULL, CLSCTX_INPROC_SERVER, NULL, 1, mqi), REGDB_E_CLASSNOTREG);
    CHECK_HR(mqi[0].hr, E_NOINTERFACE);
    CHECK(mqi[0].pItf == NULL);
}

TEST(bad_servers)
{
    IUnknown *unk = NULL;
    IErrorInfo *ei = NULL;
    BSTR desc = NULL;

    CHECK_HR(CoCreateInstance(&CLS_MISSING, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&unk),
             REGDB_E_CLASSNOTREG);
    set_value(&CLS_MISSING, "", NULL, REG_SZ, "no server yet");
    CHECK_HR(CoCreateInstance(&CLS_MISSING, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&unk),
             REGDB_E_CLASSNOTREG);
    set_value(&CLS_MISSING, "\\InprocServer32", NULL, REG_SZ, "/nonexistent/comrt-act-missing.so");
    SetErrorInfo(0, NULL);
    CHECK_HR(CoCreateInstance(&CLS_MISSING, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&unk),
             MOD_NOT_FOUND);
    CHECK(unk == NULL);
    CHECK_HR(GetErrorInfo(0, &ei), S_OK);
    if (ei) {
        CHECK_HR(IErrorInfo_GetDescription(ei, &desc), S_OK);
        CHECK_MSG(desc && strstr(comrt_test_narrow(desc), "comrt-act-missing.so"), "description: %s",
                  comrt_test_narrow(desc));
        SysFreeString(desc);
        IErrorInfo_Release(ei);
    }
    set_value(&CLS_MISSING, "\\InprocServer32", NULL, REG_SZ, "");
    CHECK_HR(CoGetClassObject(&CLS_MISSING, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&unk),
             MOD_NOT_FOUND);
    /* A file that is no ELF object. */
    {
        char junk[] = "/tmp/comrt-act-junk.XXXXXX";
        int fd = mkstemp(junk);
        CHECK(fd >= 0);
        if (fd >= 0) {
            static const char text[] = "this text file is no ELF object, and long enough for an ELF header\n";
            CHECK_INT(write(fd, text, sizeof text - 1), sizeof text - 1);
            close(fd);
            set_value(&CLS_MISSING, "\\InprocServer32", NULL, REG_SZ, junk);
            CHECK_HR(CoGetClassObject(&CLS_MISSING, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&unk),
                     HRESULT_FROM_WIN32(193)); /* ERROR_BAD_EXE_FORMAT */
            unlink(junk);
        }
    }
    /* A library without DllGetClassObject, found by dlopen's own search. */
    set_value(&CLS_NOEXPORT, "\\InprocServer32", NULL, REG_SZ, "libm.so.6");
    CHECK_HR(CoGetClassObject(&CLS_NOEXPORT, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&unk),
             CO_E_ERRORINDLL);
    /* Only a local server: not servable in-process. */
    set_value(&CLS_LOCAL, "\\LocalServer32", NULL, REG_SZ, "/usr/bin/true");
    CHECK_HR(CoCreateInstance(&CLS_LOCAL, NULL, CLSCTX_ALL, &IID_IUnknown, (void **)&unk), REGDB_E_CLASSNOTREG);
    CHECK(unk == NULL);
}

TEST(expand_sz_and_treat_as)
{
    char dir[512], *slash;
    const char *base;
    IDispatch *d = NULL;
    snprintf(dir, sizeof dir, "%s", server_path);
    slash = strrchr(dir, '/');
    CHECK(slash != NULL);
    if (!slash) return;
    *slash = 0;
    base = slash + 1;
    setenv("COMRT_ACT_DIR", dir, 1);
    {
        char value[600];
        /* ${VAR} and %VAR% both expand; the class is the server's Both class
         * under another CLSID, which DllGetClassObject does not know. */
        snprintf(value, sizeof value, "${COMRT_ACT_DIR}/%s", base);
        set_value(&CLS_EXPAND, "\\InprocServer32", NULL, REG_EXPAND_SZ, value);
        CHECK_HR(CoCreateInstance(&CLS_EXPAND, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d),
                 CLASS_E_CLASSNOTAVAILABLE);
        snprintf(value, sizeof value, "%%COMRT_ACT_NOT_SET%%/%s", base);
        set_value(&CLS_EXPAND, "\\InprocServer32", NULL, REG_EXPAND_SZ, value);
        CHECK_HR(CoCreateInstance(&CLS_EXPAND, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d),
                 MOD_NOT_FOUND);
        /* As REG_SZ nothing expands. */
        snprintf(value, sizeof value, "%%COMRT_ACT_DIR%%/%s", base);
        set_value(&CLS_EXPAND, "\\InprocServer32", NULL, REG_SZ, value);
        CHECK_HR(CoCreateInstance(&CLS_EXPAND, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d),
                 MOD_NOT_FOUND);
        set_value(&CLS_EXPAND, "\\InprocServer32", NULL, REG_EXPAND_SZ, value);
        CHECK_HR(CoCreateInstance(&CLS_EXPAND, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d),
                 CLASS_E_CLASSNOTAVAILABLE);
    }
    /* TreatAs: CoCreateInstance and CoGetClassObject both follow it (the
     * class has no InprocServer32 of its own). */
    set_value(&CLS_TREAT, "\\TreatAs", NULL, REG_SZ, "{A0C7A0C7-0000-4000-8000-000000000003}");
    CHECK_HR(CoCreateInstance(&CLS_TREAT, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d), S_OK);
    if (d) CHECK_INT(IDispatch_Release(d), 0);
    {
        IClassFactory *cf = NULL;
        CHECK_HR(CoGetClassObject(&CLS_TREAT, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&cf), S_OK);
        if (cf) IClassFactory_Release(cf);
    }
}

TEST(free_unused_libraries)
{
    IDispatch *d = NULL;
    CLSID c = cls(CLS_BOTH);
    struct timespec ms60 = {0, 60 * 1000000};

    CHECK(server_loaded());
    CHECK_HR(CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d), S_OK);
    /* A live object keeps the server. */
    CoFreeUnusedLibrariesEx(0, 0);
    CHECK(server_loaded());
    if (d) {
        CHECK_INT(ask(d, 3), 1);
        CHECK_INT(IDispatch_Release(d), 0);
    }
    /* A delay: the first call starts the clock, a later one after it ends
     * unloads. */
    CoFreeUnusedLibrariesEx(50, 0);
    CHECK(server_loaded());
    nanosleep(&ms60, NULL);
    CoFreeUnusedLibrariesEx(50, 0);
    CHECK(!server_loaded());

    /* Loaded again on demand; CoFreeUnusedLibraries unloads an apartment
     * server at once. */
    CHECK_HR(CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d), S_OK);
    if (d) CHECK_INT(IDispatch_Release(d), 0);
    CHECK(server_loaded());
    CoFreeUnusedLibrariesEx(100000, 0);
    CHECK(server_loaded());
    CoFreeUnusedLibraries();
    CHECK(!server_loaded());
}

/* ---- other threads ------------------------------------------------------------- */

typedef struct {
    DWORD coinit; /* COINIT_*, or ~0u for none */
    void (*body)(void *ctx);
    void *ctx;
    int done;
} thread_spec;

static void *thread_main(void *arg)
{
    thread_spec *t = arg;
    if (t->coinit != ~0u) CoInitializeEx(NULL, t->coinit);
    t->body(t->ctx);
    if (t->coinit != ~0u) CoUninitialize();
    __atomic_store_n(&t->done, 1, __ATOMIC_RELEASE);
    return NULL;
}

/* Runs body in a new thread and waits for it, running the calls queued to
 * the main STA meanwhile (objects without ThreadingModel live there, so the
 * thread's calls to them come here, as on Windows where the main STA must
 * pump messages while it waits). */
static void in_thread(DWORD coinit, void (*body)(void *), void *ctx)
{
    pthread_t th;
    thread_spec t = {coinit, body, ctx, 0};
    if (pthread_create(&th, NULL, thread_main, &t) != 0) {
        COMRT_TEST_FAIL("pthread_create");
        return;
    }
    while (!__atomic_load_n(&t.done, __ATOMIC_ACQUIRE)) ComrtPumpApartment(10);
    pthread_join(th, NULL);
}

typedef struct {
    DWORD main_tid;
    DWORD tid[6];
    LONG type[6];
    DWORD self;
    APTTYPE self_type;
} where_result;

static void where_all(void *ctx)
{
    where_result *r = ctx;
    int n;
    r->self = GetCurrentThreadId();
    r->self_type = my_apt_type();
    for (n = 1; n <= 5; n++)
        if (!where_does_it_run(n, &r->tid[n], &r->type[n])) r->tid[n] = 0;
}

TEST(models_from_mta)
{
    where_result r;
    memset(&r, 0, sizeof r);
    in_thread(COINIT_MULTITHREADED, where_all, &r);
    CHECK_INT(r.self_type, APTTYPE_MTA);
    /* Free, Both, Neutral: in the MTA, on the calling thread. */
    CHECK_MSG(r.tid[CLS_FREE] == r.self, "Free ran on %u", (unsigned)r.tid[CLS_FREE]);
    CHECK_INT(r.type[CLS_FREE], APTTYPE_MTA);
    CHECK_MSG(r.tid[CLS_BOTH] == r.self, "Both ran on %u", (unsigned)r.tid[CLS_BOTH]);
    CHECK_INT(r.type[CLS_BOTH], APTTYPE_MTA);
    CHECK_MSG(r.tid[CLS_NEUTRAL] == r.self, "Neutral ran on %u", (unsigned)r.tid[CLS_NEUTRAL]);
    /* Apartment: the host STA, another thread. */
    CHECK_MSG(r.tid[CLS_APARTMENT] && r.tid[CLS_APARTMENT] != r.self && r.tid[CLS_APARTMENT] != GetCurrentThreadId(),
              "Apartment ran on %u", (unsigned)r.tid[CLS_APARTMENT]);
    CHECK_MSG(r.type[CLS_APARTMENT] == APTTYPE_STA, "Apartment's apartment %d", (int)r.type[CLS_APARTMENT]);
    /* none: the main STA, this thread. */
    CHECK_MSG(r.tid[CLS_NONE] == GetCurrentThreadId(), "none ran on %u", (unsigned)r.tid[CLS_NONE]);
    CHECK_INT(r.type[CLS_NONE], APTTYPE_MAINSTA);
}

TEST(models_from_sta)
{
    where_result r;
    memset(&r, 0, sizeof r);
    in_thread(COINIT_APARTMENTTHREADED, where_all, &r);
    CHECK_INT(r.self_type, APTTYPE_STA);
    CHECK_MSG(r.tid[CLS_APARTMENT] == r.self, "Apartment ran on %u", (unsigned)r.tid[CLS_APARTMENT]);
    CHECK_INT(r.type[CLS_APARTMENT], APTTYPE_STA);
    CHECK_MSG(r.tid[CLS_BOTH] == r.self, "Both ran on %u", (unsigned)r.tid[CLS_BOTH]);
    CHECK_MSG(r.tid[CLS_NEUTRAL] == r.self, "Neutral ran on %u", (unsigned)r.tid[CLS_NEUTRAL]);
    /* Free: the MTA (a worker thread). */
    CHECK_MSG(r.tid[CLS_FREE] && r.tid[CLS_FREE] != r.self, "Free ran on %u", (unsigned)r.tid[CLS_FREE]);
    CHECK_INT(r.type[CLS_FREE], APTTYPE_MTA);
    /* none: the main STA. */
    CHECK_MSG(r.tid[CLS_NONE] == GetCurrentThreadId(), "none ran on %u", (unsigned)r.tid[CLS_NONE]);
    CHECK_INT(r.type[CLS_NONE], APTTYPE_MAINSTA);
}

/* From the MTA: the Apartment class's factory is a proxy to the host STA,
 * its objects live there; a server that does not load fails there and its
 * error text comes back to the caller. */
static void cross_apartment_body(void *ctx)
{
    IClassFactory *cf = NULL;
    IDispatch *d = NULL;
    IErrorInfo *ei = NULL;
    BSTR desc = NULL;
    CLSID c = cls(CLS_APARTMENT);

    CHECK_HR(CoGetClassObject(&c, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&cf), S_OK);
    if (cf) {
        CHECK_HR(IClassFactory_CreateInstance(cf, NULL, &IID_IDispatch, (void **)&d), S_OK);
        if (d) {
            DWORD tid = (DWORD)ask(d, 1);
            CHECK_MSG(tid != GetCurrentThreadId() && tid != *(DWORD *)ctx, "ran on %u", (unsigned)tid);
            CHECK_INT(ask(d, 2), APTTYPE_STA);
            IDispatch_Release(d);
        }
        IClassFactory_Release(cf);
    }
    /* Aggregation across apartments is refused. */
    d = NULL;
    CHECK_HR(CoCreateInstance(&c, (IUnknown *)&c, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&d),
             CLASS_E_NOAGGREGATION);
    SetErrorInfo(0, NULL);
    CHECK_HR(CoCreateInstance(&CLS_MISSING, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d),
             MOD_NOT_FOUND);
    CHECK_HR(GetErrorInfo(0, &ei), S_OK);
    if (ei) {
        CHECK_HR(IErrorInfo_GetDescription(ei, &desc), S_OK);
        CHECK_MSG(desc && strstr(comrt_test_narrow(desc), "comrt-act-missing.so"), "description: %s",
                  comrt_test_narrow(desc));
        SysFreeString(desc);
        IErrorInfo_Release(ei);
    }
}

TEST(cross_apartment_factory_and_errors)
{
    DWORD main_tid = GetCurrentThreadId();
    set_value(&CLS_MISSING, "\\InprocServer32", NULL, REG_SZ, "/nonexistent/comrt-act-missing.so");
    set_value(&CLS_MISSING, "\\InprocServer32", "ThreadingModel", REG_SZ, "Apartment");
    in_thread(COINIT_MULTITHREADED, cross_apartment_body, &main_tid);
}

/* An STA that alone used the server unloads it at CoUninitialize. */
static void use_and_leave(void *ctx)
{
    IDispatch *d = NULL;
    CLSID c = cls(CLS_APARTMENT);
    CHECK_HR(CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IDispatch, (void **)&d), S_OK);
    if (d) CHECK_INT(IDispatch_Release(d), 0);
    *(BOOL *)ctx = server_loaded();
}

TEST(uninitialize_unloads)
{
    BOOL loaded_inside = FALSE;
    CoFreeUnusedLibrariesEx(0, 0);
    CHECK(!server_loaded());
    in_thread(COINIT_APARTMENTTHREADED, use_and_leave, &loaded_inside);
    CHECK(loaded_inside);
    CHECK(!server_loaded());
}

/* ---- class objects registered by the process --------------------------------------- */

typedef struct {
    IClassFactory IClassFactory_iface;
    LONG ref;
} local_factory;

static HRESULT STDMETHODCALLTYPE lf_QueryInterface(IClassFactory *iface, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IClassFactory)) {
        *ppv = iface;
        IClassFactory_AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE lf_AddRef(IClassFactory *iface)
{
    return (ULONG)__atomic_add_fetch(&((local_factory *)iface)->ref, 1, __ATOMIC_SEQ_CST);
}
static ULONG STDMETHODCALLTYPE lf_Release(IClassFactory *iface)
{
    return (ULONG)__atomic_sub_fetch(&((local_factory *)iface)->ref, 1, __ATOMIC_SEQ_CST);
}
/* Hands out the factory itself as "the object", so no second class is needed. */
static HRESULT STDMETHODCALLTYPE lf_CreateInstance(IClassFactory *iface, IUnknown *outer, REFIID riid, void **ppv)
{
    if (outer) {
        *ppv = NULL;
        return CLASS_E_NOAGGREGATION;
    }
    return lf_QueryInterface(iface, riid, ppv);
}
static HRESULT STDMETHODCALLTYPE lf_LockServer(IClassFactory *iface, BOOL lock)
{
    return S_OK;
}
static IClassFactoryVtbl lf_vtbl = {lf_QueryInterface, lf_AddRef, lf_Release, lf_CreateInstance, lf_LockServer};

static const CLSID CLS_REG = {0xA0C7A0C9, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, 1}};

typedef struct {
    DWORD cookie;
    HRESULT get, revoke, reg;
    local_factory *f;
} reg_job;

static void lookup_job(void *ctx)
{
    reg_job *j = ctx;
    IUnknown *unk = NULL;
    j->get = CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&unk);
    if (unk) IUnknown_Release(unk);
}

static void revoke_job(void *ctx)
{
    reg_job *j = ctx;
    j->revoke = CoRevokeClassObject(j->cookie);
}

static void register_job(void *ctx)
{
    reg_job *j = ctx;
    j->reg = CoRegisterClassObject(&CLS_REG, (IUnknown *)&j->f->IClassFactory_iface, CLSCTX_INPROC_SERVER,
                                   REGCLS_MULTIPLEUSE, &j->cookie);
    lookup_job(ctx);
}

TEST(registered_class_objects)
{
    local_factory f = {{&lf_vtbl}, 1}, f2 = {{&lf_vtbl}, 1};
    DWORD cookie = 0, cookie2 = 0x5e5e;
    IUnknown *unk = NULL;
    reg_job j;

    CHECK_HR(CoRegisterClassObject(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE, &cookie), E_INVALIDARG);
    CHECK_HR(CoRegisterClassObject(&CLS_REG, (IUnknown *)&f, CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE, &cookie),
             S_OK);
    CHECK(cookie != 0);
    CHECK_INT(f.ref, 2);
    /* A second MULTIPLEUSE registration: S_OK, nothing registered (Wine). */
    CHECK_HR(CoRegisterClassObject(&CLS_REG, (IUnknown *)&f2, CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE, &cookie2),
             S_OK);
    CHECK_INT(cookie2, 0x5e5e);
    CHECK_INT(f2.ref, 1);
    CHECK_HR(CoRegisterClassObject(&CLS_REG, (IUnknown *)&f2, CLSCTX_INPROC_SERVER, REGCLS_SINGLEUSE, &cookie2),
             CO_E_OBJISREG);

    CHECK_HR(CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&unk), S_OK);
    CHECK(unk == (IUnknown *)&f);
    if (unk) IUnknown_Release(unk);
    unk = NULL;
    CHECK_HR(CoCreateInstance(&CLS_REG, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&unk), S_OK);
    if (unk) IUnknown_Release(unk);
    CHECK_HR(CoGetClassObject(&CLS_REG, CLSCTX_LOCAL_SERVER, NULL, &IID_IClassFactory, (void **)&unk),
             REGDB_E_CLASSNOTREG);
    CHECK_INT(f.ref, 2);

    /* Not seen from other apartments; not revocable from them. */
    memset(&j, 0, sizeof j);
    j.cookie = cookie;
    in_thread(COINIT_APARTMENTTHREADED, lookup_job, &j);
    CHECK_HR(j.get, REGDB_E_CLASSNOTREG);
    in_thread(COINIT_MULTITHREADED, lookup_job, &j);
    CHECK_HR(j.get, REGDB_E_CLASSNOTREG);
    in_thread(COINIT_APARTMENTTHREADED, revoke_job, &j);
    CHECK_HR(j.revoke, RPC_E_WRONG_THREAD);
    in_thread(COINIT_MULTITHREADED, revoke_job, &j);
    CHECK_HR(j.revoke, RPC_E_WRONG_THREAD);

    CHECK_HR(CoRevokeClassObject(cookie), S_OK);
    CHECK_INT(f.ref, 1);
    CHECK_HR(CoRevokeClassObject(cookie), E_INVALIDARG);
    CHECK_HR(CoRevokeClassObject(0), E_INVALIDARG);

    /* REGCLS_AGILE: every apartment sees it. */
    CHECK_HR(CoRegisterClassObject(&CLS_REG, (IUnknown *)&f, CLSCTX_INPROC_SERVER,
                                   REGCLS_MULTIPLEUSE | REGCLS_AGILE, &cookie),
             S_OK);
    in_thread(COINIT_MULTITHREADED, lookup_job, &j);
    CHECK_HR(j.get, S_OK);
    CHECK_HR(CoRevokeClassObject(cookie), S_OK);

    /* LOCAL_SERVER + MULTIPLEUSE answers in-process too; MULTI_SEPARATE not. */
    CHECK_HR(CoRegisterClassObject(&CLS_REG, (IUnknown *)&f, CLSCTX_LOCAL_SERVER, REGCLS_MULTIPLEUSE, &cookie), S_OK);
    CHECK_HR(CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&unk), S_OK);
    if (unk) IUnknown_Release(unk);
    CHECK_HR(CoRevokeClassObject(cookie), S_OK);
    CHECK_HR(CoRegisterClassObject(&CLS_REG, (IUnknown *)&f, CLSCTX_LOCAL_SERVER, REGCLS_MULTI_SEPARATE, &cookie),
             S_OK);
    CHECK_HR(CoGetClassObject(&CLS_REG, CLSCTX_INPROC_SERVER, NULL, &IID_IClassFactory, (void **)&unk),
             REGDB_E_CLASSNOTREG);
    CHECK_HR(CoRevokeClassObject(cookie), S_OK);

    /* A registration the registering apartment never revokes goes with its
     * CoUninitialize; the MTA thread saw its own registration. */
    memset(&j, 0, sizeof j);
    j.f = &f2;
    in_thread(COINIT_MULTITHREADED, register_job, &j);
    CHECK_HR(j.reg, S_OK);
    CHECK_HR(j.get, S_OK);
    CHECK_INT(f2.ref, 1);
    CHECK_HR(CoRevokeClassObject(j.cookie), E_INVALIDARG);
    CHECK_HR(CoResumeClassObjects(), S_OK);
    CHECK_INT(f.ref, 1);
}

TEST(unregister_server)
{
    int i;
    CHECK_HR(ComrtRegisterServer(W(server_path), FALSE), S_OK);
    for (i = 1; i <= 5; i++) {
        CLSID c = cls(i);
        CHECK_MSG(!key_exists(&c, ""), "class %d still registered", i);
    }
    {
        IUnknown *unk = NULL;
        CLSID c = cls(CLS_BOTH);
        CHECK_HR(CoCreateInstance(&c, NULL, CLSCTX_INPROC_SERVER, &IID_IUnknown, (void **)&unk), REGDB_E_CLASSNOTREG);
    }
}

int main(void)
{
    const char *reg = getenv("COMRT_REGISTRY"), *sysreg = getenv("COMRT_SYSTEM_REGISTRY");
    server_path = getenv("COMRT_TEST_ACT_SERVER");
    if (!server_path || !reg || !sysreg) {
        fprintf(stderr, "COMRT_TEST_ACT_SERVER, COMRT_REGISTRY and COMRT_SYSTEM_REGISTRY must be set\n");
        return 2;
    }
    /* A fresh scratch registry for every run. */
    unlink(reg);
    unlink(sysreg);

    RUN(not_initialized);
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    RUN(register_server);
    RUN(same_apartment_models);
    RUN(class_object_and_refcounts);
    RUN(create_instance_ex);
    RUN(bad_servers);
    RUN(expand_sz_and_treat_as);
    RUN(free_unused_libraries);
    RUN(models_from_mta);
    RUN(models_from_sta);
    RUN(cross_apartment_factory_and_errors);
    RUN(uninitialize_unloads);
    RUN(registered_class_objects);
    RUN(unregister_server);
    CoUninitialize();
    return comrt_test_summary();
}
