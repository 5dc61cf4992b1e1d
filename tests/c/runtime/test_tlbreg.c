/*
 * test_tlbreg.c — registered type libraries on scratch registries:
 * RegisterTypeLib(ForUser) of the widl fixtures and of CreateTypeLib2
 * libraries (keys, values, which interfaces get Interface keys and with
 * which proxy/stub class, HELPDIR rules, SYSKIND errors, a write that fails
 * part-way leaves nothing), QueryPathOfRegTypeLib's version and LCID
 * choice, LoadRegTypeLib (the cache, the version check), UnRegisterTypeLib
 * (other versions and foreign Interface keys stay), LoadTypeLibEx's
 * REGKIND_REGISTER/REGKIND_DEFAULT, ITypeInfo::CreateInstance.  What Wine
 * also answers is in tests/golden/tlbreg.txt.
 */
#define COBJMACROS
#include "../comrt_test.h"
#include "reg_test_util.h"
#include "../typelib/tlb_fixture.h"

#include <sys/stat.h>
#include <unistd.h>

static const GUID LIBID_ALL = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x00}};
static const GUID LIBID_MADE = {0xC0DE7100, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0x01}};
static const GUID LIBID_FAKE = {0xC0DE7100, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0x02}};
static const GUID IID_MADE_DISP = {0xC0DE7100, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0x11}};
static const GUID IID_MADE_AUTO = {0xC0DE7100, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0x12}};
static const GUID IID_MADE_PLAIN = {0xC0DE7100, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0x13}};
#define LIBKEY_ALL "TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000100}"
#define LIBKEY_MADE "TypeLib\\{C0DE7100-0000-0000-0000-000000000001}"
#define LIBKEY_FAKE "TypeLib\\{C0DE7100-0000-0000-0000-000000000002}"
#define IFACE(n) "Interface\\{6A2F1C00-0B1E-4C5A-9F00-000000000" n "}"
#define PS_OA "{00020424-0000-0000-C000-000000000046}"
#define PS_DISP "{00020420-0000-0000-C000-000000000046}"

/* ---- registry helpers ---------------------------------------------------- */

/* UTF-16 -> ASCII (tests only compare ASCII) */
static void narrow(const WCHAR *w, char *out, size_t cap)
{
    size_t i;
    for (i = 0; w[i] && i + 1 < cap; i++) out[i] = w[i] < 0x80 ? (char)w[i] : '?';
    out[i] = 0;
}

/* HKCR\path's value `name` (NULL: default) as ASCII into out; 1 if it exists. */
static int get_sz(const char *path, const char *name, char *out, size_t cap)
{
    HKEY k = NULL;
    WCHAR buf[2048];
    DWORD type = 0, cb = sizeof buf - sizeof(WCHAR);
    int ok = 0;
    out[0] = 0;
    if (RegOpenKeyExW(HKEY_CLASSES_ROOT, W(path), 0, KEY_READ, &k) != 0) return 0;
    if (RegQueryValueExW(k, name ? W(name) : NULL, NULL, &type, (BYTE *)buf, &cb) == 0 && type == REG_SZ) {
        buf[cb / sizeof(WCHAR)] = 0;
        narrow(buf, out, cap);
        ok = 1;
    }
    RegCloseKey(k);
    return ok;
}

static int key_exists(const char *path)
{
    HKEY k = NULL;
    if (RegOpenKeyExW(HKEY_CLASSES_ROOT, W(path), 0, KEY_READ, &k) != 0) return 0;
    RegCloseKey(k);
    return 1;
}

static void set_sz(const char *path, const char *data)
{
    HKEY k = NULL;
    LONG r = RegCreateKeyExW(HKEY_CLASSES_ROOT, W(path), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
    CHECK_MSG(r == 0, "create %s: %d", path, (int)r);
    if (r) return;
    if (data) CHECK_INT(RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)W(data), (DWORD)(strlen(data) + 1) * 2), 0);
    RegCloseKey(k);
}

#define CHECK_SZ(path, name, want)                                                                                \
    do {                                                                                                          \
        char got_[2048];                                                                                          \
        int ok_ = get_sz(path, name, got_, sizeof got_);                                                          \
        CHECK_MSG(ok_ && !strcmp(got_, want), "%s [%s] = %s%s%s, expected \"%s\"", path, name ? name : "@",     \
                  ok_ ? "\"" : "", ok_ ? got_ : "(missing)", ok_ ? "\"" : "", want);                             \
    } while (0)

static const char *fixture_a(const char *name)
{
    static char buf[4][PATH_MAX + 64];
    static int next;
    char *b = buf[next++ & 3];
    snprintf(b, PATH_MAX + 64, "%s/%s", tlb_fixture_dir(), name);
    return b;
}

static ITypeLib *load(const char *name)
{
    ITypeLib *tl = NULL;
    CHECK_HR(LoadTypeLibEx(tlb_fixture(name), REGKIND_NONE, &tl), S_OK);
    return tl;
}

static char *query(const GUID *g, USHORT maj, USHORT min, LCID lcid, HRESULT want)
{
    static char out[4096];
    BSTR path = NULL;
    HRESULT hr = QueryPathOfRegTypeLib(g, maj, min, lcid, &path);
    CHECK_MSG(hr == want, "QueryPathOfRegTypeLib(%x.%x, %x) = %08x, expected %08x", maj, min, (unsigned)lcid,
              (unsigned)hr, (unsigned)want);
    out[0] = 0;
    if (hr == S_OK) narrow(path, out, sizeof out);
    else CHECK(path == NULL);
    SysFreeString(path);
    return out;
}

#define CHECK_QUERY(g, maj, min, lcid, want)                                                                      \
    do {                                                                                                          \
        const char *q_ = query(g, maj, min, lcid, S_OK);                                                          \
        CHECK_MSG(!strcmp(q_, want), "QueryPathOfRegTypeLib(%x.%x, %x) = \"%s\", expected \"%s\"", maj, min,   \
                  (unsigned)(lcid), q_, want);                                                                    \
    } while (0)

/* ---- tests ------------------------------------------------------------------ */

TEST(register_fixture)
{
    ITypeLib *tl;
    reg_test_fresh();
    tl = load("comrt_all.tlb");
    CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), NULL), S_OK);
    CHECK_SZ(LIBKEY_ALL "\\3.7", NULL, "comrt every-construct test library");
    CHECK_SZ(LIBKEY_ALL "\\3.7\\409\\win64", NULL, fixture_a("comrt_all.tlb"));
    CHECK_SZ(LIBKEY_ALL "\\3.7\\FLAGS", NULL, "10");
    CHECK_SZ(LIBKEY_ALL "\\3.7\\HELPDIR", NULL, tlb_fixture_dir());
    /* the dual interface, both dispinterfaces, the [oleautomation] one */
    CHECK_SZ(IFACE("107"), NULL, "IAllDual");
    CHECK_SZ(IFACE("107") "\\ProxyStubClsid", NULL, PS_OA);
    CHECK_SZ(IFACE("107") "\\ProxyStubClsid32", NULL, PS_OA);
    CHECK_SZ(IFACE("107") "\\TypeLib", NULL, "{6A2F1C00-0B1E-4C5A-9F00-000000000100}");
    CHECK_SZ(IFACE("107") "\\TypeLib", "Version", "3.7");
    CHECK_SZ(IFACE("108"), NULL, "DAllEvents");
    CHECK_SZ(IFACE("108") "\\ProxyStubClsid32", NULL, PS_DISP);
    CHECK_SZ(IFACE("109") "\\ProxyStubClsid", NULL, PS_DISP);
    CHECK_SZ(IFACE("10A"), NULL, "IDerived");
    CHECK_SZ(IFACE("10A") "\\ProxyStubClsid32", NULL, PS_OA);
    CHECK_SZ(IFACE("10B") "\\ProxyStubClsid32", NULL, PS_OA);
    /* a plain custom interface and the coclasses get none */
    CHECK(!key_exists(IFACE("106")));
    CHECK(!key_exists(IFACE("10C")));
    CHECK(!key_exists("CLSID\\{6A2F1C00-0B1E-4C5A-9F00-00000000010C}"));

    /* HELPDIR: a given folder replaces it; NULL keeps what is there */
    CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), W("/opt/help")), S_OK);
    CHECK_SZ(LIBKEY_ALL "\\3.7\\HELPDIR", NULL, "/opt/help");
    CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), NULL), S_OK);
    CHECK_SZ(LIBKEY_ALL "\\3.7\\HELPDIR", NULL, "/opt/help");

    /* the 32-bit build of the same library lands beside it */
    {
        ITypeLib *tl32 = load("comrt_all32.tlb");
        CHECK_HR(RegisterTypeLib(tl32, tlb_fixture("comrt_all32.tlb"), NULL), S_OK);
        CHECK_SZ(LIBKEY_ALL "\\3.7\\409\\win32", NULL, fixture_a("comrt_all32.tlb"));
        CHECK_SZ(LIBKEY_ALL "\\3.7\\409\\win64", NULL, fixture_a("comrt_all.tlb"));
        ITypeLib_Release(tl32);
    }

    /* relative paths are stored as given; HELPDIR is then the whole name */
    reg_test_fresh();
    CHECK_HR(RegisterTypeLib(tl, W("rel.tlb"), NULL), S_OK);
    CHECK_SZ(LIBKEY_ALL "\\3.7\\409\\win64", NULL, "rel.tlb");
    CHECK_SZ(LIBKEY_ALL "\\3.7\\HELPDIR", NULL, "rel.tlb");
    /* a resource number is not part of the folder */
    reg_test_fresh();
    CHECK_HR(RegisterTypeLib(tl, W("/x/y/lib.dll\\3"), NULL), S_OK);
    CHECK_SZ(LIBKEY_ALL "\\3.7\\409\\win64", NULL, "/x/y/lib.dll\\3");
    CHECK_SZ(LIBKEY_ALL "\\3.7\\HELPDIR", NULL, "/x/y");

    CHECK_HR(RegisterTypeLib(NULL, W("/x"), NULL), E_INVALIDARG);
    CHECK_HR(RegisterTypeLib(tl, NULL, NULL), E_INVALIDARG);
    CHECK_HR(RegisterTypeLibForUser(NULL, (OLECHAR *)W("/x"), NULL), E_INVALIDARG);
    CHECK_HR(RegisterTypeLibForUser(tl, NULL, NULL), E_INVALIDARG);
    CHECK_INT(ITypeLib_Release(tl), 0);
}

TEST(register_for_user)
{
    ITypeLib *tl;
    HKEY k = NULL;
    reg_test_fresh();
    /* nothing registered for the user yet (no Software\Classes at all) */
    CHECK_HR(UnRegisterTypeLibForUser(&LIBID_ALL, 3, 7, 0x409, SYS_WIN64), E_INVALIDARG);
    tl = load("comrt_base.tlb");
    CHECK_HR(RegisterTypeLibForUser(tl, (OLECHAR *)tlb_fixture("comrt_base.tlb"), NULL), S_OK);
    /* written in HKCU\Software\Classes, seen through HKCR */
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\Classes\\TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000001}"),
                            0, KEY_READ, &k),
              0);
    if (k) RegCloseKey(k);
    CHECK(strstr(query(&(GUID){0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0, 0, 0, 0, 0, 0, 1}}, 2, 5, 0x409, S_OK),
                 "comrt_base.tlb") != NULL);
    CHECK_HR(UnRegisterTypeLibForUser(&(GUID){0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0, 0, 0, 0, 0, 0, 1}}, 2, 5,
                                      0x409, SYS_WIN64),
             S_OK);
    CHECK(!key_exists("TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000001}"));
    CHECK_INT(ITypeLib_Release(tl), 0);
}

/* A library made with CreateTypeLib2: a dispinterface, an [oleautomation]
 * interface and a plain one; no doc string. */
static ITypeLib *made_lib(SYSKIND sk)
{
    ICreateTypeLib2 *ctl = NULL;
    ICreateTypeInfo *cti = NULL;
    ITypeLib *tl = NULL, *std = NULL;
    ITypeInfo *unk = NULL;
    HREFTYPE href = 0;
    static const struct { const char *name; TYPEKIND kind; const GUID *iid; UINT flags; } types[] = {
        {"DMade", TKIND_DISPATCH, &IID_MADE_DISP, 0},
        {"IMadeAuto", TKIND_INTERFACE, &IID_MADE_AUTO, TYPEFLAG_FOLEAUTOMATION},
        {"IMadePlain", TKIND_INTERFACE, &IID_MADE_PLAIN, 0},
    };
    size_t i;

    if (CreateTypeLib2(sk, W("made.tlb"), &ctl) != S_OK) return NULL;
    CHECK_HR(ICreateTypeLib2_SetGuid(ctl, &LIBID_MADE), S_OK);
    CHECK_HR(ICreateTypeLib2_SetName(ctl, (LPOLESTR)W("MadeLib")), S_OK);
    CHECK_HR(ICreateTypeLib2_SetVersion(ctl, 0x12, 0xab), S_OK);
    CHECK_HR(ICreateTypeLib2_SetLcid(ctl, 0x407), S_OK);
    CHECK_HR(ICreateTypeLib2_SetLibFlags(ctl, LIBFLAG_FRESTRICTED | LIBFLAG_FHIDDEN), S_OK);
    CHECK_HR(LoadTypeLibEx(tlb_fixture("stdole2.tlb"), REGKIND_NONE, &std), S_OK);
    if (std) CHECK_HR(ITypeLib_GetTypeInfoOfGuid(std, &IID_IUnknown, &unk), S_OK);
    for (i = 0; i < sizeof types / sizeof types[0]; i++) {
        CHECK_HR(ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)W(types[i].name), types[i].kind, &cti), S_OK);
        if (!cti) continue;
        CHECK_HR(ICreateTypeInfo_SetGuid(cti, types[i].iid), S_OK);
        if (types[i].flags) CHECK_HR(ICreateTypeInfo_SetTypeFlags(cti, types[i].flags), S_OK);
        if (types[i].kind == TKIND_INTERFACE && unk) {
            CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, unk, &href), S_OK);
            CHECK_HR(ICreateTypeInfo_AddImplType(cti, 0, href), S_OK);
        }
        ICreateTypeInfo_Release(cti);
        cti = NULL;
    }
    if (unk) ITypeInfo_Release(unk);
    if (std) ITypeLib_Release(std);
    CHECK_HR(ICreateTypeLib2_QueryInterface(ctl, &IID_ITypeLib, (void **)&tl), S_OK);
    ICreateTypeLib2_Release(ctl);
    return tl;
}

TEST(register_created)
{
    ITypeLib *tl;
    reg_test_fresh();
    tl = made_lib(SYS_WIN32);
    if (!tl) return;
    CHECK_HR(RegisterTypeLib(tl, W("/somewhere/made.tlb"), NULL), S_OK);
    CHECK_SZ(LIBKEY_MADE "\\12.ab", NULL, "MadeLib"); /* the name when there is no doc string */
    CHECK_SZ(LIBKEY_MADE "\\12.ab\\407\\win32", NULL, "/somewhere/made.tlb");
    CHECK_SZ(LIBKEY_MADE "\\12.ab\\FLAGS", NULL, "5");
    CHECK_SZ(LIBKEY_MADE "\\12.ab\\HELPDIR", NULL, "/somewhere");
    CHECK_SZ("Interface\\{C0DE7100-0000-0000-0000-000000000011}", NULL, "DMade");
    CHECK_SZ("Interface\\{C0DE7100-0000-0000-0000-000000000011}\\ProxyStubClsid32", NULL, PS_DISP);
    CHECK_SZ("Interface\\{C0DE7100-0000-0000-0000-000000000012}\\ProxyStubClsid32", NULL, PS_OA);
    CHECK_SZ("Interface\\{C0DE7100-0000-0000-0000-000000000012}\\TypeLib", "Version", "12.ab");
    CHECK(!key_exists("Interface\\{C0DE7100-0000-0000-0000-000000000013}"));
    /* a 64-bit process finds the win32 registration */
    CHECK_QUERY(&LIBID_MADE, 0x12, 0xab, 0x407, "/somewhere/made.tlb");
    /* the file does not exist: unregistering cannot list its interfaces */
    CHECK_HR(UnRegisterTypeLib(&LIBID_MADE, 0x12, 0xab, 0x407, SYS_WIN32), TYPE_E_INVALIDSTATE);
    CHECK(key_exists(LIBKEY_MADE "\\12.ab\\407\\win32"));
    CHECK_INT(ITypeLib_Release(tl), 0);

    /* a SYSKIND with no platform key: E_FAIL, nothing written */
    reg_test_fresh();
    tl = made_lib(SYS_MAC);
    if (tl) {
        CHECK_HR(RegisterTypeLib(tl, W("/somewhere/made.tlb"), NULL), E_FAIL);
        CHECK(!key_exists(LIBKEY_MADE));
        CHECK(!key_exists("Interface\\{C0DE7100-0000-0000-0000-000000000011}"));
        CHECK_INT(ITypeLib_Release(tl), 0);
    }
    CHECK_HR(UnRegisterTypeLib(&LIBID_MADE, 0x12, 0xab, 0x407, SYS_MAC), E_INVALIDARG);
}

/* One registration is one transaction: a write that fails after others
 * (an oversized HELPDIR value, past the registry's data cap) leaves no key. */
TEST(register_is_atomic)
{
    ITypeLib *tl;
    size_t n = (COMRT_REG_MAX_DATA / sizeof(WCHAR)) + 16, i;
    WCHAR *huge = malloc((n + 1) * sizeof(WCHAR));
    reg_test_fresh();
    tl = load("comrt_all.tlb");
    CHECK(huge != NULL);
    if (huge && tl) {
        for (i = 0; i < n; i++) huge[i] = 'h';
        huge[n] = 0;
        CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), huge), TYPE_E_REGISTRYACCESS);
        CHECK(!key_exists(LIBKEY_ALL));
        CHECK(!key_exists(IFACE("107")));
        /* and a registry that cannot be written at all */
        setenv("COMRT_REGISTRY", "/dev/null/registry.db", 1);
        comrt__reg_reset();
        CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), NULL), TYPE_E_REGISTRYACCESS);
        CHECK_HR(RegisterTypeLibForUser(tl, (OLECHAR *)tlb_fixture("comrt_all.tlb"), NULL), TYPE_E_REGISTRYACCESS);
        {
            ITypeLib *again = (ITypeLib *)1;
            CHECK_HR(LoadTypeLibEx(tlb_fixture("comrt_all.tlb"), REGKIND_REGISTER, &again), TYPE_E_REGISTRYACCESS);
            CHECK(again == NULL);
        }
    }
    free(huge);
    if (tl) CHECK_INT(ITypeLib_Release(tl), 0);
}

TEST(query_versions_and_lcids)
{
    reg_test_fresh();
    set_sz(LIBKEY_FAKE "\\1.0\\0\\win64", "v1.0");
    set_sz(LIBKEY_FAKE "\\1.2\\0\\win64", "v1.2");
    set_sz(LIBKEY_FAKE "\\1.2\\409\\win32", "v1.2-409-32");
    set_sz(LIBKEY_FAKE "\\1.5\\409\\win64", "v1.5-409");
    set_sz(LIBKEY_FAKE "\\1.a\\0\\win32", "v1.a-32");
    set_sz(LIBKEY_FAKE "\\2.0\\407\\win64", "v2.0-407");
    set_sz(LIBKEY_FAKE "\\2.0\\7\\win32", "v2.0-7-32");
    set_sz(LIBKEY_FAKE "\\2.1\\0\\win16", "v2.1-16");
    set_sz(LIBKEY_FAKE "\\3.0\\9\\win64", "v3.0-9");
    set_sz(LIBKEY_FAKE "\\4.0\\0\\win64", NULL);
    set_sz(LIBKEY_FAKE "\\5.0", "no-lcid");
    set_sz(LIBKEY_FAKE "\\junk", "junk");
    set_sz(LIBKEY_FAKE "\\8.0.1\\0\\win64", "v8.0.1");

    /* the exact minor, else the highest minor >= the one asked */
    CHECK_QUERY(&LIBID_FAKE, 1, 0, 0, "v1.0");
    CHECK_QUERY(&LIBID_FAKE, 1, 2, 0, "v1.2");
    CHECK_QUERY(&LIBID_FAKE, 1, 1, 0, "v1.a-32");
    CHECK_QUERY(&LIBID_FAKE, 1, 10, 0, "v1.a-32");
    query(&LIBID_FAKE, 1, 11, 0, TYPE_E_LIBNOTREGISTERED);
    /* the version is chosen before the LCID: 1.5 has no LCID 0 */
    query(&LIBID_FAKE, 1, 5, 0, TYPE_E_LIBNOTREGISTERED);
    CHECK_QUERY(&LIBID_FAKE, 1, 5, 0x409, "v1.5-409");
    /* LCID fallback: the language-neutral one, then 0; win64 before win32 */
    CHECK_QUERY(&LIBID_FAKE, 1, 0, 0x409, "v1.0");
    CHECK_QUERY(&LIBID_FAKE, 1, 2, 0x409, "v1.2");
    CHECK_QUERY(&LIBID_FAKE, 3, 0, 0x409, "v3.0-9");
    CHECK_QUERY(&LIBID_FAKE, 3, 0, 0x809, "v3.0-9");
    query(&LIBID_FAKE, 3, 0, 0, TYPE_E_LIBNOTREGISTERED);
    CHECK_QUERY(&LIBID_FAKE, 2, 0, 0x407, "v2.0-407");
    CHECK_QUERY(&LIBID_FAKE, 2, 0, 0x807, "v2.0-7-32");
    CHECK_QUERY(&LIBID_FAKE, 2, 0, 0x7, "v2.0-7-32");
    query(&LIBID_FAKE, 2, 0, 0, TYPE_E_LIBNOTREGISTERED);
    query(&LIBID_FAKE, 2, 1, 0, TYPE_E_LIBNOTREGISTERED); /* win16 only */
    /* a path key without a value answers "" */
    CHECK_QUERY(&LIBID_FAKE, 4, 0, 0, "");
    query(&LIBID_FAKE, 5, 0, 0, TYPE_E_LIBNOTREGISTERED);
    query(&LIBID_FAKE, 8, 0, 0, TYPE_E_LIBNOTREGISTERED);
    query(&LIBID_FAKE, 9, 0, 0, TYPE_E_LIBNOTREGISTERED);
    query(&LIBID_ALL, 1, 0, 0, TYPE_E_LIBNOTREGISTERED);
    /* 0xFFFF.0xFFFF: the highest major and the highest minor (here 8.a) */
    query(&LIBID_FAKE, 0xffff, 0xffff, 0, TYPE_E_LIBNOTREGISTERED);
    set_sz(LIBKEY_FAKE "\\8.a\\0\\win64", "v8.a");
    CHECK_QUERY(&LIBID_FAKE, 0xffff, 0xffff, 0, "v8.a");
    CHECK_HR(QueryPathOfRegTypeLib(&LIBID_FAKE, 1, 0, 0, NULL), E_INVALIDARG);
    CHECK_HR(QueryPathOfRegTypeLib(NULL, 1, 0, 0, &(BSTR){NULL}), TYPE_E_LIBNOTREGISTERED);
}

TEST(load_registered)
{
    ITypeLib *tl, *reg = NULL, *direct = NULL;
    TLIBATTR *attr = NULL;
    reg_test_fresh();
    tl = load("comrt_all.tlb");
    CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), NULL), S_OK);
    CHECK_HR(LoadRegTypeLib(&LIBID_ALL, 3, 7, 0x409, &reg), S_OK);
    CHECK(reg == tl); /* the load cache: the same live object */
    if (reg) ITypeLib_Release(reg);
    CHECK_HR(LoadRegTypeLib(&LIBID_ALL, 3, 0, 0x409, &reg), S_OK);
    if (reg) {
        CHECK_HR(ITypeLib_GetLibAttr(reg, &attr), S_OK);
        if (attr) CHECK_INT(attr->wMinorVerNum, 7);
        if (attr) ITypeLib_ReleaseTLibAttr(reg, attr);
        ITypeLib_Release(reg);
    }
    reg = (ITypeLib *)1;
    CHECK_HR(LoadRegTypeLib(&LIBID_ALL, 3, 8, 0x409, &reg), TYPE_E_LIBNOTREGISTERED);
    CHECK(reg == NULL);
    /* a registration that names a file of another version does not count */
    set_sz(LIBKEY_ALL "\\3.9\\0\\win64", fixture_a("comrt_all.tlb"));
    CHECK(strlen(query(&LIBID_ALL, 3, 9, 0, S_OK)) > 0);
    reg = (ITypeLib *)1;
    CHECK_HR(LoadRegTypeLib(&LIBID_ALL, 3, 9, 0, &reg), TYPE_E_LIBNOTREGISTERED);
    CHECK(reg == NULL);
    /* a path naming no file: LoadTypeLib's error */
    set_sz(LIBKEY_FAKE "\\1.0\\0\\win64", "/no/such/file.tlb");
    CHECK_HR(LoadRegTypeLib(&LIBID_FAKE, 1, 0, 0, &reg), TYPE_E_CANTLOADLIBRARY);
    CHECK_HR(LoadRegTypeLib(&LIBID_FAKE, 1, 0, 0, NULL), E_INVALIDARG);
    /* LoadRegTypeLib of a registration made while nothing holds the library */
    CHECK_INT(ITypeLib_Release(tl), 0);
    CHECK_HR(LoadRegTypeLib(&LIBID_ALL, 3, 7, 0x409, &direct), S_OK);
    if (direct) CHECK_INT(ITypeLib_Release(direct), 0);
}

TEST(unregister)
{
    ITypeLib *tl, *tl32;
    reg_test_fresh();
    tl = load("comrt_all.tlb");
    tl32 = load("comrt_all32.tlb");
    CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), NULL), S_OK);
    CHECK_HR(RegisterTypeLib(tl32, tlb_fixture("comrt_all32.tlb"), NULL), S_OK);
    set_sz(LIBKEY_ALL "\\3.1\\0\\win64", "other-version.tlb");
    /* not registered so: E_INVALIDARG, nothing removed */
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 6, 0x409, SYS_WIN64), E_INVALIDARG);
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 7, 0, SYS_WIN64), E_INVALIDARG);
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 7, 0x409, SYS_WIN16), E_INVALIDARG);
    CHECK_HR(UnRegisterTypeLib(NULL, 3, 7, 0x409, SYS_WIN64), E_INVALIDARG);
    CHECK(key_exists(IFACE("107")));

    /* an Interface key that now belongs to another library stays */
    set_sz(IFACE("10A") "\\TypeLib", "{C0DE7100-0000-0000-0000-000000000002}");
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 7, 0x409, SYS_WIN32), S_OK);
    CHECK(!key_exists(LIBKEY_ALL "\\3.7\\409\\win32"));
    CHECK(key_exists(LIBKEY_ALL "\\3.7\\409\\win64"));
    CHECK_SZ(LIBKEY_ALL "\\3.7\\FLAGS", NULL, "10");
    CHECK(!key_exists(IFACE("107")));
    CHECK(!key_exists(IFACE("108")));
    CHECK(key_exists(IFACE("10A")));

    CHECK_HR(RegisterTypeLib(tl, tlb_fixture("comrt_all.tlb"), NULL), S_OK);
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 7, 0x409, SYS_WIN64), S_OK);
    CHECK(!key_exists(LIBKEY_ALL "\\3.7"));
    CHECK_SZ(LIBKEY_ALL "\\3.1\\0\\win64", NULL, "other-version.tlb");
    CHECK(!key_exists(IFACE("107")));
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 7, 0x409, SYS_WIN64), E_INVALIDARG);
    /* the other version's file does not exist */
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 1, 0, SYS_WIN64), TYPE_E_INVALIDSTATE);
    /* the last version gone: the LIBID key goes too */
    set_sz(LIBKEY_ALL "\\3.1\\0\\win64", fixture_a("comrt_all.tlb"));
    CHECK_HR(UnRegisterTypeLib(&LIBID_ALL, 3, 1, 0, SYS_WIN64), S_OK);
    CHECK(!key_exists(LIBKEY_ALL));
    CHECK_INT(ITypeLib_Release(tl32), 0);
    CHECK_INT(ITypeLib_Release(tl), 0);
}

TEST(load_typelib_ex_registers)
{
    ITypeLib *tl = NULL;
    char cwd[PATH_MAX];
    reg_test_fresh();
    CHECK_HR(LoadTypeLibEx(tlb_fixture("comrt_all.tlb"), REGKIND_NONE, &tl), S_OK);
    CHECK(!key_exists(LIBKEY_ALL));
    if (tl) ITypeLib_Release(tl);
    CHECK_HR(LoadTypeLibEx(tlb_fixture("comrt_all.tlb"), REGKIND_DEFAULT, &tl), S_OK);
    CHECK(!key_exists(LIBKEY_ALL)); /* an absolute path: not registered */
    if (tl) ITypeLib_Release(tl);
    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &tl), S_OK);
    CHECK(!key_exists(LIBKEY_ALL));
    if (tl) ITypeLib_Release(tl);
    CHECK_HR(LoadTypeLibEx(tlb_fixture("comrt_all.tlb"), REGKIND_REGISTER, &tl), S_OK);
    CHECK_SZ(LIBKEY_ALL "\\3.7\\409\\win64", NULL, fixture_a("comrt_all.tlb"));
    CHECK(key_exists(IFACE("107")));
    if (tl) ITypeLib_Release(tl);

    /* a bare name (REGKIND_DEFAULT) is registered by its full path */
    reg_test_fresh();
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK_INT(chdir(tlb_fixture_dir()), 0);
    CHECK_HR(LoadTypeLib(W("comrt_base.tlb"), &tl), S_OK);
    CHECK_SZ("TypeLib\\{6A2F1C00-0B1E-4C5A-9F00-000000000001}\\2.5\\409\\win64", NULL, fixture_a("comrt_base.tlb"));
    if (tl) ITypeLib_Release(tl);
    /* a PE resource other than the first keeps its number */
    CHECK_HR(LoadTypeLibEx(W("pe64_two.dll\\2"), REGKIND_REGISTER, &tl), S_OK);
    if (tl) {
        TLIBATTR *a = NULL;
        BSTR path = NULL;
        char want[PATH_MAX + 16];
        CHECK_HR(ITypeLib_GetLibAttr(tl, &a), S_OK);
        if (a) {
            CHECK_HR(QueryPathOfRegTypeLib(&a->guid, a->wMajorVerNum, a->wMinorVerNum, a->lcid, &path), S_OK);
            snprintf(want, sizeof want, "%s\\2", fixture_a("pe64_two.dll"));
            if (path) {
                char got[PATH_MAX + 16];
                narrow(path, got, sizeof got);
                CHECK_MSG(!strcmp(got, want), "registered %s, expected %s", got, want);
            }
            SysFreeString(path);
            ITypeLib_ReleaseTLibAttr(tl, a);
        }
        ITypeLib_Release(tl);
    }
    CHECK_INT(chdir(cwd), 0);
}

/* Writes fixture `name` to dir/as (a scratch copy); returns the path. */
static const char *copy_fixture(const char *name, const char *dir, const char *as)
{
    static char path[4][PATH_MAX];
    static int next;
    char *p = path[next++ & 3];
    size_t size = 0;
    unsigned char *data = tlb_fixture_bytes(name, &size);
    FILE *f;
    mkdir(dir, 0700);
    snprintf(p, PATH_MAX, "%s/%s", dir, as);
    f = fopen(p, "wb");
    CHECK(data != NULL && f != NULL);
    if (f && data) CHECK_INT((int)fwrite(data, 1, size, f), (int)size);
    if (f) fclose(f);
    free(data);
    return p;
}

/* The ITypeLib that holds what IBaseThing's Color([in] BaseColor *) refers
 * to: BaseColor lives in the imported comrt_base.  *hr: GetRefTypeInfo's. */
static ITypeLib *imported_lib(ITypeLib *all, HRESULT *hr)
{
    ITypeInfo *ti = NULL, *ref = NULL;
    FUNCDESC *fd = NULL;
    ITypeLib *owner = NULL;
    UINT index = 0;
    *hr = E_FAIL;
    if (ITypeLib_GetTypeInfo(all, 26, &ti) != S_OK) return NULL; /* IBaseThing (tests/golden/tlbdump) */
    if (ITypeInfo_GetFuncDesc(ti, 1, &fd) == S_OK) {
        const TYPEDESC *td = &fd->lprgelemdescParam[0].tdesc;
        if (td->vt == VT_PTR) td = td->lptdesc;
        CHECK_INT(td->vt, VT_USERDEFINED);
        *hr = ITypeInfo_GetRefTypeInfo(ti, td->hreftype, &ref);
        if (*hr == S_OK) {
            CHECK_HR(ITypeInfo_GetContainingTypeLib(ref, &owner, &index), S_OK);
            ITypeInfo_Release(ref);
        }
        ITypeInfo_ReleaseFuncDesc(ti, fd);
    }
    ITypeInfo_Release(ti);
    return owner;
}

/* Imported libraries are found through the registry first (by LIBID,
 * version, LCID), before the file name beside the importing library. */
TEST(imports_through_registry)
{
    char dir_reg[PATH_MAX], dir_alone[PATH_MAX], dir_before[PATH_MAX];
    ITypeLib *base = NULL, *all = NULL, *owner;
    HRESULT hr;
    const char *p;
    reg_test_fresh();
    unsetenv("COMRT_TYPELIB_PATH");
    snprintf(dir_reg, sizeof dir_reg, "%s/registered", reg_test_dir);
    snprintf(dir_alone, sizeof dir_alone, "%s/alone", reg_test_dir);
    snprintf(dir_before, sizeof dir_before, "%s/before", reg_test_dir);
    /* not registered, nothing beside it: the reference cannot be resolved */
    p = copy_fixture("comrt_all.tlb", dir_before, "comrt_all.tlb");
    CHECK_HR(LoadTypeLibEx(W(p), REGKIND_NONE, &all), S_OK);
    if (all) {
        owner = imported_lib(all, &hr);
        CHECK(hr != S_OK && owner == NULL);
        ITypeLib_Release(all);
        all = NULL;
    }
    /* registered under another file name in another folder */
    p = copy_fixture("comrt_base.tlb", dir_reg, "renamed_base.tlb");
    CHECK_HR(LoadTypeLibEx(W(p), REGKIND_REGISTER, &base), S_OK);
    p = copy_fixture("comrt_all.tlb", dir_alone, "comrt_all.tlb");
    CHECK_HR(LoadTypeLibEx(W(p), REGKIND_NONE, &all), S_OK);
    if (all && base) {
        owner = imported_lib(all, &hr);
        CHECK_HR(hr, S_OK);
        CHECK(owner == base); /* the registered file, through the load cache */
        if (owner) ITypeLib_Release(owner);
    }
    if (all) CHECK_INT(ITypeLib_Release(all), 0);
    if (base) CHECK_INT(ITypeLib_Release(base), 0);
}

/* A library whose references name its own LIBID (stdole2's IDispatch, as
 * the impl type of its dispinterfaces) resolves them to itself, even when
 * the registry names another copy of it. */
TEST(self_import_is_self)
{
    char dir[PATH_MAX];
    ITypeLib *other = NULL, *std = NULL;
    reg_test_fresh();
    snprintf(dir, sizeof dir, "%s/other", reg_test_dir);
    CHECK_HR(LoadTypeLibEx(W(copy_fixture("stdole2.tlb", dir, "stdole2.tlb")), REGKIND_REGISTER, &other), S_OK);
    CHECK_HR(LoadTypeLibEx(tlb_fixture("stdole2.tlb"), REGKIND_NONE, &std), S_OK);
    if (std && other) {
        UINT n = ITypeLib_GetTypeInfoCount(std), checked = 0;
        for (UINT i = 0; i < n; i++) {
            ITypeInfo *ti = NULL, *ref = NULL;
            ITypeLib *owner = NULL;
            UINT index;
            HREFTYPE h;
            TYPEKIND kind;
            if (ITypeLib_GetTypeInfoType(std, i, &kind) != S_OK || kind != TKIND_DISPATCH) continue;
            if (ITypeLib_GetTypeInfo(std, i, &ti) != S_OK) continue;
            if (ITypeInfo_GetRefTypeOfImplType(ti, 0, &h) == S_OK && ITypeInfo_GetRefTypeInfo(ti, h, &ref) == S_OK) {
                CHECK_HR(ITypeInfo_GetContainingTypeLib(ref, &owner, &index), S_OK);
                CHECK_MSG(owner == std, "type %u: its base comes from another copy of stdole2", i);
                if (owner) ITypeLib_Release(owner);
                ITypeInfo_Release(ref);
                checked++;
            }
            ITypeInfo_Release(ti);
        }
        CHECK(checked > 0);
    }
    if (std) CHECK_INT(ITypeLib_Release(std), 0);
    if (other) CHECK_INT(ITypeLib_Release(other), 0);
}

/* A class factory that records how it was asked (CreateInstance test). */
typedef struct {
    IClassFactory IClassFactory_iface;
    LONG ref;
    int created;
    IUnknown *outer;
    IID riid;
} rec_factory;

static HRESULT STDMETHODCALLTYPE rf_QueryInterface(IClassFactory *This, REFIID riid, void **ppv)
{
    if (IsEqualGUID(riid, &IID_IUnknown) || IsEqualGUID(riid, &IID_IClassFactory)) {
        *ppv = This;
        IClassFactory_AddRef(This);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE rf_AddRef(IClassFactory *This)
{
    return (ULONG)__atomic_add_fetch(&((rec_factory *)This)->ref, 1, __ATOMIC_RELAXED);
}
static ULONG STDMETHODCALLTYPE rf_Release(IClassFactory *This)
{
    return (ULONG)__atomic_sub_fetch(&((rec_factory *)This)->ref, 1, __ATOMIC_ACQ_REL);
}
static HRESULT STDMETHODCALLTYPE rf_CreateInstance(IClassFactory *This, IUnknown *outer, REFIID riid, void **ppv)
{
    rec_factory *f = (rec_factory *)This;
    f->created++;
    f->outer = outer;
    f->riid = *riid;
    /* the factory itself stands in for the object */
    return rf_QueryInterface(This, &IID_IUnknown, ppv);
}
static HRESULT STDMETHODCALLTYPE rf_LockServer(IClassFactory *This, BOOL lock)
{
    (void)This;
    (void)lock;
    return S_OK;
}
static const IClassFactoryVtbl rf_vtbl = {rf_QueryInterface, rf_AddRef, rf_Release, rf_CreateInstance,
                                          rf_LockServer};

TEST(create_instance)
{
    ITypeLib *tl = load("comrt_all.tlb");
    ITypeInfo *ti = NULL;
    void *obj = (void *)1;
    static const GUID CLSID_AllObject = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x0c}};
    static const GUID IID_IAllDual = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0, 0, 0, 0, 0x01, 0x07}};
    reg_test_fresh();
    if (!tl) return;
    CHECK_HR(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    /* a coclass registered nowhere */
    CHECK_HR(ITypeLib_GetTypeInfoOfGuid(tl, &CLSID_AllObject, &ti), S_OK);
    if (ti) {
        CHECK_HR(ITypeInfo_CreateInstance(ti, NULL, &IID_IUnknown, &obj), REGDB_E_CLASSNOTREG);
        CHECK(obj == NULL);
        ITypeInfo_Release(ti);
        ti = NULL;
    }
    /* a coclass whose class object is registered: CoCreateInstance with
     * CLSCTX_INPROC_SERVER reaches its factory */
    {
        rec_factory f = {{&rf_vtbl}, 1, 0, NULL, {0}};
        DWORD cookie = 0;
        IUnknown *got = NULL;
        CHECK_HR(CoRegisterClassObject(&CLSID_AllObject, (IUnknown *)&f.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                                       REGCLS_MULTIPLEUSE, &cookie),
                 S_OK);
        CHECK_HR(ITypeLib_GetTypeInfoOfGuid(tl, &CLSID_AllObject, &ti), S_OK);
        if (ti) {
            CHECK_HR(ITypeInfo_CreateInstance(ti, NULL, &IID_IAllDual, (void **)&got), S_OK);
            CHECK_INT(f.created, 1);
            CHECK(IsEqualGUID(&f.riid, &IID_IAllDual));
            CHECK(f.outer == NULL);
            CHECK(got == (IUnknown *)&f.IClassFactory_iface);
            if (got) IUnknown_Release(got);
            ITypeInfo_Release(ti);
            ti = NULL;
        }
        CHECK_HR(CoRevokeClassObject(cookie), S_OK);
        CHECK_INT(f.ref, 1);
    }
    /* not a coclass */
    CHECK_HR(ITypeLib_GetTypeInfoOfGuid(tl, &IID_IAllDual, &ti), S_OK);
    if (ti) {
        obj = (void *)1;
        CHECK_HR(ITypeInfo_CreateInstance(ti, NULL, &IID_IUnknown, &obj), E_INVALIDARG);
        CHECK(obj == NULL);
        ITypeInfo_Release(ti);
    }
    CoUninitialize();
    CHECK_INT(ITypeLib_Release(tl), 0);
}

int main(void)
{
    RUN(register_fixture);
    RUN(register_for_user);
    RUN(register_created);
    RUN(register_is_atomic);
    RUN(query_versions_and_lcids);
    RUN(load_registered);
    RUN(unregister);
    RUN(load_typelib_ex_registers);
    RUN(imports_through_registry);
    RUN(self_import_is_self);
    RUN(create_instance);
    reg_test_cleanup();
    return comrt_test_summary();
}
