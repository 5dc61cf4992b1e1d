/*
 * fuzz/fuzz_marshal.c — CoGetInterfaceAndReleaseStream on arbitrary stream
 * contents (a marshalled-interface record is outside data: it arrives
 * through a stream anyone may have written).  Each input either is the
 * stream as it is, or (first byte odd) patches a genuine record of a live
 * object with the bytes that follow, so the fuzzer also reaches the checks
 * past the magic.  Whatever the bytes, the call must answer S_OK with a
 * usable pointer or a clean error, release the stream, and leave the
 * object's reference count balanced.
 */
#define COBJMACROS
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

typedef struct {
    IUnknown IUnknown_iface;
    LONG ref;
} obj;

static HRESULT STDMETHODCALLTYPE o_qi(IUnknown *This, REFIID riid, void **ppv)
{
    if (!IsEqualIID(riid, &IID_IUnknown)) {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    *ppv = This;
    IUnknown_AddRef(This);
    return S_OK;
}
static ULONG STDMETHODCALLTYPE o_addref(IUnknown *This) { return (ULONG)++((obj *)This)->ref; }
static ULONG STDMETHODCALLTYPE o_release(IUnknown *This) { return (ULONG)--((obj *)This)->ref; }
static const IUnknownVtbl o_vtbl = { o_qi, o_addref, o_release };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    static obj o = { { &o_vtbl }, 1 };
    IStream *stm = NULL;
    IUnknown *got = NULL;
    HGLOBAL h;
    size_t n = size > 1 ? size - 1 : 0;
    BYTE *mem;

    if (!ready) {
        CoInitializeEx(NULL, COINIT_MULTITHREADED);
        ready = 1;
    }
    if (size < 1) return 0;
    if (data[0] & 1) {
        /* a genuine record, then the input written over it from offset data[0] / 2 */
        LARGE_INTEGER zero = { 0 };
        size_t at = (size_t)(data[0] >> 1) % 48;
        if (CoMarshalInterThreadInterfaceInStream(&IID_IUnknown, &o.IUnknown_iface, &stm) != S_OK) abort();
        if (IStream_Seek(stm, zero, STREAM_SEEK_SET, NULL) != S_OK) abort();
        zero.QuadPart = (LONGLONG)at;
        IStream_Seek(stm, zero, STREAM_SEEK_SET, NULL);
        IStream_Write(stm, data + 1, (ULONG)n, NULL);
        zero.QuadPart = 0;
        IStream_Seek(stm, zero, STREAM_SEEK_SET, NULL);
    } else {
        h = GlobalAlloc(GMEM_MOVEABLE, n);
        if (!h) return 0;
        mem = GlobalLock(h);
        if (n) memcpy(mem, data + 1, n);
        GlobalUnlock(h);
        if (CreateStreamOnHGlobal(h, TRUE, &stm) != S_OK) abort();
    }
    if (CoGetInterfaceAndReleaseStream(stm, &IID_IUnknown, (void **)&got) == S_OK) {
        if (!got) abort();
        IUnknown_Release(got);
    } else if (got) {
        abort(); /* failures write NULL */
    }
    /* the record's reference (if any) went with the stream or the unmarshal */
    if (o.ref != 1) abort();
    return 0;
}
