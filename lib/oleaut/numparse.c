/* oleaut/numparse.c — number parsing: VarParseNumFromStr / VarNumFromParseNum (temporary bodies, being written). */
#include "oleaut/oleaut_internal.h"

HRESULT VarParseNumFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, NUMPARSE *pnumprs, BYTE *rgbDig)
{
    return E_NOTIMPL;
}

HRESULT VarNumFromParseNum(NUMPARSE *pnumprs, BYTE *rgbDig, ULONG dwVtBits, VARIANT *pvar)
{
    return E_NOTIMPL;
}
