/*
 * comrt/comrtext.h — comrt's own additions to the Win32 API (not in the SDK).
 * Names start with `Comrt`, so they never collide with Windows names.
 */
#ifndef COMRT_COMRTEXT_H
#define COMRT_COMRTEXT_H

#include "objbase.h"
#include "oleauto.h"
#include "ocidl.h"
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

/* ---- Apartments (lib/runtime/apartment.c) ----------------------------------
 * Linux has no window messages: an STA's incoming calls wait in its queue.
 * A thread with its own event loop (Python's PumpEvents, an asyncio or GLib
 * loop) polls the queue's file descriptor and pumps when it is readable. */

/* Runs the calls queued to the calling STA: with dwTimeout 0, those already
 * queued, then returns; otherwise it waits up to dwTimeout ms (INFINITE: no
 * limit) for calls and runs them as they come.  S_OK when it ran at least
 * one, S_FALSE when none, RPC_E_WRONG_THREAD when the thread is not in an
 * STA. */
STDAPI ComrtPumpApartment(DWORD dwTimeout);

/* *pfd receives a file descriptor, readable while calls are queued to the
 * calling STA (owned by the apartment: do not read or close it; valid until
 * the thread's last CoUninitialize).  RPC_E_WRONG_THREAD outside an STA. */
STDAPI ComrtGetApartmentFd(int *pfd);

/* ---- In-process servers (lib/runtime/inproc.c) ---------------------------- */

/* What regsvr32 does: loads the shared object at pszPath (a Unix path) and
 * calls its DllRegisterServer (fRegister) or DllUnregisterServer, returning
 * that function's HRESULT.  CO_E_DLLNOTFOUND when the file does not load
 * (IErrorInfo carries dlerror's text), CO_E_ERRORINDLL when the entry point
 * is missing; E_INVALIDARG for a NULL or empty path; CO_E_NOTINITIALIZED
 * outside an apartment.  The file is unloaded again afterwards; a path
 * without '/' is searched as dlopen searches. */
STDAPI ComrtRegisterServer(LPCOLESTR pszPath, BOOL fRegister);

/* ---- Connection points for server authors (lib/runtime/connpt.c) ----------
 * An event source aggregates one object that implements
 * IConnectionPointContainer and one IConnectionPoint per outgoing
 * interface.  The source's QueryInterface hands IID_IConnectionPointContainer
 * to the inner object; its destructor Releases the inner object.
 * Each point is its own COM identity (it answers IUnknown and
 * IConnectionPoint) whose AddRef/Release are the source's: a client holding
 * a point, or an IEnumConnectionPoints, keeps the source alive, and
 * GetConnectionPointContainer returns the source's container.  Points are
 * thread-safe; no lock is held while a sink's code runs, so a sink may
 * Advise or Unadvise from inside an event. */

/* Creates the container for the cIids outgoing interfaces rgIids, delegating
 * IUnknown to pUnkOuter (the event source; not AddRef'ed; NULL: the object
 * stands alone).  *ppUnkInner receives the inner, non-delegating IUnknown
 * (the source keeps it and Releases it when it dies; that releases the
 * sinks still advised).  Advise QueryInterfaces the sink for the point's
 * IID (CONNECT_E_CANNOTCONNECT when it refuses) and keeps that pointer;
 * cookies start at 1 and are never reused by one point; Unadvise of a
 * cookie the point does not hold is CONNECT_E_NOCONNECTION.  E_POINTER for
 * NULL ppUnkInner; E_INVALIDARG for NULL rgIids with cIids > 0, more than
 * 4096 IIDs or an IID twice. */
STDAPI ComrtCreateConnectionPointContainer(IUnknown *pUnkOuter, ULONG cIids, const IID *rgIids,
                                           IUnknown **ppUnkInner);

/* A snapshot of the sinks advised to the point for riid of the container
 * whose inner IUnknown is pUnkInner: *prgSinks receives a CoTaskMemAlloc'ed
 * array of *pcSinks interface pointers of type riid, in Advise order (each
 * AddRef'ed: the caller Releases each and CoTaskMemFree's the array; with
 * no sinks, 0 and NULL).  Sinks advised or unadvised while the caller walks
 * the snapshot do not disturb it.  CONNECT_E_NOCONNECTION when the
 * container has no point for riid; E_INVALIDARG when pUnkInner is not such
 * an inner IUnknown; E_POINTER for NULL riid, pcSinks or prgSinks. */
STDAPI ComrtConnectionPointSinks(IUnknown *pUnkInner, REFIID riid, ULONG *pcSinks, IUnknown ***prgSinks);

/* Fires a dispinterface event: IDispatch::Invoke(dispid, IID_NULL,
 * LOCALE_USER_DEFAULT, DISPATCH_METHOD, pDispParams) on every sink of the
 * point for riid (a dispinterface or dual interface), in Advise order, from
 * a snapshot (ComrtConnectionPointSinks); pDispParams NULL means no
 * arguments.  A result or EXCEPINFO a sink returns is freed.  A sink that
 * fails does not stop the others; returns S_OK, or an error of
 * ComrtConnectionPointSinks. */
STDAPI ComrtFireDispatchEvent(IUnknown *pUnkInner, REFIID riid, DISPID dispid, DISPPARAMS *pDispParams);

/* ---- Standard enumerators (lib/runtime/enum.c) and class info (classinfo.c) */

/* An IEnumVARIANT over copies of rgItems[0..cItems) (VariantCopy'd now, so
 * the caller keeps its array); Clone shares the copies and keeps its own
 * position.  *ppEnum receives it (caller Releases).  Next VariantCopy's into
 * the caller's VARIANTs (the caller VariantClear's them): S_OK when celt
 * came, S_FALSE when fewer; pceltFetched may be NULL only when celt is 1
 * (E_POINTER otherwise); an element that fails to copy undoes the ones
 * written and leaves the position.  Skip past the end stops there with
 * S_FALSE.  E_POINTER for NULL ppEnum, E_INVALIDARG for NULL rgItems with
 * cItems > 0, or VariantCopy's error for an item it refuses. */
STDAPI ComrtCreateEnumVARIANT(ULONG cItems, const VARIANT *rgItems, IEnumVARIANT **ppEnum);
/* The same for interface pointers (each AddRef'ed while the enumerator and
 * its clones live; NULL entries allowed; Next hands out AddRef'ed
 * pointers). */
STDAPI ComrtCreateEnumUnknown(ULONG cItems, IUnknown *const *rgItems, IEnumUnknown **ppEnum);

/* IProvideClassInfo2 for an object described by the coclass pCoClassInfo
 * (AddRef'ed and kept): GetClassInfo returns it, GetGUID
 * (GUIDKIND_DEFAULT_SOURCE_DISP_IID) the IID of its [default, source]
 * interface when that is a dispinterface or derives from IDispatch (E_FAIL
 * when there is none, or it is a plain vtable interface; E_INVALIDARG for
 * another kind).  Delegates IUnknown to pUnkOuter like
 * ComrtCreateConnectionPointContainer; *ppUnkInner receives the inner
 * IUnknown.  E_INVALIDARG when pCoClassInfo is NULL or not a coclass,
 * E_POINTER for NULL ppUnkInner. */
STDAPI ComrtCreateProvideClassInfo(IUnknown *pUnkOuter, ITypeInfo *pCoClassInfo, IUnknown **ppUnkInner);

COMRT_END_DECLS

#endif /* COMRT_COMRTEXT_H */
