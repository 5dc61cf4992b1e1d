/*
 * runtime/marshal_internal.h — what the files that move interface pointers
 * between apartments share: the HGLOBAL stream's hook (hgstream.c), the
 * table of interface pointers held for other apartments (gitable.c), which
 * backs both the Global Interface Table and the records of
 * CoMarshalInterThreadInterfaceInStream (marshal_thread.c), and the GIT's
 * class object for activation.c's built-in classes.
 */
#ifndef COMRT_RUNTIME_MARSHAL_INTERNAL_H
#define COMRT_RUNTIME_MARSHAL_INTERNAL_H

#include <comrt.h>

#include "runtime/apartment_internal.h"

/* ---- HGLOBAL streams (hgstream.c) ----------------------------------------- */

/* CreateStreamOnHGlobal (hGlobal NULL: a new moveable block), and
 * on_final(ctx), when not NULL, runs once when the last stream sharing the
 * HGLOBAL (the stream and its clones) is released, on the releasing thread,
 * before the HGLOBAL is freed.  *ppstm receives the stream (caller
 * Releases).  E_INVALIDARG for a NULL ppstm, E_OUTOFMEMORY. */
HRESULT comrt__hgstream_create(HGLOBAL hGlobal, BOOL fDeleteOnRelease, comrt_apt_fn on_final, void *ctx,
                               IStream **ppstm);

/* ---- Interface pointers held for other apartments (gitable.c) -------------
 * An entry holds one reference on an interface pointer of the apartment
 * that registered it (its home) and hands it to any apartment through
 * comrt__apt_wrap.  When the home is uninitialized, the entry's reference
 * is released there and the entry stays as "disconnected" until revoked
 * or taken.  Thread-safe. */

typedef enum {
    COMRT_ITABLE_GIT,    /* an IGlobalInterfaceTable cookie: a DWORD, never 0 */
    COMRT_ITABLE_MARSHAL /* a marshalled record: 64-bit, at or above 2^32 */
} comrt_itable_kind;

/* Registers punk (QueryInterface'd for riid in the calling thread's
 * apartment, which becomes the entry's home) and returns its cookie.
 * CO_E_NOTINITIALIZED outside an apartment, the QueryInterface's error
 * (E_NOINTERFACE), E_OUTOFMEMORY.  *pcookie written only on success. */
HRESULT comrt__itable_register(comrt_itable_kind kind, IUnknown *punk, REFIID riid, ULONG64 *pcookie);

/* *ppv receives riid on the entry's object for the calling thread's
 * apartment (comrt__apt_wrap; caller Releases); with take, the entry is
 * removed at once (a marshalled record is unmarshalled once) and its
 * reference released in its home, whatever the outcome.  E_INVALIDARG for
 * an unknown cookie (of another kind too), RPC_E_DISCONNECTED for an entry
 * whose home has gone (without take), CO_E_OBJNOTCONNECTED with take,
 * CO_E_NOTINITIALIZED outside an apartment, else comrt__apt_wrap's error
 * (*ppv then NULL).  *ppv untouched for unknown cookies. */
HRESULT comrt__itable_get(comrt_itable_kind kind, ULONG64 cookie, BOOL take, REFIID riid, void **ppv);

/* Removes the entry and releases its reference in its home (from the
 * calling thread through comrt__apt_call).  E_INVALIDARG for an unknown
 * cookie; RPC_E_INVALID_OBJREF for an entry whose home had gone (removed
 * all the same: what Wine's GIT answers). */
HRESULT comrt__itable_revoke(comrt_itable_kind kind, ULONG64 cookie);

/* ---- Built-in classes (gitable.c) ----------------------------------------- */

/* The class object of CLSID_StdGlobalInterfaceTable (a process-wide
 * IClassFactory whose CreateInstance answers the GIT singleton), QueryInterface'd
 * for riid into *ppv (caller Releases). */
HRESULT comrt__git_get_class_object(REFIID riid, void **ppv);

#endif /* COMRT_RUNTIME_MARSHAL_INTERNAL_H */
