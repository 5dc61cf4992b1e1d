/*
 * examples/sample_server/events.c — firing _IShopEvents.  An event of a
 * dispinterface is an IDispatch::Invoke on each sink advised to the
 * connection point, with the arguments in DISPPARAMS (last argument first,
 * as always in DISPPARAMS).  ComrtFireDispatchEvent walks the sinks of the
 * connection point comrt implements for the Shop; a sink in another
 * apartment is reached through its proxy.
 */
#include "server.h"

/* The DISPIDs sample.idl gives the events ([id(1)], [id(2)]). */
#define DISPID_SHOP_SOLD 1
#define DISPID_SHOP_OUTOFSTOCK 2

void Shop_FireSold(Shop *shop, BSTR bstrItem, LONG quantity, double total)
{
    VARIANTARG args[3];
    DISPPARAMS dp = {args, NULL, 3, 0};

    /* Sold(item, quantity, total): rgvarg[0] is the last one.  The
     * arguments are borrowed ([in] only), so nothing is cleared after. */
    V_VT(&args[2]) = VT_BSTR;
    V_BSTR(&args[2]) = bstrItem;
    V_VT(&args[1]) = VT_I4;
    V_I4(&args[1]) = quantity;
    V_VT(&args[0]) = VT_R8;
    V_R8(&args[0]) = total;
    ComrtFireDispatchEvent(shop->pCPC, &DIID__IShopEvents, DISPID_SHOP_SOLD, &dp);
}

void Shop_FireOutOfStock(Shop *shop, BSTR bstrItem)
{
    VARIANTARG arg;
    DISPPARAMS dp = {&arg, NULL, 1, 0};

    V_VT(&arg) = VT_BSTR;
    V_BSTR(&arg) = bstrItem;
    ComrtFireDispatchEvent(shop->pCPC, &DIID__IShopEvents, DISPID_SHOP_OUTOFSTOCK, &dp);
}
