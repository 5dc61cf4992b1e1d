/* oleaut/vardate.c — date math (temporary bodies, being written). */
#include "oleaut/oleaut_internal.h"

HRESULT VarDateFromUdate(UDATE *pudateIn, ULONG dwFlags, DATE *pdateOut)
{
    return E_NOTIMPL;
}

HRESULT VarDateFromUdateEx(UDATE *pudateIn, LCID lcid, ULONG dwFlags, DATE *pdateOut)
{
    return E_NOTIMPL;
}

HRESULT VarUdateFromDate(DATE dateIn, ULONG dwFlags, UDATE *pudateOut)
{
    return E_NOTIMPL;
}

INT SystemTimeToVariantTime(LPSYSTEMTIME lpSystemTime, DOUBLE *pvtime)
{
    return 0;
}

INT VariantTimeToSystemTime(DOUBLE vtime, LPSYSTEMTIME lpSystemTime)
{
    return 0;
}

INT DosDateTimeToVariantTime(USHORT wDosDate, USHORT wDosTime, DOUBLE *pvtime)
{
    return 0;
}

INT VariantTimeToDosDateTime(DOUBLE vtime, USHORT *pwDosDate, USHORT *pwDosTime)
{
    return 0;
}
