/* Tests for oleaut/numparse.c: VarParseNumFromStr and VarNumFromParseNum.
 * Expected values were recorded from the Wine oracle (see the report in
 * tests/golden/); the few places where comrt follows Windows instead are
 * marked. */
#include "comrt_test.h"

typedef struct {
    const WCHAR *in;
    LCID lcid;
    ULONG flags;   /* dwInFlags */
    int cdig;      /* buffer size */
    HRESULT hr;
    int out_cdig;
    ULONG out_flags;
    int used, shift, pwr;
    const char *digits; /* as hex characters */
} parse_case;

#define STD NUMPRS_STD
#define EN 0x0409
#define DE 0x0407
#define FR 0x040c
#define INV LOCALE_INVARIANT

static const parse_case parse_cases[] = {
    { u"0", EN, STD, 30, S_OK, 1, 0, 1, 0, 0, "0" },
    { u"-1", EN, STD, 30, S_OK, 1, NUMPRS_NEG | NUMPRS_LEADING_MINUS, 2, 0, 0, "1" },
    { u"+1", EN, STD, 30, S_OK, 1, NUMPRS_LEADING_PLUS, 2, 0, 0, "1" },
    { u"  42  ", EN, STD, 30, S_OK, 2, NUMPRS_LEADING_WHITE | NUMPRS_TRAILING_WHITE, 6, 0, 0, "42" },
    { u"\u00a042", EN, STD, 30, S_OK, 2, NUMPRS_LEADING_WHITE, 3, 0, 0, "42" },
    { u"00012300", EN, STD, 30, S_OK, 3, 0, 8, 0, 2, "123" },
    { u"1.5", EN, STD, 30, S_OK, 2, NUMPRS_DECIMAL, 3, 0, -1, "15" },
    { u".5", EN, STD, 30, S_OK, 1, NUMPRS_DECIMAL, 2, 0, -1, "5" },
    { u"5.", EN, STD, 30, S_OK, 1, NUMPRS_DECIMAL, 2, 0, 0, "5" },
    { u"0.0", EN, STD, 30, S_OK, 1, NUMPRS_DECIMAL, 3, 0, -1, "0" },
    { u"1,000,000", EN, STD, 30, S_OK, 1, NUMPRS_THOUSANDS, 9, 0, 6, "1" },
    { u"1,,0", EN, STD, 30, S_OK, 1, NUMPRS_THOUSANDS, 4, 0, 1, "1" },
    { u"1.000,5", EN, STD, 30, S_OK, 5, NUMPRS_DECIMAL | NUMPRS_THOUSANDS, 7, 0, -4, "10005" },
    { u",1", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"(1)", EN, STD, 30, S_OK, 1, NUMPRS_NEG | NUMPRS_PARENS, 3, 0, 0, "1" },
    { u"(1", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"(1-", EN, STD, 30, S_OK, 1, NUMPRS_NEG | NUMPRS_PARENS | NUMPRS_TRAILING_MINUS, 3, 0, 0, "1" },
    { u"$6e9", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"-(1)", EN, STD, 30, S_OK, 1, NUMPRS_NEG | NUMPRS_PARENS | NUMPRS_LEADING_MINUS, 4, 0, 0, "1" },
    { u"1-", EN, STD, 30, S_OK, 1, NUMPRS_NEG | NUMPRS_TRAILING_MINUS, 2, 0, 0, "1" },
    { u"1 -", EN, STD, 30, S_OK, 1, NUMPRS_NEG | NUMPRS_TRAILING_MINUS | NUMPRS_TRAILING_WHITE, 3, 0, 0, "1" },
    { u"+-1", EN, STD, 30, S_OK, 1, NUMPRS_NEG | NUMPRS_LEADING_MINUS | NUMPRS_LEADING_PLUS, 3, 0, 0, "1" },
    { u"--1", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"1e3", EN, STD, 30, S_OK, 1, NUMPRS_EXPONENT, 3, 0, 3, "1" },
    { u"-1.5E-5", EN, STD, 30, S_OK, 2, NUMPRS_NEG | NUMPRS_LEADING_MINUS | NUMPRS_DECIMAL | NUMPRS_EXPONENT, 7, 0, -6, "15" },
    { u"1e", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"1d3", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"&H10", EN, STD, 30, S_OK, 2, NUMPRS_HEX_OCT, 4, 4, 0, "10" },
    { u"&o777", EN, STD, 30, S_OK, 3, NUMPRS_HEX_OCT, 5, 3, 0, "777" },
    { u"&O8", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"&HFFFF", EN, STD, 3, DISP_E_OVERFLOW, 0, 0, 0, 0, 0, NULL },
    { u"$1,000.50", EN, STD, 30, S_OK, 5, NUMPRS_CURRENCY | NUMPRS_THOUSANDS | NUMPRS_DECIMAL, 9, 0, -1, "10005" },
    { u"$ 1", EN, STD, 30, S_OK, 1, NUMPRS_CURRENCY | NUMPRS_LEADING_WHITE, 3, 0, 0, "1" },
    { u"\u20ac1", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"abc", EN, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"1)", EN, 0, 30, S_OK, 1, 0, 1, 0, 0, "1" },
    { u"42 ", EN, 0, 30, S_OK, 2, 0, 2, 0, 0, "42" },
    /* too many digits: the first cDig are kept, zeros fill the buffer */
    { u"1,000", EN, STD, 3, S_OK, 3, NUMPRS_THOUSANDS, 5, 0, 1, "100" },
    { u"12345", EN, STD, 3, S_OK, 3, NUMPRS_INEXACT, 5, 0, 2, "123" },
    /* ... but every fraction digit lowers the power, kept or not (so the
     * digits no longer say the number; the reference's rule) */
    { u"1.5", EN, STD, 1, S_OK, 1, NUMPRS_DECIMAL | NUMPRS_INEXACT, 3, 0, -1, "1" },
    { u"1.500", EN, STD, 3, S_OK, 3, NUMPRS_DECIMAL, 5, 0, -3, "150" },
    { u"12300.004", EN, STD, 6, S_OK, 6, NUMPRS_DECIMAL | NUMPRS_INEXACT, 9, 0, -3, "123000" },
    { u"12300.004", EN, STD, 1, S_OK, 1, NUMPRS_DECIMAL | NUMPRS_INEXACT, 9, 0, 1, "1" },
    { u"0.000100", EN, STD, 1, S_OK, 1, NUMPRS_DECIMAL, 8, 0, -6, "1" },
    /* hex digits that do not fit are dropped, unless one is A-F */
    { u"&H1234", EN, STD, 3, S_OK, 3, NUMPRS_HEX_OCT, 6, 4, 0, "123" },
    { u"&H0001234", EN, STD, 3, S_OK, 3, NUMPRS_HEX_OCT, 9, 4, 0, "123" },
    { u"&H1A", EN, STD, 1, DISP_E_OVERFLOW, 0, 0, 0, 0, 0, NULL },
    { u"&O12345", EN, STD, 3, S_OK, 3, NUMPRS_HEX_OCT, 7, 3, 0, "123" },
    /* locales */
    { u"1,5", DE, STD, 30, S_OK, 2, NUMPRS_DECIMAL, 3, 0, -1, "15" },
    { u"1.234.567", DE, STD, 30, S_OK, 7, NUMPRS_THOUSANDS, 9, 0, 0, "1234567" },
    { u"1 \u20ac", DE, STD, 30, S_OK, 1, NUMPRS_CURRENCY | NUMPRS_TRAILING_WHITE, 3, 0, 0, "1" },
    { u"1 000", FR, STD, 30, S_OK, 1, NUMPRS_THOUSANDS, 5, 0, 3, "1" },
    { u"1\u00a0000", FR, STD, 30, S_OK, 1, NUMPRS_THOUSANDS, 5, 0, 3, "1" },
    { u"1.5", FR, STD, 30, DISP_E_TYPEMISMATCH, 0, 0, 0, 0, 0, NULL },
    { u"\u00a41", INV, STD, 30, S_OK, 1, NUMPRS_CURRENCY, 2, 0, 0, "1" },
};

static void hexdigits(const BYTE *d, int n, char *out)
{
    for (int i = 0; i < n && i < 63; i++) out[i] = "0123456789abcdef"[d[i] & 15];
    out[n < 63 ? n : 63] = 0;
}

TEST(parse_table)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const parse_case *c = &parse_cases[i];
        NUMPARSE np;
        BYTE dig[64];
        char got[64];
        HRESULT hr;

        memset(&np, 0, sizeof np);
        np.cDig = c->cdig;
        np.dwInFlags = c->flags;
        hr = VarParseNumFromStr(c->in, c->lcid, 0, &np, dig);
        CHECK_MSG(hr == c->hr, "\"%s\" lcid %04x: hr %08x, expected %08x", comrt_test_narrow(c->in),
                  (unsigned)c->lcid, (unsigned)hr, (unsigned)c->hr);
        if (hr != S_OK || c->hr != S_OK) continue;
        hexdigits(dig, np.cDig, got);
        CHECK_MSG(np.cDig == c->out_cdig && np.dwOutFlags == c->out_flags && np.cchUsed == c->used &&
                      np.nBaseShift == c->shift && np.nPwr10 == c->pwr && !strcmp(got, c->digits),
                  "\"%s\" lcid %04x: cDig %d flags %x used %d shift %d pwr %d digits %s; expected %d %x %d %d %d %s",
                  comrt_test_narrow(c->in), (unsigned)c->lcid, np.cDig, (unsigned)np.dwOutFlags, np.cchUsed,
                  np.nBaseShift, np.nPwr10, got, c->out_cdig, (unsigned)c->out_flags, c->used, c->shift, c->pwr,
                  c->digits);
    }
}

TEST(parse_bad_args)
{
    NUMPARSE np = { 30, NUMPRS_STD, 0, 0, 0, 0 };
    BYTE dig[30];
    CHECK_HR(VarParseNumFromStr(NULL, EN, 0, &np, dig), E_INVALIDARG);
    CHECK_HR(VarParseNumFromStr(u"1", EN, 0, NULL, dig), E_INVALIDARG);
    CHECK_HR(VarParseNumFromStr(u"1", EN, 0, &np, NULL), E_INVALIDARG);
}

/* Parses s (en-US, NUMPRS_STD) and converts with bits into *v. */
static HRESULT num(const WCHAR *s, ULONG bits, VARIANT *v)
{
    NUMPARSE np = { 30, NUMPRS_STD, 0, 0, 0, 0 };
    BYTE dig[30];
    HRESULT hr = VarParseNumFromStr(s, EN, 0, &np, dig);
    if (FAILED(hr)) return hr;
    VariantInit(v);
    return VarNumFromParseNum(&np, dig, bits, v);
}

#define ALL                                                                                            \
    (VTBIT_I1 | VTBIT_UI1 | VTBIT_I2 | VTBIT_UI2 | VTBIT_I4 | VTBIT_UI4 | VTBIT_I8 | VTBIT_UI8 | VTBIT_R4 | \
     VTBIT_R8 | VTBIT_CY | VTBIT_DECIMAL)

TEST(smallest_type)
{
    VARIANT v;
    CHECK_HR(num(u"0", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_I1);
    CHECK_HR(num(u"255", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_UI1);
    CHECK_INT(V_UI1(&v), 255);
    CHECK_HR(num(u"-129", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_I2);
    CHECK_HR(num(u"32768", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_UI2);
    CHECK_HR(num(u"2147483648", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_UI4);
    CHECK_HR(num(u"9223372036854775808", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_UI8);
    /* a fraction picks the first float type allowed */
    CHECK_HR(num(u"1.5", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_R4);
    CHECK_HR(num(u"0.0", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_R4);
    CHECK_HR(num(u"1.5", VTBIT_UI1 | VTBIT_R8, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_R8);
    CHECK_HR(num(u"1.5", VTBIT_I8 | VTBIT_DECIMAL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_DECIMAL);
    CHECK_INT(V_DECIMAL(&v).scale, 1);
    CHECK_INT(V_DECIMAL(&v).Lo64, 15);
    /* integer types only: banker's rounding */
    CHECK_HR(num(u"2.5", VTBIT_I4, &v), S_OK);
    CHECK_INT(V_I4(&v), 2);
    CHECK_HR(num(u"1.5", VTBIT_I4, &v), S_OK);
    CHECK_INT(V_I4(&v), 2);
    CHECK_HR(num(u"-0.5", VTBIT_UI1, &v), S_OK);
    CHECK_INT(V_UI1(&v), 0);
    CHECK_HR(num(u"255.5", VTBIT_UI1, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"-1", VTBIT_UI1 | VTBIT_UI8, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"1", 0, &v), DISP_E_OVERFLOW);
}

TEST(hex_patterns)
{
    VARIANT v;
    CHECK_HR(num(u"&HFFFF", ALL, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_I2);
    CHECK_INT(V_I2(&v), -1);
    CHECK_HR(num(u"&HFF", VTBIT_I1, &v), S_OK);
    CHECK_INT(V_I1(&v), -1);
    CHECK_HR(num(u"&HFFFFFFFF", VTBIT_I4, &v), S_OK);
    CHECK_INT(V_I4(&v), -1);
    CHECK_HR(num(u"&HFFFFFFFF", VTBIT_UI4, &v), S_OK);
    CHECK_INT(V_UI4(&v), 0xFFFFFFFFu);
    CHECK_HR(num(u"&H80000000", VTBIT_R8, &v), S_OK);
    CHECK_DBL(V_R8(&v), -2147483648.0);
    CHECK_HR(num(u"&HFFFFFFFF", VTBIT_R8, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"&H10", VTBIT_CY, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"&HFFFFFFFFFFFFFFFF", VTBIT_UI8, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"-&H10", VTBIT_I4, &v), S_OK); /* the sign is ignored */
    CHECK_INT(V_I4(&v), 16);
}

TEST(exact_cy_and_decimal)
{
    VARIANT v;
    /* comrt is exact where Wine detours through a double (1.00025 -> 10003
     * there); Windows documents CY as exact */
    CHECK_HR(num(u"1.00025", VTBIT_CY, &v), S_OK);
    CHECK_INT(V_CY(&v).int64, 10002);
    CHECK_HR(num(u"1.00015", VTBIT_CY, &v), S_OK);
    CHECK_INT(V_CY(&v).int64, 10002);
    CHECK_HR(num(u"922337203685477.5807", VTBIT_CY, &v), S_OK);
    CHECK_INT(V_CY(&v).int64, 0x7FFFFFFFFFFFFFFFLL);
    CHECK_HR(num(u"922337203685477.5808", VTBIT_CY, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"7922816251426433759354395033.5", VTBIT_DECIMAL, &v), S_OK);
    CHECK_INT(V_DECIMAL(&v).scale, 1);
    CHECK_INT(V_DECIMAL(&v).Hi32, 0xFFFFFFFFu);
    CHECK(V_DECIMAL(&v).Lo64 == ~0ULL);
    CHECK_HR(num(u"79228162514264337593543950336", VTBIT_DECIMAL, &v), DISP_E_OVERFLOW);
    /* more decimals than DECIMAL holds: rounded to scale 28 */
    CHECK_HR(num(u"3.14159265358979323846264338327950288", VTBIT_DECIMAL, &v), S_OK);
    CHECK_INT(V_DECIMAL(&v).scale, 28);
    CHECK_HR(num(u"-0.0", VTBIT_DECIMAL, &v), S_OK);
    CHECK_INT(V_DECIMAL(&v).sign, DECIMAL_NEG);
    CHECK_INT(V_DECIMAL(&v).scale, 1);
}

TEST(doubles)
{
    VARIANT v;
    CHECK_HR(num(u"0.1", VTBIT_R8, &v), S_OK);
    CHECK_DBL(V_R8(&v), 0.1);
    CHECK_HR(num(u"-1.5E-5", VTBIT_R8, &v), S_OK);
    CHECK_DBL(V_R8(&v), -1.5e-5);
    CHECK_HR(num(u"1e400", VTBIT_R8, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"1e-400", VTBIT_R8, &v), S_OK);
    CHECK_DBL(V_R8(&v), 0.0);
    CHECK_HR(num(u"1e39", VTBIT_R4, &v), DISP_E_OVERFLOW);
    CHECK_HR(num(u"-0", VTBIT_R8, &v), S_OK);
    CHECK(signbit(V_R8(&v)));
}

/* The digits as a double the way the reference computes it: accumulated,
 * then scaled by 10^10 steps and a remainder (not correctly rounded). */
static void check_r8_bits(const WCHAR *s, HRESULT hr, ULONG64 bits)
{
    VARIANT v;
    ULONG64 got = 0;
    HRESULT h = num(s, VTBIT_R8, &v);
    if (h == S_OK) memcpy(&got, &V_R8(&v), sizeof got);
    CHECK_MSG(h == hr && (hr != S_OK || got == bits), "%s: hr %08x bits %016llx, expected %08x %016llx",
              comrt_test_narrow(s), (unsigned)h, (unsigned long long)got, (unsigned)hr, (unsigned long long)bits);
}

static void check_r4_bits(const WCHAR *s, HRESULT hr, ULONG bits)
{
    VARIANT v;
    ULONG got = 0;
    HRESULT h = num(s, VTBIT_R4, &v);
    if (h == S_OK) memcpy(&got, &V_R4(&v), sizeof got);
    CHECK_MSG(h == hr && (hr != S_OK || got == bits), "%s: hr %08x bits %08x, expected %08x %08x",
              comrt_test_narrow(s), (unsigned)h, (unsigned)got, (unsigned)hr, (unsigned)bits);
}

TEST(doubles_like_the_reference)
{
    check_r8_bits(u"1e40", S_OK, 0x483D6329F1C35CA5ull);
    check_r8_bits(u"1e-35", S_OK, 0x38AA95A5B7F87A10ull); /* correctly rounded: ...7A0F */
    check_r8_bits(u"1e-11", S_OK, 0x3DA5FD7FE1796496ull);
    check_r8_bits(u"0.00000000000000000000000000015", S_OK, 0x3A27C4B90EBC4813ull);
    check_r8_bits(u"1.23456789012345678901234567890", S_OK, 0x3FF3C0CA428C59FAull);
    check_r8_bits(u"7.9228162514264337593543950335", S_OK, 0x401FB0F6BE506017ull);
    check_r8_bits(u"1e-301", S_OK, 0x017124E63593F5E2ull);
    /* below the smallest denormal times the last divisor: zero */
    check_r8_bits(u"4e-324", S_OK, 0);
    check_r8_bits(u"5e-324", S_OK, 1);
    check_r8_bits(u"8e-324", S_OK, 2);
    check_r8_bits(u"4.94e-324", S_OK, 0);
    check_r8_bits(u"4.95e-324", S_OK, 1);
    /* overflow a few units below DBL_MAX */
    check_r8_bits(u"1797693134862314e293", S_OK, 0x7FEFFFFFFFFFFFF6ull);
    check_r8_bits(u"1797693134862315e293", DISP_E_OVERFLOW, 0);
    check_r8_bits(u"1.8e308", DISP_E_OVERFLOW, 0);
    check_r4_bits(u"1.5", S_OK, 0x3FC00000u);
    check_r4_bits(u"3.4e38", S_OK, 0x7F7FC99Eu);
    check_r4_bits(u"3.5e38", DISP_E_OVERFLOW, 0);
    check_r4_bits(u"340282356779733560000000000000000000000", DISP_E_OVERFLOW, 0);
    /* non-zero but below FLOAT's smallest denormal: overflow, not zero */
    check_r4_bits(u"1e-45", DISP_E_OVERFLOW, 0);
    check_r4_bits(u"5e-45", S_OK, 4);
    check_r4_bits(u"1e-330", S_OK, 0); /* the double is already zero */
}

TEST(num_bad_args)
{
    NUMPARSE np = { 1, 0, 0, 1, 0, 0 };
    BYTE dig[1] = { 10 };
    VARIANT v;
    CHECK_HR(VarNumFromParseNum(&np, dig, VTBIT_I4, &v), E_INVALIDARG); /* digit 10 */
    CHECK_HR(VarNumFromParseNum(NULL, dig, VTBIT_I4, &v), E_INVALIDARG);
    CHECK_HR(VarNumFromParseNum(&np, dig, VTBIT_I4, NULL), E_INVALIDARG);
}

int main(void)
{
    RUN(parse_table);
    RUN(parse_bad_args);
    RUN(smallest_type);
    RUN(hex_patterns);
    RUN(exact_cy_and_decimal);
    RUN(doubles);
    RUN(doubles_like_the_reference);
    RUN(num_bad_args);
    return comrt_test_summary();
}
