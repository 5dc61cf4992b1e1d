/*
 * lib/typelib/typeinfo.c — the ITypeInfo2 object: one type of a loaded
 * library, seen through oleaut32's views of it.
 *
 * A dual interface is stored once (a TKIND_DISPATCH with TYPEFLAG_FDUAL
 * whose functions are the interface's methods); it is seen two ways, as
 * Windows shows it:
 *   - the dispatch view (what GetTypeInfo returns): every function of the
 *     whole vtable, inherited ones first (cFuncs = vtable slots), turned into
 *     FUNC_DISPATCH form (an HRESULT return becomes VOID, a [retval]
 *     parameter becomes the return type), cbSizeVft = IDispatch's, and its
 *     one implemented interface is IDispatch;
 *   - the interface view (GetRefTypeOfImplType(-1) -> GetRefTypeInfo): the
 *     functions as stored, implementing the stored base interface.
 * Everything handed out (TYPEATTR, FUNCDESC, VARDESC) is one CoTaskMem
 * block each; default values and constant values that hold BSTRs are
 * cleared by the matching Release call.
 */
#define COBJMACROS
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "oleaut/oleaut_internal.h"
#include "typelib/msft_format.h"
#include "typelib/typelib_model.h"

#define MAX_INHERIT_DEPTH 32

static inline comrt__typeinfo *impl(ITypeInfo2 *p) { return (comrt__typeinfo *)p; }
static inline const comrt__tl_model *M(const comrt__typeinfo *ti) { return ti->tl->m; }
static inline const comrt__tl_type *T(const comrt__typeinfo *ti) { return &ti->tl->m->types[ti->index]; }

/* Whether ti is the dispatch view of a dual interface. */
static BOOL is_dual_disp(const comrt__typeinfo *ti)
{
    return !ti->dual_iface && T(ti)->kind == TKIND_DISPATCH && (T(ti)->typeflags & TYPEFLAG_FDUAL);
}

static TYPEKIND view_kind(const comrt__typeinfo *ti) { return ti->dual_iface ? TKIND_INTERFACE : T(ti)->kind; }

/* Whether ti's view lists the functions of a base interface before its
 * own: the dispatch view of a dual interface, and a dispinterface that
 * wraps an interface ("dispinterface D { interface I; }"). */
static BOOL disp_inherits(const comrt__typeinfo *ti)
{
    return !ti->dual_iface && T(ti)->kind == TKIND_DISPATCH && T(ti)->cimpl > 0;
}

/* Functions in ti's view (such dispatch views count vtable slots). */
static UINT view_cfuncs(const comrt__typeinfo *ti)
{
    if (disp_inherits(ti)) {
        UINT n = T(ti)->cbvft / comrt__tl_ptrsize(M(ti));
        return n > T(ti)->cfuncs ? n : T(ti)->cfuncs;
    }
    return T(ti)->cfuncs;
}

static UINT view_inherited(const comrt__typeinfo *ti) { return view_cfuncs(ti) - T(ti)->cfuncs; }

/* ---- IUnknown ---------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE ti_QueryInterface(ITypeInfo2 *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ITypeInfo) || IsEqualIID(riid, &IID_ITypeInfo2)) {
        *ppv = This;
        ITypeInfo2_AddRef(This);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE ti_AddRef(ITypeInfo2 *This)
{
    ULONG r = comrt__ref_inc(&impl(This)->ref);
    if (r == 1) ITypeLib2_AddRef(&impl(This)->tl->iface);
    return r;
}

static ULONG STDMETHODCALLTYPE ti_Release(ITypeInfo2 *This)
{
    ULONG r = comrt__ref_dec(&impl(This)->ref);
    if (r == 0) ITypeLib2_Release(&impl(This)->tl->iface);
    return r;
}

HRESULT comrt__typeinfo_get(comrt__typelib *tl, uint32_t index, BOOL dual_iface, ITypeInfo **out)
{
    comrt__typeinfo *ti = &tl->infos[dual_iface ? tl->m->ntypes + index : index];
    ti_AddRef(&ti->iface);
    *out = (ITypeInfo *)&ti->iface;
    return S_OK;
}

/* ---- resolving references -------------------------------------------------- */

static comrt__typeinfo *ours(ITypeInfo *p)
{
    return (p && p->lpVtbl == (void *)&comrt__typeinfo_vtbl) ? (comrt__typeinfo *)p : NULL;
}

BOOL comrt__typeinfo_is_ours(ITypeInfo *ti) { return ours(ti) != NULL; }

void comrt__typeinfo_ident(ITypeInfo *p, comrt__typelib **tl, uint32_t *index, BOOL *dual_iface)
{
    comrt__typeinfo *ti = ours(p);
    *tl = ti->tl;
    *index = ti->index;
    *dual_iface = ti->dual_iface;
}

#define DISPATCH_HREF_MASK_ 0xff000000u
static HRESULT parent_iface(comrt__typeinfo *ti, comrt__typeinfo **out);

static HRESULT resolve_href_(comrt__typeinfo *ti, HREFTYPE href, BOOL shifted_ok, ITypeInfo **out);

/* Resolves an href as handed out by ti (shifted inherited hrefs included). */
static HRESULT resolve_href(comrt__typeinfo *ti, HREFTYPE href, ITypeInfo **out)
{
    return resolve_href_(ti, href, TRUE, out);
}

/* shifted_ok: whether href may be a shifted one (never for hrefs read from
 * the file, so a hostile file cannot make the walk recurse). */
static HRESULT resolve_href_(comrt__typeinfo *ti, HREFTYPE href, BOOL shifted_ok, ITypeInfo **out)
{
    comrt__typelib *tl = ti->tl;
    const comrt__tl_model *m = tl->m;
    HRESULT hr = TYPE_E_ELEMENTNOTFOUND;

    if (shifted_ok && (INT)href != -2 && (INT)href != -1 && (href & DISPATCH_HREF_MASK_) && disp_inherits(ti)) {
        /* an href of an inherited function: resolve it in its declaring base */
        uint32_t levels = href >> 24;
        comrt__typeinfo *cur, *next;
        ITypeInfo *half;
        if (is_dual_disp(ti)) {
            hr = comrt__typeinfo_get(tl, ti->index, TRUE, &half);
            if (hr != S_OK) goto out;
            cur = ours(half);
        } else {
            ti_AddRef(&ti->iface);
            cur = ti;
        }
        while (levels--) {
            hr = parent_iface(cur, &next);
            ti_Release(&cur->iface);
            if (hr != S_OK) goto out;
            if (!next) { hr = TYPE_E_ELEMENTNOTFOUND; goto out; }
            cur = next;
        }
        hr = resolve_href_(cur, href & ~DISPATCH_HREF_MASK_, FALSE, out);
        ti_Release(&cur->iface);
    } else if ((INT)href == -2) {
        /* the other half of a dual interface */
        if (T(ti)->kind == TKIND_DISPATCH && (T(ti)->typeflags & TYPEFLAG_FDUAL))
            hr = comrt__typeinfo_get(tl, ti->index, !ti->dual_iface, out);
    } else if (href & 1) {
        uint32_t off = href & ~3u;
        if (off % MSFT_IMPINFO_SIZE == 0 && off / MSFT_IMPINFO_SIZE < m->nimpinfos) {
            const comrt__tl_impinfo *ii = &m->impinfos[off / MSFT_IMPINFO_SIZE];
            ITypeLib *lib;
            if (ii->file >= m->nimpfiles) goto out;
            hr = comrt__typelib_import(tl, ii->file, &lib);
            if (hr != S_OK) goto out;
            if (ii->by_guid) hr = ITypeLib_GetTypeInfoOfGuid(lib, &ii->guid, out);
            else hr = ITypeLib_GetTypeInfo(lib, (UINT)ii->index, out);
            ITypeLib_Release(lib);
        }
    } else {
        uint32_t off = href & ~3u;
        if (off % 0x64 == 0 && off / 0x64 < m->ntypes) hr = comrt__typeinfo_get(tl, off / 0x64, FALSE, out);
    }
out:
    return hr;
}

/* The interface whose vtable ti's view continues (its first implemented
 * interface, seen as an interface), or NULL at the root. */
static HRESULT parent_iface(comrt__typeinfo *ti, comrt__typeinfo **out)
{
    const comrt__tl_type *t = T(ti);
    ITypeInfo *p = NULL;
    comrt__typeinfo *o;
    HRESULT hr;
    *out = NULL;
    if (!t->cimpl || (view_kind(ti) != TKIND_INTERFACE && !disp_inherits(ti))) return S_OK;
    hr = resolve_href_(ti, (HREFTYPE)ti->tl->m->impls[t->first_impl].href, FALSE, &p);
    if (hr != S_OK) return hr;
    o = ours(p);
    if (!o) { ITypeInfo_Release(p); return TYPE_E_ELEMENTNOTFOUND; }
    if (o->tl->m->types[o->index].kind == TKIND_DISPATCH && (o->tl->m->types[o->index].typeflags & TYPEFLAG_FDUAL) &&
        !o->dual_iface) {
        ITypeInfo *half;
        hr = comrt__typeinfo_get(o->tl, o->index, TRUE, &half);
        ITypeInfo_Release(p);
        if (hr != S_OK) return hr;
        o = ours(half);
    }
    *out = o; /* holds a reference */
    return S_OK;
}

/* Finds the function at vtable position i of interface view ti (inherited
 * ones first): *owner (AddRef'ed) and the index among owner's own. */
static HRESULT vtbl_func(comrt__typeinfo *ti, UINT i, int depth, comrt__typeinfo **owner, UINT *own, uint32_t *levels)
{
    UINT total = T(ti)->cbvft / comrt__tl_ptrsize(M(ti)), mine = T(ti)->cfuncs;
    UINT inherited = total > mine ? total - mine : 0;
    comrt__typeinfo *parent;
    HRESULT hr;

    if (i >= inherited) {
        if (i - inherited >= mine) return TYPE_E_ELEMENTNOTFOUND;
        ti_AddRef(&ti->iface);
        *owner = ti;
        *own = i - inherited;
        *levels = (uint32_t)depth + 1;
        return S_OK;
    }
    if (depth >= MAX_INHERIT_DEPTH) return TYPE_E_ELEMENTNOTFOUND;
    hr = parent_iface(ti, &parent);
    if (hr != S_OK) return hr;
    if (!parent) return TYPE_E_ELEMENTNOTFOUND;
    hr = vtbl_func(parent, i, depth + 1, owner, own, levels);
    ti_Release(&parent->iface);
    return hr;
}

/* ---- FUNCDESC / VARDESC / TYPEATTR blocks ----------------------------------- */

static BOOL is_hresult(int32_t td) { return td < 0 && (td & VT_TYPEMASK) == VT_HRESULT; }

/* Whether stored parameter i of f shows in the dispatch form: the [lcid]
 * parameters and a trailing [retval] of an HRESULT function do not. */
static BOOL disp_keeps(const comrt__tl_model *m, const comrt__tl_func *f, int i)
{
    uint16_t fl = m->params[f->first_param + (uint32_t)i].flags;
    if (fl & PARAMFLAG_FLCID) return FALSE;
    if (i == f->cparams - 1 && (fl & PARAMFLAG_FRETVAL) && is_hresult(f->rettype)) return FALSE;
    return TRUE;
}

/* Builds the FUNCDESC of stored function f; to_disp: the dispatch form. */
static HRESULT build_funcdesc(const comrt__tl_model *m, const comrt__tl_func *f, BOOL to_disp, FUNCDESC **out)
{
    HRESULT hr = S_OK;
    int cparams = f->cparams, shown = 0;
    BOOL retval = FALSE;
    size_t size, ndef = 0, head;
    uint8_t *block, *space;
    FUNCDESC *fd;
    ELEMDESC *params;
    PARAMDESCEX *defs;

    if (to_disp && is_hresult(f->rettype) && cparams > 0 &&
        (m->params[f->first_param + (uint32_t)cparams - 1].flags & PARAMFLAG_FRETVAL))
        retval = TRUE;
    for (int i = 0; i < cparams; i++) {
        const comrt__tl_param *p = &m->params[f->first_param + (uint32_t)i];
        if (to_disp && !disp_keeps(m, f, i)) continue;
        shown++;
        if (p->flags & PARAMFLAG_FHASDEFAULT) ndef++;
    }
    /* one ELEMDESC more than shown: scratch room for the [retval] type */
    head = (sizeof(FUNCDESC) + ((size_t)shown + 1) * sizeof(ELEMDESC) + 7) & ~(size_t)7;
    size = head + ndef * sizeof(PARAMDESCEX) + comrt__tl_tdesc_extra(m, f->rettype);
    for (int i = 0; i < cparams; i++) size += comrt__tl_tdesc_extra(m, m->params[f->first_param + (uint32_t)i].type);
    block = CoTaskMemAlloc(size);
    if (!block) return E_OUTOFMEMORY;
    memset(block, 0, size);
    fd = (FUNCDESC *)block;
    params = (ELEMDESC *)(block + sizeof(FUNCDESC));
    defs = (PARAMDESCEX *)(block + head);
    space = (uint8_t *)(defs + ndef);

    fd->memid = f->memid;
    fd->lprgscode = NULL;
    fd->lprgelemdescParam = shown ? params : NULL;
    fd->funckind = to_disp ? FUNC_DISPATCH : (FUNCKIND)f->funckind;
    fd->invkind = (INVOKEKIND)f->invkind;
    fd->callconv = (CALLCONV)f->callconv;
    fd->cParams = (SHORT)shown;
    fd->cParamsOpt = f->cparamsopt;
    /* a dispinterface's own functions have no vtable slot; slots are in
     * this process's pointer size (a 32-bit library read by a 64-bit one) */
    fd->oVft = (f->funckind == FUNC_DISPATCH) ? 0
                                              : (SHORT)((f->ovft & ~1) * (int)sizeof(void *) / (int)comrt__tl_ptrsize(m));
    fd->cScodes = 0;
    fd->wFuncFlags = f->funcflags;
    shown = 0;
    for (int i = 0; i < cparams && hr == S_OK; i++) {
        const comrt__tl_param *p = &m->params[f->first_param + (uint32_t)i];
        ELEMDESC *e;
        if (to_disp && !disp_keeps(m, f, i)) {
            if (retval && i == cparams - 1) {
                /* the [retval] pointer's target becomes the return type */
                e = &params[fd->cParams];
                comrt__tl_tdesc_fill(m, p->type, &e->tdesc, &space);
                fd->elemdescFunc.tdesc = (e->tdesc.vt == VT_PTR) ? *e->tdesc.lptdesc : e->tdesc;
                memset(e, 0, sizeof *e);
            }
            continue;
        }
        e = &params[shown++];
        comrt__tl_tdesc_fill(m, p->type, &e->tdesc, &space);
        e->paramdesc.wParamFlags = p->flags;
        if (p->flags & PARAMFLAG_FHASDEFAULT) {
            defs->cBytes = sizeof(PARAMDESCEX);
            hr = comrt__tl_read_value(m, p->defval, &defs->varDefaultValue);
            if (hr != S_OK) { VariantInit(&defs->varDefaultValue); break; }
            e->paramdesc.pparamdescex = defs++;
        }
    }
    if (hr == S_OK && !retval) {
        if (to_disp && is_hresult(f->rettype)) fd->elemdescFunc.tdesc.vt = VT_VOID;
        else comrt__tl_tdesc_fill(m, f->rettype, &fd->elemdescFunc.tdesc, &space);
    }
    *out = fd; /* on failure too: the caller frees it with free_funcdesc */
    return hr;
}

static void free_funcdesc(FUNCDESC *fd)
{
    if (!fd) return;
    for (SHORT i = 0; i < fd->cParams; i++) {
        PARAMDESC *pd = &fd->lprgelemdescParam[i].paramdesc;
        if ((pd->wParamFlags & PARAMFLAG_FHASDEFAULT) && pd->pparamdescex) VariantClear(&pd->pparamdescex->varDefaultValue);
    }
    CoTaskMemFree(fd);
}

/* Functions a dual dispatch view inherits carry hrefs of their declaring
 * interface; they are handed out shifted by DISPATCH_HREF_STEP per level of
 * inheritance, and GetRefTypeInfo walks back up that many bases. */
#define DISPATCH_HREF_STEP 0x01000000u
#define DISPATCH_HREF_MASK 0xff000000u

static void shift_hrefs(TYPEDESC *td, uint32_t add, int depth)
{
    while (td && depth++ < COMRT_TL_MAX_TDESC_DEPTH) {
        if (td->vt == VT_USERDEFINED) { td->hreftype += add; return; }
        if (td->vt == VT_PTR || td->vt == VT_SAFEARRAY) td = td->lptdesc;
        else if (td->vt == VT_CARRAY) td = &td->lpadesc->tdescElem;
        else return;
    }
}

static void shift_funcdesc(FUNCDESC *fd, uint32_t levels)
{
    if (!levels) return;
    shift_hrefs(&fd->elemdescFunc.tdesc, levels * DISPATCH_HREF_STEP, 0);
    for (SHORT i = 0; i < fd->cParams; i++) shift_hrefs(&fd->lprgelemdescParam[i].tdesc, levels * DISPATCH_HREF_STEP, 0);
}

/* The stored function behind index i of ti's view; *owner AddRef'ed. */
static HRESULT view_func(comrt__typeinfo *ti, UINT i, comrt__typeinfo **owner, const comrt__tl_func **f,
                         uint32_t *levels)
{
    HRESULT hr;
    UINT own;
    *levels = 0;
    if (i >= view_cfuncs(ti)) return TYPE_E_ELEMENTNOTFOUND;
    if (disp_inherits(ti)) {
        UINT inh = view_inherited(ti);
        if (i >= inh) {
            own = i - inh;
            ti_AddRef(&ti->iface);
            *owner = ti;
        } else {
            comrt__typeinfo *parent;
            hr = parent_iface(ti, &parent);
            if (hr != S_OK) return hr;
            if (!parent) return TYPE_E_ELEMENTNOTFOUND;
            hr = vtbl_func(parent, i, 0, owner, &own, levels);
            ti_Release(&parent->iface);
            if (hr != S_OK) return hr;
        }
    } else {
        own = i;
        ti_AddRef(&ti->iface);
        *owner = ti;
    }
    *f = &M(*owner)->funcs[T(*owner)->first_func + own];
    return S_OK;
}

HRESULT comrt__typeinfo_funcdesc(ITypeInfo *p, UINT index, FUNCDESC **out)
{
    comrt__typeinfo *ti = ours(p), *owner;
    const comrt__tl_func *f;
    FUNCDESC *fd = NULL;
    uint32_t levels;
    HRESULT hr = view_func(ti, index, &owner, &f, &levels);
    if (hr != S_OK) return hr;
    hr = build_funcdesc(M(owner), f, disp_inherits(ti), &fd);
    ti_Release(&owner->iface);
    if (hr != S_OK) { free_funcdesc(fd); return hr; }
    shift_funcdesc(fd, levels);
    *out = fd;
    return S_OK;
}

HRESULT comrt__typeinfo_func_owner(ITypeInfo *p, UINT index, ITypeInfo **owner)
{
    comrt__typeinfo *ti = ours(p), *o;
    const comrt__tl_func *f;
    uint32_t levels;
    HRESULT hr = view_func(ti, index, &o, &f, &levels);
    if (hr != S_OK) return hr;
    if (o->dual_iface) {
        /* name the stored type (its dispatch view), as oleaut32 does */
        ITypeInfo *d;
        hr = comrt__typeinfo_get(o->tl, o->index, FALSE, &d);
        ti_Release(&o->iface);
        if (hr != S_OK) return hr;
        *owner = d;
        return S_OK;
    }
    *owner = (ITypeInfo *)&o->iface;
    return S_OK;
}

HRESULT comrt__typeinfo_vardesc(ITypeInfo *p, UINT index, VARDESC **out)
{
    comrt__typeinfo *ti = ours(p);
    const comrt__tl_model *m = M(ti);
    const comrt__tl_var *v;
    size_t size;
    uint8_t *block, *space;
    VARDESC *vd;
    HRESULT hr = S_OK;

    if (index >= T(ti)->cvars || ti->dual_iface) return TYPE_E_ELEMENTNOTFOUND;
    v = &m->vars[T(ti)->first_var + index];
    size = sizeof(VARDESC) + sizeof(VARIANT) + comrt__tl_tdesc_extra(m, v->type);
    block = CoTaskMemAlloc(size);
    if (!block) return E_OUTOFMEMORY;
    memset(block, 0, size);
    vd = (VARDESC *)block;
    space = block + sizeof(VARDESC) + sizeof(VARIANT);
    vd->memid = v->memid;
    vd->lpstrSchema = NULL;
    vd->wVarFlags = v->varflags;
    vd->varkind = (VARKIND)v->varkind;
    comrt__tl_tdesc_fill(m, v->type, &vd->elemdescVar.tdesc, &space);
    if (v->varkind == VAR_CONST) {
        VARIANT *val = (VARIANT *)(block + sizeof(VARDESC));
        hr = comrt__tl_read_value(m, v->value, val);
        if (hr != S_OK) { CoTaskMemFree(block); return hr; }
        vd->lpvarValue = val;
    } else {
        vd->oInst = (ULONG)v->value;
    }
    *out = vd;
    return S_OK;
}

/* Size and alignment of a simple TYPEDESC in this process (0: unknown). */
static ULONG host_size(const TYPEDESC *td, ULONG *align)
{
    ULONG n;
    switch (td->vt) {
    case VT_PTR: case VT_SAFEARRAY: case VT_BSTR: case VT_DISPATCH: case VT_UNKNOWN: case VT_LPSTR: case VT_LPWSTR:
    case VT_INT_PTR: case VT_UINT_PTR:
        *align = sizeof(void *);
        return sizeof(void *);
    case VT_VARIANT:
        *align = 8;
        return sizeof(VARIANT);
    case VT_DECIMAL:
        *align = 8;
        return sizeof(DECIMAL);
    case VT_CARRAY: {
        ULONG cells = 1, el = host_size(&td->lpadesc->tdescElem, align);
        for (USHORT i = 0; i < td->lpadesc->cDims; i++) cells *= td->lpadesc->rgbounds[i].cElements;
        return el * cells;
    }
    case VT_USERDEFINED:
        return 0;
    default:
        n = comrt__vt_size(td->vt);
        *align = n > 8 ? 8 : (n ? n : 1);
        return n;
    }
}

/* A 32-bit library read in a 64-bit process: interfaces, coclasses and
 * pointer-holding aliases get this process's sizes, as oleaut32 reports
 * them (records keep the library's layout). */
static void host_layout(TYPEATTR *ta)
{
    ULONG align = 0, size;
    if (ta->typekind == TKIND_INTERFACE || ta->typekind == TKIND_DISPATCH || ta->typekind == TKIND_COCLASS) {
        ta->cbSizeInstance = sizeof(void *);
        ta->cbAlignment = sizeof(void *);
        return;
    }
    if (ta->typekind != TKIND_ALIAS) return;
    size = host_size(&ta->tdescAlias, &align);
    if (!size) return;
    ta->cbSizeInstance = size;
    ta->cbAlignment = (WORD)align;
}

static HRESULT STDMETHODCALLTYPE ti_GetTypeAttr(ITypeInfo2 *This, TYPEATTR **pp)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_model *m = M(ti);
    const comrt__tl_type *t = T(ti);
    size_t size;
    uint8_t *block, *space;
    TYPEATTR *ta;

    if (!pp) return E_INVALIDARG;
    size = sizeof(TYPEATTR) + (t->kind == TKIND_ALIAS ? comrt__tl_tdesc_extra(m, t->alias) : 0);
    block = CoTaskMemAlloc(size);
    if (!block) return E_OUTOFMEMORY;
    memset(block, 0, size);
    ta = (TYPEATTR *)block;
    space = block + sizeof(TYPEATTR);
    ta->guid = t->guid;
    ta->lcid = m->attr.lcid;
    ta->memidConstructor = MEMBERID_NIL;
    ta->memidDestructor = MEMBERID_NIL;
    ta->lpstrSchema = NULL;
    ta->cbSizeInstance = t->cbinstance;
    ta->typekind = view_kind(ti);
    ta->cFuncs = (WORD)view_cfuncs(ti);
    ta->cVars = ti->dual_iface ? 0 : t->cvars;
    ta->cImplTypes = t->cimpl;
    ta->cbSizeVft = t->cbvft; /* as stored, even for a 32-bit library (oleaut32 does not scale it) */
    ta->cbAlignment = t->align;
    ta->wTypeFlags = t->typeflags;
    ta->wMajorVerNum = t->vmajor;
    ta->wMinorVerNum = t->vminor;
    if (t->kind == TKIND_ALIAS) comrt__tl_tdesc_fill(m, t->alias, &ta->tdescAlias, &space);
    if (comrt__tl_ptrsize(m) != sizeof(void *)) host_layout(ta);
    if (ta->typekind == TKIND_DISPATCH) {
        /* Every dispinterface shows IDispatch's vtable and implements it. */
        ta->cbSizeVft = (WORD)(7 * sizeof(void *));
        ta->cImplTypes = 1;
        if (t->typeflags & TYPEFLAG_FDUAL) ta->wTypeFlags &= (WORD)~TYPEFLAG_FOLEAUTOMATION;
    }
    *pp = ta;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ti_GetTypeComp(ITypeInfo2 *This, ITypeComp **pp)
{
    if (!pp) return E_INVALIDARG;
    return comrt__typecomp_for_type((ITypeInfo *)This, pp);
}

static HRESULT STDMETHODCALLTYPE ti_GetFuncDesc(ITypeInfo2 *This, UINT index, FUNCDESC **pp)
{
    if (!pp) return E_INVALIDARG;
    return comrt__typeinfo_funcdesc((ITypeInfo *)This, index, pp);
}

static HRESULT STDMETHODCALLTYPE ti_GetVarDesc(ITypeInfo2 *This, UINT index, VARDESC **pp)
{
    if (!pp) return E_INVALIDARG;
    return comrt__typeinfo_vardesc((ITypeInfo *)This, index, pp);
}

/* ---- member lookups -------------------------------------------------------- */

/* A member of ti's view found by memid: a function (func != NULL) or a
 * variable, in *owner (AddRef'ed).  Searches inherited interfaces too. */
typedef struct {
    comrt__typeinfo *owner;
    const comrt__tl_func *func;
    const comrt__tl_var *var;
    UINT own_index;
    BOOL inherited;
} member;

static HRESULT find_member_depth(comrt__typeinfo *ti, MEMBERID memid, int depth, member *out)
{
    const comrt__tl_type *t = T(ti);
    const comrt__tl_model *m = M(ti);
    comrt__typeinfo *parent;
    HRESULT hr;

    for (UINT i = 0; i < t->cfuncs; i++) {
        if (m->funcs[t->first_func + i].memid == memid) {
            ti_AddRef(&ti->iface);
            out->owner = ti;
            out->func = &m->funcs[t->first_func + i];
            out->var = NULL;
            out->own_index = i;
            return S_OK;
        }
    }
    if (!ti->dual_iface) {
        for (UINT i = 0; i < t->cvars; i++) {
            if (m->vars[t->first_var + i].memid == memid) {
                ti_AddRef(&ti->iface);
                out->owner = ti;
                out->func = NULL;
                out->var = &m->vars[t->first_var + i];
                out->own_index = i;
                return S_OK;
            }
        }
    }
    if (depth >= MAX_INHERIT_DEPTH) return TYPE_E_ELEMENTNOTFOUND;
    hr = parent_iface(ti, &parent);
    if (hr != S_OK || !parent) return TYPE_E_ELEMENTNOTFOUND;
    hr = find_member_depth(parent, memid, depth + 1, out);
    ti_Release(&parent->iface);
    if (hr == S_OK) out->inherited = TRUE;
    return hr;
}

static HRESULT find_member(comrt__typeinfo *ti, MEMBERID memid, member *out)
{
    memset(out, 0, sizeof *out);
    return find_member_depth(ti, memid, 0, out);
}

static HRESULT STDMETHODCALLTYPE ti_GetNames(ITypeInfo2 *This, MEMBERID memid, BSTR *names, UINT max, UINT *pc)
{
    comrt__typeinfo *ti = impl(This);
    member mb;
    HRESULT hr = S_OK;
    UINT n = 0;

    if (!pc || (!names && max)) return E_INVALIDARG;
    hr = find_member(ti, memid, &mb);
    if (hr != S_OK) return hr;
    if (mb.func) {
        const comrt__tl_model *m = M(mb.owner);
        int cparams = mb.func->cparams;
        BOOL disp = disp_inherits(ti);
        if (max) {
            names[n] = comrt__tl_bstr(m, mb.func->name);
            n++;
        }
        for (int i = 0; i < cparams && n < max; i++) {
            const comrt__tl_param *p = &m->params[mb.func->first_param + (uint32_t)i];
            if (disp && !disp_keeps(m, mb.func, i)) continue;
            if (!p->name.off) break;
            names[n] = comrt__tl_bstr(m, p->name);
            n++;
        }
    } else if (max) {
        names[n] = comrt__tl_bstr(M(mb.owner), mb.var->name);
        n++;
    }
    ti_Release(&mb.owner->iface);
    *pc = n;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ti_GetRefTypeOfImplType(ITypeInfo2 *This, UINT index, HREFTYPE *pref)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_type *t = T(ti);
    if (!pref) return E_INVALIDARG;
    if (index == (UINT)-1) {
        if (t->kind == TKIND_DISPATCH && (t->typeflags & TYPEFLAG_FDUAL)) {
            *pref = (HREFTYPE)-2;
            return S_OK;
        }
        return TYPE_E_ELEMENTNOTFOUND;
    }
    if (view_kind(ti) == TKIND_DISPATCH) {
        if (index != 0) return TYPE_E_ELEMENTNOTFOUND;
        *pref = (HREFTYPE)M(ti)->dispatch_href;
        return S_OK;
    }
    if (index >= t->cimpl) return TYPE_E_ELEMENTNOTFOUND;
    *pref = (HREFTYPE)M(ti)->impls[t->first_impl + index].href;
    if (view_kind(ti) == TKIND_INTERFACE) *pref |= 2;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ti_GetImplTypeFlags(ITypeInfo2 *This, UINT index, INT *pflags)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_type *t = T(ti);
    if (!pflags) return E_INVALIDARG;
    if (view_kind(ti) == TKIND_DISPATCH) {
        if (index != 0) return TYPE_E_ELEMENTNOTFOUND;
        *pflags = 0;
        return S_OK;
    }
    if (index >= t->cimpl) return TYPE_E_ELEMENTNOTFOUND;
    *pflags = t->kind == TKIND_COCLASS ? M(ti)->impls[t->first_impl + index].flags : 0;
    return S_OK;
}

/* Finds a member by name in ti's view and its bases. */
static HRESULT find_by_name(comrt__typeinfo *ti, const WCHAR *name, int depth, member *out)
{
    const comrt__tl_type *t = T(ti);
    const comrt__tl_model *m = M(ti);
    comrt__typeinfo *parent;
    HRESULT hr;

    for (UINT i = 0; i < t->cfuncs; i++) {
        if (comrt__tl_name_eq(m, m->funcs[t->first_func + i].name, name)) {
            ti_AddRef(&ti->iface);
            out->owner = ti;
            out->func = &m->funcs[t->first_func + i];
            out->own_index = i;
            return S_OK;
        }
    }
    if (!ti->dual_iface) {
        for (UINT i = 0; i < t->cvars; i++) {
            if (comrt__tl_name_eq(m, m->vars[t->first_var + i].name, name)) {
                ti_AddRef(&ti->iface);
                out->owner = ti;
                out->var = &m->vars[t->first_var + i];
                out->own_index = i;
                return S_OK;
            }
        }
    }
    if (depth >= MAX_INHERIT_DEPTH) return DISP_E_UNKNOWNNAME;
    hr = parent_iface(ti, &parent);
    if (hr != S_OK || !parent) return DISP_E_UNKNOWNNAME;
    hr = find_by_name(parent, name, depth + 1, out);
    ti_Release(&parent->iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE ti_GetIDsOfNames(ITypeInfo2 *This, LPOLESTR *names, UINT n, MEMBERID *ids)
{
    comrt__typeinfo *ti = impl(This);
    member mb;
    HRESULT hr;

    if (!names || !ids || !n) return E_INVALIDARG;
    for (UINT i = 0; i < n; i++) ids[i] = DISPID_UNKNOWN;
    if (view_kind(ti) == TKIND_COCLASS) {
        /* A coclass has no members: its interfaces' names are looked up,
         * in order (what CreateDispTypeInfo's callers rely on). */
        ITypeInfo *self = (ITypeInfo *)This;
        hr = DISP_E_UNKNOWNNAME;
        for (UINT i = 0; i < T(ti)->cimpl; i++) {
            HREFTYPE href;
            ITypeInfo *it = NULL;
            if (self->lpVtbl->GetRefTypeOfImplType(self, i, &href) != S_OK ||
                self->lpVtbl->GetRefTypeInfo(self, href, &it) != S_OK)
                continue;
            TYPEATTR *ta = NULL;
            /* never into another coclass: a corrupt library could loop */
            if (it->lpVtbl->GetTypeAttr(it, &ta) == S_OK) {
                if (ta->typekind != TKIND_COCLASS) hr = it->lpVtbl->GetIDsOfNames(it, names, n, ids);
                it->lpVtbl->ReleaseTypeAttr(it, ta);
            }
            it->lpVtbl->Release(it);
            if (ids[0] != DISPID_UNKNOWN) break;
        }
        return hr;
    }
    memset(&mb, 0, sizeof mb);
    hr = find_by_name(ti, names[0], 0, &mb);
    if (hr != S_OK) return hr;
    if (mb.func) {
        const comrt__tl_model *m = M(mb.owner);
        ids[0] = mb.func->memid;
        for (UINT k = 1; k < n; k++) {
            for (int i = 0; i < mb.func->cparams; i++) {
                if (comrt__tl_name_eq(m, m->params[mb.func->first_param + (uint32_t)i].name, names[k])) {
                    ids[k] = i;
                    break;
                }
            }
            if (ids[k] == DISPID_UNKNOWN) hr = DISP_E_UNKNOWNNAME;
        }
    } else {
        ids[0] = mb.var->memid;
        if (n > 1) hr = DISP_E_UNKNOWNNAME;
    }
    ti_Release(&mb.owner->iface);
    return hr;
}

/* The invoke plan of ti for (memid, flags): the kept one, or a new one found
 * by oleaut's lookup and pushed (two threads racing both push; either
 * answer is the same).  NULL with *hr set when there is no such member.
 * The plan lives as long as ti's library. */
static const comrt__ti_plan *invoke_plan(comrt__typeinfo *ti, MEMBERID memid, WORD flags, HRESULT *hr)
{
    comrt__ti_plan *p = __atomic_load_n(&ti->plans, __ATOMIC_ACQUIRE);
    for (; p; p = p->next)
        if (p->memid == memid && p->flags == flags) return p;
    p = calloc(1, sizeof *p);
    if (!p) {
        *hr = E_OUTOFMEMORY;
        return NULL;
    }
    *hr = comrt__disp_typeinfo_plan((ITypeInfo *)&ti->iface, memid, flags, &p->owner, &p->fd, &p->iid);
    if (*hr != S_OK) {
        free(p);
        return NULL;
    }
    /* Weak from here on (see comrt__ti_plan). */
    ITypeInfo_Release(p->owner);
    p->memid = memid;
    p->flags = flags;
    p->next = __atomic_load_n(&ti->plans, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(&ti->plans, &p->next, p, TRUE, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        ;
    return p;
}

void comrt__typeinfo_free_plans(comrt__typeinfo *ti)
{
    comrt__ti_plan *p = ti->plans, *next;
    ti->plans = NULL;
    for (; p; p = next) {
        next = p->next;
        ITypeInfo_ReleaseFuncDesc(p->owner, p->fd);
        free(p);
    }
}

static HRESULT STDMETHODCALLTYPE ti_Invoke(ITypeInfo2 *This, PVOID inst, MEMBERID memid, WORD flags, DISPPARAMS *dp,
                                           VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    comrt__typeinfo *ti = impl(This);
    member mb;
    HRESULT hr;

    if (!inst) return E_INVALIDARG;
    if (view_kind(ti) == TKIND_COCLASS) /* its default interface's member */
        return comrt__disp_typeinfo_invoke((ITypeInfo *)This, inst, memid, flags, dp, res, ei, argerr);
    hr = find_member(ti, memid, &mb);
    if (hr != S_OK) return DISP_E_MEMBERNOTFOUND;
    if (mb.func && mb.func->funckind == FUNC_DISPATCH && !is_dual_disp(ti)) {
        /* A dispinterface's function is called through the instance's own
         * IDispatch, as oleaut32 does. */
        IDispatch *disp = inst;
        static const GUID iid_null;
        hr = disp->lpVtbl->Invoke(disp, memid, &iid_null, 0, flags, dp, res, ei, argerr);
    } else {
        /* Vtable members (a dual interface's too): DispCallFunc through
         * the interface's FUNCDESC (oleaut/dispinvoke.c), found once per
         * (memid, flags) and kept. */
        const comrt__ti_plan *plan = invoke_plan(ti, memid, flags, &hr);
        if (plan)
            hr = comrt__disp_typeinfo_call(plan->owner, plan->fd, &plan->iid, inst, flags, dp, res, ei, argerr);
    }
    ti_Release(&mb.owner->iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE ti_GetDocumentation(ITypeInfo2 *This, MEMBERID memid, BSTR *pname, BSTR *pdoc,
                                                     DWORD *pctx, BSTR *pfile)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_model *m = M(ti);
    member mb;
    HRESULT hr;

    if (memid == MEMBERID_NIL)
        return comrt__tl_doc_out(m, T(ti)->name, T(ti)->doc, T(ti)->helpctx, m->helpfile, pname, pdoc, pctx, pfile);
    hr = find_member(ti, memid, &mb);
    if (hr != S_OK) return hr;
    if (mb.func)
        hr = comrt__tl_doc_out(M(mb.owner), mb.func->name, mb.func->doc, mb.func->helpctx, M(mb.owner)->helpfile, pname,
                               pdoc, pctx, pfile);
    else
        hr = comrt__tl_doc_out(M(mb.owner), mb.var->name, mb.var->doc, mb.var->helpctx, M(mb.owner)->helpfile, pname,
                               pdoc, pctx, pfile);
    ti_Release(&mb.owner->iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE ti_GetDllEntry(ITypeInfo2 *This, MEMBERID memid, INVOKEKIND invkind, BSTR *pdll,
                                                BSTR *pname, WORD *pord)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_model *m = M(ti);
    const comrt__tl_type *t = T(ti);
    BSTR dll = NULL, name = NULL;

    if (view_kind(ti) != TKIND_MODULE) return TYPE_E_BADMODULEKIND;
    for (UINT i = 0; i < t->cfuncs; i++) {
        const comrt__tl_func *f = &m->funcs[t->first_func + i];
        if (f->memid != memid || f->invkind != (uint8_t)invkind) continue;
        if (pdll && t->dllname.off && !(dll = comrt__tl_bstr(m, t->dllname))) return E_OUTOFMEMORY;
        if (pname && !f->entry_is_ord && f->entry != -1) {
            comrt__tl_str s;
            /* the entry is a string-segment offset, validated lazily here */
            int32_t off = f->entry;
            if (off >= 0 && (uint32_t)off + 2 <= m->seg_len[MSFT_SEG_STRING]) {
                size_t at = m->seg_off[MSFT_SEG_STRING] + (uint32_t)off;
                uint32_t len = (uint32_t)(m->data[at] | m->data[at + 1] << 8);
                if (len < 0x8000 && (uint32_t)off + 2 + len <= m->seg_len[MSFT_SEG_STRING]) {
                    s.off = (uint32_t)at + 2;
                    s.len = len;
                    if (!(name = comrt__tl_bstr(m, s)) && len) { SysFreeString(dll); return E_OUTOFMEMORY; }
                }
            }
        }
        if (pdll) *pdll = dll;
        if (pname) *pname = name;
        /* a named entry reports ordinal 0xFFFF, as does "no entry" */
        if (pord) *pord = f->entry_is_ord ? (WORD)f->entry : 0xFFFF;
        return S_OK;
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE ti_GetRefTypeInfo(ITypeInfo2 *This, HREFTYPE href, ITypeInfo **pp)
{
    if (!pp) return E_INVALIDARG;
    return resolve_href(impl(This), href, pp);
}

static HRESULT STDMETHODCALLTYPE ti_AddressOfMember(ITypeInfo2 *This, MEMBERID memid, INVOKEKIND invkind, PVOID *ppv)
{
    BSTR dll = NULL, entry = NULL;
    WORD ord = 0;
    HRESULT hr;
    char path[1024], sym[256];
    void *h, *addr;
    size_t n;

    if (!ppv) return E_INVALIDARG;
    hr = ti_GetDllEntry(This, memid, invkind, &dll, &entry, &ord);
    if (hr != S_OK) return hr;
    hr = STG_E_FILENOTFOUND; /* what oleaut32 answers when the module does not load */
    n = dll ? SysStringLen(dll) : 0;
    if (!n || n >= sizeof path) goto out;
    for (size_t i = 0; i < n; i++) path[i] = (dll[i] < 0x80) ? (char)dll[i] : '?';
    path[n] = 0;
    h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) goto out;
    hr = TYPE_E_DLLFUNCTIONNOTFOUND;
    n = entry ? SysStringLen(entry) : 0;
    if (n && n < sizeof sym) {
        for (size_t i = 0; i < n; i++) sym[i] = (entry[i] < 0x80) ? (char)entry[i] : '?';
        sym[n] = 0;
        addr = dlsym(h, sym);
        if (addr) {
            *ppv = addr; /* the module stays loaded, as a LoadLibrary'd one does */
            hr = S_OK;
        }
    }
    if (hr != S_OK) dlclose(h);
out:
    SysFreeString(dll);
    SysFreeString(entry);
    return hr;
}

/* The activation ITypeInfo::CreateInstance uses (CoCreateInstance), set by
 * runtime/ when libcomrt loads; typelib/ does not call up into runtime/. */
static comrt__typelib_create_fn g_create;

void comrt__typelib_set_create_hook(comrt__typelib_create_fn fn)
{
    __atomic_store_n(&g_create, fn, __ATOMIC_RELEASE);
}

/* CreateInstance: a coclass is created as oleaut32 does it,
 * CoCreateInstance(its CLSID, outer, CLSCTX_INPROC_SERVER, riid); any other
 * kind of type: E_INVALIDARG.  Without activation (no hook), a coclass
 * answers REGDB_E_CLASSNOTREG, what Windows says for a class registered
 * nowhere.  *ppv: the object (caller Releases), NULL on failure. */
static HRESULT STDMETHODCALLTYPE ti_CreateInstance(ITypeInfo2 *This, IUnknown *outer, REFIID riid, PVOID *ppv)
{
    comrt__typeinfo *ti = impl(This);
    comrt__typelib_create_fn create;
    if (!ppv || !riid) return E_INVALIDARG;
    *ppv = NULL;
    if (view_kind(ti) != TKIND_COCLASS) return E_INVALIDARG; /* as oleaut32 answers */
    create = __atomic_load_n(&g_create, __ATOMIC_ACQUIRE);
    if (!create) return REGDB_E_CLASSNOTREG;
    return create(&ti->tl->m->types[ti->index].guid, outer, CLSCTX_INPROC_SERVER, riid, ppv);
}

static HRESULT STDMETHODCALLTYPE ti_GetMops(ITypeInfo2 *This, MEMBERID memid, BSTR *pmops)
{
    (void)This; (void)memid;
    if (!pmops) return E_INVALIDARG;
    *pmops = NULL;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ti_GetContainingTypeLib(ITypeInfo2 *This, ITypeLib **pptl, UINT *pindex)
{
    comrt__typeinfo *ti = impl(This);
    if (pptl) {
        ITypeLib2_AddRef(&ti->tl->iface);
        *pptl = (ITypeLib *)&ti->tl->iface;
    }
    if (pindex) *pindex = ti->index;
    return S_OK;
}

static void STDMETHODCALLTYPE ti_ReleaseTypeAttr(ITypeInfo2 *This, TYPEATTR *p)
{
    (void)This;
    CoTaskMemFree(p);
}

static void STDMETHODCALLTYPE ti_ReleaseFuncDesc(ITypeInfo2 *This, FUNCDESC *p)
{
    (void)This;
    free_funcdesc(p);
}

static void STDMETHODCALLTYPE ti_ReleaseVarDesc(ITypeInfo2 *This, VARDESC *p)
{
    (void)This;
    if (!p) return;
    if (p->varkind == VAR_CONST && p->lpvarValue) VariantClear(p->lpvarValue);
    CoTaskMemFree(p);
}

/* ---- ITypeInfo2 ------------------------------------------------------------ */

static HRESULT STDMETHODCALLTYPE ti_GetTypeKind(ITypeInfo2 *This, TYPEKIND *pk)
{
    if (!pk) return E_INVALIDARG;
    *pk = view_kind(impl(This));
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ti_GetTypeFlags(ITypeInfo2 *This, ULONG *pf)
{
    if (!pf) return E_INVALIDARG;
    *pf = T(impl(This))->typeflags;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ti_GetFuncIndexOfMemId(ITypeInfo2 *This, MEMBERID memid, INVOKEKIND invkind, UINT *pi)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_type *t = T(ti);
    if (!pi) return E_INVALIDARG;
    for (UINT i = 0; i < t->cfuncs; i++) {
        const comrt__tl_func *f = &M(ti)->funcs[t->first_func + i];
        if (f->memid == memid && (f->invkind & invkind)) {
            *pi = i;
            return S_OK;
        }
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE ti_GetVarIndexOfMemId(ITypeInfo2 *This, MEMBERID memid, UINT *pi)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_type *t = T(ti);
    if (!pi) return E_INVALIDARG;
    if (!ti->dual_iface) {
        for (UINT i = 0; i < t->cvars; i++) {
            if (M(ti)->vars[t->first_var + i].memid == memid) {
                *pi = i;
                return S_OK;
            }
        }
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

/* Function `index` of ti's view and the model that holds it (a dual
 * dispatch view's inherited functions live in their base's library, which
 * stays loaded while ti lives). */
static HRESULT own_func(comrt__typeinfo *ti, UINT index, const comrt__tl_model **m, const comrt__tl_func **f)
{
    comrt__typeinfo *owner;
    uint32_t levels;
    HRESULT hr = view_func(ti, index, &owner, f, &levels);
    if (hr != S_OK) return hr;
    *m = M(owner);
    ti_Release(&owner->iface);
    return S_OK;
}

static HRESULT cd_get(const comrt__tl_model *m, int32_t cd, REFGUID g, VARIANT *pv)
{
    if (!g || !pv) return E_INVALIDARG;
    return comrt__tl_custdata_get(m, cd, g, pv);
}

static HRESULT STDMETHODCALLTYPE ti_GetCustData(ITypeInfo2 *This, REFGUID g, VARIANT *pv)
{
    return cd_get(M(impl(This)), T(impl(This))->custdata, g, pv);
}

static HRESULT STDMETHODCALLTYPE ti_GetFuncCustData(ITypeInfo2 *This, UINT index, REFGUID g, VARIANT *pv)
{
    const comrt__tl_func *f;
    const comrt__tl_model *m;
    HRESULT hr = own_func(impl(This), index, &m, &f);
    if (hr != S_OK) return hr;
    return cd_get(m, f->custdata, g, pv);
}

static HRESULT STDMETHODCALLTYPE ti_GetParamCustData(ITypeInfo2 *This, UINT fi, UINT pi, REFGUID g, VARIANT *pv)
{
    const comrt__tl_func *f;
    const comrt__tl_model *m;
    HRESULT hr = own_func(impl(This), fi, &m, &f);
    if (hr != S_OK) return hr;
    if (pi >= (UINT)f->cparams) return TYPE_E_ELEMENTNOTFOUND;
    return cd_get(m, m->params[f->first_param + pi].custdata, g, pv);
}

static HRESULT STDMETHODCALLTYPE ti_GetVarCustData(ITypeInfo2 *This, UINT index, REFGUID g, VARIANT *pv)
{
    comrt__typeinfo *ti = impl(This);
    if (index >= T(ti)->cvars || ti->dual_iface) return TYPE_E_ELEMENTNOTFOUND;
    return cd_get(M(ti), M(ti)->vars[T(ti)->first_var + index].custdata, g, pv);
}

static HRESULT STDMETHODCALLTYPE ti_GetImplTypeCustData(ITypeInfo2 *This, UINT index, REFGUID g, VARIANT *pv)
{
    comrt__typeinfo *ti = impl(This);
    if (index >= T(ti)->cimpl) return TYPE_E_ELEMENTNOTFOUND;
    return cd_get(M(ti), M(ti)->impls[T(ti)->first_impl + index].custdata, g, pv);
}

static HRESULT STDMETHODCALLTYPE ti_GetDocumentation2(ITypeInfo2 *This, MEMBERID memid, LCID lcid, BSTR *phs,
                                                      DWORD *pctx, BSTR *pdll)
{
    comrt__typeinfo *ti = impl(This);
    const comrt__tl_model *m = M(ti);
    const comrt__tl_type *t = T(ti);
    comrt__tl_str none = { 0, 0 };
    (void)lcid;
    if (memid == MEMBERID_NIL) return comrt__tl_doc_out(m, t->doc, none, t->hsctx, m->helpdll, phs, NULL, pctx, pdll);
    for (UINT i = 0; i < t->cfuncs; i++) {
        const comrt__tl_func *f = &m->funcs[t->first_func + i];
        if (f->memid == memid) return comrt__tl_doc_out(m, f->doc, none, f->hsctx, m->helpdll, phs, NULL, pctx, pdll);
    }
    if (!ti->dual_iface) {
        for (UINT i = 0; i < t->cvars; i++) {
            const comrt__tl_var *v = &m->vars[t->first_var + i];
            if (v->memid == memid) return comrt__tl_doc_out(m, v->doc, none, v->hsctx, m->helpdll, phs, NULL, pctx, pdll);
        }
    }
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT cd_all(const comrt__tl_model *m, int32_t cd, CUSTDATA *p)
{
    if (!p) return E_INVALIDARG;
    return comrt__tl_custdata_all(m, cd, p);
}

static HRESULT STDMETHODCALLTYPE ti_GetAllCustData(ITypeInfo2 *This, CUSTDATA *p)
{
    return cd_all(M(impl(This)), T(impl(This))->custdata, p);
}

static HRESULT STDMETHODCALLTYPE ti_GetAllFuncCustData(ITypeInfo2 *This, UINT index, CUSTDATA *p)
{
    const comrt__tl_func *f;
    const comrt__tl_model *m;
    HRESULT hr = own_func(impl(This), index, &m, &f);
    if (hr != S_OK) return hr;
    return cd_all(m, f->custdata, p);
}

static HRESULT STDMETHODCALLTYPE ti_GetAllParamCustData(ITypeInfo2 *This, UINT fi, UINT pi, CUSTDATA *p)
{
    const comrt__tl_func *f;
    const comrt__tl_model *m;
    HRESULT hr = own_func(impl(This), fi, &m, &f);
    if (hr != S_OK) return hr;
    if (pi >= (UINT)f->cparams) return TYPE_E_ELEMENTNOTFOUND;
    return cd_all(m, m->params[f->first_param + pi].custdata, p);
}

static HRESULT STDMETHODCALLTYPE ti_GetAllVarCustData(ITypeInfo2 *This, UINT index, CUSTDATA *p)
{
    comrt__typeinfo *ti = impl(This);
    if (index >= T(ti)->cvars || ti->dual_iface) return TYPE_E_ELEMENTNOTFOUND;
    return cd_all(M(ti), M(ti)->vars[T(ti)->first_var + index].custdata, p);
}

static HRESULT STDMETHODCALLTYPE ti_GetAllImplTypeCustData(ITypeInfo2 *This, UINT index, CUSTDATA *p)
{
    comrt__typeinfo *ti = impl(This);
    if (index >= T(ti)->cimpl) return TYPE_E_ELEMENTNOTFOUND;
    return cd_all(M(ti), M(ti)->impls[T(ti)->first_impl + index].custdata, p);
}

const ITypeInfo2Vtbl comrt__typeinfo_vtbl = {
    ti_QueryInterface, ti_AddRef, ti_Release, ti_GetTypeAttr, ti_GetTypeComp, ti_GetFuncDesc, ti_GetVarDesc,
    ti_GetNames, ti_GetRefTypeOfImplType, ti_GetImplTypeFlags, ti_GetIDsOfNames, ti_Invoke, ti_GetDocumentation,
    ti_GetDllEntry, ti_GetRefTypeInfo, ti_AddressOfMember, ti_CreateInstance, ti_GetMops, ti_GetContainingTypeLib,
    ti_ReleaseTypeAttr, ti_ReleaseFuncDesc, ti_ReleaseVarDesc, ti_GetTypeKind, ti_GetTypeFlags, ti_GetFuncIndexOfMemId,
    ti_GetVarIndexOfMemId, ti_GetCustData, ti_GetFuncCustData, ti_GetParamCustData, ti_GetVarCustData,
    ti_GetImplTypeCustData, ti_GetDocumentation2, ti_GetAllCustData, ti_GetAllFuncCustData, ti_GetAllParamCustData,
    ti_GetAllVarCustData, ti_GetAllImplTypeCustData,
};
