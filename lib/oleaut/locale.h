/*
 * oleaut/locale.h — the little locale table behind number and date text.
 *
 * oleaut32 asks NLS (GetLocaleInfo) for separators, names and patterns;
 * comrt has no NLS, so it carries the facts for the few locales it supports
 * in one table (locale.c).  Supported: en-US (0x0409), the invariant locale
 * (0x007f), de-DE (0x0407) and fr-FR (0x040c).  LOCALE_USER_DEFAULT,
 * LOCALE_SYSTEM_DEFAULT and LOCALE_NEUTRAL mean en-US unless the
 * environment variable COMRT_LCID names another supported LCID (decimal or
 * 0x-hex).  Every other LCID falls back to en-US.
 */
#ifndef COMRT_OLEAUT_LOCALE_H
#define COMRT_OLEAUT_LOCALE_H

#include <comrt.h>

/* Order of day, month and year in a short date (LOCALE_IDATE). */
enum { COMRT_DATE_MDY = 0, COMRT_DATE_DMY = 1, COMRT_DATE_YMD = 2 };

typedef struct comrt__locale {
    LCID lcid;
    const WCHAR *decimal;   /* LOCALE_SDECIMAL */
    const WCHAR *thousand;  /* LOCALE_STHOUSAND */
    const WCHAR *currency;  /* LOCALE_SCURRENCY */
    int icurrency;          /* LOCALE_ICURRENCY: where the symbol goes */
    int inegcurr;           /* LOCALE_INEGCURR: negative currency pattern */
    int inegnumber;         /* LOCALE_INEGNUMBER */
    int date_order;         /* COMRT_DATE_* (LOCALE_IDATE) */
    const WCHAR *short_date; /* LOCALE_SSHORTDATE picture ("M/d/yyyy") */
    const WCHAR *long_time;  /* LOCALE_STIMEFORMAT picture ("h:mm:ss tt") */
    const WCHAR *date_sep;  /* LOCALE_SDATE */
    const WCHAR *time_sep;  /* LOCALE_STIME */
    const WCHAR *am, *pm;   /* LOCALE_S1159 / LOCALE_S2359 */
    const WCHAR *months[12];       /* January .. December */
    const WCHAR *abbrev_months[12];
    const WCHAR *days[7];          /* Monday .. Sunday, as LOCALE_SDAYNAME1.. */
    const WCHAR *abbrev_days[7];
    const WCHAR *true_word, *false_word; /* VAR_LOCALBOOL words */
} comrt__locale;

/* The table entry for lcid (never NULL; unknown LCIDs give en-US).  The
 * entry is static and immutable. */
const comrt__locale *comrt__locale_get(LCID lcid);

#endif /* COMRT_OLEAUT_LOCALE_H */
