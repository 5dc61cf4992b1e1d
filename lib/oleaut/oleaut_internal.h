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

/* ---- VARIANT helpers (variant.c) ---------------------------------------- */

/* Copies the value that a VT_BYREF variant points at into dst as a by-value
 * variant (deep: BSTRs duplicated, interfaces AddRef'ed, arrays copied).
 * dst must be empty; on failure it stays VT_EMPTY.  For VT_BYREF|VT_VARIANT
 * it copies the referenced variant itself (one level). */
HRESULT comrt__variant_deref_copy(VARIANT *dst, const VARIANT *src);

#endif /* COMRT_OLEAUT_INTERNAL_H */
