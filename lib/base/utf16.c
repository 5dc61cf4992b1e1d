/*
 * base/utf16.c — UTF-16 string helpers and UTF-8 <-> UTF-16 conversion.
 */
#include <stdlib.h>

#include "base/utf16.h"

size_t comrt__utf16_len(const WCHAR *s)
{
    size_t n = 0;
    if (!s) return 0;
    while (s[n]) n++;
    return n;
}

int comrt__utf16_cmp(const WCHAR *a, const WCHAR *b)
{
    static const WCHAR empty[1];
    if (!a) a = empty;
    if (!b) b = empty;
    while (*a && *a == *b) a++, b++;
    return (int)*a - (int)*b;
}

static WCHAR ascii_lower(WCHAR c) { return (c >= 'A' && c <= 'Z') ? (WCHAR)(c + 32) : c; }

int comrt__utf16_icmp_ascii(const WCHAR *a, const WCHAR *b)
{
    static const WCHAR empty[1];
    if (!a) a = empty;
    if (!b) b = empty;
    while (*a && ascii_lower(*a) == ascii_lower(*b)) a++, b++;
    return (int)ascii_lower(*a) - (int)ascii_lower(*b);
}

/* Decodes one UTF-8 sequence at s[*i]; advances *i; returns the code point
 * or 0xFFFD for anything malformed (consuming one byte, so progress is sure). */
static uint32_t utf8_next(const unsigned char *s, size_t len, size_t *i)
{
    unsigned char c = s[*i];
    uint32_t cp, min;
    size_t need, k;

    if (c < 0x80) { (*i)++; return c; }
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else { (*i)++; return 0xFFFD; }
    if (len - *i <= need) { (*i)++; return 0xFFFD; }
    for (k = 1; k <= need; k++) {
        unsigned char cc = s[*i + k];
        if ((cc & 0xC0) != 0x80) { (*i)++; return 0xFFFD; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { (*i)++; return 0xFFFD; }
    *i += need + 1;
    return cp;
}

size_t comrt__utf8_to_utf16(const char *s, size_t len, WCHAR *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n = 0;

    while (i < len) {
        uint32_t cp = utf8_next(u, len, &i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            if (n < cap) out[n] = (WCHAR)(0xD800 | (cp >> 10));
            n++;
            if (n < cap) out[n] = (WCHAR)(0xDC00 | (cp & 0x3FF));
            n++;
        } else {
            if (n < cap) out[n] = (WCHAR)cp;
            n++;
        }
    }
    return n;
}

size_t comrt__utf16_to_utf8(const WCHAR *s, size_t len, char *out, size_t cap)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        uint32_t cp = s[i];
        unsigned char buf[4];
        size_t k, w;

        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < len && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        if (cp < 0x80) { buf[0] = (unsigned char)cp; w = 1; }
        else if (cp < 0x800) { buf[0] = 0xC0 | (cp >> 6); buf[1] = 0x80 | (cp & 0x3F); w = 2; }
        else if (cp < 0x10000) {
            buf[0] = 0xE0 | (cp >> 12); buf[1] = 0x80 | ((cp >> 6) & 0x3F); buf[2] = 0x80 | (cp & 0x3F); w = 3;
        } else {
            buf[0] = 0xF0 | (cp >> 18); buf[1] = 0x80 | ((cp >> 12) & 0x3F);
            buf[2] = 0x80 | ((cp >> 6) & 0x3F); buf[3] = 0x80 | (cp & 0x3F); w = 4;
        }
        for (k = 0; k < w; k++, n++)
            if (n < cap) out[n] = (char)buf[k];
    }
    return n;
}

char *comrt__utf16_to_utf8_dup(const WCHAR *s, size_t len)
{
    size_t n = comrt__utf16_to_utf8(s, len, NULL, 0);
    char *out = malloc(n + 1);
    if (!out) return NULL;
    comrt__utf16_to_utf8(s, len, out, n);
    out[n] = 0;
    return out;
}

WCHAR *comrt__utf8_to_utf16_dup(const char *s, size_t len, size_t *units)
{
    size_t n = comrt__utf8_to_utf16(s, len, NULL, 0);
    WCHAR *out = malloc((n + 1) * sizeof(WCHAR));
    if (!out) return NULL;
    comrt__utf8_to_utf16(s, len, out, n);
    out[n] = 0;
    if (units) *units = n;
    return out;
}

size_t comrt__ascii_to_utf16(const char *s, WCHAR *out, size_t cap)
{
    size_t n = strlen(s);
    if (n + 1 > cap) return 0;
    for (size_t i = 0; i <= n; i++) out[i] = (WCHAR)(unsigned char)s[i];
    return n;
}
