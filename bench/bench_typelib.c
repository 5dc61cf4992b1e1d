/*
 * bench/bench_typelib.c — the type-library reader's speed: LoadTypeLib of
 * mshtml.tlb (393 types) plus a full walk through the API (every type
 * info, TYPEATTR, FUNCDESC, VARDESC, GetNames, GetDocumentation, the
 * implemented interfaces), in ms; and a repeated LoadTypeLib of a library
 * that is already loaded (the process-wide cache), in µs.
 *
 * The same file compiles with mingw and runs under Wine, which times Wine's
 * oleaut32 doing the same walk (CI has no Wine, so that figure is recorded
 * in bench/README.md and below, measured on the development machine):
 *
 *   x86_64-w64-mingw32-gcc -O2 -o /tmp/bench_typelib.exe bench/bench_typelib.c -loleaut32 -lole32 -luuid
 *   WINEDEBUG=-all wine64 /tmp/bench_typelib.exe 'Z:\path\to\tests\typelib\fixtures\mshtml.tlb'
 *
 * With no argument the fixture path compiled in by meson is used.
 */
#ifdef _WIN32
#define COBJMACROS
#include <windows.h>
#include <oleauto.h>
#else
#define COBJMACROS
#include <comrt.h>
#include <time.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Wine 8.0's figures for this walk, measured on the development machine
 * (see bench/README.md for how); comrt's are printed next to them. */
#define WINE_LOAD_WALK_MS 71.4
#define WINE_CACHED_LOAD_US 16.6
#define WINE_FIRST_LOAD_WALK_MS 74.5

#ifndef COMRT_TLB_FIXTURES
#define COMRT_TLB_FIXTURES "tests/typelib/fixtures"
#endif

static double now_ns(void)
{
#ifdef _WIN32
    static LARGE_INTEGER freq;
    LARGE_INTEGER t;
    if (!freq.QuadPart)
        QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&t);
    return (double)t.QuadPart * 1e9 / (double)freq.QuadPart;
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
#endif
}

/* Counts what the walk saw, so both sides can be checked to do the same. */
typedef struct {
    unsigned types, funcs, vars, names, docs, impls;
} walk_stats;

static void walk_member_docs(ITypeInfo *ti, MEMBERID id, walk_stats *st)
{
    BSTR name = NULL, doc = NULL, file = NULL;
    DWORD ctx = 0;
    if (SUCCEEDED(ITypeInfo_GetDocumentation(ti, id, &name, &doc, &ctx, &file))) {
        st->docs++;
        SysFreeString(name);
        SysFreeString(doc);
        SysFreeString(file);
    }
}

static void walk_typeinfo(ITypeInfo *ti, walk_stats *st)
{
    TYPEATTR *ta = NULL;
    UINT i, k;
    if (FAILED(ITypeInfo_GetTypeAttr(ti, &ta)))
        return;
    st->types++;
    walk_member_docs(ti, MEMBERID_NIL, st);
    for (i = 0; i < ta->cImplTypes; i++) {
        HREFTYPE href;
        ITypeInfo *ref = NULL;
        INT flags;
        ITypeInfo_GetImplTypeFlags(ti, i, &flags);
        if (SUCCEEDED(ITypeInfo_GetRefTypeOfImplType(ti, i, &href)) &&
            SUCCEEDED(ITypeInfo_GetRefTypeInfo(ti, href, &ref))) {
            st->impls++;
            ITypeInfo_Release(ref);
        }
    }
    for (i = 0; i < ta->cFuncs; i++) {
        FUNCDESC *fd = NULL;
        BSTR names[64];
        UINT n = 0;
        if (FAILED(ITypeInfo_GetFuncDesc(ti, i, &fd)))
            continue;
        st->funcs++;
        if (SUCCEEDED(ITypeInfo_GetNames(ti, fd->memid, names, 64, &n))) {
            st->names += n;
            for (k = 0; k < n; k++)
                SysFreeString(names[k]);
        }
        walk_member_docs(ti, fd->memid, st);
        ITypeInfo_ReleaseFuncDesc(ti, fd);
    }
    for (i = 0; i < ta->cVars; i++) {
        VARDESC *vd = NULL;
        BSTR name = NULL;
        UINT n = 0;
        if (FAILED(ITypeInfo_GetVarDesc(ti, i, &vd)))
            continue;
        st->vars++;
        if (SUCCEEDED(ITypeInfo_GetNames(ti, vd->memid, &name, 1, &n)) && n) {
            st->names++;
            SysFreeString(name);
        }
        walk_member_docs(ti, vd->memid, st);
        ITypeInfo_ReleaseVarDesc(ti, vd);
    }
    ITypeInfo_ReleaseTypeAttr(ti, ta);
}

/* LoadTypeLib + the full walk + Release (the last Release drops the
 * library from the cache, so every round parses the file again). */
static HRESULT load_and_walk(const OLECHAR *path, walk_stats *st)
{
    ITypeLib *tl = NULL;
    UINT i, n;
    HRESULT hr = LoadTypeLib(path, &tl);
    if (FAILED(hr))
        return hr;
    memset(st, 0, sizeof *st);
    n = ITypeLib_GetTypeInfoCount(tl);
    for (i = 0; i < n; i++) {
        ITypeInfo *ti = NULL;
        if (FAILED(ITypeLib_GetTypeInfo(tl, i, &ti)))
            continue;
        walk_typeinfo(ti, st);
        ITypeInfo_Release(ti);
    }
    ITypeLib_Release(tl);
    return S_OK;
}

int main(int argc, char **argv)
{
    static OLECHAR path[1024];
    char buf[1024];
    const char *file = argc > 1 ? argv[1] : buf;
    walk_stats st;
    double best = 1e300, best_cached = 1e300, first;
    ITypeLib *held = NULL;
    HRESULT hr;
    size_t i;
    int r;

    snprintf(buf, sizeof buf, "%s/mshtml.tlb", COMRT_TLB_FIXTURES);
    for (i = 0; file[i] && i < sizeof path / sizeof path[0] - 1; i++)
        path[i] = (OLECHAR)(unsigned char)file[i];
    path[i] = 0;

    /* The first load in the process (whatever a cache may keep later). */
    first = now_ns();
    hr = load_and_walk(path, &st);
    first = now_ns() - first;
    if (FAILED(hr)) {
        fprintf(stderr, "bench_typelib: LoadTypeLib(%s) failed: 0x%08X\n", file, (unsigned)hr);
        return 1;
    }
    for (r = 0; r < 7; r++) {
        double t0 = now_ns(), dt;
        load_and_walk(path, &st);
        dt = now_ns() - t0;
        if (dt < best)
            best = dt;
    }

    /* A library that is loaded already: LoadTypeLib finds it in the cache. */
    hr = LoadTypeLib(path, &held);
    if (FAILED(hr))
        return 1;
    for (r = 0; r < 7; r++) {
        const int n = 2000;
        double t0 = now_ns(), dt;
        for (int k = 0; k < n; k++) {
            ITypeLib *again = NULL;
            if (SUCCEEDED(LoadTypeLib(path, &again)))
                ITypeLib_Release(again);
        }
        dt = (now_ns() - t0) / n;
        if (dt < best_cached)
            best_cached = dt;
    }
    ITypeLib_Release(held);

    printf("mshtml.tlb walk: %u types, %u funcs, %u vars, %u names, %u docs, %u impl refs\n", st.types, st.funcs,
           st.vars, st.names, st.docs, st.impls);
#ifdef _WIN32
    printf("%-34s %9.2f ms\n", "first LoadTypeLib+walk", first / 1e6);
    printf("%-34s %9.2f ms\n", "LoadTypeLib+walk mshtml.tlb", best / 1e6);
    printf("%-34s %9.2f us\n", "LoadTypeLib (cached)", best_cached / 1e3);
#else
    printf("%-34s %9.2f ms    baseline %-22s %9.2f ms    %5.1fx faster\n", "first LoadTypeLib+walk", first / 1e6,
           "Wine 8.0 (recorded)", WINE_FIRST_LOAD_WALK_MS, WINE_FIRST_LOAD_WALK_MS / (first / 1e6));
    printf("%-34s %9.2f ms    baseline %-22s %9.2f ms    %5.1fx faster\n", "LoadTypeLib+walk mshtml.tlb",
           best / 1e6, "Wine 8.0 (recorded)", WINE_LOAD_WALK_MS, WINE_LOAD_WALK_MS / (best / 1e6));
    printf("%-34s %9.2f us    baseline %-22s %9.2f us    %5.1fx faster\n", "LoadTypeLib (cached)",
           best_cached / 1e3, "Wine 8.0 (recorded)", WINE_CACHED_LOAD_US, WINE_CACHED_LOAD_US / (best_cached / 1e3));
#endif
    return 0;
}
