/*
 * oleaut/varconv.c — the VarXxxFromYyy conversions between the numeric
 * automation types (UI1, I2, I4, I8, R4, R8, DATE, CY, BOOL, I1, UI2, UI4,
 * UI8, DECIMAL), with Windows' rules:
 *
 *  - floating point to integer rounds half to even, then range-checks
 *    (so -0.5 -> UI1 is 0, 255.5 -> UI1 overflows); CY rounds the same way
 *    at its fourth decimal; DECIMAL rounds half to even on its exact value;
 *  - anything out of range is DISP_E_OVERFLOW and leaves *pOut untouched;
 *  - BOOL is 0 / VARIANT_TRUE; any non-zero number becomes VARIANT_TRUE, and
 *    a BOOL converts to integers by plain truncation (TRUE -> UI1 is 255);
 *  - DATE from integers and R8 is limited to years 100..9999;
 *  - I8 keeps three oleaut32 quirks: a double must lie in [-2^62, 2^62),
 *    a DECIMAL's magnitude below 2^63, and a negative CY is truncated and
 *    then lowered by one.
 *
 * Every source is first lifted into a `num` (a 128-bit integer, a double,
 * a CY or a DECIMAL) and every target has one function that lowers a num:
 * 14 lowering functions instead of 182 hand-written conversions.  The
 * exported functions at the end are one line each.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "oleaut/oleaut_internal.h"

typedef enum { NUM_INT, NUM_BOOL, NUM_DBL, NUM_CY, NUM_DEC } num_kind;
typedef enum { SRC_R8, SRC_DATE, SRC_R4 } dbl_src;

typedef struct {
    num_kind kind;
    dbl_src dsrc;     /* which floating type a NUM_DBL came from */
    comrt__i128 i;    /* NUM_INT, NUM_BOOL */
    BOOL signed_src;  /* NUM_INT from a signed type */
    double d;         /* NUM_DBL */
    CY cy;            /* NUM_CY */
    DECIMAL dec;      /* NUM_DEC */
} num;

static num num_int(comrt__i128 v)
{
    num n;
    memset(&n, 0, sizeof n);
    n.kind = NUM_INT;
    n.i = v;
    return n;
}

static num num_sint(comrt__i128 v)
{
    num n = num_int(v);
    n.signed_src = TRUE;
    return n;
}

static num num_bool(VARIANT_BOOL v)
{
    num n = num_int(v);
    n.kind = NUM_BOOL;
    return n;
}

static num num_dbl(double v, dbl_src src)
{
    num n;
    memset(&n, 0, sizeof n);
    n.kind = NUM_DBL;
    n.dsrc = src;
    n.d = v;
    return n;
}

static num num_cy(CY v)
{
    num n;
    memset(&n, 0, sizeof n);
    n.kind = NUM_CY;
    n.cy = v;
    return n;
}

static num num_dec(const DECIMAL *v)
{
    num n;
    memset(&n, 0, sizeof n);
    n.kind = NUM_DEC;
    if (v) n.dec = *v;
    else n.dec.scale = 0xFF; /* rejected as invalid below */
    return n;
}

/* ---- lowering to integers ------------------------------------------------ */

/* The integer targets: bounds and what a NaN turns into (oleaut32 does not
 * reject NaN: its range test is false for NaN and the result is the value
 * its rounding produces, which is recorded here as observed). */
typedef struct {
    comrt__i128 lo, hi;
    comrt__i128 nan_value;
} int_range;

static const int_range R_UI1 = { 0, 255, 255 };
static const int_range R_I1 = { -128, 127, -1 };
static const int_range R_I2 = { -32768, 32767, -1 };
static const int_range R_UI2 = { 0, 65535, 65535 };
static const int_range R_I4 = { INT32_MIN, INT32_MAX, INT32_MAX };
static const int_range R_UI4 = { 0, UINT32_MAX, UINT32_MAX };
static const int_range R_I8 = { INT64_MIN, INT64_MAX, INT64_MAX };
static const int_range R_UI8 = { 0, UINT64_MAX, INT64_MAX };

/* CY / 10000 rounded half to even. */
static comrt__i128 cy_round_int(CY cy)
{
    LONGLONG q = cy.int64 / 10000, r = cy.int64 % 10000;
    LONGLONG ar = r < 0 ? -r : r;
    if (ar > 5000 || (ar == 5000 && (q & 1))) q += r < 0 ? -1 : 1;
    return q;
}

/* The value of n as an integer of `range`, or DISP_E_OVERFLOW / E_INVALIDARG
 * (BOOL sources never get here: LOWER_INT casts them). */
static HRESULT lower_int(num n, const int_range *range, comrt__i128 *out)
{
    HRESULT hr = S_OK;
    comrt__i128 v = 0;

    switch (n.kind) {
    case NUM_INT:
    case NUM_BOOL:
        v = n.i;
        break;
    case NUM_DBL:
        if (isnan(n.d)) {
            v = range->nan_value;
        } else if (range == &R_I8 && !(n.d >= -0x1p62 && n.d < 0x1p62)) {
            /* oleaut32 accepts only doubles that fit in 63 bits for I8
             * (Wine documents and mimics it): 2^62 and up overflow. */
            hr = DISP_E_OVERFLOW;
        } else {
            double r = nearbyint(n.d); /* the default rounding mode: half to even */
            if (!(r >= (double)range->lo && r < (double)range->hi + 1.0)) hr = DISP_E_OVERFLOW;
            else v = (comrt__i128)r;
        }
        break;
    case NUM_CY:
        v = cy_round_int(n.cy);
        /* A Win32 quirk kept for compatibility: VarI8FromCy truncates a
         * negative value and subtracts one (-1 -> -2, -0.5 -> -1), while
         * positive values round half to even (Wine's tests, passing on
         * Windows: VarI8FromCy(-1) == -2). */
        if (range == &R_I8 && n.cy.int64 < 0) v = (comrt__i128)(n.cy.int64 / 10000) - 1;
        break;
    case NUM_DEC:
        hr = comrt__dec_to_int(&n.dec, &v);
        /* I8 takes magnitudes below 2^63 only: -2^63 overflows too. */
        if (SUCCEEDED(hr) && range == &R_I8 && v == INT64_MIN) hr = DISP_E_OVERFLOW;
        /* UI8 refuses a negative integral DECIMAL, even -0, as oleaut32
         * does (-0.5 still rounds to 0). */
        if (SUCCEEDED(hr) && range == &R_UI8 && (n.dec.sign & DECIMAL_NEG) && n.dec.scale == 0)
            hr = DISP_E_OVERFLOW;
        break;
    }
    if (SUCCEEDED(hr) && (v < range->lo || v > range->hi)) hr = DISP_E_OVERFLOW;
    if (SUCCEEDED(hr)) *out = v;
    return hr;
}

/* A BOOL source is not range-checked: it converts as the C cast of the
 * SHORT does (VARIANT_TRUE -> UI1 is 255). */
#define LOWER_INT(name, T, R)                                                  \
    static HRESULT name(num n, T *pOut)                                       \
    {                                                                         \
        comrt__i128 v = 0;                                                    \
        HRESULT hr = E_INVALIDARG;                                            \
        if (pOut) {                                                           \
            if (n.kind == NUM_BOOL) {                                         \
                v = (SHORT)n.i;                                               \
                hr = S_OK;                                                    \
            } else {                                                          \
                hr = lower_int(n, &R, &v);                                    \
            }                                                                 \
            if (SUCCEEDED(hr)) *pOut = (T)v;                                  \
        }                                                                     \
        return hr;                                                            \
    }

LOWER_INT(to_ui1, BYTE, R_UI1)
LOWER_INT(to_i1, CHAR, R_I1)
LOWER_INT(to_i2, SHORT, R_I2)
LOWER_INT(to_ui2, USHORT, R_UI2)
LOWER_INT(to_i4, LONG, R_I4)
LOWER_INT(to_ui4, ULONG, R_UI4)
LOWER_INT(to_i8, LONG64, R_I8)
LOWER_INT(to_ui8, ULONG64, R_UI8)

/* ---- lowering to floating point ------------------------------------------ */

static HRESULT lower_dbl(num n, double *out)
{
    HRESULT hr = S_OK;
    switch (n.kind) {
    case NUM_INT:
    case NUM_BOOL:
        *out = (double)n.i;
        break;
    case NUM_DBL:
        *out = n.d;
        break;
    case NUM_CY:
        *out = (double)n.cy.int64 / 10000.0;
        break;
    case NUM_DEC:
        hr = comrt__dec_check(&n.dec);
        if (SUCCEEDED(hr)) *out = comrt__dec_to_r8(&n.dec);
        break;
    }
    return hr;
}

static HRESULT to_r8(num n, DOUBLE *pOut)
{
    double d = 0;
    HRESULT hr = pOut ? lower_dbl(n, &d) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = d;
    return hr;
}

/* R4: a double outside float's range overflows (NaN passes through). */
static HRESULT to_r4(num n, FLOAT *pOut)
{
    double d = 0;
    HRESULT hr = pOut ? lower_dbl(n, &d) : E_INVALIDARG;
    if (SUCCEEDED(hr) && n.kind == NUM_DBL && fabs(d) > FLT_MAX) hr = DISP_E_OVERFLOW;
    if (SUCCEEDED(hr)) {
        if (n.kind == NUM_INT && (n.i > INT64_MAX || n.i < INT64_MIN)) *pOut = (FLOAT)(ULONG64)n.i;
        else if (n.kind == NUM_INT) *pOut = (FLOAT)(LONG64)n.i;
        else *pOut = (FLOAT)d;
    }
    return hr;
}

/* DATE: integers must name a day in 100-01-01 .. 9999-12-31; an R8 must
 * lie strictly between the day before and the day after (NaN passes); R4,
 * CY and DECIMAL sources are not range-checked by oleaut32. */
#define DATE_MIN_DAY (-657434)
#define DATE_MAX_DAY 2958465

static HRESULT to_date(num n, DATE *pOut)
{
    double d = 0;
    HRESULT hr = pOut ? lower_dbl(n, &d) : E_INVALIDARG;
    if (FAILED(hr)) goto out;
    if (n.kind == NUM_INT && (n.i < DATE_MIN_DAY || n.i > DATE_MAX_DAY)) hr = DISP_E_OVERFLOW;
    if (n.kind == NUM_DBL && n.dsrc != SRC_R4 && (d >= DATE_MAX_DAY + 1.0 || d <= DATE_MIN_DAY - 1.0))
        hr = DISP_E_OVERFLOW;
    if (SUCCEEDED(hr)) *pOut = d;
out:
    return hr;
}

/* ---- lowering to BOOL, CY, DECIMAL ---------------------------------------- */

static HRESULT to_bool(num n, VARIANT_BOOL *pOut)
{
    HRESULT hr = pOut ? S_OK : E_INVALIDARG;
    BOOL nonzero = FALSE;
    if (FAILED(hr)) goto out;
    switch (n.kind) {
    case NUM_INT:
    case NUM_BOOL:
        nonzero = n.i != 0;
        break;
    case NUM_DBL:
        nonzero = n.d != 0.0; /* NaN is true */
        break;
    case NUM_CY:
        nonzero = n.cy.int64 != 0;
        break;
    case NUM_DEC:
        hr = comrt__dec_check(&n.dec);
        nonzero = comrt__dec_mag(&n.dec) != 0;
        break;
    }
    if (SUCCEEDED(hr)) *pOut = nonzero ? VARIANT_TRUE : VARIANT_FALSE;
out:
    return hr;
}

static HRESULT to_cy(num n, CY *pOut)
{
    HRESULT hr = pOut ? S_OK : E_INVALIDARG;
    CY cy;
    cy.int64 = 0;
    if (FAILED(hr)) goto out;
    switch (n.kind) {
    case NUM_INT:
    case NUM_BOOL:
        /* oleaut32 refuses +-922337203685477 from a signed source (its
         * bounds are exclusive) but accepts it from an unsigned one. */
        if (n.i > INT64_MAX / 10000 || n.i <= INT64_MIN / 10000 || (n.signed_src && n.i == INT64_MAX / 10000))
            hr = DISP_E_OVERFLOW;
        else cy.int64 = (LONGLONG)n.i * 10000;
        break;
    case NUM_DBL: {
        /* Scaled before rounding, in extended precision as oleaut32's
         * x87 arithmetic does: 0.00005 (a hair above half a unit as a
         * double) becomes 0.0001, and 922337203685477.0 scales exactly.
         * The lower bound is exclusive, as in oleaut32. */
        long double r = nearbyintl((long double)n.d * 10000.0L);
        if (!(r > -9223372036854775808.0L && r < 9223372036854775808.0L)) hr = DISP_E_OVERFLOW;
        else cy.int64 = (LONGLONG)r;
        break;
    }
    case NUM_CY:
        cy = n.cy;
        break;
    case NUM_DEC:
        hr = comrt__dec_to_cy(&n.dec, &cy);
        break;
    }
    if (SUCCEEDED(hr)) *pOut = cy;
out:
    return hr;
}

static HRESULT to_dec(num n, DECIMAL *pOut)
{
    HRESULT hr = pOut ? S_OK : E_INVALIDARG;
    DECIMAL d;
    memset(&d, 0, sizeof d);
    if (FAILED(hr)) goto out;
    switch (n.kind) {
    case NUM_INT:
        comrt__dec_set(&d, n.i < 0 ? (comrt__u128)(-n.i) : (comrt__u128)n.i, 0, n.i < 0);
        break;
    case NUM_BOOL:
        /* Any true value is -1, as VARIANT_TRUE. */
        comrt__dec_set(&d, n.i != 0, 0, n.i != 0);
        break;
    case NUM_DBL:
        hr = comrt__dec_from_dbl(n.d, n.dsrc == SRC_R4 ? 7 : 15, &d);
        break;
    case NUM_CY:
        comrt__dec_set(&d, n.cy.int64 < 0 ? (comrt__u128)(0 - (ULONG64)n.cy.int64) : (comrt__u128)n.cy.int64, 4,
                       n.cy.int64 < 0);
        break;
    case NUM_DEC:
        hr = comrt__dec_check(&n.dec);
        d = n.dec;
        break;
    }
    if (SUCCEEDED(hr)) *pOut = d;
out:
    return hr;
}

/* ---- the exported conversions ---------------------------------------------- */

/* -> BYTE */
HRESULT VarUI1FromI2(SHORT in, BYTE *pOut) { return to_ui1(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI1FromI4(LONG in, BYTE *pOut) { return to_ui1(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI1FromI8(LONG64 in, BYTE *pOut) { return to_ui1(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI1FromR4(FLOAT in, BYTE *pOut) { return to_ui1(num_dbl(in, SRC_R4), pOut); }
HRESULT VarUI1FromR8(DOUBLE in, BYTE *pOut) { return to_ui1(num_dbl(in, SRC_R8), pOut); }
HRESULT VarUI1FromDate(DATE in, BYTE *pOut) { return to_ui1(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarUI1FromCy(CY cyIn, BYTE *pOut) { return to_ui1(num_cy(cyIn), pOut); }
HRESULT VarUI1FromBool(VARIANT_BOOL in, BYTE *pOut) { return to_ui1(num_bool(in), pOut); }
HRESULT VarUI1FromI1(CHAR in, BYTE *pOut) { return to_ui1(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI1FromUI2(USHORT in, BYTE *pOut) { return to_ui1(num_int((comrt__i128)in), pOut); }
HRESULT VarUI1FromUI4(ULONG in, BYTE *pOut) { return to_ui1(num_int((comrt__i128)in), pOut); }
HRESULT VarUI1FromUI8(ULONG64 in, BYTE *pOut) { return to_ui1(num_int((comrt__i128)in), pOut); }
HRESULT VarUI1FromDec(const DECIMAL *pdecIn, BYTE *pOut) { return to_ui1(num_dec(pdecIn), pOut); }

/* -> SHORT */
HRESULT VarI2FromUI1(BYTE in, SHORT *pOut) { return to_i2(num_int((comrt__i128)in), pOut); }
HRESULT VarI2FromI4(LONG in, SHORT *pOut) { return to_i2(num_sint((comrt__i128)in), pOut); }
HRESULT VarI2FromI8(LONG64 in, SHORT *pOut) { return to_i2(num_sint((comrt__i128)in), pOut); }
HRESULT VarI2FromR4(FLOAT in, SHORT *pOut) { return to_i2(num_dbl(in, SRC_R4), pOut); }
HRESULT VarI2FromR8(DOUBLE in, SHORT *pOut) { return to_i2(num_dbl(in, SRC_R8), pOut); }
HRESULT VarI2FromDate(DATE in, SHORT *pOut) { return to_i2(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarI2FromCy(CY cyIn, SHORT *pOut) { return to_i2(num_cy(cyIn), pOut); }
HRESULT VarI2FromBool(VARIANT_BOOL in, SHORT *pOut) { return to_i2(num_bool(in), pOut); }
HRESULT VarI2FromI1(CHAR in, SHORT *pOut) { return to_i2(num_sint((comrt__i128)in), pOut); }
HRESULT VarI2FromUI2(USHORT in, SHORT *pOut) { return to_i2(num_int((comrt__i128)in), pOut); }
HRESULT VarI2FromUI4(ULONG in, SHORT *pOut) { return to_i2(num_int((comrt__i128)in), pOut); }
HRESULT VarI2FromUI8(ULONG64 in, SHORT *pOut) { return to_i2(num_int((comrt__i128)in), pOut); }
HRESULT VarI2FromDec(const DECIMAL *pdecIn, SHORT *pOut) { return to_i2(num_dec(pdecIn), pOut); }

/* -> LONG */
HRESULT VarI4FromUI1(BYTE in, LONG *pOut) { return to_i4(num_int((comrt__i128)in), pOut); }
HRESULT VarI4FromI2(SHORT in, LONG *pOut) { return to_i4(num_sint((comrt__i128)in), pOut); }
HRESULT VarI4FromI8(LONG64 in, LONG *pOut) { return to_i4(num_sint((comrt__i128)in), pOut); }
HRESULT VarI4FromR4(FLOAT in, LONG *pOut) { return to_i4(num_dbl(in, SRC_R4), pOut); }
HRESULT VarI4FromR8(DOUBLE in, LONG *pOut) { return to_i4(num_dbl(in, SRC_R8), pOut); }
HRESULT VarI4FromDate(DATE in, LONG *pOut) { return to_i4(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarI4FromCy(CY cyIn, LONG *pOut) { return to_i4(num_cy(cyIn), pOut); }
HRESULT VarI4FromBool(VARIANT_BOOL in, LONG *pOut) { return to_i4(num_bool(in), pOut); }
HRESULT VarI4FromI1(CHAR in, LONG *pOut) { return to_i4(num_sint((comrt__i128)in), pOut); }
HRESULT VarI4FromUI2(USHORT in, LONG *pOut) { return to_i4(num_int((comrt__i128)in), pOut); }
HRESULT VarI4FromUI4(ULONG in, LONG *pOut) { return to_i4(num_int((comrt__i128)in), pOut); }
HRESULT VarI4FromUI8(ULONG64 in, LONG *pOut) { return to_i4(num_int((comrt__i128)in), pOut); }
HRESULT VarI4FromDec(const DECIMAL *pdecIn, LONG *pOut) { return to_i4(num_dec(pdecIn), pOut); }

/* -> LONG64 */
HRESULT VarI8FromUI1(BYTE in, LONG64 *pOut) { return to_i8(num_int((comrt__i128)in), pOut); }
HRESULT VarI8FromI2(SHORT in, LONG64 *pOut) { return to_i8(num_sint((comrt__i128)in), pOut); }
HRESULT VarI8FromI4(LONG in, LONG64 *pOut) { return to_i8(num_sint((comrt__i128)in), pOut); }
HRESULT VarI8FromR4(FLOAT in, LONG64 *pOut) { return to_i8(num_dbl(in, SRC_R4), pOut); }
HRESULT VarI8FromR8(DOUBLE in, LONG64 *pOut) { return to_i8(num_dbl(in, SRC_R8), pOut); }
HRESULT VarI8FromDate(DATE in, LONG64 *pOut) { return to_i8(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarI8FromCy(CY cyIn, LONG64 *pOut) { return to_i8(num_cy(cyIn), pOut); }
HRESULT VarI8FromBool(VARIANT_BOOL in, LONG64 *pOut) { return to_i8(num_bool(in), pOut); }
HRESULT VarI8FromI1(CHAR in, LONG64 *pOut) { return to_i8(num_sint((comrt__i128)in), pOut); }
HRESULT VarI8FromUI2(USHORT in, LONG64 *pOut) { return to_i8(num_int((comrt__i128)in), pOut); }
HRESULT VarI8FromUI4(ULONG in, LONG64 *pOut) { return to_i8(num_int((comrt__i128)in), pOut); }
HRESULT VarI8FromUI8(ULONG64 in, LONG64 *pOut) { return to_i8(num_int((comrt__i128)in), pOut); }
HRESULT VarI8FromDec(const DECIMAL *pdecIn, LONG64 *pOut) { return to_i8(num_dec(pdecIn), pOut); }

/* -> FLOAT */
HRESULT VarR4FromUI1(BYTE in, FLOAT *pOut) { return to_r4(num_int((comrt__i128)in), pOut); }
HRESULT VarR4FromI2(SHORT in, FLOAT *pOut) { return to_r4(num_sint((comrt__i128)in), pOut); }
HRESULT VarR4FromI4(LONG in, FLOAT *pOut) { return to_r4(num_sint((comrt__i128)in), pOut); }
HRESULT VarR4FromI8(LONG64 in, FLOAT *pOut) { return to_r4(num_sint((comrt__i128)in), pOut); }
HRESULT VarR4FromR8(DOUBLE in, FLOAT *pOut) { return to_r4(num_dbl(in, SRC_R8), pOut); }
HRESULT VarR4FromDate(DATE in, FLOAT *pOut) { return to_r4(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarR4FromCy(CY cyIn, FLOAT *pOut) { return to_r4(num_cy(cyIn), pOut); }
HRESULT VarR4FromBool(VARIANT_BOOL in, FLOAT *pOut) { return to_r4(num_bool(in), pOut); }
HRESULT VarR4FromI1(CHAR in, FLOAT *pOut) { return to_r4(num_sint((comrt__i128)in), pOut); }
HRESULT VarR4FromUI2(USHORT in, FLOAT *pOut) { return to_r4(num_int((comrt__i128)in), pOut); }
HRESULT VarR4FromUI4(ULONG in, FLOAT *pOut) { return to_r4(num_int((comrt__i128)in), pOut); }
HRESULT VarR4FromUI8(ULONG64 in, FLOAT *pOut) { return to_r4(num_int((comrt__i128)in), pOut); }
HRESULT VarR4FromDec(const DECIMAL *pdecIn, FLOAT *pOut) { return to_r4(num_dec(pdecIn), pOut); }

/* -> DOUBLE */
HRESULT VarR8FromUI1(BYTE in, DOUBLE *pOut) { return to_r8(num_int((comrt__i128)in), pOut); }
HRESULT VarR8FromI2(SHORT in, DOUBLE *pOut) { return to_r8(num_sint((comrt__i128)in), pOut); }
HRESULT VarR8FromI4(LONG in, DOUBLE *pOut) { return to_r8(num_sint((comrt__i128)in), pOut); }
HRESULT VarR8FromI8(LONG64 in, DOUBLE *pOut) { return to_r8(num_sint((comrt__i128)in), pOut); }
HRESULT VarR8FromR4(FLOAT in, DOUBLE *pOut) { return to_r8(num_dbl(in, SRC_R4), pOut); }
HRESULT VarR8FromDate(DATE in, DOUBLE *pOut) { return to_r8(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarR8FromCy(CY cyIn, DOUBLE *pOut) { return to_r8(num_cy(cyIn), pOut); }
HRESULT VarR8FromBool(VARIANT_BOOL in, DOUBLE *pOut) { return to_r8(num_bool(in), pOut); }
HRESULT VarR8FromI1(CHAR in, DOUBLE *pOut) { return to_r8(num_sint((comrt__i128)in), pOut); }
HRESULT VarR8FromUI2(USHORT in, DOUBLE *pOut) { return to_r8(num_int((comrt__i128)in), pOut); }
HRESULT VarR8FromUI4(ULONG in, DOUBLE *pOut) { return to_r8(num_int((comrt__i128)in), pOut); }
HRESULT VarR8FromUI8(ULONG64 in, DOUBLE *pOut) { return to_r8(num_int((comrt__i128)in), pOut); }
HRESULT VarR8FromDec(const DECIMAL *pdecIn, DOUBLE *pOut) { return to_r8(num_dec(pdecIn), pOut); }

/* -> DATE */
HRESULT VarDateFromUI1(BYTE in, DATE *pOut) { return to_date(num_int((comrt__i128)in), pOut); }
HRESULT VarDateFromI2(SHORT in, DATE *pOut) { return to_date(num_sint((comrt__i128)in), pOut); }
HRESULT VarDateFromI4(LONG in, DATE *pOut) { return to_date(num_sint((comrt__i128)in), pOut); }
HRESULT VarDateFromI8(LONG64 in, DATE *pOut) { return to_date(num_sint((comrt__i128)in), pOut); }
HRESULT VarDateFromR4(FLOAT in, DATE *pOut) { return to_date(num_dbl(in, SRC_R4), pOut); }
HRESULT VarDateFromR8(DOUBLE in, DATE *pOut) { return to_date(num_dbl(in, SRC_R8), pOut); }
HRESULT VarDateFromCy(CY cyIn, DATE *pOut) { return to_date(num_cy(cyIn), pOut); }
HRESULT VarDateFromBool(VARIANT_BOOL in, DATE *pOut) { return to_date(num_bool(in), pOut); }
HRESULT VarDateFromI1(CHAR in, DATE *pOut) { return to_date(num_sint((comrt__i128)in), pOut); }
HRESULT VarDateFromUI2(USHORT in, DATE *pOut) { return to_date(num_int((comrt__i128)in), pOut); }
HRESULT VarDateFromUI4(ULONG in, DATE *pOut) { return to_date(num_int((comrt__i128)in), pOut); }
HRESULT VarDateFromUI8(ULONG64 in, DATE *pOut) { return to_date(num_int((comrt__i128)in), pOut); }
HRESULT VarDateFromDec(const DECIMAL *pdecIn, DATE *pOut) { return to_date(num_dec(pdecIn), pOut); }

/* -> CY */
HRESULT VarCyFromUI1(BYTE in, CY *pOut) { return to_cy(num_int((comrt__i128)in), pOut); }
HRESULT VarCyFromI2(SHORT in, CY *pOut) { return to_cy(num_sint((comrt__i128)in), pOut); }
HRESULT VarCyFromI4(LONG in, CY *pOut) { return to_cy(num_sint((comrt__i128)in), pOut); }
HRESULT VarCyFromI8(LONG64 in, CY *pOut) { return to_cy(num_sint((comrt__i128)in), pOut); }
HRESULT VarCyFromR4(FLOAT in, CY *pOut) { return to_cy(num_dbl(in, SRC_R4), pOut); }
HRESULT VarCyFromR8(DOUBLE in, CY *pOut) { return to_cy(num_dbl(in, SRC_R8), pOut); }
HRESULT VarCyFromDate(DATE in, CY *pOut) { return to_cy(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarCyFromBool(VARIANT_BOOL in, CY *pOut) { return to_cy(num_bool(in), pOut); }
HRESULT VarCyFromI1(CHAR in, CY *pOut) { return to_cy(num_sint((comrt__i128)in), pOut); }
HRESULT VarCyFromUI2(USHORT in, CY *pOut) { return to_cy(num_int((comrt__i128)in), pOut); }
HRESULT VarCyFromUI4(ULONG in, CY *pOut) { return to_cy(num_int((comrt__i128)in), pOut); }
HRESULT VarCyFromUI8(ULONG64 in, CY *pOut) { return to_cy(num_int((comrt__i128)in), pOut); }
HRESULT VarCyFromDec(const DECIMAL *pdecIn, CY *pOut) { return to_cy(num_dec(pdecIn), pOut); }

/* -> VARIANT_BOOL */
HRESULT VarBoolFromUI1(BYTE in, VARIANT_BOOL *pOut) { return to_bool(num_int((comrt__i128)in), pOut); }
HRESULT VarBoolFromI2(SHORT in, VARIANT_BOOL *pOut) { return to_bool(num_sint((comrt__i128)in), pOut); }
HRESULT VarBoolFromI4(LONG in, VARIANT_BOOL *pOut) { return to_bool(num_sint((comrt__i128)in), pOut); }
HRESULT VarBoolFromI8(LONG64 in, VARIANT_BOOL *pOut) { return to_bool(num_sint((comrt__i128)in), pOut); }
HRESULT VarBoolFromR4(FLOAT in, VARIANT_BOOL *pOut) { return to_bool(num_dbl(in, SRC_R4), pOut); }
HRESULT VarBoolFromR8(DOUBLE in, VARIANT_BOOL *pOut) { return to_bool(num_dbl(in, SRC_R8), pOut); }
HRESULT VarBoolFromDate(DATE in, VARIANT_BOOL *pOut) { return to_bool(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarBoolFromCy(CY cyIn, VARIANT_BOOL *pOut) { return to_bool(num_cy(cyIn), pOut); }
HRESULT VarBoolFromI1(CHAR in, VARIANT_BOOL *pOut) { return to_bool(num_sint((comrt__i128)in), pOut); }
HRESULT VarBoolFromUI2(USHORT in, VARIANT_BOOL *pOut) { return to_bool(num_int((comrt__i128)in), pOut); }
HRESULT VarBoolFromUI4(ULONG in, VARIANT_BOOL *pOut) { return to_bool(num_int((comrt__i128)in), pOut); }
HRESULT VarBoolFromUI8(ULONG64 in, VARIANT_BOOL *pOut) { return to_bool(num_int((comrt__i128)in), pOut); }
HRESULT VarBoolFromDec(const DECIMAL *pdecIn, VARIANT_BOOL *pOut) { return to_bool(num_dec(pdecIn), pOut); }

/* -> CHAR */
HRESULT VarI1FromUI1(BYTE in, CHAR *pOut) { return to_i1(num_int((comrt__i128)in), pOut); }
HRESULT VarI1FromI2(SHORT in, CHAR *pOut) { return to_i1(num_sint((comrt__i128)in), pOut); }
HRESULT VarI1FromI4(LONG in, CHAR *pOut) { return to_i1(num_sint((comrt__i128)in), pOut); }
HRESULT VarI1FromI8(LONG64 in, CHAR *pOut) { return to_i1(num_sint((comrt__i128)in), pOut); }
HRESULT VarI1FromR4(FLOAT in, CHAR *pOut) { return to_i1(num_dbl(in, SRC_R4), pOut); }
HRESULT VarI1FromR8(DOUBLE in, CHAR *pOut) { return to_i1(num_dbl(in, SRC_R8), pOut); }
HRESULT VarI1FromDate(DATE in, CHAR *pOut) { return to_i1(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarI1FromCy(CY cyIn, CHAR *pOut) { return to_i1(num_cy(cyIn), pOut); }
HRESULT VarI1FromBool(VARIANT_BOOL in, CHAR *pOut) { return to_i1(num_bool(in), pOut); }
HRESULT VarI1FromUI2(USHORT in, CHAR *pOut) { return to_i1(num_int((comrt__i128)in), pOut); }
HRESULT VarI1FromUI4(ULONG in, CHAR *pOut) { return to_i1(num_int((comrt__i128)in), pOut); }
HRESULT VarI1FromUI8(ULONG64 in, CHAR *pOut) { return to_i1(num_int((comrt__i128)in), pOut); }
HRESULT VarI1FromDec(const DECIMAL *pdecIn, CHAR *pOut) { return to_i1(num_dec(pdecIn), pOut); }

/* -> USHORT */
HRESULT VarUI2FromUI1(BYTE in, USHORT *pOut) { return to_ui2(num_int((comrt__i128)in), pOut); }
HRESULT VarUI2FromI2(SHORT in, USHORT *pOut) { return to_ui2(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI2FromI4(LONG in, USHORT *pOut) { return to_ui2(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI2FromI8(LONG64 in, USHORT *pOut) { return to_ui2(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI2FromR4(FLOAT in, USHORT *pOut) { return to_ui2(num_dbl(in, SRC_R4), pOut); }
HRESULT VarUI2FromR8(DOUBLE in, USHORT *pOut) { return to_ui2(num_dbl(in, SRC_R8), pOut); }
HRESULT VarUI2FromDate(DATE in, USHORT *pOut) { return to_ui2(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarUI2FromCy(CY cyIn, USHORT *pOut) { return to_ui2(num_cy(cyIn), pOut); }
HRESULT VarUI2FromBool(VARIANT_BOOL in, USHORT *pOut) { return to_ui2(num_bool(in), pOut); }
HRESULT VarUI2FromI1(CHAR in, USHORT *pOut) { return to_ui2(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI2FromUI4(ULONG in, USHORT *pOut) { return to_ui2(num_int((comrt__i128)in), pOut); }
HRESULT VarUI2FromUI8(ULONG64 in, USHORT *pOut) { return to_ui2(num_int((comrt__i128)in), pOut); }
HRESULT VarUI2FromDec(const DECIMAL *pdecIn, USHORT *pOut) { return to_ui2(num_dec(pdecIn), pOut); }

/* -> ULONG */
HRESULT VarUI4FromUI1(BYTE in, ULONG *pOut) { return to_ui4(num_int((comrt__i128)in), pOut); }
HRESULT VarUI4FromI2(SHORT in, ULONG *pOut) { return to_ui4(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI4FromI4(LONG in, ULONG *pOut) { return to_ui4(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI4FromI8(LONG64 in, ULONG *pOut) { return to_ui4(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI4FromR4(FLOAT in, ULONG *pOut) { return to_ui4(num_dbl(in, SRC_R4), pOut); }
HRESULT VarUI4FromR8(DOUBLE in, ULONG *pOut) { return to_ui4(num_dbl(in, SRC_R8), pOut); }
HRESULT VarUI4FromDate(DATE in, ULONG *pOut) { return to_ui4(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarUI4FromCy(CY cyIn, ULONG *pOut) { return to_ui4(num_cy(cyIn), pOut); }
HRESULT VarUI4FromBool(VARIANT_BOOL in, ULONG *pOut) { return to_ui4(num_bool(in), pOut); }
HRESULT VarUI4FromI1(CHAR in, ULONG *pOut) { return to_ui4(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI4FromUI2(USHORT in, ULONG *pOut) { return to_ui4(num_int((comrt__i128)in), pOut); }
HRESULT VarUI4FromUI8(ULONG64 in, ULONG *pOut) { return to_ui4(num_int((comrt__i128)in), pOut); }
HRESULT VarUI4FromDec(const DECIMAL *pdecIn, ULONG *pOut) { return to_ui4(num_dec(pdecIn), pOut); }

/* -> ULONG64 */
HRESULT VarUI8FromUI1(BYTE in, ULONG64 *pOut) { return to_ui8(num_int((comrt__i128)in), pOut); }
HRESULT VarUI8FromI2(SHORT in, ULONG64 *pOut) { return to_ui8(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI8FromI4(LONG in, ULONG64 *pOut) { return to_ui8(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI8FromI8(LONG64 in, ULONG64 *pOut) { return to_ui8(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI8FromR4(FLOAT in, ULONG64 *pOut) { return to_ui8(num_dbl(in, SRC_R4), pOut); }
HRESULT VarUI8FromR8(DOUBLE in, ULONG64 *pOut) { return to_ui8(num_dbl(in, SRC_R8), pOut); }
HRESULT VarUI8FromDate(DATE in, ULONG64 *pOut) { return to_ui8(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarUI8FromCy(CY cyIn, ULONG64 *pOut) { return to_ui8(num_cy(cyIn), pOut); }
HRESULT VarUI8FromBool(VARIANT_BOOL in, ULONG64 *pOut) { return to_ui8(num_bool(in), pOut); }
HRESULT VarUI8FromI1(CHAR in, ULONG64 *pOut) { return to_ui8(num_sint((comrt__i128)in), pOut); }
HRESULT VarUI8FromUI2(USHORT in, ULONG64 *pOut) { return to_ui8(num_int((comrt__i128)in), pOut); }
HRESULT VarUI8FromUI4(ULONG in, ULONG64 *pOut) { return to_ui8(num_int((comrt__i128)in), pOut); }
HRESULT VarUI8FromDec(const DECIMAL *pdecIn, ULONG64 *pOut) { return to_ui8(num_dec(pdecIn), pOut); }

/* -> DECIMAL */
HRESULT VarDecFromUI1(BYTE in, DECIMAL *pOut) { return to_dec(num_int((comrt__i128)in), pOut); }
HRESULT VarDecFromI2(SHORT in, DECIMAL *pOut) { return to_dec(num_sint((comrt__i128)in), pOut); }
HRESULT VarDecFromI4(LONG in, DECIMAL *pOut) { return to_dec(num_sint((comrt__i128)in), pOut); }
HRESULT VarDecFromI8(LONG64 in, DECIMAL *pOut) { return to_dec(num_sint((comrt__i128)in), pOut); }
HRESULT VarDecFromR4(FLOAT in, DECIMAL *pOut) { return to_dec(num_dbl(in, SRC_R4), pOut); }
HRESULT VarDecFromR8(DOUBLE in, DECIMAL *pOut) { return to_dec(num_dbl(in, SRC_R8), pOut); }
HRESULT VarDecFromDate(DATE in, DECIMAL *pOut) { return to_dec(num_dbl(in, SRC_DATE), pOut); }
HRESULT VarDecFromCy(CY cyIn, DECIMAL *pOut) { return to_dec(num_cy(cyIn), pOut); }
HRESULT VarDecFromBool(VARIANT_BOOL in, DECIMAL *pOut) { return to_dec(num_bool(in), pOut); }
HRESULT VarDecFromI1(CHAR in, DECIMAL *pOut) { return to_dec(num_sint((comrt__i128)in), pOut); }
HRESULT VarDecFromUI2(USHORT in, DECIMAL *pOut) { return to_dec(num_int((comrt__i128)in), pOut); }
HRESULT VarDecFromUI4(ULONG in, DECIMAL *pOut) { return to_dec(num_int((comrt__i128)in), pOut); }
HRESULT VarDecFromUI8(ULONG64 in, DECIMAL *pOut) { return to_dec(num_int((comrt__i128)in), pOut); }

/* ---- VARIANT to VARIANT, for VariantChangeType -------------------------- */

/* Lifting a numeric VARIANT into a num, by its VARTYPE. */
static num lift_variant(const VARIANT *v)
{
    switch (V_VT(v)) {
    case VT_I1: return num_sint(V_I1(v));
    case VT_I2: return num_sint(V_I2(v));
    case VT_I4: return num_sint(V_I4(v));
    case VT_INT: return num_sint(V_INT(v));
    case VT_I8: return num_sint(V_I8(v));
    case VT_UI1: return num_int(V_UI1(v));
    case VT_UI2: return num_int(V_UI2(v));
    case VT_UI4: return num_int(V_UI4(v));
    case VT_UINT: return num_int(V_UINT(v));
    case VT_UI8: return num_int(V_UI8(v));
    case VT_BOOL: return num_bool(V_BOOL(v));
    case VT_R4: return num_dbl(V_R4(v), SRC_R4);
    case VT_R8: return num_dbl(V_R8(v), SRC_R8);
    case VT_DATE: return num_dbl(V_DATE(v), SRC_DATE);
    case VT_CY: return num_cy(V_CY(v));
    default: return num_dec(&V_DECIMAL(v));
    }
}

/* Lowering a num into the value field of a VARIANT for each numeric
 * target type (the table varchange.c dispatches through). */
typedef HRESULT (*lower_fn)(num n, VARIANT *out);

static HRESULT lower_i1(num n, VARIANT *o) { return to_i1(n, &V_I1(o)); }
static HRESULT lower_i2(num n, VARIANT *o) { return to_i2(n, &V_I2(o)); }
static HRESULT lower_i4(num n, VARIANT *o) { return to_i4(n, &V_I4(o)); }
static HRESULT lower_i8(num n, VARIANT *o) { return to_i8(n, &V_I8(o)); }
static HRESULT lower_ui1(num n, VARIANT *o) { return to_ui1(n, &V_UI1(o)); }
static HRESULT lower_ui2(num n, VARIANT *o) { return to_ui2(n, &V_UI2(o)); }
static HRESULT lower_ui4(num n, VARIANT *o) { return to_ui4(n, &V_UI4(o)); }
static HRESULT lower_ui8(num n, VARIANT *o) { return to_ui8(n, &V_UI8(o)); }
static HRESULT lower_r4(num n, VARIANT *o) { return to_r4(n, &V_R4(o)); }
static HRESULT lower_r8(num n, VARIANT *o) { return to_r8(n, &V_R8(o)); }
static HRESULT lower_date(num n, VARIANT *o) { return to_date(n, &V_DATE(o)); }
static HRESULT lower_cy(num n, VARIANT *o) { return to_cy(n, &V_CY(o)); }
static HRESULT lower_bool(num n, VARIANT *o) { return to_bool(n, &V_BOOL(o)); }
static HRESULT lower_dec(num n, VARIANT *o)
{
    DECIMAL d;
    HRESULT hr = to_dec(n, &d);
    if (SUCCEEDED(hr)) V_DECIMAL(o) = d; /* overlays vt: the caller sets it after */
    return hr;
}

static const lower_fn lowerers[] = {
    [VT_I2] = lower_i2,   [VT_I4] = lower_i4,     [VT_R4] = lower_r4,   [VT_R8] = lower_r8,
    [VT_CY] = lower_cy,   [VT_DATE] = lower_date, [VT_BOOL] = lower_bool, [VT_DECIMAL] = lower_dec,
    [VT_I1] = lower_i1,   [VT_UI1] = lower_ui1,   [VT_UI2] = lower_ui2, [VT_UI4] = lower_ui4,
    [VT_I8] = lower_i8,   [VT_UI8] = lower_ui8,   [VT_INT] = lower_i4,  [VT_UINT] = lower_ui4,
};

BOOL comrt__varconv_is_number(VARTYPE vt)
{
    return vt < sizeof lowerers / sizeof lowerers[0] && lowerers[vt] != NULL;
}

HRESULT comrt__varconv_number(VARIANT *dst, const VARIANT *src, VARTYPE vt)
{
    VARIANT out;
    HRESULT hr;
    if (!comrt__varconv_is_number(vt) || !comrt__varconv_is_number(V_VT(src))) return DISP_E_TYPEMISMATCH;
    memset(&out, 0, sizeof out);
    hr = lowerers[vt](lift_variant(src), &out);
    if (SUCCEEDED(hr)) {
        V_VT(&out) = vt;
        *dst = out;
    }
    return hr;
}
