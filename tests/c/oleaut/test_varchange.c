/*
 * test_varchange.c — VariantChangeType(Ex): the route table over source x
 * target types, references, arrays <-> BSTR bytes, objects through their
 * value property, in-place conversion and dest left alone on failure.
 */
#include "comrt_test.h"

/* An IDispatch whose value property is the I4 42, or missing (mode 1). */
typedef struct {
    IDispatch iface;
    LONG ref;
    int mode;
} disp;

static HRESULT STDMETHODCALLTYPE d_qi(IDispatch *This, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch)) {
        *ppv = This;
        This->lpVtbl->AddRef(This);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE d_addref(IDispatch *This) { return (ULONG)++((disp *)This)->ref; }
static ULONG STDMETHODCALLTYPE d_release(IDispatch *This) { return (ULONG)--((disp *)This)->ref; }
static HRESULT STDMETHODCALLTYPE d_gtic(IDispatch *This, UINT *p)
{
    (void)This;
    *p = 0;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE d_gti(IDispatch *This, UINT a, LCID b, ITypeInfo **c)
{
    (void)This, (void)a, (void)b;
    *c = NULL;
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE d_gidon(IDispatch *This, REFIID a, LPOLESTR *b, UINT c, LCID d, DISPID *e)
{
    (void)This, (void)a, (void)b, (void)c, (void)d, (void)e;
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE d_invoke(IDispatch *This, DISPID id, REFIID riid, LCID lcid, WORD flags,
                                          DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *ae)
{
    (void)riid, (void)lcid, (void)ei, (void)ae;
    if (((disp *)This)->mode == 1 || id != DISPID_VALUE || flags != DISPATCH_PROPERTYGET || dp->cArgs)
        return DISP_E_MEMBERNOTFOUND;
    V_VT(res) = VT_I4;
    V_I4(res) = 42;
    return S_OK;
}
static IDispatchVtbl dvt = { d_qi, d_addref, d_release, d_gtic, d_gti, d_gidon, d_invoke };

TEST(numbers_and_errors)
{
    VARIANT s, d;
    VariantInit(&s);
    VariantInit(&d);
    V_VT(&s) = VT_R8;
    V_R8(&s) = 2.5;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_I2), S_OK);
    CHECK(V_VT(&d) == VT_I2 && V_I2(&d) == 2);
    V_R8(&s) = 1e10;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_I4), DISP_E_OVERFLOW);
    CHECK(V_VT(&d) == VT_I2); /* untouched */
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_VOID), DISP_E_BADVARTYPE);
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_ERROR), DISP_E_TYPEMISMATCH);
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_I4 | VT_BYREF), DISP_E_TYPEMISMATCH);
    V_VT(&s) = VT_NULL;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_I4), DISP_E_TYPEMISMATCH);
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_NULL), S_OK);
    V_VT(&s) = VT_I2;
    V_I2(&s) = -3;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_UI2), S_OK); /* same width: bits */
    CHECK(V_VT(&d) == VT_UI2 && V_UI2(&d) == 65533);
    V_VT(&s) = VT_EMPTY;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_BSTR), S_OK);
    CHECK(V_VT(&d) == VT_BSTR && V_BSTR(&d) && SysStringLen(V_BSTR(&d)) == 0);
    VariantClear(&d);
    CHECK_HR(VariantChangeType(NULL, &s, 0, VT_I4), E_INVALIDARG);
}

TEST(references_and_in_place)
{
    LONG l = 7;
    VARIANT s, d;
    VariantInit(&s);
    VariantInit(&d);
    V_VT(&s) = VT_I4 | VT_BYREF;
    V_I4REF(&s) = &l;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_R8), S_OK);
    CHECK(V_VT(&d) == VT_R8 && V_R8(&d) == 7.0);
    V_I4REF(&s) = NULL;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_R8), DISP_E_TYPEMISMATCH);
    V_VT(&s) = VT_I4;
    V_I4(&s) = 5;
    CHECK_HR(VariantChangeType(&s, &s, 0, VT_DECIMAL), S_OK);
    CHECK(V_VT(&s) == VT_DECIMAL && V_DECIMAL(&s).Lo64 == 5);
}

TEST(arrays_and_bstr)
{
    VARIANT s, d, back;
    VariantInit(&s);
    VariantInit(&d);
    VariantInit(&back);
    V_VT(&s) = VT_BSTR;
    V_BSTR(&s) = SysAllocStringByteLen("hi!", 3);
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_ARRAY | VT_UI1), S_OK);
    if (V_VT(&d) == (VT_ARRAY | VT_UI1)) {
        LONG ub = -1;
        SafeArrayGetUBound(V_ARRAY(&d), 1, &ub);
        CHECK_INT(ub, 2);
        CHECK_HR(VariantChangeType(&back, &d, 0, VT_BSTR), S_OK);
        CHECK(SysStringByteLen(V_BSTR(&back)) == 3 && memcmp(V_BSTR(&back), "hi!", 3) == 0);
        CHECK_HR(VariantChangeType(&back, &d, 0, VT_I4), DISP_E_TYPEMISMATCH);
    }
    VariantClear(&back);
    VariantClear(&d);
    VariantClear(&s);
}

TEST(objects)
{
    disp obj = { { &dvt }, 1, 0 }, none = { { &dvt }, 1, 1 };
    VARIANT s, d;
    VariantInit(&s);
    VariantInit(&d);
    V_VT(&s) = VT_DISPATCH;
    V_DISPATCH(&s) = &obj.iface;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_I2), S_OK);
    CHECK(V_VT(&d) == VT_I2 && V_I2(&d) == 42);
    CHECK_HR(VariantChangeType(&d, &s, VARIANT_NOVALUEPROP, VT_I2), DISP_E_TYPEMISMATCH);
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_UNKNOWN), S_OK);
    CHECK(V_VT(&d) == VT_UNKNOWN && V_UNKNOWN(&d) == (IUnknown *)&obj.iface);
    VariantClear(&d);
    CHECK_INT(obj.ref, 1);
    V_DISPATCH(&s) = &none.iface;
    CHECK_HR(VariantChangeType(&d, &s, 0, VT_I2), DISP_E_TYPEMISMATCH);
    {
        LONG l = 0;
        CHECK_HR(VarI4FromDisp(&obj.iface, 0x409, &l), S_OK);
        CHECK_INT(l, 42);
        CHECK_HR(VarI4FromDisp(&none.iface, 0x409, &l), DISP_E_TYPEMISMATCH);
    }
    CHECK_INT(obj.ref, 1);
}

int main(void)
{
    RUN(numbers_and_errors);
    RUN(references_and_in_place);
    RUN(arrays_and_bstr);
    RUN(objects);
    return comrt_test_summary();
}
