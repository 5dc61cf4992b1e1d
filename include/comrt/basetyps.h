/*
 * comrt/basetyps.h — the macros COM interfaces are declared with.
 *
 * One declaration serves both languages, as in the SDK: in C++ (unless
 * CINTERFACE) an interface is a struct of pure virtual functions; in C it is
 * a struct holding `lpVtbl`, and the methods live in `<Name>Vtbl`, each
 * taking `This` first.  With the Itanium C++ ABI both have the same layout:
 * the object's first word points at the array of method pointers.
 *
 * `interface` is defined as `struct` for Windows code; define
 * COMRT_NO_INTERFACE_KEYWORD before including to keep the word free (some
 * Linux headers use it as an identifier).
 */
#ifndef COMRT_BASETYPS_H
#define COMRT_BASETYPS_H

#include "wtypesbase.h"

#ifndef COMRT_NO_INTERFACE_KEYWORD
#ifndef interface
#define interface struct
#endif
#endif

#if defined(__cplusplus) && !defined(CINTERFACE)
#define STDMETHOD(method) virtual HRESULT STDMETHODCALLTYPE method
#define STDMETHOD_(type, method) virtual type STDMETHODCALLTYPE method
#define STDMETHODV(method) virtual HRESULT STDMETHODVCALLTYPE method
#define STDMETHODV_(type, method) virtual type STDMETHODVCALLTYPE method
#define PURE = 0
#define THIS_
#define THIS void
#define DECLARE_INTERFACE(iface) struct iface
#define DECLARE_INTERFACE_(iface, baseiface) struct iface : public baseiface
#define DECLARE_INTERFACE_IID_(iface, baseiface, iid) struct iface : public baseiface
#else
#define STDMETHOD(method) HRESULT(STDMETHODCALLTYPE *method)
#define STDMETHOD_(type, method) type(STDMETHODCALLTYPE *method)
#define STDMETHODV(method) HRESULT(STDMETHODVCALLTYPE *method)
#define STDMETHODV_(type, method) type(STDMETHODVCALLTYPE *method)
#define PURE
#define THIS_ INTERFACE *This,
#define THIS INTERFACE *This
#define DECLARE_INTERFACE(iface)                 \
    typedef struct iface {                       \
        const struct iface##Vtbl *lpVtbl;        \
    } iface;                                     \
    typedef struct iface##Vtbl iface##Vtbl;      \
    struct iface##Vtbl
#define DECLARE_INTERFACE_(iface, baseiface) DECLARE_INTERFACE(iface)
#define DECLARE_INTERFACE_IID_(iface, baseiface, iid) DECLARE_INTERFACE(iface)
#endif

/* C helpers for objects implemented in C: the object that holds a vtable member. */
#define COMRT_CONTAINING_RECORD(address, type, field) \
    ((type *)((char *)(address) - offsetof(type, field)))
#ifndef CONTAINING_RECORD
#define CONTAINING_RECORD COMRT_CONTAINING_RECORD
#endif

#endif /* COMRT_BASETYPS_H */
