/*
 * oleaut/varcmp.c — comparisons: VarCmp (two VARIANTs), VarBstrCmp (two
 * BSTRs under a locale), VarR4CmpR8, plus VarBstrCat and VarR8Round.
 *
 * String collation.  LCID 0 compares the UTF-16 code units in order (binary,
 * embedded NULs included, flags ignored).  Every other LCID (en-US, LOCALE_INVARIANT,
 * de-DE, fr-FR, the user/system defaults and the rest, which fall back to
 * en-US) uses one built-in approximation of Windows' default "word sort":
 *   1. primary: base letters compared case- and accent-blind, with
 *      punctuation (space included) < digits < letters; hyphen and
 *      apostrophe are ignored at this level;
 *   2. accents (a < ä), unless NORM_IGNORENONSPACE;
 *   3. case, lower before upper (a < A), unless NORM_IGNORECASE;
 *   4. the ignored hyphens and apostrophes, so "ab" < "a-b".
 * NORM_IGNORESYMBOLS drops punctuation altogether.  Latin-1 letters are
 * decomposed (ä = a + accent); other characters compare by code point
 * after the ASCII classes.  Full Unicode collation is not attempted.
 */
#include <math.h>
#include <string.h>

#include "oleaut/oleaut_internal.h"

/* ---- collation ---------------------------------------------------------- */

/* How one UTF-16 unit sorts: its primary weight (0 = ignorable at the
 * primary level), an accent weight and whether it is upper case. */
typedef struct {
    uint32_t primary;
    uint8_t accent;
    uint8_t upper;
    uint8_t special; /* hyphen, apostrophe: compared last */
    uint8_t symbol;
} coll_weight;

/* Latin-1 letters 0xC0..0xFF: base letter and accent number (0 = none). */
static const char latin1_base[64] = "AAAAAAACEEEEIIII" "DNOOOOO*OUUUUYTs"
                                    "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
static const uint8_t latin1_accent[64] = {
    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 5, 1, 2, 3, 5, 9, 4, 1, 2, 3, 4, 5, 0, 10, 1, 2, 3, 5, 2, 11, 12,
    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 5, 1, 2, 3, 5, 9, 4, 1, 2, 3, 4, 5, 0, 10, 1, 2, 3, 5, 2, 11, 5,
};

#define W_PUNCT 0x100u   /* punctuation and symbols: by code point */
#define W_DIGIT 0x10000u /* digits 0-9 */
#define W_LETTER 0x10100u
#define W_OTHER 0x20000u /* everything else: by code point */

static coll_weight coll_weigh(WCHAR c)
{
    coll_weight w;
    memset(&w, 0, sizeof w);
    if (c == '-' || c == '\'') {
        w.special = (uint8_t)c;
    } else if (c >= '0' && c <= '9') {
        w.primary = W_DIGIT + (c - '0');
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        w.upper = c <= 'Z';
        w.primary = W_LETTER + (uint32_t)((c | 0x20) - 'a') * 4;
    } else if (c >= 0xC0 && c <= 0xFF && latin1_base[c - 0xC0] != '*' && latin1_base[c - 0xC0] != '/') {
        char b = latin1_base[c - 0xC0];
        if (b == 's' && c == 0xDF) { /* sharp s sorts as s with an accent */
            w.primary = W_LETTER + ('s' - 'a') * 4;
            w.accent = 13;
        } else {
            w.upper = b >= 'A' && b <= 'Z';
            w.primary = W_LETTER + (uint32_t)((b | 0x20) - 'a') * 4;
            w.accent = latin1_accent[c - 0xC0];
        }
    } else if (c < 0x80 || (c >= 0xA0 && c < 0xC0) || c == 0xD7 || c == 0xF7) {
        w.primary = W_PUNCT + c;
        w.symbol = 1;
    } else {
        w.primary = W_OTHER + c;
    }
    return w;
}

/* Compares a and b (lengths in units) at one level; returns <0, 0, >0. */
static int coll_level(const WCHAR *a, size_t na, const WCHAR *b, size_t nb, int level, ULONG flags)
{
    size_t i = 0, j = 0;
    for (;;) {
        uint32_t wa = 0, wb = 0;
        int have_a = 0, have_b = 0;
        while (i < na && !have_a) {
            coll_weight w = coll_weigh(a[i++]);
            if ((flags & NORM_IGNORESYMBOLS) && (w.symbol || w.special)) continue;
            if (level == 4) {
                have_a = 1;
                wa = w.special ? 0x100u + w.special : 0;
            } else if (w.primary) {
                have_a = 1;
                wa = level == 1 ? w.primary : level == 2 ? w.accent : w.upper;
            }
        }
        while (j < nb && !have_b) {
            coll_weight w = coll_weigh(b[j++]);
            if ((flags & NORM_IGNORESYMBOLS) && (w.symbol || w.special)) continue;
            if (level == 4) {
                have_b = 1;
                wb = w.special ? 0x100u + w.special : 0;
            } else if (w.primary) {
                have_b = 1;
                wb = level == 1 ? w.primary : level == 2 ? w.accent : w.upper;
            }
        }
        if (!have_a || !have_b) return have_a - have_b;
        if (wa != wb) return wa < wb ? -1 : 1;
    }
}

static int coll_compare(const WCHAR *a, size_t na, const WCHAR *b, size_t nb, ULONG flags)
{
    int c = coll_level(a, na, b, nb, 1, flags);
    if (!c && !(flags & NORM_IGNORENONSPACE)) c = coll_level(a, na, b, nb, 2, flags);
    if (!c && !(flags & NORM_IGNORECASE)) c = coll_level(a, na, b, nb, 3, flags);
    if (!c) c = coll_level(a, na, b, nb, 4, flags);
    return c;
}

/* ---- VarBstrCmp / VarBstrCat --------------------------------------------- */

/* NULL and "" are equal; lengths come from the BSTR prefix, so embedded
 * NULs take part.  LCID 0 is a binary comparison of the code units that
 * ignores dwFlags (as oleaut32 does); an odd trailing byte counts as a unit. */
HRESULT VarBstrCmp(BSTR bstrLeft, BSTR bstrRight, LCID lcid, ULONG dwFlags)
{
    size_t na = bstrLeft ? (SysStringByteLen(bstrLeft) + 1) / 2 : 0;
    size_t nb = bstrRight ? (SysStringByteLen(bstrRight) + 1) / 2 : 0;
    int c = 0;

    if (!na || !nb) return na == nb ? VARCMP_EQ : na ? VARCMP_GT : VARCMP_LT;
    if (lcid == 0) {
        size_t n = na < nb ? na : nb;
        for (size_t i = 0; i < n && !c; i++)
            if (bstrLeft[i] != bstrRight[i]) c = bstrLeft[i] < bstrRight[i] ? -1 : 1;
        if (!c && na != nb) c = na < nb ? -1 : 1;
    } else {
        c = coll_compare(bstrLeft, na, bstrRight, nb, dwFlags);
    }
    return c < 0 ? VARCMP_LT : c > 0 ? VARCMP_GT : VARCMP_EQ;
}

/* Concatenates the bytes of both (NULL = empty); the result is a new BSTR
 * the caller frees, never NULL on success. */
HRESULT VarBstrCat(BSTR bstrLeft, BSTR bstrRight, LPBSTR pbstrResult)
{
    HRESULT hr = E_INVALIDARG;
    size_t la, lb;
    BSTR r;
    unsigned char *p;

    if (!pbstrResult) goto out;
    la = bstrLeft ? SysStringByteLen(bstrLeft) : 0;
    lb = bstrRight ? SysStringByteLen(bstrRight) : 0;
    hr = E_OUTOFMEMORY;
    if (la + lb > COMRT_BSTR_MAX_BYTES) goto out;
    r = comrt__bstr_alloc_bytes(NULL, la + lb);
    if (!r) goto out;
    p = (unsigned char *)r;
    if (la) memcpy(p, bstrLeft, la);
    if (lb) memcpy(p + la, bstrRight, lb);
    *pbstrResult = r;
    hr = S_OK;
out:
    return hr;
}

/* ---- numbers ------------------------------------------------------------- */

HRESULT VarR4CmpR8(float fltLeft, double dblRight)
{
    double l = fltLeft;
    return l < dblRight ? VARCMP_LT : l > dblRight ? VARCMP_GT : VARCMP_EQ;
}

/* Rounds half to even at cDecimals places (which must be >= 0). */
HRESULT VarR8Round(double dblIn, int cDecimals, double *pdblResult)
{
    HRESULT hr = E_INVALIDARG;
    double scale;
    if (!pdblResult || cDecimals < 0) goto out;
    scale = pow(10.0, cDecimals);
    /* + 0.0 turns a -0 result into 0, as oleaut32 returns it. */
    *pdblResult = nearbyint(dblIn * scale) / scale + 0.0;
    hr = S_OK;
out:
    return hr;
}

/* ---- VarCmp ---------------------------------------------------------------- */

/* What VarCmp does with each VARTYPE: refuse it (bad), refuse the pair
 * (mismatch), or compare it as a number, string, NULL or error code. */
typedef enum { K_BAD = 0, K_MISMATCH, K_NULL, K_EMPTY, K_INT, K_DBL, K_CY, K_DEC, K_STR, K_ERROR } cmp_kind;

static const unsigned char cmp_kinds[] = {
    [VT_EMPTY] = K_EMPTY,   [VT_NULL] = K_NULL,        [VT_I2] = K_INT,      [VT_I4] = K_INT,
    [VT_R4] = K_DBL,        [VT_R8] = K_DBL,           [VT_CY] = K_CY,       [VT_DATE] = K_DBL,
    [VT_BSTR] = K_STR,      [VT_DISPATCH] = K_MISMATCH, [VT_ERROR] = K_ERROR, [VT_BOOL] = K_INT,
    [VT_UNKNOWN] = K_MISMATCH, [VT_DECIMAL] = K_DEC,   [VT_I1] = K_MISMATCH, [VT_UI1] = K_INT,
    [VT_UI2] = K_MISMATCH,  [VT_UI4] = K_MISMATCH,     [VT_I8] = K_INT,      [VT_UI8] = K_MISMATCH,
    [VT_INT] = K_INT,
};

/* oleaut32's VarCmp takes the by-value automation types only: references,
 * arrays, VT_UINT, VT_RECORD and the rest are DISP_E_BADVARTYPE. */
static cmp_kind cmp_kind_of(VARTYPE vt)
{
    if (vt >= sizeof cmp_kinds) return K_BAD;
    return (cmp_kind)cmp_kinds[vt];
}

static comrt__i128 cmp_int(const VARIANT *v)
{
    switch (V_VT(v)) {
    case VT_I2: return V_I2(v);
    case VT_I4: return V_I4(v);
    case VT_INT: return V_INT(v);
    case VT_BOOL: return V_BOOL(v);
    case VT_UI1: return V_UI1(v);
    case VT_I8: return V_I8(v);
    default: return 0;
    }
}

static double cmp_dbl(const VARIANT *v, cmp_kind k)
{
    switch (k) {
    case K_DBL: return V_VT(v) == VT_R4 ? (double)V_R4(v) : V_VT(v) == VT_R8 ? V_R8(v) : V_DATE(v);
    case K_CY: return (double)V_CY(v).int64 / 10000.0;
    case K_DEC: return comrt__dec_to_r8(&V_DECIMAL(v));
    default: return (double)cmp_int(v);
    }
}

static void cmp_dec(const VARIANT *v, cmp_kind k, DECIMAL *out)
{
    comrt__i128 i;
    if (k == K_DEC) {
        *out = V_DECIMAL(v);
    } else if (k == K_CY) {
        VarDecFromCy(V_CY(v), out);
    } else {
        i = cmp_int(v);
        comrt__dec_set(out, i < 0 ? (comrt__u128)-i : (comrt__u128)i, 0, i < 0);
    }
}

/* Numbers compare by value in the widest type of the pair (an unordered
 * NaN compares as greater, as on Windows); a string is greater than any
 * number; VT_EMPTY is 0 beside a number and "" beside a string. */
HRESULT VarCmp(LPVARIANT pvarLeft, LPVARIANT pvarRight, LCID lcid, ULONG dwFlags)
{
    HRESULT hr = E_INVALIDARG;
    cmp_kind kl, kr;

    if (!pvarLeft || !pvarRight) goto out;
    kl = cmp_kind_of(V_VT(pvarLeft));
    kr = cmp_kind_of(V_VT(pvarRight));
    hr = DISP_E_BADVARTYPE;
    /* oleaut32 checks the right operand more strictly: VT_UI8 and VT_INT
     * are refused there while the left operand takes VT_INT. */
    if (kl == K_BAD || kr == K_BAD || V_VT(pvarRight) == VT_UI8 || V_VT(pvarRight) == VT_INT) goto out;
    hr = DISP_E_TYPEMISMATCH;
    if (kl == K_MISMATCH || kr == K_MISMATCH) goto out;
    if (kl == K_ERROR || kr == K_ERROR) {
        if (kl == kr)
            hr = V_ERROR(pvarLeft) < V_ERROR(pvarRight)   ? VARCMP_LT
                 : V_ERROR(pvarLeft) > V_ERROR(pvarRight) ? VARCMP_GT
                                                          : VARCMP_EQ;
        goto out;
    }
    hr = VARCMP_NULL;
    if (kl == K_NULL || kr == K_NULL) goto out;

    if (kl == K_STR || kr == K_STR) {
        if ((kl == K_STR || kl == K_EMPTY) && (kr == K_STR || kr == K_EMPTY)) {
            hr = VarBstrCmp(kl == K_STR ? V_BSTR(pvarLeft) : NULL, kr == K_STR ? V_BSTR(pvarRight) : NULL, lcid,
                            dwFlags);
        } else {
            hr = kl == K_STR ? VARCMP_GT : VARCMP_LT;
        }
        goto out;
    }
    if (kl == K_EMPTY && kr == K_EMPTY) {
        hr = VARCMP_EQ;
    } else if ((kl == K_DEC || kr == K_DEC) && (kl == K_DBL || kr == K_DBL)) {
        /* A DECIMAL beside a floating value: the float becomes a DECIMAL. */
        DECIMAL l, r;
        const VARIANT *fv = kl == K_DBL ? pvarLeft : pvarRight;
        double f = cmp_dbl(fv, K_DBL);
        hr = isnan(f) ? DISP_E_BADVARTYPE : comrt__dec_from_dbl(f, V_VT(fv) == VT_R4 ? 7 : 15, kl == K_DBL ? &l : &r);
        if (FAILED(hr)) goto out;
        if (kl == K_DEC) l = V_DECIMAL(pvarLeft);
        if (kr == K_DEC) r = V_DECIMAL(pvarRight);
        hr = VarDecCmp(&l, &r);
    } else if (kl == K_DBL || kr == K_DBL) {
        double l = kl == K_EMPTY ? 0.0 : cmp_dbl(pvarLeft, kl), r = kr == K_EMPTY ? 0.0 : cmp_dbl(pvarRight, kr);
        hr = l < r ? VARCMP_LT : l == r ? VARCMP_EQ : VARCMP_GT;
    } else if (kl == K_DEC || kr == K_DEC || kl == K_CY || kr == K_CY) {
        DECIMAL l, r;
        DECIMAL_SETZERO(l);
        DECIMAL_SETZERO(r);
        if (kl != K_EMPTY) cmp_dec(pvarLeft, kl, &l);
        if (kr != K_EMPTY) cmp_dec(pvarRight, kr, &r);
        hr = VarDecCmp(&l, &r);
    } else {
        comrt__i128 l = kl == K_EMPTY ? 0 : cmp_int(pvarLeft), r = kr == K_EMPTY ? 0 : cmp_int(pvarRight);
        hr = l < r ? VARCMP_LT : l > r ? VARCMP_GT : VARCMP_EQ;
    }
out:
    return hr;
}
