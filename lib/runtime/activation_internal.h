/*
 * runtime/activation_internal.h — what activation.c (CoGetClassObject,
 * CoCreateInstance(Ex)) needs from classreg.c (class objects registered by
 * the process) and inproc.c (the cache of loaded in-process servers).
 */
#ifndef COMRT_RUNTIME_ACTIVATION_INTERNAL_H
#define COMRT_RUNTIME_ACTIVATION_INTERNAL_H

#include <comrt.h>

#include "runtime/apartment_internal.h"

/* ---- Registered class objects (classreg.c) ------------------------------- */

/* *ppunk receives (AddRef'ed; caller Releases) the class object registered
 * for clsid with a context that overlaps dwClsContext by the apartment apt,
 * or by any apartment with REGCLS_AGILE; the oldest such registration wins.
 * REGDB_E_CLASSNOTREG (nothing written) when there is none. */
HRESULT comrt__classreg_find(comrt_apartment *apt, REFCLSID clsid, DWORD dwClsContext, IUnknown **ppunk);

/* ---- In-process servers (inproc.c) ---------------------------------------- */

/* Loads the shared object at path (UTF-8, as dlopen takes it: a name
 * without '/' is searched as dlopen searches; a cached load is reused, keyed
 * by the file's real path), records that the apartment `user` (the one that
 * asked for the activation: its CoFreeUnusedLibraries and CoUninitialize
 * decide about unloading) uses it, and calls its DllGetClassObject(clsid,
 * riid, ppv).  Called in the apartment the class's objects live in.
 * multi_threaded says they live in the MTA (CoFreeUnusedLibraries' default
 * delay is then 10 minutes instead of none).  When the file does not load:
 * HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND) (missing file or dependency, or an
 * empty path), ERROR_BAD_EXE_FORMAT (not a loadable ELF object) or
 * ERROR_PROC_NOT_FOUND (unresolved symbol), as LoadLibrary's failures come
 * back from Windows' activation, with the thread's IErrorInfo carrying
 * dlerror's text; CO_E_ERRORINDLL without DllGetClassObject; else
 * DllGetClassObject's answer.  *ppv receives the class object (caller
 * Releases) only on success. */
HRESULT comrt__inproc_get_class_object(comrt_apartment *user, const char *path, BOOL multi_threaded, REFCLSID clsid,
                                       REFIID riid, void **ppv);

#endif /* COMRT_RUNTIME_ACTIVATION_INTERNAL_H */
