/*
 * oleaut/locale.c — the locale facts number and date text need, for the
 * locales comrt supports (see locale.h).
 *
 * Values are those Windows 10 reports through GetLocaleInfo; where Wine's
 * data (taken from CLDR) differs, Windows wins: de-DE's short date is
 * "dd.MM.yyyy" and its abbreviated day names have no period, fr-FR's
 * negative currency pattern is 8 ("-1,1 €").  Every LCID not in the table
 * falls back to en-US, so unknown locales still parse and format the way a
 * US-English Windows does rather than failing.
 */
#include <stdlib.h>

#include "oleaut/locale.h"

/* en-US and the invariant locale share the English names. */
#define ENGLISH_NAMES                                                                                   \
    .months = { u"January", u"February", u"March", u"April", u"May", u"June", u"July", u"August",      \
                u"September", u"October", u"November", u"December" },                                 \
    .abbrev_months = { u"Jan", u"Feb", u"Mar", u"Apr", u"May", u"Jun", u"Jul", u"Aug", u"Sep", u"Oct", \
                       u"Nov", u"Dec" },                                                               \
    .days = { u"Monday", u"Tuesday", u"Wednesday", u"Thursday", u"Friday", u"Saturday", u"Sunday" },   \
    .abbrev_days = { u"Mon", u"Tue", u"Wed", u"Thu", u"Fri", u"Sat", u"Sun" },                         \
    .true_word = u"True", .false_word = u"False"

static const comrt__locale table[] = {
    {
        .lcid = 0x0409,
        .decimal = u".", .thousand = u",", .currency = u"$",
        .icurrency = 0, .inegcurr = 0, .inegnumber = 1,
        .date_order = COMRT_DATE_MDY, .short_date = u"M/d/yyyy", .long_time = u"h:mm:ss tt",
        .date_sep = u"/", .time_sep = u":", .am = u"AM", .pm = u"PM",
        ENGLISH_NAMES,
    },
    {
        .lcid = 0x007f,
        .decimal = u".", .thousand = u",", .currency = u"\u00a4",
        .icurrency = 0, .inegcurr = 0, .inegnumber = 1,
        .date_order = COMRT_DATE_MDY, .short_date = u"MM/dd/yyyy", .long_time = u"HH:mm:ss",
        .date_sep = u"/", .time_sep = u":", .am = u"AM", .pm = u"PM",
        ENGLISH_NAMES,
    },
    {
        .lcid = 0x0407,
        .decimal = u",", .thousand = u".", .currency = u"\u20ac",
        .icurrency = 3, .inegcurr = 8, .inegnumber = 1,
        .date_order = COMRT_DATE_DMY, .short_date = u"dd.MM.yyyy", .long_time = u"HH:mm:ss",
        .date_sep = u".", .time_sep = u":", .am = u"AM", .pm = u"PM",
        .months = { u"Januar", u"Februar", u"M\u00e4rz", u"April", u"Mai", u"Juni", u"Juli",
                    u"August", u"September", u"Oktober", u"November", u"Dezember" },
        .abbrev_months = { u"Jan", u"Feb", u"M\u00e4r", u"Apr", u"Mai", u"Jun", u"Jul", u"Aug",
                           u"Sep", u"Okt", u"Nov", u"Dez" },
        .days = { u"Montag", u"Dienstag", u"Mittwoch", u"Donnerstag", u"Freitag", u"Samstag", u"Sonntag" },
        .abbrev_days = { u"Mo", u"Di", u"Mi", u"Do", u"Fr", u"Sa", u"So" },
        .true_word = u"Wahr", .false_word = u"Falsch",
    },
    {
        .lcid = 0x040c,
        .decimal = u",", .thousand = u"\u00a0", .currency = u"\u20ac",
        .icurrency = 3, .inegcurr = 8, .inegnumber = 1,
        .date_order = COMRT_DATE_DMY, .short_date = u"dd/MM/yyyy", .long_time = u"HH:mm:ss",
        .date_sep = u"/", .time_sep = u":", .am = u"AM", .pm = u"PM",
        .months = { u"janvier", u"f\u00e9vrier", u"mars", u"avril", u"mai", u"juin", u"juillet",
                    u"ao\u00fbt", u"septembre", u"octobre", u"novembre", u"d\u00e9cembre" },
        .abbrev_months = { u"janv.", u"f\u00e9vr.", u"mars", u"avr.", u"mai", u"juin", u"juil.",
                           u"ao\u00fbt", u"sept.", u"oct.", u"nov.", u"d\u00e9c." },
        .days = { u"lundi", u"mardi", u"mercredi", u"jeudi", u"vendredi", u"samedi", u"dimanche" },
        .abbrev_days = { u"lun.", u"mar.", u"mer.", u"jeu.", u"ven.", u"sam.", u"dim." },
        .true_word = u"Vrai", .false_word = u"Faux",
    },
};

#define TABLE_LEN (sizeof table / sizeof table[0])

/* The entry whose language matches lcid's, or NULL.  Sort-order bits
 * (above the LANGID) do not change number or date text. */
static const comrt__locale *lookup(LCID lcid)
{
    WORD lang = LANGIDFROMLCID(lcid);
    for (size_t i = 0; i < TABLE_LEN; i++)
        if (LANGIDFROMLCID(table[i].lcid) == lang) return &table[i];
    return NULL;
}

/* The locale the default LCIDs stand for: COMRT_LCID if it names a
 * supported locale, else en-US.  Read on each call: getenv is cheap and a
 * test may change the variable. */
static const comrt__locale *default_locale(void)
{
    const char *env = getenv("COMRT_LCID");
    if (env && *env) {
        char *end;
        unsigned long v = strtoul(env, &end, 0);
        if (*end == 0 && v <= 0xFFFF) {
            WORD lang = (WORD)v;
            if (lang != LOCALE_USER_DEFAULT && lang != LOCALE_SYSTEM_DEFAULT && lang != LOCALE_NEUTRAL) {
                const comrt__locale *l = lookup(lang);
                if (l) return l;
            }
        }
    }
    return &table[0];
}

const comrt__locale *comrt__locale_get(LCID lcid)
{
    WORD lang = LANGIDFROMLCID(lcid);
    const comrt__locale *l;

    if (lang == LOCALE_USER_DEFAULT || lang == LOCALE_SYSTEM_DEFAULT || lang == LOCALE_NEUTRAL)
        return default_locale();
    l = lookup(lcid);
    return l ? l : &table[0];
}
