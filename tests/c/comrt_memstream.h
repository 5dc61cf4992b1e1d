/*
 * tests/c/comrt_memstream.h — an in-memory IStream over a growable buffer,
 * for IPersistStream round trips in tests and fuzz harnesses (monikers'
 * Save/Load).  Single-threaded; Write aborts the test on out-of-memory.
 * memstream_create() returns it with one reference (IStream_Release frees);
 * memstream_from() starts it with a copy of existing bytes.
 */
#ifndef COMRT_TEST_MEMSTREAM_H
#define COMRT_TEST_MEMSTREAM_H

#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

typedef struct memstream {
    IStream IStream_iface;
    LONG ref;
    BYTE *data;
    ULONG size, pos, cap;
} memstream;

#define MS(p) CONTAINING_RECORD(p, memstream, IStream_iface)
static HRESULT STDMETHODCALLTYPE ms_QueryInterface(IStream *This, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IStream) ||
        IsEqualIID(riid, &IID_ISequentialStream)) {
        *ppv = This;
        IStream_AddRef(This);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE ms_AddRef(IStream *This) { return (ULONG)++MS(This)->ref; }
static ULONG STDMETHODCALLTYPE ms_Release(IStream *This)
{
    memstream *m = MS(This);
    ULONG r = (ULONG)--m->ref;
    if (!r) {
        free(m->data);
        free(m);
    }
    return r;
}
static HRESULT STDMETHODCALLTYPE ms_Read(IStream *This, void *pv, ULONG cb, ULONG *got)
{
    memstream *m = MS(This);
    ULONG n = m->size - m->pos < cb ? m->size - m->pos : cb;
    if (n) memcpy(pv, m->data + m->pos, n);
    m->pos += n;
    if (got) *got = n;
    return n == cb ? S_OK : S_FALSE;
}
static HRESULT STDMETHODCALLTYPE ms_Write(IStream *This, const void *pv, ULONG cb, ULONG *put)
{
    memstream *m = MS(This);
    if (m->pos + cb > m->cap) {
        ULONG nc = (m->pos + cb) * 2 + 16;
        BYTE *grown = realloc(m->data, nc);
        if (!grown) abort();
        m->data = grown;
        m->cap = nc;
    }
    if (cb) memcpy(m->data + m->pos, pv, cb);
    m->pos += cb;
    if (m->pos > m->size) m->size = m->pos;
    if (put) *put = cb;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_Seek(IStream *This, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *np)
{
    memstream *m = MS(This);
    LONG64 base = origin == STREAM_SEEK_SET ? 0 : origin == STREAM_SEEK_CUR ? m->pos : m->size;
    LONG64 p = base + move.QuadPart;
    if (p < 0 || p > m->size) return STG_E_SEEKERROR;
    m->pos = (ULONG)p;
    if (np) np->QuadPart = (ULONG64)p;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_SetSize(IStream *This, ULARGE_INTEGER sz)
{
    (void)This, (void)sz;
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE ms_CopyTo(IStream *This, IStream *to, ULARGE_INTEGER cb, ULARGE_INTEGER *r,
                                           ULARGE_INTEGER *w)
{
    (void)This, (void)to, (void)cb, (void)r, (void)w;
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE ms_Commit(IStream *This, DWORD f)
{
    (void)This, (void)f;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_Revert(IStream *This)
{
    (void)This;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_Lock(IStream *This, ULARGE_INTEGER o, ULARGE_INTEGER cb, DWORD t)
{
    (void)This, (void)o, (void)cb, (void)t;
    return STG_E_INVALIDFUNCTION;
}
static HRESULT STDMETHODCALLTYPE ms_Stat(IStream *This, STATSTG *st, DWORD flag)
{
    (void)flag;
    memset(st, 0, sizeof *st);
    st->type = STGTY_STREAM;
    st->cbSize.QuadPart = MS(This)->size;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_Clone(IStream *This, IStream **pp)
{
    (void)This;
    *pp = NULL;
    return E_NOTIMPL;
}
static const IStreamVtbl ms_vtbl = {ms_QueryInterface, ms_AddRef, ms_Release, ms_Read,   ms_Write,
                                    ms_Seek,           ms_SetSize, ms_CopyTo, ms_Commit, ms_Revert,
                                    ms_Lock,           ms_Lock,    ms_Stat,   ms_Clone};

static inline memstream *memstream_create(void)
{
    memstream *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->IStream_iface.lpVtbl = &ms_vtbl;
    m->ref = 1;
    return m;
}

static inline void memstream_rewind(memstream *m) { m->pos = 0; }

static inline memstream *memstream_from(const void *data, size_t size)
{
    memstream *m = memstream_create();
    if (m && size) {
        m->data = malloc(size);
        if (!m->data) abort();
        memcpy(m->data, data, size);
        m->size = m->cap = (ULONG)size;
    }
    return m;
}


#endif /* COMRT_TEST_MEMSTREAM_H */
