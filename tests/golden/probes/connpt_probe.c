/*
 * connpt_probe.c — connection points: IConnectionPointContainer
 * (FindConnectionPoint, EnumConnectionPoints), IConnectionPoint
 * (GetConnectionInterface, GetConnectionPointContainer, Advise and its
 * cookies, refusing sinks, Unadvise) and IEnumConnections (Next's counts
 * and codes, Skip, Reset, Clone), with the references the sinks gain and
 * lose.
 *
 * Windows has no public factory for a connection point container, so the
 * event source differs by side: under Wine it is the standard font object
 * (OleCreateFontIndirect), whose points are IPropertyNotifySink and
 * IFontEventsDisp; against comrt it is ComrtCreateConnectionPointContainer
 * with the same two IIDs.  Everything else is the same code.  Calls that
 * crash Wine's font (NULL arguments to the point's methods) are not made.
 */
#include "probe_util.h"
#ifdef _WIN32
#include <olectl.h>
#include <ocidl.h>
#endif

static const GUID PNS_IID = {0x9BFBBC02, 0xEFF1, 0x101A, {0x84, 0xED, 0x00, 0xAA, 0x00, 0x34, 0x1D, 0x07}};
static const GUID FONTEVENTS_IID = {0x4EF6100A, 0xAF88, 0x11D0, {0x98, 0x46, 0x00, 0xC0, 0x4F, 0xC2, 0x99, 0x93}};
static const GUID IDISPATCH_IID = {0x00020400, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const GUID IUNKNOWN_IID = {0, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

/* A sink: answers IUnknown, and the point's IID unless it refuses (with
 * E_NOINTERFACE or E_FAIL).  Its reference count is printed. */
typedef struct {
    IUnknown iface;
    LONG ref;
    HRESULT refuse;
} sink;

static HRESULT STDMETHODCALLTYPE sink_qi(IUnknown *This, REFIID riid, void **ppv)
{
    sink *s = (sink *)This;
    if (IsEqualIID(riid, &IUNKNOWN_IID) || (!s->refuse && IsEqualIID(riid, &PNS_IID))) {
        s->ref++;
        *ppv = This;
        return S_OK;
    }
    *ppv = NULL;
    return s->refuse ? s->refuse : E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE sink_addref(IUnknown *This) { return (ULONG)++((sink *)This)->ref; }
static ULONG STDMETHODCALLTYPE sink_release(IUnknown *This) { return (ULONG)--((sink *)This)->ref; }
static IUnknownVtbl sink_vtbl = {sink_qi, sink_addref, sink_release};

static void sink_init(sink *s, HRESULT refuse)
{
    s->iface.lpVtbl = &sink_vtbl;
    s->ref = 1;
    s->refuse = refuse;
}

static void out(const char *key, const char *fmt, ...)
{
    va_list ap;
    printf("%s => ", key);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* The container of the probe's event source (caller Releases it);
 * *owner receives what else must be released (the font), or NULL. */
static IConnectionPointContainer *make_source(IUnknown **owner)
{
    IConnectionPointContainer *cpc = NULL;
    *owner = NULL;
#ifdef _WIN32
    {
        FONTDESC fd = {sizeof fd, (LPOLESTR)L"Arial", {{100000, 0}}, 400, 0, 0, 0, 0};
        IUnknown *font = NULL;
        if (OleCreateFontIndirect(&fd, &IUNKNOWN_IID, (void **)&font) != S_OK) return NULL;
        IUnknown_QueryInterface(font, &IID_IConnectionPointContainer, (void **)&cpc);
        *owner = font;
    }
#else
    {
        IID iids[2] = {PNS_IID, FONTEVENTS_IID};
        IUnknown *inner = NULL;
        if (ComrtCreateConnectionPointContainer(NULL, 2, iids, &inner) != S_OK) return NULL;
        IUnknown_QueryInterface(inner, &IID_IConnectionPointContainer, (void **)&cpc);
        *owner = inner;
    }
#endif
    return cpc;
}

static void enum_cases(IConnectionPoint *cp, sink *s1)
{
    IEnumConnections *ec = NULL, *clone = NULL;
    CONNECTDATA cd[4];
    ULONG f;
    HRESULT hr;

    hr = IConnectionPoint_EnumConnections(cp, &ec);
    out("EnumConnections", "%08X s1.ref=%ld", (unsigned)hr, (long)s1->ref);
    if (hr != S_OK) return;
    f = 77;
    hr = IEnumConnections_Next(ec, 0, cd, &f);
    out("Next(0)", "%08X fetched=%lu", (unsigned)hr, (unsigned long)f);
    hr = IEnumConnections_Next(ec, 2, cd, NULL);
    out("Next(2,NULL fetched)", "%08X", (unsigned)hr);
    if (SUCCEEDED(hr)) {
        IUnknown_Release(cd[0].pUnk);
        IUnknown_Release(cd[1].pUnk);
    }
    IEnumConnections_Reset(ec);
    hr = IEnumConnections_Next(ec, 1, cd, NULL);
    out("Next(1,NULL fetched)", "%08X cookie=%lu sink=%s", (unsigned)hr, hr == S_OK ? (unsigned long)cd[0].dwCookie : 0ul,
        hr == S_OK ? (cd[0].pUnk == &s1->iface ? "s1" : "other") : "-");
    if (hr == S_OK) IUnknown_Release(cd[0].pUnk);
    hr = IEnumConnections_Clone(ec, &clone);
    out("Clone", "%08X", (unsigned)hr);
    f = 77;
    hr = IEnumConnections_Next(ec, 4, cd, &f);
    out("Next(4) after 1 of 3", "%08X fetched=%lu cookies=%lu,%lu", (unsigned)hr, (unsigned long)f,
        f > 0 ? (unsigned long)cd[0].dwCookie : 0ul, f > 1 ? (unsigned long)cd[1].dwCookie : 0ul);
    for (ULONG i = 0; i < f && i < 4; i++) IUnknown_Release(cd[i].pUnk);
    f = 77;
    hr = IEnumConnections_Next(ec, 1, cd, &f);
    out("Next(1) at end", "%08X fetched=%lu", (unsigned)hr, (unsigned long)f);
    if (clone) {
        f = 77;
        hr = IEnumConnections_Next(clone, 1, cd, &f);
        out("Clone Next(1)", "%08X fetched=%lu cookie=%lu", (unsigned)hr, (unsigned long)f,
            f ? (unsigned long)cd[0].dwCookie : 0ul);
        if (hr == S_OK) IUnknown_Release(cd[0].pUnk);
        out("Clone Release", "%lu", (unsigned long)IEnumConnections_Release(clone));
    }
    IEnumConnections_Reset(ec);
    out("Skip(5) of 3", "%08X", (unsigned)IEnumConnections_Skip(ec, 5));
    out("Skip(0) at end", "%08X", (unsigned)IEnumConnections_Skip(ec, 0));
    IEnumConnections_Reset(ec);
    out("Skip(3) of 3", "%08X", (unsigned)IEnumConnections_Skip(ec, 3));
    IEnumConnections_Reset(ec);
    out("Skip(2) of 3", "%08X", (unsigned)IEnumConnections_Skip(ec, 2));
    f = 77;
    hr = IEnumConnections_Next(ec, 1, cd, &f);
    out("Next(1) after Skip(2)", "%08X fetched=%lu cookie=%lu", (unsigned)hr, (unsigned long)f,
        f ? (unsigned long)cd[0].dwCookie : 0ul);
    if (hr == S_OK) IUnknown_Release(cd[0].pUnk);
    f = IEnumConnections_Release(ec);
    out("EnumConnections Release", "%lu s1.ref=%ld", (unsigned long)f, (long)s1->ref);
}

int main(void)
{
    IUnknown *owner = NULL, *u1 = NULL, *u2 = NULL;
    IConnectionPointContainer *cpc, *cpc2 = NULL;
    IConnectionPoint *cp = NULL, *cp2 = NULL, *other = NULL;
    sink s1, s2, refuse_noi, refuse_fail;
    DWORD c1 = 0, c2 = 0, c3 = 0, c4 = 0, c = 0;
    IID iid;
    HRESULT hr;

#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    CoInitialize(NULL);
    cpc = make_source(&owner);
    if (!cpc) {
        printf("# no event source\n");
        return 1;
    }

    hr = IConnectionPointContainer_FindConnectionPoint(cpc, &IDISPATCH_IID, &cp);
    out("FindConnectionPoint(IDispatch)", "%08X", (unsigned)hr);
    hr = IConnectionPointContainer_FindConnectionPoint(cpc, &PNS_IID, NULL);
    out("FindConnectionPoint(PNS,NULL)", "%08X", (unsigned)hr);
    hr = IConnectionPointContainer_FindConnectionPoint(cpc, &FONTEVENTS_IID, &other);
    out("FindConnectionPoint(FontEvents)", "%08X", (unsigned)hr);
    cp = NULL;
    hr = IConnectionPointContainer_FindConnectionPoint(cpc, &PNS_IID, &cp);
    out("FindConnectionPoint(PNS)", "%08X", (unsigned)hr);
    if (hr != S_OK || !cp) return 1;
    hr = IConnectionPointContainer_FindConnectionPoint(cpc, &PNS_IID, &cp2);
    out("FindConnectionPoint(PNS) again", "%08X same=%d", (unsigned)hr, cp2 == cp);
    if (cp2) IConnectionPoint_Release(cp2);
    if (other) {
        hr = IConnectionPoint_GetConnectionInterface(other, &iid);
        out("GetConnectionInterface(FontEvents)", "%08X match=%d", (unsigned)hr, IsEqualIID(&iid, &FONTEVENTS_IID));
        IConnectionPoint_Release(other);
    }
    hr = IConnectionPoint_GetConnectionInterface(cp, &iid);
    out("GetConnectionInterface(PNS)", "%08X match=%d", (unsigned)hr, IsEqualIID(&iid, &PNS_IID));
    hr = IConnectionPoint_GetConnectionPointContainer(cp, &cpc2);
    out("GetConnectionPointContainer", "%08X same=%d", (unsigned)hr, cpc2 == cpc);
    if (cpc2) IConnectionPointContainer_Release(cpc2);

    /* The point is an object of its own. */
    hr = IConnectionPoint_QueryInterface(cp, &IUNKNOWN_IID, (void **)&u1);
    IConnectionPointContainer_QueryInterface(cpc, &IUNKNOWN_IID, (void **)&u2);
    out("Point QueryInterface(IUnknown)", "%08X is_point=%d is_source=%d", (unsigned)hr, u1 == (IUnknown *)cp,
        u1 == u2);
    if (u1) IUnknown_Release(u1);
    if (u2) IUnknown_Release(u2);
    u1 = NULL;
    hr = IConnectionPoint_QueryInterface(cp, &IID_IConnectionPointContainer, (void **)&u1);
    out("Point QueryInterface(IConnectionPointContainer)", "%08X", (unsigned)hr);
    if (u1) IUnknown_Release(u1);

    sink_init(&s1, 0);
    sink_init(&s2, 0);
    sink_init(&refuse_noi, E_NOINTERFACE);
    sink_init(&refuse_fail, E_FAIL);
    c = 77;
    hr = IConnectionPoint_Advise(cp, &refuse_noi.iface, &c);
    out("Advise(refuses E_NOINTERFACE)", "%08X cookie=%lu ref=%ld", (unsigned)hr, (unsigned long)c, (long)refuse_noi.ref);
    c = 77;
    hr = IConnectionPoint_Advise(cp, &refuse_fail.iface, &c);
    out("Advise(refuses E_FAIL)", "%08X cookie=%lu ref=%ld", (unsigned)hr, (unsigned long)c, (long)refuse_fail.ref);
    hr = IConnectionPoint_Advise(cp, &s1.iface, &c1);
    out("Advise(s1)", "%08X cookie=%lu ref=%ld", (unsigned)hr, (unsigned long)c1, (long)s1.ref);
    hr = IConnectionPoint_Advise(cp, &s2.iface, &c2);
    out("Advise(s2)", "%08X cookie=%lu ref=%ld", (unsigned)hr, (unsigned long)c2, (long)s2.ref);
    hr = IConnectionPoint_Advise(cp, &s1.iface, &c3);
    out("Advise(s1 again)", "%08X cookie=%lu ref=%ld", (unsigned)hr, (unsigned long)c3, (long)s1.ref);
    out("Unadvise(0)", "%08X", (unsigned)IConnectionPoint_Unadvise(cp, 0));
    out("Unadvise(999)", "%08X", (unsigned)IConnectionPoint_Unadvise(cp, 999));

    enum_cases(cp, &s1);

    hr = IConnectionPoint_Unadvise(cp, c1);
    out("Unadvise(s1 first)", "%08X ref=%ld", (unsigned)hr, (long)s1.ref);
    out("Unadvise(s1 first) again", "%08X", (unsigned)IConnectionPoint_Unadvise(cp, c1));
    hr = IConnectionPoint_Advise(cp, &s1.iface, &c4);
    out("Advise(s1) after an Unadvise", "%08X cookie=%lu", (unsigned)hr, (unsigned long)c4);
    out("Unadvise(s1 third)", "%08X", (unsigned)IConnectionPoint_Unadvise(cp, c4));
    hr = IConnectionPoint_Unadvise(cp, c3);
    out("Unadvise(s1 second)", "%08X ref=%ld", (unsigned)hr, (long)s1.ref);

    {
        IEnumConnectionPoints *ep = NULL;
        hr = IConnectionPointContainer_EnumConnectionPoints(cpc, &ep);
        out("EnumConnectionPoints", "%08X", (unsigned)hr);
        if (ep) IEnumConnectionPoints_Release(ep);
    }

    /* s2 is still advised when the source dies. */
    IConnectionPoint_Release(cp);
    IConnectionPointContainer_Release(cpc);
    IUnknown_Release(owner);
    out("Source released with s2 advised", "s2.ref=%ld", (long)s2.ref);
    CoUninitialize();
    return 0;
}
