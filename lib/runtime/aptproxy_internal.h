/*
 * runtime/aptproxy_internal.h — what the three files of cross-apartment
 * proxies share: aptproxy.c (proxy managers, wrapping, the call path),
 * aptproxy_std.c (the hand-written signatures and vtables of the standard
 * interfaces) and aptproxy_tlb.c (signatures built from registered type
 * libraries, with libffi closures for vtables).
 *
 * Within one process a proxy needs no NDR: a call hands its argument values
 * to the object's home apartment, which calls the real vtable slot.  What a
 * proxy must know about a method is only which arguments hold interface
 * pointers or VARIANTs (those are wrapped for the apartment that will use
 * them) — an ap_method says that, per argument, as an ap_param.
 */
#ifndef COMRT_RUNTIME_APTPROXY_INTERNAL_H
#define COMRT_RUNTIME_APTPROXY_INTERNAL_H

#include <ffi.h>

#include "runtime/apartment_internal.h"

/* How one argument crosses. */
typedef enum {
    AP_VAL,            /* as it is: scalars, strings, structs and arrays
                          without interfaces, free-threaded objects */
    AP_IN_ITF,         /* IFoo* [in]: wrapped for home (as *iid) */
    AP_OUT_ITF,        /* IFoo** [out]: result wrapped for the caller (as
                          *iid, or as the REFIID argument `aux` when aux >= 0) */
    AP_INOUT_ITF,      /* IFoo** [in,out]: both */
    AP_IN_VARIANT,     /* VARIANT by value [in] */
    AP_IN_PVARIANT,    /* VARIANT* [in] */
    AP_OUT_PVARIANT,   /* VARIANT* [out] (Invoke's pVarResult, [retval]) */
    AP_INOUT_PVARIANT, /* VARIANT* [in,out] */
    AP_DISPPARAMS,     /* DISPPARAMS* [in]; by-reference members are in/out */
    AP_OUT_VARIANTS,   /* VARIANT rg[aux] [out], *arg aux2 of them fetched */
    AP_OUT_ITFS,       /* IFoo *rg[aux] [out], *arg aux2 fetched (as *iid) */
    AP_OUT_CONNECTDATA /* CONNECTDATA rg[aux] [out], *arg aux2 fetched */
} ap_kind;

/* Argument count limit of a proxied method (far above real interfaces). */
#define AP_MAX_PARAMS 64

typedef struct {
    unsigned char kind;  /* ap_kind */
    signed char aux;     /* see ap_kind; -1 when unused */
    signed char aux2;    /* see ap_kind; -1 when unused */
    const IID *iid;      /* the interface kinds' IID */
    ffi_type *type;      /* how the value is passed */
} ap_param;

typedef struct {
    unsigned nparams;        /* after `this` */
    const ap_param *params;
    BOOL returns_hr;         /* result is an HRESULT (RPC errors go there) */
    ffi_type *rtype;
    ffi_cif cif;             /* this + params -> rtype: the call in home,
                                and the closure of a type-library facelet */
    ffi_type **types;        /* cif's argument types (this first) */
} ap_method;

/* The proxy signature of one interface: a method per vtable slot (slots
 * 0..2, IUnknown's, are answered by the proxy itself) and the vtable the
 * interface's facelets use.  Built once, kept for the life of the process,
 * read by every thread without a lock. */
typedef struct ap_sig {
    unsigned nslots;
    ap_method *methods;  /* [nslots] */
    const void *vtbl;
} ap_sig;

typedef struct ap_manager ap_manager;

/* One interface of a proxy: lpVtbl first, so an ap_facelet* is the
 * interface pointer the caller holds. */
typedef struct ap_facelet {
    const void *lpVtbl;
    ap_manager *mgr;
    const ap_sig *sig;
    IID iid;
    IUnknown *real;   /* the object's interface for iid, usable in home;
                         owned (released in home); NULL once disconnected */
    struct ap_facelet *next;
} ap_facelet;

/* ---- aptproxy.c ----------------------------------------------------------- */

/* IUnknown of every facelet (slots 0..2 of every facelet vtable).  A pointer
 * whose QueryInterface slot is comrt__ap_QueryInterface is a facelet. */
HRESULT STDMETHODCALLTYPE comrt__ap_QueryInterface(IUnknown *This, REFIID riid, void **ppv);
ULONG STDMETHODCALLTYPE comrt__ap_AddRef(IUnknown *This);
ULONG STDMETHODCALLTYPE comrt__ap_Release(IUnknown *This);

/* Makes the call of vtable slot `slot` on facelet f: args[i] points to the
 * value of argument i (after `this`), as libffi closures receive them; the
 * result is written to *ret (an ffi_arg-sized buffer for integer results,
 * as libffi closures expect; nothing for void).  Failures of the proxy
 * itself (RPC_E_DISCONNECTED, RPC_E_WRONG_THREAD, wrapping errors, out of
 * memory) are the result for HRESULT methods. */
void comrt__ap_invoke(ap_facelet *f, unsigned slot, void **args, void *ret);

/* The same for HRESULT methods: returns the HRESULT. */
HRESULT comrt__ap_invoke_hr(void *This, unsigned slot, void **args);

/* ---- aptproxy_std.c ------------------------------------------------------- */

/* The signature of a standard interface (IUnknown, IDispatch, ...) or NULL.
 * Static storage. */
const ap_sig *comrt__ap_std_sig(REFIID riid);

/* The IDispatch signature and its stubs, which type-library signatures of
 * dual interfaces (and dispinterfaces) reuse for slots 3..6. */
const ap_sig *comrt__ap_dispatch_sig(void);
extern void *const comrt__ap_dispatch_stubs[7];

/* ---- aptproxy_tlb.c ------------------------------------------------------- */

/* The signature for riid: a standard one, else one built from the type
 * library HKCR\Interface\{riid}\TypeLib names (cached process-wide), else
 * (ProxyStubClsid32 = PSDispatch) IDispatch's.  NULL when there is none. */
const ap_sig *comrt__ap_sig_find(REFIID riid);

#endif /* COMRT_RUNTIME_APTPROXY_INTERNAL_H */
