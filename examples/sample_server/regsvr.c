/*
 * examples/sample_server/regsvr.c — regsvr32 for comrt, in a dozen lines:
 * `regsvr FILE.so` calls the server's DllRegisterServer, `regsvr -u
 * FILE.so` its DllUnregisterServer, through ComrtRegisterServer (which
 * loads the file, calls the export and unloads it).  The registry written
 * is the per-user one, or the one COMRT_REGISTRY names.  The sample's meson
 * test and `make demo` use it to register the sample server.
 */
#define COBJMACROS
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

/* A UTF-8 argument as a UTF-16 BSTR (caller frees); NULL on bad UTF-8. */
static BSTR widen(const char *s)
{
    BSTR out = SysAllocStringLen(NULL, (UINT)strlen(s));
    const unsigned char *p = (const unsigned char *)s;
    UINT n = 0;
    if (!out) return NULL;
    while (*p) {
        unsigned c = *p, extra;
        if (c >= 0x80 && (c < 0xC0 || c >= 0xF8)) goto bad;
        extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : 3;
        c = extra ? c & (0x3F >> extra) : c;
        for (p++; extra; extra--, p++) {
            if ((*p & 0xC0) != 0x80) goto bad;
            c = (c << 6) | (*p & 0x3F);
        }
        if (c >= 0x10000) {
            if (c > 0x10FFFF) goto bad;
            out[n++] = (OLECHAR)(0xD800 + ((c - 0x10000) >> 10));
            out[n++] = (OLECHAR)(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            out[n++] = (OLECHAR)c;
        }
    }
    out[n] = 0;
    return out;
bad:
    SysFreeString(out);
    return NULL;
}

int main(int argc, char **argv)
{
    BOOL unregister = argc == 3 && strcmp(argv[1], "-u") == 0;
    const char *file = argv[argc - 1];
    BSTR path;
    HRESULT hr;

    if (argc != 2 + (unregister ? 1 : 0) || file[0] == '-') {
        fprintf(stderr, "usage: %s [-u] FILE.so\n", argv[0]);
        return 2;
    }
    if (!(path = widen(file))) {
        fprintf(stderr, "%s: bad file name\n", argv[0]);
        return 2;
    }
    CoInitialize(NULL);
    hr = ComrtRegisterServer(path, !unregister);
    if (SUCCEEDED(hr)) {
        printf("%s in %s succeeded.\n", unregister ? "DllUnregisterServer" : "DllRegisterServer", file);
    } else {
        IErrorInfo *ei = NULL;
        BSTR why = NULL;
        if (GetErrorInfo(0, &ei) == S_OK) {
            IErrorInfo_GetDescription(ei, &why);
            IErrorInfo_Release(ei);
        }
        fprintf(stderr, "%s in %s failed: 0x%08X %s", unregister ? "DllUnregisterServer" : "DllRegisterServer",
                file, (unsigned)hr, ComrtHResultName(hr) ? ComrtHResultName(hr) : "");
        for (const OLECHAR *c = why; c && *c; c++) fputc(*c < 0x80 ? (int)*c : '?', stderr);
        fputc('\n', stderr);
        SysFreeString(why);
    }
    CoUninitialize();
    SysFreeString(path);
    return SUCCEEDED(hr) ? 0 : 1;
}
