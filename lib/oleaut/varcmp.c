/*
 * oleaut/varcmp.c — comparisons: VarCmp (two VARIANTs), VarBstrCmp (two
 * BSTRs under a locale), VarR4CmpR8, plus VarBstrCat and VarR8Round.
 *
 * String collation.  LCID 0 compares the UTF-16 code units in order (binary,
 * embedded NULs included, flags ignored).  Every other LCID (en-US,
 * LOCALE_INVARIANT, de-DE, fr-FR, the user/system defaults and the rest,
 * which fall back to en-US) compares as Windows' default "word sort"
 * (CompareStringW) does, by sort keys of four levels, each compared only
 * when the ones before are equal:
 *   1. primary: the letters themselves, case-, accent- and width-blind;
 *      punctuation < symbols < digits < letters; the apostrophe, the hyphen
 *      and control characters have no primary weight;
 *   2. diacritics (skipped with NORM_IGNORENONSPACE): each letter's accent
 *      weight, a combining mark adding its own to the letter before it, so
 *      "a\u0308" and the precomposed "\u00E4" are equal;
 *   3. case and width: lower < upper, narrow < wide (fullwidth A > A);
 *      NORM_IGNORECASE and NORM_IGNOREWIDTH clear one bit each;
 *   4. the apostrophes, hyphens and control characters, by position.
 * NORM_IGNORESYMBOLS drops punctuation, symbols and level-4 characters.
 *
 * The weights cover ASCII, Latin-1 and Latin Extended-A (U+00A0-U+017F),
 * the combining diacritics (U+0300-U+036F) and the fullwidth forms
 * (U+FF01-U+FF5E, which weigh as their ASCII letters plus the width bit).
 * They were measured, one code point at a time, from the oracle's
 * LCMapStringW(0x409, LCMAP_SORTKEY) (Microsoft's published Windows sorting
 * weights), and agree with the Unicode decompositions of the precomposed
 * letters.  Any other code point sorts after all of these, by code point,
 * with default accent and case weights: full Unicode collation (Greek,
 * Cyrillic, CJK, expansions beyond the Latin ligatures) is not attempted.
 */
#include <math.h>
#include <string.h>

#include "oleaut/oleaut_internal.h"

/* ---- collation ---------------------------------------------------------- */

typedef struct {
    uint16_t p1, p2;
    uint8_t dw, cw;
} coll_latin_entry;

/* 0x20..0x7E: primary weight (group << 8 | weight); 0 for the apostrophe
 * and the hyphen, which only carry a special weight. */
static const uint16_t coll_ascii[95] = {
    0x0702, 0x071C, 0x071D, 0x071F, 0x0721, 0x0723, 0x0725, 0x0000, 0x0727, 0x072A,
    0x072D, 0x0803, 0x072F, 0x0000, 0x0733, 0x0735, 0x0D03, 0x0D1A, 0x0D1C, 0x0D1E,
    0x0D20, 0x0D22, 0x0D24, 0x0D26, 0x0D28, 0x0D2A, 0x0737, 0x073A, 0x080E, 0x0812,
    0x0814, 0x073C, 0x073E, 0x0E02, 0x0E09, 0x0E0A, 0x0E1A, 0x0E21, 0x0E23, 0x0E25,
    0x0E2C, 0x0E32, 0x0E35, 0x0E36, 0x0E48, 0x0E51, 0x0E70, 0x0E7C, 0x0E7E, 0x0E89,
    0x0E8A, 0x0E91, 0x0E99, 0x0E9F, 0x0EA2, 0x0EA4, 0x0EA6, 0x0EA7, 0x0EA9, 0x073F,
    0x0741, 0x0742, 0x0743, 0x0744, 0x0748, 0x0E02, 0x0E09, 0x0E0A, 0x0E1A, 0x0E21,
    0x0E23, 0x0E25, 0x0E2C, 0x0E32, 0x0E35, 0x0E36, 0x0E48, 0x0E51, 0x0E70, 0x0E7C,
    0x0E7E, 0x0E89, 0x0E8A, 0x0E91, 0x0E99, 0x0E9F, 0x0EA2, 0x0EA4, 0x0EA6, 0x0EA7,
    0x0EA9, 0x074A, 0x074C, 0x074E, 0x0750,
};

/* U+0300..U+0362: what a combining mark adds to the diacritic weight of
 * the letter before it (0: ignorable). */
static const uint8_t coll_marks[0x63] = {
    13, 12, 16, 23, 21, 62, 19, 14, 17, 63, 24, 27, 18, 3, 65, 66,
    67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82,
    83, 84, 85, 86, 87, 88, 89, 26, 25, 90, 91, 92, 93, 94, 95, 96,
    97, 98, 99, 100, 101, 28, 28, 29, 30, 103, 104, 105, 106, 107, 108, 109,
    13, 12, 141, 70, 29, 144, 116, 117, 118, 92, 93, 94, 95, 96, 97, 0,
    84, 85, 86, 87, 88, 89, 90, 91, 30, 31, 32, 33, 40, 20, 21, 21,
    23, 68, 39,
};

/* U+00A0..U+017F: primary weight(s) (a second one for the ligatures and
 * sharp s, which sort as two letters), diacritic and case weights. */
static const coll_latin_entry coll_latin[224] = {
    {0x0704, 0x0000, 2, 0x02}, {0x0751, 0x0000, 2, 0x02}, {0x0797, 0x0000, 2, 0x02}, {0x0798, 0x0000, 2, 0x02}, /* U+00A0 */
    {0x0799, 0x0000, 2, 0x02}, {0x079A, 0x0000, 2, 0x02}, {0x0752, 0x0000, 2, 0x02}, {0x0A06, 0x0000, 2, 0x02}, /* U+00A4 */
    {0x0753, 0x0000, 2, 0x02}, {0x0A07, 0x0000, 2, 0x02}, {0x0E02, 0x0000, 3, 0x0E}, {0x0818, 0x0000, 2, 0x02}, /* U+00A8 */
    {0x0A08, 0x0000, 2, 0x02}, {0x0000, 0x0000, 2, 0x02}, {0x0A09, 0x0000, 2, 0x02}, {0x0754, 0x0000, 2, 0x02}, /* U+00AC */
    {0x0A0A, 0x0000, 2, 0x02}, {0x0817, 0x0000, 2, 0x02}, {0x0D1C, 0x0000, 2, 0x0E}, {0x0D1E, 0x0000, 2, 0x0E}, /* U+00B0 */
    {0x0755, 0x0000, 2, 0x02}, {0x0A0B, 0x0000, 2, 0x02}, {0x0A0C, 0x0000, 2, 0x02}, {0x0A0D, 0x0000, 2, 0x02}, /* U+00B4 */
    {0x0756, 0x0000, 2, 0x02}, {0x0D1A, 0x0000, 2, 0x0E}, {0x0E7C, 0x0000, 3, 0x0E}, {0x081A, 0x0000, 2, 0x02}, /* U+00B8 */
    {0x0D0D, 0x0000, 2, 0x02}, {0x0D11, 0x0000, 2, 0x02}, {0x0D15, 0x0000, 2, 0x02}, {0x0757, 0x0000, 2, 0x02}, /* U+00BC */
    {0x0E02, 0x0000, 15, 0x12}, {0x0E02, 0x0000, 14, 0x12}, {0x0E02, 0x0000, 18, 0x12}, {0x0E02, 0x0000, 25, 0x12}, /* U+00C0 */
    {0x0E02, 0x0000, 19, 0x12}, {0x0E02, 0x0000, 26, 0x12}, {0x0E02, 0x0E21, 2, 0x12}, {0x0E0A, 0x0000, 28, 0x12}, /* U+00C4 */
    {0x0E21, 0x0000, 15, 0x12}, {0x0E21, 0x0000, 14, 0x12}, {0x0E21, 0x0000, 18, 0x12}, {0x0E21, 0x0000, 19, 0x12}, /* U+00C8 */
    {0x0E32, 0x0000, 15, 0x12}, {0x0E32, 0x0000, 14, 0x12}, {0x0E32, 0x0000, 18, 0x12}, {0x0E32, 0x0000, 19, 0x12}, /* U+00CC */
    {0x0E1A, 0x0000, 104, 0x12}, {0x0E70, 0x0000, 25, 0x12}, {0x0E7C, 0x0000, 15, 0x12}, {0x0E7C, 0x0000, 14, 0x12}, /* U+00D0 */
    {0x0E7C, 0x0000, 18, 0x12}, {0x0E7C, 0x0000, 25, 0x12}, {0x0E7C, 0x0000, 19, 0x12}, {0x081C, 0x0000, 2, 0x02}, /* U+00D4 */
    {0x0E7C, 0x0000, 33, 0x12}, {0x0E9F, 0x0000, 15, 0x12}, {0x0E9F, 0x0000, 14, 0x12}, {0x0E9F, 0x0000, 18, 0x12}, /* U+00D8 */
    {0x0E9F, 0x0000, 19, 0x12}, {0x0EA7, 0x0000, 14, 0x12}, {0x0E99, 0x0E2C, 2, 0x12}, {0x0E91, 0x0E91, 2, 0x02}, /* U+00DC */
    {0x0E02, 0x0000, 15, 0x02}, {0x0E02, 0x0000, 14, 0x02}, {0x0E02, 0x0000, 18, 0x02}, {0x0E02, 0x0000, 25, 0x02}, /* U+00E0 */
    {0x0E02, 0x0000, 19, 0x02}, {0x0E02, 0x0000, 26, 0x02}, {0x0E02, 0x0E21, 2, 0x02}, {0x0E0A, 0x0000, 28, 0x02}, /* U+00E4 */
    {0x0E21, 0x0000, 15, 0x02}, {0x0E21, 0x0000, 14, 0x02}, {0x0E21, 0x0000, 18, 0x02}, {0x0E21, 0x0000, 19, 0x02}, /* U+00E8 */
    {0x0E32, 0x0000, 15, 0x02}, {0x0E32, 0x0000, 14, 0x02}, {0x0E32, 0x0000, 18, 0x02}, {0x0E32, 0x0000, 19, 0x02}, /* U+00EC */
    {0x0E1A, 0x0000, 104, 0x02}, {0x0E70, 0x0000, 25, 0x02}, {0x0E7C, 0x0000, 15, 0x02}, {0x0E7C, 0x0000, 14, 0x02}, /* U+00F0 */
    {0x0E7C, 0x0000, 18, 0x02}, {0x0E7C, 0x0000, 25, 0x02}, {0x0E7C, 0x0000, 19, 0x02}, {0x081D, 0x0000, 2, 0x02}, /* U+00F4 */
    {0x0E7C, 0x0000, 33, 0x02}, {0x0E9F, 0x0000, 15, 0x02}, {0x0E9F, 0x0000, 14, 0x02}, {0x0E9F, 0x0000, 18, 0x02}, /* U+00F8 */
    {0x0E9F, 0x0000, 19, 0x02}, {0x0EA7, 0x0000, 14, 0x02}, {0x0E99, 0x0E2C, 2, 0x02}, {0x0EA7, 0x0000, 19, 0x02}, /* U+00FC */
    {0x0E02, 0x0000, 23, 0x12}, {0x0E02, 0x0000, 23, 0x02}, {0x0E02, 0x0000, 21, 0x12}, {0x0E02, 0x0000, 21, 0x02}, /* U+0100 */
    {0x0E02, 0x0000, 27, 0x12}, {0x0E02, 0x0000, 27, 0x02}, {0x0E0A, 0x0000, 14, 0x12}, {0x0E0A, 0x0000, 14, 0x02}, /* U+0104 */
    {0x0E0A, 0x0000, 18, 0x12}, {0x0E0A, 0x0000, 18, 0x02}, {0x0E0A, 0x0000, 16, 0x12}, {0x0E0A, 0x0000, 16, 0x02}, /* U+0108 */
    {0x0E0A, 0x0000, 20, 0x12}, {0x0E0A, 0x0000, 20, 0x02}, {0x0E1A, 0x0000, 20, 0x12}, {0x0E1A, 0x0000, 20, 0x02}, /* U+010C */
    {0x0E1A, 0x0000, 30, 0x12}, {0x0E1A, 0x0000, 30, 0x02}, {0x0E21, 0x0000, 23, 0x12}, {0x0E21, 0x0000, 23, 0x02}, /* U+0110 */
    {0x0E21, 0x0000, 21, 0x12}, {0x0E21, 0x0000, 21, 0x02}, {0x0E21, 0x0000, 16, 0x12}, {0x0E21, 0x0000, 16, 0x02}, /* U+0114 */
    {0x0E21, 0x0000, 27, 0x12}, {0x0E21, 0x0000, 27, 0x02}, {0x0E21, 0x0000, 20, 0x12}, {0x0E21, 0x0000, 20, 0x02}, /* U+0118 */
    {0x0E25, 0x0000, 18, 0x12}, {0x0E25, 0x0000, 18, 0x02}, {0x0E25, 0x0000, 21, 0x12}, {0x0E25, 0x0000, 21, 0x02}, /* U+011C */
    {0x0E25, 0x0000, 16, 0x12}, {0x0E25, 0x0000, 16, 0x02}, {0x0E25, 0x0000, 28, 0x12}, {0x0E25, 0x0000, 28, 0x02}, /* U+0120 */
    {0x0E2C, 0x0000, 18, 0x12}, {0x0E2C, 0x0000, 18, 0x02}, {0x0E2C, 0x0000, 30, 0x12}, {0x0E2C, 0x0000, 30, 0x02}, /* U+0124 */
    {0x0E32, 0x0000, 25, 0x12}, {0x0E32, 0x0000, 25, 0x02}, {0x0E32, 0x0000, 23, 0x12}, {0x0E32, 0x0000, 23, 0x02}, /* U+0128 */
    {0x0E32, 0x0000, 21, 0x12}, {0x0E32, 0x0000, 21, 0x02}, {0x0E32, 0x0000, 27, 0x12}, {0x0E32, 0x0000, 27, 0x02}, /* U+012C */
    {0x0E32, 0x0000, 16, 0x12}, {0x0E32, 0x0000, 4, 0x02}, {0x0E32, 0x0E35, 2, 0x12}, {0x0E32, 0x0E35, 2, 0x02}, /* U+0130 */
    {0x0E35, 0x0000, 18, 0x12}, {0x0E35, 0x0000, 18, 0x02}, {0x0E36, 0x0000, 28, 0x12}, {0x0E36, 0x0000, 28, 0x02}, /* U+0134 */
    {0x0E36, 0x0000, 4, 0x02}, {0x0E48, 0x0000, 14, 0x12}, {0x0E48, 0x0000, 14, 0x02}, {0x0E48, 0x0000, 28, 0x12}, /* U+0138 */
    {0x0E48, 0x0000, 28, 0x02}, {0x0E48, 0x0000, 20, 0x12}, {0x0E48, 0x0000, 20, 0x02}, {0x0E48, 0x0000, 17, 0x12}, /* U+013C */
    {0x0E48, 0x0000, 17, 0x02}, {0x0E48, 0x0000, 31, 0x12}, {0x0E48, 0x0000, 31, 0x02}, {0x0E70, 0x0000, 14, 0x12}, /* U+0140 */
    {0x0E70, 0x0000, 14, 0x02}, {0x0E70, 0x0000, 28, 0x12}, {0x0E70, 0x0000, 28, 0x02}, {0x0E70, 0x0000, 20, 0x12}, /* U+0144 */
    {0x0E70, 0x0000, 20, 0x02}, {0x0E70, 0x0000, 72, 0x02}, {0x0E74, 0x0000, 2, 0x12}, {0x0E74, 0x0000, 2, 0x02}, /* U+0148 */
    {0x0E7C, 0x0000, 23, 0x12}, {0x0E7C, 0x0000, 23, 0x02}, {0x0E7C, 0x0000, 21, 0x12}, {0x0E7C, 0x0000, 21, 0x02}, /* U+014C */
    {0x0E7C, 0x0000, 29, 0x12}, {0x0E7C, 0x0000, 29, 0x02}, {0x0E7C, 0x0E21, 2, 0x12}, {0x0E7C, 0x0E21, 2, 0x02}, /* U+0150 */
    {0x0E8A, 0x0000, 14, 0x12}, {0x0E8A, 0x0000, 14, 0x02}, {0x0E8A, 0x0000, 28, 0x12}, {0x0E8A, 0x0000, 28, 0x02}, /* U+0154 */
    {0x0E8A, 0x0000, 20, 0x12}, {0x0E8A, 0x0000, 20, 0x02}, {0x0E91, 0x0000, 14, 0x12}, {0x0E91, 0x0000, 14, 0x02}, /* U+0158 */
    {0x0E91, 0x0000, 18, 0x12}, {0x0E91, 0x0000, 18, 0x02}, {0x0E91, 0x0000, 28, 0x12}, {0x0E91, 0x0000, 28, 0x02}, /* U+015C */
    {0x0E91, 0x0000, 20, 0x12}, {0x0E91, 0x0000, 20, 0x02}, {0x0E99, 0x0000, 28, 0x12}, {0x0E99, 0x0000, 28, 0x02}, /* U+0160 */
    {0x0E99, 0x0000, 20, 0x12}, {0x0E99, 0x0000, 20, 0x02}, {0x0E9E, 0x0000, 30, 0x12}, {0x0E9E, 0x0000, 30, 0x02}, /* U+0164 */
    {0x0E9F, 0x0000, 25, 0x12}, {0x0E9F, 0x0000, 25, 0x02}, {0x0E9F, 0x0000, 23, 0x12}, {0x0E9F, 0x0000, 23, 0x02}, /* U+0168 */
    {0x0E9F, 0x0000, 21, 0x12}, {0x0E9F, 0x0000, 21, 0x02}, {0x0E9F, 0x0000, 26, 0x12}, {0x0E9F, 0x0000, 26, 0x02}, /* U+016C */
    {0x0E9F, 0x0000, 29, 0x12}, {0x0E9F, 0x0000, 29, 0x02}, {0x0E9F, 0x0000, 27, 0x12}, {0x0E9F, 0x0000, 27, 0x02}, /* U+0170 */
    {0x0EA4, 0x0000, 18, 0x12}, {0x0EA4, 0x0000, 18, 0x02}, {0x0EA7, 0x0000, 18, 0x12}, {0x0EA7, 0x0000, 18, 0x02}, /* U+0174 */
    {0x0EA7, 0x0000, 19, 0x12}, {0x0EA9, 0x0000, 14, 0x12}, {0x0EA9, 0x0000, 14, 0x02}, {0x0EA9, 0x0000, 16, 0x12}, /* U+0178 */
    {0x0EA9, 0x0000, 16, 0x02}, {0x0EA9, 0x0000, 20, 0x12}, {0x0EA9, 0x0000, 20, 0x02}, {0x0E96, 0x0000, 2, 0x02}, /* U+017C */
};

#define CW_UPPER 0x10u /* case weight bit cleared by NORM_IGNORECASE */
#define CW_WIDE 0x01u  /* case weight bit cleared by NORM_IGNOREWIDTH */
#define W_DEFAULT 2u   /* the default accent and case weight */
#define P_UNKNOWN 0x10000u

/* One collation element: a primary weight (0 for a lone combining mark),
 * or a level-4 "special" character (sp != 0, with its case byte). */
typedef struct {
    uint32_t p;
    uint8_t dw, cw;
    uint8_t sp, spcw;
} coll_elem;

/* Weighs one code unit without looking at its neighbours.  Returns 0 for a
 * character that is ignored altogether (NUL, soft hyphen, U+034F), 1 for an
 * element (a second element, for a ligature, in *second), 2 for a combining
 * mark whose accent weight is in e->dw. */
static int coll_weigh(WCHAR c, coll_elem *e, coll_elem *second, int *has_second)
{
    BOOL wide = FALSE;
    memset(e, 0, sizeof *e);
    *has_second = 0;
    e->dw = W_DEFAULT;
    e->cw = W_DEFAULT;
    if (c >= 0xFF01 && c <= 0xFF5E) { /* fullwidth ASCII */
        c = (WCHAR)(c - 0xFEE0);
        wide = TRUE;
    }
    if (c == 0 || c == 0xAD || c == 0x34F) return 0;
    if (c < 0x20) {
        if (c >= 0x09 && c <= 0x0D) {
            e->p = 0x0700u | (uint32_t)(c - 4);
        } else {
            e->sp = (uint8_t)(c <= 0x08 ? c + 2 : c - 3);
            e->spcw = 0x12;
        }
    } else if (c < 0x7F) {
        e->p = coll_ascii[c - 0x20];
        if (!e->p) {
            e->sp = c == '\'' ? 0x80 : 0x82;
            e->spcw = wide ? 0x13 : 0x12;
        } else if (c >= 'A' && c <= 'Z') {
            e->cw = 0x12;
        }
    } else if (c >= 0xA0 && c < 0x180) {
        const coll_latin_entry *l = &coll_latin[c - 0xA0];
        e->p = l->p1;
        e->dw = l->dw;
        e->cw = l->cw;
        if (l->p2) {
            *second = *e;
            second->p = l->p2;
            *has_second = 1;
        }
    } else if (c >= 0x300 && c < 0x363) {
        if (!coll_marks[c - 0x300]) return 0;
        e->dw = coll_marks[c - 0x300];
        return 2;
    } else if (c >= 0x363 && c < 0x370) { /* combining small letters a, e, i, ... */
        static const char letters[] = "aeioucdhmrtvx";
        e->p = coll_ascii[letters[c - 0x363] - 0x20];
        e->dw = 3;
    } else {
        e->p = P_UNKNOWN + c;
    }
    if (wide && !e->sp) e->cw |= CW_WIDE;
    return 1;
}

/* Walks a string element by element, folding combining marks into the
 * accent weight of the element before them. */
typedef struct {
    const WCHAR *s;
    size_t n, i;
    coll_elem pending;
    int has_pending;
    uint32_t nprimary; /* primary weights produced so far (for level 4) */
} coll_iter;

static void coll_iter_init(coll_iter *it, const WCHAR *s, size_t n)
{
    memset(it, 0, sizeof *it);
    it->s = s;
    it->n = n;
}

static int coll_next(coll_iter *it, coll_elem *out)
{
    coll_elem e, second;
    int kind = 0, has_second = 0;

    if (it->has_pending) {
        *out = it->pending;
        it->has_pending = 0;
        it->nprimary++;
        return 1;
    }
    while (it->i < it->n && !kind) kind = coll_weigh(it->s[it->i++], &e, &second, &has_second);
    if (!kind) return 0;
    if (kind == 1 && !e.sp) {
        /* Marks that follow add to this element's accent weight (to the
         * second half of a ligature when there is one). */
        coll_elem *target = has_second ? &second : &e;
        while (it->i < it->n) {
            coll_elem m, unused;
            int k2, h2;
            k2 = coll_weigh(it->s[it->i], &m, &unused, &h2);
            if (k2 == 2) target->dw = (uint8_t)(target->dw + m.dw);
            else if (k2 != 0) break;
            it->i++;
        }
        if (e.p) it->nprimary++;
        if (has_second) {
            it->pending = second;
            it->has_pending = 1;
        }
    }
    /* A lone mark (kind 2) is an element without a primary weight. */
    *out = e;
    return 1;
}

static BOOL coll_is_symbol(const coll_elem *e)
{
    uint32_t group = e->p >> 8;
    return e->sp || group == 0x07 || group == 0x08 || group == 0x0A;
}

/* Compares a and b (lengths in units) at one level; returns <0, 0, >0. */
static int coll_level(const WCHAR *a, size_t na, const WCHAR *b, size_t nb, int level, ULONG flags)
{
    coll_iter ia, ib;
    uint8_t cwmask = 0xFF;
    if (flags & NORM_IGNORECASE) cwmask &= (uint8_t)~CW_UPPER;
    if (flags & NORM_IGNOREWIDTH) cwmask &= (uint8_t)~CW_WIDE;
    coll_iter_init(&ia, a, na);
    coll_iter_init(&ib, b, nb);
    for (;;) {
        coll_elem ea, eb;
        int ha = 0, hb = 0;
        uint32_t wa = 0, wb = 0;
        uint32_t pa = 0, pb = 0;
        /* The next element of each string that takes part in this level. */
        while (!ha && coll_next(&ia, &ea)) {
            pa = ia.nprimary;
            if ((flags & NORM_IGNORESYMBOLS) && coll_is_symbol(&ea)) continue;
            ha = level == 1 ? ea.p != 0 : level == 4 ? ea.sp != 0 : !ea.sp;
        }
        while (!hb && coll_next(&ib, &eb)) {
            pb = ib.nprimary;
            if ((flags & NORM_IGNORESYMBOLS) && coll_is_symbol(&eb)) continue;
            hb = level == 1 ? eb.p != 0 : level == 4 ? eb.sp != 0 : !eb.sp;
        }
        if (level == 2 || level == 3) {
            /* Missing accent or case weights count as the default one. */
            if (!ha && !hb) return 0;
            wa = !ha ? W_DEFAULT : level == 2 ? ea.dw : (uint32_t)(ea.cw & cwmask);
            wb = !hb ? W_DEFAULT : level == 2 ? eb.dw : (uint32_t)(eb.cw & cwmask);
        } else {
            if (!ha || !hb) return ha - hb;
            if (level == 1) {
                wa = ea.p;
                wb = eb.p;
            } else {
                /* Position first (earlier sorts higher), then weight, then case. */
                wa = ((0xFFFFu - pa) << 16) | ((uint32_t)ea.sp << 8) | (ea.spcw & cwmask);
                wb = ((0xFFFFu - pb) << 16) | ((uint32_t)eb.sp << 8) | (eb.spcw & cwmask);
            }
        }
        if (wa != wb) return wa < wb ? -1 : 1;
    }
}

static int coll_compare(const WCHAR *a, size_t na, const WCHAR *b, size_t nb, ULONG flags)
{
    int c = coll_level(a, na, b, nb, 1, flags);
    if (!c && !(flags & NORM_IGNORENONSPACE)) c = coll_level(a, na, b, nb, 2, flags);
    if (!c) c = coll_level(a, na, b, nb, 3, flags);
    if (!c) c = coll_level(a, na, b, nb, 4, flags);
    return c;
}

/* ---- VarBstrCmp / VarBstrCat --------------------------------------------- */

/* NULL and "" are equal; lengths come from the BSTR prefix, so embedded
 * NULs take part.  LCID 0 is a binary comparison of the code units that
 * ignores dwFlags (as oleaut32 does); an odd trailing byte counts as a unit. */
HRESULT VarBstrCmp(BSTR bstrLeft, BSTR bstrRight, LCID lcid, ULONG dwFlags)
{
    size_t na = bstrLeft ? (SysStringByteLen(bstrLeft) + 1) / 2 : 0;
    size_t nb = bstrRight ? (SysStringByteLen(bstrRight) + 1) / 2 : 0;
    int c = 0;

    if (!na || !nb) return na == nb ? VARCMP_EQ : na ? VARCMP_GT : VARCMP_LT;
    if (lcid == 0) {
        size_t n = na < nb ? na : nb;
        for (size_t i = 0; i < n && !c; i++)
            if (bstrLeft[i] != bstrRight[i]) c = bstrLeft[i] < bstrRight[i] ? -1 : 1;
        if (!c && na != nb) c = na < nb ? -1 : 1;
    } else {
        c = coll_compare(bstrLeft, na, bstrRight, nb, dwFlags);
    }
    return c < 0 ? VARCMP_LT : c > 0 ? VARCMP_GT : VARCMP_EQ;
}

/* Concatenates the bytes of both (NULL = empty); the result is a new BSTR
 * the caller frees, never NULL on success. */
HRESULT VarBstrCat(BSTR bstrLeft, BSTR bstrRight, LPBSTR pbstrResult)
{
    HRESULT hr = E_INVALIDARG;
    size_t la, lb;
    BSTR r;
    unsigned char *p;

    if (!pbstrResult) goto out;
    la = bstrLeft ? SysStringByteLen(bstrLeft) : 0;
    lb = bstrRight ? SysStringByteLen(bstrRight) : 0;
    hr = E_OUTOFMEMORY;
    if (la + lb > COMRT_BSTR_MAX_BYTES) goto out;
    r = comrt__bstr_alloc_bytes(NULL, la + lb);
    if (!r) goto out;
    p = (unsigned char *)r;
    if (la) memcpy(p, bstrLeft, la);
    if (lb) memcpy(p + la, bstrRight, lb);
    *pbstrResult = r;
    hr = S_OK;
out:
    return hr;
}

/* ---- numbers ------------------------------------------------------------- */

HRESULT VarR4CmpR8(float fltLeft, double dblRight)
{
    double l = fltLeft;
    return l < dblRight ? VARCMP_LT : l > dblRight ? VARCMP_GT : VARCMP_EQ;
}

/* Rounds half to even at cDecimals places (which must be >= 0). */
HRESULT VarR8Round(double dblIn, int cDecimals, double *pdblResult)
{
    HRESULT hr = E_INVALIDARG;
    double scale;
    if (!pdblResult || cDecimals < 0) goto out;
    scale = pow(10.0, cDecimals);
    /* + 0.0 turns a -0 result into 0, as oleaut32 returns it. */
    *pdblResult = nearbyint(dblIn * scale) / scale + 0.0;
    hr = S_OK;
out:
    return hr;
}

/* ---- VarCmp ---------------------------------------------------------------- */

/* What VarCmp does with each VARTYPE: refuse it (bad), refuse the pair
 * (mismatch), or compare it as a number, string, NULL or error code. */
typedef enum { K_BAD = 0, K_MISMATCH, K_NULL, K_EMPTY, K_INT, K_DBL, K_CY, K_DEC, K_STR, K_ERROR } cmp_kind;

static const unsigned char cmp_kinds[] = {
    [VT_EMPTY] = K_EMPTY,   [VT_NULL] = K_NULL,        [VT_I2] = K_INT,      [VT_I4] = K_INT,
    [VT_R4] = K_DBL,        [VT_R8] = K_DBL,           [VT_CY] = K_CY,       [VT_DATE] = K_DBL,
    [VT_BSTR] = K_STR,      [VT_DISPATCH] = K_MISMATCH, [VT_ERROR] = K_ERROR, [VT_BOOL] = K_INT,
    [VT_UNKNOWN] = K_MISMATCH, [VT_DECIMAL] = K_DEC,   [VT_I1] = K_MISMATCH, [VT_UI1] = K_INT,
    [VT_UI2] = K_MISMATCH,  [VT_UI4] = K_MISMATCH,     [VT_I8] = K_INT,      [VT_UI8] = K_MISMATCH,
    [VT_INT] = K_INT,
};

/* oleaut32's VarCmp takes the by-value automation types only: references,
 * arrays, VT_UINT, VT_RECORD and the rest are DISP_E_BADVARTYPE. */
static cmp_kind cmp_kind_of(VARTYPE vt)
{
    if (vt >= sizeof cmp_kinds) return K_BAD;
    return (cmp_kind)cmp_kinds[vt];
}

static comrt__i128 cmp_int(const VARIANT *v)
{
    switch (V_VT(v)) {
    case VT_I2: return V_I2(v);
    case VT_I4: return V_I4(v);
    case VT_INT: return V_INT(v);
    case VT_BOOL: return V_BOOL(v);
    case VT_UI1: return V_UI1(v);
    case VT_I8: return V_I8(v);
    default: return 0;
    }
}

static double cmp_dbl(const VARIANT *v, cmp_kind k)
{
    switch (k) {
    case K_DBL: return V_VT(v) == VT_R4 ? (double)V_R4(v) : V_VT(v) == VT_R8 ? V_R8(v) : V_DATE(v);
    case K_CY: return (double)V_CY(v).int64 / 10000.0;
    case K_DEC: return comrt__dec_to_r8(&V_DECIMAL(v));
    default: return (double)cmp_int(v);
    }
}

/* `to_dec`: the pair is compared as DECIMAL (one operand is a DECIMAL),
 * otherwise as CY. */
static void cmp_dec(const VARIANT *v, cmp_kind k, BOOL to_dec, DECIMAL *out)
{
    comrt__i128 i;
    if (k == K_DEC) {
        *out = V_DECIMAL(v);
    } else if (k == K_CY) {
        VarDecFromCy(V_CY(v), out);
    } else if (V_VT(v) == VT_BOOL && to_dec) {
        /* The BOOL is coerced as VariantChangeType does it, which makes
         * VARIANT_TRUE +1 as a DECIMAL (VarCmp(TRUE, DECIMAL 1) is
         * VARCMP_EQ) but -1 as a CY. */
        comrt__dec_set(out, V_BOOL(v) ? 1 : 0, 0, FALSE);
    } else {
        i = cmp_int(v);
        comrt__dec_set(out, i < 0 ? (comrt__u128)-i : (comrt__u128)i, 0, i < 0);
    }
}

/* Numbers compare by value in the widest type of the pair (an unordered
 * NaN compares as greater, as on Windows); a string is greater than any
 * number; VT_EMPTY is 0 beside a number and "" beside a string. */
HRESULT VarCmp(LPVARIANT pvarLeft, LPVARIANT pvarRight, LCID lcid, ULONG dwFlags)
{
    HRESULT hr = E_INVALIDARG;
    cmp_kind kl, kr;

    if (!pvarLeft || !pvarRight) goto out;
    kl = cmp_kind_of(V_VT(pvarLeft));
    kr = cmp_kind_of(V_VT(pvarRight));
    hr = DISP_E_BADVARTYPE;
    /* oleaut32 checks the right operand more strictly: VT_UI8 and VT_INT
     * are refused there while the left operand takes VT_INT. */
    if (kl == K_BAD || kr == K_BAD || V_VT(pvarRight) == VT_UI8 || V_VT(pvarRight) == VT_INT) goto out;
    hr = DISP_E_TYPEMISMATCH;
    if (kl == K_MISMATCH || kr == K_MISMATCH) goto out;
    if (kl == K_ERROR || kr == K_ERROR) {
        if (kl == kr)
            hr = V_ERROR(pvarLeft) < V_ERROR(pvarRight)   ? VARCMP_LT
                 : V_ERROR(pvarLeft) > V_ERROR(pvarRight) ? VARCMP_GT
                                                          : VARCMP_EQ;
        goto out;
    }
    hr = VARCMP_NULL;
    if (kl == K_NULL || kr == K_NULL) goto out;

    if (kl == K_STR || kr == K_STR) {
        if ((kl == K_STR || kl == K_EMPTY) && (kr == K_STR || kr == K_EMPTY)) {
            hr = VarBstrCmp(kl == K_STR ? V_BSTR(pvarLeft) : NULL, kr == K_STR ? V_BSTR(pvarRight) : NULL, lcid,
                            dwFlags);
        } else {
            hr = kl == K_STR ? VARCMP_GT : VARCMP_LT;
        }
        goto out;
    }
    if (kl == K_EMPTY && kr == K_EMPTY) {
        hr = VARCMP_EQ;
    } else if ((kl == K_DEC || kr == K_DEC) && (kl == K_DBL || kr == K_DBL)) {
        /* A DECIMAL beside a floating value: the float becomes a DECIMAL. */
        DECIMAL l, r;
        const VARIANT *fv = kl == K_DBL ? pvarLeft : pvarRight;
        double f = cmp_dbl(fv, K_DBL);
        hr = isnan(f) ? DISP_E_BADVARTYPE : comrt__dec_from_dbl(f, V_VT(fv) == VT_R4 ? 7 : 15, kl == K_DBL ? &l : &r);
        if (FAILED(hr)) goto out;
        if (kl == K_DEC) l = V_DECIMAL(pvarLeft);
        if (kr == K_DEC) r = V_DECIMAL(pvarRight);
        hr = VarDecCmp(&l, &r);
    } else if (kl == K_DBL || kr == K_DBL) {
        double l = kl == K_EMPTY ? 0.0 : cmp_dbl(pvarLeft, kl), r = kr == K_EMPTY ? 0.0 : cmp_dbl(pvarRight, kr);
        hr = l < r ? VARCMP_LT : l == r ? VARCMP_EQ : VARCMP_GT;
    } else if (kl == K_DEC || kr == K_DEC || kl == K_CY || kr == K_CY) {
        DECIMAL l, r;
        BOOL to_dec = kl == K_DEC || kr == K_DEC;
        DECIMAL_SETZERO(l);
        DECIMAL_SETZERO(r);
        if (kl != K_EMPTY) cmp_dec(pvarLeft, kl, to_dec, &l);
        if (kr != K_EMPTY) cmp_dec(pvarRight, kr, to_dec, &r);
        hr = VarDecCmp(&l, &r);
    } else {
        comrt__i128 l = kl == K_EMPTY ? 0 : cmp_int(pvarLeft), r = kr == K_EMPTY ? 0 : cmp_int(pvarRight);
        hr = l < r ? VARCMP_LT : l > r ? VARCMP_GT : VARCMP_EQ;
    }
out:
    return hr;
}
