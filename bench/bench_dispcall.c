/*
 * bench/bench_dispcall.c — DispCallFunc on a 3-argument method (LONG
 * Add(this, LONG, LONG, LONG)), in ns/call, next to the direct vtable call
 * and to a ctypes-like call (libffi with a cif prepared once, the least any
 * dynamic caller pays), both measured in the same run; the same for an
 * ms_abi vtable through CC_COMRT_MSABI.
 */
#include <ffi.h>
#include <string.h>

#include <comrt.h>

#include "bench_util.h"

typedef struct Obj {
    void **lpVtbl;
    LONG base;
} Obj;

typedef LONG (*add3_fn)(Obj *, LONG, LONG, LONG);
typedef LONG(__attribute__((ms_abi)) * add3_ms_fn)(Obj *, LONG, LONG, LONG);

/* noinline: the direct call must stay a real indirect call. */
__attribute__((noinline)) static LONG add3(Obj *t, LONG a, LONG b, LONG c) { return t->base + a + b + c; }
__attribute__((noinline, ms_abi)) static LONG add3_ms(Obj *t, LONG a, LONG b, LONG c)
{
    return t->base + a + b + c;
}

static void *vtbl[1] = { (void *)add3 };
static void *vtbl_ms[1] = { (void *)add3_ms };
static Obj obj = { vtbl, 1 }, obj_ms = { vtbl_ms, 1 };
static Obj *volatile pobj = &obj, *volatile pobj_ms = &obj_ms;

static VARIANT args[3];
static VARIANTARG *pargs[3] = { &args[0], &args[1], &args[2] };
static VARTYPE vts[3] = { VT_I4, VT_I4, VT_I4 };

static void direct(long n)
{
    for (long i = 0; i < n; i++) {
        Obj *o = pobj;
        LONG r = ((add3_fn)o->lpVtbl[0])(o, 2, 3, (LONG)i);
        BENCH_KEEP(r);
    }
}

static void direct_ms(long n)
{
    for (long i = 0; i < n; i++) {
        Obj *o = pobj_ms;
        LONG r = ((add3_ms_fn)o->lpVtbl[0])(o, 2, 3, (LONG)i);
        BENCH_KEEP(r);
    }
}

static ffi_cif cif, cif_ms;

/* What ctypes does for a prototype it has seen before: reads the values
 * into place and calls through a prepared cif. */
static void ctypes_like(ffi_cif *c, Obj *o, long n)
{
    for (long i = 0; i < n; i++) {
        void *fn = o->lpVtbl[0];
        LONG a = V_I4(&args[0]), b = V_I4(&args[1]), cc = V_I4(&args[2]);
        void *vals[4] = { &o, &a, &b, &cc };
        ffi_arg r;
        ffi_call(c, (void (*)(void))fn, &r, vals);
        BENCH_KEEP(r);
    }
}

static void ffi_sysv(long n) { ctypes_like(&cif, pobj, n); }
static void ffi_ms(long n) { ctypes_like(&cif_ms, pobj_ms, n); }

static void dispcall(long n)
{
    VARIANT res;
    for (long i = 0; i < n; i++) {
        DispCallFunc(pobj, 0, CC_STDCALL, VT_I4, 3, vts, pargs, &res);
        BENCH_KEEP(res.lVal);
    }
}

static void dispcall_ms(long n)
{
    VARIANT res;
    for (long i = 0; i < n; i++) {
        DispCallFunc(pobj_ms, 0, CC_COMRT_MSABI, VT_I4, 3, vts, pargs, &res);
        BENCH_KEEP(res.lVal);
    }
}

int main(void)
{
    static ffi_type *types[4] = { &ffi_type_pointer, &ffi_type_sint32, &ffi_type_sint32, &ffi_type_sint32 };
    const long iters = 2000000;
    VARIANT res;

    for (int i = 0; i < 3; i++) {
        VariantInit(&args[i]);
        V_VT(&args[i]) = VT_I4;
        V_I4(&args[i]) = i + 1;
    }
    if (ffi_prep_cif(&cif, FFI_UNIX64, 4, &ffi_type_sint32, types) != FFI_OK ||
        ffi_prep_cif(&cif_ms, FFI_WIN64, 4, &ffi_type_sint32, types) != FFI_OK) {
        fprintf(stderr, "bench_dispcall: ffi_prep_cif failed\n");
        return 1;
    }
    /* Check the answer before timing it. */
    if (DispCallFunc(&obj, 0, CC_STDCALL, VT_I4, 3, vts, pargs, &res) != S_OK || V_I4(&res) != 7 ||
        DispCallFunc(&obj_ms, 0, CC_COMRT_MSABI, VT_I4, 3, vts, pargs, &res) != S_OK || V_I4(&res) != 7) {
        fprintf(stderr, "bench_dispcall: wrong result\n");
        return 1;
    }

    double d = bench_ns_per_op(direct, iters);
    double f = bench_ns_per_op(ffi_sysv, iters);
    double c = bench_ns_per_op(dispcall, iters);
    bench_report("DispCallFunc 3 args (System V)", c, "direct vtable call", d);
    bench_report("DispCallFunc 3 args (System V)", c, "libffi, cif prepared once", f);

    d = bench_ns_per_op(direct_ms, iters);
    f = bench_ns_per_op(ffi_ms, iters);
    c = bench_ns_per_op(dispcall_ms, iters);
    bench_report("DispCallFunc 3 args (ms_abi)", c, "direct vtable call", d);
    bench_report("DispCallFunc 3 args (ms_abi)", c, "libffi, cif prepared once", f);
    return 0;
}
