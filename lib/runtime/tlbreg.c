/*
 * runtime/tlbreg.c — registered type libraries: RegisterTypeLib(ForUser),
 * UnRegisterTypeLib(ForUser), QueryPathOfRegTypeLib and LoadRegTypeLib on
 * the class registry (HKEY_CLASSES_ROOT).
 *
 * What is written, as oleaut32 writes it (golden: tests/golden/tlbreg.txt):
 *   TypeLib\{libid}\MAJ.MIN            @ = doc string, else the name
 *   TypeLib\{libid}\MAJ.MIN\LCID\winNN  @ = the path as given (MAJ, MIN,
 *                                       LCID in lower-case hex; NN = 16, 32
 *                                       or 64 by the library's SYSKIND)
 *   TypeLib\{libid}\MAJ.MIN\FLAGS       @ = LIBFLAGS in decimal
 *   TypeLib\{libid}\MAJ.MIN\HELPDIR     @ = the help folder
 *   Interface\{iid}                     @ = interface name, for every
 *       dispinterface and [oleautomation]/dual interface, with subkeys
 *       ProxyStubClsid and ProxyStubClsid32 (@ = the universal marshaler
 *       {00020424-...}, or PSDispatch {00020420-...} for a dispinterface
 *       that is not dual) and TypeLib (@ = libid, Version = "MAJ.MIN").
 * All writes of one registration are one registry transaction (a batch):
 * a failure part-way leaves nothing behind.
 *
 * It also sets typelib/'s hooks (end of file): registration for
 * LoadTypeLibEx, activation for ITypeInfo::CreateInstance, and the
 * registry lookup of imported libraries.
 */
#define COBJMACROS
#include "registry_internal.h"
#include "base/base_internal.h"
#include "base/utf16.h"
#include "typelib/typelib_model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Registry strings read here (paths, names) are capped: anything longer is
 * corrupt content, not a path. */
#define TLBREG_MAX_VALUE_BYTES (64u * 1024u)

/* The proxy/stub classes Windows names for automation interfaces. */
static const WCHAR ps_oleautomation[] = u"{00020424-0000-0000-C000-000000000046}";
static const WCHAR ps_dispatch[] = u"{00020420-0000-0000-C000-000000000046}";

/* One interface to register, collected before the registry is touched (so
 * no ITypeLib call runs under the registry lock). */
typedef struct {
    GUID iid;
    BSTR name;
    const WCHAR *psclsid;
} reg_iface;

/* ---- small helpers -------------------------------------------------------- */

/* The platform subkey name for a SYSKIND, NULL for one Windows has none for. */
static const char *syskind_name(SYSKIND sk)
{
    switch (sk) {
    case SYS_WIN16: return "win16";
    case SYS_WIN32: return "win32";
    case SYS_WIN64: return "win64";
    default: return NULL;
    }
}

/* printf into a UTF-16 buffer of cap units (ASCII output only). */
static void wfmt(WCHAR *out, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void wfmt(WCHAR *out, size_t cap, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!comrt__ascii_to_utf16(buf, out, cap) && cap) out[0] = 0;
}

/* "TypeLib\{libid}" (+ "\maj.min" when with_version) into out[128]. */
static void lib_key(REFGUID libid, int with_version, WORD maj, WORD min, WCHAR *out)
{
    WCHAR g[39];
    size_t n;
    comrt__guid_format(libid, g);
    wfmt(out, 128, "TypeLib\\");
    n = comrt__utf16_len(out);
    memcpy(out + n, g, sizeof g);
    if (with_version) {
        n = comrt__utf16_len(out);
        wfmt(out + n, 128 - n, "\\%x.%x", (unsigned)maj, (unsigned)min);
    }
}

/* Sets the default value (or value `name`) of base\sub to a string,
 * creating the key; sub may be NULL for base itself. */
static LONG set_sz(HKEY base, const WCHAR *sub, const WCHAR *name, const WCHAR *data)
{
    HKEY k = NULL;
    LONG r;
    if (sub) {
        r = RegCreateKeyExW(base, sub, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
        if (r != ERROR_SUCCESS) return r;
    }
    r = RegSetValueExW(sub ? k : base, name, 0, REG_SZ, (const BYTE *)data,
                       (DWORD)((comrt__utf16_len(data) + 1) * sizeof(WCHAR)));
    if (k) RegCloseKey(k);
    return r;
}

/* Reads the default value of base\sub into a BSTR (caller frees).  A key
 * without a default value reads as "" (RegQueryValue's answer, which
 * oleaut32 returns as the path).  S_OK, TYPE_E_LIBNOTREGISTERED when the
 * key does not exist or the value is no string, E_OUTOFMEMORY. */
static HRESULT read_default(HKEY base, const WCHAR *sub, BSTR *out)
{
    HRESULT hr = TYPE_E_LIBNOTREGISTERED;
    HKEY k = NULL;
    WCHAR *w = NULL;
    LONG r;

    if (RegOpenKeyExW(base, sub, 0, KEY_QUERY_VALUE, &k) != ERROR_SUCCESS) goto out;
    r = comrt__reg_read_sz(k, NULL, TRUE, TLBREG_MAX_VALUE_BYTES, &w, NULL);
    if (r == ERROR_NOT_ENOUGH_MEMORY) hr = E_OUTOFMEMORY;
    if (r != ERROR_SUCCESS) goto out;
    *out = SysAllocString(w);
    hr = *out ? S_OK : E_OUTOFMEMORY;
out:
    free(w);
    if (k) RegCloseKey(k);
    return hr;
}

/* Parses a version key name "maj.min" (hex, as Windows writes them). */
static int parse_version(const WCHAR *s, unsigned *maj, unsigned *min)
{
    unsigned v[2] = {0, 0};
    int part = 0, digits = 0;
    for (; *s; s++) {
        WCHAR c = *s;
        unsigned d;
        if (c == '.') {
            if (part || !digits) return 0;
            part = 1;
            digits = 0;
            continue;
        }
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return 0;
        if (++digits > 4) return 0; /* a WORD */
        v[part] = v[part] * 16 + d;
    }
    if (!part || !digits) return 0;
    *maj = v[0];
    *min = v[1];
    return 1;
}

/* The help folder oleaut32 stores when none is given: the path without a
 * trailing "\N" resource number and without its last component (the whole
 * path when it has no separator).  Caller frees; NULL on no memory. */
static WCHAR *default_helpdir(const WCHAR *path)
{
    size_t n = comrt__utf16_len(path), end = n, i, cut = n;
    WCHAR *dir;
    /* "file.dll\2" names resource 2 of file.dll */
    i = n;
    while (i > 0 && path[i - 1] >= '0' && path[i - 1] <= '9') i--;
    if (i < n && i > 0 && path[i - 1] == '\\') end = i - 1;
    for (i = end; i > 0; i--)
        if (path[i - 1] == '/') { cut = i - 1; break; }
    if (cut == n)
        for (i = end; i > 0; i--)
            if (path[i - 1] == '\\') { cut = i - 1; break; }
    /* no separator (cut == n): oleaut32 keeps the whole string */
    dir = malloc((cut + 1) * sizeof(WCHAR));
    if (!dir) return NULL;
    memcpy(dir, path, cut * sizeof(WCHAR));
    dir[cut] = 0;
    return dir;
}

/* ---- RegisterTypeLib ------------------------------------------------------ */

/* Collects the interfaces RegisterTypeLib writes keys for: every
 * TKIND_DISPATCH, and every TKIND_INTERFACE with TYPEFLAG_FOLEAUTOMATION.
 * *items (malloc'ed, names are BSTRs) and *n go to the caller, who frees
 * them with free_ifaces. */
static HRESULT collect_ifaces(ITypeLib *ptlib, reg_iface **items, UINT *n)
{
    UINT count = ITypeLib_GetTypeInfoCount(ptlib), i, k = 0;
    reg_iface *v = calloc(count ? count : 1, sizeof *v);

    if (!v) return E_OUTOFMEMORY;
    for (i = 0; i < count; i++) {
        TYPEKIND kind;
        ITypeInfo *ti = NULL;
        TYPEATTR *ta = NULL;
        if (ITypeLib_GetTypeInfoType(ptlib, i, &kind) != S_OK) continue;
        if (kind != TKIND_INTERFACE && kind != TKIND_DISPATCH) continue;
        if (ITypeLib_GetTypeInfo(ptlib, i, &ti) != S_OK) continue;
        if (ITypeInfo_GetTypeAttr(ti, &ta) == S_OK) {
            if (kind == TKIND_DISPATCH || (ta->wTypeFlags & TYPEFLAG_FOLEAUTOMATION)) {
                v[k].iid = ta->guid;
                v[k].psclsid = (kind == TKIND_DISPATCH && !(ta->wTypeFlags & TYPEFLAG_FDUAL)) ? ps_dispatch
                                                                                           : ps_oleautomation;
                if (ITypeInfo_GetDocumentation(ti, MEMBERID_NIL, &v[k].name, NULL, NULL, NULL) != S_OK)
                    v[k].name = NULL;
                k++;
            }
            ITypeInfo_ReleaseTypeAttr(ti, ta);
        }
        ITypeInfo_Release(ti);
    }
    *items = v;
    *n = k;
    return S_OK;
}

static void free_ifaces(reg_iface *v, UINT n)
{
    for (UINT i = 0; i < n; i++) SysFreeString(v[i].name);
    free(v);
}

/* Writes one Interface\{iid} key under root. */
static LONG write_iface(HKEY root, const reg_iface *it, const WCHAR *libid_text, const WCHAR *version)
{
    WCHAR path[64];
    HKEY k = NULL;
    LONG r;
    wfmt(path, 64, "Interface\\");
    comrt__guid_format(&it->iid, path + comrt__utf16_len(path));
    r = RegCreateKeyExW(root, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
    if (r != ERROR_SUCCESS) return r;
    if (it->name) r = set_sz(k, NULL, NULL, it->name);
    if (r == ERROR_SUCCESS) r = set_sz(k, u"ProxyStubClsid", NULL, it->psclsid);
    if (r == ERROR_SUCCESS) r = set_sz(k, u"ProxyStubClsid32", NULL, it->psclsid);
    if (r == ERROR_SUCCESS) r = set_sz(k, u"TypeLib", NULL, libid_text);
    if (r == ERROR_SUCCESS) r = set_sz(k, u"TypeLib", u"Version", version);
    RegCloseKey(k);
    return r;
}

/*
 * Registers ptlib under root (HKEY_CLASSES_ROOT, or HKCU\Software\Classes).
 * Argument errors E_INVALIDARG; a SYSKIND with no platform key E_FAIL (as
 * oleaut32; nothing is written); a failed write TYPE_E_REGISTRYACCESS with
 * every write of this call rolled back.
 */
static HRESULT register_under(HKEY root, ITypeLib *ptlib, const WCHAR *path, const WCHAR *helpdir)
{
    HRESULT hr;
    TLIBATTR *attr = NULL;
    BSTR name = NULL, doc = NULL;
    reg_iface *ifaces = NULL;
    UINT nifaces = 0, i;
    WCHAR key[128], sub[64], libid_text[39], version[16], flags[16];
    WCHAR *free_dir = NULL;
    const char *platform;
    HKEY vk = NULL, hk = NULL;
    DWORD disposition = 0;
    LONG r;

    if (!ptlib || !path) return E_INVALIDARG;
    hr = ITypeLib_GetLibAttr(ptlib, &attr);
    if (FAILED(hr)) return hr;
    platform = syskind_name(attr->syskind);
    if (!platform) { hr = E_FAIL; goto out; }
    hr = ITypeLib_GetDocumentation(ptlib, -1, &name, &doc, NULL, NULL);
    if (FAILED(hr)) { hr = E_FAIL; goto out; }
    hr = collect_ifaces(ptlib, &ifaces, &nifaces);
    if (FAILED(hr)) goto out;

    lib_key(&attr->guid, 1, attr->wMajorVerNum, attr->wMinorVerNum, key);
    wfmt(sub, 64, "%x\\%s", (unsigned)attr->lcid, platform);
    comrt__guid_format(&attr->guid, libid_text);
    wfmt(version, 16, "%x.%x", (unsigned)attr->wMajorVerNum, (unsigned)attr->wMinorVerNum);
    wfmt(flags, 16, "%u", (unsigned)attr->wLibFlags);

    comrt__reg_batch_begin();
    r = RegCreateKeyExW(root, key, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &vk, NULL);
    if (r == ERROR_SUCCESS && (doc || name)) r = set_sz(vk, NULL, NULL, doc ? doc : name);
    if (r == ERROR_SUCCESS) r = set_sz(vk, sub, NULL, path);
    if (r == ERROR_SUCCESS) r = set_sz(vk, u"FLAGS", NULL, flags);
    if (r == ERROR_SUCCESS) r = RegCreateKeyExW(vk, u"HELPDIR", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &hk, &disposition);
    if (r == ERROR_SUCCESS) {
        /* Without a help folder a new HELPDIR gets the library's folder; an
         * existing one keeps what it holds. */
        if (!helpdir && disposition == REG_CREATED_NEW_KEY) {
            helpdir = free_dir = default_helpdir(path);
            if (!free_dir) r = ERROR_NOT_ENOUGH_MEMORY;
        }
        if (r == ERROR_SUCCESS && helpdir) r = set_sz(hk, NULL, NULL, helpdir);
    }
    for (i = 0; r == ERROR_SUCCESS && i < nifaces; i++) r = write_iface(root, &ifaces[i], libid_text, version);
    if (hk) RegCloseKey(hk);
    if (vk) RegCloseKey(vk);
    r = comrt__reg_batch_end(r);
    hr = r == ERROR_SUCCESS ? S_OK : r == ERROR_NOT_ENOUGH_MEMORY ? E_OUTOFMEMORY : TYPE_E_REGISTRYACCESS;
out:
    free(free_dir);
    free_ifaces(ifaces, nifaces);
    SysFreeString(name);
    SysFreeString(doc);
    if (attr) ITypeLib_ReleaseTLibAttr(ptlib, attr);
    return hr;
}

/* HKCU\Software\Classes for writing (created when `create`, else opened:
 * missing is `missing_hr`); caller closes. */
static HRESULT user_classes(int create, HRESULT missing_hr, HKEY *out)
{
    LONG r;
    if (create)
        r = RegCreateKeyExW(HKEY_CURRENT_USER, u"Software\\Classes", 0, NULL, 0, KEY_ALL_ACCESS, NULL, out, NULL);
    else
        r = RegOpenKeyExW(HKEY_CURRENT_USER, u"Software\\Classes", 0, KEY_ALL_ACCESS, out);
    if (r == ERROR_SUCCESS) return S_OK;
    return r == ERROR_FILE_NOT_FOUND ? missing_hr : TYPE_E_REGISTRYACCESS;
}

/*
 * RegisterTypeLib: the keys listed at the top of this file, under
 * HKEY_CLASSES_ROOT (whose writes land in the per-user layer, see
 * docs/registry.md).  szFullPath is stored as given (oleaut32 stores a
 * relative path too); szHelpDir NULL keeps an existing HELPDIR or, for a
 * new one, stores szFullPath's folder.  NULL ptlib or szFullPath:
 * E_INVALIDARG.  A library whose SYSKIND is not win16/32/64: E_FAIL.  The
 * registry not writable: TYPE_E_REGISTRYACCESS, nothing written.
 */
HRESULT RegisterTypeLib(ITypeLib *ptlib, LPCOLESTR szFullPath, LPCOLESTR szHelpDir)
{
    return register_under(HKEY_CLASSES_ROOT, ptlib, szFullPath, szHelpDir);
}

/*
 * RegisterTypeLibForUser: as RegisterTypeLib, explicitly under
 * HKEY_CURRENT_USER\Software\Classes (the per-user layer of HKCR).
 */
HRESULT RegisterTypeLibForUser(ITypeLib *ptlib, OLECHAR *szFullPath, OLECHAR *szHelpDir)
{
    HRESULT hr;
    HKEY root = NULL;
    if (!ptlib || !szFullPath) return E_INVALIDARG;
    hr = user_classes(1, TYPE_E_REGISTRYACCESS, &root);
    if (FAILED(hr)) return hr;
    hr = register_under(root, ptlib, szFullPath, szHelpDir);
    RegCloseKey(root);
    return hr;
}

/* ---- QueryPathOfRegTypeLib / LoadRegTypeLib ------------------------------- */

/*
 * Picks the version key of TypeLib\{guid} as oleaut32 does: the same major
 * version, the exact minor if registered, else the highest minor >= wMin;
 * 0xFFFF.0xFFFF asks for the highest major and the highest minor (each
 * over all keys: oleaut32's rule, which finds nothing when no key holds
 * both).  Key names that are no hex "maj.min" are ignored.  *vk receives
 * the open version key (caller closes).
 */
static HRESULT find_version(REFGUID guid, USHORT wMaj, USHORT wMin, HKEY *vk)
{
    HRESULT hr = TYPE_E_LIBNOTREGISTERED;
    WCHAR key[128], name[256], vname[32];
    HKEY lk = NULL;
    long best_maj = -1, best_min = -1;
    DWORD i;

    lib_key(guid, 0, 0, 0, key);
    if (RegOpenKeyExW(HKEY_CLASSES_ROOT, key, 0, KEY_READ, &lk) != ERROR_SUCCESS) goto out;
    for (i = 0;; i++) {
        DWORD cch = 256;
        unsigned maj, min;
        LONG r = RegEnumKeyExW(lk, i, name, &cch, NULL, NULL, NULL, NULL);
        if (r == ERROR_MORE_DATA) continue; /* a name that long is no version */
        if (r != ERROR_SUCCESS) break;
        if (!parse_version(name, &maj, &min)) continue;
        if (wMaj == 0xffff && wMin == 0xffff) {
            if ((long)maj > best_maj) best_maj = maj;
            if ((long)min > best_min) best_min = min;
        } else if (maj == wMaj) {
            best_maj = maj;
            if (min == wMin) {
                best_min = min;
                break;
            }
            if (min >= wMin && (long)min > best_min) best_min = min;
        }
    }
    if (best_maj < 0 || best_min < 0) goto out;
    wfmt(vname, 32, "%lx.%lx", best_maj, best_min);
    if (RegOpenKeyExW(lk, vname, 0, KEY_READ, vk) != ERROR_SUCCESS) goto out;
    hr = S_OK;
out:
    if (lk) RegCloseKey(lk);
    return hr;
}

/*
 * QueryPathOfRegTypeLib: the version key as find_version picks it; in it
 * "LCID\win64", trying lcid, then its primary language with
 * SUBLANG_NEUTRAL (Windows' language-neutral fallback), then 0; then the
 * same LCIDs under "win32" (a 64-bit process also finds 32-bit
 * registrations, as oleaut32 does).  A key without a default value answers
 * "".  *lpbstrPathName receives the path (caller SysFreeString's); none:
 * TYPE_E_LIBNOTREGISTERED.  NULL guid: TYPE_E_LIBNOTREGISTERED (nothing to
 * find); a NULL lpbstrPathName: E_INVALIDARG once a path is found.
 */
HRESULT QueryPathOfRegTypeLib(REFGUID guid, USHORT wMaj, USHORT wMin, LCID lcid, LPBSTR lpbstrPathName)
{
    static const char *const platforms[] = {"win64", "win32"};
    HRESULT hr = TYPE_E_LIBNOTREGISTERED;
    HKEY vk = NULL;
    LCID tries[3];
    int ntries = 0, p, t;
    BSTR path = NULL;

    if (!guid) goto out;
    hr = find_version(guid, wMaj, wMin, &vk);
    if (FAILED(hr)) goto out;
    tries[ntries++] = lcid;
    if (lcid && PRIMARYLANGID(LANGIDFROMLCID(lcid)) != lcid) tries[ntries++] = PRIMARYLANGID(LANGIDFROMLCID(lcid));
    if (lcid && tries[ntries - 1] != 0) tries[ntries++] = 0;
    hr = TYPE_E_LIBNOTREGISTERED;
    for (p = 0; p < 2 && hr == TYPE_E_LIBNOTREGISTERED; p++) {
        for (t = 0; t < ntries && hr == TYPE_E_LIBNOTREGISTERED; t++) {
            WCHAR sub[64];
            wfmt(sub, 64, "%x\\%s", (unsigned)tries[t], platforms[p]);
            hr = read_default(vk, sub, &path);
        }
    }
    if (FAILED(hr)) goto out;
    if (!lpbstrPathName) {
        hr = E_INVALIDARG;
        goto out;
    }
    *lpbstrPathName = path;
    path = NULL;
out:
    SysFreeString(path);
    if (vk) RegCloseKey(vk);
    return hr;
}

/*
 * LoadRegTypeLib: QueryPathOfRegTypeLib, then LoadTypeLib of that path
 * (the load cache applies).  The loaded library must have the major version
 * asked and a minor version >= the one asked, else TYPE_E_LIBNOTREGISTERED
 * (oleaut32's check: a registration that names a file of another version
 * does not count).  *pptlib receives the library (caller Releases), NULL
 * on failure; a path naming no loadable file gives LoadTypeLib's error.
 */
HRESULT LoadRegTypeLib(REFGUID rguid, WORD wVerMajor, WORD wVerMinor, LCID lcid, ITypeLib **pptlib)
{
    HRESULT hr;
    BSTR path = NULL;
    ITypeLib *tl = NULL;
    TLIBATTR *attr = NULL;

    if (!pptlib) return E_INVALIDARG;
    *pptlib = NULL;
    hr = QueryPathOfRegTypeLib(rguid, wVerMajor, wVerMinor, lcid, &path);
    if (FAILED(hr)) goto out;
    hr = LoadTypeLib(path, &tl);
    if (FAILED(hr)) goto out;
    hr = ITypeLib_GetLibAttr(tl, &attr);
    if (FAILED(hr)) goto out;
    if (attr->wMajorVerNum != wVerMajor || attr->wMinorVerNum < wVerMinor) {
        /* 0xFFFF.0xFFFF ("any") is not checked */
        if (!(wVerMajor == 0xffff && wVerMinor == 0xffff)) hr = TYPE_E_LIBNOTREGISTERED;
    }
    ITypeLib_ReleaseTLibAttr(tl, attr);
    if (FAILED(hr)) goto out;
    *pptlib = tl;
    tl = NULL;
out:
    if (tl) ITypeLib_Release(tl);
    SysFreeString(path);
    return hr;
}

/* ---- UnRegisterTypeLib ---------------------------------------------------- */

/* 1 when base\Interface\{iid}\TypeLib names libid (GUID text compared as
 * GUIDs: either case). */
static int iface_is_ours(HKEY base, const GUID *iid, REFGUID libid)
{
    WCHAR path[80];
    BSTR v = NULL;
    GUID g;
    int ours;
    wfmt(path, 80, "Interface\\");
    comrt__guid_format(iid, path + comrt__utf16_len(path));
    comrt__ascii_to_utf16("\\TypeLib", path + comrt__utf16_len(path), 16);
    if (read_default(base, path, &v) != S_OK) return 0;
    ours = comrt__guid_parse(v, &g) && IsEqualGUID(&g, libid);
    SysFreeString(v);
    return ours;
}

/* 1 when key k has a subkey other than FLAGS and HELPDIR (a name too long
 * for the buffer is another one). */
static int has_other_subkeys(HKEY k)
{
    WCHAR name[256];
    DWORD i;
    for (i = 0;; i++) {
        DWORD cch = 256;
        LONG r = RegEnumKeyExW(k, i, name, &cch, NULL, NULL, NULL, NULL);
        if (r == ERROR_MORE_DATA) return 1;
        if (r != ERROR_SUCCESS) return 0;
        if (comrt__utf16_icmp_ascii(name, u"FLAGS") && comrt__utf16_icmp_ascii(name, u"HELPDIR")) return 1;
    }
}

/* 1 when parent\sub exists and has no subkeys. */
static int key_is_empty(HKEY parent, const WCHAR *sub)
{
    HKEY k = NULL;
    WCHAR n[8];
    DWORD cch = 8;
    LONG r;
    if (RegOpenKeyExW(parent, sub, 0, KEY_READ, &k) != ERROR_SUCCESS) return 0;
    r = RegEnumKeyExW(k, 0, n, &cch, NULL, NULL, NULL, NULL);
    RegCloseKey(k);
    return r == ERROR_NO_MORE_ITEMS;
}

/*
 * Removes a registration under root: the path key must exist
 * (E_INVALIDARG otherwise, as oleaut32) and name a loadable library
 * (TYPE_E_INVALIDSTATE otherwise: its interfaces could not be listed, and
 * nothing is removed).  The Interface keys of its dispinterfaces and
 * [oleautomation] interfaces go when their TypeLib subkey names this
 * library; then LCID\platform, the LCID key when empty, the version key
 * with FLAGS and HELPDIR when no other LCID remains, and TypeLib\{libid}
 * when no version remains.  All in one transaction.
 */
static HRESULT unregister_under(HKEY root, REFGUID libID, WORD maj, WORD min, LCID lcid, SYSKIND syskind)
{
    HRESULT hr = E_INVALIDARG;
    const char *platform = syskind_name(syskind);
    WCHAR key[128], sub[64], lcid_name[16];
    HKEY vk = NULL;
    BSTR path = NULL;
    ITypeLib *tl = NULL;
    reg_iface *ifaces = NULL;
    UINT nifaces = 0, i;
    LONG r = ERROR_SUCCESS;

    if (!libID || !platform) goto out;
    lib_key(libID, 1, maj, min, key);
    wfmt(lcid_name, 16, "%x", (unsigned)lcid);
    wfmt(sub, 64, "%x\\%s", (unsigned)lcid, platform);
    if (RegOpenKeyExW(root, key, 0, KEY_ALL_ACCESS, &vk) != ERROR_SUCCESS) goto out;
    if (read_default(vk, sub, &path) != S_OK) goto out;
    if (LoadTypeLibEx(path, REGKIND_NONE, &tl) != S_OK) {
        hr = TYPE_E_INVALIDSTATE;
        goto out;
    }
    hr = collect_ifaces(tl, &ifaces, &nifaces);
    if (FAILED(hr)) goto out;

    comrt__reg_batch_begin();
    for (i = 0; i < nifaces && r == ERROR_SUCCESS; i++) {
        WCHAR ipath[64];
        if (!iface_is_ours(root, &ifaces[i].iid, libID)) continue;
        wfmt(ipath, 64, "Interface\\");
        comrt__guid_format(&ifaces[i].iid, ipath + comrt__utf16_len(ipath));
        r = RegDeleteTreeW(root, ipath);
        if (r == ERROR_FILE_NOT_FOUND) r = ERROR_SUCCESS;
    }
    if (r == ERROR_SUCCESS) r = RegDeleteKeyW(vk, sub);
    /* the LCID key goes when nothing else is in it */
    if (r == ERROR_SUCCESS && key_is_empty(vk, lcid_name)) r = RegDeleteKeyW(vk, lcid_name);
    if (r == ERROR_SUCCESS && !has_other_subkeys(vk)) {
        WCHAR libkey[128];
        RegCloseKey(vk);
        vk = NULL;
        r = RegDeleteTreeW(root, key);
        lib_key(libID, 0, 0, 0, libkey);
        if (r == ERROR_SUCCESS && key_is_empty(root, libkey)) r = RegDeleteKeyW(root, libkey);
    }
    r = comrt__reg_batch_end(r);
    hr = r == ERROR_SUCCESS ? S_OK : TYPE_E_REGISTRYACCESS;
out:
    free_ifaces(ifaces, nifaces);
    if (tl) ITypeLib_Release(tl);
    SysFreeString(path);
    if (vk) RegCloseKey(vk);
    return hr;
}

/*
 * UnRegisterTypeLib: undoes RegisterTypeLib for one (version, lcid,
 * syskind) under HKEY_CLASSES_ROOT; other versions, LCIDs and platforms
 * stay.  Not registered so (or a SYSKIND with no platform key):
 * E_INVALIDARG, as oleaut32 answers.  The registered path naming no
 * loadable library: TYPE_E_INVALIDSTATE, nothing removed.  A failed
 * registry write: TYPE_E_REGISTRYACCESS, nothing removed.
 */
HRESULT UnRegisterTypeLib(REFGUID libID, WORD wVerMajor, WORD wVerMinor, LCID lcid, SYSKIND syskind)
{
    return unregister_under(HKEY_CLASSES_ROOT, libID, wVerMajor, wVerMinor, lcid, syskind);
}

/* UnRegisterTypeLibForUser: as UnRegisterTypeLib, in
 * HKEY_CURRENT_USER\Software\Classes. */
HRESULT UnRegisterTypeLibForUser(REFGUID libID, WORD wMajorVerNum, WORD wMinorVerNum, LCID lcid, SYSKIND syskind)
{
    HRESULT hr;
    HKEY root = NULL;
    hr = user_classes(0, E_INVALIDARG, &root); /* none: nothing registered there */
    if (FAILED(hr)) return hr;
    hr = unregister_under(root, libID, wMajorVerNum, wMinorVerNum, lcid, syskind);
    RegCloseKey(root);
    return hr;
}

/* ---- the hooks typelib/ calls up through ---------------------------------- */

/* typelib/ registers libraries loaded with REGKIND_REGISTER (or
 * REGKIND_DEFAULT and a bare file name) through RegisterTypeLib,
 * ITypeInfo::CreateInstance activates a coclass through CoCreateInstance,
 * and imported libraries are first looked up with QueryPathOfRegTypeLib;
 * all are set when libcomrt loads, since typelib/ does not link against
 * runtime/. */
__attribute__((constructor)) static void tlbreg_register_hooks(void)
{
    comrt__typelib_set_register_hook(RegisterTypeLib);
    comrt__typelib_set_create_hook(CoCreateInstance);
    comrt__typelib_set_query_hook(QueryPathOfRegTypeLib);
}
