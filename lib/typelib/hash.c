/*
 * lib/typelib/hash.c — LHashValOfNameSys(A): the 32-bit name hash type
 * libraries store next to every name and pass to ITypeComp::Bind.
 *
 * The low word is a multiplicative hash (x37, mod 65599) over the name's
 * bytes in the library's ANSI code page, each byte first folded through a
 * per-language table (case and accent folding); the high word carries a
 * language class and, in bit 16, whether the system is SYS_MAC.  The tables
 * and classes in hash_tables.inc were measured from the oracle by hashing
 * every one-byte name under every LCID; hash_cp1252.inc from the oracle's
 * WideCharToMultiByte (golden: tests/golden/probes/lhash_probe.c).
 */
#include <string.h>

#include "base/base_internal.h"

#include "hash_tables.inc"
#include "hash_cp1252.inc"

/* The language class and folding table for an LCID. */
static void comrt__lhash_lang(SYSKIND syskind, LCID lcid, unsigned *cls, const unsigned char **table)
{
    unsigned lang = lcid & 0x3ff;
    *cls = 1;
    *table = comrt__lhash_tables[0];
    if (lcid == 0x814) { /* Norwegian (Nynorsk) alone differs from its primary language */
        *cls = 11;
        *table = syskind == SYS_MAC ? comrt__lhash_mac_tables[5] : comrt__lhash_tables[8];
        return;
    }
    for (size_t i = 0; i < sizeof comrt__lhash_langs / sizeof comrt__lhash_langs[0]; i++) {
        if (comrt__lhash_langs[i].lang == lang) {
            *cls = comrt__lhash_langs[i].cls;
            *table = comrt__lhash_tables[comrt__lhash_langs[i].table];
            break;
        }
    }
    if (syskind != SYS_MAC) return;
    /* Mac: other tables from 0x80 up, except for the languages that keep
     * their Windows table (Chinese, Icelandic, Japanese, Korean, Turkish) */
    for (size_t i = 0; i < sizeof comrt__lhash_mac_langs / sizeof comrt__lhash_mac_langs[0]; i++) {
        if (comrt__lhash_mac_langs[i].lang == lang) {
            *table = comrt__lhash_mac_tables[comrt__lhash_mac_langs[i].table];
            return;
        }
    }
    if (lang != 0x04 && lang != 0x0f && lang != 0x11 && lang != 0x12 && lang != 0x1f) *table = comrt__lhash_mac_tables[0];
}

static ULONG comrt__lhash_bytes(SYSKIND syskind, LCID lcid, const unsigned char *s, size_t n)
{
    unsigned cls;
    const unsigned char *table;
    ULONG h = 0x0deadbee;

    comrt__lhash_lang(syskind, lcid, &cls, &table);
    for (size_t i = 0; i < n; i++) h = h * 37 + table[s[i]];
    return ((ULONG)((cls << 4) | (syskind == SYS_MAC ? 1 : 0)) << 16) | ((h % 65599) & 0xffff);
}

ULONG WINAPI LHashValOfNameSysA(SYSKIND syskind, LCID lcid, LPCSTR szName)
{
    if (!szName) return 0;
    return comrt__lhash_bytes(syskind, lcid, (const unsigned char *)szName, strlen(szName));
}

/* One UTF-16 unit as the byte the ANSI code page gives it.  oleaut32
 * converts with the process's ANSI code page whatever the LCID says; that
 * is Windows-1252 here (en-US), best-fit mappings included. */
static unsigned char comrt__lhash_narrow(WCHAR c)
{
    size_t lo = 0, hi = sizeof comrt__lhash_acp / sizeof comrt__lhash_acp[0];
    if (c < 0x80) return (unsigned char)c;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (comrt__lhash_acp[mid].w == c) return comrt__lhash_acp[mid].b;
        if (comrt__lhash_acp[mid].w < c) lo = mid + 1;
        else hi = mid;
    }
    return c < 0x100 ? (unsigned char)c : '?';
}

ULONG WINAPI LHashValOfNameSys(SYSKIND syskind, LCID lcid, const OLECHAR *szName)
{
    unsigned cls;
    const unsigned char *table;
    ULONG h = 0x0deadbee;

    if (!szName) return 0;
    comrt__lhash_lang(syskind, lcid, &cls, &table);
    for (size_t i = 0; szName[i]; i++) h = h * 37 + table[comrt__lhash_narrow(szName[i])];
    return ((ULONG)((cls << 4) | (syskind == SYS_MAC ? 1 : 0)) << 16) | ((h % 65599) & 0xffff);
}
