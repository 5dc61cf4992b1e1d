/*
 * runtime/rot.c — the running object table: GetRunningObjectTable (one
 * table for the process; machine-wide sharing comes with out-of-process
 * COM) and the active-object API of oleaut32 on top of it
 * (RegisterActiveObject, RevokeActiveObject, GetActiveObject: an item
 * moniker "!" + "{clsid}", as Windows registers them).
 *
 * Entries are found by the moniker's comparison data (IROTData, or its CLSID
 * and display name), computed outside the table's lock so no moniker or
 * object code ever runs under it.  Each entry remembers the apartment that
 * registered it: GetObject from another apartment hands out a proxy
 * (comrt__apt_wrap) whose calls run in the object's apartment.
 */
#include "moniker_internal.h"
#include "apartment_internal.h"
#include "base/base_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct rot_entry {
    struct rot_entry *next;
    DWORD cookie;
    IUnknown *obj;           /* referenced */
    IMoniker *mk;            /* referenced */
    BYTE *key;               /* comparison data, malloc'ed */
    ULONG keylen;
    FILETIME changed;
    comrt_apartment *home;   /* referenced; NULL when registered outside any */
} rot_entry;

static pthread_mutex_t rot_lock = PTHREAD_MUTEX_INITIALIZER;
static rot_entry *rot_head;
static DWORD rot_next_cookie = 1;

/* See moniker_internal.h. */
HRESULT comrt__rot_moniker_key(IMoniker *pmk, BYTE **data, ULONG *cb)
{
    IROTData *rd = NULL;
    IBindCtx *pbc = NULL;
    LPOLESTR name = NULL;
    BYTE *buf = NULL;
    ULONG len = 0;
    CLSID clsid;
    size_t n;
    HRESULT hr;

    if (SUCCEEDED(IMoniker_QueryInterface(pmk, &IID_IROTData, (void **)&rd))) {
        buf = malloc(ROT_COMPARE_MAX);
        if (!buf) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        hr = IROTData_GetComparisonData(rd, buf, ROT_COMPARE_MAX, &len);
        if (SUCCEEDED(hr) && len > ROT_COMPARE_MAX) hr = E_FAIL;
        if (SUCCEEDED(hr)) goto done;
    }
    /* No (usable) IROTData: the CLSID and the display name. */
    hr = IMoniker_GetClassID(pmk, &clsid);
    if (SUCCEEDED(hr)) hr = CreateBindCtx(0, &pbc);
    if (SUCCEEDED(hr)) hr = IMoniker_GetDisplayName(pmk, pbc, NULL, &name);
    if (FAILED(hr)) goto out;
    n = comrt__utf16_len(name);
    if (n > COMRT_MK_NAME_MAX) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    free(buf);
    buf = malloc(sizeof clsid + n * sizeof(WCHAR) + 1);
    if (!buf) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    memcpy(buf, &clsid, sizeof clsid);
    if (n) memcpy(buf + sizeof clsid, name, n * sizeof(WCHAR));
    len = (ULONG)(sizeof clsid + n * sizeof(WCHAR));
done:
    *data = buf;
    *cb = len;
    buf = NULL;
    hr = S_OK;
out:
    free(buf);
    CoTaskMemFree(name);
    if (pbc) IBindCtx_Release(pbc);
    if (rd) IROTData_Release(rd);
    return hr;
}

/* The entry with this key, or NULL.  Called with rot_lock held. */
static rot_entry *find_key(const BYTE *key, ULONG len)
{
    rot_entry *e;
    for (e = rot_head; e; e = e->next)
        if (e->keylen == len && memcmp(e->key, key, len) == 0) return e;
    return NULL;
}

/* The entry with this cookie, or NULL.  Called with rot_lock held. */
static rot_entry *find_cookie(DWORD cookie)
{
    rot_entry *e;
    for (e = rot_head; e; e = e->next)
        if (e->cookie == cookie) return e;
    return NULL;
}

/* Now as a FILETIME (100 ns units since 1601-01-01 UTC). */
static FILETIME filetime_now(void)
{
    struct timespec ts;
    ULONG64 t;
    FILETIME ft;
    clock_gettime(CLOCK_REALTIME, &ts);
    t = (ULONG64)ts.tv_sec * 10000000u + (ULONG64)ts.tv_nsec / 100u + 116444736000000000ull;
    ft.dwLowDateTime = (DWORD)t;
    ft.dwHighDateTime = (DWORD)(t >> 32);
    return ft;
}

/* Runs in the object's apartment: drops the table's reference. */
static void release_in_home(void *ctx) { IUnknown_Release((IUnknown *)ctx); }

/* Frees an entry taken out of the table.  The table's reference on the
 * object is dropped in the apartment that registered it (an STA object must
 * not be released from another thread), or here when that apartment is gone
 * or is the caller's. */
static void entry_free(rot_entry *e)
{
    if (!e->home || comrt__apt_is_current(e->home) || FAILED(comrt__apt_post(e->home, release_in_home, e->obj)))
        IUnknown_Release(e->obj);
    IMoniker_Release(e->mk);
    if (e->home) comrt__apt_release(e->home);
    free(e->key);
    free(e);
}

/* ---- IRunningObjectTable ---------------------------------------------------
 * One static object for the process; its reference count is kept for
 * callers that look at it, but it is never freed. */

static HRESULT STDMETHODCALLTYPE rot_QueryInterface(IRunningObjectTable *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IRunningObjectTable)) {
        *ppv = iface;
        IRunningObjectTable_AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static LONG rot_refs = 1;

static ULONG STDMETHODCALLTYPE rot_AddRef(IRunningObjectTable *iface)
{
    (void)iface;
    return comrt__ref_inc(&rot_refs);
}

static ULONG STDMETHODCALLTYPE rot_Release(IRunningObjectTable *iface)
{
    (void)iface;
    return comrt__ref_dec(&rot_refs);
}

/* Registers punk under pmk and returns its cookie: S_OK, or
 * MK_S_MONIKERALREADYREGISTERED when an equal moniker is already there (the
 * new entry is added all the same, with its own cookie).  The table holds a
 * reference on punk and pmk until Revoke, whatever grfFlags says
 * (ROTFLAGS_REGISTRATIONKEEPSALIVE matters for out-of-process clients).
 * E_INVALIDARG for NULL arguments or unknown flags. */
static HRESULT STDMETHODCALLTYPE rot_Register(IRunningObjectTable *iface, DWORD grfFlags, IUnknown *punkObject,
                                              IMoniker *pmkObjectName, DWORD *pdwRegister)
{
    rot_entry *e = NULL;
    HRESULT hr = E_INVALIDARG;
    (void)iface;

    if (!punkObject || !pmkObjectName || !pdwRegister) goto out;
    if (grfFlags & ~(DWORD)(ROTFLAGS_REGISTRATIONKEEPSALIVE | ROTFLAGS_ALLOWANYCLIENT)) goto out;
    hr = E_OUTOFMEMORY;
    e = calloc(1, sizeof *e);
    if (!e) goto out;
    hr = comrt__rot_moniker_key(pmkObjectName, &e->key, &e->keylen);
    if (FAILED(hr)) goto out;
    if (FAILED(comrt__apt_current(&e->home))) e->home = NULL;
    e->obj = punkObject;
    IUnknown_AddRef(punkObject);
    e->mk = pmkObjectName;
    IMoniker_AddRef(pmkObjectName);
    e->changed = filetime_now();
    pthread_mutex_lock(&rot_lock);
    hr = find_key(e->key, e->keylen) ? MK_S_MONIKERALREADYREGISTERED : S_OK;
    do {
        e->cookie = rot_next_cookie++;
    } while (!e->cookie || find_cookie(e->cookie));
    e->next = rot_head;
    rot_head = e;
    pthread_mutex_unlock(&rot_lock);
    *pdwRegister = e->cookie;
    e = NULL;
out:
    if (e) {
        free(e->key);
        free(e);
    }
    return hr;
}

/* E_INVALIDARG for a cookie that is not registered. */
static HRESULT STDMETHODCALLTYPE rot_Revoke(IRunningObjectTable *iface, DWORD dwRegister)
{
    rot_entry **pp, *e = NULL;
    (void)iface;
    pthread_mutex_lock(&rot_lock);
    for (pp = &rot_head; *pp; pp = &(*pp)->next) {
        if ((*pp)->cookie == dwRegister) {
            e = *pp;
            *pp = e->next;
            break;
        }
    }
    pthread_mutex_unlock(&rot_lock);
    if (!e) return E_INVALIDARG;
    entry_free(e);
    return S_OK;
}

/* S_OK when pmk is registered, S_FALSE when not. */
static HRESULT STDMETHODCALLTYPE rot_IsRunning(IRunningObjectTable *iface, IMoniker *pmkObjectName)
{
    BYTE *key = NULL;
    ULONG len = 0;
    HRESULT hr;
    (void)iface;

    if (!pmkObjectName) return E_INVALIDARG;
    hr = comrt__rot_moniker_key(pmkObjectName, &key, &len);
    if (FAILED(hr)) return hr;
    pthread_mutex_lock(&rot_lock);
    hr = find_key(key, len) ? S_OK : S_FALSE;
    pthread_mutex_unlock(&rot_lock);
    free(key);
    return hr;
}

/* *ppunk receives the object registered under pmk (caller Releases), wrapped
 * for the calling apartment when another one registered it;
 * MK_E_UNAVAILABLE (and NULL) when none is. */
static HRESULT STDMETHODCALLTYPE rot_GetObject(IRunningObjectTable *iface, IMoniker *pmkObjectName,
                                               IUnknown **ppunkObject)
{
    BYTE *key = NULL;
    ULONG len = 0;
    rot_entry *e;
    IUnknown *obj = NULL;
    comrt_apartment *home = NULL;
    HRESULT hr;
    (void)iface;

    if (!ppunkObject) return E_POINTER;
    *ppunkObject = NULL;
    if (!pmkObjectName) return E_INVALIDARG;
    hr = comrt__rot_moniker_key(pmkObjectName, &key, &len);
    if (FAILED(hr)) return hr;
    pthread_mutex_lock(&rot_lock);
    e = find_key(key, len);
    if (e) {
        obj = e->obj;
        IUnknown_AddRef(obj);
        home = e->home;
        if (home) comrt__apt_addref(home);
    }
    pthread_mutex_unlock(&rot_lock);
    free(key);
    if (!obj) return MK_E_UNAVAILABLE;
    if (home && !comrt__apt_is_current(home)) {
        hr = comrt__apt_wrap(home, obj, &IID_IUnknown, (void **)ppunkObject);
        IUnknown_Release(obj);
    } else {
        *ppunkObject = obj;
        hr = S_OK;
    }
    if (home) comrt__apt_release(home);
    return hr;
}

/* E_INVALIDARG for an unknown cookie or NULL time. */
static HRESULT STDMETHODCALLTYPE rot_NoteChangeTime(IRunningObjectTable *iface, DWORD dwRegister,
                                                    FILETIME *pfiletime)
{
    rot_entry *e;
    HRESULT hr = E_INVALIDARG;
    (void)iface;
    if (!pfiletime) return E_INVALIDARG;
    pthread_mutex_lock(&rot_lock);
    e = find_cookie(dwRegister);
    if (e) {
        e->changed = *pfiletime;
        hr = S_OK;
    }
    pthread_mutex_unlock(&rot_lock);
    return hr;
}

/* The time noted last (registration time until NoteChangeTime);
 * MK_E_UNAVAILABLE when pmk is not registered. */
static HRESULT STDMETHODCALLTYPE rot_GetTimeOfLastChange(IRunningObjectTable *iface, IMoniker *pmkObjectName,
                                                         FILETIME *pfiletime)
{
    BYTE *key = NULL;
    ULONG len = 0;
    rot_entry *e;
    HRESULT hr;
    (void)iface;

    if (!pmkObjectName || !pfiletime) return E_INVALIDARG;
    hr = comrt__rot_moniker_key(pmkObjectName, &key, &len);
    if (FAILED(hr)) return hr;
    pthread_mutex_lock(&rot_lock);
    e = find_key(key, len);
    if (e) *pfiletime = e->changed;
    hr = e ? S_OK : MK_E_UNAVAILABLE;
    pthread_mutex_unlock(&rot_lock);
    free(key);
    return hr;
}

/* *ppenumMoniker receives a snapshot of the registered monikers, oldest
 * first (caller Releases). */
static HRESULT STDMETHODCALLTYPE rot_EnumRunning(IRunningObjectTable *iface, IEnumMoniker **ppenumMoniker)
{
    IMoniker **mks = NULL;
    ULONG n = 0, i;
    rot_entry *e;
    HRESULT hr;
    (void)iface;

    if (!ppenumMoniker) return E_INVALIDARG;
    *ppenumMoniker = NULL;
    pthread_mutex_lock(&rot_lock);
    for (e = rot_head; e; e = e->next) n++;
    mks = malloc((n ? n : 1) * sizeof *mks);
    if (mks) {
        /* The list is newest first; the snapshot is oldest first. */
        i = n;
        for (e = rot_head; e; e = e->next) {
            mks[--i] = e->mk;
            IMoniker_AddRef(e->mk);
        }
    }
    pthread_mutex_unlock(&rot_lock);
    if (!mks) return E_OUTOFMEMORY;
    hr = comrt__mk_enum_create(n, mks, TRUE, ppenumMoniker);
    for (i = 0; i < n; i++) IMoniker_Release(mks[i]);
    free(mks);
    return hr;
}

static const IRunningObjectTableVtbl rot_vtbl = {
    rot_QueryInterface, rot_AddRef,  rot_Release, rot_Register, rot_Revoke, rot_IsRunning, rot_GetObject,
    rot_NoteChangeTime, rot_GetTimeOfLastChange, rot_EnumRunning,
};

static IRunningObjectTable the_rot = {&rot_vtbl};

/* See objbase.h.  E_INVALIDARG for reserved != 0 or pprot NULL. */
HRESULT GetRunningObjectTable(DWORD reserved, LPRUNNINGOBJECTTABLE *pprot)
{
    if (!pprot) return E_INVALIDARG;
    *pprot = NULL;
    if (reserved) return E_UNEXPECTED;
    IRunningObjectTable_AddRef(&the_rot);
    *pprot = &the_rot;
    return S_OK;
}

/* ---- Active objects (oleauto.h) -------------------------------------------- */

/* *ppmk: the item moniker "!" + "{clsid}" active objects are registered
 * under. */
static HRESULT active_moniker(REFCLSID clsid, IMoniker **ppmk)
{
    WCHAR name[39];
    comrt__guid_format(clsid, name);
    return CreateItemMoniker(u"!", name, ppmk);
}

/* See oleauto.h. */
HRESULT RegisterActiveObject(IUnknown *punk, REFCLSID rclsid, DWORD dwFlags, DWORD *pdwRegister)
{
    IMoniker *mk = NULL;
    HRESULT hr = E_INVALIDARG;

    if (!punk || !rclsid || !pdwRegister) goto out;
    hr = active_moniker(rclsid, &mk);
    if (FAILED(hr)) goto out;
    hr = IRunningObjectTable_Register(&the_rot,
                                      (dwFlags & ACTIVEOBJECT_WEAK) ? 0 : ROTFLAGS_REGISTRATIONKEEPSALIVE, punk,
                                      mk, pdwRegister);
out:
    if (mk) IMoniker_Release(mk);
    return hr;
}

/* See oleauto.h. */
HRESULT RevokeActiveObject(DWORD dwRegister, void *pvReserved)
{
    (void)pvReserved;
    return IRunningObjectTable_Revoke(&the_rot, dwRegister);
}

/* See oleauto.h. */
HRESULT GetActiveObject(REFCLSID rclsid, void *pvReserved, IUnknown **ppunk)
{
    IMoniker *mk = NULL;
    HRESULT hr = E_INVALIDARG;
    (void)pvReserved;

    if (!ppunk) goto out;
    *ppunk = NULL;
    if (!rclsid) goto out;
    hr = active_moniker(rclsid, &mk);
    if (FAILED(hr)) goto out;
    hr = IRunningObjectTable_GetObject(&the_rot, mk, ppunk);
out:
    if (mk) IMoniker_Release(mk);
    return hr;
}
