/*
 * test_enum.c — the standard enumerators (lib/runtime/enum.c):
 * ComrtCreateEnumVARIANT and ComrtCreateEnumUnknown — Next's S_OK/S_FALSE,
 * its pceltFetched rule (NULL only for celt 1), Skip past the end, Reset,
 * Clone (shared items, own position), QueryInterface, the references the
 * items hold — and the shared core's undo when an element fails to copy
 * mid-way (through a test kind, since VARIANT copies of live data do not
 * fail on demand).
 */
#define COBJMACROS
#include "../comrt_test.h"
#include "runtime/enum_internal.h"

/* ---- a counted IUnknown ------------------------------------------------- */

typedef struct {
    IUnknown iface;
    LONG ref;
} tobj;

static HRESULT STDMETHODCALLTYPE tobj_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown)) return E_NOINTERFACE;
    IUnknown_AddRef(This);
    *ppv = This;
    return S_OK;
}
static ULONG STDMETHODCALLTYPE tobj_AddRef(IUnknown *This) { return (ULONG)__atomic_add_fetch(&((tobj *)This)->ref, 1, __ATOMIC_SEQ_CST); }
static ULONG STDMETHODCALLTYPE tobj_Release(IUnknown *This) { return (ULONG)__atomic_sub_fetch(&((tobj *)This)->ref, 1, __ATOMIC_SEQ_CST); }
static const IUnknownVtbl tobj_vtbl = {tobj_QueryInterface, tobj_AddRef, tobj_Release};
static void tobj_init(tobj *o) { o->iface.lpVtbl = &tobj_vtbl; o->ref = 1; }

static BSTR bstr(const char *s)
{
    OLECHAR buf[64];
    size_t i = 0;
    for (; s[i] && i < 63; i++) buf[i] = (OLECHAR)s[i];
    buf[i] = 0;
    return SysAllocString(buf);
}

/* ---- IEnumVARIANT ------------------------------------------------------- */

TEST(enumvariant_next)
{
    tobj o;
    VARIANT items[4], out[5];
    IEnumVARIANT *e = NULL;
    ULONG fetched = 99;

    tobj_init(&o);
    V_VT(&items[0]) = VT_I4;
    V_I4(&items[0]) = 10;
    V_VT(&items[1]) = VT_BSTR;
    V_BSTR(&items[1]) = bstr("two");
    V_VT(&items[2]) = VT_UNKNOWN;
    V_UNKNOWN(&items[2]) = &o.iface;
    V_VT(&items[3]) = VT_EMPTY;
    CHECK_HR(ComrtCreateEnumVARIANT(4, items, &e), S_OK);
    if (!e) return;
    /* Copies: the caller's array is its own. */
    CHECK_INT(o.ref, 2);
    SysFreeString(V_BSTR(&items[1]));

    /* celt 1 may omit pceltFetched. */
    CHECK_HR(IEnumVARIANT_Next(e, 1, out, NULL), S_OK);
    CHECK_INT(V_VT(&out[0]), VT_I4);
    CHECK_INT(V_I4(&out[0]), 10);
    /* celt > 1 may not; nothing is fetched and the position stays. */
    V_VT(&out[0]) = VT_ERROR;
    CHECK_HR(IEnumVARIANT_Next(e, 2, out, NULL), E_POINTER);
    CHECK_INT(V_VT(&out[0]), VT_ERROR);
    /* celt 0 fetches nothing, successfully. */
    CHECK_HR(IEnumVARIANT_Next(e, 0, out, &fetched), S_OK);
    CHECK_INT(fetched, 0);
    /* NULL array with elements asked for. */
    fetched = 99;
    CHECK_HR(IEnumVARIANT_Next(e, 2, NULL, &fetched), E_POINTER);
    CHECK_INT(fetched, 0);

    CHECK_HR(IEnumVARIANT_Next(e, 2, out, &fetched), S_OK);
    CHECK_INT(fetched, 2);
    CHECK_INT(V_VT(&out[0]), VT_BSTR);
    CHECK_WSTR(V_BSTR(&out[0]), "two");
    CHECK_INT(V_VT(&out[1]), VT_UNKNOWN);
    CHECK(V_UNKNOWN(&out[1]) == &o.iface);
    CHECK_INT(o.ref, 3); /* the caller's copy holds one */
    VariantClear(&out[0]);
    VariantClear(&out[1]);
    CHECK_INT(o.ref, 2);

    /* Fewer than asked: S_FALSE with the count. */
    CHECK_HR(IEnumVARIANT_Next(e, 5, out, &fetched), S_FALSE);
    CHECK_INT(fetched, 1);
    CHECK_INT(V_VT(&out[0]), VT_EMPTY);
    /* At the end. */
    fetched = 99;
    CHECK_HR(IEnumVARIANT_Next(e, 1, out, &fetched), S_FALSE);
    CHECK_INT(fetched, 0);
    CHECK_HR(IEnumVARIANT_Next(e, 1, out, NULL), S_FALSE);

    CHECK_HR(IEnumVARIANT_Reset(e), S_OK);
    CHECK_HR(IEnumVARIANT_Next(e, 4, out, &fetched), S_OK);
    CHECK_INT(fetched, 4);
    for (int i = 0; i < 4; i++) VariantClear(&out[i]);

    CHECK_INT(IEnumVARIANT_Release(e), 0);
    CHECK_INT(o.ref, 1);
}

TEST(enumvariant_skip_reset)
{
    VARIANT items[3], v;
    IEnumVARIANT *e = NULL;
    for (int i = 0; i < 3; i++) {
        V_VT(&items[i]) = VT_I4;
        V_I4(&items[i]) = i;
    }
    CHECK_HR(ComrtCreateEnumVARIANT(3, items, &e), S_OK);
    if (!e) return;
    CHECK_HR(IEnumVARIANT_Skip(e, 0), S_OK);
    CHECK_HR(IEnumVARIANT_Skip(e, 2), S_OK);
    CHECK_HR(IEnumVARIANT_Next(e, 1, &v, NULL), S_OK);
    CHECK_INT(V_I4(&v), 2);
    CHECK_HR(IEnumVARIANT_Reset(e), S_OK);
    /* Skipping exactly to the end skipped celt elements: S_OK. */
    CHECK_HR(IEnumVARIANT_Skip(e, 3), S_OK);
    CHECK_HR(IEnumVARIANT_Next(e, 1, &v, NULL), S_FALSE);
    CHECK_HR(IEnumVARIANT_Reset(e), S_OK);
    /* Past the end: S_FALSE, and the position is the end. */
    CHECK_HR(IEnumVARIANT_Skip(e, 1), S_OK);
    CHECK_HR(IEnumVARIANT_Skip(e, 5), S_FALSE);
    CHECK_HR(IEnumVARIANT_Next(e, 1, &v, NULL), S_FALSE);
    CHECK_HR(IEnumVARIANT_Skip(e, 0xFFFFFFFFu), S_FALSE);
    CHECK_HR(IEnumVARIANT_Reset(e), S_OK);
    CHECK_HR(IEnumVARIANT_Next(e, 1, &v, NULL), S_OK);
    CHECK_INT(V_I4(&v), 0);
    CHECK_INT(IEnumVARIANT_Release(e), 0);
}

TEST(enumvariant_clone)
{
    tobj o;
    VARIANT items[3], v;
    IEnumVARIANT *e = NULL, *c = NULL, *cc = NULL;
    ULONG fetched;

    tobj_init(&o);
    for (int i = 0; i < 2; i++) {
        V_VT(&items[i]) = VT_I4;
        V_I4(&items[i]) = i;
    }
    V_VT(&items[2]) = VT_UNKNOWN;
    V_UNKNOWN(&items[2]) = &o.iface;
    CHECK_HR(ComrtCreateEnumVARIANT(3, items, &e), S_OK);
    if (!e) return;
    CHECK_HR(IEnumVARIANT_Next(e, 1, &v, NULL), S_OK);
    CHECK_HR(IEnumVARIANT_Clone(e, NULL), E_POINTER);
    CHECK_HR(IEnumVARIANT_Clone(e, &c), S_OK);
    if (!c) goto out;
    CHECK(c != e);
    /* The clone shares the copies (no new reference on the item). */
    CHECK_INT(o.ref, 2);
    /* Same position as the original at the time of cloning... */
    CHECK_HR(IEnumVARIANT_Next(c, 1, &v, NULL), S_OK);
    CHECK_INT(V_I4(&v), 1);
    /* ...then its own: the original has not moved. */
    CHECK_HR(IEnumVARIANT_Next(e, 1, &v, NULL), S_OK);
    CHECK_INT(V_I4(&v), 1);
    CHECK_HR(IEnumVARIANT_Reset(c), S_OK);
    CHECK_HR(IEnumVARIANT_Next(e, 1, &v, NULL), S_OK);
    CHECK_INT(V_VT(&v), VT_UNKNOWN);
    VariantClear(&v);
    CHECK_HR(IEnumVARIANT_Next(c, 1, &v, NULL), S_OK);
    CHECK_INT(V_I4(&v), 0);
    /* A clone outlives the original; a clone of a clone too. */
    CHECK_INT(IEnumVARIANT_Release(e), 0);
    e = NULL;
    CHECK_INT(o.ref, 2);
    CHECK_HR(IEnumVARIANT_Clone(c, &cc), S_OK);
    CHECK_INT(IEnumVARIANT_Release(c), 0);
    c = NULL;
    if (!cc) goto out;
    CHECK_HR(IEnumVARIANT_Next(cc, 3, items, &fetched), S_FALSE);
    CHECK_INT(fetched, 2);
    CHECK_INT(V_I4(&items[0]), 1);
    CHECK(V_UNKNOWN(&items[1]) == &o.iface);
    VariantClear(&items[1]);
    CHECK_INT(IEnumVARIANT_Release(cc), 0);
    cc = NULL;
    CHECK_INT(o.ref, 1);
out:
    if (e) IEnumVARIANT_Release(e);
    if (c) IEnumVARIANT_Release(c);
    if (cc) IEnumVARIANT_Release(cc);
}

TEST(enumvariant_qi_and_args)
{
    IEnumVARIANT *e = NULL;
    IUnknown *u = NULL;
    void *p = NULL;
    VARIANT bad;

    CHECK_HR(ComrtCreateEnumVARIANT(0, NULL, NULL), E_POINTER);
    CHECK_HR(ComrtCreateEnumVARIANT(1, NULL, &e), E_INVALIDARG);
    CHECK(e == NULL);
    /* A VARIANT VariantCopy refuses fails the creation. */
    V_VT(&bad) = 0x7FFF;
    CHECK(FAILED(ComrtCreateEnumVARIANT(1, &bad, &e)));
    CHECK(e == NULL);

    CHECK_HR(ComrtCreateEnumVARIANT(0, NULL, &e), S_OK);
    if (!e) return;
    CHECK_HR(IEnumVARIANT_QueryInterface(e, &IID_IUnknown, (void **)&u), S_OK);
    CHECK(u == (IUnknown *)e);
    CHECK_INT(IUnknown_Release(u), 1);
    CHECK_HR(IEnumVARIANT_QueryInterface(e, &IID_IEnumVARIANT, &p), S_OK);
    CHECK_INT(IEnumVARIANT_Release((IEnumVARIANT *)p), 1);
    p = (void *)1;
    CHECK_HR(IEnumVARIANT_QueryInterface(e, &IID_IEnumUnknown, &p), E_NOINTERFACE);
    CHECK(p == NULL);
    CHECK_INT(IEnumVARIANT_AddRef(e), 2);
    CHECK_INT(IEnumVARIANT_Release(e), 1);
    {
        VARIANT v;
        ULONG fetched = 7;
        CHECK_HR(IEnumVARIANT_Next(e, 1, &v, &fetched), S_FALSE);
        CHECK_INT(fetched, 0);
        CHECK_HR(IEnumVARIANT_Skip(e, 1), S_FALSE);
    }
    CHECK_INT(IEnumVARIANT_Release(e), 0);
}

/* ---- IEnumUnknown ------------------------------------------------------- */

TEST(enumunknown)
{
    tobj a, b;
    IUnknown *items[3], *out[4];
    IEnumUnknown *e = NULL, *c = NULL;
    ULONG fetched;
    void *p = NULL;

    tobj_init(&a);
    tobj_init(&b);
    items[0] = &a.iface;
    items[1] = NULL; /* allowed */
    items[2] = &b.iface;
    CHECK_HR(ComrtCreateEnumUnknown(3, items, &e), S_OK);
    if (!e) return;
    CHECK_INT(a.ref, 2);
    CHECK_INT(b.ref, 2);
    CHECK_HR(IEnumUnknown_QueryInterface(e, &IID_IEnumUnknown, &p), S_OK);
    if (p) IEnumUnknown_Release((IEnumUnknown *)p);
    CHECK_HR(IEnumUnknown_QueryInterface(e, &IID_IEnumVARIANT, &p), E_NOINTERFACE);

    CHECK_HR(IEnumUnknown_Next(e, 2, out, &fetched), S_OK);
    CHECK_INT(fetched, 2);
    CHECK(out[0] == &a.iface);
    CHECK(out[1] == NULL);
    CHECK_INT(a.ref, 3);
    IUnknown_Release(out[0]);
    CHECK_HR(IEnumUnknown_Clone(e, &c), S_OK);
    CHECK_HR(IEnumUnknown_Next(e, 4, out, &fetched), S_FALSE);
    CHECK_INT(fetched, 1);
    CHECK(out[0] == &b.iface);
    IUnknown_Release(out[0]);
    if (c) {
        CHECK_HR(IEnumUnknown_Next(c, 1, out, NULL), S_OK);
        CHECK(out[0] == &b.iface);
        IUnknown_Release(out[0]);
        CHECK_HR(IEnumUnknown_Skip(c, 1), S_FALSE);
        CHECK_INT(IEnumUnknown_Release(c), 0);
    }
    CHECK_INT(IEnumUnknown_Release(e), 0);
    CHECK_INT(a.ref, 1);
    CHECK_INT(b.ref, 1);
}

/* ---- the core: a copy that fails mid-way -------------------------------- */

static IUnknown *poison; /* copying this element fails while set */

static HRESULT failing_copy(void *dst, const void *src)
{
    if (*(IUnknown *const *)src && *(IUnknown *const *)src == poison) return E_OUTOFMEMORY;
    return comrt__enum_unknown_copy(dst, src);
}

COMRT__ENUM_VTBL(fe, IEnumUnknown, IUnknown *);
static const comrt__enum_kind fe_kind = {&IID_IEnumUnknown, &fe_vtbl, sizeof(IUnknown *), failing_copy,
                                         comrt__enum_unknown_clear};

TEST(core_copy_failure)
{
    tobj a, b, c;
    IUnknown *items[3], *out[3];
    IEnumUnknown *e = NULL;
    ULONG fetched = 99;

    tobj_init(&a);
    tobj_init(&b);
    tobj_init(&c);
    items[0] = &a.iface;
    items[1] = &b.iface;
    items[2] = &c.iface;

    /* Failing while filling the shared block: nothing is kept. */
    poison = &c.iface;
    CHECK_HR(comrt__enum_create(&fe_kind, 3, items, (void **)&e), E_OUTOFMEMORY);
    CHECK(e == NULL);
    CHECK_INT(a.ref, 1);
    CHECK_INT(b.ref, 1);

    poison = NULL;
    CHECK_HR(comrt__enum_create(&fe_kind, 3, items, (void **)&e), S_OK);
    if (!e) return;
    CHECK_HR(IEnumUnknown_Skip(e, 1), S_OK);
    /* b copies, c fails: b's copy is undone, nothing fetched, the position
     * stays at b. */
    poison = &c.iface;
    out[0] = out[1] = (IUnknown *)(void *)1;
    CHECK_HR(IEnumUnknown_Next(e, 2, out, &fetched), E_OUTOFMEMORY);
    CHECK_INT(fetched, 0);
    CHECK_INT(b.ref, 2); /* the block's reference only */
    poison = NULL;
    CHECK_HR(IEnumUnknown_Next(e, 3, out, &fetched), S_FALSE);
    CHECK_INT(fetched, 2);
    CHECK(out[0] == &b.iface);
    CHECK(out[1] == &c.iface);
    IUnknown_Release(out[0]);
    IUnknown_Release(out[1]);
    CHECK_INT(IEnumUnknown_Release(e), 0);
    CHECK_INT(a.ref, 1);
    CHECK_INT(b.ref, 1);
    CHECK_INT(c.ref, 1);
}

int main(void)
{
    RUN(enumvariant_next);
    RUN(enumvariant_skip_reset);
    RUN(enumvariant_clone);
    RUN(enumvariant_qi_and_args);
    RUN(enumunknown);
    RUN(core_copy_failure);
    return comrt_test_summary();
}
