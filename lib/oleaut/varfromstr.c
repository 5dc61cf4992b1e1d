/* oleaut/varfromstr.c — VarXxxFromStr (temporary bodies, being written). */
#include "oleaut/oleaut_internal.h"

HRESULT VarUI1FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, BYTE *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarI2FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, SHORT *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarI4FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, LONG *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarI8FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, LONG64 *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarR4FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, FLOAT *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarR8FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DOUBLE *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarCyFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, CY *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBoolFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, VARIANT_BOOL *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarI1FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, CHAR *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarUI2FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, USHORT *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarUI4FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, ULONG *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarUI8FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, ULONG64 *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarDecFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DECIMAL *pOut)
{
    return E_NOTIMPL;
}
