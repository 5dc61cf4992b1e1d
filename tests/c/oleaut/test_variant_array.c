/* Tests for VARIANTs that hold SAFEARRAYs (VT_ARRAY | type, by value and by
 * reference): VariantCopy makes a deep copy of the array, VariantClear
 * destroys it, VariantCopyInd copies what a VT_BYREF | VT_ARRAY points at.
 * Reference counts and string copies are checked; ASan checks the frees. */
#define COBJMACROS
#include "comrt_test.h"
#include "comrt_test_objects.h"


static SAFEARRAY *i4_array(void)
{
    SAFEARRAYBOUND b[2] = { { 3, 0 }, { 2, 1 } };
    SAFEARRAY *psa = SafeArrayCreate(VT_I4, 2, b);
    LONG *d = psa->pvData, k;
    for (k = 0; k < 6; k++) d[k] = 100 + k;
    return psa;
}

TEST(copy_clear_i4)
{
    VARIANT a, b;
    LONG l;

    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_ARRAY | VT_I4;
    V_ARRAY(&a) = i4_array();
    CHECK_HR(VariantCopy(&b, &a), S_OK);
    CHECK_INT(V_VT(&b), VT_ARRAY | VT_I4);
    CHECK(V_ARRAY(&b) != V_ARRAY(&a));
    CHECK_INT(SafeArrayGetDim(V_ARRAY(&b)), 2);
    CHECK_HR(SafeArrayGetLBound(V_ARRAY(&b), 2, &l), S_OK);
    CHECK_INT(l, 1);
    CHECK(memcmp(V_ARRAY(&b)->pvData, V_ARRAY(&a)->pvData, 6 * sizeof(LONG)) == 0);
    ((LONG *)V_ARRAY(&b)->pvData)[0] = -1; /* independent data */
    CHECK_INT(((LONG *)V_ARRAY(&a)->pvData)[0], 100);
    CHECK_HR(VariantClear(&a), S_OK);
    CHECK_INT(V_VT(&a), VT_EMPTY);
    CHECK_HR(VariantClear(&b), S_OK);

    /* a NULL array is copied as NULL */
    V_VT(&a) = VT_ARRAY | VT_I4;
    V_ARRAY(&a) = NULL;
    CHECK_HR(VariantCopy(&b, &a), S_OK);
    CHECK_INT(V_VT(&b), VT_ARRAY | VT_I4);
    CHECK(V_ARRAY(&b) == NULL);
    CHECK_HR(VariantClear(&b), S_OK);
    CHECK_HR(VariantClear(&a), S_OK);
}

TEST(copy_clear_bstr)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_BSTR, 0, 2);
    BSTR s = SysAllocString(u"array text");
    VARIANT a, b;
    LONG i = 1;

    SafeArrayPutElement(psa, &i, s);
    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_ARRAY | VT_BSTR;
    V_ARRAY(&a) = psa;
    CHECK_HR(VariantCopy(&b, &a), S_OK);
    CHECK(V_ARRAY(&b) != psa);
    CHECK(((BSTR *)V_ARRAY(&b)->pvData)[1] != ((BSTR *)psa->pvData)[1]);
    CHECK_WSTR(((BSTR *)V_ARRAY(&b)->pvData)[1], "array text");
    CHECK(((BSTR *)V_ARRAY(&b)->pvData)[0] == NULL);
    CHECK_HR(VariantClear(&a), S_OK);
    CHECK_WSTR(((BSTR *)V_ARRAY(&b)->pvData)[1], "array text"); /* still there */
    CHECK_HR(VariantClear(&b), S_OK);
    SysFreeString(s);
}

TEST(copy_clear_variant_nested)
{
    counted obj = COUNTED_INIT;
    SAFEARRAY *outer = SafeArrayCreateVector(VT_VARIANT, 0, 3);
    VARIANT a, b, v;
    LONG i;

    /* [0] an interface, [1] a string, [2] an inner array of I4 */
    VariantInit(&v);
    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = &obj.iface;
    i = 0;
    SafeArrayPutElement(outer, &i, &v);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(u"inner");
    i = 1;
    SafeArrayPutElement(outer, &i, &v);
    VariantClear(&v);
    V_VT(&v) = VT_ARRAY | VT_I4;
    V_ARRAY(&v) = i4_array();
    i = 2;
    SafeArrayPutElement(outer, &i, &v); /* deep: the array is copied in */
    VariantClear(&v);
    CHECK_INT(obj.ref, 2);

    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_ARRAY | VT_VARIANT;
    V_ARRAY(&a) = outer;
    CHECK_HR(VariantCopy(&b, &a), S_OK);
    CHECK_INT(obj.ref, 3);
    {
        VARIANT *e = V_ARRAY(&b)->pvData;
        VARIANT *o = outer->pvData;
        CHECK_INT(V_VT(&e[0]), VT_UNKNOWN);
        CHECK_INT(V_VT(&e[1]), VT_BSTR);
        CHECK(V_BSTR(&e[1]) != V_BSTR(&o[1]));
        CHECK_WSTR(V_BSTR(&e[1]), "inner");
        CHECK_INT(V_VT(&e[2]), VT_ARRAY | VT_I4);
        CHECK(V_ARRAY(&e[2]) != V_ARRAY(&o[2]));
        CHECK_INT(((LONG *)V_ARRAY(&e[2])->pvData)[5], 105);
    }
    CHECK_HR(VariantClear(&a), S_OK);
    CHECK_INT(obj.ref, 2);
    CHECK_HR(VariantClear(&b), S_OK);
    CHECK_INT(obj.ref, 1);
}

TEST(copy_ind_byref_array)
{
    SAFEARRAY *psa = i4_array();
    VARIANT ref, out;

    VariantInit(&out);
    V_VT(&ref) = VT_BYREF | VT_ARRAY | VT_I4;
    V_ARRAYREF(&ref) = &psa;
    /* VariantCopy copies the reference itself */
    CHECK_HR(VariantCopy(&out, &ref), S_OK);
    CHECK_INT(V_VT(&out), VT_BYREF | VT_ARRAY | VT_I4);
    CHECK(V_ARRAYREF(&out) == &psa);
    CHECK_HR(VariantClear(&out), S_OK); /* frees nothing */
    CHECK_INT(SafeArrayGetDim(psa), 2);

    /* VariantCopyInd makes a by-value copy of the array */
    CHECK_HR(VariantCopyInd(&out, &ref), S_OK);
    CHECK_INT(V_VT(&out), VT_ARRAY | VT_I4);
    CHECK(V_ARRAY(&out) != psa);
    CHECK_INT(((LONG *)V_ARRAY(&out)->pvData)[4], 104);
    CHECK_HR(VariantClear(&out), S_OK);

    /* in place: the variant ends up owning a copy; psa is still ours */
    CHECK_HR(VariantCopyInd(&ref, &ref), S_OK);
    CHECK_INT(V_VT(&ref), VT_ARRAY | VT_I4);
    CHECK(V_ARRAY(&ref) != psa);
    CHECK_HR(VariantClear(&ref), S_OK);
    CHECK_HR(SafeArrayDestroy(psa), S_OK);

    /* a reference to a variant holding an array */
    {
        VARIANT inner, vref;
        VariantInit(&inner);
        V_VT(&inner) = VT_ARRAY | VT_I4;
        V_ARRAY(&inner) = i4_array();
        V_VT(&vref) = VT_BYREF | VT_VARIANT;
        V_VARIANTREF(&vref) = &inner;
        CHECK_HR(VariantCopyInd(&out, &vref), S_OK);
        CHECK_INT(V_VT(&out), VT_ARRAY | VT_I4);
        CHECK(V_ARRAY(&out) != V_ARRAY(&inner));
        CHECK_HR(VariantClear(&out), S_OK);
        CHECK_HR(VariantClear(&inner), S_OK);
    }
}

TEST(locked_array)
{
    SAFEARRAY *psa = i4_array();
    VARIANT a, b;

    VariantInit(&a);
    VariantInit(&b);
    V_VT(&a) = VT_ARRAY | VT_I4;
    V_ARRAY(&a) = psa;
    CHECK_HR(SafeArrayLock(psa), S_OK);
    /* a locked array can be copied (the copy is unlocked) but not destroyed */
    CHECK_HR(VariantCopy(&b, &a), S_OK);
    CHECK_INT(V_ARRAY(&b)->cLocks, 0);
    CHECK_HR(VariantClear(&a), DISP_E_ARRAYISLOCKED);
    /* (whether the variant keeps its array afterwards differs: comrt keeps
     * it, Wine sets VT_EMPTY and leaks it; not asserted here) */
    CHECK_HR(SafeArrayUnlock(psa), S_OK);
    if (V_VT(&a) == (VT_ARRAY | VT_I4))
        CHECK_HR(VariantClear(&a), S_OK);
    else
        CHECK_HR(SafeArrayDestroy(psa), S_OK);
    CHECK_HR(VariantClear(&b), S_OK);
}

TEST(array_of_empty_refused)
{
    VARIANT a, b;

    VariantInit(&b);
    V_VT(&a) = VT_ARRAY | VT_EMPTY;
    V_ARRAY(&a) = NULL;
    CHECK_HR(VariantCopy(&b, &a), DISP_E_BADVARTYPE);
    CHECK_HR(VariantClear(&a), DISP_E_BADVARTYPE);
    V_VT(&a) = VT_ARRAY | VT_NULL;
    CHECK_HR(VariantClear(&a), DISP_E_BADVARTYPE);
}

int main(void)
{
    RUN(copy_clear_i4);
    RUN(copy_clear_bstr);
    RUN(copy_clear_variant_nested);
    RUN(copy_ind_byref_array);
    RUN(locked_array);
    RUN(array_of_empty_refused);
    return comrt_test_summary();
}
