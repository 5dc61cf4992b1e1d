/*
 * fuzz/fuzz_regfile.c — the .reg parser on arbitrary bytes.  Every input is
 * parsed with a checking sink (what the parser reports must be well-formed:
 * NUL-terminated names, data within the caps); small inputs are also
 * imported for real into a scratch registry (COMRT_REGISTRY under /tmp),
 * which must answer S_OK or a clean error and stay usable.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <comrt.h>

#include "runtime/registry_internal.h"

static LONG check_key(void *ctx, const WCHAR *path, int del)
{
    size_t n = 0;
    (void)ctx;
    (void)del;
    if (!path) abort();
    while (path[n]) n++; /* must be terminated: ASan catches an overrun */
    return ERROR_SUCCESS;
}

static LONG check_value(void *ctx, const WCHAR *name, int del, DWORD type, const BYTE *data, DWORD cb)
{
    size_t n = 0;
    (void)ctx;
    (void)type;
    if (name)
        while (name[n]) n++;
    if (!del) {
        if (!data || cb > COMRT_REG_MAX_DATA) abort();
        if (cb) {
            volatile BYTE last = data[cb - 1]; /* within the buffer */
            (void)last;
        }
    }
    return ERROR_SUCCESS;
}

static char db_paths[2][64];

static void remove_scratch(void)
{
    static const char *suffix[] = {"", "-wal", "-shm"};
    char path[160];
    int i, j;
    comrt__reg_reset();
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++) {
            snprintf(path, sizeof path, "%s%s", db_paths[i], suffix[j]);
            unlink(path);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const comrt__regfile_sink sink = {check_key, check_value};
    static int env_set;
    DWORD line = 0;
    const char *msg = NULL;
    HRESULT hr = comrt__regfile_parse(data, size, &sink, NULL, &line, &msg);
    if (FAILED(hr) && hr != E_OUTOFMEMORY && !msg) abort(); /* every error says what */
    if (size <= 4096) {
        if (!env_set) {
            snprintf(db_paths[0], sizeof db_paths[0], "/tmp/comrt-fuzz-regfile-%ld.db", (long)getpid());
            snprintf(db_paths[1], sizeof db_paths[1], "/tmp/comrt-fuzz-regfile-%ld-sys.db", (long)getpid());
            setenv("COMRT_REGISTRY", db_paths[0], 1);
            setenv("COMRT_SYSTEM_REGISTRY", db_paths[1], 1);
            atexit(remove_scratch);
            env_set = 1;
        }
        hr = ComrtRegImportData(data, size, &line);
        if (SUCCEEDED(hr) && line != 0) abort();
        SetErrorInfo(0, NULL);
    }
    return 0;
}
