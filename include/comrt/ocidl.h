/*
 * comrt/ocidl.h — the OLE controls interfaces COM events are built on:
 * connection points (IConnectionPointContainer, IConnectionPoint and their
 * enumerators) and IProvideClassInfo(2).  comrt's reusable implementations
 * for server authors are in comrtext.h (ComrtCreateConnectionPointContainer,
 * ComrtCreateProvideClassInfo).
 */
#ifndef COMRT_OCIDL_H
#define COMRT_OCIDL_H

#include "oaidl.h"

typedef struct IConnectionPointContainer IConnectionPointContainer;
typedef IConnectionPointContainer *LPCONNECTIONPOINTCONTAINER, *PCONNECTIONPOINTCONTAINER;
typedef struct IConnectionPoint IConnectionPoint;
typedef IConnectionPoint *LPCONNECTIONPOINT, *PCONNECTIONPOINT;
typedef struct IEnumConnections IEnumConnections;
typedef IEnumConnections *LPENUMCONNECTIONS, *PENUMCONNECTIONS;
typedef struct IEnumConnectionPoints IEnumConnectionPoints;
typedef IEnumConnectionPoints *LPENUMCONNECTIONPOINTS, *PENUMCONNECTIONPOINTS;
typedef struct IProvideClassInfo IProvideClassInfo;
typedef IProvideClassInfo *LPPROVIDECLASSINFO;
typedef struct IProvideClassInfo2 IProvideClassInfo2;
typedef IProvideClassInfo2 *LPPROVIDECLASSINFO2;

DEFINE_GUID(IID_IConnectionPointContainer, 0xB196B284, 0xBAB4, 0x101A, 0xB6, 0x9C, 0x00, 0xAA, 0x00, 0x34, 0x1D, 0x07);
DEFINE_GUID(IID_IConnectionPoint, 0xB196B286, 0xBAB4, 0x101A, 0xB6, 0x9C, 0x00, 0xAA, 0x00, 0x34, 0x1D, 0x07);
DEFINE_GUID(IID_IEnumConnections, 0xB196B287, 0xBAB4, 0x101A, 0xB6, 0x9C, 0x00, 0xAA, 0x00, 0x34, 0x1D, 0x07);
DEFINE_GUID(IID_IEnumConnectionPoints, 0xB196B285, 0xBAB4, 0x101A, 0xB6, 0x9C, 0x00, 0xAA, 0x00, 0x34, 0x1D, 0x07);
DEFINE_GUID(IID_IProvideClassInfo, 0xB196B283, 0xBAB4, 0x101A, 0xB6, 0x9C, 0x00, 0xAA, 0x00, 0x34, 0x1D, 0x07);
DEFINE_GUID(IID_IProvideClassInfo2, 0xA6BC3AC0, 0xDBAA, 0x11CE, 0x9D, 0xE3, 0x00, 0xAA, 0x00, 0x4B, 0xB8, 0x51);

/* One advise: the sink and the cookie Advise returned for it. */
typedef struct tagCONNECTDATA {
    IUnknown *pUnk;
    DWORD dwCookie;
} CONNECTDATA, *PCONNECTDATA, *LPCONNECTDATA;
/* Marshaled and laid out as Windows does: a pointer, then a DWORD. */
COMRT_STATIC_ASSERT(sizeof(CONNECTDATA) == 2 * sizeof(void *), "CONNECTDATA layout");

/* IProvideClassInfo2::GetGUID's one kind: the IID of the object's default
 * source dispinterface. */
typedef enum tagGUIDKIND { GUIDKIND_DEFAULT_SOURCE_DISP_IID = 1 } GUIDKIND;

/* ---- IEnumConnections ---------------------------------------------------- */
#define INTERFACE IEnumConnections
DECLARE_INTERFACE_(IEnumConnections, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Next)(THIS_ ULONG cConnections, LPCONNECTDATA rgcd, ULONG *pcFetched) PURE;
    STDMETHOD(Skip)(THIS_ ULONG cConnections) PURE;
    STDMETHOD(Reset)(THIS) PURE;
    STDMETHOD(Clone)(THIS_ IEnumConnections **ppEnum) PURE;
};
#undef INTERFACE

/* ---- IConnectionPoint ---------------------------------------------------- */
#define INTERFACE IConnectionPoint
DECLARE_INTERFACE_(IConnectionPoint, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetConnectionInterface)(THIS_ IID *pIID) PURE;
    STDMETHOD(GetConnectionPointContainer)(THIS_ IConnectionPointContainer **ppCPC) PURE;
    STDMETHOD(Advise)(THIS_ IUnknown *pUnkSink, DWORD *pdwCookie) PURE;
    STDMETHOD(Unadvise)(THIS_ DWORD dwCookie) PURE;
    STDMETHOD(EnumConnections)(THIS_ IEnumConnections **ppEnum) PURE;
};
#undef INTERFACE

/* ---- IEnumConnectionPoints ----------------------------------------------- */
#define INTERFACE IEnumConnectionPoints
DECLARE_INTERFACE_(IEnumConnectionPoints, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Next)(THIS_ ULONG cConnections, LPCONNECTIONPOINT *ppCP, ULONG *pcFetched) PURE;
    STDMETHOD(Skip)(THIS_ ULONG cConnections) PURE;
    STDMETHOD(Reset)(THIS) PURE;
    STDMETHOD(Clone)(THIS_ IEnumConnectionPoints **ppEnum) PURE;
};
#undef INTERFACE

/* ---- IConnectionPointContainer ------------------------------------------- */
#define INTERFACE IConnectionPointContainer
DECLARE_INTERFACE_(IConnectionPointContainer, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(EnumConnectionPoints)(THIS_ IEnumConnectionPoints **ppEnum) PURE;
    STDMETHOD(FindConnectionPoint)(THIS_ REFIID riid, IConnectionPoint **ppCP) PURE;
};
#undef INTERFACE

/* ---- IProvideClassInfo(2) ------------------------------------------------ */
#define INTERFACE IProvideClassInfo
DECLARE_INTERFACE_(IProvideClassInfo, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetClassInfo)(THIS_ ITypeInfo **ppTI) PURE;
};
#undef INTERFACE

#define INTERFACE IProvideClassInfo2
DECLARE_INTERFACE_(IProvideClassInfo2, IProvideClassInfo)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetClassInfo)(THIS_ ITypeInfo **ppTI) PURE;
    STDMETHOD(GetGUID)(THIS_ DWORD dwGuidKind, GUID *pGUID) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IEnumConnections_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IEnumConnections_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IEnumConnections_Release(This) (This)->lpVtbl->Release(This)
#define IEnumConnections_Next(This, c, rgcd, fetched) (This)->lpVtbl->Next(This, c, rgcd, fetched)
#define IEnumConnections_Skip(This, c) (This)->lpVtbl->Skip(This, c)
#define IEnumConnections_Reset(This) (This)->lpVtbl->Reset(This)
#define IEnumConnections_Clone(This, ppEnum) (This)->lpVtbl->Clone(This, ppEnum)

#define IConnectionPoint_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IConnectionPoint_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IConnectionPoint_Release(This) (This)->lpVtbl->Release(This)
#define IConnectionPoint_GetConnectionInterface(This, pIID) (This)->lpVtbl->GetConnectionInterface(This, pIID)
#define IConnectionPoint_GetConnectionPointContainer(This, ppCPC) (This)->lpVtbl->GetConnectionPointContainer(This, ppCPC)
#define IConnectionPoint_Advise(This, pUnkSink, pdwCookie) (This)->lpVtbl->Advise(This, pUnkSink, pdwCookie)
#define IConnectionPoint_Unadvise(This, dwCookie) (This)->lpVtbl->Unadvise(This, dwCookie)
#define IConnectionPoint_EnumConnections(This, ppEnum) (This)->lpVtbl->EnumConnections(This, ppEnum)

#define IEnumConnectionPoints_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IEnumConnectionPoints_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IEnumConnectionPoints_Release(This) (This)->lpVtbl->Release(This)
#define IEnumConnectionPoints_Next(This, c, ppCP, fetched) (This)->lpVtbl->Next(This, c, ppCP, fetched)
#define IEnumConnectionPoints_Skip(This, c) (This)->lpVtbl->Skip(This, c)
#define IEnumConnectionPoints_Reset(This) (This)->lpVtbl->Reset(This)
#define IEnumConnectionPoints_Clone(This, ppEnum) (This)->lpVtbl->Clone(This, ppEnum)

#define IConnectionPointContainer_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IConnectionPointContainer_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IConnectionPointContainer_Release(This) (This)->lpVtbl->Release(This)
#define IConnectionPointContainer_EnumConnectionPoints(This, ppEnum) (This)->lpVtbl->EnumConnectionPoints(This, ppEnum)
#define IConnectionPointContainer_FindConnectionPoint(This, riid, ppCP) (This)->lpVtbl->FindConnectionPoint(This, riid, ppCP)

#define IProvideClassInfo_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IProvideClassInfo_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IProvideClassInfo_Release(This) (This)->lpVtbl->Release(This)
#define IProvideClassInfo_GetClassInfo(This, ppTI) (This)->lpVtbl->GetClassInfo(This, ppTI)

#define IProvideClassInfo2_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IProvideClassInfo2_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IProvideClassInfo2_Release(This) (This)->lpVtbl->Release(This)
#define IProvideClassInfo2_GetClassInfo(This, ppTI) (This)->lpVtbl->GetClassInfo(This, ppTI)
#define IProvideClassInfo2_GetGUID(This, kind, pGUID) (This)->lpVtbl->GetGUID(This, kind, pGUID)
#endif

#endif /* COMRT_OCIDL_H */
