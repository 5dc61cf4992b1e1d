/*
 * fuzz/fuzz_util.h — shared by the harnesses: turn fuzzer bytes into inputs.
 */
#ifndef COMRT_FUZZ_UTIL_H
#define COMRT_FUZZ_UTIL_H

#include <stdlib.h>
#include <string.h>

#include <comrt.h>

/* The bytes as UTF-16 code units, NUL-terminated, in a malloc'ed copy (so
 * ASan sees the exact end); NULL when out of memory. */
static inline WCHAR *comrt_fuzz_utf16(const uint8_t *data, size_t size)
{
    size_t n = size / 2;
    WCHAR *s = malloc((n + 1) * sizeof(WCHAR));
    if (!s) return NULL;
    memcpy(s, data, n * sizeof(WCHAR));
    s[n] = 0;
    return s;
}

#endif
