/*
 * runtime/mk_class.c — class monikers ("clsid:XXXXXXXX-...:"): CreateClassMoniker
 * and the class-moniker kind.  Binding one gives the class object (through
 * CoGetClassObject, or the IClassActivator of the object named by a moniker
 * to its left); its stream form is the CLSID and a ULONG count of extra
 * bytes (0 here), as ole32 writes it.
 */
#include "moniker_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>

/* The most extra bytes Load skips after the CLSID (untrusted streams). */
#define CLASS_EXTRA_MAX 65536u

/* *out: "clsid:" + the CLSID without braces + ":" (ole32's form). */
static HRESULT class_display(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, LPOLESTR *out)
{
    WCHAR g[39], buf[6 + 36 + 2];
    (void)pbc;
    (void)left;
    comrt__guid_format(&m->u.clsid, g);
    memcpy(buf, u"clsid:", 6 * sizeof(WCHAR));
    memcpy(buf + 6, g + 1, 36 * sizeof(WCHAR));
    buf[42] = ':';
    buf[43] = 0;
    return comrt__mk_taskdup(buf, out);
}

/* Without a left moniker: CoGetClassObject in the bind context's class
 * context.  With one: the left moniker's object, as IClassActivator, gives
 * the class object (Microsoft Learn, "Class Monikers"). */
static HRESULT class_bind(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, REFIID riid, void **ppv)
{
    IClassActivator *act = NULL;
    BIND_OPTS2 opts;
    HRESULT hr;

    if (!left) return CoGetClassObject(&m->u.clsid, comrt__mk_bind_clsctx(pbc), NULL, riid, ppv);
    hr = IMoniker_BindToObject(left, pbc, NULL, &IID_IClassActivator, (void **)&act);
    if (FAILED(hr)) goto out;
    memset(&opts, 0, sizeof opts);
    opts.cbStruct = sizeof opts;
    if (!pbc || FAILED(IBindCtx_GetBindOptions(pbc, (BIND_OPTS *)&opts))) opts.locale = 0;
    hr = IClassActivator_GetClassObject(act, &m->u.clsid, comrt__mk_bind_clsctx(pbc), opts.locale, riid, ppv);
out:
    if (act) IClassActivator_Release(act);
    return hr;
}

static HRESULT class_save(comrt_moniker *m, IStream *stm)
{
    ULONG extra = 0;
    HRESULT hr = comrt__mk_write(stm, &m->u.clsid, sizeof(CLSID));
    if (SUCCEEDED(hr)) hr = comrt__mk_write(stm, &extra, sizeof extra);
    return hr;
}

/* Reads the CLSID and skips the extra bytes (comrt keeps none). */
static HRESULT class_load(comrt_moniker *m, IStream *stm)
{
    CLSID clsid;
    ULONG extra, left;
    BYTE skip[256];
    HRESULT hr = comrt__mk_read(stm, &clsid, sizeof clsid);
    if (FAILED(hr)) goto out;
    hr = comrt__mk_read(stm, &extra, sizeof extra);
    if (FAILED(hr)) goto out;
    if (extra > CLASS_EXTRA_MAX) {
        hr = E_FAIL;
        goto out;
    }
    for (left = extra; left;) {
        ULONG n = left > sizeof skip ? (ULONG)sizeof skip : left;
        hr = comrt__mk_read(stm, skip, n);
        if (FAILED(hr)) goto out;
        left -= n;
    }
    m->u.clsid = clsid;
out:
    return hr;
}

static ULONG class_size_max(comrt_moniker *m)
{
    (void)m;
    return sizeof(CLSID) + sizeof(ULONG);
}

static BOOL class_equal(comrt_moniker *m, comrt_moniker *o) { return IsEqualGUID(&m->u.clsid, &o->u.clsid); }

static DWORD class_hash(comrt_moniker *m) { return m->u.clsid.Data1; }

const comrt_mk_kind comrt__mk_class_kind = {
    .mksys = MKSYS_CLASSMONIKER,
    .clsid = &comrt__clsid_class_moniker,
    .display = class_display,
    .bind = class_bind,
    .save = class_save,
    .load = class_load,
    .size_max = class_size_max,
    .equal = class_equal,
    .hash = class_hash,
};

/* *ppmk receives a class moniker for rclsid (caller Releases). */
HRESULT CreateClassMoniker(REFCLSID rclsid, LPMONIKER *ppmk)
{
    comrt_moniker *m;
    if (!ppmk) return E_INVALIDARG;
    *ppmk = NULL;
    if (!rclsid) return E_INVALIDARG;
    m = comrt__mk_alloc(&comrt__mk_class_kind);
    if (!m) return E_OUTOFMEMORY;
    m->u.clsid = *rclsid;
    *ppmk = &m->IMoniker_iface;
    return S_OK;
}
