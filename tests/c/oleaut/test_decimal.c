/*
 * test_decimal.c — VarDec* arithmetic: exact results rounded once, half to
 * even; overflow; comparison by value.
 */
#include "comrt_test.h"

static DECIMAL dec(ULONG64 lo, ULONG hi, int scale, int neg)
{
    DECIMAL d;
    memset(&d, 0, sizeof d);
    d.Lo64 = lo;
    d.Hi32 = hi;
    d.scale = (BYTE)scale;
    d.sign = neg ? DECIMAL_NEG : 0;
    return d;
}

#define CHECK_DEC(d, lo, hi, sc, sg)                                                         \
    CHECK_MSG((d).Lo64 == (lo) && (d).Hi32 == (hi) && (d).scale == (sc) && (d).sign == (sg), \
              "%s = [%u,%02x,%08x,%016llx]", #d, (d).scale, (d).sign, (unsigned)(d).Hi32,      \
              (unsigned long long)(d).Lo64)

TEST(add_sub)
{
    DECIMAL a = dec(15, 0, 1, 0), b = dec(25, 0, 2, 1), r, max = dec(~0ULL, ~0u, 0, 0), one = dec(1, 0, 0, 0);
    CHECK_HR(VarDecAdd(&a, &b, &r), S_OK); /* 1.5 + -0.25 = 1.25 */
    CHECK_DEC(r, 125, 0, 2, 0);
    CHECK_HR(VarDecSub(&a, &b, &r), S_OK);
    CHECK_DEC(r, 175, 0, 2, 0);
    CHECK_HR(VarDecAdd(&max, &one, &r), DISP_E_OVERFLOW);
    b = dec(1, 0, 28, 0); /* max + 1e-28 rounds back to max */
    CHECK_HR(VarDecAdd(&max, &b, &r), S_OK);
    CHECK_DEC(r, ~0ULL, ~0u, 0, 0);
}

TEST(mul_div)
{
    DECIMAL a = dec(15, 0, 1, 0), b = dec(3, 0, 0, 1), r, zero = dec(0, 0, 0, 0), one = dec(1, 0, 0, 0);
    DECIMAL four = dec(4, 0, 0, 0), three = dec(3, 0, 0, 0), hundred = dec(100, 0, 2, 0);
    CHECK_HR(VarDecMul(&a, &b, &r), S_OK);
    CHECK_DEC(r, 45, 0, 1, DECIMAL_NEG);
    CHECK_HR(VarDecDiv(&one, &zero, &r), DISP_E_DIVBYZERO);
    CHECK_HR(VarDecDiv(&one, &four, &r), S_OK);
    CHECK_DEC(r, 25, 0, 2, 0);
    CHECK_HR(VarDecDiv(&hundred, &one, &r), S_OK); /* exact: 1.00 / 1 = 1.00 */
    CHECK_DEC(r, 100, 0, 2, 0);
    a = dec(5, 0, 1, 0);
    b = dec(123456789, 0, 4, 0); /* 0.5 / 12345.6789: the inexact quotient loses its trailing zero */
    CHECK_HR(VarDecDiv(&a, &b, &r), S_OK);
    CHECK_DEC(r, 0x82694CFF745828CDULL, 0x893u, 27, 0);
    b = dec(~0ULL, ~0u, 0, 0); /* 1 / MAX rounds to zero, scale 0 */
    CHECK_HR(VarDecDiv(&one, &b, &r), S_OK);
    CHECK_DEC(r, 0, 0, 0, 0);
    CHECK_HR(VarDecDiv(&one, &three, &r), S_OK); /* 0.3333333333333333333333333333 */
    CHECK(r.scale == 28 && r.Hi32 == 0x0AC544CA && r.Lo64 == 0x14B700CB05555555ULL);
}

/* An operand with an out-of-range scale is not rejected: a sum that fits
 * in 96 bits keeps the scale, a wider one is rounded to scale 28. */
TEST(bad_scale)
{
    DECIMAL tiny = dec(1, 0, 29, 0), half = dec(5, 0, 1, 0), r, big = dec(100, 0, 2, 0);
    CHECK_HR(VarDecAdd(&half, &tiny, &r), S_OK); /* 5e28 + 1 at scale 29 */
    CHECK_DEC(r, 0x36B90BE550000001ULL, 0xA18F07D7u, 29, 0);
    CHECK_HR(VarDecAdd(&big, &tiny, &r), S_OK); /* 1e29 + 1 does not fit: 1e28 at scale 28 */
    CHECK_DEC(r, 0x3E25026110000000ULL, 0x204FCE5Eu, 28, 0);
}

TEST(round_fix_int)
{
    DECIMAL a = dec(25, 0, 1, 0), b = dec(15, 0, 1, 1), r;
    CHECK_HR(VarDecRound(&a, 0, &r), S_OK);
    CHECK_DEC(r, 2, 0, 0, 0);
    CHECK_HR(VarDecRound(&b, 0, &r), S_OK);
    CHECK_DEC(r, 2, 0, 0, DECIMAL_NEG);
    CHECK_HR(VarDecRound(&a, -1, &r), E_INVALIDARG);
    CHECK_HR(VarDecFix(&b, &r), S_OK);
    CHECK_DEC(r, 1, 0, 0, DECIMAL_NEG);
    CHECK_HR(VarDecInt(&b, &r), S_OK);
    CHECK_DEC(r, 2, 0, 0, DECIMAL_NEG);
    CHECK_HR(VarDecNeg(&a, &r), S_OK);
    CHECK_DEC(r, 25, 0, 1, DECIMAL_NEG);
    CHECK_HR(VarDecAbs(&b, &r), S_OK);
    CHECK_DEC(r, 15, 0, 1, 0);
}

TEST(compare)
{
    DECIMAL a = dec(10, 0, 1, 0), b = dec(1, 0, 0, 0), z1 = dec(0, 0, 0, 1), z2 = dec(0, 0, 3, 0), c = dec(2, 0, 0, 1);
    CHECK_HR(VarDecCmp(&a, &b), VARCMP_EQ);
    CHECK_HR(VarDecCmp(&z1, &z2), VARCMP_EQ);
    CHECK_HR(VarDecCmp(&c, &b), VARCMP_LT);
    CHECK_HR(VarDecCmp(&b, &c), VARCMP_GT);
    CHECK_HR(VarDecCmpR8(&a, 1.0), VARCMP_EQ);
    CHECK_HR(VarDecCmpR8(&a, 0.5), VARCMP_GT);
}

/* Zero results carry Windows' signs: x - x takes the sign of the operand
 * with the smaller scale (the left one at equal scales), a product or
 * quotient the XOR of the signs. */
TEST(zero_signs)
{
    DECIMAL one = dec(1, 0, 0, 0), mone = dec(1, 0, 0, 1), zero = dec(0, 0, 0, 0), r;
    DECIMAL hundred = dec(100, 0, 2, 0), mhundred = dec(100, 0, 2, 1);
    CHECK_HR(VarDecAdd(&hundred, &mone, &r), S_OK); /* 1.00 + -1 = -0.00 */
    CHECK_DEC(r, 0, 0, 2, DECIMAL_NEG);
    CHECK_HR(VarDecAdd(&mhundred, &one, &r), S_OK); /* -1.00 + 1 = +0.00 */
    CHECK_DEC(r, 0, 0, 2, 0);
    CHECK_HR(VarDecSub(&one, &one, &r), S_OK);
    CHECK_DEC(r, 0, 0, 0, 0);
    CHECK_HR(VarDecAdd(&one, &mone, &r), S_OK);
    CHECK_DEC(r, 0, 0, 0, 0);
    CHECK_HR(VarDecAdd(&mone, &one, &r), S_OK);
    CHECK_DEC(r, 0, 0, 0, DECIMAL_NEG);
    CHECK_HR(VarDecMul(&zero, &mone, &r), S_OK);
    CHECK_DEC(r, 0, 0, 0, DECIMAL_NEG);
    CHECK_HR(VarDecDiv(&zero, &mone, &r), S_OK);
    CHECK_DEC(r, 0, 0, 0, DECIMAL_NEG);
}

int main(void)
{
    RUN(add_sub);
    RUN(mul_div);
    RUN(bad_scale);
    RUN(round_fix_int);
    RUN(compare);
    RUN(zero_signs);
    return comrt_test_summary();
}
