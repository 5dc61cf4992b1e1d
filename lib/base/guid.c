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

/* Parses "{8-4-4-4-12}" into *out the way Windows does it: field by field,
 * straight into the output, so a malformed string leaves the fields parsed
 * before the fault written (Data1..Data3 digit by digit, Data4 byte by byte)
 * and the rest untouched.  Windows programs rarely look, but the oracle
 * shows it and we keep it.  Each check stops at the first wrong unit, so
 * reads never pass the string's NUL. */
/* Stores v into Data1, Data2 or Data3 (w = 0, 1, 2). */
static void set_word(GUID *g, int w, uint32_t v)
{
    if (w == 0) g->Data1 = v;
    else if (w == 1) g->Data2 = (uint16_t)v;
    else g->Data3 = (uint16_t)v;
}

static BOOL parse_into(const WCHAR *s, GUID *out)
{
    static const struct {
        int at, digits;
    } words[] = { { 1, 8 }, { 10, 4 }, { 15, 4 } };
    static const int byte_at[8] = { 20, 22, 25, 27, 29, 31, 33, 35 };

    if (!s || s[0] != '{') return FALSE;
    for (int w = 0; w < 3; w++) {
        uint32_t v = 0;
        if (w > 0 && s[words[w].at - 1] != '-') return FALSE;
        set_word(out, w, 0);
        for (int i = 0; i < words[w].digits; i++) {
            int d = hex_value(s[words[w].at + i]);
            if (d < 0) return FALSE;
            v = (v << 4) | (uint32_t)d;
            set_word(out, w, v);
        }
    }
    for (int b = 0; b < 8; b++) {
        int hi, lo;
        if ((b == 0 && s[19] != '-') || (b == 2 && s[24] != '-')) return FALSE;
        hi = hex_value(s[byte_at[b]]);
        if (hi < 0) return FALSE;
        lo = hex_value(s[byte_at[b] + 1]);
        if (lo < 0) return FALSE;
        out->Data4[b] = (uint8_t)(hi << 4 | lo);
    }
    return s[37] == '}' && s[38] == 0;
}

BOOL comrt__guid_parse(const WCHAR *s, GUID *out)
{
    GUID g;
    if (!parse_into(s, &g)) return FALSE;
    *out = g;
    return TRUE;
}

/* The ProgID lookup CLSIDFromString falls back on; NULL until runtime/
 * registers it (comrt__guid_set_progid_lookup). */
static comrt__progid_lookup_fn g_progid_lookup;

HRESULT CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid)
{
    if (!pclsid) return E_INVALIDARG;
    if (!lpsz) {
        memset(pclsid, 0, sizeof *pclsid); /* Windows: NULL means CLSID_NULL */
        return S_OK;
    }
    if (parse_into(lpsz, pclsid)) return S_OK;
    /* Windows also accepts a ProgID here (the class registry's lookup,
     * registered by runtime/progid.c).  A string that is neither answers
     * CLSID_NULL, unless it began like a GUID (parse_into's partial write). */
    if (lpsz[0] != '{') {
        comrt__progid_lookup_fn lookup = __atomic_load_n(&g_progid_lookup, __ATOMIC_ACQUIRE);
        CLSID found;
        if (lookup && lookup(lpsz, &found) == S_OK) {
            *pclsid = found;
            return S_OK;
        }
        memset(pclsid, 0, sizeof *pclsid);
    }
    return CO_E_CLASSSTRING;
}

void comrt__guid_set_progid_lookup(comrt__progid_lookup_fn fn)
{
    __atomic_store_n(&g_progid_lookup, fn, __ATOMIC_RELEASE);
}

HRESULT IIDFromString(LPCOLESTR lpsz, LPIID lpiid)
{
    if (!lpiid) return E_INVALIDARG;
    if (!lpsz) {
        memset(lpiid, 0, sizeof *lpiid);
        return S_OK;
    }
    if (comrt__utf16_len(lpsz) + 1 != GUID_CHARS) return E_INVALIDARG;
    return parse_into(lpsz, lpiid) ? S_OK : CO_E_IIDSTRING;
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
