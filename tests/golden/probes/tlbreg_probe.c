/*
 * tlbreg_probe.c — registered type libraries: RegisterTypeLib(ForUser) of
 * the fixture comrt_all.tlb (64-bit) and comrt_all32.tlb (32-bit, same
 * LIBID: a dual interface, dispinterfaces, an [oleautomation] and a plain
 * custom interface, coclasses) and of libraries made with CreateTypeLib2;
 * every key and value written under HKCR\TypeLib\{libid} and
 * HKCR\Interface\{iid} (sorted, with types; paths printed as their last
 * component, since Wine's are "Z:\..." and comrt's Unix paths);
 * QueryPathOfRegTypeLib over many (major, minor, lcid) pairs on extra
 * version/LCID keys written by hand; LoadRegTypeLib; UnRegisterTypeLib(ForUser)
 * and what it leaves.  Compiles with mingw (golden from Wine's oleaut32: run
 * with the fixture directory as the current directory, see
 * scripts/gen_goldens.sh) and against comrt (finds the fixtures from this
 * file's path; run on a scratch registry).  Wine 8 keeps HKEY_CLASSES_ROOT
 * in HKLM\Software\Classes only and its RegisterTypeLibForUser writes
 * there too, so everything is read back through HKEY_CLASSES_ROOT, which
 * comrt layers as Windows does.  All keys are removed at the end.
 */
#include "probe_util.h"
#ifdef _WIN32
#include <winreg.h>
/* oleaut32 exports these (Vista and later); mingw's oleauto.h lacks them */
HRESULT WINAPI RegisterTypeLibForUser(ITypeLib *ptlib, OLECHAR *szFullPath, OLECHAR *szHelpDir);
HRESULT WINAPI UnRegisterTypeLibForUser(REFGUID libID, WORD wMajorVerNum, WORD wMinorVerNum, LCID lcid,
                                        SYSKIND syskind);
#else
#include <limits.h>
#endif

static const GUID libid_all = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x00}};
static const GUID libid_made = {0xC0DE7100, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0x01}};
static const GUID libid_fake = {0xC0DE7100, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0x02}};

#define LIBKEY_ALL u"TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000100}"
#define LIBKEY_MADE u"TypeLib\\{C0DE7100-0000-0000-0000-000000000001}"
#define LIBKEY_FAKE u"TypeLib\\{C0DE7100-0000-0000-0000-000000000002}"
/* comrt_all imports comrt_base.tlb; Wine's loader registers an import it
 * finds by its bare name (LoadTypeLib's REGKIND_DEFAULT), so the probe
 * removes that registration too. */
#define LIBKEY_BASE u"TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000001}"

/* ---- paths ------------------------------------------------------------- */

static WCHAR fixdir[1024];

static void find_fixtures(void)
{
#ifdef _WIN32
    /* gen_goldens.sh runs the probe in the fixture directory */
    DWORD n = GetCurrentDirectoryW(1000, fixdir);
    fixdir[n] = 0;
#else
    char buf[PATH_MAX + 64], real[PATH_MAX + 64], *slash;
    size_t i;
    snprintf(buf, sizeof buf, "%s", __FILE__);
    slash = strrchr(buf, '/');
    if (slash) *slash = 0; else strcpy(buf, ".");
    strncat(buf, "/../../typelib/fixtures", sizeof buf - strlen(buf) - 1);
    if (!realpath(buf, real)) snprintf(real, sizeof real, "%s", buf);
    for (i = 0; real[i] && i < 1000; i++) fixdir[i] = (WCHAR)(unsigned char)real[i];
    fixdir[i] = 0;
#endif
}

/* fixdir + separator + name, in one of four static slots */
static WCHAR *fixture(const char *name)
{
    static WCHAR slots[4][1200];
    static int next;
    WCHAR *w = slots[next++ & 3];
    size_t n = 0, i;
    for (i = 0; fixdir[i]; i++) w[n++] = fixdir[i];
#ifdef _WIN32
    w[n++] = '\\';
#else
    w[n++] = '/';
#endif
    for (i = 0; name[i]; i++) w[n++] = (WCHAR)(unsigned char)name[i];
    w[n] = 0;
    return w;
}

static const WCHAR *wide(const char *s)
{
    static WCHAR buf[4][256];
    static int next;
    WCHAR *w = buf[next++ % 4];
    size_t i;
    for (i = 0; s[i] && i < 255; i++) w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
    return w;
}

/* A string that names a file or folder is shown as its last component. */
static void add_path(pu_line *l, const WCHAR *s, size_t n)
{
    size_t i, start = 0;
    int sep = 0;
    for (i = 0; i < n; i++)
        if (s[i] == '\\' || s[i] == '/') {
            start = i + 1;
            sep = 1;
        }
    if (sep) pu_add(l, "path:");
    pu_wstr(l, s + start, n - start);
}

/* ---- registry dump ------------------------------------------------------ */

static int name_cmp(const WCHAR *a, const WCHAR *b)
{
    for (;; a++, b++) {
        WCHAR x = *a, y = *b;
        if (x >= 'a' && x <= 'z') x = (WCHAR)(x - 32);
        if (y >= 'a' && y <= 'z') y = (WCHAR)(y - 32);
        if (x != y || !x) return (int)x - (int)y;
    }
}

#define MAXN 64

static void sort_names(WCHAR (*names)[256], int n)
{
    int i, j;
    WCHAR tmp[256];
    for (i = 1; i < n; i++)
        for (j = i; j > 0 && name_cmp(names[j - 1], names[j]) > 0; j--) {
            memcpy(tmp, names[j], sizeof tmp);
            memcpy(names[j], names[j - 1], sizeof tmp);
            memcpy(names[j - 1], tmp, sizeof tmp);
        }
}

static void add_wname(pu_line *l, const WCHAR *s)
{
    for (; *s; s++) {
        if (*s >= 0x20 && *s < 0x7f) pu_add(l, "%c", (char)*s);
        else pu_add(l, "\\u%04X", (unsigned)*s);
    }
}

static const char *type_name(DWORD t)
{
    switch (t) {
    case REG_SZ: return "REG_SZ";
    case REG_EXPAND_SZ: return "REG_EXPAND_SZ";
    case REG_DWORD: return "REG_DWORD";
    case REG_BINARY: return "REG_BINARY";
    case REG_MULTI_SZ: return "REG_MULTI_SZ";
    default: return "REG_OTHER";
    }
}

/* Prints key HKCR\path, its values and its subkeys (recursively), sorted. */
static void dump_key(const char *tag, const WCHAR *path)
{
    static WCHAR names[8][MAXN][256]; /* one table per depth */
    static int depth;
    HKEY k = NULL;
    WCHAR (*tab)[256];
    int n = 0, i;
    DWORD cch;
    LONG r;

    if (depth >= 8) return;
    tab = names[depth];
    r = RegOpenKeyExW(HKEY_CLASSES_ROOT, (LPCWSTR)path, 0, KEY_READ, &k);
    begin("%s reg ", tag);
    add_wname(&key, path);
    if (r != ERROR_SUCCESS) {
        pu_add(&res, "absent");
        end();
        return;
    }
    pu_add(&res, "key");
    end();
    /* values */
    for (i = 0; n < MAXN; i++) {
        cch = 256;
        if (RegEnumValueW(k, (DWORD)i, (LPWSTR)tab[n], &cch, NULL, NULL, NULL, NULL) != ERROR_SUCCESS) break;
        n++;
    }
    sort_names(tab, n);
    for (i = 0; i < n; i++) {
        BYTE data[2048];
        DWORD type = 0, cb = sizeof data - 2;
        begin("%s reg ", tag);
        add_wname(&key, path);
        pu_add(&key, " [");
        add_wname(&key, tab[i][0] ? tab[i] : (const WCHAR *)u"@");
        pu_add(&key, "]");
        r = RegQueryValueExW(k, tab[i][0] ? (LPCWSTR)tab[i] : NULL, NULL, &type, data, &cb);
        if (r != ERROR_SUCCESS) {
            pu_add(&res, "error %ld", (long)r);
        } else {
            pu_add(&res, "%s ", type_name(type));
            if (type == REG_SZ || type == REG_EXPAND_SZ) {
                size_t len = cb / 2;
                const WCHAR *w = (const WCHAR *)data;
                while (len && !w[len - 1]) len--; /* the stored terminator */
                add_path(&res, w, len);
            } else if (type == REG_DWORD && cb == 4) {
                DWORD d;
                memcpy(&d, data, 4);
                pu_add(&res, "%lu", (unsigned long)d);
            } else {
                pu_add(&res, "%lu bytes", (unsigned long)cb);
            }
        }
        end();
    }
    /* subkeys */
    n = 0;
    for (i = 0; n < MAXN; i++) {
        cch = 256;
        if (RegEnumKeyExW(k, (DWORD)i, (LPWSTR)tab[n], &cch, NULL, NULL, NULL, NULL) != ERROR_SUCCESS) break;
        n++;
    }
    sort_names(tab, n);
    RegCloseKey(k);
    for (i = 0; i < n; i++) {
        WCHAR sub[600];
        size_t m = 0, j;
        for (j = 0; path[j] && m < 290; j++) sub[m++] = path[j];
        sub[m++] = '\\';
        for (j = 0; tab[i][j] && m < 598; j++) sub[m++] = tab[i][j];
        sub[m] = 0;
        depth++;
        dump_key(tag, sub);
        depth--;
    }
}

/* HKCR\Interface\{iid} */
static void iface_path(const GUID *g, WCHAR *out)
{
    char s[80];
    snprintf(s, sizeof s, "Interface\\{%08lX-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}", (unsigned long)g->Data1,
             g->Data2, g->Data3, g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4], g->Data4[5],
             g->Data4[6], g->Data4[7]);
    memcpy(out, wide(s), (strlen(s) + 1) * sizeof(WCHAR));
}

/* Every key of a library: TypeLib\{libid} and Interface\{iid} of each of
 * its interfaces and dispinterfaces (registered or not). */
static void dump_lib(const char *tag, ITypeLib *tl, const WCHAR *libkey)
{
    UINT i, j, n = ITypeLib_GetTypeInfoCount(tl), seen_n = 0;
    GUID seen[64];
    dump_key(tag, libkey);
    for (i = 0; i < n; i++) {
        TYPEKIND kind;
        ITypeInfo *ti = NULL;
        TYPEATTR *ta = NULL;
        WCHAR path[80];
        if (ITypeLib_GetTypeInfoType(tl, i, &kind) != S_OK) continue;
        if (kind != TKIND_INTERFACE && kind != TKIND_DISPATCH && kind != TKIND_COCLASS) continue;
        if (ITypeLib_GetTypeInfo(tl, i, &ti) != S_OK) continue;
        if (ITypeInfo_GetTypeAttr(ti, &ta) == S_OK) {
            /* widl gives imported interfaces GUID_NULL: one key, shown once */
            for (j = 0; j < seen_n && !IsEqualGUID(&seen[j], &ta->guid); j++)
                ;
            if (j == seen_n && seen_n < 64) {
                seen[seen_n++] = ta->guid;
                iface_path(&ta->guid, path);
                dump_key(tag, path);
            }
            ITypeInfo_ReleaseTypeAttr(ti, ta);
        }
        ITypeInfo_Release(ti);
    }
}

/* Removes every key a library may have written (start and end of the run). */
static void clean_lib(ITypeLib *tl, const WCHAR *libkey)
{
    UINT i, n = tl ? ITypeLib_GetTypeInfoCount(tl) : 0;
    RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)libkey);
    RegDeleteKeyW(HKEY_CLASSES_ROOT, (LPCWSTR)libkey);
    for (i = 0; i < n; i++) {
        ITypeInfo *ti = NULL;
        TYPEATTR *ta = NULL;
        WCHAR path[80];
        if (ITypeLib_GetTypeInfo(tl, i, &ti) != S_OK) continue;
        if (ITypeInfo_GetTypeAttr(ti, &ta) == S_OK) {
            iface_path(&ta->guid, path);
            RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)path);
            RegDeleteKeyW(HKEY_CLASSES_ROOT, (LPCWSTR)path);
#ifdef _WIN32
            {
                /* Wine also writes the 32-bit view of Interface keys */
                WCHAR wow[100];
                size_t m = 0, j;
                const char *pre = "Wow6432Node\\";
                for (j = 0; pre[j]; j++) wow[m++] = (WCHAR)pre[j];
                for (j = 0; path[j]; j++) wow[m++] = path[j];
                wow[m] = 0;
                RegDeleteTreeW(HKEY_CLASSES_ROOT, wow);
                RegDeleteKeyW(HKEY_CLASSES_ROOT, wow);
            }
#endif
            ITypeInfo_ReleaseTypeAttr(ti, ta);
        }
        ITypeInfo_Release(ti);
    }
}

/* Sets HKCR\<sub>'s default value. */
static void set_default(const char *sub, const char *data)
{
    HKEY k = NULL;
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, (LPCWSTR)wide(sub), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL) != 0) {
        printf("# setup failed\n");
        return;
    }
    if (data) RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)wide(data), (DWORD)(strlen(data) + 1) * 2);
    RegCloseKey(k);
}

static void out_hr(HRESULT hr)
{
    pu_hr(&res, hr);
}

/* ---- cases ---------------------------------------------------------------- */

static void query(const char *tag, const GUID *g, USHORT maj, USHORT min, LCID lcid)
{
    BSTR path = NULL;
    HRESULT hr = QueryPathOfRegTypeLib(g, maj, min, lcid, &path);
    begin("%s QueryPathOfRegTypeLib(%u.%u, lcid %lx)", tag, (unsigned)maj, (unsigned)min, (unsigned long)lcid);
    out_hr(hr);
    if (hr == S_OK) {
        pu_add(&res, " ");
        add_path(&res, path, SysStringLen(path));
    }
    end();
    SysFreeString(path);
}

static void load_reg(const char *tag, const GUID *g, WORD maj, WORD min, LCID lcid)
{
    ITypeLib *tl = NULL;
    HRESULT hr = LoadRegTypeLib(g, maj, min, lcid, &tl);
    begin("%s LoadRegTypeLib(%u.%u, lcid %lx)", tag, (unsigned)maj, (unsigned)min, (unsigned long)lcid);
    out_hr(hr);
    if (hr == S_OK && tl) {
        TLIBATTR *a = NULL;
        if (ITypeLib_GetLibAttr(tl, &a) == S_OK) {
            pu_add(&res, " version %u.%u lcid %lx syskind %d", (unsigned)a->wMajorVerNum, (unsigned)a->wMinorVerNum,
                   (unsigned long)a->lcid, (int)a->syskind);
            ITypeLib_ReleaseTLibAttr(tl, a);
        }
    }
    if (hr != S_OK) pu_add(&res, tl ? " out set" : " out NULL");
    end();
    if (tl) ITypeLib_Release(tl);
}

static void argument_cases(ITypeLib *tl)
{
    HRESULT hr;
    BSTR path = NULL;
    ITypeLib *out = NULL;

    begin("args RegisterTypeLib(NULL lib)");
    out_hr(RegisterTypeLib(NULL, (OLECHAR *)fixture("comrt_all.tlb"), NULL));
    end();
    begin("args RegisterTypeLib(NULL path)");
    out_hr(RegisterTypeLib(tl, NULL, NULL));
    end();
    begin("args RegisterTypeLibForUser(NULL lib)");
    out_hr(RegisterTypeLibForUser(NULL, (OLECHAR *)fixture("comrt_all.tlb"), NULL));
    end();
    begin("args RegisterTypeLibForUser(NULL path)");
    out_hr(RegisterTypeLibForUser(tl, NULL, NULL));
    end();
    begin("args QueryPathOfRegTypeLib(NULL out)");
    out_hr(QueryPathOfRegTypeLib(&libid_all, 3, 7, 0x409, NULL));
    end();
    begin("args QueryPathOfRegTypeLib(unregistered)");
    hr = QueryPathOfRegTypeLib(&libid_all, 3, 7, 0x409, &path);
    out_hr(hr);
    pu_add(&res, path ? " out set" : " out NULL");
    end();
    SysFreeString(path);
    begin("args LoadRegTypeLib(unregistered)");
    out = (ITypeLib *)(uintptr_t)1;
    hr = LoadRegTypeLib(&libid_all, 3, 7, 0x409, &out);
    out_hr(hr);
    pu_add(&res, out == NULL ? " out NULL" : out == (ITypeLib *)(uintptr_t)1 ? " out untouched" : " out set");
    end();
    if (hr == S_OK && out) ITypeLib_Release(out);
    begin("args UnRegisterTypeLib(unregistered)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 7, 0x409, SYS_WIN64));
    end();
    begin("args UnRegisterTypeLibForUser(unregistered)");
    out_hr(UnRegisterTypeLibForUser(&libid_all, 3, 7, 0x409, SYS_WIN64));
    end();
}

/* A library registered with a relative path: what is stored. */
static void relative_case(ITypeLib *tl)
{
    HRESULT hr = RegisterTypeLib(tl, (OLECHAR *)wide("comrt_all.tlb"), NULL);
    begin("relative RegisterTypeLib(\"comrt_all.tlb\")");
    out_hr(hr);
    end();
    dump_key("relative", LIBKEY_ALL);
    query("relative", &libid_all, 3, 7, 0x409);
    clean_lib(tl, LIBKEY_ALL);
}

static void register_cases(ITypeLib *tl, ITypeLib *tl32)
{
    HRESULT hr;

    hr = RegisterTypeLibForUser(tl, (OLECHAR *)fixture("comrt_all.tlb"), NULL);
    begin("reg64 RegisterTypeLibForUser(comrt_all.tlb, helpdir NULL)");
    out_hr(hr);
    end();
    dump_lib("reg64", tl, LIBKEY_ALL);

    /* again with a help folder: HELPDIR is rewritten */
    hr = RegisterTypeLib(tl, (OLECHAR *)fixture("comrt_all.tlb"), (OLECHAR *)wide("helpdir1"));
    begin("again RegisterTypeLib(comrt_all.tlb, \"helpdir1\")");
    out_hr(hr);
    end();
    dump_key("again", LIBKEY_ALL u"\\3.7");
    /* and without one: an existing HELPDIR stays? */
    hr = RegisterTypeLib(tl, (OLECHAR *)fixture("comrt_all.tlb"), NULL);
    begin("again2 RegisterTypeLib(comrt_all.tlb, NULL)");
    out_hr(hr);
    end();
    dump_key("again2", LIBKEY_ALL u"\\3.7");

    /* the 32-bit library, same LIBID and version: a win32 key beside win64 */
    hr = RegisterTypeLib(tl32, (OLECHAR *)fixture("comrt_all32.tlb"), NULL);
    begin("reg32 RegisterTypeLib(comrt_all32.tlb)");
    out_hr(hr);
    end();
    dump_lib("reg32", tl32, LIBKEY_ALL);
}

/* QueryPathOfRegTypeLib's version and LCID choice, on keys written by hand
 * under a LIBID of no real library (the "path" names the key it came from). */
static void query_cases(void)
{
    static const struct { const char *key, *path; } keys[] = {
        {"1.0\\0\\win64", "v1.0-0-64"},
        {"1.2\\0\\win64", "v1.2-0-64"},
        {"1.2\\409\\win32", "v1.2-409-32"},
        {"1.5\\409\\win64", "v1.5-409-64"},
        {"1.5\\9\\win64", "v1.5-9-64"},
        {"1.a\\0\\win32", "v1.a-0-32"},
        {"2.0\\407\\win64", "v2.0-407-64"},
        {"2.0\\7\\win32", "v2.0-7-32"},
        {"2.1\\0\\win16", "v2.1-0-16"},
        {"3.0\\409\\win32", "v3.0-409-32"},
        {"10.3\\0\\win64", "v10.3-0-64"},
        {"a.1\\0\\win64", "va.1-0-64"},
        {"4.0\\0\\win64", NULL}, /* a version key with an LCID key and no path */
        {"5.0", "v5.0-nolcid"},
        {"6.0\\0", "v6.0-noplatform"},
        {"junk", "vjunk"},
        {"7", "v7"},
        {"8.0.1\\0\\win64", "v8.0.1"},
    };
    static const struct { USHORT maj, min; LCID lcid; } asks[] = {
        {1, 0, 0}, {1, 0, 0x409}, {1, 1, 0}, {1, 2, 0}, {1, 2, 0x409}, {1, 2, 0x9}, {1, 3, 0}, {1, 3, 0x409},
        {1, 3, 0x809}, {1, 3, 0x9},
        {1, 3, 0x407}, {1, 5, 0}, {1, 6, 0}, {1, 10, 0}, {1, 11, 0}, {1, 0xffff, 0}, {0xffff, 0xffff, 0},
        {0xffff, 0xffff, 0x409}, {0xffff, 0, 0}, {2, 0, 0}, {2, 0, 0x407}, {2, 0, 0x807}, {2, 0, 0x7}, {2, 0, 0x409},
        {2, 1, 0}, {2, 1, 0x407}, {3, 0, 0x409}, {3, 0, 0}, {3, 0, 0x9}, {4, 0, 0}, {5, 0, 0}, {6, 0, 0},
        {7, 0, 0}, {8, 0, 0}, {9, 0, 0}, {10, 0, 0}, {10, 3, 0}, {10, 4, 0}, {0xa, 1, 0}, {0, 0, 0},
        {1, 0, 0x400}, {1, 0, 0x800}, {1, 0, 0x7f}, {1, 0, 0x10409}, {2, 0, 0x10407},
    };
    size_t i;
    char sub[200];
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        snprintf(sub, sizeof sub, "TypeLib\\{C0DE7100-0000-0000-0000-000000000002}\\%s", keys[i].key);
        set_default(sub, keys[i].path);
    }
    for (i = 0; i < sizeof asks / sizeof asks[0]; i++)
        query("query", &libid_fake, asks[i].maj, asks[i].min, asks[i].lcid);
    /* LoadRegTypeLib on paths that name no file */
    load_reg("query", &libid_fake, 1, 0, 0);
    load_reg("query", &libid_fake, 2, 0, 0x407);
    load_reg("query", &libid_fake, 4, 0, 0);
    RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)LIBKEY_FAKE);
    RegDeleteKeyW(HKEY_CLASSES_ROOT, (LPCWSTR)LIBKEY_FAKE);
}

/* The registered comrt_all: which versions/LCIDs find it, and loading. */
static void registered_cases(void)
{
    static const struct { USHORT maj, min; LCID lcid; } asks[] = {
        {3, 7, 0x409}, {3, 7, 0}, {3, 7, 0x9}, {3, 7, 0x809}, {3, 7, 0x407}, {3, 0, 0x409}, {3, 8, 0x409},
        {2, 7, 0x409}, {4, 0, 0x409}, {0xffff, 0xffff, 0x409},
    };
    size_t i;
    for (i = 0; i < sizeof asks / sizeof asks[0]; i++) {
        query("registered", &libid_all, asks[i].maj, asks[i].min, asks[i].lcid);
        load_reg("registered", &libid_all, asks[i].maj, asks[i].min, asks[i].lcid);
    }
    /* a version key that names the real file but a higher version than the file's */
    set_default("TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000100}\\3.9\\0\\win64", NULL);
    {
        HKEY k = NULL;
        const WCHAR *p = fixture("comrt_all.tlb");
        DWORD n = 0;
        while (p[n]) n++;
        if (RegOpenKeyExW(HKEY_CLASSES_ROOT, (LPCWSTR)LIBKEY_ALL u"\\3.9\\0\\win64", 0, KEY_ALL_ACCESS, &k) == 0) {
            RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)p, (n + 1) * 2);
            RegCloseKey(k);
        }
    }
    query("mismatch", &libid_all, 3, 9, 0);
    load_reg("mismatch", &libid_all, 3, 9, 0);
    load_reg("mismatch", &libid_all, 3, 8, 0);
    RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)LIBKEY_ALL u"\\3.9");
    RegDeleteKeyW(HKEY_CLASSES_ROOT, (LPCWSTR)LIBKEY_ALL u"\\3.9");
}

static void unregister_cases(ITypeLib *tl, ITypeLib *tl32)
{
    /* wrong version / lcid / syskind first */
    begin("unreg UnRegisterTypeLib(3.6, 409, win64)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 6, 0x409, SYS_WIN64));
    end();
    begin("unreg UnRegisterTypeLib(3.7, 0, win64)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 7, 0, SYS_WIN64));
    end();
    begin("unreg UnRegisterTypeLib(3.7, 407, win64)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 7, 0x407, SYS_WIN64));
    end();
    begin("unreg UnRegisterTypeLib(3.7, 409, win16)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 7, 0x409, SYS_WIN16));
    end();
    /* a second version registered by hand must survive */
    set_default("TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000100}\\3.1\\0\\win64", "other-version.tlb");
    /* the 32-bit registration goes; Interface keys follow the library */
    begin("unreg UnRegisterTypeLib(3.7, 409, win32)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 7, 0x409, SYS_WIN32));
    end();
    dump_lib("unreg32", tl32, LIBKEY_ALL);
    /* re-register the interfaces (the 64-bit library), then unregister it */
    RegisterTypeLib(tl, (OLECHAR *)fixture("comrt_all.tlb"), NULL);
    begin("unreg UnRegisterTypeLibForUser(3.7, 409, win64)");
    out_hr(UnRegisterTypeLibForUser(&libid_all, 3, 7, 0x409, SYS_WIN64));
    end();
    dump_lib("unreg64", tl, LIBKEY_ALL);
    begin("unreg again UnRegisterTypeLib(3.7, 409, win64)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 7, 0x409, SYS_WIN64));
    end();
    begin("unreg UnRegisterTypeLib(3.1, 0, win64) (file missing)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 1, 0, SYS_WIN64));
    end();
    dump_key("unreg31", LIBKEY_ALL);
    clean_lib(tl, LIBKEY_ALL);

    /* unregistering when the library file is gone from the path */
    RegisterTypeLib(tl, (OLECHAR *)fixture("no-such-file.tlb"), NULL);
    begin("unreg missing-file UnRegisterTypeLib(3.7, 409, win64)");
    out_hr(UnRegisterTypeLib(&libid_all, 3, 7, 0x409, SYS_WIN64));
    end();
    dump_lib("unregmissing", tl, LIBKEY_ALL);
    clean_lib(tl, LIBKEY_ALL);
}

/* Libraries from CreateTypeLib2: no doc string (the name is the default
 * value), SYS_WIN32, LCID 0x407, flags, and other SYSKINDs. */
static void created_cases(void)
{
    static const SYSKIND kinds[] = {SYS_WIN32, SYS_WIN64, SYS_WIN16, SYS_MAC};
    static const char *const kind_names[] = {"win32", "win64", "win16", "mac"};
    char tag[64];
    size_t i;
    for (i = 0; i < 4; i++) {
        ICreateTypeLib2 *ctl = NULL;
        ITypeLib *tl = NULL;
        HRESULT hr = CreateTypeLib2(kinds[i], (LPCOLESTR)wide("created.tlb"), &ctl);
        if (hr != S_OK) {
            begin("created %s CreateTypeLib2", kind_names[i]);
            out_hr(hr);
            end();
            continue;
        }
        ICreateTypeLib2_SetGuid(ctl, &libid_made);
        ICreateTypeLib2_SetName(ctl, (LPOLESTR)wide("MadeLib"));
        ICreateTypeLib2_SetVersion(ctl, 0x12, 0xab);
        ICreateTypeLib2_SetLcid(ctl, 0x407);
        ICreateTypeLib2_SetLibFlags(ctl, LIBFLAG_FRESTRICTED | LIBFLAG_FHIDDEN);
        ICreateTypeLib2_QueryInterface(ctl, &IID_ITypeLib, (void **)&tl);
        hr = RegisterTypeLib(tl, (OLECHAR *)fixture("created.tlb"), (OLECHAR *)wide("made-help"));
        begin("created %s RegisterTypeLib", kind_names[i]);
        out_hr(hr);
        end();
        snprintf(tag, sizeof tag, "created %s", kind_names[i]);
        /* A SYSKIND with no platform key fails (E_FAIL) after oleaut32 has
         * written the version key and its name; comrt writes all or nothing
         * (one transaction), so only the path key is compared there. */
        if (kinds[i] == SYS_MAC) dump_key(tag, LIBKEY_MADE u"\\12.ab\\407");
        else dump_key(tag, LIBKEY_MADE);
        query(tag, &libid_made, 0x12, 0xab, 0x407);
        query(tag, &libid_made, 0x12, 0, 0);
        begin("created %s UnRegisterTypeLib", kind_names[i]);
        out_hr(UnRegisterTypeLib(&libid_made, 0x12, 0xab, 0x407, kinds[i]));
        end();
        snprintf(tag, sizeof tag, "created %s after unregister", kind_names[i]);
        if (kinds[i] == SYS_MAC) dump_key(tag, LIBKEY_MADE u"\\12.ab\\407");
        else dump_key(tag, LIBKEY_MADE);
        RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)LIBKEY_MADE);
        RegDeleteKeyW(HKEY_CLASSES_ROOT, (LPCWSTR)LIBKEY_MADE);
        ITypeLib_Release(tl);
        ICreateTypeLib2_Release(ctl);
    }
}

int main(void)
{
    ITypeLib *tl = NULL, *tl32 = NULL, *base = NULL;
    HRESULT hr;

    pu_start("tlbreg");
    find_fixtures();
    hr = LoadTypeLibEx((LPCOLESTR)fixture("comrt_all.tlb"), REGKIND_NONE, &tl);
    if (hr == S_OK) hr = LoadTypeLibEx((LPCOLESTR)fixture("comrt_all32.tlb"), REGKIND_NONE, &tl32);
    if (hr == S_OK) hr = LoadTypeLibEx((LPCOLESTR)fixture("comrt_base.tlb"), REGKIND_NONE, &base);
    if (hr != S_OK) {
        printf("# cannot load the fixtures: %08lX\n", (unsigned long)hr);
        return 1;
    }
    clean_lib(tl, LIBKEY_ALL);
    clean_lib(base, LIBKEY_BASE);

    argument_cases(tl);
    relative_case(tl);
    register_cases(tl, tl32);
    registered_cases();
    unregister_cases(tl, tl32);
    query_cases();
    created_cases();

    clean_lib(tl, LIBKEY_ALL);
    clean_lib(tl32, LIBKEY_ALL);
    clean_lib(base, LIBKEY_BASE);
    clean_lib(NULL, LIBKEY_FAKE);
    clean_lib(NULL, LIBKEY_MADE);
    ITypeLib_Release(base);
    ITypeLib_Release(tl32);
    ITypeLib_Release(tl);
    fflush(stdout);
    return 0;
}
