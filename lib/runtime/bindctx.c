/*
 * runtime/bindctx.c — bind contexts (CreateBindCtx): what one binding
 * operation carries along — the objects bound on the way (kept alive until
 * the context goes or ReleaseBoundObjects), the bind options (BIND_OPTS2),
 * named object parameters, and the way to the running object table.
 * A bind context belongs to one binding, but its state is locked anyway so
 * that sharing it by mistake cannot corrupt it; no interface call is made
 * under the lock (a Release may call back into the context).
 */
#include "moniker_internal.h"
#include "base/base_internal.h"
#include "enum_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The most bound objects and parameters one context keeps. */
#define BINDCTX_ITEMS_MAX 65536u

typedef struct {
    WCHAR *key; /* malloc'ed */
    IUnknown *obj;
} bc_param;

typedef struct {
    IBindCtx IBindCtx_iface;
    LONG ref;
    pthread_mutex_t lock;
    IUnknown **bound;
    ULONG nbound, capbound;
    bc_param *params;
    ULONG nparams, capparams;
    BIND_OPTS2 opts;
} bindctx;

static bindctx *impl(IBindCtx *iface) { return CONTAINING_RECORD(iface, bindctx, IBindCtx_iface); }

/* Makes room for one more element of size sz in *arr (count n, capacity
 * *cap). */
static BOOL grow(void **arr, ULONG n, ULONG *cap, size_t sz)
{
    ULONG nc;
    void *p;
    if (n < *cap) return TRUE;
    if (n >= BINDCTX_ITEMS_MAX) return FALSE;
    nc = *cap ? *cap * 2 : 4;
    p = realloc(*arr, nc * sz);
    if (!p) return FALSE;
    *arr = p;
    *cap = nc;
    return TRUE;
}

static HRESULT STDMETHODCALLTYPE bc_QueryInterface(IBindCtx *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IBindCtx)) {
        *ppv = iface;
        comrt__ref_inc(&impl(iface)->ref);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE bc_AddRef(IBindCtx *iface) { return comrt__ref_inc(&impl(iface)->ref); }

static HRESULT STDMETHODCALLTYPE bc_ReleaseBoundObjects(IBindCtx *iface);

static ULONG STDMETHODCALLTYPE bc_Release(IBindCtx *iface)
{
    bindctx *bc = impl(iface);
    ULONG r = comrt__ref_dec(&bc->ref), i;
    if (!r) {
        bc_ReleaseBoundObjects(iface);
        for (i = 0; i < bc->nparams; i++) {
            free(bc->params[i].key);
            IUnknown_Release(bc->params[i].obj);
        }
        free(bc->params);
        free(bc->bound);
        pthread_mutex_destroy(&bc->lock);
        free(bc);
    }
    return r;
}

/* Keeps punk alive (AddRef) until the context goes, ReleaseBoundObjects or
 * RevokeObjectBound. */
static HRESULT STDMETHODCALLTYPE bc_RegisterObjectBound(IBindCtx *iface, IUnknown *punk)
{
    bindctx *bc = impl(iface);
    HRESULT hr = E_OUTOFMEMORY;
    if (!punk) return E_INVALIDARG;
    pthread_mutex_lock(&bc->lock);
    if (grow((void **)&bc->bound, bc->nbound, &bc->capbound, sizeof *bc->bound)) {
        IUnknown_AddRef(punk);
        bc->bound[bc->nbound++] = punk;
        hr = S_OK;
    }
    pthread_mutex_unlock(&bc->lock);
    return hr;
}

/* Releases one registration of punk; MK_E_NOTBOUND when it has none. */
static HRESULT STDMETHODCALLTYPE bc_RevokeObjectBound(IBindCtx *iface, IUnknown *punk)
{
    bindctx *bc = impl(iface);
    IUnknown *found = NULL;
    ULONG i;
    if (!punk) return E_INVALIDARG;
    pthread_mutex_lock(&bc->lock);
    for (i = bc->nbound; i-- > 0;) {
        if (bc->bound[i] == punk) {
            found = punk;
            memmove(bc->bound + i, bc->bound + i + 1, (bc->nbound - i - 1) * sizeof *bc->bound);
            bc->nbound--;
            break;
        }
    }
    pthread_mutex_unlock(&bc->lock);
    if (!found) return MK_E_NOTBOUND;
    IUnknown_Release(found);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE bc_ReleaseBoundObjects(IBindCtx *iface)
{
    bindctx *bc = impl(iface);
    IUnknown **list;
    ULONG n, i;
    pthread_mutex_lock(&bc->lock);
    list = bc->bound;
    n = bc->nbound;
    bc->bound = NULL;
    bc->nbound = bc->capbound = 0;
    pthread_mutex_unlock(&bc->lock);
    for (i = 0; i < n; i++) IUnknown_Release(list[i]);
    free(list);
    return S_OK;
}

/* Takes the first pbindopts->cbStruct bytes (BIND_OPTS or BIND_OPTS2; the
 * fields of a larger structure past BIND_OPTS2 are ignored).  E_INVALIDARG
 * for NULL or a cbStruct smaller than BIND_OPTS. */
static HRESULT STDMETHODCALLTYPE bc_SetBindOptions(IBindCtx *iface, BIND_OPTS *pbindopts)
{
    bindctx *bc = impl(iface);
    size_t n;
    if (!pbindopts || pbindopts->cbStruct < sizeof(BIND_OPTS)) return E_INVALIDARG;
    n = pbindopts->cbStruct < sizeof(BIND_OPTS2) ? pbindopts->cbStruct : sizeof(BIND_OPTS2);
    pthread_mutex_lock(&bc->lock);
    memcpy((BYTE *)&bc->opts + sizeof(DWORD), (const BYTE *)pbindopts + sizeof(DWORD), n - sizeof(DWORD));
    pthread_mutex_unlock(&bc->lock);
    return S_OK;
}

/* Fills as much of *pbindopts as its cbStruct asks for, up to BIND_OPTS2,
 * and sets cbStruct to the size filled.  E_INVALIDARG for NULL or a
 * cbStruct smaller than BIND_OPTS. */
static HRESULT STDMETHODCALLTYPE bc_GetBindOptions(IBindCtx *iface, BIND_OPTS *pbindopts)
{
    bindctx *bc = impl(iface);
    size_t n;
    if (!pbindopts || pbindopts->cbStruct < sizeof(BIND_OPTS)) return E_INVALIDARG;
    n = pbindopts->cbStruct < sizeof(BIND_OPTS2) ? pbindopts->cbStruct : sizeof(BIND_OPTS2);
    pthread_mutex_lock(&bc->lock);
    memcpy((BYTE *)pbindopts + sizeof(DWORD), (const BYTE *)&bc->opts + sizeof(DWORD), n - sizeof(DWORD));
    pthread_mutex_unlock(&bc->lock);
    pbindopts->cbStruct = (DWORD)n;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE bc_GetRunningObjectTable(IBindCtx *iface, IRunningObjectTable **pprot)
{
    (void)iface;
    if (!pprot) return E_INVALIDARG;
    return GetRunningObjectTable(0, pprot);
}

/* The parameter named key (case-sensitive), or -1.  Lock held. */
static long find_param(bindctx *bc, const WCHAR *key)
{
    ULONG i;
    for (i = 0; i < bc->nparams; i++)
        if (comrt__utf16_cmp(bc->params[i].key, key) == 0) return (long)i;
    return -1;
}

/* Stores punk (AddRef) under key, replacing (and Releasing) what was there. */
static HRESULT STDMETHODCALLTYPE bc_RegisterObjectParam(IBindCtx *iface, LPOLESTR pszKey, IUnknown *punk)
{
    bindctx *bc = impl(iface);
    IUnknown *old = NULL;
    WCHAR *key;
    long i;
    HRESULT hr = S_OK;

    if (!pszKey || !punk) return E_INVALIDARG;
    key = comrt__mk_wcsdup(pszKey);
    if (!key) return E_OUTOFMEMORY;
    IUnknown_AddRef(punk);
    pthread_mutex_lock(&bc->lock);
    i = find_param(bc, key);
    if (i >= 0) {
        old = bc->params[i].obj;
        bc->params[i].obj = punk;
    } else if (grow((void **)&bc->params, bc->nparams, &bc->capparams, sizeof *bc->params)) {
        bc->params[bc->nparams].key = key;
        bc->params[bc->nparams].obj = punk;
        bc->nparams++;
        key = NULL;
    } else {
        old = punk;
        hr = E_OUTOFMEMORY;
    }
    pthread_mutex_unlock(&bc->lock);
    free(key);
    if (old) IUnknown_Release(old);
    return hr;
}

/* *ppunk receives the parameter (AddRef'ed); E_FAIL (and NULL) when there
 * is none by that name. */
static HRESULT STDMETHODCALLTYPE bc_GetObjectParam(IBindCtx *iface, LPOLESTR pszKey, IUnknown **ppunk)
{
    bindctx *bc = impl(iface);
    long i;
    if (!ppunk) return E_POINTER;
    *ppunk = NULL;
    if (!pszKey) return E_INVALIDARG;
    pthread_mutex_lock(&bc->lock);
    i = find_param(bc, pszKey);
    if (i >= 0) {
        *ppunk = bc->params[i].obj;
        IUnknown_AddRef(*ppunk);
    }
    pthread_mutex_unlock(&bc->lock);
    return i >= 0 ? S_OK : E_FAIL;
}

/* E_FAIL when there is no parameter by that name. */
static HRESULT STDMETHODCALLTYPE bc_RevokeObjectParam(IBindCtx *iface, LPOLESTR pszKey)
{
    bindctx *bc = impl(iface);
    bc_param p = {NULL, NULL};
    long i;
    if (!pszKey) return E_INVALIDARG;
    pthread_mutex_lock(&bc->lock);
    i = find_param(bc, pszKey);
    if (i >= 0) {
        p = bc->params[i];
        memmove(bc->params + i, bc->params + i + 1, (bc->nparams - (ULONG)i - 1) * sizeof *bc->params);
        bc->nparams--;
    }
    pthread_mutex_unlock(&bc->lock);
    if (i < 0) return E_FAIL;
    free(p.key);
    IUnknown_Release(p.obj);
    return S_OK;
}

/* ---- IEnumString over the parameter names -------------------------------- */

static HRESULT str_copy(void *dst, const void *src)
{
    return comrt__mk_taskdup(*(WCHAR *const *)src, (LPOLESTR *)dst);
}

static void str_clear(void *item)
{
    CoTaskMemFree(*(LPOLESTR *)item);
    *(LPOLESTR *)item = NULL;
}

COMRT__ENUM_VTBL(es, IEnumString, LPOLESTR);

static const comrt__enum_kind es_kind = {&IID_IEnumString, &es_vtbl, sizeof(LPOLESTR), str_copy, str_clear};

/* *ppenum receives an enumerator over a snapshot of the parameter names, in
 * registration order; Next hands out CoTaskMemAlloc'ed copies (the caller
 * frees each with CoTaskMemFree). */
static HRESULT STDMETHODCALLTYPE bc_EnumObjectParam(IBindCtx *iface, IEnumString **ppenum)
{
    bindctx *bc = impl(iface);
    WCHAR **keys = NULL;
    ULONG n, i;
    HRESULT hr = E_OUTOFMEMORY;

    if (!ppenum) return E_POINTER;
    *ppenum = NULL;
    pthread_mutex_lock(&bc->lock);
    n = bc->nparams;
    keys = calloc(n ? n : 1, sizeof *keys);
    for (i = 0; keys && i < n; i++) keys[i] = comrt__mk_wcsdup(bc->params[i].key);
    pthread_mutex_unlock(&bc->lock);
    if (!keys) goto out;
    for (i = 0; i < n; i++)
        if (!keys[i]) goto out;
    hr = comrt__enum_create(&es_kind, n, keys, (void **)ppenum);
out:
    if (keys)
        for (i = 0; i < n; i++) free(keys[i]);
    free(keys);
    return hr;
}

static const IBindCtxVtbl bc_vtbl = {
    bc_QueryInterface,      bc_AddRef,          bc_Release,           bc_RegisterObjectBound,
    bc_RevokeObjectBound,   bc_ReleaseBoundObjects, bc_SetBindOptions, bc_GetBindOptions,
    bc_GetRunningObjectTable, bc_RegisterObjectParam, bc_GetObjectParam, bc_EnumObjectParam,
    bc_RevokeObjectParam,
};

/* See objbase.h. */
HRESULT CreateBindCtx(DWORD reserved, LPBC *ppbc)
{
    bindctx *bc;
    if (!ppbc) return E_INVALIDARG;
    *ppbc = NULL;
    if (reserved) return E_INVALIDARG;
    bc = calloc(1, sizeof *bc);
    if (!bc) return E_OUTOFMEMORY;
    bc->IBindCtx_iface.lpVtbl = &bc_vtbl;
    bc->ref = 1;
    pthread_mutex_init(&bc->lock, NULL);
    bc->opts.cbStruct = sizeof(BIND_OPTS2);
    bc->opts.grfMode = STGM_READWRITE;
    bc->opts.dwClassContext = CLSCTX_SERVER;
    bc->opts.locale = 0x0409; /* en-US: comrt's user default locale */
    *ppbc = &bc->IBindCtx_iface;
    return S_OK;
}
