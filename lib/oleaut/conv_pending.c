/*
 * oleaut/conv_pending.c — TEMPORARY link placeholders for conv functions not yet
 * written; shrinks to nothing and is deleted before the work is done.
 */
#include "oleaut/oleaut_internal.h"

HRESULT VariantChangeType(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc, USHORT wFlags, VARTYPE vt)
{
    (void)pvargDest; (void)pvarSrc; (void)wFlags; (void)vt; 
    return E_NOTIMPL;
}

HRESULT VariantChangeTypeEx(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc, LCID lcid, USHORT wFlags, VARTYPE vt)
{
    (void)pvargDest; (void)pvarSrc; (void)lcid; (void)wFlags; (void)vt; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromI2(SHORT in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromI4(LONG in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromI8(LONG64 in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromR4(FLOAT in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromR8(DOUBLE in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromDate(DATE in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromCy(CY cyIn, BYTE *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromDisp(IDispatch *pdispIn, LCID lcid, BYTE *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromBool(VARIANT_BOOL in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromI1(CHAR in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromUI2(USHORT in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromUI4(ULONG in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromUI8(ULONG64 in, BYTE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI1FromDec(const DECIMAL *pdecIn, BYTE *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromUI1(BYTE in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromI4(LONG in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromI8(LONG64 in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromR4(FLOAT in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromR8(DOUBLE in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromDate(DATE in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromCy(CY cyIn, SHORT *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromDisp(IDispatch *pdispIn, LCID lcid, SHORT *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromBool(VARIANT_BOOL in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromI1(CHAR in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromUI2(USHORT in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromUI4(ULONG in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromUI8(ULONG64 in, SHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI2FromDec(const DECIMAL *pdecIn, SHORT *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromUI1(BYTE in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromI2(SHORT in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromI8(LONG64 in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromR4(FLOAT in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromR8(DOUBLE in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromDate(DATE in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromCy(CY cyIn, LONG *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromDisp(IDispatch *pdispIn, LCID lcid, LONG *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromBool(VARIANT_BOOL in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromI1(CHAR in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromUI2(USHORT in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromUI4(ULONG in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromUI8(ULONG64 in, LONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI4FromDec(const DECIMAL *pdecIn, LONG *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromUI1(BYTE in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromI2(SHORT in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromI4(LONG in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromR4(FLOAT in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromR8(DOUBLE in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromDate(DATE in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromCy(CY cyIn, LONG64 *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromDisp(IDispatch *pdispIn, LCID lcid, LONG64 *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromBool(VARIANT_BOOL in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromI1(CHAR in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromUI2(USHORT in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromUI4(ULONG in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromUI8(ULONG64 in, LONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI8FromDec(const DECIMAL *pdecIn, LONG64 *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromUI1(BYTE in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromI2(SHORT in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromI4(LONG in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromI8(LONG64 in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromR8(DOUBLE in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromDate(DATE in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromCy(CY cyIn, FLOAT *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromDisp(IDispatch *pdispIn, LCID lcid, FLOAT *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromBool(VARIANT_BOOL in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromI1(CHAR in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromUI2(USHORT in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromUI4(ULONG in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromUI8(ULONG64 in, FLOAT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR4FromDec(const DECIMAL *pdecIn, FLOAT *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromUI1(BYTE in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromI2(SHORT in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromI4(LONG in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromI8(LONG64 in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromR4(FLOAT in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromDate(DATE in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromCy(CY cyIn, DOUBLE *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromDisp(IDispatch *pdispIn, LCID lcid, DOUBLE *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromBool(VARIANT_BOOL in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromI1(CHAR in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromUI2(USHORT in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromUI4(ULONG in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromUI8(ULONG64 in, DOUBLE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarR8FromDec(const DECIMAL *pdecIn, DOUBLE *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromUI1(BYTE in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromI2(SHORT in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromI4(LONG in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromI8(LONG64 in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromR4(FLOAT in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromR8(DOUBLE in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromCy(CY cyIn, DATE *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromDisp(IDispatch *pdispIn, LCID lcid, DATE *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromBool(VARIANT_BOOL in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromI1(CHAR in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromUI2(USHORT in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromUI4(ULONG in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromUI8(ULONG64 in, DATE *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDateFromDec(const DECIMAL *pdecIn, DATE *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromUI1(BYTE in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromI2(SHORT in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromI4(LONG in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromI8(LONG64 in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromR4(FLOAT in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromR8(DOUBLE in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromDate(DATE in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromDisp(IDispatch *pdispIn, LCID lcid, CY *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromBool(VARIANT_BOOL in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromI1(CHAR in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromUI2(USHORT in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromUI4(ULONG in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromUI8(ULONG64 in, CY *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCyFromDec(const DECIMAL *pdecIn, CY *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBstrFromDisp(IDispatch *pdispIn, LCID lcid, ULONG dwFlags, BSTR *pOut)
{
    (void)pdispIn; (void)lcid; (void)dwFlags; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromUI1(BYTE in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromI2(SHORT in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromI4(LONG in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromI8(LONG64 in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromR4(FLOAT in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromR8(DOUBLE in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromDate(DATE in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromCy(CY cyIn, VARIANT_BOOL *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromDisp(IDispatch *pdispIn, LCID lcid, VARIANT_BOOL *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromI1(CHAR in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromUI2(USHORT in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromUI4(ULONG in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromUI8(ULONG64 in, VARIANT_BOOL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarBoolFromDec(const DECIMAL *pdecIn, VARIANT_BOOL *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromUI1(BYTE in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromI2(SHORT in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromI4(LONG in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromI8(LONG64 in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromR4(FLOAT in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromR8(DOUBLE in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromDate(DATE in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromCy(CY cyIn, CHAR *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromDisp(IDispatch *pdispIn, LCID lcid, CHAR *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromBool(VARIANT_BOOL in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromUI2(USHORT in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromUI4(ULONG in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromUI8(ULONG64 in, CHAR *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarI1FromDec(const DECIMAL *pdecIn, CHAR *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromUI1(BYTE in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromI2(SHORT in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromI4(LONG in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromI8(LONG64 in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromR4(FLOAT in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromR8(DOUBLE in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromDate(DATE in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromCy(CY cyIn, USHORT *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromDisp(IDispatch *pdispIn, LCID lcid, USHORT *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromBool(VARIANT_BOOL in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromI1(CHAR in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromUI4(ULONG in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromUI8(ULONG64 in, USHORT *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI2FromDec(const DECIMAL *pdecIn, USHORT *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromUI1(BYTE in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromI2(SHORT in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromI4(LONG in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromI8(LONG64 in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromR4(FLOAT in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromR8(DOUBLE in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromDate(DATE in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromCy(CY cyIn, ULONG *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromDisp(IDispatch *pdispIn, LCID lcid, ULONG *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromBool(VARIANT_BOOL in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromI1(CHAR in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromUI2(USHORT in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromUI8(ULONG64 in, ULONG *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI4FromDec(const DECIMAL *pdecIn, ULONG *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromUI1(BYTE in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromI2(SHORT in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromI4(LONG in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromI8(LONG64 in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromR4(FLOAT in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromR8(DOUBLE in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromDate(DATE in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromCy(CY cyIn, ULONG64 *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromDisp(IDispatch *pdispIn, LCID lcid, ULONG64 *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromBool(VARIANT_BOOL in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromI1(CHAR in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromUI2(USHORT in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromUI4(ULONG in, ULONG64 *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarUI8FromDec(const DECIMAL *pdecIn, ULONG64 *pOut)
{
    (void)pdecIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromUI1(BYTE in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromI2(SHORT in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromI4(LONG in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromI8(LONG64 in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromR4(FLOAT in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromR8(DOUBLE in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromDate(DATE in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromCy(CY cyIn, DECIMAL *pOut)
{
    (void)cyIn; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromDisp(IDispatch *pdispIn, LCID lcid, DECIMAL *pOut)
{
    (void)pdispIn; (void)lcid; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromBool(VARIANT_BOOL in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromI1(CHAR in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromUI2(USHORT in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromUI4(ULONG in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarDecFromUI8(ULONG64 in, DECIMAL *pOut)
{
    (void)in; (void)pOut; 
    return E_NOTIMPL;
}

HRESULT VarCmp(LPVARIANT pvarLeft, LPVARIANT pvarRight, LCID lcid, ULONG dwFlags)
{
    (void)pvarLeft; (void)pvarRight; (void)lcid; (void)dwFlags; 
    return E_NOTIMPL;
}

HRESULT VarBstrCmp(BSTR bstrLeft, BSTR bstrRight, LCID lcid, ULONG dwFlags)
{
    (void)bstrLeft; (void)bstrRight; (void)lcid; (void)dwFlags; 
    return E_NOTIMPL;
}

HRESULT VarBstrCat(BSTR bstrLeft, BSTR bstrRight, LPBSTR pbstrResult)
{
    (void)bstrLeft; (void)bstrRight; (void)pbstrResult; 
    return E_NOTIMPL;
}

HRESULT VarCyAdd(CY cyLeft, CY cyRight, LPCY pcyResult)
{
    (void)cyLeft; (void)cyRight; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCySub(CY cyLeft, CY cyRight, LPCY pcyResult)
{
    (void)cyLeft; (void)cyRight; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyMul(CY cyLeft, CY cyRight, LPCY pcyResult)
{
    (void)cyLeft; (void)cyRight; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyMulI4(CY cyLeft, LONG lRight, LPCY pcyResult)
{
    (void)cyLeft; (void)lRight; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyMulI8(CY cyLeft, LONG64 lRight, LPCY pcyResult)
{
    (void)cyLeft; (void)lRight; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyAbs(CY cyIn, LPCY pcyResult)
{
    (void)cyIn; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyFix(CY cyIn, LPCY pcyResult)
{
    (void)cyIn; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyInt(CY cyIn, LPCY pcyResult)
{
    (void)cyIn; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyNeg(CY cyIn, LPCY pcyResult)
{
    (void)cyIn; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyRound(CY cyIn, int cDecimals, LPCY pcyResult)
{
    (void)cyIn; (void)cDecimals; (void)pcyResult; 
    return E_NOTIMPL;
}

HRESULT VarCyCmp(CY cyLeft, CY cyRight)
{
    (void)cyLeft; (void)cyRight; 
    return E_NOTIMPL;
}

HRESULT VarCyCmpR8(CY cyLeft, double dblRight)
{
    (void)cyLeft; (void)dblRight; 
    return E_NOTIMPL;
}

HRESULT VarDecAdd(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    (void)pdecLeft; (void)pdecRight; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecSub(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    (void)pdecLeft; (void)pdecRight; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecMul(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    (void)pdecLeft; (void)pdecRight; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecDiv(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult)
{
    (void)pdecLeft; (void)pdecRight; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecAbs(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    (void)pdecIn; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecFix(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    (void)pdecIn; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecInt(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    (void)pdecIn; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecNeg(LPDECIMAL pdecIn, LPDECIMAL pdecResult)
{
    (void)pdecIn; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecRound(LPDECIMAL pdecIn, int cDecimals, LPDECIMAL pdecResult)
{
    (void)pdecIn; (void)cDecimals; (void)pdecResult; 
    return E_NOTIMPL;
}

HRESULT VarDecCmp(LPDECIMAL pdecLeft, LPDECIMAL pdecRight)
{
    (void)pdecLeft; (void)pdecRight; 
    return E_NOTIMPL;
}

HRESULT VarDecCmpR8(LPDECIMAL pdecLeft, double dblRight)
{
    (void)pdecLeft; (void)dblRight; 
    return E_NOTIMPL;
}

HRESULT VarR4CmpR8(float fltLeft, double dblRight)
{
    (void)fltLeft; (void)dblRight; 
    return E_NOTIMPL;
}

HRESULT VarR8Round(double dblIn, int cDecimals, double *pdblResult)
{
    (void)dblIn; (void)cDecimals; (void)pdblResult; 
    return E_NOTIMPL;
}
