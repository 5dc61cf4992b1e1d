/*
 * runtime/mk_file.c — file monikers (a path; here a Unix path with '/'):
 * CreateFileMoniker and the file-moniker kind.  Binding looks in the running
 * object table first; a file that is not running is opened the way ole32
 * does it: the class of the file (from its extension: HKCR\.ext names a
 * ProgID, which names the CLSID), a new instance of it, IPersistFile::Load.
 * File monikers compose, share prefixes and give relative paths as paths,
 * component by component.  Paths compare case-sensitively (Unix file
 * systems are; Windows compares them without case).
 *
 * Stream form (MS-OLEDS "FileMoniker"): USHORT count of leading "../"
 * components, ULONG byte count and the narrow path with its NUL, USHORT
 * 0xFFFF, USHORT 0xDEAD, 20 zero bytes, ULONG size of the UTF-16 part (0
 * when the path is ASCII; else ULONG byte count, USHORT 3, the UTF-16 path).
 */
#include "moniker_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The most leading ".." components Load accepts. */
#define FILE_ANTI_MAX 1024u

static void file_destroy(comrt_moniker *m) { free(m->u.path); }

static HRESULT file_display(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, LPOLESTR *out)
{
    (void)pbc;
    (void)left;
    return comrt__mk_taskdup(m->u.path, out);
}

/* Reads HKCR\<sub>'s default string value into buf (cap units). */
static BOOL read_default(const WCHAR *sub, WCHAR *buf, DWORD cap)
{
    DWORD cb = cap * sizeof(WCHAR);
    if (RegGetValueW(HKEY_CLASSES_ROOT, sub, NULL, RRF_RT_REG_SZ, NULL, buf, &cb) != ERROR_SUCCESS) return FALSE;
    return buf[0] != 0;
}

/* The class of the file at path: MK_E_CANTOPENFILE when there is no such
 * file, MK_E_INVALIDEXTENSION when its extension names no class. */
static HRESULT class_of_file(const WCHAR *path, CLSID *clsid)
{
    const WCHAR *dot = NULL, *p;
    WCHAR progid[256];
    struct stat st;
    char *u8 = comrt__utf16_to_utf8_dup(path, comrt__utf16_len(path));
    HRESULT hr;

    if (!u8) return E_OUTOFMEMORY;
    hr = stat(u8, &st) == 0 ? S_OK : MK_E_CANTOPENFILE;
    free(u8);
    if (FAILED(hr)) return hr;
    for (p = path; *p; p++) {
        if (*p == '/') dot = NULL;
        else if (*p == '.') dot = p;
    }
    if (!dot || comrt__utf16_len(dot) > 64 || !read_default(dot, progid, 256)) return MK_E_INVALIDEXTENSION;
    if (FAILED(CLSIDFromProgID(progid, clsid))) return MK_E_INVALIDEXTENSION;
    return S_OK;
}

/* ROT first (the moniker composed with the one to its left); then the
 * file's class (created by CoCreateInstance, or by the left object as
 * IClassFactory), loaded through IPersistFile with the bind context's
 * grfMode. */
static HRESULT file_bind(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, REFIID riid, void **ppv)
{
    IMoniker *full = NULL;
    IClassFactory *cf = NULL;
    IPersistFile *pf = NULL;
    BIND_OPTS opts;
    CLSID clsid;
    HRESULT hr;

    if (left) {
        hr = IMoniker_ComposeWith(left, &m->IMoniker_iface, FALSE, &full);
        if (FAILED(hr)) goto out;
    } else {
        full = &m->IMoniker_iface;
        IMoniker_AddRef(full);
    }
    hr = comrt__mk_rot_lookup(pbc, full, riid, ppv);
    if (hr != MK_E_UNAVAILABLE) goto out;
    hr = class_of_file(m->u.path, &clsid);
    if (FAILED(hr)) goto out;
    if (left) {
        hr = IMoniker_BindToObject(left, pbc, NULL, &IID_IClassFactory, (void **)&cf);
        if (SUCCEEDED(hr)) hr = IClassFactory_CreateInstance(cf, NULL, &IID_IPersistFile, (void **)&pf);
    } else {
        hr = CoCreateInstance(&clsid, NULL, comrt__mk_bind_clsctx(pbc), &IID_IPersistFile, (void **)&pf);
    }
    if (FAILED(hr)) goto out;
    memset(&opts, 0, sizeof opts);
    opts.cbStruct = sizeof opts;
    opts.grfMode = STGM_READWRITE;
    if (pbc) IBindCtx_GetBindOptions(pbc, &opts);
    hr = IPersistFile_Load(pf, m->u.path, opts.grfMode);
    if (FAILED(hr)) goto out;
    hr = IPersistFile_QueryInterface(pf, riid, ppv);
    if (SUCCEEDED(hr) && pbc) IBindCtx_RegisterObjectBound(pbc, (IUnknown *)*ppv);
out:
    if (pf) IPersistFile_Release(pf);
    if (cf) IClassFactory_Release(cf);
    if (full) IMoniker_Release(full);
    return hr;
}

static HRESULT file_save(comrt_moniker *m, IStream *stm)
{
    static const BYTE zeros[20];
    const WCHAR *p = m->u.path;
    USHORT anti = 0, w;
    ULONG uni, n, i;
    BOOL lossy = FALSE;
    BYTE *le = NULL;
    HRESULT hr;

    while (p[0] == '.' && p[1] == '.' && p[2] == '/') {
        anti++;
        p += 3;
    }
    hr = comrt__mk_write(stm, &anti, sizeof anti);
    if (SUCCEEDED(hr)) hr = comrt__mk_write_ansi(stm, p, 0, &lossy);
    w = 0xFFFF;
    if (SUCCEEDED(hr)) hr = comrt__mk_write(stm, &w, sizeof w);
    w = 0xDEAD;
    if (SUCCEEDED(hr)) hr = comrt__mk_write(stm, &w, sizeof w);
    if (SUCCEEDED(hr)) hr = comrt__mk_write(stm, zeros, sizeof zeros);
    if (FAILED(hr)) goto out;
    n = (ULONG)comrt__utf16_len(p);
    uni = lossy ? 6 + 2 * n : 0;
    hr = comrt__mk_write(stm, &uni, sizeof uni);
    if (FAILED(hr) || !lossy) goto out;
    uni = 2 * n;
    w = 3;
    hr = comrt__mk_write(stm, &uni, sizeof uni);
    if (SUCCEEDED(hr)) hr = comrt__mk_write(stm, &w, sizeof w);
    if (FAILED(hr)) goto out;
    le = malloc(n ? 2 * n : 1);
    if (!le) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    for (i = 0; i < n; i++) {
        le[2 * i] = (BYTE)(p[i] & 0xFF);
        le[2 * i + 1] = (BYTE)(p[i] >> 8);
    }
    hr = comrt__mk_write(stm, le, 2 * n);
out:
    free(le);
    return hr;
}

static HRESULT file_load(comrt_moniker *m, IStream *stm)
{
    USHORT anti, w[2], key;
    ULONG len, uni, cb, i, nul, n;
    BYTE zeros[20], *buf = NULL;
    WCHAR *path = NULL;
    HRESULT hr = comrt__mk_read(stm, &anti, sizeof anti);
    if (SUCCEEDED(hr)) hr = comrt__mk_read(stm, &len, sizeof len);
    if (FAILED(hr)) goto out;
    hr = E_FAIL;
    if (anti > FILE_ANTI_MAX || len > COMRT_MK_NAME_MAX || !len) goto out;
    buf = malloc(len);
    if (!buf) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    hr = comrt__mk_read(stm, buf, len);
    if (SUCCEEDED(hr)) hr = comrt__mk_read(stm, w, sizeof w);
    if (SUCCEEDED(hr)) hr = comrt__mk_read(stm, zeros, sizeof zeros);
    if (SUCCEEDED(hr)) hr = comrt__mk_read(stm, &uni, sizeof uni);
    if (FAILED(hr)) goto out;
    for (nul = 0; nul < len && buf[nul]; nul++) {}
    n = nul;
    if (uni) {
        hr = E_FAIL;
        if (uni < 6 || uni > 6 + 2 * COMRT_MK_NAME_MAX) goto out;
        hr = comrt__mk_read(stm, &cb, sizeof cb);
        if (SUCCEEDED(hr)) hr = comrt__mk_read(stm, &key, sizeof key);
        if (FAILED(hr)) goto out;
        hr = E_FAIL;
        if (cb != uni - 6 || cb % 2) goto out;
        free(buf);
        buf = malloc(cb ? cb : 1);
        if (!buf) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        hr = comrt__mk_read(stm, buf, cb);
        if (FAILED(hr)) goto out;
        n = cb / 2;
    }
    path = malloc((3 * (size_t)anti + n + 1) * sizeof(WCHAR));
    if (!path) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    for (i = 0; i < anti; i++) {
        path[3 * i] = '.';
        path[3 * i + 1] = '.';
        path[3 * i + 2] = '/';
    }
    for (i = 0; i < n; i++)
        path[3 * anti + i] = uni ? (WCHAR)(buf[2 * i] | (buf[2 * i + 1] << 8)) : buf[i];
    path[3 * anti + n] = 0;
    free(m->u.path);
    m->u.path = path;
    path = NULL;
    hr = S_OK;
out:
    free(buf);
    free(path);
    return hr;
}

static ULONG file_size_max(comrt_moniker *m)
{
    return (ULONG)(2 + 4 + 2 + 2 + 20 + 4 + 4 + 2 + 3 * (comrt__utf16_len(m->u.path) + 1));
}

static BOOL file_equal(comrt_moniker *m, comrt_moniker *o) { return comrt__utf16_cmp(m->u.path, o->u.path) == 0; }

static DWORD file_hash(comrt_moniker *m)
{
    DWORD h = 0;
    const WCHAR *p;
    for (p = m->u.path; *p; p++) h = h * 31 + *p;
    return h;
}

/* A path split into components: comps[i] points into a copy, '/' replaced
 * by NUL; abs says whether it began with '/'. */
typedef struct {
    WCHAR *buf;
    WCHAR **comps;
    size_t count;
    BOOL abs;
} split_path;

static HRESULT split(const WCHAR *path, split_path *sp)
{
    size_t n = comrt__utf16_len(path), i;
    memset(sp, 0, sizeof *sp);
    sp->buf = comrt__mk_wcsdup(path);
    sp->comps = malloc((n / 2 + 2) * sizeof(WCHAR *));
    if (!sp->buf || !sp->comps) {
        free(sp->buf);
        free(sp->comps);
        return E_OUTOFMEMORY;
    }
    sp->abs = n && path[0] == '/';
    for (i = 0; i < n; i++) {
        if (sp->buf[i] == '/') {
            sp->buf[i] = 0;
        } else if (i == 0 || sp->buf[i - 1] == 0) {
            sp->comps[sp->count++] = sp->buf + i;
        }
    }
    return S_OK;
}

static void split_free(split_path *sp)
{
    free(sp->buf);
    free(sp->comps);
}

/* Joins comps[from..to) after an optional leading "/" and count "../"
 * components into a new file moniker. */
static HRESULT join(BOOL abs, size_t ups, WCHAR **comps, size_t from, size_t to, IMoniker **out)
{
    size_t len = 1 + 3 * ups, i, k = 0;
    WCHAR *s;
    HRESULT hr;
    for (i = from; i < to; i++) len += comrt__utf16_len(comps[i]) + 1;
    s = malloc(len * sizeof(WCHAR));
    if (!s) return E_OUTOFMEMORY;
    if (abs) s[k++] = '/';
    for (i = 0; i < ups; i++) {
        s[k++] = '.';
        s[k++] = '.';
        if (i + 1 < ups || from < to) s[k++] = '/';
    }
    for (i = from; i < to; i++) {
        size_t n = comrt__utf16_len(comps[i]);
        memcpy(s + k, comps[i], n * sizeof(WCHAR));
        k += n;
        if (i + 1 < to) s[k++] = '/';
    }
    s[k] = 0;
    hr = CreateFileMoniker(s, out);
    free(s);
    return hr;
}

/* A file moniker to the right is a path relative to this one: its leading
 * ".." components step up, the rest is appended.  An absolute right path
 * cannot be composed (MK_E_SYNTAX).  Other monikers compose generically. */
static HRESULT file_compose(comrt_moniker *m, IMoniker *right, BOOL only_if_not_generic, IMoniker **out)
{
    comrt_moniker *r = comrt__mk_from(right, &comrt__mk_file_kind);
    split_path a, b;
    WCHAR **all = NULL;
    size_t n = 0, i;
    HRESULT hr;

    if (!r) return comrt__mk_compose_generic(&m->IMoniker_iface, right, only_if_not_generic, out);
    if (r->u.path[0] == '/') return MK_E_SYNTAX;
    hr = split(m->u.path, &a);
    if (FAILED(hr)) return hr;
    hr = split(r->u.path, &b);
    if (FAILED(hr)) {
        split_free(&a);
        return hr;
    }
    all = malloc((a.count + b.count + 1) * sizeof(WCHAR *));
    if (!all) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    {
        size_t ups = 0;
        for (i = 0; i < a.count; i++) all[n++] = a.comps[i];
        for (i = 0; i < b.count; i++) {
            if (comrt__utf16_cmp(b.comps[i], u"..") == 0 && n > 0 && comrt__utf16_cmp(all[n - 1], u"..") != 0) {
                n--;
            } else if (comrt__utf16_cmp(b.comps[i], u"..") == 0 && n == 0 && !a.abs) {
                ups++;
            } else if (comrt__utf16_cmp(b.comps[i], u"..") != 0) {
                all[n++] = b.comps[i];
            }
        }
        hr = join(a.abs, ups, all, 0, n, out);
    }
out:
    free(all);
    split_free(&a);
    split_free(&b);
    return hr;
}

/* Leading components both paths share: MK_S_US when the paths are equal,
 * MK_S_ME / MK_S_HIM when one is the prefix, MK_E_NOPREFIX when they share
 * nothing or other is no file moniker. */
static HRESULT file_prefix(comrt_moniker *m, IMoniker *other, IMoniker **out)
{
    comrt_moniker *o = comrt__mk_from(other, &comrt__mk_file_kind);
    split_path a, b;
    size_t c = 0;
    HRESULT hr;

    if (!o) return MK_E_NOPREFIX;
    if (file_equal(m, o)) {
        IMoniker_AddRef(&m->IMoniker_iface);
        *out = &m->IMoniker_iface;
        return MK_S_US;
    }
    hr = split(m->u.path, &a);
    if (FAILED(hr)) return hr;
    hr = split(o->u.path, &b);
    if (FAILED(hr)) {
        split_free(&a);
        return hr;
    }
    if (a.abs == b.abs)
        while (c < a.count && c < b.count && comrt__utf16_cmp(a.comps[c], b.comps[c]) == 0) c++;
    if (c == 0 && !(a.abs && b.abs)) {
        hr = MK_E_NOPREFIX;
    } else if (c == a.count) {
        IMoniker_AddRef(&m->IMoniker_iface);
        *out = &m->IMoniker_iface;
        hr = MK_S_ME;
    } else if (c == b.count) {
        IMoniker_AddRef(other);
        *out = other;
        hr = MK_S_HIM;
    } else {
        hr = join(a.abs, 0, a.comps, 0, c, out);
    }
    split_free(&a);
    split_free(&b);
    return hr;
}

/* The path from this moniker to other: "../" for each component of this
 * path past the shared prefix, then the rest of other (as ole32 computes
 * it: /d/e.txt to /d/f/g.txt is ../f/g.txt).  Paths with nothing in common
 * give other itself (MK_S_HIM). */
static HRESULT file_relative(comrt_moniker *m, IMoniker *other, IMoniker **out)
{
    comrt_moniker *o = comrt__mk_from(other, &comrt__mk_file_kind);
    split_path a, b;
    size_t c = 0, ups;
    HRESULT hr;

    if (!o) {
        IMoniker_AddRef(other);
        *out = other;
        return MK_S_HIM;
    }
    hr = split(m->u.path, &a);
    if (FAILED(hr)) return hr;
    hr = split(o->u.path, &b);
    if (FAILED(hr)) {
        split_free(&a);
        return hr;
    }
    if (a.abs == b.abs)
        while (c < a.count && c < b.count && comrt__utf16_cmp(a.comps[c], b.comps[c]) == 0) c++;
    if (c == 0 && a.abs != b.abs) {
        IMoniker_AddRef(other);
        *out = other;
        hr = MK_S_HIM;
    } else {
        ups = a.count - c;
        hr = join(FALSE, ups, b.comps, c, b.count, out);
    }
    split_free(&a);
    split_free(&b);
    return hr;
}

const comrt_mk_kind comrt__mk_file_kind = {
    .mksys = MKSYS_FILEMONIKER,
    .clsid = &comrt__clsid_file_moniker,
    .destroy = file_destroy,
    .display = file_display,
    .bind = file_bind,
    .save = file_save,
    .load = file_load,
    .size_max = file_size_max,
    .equal = file_equal,
    .hash = file_hash,
    .compose = file_compose,
    .prefix = file_prefix,
    .relative = file_relative,
};

/* *ppmk receives a file moniker for the path as given (caller Releases).
 * E_INVALIDARG for NULL arguments or a path longer than COMRT_MK_NAME_MAX. */
HRESULT CreateFileMoniker(LPCOLESTR lpszPathName, LPMONIKER *ppmk)
{
    comrt_moniker *m;
    WCHAR *path;

    if (!ppmk) return E_INVALIDARG;
    *ppmk = NULL;
    if (!lpszPathName || comrt__utf16_len(lpszPathName) > COMRT_MK_NAME_MAX) return E_INVALIDARG;
    path = comrt__mk_wcsdup(lpszPathName);
    if (!path) return E_OUTOFMEMORY;
    m = comrt__mk_alloc(&comrt__mk_file_kind);
    if (!m) {
        free(path);
        return E_OUTOFMEMORY;
    }
    m->u.path = path;
    *ppmk = &m->IMoniker_iface;
    return S_OK;
}
