/*
 * runtime/mk_new.c — the "new:" moniker: MkParseDisplayName("new:ProgID" or
 * "new:{clsid}") gives one, and binding it creates a new instance of the
 * class, as Windows' new moniker (CLSID_NewMoniker, ProgID "new") does.  Its
 * display name is "new:{clsid}" and its stream form the CLSID alone; it is
 * not a system moniker (IsSystemMoniker: MKSYS_NONE), as on Windows.
 */
#include "moniker_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>

static HRESULT new_display(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, LPOLESTR *out)
{
    WCHAR buf[4 + 39];
    (void)pbc;
    (void)left;
    memcpy(buf, u"new:", 4 * sizeof(WCHAR));
    comrt__guid_format(&m->u.clsid, buf + 4);
    return comrt__mk_taskdup(buf, out);
}

/* Without a left moniker: CoCreateInstance in the bind context's class
 * context.  With one: the left moniker's object is the class factory. */
static HRESULT new_bind(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, REFIID riid, void **ppv)
{
    IClassFactory *cf = NULL;
    HRESULT hr;

    if (!left) return CoCreateInstance(&m->u.clsid, NULL, comrt__mk_bind_clsctx(pbc), riid, ppv);
    hr = IMoniker_BindToObject(left, pbc, NULL, &IID_IClassFactory, (void **)&cf);
    if (FAILED(hr)) goto out;
    hr = IClassFactory_CreateInstance(cf, NULL, riid, ppv);
out:
    if (cf) IClassFactory_Release(cf);
    return hr;
}

static HRESULT new_save(comrt_moniker *m, IStream *stm) { return comrt__mk_write(stm, &m->u.clsid, sizeof(CLSID)); }

static HRESULT new_load(comrt_moniker *m, IStream *stm)
{
    CLSID clsid;
    HRESULT hr = comrt__mk_read(stm, &clsid, sizeof clsid);
    if (SUCCEEDED(hr)) m->u.clsid = clsid;
    return hr;
}

static ULONG new_size_max(comrt_moniker *m)
{
    (void)m;
    return sizeof(CLSID);
}

static BOOL new_equal(comrt_moniker *m, comrt_moniker *o) { return IsEqualGUID(&m->u.clsid, &o->u.clsid); }

static DWORD new_hash(comrt_moniker *m) { return ~m->u.clsid.Data1; }

const comrt_mk_kind comrt__mk_new_kind = {
    .mksys = MKSYS_NONE,
    .clsid = &comrt__clsid_new_moniker,
    .display = new_display,
    .bind = new_bind,
    .save = new_save,
    .load = new_load,
    .size_max = new_size_max,
    .equal = new_equal,
    .hash = new_hash,
};

/* See moniker_internal.h; *ppmk receives the moniker (caller Releases). */
HRESULT comrt__mk_new_create(REFCLSID clsid, IMoniker **ppmk)
{
    comrt_moniker *m = comrt__mk_alloc(&comrt__mk_new_kind);
    if (!m) return E_OUTOFMEMORY;
    m->u.clsid = *clsid;
    *ppmk = &m->IMoniker_iface;
    return S_OK;
}
