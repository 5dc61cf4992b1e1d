/*
 * varfunc_probe.c — the VarXxxFromYyy family called directly (not through
 * VariantChangeTypeEx, which Wine and Windows route differently in places),
 * and the string conversions with the dwFlags VariantChangeTypeEx cannot
 * pass: VarDateFromStr / VarBstrFromDate with VAR_TIMEVALUEONLY,
 * VAR_DATEVALUEONLY, VAR_FOURDIGITYEARS, LOCALE_NOUSEROVERRIDE;
 * VarBstrFromBool / VarBoolFromStr with VAR_LOCALBOOL; number formatting
 * with LOCALE_NOUSEROVERRIDE.
 *
 * Key: VarXFromY(label) (or with lcid/flags); result: HRESULT and, on
 * success, the output in the canonical form of probe_util.h.
 */
#include "probe_util.h"

#include <time.h>

#ifndef VAR_FOURDIGITYEARS
#define VAR_FOURDIGITYEARS 0x00000040
#endif

/* One wrapper per VarXFromY: the input comes from a VARIANT of the source
 * type, the output goes to the target field (void * converts implicitly,
 * which papers over CHAR vs signed char in the two SDKs).  VarI8FromI4 and
 * VarUI8FromI4 are left out: the SDK declares them but oleaut32 (Windows'
 * and Wine's) does not export them. */
static HRESULT w_I1_UI1(const VARIANT *in, void *out) { return VarI1FromUI1(V_UI1(in), out); }
static HRESULT w_I1_I2(const VARIANT *in, void *out) { return VarI1FromI2(V_I2(in), out); }
static HRESULT w_I1_UI2(const VARIANT *in, void *out) { return VarI1FromUI2(V_UI2(in), out); }
static HRESULT w_I1_I4(const VARIANT *in, void *out) { return VarI1FromI4(V_I4(in), out); }
static HRESULT w_I1_UI4(const VARIANT *in, void *out) { return VarI1FromUI4(V_UI4(in), out); }
static HRESULT w_I1_I8(const VARIANT *in, void *out) { return VarI1FromI8(V_I8(in), out); }
static HRESULT w_I1_UI8(const VARIANT *in, void *out) { return VarI1FromUI8(V_UI8(in), out); }
static HRESULT w_I1_R4(const VARIANT *in, void *out) { return VarI1FromR4(V_R4(in), out); }
static HRESULT w_I1_R8(const VARIANT *in, void *out) { return VarI1FromR8(V_R8(in), out); }
static HRESULT w_I1_CY(const VARIANT *in, void *out) { return VarI1FromCy(V_CY(in), out); }
static HRESULT w_I1_DATE(const VARIANT *in, void *out) { return VarI1FromDate(V_DATE(in), out); }
static HRESULT w_I1_BOOL(const VARIANT *in, void *out) { return VarI1FromBool(V_BOOL(in), out); }
static HRESULT w_I1_DEC(const VARIANT *in, void *out) { return VarI1FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_UI1_I1(const VARIANT *in, void *out) { return VarUI1FromI1(V_I1(in), out); }
static HRESULT w_UI1_I2(const VARIANT *in, void *out) { return VarUI1FromI2(V_I2(in), out); }
static HRESULT w_UI1_UI2(const VARIANT *in, void *out) { return VarUI1FromUI2(V_UI2(in), out); }
static HRESULT w_UI1_I4(const VARIANT *in, void *out) { return VarUI1FromI4(V_I4(in), out); }
static HRESULT w_UI1_UI4(const VARIANT *in, void *out) { return VarUI1FromUI4(V_UI4(in), out); }
static HRESULT w_UI1_I8(const VARIANT *in, void *out) { return VarUI1FromI8(V_I8(in), out); }
static HRESULT w_UI1_UI8(const VARIANT *in, void *out) { return VarUI1FromUI8(V_UI8(in), out); }
static HRESULT w_UI1_R4(const VARIANT *in, void *out) { return VarUI1FromR4(V_R4(in), out); }
static HRESULT w_UI1_R8(const VARIANT *in, void *out) { return VarUI1FromR8(V_R8(in), out); }
static HRESULT w_UI1_CY(const VARIANT *in, void *out) { return VarUI1FromCy(V_CY(in), out); }
static HRESULT w_UI1_DATE(const VARIANT *in, void *out) { return VarUI1FromDate(V_DATE(in), out); }
static HRESULT w_UI1_BOOL(const VARIANT *in, void *out) { return VarUI1FromBool(V_BOOL(in), out); }
static HRESULT w_UI1_DEC(const VARIANT *in, void *out) { return VarUI1FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_I2_I1(const VARIANT *in, void *out) { return VarI2FromI1(V_I1(in), out); }
static HRESULT w_I2_UI1(const VARIANT *in, void *out) { return VarI2FromUI1(V_UI1(in), out); }
static HRESULT w_I2_UI2(const VARIANT *in, void *out) { return VarI2FromUI2(V_UI2(in), out); }
static HRESULT w_I2_I4(const VARIANT *in, void *out) { return VarI2FromI4(V_I4(in), out); }
static HRESULT w_I2_UI4(const VARIANT *in, void *out) { return VarI2FromUI4(V_UI4(in), out); }
static HRESULT w_I2_I8(const VARIANT *in, void *out) { return VarI2FromI8(V_I8(in), out); }
static HRESULT w_I2_UI8(const VARIANT *in, void *out) { return VarI2FromUI8(V_UI8(in), out); }
static HRESULT w_I2_R4(const VARIANT *in, void *out) { return VarI2FromR4(V_R4(in), out); }
static HRESULT w_I2_R8(const VARIANT *in, void *out) { return VarI2FromR8(V_R8(in), out); }
static HRESULT w_I2_CY(const VARIANT *in, void *out) { return VarI2FromCy(V_CY(in), out); }
static HRESULT w_I2_DATE(const VARIANT *in, void *out) { return VarI2FromDate(V_DATE(in), out); }
static HRESULT w_I2_BOOL(const VARIANT *in, void *out) { return VarI2FromBool(V_BOOL(in), out); }
static HRESULT w_I2_DEC(const VARIANT *in, void *out) { return VarI2FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_UI2_I1(const VARIANT *in, void *out) { return VarUI2FromI1(V_I1(in), out); }
static HRESULT w_UI2_UI1(const VARIANT *in, void *out) { return VarUI2FromUI1(V_UI1(in), out); }
static HRESULT w_UI2_I2(const VARIANT *in, void *out) { return VarUI2FromI2(V_I2(in), out); }
static HRESULT w_UI2_I4(const VARIANT *in, void *out) { return VarUI2FromI4(V_I4(in), out); }
static HRESULT w_UI2_UI4(const VARIANT *in, void *out) { return VarUI2FromUI4(V_UI4(in), out); }
static HRESULT w_UI2_I8(const VARIANT *in, void *out) { return VarUI2FromI8(V_I8(in), out); }
static HRESULT w_UI2_UI8(const VARIANT *in, void *out) { return VarUI2FromUI8(V_UI8(in), out); }
static HRESULT w_UI2_R4(const VARIANT *in, void *out) { return VarUI2FromR4(V_R4(in), out); }
static HRESULT w_UI2_R8(const VARIANT *in, void *out) { return VarUI2FromR8(V_R8(in), out); }
static HRESULT w_UI2_CY(const VARIANT *in, void *out) { return VarUI2FromCy(V_CY(in), out); }
static HRESULT w_UI2_DATE(const VARIANT *in, void *out) { return VarUI2FromDate(V_DATE(in), out); }
static HRESULT w_UI2_BOOL(const VARIANT *in, void *out) { return VarUI2FromBool(V_BOOL(in), out); }
static HRESULT w_UI2_DEC(const VARIANT *in, void *out) { return VarUI2FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_I4_I1(const VARIANT *in, void *out) { return VarI4FromI1(V_I1(in), out); }
static HRESULT w_I4_UI1(const VARIANT *in, void *out) { return VarI4FromUI1(V_UI1(in), out); }
static HRESULT w_I4_I2(const VARIANT *in, void *out) { return VarI4FromI2(V_I2(in), out); }
static HRESULT w_I4_UI2(const VARIANT *in, void *out) { return VarI4FromUI2(V_UI2(in), out); }
static HRESULT w_I4_UI4(const VARIANT *in, void *out) { return VarI4FromUI4(V_UI4(in), out); }
static HRESULT w_I4_I8(const VARIANT *in, void *out) { return VarI4FromI8(V_I8(in), out); }
static HRESULT w_I4_UI8(const VARIANT *in, void *out) { return VarI4FromUI8(V_UI8(in), out); }
static HRESULT w_I4_R4(const VARIANT *in, void *out) { return VarI4FromR4(V_R4(in), out); }
static HRESULT w_I4_R8(const VARIANT *in, void *out) { return VarI4FromR8(V_R8(in), out); }
static HRESULT w_I4_CY(const VARIANT *in, void *out) { return VarI4FromCy(V_CY(in), out); }
static HRESULT w_I4_DATE(const VARIANT *in, void *out) { return VarI4FromDate(V_DATE(in), out); }
static HRESULT w_I4_BOOL(const VARIANT *in, void *out) { return VarI4FromBool(V_BOOL(in), out); }
static HRESULT w_I4_DEC(const VARIANT *in, void *out) { return VarI4FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_UI4_I1(const VARIANT *in, void *out) { return VarUI4FromI1(V_I1(in), out); }
static HRESULT w_UI4_UI1(const VARIANT *in, void *out) { return VarUI4FromUI1(V_UI1(in), out); }
static HRESULT w_UI4_I2(const VARIANT *in, void *out) { return VarUI4FromI2(V_I2(in), out); }
static HRESULT w_UI4_UI2(const VARIANT *in, void *out) { return VarUI4FromUI2(V_UI2(in), out); }
static HRESULT w_UI4_I4(const VARIANT *in, void *out) { return VarUI4FromI4(V_I4(in), out); }
static HRESULT w_UI4_I8(const VARIANT *in, void *out) { return VarUI4FromI8(V_I8(in), out); }
static HRESULT w_UI4_UI8(const VARIANT *in, void *out) { return VarUI4FromUI8(V_UI8(in), out); }
static HRESULT w_UI4_R4(const VARIANT *in, void *out) { return VarUI4FromR4(V_R4(in), out); }
static HRESULT w_UI4_R8(const VARIANT *in, void *out) { return VarUI4FromR8(V_R8(in), out); }
static HRESULT w_UI4_CY(const VARIANT *in, void *out) { return VarUI4FromCy(V_CY(in), out); }
static HRESULT w_UI4_DATE(const VARIANT *in, void *out) { return VarUI4FromDate(V_DATE(in), out); }
static HRESULT w_UI4_BOOL(const VARIANT *in, void *out) { return VarUI4FromBool(V_BOOL(in), out); }
static HRESULT w_UI4_DEC(const VARIANT *in, void *out) { return VarUI4FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_I8_I1(const VARIANT *in, void *out) { return VarI8FromI1(V_I1(in), out); }
static HRESULT w_I8_UI1(const VARIANT *in, void *out) { return VarI8FromUI1(V_UI1(in), out); }
static HRESULT w_I8_I2(const VARIANT *in, void *out) { return VarI8FromI2(V_I2(in), out); }
static HRESULT w_I8_UI2(const VARIANT *in, void *out) { return VarI8FromUI2(V_UI2(in), out); }
static HRESULT w_I8_UI4(const VARIANT *in, void *out) { return VarI8FromUI4(V_UI4(in), out); }
static HRESULT w_I8_UI8(const VARIANT *in, void *out) { return VarI8FromUI8(V_UI8(in), out); }
static HRESULT w_I8_R4(const VARIANT *in, void *out) { return VarI8FromR4(V_R4(in), out); }
static HRESULT w_I8_R8(const VARIANT *in, void *out) { return VarI8FromR8(V_R8(in), out); }
static HRESULT w_I8_CY(const VARIANT *in, void *out) { return VarI8FromCy(V_CY(in), out); }
static HRESULT w_I8_DATE(const VARIANT *in, void *out) { return VarI8FromDate(V_DATE(in), out); }
static HRESULT w_I8_BOOL(const VARIANT *in, void *out) { return VarI8FromBool(V_BOOL(in), out); }
static HRESULT w_I8_DEC(const VARIANT *in, void *out) { return VarI8FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_UI8_I1(const VARIANT *in, void *out) { return VarUI8FromI1(V_I1(in), out); }
static HRESULT w_UI8_UI1(const VARIANT *in, void *out) { return VarUI8FromUI1(V_UI1(in), out); }
static HRESULT w_UI8_I2(const VARIANT *in, void *out) { return VarUI8FromI2(V_I2(in), out); }
static HRESULT w_UI8_UI2(const VARIANT *in, void *out) { return VarUI8FromUI2(V_UI2(in), out); }
static HRESULT w_UI8_UI4(const VARIANT *in, void *out) { return VarUI8FromUI4(V_UI4(in), out); }
static HRESULT w_UI8_I8(const VARIANT *in, void *out) { return VarUI8FromI8(V_I8(in), out); }
static HRESULT w_UI8_R4(const VARIANT *in, void *out) { return VarUI8FromR4(V_R4(in), out); }
static HRESULT w_UI8_R8(const VARIANT *in, void *out) { return VarUI8FromR8(V_R8(in), out); }
static HRESULT w_UI8_CY(const VARIANT *in, void *out) { return VarUI8FromCy(V_CY(in), out); }
static HRESULT w_UI8_DATE(const VARIANT *in, void *out) { return VarUI8FromDate(V_DATE(in), out); }
static HRESULT w_UI8_BOOL(const VARIANT *in, void *out) { return VarUI8FromBool(V_BOOL(in), out); }
static HRESULT w_UI8_DEC(const VARIANT *in, void *out) { return VarUI8FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_R4_I1(const VARIANT *in, void *out) { return VarR4FromI1(V_I1(in), out); }
static HRESULT w_R4_UI1(const VARIANT *in, void *out) { return VarR4FromUI1(V_UI1(in), out); }
static HRESULT w_R4_I2(const VARIANT *in, void *out) { return VarR4FromI2(V_I2(in), out); }
static HRESULT w_R4_UI2(const VARIANT *in, void *out) { return VarR4FromUI2(V_UI2(in), out); }
static HRESULT w_R4_I4(const VARIANT *in, void *out) { return VarR4FromI4(V_I4(in), out); }
static HRESULT w_R4_UI4(const VARIANT *in, void *out) { return VarR4FromUI4(V_UI4(in), out); }
static HRESULT w_R4_I8(const VARIANT *in, void *out) { return VarR4FromI8(V_I8(in), out); }
static HRESULT w_R4_UI8(const VARIANT *in, void *out) { return VarR4FromUI8(V_UI8(in), out); }
static HRESULT w_R4_R8(const VARIANT *in, void *out) { return VarR4FromR8(V_R8(in), out); }
static HRESULT w_R4_CY(const VARIANT *in, void *out) { return VarR4FromCy(V_CY(in), out); }
static HRESULT w_R4_DATE(const VARIANT *in, void *out) { return VarR4FromDate(V_DATE(in), out); }
static HRESULT w_R4_BOOL(const VARIANT *in, void *out) { return VarR4FromBool(V_BOOL(in), out); }
static HRESULT w_R4_DEC(const VARIANT *in, void *out) { return VarR4FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_R8_I1(const VARIANT *in, void *out) { return VarR8FromI1(V_I1(in), out); }
static HRESULT w_R8_UI1(const VARIANT *in, void *out) { return VarR8FromUI1(V_UI1(in), out); }
static HRESULT w_R8_I2(const VARIANT *in, void *out) { return VarR8FromI2(V_I2(in), out); }
static HRESULT w_R8_UI2(const VARIANT *in, void *out) { return VarR8FromUI2(V_UI2(in), out); }
static HRESULT w_R8_I4(const VARIANT *in, void *out) { return VarR8FromI4(V_I4(in), out); }
static HRESULT w_R8_UI4(const VARIANT *in, void *out) { return VarR8FromUI4(V_UI4(in), out); }
static HRESULT w_R8_I8(const VARIANT *in, void *out) { return VarR8FromI8(V_I8(in), out); }
static HRESULT w_R8_UI8(const VARIANT *in, void *out) { return VarR8FromUI8(V_UI8(in), out); }
static HRESULT w_R8_R4(const VARIANT *in, void *out) { return VarR8FromR4(V_R4(in), out); }
static HRESULT w_R8_CY(const VARIANT *in, void *out) { return VarR8FromCy(V_CY(in), out); }
static HRESULT w_R8_DATE(const VARIANT *in, void *out) { return VarR8FromDate(V_DATE(in), out); }
static HRESULT w_R8_BOOL(const VARIANT *in, void *out) { return VarR8FromBool(V_BOOL(in), out); }
static HRESULT w_R8_DEC(const VARIANT *in, void *out) { return VarR8FromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_CY_I1(const VARIANT *in, void *out) { return VarCyFromI1(V_I1(in), out); }
static HRESULT w_CY_UI1(const VARIANT *in, void *out) { return VarCyFromUI1(V_UI1(in), out); }
static HRESULT w_CY_I2(const VARIANT *in, void *out) { return VarCyFromI2(V_I2(in), out); }
static HRESULT w_CY_UI2(const VARIANT *in, void *out) { return VarCyFromUI2(V_UI2(in), out); }
static HRESULT w_CY_I4(const VARIANT *in, void *out) { return VarCyFromI4(V_I4(in), out); }
static HRESULT w_CY_UI4(const VARIANT *in, void *out) { return VarCyFromUI4(V_UI4(in), out); }
static HRESULT w_CY_I8(const VARIANT *in, void *out) { return VarCyFromI8(V_I8(in), out); }
static HRESULT w_CY_UI8(const VARIANT *in, void *out) { return VarCyFromUI8(V_UI8(in), out); }
static HRESULT w_CY_R4(const VARIANT *in, void *out) { return VarCyFromR4(V_R4(in), out); }
static HRESULT w_CY_R8(const VARIANT *in, void *out) { return VarCyFromR8(V_R8(in), out); }
static HRESULT w_CY_DATE(const VARIANT *in, void *out) { return VarCyFromDate(V_DATE(in), out); }
static HRESULT w_CY_BOOL(const VARIANT *in, void *out) { return VarCyFromBool(V_BOOL(in), out); }
static HRESULT w_CY_DEC(const VARIANT *in, void *out) { return VarCyFromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_DATE_I1(const VARIANT *in, void *out) { return VarDateFromI1(V_I1(in), out); }
static HRESULT w_DATE_UI1(const VARIANT *in, void *out) { return VarDateFromUI1(V_UI1(in), out); }
static HRESULT w_DATE_I2(const VARIANT *in, void *out) { return VarDateFromI2(V_I2(in), out); }
static HRESULT w_DATE_UI2(const VARIANT *in, void *out) { return VarDateFromUI2(V_UI2(in), out); }
static HRESULT w_DATE_I4(const VARIANT *in, void *out) { return VarDateFromI4(V_I4(in), out); }
static HRESULT w_DATE_UI4(const VARIANT *in, void *out) { return VarDateFromUI4(V_UI4(in), out); }
static HRESULT w_DATE_I8(const VARIANT *in, void *out) { return VarDateFromI8(V_I8(in), out); }
static HRESULT w_DATE_UI8(const VARIANT *in, void *out) { return VarDateFromUI8(V_UI8(in), out); }
static HRESULT w_DATE_R4(const VARIANT *in, void *out) { return VarDateFromR4(V_R4(in), out); }
static HRESULT w_DATE_R8(const VARIANT *in, void *out) { return VarDateFromR8(V_R8(in), out); }
static HRESULT w_DATE_CY(const VARIANT *in, void *out) { return VarDateFromCy(V_CY(in), out); }
static HRESULT w_DATE_BOOL(const VARIANT *in, void *out) { return VarDateFromBool(V_BOOL(in), out); }
static HRESULT w_DATE_DEC(const VARIANT *in, void *out) { return VarDateFromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_BOOL_I1(const VARIANT *in, void *out) { return VarBoolFromI1(V_I1(in), out); }
static HRESULT w_BOOL_UI1(const VARIANT *in, void *out) { return VarBoolFromUI1(V_UI1(in), out); }
static HRESULT w_BOOL_I2(const VARIANT *in, void *out) { return VarBoolFromI2(V_I2(in), out); }
static HRESULT w_BOOL_UI2(const VARIANT *in, void *out) { return VarBoolFromUI2(V_UI2(in), out); }
static HRESULT w_BOOL_I4(const VARIANT *in, void *out) { return VarBoolFromI4(V_I4(in), out); }
static HRESULT w_BOOL_UI4(const VARIANT *in, void *out) { return VarBoolFromUI4(V_UI4(in), out); }
static HRESULT w_BOOL_I8(const VARIANT *in, void *out) { return VarBoolFromI8(V_I8(in), out); }
static HRESULT w_BOOL_UI8(const VARIANT *in, void *out) { return VarBoolFromUI8(V_UI8(in), out); }
static HRESULT w_BOOL_R4(const VARIANT *in, void *out) { return VarBoolFromR4(V_R4(in), out); }
static HRESULT w_BOOL_R8(const VARIANT *in, void *out) { return VarBoolFromR8(V_R8(in), out); }
static HRESULT w_BOOL_CY(const VARIANT *in, void *out) { return VarBoolFromCy(V_CY(in), out); }
static HRESULT w_BOOL_DATE(const VARIANT *in, void *out) { return VarBoolFromDate(V_DATE(in), out); }
static HRESULT w_BOOL_DEC(const VARIANT *in, void *out) { return VarBoolFromDec((DECIMAL *)&V_DECIMAL(in), out); }
static HRESULT w_DEC_I1(const VARIANT *in, void *out) { return VarDecFromI1(V_I1(in), out); }
static HRESULT w_DEC_UI1(const VARIANT *in, void *out) { return VarDecFromUI1(V_UI1(in), out); }
static HRESULT w_DEC_I2(const VARIANT *in, void *out) { return VarDecFromI2(V_I2(in), out); }
static HRESULT w_DEC_UI2(const VARIANT *in, void *out) { return VarDecFromUI2(V_UI2(in), out); }
static HRESULT w_DEC_I4(const VARIANT *in, void *out) { return VarDecFromI4(V_I4(in), out); }
static HRESULT w_DEC_UI4(const VARIANT *in, void *out) { return VarDecFromUI4(V_UI4(in), out); }
static HRESULT w_DEC_I8(const VARIANT *in, void *out) { return VarDecFromI8(V_I8(in), out); }
static HRESULT w_DEC_UI8(const VARIANT *in, void *out) { return VarDecFromUI8(V_UI8(in), out); }
static HRESULT w_DEC_R4(const VARIANT *in, void *out) { return VarDecFromR4(V_R4(in), out); }
static HRESULT w_DEC_R8(const VARIANT *in, void *out) { return VarDecFromR8(V_R8(in), out); }
static HRESULT w_DEC_CY(const VARIANT *in, void *out) { return VarDecFromCy(V_CY(in), out); }
static HRESULT w_DEC_DATE(const VARIANT *in, void *out) { return VarDecFromDate(V_DATE(in), out); }
static HRESULT w_DEC_BOOL(const VARIANT *in, void *out) { return VarDecFromBool(V_BOOL(in), out); }

static const struct conv {
    VARTYPE to, from;
    HRESULT (*fn)(const VARIANT *, void *);
    const char *name;
} convs[] = {
    {VT_I1, VT_UI1, w_I1_UI1, "VarI1FromUI1"},
    {VT_I1, VT_I2, w_I1_I2, "VarI1FromI2"},
    {VT_I1, VT_UI2, w_I1_UI2, "VarI1FromUI2"},
    {VT_I1, VT_I4, w_I1_I4, "VarI1FromI4"},
    {VT_I1, VT_UI4, w_I1_UI4, "VarI1FromUI4"},
    {VT_I1, VT_I8, w_I1_I8, "VarI1FromI8"},
    {VT_I1, VT_UI8, w_I1_UI8, "VarI1FromUI8"},
    {VT_I1, VT_R4, w_I1_R4, "VarI1FromR4"},
    {VT_I1, VT_R8, w_I1_R8, "VarI1FromR8"},
    {VT_I1, VT_CY, w_I1_CY, "VarI1FromCy"},
    {VT_I1, VT_DATE, w_I1_DATE, "VarI1FromDate"},
    {VT_I1, VT_BOOL, w_I1_BOOL, "VarI1FromBool"},
    {VT_I1, VT_DECIMAL, w_I1_DEC, "VarI1FromDec"},
    {VT_UI1, VT_I1, w_UI1_I1, "VarUI1FromI1"},
    {VT_UI1, VT_I2, w_UI1_I2, "VarUI1FromI2"},
    {VT_UI1, VT_UI2, w_UI1_UI2, "VarUI1FromUI2"},
    {VT_UI1, VT_I4, w_UI1_I4, "VarUI1FromI4"},
    {VT_UI1, VT_UI4, w_UI1_UI4, "VarUI1FromUI4"},
    {VT_UI1, VT_I8, w_UI1_I8, "VarUI1FromI8"},
    {VT_UI1, VT_UI8, w_UI1_UI8, "VarUI1FromUI8"},
    {VT_UI1, VT_R4, w_UI1_R4, "VarUI1FromR4"},
    {VT_UI1, VT_R8, w_UI1_R8, "VarUI1FromR8"},
    {VT_UI1, VT_CY, w_UI1_CY, "VarUI1FromCy"},
    {VT_UI1, VT_DATE, w_UI1_DATE, "VarUI1FromDate"},
    {VT_UI1, VT_BOOL, w_UI1_BOOL, "VarUI1FromBool"},
    {VT_UI1, VT_DECIMAL, w_UI1_DEC, "VarUI1FromDec"},
    {VT_I2, VT_I1, w_I2_I1, "VarI2FromI1"},
    {VT_I2, VT_UI1, w_I2_UI1, "VarI2FromUI1"},
    {VT_I2, VT_UI2, w_I2_UI2, "VarI2FromUI2"},
    {VT_I2, VT_I4, w_I2_I4, "VarI2FromI4"},
    {VT_I2, VT_UI4, w_I2_UI4, "VarI2FromUI4"},
    {VT_I2, VT_I8, w_I2_I8, "VarI2FromI8"},
    {VT_I2, VT_UI8, w_I2_UI8, "VarI2FromUI8"},
    {VT_I2, VT_R4, w_I2_R4, "VarI2FromR4"},
    {VT_I2, VT_R8, w_I2_R8, "VarI2FromR8"},
    {VT_I2, VT_CY, w_I2_CY, "VarI2FromCy"},
    {VT_I2, VT_DATE, w_I2_DATE, "VarI2FromDate"},
    {VT_I2, VT_BOOL, w_I2_BOOL, "VarI2FromBool"},
    {VT_I2, VT_DECIMAL, w_I2_DEC, "VarI2FromDec"},
    {VT_UI2, VT_I1, w_UI2_I1, "VarUI2FromI1"},
    {VT_UI2, VT_UI1, w_UI2_UI1, "VarUI2FromUI1"},
    {VT_UI2, VT_I2, w_UI2_I2, "VarUI2FromI2"},
    {VT_UI2, VT_I4, w_UI2_I4, "VarUI2FromI4"},
    {VT_UI2, VT_UI4, w_UI2_UI4, "VarUI2FromUI4"},
    {VT_UI2, VT_I8, w_UI2_I8, "VarUI2FromI8"},
    {VT_UI2, VT_UI8, w_UI2_UI8, "VarUI2FromUI8"},
    {VT_UI2, VT_R4, w_UI2_R4, "VarUI2FromR4"},
    {VT_UI2, VT_R8, w_UI2_R8, "VarUI2FromR8"},
    {VT_UI2, VT_CY, w_UI2_CY, "VarUI2FromCy"},
    {VT_UI2, VT_DATE, w_UI2_DATE, "VarUI2FromDate"},
    {VT_UI2, VT_BOOL, w_UI2_BOOL, "VarUI2FromBool"},
    {VT_UI2, VT_DECIMAL, w_UI2_DEC, "VarUI2FromDec"},
    {VT_I4, VT_I1, w_I4_I1, "VarI4FromI1"},
    {VT_I4, VT_UI1, w_I4_UI1, "VarI4FromUI1"},
    {VT_I4, VT_I2, w_I4_I2, "VarI4FromI2"},
    {VT_I4, VT_UI2, w_I4_UI2, "VarI4FromUI2"},
    {VT_I4, VT_UI4, w_I4_UI4, "VarI4FromUI4"},
    {VT_I4, VT_I8, w_I4_I8, "VarI4FromI8"},
    {VT_I4, VT_UI8, w_I4_UI8, "VarI4FromUI8"},
    {VT_I4, VT_R4, w_I4_R4, "VarI4FromR4"},
    {VT_I4, VT_R8, w_I4_R8, "VarI4FromR8"},
    {VT_I4, VT_CY, w_I4_CY, "VarI4FromCy"},
    {VT_I4, VT_DATE, w_I4_DATE, "VarI4FromDate"},
    {VT_I4, VT_BOOL, w_I4_BOOL, "VarI4FromBool"},
    {VT_I4, VT_DECIMAL, w_I4_DEC, "VarI4FromDec"},
    {VT_UI4, VT_I1, w_UI4_I1, "VarUI4FromI1"},
    {VT_UI4, VT_UI1, w_UI4_UI1, "VarUI4FromUI1"},
    {VT_UI4, VT_I2, w_UI4_I2, "VarUI4FromI2"},
    {VT_UI4, VT_UI2, w_UI4_UI2, "VarUI4FromUI2"},
    {VT_UI4, VT_I4, w_UI4_I4, "VarUI4FromI4"},
    {VT_UI4, VT_I8, w_UI4_I8, "VarUI4FromI8"},
    {VT_UI4, VT_UI8, w_UI4_UI8, "VarUI4FromUI8"},
    {VT_UI4, VT_R4, w_UI4_R4, "VarUI4FromR4"},
    {VT_UI4, VT_R8, w_UI4_R8, "VarUI4FromR8"},
    {VT_UI4, VT_CY, w_UI4_CY, "VarUI4FromCy"},
    {VT_UI4, VT_DATE, w_UI4_DATE, "VarUI4FromDate"},
    {VT_UI4, VT_BOOL, w_UI4_BOOL, "VarUI4FromBool"},
    {VT_UI4, VT_DECIMAL, w_UI4_DEC, "VarUI4FromDec"},
    {VT_I8, VT_I1, w_I8_I1, "VarI8FromI1"},
    {VT_I8, VT_UI1, w_I8_UI1, "VarI8FromUI1"},
    {VT_I8, VT_I2, w_I8_I2, "VarI8FromI2"},
    {VT_I8, VT_UI2, w_I8_UI2, "VarI8FromUI2"},
    {VT_I8, VT_UI4, w_I8_UI4, "VarI8FromUI4"},
    {VT_I8, VT_UI8, w_I8_UI8, "VarI8FromUI8"},
    {VT_I8, VT_R4, w_I8_R4, "VarI8FromR4"},
    {VT_I8, VT_R8, w_I8_R8, "VarI8FromR8"},
    {VT_I8, VT_CY, w_I8_CY, "VarI8FromCy"},
    {VT_I8, VT_DATE, w_I8_DATE, "VarI8FromDate"},
    {VT_I8, VT_BOOL, w_I8_BOOL, "VarI8FromBool"},
    {VT_I8, VT_DECIMAL, w_I8_DEC, "VarI8FromDec"},
    {VT_UI8, VT_I1, w_UI8_I1, "VarUI8FromI1"},
    {VT_UI8, VT_UI1, w_UI8_UI1, "VarUI8FromUI1"},
    {VT_UI8, VT_I2, w_UI8_I2, "VarUI8FromI2"},
    {VT_UI8, VT_UI2, w_UI8_UI2, "VarUI8FromUI2"},
    {VT_UI8, VT_UI4, w_UI8_UI4, "VarUI8FromUI4"},
    {VT_UI8, VT_I8, w_UI8_I8, "VarUI8FromI8"},
    {VT_UI8, VT_R4, w_UI8_R4, "VarUI8FromR4"},
    {VT_UI8, VT_R8, w_UI8_R8, "VarUI8FromR8"},
    {VT_UI8, VT_CY, w_UI8_CY, "VarUI8FromCy"},
    {VT_UI8, VT_DATE, w_UI8_DATE, "VarUI8FromDate"},
    {VT_UI8, VT_BOOL, w_UI8_BOOL, "VarUI8FromBool"},
    {VT_UI8, VT_DECIMAL, w_UI8_DEC, "VarUI8FromDec"},
    {VT_R4, VT_I1, w_R4_I1, "VarR4FromI1"},
    {VT_R4, VT_UI1, w_R4_UI1, "VarR4FromUI1"},
    {VT_R4, VT_I2, w_R4_I2, "VarR4FromI2"},
    {VT_R4, VT_UI2, w_R4_UI2, "VarR4FromUI2"},
    {VT_R4, VT_I4, w_R4_I4, "VarR4FromI4"},
    {VT_R4, VT_UI4, w_R4_UI4, "VarR4FromUI4"},
    {VT_R4, VT_I8, w_R4_I8, "VarR4FromI8"},
    {VT_R4, VT_UI8, w_R4_UI8, "VarR4FromUI8"},
    {VT_R4, VT_R8, w_R4_R8, "VarR4FromR8"},
    {VT_R4, VT_CY, w_R4_CY, "VarR4FromCy"},
    {VT_R4, VT_DATE, w_R4_DATE, "VarR4FromDate"},
    {VT_R4, VT_BOOL, w_R4_BOOL, "VarR4FromBool"},
    {VT_R4, VT_DECIMAL, w_R4_DEC, "VarR4FromDec"},
    {VT_R8, VT_I1, w_R8_I1, "VarR8FromI1"},
    {VT_R8, VT_UI1, w_R8_UI1, "VarR8FromUI1"},
    {VT_R8, VT_I2, w_R8_I2, "VarR8FromI2"},
    {VT_R8, VT_UI2, w_R8_UI2, "VarR8FromUI2"},
    {VT_R8, VT_I4, w_R8_I4, "VarR8FromI4"},
    {VT_R8, VT_UI4, w_R8_UI4, "VarR8FromUI4"},
    {VT_R8, VT_I8, w_R8_I8, "VarR8FromI8"},
    {VT_R8, VT_UI8, w_R8_UI8, "VarR8FromUI8"},
    {VT_R8, VT_R4, w_R8_R4, "VarR8FromR4"},
    {VT_R8, VT_CY, w_R8_CY, "VarR8FromCy"},
    {VT_R8, VT_DATE, w_R8_DATE, "VarR8FromDate"},
    {VT_R8, VT_BOOL, w_R8_BOOL, "VarR8FromBool"},
    {VT_R8, VT_DECIMAL, w_R8_DEC, "VarR8FromDec"},
    {VT_CY, VT_I1, w_CY_I1, "VarCyFromI1"},
    {VT_CY, VT_UI1, w_CY_UI1, "VarCyFromUI1"},
    {VT_CY, VT_I2, w_CY_I2, "VarCyFromI2"},
    {VT_CY, VT_UI2, w_CY_UI2, "VarCyFromUI2"},
    {VT_CY, VT_I4, w_CY_I4, "VarCyFromI4"},
    {VT_CY, VT_UI4, w_CY_UI4, "VarCyFromUI4"},
    {VT_CY, VT_I8, w_CY_I8, "VarCyFromI8"},
    {VT_CY, VT_UI8, w_CY_UI8, "VarCyFromUI8"},
    {VT_CY, VT_R4, w_CY_R4, "VarCyFromR4"},
    {VT_CY, VT_R8, w_CY_R8, "VarCyFromR8"},
    {VT_CY, VT_DATE, w_CY_DATE, "VarCyFromDate"},
    {VT_CY, VT_BOOL, w_CY_BOOL, "VarCyFromBool"},
    {VT_CY, VT_DECIMAL, w_CY_DEC, "VarCyFromDec"},
    {VT_DATE, VT_I1, w_DATE_I1, "VarDateFromI1"},
    {VT_DATE, VT_UI1, w_DATE_UI1, "VarDateFromUI1"},
    {VT_DATE, VT_I2, w_DATE_I2, "VarDateFromI2"},
    {VT_DATE, VT_UI2, w_DATE_UI2, "VarDateFromUI2"},
    {VT_DATE, VT_I4, w_DATE_I4, "VarDateFromI4"},
    {VT_DATE, VT_UI4, w_DATE_UI4, "VarDateFromUI4"},
    {VT_DATE, VT_I8, w_DATE_I8, "VarDateFromI8"},
    {VT_DATE, VT_UI8, w_DATE_UI8, "VarDateFromUI8"},
    {VT_DATE, VT_R4, w_DATE_R4, "VarDateFromR4"},
    {VT_DATE, VT_R8, w_DATE_R8, "VarDateFromR8"},
    {VT_DATE, VT_CY, w_DATE_CY, "VarDateFromCy"},
    {VT_DATE, VT_BOOL, w_DATE_BOOL, "VarDateFromBool"},
    {VT_DATE, VT_DECIMAL, w_DATE_DEC, "VarDateFromDec"},
    {VT_BOOL, VT_I1, w_BOOL_I1, "VarBoolFromI1"},
    {VT_BOOL, VT_UI1, w_BOOL_UI1, "VarBoolFromUI1"},
    {VT_BOOL, VT_I2, w_BOOL_I2, "VarBoolFromI2"},
    {VT_BOOL, VT_UI2, w_BOOL_UI2, "VarBoolFromUI2"},
    {VT_BOOL, VT_I4, w_BOOL_I4, "VarBoolFromI4"},
    {VT_BOOL, VT_UI4, w_BOOL_UI4, "VarBoolFromUI4"},
    {VT_BOOL, VT_I8, w_BOOL_I8, "VarBoolFromI8"},
    {VT_BOOL, VT_UI8, w_BOOL_UI8, "VarBoolFromUI8"},
    {VT_BOOL, VT_R4, w_BOOL_R4, "VarBoolFromR4"},
    {VT_BOOL, VT_R8, w_BOOL_R8, "VarBoolFromR8"},
    {VT_BOOL, VT_CY, w_BOOL_CY, "VarBoolFromCy"},
    {VT_BOOL, VT_DATE, w_BOOL_DATE, "VarBoolFromDate"},
    {VT_BOOL, VT_DECIMAL, w_BOOL_DEC, "VarBoolFromDec"},
    {VT_DECIMAL, VT_I1, w_DEC_I1, "VarDecFromI1"},
    {VT_DECIMAL, VT_UI1, w_DEC_UI1, "VarDecFromUI1"},
    {VT_DECIMAL, VT_I2, w_DEC_I2, "VarDecFromI2"},
    {VT_DECIMAL, VT_UI2, w_DEC_UI2, "VarDecFromUI2"},
    {VT_DECIMAL, VT_I4, w_DEC_I4, "VarDecFromI4"},
    {VT_DECIMAL, VT_UI4, w_DEC_UI4, "VarDecFromUI4"},
    {VT_DECIMAL, VT_I8, w_DEC_I8, "VarDecFromI8"},
    {VT_DECIMAL, VT_UI8, w_DEC_UI8, "VarDecFromUI8"},
    {VT_DECIMAL, VT_R4, w_DEC_R4, "VarDecFromR4"},
    {VT_DECIMAL, VT_R8, w_DEC_R8, "VarDecFromR8"},
    {VT_DECIMAL, VT_CY, w_DEC_CY, "VarDecFromCy"},
    {VT_DECIMAL, VT_DATE, w_DEC_DATE, "VarDecFromDate"},
    {VT_DECIMAL, VT_BOOL, w_DEC_BOOL, "VarDecFromBool"},
};
#define NCONVS (sizeof convs / sizeof convs[0])

/* ---- source values ------------------------------------------------------ */

typedef struct {
    char label[64];
    VARIANT v;
} src_val;

#define MAX_VALS 400
static src_val vals[MAX_VALS];
static int nvals;

static VARIANT *add_val(VARTYPE vt, const char *fmt, ...)
{
    va_list ap;
    src_val *s;
    if (nvals >= MAX_VALS) {
        fprintf(stderr, "too many values\n");
        exit(2);
    }
    s = &vals[nvals++];
    va_start(ap, fmt);
    vsnprintf(s->label, sizeof s->label, fmt, ap);
    va_end(ap);
    VariantInit(&s->v);
    V_VT(&s->v) = vt;
    return &s->v;
}

static void add_values(void)
{
    static const signed char i1s[] = {-128, -1, 0, 1, 127};
    static const BYTE ui1s[] = {0, 1, 127, 128, 255};
    static const SHORT i2s[] = {-32768, -129, -128, -1, 0, 1, 127, 128, 255, 256, 32767};
    static const USHORT ui2s[] = {0, 127, 128, 255, 256, 32767, 32768, 65535};
    static const LONG i4s[] = {-2147483647 - 1, -32769, -32768, -129, -1, 0, 1, 255, 256, 32768, 65535, 65536, 2147483647};
    static const ULONG ui4s[] = {0, 1, 255, 256, 65535, 65536, 2147483647u, 2147483648u, 4294967295u};
    static const LONGLONG i8s[] = {-9223372036854775807LL - 1, -2147483649LL, -2147483647LL - 1, -65536, -1, 0, 1, 65535,
                                   65536, 2147483648LL, 4294967296LL, 922337203685477LL, 922337203685478LL,
                                   9223372036854775807LL};
    static const ULONGLONG ui8s[] = {0, 1, 255, 65536, 4294967295ULL, 4294967296ULL, 922337203685478ULL,
                                     9223372036854775807ULL, 9223372036854775808ULL, 18446744073709551615ULL};
    static const struct {
        const char *label;
        double d;
        uint64_t bits;
    } r8s[] = {
        {"0", 0.0, 0}, {"-0", 0, 0x8000000000000000ULL}, {"0.5", 0.5, 0}, {"1.5", 1.5, 0}, {"2.5", 2.5, 0},
        {"-0.5", -0.5, 0}, {"-1.5", -1.5, 0}, {"-2.5", -2.5, 0}, {"0.49999999999999994", 0.49999999999999994, 0},
        {"127.5", 127.5, 0}, {"128.5", 128.5, 0}, {"-128.5", -128.5, 0}, {"255.5", 255.5, 0}, {"256.5", 256.5, 0},
        {"32767.5", 32767.5, 0}, {"-32768.5", -32768.5, 0}, {"65535.5", 65535.5, 0},
        {"2147483647.5", 2147483647.5, 0}, {"-2147483648.5", -2147483648.5, 0}, {"4294967295.5", 4294967295.5, 0},
        {"2^63", 9223372036854775808.0, 0}, {"-2^63", -9223372036854775808.0, 0},
        {"2^64", 18446744073709551616.0, 0}, {"922337203685477.5807", 922337203685477.5807, 0},
        {"922337203685477.6", 922337203685477.6, 0}, {"1e20", 1e20, 0}, {"1e29", 1e29, 0},
        {"0.00005", 0.00005, 0}, {"0.00015", 0.00015, 0}, {"2958465.9999999", 2958465.9999999, 0},
        {"-657434.5", -657434.5, 0}, {"1e-300", 1e-300, 0}, {"NaN", 0, 0x7FF8000000000000ULL},
        {"Inf", 0, 0x7FF0000000000000ULL}, {"-Inf", 0, 0xFFF0000000000000ULL},
    };
    static const struct {
        const char *label;
        float f;
        uint32_t bits;
    } r4s[] = {
        {"0", 0.0f, 0}, {"-0", 0, 0x80000000u}, {"0.5", 0.5f, 0}, {"1.5", 1.5f, 0}, {"2.5", 2.5f, 0},
        {"-0.5", -0.5f, 0}, {"-1.5", -1.5f, 0}, {"-2.5", -2.5f, 0}, {"127.5", 127.5f, 0}, {"128.5", 128.5f, 0},
        {"255.5", 255.5f, 0}, {"32767.5", 32767.5f, 0}, {"65535.5", 65535.5f, 0}, {"2147483648", 2147483648.0f, 0},
        {"1e10", 1e10f, 0}, {"1e20", 1e20f, 0}, {"16777216", 16777216.0f, 0}, {"0.1", 0.1f, 0},
        {"NaN", 0, 0x7FC00000u}, {"Inf", 0, 0x7F800000u}, {"-Inf", 0, 0xFF800000u},
    };
    static const struct {
        const char *label;
        LONGLONG v;
    } cys[] = {
        {"0", 0}, {"0.5", 5000}, {"1.5", 15000}, {"2.5", 25000}, {"-0.5", -5000}, {"-1.5", -15000},
        {"-2.5", -25000}, {"127.5", 1275000}, {"128.5", 1285000}, {"-128.5", -1285000}, {"255.5", 2555000},
        {"32767.5", 327675000}, {"65535.5", 655355000}, {"2147483647.5", 21474836475000LL},
        {"MAX", 9223372036854775807LL}, {"MIN", -9223372036854775807LL - 1},
    };
    static const struct {
        const char *label;
        double d;
    } dates[] = {
        {"0", 0.0}, {"0.5", 0.5}, {"-0.5", -0.5}, {"1.5", 1.5}, {"2.5", 2.5}, {"-1.5", -1.5},
        {"2958465", 2958465.0}, {"2958466", 2958466.0}, {"-657434", -657434.0}, {"-657435", -657435.0},
        {"36526.75", 36526.75}, {"32767.5", 32767.5},
    };
    static const VARIANT_BOOL bools[] = {0, -1, 1, 2};
    static const struct {
        const char *label;
        BYTE sign, scale;
        ULONG hi, mid, lo;
    } decs[] = {
        {"0", 0, 0, 0, 0, 0},         {"-0", 0x80, 0, 0, 0, 0},
        {"1", 0, 0, 0, 0, 1},         {"-1", 0x80, 0, 0, 0, 1},
        {"0.5", 0, 1, 0, 0, 5},       {"-0.5", 0x80, 1, 0, 0, 5},
        {"1.5", 0, 1, 0, 0, 15},      {"2.5", 0, 1, 0, 0, 25},
        {"-2.5", 0x80, 1, 0, 0, 25},  {"127.5", 0, 1, 0, 0, 1275},
        {"128.5", 0, 1, 0, 0, 1285},  {"255.5", 0, 1, 0, 0, 2555},
        {"32767.5", 0, 1, 0, 0, 327675}, {"2147483647.5", 0, 1, 0, 4, 0xFFFFFFFBu},
        {"2^63", 0, 0, 0, 0x80000000u, 0}, {"-2^63", 0x80, 0, 0, 0x80000000u, 0},
        {"2^64", 0, 0, 1, 0, 0},      {"MAX", 0, 0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
        {"-MAX", 0x80, 0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
        {"MAX/1e28", 0, 28, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu},
        {"bad_scale29", 0, 29, 0, 0, 1}, {"bad_sign01", 0x01, 0, 0, 0, 1},
    };
    size_t i;
    for (i = 0; i < sizeof i1s / sizeof i1s[0]; i++)
        V_I1(add_val(VT_I1, "%d", (int)i1s[i])) = (CHAR)i1s[i];
    for (i = 0; i < sizeof ui1s / sizeof ui1s[0]; i++)
        V_UI1(add_val(VT_UI1, "%u", (unsigned)ui1s[i])) = ui1s[i];
    for (i = 0; i < sizeof i2s / sizeof i2s[0]; i++)
        V_I2(add_val(VT_I2, "%d", (int)i2s[i])) = i2s[i];
    for (i = 0; i < sizeof ui2s / sizeof ui2s[0]; i++)
        V_UI2(add_val(VT_UI2, "%u", (unsigned)ui2s[i])) = ui2s[i];
    for (i = 0; i < sizeof i4s / sizeof i4s[0]; i++)
        V_I4(add_val(VT_I4, "%d", (int)i4s[i])) = i4s[i];
    for (i = 0; i < sizeof ui4s / sizeof ui4s[0]; i++)
        V_UI4(add_val(VT_UI4, "%u", (unsigned)ui4s[i])) = ui4s[i];
    for (i = 0; i < sizeof i8s / sizeof i8s[0]; i++)
        V_I8(add_val(VT_I8, "%lld", (long long)i8s[i])) = i8s[i];
    for (i = 0; i < sizeof ui8s / sizeof ui8s[0]; i++)
        V_UI8(add_val(VT_UI8, "%llu", (unsigned long long)ui8s[i])) = ui8s[i];
    for (i = 0; i < sizeof r4s / sizeof r4s[0]; i++)
        V_R4(add_val(VT_R4, "%s", r4s[i].label)) = r4s[i].bits ? pu_r4frombits(r4s[i].bits) : r4s[i].f;
    for (i = 0; i < sizeof r8s / sizeof r8s[0]; i++)
        V_R8(add_val(VT_R8, "%s", r8s[i].label)) = r8s[i].bits ? pu_r8frombits(r8s[i].bits) : r8s[i].d;
    for (i = 0; i < sizeof cys / sizeof cys[0]; i++)
        V_CY(add_val(VT_CY, "%s", cys[i].label)).int64 = cys[i].v;
    for (i = 0; i < sizeof dates / sizeof dates[0]; i++)
        V_DATE(add_val(VT_DATE, "%s", dates[i].label)) = dates[i].d;
    for (i = 0; i < sizeof bools / sizeof bools[0]; i++)
        V_BOOL(add_val(VT_BOOL, "%d", (int)bools[i])) = bools[i];
    for (i = 0; i < sizeof decs / sizeof decs[0]; i++) {
        VARIANT *v = add_val(VT_DECIMAL, "%s", decs[i].label);
        DECIMAL d;
        memset(&d, 0, sizeof d);
        d.sign = decs[i].sign;
        d.scale = decs[i].scale;
        d.Hi32 = decs[i].hi;
        d.Mid32 = decs[i].mid;
        d.Lo32 = decs[i].lo;
        V_DECIMAL(v) = d;
        V_VT(v) = VT_DECIMAL;
    }
}

/* ---- the current year (see varchange_probe.c) --------------------------- */

static double this_year_start, next_year_start;

static double jan1(int y)
{
    long long days = 0;
    int k;
    for (k = 1900; k < y; k++)
        days += (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0)) ? 366 : 365;
    return (double)(days + 2);
}

static void year_init(void)
{
    time_t now = time(NULL);
    struct tm *tm = localtime(&now);
    int y = tm ? tm->tm_year + 1900 : 2000;
    this_year_start = jan1(y);
    next_year_start = jan1(y + 1);
}

static void print_date(pu_line *l, DATE d)
{
    if (d >= this_year_start && d < next_year_start)
        pu_add(l, "DATE:THISYEAR+0x%016llX", (unsigned long long)pu_r8bits(d - this_year_start));
    else
        pu_add(l, "DATE:0x%016llX", (unsigned long long)pu_r8bits(d));
}


int main(void)
{
    size_t c;
    int k;

    pu_start("varfunc");
    year_init();
    add_values();

    /* every direct numeric conversion over every value of its source type */
    for (c = 0; c < NCONVS; c++)
        for (k = 0; k < nvals; k++) {
            union {
                VARIANT v;
                BYTE raw[32];
            } out;
            HRESULT hr;
            if (V_VT(&vals[k].v) != convs[c].from)
                continue;
            memset(&out, 0x5A, sizeof out);
            begin("%s(%s)", convs[c].name, vals[k].label);
            hr = convs[c].fn(&vals[k].v, convs[c].to == VT_DECIMAL ? (void *)&out.raw : (void *)&V_I1(&out.v));
            pu_hr(&res, hr);
            if (SUCCEEDED(hr)) {
                pu_add(&res, " ");
                pu_vt(&res, convs[c].to);
                pu_value(&res, convs[c].to, convs[c].to == VT_DECIMAL ? (void *)&out.raw : (void *)&V_I1(&out.v));
            }
            end();
        }

    /* VarDateFromStr with the date flags */
    {
        static const OLECHAR *const ds[] = {
            OLESTR("1/2/2000"), OLESTR("1/2/2000 3:04:05 PM"), OLESTR("3:04:05 PM"), OLESTR("15:04"),
            OLESTR("2.1.2000"), OLESTR("2.1.2000 15:04"), OLESTR("January 2, 2000"), OLESTR("2 January 2000 15:04"),
            OLESTR("2000-01-02"), OLESTR("2000-01-02 15:04:05"), OLESTR("12/31/1999 23:59:59"), OLESTR("1/1/100"),
            OLESTR("12/31/9999"), OLESTR("1/1/10000"), OLESTR("2/29/1900"), OLESTR("2/29/2001"), OLESTR("13/13/2000"),
            OLESTR("0:00"), OLESTR("24:00"), OLESTR("12:00 AM"), OLESTR("12:00 PM"), OLESTR("abc"), OLESTR(""),
            OLESTR("1.5"), OLESTR("36526"), OLESTR("Jan 2000"), OLESTR("2000"), OLESTR("2 Januar 2000"),
            OLESTR("2 janvier 2000"),
        };
        static const ULONG flags[] = {0, VAR_TIMEVALUEONLY, VAR_DATEVALUEONLY, LOCALE_NOUSEROVERRIDE};
        static const LCID lcids[] = {0x0409, 0x0407, 0x040C};
        size_t s, f, l;
        for (s = 0; s < sizeof ds / sizeof ds[0]; s++)
            for (l = 0; l < sizeof lcids / sizeof lcids[0]; l++)
                for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
                    DATE d = -1234.5;
                    HRESULT hr;
                    begin("VarDateFromStr(");
                    pu_wsz(&key, ds[s]);
                    pu_add(&key, ", %04X, %X)", (unsigned)lcids[l], (unsigned)flags[f]);
                    hr = VarDateFromStr((OLECHAR *)ds[s], lcids[l], flags[f], &d);
                    pu_hr(&res, hr);
                    if (SUCCEEDED(hr)) {
                        pu_add(&res, " ");
                        print_date(&res, d);
                    }
                    end();
                }
    }

    /* VarBstrFromDate with the date flags */
    {
        static const struct {
            const char *label;
            double d;
        } dd[] = {
            {"0", 0.0}, {"0.5", 0.5}, {"1", 1.0}, {"-0.25", -0.25}, {"-1.5", -1.5}, {"36526", 36526.0},
            {"36526.6430208333", 36526.6430208333}, {"2958465.99998843", 2958465.99998843}, {"-657434", -657434.0},
            {"10", 10.0}, {"73050.5", 73050.5}, {"2958466", 2958466.0}, {"-657435", -657435.0},
        };
        static const ULONG flags[] = {0, VAR_TIMEVALUEONLY, VAR_DATEVALUEONLY, VAR_FOURDIGITYEARS, LOCALE_NOUSEROVERRIDE,
                                     VAR_TIMEVALUEONLY | VAR_DATEVALUEONLY};
        static const LCID lcids[] = {0x0409, 0x0407, 0x040C, LOCALE_INVARIANT};
        size_t s, f, l;
        for (s = 0; s < sizeof dd / sizeof dd[0]; s++)
            for (l = 0; l < sizeof lcids / sizeof lcids[0]; l++)
                for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
                    BSTR b = NULL;
                    HRESULT hr;
                    begin("VarBstrFromDate(%s, %04X, %X)", dd[s].label, (unsigned)lcids[l], (unsigned)flags[f]);
                    hr = VarBstrFromDate(dd[s].d, lcids[l], flags[f], &b);
                    pu_hr(&res, hr);
                    if (SUCCEEDED(hr)) {
                        pu_add(&res, " ");
                        pu_bstr(&res, b);
                    }
                    SysFreeString(b);
                    end();
                }
    }

    /* booleans and text, with and without VAR_LOCALBOOL */
    {
        static const VARIANT_BOOL bs[] = {0, -1, 1};
        static const OLECHAR *const ts[] = {
            OLESTR("True"), OLESTR("true"), OLESTR("TRUE "), OLESTR(" True"), OLESTR("False"), OLESTR("Wahr"),
            OLESTR("Falsch"), OLESTR("wahr"), OLESTR("Vrai"), OLESTR("Faux"), OLESTR("#TRUE#"), OLESTR("#FALSE#"),
            OLESTR("Yes"), OLESTR("No"), OLESTR("0"), OLESTR("1"), OLESTR("-1"), OLESTR("0.0"), OLESTR("1,5"),
            OLESTR(""), OLESTR("abc"),
        };
        static const ULONG flags[] = {0, VAR_LOCALBOOL};
        static const LCID lcids[] = {0x0409, 0x0407, 0x040C, LOCALE_INVARIANT};
        size_t s, f, l;
        for (l = 0; l < sizeof lcids / sizeof lcids[0]; l++)
            for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
                for (s = 0; s < sizeof bs / sizeof bs[0]; s++) {
                    BSTR b = NULL;
                    HRESULT hr;
                    begin("VarBstrFromBool(%d, %04X, %X)", (int)bs[s], (unsigned)lcids[l], (unsigned)flags[f]);
                    hr = VarBstrFromBool(bs[s], lcids[l], flags[f], &b);
                    pu_hr(&res, hr);
                    if (SUCCEEDED(hr)) {
                        pu_add(&res, " ");
                        pu_bstr(&res, b);
                    }
                    SysFreeString(b);
                    end();
                }
                for (s = 0; s < sizeof ts / sizeof ts[0]; s++) {
                    VARIANT_BOOL v = 77;
                    HRESULT hr;
                    begin("VarBoolFromStr(");
                    pu_wsz(&key, ts[s]);
                    pu_add(&key, ", %04X, %X)", (unsigned)lcids[l], (unsigned)flags[f]);
                    hr = VarBoolFromStr((OLECHAR *)ts[s], lcids[l], flags[f], &v);
                    pu_hr(&res, hr);
                    if (SUCCEEDED(hr))
                        pu_add(&res, " BOOL:%d", (int)v);
                    end();
                }
            }
    }

    /* number formatting: every locale, with and without user overrides */
    {
        static const LCID lcids[] = {0x0409, 0x0407, 0x040C, LOCALE_INVARIANT};
        static const ULONG flags[] = {0, LOCALE_NOUSEROVERRIDE};
        size_t l, f;
        for (k = 0; k < nvals; k++) {
            VARTYPE vt = V_VT(&vals[k].v);
            if (vt != VT_R8 && vt != VT_R4 && vt != VT_CY && vt != VT_DECIMAL && vt != VT_I8 && vt != VT_UI8)
                continue;
            for (l = 0; l < sizeof lcids / sizeof lcids[0]; l++)
                for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
                    BSTR b = NULL;
                    HRESULT hr;
                    const VARIANT *v = &vals[k].v;
                    const char *fn;
                    switch (vt) {
                    case VT_R8: fn = "VarBstrFromR8"; hr = VarBstrFromR8(V_R8(v), lcids[l], flags[f], &b); break;
                    case VT_R4: fn = "VarBstrFromR4"; hr = VarBstrFromR4(V_R4(v), lcids[l], flags[f], &b); break;
                    case VT_CY: fn = "VarBstrFromCy"; hr = VarBstrFromCy(V_CY(v), lcids[l], flags[f], &b); break;
                    case VT_I8: fn = "VarBstrFromI8"; hr = VarBstrFromI8(V_I8(v), lcids[l], flags[f], &b); break;
                    case VT_UI8: fn = "VarBstrFromUI8"; hr = VarBstrFromUI8(V_UI8(v), lcids[l], flags[f], &b); break;
                    default:
                        fn = "VarBstrFromDec";
                        hr = VarBstrFromDec((DECIMAL *)&V_DECIMAL(v), lcids[l], flags[f], &b);
                        break;
                    }
                    begin("%s(%s, %04X, %X)", fn, vals[k].label, (unsigned)lcids[l], (unsigned)flags[f]);
                    pu_hr(&res, hr);
                    if (SUCCEEDED(hr)) {
                        pu_add(&res, " ");
                        pu_bstr(&res, b);
                    }
                    SysFreeString(b);
                    end();
                }
        }
    }

    /* NULL output pointers and NULL strings */
    {
        LONG l4 = 0;
        DATE d = 0;
        begin("VarI4FromStr(NULL)");
        pu_hr(&res, VarI4FromStr(NULL, 0x0409, 0, &l4));
        end();
        begin("VarDateFromStr(NULL)");
        pu_hr(&res, VarDateFromStr(NULL, 0x0409, 0, &d));
        end();
        begin("VarBstrFromI4(1, NULL out)");
        pu_hr(&res, VarBstrFromI4(1, 0x0409, 0, NULL));
        end();
        begin("VarR8FromStr(\"1\", lcid 0x0400)");
        {
            double r = 0;
            HRESULT hr = VarR8FromStr((OLECHAR *)OLESTR("1.5"), 0x0400, 0, &r);
            pu_hr(&res, hr);
            if (SUCCEEDED(hr))
                pu_add(&res, " R8:0x%016llX", (unsigned long long)pu_r8bits(r));
        }
        end();
    }
    fflush(stdout);
    return 0;
}
