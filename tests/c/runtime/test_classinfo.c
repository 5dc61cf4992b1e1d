/*
 * test_classinfo.c — ComrtCreateProvideClassInfo (lib/runtime/classinfo.c):
 * IProvideClassInfo2 over coclasses from the comrt_all.tlb fixture (a
 * [default, source] dispinterface; no source at all) and from a type library
 * built in memory with CreateTypeLib2 (a default source that is a plain
 * vtable interface, a dual one, one reaching IDispatch only through its
 * base, a non-default source beside the default one), GetGUID's argument
 * checks, and the aggregation rules (IUnknown delegated to the outer,
 * the inner non-delegating; references balanced).
 */
#define COBJMACROS
#include "../comrt_test.h"
#include "../typelib/tlb_fixture.h"

#define CHECK_GUID(g, e) CHECK_MSG(IsEqualGUID(&(g), &(e)), "%s differs from %s", #g, #e)

/* comrt_all.idl: coclass AllObject, its [default, source] DFromInterface,
 * coclass HiddenObject (no source), interface IAllDual. */
static const GUID CLSID_AllObject = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x0c}};
static const GUID DIID_DFromInterface = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x09}};
static const GUID CLSID_HiddenObject = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x0d}};
static const GUID IID_IAllDual_probe = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x0b}};

static const GUID IID_IOuterThing = {0x7c2d0001, 0x2222, 0x4333, {0x84, 0x44, 0, 0, 0, 0, 0, 1}};

static WCHAR *W(const char *s)
{
    static WCHAR w[8][128];
    static int slot;
    WCHAR *out = w[slot++ & 7];
    size_t i = 0;
    for (; s[i] && i < 127; i++) out[i] = (WCHAR)s[i];
    out[i] = 0;
    return out;
}

static GUID guid_n(unsigned n)
{
    GUID g = {0x7c2d0002, 0x2222, 0x4333, {0x84, 0x44, 0, 0, 0, 0, 0, 0}};
    g.Data4[7] = (BYTE)n;
    return g;
}

/* ---- an outer object aggregating the inner ------------------------------ */

typedef struct {
    IUnknown iface;
    LONG ref;
    IUnknown *inner;
    int destroyed;
} outer;

static HRESULT STDMETHODCALLTYPE outer_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    outer *o = (outer *)This;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IOuterThing)) {
        IUnknown_AddRef(This);
        *ppv = This;
        return S_OK;
    }
    if (IsEqualIID(riid, &IID_IProvideClassInfo) || IsEqualIID(riid, &IID_IProvideClassInfo2))
        return IUnknown_QueryInterface(o->inner, riid, ppv);
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE outer_AddRef(IUnknown *This) { return (ULONG)++((outer *)This)->ref; }
static ULONG STDMETHODCALLTYPE outer_Release(IUnknown *This)
{
    outer *o = (outer *)This;
    ULONG r = (ULONG)--o->ref;
    if (!r) {
        IUnknown_Release(o->inner);
        o->destroyed = 1;
    }
    return r;
}
static const IUnknownVtbl outer_vtbl = {outer_QueryInterface, outer_AddRef, outer_Release};

static ITypeInfo *fixture_type(const GUID *guid)
{
    ITypeLib *tl = NULL;
    ITypeInfo *ti = NULL;
    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &tl), S_OK);
    if (!tl) return NULL;
    CHECK_HR(ITypeLib_GetTypeInfoOfGuid(tl, guid, &ti), S_OK);
    ITypeLib_Release(tl);
    return ti;
}

/* The GUID GetGUID answers for coclass ti standing alone (no outer). */
static HRESULT default_source(ITypeInfo *ti, GUID *g)
{
    IUnknown *inner = NULL;
    IProvideClassInfo2 *pci = NULL;
    HRESULT hr = ComrtCreateProvideClassInfo(NULL, ti, &inner);
    if (FAILED(hr)) return hr;
    CHECK_HR(IUnknown_QueryInterface(inner, &IID_IProvideClassInfo2, (void **)&pci), S_OK);
    hr = pci ? IProvideClassInfo2_GetGUID(pci, GUIDKIND_DEFAULT_SOURCE_DISP_IID, g) : E_FAIL;
    if (pci) IProvideClassInfo2_Release(pci);
    CHECK_INT(IUnknown_Release(inner), 0);
    return hr;
}

TEST(fixture_coclasses)
{
    ITypeInfo *all = fixture_type(&CLSID_AllObject);
    ITypeInfo *hidden = fixture_type(&CLSID_HiddenObject);
    ITypeInfo *iface = fixture_type(&IID_IAllDual_probe);
    IUnknown *inner = (IUnknown *)(void *)1;
    GUID g = guid_n(0xEE), sentinel = guid_n(0xEE);

    if (all) {
        CHECK_HR(default_source(all, &g), S_OK);
        CHECK_GUID(g, DIID_DFromInterface);
    }
    if (hidden) {
        g = sentinel;
        CHECK_HR(default_source(hidden, &g), E_FAIL);
        CHECK_GUID(g, sentinel);
    }
    if (iface) {
        CHECK_HR(ComrtCreateProvideClassInfo(NULL, iface, &inner), E_INVALIDARG);
        CHECK(inner == NULL);
    }
    CHECK_HR(ComrtCreateProvideClassInfo(NULL, NULL, &inner), E_INVALIDARG);
    if (all) CHECK_HR(ComrtCreateProvideClassInfo(NULL, all, NULL), E_POINTER);
    if (all) ITypeInfo_Release(all);
    if (hidden) ITypeInfo_Release(hidden);
    if (iface) ITypeInfo_Release(iface);
}

TEST(aggregation)
{
    ITypeInfo *all = fixture_type(&CLSID_AllObject);
    outer o;
    IProvideClassInfo *pci = NULL;
    IProvideClassInfo2 *pci2 = NULL;
    ITypeInfo *got = NULL;
    IUnknown *u = NULL;
    GUID g, sentinel = guid_n(0xEE);

    if (!all) return;
    memset(&o, 0, sizeof o);
    o.iface.lpVtbl = &outer_vtbl;
    o.ref = 1;
    CHECK_HR(ComrtCreateProvideClassInfo(&o.iface, all, &o.inner), S_OK);
    if (!o.inner) goto out;
    CHECK_INT(o.ref, 1); /* the outer is not AddRef'ed */
    /* The inner answers for itself. */
    CHECK_HR(IUnknown_QueryInterface(o.inner, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == o.inner);
    CHECK_INT(IUnknown_Release(u), 1);
    CHECK_HR(IUnknown_QueryInterface(o.inner, &IID_IOuterThing, (void **)&u), E_NOINTERFACE);

    CHECK_HR(IUnknown_QueryInterface(&o.iface, &IID_IProvideClassInfo, (void **)&pci), S_OK);
    CHECK_HR(IUnknown_QueryInterface(&o.iface, &IID_IProvideClassInfo2, (void **)&pci2), S_OK);
    if (!pci || !pci2) goto out;
    CHECK(pci == (IProvideClassInfo *)pci2);
    CHECK_INT(o.ref, 3);
    /* IUnknown goes to the outer. */
    CHECK_HR(IProvideClassInfo_QueryInterface(pci, &IID_IOuterThing, (void **)&u), S_OK);
    CHECK(u == &o.iface);
    if (u) IUnknown_Release(u);
    CHECK_HR(IProvideClassInfo_QueryInterface(pci, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == &o.iface);
    if (u) IUnknown_Release(u);
    CHECK_INT(IProvideClassInfo_AddRef(pci), 4);
    CHECK_INT(IProvideClassInfo_Release(pci), 3);

    CHECK_HR(IProvideClassInfo_GetClassInfo(pci, NULL), E_POINTER);
    CHECK_HR(IProvideClassInfo_GetClassInfo(pci, &got), S_OK);
    CHECK(got == all);
    if (got) ITypeInfo_Release(got);

    CHECK_HR(IProvideClassInfo2_GetGUID(pci2, GUIDKIND_DEFAULT_SOURCE_DISP_IID, NULL), E_POINTER);
    g = sentinel;
    CHECK_HR(IProvideClassInfo2_GetGUID(pci2, 0, &g), E_INVALIDARG);
    CHECK_HR(IProvideClassInfo2_GetGUID(pci2, 2, &g), E_INVALIDARG);
    CHECK_GUID(g, sentinel);
    CHECK_HR(IProvideClassInfo2_GetGUID(pci2, GUIDKIND_DEFAULT_SOURCE_DISP_IID, &g), S_OK);
    CHECK_GUID(g, DIID_DFromInterface);

    IProvideClassInfo_Release(pci);
    IProvideClassInfo2_Release(pci2);
    pci = NULL;
    pci2 = NULL;
    CHECK_INT(IUnknown_Release(&o.iface), 0);
    CHECK(o.destroyed);
out:
    if (pci) IProvideClassInfo_Release(pci);
    if (pci2) IProvideClassInfo2_Release(pci2);
    if (!o.destroyed && o.inner) IUnknown_Release(o.inner);
    ITypeInfo_Release(all);
}

/* ---- coclasses built with CreateTypeLib2 -------------------------------- */

static ITypeInfo *stdole_type(const GUID *iid)
{
    ITypeLib *std = NULL;
    ITypeInfo *ti = NULL;
    if (LoadTypeLib(tlb_fixture("stdole2.tlb"), &std) != S_OK) return NULL;
    ITypeLib_GetTypeInfoOfGuid(std, iid, &ti);
    ITypeLib_Release(std);
    return ti;
}

/* A new interface name : base with flags (no members); *out receives its
 * ITypeInfo (caller Releases). */
static void make_iface(ICreateTypeLib2 *ctl, const char *name, unsigned n, ITypeInfo *base, UINT flags, TYPEKIND kind,
                       ITypeInfo **out)
{
    ICreateTypeInfo *cti = NULL;
    HREFTYPE href;
    GUID g = guid_n(n);
    *out = NULL;
    CHECK_HR(ICreateTypeLib2_CreateTypeInfo(ctl, W(name), kind, &cti), S_OK);
    if (!cti) return;
    CHECK_HR(ICreateTypeInfo_SetGuid(cti, &g), S_OK);
    if (flags) CHECK_HR(ICreateTypeInfo_SetTypeFlags(cti, flags), S_OK);
    CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, base, &href), S_OK);
    CHECK_HR(ICreateTypeInfo_AddImplType(cti, 0, href), S_OK);
    CHECK_HR(ICreateTypeInfo_LayOut(cti), S_OK);
    CHECK_HR(ICreateTypeInfo_QueryInterface(cti, &IID_ITypeInfo, (void **)out), S_OK);
    ICreateTypeInfo_Release(cti);
}

/* A new coclass implementing n interfaces with their impl-type flags. */
static ITypeInfo *make_coclass(ICreateTypeLib2 *ctl, const char *name, unsigned g_n, UINT n, ITypeInfo **ifaces,
                               const INT *flags)
{
    ICreateTypeInfo *cti = NULL;
    ITypeInfo *ti = NULL;
    GUID g = guid_n(g_n);
    CHECK_HR(ICreateTypeLib2_CreateTypeInfo(ctl, W(name), TKIND_COCLASS, &cti), S_OK);
    if (!cti) return NULL;
    CHECK_HR(ICreateTypeInfo_SetGuid(cti, &g), S_OK);
    for (UINT i = 0; i < n; i++) {
        HREFTYPE href;
        CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, ifaces[i], &href), S_OK);
        CHECK_HR(ICreateTypeInfo_AddImplType(cti, i, href), S_OK);
        CHECK_HR(ICreateTypeInfo_SetImplTypeFlags(cti, i, flags[i]), S_OK);
    }
    CHECK_HR(ICreateTypeInfo_LayOut(cti), S_OK);
    CHECK_HR(ICreateTypeInfo_QueryInterface(cti, &IID_ITypeInfo, (void **)&ti), S_OK);
    ICreateTypeInfo_Release(cti);
    return ti;
}

TEST(created_coclasses)
{
    ITypeInfo *unk = stdole_type(&IID_IUnknown), *disp = stdole_type(&IID_IDispatch);
    ICreateTypeLib2 *ctl = NULL;
    ITypeInfo *plain = NULL, *dual = NULL, *viabase = NULL, *dispi = NULL;
    ITypeInfo *c_plain = NULL, *c_dual = NULL, *c_via = NULL, *c_disp = NULL, *c_none = NULL;
    GUID g, sentinel = guid_n(0xEE);
    const INT def = IMPLTYPEFLAG_FDEFAULT, src = IMPLTYPEFLAG_FSOURCE, defsrc = IMPLTYPEFLAG_FDEFAULT | IMPLTYPEFLAG_FSOURCE;

    CHECK(unk && disp);
    if (!unk || !disp) goto out;
    CHECK_HR(CreateTypeLib2(SYS_WIN64, W("classinfo.tlb"), &ctl), S_OK);
    if (!ctl) goto out;
    make_iface(ctl, "IPlain", 1, unk, 0, TKIND_INTERFACE, &plain);
    make_iface(ctl, "IDualSrc", 2, disp, TYPEFLAG_FDUAL | TYPEFLAG_FOLEAUTOMATION | TYPEFLAG_FDISPATCHABLE,
               TKIND_INTERFACE, &dual);
    make_iface(ctl, "IViaBase", 3, dual, 0, TKIND_INTERFACE, &viabase);
    make_iface(ctl, "DSrc", 4, disp, 0, TKIND_DISPATCH, &dispi);
    if (!plain || !dual || !viabase || !dispi) goto out;
    {
        ITypeInfo *i1[2] = {dual, plain};
        INT f1[2] = {def, defsrc};
        ITypeInfo *i2[3] = {dual, plain, dual};
        INT f2[3] = {def, src, defsrc};
        ITypeInfo *i3[1] = {viabase};
        INT f3[1] = {defsrc};
        ITypeInfo *i4[3] = {dispi, plain, dispi};
        INT f4[3] = {src, def, defsrc};
        ITypeInfo *i5[2] = {dispi, plain};
        INT f5[2] = {src, def};
        c_plain = make_coclass(ctl, "CPlain", 11, 2, i1, f1);
        c_dual = make_coclass(ctl, "CDual", 12, 3, i2, f2);
        c_via = make_coclass(ctl, "CVia", 13, 1, i3, f3);
        c_disp = make_coclass(ctl, "CDisp", 14, 3, i4, f4);
        c_none = make_coclass(ctl, "CNone", 15, 2, i5, f5);
    }
    /* A default source that is a plain vtable interface is no
     * dispinterface: no GUID of that kind. */
    if (c_plain) {
        g = sentinel;
        CHECK_HR(default_source(c_plain, &g), E_FAIL);
        CHECK_GUID(g, sentinel);
    }
    /* The [default, source] one, not the [source] one before it. */
    if (c_dual) {
        GUID want = guid_n(2);
        CHECK_HR(default_source(c_dual, &g), S_OK);
        CHECK_GUID(g, want);
    }
    /* Derived from IDispatch through its base. */
    if (c_via) {
        GUID want = guid_n(3);
        CHECK_HR(default_source(c_via, &g), S_OK);
        CHECK_GUID(g, want);
    }
    if (c_disp) {
        GUID want = guid_n(4);
        CHECK_HR(default_source(c_disp, &g), S_OK);
        CHECK_GUID(g, want);
    }
    /* A source that is not the default is not the default source. */
    if (c_none) {
        g = sentinel;
        CHECK_HR(default_source(c_none, &g), E_FAIL);
        CHECK_GUID(g, sentinel);
    }
out:
    if (c_plain) ITypeInfo_Release(c_plain);
    if (c_dual) ITypeInfo_Release(c_dual);
    if (c_via) ITypeInfo_Release(c_via);
    if (c_disp) ITypeInfo_Release(c_disp);
    if (c_none) ITypeInfo_Release(c_none);
    if (plain) ITypeInfo_Release(plain);
    if (dual) ITypeInfo_Release(dual);
    if (viabase) ITypeInfo_Release(viabase);
    if (dispi) ITypeInfo_Release(dispi);
    if (ctl) ICreateTypeLib2_Release(ctl);
    if (unk) ITypeInfo_Release(unk);
    if (disp) ITypeInfo_Release(disp);
}

int main(void)
{
    RUN(fixture_coclasses);
    RUN(aggregation);
    RUN(created_coclasses);
    return comrt_test_summary();
}
