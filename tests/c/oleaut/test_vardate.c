/* Tests for oleaut/vardate.c: DATE <-> UDATE / SYSTEMTIME / DOS date-time.
 * Expected values are the Wine oracle's unless a comment says comrt follows
 * Windows. */
#include "comrt_test.h"

static UDATE ud(int y, int mo, int d, int h, int mi, int s, int ms)
{
    UDATE u;
    memset(&u, 0, sizeof u);
    u.st.wYear = (WORD)y;
    u.st.wMonth = (WORD)mo;
    u.st.wDay = (WORD)d;
    u.st.wHour = (WORD)h;
    u.st.wMinute = (WORD)mi;
    u.st.wSecond = (WORD)s;
    u.st.wMilliseconds = (WORD)ms;
    return u;
}

static const struct {
    int y, mo, d, h, mi, s;
    ULONG flags;
    HRESULT hr;
    double want;
} from_udate[] = {
    { 2000, 1, 1, 0, 0, 0, 0, S_OK, 36526 },
    { 1899, 12, 30, 0, 0, 0, 0, S_OK, 0 },
    { 1899, 12, 29, 6, 0, 0, 0, S_OK, -1.25 }, /* time counts the same way */
    { 1899, 12, 30, 6, 0, 0, 0, S_OK, 0.25 },
    { 100, 1, 1, 0, 0, 0, 0, S_OK, -657434 },
    { 100, 1, 1, 12, 0, 0, 0, S_OK, -657434.5 },
    { 10000, 1, 1, 0, 0, 0, 0, E_INVALIDARG, 0 },
    { 9999, 12, 31, 24, 0, 0, 0, S_OK, 2958466 }, /* checked before rolling over */
    { 99, 12, 31, 0, 0, 0, 0, S_OK, 36525 },       /* 1999 */
    { 49, 1, 1, 0, 0, 0, 0, S_OK, 54424 },         /* 2049 */
    { 50, 1, 1, 0, 0, 0, 0, S_OK, 18264 },         /* 1950 */
    { 0, 1, 1, 0, 0, 0, 0, S_OK, 36526 },          /* 2000 */
    { 65535, 1, 1, 0, 0, 0, 0, S_OK, 36161 },      /* -1: 1999 */
    { 2000, 13, 1, 0, 0, 0, 0, S_OK, 36892 },
    { 2000, 0, 1, 0, 0, 0, 0, S_OK, 36495 },
    { 2000, 1, 0, 0, 0, 0, 0, S_OK, 36525 },
    { 2000, 1, 32, 0, 0, 0, 0, S_OK, 36557 },
    { 2000, 2, 30, 0, 0, 0, 0, S_OK, 36586 },
    { 1900, 2, 29, 0, 0, 0, 0, S_OK, 61 },
    { 2000, 65535, 1, 0, 0, 0, 0, S_OK, 36465 },
    { 2000, 1, 65535, 0, 0, 0, 0, S_OK, 36524 },
    { 2000, 1, 1, 24, 0, 0, 0, S_OK, 36527 },
    { 2000, 1, 1, 12, 30, 30, 0, S_OK, 36526.521180555559 },
    { 2000, 1, 1, 23, 59, 59, 0, S_OK, 36526.99998842593 },
    { 2000, 1, 1, 0, 65535, 0, 0, S_OK, 36525.999305555561 },
    { 2000, 1, 2, 3, 4, 5, VAR_TIMEVALUEONLY, S_OK, 0.12783564814814813 },
    { 2000, 1, 2, 3, 4, 5, VAR_DATEVALUEONLY, S_OK, 36527 },
    { 1899, 12, 29, 23, 59, 59, 0, S_OK, -1.999988425925926 },
    /* days past the end of the month roll on month by month, skipping
     * December unless the roll starts there (the reference's answers) */
    { 2000, 11, 31, 0, 0, 0, 0, S_OK, 36892 },   /* 2001-01-01 */
    { 2000, 11, 45, 0, 0, 0, 0, S_OK, 36906 },   /* 2001-01-15 */
    { 2000, 10, 70, 0, 0, 0, 0, S_OK, 36900 },   /* 2001-01-09 */
    { 2000, 12, 40, 0, 0, 0, 0, S_OK, 36900 },   /* 2001-01-09 */
    { 2000, 12, 400, 0, 0, 0, 0, S_OK, 37291 },  /* 2002-02-04 */
    { 2000, 1, 366, 0, 0, 0, 0, S_OK, 36922 },   /* 2001-01-31 */
    { 2000, 11, 30, 24, 0, 0, 0, S_OK, 36892 },  /* the time's day first */
    { 1999, 12, 1, 8760, 0, 0, 0, S_OK, 36860 }, /* 2000-11-30 */
    /* the time carries field by field, each field 16 bits wide (32767
     * minutes and 60 seconds wrap to -32768 minutes) */
    { 2000, 1, 1, 0, 32767, 60, 0, S_OK, 36503.244444444448 },
    { 2000, 1, 1, 32767, 60, 0, 0, S_OK, 35160.666666666664 },
    { 2000, 1, 32767, 24, 0, 0, 0, S_OK, 3757 },
};

TEST(date_from_udate)
{
    for (size_t i = 0; i < sizeof from_udate / sizeof from_udate[0]; i++) {
        UDATE u = ud(from_udate[i].y, from_udate[i].mo, from_udate[i].d, from_udate[i].h, from_udate[i].mi,
                     from_udate[i].s, 0);
        DATE d = -12345;
        HRESULT hr = VarDateFromUdate(&u, from_udate[i].flags, &d);
        CHECK_MSG(hr == from_udate[i].hr, "%d-%d-%d %d:%d:%d f=%x: hr %08x", from_udate[i].y, from_udate[i].mo,
                  from_udate[i].d, from_udate[i].h, from_udate[i].mi, from_udate[i].s,
                  (unsigned)from_udate[i].flags, (unsigned)hr);
        if (hr == S_OK)
            CHECK_MSG(d == from_udate[i].want, "%d-%d-%d %d:%d:%d: %.17g, expected %.17g", from_udate[i].y,
                      from_udate[i].mo, from_udate[i].d, from_udate[i].h, from_udate[i].mi, from_udate[i].s, d,
                      from_udate[i].want);
        else
            CHECK(d == -12345);
    }
}

TEST(milliseconds_ignored)
{
    UDATE a = ud(2000, 1, 1, 12, 30, 30, 0), b = ud(2000, 1, 1, 12, 30, 30, 999);
    DATE da, db;
    CHECK_HR(VarDateFromUdate(&a, 0, &da), S_OK);
    CHECK_HR(VarDateFromUdate(&b, 0, &db), S_OK);
    CHECK_DBL(da, db);
    CHECK_HR(VarDateFromUdateEx(&a, 0x0407, 0, &db), S_OK);
    CHECK_DBL(da, db);
}

static void check_udate(DATE d, int y, int mo, int day, int dow, int doy, int h, int mi, int s)
{
    UDATE u;
    HRESULT hr = VarUdateFromDate(d, 0, &u);
    CHECK_MSG(hr == S_OK, "%.17g: hr %08x", d, (unsigned)hr);
    if (hr != S_OK) return;
    CHECK_MSG(u.st.wYear == y && u.st.wMonth == mo && u.st.wDay == day && u.st.wDayOfWeek == dow &&
                  u.wDayOfYear == doy && u.st.wHour == h && u.st.wMinute == mi && u.st.wSecond == s &&
                  u.st.wMilliseconds == 0,
              "%.17g: %d-%d-%d dow %d doy %d %d:%d:%d.%d", d, u.st.wYear, u.st.wMonth, u.st.wDay, u.st.wDayOfWeek,
              u.wDayOfYear, u.st.wHour, u.st.wMinute, u.st.wSecond, u.st.wMilliseconds);
}

TEST(udate_from_date)
{
    check_udate(0, 1899, 12, 30, 6, 364, 0, 0, 0);
    check_udate(1, 1899, 12, 31, 0, 365, 0, 0, 0);
    check_udate(-1.25, 1899, 12, 29, 5, 363, 6, 0, 0);
    check_udate(-0.25, 1899, 12, 30, 6, 364, 6, 0, 0);
    check_udate(36526.5, 2000, 1, 1, 6, 1, 12, 0, 0);
    check_udate(36891.75, 2000, 12, 31, 0, 366, 18, 0, 0);
    check_udate(60, 1900, 2, 28, 3, 59, 0, 0, 0);
    check_udate(61, 1900, 3, 1, 4, 60, 0, 0, 0);
    check_udate(-657434, 100, 1, 1, 5, 1, 0, 0, 0);
    check_udate(2958465.99998842593, 9999, 12, 31, 5, 365, 23, 59, 59);
    /* rounded to the second; half a second (stored a hair low) rounds up */
    check_udate(36526.0000057870370, 2000, 1, 1, 6, 1, 0, 0, 1);
    check_udate(36526.000005, 2000, 1, 1, 6, 1, 0, 0, 0);
    /* rounding into the next day keeps the day of week and of year of the
     * day before, as the reference does */
    check_udate(36526.99999421296, 2000, 1, 2, 6, 1, 0, 0, 0);
    check_udate(-1.9999999, 1899, 12, 30, 5, 363, 0, 0, 0);
    check_udate(2958465.999999, 10000, 1, 1, 5, 365, 0, 0, 0);
    /* NaN reads as day 0, but the reference's weekday is Friday */
    check_udate(NAN, 1899, 12, 30, 5, 364, 0, 0, 0);
}

TEST(udate_range)
{
    UDATE u;
    CHECK_HR(VarUdateFromDate(-657435.0, 0, &u), E_INVALIDARG);
    CHECK_HR(VarUdateFromDate(2958466.0, 0, &u), E_INVALIDARG);
    CHECK_HR(VarUdateFromDate(1e10, 0, &u), E_INVALIDARG);
    CHECK_HR(VarUdateFromDate(INFINITY, 0, &u), E_INVALIDARG);
    CHECK_HR(VarUdateFromDate(NAN, 0, &u), S_OK); /* NaN reads as day 0 */
    CHECK_INT(u.st.wYear, 1899);
    CHECK_HR(VarUdateFromDate(0, 0, NULL), E_INVALIDARG);
    CHECK_HR(VarDateFromUdate(NULL, 0, NULL), E_INVALIDARG);
}

TEST(system_time)
{
    SYSTEMTIME st;
    DOUBLE v = -1;
    memset(&st, 0, sizeof st);
    st.wYear = 2000;
    st.wMonth = 1;
    st.wDay = 2;
    st.wHour = 3;
    st.wMinute = 4;
    st.wSecond = 5;
    st.wMilliseconds = 600;
    CHECK_INT(SystemTimeToVariantTime(&st, &v), TRUE);
    CHECK_DBL(v, 36527.127835648149);
    st.wMonth = 13;
    CHECK_INT(SystemTimeToVariantTime(&st, &v), FALSE);
    st.wMonth = 0; /* month 0 is allowed and rolls back */
    CHECK_INT(SystemTimeToVariantTime(&st, &v), TRUE);
    st.wMonth = 1;
    st.wDay = 32;
    CHECK_INT(SystemTimeToVariantTime(&st, &v), FALSE);

    CHECK_INT(VariantTimeToSystemTime(36526.5, &st), TRUE);
    CHECK_INT(st.wYear, 2000);
    CHECK_INT(st.wHour, 12);
    CHECK_INT(st.wDayOfWeek, 6);
    CHECK_INT(st.wMilliseconds, 0);
    CHECK_INT(VariantTimeToSystemTime(2958466.0, &st), FALSE);
}

TEST(dos_date_time)
{
    DOUBLE v;
    USHORT dd, dt;
    CHECK_INT(DosDateTimeToVariantTime(0x2821, 0x0000, &v), TRUE);
    CHECK_DBL(v, 36526);
    CHECK_INT(DosDateTimeToVariantTime(0x2821, 0xBF7D, &v), TRUE);
    CHECK_DBL(v, 36526.999976851854);
    CHECK_INT(DosDateTimeToVariantTime(0x0000, 0, &v), TRUE); /* 1980-00-00 rolls back */
    CHECK_DBL(v, 29189);
    CHECK_INT(DosDateTimeToVariantTime(0x2821, 0xBF7E, &v), FALSE); /* second 60 */
    CHECK_INT(DosDateTimeToVariantTime(0x2821, 0xC000, &v), FALSE); /* hour 24 */
    CHECK_INT(DosDateTimeToVariantTime(0x29A1, 0, &v), FALSE);      /* month 13 */
    CHECK_INT(DosDateTimeToVariantTime(0xFF9F, 0, &v), FALSE);      /* 2107 */

    CHECK_INT(VariantTimeToDosDateTime(36526.5, &dd, &dt), TRUE);
    CHECK_INT(dd, 0x2821);
    CHECK_INT(dt, 0x6000);
    CHECK_INT(VariantTimeToDosDateTime(36526.123456, &dd, &dt), TRUE);
    CHECK_INT(dt, 0x1737); /* 2:57:47, seconds halved down */
    CHECK_INT(VariantTimeToDosDateTime(29220.0, &dd, &dt), FALSE); /* 1979 */
    CHECK_INT(VariantTimeToDosDateTime(73415.0, &dd, &dt), FALSE); /* 2100 */
    CHECK_INT(VariantTimeToDosDateTime(73050.0, &dd, &dt), TRUE);  /* 2099-12-31 */
    CHECK_INT(dd, 0xEF9F);
}

TEST(round_trip)
{
    /* every whole second of a few days, both signs */
    for (long day = -700000; day <= 2958465; day += 99991) {
        for (int sec = 0; sec < 86400; sec += 3607) {
            UDATE u;
            DATE d = day < 0 ? day - sec / 86400.0 : day + sec / 86400.0, back;
            if (day < -657434) continue;
            CHECK_HR(VarUdateFromDate(d, 0, &u), S_OK);
            CHECK_HR(VarDateFromUdate(&u, 0, &back), S_OK);
            CHECK_MSG(fabs(back - d) < 1e-9, "%.17g -> %.17g", d, back);
        }
    }
}

int main(void)
{
    RUN(date_from_udate);
    RUN(milliseconds_ignored);
    RUN(udate_from_date);
    RUN(udate_range);
    RUN(system_time);
    RUN(dos_date_time);
    RUN(round_trip);
    return comrt_test_summary();
}
