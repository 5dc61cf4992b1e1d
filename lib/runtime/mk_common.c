/*
 * runtime/mk_common.c — the one IMoniker (and IROTData) implementation all
 * system monikers share, dispatching what differs to their comrt_mk_kind
 * (mk_class.c, mk_item.c, mk_file.c, mk_composite.c), and the small helpers
 * they share (strings, stream reads and writes, ROT lookups, the generic
 * composition).
 */
#include "moniker_internal.h"
#include "base/base_internal.h"
#include "enum_internal.h"

#include <stdlib.h>
#include <string.h>

const CLSID comrt__clsid_file_moniker = {0x00000303, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const CLSID comrt__clsid_item_moniker = {0x00000304, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const CLSID comrt__clsid_composite_moniker = {0x00000309, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const CLSID comrt__clsid_class_moniker = {0x0000031A, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
const CLSID comrt__clsid_new_moniker = {0xecabafc6, 0x7f19, 0x11d2, {0x97, 0x8e, 0x00, 0x00, 0xf8, 0x75, 0x7e, 0x2a}};
const IID comrt__iid_ole_item_container = {0x0000011C, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

static const IMonikerVtbl mk_vtbl;
static const IROTDataVtbl mk_rotdata_vtbl;

static comrt_moniker *impl(IMoniker *iface) { return CONTAINING_RECORD(iface, comrt_moniker, IMoniker_iface); }

/* See moniker_internal.h. */
comrt_moniker *comrt__mk_alloc(const comrt_mk_kind *kind)
{
    comrt_moniker *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->IMoniker_iface.lpVtbl = &mk_vtbl;
    m->IROTData_iface.lpVtbl = &mk_rotdata_vtbl;
    m->ref = 1;
    m->kind = kind;
    return m;
}

/* See moniker_internal.h: our monikers are recognised by their vtable. */
comrt_moniker *comrt__mk_from(IMoniker *pmk, const comrt_mk_kind *kind)
{
    comrt_moniker *m;
    if (!pmk || pmk->lpVtbl != &mk_vtbl) return NULL;
    m = impl(pmk);
    return (!kind || m->kind == kind) ? m : NULL;
}

/* See moniker_internal.h. */
WCHAR *comrt__mk_wcsdup(const WCHAR *s)
{
    size_t n = comrt__utf16_len(s);
    WCHAR *d;
    if (n > COMRT_MK_NAME_MAX) return NULL;
    d = malloc((n + 1) * sizeof(WCHAR));
    if (!d) return NULL;
    if (n) memcpy(d, s, n * sizeof(WCHAR));
    d[n] = 0;
    return d;
}

/* See moniker_internal.h. */
HRESULT comrt__mk_taskdup(const WCHAR *s, LPOLESTR *out)
{
    size_t n = comrt__utf16_len(s);
    LPOLESTR d = CoTaskMemAlloc((n + 1) * sizeof(WCHAR));
    if (!d) return E_OUTOFMEMORY;
    if (n) memcpy(d, s, n * sizeof(WCHAR));
    d[n] = 0;
    *out = d;
    return S_OK;
}

/* See moniker_internal.h. */
HRESULT comrt__mk_read(IStream *stm, void *pv, ULONG cb)
{
    ULONG got = 0;
    HRESULT hr = IStream_Read(stm, pv, cb, &got);
    if (FAILED(hr)) return hr;
    return got == cb ? S_OK : STG_E_READFAULT;
}

/* See moniker_internal.h. */
HRESULT comrt__mk_write(IStream *stm, const void *pv, ULONG cb)
{
    ULONG put = 0;
    HRESULT hr = IStream_Write(stm, pv, cb, &put);
    if (FAILED(hr)) return hr;
    return put == cb ? S_OK : STG_E_WRITEFAULT;
}

/* See moniker_internal.h.  extra bytes (the optional UTF-16 form the caller
 * writes next) are counted in the length prefix, as MS-OLEDS lays it out. */
HRESULT comrt__mk_write_ansi(IStream *stm, const WCHAR *s, ULONG extra, BOOL *lossy)
{
    size_t n = comrt__utf16_len(s), i;
    char *buf = NULL;
    ULONG len;
    HRESULT hr;
    BOOL any = FALSE;

    if (n > COMRT_MK_NAME_MAX) return E_INVALIDARG;
    buf = malloc(n + 1);
    if (!buf) return E_OUTOFMEMORY;
    for (i = 0; i < n; i++) {
        if (s[i] > 0x7F) any = TRUE;
        buf[i] = s[i] > 0x7F ? '?' : (char)s[i];
    }
    buf[n] = 0;
    len = (ULONG)(n + 1) + extra;
    hr = comrt__mk_write(stm, &len, sizeof len);
    if (SUCCEEDED(hr)) hr = comrt__mk_write(stm, buf, (ULONG)(n + 1));
    free(buf);
    if (SUCCEEDED(hr) && lossy) *lossy = any;
    return hr;
}

/* See moniker_internal.h. */
DWORD comrt__mk_bind_clsctx(IBindCtx *pbc)
{
    BIND_OPTS2 opts;
    if (!pbc) return CLSCTX_SERVER;
    memset(&opts, 0, sizeof opts);
    opts.cbStruct = sizeof opts;
    if (FAILED(IBindCtx_GetBindOptions(pbc, (BIND_OPTS *)&opts)) || opts.cbStruct < sizeof opts ||
        !opts.dwClassContext)
        return CLSCTX_SERVER;
    return opts.dwClassContext;
}

/* See moniker_internal.h. */
HRESULT comrt__mk_rot_lookup(IBindCtx *pbc, IMoniker *pmk, REFIID riid, void **ppv)
{
    IRunningObjectTable *rot = NULL;
    IUnknown *obj = NULL;
    HRESULT hr;

    hr = pbc ? IBindCtx_GetRunningObjectTable(pbc, &rot) : GetRunningObjectTable(0, &rot);
    if (FAILED(hr)) goto out;
    hr = IRunningObjectTable_GetObject(rot, pmk, &obj);
    if (hr != S_OK) {
        hr = MK_E_UNAVAILABLE;
        goto out;
    }
    hr = IUnknown_QueryInterface(obj, riid, ppv);
out:
    if (obj) IUnknown_Release(obj);
    if (rot) IRunningObjectTable_Release(rot);
    return hr;
}

/* See moniker_internal.h: MK_E_NEEDGENERIC when the caller wants no generic
 * composite, else CreateGenericComposite. */
HRESULT comrt__mk_compose_generic(IMoniker *pmk, IMoniker *right, BOOL only_if_not_generic, IMoniker **out)
{
    if (only_if_not_generic) return MK_E_NEEDGENERIC;
    return CreateGenericComposite(pmk, right, out);
}

COMRT__ENUM_VTBL(em, IEnumMoniker, IMoniker *);

static const comrt__enum_kind em_kind = {&IID_IEnumMoniker, &em_vtbl, sizeof(IMoniker *), comrt__enum_unknown_copy,
                                         comrt__enum_unknown_clear};

/* See moniker_internal.h. */
HRESULT comrt__mk_enum_create(ULONG count, IMoniker *const *items, BOOL forward, IEnumMoniker **out)
{
    IMoniker **rev = NULL;
    ULONG i;
    HRESULT hr;

    if (forward || count < 2) return comrt__enum_create(&em_kind, count, items, (void **)out);
    rev = malloc(count * sizeof *rev);
    if (!rev) return E_OUTOFMEMORY;
    for (i = 0; i < count; i++) rev[i] = items[count - 1 - i];
    hr = comrt__enum_create(&em_kind, count, rev, (void **)out);
    free(rev);
    return hr;
}

/* ---- IMoniker ----------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE mk_QueryInterface(IMoniker *iface, REFIID riid, void **ppv)
{
    comrt_moniker *m = impl(iface);
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IPersist) ||
        IsEqualIID(riid, &IID_IPersistStream) || IsEqualIID(riid, &IID_IMoniker)) {
        *ppv = &m->IMoniker_iface;
    } else if (IsEqualIID(riid, &IID_IROTData)) {
        *ppv = &m->IROTData_iface;
    } else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    comrt__ref_inc(&m->ref);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE mk_AddRef(IMoniker *iface) { return comrt__ref_inc(&impl(iface)->ref); }

static ULONG STDMETHODCALLTYPE mk_Release(IMoniker *iface)
{
    comrt_moniker *m = impl(iface);
    ULONG r = comrt__ref_dec(&m->ref);
    if (!r) {
        if (m->kind->destroy) m->kind->destroy(m);
        free(m);
    }
    return r;
}

static HRESULT STDMETHODCALLTYPE mk_GetClassID(IMoniker *iface, CLSID *pClassID)
{
    if (!pClassID) return E_POINTER;
    *pClassID = *impl(iface)->kind->clsid;
    return S_OK;
}

/* Monikers hold no unsaved state. */
static HRESULT STDMETHODCALLTYPE mk_IsDirty(IMoniker *iface)
{
    (void)iface;
    return S_FALSE;
}

static HRESULT STDMETHODCALLTYPE mk_Load(IMoniker *iface, IStream *pStm)
{
    if (!pStm) return E_POINTER;
    return impl(iface)->kind->load(impl(iface), pStm);
}

static HRESULT STDMETHODCALLTYPE mk_Save(IMoniker *iface, IStream *pStm, BOOL fClearDirty)
{
    (void)fClearDirty;
    if (!pStm) return E_POINTER;
    return impl(iface)->kind->save(impl(iface), pStm);
}

static HRESULT STDMETHODCALLTYPE mk_GetSizeMax(IMoniker *iface, ULARGE_INTEGER *pcbSize)
{
    if (!pcbSize) return E_POINTER;
    pcbSize->QuadPart = impl(iface)->kind->size_max(impl(iface));
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE mk_BindToObject(IMoniker *iface, IBindCtx *pbc, IMoniker *pmkToLeft,
                                                 REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    return impl(iface)->kind->bind(impl(iface), pbc, pmkToLeft, riid, ppv);
}

/* System monikers name objects, not storage of their own: binding to
 * storage binds the object and asks it for riid (as the class moniker does
 * on Windows; item and file monikers would reach IOleItemContainer::
 * GetObjectStorage and IStorage, which comrt does not have). */
static HRESULT STDMETHODCALLTYPE mk_BindToStorage(IMoniker *iface, IBindCtx *pbc, IMoniker *pmkToLeft,
                                                  REFIID riid, void **ppv)
{
    return mk_BindToObject(iface, pbc, pmkToLeft, riid, ppv);
}

static HRESULT STDMETHODCALLTYPE mk_Reduce(IMoniker *iface, IBindCtx *pbc, DWORD how, IMoniker **ppmkToLeft,
                                           IMoniker **ppmkReduced)
{
    comrt_moniker *m = impl(iface);
    if (!ppmkReduced) return E_POINTER;
    if (m->kind->reduce) return m->kind->reduce(m, pbc, how, ppmkToLeft, ppmkReduced);
    IMoniker_AddRef(iface);
    *ppmkReduced = iface;
    return MK_S_REDUCED_TO_SELF;
}

static HRESULT STDMETHODCALLTYPE mk_ComposeWith(IMoniker *iface, IMoniker *pmkRight, BOOL fOnlyIfNotGeneric,
                                                IMoniker **ppmkComposite)
{
    comrt_moniker *m = impl(iface);
    if (!ppmkComposite) return E_POINTER;
    *ppmkComposite = NULL;
    if (!pmkRight) return E_INVALIDARG;
    if (m->kind->compose) return m->kind->compose(m, pmkRight, fOnlyIfNotGeneric, ppmkComposite);
    return comrt__mk_compose_generic(iface, pmkRight, fOnlyIfNotGeneric, ppmkComposite);
}

static HRESULT STDMETHODCALLTYPE mk_Enum(IMoniker *iface, BOOL fForward, IEnumMoniker **ppenum)
{
    comrt_moniker *m = impl(iface);
    if (!ppenum) return E_POINTER;
    *ppenum = NULL;
    if (m->kind->enumerate) return m->kind->enumerate(m, fForward, ppenum);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE mk_IsEqual(IMoniker *iface, IMoniker *pmkOther)
{
    comrt_moniker *m = impl(iface), *o;
    if (!pmkOther) return E_INVALIDARG;
    o = comrt__mk_from(pmkOther, m->kind);
    return o && m->kind->equal(m, o) ? S_OK : S_FALSE;
}

static HRESULT STDMETHODCALLTYPE mk_Hash(IMoniker *iface, DWORD *pdwHash)
{
    if (!pdwHash) return E_POINTER;
    *pdwHash = impl(iface)->kind->hash(impl(iface));
    return S_OK;
}

/* Running means registered in the ROT, the moniker composed with the one to
 * its left; or being the moniker the caller just saw start running. */
static HRESULT STDMETHODCALLTYPE mk_IsRunning(IMoniker *iface, IBindCtx *pbc, IMoniker *pmkToLeft,
                                              IMoniker *pmkNewlyRunning)
{
    IMoniker *full = NULL;
    IRunningObjectTable *rot = NULL;
    HRESULT hr;

    if (pmkNewlyRunning && IMoniker_IsEqual(pmkNewlyRunning, iface) == S_OK) return S_OK;
    if (pmkToLeft) {
        hr = IMoniker_ComposeWith(pmkToLeft, iface, FALSE, &full);
        if (FAILED(hr)) goto out;
    } else {
        full = iface;
        IMoniker_AddRef(full);
    }
    hr = pbc ? IBindCtx_GetRunningObjectTable(pbc, &rot) : GetRunningObjectTable(0, &rot);
    if (FAILED(hr)) goto out;
    hr = IRunningObjectTable_IsRunning(rot, full);
out:
    if (rot) IRunningObjectTable_Release(rot);
    if (full) IMoniker_Release(full);
    return hr;
}

/* The time the ROT has for the moniker (composed with the one to its left);
 * MK_E_UNAVAILABLE when it is not running. */
static HRESULT STDMETHODCALLTYPE mk_GetTimeOfLastChange(IMoniker *iface, IBindCtx *pbc, IMoniker *pmkToLeft,
                                                        FILETIME *pFileTime)
{
    IMoniker *full = NULL;
    IRunningObjectTable *rot = NULL;
    FILETIME ft;
    HRESULT hr;

    if (!pFileTime) return E_POINTER;
    if (pmkToLeft) {
        hr = IMoniker_ComposeWith(pmkToLeft, iface, FALSE, &full);
        if (FAILED(hr)) goto out;
    } else {
        full = iface;
        IMoniker_AddRef(full);
    }
    hr = pbc ? IBindCtx_GetRunningObjectTable(pbc, &rot) : GetRunningObjectTable(0, &rot);
    if (FAILED(hr)) goto out;
    hr = IRunningObjectTable_GetTimeOfLastChange(rot, full, &ft);
    if (hr != S_OK) {
        hr = MK_E_UNAVAILABLE;
        goto out;
    }
    *pFileTime = ft;
out:
    if (rot) IRunningObjectTable_Release(rot);
    if (full) IMoniker_Release(full);
    return hr;
}

/* comrt has no anti-moniker (yet): no system moniker has an inverse here
 * (Windows answers an anti-moniker for item and file monikers). */
static HRESULT STDMETHODCALLTYPE mk_Inverse(IMoniker *iface, IMoniker **ppmk)
{
    (void)iface;
    if (!ppmk) return E_POINTER;
    *ppmk = NULL;
    return MK_E_NOINVERSE;
}

static HRESULT STDMETHODCALLTYPE mk_CommonPrefixWith(IMoniker *iface, IMoniker *pmkOther, IMoniker **ppmkPrefix)
{
    comrt_moniker *m = impl(iface);
    if (!ppmkPrefix) return E_POINTER;
    *ppmkPrefix = NULL;
    if (!pmkOther) return E_INVALIDARG;
    if (m->kind->prefix) return m->kind->prefix(m, pmkOther, ppmkPrefix);
    if (IMoniker_IsEqual(iface, pmkOther) == S_OK) {
        IMoniker_AddRef(iface);
        *ppmkPrefix = iface;
        return MK_S_US;
    }
    return MK_E_NOPREFIX;
}

static HRESULT STDMETHODCALLTYPE mk_RelativePathTo(IMoniker *iface, IMoniker *pmkOther, IMoniker **ppmkRelPath)
{
    comrt_moniker *m = impl(iface);
    if (!ppmkRelPath) return E_POINTER;
    *ppmkRelPath = NULL;
    if (!pmkOther) return E_INVALIDARG;
    if (m->kind->relative) return m->kind->relative(m, pmkOther, ppmkRelPath);
    return MK_E_NOTBINDABLE;
}

static HRESULT STDMETHODCALLTYPE mk_GetDisplayName(IMoniker *iface, IBindCtx *pbc, IMoniker *pmkToLeft,
                                                   LPOLESTR *ppszDisplayName)
{
    if (!ppszDisplayName) return E_POINTER;
    *ppszDisplayName = NULL;
    return impl(iface)->kind->display(impl(iface), pbc, pmkToLeft, ppszDisplayName);
}

/* What follows a system moniker's display name is for the object it names to
 * parse: bind it (with the moniker to its left) to IParseDisplayName. */
static HRESULT STDMETHODCALLTYPE mk_ParseDisplayName(IMoniker *iface, IBindCtx *pbc, IMoniker *pmkToLeft,
                                                     LPOLESTR pszDisplayName, ULONG *pchEaten, IMoniker **ppmkOut)
{
    IParseDisplayName *parser = NULL;
    HRESULT hr;

    if (!pchEaten || !ppmkOut) return E_POINTER;
    *pchEaten = 0;
    *ppmkOut = NULL;
    if (!pszDisplayName) return E_INVALIDARG;
    hr = IMoniker_BindToObject(iface, pbc, pmkToLeft, &IID_IParseDisplayName, (void **)&parser);
    if (FAILED(hr)) goto out;
    hr = IParseDisplayName_ParseDisplayName(parser, pbc, pszDisplayName, pchEaten, ppmkOut);
out:
    if (parser) IParseDisplayName_Release(parser);
    return hr;
}

static HRESULT STDMETHODCALLTYPE mk_IsSystemMoniker(IMoniker *iface, DWORD *pdwMksys)
{
    if (!pdwMksys) return E_POINTER;
    *pdwMksys = impl(iface)->kind->mksys;
    return S_OK;
}

static const IMonikerVtbl mk_vtbl = {
    mk_QueryInterface, mk_AddRef, mk_Release, mk_GetClassID, mk_IsDirty, mk_Load, mk_Save, mk_GetSizeMax,
    mk_BindToObject, mk_BindToStorage, mk_Reduce, mk_ComposeWith, mk_Enum, mk_IsEqual, mk_Hash, mk_IsRunning,
    mk_GetTimeOfLastChange, mk_Inverse, mk_CommonPrefixWith, mk_RelativePathTo, mk_GetDisplayName,
    mk_ParseDisplayName, mk_IsSystemMoniker,
};

/* ---- IROTData ------------------------------------------------------------
 * The comparison data is the CLSID followed by the display name (UTF-16LE),
 * item names folded to upper case (they compare without ASCII case) and
 * paths kept as they are (Unix paths are case-sensitive); a composite gives
 * its CLSID and then its parts' data, so equal monikers (IsEqual) share one
 * ROT entry. */

static comrt_moniker *rot_impl(IROTData *iface) { return CONTAINING_RECORD(iface, comrt_moniker, IROTData_iface); }

static HRESULT STDMETHODCALLTYPE rd_QueryInterface(IROTData *iface, REFIID riid, void **ppv)
{
    return mk_QueryInterface(&rot_impl(iface)->IMoniker_iface, riid, ppv);
}
static ULONG STDMETHODCALLTYPE rd_AddRef(IROTData *iface) { return mk_AddRef(&rot_impl(iface)->IMoniker_iface); }
static ULONG STDMETHODCALLTYPE rd_Release(IROTData *iface) { return mk_Release(&rot_impl(iface)->IMoniker_iface); }

/* Appends pmk's comparison data to buf[*len..cap); E_OUTOFMEMORY when it
 * does not fit. */
static HRESULT key_append(IMoniker *pmk, BYTE *buf, ULONG cap, ULONG *len)
{
    comrt_moniker *m = comrt__mk_from(pmk, NULL);
    IBindCtx *pbc = NULL;
    LPOLESTR name = NULL;
    CLSID clsid;
    size_t n, i;
    HRESULT hr;

    hr = IMoniker_GetClassID(pmk, &clsid);
    if (FAILED(hr)) goto out;
    if (cap - *len < sizeof clsid) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    memcpy(buf + *len, &clsid, sizeof clsid);
    *len += sizeof clsid;
    if (m && m->kind == &comrt__mk_composite_kind) {
        for (i = 0; i < m->u.comp.count && SUCCEEDED(hr); i++) hr = key_append(m->u.comp.parts[i], buf, cap, len);
        goto out;
    }
    if (!m) {
        hr = CreateBindCtx(0, &pbc);
        if (FAILED(hr)) goto out;
    }
    hr = IMoniker_GetDisplayName(pmk, pbc, NULL, &name);
    if (FAILED(hr)) goto out;
    n = comrt__utf16_len(name);
    if ((cap - *len) / 2 < n) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    for (i = 0; i < n; i++) {
        WCHAR c = name[i];
        if (m && m->kind == &comrt__mk_item_kind && c >= 'a' && c <= 'z') c = (WCHAR)(c - 'a' + 'A');
        buf[*len + 2 * i] = (BYTE)(c & 0xFF);
        buf[*len + 2 * i + 1] = (BYTE)(c >> 8);
    }
    *len += (ULONG)(2 * n);
out:
    CoTaskMemFree(name);
    if (pbc) IBindCtx_Release(pbc);
    return hr;
}

/* E_OUTOFMEMORY when cbMax is too small, as ole32 answers. */
static HRESULT STDMETHODCALLTYPE rd_GetComparisonData(IROTData *iface, BYTE *pbData, ULONG cbMax, ULONG *pcbData)
{
    ULONG len = 0;
    HRESULT hr;
    if (!pbData || !pcbData) return E_POINTER;
    hr = key_append(&rot_impl(iface)->IMoniker_iface, pbData, cbMax, &len);
    if (SUCCEEDED(hr)) *pcbData = len;
    return hr;
}

static const IROTDataVtbl mk_rotdata_vtbl = {rd_QueryInterface, rd_AddRef, rd_Release, rd_GetComparisonData};
