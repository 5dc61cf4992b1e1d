/*
 * comrt/comrtext.h — comrt's own additions to the Win32 API (not in the SDK).
 * Names start with `Comrt`, so they never collide with Windows names.
 */
#ifndef COMRT_COMRTEXT_H
#define COMRT_COMRTEXT_H

#include "oleauto.h"
#include "winreg.h"

COMRT_BEGIN_DECLS

/* DispCallFunc's calling convention for vtables and functions declared
 * __attribute__((ms_abi)) (Wine-built code, vkd3d-style interfaces): the
 * Windows x64 convention, called as Windows' DispCallFunc calls it
 * (VARIANT/DECIMAL arguments by reference; a VARIANT/DECIMAL result through
 * a pointer passed after `this`).  Windows' CALLCONV values are 0..CC_MAX (9)
 * and a type library stores them in 4 bits, so 0x100 can come from neither. */
#define CC_COMRT_MSABI ((CALLCONV)0x100)

/* The symbolic name of a standard HRESULT ("E_NOINTERFACE"), or NULL when it
 * is not one comrt knows.  Static storage: do not free. */
STDAPI_(const char *) ComrtHResultName(HRESULT hr);

/* The standard message text for hr (the text FormatMessage gives on Windows,
 * without the trailing line break), as a new BSTR the caller frees.  Unknown
 * codes get "Unknown error 0x%08X".  E_INVALIDARG if pbstrMessage is NULL. */
STDAPI ComrtHResultMessage(HRESULT hr, BSTR *pbstrMessage);

/* The library version, "MAJOR.MINOR.PATCH".  Static storage. */
STDAPI_(const char *) ComrtVersion(void);

/* ---- .reg files (registry import/export; lib/runtime/regfile.c) ---------
 * Both formats regedit reads: "Windows Registry Editor Version 5.00" files
 * (UTF-16LE with BOM, or UTF-8) and "REGEDIT4" files (8-bit: read as UTF-8).
 * Sections [HKEY_...\path] create keys and [-HKEY_...\path] delete trees;
 * values are "name"="string", @= (the default value), dword:, hex:,
 * hex(N): (hex(2) REG_EXPAND_SZ, hex(7) REG_MULTI_SZ, hex(b) REG_QWORD) and
 * "name"=- (delete); hex data goes on over lines ending in '\'. */

/* ComrtRegExportKey formats. */
#define COMRT_REGFILE_V5 0u       /* Version 5.00: UTF-16LE with BOM, CRLF */
#define COMRT_REGFILE_REGEDIT4 1u /* REGEDIT4: UTF-8, CRLF */

/* Imports a .reg file held in memory.  All or nothing: every write of the
 * file is one transaction per database, rolled back on any error.
 * Syntax errors: HRESULT_FROM_WIN32(ERROR_INVALID_DATA) (ERROR_BAD_FORMAT
 * without a header), *pdwErrorLine (optional) the 1-based line, and an
 * IErrorInfo whose description says "line N: what".  Registry errors come
 * as HRESULT_FROM_WIN32(code) (e.g. ERROR_ACCESS_DENIED for HKLM without a
 * writable system registry).  *pdwErrorLine is 0 on success. */
STDAPI ComrtRegImportData(const void *pData, SIZE_T cbData, DWORD *pdwErrorLine);

/* Reads the file at pszPath (a Unix path) and imports it as above;
 * HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) when it does not exist. */
STDAPI ComrtRegImportFile(LPCWSTR pszPath, DWORD *pdwErrorLine);

/* Writes the key hKey\pszSubKey (pszSubKey may be NULL) and everything
 * below it to the file pszPath in dwFormat (COMRT_REGFILE_*), atomically
 * (temporary file + rename).  E_INVALIDARG for a NULL path or unknown
 * format; HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) when the key is missing. */
STDAPI ComrtRegExportKey(HKEY hKey, LPCWSTR pszSubKey, LPCWSTR pszPath, DWORD dwFormat);

COMRT_END_DECLS

#endif /* COMRT_COMRTEXT_H */
