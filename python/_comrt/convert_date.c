/*
 * python/_comrt/convert_date.c — datetime.datetime <-> VT_DATE.
 *
 * A DATE counts days from 1899-12-30; its fraction is the time of day,
 * measured from midnight in the same direction for negative dates (so -1.25
 * is 1899-12-29 06:00, as VarUdateFromDate reads it).  The range is years
 * 100..9999.  VarDateFromUdate / VarUdateFromDate keep whole seconds only
 * (Windows' rule), so the sub-second part is done here with the same
 * arithmetic: to DATE by one correctly scaled division; back by picking the
 * fewest fractional-second digits (0..6) that map to exactly the same
 * double.  Whole milliseconds therefore always round-trip, and microseconds
 * do wherever a double can tell them apart (it cannot near year 9999).
 */
#include "_comrt.h"

#include <datetime.h>
#include <math.h>
#include <stdio.h>

#define US_PER_DAY 86400000000LL
#define DATE_MIN_DAYS (-657434L)  /* 0100-01-01 */
#define DATE_MAX_DAYS 2958465L    /* 9999-12-31 */

int comrt_date_init(void)
{
    PyDateTime_IMPORT;
    return PyDateTimeAPI ? 0 : -1;
}

int comrt_is_datetime(PyObject *o)
{
    return PyDateTime_Check(o);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static long date_epoch(void)
{
    return days_from_civil(1899, 12, 30);
}

/* The DATE for `days` whole days plus `us` microseconds of that day; the
 * time counts away from zero on negative days.  One rounding only: the
 * microsecond total (< 2^64) is exact in a long double. */
static DATE date_compose(long days, long long us, int negative)
{
    long double total = (long double)days * US_PER_DAY + (negative ? -(long double)us : (long double)us);
    return (DATE)(total / (long double)US_PER_DAY);
}

int comrt_date_from_datetime(comrt_state *st, PyObject *dt, DATE *out)
{
    PyObject *tz = PyObject_GetAttrString(dt, "tzinfo");
    if (!tz) return -1;
    int aware = tz != Py_None;
    Py_DECREF(tz);
    if (aware) {
        /* comtypes fails here too (aware - naive); a DATE has no zone. */
        PyErr_SetString(PyExc_TypeError, "cannot put a timezone-aware datetime in a VT_DATE");
        return -1;
    }
    long days = days_from_civil(PyDateTime_GET_YEAR(dt), (unsigned)PyDateTime_GET_MONTH(dt),
                                (unsigned)PyDateTime_GET_DAY(dt)) - date_epoch();
    if (days < DATE_MIN_DAYS) {
        PyErr_Format(PyExc_ValueError, "%R is before year 100, outside the VT_DATE range", dt);
        return -1;
    }
    long long us = ((PyDateTime_DATE_GET_HOUR(dt) * 60LL + PyDateTime_DATE_GET_MINUTE(dt)) * 60LL +
                    PyDateTime_DATE_GET_SECOND(dt)) * 1000000LL + PyDateTime_DATE_GET_MICROSECOND(dt);
    DATE d = date_compose(days, us, days < 0);
    /* The last microseconds of 9999-12-31 (and of 0100-01-01) round to the
     * next whole day, which is outside the range: take the nearest DATE
     * inside it, as close as a double gets there (~40 us). */
    if (d >= (double)DATE_MAX_DAYS + 1.0) d = nextafter((double)DATE_MAX_DAYS + 1.0, 0.0);
    if (d <= (double)DATE_MIN_DAYS - 1.0) d = nextafter((double)DATE_MIN_DAYS - 1.0, 0.0);
    *out = d;
    return 0;
}

PyObject *comrt_datetime_from_date(comrt_state *st, DATE d)
{
    static const long long pow10[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    int negative = d < 0;
    long long us = -1;
    long days;
    double whole, frac;
    int y, m, dd;

    if (!isfinite(d) || d <= (double)DATE_MIN_DAYS - 1.0 || d >= (double)DATE_MAX_DAYS + 1.0) {
        char text[40];
        snprintf(text, sizeof text, "%.17g", d);
        PyErr_Format(PyExc_ValueError, "VT_DATE value %s is outside years 100..9999", text);
        return NULL;
    }
    whole = trunc(d);
    frac = fabs(d - whole); /* exact: d and whole share their exponent range */
    days = (long)whole;
    for (int k = 0; k <= 6 && us < 0; k++) {
        long long units = llroundl((long double)frac * 86400.0L * (long double)pow10[k]);
        long long candidate = units * pow10[6 - k];
        if (date_compose(days, candidate, negative) == d) us = candidate;
    }
    if (us < 0) us = llroundl((long double)frac * (long double)US_PER_DAY); /* not from a datetime */
    if (us >= US_PER_DAY) { /* rounded up to the next midnight */
        us -= US_PER_DAY;
        days += 1; /* the calendar day after, whichever side of 1899-12-30 */
    }
    civil_from_days(date_epoch() + days, &y, &m, &dd);
    if (y > 9999) {
        PyErr_SetString(PyExc_ValueError, "VT_DATE value rounds past 9999-12-31");
        return NULL;
    }
    long long secs = us / 1000000;
    return PyDateTime_FromDateAndTime(y, m, dd, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60),
                                      (int)(us % 1000000));
}
