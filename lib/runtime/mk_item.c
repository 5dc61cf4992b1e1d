/*
 * runtime/mk_item.c — item monikers (a delimiter and an item name, such as
 * "!Sheet1"): CreateItemMoniker and the item-moniker kind.  An item names
 * an object inside the object named by the moniker to its left, and binds
 * through that object's IOleItemContainer::GetObject.  Names compare
 * without regard to ASCII case, as ole32 compares them.  Stream form
 * (MS-OLEDS "ItemMoniker"): for the delimiter and then the item, a ULONG
 * byte count, the narrow string with its NUL and, when it is not ASCII, the
 * UTF-16 form after it (counted in the ULONG).
 */
#include "moniker_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>

static void item_destroy(comrt_moniker *m)
{
    free(m->u.item.delim);
    free(m->u.item.name);
}

/* *out: delimiter + item. */
static HRESULT item_display(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, LPOLESTR *out)
{
    size_t a = comrt__utf16_len(m->u.item.delim), b = comrt__utf16_len(m->u.item.name);
    LPOLESTR s;
    (void)pbc;
    (void)left;
    s = CoTaskMemAlloc((a + b + 1) * sizeof(WCHAR));
    if (!s) return E_OUTOFMEMORY;
    if (a) memcpy(s, m->u.item.delim, a * sizeof(WCHAR));
    if (b) memcpy(s + a, m->u.item.name, b * sizeof(WCHAR));
    s[a + b] = 0;
    *out = s;
    return S_OK;
}

/* E_INVALIDARG without a left moniker (an item is only meaningful inside
 * something, Microsoft Learn "Item Moniker Implementation"); otherwise the
 * left object's IOleItemContainer::GetObject. */
static HRESULT item_bind(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, REFIID riid, void **ppv)
{
    comrt_ole_item_container *cont = NULL;
    HRESULT hr;

    if (!left) return E_INVALIDARG;
    hr = IMoniker_BindToObject(left, pbc, NULL, &comrt__iid_ole_item_container, (void **)&cont);
    if (FAILED(hr)) goto out;
    hr = cont->lpVtbl->GetObject(cont, m->u.item.name, COMRT_BINDSPEED_INDEFINITE, pbc, riid, ppv);
out:
    if (cont) cont->lpVtbl->Release(cont);
    return hr;
}

/* Writes one string in the form described at the top. */
static HRESULT save_string(IStream *stm, const WCHAR *s)
{
    size_t n = comrt__utf16_len(s), i;
    BOOL wide = FALSE;
    HRESULT hr;

    for (i = 0; i < n; i++)
        if (s[i] > 0x7F) wide = TRUE;
    hr = comrt__mk_write_ansi(stm, s, wide ? (ULONG)(n * sizeof(WCHAR)) : 0, NULL);
    if (SUCCEEDED(hr) && wide) {
        BYTE *le = malloc(n * 2);
        if (!le) return E_OUTOFMEMORY;
        for (i = 0; i < n; i++) {
            le[2 * i] = (BYTE)(s[i] & 0xFF);
            le[2 * i + 1] = (BYTE)(s[i] >> 8);
        }
        hr = comrt__mk_write(stm, le, (ULONG)(n * 2));
        free(le);
    }
    return hr;
}

/* Reads one string in that form into *out (malloc'ed).  E_FAIL for a count
 * past COMRT_MK_NAME_MAX or a narrow part without its NUL. */
static HRESULT load_string(IStream *stm, WCHAR **out)
{
    ULONG len, i, nul;
    BYTE *buf = NULL;
    WCHAR *s = NULL;
    HRESULT hr = comrt__mk_read(stm, &len, sizeof len);
    if (FAILED(hr)) goto out;
    if (len > COMRT_MK_NAME_MAX * 3) {
        hr = E_FAIL;
        goto out;
    }
    buf = malloc(len ? len : 1);
    if (!buf) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    hr = comrt__mk_read(stm, buf, len);
    if (FAILED(hr)) goto out;
    for (nul = 0; nul < len && buf[nul]; nul++) {}
    if (len && nul == len) {
        hr = E_FAIL;
        goto out;
    }
    if (len > nul + 1 && (len - nul - 1) % 2 == 0) {
        /* The UTF-16 form follows: it is the name. */
        ULONG wn = (len - nul - 1) / 2;
        s = malloc((wn + 1) * sizeof(WCHAR));
        if (!s) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        for (i = 0; i < wn; i++) s[i] = (WCHAR)(buf[nul + 1 + 2 * i] | (buf[nul + 2 + 2 * i] << 8));
        s[wn] = 0;
    } else {
        s = malloc((nul + 1) * sizeof(WCHAR));
        if (!s) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        for (i = 0; i < nul; i++) s[i] = buf[i];
        s[nul] = 0;
    }
    *out = s;
    s = NULL;
out:
    free(buf);
    free(s);
    return hr;
}

static HRESULT item_save(comrt_moniker *m, IStream *stm)
{
    HRESULT hr = save_string(stm, m->u.item.delim);
    if (SUCCEEDED(hr)) hr = save_string(stm, m->u.item.name);
    return hr;
}

static HRESULT item_load(comrt_moniker *m, IStream *stm)
{
    WCHAR *delim = NULL, *name = NULL;
    HRESULT hr = load_string(stm, &delim);
    if (SUCCEEDED(hr)) hr = load_string(stm, &name);
    if (FAILED(hr)) {
        free(delim);
        free(name);
        return hr;
    }
    item_destroy(m);
    m->u.item.delim = delim;
    m->u.item.name = name;
    return S_OK;
}

/* Both strings, narrow and wide forms, and their counts. */
static ULONG item_size_max(comrt_moniker *m)
{
    size_t n = comrt__utf16_len(m->u.item.delim) + comrt__utf16_len(m->u.item.name);
    return (ULONG)(2 * sizeof(ULONG) + 2 + 3 * n);
}

static BOOL item_equal(comrt_moniker *m, comrt_moniker *o)
{
    return comrt__utf16_icmp_ascii(m->u.item.name, o->u.item.name) == 0;
}

/* Over the name in upper case, so equal monikers hash alike. */
static DWORD item_hash(comrt_moniker *m)
{
    DWORD h = 0;
    const WCHAR *p;
    for (p = m->u.item.name; *p; p++) {
        WCHAR c = *p;
        if (c >= 'a' && c <= 'z') c = (WCHAR)(c - 'a' + 'A');
        h = h * 31 + c;
    }
    return h;
}

const comrt_mk_kind comrt__mk_item_kind = {
    .mksys = MKSYS_ITEMMONIKER,
    .clsid = &comrt__clsid_item_moniker,
    .destroy = item_destroy,
    .display = item_display,
    .bind = item_bind,
    .save = item_save,
    .load = item_load,
    .size_max = item_size_max,
    .equal = item_equal,
    .hash = item_hash,
};

/* *ppmk receives an item moniker (caller Releases); a NULL delimiter or item
 * reads as "".  E_INVALIDARG for ppmk NULL or a string longer than
 * COMRT_MK_NAME_MAX. */
HRESULT CreateItemMoniker(LPCOLESTR lpszDelim, LPCOLESTR lpszItem, LPMONIKER *ppmk)
{
    comrt_moniker *m = NULL;
    HRESULT hr = E_INVALIDARG;

    if (!ppmk) goto out;
    *ppmk = NULL;
    if (comrt__utf16_len(lpszDelim) > COMRT_MK_NAME_MAX || comrt__utf16_len(lpszItem) > COMRT_MK_NAME_MAX)
        goto out;
    hr = E_OUTOFMEMORY;
    m = comrt__mk_alloc(&comrt__mk_item_kind);
    if (!m) goto out;
    m->u.item.delim = comrt__mk_wcsdup(lpszDelim ? lpszDelim : u"");
    m->u.item.name = comrt__mk_wcsdup(lpszItem ? lpszItem : u"");
    if (!m->u.item.delim || !m->u.item.name) goto out;
    *ppmk = &m->IMoniker_iface;
    m = NULL;
    hr = S_OK;
out:
    if (m) IMoniker_Release(&m->IMoniker_iface);
    return hr;
}
