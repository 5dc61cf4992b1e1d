/*
 * fuzz/fuzz_numparse.c — VarParseNumFromStr + VarNumFromParseNum and the
 * VarXxxFromStr wrappers on arbitrary UTF-16.
 *
 * The first input byte picks the locale and NUMPRS_* mask, the second the
 * digit-buffer size; the rest is the string (UTF-16 code units, an odd last
 * byte dropped).  Whatever the parser answers must be self-consistent: on
 * success cchUsed lies within the string, cDig within the buffer, every
 * digit within the base; converting to any set of types never crashes;
 * DECIMALs are valid.
 */
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

#include "fuzz_util.h"

static const LCID lcids[] = { 0x0409, 0x0407, 0x040c, LOCALE_INVARIANT, LOCALE_USER_DEFAULT, 0x0411 };
static const ULONG masks[] = { NUMPRS_STD, NUMPRS_STD & ~NUMPRS_USE_ALL, 0,
                               NUMPRS_DECIMAL | NUMPRS_EXPONENT | NUMPRS_LEADING_MINUS };
static const ULONG bit_sets[] = {
    VTBIT_I1 | VTBIT_UI1 | VTBIT_I2 | VTBIT_UI2 | VTBIT_I4 | VTBIT_UI4 | VTBIT_I8 | VTBIT_UI8 | VTBIT_R4 |
        VTBIT_R8 | VTBIT_CY | VTBIT_DECIMAL,
    VTBIT_I4, VTBIT_UI8, VTBIT_R4, VTBIT_R8, VTBIT_CY, VTBIT_DECIMAL, VTBIT_I2 | VTBIT_R8, 0,
};

static void check_dec(const DECIMAL *d)
{
    if (d->scale > 28 || (d->sign & ~DECIMAL_NEG)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static BYTE dig[1100];
    WCHAR *s;
    LCID lcid;
    ULONG mask;
    int cdig;
    size_t len;
    NUMPARSE np;

    if (size < 2) return 0;
    lcid = lcids[data[0] % (sizeof lcids / sizeof lcids[0])];
    mask = masks[(data[0] >> 4) % (sizeof masks / sizeof masks[0])];
    cdig = data[1] < 200 ? data[1] % 40 : 1024;
    s = comrt_fuzz_utf16(data + 2, size - 2);
    if (!s) return 0;
    for (len = 0; s[len]; len++) {
    }

    memset(&np, 0, sizeof np);
    np.cDig = cdig;
    np.dwInFlags = mask;
    if (VarParseNumFromStr(s, lcid, 0, &np, dig) == S_OK) {
        if (np.cchUsed < 0 || (size_t)np.cchUsed > len) abort();
        if (np.cDig < 0 || np.cDig > cdig) abort();
        for (int i = 0; i < np.cDig; i++)
            if (dig[i] > (np.nBaseShift ? 15 : 9)) abort();
        for (size_t i = 0; i < sizeof bit_sets / sizeof bit_sets[0]; i++) {
            VARIANT v;
            NUMPARSE copy = np;
            VariantInit(&v);
            if (VarNumFromParseNum(&copy, dig, bit_sets[i], &v) == S_OK && V_VT(&v) == VT_DECIMAL)
                check_dec(&V_DECIMAL(&v));
        }
    }

    {
        DOUBLE r8;
        DECIMAL d;
        CY cy;
        LONG64 i8;
        VARIANT_BOOL b;
        BSTR text = NULL;
        if (VarDecFromStr(s, lcid, 0, &d) == S_OK) {
            check_dec(&d);
            /* a DECIMAL's own text parses back to the same value */
            if (VarBstrFromDec(&d, lcid, 0, &text) == S_OK) {
                DECIMAL back;
                if (VarDecFromStr(text, lcid, 0, &back) != S_OK) abort();
                if (VarDecCmp(&d, &back) != VARCMP_EQ) abort();
                SysFreeString(text);
            }
        }
        if (VarR8FromStr(s, lcid, 0, &r8) == S_OK && VarBstrFromR8(r8, lcid, 0, &text) == S_OK)
            SysFreeString(text);
        (void)VarCyFromStr(s, lcid, 0, &cy);
        (void)VarI8FromStr(s, lcid, 0, &i8);
        (void)VarBoolFromStr(s, lcid, VAR_LOCALBOOL, &b);
    }
    free(s);
    return 0;
}
