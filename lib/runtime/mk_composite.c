/*
 * runtime/mk_composite.c — generic composite monikers (a sequence of
 * monikers, each naming something inside what the ones to its left name):
 * CreateGenericComposite and the composite kind.  A composite is kept flat
 * (its parts are never composites) and has at least two parts.  Binding
 * looks in the running object table for the whole first, then binds the
 * last part with the rest as its left moniker.  Stream form (as ole32's):
 * ULONG part count, then each part as its CLSID and its own stream form.
 */
#include "moniker_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>

static void comp_destroy(comrt_moniker *m)
{
    ULONG i;
    for (i = 0; i < m->u.comp.count; i++) IMoniker_Release(m->u.comp.parts[i]);
    free(m->u.comp.parts);
    m->u.comp.parts = NULL;
    m->u.comp.count = 0;
}

/* A composite of parts[0..n) taking over the references in parts (n >= 2;
 * parts itself is copied, the caller keeps the array).  On failure the
 * references are released. */
static HRESULT comp_from_parts(IMoniker **parts, ULONG n, IMoniker **out)
{
    comrt_moniker *m = comrt__mk_alloc(&comrt__mk_composite_kind);
    ULONG i;
    if (m) m->u.comp.parts = malloc(n * sizeof(IMoniker *));
    if (!m || !m->u.comp.parts) {
        free(m);
        for (i = 0; i < n; i++) IMoniker_Release(parts[i]);
        return E_OUTOFMEMORY;
    }
    memcpy(m->u.comp.parts, parts, n * sizeof(IMoniker *));
    m->u.comp.count = n;
    *out = &m->IMoniker_iface;
    return S_OK;
}

/* The result of a list of parts with our references: NULL for none, the
 * part itself for one, a composite for more. */
static HRESULT from_list(IMoniker **parts, ULONG n, IMoniker **out)
{
    if (n == 0) {
        *out = NULL;
        return S_OK;
    }
    if (n == 1) {
        *out = parts[0];
        return S_OK;
    }
    return comp_from_parts(parts, n, out);
}

/* *parts and *n: the parts of pmk (borrowed): a composite's, or pmk alone. */
static void parts_of(IMoniker **one, IMoniker *pmk, IMoniker ***parts, ULONG *n)
{
    comrt_moniker *c = comrt__mk_from(pmk, &comrt__mk_composite_kind);
    if (c) {
        *parts = c->u.comp.parts;
        *n = c->u.comp.count;
    } else {
        *one = pmk;
        *parts = one;
        *n = 1;
    }
}

/* *ppmkComposite receives pmkFirst followed by pmkRest (caller Releases):
 * the other one when either is NULL; otherwise their parts in one flat
 * composite, the two that meet composed first when the left one composes
 * with the right without a generic composite (file paths join; a NULL
 * result removes both).  E_INVALIDARG when both are NULL. */
HRESULT CreateGenericComposite(LPMONIKER pmkFirst, LPMONIKER pmkRest, LPMONIKER *ppmkComposite)
{
    IMoniker *one_a, *one_b, **pa, **pb, **all = NULL, *joined = NULL;
    ULONG na, nb, n = 0, i;
    HRESULT hr;

    if (!ppmkComposite) return E_INVALIDARG;
    *ppmkComposite = NULL;
    if (!pmkFirst && !pmkRest) return E_INVALIDARG;
    if (!pmkFirst || !pmkRest) {
        *ppmkComposite = pmkFirst ? pmkFirst : pmkRest;
        IMoniker_AddRef(*ppmkComposite);
        return S_OK;
    }
    parts_of(&one_a, pmkFirst, &pa, &na);
    parts_of(&one_b, pmkRest, &pb, &nb);
    if ((ULONG64)na + nb > COMRT_MK_PARTS_MAX) return E_OUTOFMEMORY;
    all = malloc((na + nb) * sizeof *all);
    if (!all) return E_OUTOFMEMORY;
    hr = IMoniker_ComposeWith(pa[na - 1], pb[0], TRUE, &joined);
    for (i = 0; i + 1 < na; i++) all[n++] = pa[i];
    if (hr == S_OK) {
        if (joined) all[n++] = joined;
    } else {
        if (joined) IMoniker_Release(joined);
        joined = NULL;
        all[n++] = pa[na - 1];
        all[n++] = pb[0];
    }
    for (i = 1; i < nb; i++) all[n++] = pb[i];
    for (i = 0; i < n; i++)
        if (all[i] != joined) IMoniker_AddRef(all[i]);
    hr = from_list(all, n, ppmkComposite);
    free(all);
    return hr;
}

static HRESULT comp_display(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, LPOLESTR *out)
{
    LPOLESTR acc = NULL, part = NULL, grown;
    size_t len = 0, n;
    ULONG i;
    HRESULT hr = S_OK;
    (void)left;

    acc = CoTaskMemAlloc(sizeof(WCHAR));
    if (!acc) return E_OUTOFMEMORY;
    acc[0] = 0;
    for (i = 0; i < m->u.comp.count; i++) {
        hr = IMoniker_GetDisplayName(m->u.comp.parts[i], pbc, NULL, &part);
        if (FAILED(hr)) goto out;
        n = comrt__utf16_len(part);
        if (len + n > COMRT_MK_NAME_MAX) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        grown = CoTaskMemRealloc(acc, (len + n + 1) * sizeof(WCHAR));
        if (!grown) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        acc = grown;
        memcpy(acc + len, part, n * sizeof(WCHAR));
        len += n;
        acc[len] = 0;
        CoTaskMemFree(part);
        part = NULL;
    }
    *out = acc;
    acc = NULL;
out:
    CoTaskMemFree(part);
    CoTaskMemFree(acc);
    return hr;
}

/* The whole composite in the ROT (when nothing is to its left); else the
 * last part bound with the rest (after left) as its left moniker. */
static HRESULT comp_bind(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, REFIID riid, void **ppv)
{
    IMoniker *rest = NULL, *full_left = NULL, **copy = NULL;
    ULONG n = m->u.comp.count, i;
    HRESULT hr;

    if (!left) {
        hr = comrt__mk_rot_lookup(pbc, &m->IMoniker_iface, riid, ppv);
        if (hr != MK_E_UNAVAILABLE) return hr;
    }
    copy = malloc((n - 1) * sizeof *copy);
    if (!copy) return E_OUTOFMEMORY;
    for (i = 0; i + 1 < n; i++) {
        copy[i] = m->u.comp.parts[i];
        IMoniker_AddRef(copy[i]);
    }
    hr = from_list(copy, n - 1, &rest);
    free(copy);
    if (FAILED(hr)) goto out;
    if (left) {
        hr = CreateGenericComposite(left, rest, &full_left);
        if (FAILED(hr)) goto out;
    } else {
        full_left = rest;
        IMoniker_AddRef(full_left);
    }
    hr = IMoniker_BindToObject(m->u.comp.parts[n - 1], pbc, full_left, riid, ppv);
out:
    if (full_left) IMoniker_Release(full_left);
    if (rest) IMoniker_Release(rest);
    return hr;
}

static HRESULT comp_save(comrt_moniker *m, IStream *stm)
{
    ULONG i;
    CLSID clsid;
    HRESULT hr = comrt__mk_write(stm, &m->u.comp.count, sizeof(ULONG));
    for (i = 0; SUCCEEDED(hr) && i < m->u.comp.count; i++) {
        hr = IMoniker_GetClassID(m->u.comp.parts[i], &clsid);
        if (SUCCEEDED(hr)) hr = comrt__mk_write(stm, &clsid, sizeof clsid);
        if (SUCCEEDED(hr)) hr = IMoniker_Save(m->u.comp.parts[i], stm, FALSE);
    }
    return hr;
}

/* A fresh, empty moniker of the system class clsid, for Load to fill;
 * other classes are created with CoCreateInstance, as OleLoadFromStream
 * does. */
static HRESULT moniker_for_class(const CLSID *clsid, IMoniker **out)
{
    static const comrt_mk_kind *const kinds[] = {&comrt__mk_class_kind, &comrt__mk_new_kind, &comrt__mk_item_kind,
                                                 &comrt__mk_file_kind};
    size_t i;
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (IsEqualGUID(clsid, kinds[i]->clsid)) {
            comrt_moniker *m = comrt__mk_alloc(kinds[i]);
            if (!m) return E_OUTOFMEMORY;
            if (kinds[i] == &comrt__mk_item_kind) {
                m->u.item.delim = comrt__mk_wcsdup(u"");
                m->u.item.name = comrt__mk_wcsdup(u"");
                if (!m->u.item.delim || !m->u.item.name) {
                    IMoniker_Release(&m->IMoniker_iface);
                    return E_OUTOFMEMORY;
                }
            } else if (kinds[i] == &comrt__mk_file_kind) {
                m->u.path = comrt__mk_wcsdup(u"");
                if (!m->u.path) {
                    IMoniker_Release(&m->IMoniker_iface);
                    return E_OUTOFMEMORY;
                }
            }
            *out = &m->IMoniker_iface;
            return S_OK;
        }
    }
    if (IsEqualGUID(clsid, &comrt__clsid_composite_moniker)) return E_FAIL; /* parts are never composites */
    return CoCreateInstance(clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IMoniker, (void **)out);
}

/* E_FAIL for fewer than two or more than COMRT_MK_PARTS_MAX parts. */
static HRESULT comp_load(comrt_moniker *m, IStream *stm)
{
    IMoniker **parts = NULL;
    ULONG count, n = 0, i;
    CLSID clsid;
    HRESULT hr = comrt__mk_read(stm, &count, sizeof count);
    if (FAILED(hr)) goto out;
    hr = E_FAIL;
    if (count < 2 || count > COMRT_MK_PARTS_MAX) goto out;
    parts = malloc(count * sizeof *parts);
    if (!parts) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    for (n = 0; n < count; n++) {
        hr = comrt__mk_read(stm, &clsid, sizeof clsid);
        if (SUCCEEDED(hr)) hr = moniker_for_class(&clsid, &parts[n]);
        if (FAILED(hr)) goto out;
        hr = IMoniker_Load(parts[n], stm);
        if (FAILED(hr)) {
            IMoniker_Release(parts[n]);
            goto out;
        }
    }
    comp_destroy(m);
    m->u.comp.parts = parts;
    m->u.comp.count = count;
    parts = NULL;
    n = 0;
out:
    for (i = 0; i < n; i++) IMoniker_Release(parts[i]);
    free(parts);
    return hr;
}

static ULONG comp_size_max(comrt_moniker *m)
{
    ULONG64 total = sizeof(ULONG);
    ULARGE_INTEGER one;
    ULONG i;
    for (i = 0; i < m->u.comp.count; i++) {
        total += sizeof(CLSID);
        if (SUCCEEDED(IMoniker_GetSizeMax(m->u.comp.parts[i], &one))) total += one.QuadPart;
    }
    return total > 0xFFFFFFFFu ? 0xFFFFFFFFu : (ULONG)total;
}

static BOOL comp_equal(comrt_moniker *m, comrt_moniker *o)
{
    ULONG i;
    if (m->u.comp.count != o->u.comp.count) return FALSE;
    for (i = 0; i < m->u.comp.count; i++)
        if (IMoniker_IsEqual(m->u.comp.parts[i], o->u.comp.parts[i]) != S_OK) return FALSE;
    return TRUE;
}

static DWORD comp_hash(comrt_moniker *m)
{
    DWORD h = 0, one;
    ULONG i;
    for (i = 0; i < m->u.comp.count; i++)
        if (SUCCEEDED(IMoniker_Hash(m->u.comp.parts[i], &one))) h ^= one;
    return h;
}

/* The leading parts both share (compared with IsEqual): MK_S_US when all,
 * MK_S_ME / MK_S_HIM when one of them is the prefix, MK_E_NOPREFIX when
 * none. */
static HRESULT comp_prefix(comrt_moniker *m, IMoniker *other, IMoniker **out)
{
    IMoniker *one, **po, **copy;
    ULONG no, c = 0, i;
    HRESULT hr;

    parts_of(&one, other, &po, &no);
    while (c < m->u.comp.count && c < no && IMoniker_IsEqual(m->u.comp.parts[c], po[c]) == S_OK) c++;
    if (c == 0) return MK_E_NOPREFIX;
    if (c == m->u.comp.count) {
        IMoniker_AddRef(&m->IMoniker_iface);
        *out = &m->IMoniker_iface;
        return c == no ? MK_S_US : MK_S_ME;
    }
    if (c == no) {
        IMoniker_AddRef(other);
        *out = other;
        return MK_S_HIM;
    }
    copy = malloc(c * sizeof *copy);
    if (!copy) return E_OUTOFMEMORY;
    for (i = 0; i < c; i++) {
        copy[i] = m->u.comp.parts[i];
        IMoniker_AddRef(copy[i]);
    }
    hr = from_list(copy, c, out);
    free(copy);
    return hr;
}

static HRESULT comp_enumerate(comrt_moniker *m, BOOL forward, IEnumMoniker **out)
{
    return comrt__mk_enum_create(m->u.comp.count, m->u.comp.parts, forward, out);
}

const comrt_mk_kind comrt__mk_composite_kind = {
    .mksys = MKSYS_GENERICCOMPOSITE,
    .clsid = &comrt__clsid_composite_moniker,
    .destroy = comp_destroy,
    .display = comp_display,
    .bind = comp_bind,
    .save = comp_save,
    .load = comp_load,
    .size_max = comp_size_max,
    .equal = comp_equal,
    .hash = comp_hash,
    .prefix = comp_prefix,
    .enumerate = comp_enumerate,
};
