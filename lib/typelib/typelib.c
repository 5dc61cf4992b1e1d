/*
 * lib/typelib/typelib.c — the ITypeLib2 object over a parsed model.
 *
 * The library owns one ITypeInfo2 object per type (plus one for the
 * interface half of each dual dispinterface), made together with it, so
 * GetTypeInfo hands out the same object every time.  A type info's
 * reference keeps its library alive: its first AddRef takes a reference on
 * the library and its last Release gives it back.
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "typelib/typelib_model.h"

static inline comrt__typelib *impl(ITypeLib2 *p) { return (comrt__typelib *)p; }

static HRESULT STDMETHODCALLTYPE tl_QueryInterface(ITypeLib2 *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ITypeLib) || IsEqualIID(riid, &IID_ITypeLib2)) {
        *ppv = This;
        comrt__ref_inc(&impl(This)->ref);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE tl_AddRef(ITypeLib2 *This) { return comrt__ref_inc(&impl(This)->ref); }

static void tl_destroy(comrt__typelib *tl)
{
    /* Plans point into imports: free them first. */
    if (tl->infos && tl->m) {
        for (uint32_t i = 0; i < 2 * tl->m->ntypes; i++)
            comrt__typeinfo_free_plans(&tl->infos[i]);
    }
    if (tl->imports && tl->m) {
        for (uint32_t i = 0; i < tl->m->nimpfiles; i++)
            if (tl->imports[i]) ITypeLib_Release(tl->imports[i]);
    }
    free(tl->imports);
    free(tl->import_tried);
    free(tl->infos);
    free(tl->path);
    free(tl->cache_key);
    pthread_mutex_destroy(&tl->lock);
    comrt__tl_model_free(tl->m);
    free(tl);
}

static ULONG STDMETHODCALLTYPE tl_Release(ITypeLib2 *This)
{
    comrt__typelib *tl = impl(This);
    ULONG r;
    /* A cached library may be found again while its count reaches zero:
     * load.c drops the reference under the cache lock. */
    if (tl->cache_key) return comrt__typelib_cache_release(tl);
    r = comrt__ref_dec(&tl->ref);
    if (!r) tl_destroy(tl);
    return r;
}

void comrt__typelib_destroy(comrt__typelib *tl) { tl_destroy(tl); }

static UINT STDMETHODCALLTYPE tl_GetTypeInfoCount(ITypeLib2 *This) { return impl(This)->m->ntypes; }

static HRESULT STDMETHODCALLTYPE tl_GetTypeInfo(ITypeLib2 *This, UINT index, ITypeInfo **pp)
{
    if (!pp) return E_INVALIDARG;
    if (index >= impl(This)->m->ntypes) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__typeinfo_get(impl(This), index, FALSE, pp);
}

static HRESULT STDMETHODCALLTYPE tl_GetTypeInfoType(ITypeLib2 *This, UINT index, TYPEKIND *pk)
{
    if (!pk) return E_INVALIDARG;
    if (index >= impl(This)->m->ntypes) return TYPE_E_ELEMENTNOTFOUND;
    *pk = impl(This)->m->types[index].kind;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE tl_GetTypeInfoOfGuid(ITypeLib2 *This, REFGUID guid, ITypeInfo **pp)
{
    const comrt__tl_model *m = impl(This)->m;
    if (!pp || !guid) return E_INVALIDARG;
    for (uint32_t i = 0; i < m->ntypes; i++)
        if (IsEqualGUID(&m->types[i].guid, guid)) return comrt__typeinfo_get(impl(This), i, FALSE, pp);
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE tl_GetLibAttr(ITypeLib2 *This, TLIBATTR **pp)
{
    TLIBATTR *a;
    if (!pp) return E_INVALIDARG;
    a = CoTaskMemAlloc(sizeof *a);
    if (!a) return E_OUTOFMEMORY;
    *a = impl(This)->m->attr;
    *pp = a;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE tl_GetTypeComp(ITypeLib2 *This, ITypeComp **pp)
{
    if (!pp) return E_INVALIDARG;
    return comrt__typecomp_for_lib(impl(This), pp);
}

/* Fills the optional outputs from stored strings; all or nothing. */
static HRESULT doc_out(const comrt__tl_model *m, comrt__tl_str name, comrt__tl_str doc, DWORD ctx, comrt__tl_str file,
                       BSTR *pname, BSTR *pdoc, DWORD *pctx, BSTR *pfile)
{
    BSTR n = NULL, d = NULL, f = NULL;
    if ((pname && name.off && !(n = comrt__tl_bstr(m, name))) || (pdoc && doc.off && !(d = comrt__tl_bstr(m, doc))) ||
        (pfile && file.off && !(f = comrt__tl_bstr(m, file)))) {
        SysFreeString(n);
        SysFreeString(d);
        SysFreeString(f);
        return E_OUTOFMEMORY;
    }
    if (pname) *pname = n;
    if (pdoc) *pdoc = d;
    if (pctx) *pctx = ctx;
    if (pfile) *pfile = f;
    return S_OK;
}

HRESULT comrt__tl_doc_out(const comrt__tl_model *m, comrt__tl_str name, comrt__tl_str doc, DWORD ctx, comrt__tl_str file,
                          BSTR *pname, BSTR *pdoc, DWORD *pctx, BSTR *pfile)
{
    return doc_out(m, name, doc, ctx, file, pname, pdoc, pctx, pfile);
}

static HRESULT STDMETHODCALLTYPE tl_GetDocumentation(ITypeLib2 *This, INT index, BSTR *pname, BSTR *pdoc, DWORD *pctx,
                                                     BSTR *pfile)
{
    const comrt__tl_model *m = impl(This)->m;
    if (index == -1) return doc_out(m, m->name, m->doc, m->helpctx, m->helpfile, pname, pdoc, pctx, pfile);
    if (index < 0 || (UINT)index >= m->ntypes) return TYPE_E_ELEMENTNOTFOUND;
    const comrt__tl_type *t = &m->types[index];
    return doc_out(m, t->name, t->doc, t->helpctx, m->helpfile, pname, pdoc, pctx, pfile);
}

/* Copies the stored spelling of a found name into the caller's buffer. */
static void copy_case(const comrt__tl_model *m, comrt__tl_str s, LPOLESTR buf)
{
    for (uint32_t i = 0; i < s.len; i++) buf[i] = m->data[s.off + i];
}

/* The search IsName and FindName share: calls hit for each type or member
 * named `name`; stops when hit returns FALSE. */
typedef BOOL (*name_hit)(void *ctx, uint32_t type, MEMBERID memid, comrt__tl_str stored);

static void name_search(const comrt__tl_model *m, const WCHAR *name, BOOL params, name_hit hit, void *ctx)
{
    for (uint32_t i = 0; i < m->ntypes; i++) {
        const comrt__tl_type *t = &m->types[i];
        if (comrt__tl_name_eq(m, t->name, name) && !hit(ctx, i, MEMBERID_NIL, t->name)) return;
        for (uint32_t f = 0; f < t->cfuncs; f++) {
            const comrt__tl_func *fn = &m->funcs[t->first_func + f];
            if (comrt__tl_name_eq(m, fn->name, name) && !hit(ctx, i, fn->memid, fn->name)) return;
            if (params) {
                for (int16_t p = 0; p < fn->cparams; p++) {
                    const comrt__tl_param *pa = &m->params[fn->first_param + (uint32_t)p];
                    if (comrt__tl_name_eq(m, pa->name, name) && !hit(ctx, i, MEMBERID_NIL, pa->name)) return;
                }
            }
        }
        for (uint32_t v = 0; v < t->cvars; v++) {
            const comrt__tl_var *va = &m->vars[t->first_var + v];
            if (comrt__tl_name_eq(m, va->name, name) && !hit(ctx, i, va->memid, va->name)) return;
        }
    }
}

typedef struct { const comrt__tl_model *m; LPOLESTR buf; BOOL found; } isname_ctx;

static BOOL isname_hit(void *ctx, uint32_t type, MEMBERID memid, comrt__tl_str stored)
{
    isname_ctx *c = ctx;
    (void)type; (void)memid;
    copy_case(c->m, stored, c->buf);
    c->found = TRUE;
    return FALSE;
}

static HRESULT STDMETHODCALLTYPE tl_IsName(ITypeLib2 *This, LPOLESTR buf, ULONG hash, BOOL *pf)
{
    isname_ctx c = { impl(This)->m, buf, FALSE };
    (void)hash;
    if (!buf || !pf) return E_INVALIDARG;
    name_search(c.m, buf, TRUE, isname_hit, &c);
    *pf = c.found;
    return S_OK;
}

typedef struct { comrt__typelib *tl; ITypeInfo **tis; MEMBERID *ids; USHORT n, max; HRESULT hr; LPOLESTR buf; } findname_ctx;

static BOOL findname_hit(void *ctx, uint32_t type, MEMBERID memid, comrt__tl_str stored)
{
    findname_ctx *c = ctx;
    ITypeInfo *ti;
    if (!c->n) copy_case(c->tl->m, stored, c->buf);
    if (c->n >= c->max) return FALSE;
    /* a property's get/put functions share a member id: one match */
    for (USHORT i = 0; i < c->n; i++) {
        comrt__typelib *otl;
        uint32_t oindex;
        BOOL odual;
        comrt__typeinfo_ident(c->tis[i], &otl, &oindex, &odual);
        if (oindex == type && c->ids[i] == memid) return TRUE;
    }
    c->hr = comrt__typeinfo_get(c->tl, type, FALSE, &ti);
    if (c->hr != S_OK) return FALSE;
    c->tis[c->n] = ti;
    c->ids[c->n] = memid;
    c->n++;
    return c->n < c->max;
}

static HRESULT STDMETHODCALLTYPE tl_FindName(ITypeLib2 *This, LPOLESTR buf, ULONG hash, ITypeInfo **tis, MEMBERID *ids,
                                             USHORT *pc)
{
    findname_ctx c = { impl(This), tis, ids, 0, 0, S_OK, buf };
    (void)hash;
    if (!buf || !tis || !ids || !pc || !*pc) return E_INVALIDARG;
    c.max = *pc;
    name_search(impl(This)->m, buf, FALSE, findname_hit, &c);
    if (c.hr != S_OK) {
        for (USHORT i = 0; i < c.n; i++) ITypeInfo_Release(tis[i]);
        return c.hr;
    }
    *pc = c.n;
    return S_OK;
}

static void STDMETHODCALLTYPE tl_ReleaseTLibAttr(ITypeLib2 *This, TLIBATTR *p)
{
    (void)This;
    CoTaskMemFree(p);
}

static HRESULT STDMETHODCALLTYPE tl_GetCustData(ITypeLib2 *This, REFGUID guid, VARIANT *pv)
{
    VARIANT v;
    HRESULT hr;
    if (!guid || !pv) return E_INVALIDARG;
    VariantInit(&v);
    hr = comrt__tl_custdata_get(impl(This)->m, impl(This)->m->custdata, guid, &v);
    if (hr == S_OK && V_VT(&v) == VT_EMPTY) hr = TYPE_E_ELEMENTNOTFOUND;
    if (hr == S_OK) { VariantClear(pv); *pv = v; }
    return hr;
}

static HRESULT STDMETHODCALLTYPE tl_GetLibStatistics(ITypeLib2 *This, ULONG *pcnames, ULONG *pcch)
{
    if (!pcnames) return E_INVALIDARG;
    *pcnames = impl(This)->m->unique_names;
    if (pcch) *pcch = impl(This)->m->unique_chars;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE tl_GetDocumentation2(ITypeLib2 *This, INT index, LCID lcid, BSTR *phs, DWORD *pctx,
                                                      BSTR *pdll)
{
    const comrt__tl_model *m = impl(This)->m;
    comrt__tl_str none = { 0, 0 };
    (void)lcid;
    if (index == -1) return doc_out(m, m->doc, none, m->hsctx, m->helpdll, phs, NULL, pctx, pdll);
    if (index < 0 || (UINT)index >= m->ntypes) return TYPE_E_ELEMENTNOTFOUND;
    const comrt__tl_type *t = &m->types[index];
    return doc_out(m, t->doc, none, t->hsctx, m->helpdll, phs, NULL, pctx, pdll);
}

static HRESULT STDMETHODCALLTYPE tl_GetAllCustData(ITypeLib2 *This, CUSTDATA *pcd)
{
    if (!pcd) return E_INVALIDARG;
    return comrt__tl_custdata_all(impl(This)->m, impl(This)->m->custdata, pcd);
}

static const ITypeLib2Vtbl tl_vtbl = {
    tl_QueryInterface, tl_AddRef, tl_Release, tl_GetTypeInfoCount, tl_GetTypeInfo, tl_GetTypeInfoType,
    tl_GetTypeInfoOfGuid, tl_GetLibAttr, tl_GetTypeComp, tl_GetDocumentation, tl_IsName, tl_FindName,
    tl_ReleaseTLibAttr, tl_GetCustData, tl_GetLibStatistics, tl_GetDocumentation2, tl_GetAllCustData,
};

HRESULT comrt__typelib_create(comrt__tl_model *m, const WCHAR *path, comrt__typelib **out)
{
    comrt__typelib *tl = calloc(1, sizeof *tl);
    if (!tl) goto oom;
    tl->iface.lpVtbl = (ITypeLib2Vtbl *)&tl_vtbl;
    tl->ref = 1;
    tl->m = m;
    pthread_mutex_init(&tl->lock, NULL);
    if (path) {
        size_t n = comrt__utf16_len(path);
        tl->path = malloc((n + 1) * sizeof(WCHAR));
        if (!tl->path) goto oom_tl;
        memcpy(tl->path, path, (n + 1) * sizeof(WCHAR));
        m->attr.wLibFlags |= LIBFLAG_FHASDISKIMAGE;
    }
    if (m->ntypes) {
        tl->infos = calloc((size_t)m->ntypes * 2, sizeof *tl->infos);
        if (!tl->infos) goto oom_tl;
    }
    for (uint32_t i = 0; i < m->ntypes * 2; i++) {
        tl->infos[i].iface.lpVtbl = (ITypeInfo2Vtbl *)&comrt__typeinfo_vtbl;
        tl->infos[i].tl = tl;
        tl->infos[i].index = i % m->ntypes;
        tl->infos[i].dual_iface = i >= m->ntypes;
    }
    if (m->nimpfiles) {
        tl->imports = calloc(m->nimpfiles, sizeof *tl->imports);
        tl->import_tried = calloc(m->nimpfiles, 1);
        if (!tl->imports || !tl->import_tried) goto oom_tl;
    }
    *out = tl;
    return S_OK;
oom_tl:
    tl->m = NULL;
    tl_destroy(tl);
oom:
    return E_OUTOFMEMORY;
}

const comrt__tl_model *comrt__typelib_model(const comrt__typelib *tl) { return tl->m; }
ITypeLib *comrt__typelib_iface(comrt__typelib *tl) { return (ITypeLib *)&tl->iface; }
comrt__typelib *comrt__typelib_from_iface(ITypeLib *p)
{
    return (p && p->lpVtbl == (void *)&tl_vtbl) ? (comrt__typelib *)p : NULL;
}
const WCHAR *comrt__typelib_path(const comrt__typelib *tl) { return tl->path; }
