/*
 * varchange_probe.c — VariantChangeTypeEx over every source type in scope ×
 * many values × every target type × several LCIDs and flags.
 *
 * Key:    SRC(label) -> TARGET lcid=XXXX f=X
 * Result: HRESULT, then on success the destination VARIANT; on failure
 *         "dest=..." only if the destination was touched.  Cases with an
 *         in-probe object add the Invoke calls it saw and its reference
 *         count after the call ("refs=+1"), and "LEAK" when clearing the
 *         destination does not bring the count back.  "SRCMOD" flags a
 *         source the call modified.
 */
#include "probe_util.h"

/* ---- a tiny IDispatch whose value property is fixed per kind ------------ */

enum obj_kind { OBJ_I4, OBJ_BSTR, OBJ_FAIL, OBJ_EMPTY, OBJ_UNKONLY, OBJ_COUNT };

typedef struct {
    IDispatch iface;
    LONG refs;
    enum obj_kind kind;
    int invokes;
    DISPID last_id;
    WORD last_flags;
    UINT last_cargs;
    LCID last_lcid;
} probe_obj;

static probe_obj *obj_of(IDispatch *p)
{
    return (probe_obj *)p;
}

static HRESULT STDMETHODCALLTYPE obj_QueryInterface(IDispatch *This, REFIID riid, void **ppv)
{
    probe_obj *o = obj_of(This);
    if (!ppv)
        return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || (o->kind != OBJ_UNKONLY && IsEqualIID(riid, &IID_IDispatch))) {
        *ppv = This;
        o->refs++;
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE obj_AddRef(IDispatch *This)
{
    return (ULONG)++obj_of(This)->refs;
}

static ULONG STDMETHODCALLTYPE obj_Release(IDispatch *This)
{
    return (ULONG)--obj_of(This)->refs;
}

static HRESULT STDMETHODCALLTYPE obj_GetTypeInfoCount(IDispatch *This, UINT *pctinfo)
{
    if (pctinfo)
        *pctinfo = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE obj_GetTypeInfo(IDispatch *This, UINT i, LCID lcid, ITypeInfo **ppti)
{
    return DISP_E_BADINDEX;
}

static HRESULT STDMETHODCALLTYPE obj_GetIDsOfNames(IDispatch *This, REFIID riid, LPOLESTR *names, UINT n, LCID lcid,
                                                   DISPID *ids)
{
    return DISP_E_UNKNOWNNAME;
}

static HRESULT STDMETHODCALLTYPE obj_Invoke(IDispatch *This, DISPID id, REFIID riid, LCID lcid, WORD flags,
                                            DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    probe_obj *o = obj_of(This);
    o->invokes++;
    o->last_id = id;
    o->last_flags = flags;
    o->last_cargs = dp ? dp->cArgs : 999;
    o->last_lcid = lcid;
    if (id != DISPID_VALUE)
        return DISP_E_MEMBERNOTFOUND;
    switch (o->kind) {
    case OBJ_I4:
        if (!res)
            return E_INVALIDARG;
        V_VT(res) = VT_I4;
        V_I4(res) = 42;
        return S_OK;
    case OBJ_BSTR:
        if (!res)
            return E_INVALIDARG;
        V_VT(res) = VT_BSTR;
        V_BSTR(res) = SysAllocString(OLESTR(" 12.5 "));
        return S_OK;
    case OBJ_EMPTY:
        if (res)
            V_VT(res) = VT_EMPTY;
        return S_OK;
    default:
        return DISP_E_MEMBERNOTFOUND;
    }
}

static const IDispatchVtbl obj_vtbl = {
    obj_QueryInterface, obj_AddRef,       obj_Release, obj_GetTypeInfoCount,
    obj_GetTypeInfo,    obj_GetIDsOfNames, obj_Invoke,
};

static probe_obj objs[OBJ_COUNT];
static const char *const obj_names[OBJ_COUNT] = {"obj_i4", "obj_bstr", "obj_fail", "obj_empty", "obj_unk"};

static void objs_init(void)
{
    int i;
    for (i = 0; i < OBJ_COUNT; i++) {
        objs[i].iface.lpVtbl = (IDispatchVtbl *)&obj_vtbl;
        objs[i].refs = 1;
        objs[i].kind = (enum obj_kind)i;
        pu_obj_register(&objs[i].iface, obj_names[i]);
    }
}

/* ---- the cases ---------------------------------------------------------- */

#define MAX_SRC 1200

typedef struct {
    char label[160];
    VARIANT v;
    int obj; /* index into objs, or -1 */
    int group; /* which LCID/flag sets apply */
} src_case;

enum { G_PLAIN, G_STR, G_BOOL, G_OBJ, G_BYREF };

static src_case srcs[MAX_SRC];
static int nsrc;

/* storage the BYREF sources point at */
static LONG ref_i4[4];
static DOUBLE ref_r8[4];
static BSTR ref_bstr[4];
static VARIANT ref_var[4];
static DECIMAL ref_dec[2];
static SHORT ref_i2[2];
static VARIANT_BOOL ref_bool[2];
static BYTE ref_ui1[2];
static CY ref_cy[2];
static DATE ref_date[2];
static IDispatch *ref_disp[1];

static src_case *add_src(int group, const char *fmt, ...)
{
    src_case *c;
    va_list ap;
    if (nsrc >= MAX_SRC) {
        fprintf(stderr, "too many sources\n");
        exit(2);
    }
    c = &srcs[nsrc++];
    va_start(ap, fmt);
    vsnprintf(c->label, sizeof c->label, fmt, ap);
    va_end(ap);
    VariantInit(&c->v);
    c->obj = -1;
    c->group = group;
    return c;
}

/* Integers, each added to every integer type it fits. */
static const struct {
    const char *label;
    int64_t s;  /* the value if it fits signed 64 */
    uint64_t u; /* the value if it fits unsigned 64 */
    int is_neg, fits_s, fits_u;
} ints[] = {
#define SI(x) {#x, (int64_t)(x), (uint64_t)(x), (x) < 0, 1, (x) >= 0}
    SI(0), SI(1), SI(-1), SI(2), SI(-2), SI(7), SI(100), SI(127), SI(128), SI(-128), SI(-129), SI(255), SI(256),
    SI(1000), SI(12345), SI(32767), SI(32768), SI(-32768), SI(-32769), SI(65535), SI(65536), SI(-65536),
    SI(2147483647), SI(2147483648LL), SI(-2147483647LL - 1), SI(-2147483649LL), SI(4294967295LL),
    SI(4294967296LL), SI(2958465), SI(2958466), SI(-657434), SI(-657435), SI(922337203685477LL),
    SI(922337203685478LL), SI(-922337203685477LL), SI(-922337203685478LL), SI(1000000000000000000LL),
    SI(9007199254740993LL), SI(9223372036854775807LL), SI(-9223372036854775807LL - 1),
#undef SI
    {"18446744073709551615", 0, UINT64_MAX, 0, 0, 1},
    {"9223372036854775808", 0, 9223372036854775808ULL, 0, 0, 1},
};

static void add_ints(void)
{
    static const struct {
        VARTYPE vt;
        int is_signed;
        int bits;
    } types[] = {
        {VT_I1, 1, 8},   {VT_UI1, 0, 8},  {VT_I2, 1, 16}, {VT_UI2, 0, 16},  {VT_I4, 1, 32},
        {VT_UI4, 0, 32}, {VT_I8, 1, 64},  {VT_UI8, 0, 64}, {VT_INT, 1, 32}, {VT_UINT, 0, 32},
    };
    size_t t, i;
    for (t = 0; t < sizeof types / sizeof types[0]; t++) {
        for (i = 0; i < sizeof ints / sizeof ints[0]; i++) {
            int fits;
            src_case *c;
            if (types[t].is_signed) {
                int64_t lo = types[t].bits == 64 ? INT64_MIN : -((int64_t)1 << (types[t].bits - 1));
                int64_t hi = types[t].bits == 64 ? INT64_MAX : ((int64_t)1 << (types[t].bits - 1)) - 1;
                fits = ints[i].fits_s && ints[i].s >= lo && ints[i].s <= hi;
            } else {
                uint64_t hi = types[t].bits == 64 ? UINT64_MAX : ((uint64_t)1 << types[t].bits) - 1;
                fits = ints[i].fits_u && ints[i].u <= hi;
            }
            if (!fits)
                continue;
            {
                pu_line name;
                pu_reset(&name);
                pu_vt(&name, types[t].vt);
                c = add_src(G_PLAIN, "%s(%s)", name.s, ints[i].label);
            }
            V_VT(&c->v) = types[t].vt;
            switch (types[t].vt) {
            case VT_I1: V_I1(&c->v) = (CHAR)ints[i].s; break;
            case VT_UI1: V_UI1(&c->v) = (BYTE)ints[i].u; break;
            case VT_I2: V_I2(&c->v) = (SHORT)ints[i].s; break;
            case VT_UI2: V_UI2(&c->v) = (USHORT)ints[i].u; break;
            case VT_I4: V_I4(&c->v) = (LONG)ints[i].s; break;
            case VT_INT: V_INT(&c->v) = (INT)ints[i].s; break;
            case VT_UI4: V_UI4(&c->v) = (ULONG)ints[i].u; break;
            case VT_UINT: V_UINT(&c->v) = (UINT)ints[i].u; break;
            case VT_I8: V_I8(&c->v) = (LONGLONG)ints[i].s; break;
            case VT_UI8: V_UI8(&c->v) = (ULONGLONG)ints[i].u; break;
            default: break;
            }
        }
    }
}

/* Doubles: R8 and (a subset) R4 values.  Special ones by bit pattern. */
typedef struct {
    const char *label;
    double d;
    uint64_t bits; /* used when d is 0 and bits != 0 */
    int r4;        /* also a R4 case */
} dbl_case;

static const dbl_case dbls[] = {
    {"0", 0.0, 0, 1},
    {"-0", 0.0, 0x8000000000000000ULL, 1},
    {"1", 1.0, 0, 1},
    {"-1", -1.0, 0, 1},
    {"0.5", 0.5, 0, 1},
    {"-0.5", -0.5, 0, 1},
    {"1.5", 1.5, 0, 1},
    {"-1.5", -1.5, 0, 1},
    {"2.5", 2.5, 0, 1},
    {"-2.5", -2.5, 0, 1},
    {"3.5", 3.5, 0, 0},
    {"-3.5", -3.5, 0, 0},
    {"0.25", 0.25, 0, 0},
    {"0.75", 0.75, 0, 0},
    {"-0.25", -0.25, 0, 0},
    {"-0.6", -0.6, 0, 1},
    {"0.49999999999999994", 0.49999999999999994, 0, 0},
    {"0.5000000000000001", 0.5000000000000001, 0, 0},
    {"1.0000000000000002", 1.0000000000000002, 0, 0},
    {"0.1", 0.1, 0, 1},
    {"0.2", 0.2, 0, 0},
    {"0.3", 0.3, 0, 0},
    {"1/3", 1.0 / 3.0, 0, 1},
    {"2/3", 2.0 / 3.0, 0, 0},
    {"123.456", 123.456, 0, 1},
    {"12345.6789", 12345.6789, 0, 0},
    {"3.14159265358979", 3.14159265358979, 0, 0},
    {"127.5", 127.5, 0, 1},
    {"128.5", 128.5, 0, 1},
    {"-128.5", -128.5, 0, 1},
    {"-129.5", -129.5, 0, 0},
    {"254.5", 254.5, 0, 0},
    {"255.5", 255.5, 0, 1},
    {"256.5", 256.5, 0, 0},
    {"32767.5", 32767.5, 0, 1},
    {"32768.5", 32768.5, 0, 0},
    {"-32768.5", -32768.5, 0, 1},
    {"-32769.5", -32769.5, 0, 0},
    {"65535.5", 65535.5, 0, 1},
    {"65536", 65536.0, 0, 0},
    {"2147483647.5", 2147483647.5, 0, 0},
    {"2147483648.5", 2147483648.5, 0, 0},
    {"-2147483648.5", -2147483648.5, 0, 0},
    {"-2147483649.5", -2147483649.5, 0, 0},
    {"2147483648", 2147483648.0, 0, 1},
    {"4294967295.5", 4294967295.5, 0, 0},
    {"4294967296", 4294967296.0, 0, 1},
    {"16777217", 16777217.0, 0, 1},
    {"1e10", 1e10, 0, 1},
    {"1e15", 1e15, 0, 0},
    {"1e15+0.3", 1e15 + 0.3, 0, 0},
    {"1e16", 1e16, 0, 0},
    {"123456789.123456789", 123456789.123456789, 0, 0},
    {"1234567890123456789", 1234567890123456789.0, 0, 0},
    {"2^53+2", 9007199254740994.0, 0, 0},
    {"2^63", 9223372036854775808.0, 0, 1},
    {"-2^63", -9223372036854775808.0, 0, 1},
    {"2^63-1024", 9223372036854774784.0, 0, 0},
    {"2^64", 18446744073709551616.0, 0, 1},
    {"2^64-2048", 18446744073709549568.0, 0, 0},
    {"922337203685477.5807", 922337203685477.5807, 0, 0},
    {"922337203685477", 922337203685477.0, 0, 0},
    {"922337203685478", 922337203685478.0, 0, 0},
    {"-922337203685477.5808", -922337203685477.5808, 0, 0},
    {"-922337203685478", -922337203685478.0, 0, 0},
    {"0.00005", 0.00005, 0, 0},
    {"0.00015", 0.00015, 0, 0},
    {"0.00025", 0.00025, 0, 0},
    {"1.00005", 1.00005, 0, 0},
    {"-0.00005", -0.00005, 0, 0},
    {"1e-5", 1e-5, 0, 1},
    {"1e-10", 1e-10, 0, 1},
    {"1e20", 1e20, 0, 1},
    {"1e28", 1e28, 0, 0},
    {"7.9228162514264338e28", 7.9228162514264338e28, 0, 0},
    {"7.9228162514264345e28", 7.9228162514264345e28, 0, 0},
    {"1e29", 1e29, 0, 0},
    {"1e300", 1e300, 0, 0},
    {"-1e300", -1e300, 0, 0},
    {"1e-300", 1e-300, 0, 0},
    {"1e-28", 1e-28, 0, 0},
    {"5e-29", 5e-29, 0, 0},
    {"DBL_MAX", 0, 0x7FEFFFFFFFFFFFFFULL, 0},
    {"-DBL_MAX", 0, 0xFFEFFFFFFFFFFFFFULL, 0},
    {"DBL_MIN", 0, 0x0010000000000000ULL, 0},
    {"denorm_min", 0, 0x0000000000000001ULL, 0},
    {"-denorm", 0, 0x800FFFFFFFFFFFFFULL, 0},
    {"FLT_MAX", 3.4028234663852886e38, 0, 1},
    {"FLT_MAX*2", 6.8056469327705772e38, 0, 0},
    {"FLT_MIN", 1.1754943508222875e-38, 0, 1},
    {"flt_denorm", 1.4012984643248171e-45, 0, 1},
    {"2958465", 2958465.0, 0, 1},
    {"2958465.9999999", 2958465.9999999, 0, 0},
    {"2958466", 2958466.0, 0, 0},
    {"-657434", -657434.0, 0, 1},
    {"-657434.5", -657434.5, 0, 0},
    {"-657435", -657435.0, 0, 0},
    {"36526.5", 36526.5, 0, 0},
    {"NaN", 0, 0x7FF8000000000000ULL, 1},
    {"-NaN", 0, 0xFFF8000000000000ULL, 1},
    {"sNaN", 0, 0x7FF0000000000001ULL, 0},
    {"Inf", 0, 0x7FF0000000000000ULL, 1},
    {"-Inf", 0, 0xFFF0000000000000ULL, 1},
};

static double dbl_value(const dbl_case *c)
{
    return c->bits ? pu_r8frombits(c->bits) : c->d;
}

static void add_reals(void)
{
    size_t i;
    for (i = 0; i < sizeof dbls / sizeof dbls[0]; i++) {
        src_case *c = add_src(G_PLAIN, "R8(%s)", dbls[i].label);
        V_VT(&c->v) = VT_R8;
        V_R8(&c->v) = dbl_value(&dbls[i]);
    }
    for (i = 0; i < sizeof dbls / sizeof dbls[0]; i++) {
        src_case *c;
        double d;
        if (!dbls[i].r4)
            continue;
        c = add_src(G_PLAIN, "R4(%s)", dbls[i].label);
        V_VT(&c->v) = VT_R4;
        d = dbl_value(&dbls[i]);
        /* NaN sign/payload survive a double->float cast on both compilers,
         * but build the specials from bits to be sure. */
        if (dbls[i].bits == 0x7FF8000000000000ULL)
            V_R4(&c->v) = pu_r4frombits(0x7FC00000u);
        else if (dbls[i].bits == 0xFFF8000000000000ULL)
            V_R4(&c->v) = pu_r4frombits(0xFFC00000u);
        else if (dbls[i].bits == 0x7FF0000000000000ULL)
            V_R4(&c->v) = pu_r4frombits(0x7F800000u);
        else if (dbls[i].bits == 0xFFF0000000000000ULL)
            V_R4(&c->v) = pu_r4frombits(0xFF800000u);
        else if (dbls[i].bits == 0x8000000000000000ULL)
            V_R4(&c->v) = pu_r4frombits(0x80000000u);
        else
            V_R4(&c->v) = (float)d;
    }
}

static const struct {
    const char *label;
    double d;
} dates[] = {
    {"0", 0.0},
    {"1", 1.0},
    {"-1", -1.0},
    {"0.5", 0.5},
    {"-0.5", -0.5},
    {"1.5", 1.5},
    {"-1.5", -1.5},
    {"2.5", 2.5},
    {"-0.25", -0.25},
    {"-1.25", -1.25},
    {"-1.75", -1.75},
    {"2", 2.0},
    {"60", 60.0},
    {"61", 61.0},
    {"127.5", 127.5},
    {"255.5", 255.5},
    {"32767.5", 32767.5},
    {"36526", 36526.0},
    {"36526.75", 36526.75},
    {"36526.99998842593", 36526.99998842593},
    {"36526.999999", 36526.999999},
    {"40000.123456", 40000.123456},
    {"1s", 1.0 / 86400.0},
    {"0.5+0.5s", 0.5 + 0.5 / 86400.0},
    {"73050", 73050.0},
    {"2958465", 2958465.0},
    {"2958465.99998843", 2958465.99998843},
    {"2958466", 2958466.0},
    {"-657434", -657434.0},
    {"-657434.99998843", -657434.99998843},
    {"-657435", -657435.0},
    {"1e10", 1e10},
    {"-1e10", -1e10},
};

static void add_dates(void)
{
    size_t i;
    for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        src_case *c = add_src(G_PLAIN, "DATE(%s)", dates[i].label);
        V_VT(&c->v) = VT_DATE;
        V_DATE(&c->v) = dates[i].d;
    }
    {
        src_case *c = add_src(G_PLAIN, "DATE(NaN)");
        V_VT(&c->v) = VT_DATE;
        V_DATE(&c->v) = pu_r8frombits(0x7FF8000000000000ULL);
        c = add_src(G_PLAIN, "DATE(Inf)");
        V_VT(&c->v) = VT_DATE;
        V_DATE(&c->v) = pu_r8frombits(0x7FF0000000000000ULL);
    }
}

static const struct {
    const char *label;
    LONGLONG v;
} cys[] = {
    {"0", 0},
    {"0.0001", 1},
    {"-0.0001", -1},
    {"0.4999", 4999},
    {"0.5", 5000},
    {"0.5001", 5001},
    {"-0.5", -5000},
    {"1", 10000},
    {"-1", -10000},
    {"1.5", 15000},
    {"-1.5", -15000},
    {"2.5", 25000},
    {"-2.5", -25000},
    {"0.9999", 9999},
    {"9.9999", 99999},
    {"127.5", 1275000},
    {"128.5", 1285000},
    {"-128.5", -1285000},
    {"255.5", 2555000},
    {"1234.5678", 12345678},
    {"32767.5", 327675000},
    {"32768.5", 327685000},
    {"65535.5", 655355000},
    {"2147483647.5", 21474836475000LL},
    {"2147483648.5", 21474836485000LL},
    {"4294967295.5", 42949672955000LL},
    {"123456789.0123", 1234567890123LL},
    {"MAX", 9223372036854775807LL},
    {"MIN", -9223372036854775807LL - 1},
    {"MIN+1", -9223372036854775807LL},
    {"2958465", 29584650000LL},
    {"2958466", 29584660000LL},
};

static void add_cys(void)
{
    size_t i;
    for (i = 0; i < sizeof cys / sizeof cys[0]; i++) {
        src_case *c = add_src(G_PLAIN, "CY(%s)", cys[i].label);
        V_VT(&c->v) = VT_CY;
        V_CY(&c->v).int64 = cys[i].v;
    }
}

static const struct {
    const char *label;
    BYTE sign, scale;
    ULONG hi, mid, lo;
} decs[] = {
    {"0", 0, 0, 0, 0, 0},
    {"-0", 0x80, 0, 0, 0, 0},
    {"0e-28", 0, 28, 0, 0, 0},
    {"1", 0, 0, 0, 0, 1},
    {"-1", 0x80, 0, 0, 0, 1},
    {"1.00", 0, 2, 0, 0, 100},
    {"0.5", 0, 1, 0, 0, 5},
    {"-0.5", 0x80, 1, 0, 0, 5},
    {"1.5", 0, 1, 0, 0, 15},
    {"2.5", 0, 1, 0, 0, 25},
    {"-2.5", 0x80, 1, 0, 0, 25},
    {"0.05", 0, 2, 0, 0, 5},
    {"0.00005", 0, 5, 0, 0, 5},
    {"0.00015", 0, 5, 0, 0, 15},
    {"127.5", 0, 1, 0, 0, 1275},
    {"128.5", 0, 1, 0, 0, 1285},
    {"-128.5", 0x80, 1, 0, 0, 1285},
    {"255.5", 0, 1, 0, 0, 2555},
    {"32767.5", 0, 1, 0, 0, 327675},
    {"2147483647.5", 0, 1, 0, 4, 0xFFFFFFFBu},
    {"12345.6789", 0, 4, 0, 0, 123456789},
    {"1e-28", 0, 28, 0, 0, 1},
    {"1e-10", 0, 10, 0, 0, 1},
    {"2^32", 0, 0, 0, 1, 0},
    {"2^63", 0, 0, 0, 0x80000000u, 0},
    {"2^64", 0, 0, 1, 0, 0},
    {"-2^63", 0x80, 0, 0, 0x80000000u, 0},
    {"922337203685477.5807", 0, 4, 0, 0x7FFFFFFFu, 0xFFFFFFFFu},
    {"922337203685477.58075", 0, 5, 4, 0xFFFFFFFFu, 0xFFFFFFFBu},
    {"2958465", 0, 0, 0, 0, 2958465},
    {"MAX", 0, 0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
    {"-MAX", 0x80, 0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
    {"MAX/1e28", 0, 28, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
    {"1e20", 0, 0, 5, 0x6BC75E2Du, 0x63100000u},
    {"bad_scale29", 0, 29, 0, 0, 1},
    {"bad_sign01", 0x01, 0, 0, 0, 1},
};

static void add_decs(void)
{
    size_t i;
    for (i = 0; i < sizeof decs / sizeof decs[0]; i++) {
        src_case *c = add_src(G_PLAIN, "DECIMAL(%s)", decs[i].label);
        DECIMAL *d = &V_DECIMAL(&c->v);
        memset(d, 0, sizeof *d);
        d->sign = decs[i].sign;
        d->scale = decs[i].scale;
        d->Hi32 = decs[i].hi;
        d->Mid32 = decs[i].mid;
        d->Lo32 = decs[i].lo;
        V_VT(&c->v) = VT_DECIMAL;
    }
}

/* Strings: what a user, a file or a form might hand over. */
static const OLECHAR *const strs[] = {
    OLESTR(""), OLESTR(" "), OLESTR("0"), OLESTR("00"), OLESTR("007"), OLESTR("1"), OLESTR("-1"), OLESTR("+1"),
    OLESTR("- 1"), OLESTR("--1"), OLESTR("+-1"), OLESTR(" 12 "), OLESTR("12 "), OLESTR(" 12"), OLESTR("\t5\t"),
    OLESTR("5\n"), OLESTR("\x00A0" "5"), OLESTR("\xFF15"), OLESTR("1,000"), OLESTR("1,000.5"), OLESTR("1.000,5"),
    OLESTR("1.000"), OLESTR("1.000.000"), OLESTR("1.234,56"), OLESTR("1,2,3"), OLESTR(",5"), OLESTR("1,,000"),
    OLESTR("12,34"), OLESTR("1 000"), OLESTR("1 234,5"), OLESTR("1'000"), OLESTR("1.5"), OLESTR("1,5"),
    OLESTR("2.5"), OLESTR("-2.5"), OLESTR("0.5"), OLESTR("-0.5"), OLESTR("3.5"), OLESTR("0,5"), OLESTR(".5"),
    OLESTR("5."), OLESTR("-.5"), OLESTR("1.5e0"), OLESTR("1e3"), OLESTR("1E3"), OLESTR("1e+3"), OLESTR("1e-3"),
    OLESTR("1.e3"), OLESTR("1e"), OLESTR("e5"), OLESTR("1d3"), OLESTR("1D3"), OLESTR("1e400"), OLESTR("1e-400"),
    OLESTR("1e308"), OLESTR("1.7976931348623157e308"), OLESTR("4.9e-324"), OLESTR("&HFF"), OLESTR("&hff"),
    OLESTR("&HFFFF"), OLESTR("&H7FFF"), OLESTR("&H8000"), OLESTR("&HFFFFFFFF"), OLESTR("&H7FFFFFFF"),
    OLESTR("&H80000000"), OLESTR("&H100000000"), OLESTR("&HFFFFFFFFFFFFFFFF"), OLESTR("&H"), OLESTR("&HG"),
    OLESTR("-&H10"), OLESTR("&H10.5"), OLESTR("&O17"), OLESTR("&o17"), OLESTR("&O777"), OLESTR("&O8"),
    OLESTR("&B101"), OLESTR("0x10"), OLESTR("(5)"), OLESTR("(5"), OLESTR("5)"), OLESTR("-(5)"), OLESTR("(-5)"),
    OLESTR("( 5 )"), OLESTR("5-"), OLESTR("5+"), OLESTR("5 -"), OLESTR("-5"), OLESTR("$5"), OLESTR("$5.50"),
    OLESTR("-$5"), OLESTR("$-5"), OLESTR("($5)"), OLESTR("5$"), OLESTR("\x20AC" "5"), OLESTR("5 \x20AC"),
    OLESTR("5\x20AC"), OLESTR("100%"), OLESTR("True"), OLESTR("true"), OLESTR("TRUE"), OLESTR("False"),
    OLESTR("false"), OLESTR(" True "), OLESTR("#TRUE#"), OLESTR("Yes"), OLESTR("On"), OLESTR("Wahr"),
    OLESTR("Falsch"), OLESTR("Vrai"), OLESTR("Faux"), OLESTR("abc"), OLESTR("12abc"), OLESTR("NaN"),
    OLESTR("Inf"), OLESTR("-Infinity"), OLESTR("1.#INF"), OLESTR("1/2/2000"), OLESTR("2000-01-02"),
    OLESTR("2000/01/02"), OLESTR("1.2.2000"), OLESTR("02.01.2000"), OLESTR("January 1, 2000"),
    OLESTR("January 1, 2000 3:04 PM"), OLESTR("1 Jan 2000"), OLESTR("Jan 1 2000"), OLESTR("1 Januar 2000"),
    OLESTR("3:04 PM"), OLESTR("15:04:05"), OLESTR("12:00:00 AM"), OLESTR("12:00 PM"), OLESTR("1/2/2000 13:14:15"),
    OLESTR("31/12/1999"), OLESTR("12/31/1999"), OLESTR("2/30/2000"), OLESTR("2/29/2000"), OLESTR("2/29/1900"),
    OLESTR("1/1/100"), OLESTR("1/1/99"), OLESTR("1/1/29"), OLESTR("1/1/30"), OLESTR("12/31/9999"),
    OLESTR("1/1/10000"), OLESTR("25:00"), OLESTR("12:60"), OLESTR("255"), OLESTR("256"), OLESTR("-128"),
    OLESTR("-129"), OLESTR("127.5"), OLESTR("128.5"), OLESTR("254.5"), OLESTR("255.5"), OLESTR("32767"),
    OLESTR("32768"), OLESTR("-32768"), OLESTR("-32769"), OLESTR("65535"), OLESTR("65536"), OLESTR("2147483647"),
    OLESTR("2147483648"), OLESTR("2147483647.5"), OLESTR("-2147483648"), OLESTR("-2147483649"),
    OLESTR("4294967295"), OLESTR("4294967296"), OLESTR("9223372036854775807"), OLESTR("9223372036854775808"),
    OLESTR("-9223372036854775808"), OLESTR("-9223372036854775809"), OLESTR("18446744073709551615"),
    OLESTR("18446744073709551616"), OLESTR("922337203685477.5807"), OLESTR("922337203685477.5808"),
    OLESTR("-922337203685477.5808"), OLESTR("0.00005"), OLESTR("0.00015"), OLESTR("1.23456789012345678"),
    OLESTR("79228162514264337593543950335"), OLESTR("79228162514264337593543950336"),
    OLESTR("-79228162514264337593543950335"), OLESTR("7.9228162514264337593543950335"),
    OLESTR("0.0000000000000000000000000001"), OLESTR("0.00000000000000000000000000005"),
    OLESTR("0.00000000000000000000000000015"), OLESTR("1.23456789012345678901234567890123456789"),
    OLESTR("10000000000000000000000000000000000000000"),
    OLESTR("0.1234567890123456789012345678901234567890123456789012345678901234567890"),
    OLESTR("2958465"), OLESTR("2958466"), OLESTR("-657434"), OLESTR("36526.5"),
};

static void add_strings(void)
{
    size_t i;
    src_case *c;
    for (i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        pu_line lab;
        pu_reset(&lab);
        pu_wsz(&lab, strs[i]);
        c = add_src(G_STR, "BSTR(%s)", lab.s);
        V_VT(&c->v) = VT_BSTR;
        V_BSTR(&c->v) = SysAllocString(strs[i]);
    }
    /* generated long strings */
    {
        OLECHAR buf[520];
        int k;
        for (k = 0; k < 400; k++)
            buf[k] = '9';
        c = add_src(G_STR, "BSTR(9x400)");
        V_VT(&c->v) = VT_BSTR;
        V_BSTR(&c->v) = SysAllocStringLen(buf, 400);
        buf[0] = '0';
        buf[1] = '.';
        for (k = 2; k < 302; k++)
            buf[k] = '0';
        buf[302] = '1';
        c = add_src(G_STR, "BSTR(0.{300x0}1)");
        V_VT(&c->v) = VT_BSTR;
        V_BSTR(&c->v) = SysAllocStringLen(buf, 303);
        buf[0] = '1';
        for (k = 1; k < 500; k++)
            buf[k] = '0';
        c = add_src(G_STR, "BSTR(1{499x0})");
        V_VT(&c->v) = VT_BSTR;
        V_BSTR(&c->v) = SysAllocStringLen(buf, 500);
        /* an embedded NUL: conversions read up to it */
        buf[0] = '1';
        buf[1] = '2';
        buf[2] = 0;
        buf[3] = '3';
        c = add_src(G_STR, "BSTR(12\\u00003)");
        V_VT(&c->v) = VT_BSTR;
        V_BSTR(&c->v) = SysAllocStringLen(buf, 4);
        c = add_src(G_STR, "BSTR(NULL)");
        V_VT(&c->v) = VT_BSTR;
        V_BSTR(&c->v) = NULL;
    }
}

static void add_misc(void)
{
    static const VARIANT_BOOL bools[] = {0, -1, 1, 2, -2};
    static const SCODE errors[] = {0, 1, (SCODE)0x80020004, -1};
    size_t i;
    src_case *c;
    c = add_src(G_PLAIN, "EMPTY");
    V_VT(&c->v) = VT_EMPTY;
    c = add_src(G_PLAIN, "NULL");
    V_VT(&c->v) = VT_NULL;
    for (i = 0; i < sizeof bools / sizeof bools[0]; i++) {
        c = add_src(G_BOOL, "BOOL(%d)", (int)bools[i]);
        V_VT(&c->v) = VT_BOOL;
        V_BOOL(&c->v) = bools[i];
    }
    for (i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        c = add_src(G_PLAIN, "ERROR(%08X)", (unsigned)errors[i]);
        V_VT(&c->v) = VT_ERROR;
        V_ERROR(&c->v) = errors[i];
    }
    for (i = 0; i < OBJ_COUNT; i++) {
        c = add_src(G_OBJ, "DISPATCH(%s)", obj_names[i]);
        V_VT(&c->v) = VT_DISPATCH;
        V_DISPATCH(&c->v) = &objs[i].iface;
        c->obj = (int)i;
    }
    c = add_src(G_OBJ, "DISPATCH(null)");
    V_VT(&c->v) = VT_DISPATCH;
    V_DISPATCH(&c->v) = NULL;
    for (i = 0; i < OBJ_COUNT; i += 2) { /* obj_i4, obj_fail, obj_unk */
        c = add_src(G_OBJ, "UNKNOWN(%s)", obj_names[i]);
        V_VT(&c->v) = VT_UNKNOWN;
        V_UNKNOWN(&c->v) = (IUnknown *)&objs[i].iface;
        c->obj = (int)i;
    }
    c = add_src(G_OBJ, "UNKNOWN(null)");
    V_VT(&c->v) = VT_UNKNOWN;
    V_UNKNOWN(&c->v) = NULL;
}

static void add_byrefs(void)
{
    src_case *c;
    ref_i4[0] = 5;
    ref_i4[1] = -70000;
    ref_r8[0] = 2.5;
    ref_r8[1] = -1.5;
    ref_r8[2] = 1e20;
    ref_bstr[0] = SysAllocString(OLESTR("12"));
    ref_bstr[1] = SysAllocString(OLESTR("abc"));
    ref_bstr[2] = NULL;
    VariantInit(&ref_var[0]);
    V_VT(&ref_var[0]) = VT_I4;
    V_I4(&ref_var[0]) = 300;
    VariantInit(&ref_var[1]);
    V_VT(&ref_var[1]) = VT_BSTR;
    V_BSTR(&ref_var[1]) = SysAllocString(OLESTR("2.5"));
    VariantInit(&ref_var[2]);
    V_VT(&ref_var[2]) = VT_EMPTY;
    VariantInit(&ref_var[3]);
    V_VT(&ref_var[3]) = VT_BYREF | VT_I4;
    V_I4REF(&ref_var[3]) = &ref_i4[0];
    memset(&ref_dec[0], 0, sizeof ref_dec[0]);
    ref_dec[0].scale = 1;
    ref_dec[0].Lo32 = 25;
    ref_i2[0] = -2;
    ref_bool[0] = VARIANT_TRUE;
    ref_ui1[0] = 200;
    ref_cy[0].int64 = 15000;
    ref_date[0] = 36526.5;
    ref_disp[0] = &objs[OBJ_I4].iface;

#define BYREF_SRC(label, vtype, field, ptr) \
    c = add_src(G_BYREF, label);             \
    V_VT(&c->v) = VT_BYREF | (vtype);        \
    field(&c->v) = (ptr)
    BYREF_SRC("BYREF|I4(5)", VT_I4, V_I4REF, &ref_i4[0]);
    BYREF_SRC("BYREF|I4(-70000)", VT_I4, V_I4REF, &ref_i4[1]);
    BYREF_SRC("BYREF|R8(2.5)", VT_R8, V_R8REF, &ref_r8[0]);
    BYREF_SRC("BYREF|R8(-1.5)", VT_R8, V_R8REF, &ref_r8[1]);
    BYREF_SRC("BYREF|R8(1e20)", VT_R8, V_R8REF, &ref_r8[2]);
    BYREF_SRC("BYREF|BSTR(\"12\")", VT_BSTR, V_BSTRREF, &ref_bstr[0]);
    BYREF_SRC("BYREF|BSTR(\"abc\")", VT_BSTR, V_BSTRREF, &ref_bstr[1]);
    BYREF_SRC("BYREF|BSTR(NULL)", VT_BSTR, V_BSTRREF, &ref_bstr[2]);
    BYREF_SRC("BYREF|VARIANT(I4(300))", VT_VARIANT, V_VARIANTREF, &ref_var[0]);
    BYREF_SRC("BYREF|VARIANT(BSTR(\"2.5\"))", VT_VARIANT, V_VARIANTREF, &ref_var[1]);
    BYREF_SRC("BYREF|VARIANT(EMPTY)", VT_VARIANT, V_VARIANTREF, &ref_var[2]);
    BYREF_SRC("BYREF|VARIANT(BYREF|I4(5))", VT_VARIANT, V_VARIANTREF, &ref_var[3]);
    BYREF_SRC("BYREF|DECIMAL(2.5)", VT_DECIMAL, V_DECIMALREF, &ref_dec[0]);
    BYREF_SRC("BYREF|I2(-2)", VT_I2, V_I2REF, &ref_i2[0]);
    BYREF_SRC("BYREF|BOOL(-1)", VT_BOOL, V_BOOLREF, &ref_bool[0]);
    BYREF_SRC("BYREF|UI1(200)", VT_UI1, V_UI1REF, &ref_ui1[0]);
    BYREF_SRC("BYREF|CY(1.5)", VT_CY, V_CYREF, &ref_cy[0]);
    BYREF_SRC("BYREF|DATE(36526.5)", VT_DATE, V_DATEREF, &ref_date[0]);
    BYREF_SRC("BYREF|DISPATCH(obj_i4)", VT_DISPATCH, V_DISPATCHREF, &ref_disp[0]);
    c->obj = OBJ_I4;
#undef BYREF_SRC
}

/* ---- the current year --------------------------------------------------- */
/* A date string without a year ("1.5" in German is the 1st of May) means
 * this year, so such results change every January.  A result inside the
 * current year is printed relative to its 1 January ("DATE:THISYEAR+..."),
 * which both sides compute from the same clock. */

#include <time.h>

static double this_year_start, next_year_start;

/* days from 1899-12-30 to y-01-01 (proleptic Gregorian) */
static double jan1(int y)
{
    long long days = 0;
    int k;
    if (y >= 1900)
        for (k = 1900; k < y; k++)
            days += (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0)) ? 366 : 365;
    return (double)(days + 2);
}

static void year_init(void)
{
    time_t now = time(NULL);
    struct tm *tm = localtime(&now);
    int y = tm ? tm->tm_year + 1900 : 2000;
    this_year_start = jan1(y);
    next_year_start = jan1(y + 1);
}

static void print_result(pu_line *res, const VARIANT *v)
{
    if (V_VT(v) == VT_DATE && V_DATE(v) >= this_year_start && V_DATE(v) < next_year_start) {
        pu_add(res, "DATE:THISYEAR+0x%016llX", (unsigned long long)pu_r8bits(V_DATE(v) - this_year_start));
        return;
    }
    pu_variant(res, v);
}

/* ---- running one case --------------------------------------------------- */

static void run_case(const src_case *sc, VARTYPE vt, LCID lcid, USHORT flags)
{
    pu_line key, res;
    VARIANT dst, before;
    HRESULT hr;
    LONG refs0 = 0;
    probe_obj *o = sc->obj >= 0 ? &objs[sc->obj] : NULL;

    pu_reset(&key);
    pu_reset(&res);
    pu_add(&key, "%s -> ", sc->label);
    pu_vt(&key, vt);
    pu_add(&key, " lcid=%04X f=%X", (unsigned)lcid, (unsigned)flags);

    if (o) {
        o->invokes = 0;
        refs0 = o->refs;
    }
    memcpy(&before, &sc->v, sizeof before);
    VariantInit(&dst);
    V_VT(&dst) = VT_I4;
    V_I4(&dst) = 0x5A5A5A5A;
    hr = VariantChangeTypeEx(&dst, (VARIANTARG *)&sc->v, lcid, flags, vt);
    pu_hr(&res, hr);
    if (SUCCEEDED(hr)) {
        pu_add(&res, " ");
        print_result(&res, &dst);
    } else if (!(V_VT(&dst) == VT_I4 && V_I4(&dst) == 0x5A5A5A5A)) {
        pu_add(&res, " dest=");
        pu_variant(&res, &dst);
    }
    if (memcmp(&before, &sc->v, sizeof before) != 0)
        pu_add(&res, " SRCMOD");
    if (o) {
        if (o->invokes)
            pu_add(&res, " inv=%d(id=%d,fl=%u,n=%u,lcid=%04X)", o->invokes, (int)o->last_id,
                   (unsigned)o->last_flags, (unsigned)o->last_cargs, (unsigned)o->last_lcid);
        pu_add(&res, " refs=%+d", (int)(o->refs - refs0));
    }
    if (SUCCEEDED(hr) || !(V_VT(&dst) == VT_I4 && V_I4(&dst) == 0x5A5A5A5A))
        VariantClear(&dst);
    if (o && o->refs != refs0)
        pu_add(&res, " LEAK");
    pu_emit(&key, &res);
}

static const VARTYPE targets[] = {
    VT_EMPTY, VT_NULL, VT_I1, VT_UI1, VT_I2, VT_UI2, VT_I4, VT_UI4, VT_I8, VT_UI8, VT_INT, VT_UINT,
    VT_R4, VT_R8, VT_CY, VT_DATE, VT_BSTR, VT_BOOL, VT_ERROR, VT_DECIMAL, VT_VARIANT, VT_DISPATCH, VT_UNKNOWN,
};
#define NTARGETS (sizeof targets / sizeof targets[0])

static int is_text_target(VARTYPE vt)
{
    return vt == VT_BSTR || vt == VT_BOOL || vt == VT_DATE;
}

int main(void)
{
    static const LCID main_lcids[] = {0x0409, 0x0407};
    static const LCID more_lcids[] = {0x040C, LOCALE_INVARIANT};
    static const USHORT bool_flags[] = {VARIANT_ALPHABOOL, VARIANT_LOCALBOOL, VARIANT_ALPHABOOL | VARIANT_LOCALBOOL};
    int s;
    size_t t, l, f;

    pu_start("varchange");
    year_init();
    objs_init();
    add_misc();
    add_ints();
    add_reals();
    add_cys();
    add_dates();
    add_decs();
    add_strings();
    add_byrefs();

    for (s = 0; s < nsrc; s++) {
        const src_case *sc = &srcs[s];
        for (t = 0; t < NTARGETS; t++) {
            VARTYPE vt = targets[t];
            /* every source x every target in en-US and de-DE, no flags */
            for (l = 0; l < 2; l++)
                run_case(sc, vt, main_lcids[l], 0);
            /* French and invariant where text is involved */
            if (sc->group == G_STR || sc->group == G_BOOL || (vt == VT_BSTR && sc->group != G_OBJ))
                for (l = 0; l < 2; l++)
                    run_case(sc, vt, more_lcids[l], 0);
            /* the boolean flags change BOOL <-> text only */
            if ((sc->group == G_BOOL && is_text_target(vt)) || (sc->group == G_STR && vt == VT_BOOL))
                for (l = 0; l < 2; l++)
                    for (f = 0; f < sizeof bool_flags / sizeof bool_flags[0]; f++)
                        run_case(sc, vt, main_lcids[l], bool_flags[f]);
            if (sc->group == G_BOOL && is_text_target(vt))
                for (f = 0; f < sizeof bool_flags / sizeof bool_flags[0]; f++)
                    run_case(sc, vt, 0x040C, bool_flags[f]);
            /* NOVALUEPROP changes how objects convert */
            if (sc->group == G_OBJ || sc->group == G_BYREF)
                run_case(sc, vt, 0x0409, VARIANT_NOVALUEPROP);
            /* the default locales are en-US here */
            if (sc->group == G_STR && (vt == VT_R8 || vt == VT_DATE || vt == VT_BSTR))
                for (l = 0; l < 3; l++)
                    run_case(sc, vt, l == 0 ? 0x0400 : l == 1 ? 0x0800 : 0x0000, 0);
        }
    }

    /* Which VARTYPEs are refused, and with what: one value per source type
     * into every VARTYPE 0..0x4A and some flagged ones. */
    {
        static const VARTYPE odd_targets[] = {
            VT_BYREF | VT_I4,   VT_ARRAY | VT_I4,   VT_ARRAY | VT_UI1, VT_VECTOR | VT_I4,
            VT_ARRAY | VT_VARIANT, 0x0FFF, 0xFFFF, 0x8000 | VT_I4,
        };
        static const char *const probes[] = {"EMPTY", "NULL", "I2(1)", "I4(1)", "R8(1.5)", "CY(1)", "DATE(1.5)",
                                             "BSTR(\"1\")", "DISPATCH(obj_i4)", "ERROR(80020004)", "BOOL(-1)",
                                             "UNKNOWN(obj_i4)", "DECIMAL(1)", "I1(1)", "UI8(1)", "INT(1)"};
        size_t p;
        for (p = 0; p < sizeof probes / sizeof probes[0]; p++) {
            const src_case *sc = NULL;
            int k;
            for (k = 0; k < nsrc; k++)
                if (strcmp(srcs[k].label, probes[p]) == 0)
                    sc = &srcs[k];
            if (!sc)
                continue;
            for (k = 0; k <= 0x4A; k++) {
                int listed = 0;
                for (t = 0; t < NTARGETS; t++)
                    if (targets[t] == k)
                        listed = 1;
                if (!listed)
                    run_case(sc, (VARTYPE)k, 0x0409, 0);
            }
            for (t = 0; t < sizeof odd_targets / sizeof odd_targets[0]; t++)
                run_case(sc, odd_targets[t], 0x0409, 0);
        }
    }

    /* Source VARTYPEs that are not valid in a VARIANT. */
    {
        static const VARTYPE bad_srcs[] = {15, 0x20, 0x48, VT_VOID, VT_HRESULT, VT_PTR, VT_INT_PTR,
                                           VT_VARIANT, VT_VECTOR | VT_I4, 0x8000 | VT_I4, 0x0FFF};
        static const VARTYPE some_targets[] = {VT_EMPTY, VT_I4, VT_R8, VT_BSTR, VT_BOOL, 15};
        size_t b;
        for (b = 0; b < sizeof bad_srcs / sizeof bad_srcs[0]; b++) {
            src_case sc;
            pu_line name;
            pu_reset(&name);
            pu_vt(&name, bad_srcs[b]);
            snprintf(sc.label, sizeof sc.label, "%.100s(0)", name.s);
            VariantInit(&sc.v);
            V_VT(&sc.v) = bad_srcs[b];
            V_I8(&sc.v) = 0;
            sc.obj = -1;
            sc.group = G_PLAIN;
            for (t = 0; t < sizeof some_targets / sizeof some_targets[0]; t++)
                run_case(&sc, some_targets[t], 0x0409, 0);
        }
    }

    /* In-place conversion (destination == source). */
    {
        static const VARTYPE inplace_targets[] = {VT_I4, VT_R8, VT_BSTR, VT_BOOL, VT_UI1, VT_DECIMAL};
        for (s = 0; s < nsrc; s++) {
            const src_case *sc = &srcs[s];
            if (sc->group == G_OBJ || sc->group == G_BYREF)
                continue;
            if (strcmp(sc->label, "I4(1)") && strcmp(sc->label, "R8(2.5)") && strcmp(sc->label, "BSTR(\"1,000\")") &&
                strcmp(sc->label, "BSTR(\"abc\")") && strcmp(sc->label, "DECIMAL(-2.5)") && strcmp(sc->label, "BOOL(-1)") &&
                strcmp(sc->label, "CY(1.5)") && strcmp(sc->label, "DATE(36526.75)"))
                continue;
            for (t = 0; t < sizeof inplace_targets / sizeof inplace_targets[0]; t++) {
                VARIANT v;
                pu_line key, res;
                HRESULT hr;
                VariantInit(&v);
                VariantCopy(&v, (VARIANTARG *)&sc->v);
                pu_reset(&key);
                pu_reset(&res);
                pu_add(&key, "INPLACE %s -> ", sc->label);
                pu_vt(&key, inplace_targets[t]);
                hr = VariantChangeTypeEx(&v, &v, 0x0409, 0, inplace_targets[t]);
                pu_hr(&res, hr);
                pu_add(&res, " ");
                pu_variant(&res, &v);
                VariantClear(&v);
                pu_emit(&key, &res);
            }
        }
    }

    /* SAFEARRAY sources: only BSTR <-> ARRAY|UI1 and same-type array
     * copies convert; the rest must be refused cleanly. */
    {
        static const VARTYPE arr_targets[] = {VT_EMPTY, VT_NULL, VT_I4, VT_BSTR, VT_VARIANT, VT_ARRAY | VT_UI1,
                                              VT_ARRAY | VT_I4, VT_ARRAY | VT_VARIANT, VT_ARRAY | VT_BSTR,
                                              VT_BYREF | VT_ARRAY | VT_UI1};
        static const BYTE bytes[] = {0x41, 0x00, 0x42, 0x00, 0xAC, 0x20, 0x43};
        static const struct {
            const char *label;
            VARTYPE vt;
            ULONG n;
        } arrs[] = {
            {"ARRAY|UI1(41 00 42 00)", VT_UI1, 4}, {"ARRAY|UI1(41 00 42 00 AC 20 43)", VT_UI1, 7},
            {"ARRAY|UI1()", VT_UI1, 0},            {"ARRAY|I4(0,0)", VT_I4, 2},
            {"ARRAY|VARIANT(EMPTY)", VT_VARIANT, 1},
        };
        size_t a;
        for (a = 0; a < sizeof arrs / sizeof arrs[0]; a++) {
            src_case sc;
            SAFEARRAY *psa = SafeArrayCreateVector(arrs[a].vt, 0, arrs[a].n);
            if (psa && arrs[a].vt == VT_UI1)
                memcpy(psa->pvData, bytes, arrs[a].n);
            snprintf(sc.label, sizeof sc.label, "%s", arrs[a].label);
            VariantInit(&sc.v);
            V_VT(&sc.v) = (VARTYPE)(VT_ARRAY | arrs[a].vt);
            V_ARRAY(&sc.v) = psa;
            sc.obj = -1;
            sc.group = G_PLAIN;
            for (t = 0; t < sizeof arr_targets / sizeof arr_targets[0]; t++)
                run_case(&sc, arr_targets[t], 0x0409, 0);
            VariantClear(&sc.v);
        }
        for (s = 0; s < nsrc; s++) {
            const src_case *sc = &srcs[s];
            if (strcmp(sc->label, "BSTR(\"abc\")") && strcmp(sc->label, "BSTR(\"\")") &&
                strcmp(sc->label, "BSTR(NULL)") && strcmp(sc->label, "BSTR(\"\\u20AC5\")"))
                continue;
            for (t = 0; t < sizeof arr_targets / sizeof arr_targets[0]; t++)
                if (arr_targets[t] & VT_ARRAY)
                    run_case(sc, arr_targets[t], 0x0409, 0);
        }
    }

    for (s = 0; s < nsrc; s++)
        if (srcs[s].obj < 0 && (V_VT(&srcs[s].v) & VT_BYREF) == 0)
            VariantClear(&srcs[s].v);
    for (s = 0; s < 4; s++) {
        SysFreeString(ref_bstr[s]);
        VariantClear(&ref_var[s]);
    }
    {
        /* every reference the conversions took was given back */
        int i;
        for (i = 0; i < OBJ_COUNT; i++)
            printf("REFS %s at end => %d\n", obj_names[i], (int)objs[i].refs);
    }
    fflush(stdout);
    return 0;
}
