/*
 * oleaut/dispcall.c — DispCallFunc: call any function or vtable slot with
 * VARIANT arguments, through libffi.
 *
 * What Windows' x64 DispCallFunc does, as the Wine oracle shows it:
 *   - cc must be CC_STDCALL or CC_CDECL (the one x64 convention), else
 *     E_INVALIDARG; vtReturn VT_HRESULT is E_INVALIDARG too.
 *   - every argument VARTYPE is accepted: prgvt[i] only says how to pass the
 *     value held in *prgpvarg[i] (whose own vt is not looked at).
 *   - pvargResult gets vt = vtReturn and the returned value, except that a
 *     VT_VARIANT result is whatever the callee wrote.
 *
 * comrt runs native System V code, so CC_STDCALL and CC_CDECL mean the
 * System V ABI here (STDMETHODCALLTYPE is empty on Linux), and comrt adds
 * CC_COMRT_MSABI (comrtext.h) for __attribute__((ms_abi)) vtables, called
 * with libffi's FFI_WIN64 ABI exactly as Windows' DispCallFunc calls them.
 *
 * Where the two ABIs part (and why):
 *   - VT_VARIANT / VT_DECIMAL arguments: System V passes the struct by value
 *     (a VARIANT in memory on the stack, a DECIMAL in two integer registers),
 *     which is what a C or C++ callee declared with a VARIANT parameter
 *     expects; ms_abi passes a pointer, as Windows does.
 *   - VT_VARIANT / VT_DECIMAL results: System V returns them as C does (the
 *     hidden result pointer comes *before* `this`; a DECIMAL comes back in
 *     rax:rdx); ms_abi follows MSVC member functions and Windows'
 *     DispCallFunc: `this`, then the result pointer.
 */
#include <ffi.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oleaut/oleaut_internal.h"

/* A hard cap on the argument count: far above any real method (MIDL has its
 * own, lower limits) and keeps the array sizes small and overflow-free. */
#define DISPCALL_MAX_ARGS 1024
/* Calls with up to this many arguments need no heap allocation. */
#define DISPCALL_STACK_ARGS 32

/* How a VARTYPE travels. */
typedef enum {
    K_INT,     /* an integer, float or pointer read from the VARIANT's union */
    K_DECIMAL, /* the 16-byte DECIMAL that overlays the whole VARIANT */
    K_VARIANT, /* the 24-byte VARIANT itself */
    K_VOID     /* results only: nothing comes back */
} dc_kind;

typedef struct {
    ffi_type *type; /* NULL: not listed, pass as a 64-bit integer */
    dc_kind kind;
} dc_row;

/* Struct types with size and alignment filled in, so that ffi_prep_cif
 * never writes to them (it lays out a struct only when its size is 0):
 * shared read-only by every thread.  The element lists give System V's
 * classifier the right classes: a DECIMAL is two INTEGER eightbytes, a
 * VARIANT (over 16 bytes) is MEMORY whatever its elements. */
static ffi_type *dc_decimal_elems[] = { &ffi_type_uint64, &ffi_type_uint64, NULL };
static ffi_type dc_decimal_type = { sizeof(DECIMAL), 8, FFI_TYPE_STRUCT, dc_decimal_elems };
static ffi_type *dc_variant_elems[] = { &ffi_type_uint64, &ffi_type_uint64, &ffi_type_uint64, NULL };
static ffi_type dc_variant_type = { sizeof(VARIANT), 8, FFI_TYPE_STRUCT, dc_variant_elems };

/* Base VARTYPE -> how it is passed.  Types not listed (VT_EMPTY, VT_NULL,
 * VT_RECORD, the property-set types, ...) travel as the union's first 8
 * bytes, as Windows passes them. */
static const dc_row dc_rows[] = {
    [VT_I2] = { &ffi_type_sint16, K_INT },
    [VT_I4] = { &ffi_type_sint32, K_INT },
    [VT_R4] = { &ffi_type_float, K_INT },
    [VT_R8] = { &ffi_type_double, K_INT },
    [VT_CY] = { &ffi_type_sint64, K_INT }, /* an 8-byte INTEGER-class struct */
    [VT_DATE] = { &ffi_type_double, K_INT },
    [VT_BSTR] = { &ffi_type_pointer, K_INT },
    [VT_DISPATCH] = { &ffi_type_pointer, K_INT },
    [VT_ERROR] = { &ffi_type_sint32, K_INT },
    [VT_BOOL] = { &ffi_type_sint16, K_INT },
    [VT_VARIANT] = { &dc_variant_type, K_VARIANT },
    [VT_UNKNOWN] = { &ffi_type_pointer, K_INT },
    [VT_DECIMAL] = { &dc_decimal_type, K_DECIMAL },
    [VT_I1] = { &ffi_type_sint8, K_INT },
    [VT_UI1] = { &ffi_type_uint8, K_INT },
    [VT_UI2] = { &ffi_type_uint16, K_INT },
    [VT_UI4] = { &ffi_type_uint32, K_INT },
    [VT_I8] = { &ffi_type_sint64, K_INT },
    [VT_UI8] = { &ffi_type_uint64, K_INT },
    [VT_INT] = { &ffi_type_sint32, K_INT },
    [VT_UINT] = { &ffi_type_uint32, K_INT },
    [VT_HRESULT] = { &ffi_type_sint32, K_INT },
    [VT_PTR] = { &ffi_type_pointer, K_INT },
    [VT_SAFEARRAY] = { &ffi_type_pointer, K_INT },
    [VT_CARRAY] = { &ffi_type_pointer, K_INT },
    [VT_USERDEFINED] = { &ffi_type_pointer, K_INT },
    [VT_LPSTR] = { &ffi_type_pointer, K_INT },
    [VT_LPWSTR] = { &ffi_type_pointer, K_INT },
    [VT_INT_PTR] = { &ffi_type_sint64, K_INT },
    [VT_UINT_PTR] = { &ffi_type_uint64, K_INT },
};

/* The row for vt: VT_BYREF, VT_ARRAY and VT_VECTOR values are pointers. */
static dc_row comrt__dispcall_row(VARTYPE vt)
{
    dc_row r = { &ffi_type_uint64, K_INT };
    if (vt & (VT_BYREF | VT_ARRAY | VT_VECTOR)) {
        r.type = &ffi_type_pointer;
    } else if (vt < sizeof dc_rows / sizeof dc_rows[0] && dc_rows[vt].type) {
        r = dc_rows[vt];
    }
    return r;
}

/* The libffi type a value of VARTYPE vt travels as in a System V call
 * (NULL: not listed, passed as a 64-bit integer) — for the proxies of
 * runtime/aptproxy_tlb.c, which build vtables of closures from the same
 * table. */
ffi_type *comrt__dispcall_ffi_type(VARTYPE vt)
{
    return comrt__dispcall_row(vt).type;
}

/* ffi_prep_cif classifies every argument, which costs about as much as the
 * call itself (System V: ~25 ns of a ~55 ns call with three arguments), and
 * a program calls the same few signatures over and over.  So each thread
 * keeps a small direct-mapped cache of prepared cifs keyed by the ABI and
 * the ffi types; per thread, so it needs no lock. */
#define DC_CACHE_SLOTS 16
#define DC_CACHE_MAX_ARGS 12

typedef struct {
    ffi_cif cif;
    ffi_abi abi;
    ffi_type *rtype;
    unsigned n; /* 0 with rtype NULL: an empty slot */
    ffi_type *types[DC_CACHE_MAX_ARGS];
} dc_cache_entry;

static _Thread_local dc_cache_entry dc_cache[DC_CACHE_SLOTS];

/* A prepared cif for the signature: a cached one, or *local prepared now
 * (when the signature is too long to cache).  NULL if libffi refuses it.
 * The returned cif's arg_types point into the cache or into types, so use
 * it before types changes. */
static ffi_cif *comrt__dispcall_cif(ffi_abi abi, ffi_type *rtype, unsigned n, ffi_type **types, ffi_cif *local)
{
    uintptr_t h = (uintptr_t)abi * 31u + n + ((uintptr_t)rtype >> 3);
    dc_cache_entry *e;
    if (n > DC_CACHE_MAX_ARGS)
        return ffi_prep_cif(local, abi, n, rtype, types) == FFI_OK ? local : NULL;
    for (unsigned i = 0; i < n; i++)
        h = h * 0x9E3779B1u + ((uintptr_t)types[i] >> 3);
    e = &dc_cache[(h ^ (h >> 17)) % DC_CACHE_SLOTS];
    if (e->rtype == rtype && e->abi == abi && e->n == n && !memcmp(e->types, types, n * sizeof *types))
        return &e->cif;
    e->rtype = NULL; /* empty until prepared */
    memcpy(e->types, types, n * sizeof *types);
    if (ffi_prep_cif(&e->cif, abi, n, rtype, e->types) != FFI_OK)
        return NULL;
    e->abi = abi;
    e->n = n;
    e->rtype = rtype;
    return &e->cif;
}

/*
 * DispCallFunc — calls pvInstance's vtable slot oVft / sizeof(void *) with
 * pvInstance as the first argument, or, when pvInstance is NULL, the
 * function at address oVft; cActuals arguments follow, argument i passed as
 * type prgvt[i] with the value in *prgpvarg[i].  On S_OK *pvargResult holds
 * the result with vt = vtReturn (VT_EMPTY / VT_VOID: no value); it is
 * overwritten without VariantClear, and what it holds (a BSTR, an interface)
 * belongs to the caller.  DispCallFunc's own HRESULT says only whether the
 * call was made: the callee's HRESULT is in the result (use VT_ERROR or
 * VT_I4; VT_HRESULT is E_INVALIDARG as on Windows).
 *
 * E_INVALIDARG: cc is not CC_STDCALL / CC_CDECL / CC_COMRT_MSABI, vtReturn
 * is VT_HRESULT, pvargResult is NULL, prgvt / prgpvarg (or one of its
 * entries) is NULL while cActuals > 0, no function to call (NULL vtable,
 * slot or address), more than 1024 arguments.  Windows crashes on the NULL
 * cases; comrt answers.  E_OUTOFMEMORY.
 */
STDAPI DispCallFunc(void *pvInstance, ULONG_PTR oVft, CALLCONV cc, VARTYPE vtReturn, UINT cActuals,
                    VARTYPE *prgvt, VARIANTARG **prgpvarg, VARIANT *pvargResult)
{
    HRESULT hr = S_OK;
    ffi_type *stack_types[DISPCALL_STACK_ARGS + 2];
    void *stack_values[DISPCALL_STACK_ARGS + 2];
    ffi_type **types = stack_types;
    void **values = stack_values;
    void (*fn)(void) = NULL;
    void *result_ptr = pvargResult;
    ffi_cif local_cif, *cif;
    ffi_abi abi;
    ffi_type *rtype;
    dc_row rrow;
    unsigned n = 0;
    int msabi;
    union {
        ffi_arg a;
        double d;
        float f;
        DECIMAL dec;
        ULONGLONG u8;
    } rbuf;

    if (cc == CC_STDCALL || cc == CC_CDECL) {
        msabi = 0;
        abi = FFI_UNIX64;
    } else if (cc == CC_COMRT_MSABI) {
        msabi = 1;
        abi = FFI_WIN64;
    } else {
        hr = E_INVALIDARG;
        goto out;
    }
    if (vtReturn == VT_HRESULT || !pvargResult || cActuals > DISPCALL_MAX_ARGS ||
        (cActuals && (!prgvt || !prgpvarg))) {
        hr = E_INVALIDARG;
        goto out;
    }
    for (UINT i = 0; i < cActuals; i++) {
        if (!prgpvarg[i]) {
            hr = E_INVALIDARG;
            goto out;
        }
    }
    if (pvInstance) {
        void **vtbl = *(void ***)pvInstance;
        if (!vtbl) {
            hr = E_INVALIDARG;
            goto out;
        }
        /* A vtable slot holds a function pointer stored as a data pointer:
         * POSIX guarantees the two have the same representation. */
        memcpy(&fn, &vtbl[oVft / sizeof(void *)], sizeof fn);
    } else {
        fn = (void (*)(void))oVft;
    }
    if (!fn) {
        hr = E_INVALIDARG;
        goto out;
    }

    if (cActuals > DISPCALL_STACK_ARGS) {
        types = malloc((cActuals + 2) * sizeof *types);
        values = malloc((cActuals + 2) * sizeof *values);
        if (!types || !values) {
            hr = E_OUTOFMEMORY;
            goto out;
        }
    }

    rrow = comrt__dispcall_row(vtReturn);
    if (vtReturn == VT_EMPTY || vtReturn == VT_NULL || vtReturn == VT_VOID)
        rrow.kind = K_VOID;
    rtype = rrow.kind == K_VOID ? &ffi_type_void : rrow.type;

    if (pvInstance) {
        types[n] = &ffi_type_pointer;
        values[n++] = &pvInstance;
    }
    if (msabi && (rrow.kind == K_DECIMAL || rrow.kind == K_VARIANT)) {
        /* Windows: the result pointer is an explicit argument after `this`
         * (before the arguments when there is no `this`); the callee also
         * returns it, which is ignored. */
        types[n] = &ffi_type_pointer;
        values[n++] = &result_ptr;
        rtype = &ffi_type_pointer;
    }
    for (UINT i = 0; i < cActuals; i++) {
        VARIANT *arg = prgpvarg[i];
        dc_row row = comrt__dispcall_row(prgvt[i]);
        if (row.kind == K_INT) {
            types[n] = row.type;
            values[n++] = &V_UI8(arg); /* every value starts the union */
        } else if (msabi) {
            /* By reference, as Windows passes structs over 8 bytes; for a
             * DECIMAL that is the VARIANT's address too (it overlays it). */
            types[n] = &ffi_type_pointer;
            values[n++] = &prgpvarg[i];
        } else {
            types[n] = row.type;
            values[n++] = arg;
        }
    }

    cif = comrt__dispcall_cif(abi, rtype, n, types, &local_cif);
    if (!cif) {
        hr = E_INVALIDARG;
        goto out;
    }

    if (rrow.kind == K_VARIANT) {
        /* The callee writes the whole VARIANT, its vt included. */
        if (msabi)
            ffi_call(cif, fn, &rbuf, values);
        else
            ffi_call(cif, fn, pvargResult, values);
    } else if (rrow.kind == K_DECIMAL) {
        ffi_call(cif, fn, &rbuf, values);
        if (!msabi) /* System V returns it in rax:rdx; ms_abi wrote it */
            V_DECIMAL(pvargResult) = rbuf.dec;
        V_VT(pvargResult) = VT_DECIMAL; /* over the DECIMAL's wReserved */
    } else {
        memset(&rbuf, 0, sizeof rbuf);
        ffi_call(cif, fn, &rbuf, values);
        memset(pvargResult, 0, sizeof *pvargResult);
        V_VT(pvargResult) = vtReturn;
        if (rrow.kind != K_VOID)
            /* libffi widens integer results to a whole ffi_arg: the value's
             * own bytes are its low bytes (little-endian). */
            memcpy(&V_UI8(pvargResult), &rbuf, rtype->size);
    }

out:
    if (types != stack_types)
        free(types);
    if (values != stack_values)
        free(values);
    return hr;
}
