/*
 * comrt/objidl.h — the object-model interfaces of ole32 (IMalloc so far).
 */
#ifndef COMRT_OBJIDL_H
#define COMRT_OBJIDL_H

#include "unknwn.h"

typedef struct IMalloc IMalloc;
typedef IMalloc *LPMALLOC;

DEFINE_GUID(IID_IMalloc, 0x00000002, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

#define INTERFACE IMalloc
DECLARE_INTERFACE_(IMalloc, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD_(void *, Alloc)(THIS_ SIZE_T cb) PURE;
    STDMETHOD_(void *, Realloc)(THIS_ void *pv, SIZE_T cb) PURE;
    STDMETHOD_(void, Free)(THIS_ void *pv) PURE;
    STDMETHOD_(SIZE_T, GetSize)(THIS_ void *pv) PURE;
    STDMETHOD_(int, DidAlloc)(THIS_ void *pv) PURE;
    STDMETHOD_(void, HeapMinimize)(THIS) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IMalloc_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IMalloc_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IMalloc_Release(This) (This)->lpVtbl->Release(This)
#define IMalloc_Alloc(This, cb) (This)->lpVtbl->Alloc(This, cb)
#define IMalloc_Realloc(This, pv, cb) (This)->lpVtbl->Realloc(This, pv, cb)
#define IMalloc_Free(This, pv) (This)->lpVtbl->Free(This, pv)
#define IMalloc_GetSize(This, pv) (This)->lpVtbl->GetSize(This, pv)
#define IMalloc_DidAlloc(This, pv) (This)->lpVtbl->DidAlloc(This, pv)
#define IMalloc_HeapMinimize(This) (This)->lpVtbl->HeapMinimize(This)
#endif

#endif /* COMRT_OBJIDL_H */
