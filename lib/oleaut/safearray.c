/*
 * oleaut/safearray.c — the SAFEARRAY descriptor: creating and destroying
 * arrays, their bounds, lock count, element type (VARTYPE, IID, IRecordInfo)
 * and data block.  Element access, copies and Redim are safearray_data.c.
 *
 * Memory layout, as x64 Windows has it (programs read it directly):
 *
 *   block + 0   GUID          the interface IID          (FADF_HAVEIID)
 *   block + 8   IRecordInfo*  the record type            (FADF_RECORD)
 *   block + 12  DWORD         the VARTYPE                (FADF_HAVEVARTYPE)
 *   block + 16  SAFEARRAY     what callers get a pointer to
 *   then        rgsabound[cDims]; rgsabound[0] is the LAST bound given to
 *               SafeArrayCreate (the slowest-varying dimension), so
 *               SafeArrayGetLBound(psa, 1) reads rgsabound[cDims - 1].
 *
 * A vector from SafeArrayCreateVector keeps its data right after the
 * descriptor in the same block (COMRT_FADF_CREATEVECTOR).  Every block and
 * data buffer comes from CoTaskMemAlloc, as on Windows, so a caller that
 * sets pvData itself may hand us CoTaskMem memory to free.
 *
 * Ownership: SafeArrayCreate* / AllocDescriptor* return an array the caller
 * frees with SafeArrayDestroy (or DestroyData + DestroyDescriptor).  The
 * array owns its elements (BSTRs, interface references, VARIANTs, records)
 * and holds one reference on its IRecordInfo.
 */
#include <string.h>

#include "base/base_internal.h"
#include "oleaut/oleaut_internal.h"

/* Bytes before the descriptor (a GUID's worth, as on Windows). */
#define HIDDEN_SIZE 16
#define HIDDEN_IID 0
#define HIDDEN_RECINFO 8
#define HIDDEN_VARTYPE 12

#define MAX_DIMS 65535
#define MAX_LOCKS 0xFFFF

/* AllocDescriptorEx's element size for VT_RECORD before any IRecordInfo
 * says better: Windows (and Wine, which measured it) answer 32. */
#define RECORD_DEFAULT_SIZE 32

/* Flags that are the caller's business about where memory lives; copies
 * never inherit them. */
#define PLACEMENT_FLAGS (FADF_AUTO | FADF_STATIC | FADF_EMBEDDED | FADF_FIXEDSIZE | COMRT_FADF_CREATEVECTOR | COMRT_FADF_DATADELETED)
/* Data that somebody else allocated: never freed or reallocated by us. */
#define FOREIGN_DATA_FLAGS (FADF_AUTO | FADF_STATIC | FADF_EMBEDDED)
#define HIDDEN_FLAGS (FADF_HAVEIID | FADF_HAVEVARTYPE | FADF_RECORD)
#define KIND_FLAGS (FADF_BSTR | FADF_UNKNOWN | FADF_DISPATCH | FADF_VARIANT)

/* What SafeArrayCreate knows about each VARTYPE: the element size (0: not
 * an array element type; Create refuses it) and the flag saying how the
 * elements are owned.  AllocDescriptorEx takes any VARTYPE, with size 0
 * for those missing here. */
typedef struct {
    unsigned char size;
    USHORT kind_flag;
} vt_row;

#define PTR ((unsigned char)sizeof(void *))
static const vt_row vt_rows[] = {
    [VT_I2] = { 2, 0 },
    [VT_I4] = { 4, 0 },
    [VT_R4] = { 4, 0 },
    [VT_R8] = { 8, 0 },
    [VT_CY] = { 8, 0 },
    [VT_DATE] = { 8, 0 },
    [VT_BSTR] = { PTR, FADF_BSTR },
    [VT_DISPATCH] = { PTR, FADF_DISPATCH },
    [VT_ERROR] = { 4, 0 },
    [VT_BOOL] = { 2, 0 },
    [VT_VARIANT] = { sizeof(VARIANT), FADF_VARIANT },
    [VT_UNKNOWN] = { PTR, FADF_UNKNOWN },
    [VT_DECIMAL] = { sizeof(DECIMAL), 0 },
    [VT_I1] = { 1, 0 },
    [VT_UI1] = { 1, 0 },
    [VT_UI2] = { 2, 0 },
    [VT_UI4] = { 4, 0 },
    [VT_I8] = { 8, 0 },
    [VT_UI8] = { 8, 0 },
    [VT_INT] = { 4, 0 },
    [VT_UINT] = { 4, 0 },
    [VT_INT_PTR] = { PTR, 0 },
    [VT_UINT_PTR] = { PTR, 0 },
};
#undef PTR

static vt_row row_of(VARTYPE vt)
{
    static const vt_row none = { 0, 0 };
    return vt < sizeof vt_rows / sizeof vt_rows[0] ? vt_rows[vt] : none;
}

/* ---- the hidden area ----------------------------------------------------- */

static unsigned char *block_of(const SAFEARRAY *psa) { return (unsigned char *)psa - HIDDEN_SIZE; }

static void hidden_set_iid(SAFEARRAY *psa, const GUID *iid) { memcpy(block_of(psa) + HIDDEN_IID, iid, sizeof *iid); }
static void hidden_get_iid(const SAFEARRAY *psa, GUID *iid) { memcpy(iid, block_of(psa) + HIDDEN_IID, sizeof *iid); }

static void hidden_set_vt(SAFEARRAY *psa, VARTYPE vt)
{
    DWORD v = vt;
    memcpy(block_of(psa) + HIDDEN_VARTYPE, &v, sizeof v);
}

static VARTYPE hidden_get_vt(const SAFEARRAY *psa)
{
    DWORD v;
    memcpy(&v, block_of(psa) + HIDDEN_VARTYPE, sizeof v);
    return (VARTYPE)v;
}

static void hidden_set_recinfo(SAFEARRAY *psa, IRecordInfo *ri) { memcpy(block_of(psa) + HIDDEN_RECINFO, &ri, sizeof ri); }

IRecordInfo *comrt__safearray_recinfo(const SAFEARRAY *psa)
{
    IRecordInfo *ri = NULL;
    if (psa->fFeatures & FADF_RECORD) memcpy(&ri, block_of(psa) + HIDDEN_RECINFO, sizeof ri);
    return ri;
}

BOOL comrt__safearray_has_hidden(const SAFEARRAY *psa) { return (psa->fFeatures & HIDDEN_FLAGS) != 0; }

/* ---- sizes and element kinds --------------------------------------------- */

comrt__sa_kind comrt__safearray_kind(const SAFEARRAY *psa)
{
    USHORT f = psa->fFeatures;
    if (f & FADF_VARIANT) return COMRT_SA_VARIANT;
    if (f & FADF_BSTR) return COMRT_SA_BSTR;
    if (f & (FADF_UNKNOWN | FADF_DISPATCH)) return COMRT_SA_UNKNOWN;
    if (f & FADF_RECORD) return COMRT_SA_RECORD;
    return COMRT_SA_PLAIN;
}

/* The bytes one element of a kind needs: a forged cbElements below this
 * would make us read past each cell. */
static ULONG kind_min_size(comrt__sa_kind kind)
{
    static const ULONG sizes[] = {
        [COMRT_SA_PLAIN] = 0,
        [COMRT_SA_BSTR] = sizeof(BSTR),
        [COMRT_SA_UNKNOWN] = sizeof(IUnknown *),
        [COMRT_SA_VARIANT] = sizeof(VARIANT),
        [COMRT_SA_RECORD] = 0,
    };
    return sizes[kind];
}

HRESULT comrt__safearray_size(const SAFEARRAY *psa, SIZE_T *cells, SIZE_T *bytes)
{
    SIZE_T n = 1, total;
    USHORT i;

    if (psa->cDims == 0) return E_INVALIDARG;
    if (psa->cbElements < kind_min_size(comrt__safearray_kind(psa))) return E_INVALIDARG;
    for (i = 0; i < psa->cDims; i++)
        if (__builtin_mul_overflow(n, (SIZE_T)psa->rgsabound[i].cElements, &n)) return E_OUTOFMEMORY;
    /* zero-byte elements (records of size 0) still cost a call per cell */
    if (n > COMRT_SAFEARRAY_MAX_CELLS) return E_OUTOFMEMORY;
    if (__builtin_mul_overflow(n, (SIZE_T)psa->cbElements, &total) || total > COMRT_SAFEARRAY_MAX_BYTES)
        return E_OUTOFMEMORY;
    *cells = n;
    if (bytes) *bytes = total;
    return S_OK;
}

static void *alloc_zeroed(SIZE_T bytes)
{
    void *p = CoTaskMemAlloc(bytes);
    if (p) memset(p, 0, bytes);
    return p;
}

/* Whether psa's data sits inside the descriptor's block (a vector). */
static BOOL data_is_inline(const SAFEARRAY *psa)
{
    return (psa->fFeatures & COMRT_FADF_CREATEVECTOR) && psa->pvData == (const unsigned char *)psa + sizeof(SAFEARRAY);
}

/* ---- element release ----------------------------------------------------- */

void comrt__safearray_release_cells(SAFEARRAY *psa, SIZE_T first, SIZE_T count)
{
    comrt__sa_kind kind = comrt__safearray_kind(psa);
    IRecordInfo *ri = comrt__safearray_recinfo(psa);
    unsigned char *p = (unsigned char *)psa->pvData + first * psa->cbElements;
    SIZE_T i;

    if (kind == COMRT_SA_PLAIN || !psa->pvData) return;
    if (kind == COMRT_SA_RECORD && !ri) return; /* nobody knows how to clear these */
    for (i = 0; i < count; i++, p += psa->cbElements) {
        switch (kind) {
        case COMRT_SA_BSTR: {
            BSTR s;
            memcpy(&s, p, sizeof s);
            SysFreeString(s);
            break;
        }
        case COMRT_SA_UNKNOWN: {
            IUnknown *u;
            memcpy(&u, p, sizeof u);
            if (u) u->lpVtbl->Release(u);
            break;
        }
        case COMRT_SA_VARIANT:
            /* a variant Windows cannot clear (bad type, locked array) is
             * dropped as it is: DestroyData still succeeds */
            VariantClear((VARIANT *)p);
            break;
        case COMRT_SA_RECORD:
            ri->lpVtbl->RecordClear(ri, p);
            break;
        default:
            break;
        }
        memset(p, 0, psa->cbElements);
    }
}

/* ---- element type --------------------------------------------------------- */

/* Sets the hidden-area flags and contents for vt on a fresh descriptor, as
 * AllocDescriptorEx does; with_kind adds the FADF_BSTR/... ownership flag
 * that SafeArrayCreate* set.  For interfaces extra is an IID (NULL: the
 * default), for records the IRecordInfo (a reference is taken). */
static void init_type(SAFEARRAY *psa, VARTYPE vt, void *extra, BOOL with_kind)
{
    if (vt == VT_DISPATCH || vt == VT_UNKNOWN) {
        psa->fFeatures |= FADF_HAVEIID;
        hidden_set_iid(psa, extra ? (const GUID *)extra : vt == VT_DISPATCH ? &IID_IDispatch : &IID_IUnknown);
    } else if (vt == VT_RECORD) {
        IRecordInfo *ri = extra;
        psa->fFeatures |= FADF_RECORD;
        if (ri) ri->lpVtbl->AddRef(ri);
        hidden_set_recinfo(psa, ri);
    } else {
        psa->fFeatures |= FADF_HAVEVARTYPE;
        hidden_set_vt(psa, vt);
    }
    if (with_kind) psa->fFeatures |= row_of(vt).kind_flag;
}

HRESULT comrt__safearray_adopt_type(SAFEARRAY *dst, const SAFEARRAY *src, BOOL dst_hidden)
{
    IRecordInfo *old_ri = comrt__safearray_recinfo(dst);
    IRecordInfo *new_ri = comrt__safearray_recinfo(src);
    USHORT take = src->fFeatures & ~PLACEMENT_FLAGS;
    GUID iid;

    if (!dst_hidden) {
        if (take & FADF_RECORD) return E_INVALIDARG; /* nowhere to keep the IRecordInfo */
        take &= ~HIDDEN_FLAGS;
        dst->fFeatures = (USHORT)((dst->fFeatures & (PLACEMENT_FLAGS | HIDDEN_FLAGS)) | take);
        return S_OK;
    }
    if (new_ri) new_ri->lpVtbl->AddRef(new_ri);
    dst->fFeatures = (USHORT)((dst->fFeatures & PLACEMENT_FLAGS) | take);
    if (take & FADF_HAVEIID) {
        hidden_get_iid(src, &iid);
        hidden_set_iid(dst, &iid);
    }
    if (take & FADF_RECORD) hidden_set_recinfo(dst, new_ri);
    if (take & FADF_HAVEVARTYPE) hidden_set_vt(dst, hidden_get_vt(src));
    if (old_ri) old_ri->lpVtbl->Release(old_ri);
    return S_OK;
}

/* The element size for vt, asking the IRecordInfo for records; 0 when
 * SafeArrayCreate refuses vt.  For a record Create keeps AllocDescriptorEx's
 * 32 when GetSize says 0, a vector takes the 0.  (Windows uses the size
 * GetSize wrote even when it fails; so do we.) */
static ULONG element_size(VARTYPE vt, void *extra, BOOL vector)
{
    IRecordInfo *ri = extra;
    ULONG size = 0;

    if (vt != VT_RECORD) return row_of(vt).size;
    if (!ri) return 0;
    ri->lpVtbl->GetSize(ri, &size);
    return size || vector ? size : RECORD_DEFAULT_SIZE;
}

/* ---- descriptors ---------------------------------------------------------- */

/* A zeroed block with the hidden area, a descriptor of cDims bounds and
 * `tail` more bytes; psa points at the descriptor. */
static HRESULT alloc_block(UINT cDims, SIZE_T tail, SAFEARRAY **out)
{
    SIZE_T size = HIDDEN_SIZE + offsetof(SAFEARRAY, rgsabound) + (SIZE_T)cDims * sizeof(SAFEARRAYBOUND) + tail;
    unsigned char *block;

    if (cDims == 0 || cDims > MAX_DIMS) return E_INVALIDARG;
    block = alloc_zeroed(size);
    if (!block) return E_OUTOFMEMORY;
    *out = (SAFEARRAY *)(block + HIDDEN_SIZE);
    (*out)->cDims = (USHORT)cDims;
    return S_OK;
}

HRESULT SafeArrayAllocDescriptor(UINT cDims, SAFEARRAY **ppsaOut)
{
    SAFEARRAY *psa;
    HRESULT hr;

    if (cDims == 0 || cDims > MAX_DIMS) return E_INVALIDARG;
    if (!ppsaOut) return E_POINTER;
    hr = alloc_block(cDims, 0, &psa);
    if (SUCCEEDED(hr)) *ppsaOut = psa;
    return hr;
}

HRESULT SafeArrayAllocDescriptorEx(VARTYPE vt, UINT cDims, SAFEARRAY **ppsaOut)
{
    HRESULT hr = SafeArrayAllocDescriptor(cDims, ppsaOut);

    if (FAILED(hr)) return hr;
    /* any vt is taken: it only decides what the hidden area holds */
    init_type(*ppsaOut, vt, NULL, FALSE);
    (*ppsaOut)->cbElements = vt == VT_RECORD ? RECORD_DEFAULT_SIZE : row_of(vt).size;
    return S_OK;
}

HRESULT SafeArrayAllocData(SAFEARRAY *psa)
{
    SIZE_T cells, bytes;
    void *data;
    HRESULT hr;

    if (!psa) return E_INVALIDARG;
    hr = comrt__safearray_size(psa, &cells, &bytes);
    if (FAILED(hr)) return hr;
    data = alloc_zeroed(bytes);
    if (!data) return E_OUTOFMEMORY;
    /* a pvData already there is not ours to free (Windows overwrites it too) */
    psa->pvData = data;
    return S_OK;
}

SAFEARRAY *SafeArrayCreateEx(VARTYPE vt, UINT cDims, SAFEARRAYBOUND *rgsabound, PVOID pvExtra)
{
    SAFEARRAY *psa = NULL;
    ULONG size;
    UINT i;

    if (!rgsabound || cDims == 0) return NULL;
    size = element_size(vt, pvExtra, FALSE);
    if (!size) return NULL;
    if (FAILED(alloc_block(cDims, 0, &psa))) return NULL;
    init_type(psa, vt, pvExtra, TRUE);
    psa->cbElements = size;
    for (i = 0; i < cDims; i++) psa->rgsabound[cDims - 1 - i] = rgsabound[i];
    if (FAILED(SafeArrayAllocData(psa))) {
        SafeArrayDestroyDescriptor(psa);
        return NULL;
    }
    return psa;
}

/* A record array needs its IRecordInfo: only the Ex forms make one. */
SAFEARRAY *SafeArrayCreate(VARTYPE vt, UINT cDims, SAFEARRAYBOUND *rgsabound)
{
    return SafeArrayCreateEx(vt, cDims, rgsabound, NULL);
}

SAFEARRAY *SafeArrayCreateVectorEx(VARTYPE vt, LONG lLbound, ULONG cElements, PVOID pvExtra)
{
    SAFEARRAY *psa = NULL;
    ULONG size = element_size(vt, pvExtra, TRUE);
    SIZE_T bytes;

    if (!size && !(vt == VT_RECORD && pvExtra)) return NULL; /* a 0-byte record is fine */
    bytes = (SIZE_T)cElements * size; /* 32 x 32 bits: cannot wrap 64 */
    if (bytes > COMRT_SAFEARRAY_MAX_BYTES) return NULL;
    if (FAILED(alloc_block(1, bytes, &psa))) return NULL;
    init_type(psa, vt, pvExtra, TRUE);
    psa->fFeatures |= COMRT_FADF_CREATEVECTOR;
    psa->cbElements = size;
    psa->rgsabound[0].cElements = cElements;
    psa->rgsabound[0].lLbound = lLbound;
    psa->pvData = (unsigned char *)psa + sizeof(SAFEARRAY);
    return psa;
}

SAFEARRAY *SafeArrayCreateVector(VARTYPE vt, LONG lLbound, ULONG cElements)
{
    return SafeArrayCreateVectorEx(vt, lLbound, cElements, NULL);
}

/* ---- destruction ---------------------------------------------------------- */

HRESULT SafeArrayDestroyData(SAFEARRAY *psa)
{
    SIZE_T cells, bytes;
    HRESULT hr;

    if (!psa) return E_INVALIDARG;
    if (psa->cLocks) return DISP_E_ARRAYISLOCKED;
    if (!psa->pvData) return S_OK;
    if (data_is_inline(psa) && (psa->fFeatures & COMRT_FADF_DATADELETED)) return S_OK;
    hr = comrt__safearray_size(psa, &cells, &bytes);
    if (FAILED(hr)) return hr;
    comrt__safearray_release_cells(psa, 0, cells);
    if (psa->fFeatures & FOREIGN_DATA_FLAGS) {
        /* the caller's memory: emptied, kept (Windows zeroes static data) */
        memset(psa->pvData, 0, bytes);
    } else if (data_is_inline(psa)) {
        /* freed with the descriptor's block; remember it is empty */
        psa->fFeatures |= COMRT_FADF_DATADELETED;
    } else {
        CoTaskMemFree(psa->pvData);
        psa->pvData = NULL;
    }
    return S_OK;
}

HRESULT SafeArrayDestroyDescriptor(SAFEARRAY *psa)
{
    IRecordInfo *ri;
    SIZE_T cells;

    if (!psa) return S_OK;
    if (psa->cLocks) return DISP_E_ARRAYISLOCKED;
    /* a vector's data goes with the block: its elements must go first */
    if (data_is_inline(psa) && !(psa->fFeatures & COMRT_FADF_DATADELETED) &&
        SUCCEEDED(comrt__safearray_size(psa, &cells, NULL)))
        comrt__safearray_release_cells(psa, 0, cells);
    ri = comrt__safearray_recinfo(psa);
    if (ri) ri->lpVtbl->Release(ri);
    CoTaskMemFree(block_of(psa));
    return S_OK;
}

HRESULT SafeArrayDestroy(SAFEARRAY *psa)
{
    HRESULT hr;

    if (!psa) return S_OK;
    if (psa->cLocks) return DISP_E_ARRAYISLOCKED;
    hr = SafeArrayDestroyData(psa);
    if (FAILED(hr)) return hr;
    return SafeArrayDestroyDescriptor(psa);
}

/* ---- shape ---------------------------------------------------------------- */

UINT SafeArrayGetDim(SAFEARRAY *psa) { return psa ? psa->cDims : 0; }

UINT SafeArrayGetElemsize(SAFEARRAY *psa) { return psa ? psa->cbElements : 0; }

/* Dimension nDim (1 = the first bound given to SafeArrayCreate). */
static HRESULT bound_of(const SAFEARRAY *psa, UINT nDim, const SAFEARRAYBOUND **out)
{
    if (nDim == 0 || nDim > psa->cDims) return DISP_E_BADINDEX;
    *out = &psa->rgsabound[psa->cDims - nDim];
    return S_OK;
}

HRESULT SafeArrayGetLBound(SAFEARRAY *psa, UINT nDim, LONG *plLbound)
{
    const SAFEARRAYBOUND *b;
    HRESULT hr;

    if (!psa || !plLbound) return E_INVALIDARG;
    hr = bound_of(psa, nDim, &b);
    if (SUCCEEDED(hr)) *plLbound = b->lLbound;
    return hr;
}

HRESULT SafeArrayGetUBound(SAFEARRAY *psa, UINT nDim, LONG *plUbound)
{
    const SAFEARRAYBOUND *b;
    HRESULT hr;

    if (!psa || !plUbound) return E_INVALIDARG;
    hr = bound_of(psa, nDim, &b);
    /* 32-bit wrap-around for bounds past LONG_MAX, as Windows reports them */
    if (SUCCEEDED(hr)) *plUbound = (LONG)((ULONG)b->lLbound + b->cElements - 1u);
    return hr;
}

/* ---- locks ---------------------------------------------------------------- */

/* The count is changed atomically so that two threads locking one array
 * do not lose a lock; Windows caps it at 65535. */
HRESULT SafeArrayLock(SAFEARRAY *psa)
{
    ULONG cur;

    if (!psa) return E_INVALIDARG;
    cur = __atomic_load_n(&psa->cLocks, __ATOMIC_RELAXED);
    do {
        if (cur >= MAX_LOCKS) return E_UNEXPECTED;
    } while (!__atomic_compare_exchange_n(&psa->cLocks, &cur, cur + 1, 1, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
    return S_OK;
}

HRESULT SafeArrayUnlock(SAFEARRAY *psa)
{
    ULONG cur;

    if (!psa) return E_INVALIDARG;
    cur = __atomic_load_n(&psa->cLocks, __ATOMIC_RELAXED);
    do {
        if (cur == 0) return E_UNEXPECTED;
    } while (!__atomic_compare_exchange_n(&psa->cLocks, &cur, cur - 1, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED));
    return S_OK;
}

/* On failure *ppvData is set to NULL, as Windows does. */
HRESULT SafeArrayAccessData(SAFEARRAY *psa, void **ppvData)
{
    HRESULT hr;

    if (!psa || !ppvData) return E_INVALIDARG;
    hr = SafeArrayLock(psa);
    *ppvData = SUCCEEDED(hr) ? psa->pvData : NULL;
    return hr;
}

HRESULT SafeArrayUnaccessData(SAFEARRAY *psa) { return SafeArrayUnlock(psa); }

/* ---- element type queries ------------------------------------------------- */

HRESULT SafeArrayGetVartype(SAFEARRAY *psa, VARTYPE *pvt)
{
    if (!psa || !pvt) return E_INVALIDARG;
    if (psa->fFeatures & FADF_RECORD) {
        *pvt = VT_RECORD;
    } else if (psa->fFeatures & FADF_HAVEIID) {
        /* AllocDescriptorEx(VT_DISPATCH) sets no FADF_DISPATCH: VT_UNKNOWN */
        *pvt = (psa->fFeatures & FADF_DISPATCH) ? VT_DISPATCH : VT_UNKNOWN;
    } else if (psa->fFeatures & FADF_HAVEVARTYPE) {
        *pvt = hidden_get_vt(psa);
    } else {
        return E_INVALIDARG;
    }
    return S_OK;
}

HRESULT SafeArraySetIID(SAFEARRAY *psa, REFGUID guid)
{
    if (!psa || !guid || !(psa->fFeatures & FADF_HAVEIID)) return E_INVALIDARG;
    hidden_set_iid(psa, guid);
    return S_OK;
}

HRESULT SafeArrayGetIID(SAFEARRAY *psa, GUID *pguid)
{
    if (!psa || !pguid || !(psa->fFeatures & FADF_HAVEIID)) return E_INVALIDARG;
    hidden_get_iid(psa, pguid);
    return S_OK;
}

/* The array takes a reference on prinfo (which may be NULL) and drops the
 * one it held.  The element size is left as it is, as on Windows. */
HRESULT SafeArraySetRecordInfo(SAFEARRAY *psa, IRecordInfo *prinfo)
{
    IRecordInfo *old;

    if (!psa || !(psa->fFeatures & FADF_RECORD)) return E_INVALIDARG;
    old = comrt__safearray_recinfo(psa);
    if (prinfo) prinfo->lpVtbl->AddRef(prinfo);
    hidden_set_recinfo(psa, prinfo);
    if (old) old->lpVtbl->Release(old);
    return S_OK;
}

/* *prinfo gets a new reference (the caller releases it), or NULL. */
HRESULT SafeArrayGetRecordInfo(SAFEARRAY *psa, IRecordInfo **prinfo)
{
    IRecordInfo *ri;

    if (!psa || !prinfo || !(psa->fFeatures & FADF_RECORD)) return E_INVALIDARG;
    ri = comrt__safearray_recinfo(psa);
    if (ri) ri->lpVtbl->AddRef(ri);
    *prinfo = ri;
    return S_OK;
}
