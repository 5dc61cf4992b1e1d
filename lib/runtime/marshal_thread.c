/*
 * runtime/marshal_thread.c — CoMarshalInterThreadInterfaceInStream and
 * CoGetInterfaceAndReleaseStream: an interface pointer handed from one
 * apartment of the process to another through a stream, as comtypes and
 * pywin32 code does for every worker thread.
 *
 * Windows writes an OBJREF (MS-DCOM 2.2.18) into the stream.  comrt has no
 * CoMarshalInterface yet, so the stream holds comrt's own record instead —
 * IN-PROCESS ONLY, to be replaced by an OBJREF when CoMarshalInterface
 * arrives.  The record (48 bytes, little-endian):
 *
 *   0   9  "COMRT-ITM"          magic
 *   9   1  version (1)
 *   10  2  record size (48)
 *   12  4  process id            (a record read in another process is
 *   16  8  process nonce          refused: the nonce, random per process,
 *                                 also tells a forked child or a reused pid)
 *   24  8  cookie                an entry of gitable.c's table (kind
 *                                 COMRT_ITABLE_MARSHAL), which holds the
 *                                 object's reference until unmarshalled
 *   32 16  IID marshalled        (informative: the unmarshal asks for its own)
 *
 * A record is unmarshalled once (the entry is taken).  One that never is
 * would leak its reference on Windows; here the stream's last Release
 * (with its clones') drops the entry, so a copy of the bytes outlives
 * nothing.
 */
#define COBJMACROS
#include "runtime/marshal_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#define RECORD_MAGIC "COMRT-ITM"
#define RECORD_MAGIC_LEN 9
#define RECORD_VERSION 1
#define RECORD_SIZE 48

static pthread_once_t g_nonce_once = PTHREAD_ONCE_INIT;
static ULONG64 g_nonce;

static void make_nonce(void)
{
    GUID g;
    if (FAILED(CoCreateGuid(&g))) memset(&g, 0x5a, sizeof g); /* the pid still tells processes apart */
    memcpy(&g_nonce, &g, sizeof g_nonce);
}

static void put_le(unsigned char *p, ULONG64 v, unsigned n)
{
    unsigned i;
    for (i = 0; i < n; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static ULONG64 get_le(const unsigned char *p, unsigned n)
{
    ULONG64 v = 0;
    unsigned i;
    for (i = 0; i < n; i++) v |= (ULONG64)p[i] << (8 * i);
    return v;
}

static void put_guid(unsigned char *p, const GUID *g)
{
    put_le(p, g->Data1, 4);
    put_le(p + 4, g->Data2, 2);
    put_le(p + 6, g->Data3, 2);
    memcpy(p + 8, g->Data4, 8);
}

/* The marshalling stream's last Release: drops the record's entry unless
 * it was unmarshalled (then there is none: E_INVALIDARG, ignored). */
static void drop_record(void *ctx)
{
    (void)comrt__itable_revoke(COMRT_ITABLE_MARSHAL, (ULONG64)(uintptr_t)ctx);
}

/* See objbase.h. */
HRESULT CoMarshalInterThreadInterfaceInStream(REFIID riid, LPUNKNOWN pUnk, LPSTREAM *ppStm)
{
    HRESULT hr;
    ULONG64 cookie = 0;
    IStream *stm = NULL;
    unsigned char rec[RECORD_SIZE];
    LARGE_INTEGER zero;
    ULONG written = 0;

    if (!ppStm) return E_INVALIDARG;
    *ppStm = NULL;
    if (!pUnk || !riid) return E_INVALIDARG;
    pthread_once(&g_nonce_once, make_nonce);
    hr = comrt__itable_register(COMRT_ITABLE_MARSHAL, pUnk, riid, &cookie);
    if (FAILED(hr)) return hr;
    hr = comrt__hgstream_create(NULL, TRUE, drop_record, (void *)(uintptr_t)cookie, &stm);
    if (FAILED(hr)) {
        comrt__itable_revoke(COMRT_ITABLE_MARSHAL, cookie);
        goto out;
    }
    /* From here on the stream's Release drops the entry. */
    memset(rec, 0, sizeof rec);
    memcpy(rec, RECORD_MAGIC, RECORD_MAGIC_LEN);
    rec[9] = RECORD_VERSION;
    put_le(rec + 10, RECORD_SIZE, 2);
    put_le(rec + 12, (ULONG64)(uint32_t)getpid(), 4);
    put_le(rec + 16, g_nonce, 8);
    put_le(rec + 24, cookie, 8);
    put_guid(rec + 32, riid);
    hr = IStream_Write(stm, rec, sizeof rec, &written);
    if (FAILED(hr)) goto out;
    zero.QuadPart = 0;
    hr = IStream_Seek(stm, zero, STREAM_SEEK_SET, NULL);
    if (FAILED(hr)) goto out;
    *ppStm = stm;
    stm = NULL;
out:
    if (stm) IStream_Release(stm);
    return hr;
}

/* Reads and checks a record at pStm's position: *pcookie receives its
 * cookie.  RPC_E_INVALID_OBJREF for bytes that are no record of a known
 * version (as soon as they differ from the magic), else STG_E_READFAULT
 * when fewer bytes than a record are there (Wine's answer for an empty
 * stream), CO_E_OBJNOTCONNECTED for a record of
 * another process. */
static HRESULT read_record(IStream *pStm, ULONG64 *pcookie)
{
    unsigned char rec[RECORD_SIZE];
    ULONG got = 0;
    HRESULT hr = IStream_Read(pStm, rec, sizeof rec, &got);

    if (FAILED(hr)) return hr;
    if (memcmp(rec, RECORD_MAGIC, got < RECORD_MAGIC_LEN ? got : RECORD_MAGIC_LEN) != 0) return RPC_E_INVALID_OBJREF;
    if (got < sizeof rec) return STG_E_READFAULT;
    if (rec[9] != RECORD_VERSION || get_le(rec + 10, 2) != RECORD_SIZE) return RPC_E_INVALID_OBJREF;
    pthread_once(&g_nonce_once, make_nonce);
    if (get_le(rec + 12, 4) != (ULONG64)(uint32_t)getpid() || get_le(rec + 16, 8) != g_nonce)
        return CO_E_OBJNOTCONNECTED;
    *pcookie = get_le(rec + 24, 8);
    return S_OK;
}

/* See objbase.h. */
HRESULT CoGetInterfaceAndReleaseStream(LPSTREAM pStm, REFIID iid, LPVOID *ppv)
{
    HRESULT hr;
    comrt_apartment *cur = NULL;
    ULONG64 cookie = 0;

    if (!pStm) return E_INVALIDARG;
    if (!ppv || !iid) {
        hr = E_INVALIDARG;
        goto out;
    }
    hr = comrt__apt_current(&cur);
    if (FAILED(hr)) goto out;
    comrt__apt_release(cur);
    hr = read_record(pStm, &cookie);
    if (FAILED(hr)) goto out;
    hr = comrt__itable_get(COMRT_ITABLE_MARSHAL, cookie, TRUE, iid, ppv);
    if (hr == E_INVALIDARG) hr = CO_E_OBJNOTCONNECTED; /* unmarshalled already, or dropped */
out:
    IStream_Release(pStm);
    return hr;
}
