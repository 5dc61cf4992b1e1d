/*
 * test_dispcall.c — DispCallFunc against real vtables written in C: one
 * object with native System V methods (CC_STDCALL) and the same object with
 * __attribute__((ms_abi)) methods (CC_COMRT_MSABI).  Every VARTYPE goes in
 * and comes back out; argument lists run past the register count; VARIANT
 * and DECIMAL travel by value; BYREF out-parameters are written by the
 * callee; a plain function is called with a NULL instance; bad input fails.
 */
#include <pthread.h>

#include "comrt_test.h"

#define MAGIC 0x5EED5EEDu

typedef struct Obj {
    void **lpVtbl;
    unsigned magic;
    int calls;
} Obj;

/* A method checks that it got its object: a wrong `this` shows in calls. */
#define SELF_OK(This) ((This)->magic == MAGIC ? ((This)->calls++, 1) : 0)

typedef void *PTR_T;

/* The methods of one object, for one ABI (empty or ms_abi). */
#define DEFINE_METHODS(P, ABI)                                                                   \
    static CHAR ABI P##_i1(Obj *t, CHAR v) { return SELF_OK(t) ? v : 0; }                         \
    static BYTE ABI P##_ui1(Obj *t, BYTE v) { return SELF_OK(t) ? v : 0; }                        \
    static SHORT ABI P##_i2(Obj *t, SHORT v) { return SELF_OK(t) ? v : 0; }                       \
    static USHORT ABI P##_ui2(Obj *t, USHORT v) { return SELF_OK(t) ? v : 0; }                    \
    static LONG ABI P##_i4(Obj *t, LONG v) { return SELF_OK(t) ? v : 0; }                         \
    static ULONG ABI P##_ui4(Obj *t, ULONG v) { return SELF_OK(t) ? v : 0; }                      \
    static LONG64 ABI P##_i8(Obj *t, LONG64 v) { return SELF_OK(t) ? v : 0; }                    \
    static ULONG64 ABI P##_ui8(Obj *t, ULONG64 v) { return SELF_OK(t) ? v : 0; }                  \
    static VARIANT_BOOL ABI P##_bool(Obj *t, VARIANT_BOOL v) { return SELF_OK(t) ? v : 0; }       \
    static FLOAT ABI P##_r4(Obj *t, FLOAT v) { return SELF_OK(t) ? v : 0; }                       \
    static DOUBLE ABI P##_r8(Obj *t, DOUBLE v) { return SELF_OK(t) ? v : 0; }                     \
    static CY ABI P##_cy(Obj *t, CY v) { if (!SELF_OK(t)) v.int64 = 0; return v; }               \
    static PTR_T ABI P##_ptr(Obj *t, PTR_T v) { return SELF_OK(t) ? v : NULL; }                   \
    /* Past the registers: 8 integers and 10 floating values interleaved. */                     \
    static DOUBLE ABI P##_mix(Obj *t, LONG a1, DOUBLE d1, CHAR a2, FLOAT f2, LONG64 a3,          \
                              DOUBLE d3, SHORT a4, DOUBLE d4, ULONG a5, DOUBLE d5, LONG a6,       \
                              DOUBLE d6, BYTE a7, DOUBLE d7, LONG64 a8, DOUBLE d8, DOUBLE d9,     \
                              FLOAT f10, VARIANT_BOOL b, DOUBLE d11)                              \
    {                                                                                            \
        if (!SELF_OK(t)) return -1;                                                              \
        return a1 * 1.0 + d1 * 2 + a2 * 3.0 + f2 * 4 + (double)a3 * 5 + d3 * 6 + a4 * 7.0 +     \
               d4 * 8 + a5 * 9.0 + d5 * 10 + a6 * 11.0 + d6 * 12 + a7 * 13.0 + d7 * 14 +          \
               (double)a8 * 15 + d8 * 16 + d9 * 17 + f10 * 18 + b * 19.0 + d11 * 20;              \
    }                                                                                            \
    /* Nine integers only (three on the stack). */                                               \
    static LONG64 ABI P##_ints(Obj *t, LONG a, LONG b, LONG c, LONG d, LONG e, LONG f, LONG g,   \
                               LONG64 h, CHAR i)                                                  \
    {                                                                                            \
        return SELF_OK(t) ? a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i : 0; \
    }                                                                                            \
    static LONG ABI P##_add3(Obj *t, LONG a, LONG b, LONG c) { return SELF_OK(t) ? a + b + c : 0; } \
    static void ABI P##_touch(Obj *t) { SELF_OK(t); }                                            \
    /* BYREF out-parameters written by the callee. */                                            \
    static HRESULT ABI P##_outs(Obj *t, LONG *pl, BSTR *pb, DOUBLE *pd, VARIANT *pv)             \
    {                                                                                            \
        if (!SELF_OK(t)) return E_FAIL;                                                          \
        *pl = *pl * 2;                                                                           \
        *pb = SysAllocString(u"out");                                                            \
        *pd = 0.25;                                                                              \
        V_VT(pv) = VT_I2;                                                                        \
        V_I2(pv) = 77;                                                                           \
        return S_FALSE;                                                                          \
    }

/* VARIANT and DECIMAL by value: System V passes both by value and returns
 * them as C does; ms_abi gets pointers and returns through an explicit
 * pointer after `this`, as Windows' DispCallFunc calls. */
DEFINE_METHODS(sv, )
static LONG sv_vararg(Obj *t, LONG a, VARIANT v, DOUBLE d, DECIMAL dec, LONG b)
{
    if (!SELF_OK(t) || V_VT(&v) != VT_I4) return -1;
    return a + V_I4(&v) * 10 + (LONG)d * 100 + (LONG)dec.Lo64 * 1000 + dec.scale * 10000 + b * 100000;
}
static VARIANT sv_retvar(Obj *t, LONG x)
{
    VARIANT v;
    VariantInit(&v);
    if (SELF_OK(t)) {
        V_VT(&v) = VT_I4;
        V_I4(&v) = x;
    }
    return v;
}
static DECIMAL sv_retdec(Obj *t, LONG x)
{
    DECIMAL d;
    memset(&d, 0, sizeof d);
    if (SELF_OK(t)) {
        d.Lo64 = (ULONG64)x;
        d.Hi32 = 7;
        d.scale = 2;
        d.sign = DECIMAL_NEG;
    }
    return d;
}

#define MS __attribute__((ms_abi))
DEFINE_METHODS(ms, MS)
static LONG MS ms_vararg(Obj *t, LONG a, VARIANT *v, DOUBLE d, DECIMAL *dec, LONG b)
{
    if (!SELF_OK(t) || V_VT(v) != VT_I4) return -1;
    return a + V_I4(v) * 10 + (LONG)d * 100 + (LONG)dec->Lo64 * 1000 + dec->scale * 10000 + b * 100000;
}
static VARIANT *MS ms_retvar(Obj *t, VARIANT *ret, LONG x)
{
    VariantInit(ret);
    if (SELF_OK(t)) {
        V_VT(ret) = VT_I4;
        V_I4(ret) = x;
    }
    return ret;
}
static DECIMAL *MS ms_retdec(Obj *t, DECIMAL *ret, LONG x)
{
    memset(ret, 0, sizeof *ret);
    if (SELF_OK(t)) {
        ret->Lo64 = (ULONG64)x;
        ret->Hi32 = 7;
        ret->scale = 2;
        ret->sign = DECIMAL_NEG;
    }
    return ret;
}

enum { S_I1, S_UI1, S_I2, S_UI2, S_I4, S_UI4, S_I8, S_UI8, S_BOOL, S_R4, S_R8, S_CY, S_PTR, S_MIX,
       S_INTS, S_ADD3, S_TOUCH, S_OUTS, S_VARARG, S_RETVAR, S_RETDEC, S_COUNT };

#define VTBL(P)                                                                                  \
    static void *P##_vtbl[S_COUNT] = {                                                           \
        (void *)P##_i1, (void *)P##_ui1, (void *)P##_i2, (void *)P##_ui2, (void *)P##_i4,         \
        (void *)P##_ui4, (void *)P##_i8, (void *)P##_ui8, (void *)P##_bool, (void *)P##_r4,       \
        (void *)P##_r8, (void *)P##_cy, (void *)P##_ptr, (void *)P##_mix, (void *)P##_ints,       \
        (void *)P##_add3, (void *)P##_touch, (void *)P##_outs, (void *)P##_vararg,                \
        (void *)P##_retvar, (void *)P##_retdec,                                                  \
    };
VTBL(sv)
VTBL(ms)

#define SLOT(s) ((ULONG_PTR)(s) * sizeof(void *))

/* The two objects under test: System V with CC_STDCALL, ms_abi with
 * CC_COMRT_MSABI. */
typedef struct {
    const char *name;
    void **vtbl;
    CALLCONV cc;
} abi_case;

static const abi_case abis[] = {
    { "sysv", sv_vtbl, CC_STDCALL },
    { "ms_abi", ms_vtbl, CC_COMRT_MSABI },
};
#define NABIS (sizeof abis / sizeof abis[0])

static Obj make_obj(const abi_case *a)
{
    Obj o = { a->vtbl, MAGIC, 0 };
    return o;
}

/* One argument of type vt in, the same value out as vtReturn vt; the
 * argument VARIANT is filled with garbage past the value's own bytes, which
 * the callee must not see. */
typedef struct {
    VARTYPE vt;
    int slot;
    ULONG64 bits; /* the value, in the union's first bytes */
    unsigned size;
} echo_case;

static const echo_case echoes[] = {
    { VT_I1, S_I1, 0x85, 1 },
    { VT_UI1, S_UI1, 0xF3, 1 },
    { VT_I2, S_I2, 0x8001, 2 },
    { VT_UI2, S_UI2, 0xFFFE, 2 },
    { VT_I4, S_I4, 0x80000001u, 4 },
    { VT_UI4, S_UI4, 0xFFFFFFF0u, 4 },
    { VT_INT, S_I4, 0x80000002u, 4 },
    { VT_UINT, S_UI4, 0xFFFFFFF1u, 4 },
    { VT_ERROR, S_I4, 0x80020005u, 4 },
    { VT_I8, S_I8, 0x8000000000000003ull, 8 },
    { VT_UI8, S_UI8, 0xFFFFFFFFFFFFFFF0ull, 8 },
    { VT_INT_PTR, S_I8, 0x8000000000000004ull, 8 },
    { VT_UINT_PTR, S_UI8, 0xFFFFFFFFFFFFFFF1ull, 8 },
    { VT_BOOL, S_BOOL, 0xFFFF, 2 },
    { VT_R4, S_R4, 0xC0490FDBu, 4 },              /* -3.14159274f */
    { VT_R8, S_R8, 0x400921FB54442D18ull, 8 },    /* pi */
    { VT_DATE, S_R8, 0x40E2C3E000000000ull, 8 },  /* 38430.0 */
    { VT_CY, S_CY, 0xFFFFFFFFFFFF0000ull, 8 },
    { VT_BSTR, S_PTR, 0x00007F0012345678ull, 8 },
    { VT_DISPATCH, S_PTR, 0x00007F0012345680ull, 8 },
    { VT_UNKNOWN, S_PTR, 0x00007F0012345688ull, 8 },
    { VT_PTR, S_PTR, 0x00007F0012345690ull, 8 },
    { VT_LPSTR, S_PTR, 0x00007F0012345698ull, 8 },
    { VT_LPWSTR, S_PTR, 0x00007F00123456A0ull, 8 },
    { VT_SAFEARRAY, S_PTR, 0x00007F00123456A8ull, 8 },
    { VT_ARRAY | VT_I4, S_PTR, 0x00007F00123456B0ull, 8 },
    { VT_BYREF | VT_R8, S_PTR, 0x00007F00123456B8ull, 8 },
    { VT_BYREF | VT_VARIANT, S_PTR, 0x00007F00123456C0ull, 8 },
    { VT_USERDEFINED, S_PTR, 0x00007F00123456C8ull, 8 },
};

TEST(every_type_in_and_out)
{
    for (size_t a = 0; a < NABIS; a++) {
        for (size_t i = 0; i < sizeof echoes / sizeof echoes[0]; i++) {
            const echo_case *e = &echoes[i];
            Obj o = make_obj(&abis[a]);
            VARIANT arg, res;
            VARIANTARG *pargs[1] = { &arg };
            VARTYPE vt = e->vt;
            ULONG64 want = 0, got = 0;
            memset(&arg, 0xA5, sizeof arg); /* garbage past the value */
            memcpy(&V_UI8(&arg), &e->bits, e->size);
            V_VT(&arg) = e->vt;
            memset(&res, 0x5A, sizeof res);
            HRESULT hr = DispCallFunc(&o, SLOT(e->slot), abis[a].cc, e->vt, 1, &vt, pargs, &res);
            memcpy(&want, &e->bits, e->size);
            memcpy(&got, &V_UI8(&res), e->size);
            CHECK_MSG(hr == S_OK && V_VT(&res) == e->vt && got == want && o.calls == 1,
                      "%s vt 0x%x: hr 0x%08x vt 0x%x value 0x%llx (want 0x%llx) calls %d", abis[a].name,
                      e->vt, (unsigned)hr, V_VT(&res), (unsigned long long)got, (unsigned long long)want,
                      o.calls);
            /* The rest of the union is cleared, not left as garbage. */
            if (e->size < 8) {
                ULONG64 rest = 0;
                memcpy(&rest, (BYTE *)&V_UI8(&res) + e->size, 8 - e->size);
                CHECK_MSG(rest == 0, "%s vt 0x%x: bytes past the value not cleared", abis[a].name, e->vt);
            }
        }
    }
}

TEST(mixed_arguments_past_the_registers)
{
    VARTYPE vts[20] = { VT_I4, VT_R8, VT_I1, VT_R4, VT_I8, VT_R8, VT_I2, VT_DATE, VT_UI4, VT_R8,
                        VT_INT, VT_R8, VT_UI1, VT_R8, VT_I8, VT_R8, VT_R8, VT_R4, VT_BOOL, VT_R8 };
    VARIANT v[20];
    VARIANTARG *pv[20];
    for (int i = 0; i < 20; i++) {
        VariantInit(&v[i]);
        V_VT(&v[i]) = vts[i];
        pv[i] = &v[i];
    }
    V_I4(&v[0]) = -7; V_R8(&v[1]) = 1.5; V_I1(&v[2]) = -3; V_R4(&v[3]) = 0.75f;
    V_I8(&v[4]) = 1LL << 40; V_R8(&v[5]) = -2.25; V_I2(&v[6]) = -300; V_DATE(&v[7]) = 3.125;
    V_UI4(&v[8]) = 4000000000u; V_R8(&v[9]) = 9.5; V_INT(&v[10]) = 11; V_R8(&v[11]) = 12.5;
    V_UI1(&v[12]) = 200; V_R8(&v[13]) = -14.75; V_I8(&v[14]) = -(1LL << 35); V_R8(&v[15]) = 16.0625;
    V_R8(&v[16]) = 17.5; V_R4(&v[17]) = -18.5f; V_BOOL(&v[18]) = VARIANT_TRUE; V_R8(&v[19]) = 1e10;
    double want_sv, want_ms;
    Obj o = { sv_vtbl, MAGIC, 0 };
    want_sv = sv_mix(&o, -7, 1.5, -3, 0.75f, 1LL << 40, -2.25, -300, 3.125, 4000000000u, 9.5, 11, 12.5, 200,
                     -14.75, -(1LL << 35), 16.0625, 17.5, -18.5f, VARIANT_TRUE, 1e10);
    want_ms = ms_mix(&o, -7, 1.5, -3, 0.75f, 1LL << 40, -2.25, -300, 3.125, 4000000000u, 9.5, 11, 12.5, 200,
                     -14.75, -(1LL << 35), 16.0625, 17.5, -18.5f, VARIANT_TRUE, 1e10);
    CHECK_DBL(want_sv, want_ms);
    for (size_t a = 0; a < NABIS; a++) {
        Obj ob = make_obj(&abis[a]);
        VARIANT res;
        VariantInit(&res);
        CHECK_HR(DispCallFunc(&ob, SLOT(S_MIX), abis[a].cc, VT_R8, 20, vts, pv, &res), S_OK);
        CHECK_INT(V_VT(&res), VT_R8);
        CHECK_MSG(V_R8(&res) == want_sv, "%s: mix %.17g, expected %.17g", abis[a].name, V_R8(&res), want_sv);
        CHECK_INT(ob.calls, 1);

        /* Integers only, three of them on the stack. */
        VARTYPE ivt[9] = { VT_I4, VT_I4, VT_I4, VT_I4, VT_I4, VT_I4, VT_I4, VT_I8, VT_I1 };
        VARIANT iv[9];
        VARIANTARG *ipv[9];
        for (int i = 0; i < 9; i++) {
            VariantInit(&iv[i]);
            V_VT(&iv[i]) = ivt[i];
            V_I8(&iv[i]) = 0; /* clear, then set the typed value */
            ipv[i] = &iv[i];
        }
        for (int i = 0; i < 7; i++) V_I4(&iv[i]) = (i + 1) * ((i & 1) ? -1 : 1);
        V_I8(&iv[7]) = 1LL << 33;
        V_I1(&iv[8]) = -9;
        LONG64 want = sv_ints(&o, 1, -2, 3, -4, 5, -6, 7, 1LL << 33, -9);
        CHECK_HR(DispCallFunc(&ob, SLOT(S_INTS), abis[a].cc, VT_I8, 9, ivt, ipv, &res), S_OK);
        CHECK_MSG(V_I8(&res) == want, "%s: ints %lld, expected %lld", abis[a].name, (long long)V_I8(&res),
                  (long long)want);
    }
}

TEST(variant_and_decimal_by_value)
{
    for (size_t a = 0; a < NABIS; a++) {
        Obj o = make_obj(&abis[a]);
        VARIANT va, vv, vd, vdec, vb, res;
        VARTYPE vts[5] = { VT_I4, VT_VARIANT, VT_R8, VT_DECIMAL, VT_I4 };
        VARIANTARG *pv[5] = { &va, &vv, &vd, &vdec, &vb };
        VariantInit(&va); V_VT(&va) = VT_I4; V_I4(&va) = 3;
        VariantInit(&vv); V_VT(&vv) = VT_I4; V_I4(&vv) = 4;
        VariantInit(&vd); V_VT(&vd) = VT_R8; V_R8(&vd) = 5.0;
        memset(&vdec, 0, sizeof vdec);
        V_DECIMAL(&vdec).Lo64 = 6;
        V_DECIMAL(&vdec).scale = 7;
        V_VT(&vdec) = VT_DECIMAL;
        VariantInit(&vb); V_VT(&vb) = VT_I4; V_I4(&vb) = 8;
        VariantInit(&res);
        CHECK_HR(DispCallFunc(&o, SLOT(S_VARARG), abis[a].cc, VT_I4, 5, vts, pv, &res), S_OK);
        CHECK_MSG(V_VT(&res) == VT_I4 && V_I4(&res) == 876543, "%s: vararg %d", abis[a].name, (int)V_I4(&res));

        /* VARIANT result: whatever the callee built. */
        VARTYPE one = VT_I4;
        VARIANTARG *p1[1] = { &va };
        memset(&res, 0x33, sizeof res);
        CHECK_HR(DispCallFunc(&o, SLOT(S_RETVAR), abis[a].cc, VT_VARIANT, 1, &one, p1, &res), S_OK);
        CHECK_MSG(V_VT(&res) == VT_I4 && V_I4(&res) == 3, "%s: retvar vt %d", abis[a].name, V_VT(&res));

        /* DECIMAL result: the callee's DECIMAL with vt = VT_DECIMAL. */
        memset(&res, 0x33, sizeof res);
        CHECK_HR(DispCallFunc(&o, SLOT(S_RETDEC), abis[a].cc, VT_DECIMAL, 1, &one, p1, &res), S_OK);
        CHECK_INT(V_VT(&res), VT_DECIMAL);
        CHECK_INT(V_DECIMAL(&res).Lo64, 3);
        CHECK_INT(V_DECIMAL(&res).Hi32, 7);
        CHECK_INT(V_DECIMAL(&res).scale, 2);
        CHECK_INT(V_DECIMAL(&res).sign, DECIMAL_NEG);
        CHECK_INT(o.calls, 3);
    }
}

TEST(byref_out_parameters)
{
    for (size_t a = 0; a < NABIS; a++) {
        Obj o = make_obj(&abis[a]);
        LONG l = 21;
        BSTR b = NULL;
        double d = 0;
        VARIANT inner, al, ab, ad, av, res;
        VariantInit(&inner);
        V_VT(&al) = VT_BYREF | VT_I4; V_I4REF(&al) = &l;
        V_VT(&ab) = VT_BYREF | VT_BSTR; V_BSTRREF(&ab) = &b;
        V_VT(&ad) = VT_BYREF | VT_R8; V_R8REF(&ad) = &d;
        V_VT(&av) = VT_BYREF | VT_VARIANT; V_VARIANTREF(&av) = &inner;
        VARTYPE vts[4] = { VT_BYREF | VT_I4, VT_BYREF | VT_BSTR, VT_BYREF | VT_R8, VT_BYREF | VT_VARIANT };
        VARIANTARG *pv[4] = { &al, &ab, &ad, &av };
        VariantInit(&res);
        CHECK_HR(DispCallFunc(&o, SLOT(S_OUTS), abis[a].cc, VT_ERROR, 4, vts, pv, &res), S_OK);
        CHECK_INT(V_VT(&res), VT_ERROR);
        CHECK_INT(V_ERROR(&res), S_FALSE);
        CHECK_INT(l, 42);
        CHECK_WSTR(b, "out");
        CHECK_DBL(d, 0.25);
        CHECK_INT(V_VT(&inner), VT_I2);
        CHECK_INT(V_I2(&inner), 77);
        SysFreeString(b);
    }
}

TEST(void_and_empty_results)
{
    VARTYPE rets[] = { VT_EMPTY, VT_VOID, VT_NULL };
    for (size_t a = 0; a < NABIS; a++) {
        for (size_t r = 0; r < sizeof rets / sizeof rets[0]; r++) {
            Obj o = make_obj(&abis[a]);
            VARIANT res;
            memset(&res, 0x77, sizeof res);
            CHECK_HR(DispCallFunc(&o, SLOT(S_TOUCH), abis[a].cc, rets[r], 0, NULL, NULL, &res), S_OK);
            CHECK_INT(V_VT(&res), rets[r]);
            CHECK_INT(V_UI8(&res), 0);
            CHECK_INT(o.calls, 1);
        }
    }
}

static LONG plain_sub(LONG a, LONG b) { return a - b; }
static MS DOUBLE plain_ms(DOUBLE a, LONG b, FLOAT c, LONG64 d, DOUBLE e) { return a * b + c - (double)d + e; }
static DECIMAL plain_dec(LONG x)
{
    DECIMAL d;
    memset(&d, 0, sizeof d);
    d.Lo64 = (ULONG64)x;
    return d;
}
static VARIANT plain_var(LONG x)
{
    VARIANT v;
    VariantInit(&v);
    V_VT(&v) = VT_UI2;
    V_UI2(&v) = (USHORT)x;
    return v;
}
static MS VARIANT *plain_ms_var(VARIANT *ret, LONG x)
{
    VariantInit(ret);
    V_VT(ret) = VT_UI2;
    V_UI2(ret) = (USHORT)x;
    return ret;
}

TEST(null_instance_calls_a_plain_function)
{
    VARIANT a, b, c, d, e, res;
    VARIANTARG *pv[5] = { &a, &b, &c, &d, &e };
    VARTYPE vts[5] = { VT_I4, VT_I4 };
    VariantInit(&a); V_VT(&a) = VT_I4; V_I4(&a) = 50;
    VariantInit(&b); V_VT(&b) = VT_I4; V_I4(&b) = 8;
    VariantInit(&res);
    CHECK_HR(DispCallFunc(NULL, (ULONG_PTR)plain_sub, CC_CDECL, VT_I4, 2, vts, pv, &res), S_OK);
    CHECK_INT(V_VT(&res), VT_I4);
    CHECK_INT(V_I4(&res), 42);

    VARTYPE mvts[5] = { VT_R8, VT_I4, VT_R4, VT_I8, VT_R8 };
    V_VT(&a) = VT_R8; V_R8(&a) = 2.5;
    V_VT(&b) = VT_I4; V_I4(&b) = 4;
    VariantInit(&c); V_VT(&c) = VT_R4; V_R4(&c) = 0.5f;
    VariantInit(&d); V_VT(&d) = VT_I8; V_I8(&d) = 3;
    VariantInit(&e); V_VT(&e) = VT_R8; V_R8(&e) = 0.125;
    CHECK_HR(DispCallFunc(NULL, (ULONG_PTR)plain_ms, CC_COMRT_MSABI, VT_R8, 5, mvts, pv, &res), S_OK);
    CHECK_DBL(V_R8(&res), 7.625);

    V_VT(&a) = VT_I4; V_I4(&a) = 99;
    CHECK_HR(DispCallFunc(NULL, (ULONG_PTR)plain_dec, CC_STDCALL, VT_DECIMAL, 1, vts, pv, &res), S_OK);
    CHECK_INT(V_VT(&res), VT_DECIMAL);
    CHECK_INT(V_DECIMAL(&res).Lo64, 99);
    CHECK_HR(DispCallFunc(NULL, (ULONG_PTR)plain_var, CC_STDCALL, VT_VARIANT, 1, vts, pv, &res), S_OK);
    CHECK_INT(V_VT(&res), VT_UI2);
    CHECK_INT(V_UI2(&res), 99);
    VariantInit(&res);
    CHECK_HR(DispCallFunc(NULL, (ULONG_PTR)plain_ms_var, CC_COMRT_MSABI, VT_VARIANT, 1, vts, pv, &res), S_OK);
    CHECK_INT(V_VT(&res), VT_UI2);
    CHECK_INT(V_UI2(&res), 99);
}

TEST(many_arguments_on_the_heap)
{
    /* 40 arguments: past the on-stack arrays. */
    enum { N = 40 };
    VARTYPE vts[N];
    VARIANT v[N];
    VARIANTARG *pv[N];
    for (int i = 0; i < N; i++) {
        vts[i] = VT_I4;
        VariantInit(&v[i]);
        V_VT(&v[i]) = VT_I4;
        V_I4(&v[i]) = i;
        pv[i] = &v[i];
    }
    /* add3 reads only its first three; the extra ones are harmless in
     * System V (the caller cleans the stack). */
    Obj o = make_obj(&abis[0]);
    VARIANT res;
    VariantInit(&res);
    V_I4(&v[0]) = 5;
    CHECK_HR(DispCallFunc(&o, SLOT(S_ADD3), CC_STDCALL, VT_I4, N, vts, pv, &res), S_OK);
    CHECK_INT(V_I4(&res), 5 + 1 + 2);
}

TEST(errors)
{
    Obj o = make_obj(&abis[0]);
    VARIANT a, res;
    VARIANTARG *pv[1] = { &a };
    VARIANTARG *pnull[1] = { NULL };
    VARTYPE vt = VT_I4;
    VariantInit(&a);
    V_VT(&a) = VT_I4;
    /* Windows' CALLCONV values other than CDECL / STDCALL. */
    CALLCONV bad[] = { CC_FASTCALL, CC_MSCPASCAL, CC_MACPASCAL, CC_FPFASTCALL, CC_SYSCALL, CC_MPWCDECL,
                       CC_MPWPASCAL, CC_MAX, (CALLCONV)0xFF, (CALLCONV)0x101 };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&res, 0x44, sizeof res);
        CHECK_HR(DispCallFunc(&o, SLOT(S_I4), bad[i], VT_I4, 1, &vt, pv, &res), E_INVALIDARG);
        CHECK_INT(V_VT(&res), 0x4444); /* untouched */
    }
    CHECK_HR(DispCallFunc(&o, SLOT(S_I4), CC_STDCALL, VT_HRESULT, 1, &vt, pv, &res), E_INVALIDARG);
    CHECK_HR(DispCallFunc(&o, SLOT(S_I4), CC_STDCALL, VT_I4, 1, &vt, pv, NULL), E_INVALIDARG);
    CHECK_HR(DispCallFunc(&o, SLOT(S_I4), CC_STDCALL, VT_I4, 1, NULL, pv, &res), E_INVALIDARG);
    CHECK_HR(DispCallFunc(&o, SLOT(S_I4), CC_STDCALL, VT_I4, 1, &vt, NULL, &res), E_INVALIDARG);
    CHECK_HR(DispCallFunc(&o, SLOT(S_I4), CC_STDCALL, VT_I4, 1, &vt, pnull, &res), E_INVALIDARG);
    CHECK_HR(DispCallFunc(NULL, 0, CC_STDCALL, VT_I4, 0, NULL, NULL, &res), E_INVALIDARG);
    Obj novt = { NULL, MAGIC, 0 };
    CHECK_HR(DispCallFunc(&novt, 0, CC_STDCALL, VT_I4, 0, NULL, NULL, &res), E_INVALIDARG);
    void *nullslot[1] = { NULL };
    Obj noslot = { nullslot, MAGIC, 0 };
    CHECK_HR(DispCallFunc(&noslot, 0, CC_STDCALL, VT_I4, 0, NULL, NULL, &res), E_INVALIDARG);
    CHECK_HR(DispCallFunc(&o, SLOT(S_I4), CC_STDCALL, VT_I4, 1025, &vt, pv, &res), E_INVALIDARG);
    CHECK_INT(o.calls, 0);
    CHECK_INT(V_VT(&res), 0x4444);
    /* Zero arguments with NULL arrays are fine. */
    CHECK_HR(DispCallFunc(&o, SLOT(S_TOUCH), CC_CDECL, VT_EMPTY, 0, NULL, NULL, &res), S_OK);
    CHECK_INT(o.calls, 1);
}

/* Each thread keeps its own cache of prepared calls: four threads calling
 * different signatures at once must each get their own answers. */
static void *thread_body(void *arg)
{
    long k = (long)(intptr_t)arg, bad = 0;
    for (int i = 0; i < 20000; i++) {
        const abi_case *a = &abis[(k + i) & 1];
        Obj o = make_obj(a);
        VARIANT v, res;
        VARIANTARG *pv[1] = { &v };
        VARTYPE vt = (i % 3 == 0) ? VT_R8 : (i % 3 == 1) ? VT_I8 : VT_I2;
        int slot = vt == VT_R8 ? S_R8 : vt == VT_I8 ? S_I8 : S_I2;
        VariantInit(&v);
        V_VT(&v) = vt;
        if (vt == VT_R8) V_R8(&v) = k * 1000.5 + i;
        else if (vt == VT_I8) V_I8(&v) = k * 100000 + i;
        else V_I2(&v) = (SHORT)(k * 1000 + i % 1000);
        if (DispCallFunc(&o, SLOT(slot), a->cc, vt, 1, &vt, pv, &res) != S_OK || V_VT(&res) != vt)
            bad++;
        else if (vt == VT_R8 ? V_R8(&res) != V_R8(&v) : vt == VT_I8 ? V_I8(&res) != V_I8(&v) : V_I2(&res) != V_I2(&v))
            bad++;
    }
    return (void *)(intptr_t)bad;
}

TEST(threads)
{
    pthread_t th[4];
    for (long k = 0; k < 4; k++)
        CHECK(pthread_create(&th[k], NULL, thread_body, (void *)(intptr_t)k) == 0);
    for (int k = 0; k < 4; k++) {
        void *bad = NULL;
        pthread_join(th[k], &bad);
        CHECK_MSG(bad == NULL, "thread %d: %ld wrong calls", k, (long)(intptr_t)bad);
    }
}

int main(void)
{
    RUN(every_type_in_and_out);
    RUN(mixed_arguments_past_the_registers);
    RUN(variant_and_decimal_by_value);
    RUN(byref_out_parameters);
    RUN(void_and_empty_results);
    RUN(null_instance_calls_a_plain_function);
    RUN(many_arguments_on_the_heap);
    RUN(errors);
    RUN(threads);
    return comrt_test_summary();
}
