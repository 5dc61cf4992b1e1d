/*
 * runtime/activation.c — CoGetClassObject, CoCreateInstance and
 * CoCreateInstanceEx for in-process servers.
 *
 * A class object comes from a registration of the calling apartment
 * (classreg.c) or from the shared object named by HKCR\CLSID\{clsid}\
 * InprocServer32 (InprocHandler32 for CLSCTX_INPROC_HANDLER), whose value
 * ThreadingModel decides the apartment the class's objects live in (their
 * "home"), as Windows does:
 *
 *   ThreadingModel   caller in an STA        caller in the MTA
 *   Apartment        the caller's STA        the host STA
 *   Free             the MTA                 the MTA (the caller's)
 *   Both, Neutral    the caller's apartment  the caller's apartment
 *   (none)           the main STA            the main STA, or the host STA
 *
 * (comrt has no neutral apartment: Neutral objects live where they are
 * created, which is what a Both object does.)  When the home is not the
 * caller's apartment, DllGetClassObject and IClassFactory::CreateInstance
 * run there (comrt__apt_call) and the caller gets a proxy (comrt__apt_wrap).
 * Return codes follow Wine's ole32 where Windows documents nothing else
 * (golden: tests/golden/activation.txt; deviations in DEVIATIONS.md).
 */
#define COBJMACROS
#include "runtime/activation_internal.h"
#include "runtime/registry_internal.h"
#include "runtime/marshal_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The contexts activation serves at all; a request with none of them is
 * E_UNEXPECTED, as in Wine's ole32. */
#define KNOWN_CONTEXTS (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)

/* A registry path longer than this is corrupt content, not a file name. */
#define MAX_SERVER_PATH_BYTES 65536u

typedef enum { MODEL_NONE, MODEL_APARTMENT, MODEL_FREE, MODEL_BOTH, MODEL_NEUTRAL } threading_model;

/* What one InprocServer32 (or InprocHandler32) key says. */
typedef struct {
    char *path; /* UTF-8, environment expanded; malloc'ed */
    threading_model model;
} server_key;

/* Appends n bytes to a growing buffer (*buf of *len bytes, *cap capacity). */
static BOOL buf_add(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t ncap = (*cap ? *cap : 64);
        char *nb;
        while (*len + n + 1 > ncap) ncap *= 2;
        if (ncap > MAX_SERVER_PATH_BYTES) return FALSE;
        nb = realloc(*buf, ncap);
        if (!nb) return FALSE;
        *buf = nb;
        *cap = ncap;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = 0;
    return TRUE;
}

/* REG_EXPAND_SZ: ${NAME} and %NAME% from the environment; an unknown name
 * stays as written (Windows' ExpandEnvironmentStrings rule).  *out is
 * malloc'ed; FALSE when out of memory or too long. */
static BOOL expand_path(const char *in, char **out)
{
    char *buf = NULL;
    size_t len = 0, cap = 0, i = 0;

    if (!buf_add(&buf, &len, &cap, "", 0)) return FALSE;
    while (in[i]) {
        const char *end = NULL;
        size_t name_start = 0, skip = 0;
        if (in[i] == '%') {
            end = strchr(in + i + 1, '%');
            name_start = i + 1;
            skip = 1;
        } else if (in[i] == '$' && in[i + 1] == '{') {
            end = strchr(in + i + 2, '}');
            name_start = i + 2;
            skip = 1;
        }
        if (end && (size_t)(end - in) > name_start) {
            size_t nlen = (size_t)(end - in) - name_start;
            char name[256];
            const char *val = NULL;
            if (nlen < sizeof name) {
                memcpy(name, in + name_start, nlen);
                name[nlen] = 0;
                val = getenv(name);
            }
            if (val) {
                if (!buf_add(&buf, &len, &cap, val, strlen(val))) goto fail;
                i = (size_t)(end - in) + skip;
                continue;
            }
        }
        if (!buf_add(&buf, &len, &cap, in + i, 1)) goto fail;
        i++;
    }
    *out = buf;
    return TRUE;
fail:
    free(buf);
    return FALSE;
}

/* Reads value `name` of key k as a string (REG_SZ or REG_EXPAND_SZ), in
 * UTF-8 (malloc'ed).  A missing value reads as "" when missing_ok.
 * Returns S_OK, S_FALSE (missing, !missing_ok), or REGDB_E_READREGDB /
 * E_OUTOFMEMORY. */
static HRESULT read_string(HKEY k, const WCHAR *name, BOOL missing_ok, char **out, DWORD *ptype)
{
    WCHAR *w = NULL;
    char *s;
    LONG r = comrt__reg_read_sz(k, name, missing_ok, MAX_SERVER_PATH_BYTES, &w, ptype);

    if (r == ERROR_FILE_NOT_FOUND) return S_FALSE;
    if (r != ERROR_SUCCESS) return r == ERROR_NOT_ENOUGH_MEMORY ? E_OUTOFMEMORY : REGDB_E_READREGDB;
    s = comrt__utf16_to_utf8_dup(w, comrt__utf16_len(w));
    free(w);
    if (!s) return E_OUTOFMEMORY;
    *out = s;
    return S_OK;
}

/* Reads HKCR\CLSID\{clsid}\<sub>: REGDB_E_CLASSNOTREG when the key is
 * missing; otherwise *key filled (caller frees key->path). */
static HRESULT read_server_key(REFCLSID clsid, const WCHAR *sub, server_key *key)
{
    HRESULT hr;
    WCHAR path[80];
    HKEY k = NULL;
    char *raw = NULL, *model = NULL, *expanded = NULL;
    DWORD type = REG_SZ;
    size_t n = 0, i;
    static const WCHAR prefix[] = u"CLSID\\";

    for (i = 0; prefix[i]; i++) path[n++] = prefix[i];
    n += (size_t)comrt__guid_format(clsid, path + n) - 1;
    path[n++] = '\\';
    for (i = 0; sub[i]; i++) path[n++] = sub[i];
    path[n] = 0;
    if (RegOpenKeyExW(HKEY_CLASSES_ROOT, path, 0, KEY_QUERY_VALUE, &k) != ERROR_SUCCESS) {
        hr = REGDB_E_CLASSNOTREG;
        goto out;
    }
    hr = read_string(k, NULL, TRUE, &raw, &type);
    if (FAILED(hr)) goto out;
    if (type == REG_EXPAND_SZ) {
        if (!expand_path(raw, &expanded)) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        free(raw);
        raw = expanded;
    }
    key->model = MODEL_NONE;
    if (read_string(k, u"ThreadingModel", FALSE, &model, NULL) == S_OK) {
        if (strcasecmp(model, "Apartment") == 0) key->model = MODEL_APARTMENT;
        else if (strcasecmp(model, "Free") == 0) key->model = MODEL_FREE;
        else if (strcasecmp(model, "Both") == 0) key->model = MODEL_BOTH;
        else if (strcasecmp(model, "Neutral") == 0) key->model = MODEL_NEUTRAL;
    }
    key->path = raw;
    raw = NULL;
    hr = S_OK;
out:
    free(raw);
    free(model);
    if (k) RegCloseKey(k);
    return hr;
}

/* *home receives (referenced) the apartment a class of `model` lives in
 * when created from `caller` (the table at the top of this file). */
static HRESULT choose_home(comrt_apartment *caller, threading_model model, comrt_apartment **home)
{
    BOOL caller_sta = comrt__apt_type(caller) != APTTYPE_MTA;
    HRESULT hr;

    switch (model) {
    case MODEL_BOTH:
    case MODEL_NEUTRAL:
        break;
    case MODEL_APARTMENT:
        if (!caller_sta) return comrt__apt_host_sta(home);
        break;
    case MODEL_FREE:
        if (caller_sta) return comrt__apt_mta(home);
        break;
    case MODEL_NONE:
    default:
        /* The main STA.  When none is alive (the first STA has left), an
         * STA caller keeps the object, and for an MTA caller the host STA
         * stands in, as Windows starts one for a legacy class created from
         * the MTA. */
        hr = comrt__apt_main_sta(home);
        if (SUCCEEDED(hr)) return hr;
        if (!caller_sta) return comrt__apt_host_sta(home);
        break;
    }
    comrt__apt_addref(caller);
    *home = caller;
    return S_OK;
}

/* The work done in the home apartment: class object, and optionally an
 * instance.  The fields after "out" are its results. */
typedef struct {
    comrt_apartment *user; /* the caller's apartment */
    const char *path;
    BOOL multi_threaded;
    const CLSID *clsid;
    const IID *riid;  /* asked of the class object, or of CreateInstance */
    BOOL create;      /* CreateInstance(outer, riid) on IClassFactory */
    IUnknown *outer;
    BOOL carry_error; /* running in another apartment: bring IErrorInfo back */
    /* out */
    HRESULT hr;
    void *pv;
    IErrorInfo *error;
} home_job;

static void run_home_job(void *ctx)
{
    home_job *job = ctx;
    void *cf = NULL;

    if (job->create) {
        job->hr = comrt__inproc_get_class_object(job->user, job->path, job->multi_threaded, job->clsid,
                                                 &IID_IClassFactory, &cf);
        if (SUCCEEDED(job->hr)) {
            job->hr = IClassFactory_CreateInstance((IClassFactory *)cf, job->outer, job->riid, &job->pv);
            IClassFactory_Release((IClassFactory *)cf);
            if (FAILED(job->hr)) job->pv = NULL;
        }
    } else {
        job->hr = comrt__inproc_get_class_object(job->user, job->path, job->multi_threaded, job->clsid, job->riid,
                                                 &job->pv);
    }
    if (FAILED(job->hr) && job->carry_error) GetErrorInfo(0, &job->error);
}

/* Activation from one server key: class object (riid) or, with create, an
 * instance (CreateInstance(outer, riid)), delivered to the calling
 * apartment `caller` in *ppv. */
static HRESULT activate_from_key(comrt_apartment *caller, const server_key *key, REFCLSID clsid, BOOL create,
                                 IUnknown *outer, REFIID riid, void **ppv)
{
    HRESULT hr;
    comrt_apartment *home = NULL;
    home_job job;

    memset(&job, 0, sizeof job);
    hr = choose_home(caller, key->model, &home);
    if (FAILED(hr)) goto out;
    job.user = caller;
    job.path = key->path;
    job.multi_threaded = comrt__apt_type(home) == APTTYPE_MTA;
    job.clsid = clsid;
    job.riid = riid;
    job.create = create;
    job.outer = outer;
    if (comrt__apt_is_current(home)) {
        run_home_job(&job);
        hr = job.hr;
        if (SUCCEEDED(hr)) *ppv = job.pv;
        goto out;
    }
    /* Another apartment: an outer object cannot aggregate across it, and a
     * proxy needs to know its interface. */
    if (outer || !riid) {
        hr = outer ? CLASS_E_NOAGGREGATION : E_INVALIDARG;
        goto out;
    }
    job.carry_error = TRUE;
    hr = comrt__apt_call(home, run_home_job, &job);
    if (FAILED(hr)) goto out;
    hr = job.hr;
    if (FAILED(hr)) {
        if (job.error) SetErrorInfo(0, job.error);
        goto out;
    }
    hr = comrt__apt_wrap(home, (IUnknown *)job.pv, riid, ppv);
    /* Our own reference is given back where the object lives. */
    comrt__apt_release_in(home, (IUnknown *)job.pv);
out:
    if (job.error) IErrorInfo_Release(job.error);
    if (home) comrt__apt_release(home);
    return hr;
}

/* Built-in classes: ole32's own objects, which need no registry and live
 * in no apartment (free-threaded: every caller gets the object itself).
 * Each entry gives the class object, QueryInterface'd for an IID. */
static const struct {
    const CLSID *clsid;
    HRESULT (*get_class_object)(REFIID riid, void **ppv);
} builtin_classes[] = {
    {&CLSID_StdGlobalInterfaceTable, comrt__git_get_class_object},
};

/* The core of all three entry points (arguments already checked, caller's
 * apartment known): the registration of the calling apartment, then the
 * built-in classes (for CLSCTX_INPROC_SERVER), then the registry's
 * InprocServer32, then InprocHandler32. */
static HRESULT activate(comrt_apartment *caller, REFCLSID clsid, DWORD ctx, BOOL create, IUnknown *outer, REFIID riid,
                        void **ppv)
{
    static const struct {
        DWORD ctx;
        const WCHAR *key;
    } kinds[] = {{CLSCTX_INPROC_SERVER, u"InprocServer32"}, {CLSCTX_INPROC_HANDLER, u"InprocHandler32"}};
    HRESULT hr, first_error = S_OK;
    IUnknown *registered = NULL;
    size_t i;

    if (!(ctx & KNOWN_CONTEXTS)) return E_UNEXPECTED;
    if (SUCCEEDED(comrt__classreg_find(caller, clsid, ctx, &registered))) {
        if (create) {
            IClassFactory *cf = NULL;
            hr = IUnknown_QueryInterface(registered, &IID_IClassFactory, (void **)&cf);
            if (SUCCEEDED(hr)) {
                hr = IClassFactory_CreateInstance(cf, outer, riid, ppv);
                IClassFactory_Release(cf);
            }
        } else {
            hr = IUnknown_QueryInterface(registered, riid, ppv);
        }
        IUnknown_Release(registered);
        return hr;
    }
    for (i = 0; (ctx & CLSCTX_INPROC_SERVER) && i < sizeof builtin_classes / sizeof builtin_classes[0]; i++) {
        IClassFactory *cf = NULL;
        if (!IsEqualCLSID(clsid, builtin_classes[i].clsid)) continue;
        if (!create) return builtin_classes[i].get_class_object(riid, ppv);
        hr = builtin_classes[i].get_class_object(&IID_IClassFactory, (void **)&cf);
        if (SUCCEEDED(hr)) {
            hr = IClassFactory_CreateInstance(cf, outer, riid, ppv);
            IClassFactory_Release(cf);
        }
        return hr;
    }
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        server_key key = {NULL, MODEL_NONE};
        if (!(ctx & kinds[i].ctx)) continue;
        hr = read_server_key(clsid, kinds[i].key, &key);
        if (hr == REGDB_E_CLASSNOTREG) continue;
        if (SUCCEEDED(hr)) hr = activate_from_key(caller, &key, clsid, create, outer, riid, ppv);
        free(key.path);
        if (SUCCEEDED(hr)) return hr;
        if (first_error == S_OK) first_error = hr;
    }
    /* Local and remote servers come with the DCOM layer; until then a class
     * served only that way is not registered for this process. */
    return first_error != S_OK ? first_error : REGDB_E_CLASSNOTREG;
}

/*
 * CoGetClassObject: see objbase.h.  pvReserved (COSERVERINFO*) matters only
 * to remote activation and is ignored here.  TreatAs is followed, as
 * CoTreatAsClass's documentation says CoGetClassObject does (Wine's ole32
 * follows it only in CoCreateInstance: DEVIATIONS.md).  E_INVALIDARG for a
 * NULL ppv or rclsid, E_UNEXPECTED for a context with none of
 * INPROC_SERVER/INPROC_HANDLER/LOCAL_SERVER/REMOTE_SERVER; *ppv is NULL on
 * failure.  riid is passed to the class object's QueryInterface (or
 * DllGetClassObject) as given.
 */
HRESULT CoGetClassObject(REFCLSID rclsid, DWORD dwClsContext, LPVOID pvReserved, REFIID riid, LPVOID *ppv)
{
    HRESULT hr;
    comrt_apartment *apt = NULL;
    void *pv = NULL;

    CLSID clsid;

    if (!ppv || !rclsid) return E_INVALIDARG;
    *ppv = NULL;
    hr = comrt__apt_current(&apt);
    if (FAILED(hr)) goto out;
    if (CoGetTreatAsClass(rclsid, &clsid) != S_OK) clsid = *rclsid;
    hr = activate(apt, &clsid, dwClsContext, FALSE, NULL, riid, &pv);
    if (SUCCEEDED(hr)) *ppv = pv;
out:
    if (apt) comrt__apt_release(apt);
    return hr;
}

/*
 * CoCreateInstance: see objbase.h.  E_POINTER for a NULL ppv, E_INVALIDARG
 * for a NULL rclsid; the factory's own answers (CLASS_E_NOAGGREGATION,
 * E_NOINTERFACE) come back unchanged.  An outer object from another
 * apartment than the object's home cannot aggregate: CLASS_E_NOAGGREGATION.
 */
HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext, REFIID riid, LPVOID *ppv)
{
    HRESULT hr;
    comrt_apartment *apt = NULL;
    CLSID clsid;
    void *pv = NULL;

    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!rclsid) return E_INVALIDARG;
    hr = comrt__apt_current(&apt);
    if (FAILED(hr)) goto out;
    if (CoGetTreatAsClass(rclsid, &clsid) != S_OK) clsid = *rclsid;
    hr = activate(apt, &clsid, dwClsContext, TRUE, pUnkOuter, riid, &pv);
    if (SUCCEEDED(hr)) *ppv = pv;
out:
    if (apt) comrt__apt_release(apt);
    return hr;
}

/*
 * CoCreateInstanceEx: see objbase.h.  E_INVALIDARG for dwCount 0 or
 * pResults NULL (nothing written).  Every entry starts as E_NOINTERFACE
 * with pItf NULL, so an activation that fails leaves them so (Wine's
 * answer) and returns its error.  The object is created for IID_IUnknown
 * (for an aggregated object that is the only IID a factory accepts), then
 * each entry is a QueryInterface of it — through the proxy when the
 * object lives in another apartment.
 */
HRESULT CoCreateInstanceEx(REFCLSID rclsid, IUnknown *punkOuter, DWORD dwClsCtx, COSERVERINFO *pServerInfo,
                           DWORD dwCount, MULTI_QI *pResults)
{
    HRESULT hr;
    IUnknown *unk = NULL;
    DWORD i, ok = 0;

    if (!dwCount || !pResults) return E_INVALIDARG;
    for (i = 0; i < dwCount; i++) {
        pResults[i].pItf = NULL;
        pResults[i].hr = E_NOINTERFACE;
    }
    hr = CoCreateInstance(rclsid, punkOuter, dwClsCtx, &IID_IUnknown, (void **)&unk);
    if (FAILED(hr)) goto out;
    for (i = 0; i < dwCount; i++) {
        if (!pResults[i].pIID) {
            pResults[i].hr = E_INVALIDARG;
            continue;
        }
        pResults[i].hr = IUnknown_QueryInterface(unk, pResults[i].pIID, (void **)&pResults[i].pItf);
        if (SUCCEEDED(pResults[i].hr))
            ok++;
        else
            pResults[i].pItf = NULL;
    }
    hr = ok == dwCount ? S_OK : ok ? CO_S_NOTALLINTERFACES : E_NOINTERFACE;
out:
    if (unk) IUnknown_Release(unk);
    return hr;
}
