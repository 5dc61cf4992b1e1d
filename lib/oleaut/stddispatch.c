/*
 * oleaut/stddispatch.c — CreateStdDispatch: a ready-made IDispatch for an
 * object described by a type library, forwarding to DispInvoke and
 * DispGetIDsOfNames.
 *
 * The object has two faces, as COM aggregation needs: the IUnknown handed
 * back in *ppunkStdDisp is its own (it controls the object's lifetime and
 * answers IUnknown and IDispatch), and its IDispatch delegates
 * QueryInterface/AddRef/Release to the outer object when one is given.
 *
 * CreateDispTypeInfo builds, from the SDK's INTERFACEDATA, the type
 * information Windows builds: a TKIND_COCLASS whose one implemented
 * interface (TKIND_INTERFACE) has a FUNC_VIRTUAL function per METHODDATA
 * at vtable offset iMeth * sizeof(void *).  It is made with comrt's own
 * type-library writer in memory (CreateTypeLib2, never saved).
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "oleaut/oleaut_internal.h"

typedef struct {
    IDispatch disp;   /* first: the IDispatch pointer is the object */
    IUnknown inner;   /* the non-delegating IUnknown */
    IUnknown *outer;  /* where IDispatch's IUnknown goes (itself if none) */
    void *pvThis;     /* the object's interface pointer (not AddRef'ed) */
    ITypeInfo *tinfo; /* AddRef'ed */
    LONG ref;
} stddisp;

/* IID_NULL: Invoke and GetIDsOfNames take no other interface id (any
 * other is E_INVALIDARG, as the oracle answers). */
static const GUID sd_iid_null;

static stddisp *from_disp(IDispatch *p) { return (stddisp *)p; }
static stddisp *from_inner(IUnknown *p) { return (stddisp *)((char *)p - offsetof(stddisp, inner)); }

static HRESULT STDMETHODCALLTYPE sd_inner_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    stddisp *sd = from_inner(This);
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown))
        *ppv = &sd->inner;
    else if (IsEqualIID(riid, &IID_IDispatch))
        *ppv = &sd->disp;
    else
        return E_NOINTERFACE;
    IUnknown_AddRef((IUnknown *)*ppv);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE sd_inner_AddRef(IUnknown *This) { return comrt__ref_inc(&from_inner(This)->ref); }

static ULONG STDMETHODCALLTYPE sd_inner_Release(IUnknown *This)
{
    stddisp *sd = from_inner(This);
    ULONG r = comrt__ref_dec(&sd->ref);
    if (!r) {
        ITypeInfo_Release(sd->tinfo);
        free(sd);
    }
    return r;
}

static HRESULT STDMETHODCALLTYPE sd_QueryInterface(IDispatch *This, REFIID riid, void **ppv)
{
    return IUnknown_QueryInterface(from_disp(This)->outer, riid, ppv);
}
static ULONG STDMETHODCALLTYPE sd_AddRef(IDispatch *This) { return IUnknown_AddRef(from_disp(This)->outer); }
static ULONG STDMETHODCALLTYPE sd_Release(IDispatch *This) { return IUnknown_Release(from_disp(This)->outer); }

static HRESULT STDMETHODCALLTYPE sd_GetTypeInfoCount(IDispatch *This, UINT *pctinfo)
{
    (void)This;
    if (!pctinfo) return E_INVALIDARG;
    *pctinfo = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE sd_GetTypeInfo(IDispatch *This, UINT iTInfo, LCID lcid, ITypeInfo **ppTInfo)
{
    (void)lcid;
    if (!ppTInfo) return E_INVALIDARG;
    *ppTInfo = NULL;
    if (iTInfo != 0) return DISP_E_BADINDEX;
    *ppTInfo = from_disp(This)->tinfo;
    ITypeInfo_AddRef(*ppTInfo);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE sd_GetIDsOfNames(IDispatch *This, REFIID riid, LPOLESTR *rgszNames, UINT cNames,
                                                  LCID lcid, DISPID *rgDispId)
{
    (void)lcid;
    if (!riid || !IsEqualIID(riid, &sd_iid_null)) return E_INVALIDARG;
    return DispGetIDsOfNames(from_disp(This)->tinfo, rgszNames, cNames, rgDispId);
}

static HRESULT STDMETHODCALLTYPE sd_Invoke(IDispatch *This, DISPID dispIdMember, REFIID riid, LCID lcid,
                                           WORD wFlags, DISPPARAMS *pDispParams, VARIANT *pVarResult,
                                           EXCEPINFO *pExcepInfo, UINT *puArgErr)
{
    stddisp *sd = from_disp(This);
    (void)lcid;
    if (!riid || !IsEqualIID(riid, &sd_iid_null)) return E_INVALIDARG;
    return DispInvoke(sd->pvThis, sd->tinfo, dispIdMember, wFlags, pDispParams, pVarResult, pExcepInfo, puArgErr);
}

static const IUnknownVtbl sd_inner_vtbl = { sd_inner_QueryInterface, sd_inner_AddRef, sd_inner_Release };
static const IDispatchVtbl sd_vtbl = { sd_QueryInterface, sd_AddRef,       sd_Release,       sd_GetTypeInfoCount,
                                       sd_GetTypeInfo,    sd_GetIDsOfNames, sd_Invoke };

/*
 * CreateStdDispatch — a new standard dispatch object for pvThis (an
 * interface pointer ptinfo describes; not AddRef'ed: it must outlive the
 * object).  *ppunkStdDisp receives its controlling IUnknown (caller
 * Releases); with punkOuter the IDispatch delegates its IUnknown methods to
 * punkOuter (aggregation).  E_INVALIDARG for NULL pvThis, ptinfo or
 * ppunkStdDisp; E_OUTOFMEMORY.
 */
STDAPI CreateStdDispatch(IUnknown *punkOuter, void *pvThis, ITypeInfo *ptinfo, IUnknown **ppunkStdDisp)
{
    HRESULT hr = S_OK;
    stddisp *sd;

    if (!pvThis || !ptinfo || !ppunkStdDisp) {
        hr = E_INVALIDARG;
        goto out;
    }
    sd = calloc(1, sizeof *sd);
    if (!sd) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    sd->disp.lpVtbl = &sd_vtbl;
    sd->inner.lpVtbl = &sd_inner_vtbl;
    sd->outer = punkOuter ? punkOuter : &sd->inner;
    sd->pvThis = pvThis;
    sd->tinfo = ptinfo;
    ITypeInfo_AddRef(ptinfo);
    sd->ref = 1;
    *ppunkStdDisp = &sd->inner;
out:
    return hr;
}

/* Caps on CreateDispTypeInfo's input (a caller's table, but a count that
 * is garbage must not make the writer allocate without bound). */
#define CDTI_MAX_MEMBERS 4096
#define CDTI_MAX_ARGS 64

_Static_assert(sizeof(METHODDATA) == (sizeof(void *) == 8 ? 40 : 28), "METHODDATA layout");
_Static_assert(sizeof(PARAMDATA) == 2 * sizeof(void *), "PARAMDATA layout");

/* A parameter VARTYPE as a TYPEDESC.  Windows stores the VARTYPE as it is
 * (VT_BYREF|VT_I4 in tdesc.vt); a type library cannot hold that, so a
 * VT_BYREF / VT_ARRAY type becomes the equivalent VT_PTR / VT_SAFEARRAY to
 * the base type (inner is the storage for it), which Invoke treats alike. */
static void cdti_tdesc(VARTYPE vt, TYPEDESC *td, TYPEDESC *inner)
{
    memset(td, 0, sizeof *td);
    memset(inner, 0, sizeof *inner);
    if (vt & (VT_BYREF | VT_ARRAY)) {
        td->vt = (vt & VT_BYREF) ? VT_PTR : VT_SAFEARRAY;
        td->lptdesc = inner;
        inner->vt = vt & ~(VT_BYREF | VT_ARRAY);
    } else {
        td->vt = vt;
    }
}

/* Adds METHODDATA md as function index of cti. */
static HRESULT cdti_add(ICreateTypeInfo *cti, UINT index, const METHODDATA *md)
{
    HRESULT hr = S_OK;
    FUNCDESC fd;
    ELEMDESC *params = NULL;
    TYPEDESC *inner = NULL;
    OLECHAR **names = NULL;
    UINT nnames;

    if (!md->szName || md->cArgs > CDTI_MAX_ARGS || (md->cArgs && !md->ppdata) ||
        md->iMeth > 0x7FFF / sizeof(void *)) {
        hr = E_INVALIDARG;
        goto out;
    }
    params = calloc(md->cArgs + 1, sizeof *params);
    inner = calloc(md->cArgs + 1, sizeof *inner);
    names = calloc(md->cArgs + 1, sizeof *names);
    if (!params || !inner || !names) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    memset(&fd, 0, sizeof fd);
    for (UINT k = 0; k < md->cArgs; k++) {
        cdti_tdesc(md->ppdata[k].vt, &params[k].tdesc, &inner[k]);
        names[k + 1] = md->ppdata[k].szName;
    }
    names[0] = md->szName;
    fd.memid = md->dispid;
    fd.funckind = FUNC_VIRTUAL;
    fd.invkind = (INVOKEKIND)md->wFlags;
    fd.callconv = md->cc;
    fd.cParams = (SHORT)md->cArgs;
    fd.lprgelemdescParam = md->cArgs ? params : NULL;
    fd.oVft = (SHORT)(md->iMeth * sizeof(void *));
    fd.elemdescFunc.tdesc.vt = md->vtReturn;
    hr = ICreateTypeInfo_AddFuncDesc(cti, index, &fd);
    if (hr != S_OK) goto out;
    nnames = 1 + md->cArgs;
    for (UINT k = 1; k < nnames; k++) {
        if (!names[k]) {
            nnames = k; /* unnamed parameters from here on */
            break;
        }
    }
    hr = ICreateTypeInfo_SetFuncAndParamNames(cti, index, names, nnames);
out:
    free(params);
    free(inner);
    free(names);
    return hr;
}

/*
 * CreateDispTypeInfo — type information for an object described by
 * pidata (see the file comment): *pptinfo receives the coclass's ITypeInfo
 * (caller Releases; GetRefTypeOfImplType(0) leads to the interface).
 * Invoking it (DispInvoke, CreateStdDispatch) calls the interface's vtable.
 * E_INVALIDARG for NULL pidata / pptinfo, a NULL method table or name, or
 * counts over the caps; what the writer refuses (duplicate names, bad
 * types) comes back as its error.
 */
STDAPI CreateDispTypeInfo(INTERFACEDATA *pidata, LCID lcid, ITypeInfo **pptinfo)
{
    HRESULT hr = S_OK;
    ICreateTypeLib2 *ctl = NULL;
    ICreateTypeInfo *iface = NULL, *cls = NULL;
    ITypeInfo *iface_ti = NULL;
    HREFTYPE href;

    if (!pidata || !pptinfo || pidata->cMembers > CDTI_MAX_MEMBERS || (pidata->cMembers && !pidata->pmethdata)) {
        hr = E_INVALIDARG;
        goto out;
    }
    hr = CreateTypeLib2(sizeof(void *) == 8 ? SYS_WIN64 : SYS_WIN32, OLESTR("CreateDispTypeInfo"), &ctl);
    if (hr != S_OK) goto out;
    hr = ICreateTypeLib2_SetLcid(ctl, lcid);
    if (hr != S_OK) goto out;
    hr = ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)OLESTR("DispInterface"), TKIND_INTERFACE, &iface);
    if (hr != S_OK) goto out;
    for (UINT i = 0; i < pidata->cMembers; i++) {
        hr = cdti_add(iface, i, &pidata->pmethdata[i]);
        if (hr != S_OK) goto out;
    }
    /* no LayOut: it would renumber the slots the caller gave */
    hr = ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)OLESTR("DispClass"), TKIND_COCLASS, &cls);
    if (hr != S_OK) goto out;
    hr = ICreateTypeInfo_QueryInterface(iface, &IID_ITypeInfo, (void **)&iface_ti);
    if (hr != S_OK) goto out;
    hr = ICreateTypeInfo_AddRefTypeInfo(cls, iface_ti, &href);
    if (hr == S_OK) hr = ICreateTypeInfo_AddImplType(cls, 0, href);
    if (hr == S_OK) hr = ICreateTypeInfo_QueryInterface(cls, &IID_ITypeInfo, (void **)pptinfo);
out:
    if (iface_ti) ITypeInfo_Release(iface_ti);
    if (cls) ICreateTypeInfo_Release(cls);
    if (iface) ICreateTypeInfo_Release(iface);
    if (ctl) ICreateTypeLib2_Release(ctl);
    return hr;
}
