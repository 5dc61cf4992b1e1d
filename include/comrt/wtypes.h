/*
 * comrt/wtypes.h — the automation scalar types: VARTYPE, BSTR, CY, DECIMAL,
 * DATE, VARIANT_BOOL, BLOB, with Windows' layouts (static asserts pin them).
 */
#ifndef COMRT_WTYPES_H
#define COMRT_WTYPES_H

#include "wtypesbase.h"
#include "guiddef.h"

typedef OLECHAR *BSTR;
typedef BSTR *LPBSTR;
typedef double DATE;
typedef short VARIANT_BOOL;
typedef VARIANT_BOOL _VARIANT_BOOL;
#define VARIANT_TRUE ((VARIANT_BOOL)-1)
#define VARIANT_FALSE ((VARIANT_BOOL)0)
typedef unsigned short VARTYPE;
typedef LONG DISPID;
typedef DISPID MEMBERID;
typedef DWORD HREFTYPE;
typedef ULONG PROPID;

/* Currency: a 64-bit integer scaled by 10,000. */
typedef union tagCY {
    struct {
        ULONG Lo;
        LONG Hi;
    };
    LONGLONG int64;
} CY, *LPCY;

/* A 96-bit integer with a sign and a power-of-ten scale (0..28). */
typedef struct tagDEC {
    USHORT wReserved;
    union {
        struct {
            BYTE scale;
            BYTE sign;
        };
        USHORT signscale;
    };
    ULONG Hi32;
    union {
        struct {
            ULONG Lo32;
            ULONG Mid32;
        };
        ULONGLONG Lo64;
    };
} DECIMAL, *LPDECIMAL;

#define DECIMAL_NEG ((BYTE)0x80)
#define DECIMAL_SETZERO(dec) \
    do { (dec).Lo64 = 0; (dec).Hi32 = 0; (dec).signscale = 0; } while (0)

typedef struct tagBLOB {
    ULONG cbSize;
    BYTE *pBlobData;
} BLOB, *LPBLOB;

typedef struct tagBSTRBLOB {
    ULONG cbSize;
    BYTE *pData;
} BSTRBLOB, *LPBSTRBLOB;

typedef struct tagCLIPDATA {
    ULONG cbSize;
    LONG ulClipFmt;
    BYTE *pClipData;
} CLIPDATA;

enum VARENUM {
    VT_EMPTY = 0,
    VT_NULL = 1,
    VT_I2 = 2,
    VT_I4 = 3,
    VT_R4 = 4,
    VT_R8 = 5,
    VT_CY = 6,
    VT_DATE = 7,
    VT_BSTR = 8,
    VT_DISPATCH = 9,
    VT_ERROR = 10,
    VT_BOOL = 11,
    VT_VARIANT = 12,
    VT_UNKNOWN = 13,
    VT_DECIMAL = 14,
    VT_I1 = 16,
    VT_UI1 = 17,
    VT_UI2 = 18,
    VT_UI4 = 19,
    VT_I8 = 20,
    VT_UI8 = 21,
    VT_INT = 22,
    VT_UINT = 23,
    VT_VOID = 24,
    VT_HRESULT = 25,
    VT_PTR = 26,
    VT_SAFEARRAY = 27,
    VT_CARRAY = 28,
    VT_USERDEFINED = 29,
    VT_LPSTR = 30,
    VT_LPWSTR = 31,
    VT_RECORD = 36,
    VT_INT_PTR = 37,
    VT_UINT_PTR = 38,
    VT_FILETIME = 64,
    VT_BLOB = 65,
    VT_STREAM = 66,
    VT_STORAGE = 67,
    VT_STREAMED_OBJECT = 68,
    VT_STORED_OBJECT = 69,
    VT_BLOB_OBJECT = 70,
    VT_CF = 71,
    VT_CLSID = 72,
    VT_VERSIONED_STREAM = 73,
    VT_BSTR_BLOB = 0xfff,
    VT_VECTOR = 0x1000,
    VT_ARRAY = 0x2000,
    VT_BYREF = 0x4000,
    VT_RESERVED = 0x8000,
    VT_ILLEGAL = 0xffff,
    VT_ILLEGALMASKED = 0xfff,
    VT_TYPEMASK = 0xfff
};

COMRT_STATIC_ASSERT(sizeof(CY) == 8, "CY is 8 bytes");
COMRT_STATIC_ASSERT(sizeof(DECIMAL) == 16, "DECIMAL is 16 bytes");
COMRT_STATIC_ASSERT(offsetof(DECIMAL, scale) == 2, "DECIMAL.scale offset");
COMRT_STATIC_ASSERT(offsetof(DECIMAL, sign) == 3, "DECIMAL.sign offset");
COMRT_STATIC_ASSERT(offsetof(DECIMAL, Hi32) == 4, "DECIMAL.Hi32 offset");
COMRT_STATIC_ASSERT(offsetof(DECIMAL, Lo32) == 8, "DECIMAL.Lo32 offset");
COMRT_STATIC_ASSERT(offsetof(DECIMAL, Mid32) == 12, "DECIMAL.Mid32 offset");

#endif /* COMRT_WTYPES_H */
