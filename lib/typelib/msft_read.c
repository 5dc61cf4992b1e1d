/*
 * lib/typelib/msft_read.c — parses an MSFT type library image into the
 * immutable model of typelib_model.h, in one pass.
 *
 * The image is untrusted.  Every offset read from it is checked against the
 * segment it must lie in before it is kept; counts are capped (typelib_model.h)
 * and by the bytes that could hold them; typedesc chains are followed to a
 * bounded depth once here, so later users may walk them without checks.
 * Corrupt structure gives TYPE_E_INVDATAREAD (bad offsets) or
 * TYPE_E_UNSUPFORMAT (not MSFT at all), as oleaut32 answers.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "oleaut/oleaut_internal.h"
#include "typelib/msft_format.h"
#include "typelib/typelib_model.h"

/* ---- bounds-checked reads -------------------------------------------------- */

static BOOL in_range(const comrt__tl_model *m, size_t off, size_t len)
{
    return off <= m->size && m->size - off >= len;
}

static int32_t rd32(const comrt__tl_model *m, size_t off)
{
    const uint8_t *p = m->data + off;
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

static int16_t rd16(const comrt__tl_model *m, size_t off)
{
    const uint8_t *p = m->data + off;
    return (int16_t)(p[0] | p[1] << 8);
}

/* Whether [off, off+len) lies inside segment seg (off relative to it). */
static BOOL seg_has(const comrt__tl_model *m, int seg, int32_t off, size_t len)
{
    return off >= 0 && (uint32_t)off <= m->seg_len[seg] && m->seg_len[seg] - (uint32_t)off >= len;
}

static size_t seg_abs(const comrt__tl_model *m, int seg, int32_t off)
{
    return (size_t)m->seg_off[seg] + (uint32_t)off;
}

static void rdguid(const comrt__tl_model *m, size_t off, GUID *g)
{
    const uint8_t *p = m->data + off;
    g->Data1 = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    g->Data2 = (uint16_t)(p[4] | p[5] << 8);
    g->Data3 = (uint16_t)(p[6] | p[7] << 8);
    memcpy(g->Data4, p + 8, 8);
}

/* A name from the name segment (offset -1: none; a bad offset fails). */
static BOOL get_name(const comrt__tl_model *m, int32_t off, comrt__tl_str *out, uint32_t *hash)
{
    uint32_t len;
    out->off = 0;
    out->len = 0;
    if (off == -1) return TRUE;
    if (!seg_has(m, MSFT_SEG_NAME, off, MSFT_NAME_FIXED)) return FALSE;
    len = (uint32_t)rd32(m, seg_abs(m, MSFT_SEG_NAME, off) + 8);
    if (hash) *hash = len >> 16;
    len &= 0xff;
    if (!seg_has(m, MSFT_SEG_NAME, off, MSFT_NAME_FIXED + (size_t)len)) return FALSE;
    out->off = (uint32_t)(seg_abs(m, MSFT_SEG_NAME, off) + MSFT_NAME_FIXED);
    out->len = len;
    return TRUE;
}

/* A string from the string segment (INT16 length, then bytes). */
static BOOL get_string(const comrt__tl_model *m, int32_t off, comrt__tl_str *out)
{
    int16_t len;
    out->off = 0;
    out->len = 0;
    if (off == -1) return TRUE;
    if (!seg_has(m, MSFT_SEG_STRING, off, 2)) return FALSE;
    len = rd16(m, seg_abs(m, MSFT_SEG_STRING, off));
    if (len < 0 || !seg_has(m, MSFT_SEG_STRING, off, 2 + (size_t)len)) return FALSE;
    out->off = (uint32_t)(seg_abs(m, MSFT_SEG_STRING, off) + 2);
    out->len = (uint32_t)len;
    return TRUE;
}

static BOOL get_guid(const comrt__tl_model *m, int32_t off, GUID *g)
{
    memset(g, 0, sizeof *g);
    if (off == -1) return TRUE;
    if (!seg_has(m, MSFT_SEG_GUID, off, 16)) return FALSE;
    rdguid(m, seg_abs(m, MSFT_SEG_GUID, off), g);
    return TRUE;
}

/* ---- typedesc codes ------------------------------------------------------- */

/* Checks the typedesc chain of code td (bounded depth). */
static BOOL check_tdesc(const comrt__tl_model *m, int32_t td, int depth)
{
    size_t at;
    uint16_t vt;
    int32_t v;
    if (td < 0) {
        /* a simple code names no pointee, element or array bounds */
        vt = (uint16_t)(td & VT_TYPEMASK);
        return vt != VT_PTR && vt != VT_SAFEARRAY && vt != VT_CARRAY;
    }
    if (depth >= COMRT_TL_MAX_TDESC_DEPTH || !seg_has(m, MSFT_SEG_TYPEDESC, td, MSFT_TYPEDESC_SIZE)) return FALSE;
    at = seg_abs(m, MSFT_SEG_TYPEDESC, td);
    vt = (uint16_t)(rd16(m, at) & VT_TYPEMASK);
    v = rd32(m, at + 4);
    if (vt == VT_PTR || vt == VT_SAFEARRAY) return check_tdesc(m, v, depth + 1);
    if (vt == VT_CARRAY) {
        int16_t dims;
        if (!seg_has(m, MSFT_SEG_ARRAYDESC, v, 8)) return FALSE;
        at = seg_abs(m, MSFT_SEG_ARRAYDESC, v);
        dims = rd16(m, at + 4);
        if (dims < 0 || !seg_has(m, MSFT_SEG_ARRAYDESC, v, 8 + (size_t)dims * 8)) return FALSE;
        return check_tdesc(m, rd32(m, at), depth + 1);
    }
    return TRUE;
}

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

size_t comrt__tl_tdesc_extra(const comrt__tl_model *m, int32_t td)
{
    size_t at;
    uint16_t vt;
    int32_t v;
    if (td < 0) return 0;
    at = seg_abs(m, MSFT_SEG_TYPEDESC, td);
    vt = (uint16_t)(rd16(m, at) & VT_TYPEMASK);
    v = rd32(m, at + 4);
    if (vt == VT_PTR || vt == VT_SAFEARRAY) return align8(sizeof(TYPEDESC)) + comrt__tl_tdesc_extra(m, v);
    if (vt == VT_CARRAY) {
        size_t a = seg_abs(m, MSFT_SEG_ARRAYDESC, v);
        int16_t dims = rd16(m, a + 4);
        size_t n = sizeof(ARRAYDESC) + (dims > 1 ? (size_t)(dims - 1) * sizeof(SAFEARRAYBOUND) : 0);
        return align8(n) + comrt__tl_tdesc_extra(m, rd32(m, a));
    }
    return 0;
}

void comrt__tl_tdesc_fill(const comrt__tl_model *m, int32_t td, TYPEDESC *out, uint8_t **space)
{
    size_t at;
    uint16_t vt;
    int32_t v;
    memset(out, 0, sizeof *out);
    if (td < 0) {
        out->vt = (VARTYPE)(td & VT_TYPEMASK);
        return;
    }
    at = seg_abs(m, MSFT_SEG_TYPEDESC, td);
    vt = (uint16_t)(rd16(m, at) & VT_TYPEMASK);
    v = rd32(m, at + 4);
    out->vt = vt;
    if (vt == VT_PTR || vt == VT_SAFEARRAY) {
        TYPEDESC *inner = (TYPEDESC *)*space;
        *space += align8(sizeof(TYPEDESC));
        out->lptdesc = inner;
        comrt__tl_tdesc_fill(m, v, inner, space);
    } else if (vt == VT_CARRAY) {
        size_t a = seg_abs(m, MSFT_SEG_ARRAYDESC, v);
        int16_t dims = rd16(m, a + 4);
        ARRAYDESC *ad = (ARRAYDESC *)*space;
        size_t n = sizeof(ARRAYDESC) + (dims > 1 ? (size_t)(dims - 1) * sizeof(SAFEARRAYBOUND) : 0);
        *space += align8(n);
        out->lpadesc = ad;
        ad->cDims = (USHORT)dims;
        for (int16_t i = 0; i < dims; i++) {
            ad->rgbounds[i].cElements = (ULONG)rd32(m, a + 8 + (size_t)i * 8);
            ad->rgbounds[i].lLbound = rd32(m, a + 12 + (size_t)i * 8);
        }
        comrt__tl_tdesc_fill(m, rd32(m, a), &ad->tdescElem, space);
    } else if (vt == VT_USERDEFINED) {
        out->hreftype = (HREFTYPE)v;
    }
}

/* ---- values and custom data ----------------------------------------------- */

BSTR comrt__tl_bstr(const comrt__tl_model *m, comrt__tl_str s)
{
    BSTR b;
    if (!s.off) return NULL;
    b = SysAllocStringLen(NULL, s.len);
    if (!b) return NULL;
    /* Names and strings are stored in the library's ANSI code page; Latin-1
     * here (Windows-1252 differs only in 0x80-0x9F). */
    for (uint32_t i = 0; i < s.len; i++) b[i] = m->data[s.off + i];
    return b;
}

static WCHAR fold(WCHAR c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) return (WCHAR)(c - 32);
    return c;
}

BOOL comrt__tl_name_eq(const comrt__tl_model *m, comrt__tl_str s, const WCHAR *name)
{
    if (!s.off) return FALSE;
    for (uint32_t i = 0; i < s.len; i++) {
        if (!name[i] || fold(m->data[s.off + i]) != fold(name[i])) return FALSE;
    }
    return name[s.len] == 0;
}

HRESULT comrt__tl_read_value(const comrt__tl_model *m, int32_t v, VARIANT *out)
{
    HRESULT hr = S_OK;
    VARIANT tmp;
    size_t at;
    VARTYPE vt;

    VariantInit(&tmp);
    if (v < 0) {
        V_VT(&tmp) = (VARTYPE)((v & 0x7c000000) >> 26);
        V_UI8(&tmp) = 0;
        V_UI4(&tmp) = (ULONG)(v & 0x03ffffff);
        /* a type no VARIANT may hold (e.g. VT_LPWSTR from a writer's
         * mistake) cannot be handed out, as oleaut32's copy refuses it */
        if (comrt__variant_check_type(V_VT(&tmp)) != S_OK) { hr = DISP_E_BADVARTYPE; goto out; }
        /* an inline value is no pointer: only a NULL BSTR/interface can be one */
        if ((V_VT(&tmp) == VT_BSTR || V_VT(&tmp) == VT_DISPATCH || V_VT(&tmp) == VT_UNKNOWN ||
             V_VT(&tmp) == VT_RECORD) && V_UI4(&tmp) != 0) {
            hr = DISP_E_BADVARTYPE;
            goto out;
        }
        goto done;
    }
    if (!seg_has(m, MSFT_SEG_CUSTDATA, v, 2)) { hr = TYPE_E_INVDATAREAD; goto out; }
    at = seg_abs(m, MSFT_SEG_CUSTDATA, v);
    vt = (VARTYPE)rd16(m, at);
    switch (vt) {
    case VT_EMPTY: case VT_NULL:
        break;
    case VT_I1: case VT_UI1: case VT_I2: case VT_UI2: case VT_I4: case VT_UI4: case VT_INT: case VT_UINT:
    case VT_R4: case VT_BOOL: case VT_ERROR: case VT_HRESULT:
        if (!seg_has(m, MSFT_SEG_CUSTDATA, v, 6)) { hr = TYPE_E_INVDATAREAD; goto out; }
        V_UI4(&tmp) = (ULONG)rd32(m, at + 2);
        break;
    case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE:
        if (!seg_has(m, MSFT_SEG_CUSTDATA, v, 10)) { hr = TYPE_E_INVDATAREAD; goto out; }
        V_UI8(&tmp) = (ULONGLONG)(uint32_t)rd32(m, at + 2) | (ULONGLONG)(uint32_t)rd32(m, at + 6) << 32;
        break;
    case VT_DECIMAL:
        if (!seg_has(m, MSFT_SEG_CUSTDATA, v, 2 + sizeof(DECIMAL))) { hr = TYPE_E_INVDATAREAD; goto out; }
        memcpy(&V_DECIMAL(&tmp), m->data + at + 2, sizeof(DECIMAL));
        V_DECIMAL(&tmp).wReserved = 0;
        break;
    case VT_BSTR: {
        int32_t len;
        if (!seg_has(m, MSFT_SEG_CUSTDATA, v, 6)) { hr = TYPE_E_INVDATAREAD; goto out; }
        len = rd32(m, at + 2);
        if (len == -1) { V_BSTR(&tmp) = NULL; break; }
        if (len < 0 || !seg_has(m, MSFT_SEG_CUSTDATA, v, 6 + (size_t)len)) { hr = TYPE_E_INVDATAREAD; goto out; }
        comrt__tl_str s = { (uint32_t)(at + 6), (uint32_t)len };
        V_BSTR(&tmp) = len ? comrt__tl_bstr(m, s) : SysAllocStringLen(NULL, 0);
        if (!V_BSTR(&tmp)) { hr = E_OUTOFMEMORY; goto out; }
        break;
    }
    default:
        /* A type the format cannot carry: read as empty rather than guess. */
        vt = VT_EMPTY;
        break;
    }
    V_VT(&tmp) = vt;
done:
    *out = tmp;
out:
    return hr;
}

/* Walks custom-data list cd; calls visit for each (guid, value offset). */
typedef HRESULT (*cd_visit)(const comrt__tl_model *m, const GUID *g, int32_t value, void *ctx);

static HRESULT cd_walk(const comrt__tl_model *m, int32_t cd, cd_visit visit, void *ctx)
{
    HRESULT hr = S_OK;
    unsigned steps = 0;
    while (cd != -1) {
        size_t at;
        GUID g;
        if (!seg_has(m, MSFT_SEG_CDGUIDS, cd, MSFT_CDGUID_SIZE) || ++steps > m->seg_len[MSFT_SEG_CDGUIDS] / MSFT_CDGUID_SIZE) {
            hr = TYPE_E_INVDATAREAD;
            break;
        }
        at = seg_abs(m, MSFT_SEG_CDGUIDS, cd);
        if (!get_guid(m, rd32(m, at), &g)) { hr = TYPE_E_INVDATAREAD; break; }
        hr = visit(m, &g, rd32(m, at + 4), ctx);
        if (hr != S_OK) break;
        cd = rd32(m, at + 8);
    }
    return hr == S_FALSE ? S_OK : hr;
}

typedef struct { const GUID *want; VARIANT *out; BOOL found; } cd_get_ctx;

static HRESULT cd_get_visit(const comrt__tl_model *m, const GUID *g, int32_t value, void *ctx)
{
    cd_get_ctx *c = ctx;
    HRESULT hr;
    if (!IsEqualGUID(g, c->want)) return S_OK;
    hr = comrt__tl_read_value(m, value, c->out);
    if (hr == S_OK) { c->found = TRUE; hr = S_FALSE; }
    return hr;
}

HRESULT comrt__tl_custdata_get(const comrt__tl_model *m, int32_t cd, REFGUID guid, VARIANT *out)
{
    VARIANT v;
    cd_get_ctx c = { guid, &v, FALSE };
    HRESULT hr = cd_walk(m, cd, cd_get_visit, &c);
    if (hr != S_OK) return hr;
    /* Windows answers S_OK with VT_EMPTY for a GUID it does not hold. */
    if (!c.found) VariantInit(&v);
    VariantClear(out);
    *out = v;
    return S_OK;
}

typedef struct { CUSTDATAITEM *items; DWORD n, cap; } cd_all_ctx;

static HRESULT cd_count_visit(const comrt__tl_model *m, const GUID *g, int32_t value, void *ctx)
{
    (void)m; (void)g; (void)value;
    ((cd_all_ctx *)ctx)->cap++;
    return S_OK;
}

/* Items are listed in the reverse of the chain's order: writers prepend,
 * so this is the order they were defined in (and oleaut32's). */
static HRESULT cd_all_visit(const comrt__tl_model *m, const GUID *g, int32_t value, void *ctx)
{
    cd_all_ctx *c = ctx;
    CUSTDATAITEM *it;
    HRESULT hr;
    if (c->n >= c->cap) return S_FALSE;
    it = &c->items[c->cap - 1 - c->n];
    it->guid = *g;
    hr = comrt__tl_read_value(m, value, &it->varValue);
    if (hr == S_OK) c->n++;
    return hr;
}

HRESULT comrt__tl_custdata_all(const comrt__tl_model *m, int32_t cd, CUSTDATA *out)
{
    HRESULT hr;
    cd_all_ctx c = { NULL, 0, 0 };
    hr = cd_walk(m, cd, cd_count_visit, &c);
    if (hr != S_OK) goto out;
    if (c.cap) {
        c.items = CoTaskMemAlloc(c.cap * sizeof(CUSTDATAITEM));
        if (!c.items) { hr = E_OUTOFMEMORY; goto out; }
        hr = cd_walk(m, cd, cd_all_visit, &c);
        if (hr == S_OK && c.n != c.cap) hr = TYPE_E_INVDATAREAD;
        if (hr != S_OK) {
            for (DWORD i = 0; i < c.n; i++) VariantClear(&c.items[c.cap - 1 - i].varValue);
            CoTaskMemFree(c.items);
            goto out;
        }
    }
    out->cCustData = c.n;
    out->prgCustData = c.items;
out:
    return hr;
}

/* ---- growable arrays ------------------------------------------------------ */

BOOL comrt__tl_grow(void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    void *p;
    uint32_t n;
    if (need <= *cap) return TRUE;
    if (need > COMRT_TL_MAX_RECORDS) return FALSE;
    n = *cap ? *cap : 16;
    while (n < need) n *= 2;
    p = realloc(*arr, (size_t)n * elem);
    if (!p) return FALSE;
    *arr = p;
    *cap = n;
    return TRUE;
}

/* ---- parse ------------------------------------------------------------------ */

typedef struct {
    comrt__tl_model *m;
    uint32_t cap_funcs, cap_vars, cap_params, cap_impls;
} parser;

static HRESULT parse_func(parser *p, size_t blk, size_t blkend, int32_t recoff, int32_t memid, int32_t nameoff,
                          comrt__tl_func *f)
{
    comrt__tl_model *m = p->m;
    size_t rec, recsize, nargs, nopt, pbase, dbase;
    int32_t fkccic, opt[8];
    BOOL has_defaults;

    if (recoff < 0 || (size_t)recoff > blkend - blk || blkend - blk - (size_t)recoff < MSFT_FUNC_FIXED)
        return TYPE_E_INVDATAREAD;
    rec = blk + (size_t)recoff;
    recsize = (uint16_t)rd32(m, rec + MSFT_FUNC_INFO);
    if (recsize < MSFT_FUNC_FIXED || recsize > blkend - rec) return TYPE_E_INVDATAREAD;
    fkccic = rd32(m, rec + MSFT_FUNC_FKCCIC);
    if (rd16(m, rec + MSFT_FUNC_NRARGS) < 0 || rd16(m, rec + MSFT_FUNC_NRARGS) > COMRT_TL_MAX_PARAMS)
        return TYPE_E_INVDATAREAD;
    nargs = (size_t)rd16(m, rec + MSFT_FUNC_NRARGS);
    has_defaults = (fkccic & 0x1000) != 0;
    if (recsize < MSFT_FUNC_FIXED + nargs * (MSFT_PARAM_SIZE + (has_defaults ? 4 : 0))) return TYPE_E_INVDATAREAD;
    pbase = rec + recsize - nargs * MSFT_PARAM_SIZE;
    dbase = pbase - (has_defaults ? nargs * 4 : 0);
    nopt = (dbase - rec - MSFT_FUNC_FIXED) / 4;
    for (size_t i = 0; i < 8; i++) opt[i] = (i < nopt) ? rd32(m, rec + MSFT_FUNC_FIXED + i * 4) : (i == 2 || i == 6 ? -1 : 0);
    if (nopt < 2) opt[1] = -1;

    memset(f, 0, sizeof *f);
    f->memid = memid;
    if (!get_name(m, nameoff, &f->name, NULL)) return TYPE_E_INVDATAREAD;
    f->helpctx = (uint32_t)opt[0];
    if (!get_string(m, opt[1], &f->doc)) return TYPE_E_INVDATAREAD;
    f->entry = opt[2];
    f->entry_is_ord = (fkccic & 0x2000) != 0;
    f->hsctx = (uint32_t)opt[5];
    f->custdata = (fkccic & 0x80) ? opt[6] : -1;
    f->rettype = rd32(m, rec + MSFT_FUNC_DATATYPE);
    if (!check_tdesc(m, f->rettype, 0)) return TYPE_E_INVDATAREAD;
    f->funcflags = (uint16_t)rd32(m, rec + MSFT_FUNC_FLAGS);
    f->funckind = (uint8_t)(fkccic & 0x7);
    f->invkind = (uint8_t)((fkccic >> 3) & 0xF);
    f->callconv = (uint8_t)((fkccic >> 8) & 0xF);
    f->ovft = rd16(m, rec + MSFT_FUNC_VTOFF);
    f->cparams = (int16_t)nargs;
    f->cparamsopt = rd16(m, rec + MSFT_FUNC_NROARGS);
    f->first_param = m->nparams;
    if (!comrt__tl_grow((void **)&m->params, &p->cap_params, m->nparams + (uint32_t)nargs, sizeof(comrt__tl_param)))
        return E_OUTOFMEMORY;
    for (size_t i = 0; i < nargs; i++) {
        comrt__tl_param *pa = &m->params[m->nparams + i];
        size_t at = pbase + i * MSFT_PARAM_SIZE;
        pa->type = rd32(m, at);
        if (!check_tdesc(m, pa->type, 0)) return TYPE_E_INVDATAREAD;
        if (!get_name(m, rd32(m, at + 4), &pa->name, NULL)) return TYPE_E_INVDATAREAD;
        pa->flags = (uint16_t)rd32(m, at + 8);
        pa->defval = has_defaults ? rd32(m, dbase + i * 4) : -1;
        if (!has_defaults) pa->flags &= (uint16_t)~PARAMFLAG_FHASDEFAULT;
        pa->custdata = ((fkccic & 0x80) && nopt > 7 + i) ? rd32(m, rec + MSFT_FUNC_FIXED + (7 + i) * 4) : -1;
    }
    m->nparams += (uint32_t)nargs;
    return S_OK;
}

static HRESULT parse_var(parser *p, size_t blk, size_t blkend, int32_t recoff, int32_t memid, int32_t nameoff,
                         comrt__tl_var *v)
{
    comrt__tl_model *m = p->m;
    size_t rec, recsize, nopt;
    int32_t opt[5];
    (void)p;

    if (recoff < 0 || (size_t)recoff > blkend - blk || blkend - blk - (size_t)recoff < MSFT_VAR_FIXED)
        return TYPE_E_INVDATAREAD;
    rec = blk + (size_t)recoff;
    recsize = (uint16_t)rd32(m, rec + MSFT_VAR_INFO);
    if (recsize < MSFT_VAR_FIXED || recsize > blkend - rec) return TYPE_E_INVDATAREAD;
    nopt = (recsize - MSFT_VAR_FIXED) / 4;
    for (size_t i = 0; i < 5; i++) opt[i] = (i < nopt) ? rd32(m, rec + MSFT_VAR_FIXED + i * 4) : (i == 1 || i == 3 ? -1 : 0);
    memset(v, 0, sizeof *v);
    v->memid = memid;
    if (!get_name(m, nameoff, &v->name, NULL)) return TYPE_E_INVDATAREAD;
    v->helpctx = (uint32_t)opt[0];
    if (!get_string(m, opt[1], &v->doc)) return TYPE_E_INVDATAREAD;
    v->custdata = opt[3];
    v->hsctx = (uint32_t)opt[4];
    v->type = rd32(m, rec + MSFT_VAR_DATATYPE);
    if (!check_tdesc(m, v->type, 0)) return TYPE_E_INVDATAREAD;
    v->varflags = (uint16_t)rd32(m, rec + MSFT_VAR_FLAGS);
    v->varkind = (uint8_t)rd16(m, rec + MSFT_VAR_KIND);
    v->value = rd32(m, rec + MSFT_VAR_OFFSVALUE);
    if (v->varkind == VAR_CONST && v->value >= 0 && !seg_has(m, MSFT_SEG_CUSTDATA, v->value, 2))
        return TYPE_E_INVDATAREAD;
    return S_OK;
}

static HRESULT parse_members(parser *p, comrt__tl_type *t, int32_t memoff)
{
    comrt__tl_model *m = p->m;
    uint32_t n = (uint32_t)t->cfuncs + t->cvars;
    size_t blk, blkend, arrays;
    int32_t infolen;
    HRESULT hr;

    t->first_func = m->nfuncs;
    t->first_var = m->nvars;
    if (!n) return S_OK;
    if (memoff < 0 || !in_range(m, (size_t)memoff, 4)) return TYPE_E_INVDATAREAD;
    infolen = rd32(m, (size_t)memoff);
    if (infolen < 0 || !in_range(m, (size_t)memoff + 4, (size_t)infolen + (size_t)n * 12)) return TYPE_E_INVDATAREAD;
    blk = (size_t)memoff + 4;
    blkend = blk + (size_t)infolen;
    arrays = blkend;
    if (!comrt__tl_grow((void **)&m->funcs, &p->cap_funcs, m->nfuncs + t->cfuncs, sizeof(comrt__tl_func)) ||
        !comrt__tl_grow((void **)&m->vars, &p->cap_vars, m->nvars + t->cvars, sizeof(comrt__tl_var)))
        return E_OUTOFMEMORY;
    for (uint32_t i = 0; i < n; i++) {
        int32_t memid = rd32(m, arrays + (size_t)i * 4);
        int32_t name = rd32(m, arrays + ((size_t)n + i) * 4);
        int32_t off = rd32(m, arrays + ((size_t)2 * n + i) * 4);
        if (i < t->cfuncs) hr = parse_func(p, blk, blkend, off, memid, name, &m->funcs[m->nfuncs + i]);
        else hr = parse_var(p, blk, blkend, off, memid, name, &m->vars[m->nvars + (i - t->cfuncs)]);
        if (hr != S_OK) return hr;
    }
    m->nfuncs += t->cfuncs;
    m->nvars += t->cvars;
    return S_OK;
}

static HRESULT add_impl(parser *p, int32_t href, int32_t flags, int32_t cd)
{
    comrt__tl_model *m = p->m;
    if (!comrt__tl_grow((void **)&m->impls, &p->cap_impls, m->nimpls + 1, sizeof(comrt__tl_impl))) return E_OUTOFMEMORY;
    m->impls[m->nimpls].href = href;
    m->impls[m->nimpls].flags = flags;
    m->impls[m->nimpls].custdata = cd;
    m->nimpls++;
    return S_OK;
}

static HRESULT parse_type(parser *p, uint32_t index)
{
    comrt__tl_model *m = p->m;
    comrt__tl_type *t = &m->types[index];
    size_t at = seg_abs(m, MSFT_SEG_TYPEINFO, (int32_t)(index * MSFT_TI_SIZE));
    int32_t kind = rd32(m, at + MSFT_TI_TYPEKIND), celem = rd32(m, at + MSFT_TI_CELEMENT);
    int32_t ver = rd32(m, at + MSFT_TI_VERSION), dt1 = rd32(m, at + MSFT_TI_DATATYPE1);
    int16_t cimpl = rd16(m, at + MSFT_TI_CIMPLTYPES);
    HRESULT hr;

    memset(t, 0, sizeof *t);
    if ((kind & 0xF) >= TKIND_MAX) return TYPE_E_INVDATAREAD;
    t->kind = (TYPEKIND)(kind & 0xF);
    t->align = (uint16_t)((kind >> 11) & 0x1F);
    t->typeflags = (uint16_t)rd32(m, at + MSFT_TI_FLAGS);
    t->vmajor = (uint16_t)ver;
    t->vminor = (uint16_t)((uint32_t)ver >> 16);
    t->cbvft = (uint16_t)rd16(m, at + MSFT_TI_CBSIZEVFT);
    t->cbinstance = (uint32_t)rd32(m, at + MSFT_TI_SIZEINST);
    t->helpctx = (uint32_t)rd32(m, at + MSFT_TI_HELPCONTEXT);
    t->hsctx = (uint32_t)rd32(m, at + MSFT_TI_HELPSTRINGCTX);
    t->custdata = rd32(m, at + MSFT_TI_CUSTDATA);
    t->alias = -1;
    if (!get_guid(m, rd32(m, at + MSFT_TI_POSGUID), &t->guid) ||
        !get_name(m, rd32(m, at + MSFT_TI_NAME), &t->name, &t->namehash) ||
        !get_string(m, rd32(m, at + MSFT_TI_DOCSTRING), &t->doc))
        return TYPE_E_INVDATAREAD;
    t->cfuncs = (uint16_t)celem;
    t->cvars = (uint16_t)((uint32_t)celem >> 16);
    if (t->cfuncs > COMRT_TL_MAX_MEMBERS || t->cvars > COMRT_TL_MAX_MEMBERS) return TYPE_E_INVDATAREAD;
    hr = parse_members(p, t, rd32(m, at + MSFT_TI_MEMOFFSET));
    if (hr != S_OK) return hr;

    t->first_impl = m->nimpls;
    switch (t->kind) {
    case TKIND_ALIAS:
        if (!check_tdesc(m, dt1, 0)) return TYPE_E_INVDATAREAD;
        t->alias = dt1;
        break;
    case TKIND_MODULE:
        if (!get_string(m, dt1, &t->dllname)) return TYPE_E_INVDATAREAD;
        break;
    case TKIND_COCLASS: {
        int32_t ref = dt1;
        for (int16_t i = 0; i < cimpl && ref != -1; i++) {
            size_t r;
            if (!seg_has(m, MSFT_SEG_REFTAB, ref, MSFT_REF_SIZE)) return TYPE_E_INVDATAREAD;
            r = seg_abs(m, MSFT_SEG_REFTAB, ref);
            hr = add_impl(p, rd32(m, r), rd32(m, r + 4), rd32(m, r + 8));
            if (hr != S_OK) return hr;
            ref = rd32(m, r + 12);
        }
        break;
    }
    case TKIND_INTERFACE:
    case TKIND_DISPATCH:
        if (cimpl > 0 && dt1 != -1) {
            hr = add_impl(p, dt1, 0, -1);
            if (hr != S_OK) return hr;
        }
        break;
    default:
        break;
    }
    t->cimpl = (uint16_t)(m->nimpls - t->first_impl);
    return S_OK;
}

static HRESULT parse_imports(parser *p)
{
    comrt__tl_model *m = p->m;
    uint32_t len = m->seg_len[MSFT_SEG_IMPFILES], off = 0, cap = 0, fcap = 0, n;
    uint32_t *file_offs = NULL;
    HRESULT hr = S_OK;

    while (off + MSFT_IMPFILE_FIXED <= len && m->nimpfiles < COMRT_TL_MAX_IMPORTS) {
        size_t at = seg_abs(m, MSFT_SEG_IMPFILES, (int32_t)off);
        uint32_t nlen = (uint16_t)rd16(m, at + 12) >> 2;
        comrt__tl_impfile *f;
        if (!seg_has(m, MSFT_SEG_IMPFILES, (int32_t)off, MSFT_IMPFILE_FIXED + (size_t)nlen)) { hr = TYPE_E_INVDATAREAD; goto out; }
        if (!comrt__tl_grow((void **)&m->impfiles, &cap, m->nimpfiles + 1, sizeof *m->impfiles)) { hr = E_OUTOFMEMORY; goto out; }
        n = m->nimpfiles;
        if (!comrt__tl_grow((void **)&file_offs, &fcap, n + 1, sizeof *file_offs)) { hr = E_OUTOFMEMORY; goto out; }
        file_offs[n] = off;
        f = &m->impfiles[n];
        if (!get_guid(m, rd32(m, at), &f->guid)) { hr = TYPE_E_INVDATAREAD; goto out; }
        f->lcid = (LCID)rd32(m, at + 4);
        f->vmajor = (uint16_t)rd32(m, at + 8);
        f->vminor = (uint16_t)((uint32_t)rd32(m, at + 8) >> 16);
        f->name.off = (uint32_t)(at + MSFT_IMPFILE_FIXED);
        f->name.len = nlen;
        m->nimpfiles++;
        off += (MSFT_IMPFILE_FIXED + nlen + 3) & ~3u;
    }
    n = m->seg_len[MSFT_SEG_IMPINFO] / MSFT_IMPINFO_SIZE;
    if (n > COMRT_TL_MAX_IMPORTS) n = COMRT_TL_MAX_IMPORTS;
    if (n) {
        m->impinfos = calloc(n, sizeof *m->impinfos);
        if (!m->impinfos) { hr = E_OUTOFMEMORY; goto out; }
    }
    for (uint32_t i = 0; i < n; i++) {
        size_t at = seg_abs(m, MSFT_SEG_IMPINFO, (int32_t)(i * MSFT_IMPINFO_SIZE));
        int32_t flags = rd32(m, at), ofile = rd32(m, at + 4), oguid = rd32(m, at + 8);
        comrt__tl_impinfo *ii = &m->impinfos[i];
        ii->file = UINT32_MAX;
        /* file_offs ascends: binary search */
        for (uint32_t lo = 0, hi = m->nimpfiles; lo < hi;) {
            uint32_t mid = lo + (hi - lo) / 2;
            if ((int32_t)file_offs[mid] == ofile) { ii->file = mid; break; }
            if (ofile >= 0 && file_offs[mid] < (uint32_t)ofile) lo = mid + 1;
            else hi = mid;
        }
        ii->typekind = (flags >> 24) & 0xF;
        ii->by_guid = (flags & MSFT_IMPINFO_GUID) != 0;
        ii->index = oguid;
        if (ii->by_guid && !get_guid(m, oguid, &ii->guid)) { hr = TYPE_E_INVDATAREAD; goto out; }
    }
    m->nimpinfos = n;
out:
    free(file_offs);
    return hr;
}

HRESULT comrt__msft_parse(const uint8_t *data, size_t size, comrt__tl_model **out)
{
    HRESULT hr = TYPE_E_INVDATAREAD;
    comrt__tl_model *m = NULL;
    parser p = { 0 };
    size_t at;
    int32_t ntypes, varflags, ver;

    if (size < MSFT_HDR_SIZE) { hr = TYPE_E_UNSUPFORMAT; goto fail; }
    if (size > COMRT_TL_MAX_FILE) { hr = TYPE_E_SIZETOOBIG; goto fail; }
    m = calloc(1, sizeof *m);
    if (!m) { hr = E_OUTOFMEMORY; goto fail; }
    m->data = malloc(size);
    if (!m->data) { hr = E_OUTOFMEMORY; goto fail; }
    memcpy(m->data, data, size);
    m->size = size;
    p.m = m;
    if (rd32(m, MSFT_HDR_MAGIC1) != MSFT_MAGIC) { hr = TYPE_E_UNSUPFORMAT; goto fail; }
    ntypes = rd32(m, MSFT_HDR_NTYPEINFOS);
    varflags = rd32(m, MSFT_HDR_VARFLAGS);
    if (ntypes < 0 || ntypes > COMRT_TL_MAX_TYPES) goto fail;
    at = MSFT_HDR_SIZE;
    if (varflags & MSFT_VARFLAGS_HELPDLL) at += 4;
    at += (size_t)ntypes * 4;
    if (!in_range(m, at, MSFT_SEG_COUNT * MSFT_SEGDIR_ENTRY)) goto fail;
    for (int s = 0; s < MSFT_SEG_COUNT; s++) {
        int32_t so = rd32(m, at + (size_t)s * MSFT_SEGDIR_ENTRY), sl = rd32(m, at + (size_t)s * MSFT_SEGDIR_ENTRY + 4);
        if (so == -1 || sl <= 0) { m->seg_off[s] = 0; m->seg_len[s] = 0; continue; }
        if (so < 0 || (size_t)so > size) goto fail;
        /* a length past the end of the file is cut to the file: reads
         * inside the segment stay checked against it (oleaut32 reads such
         * libraries too) */
        m->seg_off[s] = (uint32_t)so;
        m->seg_len[s] = (uint32_t)((size_t)sl > size - (size_t)so ? size - (size_t)so : (size_t)sl);
    }
    if ((uint64_t)ntypes * MSFT_TI_SIZE > m->seg_len[MSFT_SEG_TYPEINFO]) goto fail;

    /* library attributes */
    if (!get_guid(m, rd32(m, MSFT_HDR_POSGUID), &m->attr.guid)) goto fail;
    m->attr.lcid = (LCID)rd32(m, MSFT_HDR_LCID2);
    m->attr.syskind = (SYSKIND)(varflags & 0xF);
    ver = rd32(m, MSFT_HDR_VERSION);
    m->attr.wMajorVerNum = (WORD)ver;
    m->attr.wMinorVerNum = (WORD)((uint32_t)ver >> 16);
    m->attr.wLibFlags = (WORD)rd32(m, MSFT_HDR_FLAGS);
    m->helpctx = (uint32_t)rd32(m, MSFT_HDR_HELPCONTEXT);
    m->hsctx = (uint32_t)rd32(m, MSFT_HDR_HELPSTRINGCTX);
    m->custdata = rd32(m, MSFT_HDR_CUSTDATA);
    m->dispatch_href = rd32(m, MSFT_HDR_DISPATCHPOS);
    m->unique_names = (uint32_t)rd32(m, MSFT_HDR_NAMECOUNT);
    m->unique_chars = (uint32_t)rd32(m, MSFT_HDR_NAMECHARS);
    if (!get_name(m, rd32(m, MSFT_HDR_NAME), &m->name, NULL) || !get_string(m, rd32(m, MSFT_HDR_HELPSTRING), &m->doc) ||
        !get_string(m, rd32(m, MSFT_HDR_HELPFILE), &m->helpfile))
        goto fail;
    if ((varflags & MSFT_VARFLAGS_HELPDLL) && !get_string(m, rd32(m, MSFT_HDR_SIZE), &m->helpdll)) goto fail;

    hr = parse_imports(&p);
    if (hr != S_OK) goto fail;
    if (ntypes) {
        m->types = calloc((size_t)ntypes, sizeof *m->types);
        if (!m->types) { hr = E_OUTOFMEMORY; goto fail; }
    }
    m->ntypes = (uint32_t)ntypes;
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hr = parse_type(&p, i);
        if (hr != S_OK) goto fail;
    }
    *out = m;
    return S_OK;
fail:
    comrt__tl_model_free(m);
    return hr;
}

void comrt__tl_model_free(comrt__tl_model *m)
{
    if (!m) return;
    free(m->data);
    free(m->types);
    free(m->funcs);
    free(m->vars);
    free(m->params);
    free(m->impls);
    free(m->impfiles);
    free(m->impinfos);
    free(m);
}
