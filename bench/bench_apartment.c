/*
 * bench/bench_apartment.c — a call into a single-threaded apartment from the
 * MTA through comrt's cross-apartment proxy, in ns/call, next to the raw
 * cost of the same thread hop (two threads ping-ponging over eventfds: the
 * floor any queued call pays) and the direct call, in the same run.
 *
 * The object lives in an STA thread that registers it as an active object
 * and pumps; the MTA main thread gets it with GetActiveObject (a proxy,
 * as any caller in another apartment would) and calls
 * IDispatch::GetTypeInfoCount, a method with no arguments to marshal.
 */
#define COBJMACROS
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <comrt.h>

#include "bench_util.h"

/* ---- the object: an IDispatch whose GetTypeInfoCount answers 0 ----------- */

typedef struct {
    IDispatch IDispatch_iface;
    LONG ref;
} BenchObj;

static HRESULT STDMETHODCALLTYPE bo_QueryInterface(IDispatch *This, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch)) {
        *ppv = This;
        IDispatch_AddRef(This);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE bo_AddRef(IDispatch *This)
{
    return (ULONG)__atomic_add_fetch(&((BenchObj *)This)->ref, 1, __ATOMIC_RELAXED);
}
static ULONG STDMETHODCALLTYPE bo_Release(IDispatch *This)
{
    return (ULONG)__atomic_sub_fetch(&((BenchObj *)This)->ref, 1, __ATOMIC_ACQ_REL);
}
__attribute__((noinline)) static HRESULT STDMETHODCALLTYPE bo_GetTypeInfoCount(IDispatch *This, UINT *pc)
{
    (void)This;
    *pc = 0;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE bo_GetTypeInfo(IDispatch *This, UINT i, LCID l, ITypeInfo **pp)
{
    (void)This, (void)i, (void)l;
    *pp = NULL;
    return DISP_E_BADINDEX;
}
static HRESULT STDMETHODCALLTYPE bo_GetIDsOfNames(IDispatch *This, REFIID r, LPOLESTR *n, UINT c, LCID l, DISPID *d)
{
    (void)This, (void)r, (void)n, (void)c, (void)l, (void)d;
    return DISP_E_UNKNOWNNAME;
}
static HRESULT STDMETHODCALLTYPE bo_Invoke(IDispatch *This, DISPID id, REFIID r, LCID l, WORD f, DISPPARAMS *dp,
                                           VARIANT *res, EXCEPINFO *ei, UINT *ae)
{
    (void)This, (void)id, (void)r, (void)l, (void)f, (void)dp, (void)res, (void)ei, (void)ae;
    return DISP_E_MEMBERNOTFOUND;
}
static const IDispatchVtbl bo_vtbl = { bo_QueryInterface, bo_AddRef, bo_Release, bo_GetTypeInfoCount,
                                       bo_GetTypeInfo, bo_GetIDsOfNames, bo_Invoke };
static BenchObj obj = { { &bo_vtbl }, 1 };

static const CLSID CLSID_Bench = { 0x6c0e3b52, 0x0b7e, 0x4f39, { 0x9a, 0x1d, 0x62, 0x3e, 0x50, 0x17, 0xc4, 0x01 } };

/* ---- the STA thread -------------------------------------------------------- */

static HANDLE sta_ready, sta_stop;

static void *sta_main(void *arg)
{
    DWORD cookie = 0, index = 0;
    (void)arg;
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    RegisterActiveObject((IUnknown *)&obj.IDispatch_iface, &CLSID_Bench, ACTIVEOBJECT_STRONG, &cookie);
    SetEvent(sta_ready);
    /* Serve calls until told to stop. */
    CoWaitForMultipleHandles(0, INFINITE, 1, &sta_stop, &index);
    RevokeActiveObject(cookie, NULL);
    CoUninitialize();
    return NULL;
}

/* ---- the measurements -------------------------------------------------------- */

static IDispatch *proxy;
static IDispatch *volatile direct_obj = &obj.IDispatch_iface;

static void via_proxy(long n)
{
    UINT c = 0, sum = 0;
    for (long i = 0; i < n; i++) {
        IDispatch_GetTypeInfoCount(proxy, &c);
        sum += c;
    }
    BENCH_KEEP(sum);
}

static void direct(long n)
{
    UINT c = 0, sum = 0;
    for (long i = 0; i < n; i++) {
        IDispatch_GetTypeInfoCount(direct_obj, &c);
        sum += c;
    }
    BENCH_KEEP(sum);
}

/* The raw hop: ping over one eventfd, pong back over another. */
static int ping_fd, pong_fd;

static void *ponger(void *arg)
{
    uint64_t v;
    (void)arg;
    for (;;) {
        if (read(ping_fd, &v, sizeof v) != sizeof v) break;
        if (v == UINT64_MAX - 1) break;
        v = 1;
        if (write(pong_fd, &v, sizeof v) != sizeof v) break;
    }
    return NULL;
}

static void raw_hop(long n)
{
    uint64_t v = 1;
    for (long i = 0; i < n; i++) {
        v = 1;
        if (write(ping_fd, &v, sizeof v) != sizeof v || read(pong_fd, &v, sizeof v) != sizeof v) abort();
    }
}

int main(void)
{
    pthread_t sta, pong;
    IUnknown *unk = NULL;
    uint64_t quit = UINT64_MAX - 1;
    int rc = 1;

    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    sta_ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    sta_stop = CreateEventW(NULL, TRUE, FALSE, NULL);
    pthread_create(&sta, NULL, sta_main, NULL);
    WaitForSingleObject(sta_ready, INFINITE);
    if (GetActiveObject(&CLSID_Bench, NULL, &unk) != S_OK ||
        IUnknown_QueryInterface(unk, &IID_IDispatch, (void **)&proxy) != S_OK ||
        proxy == &obj.IDispatch_iface) {
        fprintf(stderr, "bench_apartment: no proxy to the STA object\n");
        goto out;
    }
    ping_fd = eventfd(0, 0);
    pong_fd = eventfd(0, 0);
    pthread_create(&pong, NULL, ponger, NULL);

    printf("A call from the MTA into an STA object through a cross-apartment proxy\n");
    {
        double p = bench_ns_per_op(via_proxy, 20000);
        bench_report("proxy call MTA->STA", p, "eventfd ping-pong, 2 threads", bench_ns_per_op(raw_hop, 20000));
        bench_report("proxy call MTA->STA", p, "direct vtable call", bench_ns_per_op(direct, 10000000));
    }
    if (write(ping_fd, &quit, sizeof quit) != sizeof quit) goto out;
    pthread_join(pong, NULL);
    rc = 0;
out:
    if (proxy) IDispatch_Release(proxy);
    if (unk) IUnknown_Release(unk);
    SetEvent(sta_stop);
    pthread_join(sta, NULL);
    CloseHandle(sta_ready);
    CloseHandle(sta_stop);
    CoUninitialize();
    return rc;
}
