/*
 * oleaut/varchange.c — VariantChangeType(Ex): converting a VARIANT to
 * another VARTYPE with Windows' results for every source x target pair.
 *
 * The steps, as oleaut32 takes them:
 *   1. both types are checked (DISP_E_BADVARTYPE for types a VARIANT cannot
 *      hold, VT_VECTOR, VT_CLSID, and targets such as VT_VOID);
 *   2. a VT_BYREF source is dereferenced into a private deep copy (a NULL
 *      reference is DISP_E_TYPEMISMATCH), so dest may equal src;
 *   3. arrays convert only to the same array type, VT_ARRAY|VT_UI1 <-> VT_BSTR
 *      (the bytes of the string);
 *   4. scalars go through the route table below: numbers through
 *      varconv.c's lift/lower tables, strings through the public
 *      VarXxxFromStr / VarBstrFromXxx functions, objects through their value
 *      property (IDispatch::Invoke(DISPID_VALUE)) unless VARIANT_NOVALUEPROP;
 *   5. only on success is *pvargDest cleared and overwritten.
 */
#include <string.h>

#include "oleaut/oleaut_internal.h"

/* ---- type checks ------------------------------------------------------------ */

static BOOL base_type_ok(VARTYPE base)
{
    return (base <= VT_UINT && base != 15) || base == VT_RECORD;
}

static HRESULT check_source(VARTYPE vt)
{
    if ((vt & VT_TYPEMASK) == VT_CLSID) return DISP_E_BADVARTYPE;
    return comrt__variant_check_type(vt);
}

static HRESULT check_target(VARTYPE vt)
{
    if (vt & (VT_VECTOR | VT_RESERVED)) return DISP_E_BADVARTYPE;
    return base_type_ok(vt & VT_TYPEMASK) ? S_OK : DISP_E_BADVARTYPE;
}

/* VariantChangeType's flags as the dwFlags of VarXxxFromStr / VarBstrFromXxx. */
static ULONG string_flags(USHORT wFlags)
{
    static const struct {
        USHORT variant_flag;
        ULONG var_flag;
    } map[] = {
        { VARIANT_LOCALBOOL, VAR_LOCALBOOL },
        { VARIANT_NOUSEROVERRIDE, LOCALE_NOUSEROVERRIDE },
        { VARIANT_USE_NLS, LOCALE_USE_NLS },
        { VARIANT_CALENDAR_HIJRI, VAR_CALENDAR_HIJRI },
        { VARIANT_CALENDAR_THAI, VAR_CALENDAR_THAI },
        { VARIANT_CALENDAR_GREGORIAN, VAR_CALENDAR_GREGORIAN },
    };
    ULONG out = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (wFlags & map[i].variant_flag) out |= map[i].var_flag;
    return out;
}

/* ---- strings to numbers: one entry per target type --------------------------- */

typedef HRESULT (*from_str_fn)(LPCOLESTR s, LCID lcid, ULONG flags, VARIANT *out);

#define FROM_STR(name, fn, acc)                                                            \
    static HRESULT name(LPCOLESTR s, LCID lcid, ULONG flags, VARIANT *out)                \
    {                                                                                     \
        return fn(s, lcid, flags, &acc(out));                                             \
    }
FROM_STR(str_i1, VarI1FromStr, V_I1)
FROM_STR(str_i2, VarI2FromStr, V_I2)
FROM_STR(str_i4, VarI4FromStr, V_I4)
FROM_STR(str_i8, VarI8FromStr, V_I8)
FROM_STR(str_ui1, VarUI1FromStr, V_UI1)
FROM_STR(str_ui2, VarUI2FromStr, V_UI2)
FROM_STR(str_ui4, VarUI4FromStr, V_UI4)
FROM_STR(str_ui8, VarUI8FromStr, V_UI8)
FROM_STR(str_r4, VarR4FromStr, V_R4)
FROM_STR(str_r8, VarR8FromStr, V_R8)
FROM_STR(str_date, VarDateFromStr, V_DATE)
FROM_STR(str_cy, VarCyFromStr, V_CY)
FROM_STR(str_bool, VarBoolFromStr, V_BOOL)

static HRESULT str_dec(LPCOLESTR s, LCID lcid, ULONG flags, VARIANT *out)
{
    DECIMAL d;
    HRESULT hr = VarDecFromStr(s, lcid, flags, &d);
    if (SUCCEEDED(hr)) V_DECIMAL(out) = d;
    return hr;
}

static const from_str_fn from_str[] = {
    [VT_I2] = str_i2,   [VT_I4] = str_i4,     [VT_R4] = str_r4,     [VT_R8] = str_r8,
    [VT_CY] = str_cy,   [VT_DATE] = str_date, [VT_BOOL] = str_bool, [VT_DECIMAL] = str_dec,
    [VT_I1] = str_i1,   [VT_UI1] = str_ui1,   [VT_UI2] = str_ui2,   [VT_UI4] = str_ui4,
    [VT_I8] = str_i8,   [VT_UI8] = str_ui8,   [VT_INT] = str_i4,    [VT_UINT] = str_ui4,
};

/* ---- numbers to strings: one entry per source type ---------------------------- */

typedef HRESULT (*to_str_fn)(const VARIANT *v, LCID lcid, ULONG flags, BSTR *out);

#define TO_STR(name, fn, acc)                                                              \
    static HRESULT name(const VARIANT *v, LCID lcid, ULONG flags, BSTR *out)              \
    {                                                                                     \
        return fn(acc(v), lcid, flags, out);                                              \
    }
TO_STR(bstr_i1, VarBstrFromI1, V_I1)
TO_STR(bstr_i2, VarBstrFromI2, V_I2)
TO_STR(bstr_i4, VarBstrFromI4, V_I4)
TO_STR(bstr_i8, VarBstrFromI8, V_I8)
TO_STR(bstr_ui1, VarBstrFromUI1, V_UI1)
TO_STR(bstr_ui2, VarBstrFromUI2, V_UI2)
TO_STR(bstr_ui4, VarBstrFromUI4, V_UI4)
TO_STR(bstr_ui8, VarBstrFromUI8, V_UI8)
TO_STR(bstr_r4, VarBstrFromR4, V_R4)
TO_STR(bstr_r8, VarBstrFromR8, V_R8)
TO_STR(bstr_date, VarBstrFromDate, V_DATE)
TO_STR(bstr_cy, VarBstrFromCy, V_CY)

static HRESULT bstr_dec(const VARIANT *v, LCID lcid, ULONG flags, BSTR *out)
{
    return VarBstrFromDec(&V_DECIMAL(v), lcid, flags, out);
}

/* A BOOL becomes "-1"/"0"; coerce_scalar calls VarBstrFromBool instead
 * when VARIANT_ALPHABOOL or VARIANT_LOCALBOOL asks for the words. */
static HRESULT bstr_bool(const VARIANT *v, LCID lcid, ULONG flags, BSTR *out)
{
    return VarBstrFromI2(V_BOOL(v), lcid, flags, out);
}

static const to_str_fn to_str[] = {
    [VT_I2] = bstr_i2,   [VT_I4] = bstr_i4,     [VT_R4] = bstr_r4,     [VT_R8] = bstr_r8,
    [VT_CY] = bstr_cy,   [VT_DATE] = bstr_date, [VT_BOOL] = bstr_bool, [VT_DECIMAL] = bstr_dec,
    [VT_I1] = bstr_i1,   [VT_UI1] = bstr_ui1,   [VT_UI2] = bstr_ui2,   [VT_UI4] = bstr_ui4,
    [VT_I8] = bstr_i8,   [VT_UI8] = bstr_ui8,   [VT_INT] = bstr_i4,    [VT_UINT] = bstr_ui4,
};

/* ---- arrays ------------------------------------------------------------------- */

/* VT_ARRAY|VT_UI1 (one dimension) -> a BSTR holding exactly those bytes. */
static HRESULT bstr_from_bytes(SAFEARRAY *sa, BSTR *out)
{
    HRESULT hr = DISP_E_TYPEMISMATCH;
    LONG lb, ub;
    void *data;
    size_t n;
    BSTR b;

    if (!sa || SafeArrayGetDim(sa) != 1) goto out;
    if (FAILED(SafeArrayGetLBound(sa, 1, &lb)) || FAILED(SafeArrayGetUBound(sa, 1, &ub))) goto out;
    n = ub >= lb ? (size_t)((int64_t)ub - lb + 1) : 0;
    hr = SafeArrayAccessData(sa, &data);
    if (FAILED(hr)) goto out;
    b = comrt__bstr_alloc_bytes(data, n);
    SafeArrayUnaccessData(sa);
    hr = E_OUTOFMEMORY;
    if (!b) goto out;
    *out = b;
    hr = S_OK;
out:
    return hr;
}

/* A BSTR -> a zero-based VT_UI1 vector of its bytes. */
static HRESULT bytes_from_bstr(BSTR b, SAFEARRAY **out)
{
    HRESULT hr = E_OUTOFMEMORY;
    UINT n = b ? SysStringByteLen(b) : 0;
    void *data;
    SAFEARRAY *sa = SafeArrayCreateVector(VT_UI1, 0, n);
    if (!sa) goto out;
    if (n) {
        hr = SafeArrayAccessData(sa, &data);
        if (FAILED(hr)) {
            SafeArrayDestroy(sa);
            goto out;
        }
        memcpy(data, b, n);
        SafeArrayUnaccessData(sa);
    }
    *out = sa;
    hr = S_OK;
out:
    return hr;
}

static HRESULT coerce_array(VARIANT *dst, const VARIANT *src, VARTYPE vt)
{
    HRESULT hr = DISP_E_TYPEMISMATCH;
    VARIANT out;
    VariantInit(&out);
    if (V_VT(src) == vt) {
        SAFEARRAY *copy = NULL;
        hr = V_ARRAY(src) ? SafeArrayCopy(V_ARRAY(src), &copy) : S_OK;
        if (SUCCEEDED(hr)) V_ARRAY(&out) = copy;
    } else if (vt == VT_BSTR && V_VT(src) == (VT_ARRAY | VT_UI1)) {
        hr = bstr_from_bytes(V_ARRAY(src), &V_BSTR(&out));
    } else if (V_VT(src) == VT_BSTR && vt == (VT_ARRAY | VT_UI1)) {
        hr = bytes_from_bstr(V_BSTR(src), &V_ARRAY(&out));
    }
    if (SUCCEEDED(hr)) {
        V_VT(&out) = vt;
        *dst = out;
    }
    return hr;
}

/* ---- scalars -------------------------------------------------------------------- */

static BOOL is_number(VARTYPE vt) { return comrt__varconv_is_number(vt); }

/* The byte width of an integer VARTYPE, 0 for the others. */
static int int_width(VARTYPE vt)
{
    static const unsigned char widths[] = {
        [VT_I1] = 1, [VT_UI1] = 1, [VT_I2] = 2, [VT_UI2] = 2, [VT_I4] = 4,  [VT_UI4] = 4,
        [VT_INT] = 4, [VT_UINT] = 4, [VT_I8] = 8, [VT_UI8] = 8,
    };
    return vt < sizeof widths ? widths[vt] : 0;
}

/* src is by value (dereferenced), vt a by-value scalar type; *dst is
 * written only on success. */
static HRESULT coerce_scalar(VARIANT *dst, const VARIANT *src, LCID lcid, USHORT wFlags, VARTYPE vt)
{
    HRESULT hr = DISP_E_TYPEMISMATCH;
    VARTYPE svt = V_VT(src);
    VARIANT out;

    VariantInit(&out);

    /* VT_EMPTY and VT_NULL targets accept everything but errors and records
     * (and NULL does not become EMPTY); an object only when it may be asked
     * for its value. */
    if (vt == VT_EMPTY || vt == VT_NULL) {
        if (svt == VT_ERROR || svt == VT_RECORD || (vt == VT_EMPTY && svt == VT_NULL)) goto out;
        if (svt == VT_DISPATCH && (wFlags & VARIANT_NOVALUEPROP)) goto out;
        hr = S_OK;
        goto done;
    }
    /* A number to its own type is a copy, unchecked (an infinite R4, an
     * invalid DECIMAL and a BOOL of 2 stay as they are). */
    if (svt == vt && is_number(vt)) {
        out = *src;
        hr = S_OK;
        goto done;
    }
    /* Same-typed pairs (and the types only they convert to) are copies; a
     * NULL BSTR comes back as an empty one. */
    if (svt == vt && vt == VT_BSTR) {
        V_BSTR(&out) = SysAllocStringByteLen((LPCSTR)V_BSTR(src), V_BSTR(src) ? SysStringByteLen(V_BSTR(src)) : 0);
        hr = V_BSTR(&out) ? S_OK : E_OUTOFMEMORY;
        goto done;
    }
    if (svt == vt && (vt == VT_ERROR || vt == VT_VARIANT || vt == VT_DISPATCH || vt == VT_UNKNOWN)) {
        hr = VariantCopy(&out, src);
        goto done;
    }
    if (svt == vt && vt == VT_RECORD) {
        /* A record without its IRecordInfo has nothing to deep-copy. */
        if (V_RECORDINFO(src)) hr = VariantCopy(&out, src);
        else {
            out = *src;
            hr = S_OK;
        }
        goto done;
    }
    /* Integers of the same width change signedness by reinterpreting the
     * bits, without a range check (I2 -3 -> UI2 65533), as oleaut32 does. */
    if (int_width(svt) && int_width(svt) == int_width(vt)) {
        out = *src;
        hr = S_OK;
        goto done;
    }
    /* oleaut32 turns a true BOOL into DECIMAL 1 here (VarDecFromBool gives -1). */
    if (svt == VT_BOOL && vt == VT_DECIMAL) {
        DECIMAL d;
        hr = VarDecFromI4(V_BOOL(src) ? 1 : 0, &d);
        V_DECIMAL(&out) = d;
        goto done;
    }
    if (svt == VT_NULL || svt == VT_ERROR || svt == VT_VARIANT || svt == VT_RECORD) goto out;
    if (vt == VT_ERROR || vt == VT_VARIANT || vt == VT_RECORD) goto out;

    if (vt == VT_DISPATCH || vt == VT_UNKNOWN) {
        IUnknown *unk;
        if (svt != VT_DISPATCH && svt != VT_UNKNOWN) goto out;
        unk = V_UNKNOWN(src);
        hr = S_OK;
        V_UNKNOWN(&out) = NULL;
        /* QueryInterface's own failure (E_NOINTERFACE) is the result. */
        if (unk)
            hr = unk->lpVtbl->QueryInterface(unk, vt == VT_DISPATCH ? &IID_IDispatch : &IID_IUnknown,
                                             (void **)&V_UNKNOWN(&out));
        goto done;
    }
    if (svt == VT_UNKNOWN) goto out;
    if (svt == VT_DISPATCH) {
        VARIANT value;
        if (wFlags & VARIANT_NOVALUEPROP) goto out;
        hr = comrt__disp_value(V_DISPATCH(src), lcid, &value);
        if (FAILED(hr)) goto out;
        /* The value property's result converts like any other value (but a
         * returned object does not get asked for its own value again). */
        hr = VariantChangeTypeEx(&out, &value, lcid, (USHORT)(wFlags | VARIANT_NOVALUEPROP), vt);
        VariantClear(&value);
        if (SUCCEEDED(hr)) *dst = out;
        goto out;
    }
    if (svt == VT_EMPTY) {
        /* Empty is zero, "" or FALSE. */
        VARIANT zero;
        VariantInit(&zero);
        V_VT(&zero) = VT_I4;
        V_I4(&zero) = 0;
        if (vt == VT_BSTR) {
            V_BSTR(&out) = SysAllocStringLen(NULL, 0);
            hr = V_BSTR(&out) ? S_OK : E_OUTOFMEMORY;
        } else if (is_number(vt)) {
            hr = comrt__varconv_number(&out, &zero, vt);
        }
        goto done;
    }
    if (svt == VT_BSTR) {
        if (!is_number(vt)) goto out;
        hr = from_str[vt](V_BSTR(src) ? V_BSTR(src) : u"", lcid, string_flags(wFlags), &out);
        goto done;
    }
    if (vt == VT_BSTR) {
        if (!is_number(svt)) goto out;
        if (svt == VT_BOOL && (wFlags & (VARIANT_ALPHABOOL | VARIANT_LOCALBOOL)))
            hr = VarBstrFromBool(V_BOOL(src), lcid, string_flags(wFlags), &V_BSTR(&out));
        else
            hr = to_str[svt](src, lcid, string_flags(wFlags), &V_BSTR(&out));
        goto done;
    }
    if (is_number(svt) && is_number(vt)) {
        hr = comrt__varconv_number(&out, src, vt);
        goto done;
    }
    goto out;

done:
    if (SUCCEEDED(hr)) {
        V_VT(&out) = vt;
        *dst = out;
    }
out:
    return hr;
}

/* ---- the API ----------------------------------------------------------------------- */

HRESULT VariantChangeTypeEx(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc, LCID lcid, USHORT wFlags, VARTYPE vt)
{
    HRESULT hr = E_INVALIDARG;
    VARIANT src, result;

    if (!pvargDest || !pvarSrc) goto out;
    hr = check_source(V_VT(pvarSrc));
    if (SUCCEEDED(hr)) hr = check_target(vt);
    if (FAILED(hr)) goto out;
    hr = DISP_E_TYPEMISMATCH;
    if ((V_VT(pvarSrc) & VT_BYREF) && !V_BYREF(pvarSrc)) goto out;

    /* a borrowed view of the (dereferenced) source: converters only read it */
    hr = comrt__variant_deref_view(&src, pvarSrc);
    if (FAILED(hr)) goto out;
    VariantInit(&result);
    if (vt & VT_BYREF) hr = DISP_E_TYPEMISMATCH;
    else if ((V_VT(&src) & VT_ARRAY) || (vt & VT_ARRAY)) hr = coerce_array(&result, &src, vt);
    else hr = coerce_scalar(&result, &src, lcid, wFlags, vt);
    if (SUCCEEDED(hr)) {
        /* dest may be the source: it is released only now. */
        VariantClear(pvargDest);
        *pvargDest = result;
    }
out:
    return hr;
}

HRESULT VariantChangeType(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc, USHORT wFlags, VARTYPE vt)
{
    return VariantChangeTypeEx(pvargDest, pvarSrc, LOCALE_USER_DEFAULT, wFlags, vt);
}
