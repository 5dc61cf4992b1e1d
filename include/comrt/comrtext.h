/*
 * comrt/comrtext.h — comrt's own additions to the Win32 API (not in the SDK).
 * Names start with `Comrt`, so they never collide with Windows names.
 */
#ifndef COMRT_COMRTEXT_H
#define COMRT_COMRTEXT_H

#include "oleauto.h"

COMRT_BEGIN_DECLS

/* The symbolic name of a standard HRESULT ("E_NOINTERFACE"), or NULL when it
 * is not one comrt knows.  Static storage: do not free. */
STDAPI_(const char *) ComrtHResultName(HRESULT hr);

/* The standard message text for hr (the text FormatMessage gives on Windows,
 * without the trailing line break), as a new BSTR the caller frees.  Unknown
 * codes get "Unknown error 0x%08X".  E_INVALIDARG if pbstrMessage is NULL. */
STDAPI ComrtHResultMessage(HRESULT hr, BSTR *pbstrMessage);

/* The library version, "MAJOR.MINOR.PATCH".  Static storage. */
STDAPI_(const char *) ComrtVersion(void);

COMRT_END_DECLS

#endif /* COMRT_COMRTEXT_H */
