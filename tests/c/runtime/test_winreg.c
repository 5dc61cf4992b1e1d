/*
 * test_winreg.c — the Reg* subset: keys (case-insensitive, case-preserving,
 * Unicode folding), values of every type with their buffer-size edge cases,
 * RegGetValueW's type filter and expansion, enumeration order, deletion,
 * access rights, stale handles, the HKCR = HKCU over HKLM layering, and the
 * databases themselves (not created on read, WAL, schema).
 */
#include "../comrt_test.h"
#include "reg_test_util.h"

#include <sqlite3.h>

static HKEY create(HKEY parent, const char *path)
{
    HKEY k = NULL;
    LONG r = RegCreateKeyExW(parent, W(path), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
    CHECK_MSG(r == 0, "create %s: %d", path, (int)r);
    return k;
}

TEST(create_open_case)
{
    HKEY a, b, c;
    DWORD disp = 0;
    reg_test_fresh();
    CHECK_INT(RegCreateKeyExW(HKEY_CURRENT_USER, W("Software\\T\\Alpha\\Beta"), 0, NULL, 0, KEY_ALL_ACCESS,
                              NULL, &a, &disp), 0);
    CHECK_INT(disp, REG_CREATED_NEW_KEY);
    CHECK_INT(RegCreateKeyExW(HKEY_CURRENT_USER, W("software\\t\\ALPHA\\beta"), 0, NULL, 0, KEY_ALL_ACCESS,
                              NULL, &b, &disp), 0);
    CHECK_INT(disp, REG_OPENED_EXISTING_KEY);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("SOFTWARE\\t\\alpha\\BETA\\"), 0, KEY_READ, &c), 0);
    CHECK_INT(RegCloseKey(c), 0);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\T\\nope"), 0, KEY_READ, &c), ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("\\Software"), 0, KEY_READ, &c), ERROR_BAD_PATHNAME);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software"), 0, KEY_READ, NULL), ERROR_INVALID_PARAMETER);
    CHECK_INT(RegOpenKeyExW(NULL, W("Software"), 0, KEY_READ, &c), ERROR_INVALID_HANDLE);
    /* NULL / empty subkey: a new handle to the same key */
    CHECK_INT(RegOpenKeyExW(a, NULL, 0, KEY_READ, &c), 0);
    CHECK_INT(RegCloseKey(c), 0);
    /* Unicode letters fold too (U+00C4 / U+00E4) */
    {
        static const WCHAR up[] = {0xC4, 'r', 'g', 'e', 'r', 0}, low[] = {0xE4, 'R', 'G', 'E', 'R', 0};
        static const WCHAR sigma_up[] = {0x03A3, 0}, sigma_low[] = {0x03C3, 0};
        WCHAR name[64];
        DWORD cch = 64;
        HKEY u;
        CHECK_INT(RegCreateKeyExW(a, up, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &u, &disp), 0);
        CHECK_INT(disp, REG_CREATED_NEW_KEY);
        RegCloseKey(u);
        CHECK_INT(RegCreateKeyExW(a, low, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &u, &disp), 0);
        CHECK_INT(disp, REG_OPENED_EXISTING_KEY);
        RegCloseKey(u);
        CHECK_INT(RegCreateKeyExW(a, sigma_low, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &u, NULL), 0);
        RegCloseKey(u);
        CHECK_INT(RegOpenKeyExW(a, sigma_up, 0, KEY_READ, &u), 0);
        RegCloseKey(u);
        /* the name keeps the case it was created with */
        CHECK_INT(RegEnumKeyExW(a, 0, name, &cch, NULL, NULL, NULL, NULL), 0);
        CHECK_INT(cch, 5);
        CHECK(name[0] == 0xC4);
    }
    RegCloseKey(a);
    RegCloseKey(b);
    CHECK_INT(RegCloseKey(HKEY_CURRENT_USER), 0);
    CHECK_INT(RegCloseKey(NULL), ERROR_INVALID_HANDLE);
}

TEST(values_roundtrip)
{
    HKEY k;
    BYTE buf[64];
    DWORD type, cb, d = 0xCAFEBABE;
    ULONGLONG q = 0x0102030405060708ull;
    static const WCHAR multi[] = {'a', 0, 'b', 'c', 0, 0};
    reg_test_fresh();
    k = create(HKEY_CURRENT_USER, "Software\\V");
    CHECK_INT(RegSetValueExW(k, W("Str"), 0, REG_SZ, (const BYTE *)u"hello", 12), 0);
    CHECK_INT(RegSetValueExW(k, W("Dw"), 0, REG_DWORD, (const BYTE *)&d, 4), 0);
    CHECK_INT(RegSetValueExW(k, W("Qw"), 0, REG_QWORD, (const BYTE *)&q, 8), 0);
    CHECK_INT(RegSetValueExW(k, W("Bin"), 0, REG_BINARY, (const BYTE *)"\0\1\2", 3), 0);
    CHECK_INT(RegSetValueExW(k, W("Multi"), 0, REG_MULTI_SZ, (const BYTE *)multi, sizeof multi), 0);
    CHECK_INT(RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)u"def", 8), 0);
    CHECK_INT(RegSetValueExW(k, W("Null"), 0, REG_BINARY, NULL, 4), 998 /* ERROR_NOACCESS */);
    /* REG_SZ given without its terminator gets it, as NT stores it */
    CHECK_INT(RegSetValueExW(k, W("NoTerm"), 0, REG_SZ, (const BYTE *)u"hey", 6), 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("noterm"), NULL, &type, buf, &cb), 0);
    CHECK_INT(cb, 8);
    /* sizes */
    cb = 0;
    CHECK_INT(RegQueryValueExW(k, W("str"), NULL, &type, NULL, &cb), 0);
    CHECK_INT(cb, 12);
    CHECK_INT(type, REG_SZ);
    cb = 11;
    type = 0;
    CHECK_INT(RegQueryValueExW(k, W("STR"), NULL, &type, buf, &cb), ERROR_MORE_DATA);
    CHECK_INT(cb, 12);
    CHECK_INT(type, REG_SZ);
    cb = 12;
    CHECK_INT(RegQueryValueExW(k, W("Str"), NULL, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "hello");
    CHECK_INT(RegQueryValueExW(k, W("Str"), NULL, &type, buf, NULL), ERROR_INVALID_PARAMETER);
    CHECK_INT(RegQueryValueExW(k, W("missing"), NULL, &type, buf, &cb), ERROR_FILE_NOT_FOUND);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Dw"), NULL, &type, buf, &cb), 0);
    CHECK_INT(type, REG_DWORD);
    CHECK(cb == 4 && memcmp(buf, &d, 4) == 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Qw"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_QWORD && cb == 8 && memcmp(buf, &q, 8) == 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Bin"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_BINARY && cb == 3 && memcmp(buf, "\0\1\2", 3) == 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Multi"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_MULTI_SZ && cb == sizeof multi && memcmp(buf, multi, cb) == 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W(""), NULL, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "def");
    /* overwrite with other case: keeps the first name and its place */
    CHECK_INT(RegSetValueExW(k, W("STR"), 0, REG_DWORD, (const BYTE *)&d, 4), 0);
    {
        WCHAR name[32];
        DWORD cch = 32;
        CHECK_INT(RegEnumValueW(k, 0, name, &cch, NULL, &type, NULL, NULL), 0);
        CHECK_WSTR(name, "Str");
        CHECK_INT(type, REG_DWORD);
        cch = 32;
        CHECK_INT(RegEnumValueW(k, 5, name, &cch, NULL, &type, NULL, NULL), 0);
        CHECK_WSTR(name, ""); /* the default value, in insertion order */
        cch = 32;
        CHECK_INT(RegEnumValueW(k, 7, name, &cch, NULL, &type, NULL, NULL), ERROR_NO_MORE_ITEMS);
        cch = 3;
        CHECK_INT(RegEnumValueW(k, 4, name, &cch, NULL, &type, NULL, NULL), ERROR_MORE_DATA); /* "Multi" */
        cch = 32;
        cb = 2;
        CHECK_INT(RegEnumValueW(k, 4, name, &cch, NULL, &type, buf, &cb), ERROR_MORE_DATA);
        CHECK_INT(cb, sizeof multi);
    }
    CHECK_INT(RegDeleteValueW(k, W("bin")), 0);
    CHECK_INT(RegDeleteValueW(k, W("bin")), ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegDeleteValueW(k, NULL), 0);
    RegCloseKey(k);
}

TEST(getvalue)
{
    HKEY k;
    BYTE buf[128];
    DWORD type, cb, d = 7;
    reg_test_fresh();
    k = create(HKEY_CURRENT_USER, "Software\\G");
    setenv("COMRT_TEST_DIR", "/opt/x", 1);
    CHECK_INT(RegSetValueExW(k, W("exp"), 0, REG_EXPAND_SZ, (const BYTE *)u"%COMRT_TEST_DIR%\\bin;%NOPE_X%", 58), 0);
    CHECK_INT(RegSetValueExW(k, W("dw"), 0, REG_DWORD, (const BYTE *)&d, 4), 0);
    CHECK_INT(RegSetValueExW(k, W("bin4"), 0, REG_BINARY, (const BYTE *)&d, 4), 0);
    CHECK_INT(RegSetValueExW(k, W("bin3"), 0, REG_BINARY, (const BYTE *)&d, 3), 0);
    CHECK_INT(RegSetValueExW(k, W("raw"), 0, REG_SZ, (const BYTE *)u"ab" , 4 - 0), 0);
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("exp"), RRF_RT_REG_SZ, &type, buf, &cb), 0);
    CHECK_INT(type, REG_SZ);
    CHECK_WSTR((const WCHAR *)buf, "/opt/x\\bin;%NOPE_X%");
    CHECK_INT(cb, 2 * 20);
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("exp"), RRF_RT_REG_SZ | RRF_NOEXPAND, &type, buf, &cb), ERROR_UNSUPPORTED_TYPE);
    CHECK_INT(type, REG_EXPAND_SZ);
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("exp"), RRF_RT_REG_EXPAND_SZ, &type, buf, &cb), ERROR_INVALID_PARAMETER);
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("exp"), RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "%COMRT_TEST_DIR%\\bin;%NOPE_X%");
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("dw"), RRF_RT_DWORD, &type, buf, &cb), 0);
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("bin4"), RRF_RT_DWORD, &type, buf, &cb), 0);
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("bin3"), RRF_RT_DWORD, &type, buf, &cb), ERROR_DATATYPE_MISMATCH);
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(k, NULL, W("dw"), RRF_RT_REG_SZ, &type, buf, &cb), ERROR_UNSUPPORTED_TYPE);
    cb = 2;
    memset(buf, 0x55, sizeof buf);
    CHECK_INT(RegGetValueW(k, NULL, W("dw"), RRF_RT_ANY | RRF_ZEROONFAILURE, &type, buf, &cb), ERROR_MORE_DATA);
    CHECK_INT(cb, 4);
    CHECK(buf[0] == 0 && buf[1] == 0 && buf[2] == 0x55);
    CHECK_INT(RegGetValueW(HKEY_CURRENT_USER, W("Software\\G"), W("dw"), RRF_RT_DWORD, &type, NULL, &cb), 0);
    CHECK_INT(cb, 4);
    CHECK_INT(RegGetValueW(HKEY_CURRENT_USER, W("Software\\nope"), W("dw"), RRF_RT_ANY, &type, NULL, &cb),
              ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegGetValueW(k, NULL, W("dw"), RRF_RT_ANY, &type, buf, NULL), ERROR_INVALID_PARAMETER);
    /* a REG_SZ stored without terminator comes back terminated */
    cb = sizeof buf;
    CHECK_INT(RegSetValueExW(k, W("raw2"), 0, REG_SZ, (const BYTE *)u"abX", 4), 0); /* followed by 'X' */
    CHECK_INT(RegGetValueW(k, NULL, W("raw2"), RRF_RT_REG_SZ, &type, buf, &cb), 0);
    CHECK_INT(cb, 6);
    CHECK_WSTR((const WCHAR *)buf, "ab");
    RegCloseKey(k);
    unsetenv("COMRT_TEST_DIR");
}

TEST(enumerate_keys)
{
    HKEY k, s;
    WCHAR name[64];
    DWORD cch;
    FILETIME ft;
    const char *order[] = {"apple", "Banana", "cherry", "Zeta"};
    int i;
    reg_test_fresh();
    k = create(HKEY_CURRENT_USER, "Software\\E");
    RegCloseKey(create(k, "Zeta"));
    RegCloseKey(create(k, "cherry"));
    RegCloseKey(create(k, "apple"));
    RegCloseKey(create(k, "Banana"));
    for (i = 0; i < 4; i++) {
        cch = 64;
        CHECK_INT(RegEnumKeyExW(k, (DWORD)i, name, &cch, NULL, NULL, NULL, &ft), 0);
        CHECK_WSTR(name, order[i]);
        CHECK_INT(cch, strlen(order[i]));
        CHECK(ft.dwHighDateTime != 0);
    }
    cch = 64;
    CHECK_INT(RegEnumKeyExW(k, 4, name, &cch, NULL, NULL, NULL, NULL), ERROR_NO_MORE_ITEMS);
    cch = 5; /* "apple" needs 6 with the NUL */
    CHECK_INT(RegEnumKeyExW(k, 0, name, &cch, NULL, NULL, NULL, NULL), ERROR_MORE_DATA);
    cch = 6;
    CHECK_INT(RegEnumKeyExW(k, 0, name, &cch, NULL, NULL, NULL, NULL), 0);
    CHECK_INT(RegEnumKeyExW(k, 0, name, NULL, NULL, NULL, NULL, NULL), ERROR_INVALID_PARAMETER);
    /* access rights are checked */
    CHECK_INT(RegOpenKeyExW(k, NULL, 0, KEY_QUERY_VALUE, &s), 0);
    cch = 64;
    CHECK_INT(RegEnumKeyExW(s, 0, name, &cch, NULL, NULL, NULL, NULL), ERROR_ACCESS_DENIED);
    CHECK_INT(RegSetValueExW(s, W("x"), 0, REG_SZ, (const BYTE *)u"", 2), ERROR_ACCESS_DENIED);
    CHECK_INT(RegCreateKeyExW(s, W("new"), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &s, NULL), ERROR_ACCESS_DENIED);
    RegCloseKey(s);
    CHECK_INT(RegOpenKeyExW(k, NULL, 0, KEY_SET_VALUE, &s), 0);
    CHECK_INT(RegQueryValueExW(s, W("x"), NULL, NULL, NULL, NULL), ERROR_ACCESS_DENIED);
    RegCloseKey(s);
    RegCloseKey(k);
}

TEST(delete)
{
    HKEY k, d;
    DWORD v = 1;
    reg_test_fresh();
    k = create(HKEY_CURRENT_USER, "Software\\D");
    RegCloseKey(create(k, "a\\b\\c"));
    CHECK_INT(RegSetValueExW(k, W("v"), 0, REG_DWORD, (const BYTE *)&v, 4), 0);
    CHECK_INT(RegDeleteKeyW(k, W("a")), ERROR_ACCESS_DENIED);
    CHECK_INT(RegDeleteKeyW(k, W("a\\b\\c")), 0);
    CHECK_INT(RegDeleteKeyW(k, W("a\\b\\c")), ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegDeleteKeyW(k, NULL), ERROR_INVALID_PARAMETER);
    CHECK_INT(RegDeleteKeyW(k, W("")), ERROR_ACCESS_DENIED);
    d = create(k, "a\\b\\x");
    CHECK_INT(RegDeleteTreeW(k, W("a")), 0);
    CHECK_INT(RegSetValueExW(d, W("v"), 0, REG_DWORD, (const BYTE *)&v, 4), ERROR_KEY_DELETED);
    CHECK_INT(RegQueryValueExW(d, W("v"), NULL, NULL, NULL, NULL), ERROR_KEY_DELETED);
    RegCloseKey(d);
    CHECK_INT(RegDeleteTreeW(k, W("a")), ERROR_FILE_NOT_FOUND);
    RegCloseKey(create(k, "x\\y"));
    CHECK_INT(RegDeleteTreeW(k, NULL), 0); /* empties k, keeps it */
    CHECK_INT(RegQueryValueExW(k, W("v"), NULL, NULL, NULL, NULL), ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegOpenKeyExW(k, W("x"), 0, KEY_READ, &d), ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\D"), 0, KEY_READ, &d), 0);
    RegCloseKey(d);
    RegCloseKey(k);
}

TEST(layering)
{
    HKEY k;
    BYTE buf[64];
    DWORD cb, type;
    WCHAR name[64];
    DWORD cch;
    reg_test_fresh();
    /* machine-wide registration */
    k = create(HKEY_LOCAL_MACHINE, "Software\\Classes\\Both");
    CHECK_INT(RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)u"machine", 16), 0);
    CHECK_INT(RegSetValueExW(k, W("OnlyM"), 0, REG_SZ, (const BYTE *)u"m", 4), 0);
    RegCloseKey(k);
    RegCloseKey(create(HKEY_LOCAL_MACHINE, "Software\\Classes\\Mach"));
    /* per-user registration of the same class shadows it */
    k = create(HKEY_CURRENT_USER, "Software\\Classes\\Both");
    CHECK_INT(RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)u"user", 10), 0);
    RegCloseKey(k);
    RegCloseKey(create(HKEY_CURRENT_USER, "Software\\Classes\\User"));

    CHECK_INT(RegOpenKeyExW(HKEY_CLASSES_ROOT, W("both"), 0, KEY_READ, &k), 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, NULL, NULL, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "user");
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("OnlyM"), NULL, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "m");
    cch = 64;
    CHECK_INT(RegEnumValueW(k, 0, name, &cch, NULL, NULL, NULL, NULL), 0);
    CHECK_WSTR(name, "");
    cch = 64;
    CHECK_INT(RegEnumValueW(k, 1, name, &cch, NULL, NULL, NULL, NULL), 0);
    CHECK_WSTR(name, "OnlyM");
    cch = 64;
    CHECK_INT(RegEnumValueW(k, 2, name, &cch, NULL, NULL, NULL, NULL), ERROR_NO_MORE_ITEMS);
    RegCloseKey(k);
    /* enumeration merges, sorted, without duplicates */
    {
        const char *want[] = {"Both", "Mach", "User"};
        int i;
        for (i = 0; i < 3; i++) {
            cch = 64;
            CHECK_INT(RegEnumKeyExW(HKEY_CLASSES_ROOT, (DWORD)i, name, &cch, NULL, NULL, NULL, NULL), 0);
            CHECK_WSTR(name, want[i]);
        }
        cch = 64;
        CHECK_INT(RegEnumKeyExW(HKEY_CLASSES_ROOT, 3, name, &cch, NULL, NULL, NULL, NULL), ERROR_NO_MORE_ITEMS);
    }
    /* writes through HKCR land in the user's hive, even for a machine key */
    CHECK_INT(RegOpenKeyExW(HKEY_CLASSES_ROOT, W("Mach"), 0, KEY_ALL_ACCESS, &k), 0);
    CHECK_INT(RegSetValueExW(k, W("w"), 0, REG_SZ, (const BYTE *)u"x", 4), 0);
    RegCloseKey(k);
    CHECK_INT(RegGetValueW(HKEY_CURRENT_USER, W("Software\\Classes\\Mach"), W("w"), RRF_RT_ANY, NULL, NULL, NULL), 0);
    CHECK_INT(RegGetValueW(HKEY_LOCAL_MACHINE, W("Software\\Classes\\Mach"), W("w"), RRF_RT_ANY, NULL, NULL, NULL),
              ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegCreateKeyExW(HKEY_CLASSES_ROOT, W("CLSID\\{X}\\InprocServer32"), 0, NULL, 0, KEY_ALL_ACCESS, NULL,
                              &k, NULL), 0);
    RegCloseKey(k);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\Classes\\clsid\\{x}\\inprocserver32"), 0, KEY_READ, &k), 0);
    RegCloseKey(k);
    CHECK_INT(RegOpenKeyExW(HKEY_CLASSES_ROOT, W("Nope"), 0, KEY_READ, &k), ERROR_FILE_NOT_FOUND);
    /* deleting through HKCR */
    CHECK_INT(RegDeleteTreeW(HKEY_CLASSES_ROOT, W("CLSID")), 0);
    CHECK_INT(RegOpenKeyExW(HKEY_CLASSES_ROOT, W("CLSID"), 0, KEY_READ, &k), ERROR_FILE_NOT_FOUND);
}

TEST(machine_readonly)
{
    HKEY k;
    LONG r;
    reg_test_fresh();
    /* without COMRT_SYSTEM_REGISTRY and no installed system database, HKLM
     * reads as empty and refuses writes */
    unsetenv("COMRT_SYSTEM_REGISTRY");
    comrt__reg_reset();
    if (reg_test_exists("/var/lib/comrt/registry.db")) return; /* a real install: leave it alone */
    CHECK_INT(RegOpenKeyExW(HKEY_LOCAL_MACHINE, W("Software"), 0, KEY_READ, &k), ERROR_FILE_NOT_FOUND);
    r = RegCreateKeyExW(HKEY_LOCAL_MACHINE, W("Software\\X"), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
    CHECK_INT(r, ERROR_ACCESS_DENIED);
    CHECK_INT(RegSetValueExW(HKEY_LOCAL_MACHINE, W("v"), 0, REG_SZ, (const BYTE *)u"", 2), ERROR_ACCESS_DENIED);
    CHECK(!reg_test_exists("/var/lib/comrt/registry.db"));
    setenv("COMRT_SYSTEM_REGISTRY", reg_test_system, 1);
}

TEST(database_lifecycle)
{
    HKEY k;
    sqlite3 *db;
    sqlite3_stmt *st;
    reg_test_fresh();
    /* reads never create the database */
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software"), 0, KEY_READ, &k), ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegQueryValueExW(HKEY_CURRENT_USER, W("x"), NULL, NULL, NULL, NULL), ERROR_FILE_NOT_FOUND);
    CHECK(!reg_test_exists(reg_test_user));
    /* the first write creates directories, file and schema */
    k = create(HKEY_CURRENT_USER, "Software\\L");
    RegCloseKey(k);
    CHECK(reg_test_exists(reg_test_user));
    CHECK(!reg_test_exists(reg_test_system));
    CHECK_INT(sqlite3_open(reg_test_user, &db), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK(strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0);
    sqlite3_finalize(st);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT name, name_folded FROM keys WHERE parent=(SELECT id FROM keys WHERE name='Software')", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK(strcmp((const char *)sqlite3_column_text(st, 0), "L") == 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* switching COMRT_REGISTRY switches databases */
    setenv("COMRT_REGISTRY", reg_test_system, 1);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\L"), 0, KEY_READ, &k), ERROR_FILE_NOT_FOUND);
    setenv("COMRT_REGISTRY", reg_test_user, 1);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\L"), 0, KEY_READ, &k), 0);
    RegCloseKey(k);
}

TEST(limits)
{
    HKEY k;
    WCHAR longname[300];
    int i;
    reg_test_fresh();
    for (i = 0; i < 256; i++) longname[i] = 'a';
    longname[256] = 0;
    CHECK_INT(RegCreateKeyExW(HKEY_CURRENT_USER, longname, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL),
              ERROR_INVALID_PARAMETER);
    longname[255] = 0;
    CHECK_INT(RegCreateKeyExW(HKEY_CURRENT_USER, longname, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL), 0);
    RegCloseKey(k);
}

int main(void)
{
    RUN(create_open_case);
    RUN(values_roundtrip);
    RUN(getvalue);
    RUN(enumerate_keys);
    RUN(delete);
    RUN(layering);
    RUN(machine_readonly);
    RUN(database_lifecycle);
    RUN(limits);
    reg_test_cleanup();
    return comrt_test_summary();
}
