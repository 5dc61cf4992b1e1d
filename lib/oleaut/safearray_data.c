/*
 * oleaut/safearray_data.c — what is inside a SAFEARRAY: finding a cell
 * (PtrOfIndex), reading and writing one element (GetElement/PutElement),
 * copying arrays (Copy/CopyData) and resizing (Redim).  The descriptor
 * itself is safearray.c.
 *
 * How an element is owned comes from the array's fFeatures (as on
 * Windows, not from the VARTYPE): FADF_BSTR, FADF_UNKNOWN/FADF_DISPATCH,
 * FADF_VARIANT, FADF_RECORD, or plain bytes.  Interface and BSTR elements
 * are passed to Put/GetElement by value (the pointer itself), the others
 * by address.
 */
#include <string.h>

#include "oleaut/oleaut_internal.h"

/* Data somebody else allocated (see safearray.c): never reallocated here. */
#define FOREIGN_DATA_FLAGS (FADF_AUTO | FADF_STATIC | FADF_EMBEDDED)

/* ---- one element ----------------------------------------------------------- */

/* Copies the value at src into the empty (zeroed) cell dst. */
static HRESULT cell_copy(comrt__sa_kind kind, IRecordInfo *ri, ULONG cb, void *dst, const void *src)
{
    HRESULT hr = S_OK;

    switch (kind) {
    case COMRT_SA_BSTR: {
        BSTR s, copy = NULL;
        memcpy(&s, src, sizeof s);
        if (s) {
            copy = SysAllocStringByteLen((LPCSTR)s, SysStringByteLen(s));
            if (!copy) return E_OUTOFMEMORY;
        }
        memcpy(dst, &copy, sizeof copy);
        break;
    }
    case COMRT_SA_UNKNOWN: {
        IUnknown *u;
        memcpy(&u, src, sizeof u);
        if (u) u->lpVtbl->AddRef(u);
        memcpy(dst, &u, sizeof u);
        break;
    }
    case COMRT_SA_VARIANT:
        hr = VariantCopy((VARIANT *)dst, (const VARIANT *)src);
        /* Windows copies the rest of the array past a variant it cannot
         * copy (that cell stays VT_EMPTY); only running out of memory stops it */
        if (hr != E_OUTOFMEMORY) hr = S_OK;
        break;
    case COMRT_SA_RECORD:
        hr = ri ? ri->lpVtbl->RecordCopy(ri, (void *)src, dst) : E_INVALIDARG;
        break;
    default:
        memcpy(dst, src, cb);
        break;
    }
    return hr;
}

/* PutElement: replaces the value in cell with a copy of *pv (pv itself for
 * BSTR and interfaces).  The new value is made before the old one goes, so
 * putting an element's own value back is safe. */
static HRESULT cell_put(comrt__sa_kind kind, IRecordInfo *ri, ULONG cb, void *cell, void *pv)
{
    switch (kind) {
    case COMRT_SA_BSTR: {
        BSTR old, copy;
        /* a NULL BSTR is stored as an empty string, as Windows does */
        copy = SysAllocStringByteLen((LPCSTR)pv, SysStringByteLen((BSTR)pv));
        if (!copy) return E_OUTOFMEMORY;
        memcpy(&old, cell, sizeof old);
        memcpy(cell, &copy, sizeof copy);
        SysFreeString(old);
        return S_OK;
    }
    case COMRT_SA_UNKNOWN: {
        IUnknown *old, *u = pv;
        if (u) u->lpVtbl->AddRef(u);
        memcpy(&old, cell, sizeof old);
        memcpy(cell, &u, sizeof u);
        if (old) old->lpVtbl->Release(old);
        return S_OK;
    }
    case COMRT_SA_VARIANT:
        return VariantCopy((VARIANT *)cell, (const VARIANT *)pv);
    case COMRT_SA_RECORD:
        /* RecordCopy releases what the destination record held */
        return ri ? ri->lpVtbl->RecordCopy(ri, pv, cell) : E_INVALIDARG;
    default:
        memcpy(cell, pv, cb);
        return S_OK;
    }
}

/* GetElement: a copy of the cell's value into *pv, which the caller owns
 * afterwards (a new BSTR, an AddRef'ed interface, a deep-copied VARIANT —
 * VariantCopy clears what *pv held first). */
static HRESULT cell_get(comrt__sa_kind kind, IRecordInfo *ri, ULONG cb, const void *cell, void *pv)
{
    switch (kind) {
    case COMRT_SA_VARIANT:
        return VariantCopy((VARIANT *)pv, (const VARIANT *)cell);
    case COMRT_SA_RECORD:
        return ri ? ri->lpVtbl->RecordCopy(ri, (void *)cell, pv) : E_INVALIDARG;
    default:
        /* BSTR / interface / bytes: a fresh copy straight into *pv */
        return cell_copy(kind, ri, cb, pv, cell);
    }
}

/* Deep-copies count cells from src's data into dst's zeroed data, using
 * src's kind.  On failure the cells copied so far are released again (dst
 * has src's type by then), so no never-filled record is ever cleared. */
static HRESULT copy_cells(const SAFEARRAY *src, SAFEARRAY *dst, SIZE_T count)
{
    comrt__sa_kind kind = comrt__safearray_kind(src);
    IRecordInfo *ri = comrt__safearray_recinfo(src);
    const unsigned char *s = src->pvData;
    unsigned char *d = dst->pvData;
    ULONG cb = src->cbElements;
    SIZE_T i;
    HRESULT hr = S_OK;

    if (kind == COMRT_SA_PLAIN) {
        if (count) memcpy(d, s, count * cb);
        return S_OK;
    }
    for (i = 0; i < count; i++, s += cb, d += cb) {
        hr = cell_copy(kind, ri, cb, d, s);
        if (FAILED(hr)) {
            comrt__safearray_release_cells(dst, 0, i);
            break;
        }
    }
    return hr;
}

/* ---- finding a cell --------------------------------------------------------- */

/* The cell number of rgIndices: rgIndices[0] goes with the first bound
 * given to SafeArrayCreate, which varies fastest (rgsabound[cDims - 1]).
 * An index is in range when lLbound <= i < lLbound + cElements (in 64-bit
 * arithmetic, so bounds near LONG_MAX do not wrap). */
static HRESULT cell_of(const SAFEARRAY *psa, const LONG *rgIndices, SIZE_T *cell)
{
    SIZE_T cells, n = 0, stride = 1;
    USHORT i;
    HRESULT hr;

    hr = comrt__safearray_size(psa, &cells, NULL); /* also bounds stride below */
    if (FAILED(hr)) return hr == E_OUTOFMEMORY ? E_INVALIDARG : hr;
    if (!psa->pvData) return E_INVALIDARG;
    for (i = 0; i < psa->cDims; i++) {
        const SAFEARRAYBOUND *b = &psa->rgsabound[psa->cDims - 1 - i];
        long long off = (long long)rgIndices[i] - b->lLbound;
        if (off < 0 || off >= (long long)b->cElements) return DISP_E_BADINDEX;
        n += (SIZE_T)off * stride;
        stride *= b->cElements;
    }
    *cell = n;
    return S_OK;
}

HRESULT SafeArrayPtrOfIndex(SAFEARRAY *psa, LONG *rgIndices, void **ppvData)
{
    SIZE_T cell;
    HRESULT hr;

    if (!psa || !rgIndices || !ppvData) return E_INVALIDARG;
    hr = cell_of(psa, rgIndices, &cell);
    if (SUCCEEDED(hr)) *ppvData = (unsigned char *)psa->pvData + cell * psa->cbElements;
    return hr;
}

/* Get/PutElement lock the array around the access, as Windows does: an
 * array at its lock limit answers E_UNEXPECTED before any index check. */
HRESULT SafeArrayGetElement(SAFEARRAY *psa, LONG *rgIndices, void *pv)
{
    SIZE_T cell;
    HRESULT hr;

    if (!psa || !rgIndices || !pv) return E_INVALIDARG;
    hr = SafeArrayLock(psa);
    if (FAILED(hr)) return hr;
    hr = cell_of(psa, rgIndices, &cell);
    if (SUCCEEDED(hr))
        hr = cell_get(comrt__safearray_kind(psa), comrt__safearray_recinfo(psa), psa->cbElements,
                      (unsigned char *)psa->pvData + cell * psa->cbElements, pv);
    SafeArrayUnlock(psa);
    return hr;
}

HRESULT SafeArrayPutElement(SAFEARRAY *psa, LONG *rgIndices, void *pv)
{
    comrt__sa_kind kind;
    SIZE_T cell;
    HRESULT hr;

    if (!psa || !rgIndices) return E_INVALIDARG;
    kind = comrt__safearray_kind(psa);
    /* NULL is a value for BSTR and interface elements, an error otherwise */
    if (!pv && kind != COMRT_SA_BSTR && kind != COMRT_SA_UNKNOWN) return E_INVALIDARG;
    hr = SafeArrayLock(psa);
    if (FAILED(hr)) return hr;
    hr = cell_of(psa, rgIndices, &cell);
    if (SUCCEEDED(hr)) {
        /* a vector whose data was destroyed holds live elements again */
        psa->fFeatures &= (USHORT)~COMRT_FADF_DATADELETED;
        hr = cell_put(kind, comrt__safearray_recinfo(psa), psa->cbElements,
                      (unsigned char *)psa->pvData + cell * psa->cbElements, pv);
    }
    SafeArrayUnlock(psa);
    return hr;
}

/* ---- copies ----------------------------------------------------------------- */

/* *ppsaOut is NULL on failure and for a NULL psa (S_OK), as on Windows.
 * The copy has the source's type, bounds and a deep copy of its elements;
 * it is a plain heap array (no AUTO/STATIC/EMBEDDED/FIXEDSIZE/vector bits)
 * that the caller destroys.  A locked source may be copied. */
HRESULT SafeArrayCopy(SAFEARRAY *psa, SAFEARRAY **ppsaOut)
{
    SAFEARRAY *copy = NULL;
    SIZE_T cells;
    HRESULT hr;

    if (!ppsaOut) return E_INVALIDARG;
    *ppsaOut = NULL;
    if (!psa) return S_OK;
    hr = comrt__safearray_size(psa, &cells, NULL);
    if (FAILED(hr)) return hr;
    hr = SafeArrayAllocDescriptor(psa->cDims, &copy);
    if (FAILED(hr)) return hr;
    hr = comrt__safearray_adopt_type(copy, psa, TRUE);
    if (FAILED(hr)) goto fail;
    copy->cbElements = psa->cbElements;
    memcpy(copy->rgsabound, psa->rgsabound, psa->cDims * sizeof(SAFEARRAYBOUND));
    /* Windows gives the copy a data block even when the source has none */
    hr = SafeArrayAllocData(copy);
    if (FAILED(hr)) goto fail;
    if (psa->pvData) {
        hr = copy_cells(psa, copy, cells);
        if (FAILED(hr)) goto fail;
    }
    *ppsaOut = copy;
    return S_OK;
fail:
    /* its cells hold nothing (copy_cells undid its own work): free as is */
    CoTaskMemFree(copy->pvData);
    copy->pvData = NULL;
    SafeArrayDestroyDescriptor(copy);
    return hr;
}

/* Copies the elements of psaSource over those of psaTarget, which must have
 * the same number of dimensions, element size and element counts (lower
 * bounds may differ).  The target's old elements are released and it takes
 * the source's element type, as Windows does; its data block stays. */
HRESULT SafeArrayCopyData(SAFEARRAY *psaSource, SAFEARRAY *psaTarget)
{
    SIZE_T cells;
    USHORT i;
    HRESULT hr;

    if (!psaSource || !psaTarget) return E_INVALIDARG;
    if (psaSource->cDims != psaTarget->cDims || psaSource->cbElements != psaTarget->cbElements)
        return E_INVALIDARG;
    for (i = 0; i < psaSource->cDims; i++)
        if (psaSource->rgsabound[i].cElements != psaTarget->rgsabound[i].cElements) return E_INVALIDARG;
    if (!psaTarget->pvData) return E_INVALIDARG;
    hr = comrt__safearray_size(psaSource, &cells, NULL);
    if (FAILED(hr)) return hr;
    hr = comrt__safearray_size(psaTarget, &cells, NULL);
    if (FAILED(hr)) return hr;
    if (!psaSource->pvData || psaSource->pvData == psaTarget->pvData) return S_OK;
    if ((psaSource->fFeatures & FADF_RECORD) && !comrt__safearray_has_hidden(psaTarget)) return E_INVALIDARG;
    comrt__safearray_release_cells(psaTarget, 0, cells);
    psaTarget->fFeatures &= (USHORT)~COMRT_FADF_DATADELETED; /* live elements again */
    hr = comrt__safearray_adopt_type(psaTarget, psaSource, comrt__safearray_has_hidden(psaTarget));
    if (FAILED(hr)) return hr;
    return copy_cells(psaSource, psaTarget, cells);
}

/* ---- Redim ------------------------------------------------------------------ */

/* Changes rgsabound[0] — the last bound given to SafeArrayCreate, the
 * slowest-varying dimension — so the data only grows or shrinks at its end.
 * Elements cut off are released; new ones are zero.  Refused on a locked or
 * FADF_FIXEDSIZE array (DISP_E_ARRAYISLOCKED).  Data the caller owns
 * (FADF_AUTO/STATIC/EMBEDDED) may shrink in place but not grow: we cannot
 * reallocate memory that is not ours (Wine does, freeing the caller's block
 * with CoTaskMemFree; we answer DISP_E_ARRAYISLOCKED as for FIXEDSIZE). */
HRESULT SafeArrayRedim(SAFEARRAY *psa, SAFEARRAYBOUND *psaboundNew)
{
    SIZE_T old_cells, new_cells, old_bytes, new_bytes, others = 1;
    unsigned char *grown;
    USHORT i;
    HRESULT hr;

    if (!psa || !psaboundNew) return E_INVALIDARG;
    if (psa->cLocks || (psa->fFeatures & FADF_FIXEDSIZE)) return DISP_E_ARRAYISLOCKED;
    hr = comrt__safearray_size(psa, &old_cells, &old_bytes);
    if (FAILED(hr)) return hr;
    for (i = 1; i < psa->cDims; i++)
        if (__builtin_mul_overflow(others, (SIZE_T)psa->rgsabound[i].cElements, &others)) return E_OUTOFMEMORY;
    if (__builtin_mul_overflow(others, (SIZE_T)psaboundNew->cElements, &new_cells) ||
        __builtin_mul_overflow(new_cells, (SIZE_T)psa->cbElements, &new_bytes) ||
        new_bytes > COMRT_SAFEARRAY_MAX_BYTES || new_cells > COMRT_SAFEARRAY_MAX_CELLS)
        return E_OUTOFMEMORY;

    if (psa->pvData && new_cells > old_cells) {
        if (psa->fFeatures & FOREIGN_DATA_FLAGS) return DISP_E_ARRAYISLOCKED;
        grown = CoTaskMemAlloc(new_bytes);
        if (!grown) return E_OUTOFMEMORY;
        memcpy(grown, psa->pvData, old_bytes);
        memset(grown + old_bytes, 0, new_bytes - old_bytes);
        /* a vector's first data block lives in the descriptor's block */
        if (!((psa->fFeatures & COMRT_FADF_CREATEVECTOR) &&
              psa->pvData == (unsigned char *)psa + sizeof(SAFEARRAY)))
            CoTaskMemFree(psa->pvData);
        psa->pvData = grown;
    } else if (psa->pvData && new_cells < old_cells) {
        comrt__safearray_release_cells(psa, new_cells, old_cells - new_cells);
    }
    psa->rgsabound[0] = *psaboundNew;
    return S_OK;
}
