/*
 * oleaut/decimal.c — DECIMAL: the 96-bit scaled integer, its arithmetic
 * (VarDecAdd/Sub/Mul/Div/Abs/Fix/Int/Neg/Round/Cmp/CmpR8) and the helpers the
 * conversions share (rounding to an integer or to CY, to and from double).
 *
 * Arithmetic runs on a little-endian array of 32-bit limbs wide enough for a
 * 96 x 96-bit product or a 96-bit value scaled by 10^28, so every operation
 * computes the exact result first and rounds once, half to even, the way
 * oleaut32 does.
 */
#include <math.h>
#include <string.h>

#include "oleaut/oleaut_internal.h"

#define WIDE_LIMBS 8

typedef struct {
    uint32_t w[WIDE_LIMBS];
} wide;

static void wide_from_dec(wide *x, const DECIMAL *d)
{
    memset(x, 0, sizeof *x);
    x->w[0] = (uint32_t)d->Lo64;
    x->w[1] = (uint32_t)(d->Lo64 >> 32);
    x->w[2] = d->Hi32;
}

static void wide_from_u128(wide *x, comrt__u128 v)
{
    memset(x, 0, sizeof *x);
    for (int i = 0; i < 4; i++) x->w[i] = (uint32_t)(v >> (32 * i));
}

static int wide_is_zero(const wide *x)
{
    for (int i = 0; i < WIDE_LIMBS; i++)
        if (x->w[i]) return 0;
    return 1;
}

static int wide_fits96(const wide *x)
{
    for (int i = 3; i < WIDE_LIMBS; i++)
        if (x->w[i]) return 0;
    return 1;
}

static int wide_cmp(const wide *a, const wide *b)
{
    for (int i = WIDE_LIMBS - 1; i >= 0; i--)
        if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* x *= m; returns the carry out of the top limb (0 when nothing was lost). */
static uint32_t wide_mul_small(wide *x, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < WIDE_LIMBS; i++) {
        uint64_t t = (uint64_t)x->w[i] * m + carry;
        x->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    return (uint32_t)carry;
}

/* x /= d; returns the remainder. */
static uint32_t wide_div_small(wide *x, uint32_t d)
{
    uint64_t rem = 0;
    for (int i = WIDE_LIMBS - 1; i >= 0; i--) {
        uint64_t t = (rem << 32) | x->w[i];
        x->w[i] = (uint32_t)(t / d);
        rem = t % d;
    }
    return (uint32_t)rem;
}

static void wide_add(wide *a, const wide *b)
{
    uint64_t carry = 0;
    for (int i = 0; i < WIDE_LIMBS; i++) {
        uint64_t t = (uint64_t)a->w[i] + b->w[i] + carry;
        a->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
}

/* a -= b; requires a >= b. */
static void wide_sub(wide *a, const wide *b)
{
    int64_t borrow = 0;
    for (int i = 0; i < WIDE_LIMBS; i++) {
        int64_t t = (int64_t)a->w[i] - b->w[i] - borrow;
        borrow = t < 0;
        a->w[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
}

static void wide_mul(wide *r, const wide *a, const wide *b)
{
    wide out;
    memset(&out, 0, sizeof out);
    for (int i = 0; i < WIDE_LIMBS; i++) {
        uint64_t carry = 0;
        if (!a->w[i]) continue;
        for (int j = 0; i + j < WIDE_LIMBS; j++) {
            uint64_t t = (uint64_t)a->w[i] * b->w[j] + out.w[i + j] + carry;
            out.w[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
    }
    *r = out;
}

static int wide_bit(const wide *x, int bit) { return (x->w[bit / 32] >> (bit % 32)) & 1; }

/* q = n / d, r = n % d by shift-and-subtract; d must not be zero. */
static void wide_divmod(const wide *n, const wide *d, wide *q, wide *r)
{
    wide quo, rem;
    memset(&quo, 0, sizeof quo);
    memset(&rem, 0, sizeof rem);
    for (int bit = WIDE_LIMBS * 32 - 1; bit >= 0; bit--) {
        /* rem = rem << 1 | bit */
        for (int i = WIDE_LIMBS - 1; i > 0; i--) rem.w[i] = (rem.w[i] << 1) | (rem.w[i - 1] >> 31);
        rem.w[0] = (rem.w[0] << 1) | (uint32_t)wide_bit(n, bit);
        if (wide_cmp(&rem, d) >= 0) {
            wide_sub(&rem, d);
            quo.w[bit / 32] |= 1u << (bit % 32);
        }
    }
    *q = quo;
    *r = rem;
}

/* Adds one to x. */
static void wide_inc(wide *x)
{
    for (int i = 0; i < WIDE_LIMBS; i++)
        if (++x->w[i]) break;
}

/* Divides x by 10 `count` times and rounds the result half to even
 * (the half judged on all the digits removed, not only the last). */
static void wide_drop_digits(wide *x, int count)
{
    uint32_t last = 0;
    int sticky = 0;
    for (int i = 0; i < count; i++) {
        if (last) sticky = 1;
        last = wide_div_small(x, 10);
    }
    if (count > 0 && (last > 5 || (last == 5 && (sticky || (x->w[0] & 1))))) wide_inc(x);
}

/* Fits the exact magnitude x at scale `scale` (which may exceed 28) into a
 * DECIMAL: drops digits, rounding half to even, until it has at most 96 bits
 * and a scale of at most 28.  DISP_E_OVERFLOW when the integer part alone
 * needs more than 96 bits.  The sign is kept even on a zero result: which
 * zero results are negative is each operation's business. */
static HRESULT wide_to_dec(wide x, int scale, BOOL neg, DECIMAL *out)
{
    int drop = 0;

    if (scale > 28) drop = scale - 28;
    /* Count how many digits must go for the value to fit, on a copy, so the
     * final rounding happens once on the exact value. */
    for (;;) {
        wide t = x;
        wide_drop_digits(&t, drop);
        if (wide_fits96(&t)) {
            x = t;
            break;
        }
        drop++;
        if (drop > scale) return DISP_E_OVERFLOW;
    }
    scale -= drop;
    if (scale < 0) return DISP_E_OVERFLOW;
    out->wReserved = 0;
    out->Lo64 = (ULONGLONG)x.w[0] | ((ULONGLONG)x.w[1] << 32);
    out->Hi32 = x.w[2];
    out->scale = (BYTE)scale;
    out->sign = neg ? DECIMAL_NEG : 0;
    return S_OK;
}

/* ---- helpers shared with the conversions -------------------------------- */

HRESULT comrt__dec_check(const DECIMAL *d)
{
    if (!d || d->scale > 28 || (d->sign & ~DECIMAL_NEG)) return E_INVALIDARG;
    return S_OK;
}

comrt__u128 comrt__dec_mag(const DECIMAL *d)
{
    return ((comrt__u128)d->Hi32 << 64) | d->Lo64;
}

void comrt__dec_set(DECIMAL *d, comrt__u128 mag, int scale, BOOL neg)
{
    d->wReserved = 0;
    d->Lo64 = (ULONGLONG)mag;
    d->Hi32 = (ULONG)(mag >> 64);
    d->scale = (BYTE)scale;
    d->sign = neg ? DECIMAL_NEG : 0;
}

/* Rounds a validated decimal to `places` decimals (half to even) and returns
 * the magnitude of value * 10^places; it always fits 128 bits. */
static comrt__u128 dec_scaled_mag(const DECIMAL *d, int places)
{
    wide x;
    comrt__u128 v = 0;
    wide_from_dec(&x, d);
    if (d->scale > places) {
        wide_drop_digits(&x, d->scale - places);
    } else {
        for (int i = d->scale; i < places; i++) wide_mul_small(&x, 10);
    }
    for (int i = 3; i >= 0; i--) v = (v << 32) | x.w[i];
    return v;
}

HRESULT comrt__dec_to_int(const DECIMAL *d, comrt__i128 *out)
{
    HRESULT hr = comrt__dec_check(d);
    if (SUCCEEDED(hr)) {
        comrt__u128 m = dec_scaled_mag(d, 0);
        *out = (d->sign & DECIMAL_NEG) ? -(comrt__i128)m : (comrt__i128)m;
    }
    return hr;
}

HRESULT comrt__dec_to_cy(const DECIMAL *d, CY *out)
{
    HRESULT hr = comrt__dec_check(d);
    if (SUCCEEDED(hr)) {
        comrt__u128 m;
        if (d->scale < 4 && d->Hi32 > 0x10000) {
            hr = DISP_E_OVERFLOW; /* far beyond CY; avoid scaling past 128 bits */
        } else {
            m = dec_scaled_mag(d, 4);
            if (d->sign & DECIMAL_NEG) {
                if (m > (comrt__u128)1 << 63) hr = DISP_E_OVERFLOW;
                else out->int64 = (LONGLONG)(0 - (ULONGLONG)m);
            } else {
                if (m > (comrt__u128)INT64_MAX) hr = DISP_E_OVERFLOW;
                else out->int64 = (LONGLONG)m;
            }
        }
    }
    return hr;
}

/* Powers of ten that doubles hold exactly. */
static const double pow10_dbl[] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                                    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
                                    1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28 };

/* As oleaut32 does it: the 96-bit integer to double, then one division by
 * the power of ten. */
double comrt__dec_to_r8(const DECIMAL *d)
{
    double v = ((double)d->Lo64 + (double)d->Hi32 * 18446744073709551616.0) / pow10_dbl[d->scale > 28 ? 28 : d->scale];
    return (d->sign & DECIMAL_NEG) ? -v : v;
}

/* oleaut32's double -> DECIMAL: the value is first rounded to `digits`
 * significant decimal digits (15 for R8, 7 for R4: what those types hold
 * reliably), so 0.1 becomes 0.1 and not 0.1000000000000000055511151231257827.
 * The digit count comes from the binary exponent, as Windows does it, so a
 * value just under a power of ten may keep one digit more. */
HRESULT comrt__dec_from_dbl(double in, int digits, DECIMAL *out)
{
    HRESULT hr = S_OK;
    double dbl = fabs(in);
    int bexp, power;
    uint64_t mant;
    wide x;
    double limit = pow10_dbl[digits], lower = pow10_dbl[digits - 1];

    if (!isfinite(in)) return DISP_E_OVERFLOW; /* oleaut32: exponent 0x7FF is past 2^96 */
    if (dbl == 0.0) {
        comrt__dec_set(out, 0, 0, FALSE);
        return S_OK;
    }
    (void)frexp(dbl, &bexp); /* dbl = f * 2^bexp, 0.5 <= f < 1 */
    if (bexp < -94) {
        comrt__dec_set(out, 0, 0, FALSE);
        return S_OK;
    }
    if (bexp > 96) return DISP_E_OVERFLOW;

    /* digits-1 minus an estimate of floor(log10(dbl)) (log10(2) ~ 19728/65536). */
    power = (digits - 1) - ((bexp * 19728) >> 16);
    if (power >= 0) {
        if (power > 28) power = 28;
        dbl *= pow10_dbl[power];
    } else if (power != -1 || dbl >= limit) {
        dbl /= pow10_dbl[-power];
    } else {
        power = 0;
    }
    if (dbl < lower && power < 28) {
        dbl *= 10;
        power++;
    }
    mant = (uint64_t)nearbyint(dbl); /* half to even in the default mode */
    if (mant == 0) {
        comrt__dec_set(out, 0, 0, FALSE);
        return S_OK;
    }
    wide_from_u128(&x, mant);
    if (power < 0) {
        for (int i = 0; i < -power; i++) wide_mul_small(&x, 10);
        if (!wide_fits96(&x)) return DISP_E_OVERFLOW;
        power = 0;
    } else {
        /* Drop the trailing zeros the scaling introduced. */
        while (power > 0) {
            wide t = x;
            if (wide_div_small(&t, 10)) break;
            x = t;
            power--;
        }
    }
    hr = wide_to_dec(x, power, in < 0, out);
    return hr;
}

/* ---- arithmetic ----------------------------------------------------------- */

static int dec_neg(const DECIMAL *d) { return (d->sign & DECIMAL_NEG) != 0; }

/* a + b, or a - b when `negate_b`, the way oleaut32's VarDecAdd/VarDecSub
 * compute it (coreclr src/palrt/decarith.cpp, DecAddSub, is a port):
 *  - the operand with the smaller scale is multiplied up to the larger
 *    scale, exactly; the result takes the larger scale;
 *  - the result sign starts as the (effective) sign of the operand with the
 *    smaller scale (the left one when the scales are equal) and flips when
 *    the magnitudes subtract the other way round, so an exact zero keeps
 *    that sign: 1 + -1 = +0, 1.00 + -1 = -0.00, -1 - -1 = -0;
 *  - a result that fits in 96 bits is returned as it is, even at a scale
 *    above 28 (which only an invalid operand can bring); a wider one loses
 *    just enough digits, rounding half to even, to fit 96 bits and a scale
 *    of at most 28, and overflows when even scale 0 does not fit. */
static HRESULT dec_addsub(const DECIMAL *a, const DECIMAL *b, BOOL negate_b, DECIMAL *out)
{
    wide x, y;
    const DECIMAL *lo_scale = a, *hi_scale = b;
    BOOL sub = (dec_neg(a) ^ dec_neg(b) ^ (negate_b ? 1 : 0)) != 0;
    BOOL neg = dec_neg(a);
    int scale;

    if (a->scale > b->scale) {
        lo_scale = b;
        hi_scale = a;
        neg = dec_neg(b) ^ (negate_b ? 1 : 0); /* b's effective sign */
    }
    scale = hi_scale->scale;
    wide_from_dec(&x, lo_scale);
    wide_from_dec(&y, hi_scale);
    for (int i = lo_scale->scale; i < scale; i++) wide_mul_small(&x, 10);
    if (!sub) {
        wide_add(&x, &y);
    } else if (wide_cmp(&x, &y) >= 0) {
        wide_sub(&x, &y);
    } else {
        wide_sub(&y, &x);
        x = y;
        neg = !neg;
    }
    if (wide_fits96(&x)) {
        out->wReserved = 0;
        out->Lo64 = (ULONGLONG)x.w[0] | ((ULONGLONG)x.w[1] << 32);
        out->Hi32 = x.w[2];
        out->scale = (BYTE)scale;
        out->sign = neg ? DECIMAL_NEG : 0;
        return S_OK;
    }
    return wide_to_dec(x, scale, neg, out);
}

HRESULT VarDecAdd(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    DECIMAL r;
    if (!pdecLeft || !pdecRight || !pdecResult) goto out;
    hr = dec_addsub(pdecLeft, pdecRight, FALSE, &r);
    if (SUCCEEDED(hr)) *pdecResult = r;
out:
    return hr;
}

HRESULT VarDecSub(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    DECIMAL r;
    if (!pdecLeft || !pdecRight || !pdecResult) goto out;
    hr = dec_addsub(pdecLeft, pdecRight, TRUE, &r);
    if (SUCCEEDED(hr)) *pdecResult = r;
out:
    return hr;
}

HRESULT VarDecMul(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    wide x, y;
    DECIMAL r;
    int scale, small;
    if (!pdecLeft || !pdecRight || !pdecResult) goto out;
    wide_from_dec(&x, pdecLeft);
    wide_from_dec(&y, pdecRight);
    wide_mul(&x, &x, &y);
    scale = pdecLeft->scale + pdecRight->scale;
    /* oleaut32's product sign is the XOR of the signs, zero included, except
     * that a zero from a wide (>= 2^32) operand, or one scaled down by more
     * than 19 places, is a plain 0. */
    small = !(pdecLeft->Hi32 | (ULONG)(pdecLeft->Lo64 >> 32) | pdecRight->Hi32 | (ULONG)(pdecRight->Lo64 >> 32));
    if (wide_is_zero(&x) ? (!small || scale - 28 > 19) : (small && scale - 28 > 19)) {
        DECIMAL_SETZERO(r);
        hr = S_OK;
    } else {
        hr = wide_to_dec(x, scale, dec_neg(pdecLeft) != dec_neg(pdecRight), &r);
    }
    if (SUCCEEDED(hr)) *pdecResult = r;
out:
    return hr;
}

/* Division keeps as many digits as fit (up to scale 28), rounds the last one
 * half to even, then drops trailing zeros down to the smallest scale
 * (1.00 / 1 = 1, 1 / 4 = 0.25); the sign is the XOR of the signs, even for
 * a zero quotient, as oleaut32 does. */
HRESULT VarDecDiv(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    wide n, d, q, r, t, two_r;
    int scale, inexact;
    DECIMAL res;

    if (!pdecLeft || !pdecRight || !pdecResult) goto out;
    wide_from_dec(&n, pdecLeft);
    wide_from_dec(&d, pdecRight);
    if (wide_is_zero(&d)) {
        hr = DISP_E_DIVBYZERO;
        goto out;
    }
    scale = pdecLeft->scale - pdecRight->scale;
    wide_divmod(&n, &d, &q, &r);
    inexact = !wide_is_zero(&r);
    /* A negative scale: bring the quotient to scale 0. */
    while (scale < 0) {
        wide qq = q, rr = r, dq, dr;
        wide_mul_small(&qq, 10);
        wide_mul_small(&rr, 10);
        wide_divmod(&rr, &d, &dq, &dr);
        wide_add(&qq, &dq);
        if (!wide_fits96(&qq)) {
            hr = DISP_E_OVERFLOW;
            goto out;
        }
        q = qq;
        r = dr;
        scale++;
    }
    if (!wide_fits96(&q)) {
        hr = DISP_E_OVERFLOW;
        goto out;
    }
    /* More digits while they fit. */
    while (!wide_is_zero(&r) && scale < 28) {
        wide qq = q, rr = r, dq, dr;
        wide_mul_small(&qq, 10);
        wide_mul_small(&rr, 10);
        wide_divmod(&rr, &d, &dq, &dr);
        wide_add(&qq, &dq);
        if (!wide_fits96(&qq)) break;
        q = qq;
        r = dr;
        scale++;
    }
    if (!wide_is_zero(&r)) {
        int c;
        two_r = r;
        wide_mul_small(&two_r, 2);
        c = wide_cmp(&two_r, &d);
        if (c > 0 || (c == 0 && (q.w[0] & 1))) wide_inc(&q);
        if (!wide_fits96(&q)) {
            if (scale == 0) {
                hr = DISP_E_OVERFLOW;
                goto out;
            }
            wide_drop_digits(&q, 1);
            scale--;
        }
    }
    /* An inexact quotient drops the trailing zeros its extra digits brought
     * (1 / 4 = 0.25, not 0.2500000000000000000000000000); an exact one keeps
     * the natural scale, 1.00 / 1 = 1.00, as current oleaut32 does (Wine's
     * tests accept both for 4.50 / 0.9; .NET's port of the routine,
     * coreclr decimal.cpp DoDivide, unscales only "if we have a non-zero
     * remainder"). */
    while (inexact && scale > 0) {
        t = q;
        if (wide_div_small(&t, 10)) break;
        q = t;
        scale--;
    }
    hr = wide_to_dec(q, scale, dec_neg(pdecLeft) != dec_neg(pdecRight), &res);
    if (SUCCEEDED(hr)) *pdecResult = res;
out:
    return hr;
}

HRESULT VarDecAbs(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    if (!pdecIn || !pdecResult) goto out;
    *pdecResult = *pdecIn;
    pdecResult->sign &= (BYTE)~DECIMAL_NEG;
    hr = S_OK;
out:
    return hr;
}

HRESULT VarDecNeg(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    if (!pdecIn || !pdecResult) goto out;
    *pdecResult = *pdecIn;
    pdecResult->sign ^= DECIMAL_NEG;
    hr = S_OK;
out:
    return hr;
}

/* Integer part: toward zero (Fix) or toward minus infinity (Int). */
static HRESULT dec_trunc(const DECIMAL *in, BOOL floor_neg, DECIMAL *out)
{
    HRESULT hr = comrt__dec_check(in);
    wide x;
    int lost = 0;
    if (FAILED(hr)) return hr;
    wide_from_dec(&x, in);
    for (int i = 0; i < in->scale; i++)
        if (wide_div_small(&x, 10)) lost = 1;
    if (floor_neg && lost && dec_neg(in)) wide_inc(&x);
    return wide_to_dec(x, 0, dec_neg(in), out);
}

HRESULT VarDecFix(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    DECIMAL r;
    if (!pdecIn || !pdecResult) goto out;
    hr = dec_trunc(pdecIn, FALSE, &r);
    if (SUCCEEDED(hr)) *pdecResult = r;
out:
    return hr;
}

HRESULT VarDecInt(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    DECIMAL r;
    if (!pdecIn || !pdecResult) goto out;
    hr = dec_trunc(pdecIn, TRUE, &r);
    if (SUCCEEDED(hr)) *pdecResult = r;
out:
    return hr;
}

HRESULT VarDecRound(LPDECIMAL pdecIn, int cDecimals, LPDECIMAL pdecResult)
{
    HRESULT hr = E_INVALIDARG;
    DECIMAL r;
    wide x;
    if (!pdecIn || !pdecResult || cDecimals < 0) goto out;
    hr = comrt__dec_check(pdecIn);
    if (FAILED(hr)) goto out;
    if (cDecimals >= pdecIn->scale) {
        *pdecResult = *pdecIn;
        goto out;
    }
    wide_from_dec(&x, pdecIn);
    wide_drop_digits(&x, pdecIn->scale - cDecimals);
    hr = wide_to_dec(x, cDecimals, dec_neg(pdecIn), &r);
    if (SUCCEEDED(hr)) *pdecResult = r;
out:
    return hr;
}

/* Compares values, not representations: 1.0 equals 1 and -0 equals 0. */
HRESULT VarDecCmp(LPDECIMAL pdecLeft, LPDECIMAL pdecRight)
{
    HRESULT hr = E_INVALIDARG;
    wide x, y;
    int na, nb, c, scale;
    if (!pdecLeft || !pdecRight) goto out;
    wide_from_dec(&x, pdecLeft);
    wide_from_dec(&y, pdecRight);
    na = dec_neg(pdecLeft) && !wide_is_zero(&x);
    nb = dec_neg(pdecRight) && !wide_is_zero(&y);
    if (na != nb) {
        hr = na ? VARCMP_LT : VARCMP_GT;
        goto out;
    }
    scale = pdecLeft->scale > pdecRight->scale ? pdecLeft->scale : pdecRight->scale;
    for (int i = pdecLeft->scale; i < scale; i++) wide_mul_small(&x, 10);
    for (int i = pdecRight->scale; i < scale; i++) wide_mul_small(&y, 10);
    c = wide_cmp(&x, &y);
    if (na) c = -c;
    hr = c < 0 ? VARCMP_LT : c > 0 ? VARCMP_GT : VARCMP_EQ;
out:
    return hr;
}

HRESULT VarDecCmpR8(LPDECIMAL pdecLeft, double dblRight)
{
    DECIMAL r;
    HRESULT hr = comrt__dec_from_dbl(dblRight, 15, &r);
    if (SUCCEEDED(hr)) hr = VarDecCmp(pdecLeft, &r);
    return hr;
}
