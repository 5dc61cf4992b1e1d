/*
 * examples/sample_server/client_sink.c — the event sink of the sample
 * client.  A client receives a dispinterface's events by implementing
 * IDispatch: the source calls Invoke with the event's DISPID and its
 * arguments in DISPPARAMS (last argument first).  GetTypeInfo and
 * GetIDsOfNames are not needed by a source and answer E_NOTIMPL, as
 * hand-written sinks on Windows do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "client_sink.h"

static inline ShopSink *impl_from_IDispatch(IDispatch *iface)
{
    return CONTAINING_RECORD(iface, ShopSink, IDispatch_iface);
}

static HRESULT STDMETHODCALLTYPE Sink_QueryInterface(IDispatch *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    /* The connection point asks for the event interface's IID. */
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch) ||
        IsEqualIID(riid, &DIID__IShopEvents)) {
        *ppv = iface;
        IDispatch_AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE Sink_AddRef(IDispatch *iface)
{
    return __atomic_add_fetch(&impl_from_IDispatch(iface)->refs, 1, __ATOMIC_SEQ_CST);
}

static ULONG STDMETHODCALLTYPE Sink_Release(IDispatch *iface)
{
    ShopSink *sink = impl_from_IDispatch(iface);
    ULONG refs = __atomic_sub_fetch(&sink->refs, 1, __ATOMIC_SEQ_CST);
    if (refs == 0) {
        pthread_mutex_destroy(&sink->lock);
        free(sink);
    }
    return refs;
}

static HRESULT STDMETHODCALLTYPE Sink_GetTypeInfoCount(IDispatch *iface, UINT *pctinfo)
{
    if (!pctinfo) return E_INVALIDARG;
    *pctinfo = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Sink_GetTypeInfo(IDispatch *iface, UINT i, LCID lcid, ITypeInfo **ppTI)
{
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE Sink_GetIDsOfNames(IDispatch *iface, REFIID riid, LPOLESTR *names, UINT c,
                                                   LCID lcid, DISPID *ids)
{
    return E_NOTIMPL;
}

/* Copies an [in] BSTR argument (rgvarg[i]) into dst[64]; FALSE when the
 * argument is not a string. */
static BOOL copy_bstr_arg(const DISPPARAMS *dp, UINT i, OLECHAR *dst)
{
    UINT n = 0;
    const OLECHAR *s;
    if (V_VT(&dp->rgvarg[i]) != VT_BSTR) return FALSE;
    for (s = V_BSTR(&dp->rgvarg[i]); s && *s && n < 63; s++) dst[n++] = *s;
    dst[n] = 0;
    return TRUE;
}

static APTTYPE apartment_type(void)
{
    APTTYPE type;
    APTTYPEQUALIFIER qual;
    return SUCCEEDED(CoGetApartmentType(&type, &qual)) ? type : APTTYPE_CURRENT;
}

static const char *apartment_name(APTTYPE type)
{
    return type == APTTYPE_MTA ? "MTA" : type == APTTYPE_MAINSTA ? "main STA" : type == APTTYPE_STA ? "STA" : "none";
}

static HRESULT STDMETHODCALLTYPE Sink_Invoke(IDispatch *iface, DISPID id, REFIID riid, LCID lcid, WORD flags,
                                            DISPPARAMS *dp, VARIANT *result, EXCEPINFO *ei, UINT *argerr)
{
    ShopSink *sink = impl_from_IDispatch(iface);
    HRESULT hr = S_OK;
    long thread = (long)syscall(SYS_gettid);
    APTTYPE apt = apartment_type();

    if (!dp) return E_INVALIDARG;
    printf("    [sink] event %d with %u argument(s) on thread %ld (%s)\n", (int)id, dp->cArgs, thread,
           apartment_name(apt));
    pthread_mutex_lock(&sink->lock);
    sink->lastThread = thread;
    sink->lastInMta = apt == APTTYPE_MTA;
    switch (id) {
    case 1: /* Sold(item, quantity, total) */
        if (dp->cArgs == 3 && copy_bstr_arg(dp, 2, sink->lastItem) && V_VT(&dp->rgvarg[1]) == VT_I4 &&
            V_VT(&dp->rgvarg[0]) == VT_R8) {
            sink->lastQuantity = V_I4(&dp->rgvarg[1]);
            sink->lastTotal = V_R8(&dp->rgvarg[0]);
            sink->cSold++;
        } else {
            sink->cBad++;
            hr = DISP_E_TYPEMISMATCH;
        }
        break;
    case 2: /* OutOfStock(item) */
        if (dp->cArgs == 1 && copy_bstr_arg(dp, 0, sink->lastOutOfStock))
            sink->cOutOfStock++;
        else {
            sink->cBad++;
            hr = DISP_E_TYPEMISMATCH;
        }
        break;
    default:
        sink->cBad++;
        hr = DISP_E_MEMBERNOTFOUND;
    }
    pthread_mutex_unlock(&sink->lock);
    return hr;
}

static const IDispatchVtbl Sink_Vtbl = {
    Sink_QueryInterface, Sink_AddRef, Sink_Release, Sink_GetTypeInfoCount,
    Sink_GetTypeInfo,    Sink_GetIDsOfNames, Sink_Invoke,
};

HRESULT ShopSink_Create(ShopSink **ppSink)
{
    ShopSink *sink = calloc(1, sizeof(*sink));
    if (!sink) return E_OUTOFMEMORY;
    sink->IDispatch_iface.lpVtbl = &Sink_Vtbl;
    sink->refs = 1;
    pthread_mutex_init(&sink->lock, NULL);
    *ppSink = sink;
    return S_OK;
}
