/*
 * runtime/classinfo.c — ComrtCreateProvideClassInfo: IProvideClassInfo2
 * for a server object described by a coclass, as an inner object the server
 * aggregates (the same two faces as CreateStdDispatch: a non-delegating
 * inner IUnknown that owns the object, and an IProvideClassInfo2 that
 * delegates IUnknown to the outer).
 *
 * GetGUID(GUIDKIND_DEFAULT_SOURCE_DISP_IID) reads the coclass's implemented
 * interfaces for the one flagged [default, source].  The kind promises a
 * dispinterface ("must be derived from IDispatch"), so a dispinterface or an
 * interface that derives from IDispatch (dual or not) answers its IID; a
 * default source that is a plain vtable interface, or no default source,
 * answers E_FAIL, as ATL's implementation does without one.
 */
#define COBJMACROS
#include <stdlib.h>

#include "base/base_internal.h"

/* Walking an interface's base chain stops here (a type library whose
 * inheritance loops is corrupt, not deep). */
#define CI_MAX_DEPTH 64

typedef struct {
    IProvideClassInfo2 pci;
    IUnknown inner;
    IUnknown *outer;  /* not AddRef'ed: it owns us (the inner itself if not aggregated) */
    ITypeInfo *tinfo; /* the coclass, AddRef'ed */
    LONG ref;
} classinfo;

static classinfo *from_pci(IProvideClassInfo2 *p) { return CONTAINING_RECORD(p, classinfo, pci); }
static classinfo *from_inner(IUnknown *p) { return CONTAINING_RECORD(p, classinfo, inner); }

static HRESULT STDMETHODCALLTYPE ci_inner_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    classinfo *ci = from_inner(This);
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown))
        *ppv = &ci->inner;
    else if (IsEqualIID(riid, &IID_IProvideClassInfo) || IsEqualIID(riid, &IID_IProvideClassInfo2))
        *ppv = &ci->pci;
    else
        return E_NOINTERFACE;
    IUnknown_AddRef((IUnknown *)*ppv);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE ci_inner_AddRef(IUnknown *This) { return comrt__ref_inc(&from_inner(This)->ref); }

static ULONG STDMETHODCALLTYPE ci_inner_Release(IUnknown *This)
{
    classinfo *ci = from_inner(This);
    ULONG r = comrt__ref_dec(&ci->ref);
    if (!r) {
        ITypeInfo_Release(ci->tinfo);
        free(ci);
    }
    return r;
}

static const IUnknownVtbl ci_inner_vtbl = {ci_inner_QueryInterface, ci_inner_AddRef, ci_inner_Release};

static HRESULT STDMETHODCALLTYPE ci_QueryInterface(IProvideClassInfo2 *This, REFIID riid, void **ppv)
{
    return IUnknown_QueryInterface(from_pci(This)->outer, riid, ppv);
}
static ULONG STDMETHODCALLTYPE ci_AddRef(IProvideClassInfo2 *This) { return IUnknown_AddRef(from_pci(This)->outer); }
static ULONG STDMETHODCALLTYPE ci_Release(IProvideClassInfo2 *This) { return IUnknown_Release(from_pci(This)->outer); }

static HRESULT STDMETHODCALLTYPE ci_GetClassInfo(IProvideClassInfo2 *This, ITypeInfo **ppTI)
{
    classinfo *ci = from_pci(This);
    if (!ppTI) return E_POINTER;
    ITypeInfo_AddRef(ci->tinfo);
    *ppTI = ci->tinfo;
    return S_OK;
}

/* S_OK when ti (a dispinterface or an interface) can be called through
 * IDispatch: a dispinterface, an interface flagged dual or dispatchable
 * (type-library writers compute TYPEFLAG_FDISPATCHABLE), or one whose base
 * chain reaches such a type or IDispatch; S_FALSE when not (or when the
 * chain cannot be followed); a failure reading ti's own attributes. */
static HRESULT derives_from_dispatch(ITypeInfo *ti)
{
    HRESULT hr = S_FALSE;
    ITypeInfo *cur = ti, *base = NULL;
    TYPEATTR *ta = NULL;
    HREFTYPE href;

    ITypeInfo_AddRef(cur);
    for (int depth = 0; depth < CI_MAX_DEPTH; depth++) {
        TYPEKIND kind;
        WORD flags, cimpl;
        hr = ITypeInfo_GetTypeAttr(cur, &ta);
        if (FAILED(hr)) goto out;
        kind = ta->typekind;
        flags = ta->wTypeFlags;
        cimpl = ta->cImplTypes;
        if (IsEqualIID(&ta->guid, &IID_IDispatch) || kind == TKIND_DISPATCH ||
            (flags & (TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE))) {
            hr = S_OK;
            goto out;
        }
        ITypeInfo_ReleaseTypeAttr(cur, ta);
        ta = NULL;
        if (kind != TKIND_INTERFACE || cimpl == 0) {
            hr = S_FALSE;
            goto out;
        }
        /* A base that does not load (typically IUnknown in stdole2 when
         * no stdole is registered) is not known to be IDispatch. */
        if (FAILED(ITypeInfo_GetRefTypeOfImplType(cur, 0, &href)) ||
            FAILED(ITypeInfo_GetRefTypeInfo(cur, href, &base))) {
            hr = S_FALSE;
            goto out;
        }
        ITypeInfo_Release(cur);
        cur = base;
        base = NULL;
    }
    hr = S_FALSE;
out:
    if (ta) ITypeInfo_ReleaseTypeAttr(cur, ta);
    ITypeInfo_Release(cur);
    return hr;
}

static HRESULT STDMETHODCALLTYPE ci_GetGUID(IProvideClassInfo2 *This, DWORD dwGuidKind, GUID *pGUID)
{
    HRESULT hr = S_OK;
    classinfo *ci = from_pci(This);
    TYPEATTR *ta = NULL;
    ITypeInfo *src = NULL;
    WORD count;
    GUID guid;
    int found = 0;

    if (!pGUID) {
        hr = E_POINTER;
        goto out;
    }
    if (dwGuidKind != GUIDKIND_DEFAULT_SOURCE_DISP_IID) {
        hr = E_INVALIDARG;
        goto out;
    }
    hr = ITypeInfo_GetTypeAttr(ci->tinfo, &ta);
    if (FAILED(hr)) goto out;
    count = ta->cImplTypes;
    ITypeInfo_ReleaseTypeAttr(ci->tinfo, ta);
    ta = NULL;
    for (UINT i = 0; i < count && !found; i++) {
        INT flags = 0;
        HREFTYPE href;
        if (FAILED(ITypeInfo_GetImplTypeFlags(ci->tinfo, i, &flags))) continue;
        if ((flags & (IMPLTYPEFLAG_FDEFAULT | IMPLTYPEFLAG_FSOURCE)) != (IMPLTYPEFLAG_FDEFAULT | IMPLTYPEFLAG_FSOURCE))
            continue;
        found = 1;
        hr = ITypeInfo_GetRefTypeOfImplType(ci->tinfo, i, &href);
        if (FAILED(hr)) goto out;
        hr = ITypeInfo_GetRefTypeInfo(ci->tinfo, href, &src);
        if (FAILED(hr)) goto out;
    }
    if (!found) {
        hr = E_FAIL;
        goto out;
    }
    hr = derives_from_dispatch(src);
    if (FAILED(hr)) goto out;
    if (hr != S_OK) {
        hr = E_FAIL;
        goto out;
    }
    hr = ITypeInfo_GetTypeAttr(src, &ta);
    if (FAILED(hr)) goto out;
    guid = ta->guid;
    ITypeInfo_ReleaseTypeAttr(src, ta);
    ta = NULL;
    *pGUID = guid;
out:
    if (src) ITypeInfo_Release(src);
    return hr;
}

static const IProvideClassInfo2Vtbl ci_vtbl = {ci_QueryInterface, ci_AddRef,       ci_Release,
                                               ci_GetClassInfo,   ci_GetGUID};

/*
 * ComrtCreateProvideClassInfo — see comrtext.h.  E_POINTER for NULL
 * ppUnkInner, E_INVALIDARG for NULL pCoClassInfo or one that is not a
 * TKIND_COCLASS; E_OUTOFMEMORY.  With pUnkOuter NULL the object stands
 * alone (its IUnknown is the inner one).
 */
STDAPI ComrtCreateProvideClassInfo(IUnknown *pUnkOuter, ITypeInfo *pCoClassInfo, IUnknown **ppUnkInner)
{
    HRESULT hr = S_OK;
    TYPEATTR *ta = NULL;
    classinfo *ci;
    TYPEKIND kind;

    if (!ppUnkInner) {
        hr = E_POINTER;
        goto out;
    }
    *ppUnkInner = NULL;
    if (!pCoClassInfo) {
        hr = E_INVALIDARG;
        goto out;
    }
    hr = ITypeInfo_GetTypeAttr(pCoClassInfo, &ta);
    if (FAILED(hr)) goto out;
    kind = ta->typekind;
    ITypeInfo_ReleaseTypeAttr(pCoClassInfo, ta);
    if (kind != TKIND_COCLASS) {
        hr = E_INVALIDARG;
        goto out;
    }
    ci = calloc(1, sizeof *ci);
    if (!ci) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    ci->pci.lpVtbl = &ci_vtbl;
    ci->inner.lpVtbl = &ci_inner_vtbl;
    ci->outer = pUnkOuter ? pUnkOuter : &ci->inner;
    ci->tinfo = pCoClassInfo;
    ITypeInfo_AddRef(pCoClassInfo);
    ci->ref = 1;
    *ppUnkInner = &ci->inner;
out:
    return hr;
}
