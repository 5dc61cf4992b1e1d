/*
 * lib/typelib/create_lib.c — CreateTypeLib2 and the ICreateTypeLib2 object:
 * library attributes, the list of type infos, custom data, type
 * descriptions (encoded into the TYPEDESC/ARRAYDESC segments as they are
 * given), imports, and SaveAllChanges (serialise with msft_write.c, write
 * to a temporary file beside the target and rename it over the target, so
 * a crash never leaves a half-written library).
 *
 * QueryInterface for ITypeLib/ITypeLib2 answers with a snapshot: the
 * library as saved at that moment, read back by comrt's reader (a separate
 * object, so QueryInterface from it back to ICreateTypeLib fails).  That is
 * what callers use it for — GetTypeInfo to hand a type of the library being
 * built to AddRefTypeInfo — and it is recognised there by its GUID.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#define COBJMACROS
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base_internal.h"
#include "base/utf16.h"
#include "oleaut/oleaut_internal.h"
#include "typelib/create_model.h"
#include "typelib/msft_format.h"
#include "typelib/typelib_model.h"

static inline comrt__ct_lib *impl(ICreateTypeLib2 *p) { return (comrt__ct_lib *)p; }

/* ---- custom data ------------------------------------------------------------- */

/* The VARTYPEs a custom datum or default value may have: those the MSFT
 * value encoding carries (oleaut32 answers DISP_E_BADVARTYPE otherwise). */
static BOOL value_type_ok(VARTYPE vt)
{
    switch (vt) {
    case VT_EMPTY: case VT_NULL: case VT_I1: case VT_UI1: case VT_I2: case VT_UI2: case VT_I4: case VT_UI4:
    case VT_I8: case VT_UI8: case VT_INT: case VT_UINT: case VT_R4: case VT_R8: case VT_CY: case VT_DATE:
    case VT_BSTR: case VT_BOOL: case VT_ERROR: case VT_DECIMAL:
        return TRUE;
    default:
        return FALSE;
    }
}

/* Sets (or replaces) the datum for guid: a copy of v. */
HRESULT comrt__ct_cd_set(comrt__ct_cd *cd, REFGUID guid, const VARIANT *v)
{
    HRESULT hr;
    VARIANT copy;
    comrt__ct_cditem *items;
    if (!guid || !v) return E_INVALIDARG;
    if (!value_type_ok(V_VT(v))) return DISP_E_BADVARTYPE;
    VariantInit(&copy);
    hr = VariantCopy(&copy, (VARIANT *)v);
    if (hr != S_OK) return hr;
    for (uint32_t i = 0; i < cd->n; i++) {
        if (IsEqualGUID(&cd->items[i].guid, guid)) {
            VariantClear(&cd->items[i].v);
            cd->items[i].v = copy;
            return S_OK;
        }
    }
    items = realloc(cd->items, (cd->n + 1) * sizeof *items);
    if (!items) { VariantClear(&copy); return E_OUTOFMEMORY; }
    cd->items = items;
    items[cd->n].guid = *guid;
    items[cd->n].v = copy;
    cd->n++;
    return S_OK;
}

void comrt__ct_cd_free(comrt__ct_cd *cd)
{
    for (uint32_t i = 0; i < cd->n; i++) VariantClear(&cd->items[i].v);
    free(cd->items);
    cd->items = NULL;
    cd->n = 0;
}

/* ---- type descriptions ---------------------------------------------------------- */

static int32_t rd32(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

static void wr32(uint8_t *p, int32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)((uint32_t)v >> 8); p[2] = (uint8_t)((uint32_t)v >> 16); p[3] = (uint8_t)((uint32_t)v >> 24);
}

/* Appends n bytes to a segment (capped); *at receives their offset. */
static HRESULT seg_append(uint8_t **seg, uint32_t *len, const uint8_t *bytes, uint32_t n, uint32_t *at)
{
    uint8_t *p;
    if (*len > 0x1000000) return TYPE_E_SIZETOOBIG;
    p = realloc(*seg, *len + n);
    if (!p) return E_OUTOFMEMORY;
    memcpy(p + *len, bytes, n);
    *seg = p;
    *at = *len;
    *len += n;
    return S_OK;
}

/* The VARTYPE a simple code names beside the VARTYPE itself (INT and UINT
 * are stored as their fixed-size twins there, as oleaut32 writes). */
static VARTYPE twin_vt(VARTYPE vt)
{
    if (vt == VT_INT) return VT_I4;
    if (vt == VT_UINT) return VT_UI4;
    return vt;
}

/* Whether vt may appear in a TYPEDESC as a base type. */
static BOOL tdesc_vt_ok(VARTYPE vt)
{
    if (vt & ~VT_TYPEMASK) return FALSE;
    return vt <= VT_LPWSTR || vt == VT_RECORD || vt == VT_INT_PTR || vt == VT_UINT_PTR || vt == VT_FILETIME ||
           vt == VT_BLOB || vt == VT_STREAM || vt == VT_STORAGE || vt == VT_STREAMED_OBJECT ||
           vt == VT_STORED_OBJECT || vt == VT_BLOB_OBJECT || vt == VT_CF || vt == VT_CLSID;
}

HRESULT comrt__ct_encode_tdesc(comrt__ct_lib *lib, const TYPEDESC *td, int depth, int32_t *code)
{
    HRESULT hr = S_OK;
    uint8_t e[8];
    uint32_t at;
    int32_t inner = 0, value;
    uint16_t mix;

    if (!td) return E_INVALIDARG;
    if (depth >= COMRT_TL_MAX_TDESC_DEPTH) return E_INVALIDARG;
    switch (td->vt) {
    case VT_PTR: case VT_SAFEARRAY:
        if (!td->lptdesc) return E_INVALIDARG;
        hr = comrt__ct_encode_tdesc(lib, td->lptdesc, depth + 1, &inner);
        if (hr != S_OK) return hr;
        if (inner < 0) mix = (uint16_t)(((uint32_t)inner >> 16) & VT_TYPEMASK);
        else mix = (uint16_t)(((uint32_t)rd32(lib->tdesc + inner) >> 16) == 0x7fff ? 0x7fff : 0x7ffe);
        if (td->vt == VT_PTR) mix |= VT_BYREF;
        value = inner;
        break;
    case VT_CARRAY: {
        const ARRAYDESC *ad = td->lpadesc;
        uint8_t *a;
        uint32_t n, aat;
        if (!ad || ad->cDims == 0 || ad->cDims > 64) return E_INVALIDARG;
        hr = comrt__ct_encode_tdesc(lib, &ad->tdescElem, depth + 1, &inner);
        if (hr != S_OK) return hr;
        n = 8 + (uint32_t)ad->cDims * 8;
        a = calloc(1, n);
        if (!a) return E_OUTOFMEMORY;
        wr32(a, inner);
        a[4] = (uint8_t)ad->cDims;
        a[5] = (uint8_t)(ad->cDims >> 8);
        {
            /* cDims bounds follow the ARRAYDESC (its array is declared [1]) */
            const SAFEARRAYBOUND *b = ad->rgbounds;
            for (USHORT i = 0; i < ad->cDims; i++) {
                wr32(a + 8 + i * 8, (int32_t)b[i].cElements);
                wr32(a + 12 + i * 8, b[i].lLbound);
            }
        }
        hr = seg_append(&lib->adesc, &lib->adesc_len, a, n, &aat);
        free(a);
        if (hr != S_OK) return hr;
        mix = 0x7ffe;
        value = (int32_t)aat;
        break;
    }
    case VT_USERDEFINED:
        mix = 0x7fff;
        value = (int32_t)td->hreftype;
        break;
    default:
        if (!tdesc_vt_ok(td->vt)) return E_INVALIDARG;
        *code = (int32_t)(0x80000000u | (uint32_t)twin_vt(td->vt) << 16 | td->vt);
        return S_OK;
    }
    /* an identical entry is shared */
    wr32(e, (int32_t)((uint32_t)mix << 16 | td->vt));
    wr32(e + 4, value);
    for (uint32_t off = 0; off + 8 <= lib->tdesc_len; off += 8) {
        if (!memcmp(lib->tdesc + off, e, 8) && td->vt != VT_CARRAY) {
            *code = (int32_t)off;
            return S_OK;
        }
    }
    hr = seg_append(&lib->tdesc, &lib->tdesc_len, e, 8, &at);
    if (hr == S_OK) *code = (int32_t)at;
    return hr;
}

/* ---- layout ---------------------------------------------------------------------------- */

HRESULT comrt__ct_tdesc_layout(comrt__ct_lib *lib, int32_t code, uint32_t *size, uint16_t *align)
{
    UINT ps = comrt__ct_ptrsize(lib);
    VARTYPE vt;
    int32_t value;
    if (code < 0) {
        vt = (VARTYPE)(code & VT_TYPEMASK);
        switch (vt) {
        case VT_I1: case VT_UI1: *size = 1; break;
        case VT_I2: case VT_UI2: case VT_BOOL: *size = 2; break;
        case VT_I4: case VT_UI4: case VT_INT: case VT_UINT: case VT_R4: case VT_ERROR: case VT_HRESULT: *size = 4; break;
        case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE: case VT_FILETIME: *size = 8; break;
        case VT_DECIMAL: *size = 16; *align = 8; return S_OK;
        case VT_VARIANT: *size = ps == 8 ? 24 : 16; *align = 8; return S_OK;
        case VT_CLSID: *size = 16; *align = 4; return S_OK;
        case VT_VOID: case VT_EMPTY: case VT_NULL: *size = 0; break;
        default: *size = ps; break; /* BSTR, pointers, interfaces, INT_PTR, LPSTR, ... */
        }
        *align = (uint16_t)(*size ? *size : 1);
        return S_OK;
    }
    vt = (VARTYPE)(rd32(lib->tdesc + code) & VT_TYPEMASK);
    value = rd32(lib->tdesc + code + 4);
    if (vt == VT_CARRAY) {
        const uint8_t *a = lib->adesc + value;
        uint16_t dims = (uint16_t)(a[4] | a[5] << 8);
        uint64_t n = 1;
        HRESULT hr = comrt__ct_tdesc_layout(lib, rd32(a), size, align);
        if (hr != S_OK) return hr;
        for (uint16_t i = 0; i < dims; i++) n *= (uint32_t)rd32(a + 8 + i * 8);
        n *= *size;
        if (n > 0x7fffffff) return TYPE_E_SIZETOOBIG;
        *size = (uint32_t)n;
        return S_OK;
    }
    if (vt == VT_USERDEFINED) {
        HREFTYPE href = (HREFTYPE)value;
        if (href & 1) {
            uint32_t i = href / MSFT_IMPINFO_SIZE;
            if (i >= lib->nimpinfos) return TYPE_E_ELEMENTNOTFOUND;
            *size = lib->impinfos[i].cbinst;
            *align = lib->impinfos[i].align;
        } else {
            uint32_t i = href / MSFT_TI_SIZE;
            comrt__ct_type *t;
            HRESULT hr;
            if (i >= lib->ntypes) return TYPE_E_ELEMENTNOTFOUND;
            t = lib->types[i];
            if (t->kind == TKIND_INTERFACE || t->kind == TKIND_DISPATCH || t->kind == TKIND_COCLASS) {
                *size = ps;
                *align = (uint16_t)ps;
                return S_OK;
            }
            hr = comrt__ct_layout(t);
            if (hr != S_OK) return hr;
            *size = t->cbinst;
            *align = t->align ? t->align : 1;
        }
        return S_OK;
    }
    *size = ps;
    *align = (uint16_t)ps;
    return S_OK;
}

/* ---- snapshot ------------------------------------------------------------------------------ */

HRESULT comrt__ct_snapshot(comrt__ct_lib *lib, ITypeLib2 **out)
{
    uint8_t *data = NULL;
    size_t size = 0;
    ITypeLib *tl = NULL;
    HRESULT hr = comrt__msft_write(lib, &data, &size);
    if (hr == S_OK) hr = comrt__typelib_load_memory(data, size, 1, NULL, &tl);
    free(data);
    if (hr == S_OK) *out = (ITypeLib2 *)tl;
    return hr;
}

/* ---- the object ---------------------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE ctl_QueryInterface(ICreateTypeLib2 *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ICreateTypeLib) || IsEqualIID(riid, &IID_ICreateTypeLib2)) {
        (This)->lpVtbl->AddRef(This);
        *ppv = This;
        return S_OK;
    }
    if (IsEqualIID(riid, &IID_ITypeLib) || IsEqualIID(riid, &IID_ITypeLib2)) {
        ITypeLib2 *snap;
        HRESULT hr = comrt__ct_snapshot(impl(This), &snap);
        if (hr != S_OK) return hr;
        *ppv = snap;
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE ctl_AddRef(ICreateTypeLib2 *This) { return comrt__ref_inc(&impl(This)->ref); }

static void lib_free(comrt__ct_lib *lib)
{
    for (uint32_t i = 0; i < lib->ntypes; i++) comrt__ct_type_free(lib->types[i]);
    for (uint32_t i = 0; i < lib->ndead; i++) comrt__ct_type_free(lib->dead[i]);
    for (uint32_t i = 0; i < lib->nimpfiles; i++) SysFreeString(lib->impfiles[i].name);
    free(lib->types);
    free(lib->dead);
    free(lib->impfiles);
    free(lib->impinfos);
    free(lib->tdesc);
    free(lib->adesc);
    free(lib->path);
    SysFreeString(lib->name);
    SysFreeString(lib->doc);
    SysFreeString(lib->helpfile);
    SysFreeString(lib->helpdll);
    comrt__ct_cd_free(&lib->cd);
    free(lib);
}

static ULONG STDMETHODCALLTYPE ctl_Release(ICreateTypeLib2 *This)
{
    ULONG r = comrt__ref_dec(&impl(This)->ref);
    if (!r) lib_free(impl(This));
    return r;
}

/* Whether a type other than `except` is named name (case-insensitively, as
 * type names are looked up). */
BOOL comrt__ct_name_taken(comrt__ct_lib *lib, const WCHAR *name, const comrt__ct_type *except)
{
    for (uint32_t i = 0; i < lib->ntypes; i++)
        if (lib->types[i] != except && lib->types[i]->name && !comrt__utf16_icmp_ascii(lib->types[i]->name, name))
            return TRUE;
    return FALSE;
}

static HRESULT STDMETHODCALLTYPE ctl_CreateTypeInfo(ICreateTypeLib2 *This, LPOLESTR name, TYPEKIND kind,
                                                    ICreateTypeInfo **pp)
{
    comrt__ct_lib *lib = impl(This);
    comrt__ct_type *t = NULL, **types;
    HRESULT hr;
    if (!name || !pp) return E_INVALIDARG;
    if ((unsigned)kind >= TKIND_MAX) return E_INVALIDARG;
    if (comrt__ct_name_taken(lib, name, NULL)) return TYPE_E_NAMECONFLICT;
    if (lib->ntypes >= COMRT_TL_MAX_TYPES) return TYPE_E_SIZETOOBIG;
    if (lib->ntypes == lib->captypes) {
        uint32_t cap = lib->captypes ? lib->captypes * 2 : 16;
        types = realloc(lib->types, cap * sizeof *types);
        if (!types) return E_OUTOFMEMORY;
        lib->types = types;
        lib->captypes = cap;
    }
    hr = comrt__ct_type_new(lib, name, kind, &t);
    if (hr != S_OK) return hr;
    t->index = lib->ntypes;
    lib->types[lib->ntypes++] = t;
    (&t->iface)->lpVtbl->AddRef(&t->iface);
    *pp = (ICreateTypeInfo *)&t->iface;
    return S_OK;
}

/* Replaces *dst with a copy of s (NULL refused: E_INVALIDARG). */
HRESULT comrt__ct_set_bstr(BSTR *dst, const WCHAR *s)
{
    BSTR b;
    if (!s) return E_INVALIDARG;
    b = SysAllocString(s);
    if (!b) return E_OUTOFMEMORY;
    SysFreeString(*dst);
    *dst = b;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ctl_SetName(ICreateTypeLib2 *This, LPOLESTR name) { return comrt__ct_set_bstr(&impl(This)->name, name); }

static HRESULT STDMETHODCALLTYPE ctl_SetVersion(ICreateTypeLib2 *This, WORD ma, WORD mi)
{
    impl(This)->vmajor = ma;
    impl(This)->vminor = mi;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ctl_SetGuid(ICreateTypeLib2 *This, REFGUID guid)
{
    if (!guid) return E_INVALIDARG;
    impl(This)->guid = *guid;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ctl_SetDocString(ICreateTypeLib2 *This, LPOLESTR s) { return comrt__ct_set_bstr(&impl(This)->doc, s); }
static HRESULT STDMETHODCALLTYPE ctl_SetHelpFileName(ICreateTypeLib2 *This, LPOLESTR s) { return comrt__ct_set_bstr(&impl(This)->helpfile, s); }

static HRESULT STDMETHODCALLTYPE ctl_SetHelpContext(ICreateTypeLib2 *This, DWORD ctx)
{
    impl(This)->helpctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ctl_SetLcid(ICreateTypeLib2 *This, LCID lcid)
{
    impl(This)->lcid = lcid;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ctl_SetLibFlags(ICreateTypeLib2 *This, UINT flags)
{
    impl(This)->libflags = (WORD)flags;
    return S_OK;
}

/* Maps errno of a failed file operation to the HRESULT Windows' file
 * functions give for the same failure. */
static HRESULT errno_hr(int e)
{
    switch (e) {
    case ENOENT: case ENOTDIR: case ENAMETOOLONG: return STG_E_PATHNOTFOUND;
    case EACCES: case EPERM: case EROFS: case EISDIR: return STG_E_ACCESSDENIED;
    case ENOSPC: case EDQUOT: return STG_E_MEDIUMFULL;
    case ENOMEM: return E_OUTOFMEMORY;
    case EMFILE: case ENFILE: return STG_E_TOOMANYOPENFILES;
    default: return TYPE_E_IOERROR;
    }
}

/* Writes data to path through a temporary file in the same directory and
 * an atomic rename. */
static HRESULT write_atomic(const char *path, const uint8_t *data, size_t size)
{
    HRESULT hr = S_OK;
    size_t n = strlen(path), done = 0;
    char *tmp = malloc(n + 16);
    int fd = -1;
    if (!tmp) return E_OUTOFMEMORY;
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmpXXXXXX", 11);
    fd = mkstemp(tmp);
    if (fd < 0) { hr = errno_hr(errno); goto out; }
    while (done < size) {
        ssize_t k = write(fd, data + done, size - done);
        if (k < 0) {
            if (errno == EINTR) continue;
            hr = errno_hr(errno);
            goto out;
        }
        done += (size_t)k;
    }
    if (fsync(fd) != 0 && errno != EINVAL) { hr = errno_hr(errno); goto out; }
    (void)fchmod(fd, 0644);
    if (close(fd) != 0) { fd = -1; hr = errno_hr(errno); goto out; }
    fd = -1;
    if (rename(tmp, path) != 0) { hr = errno_hr(errno); goto out; }
out:
    if (fd >= 0) close(fd);
    if (hr != S_OK) unlink(tmp);
    free(tmp);
    return hr;
}

static HRESULT STDMETHODCALLTYPE ctl_SaveAllChanges(ICreateTypeLib2 *This)
{
    comrt__ct_lib *lib = impl(This);
    uint8_t *data = NULL;
    size_t size = 0;
    HRESULT hr = S_OK;
    /* types not laid out yet are laid out now, as oleaut32 does */
    for (uint32_t i = 0; i < lib->ntypes && hr == S_OK; i++) hr = comrt__ct_layout(lib->types[i]);
    if (hr == S_OK) hr = comrt__msft_write(lib, &data, &size);
    if (hr == S_OK) hr = write_atomic(lib->path, data, size);
    free(data);
    return hr;
}

static HRESULT STDMETHODCALLTYPE ctl_DeleteTypeInfo(ICreateTypeLib2 *This, LPOLESTR name)
{
    comrt__ct_lib *lib = impl(This);
    comrt__ct_type **dead;
    uint32_t idx = UINT32_MAX;
    if (!name) return E_INVALIDARG;
    for (uint32_t i = 0; i < lib->ntypes; i++)
        if (lib->types[i]->name && !comrt__utf16_icmp_ascii(lib->types[i]->name, name)) idx = i;
    if (idx == UINT32_MAX) return TYPE_E_ELEMENTNOTFOUND;
    dead = realloc(lib->dead, (lib->ndead + 1) * sizeof *dead);
    if (!dead) return E_OUTOFMEMORY;
    lib->dead = dead;
    /* the object stays alive (callers may hold it) but leaves the library */
    dead[lib->ndead++] = lib->types[idx];
    memmove(&lib->types[idx], &lib->types[idx + 1], (lib->ntypes - idx - 1) * sizeof *lib->types);
    lib->ntypes--;
    for (uint32_t i = 0; i < lib->ntypes; i++) lib->types[i]->index = i;
    /* references to later types move down by one record; references to the
     * deleted type would dangle: they become -1 (invalid) */
    {
        uint32_t gone = idx * MSFT_TI_SIZE;
#define FIX_HREF(h)                                                                                \
    do {                                                                                           \
        if (!((h) & 3) && (int32_t)(h) >= 0) {                                                     \
            if ((h) == gone) (h) = (HREFTYPE)-1;                                                   \
            else if ((h) > gone) (h) -= MSFT_TI_SIZE;                                              \
        }                                                                                          \
    } while (0)
        for (uint32_t off = 0; off + 8 <= lib->tdesc_len; off += 8) {
            if ((rd32(lib->tdesc + off) & VT_TYPEMASK) == VT_USERDEFINED) {
                HREFTYPE h = (HREFTYPE)rd32(lib->tdesc + off + 4);
                FIX_HREF(h);
                wr32(lib->tdesc + off + 4, (int32_t)h);
            }
        }
        for (uint32_t i = 0; i < lib->ntypes; i++)
            for (uint32_t k = 0; k < lib->types[i]->nimpls; k++) FIX_HREF(lib->types[i]->impls[k].href);
#undef FIX_HREF
    }
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ctl_SetCustData(ICreateTypeLib2 *This, REFGUID guid, VARIANT *v)
{
    return comrt__ct_cd_set(&impl(This)->cd, guid, v);
}

static HRESULT STDMETHODCALLTYPE ctl_SetHelpStringContext(ICreateTypeLib2 *This, ULONG ctx)
{
    impl(This)->hsctx = ctx;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE ctl_SetHelpStringDll(ICreateTypeLib2 *This, LPOLESTR s) { return comrt__ct_set_bstr(&impl(This)->helpdll, s); }

static const ICreateTypeLib2Vtbl ctl_vtbl = {
    ctl_QueryInterface, ctl_AddRef, ctl_Release, ctl_CreateTypeInfo, ctl_SetName, ctl_SetVersion, ctl_SetGuid,
    ctl_SetDocString, ctl_SetHelpFileName, ctl_SetHelpContext, ctl_SetLcid, ctl_SetLibFlags, ctl_SaveAllChanges,
    ctl_DeleteTypeInfo, ctl_SetCustData, ctl_SetHelpStringContext, ctl_SetHelpStringDll,
};

/* Creates an empty library to be saved as szFile.  *ppctlib receives it
 * (Release it); nothing is written before SaveAllChanges. */
HRESULT WINAPI CreateTypeLib2(SYSKIND syskind, LPCOLESTR szFile, ICreateTypeLib2 **ppctlib)
{
    HRESULT hr = S_OK;
    comrt__ct_lib *lib = NULL;
    size_t n, u;
    if (!ppctlib) return E_INVALIDARG;
    *ppctlib = NULL;
    if (!szFile) return E_INVALIDARG;
    /* any SYSKIND is accepted, as oleaut32 does (4 bits are stored; all but
     * SYS_WIN64 lay out with 4-byte pointers) */
    lib = calloc(1, sizeof *lib);
    if (!lib) return E_OUTOFMEMORY;
    lib->iface.lpVtbl = &ctl_vtbl;
    lib->ref = 1;
    lib->syskind = (SYSKIND)((unsigned)syskind & 0xF);
    lib->lcid = 0;
    n = comrt__utf16_len(szFile);
    u = comrt__utf16_to_utf8(szFile, n, NULL, 0);
    lib->path = malloc(u + 1);
    if (!lib->path) { hr = E_OUTOFMEMORY; goto fail; }
    comrt__utf16_to_utf8(szFile, n, lib->path, u);
    lib->path[u] = 0;
    *ppctlib = &lib->iface;
    return S_OK;
fail:
    lib_free(lib);
    return hr;
}
