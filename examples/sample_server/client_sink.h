/*
 * examples/sample_server/client_sink.h — the sample client's event sink: a
 * C object implementing the _IShopEvents dispinterface (IDispatch), which
 * records the events it receives so the client can check them.
 */
#ifndef SAMPLE_CLIENT_SINK_H
#define SAMPLE_CLIENT_SINK_H

#define COBJMACROS
#define CONST_VTABLE /* const vtables in generated headers, as the SDK allows */
#include <pthread.h>

#include <comrt.h>
#include <rpc.h>
#include <rpcndr.h>

#include "sample.h"

typedef struct ShopSink {
    IDispatch IDispatch_iface;
    ULONG refs;
    /* What arrived, under `lock`: in a multithreaded client the events
     * come on an MTA worker thread, not the thread that checks them. */
    pthread_mutex_t lock;
    int cSold, cOutOfStock, cBad;
    OLECHAR lastItem[64];
    LONG lastQuantity;
    double lastTotal;
    OLECHAR lastOutOfStock[64];
    long lastThread;      /* the thread the last event ran on */
    BOOL lastInMta;       /* ... and whether it was in the MTA */
} ShopSink;

/* A new sink with one reference (the caller's; Release it). */
HRESULT ShopSink_Create(ShopSink **ppSink);

#endif /* SAMPLE_CLIENT_SINK_H */
