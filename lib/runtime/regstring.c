/*
 * runtime/regstring.c — reading a registry string value the way the
 * runtime's own lookups want it (ProgIDs, InprocServer32, TypeLib paths):
 * one size-checked read into a fresh NUL-terminated buffer.  Registry
 * contents are outside data: the type is checked, the size capped, and a
 * value that changes between the size query and the read is refused.
 */
#include <stdlib.h>

#include "runtime/registry_internal.h"

LONG comrt__reg_read_sz(HKEY k, const WCHAR *name, BOOL missing_ok, DWORD max_bytes, WCHAR **out, DWORD *ptype)
{
    LONG r;
    DWORD type = 0, cb = 0;
    WCHAR *buf = NULL;

    r = RegQueryValueExW(k, name, NULL, &type, NULL, &cb);
    if (r == ERROR_FILE_NOT_FOUND && missing_ok) {
        type = REG_SZ;
        cb = 0;
    } else if (r != ERROR_SUCCESS) {
        goto out;
    }
    r = ERROR_INVALID_DATA;
    if ((type != REG_SZ && type != REG_EXPAND_SZ) || cb > max_bytes) goto out;
    buf = malloc(cb + sizeof(WCHAR));
    if (!buf) {
        r = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    if (cb) {
        DWORD cb2 = cb;
        if (RegQueryValueExW(k, name, NULL, &type, (BYTE *)buf, &cb2) != ERROR_SUCCESS ||
            (type != REG_SZ && type != REG_EXPAND_SZ) || cb2 > cb)
            goto out;
        cb = cb2;
    }
    buf[cb / sizeof(WCHAR)] = 0; /* stored data need not end in a NUL */
    *out = buf;
    buf = NULL;
    if (ptype) *ptype = type;
    r = ERROR_SUCCESS;
out:
    free(buf);
    return r;
}
