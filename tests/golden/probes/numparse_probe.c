/*
 * numparse_probe.c — VarParseNumFromStr under several dwFlags masks, LCIDs
 * and digit-buffer sizes, and VarNumFromParseNum under several VTBIT masks,
 * both from parsed strings and from hand-built NUMPARSE values.
 *
 * A parse prints  cDig, dwOutFlags, cchUsed, nBaseShift, nPwr10 and the
 * digits (0-9, A-F for hex digit values); a conversion prints the VARIANT.
 */
#include "probe_util.h"

static const OLECHAR *const strs[] = {
    OLESTR(""), OLESTR(" "), OLESTR("0"), OLESTR("000"), OLESTR("1"), OLESTR("-1"), OLESTR("+1"), OLESTR(" 12 "),
    OLESTR("12 "), OLESTR(" 12"), OLESTR("\t7\t"), OLESTR("1,000"), OLESTR("1,000.5"), OLESTR("1.000,5"),
    OLESTR("1,2,3"), OLESTR(",5"), OLESTR("1,,000"), OLESTR("1.5"), OLESTR("1,5"), OLESTR("-2.5"), OLESTR(".5"),
    OLESTR("5."), OLESTR("0.0"), OLESTR("0.000100"), OLESTR("100"), OLESTR("1200"), OLESTR("1.5e3"),
    OLESTR("1e3"), OLESTR("1E-3"), OLESTR("1e+3"), OLESTR("1e"), OLESTR("1e3x"), OLESTR("1e99999"),
    OLESTR("1e-99999"), OLESTR("&HFF"), OLESTR("&hff"), OLESTR("&HFFFFFFFF"), OLESTR("&H1234567890ABCDEF0"),
    OLESTR("&O17"), OLESTR("&O777"), OLESTR("&O8"), OLESTR("&H"), OLESTR("&B1"), OLESTR("(5)"), OLESTR("(5"),
    OLESTR("5)"), OLESTR("-(5)"), OLESTR("5-"), OLESTR("5+"), OLESTR("5 -"), OLESTR("$5"), OLESTR("$5.25"),
    OLESTR("5$"), OLESTR("-$5"), OLESTR("($5)"), OLESTR("\x20AC" "5"), OLESTR("5 \x20AC"), OLESTR("abc"),
    OLESTR("12abc"), OLESTR("1 000"), OLESTR("1\x00A0" "000"), OLESTR("1.234,56"), OLESTR("1.000.000"),
    OLESTR("12345678901234567890123456789012345"), OLESTR("0.00000000000000000000000000000000001"),
    OLESTR("123456789.123456789"), OLESTR("99999999999999999999999999999"), OLESTR("1.23456789012345678901234567890"),
    OLESTR("0000000000000000000000000000000000000001"), OLESTR("1000000000000000000000000000000000000000"),
    OLESTR("--1"), OLESTR("+-1"), OLESTR("- 1"), OLESTR("1-"), OLESTR("True"),
};

static const struct {
    const char *name;
    ULONG mask;
} masks[] = {
    {"STD", NUMPRS_STD},
    {"0", 0},
    {"WHITE", NUMPRS_LEADING_WHITE | NUMPRS_TRAILING_WHITE},
    {"SIGNS", NUMPRS_LEADING_PLUS | NUMPRS_LEADING_MINUS | NUMPRS_TRAILING_PLUS | NUMPRS_TRAILING_MINUS},
    {"DEC+EXP", NUMPRS_DECIMAL | NUMPRS_EXPONENT},
    {"HEXOCT", NUMPRS_HEX_OCT},
    {"THOU+DEC", NUMPRS_THOUSANDS | NUMPRS_DECIMAL},
    {"CUR+DEC", NUMPRS_CURRENCY | NUMPRS_DECIMAL},
    {"PARENS", NUMPRS_PARENS},
    {"STD-USEALL", NUMPRS_STD & ~NUMPRS_USE_ALL},
    {"USEALL", NUMPRS_USE_ALL},
};

static void np_print(pu_line *l, const NUMPARSE *np, const BYTE *dig)
{
    int i;
    pu_add(l, " cDig=%d out=%05X used=%d shift=%d pwr10=%d dig=", np->cDig, (unsigned)np->dwOutFlags, np->cchUsed,
           np->nBaseShift, np->nPwr10);
    for (i = 0; i < np->cDig && i < 64; i++)
        pu_add(l, "%X", (unsigned)(dig[i] & 0x0F));
}

static HRESULT parse(const OLECHAR *s, LCID lcid, ULONG mask, int cdig, NUMPARSE *np, BYTE *dig)
{
    memset(np, 0, sizeof *np);
    memset(dig, 0xEE, 64);
    np->cDig = cdig;
    np->dwInFlags = mask;
    return VarParseNumFromStr((OLECHAR *)s, lcid, 0, np, dig); /* the SDK lacks the const */
}

static const struct {
    const char *name;
    ULONG bits;
} vtbits[] = {
    {"ints", VTBIT_I1 | VTBIT_UI1 | VTBIT_I2 | VTBIT_UI2 | VTBIT_I4 | VTBIT_UI4 | VTBIT_I8 | VTBIT_UI8},
    {"I4", VTBIT_I4},
    {"UI1", VTBIT_UI1},
    {"I2|R4", VTBIT_I2 | VTBIT_R4},
    {"I4|R8", VTBIT_I4 | VTBIT_R8},
    {"R8", VTBIT_R8},
    {"CY", VTBIT_CY},
    {"DECIMAL", VTBIT_DECIMAL},
    {"all", VTBIT_I1 | VTBIT_UI1 | VTBIT_I2 | VTBIT_UI2 | VTBIT_I4 | VTBIT_UI4 | VTBIT_I8 | VTBIT_UI8 | VTBIT_R4 |
                VTBIT_R8 | VTBIT_CY | VTBIT_DECIMAL},
    {"none", 0},
};

static void convert(pu_line *key_prefix, NUMPARSE *np, BYTE *dig)
{
    size_t b;
    for (b = 0; b < sizeof vtbits / sizeof vtbits[0]; b++) {
        pu_line key, res;
        VARIANT v;
        NUMPARSE copy = *np;
        BYTE dcopy[64];
        HRESULT hr;
        memcpy(dcopy, dig, sizeof dcopy);
        pu_reset(&key);
        pu_reset(&res);
        pu_add(&key, "%s bits=%s", key_prefix->s, vtbits[b].name);
        VariantInit(&v);
        V_VT(&v) = VT_I4;
        V_I4(&v) = 0x5A5A5A5A;
        hr = VarNumFromParseNum(&copy, dcopy, vtbits[b].bits, &v);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " ");
            pu_variant(&res, &v);
            VariantClear(&v);
        }
        pu_emit(&key, &res);
    }
}

int main(void)
{
    static const LCID lcids[] = {0x0409, 0x0407, 0x040C};
    size_t s, m, l;
    NUMPARSE np;
    BYTE dig[64];

    pu_start("numparse");

    for (s = 0; s < sizeof strs / sizeof strs[0]; s++) {
        for (l = 0; l < sizeof lcids / sizeof lcids[0]; l++) {
            for (m = 0; m < sizeof masks / sizeof masks[0]; m++) {
                pu_line key, res;
                HRESULT hr;
                if (l > 0 && m > 0 && m != 6 && m != 7)
                    continue; /* other locales: STD, THOU+DEC and CUR+DEC only */
                pu_reset(&key);
                pu_reset(&res);
                pu_add(&key, "Parse(");
                pu_wsz(&key, strs[s]);
                pu_add(&key, ", %04X, %s, cDig=30)", (unsigned)lcids[l], masks[m].name);
                hr = parse(strs[s], lcids[l], masks[m].mask, 30, &np, dig);
                pu_hr(&res, hr);
                if (SUCCEEDED(hr))
                    np_print(&res, &np, dig);
                pu_emit(&key, &res);
                if (SUCCEEDED(hr) && m == 0 && l < 2) {
                    pu_line pre;
                    pu_reset(&pre);
                    pu_add(&pre, "Num(");
                    pu_wsz(&pre, strs[s]);
                    pu_add(&pre, ", %04X)", (unsigned)lcids[l]);
                    convert(&pre, &np, dig);
                }
            }
        }
        /* a small digit buffer: truncation and NUMPRS_INEXACT */
        {
            static const int small[] = {1, 3};
            size_t k;
            for (k = 0; k < 2; k++) {
                pu_line key, res;
                HRESULT hr;
                pu_reset(&key);
                pu_reset(&res);
                pu_add(&key, "Parse(");
                pu_wsz(&key, strs[s]);
                pu_add(&key, ", 0409, STD, cDig=%d)", small[k]);
                hr = parse(strs[s], 0x0409, NUMPRS_STD, small[k], &np, dig);
                pu_hr(&res, hr);
                if (SUCCEEDED(hr))
                    np_print(&res, &np, dig);
                pu_emit(&key, &res);
            }
        }
    }

    /* Hand-built NUMPARSE values */
    {
        static const struct {
            const char *label;
            const char *digits;
            ULONG flags;
            int shift, pwr10;
        } hand[] = {
            {"5e-1", "5", 0, 0, -1},
            {"15e-1", "15", 0, 0, -1},
            {"25e-1", "25", 0, 0, -1},
            {"-25e-1", "25", NUMPRS_NEG, 0, -1},
            {"-35e-1", "35", NUMPRS_NEG, 0, -1},
            {"255", "255", 0, 0, 0},
            {"256", "256", 0, 0, 0},
            {"-128", "128", NUMPRS_NEG, 0, 0},
            {"-129", "129", NUMPRS_NEG, 0, 0},
            {"32767", "32767", 0, 0, 0},
            {"32768", "32768", 0, 0, 0},
            {"2147483647", "2147483647", 0, 0, 0},
            {"2147483648", "2147483648", 0, 0, 0},
            {"-2147483648", "2147483648", NUMPRS_NEG, 0, 0},
            {"4294967295", "4294967295", 0, 0, 0},
            {"9223372036854775807", "9223372036854775807", 0, 0, 0},
            {"9223372036854775808", "9223372036854775808", 0, 0, 0},
            {"-9223372036854775808", "9223372036854775808", NUMPRS_NEG, 0, 0},
            {"18446744073709551615", "18446744073709551615", 0, 0, 0},
            {"18446744073709551616", "18446744073709551616", 0, 0, 0},
            {"1e20", "1", 0, 0, 20},
            {"1e28", "1", 0, 0, 28},
            {"1e29", "1", 0, 0, 29},
            {"1e-28", "1", 0, 0, -28},
            {"1e-29", "1", 0, 0, -29},
            {"5e-29", "5", 0, 0, -29},
            {"1e308", "1", 0, 0, 308},
            {"1e309", "1", 0, 0, 309},
            {"1e-400", "1", 0, 0, -400},
            {"hex FF", "\x0F\x0F", 0, 4, 0},
            {"hex FFFF", "\x0F\x0F\x0F\x0F", 0, 4, 0},
            {"hex 8000", "\x08\x00\x00\x00", 0, 4, 0},
            {"hex FFFFFFFF", "\x0F\x0F\x0F\x0F\x0F\x0F\x0F\x0F", 0, 4, 0},
            {"hex 10000", "\x01\x00\x00\x00\x00", 0, 4, 0},
            {"oct 777", "\x07\x07\x07", 0, 3, 0},
            {"oct 177777", "\x01\x07\x07\x07\x07\x07", 0, 3, 0},
            {"0", "0", 0, 0, 0},
            {"empty", "", 0, 0, 0},
            {"-0", "0", NUMPRS_NEG, 0, 0},
            {"922337203685477.58075", "92233720368547758075", 0, 0, -5},
            {"922337203685477.5807", "9223372036854775807", 0, 0, -4},
            {"123456789012345678901234567890", "123456789012345678901234567890", 0, 0, 0},
        };
        size_t h;
        for (h = 0; h < sizeof hand / sizeof hand[0]; h++) {
            pu_line pre;
            size_t n = strlen(hand[h].digits), j;
            if (strcmp(hand[h].label, "0") == 0 || strcmp(hand[h].label, "-0") == 0)
                n = 1;
            memset(&np, 0, sizeof np);
            memset(dig, 0, sizeof dig);
            for (j = 0; j < n && j < sizeof dig; j++)
                dig[j] = hand[h].shift ? (BYTE)hand[h].digits[j] : (BYTE)(hand[h].digits[j] - '0');
            np.cDig = (INT)n;
            np.dwInFlags = NUMPRS_STD;
            np.dwOutFlags = hand[h].flags;
            np.cchUsed = (INT)n;
            np.nBaseShift = hand[h].shift;
            np.nPwr10 = hand[h].pwr10;
            pu_reset(&pre);
            pu_add(&pre, "NumHand(%s)", hand[h].label);
            convert(&pre, &np, dig);
        }
    }
    fflush(stdout);
    return 0;
}
