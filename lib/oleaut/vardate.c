/*
 * oleaut/vardate.c — DATE arithmetic: DATE <-> UDATE / SYSTEMTIME / DOS
 * date-time.
 *
 * A DATE counts days from 1899-12-30 (day 0) in the proleptic Gregorian
 * calendar; its fraction is the time of day, measured from midnight in the
 * same direction as the day count, so -1.25 is 1899-12-29 06:00.  Windows
 * accepts years 100..9999 (DATE -657434 .. 2958465.99...).
 *
 * Building a DATE normalises like Windows: month 13 is January of the next
 * year, day 0 the last day of the month before, hour 24 the next day, and
 * the fields are read as signed (a WORD of 65535 is -1).  Milliseconds are
 * ignored on the way in and rounded into the second on the way out, as
 * oleaut32 does.
 */
#include <math.h>
#include <string.h>

#include "oleaut/oleaut_internal.h"

#define DATE_MIN_DAY (-657434L) /* 0100-01-01 */
#define DATE_MAX_DAY 2958465L   /* 9999-12-31 */

/* Days from 1970-01-01 to y-m-d (m 1..12) in the proleptic Gregorian
 * calendar, with March-based years so that the leap day comes last. */
static long days_from_civil(long y, long m, long d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(long z, long *y, long *m, long *d)
{
    long era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* days_from_civil of 1899-12-30, DATE's day 0 */
#define EPOCH_1899 (-25569L)

static long floor_div(long a, long b)
{
    long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

/* x as a 16-bit signed field would hold it (wrapping) */
static long wrap16(long x)
{
    return (long)((unsigned long)(x + 32768) & 0xFFFFul) - 32768;
}

static int days_in_month(long y, long m)
{
    static const unsigned char dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    BOOL leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return dim[m - 1] + (m == 2 && leap);
}

HRESULT comrt__date_from_parts(int year, int month, int day, int hour, int minute, int second, int ms, DATE *out)
{
    long y = year, m = month - 1, dd, secs, carry, t_day, h, mi, s;
    DATE d;

    (void)ms; /* oleaut32 keeps whole seconds */
    y += floor_div(m, 12);
    m -= floor_div(m, 12) * 12;
    m++; /* 1..12 from here */
    if (y < 0 || y > 20000) return E_INVALIDARG; /* far outside; keeps the arithmetic small */
    /* The time's overflow is carried field by field into the day first,
     * each field kept in 16 bits as in the reference's UDATE (so 32767
     * minutes plus a minute's worth of seconds wraps to -32768 minutes):
     * seconds into minutes, minutes into hours, hours into days. */
    s = second;
    mi = minute;
    h = hour;
    carry = floor_div(s, 60);
    s -= carry * 60;
    mi = wrap16(mi + carry);
    carry = floor_div(mi, 60);
    mi -= carry * 60;
    h = wrap16(h + carry);
    carry = floor_div(h, 24);
    h -= carry * 24;
    dd = wrap16(day + carry);
    secs = h * 3600 + mi * 60 + s;
    if (dd >= 1) {
        /* A day past the end of its month rolls into the next month, one
         * month at a time, the way the reference does it: after November
         * it goes on in January of the next year, so December is skipped
         * unless the roll started there (2000-11-31 is 2001-01-01 and
         * 2000-01-366 is 2001-01-31).  Windows is not known to differ. */
        while (dd > days_in_month(y, m)) {
            dd -= days_in_month(y, m);
            if (++m >= 12) {
                m = 1;
                y++;
            }
        }
        t_day = days_from_civil(y, m, dd) - EPOCH_1899;
    } else {
        /* backwards the calendar is followed exactly (day 0 is the last
         * day of the month before) */
        t_day = days_from_civil(y, m, 1) - EPOCH_1899 + (dd - 1);
    }
    if (t_day < 2 * DATE_MIN_DAY || t_day > 2 * DATE_MAX_DAY) return E_INVALIDARG;
    /* the normalised fields added one by one, in this order: that is how
     * oleaut32 rounds, and callers compare DATEs bit for bit */
    h = secs / 3600;
    mi = secs / 60 % 60;
    s = secs % 60;
    d = (DATE)t_day;
    if (t_day < 0) {
        d -= (double)h / 24.0;
        d -= (double)mi / 1440.0;
        d -= (double)s / 86400.0;
    } else {
        d += (double)h / 24.0;
        d += (double)mi / 1440.0;
        d += (double)s / 86400.0;
    }
    *out = d;
    return S_OK;
}

HRESULT comrt__date_to_parts(DATE dt, BOOL keep_ms, UDATE *out)
{
    long day, y, m, d, dow, doy, frac_units, unit = keep_ms ? 86400000L : 86400L;
    double whole, frac;
    UDATE u;

    /* NaN passes Windows' range check and reads as day 0 */
    BOOL is_nan = isnan(dt);
    if (is_nan) dt = 0.0;
    if (!(dt > (double)DATE_MIN_DAY - 1.0 && dt < (double)DATE_MAX_DAY + 1.0)) return E_INVALIDARG;
    frac = fabs(modf(dt, &whole));
    day = (long)whole;
    /* The day of the week and of the year are those of the day before the
     * time is rounded, as the reference gives them: 2000-01-01 23:59:59.99
     * reads as 2000-01-02 00:00:00 but keeps Saturday and day 1. */
    dow = is_nan ? 5 /* the reference's weekday arithmetic on NaN gives Friday */
              : (((day + 6) % 7 + 7) % 7); /* 1899-12-30 was a Saturday (6) */
    civil_from_days(day + EPOCH_1899, &y, &m, &d);
    doy = day + EPOCH_1899 - days_from_civil(y, 1, 1) + 1;
    /* a hair (1e-11 day) is added first so that a time stored a little
     * below a half second, as 0.5 s usually is, still rounds up */
    frac_units = (long)floor((frac + 1e-11) * (double)unit + 0.5);
    if (frac_units >= unit) {
        /* rounds up to midnight: the next day, whichever way DATE counts */
        frac_units -= unit;
        day++;
    }
    civil_from_days(day + EPOCH_1899, &y, &m, &d);
    memset(&u, 0, sizeof u);
    u.st.wYear = (WORD)y;
    u.st.wMonth = (WORD)m;
    u.st.wDay = (WORD)d;
    u.st.wDayOfWeek = (WORD)dow;
    u.wDayOfYear = (USHORT)doy;
    if (keep_ms) {
        u.st.wMilliseconds = (WORD)(frac_units % 1000);
        frac_units /= 1000;
    }
    u.st.wHour = (WORD)(frac_units / 3600);
    u.st.wMinute = (WORD)(frac_units / 60 % 60);
    u.st.wSecond = (WORD)(frac_units % 60);
    *out = u;
    return S_OK;
}

/* Windows reads a year below 50 as 20xx and 50..99 as 19xx (the default
 * two-digit-year window of current Windows, 1950..2049); the field is
 * taken as signed, so 65535 is -1 and so 1999. */
static int expand_year(WORD w)
{
    int y = (SHORT)w;
    if (y < 50) return y + 2000;
    if (y < 100) return y + 1900;
    return y;
}

HRESULT VarDateFromUdateEx(UDATE *pudateIn, LCID lcid, ULONG dwFlags, DATE *pdateOut)
{
    const SYSTEMTIME *st;
    DATE d;
    HRESULT hr;

    (void)lcid; /* only the Gregorian calendar is supported */
    if (!pudateIn || !pdateOut) return E_INVALIDARG;
    st = &pudateIn->st;
    if (expand_year(st->wYear) > 9999 || expand_year(st->wYear) < -9999) return E_INVALIDARG;
    hr = comrt__date_from_parts(expand_year(st->wYear), (SHORT)st->wMonth, (SHORT)st->wDay, (SHORT)st->wHour,
                                (SHORT)st->wMinute, (SHORT)st->wSecond, 0, &d);
    if (FAILED(hr)) return hr;
    if (dwFlags & VAR_TIMEVALUEONLY) {
        /* the time of day alone (hours past 24 roll into days and are
         * dropped), built the same way from day 0 */
        long secs = (long)(SHORT)st->wHour * 3600 + (long)(SHORT)st->wMinute * 60 + (SHORT)st->wSecond;
        secs %= 86400;
        if (secs < 0) secs += 86400;
        hr = comrt__date_from_parts(1899, 12, 30, 0, 0, (int)secs, 0, &d);
        if (FAILED(hr)) return hr;
    } else if (dwFlags & VAR_DATEVALUEONLY) {
        d = trunc(d);
    }
    *pdateOut = d;
    return S_OK;
}

HRESULT VarDateFromUdate(UDATE *pudateIn, ULONG dwFlags, DATE *pdateOut)
{
    return VarDateFromUdateEx(pudateIn, LOCALE_USER_DEFAULT, dwFlags, pdateOut);
}

/* Day of week and of year are those of the day before the time is
 * rounded (see comrt__date_to_parts). */
HRESULT VarUdateFromDate(DATE dateIn, ULONG dwFlags, UDATE *pudateOut)
{
    UDATE u;
    HRESULT hr;

    (void)dwFlags;
    if (!pudateOut) return E_INVALIDARG;
    hr = comrt__date_to_parts(dateIn, FALSE, &u);
    if (SUCCEEDED(hr)) *pudateOut = u;
    return hr;
}

/* Checks only what SYSTEMTIME promises (month <= 12, day <= 31, year <=
 * 9999), as Windows does; the rest is normalised as by VarDateFromUdate. */
INT SystemTimeToVariantTime(LPSYSTEMTIME lpSystemTime, DOUBLE *pvtime)
{
    UDATE u;
    DATE d;

    if (!lpSystemTime || !pvtime) return FALSE;
    if (lpSystemTime->wMonth > 12 || lpSystemTime->wDay > 31 || lpSystemTime->wYear > 9999) return FALSE;
    memset(&u, 0, sizeof u);
    u.st = *lpSystemTime;
    if (FAILED(VarDateFromUdate(&u, 0, &d))) return FALSE;
    *pvtime = d;
    return TRUE;
}

INT VariantTimeToSystemTime(DOUBLE vtime, LPSYSTEMTIME lpSystemTime)
{
    UDATE u;

    if (!lpSystemTime) return FALSE;
    if (FAILED(comrt__date_to_parts(vtime, FALSE, &u))) return FALSE;
    *lpSystemTime = u.st;
    return TRUE;
}

/* DOS dates: bits 15-9 year since 1980, 8-5 month, 4-0 day; times: 15-11
 * hour, 10-5 minute, 4-0 seconds / 2. */
INT DosDateTimeToVariantTime(USHORT wDosDate, USHORT wDosTime, DOUBLE *pvtime)
{
    int hour = wDosTime >> 11, minute = (wDosTime >> 5) & 0x3F, second = (wDosTime & 0x1F) * 2;
    DATE d;

    if (!pvtime) return FALSE;
    /* a DOS date stops at 2099 (as VariantTimeToDosDateTime does) and has
     * real months; days still roll over as in VarDateFromUdate */
    if (hour > 23 || minute > 59 || second > 59) return FALSE;
    if (((wDosDate >> 5) & 0x0F) > 12 || 1980 + (wDosDate >> 9) > 2099) return FALSE;
    if (FAILED(comrt__date_from_parts(1980 + (wDosDate >> 9), (wDosDate >> 5) & 0x0F, wDosDate & 0x1F, hour, minute,
                                      second, 0, &d)))
        return FALSE;
    *pvtime = d;
    return TRUE;
}

INT VariantTimeToDosDateTime(DOUBLE vtime, USHORT *pwDosDate, USHORT *pwDosTime)
{
    UDATE u;

    if (!pwDosDate || !pwDosTime) return FALSE;
    if (FAILED(comrt__date_to_parts(vtime, FALSE, &u))) return FALSE;
    if (u.st.wYear < 1980 || u.st.wYear > 2099) return FALSE;
    *pwDosDate = (USHORT)(((u.st.wYear - 1980) << 9) | (u.st.wMonth << 5) | u.st.wDay);
    *pwDosTime = (USHORT)((u.st.wHour << 11) | (u.st.wMinute << 5) | (u.st.wSecond / 2));
    return TRUE;
}
