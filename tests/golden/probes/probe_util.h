/*
 * probe_util.h — the printing half of every golden probe.
 *
 * A probe is one C file that compiles twice: with mingw against the Windows
 * SDK (run under Wine, its output is the golden file) and with gcc against
 * comrt (its output is compared with the golden file).  So everything a probe
 * prints must be byte-identical on both sides when the behaviour is: no
 * pointers, no uninitialised memory, no floating-point printf (printf
 * implementations differ in the last digits) — doubles are printed as their
 * bit patterns, strings as ASCII with \uXXXX escapes.
 *
 * Each output line is one case:   KEY => RESULT
 * The key names the inputs and is unique within a probe; the result starts
 * with the 8-hex-digit HRESULT (or return value) and, on success, the output
 * in a canonical form.  Lines starting with '#' are comments.
 */
#ifndef COMRT_PROBE_UTIL_H
#define COMRT_PROBE_UTIL_H

#ifdef _WIN32
#define __USE_MINGW_ANSI_STDIO 1
#define COBJMACROS
#include <windows.h>
#include <oleauto.h>
#include <fcntl.h>
#include <io.h>
#else
#define COBJMACROS
#include <comrt.h>
#endif

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef LOCALE_INVARIANT
#define LOCALE_INVARIANT 0x007f
#endif

/* ---- a growable line (fixed cap: a probe line is never huge) ------------ */

#define PU_LINE_MAX 8192

typedef struct {
    char s[PU_LINE_MAX];
    size_t n;
} pu_line;

static inline void pu_reset(pu_line *l)
{
    l->n = 0;
    l->s[0] = 0;
}

static inline void pu_add(pu_line *l, const char *fmt, ...)
{
    va_list ap;
    int k;
    if (l->n >= PU_LINE_MAX - 1)
        return;
    va_start(ap, fmt);
    k = vsnprintf(l->s + l->n, PU_LINE_MAX - l->n, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    l->n += (size_t)k;
    if (l->n > PU_LINE_MAX - 1)
        l->n = PU_LINE_MAX - 1;
}

/* Prints "key => result\n". */
static inline void pu_emit(const pu_line *key, const pu_line *res)
{
    fputs(key->s, stdout);
    fputs(" => ", stdout);
    fputs(res->s, stdout);
    fputc('\n', stdout);
}

/* Binary stdout (no CRLF on Windows) with a large buffer. */
static inline void pu_start(const char *probe)
{
    static char buf[1 << 16];
#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    printf("# probe %s\n", probe);
}

/* ---- scalars ------------------------------------------------------------ */

/* The case being printed: begin("key fmt", ...) names it, pu_add(&res, ...)
 * builds its result, end() writes the line.  One case at a time. */
static pu_line key, res;

static inline void begin(const char *fmt, ...)
{
    va_list ap;
    pu_reset(&key);
    pu_reset(&res);
    va_start(ap, fmt);
    key.n = (size_t)vsnprintf(key.s, sizeof key.s, fmt, ap);
    va_end(ap);
    if (key.n >= sizeof key.s)
        key.n = sizeof key.s - 1;
}

static inline void end(void)
{
    pu_emit(&key, &res);
}

static inline uint64_t pu_r8bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static inline uint32_t pu_r4bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static inline double pu_r8frombits(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static inline float pu_r4frombits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline void pu_hr(pu_line *l, HRESULT hr)
{
    pu_add(l, "%08X", (unsigned)hr);
}

/* A UTF-16 string of len units as "..." (printable ASCII kept, '"' and '\'
 * escaped, everything else \uXXXX).  Long strings are cut after 300 units
 * with the total length noted, so a line stays readable. */
static inline void pu_wstr(pu_line *l, const OLECHAR *s, size_t len)
{
    size_t i, shown = len > 300 ? 300 : len;
    pu_add(l, "\"");
    for (i = 0; i < shown; i++) {
        unsigned c = (unsigned)(uint16_t)s[i];
        if (c == '"' || c == '\\')
            pu_add(l, "\\%c", (char)c);
        else if (c >= 0x20 && c < 0x7f)
            pu_add(l, "%c", (char)c);
        else
            pu_add(l, "\\u%04X", c);
    }
    pu_add(l, "\"");
    if (shown < len)
        pu_add(l, "...(len=%u)", (unsigned)len);
}

/* A NUL-terminated UTF-16 string, or NULL. */
static inline void pu_wsz(pu_line *l, const OLECHAR *s)
{
    size_t n = 0;
    if (!s) {
        pu_add(l, "NULL");
        return;
    }
    while (s[n])
        n++;
    pu_wstr(l, s, n);
}

static inline void pu_bstr(pu_line *l, BSTR b)
{
    if (!b)
        pu_add(l, "NULL");
    else
        pu_wstr(l, b, SysStringLen(b));
}

static inline void pu_dec(pu_line *l, const DECIMAL *d)
{
    pu_add(l, "sign=%02X,scale=%u,hi=%08X,mid=%08X,lo=%08X", (unsigned)d->sign, (unsigned)d->scale,
           (unsigned)d->Hi32, (unsigned)d->Mid32, (unsigned)d->Lo32);
}

static inline void pu_guid(pu_line *l, const GUID *g)
{
    pu_add(l, "%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", (unsigned)g->Data1, (unsigned)g->Data2,
           (unsigned)g->Data3, g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4], g->Data4[5],
           g->Data4[6], g->Data4[7]);
}

/* ---- VARTYPE names ------------------------------------------------------ */

static inline const char *pu_vt_base_name(VARTYPE vt)
{
    static const struct {
        VARTYPE vt;
        const char *name;
    } names[] = {
        {VT_EMPTY, "EMPTY"},     {VT_NULL, "NULL"},         {VT_I2, "I2"},         {VT_I4, "I4"},
        {VT_R4, "R4"},           {VT_R8, "R8"},             {VT_CY, "CY"},         {VT_DATE, "DATE"},
        {VT_BSTR, "BSTR"},       {VT_DISPATCH, "DISPATCH"}, {VT_ERROR, "ERROR"},   {VT_BOOL, "BOOL"},
        {VT_VARIANT, "VARIANT"}, {VT_UNKNOWN, "UNKNOWN"},   {VT_DECIMAL, "DECIMAL"}, {VT_I1, "I1"},
        {VT_UI1, "UI1"},         {VT_UI2, "UI2"},           {VT_UI4, "UI4"},       {VT_I8, "I8"},
        {VT_UI8, "UI8"},         {VT_INT, "INT"},           {VT_UINT, "UINT"},     {VT_VOID, "VOID"},
        {VT_HRESULT, "HRESULT"}, {VT_PTR, "PTR"},           {VT_SAFEARRAY, "SAFEARRAY"},
        {VT_CARRAY, "CARRAY"},   {VT_USERDEFINED, "USERDEFINED"}, {VT_LPSTR, "LPSTR"},
        {VT_LPWSTR, "LPWSTR"},   {VT_RECORD, "RECORD"},     {VT_INT_PTR, "INT_PTR"}, {VT_UINT_PTR, "UINT_PTR"},
        {VT_FILETIME, "FILETIME"}, {VT_BLOB, "BLOB"},       {VT_CLSID, "CLSID"},
    };
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].vt == vt)
            return names[i].name;
    return NULL;
}

/* "I4", "BYREF|R8", "ARRAY|UI1", "VT(0x0F)" */
static inline void pu_vt(pu_line *l, VARTYPE vt)
{
    const char *name = pu_vt_base_name((VARTYPE)(vt & VT_TYPEMASK));
    if (vt & 0x8000)
        pu_add(l, "RESERVED|");
    if (vt & VT_BYREF)
        pu_add(l, "BYREF|");
    if (vt & VT_ARRAY)
        pu_add(l, "ARRAY|");
    if (vt & VT_VECTOR)
        pu_add(l, "VECTOR|");
    if (name)
        pu_add(l, "%s", name);
    else
        pu_add(l, "VT(0x%03X)", (unsigned)(vt & VT_TYPEMASK));
}

/* ---- interface identities ----------------------------------------------- */
/* Probes register the objects they create, so a result holding one prints
 * its name instead of a pointer. */

#define PU_MAX_OBJS 16
static void *pu_objs[PU_MAX_OBJS];
static const char *pu_obj_names[PU_MAX_OBJS];
static int pu_nobjs;

static inline void pu_obj_register(void *p, const char *name)
{
    if (pu_nobjs < PU_MAX_OBJS) {
        pu_objs[pu_nobjs] = p;
        pu_obj_names[pu_nobjs] = name;
        pu_nobjs++;
    }
}

static inline void pu_obj(pu_line *l, const void *p)
{
    int i;
    if (!p) {
        pu_add(l, "null");
        return;
    }
    for (i = 0; i < pu_nobjs; i++)
        if (pu_objs[i] == p) {
            pu_add(l, "%s", pu_obj_names[i]);
            return;
        }
    pu_add(l, "other");
}

/* ---- VARIANT ------------------------------------------------------------ */

static inline void pu_variant(pu_line *l, const VARIANT *v);

/* The value a by-value vt holds at p (p points at the field). */
static inline void pu_value(pu_line *l, VARTYPE vt, const void *p)
{
    switch (vt) {
    case VT_EMPTY:
    case VT_NULL:
        break;
    case VT_I1: pu_add(l, ":%d", (int)*(const signed char *)p); break;
    case VT_UI1: pu_add(l, ":%u", (unsigned)*(const BYTE *)p); break;
    case VT_I2: pu_add(l, ":%d", (int)*(const SHORT *)p); break;
    case VT_UI2: pu_add(l, ":%u", (unsigned)*(const USHORT *)p); break;
    case VT_I4:
    case VT_INT: pu_add(l, ":%d", (int)*(const INT *)p); break;
    case VT_UI4:
    case VT_UINT: pu_add(l, ":%u", (unsigned)*(const UINT *)p); break;
    case VT_I8: pu_add(l, ":%lld", (long long)*(const LONGLONG *)p); break;
    case VT_UI8: pu_add(l, ":%llu", (unsigned long long)*(const ULONGLONG *)p); break;
    case VT_R4: pu_add(l, ":0x%08X", (unsigned)pu_r4bits(*(const FLOAT *)p)); break;
    case VT_R8:
    case VT_DATE: pu_add(l, ":0x%016llX", (unsigned long long)pu_r8bits(*(const DOUBLE *)p)); break;
    case VT_CY: pu_add(l, ":%lld", (long long)((const CY *)p)->int64); break;
    case VT_BOOL: pu_add(l, ":%d", (int)*(const VARIANT_BOOL *)p); break;
    case VT_ERROR:
    case VT_HRESULT: pu_add(l, ":%08X", (unsigned)*(const SCODE *)p); break;
    case VT_BSTR: pu_add(l, ":"); pu_bstr(l, *(const BSTR *)p); break;
    case VT_DECIMAL: pu_add(l, ":"); pu_dec(l, (const DECIMAL *)p); break;
    case VT_DISPATCH:
    case VT_UNKNOWN: pu_add(l, ":"); pu_obj(l, *(void *const *)p); break;
    case VT_VARIANT: pu_add(l, ":("); pu_variant(l, (const VARIANT *)p); pu_add(l, ")"); break;
    default: pu_add(l, ":?"); break;
    }
}

/* A SAFEARRAY's shape and, for small byte arrays, its bytes (read from the
 * structure itself, so the printer calls no SafeArray function). */
static inline void pu_array(pu_line *l, const SAFEARRAY *psa)
{
    unsigned d;
    if (!psa) {
        pu_add(l, ":null");
        return;
    }
    pu_add(l, ":dims=%u,cb=%u", (unsigned)psa->cDims, (unsigned)psa->cbElements);
    for (d = 0; d < psa->cDims && d < 8; d++)
        pu_add(l, ",[%d+%u]", (int)psa->rgsabound[d].lLbound, (unsigned)psa->rgsabound[d].cElements);
    if (psa->cDims == 1 && psa->cbElements == 1 && psa->pvData && psa->rgsabound[0].cElements <= 64) {
        const BYTE *b = (const BYTE *)psa->pvData;
        ULONG i;
        pu_add(l, ",bytes=");
        for (i = 0; i < psa->rgsabound[0].cElements; i++)
            pu_add(l, "%02X", (unsigned)b[i]);
    }
}

/* "I4:5", "R8:0x3FF0000000000000", "BSTR:\"x\"", "BYREF|I4:5", "EMPTY" */
static inline void pu_variant(pu_line *l, const VARIANT *v)
{
    VARTYPE vt = V_VT(v);
    VARTYPE base = (VARTYPE)(vt & VT_TYPEMASK);
    pu_vt(l, vt);
    if (vt & (VT_VECTOR | 0x8000))
        return;
    if (vt & VT_ARRAY) {
        if (vt & VT_BYREF)
            pu_array(l, V_ARRAYREF(v) ? *V_ARRAYREF(v) : NULL);
        else
            pu_array(l, V_ARRAY(v));
        return;
    }
    if (vt & VT_BYREF) {
        if (!V_BYREF(v))
            pu_add(l, ":nullref");
        else
            pu_value(l, base, V_BYREF(v));
        return;
    }
    if (base == VT_DECIMAL)
        pu_value(l, base, &V_DECIMAL(v));
    else if (base == VT_VARIANT)
        pu_add(l, ":?");
    else
        pu_value(l, base, &V_I1(v));
}

#endif /* COMRT_PROBE_UTIL_H */
