/*
 * comrt/rpc.h — what MIDL/widl output expects from the SDK's <rpc.h>.
 *
 * Generated COM headers (foo.h) and GUID files (foo_i.c) begin with
 * `#include <rpc.h>` and `#include <rpcndr.h>`; this header and rpcndr.h
 * let them compile unchanged against comrt (with -I<includedir>/comrt, see
 * docs/porting.md).  Only the names COM interface declarations use are
 * here: no RPC runtime, no proxy/stub (NDR) machinery.
 */
#ifndef COMRT_RPC_H
#define COMRT_RPC_H

#include "wtypesbase.h"
#include "guiddef.h"

/* Pointer and calling-convention decorations of 16-bit and Win32 RPC code:
 * all empty with the native System V convention. */
#ifndef __RPC_FAR
#define __RPC_FAR
#endif
#ifndef __RPC_API
#define __RPC_API
#endif
#ifndef __RPC_USER
#define __RPC_USER
#endif
#ifndef __RPC_STUB
#define __RPC_STUB
#endif
#ifndef RPC_ENTRY
#define RPC_ENTRY
#endif
#ifndef RPC_VAR_ENTRY
#define RPC_VAR_ENTRY
#endif

/* winnt.h's storage-class decorations, which rpc.h brings in on Windows.
 * DECLSPEC_SELECTANY ("keep one of these definitions") is a weak symbol on
 * ELF, so a foo_i.c GUID may be defined in several objects of one program. */
#ifndef DECLSPEC_SELECTANY
#if defined(__GNUC__)
#define DECLSPEC_SELECTANY __attribute__((weak))
#else
#define DECLSPEC_SELECTANY
#endif
#endif
#ifndef DECLSPEC_NOVTABLE
#define DECLSPEC_NOVTABLE
#endif

typedef LONG RPC_STATUS;

#endif /* COMRT_RPC_H */
