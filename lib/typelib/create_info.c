/*
 * lib/typelib/create_info.c — the ICreateTypeInfo2 object of a library
 * being built: type attributes, functions, variables, implemented
 * interfaces, references to other types (AddRefTypeInfo: the same library
 * or imported ones), custom data, and LayOut (vtable offsets, instance
 * sizes and alignment for SYS_WIN32 / SYS_WIN64).
 *
 * Misuse answers with the HRESULTs oleaut32 gives (TYPE_E_ELEMENTNOTFOUND
 * for an index past the end, TYPE_E_BADMODULEKIND for a member this kind of
 * type cannot hold, TYPE_E_NAMECONFLICT / TYPE_E_AMBIGUOUSNAME for names,
 * E_INVALIDARG for NULLs), checked against the Wine oracle where Wine
 * answers at all.  Outputs and state change only on success.
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "base/utf16.h"
#include "oleaut/oleaut_internal.h"
#include "typelib/create_model.h"
#include "typelib/msft_format.h"
#include "typelib/typelib_model.h"

static inline comrt__ct_type *impl(ICreateTypeInfo2 *p) { return (comrt__ct_type *)p; }

/* ---- life cycle ------------------------------------------------------------------ */

static void func_clear(comrt__ct_func *f)
{
    for (USHORT i = 0; i < f->cparams; i++) {
        SysFreeString(f->params[i].name);
        VariantClear(&f->params[i].def);
        comrt__ct_cd_free(&f->params[i].cd);
    }
    free(f->params);
    SysFreeString(f->name);
    SysFreeString(f->doc);
    SysFreeString(f->entry);
    comrt__ct_cd_free(&f->cd);
}

static void var_clear(comrt__ct_var *v)
{
    SysFreeString(v->name);
    SysFreeString(v->doc);
    VariantClear(&v->value);
    comrt__ct_cd_free(&v->cd);
}

void comrt__ct_type_free(comrt__ct_type *t)
{
    if (!t) return;
    for (uint32_t i = 0; i < t->nfuncs; i++) func_clear(&t->funcs[i]);
    for (uint32_t i = 0; i < t->nvars; i++) var_clear(&t->vars[i]);
    for (uint32_t i = 0; i < t->nimpls; i++) comrt__ct_cd_free(&t->impls[i].cd);
    free(t->funcs);
    free(t->vars);
    free(t->impls);
    comrt__ct_cd_free(&t->cd);
    SysFreeString(t->name);
    SysFreeString(t->doc);
    SysFreeString(t->dllname);
    SysFreeString(t->schema);
    free(t);
}

/* ---- IUnknown ------------------------------------------------------------------------ */

static HRESULT STDMETHODCALLTYPE cti_QueryInterface(ICreateTypeInfo2 *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ICreateTypeInfo) ||
        IsEqualIID(riid, &IID_ICreateTypeInfo2)) {
        (This)->lpVtbl->AddRef(This);
        *ppv = This;
        return S_OK;
    }
    if (IsEqualIID(riid, &IID_ITypeInfo) || IsEqualIID(riid, &IID_ITypeInfo2)) {
        /* a snapshot of this type as saved now (see create_lib.c) */
        ITypeLib2 *snap = NULL;
        ITypeInfo *ti = NULL;
        HRESULT hr = comrt__ct_snapshot(impl(This)->lib, &snap);
        if (hr != S_OK) return hr;
        hr = ITypeLib2_GetTypeInfo(snap, impl(This)->index, &ti);
        ITypeLib2_Release(snap);
        if (hr != S_OK) return hr;
        *ppv = ti;
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE cti_AddRef(ICreateTypeInfo2 *This)
{
    return comrt__ref_inc(&impl(This)->lib->ref);
}

static ULONG STDMETHODCALLTYPE cti_Release(ICreateTypeInfo2 *This)
{
    comrt__ct_lib *lib = impl(This)->lib;
    return lib->iface.lpVtbl->Release(&lib->iface);
}

/* ---- attributes --------------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE cti_SetGuid(ICreateTypeInfo2 *This, REFGUID guid)
{
    if (!guid) return E_INVALIDARG;
    impl(This)->guid = *guid;
    return S_OK;
}

static HRESULT add_ref(comrt__ct_type *t, ITypeInfo *ti, HREFTYPE *pref);

static HRESULT STDMETHODCALLTYPE cti_SetTypeFlags(ICreateTypeInfo2 *This, UINT flags)
{
    comrt__ct_type *t = impl(This);
    if ((flags & TYPEFLAG_FDUAL) && !(t->typeflags & TYPEFLAG_FDUAL) && t->kind == TKIND_INTERFACE) {
        /* a dual interface is dispatchable: oleaut32 imports stdole2's
         * IDispatch here (its href then leads the import table) */
        ITypeLib *std = NULL;
        ITypeInfo *disp = NULL;
        HREFTYPE href;
        /* REGKIND_NONE: LoadTypeLib would register a bare name, and writing
         * the registry is no business of building a type */
        if (LoadTypeLibEx(OLESTR("stdole2.tlb"), REGKIND_NONE, &std) == S_OK) {
            if (ITypeLib_GetTypeInfoOfGuid(std, &IID_IDispatch, &disp) == S_OK) {
                (void)add_ref(t, disp, &href);
                ITypeInfo_Release(disp);
            }
            ITypeLib_Release(std);
        }
    }
    t->typeflags = (WORD)flags;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetDocString(ICreateTypeInfo2 *This, LPOLESTR s) { return comrt__ct_set_bstr(&impl(This)->doc, s); }

static HRESULT STDMETHODCALLTYPE cti_SetHelpContext(ICreateTypeInfo2 *This, DWORD ctx)
{
    impl(This)->helpctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetVersion(ICreateTypeInfo2 *This, WORD ma, WORD mi)
{
    impl(This)->vmajor = ma;
    impl(This)->vminor = mi;
    return S_OK;
}

/* ---- references ---------------------------------------------------------------------- */

/* The base name of a path (after the last '/' or '\\'). */
static const WCHAR *base_name(const WCHAR *p)
{
    const WCHAR *b = p;
    for (; *p; p++)
        if (*p == '/' || *p == '\\') b = p + 1;
    return b;
}

/* The import-file index for library tl (added if new). */
static HRESULT import_file(comrt__ct_lib *lib, ITypeLib *tl, const TLIBATTR *la, uint32_t *out)
{
    comrt__ct_impfile *files;
    BSTR name = NULL;
    for (uint32_t i = 0; i < lib->nimpfiles; i++) {
        if (IsEqualGUID(&lib->impfiles[i].guid, &la->guid)) {
            *out = i;
            return S_OK;
        }
    }
    if (lib->nimpfiles >= COMRT_TL_MAX_IMPORTS) return TYPE_E_SIZETOOBIG;
    {
        comrt__typelib *ctl = comrt__typelib_from_iface(tl);
        const WCHAR *path = ctl ? comrt__typelib_path(ctl) : NULL;
        if (path) name = SysAllocString(base_name(path));
        else {
            /* a library from memory: its name, as a file beside this one */
            BSTR n = NULL;
            if (ITypeLib_GetDocumentation(tl, -1, &n, NULL, NULL, NULL) == S_OK && n) {
                UINT len = SysStringLen(n);
                name = SysAllocStringLen(NULL, len + 4);
                if (name) {
                    memcpy(name, n, len * sizeof(WCHAR));
                    memcpy(name + len, OLESTR(".tlb"), 4 * sizeof(WCHAR));
                }
                SysFreeString(n);
            }
        }
    }
    if (!name) return E_OUTOFMEMORY;
    files = realloc(lib->impfiles, (lib->nimpfiles + 1) * sizeof *files);
    if (!files) { SysFreeString(name); return E_OUTOFMEMORY; }
    lib->impfiles = files;
    files[lib->nimpfiles].guid = la->guid;
    files[lib->nimpfiles].lcid = la->lcid;
    files[lib->nimpfiles].vmajor = la->wMajorVerNum;
    files[lib->nimpfiles].vminor = la->wMinorVerNum;
    files[lib->nimpfiles].name = name;
    *out = lib->nimpfiles++;
    return S_OK;
}

static HRESULT add_ref(comrt__ct_type *t, ITypeInfo *ti, HREFTYPE *pref)
{
    comrt__ct_lib *lib = t->lib;
    ITypeLib *tl = NULL;
    TLIBATTR *la = NULL;
    TYPEATTR *ta = NULL;
    UINT index = 0;
    uint32_t file;
    HRESULT hr;
    comrt__ct_impinfo *infos;

    if (!ti || !pref) return E_INVALIDARG;
    hr = ITypeInfo_GetContainingTypeLib(ti, &tl, &index);
    if (hr != S_OK) goto out;
    hr = ITypeLib_GetLibAttr(tl, &la);
    if (hr != S_OK) goto out;
    if (IsEqualGUID(&la->guid, &lib->guid) && comrt__typeinfo_is_ours(ti) && comrt__typelib_path(comrt__typelib_from_iface(tl)) == NULL) {
        /* a type of this library (a snapshot of it, see QueryInterface) */
        if (index >= lib->ntypes) { hr = TYPE_E_ELEMENTNOTFOUND; goto out; }
        *pref = (HREFTYPE)(index * MSFT_TI_SIZE);
        goto out;
    }
    hr = ITypeInfo_GetTypeAttr(ti, &ta);
    if (hr != S_OK) goto out;
    for (uint32_t i = 0; i < lib->nimpinfos; i++) {
        if (IsEqualGUID(&lib->impinfos[i].guid, &ta->guid) && IsEqualGUID(&lib->impfiles[lib->impinfos[i].file].guid, &la->guid)) {
            *pref = (HREFTYPE)(i * MSFT_IMPINFO_SIZE) | 1;
            goto out;
        }
    }
    if (lib->nimpinfos >= COMRT_TL_MAX_IMPORTS) { hr = TYPE_E_SIZETOOBIG; goto out; }
    hr = import_file(lib, tl, la, &file);
    if (hr != S_OK) goto out;
    infos = realloc(lib->impinfos, (lib->nimpinfos + 1) * sizeof *infos);
    if (!infos) { hr = E_OUTOFMEMORY; goto out; }
    lib->impinfos = infos;
    infos[lib->nimpinfos].file = file;
    infos[lib->nimpinfos].kind = ta->typekind;
    infos[lib->nimpinfos].guid = ta->guid;
    infos[lib->nimpinfos].cbinst = ta->cbSizeInstance;
    infos[lib->nimpinfos].align = ta->cbAlignment;
    /* its vtable in functions: cbSizeVft is in the imported library's pointers */
    infos[lib->nimpinfos].vfuncs = (uint16_t)(ta->cbSizeVft / (la->syskind == SYS_WIN64 ? 8 : 4));
    *pref = (HREFTYPE)(lib->nimpinfos * MSFT_IMPINFO_SIZE) | 1;
    lib->nimpinfos++;
out:
    if (ta) ITypeInfo_ReleaseTypeAttr(ti, ta);
    if (la) ITypeLib_ReleaseTLibAttr(tl, la);
    if (tl) ITypeLib_Release(tl);
    return hr;
}

static HRESULT STDMETHODCALLTYPE cti_AddRefTypeInfo(ICreateTypeInfo2 *This, ITypeInfo *ti, HREFTYPE *pref)
{
    return add_ref(impl(This), ti, pref);
}

/* Whether href names a type this library knows (its own or imported). */
static BOOL href_ok(const comrt__ct_lib *lib, HREFTYPE href)
{
    if ((href & 3) == 0) return href % MSFT_TI_SIZE == 0 && href / MSFT_TI_SIZE < lib->ntypes;
    if ((href & 3) == 1) return (href & ~3u) % MSFT_IMPINFO_SIZE == 0 && (href & ~3u) / MSFT_IMPINFO_SIZE < lib->nimpinfos;
    return FALSE;
}

/* ---- growable member arrays -------------------------------------------------------------- */

static void *insert_slot(void *arr, uint32_t n, uint32_t at, size_t elem)
{
    uint8_t *p = realloc(arr, (n + 1) * elem);
    if (!p) return NULL;
    memmove(p + (at + 1) * elem, p + at * elem, (n - at) * elem);
    memset(p + at * elem, 0, elem);
    return p;
}

static void remove_slot(void *arr, uint32_t n, uint32_t at, size_t elem)
{
    uint8_t *p = arr;
    memmove(p + at * elem, p + (at + 1) * elem, (n - at - 1) * elem);
}

/* ---- functions ------------------------------------------------------------------------- */

static BOOL funckind_ok(TYPEKIND kind, FUNCKIND fk)
{
    switch (kind) {
    case TKIND_MODULE: return fk == FUNC_STATIC;
    case TKIND_INTERFACE: return fk == FUNC_PUREVIRTUAL || fk == FUNC_VIRTUAL || fk == FUNC_NONVIRTUAL;
    case TKIND_DISPATCH: return fk == FUNC_DISPATCH;
    default: return FALSE;
    }
}

static HRESULT STDMETHODCALLTYPE cti_AddFuncDesc(ICreateTypeInfo2 *This, UINT index, FUNCDESC *fd)
{
    comrt__ct_type *t = impl(This);
    comrt__ct_func f;
    comrt__ct_func *funcs;
    HRESULT hr = S_OK;

    if (!fd) return E_INVALIDARG;
    if (index > t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    if (!funckind_ok(t->kind, fd->funckind)) return TYPE_E_BADMODULEKIND;
    if (fd->oVft & 3) return E_INVALIDARG;
    if (fd->cParams < 0 || fd->cParams > COMRT_TL_MAX_PARAMS || (fd->cParams && !fd->lprgelemdescParam) ||
        (unsigned)fd->invkind > 0xF || (unsigned)fd->callconv > 0xF)
        return E_INVALIDARG;
    if (t->nfuncs >= COMRT_TL_MAX_MEMBERS) return TYPE_E_SIZETOOBIG;
    memset(&f, 0, sizeof f);
    f.memid = fd->memid;
    f.funckind = fd->funckind;
    f.invkind = fd->invkind;
    f.callconv = fd->callconv;
    f.flags = fd->wFuncFlags;
    f.ovft = fd->oVft;
    f.cparamsopt = fd->cParamsOpt;
    hr = comrt__ct_encode_tdesc(t->lib, &fd->elemdescFunc.tdesc, 0, &f.rettype);
    if (hr != S_OK) goto fail;
    if (fd->cParams) {
        f.params = calloc((size_t)fd->cParams, sizeof *f.params);
        if (!f.params) { hr = E_OUTOFMEMORY; goto fail; }
    }
    for (SHORT i = 0; i < fd->cParams; i++) {
        const ELEMDESC *ed = &fd->lprgelemdescParam[i];
        comrt__ct_param *p = &f.params[i];
        VariantInit(&p->def);
        f.cparams = (USHORT)(i + 1);
        hr = comrt__ct_encode_tdesc(t->lib, &ed->tdesc, 0, &p->type);
        if (hr != S_OK) goto fail;
        p->flags = ed->paramdesc.wParamFlags;
        if (p->flags & PARAMFLAG_FHASDEFAULT) {
            const VARIANT *dv;
            if (!ed->paramdesc.pparamdescex) { hr = E_INVALIDARG; goto fail; }
            dv = &ed->paramdesc.pparamdescex->varDefaultValue;
            switch (V_VT(dv)) {
            case VT_UNKNOWN: case VT_DISPATCH: case VT_RECORD: case VT_VARIANT:
                hr = DISP_E_BADVARTYPE;
                goto fail;
            default:
                break;
            }
            if (V_VT(dv) & ~VT_TYPEMASK) { hr = DISP_E_BADVARTYPE; goto fail; }
            hr = VariantCopy(&p->def, (VARIANT *)dv);
            if (hr != S_OK) goto fail;
        }
    }
    funcs = insert_slot(t->funcs, t->nfuncs, index, sizeof *funcs);
    if (!funcs) { hr = E_OUTOFMEMORY; goto fail; }
    t->funcs = funcs;
    funcs[index] = f;
    t->nfuncs++;
    return S_OK;
fail:
    func_clear(&f);
    return hr;
}

static HRESULT STDMETHODCALLTYPE cti_AddImplType(ICreateTypeInfo2 *This, UINT index, HREFTYPE href)
{
    comrt__ct_type *t = impl(This);
    comrt__ct_impl *impls;
    if (t->kind == TKIND_COCLASS) {
        if (index > t->nimpls) return TYPE_E_ELEMENTNOTFOUND;
    } else if (t->kind == TKIND_INTERFACE || t->kind == TKIND_DISPATCH) {
        /* one base interface, at index 0 */
        if (index != 0 || t->nimpls) return TYPE_E_ELEMENTNOTFOUND;
    } else {
        return TYPE_E_BADMODULEKIND;
    }
    /* oleaut32 answers E_FAIL for an href it does not know */
    if (!href_ok(t->lib, href)) return E_FAIL;
    impls = insert_slot(t->impls, t->nimpls, index, sizeof *impls);
    if (!impls) return E_OUTOFMEMORY;
    t->impls = impls;
    impls[index].href = href;
    t->nimpls++;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetImplTypeFlags(ICreateTypeInfo2 *This, UINT index, INT flags)
{
    comrt__ct_type *t = impl(This);
    if (t->kind != TKIND_COCLASS) return TYPE_E_BADMODULEKIND;
    if (index >= t->nimpls) return TYPE_E_ELEMENTNOTFOUND;
    t->impls[index].flags = flags;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetAlignment(ICreateTypeInfo2 *This, WORD align)
{
    impl(This)->align = align;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetSchema(ICreateTypeInfo2 *This, LPOLESTR s)
{
    /* kept but not saved: the MSFT format has no place for it (TYPEATTR's
     * lpstrSchema reads NULL from every library) */
    return comrt__ct_set_bstr(&impl(This)->schema, s);
}

/* ---- variables ------------------------------------------------------------------------------ */

static BOOL varkind_ok(TYPEKIND kind, VARKIND vk)
{
    switch (kind) {
    case TKIND_ENUM: return vk == VAR_CONST;
    case TKIND_RECORD: case TKIND_UNION: return vk == VAR_PERINSTANCE || vk == VAR_CONST;
    case TKIND_MODULE: return vk == VAR_STATIC || vk == VAR_CONST;
    case TKIND_DISPATCH: return vk == VAR_DISPATCH || vk == VAR_CONST;
    default: return FALSE;
    }
}

static HRESULT STDMETHODCALLTYPE cti_AddVarDesc(ICreateTypeInfo2 *This, UINT index, VARDESC *vd)
{
    comrt__ct_type *t = impl(This);
    comrt__ct_var v, *vars;
    HRESULT hr;
    if (!vd) return E_INVALIDARG;
    if (index > t->nvars) return TYPE_E_ELEMENTNOTFOUND;
    if (!varkind_ok(t->kind, vd->varkind)) return TYPE_E_BADMODULEKIND;
    if (vd->varkind == VAR_CONST && !vd->lpvarValue) return E_INVALIDARG;
    if (t->nvars >= COMRT_TL_MAX_MEMBERS) return TYPE_E_SIZETOOBIG;
    memset(&v, 0, sizeof v);
    VariantInit(&v.value);
    v.memid = vd->memid;
    v.flags = vd->wVarFlags;
    v.kind = vd->varkind;
    hr = comrt__ct_encode_tdesc(t->lib, &vd->elemdescVar.tdesc, 0, &v.type);
    if (hr != S_OK) return hr;
    if (vd->varkind == VAR_CONST) {
        VARTYPE vt = V_VT(vd->lpvarValue);
        if ((vt & ~VT_TYPEMASK) || vt == VT_UNKNOWN || vt == VT_DISPATCH || vt == VT_RECORD || vt == VT_VARIANT)
            return DISP_E_BADVARTYPE;
        hr = VariantCopy(&v.value, vd->lpvarValue);
        if (hr != S_OK) return hr;
    }
    vars = insert_slot(t->vars, t->nvars, index, sizeof *vars);
    if (!vars) { var_clear(&v); return E_OUTOFMEMORY; }
    t->vars = vars;
    vars[index] = v;
    t->nvars++;
    return S_OK;
}

/* ---- names and documentation -------------------------------------------------------- */

static BOOL name_eq(const WCHAR *a, const WCHAR *b) { return a && b && !comrt__utf16_icmp_ascii(a, b); }

static HRESULT STDMETHODCALLTYPE cti_SetFuncAndParamNames(ICreateTypeInfo2 *This, UINT index, LPOLESTR *names, UINT n)
{
    comrt__ct_type *t = impl(This);
    comrt__ct_func *f;
    BSTR *copies;
    HRESULT hr = S_OK;
    if (!names || n == 0) return n == 0 && names ? TYPE_E_ELEMENTNOTFOUND : E_INVALIDARG;
    for (UINT i = 0; i < n; i++)
        if (!names[i]) return E_INVALIDARG;
    /* another function of that name is ambiguous unless it is the other
     * half of the same property */
    for (uint32_t k = 0; k < t->nfuncs; k++) {
        if (k == index || !name_eq(t->funcs[k].name, names[0])) continue;
        if (index < t->nfuncs && t->funcs[k].memid == t->funcs[index].memid && t->funcs[k].invkind != t->funcs[index].invkind)
            continue;
        return TYPE_E_AMBIGUOUSNAME;
    }
    if (index >= t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    f = &t->funcs[index];
    /* a property put may leave its value parameter unnamed */
    if (n > (UINT)f->cparams + 1) return TYPE_E_ELEMENTNOTFOUND;
    copies = calloc(n, sizeof *copies);
    if (!copies) return E_OUTOFMEMORY;
    for (UINT i = 0; i < n; i++) {
        copies[i] = SysAllocString(names[i]);
        if (!copies[i]) { hr = E_OUTOFMEMORY; break; }
    }
    if (hr == S_OK) {
        SysFreeString(f->name);
        f->name = copies[0];
        for (UINT i = 1; i < n; i++) {
            SysFreeString(f->params[i - 1].name);
            f->params[i - 1].name = copies[i];
        }
    } else {
        for (UINT i = 0; i < n; i++) SysFreeString(copies[i]);
    }
    free(copies);
    return hr;
}

static HRESULT STDMETHODCALLTYPE cti_SetVarName(ICreateTypeInfo2 *This, UINT index, LPOLESTR name)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nvars) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__ct_set_bstr(&t->vars[index].name, name);
}

static HRESULT STDMETHODCALLTYPE cti_SetTypeDescAlias(ICreateTypeInfo2 *This, TYPEDESC *td)
{
    comrt__ct_type *t = impl(This);
    int32_t code;
    HRESULT hr;
    if (!td) return E_INVALIDARG;
    if (t->kind != TKIND_ALIAS) return TYPE_E_WRONGTYPEKIND;
    hr = comrt__ct_encode_tdesc(t->lib, td, 0, &code);
    if (hr == S_OK) t->alias = code;
    return hr;
}

static HRESULT STDMETHODCALLTYPE cti_DefineFuncAsDllEntry(ICreateTypeInfo2 *This, UINT index, LPOLESTR dll, LPOLESTR proc)
{
    comrt__ct_type *t = impl(This);
    comrt__ct_func *f;
    BSTR d, p = NULL;
    if (t->kind != TKIND_MODULE) return TYPE_E_BADMODULEKIND;
    if (index >= t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    if (!dll || !proc) return E_INVALIDARG;
    f = &t->funcs[index];
    d = SysAllocString(dll);
    if (!d) return E_OUTOFMEMORY;
    /* a proc "name" below 0x10000 is an ordinal (MAKEINTRESOURCE) */
    if ((uintptr_t)proc >= 0x10000) {
        p = SysAllocString(proc);
        if (!p) { SysFreeString(d); return E_OUTOFMEMORY; }
    }
    SysFreeString(t->dllname);
    t->dllname = d;
    SysFreeString(f->entry);
    f->entry = p;
    f->ordinal = p ? 0 : (int32_t)(uintptr_t)proc;
    f->entry_set = TRUE;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetFuncDocString(ICreateTypeInfo2 *This, UINT index, LPOLESTR s)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__ct_set_bstr(&t->funcs[index].doc, s);
}

static HRESULT STDMETHODCALLTYPE cti_SetVarDocString(ICreateTypeInfo2 *This, UINT index, LPOLESTR s)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nvars) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__ct_set_bstr(&t->vars[index].doc, s);
}

static HRESULT STDMETHODCALLTYPE cti_SetFuncHelpContext(ICreateTypeInfo2 *This, UINT index, DWORD ctx)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    t->funcs[index].helpctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetVarHelpContext(ICreateTypeInfo2 *This, UINT index, DWORD ctx)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nvars) return TYPE_E_ELEMENTNOTFOUND;
    t->vars[index].helpctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetMops(ICreateTypeInfo2 *This, UINT index, BSTR mops)
{
    /* Marshaling opcode strings have no place in the MSFT format; oleaut32
     * accepts and drops them. */
    (void)This; (void)index; (void)mops;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetTypeIdldesc(ICreateTypeInfo2 *This, IDLDESC *desc)
{
    (void)This;
    /* accepted, not stored: TYPEATTR's idldescType reads zero from MSFT */
    return desc ? S_OK : E_INVALIDARG;
}

/* ---- layout ----------------------------------------------------------------------------- */

static uint32_t align_up(uint32_t n, uint32_t a) { return a > 1 ? (n + a - 1) / a * a : n; }

/* The vtable of t's base interface, in functions. */
static HRESULT base_vfuncs(comrt__ct_type *t, uint32_t *out)
{
    comrt__ct_lib *lib = t->lib;
    HREFTYPE href;
    *out = 0;
    if (!t->nimpls) return S_OK;
    href = t->impls[0].href;
    if (href & 1) {
        uint32_t i = (href & ~3u) / MSFT_IMPINFO_SIZE;
        if (i < lib->nimpinfos) *out = lib->impinfos[i].vfuncs;
        return S_OK;
    }
    if (href / MSFT_TI_SIZE < lib->ntypes) {
        comrt__ct_type *b = lib->types[href / MSFT_TI_SIZE];
        HRESULT hr = comrt__ct_layout(b);
        if (hr != S_OK) return hr;
        *out = b->kind == TKIND_DISPATCH && !(b->typeflags & TYPEFLAG_FDUAL) ? 7 : b->cbvft / comrt__ct_ptrsize(lib);
    }
    return S_OK;
}

HRESULT comrt__ct_layout(comrt__ct_type *t)
{
    comrt__ct_lib *lib = t->lib;
    UINT ps = comrt__ct_ptrsize(lib);
    HRESULT hr = S_OK;
    uint32_t size = 0, maxalign = 1, vf = 0;
    uint16_t a;

    if (t->laying) return TYPE_E_CIRCULARTYPE;
    t->laying = TRUE;
    switch (t->kind) {
    case TKIND_INTERFACE:
        hr = base_vfuncs(t, &vf);
        if (hr != S_OK) break;
        for (uint32_t i = 0; i < t->nfuncs; i++) t->funcs[i].ovft = (SHORT)((vf + i) * ps);
        t->cbvft = (uint16_t)((vf + t->nfuncs) * ps);
        t->cbinst = ps;
        if (!t->align) t->align = (uint16_t)ps;
        break;
    case TKIND_DISPATCH:
        /* stored: the base's vtable (IDispatch's 7) and one slot per own
         * function; readers list the base's functions from it */
        hr = base_vfuncs(t, &vf);
        if (hr != S_OK) break;
        if (!t->nimpls) vf = 7;
        t->cbvft = (uint16_t)((vf + t->nfuncs) * ps);
        t->typeflags |= TYPEFLAG_FDISPATCHABLE;
        t->cbinst = ps;
        if (!t->align) t->align = (uint16_t)ps;
        break;
    case TKIND_COCLASS:
        t->cbinst = ps;
        if (!t->align) t->align = 4;
        break;
    case TKIND_MODULE:
        for (uint32_t i = 0; i < t->nfuncs; i++) t->funcs[i].ovft = (SHORT)(i * ps);
        t->cbvft = (uint16_t)(t->nfuncs * ps);
        t->cbinst = 2;
        if (!t->align) t->align = 4;
        break;
    case TKIND_ENUM:
        t->cbinst = 4;
        if (!t->align) t->align = 4;
        break;
    case TKIND_ALIAS:
        if (t->alias == -1) { hr = E_INVALIDARG; break; }
        hr = comrt__ct_tdesc_layout(lib, t->alias, &size, &a);
        if (hr != S_OK) break;
        t->cbinst = size;
        t->align = a;
        break;
    case TKIND_RECORD:
    case TKIND_UNION:
        for (uint32_t i = 0; i < t->nvars; i++) {
            comrt__ct_var *v = &t->vars[i];
            uint32_t s, fa;
            if (v->kind != VAR_PERINSTANCE) continue;
            hr = comrt__ct_tdesc_layout(lib, v->type, &s, &a);
            if (hr != S_OK) break;
            fa = a ? a : 1;
            if (t->align && fa > t->align) fa = t->align;
            if (fa > maxalign) maxalign = fa;
            if (t->kind == TKIND_RECORD) {
                v->oinst = align_up(size, fa);
                size = v->oinst + s;
            } else {
                v->oinst = 0;
                if (s > size) size = s;
            }
        }
        if (hr != S_OK) break;
        t->cbinst = align_up(size, maxalign);
        if (!t->align) t->align = (uint16_t)maxalign;
        break;
    default:
        break;
    }
    t->laying = FALSE;
    return hr;
}

static HRESULT STDMETHODCALLTYPE cti_LayOut(ICreateTypeInfo2 *This) { return comrt__ct_layout(impl(This)); }

/* ---- ICreateTypeInfo2 --------------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE cti_DeleteFuncDesc(ICreateTypeInfo2 *This, UINT index)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    func_clear(&t->funcs[index]);
    remove_slot(t->funcs, t->nfuncs, index, sizeof *t->funcs);
    t->nfuncs--;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_DeleteFuncDescByMemId(ICreateTypeInfo2 *This, MEMBERID memid, INVOKEKIND ik)
{
    comrt__ct_type *t = impl(This);
    for (uint32_t i = 0; i < t->nfuncs; i++)
        if (t->funcs[i].memid == memid && t->funcs[i].invkind == ik) return cti_DeleteFuncDesc(This, i);
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE cti_DeleteVarDesc(ICreateTypeInfo2 *This, UINT index)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nvars) return TYPE_E_ELEMENTNOTFOUND;
    var_clear(&t->vars[index]);
    remove_slot(t->vars, t->nvars, index, sizeof *t->vars);
    t->nvars--;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_DeleteVarDescByMemId(ICreateTypeInfo2 *This, MEMBERID memid)
{
    comrt__ct_type *t = impl(This);
    for (uint32_t i = 0; i < t->nvars; i++)
        if (t->vars[i].memid == memid) return cti_DeleteVarDesc(This, i);
    return TYPE_E_ELEMENTNOTFOUND;
}

static HRESULT STDMETHODCALLTYPE cti_DeleteImplType(ICreateTypeInfo2 *This, UINT index)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nimpls) return TYPE_E_ELEMENTNOTFOUND;
    comrt__ct_cd_free(&t->impls[index].cd);
    remove_slot(t->impls, t->nimpls, index, sizeof *t->impls);
    t->nimpls--;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetCustData(ICreateTypeInfo2 *This, REFGUID guid, VARIANT *v)
{
    return comrt__ct_cd_set(&impl(This)->cd, guid, v);
}

static HRESULT STDMETHODCALLTYPE cti_SetFuncCustData(ICreateTypeInfo2 *This, UINT index, REFGUID guid, VARIANT *v)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__ct_cd_set(&t->funcs[index].cd, guid, v);
}

static HRESULT STDMETHODCALLTYPE cti_SetParamCustData(ICreateTypeInfo2 *This, UINT fi, UINT pi, REFGUID guid, VARIANT *v)
{
    comrt__ct_type *t = impl(This);
    if (fi >= t->nfuncs || pi >= t->funcs[fi].cparams) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__ct_cd_set(&t->funcs[fi].params[pi].cd, guid, v);
}

static HRESULT STDMETHODCALLTYPE cti_SetVarCustData(ICreateTypeInfo2 *This, UINT index, REFGUID guid, VARIANT *v)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nvars) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__ct_cd_set(&t->vars[index].cd, guid, v);
}

static HRESULT STDMETHODCALLTYPE cti_SetImplTypeCustData(ICreateTypeInfo2 *This, UINT index, REFGUID guid, VARIANT *v)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nimpls) return TYPE_E_ELEMENTNOTFOUND;
    return comrt__ct_cd_set(&t->impls[index].cd, guid, v);
}

static HRESULT STDMETHODCALLTYPE cti_SetHelpStringContext(ICreateTypeInfo2 *This, ULONG ctx)
{
    impl(This)->hsctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetFuncHelpStringContext(ICreateTypeInfo2 *This, UINT index, ULONG ctx)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nfuncs) return TYPE_E_ELEMENTNOTFOUND;
    t->funcs[index].hsctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_SetVarHelpStringContext(ICreateTypeInfo2 *This, UINT index, ULONG ctx)
{
    comrt__ct_type *t = impl(This);
    if (index >= t->nvars) return TYPE_E_ELEMENTNOTFOUND;
    t->vars[index].hsctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE cti_Invalidate(ICreateTypeInfo2 *This)
{
    /* Documented as "reserved for future use": oleaut32 answers E_NOTIMPL
     * (the oracle too), and a caller may rely on that to detect it. */
    (void)This;
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE cti_SetName(ICreateTypeInfo2 *This, LPOLESTR name)
{
    comrt__ct_type *t = impl(This);
    if (!name) return E_INVALIDARG;
    if (comrt__ct_name_taken(t->lib, name, t)) return TYPE_E_NAMECONFLICT;
    return comrt__ct_set_bstr(&t->name, name);
}

static const ICreateTypeInfo2Vtbl cti_vtbl = {
    cti_QueryInterface, cti_AddRef, cti_Release, cti_SetGuid, cti_SetTypeFlags, cti_SetDocString,
    cti_SetHelpContext, cti_SetVersion, cti_AddRefTypeInfo, cti_AddFuncDesc, cti_AddImplType,
    cti_SetImplTypeFlags, cti_SetAlignment, cti_SetSchema, cti_AddVarDesc, cti_SetFuncAndParamNames,
    cti_SetVarName, cti_SetTypeDescAlias, cti_DefineFuncAsDllEntry, cti_SetFuncDocString, cti_SetVarDocString,
    cti_SetFuncHelpContext, cti_SetVarHelpContext, cti_SetMops, cti_SetTypeIdldesc, cti_LayOut,
    cti_DeleteFuncDesc, cti_DeleteFuncDescByMemId, cti_DeleteVarDesc, cti_DeleteVarDescByMemId,
    cti_DeleteImplType, cti_SetCustData, cti_SetFuncCustData, cti_SetParamCustData, cti_SetVarCustData,
    cti_SetImplTypeCustData, cti_SetHelpStringContext, cti_SetFuncHelpStringContext,
    cti_SetVarHelpStringContext, cti_Invalidate, cti_SetName,
};

HRESULT comrt__ct_type_new(comrt__ct_lib *lib, const WCHAR *name, TYPEKIND kind, comrt__ct_type **out)
{
    comrt__ct_type *t = calloc(1, sizeof *t);
    if (!t) return E_OUTOFMEMORY;
    t->iface.lpVtbl = &cti_vtbl;
    t->lib = lib;
    t->kind = kind;
    t->alias = -1;
    t->name = SysAllocString(name);
    if (!t->name) { free(t); return E_OUTOFMEMORY; }
    *out = t;
    return S_OK;
}
