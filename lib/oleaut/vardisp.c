/*
 * oleaut/vardisp.c — VarXxxFromDisp: the value of an object is what its
 * IDispatch returns for DISPID_VALUE as a property get with no arguments;
 * that VARIANT is then converted with VariantChangeTypeEx.  An object
 * without a value property gives DISP_E_TYPEMISMATCH, as on Windows.
 */
#include <string.h>

#include "oleaut/oleaut_internal.h"

static const GUID iid_null; /* IID_NULL: all zero */

HRESULT comrt__disp_value(IDispatch *disp, LCID lcid, VARIANT *out)
{
    DISPPARAMS params;
    VARIANT result;
    HRESULT hr = DISP_E_BADVARTYPE;

    if (!disp || !out) goto out;
    memset(&params, 0, sizeof params);
    VariantInit(&result);
    hr = disp->lpVtbl->Invoke(disp, DISPID_VALUE, &iid_null, lcid, DISPATCH_PROPERTYGET, &params, &result, NULL,
                              NULL);
    if (FAILED(hr)) {
        VariantClear(&result);
        hr = DISP_E_TYPEMISMATCH;
        goto out;
    }
    *out = result;
    hr = S_OK;
out:
    return hr;
}

/* The object's value converted to vt, left in *res (caller clears it). */
static HRESULT disp_convert(IDispatch *disp, LCID lcid, ULONG flags, VARTYPE vt, VARIANT *res)
{
    VARIANT value;
    HRESULT hr = comrt__disp_value(disp, lcid, &value);
    if (FAILED(hr)) return hr;
    VariantInit(res);
    hr = VariantChangeTypeEx(res, &value, lcid, (USHORT)flags, vt);
    VariantClear(&value);
    return hr;
}

HRESULT VarUI1FromDisp(IDispatch *pdispIn, LCID lcid, BYTE *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_UI1, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_UI1(&r);
    return hr;
}

HRESULT VarI2FromDisp(IDispatch *pdispIn, LCID lcid, SHORT *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_I2, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_I2(&r);
    return hr;
}

HRESULT VarI4FromDisp(IDispatch *pdispIn, LCID lcid, LONG *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_I4, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_I4(&r);
    return hr;
}

HRESULT VarI8FromDisp(IDispatch *pdispIn, LCID lcid, LONG64 *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_I8, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_I8(&r);
    return hr;
}

HRESULT VarR4FromDisp(IDispatch *pdispIn, LCID lcid, FLOAT *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_R4, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_R4(&r);
    return hr;
}

HRESULT VarR8FromDisp(IDispatch *pdispIn, LCID lcid, DOUBLE *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_R8, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_R8(&r);
    return hr;
}

HRESULT VarDateFromDisp(IDispatch *pdispIn, LCID lcid, DATE *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_DATE, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_DATE(&r);
    return hr;
}

HRESULT VarCyFromDisp(IDispatch *pdispIn, LCID lcid, CY *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_CY, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_CY(&r);
    return hr;
}

HRESULT VarBoolFromDisp(IDispatch *pdispIn, LCID lcid, VARIANT_BOOL *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_BOOL, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_BOOL(&r);
    return hr;
}

HRESULT VarI1FromDisp(IDispatch *pdispIn, LCID lcid, CHAR *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_I1, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_I1(&r);
    return hr;
}

HRESULT VarUI2FromDisp(IDispatch *pdispIn, LCID lcid, USHORT *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_UI2, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_UI2(&r);
    return hr;
}

HRESULT VarUI4FromDisp(IDispatch *pdispIn, LCID lcid, ULONG *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_UI4, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_UI4(&r);
    return hr;
}

HRESULT VarUI8FromDisp(IDispatch *pdispIn, LCID lcid, ULONG64 *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_UI8, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_UI8(&r);
    return hr;
}

HRESULT VarDecFromDisp(IDispatch *pdispIn, LCID lcid, DECIMAL *pOut)
{
    VARIANT r;
    HRESULT hr = pOut ? disp_convert(pdispIn, lcid, 0, VT_DECIMAL, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) {
        *pOut = V_DECIMAL(&r);
        pOut->wReserved = 0;
    }
    return hr;
}

/* dwFlags are the VarBstrFromXxx ones (VAR_LOCALBOOL, LOCALE_NOUSEROVERRIDE),
 * passed on as the VariantChangeType flags they correspond to.  The result
 * belongs to the caller. */
HRESULT VarBstrFromDisp(IDispatch *pdispIn, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    VARIANT r;
    ULONG flags = 0;
    HRESULT hr;
    if (dwFlags & VAR_LOCALBOOL) flags |= VARIANT_LOCALBOOL;
    if (dwFlags & LOCALE_NOUSEROVERRIDE) flags |= VARIANT_NOUSEROVERRIDE;
    hr = pOut ? disp_convert(pdispIn, lcid, flags, VT_BSTR, &r) : E_INVALIDARG;
    if (SUCCEEDED(hr)) *pOut = V_BSTR(&r); /* ownership moves to the caller */
    return hr;
}
