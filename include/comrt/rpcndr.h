/*
 * comrt/rpcndr.h — what MIDL/widl output expects from the SDK's <rpcndr.h>:
 * the interface-declaration macros (MIDL_INTERFACE, BEGIN_INTERFACE,
 * CONST_VTBL, ...) and IDL's base types.  See rpc.h for why this exists
 * and docs/porting.md for how to compile generated headers.  No NDR
 * engine: comrt's cross-apartment and (later) DCOM marshaling work from
 * type libraries, not from MIDL-generated proxy/stub code.
 */
#ifndef COMRT_RPCNDR_H
#define COMRT_RPCNDR_H

#include "rpc.h"
#include "basetyps.h"

/* Generated headers require at least this version of rpcndr.h. */
#ifndef __RPCNDR_H_VERSION__
#define __RPCNDR_H_VERSION__ 500
#endif

/* __declspec(uuid(...)) attaches an IID to a C++ type for __uuidof, which
 * GCC does not have: the IID_ constants are what portable code uses. */
#ifndef DECLSPEC_UUID
#define DECLSPEC_UUID(x)
#endif
#ifndef MIDL_INTERFACE
#define MIDL_INTERFACE(x) struct DECLSPEC_UUID(x) DECLSPEC_NOVTABLE
#endif

/* Markers around a C vtable (padding slots on old 16-bit compilers). */
#ifndef BEGIN_INTERFACE
#define BEGIN_INTERFACE
#endif
#ifndef END_INTERFACE
#define END_INTERFACE
#endif

/* C vtables are const when CONST_VTABLE is defined, as in the SDK. */
#ifndef CONST_VTBL
#ifdef CONST_VTABLE
#define CONST_VTBL const
#else
#define CONST_VTBL
#endif
#endif

#ifndef __MIDL_CONST
#define __MIDL_CONST const
#endif

/* IDL base types that keep their IDL names in generated C. */
#ifndef __RPCNDR_BASE_TYPES_DEFINED
#define __RPCNDR_BASE_TYPES_DEFINED
typedef unsigned char boolean;
typedef unsigned char byte;
typedef INT64 hyper;
typedef UINT64 MIDL_uhyper;
#endif

#endif /* COMRT_RPCNDR_H */
