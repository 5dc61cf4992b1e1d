/*
 * progid_probe.c — ProgID and class lookups on the class registry:
 * CLSIDFromProgID(Ex) (CLSID value, CurVer redirection, case, missing or
 * malformed values), CLSIDFromString's ProgID fallback, ProgIDFromCLSID,
 * CoGetTreatAsClass and CoTreatAsClass.  Scratch keys are written under
 * HKEY_CLASSES_ROOT (names starting "comrtprobe", CLSIDs {C0DE0000-...})
 * and deleted at the end.  Compiles with mingw (golden from Wine's ole32)
 * and against comrt (run with COMRT_REGISTRY pointing at a scratch database).
 */
#include "probe_util.h"
#ifdef _WIN32
#include <winreg.h>
#endif

/* Wine 8's ole32 reads HKEY_CLASSES_ROOT as HKLM\Software\Classes only (it
 * does not layer HKCU\Software\Classes over it as Windows does), so the
 * scratch keys are written through HKEY_CLASSES_ROOT itself: Wine puts them
 * in its machine classes, comrt (and Windows, for a non-administrator) in
 * HKCU\Software\Classes. */
#define CLS u""
#define GA u"{C0DE0000-0000-0000-0000-00000000000A}"
#define GB u"{C0DE0000-0000-0000-0000-00000000000B}"
#define GC u"{C0DE0000-0000-0000-0000-00000000000C}"
#define GD u"{C0DE0000-0000-0000-0000-00000000000D}"
#define GE u"{C0DE0000-0000-0000-0000-00000000000E}"
#define GF u"{C0DE0000-0000-0000-0000-00000000000F}"
#define G9 u"{C0DE0000-0000-0000-0000-000000000009}"

static GUID guid_n(unsigned char n)
{
    GUID g = {0xC0DE0000, 0, 0, {0, 0, 0, 0, 0, 0, 0, n}};
    return g;
}

/* Sets HKCU\Software\Classes\<sub>'s value (NULL name = default) to a string. */
static void set_sz(const WCHAR *sub, const WCHAR *name, const WCHAR *data)
{
    WCHAR path[300];
    HKEY k = NULL;
    size_t n = 0, i;
    const WCHAR *pre = CLS;
    for (i = 0; pre[i]; i++) path[n++] = pre[i];
    for (i = 0; sub[i]; i++) path[n++] = sub[i];
    path[n] = 0;
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, (LPCWSTR)path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL) != 0) {
        printf("# setup failed\n");
        return;
    }
    if (data) {
        DWORD cb = 0;
        while (data[cb]) cb++;
        RegSetValueExW(k, (LPCWSTR)name, 0, REG_SZ, (const BYTE *)data, (cb + 1) * 2);
    }
    RegCloseKey(k);
}

/* Not asked here: a ProgID with only a CurVer ("comrtprobe.Ver" ->
 * "comrtprobe.Ver.2", and a chain of two).  Windows follows CurVer (Microsoft
 * Learn, "VersionIndependentProgID": "When given the version-independent
 * ProgID, the CLSIDFromProgID function returns the CLSID of the current
 * version"); Wine 8 does not and answers CO_E_CLASSSTRING, so its answer is
 * no oracle for it.  comrt follows Windows; tests/c/runtime/test_progid.c
 * covers it.  The CurVer cases below are those where both agree. */
static const char *const progids[] = {
    "comrtprobe.Simple", "COMRTPROBE.SIMPLE", "comrtprobe.Ver.2", "comrtprobe.Both",
    "comrtprobe.NoClsid", "comrtprobe.BadClsid", "comrtprobe.EmptyClsid", "comrtprobe.BadCurVer",
    "comrtprobe.Loop", "comrtprobe.Missing", "", "comrtprobe.Braced",
    "{C0DE0000-0000-0000-0000-00000000000A}", "comrtprobe.ClsidKeyOnly", "comrtprobe.CurVerEmpty",
    "comrtprobe.Spaced ", "comrtprobe.NoClsidSub",
};

static const WCHAR *wide(const char *s)
{
    static WCHAR buf[4][128];
    static int next;
    WCHAR *w = buf[next++ % 4];
    size_t i;
    for (i = 0; s[i] && i < 127; i++) w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
    return w;
}

static void out_guid(HRESULT hr, const GUID *g)
{
    pu_hr(&res, hr);
    pu_add(&res, " ");
    pu_guid(&res, g);
}

static const GUID sentinel = {0x5e5e5e5e, 0x5e5e, 0x5e5e, {0x5e, 0x5e, 0x5e, 0x5e, 0x5e, 0x5e, 0x5e, 0x5e}};

static void progid_cases(void)
{
    size_t i;
    for (i = 0; i < sizeof progids / sizeof progids[0]; i++) {
        GUID g = sentinel;
        HRESULT hr = CLSIDFromProgID((LPCOLESTR)wide(progids[i]), &g);
        begin("CLSIDFromProgID(\"%s\")", progids[i]);
        out_guid(hr, &g);
        end();
        g = sentinel;
        hr = CLSIDFromProgIDEx((LPCOLESTR)wide(progids[i]), &g);
        begin("CLSIDFromProgIDEx(\"%s\")", progids[i]);
        out_guid(hr, &g);
        end();
        g = sentinel;
        hr = CLSIDFromString((LPCOLESTR)wide(progids[i]), &g);
        begin("CLSIDFromString(\"%s\")", progids[i]);
        out_guid(hr, &g);
        end();
    }
    {
        GUID g = sentinel;
        HRESULT hr = CLSIDFromProgID(NULL, &g);
        begin("CLSIDFromProgID(NULL)");
        out_guid(hr, &g);
        end();
        g = sentinel;
        hr = CLSIDFromProgIDEx(NULL, &g);
        begin("CLSIDFromProgIDEx(NULL)");
        out_guid(hr, &g);
        end();
        hr = CLSIDFromProgID((LPCOLESTR)u"comrtprobe.Simple", NULL);
        begin("CLSIDFromProgID(Simple, NULL)");
        pu_hr(&res, hr);
        end();
        hr = CLSIDFromProgID((LPCOLESTR)u"comrtprobe.Missing", NULL);
        begin("CLSIDFromProgID(Missing, NULL)");
        pu_hr(&res, hr);
        end();
        hr = CLSIDFromProgIDEx((LPCOLESTR)u"comrtprobe.Simple", NULL);
        begin("CLSIDFromProgIDEx(Simple, NULL)");
        pu_hr(&res, hr);
        end();
    }
}

static void progid_from_clsid(unsigned char n, const char *label)
{
    GUID g = guid_n(n);
    LPOLESTR s = (LPOLESTR)(void *)&sentinel;
    HRESULT hr = ProgIDFromCLSID(&g, &s);
    begin("ProgIDFromCLSID(%s)", label);
    pu_hr(&res, hr);
    pu_add(&res, " ");
    if (s == (LPOLESTR)(void *)&sentinel)
        pu_add(&res, "untouched");
    else
        pu_wsz(&res, s);
    end();
    if (SUCCEEDED(hr) && s) CoTaskMemFree(s);
}

static void treatas(unsigned char n, const char *label)
{
    GUID g = guid_n(n), out = sentinel;
    HRESULT hr = CoGetTreatAsClass(&g, &out);
    begin("CoGetTreatAsClass(%s)", label);
    out_guid(hr, &out);
    end();
}

static void treat(const char *label, unsigned char from, unsigned char to)
{
    static const GUID null_guid; /* CLSID_NULL */
    GUID a = guid_n(from), b = to ? guid_n(to) : null_guid;
    HRESULT hr = CoTreatAsClass(&a, &b);
    begin("CoTreatAsClass(%s)", label);
    pu_hr(&res, hr);
    end();
}

int main(void)
{
    pu_start("progid");

    set_sz(u"comrtprobe.Simple\\CLSID", NULL, GA);
    set_sz(u"comrtprobe.Simple", NULL, u"A simple class");
    set_sz(u"comrtprobe.Ver\\CurVer", NULL, u"comrtprobe.Ver.2");
    set_sz(u"comrtprobe.Ver.2\\CLSID", NULL, GB);
    set_sz(u"comrtprobe.Both\\CLSID", NULL, GA);
    set_sz(u"comrtprobe.Both\\CurVer", NULL, u"comrtprobe.Ver.2");
    set_sz(u"comrtprobe.NoClsid", NULL, u"no CLSID here");
    set_sz(u"comrtprobe.BadClsid\\CLSID", NULL, u"not-a-guid");
    set_sz(u"comrtprobe.EmptyClsid\\CLSID", NULL, u"");
    set_sz(u"comrtprobe.BadCurVer\\CurVer", NULL, u"comrtprobe.Nothing");
    set_sz(u"comrtprobe.Chain\\CurVer", NULL, u"comrtprobe.Ver");
    set_sz(u"comrtprobe.Loop\\CurVer", NULL, u"comrtprobe.Loop");
    set_sz(u"comrtprobe.Braced\\CLSID", NULL, u"C0DE0000-0000-0000-0000-00000000000A");
    set_sz(u"comrtprobe.ClsidKeyOnly\\CLSID", NULL, NULL);
    set_sz(u"comrtprobe.CurVerEmpty\\CurVer", NULL, u"");
    set_sz(u"comrtprobe.CurVerEmpty\\CLSID", NULL, GC);
    set_sz(u"comrtprobe.NoClsidSub\\CLSID", u"Other", GA);

    set_sz(u"CLSID\\" GA u"\\ProgID", NULL, u"comrtprobe.Simple");
    set_sz(u"CLSID\\" GA, NULL, u"class A");
    set_sz(u"CLSID\\" GB, NULL, u"class B, no ProgID");
    set_sz(u"CLSID\\" GC u"\\ProgID", NULL, u"");
    set_sz(u"CLSID\\" GD u"\\TreatAs", NULL, GA);
    set_sz(u"CLSID\\" GE u"\\TreatAs", NULL, u"garbage");
    set_sz(u"CLSID\\" GF u"\\ProgID", NULL, NULL);
    set_sz(u"CLSID\\" GF u"\\TreatAs", NULL, u"");
    (void)G9;

    progid_cases();

    progid_from_clsid(0xA, "A");
    progid_from_clsid(0xB, "B no ProgID");
    progid_from_clsid(0xC, "C empty ProgID");
    progid_from_clsid(0xF, "F ProgID key no value");
    progid_from_clsid(0x9, "unregistered");
    {
        GUID g = guid_n(0xA);
        HRESULT hr = ProgIDFromCLSID(&g, NULL);
        begin("ProgIDFromCLSID(A, NULL)");
        pu_hr(&res, hr);
        end();
    }

    treatas(0xA, "A no TreatAs");
    treatas(0xD, "D TreatAs A");
    treatas(0xE, "E TreatAs garbage");
    treatas(0xF, "F TreatAs empty");
    treatas(0x9, "unregistered");
    {
        GUID g = guid_n(0xD);
        HRESULT hr = CoGetTreatAsClass(&g, NULL);
        begin("CoGetTreatAsClass(D, NULL)");
        pu_hr(&res, hr);
        end();
    }

    treat("B -> A", 0xB, 0xA);
    treatas(0xB, "B after TreatAs A");
    treat("B -> B", 0xB, 0xB);
    treatas(0xB, "B after TreatAs B");
    treat("C -> A", 0xC, 0xA);
    treat("C -> NULL", 0xC, 0);
    treatas(0xC, "C after TreatAs NULL");
    treat("B -> NULL (none set)", 0xB, 0);
    treat("unregistered -> A", 0x9, 0xA);
    treatas(0x9, "unregistered after CoTreatAsClass");
    treat("unregistered -> NULL", 0x9, 0);
    set_sz(u"CLSID\\" GB, u"AutoTreatAs", GC);
    treat("B -> NULL with AutoTreatAs C", 0xB, 0);
    treatas(0xB, "B after NULL with AutoTreatAs");
    treat("B -> B with AutoTreatAs C", 0xB, 0xB);
    treatas(0xB, "B after B with AutoTreatAs");
    /* AutoTreatAs is a subkey (its default value), not a named value. */
    set_sz(u"CLSID\\" GB u"\\AutoTreatAs", NULL, GC);
    treat("B -> B with AutoTreatAs key C", 0xB, 0xB);
    treatas(0xB, "B after B with AutoTreatAs key");
    treat("B -> NULL with AutoTreatAs key C", 0xB, 0);
    treatas(0xB, "B after NULL with AutoTreatAs key");
    set_sz(u"CLSID\\" GB u"\\AutoTreatAs", NULL, u"junk");
    treat("B -> B with AutoTreatAs junk", 0xB, 0xB);
    treatas(0xB, "B after B with AutoTreatAs junk");

    /* Clean up every scratch key. */
    {
        static const WCHAR *const keys[] = {
            CLS u"comrtprobe.Simple", CLS u"comrtprobe.Ver", CLS u"comrtprobe.Ver.2", CLS u"comrtprobe.Both",
            CLS u"comrtprobe.NoClsid", CLS u"comrtprobe.BadClsid", CLS u"comrtprobe.EmptyClsid",
            CLS u"comrtprobe.BadCurVer", CLS u"comrtprobe.Chain", CLS u"comrtprobe.Loop", CLS u"comrtprobe.Braced",
            CLS u"comrtprobe.ClsidKeyOnly", CLS u"comrtprobe.CurVerEmpty", CLS u"comrtprobe.NoClsidSub",
            CLS u"CLSID\\" GA, CLS u"CLSID\\" GB, CLS u"CLSID\\" GC, CLS u"CLSID\\" GD, CLS u"CLSID\\" GE,
            CLS u"CLSID\\" GF, CLS u"CLSID\\" G9,
        };
        size_t i;
        for (i = 0; i < sizeof keys / sizeof keys[0]; i++) RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)keys[i]);
    }
    fflush(stdout);
    return 0;
}
