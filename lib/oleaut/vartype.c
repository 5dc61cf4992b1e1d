/*
 * oleaut/vartype.c — one table of facts about each VARTYPE: its SDK name and
 * the size of its value.  Other files ask here instead of switching on vt.
 */
#include "oleaut/oleaut_internal.h"

typedef struct {
    const char *name;
    ULONG size;
} vt_row;

#define PTR_SIZE ((ULONG)sizeof(void *))

static const vt_row vt_rows[] = {
    [VT_EMPTY] = { "VT_EMPTY", 0 },
    [VT_NULL] = { "VT_NULL", 0 },
    [VT_I2] = { "VT_I2", 2 },
    [VT_I4] = { "VT_I4", 4 },
    [VT_R4] = { "VT_R4", 4 },
    [VT_R8] = { "VT_R8", 8 },
    [VT_CY] = { "VT_CY", 8 },
    [VT_DATE] = { "VT_DATE", 8 },
    [VT_BSTR] = { "VT_BSTR", PTR_SIZE },
    [VT_DISPATCH] = { "VT_DISPATCH", PTR_SIZE },
    [VT_ERROR] = { "VT_ERROR", 4 },
    [VT_BOOL] = { "VT_BOOL", 2 },
    [VT_VARIANT] = { "VT_VARIANT", sizeof(VARIANT) },
    [VT_UNKNOWN] = { "VT_UNKNOWN", PTR_SIZE },
    [VT_DECIMAL] = { "VT_DECIMAL", sizeof(DECIMAL) },
    [VT_I1] = { "VT_I1", 1 },
    [VT_UI1] = { "VT_UI1", 1 },
    [VT_UI2] = { "VT_UI2", 2 },
    [VT_UI4] = { "VT_UI4", 4 },
    [VT_I8] = { "VT_I8", 8 },
    [VT_UI8] = { "VT_UI8", 8 },
    [VT_INT] = { "VT_INT", 4 },
    [VT_UINT] = { "VT_UINT", 4 },
    [VT_VOID] = { "VT_VOID", 0 },
    [VT_HRESULT] = { "VT_HRESULT", 4 },
    [VT_PTR] = { "VT_PTR", PTR_SIZE },
    [VT_SAFEARRAY] = { "VT_SAFEARRAY", PTR_SIZE },
    [VT_CARRAY] = { "VT_CARRAY", 0 },
    [VT_USERDEFINED] = { "VT_USERDEFINED", 0 },
    [VT_LPSTR] = { "VT_LPSTR", PTR_SIZE },
    [VT_LPWSTR] = { "VT_LPWSTR", PTR_SIZE },
    [VT_RECORD] = { "VT_RECORD", 0 },
    [VT_INT_PTR] = { "VT_INT_PTR", PTR_SIZE },
    [VT_UINT_PTR] = { "VT_UINT_PTR", PTR_SIZE },
    [VT_FILETIME] = { "VT_FILETIME", 8 },
    [VT_BLOB] = { "VT_BLOB", 0 },
    [VT_STREAM] = { "VT_STREAM", PTR_SIZE },
    [VT_STORAGE] = { "VT_STORAGE", PTR_SIZE },
    [VT_STREAMED_OBJECT] = { "VT_STREAMED_OBJECT", PTR_SIZE },
    [VT_STORED_OBJECT] = { "VT_STORED_OBJECT", PTR_SIZE },
    [VT_BLOB_OBJECT] = { "VT_BLOB_OBJECT", 0 },
    [VT_CF] = { "VT_CF", PTR_SIZE },
    [VT_CLSID] = { "VT_CLSID", sizeof(GUID) },
    [VT_VERSIONED_STREAM] = { "VT_VERSIONED_STREAM", PTR_SIZE },
};

static const vt_row *row_of(VARTYPE vt)
{
    vt &= VT_TYPEMASK;
    if (vt >= sizeof vt_rows / sizeof vt_rows[0] || !vt_rows[vt].name) return NULL;
    return &vt_rows[vt];
}

ULONG comrt__vt_size(VARTYPE vt)
{
    const vt_row *row = row_of(vt);
    return row ? row->size : 0;
}

const char *comrt__vt_name(VARTYPE vt)
{
    const vt_row *row = row_of(vt);
    return row ? row->name : NULL;
}

/* Windows accepts in a VARIANT the automation types VT_EMPTY..VT_UINT (there
 * is no type 15), VT_RECORD and VT_CLSID, optionally with VT_BYREF or
 * VT_ARRAY (but a reference to or array of EMPTY/NULL is refused), and never
 * VT_VECTOR or VT_RESERVED. */
HRESULT comrt__variant_check_type(VARTYPE vt)
{
    VARTYPE base = vt & VT_TYPEMASK;
    VARTYPE extra = vt & ~VT_TYPEMASK;

    if (extra & (VT_VECTOR | VT_RESERVED)) return DISP_E_BADVARTYPE;
    if (!(base < VT_VOID || base == VT_RECORD || base == VT_CLSID)) return DISP_E_BADVARTYPE;
    if (base == 15) return DISP_E_BADVARTYPE;
    if ((extra & (VT_BYREF | VT_ARRAY)) && base <= VT_NULL) return DISP_E_BADVARTYPE;
    return S_OK;
}
