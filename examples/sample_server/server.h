/*
 * examples/sample_server/server.h — what the files of the sample server
 * share: the module's object count, the Shop object's layout (the
 * collection reads the shop's items), and the helpers for type information,
 * rich errors and events.
 *
 * The generated header sample.h is included exactly as widl wrote it.  On
 * Windows a source file includes <windows.h> first; here <comrt.h> plays
 * that part, with <rpc.h> and <rpcndr.h> for the macros MIDL output uses,
 * and COM_NO_WINDOWS_H (set in meson.build) keeps sample.h from asking for
 * <windows.h>.  See docs/porting.md.
 */
#ifndef SAMPLE_SERVER_H
#define SAMPLE_SERVER_H

#define COBJMACROS
#define CONST_VTABLE /* const vtables in generated headers, as the SDK allows */
#include <comrt.h>
#include <rpc.h>
#include <rpcndr.h>

#include "sample.h"

/* ---- The module (server.c) ------------------------------------------------ */

/* Live objects and IClassFactory::LockServer locks; DllCanUnloadNow answers
 * S_OK only when both are zero.  Every object's constructor calls
 * Sample_ModuleAddRef and its destructor Sample_ModuleRelease. */
void Sample_ModuleAddRef(void);
void Sample_ModuleRelease(void);

/* *ppTI receives the type information for guid (an interface, the event
 * dispinterface or the coclass) from the registered type library
 * (LoadRegTypeLib, as ATL does), or from sample.tlb beside this shared
 * object when the library is not registered.  Caller Releases *ppTI. */
HRESULT Sample_GetTypeInfo(REFGUID guid, ITypeInfo **ppTI);

/* Records a rich error for the calling thread — CreateErrorInfo, with the
 * interface iid, the source "ComrtSample.Shop" and pszDescription, then
 * SetErrorInfo — and returns hr, so a method can `return Sample_Error(...)`.
 * pszDescription: UTF-16, copied. */
HRESULT Sample_Error(HRESULT hr, REFIID iid, const OLECHAR *pszDescription);

/* ---- The Shop object (shop.c) --------------------------------------------- */

/* One line of the price list. */
typedef struct SHOPITEM {
    BSTR bstrName;  /* owned */
    double price;   /* per unit */
    LONG stock;     /* units in stock, >= 0 */
} SHOPITEM;

/* A cap on the price list, as on every growable buffer. */
#define SHOP_MAX_ITEMS 4096

/* The Shop coclass: IShop (dual) and ISupportErrorInfo implemented here;
 * IConnectionPointContainer and IProvideClassInfo(2) by comrt's helpers,
 * aggregated (pCPC, pClassInfo are their inner IUnknowns).  Apartment
 * threaded: its methods run on one thread, so the item list needs no lock;
 * the reference count is atomic all the same. */
typedef struct Shop {
    IShop IShop_iface;
    ISupportErrorInfo ISupportErrorInfo_iface;
    ULONG refs;
    ITypeInfo *pTypeInfo;  /* IShop's, for IDispatch */
    IUnknown *pCPC;        /* inner IUnknown of the connection points */
    IUnknown *pClassInfo;  /* inner IUnknown of IProvideClassInfo2 */
    BSTR bstrName;
    SHOPITEM *items;       /* sorted by name */
    ULONG cItems;
    ULONG cAlloc;
} Shop;

/* A new Shop with a few items in stock, QueryInterface'd for riid into *ppv
 * (caller Releases).  Fails with E_OUTOFMEMORY or the type library's error. */
HRESULT Shop_Create(REFIID riid, void **ppv);

/* The index of the item named pszName in shop->items, or -1. */
LONG Shop_FindItem(const Shop *shop, const OLECHAR *pszName);

/* ---- The collection (items.c) --------------------------------------------- */

/* A new IShopItems over shop's items (a live view: it keeps the shop
 * alive and reads its list at each call).  *ppItems receives it (caller
 * Releases). */
HRESULT ShopItems_Create(Shop *shop, IShopItems **ppItems);

/* ---- Events (events.c) ---------------------------------------------------- */

/* Fire _IShopEvents::Sold / ::OutOfStock to every advised sink.  A sink
 * that fails does not stop the others or the sale. */
void Shop_FireSold(Shop *shop, BSTR bstrItem, LONG quantity, double total);
void Shop_FireOutOfStock(Shop *shop, BSTR bstrItem);

#endif /* SAMPLE_SERVER_H */
