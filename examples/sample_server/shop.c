/*
 * examples/sample_server/shop.c — the Shop object: IShop, a dual interface
 * (its IDispatch half answered by DispInvoke over IShop's type information,
 * so late-bound callers reach the same vtable methods), ISupportErrorInfo
 * for rich errors, and the two interfaces comrt's helpers provide by
 * aggregation: IConnectionPointContainer (events) and IProvideClassInfo2.
 *
 * Reference counting follows the rules every COM object keeps: each
 * interface pointer handed out is AddRef'ed, the count is atomic, and the
 * object frees itself (and releases what it holds) at zero.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "server.h"

static inline Shop *impl_from_IShop(IShop *iface)
{
    return CONTAINING_RECORD(iface, Shop, IShop_iface);
}

static inline Shop *impl_from_ISupportErrorInfo(ISupportErrorInfo *iface)
{
    return CONTAINING_RECORD(iface, Shop, ISupportErrorInfo_iface);
}

/* Builds "<before><name><after>" for an error description; the buffer is
 * the caller's (names longer than it are cut, which only shortens a
 * message). */
static const OLECHAR *describe(OLECHAR *buf, size_t cch, const char *before, const OLECHAR *name,
                               const char *after)
{
    size_t n = 0;
    for (; *before && n + 1 < cch; before++) buf[n++] = (OLECHAR)(unsigned char)*before;
    for (; name && *name && n + 1 < cch; name++) buf[n++] = *name;
    for (; *after && n + 1 < cch; after++) buf[n++] = (OLECHAR)(unsigned char)*after;
    buf[n] = 0;
    return buf;
}

/* UTF-16 comparison by code unit: the item list's order. */
static int name_cmp(const OLECHAR *a, const OLECHAR *b)
{
    while (*a && *a == *b) a++, b++;
    return (int)*a - (int)*b;
}

LONG Shop_FindItem(const Shop *shop, const OLECHAR *pszName)
{
    if (!pszName) return -1;
    for (ULONG i = 0; i < shop->cItems; i++)
        if (name_cmp(shop->items[i].bstrName, pszName) == 0) return (LONG)i;
    return -1;
}

/* The index of item, or -1 after recording SHOP_E_UNKNOWNITEM's error info
 * (the caller returns SHOP_E_UNKNOWNITEM). */
static LONG find_or_error(Shop *shop, BSTR item)
{
    OLECHAR msg[160];
    LONG i = Shop_FindItem(shop, item);
    if (i < 0) Sample_Error(SHOP_E_UNKNOWNITEM, &IID_IShop, describe(msg, 160, "The shop has no item \"", item, "\""));
    return i;
}

/* Inserts a new item in name order; *pIndex receives its index. */
static HRESULT insert_item(Shop *shop, BSTR item, double price, LONG stock, LONG *pIndex)
{
    HRESULT hr = S_OK;
    BSTR copy = NULL;
    ULONG at = 0;

    if (shop->cItems >= SHOP_MAX_ITEMS) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    if (shop->cItems == shop->cAlloc) {
        ULONG cNew = shop->cAlloc ? shop->cAlloc * 2 : 8;
        SHOPITEM *p = realloc(shop->items, cNew * sizeof(*p));
        if (!p) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        shop->items = p;
        shop->cAlloc = cNew;
    }
    copy = SysAllocStringLen(item, SysStringLen(item));
    if (!copy) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    while (at < shop->cItems && name_cmp(shop->items[at].bstrName, item) < 0) at++;
    memmove(&shop->items[at + 1], &shop->items[at], (shop->cItems - at) * sizeof(SHOPITEM));
    shop->items[at].bstrName = copy;
    shop->items[at].price = price;
    shop->items[at].stock = stock;
    shop->cItems++;
    *pIndex = (LONG)at;
out:
    return hr;
}

/* ---- IUnknown ------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE Shop_QueryInterface(IShop *iface, REFIID riid, void **ppv)
{
    Shop *shop = impl_from_IShop(iface);

    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch) || IsEqualIID(riid, &IID_IShop))
        *ppv = &shop->IShop_iface;
    else if (IsEqualIID(riid, &IID_ISupportErrorInfo))
        *ppv = &shop->ISupportErrorInfo_iface;
    else if (IsEqualIID(riid, &IID_IConnectionPointContainer))
        return IUnknown_QueryInterface(shop->pCPC, riid, ppv); /* the aggregated helper */
    else if (IsEqualIID(riid, &IID_IProvideClassInfo) || IsEqualIID(riid, &IID_IProvideClassInfo2))
        return IUnknown_QueryInterface(shop->pClassInfo, riid, ppv);
    else
        return E_NOINTERFACE;
    IUnknown_AddRef((IUnknown *)*ppv);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE Shop_AddRef(IShop *iface)
{
    Shop *shop = impl_from_IShop(iface);
    return __atomic_add_fetch(&shop->refs, 1, __ATOMIC_SEQ_CST);
}

static void Shop_Destroy(Shop *shop)
{
    /* The inner objects of aggregation are released through their own
     * (non-delegating) IUnknown. */
    if (shop->pCPC) IUnknown_Release(shop->pCPC);
    if (shop->pClassInfo) IUnknown_Release(shop->pClassInfo);
    if (shop->pTypeInfo) ITypeInfo_Release(shop->pTypeInfo);
    for (ULONG i = 0; i < shop->cItems; i++) SysFreeString(shop->items[i].bstrName);
    free(shop->items);
    SysFreeString(shop->bstrName);
    free(shop);
    Sample_ModuleRelease();
}

static ULONG STDMETHODCALLTYPE Shop_Release(IShop *iface)
{
    Shop *shop = impl_from_IShop(iface);
    ULONG refs = __atomic_sub_fetch(&shop->refs, 1, __ATOMIC_SEQ_CST);
    if (refs == 0) Shop_Destroy(shop);
    return refs;
}

/* ---- IDispatch: the type library does the work ------------------------------ */

static HRESULT STDMETHODCALLTYPE Shop_GetTypeInfoCount(IShop *iface, UINT *pctinfo)
{
    if (!pctinfo) return E_INVALIDARG;
    *pctinfo = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_GetTypeInfo(IShop *iface, UINT iTInfo, LCID lcid, ITypeInfo **ppTInfo)
{
    Shop *shop = impl_from_IShop(iface);
    if (!ppTInfo) return E_INVALIDARG;
    *ppTInfo = NULL;
    if (iTInfo != 0) return DISP_E_BADINDEX;
    ITypeInfo_AddRef(shop->pTypeInfo);
    *ppTInfo = shop->pTypeInfo;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_GetIDsOfNames(IShop *iface, REFIID riid, LPOLESTR *rgszNames, UINT cNames,
                                                   LCID lcid, DISPID *rgDispId)
{
    Shop *shop = impl_from_IShop(iface);
    if (!IsEqualIID(riid, &IID_NULL)) return DISP_E_UNKNOWNINTERFACE;
    return DispGetIDsOfNames(shop->pTypeInfo, rgszNames, cNames, rgDispId);
}

static HRESULT STDMETHODCALLTYPE Shop_Invoke(IShop *iface, DISPID dispIdMember, REFIID riid, LCID lcid,
                                            WORD wFlags, DISPPARAMS *pDispParams, VARIANT *pVarResult,
                                            EXCEPINFO *pExcepInfo, UINT *puArgErr)
{
    Shop *shop = impl_from_IShop(iface);
    if (!IsEqualIID(riid, &IID_NULL)) return DISP_E_UNKNOWNINTERFACE;
    /* DispInvoke calls the vtable method the DISPID names; when it fails
     * with error info (ISupportErrorInfo says IShop has it) the caller gets
     * DISP_E_EXCEPTION and an EXCEPINFO made from the IErrorInfo. */
    return DispInvoke(&shop->IShop_iface, shop->pTypeInfo, dispIdMember, wFlags, pDispParams, pVarResult,
                      pExcepInfo, puArgErr);
}

/* ---- IShop ----------------------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE Shop_get_Name(IShop *iface, BSTR *pName)
{
    Shop *shop = impl_from_IShop(iface);
    BSTR copy;
    if (!pName) return E_POINTER;
    copy = SysAllocStringLen(shop->bstrName, SysStringLen(shop->bstrName));
    if (!copy) return E_OUTOFMEMORY;
    *pName = copy; /* [out]: the caller frees it */
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_put_Name(IShop *iface, BSTR name)
{
    Shop *shop = impl_from_IShop(iface);
    /* [in] BSTR: the caller keeps it, so keep a copy. */
    BSTR copy = SysAllocStringLen(name, SysStringLen(name));
    if (!copy) return E_OUTOFMEMORY;
    SysFreeString(shop->bstrName);
    shop->bstrName = copy;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_AddItem(IShop *iface, BSTR item, double price, VARIANT quantity, LONG *pStock)
{
    Shop *shop = impl_from_IShop(iface);
    HRESULT hr = S_OK;
    VARIANT q;
    LONG units = 1, i;

    VariantInit(&q);
    if (!pStock) {
        hr = E_POINTER;
        goto out;
    }
    if (!item || !*item || price < 0) {
        hr = Sample_Error(E_INVALIDARG, &IID_IShop, OLESTR("An item needs a name and a price >= 0"));
        goto out;
    }
    /* [optional] VARIANT: left out, it arrives as VT_ERROR DISP_E_PARAMNOTFOUND. */
    if (!(V_VT(&quantity) == VT_ERROR && V_ERROR(&quantity) == DISP_E_PARAMNOTFOUND)) {
        hr = VariantChangeType(&q, &quantity, 0, VT_I4);
        if (FAILED(hr)) goto out;
        units = V_I4(&q);
    }
    if (units < 0) {
        hr = Sample_Error(E_INVALIDARG, &IID_IShop, OLESTR("A quantity cannot be negative"));
        goto out;
    }
    i = Shop_FindItem(shop, item);
    if (i < 0) {
        hr = insert_item(shop, item, price, units, &i);
        if (FAILED(hr)) goto out;
    } else {
        if (shop->items[i].stock > 0x7FFFFFFF - units) {
            hr = Sample_Error(E_INVALIDARG, &IID_IShop, OLESTR("Too many units"));
            goto out;
        }
        shop->items[i].stock += units;
        shop->items[i].price = price;
    }
    *pStock = shop->items[i].stock;
out:
    VariantClear(&q); /* our copy; `quantity` itself belongs to the caller */
    return hr;
}

static HRESULT STDMETHODCALLTYPE Shop_get_Stock(IShop *iface, BSTR item, LONG *pCount)
{
    Shop *shop = impl_from_IShop(iface);
    LONG i;
    if (!pCount) return E_POINTER;
    if ((i = find_or_error(shop, item)) < 0) return SHOP_E_UNKNOWNITEM;
    *pCount = shop->items[i].stock;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_put_Stock(IShop *iface, BSTR item, LONG count)
{
    Shop *shop = impl_from_IShop(iface);
    LONG i;
    if (count < 0) return Sample_Error(E_INVALIDARG, &IID_IShop, OLESTR("A stock cannot be negative"));
    if ((i = find_or_error(shop, item)) < 0) return SHOP_E_UNKNOWNITEM;
    shop->items[i].stock = count;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_get_Price(IShop *iface, BSTR item, LONG quantity, double *pPrice)
{
    Shop *shop = impl_from_IShop(iface);
    LONG i;
    if (!pPrice) return E_POINTER;
    if ((i = find_or_error(shop, item)) < 0) return SHOP_E_UNKNOWNITEM;
    *pPrice = shop->items[i].price * quantity;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_Buy(IShop *iface, BSTR item, LONG quantity, double *pTotal)
{
    Shop *shop = impl_from_IShop(iface);
    OLECHAR msg[160];
    SHOPITEM *it;
    double total;
    LONG i;

    if (!pTotal) return E_POINTER;
    if (quantity <= 0) return Sample_Error(E_INVALIDARG, &IID_IShop, OLESTR("Buy at least one unit"));
    if ((i = find_or_error(shop, item)) < 0) return SHOP_E_UNKNOWNITEM;
    it = &shop->items[i];
    if (it->stock < quantity)
        return Sample_Error(SHOP_E_OUTOFSTOCK, &IID_IShop,
                            describe(msg, 160, "Not enough \"", it->bstrName, "\" in stock"));
    it->stock -= quantity;
    total = it->price * quantity;
    *pTotal = total;
    /* Events go out after the state changed, as a sink may call back. The
     * item may move if a sink adds items, so fire with the caller's name. */
    Shop_FireSold(shop, item, quantity, total);
    i = Shop_FindItem(shop, item);
    if (i >= 0 && shop->items[i].stock == 0) Shop_FireOutOfStock(shop, item);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_Sum(IShop *iface, SAFEARRAY *amounts, double *pSum)
{
    HRESULT hr;
    VARTYPE vt = VT_EMPTY;
    LONG lo = 0, hi = -1;
    double *data = NULL, sum = 0;

    if (!pSum) return E_POINTER;
    if (!amounts || SafeArrayGetDim(amounts) != 1)
        return Sample_Error(E_INVALIDARG, &IID_IShop, OLESTR("Sum takes a one-dimensional array"));
    hr = SafeArrayGetVartype(amounts, &vt);
    if (FAILED(hr)) return hr;
    if (vt != VT_R8) return Sample_Error(DISP_E_TYPEMISMATCH, &IID_IShop, OLESTR("Sum takes an array of Double"));
    SafeArrayGetLBound(amounts, 1, &lo);
    SafeArrayGetUBound(amounts, 1, &hi);
    hr = SafeArrayAccessData(amounts, (void **)&data);
    if (FAILED(hr)) return hr;
    for (LONG k = 0; k <= hi - lo; k++) sum += data[k];
    SafeArrayUnaccessData(amounts);
    *pSum = sum;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_get_ItemNames(IShop *iface, SAFEARRAY **pNames)
{
    Shop *shop = impl_from_IShop(iface);
    HRESULT hr = S_OK;
    SAFEARRAY *psa;

    if (!pNames) return E_POINTER;
    psa = SafeArrayCreateVector(VT_BSTR, 0, shop->cItems);
    if (!psa) return E_OUTOFMEMORY;
    for (LONG i = 0; i < (LONG)shop->cItems && SUCCEEDED(hr); i++)
        hr = SafeArrayPutElement(psa, &i, shop->items[i].bstrName); /* copies the BSTR */
    if (FAILED(hr)) {
        SafeArrayDestroy(psa);
        return hr;
    }
    *pNames = psa; /* [out]: the caller SafeArrayDestroy's it */
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Shop_get_Items(IShop *iface, IShopItems **ppItems)
{
    if (!ppItems) return E_POINTER;
    return ShopItems_Create(impl_from_IShop(iface), ppItems);
}

static HRESULT STDMETHODCALLTYPE Shop_get_ThreadId(IShop *iface, LONG *pThreadId)
{
    if (!pThreadId) return E_POINTER;
    *pThreadId = (LONG)syscall(SYS_gettid); /* Linux-specific, for the demo */
    return S_OK;
}

static const IShopVtbl Shop_Vtbl = {
    Shop_QueryInterface, Shop_AddRef,     Shop_Release,      Shop_GetTypeInfoCount, Shop_GetTypeInfo,
    Shop_GetIDsOfNames,  Shop_Invoke,     Shop_get_Name,     Shop_put_Name,         Shop_AddItem,
    Shop_get_Stock,      Shop_put_Stock,  Shop_get_Price,    Shop_Buy,              Shop_Sum,
    Shop_get_ItemNames,  Shop_get_Items,  Shop_get_ThreadId,
};

/* ---- ISupportErrorInfo ---------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE SEI_QueryInterface(ISupportErrorInfo *iface, REFIID riid, void **ppv)
{
    return Shop_QueryInterface(&impl_from_ISupportErrorInfo(iface)->IShop_iface, riid, ppv);
}

static ULONG STDMETHODCALLTYPE SEI_AddRef(ISupportErrorInfo *iface)
{
    return Shop_AddRef(&impl_from_ISupportErrorInfo(iface)->IShop_iface);
}

static ULONG STDMETHODCALLTYPE SEI_Release(ISupportErrorInfo *iface)
{
    return Shop_Release(&impl_from_ISupportErrorInfo(iface)->IShop_iface);
}

/* S_OK: IShop's failures come with an IErrorInfo worth reading. */
static HRESULT STDMETHODCALLTYPE SEI_InterfaceSupportsErrorInfo(ISupportErrorInfo *iface, REFIID riid)
{
    return IsEqualIID(riid, &IID_IShop) ? S_OK : S_FALSE;
}

static const ISupportErrorInfoVtbl SEI_Vtbl = {
    SEI_QueryInterface, SEI_AddRef, SEI_Release, SEI_InterfaceSupportsErrorInfo,
};

/* ---- Construction --------------------------------------------------------- */

HRESULT Shop_Create(REFIID riid, void **ppv)
{
    static const struct { const OLECHAR *name; double price; LONG stock; } stock[] = {
        {OLESTR("Apple"), 0.5, 10},
        {OLESTR("Bread"), 2.25, 3},
        {OLESTR("Cheese"), 4.75, 1},
    };
    HRESULT hr;
    Shop *shop;
    ITypeInfo *pCoClass = NULL;

    shop = calloc(1, sizeof(*shop));
    if (!shop) return E_OUTOFMEMORY;
    shop->IShop_iface.lpVtbl = &Shop_Vtbl;
    shop->ISupportErrorInfo_iface.lpVtbl = &SEI_Vtbl;
    shop->refs = 1;
    Sample_ModuleAddRef(); /* undone by Shop_Destroy, whatever happens below */

    hr = Sample_GetTypeInfo(&IID_IShop, &shop->pTypeInfo);
    if (FAILED(hr)) goto out;
    /* Events: one connection point, for _IShopEvents. */
    hr = ComrtCreateConnectionPointContainer((IUnknown *)&shop->IShop_iface, 1, &DIID__IShopEvents, &shop->pCPC);
    if (FAILED(hr)) goto out;
    /* IProvideClassInfo2 lets clients find the event interface by itself. */
    hr = Sample_GetTypeInfo(&CLSID_Shop, &pCoClass);
    if (FAILED(hr)) goto out;
    hr = ComrtCreateProvideClassInfo((IUnknown *)&shop->IShop_iface, pCoClass, &shop->pClassInfo);
    if (FAILED(hr)) goto out;

    shop->bstrName = SysAllocString(OLESTR("Corner shop"));
    if (!shop->bstrName) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    for (size_t k = 0; k < sizeof(stock) / sizeof(stock[0]) && SUCCEEDED(hr); k++) {
        BSTR name = SysAllocString(stock[k].name);
        LONG at;
        hr = name ? insert_item(shop, name, stock[k].price, stock[k].stock, &at) : E_OUTOFMEMORY;
        SysFreeString(name);
    }
    if (FAILED(hr)) goto out;
    hr = Shop_QueryInterface(&shop->IShop_iface, riid, ppv);
out:
    if (pCoClass) ITypeInfo_Release(pCoClass);
    Shop_Release(&shop->IShop_iface); /* the construction reference */
    return hr;
}
