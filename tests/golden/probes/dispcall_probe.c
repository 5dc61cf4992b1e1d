/*
 * dispcall_probe.c — DispCallFunc over argument types, return types,
 * calling conventions and errors.  The object's methods use the platform's
 * STDMETHODCALLTYPE (the Windows x64 convention under mingw, System V on
 * comrt), so the same source calls the same methods on both sides; only a
 * method returning a VARIANT/DECIMAL through a vtable differs in its C
 * declaration (Windows' DispCallFunc passes the result pointer after
 * `this`, as MSVC member functions take it; System V C puts it first).
 * Results print as vt and the value's own bytes; nothing prints pointers.
 */
#include "probe_util.h"

#ifndef STDMETHODCALLTYPE
#define STDMETHODCALLTYPE
#endif
#define M STDMETHODCALLTYPE

typedef struct Obj {
    void **lpVtbl;
    int calls;
} Obj;

/* Each echo returns its argument; a method records that it ran. */
static CHAR M m_i1(Obj *t, CHAR v) { t->calls++; return v; }
static BYTE M m_ui1(Obj *t, BYTE v) { t->calls++; return v; }
static SHORT M m_i2(Obj *t, SHORT v) { t->calls++; return v; }
static USHORT M m_ui2(Obj *t, USHORT v) { t->calls++; return v; }
static LONG M m_i4(Obj *t, LONG v) { t->calls++; return v; }
static ULONG M m_ui4(Obj *t, ULONG v) { t->calls++; return v; }
static LONGLONG M m_i8(Obj *t, LONGLONG v) { t->calls++; return v; }
static ULONGLONG M m_ui8(Obj *t, ULONGLONG v) { t->calls++; return v; }
static VARIANT_BOOL M m_bool(Obj *t, VARIANT_BOOL v) { t->calls++; return v; }
static FLOAT M m_r4(Obj *t, FLOAT v) { t->calls++; return v; }
static DOUBLE M m_r8(Obj *t, DOUBLE v) { t->calls++; return v; }
static DOUBLE M m_r4tor8(Obj *t, FLOAT v) { t->calls++; return v; }
static CY M m_cy(Obj *t, CY v) { t->calls++; return v; }
static void *M m_ptr(Obj *t, void *v) { t->calls++; return v; }
static DOUBLE M m_mix(Obj *t, LONG a1, DOUBLE d1, CHAR a2, FLOAT f2, LONGLONG a3, DOUBLE d3, SHORT a4,
                      DOUBLE d4, ULONG a5, DOUBLE d5, LONG a6, DOUBLE d6, BYTE a7, DOUBLE d7, LONGLONG a8,
                      DOUBLE d8, DOUBLE d9, FLOAT f10, VARIANT_BOOL b, DOUBLE d11)
{
    t->calls++;
    return a1 * 1.0 + d1 * 2 + a2 * 3.0 + f2 * 4 + (double)a3 * 5 + d3 * 6 + a4 * 7.0 + d4 * 8 + a5 * 9.0 +
           d5 * 10 + a6 * 11.0 + d6 * 12 + a7 * 13.0 + d7 * 14 + (double)a8 * 15 + d8 * 16 + d9 * 17 +
           f10 * 18 + b * 19.0 + d11 * 20;
}
static LONGLONG M m_ints(Obj *t, LONG a, LONG b, LONG c, LONG d, LONG e, LONG f, LONG g, LONGLONG h, CHAR i)
{
    t->calls++;
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i;
}
static void M m_touch(Obj *t) { t->calls++; }
static HRESULT M m_outs(Obj *t, LONG *pl, BSTR *pb, DOUBLE *pd, VARIANT *pv)
{
    t->calls++;
    *pl = *pl * 2;
    *pb = SysAllocString(OLESTR("out"));
    *pd = 0.25;
    V_VT(pv) = VT_I2;
    V_I2(pv) = 77;
    return S_FALSE;
}
/* VARIANT and DECIMAL by value: Windows x64 passes them by reference, System
 * V by value; either way the C declaration is the same. */
static LONG M m_vararg(Obj *t, LONG a, VARIANT v, DOUBLE d, DECIMAL dec, LONG b)
{
    t->calls++;
    return a + V_I4(&v) * 10 + (LONG)d * 100 + (LONG)dec.Lo32 * 1000 + dec.scale * 10000 + b * 100000 +
           (V_VT(&v) == VT_I4 ? 0 : 5000000);
}
#ifdef _WIN32
static VARIANT *M m_retvar(Obj *t, VARIANT *ret, LONG x)
{
    t->calls++;
    VariantInit(ret);
    V_VT(ret) = VT_I4;
    V_I4(ret) = x;
    return ret;
}
static DECIMAL *M m_retdec(Obj *t, DECIMAL *ret, LONG x)
{
    t->calls++;
    memset(ret, 0, sizeof *ret);
    ret->Lo32 = (ULONG)x;
    ret->Hi32 = 7;
    ret->scale = 2;
    ret->sign = DECIMAL_NEG;
    return ret;
}
#else
static VARIANT M m_retvar(Obj *t, LONG x)
{
    VARIANT v;
    t->calls++;
    VariantInit(&v);
    V_VT(&v) = VT_I4;
    V_I4(&v) = x;
    return v;
}
static DECIMAL M m_retdec(Obj *t, LONG x)
{
    DECIMAL d;
    t->calls++;
    memset(&d, 0, sizeof d);
    d.Lo32 = (ULONG)x;
    d.Hi32 = 7;
    d.scale = 2;
    d.sign = DECIMAL_NEG;
    return d;
}
#endif

/* Plain functions, called with a NULL instance: here the result pointer
 * comes first on both sides. */
static LONG M f_sub(LONG a, LONG b) { return a - b; }
static VARIANT M f_var(LONG x)
{
    VARIANT v;
    VariantInit(&v);
    V_VT(&v) = VT_UI2;
    V_UI2(&v) = (USHORT)x;
    return v;
}
static DECIMAL M f_dec(LONG x)
{
    DECIMAL d;
    memset(&d, 0, sizeof d);
    d.Lo32 = (ULONG)x;
    d.scale = 3;
    return d;
}

enum { S_I1, S_UI1, S_I2, S_UI2, S_I4, S_UI4, S_I8, S_UI8, S_BOOL, S_R4, S_R8, S_CY, S_PTR, S_MIX, S_INTS,
       S_TOUCH, S_OUTS, S_VARARG, S_RETVAR, S_RETDEC, S_R4TOR8, S_COUNT };

static void *vtbl[S_COUNT] = {
    (void *)m_i1, (void *)m_ui1, (void *)m_i2, (void *)m_ui2, (void *)m_i4, (void *)m_ui4, (void *)m_i8,
    (void *)m_ui8, (void *)m_bool, (void *)m_r4, (void *)m_r8, (void *)m_cy, (void *)m_ptr, (void *)m_mix,
    (void *)m_ints, (void *)m_touch, (void *)m_outs, (void *)m_vararg, (void *)m_retvar, (void *)m_retdec, (void *)m_r4tor8,
};

#define SLOT(s) ((ULONG_PTR)(s) * sizeof(void *))

/* vt and the value's own bytes (size bytes of the union). */
static void print_result(const VARIANT *v, unsigned size)
{
    unsigned i;
    const BYTE *p = (const BYTE *)&V_UI1(v);
    pu_add(&res, " vt=");
    pu_vt(&res, V_VT(v));
    if (size) {
        pu_add(&res, " value=");
        for (i = size; i-- > 0;)
            pu_add(&res, "%02X", p[i]);
    }
}

/* One argument of type vt in, echoed back as the same type.  Each type runs
 * over values at its size's edges; the argument VARIANT holds garbage past
 * the value's own bytes, which the callee must not see.  Pointer-typed
 * values are only echoed, never dereferenced. */
typedef struct {
    VARTYPE vt;
    int slot;
    unsigned size;
    VARTYPE rvt; /* 0: the same as vt */
} echo_type;

static const echo_type echo_types[] = {
    { VT_I1, S_I1, 1, 0 },          { VT_UI1, S_UI1, 1, 0 },         { VT_I2, S_I2, 2, 0 },
    { VT_UI2, S_UI2, 2, 0 },        { VT_I4, S_I4, 4, 0 },           { VT_UI4, S_UI4, 4, 0 },
    { VT_INT, S_I4, 4, 0 },         { VT_UINT, S_UI4, 4, 0 },        { VT_ERROR, S_I4, 4, 0 },
    { VT_I8, S_I8, 8, 0 },          { VT_UI8, S_UI8, 8, 0 },         { VT_INT_PTR, S_I8, 8, 0 },
    { VT_UINT_PTR, S_UI8, 8, 0 },   { VT_BOOL, S_BOOL, 2, 0 },       { VT_R4, S_R4TOR8, 4, VT_R8 },
    { VT_R8, S_R8, 8, 0 },          { VT_DATE, S_R8, 8, 0 },         { VT_CY, S_CY, 8, 0 },
    { VT_BSTR, S_PTR, 8, 0 },       { VT_DISPATCH, S_PTR, 8, 0 },    { VT_UNKNOWN, S_PTR, 8, 0 },
    { VT_PTR, S_PTR, 8, 0 },        { VT_LPSTR, S_PTR, 8, 0 },       { VT_LPWSTR, S_PTR, 8, 0 },
    { VT_SAFEARRAY, S_PTR, 8, 0 },  { VT_CARRAY, S_PTR, 8, 0 },      { VT_USERDEFINED, S_PTR, 8, 0 },
    { VT_ARRAY | VT_I4, S_PTR, 8, 0 }, { VT_BYREF | VT_I4, S_PTR, 8, 0 },
    { VT_BYREF | VT_VARIANT, S_PTR, 8, 0 }, { VT_BYREF | VT_DECIMAL, S_PTR, 8, 0 },
    /* Types with no value of their own travel as the union's 8 bytes. */
    { VT_EMPTY, S_UI8, 8, VT_UI8 }, { VT_NULL, S_UI8, 8, VT_UI8 },   { VT_RECORD, S_UI8, 8, 0 },
    { VT_FILETIME, S_UI8, 8, 0 },
};

static const ULONGLONG vals1[] = { 0x00, 0x01, 0x7F, 0x80, 0xFF, 0x5A };
static const ULONGLONG vals2[] = { 0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFF, 0x1234 };
static const ULONGLONG vals4[] = { 0x00000000, 0x00000001, 0x7FFFFFFF, 0x80000000u, 0xFFFFFFFFu, 0x12345678 };
static const ULONGLONG vals8[] = { 0x0000000000000000ull, 0x0000000000000001ull, 0x7FFFFFFFFFFFFFFFull,
                                   0x8000000000000000ull, 0xFFFFFFFFFFFFFFFFull, 0x0123456789ABCDEFull };
/* Floating values: zero, negative zero, 1.5, -pi, infinity, a denormal. */
static const ULONGLONG valsr4[] = { 0x00000000, 0x80000000u, 0x3FC00000, 0xC0490FDBu, 0x7F800000, 0x00000001 };
static const ULONGLONG valsr8[] = { 0x0000000000000000ull, 0x8000000000000000ull, 0x3FF8000000000000ull,
                                    0xC00921FB54442D18ull, 0x7FF0000000000000ull, 0x0000000000000001ull };

static void echo_one(VARTYPE vt, VARTYPE rvt, int slot, unsigned size, unsigned rsize, ULONGLONG bits)
{
    Obj o = { vtbl, 0 };
    VARIANT arg, r;
    VARIANTARG *pargs[1];
    HRESULT hr;
    pargs[0] = &arg;
    memset(&arg, 0xA5, sizeof arg);
    memcpy(&V_UI1(&arg), &bits, size);
    V_VT(&arg) = vt;
    memset(&r, 0, sizeof r);
    hr = DispCallFunc(&o, SLOT(slot), CC_STDCALL, rvt, 1, &vt, pargs, &r);
    begin("echo arg=");
    pu_vt(&key, vt);
    pu_add(&key, " ret=");
    pu_vt(&key, rvt);
    pu_add(&key, " bits=%016llX", (unsigned long long)bits);
    pu_hr(&res, hr);
    if (hr == S_OK)
        print_result(&r, rsize);
    pu_add(&res, " calls=%d", o.calls);
    end();
}

static void echo_cases(void)
{
    size_t i, j;
    for (i = 0; i < sizeof echo_types / sizeof echo_types[0]; i++) {
        const echo_type *e = &echo_types[i];
        const ULONGLONG *vals = e->size == 1 ? vals1 : e->size == 2 ? vals2 : e->size == 4 ? vals4 : vals8;
        VARTYPE rvt = e->rvt ? e->rvt : e->vt;
        if (e->vt == VT_R4)
            vals = valsr4;
        else if (e->vt == VT_R8 || e->vt == VT_DATE)
            vals = valsr8;
        for (j = 0; j < 6; j++)
            echo_one(e->vt, rvt, e->slot, e->size, rvt == e->vt ? e->size : 8, vals[j]);
    }
    /* A FLOAT result (Wine 8.0 reads it as a double: see DEVIATIONS.md). */
    echo_one(VT_R4, VT_R4, S_R4, 4, 4, 0xC0490FDBu);
}

/* Results with no value: vt only.  VT_HRESULT is refused. */
static void void_cases(void)
{
    static const VARTYPE rets[] = { VT_EMPTY, VT_NULL, VT_VOID, VT_HRESULT };
    size_t i;
    for (i = 0; i < sizeof rets / sizeof rets[0]; i++) {
        Obj o = { vtbl, 0 };
        VARIANT r;
        HRESULT hr;
        memset(&r, 0x55, sizeof r);
        hr = DispCallFunc(&o, SLOT(S_TOUCH), CC_STDCALL, rets[i], 0, NULL, NULL, &r);
        begin("void ret=");
        pu_vt(&key, rets[i]);
        pu_hr(&res, hr);
        pu_add(&res, " vt=%04X calls=%d", (unsigned)V_VT(&r), o.calls);
        end();
    }
}

/* Every CALLCONV value and a few beyond. */
static void cc_cases(void)
{
    int cc;
    for (cc = 0; cc <= 12; cc++) {
        Obj o = { vtbl, 0 };
        VARIANT a, r;
        VARIANTARG *pargs[1];
        VARTYPE vt = VT_I4;
        HRESULT hr;
        pargs[0] = &a;
        VariantInit(&a);
        V_VT(&a) = VT_I4;
        V_I4(&a) = 42;
        memset(&r, 0x55, sizeof r);
        hr = DispCallFunc(&o, SLOT(S_I4), (CALLCONV)cc, VT_I4, 1, &vt, pargs, &r);
        begin("callconv %d", cc);
        pu_hr(&res, hr);
        if (hr == S_OK)
            print_result(&r, 4);
        else
            pu_add(&res, " vt=%04X", (unsigned)V_VT(&r));
        pu_add(&res, " calls=%d", o.calls);
        end();
    }
}

static void mix_cases(void)
{
    static const VARTYPE vts[20] = { VT_I4, VT_R8, VT_I1, VT_R4, VT_I8, VT_R8, VT_I2, VT_DATE, VT_UI4, VT_R8,
                                     VT_INT, VT_R8, VT_UI1, VT_R8, VT_I8, VT_R8, VT_R8, VT_R4, VT_BOOL, VT_R8 };
    static const VARTYPE ivt[9] = { VT_I4, VT_I4, VT_I4, VT_I4, VT_I4, VT_I4, VT_I4, VT_I8, VT_I1 };
    VARTYPE mvts[20], mivt[9];
    VARIANT v[20], r;
    VARIANTARG *pv[20];
    Obj o = { vtbl, 0 };
    HRESULT hr;
    int i;
    memcpy(mvts, vts, sizeof vts);
    memcpy(mivt, ivt, sizeof ivt);
    for (i = 0; i < 20; i++) {
        memset(&v[i], 0, sizeof v[i]);
        V_VT(&v[i]) = vts[i];
        pv[i] = &v[i];
    }
    V_I4(&v[0]) = -7; V_R8(&v[1]) = 1.5; V_I1(&v[2]) = -3; V_R4(&v[3]) = 0.75f;
    V_I8(&v[4]) = 1099511627776LL; V_R8(&v[5]) = -2.25; V_I2(&v[6]) = -300; V_DATE(&v[7]) = 3.125;
    V_UI4(&v[8]) = 4000000000u; V_R8(&v[9]) = 9.5; V_INT(&v[10]) = 11; V_R8(&v[11]) = 12.5;
    V_UI1(&v[12]) = 200; V_R8(&v[13]) = -14.75; V_I8(&v[14]) = -34359738368LL; V_R8(&v[15]) = 16.0625;
    V_R8(&v[16]) = 17.5; V_R4(&v[17]) = -18.5f; V_BOOL(&v[18]) = VARIANT_TRUE; V_R8(&v[19]) = 1e10;
    memset(&r, 0, sizeof r);
    hr = DispCallFunc(&o, SLOT(S_MIX), CC_STDCALL, VT_R8, 20, mvts, pv, &r);
    begin("mixed 20 args ret=R8");
    pu_hr(&res, hr);
    print_result(&r, 8);
    end();

    for (i = 0; i < 9; i++) {
        memset(&v[i], 0, sizeof v[i]);
        V_VT(&v[i]) = ivt[i];
    }
    for (i = 0; i < 7; i++)
        V_I4(&v[i]) = (i + 1) * ((i & 1) ? -1 : 1);
    V_I8(&v[7]) = 8589934592LL;
    V_I1(&v[8]) = -9;
    memset(&r, 0, sizeof r);
    hr = DispCallFunc(&o, SLOT(S_INTS), CC_STDCALL, VT_I8, 9, mivt, pv, &r);
    begin("ints 9 args ret=I8");
    pu_hr(&res, hr);
    print_result(&r, 8);
    pu_add(&res, " calls=%d", o.calls);
    end();
}

static void struct_cases(void)
{
    Obj o = { vtbl, 0 };
    VARIANT va, vv, vd, vdec, vb, r;
    VARTYPE vts[5] = { VT_I4, VT_VARIANT, VT_R8, VT_DECIMAL, VT_I4 };
    VARTYPE one = VT_I4;
    VARIANTARG *pv[5], *p1[1];
    HRESULT hr;
    pv[0] = &va; pv[1] = &vv; pv[2] = &vd; pv[3] = &vdec; pv[4] = &vb;
    p1[0] = &va;
    VariantInit(&va); V_VT(&va) = VT_I4; V_I4(&va) = 3;
    VariantInit(&vv); V_VT(&vv) = VT_I4; V_I4(&vv) = 4;
    VariantInit(&vd); V_VT(&vd) = VT_R8; V_R8(&vd) = 5.0;
    memset(&vdec, 0, sizeof vdec);
    V_DECIMAL(&vdec).Lo32 = 6;
    V_DECIMAL(&vdec).scale = 7;
    V_VT(&vdec) = VT_DECIMAL;
    VariantInit(&vb); V_VT(&vb) = VT_I4; V_I4(&vb) = 8;
    memset(&r, 0, sizeof r);
    hr = DispCallFunc(&o, SLOT(S_VARARG), CC_STDCALL, VT_I4, 5, vts, pv, &r);
    begin("by value I4,VARIANT,R8,DECIMAL,I4 ret=I4");
    pu_hr(&res, hr);
    print_result(&r, 4);
    end();

    memset(&r, 0, sizeof r);
    hr = DispCallFunc(&o, SLOT(S_RETVAR), CC_STDCALL, VT_VARIANT, 1, &one, p1, &r);
    begin("method ret=VARIANT");
    pu_hr(&res, hr);
    print_result(&r, 4);
    end();

    memset(&r, 0, sizeof r);
    hr = DispCallFunc(&o, SLOT(S_RETDEC), CC_STDCALL, VT_DECIMAL, 1, &one, p1, &r);
    begin("method ret=DECIMAL");
    pu_hr(&res, hr);
    pu_add(&res, " vt=");
    pu_vt(&res, V_VT(&r));
    pu_add(&res, " ");
    pu_dec(&res, &V_DECIMAL(&r));
    pu_add(&res, " calls=%d", o.calls);
    end();
}

static void byref_cases(void)
{
    Obj o = { vtbl, 0 };
    LONG l = 21;
    BSTR b = NULL;
    double d = 0;
    VARIANT inner, al, ab, ad, av, r;
    VARTYPE vts[4] = { VT_BYREF | VT_I4, VT_BYREF | VT_BSTR, VT_BYREF | VT_R8, VT_BYREF | VT_VARIANT };
    VARIANTARG *pv[4];
    HRESULT hr;
    pv[0] = &al; pv[1] = &ab; pv[2] = &ad; pv[3] = &av;
    VariantInit(&inner);
    V_VT(&al) = VT_BYREF | VT_I4; V_I4REF(&al) = &l;
    V_VT(&ab) = VT_BYREF | VT_BSTR; V_BSTRREF(&ab) = &b;
    V_VT(&ad) = VT_BYREF | VT_R8; V_R8REF(&ad) = &d;
    V_VT(&av) = VT_BYREF | VT_VARIANT; V_VARIANTREF(&av) = &inner;
    memset(&r, 0, sizeof r);
    hr = DispCallFunc(&o, SLOT(S_OUTS), CC_STDCALL, VT_ERROR, 4, vts, pv, &r);
    begin("byref out I4,BSTR,R8,VARIANT ret=ERROR");
    pu_hr(&res, hr);
    print_result(&r, 4);
    pu_add(&res, " l=%d b=", (int)l);
    pu_bstr(&res, b);
    pu_add(&res, " d=%016llX inner=", (unsigned long long)pu_r8bits(d));
    pu_vt(&res, V_VT(&inner));
    pu_add(&res, ":%d", (int)V_I2(&inner));
    end();
    SysFreeString(b);
}

static void plain_cases(void)
{
    VARIANT a, b, r;
    VARIANTARG *pv[2];
    VARTYPE vts[2] = { VT_I4, VT_I4 };
    HRESULT hr;
    pv[0] = &a; pv[1] = &b;
    VariantInit(&a); V_VT(&a) = VT_I4; V_I4(&a) = 50;
    VariantInit(&b); V_VT(&b) = VT_I4; V_I4(&b) = 8;
    memset(&r, 0, sizeof r);
    hr = DispCallFunc(NULL, (ULONG_PTR)f_sub, CC_CDECL, VT_I4, 2, vts, pv, &r);
    begin("plain sub ret=I4");
    pu_hr(&res, hr);
    print_result(&r, 4);
    end();

    memset(&r, 0, sizeof r);
    hr = DispCallFunc(NULL, (ULONG_PTR)f_var, CC_STDCALL, VT_VARIANT, 1, vts, pv, &r);
    begin("plain ret=VARIANT");
    pu_hr(&res, hr);
    print_result(&r, 2);
    end();

    memset(&r, 0, sizeof r);
    hr = DispCallFunc(NULL, (ULONG_PTR)f_dec, CC_STDCALL, VT_DECIMAL, 1, vts, pv, &r);
    begin("plain ret=DECIMAL");
    pu_hr(&res, hr);
    pu_add(&res, " vt=");
    pu_vt(&res, V_VT(&r));
    pu_add(&res, " ");
    pu_dec(&res, &V_DECIMAL(&r));
    end();
}

int main(void)
{
    pu_start("dispcall");
    cc_cases();
    echo_cases();
    void_cases();
    mix_cases();
    struct_cases();
    byref_cases();
    plain_cases();
    fflush(stdout);
    return 0;
}
