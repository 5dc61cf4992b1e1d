/*
 * fuzz/fuzz_guid.c — CLSIDFromString / IIDFromString on arbitrary UTF-16.
 * The input bytes are taken as UTF-16 code units (an odd last byte is
 * dropped) and NUL-terminated; whatever the parser answers, a success must
 * round-trip through StringFromGUID2.
 */
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    WCHAR *s = comrt_fuzz_utf16(data, size);
    WCHAR back[39];
    GUID g, g2;

    if (!s) return 0;
    if (CLSIDFromString(s, &g) == S_OK && s[0]) {
        if (StringFromGUID2(&g, back, 39) != 39) abort();
        if (CLSIDFromString(back, &g2) != S_OK || !IsEqualGUID(&g, &g2)) abort();
    }
    (void)IIDFromString(s, &g);
    free(s);
    return 0;
}
