/*
 * oleaut/varfromstr.c — VarXxxFromStr for the numeric types and BOOL:
 * parse with VarParseNumFromStr (every NUMPRS_STD feature, the whole string
 * must be used), then let VarNumFromParseNum build exactly the requested
 * type.  VarDateFromStr lives with the date text in datestr.c.
 */
#include "base/base_internal.h"
#include "oleaut/locale.h"
#include "oleaut/oleaut_internal.h"

/* Digits kept while parsing: more than any target can use (a double is
 * decided by ~770), the rest only set NUMPRS_INEXACT, which the
 * conversion treats as "a little more" when rounding. */
#define MAX_DIGITS 1024

/* Parses strIn in lcid and converts to the one type vt; *out is written
 * only on success.  NULL input is DISP_E_TYPEMISMATCH, as on Windows. */
static HRESULT number_from_str(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, VARTYPE vt, VARIANT *out)
{
    BYTE dig[MAX_DIGITS];
    NUMPARSE np;
    HRESULT hr;

    if (!strIn) return DISP_E_TYPEMISMATCH;
    np.cDig = MAX_DIGITS;
    np.dwInFlags = NUMPRS_STD;
    hr = VarParseNumFromStr(strIn, lcid, dwFlags, &np, dig);
    if (FAILED(hr)) return hr;
    return VarNumFromParseNum(&np, dig, 1u << vt, out);
}

#define FROM_STR(Name, ctype, vt, field)                                         \
    HRESULT Var##Name##FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, ctype *pOut) \
    {                                                                            \
        VARIANT v;                                                               \
        HRESULT hr;                                                              \
        if (!pOut) return E_INVALIDARG;                                          \
        hr = number_from_str(strIn, lcid, dwFlags, vt, &v);                      \
        if (SUCCEEDED(hr)) *pOut = field(&v);                                    \
        return hr;                                                               \
    }

FROM_STR(UI1, BYTE, VT_UI1, V_UI1)
FROM_STR(I1, CHAR, VT_I1, V_I1)
FROM_STR(I2, SHORT, VT_I2, V_I2)
FROM_STR(UI2, USHORT, VT_UI2, V_UI2)
FROM_STR(I4, LONG, VT_I4, V_I4)
FROM_STR(UI4, ULONG, VT_UI4, V_UI4)
FROM_STR(I8, LONG64, VT_I8, V_I8)
FROM_STR(UI8, ULONG64, VT_UI8, V_UI8)
FROM_STR(R4, FLOAT, VT_R4, V_R4)
FROM_STR(R8, DOUBLE, VT_R8, V_R8)
FROM_STR(Cy, CY, VT_CY, V_CY)

HRESULT VarDecFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DECIMAL *pOut)
{
    VARIANT v;
    HRESULT hr;

    if (!pOut) return E_INVALIDARG;
    hr = number_from_str(strIn, lcid, dwFlags, VT_DECIMAL, &v);
    if (SUCCEEDED(hr)) {
        *pOut = V_DECIMAL(&v);
        pOut->wReserved = 0;
    }
    return hr;
}

/* Whether s is word, ignoring ASCII case, or "#word#" (the form VB's
 * Write # gives booleans). */
static BOOL is_word(const WCHAR *s, const WCHAR *word)
{
    size_t n = comrt__utf16_len(word), len = comrt__utf16_len(s);
    if (len == n + 2 && s[0] == '#' && s[len - 1] == '#') s++;
    else if (len != n) return FALSE;
    for (size_t i = 0; i < n; i++) {
        WCHAR a = s[i], b = word[i];
        if (a >= 'a' && a <= 'z') a = (WCHAR)(a - 32);
        if (b >= 'a' && b <= 'z') b = (WCHAR)(b - 32);
        if (a >= 0xE0 && a <= 0xFE && a != 0xF7) a = (WCHAR)(a - 32); /* Latin-1 letters */
        if (b >= 0xE0 && b <= 0xFE && b != 0xF7) b = (WCHAR)(b - 32);
        if (a != b) return FALSE;
    }
    return TRUE;
}

/* "True"/"False" in English always, the locale's words too with
 * VAR_LOCALBOOL; otherwise a number (any non-zero value is true). */
HRESULT VarBoolFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, VARIANT_BOOL *pOut)
{
    const comrt__locale *loc = comrt__locale_get(lcid);
    VARIANT v;
    HRESULT hr;

    if (!pOut) return E_INVALIDARG;
    if (!strIn) return DISP_E_TYPEMISMATCH;
    if (is_word(strIn, u"True") || ((dwFlags & VAR_LOCALBOOL) && is_word(strIn, loc->true_word))) {
        *pOut = VARIANT_TRUE;
        return S_OK;
    }
    if (is_word(strIn, u"False") || ((dwFlags & VAR_LOCALBOOL) && is_word(strIn, loc->false_word))) {
        *pOut = VARIANT_FALSE;
        return S_OK;
    }
    /* Windows reads the number as a double: huge values overflow */
    hr = number_from_str(strIn, lcid, dwFlags, VT_R8, &v);
    if (SUCCEEDED(hr)) *pOut = V_R8(&v) != 0.0 ? VARIANT_TRUE : VARIANT_FALSE;
    return hr;
}
