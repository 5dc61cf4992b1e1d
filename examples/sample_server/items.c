/*
 * examples/sample_server/items.c — IShopItems, the collection Shop.Items
 * returns: Count, Item (the default member, DISPID_VALUE, 1-based like
 * Visual Basic collections) and _NewEnum (DISPID_NEWENUM), whose
 * IEnumVARIANT is what `For Each` in VB and iteration in Python use.  The
 * enumerator is comrt's ComrtCreateEnumVARIANT over a snapshot of the names.
 *
 * The collection is a live view: it holds a reference on its shop and reads
 * the shop's list on every call.
 */
#include <stdlib.h>

#include "server.h"

typedef struct ShopItems {
    IShopItems IShopItems_iface;
    ULONG refs;
    Shop *shop;            /* referenced through its IShop */
    ITypeInfo *pTypeInfo;  /* IShopItems', for IDispatch */
} ShopItems;

static inline ShopItems *impl_from_IShopItems(IShopItems *iface)
{
    return CONTAINING_RECORD(iface, ShopItems, IShopItems_iface);
}

/* ---- IUnknown ------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE Items_QueryInterface(IShopItems *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch) || IsEqualIID(riid, &IID_IShopItems)) {
        *ppv = iface;
        IShopItems_AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE Items_AddRef(IShopItems *iface)
{
    return __atomic_add_fetch(&impl_from_IShopItems(iface)->refs, 1, __ATOMIC_SEQ_CST);
}

static ULONG STDMETHODCALLTYPE Items_Release(IShopItems *iface)
{
    ShopItems *items = impl_from_IShopItems(iface);
    ULONG refs = __atomic_sub_fetch(&items->refs, 1, __ATOMIC_SEQ_CST);
    if (refs == 0) {
        if (items->pTypeInfo) ITypeInfo_Release(items->pTypeInfo);
        IShop_Release(&items->shop->IShop_iface);
        free(items);
        Sample_ModuleRelease();
    }
    return refs;
}

/* ---- IDispatch ------------------------------------------------------------ */

static HRESULT STDMETHODCALLTYPE Items_GetTypeInfoCount(IShopItems *iface, UINT *pctinfo)
{
    if (!pctinfo) return E_INVALIDARG;
    *pctinfo = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Items_GetTypeInfo(IShopItems *iface, UINT iTInfo, LCID lcid, ITypeInfo **ppTInfo)
{
    ShopItems *items = impl_from_IShopItems(iface);
    if (!ppTInfo) return E_INVALIDARG;
    *ppTInfo = NULL;
    if (iTInfo != 0) return DISP_E_BADINDEX;
    ITypeInfo_AddRef(items->pTypeInfo);
    *ppTInfo = items->pTypeInfo;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Items_GetIDsOfNames(IShopItems *iface, REFIID riid, LPOLESTR *rgszNames,
                                                    UINT cNames, LCID lcid, DISPID *rgDispId)
{
    if (!IsEqualIID(riid, &IID_NULL)) return DISP_E_UNKNOWNINTERFACE;
    return DispGetIDsOfNames(impl_from_IShopItems(iface)->pTypeInfo, rgszNames, cNames, rgDispId);
}

static HRESULT STDMETHODCALLTYPE Items_Invoke(IShopItems *iface, DISPID dispIdMember, REFIID riid, LCID lcid,
                                             WORD wFlags, DISPPARAMS *pDispParams, VARIANT *pVarResult,
                                             EXCEPINFO *pExcepInfo, UINT *puArgErr)
{
    if (!IsEqualIID(riid, &IID_NULL)) return DISP_E_UNKNOWNINTERFACE;
    return DispInvoke(iface, impl_from_IShopItems(iface)->pTypeInfo, dispIdMember, wFlags, pDispParams,
                      pVarResult, pExcepInfo, puArgErr);
}

/* ---- IShopItems ----------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE Items_get_Count(IShopItems *iface, LONG *pCount)
{
    if (!pCount) return E_POINTER;
    *pCount = (LONG)impl_from_IShopItems(iface)->shop->cItems;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Items_get_Item(IShopItems *iface, VARIANT index, BSTR *pName)
{
    Shop *shop = impl_from_IShopItems(iface)->shop;
    HRESULT hr;
    VARIANT i;
    BSTR copy;

    if (!pName) return E_POINTER;
    VariantInit(&i);
    /* Any index that converts to a number (1, 1.0, "1"). */
    hr = VariantChangeType(&i, &index, 0, VT_I4);
    if (FAILED(hr)) return hr;
    if (V_I4(&i) < 1 || (ULONG)V_I4(&i) > shop->cItems) return DISP_E_BADINDEX;
    copy = SysAllocStringLen(shop->items[V_I4(&i) - 1].bstrName, SysStringLen(shop->items[V_I4(&i) - 1].bstrName));
    if (!copy) return E_OUTOFMEMORY;
    *pName = copy;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Items_get__NewEnum(IShopItems *iface, IUnknown **ppEnum)
{
    Shop *shop = impl_from_IShopItems(iface)->shop;
    HRESULT hr;
    VARIANT *names;
    IEnumVARIANT *pEnum = NULL;

    if (!ppEnum) return E_POINTER;
    names = calloc(shop->cItems ? shop->cItems : 1, sizeof(VARIANT));
    if (!names) return E_OUTOFMEMORY;
    /* The enumerator copies the VARIANTs, so they can borrow the names. */
    for (ULONG k = 0; k < shop->cItems; k++) {
        V_VT(&names[k]) = VT_BSTR;
        V_BSTR(&names[k]) = shop->items[k].bstrName;
    }
    hr = ComrtCreateEnumVARIANT(shop->cItems, names, &pEnum);
    free(names);
    if (FAILED(hr)) return hr;
    /* _NewEnum answers IUnknown; callers QueryInterface for IEnumVARIANT. */
    hr = IEnumVARIANT_QueryInterface(pEnum, &IID_IUnknown, (void **)ppEnum);
    IEnumVARIANT_Release(pEnum);
    return hr;
}

static const IShopItemsVtbl Items_Vtbl = {
    Items_QueryInterface, Items_AddRef,    Items_Release,  Items_GetTypeInfoCount, Items_GetTypeInfo,
    Items_GetIDsOfNames,  Items_Invoke,    Items_get_Count, Items_get_Item,        Items_get__NewEnum,
};

HRESULT ShopItems_Create(Shop *shop, IShopItems **ppItems)
{
    HRESULT hr;
    ShopItems *items = calloc(1, sizeof(*items));

    if (!items) return E_OUTOFMEMORY;
    hr = Sample_GetTypeInfo(&IID_IShopItems, &items->pTypeInfo);
    if (FAILED(hr)) {
        free(items);
        return hr;
    }
    items->IShopItems_iface.lpVtbl = &Items_Vtbl;
    items->refs = 1;
    items->shop = shop;
    IShop_AddRef(&shop->IShop_iface);
    Sample_ModuleAddRef();
    *ppItems = &items->IShopItems_iface; /* the construction reference goes to the caller */
    return S_OK;
}
