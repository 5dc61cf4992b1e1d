/* Tests for oleaut/varfromstr.c: VarXxxFromStr for numbers and BOOL, in
 * the supported locales.  Expected values are the Wine oracle's unless a
 * comment says comrt follows Windows. */
#include "comrt_test.h"

#define EN 0x0409
#define DE 0x0407
#define FR 0x040c
#define INV LOCALE_INVARIANT

TEST(integers)
{
    BYTE ui1;
    CHAR i1;
    SHORT i2;
    USHORT ui2;
    LONG i4;
    ULONG ui4;
    LONG64 i8;
    ULONG64 ui8;

    CHECK_HR(VarUI1FromStr(u"255", EN, 0, &ui1), S_OK);
    CHECK_INT(ui1, 255);
    CHECK_HR(VarUI1FromStr(u"256", EN, 0, &ui1), DISP_E_OVERFLOW);
    CHECK_HR(VarUI1FromStr(u"-1", EN, 0, &ui1), DISP_E_OVERFLOW);
    CHECK_HR(VarUI1FromStr(u"254.5", EN, 0, &ui1), S_OK); /* ties to even */
    CHECK_INT(ui1, 254);
    CHECK_HR(VarUI1FromStr(u"255.5", EN, 0, &ui1), DISP_E_OVERFLOW);
    CHECK_HR(VarI1FromStr(u"-128", EN, 0, &i1), S_OK);
    CHECK_INT(i1, -128);
    CHECK_HR(VarI1FromStr(u"&HFF", EN, 0, &i1), S_OK);
    CHECK_INT(i1, -1);
    CHECK_HR(VarI2FromStr(u"-32768", EN, 0, &i2), S_OK);
    CHECK_INT(i2, -32768);
    CHECK_HR(VarI2FromStr(u"-32769", EN, 0, &i2), DISP_E_OVERFLOW);
    CHECK_HR(VarUI2FromStr(u"65535", EN, 0, &ui2), S_OK);
    CHECK_INT(ui2, 65535);
    CHECK_HR(VarI4FromStr(u"2147483647", EN, 0, &i4), S_OK);
    CHECK_INT(i4, 2147483647);
    CHECK_HR(VarI4FromStr(u"2147483647.5", EN, 0, &i4), DISP_E_OVERFLOW);
    CHECK_HR(VarI4FromStr(u"(1,234)", EN, 0, &i4), S_OK);
    CHECK_INT(i4, -1234);
    CHECK_HR(VarI4FromStr(u"1e3", EN, 0, &i4), S_OK);
    CHECK_INT(i4, 1000);
    CHECK_HR(VarI4FromStr(u"$12", EN, 0, &i4), S_OK);
    CHECK_INT(i4, 12);
    CHECK_HR(VarUI4FromStr(u"4294967295", EN, 0, &ui4), S_OK);
    CHECK_INT(ui4, 4294967295u);
    CHECK_HR(VarI8FromStr(u"-9223372036854775808", EN, 0, &i8), S_OK);
    CHECK(i8 == (LONG64)0x8000000000000000ULL);
    CHECK_HR(VarI8FromStr(u"9223372036854775808", EN, 0, &i8), DISP_E_OVERFLOW);
    CHECK_HR(VarUI8FromStr(u"18446744073709551615", EN, 0, &ui8), S_OK);
    CHECK(ui8 == ~0ULL);
    CHECK_HR(VarUI8FromStr(u"18446744073709551616", EN, 0, &ui8), DISP_E_OVERFLOW);
}

TEST(mismatch)
{
    LONG i4 = 77;
    CHECK_HR(VarI4FromStr(u"", EN, 0, &i4), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarI4FromStr(u"abc", EN, 0, &i4), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarI4FromStr(u"1 2", EN, 0, &i4), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarI4FromStr(u"1.2.3", EN, 0, &i4), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarI4FromStr(u"0x10", EN, 0, &i4), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarI4FromStr(u"\uff11", EN, 0, &i4), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarI4FromStr(NULL, EN, 0, &i4), DISP_E_TYPEMISMATCH);
    CHECK_INT(i4, 77); /* untouched on failure */
    CHECK_HR(VarI4FromStr(u"1", EN, 0, NULL), E_INVALIDARG);
}

TEST(floats)
{
    DOUBLE r8;
    FLOAT r4;
    CHECK_HR(VarR8FromStr(u"1.5", EN, 0, &r8), S_OK);
    CHECK_DBL(r8, 1.5);
    CHECK_HR(VarR8FromStr(u"-0", EN, 0, &r8), S_OK);
    CHECK(r8 == 0 && signbit(r8));
    CHECK_HR(VarR8FromStr(u"1.000,5", EN, 0, &r8), S_OK); /* group separators anywhere */
    CHECK_DBL(r8, 1.0005);
    CHECK_HR(VarR8FromStr(u"1e308", EN, 0, &r8), S_OK);
    CHECK_HR(VarR8FromStr(u"1e400", EN, 0, &r8), DISP_E_OVERFLOW);
    CHECK_HR(VarR8FromStr(u"1,5", DE, 0, &r8), S_OK);
    CHECK_DBL(r8, 1.5);
    CHECK_HR(VarR8FromStr(u"1.234,5", DE, 0, &r8), S_OK);
    CHECK_DBL(r8, 1234.5);
    CHECK_HR(VarR8FromStr(u"1,5", INV, 0, &r8), S_OK); /* ',' groups in the invariant locale */
    CHECK_DBL(r8, 15.0);
    CHECK_HR(VarR4FromStr(u"0.1", EN, 0, &r4), S_OK);
    CHECK(r4 == 0.1f);
    CHECK_HR(VarR4FromStr(u"1e39", EN, 0, &r4), DISP_E_OVERFLOW);
    CHECK_HR(VarR4FromStr(u"1e-45", EN, 0, &r4), DISP_E_OVERFLOW); /* below FLOAT's denormals */
    /* the reference's (not correctly rounded) digits-to-double */
    CHECK_HR(VarR8FromStr(u"0.00000000000000000000000000000000001", EN, 0, &r8), S_OK);
    CHECK_DBL(r8, 1.0000000000000001e-35);
    CHECK_HR(VarR8FromStr(u"10000000000000000000000000000000000000000", EN, 0, &r8), S_OK);
    CHECK_DBL(r8, 1e40);
    CHECK_HR(VarR8FromStr(u"4.9e-324", EN, 0, &r8), S_OK); /* under the smallest denormal: 0 */
    CHECK(r8 == 0);
    CHECK_HR(VarR8FromStr(u"4.9e-324", DE, 0, &r8), S_OK); /* '.' groups: 49e-324 */
    CHECK_DBL(r8, 4.9406564584124654e-323);
}

TEST(currency)
{
    CY cy;
    CHECK_HR(VarCyFromStr(u"1.5", EN, 0, &cy), S_OK);
    CHECK_INT(cy.int64, 15000);
    CHECK_HR(VarCyFromStr(u"-922337203685477.5808", EN, 0, &cy), S_OK);
    CHECK(cy.int64 == (LONG64)0x8000000000000000ULL);
    CHECK_HR(VarCyFromStr(u"0.00005", EN, 0, &cy), S_OK); /* exact, ties to even */
    CHECK_INT(cy.int64, 0);
    CHECK_HR(VarCyFromStr(u"0.00015", EN, 0, &cy), S_OK);
    CHECK_INT(cy.int64, 2);
    CHECK_HR(VarCyFromStr(u"1 \u20ac", DE, 0, &cy), S_OK);
    CHECK_INT(cy.int64, 10000);
    CHECK_HR(VarCyFromStr(u"&H10", EN, 0, &cy), DISP_E_OVERFLOW);
}

TEST(decimal)
{
    DECIMAL d;
    CHECK_HR(VarDecFromStr(u"1.50", EN, 0, &d), S_OK);
    CHECK_INT(d.scale, 1);
    CHECK_INT(d.Lo64, 15);
    CHECK_INT(d.sign, 0);
    CHECK_INT(d.wReserved, 0);
    CHECK_HR(VarDecFromStr(u"-12300", EN, 0, &d), S_OK);
    CHECK_INT(d.scale, 0);
    CHECK_INT(d.Lo64, 12300);
    CHECK_INT(d.sign, DECIMAL_NEG);
    CHECK_HR(VarDecFromStr(u"79228162514264337593543950335", EN, 0, &d), S_OK);
    CHECK(d.Hi32 == 0xFFFFFFFFu && d.Lo64 == ~0ULL);
    CHECK_HR(VarDecFromStr(u"79228162514264337593543950336", EN, 0, &d), DISP_E_OVERFLOW);
    CHECK_HR(VarDecFromStr(u"0.0000000000000000000000000001", EN, 0, &d), S_OK);
    CHECK_INT(d.scale, 28);
    CHECK_INT(d.Lo64, 1);
    /* past 28 decimals comrt rounds (Windows' DECIMAL cannot hold a
     * larger scale; Wine stores one) */
    CHECK_HR(VarDecFromStr(u"0.00000000000000000000000000015", EN, 0, &d), S_OK);
    CHECK_INT(d.scale, 28);
    CHECK_INT(d.Lo64, 2);
    CHECK_HR(VarDecFromStr(u"-0", EN, 0, &d), S_OK);
    CHECK_INT(d.sign, 0);
}

TEST(booleans)
{
    VARIANT_BOOL b = 5;
    CHECK_HR(VarBoolFromStr(u"True", EN, 0, &b), S_OK);
    CHECK_INT(b, VARIANT_TRUE);
    CHECK_HR(VarBoolFromStr(u"false", EN, 0, &b), S_OK);
    CHECK_INT(b, VARIANT_FALSE);
    CHECK_HR(VarBoolFromStr(u"#TRUE#", EN, 0, &b), S_OK);
    CHECK_INT(b, VARIANT_TRUE);
    CHECK_HR(VarBoolFromStr(u" True ", EN, 0, &b), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarBoolFromStr(u"Yes", EN, 0, &b), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarBoolFromStr(u"0", EN, 0, &b), S_OK);
    CHECK_INT(b, VARIANT_FALSE);
    CHECK_HR(VarBoolFromStr(u"-0.5", EN, 0, &b), S_OK);
    CHECK_INT(b, VARIANT_TRUE);
    CHECK_HR(VarBoolFromStr(u"1e400", EN, 0, &b), DISP_E_OVERFLOW);
    /* the locale's words only with VAR_LOCALBOOL; English always */
    CHECK_HR(VarBoolFromStr(u"Wahr", DE, 0, &b), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarBoolFromStr(u"Wahr", DE, VAR_LOCALBOOL, &b), S_OK);
    CHECK_INT(b, VARIANT_TRUE);
    CHECK_HR(VarBoolFromStr(u"faux", FR, VAR_LOCALBOOL, &b), S_OK);
    CHECK_INT(b, VARIANT_FALSE);
    CHECK_HR(VarBoolFromStr(u"True", FR, VAR_LOCALBOOL, &b), S_OK);
    CHECK_INT(b, VARIANT_TRUE);
    CHECK_HR(VarBoolFromStr(u"Wahr", EN, VAR_LOCALBOOL, &b), DISP_E_TYPEMISMATCH);
}

TEST(default_locale_env)
{
    DOUBLE r8;
    CHECK_HR(VarR8FromStr(u"1,5", LOCALE_USER_DEFAULT, 0, &r8), S_OK);
    CHECK_DBL(r8, 15.0);
    setenv("COMRT_LCID", "0x0407", 1);
    CHECK_HR(VarR8FromStr(u"1,5", LOCALE_USER_DEFAULT, 0, &r8), S_OK);
    CHECK_DBL(r8, 1.5);
    CHECK_HR(VarR8FromStr(u"1,5", LOCALE_SYSTEM_DEFAULT, 0, &r8), S_OK);
    CHECK_DBL(r8, 1.5);
    setenv("COMRT_LCID", "0x0411", 1); /* unsupported: en-US */
    CHECK_HR(VarR8FromStr(u"1,5", LOCALE_USER_DEFAULT, 0, &r8), S_OK);
    CHECK_DBL(r8, 15.0);
    unsetenv("COMRT_LCID");
    /* an unknown LCID falls back to en-US */
    CHECK_HR(VarR8FromStr(u"1.5", 0x0411, 0, &r8), S_OK);
    CHECK_DBL(r8, 1.5);
}

int main(void)
{
    RUN(integers);
    RUN(mismatch);
    RUN(floats);
    RUN(currency);
    RUN(decimal);
    RUN(booleans);
    RUN(default_locale_env);
    return comrt_test_summary();
}
