/*
 * lib/typelib/msft_write.c — serialises the model of create_model.h into
 * an MSFT type library image (what ICreateTypeLib2::SaveAllChanges writes).
 *
 * The layout follows what oleaut32 writes and reads (msft_format.h): the
 * header, the type-info offsets, the segment directory, the segments
 * (type infos, GUID hash + GUIDs, ref table, imports, name hash + names,
 * strings, type and array descriptions, custom data), then one member
 * block per type.  Names, strings and GUIDs are stored once; each table
 * is built in its own growable buffer (capped by COMRT_TL_MAX_FILE), then
 * the pieces are placed and the file offsets patched in.
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "base/utf16.h"
#include "typelib/create_model.h"
#include "typelib/msft_format.h"
#include "typelib/typelib_model.h"

/* ---- a growable byte buffer --------------------------------------------- */

typedef struct {
    uint8_t *p;
    uint32_t len, cap;
    BOOL oom;
} wbuf;

static uint32_t wb_reserve(wbuf *b, uint32_t n)
{
    uint32_t at = b->len;
    if (b->oom) return 0;
    if (!n) return at;
    if ((size_t)b->len + n > COMRT_TL_MAX_FILE) { b->oom = TRUE; return 0; }
    if (b->len + n > b->cap) {
        uint32_t c = b->cap ? b->cap : 256;
        uint8_t *q;
        while (c < b->len + n) c *= 2;
        q = realloc(b->p, c);
        if (!q) { b->oom = TRUE; return 0; }
        b->p = q;
        b->cap = c;
    }
    memset(b->p + at, 0, n);
    b->len += n;
    return at;
}

static void wb_put32(wbuf *b, uint32_t at, int32_t v)
{
    if (b->oom) return;
    b->p[at] = (uint8_t)v;
    b->p[at + 1] = (uint8_t)((uint32_t)v >> 8);
    b->p[at + 2] = (uint8_t)((uint32_t)v >> 16);
    b->p[at + 3] = (uint8_t)((uint32_t)v >> 24);
}

static void wb_put16(wbuf *b, uint32_t at, int16_t v)
{
    if (b->oom) return;
    b->p[at] = (uint8_t)v;
    b->p[at + 1] = (uint8_t)((uint16_t)v >> 8);
}

static int32_t wb_get32(const wbuf *b, uint32_t at)
{
    const uint8_t *p = b->p + at;
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

static uint32_t wb_add32(wbuf *b, int32_t v)
{
    uint32_t at = wb_reserve(b, 4);
    wb_put32(b, at, v);
    return at;
}

static uint32_t wb_addbytes(wbuf *b, const void *src, uint32_t n)
{
    uint32_t at = wb_reserve(b, n);
    if (!b->oom && n) memcpy(b->p + at, src, n);
    return at;
}

/* Pads to 4 bytes with 'W' (0x57), as oleaut32 fills. */
static void wb_pad(wbuf *b)
{
    while ((b->len & 3) && !b->oom) {
        uint32_t at = wb_reserve(b, 1);
        if (!b->oom) b->p[at] = 0x57;
    }
}

static void put_guid(uint8_t *p, const GUID *g)
{
    p[0] = (uint8_t)g->Data1; p[1] = (uint8_t)(g->Data1 >> 8); p[2] = (uint8_t)(g->Data1 >> 16); p[3] = (uint8_t)(g->Data1 >> 24);
    p[4] = (uint8_t)g->Data2; p[5] = (uint8_t)(g->Data2 >> 8);
    p[6] = (uint8_t)g->Data3; p[7] = (uint8_t)(g->Data3 >> 8);
    memcpy(p + 8, g->Data4, 8);
}

/* ---- the writer's state ---------------------------------------------------- */

typedef struct {
    comrt__ct_lib *lib;
    wbuf seg[MSFT_SEG_COUNT];
    wbuf members;            /* the member blocks, placed after the segments */
    uint32_t nnames, namechars;
} writer;

/* Latin-1 bytes of a UTF-16 name (characters past 0xFF become '?'; the
 * MSFT tables hold the library's ANSI code page). */
static uint32_t to_bytes(const WCHAR *s, uint32_t n, uint8_t *out)
{
    for (uint32_t i = 0; i < n; i++) out[i] = s[i] > 0xFF ? '?' : (uint8_t)s[i];
    return n;
}

/* The name table offset of name (stored once, case-sensitively equal names
 * share an entry); -1 for NULL.  hreftype: the type-info offset a type's
 * name carries, -1 otherwise. */
static int32_t add_name(writer *w, const WCHAR *name, int32_t hreftype)
{
    wbuf *b = &w->seg[MSFT_SEG_NAME], *h = &w->seg[MSFT_SEG_NAMEHASH];
    uint8_t bytes[255];
    uint32_t n, hash, at, off;
    if (!name) return -1;
    n = comrt__utf16_len(name);
    if (n > 255) n = 255;
    to_bytes(name, n, bytes);
    for (off = 0; off + MSFT_NAME_FIXED <= b->len;) {
        uint32_t len = (uint32_t)wb_get32(b, off + 8) & 0xff;
        if (len == n && !memcmp(b->p + off + MSFT_NAME_FIXED, bytes, n)) {
            if (hreftype != -1) {
                wb_put32(b, off, hreftype);
                b->p[off + 9] = 0x38;
            }
            return (int32_t)off;
        }
        off += (MSFT_NAME_FIXED + len + 3) & ~3u;
    }
    hash = LHashValOfNameSys(w->lib->syskind, w->lib->lcid, name) & 0xffff;
    at = wb_reserve(b, MSFT_NAME_FIXED);
    wb_addbytes(b, bytes, n);
    wb_pad(b);
    if (b->oom) return -1;
    wb_put32(b, at, hreftype);
    wb_put32(b, at + 4, wb_get32(h, (hash & 0x7f) * 4));
    wb_put32(b, at + 8, (int32_t)(n | (hreftype != -1 ? 0x38u << 8 : 0) | hash << 16));
    wb_put32(h, (hash & 0x7f) * 4, (int32_t)at);
    w->nnames++;
    w->namechars += n;
    return (int32_t)at;
}

/* The string table offset of s (stored once); -1 for NULL. */
static int32_t add_string(writer *w, const WCHAR *s)
{
    wbuf *b = &w->seg[MSFT_SEG_STRING];
    uint8_t *bytes;
    uint32_t n, off, at;
    if (!s) return -1;
    n = comrt__utf16_len(s);
    if (n > 0x7fff) n = 0x7fff;
    bytes = malloc(n ? n : 1);
    if (!bytes) { b->oom = TRUE; return -1; }
    to_bytes(s, n, bytes);
    for (off = 0; off + 2 <= b->len;) {
        uint32_t len = (uint16_t)(b->p[off] | b->p[off + 1] << 8);
        if (len == n && !memcmp(b->p + off + 2, bytes, n)) { free(bytes); return (int32_t)off; }
        off += (2 + len + 3) & ~3u;
    }
    at = wb_reserve(b, 2);
    wb_put16(b, at, (int16_t)n);
    wb_addbytes(b, bytes, n);
    wb_pad(b);
    free(bytes);
    return b->oom ? -1 : (int32_t)at;
}

static uint32_t guid_hash(const GUID *g)
{
    uint8_t p[16];
    uint32_t h = 0;
    put_guid(p, g);
    for (int i = 0; i < 16; i += 2) h ^= (uint32_t)(p[i] | p[i + 1] << 8);
    return h & 0x1f;
}

/* The GUID table offset of g (stored once). */
static int32_t add_guid(writer *w, const GUID *g, int32_t hreftype)
{
    wbuf *b = &w->seg[MSFT_SEG_GUID], *h = &w->seg[MSFT_SEG_GUIDHASH];
    uint8_t p[16];
    uint32_t at, bucket = guid_hash(g);
    put_guid(p, g);
    for (uint32_t off = 0; off + MSFT_GUID_SIZE <= b->len; off += MSFT_GUID_SIZE)
        if (!memcmp(b->p + off, p, 16)) return (int32_t)off;
    at = wb_addbytes(b, p, 16);
    wb_reserve(b, 8);
    if (b->oom) return -1;
    wb_put32(b, at + 16, hreftype);
    wb_put32(b, at + 20, wb_get32(h, bucket * 4));
    wb_put32(h, bucket * 4, (int32_t)at);
    return (int32_t)at;
}

/* ---- values ------------------------------------------------------------------ */

/* The value code of v: small integers inline (bit 31, VARTYPE in bits
 * 26-30, value in bits 0-25), anything else in the custom-data segment. */
static int32_t add_value(writer *w, const VARIANT *v)
{
    wbuf *b = &w->seg[MSFT_SEG_CUSTDATA];
    VARTYPE vt = V_VT(v);
    uint32_t inl = 0, at;
    BOOL inline_ok = TRUE;
    switch (vt) {
    case VT_EMPTY: case VT_NULL: inl = 0; break;
    case VT_I1: case VT_UI1: inl = V_UI1(v); break;
    case VT_I2: case VT_UI2: case VT_BOOL: inl = V_UI2(v); break;
    case VT_I4: case VT_UI4: case VT_INT: case VT_UINT: inl = V_UI4(v); break;
    default: inline_ok = FALSE; break;
    }
    if (inline_ok && inl <= 0x03ffffff) return (int32_t)(0x80000000u | (uint32_t)vt << 26 | inl);
    at = wb_reserve(b, 2);
    wb_put16(b, at, (int16_t)vt);
    switch (vt) {
    case VT_I1: case VT_UI1: case VT_I2: case VT_UI2: case VT_I4: case VT_UI4: case VT_INT: case VT_UINT:
    case VT_R4: case VT_BOOL: case VT_ERROR: case VT_HRESULT: {
        uint32_t x = vt == VT_I1 || vt == VT_UI1 ? V_UI1(v) : vt == VT_I2 || vt == VT_UI2 || vt == VT_BOOL ? V_UI2(v) : V_UI4(v);
        if (vt == VT_I1) x = (uint32_t)(int32_t)V_I1(v);
        if (vt == VT_I2 || vt == VT_BOOL) x = (uint32_t)(int32_t)V_I2(v);
        wb_add32(b, (int32_t)x);
        break;
    }
    case VT_I8: case VT_UI8: case VT_R8: case VT_CY: case VT_DATE:
        wb_add32(b, (int32_t)(uint32_t)V_UI8(v));
        wb_add32(b, (int32_t)(uint32_t)(V_UI8(v) >> 32));
        break;
    case VT_DECIMAL: {
        DECIMAL d = V_DECIMAL(v);
        d.wReserved = VT_DECIMAL;
        wb_addbytes(b, &d, sizeof d);
        break;
    }
    case VT_BSTR: {
        uint32_t n = V_BSTR(v) ? SysStringLen(V_BSTR(v)) : 0, p;
        wb_add32(b, V_BSTR(v) ? (int32_t)n : -1);
        p = wb_reserve(b, n);
        if (!b->oom) to_bytes(V_BSTR(v), n, b->p + p);
        break;
    }
    default:
        break;
    }
    wb_pad(b);
    return (int32_t)at;
}

/* A custom-data list: its CD-GUID offset, -1 when empty.  Entries are
 * chained in the order they were defined, as oleaut32 writes them (readers
 * then list them last-defined first, as GetAllCustData does on Windows'
 * and Wine's libraries alike). */
static int32_t add_cd(writer *w, const comrt__ct_cd *cd)
{
    wbuf *b = &w->seg[MSFT_SEG_CDGUIDS];
    int32_t head = -1;
    for (uint32_t i = cd->n; i-- > 0;) {
        int32_t g = add_guid(w, &cd->items[i].guid, -1), val = add_value(w, &cd->items[i].v);
        uint32_t at = wb_reserve(b, MSFT_CDGUID_SIZE);
        wb_put32(b, at, g);
        wb_put32(b, at + 4, val);
        wb_put32(b, at + 8, head);
        head = (int32_t)at;
    }
    return head;
}

/* ---- member blocks ------------------------------------------------------------ */

static BOOL cd_any_param(const comrt__ct_func *f)
{
    for (USHORT i = 0; i < f->cparams; i++)
        if (f->params[i].cd.n) return TRUE;
    return FALSE;
}

static void write_func(writer *w, wbuf *rec, const comrt__ct_func *f, uint32_t index)
{
    BOOL anycd = f->cd.n || cd_any_param(f), defaults = FALSE;
    uint32_t nopt = 0, at = rec->len, size;
    int32_t opt[7], fkccic;
    for (USHORT i = 0; i < f->cparams; i++)
        if (f->params[i].flags & PARAMFLAG_FHASDEFAULT) defaults = TRUE;
    opt[0] = (int32_t)f->helpctx;
    opt[1] = add_string(w, f->doc);
    opt[2] = f->entry_set ? (f->entry ? add_string(w, f->entry) : f->ordinal) : -1;
    opt[3] = -1;
    opt[4] = -1;
    opt[5] = (int32_t)f->hsctx;
    opt[6] = add_cd(w, &f->cd);
    if (anycd) nopt = 7;
    else if (f->hsctx) nopt = 6;
    else if (f->entry_set) nopt = 3;
    else if (f->doc) nopt = 2;
    else if (f->helpctx) nopt = 1;
    size = MSFT_FUNC_FIXED + nopt * 4 + (anycd ? f->cparams * 4u : 0) + (defaults ? f->cparams * 4u : 0) +
           f->cparams * (uint32_t)MSFT_PARAM_SIZE;
    fkccic = (int32_t)(f->funckind | (uint32_t)f->invkind << 3 | (anycd ? 0x80u : 0) | (uint32_t)f->callconv << 8 |
                       (defaults ? 0x1000u : 0) | (f->entry_set && !f->entry ? 0x2000u : 0));
    wb_reserve(rec, size);
    wb_put32(rec, at, (int32_t)(size | index << 16));
    wb_put32(rec, at + 4, f->rettype);
    wb_put32(rec, at + 8, f->flags);
    wb_put16(rec, at + 12, f->ovft);
    wb_put32(rec, at + MSFT_FUNC_FKCCIC, fkccic);
    wb_put16(rec, at + MSFT_FUNC_NRARGS, (int16_t)f->cparams);
    wb_put16(rec, at + MSFT_FUNC_NROARGS, f->cparamsopt);
    at += MSFT_FUNC_FIXED;
    for (uint32_t i = 0; i < nopt; i++, at += 4) wb_put32(rec, at, opt[i]);
    if (anycd)
        for (USHORT i = 0; i < f->cparams; i++, at += 4) wb_put32(rec, at, add_cd(w, &f->params[i].cd));
    if (defaults)
        for (USHORT i = 0; i < f->cparams; i++, at += 4)
            wb_put32(rec, at, (f->params[i].flags & PARAMFLAG_FHASDEFAULT) ? add_value(w, &f->params[i].def) : -1);
    for (USHORT i = 0; i < f->cparams; i++, at += MSFT_PARAM_SIZE) {
        wb_put32(rec, at, f->params[i].type);
        wb_put32(rec, at + 4, add_name(w, f->params[i].name, -1));
        wb_put32(rec, at + 8, f->params[i].flags);
    }
}

static void write_var(writer *w, wbuf *rec, const comrt__ct_var *v, uint32_t index)
{
    uint32_t nopt = 0, at = rec->len, size;
    int32_t opt[5];
    opt[0] = (int32_t)v->helpctx;
    opt[1] = add_string(w, v->doc);
    opt[2] = -1;
    opt[3] = add_cd(w, &v->cd);
    opt[4] = (int32_t)v->hsctx;
    if (v->hsctx) nopt = 5;
    else if (v->cd.n) nopt = 4;
    else if (v->doc) nopt = 2;
    else if (v->helpctx) nopt = 1;
    size = MSFT_VAR_FIXED + nopt * 4;
    wb_reserve(rec, size);
    wb_put32(rec, at, (int32_t)(size | index << 16));
    wb_put32(rec, at + 4, v->type);
    wb_put32(rec, at + 8, v->flags);
    wb_put16(rec, at + MSFT_VAR_KIND, (int16_t)v->kind);
    wb_put32(rec, at + MSFT_VAR_OFFSVALUE, v->kind == VAR_CONST ? add_value(w, &v->value) : (int32_t)v->oinst);
    at += MSFT_VAR_FIXED;
    for (uint32_t i = 0; i < nopt; i++, at += 4) wb_put32(rec, at, opt[i]);
}

/* Member block of t into w->members; returns its offset there. */
static uint32_t write_members(writer *w, const comrt__ct_type *t)
{
    wbuf rec = {0};
    uint32_t n = t->nfuncs + t->nvars, at;
    uint32_t *offs = calloc(n ? n : 1, sizeof *offs);
    int32_t *names = calloc(n ? n : 1, sizeof *names);
    if (!offs || !names) {
        w->members.oom = TRUE;
        free(offs);
        free(names);
        return 0;
    }
    for (uint32_t i = 0; i < t->nfuncs; i++) {
        offs[i] = rec.len;
        write_func(w, &rec, &t->funcs[i], i);
        names[i] = add_name(w, t->funcs[i].name, -1);
    }
    for (uint32_t i = 0; i < t->nvars; i++) {
        offs[t->nfuncs + i] = rec.len;
        write_var(w, &rec, &t->vars[i], i);
        names[t->nfuncs + i] = add_name(w, t->vars[i].name, -1);
    }
    if (rec.oom) w->members.oom = TRUE;
    at = wb_add32(&w->members, (int32_t)rec.len);
    wb_addbytes(&w->members, rec.p, rec.len);
    for (uint32_t i = 0; i < t->nfuncs; i++) wb_add32(&w->members, t->funcs[i].memid);
    for (uint32_t i = 0; i < t->nvars; i++) wb_add32(&w->members, t->vars[i].memid);
    for (uint32_t i = 0; i < n; i++) wb_add32(&w->members, names[i]);
    for (uint32_t i = 0; i < n; i++) wb_add32(&w->members, (int32_t)offs[i]);
    free(rec.p);
    free(offs);
    free(names);
    return at;
}

/* ---- the whole file ------------------------------------------------------------ */

static BOOL is_null_guid(const GUID *g)
{
    static const GUID zero;
    return !memcmp(g, &zero, sizeof zero);
}

static BOOL is_dual_iface(const comrt__ct_type *t)
{
    return t->kind == TKIND_INTERFACE && (t->typeflags & TYPEFLAG_FDUAL);
}

HRESULT comrt__msft_write(comrt__ct_lib *lib, uint8_t **data, size_t *size)
{
    HRESULT hr = S_OK;
    writer w;
    uint32_t *memrel = NULL, nt = lib->ntypes, hdrlen, pos, segpos[MSFT_SEG_COUNT];
    int32_t dispatch_href = -1;
    uint8_t *out = NULL;
    size_t total;
    static const int order[] = {MSFT_SEG_TYPEINFO, MSFT_SEG_GUIDHASH, MSFT_SEG_GUID, MSFT_SEG_REFTAB,
                                MSFT_SEG_IMPINFO, MSFT_SEG_IMPFILES, MSFT_SEG_NAMEHASH, MSFT_SEG_NAME,
                                MSFT_SEG_STRING, MSFT_SEG_TYPEDESC, MSFT_SEG_ARRAYDESC, MSFT_SEG_CUSTDATA,
                                MSFT_SEG_CDGUIDS};

    memset(&w, 0, sizeof w);
    w.lib = lib;
    memrel = calloc(nt ? nt : 1, sizeof *memrel);
    if (!memrel) { hr = E_OUTOFMEMORY; goto out; }
    wb_reserve(&w.seg[MSFT_SEG_GUIDHASH], 0x80);
    wb_reserve(&w.seg[MSFT_SEG_NAMEHASH], 0x200);
    if (!w.seg[MSFT_SEG_GUIDHASH].oom) memset(w.seg[MSFT_SEG_GUIDHASH].p, 0xff, 0x80);
    if (!w.seg[MSFT_SEG_NAMEHASH].oom) memset(w.seg[MSFT_SEG_NAMEHASH].p, 0xff, 0x200);
    wb_reserve(&w.seg[MSFT_SEG_TYPEINFO], nt * MSFT_TI_SIZE);
    wb_addbytes(&w.seg[MSFT_SEG_TYPEDESC], lib->tdesc, lib->tdesc_len);
    wb_addbytes(&w.seg[MSFT_SEG_ARRAYDESC], lib->adesc, lib->adesc_len);

    /* library-level entries first, so they lead their tables */
    add_guid(&w, &lib->guid, -2);
    add_name(&w, lib->name, -1);

    /* imports */
    for (uint32_t i = 0; i < lib->nimpfiles; i++) {
        const comrt__ct_impfile *f = &lib->impfiles[i];
        wbuf *b = &w.seg[MSFT_SEG_IMPFILES];
        uint32_t n = f->name ? SysStringLen(f->name) : 0, at;
        if (n > 0x3fff) n = 0x3fff;
        at = wb_reserve(b, MSFT_IMPFILE_FIXED);
        wb_put32(b, at, add_guid(&w, &f->guid, -1));
        wb_put32(b, at + 4, (int32_t)f->lcid);
        wb_put32(b, at + 8, (int32_t)(f->vmajor | (uint32_t)f->vminor << 16));
        wb_put16(b, at + 12, (int16_t)(n << 2 | 1));
        at = wb_reserve(b, n);
        if (!b->oom) to_bytes(f->name, n, b->p + at);
        wb_pad(b);
    }
    for (uint32_t i = 0; i < lib->nimpinfos; i++) {
        const comrt__ct_impinfo *ii = &lib->impinfos[i];
        wbuf *b = &w.seg[MSFT_SEG_IMPINFO], *fb = &w.seg[MSFT_SEG_IMPFILES];
        uint32_t at = wb_reserve(b, MSFT_IMPINFO_SIZE), foff = 0;
        int32_t href = (int32_t)(i * MSFT_IMPINFO_SIZE) | 1;
        /* the file's offset: walk the import files to number ii->file */
        for (uint32_t k = 0; k < ii->file && !fb->oom; k++) {
            uint32_t nlen = (uint16_t)(fb->p[foff + 12] | fb->p[foff + 13] << 8) >> 2;
            foff += (MSFT_IMPFILE_FIXED + nlen + 3) & ~3u;
        }
        wb_put32(b, at, (int32_t)((uint32_t)ii->kind << 24 | MSFT_IMPINFO_GUID | (i & 0xffff)));
        wb_put32(b, at + 4, (int32_t)foff);
        wb_put32(b, at + 8, add_guid(&w, &ii->guid, href));
        if (IsEqualGUID(&ii->guid, &IID_IDispatch) && dispatch_href == -1) dispatch_href = href;
    }

    /* types */
    for (uint32_t i = 0; i < nt; i++) {
        const comrt__ct_type *t = lib->types[i];
        wbuf *b = &w.seg[MSFT_SEG_TYPEINFO];
        uint32_t at = i * MSFT_TI_SIZE;
        TYPEKIND kind = is_dual_iface(t) ? TKIND_DISPATCH : t->kind;
        int32_t dt1 = -1;
        memrel[i] = write_members(&w, t);
        if (b->oom) continue;
        wb_put32(b, at + MSFT_TI_TYPEKIND, (int32_t)(kind | (uint32_t)(t->align & 0x1f) << 11 | i << 16));
        wb_put32(b, at + 0x10, 3);
        wb_put32(b, at + MSFT_TI_CELEMENT, (int32_t)(t->nfuncs | t->nvars << 16));
        wb_put32(b, at + MSFT_TI_POSGUID,
                 is_null_guid(&t->guid) ? -1 : add_guid(&w, &t->guid, (int32_t)(i * MSFT_TI_SIZE)));
        wb_put32(b, at + MSFT_TI_FLAGS, t->typeflags);
        wb_put32(b, at + MSFT_TI_NAME, add_name(&w, t->name, (int32_t)(i * MSFT_TI_SIZE)));
        wb_put32(b, at + MSFT_TI_VERSION, (int32_t)(t->vmajor | (uint32_t)t->vminor << 16));
        wb_put32(b, at + MSFT_TI_DOCSTRING, add_string(&w, t->doc));
        wb_put32(b, at + MSFT_TI_HELPSTRINGCTX, (int32_t)t->hsctx);
        wb_put32(b, at + MSFT_TI_HELPCONTEXT, (int32_t)t->helpctx);
        wb_put32(b, at + MSFT_TI_CUSTDATA, add_cd(&w, &t->cd));
        wb_put16(b, at + MSFT_TI_CIMPLTYPES, (int16_t)t->nimpls);
        wb_put16(b, at + MSFT_TI_CBSIZEVFT, (int16_t)t->cbvft);
        wb_put32(b, at + MSFT_TI_SIZEINST, (int32_t)t->cbinst);
        switch (t->kind) {
        case TKIND_ALIAS: dt1 = t->alias; break;
        case TKIND_MODULE: dt1 = add_string(&w, t->dllname); break;
        case TKIND_INTERFACE: case TKIND_DISPATCH:
            if (t->nimpls) dt1 = (int32_t)t->impls[0].href;
            break;
        case TKIND_COCLASS: {
            wbuf *r = &w.seg[MSFT_SEG_REFTAB];
            for (uint32_t k = 0; k < t->nimpls; k++) {
                uint32_t ra = wb_reserve(r, MSFT_REF_SIZE);
                if (!k) dt1 = (int32_t)ra;
                wb_put32(r, ra, (int32_t)t->impls[k].href);
                wb_put32(r, ra + 4, t->impls[k].flags);
                wb_put32(r, ra + 8, add_cd(&w, &t->impls[k].cd));
                wb_put32(r, ra + 12, k + 1 < t->nimpls ? (int32_t)(ra + MSFT_REF_SIZE) : -1);
            }
            break;
        }
        default: break;
        }
        wb_put32(b, at + MSFT_TI_DATATYPE1, dt1);
        wb_put32(b, at + MSFT_TI_DATATYPE2, (int32_t)i);
        wb_put32(b, at + 0x60, -1);
    }

    /* header strings (after the types: their names come first in the table) */
    {
        int32_t hs = add_string(&w, lib->doc), hf = add_string(&w, lib->helpfile);
        int32_t hd = lib->helpdll ? add_string(&w, lib->helpdll) : -1;
        int32_t nameoff = add_name(&w, lib->name, -1), libguid = add_guid(&w, &lib->guid, -2);
        int32_t libcd = add_cd(&w, &lib->cd);
        wbuf hdr = {0};
        for (int s = 0; s < MSFT_SEG_COUNT; s++)
            if (w.seg[s].oom) hdr.oom = TRUE;
        if (w.members.oom || hdr.oom) { hr = E_OUTOFMEMORY; free(hdr.p); goto out; }
        wb_reserve(&hdr, MSFT_HDR_SIZE);
        wb_put32(&hdr, MSFT_HDR_MAGIC1, MSFT_MAGIC);
        wb_put32(&hdr, MSFT_HDR_MAGIC2, 0x00010002);
        wb_put32(&hdr, MSFT_HDR_POSGUID, libguid);
        wb_put32(&hdr, MSFT_HDR_LCID, (int32_t)lib->lcid);
        wb_put32(&hdr, MSFT_HDR_LCID2, (int32_t)lib->lcid);
        wb_put32(&hdr, MSFT_HDR_VARFLAGS, (int32_t)(lib->syskind | 0x50u | (lib->helpdll ? MSFT_VARFLAGS_HELPDLL : 0)));
        wb_put32(&hdr, MSFT_HDR_VERSION, (int32_t)(lib->vmajor | (uint32_t)lib->vminor << 16));
        wb_put32(&hdr, MSFT_HDR_FLAGS, lib->libflags);
        wb_put32(&hdr, MSFT_HDR_NTYPEINFOS, (int32_t)nt);
        wb_put32(&hdr, MSFT_HDR_HELPSTRING, hs);
        wb_put32(&hdr, MSFT_HDR_HELPSTRINGCTX, (int32_t)lib->hsctx);
        wb_put32(&hdr, MSFT_HDR_HELPCONTEXT, (int32_t)lib->helpctx);
        wb_put32(&hdr, MSFT_HDR_NAMECOUNT, (int32_t)w.nnames);
        wb_put32(&hdr, MSFT_HDR_NAMECHARS, (int32_t)w.namechars);
        wb_put32(&hdr, MSFT_HDR_NAME, nameoff);
        wb_put32(&hdr, MSFT_HDR_HELPFILE, hf);
        wb_put32(&hdr, MSFT_HDR_CUSTDATA, libcd);
        wb_put32(&hdr, 0x44, 0x20);
        wb_put32(&hdr, 0x48, 0x80);
        wb_put32(&hdr, MSFT_HDR_DISPATCHPOS, dispatch_href);
        wb_put32(&hdr, MSFT_HDR_NIMPINFOS, (int32_t)lib->nimpinfos);
        if (lib->helpdll) wb_add32(&hdr, hd);
        for (uint32_t i = 0; i < nt; i++) wb_add32(&hdr, (int32_t)(i * MSFT_TI_SIZE));
        hdrlen = hdr.len + MSFT_SEG_COUNT * MSFT_SEGDIR_ENTRY;
        pos = hdrlen;
        for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
            segpos[order[k]] = pos;
            pos += w.seg[order[k]].len;
        }
        for (uint32_t i = 0; i < nt; i++)
            wb_put32(&w.seg[MSFT_SEG_TYPEINFO], i * MSFT_TI_SIZE + MSFT_TI_MEMOFFSET, (int32_t)(pos + memrel[i]));
        for (int s = 0; s < MSFT_SEG_COUNT; s++) {
            BOOL used = w.seg[s].len > 0 && s < MSFT_SEG_RES0E;
            wb_add32(&hdr, used ? (int32_t)segpos[s] : -1);
            wb_add32(&hdr, used ? (int32_t)w.seg[s].len : 0);
            wb_add32(&hdr, -1);
            wb_add32(&hdr, 0x0F);
        }
        total = (size_t)pos + w.members.len;
        if (hdr.oom || total > COMRT_TL_MAX_FILE) { hr = hdr.oom ? E_OUTOFMEMORY : TYPE_E_SIZETOOBIG; free(hdr.p); goto out; }
        out = malloc(total);
        if (!out) { hr = E_OUTOFMEMORY; free(hdr.p); goto out; }
        memcpy(out, hdr.p, hdr.len);
        free(hdr.p);
        for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
            if (w.seg[order[k]].len) memcpy(out + segpos[order[k]], w.seg[order[k]].p, w.seg[order[k]].len);
        if (w.members.len) memcpy(out + pos, w.members.p, w.members.len);
    }
    *data = out;
    *size = total;
out:
    for (int s = 0; s < MSFT_SEG_COUNT; s++) free(w.seg[s].p);
    free(w.members.p);
    free(memrel);
    return hr;
}
