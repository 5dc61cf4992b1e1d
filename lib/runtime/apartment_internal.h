/*
 * lib/runtime/apartment_internal.h — apartments and cross-apartment calls,
 * as the rest of libcomrt sees them.
 *
 * An apartment is where objects live and where calls to them run.  Each STA
 * has one thread and a queue of work items; the MTA has a queue served by
 * worker threads libcomrt starts on demand (as Windows' RPC threads serve
 * calls into the MTA).  Anything that must run "in" an apartment — a call
 * through a cross-apartment proxy here, a marshalled call from another
 * process later (the rpc/ layer) — is a work item posted to its queue.
 *
 * Implemented in apartment.c (apartments, queues, waits) and aptproxy.c
 * (proxies).
 */
#ifndef COMRT_RUNTIME_APARTMENT_INTERNAL_H
#define COMRT_RUNTIME_APARTMENT_INTERNAL_H

#include <comrt.h>

typedef struct comrt_apartment comrt_apartment;

/* ---- Apartments ---------------------------------------------------------- */

/* *papt receives the calling thread's apartment, referenced (release with
 * comrt__apt_release): its STA, or the MTA when it is in the MTA (an MTA
 * worker is) or in none while the MTA exists (the implicit MTA).
 * CO_E_NOTINITIALIZED otherwise.  A reference does not keep an STA alive
 * (its thread's CoInitializeEx count does; afterwards the apartment refuses
 * work with RPC_E_DISCONNECTED) but keeps the MTA alive: the MTA dies when
 * its last reference goes (threads in it hold one each), running what was
 * queued and its uninit hooks on the releasing thread (or, when that is an
 * STA's thread, on a thread of its own); the next comrt__apt_mta makes a
 * new one. */
HRESULT comrt__apt_current(comrt_apartment **papt);
void comrt__apt_addref(comrt_apartment *apt);
void comrt__apt_release(comrt_apartment *apt);

/* APTTYPE_STA (also for the main STA) or APTTYPE_MTA. */
APTTYPE comrt__apt_type(const comrt_apartment *apt);
/* TRUE when the calling thread runs in apt (an MTA worker counts as in
 * the MTA; so does an uninitialized thread while the MTA exists). */
BOOL comrt__apt_is_current(const comrt_apartment *apt);
/* A stable id for apt, unique in the process for its life (OXID later). */
ULONG64 comrt__apt_id(const comrt_apartment *apt);

/* The main STA (the first STA of the process), referenced, or
 * CO_E_NOTINITIALIZED when none is alive. */
HRESULT comrt__apt_main_sta(comrt_apartment **papt);
/* The host STA: a thread libcomrt starts on first use, which sits in an STA
 * and pumps, home to Apartment-model objects created from MTA threads.
 * Referenced.  It stays for the life of the process (a detached thread,
 * reachable from a global; process exit ends it without CoUninitialize, so
 * its uninit hooks do not run).  Like any first STA it may be the main
 * STA. */
HRESULT comrt__apt_host_sta(comrt_apartment **papt);
/* The MTA, referenced, brought to life if needed (kept while referenced:
 * home to Free-model objects created from STA threads). */
HRESULT comrt__apt_mta(comrt_apartment **papt);

/* ---- Work items ---------------------------------------------------------- */

typedef void (*comrt_apt_fn)(void *ctx);

/* Runs fn(ctx) in apt and returns when it has run.  The caller in apt runs
 * it at once.  Otherwise the item is queued; while the caller waits, an STA
 * caller keeps running the items queued to its own apartment (so a call that
 * calls back into it does not deadlock), an MTA caller blocks.
 * RPC_E_DISCONNECTED (fn not run) when apt has been uninitialized or is
 * shutting down; S_OK once fn has run (fn reports its own results through
 * ctx). */
HRESULT comrt__apt_call(comrt_apartment *apt, comrt_apt_fn fn, void *ctx);

/* Queues fn(ctx) to run in apt later, without waiting.  RPC_E_DISCONNECTED
 * as above, in which case fn does not run and the caller still owns ctx. */
HRESULT comrt__apt_post(comrt_apartment *apt, comrt_apt_fn fn, void *ctx);

/* Releases p in apt (an object must be released in its own apartment) and
 * returns once that is done: at once when the caller is in apt, else as a
 * call into it.  When apt takes no more work (it has shut down), p is
 * released on the calling thread: its apartment's thread is gone, and
 * leaking would be worse.  p may be NULL. */
void comrt__apt_release_in(comrt_apartment *apt, IUnknown *p);

/* Registers fn(ctx) to run on apt's thread when apt is uninitialized
 * (class-object revocation, proxy disconnection, library unloading), in
 * reverse order of registration, after the items queued before shutdown
 * have run.  The returned cookie removes it early (no-op once it ran).
 * RPC_E_DISCONNECTED once the hooks have started (fn will not run).  For
 * the MTA, "apt's thread" is the thread that ends it (see
 * comrt__apt_current). */
HRESULT comrt__apt_on_uninit(comrt_apartment *apt, comrt_apt_fn fn, void *ctx, ULONG64 *pcookie);
void comrt__apt_cancel_uninit(comrt_apartment *apt, ULONG64 cookie);

/* ---- Cross-apartment proxies (aptproxy.c) -------------------------------- */

/* *ppv receives an interface pointer for riid, usable from the calling
 * thread's apartment, on the object pUnk that lives in `home`:
 *  - the caller is in home: pUnk QueryInterface'd for riid;
 *  - pUnk is itself a proxy to an object whose home is the caller's
 *    apartment: that object, QueryInterface'd (no proxy of a proxy);
 *  - otherwise a proxy: every call runs in home through comrt__apt_call,
 *    its interface-pointer arguments and results wrapped the same way, and
 *    the callee's IErrorInfo carried back to the calling thread.
 * One object has one proxy per calling apartment (COM identity:
 * QueryInterface(IID_IUnknown) answers the same pointer).  Proxies exist
 * for the standard interfaces (IUnknown, IDispatch, IClassFactory,
 * IEnumVARIANT, IEnumUnknown, the connection-point interfaces,
 * IProvideClassInfo(2), ISupportErrorInfo) and for every interface a
 * registered type library describes (HKCR\Interface\{iid}\TypeLib);
 * E_NOINTERFACE for others.  Calls to a proxy whose home has gone answer
 * RPC_E_DISCONNECTED.  Caller Releases *ppv. */
HRESULT comrt__apt_wrap(comrt_apartment *home, IUnknown *pUnk, REFIID riid, void **ppv);

#endif /* COMRT_RUNTIME_APARTMENT_INTERNAL_H */
