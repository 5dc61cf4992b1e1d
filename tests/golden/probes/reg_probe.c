/*
 * reg_probe.c — the Win32 registry subset under a scratch key
 * (HKCU\Software\comrt-probe, deleted at the end): return codes, sizes,
 * types and data of RegCreateKeyEx/RegOpenKeyEx/RegSetValueEx/
 * RegQueryValueEx/RegGetValue/RegEnumKeyEx/RegEnumValue/RegDelete*.
 * Compiles with mingw (golden from Wine's advapi32) and against comrt
 * (run with COMRT_REGISTRY pointing at a scratch database).
 */
#include "probe_util.h"
#ifdef _WIN32
#include <winreg.h>
#endif

static const WCHAR *ROOT = u"Software\\comrt-probe";

static void put(const char *key, const char *fmt, ...)
{
    va_list ap;
    printf("%s => ", key);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static void hexdump(char *out, const BYTE *p, DWORD n)
{
    DWORD i;
    out[0] = 0;
    for (i = 0; i < n && i < 64; i++) sprintf(out + 2 * i, "%02x", p[i]);
}

static HKEY open_root(void)
{
    HKEY k = NULL;
    RegCreateKeyExW(HKEY_CURRENT_USER, (LPCWSTR)ROOT, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
    return k;
}

static void q(const char *name, HKEY k, const WCHAR *v, int pass_type, int pass_data, DWORD cb_in, int pass_cb)
{
    BYTE buf[256];
    DWORD type = 0xdead, cb = cb_in;
    char hx[200];
    LONG r;
    memset(buf, 0xcc, sizeof buf);
    r = RegQueryValueExW(k, (LPCWSTR)v, NULL, pass_type ? &type : NULL, pass_data ? buf : NULL, pass_cb ? &cb : NULL);
    hexdump(hx, buf, (r == 0 && pass_data) ? cb : 0);
    put(name, "%08x type=%u cb=%u data=%s", (unsigned)r, (unsigned)type, (unsigned)cb, hx);
}

static void g(const char *name, HKEY k, const WCHAR *sub, const WCHAR *v, DWORD flags, int pass_data, DWORD cb_in)
{
    BYTE buf[256];
    DWORD type = 0xdead, cb = cb_in;
    char hx[200];
    LONG r;
    memset(buf, 0xcc, sizeof buf);
    r = RegGetValueW(k, (LPCWSTR)sub, (LPCWSTR)v, flags, &type, pass_data ? buf : NULL, &cb);
    hexdump(hx, buf, (r == 0 && pass_data) ? cb : 0);
    put(name, "%08x type=%u cb=%u data=%s", (unsigned)r, (unsigned)type, (unsigned)cb, hx);
}

int main(void)
{
    HKEY root, k = NULL, k2 = NULL;
    DWORD disp = 0, d = 0x12345678, cch, cb, type, i;
    ULONGLONG qw = 0x1122334455667788ull;
    WCHAR name[64];
    BYTE data[64];
    LONG r;
#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY);
#endif
    RegDeleteTreeW(HKEY_CURRENT_USER, (LPCWSTR)ROOT);
    RegDeleteKeyW(HKEY_CURRENT_USER, (LPCWSTR)ROOT);
    r = RegCreateKeyExW(HKEY_CURRENT_USER, (LPCWSTR)ROOT, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &root, &disp);
    put("create root", "%08x disp=%u", (unsigned)r, (unsigned)disp);
    r = RegCreateKeyExW(root, u"A\\B\\C", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create A\\B\\C", "%08x disp=%u", (unsigned)r, (unsigned)disp);
    RegCloseKey(k);
    r = RegCreateKeyExW(root, u"a\\b", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create a\\b (case)", "%08x disp=%u", (unsigned)r, (unsigned)disp);
    RegCloseKey(k);
    r = RegCreateKeyExW(root, u"\\lead", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create \\lead", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegCreateKeyExW(root, u"trail\\", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create trail\\", "%08x disp=%u", (unsigned)r, (unsigned)disp);
    if (r == 0) RegCloseKey(k);
    r = RegCreateKeyExW(root, u"x\\\\y", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create x\\\\y", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegCreateKeyExW(root, u"", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create empty", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegCreateKeyExW(root, u"\u00c4rger", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create Aerger", "%08x disp=%u", (unsigned)r, (unsigned)disp);
    if (r == 0) RegCloseKey(k);
    r = RegCreateKeyExW(root, u"\u00e4RGER", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    put("create aeRGER (unicode case)", "%08x disp=%u", (unsigned)r, (unsigned)disp);
    if (r == 0) RegCloseKey(k);

    r = RegOpenKeyExW(root, u"A\\b\\c", 0, KEY_READ, &k);
    put("open A\\b\\c", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegOpenKeyExW(root, u"nope", 0, KEY_READ, &k);
    put("open nope", "%08x", (unsigned)r);
    r = RegOpenKeyExW(root, u"A\\nope\\C", 0, KEY_READ, &k);
    put("open A\\nope\\C", "%08x", (unsigned)r);
    r = RegOpenKeyExW(root, u"\\A", 0, KEY_READ, &k);
    put("open \\A", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegOpenKeyExW(root, u"A\\", 0, KEY_READ, &k);
    put("open A\\", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegOpenKeyExW(root, u"x\\\\y", 0, KEY_READ, &k);
    put("open x\\\\y", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegOpenKeyExW(root, u"X\\Y\\", 0, KEY_READ, &k);
    put("open X\\Y\\", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);
    r = RegOpenKeyExW(root, NULL, 0, KEY_READ, &k);
    put("open NULL", "%08x", (unsigned)r);
    if (r == 0) RegCloseKey(k);

    /* values */
    r = RegSetValueExW(root, NULL, 0, REG_SZ, (const BYTE *)u"def", 8);
    put("set default", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"bin", 0, REG_BINARY, (const BYTE *)"\x01\x02\x03", 3);
    put("set bin", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"dw", 0, REG_DWORD, (const BYTE *)&d, 4);
    put("set dw", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"dwshort", 0, REG_DWORD, (const BYTE *)&d, 2);
    put("set dw short", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"empty", 0, REG_BINARY, NULL, 0);
    put("set empty", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"exp", 0, REG_EXPAND_SZ, (const BYTE *)u"%COMRT_PROBE_X%\\y", 36);
    put("set exp", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"multi", 0, REG_MULTI_SZ, (const BYTE *)u"a\0bc\0", 12);
    put("set multi", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"qw", 0, REG_QWORD, (const BYTE *)&qw, 8);
    put("set qw", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"sz", 0, REG_SZ, (const BYTE *)u"hello", 12);
    put("set sz", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"sz_noterm", 0, REG_SZ, (const BYTE *)u"hello", 10);
    put("set sz_noterm", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"nulldata", 0, REG_BINARY, NULL, 4);
    put("set null data cb4", "%08x", (unsigned)r);
    r = RegSetValueExW(root, u"DW", 0, REG_DWORD, (const BYTE *)&d, 4);
    put("set DW again (case)", "%08x", (unsigned)r);

    q("q sz", root, u"sz", 1, 1, 256, 1);
    q("q SZ case", root, u"SZ", 1, 1, 256, 1);
    q("q sz size only", root, u"sz", 1, 0, 0, 1);
    q("q sz small", root, u"sz", 1, 1, 4, 1);
    q("q sz exact", root, u"sz", 1, 1, 12, 1);
    q("q sz_noterm", root, u"sz_noterm", 1, 1, 256, 1);
    q("q dw", root, u"dw", 1, 1, 256, 1);
    q("q qw", root, u"qw", 1, 1, 256, 1);
    q("q bin", root, u"bin", 1, 1, 256, 1);
    q("q empty", root, u"empty", 1, 1, 256, 1);
    q("q multi", root, u"multi", 1, 1, 256, 1);
    q("q default null", root, NULL, 1, 1, 256, 1);
    q("q default empty", root, u"", 1, 1, 256, 1);
    q("q missing", root, u"missing", 1, 1, 256, 1);
    q("q data no cb", root, u"sz", 1, 1, 256, 0);
    q("q no data no cb", root, u"sz", 1, 0, 256, 0);
    q("q dwshort", root, u"dwshort", 1, 1, 256, 1);

    g("g sz any", root, NULL, u"sz", RRF_RT_ANY, 1, 256);
    g("g sz as dword", root, NULL, u"sz", RRF_RT_REG_DWORD, 1, 256);
    g("g dw dword", root, NULL, u"dw", RRF_RT_DWORD, 1, 256);
    g("g dw small", root, NULL, u"dw", RRF_RT_DWORD, 1, 2);
    g("g dw size", root, NULL, u"dw", RRF_RT_DWORD, 0, 0);
    g("g qw qword", root, NULL, u"qw", RRF_RT_QWORD, 1, 256);
    g("g bin as dword", root, NULL, u"bin", RRF_RT_DWORD, 1, 256);
    g("g noterm", root, NULL, u"sz_noterm", RRF_RT_REG_SZ, 1, 256);
    g("g noterm exact", root, NULL, u"sz_noterm", RRF_RT_REG_SZ, 1, 10);
    g("g exp noexpand", root, NULL, u"exp", RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, 1, 256);
    g("g exp as expand_sz", root, NULL, u"exp", RRF_RT_REG_EXPAND_SZ, 1, 256);
    g("g exp as sz", root, NULL, u"exp", RRF_RT_REG_SZ | RRF_NOEXPAND, 1, 256);
    g("g no flags", root, NULL, u"sz", 0, 1, 256);
    g("g subkey", HKEY_CURRENT_USER, ROOT, u"dw", RRF_RT_ANY, 1, 256);
    g("g subkey missing", root, u"nope", u"dw", RRF_RT_ANY, 1, 256);
    g("g missing value", root, NULL, u"missing", RRF_RT_ANY, 1, 256);
    g("g zeroonfailure", root, NULL, u"sz", RRF_RT_REG_SZ | RRF_ZEROONFAILURE, 1, 4);
    g("g default", root, NULL, NULL, RRF_RT_REG_SZ, 1, 256);
    g("g empty bin", root, NULL, u"empty", RRF_RT_ANY, 1, 256);
    g("g multi", root, NULL, u"multi", RRF_RT_REG_MULTI_SZ, 1, 256);

    /* enumeration */
    for (i = 0; i < 10; i++) {
        char key[64];
        FILETIME ft;
        cch = 64;
        r = RegEnumKeyExW(root, i, name, &cch, NULL, NULL, NULL, &ft);
        sprintf(key, "enumkey %u", (unsigned)i);
        if (r) { put(key, "%08x cch=%u", (unsigned)r, (unsigned)cch); break; }
        pu_line l;
        pu_reset(&l);
        {
            DWORD j;
            for (j = 0; j < cch; j++) pu_add(&l, name[j] < 128 ? "%c" : "\\u%04x", (unsigned)name[j]);
        }
        put(key, "%08x cch=%u name=%s", (unsigned)r, (unsigned)cch, l.s);
    }
    cch = 1;
    r = RegEnumKeyExW(root, 0, name, &cch, NULL, NULL, NULL, NULL);
    put("enumkey small", "%08x cch=%u", (unsigned)r, (unsigned)cch);
    cch = 1;
    r = RegEnumKeyExW(root, 0, name, &cch, NULL, NULL, NULL, NULL);
    put("enumkey exact-1", "%08x cch=%u", (unsigned)r, (unsigned)cch);
    cch = 2;
    r = RegEnumKeyExW(root, 0, name, &cch, NULL, NULL, NULL, NULL);
    put("enumkey exact", "%08x cch=%u", (unsigned)r, (unsigned)cch);
    for (i = 0; i < 20; i++) {
        char key[64], hx[200];
        cch = 64;
        cb = sizeof data;
        type = 0xdead;
        r = RegEnumValueW(root, i, name, &cch, NULL, &type, data, &cb);
        sprintf(key, "enumvalue %u", (unsigned)i);
        if (r) { put(key, "%08x cch=%u", (unsigned)r, (unsigned)cch); break; }
        pu_line l;
        pu_reset(&l);
        {
            DWORD j;
            for (j = 0; j < cch; j++) pu_add(&l, "%c", (char)name[j]);
        }
        hexdump(hx, data, cb);
        put(key, "%08x cch=%u name=%s type=%u cb=%u data=%s", (unsigned)r, (unsigned)cch, l.s, (unsigned)type, (unsigned)cb, hx);
    }
    cch = 2; cb = sizeof data;
    r = RegEnumValueW(root, 0, name, &cch, NULL, &type, data, &cb);
    put("enumvalue name small", "%08x cch=%u cb=%u", (unsigned)r, (unsigned)cch, (unsigned)cb);
    cch = 2; cb = sizeof data;
    r = RegEnumValueW(root, 1, name, &cch, NULL, &type, data, &cb);
    put("enumvalue name small bin", "%08x cch=%u cb=%u", (unsigned)r, (unsigned)cch, (unsigned)cb);
    cch = 3; cb = sizeof data;
    r = RegEnumValueW(root, 1, name, &cch, NULL, &type, data, &cb);
    put("enumvalue name exact-1 bin", "%08x cch=%u cb=%u", (unsigned)r, (unsigned)cch, (unsigned)cb);
    cch = 4; cb = sizeof data;
    r = RegEnumValueW(root, 1, name, &cch, NULL, &type, data, &cb);
    put("enumvalue name exact bin", "%08x cch=%u cb=%u", (unsigned)r, (unsigned)cch, (unsigned)cb);
    cch = 64; cb = 2;
    r = RegEnumValueW(root, 0, name, &cch, NULL, &type, data, &cb);
    put("enumvalue data small", "%08x cch=%u cb=%u", (unsigned)r, (unsigned)cch, (unsigned)cb);
    cch = 64; cb = 0;
    r = RegEnumValueW(root, 0, name, &cch, NULL, &type, NULL, &cb);
    put("enumvalue size only", "%08x cch=%u cb=%u", (unsigned)r, (unsigned)cch, (unsigned)cb);

    /* access rights */
    r = RegOpenKeyExW(root, u"A", 0, KEY_READ, &k);
    put("open A read", "%08x", (unsigned)r);
    r = RegSetValueExW(k, u"v", 0, REG_DWORD, (const BYTE *)&d, 4);
    put("set on read-only handle", "%08x", (unsigned)r);
    (void)k2;
    RegCloseKey(k);
    r = RegOpenKeyExW(root, u"A", 0, KEY_SET_VALUE, &k);
    cb = 4;
    r = RegQueryValueExW(k, u"v", NULL, NULL, data, &cb);
    put("query on set-only handle", "%08x", (unsigned)r);
    cch = 64;
    r = RegEnumKeyExW(k, 0, name, &cch, NULL, NULL, NULL, NULL);
    put("enumkey on set-only handle", "%08x", (unsigned)r);
    RegCloseKey(k);

    /* deletion */
    r = RegDeleteValueW(root, u"SZ");
    put("delete value SZ", "%08x", (unsigned)r);
    r = RegDeleteValueW(root, u"sz");
    put("delete value again", "%08x", (unsigned)r);
    r = RegDeleteValueW(root, NULL);
    put("delete default", "%08x", (unsigned)r);
    r = RegDeleteKeyW(root, u"A");
    put("delete key with children", "%08x", (unsigned)r);
    r = RegDeleteKeyW(root, u"A\\B\\C");
    put("delete A\\B\\C", "%08x", (unsigned)r);
    r = RegDeleteKeyW(root, u"A\\B\\C");
    put("delete A\\B\\C again", "%08x", (unsigned)r);
    r = RegDeleteKeyW(root, u"");
    put("delete empty name", "%08x", (unsigned)r);
    r = RegDeleteKeyW(root, NULL);
    put("delete NULL name", "%08x", (unsigned)r);
    r = RegOpenKeyExW(root, u"trail", 0, KEY_ALL_ACCESS, &k);
    r = RegDeleteKeyW(root, u"trail");
    put("delete open key", "%08x", (unsigned)r);
    cb = 4;
    r = RegSetValueExW(k, u"v", 0, REG_DWORD, (const BYTE *)&d, 4);
    put("set on deleted key", "%08x", (unsigned)r);
    r = RegQueryValueExW(k, u"v", NULL, NULL, data, &cb);
    put("query on deleted key", "%08x", (unsigned)r);
    RegCloseKey(k);
    r = RegDeleteTreeW(root, u"nope");
    put("delete tree missing", "%08x", (unsigned)r);
    r = RegDeleteTreeW(root, u"A");
    put("delete tree A", "%08x", (unsigned)r);
    r = RegOpenKeyExW(root, u"A", 0, KEY_READ, &k);
    put("open A after tree", "%08x", (unsigned)r);
    r = RegDeleteTreeW(root, NULL);
    put("delete tree NULL", "%08x", (unsigned)r);
    cch = 64;
    r = RegEnumKeyExW(root, 0, name, &cch, NULL, NULL, NULL, NULL);
    put("enumkey after tree NULL", "%08x", (unsigned)r);
    cch = 64;
    r = RegEnumValueW(root, 0, name, &cch, NULL, NULL, NULL, NULL);
    put("enumvalue after tree NULL", "%08x", (unsigned)r);

    r = RegCloseKey(root);
    put("close", "%08x", (unsigned)r);
    r = RegCloseKey(HKEY_CURRENT_USER);
    put("close predefined", "%08x", (unsigned)r);
    r = RegDeleteKeyW(HKEY_CURRENT_USER, (LPCWSTR)ROOT);
    put("delete root", "%08x", (unsigned)r);
    r = RegOpenKeyExW(HKEY_CURRENT_USER, (LPCWSTR)ROOT, 0, KEY_READ, &k);
    put("open root after delete", "%08x", (unsigned)r);
    (void)open_root;
    return 0;
}
