/*
 * test_varconv.c — the numeric VarXxxFromYyy conversions: banker's
 * rounding, overflow edges, BOOL rules, CY scaling, DECIMAL from doubles
 * (15 / 7 significant digits, as Windows) — values checked against
 * oleaut32 (Wine) and, where Wine differs, Windows' documented algorithm.
 */
#include "comrt_test.h"

TEST(float_to_int_rounds_half_even)
{
    BYTE b = 7;
    CHAR c = 0;
    SHORT s = 0;
    LONG l = 0;
    static const struct { double in; HRESULT hr; int out; } ui1[] = {
        { 0.5, S_OK, 0 },   { 1.5, S_OK, 2 },   { 2.5, S_OK, 2 },   { -0.5, S_OK, 0 },
        { -0.6, DISP_E_OVERFLOW, 0 }, { 254.5, S_OK, 254 }, { 255.49, S_OK, 255 }, { 255.5, DISP_E_OVERFLOW, 0 },
        { NAN, S_OK, 255 }, { INFINITY, DISP_E_OVERFLOW, 0 }, { 1e300, DISP_E_OVERFLOW, 0 },
    };
    for (size_t i = 0; i < sizeof ui1 / sizeof ui1[0]; i++) {
        b = 7;
        HRESULT hr = VarUI1FromR8(ui1[i].in, &b);
        CHECK_MSG(hr == ui1[i].hr, "VarUI1FromR8(%g) hr %08x", ui1[i].in, (unsigned)hr);
        if (hr == S_OK) CHECK_MSG(b == ui1[i].out, "VarUI1FromR8(%g) = %d", ui1[i].in, b);
        else CHECK_MSG(b == 7, "VarUI1FromR8(%g) wrote on failure", ui1[i].in);
    }
    CHECK_HR(VarI1FromR8(-128.5, &c), S_OK);
    CHECK_INT(c, -128);
    CHECK_HR(VarI1FromR8(127.5, &c), DISP_E_OVERFLOW);
    CHECK_HR(VarI2FromR8(-32768.5, &s), S_OK);
    CHECK_INT(s, -32768);
    CHECK_HR(VarI2FromR8(32767.5, &s), DISP_E_OVERFLOW);
    CHECK_HR(VarI4FromR8(2147483646.5, &l), S_OK);
    CHECK_INT(l, 2147483646);
    CHECK_HR(VarI4FromR8(2147483647.5, &l), DISP_E_OVERFLOW);
    CHECK_HR(VarI4FromR4(-129.5f, &l), S_OK);
    CHECK_INT(l, -130);
}

TEST(int_ranges)
{
    BYTE b;
    USHORT us;
    ULONG64 u8;
    LONG64 i8;
    CHECK_HR(VarUI1FromI4(256, &b), DISP_E_OVERFLOW);
    CHECK_HR(VarUI1FromI1(-1, &b), DISP_E_OVERFLOW);
    CHECK_HR(VarUI2FromI4(65535, &us), S_OK);
    CHECK_INT(us, 65535);
    CHECK_HR(VarUI8FromI8(-1, &u8), DISP_E_OVERFLOW);
    CHECK_HR(VarI8FromUI8(0x8000000000000000ULL, &i8), DISP_E_OVERFLOW);
    CHECK_HR(VarI8FromUI8(0x7fffffffffffffffULL, &i8), S_OK);
}

/* I8 targets as oleaut32 has them (each checked against the oracle):
 * doubles only in [-2^62, 2^62), DECIMAL magnitudes below 2^63, and the
 * Win32 quirk that a negative CY truncates and then drops by one. */
TEST(i8_quirks)
{
    LONG64 i8 = 0;
    CY cy;
    DECIMAL d;
    CHECK_HR(VarI8FromR8(-4611686018427387904.0, &i8), S_OK);
    CHECK(i8 == -4611686018427387904LL);
    CHECK_HR(VarI8FromR8(4611686018427387904.0, &i8), DISP_E_OVERFLOW);
    CHECK_HR(VarI8FromR8(-9223372036854775808.0, &i8), DISP_E_OVERFLOW);
    CHECK_HR(VarI8FromR4(-9223372036854775808.0f, &i8), DISP_E_OVERFLOW);
    CHECK_HR(VarI8FromR8(1e18, &i8), S_OK);
    CHECK(i8 == 1000000000000000000LL);
    cy.int64 = -10000; /* -1 -> -2 */
    CHECK_HR(VarI8FromCy(cy, &i8), S_OK);
    CHECK(i8 == -2);
    cy.int64 = -1; /* -0.0001 -> -1 */
    CHECK_HR(VarI8FromCy(cy, &i8), S_OK);
    CHECK(i8 == -1);
    cy.int64 = -25000; /* -2.5 -> -3 */
    CHECK_HR(VarI8FromCy(cy, &i8), S_OK);
    CHECK(i8 == -3);
    cy.int64 = 25000; /* 2.5 -> 2, half to even */
    CHECK_HR(VarI8FromCy(cy, &i8), S_OK);
    CHECK(i8 == 2);
    memset(&d, 0, sizeof d);
    d.Lo64 = 0x8000000000000000ULL;
    d.sign = DECIMAL_NEG;
    CHECK_HR(VarI8FromDec(&d, &i8), DISP_E_OVERFLOW);
    d.Lo64 = 0x7FFFFFFFFFFFFFFFULL;
    CHECK_HR(VarI8FromDec(&d, &i8), S_OK);
    CHECK(i8 == -9223372036854775807LL);
}

TEST(bool_rules)
{
    VARIANT_BOOL vb = 0;
    BYTE b;
    ULONG u;
    DECIMAL d;
    CHECK_HR(VarBoolFromI4(2, &vb), S_OK);
    CHECK_INT(vb, VARIANT_TRUE);
    CHECK_HR(VarBoolFromR8(NAN, &vb), S_OK);
    CHECK_INT(vb, VARIANT_TRUE);
    CHECK_HR(VarBoolFromR8(-0.0, &vb), S_OK);
    CHECK_INT(vb, VARIANT_FALSE);
    CHECK_HR(VarUI1FromBool(VARIANT_TRUE, &b), S_OK);
    CHECK_INT(b, 255);
    CHECK_HR(VarUI4FromBool(VARIANT_TRUE, &u), S_OK);
    CHECK_INT(u, 0xFFFFFFFFu);
    CHECK_HR(VarDecFromBool(1, &d), S_OK);
    CHECK(d.sign == DECIMAL_NEG && d.Lo64 == 1 && d.scale == 0);
}

TEST(date_ranges)
{
    DATE dt;
    CHECK_HR(VarDateFromI4(2958465, &dt), S_OK);
    CHECK_HR(VarDateFromI4(2958466, &dt), DISP_E_OVERFLOW);
    CHECK_HR(VarDateFromI4(-657435, &dt), DISP_E_OVERFLOW);
    CHECK_HR(VarDateFromR8(2958465.9999, &dt), S_OK);
    CHECK_HR(VarDateFromR8(2958466.0, &dt), DISP_E_OVERFLOW);
    CHECK_HR(VarDateFromR8(-657435.0, &dt), DISP_E_OVERFLOW);
}

TEST(currency)
{
    CY cy;
    LONG l;
    CHECK_HR(VarCyFromR8(0.00005, &cy), S_OK); /* a hair above half: rounds up */
    CHECK_INT(cy.int64, 1);
    CHECK_HR(VarCyFromR8(0.00015, &cy), S_OK);
    CHECK_INT(cy.int64, 1);
    CHECK_HR(VarCyFromR8(922337203685477.0, &cy), S_OK);
    CHECK_INT(cy.int64, 9223372036854770000LL);
    CHECK_HR(VarCyFromR8(922337203685477.5807, &cy), DISP_E_OVERFLOW);
    CHECK_HR(VarCyFromI8(922337203685477LL, &cy), DISP_E_OVERFLOW);
    CHECK_HR(VarCyFromUI8(922337203685477ULL, &cy), S_OK);
    cy.int64 = 25000;
    CHECK_HR(VarI4FromCy(cy, &l), S_OK);
    CHECK_INT(l, 2);
    cy.int64 = -15000;
    CHECK_HR(VarI4FromCy(cy, &l), S_OK);
    CHECK_INT(l, -2);
}

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

TEST(decimal_from_double)
{
    DECIMAL d;
    CHECK_HR(VarDecFromR8(0.1, &d), S_OK);
    CHECK(d.Lo64 == 1 && d.scale == 1 && d.sign == 0);
    CHECK_HR(VarDecFromR8(1.0 / 3.0, &d), S_OK); /* 15 significant digits */
    CHECK(d.Lo64 == 333333333333333ULL && d.scale == 15);
    CHECK_HR(VarDecFromR4(1.0f / 3.0f, &d), S_OK); /* 7 */
    CHECK(d.Lo64 == 3333333 && d.scale == 7);
    CHECK_HR(VarDecFromR8(-2.5, &d), S_OK);
    CHECK(d.Lo64 == 25 && d.scale == 1 && d.sign == DECIMAL_NEG);
    CHECK_HR(VarDecFromR8(1e28, &d), S_OK);
    CHECK(d.Hi32 == 0x204FCE5E && d.Lo64 == 0x3E25026110000000ULL && d.scale == 0);
    CHECK_HR(VarDecFromR8(7.9228162514264338e28, &d), DISP_E_OVERFLOW);
    CHECK_HR(VarDecFromR8(NAN, &d), DISP_E_OVERFLOW);
    CHECK_HR(VarDecFromR8(1e-29, &d), S_OK);
    CHECK(d.Lo64 == 0 && d.Hi32 == 0);
}

TEST(decimal_to_others)
{
    DECIMAL d = dec(25, 0, 1, 0), bad = dec(1, 0, 29, 0);
    LONG l;
    ULONG64 u8;
    double r;
    CY cy;
    CHECK_HR(VarI4FromDec(&d, &l), S_OK);
    CHECK_INT(l, 2);
    d = dec(15, 0, 1, 1);
    CHECK_HR(VarI4FromDec(&d, &l), S_OK);
    CHECK_INT(l, -2);
    CHECK_HR(VarI4FromDec(&bad, &l), E_INVALIDARG);
    bad = dec(1, 0, 0, 0);
    bad.sign = 0x01;
    CHECK_HR(VarI4FromDec(&bad, &l), E_INVALIDARG);
    d = dec(0, 0, 0, 1);
    CHECK_HR(VarUI8FromDec(&d, &u8), DISP_E_OVERFLOW);
    d = dec(123456789, 0, 4, 0);
    CHECK_HR(VarR8FromDec(&d, &r), S_OK);
    CHECK_DBL(r, 12345.6789);
    d = dec(1234567890500ULL, 0, 8, 0); /* 12345.678905: half -> even */
    CHECK_HR(VarCyFromDec(&d, &cy), S_OK);
    CHECK_INT(cy.int64, 123456789);
}

int main(void)
{
    RUN(float_to_int_rounds_half_even);
    RUN(int_ranges);
    RUN(i8_quirks);
    RUN(bool_rules);
    RUN(date_ranges);
    RUN(currency);
    RUN(decimal_from_double);
    RUN(decimal_to_others);
    return comrt_test_summary();
}
