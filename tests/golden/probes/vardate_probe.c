/*
 * vardate_probe.c — the DATE <-> calendar conversions: VarDateFromUdate,
 * VarUdateFromDate, SystemTimeToVariantTime, VariantTimeToSystemTime,
 * DosDateTimeToVariantTime and VariantTimeToDosDateTime, over valid and
 * out-of-range fields (months 13, day 0, hour 24, ...) and DATE values
 * across the whole range, negative and fractional ones included.
 *
 * A DATE is printed as its bit pattern; calendar fields as
 * Y-M-D h:m:s.ms plus day-of-week and (for UDATE) day-of-year.
 */
#include "probe_util.h"

typedef struct {
    WORD y, mo, d, h, mi, s, ms;
} fields;

static const fields base = {2000, 1, 15, 12, 34, 56, 789};

/* Field variations, one field at a time from base. */
static const WORD years[] = {0, 1, 29, 30, 99, 100, 101, 1752, 1899, 1900, 1980, 2000, 2099, 9999, 10000, 32767, 65535};
static const WORD months[] = {0, 1, 2, 11, 12, 13, 14, 24, 25, 100, 32767, 65535};
static const WORD days[] = {0, 1, 28, 29, 30, 31, 32, 60, 366, 400, 32767, 65535};
static const WORD hours[] = {0, 1, 23, 24, 25, 48, 65535};
static const WORD minutes[] = {0, 59, 60, 61, 1440, 65535};
static const WORD seconds[] = {0, 59, 60, 61, 86400 % 65536, 65535};
static const WORD millis[] = {0, 1, 499, 500, 501, 999, 1000, 65535};

/* Whole dates worth checking exactly. */
static const fields specials[] = {
    {1899, 12, 30, 0, 0, 0, 0},   {1899, 12, 29, 0, 0, 0, 0},    {1899, 12, 29, 18, 0, 0, 0},
    {1899, 12, 31, 6, 0, 0, 0},   {1900, 1, 1, 0, 0, 0, 0},      {1900, 2, 28, 0, 0, 0, 0},
    {1900, 2, 29, 0, 0, 0, 0},    {1900, 3, 1, 0, 0, 0, 0},      {2000, 2, 29, 23, 59, 59, 0},
    {2100, 2, 29, 0, 0, 0, 0},    {2004, 2, 29, 0, 0, 0, 0},     {100, 1, 1, 0, 0, 0, 0},
    {99, 12, 31, 0, 0, 0, 0},     {9999, 12, 31, 23, 59, 59, 0}, {9999, 12, 31, 23, 59, 59, 999},
    {1, 1, 1, 0, 0, 0, 0},        {1980, 1, 1, 0, 0, 0, 0},      {2107, 12, 31, 23, 59, 58, 0},
    {1970, 1, 1, 0, 0, 0, 0},     {1601, 1, 1, 0, 0, 0, 0},      {1582, 10, 10, 0, 0, 0, 0},
    {2038, 1, 19, 3, 14, 7, 0},   {1899, 12, 30, 12, 0, 0, 0},   {1899, 12, 30, 23, 59, 59, 999},
    {1800, 6, 15, 6, 30, 0, 0},   {2000, 12, 31, 0, 0, 0, 0},    {2001, 1, 1, 0, 0, 0, 0},
};

static const struct {
    const char *label;
    double d;
    uint64_t bits; /* when non-zero, the value */
} dates[] = {
    {"0", 0.0, 0},
    {"-0", 0, 0x8000000000000000ULL},
    {"1", 1.0, 0},
    {"-1", -1.0, 0},
    {"0.5", 0.5, 0},
    {"-0.5", -0.5, 0},
    {"-0.25", -0.25, 0},
    {"-1.25", -1.25, 0},
    {"-1.75", -1.75, 0},
    {"1.5", 1.5, 0},
    {"2", 2.0, 0},
    {"59", 59.0, 0},
    {"60", 60.0, 0},
    {"61", 61.0, 0},
    {"366", 366.0, 0},
    {"29221", 29221.0, 0},
    {"36526", 36526.0, 0},
    {"36526.25", 36526.25, 0},
    {"36526.75", 36526.75, 0},
    {"36526.99998842593", 36526.99998842593, 0},
    {"36526.999994", 36526.999994, 0},
    {"36526.9999999", 36526.9999999, 0},
    {"36526+0.5s", 36526.0 + 0.5 / 86400.0, 0},
    {"36526+0.4999s", 36526.0 + 0.4999 / 86400.0, 0},
    {"36526+1.5s", 36526.0 + 1.5 / 86400.0, 0},
    {"36526+1ms", 36526.0 + 0.001 / 86400.0, 0},
    {"36526+999ms", 36526.0 + 0.999 / 86400.0, 0},
    {"40000.123456", 40000.123456, 0},
    {"29221.5", 29221.5, 0},
    {"73050", 73050.0, 0},
    {"76433.99998", 76433.99998, 0},
    {"2958465", 2958465.0, 0},
    {"2958465.5", 2958465.5, 0},
    {"2958465.99998843", 2958465.99998843, 0},
    {"2958465.999999", 2958465.999999, 0},
    {"2958466", 2958466.0, 0},
    {"-657434", -657434.0, 0},
    {"-657434.5", -657434.5, 0},
    {"-657434.99998843", -657434.99998843, 0},
    {"-657434.999999", -657434.999999, 0},
    {"-657435", -657435.0, 0},
    {"-36522", -36522.0, 0},
    {"-36522.75", -36522.75, 0},
    {"-109205", -109205.0, 0},
    {"1e10", 1e10, 0},
    {"-1e10", -1e10, 0},
    {"NaN", 0, 0x7FF8000000000000ULL},
    {"Inf", 0, 0x7FF0000000000000ULL},
    {"-Inf", 0, 0xFFF0000000000000ULL},
};

static double date_value(size_t i)
{
    return dates[i].bits ? pu_r8frombits(dates[i].bits) : dates[i].d;
}

static void fields_key(pu_line *l, const fields *f)
{
    pu_add(l, "%u-%u-%u %u:%u:%u.%u", f->y, f->mo, f->d, f->h, f->mi, f->s, f->ms);
}

static void st_print(pu_line *l, const SYSTEMTIME *st)
{
    pu_add(l, "%u-%u-%u %u:%u:%u.%u dow=%u", st->wYear, st->wMonth, st->wDay, st->wHour, st->wMinute, st->wSecond,
           st->wMilliseconds, st->wDayOfWeek);
}

static void to_st(const fields *f, SYSTEMTIME *st)
{
    memset(st, 0, sizeof *st);
    st->wYear = f->y;
    st->wMonth = f->mo;
    st->wDay = f->d;
    st->wHour = f->h;
    st->wMinute = f->mi;
    st->wSecond = f->s;
    st->wMilliseconds = f->ms;
    st->wDayOfWeek = 77; /* ignored on input */
}

static void from_fields(const fields *f)
{
    static const ULONG flags[] = {0, VAR_VALIDDATE, VAR_TIMEVALUEONLY, VAR_DATEVALUEONLY};
    size_t k;
    pu_line key, res;
    for (k = 0; k < sizeof flags / sizeof flags[0]; k++) {
        UDATE ud;
        DATE d = -12345.0;
        HRESULT hr;
        memset(&ud, 0, sizeof ud);
        to_st(f, &ud.st);
        ud.wDayOfYear = 0;
        pu_reset(&key);
        pu_reset(&res);
        pu_add(&key, "VarDateFromUdate(");
        fields_key(&key, f);
        pu_add(&key, ", f=%X)", (unsigned)flags[k]);
        hr = VarDateFromUdate(&ud, flags[k], &d);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            pu_add(&res, " 0x%016llX", (unsigned long long)pu_r8bits(d));
        pu_emit(&key, &res);
    }
    {
        SYSTEMTIME st;
        double d = -12345.0;
        INT ok;
        to_st(f, &st);
        pu_reset(&key);
        pu_reset(&res);
        pu_add(&key, "SystemTimeToVariantTime(");
        fields_key(&key, f);
        pu_add(&key, ")");
        ok = SystemTimeToVariantTime(&st, &d);
        pu_add(&res, "%d", (int)ok);
        if (ok)
            pu_add(&res, " 0x%016llX", (unsigned long long)pu_r8bits(d));
        pu_emit(&key, &res);
    }
}

static void from_date(const char *label, double d)
{
    static const ULONG flags[] = {0, VAR_TIMEVALUEONLY, VAR_DATEVALUEONLY};
    pu_line key, res;
    size_t k;
    for (k = 0; k < sizeof flags / sizeof flags[0]; k++) {
        UDATE ud;
        HRESULT hr;
        memset(&ud, 0xEE, sizeof ud);
        pu_reset(&key);
        pu_reset(&res);
        pu_add(&key, "VarUdateFromDate(%s, f=%X)", label, (unsigned)flags[k]);
        hr = VarUdateFromDate(d, flags[k], &ud);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " ");
            st_print(&res, &ud.st);
            pu_add(&res, " doy=%u", ud.wDayOfYear);
        }
        pu_emit(&key, &res);
    }
    {
        SYSTEMTIME st;
        INT ok;
        memset(&st, 0xEE, sizeof st);
        pu_reset(&key);
        pu_reset(&res);
        pu_add(&key, "VariantTimeToSystemTime(%s)", label);
        ok = VariantTimeToSystemTime(d, &st);
        pu_add(&res, "%d", (int)ok);
        if (ok) {
            pu_add(&res, " ");
            st_print(&res, &st);
        }
        pu_emit(&key, &res);
    }
    {
        USHORT dd = 0xEEEE, dt = 0xEEEE;
        INT ok;
        pu_reset(&key);
        pu_reset(&res);
        pu_add(&key, "VariantTimeToDosDateTime(%s)", label);
        ok = VariantTimeToDosDateTime(d, &dd, &dt);
        pu_add(&res, "%d", (int)ok);
        if (ok)
            pu_add(&res, " date=%04X time=%04X", (unsigned)dd, (unsigned)dt);
        pu_emit(&key, &res);
    }
}

int main(void)
{
    size_t i;
    pu_start("vardate");

    from_fields(&base);
#define VARY(arr, field)                           \
    for (i = 0; i < sizeof arr / sizeof arr[0]; i++) { \
        fields f = base;                           \
        f.field = arr[i];                          \
        if (arr[i] != base.field)                  \
            from_fields(&f);                       \
    }
    VARY(years, y)
    VARY(months, mo)
    VARY(days, d)
    VARY(hours, h)
    VARY(minutes, mi)
    VARY(seconds, s)
    VARY(millis, ms)
#undef VARY
    for (i = 0; i < sizeof specials / sizeof specials[0]; i++)
        from_fields(&specials[i]);
    /* two-digit years and month/day overflow together */
    {
        static const fields combos[] = {
            {0, 0, 0, 0, 0, 0, 0},     {0, 1, 1, 0, 0, 0, 0},      {29, 2, 29, 0, 0, 0, 0}, {30, 2, 29, 0, 0, 0, 0},
            {2000, 13, 32, 0, 0, 0, 0}, {2000, 0, 0, 0, 0, 0, 0},  {1999, 12, 31, 24, 0, 0, 0},
            {2000, 1, 1, 23, 59, 60, 0}, {2000, 1, 1, 23, 60, 0, 0}, {9999, 12, 31, 24, 0, 0, 0},
            {100, 1, 0, 0, 0, 0, 0},   {1899, 12, 30, 0, 0, 0, 500}, {2000, 2, 30, 0, 0, 0, 0},
        };
        for (i = 0; i < sizeof combos / sizeof combos[0]; i++)
            from_fields(&combos[i]);
    }

    for (i = 0; i < sizeof dates / sizeof dates[0]; i++)
        from_date(dates[i].label, date_value(i));

    /* DOS date/time -> DATE */
    {
        static const USHORT dos_dates[] = {
            0x0000, 0x0021,                         /* 1980-01-01 */
            (20 << 9) | (1 << 5) | 15,              /* 2000-01-15 */
            (20 << 9) | (2 << 5) | 29,              /* 2000-02-29 */
            (20 << 9) | (2 << 5) | 30,              /* 2000-02-30 */
            (20 << 9) | (0 << 5) | 1,               /* month 0 */
            (20 << 9) | (13 << 5) | 1,              /* month 13 */
            (20 << 9) | (15 << 5) | 31,             /* month 15 */
            (20 << 9) | (1 << 5) | 0,               /* day 0 */
            (127 << 9) | (12 << 5) | 31,            /* 2107-12-31 */
            0xFFFF,
        };
        static const USHORT dos_times[] = {
            0x0000,
            (12 << 11) | (34 << 5) | 28,            /* 12:34:56 */
            (23 << 11) | (59 << 5) | 29,            /* 23:59:58 */
            (23 << 11) | (59 << 5) | 30,            /* seconds 60 */
            (24 << 11),                             /* hour 24 */
            (31 << 11) | (63 << 5) | 31,            /* all ones */
            (12 << 11) | (60 << 5),                 /* minute 60 */
        };
        size_t a, b;
        for (a = 0; a < sizeof dos_dates / sizeof dos_dates[0]; a++)
            for (b = 0; b < sizeof dos_times / sizeof dos_times[0]; b++) {
                pu_line key, res;
                double d = -12345.0;
                INT ok;
                pu_reset(&key);
                pu_reset(&res);
                pu_add(&key, "DosDateTimeToVariantTime(%04X, %04X)", (unsigned)dos_dates[a], (unsigned)dos_times[b]);
                ok = DosDateTimeToVariantTime(dos_dates[a], dos_times[b], &d);
                pu_add(&res, "%d", (int)ok);
                if (ok)
                    pu_add(&res, " 0x%016llX", (unsigned long long)pu_r8bits(d));
                pu_emit(&key, &res);
            }
    }
    fflush(stdout);
    return 0;
}
