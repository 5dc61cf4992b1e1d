/*
 * oleaut/bstr.c — BSTR, the length-prefixed UTF-16 string of automation.
 *
 * Layout, as on 64-bit Windows:
 *
 *     [pins:32][byte length:32][data ... ][0x0000]
 *                               ^ the BSTR points here (8-byte aligned)
 *
 * The byte length excludes the terminator; data may contain NULs, and a
 * byte-length BSTR may have an odd length (its terminator still follows).
 * The first word counts SysAddRefString pins; bit 0 marks a SysFreeString
 * that arrived while the string was pinned, so the last SysReleaseString
 * frees it.
 */
#include <stdlib.h>

#include "base/base_internal.h"
#include "oleaut/oleaut_internal.h"

typedef struct {
    uint32_t pins; /* (pin count << 1) | free-requested */
    uint32_t byte_len;
    WCHAR data[];
} bstr_block;

COMRT_STATIC_ASSERT(offsetof(bstr_block, data) == 8, "BSTR data follows an 8-byte header");

static bstr_block *block_of(BSTR s) { return (bstr_block *)((char *)s - offsetof(bstr_block, data)); }

BSTR comrt__bstr_alloc_bytes(const void *src, size_t bytes)
{
    bstr_block *b;

    if (bytes > COMRT_BSTR_MAX_BYTES) return NULL;
    /* +2 for the terminator, +1 so an odd length still gets two zero bytes */
    b = malloc(sizeof *b + bytes + sizeof(WCHAR) + 1);
    if (!b) return NULL;
    b->pins = 0;
    b->byte_len = (uint32_t)bytes;
    if (src) memcpy(b->data, src, bytes);
    else memset(b->data, 0, bytes);
    memset((char *)b->data + bytes, 0, sizeof(WCHAR) + 1);
    return b->data;
}

BSTR SysAllocString(const OLECHAR *psz)
{
    if (!psz) return NULL;
    return comrt__bstr_alloc_bytes(psz, comrt__utf16_len(psz) * sizeof(WCHAR));
}

BSTR SysAllocStringLen(const OLECHAR *strIn, UINT ui)
{
    if (ui > COMRT_BSTR_MAX_BYTES / sizeof(WCHAR)) return NULL;
    return comrt__bstr_alloc_bytes(strIn, (size_t)ui * sizeof(WCHAR));
}

BSTR SysAllocStringByteLen(LPCSTR psz, UINT len)
{
    return comrt__bstr_alloc_bytes(psz, len);
}

/* Replaces *pbstr with a new string built from psz/len.  The new string is
 * made before the old one is freed, so psz may point into *pbstr.  With
 * psz NULL the old contents are kept, up to the new length. */
INT SysReAllocStringLen(BSTR *pbstr, const OLECHAR *psz, UINT len)
{
    BSTR fresh;

    if (!pbstr) return FALSE;
    if (!psz && *pbstr) {
        UINT keep = SysStringLen(*pbstr);
        fresh = SysAllocStringLen(NULL, len);
        if (!fresh) return FALSE;
        memcpy(fresh, *pbstr, (size_t)(keep < len ? keep : len) * sizeof(WCHAR));
    } else {
        fresh = SysAllocStringLen(psz, len);
        if (!fresh) return FALSE;
    }
    SysFreeString(*pbstr);
    *pbstr = fresh;
    return TRUE;
}

INT SysReAllocString(BSTR *pbstr, const OLECHAR *psz)
{
    BSTR fresh;

    if (!pbstr) return FALSE;
    fresh = SysAllocString(psz);
    if (psz && !fresh) return FALSE;
    SysFreeString(*pbstr);
    *pbstr = fresh;
    return TRUE;
}

void SysFreeString(BSTR bstrString)
{
    bstr_block *b;
    uint32_t pins;

    if (!bstrString) return;
    b = block_of(bstrString);
    pins = __atomic_load_n(&b->pins, __ATOMIC_ACQUIRE);
    while (pins >> 1) {
        /* pinned: remember the request; the last SysReleaseString frees */
        if (__atomic_compare_exchange_n(&b->pins, &pins, pins | 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            return;
    }
    free(b);
}

UINT SysStringLen(BSTR pbstr)
{
    return pbstr ? block_of(pbstr)->byte_len / sizeof(WCHAR) : 0;
}

UINT SysStringByteLen(BSTR bstr)
{
    return bstr ? block_of(bstr)->byte_len : 0;
}

HRESULT SysAddRefString(BSTR bstrString)
{
    if (!bstrString) return E_INVALIDARG;
    if (__atomic_add_fetch(&block_of(bstrString)->pins, 2, __ATOMIC_ACQ_REL) < 2)
        return E_UNEXPECTED; /* wrapped: far more pins than any program takes */
    return S_OK;
}

void SysReleaseString(BSTR bstrString)
{
    bstr_block *b;
    uint32_t pins;

    if (!bstrString) return;
    b = block_of(bstrString);
    pins = __atomic_load_n(&b->pins, __ATOMIC_ACQUIRE);
    if (pins < 2) return; /* not pinned: nothing to release */
    pins = __atomic_sub_fetch(&b->pins, 2, __ATOMIC_ACQ_REL);
    if (pins == 1) free(b); /* freed while pinned, last pin gone */
}
