/*
 * runtime/enum.c — the array-enumerator core (enum_internal.h) and the two
 * standard enumerators built on it for server authors:
 * ComrtCreateEnumVARIANT (a collection's _NewEnum) and
 * ComrtCreateEnumUnknown.
 *
 * Next follows the IEnumXXXX contract: S_OK when celt elements came back,
 * S_FALSE when fewer; pceltFetched may be NULL only when celt is 1
 * (E_POINTER otherwise, as ATL's CComEnum answers); an element that fails
 * to copy mid-way undoes the copies already written, leaves the position
 * where it was and returns the failure.  Skip past the end stops at the
 * end with S_FALSE.  A Clone shares the items (one reference-counted
 * block) and has its own position.
 */
#define COBJMACROS
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "runtime/enum_internal.h"

/* The elements, shared by an enumerator and its clones; freed with the
 * last of them. */
typedef struct enum_items {
    LONG ref;
    const comrt__enum_kind *kind;
    ULONG count;
    unsigned char *data; /* count * kind->item_size bytes, each copied */
} enum_items;

struct comrt__enum {
    const void *lpVtbl; /* first: the interface pointer is the object */
    LONG ref;
    enum_items *items;
    pthread_mutex_t lock; /* guards pos: Next's read-copy-advance is one step */
    ULONG pos;
};

static void *item_at(const enum_items *it, ULONG i) { return it->data + (size_t)i * it->kind->item_size; }

static void items_release(enum_items *it)
{
    if (comrt__ref_dec(&it->ref)) return;
    for (ULONG i = 0; i < it->count; i++) it->kind->clear(item_at(it, i));
    free(it->data);
    free(it);
}

/* A new enumerator over it (the caller's reference on it passes to the
 * enumerator) at position pos; NULL when out of memory (it is then
 * released). */
static comrt__enum *enum_new(enum_items *it, ULONG pos)
{
    comrt__enum *e = calloc(1, sizeof *e);
    if (!e) {
        items_release(it);
        return NULL;
    }
    e->lpVtbl = it->kind->vtbl;
    e->ref = 1;
    e->items = it;
    e->pos = pos;
    pthread_mutex_init(&e->lock, NULL);
    return e;
}

HRESULT comrt__enum_create(const comrt__enum_kind *kind, ULONG count, const void *items, void **ppEnum)
{
    HRESULT hr = S_OK;
    enum_items *it = NULL;
    comrt__enum *e;

    if (!ppEnum) {
        hr = E_POINTER;
        goto out;
    }
    if (count && !items) {
        hr = E_INVALIDARG;
        goto out;
    }
    it = calloc(1, sizeof *it);
    if (!it) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    it->ref = 1;
    it->kind = kind;
    if (count) {
        it->data = calloc(count, kind->item_size); /* calloc checks count * size */
        if (!it->data) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
    }
    for (ULONG i = 0; i < count; i++) {
        hr = kind->copy(item_at(it, i), (const unsigned char *)items + (size_t)i * kind->item_size);
        if (FAILED(hr)) goto out;
        it->count = i + 1; /* what items_release must undo */
    }
    e = enum_new(it, 0);
    it = NULL;
    if (!e) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    *ppEnum = e;
    hr = S_OK;
out:
    if (it) items_release(it);
    return hr;
}

HRESULT comrt__enum_query(comrt__enum *e, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, e->items->kind->iid)) return E_NOINTERFACE;
    comrt__ref_inc(&e->ref);
    *ppv = e;
    return S_OK;
}

ULONG comrt__enum_addref(comrt__enum *e) { return comrt__ref_inc(&e->ref); }

ULONG comrt__enum_release(comrt__enum *e)
{
    ULONG r = comrt__ref_dec(&e->ref);
    if (!r) {
        items_release(e->items);
        pthread_mutex_destroy(&e->lock);
        free(e);
    }
    return r;
}

HRESULT comrt__enum_next(comrt__enum *e, ULONG celt, void *rgelt, ULONG *pceltFetched)
{
    HRESULT hr = S_OK;
    const comrt__enum_kind *kind = e->items->kind;
    ULONG n = 0, avail;

    if (pceltFetched) *pceltFetched = 0;
    if ((!pceltFetched && celt != 1) || (celt && !rgelt)) return E_POINTER;
    pthread_mutex_lock(&e->lock);
    avail = e->items->count - e->pos;
    for (; n < celt && n < avail; n++) {
        hr = kind->copy((unsigned char *)rgelt + (size_t)n * kind->item_size, item_at(e->items, e->pos + n));
        if (FAILED(hr)) break;
    }
    if (FAILED(hr)) {
        /* Undo: the caller gets nothing and the position stays. */
        while (n) kind->clear((unsigned char *)rgelt + (size_t)--n * kind->item_size);
    } else {
        e->pos += n;
        hr = n == celt ? S_OK : S_FALSE;
    }
    pthread_mutex_unlock(&e->lock);
    if (SUCCEEDED(hr) && pceltFetched) *pceltFetched = n;
    return hr;
}

HRESULT comrt__enum_skip(comrt__enum *e, ULONG celt)
{
    HRESULT hr;
    pthread_mutex_lock(&e->lock);
    if (celt <= e->items->count - e->pos) {
        e->pos += celt;
        hr = S_OK;
    } else {
        e->pos = e->items->count;
        hr = S_FALSE;
    }
    pthread_mutex_unlock(&e->lock);
    return hr;
}

HRESULT comrt__enum_reset(comrt__enum *e)
{
    pthread_mutex_lock(&e->lock);
    e->pos = 0;
    pthread_mutex_unlock(&e->lock);
    return S_OK;
}

HRESULT comrt__enum_clone(comrt__enum *e, void **ppEnum)
{
    HRESULT hr = S_OK;
    comrt__enum *c;
    ULONG pos;

    if (!ppEnum) {
        hr = E_POINTER;
        goto out;
    }
    *ppEnum = NULL;
    pthread_mutex_lock(&e->lock);
    pos = e->pos;
    pthread_mutex_unlock(&e->lock);
    comrt__ref_inc(&e->items->ref);
    c = enum_new(e->items, pos);
    if (!c) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    *ppEnum = c;
out:
    return hr;
}

/* ---- IEnumVARIANT ----------------------------------------------------------- */

/* VariantCopy wants an initialised destination; the raw slot is not. */
static HRESULT variant_copy(void *dst, const void *src)
{
    HRESULT hr;
    VariantInit(dst);
    hr = VariantCopy(dst, (VARIANT *)src);
    if (FAILED(hr)) VariantInit(dst);
    return hr;
}

static void variant_clear(void *item) { VariantClear(item); }

COMRT__ENUM_VTBL(ev, IEnumVARIANT, VARIANT);

static const comrt__enum_kind ev_kind = {&IID_IEnumVARIANT, &ev_vtbl, sizeof(VARIANT), variant_copy, variant_clear};

/*
 * ComrtCreateEnumVARIANT — see comrtext.h.  Next VariantCopy's into the
 * caller's VARIANTs (the caller VariantClear's them; what they held before
 * is overwritten, not cleared, as for any [out] array).  VariantCopy copies
 * a VT_BYREF item's pointer, not what it points at: such an item's storage
 * must outlive the enumerator and its clones.
 */
STDAPI ComrtCreateEnumVARIANT(ULONG cItems, const VARIANT *rgItems, IEnumVARIANT **ppEnum)
{
    return comrt__enum_create(&ev_kind, cItems, rgItems, (void **)ppEnum);
}

/* ---- IEnumUnknown ----------------------------------------------------------- */

HRESULT comrt__enum_unknown_copy(void *dst, const void *src)
{
    IUnknown *p = *(IUnknown *const *)src;
    if (p) IUnknown_AddRef(p);
    *(IUnknown **)dst = p;
    return S_OK;
}

void comrt__enum_unknown_clear(void *item)
{
    IUnknown *p = *(IUnknown **)item;
    if (p) IUnknown_Release(p);
}

COMRT__ENUM_VTBL(eu, IEnumUnknown, IUnknown *);

static const comrt__enum_kind eu_kind = {&IID_IEnumUnknown, &eu_vtbl, sizeof(IUnknown *),
                                         comrt__enum_unknown_copy, comrt__enum_unknown_clear};

/* ComrtCreateEnumUnknown — see comrtext.h.  Next hands out AddRef'ed
 * pointers (the caller Releases each non-NULL one). */
STDAPI ComrtCreateEnumUnknown(ULONG cItems, IUnknown *const *rgItems, IEnumUnknown **ppEnum)
{
    return comrt__enum_create(&eu_kind, cItems, rgItems, (void **)ppEnum);
}
