/* oleaut/varbstr.c — VarBstrFromXxx (temporary bodies, being written). */
#include "oleaut/oleaut_internal.h"

HRESULT VarBstrFromUI1(BYTE in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromI2(SHORT in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromI4(LONG in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromI8(LONG64 in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromR4(FLOAT in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromR8(DOUBLE in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromCy(CY in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromBool(VARIANT_BOOL in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromI1(CHAR in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromUI2(USHORT in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromUI4(ULONG in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromUI8(ULONG64 in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromDec(const DECIMAL *pdecIn, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}
