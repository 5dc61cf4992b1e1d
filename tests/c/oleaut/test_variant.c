/* Tests for oleaut/variant.c: VariantInit/Clear/Copy/CopyInd and ownership. */
#define COBJMACROS
#include "comrt_test.h"
#include "comrt_test_objects.h"


TEST(layout)
{
    CHECK_INT(sizeof(VARIANT), 24);
    CHECK_INT(sizeof(DECIMAL), 16);
    CHECK_INT(sizeof(SAFEARRAY), 32);
    CHECK_INT(offsetof(VARIANT, lVal), 8);
}

TEST(init_clear)
{
    VARIANT v;
    memset(&v, 0xCC, sizeof v);
    VariantInit(&v);
    CHECK_INT(V_VT(&v), VT_EMPTY);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(u"x");
    CHECK_HR(VariantClear(&v), S_OK);
    CHECK_INT(V_VT(&v), VT_EMPTY);
    V_VT(&v) = 15;
    CHECK_HR(VariantClear(&v), DISP_E_BADVARTYPE);
    V_VT(&v) = VT_I4 | VT_VECTOR;
    CHECK_HR(VariantClear(&v), DISP_E_BADVARTYPE);
    V_VT(&v) = VT_EMPTY | VT_BYREF;
    CHECK_HR(VariantClear(&v), DISP_E_BADVARTYPE);
    CHECK_HR(VariantClear(NULL), E_INVALIDARG);
}

TEST(copy_refcounts)
{
    counted obj = COUNTED_INIT;
    VARIANT a, b;
    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_UNKNOWN;
    V_UNKNOWN(&a) = &obj.iface;
    obj.ref++;
    CHECK_HR(VariantCopy(&b, &a), S_OK);
    CHECK_INT(obj.ref, 3);
    CHECK_HR(VariantClear(&a), S_OK);
    CHECK_HR(VariantClear(&b), S_OK);
    CHECK_INT(obj.ref, 1);
}

TEST(copy_bstr_deep)
{
    VARIANT a, b;
    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_BSTR;
    V_BSTR(&a) = SysAllocStringByteLen("abc", 3);
    CHECK_HR(VariantCopy(&b, &a), S_OK);
    CHECK(V_BSTR(&b) != V_BSTR(&a));
    CHECK_INT(SysStringByteLen(V_BSTR(&b)), 3);
    CHECK_HR(VariantCopy(&a, &a), S_OK); /* self copy is a no-op */
    VariantClear(&a);
    VariantClear(&b);
}

TEST(copy_ind)
{
    LONG value = 42;
    BSTR s = SysAllocString(u"ref");
    VARIANT ref, out, inner;
    VariantInit(&out);
    V_VT(&ref) = VT_I4 | VT_BYREF;
    V_I4REF(&ref) = &value;
    CHECK_HR(VariantCopyInd(&out, &ref), S_OK);
    CHECK_INT(V_VT(&out), VT_I4);
    CHECK_INT(V_I4(&out), 42);

    V_VT(&ref) = VT_BSTR | VT_BYREF;
    V_BSTRREF(&ref) = &s;
    CHECK_HR(VariantCopyInd(&out, &ref), S_OK);
    CHECK_INT(V_VT(&out), VT_BSTR);
    CHECK(V_BSTR(&out) != s);
    CHECK_WSTR(V_BSTR(&out), "ref");
    VariantClear(&out);

    V_VT(&inner) = VT_I4;
    V_I4(&inner) = 7;
    V_VT(&ref) = VT_VARIANT | VT_BYREF;
    V_VARIANTREF(&ref) = &inner;
    CHECK_HR(VariantCopyInd(&out, &ref), S_OK);
    CHECK_INT(V_VT(&out), VT_I4);
    CHECK_INT(V_I4(&out), 7);

    DECIMAL d = { 0 };
    d.Lo64 = 12345;
    d.scale = 2;
    V_VT(&ref) = VT_DECIMAL | VT_BYREF;
    V_DECIMALREF(&ref) = &d;
    CHECK_HR(VariantCopyInd(&out, &ref), S_OK);
    CHECK_INT(V_VT(&out), VT_DECIMAL);
    CHECK_INT(V_DECIMAL(&out).Lo64, 12345);
    CHECK_INT(V_DECIMAL(&out).scale, 2);

    V_VT(&ref) = VT_I4 | VT_BYREF; /* in place */
    V_I4REF(&ref) = &value;
    CHECK_HR(VariantCopyInd(&ref, &ref), S_OK);
    CHECK_INT(V_VT(&ref), VT_I4);
    CHECK_INT(V_I4(&ref), 42);
    SysFreeString(s);
}

int main(void)
{
    RUN(layout);
    RUN(init_clear);
    RUN(copy_refcounts);
    RUN(copy_bstr_deep);
    RUN(copy_ind);
    return comrt_test_summary();
}
