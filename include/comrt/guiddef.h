/*
 * comrt/guiddef.h — GUID, IID, CLSID and the DEFINE_GUID machinery.
 *
 * As in the SDK: DEFINE_GUID declares an extern constant, and defines it in
 * the one translation unit that includes <comrt/initguid.h> (or defines
 * INITGUID) first.  REFGUID is a reference in C++ and a pointer in C.
 */
#ifndef COMRT_GUIDDEF_H
#define COMRT_GUIDDEF_H

#include <string.h>
#include "wtypesbase.h"

#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID;
#endif

typedef GUID *LPGUID;
typedef GUID IID, *LPIID;
typedef GUID CLSID, *LPCLSID;
typedef GUID FMTID, *LPFMTID;
typedef GUID UUID;

#ifdef __cplusplus
#define REFGUID const GUID &
#define REFIID const IID &
#define REFCLSID const CLSID &
#define REFFMTID const FMTID &
#else
#define REFGUID const GUID *
#define REFIID const IID *
#define REFCLSID const CLSID *
#define REFFMTID const FMTID *
#endif

#define COMRT_GUID_INIT(l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }

/* The defining form, used by INITGUID and <comrt/initguid.h>. */
#ifdef __cplusplus
#define COMRT_DEFINE_GUID_INSTANCE(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    EXTERN_C COMRT_API const GUID name;                                          \
    EXTERN_C COMRT_API const GUID name = COMRT_GUID_INIT(l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)
#else
#define COMRT_DEFINE_GUID_INSTANCE(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    COMRT_API const GUID name = COMRT_GUID_INIT(l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)
#endif


#ifdef __cplusplus
inline int InlineIsEqualGUID(REFGUID a, REFGUID b) { return memcmp(&a, &b, sizeof(GUID)) == 0; }
inline int IsEqualGUID(REFGUID a, REFGUID b) { return memcmp(&a, &b, sizeof(GUID)) == 0; }
inline bool operator==(REFGUID a, REFGUID b) { return IsEqualGUID(a, b) != 0; }
inline bool operator!=(REFGUID a, REFGUID b) { return !(a == b); }
#else
static inline int InlineIsEqualGUID(REFGUID a, REFGUID b) { return memcmp(a, b, sizeof(GUID)) == 0; }
#define IsEqualGUID(a, b) InlineIsEqualGUID(a, b)
#endif
#define IsEqualIID(a, b) IsEqualGUID(a, b)
#define IsEqualCLSID(a, b) IsEqualGUID(a, b)
#define IsEqualFMTID(a, b) IsEqualGUID(a, b)

COMRT_STATIC_ASSERT(sizeof(GUID) == 16, "GUID is 16 bytes");

#endif /* COMRT_GUIDDEF_H */

/* Outside the include guard, as in the SDK: including this header again
 * after defining INITGUID (what MIDL's _i.c files do with
 * _MIDL_USE_GUIDDEF_) switches DEFINE_GUID to the defining form. */
#undef DEFINE_GUID
#ifdef INITGUID
#define DEFINE_GUID COMRT_DEFINE_GUID_INSTANCE
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) EXTERN_C COMRT_API const GUID name
#endif

#define DEFINE_OLEGUID(name, l, w1, w2) \
    DEFINE_GUID(name, l, w1, w2, 0xC0, 0, 0, 0, 0, 0, 0, 0x46)

/* The all-zero GUID (cguid.h on Windows; exported by libcomrt). */
#ifndef COMRT_GUID_NULL_DECLARED
#define COMRT_GUID_NULL_DECLARED
DEFINE_GUID(GUID_NULL, 0x00000000, 0x0000, 0x0000, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
#define IID_NULL GUID_NULL
#define CLSID_NULL GUID_NULL
#define FMTID_NULL GUID_NULL
#endif
