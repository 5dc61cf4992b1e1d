/*
 * base/hresult.c — names and standard message texts for HRESULTs, from the
 * tables in hresult_table.h (HRESULTs) and win32_table.h (Win32 codes, for
 * HRESULT_FROM_WIN32 values).
 */
#include <stdio.h>

#include "base/base_internal.h"

typedef struct {
    uint32_t code;
    const char *name;
    const char *message;
} code_row;

static const code_row hresult_rows[] = {
#define COMRT_HRESULT_ROW(name, message) { (uint32_t)(name), #name, message },
#include "hresult_table.h"
#undef COMRT_HRESULT_ROW
};

static const code_row win32_rows[] = {
#define COMRT_WIN32_ROW(name, message) { (uint32_t)(name), #name, message },
#include "win32_table.h"
#undef COMRT_WIN32_ROW
};

/* Binary search in a table sorted by code (first match for duplicates). */
static const code_row *find_row(const code_row *rows, size_t n, uint32_t code)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rows[mid].code < code) lo = mid + 1;
        else hi = mid;
    }
    return (lo < n && rows[lo].code == code) ? &rows[lo] : NULL;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const code_row *lookup(HRESULT hr)
{
    const code_row *row = find_row(hresult_rows, COUNT(hresult_rows), (uint32_t)hr);
    if (!row && HRESULT_FACILITY(hr) == FACILITY_WIN32 && FAILED(hr))
        row = find_row(win32_rows, COUNT(win32_rows), (uint32_t)HRESULT_CODE(hr));
    return row;
}

const char *ComrtHResultName(HRESULT hr)
{
    const code_row *row = find_row(hresult_rows, COUNT(hresult_rows), (uint32_t)hr);
    return row ? row->name : NULL;
}

HRESULT ComrtHResultMessage(HRESULT hr, BSTR *pbstrMessage)
{
    const code_row *row;
    char unknown[40];
    const char *text;
    size_t n;
    BSTR s;

    if (!pbstrMessage) return E_INVALIDARG;
    row = lookup(hr);
    if (row) {
        text = row->message;
    } else {
        snprintf(unknown, sizeof unknown, "Unknown error 0x%08X", (unsigned)hr);
        text = unknown;
    }
    n = strlen(text);
    s = SysAllocStringLen(NULL, (UINT)comrt__utf8_to_utf16(text, n, NULL, 0));
    if (!s) return E_OUTOFMEMORY;
    comrt__utf8_to_utf16(text, n, s, SysStringLen(s));
    *pbstrMessage = s;
    return S_OK;
}
