/*
 * lib/typelib/sltg_read.c — parses an SLTG type library (the format of
 * mktyplib and old MIDL) into the same model the MSFT reader fills
 * (typelib_model.h), so that every ITypeLib/ITypeInfo method works on it
 * unchanged.
 *
 * The model addresses names and strings by offset into its bytes, and
 * typedescs, constant values and imports in MSFT's encoding.  So the model's
 * bytes are the SLTG file followed by synthetic MSFT segments built here: a
 * typedesc segment, an array-descriptor segment and a value ("custom
 * data") segment.  Names point into the file where they are (SLTG names
 * are NUL-terminated 8-bit strings, as MSFT's are 8-bit).  HREFTYPEs follow
 * MSFT's scheme: a type of this library is its index times 0x64, an
 * imported type the index of its import record times 12, plus 1.
 *
 * The file is untrusted: every read is checked against the file or the
 * type's block, chains are walked a bounded number of steps, counts are
 * capped, and anything malformed gives TYPE_E_CANTLOADLIBRARY, as
 * oleaut32 answers for an SLTG file whose markers or block chain are wrong
 * (internally TYPE_E_INVDATAREAD, mapped at the end).
 */
#include <stdlib.h>
#include <string.h>

#include "typelib/msft_format.h"
#include "typelib/sltg_format.h"
#include "typelib/typelib_model.h"

#define SLTG_MAX_REFS 0x4000     /* refs of one type */
#define SLTG_MAX_SYNTH (64u << 20) /* synthetic segment bytes */

/* A growable byte buffer (a synthetic segment). */
typedef struct {
    uint8_t *b;
    uint32_t n, cap;
} sbuf;

typedef struct {
    comrt__tl_model *m;
    const uint8_t *d;        /* the file */
    size_t size;
    size_t names;            /* start of the name table */
    sbuf td, ad, cd;         /* typedesc, arraydesc, value segments */
    uint32_t cap_funcs, cap_vars, cap_params, cap_impls, cap_impfiles, cap_impinfos;
    uint32_t *impfile_at;    /* name-table offset of each import file's spec */
    /* the type being read */
    size_t blk, blkend;      /* member data start, block end */
    int32_t *refs;           /* its ref table as hrefs */
    uint32_t nrefs;
} rd;

/* ---- bounds-checked reads ----------------------------------------------------- */

static BOOL has(const rd *r, size_t off, size_t len) { return off <= r->size && r->size - off >= len; }
static uint16_t u16(const rd *r, size_t off) { return (uint16_t)(r->d[off] | r->d[off + 1] << 8); }
static uint32_t u32(const rd *r, size_t off)
{
    return (uint32_t)r->d[off] | (uint32_t)r->d[off + 1] << 8 | (uint32_t)r->d[off + 2] << 16 |
           (uint32_t)r->d[off + 3] << 24;
}
static void rdguid(const rd *r, size_t off, GUID *g)
{
    g->Data1 = u32(r, off);
    g->Data2 = u16(r, off + 4);
    g->Data3 = u16(r, off + 6);
    memcpy(g->Data4, r->d + off + 8, 8);
}
/* Whether [off, off+len) lies in the current type's block (off absolute). */
static BOOL in_blk(const rd *r, size_t off, size_t len) { return off >= r->blk && off <= r->blkend && r->blkend - off >= len; }

static BOOL sb_put(sbuf *s, const void *p, uint32_t len, uint32_t *at)
{
    if (s->n + (uint64_t)len > SLTG_MAX_SYNTH) return FALSE;
    if (s->n + len > s->cap) {
        uint32_t c = s->cap ? s->cap : 256;
        uint8_t *nb;
        while (c < s->n + len) c *= 2;
        nb = realloc(s->b, c);
        if (!nb) return FALSE;
        s->b = nb;
        s->cap = c;
    }
    memcpy(s->b + s->n, p, len);
    *at = s->n;
    s->n += len;
    return TRUE;
}

static void le32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }

/* A NUL-terminated name at name-table offset off. */
static BOOL get_name(const rd *r, uint32_t off, comrt__tl_str *out)
{
    size_t at = r->names + off;
    const uint8_t *z;
    if (at >= r->size) return FALSE;
    z = memchr(r->d + at, 0, r->size - at);
    if (!z || (size_t)(z - (r->d + at)) > 0xFFFF) return FALSE;
    out->off = (uint32_t)at;
    out->len = (uint32_t)(z - (r->d + at));
    return TRUE;
}

/* A counted string (WORD length, 0xFFFF none) at *at; advances *at. */
static BOOL get_counted(const rd *r, size_t *at, comrt__tl_str *out)
{
    uint16_t len;
    out->off = 0;
    out->len = 0;
    if (!has(r, *at, 2)) return FALSE;
    len = u16(r, *at);
    *at += 2;
    if (len == 0xFFFF) return TRUE;
    if (!has(r, *at, len)) return FALSE;
    out->off = (uint32_t)*at;
    out->len = len;
    *at += len;
    return TRUE;
}

/* ---- type words -> MSFT typedesc codes ------------------------------------------ */

static BOOL td_entry(rd *r, uint16_t vt, uint32_t value, int32_t *code)
{
    uint8_t e[MSFT_TYPEDESC_SIZE] = { (uint8_t)vt, (uint8_t)(vt >> 8), 0, 0 };
    uint32_t at;
    le32(e + 4, value);
    if (!sb_put(&r->td, e, sizeof e, &at)) return FALSE;
    *code = (int32_t)at;
    return TRUE;
}

static int32_t ref_href(const rd *r, uint32_t index)
{
    return index < r->nrefs ? r->refs[index] : -1;
}

/* Reads the type words at *at (inside the block) into an MSFT typedesc
 * code; *at moves past them.  Wrappers (pointer, SAFEARRAY, C array) come
 * first, the leaf last; the code is built from the leaf outwards. */
static BOOL read_type(rd *r, size_t *at, int32_t *code)
{
    struct { uint16_t vt; uint32_t arr; } wrap[COMRT_TL_MAX_TDESC_DEPTH];
    unsigned nw = 0;
    int32_t c;
    size_t p = *at;

    for (;;) {
        uint16_t w, vt;
        if (!in_blk(r, p, 2)) return FALSE;
        w = u16(r, p);
        if ((w & SLTG_TW_PTR) == SLTG_TW_PTR) {
            if (nw >= COMRT_TL_MAX_TDESC_DEPTH) return FALSE;
            wrap[nw].vt = VT_PTR;
            nw++;
        }
        vt = w & SLTG_TW_VT;
        p += 2;
        if (vt == VT_PTR || vt == VT_SAFEARRAY) {
            if (nw >= COMRT_TL_MAX_TDESC_DEPTH) return FALSE;
            wrap[nw].vt = vt;
            nw++;
            if (vt == VT_SAFEARRAY) {
                if (!in_blk(r, p, 2)) return FALSE;
                p += 2; /* an offset of a SAFEARRAY descriptor nobody needs */
            }
            continue;
        }
        if (vt == VT_CARRAY) {
            /* the next word: offset in the member data of a 32-bit SAFEARRAY
             * (cDims, fFeatures, cbElements, cLocks, pvData, bounds) */
            size_t sa;
            uint16_t dims;
            uint8_t hdr[8];
            uint32_t ad;
            if (!in_blk(r, p, 2) || nw >= COMRT_TL_MAX_TDESC_DEPTH) return FALSE;
            sa = r->blk + u16(r, p);
            p += 2;
            if (!in_blk(r, sa, 16)) return FALSE;
            dims = u16(r, sa);
            if (!dims || !in_blk(r, sa + 16, (size_t)dims * 8)) return FALSE;
            memset(hdr, 0, sizeof hdr);
            hdr[4] = (uint8_t)dims;
            hdr[5] = (uint8_t)(dims >> 8);
            if (!sb_put(&r->ad, hdr, sizeof hdr, &ad)) return FALSE;
            for (uint16_t i = 0; i < dims; i++) {
                uint32_t dummy;
                if (!sb_put(&r->ad, r->d + sa + 16 + (size_t)i * 8, 8, &dummy)) return FALSE;
            }
            wrap[nw].vt = VT_CARRAY;
            wrap[nw].arr = ad;
            nw++;
            continue;
        }
        if (vt == VT_USERDEFINED) {
            if (!in_blk(r, p, 2)) return FALSE;
            if (!td_entry(r, VT_USERDEFINED, (uint32_t)ref_href(r, u16(r, p) / 4u), &c)) return FALSE;
            p += 2;
        } else {
            c = (int32_t)(0x80000000u | vt);
        }
        break;
    }
    while (nw--) {
        if (wrap[nw].vt == VT_CARRAY) {
            le32(r->ad.b + wrap[nw].arr, (uint32_t)c);
            if (!td_entry(r, VT_CARRAY, wrap[nw].arr, &c)) return FALSE;
        } else if (!td_entry(r, wrap[nw].vt, (uint32_t)c, &c)) {
            return FALSE;
        }
    }
    *code = c;
    *at = p;
    return TRUE;
}

/* The VARTYPE at the top of code c. */
static uint16_t code_vt(const rd *r, int32_t c)
{
    if (c < 0) return (uint16_t)(c & VT_TYPEMASK);
    return (uint16_t)(r->td.b[c] | r->td.b[c + 1] << 8);
}

/* Parameter flags carried by the first type word. */
static uint16_t word_pflags(uint16_t w)
{
    uint16_t f;
    if ((w & 0xC000) == 0xC000) f = PARAMFLAG_NONE;
    else if (w & 0x8000) f = PARAMFLAG_FIN | PARAMFLAG_FOUT;
    else if (w & 0x4000) f = PARAMFLAG_FOUT;
    else f = PARAMFLAG_FIN;
    if (w & 0x2000) f |= PARAMFLAG_FLCID;
    if (w & 0x0080) f |= PARAMFLAG_FRETVAL;
    return f;
}

/* ---- refs and imports -------------------------------------------------------------- */

/* Parses "*\G{guid}#maj.min#lcid#file#" at name-table offset off into a new
 * import file record. */
static HRESULT add_impfile(rd *r, uint32_t off, uint32_t *index)
{
    comrt__tl_model *m = r->m;
    size_t at = r->names + off, end, p;
    const uint8_t *z;
    comrt__tl_impfile f;
    char g[40];
    WCHAR wg[40];
    unsigned long v[3] = { 0, 0, 0 };

    for (uint32_t i = 0; i < m->nimpfiles; i++) {
        if (r->impfile_at[i] == off) { *index = i; return S_OK; }
    }
    if (m->nimpfiles >= COMRT_TL_MAX_IMPORTS || at >= r->size) return TYPE_E_INVDATAREAD;
    z = memchr(r->d + at, 0, r->size - at);
    if (!z) return TYPE_E_INVDATAREAD;
    end = (size_t)(z - r->d);
    if (end - at < 41 || memcmp(r->d + at, "*\\G{", 4) || r->d[at + 40] != '}') return TYPE_E_INVDATAREAD;
    memset(&f, 0, sizeof f);
    g[0] = '{';
    memcpy(g + 1, r->d + at + 4, 36);
    g[37] = '}';
    g[38] = 0;
    for (int i = 0; i < 39; i++) wg[i] = (WCHAR)(unsigned char)g[i];
    if (CLSIDFromString(wg, &f.guid) != S_OK) return TYPE_E_INVDATAREAD;
    /* then "#maj.min#lcid#": decimal, decimal, hex */
    p = at + 41;
    for (int k = 0; k < 3; k++) {
        unsigned digits = 0;
        if (p >= end || r->d[p] != (k == 1 ? '.' : '#')) return TYPE_E_INVDATAREAD;
        p++;
        while (p < end && r->d[p] != '.' && r->d[p] != '#' && digits < 9) {
            uint8_t ch = r->d[p];
            unsigned dv;
            if (ch >= '0' && ch <= '9') dv = ch - '0';
            else if (k == 2 && (ch | 0x20) >= 'a' && (ch | 0x20) <= 'f') dv = (ch | 0x20) - 'a' + 10;
            else return TYPE_E_INVDATAREAD;
            v[k] = v[k] * (k == 2 ? 16 : 10) + dv;
            p++;
            digits++;
        }
        if (!digits) return TYPE_E_INVDATAREAD;
    }
    if (p >= end || r->d[p] != '#') return TYPE_E_INVDATAREAD;
    p++;
    /* the file name runs to the final '#' */
    if (end <= p || r->d[end - 1] != '#') return TYPE_E_INVDATAREAD;
    f.vmajor = (uint16_t)v[0];
    f.vminor = (uint16_t)v[1];
    f.lcid = (LCID)v[2];
    f.name.off = (uint32_t)p;
    f.name.len = (uint32_t)(end - 1 - p);
    if (!comrt__tl_grow((void **)&m->impfiles, &r->cap_impfiles, m->nimpfiles + 1, sizeof *m->impfiles)) return E_OUTOFMEMORY;
    {
        uint32_t cap = r->cap_impfiles;
        uint32_t *na = realloc(r->impfile_at, (size_t)cap * sizeof *na);
        if (!na) return E_OUTOFMEMORY;
        r->impfile_at = na;
    }
    r->impfile_at[m->nimpfiles] = off;
    m->impfiles[m->nimpfiles] = f;
    *index = m->nimpfiles++;
    return S_OK;
}

/* The href of type `type` of import file `file` (one record per pair). */
static HRESULT import_href(rd *r, uint32_t file, uint32_t type, int32_t *href)
{
    comrt__tl_model *m = r->m;
    uint32_t i;
    for (i = 0; i < m->nimpinfos; i++) {
        if (m->impinfos[i].file == file && (uint32_t)m->impinfos[i].index == type) break;
    }
    if (i == m->nimpinfos) {
        if (m->nimpinfos >= COMRT_TL_MAX_IMPORTS) return TYPE_E_INVDATAREAD;
        if (!comrt__tl_grow((void **)&m->impinfos, &r->cap_impinfos, m->nimpinfos + 1, sizeof *m->impinfos)) return E_OUTOFMEMORY;
        memset(&m->impinfos[i], 0, sizeof m->impinfos[i]);
        m->impinfos[i].file = file;
        m->impinfos[i].typekind = 0;
        m->impinfos[i].by_guid = FALSE;
        m->impinfos[i].index = (int32_t)type;
        m->nimpinfos++;
    }
    *href = (int32_t)(i * MSFT_IMPINFO_SIZE) | 1;
    return S_OK;
}

/* Parses a hex number of at most 8 digits at *p (< end), advancing it. */
static BOOL hexnum(const rd *r, size_t *p, size_t end, uint32_t *out)
{
    uint32_t v = 0;
    unsigned n = 0;
    while (*p < end && n < 8) {
        uint8_t ch = r->d[*p];
        if (ch >= '0' && ch <= '9') v = v * 16 + (ch - '0');
        else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f') v = v * 16 + ((ch | 0x20) - 'a' + 10);
        else break;
        (*p)++;
        n++;
    }
    *out = v;
    return n > 0;
}

/* The type's ref table at tab: each "*\Rxxxx*#n" becomes an href. */
static HRESULT read_refs(rd *r, size_t tab, size_t blkstart)
{
    static const GUID stdole = { 0x00020430, 0, 0, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } };
    comrt__tl_model *m = r->m;
    uint32_t number, n;
    size_t p;
    HRESULT hr;

    /* the table lies between the type header and the member data */
    if (tab < blkstart || tab > r->blkend || r->blkend - tab < SLTG_REF_NAMES) return TYPE_E_INVDATAREAD;
    if (r->d[tab] != SLTG_REF_MAGIC) return TYPE_E_INVDATAREAD;
    number = u32(r, tab + SLTG_REF_NUMBER);
    n = number >> 3;
    if (n > SLTG_MAX_REFS || r->blkend - tab - SLTG_REF_NAMES < number) return TYPE_E_INVDATAREAD;
    r->refs = calloc(n ? n : 1, sizeof *r->refs);
    if (!r->refs) return E_OUTOFMEMORY;
    r->nrefs = n;
    p = tab + SLTG_REF_NAMES + number;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t len;
        size_t s, e;
        uint32_t lib, type;
        if (p > r->blkend || r->blkend - p < 2) return TYPE_E_INVDATAREAD;
        len = u16(r, p);
        if (r->blkend - p - 2 < len) return TYPE_E_INVDATAREAD;
        s = p + 2;
        e = s + len;
        p = e;
        if (len < 3 || memcmp(r->d + s, "*\\R", 3)) return TYPE_E_INVDATAREAD;
        s += 3;
        if (!hexnum(r, &s, e, &lib) || e - s < 2 || r->d[s] != '*' || r->d[s + 1] != '#') return TYPE_E_INVDATAREAD;
        s += 2;
        if (!hexnum(r, &s, e, &type)) return TYPE_E_INVDATAREAD;
        if (lib == 0xFFFF) {
            r->refs[i] = (int32_t)((type < m->ntypes ? type : m->ntypes) * 0x64u);
        } else {
            uint32_t file;
            hr = add_impfile(r, lib, &file);
            if (hr != S_OK) return hr;
            hr = import_href(r, file, type, &r->refs[i]);
            if (hr != S_OK) return hr;
            /* the library's IDispatch: stdole's type 4 */
            if (m->dispatch_href == -1 && type == 4 && IsEqualGUID(&m->impfiles[file].guid, &stdole))
                m->dispatch_href = r->refs[i];
        }
    }
    return S_OK;
}

/* ---- members ---------------------------------------------------------------------- */

static HRESULT read_funcs(rd *r, comrt__tl_type *t, uint16_t count, uint16_t first)
{
    comrt__tl_model *m = r->m;
    size_t at = r->blk + first;

    if (!comrt__tl_grow((void **)&m->funcs, &r->cap_funcs, m->nfuncs + count, sizeof *m->funcs)) return E_OUTOFMEMORY;
    for (uint16_t i = 0; i < count; i++) {
        comrt__tl_func *f = &m->funcs[m->nfuncs + i];
        uint8_t magic, nacc, opt;
        uint16_t nparams, next;
        size_t rt, args;

        if (!in_blk(r, at, SLTG_FUNC_SIZE)) return TYPE_E_INVDATAREAD;
        magic = r->d[at];
        memset(f, 0, sizeof *f);
        switch (magic & ~SLTG_FUNC_FLAGS_PRESENT) {
        case SLTG_FUNC_VIRTUAL: f->funckind = FUNC_PUREVIRTUAL; break;
        case SLTG_FUNC_DISPATCH: f->funckind = FUNC_DISPATCH; break;
        case SLTG_FUNC_STATIC: f->funckind = FUNC_STATIC; break;
        default: return TYPE_E_INVDATAREAD;
        }
        if (!get_name(r, u16(r, at + SLTG_FUNC_NAME), &f->name)) return TYPE_E_INVDATAREAD;
        f->memid = (int32_t)u32(r, at + SLTG_FUNC_MEMID);
        f->invkind = (uint8_t)(r->d[at + SLTG_FUNC_INV] >> 4);
        nacc = r->d[at + SLTG_FUNC_NACC];
        opt = r->d[at + SLTG_FUNC_RETOPT];
        f->callconv = nacc & 7;
        nparams = nacc >> 3;
        f->cparams = (int16_t)nparams;
        f->cparamsopt = (int16_t)((opt & 0x7E) >> 1);
        f->ovft = (int16_t)u16(r, at + SLTG_FUNC_VTBL);
        if (magic & SLTG_FUNC_FLAGS_PRESENT) f->funcflags = u16(r, at + SLTG_FUNC_FUNCFLAGS);
        f->custdata = -1;
        f->entry = -1;
        rt = (opt & 0x80) ? at + SLTG_FUNC_RETTYPE : r->blk + u16(r, at + SLTG_FUNC_RETTYPE);
        if (!read_type(r, &rt, &f->rettype)) return TYPE_E_INVDATAREAD;

        f->first_param = m->nparams;
        if (!comrt__tl_grow((void **)&m->params, &r->cap_params, m->nparams + nparams, sizeof *m->params)) return E_OUTOFMEMORY;
        args = r->blk + u16(r, at + SLTG_FUNC_ARGS);
        for (uint16_t k = 0; k < nparams; k++) {
            comrt__tl_param *pa = &m->params[m->nparams + k];
            uint16_t noff;
            BOOL by_offset = FALSE, named = TRUE;
            size_t tp;
            memset(pa, 0, sizeof *pa);
            pa->custdata = -1;
            pa->defval = -1;
            if (!in_blk(r, args, 2)) return TYPE_E_INVDATAREAD;
            noff = u16(r, args);
            args += 2;
            if (noff == 0xFFFF) {
                named = FALSE;
            } else if (noff == 0xFFFE) {
                named = FALSE;
                by_offset = TRUE;
            } else {
                /* A name that follows a byte other than NUL or a letter or
                 * digit is followed by the offset of its type; otherwise
                 * the offset points at the name's second letter and the
                 * type words follow inline. */
                size_t nat = r->names + noff;
                uint8_t prev;
                if (nat < 1 || nat > r->size) return TYPE_E_INVDATAREAD;
                prev = r->d[nat - 1];
                if (prev && !((prev >= '0' && prev <= '9') || ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z')))
                    by_offset = TRUE;
                else if (!noff) return TYPE_E_INVDATAREAD;
                else noff--;
            }
            if (named) {
                if (!get_name(r, noff, &pa->name)) return TYPE_E_INVDATAREAD;
            } else {
                pa->name = f->name; /* an unnamed parameter answers its function's name */
            }
            if (!in_blk(r, args, 2)) return TYPE_E_INVDATAREAD;
            if (by_offset) {
                tp = r->blk + u16(r, args);
                args += 2;
            } else {
                tp = args;
            }
            if (!in_blk(r, tp, 2)) return TYPE_E_INVDATAREAD;
            pa->flags = word_pflags(u16(r, tp));
            if (!read_type(r, &tp, &pa->type)) return TYPE_E_INVDATAREAD;
            if (!by_offset) args = tp;
            if (nparams - k <= f->cparamsopt) pa->flags |= PARAMFLAG_FOPT;
        }
        m->nparams += nparams;
        next = u16(r, at + SLTG_FUNC_NEXT);
        if (i + 1 < count) {
            if (next == 0xFFFF) return TYPE_E_INVDATAREAD;
            at = r->blk + next;
        }
    }
    t->cfuncs = count;
    m->nfuncs += count;
    return S_OK;
}

/* A constant's value as a value code (inline when it fits, else in the
 * value segment). */
static BOOL put_value_int(rd *r, int32_t v, int32_t *code)
{
    uint8_t e[6] = { VT_INT, 0 };
    uint32_t at;
    if (v >= 0 && v <= 0x03FFFFFF) {
        *code = (int32_t)(0x80000000u | (uint32_t)VT_INT << 26 | (uint32_t)v);
        return TRUE;
    }
    le32(e + 2, (uint32_t)v);
    if (!sb_put(&r->cd, e, sizeof e, &at)) return FALSE;
    *code = (int32_t)at;
    return TRUE;
}

static HRESULT read_vars(rd *r, comrt__tl_type *t, uint16_t count, uint16_t first)
{
    comrt__tl_model *m = r->m;
    size_t at = r->blk + first;
    comrt__tl_str prev = { 0, 0 };

    if (!comrt__tl_grow((void **)&m->vars, &r->cap_vars, m->nvars + count, sizeof *m->vars)) return E_OUTOFMEMORY;
    for (uint16_t i = 0; i < count; i++) {
        comrt__tl_var *v = &m->vars[m->nvars + i];
        uint8_t magic, flags;
        uint16_t name, offs;
        size_t tp;

        if (!in_blk(r, at, SLTG_VAR_SIZE)) return TYPE_E_INVDATAREAD;
        magic = r->d[at];
        if (magic != SLTG_VAR_MAGIC && magic != SLTG_VAR_FLAGS_MAGIC) return TYPE_E_INVDATAREAD;
        if (magic == SLTG_VAR_FLAGS_MAGIC && !in_blk(r, at, SLTG_VAR_SIZE + 2)) return TYPE_E_INVDATAREAD;
        memset(v, 0, sizeof *v);
        flags = r->d[at + SLTG_VAR_FLAGS];
        name = u16(r, at + SLTG_VAR_NAME);
        if (name == 0xFFFE) v->name = prev; /* the previous variable's name again */
        else if (!get_name(r, name, &v->name)) return TYPE_E_INVDATAREAD;
        prev = v->name;
        v->memid = (int32_t)u32(r, at + SLTG_VAR_MEMID);
        v->custdata = -1;
        tp = (flags & 0x02) ? at + SLTG_VAR_TYPE : r->blk + u16(r, at + SLTG_VAR_TYPE);
        if (!read_type(r, &tp, &v->type)) return TYPE_E_INVDATAREAD;
        offs = u16(r, at + SLTG_VAR_OFFS);
        if (flags & 0x40) {
            v->varkind = VAR_DISPATCH;
        } else if (flags & 0x10) {
            uint16_t vt = code_vt(r, v->type);
            v->varkind = VAR_CONST;
            if (flags & 0x08) {
                if (!put_value_int(r, offs, &v->value)) return E_OUTOFMEMORY;
            } else if (vt == VT_BSTR || vt == VT_LPSTR || vt == VT_LPWSTR) {
                size_t s = r->blk + offs;
                uint16_t len;
                uint8_t e[6] = { VT_BSTR, 0 };
                uint32_t cat, dummy;
                if (!in_blk(r, s, 2)) return TYPE_E_INVDATAREAD;
                len = u16(r, s);
                if (len != 0xFFFF && !in_blk(r, s + 2, len)) return TYPE_E_INVDATAREAD;
                le32(e + 2, len == 0xFFFF ? 0xFFFFFFFFu : len);
                if (!sb_put(&r->cd, e, sizeof e, &cat) ||
                    (len != 0xFFFF && len && !sb_put(&r->cd, r->d + s + 2, len, &dummy)))
                    return E_OUTOFMEMORY;
                v->value = (int32_t)cat;
            } else if (vt == VT_I2 || vt == VT_UI2 || vt == VT_I4 || vt == VT_UI4 || vt == VT_INT || vt == VT_UINT) {
                if (!in_blk(r, r->blk + offs, 4)) return TYPE_E_INVDATAREAD;
                if (!put_value_int(r, (int32_t)u32(r, r->blk + offs), &v->value)) return E_OUTOFMEMORY;
            } else {
                /* a constant of a type the format gives no value for */
                if (!put_value_int(r, 0, &v->value)) return E_OUTOFMEMORY;
            }
        } else {
            v->varkind = VAR_PERINSTANCE;
            v->value = offs;
        }
        if (magic == SLTG_VAR_FLAGS_MAGIC) v->varflags = u16(r, at + SLTG_VAR_VARFLAGS);
        if (flags & 0x80) v->varflags |= VARFLAG_FREADONLY;
        if (i + 1 < count) {
            uint16_t next = u16(r, at + SLTG_VAR_NEXT);
            if (next == 0xFFFF) return TYPE_E_INVDATAREAD;
            at = r->blk + next;
        }
    }
    t->cvars = count;
    m->nvars += count;
    return S_OK;
}

static HRESULT read_impls(rd *r, comrt__tl_type *t, size_t at)
{
    comrt__tl_model *m = r->m;
    for (unsigned steps = 0;; steps++) {
        uint16_t next;
        if (steps >= COMRT_TL_MAX_MEMBERS || !in_blk(r, at, SLTG_IMPL_SIZE)) return TYPE_E_INVDATAREAD;
        if (!comrt__tl_grow((void **)&m->impls, &r->cap_impls, m->nimpls + 1, sizeof *m->impls)) return E_OUTOFMEMORY;
        m->impls[m->nimpls].href = ref_href(r, u16(r, at + SLTG_IMPL_REF));
        m->impls[m->nimpls].flags = r->d[at + SLTG_IMPL_FLAGS];
        m->impls[m->nimpls].custdata = -1;
        m->nimpls++;
        next = u16(r, at + SLTG_IMPL_NEXT);
        if (next == 0xFFFF) break;
        at = r->blk + next;
    }
    t->cimpl = (uint16_t)(m->nimpls - t->first_impl);
    return S_OK;
}

/* ---- one type ------------------------------------------------------------------------ */

typedef struct {
    uint16_t name;
    uint32_t helpctx;
    GUID guid;
    size_t index_name;   /* file offset of the entry's index string */
    uint16_t index_len;
} sltg_entry;

static HRESULT read_type_block(rd *r, uint32_t index, size_t start, size_t len, const sltg_entry *e)
{
    comrt__tl_model *m = r->m;
    comrt__tl_type *t = &m->types[index];
    uint32_t hreftab, elemtab;
    size_t tail;
    uint16_t cfuncs, cvars, funcs_off, vars_off, impls_off;
    uint8_t kind;
    HRESULT hr;

    memset(t, 0, sizeof *t);
    r->blk = start;
    r->blkend = start + len;
    free(r->refs);
    r->refs = NULL;
    r->nrefs = 0;
    if (len < SLTG_TI_SIZE || u16(r, start) != SLTG_TI_MAGIC) return TYPE_E_INVDATAREAD;
    hreftab = u32(r, start + SLTG_TI_HREFTAB);
    elemtab = u32(r, start + SLTG_TI_ELEMTAB);
    t->vmajor = u16(r, start + SLTG_TI_VMAJOR);
    t->vminor = u16(r, start + SLTG_TI_VMINOR);
    t->typeflags = (uint16_t)((r->d[start + SLTG_TI_FLAGS1] >> 3) | (r->d[start + SLTG_TI_FLAGS2] << 5));
    kind = r->d[start + SLTG_TI_KIND];
    if (kind >= TKIND_MAX) return TYPE_E_INVDATAREAD;
    /* a dual interface is stored as an interface and seen as a dispinterface */
    t->kind = (t->typeflags & TYPEFLAG_FDUAL) ? TKIND_DISPATCH : (TYPEKIND)kind;
    t->guid = e->guid;
    t->helpctx = e->helpctx;
    t->custdata = -1;
    t->alias = -1;
    if (!get_name(r, e->name, &t->name)) return TYPE_E_INVDATAREAD;

    /* member header, member data, tail */
    if (elemtab > len || len - elemtab < SLTG_MEMHDR_SIZE) return TYPE_E_INVDATAREAD;
    {
        uint32_t extra = u32(r, start + elemtab + SLTG_MEMHDR_EXTRA);
        size_t data = start + elemtab + SLTG_MEMHDR_SIZE;
        if (extra > r->blkend - data || r->blkend - data - extra < SLTG_TAIL_SIZE) return TYPE_E_INVDATAREAD;
        tail = data + extra;
        r->blk = data;
    }
    if (hreftab != 0xFFFFFFFFu) {
        if (hreftab > len) return TYPE_E_INVDATAREAD;
        hr = read_refs(r, start + hreftab, start);
        if (hr != S_OK) return hr;
    }
    cfuncs = u16(r, tail + SLTG_TAIL_CFUNCS);
    cvars = u16(r, tail + SLTG_TAIL_CVARS);
    funcs_off = u16(r, tail + SLTG_TAIL_FUNCS_OFF);
    vars_off = u16(r, tail + SLTG_TAIL_VARS_OFF);
    impls_off = u16(r, tail + SLTG_TAIL_IMPLS_OFF);
    if (cfuncs > COMRT_TL_MAX_MEMBERS || cvars > COMRT_TL_MAX_MEMBERS) return TYPE_E_INVDATAREAD;
    t->cbinstance = u16(r, tail + SLTG_TAIL_CBINSTANCE);
    t->align = u16(r, tail + SLTG_TAIL_ALIGN);
    t->cbvft = u16(r, tail + SLTG_TAIL_CBVFT);
    t->first_func = m->nfuncs;
    t->first_var = m->nvars;
    t->first_impl = m->nimpls;

    /* Which members each kind has, as oleaut32 reads them (by the stored
     * kind: a dual's members are an interface's). */
    switch (kind) {
    case TKIND_ENUM:
    case TKIND_RECORD:
    case TKIND_UNION:
        if (cvars) hr = read_vars(r, t, cvars, vars_off);
        else hr = S_OK;
        break;
    case TKIND_INTERFACE:
        hr = S_OK;
        if (in_blk(r, r->blk, 2) && u16(r, r->blk) == SLTG_IMPL_MAGIC) hr = read_impls(r, t, r->blk);
        if (hr == S_OK && funcs_off != 0xFFFF && cfuncs) hr = read_funcs(r, t, cfuncs, funcs_off);
        break;
    case TKIND_COCLASS:
        hr = S_OK;
        if (in_blk(r, r->blk, 2) && u16(r, r->blk) == SLTG_IMPL_MAGIC) hr = read_impls(r, t, r->blk);
        break;
    case TKIND_DISPATCH:
    case TKIND_MODULE:
        hr = S_OK;
        if (vars_off != 0xFFFF && cvars) hr = read_vars(r, t, cvars, vars_off);
        if (hr == S_OK && funcs_off != 0xFFFF && cfuncs) hr = read_funcs(r, t, cfuncs, funcs_off);
        if (hr == S_OK && kind == TKIND_DISPATCH && impls_off != 0xFFFF) hr = read_impls(r, t, r->blk + impls_off);
        if (hr == S_OK && kind == TKIND_DISPATCH) {
            /* As in an MSFT file: a dispinterface's vtable is IDispatch's,
             * and IDispatch itself is implied rather than listed (only a
             * dispinterface that wraps an interface lists it). */
            t->cbvft = (uint16_t)(7 * comrt__tl_ptrsize(m));
            if (t->cimpl == 1 && m->impls[t->first_impl].href == m->dispatch_href && m->dispatch_href != -1) {
                m->nimpls--;
                t->cimpl = 0;
            }
        }
        break;
    case TKIND_ALIAS:
        if (u16(r, tail + SLTG_TAIL_SIMPLE_ALIAS)) {
            uint16_t vt = u16(r, tail + SLTG_TAIL_ALIAS);
            if (vt == VT_PTR || vt == VT_SAFEARRAY || vt == VT_CARRAY || vt == VT_USERDEFINED || vt > VT_TYPEMASK) {
                hr = TYPE_E_INVDATAREAD;
            } else {
                t->alias = (int32_t)(0x80000000u | vt);
                hr = S_OK;
            }
        } else {
            size_t at = r->blk + u16(r, tail + SLTG_TAIL_ALIAS);
            hr = read_type(r, &at, &t->alias) ? S_OK : TYPE_E_INVDATAREAD;
        }
        break;
    default:
        hr = S_OK;
        break;
    }
    return hr;
}

/* ---- the file -------------------------------------------------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* GetLibStatistics' figures: the distinct names (the name table holds each
 * once, so distinct offsets) and their characters. */
static HRESULT count_names(comrt__tl_model *m, const uint8_t *d, size_t size)
{
    size_t n = 1 + (size_t)m->ntypes + m->nfuncs + m->nvars + m->nparams, k = 0;
    uint32_t *offs = malloc(n * sizeof *offs);
    if (!offs) return E_OUTOFMEMORY;
#define ADD(s) do { if ((s).off) { offs[k] = (s).off; k++; } } while (0)
    ADD(m->name);
    for (uint32_t i = 0; i < m->ntypes; i++) ADD(m->types[i].name);
    for (uint32_t i = 0; i < m->nfuncs; i++) ADD(m->funcs[i].name);
    for (uint32_t i = 0; i < m->nvars; i++) ADD(m->vars[i].name);
    for (uint32_t i = 0; i < m->nparams; i++) ADD(m->params[i].name);
#undef ADD
    qsort(offs, k, sizeof *offs, cmp_u32);
    m->unique_names = 0;
    m->unique_chars = 0;
    for (size_t i = 0; i < k; i++) {
        const uint8_t *z;
        if (i && offs[i] == offs[i - 1]) continue;
        z = memchr(d + offs[i], 0, size - offs[i]);
        m->unique_names++;
        m->unique_chars += z ? (uint32_t)(z - (d + offs[i])) : 0;
    }
    free(offs);
    return S_OK;
}

static void sb_free(sbuf *s) { free(s->b); }

HRESULT comrt__sltg_parse(const uint8_t *data, size_t size, comrt__tl_model **out)
{
    HRESULT hr = TYPE_E_INVDATAREAD;
    rd r;
    comrt__tl_model *m = NULL;
    uint16_t nblk, first, order;
    uint32_t ntypes, steps;
    size_t dir, magic, at, lib, *blk_at = NULL, *blk_len = NULL;
    uint16_t *blk_index = NULL;
    sltg_entry *ents = NULL;

    memset(&r, 0, sizeof r);
    r.d = data;
    r.size = size;
    if (size > COMRT_TL_MAX_FILE) { hr = TYPE_E_SIZETOOBIG; goto out; }
    if (size < SLTG_HDR_SIZE || u32(&r, 0) != SLTG_MAGIC) goto out;
    m = calloc(1, sizeof *m);
    if (!m) { hr = E_OUTOFMEMORY; goto out; }
    r.m = m;
    m->dispatch_href = -1;
    m->custdata = -1;

    nblk = u16(&r, SLTG_HDR_NBLOCKS);
    first = u16(&r, SLTG_HDR_FIRST);
    if (nblk < 2 || first < 1 || first > nblk - 1) goto out;
    ntypes = (uint32_t)nblk - 2;
    dir = SLTG_HDR_SIZE;
    magic = dir + (size_t)(nblk - 1) * SLTG_BLKENT_SIZE;
    if (!has(&r, magic, SLTG_MAGIC2_SIZE) || memcmp(data + magic, SLTG_MAGIC2, SLTG_MAGIC2_SIZE)) goto out;
    at = magic + SLTG_MAGIC2_SIZE + (size_t)ntypes * SLTG_INDEX_SIZE + SLTG_PAD9;
    if (!has(&r, at, 0)) goto out;

    /* The blocks follow one another in the order of the chain from the
     * first entry; the last is the library block. */
    blk_at = calloc(nblk, sizeof *blk_at);
    blk_len = calloc(nblk, sizeof *blk_len);
    blk_index = calloc(nblk, sizeof *blk_index);
    if (!blk_at || !blk_len || !blk_index) { hr = E_OUTOFMEMORY; goto out; }
    order = (uint16_t)(first - 1);
    for (steps = 0;; steps++) {
        size_t ent = dir + (size_t)order * SLTG_BLKENT_SIZE;
        uint32_t len = u32(&r, ent);
        uint16_t next = u16(&r, ent + 6);
        if (steps >= (uint32_t)nblk - 1 || !has(&r, at, len)) goto out;
        blk_at[steps] = at;
        blk_len[steps] = len;
        blk_index[steps] = u16(&r, ent + 4);
        at += len;
        if (!next) break;
        if (next > nblk - 1) goto out;
        order = (uint16_t)(next - 1);
    }
    if (steps != ntypes) goto out; /* one block per type, then the library's */
    lib = blk_at[ntypes];

    /* library block */
    if (blk_len[ntypes] < 8 || u16(&r, lib) != SLTG_LIB_MAGIC) goto out;
    at = lib + SLTG_LIB_RES06;
    if (u16(&r, at) != 0xFFFF) at += u16(&r, at);
    at += 2;
    if (!get_counted(&r, &at, &m->doc) || !get_counted(&r, &at, &m->helpfile)) goto out;
    if (!has(&r, at, 4 + 2 + 2 + 4 + 2 + 2 + 2 + 16)) goto out;
    m->helpctx = u32(&r, at);
    /* there is no separate help string context: oleaut32 answers the help
     * context for it */
    m->hsctx = m->helpctx;
    m->attr.syskind = (SYSKIND)u16(&r, at + 4);
    {
        /* oleaut32 keeps the language of a sublanguage-neutral LCID and
         * reports 0 for any other */
        uint16_t lcid = u16(&r, at + 6);
        m->attr.lcid = (lcid >> 10) == SUBLANG_NEUTRAL ? (LCID)(lcid & 0x3FF) : 0;
    }
    m->attr.wLibFlags = u16(&r, at + 12);
    m->attr.wMajorVerNum = u16(&r, at + 14);
    m->attr.wMinorVerNum = u16(&r, at + 16);
    rdguid(&r, at + 18, &m->attr.guid);
    at += 34 + SLTG_LIB_GAP;

    /* one entry per type: index string, name, help context, GUID */
    if (ntypes) {
        ents = calloc(ntypes, sizeof *ents);
        if (!ents) { hr = E_OUTOFMEMORY; goto out; }
    }
    for (uint32_t i = 0; i < ntypes; i++) {
        /* WORD number, two counted strings (index string, another name),
         * WORD, WORD name, WORD count of extra bytes, the extra bytes, WORD,
         * DWORD help context, WORD, GUID */
        size_t strs = 0, more;
        uint16_t w;
        if (!has(&r, at, 4)) goto out;
        w = u16(&r, at + 2);
        if (w != 0xFFFF) {
            ents[i].index_name = at + 4;
            ents[i].index_len = w;
            strs += w;
        }
        if (!has(&r, at + 4 + strs, 8)) goto out;
        w = u16(&r, at + 4 + strs);
        if (w != 0xFFFF) strs += w;
        if (!has(&r, at + 10 + strs, 2)) goto out;
        more = u16(&r, at + 10 + strs);
        if (!has(&r, at, SLTG_OTI_FIXED + strs + more)) goto out;
        ents[i].name = u16(&r, at + 8 + strs);
        ents[i].helpctx = u32(&r, at + 14 + strs + more);
        rdguid(&r, at + 20 + strs + more, &ents[i].guid);
        at += SLTG_OTI_FIXED + strs + more;
    }
    /* the name table: a WORD, then a DWORD offset from the library block */
    if (!has(&r, at, 6)) goto out;
    {
        uint32_t off = u32(&r, at + 2);
        size_t nt = lib + off;
        if (off > size - lib || !has(&r, nt, 2)) goto out;
        if (u16(&r, nt) == 0x0200) nt += 0x20;
        nt += SLTG_NAMETAB_SKIP;
        if (nt > size) goto out;
        r.names = nt;
    }
    if (!get_name(&r, u16(&r, lib + SLTG_LIB_NAME), &m->name)) goto out;

    /* the types, in block order */
    if (ntypes) {
        m->types = calloc(ntypes, sizeof *m->types);
        if (!m->types) { hr = E_OUTOFMEMORY; goto out; }
    }
    m->ntypes = ntypes;
    for (uint32_t i = 0; i < ntypes; i++) {
        /* each block names its entry by the index string both carry */
        size_t is = magic + blk_index[i];
        const uint8_t *z;
        if (blk_index[i] >= size - magic) goto out;
        z = memchr(data + is, 0, size - is);
        if (!z || !ents[i].index_name || (size_t)(z - (data + is)) != ents[i].index_len ||
            memcmp(data + is, data + ents[i].index_name, ents[i].index_len))
            goto out;
        {
            /* hr keeps its failure value for the checks of later types */
            HRESULT thr = read_type_block(&r, i, blk_at[i], blk_len[i], &ents[i]);
            if (thr != S_OK) { hr = thr; goto out; }
        }
    }
    hr = count_names(m, data, size);
    if (hr != S_OK) goto out;

    /* the model's bytes: the file, then the synthetic segments */
    {
        size_t tot = size + r.td.n + r.ad.n + r.cd.n;
        if (tot > UINT32_MAX) { hr = TYPE_E_SIZETOOBIG; goto out; }
        m->data = malloc(tot ? tot : 1);
        if (!m->data) { hr = E_OUTOFMEMORY; goto out; }
        memcpy(m->data, data, size);
        if (r.td.n) memcpy(m->data + size, r.td.b, r.td.n);
        if (r.ad.n) memcpy(m->data + size + r.td.n, r.ad.b, r.ad.n);
        if (r.cd.n) memcpy(m->data + size + r.td.n + r.ad.n, r.cd.b, r.cd.n);
        m->size = tot;
        m->seg_off[MSFT_SEG_TYPEDESC] = (uint32_t)size;
        m->seg_len[MSFT_SEG_TYPEDESC] = r.td.n;
        m->seg_off[MSFT_SEG_ARRAYDESC] = (uint32_t)(size + r.td.n);
        m->seg_len[MSFT_SEG_ARRAYDESC] = r.ad.n;
        m->seg_off[MSFT_SEG_CUSTDATA] = (uint32_t)(size + r.td.n + r.ad.n);
        m->seg_len[MSFT_SEG_CUSTDATA] = r.cd.n;
    }
    *out = m;
    m = NULL;
    hr = S_OK;
out:
    /* A file that says SLTG but cannot be read is refused as oleaut32
     * refuses it (it checks the markers and the block chain). */
    if (hr == TYPE_E_INVDATAREAD) hr = TYPE_E_CANTLOADLIBRARY;
    if (m) comrt__tl_model_free(m);
    free(blk_at);
    free(blk_len);
    free(blk_index);
    free(ents);
    free(r.refs);
    free(r.impfile_at);
    sb_free(&r.td);
    sb_free(&r.ad);
    sb_free(&r.cd);
    return hr;
}
