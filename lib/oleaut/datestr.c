/* oleaut/datestr.c — dates as text (temporary bodies, being written). */
#include "oleaut/oleaut_internal.h"

HRESULT VarDateFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DATE *pOut)
{
    return E_NOTIMPL;
}

HRESULT VarBstrFromDate(DATE in, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    return E_NOTIMPL;
}
