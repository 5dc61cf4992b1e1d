/*
 * test_hgstream.c — HGLOBAL memory (lib/runtime/hglobal.c) and
 * CreateStreamOnHGlobal's IStream (lib/runtime/hgstream.c): handles that
 * are not pointers, lock counts, resizing locked and fixed blocks, bad
 * handles; the stream's reads and writes at and past the end, seeks,
 * SetSize, CopyTo (also into its own clone), clones, Stat, the HGLOBAL it
 * owns or not, and many threads writing through clones at once.
 */
#define COBJMACROS
#include <pthread.h>
#include <stdint.h>

#include "../comrt_test.h"

static ULONG64 pos_of(IStream *s)
{
    LARGE_INTEGER z;
    ULARGE_INTEGER p;
    z.QuadPart = 0;
    p.QuadPart = 0xdead;
    IStream_Seek(s, z, STREAM_SEEK_CUR, &p);
    return p.QuadPart;
}

static HRESULT seek_to(IStream *s, LONG64 off, DWORD origin)
{
    LARGE_INTEGER li;
    li.QuadPart = off;
    return IStream_Seek(s, li, origin, NULL);
}

static ULONG64 size_of(IStream *s)
{
    STATSTG st;
    if (FAILED(IStream_Stat(s, &st, STATFLAG_NONAME))) return (ULONG64)-1;
    return st.cbSize.QuadPart;
}

/* ---- Global* ------------------------------------------------------------------ */

TEST(global_moveable)
{
    HGLOBAL h = GlobalAlloc(GMEM_MOVEABLE, 10), h2;
    unsigned char *p, *p2;

    CHECK(h != NULL);
    p = GlobalLock(h);
    CHECK(p != NULL);
    CHECK((void *)p != (void *)h);
    CHECK_INT(GlobalSize(h), 10);
    memcpy(p, "0123456789", 10);
    p2 = GlobalLock(h);
    CHECK(p2 == p);
    /* Locked twice: it cannot grow (it would move), it can shrink. */
    CHECK(GlobalReAlloc(h, 1000, GMEM_MOVEABLE) == NULL);
    CHECK_INT(GlobalSize(h), 10);
    CHECK(GlobalReAlloc(h, 0, GMEM_MOVEABLE) == NULL); /* no discarding while locked */
    CHECK(GlobalReAlloc(h, 6, 0) == h);
    CHECK_INT(GlobalSize(h), 6);
    CHECK(GlobalUnlock(h) == TRUE);
    CHECK(GlobalUnlock(h) == FALSE);
    CHECK(GlobalUnlock(h) == FALSE); /* not locked */
    h2 = GlobalReAlloc(h, 100000, GMEM_MOVEABLE | GMEM_ZEROINIT);
    CHECK(h2 == h); /* a moveable block keeps its handle */
    p = GlobalLock(h);
    CHECK(memcmp(p, "012345", 6) == 0);
    CHECK(p[6] == 0 && p[99999] == 0);
    GlobalUnlock(h);
    /* Resized to 0: discarded, the handle stays. */
    CHECK(GlobalReAlloc(h, 0, GMEM_MOVEABLE) == h);
    CHECK(GlobalLock(h) == NULL);
    CHECK_INT(GlobalSize(h), 0);
    CHECK(GlobalReAlloc(h, 3, GMEM_MOVEABLE) == h);
    CHECK(GlobalLock(h) != NULL);
    CHECK(GlobalUnlock(h) == FALSE);
    CHECK(GlobalFree(h) == NULL);
    /* Freed: every function refuses it, nothing is touched. */
    CHECK(GlobalFree(h) == h);
    CHECK(GlobalLock(h) == NULL);
    CHECK_INT(GlobalSize(h), 0);
    CHECK(GlobalReAlloc(h, 5, GMEM_MOVEABLE) == NULL);
    CHECK(GlobalUnlock(h) == FALSE);
}

TEST(global_fixed)
{
    HGLOBAL h = GlobalAlloc(GPTR, 32), h2;
    unsigned char *p = (unsigned char *)h;
    int zero = 1;

    CHECK(h != NULL);
    for (int i = 0; i < 32; i++)
        if (p[i]) zero = 0;
    CHECK(zero);
    CHECK(GlobalLock(h) == (void *)h);
    CHECK(GlobalUnlock(h) == TRUE);
    CHECK_INT(GlobalSize(h), 32);
    memcpy(p, "fixed", 5);
    /* Shrinks in place; grows only if it may move. */
    CHECK(GlobalReAlloc(h, 8, 0) == h);
    CHECK_INT(GlobalSize(h), 8);
    CHECK(GlobalReAlloc(h, 16, 0) == h); /* back within its allocation */
    CHECK(GlobalReAlloc(h, 1 << 20, 0) == NULL);
    h2 = GlobalReAlloc(h, 1 << 20, GMEM_MOVEABLE);
    CHECK(h2 != NULL);
    CHECK(memcmp(h2, "fixed", 5) == 0);
    CHECK_INT(GlobalSize(h2), 1 << 20);
    if (h2 != h) CHECK_INT(GlobalSize(h), 0); /* the old address is no handle now */
    CHECK(GlobalFree(h2) == NULL);

    h = GlobalAlloc(GMEM_FIXED, 0);
    CHECK(h != NULL);
    CHECK_INT(GlobalSize(h), 0);
    CHECK(GlobalFree(h) == NULL);

    CHECK(GlobalFree(NULL) == NULL);
    CHECK_INT(GlobalSize(NULL), 0);
    CHECK(GlobalLock(NULL) == NULL);
    {
        int local;
        CHECK(GlobalFree((HGLOBAL)&local) == (HGLOBAL)&local); /* not a block */
        CHECK_INT(GlobalSize((HGLOBAL)&local), 0);
    }
}

/* Many handles: the table grows and finds them all. */
TEST(global_many)
{
    enum { N = 3000 };
    static HGLOBAL h[N];
    int i, bad = 0;
    for (i = 0; i < N; i++) h[i] = GlobalAlloc(i & 1 ? GMEM_MOVEABLE : GMEM_FIXED, (SIZE_T)i);
    for (i = 0; i < N; i++)
        if (GlobalSize(h[i]) != (SIZE_T)i) bad++;
    for (i = 0; i < N; i++)
        if (GlobalFree(h[i]) != NULL) bad++;
    CHECK_INT(bad, 0);
}

/* ---- the stream ---------------------------------------------------------------- */

TEST(read_write_seek)
{
    IStream *s = NULL;
    unsigned char buf[64];
    ULONG n = 99;
    ULARGE_INTEGER np;
    LARGE_INTEGER li;

    CHECK_HR(CreateStreamOnHGlobal(NULL, TRUE, NULL), E_INVALIDARG);
    CHECK_HR(CreateStreamOnHGlobal(NULL, TRUE, &s), S_OK);
    CHECK_INT(size_of(s), 0);
    CHECK_HR(IStream_Read(s, buf, 4, &n), S_OK);
    CHECK_INT(n, 0);
    CHECK_HR(IStream_Write(s, "hello", 5, &n), S_OK);
    CHECK_INT(n, 5);
    CHECK_INT(pos_of(s), 5);
    CHECK_HR(IStream_Read(s, NULL, 4, &n), STG_E_INVALIDPOINTER);
    CHECK_HR(IStream_Write(s, NULL, 4, &n), STG_E_INVALIDPOINTER);
    CHECK_HR(seek_to(s, 1, STREAM_SEEK_SET), S_OK);
    CHECK_HR(IStream_Read(s, buf, 64, &n), S_OK);
    CHECK_INT(n, 4);
    CHECK(memcmp(buf, "ello", 4) == 0);
    /* Past the end: reads nothing, a write leaves zeros between. */
    CHECK_HR(seek_to(s, 10, STREAM_SEEK_SET), S_OK);
    CHECK_HR(IStream_Read(s, buf, 4, &n), S_OK);
    CHECK_INT(n, 0);
    CHECK_INT(pos_of(s), 10);
    CHECK_HR(IStream_Write(s, "!", 1, NULL), S_OK);
    CHECK_INT(size_of(s), 11);
    CHECK_HR(seek_to(s, 0, STREAM_SEEK_SET), S_OK);
    CHECK_HR(IStream_Read(s, buf, 64, &n), S_OK);
    CHECK_INT(n, 11);
    CHECK(memcmp(buf, "hello\0\0\0\0\0!", 11) == 0);
    /* Seeks: from the end, bad origins and targets keep the position. */
    li.QuadPart = -3;
    CHECK_HR(IStream_Seek(s, li, STREAM_SEEK_END, &np), S_OK);
    CHECK_INT(np.QuadPart, 8);
    li.QuadPart = -9;
    CHECK_HR(IStream_Seek(s, li, STREAM_SEEK_CUR, &np), STG_E_SEEKERROR);
    CHECK_INT(np.QuadPart, 8);
    li.QuadPart = 0;
    CHECK_HR(IStream_Seek(s, li, 7, &np), STG_E_SEEKERROR);
    CHECK_INT(pos_of(s), 8);
    /* 32-bit offsets: past 4 GB nothing is written, nothing allocated. */
    CHECK_HR(seek_to(s, 0x7fffffff, STREAM_SEEK_SET), S_OK);
    CHECK_HR(seek_to(s, 0x7fffffff, STREAM_SEEK_CUR), S_OK);
    CHECK_INT(pos_of(s), 0xfffffffeu);
    CHECK_HR(seek_to(s, 0x10, STREAM_SEEK_CUR), STG_E_SEEKERROR);
    CHECK_HR(IStream_Write(s, "abcd", 4, &n), STG_E_MEDIUMFULL);
    CHECK_INT(n, 0);
    CHECK_INT(size_of(s), 11);
    CHECK_INT(IStream_Release(s), 0);
}

TEST(setsize_commit_locks_stat_qi)
{
    IStream *s = NULL;
    HGLOBAL hg = NULL;
    ULARGE_INTEGER sz, off;
    STATSTG st;
    void *pv = (void *)1;

    CHECK_HR(CreateStreamOnHGlobal(NULL, TRUE, &s), S_OK);
    IStream_Write(s, "abcdef", 6, NULL);
    sz.QuadPart = 3;
    CHECK_HR(IStream_SetSize(s, sz), S_OK);
    CHECK_INT(pos_of(s), 6); /* the position stays, past the end */
    CHECK_INT(size_of(s), 3);
    CHECK_HR(GetHGlobalFromStream(s, &hg), S_OK);
    CHECK_INT(GlobalSize(hg), 3);
    sz.QuadPart = 100;
    CHECK_HR(IStream_SetSize(s, sz), S_OK);
    CHECK_INT(GlobalSize(hg), 100);
    /* A locked block cannot grow: the stream says so. */
    GlobalLock(hg);
    sz.QuadPart = 1 << 20;
    CHECK_HR(IStream_SetSize(s, sz), STG_E_MEDIUMFULL);
    CHECK_INT(size_of(s), 100);
    GlobalUnlock(hg);

    CHECK_HR(IStream_Commit(s, 0), S_OK);
    CHECK_HR(IStream_Revert(s), S_OK);
    off.QuadPart = 0;
    CHECK_HR(IStream_LockRegion(s, off, sz, LOCK_WRITE), STG_E_INVALIDFUNCTION);
    CHECK_HR(IStream_UnlockRegion(s, off, sz, LOCK_WRITE), S_OK);

    memset(&st, 0xcc, sizeof st);
    CHECK_HR(IStream_Stat(s, &st, STATFLAG_DEFAULT), S_OK);
    CHECK(st.pwcsName == NULL);
    CHECK_INT(st.type, STGTY_STREAM);
    CHECK_INT(st.cbSize.QuadPart, 100);
    CHECK_INT(st.grfMode, 0);
    CHECK_INT(st.grfLocksSupported, 0);
    CHECK_INT(st.mtime.dwLowDateTime, 0);
    CHECK(IsEqualGUID(&st.clsid, &GUID_NULL));
    CHECK_HR(IStream_Stat(s, NULL, 0), STG_E_INVALIDPOINTER);

    CHECK_HR(IStream_QueryInterface(s, &IID_ISequentialStream, &pv), S_OK);
    CHECK(pv == s);
    IStream_Release(s);
    CHECK_HR(IStream_QueryInterface(s, &IID_IPersist, &pv), E_NOINTERFACE);
    CHECK(pv == NULL);
    CHECK_HR(IStream_Clone(s, NULL), STG_E_INVALIDPOINTER);
    CHECK_INT(IStream_Release(s), 0);
}

/* A sequential stream that accepts at most `cap` bytes in all. */
typedef struct {
    IStream iface;
    ULONG got, cap;
} sink;
static HRESULT STDMETHODCALLTYPE sink_write(IStream *p, const void *pv, ULONG cb, ULONG *pcb)
{
    sink *k = (sink *)p;
    ULONG n = k->cap - k->got < cb ? k->cap - k->got : cb;
    (void)pv;
    k->got += n;
    if (pcb) *pcb = n;
    return n < cb ? STG_E_MEDIUMFULL : S_OK;
}

TEST(copyto_and_clones)
{
    IStream *s = NULL, *c = NULL, *d = NULL;
    ULARGE_INTEGER cb, rd, wr;
    unsigned char buf[32];
    ULONG n;
    HGLOBAL h1 = NULL, h2 = NULL;

    CHECK_HR(CreateStreamOnHGlobal(NULL, TRUE, &s), S_OK);
    IStream_Write(s, "0123456789", 10, NULL);
    CHECK_HR(seek_to(s, 4, STREAM_SEEK_SET), S_OK);
    CHECK_HR(IStream_Clone(s, &c), S_OK);
    CHECK_INT(pos_of(c), 4);
    CHECK_HR(GetHGlobalFromStream(s, &h1), S_OK);
    CHECK_HR(GetHGlobalFromStream(c, &h2), S_OK);
    CHECK(h1 == h2);
    /* Copy from s into its own clone (they share a lock): appends. */
    CHECK_HR(seek_to(c, 0, STREAM_SEEK_END), S_OK);
    cb.QuadPart = 100;
    CHECK_HR(IStream_CopyTo(s, c, cb, &rd, &wr), S_OK);
    CHECK_INT(rd.QuadPart, 6);
    CHECK_INT(wr.QuadPart, 6);
    CHECK_INT(size_of(s), 16);
    CHECK_HR(seek_to(s, 0, STREAM_SEEK_SET), S_OK);
    CHECK_HR(IStream_Read(s, buf, 32, &n), S_OK);
    CHECK_INT(n, 16);
    CHECK(memcmp(buf, "0123456789456789", 16) == 0);
    CHECK_HR(IStream_CopyTo(s, NULL, cb, NULL, NULL), STG_E_INVALIDPOINTER);

    /* A destination that fills up: its error, the counts so far. */
    {
        static IStreamVtbl vt;
        sink k;
        vt = *s->lpVtbl; /* only Write is called through it */
        vt.Write = sink_write;
        k.iface.lpVtbl = &vt;
        k.got = 0;
        k.cap = 5;
        CHECK_HR(seek_to(s, 0, STREAM_SEEK_SET), S_OK);
        CHECK_HR(IStream_CopyTo(s, &k.iface, cb, &rd, &wr), STG_E_MEDIUMFULL);
        CHECK_INT(rd.QuadPart, 16);
        CHECK_INT(wr.QuadPart, 5);
    }

    /* fDeleteOnRelease: the block goes with the last clone. */
    CHECK_INT(IStream_Release(s), 0);
    CHECK_INT(GlobalSize(h1), 16);
    CHECK_INT(size_of(c), 16);
    CHECK_INT(IStream_Release(c), 0);
    CHECK_INT(GlobalSize(h1), 0); /* freed: no block has that handle */

    /* Not deleting: the caller's block holds the stream afterwards. */
    h1 = GlobalAlloc(GMEM_MOVEABLE, 4);
    memcpy(GlobalLock(h1), "wxyz", 4);
    GlobalUnlock(h1);
    CHECK_HR(CreateStreamOnHGlobal(h1, FALSE, &d), S_OK);
    CHECK_INT(size_of(d), 4);
    CHECK_HR(seek_to(d, 0, STREAM_SEEK_END), S_OK);
    IStream_Write(d, "!!", 2, NULL);
    CHECK_INT(IStream_Release(d), 0);
    CHECK_INT(GlobalSize(h1), 6);
    CHECK(memcmp(GlobalLock(h1), "wxyz!!", 6) == 0);
    GlobalUnlock(h1);
    CHECK(GlobalFree(h1) == NULL);

    /* A fixed block moves when the stream grows it: the stream follows. */
    h1 = GlobalAlloc(GMEM_FIXED, 2);
    CHECK_HR(CreateStreamOnHGlobal(h1, TRUE, &d), S_OK);
    CHECK_HR(seek_to(d, 0, STREAM_SEEK_END), S_OK);
    memset(buf, 'q', sizeof buf);
    for (int i = 0; i < 100; i++) IStream_Write(d, buf, 32, NULL);
    CHECK_HR(GetHGlobalFromStream(d, &h2), S_OK);
    CHECK_INT(GlobalSize(h2), 3202);
    CHECK_INT(IStream_Release(d), 0);

    /* Only our streams have an HGLOBAL. */
    {
        sink k;
        static IStreamVtbl vt2;
        CHECK_HR(CreateStreamOnHGlobal(NULL, TRUE, &d), S_OK);
        vt2 = *d->lpVtbl;
        k.iface.lpVtbl = &vt2;
        CHECK_HR(GetHGlobalFromStream(&k.iface, &h2), E_INVALIDARG);
        CHECK_HR(GetHGlobalFromStream(NULL, &h2), E_INVALIDARG);
        CHECK_HR(GetHGlobalFromStream(d, NULL), E_INVALIDARG);
        CHECK_INT(IStream_Release(d), 0);
    }
}

/* Threads write their own 4 KB slot through their own clone, again and
 * again, while the stream grows under them; then every slot holds its
 * thread's byte. */
enum { WRITERS = 8, SLOT = 4096 };
static IStream *g_stream;

static void *writer_main(void *arg)
{
    int id = (int)(intptr_t)arg, k;
    unsigned char buf[SLOT];
    IStream *c = NULL;
    memset(buf, 'A' + id, sizeof buf);
    CHECK_HR(IStream_Clone(g_stream, &c), S_OK);
    for (k = 0; k < 50; k++) {
        ULONG n = 0;
        CHECK_HR(seek_to(c, (LONG64)id * SLOT, STREAM_SEEK_SET), S_OK);
        CHECK_HR(IStream_Write(c, buf, SLOT / 2, &n), S_OK);
        CHECK_HR(IStream_Write(c, buf + SLOT / 2, SLOT / 2, &n), S_OK);
        (void)size_of(c);
    }
    IStream_Release(c);
    return NULL;
}

TEST(threads)
{
    pthread_t th[WRITERS];
    unsigned char *all;
    ULONG n = 0;
    int i, bad = 0;

    CHECK_HR(CreateStreamOnHGlobal(NULL, TRUE, &g_stream), S_OK);
    for (i = 0; i < WRITERS; i++) pthread_create(&th[i], NULL, writer_main, (void *)(intptr_t)i);
    for (i = 0; i < WRITERS; i++) pthread_join(th[i], NULL);
    CHECK_INT(size_of(g_stream), WRITERS * SLOT);
    all = malloc(WRITERS * SLOT);
    CHECK_HR(seek_to(g_stream, 0, STREAM_SEEK_SET), S_OK);
    CHECK_HR(IStream_Read(g_stream, all, WRITERS * SLOT, &n), S_OK);
    CHECK_INT(n, WRITERS * SLOT);
    for (i = 0; i < WRITERS * SLOT; i++)
        if (all[i] != 'A' + i / SLOT) bad++;
    CHECK_INT(bad, 0);
    free(all);
    CHECK_INT(IStream_Release(g_stream), 0);
}

int main(void)
{
    RUN(global_moveable);
    RUN(global_fixed);
    RUN(global_many);
    RUN(read_write_seek);
    RUN(setsize_commit_locks_stat_qi);
    RUN(copyto_and_clones);
    RUN(threads);
    return comrt_test_summary();
}
