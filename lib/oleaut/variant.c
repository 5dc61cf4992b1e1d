/*
 * oleaut/variant.c — the VARIANT life cycle: VariantInit, VariantClear,
 * VariantCopy, VariantCopyInd.  (Type conversion is varchange.c.)
 *
 * Ownership: a by-value VARIANT owns its BSTR, interface reference, SAFEARRAY
 * or record; a VT_BYREF VARIANT owns nothing.  Clear releases what is owned,
 * Copy makes the destination own its own copy.
 */
#include "base/base_internal.h"
#include "oleaut/oleaut_internal.h"

void VariantInit(VARIANTARG *pvarg)
{
    if (!pvarg) return;
    V_VT(pvarg) = VT_EMPTY;
    pvarg->wReserved1 = pvarg->wReserved2 = pvarg->wReserved3 = 0;
}

/* Releases what a by-value variant of type vt owns at *v.  For VT_RECORD
 * Windows clears the record's fields and drops the IRecordInfo reference;
 * the record's memory stays with whoever allocated it. */
static HRESULT release_owned(VARIANT *v)
{
    VARTYPE vt = V_VT(v);

    if (vt & VT_BYREF) return S_OK;
    if (vt & VT_ARRAY) return V_ARRAY(v) ? SafeArrayDestroy(V_ARRAY(v)) : S_OK;
    switch (vt) {
    case VT_BSTR:
        SysFreeString(V_BSTR(v));
        break;
    case VT_UNKNOWN:
    case VT_DISPATCH:
        if (V_UNKNOWN(v)) V_UNKNOWN(v)->lpVtbl->Release(V_UNKNOWN(v));
        break;
    case VT_RECORD:
        if (V_RECORDINFO(v)) {
            V_RECORDINFO(v)->lpVtbl->RecordClear(V_RECORDINFO(v), V_RECORD(v));
            V_RECORDINFO(v)->lpVtbl->Release(V_RECORDINFO(v));
        }
        break;
    default:
        break;
    }
    return S_OK;
}

HRESULT VariantClear(VARIANTARG *pvarg)
{
    HRESULT hr;

    if (!pvarg) return E_INVALIDARG;
    hr = comrt__variant_check_type(V_VT(pvarg));
    if (FAILED(hr)) return hr;
    hr = release_owned(pvarg);
    if (FAILED(hr)) return hr; /* e.g. DISP_E_ARRAYISLOCKED: the variant keeps its array */
    V_VT(pvarg) = VT_EMPTY;
    return S_OK;
}

/* A record's deep copy: memory from CoTaskMemAlloc sized by IRecordInfo,
 * filled by RecordCopy; the copy holds its own IRecordInfo reference. */
static HRESULT copy_record(IRecordInfo *info, void *src, void **out)
{
    ULONG size = 0;
    void *dst;
    HRESULT hr;

    if (!info) return E_INVALIDARG;
    hr = info->lpVtbl->GetSize(info, &size);
    if (FAILED(hr)) return hr;
    dst = CoTaskMemAlloc(size);
    if (!dst) return E_OUTOFMEMORY;
    hr = info->lpVtbl->RecordCopy(info, src, dst);
    if (FAILED(hr)) {
        CoTaskMemFree(dst);
        return hr;
    }
    info->lpVtbl->AddRef(info);
    *out = dst;
    return S_OK;
}

/* Fills dst (treated as empty) with a deep copy of the by-value variant src. */
static HRESULT deep_copy(VARIANT *dst, const VARIANT *src)
{
    VARTYPE vt = V_VT(src);
    HRESULT hr = S_OK;

    *dst = *src;
    if (vt & VT_BYREF) return S_OK; /* a reference is copied as a reference */
    if (vt & VT_ARRAY) {
        V_ARRAY(dst) = NULL;
        if (V_ARRAY(src)) hr = SafeArrayCopy(V_ARRAY(src), &V_ARRAY(dst));
    } else {
        switch (vt) {
        case VT_BSTR:
            if (V_BSTR(src)) {
                V_BSTR(dst) = SysAllocStringByteLen((LPCSTR)V_BSTR(src), SysStringByteLen(V_BSTR(src)));
                if (!V_BSTR(dst)) hr = E_OUTOFMEMORY;
            }
            break;
        case VT_UNKNOWN:
        case VT_DISPATCH:
            if (V_UNKNOWN(src)) V_UNKNOWN(src)->lpVtbl->AddRef(V_UNKNOWN(src));
            break;
        case VT_RECORD:
            hr = copy_record(V_RECORDINFO(src), V_RECORD(src), &V_RECORD(dst));
            break;
        default:
            break;
        }
    }
    if (FAILED(hr)) V_VT(dst) = VT_EMPTY;
    return hr;
}

HRESULT VariantCopy(VARIANTARG *pvargDest, const VARIANTARG *pvargSrc)
{
    VARIANT tmp;
    HRESULT hr;

    if (!pvargDest || !pvargSrc) return E_INVALIDARG;
    hr = comrt__variant_check_type(V_VT(pvargSrc));
    if (FAILED(hr)) return hr;
    if (pvargDest == pvargSrc) return S_OK;
    /* copy first, clear after: src may live inside what dest owns */
    hr = deep_copy(&tmp, pvargSrc);
    if (FAILED(hr)) return hr;
    hr = VariantClear(pvargDest);
    if (FAILED(hr)) {
        release_owned(&tmp);
        return hr;
    }
    *pvargDest = tmp;
    return S_OK;
}

HRESULT comrt__variant_deref_view(VARIANT *view, const VARIANT *src)
{
    VARTYPE base = V_VT(src) & ~VT_BYREF;
    ULONG size;

    if (!V_ISBYREF(src)) {
        *view = *src;
        return S_OK;
    }
    if (base == VT_VARIANT) {
        const VARIANT *inner = V_VARIANTREF(src);
        /* Windows refuses a reference to a reference to a variant */
        if (V_VT(inner) == (VT_VARIANT | VT_BYREF)) return E_INVALIDARG;
        return comrt__variant_deref_view(view, inner);
    }
    VariantInit(view);
    if (base & VT_ARRAY) {
        V_ARRAY(view) = *V_ARRAYREF(src);
    } else if (base == VT_DECIMAL) {
        V_DECIMAL(view) = *V_DECIMALREF(src); /* overlays vt: set vt after */
    } else if (base == VT_RECORD) {
        V_RECORD(view) = V_RECORD(src);
        V_RECORDINFO(view) = V_RECORDINFO(src);
    } else {
        size = comrt__vt_size(base);
        if (!size) return DISP_E_BADVARTYPE;
        memcpy(&view->llVal, V_BYREF(src), size);
    }
    V_VT(view) = base;
    return S_OK;
}

HRESULT comrt__variant_deref_copy(VARIANT *dst, const VARIANT *src)
{
    VARIANT view;
    HRESULT hr;

    if (!V_ISBYREF(src)) return E_INVALIDARG;
    hr = comrt__variant_deref_view(&view, src);
    return SUCCEEDED(hr) ? deep_copy(dst, &view) : hr;
}

HRESULT VariantCopyInd(VARIANT *pvarDest, const VARIANTARG *pvargSrc)
{
    VARIANT tmp;
    HRESULT hr;

    if (!pvarDest || !pvargSrc) return E_INVALIDARG;
    if (!V_ISBYREF(pvargSrc)) return VariantCopy(pvarDest, pvargSrc);
    hr = comrt__variant_check_type(V_VT(pvargSrc));
    if (FAILED(hr)) return hr;
    hr = comrt__variant_deref_copy(&tmp, pvargSrc);
    if (FAILED(hr)) return hr;
    if (pvarDest != pvargSrc) { /* in place: the source owns nothing to clear */
        hr = VariantClear(pvarDest);
        if (FAILED(hr)) {
            release_owned(&tmp);
            return hr;
        }
    }
    *pvarDest = tmp;
    return S_OK;
}
