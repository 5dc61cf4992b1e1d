/*
 * test_connpt.c — connection points for server authors
 * (lib/runtime/connpt.c): an event source written here in C aggregates
 * ComrtCreateConnectionPointContainer's object; the tests check
 * FindConnectionPoint / EnumConnectionPoints, Advise / Unadvise (cookies,
 * refusing sinks, NULL arguments), EnumConnections, ComrtConnectionPointSinks
 * snapshots, ComrtFireDispatchEvent (order, arguments, a sink that
 * Unadvises itself or another inside the event, failing sinks), the
 * aggregation and lifetime rules (a point keeps the source alive; the
 * container's IUnknown is the source's), and Advise/Unadvise/fire from 4
 * threads at once.  Every reference count is checked to balance.
 */
#define COBJMACROS
#include <pthread.h>

#include "../comrt_test.h"

/* Outgoing interfaces of the test source (dispinterfaces) and a vtable
 * interface the source implements. */
static const IID DIID_Events = {0x6b1c0001, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 1}};
static const IID DIID_Other = {0x6b1c0001, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 2}};
static const IID IID_ISource = {0x6b1c0001, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 3}};
static const IID IID_Unused = {0x6b1c0001, 0x1111, 0x4222, {0x83, 0x33, 0, 0, 0, 0, 0, 4}};

#define CHECK_GUID(g, e) CHECK_MSG(IsEqualGUID(&(g), &(e)), "%s differs from %s", #g, #e)

/* ---- the event source (outer) ------------------------------------------- */

typedef struct {
    IUnknown iface; /* also its ISource: a vtable of IUnknown alone */
    LONG ref;
    IUnknown *inner;
    int destroyed;
} source;

static HRESULT STDMETHODCALLTYPE src_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    source *s = (source *)This;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ISource)) {
        IUnknown_AddRef(This);
        *ppv = This;
        return S_OK;
    }
    if (IsEqualIID(riid, &IID_IConnectionPointContainer)) return IUnknown_QueryInterface(s->inner, riid, ppv);
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE src_AddRef(IUnknown *This)
{
    return (ULONG)__atomic_add_fetch(&((source *)This)->ref, 1, __ATOMIC_SEQ_CST);
}
static ULONG STDMETHODCALLTYPE src_Release(IUnknown *This)
{
    source *s = (source *)This;
    ULONG r = (ULONG)__atomic_sub_fetch(&s->ref, 1, __ATOMIC_SEQ_CST);
    if (!r) {
        /* The test owns the memory: mark the death, release the inner. */
        IUnknown_Release(s->inner);
        s->inner = NULL;
        s->destroyed = 1;
    }
    return r;
}
static const IUnknownVtbl src_vtbl = {src_QueryInterface, src_AddRef, src_Release};

static int source_init(source *s)
{
    IID iids[2] = {DIID_Events, DIID_Other};
    memset(s, 0, sizeof *s);
    s->iface.lpVtbl = &src_vtbl;
    s->ref = 1;
    CHECK_HR(ComrtCreateConnectionPointContainer(&s->iface, 2, iids, &s->inner), S_OK);
    return s->inner != NULL;
}

static IConnectionPoint *find_point(source *s, REFIID riid)
{
    IConnectionPointContainer *cpc = NULL;
    IConnectionPoint *cp = NULL;
    CHECK_HR(IUnknown_QueryInterface(&s->iface, &IID_IConnectionPointContainer, (void **)&cpc), S_OK);
    if (!cpc) return NULL;
    CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, riid, &cp), S_OK);
    IConnectionPointContainer_Release(cpc);
    return cp;
}

/* ---- a sink: IDispatch answering DIID_Events ---------------------------- */

typedef struct sink sink;
struct sink {
    IDispatch iface;
    LONG ref;
    int refuse;            /* answer only IUnknown */
    LONG calls;            /* Invokes received */
    DISPID last_dispid;
    LONG last_arg;         /* rgvarg[0].lVal of the last call, or -1 */
    HRESULT invoke_hr;     /* what Invoke returns */
    int fill_excepinfo;    /* with DISP_E_EXCEPTION: strings to free */
    /* An action inside Invoke: Unadvise cookie on point. */
    IConnectionPoint *unadvise_point;
    DWORD unadvise_cookie;
    int *order_log, *order_pos, order_id;
};

static HRESULT STDMETHODCALLTYPE sink_QueryInterface(IDispatch *This, REFIID riid, void **ppv)
{
    sink *k = (sink *)This;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) ||
        (!k->refuse && (IsEqualIID(riid, &IID_IDispatch) || IsEqualIID(riid, &DIID_Events) ||
                        IsEqualIID(riid, &DIID_Other)))) {
        IDispatch_AddRef(This);
        *ppv = This;
        return S_OK;
    }
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE sink_AddRef(IDispatch *This)
{
    return (ULONG)__atomic_add_fetch(&((sink *)This)->ref, 1, __ATOMIC_SEQ_CST);
}
static ULONG STDMETHODCALLTYPE sink_Release(IDispatch *This)
{
    return (ULONG)__atomic_sub_fetch(&((sink *)This)->ref, 1, __ATOMIC_SEQ_CST);
}
static HRESULT STDMETHODCALLTYPE sink_GetTypeInfoCount(IDispatch *This, UINT *p) { *p = 0; return S_OK; }
static HRESULT STDMETHODCALLTYPE sink_GetTypeInfo(IDispatch *This, UINT i, LCID l, ITypeInfo **pp) { return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE sink_GetIDsOfNames(IDispatch *This, REFIID riid, LPOLESTR *n, UINT c, LCID l, DISPID *d)
{
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE sink_Invoke(IDispatch *This, DISPID id, REFIID riid, LCID lcid, WORD flags,
                                             DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    sink *k = (sink *)This;
    static const GUID null_iid;
    CHECK(IsEqualIID(riid, &null_iid));
    CHECK_INT(flags, DISPATCH_METHOD);
    CHECK(dp != NULL);
    __atomic_add_fetch(&k->calls, 1, __ATOMIC_SEQ_CST);
    /* Other threads fire at this sink too (the stress test). */
    __atomic_store_n(&k->last_dispid, id, __ATOMIC_SEQ_CST);
    __atomic_store_n(&k->last_arg, (dp && dp->cArgs && V_VT(&dp->rgvarg[0]) == VT_I4) ? V_I4(&dp->rgvarg[0]) : -1,
                     __ATOMIC_SEQ_CST);
    if (k->order_log) k->order_log[(*k->order_pos)++] = k->order_id;
    if (k->unadvise_point) CHECK_HR(IConnectionPoint_Unadvise(k->unadvise_point, k->unadvise_cookie), S_OK);
    if (res) {
        /* A result the firer must clear. */
        V_VT(res) = VT_BSTR;
        V_BSTR(res) = SysAllocString(u"result");
    }
    if (k->fill_excepinfo && ei) {
        ei->bstrDescription = SysAllocString(u"failed");
        ei->bstrSource = SysAllocString(u"sink");
    }
    return k->invoke_hr;
}
static const IDispatchVtbl sink_vtbl = {sink_QueryInterface, sink_AddRef,       sink_Release,
                                        sink_GetTypeInfoCount, sink_GetTypeInfo, sink_GetIDsOfNames,
                                        sink_Invoke};

static void sink_init(sink *k)
{
    memset(k, 0, sizeof *k);
    k->iface.lpVtbl = &sink_vtbl;
    k->ref = 1;
    k->last_arg = -1;
}

/* ---- tests --------------------------------------------------------------- */

TEST(create_args)
{
    IUnknown *inner = (IUnknown *)(void *)1;
    IID dup[2] = {DIID_Events, DIID_Events};
    CHECK_HR(ComrtCreateConnectionPointContainer(NULL, 1, &DIID_Events, NULL), E_POINTER);
    CHECK_HR(ComrtCreateConnectionPointContainer(NULL, 1, NULL, &inner), E_INVALIDARG);
    CHECK(inner == NULL);
    CHECK_HR(ComrtCreateConnectionPointContainer(NULL, 2, dup, &inner), E_INVALIDARG);
    /* Standing alone (no outer), and with no points at all. */
    CHECK_HR(ComrtCreateConnectionPointContainer(NULL, 0, NULL, &inner), S_OK);
    if (inner) {
        IConnectionPointContainer *cpc = NULL;
        IEnumConnectionPoints *ep = NULL;
        IConnectionPoint *cp = NULL;
        ULONG fetched = 9;
        CHECK_HR(IUnknown_QueryInterface(inner, &IID_IConnectionPointContainer, (void **)&cpc), S_OK);
        CHECK_INT(IUnknown_AddRef(inner), 3);
        CHECK_INT(IUnknown_Release(inner), 2);
        if (cpc) {
            CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &DIID_Events, &cp), CONNECT_E_NOCONNECTION);
            CHECK_HR(IConnectionPointContainer_EnumConnectionPoints(cpc, &ep), S_OK);
            if (ep) {
                CHECK_HR(IEnumConnectionPoints_Next(ep, 1, &cp, &fetched), S_FALSE);
                CHECK_INT(fetched, 0);
                CHECK_INT(IEnumConnectionPoints_Release(ep), 0);
            }
            CHECK_INT(IConnectionPointContainer_Release(cpc), 1);
        }
        CHECK_INT(IUnknown_Release(inner), 0);
    }
}

TEST(find_connection_point)
{
    source s;
    IConnectionPointContainer *cpc = NULL, *cpc2 = NULL;
    IConnectionPoint *cp = NULL, *cp2 = NULL;
    IID iid;

    if (!source_init(&s)) return;
    CHECK_HR(IUnknown_QueryInterface(&s.iface, &IID_IConnectionPointContainer, (void **)&cpc), S_OK);
    if (!cpc) return;
    CHECK_INT(s.ref, 2); /* the container's AddRef went to the source */
    cp = (IConnectionPoint *)(void *)1;
    CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &IID_Unused, &cp), CONNECT_E_NOCONNECTION);
    CHECK(cp == NULL);
    CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &DIID_Events, NULL), E_POINTER);
    CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, NULL, &cp), E_POINTER);
    CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &DIID_Events, &cp), S_OK);
    CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &DIID_Other, &cp2), S_OK);
    if (!cp || !cp2) return;
    CHECK(cp != cp2);
    CHECK_INT(s.ref, 4); /* each point holds the source */
    CHECK_HR(IConnectionPoint_GetConnectionInterface(cp, &iid), S_OK);
    CHECK_GUID(iid, DIID_Events);
    CHECK_HR(IConnectionPoint_GetConnectionInterface(cp2, &iid), S_OK);
    CHECK_GUID(iid, DIID_Other);
    CHECK_HR(IConnectionPoint_GetConnectionInterface(cp, NULL), E_POINTER);
    /* Finding again gives the same point. */
    {
        IConnectionPoint *again = NULL;
        CHECK_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &DIID_Events, &again), S_OK);
        CHECK(again == cp);
        if (again) IConnectionPoint_Release(again);
    }
    /* The point's container is the source's. */
    CHECK_HR(IConnectionPoint_GetConnectionPointContainer(cp, NULL), E_POINTER);
    CHECK_HR(IConnectionPoint_GetConnectionPointContainer(cp, &cpc2), S_OK);
    CHECK(cpc2 == cpc);
    if (cpc2) IConnectionPointContainer_Release(cpc2);
    IConnectionPoint_Release(cp2);
    IConnectionPoint_Release(cp);
    CHECK_INT(IConnectionPointContainer_Release(cpc), 1);
    CHECK_INT(IUnknown_Release(&s.iface), 0);
    CHECK(s.destroyed);
}

TEST(aggregation_and_lifetime)
{
    source s;
    IConnectionPoint *cp;
    IConnectionPointContainer *cpc = NULL;
    IUnknown *u = NULL, *u2 = NULL;
    void *p = NULL;

    if (!source_init(&s)) return;
    /* The inner IUnknown is non-delegating: its own count, its own identity. */
    CHECK_HR(IUnknown_QueryInterface(s.inner, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == s.inner);
    CHECK_INT(IUnknown_Release(u), 1);
    CHECK_INT(s.ref, 1);
    CHECK_HR(IUnknown_QueryInterface(s.inner, &IID_ISource, &p), E_NOINTERFACE);

    cp = find_point(&s, &DIID_Events);
    if (!cp) return;
    /* The container interface delegates to the source. */
    CHECK_HR(IConnectionPoint_GetConnectionPointContainer(cp, &cpc), S_OK);
    if (!cpc) return;
    CHECK_HR(IConnectionPointContainer_QueryInterface(cpc, &IID_ISource, (void **)&u), S_OK);
    CHECK(u == &s.iface);
    if (u) IUnknown_Release(u);
    CHECK_HR(IConnectionPointContainer_QueryInterface(cpc, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == &s.iface);
    if (u) IUnknown_Release(u);
    CHECK_INT(IConnectionPointContainer_AddRef(cpc), s.ref);
    IConnectionPointContainer_Release(cpc);
    IConnectionPointContainer_Release(cpc);

    /* The point is its own identity: IUnknown and IConnectionPoint only
     * (COM's QueryInterface rules: the source does not answer
     * IConnectionPoint, so the point may not answer ISource). */
    CHECK_HR(IConnectionPoint_QueryInterface(cp, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == (IUnknown *)cp);
    CHECK(u != &s.iface);
    CHECK_HR(IConnectionPoint_QueryInterface(cp, &IID_IConnectionPoint, (void **)&u2), S_OK);
    CHECK(u2 == (IUnknown *)cp);
    if (u) IUnknown_Release(u);
    if (u2) IUnknown_Release(u2);
    p = (void *)1;
    CHECK_HR(IConnectionPoint_QueryInterface(cp, &IID_ISource, &p), E_NOINTERFACE);
    CHECK(p == NULL);
    CHECK_HR(IConnectionPoint_QueryInterface(cp, &IID_IConnectionPointContainer, &p), E_NOINTERFACE);

    /* A held point keeps the source alive... */
    CHECK_INT(s.ref, 2);
    CHECK_INT(IUnknown_Release(&s.iface), 1);
    CHECK(!s.destroyed);
    /* ...and still works. */
    {
        sink k;
        DWORD cookie = 0;
        sink_init(&k);
        CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&k.iface, &cookie), S_OK);
        CHECK_INT(k.ref, 2);
        /* Dropping the last reference releases the sinks still advised. */
        CHECK_INT(IConnectionPoint_Release(cp), 0);
        CHECK(s.destroyed);
        CHECK_INT(k.ref, 1);
    }
}

TEST(advise_unadvise)
{
    source s;
    IConnectionPoint *cp;
    sink a, b, refusing;
    DWORD c1 = 0, c2 = 0, c3 = 0, c4 = 0, bad = 77;

    if (!source_init(&s)) return;
    cp = find_point(&s, &DIID_Events);
    if (!cp) return;
    sink_init(&a);
    sink_init(&b);
    sink_init(&refusing);
    refusing.refuse = 1;

    CHECK_HR(IConnectionPoint_Advise(cp, NULL, &bad), E_POINTER);
    CHECK_INT(bad, 0);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&a.iface, NULL), E_POINTER);
    CHECK_INT(a.ref, 1);
    bad = 77;
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&refusing.iface, &bad), CONNECT_E_CANNOTCONNECT);
    CHECK_INT(bad, 0);
    CHECK_INT(refusing.ref, 1);

    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&a.iface, &c1), S_OK);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&b.iface, &c2), S_OK);
    /* The same sink twice is two connections. */
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&a.iface, &c3), S_OK);
    CHECK_INT(c1, 1);
    CHECK_INT(c2, 2);
    CHECK_INT(c3, 3);
    CHECK_INT(a.ref, 3);
    CHECK_INT(b.ref, 2);

    CHECK_HR(IConnectionPoint_Unadvise(cp, 0), CONNECT_E_NOCONNECTION);
    CHECK_HR(IConnectionPoint_Unadvise(cp, 999), CONNECT_E_NOCONNECTION);
    CHECK_HR(IConnectionPoint_Unadvise(cp, c1), S_OK);
    CHECK_INT(a.ref, 2);
    CHECK_HR(IConnectionPoint_Unadvise(cp, c1), CONNECT_E_NOCONNECTION);
    /* Cookies are not reused. */
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&b.iface, &c4), S_OK);
    CHECK_INT(c4, 4);

    /* The other point has its own cookies and sinks. */
    {
        IConnectionPoint *other = find_point(&s, &DIID_Other);
        DWORD oc = 0;
        if (other) {
            CHECK_HR(IConnectionPoint_Unadvise(other, c2), CONNECT_E_NOCONNECTION);
            CHECK_HR(IConnectionPoint_Advise(other, (IUnknown *)&a.iface, &oc), S_OK);
            CHECK_INT(oc, 1);
            CHECK_HR(IConnectionPoint_Unadvise(other, oc), S_OK);
            IConnectionPoint_Release(other);
        }
    }

    CHECK_HR(IConnectionPoint_Unadvise(cp, c2), S_OK);
    CHECK_HR(IConnectionPoint_Unadvise(cp, c3), S_OK);
    CHECK_HR(IConnectionPoint_Unadvise(cp, c4), S_OK);
    CHECK_INT(a.ref, 1);
    CHECK_INT(b.ref, 1);
    IConnectionPoint_Release(cp);
    CHECK_INT(IUnknown_Release(&s.iface), 0);
    CHECK(s.destroyed);
}

TEST(enum_connections)
{
    source s;
    IConnectionPoint *cp;
    IEnumConnections *ec = NULL, *clone = NULL;
    sink a, b;
    DWORD c1 = 0, c2 = 0;
    CONNECTDATA cd[3];
    ULONG fetched = 0;

    if (!source_init(&s)) return;
    cp = find_point(&s, &DIID_Events);
    if (!cp) return;
    sink_init(&a);
    sink_init(&b);
    CHECK_HR(IConnectionPoint_EnumConnections(cp, NULL), E_POINTER);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&a.iface, &c1), S_OK);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&b.iface, &c2), S_OK);
    CHECK_HR(IConnectionPoint_EnumConnections(cp, &ec), S_OK);
    if (!ec) return;
    CHECK_INT(a.ref, 3); /* the enumerator holds its own copy */
    /* A snapshot: unadvising does not change it. */
    CHECK_HR(IConnectionPoint_Unadvise(cp, c1), S_OK);
    CHECK_INT(a.ref, 2);
    CHECK_HR(IEnumConnections_Next(ec, 2, cd, NULL), E_POINTER);
    CHECK_HR(IEnumConnections_Next(ec, 1, cd, NULL), S_OK);
    CHECK(cd[0].pUnk == (IUnknown *)&a.iface);
    CHECK_INT(cd[0].dwCookie, c1);
    IUnknown_Release(cd[0].pUnk);
    CHECK_HR(IEnumConnections_Clone(ec, &clone), S_OK);
    CHECK_HR(IEnumConnections_Next(ec, 3, cd, &fetched), S_FALSE);
    CHECK_INT(fetched, 1);
    CHECK(cd[0].pUnk == (IUnknown *)&b.iface);
    CHECK_INT(cd[0].dwCookie, c2);
    IUnknown_Release(cd[0].pUnk);
    if (clone) {
        CHECK_HR(IEnumConnections_Skip(clone, 1), S_OK);
        CHECK_HR(IEnumConnections_Skip(clone, 1), S_FALSE);
        CHECK_HR(IEnumConnections_Reset(clone), S_OK);
        CHECK_HR(IEnumConnections_Next(clone, 2, cd, &fetched), S_OK);
        CHECK_INT(fetched, 2);
        IUnknown_Release(cd[0].pUnk);
        IUnknown_Release(cd[1].pUnk);
        CHECK_INT(IEnumConnections_Release(clone), 0);
    }
    /* Enumerators of connections do not hold the source. */
    CHECK_INT(s.ref, 2);
    CHECK_INT(IEnumConnections_Release(ec), 0);
    CHECK_INT(a.ref, 1);
    CHECK_HR(IConnectionPoint_Unadvise(cp, c2), S_OK);
    CHECK_INT(b.ref, 1);
    IConnectionPoint_Release(cp);
    CHECK_INT(IUnknown_Release(&s.iface), 0);
}

TEST(enum_connection_points)
{
    source s;
    IConnectionPointContainer *cpc = NULL;
    IEnumConnectionPoints *ep = NULL, *clone = NULL;
    IConnectionPoint *pts[3];
    ULONG fetched = 0;
    IID iid;
    void *p = NULL;

    if (!source_init(&s)) return;
    CHECK_HR(IUnknown_QueryInterface(&s.iface, &IID_IConnectionPointContainer, (void **)&cpc), S_OK);
    if (!cpc) return;
    CHECK_HR(IConnectionPointContainer_EnumConnectionPoints(cpc, NULL), E_POINTER);
    CHECK_HR(IConnectionPointContainer_EnumConnectionPoints(cpc, &ep), S_OK);
    CHECK_INT(IConnectionPointContainer_Release(cpc), 3); /* the enumerator holds two points */
    if (!ep) return;
    CHECK_HR(IEnumConnectionPoints_QueryInterface(ep, &IID_IEnumConnectionPoints, &p), S_OK);
    if (p) IEnumConnectionPoints_Release((IEnumConnectionPoints *)p);
    CHECK_HR(IEnumConnectionPoints_QueryInterface(ep, &IID_IEnumConnections, &p), E_NOINTERFACE);
    CHECK_HR(IEnumConnectionPoints_Next(ep, 3, pts, &fetched), S_FALSE);
    CHECK_INT(fetched, 2);
    CHECK_INT(s.ref, 5);
    CHECK_HR(IConnectionPoint_GetConnectionInterface(pts[0], &iid), S_OK);
    CHECK_GUID(iid, DIID_Events);
    CHECK_HR(IConnectionPoint_GetConnectionInterface(pts[1], &iid), S_OK);
    CHECK_GUID(iid, DIID_Other);
    IConnectionPoint_Release(pts[0]);
    IConnectionPoint_Release(pts[1]);
    CHECK_HR(IEnumConnectionPoints_Reset(ep), S_OK);
    CHECK_HR(IEnumConnectionPoints_Skip(ep, 1), S_OK);
    CHECK_HR(IEnumConnectionPoints_Clone(ep, &clone), S_OK);
    /* The clone shares the enumerator's points (no new references); the
     * source may be released: the enumerators keep it alive. */
    CHECK_INT(IUnknown_Release(&s.iface), 2);
    CHECK(!s.destroyed);
    CHECK_HR(IEnumConnectionPoints_Next(ep, 1, pts, NULL), S_OK);
    CHECK_HR(IConnectionPoint_GetConnectionInterface(pts[0], &iid), S_OK);
    CHECK_GUID(iid, DIID_Other);
    IConnectionPoint_Release(pts[0]);
    CHECK_INT(IEnumConnectionPoints_Release(ep), 0);
    CHECK(!s.destroyed);
    if (clone) {
        CHECK_HR(IEnumConnectionPoints_Next(clone, 1, pts, NULL), S_OK);
        CHECK_HR(IConnectionPoint_GetConnectionInterface(pts[0], &iid), S_OK);
        CHECK_GUID(iid, DIID_Other);
        IConnectionPoint_Release(pts[0]);
        CHECK_INT(IEnumConnectionPoints_Release(clone), 0);
    }
    CHECK(s.destroyed);
}

TEST(sinks_snapshot)
{
    source s;
    IConnectionPoint *cp;
    sink a, b;
    DWORD c1 = 0, c2 = 0;
    ULONG n = 99;
    IUnknown **rg = (IUnknown **)(void *)1;

    if (!source_init(&s)) return;
    cp = find_point(&s, &DIID_Events);
    if (!cp) return;
    sink_init(&a);
    sink_init(&b);
    CHECK_HR(ComrtConnectionPointSinks(s.inner, &DIID_Events, &n, &rg), S_OK);
    CHECK_INT(n, 0);
    CHECK(rg == NULL);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&a.iface, &c1), S_OK);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&b.iface, &c2), S_OK);
    CHECK_HR(ComrtConnectionPointSinks(s.inner, &IID_Unused, &n, &rg), CONNECT_E_NOCONNECTION);
    CHECK_HR(ComrtConnectionPointSinks(s.inner, &DIID_Events, NULL, &rg), E_POINTER);
    CHECK_HR(ComrtConnectionPointSinks(s.inner, &DIID_Events, &n, NULL), E_POINTER);
    /* Only a container's inner IUnknown is accepted. */
    CHECK_HR(ComrtConnectionPointSinks(&s.iface, &DIID_Events, &n, &rg), E_INVALIDARG);
    CHECK_HR(ComrtConnectionPointSinks(NULL, &DIID_Events, &n, &rg), E_INVALIDARG);
    CHECK_HR(ComrtConnectionPointSinks(s.inner, &DIID_Events, &n, &rg), S_OK);
    CHECK_INT(n, 2);
    CHECK_INT(a.ref, 3);
    CHECK_HR(IConnectionPoint_Unadvise(cp, c1), S_OK);
    CHECK_HR(IConnectionPoint_Unadvise(cp, c2), S_OK);
    if (rg && n == 2) {
        /* In Advise order, the pointers QueryInterface'd for the IID. */
        CHECK(rg[0] == (IUnknown *)&a.iface);
        CHECK(rg[1] == (IUnknown *)&b.iface);
        CHECK_INT(a.ref, 2);
        IUnknown_Release(rg[0]);
        IUnknown_Release(rg[1]);
    }
    CoTaskMemFree(rg);
    CHECK_INT(a.ref, 1);
    CHECK_INT(b.ref, 1);
    IConnectionPoint_Release(cp);
    CHECK_INT(IUnknown_Release(&s.iface), 0);
}

TEST(fire)
{
    source s;
    IConnectionPoint *cp, *other;
    sink a, b, c, failing, d;
    DWORD ca = 0, cb = 0, cc = 0, cf = 0, cd = 0;
    int log[16], pos = 0;
    VARIANT arg;
    DISPPARAMS dp = {&arg, NULL, 1, 0};

    if (!source_init(&s)) return;
    cp = find_point(&s, &DIID_Events);
    other = find_point(&s, &DIID_Other);
    if (!cp || !other) return;
    sink_init(&a);
    sink_init(&b);
    sink_init(&c);
    sink_init(&failing);
    sink_init(&d);
    a.order_log = b.order_log = c.order_log = failing.order_log = log;
    a.order_pos = b.order_pos = c.order_pos = failing.order_pos = &pos;
    a.order_id = 1;
    b.order_id = 2;
    c.order_id = 3;
    failing.order_id = 4;
    failing.invoke_hr = DISP_E_EXCEPTION;
    failing.fill_excepinfo = 1;

    /* No point for the IID; no sinks yet. */
    CHECK_HR(ComrtFireDispatchEvent(s.inner, &IID_Unused, 1, &dp), CONNECT_E_NOCONNECTION);
    CHECK_HR(ComrtFireDispatchEvent(&s.iface, &DIID_Events, 1, &dp), E_INVALIDARG);
    V_VT(&arg) = VT_I4;
    V_I4(&arg) = 42;
    CHECK_HR(ComrtFireDispatchEvent(s.inner, &DIID_Events, 1, &dp), S_OK);

    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&a.iface, &ca), S_OK);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&failing.iface, &cf), S_OK);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&b.iface, &cb), S_OK);
    CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&c.iface, &cc), S_OK);
    CHECK_HR(IConnectionPoint_Advise(other, (IUnknown *)&d.iface, &cd), S_OK);

    /* b unadvises itself inside the event, a unadvises c (fired later in
     * the same round: the snapshot still calls it). */
    b.unadvise_point = cp;
    b.unadvise_cookie = cb;
    a.unadvise_point = cp;
    a.unadvise_cookie = cc;
    CHECK_HR(ComrtFireDispatchEvent(s.inner, &DIID_Events, 7, &dp), S_OK);
    CHECK_INT(pos, 4);
    CHECK_INT(log[0], 1);
    CHECK_INT(log[1], 4);
    CHECK_INT(log[2], 2);
    CHECK_INT(log[3], 3);
    CHECK_INT(a.last_dispid, 7);
    CHECK_INT(a.last_arg, 42);
    CHECK_INT(c.last_dispid, 7);
    CHECK_INT(d.calls, 0); /* the other point's sinks are not fired */
    CHECK_INT(b.ref, 1);
    CHECK_INT(c.ref, 1);

    /* Next round: only a and the failing sink remain; no arguments. */
    a.unadvise_point = NULL;
    pos = 0;
    CHECK_HR(ComrtFireDispatchEvent(s.inner, &DIID_Events, 8, NULL), S_OK);
    CHECK_INT(pos, 2);
    CHECK_INT(a.calls, 2);
    CHECK_INT(a.last_arg, -1);
    CHECK_INT(b.calls, 1);
    CHECK_INT(c.calls, 1);
    CHECK_INT(failing.calls, 2);

    CHECK_HR(ComrtFireDispatchEvent(s.inner, &DIID_Other, 9, &dp), S_OK);
    CHECK_INT(d.calls, 1);
    CHECK_INT(d.last_dispid, 9);

    CHECK_INT(a.ref, 2);
    CHECK_INT(failing.ref, 2);
    CHECK_HR(IConnectionPoint_Unadvise(cp, ca), S_OK);
    CHECK_HR(IConnectionPoint_Unadvise(cp, cf), S_OK);
    CHECK_HR(IConnectionPoint_Unadvise(other, cd), S_OK);
    CHECK_INT(a.ref, 1);
    CHECK_INT(failing.ref, 1);
    CHECK_INT(d.ref, 1);
    IConnectionPoint_Release(cp);
    IConnectionPoint_Release(other);
    CHECK_INT(IUnknown_Release(&s.iface), 0);
}

/* ---- 4 threads: Advise / fire / Unadvise / EnumConnections -------------- */

#define STRESS_THREADS 4
#define STRESS_ROUNDS 400

typedef struct {
    source *s;
    IConnectionPoint *cp;
    sink sinks[4];
    int failures;
} stress_arg;

static void *stress_thread(void *p)
{
    stress_arg *a = p;
    for (int r = 0; r < STRESS_ROUNDS; r++) {
        DWORD cookies[4] = {0};
        for (int i = 0; i < 4; i++)
            if (IConnectionPoint_Advise(a->cp, (IUnknown *)&a->sinks[i].iface, &cookies[i]) != S_OK) a->failures++;
        if (ComrtFireDispatchEvent(a->s->inner, &DIID_Events, r, NULL) != S_OK) a->failures++;
        if (r % 8 == 0) {
            IEnumConnections *ec = NULL;
            CONNECTDATA cd;
            if (IConnectionPoint_EnumConnections(a->cp, &ec) != S_OK || !ec) {
                a->failures++;
            } else {
                while (IEnumConnections_Next(ec, 1, &cd, NULL) == S_OK) IUnknown_Release(cd.pUnk);
                IEnumConnections_Release(ec);
            }
        }
        for (int i = 0; i < 4; i++)
            if (IConnectionPoint_Unadvise(a->cp, cookies[i]) != S_OK) a->failures++;
    }
    return NULL;
}

TEST(threads)
{
    source s;
    IConnectionPoint *cp;
    pthread_t th[STRESS_THREADS];
    static stress_arg args[STRESS_THREADS];

    if (!source_init(&s)) return;
    cp = find_point(&s, &DIID_Events);
    if (!cp) return;
    for (int t = 0; t < STRESS_THREADS; t++) {
        args[t].s = &s;
        args[t].cp = cp;
        args[t].failures = 0;
        for (int i = 0; i < 4; i++) sink_init(&args[t].sinks[i]);
    }
    for (int t = 0; t < STRESS_THREADS; t++) CHECK_INT(pthread_create(&th[t], NULL, stress_thread, &args[t]), 0);
    for (int t = 0; t < STRESS_THREADS; t++) pthread_join(th[t], NULL);
    for (int t = 0; t < STRESS_THREADS; t++) {
        CHECK_INT(args[t].failures, 0);
        for (int i = 0; i < 4; i++) {
            CHECK_INT(args[t].sinks[i].ref, 1);
            /* Each sink was advised when its own thread fired. */
            CHECK_MSG(args[t].sinks[i].calls >= STRESS_ROUNDS, "thread %d sink %d: %d calls", t, i,
                      (int)args[t].sinks[i].calls);
        }
    }
    /* Cookies kept counting: 4 threads x rounds x 4 sinks were issued. */
    {
        sink k;
        DWORD c = 0;
        sink_init(&k);
        CHECK_HR(IConnectionPoint_Advise(cp, (IUnknown *)&k.iface, &c), S_OK);
        CHECK_INT(c, STRESS_THREADS * STRESS_ROUNDS * 4 + 1);
        CHECK_HR(IConnectionPoint_Unadvise(cp, c), S_OK);
    }
    IConnectionPoint_Release(cp);
    CHECK_INT(IUnknown_Release(&s.iface), 0);
    CHECK(s.destroyed);
}

int main(void)
{
    RUN(create_args);
    RUN(find_connection_point);
    RUN(aggregation_and_lifetime);
    RUN(advise_unadvise);
    RUN(enum_connections);
    RUN(enum_connection_points);
    RUN(sinks_snapshot);
    RUN(fire);
    RUN(threads);
    return comrt_test_summary();
}
