/*
 * runtime/aptproxy.c — cross-apartment proxies within one process:
 * comrt__apt_wrap, the proxy managers and the call path.
 *
 * A proxy manager stands for one object (its COM identity) as seen from one
 * client apartment.  It holds the object's IUnknown (usable only in the
 * object's home apartment), the home apartment, and one facelet per
 * interface asked for; all facelets share the manager's reference count and
 * answer IUnknown with the manager's own facelet, so identity comparisons
 * work.  Managers live in one process-wide table keyed by (identity, client
 * apartment); the last Release removes the entry and releases the object's
 * pointers in home (posted there).  When home is uninitialized its
 * callback (registered once per home apartment) disconnects every manager
 * of objects living there: the object's pointers are released on home's
 * thread and later calls answer RPC_E_DISCONNECTED.
 *
 * A call (comrt__ap_invoke) runs on the caller's thread and in home:
 *   caller: [in] interfaces and VARIANTs wrapped for home (the caller's
 *           apartment is their home), [out] interface slots cleared;
 *   home:   the real vtable slot called through libffi with the same
 *           argument values; the callee's IErrorInfo taken; [out]
 *           interfaces and VARIANTs wrapped for the caller; the wrapped
 *           [in] pointers released (they are home's);
 *   caller: [in,out] results stored, the callee's IErrorInfo set.
 * Wrapped inside VARIANTs: VT_UNKNOWN / VT_DISPATCH, their VT_BYREF forms
 * and a VT_BYREF | VT_VARIANT holding one (one level, [in] and in/out).
 * Results (VARIANTs the callee fills) also have the interfaces inside their
 * SAFEARRAYs wrapped (VT_ARRAY of VT_UNKNOWN, VT_DISPATCH, or VT_VARIANT
 * holding them, a few levels deep).
 * [in] VARIANTs holding such arrays give the callee a copy with its
 * interfaces wrapped.
 * Not wrapped (they pass as they are): interfaces inside arrays by
 * reference, inside structs (VT_RECORD, records by pointer), behind
 * deeper VT_BYREF chains, and by-reference values in [out] VARIANTs;
 * ITypeInfo results of the standard interfaces (comrt's are
 * free-threaded).  An [out] interface that cannot be wrapped (its IID has
 * no proxy signature) comes back NULL and the call fails with the
 * wrapping error.
 *
 * Reference counts: one per proxy (all its interfaces), as a Windows proxy
 * manager's; a caller can rely only on 0 meaning gone.
 *
 * Error info: every call through a proxy leaves the caller's thread with
 * the callee's IErrorInfo, or none — "making a COM call that goes through
 * a proxy-stub will clear any existing error object for the calling
 * thread" (SetErrorInfo's documentation; MS-DCOM 2.2.21.1 carries the
 * callee's).  Wine 8 does neither (its proxies keep the caller's old error
 * object and drop the callee's); comrt follows Windows.  Wine agrees on the
 * rest: RPC_E_WRONG_THREAD from another apartment, the object released on
 * its home thread when home uninitializes (later calls: Windows' and
 * comrt's RPC_E_DISCONNECTED, Wine's RPC_S_UNKNOWN_IF as an HRESULT).
 */
#define COBJMACROS
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/aptproxy_internal.h"

struct ap_manager {
    ap_facelet unk;          /* identity facelet; unk.real = the object's IUnknown */
    LONG refs;               /* one count for every facelet */
    IUnknown *key;           /* the object's IUnknown, as the table key (never
                                called through once disconnected) */
    comrt_apartment *home, *client; /* referenced */
    ULONG64 home_id, client_id;
    int disconnected;        /* set under g_lock; read atomically */
    ap_facelet *facelets;    /* g_lock */
    ap_manager *next;        /* g_table; g_lock */
};

/* Interface pointers to release together in their home apartment. */
typedef struct ap_bundle {
    struct ap_bundle *next;
    comrt_apartment *home; /* apt_gone's bundles for other homes: referenced */
    unsigned n;
    IUnknown *p[];
} ap_bundle;

/* An apartment whose uninitialization this file watches (as a home or as
 * a client of proxies); orphans are bundles that could not be posted while
 * it was shutting down. */
typedef struct ap_home {
    struct ap_home *next;
    ULONG64 id;
    ap_bundle *orphans;
} ap_home;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static ap_manager *g_table;
static ap_home *g_homes;

static HRESULT wrap_for(comrt_apartment *client, comrt_apartment *home, IUnknown *pUnk, REFIID riid, void **ppv);

/* Whether p is one of this file's proxies (an ap_facelet). */
static BOOL is_facelet(IUnknown *p)
{
    void *qi;
    /* Every facelet vtable starts with comrt__ap_QueryInterface; slot 0 of
     * any COM object can be read from any thread. */
    memcpy(&qi, p->lpVtbl, sizeof qi);
    return qi == (void *)comrt__ap_QueryInterface;
}

/* Whether a and b are the same apartment. */
static BOOL same_apt(const comrt_apartment *a, const comrt_apartment *b)
{
    return a == b || comrt__apt_id(a) == comrt__apt_id(b);
}

/* ---- releasing in home ------------------------------------------------------ */

/* Runs in home: releases every pointer of the bundle list ctx and frees it. */
static void bundle_release(void *ctx)
{
    ap_bundle *b = ctx;
    while (b) {
        ap_bundle *next = b->next;
        for (unsigned i = 0; i < b->n; i++)
            if (b->p[i])
                IUnknown_Release(b->p[i]);
        free(b);
        b = next;
    }
}

/* The home record for id (g_lock held), or NULL. */
static ap_home *home_find(ULONG64 id)
{
    for (ap_home *h = g_homes; h; h = h->next)
        if (h->id == id)
            return h;
    return NULL;
}

/* Releases the bundle list b in home, and returns when that is done (as
 * Windows' RemRelease is a call, not a message: an object whose last proxy
 * went is gone when Release returns, so its owner can count on it): at
 * once when the caller runs there, else as a call into home (an STA caller
 * keeps serving its own queue meanwhile).  When home no longer takes work
 * (it is shutting down) the bundles wait for its uninit callback; when even
 * that has run, they are released here, the only thread left to do it.
 * Takes b. */
static void bundle_release_in(comrt_apartment *home, ap_bundle *b)
{
    if (!b)
        return;
    if (comrt__apt_is_current(home)) {
        bundle_release(b);
        return;
    }
    if (SUCCEEDED(comrt__apt_call(home, bundle_release, b)))
        return;
    pthread_mutex_lock(&g_lock);
    ap_home *h = home_find(comrt__apt_id(home));
    if (h) {
        ap_bundle *last = b;
        while (last->next)
            last = last->next;
        last->next = h->orphans;
        h->orphans = b;
        b = NULL;
    }
    pthread_mutex_unlock(&g_lock);
    bundle_release(b);
}

/* Releases one pointer usable in home, as bundle_release_in does. */
static void release_in(comrt_apartment *home, IUnknown *p)
{
    ap_bundle *b;
    if (!p)
        return;
    if (comrt__apt_is_current(home)) {
        IUnknown_Release(p);
        return;
    }
    b = malloc(sizeof *b + sizeof(IUnknown *));
    if (!b) { /* out of memory: releasing here beats leaking */
        IUnknown_Release(p);
        return;
    }
    b->next = NULL;
    b->home = NULL;
    b->n = 1;
    b->p[0] = p;
    bundle_release_in(home, b);
}

/* Moves the object's pointers out of m and marks it disconnected (g_lock
 * held).  The bundle (NULL when out of memory: the pointers then leak,
 * which is safer than releasing them on a wrong thread) goes to home. */
static ap_bundle *take_reals(ap_manager *m)
{
    unsigned n = 1;
    ap_bundle *b;
    for (ap_facelet *f = m->facelets; f; f = f->next)
        n++;
    b = malloc(sizeof *b + n * sizeof(IUnknown *));
    __atomic_store_n(&m->disconnected, 1, __ATOMIC_RELEASE);
    if (b) {
        b->next = NULL;
        b->home = NULL;
        b->n = 0;
        b->p[b->n++] = m->unk.real;
        for (ap_facelet *f = m->facelets; f; f = f->next)
            b->p[b->n++] = f->real;
    }
    __atomic_store_n(&m->unk.real, NULL, __ATOMIC_RELEASE);
    for (ap_facelet *f = m->facelets; f; f = f->next)
        __atomic_store_n(&f->real, NULL, __ATOMIC_RELEASE);
    return b;
}

/* Runs on an apartment's thread when it is uninitialized: disconnects
 * every proxy to an object living there and releases the objects here;
 * disconnects the proxies the apartment holds to objects elsewhere and
 * sends their releases to those homes (as Windows releases a departing
 * apartment's references).  The proxies themselves stay until Released. */
static void apt_gone(void *ctx)
{
    ap_home *h = ctx;
    ap_bundle *list = NULL, *remote = NULL;
    pthread_mutex_lock(&g_lock);
    for (ap_home **pp = &g_homes; *pp; pp = &(*pp)->next) {
        if (*pp == h) {
            *pp = h->next;
            break;
        }
    }
    for (ap_manager *m = g_table; m; m = m->next) {
        if (m->disconnected)
            continue;
        if (m->home_id == h->id) {
            ap_bundle *b = take_reals(m);
            if (b) {
                b->next = list;
                list = b;
            }
        } else if (m->client_id == h->id) {
            ap_bundle *b = take_reals(m);
            if (b) {
                comrt__apt_addref(m->home);
                b->home = m->home;
                b->next = remote;
                remote = b;
            }
        }
    }
    if (h->orphans) {
        ap_bundle *last = h->orphans;
        while (last->next)
            last = last->next;
        last->next = list;
        list = h->orphans;
    }
    pthread_mutex_unlock(&g_lock);
    bundle_release(list);
    while (remote) {
        ap_bundle *b = remote;
        comrt_apartment *home = b->home;
        remote = b->next;
        b->next = NULL;
        bundle_release_in(home, b);
        comrt__apt_release(home);
    }
    free(h);
}

/* Makes sure apt_gone runs when apt is uninitialized (once per apartment). */
static HRESULT apt_watch(comrt_apartment *home)
{
    ULONG64 id = comrt__apt_id(home), cookie;
    HRESULT hr = S_OK;
    ap_home *h;

    pthread_mutex_lock(&g_lock);
    if (home_find(id)) {
        pthread_mutex_unlock(&g_lock);
        goto out;
    }
    h = calloc(1, sizeof *h);
    if (!h) {
        pthread_mutex_unlock(&g_lock);
        hr = E_OUTOFMEMORY;
        goto out;
    }
    h->id = id;
    h->next = g_homes;
    g_homes = h;
    pthread_mutex_unlock(&g_lock);
    /* Registered outside g_lock: the apartment has locks of its own. */
    hr = comrt__apt_on_uninit(home, apt_gone, h, &cookie);
    if (FAILED(hr)) {
        ap_bundle *orphans;
        pthread_mutex_lock(&g_lock);
        for (ap_home **pp = &g_homes; *pp; pp = &(*pp)->next) {
            if (*pp == h) {
                *pp = h->next;
                break;
            }
        }
        orphans = h->orphans;
        pthread_mutex_unlock(&g_lock);
        bundle_release(orphans); /* home is gone: nowhere else to do it */
        free(h);
    }
out:
    return hr;
}

/* ---- QueryInterface in an apartment --------------------------------------- */

typedef struct {
    IUnknown *p;     /* the pointer to ask, or NULL: m's identity */
    ap_manager *m;
    const IID *iid;
    void *out;
    HRESULT hr;
} qi_call;

/* Runs in the apartment of the pointer asked: the QueryInterface of a
 * qi_call (out is NULL unless hr succeeded). */
static void qi_run(void *ctx)
{
    qi_call *q = ctx;
    IUnknown *p = q->p;
    if (!p) {
        p = __atomic_load_n(&q->m->unk.real, __ATOMIC_ACQUIRE);
        if (!p) {
            q->hr = RPC_E_DISCONNECTED;
            return;
        }
    }
    q->out = NULL;
    q->hr = p->lpVtbl->QueryInterface(p, q->iid, &q->out);
    if (FAILED(q->hr))
        q->out = NULL;
    else if (!q->out)
        q->hr = E_NOINTERFACE;
}

/* p->QueryInterface(riid) run in apt (p usable there), or, with p NULL, the
 * same on m's object in m's home.  *out written on success (caller owns a
 * pointer usable in apt). */
static HRESULT qi_in(comrt_apartment *apt, IUnknown *p, ap_manager *m, REFIID riid, void **out)
{
    qi_call q = { p, m, riid, NULL, E_UNEXPECTED };
    HRESULT hr = comrt__apt_call(p ? apt : m->home, qi_run, &q);
    if (SUCCEEDED(hr))
        hr = q.hr;
    if (SUCCEEDED(hr))
        *out = q.out;
    return hr;
}

/* ---- managers --------------------------------------------------------------- */

/* One more reference on the proxy m. */
static void mgr_addref(ap_manager *m)
{
    __atomic_add_fetch(&m->refs, 1, __ATOMIC_RELAXED);
}

/* One reference less on the proxy m; the last one removes it from the
 * table, sends the object's pointers to home for release (unless it was
 * disconnected) and frees it.  Returns the count left. */
static ULONG mgr_release(ap_manager *m)
{
    ULONG r = (ULONG)__atomic_sub_fetch(&m->refs, 1, __ATOMIC_ACQ_REL);
    ap_bundle *b = NULL;
    if (r)
        return r;
    pthread_mutex_lock(&g_lock);
    for (ap_manager **pp = &g_table; *pp; pp = &(*pp)->next) {
        if (*pp == m) {
            *pp = m->next;
            break;
        }
    }
    if (!m->disconnected)
        b = take_reals(m);
    pthread_mutex_unlock(&g_lock);
    bundle_release_in(m->home, b);
    while (m->facelets) {
        ap_facelet *f = m->facelets;
        m->facelets = f->next;
        free(f);
    }
    comrt__apt_release(m->home);
    comrt__apt_release(m->client);
    free(m);
    return 0;
}

/* *out receives the manager of `identity` (the object's IUnknown, usable in
 * home; the reference is taken over) for client, referenced: an existing
 * one or a new one. */
static HRESULT mgr_get(comrt_apartment *client, comrt_apartment *home, IUnknown *identity, ap_manager **out)
{
    ULONG64 cid = comrt__apt_id(client), hid = comrt__apt_id(home);
    ap_manager *m = NULL;
    HRESULT hr = apt_watch(home);
    if (SUCCEEDED(hr))
        hr = apt_watch(client);
    if (FAILED(hr))
        goto out;
    pthread_mutex_lock(&g_lock);
    for (ap_manager *it = g_table; it; it = it->next) {
        if (it->key == identity && it->client_id == cid && !it->disconnected) {
            /* A manager whose count reached 0 is dying: not revived. */
            LONG r = __atomic_load_n(&it->refs, __ATOMIC_RELAXED);
            while (r && !__atomic_compare_exchange_n(&it->refs, &r, r + 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
                ;
            if (r) {
                m = it;
                break;
            }
        }
    }
    if (m) {
        pthread_mutex_unlock(&g_lock);
        release_in(home, identity); /* the manager has its own */
        identity = NULL;
        goto out;
    }
    if (!home_find(hid) || !home_find(cid)) { /* uninitialized meanwhile */
        pthread_mutex_unlock(&g_lock);
        hr = RPC_E_DISCONNECTED;
        goto out;
    }
    m = calloc(1, sizeof *m);
    if (!m) {
        pthread_mutex_unlock(&g_lock);
        hr = E_OUTOFMEMORY;
        goto out;
    }
    m->unk.lpVtbl = comrt__ap_std_sig(&IID_IUnknown)->vtbl;
    m->unk.mgr = m;
    m->unk.sig = comrt__ap_std_sig(&IID_IUnknown);
    m->unk.iid = IID_IUnknown;
    m->unk.real = identity;
    m->key = identity;
    m->refs = 1;
    comrt__apt_addref(home);
    comrt__apt_addref(client);
    m->home = home;
    m->client = client;
    m->home_id = hid;
    m->client_id = cid;
    m->next = g_table;
    g_table = m;
    identity = NULL;
    pthread_mutex_unlock(&g_lock);
out:
    if (identity)
        release_in(home, identity);
    if (SUCCEEDED(hr))
        *out = m;
    return hr;
}

/* m's facelet for riid, or NULL (g_lock held; not referenced). */
static ap_facelet *mgr_find(ap_manager *m, REFIID riid)
{
    for (ap_facelet *f = m->facelets; f; f = f->next)
        if (IsEqualIID(&f->iid, riid))
            return f;
    return NULL;
}

/* QueryInterface on the proxy m: *ppv (written on success) receives the
 * facelet for riid, referenced. */
static HRESULT mgr_qi(ap_manager *m, REFIID riid, void **ppv)
{
    HRESULT hr = S_OK;
    ap_facelet *f, *nf = NULL;
    IUnknown *real = NULL;
    const ap_sig *sig;

    if (IsEqualIID(riid, &IID_IUnknown)) {
        mgr_addref(m);
        *ppv = &m->unk;
        goto out;
    }
    pthread_mutex_lock(&g_lock);
    f = mgr_find(m, riid);
    if (f)
        mgr_addref(m);
    pthread_mutex_unlock(&g_lock);
    if (f) {
        *ppv = f;
        goto out;
    }
    if (__atomic_load_n(&m->disconnected, __ATOMIC_ACQUIRE)) {
        hr = RPC_E_DISCONNECTED;
        goto out;
    }
    sig = comrt__ap_sig_find(riid);
    if (!sig) {
        hr = E_NOINTERFACE;
        goto out;
    }
    hr = qi_in(m->home, NULL, m, riid, (void **)&real);
    if (FAILED(hr))
        goto out;
    nf = calloc(1, sizeof *nf);
    if (!nf) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    pthread_mutex_lock(&g_lock);
    if (m->disconnected) {
        hr = RPC_E_DISCONNECTED;
    } else if ((f = mgr_find(m, riid))) { /* another thread was faster */
        mgr_addref(m);
        *ppv = f;
    } else {
        nf->lpVtbl = sig->vtbl;
        nf->mgr = m;
        nf->sig = sig;
        nf->iid = *riid;
        nf->real = real;
        nf->next = m->facelets;
        m->facelets = nf;
        real = NULL;
        mgr_addref(m);
        *ppv = nf;
        nf = NULL;
    }
    pthread_mutex_unlock(&g_lock);
out:
    free(nf);
    if (real)
        release_in(m->home, real);
    return hr;
}

/* ---- wrapping ------------------------------------------------------------ */

/* *ppv (written on success; caller owns it) receives riid on pUnk (usable
 * in home) as usable in client.  May be called from any thread: what must
 * run in home or in client is sent there. */
static HRESULT wrap_for(comrt_apartment *client, comrt_apartment *home, IUnknown *pUnk, REFIID riid, void **ppv)
{
    IUnknown *identity = NULL;
    ap_manager *m = NULL;
    HRESULT hr;

    if (!comrt__ap_std_sig(&IID_IUnknown)) { /* libffi refused the tables */
        hr = E_OUTOFMEMORY;
        goto out;
    }
    if (is_facelet(pUnk)) {
        /* A proxy (usable in home) to an object living in pm->home: wrap
         * that object instead — no proxy of a proxy. */
        ap_manager *pm = ((ap_facelet *)pUnk)->mgr;
        if (same_apt(client, pm->home)) {
            hr = qi_in(pm->home, NULL, pm, riid, ppv);
            goto out;
        }
        home = pm->home; /* alive: the caller holds pUnk */
        hr = qi_in(home, NULL, pm, &IID_IUnknown, (void **)&identity);
    } else if (same_apt(client, home)) {
        hr = qi_in(home, pUnk, NULL, riid, ppv);
        goto out;
    } else {
        hr = qi_in(home, pUnk, NULL, &IID_IUnknown, (void **)&identity);
    }
    if (FAILED(hr))
        goto out;
    hr = mgr_get(client, home, identity, &m);
    if (FAILED(hr))
        goto out;
    hr = mgr_qi(m, riid, ppv);
    mgr_release(m);
out:
    return hr;
}

/*
 * comrt__apt_wrap — see apartment_internal.h.  E_POINTER for ppv NULL,
 * E_INVALIDARG for home, pUnk or riid NULL, CO_E_NOTINITIALIZED when the
 * calling thread is in no apartment, RPC_E_DISCONNECTED when home has been
 * uninitialized, E_NOINTERFACE when the object does not implement riid or
 * riid has no proxy signature.  *ppv is written only on success.
 */
HRESULT comrt__apt_wrap(comrt_apartment *home, IUnknown *pUnk, REFIID riid, void **ppv)
{
    comrt_apartment *cur = NULL;
    HRESULT hr;
    if (!ppv) {
        hr = E_POINTER;
        goto out;
    }
    if (!home || !pUnk || !riid) {
        hr = E_INVALIDARG;
        goto out;
    }
    hr = comrt__apt_current(&cur);
    if (FAILED(hr))
        goto out;
    hr = wrap_for(cur, home, pUnk, riid, ppv);
    comrt__apt_release(cur);
out:
    return hr;
}

/* ---- IUnknown of every facelet -------------------------------------------- */

/* QueryInterface: IUnknown answers the manager's identity facelet, a known
 * IID its facelet, anything else a QueryInterface run in home (and a new
 * facelet when riid has a proxy signature). */
HRESULT STDMETHODCALLTYPE comrt__ap_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    *ppv = NULL; /* COM's rule for QueryInterface */
    if (!riid)
        return E_INVALIDARG;
    return mgr_qi(((ap_facelet *)This)->mgr, riid, ppv);
}

/* The proxy's one count (Windows' proxies count per interface; callers
 * may only rely on 0 meaning gone). */
ULONG STDMETHODCALLTYPE comrt__ap_AddRef(IUnknown *This)
{
    ap_manager *m = ((ap_facelet *)This)->mgr;
    return (ULONG)__atomic_add_fetch(&m->refs, 1, __ATOMIC_RELAXED);
}

/* Release: the last one frees the proxy (see mgr_release). */
ULONG STDMETHODCALLTYPE comrt__ap_Release(IUnknown *This)
{
    return mgr_release(((ap_facelet *)This)->mgr);
}

/* ---- calls --------------------------------------------------------------- */

enum { R_NONE, R_OWNED, R_ITF_SLOT, R_VAR_SLOT, R_OWNED_ARRAY };

/* What one interface-carrying argument needs done after the call. */
typedef struct {
    int type;
    const IID *iid;
    IUnknown *h;      /* R_OWNED: a wrapped [in] pointer (home's, released
                         there); R_ITF_SLOT: the slot the callee sees */
    IUnknown *orig;   /* the caller's pointer the callee took over (released
                         on the caller's side after the call) */
    IUnknown *result; /* R_ITF_SLOT: the final slot, wrapped for the caller */
    void *caller;     /* R_ITF_SLOT: the caller's IUnknown**; R_VAR_SLOT:
                         the caller's VARIANT* */
    VARIANT var;      /* R_VAR_SLOT: the callee's copy */
    SAFEARRAY *sa;    /* R_OWNED_ARRAY: the callee's copy of an [in] array,
                         its interfaces wrapped (home's, destroyed there) */
} ap_rec;

typedef union {
    ffi_arg a;
    double d;
    float f;
    void *p;
    VARIANT v;
    DISPPARAMS dp;
} ap_store;

#define AP_INLINE_RECS 8

typedef struct {
    ap_facelet *f;
    const ap_method *m;
    unsigned slot;
    comrt_apartment *client, *home;
    void *values[1 + AP_MAX_PARAMS];
    ap_store store[AP_MAX_PARAMS];
    void *ptrs[AP_MAX_PARAMS];
    IUnknown *self;
    ap_rec *recs;
    unsigned nrecs, caprecs;
    ap_rec inline_recs[AP_INLINE_RECS];
    VARIANT *dp_args;
    ULONG fetched_local;
    ap_store rbuf;
    IErrorInfo *errinfo;
    HRESULT hr;       /* first wrapping failure in home */
    BOOL called;
} ap_call;

/* The call's next record, zeroed, of the given type. */
static ap_rec *rec_new(ap_call *c, int type)
{
    ap_rec *r = &c->recs[c->nrecs++]; /* capacity counted beforehand */
    memset(r, 0, sizeof *r);
    r->type = type;
    return r;
}

/* Whether a by-value VARIANT of type vt holds an interface pointer. */
static BOOL vt_is_itf(VARTYPE vt)
{
    return vt == VT_UNKNOWN || vt == VT_DISPATCH;
}

/* The IID an interface held as vt (by value or reference) is wrapped as. */
static const IID *vt_iid(VARTYPE vt)
{
    return (vt & VT_TYPEMASK) == VT_DISPATCH ? &IID_IDispatch : &IID_IUnknown;
}

/* Caller's side: *out = a copy of the [in] array psa of elem (VT_UNKNOWN,
 * VT_DISPATCH, or VT_VARIANT holding them), its interfaces wrapped for
 * home — as marshalling gives the callee its own array. */
static HRESULT array_in(ap_call *c, SAFEARRAY *psa, VARTYPE elem, SAFEARRAY **out)
{
    SAFEARRAY *copy = NULL;
    void *data = NULL;
    ULONG n = 1;
    HRESULT hr = SafeArrayCopy(psa, &copy);
    if (FAILED(hr))
        return hr;
    hr = SafeArrayAccessData(copy, &data);
    if (FAILED(hr))
        goto out;
    for (USHORT d = 0; d < copy->cDims; d++)
        n *= copy->rgsabound[d].cElements;
    for (ULONG i = 0; i < n && SUCCEEDED(hr); i++) {
        IUnknown **slot = elem == VT_VARIANT ? NULL : &((IUnknown **)data)[i];
        const IID *iid = vt_iid(elem);
        if (elem == VT_VARIANT) {
            VARIANT *v = &((VARIANT *)data)[i];
            if (vt_is_itf(V_VT(v))) {
                slot = &V_UNKNOWN(v);
                iid = vt_iid(V_VT(v));
            }
        }
        if (slot && *slot) {
            IUnknown *w = NULL;
            hr = wrap_for(c->home, c->client, *slot, iid, (void **)&w);
            IUnknown_Release(*slot); /* the copy's reference; the caller keeps its own */
            *slot = w;
        }
    }
    SafeArrayUnaccessData(copy);
out:
    if (SUCCEEDED(hr))
        *out = copy;
    else
        SafeArrayDestroy(copy);
    return hr;
}

/* Caller's side: *dst = *src with its interface (by value, by reference,
 * inside a VARIANT by reference, or inside an array) wrapped for home. */
static HRESULT var_in(ap_call *c, const VARIANT *src, VARIANT *dst)
{
    HRESULT hr = S_OK;
    VARTYPE vt = V_VT(src);
    ap_rec *r;
    *dst = *src;
    if ((vt & ~VT_TYPEMASK) == VT_ARRAY && (vt_is_itf(vt & VT_TYPEMASK) || (vt & VT_TYPEMASK) == VT_VARIANT)) {
        if (V_ARRAY(src)) {
            r = rec_new(c, R_NONE);
            hr = array_in(c, V_ARRAY(src), vt & VT_TYPEMASK, &r->sa);
            if (SUCCEEDED(hr)) {
                r->type = R_OWNED_ARRAY;
                V_ARRAY(dst) = r->sa;
            }
        }
    } else if (vt_is_itf(vt)) {
        if (V_UNKNOWN(src)) {
            r = rec_new(c, R_NONE);
            hr = wrap_for(c->home, c->client, V_UNKNOWN(src), vt_iid(vt), (void **)&r->h);
            if (SUCCEEDED(hr)) {
                r->type = R_OWNED;
                V_UNKNOWN(dst) = r->h;
            }
        }
    } else if (vt == (VT_BYREF | VT_UNKNOWN) || vt == (VT_BYREF | VT_DISPATCH)) {
        IUnknown **pp = V_UNKNOWNREF(src);
        if (pp) {
            r = rec_new(c, R_NONE);
            if (*pp)
                hr = wrap_for(c->home, c->client, *pp, vt_iid(vt), (void **)&r->h);
            if (SUCCEEDED(hr)) {
                r->type = R_ITF_SLOT;
                r->iid = vt_iid(vt);
                r->orig = *pp;
                r->caller = pp;
                V_UNKNOWNREF(dst) = &r->h;
            }
        }
    } else if (vt == (VT_BYREF | VT_VARIANT)) {
        VARIANT *pv = V_VARIANTREF(src);
        if (pv) {
            r = rec_new(c, R_NONE);
            r->var = *pv;
            if (vt_is_itf(V_VT(pv)) && V_UNKNOWN(pv))
                hr = wrap_for(c->home, c->client, V_UNKNOWN(pv), vt_iid(V_VT(pv)), (void **)&V_UNKNOWN(&r->var));
            if (SUCCEEDED(hr)) {
                r->type = R_VAR_SLOT;
                if (vt_is_itf(V_VT(pv)))
                    r->orig = V_UNKNOWN(pv);
                r->caller = pv;
                V_VARIANTREF(dst) = &r->var;
            }
        }
    }
    return hr;
}

static void itf_out(ap_call *c, IUnknown **pp, const IID *iid);
static void var_out_depth(ap_call *c, VARIANT *v, int depth);

/* How deep arrays of VARIANTs holding arrays are followed in results. */
#define AP_MAX_ARRAY_DEPTH 4

/* Home's side: every interface in the SAFEARRAY psa of elem (VT_UNKNOWN,
 * VT_DISPATCH, or VT_VARIANT holding them) wrapped for the caller in place
 * — what a collection's "return all items" method hands back. */
static void array_out(ap_call *c, SAFEARRAY *psa, VARTYPE elem, int depth)
{
    void *data = NULL;
    ULONG n = 1;
    if (!psa || depth > AP_MAX_ARRAY_DEPTH || SafeArrayAccessData(psa, &data) != S_OK)
        return;
    for (USHORT d = 0; d < psa->cDims; d++)
        n *= psa->rgsabound[d].cElements; /* SafeArrayCreate capped the total */
    for (ULONG i = 0; i < n; i++) {
        if (elem == VT_VARIANT)
            var_out_depth(c, &((VARIANT *)data)[i], depth + 1);
        else
            itf_out(c, &((IUnknown **)data)[i], vt_iid(elem));
    }
    SafeArrayUnaccessData(psa);
}

/* Home's side: an interface the callee put in v (by value, or in a
 * SAFEARRAY v holds) wrapped for the caller; on failure the slot is emptied
 * and the failure kept for the result. */
static void var_out(ap_call *c, VARIANT *v)
{
    var_out_depth(c, v, 0);
}

static void var_out_depth(ap_call *c, VARIANT *v, int depth)
{
    IUnknown *p, *w = NULL;
    HRESULT hr;
    VARTYPE elem = V_VT(v) & VT_TYPEMASK;
    if ((V_VT(v) & ~VT_TYPEMASK) == VT_ARRAY && (vt_is_itf(elem) || elem == VT_VARIANT)) {
        array_out(c, V_ARRAY(v), elem, depth);
        return;
    }
    if (!vt_is_itf(V_VT(v)) || !V_UNKNOWN(v))
        return;
    p = V_UNKNOWN(v);
    hr = wrap_for(c->client, c->home, p, vt_iid(V_VT(v)), (void **)&w);
    IUnknown_Release(p);
    if (SUCCEEDED(hr)) {
        V_UNKNOWN(v) = w;
    } else {
        V_VT(v) = VT_EMPTY;
        V_UNKNOWN(v) = NULL;
        if (SUCCEEDED(c->hr))
            c->hr = hr;
    }
}

/* Home's side: *pp (a pointer the callee returned, owned) replaced by its
 * wrapping for the caller (NULL on failure). */
static void itf_out(ap_call *c, IUnknown **pp, const IID *iid)
{
    IUnknown *p = *pp, *w = NULL;
    HRESULT hr;
    if (!p)
        return;
    hr = wrap_for(c->client, c->home, p, iid, (void **)&w);
    IUnknown_Release(p);
    *pp = SUCCEEDED(hr) ? w : NULL;
    if (FAILED(hr) && SUCCEEDED(c->hr))
        c->hr = hr;
}

/* Caller's side, before the call: the argument values home will pass. */
static HRESULT call_prepare(ap_call *c, void **args)
{
    const ap_method *m = c->m;
    HRESULT hr = S_OK;
    unsigned need = 0;

    for (unsigned i = 0; i < m->nparams; i++) {
        switch (m->params[i].kind) {
        case AP_IN_ITF: case AP_INOUT_ITF: case AP_IN_VARIANT: case AP_IN_PVARIANT: case AP_INOUT_PVARIANT:
            need++;
            break;
        case AP_DISPPARAMS: {
            DISPPARAMS *dp = *(DISPPARAMS **)args[i];
            if (dp && dp->rgvarg) {
                if (dp->cArgs > 0x10000) { /* far above any real call */
                    hr = E_INVALIDARG;
                    goto out;
                }
                need += dp->cArgs;
            }
            break;
        }
        default:
            break;
        }
    }
    c->recs = c->inline_recs;
    if (need > AP_INLINE_RECS) {
        c->recs = calloc(need, sizeof *c->recs);
        if (!c->recs) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
    }
    c->caprecs = need;

    c->values[0] = &c->self;
    for (unsigned i = 0; i < m->nparams; i++) {
        const ap_param *p = &m->params[i];
        c->values[1 + i] = args[i];
        switch (p->kind) {
        case AP_IN_ITF: {
            IUnknown *x = *(IUnknown **)args[i];
            c->store[i].p = NULL;
            c->values[1 + i] = &c->store[i].p;
            if (x) {
                ap_rec *r = rec_new(c, R_NONE);
                hr = wrap_for(c->home, c->client, x, p->iid, (void **)&r->h);
                if (FAILED(hr))
                    goto out;
                r->type = R_OWNED;
                c->store[i].p = r->h;
            }
            break;
        }
        case AP_OUT_ITF: {
            void **pp = *(void ***)args[i];
            if (pp)
                *pp = NULL;
            break;
        }
        case AP_INOUT_ITF: {
            IUnknown **pp = *(IUnknown ***)args[i];
            if (pp) {
                ap_rec *r = rec_new(c, R_NONE);
                if (*pp) {
                    hr = wrap_for(c->home, c->client, *pp, p->iid, (void **)&r->h);
                    if (FAILED(hr))
                        goto out;
                }
                r->type = R_ITF_SLOT;
                r->iid = p->iid;
                r->orig = *pp;
                r->caller = pp;
                c->ptrs[i] = &r->h;
                c->values[1 + i] = &c->ptrs[i];
            }
            break;
        }
        case AP_IN_VARIANT:
            hr = var_in(c, (VARIANT *)args[i], &c->store[i].v);
            if (FAILED(hr))
                goto out;
            c->values[1 + i] = &c->store[i].v;
            break;
        case AP_IN_PVARIANT: {
            VARIANT *v = *(VARIANT **)args[i];
            if (v) {
                hr = var_in(c, v, &c->store[i].v);
                if (FAILED(hr))
                    goto out;
                c->ptrs[i] = &c->store[i].v;
                c->values[1 + i] = &c->ptrs[i];
            }
            break;
        }
        case AP_INOUT_PVARIANT: {
            VARIANT *v = *(VARIANT **)args[i];
            if (v) {
                ap_rec *r = rec_new(c, R_NONE);
                r->var = *v;
                if (vt_is_itf(V_VT(v)) && V_UNKNOWN(v)) {
                    hr = wrap_for(c->home, c->client, V_UNKNOWN(v), vt_iid(V_VT(v)), (void **)&V_UNKNOWN(&r->var));
                    if (FAILED(hr))
                        goto out;
                    r->orig = V_UNKNOWN(v);
                }
                r->type = R_VAR_SLOT;
                r->caller = v;
                c->ptrs[i] = &r->var;
                c->values[1 + i] = &c->ptrs[i];
            }
            break;
        }
        case AP_DISPPARAMS: {
            DISPPARAMS *dp = *(DISPPARAMS **)args[i];
            if (dp) {
                c->store[i].dp = *dp;
                if (dp->rgvarg && dp->cArgs) {
                    c->dp_args = calloc(dp->cArgs, sizeof *c->dp_args);
                    if (!c->dp_args) {
                        hr = E_OUTOFMEMORY;
                        goto out;
                    }
                    for (UINT k = 0; k < dp->cArgs; k++) {
                        hr = var_in(c, &dp->rgvarg[k], &c->dp_args[k]);
                        if (FAILED(hr))
                            goto out;
                    }
                    c->store[i].dp.rgvarg = c->dp_args;
                }
                c->ptrs[i] = &c->store[i].dp;
                c->values[1 + i] = &c->ptrs[i];
            }
            break;
        }
        default:
            break;
        }
    }
    for (unsigned i = 0; i < m->nparams; i++) {
        const ap_param *p = &m->params[i];
        ULONG *pf;
        if (p->kind != AP_OUT_VARIANTS && p->kind != AP_OUT_ITFS && p->kind != AP_OUT_CONNECTDATA)
            continue;
        /* The count is an [out]: 0 unless the callee says otherwise, so a
         * failing callee leaves nothing to wrap.  A NULL count pointer
         * (allowed when one item is asked for) still has to tell home how
         * many items came back. */
        pf = *(ULONG **)args[p->aux2];
        if (pf) {
            *pf = 0;
        } else {
            c->ptrs[p->aux2] = &c->fetched_local;
            c->values[1 + p->aux2] = &c->ptrs[p->aux2];
        }
    }
out:
    return hr;
}

/* Home's side, after the call: [out] interfaces wrapped for the caller, the
 * wrapped [in] pointers released. */
static void call_unmarshal(ap_call *c)
{
    const ap_method *m = c->m;
    for (unsigned k = 0; k < c->nrecs; k++) {
        ap_rec *r = &c->recs[k];
        if (r->type == R_OWNED) {
            IUnknown_Release(r->h);
            r->h = NULL;
        } else if (r->type == R_OWNED_ARRAY) {
            SafeArrayDestroy(r->sa);
            r->sa = NULL;
        } else if (r->type == R_ITF_SLOT) {
            if (r->h) {
                IUnknown *w = NULL;
                HRESULT hr = wrap_for(c->client, c->home, r->h, r->iid, (void **)&w);
                IUnknown_Release(r->h);
                r->h = NULL;
                r->result = SUCCEEDED(hr) ? w : NULL;
                if (FAILED(hr) && SUCCEEDED(c->hr))
                    c->hr = hr;
            }
        } else if (r->type == R_VAR_SLOT) {
            var_out(c, &r->var);
        }
    }
    for (unsigned i = 0; i < m->nparams; i++) {
        const ap_param *p = &m->params[i];
        void *v = NULL;
        ULONG n = 0;
        if (p->kind == AP_VAL || p->kind == AP_IN_ITF || p->kind == AP_IN_VARIANT)
            continue; /* nothing comes back (and the value may be narrow) */
        v = *(void **)c->values[1 + i];
        if (p->kind == AP_OUT_VARIANTS || p->kind == AP_OUT_ITFS || p->kind == AP_OUT_CONNECTDATA) {
            ULONG celt = *(ULONG *)c->values[1 + p->aux];
            ULONG *pf = *(ULONG **)c->values[1 + p->aux2];
            n = pf ? *pf : 0;
            if (n > celt)
                n = celt;
            if (!v)
                n = 0;
        }
        switch (p->kind) {
        case AP_OUT_ITF:
            if (v) {
                const IID *iid = p->aux >= 0 ? *(const IID **)c->values[1 + p->aux] : p->iid;
                itf_out(c, (IUnknown **)v, iid ? iid : &IID_IUnknown);
            }
            break;
        case AP_OUT_PVARIANT:
            if (v)
                var_out(c, (VARIANT *)v);
            break;
        case AP_OUT_VARIANTS:
            for (ULONG k = 0; k < n; k++)
                var_out(c, &((VARIANT *)v)[k]);
            break;
        case AP_OUT_ITFS:
            for (ULONG k = 0; k < n; k++)
                itf_out(c, &((IUnknown **)v)[k], p->iid);
            break;
        case AP_OUT_CONNECTDATA:
            for (ULONG k = 0; k < n; k++)
                itf_out(c, &((CONNECTDATA *)v)[k].pUnk, &IID_IUnknown);
            break;
        default:
            break;
        }
    }
}

/* A work item: destroys the array ctx (its interfaces are home's). */
static void destroy_array(void *ctx)
{
    SafeArrayDestroy((SAFEARRAY *)ctx);
}

/* Releases the home pointers of the records of a call that was not made:
 * in home when the caller is there, else sent there. */
static void recs_drop(ap_call *c)
{
    for (unsigned k = 0; k < c->nrecs; k++) {
        ap_rec *r = &c->recs[k];
        IUnknown *h = r->type == R_VAR_SLOT ? (r->orig ? V_UNKNOWN(&r->var) : NULL) : r->h;
        if (r->type == R_OWNED_ARRAY) {
            /* in home (a call runs it at once when the caller is there);
             * here when home is gone, the only thread left to do it */
            if (FAILED(comrt__apt_call(c->home, destroy_array, r->sa)))
                destroy_array(r->sa);
            r->sa = NULL;
            r->type = R_NONE;
            continue;
        }
        if (r->type != R_NONE && h)
            release_in(c->home, h);
        r->h = NULL;
        r->type = R_NONE;
    }
}

/* Runs in home: the call itself. */
static void call_run(void *ctx)
{
    ap_call *c = ctx;
    IErrorInfo *saved = NULL;
    void (*fn)(void);
    void **vtbl;

    c->self = __atomic_load_n(&c->f->real, __ATOMIC_ACQUIRE);
    if (!c->self) { /* disconnected while the call waited */
        recs_drop(c);
        return;
    }
    vtbl = *(void ***)c->self;
    memcpy(&fn, &vtbl[c->slot], sizeof fn);
    /* The callee's error info is the caller's, not home's: home's own
     * (a call may arrive while home waits in a call of its own) is kept. */
    GetErrorInfo(0, &saved);
    memset(&c->rbuf, 0, sizeof c->rbuf);
    ffi_call((ffi_cif *)&c->m->cif, fn, &c->rbuf, c->values);
    c->called = TRUE;
    GetErrorInfo(0, &c->errinfo);
    SetErrorInfo(0, saved);
    if (saved)
        IErrorInfo_Release(saved);
    call_unmarshal(c);
}

/* Writes hr as the result of a method whose result type is m->rtype. */
static void put_hr(const ap_method *m, void *ret, HRESULT hr)
{
    if (m->rtype->type == FFI_TYPE_VOID)
        return;
    if (m->rtype->type == FFI_TYPE_FLOAT || m->rtype->type == FFI_TYPE_DOUBLE)
        memset(ret, 0, m->rtype->size);
    else
        *(ffi_arg *)ret = (ffi_arg)(ffi_sarg)hr;
}

/*
 * comrt__ap_invoke — see aptproxy_internal.h.  RPC_E_WRONG_THREAD when the
 * caller is not in the proxy's apartment, as Windows' proxies answer.
 */
void comrt__ap_invoke(ap_facelet *f, unsigned slot, void **args, void *ret)
{
    ap_manager *mgr = f->mgr;
    const ap_method *m = &f->sig->methods[slot];
    ap_call *c = NULL;
    HRESULT hr;

    if (!comrt__apt_is_current(mgr->client)) {
        hr = RPC_E_WRONG_THREAD;
        goto fail;
    }
    if (__atomic_load_n(&mgr->disconnected, __ATOMIC_ACQUIRE)) {
        hr = RPC_E_DISCONNECTED;
        goto fail;
    }
    c = calloc(1, sizeof *c);
    if (!c) {
        hr = E_OUTOFMEMORY;
        goto fail;
    }
    c->f = f;
    c->m = m;
    c->slot = slot;
    c->client = mgr->client;
    c->home = mgr->home;
    hr = call_prepare(c, args);
    if (SUCCEEDED(hr))
        hr = comrt__apt_call(c->home, call_run, c);
    if (FAILED(hr)) {
        recs_drop(c);
        goto fail;
    }
    if (!c->called) {
        hr = RPC_E_DISCONNECTED;
        goto fail;
    }
    /* [in,out] results replace what the caller passed (the callee took
     * those over). */
    for (unsigned k = 0; k < c->nrecs; k++) {
        ap_rec *r = &c->recs[k];
        if (r->type == R_ITF_SLOT) {
            if (r->orig)
                IUnknown_Release(r->orig);
            *(IUnknown **)r->caller = r->result;
        } else if (r->type == R_VAR_SLOT) {
            if (r->orig)
                IUnknown_Release(r->orig);
            *(VARIANT *)r->caller = r->var;
        }
    }
    SetErrorInfo(0, c->errinfo);
    if (c->errinfo)
        IErrorInfo_Release(c->errinfo);
    if (m->rtype->type == FFI_TYPE_VOID) {
        /* nothing comes back */
    } else if (m->returns_hr && SUCCEEDED((HRESULT)(LONG)c->rbuf.a) && FAILED(c->hr)) {
        put_hr(m, ret, c->hr);
    } else if (m->rtype->type == FFI_TYPE_FLOAT || m->rtype->type == FFI_TYPE_DOUBLE) {
        memcpy(ret, &c->rbuf, m->rtype->size);
    } else {
        *(ffi_arg *)ret = c->rbuf.a;
    }
    goto out;
fail:
    put_hr(m, ret, hr);
out:
    if (c) {
        if (c->recs != c->inline_recs)
            free(c->recs);
        free(c->dp_args);
        free(c);
    }
}

/* comrt__ap_invoke for the HRESULT methods of the standard stubs. */
HRESULT comrt__ap_invoke_hr(void *This, unsigned slot, void **args)
{
    ffi_arg r = 0;
    comrt__ap_invoke((ap_facelet *)This, slot, args, &r);
    return (HRESULT)(LONG)r;
}
