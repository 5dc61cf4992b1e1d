/*
 * runtime/gitable.c — the Global Interface Table (IGlobalInterfaceTable,
 * CLSID_StdGlobalInterfaceTable) and the table of interface pointers held
 * for other apartments behind it, which CoMarshalInterThreadInterfaceInStream's
 * records (marshal_thread.c) use too (marshal_internal.h).
 *
 * An entry holds one reference on an interface pointer of its home
 * apartment (the registering thread's) and the home itself (referenced, so
 * an entry made in the MTA keeps the MTA alive, as a proxy to an MTA
 * object does).  Getting an entry hands the pointer to comrt__apt_wrap for
 * the calling apartment; the pointer is only ever called in home (wrap's
 * QueryInterface runs there, the final Release is a comrt__apt_call).
 *
 * While a thread is wrapping an entry's pointer it counts as a user of the
 * entry (`users`, under g_lock): a revocation meanwhile only unlinks the
 * entry and leaves the release to the last user, and the home's uninit
 * hook waits for the users to finish (they do promptly: calls into an
 * apartment that is shutting down fail at once).
 *
 * When the home is uninitialized (comrt__apt_on_uninit) the entry's
 * reference is released on home's thread and the entry stays,
 * disconnected: the GIT then answers RPC_E_DISCONNECTED for it and its
 * revocation RPC_E_INVALID_OBJREF (what Wine's GIT answers: Windows
 * disconnects an apartment's stubs when it ends).
 */
#define COBJMACROS
#include "runtime/marshal_internal.h"
#include "base/keytable.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

/* The uninit hook's context is the entry's cookie, never a pointer to the
 * entry (which a revocation may have freed by then). */
_Static_assert(sizeof(uintptr_t) >= sizeof(ULONG64), "a cookie must fit in a pointer");

#define FIRST_MARSHAL_COOKIE 0x100000000ull

typedef struct it_entry {
    comrt_keynode node; /* key: the cookie (first member: a node is its entry) */
    comrt_itable_kind kind;
    comrt_apartment *home; /* referenced */
    IUnknown *obj;         /* the registered pointer (one reference); NULL once disconnected */
    ULONG64 uninit_cookie;
    unsigned users;        /* threads wrapping obj right now */
    BOOL unlinked;         /* revoked or taken while in use: the last user finishes it */
} it_entry;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_users_done = PTHREAD_COND_INITIALIZER;
static comrt_keytable g_table;
static DWORD g_next_git = 0x100;
static ULONG64 g_next_marshal = FIRST_MARSHAL_COOKIE;

/* The entry of cookie, or NULL.  g_lock held. */
static it_entry *find(ULONG64 cookie) { return (it_entry *)comrt__keytable_find(&g_table, cookie); }

/* Adds e (its cookie set).  g_lock held. */
static BOOL insert(it_entry *e) { return comrt__keytable_insert(&g_table, &e->node); }

/* Unlinks e (it must be in the table).  g_lock held. */
static void unlink_entry(it_entry *e) { comrt__keytable_remove(&g_table, &e->node); }

/* Frees an entry already out of the table and without users: its
 * reference released in home, its hook cancelled. */
static void finish(it_entry *e)
{
    comrt__apt_cancel_uninit(e->home, e->uninit_cookie);
    comrt__apt_release_in(e->home, e->obj);
    comrt__apt_release(e->home);
    free(e);
}

/* The home apartment is being uninitialized (on its thread): the entry's
 * reference is released here and the entry stays, disconnected. */
static void on_home_uninit(void *ctx)
{
    ULONG64 cookie = (ULONG64)(uintptr_t)ctx;
    IUnknown *obj = NULL;
    it_entry *e;

    pthread_mutex_lock(&g_lock);
    while ((e = find(cookie)) && e->users) pthread_cond_wait(&g_users_done, &g_lock);
    if (e) {
        obj = e->obj;
        e->obj = NULL;
        e->uninit_cookie = 0;
    }
    pthread_mutex_unlock(&g_lock);
    if (obj) IUnknown_Release(obj);
}

/* See marshal_internal.h. */
HRESULT comrt__itable_register(comrt_itable_kind kind, IUnknown *punk, REFIID riid, ULONG64 *pcookie)
{
    HRESULT hr;
    comrt_apartment *home = NULL;
    IUnknown *obj = NULL;
    it_entry *e = NULL;
    ULONG64 cookie = 0, ucookie = 0;

    if (!punk || !riid || !pcookie) return E_INVALIDARG;
    hr = comrt__apt_current(&home);
    if (FAILED(hr)) goto out;
    hr = IUnknown_QueryInterface(punk, riid, (void **)&obj);
    if (FAILED(hr)) {
        obj = NULL;
        goto out;
    }
    e = calloc(1, sizeof *e);
    if (!e) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    e->kind = kind;
    e->home = home;
    e->obj = obj;
    pthread_mutex_lock(&g_lock);
    if (kind == COMRT_ITABLE_GIT) {
        do cookie = g_next_git++;
        while (!cookie || find(cookie));
    } else {
        cookie = g_next_marshal++;
    }
    e->node.key = cookie;
    if (!insert(e)) hr = E_OUTOFMEMORY;
    pthread_mutex_unlock(&g_lock);
    if (FAILED(hr)) goto out;
    home = NULL;
    obj = NULL;
    /* Outside g_lock: the hook takes it. */
    hr = comrt__apt_on_uninit(e->home, on_home_uninit, (void *)(uintptr_t)cookie, &ucookie);
    pthread_mutex_lock(&g_lock);
    if (find(cookie) == e) {
        if (SUCCEEDED(hr)) {
            e->uninit_cookie = ucookie;
            e = NULL;
        } else {
            unlink_entry(e); /* the apartment is shutting down: refuse */
        }
    } else {
        e = NULL; /* revoked by a guessed cookie meanwhile: that is its business */
    }
    pthread_mutex_unlock(&g_lock);
    if (e) {
        finish(e);
        e = NULL;
        goto out;
    }
    hr = S_OK;
    *pcookie = cookie;
out:
    if (FAILED(hr) && e) free(e);
    if (obj) IUnknown_Release(obj);
    if (home) comrt__apt_release(home);
    return hr;
}

/* See marshal_internal.h. */
HRESULT comrt__itable_get(comrt_itable_kind kind, ULONG64 cookie, BOOL take, REFIID riid, void **ppv)
{
    HRESULT hr;
    comrt_apartment *cur = NULL;
    it_entry *e;
    BOOL done_by_me = FALSE;

    if (!riid || !ppv) return E_INVALIDARG;
    hr = comrt__apt_current(&cur);
    if (FAILED(hr)) return hr;
    comrt__apt_release(cur);
    pthread_mutex_lock(&g_lock);
    e = find(cookie);
    if (!e || e->kind != kind) {
        pthread_mutex_unlock(&g_lock);
        return E_INVALIDARG;
    }
    if (take) {
        unlink_entry(e);
        e->unlinked = TRUE;
    }
    if (!e->obj) {
        hr = take ? CO_E_OBJNOTCONNECTED : RPC_E_DISCONNECTED;
        done_by_me = take && !e->users;
        pthread_mutex_unlock(&g_lock);
        if (done_by_me) finish(e);
        return hr;
    }
    e->users++;
    pthread_mutex_unlock(&g_lock);

    *ppv = NULL;
    hr = comrt__apt_wrap(e->home, e->obj, riid, ppv);
    if (FAILED(hr)) *ppv = NULL;

    pthread_mutex_lock(&g_lock);
    if (!--e->users) {
        pthread_cond_broadcast(&g_users_done);
        done_by_me = e->unlinked;
    }
    pthread_mutex_unlock(&g_lock);
    if (done_by_me) finish(e);
    return hr;
}

/* See marshal_internal.h. */
HRESULT comrt__itable_revoke(comrt_itable_kind kind, ULONG64 cookie)
{
    HRESULT hr = S_OK;
    it_entry *e;
    BOOL done_by_me;

    pthread_mutex_lock(&g_lock);
    e = find(cookie);
    if (!e || e->kind != kind) {
        pthread_mutex_unlock(&g_lock);
        return E_INVALIDARG;
    }
    unlink_entry(e);
    e->unlinked = TRUE;
    if (!e->obj) hr = RPC_E_INVALID_OBJREF;
    done_by_me = !e->users;
    pthread_mutex_unlock(&g_lock);
    if (done_by_me) finish(e);
    return hr;
}

/* ---- the GIT object ---------------------------------------------------------
 * One static, free-threaded object for the process (Windows' is a
 * singleton too): AddRef and Release do not count. */

static HRESULT STDMETHODCALLTYPE git_QueryInterface(IGlobalInterfaceTable *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IGlobalInterfaceTable)) {
        *ppv = iface;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE git_AddRef(IGlobalInterfaceTable *iface)
{
    (void)iface;
    return 2;
}

static ULONG STDMETHODCALLTYPE git_Release(IGlobalInterfaceTable *iface)
{
    (void)iface;
    return 1;
}

/* IGlobalInterfaceTable::RegisterInterfaceInGlobal: see objidl.h. */
static HRESULT STDMETHODCALLTYPE git_Register(IGlobalInterfaceTable *iface, IUnknown *pUnk, REFIID riid,
                                              DWORD *pdwCookie)
{
    ULONG64 cookie;
    HRESULT hr;

    (void)iface;
    if (!pUnk || !riid || !pdwCookie) return E_INVALIDARG;
    hr = comrt__itable_register(COMRT_ITABLE_GIT, pUnk, riid, &cookie);
    if (SUCCEEDED(hr)) *pdwCookie = (DWORD)cookie;
    return hr;
}

/* IGlobalInterfaceTable::RevokeInterfaceFromGlobal: see objidl.h. */
static HRESULT STDMETHODCALLTYPE git_Revoke(IGlobalInterfaceTable *iface, DWORD dwCookie)
{
    (void)iface;
    return comrt__itable_revoke(COMRT_ITABLE_GIT, dwCookie);
}

/* IGlobalInterfaceTable::GetInterfaceFromGlobal: see objidl.h. */
static HRESULT STDMETHODCALLTYPE git_Get(IGlobalInterfaceTable *iface, DWORD dwCookie, REFIID riid, void **ppv)
{
    (void)iface;
    if (!ppv || !riid) return E_INVALIDARG;
    return comrt__itable_get(COMRT_ITABLE_GIT, dwCookie, FALSE, riid, ppv);
}

static const IGlobalInterfaceTableVtbl git_vtbl = {
    git_QueryInterface, git_AddRef, git_Release, git_Register, git_Revoke, git_Get,
};
static IGlobalInterfaceTable g_git = {&git_vtbl};

/* ---- its class object ---------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE gitcf_QueryInterface(IClassFactory *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IClassFactory)) {
        *ppv = iface;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE gitcf_AddRef(IClassFactory *iface)
{
    (void)iface;
    return 2;
}

static ULONG STDMETHODCALLTYPE gitcf_Release(IClassFactory *iface)
{
    (void)iface;
    return 1;
}

/* The GIT itself, for riid; it cannot be aggregated. */
static HRESULT STDMETHODCALLTYPE gitcf_CreateInstance(IClassFactory *iface, IUnknown *outer, REFIID riid, void **ppv)
{
    (void)iface;
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (outer) return CLASS_E_NOAGGREGATION;
    return git_QueryInterface(&g_git, riid, ppv);
}

static HRESULT STDMETHODCALLTYPE gitcf_LockServer(IClassFactory *iface, BOOL fLock)
{
    (void)iface;
    (void)fLock;
    return S_OK;
}

static const IClassFactoryVtbl gitcf_vtbl = {
    gitcf_QueryInterface, gitcf_AddRef, gitcf_Release, gitcf_CreateInstance, gitcf_LockServer,
};
static IClassFactory g_git_cf = {&gitcf_vtbl};

/* See marshal_internal.h. */
HRESULT comrt__git_get_class_object(REFIID riid, void **ppv)
{
    return gitcf_QueryInterface(&g_git_cf, riid, ppv);
}
