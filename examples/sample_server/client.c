/*
 * examples/sample_server/client.c — a C client of the sample server, written
 * as on Windows: it creates the Shop by its ProgID, uses it through its
 * vtable (COBJMACROS) and through IDispatch (late binding, as scripting
 * languages do), walks its collection, and receives its events through a
 * connection point.
 *
 *   sample_client          runs everything on the main thread, an STA: the
 *                          Apartment-model Shop lives in this apartment and
 *                          calls are direct.
 *   sample_client --mta    runs it on a thread in the MTA: COM creates the
 *                          Shop in its host STA and hands out a proxy, so
 *                          every call (and every event back) crosses
 *                          apartments.
 *
 * The server must be registered first (`comrt register sample_server.so`,
 * or ComrtRegisterServer).  Prints each step; exits 1 if any check fails.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "client_sink.h"

static int g_failures;

/* Reports one check: "ok" lines show what was done, "FAILED" ones why. */
#define CHECK(cond, ...)                                              \
    do {                                                              \
        if (cond) {                                                   \
            printf("  ok      ");                                     \
        } else {                                                      \
            printf("  FAILED  (%s:%d: %s) ", __FILE__, __LINE__, #cond); \
            g_failures++;                                             \
        }                                                             \
        printf(__VA_ARGS__);                                          \
        printf("\n");                                                 \
    } while (0)

/* A failed HRESULT ends the run: what follows depends on it. */
#define REQUIRE_HR(expr)                                                          \
    do {                                                                          \
        HRESULT hr_ = (expr);                                                     \
        if (FAILED(hr_)) {                                                        \
            printf("  FAILED  %s -> 0x%08X %s\n", #expr, (unsigned)hr_,           \
                   ComrtHResultName(hr_) ? ComrtHResultName(hr_) : "");           \
            g_failures++;                                                         \
            goto out;                                                             \
        }                                                                         \
    } while (0)

static long tid(void)
{
    return (long)syscall(SYS_gettid);
}

/* UTF-16 (ASCII range) to a static char buffer, for printing. */
static const char *narrow(const OLECHAR *s)
{
    static __thread char buf[256];
    size_t n = 0;
    for (; s && *s && n + 1 < sizeof(buf); s++) buf[n++] = *s < 0x80 ? (char)*s : '?';
    buf[n] = 0;
    return buf;
}

static BOOL wide_eq(const OLECHAR *a, const OLECHAR *b)
{
    if (!a || !b) return a == b;
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/* ---- Early binding: the vtable ------------------------------------------- */

static void use_vtable(IShop *shop)
{
    BSTR name = NULL, apple = SysAllocString(OLESTR("Apple")), dates = SysAllocString(OLESTR("Dates"));
    BSTR cheese = SysAllocString(OLESTR("Cheese")), kiwi = SysAllocString(OLESTR("Kiwi"));
    BSTR newName = SysAllocString(OLESTR("comrt corner shop"));
    VARIANT qty;
    LONG stock = 0;
    double price = 0, sum = 0;
    SAFEARRAY *amounts = NULL, *names = NULL;
    ISupportErrorInfo *sei = NULL;
    IErrorInfo *ei = NULL;
    HRESULT hr;

    printf("Through the vtable (thread %ld):\n", tid());
    hr = IShop_get_Name(shop, &name);
    CHECK(hr == S_OK && wide_eq(name, OLESTR("Corner shop")), "Name is \"%s\"", narrow(name));
    SysFreeString(name);
    name = NULL;
    hr = IShop_put_Name(shop, newName);
    if (SUCCEEDED(hr)) hr = IShop_get_Name(shop, &name);
    CHECK(hr == S_OK && wide_eq(name, newName), "Name = \"%s\" (propput, then propget)", narrow(name));
    SysFreeString(name);

    /* [optional] VARIANT left out: pass VT_ERROR / DISP_E_PARAMNOTFOUND. */
    V_VT(&qty) = VT_ERROR;
    V_ERROR(&qty) = DISP_E_PARAMNOTFOUND;
    hr = IShop_AddItem(shop, dates, 3.0, qty, &stock);
    CHECK(hr == S_OK && stock == 1, "AddItem(\"Dates\", 3.0) without quantity -> stock %d", (int)stock);
    V_VT(&qty) = VT_I4;
    V_I4(&qty) = 5;
    hr = IShop_AddItem(shop, apple, 0.5, qty, &stock);
    CHECK(hr == S_OK && stock == 15, "AddItem(\"Apple\", 0.5, 5) -> stock %d", (int)stock);

    hr = IShop_put_Stock(shop, dates, 4);
    if (SUCCEEDED(hr)) hr = IShop_get_Stock(shop, dates, &stock);
    CHECK(hr == S_OK && stock == 4, "Stock(\"Dates\") = 4, read back %d", (int)stock);
    hr = IShop_get_Price(shop, cheese, 2, &price);
    CHECK(hr == S_OK && price == 9.5, "Price(\"Cheese\", 2) = %.2f", price);

    /* A failure with rich error info. */
    hr = IShop_get_Stock(shop, kiwi, &stock);
    CHECK(hr == SHOP_E_UNKNOWNITEM, "Stock(\"Kiwi\") fails with SHOP_E_UNKNOWNITEM (0x%08X)", (unsigned)hr);
    /* Take the error object at once: any call through a proxy (here, in
     * the --mta run) clears the thread's error object, as on Windows.  Then
     * ISupportErrorInfo says whether it belongs to this failure. */
    hr = GetErrorInfo(0, &ei);
    if (SUCCEEDED(IShop_QueryInterface(shop, &IID_ISupportErrorInfo, (void **)&sei))) {
        CHECK(ISupportErrorInfo_InterfaceSupportsErrorInfo(sei, &IID_IShop) == S_OK,
              "ISupportErrorInfo says IShop has error info");
        ISupportErrorInfo_Release(sei);
    } else {
        CHECK(FALSE, "QueryInterface(ISupportErrorInfo)");
    }
    if (hr == S_OK) {
        BSTR desc = NULL, source = NULL;
        IErrorInfo_GetDescription(ei, &desc);
        IErrorInfo_GetSource(ei, &source);
        CHECK(wide_eq(desc, OLESTR("The shop has no item \"Kiwi\"")), "GetErrorInfo: \"%s\"", narrow(desc));
        CHECK(wide_eq(source, OLESTR("ComrtSample.Shop")), "  from source \"%s\"", narrow(source));
        SysFreeString(desc);
        SysFreeString(source);
        IErrorInfo_Release(ei);
    } else {
        CHECK(FALSE, "GetErrorInfo found the error object (hr 0x%08X)", (unsigned)hr);
    }

    /* SAFEARRAYs both ways. */
    amounts = SafeArrayCreateVector(VT_R8, 0, 3);
    if (amounts) {
        double *d;
        SafeArrayAccessData(amounts, (void **)&d);
        d[0] = 1.5, d[1] = 2.5, d[2] = 3.25;
        SafeArrayUnaccessData(amounts);
    }
    hr = IShop_Sum(shop, amounts, &sum);
    CHECK(hr == S_OK && sum == 7.25, "Sum([1.5, 2.5, 3.25]) = %.2f", sum);
    SafeArrayDestroy(amounts);
    hr = IShop_get_ItemNames(shop, &names);
    if (hr == S_OK) {
        static const OLECHAR *const want[] = {OLESTR("Apple"), OLESTR("Bread"), OLESTR("Cheese"), OLESTR("Dates")};
        LONG lo = -1, hi = -1;
        BOOL same;
        SafeArrayGetLBound(names, 1, &lo);
        SafeArrayGetUBound(names, 1, &hi);
        same = lo == 0 && hi == 3;
        printf("  ItemNames:");
        for (LONG i = lo; same && i <= hi; i++) {
            BSTR s = NULL;
            SafeArrayGetElement(names, &i, &s);
            printf(" %s", narrow(s));
            same = wide_eq(s, want[i]);
            SysFreeString(s);
        }
        printf("\n");
        CHECK(same, "ItemNames is a SAFEARRAY(BSTR) of the 4 names, sorted");
        SafeArrayDestroy(names);
    } else {
        CHECK(FALSE, "ItemNames (hr 0x%08X)", (unsigned)hr);
    }

    SysFreeString(apple);
    SysFreeString(dates);
    SysFreeString(cheese);
    SysFreeString(kiwi);
    SysFreeString(newName);
}

/* ---- Late binding: IDispatch ---------------------------------------------- */

/* Looks up one name (and, for named arguments, its parameter names). */
static DISPID dispid_of(IDispatch *disp, const OLECHAR *name)
{
    DISPID id = DISPID_UNKNOWN;
    LPOLESTR names[1] = {(LPOLESTR)name};
    HRESULT hr = IDispatch_GetIDsOfNames(disp, &IID_NULL, names, 1, LOCALE_USER_DEFAULT, &id);
    if (FAILED(hr)) printf("  GetIDsOfNames(%s) -> 0x%08X\n", narrow(name), (unsigned)hr);
    return id;
}

static void use_dispatch(IShop *shop)
{
    IDispatch *disp = NULL;
    DISPID idName, idStock, idPrice, idBuy, idAdd, idSum, ids[2];
    DISPID putId = DISPID_PROPERTYPUT;
    VARIANT args[3], result;
    DISPPARAMS dp;
    EXCEPINFO ex;
    UINT argErr = 0;
    LPOLESTR addNames[2] = {(LPOLESTR)OLESTR("AddItem"), (LPOLESTR)OLESTR("quantity")};
    HRESULT hr;

    printf("Through IDispatch (thread %ld):\n", tid());
    REQUIRE_HR(IShop_QueryInterface(shop, &IID_IDispatch, (void **)&disp));
    idName = dispid_of(disp, OLESTR("Name"));
    idStock = dispid_of(disp, OLESTR("stock")); /* names are case-insensitive */
    idPrice = dispid_of(disp, OLESTR("Price"));
    idBuy = dispid_of(disp, OLESTR("Buy"));
    idSum = dispid_of(disp, OLESTR("Sum"));
    hr = IDispatch_GetIDsOfNames(disp, &IID_NULL, addNames, 2, LOCALE_USER_DEFAULT, ids);
    idAdd = ids[0];
    CHECK(hr == S_OK && ids[1] == 2, "GetIDsOfNames(AddItem, quantity) -> %d, %d", (int)ids[0], (int)ids[1]);
    VariantInit(&result);

    /* Property get, no arguments. */
    memset(&dp, 0, sizeof(dp));
    hr = IDispatch_Invoke(disp, idName, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYGET, &dp, &result,
                          NULL, NULL);
    CHECK(hr == S_OK && V_VT(&result) == VT_BSTR, "Invoke(Name, PROPERTYGET) -> \"%s\"",
          V_VT(&result) == VT_BSTR ? narrow(V_BSTR(&result)) : "?");
    VariantClear(&result);

    /* Property put: the value is the argument named DISPID_PROPERTYPUT. */
    V_VT(&args[0]) = VT_BSTR;
    V_BSTR(&args[0]) = SysAllocString(OLESTR("Late-bound shop"));
    dp.rgvarg = args;
    dp.cArgs = 1;
    dp.rgdispidNamedArgs = &putId;
    dp.cNamedArgs = 1;
    hr = IDispatch_Invoke(disp, idName, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYPUT, &dp, NULL,
                          NULL, NULL);
    VariantClear(&args[0]);
    memset(&dp, 0, sizeof(dp));
    if (hr == S_OK)
        hr = IDispatch_Invoke(disp, idName, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYGET, &dp,
                              &result, NULL, NULL);
    CHECK(hr == S_OK && V_VT(&result) == VT_BSTR && wide_eq(V_BSTR(&result), OLESTR("Late-bound shop")),
          "Invoke(Name, PROPERTYPUT \"Late-bound shop\"), read back");
    VariantClear(&result);

    /* Indexed property put: Stock("Bread") = 12 (index first, value named). */
    V_VT(&args[1]) = VT_BSTR;
    V_BSTR(&args[1]) = SysAllocString(OLESTR("Bread"));
    V_VT(&args[0]) = VT_I2; /* coerced to LONG by the server's type info */
    V_I2(&args[0]) = 12;
    dp.rgvarg = args;
    dp.cArgs = 2;
    dp.rgdispidNamedArgs = &putId;
    dp.cNamedArgs = 1;
    hr = IDispatch_Invoke(disp, idStock, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYPUT, &dp, NULL,
                          NULL, NULL);
    /* ... and get: Stock("Bread"). */
    dp.rgvarg = &args[1];
    dp.cArgs = 1;
    dp.rgdispidNamedArgs = NULL;
    dp.cNamedArgs = 0;
    if (hr == S_OK)
        hr = IDispatch_Invoke(disp, idStock, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYGET, &dp,
                              &result, NULL, NULL);
    CHECK(hr == S_OK && V_VT(&result) == VT_I4 && V_I4(&result) == 12,
          "Invoke(Stock(\"Bread\"), PROPERTYPUT 12), read back %d", V_VT(&result) == VT_I4 ? (int)V_I4(&result) : -1);
    VariantClear(&result);

    /* Indexed property with its optional argument left out, then given. */
    hr = IDispatch_Invoke(disp, idPrice, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYGET, &dp, &result,
                          NULL, NULL);
    CHECK(hr == S_OK && V_VT(&result) == VT_R8 && V_R8(&result) == 2.25,
          "Invoke(Price(\"Bread\")) = %.2f (quantity defaults to 1)", V_VT(&result) == VT_R8 ? V_R8(&result) : -1.0);
    VariantClear(&result);
    V_VT(&args[0]) = VT_I4; /* rgvarg is in reverse: [0] = quantity, [1] = item */
    V_I4(&args[0]) = 3;
    dp.rgvarg = args;
    dp.cArgs = 2;
    hr = IDispatch_Invoke(disp, idPrice, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYGET, &dp, &result,
                          NULL, NULL);
    CHECK(hr == S_OK && V_VT(&result) == VT_R8 && V_R8(&result) == 6.75, "Invoke(Price(\"Bread\", 3)) = %.2f",
          V_VT(&result) == VT_R8 ? V_R8(&result) : -1.0);
    VariantClear(&result);
    VariantClear(&args[1]);

    /* A method with a named argument: AddItem("Eggs", 0.2, quantity:=12). */
    V_VT(&args[2]) = VT_BSTR;
    V_BSTR(&args[2]) = SysAllocString(OLESTR("Eggs"));
    V_VT(&args[1]) = VT_R8;
    V_R8(&args[1]) = 0.2;
    V_VT(&args[0]) = VT_I4; /* named arguments come first in rgvarg */
    V_I4(&args[0]) = 12;
    dp.rgvarg = args;
    dp.cArgs = 3;
    dp.rgdispidNamedArgs = &ids[1];
    dp.cNamedArgs = 1;
    hr = IDispatch_Invoke(disp, idAdd, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD, &dp, &result, NULL,
                          &argErr);
    CHECK(hr == S_OK && V_VT(&result) == VT_I4 && V_I4(&result) == 12,
          "Invoke(AddItem(\"Eggs\", 0.2, quantity:=12)) -> stock %d", V_VT(&result) == VT_I4 ? (int)V_I4(&result) : -1);
    VariantClear(&result);

    /* The failing method: DISP_E_EXCEPTION and the EXCEPINFO. */
    V_VT(&args[0]) = VT_I4;
    V_I4(&args[0]) = 1000; /* more eggs than there are */
    V_VT(&args[1]) = VT_BSTR;
    V_BSTR(&args[1]) = V_BSTR(&args[2]);
    dp.rgvarg = args;
    dp.cArgs = 2;
    dp.rgdispidNamedArgs = NULL;
    dp.cNamedArgs = 0;
    memset(&ex, 0, sizeof(ex));
    hr = IDispatch_Invoke(disp, idBuy, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD, &dp, &result, &ex,
                          &argErr);
    CHECK(hr == DISP_E_EXCEPTION, "Invoke(Buy(\"Eggs\", 1000)) -> DISP_E_EXCEPTION (0x%08X)", (unsigned)hr);
    CHECK(ex.scode == SHOP_E_OUTOFSTOCK, "  EXCEPINFO.scode = SHOP_E_OUTOFSTOCK (0x%08X)", (unsigned)ex.scode);
    CHECK(wide_eq(ex.bstrDescription, OLESTR("Not enough \"Eggs\" in stock")), "  EXCEPINFO.bstrDescription = \"%s\"",
          narrow(ex.bstrDescription));
    CHECK(wide_eq(ex.bstrSource, OLESTR("ComrtSample.Shop")), "  EXCEPINFO.bstrSource = \"%s\"", narrow(ex.bstrSource));
    SysFreeString(ex.bstrDescription);
    SysFreeString(ex.bstrSource);
    SysFreeString(ex.bstrHelpFile);
    VariantClear(&args[1]);

    /* A SAFEARRAY through a VARIANT. */
    V_VT(&args[0]) = VT_ARRAY | VT_R8;
    V_ARRAY(&args[0]) = SafeArrayCreateVector(VT_R8, 1, 2);
    if (V_ARRAY(&args[0])) {
        double *d;
        SafeArrayAccessData(V_ARRAY(&args[0]), (void **)&d);
        d[0] = 10, d[1] = 0.5;
        SafeArrayUnaccessData(V_ARRAY(&args[0]));
    }
    dp.rgvarg = args;
    dp.cArgs = 1;
    hr = IDispatch_Invoke(disp, idSum, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_METHOD, &dp, &result, NULL,
                          &argErr);
    CHECK(hr == S_OK && V_VT(&result) == VT_R8 && V_R8(&result) == 10.5, "Invoke(Sum(Array(10, 0.5))) = %.2f",
          V_VT(&result) == VT_R8 ? V_R8(&result) : -1.0);
    VariantClear(&result);
    VariantClear(&args[0]);
out:
    if (disp) IDispatch_Release(disp);
}

/* ---- The collection -------------------------------------------------------- */

static void use_collection(IShop *shop)
{
    IShopItems *items = NULL;
    IDispatch *disp = NULL;
    IUnknown *unk = NULL;
    IEnumVARIANT *en = NULL;
    VARIANT index, result, got[8];
    DISPPARAMS dp = {NULL, NULL, 0, 0};
    LONG count = 0;
    ULONG fetched = 0, total = 0;
    BSTR name = NULL;
    HRESULT hr;

    printf("The collection (thread %ld):\n", tid());
    REQUIRE_HR(IShop_get_Items(shop, &items));
    hr = IShopItems_get_Count(items, &count);
    CHECK(hr == S_OK && count == 5, "Items.Count = %d", (int)count);
    V_VT(&index) = VT_I4;
    V_I4(&index) = 1;
    hr = IShopItems_get_Item(items, index, &name);
    CHECK(hr == S_OK && wide_eq(name, OLESTR("Apple")), "Items.Item(1) = \"%s\" (vtable)", narrow(name));
    SysFreeString(name);

    /* The default member (DISPID_VALUE), the way Items(2) is written in VB. */
    REQUIRE_HR(IShopItems_QueryInterface(items, &IID_IDispatch, (void **)&disp));
    V_VT(&index) = VT_BSTR; /* "2": any index that converts to a number */
    V_BSTR(&index) = SysAllocString(OLESTR("2"));
    dp.rgvarg = &index;
    dp.cArgs = 1;
    VariantInit(&result);
    hr = IDispatch_Invoke(disp, DISPID_VALUE, &IID_NULL, LOCALE_USER_DEFAULT, DISPATCH_PROPERTYGET, &dp,
                          &result, NULL, NULL);
    CHECK(hr == S_OK && V_VT(&result) == VT_BSTR && wide_eq(V_BSTR(&result), OLESTR("Bread")),
          "Invoke(DISPID_VALUE, \"2\") = \"%s\"", V_VT(&result) == VT_BSTR ? narrow(V_BSTR(&result)) : "?");
    VariantClear(&result);
    VariantClear(&index);

    /* For Each: DISPID_NEWENUM, then IEnumVARIANT::Next in chunks. */
    dp.rgvarg = NULL;
    dp.cArgs = 0;
    hr = IDispatch_Invoke(disp, DISPID_NEWENUM, &IID_NULL, LOCALE_USER_DEFAULT,
                          DISPATCH_METHOD | DISPATCH_PROPERTYGET, &dp, &result, NULL, NULL);
    CHECK(hr == S_OK && (V_VT(&result) == VT_UNKNOWN || V_VT(&result) == VT_DISPATCH), "Invoke(DISPID_NEWENUM)");
    if (hr == S_OK && (V_VT(&result) == VT_UNKNOWN || V_VT(&result) == VT_DISPATCH)) {
        unk = V_UNKNOWN(&result);
        IUnknown_AddRef(unk);
    }
    VariantClear(&result);
    if (!unk) goto out;
    REQUIRE_HR(IUnknown_QueryInterface(unk, &IID_IEnumVARIANT, (void **)&en));
    printf("  For Each:");
    do {
        hr = IEnumVARIANT_Next(en, 2, got, &fetched);
        for (ULONG k = 0; k < fetched; k++) {
            printf(" %s", V_VT(&got[k]) == VT_BSTR ? narrow(V_BSTR(&got[k])) : "?");
            VariantClear(&got[k]);
        }
        total += fetched;
    } while (hr == S_OK);
    printf("\n");
    CHECK(hr == S_FALSE && total == 5, "IEnumVARIANT gave %u items, then S_FALSE", (unsigned)total);
out:
    if (en) IEnumVARIANT_Release(en);
    if (unk) IUnknown_Release(unk);
    if (disp) IDispatch_Release(disp);
    if (items) IShopItems_Release(items);
}

/* ---- Events ------------------------------------------------------------- */

static void use_events(IShop *shop, BOOL mta, long shopThread)
{
    IProvideClassInfo2 *pci = NULL;
    IConnectionPointContainer *cpc = NULL;
    IConnectionPoint *cp = NULL;
    ShopSink *sink = NULL;
    IDispatch *disp = NULL;
    DWORD cookie = 0;
    GUID events;
    BSTR cheese = SysAllocString(OLESTR("Cheese")), apple = SysAllocString(OLESTR("Apple"));
    double total = 0;
    ULONG refs;
    HRESULT hr;

    printf("Events (thread %ld):\n", tid());
    /* A client that does not know the event interface asks the object. */
    REQUIRE_HR(IShop_QueryInterface(shop, &IID_IProvideClassInfo2, (void **)&pci));
    hr = IProvideClassInfo2_GetGUID(pci, GUIDKIND_DEFAULT_SOURCE_DISP_IID, &events);
    CHECK(hr == S_OK && IsEqualIID(&events, &DIID__IShopEvents), "IProvideClassInfo2 names _IShopEvents");

    REQUIRE_HR(ShopSink_Create(&sink));
    REQUIRE_HR(IShop_QueryInterface(shop, &IID_IConnectionPointContainer, (void **)&cpc));
    REQUIRE_HR(IConnectionPointContainer_FindConnectionPoint(cpc, &DIID__IShopEvents, &cp));
    REQUIRE_HR(IConnectionPoint_Advise(cp, (IUnknown *)&sink->IDispatch_iface, &cookie));
    CHECK(cookie != 0, "Advise -> cookie %u", (unsigned)cookie);

    /* Buying the last cheese fires Sold and OutOfStock. */
    hr = IShop_Buy(shop, cheese, 1, &total);
    CHECK(hr == S_OK && total == 4.75, "Buy(\"Cheese\") = %.2f", total);
    pthread_mutex_lock(&sink->lock);
    CHECK(sink->cSold == 1 && wide_eq(sink->lastItem, OLESTR("Cheese")) && sink->lastQuantity == 1 &&
              sink->lastTotal == 4.75,
          "sink got Sold(\"%s\", %d, %.2f)", narrow(sink->lastItem), (int)sink->lastQuantity, sink->lastTotal);
    CHECK(sink->cOutOfStock == 1 && wide_eq(sink->lastOutOfStock, OLESTR("Cheese")), "sink got OutOfStock(\"%s\")",
          narrow(sink->lastOutOfStock));
    /* The sink lives in the client's apartment: in the MTA run its events
     * come from the shop's STA through a proxy and run on an MTA thread. */
    if (mta)
        CHECK(sink->lastInMta && sink->lastThread != shopThread,
              "the events ran in the MTA (thread %ld), not on the shop's thread %ld", sink->lastThread, shopThread);
    else
        CHECK(sink->lastThread == tid(), "the events ran on this thread, as direct calls");
    pthread_mutex_unlock(&sink->lock);

    /* The same through IDispatch: Buy("Apple", 4). */
    if (SUCCEEDED(IShop_QueryInterface(shop, &IID_IDispatch, (void **)&disp))) {
        VARIANT args[2], result;
        DISPPARAMS dp = {args, NULL, 2, 0};
        V_VT(&args[1]) = VT_BSTR;
        V_BSTR(&args[1]) = apple;
        V_VT(&args[0]) = VT_I4;
        V_I4(&args[0]) = 4;
        VariantInit(&result);
        hr = IDispatch_Invoke(disp, dispid_of(disp, OLESTR("Buy")), &IID_NULL, LOCALE_USER_DEFAULT,
                              DISPATCH_METHOD, &dp, &result, NULL, NULL);
        CHECK(hr == S_OK && V_VT(&result) == VT_R8 && V_R8(&result) == 2.0, "Invoke(Buy(\"Apple\", 4)) = %.2f",
              V_VT(&result) == VT_R8 ? V_R8(&result) : -1.0);
        VariantClear(&result);
        IDispatch_Release(disp);
    }
    pthread_mutex_lock(&sink->lock);
    CHECK(sink->cSold == 2 && wide_eq(sink->lastItem, OLESTR("Apple")) && sink->lastQuantity == 4 &&
              sink->lastTotal == 2.0 && sink->cOutOfStock == 1 && sink->cBad == 0,
          "sink got Sold(\"%s\", %d, %.2f), no other event", narrow(sink->lastItem), (int)sink->lastQuantity,
          sink->lastTotal);
    pthread_mutex_unlock(&sink->lock);

    hr = IConnectionPoint_Unadvise(cp, cookie);
    CHECK(hr == S_OK, "Unadvise(%u)", (unsigned)cookie);
    cookie = 0;
    hr = IShop_Buy(shop, apple, 1, &total);
    pthread_mutex_lock(&sink->lock);
    CHECK(hr == S_OK && sink->cSold == 2, "after Unadvise, Buy fires nothing here");
    pthread_mutex_unlock(&sink->lock);
out:
    if (cookie) IConnectionPoint_Unadvise(cp, cookie);
    if (cp) IConnectionPoint_Release(cp);
    if (cpc) IConnectionPointContainer_Release(cpc);
    if (pci) IProvideClassInfo2_Release(pci);
    if (sink) {
        /* The connection point has let go of the sink: ours is the last reference. */
        refs = IDispatch_Release(&sink->IDispatch_iface);
        CHECK(refs == 0, "the sink's last Release returns %u", (unsigned)refs);
    }
    SysFreeString(cheese);
    SysFreeString(apple);
}

/* ---- Unloading ------------------------------------------------------------ */

/* 1 while the shared object registered as rclsid's InprocServer32 is
 * loaded in this process (dlopen with RTLD_NOLOAD loads nothing), 0 when
 * it is not, -1 when the registry does not name it. */
static int server_loaded(REFCLSID rclsid)
{
    OLECHAR key[64] = OLESTR("CLSID\\"), path[1024];
    char narrow_path[1024];
    DWORD cb = sizeof(path);
    void *h;
    size_t n = 0;

    StringFromGUID2(rclsid, key + 6, 39);
    memcpy(key + 6 + 38, OLESTR("\\InprocServer32"), sizeof(OLESTR("\\InprocServer32")));
    if (RegGetValueW(HKEY_CLASSES_ROOT, key, NULL, RRF_RT_REG_SZ, NULL, path, &cb) != ERROR_SUCCESS) return -1;
    for (const OLECHAR *c = path; *c && n + 1 < sizeof(narrow_path); c++) narrow_path[n++] = (char)*c;
    narrow_path[n] = 0;
    h = dlopen(narrow_path, RTLD_LAZY | RTLD_NOLOAD);
    if (h) dlclose(h);
    return h != NULL ? 1 : 0;
}

/* ---- The whole run -------------------------------------------------------- */

static void run(DWORD coinit)
{
    CLSID clsid;
    IShop *shop = NULL;
    LONG shopThread = 0;
    ULONG refs;
    HRESULT hr;

    /* CoInitialize(NULL) is CoInitializeEx(NULL, COINIT_APARTMENTTHREADED). */
    hr = coinit == COINIT_MULTITHREADED ? CoInitializeEx(NULL, COINIT_MULTITHREADED) : CoInitialize(NULL);
    printf("%s on thread %ld -> 0x%08X\n",
           coinit == COINIT_MULTITHREADED ? "CoInitializeEx(NULL, COINIT_MULTITHREADED)" : "CoInitialize(NULL)", tid(),
           (unsigned)hr);
    if (FAILED(hr)) {
        g_failures++;
        return;
    }
    REQUIRE_HR(CLSIDFromProgID(OLESTR("ComrtSample.Shop"), &clsid));
    CHECK(IsEqualCLSID(&clsid, &CLSID_Shop), "CLSIDFromProgID(\"ComrtSample.Shop\") (via CurVer)");
    REQUIRE_HR(CoCreateInstance(&clsid, NULL, CLSCTX_INPROC_SERVER, &IID_IShop, (void **)&shop));
    printf("  ok      CoCreateInstance -> IShop %p\n", (void *)shop);
    CHECK(server_loaded(&clsid) == 1, "the server's shared object is loaded");
    /* An Apartment-model object lives in an STA: this one when the client
     * is in an STA, COM's host STA (another thread) when it is in the MTA. */
    hr = IShop_get_ThreadId(shop, &shopThread);
    if (coinit == COINIT_MULTITHREADED)
        CHECK(hr == S_OK && shopThread != tid(), "the Shop runs on thread %d (the host STA), through a proxy",
              (int)shopThread);
    else
        CHECK(hr == S_OK && shopThread == tid(), "the Shop runs on thread %d, this one", (int)shopThread);

    use_vtable(shop);
    use_dispatch(shop);
    use_collection(shop);
    use_events(shop, coinit == COINIT_MULTITHREADED, shopThread);

    refs = IShop_Release(shop);
    shop = NULL;
    CHECK(refs == 0, "the Shop's last Release returns %u: no references left behind", (unsigned)refs);
    /* Unload servers with no live objects at once: the server goes only if
     * its DllCanUnloadNow answers S_OK, i.e. no object of it is alive.  (In
     * the MTA run the host STA loaded it, and it is left to that apartment.) */
    CoFreeUnusedLibrariesEx(0, 0);
    if (coinit != COINIT_MULTITHREADED)
        CHECK(server_loaded(&clsid) == 0,
              "CoFreeUnusedLibrariesEx(0, 0) unloaded the server: DllCanUnloadNow said S_OK");
out:
    if (shop) IShop_Release(shop);
    CoUninitialize();
}

static void *mta_thread(void *arg)
{
    (void)arg;
    run(COINIT_MULTITHREADED);
    return NULL;
}

int main(int argc, char **argv)
{
    BOOL mta = argc > 1 && strcmp(argv[1], "--mta") == 0;

    if (argc > 2 || (argc == 2 && !mta)) {
        fprintf(stderr, "usage: %s [--mta]\n", argv[0]);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (mta) {
        /* The main thread stays out of COM; a second thread joins the MTA. */
        pthread_t t;
        if (pthread_create(&t, NULL, mta_thread, NULL) != 0) return 1;
        pthread_join(t, NULL);
    } else {
        run(COINIT_APARTMENTTHREADED);
    }
    printf("%s: %d check(s) failed\n", g_failures ? "FAILED" : "PASSED", g_failures);
    return g_failures ? 1 : 0;
}
