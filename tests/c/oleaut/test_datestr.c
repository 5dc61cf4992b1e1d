/* Tests for oleaut/datestr.c: VarDateFromStr and VarBstrFromDate in the
 * supported locales.  Expected values are the Wine oracle's, except de-DE's
 * short date, which follows Windows ("dd.MM.yyyy"; Wine has "d.M.yyyy"). */
#include <time.h>

#include "comrt_test.h"

#define EN 0x0409
#define DE 0x0407
#define FR 0x040c
#define INV LOCALE_INVARIANT

static DATE this_year_date(int m, int d)
{
    time_t now = time(NULL);
    struct tm tmv;
    UDATE u;
    DATE out = 0;
    localtime_r(&now, &tmv);
    memset(&u, 0, sizeof u);
    u.st.wYear = (WORD)(tmv.tm_year + 1900);
    u.st.wMonth = (WORD)m;
    u.st.wDay = (WORD)d;
    VarDateFromUdate(&u, 0, &out);
    return out;
}

static const struct {
    const WCHAR *in;
    LCID lcid;
    HRESULT hr;
    double want;
} parse_cases[] = {
    { u"1/2/2000", EN, S_OK, 36527 },
    { u"2000-01-02", EN, S_OK, 36527 },
    { u"January 2, 2000", EN, S_OK, 36527 },
    { u"2 Jan 2000 3:04:05 PM", EN, S_OK, 36527.627835648149 },
    { u"3:04:05 PM", EN, S_OK, 0.62783564814814818 },
    { u"15:04", EN, S_OK, 0.62777777777777777 },
    { u"12:00 AM", EN, S_OK, 0 },
    { u"12 PM", EN, S_OK, 0.5 },
    { u"3PM", EN, S_OK, 0.625 },
    { u"1/2/00", EN, S_OK, 36527 },
    { u"1/2/49", EN, S_OK, 54425 },
    { u"1/2/50", EN, S_OK, 18265 },
    { u"1/2/100", EN, S_OK, -657433 },
    { u"1/1/0100", EN, S_OK, -657434 },
    { u"13/1/2000", EN, S_OK, 36538 }, /* not a month: day and month swap */
    { u"31/12/2000", EN, S_OK, 36891 },
    { u"2000-13-01", EN, S_OK, 36538 },
    { u"99-1-2", EN, S_OK, 36162 },
    { u"1/2/3", EN, S_OK, 37623 },
    { u"1 2 2000", EN, S_OK, 36527 },
    { u"1999 2 3", EN, S_OK, 36194 },
    { u"Sunday, January 02, 2000", EN, S_OK, 36527 },
    { u"Mon 1/2/2000", EN, S_OK, 36527 },
    { u"JANUARY 2 2000", EN, S_OK, 36527 },
    { u"2-Jan-00", EN, S_OK, 36527 },
    { u"Jan 2000", EN, S_OK, 36526 },
    { u"1,000", EN, S_OK, 36526 },
    { u"3:04:05 AM 1/2/2000", EN, S_OK, 36527.127835648149 },
    { u"12/29/1899 6:00", EN, S_OK, -1.25 },
    { u"12/31/9999 23:59:59", EN, S_OK, 2958465.999988426 },
    { u"1999-12-31 23:59:59", EN, S_OK, 36525.99998842593 },
    { u"0.5", EN, S_OK, 0.003472222222222222 }, /* '.' separates time fields */
    { u"  1/2/2000  ", EN, S_OK, 36527 },
    { u"1/ 2/ 2000", EN, S_OK, 36527 },
    /* readings tried after the locale's: M/D/Y locales prefer Y/M/D */
    { u"30-12-25", EN, S_OK, 47842 },     /* 2030-12-25, not 30 Dec 2025 */
    { u"23-13-01", EN, S_OK, 44939 },     /* 2023, day 13, month 1 */
    { u"27-11-11", DE, S_OK, 40874 },     /* D.M.Y first in de-DE */
    /* a month name between numbers: year first in M/D/Y locales */
    { u"23 mar 25", EN, S_OK, 45010 },    /* 2023-03-25 */
    { u"mar 23 25", EN, S_OK, 45739 },    /* 2025-03-23 */
    { u"mar 32 5", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1 APR 10", DE, S_OK, 40269 },     /* 2010-04-01 */
    /* a 24-hour time ignores AM/PM */
    { u"21:58 AM", EN, S_OK, 0.91527777777777775 },
    { u"13 PM", EN, S_OK, 13.0 / 24 },
    { u"0 PM", EN, S_OK, 0.5 },
    { u"", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"2000", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"Jan", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"Monday", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"2/30/2000", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1/2/10000", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"2000-01-02T03:04:05", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1/2/2000 3", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1/2/2000 25:00", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1/2/2000 3:60", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1:2:3:4", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"23:59:59.999", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1/2/2000 PM", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"3:04:05 PM PM", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"10:00 10:00", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1//2/2000", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"/1/2/2000", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1/2/2000/", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"#1/2/2000#", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"Januaryx 2 2000", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1.2.2000", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"janvier 2 2000", EN, DISP_E_TYPEMISMATCH, 0 },
    /* the reference's looser readings */
    { u"Sep 31", EN, S_OK, 48092 },          /* not a day: the year, 2031-09-01 */
    { u"Feb 30", EN, S_OK, 47515 },          /* 2030-02-01 */
    { u"Sep 0", EN, S_OK, 36770 },           /* 2000-09-01 */
    { u"Jan Feb 3", EN, S_OK, 37623 },       /* a second month is its number */
    { u"JanFeb 3", EN, S_OK, 37623 },        /* names need no space between */
    { u"1 2 Jan", EN, S_OK, 36893 },         /* month last: year, day */
    { u"2 99 Jan", EN, DISP_E_TYPEMISMATCH, 0 },
    { u"1//2 2000", EN, S_OK, 36527 },       /* separators may repeat */
    { u"1//2/2000", EN, DISP_E_TYPEMISMATCH, 0 }, /* but two at most */
    { u"12/32/Monday", EN, S_OK, 48549 },    /* a day name may end the date */
    { u"Mon. Jan 2 2000", EN, DISP_E_TYPEMISMATCH, 0 }, /* '.' separates times here */
    /* de-DE: day first, '.' separates dates, German names */
    { u"1/2/2000", DE, S_OK, 36557 },
    { u"1.2.2000 3:04", DE, S_OK, 36557.12777777778 },
    { u"02.01.2000", DE, S_OK, 36527 },
    { u"2. Januar 2000", DE, S_OK, 36527 },
    { u"2 M\u00e4r 2000", DE, S_OK, 36587 },
    { u"mai 3 2000", DE, S_OK, 36649 },
    { u"1/13/2000", DE, S_OK, 36538 },
    { u"1999 2 3", DE, S_OK, 36194 },
    { u"0.5", DE, S_OK, 36647 },
    { u"January 2, 2000", DE, DISP_E_TYPEMISMATCH, 0 },
    { u"Mo., 2. Januar 2000", DE, S_OK, 36527 },
    /* fr-FR */
    { u"1/2/2000", FR, S_OK, 36557 },
    { u"2 janv. 2000", FR, S_OK, 36527 },
    { u"d\u00e9cembre 25 2000", FR, S_OK, 36885 },
    { u"Jan 2 2000", FR, DISP_E_TYPEMISMATCH, 0 },
    /* invariant: month first, English names */
    { u"1/2/2000", INV, S_OK, 36527 },
    { u"2 January 2000", INV, S_OK, 36527 },
};

TEST(parse_table)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        DATE d = -12345;
        HRESULT hr = VarDateFromStr(parse_cases[i].in, parse_cases[i].lcid, 0, &d);
        CHECK_MSG(hr == parse_cases[i].hr, "\"%s\" lcid %04x: hr %08x, expected %08x",
                  comrt_test_narrow(parse_cases[i].in), (unsigned)parse_cases[i].lcid, (unsigned)hr,
                  (unsigned)parse_cases[i].hr);
        if (hr == S_OK && parse_cases[i].hr == S_OK)
            CHECK_MSG(d == parse_cases[i].want, "\"%s\" lcid %04x: %.17g, expected %.17g",
                      comrt_test_narrow(parse_cases[i].in), (unsigned)parse_cases[i].lcid, d, parse_cases[i].want);
        if (hr != S_OK) CHECK(d == -12345);
    }
}

TEST(current_year)
{
    DATE d;
    CHECK_HR(VarDateFromStr(u"1/2", EN, 0, &d), S_OK);
    CHECK_DBL(d, this_year_date(1, 2));
    CHECK_HR(VarDateFromStr(u"1/2", DE, 0, &d), S_OK);
    CHECK_DBL(d, this_year_date(2, 1));
    CHECK_HR(VarDateFromStr(u"Jan 2", EN, 0, &d), S_OK);
    CHECK_DBL(d, this_year_date(1, 2));
    CHECK_HR(VarDateFromStr(u"8/1 12:00", EN, 0, &d), S_OK);
    CHECK_DBL(d, this_year_date(8, 1) + 0.5);
}

TEST(parse_flags)
{
    DATE d;
    CHECK_HR(VarDateFromStr(u"1/2/2000 3:04:05 PM", EN, VAR_TIMEVALUEONLY, &d), S_OK);
    CHECK_DBL(d, 0.62783564814814818);
    CHECK_HR(VarDateFromStr(u"1/2/2000 3:04:05 PM", EN, VAR_DATEVALUEONLY, &d), S_OK);
    CHECK_DBL(d, 36527);
    CHECK_HR(VarDateFromStr(u"3:04:05 PM", EN, VAR_DATEVALUEONLY, &d), S_OK);
    CHECK_DBL(d, 0);
    /* a year past 9999 is a date out of range, which only a caller asking
     * for the time alone does not mind (the reference's answers) */
    CHECK_HR(VarDateFromStr(u"1/1/10000", EN, 0, &d), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarDateFromStr(u"1/1/10000", EN, VAR_DATEVALUEONLY, &d), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarDateFromStr(u"1/1/10000", EN, VAR_TIMEVALUEONLY, &d), S_OK);
    CHECK_DBL(d, 0);
    CHECK_HR(VarDateFromStr(NULL, EN, 0, &d), DISP_E_TYPEMISMATCH);
    CHECK_HR(VarDateFromStr(u"1/2/2000", EN, 0, NULL), E_INVALIDARG);
}

static const struct {
    double d;
    LCID lcid;
    ULONG flags;
    const char *want;
} format_cases[] = {
    { 0, EN, 0, "12:00:00 AM" },
    { 1, EN, 0, "12/31/1899" },
    { -1, EN, 0, "12/29/1899" },
    { 0.5, EN, 0, "12:00:00 PM" },
    { -0.5, EN, 0, "12:00:00 PM" },
    { -1.25, EN, 0, "12/29/1899 6:00:00 AM" },
    { 36526, EN, 0, "1/1/2000" },
    { 36527.127835648149, EN, 0, "1/2/2000 3:04:05 AM" },
    { 36526.99998842593, EN, 0, "1/1/2000 11:59:59 PM" },
    { 0.000011574, EN, 0, "12:00:01 AM" },
    { 0.999999, EN, 0, "12:00:00 AM" },
    { -657434, EN, 0, "1/1/100" },
    { 2958465.9999884, EN, 0, "12/31/9999 11:59:59 PM" },
    { 36527.127835648149, EN, VAR_TIMEVALUEONLY, "3:04:05 AM" },
    { 36527.127835648149, EN, VAR_DATEVALUEONLY, "1/2/2000" },
    { 36526, EN, VAR_TIMEVALUEONLY, "" },
    { 0, EN, VAR_DATEVALUEONLY, "" },
    { 0, EN, VAR_TIMEVALUEONLY, "12:00:00 AM" },
    { 36527.127835648149, EN, VAR_FOURDIGITYEARS, "1/2/2000 3:04:05 AM" },
    { 36527.127835648149, DE, 0, "02.01.2000 03:04:05" },
    { 36527.627835648149, FR, 0, "02/01/2000 15:04:05" },
    { 36527.627835648149, INV, 0, "01/02/2000 15:04:05" },
    { 0, DE, 0, "00:00:00" },
    { -657434, FR, 0, "01/01/100" },
};

TEST(format_table)
{
    for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
        BSTR b = NULL;
        HRESULT hr = VarBstrFromDate(format_cases[i].d, format_cases[i].lcid, format_cases[i].flags, &b);
        CHECK_MSG(hr == S_OK, "%.17g lcid %04x: hr %08x", format_cases[i].d, (unsigned)format_cases[i].lcid,
                  (unsigned)hr);
        if (hr == S_OK)
            CHECK_MSG(comrt_test_wstr_eq(b, format_cases[i].want), "%.17g lcid %04x f %x: \"%s\", expected \"%s\"",
                      format_cases[i].d, (unsigned)format_cases[i].lcid, (unsigned)format_cases[i].flags,
                      comrt_test_narrow(b), format_cases[i].want);
        SysFreeString(b);
    }
}

TEST(format_errors)
{
    BSTR b = NULL;
    CHECK_HR(VarBstrFromDate(1e10, EN, 0, &b), E_INVALIDARG);
    CHECK_HR(VarBstrFromDate(2958466.0, EN, 0, &b), E_INVALIDARG);
    CHECK(b == NULL);
    CHECK_HR(VarBstrFromDate(0, EN, 0, NULL), E_INVALIDARG);
}

TEST(round_trip_text)
{
    /* what VarBstrFromDate writes, VarDateFromStr reads back */
    static const double dates[] = { 36527.127835648149, 1, -1.25, 0.5, 2958465.99998842593, 40000.5 };
    static const LCID lcids[] = { EN, DE, FR, INV };
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
        for (size_t j = 0; j < sizeof lcids / sizeof lcids[0]; j++) {
            BSTR b = NULL;
            DATE back = -1;
            CHECK_HR(VarBstrFromDate(dates[i], lcids[j], 0, &b), S_OK);
            CHECK_HR(VarDateFromStr(b, lcids[j], 0, &back), S_OK);
            CHECK_MSG(fabs(back - dates[i]) < 1e-5, "%.17g lcid %04x: \"%s\" -> %.17g", dates[i],
                      (unsigned)lcids[j], comrt_test_narrow(b), back);
            SysFreeString(b);
        }
}

int main(void)
{
    RUN(parse_table);
    RUN(current_year);
    RUN(parse_flags);
    RUN(format_table);
    RUN(format_errors);
    RUN(round_trip_text);
    return comrt_test_summary();
}
