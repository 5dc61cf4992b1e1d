/*
 * test_progid.c — ProgID and class lookups on scratch registries:
 * CLSIDFromProgID(Ex) (CLSID value, CurVer redirection and its cycles, case,
 * malformed and oversized values, the HKCU-over-HKLM layering),
 * CLSIDFromString's ProgID fallback, ProgIDFromCLSID, CoGetTreatAsClass and
 * CoTreatAsClass (AutoTreatAs, CLSID_NULL).  The cases Wine also answers
 * are in tests/golden/progid.txt.
 */
#include "../comrt_test.h"
#include "reg_test_util.h"
#include "base/base_internal.h"

static const GUID CLS_A = {0x12345678, 0x1234, 0x5678, {1, 2, 3, 4, 5, 6, 7, 0xA}};
static const GUID CLS_B = {0x12345678, 0x1234, 0x5678, {1, 2, 3, 4, 5, 6, 7, 0xB}};
static const GUID CLS_C = {0x12345678, 0x1234, 0x5678, {1, 2, 3, 4, 5, 6, 7, 0xC}};
static const GUID CLS_NULL;
#define STR_A "{12345678-1234-5678-0102-03040506070A}"
#define STR_B "{12345678-1234-5678-0102-03040506070B}"
#define STR_C "{12345678-1234-5678-0102-03040506070C}"
static const GUID SENTINEL = {0x5e5e5e5e, 0x5e5e, 0x5e5e, {0x5e, 0x5e, 0x5e, 0x5e, 0x5e, 0x5e, 0x5e, 0x5e}};

/* Sets root\path's default value (or creates the bare key, data NULL). */
static void set_sz(HKEY root, const char *path, const char *data)
{
    HKEY k = NULL;
    LONG r = RegCreateKeyExW(root, W(path), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
    CHECK_MSG(r == 0, "create %s: %d", path, (int)r);
    if (r != 0) return;
    if (data) {
        const WCHAR *w = W(data);
        DWORD cb = (DWORD)((strlen(data) + 1) * sizeof(WCHAR));
        CHECK_INT(RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)w, cb), 0);
    }
    RegCloseKey(k);
}

#define CHECK_GUID(g, e) CHECK_MSG(IsEqualGUID(&(g), &(e)), "%s differs from %s", #g, #e)

/* CLSIDFromProgID, CLSIDFromProgIDEx and CLSIDFromString all answer hr/want. */
static void check_lookup(const char *progid, HRESULT hr, const GUID *want)
{
    GUID g = SENTINEL;
    HRESULT got = CLSIDFromProgID(W(progid), &g);
    CHECK_MSG(got == hr, "CLSIDFromProgID(%s) = %08x, expected %08x", progid, (unsigned)got, (unsigned)hr);
    CHECK_MSG(IsEqualGUID(&g, want), "CLSIDFromProgID(%s): wrong CLSID", progid);
    g = SENTINEL;
    got = CLSIDFromProgIDEx(W(progid), &g);
    CHECK_MSG(got == hr, "CLSIDFromProgIDEx(%s) = %08x", progid, (unsigned)got);
    CHECK_MSG(IsEqualGUID(&g, want), "CLSIDFromProgIDEx(%s): wrong CLSID", progid);
    g = SENTINEL;
    got = CLSIDFromString(W(progid), &g);
    CHECK_MSG(got == hr, "CLSIDFromString(%s) = %08x", progid, (unsigned)got);
    CHECK_MSG(IsEqualGUID(&g, want), "CLSIDFromString(%s): wrong CLSID", progid);
}

TEST(clsid_from_progid)
{
    reg_test_fresh();
    set_sz(HKEY_CLASSES_ROOT, "Simple.Class\\CLSID", STR_A);
    set_sz(HKEY_CLASSES_ROOT, "Bad.Class\\CLSID", "not a guid");
    set_sz(HKEY_CLASSES_ROOT, "Unbraced.Class\\CLSID", "12345678-1234-5678-0102-03040506070A");
    set_sz(HKEY_CLASSES_ROOT, "KeyOnly.Class\\CLSID", NULL);
    set_sz(HKEY_CLASSES_ROOT, "Bare.Class", "a description, no CLSID");
    check_lookup("Simple.Class", S_OK, &CLS_A);
    check_lookup("SIMPLE.CLASS", S_OK, &CLS_A);
    check_lookup("simple.class", S_OK, &CLS_A);
    check_lookup("Missing.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("Bad.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("Unbraced.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("KeyOnly.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("Bare.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("Simple.Class ", CO_E_CLASSSTRING, &CLS_NULL);
}

TEST(curver)
{
    reg_test_fresh();
    /* The shape Office registers: a version-independent ProgID naming its
     * current version, and the versioned ProgID holding the CLSID. */
    set_sz(HKEY_CLASSES_ROOT, "Excel.Application", "Microsoft Excel Application");
    set_sz(HKEY_CLASSES_ROOT, "Excel.Application\\CurVer", "Excel.Application.16");
    set_sz(HKEY_CLASSES_ROOT, "Excel.Application.16\\CLSID", STR_B);
    set_sz(HKEY_CLASSES_ROOT, "Chain.Class\\CurVer", "excel.application");
    set_sz(HKEY_CLASSES_ROOT, "Both.Class\\CLSID", STR_A);
    set_sz(HKEY_CLASSES_ROOT, "Both.Class\\CurVer", "Excel.Application.16");
    set_sz(HKEY_CLASSES_ROOT, "Self.Class\\CurVer", "Self.Class");
    set_sz(HKEY_CLASSES_ROOT, "Ping.Class\\CurVer", "Pong.Class");
    set_sz(HKEY_CLASSES_ROOT, "Pong.Class\\CurVer", "Ping.Class");
    set_sz(HKEY_CLASSES_ROOT, "Dangling.Class\\CurVer", "Nowhere.Class");
    set_sz(HKEY_CLASSES_ROOT, "EmptyCurVer.Class\\CurVer", "");
    set_sz(HKEY_CLASSES_ROOT, "BadTarget.Class\\CurVer", "Bad.Target");
    set_sz(HKEY_CLASSES_ROOT, "Bad.Target\\CLSID", "junk");
    check_lookup("Excel.Application", S_OK, &CLS_B);
    check_lookup("Excel.Application.16", S_OK, &CLS_B);
    check_lookup("Chain.Class", S_OK, &CLS_B);
    check_lookup("Both.Class", S_OK, &CLS_A); /* its own CLSID comes first */
    check_lookup("Self.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("Ping.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("Dangling.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("EmptyCurVer.Class", CO_E_CLASSSTRING, &CLS_NULL);
    check_lookup("BadTarget.Class", CO_E_CLASSSTRING, &CLS_NULL);
}

TEST(layering_and_values)
{
    HKEY k;
    DWORD dw = 7;
    WCHAR big[5000];
    size_t i;
    reg_test_fresh();
    set_sz(HKEY_LOCAL_MACHINE, "Software\\Classes\\Machine.Class\\CLSID", STR_A);
    set_sz(HKEY_LOCAL_MACHINE, "Software\\Classes\\Shadowed.Class\\CLSID", STR_A);
    set_sz(HKEY_CURRENT_USER, "Software\\Classes\\Shadowed.Class\\CLSID", STR_C);
    check_lookup("Machine.Class", S_OK, &CLS_A);
    check_lookup("Shadowed.Class", S_OK, &CLS_C);
    /* A CLSID value that is not a string, or absurdly long, is no CLSID. */
    set_sz(HKEY_CLASSES_ROOT, "Dword.Class\\CLSID", NULL);
    CHECK_INT(RegOpenKeyExW(HKEY_CLASSES_ROOT, W("Dword.Class\\CLSID"), 0, KEY_ALL_ACCESS, &k), 0);
    CHECK_INT(RegSetValueExW(k, NULL, 0, REG_DWORD, (const BYTE *)&dw, 4), 0);
    RegCloseKey(k);
    check_lookup("Dword.Class", CO_E_CLASSSTRING, &CLS_NULL);
    set_sz(HKEY_CLASSES_ROOT, "Big.Class\\CLSID", NULL);
    for (i = 0; i < 4999; i++) big[i] = 'x';
    big[4999] = 0;
    CHECK_INT(RegOpenKeyExW(HKEY_CLASSES_ROOT, W("Big.Class\\CLSID"), 0, KEY_ALL_ACCESS, &k), 0);
    CHECK_INT(RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)big, sizeof big), 0);
    RegCloseKey(k);
    check_lookup("Big.Class", CO_E_CLASSSTRING, &CLS_NULL);
    /* A 300-character ProgID cannot be a key name. */
    {
        char longname[301];
        memset(longname, 'p', 300);
        longname[300] = 0;
        check_lookup(longname, CO_E_CLASSSTRING, &CLS_NULL);
    }
}

TEST(null_arguments)
{
    GUID g = SENTINEL;
    LPOLESTR s = (LPOLESTR)u"untouched";
    reg_test_fresh();
    CHECK_HR(CLSIDFromProgID(NULL, &g), E_INVALIDARG);
    CHECK_GUID(g, SENTINEL);
    CHECK_HR(CLSIDFromProgIDEx(NULL, &g), E_INVALIDARG);
    CHECK_GUID(g, SENTINEL);
    CHECK_HR(CLSIDFromProgID(W("Simple.Class"), NULL), E_INVALIDARG);
    CHECK_HR(CLSIDFromProgIDEx(W("Simple.Class"), NULL), E_INVALIDARG);
    CHECK_HR(ProgIDFromCLSID(&CLS_A, NULL), E_INVALIDARG);
    CHECK_HR(ProgIDFromCLSID(NULL, &s), E_INVALIDARG);
    CHECK(s == NULL);
    CHECK_HR(CoGetTreatAsClass(&CLS_A, NULL), E_INVALIDARG);
    CHECK_HR(CoGetTreatAsClass(NULL, &g), E_INVALIDARG);
    CHECK_GUID(g, SENTINEL);
    CHECK_HR(CoTreatAsClass(NULL, &CLS_A), E_INVALIDARG);
    CHECK_HR(CoTreatAsClass(&CLS_A, NULL), E_INVALIDARG);
}

TEST(clsid_from_string_unchanged)
{
    GUID g = SENTINEL;
    reg_test_fresh();
    set_sz(HKEY_CLASSES_ROOT, "Simple.Class\\CLSID", STR_A);
    /* A GUID string is parsed, never looked up; a bad one stays an error. */
    CHECK_HR(CLSIDFromString(W(STR_B), &g), S_OK);
    CHECK_GUID(g, CLS_B);
    g = SENTINEL;
    CHECK_HR(CLSIDFromString(W("{12345678-zz}"), &g), CO_E_CLASSSTRING);
    CHECK_HR(CLSIDFromString(NULL, &g), S_OK);
    CHECK_GUID(g, CLS_NULL);
    CHECK_HR(CLSIDFromString(W("Simple.Class"), NULL), E_INVALIDARG);
    /* A ProgID whose name begins with a brace is not looked up. */
    set_sz(HKEY_CLASSES_ROOT, "{Odd.Class\\CLSID", STR_A);
    CHECK_HR(CLSIDFromString(W("{Odd.Class"), &g), CO_E_CLASSSTRING);
    CHECK_HR(CLSIDFromProgID(W("{Odd.Class"), &g), S_OK);
    CHECK_GUID(g, CLS_A);
}

TEST(progid_from_clsid)
{
    LPOLESTR s = (LPOLESTR)u"x";
    reg_test_fresh();
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_A "\\ProgID", "Simple.Class.1");
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_B, "class B, no ProgID");
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_C "\\ProgID", NULL);
    CHECK_HR(ProgIDFromCLSID(&CLS_A, &s), S_OK);
    CHECK_WSTR(s, "Simple.Class.1");
    CHECK_INT(comrt__taskmem_size(s) != (SIZE_T)-1, 1);
    CoTaskMemFree(s);
    s = (LPOLESTR)u"x";
    CHECK_HR(ProgIDFromCLSID(&CLS_B, &s), REGDB_E_CLASSNOTREG);
    CHECK(s == NULL);
    s = (LPOLESTR)u"x";
    CHECK_HR(ProgIDFromCLSID(&CLS_NULL, &s), REGDB_E_CLASSNOTREG);
    CHECK(s == NULL);
    /* A ProgID key without a value answers "" (as ole32 does). */
    CHECK_HR(ProgIDFromCLSID(&CLS_C, &s), S_OK);
    CHECK_WSTR(s, "");
    CoTaskMemFree(s);
}

static void check_treat_as(const GUID *cls, HRESULT hr, const GUID *want)
{
    GUID g = SENTINEL;
    HRESULT got = CoGetTreatAsClass(cls, &g);
    CHECK_MSG(got == hr, "CoGetTreatAsClass = %08x, expected %08x", (unsigned)got, (unsigned)hr);
    CHECK_MSG(IsEqualGUID(&g, want), "CoGetTreatAsClass: wrong CLSID (Data4[7] = %u)", g.Data4[7]);
}

TEST(treat_as)
{
    reg_test_fresh();
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_A, "class A");
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_B "\\TreatAs", STR_A);
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_C "\\TreatAs", "garbage");
    check_treat_as(&CLS_A, S_FALSE, &CLS_A);
    check_treat_as(&CLS_B, S_OK, &CLS_A);
    check_treat_as(&CLS_C, CO_E_CLASSSTRING, &CLS_NULL);
    check_treat_as(&CLS_NULL, S_FALSE, &CLS_NULL); /* unregistered */

    /* CoTreatAsClass writes, replaces and removes the emulation. */
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_C), S_OK);
    check_treat_as(&CLS_A, S_OK, &CLS_C);
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_B), S_OK);
    check_treat_as(&CLS_A, S_OK, &CLS_B);
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_NULL), S_OK);
    check_treat_as(&CLS_A, S_FALSE, &CLS_A);
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_NULL), S_OK); /* nothing to remove */
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_C), S_OK);
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_A), S_OK); /* self: removes it */
    check_treat_as(&CLS_A, S_FALSE, &CLS_A);
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_A), REGDB_E_WRITEREGDB); /* none left */
    /* Self with an AutoTreatAs: the automatic emulation comes back. */
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_A "\\AutoTreatAs", STR_C);
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_A), S_OK);
    check_treat_as(&CLS_A, S_OK, &CLS_C);
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_NULL), S_OK); /* NULL ignores AutoTreatAs */
    check_treat_as(&CLS_A, S_FALSE, &CLS_A);
    set_sz(HKEY_CLASSES_ROOT, "CLSID\\" STR_A "\\AutoTreatAs", "junk");
    CHECK_HR(CoTreatAsClass(&CLS_A, &CLS_A), REGDB_E_WRITEREGDB);
    /* An unregistered class cannot be emulated. */
    CHECK_HR(CoTreatAsClass(&CLS_NULL, &CLS_A), REGDB_E_CLASSNOTREG);
    CHECK_HR(CoTreatAsClass(&CLS_NULL, &CLS_NULL), REGDB_E_CLASSNOTREG);
    check_treat_as(&CLS_NULL, S_FALSE, &CLS_NULL);
}

int main(void)
{
    RUN(clsid_from_progid);
    RUN(curver);
    RUN(layering_and_values);
    RUN(null_arguments);
    RUN(clsid_from_string_unchanged);
    RUN(progid_from_clsid);
    RUN(treat_as);
    reg_test_cleanup();
    return comrt_test_summary();
}
