/*
 * lib/typelib/load.c — LoadTypeLib / LoadTypeLibEx, the process-wide cache
 * of loaded libraries, and the resolution of imported libraries.
 *
 * Paths are Unix paths in UTF-16 (absolute or relative to the current
 * directory); a trailing "\N" picks TYPELIB resource N of a PE file, as on
 * Windows.  The cache maps the canonical path plus resource number to the
 * live ITypeLib; it holds no reference, so a library goes away with its
 * last Release (as on Windows), and a second load while it lives returns
 * the same object.
 */
#define COBJMACROS
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base_internal.h"
#include "typelib/msft_format.h"
#include "typelib/sltg_format.h"
#include "typelib/typelib_model.h"

/* ---- the cache -------------------------------------------------------------- */

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static comrt__typelib **cache;
static size_t cache_n, cache_cap;

/* Finds a live library by key and AddRef's it (under cache_lock). */
static comrt__typelib *cache_find(const char *key)
{
    for (size_t i = 0; i < cache_n; i++) {
        if (!strcmp(cache[i]->cache_key, key)) {
            __atomic_add_fetch(&cache[i]->ref, 1, __ATOMIC_RELAXED);
            return cache[i];
        }
    }
    return NULL;
}

ULONG comrt__typelib_cache_release(comrt__typelib *tl)
{
    ULONG r;
    pthread_mutex_lock(&cache_lock);
    r = (ULONG)__atomic_sub_fetch(&tl->ref, 1, __ATOMIC_ACQ_REL);
    if (!r) {
        for (size_t i = 0; i < cache_n; i++) {
            if (cache[i] == tl) {
                cache[i] = cache[--cache_n];
                break;
            }
        }
    }
    pthread_mutex_unlock(&cache_lock);
    /* destroyed outside the lock: it releases its imports, which may be cached */
    if (!r) comrt__typelib_destroy(tl);
    return r;
}

/* ---- reading ------------------------------------------------------------------ */

static HRESULT read_file(const char *path, uint8_t **data, size_t *size)
{
    HRESULT hr = TYPE_E_CANTLOADLIBRARY;
    FILE *f = fopen(path, "rb");
    struct stat st;
    uint8_t *buf = NULL;

    if (!f) goto out;
    if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) goto out;
    if ((uint64_t)st.st_size > COMRT_TL_MAX_FILE) { hr = TYPE_E_SIZETOOBIG; goto out; }
    buf = malloc(st.st_size ? (size_t)st.st_size : 1);
    if (!buf) { hr = E_OUTOFMEMORY; goto out; }
    if (fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) goto out;
    *data = buf;
    *size = (size_t)st.st_size;
    buf = NULL;
    hr = S_OK;
out:
    free(buf);
    if (f) fclose(f);
    return hr;
}

HRESULT comrt__typelib_load_memory(const uint8_t *data, size_t size, unsigned index, const WCHAR *path, ITypeLib **out)
{
    HRESULT hr;
    size_t off = 0, len = size;
    comrt__tl_model *m = NULL;
    comrt__typelib *tl;
    uint32_t magic;

    if (size >= 2 && data[0] == 'M' && data[1] == 'Z') {
        hr = comrt__pe_find_typelib(data, size, index, &off, &len);
        if (hr != S_OK) goto out;
    } else if (index != 1) {
        hr = TYPE_E_CANTLOADLIBRARY;
        goto out;
    }
    if (len < 4) { hr = TYPE_E_CANTLOADLIBRARY; goto out; }
    if (len < MSFT_HDR_SIZE) { hr = TYPE_E_CANTLOADLIBRARY; goto out; } /* no whole header: not a library */
    magic = (uint32_t)data[off] | (uint32_t)data[off + 1] << 8 | (uint32_t)data[off + 2] << 16 |
            (uint32_t)data[off + 3] << 24;
    if (magic == SLTG_MAGIC) {
        hr = comrt__sltg_parse(data + off, len, &m); /* older libraries (mktyplib) */
    } else if (magic != MSFT_MAGIC) {
        hr = TYPE_E_CANTLOADLIBRARY; /* no type library */
        goto out;
    } else {
        hr = comrt__msft_parse(data + off, len, &m);
    }
    if (hr != S_OK) goto out;
    hr = comrt__typelib_create(m, path, &tl);
    if (hr != S_OK) { comrt__tl_model_free(m); goto out; }
    *out = comrt__typelib_iface(tl);
out:
    return hr;
}

/* UTF-16 -> UTF-8 (NULL on a bad surrogate or no memory). */
static char *to_utf8(const WCHAR *w, size_t n)
{
    char *s = malloc(n * 3 + 1), *p = s;
    if (!s) return NULL;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = w[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && w[i + 1] >= 0xDC00 && w[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (w[i + 1] - 0xDC00);
            i++;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            free(s);
            return NULL;
        }
        if (c < 0x80) *p++ = (char)c;
        else if (c < 0x800) { *p++ = (char)(0xC0 | c >> 6); *p++ = (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) { *p++ = (char)(0xE0 | c >> 12); *p++ = (char)(0x80 | ((c >> 6) & 0x3F)); *p++ = (char)(0x80 | (c & 0x3F)); }
        else { *p++ = (char)(0xF0 | c >> 18); *p++ = (char)(0x80 | ((c >> 12) & 0x3F)); *p++ = (char)(0x80 | ((c >> 6) & 0x3F)); *p++ = (char)(0x80 | (c & 0x3F)); }
    }
    *p = 0;
    return s;
}

static WCHAR *to_utf16(const char *s)
{
    size_t n = strlen(s), k = 0;
    WCHAR *w = malloc((n + 1) * sizeof(WCHAR));
    if (!w) return NULL;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        int extra;
        if (c < 0x80) { cp = c; extra = 0; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; }
        else { cp = c & 0x07; extra = 3; }
        i++;
        for (int e = 0; e < extra && i < n; e++, i++) cp = cp << 6 | ((unsigned char)s[i] & 0x3F);
        if (cp >= 0x10000) { w[k++] = (WCHAR)(0xD800 + ((cp - 0x10000) >> 10)); w[k++] = (WCHAR)(0xDC00 + ((cp - 0x10000) & 0x3FF)); }
        else w[k++] = (WCHAR)cp;
    }
    w[k] = 0;
    return w;
}

/* Loads the library at canonical UTF-8 path `real`, resource index. */
static HRESULT load_path(const char *real, unsigned index, ITypeLib **out)
{
    HRESULT hr;
    char *key = NULL;
    comrt__typelib *tl, *other;
    uint8_t *data = NULL;
    size_t size = 0;
    WCHAR *wpath = NULL;
    ITypeLib *lib = NULL;

    key = malloc(strlen(real) + 16);
    if (!key) return E_OUTOFMEMORY;
    sprintf(key, "%s\\%u", real, index);
    pthread_mutex_lock(&cache_lock);
    tl = cache_find(key);
    pthread_mutex_unlock(&cache_lock);
    if (tl) {
        *out = comrt__typelib_iface(tl);
        free(key);
        return S_OK;
    }
    hr = read_file(real, &data, &size);
    if (hr != S_OK) goto out;
    wpath = to_utf16(real);
    if (!wpath) { hr = E_OUTOFMEMORY; goto out; }
    hr = comrt__typelib_load_memory(data, size, index, wpath, &lib);
    if (hr != S_OK) goto out;
    tl = comrt__typelib_from_iface(lib);
    /* Another thread may have loaded the same file meanwhile: keep the first. */
    pthread_mutex_lock(&cache_lock);
    other = cache_find(key);
    if (!other) {
        if (cache_n == cache_cap) {
            size_t cap = cache_cap ? cache_cap * 2 : 16;
            comrt__typelib **c = realloc(cache, cap * sizeof *c);
            if (!c) {
                pthread_mutex_unlock(&cache_lock);
                ITypeLib_Release(lib);
                hr = E_OUTOFMEMORY;
                goto out;
            }
            cache = c;
            cache_cap = cap;
        }
        tl->cache_key = key;
        key = NULL;
        cache[cache_n++] = tl;
    }
    pthread_mutex_unlock(&cache_lock);
    if (other) {
        ITypeLib_Release(lib);
        tl = other;
    }
    *out = comrt__typelib_iface(tl);
out:
    free(key);
    free(data);
    free(wpath);
    return hr;
}

/* Splits "path\N" into path and N when the whole string names no file. */
static HRESULT resolve(const WCHAR *file, char **real, unsigned *index)
{
    size_t n = comrt__utf16_len(file);
    char *u, buf[PATH_MAX];
    *index = 1;
    u = to_utf8(file, n);
    if (!u) return TYPE_E_CANTLOADLIBRARY;
    if (!realpath(u, buf)) {
        /* a trailing "\N": a resource number */
        size_t k = n;
        unsigned long idx = 0, mul = 1;
        free(u);
        while (k > 0 && file[k - 1] >= '0' && file[k - 1] <= '9' && n - k < 9) {
            idx += (unsigned long)(file[k - 1] - '0') * mul;
            mul *= 10;
            k--;
        }
        if (k == n || k < 2 || file[k - 1] != '\\') return TYPE_E_CANTLOADLIBRARY;
        u = to_utf8(file, k - 1);
        if (!u) return TYPE_E_CANTLOADLIBRARY;
        if (!realpath(u, buf)) { free(u); return TYPE_E_CANTLOADLIBRARY; }
        *index = (unsigned)idx;
    }
    free(u);
    *real = strdup(buf);
    return *real ? S_OK : E_OUTOFMEMORY;
}

/* RegisterTypeLib, set by runtime/tlbreg.c when libcomrt loads. */
static comrt__typelib_register_fn g_register;

void comrt__typelib_set_register_hook(comrt__typelib_register_fn fn)
{
    __atomic_store_n(&g_register, fn, __ATOMIC_RELEASE);
}

/* 1 when szFile names its library by an absolute path ("/..."; also the
 * Windows forms "X:..." and "\\server", which oleaut32 exempts). */
static int is_full_path(const WCHAR *f)
{
    return f[0] == '/' || (f[0] == '\\' && f[1] == '\\') || (f[0] && f[1] == ':');
}

/* Registers lib (loaded from canonical `real`, resource index) through the
 * runtime's hook; the registered path is `real`, plus "\N" for a resource
 * other than the first, so that LoadRegTypeLib finds the same library. */
static HRESULT register_loaded(ITypeLib *lib, const char *real, unsigned index)
{
    comrt__typelib_register_fn reg = __atomic_load_n(&g_register, __ATOMIC_ACQUIRE);
    char *buf;
    WCHAR *wpath;
    HRESULT hr;
    if (!reg) return TYPE_E_REGISTRYACCESS;
    buf = malloc(strlen(real) + 16);
    if (!buf) return E_OUTOFMEMORY;
    if (index != 1) sprintf(buf, "%s\\%u", real, index);
    else strcpy(buf, real);
    wpath = to_utf16(buf);
    free(buf);
    if (!wpath) return E_OUTOFMEMORY;
    hr = reg(lib, wpath, NULL);
    free(wpath);
    return hr;
}

/*
 * LoadTypeLibEx: loads (through the cache) and, as oleaut32 does, registers
 * the library for REGKIND_REGISTER, and for REGKIND_DEFAULT when szFile is
 * not an absolute path; a failed registration fails the call (the library
 * is released, *pptlib NULL).  Other regkind values load without
 * registering.  *pptlib receives the library (caller Releases).
 */
HRESULT WINAPI LoadTypeLibEx(LPCOLESTR szFile, REGKIND regkind, ITypeLib **pptlib)
{
    HRESULT hr;
    char *real = NULL;
    unsigned index;
    ITypeLib *lib = NULL;

    if (pptlib) *pptlib = NULL;
    if (!szFile || !pptlib) return E_INVALIDARG;
    hr = resolve(szFile, &real, &index);
    if (hr != S_OK) goto out;
    hr = load_path(real, index, &lib);
    if (hr != S_OK) goto out;
    if (regkind == REGKIND_REGISTER || (regkind == REGKIND_DEFAULT && !is_full_path(szFile))) {
        hr = register_loaded(lib, real, index);
        if (FAILED(hr)) {
            ITypeLib_Release(lib);
            goto out;
        }
        hr = S_OK;
    }
    *pptlib = lib;
out:
    free(real);
    return hr;
}

/* LoadTypeLib: LoadTypeLibEx with REGKIND_DEFAULT (a library named without
 * an absolute path is registered). */
HRESULT WINAPI LoadTypeLib(LPCOLESTR szFile, ITypeLib **pptlib)
{
    return LoadTypeLibEx(szFile, REGKIND_DEFAULT, pptlib);
}

/* ---- imports ------------------------------------------------------------------ */

/* Tries dir/name, then the name lower-cased (Windows file names ignore case). */
static HRESULT try_dir(const char *dir, const char *name, ITypeLib **out)
{
    char buf[PATH_MAX], real[PATH_MAX];
    for (int pass = 0; pass < 2; pass++) {
        int n = dir ? snprintf(buf, sizeof buf, "%s/%s", dir, name) : snprintf(buf, sizeof buf, "%s", name);
        if (n < 0 || (size_t)n >= sizeof buf) return TYPE_E_CANTLOADLIBRARY;
        if (pass) {
            char *base = buf + (dir ? strlen(dir) + 1 : 0);
            for (char *p = base; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
        }
        if (realpath(buf, real) && load_path(real, 1, out) == S_OK) return S_OK;
    }
    return TYPE_E_CANTLOADLIBRARY;
}

/* QueryPathOfRegTypeLib, set by runtime/tlbreg.c when libcomrt loads. */
static comrt__typelib_query_fn g_query;

void comrt__typelib_set_query_hook(comrt__typelib_query_fn fn)
{
    __atomic_store_n(&g_query, fn, __ATOMIC_RELEASE);
}

/* Loads the registered library an import names by LIBID/version/LCID (no
 * hook or not registered: TYPE_E_LIBNOTREGISTERED). */
static HRESULT import_registered(const comrt__tl_impfile *f, ITypeLib **out)
{
    comrt__typelib_query_fn query = __atomic_load_n(&g_query, __ATOMIC_ACQUIRE);
    BSTR path = NULL;
    char *real = NULL;
    unsigned index;
    HRESULT hr;
    if (!query) return TYPE_E_LIBNOTREGISTERED;
    hr = query(&f->guid, f->vmajor, f->vminor, f->lcid, &path);
    if (hr != S_OK) return hr;
    hr = resolve(path, &real, &index);
    SysFreeString(path);
    if (hr != S_OK) return hr;
    hr = load_path(real, index, out);
    free(real);
    return hr;
}

HRESULT comrt__typelib_import(comrt__typelib *tl, uint32_t file, ITypeLib **out)
{
    HRESULT hr = TYPE_E_CANTLOADLIBRARY;
    const comrt__tl_impfile *f = &tl->m->impfiles[file];
    char name[512], *dir = NULL;
    ITypeLib *lib = NULL;
    const char *env;

    pthread_mutex_lock(&tl->lock);
    if (tl->imports[file]) {
        ITypeLib_AddRef(tl->imports[file]);
        *out = tl->imports[file];
        hr = S_OK;
        goto out;
    }
    if (tl->import_tried[file] == 2) {
        /* the library imports itself */
        ITypeLib2_AddRef(&tl->iface);
        *out = comrt__typelib_iface(tl);
        hr = S_OK;
        goto out;
    }
    if (tl->import_tried[file]) goto out;
    tl->import_tried[file] = 1;
    if (IsEqualGUID(&f->guid, &tl->m->attr.guid) && f->vmajor == tl->m->attr.wMajorVerNum) {
        /* the library names itself (stdole2 does): itself, whatever copy
         * of it the registry or the folders would find */
        tl->import_tried[file] = 2;
        ITypeLib2_AddRef(&tl->iface);
        *out = comrt__typelib_iface(tl);
        hr = S_OK;
        goto out;
    }
    if (f->name.len == 0 || f->name.len >= sizeof name) goto out;
    for (uint32_t i = 0; i < f->name.len; i++) {
        char c = (char)tl->m->data[f->name.off + i];
        name[i] = (c == '\\') ? '/' : c;
        if (!c) goto out;
    }
    name[f->name.len] = 0;
    {
        /* only the last path element: import names may carry Windows paths */
        char *slash = strrchr(name, '/');
        if (slash) memmove(name, slash + 1, strlen(slash + 1) + 1);
    }
    /* 1. the registry: the import's LIBID, version and LCID, as oleaut32
     * looks first (QueryPathOfRegTypeLib, through runtime/'s hook) */
    if (import_registered(f, &lib) == S_OK) hr = S_OK;
    /* 2. beside the importing file */
    if (hr != S_OK && tl->path) {
        size_t n = comrt__utf16_len(tl->path);
        dir = to_utf8(tl->path, n);
        if (dir) {
            char *slash = strrchr(dir, '/');
            if (slash) *slash = 0;
            hr = try_dir(dir, name, &lib);
        }
    }
    /* 3. the directories of COMRT_TYPELIB_PATH (':'-separated) */
    env = getenv("COMRT_TYPELIB_PATH");
    if (hr != S_OK && env) {
        char *copy = strdup(env), *save = NULL;
        for (char *d = copy ? strtok_r(copy, ":", &save) : NULL; d && hr != S_OK; d = strtok_r(NULL, ":", &save))
            hr = try_dir(d, name, &lib);
        free(copy);
    }
    if (hr != S_OK) goto out;
    if (comrt__typelib_from_iface(lib) == tl) {
        /* a library importing itself: no reference to itself */
        tl->import_tried[file] = 2;
        *out = lib;
        goto out;
    }
    tl->imports[file] = lib;
    ITypeLib_AddRef(lib);
    *out = lib;
out:
    pthread_mutex_unlock(&tl->lock);
    free(dir);
    return hr;
}
