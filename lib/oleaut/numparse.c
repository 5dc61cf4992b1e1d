/*
 * oleaut/numparse.c — VarParseNumFromStr and VarNumFromParseNum: the two
 * halves of every string-to-number conversion in automation.
 *
 * VarParseNumFromStr only recognises: it walks the text once, in the
 * locale's conventions, and writes the significant decimal (or hex/octal)
 * digits with a power of ten, a sign and flags saying what it met.
 * VarNumFromParseNum turns that into a VARIANT of the smallest type the
 * caller allows that holds the value: floats the way the reference
 * computes them (not correctly rounded, reproduced bit for bit), the
 * integer, CY and DECIMAL targets with exact integer arithmetic (no binary
 * floating-point detour) and banker's rounding where digits must go.
 *
 * Behaviour follows Windows as observed through the Wine oracle, quirks
 * included (the scanner is loose about separators, a too small digit
 * buffer gives the reference's nPwr10); the choices that are ours (exact
 * CY rounding, valid DECIMAL scales, rounding instead of overflow for long
 * DECIMAL mantissas) are marked where they are made and listed in
 * tests/golden/DEVIATIONS.md.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "base/base_internal.h"
#include "oleaut/locale.h"
#include "oleaut/oleaut_internal.h"

typedef comrt__u128 u128_t;

#define B_I (VTBIT_I1 | VTBIT_UI1 | VTBIT_I2 | VTBIT_UI2 | VTBIT_I4 | VTBIT_UI4 | VTBIT_I8 | VTBIT_UI8)
#define B_NONINT (VTBIT_R4 | VTBIT_R8 | VTBIT_CY | VTBIT_DECIMAL)

/* Exponents beyond this cannot change the outcome (every target over- or
 * underflows long before), so the parser clamps there to stay in int. */
#define EXP_CLAMP 1000000000

BOOL comrt__text_is_space(WCHAR c)
{
    /* the Unicode space characters, as iswspace knows them on Windows */
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0) return TRUE;
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

/* Whether the locale string tok starts at s (tok non-empty).  Returns its
 * length, or 0.  A no-break-space separator also matches a plain space,
 * which is what people type. */
static size_t match_token(const WCHAR *s, const WCHAR *tok)
{
    size_t n = 0;
    if (!tok || !*tok) return 0;
    for (; tok[n]; n++) {
        WCHAR a = s[n], b = tok[n];
        if (a == b) continue;
        if (b == 0xA0 && a == ' ') continue;
        return 0;
    }
    return n;
}

static int hex_value(WCHAR c, int base_shift)
{
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0 || v >= (1 << base_shift)) return -1;
    return v;
}

/* The digit collector: keeps significant digits, defers trailing zeros
 * (they become a power of ten), drops what does not fit (INEXACT).
 *
 * When the buffer is too small the reference's nPwr10 follows a rule of
 * its own, reproduced here: a dropped digit of the integer part raises the
 * power by one, but every digit after the decimal point lowers it, whether
 * it was kept or not.  So "1.5" in a one-digit buffer is 1 x 10^-1, not
 * 1 x 10^0 (the digits no longer say the number; that is how the
 * reference answers, and Windows is not known to differ). */
typedef struct {
    BYTE *dig;
    int cap, n;   /* buffer size, digits stored */
    int zeros;    /* zeros seen after the last stored non-zero digit */
    int int_zeros; /* how many of them belong to the integer part */
    int pwr;
    BOOL any;     /* a digit (even a leading zero) was seen */
    BOOL grouped; /* a group separator was seen */
    BOOL inexact;
} digits_t;

static void put_digit(digits_t *d, int v, BOOL fraction)
{
    d->any = TRUE;
    if (fraction && d->pwr > -EXP_CLAMP) d->pwr--;
    if (v == 0) {
        /* after a group separator even leading zeros are digits
         * (de-DE "0.000100" is 0001 x 10^2, as on the reference) */
        if (d->n > 0 || d->grouped) {
            d->zeros++;
            if (!fraction) d->int_zeros++;
        }
        return;
    }
    /* A non-zero digit: the deferred zeros become real digits first.  An
     * integer digit that does not fit stands for a factor of ten instead;
     * a fraction digit that does not fit is just lost (see above). */
    for (; d->zeros > 0; d->zeros--) {
        if (d->n < d->cap) d->dig[d->n++] = 0;
        else if (d->int_zeros > 0) d->pwr++;
        if (d->int_zeros > 0) d->int_zeros--;
    }
    if (d->n < d->cap) d->dig[d->n++] = (BYTE)v;
    else {
        if (!fraction) d->pwr++;
        d->inexact = TRUE;
    }
}

HRESULT VarParseNumFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, NUMPARSE *pnumprs, BYTE *rgbDig)
{
    const comrt__locale *loc;
    const WCHAR *s;
    ULONG in, out = 0;
    BOOL cur = FALSE, parens = FALSE;
    int base = 0;
    digits_t d;
    size_t k;
    HRESULT hr = DISP_E_TYPEMISMATCH;

    (void)dwFlags; /* LOCALE_NOUSEROVERRIDE: comrt has no user overrides */
    if (!strIn || !pnumprs || !rgbDig) return E_INVALIDARG;
    loc = comrt__locale_get(lcid);
    in = pnumprs->dwInFlags;
    s = strIn;
    d.dig = rgbDig;
    d.cap = pnumprs->cDig > 0 ? pnumprs->cDig : 0;
    d.n = d.zeros = d.int_zeros = d.pwr = 0;
    d.any = d.inexact = d.grouped = FALSE;

    /* Leading part: white space, one sign, a currency symbol, an opening
     * parenthesis, in any order; then possibly &H / &O. */
    for (;;) {
        if ((in & NUMPRS_LEADING_WHITE) && comrt__text_is_space(*s)) {
            out |= NUMPRS_LEADING_WHITE;
            s++;
        } else if ((in & NUMPRS_LEADING_PLUS) && *s == '+' && !(out & NUMPRS_LEADING_PLUS)) {
            out |= NUMPRS_LEADING_PLUS;
            s++;
        } else if ((in & NUMPRS_LEADING_MINUS) && *s == '-' && !(out & NUMPRS_LEADING_MINUS)) {
            out |= NUMPRS_LEADING_MINUS | NUMPRS_NEG;
            s++;
        } else if ((in & NUMPRS_CURRENCY) && !cur && (k = match_token(s, loc->currency))) {
            cur = TRUE;
            out |= NUMPRS_CURRENCY;
            s += k;
        } else if ((in & NUMPRS_PARENS) && *s == '(' && !parens) {
            parens = TRUE;
            out |= NUMPRS_PARENS | NUMPRS_NEG;
            s++;
        } else
            break;
    }

    /* (not after a currency symbol: "$&H1" is no number) */
    if ((in & NUMPRS_HEX_OCT) && !cur && s[0] == '&' && (s[1] == 'H' || s[1] == 'h' || s[1] == 'O' || s[1] == 'o')) {
        int v;
        base = (s[1] == 'H' || s[1] == 'h') ? 4 : 3;
        out |= NUMPRS_HEX_OCT;
        s += 2;
        /* Hex and octal digits are a bit pattern: only leading zeros are
         * skipped, trailing zeros are digits.  A digit that does not fit
         * the buffer is dropped without a trace, except that the
         * reference refuses to drop one above 9 (A-F): DISP_E_OVERFLOW. */
        while ((v = hex_value(*s, base)) >= 0) {
            d.any = TRUE;
            if (d.n == 0 && v == 0) {
                /* leading zero */
            } else if (d.n < d.cap) {
                d.dig[d.n++] = (BYTE)v;
            } else if (v > 9) {
                hr = DISP_E_OVERFLOW;
                goto out;
            }
            s++;
        }
        d.inexact = FALSE;
        d.zeros = 0;
        d.pwr = 0;
    } else {
        BOOL point = FALSE, expo = FALSE;
        for (;;) {
            for (;;) {
                if (*s >= '0' && *s <= '9') {
                    put_digit(&d, *s - '0', point);
                    s++;
                } else if ((in & NUMPRS_DECIMAL) && !point && !expo && (k = match_token(s, loc->decimal))) {
                    point = TRUE;
                    out |= NUMPRS_DECIMAL;
                    s += k;
                } else if ((in & NUMPRS_THOUSANDS) && (d.any || point) && (k = match_token(s, loc->thousand))) {
                    /* Windows takes group separators anywhere after the
                     * first digit, even after the decimal point. */
                    out |= NUMPRS_THOUSANDS;
                    d.grouped = TRUE;
                    s += k;
                } else
                    break;
            }
            /* One exponent, not after a leading currency symbol ("$6e9" is
             * not a number on the reference).  The reference's scanner is
             * loose here and comrt follows it: group separators between
             * 'e' (or its sign) and the digits are skipped ("1e,5" is
             * 1e5), and one after the exponent's digits resumes the
             * mantissa ("1e3,5" is 15e3, "1.5e3,5" is 1.55e3). */
            if (!expo && (in & NUMPRS_EXPONENT) && !cur && (*s == 'e' || *s == 'E')) {
                const WCHAR *e = s + 1;
                BOOL eneg = FALSE;
                long ev = 0;
                for (;;) {
                    /* signs and separators in any number: one '-' makes
                     * it negative ("1e+-5", "1e-,5") */
                    if (*e == '+' || *e == '-') {
                        eneg |= *e++ == '-';
                    } else if ((in & NUMPRS_THOUSANDS) && (k = match_token(e, loc->thousand))) {
                        out |= NUMPRS_THOUSANDS;
                        e += k;
                    } else
                        break;
                }
                if (!(*e >= '0' && *e <= '9')) goto out; /* an 'e' that starts no exponent: no number */
                for (; *e >= '0' && *e <= '9'; e++)
                    if (ev < EXP_CLAMP) ev = ev * 10 + (*e - '0');
                if (ev > EXP_CLAMP) ev = EXP_CLAMP;
                d.pwr += (int)(eneg ? -ev : ev);
                if (d.pwr > EXP_CLAMP) d.pwr = EXP_CLAMP;
                if (d.pwr < -EXP_CLAMP) d.pwr = -EXP_CLAMP;
                out |= NUMPRS_EXPONENT;
                expo = TRUE;
                s = e;
                if ((in & NUMPRS_THOUSANDS) && (k = match_token(s, loc->thousand))) {
                    out |= NUMPRS_THOUSANDS;
                    d.grouped = TRUE;
                    s += k;
                    continue;
                }
            }
            break;
        }
        /* A zero written with group separators ("0,000") keeps its zeros
         * as digits: when they fit, one stays and the others become a
         * power of ten (0 x 10^2), as on the reference ("0.0" in de-DE is
         * plain 0). */
        if (d.n == 0 && d.zeros > 0 && d.zeros <= d.cap) {
            d.dig[d.n++] = 0;
            d.zeros--;
            if (d.int_zeros > 0) d.int_zeros--;
        }
        /* Trailing zeros become a power of ten, unless they do not all
         * fit: then the reference fills the buffer with them, and of the
         * rest only the integer ones count (as for other dropped digits). */
        if (d.n + d.zeros > d.cap) {
            while (d.zeros > 0 && d.n < d.cap) {
                d.dig[d.n++] = 0;
                d.zeros--;
                if (d.int_zeros > 0) d.int_zeros--;
            }
            d.pwr += d.int_zeros;
        } else
            d.pwr += d.zeros;
        d.zeros = d.int_zeros = 0;
    }
    if (!d.any) goto out;
    if (d.n == 0) {
        /* zero: one digit; a fraction's zeros stay in the power, as on
         * Windows ("0.0" is 0 x 10^-1) */
        if (d.cap > 0) d.dig[d.n++] = 0;
        if (base) d.pwr = 0;
    }

    /* Trailing part: white space, signs, the currency
     * symbol, the closing parenthesis. */
    for (;;) {
        /* group separators are skipped after a decimal number too ("1+,",
         * "(1),", fr-FR "1+ "), as on the reference */
        if ((in & NUMPRS_THOUSANDS) && !base && (k = match_token(s, loc->thousand))) {
            out |= NUMPRS_THOUSANDS;
            s += k;
            continue;
        }
        /* a space that is the locale's group separator (fr-FR) is not
         * trailing white space: without NUMPRS_THOUSANDS the number ends
         * before it */
        if (match_token(s, loc->thousand) && comrt__text_is_space(*s)) break;
        if ((in & NUMPRS_TRAILING_WHITE) && comrt__text_is_space(*s)) {
            out |= NUMPRS_TRAILING_WHITE;
            s++;
        } else if ((in & NUMPRS_TRAILING_PLUS) && *s == '+' && !(out & NUMPRS_LEADING_PLUS)) {
            /* a trailing sign may repeat or follow the other one ("1+-",
             * "1--"); it may not repeat the leading sign ("-1-"), as on
             * the reference */
            out |= NUMPRS_TRAILING_PLUS;
            s++;
        } else if ((in & NUMPRS_TRAILING_MINUS) && *s == '-' && !(out & NUMPRS_LEADING_MINUS)) {
            out |= NUMPRS_TRAILING_MINUS | NUMPRS_NEG;
            s++;
        } else if ((in & NUMPRS_CURRENCY) && !base && (k = match_token(s, loc->currency))) {
            /* after the digits the symbol may come even after a leading
             * one, and repeat ("$1$$"); never after &H/&O digits */
            out |= NUMPRS_CURRENCY;
            s += k;
        } else if (parens && *s == ')') {
            parens = FALSE;
            s++;
        } else
            break;
    }
    /* "(1" is not a number, but a minus before or after may stand for
     * the closing parenthesis ("(1-", "(-1", "-(1"), as on the reference */
    if (parens && !(out & (NUMPRS_TRAILING_MINUS | NUMPRS_LEADING_MINUS))) goto out;
    if ((in & NUMPRS_USE_ALL) && *s) goto out;
    if (d.inexact) out |= NUMPRS_INEXACT;

    pnumprs->cDig = d.n;
    pnumprs->dwOutFlags = out;
    pnumprs->cchUsed = (INT)(s - strIn);
    pnumprs->nBaseShift = base;
    pnumprs->nPwr10 = base ? 0 : d.pwr;
    hr = S_OK;
out:
    return hr;
}

/* ---- VarNumFromParseNum ------------------------------------------------- */

/* A parsed decimal number: dig[0..n) x 10^pwr, sticky = digits were
 * dropped beyond dig (they count as "a little more" when rounding). */
typedef struct {
    const BYTE *dig;
    int n, pwr;
    BOOL neg, sticky;
} num_t;

/* Rounds num x 10^shift to an integer, banker's rounding (ties to even),
 * into *mag (magnitude).  FALSE if the magnitude does not fit 128 bits
 * with room (more than 38 digits). */
static BOOL num_to_int(const num_t *x, int shift, u128_t *mag)
{
    long p = (long)x->pwr + shift;
    long intdig = x->n + p; /* digits left of the point */
    u128_t m = 0;
    BOOL up = FALSE;

    if (intdig > 38) return FALSE;
    for (long i = 0; i < intdig; i++) m = m * 10 + (i < x->n ? x->dig[i] : 0);
    if (p < 0) {
        /* the first dropped digit decides, later ones break the tie */
        long first = intdig; /* index of the first fraction digit */
        int rd = (first >= 0 && first < x->n) ? x->dig[first] : 0;
        BOOL rest = x->sticky;
        for (long i = (first < 0 ? 0 : first + 1); i < x->n && !rest; i++)
            if (x->dig[i]) rest = TRUE;
        if (first < 0) {
            /* every digit is below the rounding position: less than half */
            rd = 0;
        }
        if (rd > 5 || (rd == 5 && (rest || (m & 1)))) up = TRUE;
    }
    if (up) m++;
    *mag = m;
    return TRUE;
}

/* Whether the number is written without decimals.  Windows goes by the
 * power alone, so "0.0" counts as a fraction and picks a float type. */
static BOOL num_is_integral(const num_t *x)
{
    return x->pwr >= 0;
}

/* The number as a double, computed the way the reference does it (worked
 * out from thousands of its answers; Windows' own algorithm is not
 * documented and is not correctly rounded either): the digits are
 * accumulated in a double, then the power of ten is applied in steps of at
 * most 10^10 (the full steps first, the remainder last), each step one
 * double multiplication or division.  Before a division the value is
 * compared with the smallest denormal times the divisor: below it the
 * number underflows to zero (so 4e-324 is 0 although it would round to the
 * smallest denormal).  After a multiplication a value above R8_LIMIT
 * overflows.  Only the power of ten is checked: a few hundred digits
 * without an exponent accumulate to an infinity, which is returned as is.
 * The sign is applied last (-1e-400 is -0.0). */
#define R8_LIMIT 1.797693134862315e308 /* a few units below DBL_MAX */
#define R4_LIMIT 3.402823567797336e38  /* FLT_MAX plus half a unit, about */

static const double pow10_steps[11] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10 };

static HRESULT num_to_r8(const num_t *x, double *out)
{
    double v = 0.0;
    long p = x->pwr, q = p < 0 ? -p : p;
    HRESULT hr = S_OK;

    for (int i = 0; i < x->n; i++) v = v * 10.0 + x->dig[i];
    while (q > 0 && v != 0.0) {
        int k = q > 10 ? 10 : (int)q;
        q -= k;
        if (p > 0) {
            v *= pow10_steps[k];
            if (v > R8_LIMIT) {
                hr = DISP_E_OVERFLOW;
                goto out;
            }
        } else {
            if (isinf(v)) break; /* stays infinite */
            if (v < DBL_TRUE_MIN * pow10_steps[k]) v = 0.0;
            else v /= pow10_steps[k];
        }
    }
    *out = x->neg ? -v : v;
out:
    return hr;
}

/* The double as a float: refused (overflow) outside FLOAT's range, and
 * also when it is non-zero but below FLOAT's smallest denormal, where the
 * reference does not round to zero. */
static BOOL r8_fits_r4(double r)
{
    double a = fabs(r);
    return a <= R4_LIMIT && (a == 0.0 || a >= FLT_TRUE_MIN);
}

/* DECIMAL from the number: as many digits as fit 96 bits at scale <= 28,
 * banker's rounding of the rest.  (Wine keeps scales above 28 for tiny
 * numbers, which is not a valid DECIMAL; Windows rounds.) */
static HRESULT num_to_dec(const num_t *x, DECIMAL *out)
{
    const u128_t max96 = ((u128_t)1 << 96) - 1;
    int scale;
    u128_t m;

    if (x->pwr >= 0) {
        if (!num_to_int(x, 0, &m) || m > max96) return DISP_E_OVERFLOW;
        scale = 0;
    } else {
        long sc = -(long)x->pwr;
        if (sc > 28) sc = 28;
        for (;;) {
            if (num_to_int(x, (int)sc, &m) && m <= max96) break;
            if (sc == 0) return DISP_E_OVERFLOW;
            sc--;
        }
        scale = (int)sc;
    }
    out->wReserved = 0;
    out->scale = (BYTE)scale;
    out->sign = (x->neg && (m != 0 || scale != 0)) ? DECIMAL_NEG : 0;
    out->Hi32 = (ULONG)(m >> 64);
    out->Lo64 = (ULONGLONG)m;
    return S_OK;
}

/* The integer types in the order VarNumFromParseNum tries them, with the
 * range each holds. */
static const struct {
    VARTYPE vt;
    ULONG64 pos_max; /* largest positive magnitude */
    ULONG64 neg_max; /* largest negative magnitude */
} int_types[] = {
    { VT_I1, 0x7F, 0x80 },
    { VT_UI1, 0xFF, 0 },
    { VT_I2, 0x7FFF, 0x8000 },
    { VT_UI2, 0xFFFF, 0 },
    { VT_I4, 0x7FFFFFFF, 0x80000000u },
    { VT_UI4, 0xFFFFFFFFu, 0 },
    { VT_I8, 0x7FFFFFFFFFFFFFFFull, 0x8000000000000000ull },
    { VT_UI8, 0xFFFFFFFFFFFFFFFFull, 0 },
};

static void set_int(VARIANT *v, VARTYPE vt, ULONG64 mag, BOOL neg)
{
    ULONG64 u = neg ? (ULONG64)0 - mag : mag;
    V_VT(v) = vt;
    switch (vt) {
    case VT_I1: V_I1(v) = (CHAR)(signed char)(BYTE)u; break;
    case VT_UI1: V_UI1(v) = (BYTE)u; break;
    case VT_I2: V_I2(v) = (SHORT)(USHORT)u; break;
    case VT_UI2: V_UI2(v) = (USHORT)u; break;
    case VT_I4: V_I4(v) = (LONG)(ULONG)u; break;
    case VT_UI4: V_UI4(v) = (ULONG)u; break;
    case VT_I8: V_I8(v) = (LONG64)u; break;
    default: V_UI8(v) = u; break;
    }
}

/* &H / &O numbers: a bit pattern, so a value that fills a signed type's
 * width reads as negative in it ("&HFFFF" is -1 as I2), as in VB. */
static HRESULT from_hex(const NUMPARSE *np, const BYTE *dig, ULONG bits, VARIANT *v)
{
    ULONG64 u = 0, lim = ~(ULONG64)0 >> np->nBaseShift;
    static const ULONG64 width[] = { 0xFF, 0xFF, 0xFFFF, 0xFFFF, 0xFFFFFFFFu, 0xFFFFFFFFu,
                                     ~(ULONG64)0, ~(ULONG64)0 };

    for (int i = 0; i < np->cDig; i++) {
        /* the same conservative limit as Windows: the top pattern of a
         * full 64-bit value is refused */
        if (u > lim - dig[i]) return DISP_E_OVERFLOW;
        u = (u << np->nBaseShift) + dig[i];
    }
    for (size_t i = 0; i < sizeof int_types / sizeof int_types[0]; i++) {
        VARTYPE vt = int_types[i].vt;
        ULONG64 max = int_types[i].neg_max ? width[i] : int_types[i].pos_max;
        if (!(bits & (1u << vt))) continue;
        if (vt == VT_I1 && u > 0x7F && u <= 0xFF) max = 0xFF;
        if (u <= max) {
            set_int(v, vt, u, FALSE);
            return S_OK;
        }
    }
    if (bits & (VTBIT_R4 | VTBIT_R8)) {
        /* read as a 32-bit pattern: &H80000000 is -2147483648 */
        double r;
        if (u > 0x80000000u) return DISP_E_OVERFLOW;
        r = (double)(LONG)(ULONG)u;
        if (bits & VTBIT_R4) {
            V_VT(v) = VT_R4;
            V_R4(v) = (FLOAT)r;
        } else {
            V_VT(v) = VT_R8;
            V_R8(v) = r;
        }
        return S_OK;
    }
    if (bits & VTBIT_DECIMAL) {
        DECIMAL *d = &V_DECIMAL(v);
        d->wReserved = 0;
        d->signscale = 0;
        d->Hi32 = 0;
        d->Lo64 = u;
        V_VT(v) = VT_DECIMAL;
        return S_OK;
    }
    /* Windows refuses &H for currency altogether */
    return DISP_E_OVERFLOW;
}

HRESULT VarNumFromParseNum(NUMPARSE *pnumprs, BYTE *rgbDig, ULONG dwVtBits, VARIANT *pvar)
{
    num_t x;
    VARIANT v;
    u128_t mag;
    HRESULT hr = DISP_E_OVERFLOW;

    if (!pnumprs || !rgbDig || !pvar) return E_INVALIDARG;
    if (pnumprs->cDig < 0) return E_INVALIDARG;
    for (int i = 0; i < pnumprs->cDig; i++)
        if (rgbDig[i] > (pnumprs->nBaseShift ? 15 : 9)) return E_INVALIDARG;
    V_VT(&v) = VT_EMPTY;

    if (pnumprs->nBaseShift) {
        if (pnumprs->nBaseShift != 3 && pnumprs->nBaseShift != 4) return E_INVALIDARG;
        hr = from_hex(pnumprs, rgbDig, dwVtBits, &v);
        goto out;
    }

    x.dig = rgbDig;
    x.n = pnumprs->cDig;
    x.pwr = pnumprs->nPwr10;
    x.neg = (pnumprs->dwOutFlags & NUMPRS_NEG) != 0;
    x.sticky = (pnumprs->dwOutFlags & NUMPRS_INEXACT) != 0;
    /* leading zeros (kept after group separators) carry no value */
    while (x.n > 1 && x.dig[0] == 0) {
        x.dig++;
        x.n--;
    }

    /* Integers first — unless the number has a fraction and the caller
     * also takes a type that keeps it. */
    if ((dwVtBits & B_I) && (num_is_integral(&x) || !(dwVtBits & B_NONINT))) {
        if (num_to_int(&x, 0, &mag) && (mag >> 64) == 0) {
            for (size_t i = 0; i < sizeof int_types / sizeof int_types[0]; i++) {
                ULONG64 m = (ULONG64)mag;
                if (!(dwVtBits & (1u << int_types[i].vt))) continue;
                if (m <= (x.neg ? int_types[i].neg_max : int_types[i].pos_max) || m == 0) {
                    set_int(&v, int_types[i].vt, m, x.neg);
                    hr = S_OK;
                    goto out;
                }
            }
        }
    }
    if (dwVtBits & (VTBIT_R4 | VTBIT_R8)) {
        double r;
        if (num_to_r8(&x, &r) == S_OK) {
            if ((dwVtBits & VTBIT_R4) && r8_fits_r4(r)) {
                V_VT(&v) = VT_R4;
                V_R4(&v) = (FLOAT)r;
                hr = S_OK;
                goto out;
            }
            if (dwVtBits & VTBIT_R8) {
                V_VT(&v) = VT_R8;
                V_R8(&v) = r;
                hr = S_OK;
                goto out;
            }
        }
    }
    if (dwVtBits & VTBIT_CY) {
        /* exact: value x 10^4, ties to even (Wine goes through a double) */
        if (num_to_int(&x, 4, &mag) && mag <= (x.neg ? (u128_t)1 << 63 : ((u128_t)1 << 63) - 1)) {
            V_VT(&v) = VT_CY;
            V_CY(&v).int64 = x.neg ? (LONG64)((ULONG64)0 - (ULONG64)mag) : (LONG64)mag;
            hr = S_OK;
            goto out;
        }
    }
    if (dwVtBits & VTBIT_DECIMAL) {
        DECIMAL dec;
        if (num_to_dec(&x, &dec) == S_OK) {
            V_VT(&v) = VT_DECIMAL;
            V_DECIMAL(&v) = dec;
            V_DECIMAL(&v).wReserved = VT_DECIMAL;
            hr = S_OK;
            goto out;
        }
    }
out:
    if (hr == S_OK) *pvar = v;
    return hr;
}
