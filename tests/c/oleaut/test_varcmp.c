/*
 * test_varcmp.c — VarCmp over type pairs, VarBstrCmp (binary and
 * linguistic), VarBstrCat, VarR4CmpR8, VarR8Round.
 */
#include "comrt_test.h"

static VARIANT vi4(LONG v)
{
    VARIANT x;
    VariantInit(&x);
    V_VT(&x) = VT_I4;
    V_I4(&x) = v;
    return x;
}

TEST(varcmp_types)
{
    VARIANT a = vi4(1), b, n, s, e;
    VariantInit(&b);
    V_VT(&b) = VT_R8;
    V_R8(&b) = 1.5;
    VariantInit(&n);
    V_VT(&n) = VT_NULL;
    VariantInit(&e);
    VariantInit(&s);
    V_VT(&s) = VT_BSTR;
    V_BSTR(&s) = SysAllocString(u"1");
    CHECK_HR(VarCmp(&a, &b, 0x409, 0), VARCMP_LT);
    CHECK_HR(VarCmp(&b, &a, 0x409, 0), VARCMP_GT);
    CHECK_HR(VarCmp(&a, &n, 0x409, 0), VARCMP_NULL);
    CHECK_HR(VarCmp(&s, &a, 0x409, 0), VARCMP_GT); /* a string is above any number */
    CHECK_HR(VarCmp(&e, &a, 0x409, 0), VARCMP_LT); /* empty is 0 */
    V_VT(&b) = VT_UI4;
    CHECK_HR(VarCmp(&a, &b, 0x409, 0), DISP_E_TYPEMISMATCH);
    V_VT(&b) = VT_UINT;
    CHECK_HR(VarCmp(&a, &b, 0x409, 0), DISP_E_BADVARTYPE);
    V_VT(&b) = VT_R8;
    V_R8(&b) = NAN;
    CHECK_HR(VarCmp(&a, &b, 0x409, 0), VARCMP_GT);
    VariantClear(&s);
}

static HRESULT cmp(const OLECHAR *x, const OLECHAR *y, LCID lcid, ULONG flags)
{
    BSTR a = x ? SysAllocString(x) : NULL, b = y ? SysAllocString(y) : NULL;
    HRESULT hr = VarBstrCmp(a, b, lcid, flags);
    SysFreeString(a);
    SysFreeString(b);
    return hr;
}

TEST(bstrcmp)
{
    CHECK_HR(cmp(NULL, u"", 0x409, 0), VARCMP_EQ);
    CHECK_HR(cmp(NULL, u"a", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"a", u"A", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"a", u"A", 0, 0), VARCMP_GT); /* binary */
    CHECK_HR(cmp(u"a", u"A", 0x409, NORM_IGNORECASE), VARCMP_EQ);
    CHECK_HR(cmp(u"A", u"b", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"ab", u"a-b", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"a-b", u"aB", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"1", u"a", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"_", u"1", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"\u00e4", u"a", 0x407, 0), VARCMP_GT);
    CHECK_HR(cmp(u"\u00e4", u"b", 0x40c, 0), VARCMP_LT);
}

/* Windows' word sort beyond ASCII (each case checked against the oracle):
 * canonical equivalence, accents before case, width as a case-level
 * difference, and the NORM_* flags that drop a level. */
TEST(bstrcmp_unicode)
{
    CHECK_HR(cmp(u"\u00e4", u"a\u0308", 0x409, 0), VARCMP_EQ);
    CHECK_HR(cmp(u"a\u0308", u"ab", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"a\u0308", u"a", 0x409, NORM_IGNORENONSPACE), VARCMP_EQ);
    CHECK_HR(cmp(u"a\u0308", u"A", 0x409, NORM_IGNORENONSPACE), VARCMP_LT);
    CHECK_HR(cmp(u"\u00e4\u0301", u"a\u0308\u0301", 0x409, 0), VARCMP_EQ);
    CHECK_HR(cmp(u"\uff21", u"A", 0x409, 0), VARCMP_GT);
    CHECK_HR(cmp(u"\uff21", u"A", 0x409, NORM_IGNORECASE), VARCMP_GT);
    CHECK_HR(cmp(u"\uff21", u"A", 0x409, NORM_IGNOREWIDTH), VARCMP_EQ);
    CHECK_HR(cmp(u"\uff21", u"b", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"\uff21", u"\u00e4", 0x409, 0), VARCMP_LT);
    CHECK_HR(cmp(u"\uff21", u"\u00e4", 0x409, NORM_IGNORENONSPACE), VARCMP_GT);
    CHECK_HR(cmp(u"\u00df", u"ss", 0x409, 0), VARCMP_EQ);
    CHECK_HR(cmp(u"\u00e6", u"ae", 0x409, 0), VARCMP_EQ);
    CHECK_HR(cmp(u"a\u00adb", u"ab", 0x409, 0), VARCMP_EQ); /* soft hyphen is ignored */
    CHECK_HR(cmp(u"+", u"~", 0x409, 0), VARCMP_GT);        /* symbols after punctuation */
    CHECK_HR(cmp(u"\u03b1", u"z", 0x409, 0), VARCMP_GT);   /* unknown scripts after Latin */
}

TEST(bstrcat)
{
    BSTR a = SysAllocStringLen(u"a\0b", 3), o = SysAllocStringByteLen("abc", 3), r = NULL;
    CHECK_HR(VarBstrCat(a, o, &r), S_OK);
    CHECK_INT(SysStringByteLen(r), 9);
    SysFreeString(r);
    r = NULL;
    CHECK_HR(VarBstrCat(NULL, NULL, &r), S_OK);
    CHECK(r != NULL && SysStringLen(r) == 0);
    SysFreeString(r);
    CHECK_HR(VarBstrCat(a, o, NULL), E_INVALIDARG);
    SysFreeString(a);
    SysFreeString(o);
}

TEST(r4r8)
{
    double r;
    CHECK_HR(VarR4CmpR8(0.1f, 0.1), VARCMP_GT);
    CHECK_HR(VarR4CmpR8(1.0f, 1.0), VARCMP_EQ);
    CHECK_HR(VarR8Round(2.5, 0, &r), S_OK);
    CHECK_DBL(r, 2.0);
    CHECK_HR(VarR8Round(1.25, 1, &r), S_OK);
    CHECK_DBL(r, 1.2);
    CHECK_HR(VarR8Round(1.0, -1, &r), E_INVALIDARG);
}

int main(void)
{
    RUN(varcmp_types);
    RUN(bstrcmp);
    RUN(bstrcmp_unicode);
    RUN(bstrcat);
    RUN(r4r8);
    return comrt_test_summary();
}
