/*
 * test_regfile.c — .reg import/export: a realistic COM server registration
 * (CLSID with InprocServer32/ProgID/TypeLib, a ProgID with CurVer, TypeLib,
 * Interface and AppID keys) imported from REGEDIT4 and version-5 text,
 * exported in both formats and re-imported into a fresh registry with the
 * same result; deletions, continuations, escapes, and syntax errors that
 * name their line and leave the registry untouched.
 */
#define COBJMACROS
#include "../comrt_test.h"
#include "reg_test_util.h"

static const char com_reg_v5[] =
    "Windows Registry Editor Version 5.00\r\n"
    "\r\n"
    "; a comment\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\{11111111-2222-3333-4444-555555555555}]\r\n"
    "@=\"Comrt Sample Object\"\r\n"
    "\"AppID\"=\"{66666666-7777-8888-9999-AAAAAAAAAAAA}\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32]\r\n"
    "@=\"/usr/lib/comrt/sample.so\"\r\n"
    "\"ThreadingModel\"=\"Apartment\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\{11111111-2222-3333-4444-555555555555}\\ProgID]\r\n"
    "@=\"Comrt.Sample.1\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\{11111111-2222-3333-4444-555555555555}\\VersionIndependentProgID]\r\n"
    "@=\"Comrt.Sample\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\CLSID\\{11111111-2222-3333-4444-555555555555}\\TypeLib]\r\n"
    "@=\"{BBBBBBBB-CCCC-DDDD-EEEE-FFFFFFFFFFFF}\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\Comrt.Sample]\r\n"
    "@=\"Comrt Sample Object\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\Comrt.Sample\\CurVer]\r\n"
    "@=\"Comrt.Sample.1\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\Comrt.Sample.1\\CLSID]\r\n"
    "@=\"{11111111-2222-3333-4444-555555555555}\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\TypeLib\\{BBBBBBBB-CCCC-DDDD-EEEE-FFFFFFFFFFFF}\\1.0]\r\n"
    "@=\"Comrt Sample 1.0 Type Library\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\TypeLib\\{BBBBBBBB-CCCC-DDDD-EEEE-FFFFFFFFFFFF}\\1.0\\0\\win64]\r\n"
    "@=\"/usr/lib/comrt/sample.tlb\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\TypeLib\\{BBBBBBBB-CCCC-DDDD-EEEE-FFFFFFFFFFFF}\\1.0\\FLAGS]\r\n"
    "@=\"0\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\Interface\\{CCCCCCCC-0000-0000-0000-000000000001}]\r\n"
    "@=\"ISample\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\Interface\\{CCCCCCCC-0000-0000-0000-000000000001}\\ProxyStubClsid32]\r\n"
    "@=\"{00020424-0000-0000-C000-000000000046}\"\r\n"
    "\r\n"
    "[HKEY_CURRENT_USER\\Software\\Classes\\Interface\\{CCCCCCCC-0000-0000-0000-000000000001}\\TypeLib]\r\n"
    "@=\"{BBBBBBBB-CCCC-DDDD-EEEE-FFFFFFFFFFFF}\"\r\n"
    "\"Version\"=\"1.0\"\r\n"
    "\r\n"
    "[HKEY_CLASSES_ROOT\\AppID\\{66666666-7777-8888-9999-AAAAAAAAAAAA}]\r\n"
    "@=\"Comrt Sample\"\r\n"
    "\"DllSurrogate\"=\"\"\r\n"
    "\"AuthenticationLevel\"=dword:00000002\r\n"
    "\"Quoted \\\"name\\\" \\\\ x\"=\"C:\\\\path with \\\"quotes\\\"\"\r\n"
    "\"Blob\"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,\\\r\n"
    "  17,18,19,1a,1b,1c,1d,1e,1f\r\n"
    "\"Path\"=hex(2):25,00,48,00,4f,00,4d,00,45,00,25,00,00,00\r\n"
    "\"List\"=hex(7):61,00,00,00,62,00,63,00,00,00,00,00\r\n"
    "\"Big\"=hex(b):08,07,06,05,04,03,02,01\r\n"
    "\"Empty\"=hex:\r\n"
    "\"None\"=hex(0):\r\n";

/* UTF-16LE with BOM, as regedit saves version-5 files. */
static BYTE *to_utf16_file(const char *s, size_t *cb)
{
    size_t n = strlen(s), i;
    BYTE *b = malloc(2 + 2 * n);
    b[0] = 0xFF;
    b[1] = 0xFE;
    for (i = 0; i < n; i++) {
        b[2 + 2 * i] = (BYTE)s[i];
        b[3 + 2 * i] = 0;
    }
    *cb = 2 + 2 * n;
    return b;
}

static void check_sample(void)
{
    BYTE buf[256];
    DWORD cb, type;
    HKEY k;
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(HKEY_CLASSES_ROOT, W("CLSID\\{11111111-2222-3333-4444-555555555555}\\InprocServer32"),
                           W("ThreadingModel"), RRF_RT_REG_SZ, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "Apartment");
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(HKEY_CLASSES_ROOT, W("comrt.sample\\curver"), NULL, RRF_RT_REG_SZ, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "Comrt.Sample.1");
    cb = sizeof buf;
    CHECK_INT(RegGetValueW(HKEY_CLASSES_ROOT, W("TypeLib\\{BBBBBBBB-CCCC-DDDD-EEEE-FFFFFFFFFFFF}\\1.0\\0\\win64"),
                           NULL, RRF_RT_REG_SZ, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "/usr/lib/comrt/sample.tlb");
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\Classes\\AppID\\{66666666-7777-8888-9999-AAAAAAAAAAAA}"),
                            0, KEY_READ, &k), 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("AuthenticationLevel"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_DWORD && cb == 4 && buf[0] == 2);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Quoted \"name\" \\ x"), NULL, &type, buf, &cb), 0);
    CHECK_WSTR((const WCHAR *)buf, "C:\\path with \"quotes\"");
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Blob"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_BINARY && cb == 32 && buf[31] == 0x1f);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Path"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_EXPAND_SZ && cb == 14);
    CHECK_WSTR((const WCHAR *)buf, "%HOME%");
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("List"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_MULTI_SZ && cb == 12);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Big"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_QWORD && cb == 8 && buf[0] == 8);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("Empty"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_BINARY && cb == 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("None"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_NONE && cb == 0);
    cb = sizeof buf;
    CHECK_INT(RegQueryValueExW(k, W("DllSurrogate"), NULL, &type, buf, &cb), 0);
    CHECK(type == REG_SZ && cb == 2);
    RegCloseKey(k);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    char *b;
    long len;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    b = malloc((size_t)len + 1);
    *n = fread(b, 1, (size_t)len, f);
    b[*n] = 0;
    fclose(f);
    return b;
}

static const WCHAR *wpath(const char *p)
{
    return W(p);
}

TEST(import_v5_utf16_and_roundtrip)
{
    size_t cb, n1, n2, n3;
    BYTE *file = to_utf16_file(com_reg_v5, &cb);
    DWORD line = 99;
    char p1[400], p2[400], p3[400];
    char *a, *b, *c;
    reg_test_fresh();
    CHECK_HR(ComrtRegImportData(file, cb, &line), S_OK);
    CHECK_INT(line, 0);
    check_sample();
    free(file);
    snprintf(p1, sizeof p1, "%s/export1.reg", reg_test_dir);
    snprintf(p2, sizeof p2, "%s/export2.reg", reg_test_dir);
    snprintf(p3, sizeof p3, "%s/export3.reg", reg_test_dir);
    CHECK_HR(ComrtRegExportKey(HKEY_CURRENT_USER, W("Software\\Classes"), wpath(p1), COMRT_REGFILE_V5), S_OK);
    CHECK_HR(ComrtRegExportKey(HKEY_CURRENT_USER, W("Software\\Classes"), wpath(p3), COMRT_REGFILE_REGEDIT4), S_OK);
    a = slurp(p1, &n1);
    CHECK(a && n1 > 2 && (BYTE)a[0] == 0xFF && (BYTE)a[1] == 0xFE);
    c = slurp(p3, &n3);
    CHECK(c && strncmp(c, "REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\Classes]\r\n", 50) == 0);
    CHECK(c && strstr(c, "\"AuthenticationLevel\"=dword:00000002\r\n") != NULL);
    CHECK(c && strstr(c, "\"Path\"=hex(2):25,48,4f,4d,45,25,00\r\n") != NULL);
    CHECK(c && strstr(c, "\"Quoted \\\"name\\\" \\\\ x\"=\"C:\\\\path with \\\"quotes\\\"\"\r\n") != NULL);
    /* into a fresh registry: the same content, the same export */
    reg_test_fresh();
    CHECK_HR(ComrtRegImportFile(wpath(p1), &line), S_OK);
    check_sample();
    CHECK_HR(ComrtRegExportKey(HKEY_CURRENT_USER, W("Software\\Classes"), wpath(p2), COMRT_REGFILE_V5), S_OK);
    b = slurp(p2, &n2);
    CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0);
    free(b);
    /* and from the REGEDIT4 export */
    reg_test_fresh();
    CHECK_HR(ComrtRegImportFile(wpath(p3), &line), S_OK);
    check_sample();
    CHECK_HR(ComrtRegExportKey(HKEY_CURRENT_USER, W("Software\\Classes"), wpath(p2), COMRT_REGFILE_V5), S_OK);
    b = slurp(p2, &n2);
    CHECK(a && b && n1 == n2 && memcmp(a, b, n1) == 0);
    free(a);
    free(b);
    free(c);
    CHECK_HR(ComrtRegExportKey(HKEY_CURRENT_USER, W("Software\\Nope"), wpath(p2), COMRT_REGFILE_V5),
             HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    CHECK_HR(ComrtRegExportKey(HKEY_CURRENT_USER, NULL, wpath(p2), 7), E_INVALIDARG);
    CHECK_HR(ComrtRegImportFile(W("/nonexistent/x.reg"), &line), HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
}

TEST(import_regedit4_and_deletes)
{
    static const char v4[] =
        "REGEDIT4\n\n"
        "[HKEY_CURRENT_USER\\Software\\R4\\Sub]\n"
        "\"a\"=\"1\"\n"
        "\"b\"=\"2\"\n"
        "\"exp\"=hex(2):25,55,53,45,52,25,00\n"
        "[HKEY_CURRENT_USER\\Software\\R4\\Other]\n"
        "@=\"x\"\n";
    static const char del[] =
        "REGEDIT4\r\n"
        "[HKEY_CURRENT_USER\\Software\\R4\\Sub]\r\n"
        "\"a\"=-\r\n"
        "[-HKEY_CURRENT_USER\\Software\\R4\\Other]\r\n"
        "[-HKEY_CURRENT_USER\\Software\\R4\\NeverWas]\r\n";
    BYTE buf[64];
    DWORD cb = sizeof buf, type, line;
    HKEY k;
    reg_test_fresh();
    CHECK_HR(ComrtRegImportData(v4, strlen(v4), &line), S_OK);
    CHECK_INT(RegGetValueW(HKEY_CURRENT_USER, W("Software\\R4\\Sub"), W("exp"), RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND,
                           &type, buf, &cb), 0);
    CHECK_INT(cb, 14);
    CHECK_WSTR((const WCHAR *)buf, "%USER%");
    CHECK_HR(ComrtRegImportData(del, strlen(del), &line), S_OK);
    CHECK_INT(RegGetValueW(HKEY_CURRENT_USER, W("Software\\R4\\Sub"), W("a"), RRF_RT_ANY, NULL, NULL, NULL),
              ERROR_FILE_NOT_FOUND);
    CHECK_INT(RegGetValueW(HKEY_CURRENT_USER, W("Software\\R4\\Sub"), W("b"), RRF_RT_ANY, NULL, NULL, NULL), 0);
    CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\R4\\Other"), 0, KEY_READ, &k), ERROR_FILE_NOT_FOUND);
}

TEST(errors_name_line_and_roll_back)
{
    static const struct {
        const char *text;
        HRESULT hr;
        DWORD line;
    } cases[] = {
        {"", __HRESULT_FROM_WIN32(ERROR_BAD_FORMAT), 0},
        {"REGEDIT5\n[HKEY_CURRENT_USER\\Software\\E]\n", __HRESULT_FROM_WIN32(ERROR_BAD_FORMAT), 1},
        {"REGEDIT4\n\"a\"=\"b\"\n", __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 2},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E]\n\"a\"=dword:123456789\n", __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 3},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E]\n\"a\"=hex:0g\n", __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 3},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E]\n\"a\"=\"unterminated\n", __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 3},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E]\n\"a\"=hex:01,\\\n  02,\\\n  zz\n\"b\"=\"c\"\n",
         __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 3},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E]\n\"a\"=hex:01,\\\n  02\n\"b\"=bogus\n",
         __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 5},
        {"REGEDIT4\n[HKEY_BOGUS\\Software\\E]\n", __HRESULT_FROM_WIN32(ERROR_BAD_PATHNAME), 2},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E\n", __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 2},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E]\nstray text\n", __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 3},
        {"REGEDIT4\n[HKEY_CURRENT_USER\\Software\\E]\n\"a\"=hex(123456789):00\n", __HRESULT_FROM_WIN32(ERROR_INVALID_DATA), 3},
    };
    size_t i;
    reg_test_fresh();
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        DWORD line = 12345;
        HKEY k;
        HRESULT hr = ComrtRegImportData(cases[i].text, strlen(cases[i].text), &line);
        CHECK_MSG(hr == cases[i].hr, "case %zu: hr 0x%08X, expected 0x%08X", i, (unsigned)hr, (unsigned)cases[i].hr);
        CHECK_MSG(line == cases[i].line, "case %zu: line %u, expected %u", i, (unsigned)line, (unsigned)cases[i].line);
        /* nothing of a failed file stays */
        CHECK_MSG(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\E"), 0, KEY_READ, &k) == ERROR_FILE_NOT_FOUND,
                  "case %zu left a key", i);
    }
    /* the error info says where */
    {
        IErrorInfo *ei = NULL;
        BSTR desc = NULL;
        DWORD line;
        ComrtRegImportData(cases[3].text, strlen(cases[3].text), &line);
        CHECK_HR(GetErrorInfo(0, &ei), S_OK);
        if (ei) {
            CHECK_HR(IErrorInfo_GetDescription(ei, &desc), S_OK);
            CHECK(desc && desc[0] == 'l' && desc[5] == '3');
            SysFreeString(desc);
            IErrorInfo_Release(ei);
        }
    }
}

TEST(machine_without_system_registry_rolls_back)
{
    static const char text[] =
        "REGEDIT4\n"
        "[HKEY_CURRENT_USER\\Software\\Both]\n"
        "\"a\"=\"1\"\n"
        "[HKEY_LOCAL_MACHINE\\Software\\Both]\n"
        "\"a\"=\"1\"\n";
    DWORD line;
    HKEY k;
    reg_test_fresh();
    unsetenv("COMRT_SYSTEM_REGISTRY");
    comrt__reg_reset();
    if (!reg_test_exists("/var/lib/comrt/registry.db")) {
        CHECK_HR(ComrtRegImportData(text, strlen(text), &line), HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED));
        CHECK_INT(line, 4);
        CHECK_INT(RegOpenKeyExW(HKEY_CURRENT_USER, W("Software\\Both"), 0, KEY_READ, &k), ERROR_FILE_NOT_FOUND);
    }
    setenv("COMRT_SYSTEM_REGISTRY", reg_test_system, 1);
    CHECK_HR(ComrtRegImportData(text, strlen(text), &line), S_OK);
    CHECK_INT(RegOpenKeyExW(HKEY_LOCAL_MACHINE, W("Software\\Both"), 0, KEY_READ, &k), 0);
    RegCloseKey(k);
}

int main(void)
{
    RUN(import_v5_utf16_and_roundtrip);
    RUN(import_regedit4_and_deletes);
    RUN(errors_name_line_and_roll_back);
    RUN(machine_without_system_registry_rolls_back);
    reg_test_cleanup();
    return comrt_test_summary();
}
