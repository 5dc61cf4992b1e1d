/*
 * oleaut/datestr.c — dates as text: VarDateFromStr (parse) and
 * VarBstrFromDate (format), in the conventions of a locale (locale.h).
 *
 * Parsing is token based, as oleaut32's is: numbers, date separators, time
 * separators, the locale's month and day names and AM/PM.  A run of numbers
 * joined by ':' is the time (at most h:m:s, optionally followed by AM/PM,
 * or a lone hour followed by AM/PM); the other numbers and a month name
 * make the date.  The date's numbers are read in the locale's order (M/D/Y
 * for en-US, D.M.Y for de-DE) and, when that gives an impossible date, in
 * the other orders oleaut32 tries (Y/M/D, Y/D/M, D/M/Y: "13/1/2000" is 13
 * January in en-US too, "2000-01-02" is 2 January everywhere).  Years
 * below 50 are 20xx, 50..99 are 19xx; a date without a year is in the
 * current year.  Day names are accepted and ignored.  All of this was
 * measured against the reference, including its odd corners.
 *
 * Formatting is the locale's short date and long time, the date alone when
 * the time is midnight and the time alone when the date is 1899-12-30.
 */
#include <math.h>
#include <string.h>
#include <time.h>

#include "base/base_internal.h"
#include "oleaut/locale.h"
#include "oleaut/oleaut_internal.h"

/* ---- parsing ------------------------------------------------------------ */

enum tok_kind { T_NUM, T_DSEP, T_TSEP, T_MONTH, T_AMPM, T_DAY };

typedef struct {
    enum tok_kind kind;
    long value; /* number, month 1..12, AM 0 / PM 1 */
    int digits; /* for numbers */
} token_t;

/* More tokens than any date can have: a longer string is not a date. */
#define MAX_TOKENS 32
#define NUM_CAP 1000000L

static BOOL is_letter(WCHAR c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7);
}

static WCHAR fold(WCHAR c)
{
    if (c >= 'a' && c <= 'z') return (WCHAR)(c - 32);
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return (WCHAR)(c - 32);
    return c;
}

/* Length of name if s starts with it (ignoring case), else 0.  Letters
 * may follow: the reference reads "SepFeb" as two names. */
static size_t match_name(const WCHAR *s, const WCHAR *name)
{
    size_t n = 0;
    if (!name || !*name) return 0;
    for (; name[n]; n++)
        if (fold(s[n]) != fold(name[n])) return 0;
    return n;
}

/* Matches the longest locale word at s: month (kind T_MONTH), AM/PM
 * (T_AMPM) or a day name (T_DAY). */
static size_t match_word(const comrt__locale *loc, const WCHAR *s, int *kind, long *value)
{
    size_t best = 0, k;
    for (int i = 0; i < 12; i++) {
        if ((k = match_name(s, loc->months[i])) > best || (k = match_name(s, loc->abbrev_months[i])) > best) {
            best = k;
            *kind = T_MONTH;
            *value = i + 1;
        }
    }
    for (int i = 0; i < 7; i++) {
        if ((k = match_name(s, loc->days[i])) > best || (k = match_name(s, loc->abbrev_days[i])) > best) {
            best = k;
            *kind = T_DAY;
        }
    }
    if ((k = match_name(s, loc->am)) > best || (k = match_name(s, u"AM")) > best) {
        best = k;
        *kind = T_AMPM;
        *value = 0;
    }
    if ((k = match_name(s, loc->pm)) > best || (k = match_name(s, u"PM")) > best) {
        best = k;
        *kind = T_AMPM;
        *value = 1;
    }
    return best;
}

/* Splits s into tokens; FALSE for a character no date contains. */
static BOOL tokenize(const comrt__locale *loc, const WCHAR *s, token_t *tok, int *ntok)
{
    int n = 0;
    /* '.' separates dates where the locale says so (de-DE), else it
     * separates time fields, as in oleaut32 ("0.5" is 00:05 in en-US) */
    BOOL dot_is_date = loc->date_sep[0] == '.';

    while (*s) {
        WCHAR c = *s;
        if (comrt__text_is_space(c) || c == ',') {
            s++;
            continue;
        }
        if (n >= MAX_TOKENS) return FALSE;
        if (c >= '0' && c <= '9') {
            long v = 0;
            int digits = 0;
            for (; *s >= '0' && *s <= '9'; s++, digits++)
                if (v < NUM_CAP) v = v * 10 + (*s - '0');
            tok[n].kind = T_NUM;
            tok[n].value = v;
            tok[n].digits = digits;
            n++;
        } else if (c == '/' || c == '-' || (c == '.' && dot_is_date) || c == loc->date_sep[0]) {
            tok[n++].kind = T_DSEP;
            s++;
        } else if (c == ':' || c == '.' || c == loc->time_sep[0]) {
            tok[n++].kind = T_TSEP;
            s++;
        } else if (is_letter(c)) {
            int kind = T_NUM;
            long value = 0;
            size_t k = match_word(loc, s, &kind, &value);
            if (!k) return FALSE;
            s += k;
            /* a period after a day name's abbreviation goes with it where
             * periods separate dates (de-DE "Mo., 2.1.2000"); elsewhere
             * it is a time separator and "Mon." is no date */
            if (kind == T_DAY && *s == '.' && dot_is_date) s++;
            tok[n].kind = (enum tok_kind)kind;
            tok[n].value = value;
            n++;
        } else
            return FALSE;
    }
    *ntok = n;
    return TRUE;
}

static int days_in_month(long y, long m)
{
    static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dim[m - 1];
}

typedef struct {
    long value;
    int digits;
} datenum_t;

/* Years below 100 are two-digit years, however they are written ("000"
 * is 2000, "0100" is 100). */
static long expand_year(const datenum_t *y)
{
    if (y->value < 100) return y->value < 50 ? y->value + 2000 : y->value + 1900;
    return y->value;
}

/* A reading is valid when month and day fit; the year's upper bound is
 * checked only when the DATE is built (so "1/1/10000" is a date, just one
 * out of range, and VAR_TIMEVALUEONLY, which drops the date, accepts it,
 * as the reference does). */
static BOOL valid_date(long y, long m, long d)
{
    return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Tries y/m/d; on success stores them. */
static BOOL try_date(long y, long m, long d, long *oy, long *om, long *od)
{
    if (!valid_date(y, m, d)) return FALSE;
    *oy = y;
    *om = m;
    *od = d;
    return TRUE;
}

static BOOL yearish(const datenum_t *n) { return n->value > 31 || n->digits >= 3; }

static long current_year(void)
{
    time_t now = time(NULL);
    struct tm tmv;
    if (!localtime_r(&now, &tmv)) return 2000;
    return tmv.tm_year + 1900;
}

/* Works out y/m/d from the date's numbers and month name, trying the
 * readings in the order oleaut32 does.  month_pos: how many numbers came
 * before the month name. */
static BOOL resolve_date(const comrt__locale *loc, const datenum_t *num, int nnum, long month, int month_pos,
                         long *y, long *m, long *d)
{
    if (month) {
        if (nnum == 1) {
            /* the day of this year if it can be one ("Sep 30"), else the
             * year ("Sep 31" is September 2031, "Feb 29" in a common year
             * is February 2029), as the reference reads it */
            if (yearish(&num[0])) return try_date(expand_year(&num[0]), month, 1, y, m, d);
            return try_date(current_year(), month, num[0].value, y, m, d) ||
                   try_date(expand_year(&num[0]), month, 1, y, m, d);
        }
        if (nnum == 2) {
            /* "Mar 5 2" is the 5th of 2002; after a number, M/D/Y locales
             * read year first when they can ("5 Mar 2" is 2005-03-02), the
             * others day first */
            if (month_pos == 0) return try_date(expand_year(&num[1]), month, num[0].value, y, m, d);
            /* after both numbers: year then day, nothing else ("2 99 Jan"
             * is no date), as on the reference */
            if (month_pos == 2) return try_date(expand_year(&num[0]), month, num[1].value, y, m, d);
            if (loc->date_order == COMRT_DATE_MDY)
                return try_date(expand_year(&num[0]), month, num[1].value, y, m, d) ||
                       try_date(expand_year(&num[1]), month, num[0].value, y, m, d);
            return try_date(expand_year(&num[1]), month, num[0].value, y, m, d) ||
                   try_date(expand_year(&num[0]), month, num[1].value, y, m, d);
        }
        return FALSE;
    }
    if (nnum == 2) {
        long a = num[0].value, b = num[1].value, cy = current_year();
        if (loc->date_order == COMRT_DATE_DMY) {
            if (try_date(cy, b, a, y, m, d) || try_date(cy, a, b, y, m, d)) return TRUE;
        } else if (try_date(cy, a, b, y, m, d) || try_date(cy, b, a, y, m, d))
            return TRUE;
        /* not a day and a month: a year and a month ("0.5" is May 2000 in
         * de-DE), or a month and a year ("1,000" is January 2000) */
        return try_date(expand_year(&num[0]), b, 1, y, m, d) || try_date(expand_year(&num[1]), a, 1, y, m, d);
    }
    if (nnum == 3) {
        long a = num[0].value, b = num[1].value, c = num[2].value;
        long ya = expand_year(&num[0]), yc = expand_year(&num[2]);
        /* the locale's order first, then the other readings: M/D/Y locales
         * prefer Y/M/D to D/M/Y ("30-12-25" is 2030-12-25 in en-US) */
        if (loc->date_order == COMRT_DATE_DMY)
            return try_date(yc, b, a, y, m, d) || try_date(yc, a, b, y, m, d) || try_date(ya, b, c, y, m, d) ||
                   try_date(ya, c, b, y, m, d);
        if (loc->date_order == COMRT_DATE_YMD)
            return try_date(ya, b, c, y, m, d) || try_date(ya, c, b, y, m, d) || try_date(yc, a, b, y, m, d) ||
                   try_date(yc, b, a, y, m, d);
        return try_date(yc, a, b, y, m, d) || try_date(ya, b, c, y, m, d) || try_date(ya, c, b, y, m, d) ||
               try_date(yc, b, a, y, m, d);
    }
    return FALSE;
}

HRESULT VarDateFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DATE *pOut)
{
    enum { P_NONE, P_DATE, P_DSEP, P_TIME } prev = P_NONE;
    const comrt__locale *loc = comrt__locale_get(lcid);
    token_t tok[MAX_TOKENS];
    datenum_t num[3];
    int ntok, nnum = 0, ntime = 0, ampm = -1, i = 0, nsep = 0;
    long month = 0, y = 1899, m = 12, d = 30, tf[3] = { 0, 0, 0 };
    BOOL have_date, have_time = FALSE;
    int month_pos = 0;
    DATE out;
    HRESULT hr = DISP_E_TYPEMISMATCH;

    if (!pOut) return E_INVALIDARG;
    if (!strIn) return DISP_E_TYPEMISMATCH;
    if (!tokenize(loc, strIn, tok, &ntok)) goto out;

    while (i < ntok) {
        const token_t *t = &tok[i];
        BOOL starts_time = t->kind == T_NUM && i + 1 < ntok && (tok[i + 1].kind == T_TSEP || tok[i + 1].kind == T_AMPM);

        if (starts_time) {
            /* h[:m[:s]] [AM|PM], once */
            if (have_time || prev == P_DSEP) goto out;
            tf[0] = t->value;
            ntime = 1;
            i++;
            while (i < ntok && tok[i].kind == T_TSEP) {
                if (i + 1 >= ntok || tok[i + 1].kind != T_NUM || ntime == 3) goto out;
                tf[ntime++] = tok[i + 1].value;
                i += 2;
            }
            if (i < ntok && tok[i].kind == T_AMPM) ampm = (int)tok[i++].value;
            have_time = TRUE;
            prev = P_TIME;
        } else if (t->kind == T_NUM) {
            if (nnum == 3) goto out;
            num[nnum].value = t->value;
            num[nnum].digits = t->digits;
            nnum++;
            prev = P_DATE;
            i++;
        } else if (t->kind == T_DAY) {
            /* a day name says nothing the date does not; after a
             * separator it ends that part of the date ("1-2-Monday 3 PM") */
            if (prev == P_DSEP) prev = P_DATE;
            i++;
        } else if (t->kind == T_MONTH && month) {
            /* a second month name counts as its number ("Jan Feb 3" is
             * 2003-01-02), as on the reference */
            if (nnum == 3) goto out;
            num[nnum].value = t->value;
            num[nnum].digits = 2;
            nnum++;
            prev = P_DATE;
            i++;
        } else if (t->kind == T_MONTH) {
            month = t->value;
            month_pos = nnum;
            prev = P_DATE;
            i++;
        } else if (t->kind == T_DSEP) {
            /* only between two parts of the date, where it may repeat
             * ("1//2"), and no more than two in all ("1//2/2000" is no
             * date), as on the reference */
            int j = i + 1;
            BOOL day_last = FALSE;
            if (++nsep > 2) goto out;
            for (; j < ntok && (tok[j].kind == T_DSEP || tok[j].kind == T_DAY); j++) day_last = tok[j].kind == T_DAY;
            if (j < ntok) {
                if ((prev != P_DATE && prev != P_DSEP) || (tok[j].kind != T_NUM && tok[j].kind != T_MONTH)) goto out;
            } else if (!day_last || prev == P_NONE) {
                /* at the end only before a day name ("1/2/Monday",
                 * "12:30/Monday") */
                goto out;
            }
            prev = P_DSEP;
            i++;
        } else
            goto out; /* a stray ':' or an AM/PM without a time */
    }

    have_date = nnum > 0 || month;
    if (!have_date && !have_time) goto out;
    if (have_date && !resolve_date(loc, num, nnum, month, month_pos, &y, &m, &d)) goto out;
    if (ampm >= 0 && tf[0] <= 12) {
        /* a 24-hour time keeps its hour whatever designator follows */
        if (tf[0] == 12) tf[0] = 0;
        if (ampm) tf[0] += 12;
    }
    if (tf[0] > 23 || tf[1] > 59 || tf[2] > 59) goto out;
    (void)ntime;

    if (dwFlags & VAR_TIMEVALUEONLY) {
        y = 1899;
        m = 12;
        d = 30;
    } else if (y > 9999) {
        goto out;
    } else if (dwFlags & VAR_DATEVALUEONLY) {
        tf[0] = tf[1] = tf[2] = 0;
    }
    hr = comrt__date_from_parts((int)y, (int)m, (int)d, (int)tf[0], (int)tf[1], (int)tf[2], 0, &out);
    if (FAILED(hr)) {
        hr = DISP_E_TYPEMISMATCH;
        goto out;
    }
    *pOut = out;
out:
    return hr;
}

/* ---- formatting --------------------------------------------------------- */

/* Appends the ASCII decimal of v, zero-padded to width. */
static size_t put_num(WCHAR *buf, size_t pos, size_t cap, long v, int width)
{
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && n < 15);
    while (n < width && n < 15) tmp[n++] = '0';
    while (n && pos < cap) buf[pos++] = (WCHAR)tmp[--n];
    return pos;
}

static size_t put_str(WCHAR *buf, size_t pos, size_t cap, const WCHAR *s)
{
    for (; s && *s && pos < cap; s++) buf[pos++] = *s;
    return pos;
}

/* Expands a GetDateFormat/GetTimeFormat picture (d dd ddd dddd M MM MMM
 * MMMM y yy yyyy h hh H HH m mm s ss t tt, 'quoted' text) for u. */
static size_t format_picture(const comrt__locale *loc, const WCHAR *pic, const UDATE *u, BOOL four_digit_years,
                             WCHAR *buf, size_t pos, size_t cap)
{
    while (*pic && pos < cap) {
        WCHAR c = *pic;
        int n = 1;
        if (c == '\'') {
            for (pic++; *pic && *pic != '\'' && pos < cap; pic++) buf[pos++] = *pic;
            if (*pic) pic++;
            continue;
        }
        if (!(c == 'd' || c == 'M' || c == 'y' || c == 'h' || c == 'H' || c == 'm' || c == 's' || c == 't')) {
            buf[pos++] = c;
            pic++;
            continue;
        }
        while (pic[n] == c) n++;
        pic += n;
        switch (c) {
        case 'd':
            if (n <= 2) pos = put_num(buf, pos, cap, u->st.wDay, n);
            else {
                int idx = (u->st.wDayOfWeek + 6) % 7; /* table starts with Monday */
                pos = put_str(buf, pos, cap, n == 3 ? loc->abbrev_days[idx] : loc->days[idx]);
            }
            break;
        case 'M':
            if (n <= 2) pos = put_num(buf, pos, cap, u->st.wMonth, n);
            else pos = put_str(buf, pos, cap, n == 3 ? loc->abbrev_months[u->st.wMonth - 1] : loc->months[u->st.wMonth - 1]);
            break;
        case 'y':
            if (n >= 3 || four_digit_years) pos = put_num(buf, pos, cap, u->st.wYear, 1);
            else pos = put_num(buf, pos, cap, u->st.wYear % 100, n);
            break;
        case 'h':
            pos = put_num(buf, pos, cap, u->st.wHour % 12 ? u->st.wHour % 12 : 12, n > 1 ? 2 : 1);
            break;
        case 'H':
            pos = put_num(buf, pos, cap, u->st.wHour, n > 1 ? 2 : 1);
            break;
        case 'm':
            pos = put_num(buf, pos, cap, u->st.wMinute, n > 1 ? 2 : 1);
            break;
        case 's':
            pos = put_num(buf, pos, cap, u->st.wSecond, n > 1 ? 2 : 1);
            break;
        default: { /* 't' */
            const WCHAR *des = u->st.wHour < 12 ? loc->am : loc->pm;
            if (n == 1) {
                if (des && *des && pos < cap) buf[pos++] = des[0];
            } else
                pos = put_str(buf, pos, cap, des);
            break;
        }
        }
    }
    return pos;
}

/* The locale's short date and long time.  The date is left out when it is
 * 1899-12-30 (day 0) and the time when it is midnight; VAR_TIMEVALUEONLY /
 * VAR_DATEVALUEONLY drop one part (possibly leaving ""), as on Windows.
 * The caller frees *pOut. */
HRESULT VarBstrFromDate(DATE dateIn, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    const comrt__locale *loc = comrt__locale_get(lcid);
    WCHAR buf[128];
    size_t pos = 0, cap = sizeof buf / sizeof buf[0];
    double whole, frac;
    BOOL show_date, show_time;
    UDATE u;
    BSTR b;
    HRESULT hr;

    if (!pOut) return E_INVALIDARG;
    hr = comrt__date_to_parts(dateIn, FALSE, &u);
    if (FAILED(hr)) return hr;
    frac = modf(dateIn, &whole);
    show_date = !(dwFlags & VAR_TIMEVALUEONLY) && whole != 0;
    show_time = !(dwFlags & VAR_DATEVALUEONLY) && (frac != 0 || whole == 0);
    if (show_date) pos = format_picture(loc, loc->short_date, &u, (dwFlags & VAR_FOURDIGITYEARS) != 0, buf, pos, cap);
    if (show_date && show_time && pos < cap) buf[pos++] = ' ';
    if (show_time) pos = format_picture(loc, loc->long_time, &u, FALSE, buf, pos, cap);
    b = SysAllocStringLen(buf, (UINT)pos);
    if (!b) return E_OUTOFMEMORY;
    *pOut = b;
    return S_OK;
}
