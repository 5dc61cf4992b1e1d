/*
 * runtime/regfile.c — .reg files: the parser (both "REGEDIT4" and "Windows
 * Registry Editor Version 5.00"), ComrtRegImportFile/Data (one transaction:
 * a file imports whole or not at all) and ComrtRegExportKey (the format
 * regedit writes: UTF-16LE with BOM and CRLF for version 5, UTF-8 for
 * REGEDIT4, hex data wrapped at 80 columns).
 *
 * The parser reads outside data: every read is bounds-checked, sizes are
 * capped (COMRT_REGFILE_MAX_BYTES, COMRT_REG_MAX_DATA), and each error names
 * its line.  Fuzzed by fuzz/fuzz_regfile.c.
 */
#define COBJMACROS
#include "registry_internal.h"
#include "base/base_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define COMRT_REGFILE_MAX_BYTES (256u << 20)
#define COMRT_REGFILE_MAX_DEPTH 512     /* key nesting an export follows */
#define WIN32_ERROR_FILE_TOO_LARGE 223u /* Win32 ERROR_FILE_TOO_LARGE */

/* ---- growable buffers ---------------------------------------------------- */

typedef struct {
    BYTE *p;
    size_t n, cap;
} buf;

static int buf_add(buf *b, const void *src, size_t n)
{
    if (n > COMRT_REGFILE_MAX_BYTES || b->n > COMRT_REGFILE_MAX_BYTES - n) return 0;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        BYTE *np;
        while (cap < b->n + n) cap *= 2;
        np = realloc(b->p, cap);
        if (!np) return 0;
        b->p = np;
        b->cap = cap;
    }
    if (n) memcpy(b->p + b->n, src, n);
    b->n += n;
    return 1;
}

/* ---- parser -------------------------------------------------------------- */

static const WCHAR hdr_v5[] = u"Windows Registry Editor Version 5.00";
static const WCHAR hdr_v4[] = u"REGEDIT4";

typedef struct {
    const WCHAR *s; /* the whole text */
    size_t n, pos;
    DWORD line;     /* of the line last read */
} reader;

/* The next physical line [*b, *e) without its line break; 0 at the end. */
static int next_line(reader *r, size_t *b, size_t *e)
{
    size_t i = r->pos;
    if (i >= r->n) return 0;
    *b = i;
    while (i < r->n && r->s[i] != '\n' && r->s[i] != '\r') i++;
    *e = i;
    if (i < r->n && r->s[i] == '\r') i++;
    if (i < r->n && r->s[i] == '\n' && (i == *e || r->s[i - 1] == '\r')) i++;
    r->pos = i;
    r->line++;
    return 1;
}

static int is_space(WCHAR c)
{
    return c == ' ' || c == '\t';
}

static int hexval(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int prefix_icase(const WCHAR *s, size_t n, const char *p)
{
    size_t i;
    for (i = 0; p[i]; i++) {
        WCHAR c;
        if (i >= n) return 0;
        c = s[i];
        if (c >= 'a' && c <= 'z') c = (WCHAR)(c - 32);
        if (c != (WCHAR)((p[i] >= 'a' && p[i] <= 'z') ? p[i] - 32 : p[i])) return 0;
    }
    return 1;
}

typedef struct {
    const comrt__regfile_sink *sink;
    void *ctx;
    int v4;           /* REGEDIT4: hex(2)/hex(7) hold 8-bit text */
    int have_key;     /* a [key] section is open */
    int key_deleted;  /* ... and it was [-key]: its values are ignored */
    const char *msg;
} parser;

/* A quoted string at s[*i] (the opening quote) with \\ and \" escapes,
 * appended to out as UTF-16 plus NUL; *i ends past the closing quote. */
static int parse_quoted(const WCHAR *s, size_t n, size_t *i, buf *out)
{
    size_t k = *i + 1;
    static const WCHAR nul = 0;
    while (k < n && s[k] != '"') {
        WCHAR c = s[k];
        if (c == '\\' && k + 1 < n) {
            k++;
            c = s[k];
            if (c == 'n') c = '\n';
            else if (c == 'r') c = '\r';
            else if (c == '0') c = 0;
        }
        if (!buf_add(out, &c, sizeof c)) return 0;
        k++;
    }
    if (k >= n) return 0;
    *i = k + 1;
    return buf_add(out, &nul, sizeof nul);
}

/* Comma-separated hex bytes (whitespace allowed; the line joiner already
 * removed the backslash continuations). */
static int parse_hex(const WCHAR *s, size_t n, buf *out)
{
    size_t i = 0;
    int need_byte = 0;
    while (i < n) {
        int hi, lo;
        BYTE b;
        while (i < n && is_space(s[i])) i++;
        if (i >= n) break;
        if (s[i] == ';') break; /* a trailing comment */
        hi = hexval(s[i]);
        if (hi < 0) return 0;
        i++;
        lo = (i < n) ? hexval(s[i]) : -1;
        if (lo >= 0) {
            b = (BYTE)(hi * 16 + lo);
            i++;
        } else {
            b = (BYTE)hi;
        }
        if (out->n >= COMRT_REG_MAX_DATA || !buf_add(out, &b, 1)) return 0;
        while (i < n && is_space(s[i])) i++;
        need_byte = 0;
        if (i < n && s[i] == ',') {
            i++;
            need_byte = 1;
        } else if (i < n && s[i] != ';') {
            return 0;
        }
    }
    (void)need_byte; /* a trailing comma is what regedit leaves before '\' */
    return 1;
}

static int only_trailing(const WCHAR *s, size_t n, size_t i)
{
    while (i < n && is_space(s[i])) i++;
    return i >= n || s[i] == ';';
}

/* 8-bit text (REGEDIT4 hex(2)/hex(7)) to UTF-16 bytes. */
static int widen_v4(buf *data)
{
    size_t need = comrt__utf8_to_utf16((const char *)data->p, data->n, NULL, 0);
    WCHAR *w;
    if (need > COMRT_REG_MAX_DATA / sizeof(WCHAR)) return 0;
    w = malloc((need ? need : 1) * sizeof(WCHAR));
    if (!w) return 0;
    comrt__utf8_to_utf16((const char *)data->p, data->n, w, need);
    free(data->p);
    data->p = (BYTE *)w;
    data->n = data->cap = need * sizeof(WCHAR);
    return 1;
}

/* One value line "name"=data or @=data, continuation lines joined. */
static LONG parse_value(parser *ps, const WCHAR *s, size_t n)
{
    buf name = {0}, data = {0};
    size_t i = 0;
    int is_default = 0;
    LONG rc = ERROR_INVALID_DATA;
    DWORD type = REG_SZ;

    if (s[0] == '@') {
        is_default = 1;
        i = 1;
    } else if (!parse_quoted(s, n, &i, &name)) {
        ps->msg = "unterminated value name";
        goto out;
    }
    while (i < n && is_space(s[i])) i++;
    if (i >= n || s[i] != '=') {
        ps->msg = "'=' expected after the value name";
        goto out;
    }
    i++;
    while (i < n && is_space(s[i])) i++;
    if (!ps->have_key) {
        ps->msg = "value outside a [key] section";
        goto out;
    }
    if (i < n && s[i] == '-' && only_trailing(s, n, i + 1)) {
        rc = ps->key_deleted ? (LONG)ERROR_SUCCESS
                             : ps->sink->value(ps->ctx, is_default ? NULL : (const WCHAR *)name.p, 1, 0, NULL, 0);
        goto out;
    }
    if (i < n && s[i] == '"') {
        static const WCHAR nul = 0;
        if (!parse_quoted(s, n, &i, &data) || !only_trailing(s, n, i)) {
            ps->msg = "bad string data";
            goto out;
        }
        (void)nul;
        type = REG_SZ;
    } else if (prefix_icase(s + i, n - i, "dword:")) {
        DWORD v = 0;
        size_t k = i + 6, digits = 0;
        while (k < n && hexval(s[k]) >= 0 && digits < 9) v = v * 16 + (DWORD)hexval(s[k++]), digits++;
        if (digits == 0 || digits > 8 || !only_trailing(s, n, k)) {
            ps->msg = "bad dword data (1 to 8 hex digits)";
            goto out;
        }
        if (!buf_add(&data, &v, sizeof v)) goto nomem;
        type = REG_DWORD;
    } else if (prefix_icase(s + i, n - i, "hex")) {
        size_t k = i + 3;
        type = REG_BINARY;
        if (k < n && s[k] == '(') {
            size_t digits = 0;
            type = 0;
            k++;
            while (k < n && hexval(s[k]) >= 0 && digits < 9) type = type * 16 + (DWORD)hexval(s[k++]), digits++;
            if (digits == 0 || digits > 8 || k >= n || s[k] != ')') {
                ps->msg = "bad hex(type)";
                goto out;
            }
            k++;
        }
        if (k >= n || s[k] != ':') {
            ps->msg = "':' expected after hex";
            goto out;
        }
        if (!parse_hex(s + k + 1, n - k - 1, &data)) {
            ps->msg = "bad hex data";
            goto out;
        }
        if (ps->v4 && (type == REG_EXPAND_SZ || type == REG_MULTI_SZ) && !widen_v4(&data)) {
            ps->msg = "string data too large";
            goto out;
        }
    } else {
        ps->msg = "unknown value data (expected \"string\", dword:, hex: or -)";
        goto out;
    }
    if (data.n > COMRT_REG_MAX_DATA) {
        ps->msg = "value data too large";
        goto out;
    }
    rc = ps->key_deleted ? (LONG)ERROR_SUCCESS
                         : ps->sink->value(ps->ctx, is_default ? NULL : (const WCHAR *)name.p, 0, type,
                                           data.p ? data.p : (const BYTE *)"", (DWORD)data.n);
    if (rc != ERROR_SUCCESS && !ps->msg) ps->msg = "the registry refused the value";
    goto out;
nomem:
    rc = ERROR_NOT_ENOUGH_MEMORY;
out:
    free(name.p);
    free(data.p);
    return rc;
}

/* Decodes the file into UTF-16 (malloc'd, *n units). */
static HRESULT decode(const BYTE *data, size_t cb, WCHAR **out, size_t *n)
{
    WCHAR *w;
    size_t units, i;
    if (cb > COMRT_REGFILE_MAX_BYTES) return E_OUTOFMEMORY;
    if (cb >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
        units = (cb - 2) / 2;
        w = malloc((units + 1) * sizeof(WCHAR));
        if (!w) return E_OUTOFMEMORY;
        for (i = 0; i < units; i++) w[i] = (WCHAR)(data[2 + 2 * i] | (data[3 + 2 * i] << 8));
    } else {
        if (cb >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) data += 3, cb -= 3;
        units = comrt__utf8_to_utf16((const char *)data, cb, NULL, 0);
        w = malloc((units + 1) * sizeof(WCHAR));
        if (!w) return E_OUTOFMEMORY;
        comrt__utf8_to_utf16((const char *)data, cb, w, units);
    }
    w[units] = 0;
    *out = w;
    *n = units;
    return S_OK;
}

HRESULT comrt__regfile_parse(const BYTE *data, size_t cb, const comrt__regfile_sink *sink, void *ctx,
                             DWORD *line, const char **msg)
{
    reader r = {0};
    parser ps = {0};
    WCHAR *text = NULL;
    buf joined = {0};
    size_t b, e;
    int seen_header = 0;
    HRESULT hr;
    LONG rc = ERROR_SUCCESS;

    ps.sink = sink;
    ps.ctx = ctx;
    *line = 0;
    *msg = NULL;
    hr = decode(data, cb, &text, &r.n);
    if (FAILED(hr)) goto out;
    r.s = text;
    while (rc == ERROR_SUCCESS && next_line(&r, &b, &e)) {
        const WCHAR *s;
        size_t n;
        DWORD first_line = r.line;
        while (b < e && is_space(text[b])) b++;
        while (e > b && is_space(text[e - 1])) e--;
        if (b == e || text[b] == ';') continue;
        if (!seen_header) {
            size_t len = e - b;
            if (len == 36 && memcmp(text + b, hdr_v5, 36 * sizeof(WCHAR)) == 0) {
                ps.v4 = 0;
            } else if (len == 8 && memcmp(text + b, hdr_v4, 8 * sizeof(WCHAR)) == 0) {
                ps.v4 = 1;
            } else {
                ps.msg = "not a .reg file (no REGEDIT4 / Windows Registry Editor Version 5.00 header)";
                rc = ERROR_BAD_FORMAT;
                break;
            }
            seen_header = 1;
            continue;
        }
        if (text[b] == '[') {
            /* [key] or [-key]: the name runs to the last ']' on the line. */
            size_t k = e;
            int del = 0;
            while (k > b && text[k - 1] != ']') k--;
            if (k <= b + 1) {
                ps.msg = "']' expected";
                rc = ERROR_INVALID_DATA;
                break;
            }
            joined.n = 0;
            b++;
            if (text[b] == '-') del = 1, b++;
            if (!buf_add(&joined, text + b, (k - 1 - b) * sizeof(WCHAR)) || !buf_add(&joined, u"", sizeof(WCHAR))) {
                rc = ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            ps.have_key = 1;
            ps.key_deleted = del;
            rc = sink->key(ctx, (const WCHAR *)joined.p, del);
            if (rc != ERROR_SUCCESS && !ps.msg) ps.msg = "cannot open or delete the key";
            continue;
        }
        if (text[b] != '"' && text[b] != '@') {
            ps.msg = "a [key], a value or a comment expected";
            rc = ERROR_INVALID_DATA;
            break;
        }
        /* Join hex continuation lines: a line ending in '\' goes on. */
        joined.n = 0;
        for (;;) {
            int more = e > b && text[e - 1] == '\\';
            if (more) e--;
            if (!buf_add(&joined, text + b, (e - b) * sizeof(WCHAR))) {
                rc = ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            if (!more) break;
            if (!next_line(&r, &b, &e)) break;
            while (b < e && is_space(text[b])) b++;
            while (e > b && is_space(text[e - 1])) e--;
        }
        if (rc != ERROR_SUCCESS) break;
        s = (const WCHAR *)joined.p;
        n = joined.n / sizeof(WCHAR);
        rc = parse_value(&ps, s, n);
        if (rc != ERROR_SUCCESS) r.line = first_line;
    }
    if (rc == ERROR_SUCCESS && !seen_header) {
        ps.msg = "empty file (no header)";
        rc = ERROR_BAD_FORMAT;
    }
    hr = rc == ERROR_SUCCESS ? S_OK : HRESULT_FROM_WIN32(rc);
    *line = rc == ERROR_SUCCESS ? 0 : r.line;
    *msg = ps.msg;
out:
    free(text);
    free(joined.p);
    return hr;
}

/* ---- import -------------------------------------------------------------- */

typedef struct {
    HKEY key; /* the open section, or NULL */
} import_ctx;

/* Splits "HKEY_CURRENT_USER\rest" into the predefined key and the rest. */
static LONG root_of(const WCHAR *path, HKEY *root, const WCHAR **rest)
{
    static const struct { const char *name; HKEY key; } roots[] = {
        {"HKEY_CLASSES_ROOT", HKEY_CLASSES_ROOT}, {"HKCR", HKEY_CLASSES_ROOT},
        {"HKEY_CURRENT_USER", HKEY_CURRENT_USER}, {"HKCU", HKEY_CURRENT_USER},
        {"HKEY_LOCAL_MACHINE", HKEY_LOCAL_MACHINE}, {"HKLM", HKEY_LOCAL_MACHINE},
    };
    size_t i, len = comrt__utf16_len(path);
    for (i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        size_t k = strlen(roots[i].name);
        if (prefix_icase(path, len, roots[i].name) && (path[k] == 0 || path[k] == '\\')) {
            *root = roots[i].key;
            *rest = path + k + (path[k] == '\\');
            return ERROR_SUCCESS;
        }
    }
    return ERROR_BAD_PATHNAME;
}

static LONG import_key(void *ctx, const WCHAR *path, int del)
{
    import_ctx *c = ctx;
    HKEY root;
    const WCHAR *rest;
    LONG rc;
    if (c->key) RegCloseKey(c->key);
    c->key = NULL;
    rc = root_of(path, &root, &rest);
    if (rc != ERROR_SUCCESS) return rc;
    if (del) {
        rc = *rest ? RegDeleteTreeW(root, rest) : (LONG)ERROR_ACCESS_DENIED;
        return rc == ERROR_FILE_NOT_FOUND ? (LONG)ERROR_SUCCESS : rc; /* regedit: deleting nothing is fine */
    }
    return RegCreateKeyExW(root, rest, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &c->key, NULL);
}

static LONG import_value(void *ctx, const WCHAR *name, int del, DWORD type, const BYTE *data, DWORD cb)
{
    import_ctx *c = ctx;
    LONG rc;
    if (!c->key) return ERROR_INVALID_DATA;
    if (del) {
        rc = RegDeleteValueW(c->key, name);
        return rc == ERROR_FILE_NOT_FOUND ? (LONG)ERROR_SUCCESS : rc;
    }
    return comrt__reg_set_value_exact(c->key, name, type, data, cb);
}

static void set_error(const char *what, DWORD line, const char *msg)
{
    char text[512];
    snprintf(text, sizeof text, "%s %u: %s", what, (unsigned)line, msg ? msg : "error");
    comrt__errorinfo_set_text(u"comrt.regfile", text);
}

HRESULT ComrtRegImportData(const void *pData, SIZE_T cbData, DWORD *pdwErrorLine)
{
    static const comrt__regfile_sink sink = {import_key, import_value};
    import_ctx c = {NULL};
    DWORD line = 0;
    const char *msg = NULL;
    HRESULT hr;
    if (!pData && cbData) return E_INVALIDARG;
    comrt__reg_batch_begin();
    hr = comrt__regfile_parse(pData ? pData : (const void *)"", cbData, &sink, &c, &line, &msg);
    if (c.key) RegCloseKey(c.key);
    {
        LONG rc = comrt__reg_batch_end(SUCCEEDED(hr) ? ERROR_SUCCESS : ERROR_INVALID_DATA);
        if (SUCCEEDED(hr) && rc != ERROR_SUCCESS) hr = HRESULT_FROM_WIN32(rc);
    }
    if (FAILED(hr) && line) set_error("line", line, msg);
    if (pdwErrorLine) *pdwErrorLine = line;
    return hr;
}

static char *utf8_path(LPCWSTR path)
{
    return comrt__utf16_to_utf8_dup(path, comrt__utf16_len(path));
}

HRESULT ComrtRegImportFile(LPCWSTR pszPath, DWORD *pdwErrorLine)
{
    char *path;
    FILE *f = NULL;
    buf content = {0};
    HRESULT hr = S_OK;
    BYTE chunk[65536];
    size_t got;
    if (!pszPath) return E_INVALIDARG;
    path = utf8_path(pszPath);
    if (!path) return E_OUTOFMEMORY;
    f = fopen(path, "rb");
    if (!f) {
        hr = HRESULT_FROM_WIN32(errno == ENOENT ? ERROR_FILE_NOT_FOUND : ERROR_ACCESS_DENIED);
        goto out;
    }
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (!buf_add(&content, chunk, got)) {
            hr = content.n > COMRT_REGFILE_MAX_BYTES - got ? HRESULT_FROM_WIN32(WIN32_ERROR_FILE_TOO_LARGE)
                                                           : E_OUTOFMEMORY;
            goto out;
        }
    }
    if (ferror(f)) {
        hr = HRESULT_FROM_WIN32(ERROR_CANTREAD);
        goto out;
    }
    hr = ComrtRegImportData(content.p, content.n, pdwErrorLine);
out:
    if (f) fclose(f);
    free(content.p);
    free(path);
    return hr;
}

/* ---- export -------------------------------------------------------------- */

typedef struct {
    buf out; /* UTF-16 text */
    int v4;
    size_t col; /* column of the line being written */
    int failed;
} writer;

static void w_units(writer *w, const WCHAR *s, size_t n)
{
    size_t i;
    if (!buf_add(&w->out, s, n * sizeof(WCHAR))) w->failed = 1;
    for (i = 0; i < n; i++) w->col = (s[i] == '\n') ? 0 : w->col + 1;
}

static void w_ascii(writer *w, const char *s)
{
    while (*s) {
        WCHAR c = (WCHAR)(unsigned char)*s++;
        w_units(w, &c, 1);
    }
}

/* A string between quotes with \ and " escaped (up to its first NUL). */
static void w_quoted(writer *w, const WCHAR *s, size_t n)
{
    size_t i;
    w_ascii(w, "\"");
    for (i = 0; i < n && s[i]; i++) {
        if (s[i] == '\\' || s[i] == '"') w_ascii(w, "\\");
        w_units(w, s + i, 1);
    }
    w_ascii(w, "\"");
}

/* hex bytes, wrapped as regedit wraps them: a line never passes 80 columns
 * and goes on after ",\" with two spaces of indent. */
static void w_hex(writer *w, const BYTE *p, size_t n)
{
    size_t i;
    char tmp[8];
    for (i = 0; i < n; i++) {
        snprintf(tmp, sizeof tmp, "%02x%s", p[i], i + 1 < n ? "," : "");
        w_ascii(w, tmp);
        if (i + 1 < n && w->col > 76) w_ascii(w, "\\\r\n  ");
    }
}

static int clean_string(const BYTE *data, DWORD cb)
{
    const WCHAR *s = (const WCHAR *)(const void *)data;
    size_t n = cb / sizeof(WCHAR), i;
    if (cb % sizeof(WCHAR) || n == 0 || s[n - 1]) return 0;
    for (i = 0; i + 1 < n; i++)
        if (!s[i] || s[i] == '\r' || s[i] == '\n') return 0;
    return 1;
}

static void w_value(writer *w, const WCHAR *name, size_t nlen, DWORD type, const BYTE *data, DWORD cb)
{
    char tmp[32];
    if (nlen == 0) w_ascii(w, "@");
    else w_quoted(w, name, nlen);
    w_ascii(w, "=");
    if (type == REG_SZ && clean_string(data, cb)) {
        w_quoted(w, (const WCHAR *)(const void *)data, cb / sizeof(WCHAR));
    } else if (type == REG_DWORD && cb == 4) {
        DWORD v;
        memcpy(&v, data, 4);
        snprintf(tmp, sizeof tmp, "dword:%08x", (unsigned)v);
        w_ascii(w, tmp);
    } else {
        if (type == REG_BINARY) w_ascii(w, "hex:");
        else {
            snprintf(tmp, sizeof tmp, "hex(%x):", (unsigned)type);
            w_ascii(w, tmp);
        }
        if (w->v4 && (type == REG_EXPAND_SZ || type == REG_MULTI_SZ) && cb % 2 == 0) {
            /* REGEDIT4 keeps these as 8-bit text (UTF-8 here; regedit uses
             * the ANSI code page). */
            size_t units = cb / 2, need = comrt__utf16_to_utf8((const WCHAR *)(const void *)data, units, NULL, 0);
            char *t = malloc(need ? need : 1);
            if (!t) { w->failed = 1; return; }
            comrt__utf16_to_utf8((const WCHAR *)(const void *)data, units, t, need);
            w_hex(w, (const BYTE *)t, need);
            free(t);
        } else {
            w_hex(w, data, cb);
        }
    }
    w_ascii(w, "\r\n");
}

static LONG export_key(writer *w, HKEY key, int depth)
{
    WCHAR *path = NULL, name[COMRT_REG_MAX_KEY_NAME + 1];
    WCHAR *vname = NULL;
    BYTE *data = NULL;
    DWORD i, cch, cb, type;
    LONG rc;
    if (depth > COMRT_REGFILE_MAX_DEPTH) return ERROR_INVALID_DATA;
    rc = comrt__reg_key_path(key, &path);
    if (rc != ERROR_SUCCESS) return rc;
    w_ascii(w, "[");
    w_units(w, path, comrt__utf16_len(path));
    w_ascii(w, "]\r\n");
    vname = malloc((COMRT_REG_MAX_VALUE_NAME + 1) * sizeof(WCHAR));
    if (!vname) { rc = ERROR_NOT_ENOUGH_MEMORY; goto out; }
    for (i = 0;; i++) {
        cch = COMRT_REG_MAX_VALUE_NAME + 1;
        cb = 0;
        rc = RegEnumValueW(key, i, vname, &cch, NULL, &type, NULL, &cb);
        if (rc == ERROR_NO_MORE_ITEMS) break;
        if (rc != ERROR_SUCCESS) goto out;
        free(data);
        data = malloc(cb ? cb : 1);
        if (!data) { rc = ERROR_NOT_ENOUGH_MEMORY; goto out; }
        cch = COMRT_REG_MAX_VALUE_NAME + 1;
        rc = RegEnumValueW(key, i, vname, &cch, NULL, &type, data, &cb);
        if (rc != ERROR_SUCCESS) goto out; /* changed under us: fail rather than write half */
        w_value(w, vname, cch, type, data, cb);
    }
    w_ascii(w, "\r\n");
    for (i = 0;; i++) {
        HKEY sub = NULL;
        cch = COMRT_REG_MAX_KEY_NAME + 1;
        rc = RegEnumKeyExW(key, i, name, &cch, NULL, NULL, NULL, NULL);
        if (rc == ERROR_NO_MORE_ITEMS) { rc = ERROR_SUCCESS; break; }
        if (rc != ERROR_SUCCESS) goto out;
        rc = RegOpenKeyExW(key, name, 0, KEY_READ, &sub);
        if (rc != ERROR_SUCCESS) goto out;
        rc = export_key(w, sub, depth + 1);
        RegCloseKey(sub);
        if (rc != ERROR_SUCCESS) goto out;
    }
out:
    free(path);
    free(vname);
    free(data);
    return rc;
}

/* Writes bytes to path through a temporary file and rename(), so a reader
 * never sees half a file; a path that is no regular file (/dev/stdout, a
 * pipe) is written directly. */
static HRESULT write_file(LPCWSTR pszPath, const BYTE *p, size_t n)
{
    char *path = utf8_path(pszPath), *tmp = NULL;
    FILE *f = NULL;
    HRESULT hr = S_OK;
    if (!path) return E_OUTOFMEMORY;
    {
        /* Not a regular file (/dev/stdout, a pipe): write straight into it. */
        struct stat st;
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
            f = fopen(path, "wb");
            if (!f) { hr = HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED); goto out; }
            if (fwrite(p, 1, n, f) != n) hr = HRESULT_FROM_WIN32(ERROR_CANTWRITE);
            if (fclose(f) != 0 && SUCCEEDED(hr)) hr = HRESULT_FROM_WIN32(ERROR_CANTWRITE);
            goto out;
        }
    }
    tmp = malloc(strlen(path) + 32);
    if (!tmp) { hr = E_OUTOFMEMORY; goto out; }
    sprintf(tmp, "%s.tmp%ld", path, (long)getpid());
    f = fopen(tmp, "wb");
    if (!f) { hr = HRESULT_FROM_WIN32(errno == ENOENT ? ERROR_PATH_NOT_FOUND : ERROR_ACCESS_DENIED); goto out; }
    if (fwrite(p, 1, n, f) != n || fflush(f) != 0) hr = HRESULT_FROM_WIN32(ERROR_CANTWRITE);
    if (fclose(f) != 0 && SUCCEEDED(hr)) hr = HRESULT_FROM_WIN32(ERROR_CANTWRITE);
    f = NULL;
    if (SUCCEEDED(hr) && rename(tmp, path) != 0) hr = HRESULT_FROM_WIN32(ERROR_CANTWRITE);
    if (FAILED(hr)) unlink(tmp);
out:
    free(tmp);
    free(path);
    return hr;
}

HRESULT ComrtRegExportKey(HKEY hKey, LPCWSTR pszSubKey, LPCWSTR pszPath, DWORD dwFormat)
{
    writer w = {{0}, 0, 0, 0};
    HKEY key = NULL;
    buf bytes = {0};
    LONG rc;
    HRESULT hr;
    if (!pszPath || (dwFormat != COMRT_REGFILE_V5 && dwFormat != COMRT_REGFILE_REGEDIT4)) return E_INVALIDARG;
    w.v4 = dwFormat == COMRT_REGFILE_REGEDIT4;
    rc = RegOpenKeyExW(hKey, pszSubKey, 0, KEY_READ, &key);
    if (rc != ERROR_SUCCESS) return HRESULT_FROM_WIN32(rc);
    /* One consistent snapshot: no writer of this process interleaves. */
    comrt__reg_lock();
    w_ascii(&w, w.v4 ? "REGEDIT4\r\n\r\n" : "Windows Registry Editor Version 5.00\r\n\r\n");
    rc = export_key(&w, key, 0);
    comrt__reg_unlock();
    RegCloseKey(key);
    if (rc != ERROR_SUCCESS) { hr = HRESULT_FROM_WIN32(rc); goto out; }
    if (w.failed) { hr = E_OUTOFMEMORY; goto out; }
    if (w.v4) {
        size_t units = w.out.n / 2, need = comrt__utf16_to_utf8((const WCHAR *)(const void *)w.out.p, units, NULL, 0);
        bytes.p = malloc(need ? need : 1);
        if (!bytes.p) { hr = E_OUTOFMEMORY; goto out; }
        bytes.n = comrt__utf16_to_utf8((const WCHAR *)(const void *)w.out.p, units, (char *)bytes.p, need);
    } else {
        size_t i, units = w.out.n / 2;
        const WCHAR *s = (const WCHAR *)(const void *)w.out.p;
        static const BYTE bom[2] = {0xFF, 0xFE};
        if (!buf_add(&bytes, bom, 2)) { hr = E_OUTOFMEMORY; goto out; }
        for (i = 0; i < units; i++) {
            BYTE le[2] = {(BYTE)(s[i] & 0xFF), (BYTE)(s[i] >> 8)};
            if (!buf_add(&bytes, le, 2)) { hr = E_OUTOFMEMORY; goto out; }
        }
    }
    hr = write_file(pszPath, bytes.p, bytes.n);
out:
    free(w.out.p);
    free(bytes.p);
    return hr;
}
