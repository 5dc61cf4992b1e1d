/*
 * lib/typelib/pe.c — finds a TYPELIB resource inside a PE image (.dll,
 * .ocx, .exe, and Wine's PE-wrapped .tlb files), 32- or 64-bit.
 *
 * The image is untrusted: every header field, RVA, directory entry and
 * data range is checked against the file size before it is read, directory
 * walks are bounded (three levels, entry counts capped by the bytes that
 * hold them), and nothing is ever dereferenced outside [data, data+size).
 */
#include <string.h>

#include "typelib/typelib_model.h"

static BOOL rd16(const uint8_t *d, size_t size, size_t off, uint16_t *out)
{
    if (off > size || size - off < 2) return FALSE;
    *out = (uint16_t)(d[off] | d[off + 1] << 8);
    return TRUE;
}

static BOOL rd32(const uint8_t *d, size_t size, size_t off, uint32_t *out)
{
    if (off > size || size - off < 4) return FALSE;
    *out = (uint32_t)d[off] | (uint32_t)d[off + 1] << 8 | (uint32_t)d[off + 2] << 16 | (uint32_t)d[off + 3] << 24;
    return TRUE;
}

typedef struct {
    const uint8_t *d;
    size_t size;
    size_t sect_off;   /* file offset of the section table */
    unsigned nsect;
    size_t rsrc;       /* file offset of the resource directory */
    size_t rsrc_len;   /* bytes of the resource section from rsrc */
} pe_image;

/* Maps an RVA range to a file offset through the section table. */
static BOOL pe_rva(const pe_image *pe, uint32_t rva, uint32_t len, size_t *off, size_t *avail)
{
    for (unsigned i = 0; i < pe->nsect; i++) {
        size_t s = pe->sect_off + (size_t)i * 40;
        uint32_t vsize, va, rawsize, rawptr, span;
        if (!rd32(pe->d, pe->size, s + 8, &vsize) || !rd32(pe->d, pe->size, s + 12, &va) ||
            !rd32(pe->d, pe->size, s + 16, &rawsize) || !rd32(pe->d, pe->size, s + 20, &rawptr))
            return FALSE;
        span = rawsize;
        if (rva < va || rva - va >= span) continue;
        if ((uint64_t)rva - va + len > span) return FALSE;
        if ((uint64_t)rawptr + (rva - va) + len > pe->size) return FALSE;
        *off = (size_t)rawptr + (rva - va);
        *avail = span - (rva - va);
        if (*avail > pe->size - *off) *avail = pe->size - *off;
        return TRUE;
    }
    return FALSE;
}

/* Whether the resource name at dir offset `noff` is `want` (ASCII, case-insensitive). */
static BOOL pe_name_is(const pe_image *pe, uint32_t noff, const char *want)
{
    uint16_t len, c;
    size_t n = strlen(want);
    if (!rd16(pe->d + pe->rsrc, pe->rsrc_len, noff, &len) || len != n) return FALSE;
    for (size_t i = 0; i < n; i++) {
        if (!rd16(pe->d + pe->rsrc, pe->rsrc_len, noff + 2 + 2 * i, &c)) return FALSE;
        if (c >= 'a' && c <= 'z') c = (uint16_t)(c - 32);
        if (c != (uint16_t)want[i]) return FALSE;
    }
    return TRUE;
}

/* Finds in the directory at `dir` the entry named `name` (or with id `id`
 * when name is NULL); *child is its OffsetToData.  first: take any entry. */
static BOOL pe_dir_find(const pe_image *pe, uint32_t dir, const char *name, uint32_t id, BOOL first, uint32_t *child)
{
    uint16_t nnamed, nid;
    const uint8_t *r = pe->d + pe->rsrc;
    if (!rd16(r, pe->rsrc_len, (size_t)dir + 12, &nnamed) || !rd16(r, pe->rsrc_len, (size_t)dir + 14, &nid))
        return FALSE;
    for (unsigned i = 0; i < (unsigned)nnamed + nid; i++) {
        uint32_t nm, data;
        size_t e = (size_t)dir + 16 + (size_t)i * 8;
        if (!rd32(r, pe->rsrc_len, e, &nm) || !rd32(r, pe->rsrc_len, e + 4, &data)) return FALSE;
        if (first) { *child = data; return TRUE; }
        if (name && (nm & 0x80000000u) && pe_name_is(pe, nm & 0x7fffffffu, name)) { *child = data; return TRUE; }
        if (!name && !(nm & 0x80000000u) && nm == id) { *child = data; return TRUE; }
    }
    return FALSE;
}

HRESULT comrt__pe_find_typelib(const uint8_t *data, size_t size, unsigned index, size_t *off, size_t *len)
{
    HRESULT hr = TYPE_E_CANTLOADLIBRARY;
    pe_image pe = { data, size, 0, 0, 0, 0 };
    uint32_t lfanew, sig, dd_count, rsrc_rva, rsrc_size, child, dataoff, drva, dsize;
    uint16_t nsect, optsize, magic;
    size_t opt, dd, avail, doff, dentry;

    if (size < 64 || data[0] != 'M' || data[1] != 'Z') goto out;
    if (!rd32(data, size, 0x3C, &lfanew) || !rd32(data, size, lfanew, &sig) || sig != 0x00004550) goto out;
    if (!rd16(data, size, (size_t)lfanew + 6, &nsect) || !rd16(data, size, (size_t)lfanew + 20, &optsize)) goto out;
    opt = (size_t)lfanew + 24;
    if (!rd16(data, size, opt, &magic)) goto out;
    if (magic == 0x10b) dd = opt + 96;
    else if (magic == 0x20b) dd = opt + 112;
    else goto out;
    if (!rd32(data, size, dd - 4, &dd_count) || dd_count < 3 || dd + 24 > opt + optsize) goto out;
    if (!rd32(data, size, dd + 16, &rsrc_rva) || !rd32(data, size, dd + 20, &rsrc_size) || !rsrc_rva) goto out;
    pe.sect_off = opt + optsize;
    pe.nsect = nsect;
    if (pe.sect_off > size || (size - pe.sect_off) / 40 < nsect) goto out;
    if (!pe_rva(&pe, rsrc_rva, 16, &pe.rsrc, &avail)) goto out;
    pe.rsrc_len = avail;
    /* type "TYPELIB" -> id index -> first language -> data entry */
    if (!pe_dir_find(&pe, 0, "TYPELIB", 0, FALSE, &child) || !(child & 0x80000000u)) goto out;
    if (!pe_dir_find(&pe, child & 0x7fffffffu, NULL, index, FALSE, &child)) goto out;
    if (child & 0x80000000u) {
        if (!pe_dir_find(&pe, child & 0x7fffffffu, NULL, 0, TRUE, &child) || (child & 0x80000000u)) goto out;
    }
    dentry = child;
    if (!rd32(pe.d + pe.rsrc, pe.rsrc_len, dentry, &drva) || !rd32(pe.d + pe.rsrc, pe.rsrc_len, dentry + 4, &dsize))
        goto out;
    if (!pe_rva(&pe, drva, dsize, &doff, &avail)) goto out;
    dataoff = 0;
    (void)dataoff;
    *off = doff;
    *len = dsize;
    hr = S_OK;
out:
    return hr;
}
