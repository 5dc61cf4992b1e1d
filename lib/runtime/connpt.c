/*
 * runtime/connpt.c — connection points for server authors:
 * ComrtCreateConnectionPointContainer builds the object an event source
 * aggregates (IConnectionPointContainer plus one IConnectionPoint per
 * outgoing interface), ComrtConnectionPointSinks and ComrtFireDispatchEvent
 * are how the source fires events at the advised sinks.
 *
 * Lifetimes (the model is CreateStdDispatch's inner object, and what MFC's
 * and Wine's connection points do):
 *  - the inner IUnknown is the only reference count of the object; the
 *    source (outer) holds it and Releases it in its destructor;
 *  - IConnectionPointContainer delegates all of IUnknown to the outer: it is
 *    one of the outer's interfaces;
 *  - each IConnectionPoint is its own COM identity (QueryInterface answers
 *    IUnknown and IConnectionPoint only), but its AddRef/Release are the
 *    outer's: a client that holds a point keeps the source, and with it the
 *    point, alive.  Enumerators of points hold points, hence the outer;
 *    enumerators of connections hold only the sinks.
 *  - the object holds the sinks (one reference each) until they are
 *    unadvised or the object dies; nothing in it holds the outer.
 *
 * Each point has a mutex over its list of connections.  Nothing calls into
 * a sink's methods while holding it (the sink's QueryInterface in Advise
 * runs before the lock, its Release after it; firing walks a snapshot), so
 * a sink may Advise or Unadvise from inside an event.  Only AddRef runs
 * under the lock, as it must for the snapshot to own what it copies.
 */
#define COBJMACROS
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "runtime/enum_internal.h"

/* Grows a point's connection list by doubling from here, up to the cap
 * (a source with a million listeners is a bug, not a use). */
#define CP_MIN_CAP 4
#define CP_MAX_CONNECTIONS (1u << 20)
/* rgIids longer than this is a garbage count, not a server. */
#define CP_MAX_POINTS 4096

typedef struct cp_container cp_container;

typedef struct cp_point {
    IConnectionPoint iface;
    cp_container *owner;
    IID iid;
    pthread_mutex_t lock;  /* guards conns, count, cap, last_cookie */
    CONNECTDATA *conns;    /* in Advise order (cookies ascending); pUnk holds a reference */
    ULONG count, cap;
    DWORD last_cookie;     /* 0 before the first Advise */
} cp_point;

struct cp_container {
    IConnectionPointContainer cpc;
    IUnknown inner;
    IUnknown *outer; /* not AddRef'ed: it owns us (the inner itself if not aggregated) */
    LONG ref;
    ULONG npoints;
    cp_point points[];
};

static const GUID cp_iid_null; /* IID_NULL, the riid of every Invoke */

static cp_container *from_cpc(IConnectionPointContainer *p) { return CONTAINING_RECORD(p, cp_container, cpc); }
static cp_container *from_inner(IUnknown *p) { return CONTAINING_RECORD(p, cp_container, inner); }
static cp_point *from_point(IConnectionPoint *p) { return CONTAINING_RECORD(p, cp_point, iface); }

/* The point of c for riid, or NULL. */
static cp_point *find_point(cp_container *c, REFIID riid)
{
    for (ULONG i = 0; i < c->npoints; i++)
        if (IsEqualIID(&c->points[i].iid, riid)) return &c->points[i];
    return NULL;
}

/* ---- IEnumConnections / IEnumConnectionPoints -------------------------------- */

static HRESULT connectdata_copy(void *dst, const void *src)
{
    const CONNECTDATA *s = src;
    CONNECTDATA *d = dst;
    if (s->pUnk) IUnknown_AddRef(s->pUnk);
    *d = *s;
    return S_OK;
}

static void connectdata_clear(void *item)
{
    CONNECTDATA *d = item;
    if (d->pUnk) IUnknown_Release(d->pUnk);
}

COMRT__ENUM_VTBL(ecn, IEnumConnections, CONNECTDATA);
static const comrt__enum_kind ecn_kind = {&IID_IEnumConnections, &ecn_vtbl, sizeof(CONNECTDATA), connectdata_copy,
                                          connectdata_clear};

COMRT__ENUM_VTBL(ecp, IEnumConnectionPoints, IConnectionPoint *);
static const comrt__enum_kind ecp_kind = {&IID_IEnumConnectionPoints, &ecp_vtbl, sizeof(IConnectionPoint *),
                                          comrt__enum_unknown_copy, comrt__enum_unknown_clear};

/* ---- IConnectionPoint ------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE cp_QueryInterface(IConnectionPoint *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IConnectionPoint)) return E_NOINTERFACE;
    IConnectionPoint_AddRef(This);
    *ppv = This;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE cp_AddRef(IConnectionPoint *This) { return IUnknown_AddRef(from_point(This)->owner->outer); }
static ULONG STDMETHODCALLTYPE cp_Release(IConnectionPoint *This)
{
    return IUnknown_Release(from_point(This)->owner->outer);
}

static HRESULT STDMETHODCALLTYPE cp_GetConnectionInterface(IConnectionPoint *This, IID *pIID)
{
    if (!pIID) return E_POINTER;
    *pIID = from_point(This)->iid;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cp_GetConnectionPointContainer(IConnectionPoint *This, IConnectionPointContainer **ppCPC)
{
    cp_container *c = from_point(This)->owner;
    if (!ppCPC) return E_POINTER;
    IConnectionPointContainer_AddRef(&c->cpc);
    *ppCPC = &c->cpc;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cp_Advise(IConnectionPoint *This, IUnknown *pUnkSink, DWORD *pdwCookie)
{
    HRESULT hr = S_OK;
    cp_point *pt = from_point(This);
    IUnknown *sink = NULL;
    DWORD cookie = 0;
    int locked = 0;

    if (pdwCookie) *pdwCookie = 0;
    if (!pUnkSink || !pdwCookie) {
        hr = E_POINTER;
        goto out;
    }
    /* The sink's code runs before the lock is taken. */
    if (FAILED(IUnknown_QueryInterface(pUnkSink, &pt->iid, (void **)&sink)) || !sink) {
        sink = NULL;
        hr = CONNECT_E_CANNOTCONNECT;
        goto out;
    }
    pthread_mutex_lock(&pt->lock);
    locked = 1;
    if (pt->count == pt->cap) {
        ULONG cap = pt->cap ? pt->cap * 2 : CP_MIN_CAP;
        CONNECTDATA *grown;
        if (pt->cap >= CP_MAX_CONNECTIONS) {
            hr = CONNECT_E_ADVISELIMIT;
            goto out;
        }
        grown = realloc(pt->conns, (size_t)cap * sizeof *grown);
        if (!grown) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        pt->conns = grown;
        pt->cap = cap;
    }
    if (pt->last_cookie == UINT32_MAX) { /* cookies are never reused */
        hr = CONNECT_E_ADVISELIMIT;
        goto out;
    }
    cookie = ++pt->last_cookie;
    pt->conns[pt->count].pUnk = sink;
    pt->conns[pt->count].dwCookie = cookie;
    pt->count++;
    sink = NULL; /* the list owns it now */
    *pdwCookie = cookie;
out:
    if (locked) pthread_mutex_unlock(&pt->lock);
    if (sink) IUnknown_Release(sink);
    return hr;
}

static HRESULT STDMETHODCALLTYPE cp_Unadvise(IConnectionPoint *This, DWORD dwCookie)
{
    cp_point *pt = from_point(This);
    IUnknown *sink = NULL;

    pthread_mutex_lock(&pt->lock);
    for (ULONG i = 0; i < pt->count; i++) {
        if (pt->conns[i].dwCookie != dwCookie) continue;
        sink = pt->conns[i].pUnk;
        memmove(&pt->conns[i], &pt->conns[i + 1], (pt->count - i - 1) * sizeof *pt->conns);
        pt->count--;
        break;
    }
    pthread_mutex_unlock(&pt->lock);
    if (!sink) return CONNECT_E_NOCONNECTION;
    IUnknown_Release(sink); /* the sink's code runs after the lock is dropped */
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cp_EnumConnections(IConnectionPoint *This, IEnumConnections **ppEnum)
{
    HRESULT hr;
    cp_point *pt = from_point(This);

    if (!ppEnum) return E_POINTER;
    *ppEnum = NULL;
    pthread_mutex_lock(&pt->lock);
    hr = comrt__enum_create(&ecn_kind, pt->count, pt->conns, (void **)ppEnum);
    pthread_mutex_unlock(&pt->lock);
    return hr;
}

static const IConnectionPointVtbl cp_vtbl = {cp_QueryInterface,          cp_AddRef,
                                             cp_Release,                 cp_GetConnectionInterface,
                                             cp_GetConnectionPointContainer, cp_Advise,
                                             cp_Unadvise,                cp_EnumConnections};

/* ---- IConnectionPointContainer (delegating) --------------------------------- */

static HRESULT STDMETHODCALLTYPE cpc_QueryInterface(IConnectionPointContainer *This, REFIID riid, void **ppv)
{
    return IUnknown_QueryInterface(from_cpc(This)->outer, riid, ppv);
}
static ULONG STDMETHODCALLTYPE cpc_AddRef(IConnectionPointContainer *This) { return IUnknown_AddRef(from_cpc(This)->outer); }
static ULONG STDMETHODCALLTYPE cpc_Release(IConnectionPointContainer *This)
{
    return IUnknown_Release(from_cpc(This)->outer);
}

static HRESULT STDMETHODCALLTYPE cpc_EnumConnectionPoints(IConnectionPointContainer *This, IEnumConnectionPoints **ppEnum)
{
    HRESULT hr = S_OK;
    cp_container *c = from_cpc(This);
    IConnectionPoint **pts = NULL;

    if (!ppEnum) {
        hr = E_POINTER;
        goto out;
    }
    *ppEnum = NULL;
    if (c->npoints) {
        pts = calloc(c->npoints, sizeof *pts);
        if (!pts) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        for (ULONG i = 0; i < c->npoints; i++) pts[i] = &c->points[i].iface;
    }
    /* Each element is AddRef'ed: the enumerator keeps the source alive. */
    hr = comrt__enum_create(&ecp_kind, c->npoints, pts, (void **)ppEnum);
out:
    free(pts);
    return hr;
}

static HRESULT STDMETHODCALLTYPE cpc_FindConnectionPoint(IConnectionPointContainer *This, REFIID riid,
                                                         IConnectionPoint **ppCP)
{
    cp_point *pt;
    if (!ppCP) return E_POINTER;
    *ppCP = NULL;
    if (!riid) return E_POINTER;
    pt = find_point(from_cpc(This), riid);
    if (!pt) return CONNECT_E_NOCONNECTION;
    IConnectionPoint_AddRef(&pt->iface);
    *ppCP = &pt->iface;
    return S_OK;
}

static const IConnectionPointContainerVtbl cpc_vtbl = {cpc_QueryInterface, cpc_AddRef, cpc_Release,
                                                       cpc_EnumConnectionPoints, cpc_FindConnectionPoint};

/* ---- the inner, non-delegating IUnknown -------------------------------------- */

static HRESULT STDMETHODCALLTYPE inner_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    cp_container *c = from_inner(This);
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown))
        *ppv = &c->inner;
    else if (IsEqualIID(riid, &IID_IConnectionPointContainer))
        *ppv = &c->cpc;
    else
        return E_NOINTERFACE;
    IUnknown_AddRef((IUnknown *)*ppv);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE inner_AddRef(IUnknown *This) { return comrt__ref_inc(&from_inner(This)->ref); }

static ULONG STDMETHODCALLTYPE inner_Release(IUnknown *This)
{
    cp_container *c = from_inner(This);
    ULONG r = comrt__ref_dec(&c->ref);
    if (r) return r;
    /* Nobody holds a point any more (each would hold the outer), so no
     * method can run on them: release the sinks still advised. */
    for (ULONG i = 0; i < c->npoints; i++) {
        cp_point *pt = &c->points[i];
        for (ULONG k = 0; k < pt->count; k++) IUnknown_Release(pt->conns[k].pUnk);
        free(pt->conns);
        pthread_mutex_destroy(&pt->lock);
    }
    free(c);
    return 0;
}

static const IUnknownVtbl inner_vtbl = {inner_QueryInterface, inner_AddRef, inner_Release};

/* The point for riid of the container whose inner IUnknown is pUnkInner. */
static HRESULT point_of(IUnknown *pUnkInner, REFIID riid, cp_point **ppt)
{
    cp_point *pt;
    if (!pUnkInner || pUnkInner->lpVtbl != &inner_vtbl) return E_INVALIDARG;
    if (!riid) return E_POINTER;
    pt = find_point(from_inner(pUnkInner), riid);
    if (!pt) return CONNECT_E_NOCONNECTION;
    *ppt = pt;
    return S_OK;
}

/*
 * ComrtCreateConnectionPointContainer — see comrtext.h.  E_POINTER for NULL
 * ppUnkInner; E_INVALIDARG for NULL rgIids with cIids > 0, more than 4096
 * IIDs or the same IID twice; E_OUTOFMEMORY.  With pUnkOuter NULL the object
 * stands alone (the container's IUnknown is the inner one).
 */
STDAPI ComrtCreateConnectionPointContainer(IUnknown *pUnkOuter, ULONG cIids, const IID *rgIids, IUnknown **ppUnkInner)
{
    HRESULT hr = S_OK;
    cp_container *c;

    if (!ppUnkInner) {
        hr = E_POINTER;
        goto out;
    }
    *ppUnkInner = NULL;
    if ((cIids && !rgIids) || cIids > CP_MAX_POINTS) {
        hr = E_INVALIDARG;
        goto out;
    }
    for (ULONG i = 0; i < cIids; i++)
        for (ULONG k = 0; k < i; k++)
            if (IsEqualIID(&rgIids[i], &rgIids[k])) {
                hr = E_INVALIDARG;
                goto out;
            }
    c = calloc(1, sizeof *c + (size_t)cIids * sizeof c->points[0]);
    if (!c) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    c->cpc.lpVtbl = &cpc_vtbl;
    c->inner.lpVtbl = &inner_vtbl;
    c->outer = pUnkOuter ? pUnkOuter : &c->inner;
    c->ref = 1;
    c->npoints = cIids;
    for (ULONG i = 0; i < cIids; i++) {
        cp_point *pt = &c->points[i];
        pt->iface.lpVtbl = &cp_vtbl;
        pt->owner = c;
        pt->iid = rgIids[i];
        pthread_mutex_init(&pt->lock, NULL);
    }
    *ppUnkInner = &c->inner;
out:
    return hr;
}

/*
 * ComrtConnectionPointSinks — see comrtext.h.  With no sinks, *pcSinks is 0
 * and *prgSinks NULL.  E_POINTER for NULL riid, pcSinks or prgSinks;
 * E_INVALIDARG when pUnkInner is not a container's inner IUnknown.
 */
STDAPI ComrtConnectionPointSinks(IUnknown *pUnkInner, REFIID riid, ULONG *pcSinks, IUnknown ***prgSinks)
{
    HRESULT hr = S_OK;
    cp_point *pt = NULL;
    IUnknown **arr = NULL;
    ULONG n;

    if (!pcSinks || !prgSinks) {
        hr = E_POINTER;
        goto out;
    }
    hr = point_of(pUnkInner, riid, &pt);
    if (FAILED(hr)) goto out;
    pthread_mutex_lock(&pt->lock);
    n = pt->count;
    if (n) {
        arr = CoTaskMemAlloc((SIZE_T)n * sizeof *arr);
        if (arr)
            for (ULONG i = 0; i < n; i++) {
                arr[i] = pt->conns[i].pUnk;
                IUnknown_AddRef(arr[i]);
            }
    }
    pthread_mutex_unlock(&pt->lock);
    if (n && !arr) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    *pcSinks = n;
    *prgSinks = arr;
out:
    return hr;
}

/*
 * ComrtFireDispatchEvent — see comrtext.h.  The point's IID must be a
 * dispinterface (or a dual interface): the sinks Advise stored answered
 * QueryInterface for it, so each is an IDispatch.  Invoke gets IID_NULL,
 * LOCALE_USER_DEFAULT, a result VARIANT and an EXCEPINFO (both cleared
 * afterwards: events return nothing); pDispParams NULL means no arguments.
 */
STDAPI ComrtFireDispatchEvent(IUnknown *pUnkInner, REFIID riid, DISPID dispid, DISPPARAMS *pDispParams)
{
    HRESULT hr;
    ULONG n = 0;
    IUnknown **sinks = NULL;
    DISPPARAMS none = {NULL, NULL, 0, 0};

    hr = ComrtConnectionPointSinks(pUnkInner, riid, &n, &sinks);
    if (FAILED(hr)) goto out;
    for (ULONG i = 0; i < n; i++) {
        IDispatch *d = (IDispatch *)sinks[i];
        VARIANT result;
        EXCEPINFO ei;
        UINT argerr = 0;
        VariantInit(&result);
        memset(&ei, 0, sizeof ei);
        IDispatch_Invoke(d, dispid, &cp_iid_null, LOCALE_USER_DEFAULT, DISPATCH_METHOD,
                         pDispParams ? pDispParams : &none, &result, &ei, &argerr);
        VariantClear(&result);
        SysFreeString(ei.bstrSource);
        SysFreeString(ei.bstrDescription);
        SysFreeString(ei.bstrHelpFile);
        IUnknown_Release(sinks[i]);
    }
    CoTaskMemFree(sinks);
    hr = S_OK;
out:
    return hr;
}
