/*
 * base/guid.c — GUIDs as strings ("{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}")
 * and fresh random GUIDs.
 */
#include <errno.h>
#include <sys/random.h>

#include "base/base_internal.h"

#define GUID_CHARS 39 /* 38 characters and the NUL */

static int hex_value(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads 2*n hex digits at s as a big-endian number; FALSE on a non-digit.
 * The caller guarantees the string holds at least 2*n units before its NUL
 * (a NUL is not a hex digit, so the scan stops there anyway). */
static BOOL read_hex(const WCHAR *s, int digits, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < digits; i++) {
        int d = hex_value(s[i]);
        if (d < 0) return FALSE;
        v = (v << 4) | (uint32_t)d;
    }
    *out = v;
    return TRUE;
}

/* Parses exactly "{8-4-4-4-12}" with nothing after it.  Writes *out only on
 * success.  Each check stops at the first unit that is wrong, so reads never
 * pass the string's NUL. */
BOOL comrt__guid_parse(const WCHAR *s, GUID *out)
{
    GUID g;
    uint32_t v;

    if (!s || s[0] != '{') return FALSE;
    if (!read_hex(s + 1, 8, &v)) return FALSE;
    g.Data1 = v;
    if (s[9] != '-' || !read_hex(s + 10, 4, &v)) return FALSE;
    g.Data2 = (uint16_t)v;
    if (s[14] != '-' || !read_hex(s + 15, 4, &v)) return FALSE;
    g.Data3 = (uint16_t)v;
    if (s[19] != '-') return FALSE;
    for (int i = 0; i < 2; i++) {
        if (!read_hex(s + 20 + 2 * i, 2, &v)) return FALSE;
        g.Data4[i] = (uint8_t)v;
    }
    if (s[24] != '-') return FALSE;
    for (int i = 0; i < 6; i++) {
        if (!read_hex(s + 25 + 2 * i, 2, &v)) return FALSE;
        g.Data4[2 + i] = (uint8_t)v;
    }
    if (s[37] != '}' || s[38] != 0) return FALSE;
    *out = g;
    return TRUE;
}

HRESULT CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid)
{
    if (!pclsid) return E_INVALIDARG;
    if (!lpsz) {
        memset(pclsid, 0, sizeof *pclsid); /* Windows: NULL means CLSID_NULL */
        return S_OK;
    }
    if (comrt__guid_parse(lpsz, pclsid)) return S_OK;
    /* Windows also accepts a ProgID here; that lookup joins when the class
     * registry exists (the runtime issue).  Until then it is not found. */
    if (lpsz[0] != '{') memset(pclsid, 0, sizeof *pclsid);
    return CO_E_CLASSSTRING;
}

HRESULT IIDFromString(LPCOLESTR lpsz, LPIID lpiid)
{
    if (!lpiid) return E_INVALIDARG;
    if (!lpsz) {
        memset(lpiid, 0, sizeof *lpiid);
        return S_OK;
    }
    if (comrt__utf16_len(lpsz) + 1 != GUID_CHARS) return E_INVALIDARG;
    return comrt__guid_parse(lpsz, lpiid) ? S_OK : CO_E_IIDSTRING;
}

int comrt__guid_format(const GUID *g, WCHAR *out)
{
    static const char hex[] = "0123456789ABCDEF";
    WCHAR *p = out;
    int i;

#define PUT_HEX(value, digits)                                            \
    for (i = (digits) - 1; i >= 0; i--) *p++ = hex[((value) >> (4 * i)) & 0xF]

    *p++ = '{';
    PUT_HEX(g->Data1, 8);
    *p++ = '-';
    PUT_HEX(g->Data2, 4);
    *p++ = '-';
    PUT_HEX(g->Data3, 4);
    *p++ = '-';
    for (int b = 0; b < 8; b++) {
        if (b == 2) *p++ = '-';
        PUT_HEX(g->Data4[b], 2);
    }
    *p++ = '}';
    *p = 0;
#undef PUT_HEX
    return GUID_CHARS;
}

int StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax)
{
    if (!rguid || !lpsz || cchMax < GUID_CHARS) return 0;
    return comrt__guid_format(rguid, lpsz);
}

HRESULT StringFromCLSID(REFCLSID rclsid, LPOLESTR *lplpsz)
{
    WCHAR *s;
    if (!lplpsz) return E_INVALIDARG;
    if (!rclsid) {
        *lplpsz = NULL;
        return E_INVALIDARG;
    }
    s = CoTaskMemAlloc(GUID_CHARS * sizeof(WCHAR));
    if (!s) {
        *lplpsz = NULL;
        return E_OUTOFMEMORY;
    }
    comrt__guid_format(rclsid, s);
    *lplpsz = s;
    return S_OK;
}

HRESULT StringFromIID(REFIID rclsid, LPOLESTR *lplpsz)
{
    return StringFromCLSID(rclsid, lplpsz);
}

HRESULT CoCreateGuid(GUID *pguid)
{
    uint8_t bytes[16];
    size_t got = 0;

    if (!pguid) return E_INVALIDARG;
    while (got < sizeof bytes) {
        ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return E_FAIL; /* no entropy source: nothing sensible to return */
        }
        got += (size_t)n;
    }
    memcpy(pguid, bytes, sizeof bytes);
    pguid->Data3 = (uint16_t)((pguid->Data3 & 0x0FFF) | 0x4000); /* RFC 4122 version 4 */
    pguid->Data4[0] = (uint8_t)((pguid->Data4[0] & 0x3F) | 0x80); /* RFC 4122 variant */
    return S_OK;
}
