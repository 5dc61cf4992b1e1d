/*
 * runtime/hgstream.c — CreateStreamOnHGlobal and GetHGlobalFromStream: an
 * IStream over the bytes of an HGLOBAL (hglobal.c), the stream
 * CoMarshalInterThreadInterfaceInStream writes into and that COM code uses
 * as a memory stream.
 *
 * A stream and its clones share one `hg_data` (the HGLOBAL, the stream's
 * size, a mutex); each has its own seek position.  The stream's size is
 * the HGLOBAL's size (GlobalSize when the stream is made): growing or
 * shrinking the stream reallocs the HGLOBAL to exactly that size, as
 * Windows does, so GetHGlobalFromStream's block holds exactly the stream.
 * Every method takes the shared mutex, so a stream is free-threaded, as
 * Windows' is.
 *
 * Codes follow Wine's combase where Windows documents nothing else
 * (golden: tests/golden/hgstream.txt).  Offsets are 32-bit, as there:
 * Seek and SetSize use the low 32 bits of their argument.
 */
#define COBJMACROS
#include "runtime/marshal_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* CopyTo moves bytes through a buffer of this size (the source's lock is
 * not held while the destination writes: it may be a clone of the source). */
#define COPY_CHUNK 65536u

typedef struct {
    LONG refs; /* streams sharing it */
    pthread_mutex_t lock;
    HGLOBAL hglobal;
    ULONG size;
    BOOL delete_on_release;
    comrt_apt_fn on_final;
    void *ctx;
} hg_data;

typedef struct {
    IStream IStream_iface;
    LONG ref;
    hg_data *data;
    ULONG pos; /* under data->lock */
} hg_stream;

static const IStreamVtbl hg_stream_vtbl;

static hg_stream *impl(IStream *iface) { return CONTAINING_RECORD(iface, hg_stream, IStream_iface); }

/* Drops a stream's share of d; the last one runs on_final, frees the
 * HGLOBAL when asked to, and frees d. */
static void data_release(hg_data *d)
{
    if (__atomic_sub_fetch(&d->refs, 1, __ATOMIC_ACQ_REL)) return;
    if (d->on_final) d->on_final(d->ctx);
    if (d->delete_on_release) GlobalFree(d->hglobal);
    pthread_mutex_destroy(&d->lock);
    free(d);
}

/* A new stream on d (whose reference it takes over) at position pos. */
static HRESULT stream_new(hg_data *d, ULONG pos, IStream **ppstm)
{
    hg_stream *s = calloc(1, sizeof *s);
    if (!s) return E_OUTOFMEMORY;
    s->IStream_iface.lpVtbl = &hg_stream_vtbl;
    s->ref = 1;
    s->data = d;
    s->pos = pos;
    *ppstm = &s->IStream_iface;
    return S_OK;
}

/* Resizes the HGLOBAL (and the stream) to n bytes; what grows is zeroed
 * (bytes between the old end and a write beyond it read as 0).  A fixed
 * block may move: the HGLOBAL is then the new one.  Called with d->lock
 * held.  STG_E_MEDIUMFULL when the block cannot be resized. */
static HRESULT data_resize(hg_data *d, ULONG n)
{
    HGLOBAL h;
    if (n == d->size) return S_OK;
    h = GlobalReAlloc(d->hglobal, n, GMEM_MOVEABLE | GMEM_ZEROINIT);
    if (!h) return STG_E_MEDIUMFULL;
    d->hglobal = h;
    d->size = n;
    return S_OK;
}

/* IUnknown: the stream answers IUnknown, ISequentialStream and IStream;
 * its count is the stream's own (a clone has its own). */
static HRESULT STDMETHODCALLTYPE hg_QueryInterface(IStream *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_ISequentialStream) ||
        IsEqualIID(riid, &IID_IStream)) {
        IStream_AddRef(iface);
        *ppv = iface;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE hg_AddRef(IStream *iface)
{
    return (ULONG)__atomic_add_fetch(&impl(iface)->ref, 1, __ATOMIC_RELAXED);
}

static ULONG STDMETHODCALLTYPE hg_Release(IStream *iface)
{
    hg_stream *s = impl(iface);
    LONG ref = __atomic_sub_fetch(&s->ref, 1, __ATOMIC_ACQ_REL);
    if (!ref) {
        data_release(s->data);
        free(s);
    }
    return (ULONG)ref;
}

/* Reads what is there from the position on: fewer bytes than asked at the
 * end, none beyond it (S_OK either way).  *pcbRead (may be NULL) receives
 * the count.  STG_E_INVALIDPOINTER for a NULL pv (Windows' answer; Wine
 * crashes). */
static HRESULT STDMETHODCALLTYPE hg_Read(IStream *iface, void *pv, ULONG cb, ULONG *pcbRead)
{
    hg_stream *s = impl(iface);
    hg_data *d = s->data;
    HRESULT hr = S_OK;
    ULONG n = 0;

    if (!pv) return STG_E_INVALIDPOINTER;
    pthread_mutex_lock(&d->lock);
    if (s->pos < d->size) n = d->size - s->pos < cb ? d->size - s->pos : cb;
    if (n) {
        unsigned char *p = GlobalLock(d->hglobal);
        if (!p) {
            hr = STG_E_READFAULT;
            n = 0;
            goto out;
        }
        memcpy(pv, p + s->pos, n);
        GlobalUnlock(d->hglobal);
        s->pos += n;
    }
out:
    pthread_mutex_unlock(&d->lock);
    if (pcbRead) *pcbRead = n;
    return hr;
}

/* Writes at the position, growing the stream (and its HGLOBAL) as needed;
 * a position beyond the end leaves zeros between.  STG_E_MEDIUMFULL when
 * the block cannot grow or the end would pass 4 GB;
 * STG_E_INVALIDPOINTER for a NULL pv. */
static HRESULT STDMETHODCALLTYPE hg_Write(IStream *iface, const void *pv, ULONG cb, ULONG *pcbWritten)
{
    hg_stream *s = impl(iface);
    hg_data *d = s->data;
    HRESULT hr = S_OK;
    ULONG n = 0;
    unsigned char *p;

    if (!pv) return STG_E_INVALIDPOINTER;
    if (!cb) goto done;
    pthread_mutex_lock(&d->lock);
    if ((uint64_t)s->pos + cb > UINT32_MAX) {
        hr = STG_E_MEDIUMFULL;
        goto out;
    }
    if (s->pos + cb > d->size) {
        hr = data_resize(d, s->pos + cb);
        if (FAILED(hr)) goto out;
    }
    p = GlobalLock(d->hglobal);
    if (!p) {
        hr = STG_E_WRITEFAULT;
        goto out;
    }
    memcpy(p + s->pos, pv, cb);
    GlobalUnlock(d->hglobal);
    s->pos += cb;
    n = cb;
out:
    pthread_mutex_unlock(&d->lock);
done:
    if (pcbWritten) *pcbWritten = n;
    return hr;
}

/* Moves the position: the low 32 bits of dlibMove, signed, from the start,
 * the position or the end; beyond the end is allowed.  STG_E_SEEKERROR for
 * a position before 0 or past 4 GB and for an unknown origin (Wine's
 * answer; Windows documents STG_E_INVALIDFUNCTION for the latter).
 * *plibNewPosition (may be NULL) receives the position — on failure the
 * unchanged one, as Wine writes it. */
static HRESULT STDMETHODCALLTYPE hg_Seek(IStream *iface, LARGE_INTEGER dlibMove, DWORD dwOrigin,
                                         ULARGE_INTEGER *plibNewPosition)
{
    hg_stream *s = impl(iface);
    hg_data *d = s->data;
    HRESULT hr = S_OK;
    int64_t base, target;

    pthread_mutex_lock(&d->lock);
    switch (dwOrigin) {
    case STREAM_SEEK_SET: base = 0; break;
    case STREAM_SEEK_CUR: base = s->pos; break;
    case STREAM_SEEK_END: base = d->size; break;
    default: hr = STG_E_SEEKERROR; goto out;
    }
    target = base + (int32_t)dlibMove.u.LowPart;
    if (target < 0 || target > (int64_t)UINT32_MAX) {
        hr = STG_E_SEEKERROR;
        goto out;
    }
    s->pos = (ULONG)target;
out:
    if (plibNewPosition) plibNewPosition->QuadPart = s->pos;
    pthread_mutex_unlock(&d->lock);
    return hr;
}

/* Resizes the stream and its HGLOBAL to the low 32 bits of libNewSize (as
 * Wine; the position stays, even beyond the new end).  STG_E_MEDIUMFULL
 * when the block cannot be resized (a locked moveable block cannot grow). */
static HRESULT STDMETHODCALLTYPE hg_SetSize(IStream *iface, ULARGE_INTEGER libNewSize)
{
    hg_data *d = impl(iface)->data;
    HRESULT hr;

    pthread_mutex_lock(&d->lock);
    hr = data_resize(d, libNewSize.u.LowPart);
    pthread_mutex_unlock(&d->lock);
    return hr;
}

/* Reads up to cb bytes from the position (as many as are there when the
 * call starts) and writes them to pstm, through a buffer; *pcbRead / *pcbWritten (may be NULL) receive the counts (they
 * differ when pstm writes less).  STG_E_INVALIDPOINTER for a NULL pstm;
 * a failing write's error (counts so far written). */
static HRESULT STDMETHODCALLTYPE hg_CopyTo(IStream *iface, IStream *pstm, ULARGE_INTEGER cb, ULARGE_INTEGER *pcbRead,
                                           ULARGE_INTEGER *pcbWritten)
{
    hg_stream *s = impl(iface);
    hg_data *d = s->data;
    unsigned char *buf = NULL;
    uint64_t left = cb.QuadPart, total_read = 0, total_written = 0;
    HRESULT hr = S_OK;

    if (!pstm) return STG_E_INVALIDPOINTER;
    /* What is there now is what gets copied: a destination sharing this
     * block (a clone) may grow it meanwhile. */
    pthread_mutex_lock(&d->lock);
    if (left > (s->pos < d->size ? d->size - s->pos : 0)) left = s->pos < d->size ? d->size - s->pos : 0;
    pthread_mutex_unlock(&d->lock);
    while (left) {
        ULONG n = 0, written = 0;
        unsigned char *p;
        if (!buf && !(buf = malloc(COPY_CHUNK))) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        pthread_mutex_lock(&d->lock);
        if (s->pos < d->size) n = d->size - s->pos;
        if (n > COPY_CHUNK) n = COPY_CHUNK;
        if (n > left) n = (ULONG)left;
        if (n) {
            p = GlobalLock(d->hglobal);
            if (p) {
                memcpy(buf, p + s->pos, n);
                GlobalUnlock(d->hglobal);
                s->pos += n;
            } else {
                n = 0;
                hr = STG_E_READFAULT;
            }
        }
        pthread_mutex_unlock(&d->lock);
        if (FAILED(hr) || !n) break;
        total_read += n;
        left -= n;
        hr = IStream_Write(pstm, buf, n, &written);
        total_written += written;
        if (FAILED(hr) || written < n) break;
    }
out:
    free(buf);
    if (pcbRead) pcbRead->QuadPart = total_read;
    if (pcbWritten) pcbWritten->QuadPart = total_written;
    return hr;
}

/* A memory stream has nothing to commit or revert: S_OK. */
static HRESULT STDMETHODCALLTYPE hg_Commit(IStream *iface, DWORD grfCommitFlags)
{
    (void)iface;
    (void)grfCommitFlags;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE hg_Revert(IStream *iface)
{
    (void)iface;
    return S_OK;
}

/* Region locks are not supported (Stat says so: grfLocksSupported 0):
 * LockRegion answers STG_E_INVALIDFUNCTION; UnlockRegion answers S_OK, as
 * Wine's combase does. */
static HRESULT STDMETHODCALLTYPE hg_LockRegion(IStream *iface, ULARGE_INTEGER libOffset, ULARGE_INTEGER cb,
                                               DWORD dwLockType)
{
    (void)iface;
    (void)libOffset;
    (void)cb;
    (void)dwLockType;
    return STG_E_INVALIDFUNCTION;
}

static HRESULT STDMETHODCALLTYPE hg_UnlockRegion(IStream *iface, ULARGE_INTEGER libOffset, ULARGE_INTEGER cb,
                                                 DWORD dwLockType)
{
    (void)iface;
    (void)libOffset;
    (void)cb;
    (void)dwLockType;
    return S_OK;
}

/* STGTY_STREAM, the size, and zeros elsewhere (no name, no times, grfMode
 * 0 as Wine answers).  STG_E_INVALIDPOINTER for a NULL pstatstg. */
static HRESULT STDMETHODCALLTYPE hg_Stat(IStream *iface, STATSTG *pstatstg, DWORD grfStatFlag)
{
    hg_data *d = impl(iface)->data;

    (void)grfStatFlag;
    if (!pstatstg) return STG_E_INVALIDPOINTER;
    memset(pstatstg, 0, sizeof *pstatstg);
    pstatstg->type = STGTY_STREAM;
    pthread_mutex_lock(&d->lock);
    pstatstg->cbSize.QuadPart = d->size;
    pthread_mutex_unlock(&d->lock);
    return S_OK;
}

/* A new stream on the same HGLOBAL at the same position (the HGLOBAL is
 * freed, if asked, with the last of them).  STG_E_INVALIDPOINTER for a
 * NULL ppstm. */
static HRESULT STDMETHODCALLTYPE hg_Clone(IStream *iface, IStream **ppstm)
{
    hg_stream *s = impl(iface);
    HRESULT hr;
    ULONG pos;

    if (!ppstm) return STG_E_INVALIDPOINTER;
    pthread_mutex_lock(&s->data->lock);
    pos = s->pos;
    pthread_mutex_unlock(&s->data->lock);
    __atomic_add_fetch(&s->data->refs, 1, __ATOMIC_RELAXED);
    hr = stream_new(s->data, pos, ppstm);
    if (FAILED(hr)) data_release(s->data);
    return hr;
}

static const IStreamVtbl hg_stream_vtbl = {
    hg_QueryInterface, hg_AddRef, hg_Release, hg_Read, hg_Write, hg_Seek, hg_SetSize,
    hg_CopyTo, hg_Commit, hg_Revert, hg_LockRegion, hg_UnlockRegion, hg_Stat, hg_Clone,
};

/* See marshal_internal.h. */
HRESULT comrt__hgstream_create(HGLOBAL hGlobal, BOOL fDeleteOnRelease, comrt_apt_fn on_final, void *ctx,
                               IStream **ppstm)
{
    HRESULT hr;
    hg_data *d = NULL;
    BOOL allocated = FALSE;
    SIZE_T size;

    if (!ppstm) return E_INVALIDARG;
    if (!hGlobal) {
        hGlobal = GlobalAlloc(GMEM_MOVEABLE, 0);
        if (!hGlobal) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
        allocated = TRUE;
    }
    size = GlobalSize(hGlobal);
    d = calloc(1, sizeof *d);
    if (!d) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    d->refs = 1;
    pthread_mutex_init(&d->lock, NULL);
    d->hglobal = hGlobal;
    /* The stream's offsets are 32-bit: a bigger block shows its first 4 GB. */
    d->size = size > UINT32_MAX ? UINT32_MAX : (ULONG)size;
    d->delete_on_release = fDeleteOnRelease;
    hr = stream_new(d, 0, ppstm);
    if (FAILED(hr)) goto out;
    d->on_final = on_final;
    d->ctx = ctx;
    d = NULL;
    allocated = FALSE;
out:
    if (d) {
        pthread_mutex_destroy(&d->lock);
        free(d);
    }
    if (allocated) GlobalFree(hGlobal);
    return hr;
}

/*
 * CreateStreamOnHGlobal: see objbase.h.
 */
HRESULT CreateStreamOnHGlobal(HGLOBAL hGlobal, BOOL fDeleteOnRelease, LPSTREAM *ppstm)
{
    return comrt__hgstream_create(hGlobal, fDeleteOnRelease, NULL, NULL, ppstm);
}

/*
 * GetHGlobalFromStream: see objbase.h.  Only streams made by
 * CreateStreamOnHGlobal (and their clones) have one.
 */
HRESULT GetHGlobalFromStream(LPSTREAM pstm, HGLOBAL *phglobal)
{
    hg_data *d;

    if (!pstm || !phglobal || pstm->lpVtbl != &hg_stream_vtbl) return E_INVALIDARG;
    d = impl(pstm)->data;
    pthread_mutex_lock(&d->lock);
    *phglobal = d->hglobal;
    pthread_mutex_unlock(&d->lock);
    return S_OK;
}
