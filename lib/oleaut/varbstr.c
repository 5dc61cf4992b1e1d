/*
 * oleaut/varbstr.c — VarBstrFromXxx for numbers and BOOL: the text
 * automation shows for a value (VarBstrFromDate is with the date text in
 * datestr.c).
 *
 * Windows' formats: integers plainly; R8 with up to 15 significant digits
 * and R4 with 7, switching to "1.5E-05" / "1E+15" exactly where C's %G
 * would; CY and DECIMAL with their scale, trailing zeros dropped; the
 * locale's decimal separator in positional notation (the exponent form
 * keeps '.', as the reference does), never a group separator.  Every
 * returned BSTR belongs to the caller (SysFreeString).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"
#include "oleaut/locale.h"
#include "oleaut/oleaut_internal.h"

/* Large enough for any number text: a DECIMAL has 29 digits plus sign,
 * separator and leading "0."; a double's exponent form is shorter. */
#define NUM_MAX 64
/* Text of a DECIMAL with any scale (0..255): digits, point, sign. */
#define DEC_TEXT_MAX 300

/* Makes a BSTR from ASCII text, with the locale's decimal separator for
 * the '.' of positional notation.  E_OUTOFMEMORY if allocation fails. */
/* Enough digits for the exact decimal expansion of any double (767). */
#define EXACT_DIGITS 800

static HRESULT make_bstr(const char *text, LCID lcid, BSTR *pOut)
{
    const WCHAR *dec = strchr(text, 'E') ? u"." : comrt__locale_get(lcid)->decimal;
    size_t declen = comrt__utf16_len(dec);
    WCHAR buf[DEC_TEXT_MAX + 8];
    size_t n = 0;
    BSTR b;

    for (; *text && n + declen < sizeof buf / sizeof buf[0]; text++) {
        if (*text == '.') {
            for (size_t i = 0; i < declen; i++) buf[n++] = dec[i];
        } else
            buf[n++] = (WCHAR)(unsigned char)*text;
    }
    b = SysAllocStringLen(buf, (UINT)n);
    if (!b) return E_OUTOFMEMORY;
    *pOut = b;
    return S_OK;
}

/* Decimal text of a magnitude with an optional minus sign. */
static void format_u64(char *out, ULONG64 mag, BOOL neg)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    if (neg) *out++ = '-';
    while (n) *out++ = tmp[--n];
    *out = 0;
}

static HRESULT from_signed(LONG64 v, LCID lcid, BSTR *pOut)
{
    char text[NUM_MAX];
    if (!pOut) return E_INVALIDARG;
    format_u64(text, v < 0 ? (ULONG64)0 - (ULONG64)v : (ULONG64)v, v < 0);
    return make_bstr(text, lcid, pOut);
}

static HRESULT from_unsigned(ULONG64 v, LCID lcid, BSTR *pOut)
{
    char text[NUM_MAX];
    if (!pOut) return E_INVALIDARG;
    format_u64(text, v, FALSE);
    return make_bstr(text, lcid, pOut);
}

HRESULT VarBstrFromUI1(BYTE in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_unsigned(in, lcid, pOut);
}

HRESULT VarBstrFromI1(CHAR in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_signed((signed char)in, lcid, pOut);
}

HRESULT VarBstrFromI2(SHORT in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_signed(in, lcid, pOut);
}

HRESULT VarBstrFromUI2(USHORT in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_unsigned(in, lcid, pOut);
}

HRESULT VarBstrFromI4(LONG in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_signed(in, lcid, pOut);
}

HRESULT VarBstrFromUI4(ULONG in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_unsigned(in, lcid, pOut);
}

HRESULT VarBstrFromI8(LONG64 in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_signed(in, lcid, pOut);
}

HRESULT VarBstrFromUI8(ULONG64 in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)dwFlags;
    return from_unsigned(in, lcid, pOut);
}

/* Writes the significant digits of a (> 0, finite) printed with `extra`
 * digits after the first ("%.*e") to d, returns how many, and sets *exp10
 * to the decimal exponent of the first. */
static int expand_digits(double a, int extra, char *d, int cap, int *exp10)
{
    char raw[EXACT_DIGITS + 16];
    const char *p;
    int n = 0;

    snprintf(raw, sizeof raw, "%.*e", extra, a);
    for (p = raw; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && n < cap) d[n++] = *p;
    *exp10 = *p == 'e' ? atoi(p + 1) : 0;
    return n;
}

/* The first `prec` (at most 16) significant digits of a (> 0, finite),
 * rounded to nearest with ties away from zero, as the reference's C library
 * (and oleaut32 with it) rounds — glibc's printf would round a tie to even
 * (619947979969528.5 shows as ...529 on Windows).  Writes them NUL-terminated
 * to digits and the exponent of the first to *exp10.  Seventeen digits
 * settle every case but a possible tie (the digits after `prec` read
 * 5000...); those rare ones are decided on the exact expansion, which for a
 * double has at most 767 significant digits. */
static void round_digits(double a, int prec, char *digits, int *exp10)
{
    char d[EXACT_DIGITS];
    int n = expand_digits(a, 16, d, (int)sizeof d, exp10), i;
    BOOL maybe_tie;

    while (n <= prec) d[n++] = '0'; /* %.16e gives 17 digits; never trust it blindly */
    maybe_tie = d[prec] == '5';

    for (i = prec + 1; maybe_tie && i < n; i++)
        if (d[i] != '0') maybe_tie = FALSE;
    if (maybe_tie) expand_digits(a, EXACT_DIGITS - 1, d, (int)sizeof d, exp10);
    if (d[prec] >= '5') {
        for (i = prec - 1; i >= 0 && d[i] == '9'; i--) d[i] = '0';
        if (i >= 0) {
            d[i]++;
        } else { /* 9.99...95 became 10.00...0 */
            memmove(d + 1, d, (size_t)prec - 1);
            d[0] = '1';
            (*exp10)++;
        }
    }
    memcpy(digits, d, (size_t)prec);
    digits[prec] = 0;
}

/* %G with `prec` significant digits, written without the C library's
 * locale (snprintf's decimal point follows LC_NUMERIC, which the host
 * program may have set): '.' is the separator here, make_bstr localises
 * it.  Negative zero prints as "0", as on Windows. */
static void format_g(double v, int prec, char *out, size_t cap)
{
    char digits[24];
    int nd, exp10 = 0, pos = 0;
    BOOL neg = signbit(v) != 0;

    if (isnan(v)) {
        /* the reference's C library spells the default (negative) NaN so */
        snprintf(out, cap, "%s", neg ? "-NAN(IND)" : "NAN");
        return;
    }
    if (isinf(v)) {
        snprintf(out, cap, "%sINF", neg ? "-" : "");
        return;
    }
    if (v == 0) {
        snprintf(out, cap, "0");
        return;
    }
    round_digits(fabs(v), prec, digits, &exp10);
    nd = prec;
    while (nd > 1 && digits[nd - 1] == '0') nd--; /* %G drops trailing zeros */
    digits[nd] = 0;

    char buf[NUM_MAX];
    if (neg) buf[pos++] = '-';
    if (exp10 < -4 || exp10 >= prec) {
        buf[pos++] = digits[0];
        if (nd > 1) {
            buf[pos++] = '.';
            for (int i = 1; i < nd; i++) buf[pos++] = digits[i];
        }
        pos += snprintf(buf + pos, sizeof buf - (size_t)pos, "E%c%02d", exp10 < 0 ? '-' : '+',
                        exp10 < 0 ? -exp10 : exp10);
    } else if (exp10 < 0) {
        buf[pos++] = '0';
        buf[pos++] = '.';
        for (int i = 0; i < -exp10 - 1; i++) buf[pos++] = '0';
        for (int i = 0; i < nd; i++) buf[pos++] = digits[i];
    } else {
        for (int i = 0; i <= exp10; i++) buf[pos++] = i < nd ? digits[i] : '0';
        if (nd > exp10 + 1) {
            buf[pos++] = '.';
            for (int i = exp10 + 1; i < nd; i++) buf[pos++] = digits[i];
        }
    }
    buf[pos] = 0;
    snprintf(out, cap, "%s", buf);
}

HRESULT VarBstrFromR8(DOUBLE in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    char text[NUM_MAX];
    (void)dwFlags;
    if (!pOut) return E_INVALIDARG;
    format_g(in, 15, text, sizeof text);
    return make_bstr(text, lcid, pOut);
}

HRESULT VarBstrFromR4(FLOAT in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    char text[NUM_MAX];
    (void)dwFlags;
    if (!pOut) return E_INVALIDARG;
    format_g((double)in, 7, text, sizeof text);
    return make_bstr(text, lcid, pOut);
}

/* A magnitude with `scale` decimals: "12.345", "0.001", trailing zeros of
 * the fraction and a lone point dropped. */
static void format_scaled(char *out, comrt__u128 mag, int scale, BOOL neg)
{
    char tmp[DEC_TEXT_MAX];
    int n = 0, pos = 0;

    do {
        tmp[n++] = (char)('0' + (int)(mag % 10));
        mag /= 10;
    } while (mag);
    while (n <= scale) tmp[n++] = '0'; /* at least one digit before the point */
    /* drop trailing fraction zeros (tmp is reversed: they come first) */
    int skip = 0;
    while (skip < scale && tmp[skip] == '0') skip++;
    if (neg) {
        /* "-0" never appears: a zero value has no sign */
        BOOL zero = TRUE;
        for (int i = 0; i < n; i++)
            if (tmp[i] != '0') zero = FALSE;
        if (!zero) out[pos++] = '-';
    }
    for (int i = n - 1; i >= skip; i--) {
        out[pos++] = tmp[i];
        if (i == scale && i > skip) out[pos++] = '.';
    }
    out[pos] = 0;
}

HRESULT VarBstrFromCy(CY cyIn, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    char text[NUM_MAX];
    LONG64 v = cyIn.int64;
    (void)dwFlags;
    if (!pOut) return E_INVALIDARG;
    format_scaled(text, v < 0 ? (ULONG64)0 - (ULONG64)v : (ULONG64)v, 4, v < 0);
    return make_bstr(text, lcid, pOut);
}

HRESULT VarBstrFromDec(const DECIMAL *pdecIn, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    char text[DEC_TEXT_MAX];
    comrt__u128 mag;
    (void)dwFlags;

    if (!pdecIn || !pOut) return E_INVALIDARG;
    /* Like the reference, an out-of-range DECIMAL is still shown: any sign
     * bit means negative, a scale past 28 just adds decimals. */
    mag = ((comrt__u128)pdecIn->Hi32 << 64) | pdecIn->Lo64;
    format_scaled(text, mag, pdecIn->scale, pdecIn->sign != 0);
    return make_bstr(text, lcid, pOut);
}

/* "True"/"False" — or the locale's words with VAR_LOCALBOOL.  Any non-zero
 * VARIANT_BOOL is true.  (VARIANT_ALPHABOOL belongs to VariantChangeType;
 * VarBstrFromBool always gives words.) */
HRESULT VarBstrFromBool(VARIANT_BOOL in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    const comrt__locale *loc = comrt__locale_get(lcid);
    const WCHAR *word;
    BSTR b;

    if (!pOut) return E_INVALIDARG;
    if (dwFlags & VAR_LOCALBOOL) word = in ? loc->true_word : loc->false_word;
    else word = in ? u"True" : u"False";
    b = SysAllocString(word);
    if (!b) return E_OUTOFMEMORY;
    *pOut = b;
    return S_OK;
}
