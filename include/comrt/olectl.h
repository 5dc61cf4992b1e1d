/*
 * comrt/olectl.h — what OLE controls' header gives COM servers: the
 * self-registration errors DllRegisterServer returns.
 */
#ifndef COMRT_OLECTL_H
#define COMRT_OLECTL_H

#include "ocidl.h"

#define SELFREG_E_FIRST ((HRESULT)0x80040200)
#define SELFREG_E_LAST ((HRESULT)0x8004020F)
#define SELFREG_S_FIRST ((HRESULT)0x00040200)
#define SELFREG_S_LAST ((HRESULT)0x0004020F)
/* DllRegisterServer could not register the type library / the classes. */
#define SELFREG_E_TYPELIB ((HRESULT)0x80040200)
#define SELFREG_E_CLASS ((HRESULT)0x80040201)

#endif /* COMRT_OLECTL_H */
