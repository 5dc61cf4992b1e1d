/*
 * vararith_probe.c — the CY / DECIMAL arithmetic and the comparisons the
 * conversions rely on: VarCyAdd/Sub/Mul/MulI4/MulI8/Abs/Fix/Int/Neg/Round,
 * VarCyCmp/VarCyCmpR8, VarDecAdd/Sub/Mul/Div/Abs/Fix/Int/Neg/Round,
 * VarDecCmp/VarDecCmpR8, VarR8Round, VarR4CmpR8, VarCmp over mixed VARIANTs,
 * VarBstrCmp and VarBstrCat.
 *
 * Results: HRESULT, then the CY as int64, the DECIMAL as sign/scale/hi/mid/lo,
 * doubles as bit patterns.  Comparison functions print their HRESULT, which
 * is the VARCMP_* value.
 */
#include "probe_util.h"

static const struct {
    const char *label;
    LONGLONG v;
} cys[] = {
    {"0", 0},
    {"0.0001", 1},
    {"-0.0001", -1},
    {"0.5", 5000},
    {"-0.5", -5000},
    {"1", 10000},
    {"-1", -10000},
    {"1.5", 15000},
    {"2.5", 25000},
    {"-2.5", -25000},
    {"1234.5678", 12345678},
    {"-0.0051", -51},
    {"3037000499.9762", 30370004999762LL},
    {"MAX", 9223372036854775807LL},
    {"MIN", -9223372036854775807LL - 1},
};

static const struct {
    const char *label;
    BYTE sign, scale;
    ULONG hi, mid, lo;
} decs[] = {
    {"0", 0, 0, 0, 0, 0},
    {"-0", 0x80, 0, 0, 0, 0},
    {"1", 0, 0, 0, 0, 1},
    {"-1", 0x80, 0, 0, 0, 1},
    {"1.00", 0, 2, 0, 0, 100},
    {"0.5", 0, 1, 0, 0, 5},
    {"2.5", 0, 1, 0, 0, 25},
    {"-2.5", 0x80, 1, 0, 0, 25},
    {"3", 0, 0, 0, 0, 3},
    {"1e-28", 0, 28, 0, 0, 1},
    {"12345.6789", 0, 4, 0, 0, 123456789},
    {"2^64", 0, 0, 1, 0, 0},
    {"MAX", 0, 0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
    {"-MAX", 0x80, 0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
    {"MAX/1e28", 0, 28, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
    {"bad_scale29", 0, 29, 0, 0, 1},
};

#define NCY (sizeof cys / sizeof cys[0])
#define NDEC (sizeof decs / sizeof decs[0])

static CY cy_at(size_t i)
{
    CY c;
    c.int64 = cys[i].v;
    return c;
}

static DECIMAL dec_at(size_t i)
{
    DECIMAL d;
    memset(&d, 0, sizeof d);
    d.sign = decs[i].sign;
    d.scale = decs[i].scale;
    d.Hi32 = decs[i].hi;
    d.Mid32 = decs[i].mid;
    d.Lo32 = decs[i].lo;
    return d;
}


static void cy_result(HRESULT hr, const CY *c)
{
    pu_hr(&res, hr);
    if (SUCCEEDED(hr))
        pu_add(&res, " CY:%lld", (long long)c->int64);
}

static void dec_result(HRESULT hr, const DECIMAL *d)
{
    pu_hr(&res, hr);
    if (SUCCEEDED(hr)) {
        pu_add(&res, " DEC:");
        pu_dec(&res, d);
    }
}

static const struct {
    const char *label;
    double d;
} dbls[] = {
    {"0", 0.0}, {"1", 1.0}, {"-1", -1.0}, {"0.5", 0.5}, {"2.5", 2.5}, {"1234.5678", 1234.5678},
    {"0.00005", 0.00005}, {"1e20", 1e20}, {"-1e20", -1e20}, {"1/3", 1.0 / 3.0},
};

int main(void)
{
    size_t i, j;
    int n;

    pu_start("vararith");

    /* ---- CY ---- */
    for (i = 0; i < NCY; i++)
        for (j = 0; j < NCY; j++) {
            CY out;
            begin("VarCyAdd(%s, %s)", cys[i].label, cys[j].label);
            cy_result(VarCyAdd(cy_at(i), cy_at(j), &out), &out);
            end();
            begin("VarCySub(%s, %s)", cys[i].label, cys[j].label);
            cy_result(VarCySub(cy_at(i), cy_at(j), &out), &out);
            end();
            begin("VarCyMul(%s, %s)", cys[i].label, cys[j].label);
            cy_result(VarCyMul(cy_at(i), cy_at(j), &out), &out);
            end();
            begin("VarCyCmp(%s, %s)", cys[i].label, cys[j].label);
            pu_hr(&res, VarCyCmp(cy_at(i), cy_at(j)));
            end();
        }
    for (i = 0; i < NCY; i++) {
        static const LONG i4s[] = {0, 1, -1, 2, 10000, 2147483647, -2147483647 - 1};
        static const LONG64 i8s[] = {0, 1, -1, 3, 922337203685477LL, -9223372036854775807LL - 1};
        CY out;
        for (j = 0; j < sizeof i4s / sizeof i4s[0]; j++) {
            begin("VarCyMulI4(%s, %d)", cys[i].label, (int)i4s[j]);
            cy_result(VarCyMulI4(cy_at(i), i4s[j], &out), &out);
            end();
        }
        for (j = 0; j < sizeof i8s / sizeof i8s[0]; j++) {
            begin("VarCyMulI8(%s, %lld)", cys[i].label, (long long)i8s[j]);
            cy_result(VarCyMulI8(cy_at(i), i8s[j], &out), &out);
            end();
        }
        begin("VarCyAbs(%s)", cys[i].label);
        cy_result(VarCyAbs(cy_at(i), &out), &out);
        end();
        begin("VarCyFix(%s)", cys[i].label);
        cy_result(VarCyFix(cy_at(i), &out), &out);
        end();
        begin("VarCyInt(%s)", cys[i].label);
        cy_result(VarCyInt(cy_at(i), &out), &out);
        end();
        begin("VarCyNeg(%s)", cys[i].label);
        cy_result(VarCyNeg(cy_at(i), &out), &out);
        end();
        for (n = -1; n <= 5; n++) {
            begin("VarCyRound(%s, %d)", cys[i].label, n);
            cy_result(VarCyRound(cy_at(i), n, &out), &out);
            end();
        }
        for (j = 0; j < sizeof dbls / sizeof dbls[0]; j++) {
            begin("VarCyCmpR8(%s, %s)", cys[i].label, dbls[j].label);
            pu_hr(&res, VarCyCmpR8(cy_at(i), dbls[j].d));
            end();
        }
    }

    /* ---- DECIMAL ---- */
    for (i = 0; i < NDEC; i++)
        for (j = 0; j < NDEC; j++) {
            DECIMAL a = dec_at(i), b = dec_at(j), out;
            memset(&out, 0, sizeof out);
            begin("VarDecAdd(%s, %s)", decs[i].label, decs[j].label);
            dec_result(VarDecAdd(&a, &b, &out), &out);
            end();
            begin("VarDecSub(%s, %s)", decs[i].label, decs[j].label);
            dec_result(VarDecSub(&a, &b, &out), &out);
            end();
            begin("VarDecMul(%s, %s)", decs[i].label, decs[j].label);
            dec_result(VarDecMul(&a, &b, &out), &out);
            end();
            begin("VarDecDiv(%s, %s)", decs[i].label, decs[j].label);
            dec_result(VarDecDiv(&a, &b, &out), &out);
            end();
            begin("VarDecCmp(%s, %s)", decs[i].label, decs[j].label);
            pu_hr(&res, VarDecCmp(&a, &b));
            end();
        }
    for (i = 0; i < NDEC; i++) {
        static const int rounds[] = {-1, 0, 1, 2, 5, 28, 29};
        DECIMAL a = dec_at(i), out;
        memset(&out, 0, sizeof out);
        begin("VarDecAbs(%s)", decs[i].label);
        dec_result(VarDecAbs(&a, &out), &out);
        end();
        begin("VarDecFix(%s)", decs[i].label);
        dec_result(VarDecFix(&a, &out), &out);
        end();
        begin("VarDecInt(%s)", decs[i].label);
        dec_result(VarDecInt(&a, &out), &out);
        end();
        begin("VarDecNeg(%s)", decs[i].label);
        dec_result(VarDecNeg(&a, &out), &out);
        end();
        for (j = 0; j < sizeof rounds / sizeof rounds[0]; j++) {
            begin("VarDecRound(%s, %d)", decs[i].label, rounds[j]);
            dec_result(VarDecRound(&a, rounds[j], &out), &out);
            end();
        }
        for (j = 0; j < sizeof dbls / sizeof dbls[0]; j++) {
            begin("VarDecCmpR8(%s, %s)", decs[i].label, dbls[j].label);
            pu_hr(&res, VarDecCmpR8(&a, dbls[j].d));
            end();
        }
    }

    /* ---- doubles ---- */
    {
        static const struct {
            const char *label;
            double d;
        } r8s[] = {
            {"0.5", 0.5},       {"1.5", 1.5},           {"2.5", 2.5},         {"-2.5", -2.5},
            {"0.125", 0.125},   {"0.375", 0.375},       {"1.005", 1.005},     {"2.675", 2.675},
            {"123.456", 123.456}, {"-0.5", -0.5},       {"1e20", 1e20},       {"1/3", 1.0 / 3.0},
            {"0.045", 0.045},   {"12345.6789", 12345.6789},
        };
        for (i = 0; i < sizeof r8s / sizeof r8s[0]; i++)
            for (n = -1; n <= 4; n++) {
                double out = -777.0;
                HRESULT hr;
                begin("VarR8Round(%s, %d)", r8s[i].label, n);
                hr = VarR8Round(r8s[i].d, n, &out);
                pu_hr(&res, hr);
                if (SUCCEEDED(hr))
                    pu_add(&res, " R8:0x%016llX", (unsigned long long)pu_r8bits(out));
                end();
            }
        {
            static const struct {
                const char *label;
                float f;
                double d;
            } r4r8[] = {
                {"0.1f vs 0.1", 0.1f, 0.1},   {"0.5f vs 0.5", 0.5f, 0.5},     {"1f vs 2", 1.0f, 2.0},
                {"2f vs 1", 2.0f, 1.0},       {"0.1f vs (double)0.1f", 0.1f, (double)0.1f},
                {"1e30f vs 1e30", 1e30f, 1e30}, {"-0f vs 0", -0.0f, 0.0},
            };
            for (i = 0; i < sizeof r4r8 / sizeof r4r8[0]; i++) {
                begin("VarR4CmpR8(%s)", r4r8[i].label);
                pu_hr(&res, VarR4CmpR8(r4r8[i].f, r4r8[i].d));
                end();
            }
        }
    }

    /* ---- VarCmp over mixed VARIANTs ---- */
    {
        enum { NV = 16 };
        VARIANT v[NV];
        const char *names[NV];
        int k = 0, a, b;
        static const ULONG cmp_flags[] = {0, NORM_IGNORECASE};
        static const LCID cmp_lcids[] = {0x0409, 0x0407};
        size_t f, l;
#define ADDV(label, setup)     \
    VariantInit(&v[k]);        \
    names[k] = label;          \
    setup;                     \
    k++
        ADDV("EMPTY", V_VT(&v[k]) = VT_EMPTY);
        ADDV("NULL", V_VT(&v[k]) = VT_NULL);
        ADDV("I4(1)", (V_VT(&v[k]) = VT_I4, V_I4(&v[k]) = 1));
        ADDV("I4(2)", (V_VT(&v[k]) = VT_I4, V_I4(&v[k]) = 2));
        ADDV("I2(-1)", (V_VT(&v[k]) = VT_I2, V_I2(&v[k]) = -1));
        ADDV("R8(1)", (V_VT(&v[k]) = VT_R8, V_R8(&v[k]) = 1.0));
        ADDV("R8(1.5)", (V_VT(&v[k]) = VT_R8, V_R8(&v[k]) = 1.5));
        ADDV("BOOL(-1)", (V_VT(&v[k]) = VT_BOOL, V_BOOL(&v[k]) = VARIANT_TRUE));
        ADDV("CY(1)", (V_VT(&v[k]) = VT_CY, V_CY(&v[k]).int64 = 10000));
        ADDV("DATE(1)", (V_VT(&v[k]) = VT_DATE, V_DATE(&v[k]) = 1.0));
        ADDV("BSTR(\"1\")", (V_VT(&v[k]) = VT_BSTR, V_BSTR(&v[k]) = SysAllocString(OLESTR("1"))));
        ADDV("BSTR(\"abc\")", (V_VT(&v[k]) = VT_BSTR, V_BSTR(&v[k]) = SysAllocString(OLESTR("abc"))));
        ADDV("BSTR(\"ABC\")", (V_VT(&v[k]) = VT_BSTR, V_BSTR(&v[k]) = SysAllocString(OLESTR("ABC"))));
        ADDV("BSTR(\"\")", (V_VT(&v[k]) = VT_BSTR, V_BSTR(&v[k]) = SysAllocString(OLESTR(""))));
        ADDV("UI8(1)", (V_VT(&v[k]) = VT_UI8, V_UI8(&v[k]) = 1));
        ADDV("DECIMAL(1)", (V_DECIMAL(&v[k]) = dec_at(2), V_VT(&v[k]) = VT_DECIMAL));
#undef ADDV
        for (a = 0; a < k; a++)
            for (b = 0; b < k; b++)
                for (l = 0; l < 2; l++)
                    for (f = 0; f < 2; f++) {
                        if ((l || f) && V_VT(&v[a]) != VT_BSTR && V_VT(&v[b]) != VT_BSTR)
                            continue;
                        begin("VarCmp(%s, %s, %04X, %X)", names[a], names[b], (unsigned)cmp_lcids[l],
                              (unsigned)cmp_flags[f]);
                        pu_hr(&res, VarCmp(&v[a], &v[b], cmp_lcids[l], cmp_flags[f]));
                        end();
                    }
        for (a = 0; a < k; a++)
            VariantClear(&v[a]);
    }

    /* ---- BSTR compare and concatenate ---- */
    {
        static const OLECHAR *const strs[] = {
            NULL, OLESTR(""), OLESTR("a"), OLESTR("A"), OLESTR("b"), OLESTR("ab"), OLESTR("abc"), OLESTR("\x00E4"),
            OLESTR("a\x0308"), OLESTR("\xFF21"),
        };
        static const char *const labels[] = {"NULL", "\"\"", "\"a\"", "\"A\"", "\"b\"", "\"ab\"", "\"abc\"",
                                             "\"\\u00E4\"", "\"a\\u0308\"", "\"\\uFF21\""};
        static const ULONG flags[] = {0, NORM_IGNORECASE, NORM_IGNORENONSPACE, NORM_IGNOREWIDTH};
        size_t a, b, f;
        BSTR bs[sizeof strs / sizeof strs[0]];
        for (a = 0; a < sizeof strs / sizeof strs[0]; a++)
            bs[a] = strs[a] ? SysAllocString(strs[a]) : NULL;
        for (a = 0; a < sizeof strs / sizeof strs[0]; a++)
            for (b = 0; b < sizeof strs / sizeof strs[0]; b++) {
                BSTR cat = NULL;
                HRESULT hr;
                for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
                    begin("VarBstrCmp(%s, %s, 0409, %X)", labels[a], labels[b], (unsigned)flags[f]);
                    pu_hr(&res, VarBstrCmp(bs[a], bs[b], 0x0409, flags[f]));
                    end();
                }
                begin("VarBstrCat(%s, %s)", labels[a], labels[b]);
                hr = VarBstrCat(bs[a], bs[b], &cat);
                pu_hr(&res, hr);
                if (SUCCEEDED(hr)) {
                    pu_add(&res, " ");
                    pu_bstr(&res, cat);
                }
                SysFreeString(cat);
                end();
            }
        {
            /* embedded NULs and odd byte lengths */
            BSTR x = SysAllocStringLen(OLESTR("a\0b"), 3), y = SysAllocStringLen(OLESTR("a\0c"), 3);
            BSTR odd = SysAllocStringByteLen("abc", 3), cat = NULL;
            begin("VarBstrCmp(\"a\\0b\", \"a\\0c\", 0409, 0)");
            pu_hr(&res, VarBstrCmp(x, y, 0x0409, 0));
            end();
            begin("VarBstrCat(\"a\\0b\", \"a\\0c\")");
            pu_hr(&res, VarBstrCat(x, y, &cat));
            pu_add(&res, " len=%u ", SysStringLen(cat));
            pu_bstr(&res, cat);
            end();
            SysFreeString(cat);
            cat = NULL;
            begin("VarBstrCat(bytelen3, bytelen3)");
            pu_hr(&res, VarBstrCat(odd, odd, &cat));
            pu_add(&res, " bytes=%u", SysStringByteLen(cat));
            end();
            SysFreeString(cat);
            begin("VarBstrCat(\"a\", \"b\", NULL)");
            pu_hr(&res, VarBstrCat(bs[2], bs[4], NULL));
            end();
            SysFreeString(x);
            SysFreeString(y);
            SysFreeString(odd);
        }
        for (a = 0; a < sizeof strs / sizeof strs[0]; a++)
            SysFreeString(bs[a]);
    }
    fflush(stdout);
    return 0;
}
