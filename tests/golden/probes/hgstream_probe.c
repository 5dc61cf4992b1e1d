/*
 * hgstream_probe.c — HGLOBAL memory (GlobalAlloc, GlobalReAlloc,
 * GlobalLock/Unlock, GlobalSize, GlobalFree), CreateStreamOnHGlobal's
 * IStream (Read/Write at and beyond the end, Seek, SetSize, CopyTo, Clone,
 * Stat without the times, Commit/Revert/LockRegion, QueryInterface),
 * GetHGlobalFromStream, the Global Interface Table's codes (cookies good
 * and bad, reference counts) and CoMarshalInterThreadInterfaceInStream /
 * CoGetInterfaceAndReleaseStream within one apartment, on garbage and on a
 * record used twice.
 *
 * Pointers are never printed: only whether two of them are equal, whether
 * one is NULL, and the bytes they point at.  The size of a marshalled
 * record is not printed (an OBJREF on Windows, comrt's in-process record
 * here).
 */
#include "probe_util.h"
#ifdef _WIN32
#include <objidl.h>
#else
#include <pthread.h>
#endif

static const GUID IUNKNOWN_IID = {0, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const GUID ISTREAM_IID = {0x0000000c, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const GUID ISEQSTREAM_IID = {0x0c733a30, 0x2a1c, 0x11ce, {0xad, 0xe5, 0x00, 0xaa, 0x00, 0x44, 0x77, 0x3d}};
static const GUID IPERSIST_IID = {0x0000010c, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const GUID IDISPATCH_IID = {0x00020400, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const GUID GIT_IID = {0x00000146, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const GUID GIT_CLSID = {0x00000323, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

/* An object with IUnknown only, counting its references. */
typedef struct {
    IUnknown iface;
    LONG ref;
} obj;

static HRESULT STDMETHODCALLTYPE obj_qi(IUnknown *This, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IUNKNOWN_IID)) {
        ((obj *)This)->ref++;
        *ppv = This;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE obj_addref(IUnknown *This) { return (ULONG)++((obj *)This)->ref; }
static ULONG STDMETHODCALLTYPE obj_release(IUnknown *This) { return (ULONG)--((obj *)This)->ref; }
static IUnknownVtbl obj_vtbl = {obj_qi, obj_addref, obj_release};

static void out(const char *k, const char *fmt, ...)
{
    va_list ap;
    printf("%s => ", k);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

static void outhr(const char *k, HRESULT hr) { out(k, "%08X", (unsigned)hr); }

static ULONG64 pos(IStream *s)
{
    LARGE_INTEGER z;
    ULARGE_INTEGER p;
    z.QuadPart = 0;
    p.QuadPart = 0xdead;
    IStream_Seek(s, z, STREAM_SEEK_CUR, &p);
    return p.QuadPart;
}

static HRESULT seek(IStream *s, LONG64 off, DWORD origin, ULONG64 *np)
{
    LARGE_INTEGER li;
    ULARGE_INTEGER p;
    HRESULT hr;
    li.QuadPart = off;
    p.QuadPart = 0xdead;
    hr = IStream_Seek(s, li, origin, &p);
    *np = p.QuadPart;
    return hr;
}

static void stat_line(const char *k, IStream *s, DWORD flag)
{
    STATSTG st;
    HRESULT hr;
    memset(&st, 0xcc, sizeof st);
    hr = IStream_Stat(s, &st, flag);
    if (FAILED(hr)) {
        outhr(k, hr);
        return;
    }
    out(k, "%08X name=%s type=%u size=%llu mode=%08X locks=%08X clsid0=%08X state=%08X", (unsigned)hr,
        st.pwcsName ? "set" : "NULL", (unsigned)st.type, (unsigned long long)st.cbSize.QuadPart,
        (unsigned)st.grfMode, (unsigned)st.grfLocksSupported, (unsigned)st.clsid.Data1,
        (unsigned)st.grfStateBits);
    if (st.pwcsName && flag != STATFLAG_NONAME) CoTaskMemFree(st.pwcsName);
}

static void global_cases(void)
{
    HGLOBAL h, h2;
    unsigned char *p, *p2;
    SIZE_T i;
    int zero;

    h = GlobalAlloc(GMEM_MOVEABLE, 10);
    p = GlobalLock(h);
    out("global moveable 10", "handle=%s lock=%s handle==ptr=%d size=%u", h ? "set" : "NULL", p ? "set" : "NULL",
        (void *)h == (void *)p, (unsigned)GlobalSize(h));
    p2 = GlobalLock(h);
    out("global moveable relock same ptr", "%d", p == p2);
    out("global moveable unlock 1", "%d", GlobalUnlock(h) != 0);
    out("global moveable unlock 2", "%d", GlobalUnlock(h) != 0);
    out("global moveable unlock 3 (not locked)", "%d", GlobalUnlock(h) != 0);
    memcpy(GlobalLock(h), "0123456789", 10);
    GlobalUnlock(h);
    h2 = GlobalReAlloc(h, 20, GMEM_MOVEABLE);
    p = GlobalLock(h2);
    out("global moveable realloc 20", "ok=%s same=%d size=%u keep=%d", h2 ? "set" : "NULL", h2 == h,
        (unsigned)GlobalSize(h2), p && memcmp(p, "0123456789", 10) == 0);
    GlobalUnlock(h2);
    h = GlobalReAlloc(h2, 4, 0);
    out("global moveable realloc 4 flags 0", "ok=%s same=%d size=%u", h ? "set" : "NULL", h == h2,
        (unsigned)(h ? GlobalSize(h) : 0));
    if (!h) h = h2;
    out("global moveable free", "%s", GlobalFree(h) ? "set" : "NULL");

    h = GlobalAlloc(GMEM_FIXED, 10);
    p = GlobalLock(h);
    out("global fixed 10", "handle=%s handle==ptr=%d size=%u", h ? "set" : "NULL", (void *)h == (void *)p,
        (unsigned)GlobalSize(h));
    out("global fixed unlock", "%d", GlobalUnlock(h) != 0);
    h2 = GlobalReAlloc(h, 4, 0);
    out("global fixed realloc shrink 4", "ok=%s same=%d size=%u", h2 ? "set" : "NULL", h2 == h,
        (unsigned)(h2 ? GlobalSize(h2) : 0));
    if (h2) h = h2;
    h2 = GlobalReAlloc(h, 4000, GMEM_MOVEABLE);
    out("global fixed realloc 4000 moveable", "ok=%s size=%u", h2 ? "set" : "NULL",
        (unsigned)(h2 ? GlobalSize(h2) : 0));
    if (h2) h = h2;
    out("global fixed free", "%s", GlobalFree(h) ? "set" : "NULL");

    h = GlobalAlloc(GHND, 64);
    p = GlobalLock(h);
    zero = 1;
    for (i = 0; p && i < 64; i++)
        if (p[i]) zero = 0;
    out("global GHND 64", "handle=%s handle==ptr=%d size=%u zero=%d", h ? "set" : "NULL", (void *)h == (void *)p,
        (unsigned)GlobalSize(h), zero);
    GlobalUnlock(h);
    h2 = GlobalReAlloc(h, 128, GMEM_MOVEABLE | GMEM_ZEROINIT);
    p = GlobalLock(h2);
    zero = 1;
    for (i = 64; p && i < 128; i++)
        if (p[i]) zero = 0;
    out("global GHND realloc 128 zeroinit", "ok=%s size=%u tailzero=%d", h2 ? "set" : "NULL",
        (unsigned)GlobalSize(h2), zero);
    GlobalUnlock(h2);
    GlobalFree(h2);

    h = GlobalAlloc(GPTR, 16);
    p = (unsigned char *)h;
    zero = 1;
    for (i = 0; p && i < 16; i++)
        if (p[i]) zero = 0;
    out("global GPTR 16", "handle=%s handle==ptr=%d size=%u zero=%d", h ? "set" : "NULL",
        (void *)GlobalLock(h) == (void *)h, (unsigned)GlobalSize(h), zero);
    GlobalFree(h);

    h = GlobalAlloc(GMEM_MOVEABLE, 0);
    out("global moveable 0", "handle=%s lock=%s size=%u", h ? "set" : "NULL", GlobalLock(h) ? "set" : "NULL",
        (unsigned)GlobalSize(h));
    h2 = GlobalReAlloc(h, 8, GMEM_MOVEABLE);
    out("global moveable 0 realloc 8", "ok=%s size=%u lock=%s", h2 ? "set" : "NULL",
        (unsigned)(h2 ? GlobalSize(h2) : 0), h2 && GlobalLock(h2) ? "set" : "NULL");
    if (h2) {
        GlobalUnlock(h2);
        h = h2;
    }
    GlobalFree(h);

    h = GlobalAlloc(GMEM_FIXED, 0);
    out("global fixed 0", "handle=%s size=%u", h ? "set" : "NULL", (unsigned)GlobalSize(h));
    GlobalFree(h);

    out("global free NULL", "%s", GlobalFree(NULL) ? "set" : "NULL");
    out("global size NULL", "%u", (unsigned)GlobalSize(NULL));
    out("global lock NULL", "%s", GlobalLock(NULL) ? "set" : "NULL");
}

static void stream_cases(void)
{
    IStream *s = NULL, *c = NULL, *d = NULL;
    HGLOBAL hg = NULL, hg2 = NULL;
    unsigned char buf[64];
    ULONG n;
    ULONG64 np;
    HRESULT hr;
    ULARGE_INTEGER cb, rd, wr;
    void *pv;

    outhr("create NULL ppstm", CreateStreamOnHGlobal(NULL, TRUE, NULL));
    hr = CreateStreamOnHGlobal(NULL, TRUE, &s);
    outhr("create NULL hglobal", hr);
    if (FAILED(hr)) return;
    stat_line("stat new", s, STATFLAG_DEFAULT);
    stat_line("stat new noname", s, STATFLAG_NONAME);
    hr = GetHGlobalFromStream(s, &hg);
    out("gethglobal new", "%08X hg=%s size=%u", (unsigned)hr, hg ? "set" : "NULL", (unsigned)GlobalSize(hg));
    outhr("gethglobal NULL stream", GetHGlobalFromStream(NULL, &hg2));
    outhr("gethglobal NULL out", GetHGlobalFromStream(s, NULL));

    pv = (void *)1;
    hr = IStream_QueryInterface(s, &ISTREAM_IID, &pv);
    out("qi IStream", "%08X same=%d", (unsigned)hr, pv == (void *)s);
    if (SUCCEEDED(hr)) IStream_Release(s);
    hr = IStream_QueryInterface(s, &ISEQSTREAM_IID, &pv);
    out("qi ISequentialStream", "%08X same=%d", (unsigned)hr, pv == (void *)s);
    if (SUCCEEDED(hr)) IStream_Release(s);
    hr = IStream_QueryInterface(s, &IUNKNOWN_IID, &pv);
    out("qi IUnknown", "%08X same=%d", (unsigned)hr, pv == (void *)s);
    if (SUCCEEDED(hr)) IStream_Release(s);
    pv = (void *)1;
    hr = IStream_QueryInterface(s, &IPERSIST_IID, &pv);
    out("qi IPersist", "%08X null=%d", (unsigned)hr, pv == NULL);

    n = 99;
    hr = IStream_Read(s, buf, 10, &n);
    out("read empty", "%08X n=%u", (unsigned)hr, (unsigned)n);
    n = 99;
    hr = IStream_Write(s, "hello world", 11, &n);
    out("write 11", "%08X n=%u pos=%llu", (unsigned)hr, (unsigned)n, (unsigned long long)pos(s));
    stat_line("stat after write", s, STATFLAG_NONAME);
    out("hglobal size after write", "%u", (unsigned)GlobalSize(hg));
    n = 99;
    hr = IStream_Write(s, "x", 0, &n);
    out("write 0", "%08X n=%u", (unsigned)hr, (unsigned)n);
    outhr("write NULL pcb", IStream_Write(s, "!", 1, NULL));
    hr = seek(s, 0, STREAM_SEEK_SET, &np);
    out("seek set 0", "%08X pos=%llu", (unsigned)hr, (unsigned long long)np);
    n = 99;
    memset(buf, 0, sizeof buf);
    hr = IStream_Read(s, buf, 64, &n);
    out("read all", "%08X n=%u data=%.12s", (unsigned)hr, (unsigned)n, (char *)buf);
    n = 99;
    hr = IStream_Read(s, buf, 4, &n);
    out("read at end", "%08X n=%u", (unsigned)hr, (unsigned)n);
    outhr("read NULL pcb", IStream_Read(s, buf, 4, NULL));
    hr = seek(s, 100, STREAM_SEEK_SET, &np);
    out("seek set 100 (beyond end)", "%08X pos=%llu", (unsigned)hr, (unsigned long long)np);
    stat_line("stat after seek beyond", s, STATFLAG_NONAME);
    n = 99;
    hr = IStream_Read(s, buf, 4, &n);
    out("read beyond end", "%08X n=%u", (unsigned)hr, (unsigned)n);
    seek(s, 100, STREAM_SEEK_SET, &np); /* (Wine's read moved it) */
    hr = IStream_Write(s, "ab", 2, &n);
    out("write beyond end", "%08X n=%u pos=%llu", (unsigned)hr, (unsigned)n, (unsigned long long)pos(s));
    stat_line("stat after write beyond", s, STATFLAG_NONAME);
    hr = seek(s, -2, STREAM_SEEK_END, &np);
    out("seek end -2", "%08X pos=%llu", (unsigned)hr, (unsigned long long)np);
    hr = seek(s, -5, STREAM_SEEK_CUR, &np);
    out("seek cur -5", "%08X pos=%llu", (unsigned)hr, (unsigned long long)np);
    hr = seek(s, -1, STREAM_SEEK_SET, &np);
    out("seek set -1", "%08X pos=%llu after=%llu", (unsigned)hr, (unsigned long long)np,
        (unsigned long long)pos(s));
    hr = seek(s, -1000, STREAM_SEEK_CUR, &np);
    out("seek cur -1000", "%08X pos=%llu after=%llu", (unsigned)hr, (unsigned long long)np,
        (unsigned long long)pos(s));
    hr = seek(s, 0x100000000LL, STREAM_SEEK_SET, &np);
    out("seek set 4G", "%08X pos=%llu after=%llu", (unsigned)hr, (unsigned long long)np,
        (unsigned long long)pos(s));
    hr = seek(s, 0, 3, &np);
    out("seek origin 3", "%08X pos=%llu", (unsigned)hr, (unsigned long long)np);
    {
        LARGE_INTEGER z;
        z.QuadPart = 7;
        outhr("seek NULL newpos", IStream_Seek(s, z, STREAM_SEEK_SET, NULL));
        out("pos after seek NULL newpos", "%llu", (unsigned long long)pos(s));
    }
    cb.QuadPart = 5;
    hr = IStream_SetSize(s, cb);
    out("setsize 5", "%08X pos=%llu", (unsigned)hr, (unsigned long long)pos(s));
    stat_line("stat after setsize 5", s, STATFLAG_NONAME);
    out("hglobal size after setsize 5", "%u", (unsigned)GlobalSize(hg));
    cb.QuadPart = 0x100000000ULL;
    outhr("setsize 4G", IStream_SetSize(s, cb));
    stat_line("stat after setsize 4G", s, STATFLAG_NONAME);
    cb.QuadPart = 32;
    hr = IStream_SetSize(s, cb);
    out("setsize 32", "%08X pos=%llu", (unsigned)hr, (unsigned long long)pos(s));
    stat_line("stat after setsize 32", s, STATFLAG_NONAME);
    out("hglobal size after setsize 32", "%u", (unsigned)GlobalSize(hg));

    outhr("commit 0", IStream_Commit(s, 0));
    outhr("commit 8", IStream_Commit(s, 8));
    outhr("revert", IStream_Revert(s));
    cb.QuadPart = 4;
    rd.QuadPart = 0;
    outhr("lockregion", IStream_LockRegion(s, rd, cb, LOCK_WRITE));
    outhr("unlockregion", IStream_UnlockRegion(s, rd, cb, LOCK_WRITE));

    /* Clone: same bytes, own position. */
    seek(s, 3, STREAM_SEEK_SET, &np);
    hr = IStream_Clone(s, &c);
    out("clone", "%08X pos=%llu", (unsigned)hr, (unsigned long long)(c ? pos(c) : 0));
    if (c) {
        HGLOBAL hc = NULL;
        GetHGlobalFromStream(c, &hc);
        out("clone hglobal same", "%d", hc == hg);
        seek(c, 0, STREAM_SEEK_SET, &np);
        out("clone seek leaves original", "orig=%llu clone=%llu", (unsigned long long)pos(s),
            (unsigned long long)pos(c));
        IStream_Write(s, "XYZ", 3, &n);
        seek(c, 3, STREAM_SEEK_SET, &np);
        memset(buf, 0, sizeof buf);
        IStream_Read(c, buf, 3, &n);
        out("clone sees write", "n=%u data=%.3s", (unsigned)n, (char *)buf);
        cb.QuadPart = 50;
        IStream_SetSize(c, cb);
        stat_line("stat original after clone setsize 50", s, STATFLAG_NONAME);
    }

    /* CopyTo */
    hr = CreateStreamOnHGlobal(NULL, TRUE, &d);
    seek(s, 0, STREAM_SEEK_SET, &np);
    cb.QuadPart = 10;
    rd.QuadPart = wr.QuadPart = 99;
    hr = IStream_CopyTo(s, d, cb, &rd, &wr);
    out("copyto 10", "%08X read=%llu written=%llu src=%llu dst=%llu", (unsigned)hr,
        (unsigned long long)rd.QuadPart, (unsigned long long)wr.QuadPart, (unsigned long long)pos(s),
        (unsigned long long)pos(d));
    cb.QuadPart = 1000;
    rd.QuadPart = wr.QuadPart = 99;
    hr = IStream_CopyTo(s, d, cb, &rd, &wr);
    out("copyto 1000 (past end)", "%08X read=%llu written=%llu src=%llu dst=%llu", (unsigned)hr,
        (unsigned long long)rd.QuadPart, (unsigned long long)wr.QuadPart, (unsigned long long)pos(s),
        (unsigned long long)pos(d));
    rd.QuadPart = wr.QuadPart = 99;
    hr = IStream_CopyTo(s, d, cb, &rd, &wr);
    out("copyto at end", "%08X read=%llu written=%llu", (unsigned)hr, (unsigned long long)rd.QuadPart,
        (unsigned long long)wr.QuadPart);
    outhr("copyto NULL dest", IStream_CopyTo(s, NULL, cb, NULL, NULL));
    seek(s, 0, STREAM_SEEK_SET, &np);
    cb.QuadPart = 4;
    outhr("copyto NULL counts", IStream_CopyTo(s, d, cb, NULL, NULL));
    stat_line("stat copyto dest", d, STATFLAG_NONAME);
    seek(d, 0, STREAM_SEEK_SET, &np);
    memset(buf, 0, sizeof buf);
    IStream_Read(d, buf, 64, &n);
    /* Only bytes 3..5 of the source were written since SetSize emptied
     * it; the rest is undefined. */
    out("copyto dest data", "n=%u copied=%.3s again=%.1s", (unsigned)n, (char *)buf + 3, (char *)buf + 53);
    IStream_Release(d);

    out("release original (clone alive)", "%u", (unsigned)IStream_Release(s));
    if (c) {
        stat_line("clone stat after original released", c, STATFLAG_NONAME);
        out("release clone", "%u", (unsigned)IStream_Release(c));
    }

    /* On an existing HGLOBAL, kept after Release. */
    hg = GlobalAlloc(GMEM_MOVEABLE, 16);
    memcpy(GlobalLock(hg), "abcdefghijklmnop", 16);
    GlobalUnlock(hg);
    s = NULL;
    hr = CreateStreamOnHGlobal(hg, FALSE, &s);
    out("create on hglobal 16", "%08X", (unsigned)hr);
    if (s) {
        stat_line("stat on hglobal 16", s, STATFLAG_NONAME);
        out("pos on hglobal 16", "%llu", (unsigned long long)pos(s));
        memset(buf, 0, sizeof buf);
        IStream_Read(s, buf, 64, &n);
        out("read on hglobal 16", "n=%u data=%.16s", (unsigned)n, (char *)buf);
        hg2 = NULL;
        GetHGlobalFromStream(s, &hg2);
        out("gethglobal same as given", "%d", hg2 == hg);
        IStream_Write(s, "qrst", 4, &n);
        out("hglobal grows with stream", "%u", (unsigned)GlobalSize(hg));
        out("release (no delete)", "%u", (unsigned)IStream_Release(s));
        memset(buf, 0, sizeof buf);
        memcpy(buf, GlobalLock(hg), 20);
        GlobalUnlock(hg);
        out("hglobal after release", "size=%u data=%.20s", (unsigned)GlobalSize(hg), (char *)buf);
    }
    GlobalFree(hg);

    /* A fixed HGLOBAL works too. */
    hg = GlobalAlloc(GMEM_FIXED, 4);
    memcpy((void *)hg, "wxyz", 4);
    s = NULL;
    hr = CreateStreamOnHGlobal(hg, FALSE, &s);
    out("create on fixed hglobal 4", "%08X", (unsigned)hr);
    if (s) {
        stat_line("stat on fixed 4", s, STATFLAG_NONAME);
        memset(buf, 0, sizeof buf);
        IStream_Read(s, buf, 64, &n);
        out("read on fixed 4", "n=%u data=%.4s", (unsigned)n, (char *)buf);
        IStream_Release(s);
    }
    GlobalFree(hg);
}

static void git_cases(void)
{
    IGlobalInterfaceTable *git = NULL, *git2 = NULL;
    obj o = {{&obj_vtbl}, 1};
    DWORD ck = 0, ck2 = 0;
    HRESULT hr;
    void *pv;

    hr = CoCreateInstance(&GIT_CLSID, NULL, CLSCTX_INPROC_SERVER, &GIT_IID, (void **)&git);
    outhr("git create", hr);
    if (FAILED(hr)) return;
    hr = CoCreateInstance(&GIT_CLSID, NULL, CLSCTX_INPROC_SERVER, &GIT_IID, (void **)&git2);
    out("git create again", "%08X same=%d", (unsigned)hr, git == git2);
    if (git2) IGlobalInterfaceTable_Release(git2);
    hr = CoCreateInstance(&GIT_CLSID, NULL, CLSCTX_INPROC_SERVER, &IUNKNOWN_IID, &pv);
    out("git create IUnknown", "%08X", (unsigned)hr);
    if (SUCCEEDED(hr)) IUnknown_Release((IUnknown *)pv);
    pv = (void *)1;
    hr = IGlobalInterfaceTable_QueryInterface(git, &IDISPATCH_IID, &pv);
    out("git qi IDispatch", "%08X null=%d", (unsigned)hr, pv == NULL);

    hr = IGlobalInterfaceTable_RegisterInterfaceInGlobal(git, &o.iface, &IUNKNOWN_IID, &ck);
    out("git register", "%08X cookie=%s refgt1=%d", (unsigned)hr, ck ? "set" : "0", o.ref > 1);
    hr = IGlobalInterfaceTable_RegisterInterfaceInGlobal(git, &o.iface, &IUNKNOWN_IID, &ck2);
    out("git register again", "%08X other cookie=%d refgt1=%d", (unsigned)hr, ck2 != ck, o.ref > 1);
    pv = NULL;
    hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(git, ck, &IUNKNOWN_IID, &pv);
    out("git get", "%08X same=%d", (unsigned)hr, pv == (void *)&o.iface);
    if (SUCCEEDED(hr)) IUnknown_Release((IUnknown *)pv);
    pv = (void *)1;
    hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(git, ck, &IDISPATCH_IID, &pv);
    out("git get unsupported iid", "%08X null=%d", (unsigned)hr, pv == NULL);
    pv = (void *)1;
    hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(git, 0, &IUNKNOWN_IID, &pv);
    out("git get cookie 0", "%08X null=%d", (unsigned)hr, pv == NULL);
    pv = (void *)1;
    hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(git, 0x7fff1234, &IUNKNOWN_IID, &pv);
    out("git get bad cookie", "%08X null=%d", (unsigned)hr, pv == NULL);
    outhr("git revoke cookie 0", IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, 0));
    outhr("git revoke bad cookie", IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, 0x7fff1234));
    hr = IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, ck2);
    out("git revoke", "%08X refgt1=%d", (unsigned)hr, o.ref > 1);
    hr = IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, ck2);
    out("git revoke twice", "%08X refgt1=%d", (unsigned)hr, o.ref > 1);
    pv = (void *)1;
    hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(git, ck2, &IUNKNOWN_IID, &pv);
    out("git get revoked", "%08X null=%d", (unsigned)hr, pv == NULL);
    hr = IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, ck);
    out("git revoke last", "%08X ref=%d", (unsigned)hr, (int)o.ref);
    ck = 0;
    hr = IGlobalInterfaceTable_RegisterInterfaceInGlobal(git, &o.iface, &IDISPATCH_IID, &ck);
    out("git register unsupported iid", "%08X cookie=%s ref=%d", (unsigned)hr, ck ? "set" : "0", (int)o.ref);
    if (SUCCEEDED(hr)) IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, ck);
    out("git release", "ref>0=%d", IGlobalInterfaceTable_Release(git) > 0);
}

static void marshal_cases(void)
{
    obj o = {{&obj_vtbl}, 1};
    IStream *s = NULL, *g = NULL;
    HRESULT hr;
    void *pv;
    unsigned char junk[64];
    ULONG n;
    ULONG64 np;

    outhr("marshal NULL ppstm", CoMarshalInterThreadInterfaceInStream(&IUNKNOWN_IID, &o.iface, NULL));
    s = (IStream *)1;
    hr = CoMarshalInterThreadInterfaceInStream(&IUNKNOWN_IID, NULL, &s);
    out("marshal NULL punk", "%08X null=%d", (unsigned)hr, s == NULL);
    s = NULL;
    hr = CoMarshalInterThreadInterfaceInStream(&IUNKNOWN_IID, &o.iface, &s);
    out("marshal", "%08X pos=%llu refgt1=%d", (unsigned)hr, (unsigned long long)(s ? pos(s) : 0), o.ref > 1);
    if (s) {
        IStream_AddRef(s); /* keep it to try a second unmarshal */
        pv = NULL;
        hr = CoGetInterfaceAndReleaseStream(s, &IUNKNOWN_IID, &pv);
        out("unmarshal same apartment", "%08X same=%d", (unsigned)hr, pv == (void *)&o.iface);
        if (SUCCEEDED(hr)) IUnknown_Release((IUnknown *)pv);
        out("ref after unmarshal+release", "%d", (int)o.ref);
        seek(s, 0, STREAM_SEEK_SET, &np);
        pv = (void *)1;
        hr = CoGetInterfaceAndReleaseStream(s, &IUNKNOWN_IID, &pv);
        out("unmarshal twice", "%08X null=%d ref=%d", (unsigned)hr, pv == NULL, (int)o.ref);
        if (SUCCEEDED(hr)) IUnknown_Release((IUnknown *)pv);
    }
    s = NULL;
    hr = CoMarshalInterThreadInterfaceInStream(&IUNKNOWN_IID, &o.iface, &s);
    if (s) {
        pv = (void *)1;
        hr = CoGetInterfaceAndReleaseStream(s, &IDISPATCH_IID, &pv);
        out("unmarshal unsupported iid", "%08X null=%d ref=%d", (unsigned)hr, pv == NULL, (int)o.ref);
        if (SUCCEEDED(hr)) IUnknown_Release((IUnknown *)pv);
    }
    s = (IStream *)1;
    hr = CoMarshalInterThreadInterfaceInStream(&IDISPATCH_IID, &o.iface, &s);
    out("marshal unsupported iid", "%08X null=%d ref=%d", (unsigned)hr, s == NULL, (int)o.ref);
    if (SUCCEEDED(hr) && s) IStream_Release(s);

    /* Garbage: the stream is released even so. */
    memset(junk, 0x5a, sizeof junk);
    CreateStreamOnHGlobal(NULL, TRUE, &g);
    IStream_Write(g, junk, sizeof junk, &n);
    seek(g, 0, STREAM_SEEK_SET, &np);
    IStream_AddRef(g);
    pv = (void *)1;
    hr = CoGetInterfaceAndReleaseStream(g, &IUNKNOWN_IID, &pv);
    out("unmarshal garbage", "%08X null=%d", (unsigned)hr, pv == NULL);
    out("garbage stream released", "%u", (unsigned)IStream_Release(g));
    CreateStreamOnHGlobal(NULL, TRUE, &g);
    IStream_AddRef(g);
    pv = (void *)1;
    hr = CoGetInterfaceAndReleaseStream(g, &IUNKNOWN_IID, &pv);
    out("unmarshal empty", "%08X null=%d", (unsigned)hr, pv == NULL);
    out("empty stream released", "%u", (unsigned)IStream_Release(g));
    pv = (void *)1;
    hr = CoGetInterfaceAndReleaseStream(NULL, &IUNKNOWN_IID, &pv);
    out("unmarshal NULL stream", "%08X null=%d", (unsigned)hr, pv == NULL);
    out("final ref", "%d", (int)o.ref);
}

/* An STA thread registers an object in the GIT and marshals it into a
 * stream, then leaves its apartment: what is left of both afterwards. */
static obj dead_obj = {{&obj_vtbl}, 1};
static DWORD dead_cookie;
static IStream *dead_stream;

#ifdef _WIN32
static DWORD WINAPI dead_thread(void *arg)
#else
static void *dead_thread(void *arg)
#endif
{
    IGlobalInterfaceTable *git = NULL;
    (void)arg;
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    if (SUCCEEDED(CoCreateInstance(&GIT_CLSID, NULL, CLSCTX_INPROC_SERVER, &GIT_IID, (void **)&git))) {
        IGlobalInterfaceTable_RegisterInterfaceInGlobal(git, &dead_obj.iface, &IUNKNOWN_IID, &dead_cookie);
        IGlobalInterfaceTable_Release(git);
    }
    CoMarshalInterThreadInterfaceInStream(&IUNKNOWN_IID, &dead_obj.iface, &dead_stream);
    CoUninitialize();
    return 0;
}

static void dead_apartment_cases(void)
{
    IGlobalInterfaceTable *git = NULL;
    HRESULT hr;
    void *pv;
#ifdef _WIN32
    HANDLE t = CreateThread(NULL, 0, dead_thread, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
#else
    pthread_t t;
    pthread_create(&t, NULL, dead_thread, NULL);
    pthread_join(t, NULL);
#endif
    out("dead apartment: ref after uninit", "%d", (int)dead_obj.ref);
    if (FAILED(CoCreateInstance(&GIT_CLSID, NULL, CLSCTX_INPROC_SERVER, &GIT_IID, (void **)&git))) return;
    pv = (void *)1;
    hr = IGlobalInterfaceTable_GetInterfaceFromGlobal(git, dead_cookie, &IUNKNOWN_IID, &pv);
    out("dead apartment: git get", "%08X null=%d", (unsigned)hr, pv == NULL);
    if (SUCCEEDED(hr) && pv) IUnknown_Release((IUnknown *)pv);
    outhr("dead apartment: git revoke", IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, dead_cookie));
    outhr("dead apartment: git revoke again", IGlobalInterfaceTable_RevokeInterfaceFromGlobal(git, dead_cookie));
    IGlobalInterfaceTable_Release(git);
    if (dead_stream) {
        pv = (void *)1;
        hr = CoGetInterfaceAndReleaseStream(dead_stream, &IUNKNOWN_IID, &pv);
        out("dead apartment: unmarshal", "%08X null=%d", (unsigned)hr, pv == NULL);
        if (SUCCEEDED(hr) && pv) IUnknown_Release((IUnknown *)pv);
    }
    out("dead apartment: final ref", "%d", (int)dead_obj.ref);
}

int main(void)
{
    pu_start("hgstream");
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    global_cases();
    stream_cases();
    git_cases();
    marshal_cases();
    dead_apartment_cases();
    CoUninitialize();
    fflush(stdout);
    return 0;
}
