/*
 * bench/bench_oleaut.c — BSTR allocation and the two VariantChangeType
 * conversions every automation call makes (string <-> double), each beside
 * the plain-C way to do the same work, measured in the same run.
 */
#include <stdlib.h>
#include <string.h>

#include <comrt.h>

#include "bench_util.h"

static const OLECHAR text16[] = u"Hello, automation world";
static const char text8[] = "Hello, automation world";

static void bstr_alloc_free(long n)
{
    for (long i = 0; i < n; i++) {
        BSTR s = SysAllocString(text16);
        BENCH_KEEP(s);
        SysFreeString(s);
    }
}

/* The baseline: what SysAllocString must at least do — measure the
 * string, malloc, copy, free. */
static void malloc_copy_free(long n)
{
    for (long i = 0; i < n; i++) {
        const OLECHAR *volatile src = text16;
        size_t len = 0;
        while (src[len]) len++;
        char *s = malloc((len + 1) * sizeof(OLECHAR) + 8);
        memcpy(s + 8, (const void *)src, (len + 1) * sizeof(OLECHAR));
        BENCH_KEEP(s);
        free(s);
    }
}

static VARIANT bstr_src, r8_src;

static void change_bstr_to_r8(long n)
{
    VARIANT dst;
    VariantInit(&dst);
    for (long i = 0; i < n; i++) {
        VariantChangeType(&dst, &bstr_src, 0, VT_R8);
        BENCH_KEEP(dst.dblVal);
    }
}

static void strtod_baseline(long n)
{
    for (long i = 0; i < n; i++) {
        double d = strtod("12345.678", NULL);
        BENCH_KEEP(d);
    }
}

static void change_r8_to_bstr(long n)
{
    VARIANT dst;
    VariantInit(&dst);
    for (long i = 0; i < n; i++) {
        VariantChangeType(&dst, &r8_src, 0, VT_BSTR);
        BENCH_KEEP(dst.bstrVal);
        VariantClear(&dst);
    }
}

static void snprintf_baseline(long n)
{
    char buf[64];
    for (long i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "%.15G", 12345.678);
        BENCH_KEEP(buf[0]);
    }
}

int main(void)
{
    VARIANT check;
    HRESULT hr;

    V_VT(&bstr_src) = VT_BSTR;
    V_BSTR(&bstr_src) = SysAllocString(u"12345.678");
    V_VT(&r8_src) = VT_R8;
    V_R8(&r8_src) = 12345.678;

    /* a benchmark of a failing call would measure the error path: check first */
    VariantInit(&check);
    hr = VariantChangeType(&check, &bstr_src, 0, VT_R8);
    if (hr != S_OK || V_R8(&check) != 12345.678) {
        fprintf(stderr, "VariantChangeType(BSTR->R8) failed: 0x%08X\n", (unsigned)hr);
        return 1;
    }
    hr = VariantChangeType(&check, &r8_src, 0, VT_BSTR);
    if (hr != S_OK) {
        fprintf(stderr, "VariantChangeType(R8->BSTR) failed: 0x%08X\n", (unsigned)hr);
        return 1;
    }
    VariantClear(&check);
    (void)text8;

    bench_report("SysAllocString+SysFreeString", bench_ns_per_op(bstr_alloc_free, 2000000),
                 "strlen+malloc+memcpy+free", bench_ns_per_op(malloc_copy_free, 2000000));
    bench_report("VariantChangeType BSTR->R8", bench_ns_per_op(change_bstr_to_r8, 500000),
                 "strtod", bench_ns_per_op(strtod_baseline, 500000));
    bench_report("VariantChangeType R8->BSTR", bench_ns_per_op(change_r8_to_bstr, 500000),
                 "snprintf %.15G", bench_ns_per_op(snprintf_baseline, 500000));
    VariantClear(&bstr_src);
    return 0;
}
