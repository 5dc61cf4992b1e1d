/*
 * runtime/mkparse.c — display names to monikers and monikers to objects:
 * MkParseDisplayName, CoGetObject, BindMoniker.
 *
 * MkParseDisplayName reads the start of a display name the way Windows does
 * — "clsid:" (a class moniker), "new:" (a new moniker), "Name:" for a
 * ProgID whose class object parses the whole name through
 * IParseDisplayName (the extension point "winmgmts:" uses), else the
 * longest prefix naming a running object or an existing file (a file
 * moniker) — and then hands what is left to the moniker built so far
 * (IMoniker::ParseDisplayName), composing the results.  Where the object is
 * not running, "!name" parts after a file become item monikers "!" + name
 * without binding anything (Windows would start the object and ask it).
 */
#include "moniker_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The longest ProgID considered before a ':' (Windows allows 39). */
#define PROGID_MAX 255

/* Whether s starts with the ASCII prefix p, ignoring ASCII case. */
static BOOL has_prefix(const WCHAR *s, const char *p)
{
    for (; *p; p++, s++) {
        WCHAR c = *s;
        if (c >= 'A' && c <= 'Z') c = (WCHAR)(c - 'A' + 'a');
        if (c != (WCHAR)*p) return FALSE;
    }
    return TRUE;
}

/* "clsid:" + a CLSID with or without braces + an optional ':'.  *eaten and
 * *ppmk on success; MK_E_SYNTAX when the CLSID is malformed. */
static HRESULT parse_class(const WCHAR *name, ULONG *eaten, IMoniker **ppmk)
{
    const WCHAR *p = name + 6;
    WCHAR buf[39];
    CLSID clsid;
    size_t used;

    if (*p == '{') {
        if (comrt__utf16_len(p) < 38) return MK_E_SYNTAX;
        memcpy(buf, p, 38 * sizeof(WCHAR));
        used = 38;
    } else {
        if (comrt__utf16_len(p) < 36) return MK_E_SYNTAX;
        buf[0] = '{';
        memcpy(buf + 1, p, 36 * sizeof(WCHAR));
        buf[37] = '}';
        used = 36;
    }
    buf[38] = 0;
    if (!comrt__guid_parse(buf, &clsid)) return MK_E_SYNTAX;
    p += used;
    if (*p == ':') p++;
    *eaten = (ULONG)(p - name);
    return CreateClassMoniker(&clsid, ppmk);
}

/* "new:" + a ProgID or a braced CLSID, to the end of the name. */
static HRESULT parse_new(const WCHAR *name, ULONG *eaten, IMoniker **ppmk)
{
    const WCHAR *p = name + 4;
    CLSID clsid;
    HRESULT hr;

    if (!*p) return MK_E_SYNTAX;
    hr = *p == '{' ? (comrt__guid_parse(p, &clsid) ? S_OK : MK_E_SYNTAX) : CLSIDFromProgID(p, &clsid);
    if (FAILED(hr)) return MK_E_SYNTAX;
    hr = comrt__mk_new_create(&clsid, ppmk);
    if (SUCCEEDED(hr)) *eaten = (ULONG)comrt__utf16_len(name);
    return hr;
}

/* "Name:..." where Name is a registered ProgID: its class object parses the
 * whole name.  S_FALSE when the name does not start with a ProgID. */
static HRESULT parse_progid(IBindCtx *pbc, LPCOLESTR name, ULONG *eaten, IMoniker **ppmk)
{
    WCHAR progid[PROGID_MAX + 1];
    IParseDisplayName *parser = NULL;
    CLSID clsid;
    size_t n;
    HRESULT hr;

    for (n = 0; name[n] && name[n] != ':'; n++)
        if (n >= PROGID_MAX || name[n] == '/' || name[n] == '!' || name[n] == '\\') return S_FALSE;
    if (!n || name[n] != ':') return S_FALSE;
    memcpy(progid, name, n * sizeof(WCHAR));
    progid[n] = 0;
    if (FAILED(CLSIDFromProgID(progid, &clsid))) return S_FALSE;
    hr = CoGetClassObject(&clsid, CLSCTX_ALL, NULL, &IID_IParseDisplayName, (void **)&parser);
    if (FAILED(hr)) goto out;
    hr = IParseDisplayName_ParseDisplayName(parser, pbc, (LPOLESTR)name, eaten, ppmk);
    if (SUCCEEDED(hr) && !*ppmk) hr = MK_E_SYNTAX;
out:
    if (parser) IParseDisplayName_Release(parser);
    return hr;
}

/* Whether path (n units of name) names an existing file or directory. */
static BOOL file_exists(const WCHAR *name, size_t n)
{
    char *u8 = comrt__utf16_to_utf8_dup(name, n);
    struct stat st;
    BOOL ok;
    if (!u8) return FALSE;
    ok = stat(u8, &st) == 0;
    free(u8);
    return ok;
}

/* The longest prefix of name, ending before a '!' or at the end, that is a
 * running object's file moniker or an existing file.  MK_E_CANTOPENFILE
 * when there is none. */
static HRESULT parse_file(IBindCtx *pbc, LPCOLESTR name, ULONG *eaten, IMoniker **ppmk)
{
    size_t len = comrt__utf16_len(name), end = len;
    IRunningObjectTable *rot = NULL;
    WCHAR *prefix = NULL;
    IMoniker *mk = NULL;
    HRESULT hr;

    if (len > COMRT_MK_NAME_MAX) return MK_E_SYNTAX;
    hr = IBindCtx_GetRunningObjectTable(pbc, &rot);
    if (FAILED(hr)) return hr;
    prefix = malloc((len + 1) * sizeof(WCHAR));
    if (!prefix) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    for (;;) {
        memcpy(prefix, name, end * sizeof(WCHAR));
        prefix[end] = 0;
        if (end) {
            hr = CreateFileMoniker(prefix, &mk);
            if (FAILED(hr)) goto out;
            if (IRunningObjectTable_IsRunning(rot, mk) == S_OK || file_exists(name, end)) {
                *eaten = (ULONG)end;
                *ppmk = mk;
                mk = NULL;
                hr = S_OK;
                goto out;
            }
            IMoniker_Release(mk);
            mk = NULL;
        }
        while (end > 0 && name[--end] != '!') {}
        if (end == 0) break;
    }
    hr = MK_E_CANTOPENFILE;
out:
    if (mk) IMoniker_Release(mk);
    free(prefix);
    if (rot) IRunningObjectTable_Release(rot);
    return hr;
}

/* The next part of the display name after cur: "!name" as an item moniker
 * when cur is a file (or composite) whose object is not running, else what
 * cur's ParseDisplayName makes of it. */
static HRESULT parse_next(IBindCtx *pbc, IMoniker *cur, LPCOLESTR rest, ULONG *eaten, IMoniker **next)
{
    DWORD mksys = MKSYS_NONE;
    if (rest[0] == '!' && SUCCEEDED(IMoniker_IsSystemMoniker(cur, &mksys)) &&
        (mksys == MKSYS_FILEMONIKER || mksys == MKSYS_GENERICCOMPOSITE || mksys == MKSYS_ITEMMONIKER) &&
        IMoniker_IsRunning(cur, pbc, NULL, NULL) != S_OK) {
        size_t n = 1;
        WCHAR *item;
        HRESULT hr;
        while (rest[n] && rest[n] != '!') n++;
        item = malloc(n * sizeof(WCHAR));
        if (!item) return E_OUTOFMEMORY;
        memcpy(item, rest + 1, (n - 1) * sizeof(WCHAR));
        item[n - 1] = 0;
        hr = CreateItemMoniker(u"!", item, next);
        free(item);
        if (SUCCEEDED(hr)) *eaten = (ULONG)n;
        return hr;
    }
    return IMoniker_ParseDisplayName(cur, pbc, NULL, (LPOLESTR)rest, eaten, next);
}

/* See objbase.h.  E_INVALIDARG for NULL arguments or an empty name (as
 * ole32 answers); MK_E_SYNTAX for "Name:..." when Name is no ProgID or
 * scheme comrt knows, MK_E_CANTOPENFILE for other names that are neither
 * running nor files.  On failure *pchEaten says how much was understood
 * before the part that failed, and *ppmk is NULL. */
HRESULT MkParseDisplayName(LPBC pbc, LPCOLESTR szUserName, ULONG *pchEaten, LPMONIKER *ppmk)
{
    IMoniker *cur = NULL, *next = NULL, *joined = NULL;
    ULONG used = 0, e = 0;
    size_t len;
    HRESULT hr = E_INVALIDARG;

    if (!pbc || !szUserName || !pchEaten || !ppmk) goto fail;
    *ppmk = NULL;
    len = comrt__utf16_len(szUserName);
    if (!len) goto fail;
    *pchEaten = 0;
    if (has_prefix(szUserName, "clsid:")) {
        hr = parse_class(szUserName, &e, &cur);
    } else if (has_prefix(szUserName, "new:")) {
        hr = parse_new(szUserName, &e, &cur);
    } else {
        hr = parse_progid(pbc, szUserName, &e, &cur);
        if (hr == S_FALSE) {
            hr = parse_file(pbc, szUserName, &e, &cur);
            /* "Name:rest" with an unknown Name is a syntax error (Windows:
             * MK_E_SYNTAX), not a missing file. */
            if (hr == MK_E_CANTOPENFILE) {
                size_t i;
                for (i = 0; szUserName[i] && szUserName[i] != '/' && szUserName[i] != '!'; i++)
                    if (szUserName[i] == ':') {
                        hr = MK_E_SYNTAX;
                        break;
                    }
            }
        }
    }
    if (FAILED(hr)) goto fail;
    if (!e || e > len) {
        hr = MK_E_SYNTAX;
        goto fail;
    }
    used = e;
    while (used < len) {
        e = 0;
        hr = parse_next(pbc, cur, szUserName + used, &e, &next);
        if (SUCCEEDED(hr) && (!next || !e || e > len - used)) hr = MK_E_SYNTAX;
        if (FAILED(hr)) goto fail;
        hr = CreateGenericComposite(cur, next, &joined);
        IMoniker_Release(next);
        next = NULL;
        if (FAILED(hr)) goto fail;
        IMoniker_Release(cur);
        cur = joined;
        joined = NULL;
        used += e;
    }
    *pchEaten = used;
    *ppmk = cur;
    return S_OK;
fail:
    if (next) IMoniker_Release(next);
    if (cur) IMoniker_Release(cur);
    if (pchEaten && szUserName && ppmk && pbc && szUserName[0]) *pchEaten = used;
    return hr;
}

/* See objbase.h. */
HRESULT CoGetObject(LPCWSTR pszName, BIND_OPTS *pBindOptions, REFIID riid, void **ppv)
{
    IBindCtx *pbc = NULL;
    IMoniker *mk = NULL;
    ULONG eaten = 0;
    HRESULT hr = E_POINTER;

    if (!ppv) goto out;
    *ppv = NULL;
    hr = E_INVALIDARG;
    if (!pszName || !riid) goto out;
    hr = CreateBindCtx(0, &pbc);
    if (FAILED(hr)) goto out;
    if (pBindOptions) {
        hr = IBindCtx_SetBindOptions(pbc, pBindOptions);
        if (FAILED(hr)) goto out;
    }
    hr = MkParseDisplayName(pbc, pszName, &eaten, &mk);
    if (FAILED(hr)) goto out;
    hr = IMoniker_BindToObject(mk, pbc, NULL, riid, ppv);
out:
    if (mk) IMoniker_Release(mk);
    if (pbc) IBindCtx_Release(pbc);
    return hr;
}

/* See objbase.h.  grfOpt is reserved: E_INVALIDARG unless 0. */
HRESULT BindMoniker(LPMONIKER pmk, DWORD grfOpt, REFIID iidResult, LPVOID *ppvResult)
{
    IBindCtx *pbc = NULL;
    HRESULT hr = E_INVALIDARG;

    if (!ppvResult) goto out;
    *ppvResult = NULL;
    if (!pmk || !iidResult || grfOpt) goto out;
    hr = CreateBindCtx(0, &pbc);
    if (FAILED(hr)) goto out;
    hr = IMoniker_BindToObject(pmk, pbc, NULL, iidResult, ppvResult);
out:
    if (pbc) IBindCtx_Release(pbc);
    return hr;
}
