/*
 * oleaut/oleaut_internal.h — what the oleaut/ files share with each other
 * and with the tests.  Nothing here is exported from libcomrt.
 */
#ifndef COMRT_OLEAUT_INTERNAL_H
#define COMRT_OLEAUT_INTERNAL_H

#include <comrt.h>

/* ---- BSTR (bstr.c) ------------------------------------------------------ */

/* The longest BSTR in bytes; Windows refuses lengths near 2^31 as well. */
#define COMRT_BSTR_MAX_BYTES ((size_t)0x7FFFFFF0)

/* A new BSTR holding `bytes` bytes copied from src (zeroes if src is NULL).
 * NULL when out of memory or over COMRT_BSTR_MAX_BYTES.  Caller frees. */
BSTR comrt__bstr_alloc_bytes(const void *src, size_t bytes);

/* ---- VARTYPE facts (vartype.c) ------------------------------------------ */

/* The size of one element of base type vt (VT_BYREF etc. masked off) as a
 * VARIANT field, SAFEARRAY element or by-reference target holds it; 0 for
 * types that have no fixed size (VT_RECORD: ask IRecordInfo) or none at all. */
ULONG comrt__vt_size(VARTYPE vt);

/* The SDK name of a base VARTYPE ("VT_I4"), or NULL.  Static storage. */
const char *comrt__vt_name(VARTYPE vt);

/* Whether vt (with its VT_BYREF / VT_ARRAY bits) may stand in a VARIANT:
 * S_OK or DISP_E_BADVARTYPE, as VariantClear/VariantCopy check it. */
HRESULT comrt__variant_check_type(VARTYPE vt);

/* ---- DispCallFunc's type table (dispcall.c) ----------------------------- */

/* The libffi type (ffi.h's ffi_type) a value of VARTYPE vt (VT_BYREF etc.
 * included) is passed as by DispCallFunc on System V: VT_VARIANT and
 * VT_DECIMAL are structs by value.  Static storage, read-only. */
struct _ffi_type *comrt__dispcall_ffi_type(VARTYPE vt);

/* ---- VARIANT helpers (variant.c) ---------------------------------------- */

/* Copies the value that a VT_BYREF variant points at into dst as a by-value
 * variant (deep: BSTRs duplicated, interfaces AddRef'ed, arrays copied).
 * dst must be empty; on failure it stays VT_EMPTY.  For VT_BYREF|VT_VARIANT
 * it copies the referenced variant itself (one level). */
HRESULT comrt__variant_deref_copy(VARIANT *dst, const VARIANT *src);

/* The same dereference without copying: *view becomes a by-value variant
 * that borrows src's (or the referenced) BSTR, interface, array or record —
 * read it, never clear it.  A by-value src is viewed as it is.  Errors as
 * for VariantCopyInd (E_INVALIDARG for a reference to a reference to a
 * variant, DISP_E_BADVARTYPE for an unknown base type). */
HRESULT comrt__variant_deref_view(VARIANT *view, const VARIANT *src);

/* ---- conv: DECIMAL / CY / conversion internals (decimal.c, varconv.c) ---- */

/* 128-bit integers (a GCC/Clang extension) hold any 96-bit DECIMAL
 * magnitude and any integer a conversion passes through. */
__extension__ typedef unsigned __int128 comrt__u128;
__extension__ typedef __int128 comrt__i128;

/* S_OK when d is a DECIMAL Windows accepts (scale <= 28, sign 0 or
 * DECIMAL_NEG), else E_INVALIDARG. */
HRESULT comrt__dec_check(const DECIMAL *d);
/* The 96-bit magnitude of d. */
comrt__u128 comrt__dec_mag(const DECIMAL *d);
/* Writes a DECIMAL from a magnitude (< 2^96), a scale (0..28) and a sign. */
void comrt__dec_set(DECIMAL *d, comrt__u128 mag, int scale, BOOL neg);
/* d rounded half to even to an integer; E_INVALIDARG for a bad DECIMAL. */
HRESULT comrt__dec_to_int(const DECIMAL *d, comrt__i128 *out);
/* d rounded half to even to 4 decimals as a CY; DISP_E_OVERFLOW/E_INVALIDARG. */
HRESULT comrt__dec_to_cy(const DECIMAL *d, CY *out);
/* d as a double, computed the way oleaut32 does (d must be valid). */
double comrt__dec_to_r8(const DECIMAL *d);
/* A double as a DECIMAL kept to `digits` significant digits (15 for R8,
 * 7 for R4), as VarDecFromR8/R4 do; DISP_E_OVERFLOW past 2^96 or for NaN. */
HRESULT comrt__dec_from_dbl(double in, int digits, DECIMAL *out);

/* ---- text: number and date text (numparse.c, datestr.c, vardate.c) ----- */

/* Whether c is white space to the number and date parsers (ASCII white
 * space and the no-break space). */
BOOL comrt__text_is_space(WCHAR c);

/* The DATE for a Gregorian date and time with Windows' normalisation
 * (months past 12 roll into years, day 0 is the last day of the month
 * before, ...).  E_INVALIDARG outside years 100..9999 after
 * normalisation. */
HRESULT comrt__date_from_parts(int year, int month, int day, int hour, int minute, int second,
                               int ms, DATE *out);

/* Splits a DATE into its parts (the time rounded to the millisecond when
 * ms is non-NULL, else to the second); dow 0 = Sunday, doy 1..366.
 * E_INVALIDARG outside Windows' DATE range. */
HRESULT comrt__date_to_parts(DATE d, BOOL keep_ms, UDATE *out);

/* ---- SAFEARRAY internals (safearray.c, safearray_data.c; owner: sa) ---- */

/* fFeatures bits Windows uses privately (values as oleaut32 sets them):
 * a vector from SafeArrayCreateVector keeps its data in the descriptor's
 * own block, and SafeArrayDestroyData on such a vector only marks it. */
#define COMRT_FADF_DATADELETED 0x1000
#define COMRT_FADF_CREATEVECTOR 0x2000

/* The largest data block one SAFEARRAY may have (cells x cbElements); a
 * hard cap so that counts from a descriptor can never make size arithmetic
 * wrap or a hostile bound commit gigabytes.  Larger arrays: E_OUTOFMEMORY. */
#define COMRT_SAFEARRAY_MAX_BYTES ((SIZE_T)0x7FFFFFFF)
/* ... and the most cells (what one vector can have). */
#define COMRT_SAFEARRAY_MAX_CELLS ((SIZE_T)0xFFFFFFFF)

/* How the elements of an array are owned, read from its fFeatures. */
typedef enum {
    COMRT_SA_PLAIN,   /* bytes, copied as they are */
    COMRT_SA_BSTR,    /* owned BSTRs */
    COMRT_SA_UNKNOWN, /* owned IUnknown / IDispatch references */
    COMRT_SA_VARIANT, /* owned VARIANTs */
    COMRT_SA_RECORD,  /* records handled by the array's IRecordInfo */
} comrt__sa_kind;

comrt__sa_kind comrt__safearray_kind(const SAFEARRAY *psa);

/* The number of cells (product of the bounds) in *cells and, when bytes is
 * non-NULL, the data size in *bytes.  E_INVALIDARG when cDims is 0 or the
 * element size cannot hold the kind's value (a forged descriptor),
 * E_OUTOFMEMORY past COMRT_SAFEARRAY_MAX_BYTES or _MAX_CELLS. */
HRESULT comrt__safearray_size(const SAFEARRAY *psa, SIZE_T *cells, SIZE_T *bytes);

/* The IRecordInfo kept before a FADF_RECORD descriptor (not AddRef'ed;
 * NULL when there is none or the array has no FADF_RECORD). */
IRecordInfo *comrt__safearray_recinfo(const SAFEARRAY *psa);

/* Releases cells [first, first + count) of psa->pvData as the array's kind
 * says (SysFreeString, Release, VariantClear, RecordClear) and zeroes them. */
void comrt__safearray_release_cells(SAFEARRAY *psa, SIZE_T first, SIZE_T count);

/* Makes dst's type (FADF_BSTR/UNKNOWN/DISPATCH/VARIANT/RECORD/HAVEIID/
 * HAVEVARTYPE and what the hidden area holds) that of src, as
 * SafeArrayCopy/CopyData do; the AUTO/STATIC/EMBEDDED/FIXEDSIZE and vector
 * bits of dst stay.  dst's elements must hold nothing (released already).
 * dst_hidden says whether dst has the 16-byte hidden area before it (our
 * allocators always make one; a caller's stack descriptor has none): without
 * it only the flags are taken, and a record array's src is E_INVALIDARG. */
HRESULT comrt__safearray_adopt_type(SAFEARRAY *dst, const SAFEARRAY *src, BOOL dst_hidden);

/* Whether psa carries one of the flags that only our allocators (or
 * Windows') set together with the hidden area. */
BOOL comrt__safearray_has_hidden(const SAFEARRAY *psa);

/* Whether vt is one of the numeric automation types (I1..UI8, INT, UINT,
 * R4, R8, CY, DATE, BOOL, DECIMAL). */
BOOL comrt__varconv_is_number(VARTYPE vt);
/* Converts the by-value numeric variant src into a new variant of numeric
 * type vt in *dst (written only on success; nothing to free). */
HRESULT comrt__varconv_number(VARIANT *dst, const VARIANT *src, VARTYPE vt);
/* The value of an object: IDispatch::Invoke(DISPID_VALUE, PROPERTYGET) with
 * no arguments.  *out receives the result (caller clears it).
 * DISP_E_BADVARTYPE for a NULL object, DISP_E_TYPEMISMATCH when the call
 * fails (no value property). (vardisp.c) */
HRESULT comrt__disp_value(IDispatch *disp, LCID lcid, VARIANT *out);

/* ---- late binding (dispinvoke.c; owner: disp) -------------------------- */

/* ITypeInfo::Invoke for members called through the vtable (interfaces,
 * the dispatch view of a dual interface, a coclass's default interface):
 * used by typelib/typeinfo.c.  Arguments and errors as ITypeInfo::Invoke. */
HRESULT comrt__disp_typeinfo_invoke(ITypeInfo *ti, void *inst, MEMBERID memid, WORD flags, DISPPARAMS *dp,
                                    VARIANT *res, EXCEPINFO *ei, UINT *argerr);

/* The two halves of that for an interface or a dual dispinterface, so that
 * typelib/typeinfo.c can keep the first one's answer per member (the
 * "invoke plan"): the function memid callable with flags — *owner
 * (AddRef'ed) and *fd (release with ReleaseFuncDesc on *owner) — and the
 * interface's IID; DISP_E_MEMBERNOTFOUND when there is none (or ti is a
 * coclass).  Then the call itself, arguments and errors as
 * ITypeInfo::Invoke. */
HRESULT comrt__disp_typeinfo_plan(ITypeInfo *ti, MEMBERID memid, WORD flags, ITypeInfo **owner, FUNCDESC **fd,
                                  GUID *iid);
HRESULT comrt__disp_typeinfo_call(ITypeInfo *owner, FUNCDESC *fd, const GUID *iid, void *inst, WORD flags,
                                  DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr);

#endif /* COMRT_OLEAUT_INTERNAL_H */
