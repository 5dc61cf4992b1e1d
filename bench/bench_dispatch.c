/*
 * bench/bench_dispatch.c — IDispatch::Invoke through CreateStdDispatch on a
 * property get, in ns/call, next to the direct vtable call of the same
 * getter in the same run.
 *
 * The property is IAllDual::Value from the committed fixture comrt_all.tlb
 * ([propget] HRESULT Value([out, retval] long *v), a dual interface as a
 * real automation server has it), so each Invoke does the whole late-bound
 * path: the dispatch view's member lookup, the [retval] slot, DispCallFunc,
 * the HRESULT check and the VARIANT result.
 */
#define COBJMACROS
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

#include "bench_util.h"

typedef struct {
    void **lpVtbl;
    LONG value;
} DualObj;

/* noinline: the direct call must stay a real indirect call. */
__attribute__((noinline)) static HRESULT STDMETHODCALLTYPE get_value(DualObj *t, LONG *v)
{
    *v = t->value;
    return S_OK;
}

static void *vtbl[9];
static DualObj obj = { vtbl, 42 };
static DualObj *volatile pobj = &obj;
static IDispatch *disp;
static const GUID iid_null;

static void direct(long n)
{
    LONG sum = 0;
    for (long i = 0; i < n; i++) {
        LONG v;
        HRESULT (*fn)(DualObj *, LONG *) = (HRESULT(*)(DualObj *, LONG *))pobj->lpVtbl[7];
        fn(pobj, &v);
        sum += v;
    }
    BENCH_KEEP(sum);
}

static void invoke(long n)
{
    DISPPARAMS none = { NULL, NULL, 0, 0 };
    LONG sum = 0;
    for (long i = 0; i < n; i++) {
        VARIANT r;
        VariantInit(&r);
        IDispatch_Invoke(disp, 1, &iid_null, 0, DISPATCH_PROPERTYGET, &none, &r, NULL, NULL);
        sum += V_I4(&r);
    }
    BENCH_KEEP(sum);
}

int main(void)
{
    char path[4096];
    WCHAR wpath[4096];
    ITypeLib *lib = NULL;
    ITypeInfo *ti = NULL;
    IUnknown *unk = NULL;
    UINT count, i;
    size_t k;
    int rc = 1;

    vtbl[7] = (void *)get_value;
    snprintf(path, sizeof path, "%s/comrt_all.tlb", COMRT_TLB_FIXTURES);
    for (k = 0; path[k] && k < sizeof wpath / sizeof wpath[0] - 1; k++) wpath[k] = (WCHAR)(unsigned char)path[k];
    wpath[k] = 0;
    if (LoadTypeLib(wpath, &lib) != S_OK) {
        fprintf(stderr, "bench_dispatch: cannot load %s\n", path);
        goto out;
    }
    count = ITypeLib_GetTypeInfoCount(lib);
    for (i = 0; i < count && !ti; i++) {
        BSTR name = NULL;
        if (ITypeLib_GetDocumentation(lib, (INT)i, &name, NULL, NULL, NULL) == S_OK && name &&
            SysStringLen(name) == 8 && !memcmp(name, u"IAllDual", 16))
            ITypeLib_GetTypeInfo(lib, i, &ti);
        SysFreeString(name);
    }
    if (!ti || CreateStdDispatch(NULL, &obj, ti, &unk) != S_OK ||
        IUnknown_QueryInterface(unk, &IID_IDispatch, (void **)&disp) != S_OK) {
        fprintf(stderr, "bench_dispatch: no IAllDual / CreateStdDispatch failed\n");
        goto out;
    }
    {
        VARIANT r;
        DISPPARAMS none = { NULL, NULL, 0, 0 };
        VariantInit(&r);
        if (IDispatch_Invoke(disp, 1, &iid_null, 0, DISPATCH_PROPERTYGET, &none, &r, NULL, NULL) != S_OK ||
            V_VT(&r) != VT_I4 || V_I4(&r) != 42) {
            fprintf(stderr, "bench_dispatch: Invoke gave the wrong answer\n");
            goto out;
        }
    }
    printf("IDispatch::Invoke via CreateStdDispatch, property get (IAllDual::Value, comrt_all.tlb)\n");
    bench_report("Invoke(PROPERTYGET) -> VT_I4", bench_ns_per_op(invoke, 1000000), "direct vtable call",
                 bench_ns_per_op(direct, 100000000));
    rc = 0;
out:
    if (disp) IDispatch_Release(disp);
    if (unk) IUnknown_Release(unk);
    if (ti) ITypeInfo_Release(ti);
    if (lib) ITypeLib_Release(lib);
    return rc;
}
