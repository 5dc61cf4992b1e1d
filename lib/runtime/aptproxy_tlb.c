/*
 * runtime/aptproxy_tlb.c — proxy signatures for interfaces a registered
 * type library describes, and the process-wide signature cache.
 *
 * HKCR\Interface\{iid}\TypeLib names the library (@ = LIBID, Version =
 * "MAJ.MIN", as RegisterTypeLib writes it); LoadRegTypeLib loads it and its
 * ITypeInfo for iid gives the methods: a dual interface's vtable part, the
 * FUNCDESCs of the interface and of the interfaces it derives from, each in
 * the slot its oVft names.  Slots 0..2 (IUnknown) are the proxy's own,
 * slots 3..6 of an interface deriving from IDispatch reuse the hand-written
 * IDispatch proxy, and every other slot is a libffi closure with the
 * method's signature that hands its arguments to comrt__ap_invoke.  A
 * dispinterface that is not dual (or an interface whose ProxyStubClsid32 is
 * PSDispatch) is proxied as IDispatch.
 *
 * Signatures are built once per IID and kept for the life of the process
 * (their closures are vtables of live proxies).  A failed lookup is not
 * cached: the library may be registered later.
 */
#define COBJMACROS
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oleaut/oleaut_internal.h"
#include "runtime/aptproxy_internal.h"

/* Vtables longer than this are not real interfaces (corrupt libraries). */
#define AP_MAX_SLOTS 4096
/* Alias chains followed when classifying a type. */
#define AP_MAX_DEPTH 16

typedef struct ap_sig_entry {
    struct ap_sig_entry *next;
    IID iid;
    const ap_sig *sig;
} ap_sig_entry;

static pthread_mutex_t s_lock = PTHREAD_MUTEX_INITIALIZER;
static ap_sig_entry *s_cache;

/* ---- classifying a TYPEDESC --------------------------------------------- */

enum {
    C_BAD,       /* no proxy for this */
    C_VOID,
    C_SCALAR,    /* by value: ft */
    C_ITFVAL,    /* an interface type itself (only behind a pointer) */
    C_ITF,       /* an interface pointer (iid) */
    C_PTR_ITF,   /* a pointer to an interface pointer (iid) */
    C_VARIANT,   /* VARIANT by value */
    C_PTR_VARIANT,
    C_RECORD,    /* a struct or union by value */
    C_PTR        /* any other pointer */
};

typedef struct {
    int cls;
    IID iid;
    ffi_type *ft;
} ap_class;

static void classify(ITypeInfo *ti, const TYPEDESC *td, int depth, ap_class *c);

/* VT_USERDEFINED: what href names, aliases followed. */
static void classify_ref(ITypeInfo *ti, HREFTYPE href, int depth, ap_class *c)
{
    ITypeInfo *rti = NULL;
    TYPEATTR *a = NULL;
    c->cls = C_BAD;
    if (depth > AP_MAX_DEPTH || FAILED(ITypeInfo_GetRefTypeInfo(ti, href, &rti)))
        goto out;
    if (FAILED(ITypeInfo_GetTypeAttr(rti, &a)))
        goto out;
    switch (a->typekind) {
    case TKIND_INTERFACE: case TKIND_DISPATCH:
        c->cls = C_ITFVAL;
        c->iid = a->guid;
        c->ft = &ffi_type_pointer;
        break;
    case TKIND_ALIAS:
        classify(rti, &a->tdescAlias, depth + 1, c);
        break;
    case TKIND_ENUM:
        c->cls = C_SCALAR;
        c->ft = &ffi_type_sint32;
        break;
    case TKIND_RECORD: case TKIND_UNION:
        c->cls = C_RECORD;
        break;
    case TKIND_COCLASS:
        /* A coclass as a type (VB writes `As Foo`) means its default
         * interface, as the type library marshaler reads it. */
        for (UINT i = 0; i < a->cImplTypes; i++) {
            INT flags = 0;
            HREFTYPE h;
            ITypeInfo *iti = NULL;
            TYPEATTR *ia = NULL;
            if (FAILED(ITypeInfo_GetImplTypeFlags(rti, i, &flags)) || !(flags & IMPLTYPEFLAG_FDEFAULT) ||
                (flags & IMPLTYPEFLAG_FSOURCE))
                continue;
            if (SUCCEEDED(ITypeInfo_GetRefTypeOfImplType(rti, i, &h)) &&
                SUCCEEDED(ITypeInfo_GetRefTypeInfo(rti, h, &iti)) && SUCCEEDED(ITypeInfo_GetTypeAttr(iti, &ia))) {
                c->cls = C_ITFVAL;
                c->iid = ia->guid;
                c->ft = &ffi_type_pointer;
            }
            if (ia)
                ITypeInfo_ReleaseTypeAttr(iti, ia);
            if (iti)
                ITypeInfo_Release(iti);
            break;
        }
        break;
    default:
        break;
    }
out:
    if (a)
        ITypeInfo_ReleaseTypeAttr(rti, a);
    if (rti)
        ITypeInfo_Release(rti);
}

/* What td (a type in ti's library) is to a proxy: *c says how a value of
 * it crosses; C_BAD when not at all. */
static void classify(ITypeInfo *ti, const TYPEDESC *td, int depth, ap_class *c)
{
    ap_class in;
    memset(c, 0, sizeof *c);
    c->cls = C_BAD;
    switch (td->vt) {
    case VT_VOID:
        c->cls = C_VOID;
        break;
    case VT_UNKNOWN: case VT_DISPATCH:
        c->cls = C_ITF;
        c->iid = td->vt == VT_DISPATCH ? IID_IDispatch : IID_IUnknown;
        c->ft = &ffi_type_pointer;
        break;
    case VT_VARIANT:
        c->cls = C_VARIANT;
        c->ft = comrt__dispcall_ffi_type(VT_VARIANT);
        break;
    case VT_USERDEFINED:
        classify_ref(ti, td->hreftype, depth, c);
        break;
    case VT_PTR:
        if (!td->lptdesc || depth > AP_MAX_DEPTH)
            break;
        classify(ti, td->lptdesc, depth + 1, &in);
        c->ft = &ffi_type_pointer;
        c->iid = in.iid;
        if (in.cls == C_ITFVAL)
            c->cls = C_ITF;
        else if (in.cls == C_ITF)
            c->cls = C_PTR_ITF;
        else if (in.cls == C_VARIANT)
            c->cls = C_PTR_VARIANT;
        else if (in.cls == C_BAD)
            c->cls = C_BAD;
        else
            c->cls = C_PTR;
        break;
    case VT_I1: case VT_I2: case VT_I4: case VT_I8: case VT_UI1: case VT_UI2: case VT_UI4: case VT_UI8:
    case VT_INT: case VT_UINT: case VT_R4: case VT_R8: case VT_CY: case VT_DATE: case VT_BSTR:
    case VT_ERROR: case VT_BOOL: case VT_DECIMAL: case VT_HRESULT: case VT_SAFEARRAY: case VT_LPSTR:
    case VT_LPWSTR: case VT_INT_PTR: case VT_UINT_PTR: case VT_CARRAY:
        /* SAFEARRAYs (even of interfaces) and C arrays pass as they are. */
        c->cls = C_SCALAR;
        c->ft = comrt__dispcall_ffi_type(td->vt);
        if (!c->ft)
            c->cls = C_BAD;
        break;
    default:
        break;
    }
}

/* One parameter's ap_param (its iid stored in *iid, owned by the sig). */
static HRESULT param_from(ITypeInfo *ti, const ELEMDESC *ed, ap_param *p, IID *iid)
{
    USHORT flags = ed->paramdesc.wParamFlags;
    BOOL in = (flags & PARAMFLAG_FIN) != 0, outp = (flags & PARAMFLAG_FOUT) != 0;
    ap_class c;
    classify(ti, &ed->tdesc, 0, &c);
    p->aux = p->aux2 = -1;
    p->iid = iid;
    *iid = c.iid;
    p->type = c.ft;
    switch (c.cls) {
    case C_SCALAR: case C_PTR:
        p->kind = AP_VAL;
        break;
    case C_ITF:
        p->kind = AP_IN_ITF;
        break;
    case C_PTR_ITF:
        p->kind = outp && !in ? AP_OUT_ITF : AP_INOUT_ITF;
        break;
    case C_VARIANT:
        p->kind = AP_IN_VARIANT;
        break;
    case C_PTR_VARIANT:
        p->kind = outp ? (in ? AP_INOUT_PVARIANT : AP_OUT_PVARIANT) : AP_IN_PVARIANT;
        break;
    default: /* records by value, unknown types */
        return TYPE_E_UNSUPFORMAT;
    }
    return S_OK;
}

/* The method of one FUNCDESC: parameters, result, cif. */
static HRESULT method_from(ITypeInfo *ti, const FUNCDESC *fd, ap_method *m)
{
    HRESULT hr = S_OK;
    ap_param *params = NULL;
    IID *iids = NULL;
    ffi_type **types = NULL;
    unsigned n = (unsigned)fd->cParams;
    ap_class rc;

    if (n > AP_MAX_PARAMS || (fd->funckind != FUNC_PUREVIRTUAL && fd->funckind != FUNC_VIRTUAL) ||
        (fd->callconv != CC_STDCALL && fd->callconv != CC_CDECL)) {
        hr = TYPE_E_UNSUPFORMAT;
        goto out;
    }
    params = calloc(n ? n : 1, sizeof *params);
    iids = calloc(n ? n : 1, sizeof *iids);
    types = calloc(n + 1, sizeof *types);
    if (!params || !iids || !types) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    types[0] = &ffi_type_pointer;
    for (unsigned i = 0; i < n; i++) {
        hr = param_from(ti, &fd->lprgelemdescParam[i], &params[i], &iids[i]);
        if (FAILED(hr))
            goto out;
        types[1 + i] = params[i].type;
    }
    classify(ti, &fd->elemdescFunc.tdesc, 0, &rc);
    if (rc.cls == C_VOID) {
        m->rtype = &ffi_type_void;
    } else if (rc.cls == C_SCALAR && rc.ft->type != FFI_TYPE_STRUCT) {
        m->rtype = rc.ft;
    } else if (rc.cls == C_PTR) {
        m->rtype = &ffi_type_pointer;
    } else { /* interfaces, VARIANTs and structs as results: not proxied */
        hr = TYPE_E_UNSUPFORMAT;
        goto out;
    }
    m->returns_hr = fd->elemdescFunc.tdesc.vt == VT_HRESULT;
    if (ffi_prep_cif(&m->cif, FFI_DEFAULT_ABI, n + 1, m->rtype, types) != FFI_OK) {
        hr = TYPE_E_UNSUPFORMAT;
        goto out;
    }
    m->nparams = n;
    m->params = params;
    m->types = types;
    params = NULL;
    if (n)
        iids = NULL; /* owned through params[0].iid, freed with them */
    types = NULL;
out:
    free(params);
    free(iids);
    free(types);
    return hr;
}

/* ---- building a signature ------------------------------------------------- */

/* A closure's body: args[0] is the facelet, the rest the method's
 * arguments; user is the slot. */
static void closure_fn(ffi_cif *cif, void *ret, void **args, void *user)
{
    (void)cif;
    comrt__ap_invoke(*(ap_facelet **)args[0], (unsigned)(uintptr_t)user, args + 1, ret);
}

typedef struct {
    ap_sig sig;
    void **vtbl;
    ffi_closure **closures; /* [nslots], NULL where none */
    BOOL *own;              /* [nslots]: methods[i] built here (params to free) */
} tlb_sig;

/* Frees a signature built here that was not kept (NULL: nothing). */
static void sig_free(tlb_sig *t)
{
    if (!t)
        return;
    for (unsigned i = 0; i < t->sig.nslots; i++) {
        if (t->closures && t->closures[i])
            ffi_closure_free(t->closures[i]);
        if (t->own && t->own[i] && t->sig.methods) {
            if (t->sig.methods[i].nparams)
                free((void *)t->sig.methods[i].params[0].iid);
            free((void *)t->sig.methods[i].params);
            free(t->sig.methods[i].types);
        }
    }
    free(t->sig.methods);
    free(t->vtbl);
    free(t->closures);
    free(t->own);
    free(t);
}

/* The signature of the interface vti describes (TKIND_INTERFACE). */
static HRESULT sig_build(ITypeInfo *vti, const ap_sig **out)
{
    HRESULT hr = S_OK;
    TYPEATTR *a = NULL;
    tlb_sig *t = NULL;
    ITypeInfo *cur = NULL;
    BOOL dispatch_base = FALSE;
    unsigned nslots;
    const ap_sig *disp = comrt__ap_dispatch_sig(), *unk = comrt__ap_std_sig(&IID_IUnknown);

    if (!disp || !unk) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    hr = ITypeInfo_GetTypeAttr(vti, &a);
    if (FAILED(hr))
        goto out;
    nslots = a->cbSizeVft / sizeof(void *);
    if (a->typekind != TKIND_INTERFACE || nslots < 3 || nslots > AP_MAX_SLOTS) {
        hr = TYPE_E_UNSUPFORMAT;
        goto out;
    }
    ITypeInfo_ReleaseTypeAttr(vti, a);
    a = NULL;
    t = calloc(1, sizeof *t);
    if (!t) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    t->sig.nslots = nslots;
    t->sig.methods = calloc(nslots, sizeof *t->sig.methods);
    t->vtbl = calloc(nslots, sizeof *t->vtbl);
    t->closures = calloc(nslots, sizeof *t->closures);
    t->own = calloc(nslots, sizeof *t->own);
    if (!t->sig.methods || !t->vtbl || !t->closures || !t->own) {
        hr = E_OUTOFMEMORY;
        goto out;
    }

    /* The interface, then its bases, down to IUnknown / IDispatch.  A base
     * that cannot be loaded (stdole2.tlb not found) ends the walk: its
     * slots must then be IUnknown's or IDispatch's, which the flags say. */
    cur = vti;
    ITypeInfo_AddRef(cur);
    while (cur) {
        HREFTYPE href;
        ITypeInfo *next = NULL;
        hr = ITypeInfo_GetTypeAttr(cur, &a);
        if (FAILED(hr))
            goto out;
        if (IsEqualIID(&a->guid, &IID_IUnknown))
            break;
        if (IsEqualIID(&a->guid, &IID_IDispatch)) {
            dispatch_base = TRUE;
            break;
        }
        if (a->typekind != TKIND_INTERFACE) {
            hr = TYPE_E_UNSUPFORMAT;
            goto out;
        }
        if (a->wTypeFlags & (TYPEFLAG_FDUAL | TYPEFLAG_FDISPATCHABLE))
            dispatch_base = TRUE;
        for (UINT k = 0; k < a->cFuncs; k++) {
            FUNCDESC *fd = NULL;
            unsigned slot;
            hr = ITypeInfo_GetFuncDesc(cur, k, &fd);
            if (FAILED(hr))
                goto out;
            slot = (unsigned)fd->oVft / sizeof(void *);
            if (fd->oVft < 0 || fd->oVft % sizeof(void *) || slot < 3 || slot >= nslots) {
                hr = TYPE_E_UNSUPFORMAT;
            } else if (!t->own[slot]) {
                hr = method_from(cur, fd, &t->sig.methods[slot]);
                if (SUCCEEDED(hr))
                    t->own[slot] = TRUE;
            }
            ITypeInfo_ReleaseFuncDesc(cur, fd);
            if (FAILED(hr))
                goto out;
        }
        if (a->cImplTypes > 0 && SUCCEEDED(ITypeInfo_GetRefTypeOfImplType(cur, 0, &href)))
            ITypeInfo_GetRefTypeInfo(cur, href, &next);
        ITypeInfo_ReleaseTypeAttr(cur, a);
        a = NULL;
        ITypeInfo_Release(cur);
        cur = next;
    }
    hr = S_OK;

    for (unsigned i = 0; i < 3; i++)
        t->vtbl[i] = ((void *const *)unk->vtbl)[i];
    for (unsigned i = 3; i < nslots; i++) {
        if (t->own[i]) {
            void *code = NULL;
            t->closures[i] = ffi_closure_alloc(sizeof(ffi_closure), &code);
            if (!t->closures[i] ||
                ffi_prep_closure_loc(t->closures[i], &t->sig.methods[i].cif, closure_fn, (void *)(uintptr_t)i,
                                     code) != FFI_OK) {
                hr = E_OUTOFMEMORY;
                goto out;
            }
            t->vtbl[i] = code;
        } else if (dispatch_base && i < 7) {
            t->sig.methods[i] = disp->methods[i];
            t->vtbl[i] = comrt__ap_dispatch_stubs[i];
        } else { /* a slot nothing describes */
            hr = TYPE_E_UNSUPFORMAT;
            goto out;
        }
    }
    t->sig.vtbl = t->vtbl;
    *out = &t->sig;
    t = NULL;
out:
    if (a)
        ITypeInfo_ReleaseTypeAttr(cur ? cur : vti, a);
    if (cur)
        ITypeInfo_Release(cur);
    sig_free(t);
    return hr;
}

/* The signature ti (riid's type info) gives: a dispinterface's vtable
 * part when dual, IDispatch's when not. */
static HRESULT sig_from_typeinfo(ITypeInfo *ti, const ap_sig **out)
{
    HRESULT hr;
    TYPEATTR *a = NULL;
    ITypeInfo *vti = NULL;
    HREFTYPE href;

    hr = ITypeInfo_GetTypeAttr(ti, &a);
    if (FAILED(hr))
        goto out;
    if (a->typekind == TKIND_DISPATCH) {
        if (!(a->wTypeFlags & TYPEFLAG_FDUAL)) {
            *out = comrt__ap_dispatch_sig();
            hr = *out ? S_OK : E_OUTOFMEMORY;
            goto out;
        }
        hr = ITypeInfo_GetRefTypeOfImplType(ti, (UINT)-1, &href);
        if (SUCCEEDED(hr))
            hr = ITypeInfo_GetRefTypeInfo(ti, href, &vti);
        if (FAILED(hr))
            goto out;
        hr = sig_build(vti, out);
    } else if (a->typekind == TKIND_INTERFACE) {
        hr = sig_build(ti, out);
    } else {
        hr = E_NOINTERFACE;
    }
out:
    if (a)
        ITypeInfo_ReleaseTypeAttr(ti, a);
    if (vti)
        ITypeInfo_Release(vti);
    return hr;
}

/* Reads HKCR\Interface\{iid}\<sub> value `name` as a string into buf. */
static BOOL reg_string(const IID *iid, const WCHAR *sub, const WCHAR *name, WCHAR *buf, DWORD cch)
{
    WCHAR path[64] = u"Interface\\";
    DWORD cb = cch * sizeof(WCHAR);
    HKEY k = NULL;
    LONG r;
    StringFromGUID2(iid, path + 10, 40);
    r = RegOpenKeyExW(HKEY_CLASSES_ROOT, path, 0, KEY_READ, &k);
    if (r != ERROR_SUCCESS)
        return FALSE;
    r = RegGetValueW(k, sub, name, RRF_RT_REG_SZ, NULL, buf, &cb);
    RegCloseKey(k);
    return r == ERROR_SUCCESS;
}

/* Hex digits at *ps (at least one, value <= max) into *out; *ps moves past
 * them. */
static BOOL parse_hex(const WCHAR **ps, unsigned long max, unsigned long *out)
{
    const WCHAR *s = *ps;
    unsigned long v = 0;
    for (;; s++) {
        unsigned d;
        if (*s >= '0' && *s <= '9')
            d = (unsigned)(*s - '0');
        else if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
            d = (unsigned)((*s | 0x20) - 'a' + 10);
        else
            break;
        v = v * 16 + d;
        if (v > max) return FALSE;
    }
    if (s == *ps) return FALSE;
    *ps = s;
    *out = v;
    return TRUE;
}

/* "MAJ.MIN" (or "MAJ") in hex, as the registry spells versions. */
static BOOL parse_version(const WCHAR *s, WORD *maj, WORD *min)
{
    unsigned long a, b = 0;
    if (!parse_hex(&s, 0xFFFF, &a)) return FALSE;
    if (*s == '.') {
        s++;
        if (!parse_hex(&s, 0xFFFF, &b)) return FALSE;
    }
    if (*s) return FALSE;
    *maj = (WORD)a;
    *min = (WORD)b;
    return TRUE;
}

/* The library libid maj.min in whatever language it is registered: the
 * language-neutral one first, else the first LCID key whose library loads
 * (every language's library describes the same interfaces; LoadRegTypeLib
 * falls back from a specific LCID to neutral, never the other way).  The
 * neutral attempt's error when none does. */
static HRESULT load_any_language(const GUID *libid, WORD maj, WORD min, ITypeLib **tl)
{
    WCHAR path[96] = u"TypeLib\\", name[16];
    HRESULT hr = LoadRegTypeLib(libid, maj, min, LOCALE_NEUTRAL, tl), other = hr;
    HKEY k = NULL;
    char ver[16];
    int len;
    size_t n;

    if (SUCCEEDED(hr)) return hr;
    n = 8 + (size_t)StringFromGUID2(libid, path + 8, 40) - 1;
    len = snprintf(ver, sizeof ver, "\\%x.%x", (unsigned)maj, (unsigned)min);
    for (int i = 0; i < len; i++) path[n++] = (WCHAR)ver[i];
    path[n] = 0;
    if (RegOpenKeyExW(HKEY_CLASSES_ROOT, path, 0, KEY_READ, &k) != ERROR_SUCCESS) return hr;
    for (DWORD i = 0; FAILED(other); i++) {
        const WCHAR *p = name;
        unsigned long lcid;
        DWORD cch = 16;
        if (RegEnumKeyExW(k, i, name, &cch, NULL, NULL, NULL, NULL) != ERROR_SUCCESS) break;
        if (!parse_hex(&p, 0xFFFFFFFFul, &lcid) || *p || !lcid) continue; /* FLAGS, HELPDIR, neutral */
        other = LoadRegTypeLib(libid, maj, min, (LCID)lcid, tl);
    }
    RegCloseKey(k);
    return SUCCEEDED(other) ? other : hr;
}

/* riid's signature from the registry, newly built (or IDispatch's). */
static HRESULT sig_from_registry(REFIID riid, const ap_sig **out)
{
    static const WCHAR ps_dispatch[] = u"{00020420-0000-0000-C000-000000000046}";
    WCHAR buf[64];
    GUID libid;
    WORD maj = 0, min = 0;
    ITypeLib *tl = NULL;
    ITypeInfo *ti = NULL;
    HRESULT hr = E_NOINTERFACE;

    if (reg_string(riid, u"TypeLib", NULL, buf, 64) && SUCCEEDED(CLSIDFromString(buf, &libid))) {
        if (!reg_string(riid, u"TypeLib", u"Version", buf, 64) || !parse_version(buf, &maj, &min))
            maj = 1, min = 0;
        hr = load_any_language(&libid, maj, min, &tl);
        if (SUCCEEDED(hr))
            hr = ITypeLib_GetTypeInfoOfGuid(tl, riid, &ti);
        if (SUCCEEDED(hr))
            hr = sig_from_typeinfo(ti, out);
    }
    if (FAILED(hr) && reg_string(riid, u"ProxyStubClsid32", NULL, buf, 64)) {
        GUID ps, want;
        if (SUCCEEDED(CLSIDFromString(buf, &ps)) && SUCCEEDED(CLSIDFromString(ps_dispatch, &want)) &&
            IsEqualGUID(&ps, &want)) {
            *out = comrt__ap_dispatch_sig();
            hr = *out ? S_OK : E_OUTOFMEMORY;
        }
    }
    if (ti)
        ITypeInfo_Release(ti);
    if (tl)
        ITypeLib_Release(tl);
    return hr;
}

/* Whether sig was built here (not a standard one shared by many IIDs). */
static BOOL sig_is_tlb(const ap_sig *sig)
{
    return sig != comrt__ap_dispatch_sig();
}

/*
 * comrt__ap_sig_find — see aptproxy_internal.h.  Thread-safe; the result
 * lives as long as the process.
 */
const ap_sig *comrt__ap_sig_find(REFIID riid)
{
    const ap_sig *sig = comrt__ap_std_sig(riid), *built = NULL;
    ap_sig_entry *e, *ne;

    if (sig)
        return sig;
    pthread_mutex_lock(&s_lock);
    for (e = s_cache; e; e = e->next)
        if (IsEqualIID(&e->iid, riid))
            break;
    sig = e ? e->sig : NULL;
    pthread_mutex_unlock(&s_lock);
    if (sig)
        return sig;

    /* Built outside the lock: loading a library reads the registry and
     * files.  Two threads may build the same one; the first one kept wins. */
    if (FAILED(sig_from_registry(riid, &built)) || !built)
        return NULL;
    ne = calloc(1, sizeof *ne);
    pthread_mutex_lock(&s_lock);
    for (e = s_cache; e; e = e->next)
        if (IsEqualIID(&e->iid, riid))
            break;
    if (e) {
        sig = e->sig;
    } else if (ne) {
        ne->iid = *riid;
        ne->sig = built;
        ne->next = s_cache;
        s_cache = ne;
        sig = built;
        built = NULL;
        ne = NULL;
    }
    pthread_mutex_unlock(&s_lock);
    free(ne);
    if (built && sig_is_tlb(built))
        sig_free((tlb_sig *)built); /* sig is tlb_sig's first member */
    return sig;
}
