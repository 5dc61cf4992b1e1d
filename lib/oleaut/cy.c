/*
 * oleaut/cy.c — CY (currency) arithmetic: VarCyAdd/Sub/Mul/MulI4/MulI8/Abs/
 * Fix/Int/Neg/Round/Cmp/CmpR8.  A CY is a 64-bit integer counting 1/10000
 * units; every operation is exact in 128-bit arithmetic and then rounded
 * half to even and range-checked (DISP_E_OVERFLOW), writing *pcyResult only
 * on success.
 */
#include "oleaut/oleaut_internal.h"

#define CY_SCALE 10000

/* Stores v when it fits in a CY. */
static HRESULT cy_store(comrt__i128 v, LPCY out)
{
    HRESULT hr = DISP_E_OVERFLOW;
    if (v <= INT64_MAX && v >= INT64_MIN) {
        out->int64 = (LONGLONG)v;
        hr = S_OK;
    }
    return hr;
}

/* v / d rounded half to even (d > 0). */
static comrt__i128 div_round_even(comrt__i128 v, comrt__i128 d)
{
    comrt__i128 q = v / d, r = v % d;
    comrt__i128 ar = r < 0 ? -r : r;
    if (ar * 2 > d || (ar * 2 == d && (q & 1))) q += r < 0 ? -1 : 1;
    return q;
}

HRESULT VarCyAdd(CY cyLeft, CY cyRight, LPCY pcyResult)
{
    return pcyResult ? cy_store((comrt__i128)cyLeft.int64 + cyRight.int64, pcyResult) : E_INVALIDARG;
}

HRESULT VarCySub(CY cyLeft, CY cyRight, LPCY pcyResult)
{
    return pcyResult ? cy_store((comrt__i128)cyLeft.int64 - cyRight.int64, pcyResult) : E_INVALIDARG;
}

/* (a/10^4) * (b/10^4) = a*b/10^8, kept at scale 10^4. */
HRESULT VarCyMul(CY cyLeft, CY cyRight, LPCY pcyResult)
{
    return pcyResult ? cy_store(div_round_even((comrt__i128)cyLeft.int64 * cyRight.int64, CY_SCALE), pcyResult) : E_INVALIDARG;
}

HRESULT VarCyMulI4(CY cyLeft, LONG lRight, LPCY pcyResult)
{
    return pcyResult ? cy_store((comrt__i128)cyLeft.int64 * lRight, pcyResult) : E_INVALIDARG;
}

HRESULT VarCyMulI8(CY cyLeft, LONG64 lRight, LPCY pcyResult)
{
    return pcyResult ? cy_store((comrt__i128)cyLeft.int64 * lRight, pcyResult) : E_INVALIDARG;
}

HRESULT VarCyAbs(CY cyIn, LPCY pcyResult)
{
    comrt__i128 v = cyIn.int64;
    return pcyResult ? cy_store(v < 0 ? -v : v, pcyResult) : E_INVALIDARG;
}

HRESULT VarCyNeg(CY cyIn, LPCY pcyResult)
{
    return pcyResult ? cy_store(-(comrt__i128)cyIn.int64, pcyResult) : E_INVALIDARG;
}

/* Integer part toward zero. */
HRESULT VarCyFix(CY cyIn, LPCY pcyResult)
{
    return pcyResult ? cy_store(cyIn.int64 / CY_SCALE * CY_SCALE, pcyResult) : E_INVALIDARG;
}

/* Integer part toward minus infinity. */
HRESULT VarCyInt(CY cyIn, LPCY pcyResult)
{
    comrt__i128 q = cyIn.int64 / CY_SCALE;
    if (cyIn.int64 % CY_SCALE < 0) q--;
    return pcyResult ? cy_store(q * CY_SCALE, pcyResult) : E_INVALIDARG;
}

/* Rounds to cDecimals places, half to even; 4 or more leaves it alone. */
HRESULT VarCyRound(CY cyIn, int cDecimals, LPCY pcyResult)
{
    static const LONG pow10[] = { 10000, 1000, 100, 10, 1 };
    comrt__i128 d;
    if (!pcyResult || cDecimals < 0) return E_INVALIDARG;
    d = pow10[cDecimals >= 4 ? 4 : cDecimals];
    return cy_store(div_round_even(cyIn.int64, d) * d, pcyResult);
}

HRESULT VarCyCmp(CY cyLeft, CY cyRight)
{
    return cyLeft.int64 < cyRight.int64 ? VARCMP_LT : cyLeft.int64 > cyRight.int64 ? VARCMP_GT : VARCMP_EQ;
}

/* The double is converted to CY first (VarCyFromR8), as Windows does; a
 * double outside CY's range fails with that conversion's error. */
HRESULT VarCyCmpR8(CY cyLeft, double dblRight)
{
    CY right;
    HRESULT hr = VarCyFromR8(dblRight, &right);
    if (SUCCEEDED(hr)) hr = VarCyCmp(cyLeft, right);
    return hr;
}
