/*
 * lib/typelib/typecomp.c — ITypeComp, the binding interface compilers use:
 * over a library (global names: enum constants, module members, and the
 * enum/module types themselves) and over one type (its members and those
 * of the interfaces it inherits).
 *
 * Each GetTypeComp call makes a small object that holds a reference on the
 * library or type info it binds in.
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "typelib/typelib_model.h"

typedef struct {
    ITypeComp iface;
    LONG ref;
    comrt__typelib *tl; /* library scope (holds a reference), or */
    ITypeInfo *ti;      /* type scope (holds a reference) */
} typecomp;

static inline typecomp *impl(ITypeComp *p) { return (typecomp *)p; }

static HRESULT STDMETHODCALLTYPE tc_QueryInterface(ITypeComp *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ITypeComp)) {
        *ppv = This;
        comrt__ref_inc(&impl(This)->ref);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE tc_AddRef(ITypeComp *This) { return comrt__ref_inc(&impl(This)->ref); }

static ULONG STDMETHODCALLTYPE tc_Release(ITypeComp *This)
{
    typecomp *tc = impl(This);
    ULONG r = comrt__ref_dec(&tc->ref);
    if (!r) {
        if (tc->ti) ITypeInfo_Release(tc->ti);
        if (tc->tl) ITypeLib2_Release(&tc->tl->iface);
        free(tc);
    }
    return r;
}

/* Binds name among the members of our type info `ti` (and its bases). */
static HRESULT bind_in_type(ITypeInfo *ti, const WCHAR *name, WORD flags, int depth, ITypeInfo **pti, DESCKIND *pkind,
                            BINDPTR *pbind)
{
    TYPEATTR *ta;
    HRESULT hr;
    BOOL name_seen = FALSE;

    hr = ITypeInfo_GetTypeAttr(ti, &ta);
    if (hr != S_OK) return hr;
    for (UINT i = 0; i < ta->cFuncs; i++) {
        FUNCDESC *fd;
        BSTR fname = NULL;
        UINT c = 0;
        BOOL match;
        hr = ITypeInfo_GetFuncDesc(ti, i, &fd);
        if (hr != S_OK) continue;
        match = ITypeInfo_GetNames(ti, fd->memid, &fname, 1, &c) == S_OK && c == 1 && fname &&
                comrt__utf16_len(fname) == comrt__utf16_len(name);
        if (match) {
            for (size_t k = 0; name[k]; k++) {
                WCHAR a = fname[k], b = name[k];
                if (a >= 'a' && a <= 'z') a = (WCHAR)(a - 32);
                if (b >= 'a' && b <= 'z') b = (WCHAR)(b - 32);
                if (a != b) { match = FALSE; break; }
            }
        }
        SysFreeString(fname);
        if (match) {
            name_seen = TRUE;
            if (!flags || (fd->invkind & flags)) {
                /* report the type that declares the function */
                ITypeInfo *owner = NULL;
                if (comrt__typeinfo_func_owner(ti, i, &owner) != S_OK) {
                    ITypeInfo_AddRef(ti);
                    owner = ti;
                }
                *pti = owner;
                *pkind = DESCKIND_FUNCDESC;
                pbind->lpfuncdesc = fd;
                ITypeInfo_ReleaseTypeAttr(ti, ta);
                return S_OK;
            }
        }
        ITypeInfo_ReleaseFuncDesc(ti, fd);
    }
    for (UINT i = 0; i < ta->cVars; i++) {
        VARDESC *vd;
        BSTR vname = NULL;
        UINT c = 0;
        BOOL match = FALSE;
        hr = ITypeInfo_GetVarDesc(ti, i, &vd);
        if (hr != S_OK) continue;
        if (ITypeInfo_GetNames(ti, vd->memid, &vname, 1, &c) == S_OK && c == 1 && vname) {
            match = comrt__utf16_len(vname) == comrt__utf16_len(name);
            for (size_t k = 0; match && name[k]; k++) {
                WCHAR a = vname[k], b = name[k];
                if (a >= 'a' && a <= 'z') a = (WCHAR)(a - 32);
                if (b >= 'a' && b <= 'z') b = (WCHAR)(b - 32);
                if (a != b) match = FALSE;
            }
        }
        SysFreeString(vname);
        if (match) {
            ITypeInfo_AddRef(ti);
            *pti = ti;
            *pkind = DESCKIND_VARDESC;
            pbind->lpvardesc = vd;
            ITypeInfo_ReleaseTypeAttr(ti, ta);
            return S_OK;
        }
        ITypeInfo_ReleaseVarDesc(ti, vd);
    }
    /* an interface binds in its base too */
    if (ta->typekind == TKIND_INTERFACE && ta->cImplTypes && depth < 32) {
        HREFTYPE href;
        ITypeInfo *base;
        if (ITypeInfo_GetRefTypeOfImplType(ti, 0, &href) == S_OK && ITypeInfo_GetRefTypeInfo(ti, href, &base) == S_OK) {
            if (comrt__typeinfo_is_ours(base)) {
                hr = bind_in_type(base, name, flags, depth + 1, pti, pkind, pbind);
                ITypeInfo_Release(base);
                ITypeInfo_ReleaseTypeAttr(ti, ta);
                if (hr != S_OK || *pkind != DESCKIND_NONE) return hr;
                if (name_seen) return TYPE_E_TYPEMISMATCH;
                return S_OK;
            }
            ITypeInfo_Release(base);
        }
    }
    ITypeInfo_ReleaseTypeAttr(ti, ta);
    *pkind = DESCKIND_NONE;
    *pti = NULL;
    return name_seen ? TYPE_E_TYPEMISMATCH : S_OK;
}

HRESULT comrt__typecomp_for_type(ITypeInfo *ti, ITypeComp **out);

/* Binds name in the default interface of appobject coclass `index`; on a
 * hit the answer is DESCKIND_IMPLICITAPPOBJ with a VARDESC for the
 * coclass's implicit instance (memid ID_DEFAULTINST, VAR_STATIC). */
static HRESULT bind_appobj(comrt__typelib *tl, uint32_t index, const WCHAR *name, WORD flags, ITypeInfo **pti,
                           DESCKIND *pkind, BINDPTR *pbind)
{
    const comrt__tl_model *m = comrt__typelib_model(tl);
    const comrt__tl_type *t = &m->types[index];
    ITypeInfo *co = NULL, *def = NULL, *bti = NULL;
    DESCKIND kind = DESCKIND_NONE;
    BINDPTR bp;
    HRESULT hr;
    int pick = -1;

    for (uint16_t k = 0; k < t->cimpl; k++) {
        int32_t fl = m->impls[t->first_impl + k].flags;
        if ((fl & IMPLTYPEFLAG_FDEFAULT) && !(fl & IMPLTYPEFLAG_FSOURCE)) { pick = k; break; }
    }
    if (pick < 0) return S_OK;
    hr = comrt__typeinfo_get(tl, index, FALSE, &co);
    if (hr != S_OK) return hr;
    {
        HREFTYPE href;
        if (ITypeInfo_GetRefTypeOfImplType(co, (UINT)pick, &href) != S_OK || ITypeInfo_GetRefTypeInfo(co, href, &def) != S_OK ||
            !comrt__typeinfo_is_ours(def)) {
            if (def) ITypeInfo_Release(def);
            ITypeInfo_Release(co);
            return S_OK;
        }
    }
    memset(&bp, 0, sizeof bp);
    hr = bind_in_type(def, name, flags, 0, &bti, &kind, &bp);
    ITypeInfo_Release(def);
    if (hr == S_OK && kind != DESCKIND_NONE) {
        VARDESC *vd;
        if (kind == DESCKIND_FUNCDESC) ITypeInfo_ReleaseFuncDesc(bti, bp.lpfuncdesc);
        else if (kind == DESCKIND_VARDESC) ITypeInfo_ReleaseVarDesc(bti, bp.lpvardesc);
        else if (kind == DESCKIND_TYPECOMP && bp.lptcomp) ITypeComp_Release(bp.lptcomp);
        if (bti) ITypeInfo_Release(bti);
        vd = CoTaskMemAlloc(sizeof *vd);
        if (!vd) { ITypeInfo_Release(co); return E_OUTOFMEMORY; }
        memset(vd, 0, sizeof *vd);
        vd->memid = ID_DEFAULTINST;
        vd->varkind = VAR_STATIC;
        vd->elemdescVar.tdesc.vt = VT_USERDEFINED;
        vd->elemdescVar.tdesc.hreftype = (HREFTYPE)(index * 0x64);
        *pti = co;
        *pkind = DESCKIND_IMPLICITAPPOBJ;
        pbind->lpvardesc = vd;
        return S_OK;
    }
    if (bti) ITypeInfo_Release(bti);
    ITypeInfo_Release(co);
    return hr == TYPE_E_TYPEMISMATCH ? S_OK : hr;
}

static HRESULT STDMETHODCALLTYPE tc_Bind(ITypeComp *This, LPOLESTR name, ULONG hash, WORD flags, ITypeInfo **pti,
                                         DESCKIND *pkind, BINDPTR *pbind)
{
    typecomp *tc = impl(This);
    HRESULT hr = S_OK;
    (void)hash;
    if (!name || !pti || !pkind || !pbind) return E_INVALIDARG;
    *pti = NULL;
    *pkind = DESCKIND_NONE;
    pbind->lpfuncdesc = NULL;
    if (tc->ti) {
        /* A dual dispatch view binds through its whole vtable (inherited
         * functions are listed in it), so no base walk is needed there. */
        return bind_in_type(tc->ti, name, flags, 0, pti, pkind, pbind);
    }
    {
        const comrt__tl_model *m = comrt__typelib_model(tc->tl);
        for (uint32_t i = 0; i < m->ntypes; i++) {
            const comrt__tl_type *t = &m->types[i];
            ITypeInfo *ti;
            if (t->kind != TKIND_ENUM && t->kind != TKIND_MODULE) continue;
            if (comrt__tl_name_eq(m, t->name, name)) {
                hr = comrt__typeinfo_get(tc->tl, i, FALSE, &ti);
                if (hr != S_OK) return hr;
                hr = comrt__typecomp_for_type(ti, &pbind->lptcomp);
                ITypeInfo_Release(ti);
                if (hr == S_OK) *pkind = DESCKIND_TYPECOMP;
                return hr;
            }
            hr = comrt__typeinfo_get(tc->tl, i, FALSE, &ti);
            if (hr != S_OK) return hr;
            hr = bind_in_type(ti, name, flags, 0, pti, pkind, pbind);
            ITypeInfo_Release(ti);
            if (hr != S_OK || *pkind != DESCKIND_NONE) return hr;
        }
        /* members of an [appobject] coclass's default interface bind to its
         * implicit instance */
        for (uint32_t i = 0; i < m->ntypes; i++) {
            const comrt__tl_type *t = &m->types[i];
            if (t->kind == TKIND_COCLASS && (t->typeflags & TYPEFLAG_FAPPOBJECT)) {
                hr = bind_appobj(tc->tl, i, name, flags, pti, pkind, pbind);
                if (hr != S_OK || *pkind != DESCKIND_NONE) return hr;
            }
        }
    }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE tc_BindType(ITypeComp *This, LPOLESTR name, ULONG hash, ITypeInfo **pti,
                                             ITypeComp **ptc)
{
    typecomp *tc = impl(This);
    (void)hash;
    if (!name || !pti || !ptc) return E_INVALIDARG;
    *pti = NULL;
    *ptc = NULL;
    if (tc->tl) {
        const comrt__tl_model *m = comrt__typelib_model(tc->tl);
        for (uint32_t i = 0; i < m->ntypes; i++) {
            if (comrt__tl_name_eq(m, m->types[i].name, name)) {
                HRESULT hr = comrt__typeinfo_get(tc->tl, i, FALSE, pti);
                if (hr != S_OK) return hr;
                /* oleaut32 also hands out the type's ITypeComp here */
                hr = comrt__typecomp_for_type(*pti, ptc);
                if (hr != S_OK) { ITypeInfo_Release(*pti); *pti = NULL; }
                return hr;
            }
        }
    }
    return S_OK;
}

static const ITypeCompVtbl tc_vtbl = { tc_QueryInterface, tc_AddRef, tc_Release, tc_Bind, tc_BindType };

static HRESULT make(comrt__typelib *tl, ITypeInfo *ti, ITypeComp **out)
{
    typecomp *tc = calloc(1, sizeof *tc);
    if (!tc) return E_OUTOFMEMORY;
    tc->iface.lpVtbl = (ITypeCompVtbl *)&tc_vtbl;
    tc->ref = 1;
    tc->tl = tl;
    tc->ti = ti;
    if (tl) ITypeLib2_AddRef(&tl->iface);
    if (ti) ITypeInfo_AddRef(ti);
    *out = &tc->iface;
    return S_OK;
}

HRESULT comrt__typecomp_for_lib(comrt__typelib *tl, ITypeComp **out) { return make(tl, NULL, out); }
HRESULT comrt__typecomp_for_type(ITypeInfo *ti, ITypeComp **out) { return make(NULL, ti, out); }
