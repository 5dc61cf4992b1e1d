/*
 * comrt/objbase.h — ole32's flat API: task memory, GUID strings, CoCreateGuid.
 * (The SDK splits this with combaseapi.h; both names work.)
 */
#ifndef COMRT_OBJBASE_H
#define COMRT_OBJBASE_H

#include "objidl.h"

COMRT_BEGIN_DECLS

/* Task memory: the allocator every COM [out] buffer comes from.
 * CoTaskMemAlloc(0) returns a valid, unique pointer; CoTaskMemFree(NULL) is a no-op. */
WINOLEAPI_(LPVOID) CoTaskMemAlloc(SIZE_T cb);
WINOLEAPI_(LPVOID) CoTaskMemRealloc(LPVOID pv, SIZE_T cb);
WINOLEAPI_(void) CoTaskMemFree(LPVOID pv);
/* *ppMalloc receives the process task allocator (AddRef'ed; Release it).
 * dwMemContext must be 1 (MEMCTX_TASK). */
WINOLEAPI CoGetMalloc(DWORD dwMemContext, LPMALLOC *ppMalloc);
#define MEMCTX_TASK 1

/* "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" <-> GUID. */
WINOLEAPI CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid);
WINOLEAPI IIDFromString(LPCOLESTR lpsz, LPIID lpiid);
/* Writes 39 characters incl. the NUL; returns that count, or 0 if cchMax is too small. */
WINOLEAPI_(int) StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax);
/* *lplpsz receives a CoTaskMemAlloc'ed string; free with CoTaskMemFree. */
WINOLEAPI StringFromCLSID(REFCLSID rclsid, LPOLESTR *lplpsz);
WINOLEAPI StringFromIID(REFIID rclsid, LPOLESTR *lplpsz);
/* A random (version 4) GUID. */
WINOLEAPI CoCreateGuid(GUID *pguid);

/* ProgIDs and class emulation, read from HKEY_CLASSES_ROOT.
 * CLSIDFromProgID(Ex): <ProgID>\CLSID, following <ProgID>\CurVer when a
 * ProgID has no CLSID; CO_E_CLASSSTRING (and CLSID_NULL) when not found.
 * ProgIDFromCLSID: *lplpszProgID receives a CoTaskMemAlloc'ed string; free
 * with CoTaskMemFree.  CoGetTreatAsClass: S_FALSE and the same CLSID when
 * the class has no TreatAs.  CoTreatAsClass: clsidNew = CLSID_NULL removes
 * the emulation. */
WINOLEAPI CLSIDFromProgID(LPCOLESTR lpszProgID, LPCLSID lpclsid);
WINOLEAPI CLSIDFromProgIDEx(LPCOLESTR lpszProgID, LPCLSID lpclsid);
WINOLEAPI ProgIDFromCLSID(REFCLSID clsid, LPOLESTR *lplpszProgID);
WINOLEAPI CoGetTreatAsClass(REFCLSID clsidOld, LPCLSID pClsidNew);
WINOLEAPI CoTreatAsClass(REFCLSID clsidOld, REFCLSID clsidNew);

COMRT_END_DECLS

#endif /* COMRT_OBJBASE_H */
