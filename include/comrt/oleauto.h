/*
 * comrt/oleauto.h — oleaut32's flat API: BSTR, VARIANT, the VarXxxFromYyy
 * conversions, number parsing, dates, CY/DECIMAL arithmetic, SAFEARRAY and
 * error info.  Names, signatures and results are Windows'.
 *
 * Ownership, as on Windows: a BSTR or VARIANT written to an out-parameter
 * belongs to the caller (SysFreeString / VariantClear); inputs are borrowed.
 */
#ifndef COMRT_OLEAUTO_H
#define COMRT_OLEAUTO_H

#include "oaidl.h"

COMRT_BEGIN_DECLS

/* ---- BSTR --------------------------------------------------------------- */
/* A BSTR points just past a 32-bit byte count and ends with a 16-bit NUL;
 * it may hold embedded NULs.  NULL is a valid, empty BSTR. */
WINOLEAUTAPI_(BSTR) SysAllocString(const OLECHAR *psz);
WINOLEAUTAPI_(BSTR) SysAllocStringLen(const OLECHAR *strIn, UINT ui);
WINOLEAUTAPI_(BSTR) SysAllocStringByteLen(LPCSTR psz, UINT len);
WINOLEAUTAPI_(INT) SysReAllocString(BSTR *pbstr, const OLECHAR *psz);
WINOLEAUTAPI_(INT) SysReAllocStringLen(BSTR *pbstr, const OLECHAR *psz, UINT len);
WINOLEAUTAPI_(void) SysFreeString(BSTR bstrString);
WINOLEAUTAPI_(UINT) SysStringLen(BSTR pbstr);
WINOLEAUTAPI_(UINT) SysStringByteLen(BSTR bstr);
WINOLEAUTAPI SysAddRefString(BSTR bstrString);
WINOLEAUTAPI_(void) SysReleaseString(BSTR bstrString);

/* ---- VARIANT ------------------------------------------------------------ */

/* VariantChangeType(Ex) flags */
#define VARIANT_NOVALUEPROP 0x01
#define VARIANT_ALPHABOOL 0x02
#define VARIANT_NOUSEROVERRIDE 0x04
#define VARIANT_CALENDAR_HIJRI 0x08
#define VARIANT_LOCALBOOL 0x10
#define VARIANT_CALENDAR_THAI 0x20
#define VARIANT_CALENDAR_GREGORIAN 0x40
#define VARIANT_USE_NLS 0x80

WINOLEAUTAPI_(void) VariantInit(VARIANTARG *pvarg);
WINOLEAUTAPI VariantClear(VARIANTARG *pvarg);
WINOLEAUTAPI VariantCopy(VARIANTARG *pvargDest, const VARIANTARG *pvargSrc);
WINOLEAUTAPI VariantCopyInd(VARIANT *pvarDest, const VARIANTARG *pvargSrc);
WINOLEAUTAPI VariantChangeType(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc, USHORT wFlags, VARTYPE vt);
WINOLEAUTAPI VariantChangeTypeEx(VARIANTARG *pvargDest, const VARIANTARG *pvarSrc, LCID lcid, USHORT wFlags,
                                 VARTYPE vt);

/* ---- Var*From* conversions ---------------------------------------------- */

/* dwFlags for the string conversions */
#define VAR_TIMEVALUEONLY 0x00000001
#define VAR_DATEVALUEONLY 0x00000002
#define VAR_VALIDDATE 0x00000004
#define VAR_CALENDAR_HIJRI 0x00000008
#define VAR_LOCALBOOL 0x00000010
#define VAR_FORMAT_NOSUBSTITUTE 0x00000020
#define VAR_FOURDIGITYEARS 0x00000040
#define VAR_CALENDAR_THAI 0x00000080
#define VAR_CALENDAR_GREGORIAN 0x00000100

/* -> BYTE */
WINOLEAUTAPI VarUI1FromI2(SHORT in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromI4(LONG in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromI8(LONG64 in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromR4(FLOAT in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromR8(DOUBLE in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromDate(DATE in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromCy(CY cyIn, BYTE *pOut);
WINOLEAUTAPI VarUI1FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, BYTE *pOut);
WINOLEAUTAPI VarUI1FromDisp(IDispatch *pdispIn, LCID lcid, BYTE *pOut);
WINOLEAUTAPI VarUI1FromBool(VARIANT_BOOL in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromI1(CHAR in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromUI2(USHORT in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromUI4(ULONG in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromUI8(ULONG64 in, BYTE *pOut);
WINOLEAUTAPI VarUI1FromDec(const DECIMAL *pdecIn, BYTE *pOut);

/* -> SHORT */
WINOLEAUTAPI VarI2FromUI1(BYTE in, SHORT *pOut);
WINOLEAUTAPI VarI2FromI4(LONG in, SHORT *pOut);
WINOLEAUTAPI VarI2FromI8(LONG64 in, SHORT *pOut);
WINOLEAUTAPI VarI2FromR4(FLOAT in, SHORT *pOut);
WINOLEAUTAPI VarI2FromR8(DOUBLE in, SHORT *pOut);
WINOLEAUTAPI VarI2FromDate(DATE in, SHORT *pOut);
WINOLEAUTAPI VarI2FromCy(CY cyIn, SHORT *pOut);
WINOLEAUTAPI VarI2FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, SHORT *pOut);
WINOLEAUTAPI VarI2FromDisp(IDispatch *pdispIn, LCID lcid, SHORT *pOut);
WINOLEAUTAPI VarI2FromBool(VARIANT_BOOL in, SHORT *pOut);
WINOLEAUTAPI VarI2FromI1(CHAR in, SHORT *pOut);
WINOLEAUTAPI VarI2FromUI2(USHORT in, SHORT *pOut);
WINOLEAUTAPI VarI2FromUI4(ULONG in, SHORT *pOut);
WINOLEAUTAPI VarI2FromUI8(ULONG64 in, SHORT *pOut);
WINOLEAUTAPI VarI2FromDec(const DECIMAL *pdecIn, SHORT *pOut);

/* -> LONG */
WINOLEAUTAPI VarI4FromUI1(BYTE in, LONG *pOut);
WINOLEAUTAPI VarI4FromI2(SHORT in, LONG *pOut);
WINOLEAUTAPI VarI4FromI8(LONG64 in, LONG *pOut);
WINOLEAUTAPI VarI4FromR4(FLOAT in, LONG *pOut);
WINOLEAUTAPI VarI4FromR8(DOUBLE in, LONG *pOut);
WINOLEAUTAPI VarI4FromDate(DATE in, LONG *pOut);
WINOLEAUTAPI VarI4FromCy(CY cyIn, LONG *pOut);
WINOLEAUTAPI VarI4FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, LONG *pOut);
WINOLEAUTAPI VarI4FromDisp(IDispatch *pdispIn, LCID lcid, LONG *pOut);
WINOLEAUTAPI VarI4FromBool(VARIANT_BOOL in, LONG *pOut);
WINOLEAUTAPI VarI4FromI1(CHAR in, LONG *pOut);
WINOLEAUTAPI VarI4FromUI2(USHORT in, LONG *pOut);
WINOLEAUTAPI VarI4FromUI4(ULONG in, LONG *pOut);
WINOLEAUTAPI VarI4FromUI8(ULONG64 in, LONG *pOut);
WINOLEAUTAPI VarI4FromDec(const DECIMAL *pdecIn, LONG *pOut);

/* -> LONG64 */
WINOLEAUTAPI VarI8FromUI1(BYTE in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromI2(SHORT in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromI4(LONG in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromR4(FLOAT in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromR8(DOUBLE in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromDate(DATE in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromCy(CY cyIn, LONG64 *pOut);
WINOLEAUTAPI VarI8FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, LONG64 *pOut);
WINOLEAUTAPI VarI8FromDisp(IDispatch *pdispIn, LCID lcid, LONG64 *pOut);
WINOLEAUTAPI VarI8FromBool(VARIANT_BOOL in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromI1(CHAR in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromUI2(USHORT in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromUI4(ULONG in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromUI8(ULONG64 in, LONG64 *pOut);
WINOLEAUTAPI VarI8FromDec(const DECIMAL *pdecIn, LONG64 *pOut);

/* -> FLOAT */
WINOLEAUTAPI VarR4FromUI1(BYTE in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromI2(SHORT in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromI4(LONG in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromI8(LONG64 in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromR8(DOUBLE in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromDate(DATE in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromCy(CY cyIn, FLOAT *pOut);
WINOLEAUTAPI VarR4FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, FLOAT *pOut);
WINOLEAUTAPI VarR4FromDisp(IDispatch *pdispIn, LCID lcid, FLOAT *pOut);
WINOLEAUTAPI VarR4FromBool(VARIANT_BOOL in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromI1(CHAR in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromUI2(USHORT in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromUI4(ULONG in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromUI8(ULONG64 in, FLOAT *pOut);
WINOLEAUTAPI VarR4FromDec(const DECIMAL *pdecIn, FLOAT *pOut);

/* -> DOUBLE */
WINOLEAUTAPI VarR8FromUI1(BYTE in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromI2(SHORT in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromI4(LONG in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromI8(LONG64 in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromR4(FLOAT in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromDate(DATE in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromCy(CY cyIn, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromDisp(IDispatch *pdispIn, LCID lcid, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromBool(VARIANT_BOOL in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromI1(CHAR in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromUI2(USHORT in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromUI4(ULONG in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromUI8(ULONG64 in, DOUBLE *pOut);
WINOLEAUTAPI VarR8FromDec(const DECIMAL *pdecIn, DOUBLE *pOut);

/* -> DATE */
WINOLEAUTAPI VarDateFromUI1(BYTE in, DATE *pOut);
WINOLEAUTAPI VarDateFromI2(SHORT in, DATE *pOut);
WINOLEAUTAPI VarDateFromI4(LONG in, DATE *pOut);
WINOLEAUTAPI VarDateFromI8(LONG64 in, DATE *pOut);
WINOLEAUTAPI VarDateFromR4(FLOAT in, DATE *pOut);
WINOLEAUTAPI VarDateFromR8(DOUBLE in, DATE *pOut);
WINOLEAUTAPI VarDateFromCy(CY cyIn, DATE *pOut);
WINOLEAUTAPI VarDateFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DATE *pOut);
WINOLEAUTAPI VarDateFromDisp(IDispatch *pdispIn, LCID lcid, DATE *pOut);
WINOLEAUTAPI VarDateFromBool(VARIANT_BOOL in, DATE *pOut);
WINOLEAUTAPI VarDateFromI1(CHAR in, DATE *pOut);
WINOLEAUTAPI VarDateFromUI2(USHORT in, DATE *pOut);
WINOLEAUTAPI VarDateFromUI4(ULONG in, DATE *pOut);
WINOLEAUTAPI VarDateFromUI8(ULONG64 in, DATE *pOut);
WINOLEAUTAPI VarDateFromDec(const DECIMAL *pdecIn, DATE *pOut);

/* -> CY */
WINOLEAUTAPI VarCyFromUI1(BYTE in, CY *pOut);
WINOLEAUTAPI VarCyFromI2(SHORT in, CY *pOut);
WINOLEAUTAPI VarCyFromI4(LONG in, CY *pOut);
WINOLEAUTAPI VarCyFromI8(LONG64 in, CY *pOut);
WINOLEAUTAPI VarCyFromR4(FLOAT in, CY *pOut);
WINOLEAUTAPI VarCyFromR8(DOUBLE in, CY *pOut);
WINOLEAUTAPI VarCyFromDate(DATE in, CY *pOut);
WINOLEAUTAPI VarCyFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, CY *pOut);
WINOLEAUTAPI VarCyFromDisp(IDispatch *pdispIn, LCID lcid, CY *pOut);
WINOLEAUTAPI VarCyFromBool(VARIANT_BOOL in, CY *pOut);
WINOLEAUTAPI VarCyFromI1(CHAR in, CY *pOut);
WINOLEAUTAPI VarCyFromUI2(USHORT in, CY *pOut);
WINOLEAUTAPI VarCyFromUI4(ULONG in, CY *pOut);
WINOLEAUTAPI VarCyFromUI8(ULONG64 in, CY *pOut);
WINOLEAUTAPI VarCyFromDec(const DECIMAL *pdecIn, CY *pOut);

/* -> BSTR */
WINOLEAUTAPI VarBstrFromUI1(BYTE in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromI2(SHORT in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromI4(LONG in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromI8(LONG64 in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromR4(FLOAT in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromR8(DOUBLE in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromDate(DATE in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromCy(CY cyIn, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromDisp(IDispatch *pdispIn, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromBool(VARIANT_BOOL in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromI1(CHAR in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromUI2(USHORT in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromUI4(ULONG in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromUI8(ULONG64 in, LCID lcid, ULONG dwFlags, BSTR *pOut);
WINOLEAUTAPI VarBstrFromDec(const DECIMAL *pdecIn, LCID lcid, ULONG dwFlags, BSTR *pOut);

/* -> VARIANT_BOOL */
WINOLEAUTAPI VarBoolFromUI1(BYTE in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromI2(SHORT in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromI4(LONG in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromI8(LONG64 in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromR4(FLOAT in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromR8(DOUBLE in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromDate(DATE in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromCy(CY cyIn, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromDisp(IDispatch *pdispIn, LCID lcid, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromI1(CHAR in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromUI2(USHORT in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromUI4(ULONG in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromUI8(ULONG64 in, VARIANT_BOOL *pOut);
WINOLEAUTAPI VarBoolFromDec(const DECIMAL *pdecIn, VARIANT_BOOL *pOut);

/* -> CHAR */
WINOLEAUTAPI VarI1FromUI1(BYTE in, CHAR *pOut);
WINOLEAUTAPI VarI1FromI2(SHORT in, CHAR *pOut);
WINOLEAUTAPI VarI1FromI4(LONG in, CHAR *pOut);
WINOLEAUTAPI VarI1FromI8(LONG64 in, CHAR *pOut);
WINOLEAUTAPI VarI1FromR4(FLOAT in, CHAR *pOut);
WINOLEAUTAPI VarI1FromR8(DOUBLE in, CHAR *pOut);
WINOLEAUTAPI VarI1FromDate(DATE in, CHAR *pOut);
WINOLEAUTAPI VarI1FromCy(CY cyIn, CHAR *pOut);
WINOLEAUTAPI VarI1FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, CHAR *pOut);
WINOLEAUTAPI VarI1FromDisp(IDispatch *pdispIn, LCID lcid, CHAR *pOut);
WINOLEAUTAPI VarI1FromBool(VARIANT_BOOL in, CHAR *pOut);
WINOLEAUTAPI VarI1FromUI2(USHORT in, CHAR *pOut);
WINOLEAUTAPI VarI1FromUI4(ULONG in, CHAR *pOut);
WINOLEAUTAPI VarI1FromUI8(ULONG64 in, CHAR *pOut);
WINOLEAUTAPI VarI1FromDec(const DECIMAL *pdecIn, CHAR *pOut);

/* -> USHORT */
WINOLEAUTAPI VarUI2FromUI1(BYTE in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromI2(SHORT in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromI4(LONG in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromI8(LONG64 in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromR4(FLOAT in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromR8(DOUBLE in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromDate(DATE in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromCy(CY cyIn, USHORT *pOut);
WINOLEAUTAPI VarUI2FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, USHORT *pOut);
WINOLEAUTAPI VarUI2FromDisp(IDispatch *pdispIn, LCID lcid, USHORT *pOut);
WINOLEAUTAPI VarUI2FromBool(VARIANT_BOOL in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromI1(CHAR in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromUI4(ULONG in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromUI8(ULONG64 in, USHORT *pOut);
WINOLEAUTAPI VarUI2FromDec(const DECIMAL *pdecIn, USHORT *pOut);

/* -> ULONG */
WINOLEAUTAPI VarUI4FromUI1(BYTE in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromI2(SHORT in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromI4(LONG in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromI8(LONG64 in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromR4(FLOAT in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromR8(DOUBLE in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromDate(DATE in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromCy(CY cyIn, ULONG *pOut);
WINOLEAUTAPI VarUI4FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, ULONG *pOut);
WINOLEAUTAPI VarUI4FromDisp(IDispatch *pdispIn, LCID lcid, ULONG *pOut);
WINOLEAUTAPI VarUI4FromBool(VARIANT_BOOL in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromI1(CHAR in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromUI2(USHORT in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromUI8(ULONG64 in, ULONG *pOut);
WINOLEAUTAPI VarUI4FromDec(const DECIMAL *pdecIn, ULONG *pOut);

/* -> ULONG64 */
WINOLEAUTAPI VarUI8FromUI1(BYTE in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromI2(SHORT in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromI4(LONG in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromI8(LONG64 in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromR4(FLOAT in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromR8(DOUBLE in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromDate(DATE in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromCy(CY cyIn, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromDisp(IDispatch *pdispIn, LCID lcid, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromBool(VARIANT_BOOL in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromI1(CHAR in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromUI2(USHORT in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromUI4(ULONG in, ULONG64 *pOut);
WINOLEAUTAPI VarUI8FromDec(const DECIMAL *pdecIn, ULONG64 *pOut);

/* -> DECIMAL */
WINOLEAUTAPI VarDecFromUI1(BYTE in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromI2(SHORT in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromI4(LONG in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromI8(LONG64 in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromR4(FLOAT in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromR8(DOUBLE in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromDate(DATE in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromCy(CY cyIn, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromDisp(IDispatch *pdispIn, LCID lcid, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromBool(VARIANT_BOOL in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromI1(CHAR in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromUI2(USHORT in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromUI4(ULONG in, DECIMAL *pOut);
WINOLEAUTAPI VarDecFromUI8(ULONG64 in, DECIMAL *pOut);
/* INT and UINT are 32-bit: their conversions are the I4/UI4 ones. */
#define VarIntFromUI1 VarI4FromUI1
#define VarIntFromI2 VarI4FromI2
#define VarIntFromI4(in, pOut) (*(pOut) = (in), S_OK)
#define VarIntFromI8 VarI4FromI8
#define VarIntFromR4 VarI4FromR4
#define VarIntFromR8 VarI4FromR8
#define VarIntFromDate VarI4FromDate
#define VarIntFromCy VarI4FromCy
#define VarIntFromStr VarI4FromStr
#define VarIntFromDisp VarI4FromDisp
#define VarIntFromBool VarI4FromBool
#define VarIntFromI1 VarI4FromI1
#define VarIntFromUI2 VarI4FromUI2
#define VarIntFromUI4 VarI4FromUI4
#define VarIntFromUI8 VarI4FromUI8
#define VarIntFromDec VarI4FromDec
#define VarUintFromUI1 VarUI4FromUI1
#define VarUintFromI2 VarUI4FromI2
#define VarUintFromI4 VarUI4FromI4
#define VarUintFromI8 VarUI4FromI8
#define VarUintFromR4 VarUI4FromR4
#define VarUintFromR8 VarUI4FromR8
#define VarUintFromDate VarUI4FromDate
#define VarUintFromCy VarUI4FromCy
#define VarUintFromStr VarUI4FromStr
#define VarUintFromDisp VarUI4FromDisp
#define VarUintFromBool VarUI4FromBool
#define VarUintFromI1 VarUI4FromI1
#define VarUintFromUI2 VarUI4FromUI2
#define VarUintFromUI4(in, pOut) (*(pOut) = (in), S_OK)
#define VarUintFromUI8 VarUI4FromUI8
#define VarUintFromDec VarUI4FromDec

/* ...and conversions from INT / UINT are the I4 / UI4 ones (SDK macros). */
#define VarUI1FromInt VarUI1FromI4
#define VarUI1FromUint VarUI1FromUI4
#define VarI2FromInt VarI2FromI4
#define VarI2FromUint VarI2FromUI4
#define VarI4FromInt(in, pOut) (*(pOut) = (in), S_OK)
#define VarI4FromUint VarI4FromUI4
#define VarI8FromInt VarI8FromI4
#define VarI8FromUint VarI8FromUI4
#define VarR4FromInt VarR4FromI4
#define VarR4FromUint VarR4FromUI4
#define VarR8FromInt VarR8FromI4
#define VarR8FromUint VarR8FromUI4
#define VarDateFromInt VarDateFromI4
#define VarDateFromUint VarDateFromUI4
#define VarCyFromInt VarCyFromI4
#define VarCyFromUint VarCyFromUI4
#define VarBstrFromInt VarBstrFromI4
#define VarBstrFromUint VarBstrFromUI4
#define VarBoolFromInt VarBoolFromI4
#define VarBoolFromUint VarBoolFromUI4
#define VarI1FromInt VarI1FromI4
#define VarI1FromUint VarI1FromUI4
#define VarUI2FromInt VarUI2FromI4
#define VarUI2FromUint VarUI2FromUI4
#define VarUI4FromInt VarUI4FromI4
#define VarUI4FromUint(in, pOut) (*(pOut) = (in), S_OK)
#define VarUI8FromInt VarUI8FromI4
#define VarUI8FromUint VarUI8FromUI4
#define VarDecFromInt VarDecFromI4
#define VarDecFromUint VarDecFromUI4

/* ---- Number parsing ----------------------------------------------------- */

typedef struct {
    INT cDig;        /* in: size of rgbDig; out: digits written */
    ULONG dwInFlags; /* NUMPRS_* allowed */
    ULONG dwOutFlags;
    INT cchUsed;
    INT nBaseShift; /* 0 decimal, 3 octal, 4 hex */
    INT nPwr10;
} NUMPARSE;

#define NUMPRS_LEADING_WHITE 0x0001
#define NUMPRS_TRAILING_WHITE 0x0002
#define NUMPRS_LEADING_PLUS 0x0004
#define NUMPRS_TRAILING_PLUS 0x0008
#define NUMPRS_LEADING_MINUS 0x0010
#define NUMPRS_TRAILING_MINUS 0x0020
#define NUMPRS_HEX_OCT 0x0040
#define NUMPRS_PARENS 0x0080
#define NUMPRS_DECIMAL 0x0100
#define NUMPRS_THOUSANDS 0x0200
#define NUMPRS_CURRENCY 0x0400
#define NUMPRS_EXPONENT 0x0800
#define NUMPRS_USE_ALL 0x1000
#define NUMPRS_STD 0x1FFF
#define NUMPRS_NEG 0x10000
#define NUMPRS_INEXACT 0x20000

#define VTBIT_I1 (1 << VT_I1)
#define VTBIT_UI1 (1 << VT_UI1)
#define VTBIT_I2 (1 << VT_I2)
#define VTBIT_UI2 (1 << VT_UI2)
#define VTBIT_I4 (1 << VT_I4)
#define VTBIT_UI4 (1 << VT_UI4)
#define VTBIT_I8 (1 << VT_I8)
#define VTBIT_UI8 (1 << VT_UI8)
#define VTBIT_R4 (1 << VT_R4)
#define VTBIT_R8 (1 << VT_R8)
#define VTBIT_CY (1 << VT_CY)
#define VTBIT_DECIMAL (1 << VT_DECIMAL)

WINOLEAUTAPI VarParseNumFromStr(LPCOLESTR strIn, LCID lcid, ULONG dwFlags, NUMPARSE *pnumprs, BYTE *rgbDig);
WINOLEAUTAPI VarNumFromParseNum(NUMPARSE *pnumprs, BYTE *rgbDig, ULONG dwVtBits, VARIANT *pvar);

/* ---- Dates -------------------------------------------------------------- */
/* A DATE counts days from 1899-12-30; the fraction is the time of day,
 * measured from midnight in the same direction for negative dates. */

typedef struct {
    SYSTEMTIME st;
    USHORT wDayOfYear;
} UDATE;

WINOLEAUTAPI VarDateFromUdate(UDATE *pudateIn, ULONG dwFlags, DATE *pdateOut);
WINOLEAUTAPI VarDateFromUdateEx(UDATE *pudateIn, LCID lcid, ULONG dwFlags, DATE *pdateOut);
WINOLEAUTAPI VarUdateFromDate(DATE dateIn, ULONG dwFlags, UDATE *pudateOut);
WINOLEAUTAPI_(INT) SystemTimeToVariantTime(LPSYSTEMTIME lpSystemTime, DOUBLE *pvtime);
WINOLEAUTAPI_(INT) VariantTimeToSystemTime(DOUBLE vtime, LPSYSTEMTIME lpSystemTime);
WINOLEAUTAPI_(INT) DosDateTimeToVariantTime(USHORT wDosDate, USHORT wDosTime, DOUBLE *pvtime);
WINOLEAUTAPI_(INT) VariantTimeToDosDateTime(DOUBLE vtime, USHORT *pwDosDate, USHORT *pwDosTime);

/* ---- Comparison and CY / DECIMAL arithmetic ----------------------------- */

#define VARCMP_LT 0
#define VARCMP_EQ 1
#define VARCMP_GT 2
#define VARCMP_NULL 3

/* VarCmp / VarBstrCmp dwFlags (NORM_* from winnls.h) */
#define NORM_IGNORECASE 0x00000001
#define NORM_IGNORENONSPACE 0x00000002
#define NORM_IGNORESYMBOLS 0x00000004
#define NORM_IGNOREWIDTH 0x00020000
#define NORM_IGNOREKANATYPE 0x00010000

WINOLEAUTAPI VarCmp(LPVARIANT pvarLeft, LPVARIANT pvarRight, LCID lcid, ULONG dwFlags);
WINOLEAUTAPI VarBstrCmp(BSTR bstrLeft, BSTR bstrRight, LCID lcid, ULONG dwFlags);
WINOLEAUTAPI VarBstrCat(BSTR bstrLeft, BSTR bstrRight, LPBSTR pbstrResult);

WINOLEAUTAPI VarCyAdd(CY cyLeft, CY cyRight, LPCY pcyResult);
WINOLEAUTAPI VarCySub(CY cyLeft, CY cyRight, LPCY pcyResult);
WINOLEAUTAPI VarCyMul(CY cyLeft, CY cyRight, LPCY pcyResult);
WINOLEAUTAPI VarCyMulI4(CY cyLeft, LONG lRight, LPCY pcyResult);
WINOLEAUTAPI VarCyMulI8(CY cyLeft, LONG64 lRight, LPCY pcyResult);
WINOLEAUTAPI VarCyAbs(CY cyIn, LPCY pcyResult);
WINOLEAUTAPI VarCyFix(CY cyIn, LPCY pcyResult);
WINOLEAUTAPI VarCyInt(CY cyIn, LPCY pcyResult);
WINOLEAUTAPI VarCyNeg(CY cyIn, LPCY pcyResult);
WINOLEAUTAPI VarCyRound(CY cyIn, int cDecimals, LPCY pcyResult);
WINOLEAUTAPI VarCyCmp(CY cyLeft, CY cyRight);
WINOLEAUTAPI VarCyCmpR8(CY cyLeft, double dblRight);

WINOLEAUTAPI VarDecAdd(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecSub(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecMul(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecDiv(LPDECIMAL pdecLeft, LPDECIMAL pdecRight, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecAbs(LPDECIMAL pdecIn, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecFix(LPDECIMAL pdecIn, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecInt(LPDECIMAL pdecIn, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecNeg(LPDECIMAL pdecIn, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecRound(LPDECIMAL pdecIn, int cDecimals, LPDECIMAL pdecResult);
WINOLEAUTAPI VarDecCmp(LPDECIMAL pdecLeft, LPDECIMAL pdecRight);
WINOLEAUTAPI VarDecCmpR8(LPDECIMAL pdecLeft, double dblRight);

WINOLEAUTAPI VarR4CmpR8(float fltLeft, double dblRight);
WINOLEAUTAPI VarR8Round(double dblIn, int cDecimals, double *pdblResult);

/* ---- SAFEARRAY ---------------------------------------------------------- */

WINOLEAUTAPI SafeArrayAllocDescriptor(UINT cDims, SAFEARRAY **ppsaOut);
WINOLEAUTAPI SafeArrayAllocDescriptorEx(VARTYPE vt, UINT cDims, SAFEARRAY **ppsaOut);
WINOLEAUTAPI SafeArrayAllocData(SAFEARRAY *psa);
WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreate(VARTYPE vt, UINT cDims, SAFEARRAYBOUND *rgsabound);
WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreateEx(VARTYPE vt, UINT cDims, SAFEARRAYBOUND *rgsabound, PVOID pvExtra);
WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreateVector(VARTYPE vt, LONG lLbound, ULONG cElements);
WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreateVectorEx(VARTYPE vt, LONG lLbound, ULONG cElements, PVOID pvExtra);
WINOLEAUTAPI SafeArrayCopy(SAFEARRAY *psa, SAFEARRAY **ppsaOut);
WINOLEAUTAPI SafeArrayCopyData(SAFEARRAY *psaSource, SAFEARRAY *psaTarget);
WINOLEAUTAPI SafeArrayDestroy(SAFEARRAY *psa);
WINOLEAUTAPI SafeArrayDestroyData(SAFEARRAY *psa);
WINOLEAUTAPI SafeArrayDestroyDescriptor(SAFEARRAY *psa);
WINOLEAUTAPI SafeArrayRedim(SAFEARRAY *psa, SAFEARRAYBOUND *psaboundNew);
WINOLEAUTAPI_(UINT) SafeArrayGetDim(SAFEARRAY *psa);
WINOLEAUTAPI_(UINT) SafeArrayGetElemsize(SAFEARRAY *psa);
WINOLEAUTAPI SafeArrayGetUBound(SAFEARRAY *psa, UINT nDim, LONG *plUbound);
WINOLEAUTAPI SafeArrayGetLBound(SAFEARRAY *psa, UINT nDim, LONG *plLbound);
WINOLEAUTAPI SafeArrayLock(SAFEARRAY *psa);
WINOLEAUTAPI SafeArrayUnlock(SAFEARRAY *psa);
WINOLEAUTAPI SafeArrayAccessData(SAFEARRAY *psa, void **ppvData);
WINOLEAUTAPI SafeArrayUnaccessData(SAFEARRAY *psa);
WINOLEAUTAPI SafeArrayGetElement(SAFEARRAY *psa, LONG *rgIndices, void *pv);
WINOLEAUTAPI SafeArrayPutElement(SAFEARRAY *psa, LONG *rgIndices, void *pv);
WINOLEAUTAPI SafeArrayPtrOfIndex(SAFEARRAY *psa, LONG *rgIndices, void **ppvData);
WINOLEAUTAPI SafeArraySetRecordInfo(SAFEARRAY *psa, IRecordInfo *prinfo);
WINOLEAUTAPI SafeArrayGetRecordInfo(SAFEARRAY *psa, IRecordInfo **prinfo);
WINOLEAUTAPI SafeArraySetIID(SAFEARRAY *psa, REFGUID guid);
WINOLEAUTAPI SafeArrayGetIID(SAFEARRAY *psa, GUID *pguid);
WINOLEAUTAPI SafeArrayGetVartype(SAFEARRAY *psa, VARTYPE *pvt);

/* ---- Type libraries -------------------------------------------------------- */

typedef enum tagREGKIND { REGKIND_DEFAULT, REGKIND_REGISTER, REGKIND_NONE } REGKIND;

/* Loads a type library: a .tlb file (MSFT or SLTG format) or a PE file
 * (.dll/.ocx/.exe) holding TYPELIB resources; "file.dll\\2" picks resource 2.
 * *pptlib receives the library (Release it).  Loading a file that is already
 * loaded returns the same object.  LoadTypeLibEx also registers the library
 * (RegisterTypeLib with its full path) for REGKIND_REGISTER, and for
 * REGKIND_DEFAULT when szFile is not an absolute path; a failed registration
 * fails the call (*pptlib NULL).  LoadTypeLib = LoadTypeLibEx(REGKIND_DEFAULT).
 * Imported libraries are found through the registry (by LIBID, version and
 * LCID), else beside the file, else in the directories of COMRT_TYPELIB_PATH. */
WINOLEAUTAPI LoadTypeLib(LPCOLESTR szFile, ITypeLib **pptlib);
WINOLEAUTAPI LoadTypeLibEx(LPCOLESTR szFile, REGKIND regkind, ITypeLib **pptlib);

/* Creates an empty type library to be written to szFile (MSFT format) by
 * ICreateTypeLib2::SaveAllChanges; syskind (SYS_WIN32 / SYS_WIN64) sets
 * pointer sizes for LayOut.  *ppctlib receives it (Release it). */
WINOLEAUTAPI CreateTypeLib2(SYSKIND syskind, LPCOLESTR szFile, ICreateTypeLib2 **ppctlib);

/* The hash type libraries store with each name (LHashValOfName). */
WINOLEAUTAPI_(ULONG) LHashValOfNameSysA(SYSKIND syskind, LCID lcid, LPCSTR szName);
WINOLEAUTAPI_(ULONG) LHashValOfNameSys(SYSKIND syskind, LCID lcid, const OLECHAR *szName);
#define LHashValOfName(lcid, szName) LHashValOfNameSys(SYS_WIN32, lcid, szName)
#define WHashValOfLHashVal(lhashval) ((USHORT)(0x0000ffff & (lhashval)))
#define IsHashValCompatible(lhashval1, lhashval2) ((BOOL)((0x00ff0000 & (lhashval1)) == (0x00ff0000 & (lhashval2))))

/* ---- Registered type libraries (lib/runtime/tlbreg.c) ---------------------
 * HKCR\TypeLib\{libid}\MAJ.MIN (hex; @ = doc string or name) with
 * LCID\win64|win32|win16 (@ = the path as given, a Unix path here), FLAGS
 * (LIBFLAGS, decimal) and HELPDIR; HKCR\Interface\{iid} for every
 * dispinterface and [oleautomation]/dual interface: @ = name,
 * ProxyStubClsid(32) = the universal marshaler {00020424-...} (PSDispatch
 * {00020420-...} for a dispinterface that is not dual), TypeLib = libid with
 * Version, as oleaut32 writes them (golden: tests/golden/tlbreg.txt). */

/* Registers ptlib as loaded from szFullPath (stored as given); szHelpDir NULL
 * keeps an existing HELPDIR, or stores szFullPath's folder in a new one.
 * RegisterTypeLib writes through HKCR (whose writes land in the per-user
 * layer, see docs/registry.md), RegisterTypeLibForUser in
 * HKCU\Software\Classes.  All writes of one call are one transaction.
 * NULL ptlib or szFullPath: E_INVALIDARG; a SYSKIND other than
 * win16/32/64: E_FAIL; the registry not writable: TYPE_E_REGISTRYACCESS. */
WINOLEAUTAPI RegisterTypeLib(ITypeLib *ptlib, LPCOLESTR szFullPath, LPCOLESTR szHelpDir);
WINOLEAUTAPI RegisterTypeLibForUser(ITypeLib *ptlib, OLECHAR *szFullPath, OLECHAR *szHelpDir);
/* Removes one (version, lcid, syskind) registration: the LCID\platform key,
 * then what is left empty (LCID key; version key with FLAGS/HELPDIR;
 * TypeLib\{libid}), and the Interface keys of the library's interfaces that
 * still name this library.  Not registered so: E_INVALIDARG; the registered
 * path names no loadable library: TYPE_E_INVALIDSTATE (nothing removed). */
WINOLEAUTAPI UnRegisterTypeLib(REFGUID libID, WORD wVerMajor, WORD wVerMinor, LCID lcid, SYSKIND syskind);
WINOLEAUTAPI UnRegisterTypeLibForUser(REFGUID libID, WORD wMajorVerNum, WORD wMinorVerNum, LCID lcid,
                                      SYSKIND syskind);
/* *lpbstrPathName receives the registered path (caller SysFreeString's):
 * the same major version with the exact minor, else the highest minor >=
 * wMin (0xFFFF.0xFFFF: the highest major and minor); in it lcid, then its
 * primary language (neutral sublanguage), then 0, under win64 and then
 * win32.  None: TYPE_E_LIBNOTREGISTERED. */
WINOLEAUTAPI QueryPathOfRegTypeLib(REFGUID guid, USHORT wMaj, USHORT wMin, LCID lcid, LPBSTR lpbstrPathName);
/* QueryPathOfRegTypeLib + LoadTypeLib; *pptlib receives the library (NULL
 * on failure).  A file whose version is not wVerMajor.>=wVerMinor:
 * TYPE_E_LIBNOTREGISTERED. */
WINOLEAUTAPI LoadRegTypeLib(REFGUID rguid, WORD wVerMajor, WORD wVerMinor, LCID lcid, ITypeLib **pptlib);

/* ---- Active objects (the running object table; lib/runtime/rot.c) -------- */
#define ACTIVEOBJECT_STRONG 0x0
#define ACTIVEOBJECT_WEAK 0x1

/* Registers punk as the running instance of rclsid (in the ROT, under the
 * item moniker "!" + "{CLSID}", as Windows does); *pdwRegister receives the
 * cookie for RevokeActiveObject.  MK_S_MONIKERALREADYREGISTERED when the
 * class already has one (the new registration is made all the same).  The
 * ROT holds a reference on punk until revoked in either mode
 * (ACTIVEOBJECT_WEAK only matters to clients in other processes).
 * RevokeActiveObject: E_INVALIDARG for an unknown cookie. */
WINOLEAUTAPI RegisterActiveObject(IUnknown *punk, REFCLSID rclsid, DWORD dwFlags, DWORD *pdwRegister);
WINOLEAUTAPI RevokeActiveObject(DWORD dwRegister, void *pvReserved);
/* *ppunk receives the running instance of rclsid (caller Releases);
 * MK_E_UNAVAILABLE when none is registered. */
WINOLEAUTAPI GetActiveObject(REFCLSID rclsid, void *pvReserved, IUnknown **ppunk);

/* ---- Calling any function ------------------------------------------------- */

/* Calls vtable slot oVft / sizeof(void *) of pvInstance (pvInstance passed
 * first), or the function at address oVft when pvInstance is NULL, with
 * cActuals arguments: argument i has type prgvt[i] and its value in
 * *prgpvarg[i].  *pvargResult receives the result as a VARIANT of type
 * vtReturn (the caller owns what it holds).  cc: CC_STDCALL or CC_CDECL
 * (both the native System V convention on Linux), or CC_COMRT_MSABI
 * (comrtext.h) for __attribute__((ms_abi)) code. */
WINOLEAUTAPI DispCallFunc(void *pvInstance, ULONG_PTR oVft, CALLCONV cc, VARTYPE vtReturn, UINT cActuals,
                          VARTYPE *prgvt, VARIANTARG **prgpvarg, VARIANT *pvargResult);

/* ---- Late binding over type information (dispinvoke.c, stddispatch.c) --- */

/* IDispatch::Invoke for _this as ptinfo describes it (ptinfo->Invoke). */
WINOLEAUTAPI DispInvoke(void *_this, ITypeInfo *ptinfo, DISPID dispidMember, WORD wFlags, DISPPARAMS *pparams,
                        VARIANT *pvarResult, EXCEPINFO *pexcepinfo, UINT *puArgErr);
/* IDispatch::GetIDsOfNames from ptinfo (ptinfo->GetIDsOfNames). */
WINOLEAUTAPI DispGetIDsOfNames(ITypeInfo *ptinfo, OLECHAR **rgszNames, UINT cNames, DISPID *rgdispid);
/* Argument `position` of pdispparams coerced to vtTarg in *pvarResult
 * (caller clears it); *puArgErr = its rgvarg index when coercion fails. */
WINOLEAUTAPI DispGetParam(DISPPARAMS *pdispparams, UINT position, VARTYPE vtTarg, VARIANT *pvarResult,
                          UINT *puArgErr);
/* A standard IDispatch for pvThis described by ptinfo; *ppunkStdDisp gets
 * its controlling IUnknown (caller Releases); punkOuter: aggregated. */
WINOLEAUTAPI CreateStdDispatch(IUnknown *punkOuter, void *pvThis, ITypeInfo *ptinfo, IUnknown **ppunkStdDisp);

/* CreateDispTypeInfo's description of an interface (the SDK's types). */
typedef struct tagPARAMDATA {
    OLECHAR *szName;
    VARTYPE vt;
} PARAMDATA, *LPPARAMDATA;

typedef struct tagMETHODDATA {
    OLECHAR *szName;
    PARAMDATA *ppdata;
    DISPID dispid;
    UINT iMeth; /* vtable slot */
    CALLCONV cc;
    UINT cArgs;
    WORD wFlags; /* DISPATCH_METHOD / PROPERTYGET / PROPERTYPUT / PROPERTYPUTREF */
    VARTYPE vtReturn;
} METHODDATA, *LPMETHODDATA;

typedef struct tagINTERFACEDATA {
    METHODDATA *pmethdata;
    UINT cMembers;
} INTERFACEDATA, *LPINTERFACEDATA;

/* Type information built from pidata: a coclass whose one interface has
 * the methods described; *pptinfo receives it (caller Releases). */
WINOLEAUTAPI CreateDispTypeInfo(INTERFACEDATA *pidata, LCID lcid, ITypeInfo **pptinfo);

/* ---- Error info (per thread) -------------------------------------------- */

/* Replaces the thread's error object (AddRef's perr, releases the old one). */
WINOLEAUTAPI SetErrorInfo(ULONG dwReserved, IErrorInfo *perrinfo);
/* Takes the thread's error object: *pperrinfo receives it (caller Releases)
 * and the thread's slot is cleared; S_FALSE and NULL when there is none. */
WINOLEAUTAPI GetErrorInfo(ULONG dwReserved, IErrorInfo **pperrinfo);
/* A new, empty error object (QueryInterface it for IErrorInfo). */
WINOLEAUTAPI CreateErrorInfo(ICreateErrorInfo **pperrinfo);

COMRT_END_DECLS

#endif /* COMRT_OLEAUTO_H */
