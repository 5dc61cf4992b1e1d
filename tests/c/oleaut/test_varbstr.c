/* Tests for oleaut/varbstr.c: VarBstrFromXxx for numbers and BOOL.
 * Expected texts are the Wine oracle's. */
#include "comrt_test.h"

#define EN 0x0409
#define DE 0x0407
#define FR 0x040c

/* Checks that expr (which writes BSTR b) succeeds with text want, then
 * frees b. */
#define CHECK_BSTR(expr, want)                                                 \
    do {                                                                       \
        BSTR b = NULL;                                                         \
        HRESULT hr_ = (expr);                                                  \
        CHECK_MSG(hr_ == S_OK, "%s returned 0x%08x", #expr, (unsigned)hr_);    \
        if (hr_ == S_OK) {                                                     \
            CHECK_MSG(comrt_test_wstr_eq(b, want), "%s gave \"%s\", expected \"%s\"", #expr, \
                      comrt_test_narrow(b), want);                             \
            CHECK_INT(SysStringLen(b), strlen(want));                          \
        }                                                                      \
        SysFreeString(b);                                                      \
    } while (0)

TEST(integers)
{
    CHECK_BSTR(VarBstrFromUI1(255, EN, 0, &b), "255");
    CHECK_BSTR(VarBstrFromI1(-128, EN, 0, &b), "-128");
    CHECK_BSTR(VarBstrFromI2(-32768, EN, 0, &b), "-32768");
    CHECK_BSTR(VarBstrFromUI2(65535, DE, 0, &b), "65535");
    CHECK_BSTR(VarBstrFromI4(-2147483647 - 1, EN, 0, &b), "-2147483648");
    CHECK_BSTR(VarBstrFromI4(12345678, DE, 0, &b), "12345678"); /* never grouped */
    CHECK_BSTR(VarBstrFromUI4(4294967295u, EN, 0, &b), "4294967295");
    CHECK_BSTR(VarBstrFromI8((LONG64)0x8000000000000000ULL, EN, 0, &b), "-9223372036854775808");
    CHECK_BSTR(VarBstrFromUI8(~0ULL, EN, 0, &b), "18446744073709551615");
}

TEST(doubles)
{
    static const struct {
        double v;
        const char *en, *de;
    } cases[] = {
        { 0.0, "0", "0" },
        { -0.0, "0", "0" },
        { 1.5, "1.5", "1,5" },
        { -1.5, "-1.5", "-1,5" },
        { 0.1, "0.1", "0,1" },
        { 1.0 / 3, "0.333333333333333", "0,333333333333333" },
        { 2.0 / 3, "0.666666666666667", "0,666666666666667" },
        { 123456789012345.0, "123456789012345", "123456789012345" },
        { 999999999999999.0, "999999999999999", "999999999999999" },
        { 1e15, "1E+15", "1E+15" },
        { 1234567890123456.0, "1.23456789012346E+15", "1.23456789012346E+15" },
        { 0.0001, "0.0001", "0,0001" },
        { 0.00001, "1E-05", "1E-05" },
        { 1.5e-5, "1.5E-05", "1.5E-05" }, /* the exponent form keeps '.' */
        { 1e100, "1E+100", "1E+100" },
        { 1.7976931348623157e308, "1.79769313486232E+308", "1.79769313486232E+308" },
        { 4.9406564584124654e-324, "4.94065645841247E-324", "4.94065645841247E-324" },
        { 0.9999999999999999, "1", "1" },
        { 123456789.123456789, "123456789.123457", "123456789,123457" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_BSTR(VarBstrFromR8(cases[i].v, EN, 0, &b), cases[i].en);
        CHECK_BSTR(VarBstrFromR8(cases[i].v, DE, 0, &b), cases[i].de);
    }
    CHECK_BSTR(VarBstrFromR8(INFINITY, EN, 0, &b), "INF");
    CHECK_BSTR(VarBstrFromR8(-INFINITY, EN, 0, &b), "-INF");
    CHECK_BSTR(VarBstrFromR8(NAN, EN, 0, &b), "NAN");
    CHECK_BSTR(VarBstrFromR8(-NAN, EN, 0, &b), "-NAN(IND)");
    CHECK_BSTR(VarBstrFromR8(0.5, FR, 0, &b), "0,5");
    CHECK_BSTR(VarBstrFromR8(0.5, LOCALE_INVARIANT, 0, &b), "0.5");
}

TEST(floats)
{
    CHECK_BSTR(VarBstrFromR4(0.1f, EN, 0, &b), "0.1");
    CHECK_BSTR(VarBstrFromR4(1.0f / 3, EN, 0, &b), "0.3333333");
    CHECK_BSTR(VarBstrFromR4(1e7f, EN, 0, &b), "1E+07");
    CHECK_BSTR(VarBstrFromR4(9999999.0f, EN, 0, &b), "9999999");
    CHECK_BSTR(VarBstrFromR4(12345678.0f, EN, 0, &b), "1.234568E+07");
    CHECK_BSTR(VarBstrFromR4(123456.7f, DE, 0, &b), "123456,7");
    CHECK_BSTR(VarBstrFromR4(3.4028235e38f, EN, 0, &b), "3.402823E+38");
    CHECK_BSTR(VarBstrFromR4(0.00012345678f, EN, 0, &b), "0.0001234568");
}

TEST(currency)
{
    CY c;
    c.int64 = 15000;
    CHECK_BSTR(VarBstrFromCy(c, EN, 0, &b), "1.5");
    CHECK_BSTR(VarBstrFromCy(c, DE, 0, &b), "1,5");
    c.int64 = -1;
    CHECK_BSTR(VarBstrFromCy(c, EN, 0, &b), "-0.0001");
    c.int64 = 50000000;
    CHECK_BSTR(VarBstrFromCy(c, EN, 0, &b), "5000");
    c.int64 = 0x7FFFFFFFFFFFFFFFLL;
    CHECK_BSTR(VarBstrFromCy(c, EN, 0, &b), "922337203685477.5807");
    c.int64 = (LONG64)0x8000000000000000ULL;
    CHECK_BSTR(VarBstrFromCy(c, EN, 0, &b), "-922337203685477.5808");
    c.int64 = 0;
    CHECK_BSTR(VarBstrFromCy(c, EN, 0, &b), "0");
}

static DECIMAL dec(BYTE scale, BYTE sign, ULONG hi, ULONG64 lo)
{
    DECIMAL d;
    memset(&d, 0, sizeof d);
    d.scale = scale;
    d.sign = sign;
    d.Hi32 = hi;
    d.Lo64 = lo;
    return d;
}

TEST(decimals)
{
    DECIMAL d = dec(2, 0, 0, 150);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "1.5");
    d = dec(1, DECIMAL_NEG, 0, 15);
    CHECK_BSTR(VarBstrFromDec(&d, DE, 0, &b), "-1,5");
    d = dec(1, DECIMAL_NEG, 0, 0);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "0");
    d = dec(28, 0, 0, 1);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "0.0000000000000000000000000001");
    d = dec(0, 0, 0xFFFFFFFF, ~0ULL);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "79228162514264337593543950335");
    d = dec(28, 0, 0xFFFFFFFF, ~0ULL);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "7.9228162514264337593543950335");
    d = dec(5, 0, 0, 100000);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "1");
    /* out-of-range DECIMALs are still shown, as by the reference */
    d = dec(29, 0, 0, 1);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "0.00000000000000000000000000001");
    d = dec(0, 1, 0, 1);
    CHECK_BSTR(VarBstrFromDec(&d, EN, 0, &b), "-1");
    d = dec(255, 0, 0xFFFFFFFF, ~0ULL);
    {
        BSTR s = NULL;
        CHECK_HR(VarBstrFromDec(&d, EN, 0, &s), S_OK);
        CHECK_INT(SysStringLen(s), 257);
        SysFreeString(s);
    }
    CHECK_HR(VarBstrFromDec(NULL, EN, 0, NULL), E_INVALIDARG);
}

TEST(booleans)
{
    CHECK_BSTR(VarBstrFromBool(VARIANT_TRUE, EN, 0, &b), "True");
    CHECK_BSTR(VarBstrFromBool(VARIANT_FALSE, EN, 0, &b), "False");
    CHECK_BSTR(VarBstrFromBool(5, EN, 0, &b), "True");
    CHECK_BSTR(VarBstrFromBool(VARIANT_TRUE, DE, 0, &b), "True");
    CHECK_BSTR(VarBstrFromBool(VARIANT_TRUE, DE, VAR_LOCALBOOL, &b), "Wahr");
    CHECK_BSTR(VarBstrFromBool(VARIANT_FALSE, DE, VAR_LOCALBOOL, &b), "Falsch");
    CHECK_BSTR(VarBstrFromBool(VARIANT_TRUE, FR, VAR_LOCALBOOL, &b), "Vrai");
    CHECK_BSTR(VarBstrFromBool(VARIANT_FALSE, FR, VAR_LOCALBOOL | VARIANT_ALPHABOOL, &b), "Faux");
    CHECK_BSTR(VarBstrFromBool(VARIANT_FALSE, FR, VARIANT_ALPHABOOL, &b), "False");
    CHECK_HR(VarBstrFromBool(VARIANT_TRUE, EN, 0, NULL), E_INVALIDARG);
}

int main(void)
{
    RUN(integers);
    RUN(doubles);
    RUN(floats);
    RUN(currency);
    RUN(decimals);
    RUN(booleans);
    return comrt_test_summary();
}
