/*
 * fuzz/fuzz_datestr.c — VarDateFromStr on arbitrary UTF-16.
 *
 * The first input byte picks the locale and flags; the rest is the string
 * (UTF-16 code units, an odd last byte dropped).  A parsed DATE must lie in
 * Windows' range, and its text (VarBstrFromDate) must parse back to the
 * same DATE to the second.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

#include "fuzz_util.h"

static const LCID lcids[] = { 0x0409, 0x0407, 0x040c, LOCALE_INVARIANT, LOCALE_SYSTEM_DEFAULT, 0x0411 };
static const ULONG flag_sets[] = { 0, VAR_TIMEVALUEONLY, VAR_DATEVALUEONLY, VAR_FOURDIGITYEARS };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    WCHAR *s;
    LCID lcid;
    ULONG flags;
    DATE d;

    if (size < 1) return 0;
    lcid = lcids[data[0] % (sizeof lcids / sizeof lcids[0])];
    flags = flag_sets[(data[0] >> 4) % (sizeof flag_sets / sizeof flag_sets[0])];
    s = comrt_fuzz_utf16(data + 1, size - 1);
    if (!s) return 0;
    if (VarDateFromStr(s, lcid, flags, &d) == S_OK) {
        BSTR text = NULL;
        DATE back;
        if (!(d > -657435.0 && d < 2958466.0)) abort();
        if (VarBstrFromDate(d, lcid, 0, &text) != S_OK) abort();
        if (SysStringLen(text) > 0) {
            if (VarDateFromStr(text, lcid, 0, &back) != S_OK) abort();
            if (fabs(back - d) > 1.0 / 86400) abort();
        }
        SysFreeString(text);
    }
    free(s);
    return 0;
}
