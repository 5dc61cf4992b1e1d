/*
 * runtime/progid.c — ProgID and class lookups on the class registry
 * (HKEY_CLASSES_ROOT): CLSIDFromProgID(Ex) with CurVer redirection,
 * ProgIDFromCLSID, CoGetTreatAsClass, CoTreatAsClass, and the ProgID
 * fallback of CLSIDFromString (registered with base/ through a hook, so base
 * never calls up into the runtime).  Return codes follow ole32 (golden:
 * tests/golden/progid.txt); where Wine and Windows part, Windows is followed
 * (tests/golden/DEVIATIONS.md, probe "progid").
 */
#include "registry_internal.h"
#include "base/base_internal.h"

#include <stdlib.h>
#include <string.h>

/* A string value is read whole, but never more than this: ProgIDs are at
 * most 39 characters on Windows and a CLSID string is 38, so anything this
 * long is corrupt registry content, not a name. */
#define PROGID_MAX_VALUE_BYTES 8192u

/* How many CurVer hops CLSIDFromProgID follows before giving up; the cap
 * also ends a CurVer that names itself or a cycle of them. */
#define PROGID_MAX_CURVER_HOPS 8

/* The result of reading a key's default value. */
enum sz_result { SZ_OK, SZ_NO_KEY, SZ_BAD };

/* Reads the default value of base\sub (sub may be NULL for base itself) as a
 * NUL-terminated string into *out (malloc'ed; the caller frees it).  A key
 * without a default value reads as "", as RegQueryValue has always answered
 * and ole32 relies on.  A value that is not REG_SZ/REG_EXPAND_SZ, or larger
 * than PROGID_MAX_VALUE_BYTES, is SZ_BAD. */
static enum sz_result read_default(HKEY base, const WCHAR *sub, WCHAR **out)
{
    HKEY k = NULL;
    LONG r;

    if (RegOpenKeyExW(base, sub, 0, KEY_QUERY_VALUE, &k) != ERROR_SUCCESS) return SZ_NO_KEY;
    r = comrt__reg_read_sz(k, NULL, TRUE, PROGID_MAX_VALUE_BYTES, out, NULL);
    RegCloseKey(k);
    return r == ERROR_SUCCESS ? SZ_OK : SZ_BAD;
}

/* "CLSID\{xxxxxxxx-...}" followed by tail (a "\Sub" or ""), in out. */
static void clsid_path(REFCLSID clsid, const WCHAR *tail, WCHAR out[64])
{
    static const WCHAR prefix[] = u"CLSID\\";
    size_t n = 0, i;
    for (i = 0; prefix[i]; i++) out[n++] = prefix[i];
    n += (size_t)comrt__guid_format(clsid, out + n) - 1;
    for (i = 0; tail[i] && n < 63; i++) out[n++] = tail[i];
    out[n] = 0;
}

/*
 * CLSIDFromProgID: HKCR\<ProgID>\CLSID's default value, parsed as a CLSID.
 * A ProgID without a CLSID subkey is followed through its CurVer subkey
 * (the version-independent "Excel.Application" -> "Excel.Application.16"),
 * as Windows does; Wine 8 does not (a deviation of Wine's).  Key names are
 * case-insensitive (the registry's rule).  Unknown ProgID, missing CLSID or
 * an unparsable one: CO_E_CLASSSTRING with *lpclsid set to CLSID_NULL, as
 * ole32 does; NULL arguments: E_INVALIDARG, nothing written.
 */
HRESULT CLSIDFromProgID(LPCOLESTR lpszProgID, LPCLSID lpclsid)
{
    HRESULT hr = CO_E_CLASSSTRING;
    WCHAR *name = NULL, *value = NULL;
    HKEY k = NULL;
    CLSID found;
    int hop;

    if (!lpszProgID || !lpclsid) return E_INVALIDARG;
    for (hop = 0; hop <= PROGID_MAX_CURVER_HOPS; hop++) {
        const WCHAR *progid = name ? name : lpszProgID;
        enum sz_result r;
        /* An empty name would open HKEY_CLASSES_ROOT itself. */
        if (!progid[0] || RegOpenKeyExW(HKEY_CLASSES_ROOT, progid, 0, KEY_READ, &k) != ERROR_SUCCESS) break;
        r = read_default(k, u"CLSID", &value);
        if (r == SZ_OK) {
            /* The value must be a braced CLSID: no second ProgID lookup. */
            if (comrt__guid_parse(value, &found)) hr = S_OK;
            break;
        }
        if (r == SZ_BAD) break;
        free(name);
        name = NULL;
        if (read_default(k, u"CurVer", &name) != SZ_OK) break;
        RegCloseKey(k);
        k = NULL;
    }
    if (k) RegCloseKey(k);
    free(name);
    free(value);
    if (hr == S_OK)
        *lpclsid = found;
    else
        memset(lpclsid, 0, sizeof *lpclsid);
    return hr;
}

/*
 * CLSIDFromProgIDEx: on Windows it also asks the Active Directory class
 * store, which a Linux host has none of; the registry lookup is the whole of
 * it here, with CLSIDFromProgID's results.
 */
HRESULT CLSIDFromProgIDEx(LPCOLESTR lpszProgID, LPCLSID lpclsid)
{
    return CLSIDFromProgID(lpszProgID, lpclsid);
}

/*
 * ProgIDFromCLSID: HKCR\CLSID\{clsid}\ProgID's default value, in a
 * CoTaskMemAlloc'ed string the caller frees with CoTaskMemFree.  No CLSID
 * key or no ProgID subkey: REGDB_E_CLASSNOTREG with *lplpszProgID = NULL
 * (ole32 clears it); a ProgID key whose value is empty or missing answers
 * S_OK with "" as ole32 does.  NULL arguments: E_INVALIDARG.
 */
HRESULT ProgIDFromCLSID(REFCLSID clsid, LPOLESTR *lplpszProgID)
{
    HRESULT hr = REGDB_E_CLASSNOTREG;
    WCHAR path[64], *value = NULL, *copy;
    size_t bytes;

    if (!lplpszProgID) return E_INVALIDARG;
    if (!clsid) {
        *lplpszProgID = NULL;
        return E_INVALIDARG;
    }
    clsid_path(clsid, u"\\ProgID", path);
    if (read_default(HKEY_CLASSES_ROOT, path, &value) != SZ_OK) goto out;
    bytes = (comrt__utf16_len(value) + 1) * sizeof(WCHAR);
    copy = CoTaskMemAlloc(bytes);
    if (!copy) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    memcpy(copy, value, bytes);
    *lplpszProgID = copy;
    hr = S_OK;
out:
    free(value);
    if (FAILED(hr)) *lplpszProgID = NULL;
    return hr;
}

/*
 * CoGetTreatAsClass: HKCR\CLSID\{clsidOld}\TreatAs's default value.  None
 * (or no such class): S_FALSE with *pClsidNew = clsidOld.  A TreatAs value
 * that is no CLSID: CLSIDFromString's error (CO_E_CLASSSTRING) and what it
 * leaves in *pClsidNew (CLSID_NULL), as ole32 does.  NULL: E_INVALIDARG.
 */
HRESULT CoGetTreatAsClass(REFCLSID clsidOld, LPCLSID pClsidNew)
{
    HRESULT hr;
    WCHAR path[64], *value = NULL;
    enum sz_result r;

    if (!clsidOld || !pClsidNew) return E_INVALIDARG;
    clsid_path(clsidOld, u"\\TreatAs", path);
    r = read_default(HKEY_CLASSES_ROOT, path, &value);
    if (r == SZ_OK) {
        hr = CLSIDFromString(value, pClsidNew);
    } else if (r == SZ_NO_KEY) {
        *pClsidNew = *clsidOld;
        hr = S_FALSE;
    } else {
        hr = REGDB_E_READREGDB;
    }
    free(value);
    return hr;
}

/*
 * CoTreatAsClass: sets HKCR\CLSID\{clsidOld}\TreatAs to clsidNew.  The old
 * class must be registered (REGDB_E_CLASSNOTREG otherwise).  clsidNew ==
 * CLSID_NULL removes the emulation (S_OK whether or not there was one);
 * clsidNew == clsidOld restores the class's AutoTreatAs subkey if it holds
 * a CLSID, else removes TreatAs, and then a missing TreatAs is
 * REGDB_E_WRITEREGDB — both as ole32 answers.  A failed write:
 * REGDB_E_WRITEREGDB.
 */
HRESULT CoTreatAsClass(REFCLSID clsidOld, REFCLSID clsidNew)
{
    static const CLSID null_clsid;
    HRESULT hr = REGDB_E_WRITEREGDB;
    WCHAR path[64], text[39], *auto_value = NULL;
    HKEY k = NULL, sub = NULL;
    CLSID target;

    if (!clsidOld || !clsidNew) return E_INVALIDARG;
    clsid_path(clsidOld, u"", path);
    if (RegOpenKeyExW(HKEY_CLASSES_ROOT, path, 0, KEY_READ | KEY_WRITE, &k) != ERROR_SUCCESS) {
        hr = REGDB_E_CLASSNOTREG;
        goto out;
    }
    if (IsEqualGUID(clsidNew, &null_clsid)) {
        RegDeleteKeyW(k, u"TreatAs"); /* none to delete is fine */
        hr = S_OK;
        goto out;
    }
    target = *clsidNew;
    if (IsEqualGUID(clsidNew, clsidOld)) {
        if (read_default(k, u"AutoTreatAs", &auto_value) != SZ_OK || !comrt__guid_parse(auto_value, &target)) {
            if (RegDeleteKeyW(k, u"TreatAs") == ERROR_SUCCESS) hr = S_OK;
            goto out;
        }
    }
    comrt__guid_format(&target, text);
    if (RegCreateKeyExW(k, u"TreatAs", 0, NULL, 0, KEY_WRITE, NULL, &sub, NULL) != ERROR_SUCCESS) goto out;
    if (RegSetValueExW(sub, NULL, 0, REG_SZ, (const BYTE *)text, (DWORD)sizeof text) != ERROR_SUCCESS) goto out;
    hr = S_OK;
out:
    free(auto_value);
    if (sub) RegCloseKey(sub);
    if (k) RegCloseKey(k);
    return hr;
}

/* CLSIDFromString hands non-brace strings to CLSIDFromProgID through this
 * hook, set when libcomrt loads; base/ does not link against runtime/. */
__attribute__((constructor)) static void progid_register_hook(void)
{
    comrt__guid_set_progid_lookup(CLSIDFromProgID);
}
