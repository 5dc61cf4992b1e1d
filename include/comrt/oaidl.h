/*
 * comrt/oaidl.h — automation data types and interfaces: VARIANT, SAFEARRAY,
 * DISPPARAMS, EXCEPINFO, IDispatch, IErrorInfo, ICreateErrorInfo,
 * ISupportErrorInfo, IRecordInfo, IEnumVARIANT.  Layouts are Windows' x64
 * ones (VARIANT 24 bytes, SAFEARRAY 32), pinned by static asserts.
 */
#ifndef COMRT_OAIDL_H
#define COMRT_OAIDL_H

#include "objidl.h"
#include "wtypes.h"

typedef struct IDispatch IDispatch;
typedef IDispatch *LPDISPATCH;
typedef struct IErrorInfo IErrorInfo;
typedef IErrorInfo *LPERRORINFO;
typedef struct ICreateErrorInfo ICreateErrorInfo;
typedef ICreateErrorInfo *LPCREATEERRORINFO;
typedef struct ISupportErrorInfo ISupportErrorInfo;
typedef ISupportErrorInfo *LPSUPPORTERRORINFO;
typedef struct IRecordInfo IRecordInfo;
typedef IRecordInfo *LPRECORDINFO;
typedef struct IEnumVARIANT IEnumVARIANT;
typedef IEnumVARIANT *LPENUMVARIANT;
typedef struct ITypeInfo ITypeInfo;
typedef ITypeInfo *LPTYPEINFO;
typedef struct ITypeLib ITypeLib;
typedef ITypeLib *LPTYPELIB;

DEFINE_GUID(IID_IDispatch, 0x00020400, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IEnumVARIANT, 0x00020404, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_IErrorInfo, 0x1CF2B120, 0x547D, 0x101B, 0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19);
DEFINE_GUID(IID_ICreateErrorInfo, 0x22F03340, 0x547D, 0x101B, 0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19);
DEFINE_GUID(IID_ISupportErrorInfo, 0xDF0B3D60, 0x548F, 0x101B, 0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19);
DEFINE_GUID(IID_IRecordInfo, 0x0000002F, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ITypeInfo, 0x00020401, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ITypeLib, 0x00020402, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ITypeComp, 0x00020403, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

/* ---- SAFEARRAY ---------------------------------------------------------- */

typedef struct tagSAFEARRAYBOUND {
    ULONG cElements;
    LONG lLbound;
} SAFEARRAYBOUND, *LPSAFEARRAYBOUND;

typedef struct tagSAFEARRAY {
    USHORT cDims;
    USHORT fFeatures;
    ULONG cbElements;
    ULONG cLocks;
    PVOID pvData;
    SAFEARRAYBOUND rgsabound[1]; /* cDims of them, in reverse: rgsabound[0] is the last bound given
                                    to SafeArrayCreate (GetLBound(psa, 1) reads rgsabound[cDims-1]) */
} SAFEARRAY, *LPSAFEARRAY;

#define FADF_AUTO 0x0001
#define FADF_STATIC 0x0002
#define FADF_EMBEDDED 0x0004
#define FADF_FIXEDSIZE 0x0010
#define FADF_RECORD 0x0020
#define FADF_HAVEIID 0x0040
#define FADF_HAVEVARTYPE 0x0080
#define FADF_BSTR 0x0100
#define FADF_UNKNOWN 0x0200
#define FADF_DISPATCH 0x0400
#define FADF_VARIANT 0x0800
#define FADF_RESERVED 0xF008

/* ---- VARIANT ------------------------------------------------------------ */

typedef struct tagVARIANT VARIANT, *LPVARIANT;
typedef VARIANT VARIANTARG, *LPVARIANTARG;

struct tagVARIANT {
    union {
        struct {
            VARTYPE vt;
            WORD wReserved1;
            WORD wReserved2;
            WORD wReserved3;
            union {
                LONGLONG llVal;
                LONG lVal;
                BYTE bVal;
                SHORT iVal;
                FLOAT fltVal;
                DOUBLE dblVal;
                VARIANT_BOOL boolVal;
                SCODE scode;
                CY cyVal;
                DATE date;
                BSTR bstrVal;
                IUnknown *punkVal;
                IDispatch *pdispVal;
                SAFEARRAY *parray;
                BYTE *pbVal;
                SHORT *piVal;
                LONG *plVal;
                LONGLONG *pllVal;
                FLOAT *pfltVal;
                DOUBLE *pdblVal;
                VARIANT_BOOL *pboolVal;
                SCODE *pscode;
                CY *pcyVal;
                DATE *pdate;
                BSTR *pbstrVal;
                IUnknown **ppunkVal;
                IDispatch **ppdispVal;
                SAFEARRAY **pparray;
                VARIANT *pvarVal;
                PVOID byref;
                CHAR cVal;
                USHORT uiVal;
                ULONG ulVal;
                ULONGLONG ullVal;
                INT intVal;
                UINT uintVal;
                DECIMAL *pdecVal;
                CHAR *pcVal;
                USHORT *puiVal;
                ULONG *pulVal;
                ULONGLONG *pullVal;
                INT *pintVal;
                UINT *puintVal;
                struct {
                    PVOID pvRecord;
                    IRecordInfo *pRecInfo;
                };
            };
        };
        DECIMAL decVal; /* overlays the whole VARIANT; vt sits in wReserved */
    };
};

/* The SDK's accessors. */
#define V_VT(X) ((X)->vt)
#define V_UNION(X, Y) ((X)->Y)
#define V_RECORDINFO(X) ((X)->pRecInfo)
#define V_RECORD(X) ((X)->pvRecord)
#define V_ISBYREF(X) (V_VT(X) & VT_BYREF)
#define V_ISARRAY(X) (V_VT(X) & VT_ARRAY)
#define V_ISVECTOR(X) (V_VT(X) & VT_VECTOR)
#define V_NONE(X) V_I2(X)
#define V_UI1(X) ((X)->bVal)
#define V_UI1REF(X) ((X)->pbVal)
#define V_I2(X) ((X)->iVal)
#define V_I2REF(X) ((X)->piVal)
#define V_UI2(X) ((X)->uiVal)
#define V_UI2REF(X) ((X)->puiVal)
#define V_I4(X) ((X)->lVal)
#define V_I4REF(X) ((X)->plVal)
#define V_UI4(X) ((X)->ulVal)
#define V_UI4REF(X) ((X)->pulVal)
#define V_I8(X) ((X)->llVal)
#define V_I8REF(X) ((X)->pllVal)
#define V_UI8(X) ((X)->ullVal)
#define V_UI8REF(X) ((X)->pullVal)
#define V_I1(X) ((X)->cVal)
#define V_I1REF(X) ((X)->pcVal)
#define V_INT(X) ((X)->intVal)
#define V_INTREF(X) ((X)->pintVal)
#define V_UINT(X) ((X)->uintVal)
#define V_UINTREF(X) ((X)->puintVal)
#define V_R4(X) ((X)->fltVal)
#define V_R4REF(X) ((X)->pfltVal)
#define V_R8(X) ((X)->dblVal)
#define V_R8REF(X) ((X)->pdblVal)
#define V_BOOL(X) ((X)->boolVal)
#define V_BOOLREF(X) ((X)->pboolVal)
#define V_ERROR(X) ((X)->scode)
#define V_ERRORREF(X) ((X)->pscode)
#define V_CY(X) ((X)->cyVal)
#define V_CYREF(X) ((X)->pcyVal)
#define V_DATE(X) ((X)->date)
#define V_DATEREF(X) ((X)->pdate)
#define V_BSTR(X) ((X)->bstrVal)
#define V_BSTRREF(X) ((X)->pbstrVal)
#define V_UNKNOWN(X) ((X)->punkVal)
#define V_UNKNOWNREF(X) ((X)->ppunkVal)
#define V_DISPATCH(X) ((X)->pdispVal)
#define V_DISPATCHREF(X) ((X)->ppdispVal)
#define V_VARIANTREF(X) ((X)->pvarVal)
#define V_ARRAY(X) ((X)->parray)
#define V_ARRAYREF(X) ((X)->pparray)
#define V_BYREF(X) ((X)->byref)
#define V_DECIMAL(X) ((X)->decVal)
#define V_DECIMALREF(X) ((X)->pdecVal)
#define V_INT_PTR(X) ((X)->llVal)
#define V_UINT_PTR(X) ((X)->ullVal)

/* ---- IDispatch ---------------------------------------------------------- */

typedef struct tagDISPPARAMS {
    VARIANTARG *rgvarg;        /* arguments in reverse order */
    DISPID *rgdispidNamedArgs; /* DISPIDs of the first cNamedArgs of rgvarg */
    UINT cArgs;
    UINT cNamedArgs;
} DISPPARAMS;

typedef struct tagEXCEPINFO {
    WORD wCode;
    WORD wReserved;
    BSTR bstrSource;
    BSTR bstrDescription;
    BSTR bstrHelpFile;
    DWORD dwHelpContext;
    PVOID pvReserved;
    HRESULT(STDMETHODCALLTYPE *pfnDeferredFillIn)(struct tagEXCEPINFO *);
    SCODE scode;
} EXCEPINFO, *LPEXCEPINFO;

#define DISPID_UNKNOWN (-1)
#define DISPID_VALUE 0
#define DISPID_PROPERTYPUT (-3)
#define DISPID_NEWENUM (-4)
#define DISPID_EVALUATE (-5)
#define DISPID_CONSTRUCTOR (-6)
#define DISPID_DESTRUCTOR (-7)
#define DISPID_COLLECT (-8)

#define DISPATCH_METHOD 0x1
#define DISPATCH_PROPERTYGET 0x2
#define DISPATCH_PROPERTYPUT 0x4
#define DISPATCH_PROPERTYPUTREF 0x8

#define INTERFACE IDispatch
DECLARE_INTERFACE_(IDispatch, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetTypeInfoCount)(THIS_ UINT *pctinfo) PURE;
    STDMETHOD(GetTypeInfo)(THIS_ UINT iTInfo, LCID lcid, ITypeInfo **ppTInfo) PURE;
    STDMETHOD(GetIDsOfNames)(THIS_ REFIID riid, LPOLESTR *rgszNames, UINT cNames, LCID lcid, DISPID *rgDispId) PURE;
    STDMETHOD(Invoke)(THIS_ DISPID dispIdMember, REFIID riid, LCID lcid, WORD wFlags, DISPPARAMS *pDispParams,
                      VARIANT *pVarResult, EXCEPINFO *pExcepInfo, UINT *puArgErr) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IDispatch_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IDispatch_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IDispatch_Release(This) (This)->lpVtbl->Release(This)
#define IDispatch_GetTypeInfoCount(This, pctinfo) (This)->lpVtbl->GetTypeInfoCount(This, pctinfo)
#define IDispatch_GetTypeInfo(This, i, lcid, ppti) (This)->lpVtbl->GetTypeInfo(This, i, lcid, ppti)
#define IDispatch_GetIDsOfNames(This, riid, names, n, lcid, ids) (This)->lpVtbl->GetIDsOfNames(This, riid, names, n, lcid, ids)
#define IDispatch_Invoke(This, id, riid, lcid, flags, dp, res, ei, argerr) \
    (This)->lpVtbl->Invoke(This, id, riid, lcid, flags, dp, res, ei, argerr)
#endif

/* ---- IEnumVARIANT ------------------------------------------------------- */

#define INTERFACE IEnumVARIANT
DECLARE_INTERFACE_(IEnumVARIANT, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Next)(THIS_ ULONG celt, VARIANT *rgVar, ULONG *pCeltFetched) PURE;
    STDMETHOD(Skip)(THIS_ ULONG celt) PURE;
    STDMETHOD(Reset)(THIS) PURE;
    STDMETHOD(Clone)(THIS_ IEnumVARIANT **ppEnum) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IEnumVARIANT_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IEnumVARIANT_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IEnumVARIANT_Release(This) (This)->lpVtbl->Release(This)
#define IEnumVARIANT_Next(This, celt, rgVar, fetched) (This)->lpVtbl->Next(This, celt, rgVar, fetched)
#define IEnumVARIANT_Skip(This, celt) (This)->lpVtbl->Skip(This, celt)
#define IEnumVARIANT_Reset(This) (This)->lpVtbl->Reset(This)
#define IEnumVARIANT_Clone(This, ppEnum) (This)->lpVtbl->Clone(This, ppEnum)
#endif

/* ---- Error info --------------------------------------------------------- */

#define INTERFACE IErrorInfo
DECLARE_INTERFACE_(IErrorInfo, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(GetGUID)(THIS_ GUID *pGUID) PURE;
    STDMETHOD(GetSource)(THIS_ BSTR *pBstrSource) PURE;
    STDMETHOD(GetDescription)(THIS_ BSTR *pBstrDescription) PURE;
    STDMETHOD(GetHelpFile)(THIS_ BSTR *pBstrHelpFile) PURE;
    STDMETHOD(GetHelpContext)(THIS_ DWORD *pdwHelpContext) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IErrorInfo_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IErrorInfo_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IErrorInfo_Release(This) (This)->lpVtbl->Release(This)
#define IErrorInfo_GetGUID(This, pGUID) (This)->lpVtbl->GetGUID(This, pGUID)
#define IErrorInfo_GetSource(This, p) (This)->lpVtbl->GetSource(This, p)
#define IErrorInfo_GetDescription(This, p) (This)->lpVtbl->GetDescription(This, p)
#define IErrorInfo_GetHelpFile(This, p) (This)->lpVtbl->GetHelpFile(This, p)
#define IErrorInfo_GetHelpContext(This, p) (This)->lpVtbl->GetHelpContext(This, p)
#endif

#define INTERFACE ICreateErrorInfo
DECLARE_INTERFACE_(ICreateErrorInfo, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(SetGUID)(THIS_ REFGUID rguid) PURE;
    STDMETHOD(SetSource)(THIS_ LPOLESTR szSource) PURE;
    STDMETHOD(SetDescription)(THIS_ LPOLESTR szDescription) PURE;
    STDMETHOD(SetHelpFile)(THIS_ LPOLESTR szHelpFile) PURE;
    STDMETHOD(SetHelpContext)(THIS_ DWORD dwHelpContext) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define ICreateErrorInfo_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ICreateErrorInfo_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ICreateErrorInfo_Release(This) (This)->lpVtbl->Release(This)
#define ICreateErrorInfo_SetGUID(This, rguid) (This)->lpVtbl->SetGUID(This, rguid)
#define ICreateErrorInfo_SetSource(This, s) (This)->lpVtbl->SetSource(This, s)
#define ICreateErrorInfo_SetDescription(This, s) (This)->lpVtbl->SetDescription(This, s)
#define ICreateErrorInfo_SetHelpFile(This, s) (This)->lpVtbl->SetHelpFile(This, s)
#define ICreateErrorInfo_SetHelpContext(This, c) (This)->lpVtbl->SetHelpContext(This, c)
#endif

#define INTERFACE ISupportErrorInfo
DECLARE_INTERFACE_(ISupportErrorInfo, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(InterfaceSupportsErrorInfo)(THIS_ REFIID riid) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define ISupportErrorInfo_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ISupportErrorInfo_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ISupportErrorInfo_Release(This) (This)->lpVtbl->Release(This)
#define ISupportErrorInfo_InterfaceSupportsErrorInfo(This, riid) (This)->lpVtbl->InterfaceSupportsErrorInfo(This, riid)
#endif

/* ---- IRecordInfo (user-defined types in VARIANTs and SAFEARRAYs) -------- */

#define INTERFACE IRecordInfo
DECLARE_INTERFACE_(IRecordInfo, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(RecordInit)(THIS_ PVOID pvNew) PURE;
    STDMETHOD(RecordClear)(THIS_ PVOID pvExisting) PURE;
    STDMETHOD(RecordCopy)(THIS_ PVOID pvExisting, PVOID pvNew) PURE;
    STDMETHOD(GetGuid)(THIS_ GUID *pguid) PURE;
    STDMETHOD(GetName)(THIS_ BSTR *pbstrName) PURE;
    STDMETHOD(GetSize)(THIS_ ULONG *pcbSize) PURE;
    STDMETHOD(GetTypeInfo)(THIS_ ITypeInfo **ppTypeInfo) PURE;
    STDMETHOD(GetField)(THIS_ PVOID pvData, LPCOLESTR szFieldName, VARIANT *pvarField) PURE;
    STDMETHOD(GetFieldNoCopy)(THIS_ PVOID pvData, LPCOLESTR szFieldName, VARIANT *pvarField, PVOID *ppvDataCArray) PURE;
    STDMETHOD(PutField)(THIS_ ULONG wFlags, PVOID pvData, LPCOLESTR szFieldName, VARIANT *pvarField) PURE;
    STDMETHOD(PutFieldNoCopy)(THIS_ ULONG wFlags, PVOID pvData, LPCOLESTR szFieldName, VARIANT *pvarField) PURE;
    STDMETHOD(GetFieldNames)(THIS_ ULONG *pcNames, BSTR *rgBstrNames) PURE;
    STDMETHOD_(BOOL, IsMatchingType)(THIS_ IRecordInfo *pRecordInfo) PURE;
    STDMETHOD_(PVOID, RecordCreate)(THIS) PURE;
    STDMETHOD(RecordCreateCopy)(THIS_ PVOID pvSource, PVOID *ppvDest) PURE;
    STDMETHOD(RecordDestroy)(THIS_ PVOID pvRecord) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define IRecordInfo_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define IRecordInfo_AddRef(This) (This)->lpVtbl->AddRef(This)
#define IRecordInfo_Release(This) (This)->lpVtbl->Release(This)
#define IRecordInfo_RecordInit(This, pv) (This)->lpVtbl->RecordInit(This, pv)
#define IRecordInfo_RecordClear(This, pv) (This)->lpVtbl->RecordClear(This, pv)
#define IRecordInfo_RecordCopy(This, src, dst) (This)->lpVtbl->RecordCopy(This, src, dst)
#define IRecordInfo_GetGuid(This, pguid) (This)->lpVtbl->GetGuid(This, pguid)
#define IRecordInfo_GetName(This, pname) (This)->lpVtbl->GetName(This, pname)
#define IRecordInfo_GetSize(This, pcb) (This)->lpVtbl->GetSize(This, pcb)
#define IRecordInfo_GetTypeInfo(This, ppti) (This)->lpVtbl->GetTypeInfo(This, ppti)
#define IRecordInfo_GetField(This, pv, name, var) (This)->lpVtbl->GetField(This, pv, name, var)
#define IRecordInfo_GetFieldNoCopy(This, pv, name, var, ppv) (This)->lpVtbl->GetFieldNoCopy(This, pv, name, var, ppv)
#define IRecordInfo_PutField(This, fl, pv, name, var) (This)->lpVtbl->PutField(This, fl, pv, name, var)
#define IRecordInfo_PutFieldNoCopy(This, fl, pv, name, var) (This)->lpVtbl->PutFieldNoCopy(This, fl, pv, name, var)
#define IRecordInfo_GetFieldNames(This, pc, names) (This)->lpVtbl->GetFieldNames(This, pc, names)
#define IRecordInfo_IsMatchingType(This, other) (This)->lpVtbl->IsMatchingType(This, other)
#define IRecordInfo_RecordCreate(This) (This)->lpVtbl->RecordCreate(This)
#define IRecordInfo_RecordCreateCopy(This, src, pdst) (This)->lpVtbl->RecordCreateCopy(This, src, pdst)
#define IRecordInfo_RecordDestroy(This, pv) (This)->lpVtbl->RecordDestroy(This, pv)
#endif

/* ---- Type descriptions (type libraries) ---------------------------------- */

typedef struct ITypeComp ITypeComp;
typedef ITypeComp *LPTYPECOMP;
typedef struct ITypeInfo2 ITypeInfo2;
typedef struct ITypeLib2 ITypeLib2;
typedef struct ICreateTypeInfo ICreateTypeInfo;
typedef struct ICreateTypeInfo2 ICreateTypeInfo2;
typedef struct ICreateTypeLib ICreateTypeLib;
typedef struct ICreateTypeLib2 ICreateTypeLib2;

DEFINE_GUID(IID_ICreateTypeInfo, 0x00020405, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ICreateTypeLib, 0x00020406, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ICreateTypeInfo2, 0x0002040E, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ICreateTypeLib2, 0x0002040F, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ITypeLib2, 0x00020411, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);
DEFINE_GUID(IID_ITypeInfo2, 0x00020412, 0x0000, 0x0000, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

#define MEMBERID_NIL DISPID_UNKNOWN
#define ID_DEFAULTINST (-2)

typedef enum tagSYSKIND { SYS_WIN16 = 0, SYS_WIN32 = 1, SYS_MAC = 2, SYS_WIN64 = 3 } SYSKIND;

typedef enum tagLIBFLAGS {
    LIBFLAG_FRESTRICTED = 0x1,
    LIBFLAG_FCONTROL = 0x2,
    LIBFLAG_FHIDDEN = 0x4,
    LIBFLAG_FHASDISKIMAGE = 0x8
} LIBFLAGS;

typedef struct tagTLIBATTR {
    GUID guid;
    LCID lcid;
    SYSKIND syskind;
    WORD wMajorVerNum;
    WORD wMinorVerNum;
    WORD wLibFlags;
} TLIBATTR, *LPTLIBATTR;

typedef enum tagTYPEKIND {
    TKIND_ENUM = 0,
    TKIND_RECORD,
    TKIND_MODULE,
    TKIND_INTERFACE,
    TKIND_DISPATCH,
    TKIND_COCLASS,
    TKIND_ALIAS,
    TKIND_UNION,
    TKIND_MAX
} TYPEKIND;

typedef struct tagTYPEDESC {
    union {
        struct tagTYPEDESC *lptdesc;  /* VT_PTR, VT_SAFEARRAY */
        struct tagARRAYDESC *lpadesc; /* VT_CARRAY */
        HREFTYPE hreftype;            /* VT_USERDEFINED */
    };
    VARTYPE vt;
} TYPEDESC;

typedef struct tagARRAYDESC {
    TYPEDESC tdescElem;
    USHORT cDims;
    SAFEARRAYBOUND rgbounds[1]; /* cDims of them */
} ARRAYDESC;

typedef struct tagPARAMDESCEX {
    ULONG cBytes;
    VARIANTARG varDefaultValue;
} PARAMDESCEX, *LPPARAMDESCEX;

typedef struct tagPARAMDESC {
    LPPARAMDESCEX pparamdescex; /* set when PARAMFLAG_FHASDEFAULT */
    USHORT wParamFlags;
} PARAMDESC, *LPPARAMDESC;

#define PARAMFLAG_NONE 0x00
#define PARAMFLAG_FIN 0x01
#define PARAMFLAG_FOUT 0x02
#define PARAMFLAG_FLCID 0x04
#define PARAMFLAG_FRETVAL 0x08
#define PARAMFLAG_FOPT 0x10
#define PARAMFLAG_FHASDEFAULT 0x20
#define PARAMFLAG_FHASCUSTDATA 0x40

typedef struct tagIDLDESC {
    ULONG_PTR dwReserved;
    USHORT wIDLFlags;
} IDLDESC, *LPIDLDESC;

#define IDLFLAG_NONE PARAMFLAG_NONE
#define IDLFLAG_FIN PARAMFLAG_FIN
#define IDLFLAG_FOUT PARAMFLAG_FOUT
#define IDLFLAG_FLCID PARAMFLAG_FLCID
#define IDLFLAG_FRETVAL PARAMFLAG_FRETVAL

typedef struct tagELEMDESC {
    TYPEDESC tdesc;
    union {
        IDLDESC idldesc;
        PARAMDESC paramdesc;
    };
} ELEMDESC, *LPELEMDESC;

typedef struct tagTYPEATTR {
    GUID guid;
    LCID lcid;
    DWORD dwReserved;
    MEMBERID memidConstructor;
    MEMBERID memidDestructor;
    LPOLESTR lpstrSchema;
    ULONG cbSizeInstance;
    TYPEKIND typekind;
    WORD cFuncs;
    WORD cVars;
    WORD cImplTypes;
    WORD cbSizeVft;
    WORD cbAlignment;
    WORD wTypeFlags;
    WORD wMajorVerNum;
    WORD wMinorVerNum;
    TYPEDESC tdescAlias; /* TKIND_ALIAS */
    IDLDESC idldescType;
} TYPEATTR, *LPTYPEATTR;

typedef enum tagTYPEFLAGS {
    TYPEFLAG_FAPPOBJECT = 0x1,
    TYPEFLAG_FCANCREATE = 0x2,
    TYPEFLAG_FLICENSED = 0x4,
    TYPEFLAG_FPREDECLID = 0x8,
    TYPEFLAG_FHIDDEN = 0x10,
    TYPEFLAG_FCONTROL = 0x20,
    TYPEFLAG_FDUAL = 0x40,
    TYPEFLAG_FNONEXTENSIBLE = 0x80,
    TYPEFLAG_FOLEAUTOMATION = 0x100,
    TYPEFLAG_FRESTRICTED = 0x200,
    TYPEFLAG_FAGGREGATABLE = 0x400,
    TYPEFLAG_FREPLACEABLE = 0x800,
    TYPEFLAG_FDISPATCHABLE = 0x1000,
    TYPEFLAG_FREVERSEBIND = 0x2000,
    TYPEFLAG_FPROXY = 0x4000
} TYPEFLAGS;

typedef enum tagFUNCKIND {
    FUNC_VIRTUAL,
    FUNC_PUREVIRTUAL,
    FUNC_NONVIRTUAL,
    FUNC_STATIC,
    FUNC_DISPATCH
} FUNCKIND;

typedef enum tagINVOKEKIND {
    INVOKE_FUNC = 1,
    INVOKE_PROPERTYGET = 2,
    INVOKE_PROPERTYPUT = 4,
    INVOKE_PROPERTYPUTREF = 8
} INVOKEKIND;

typedef enum tagCALLCONV {
    CC_FASTCALL = 0,
    CC_CDECL = 1,
    CC_MSCPASCAL,
    CC_PASCAL = CC_MSCPASCAL,
    CC_MACPASCAL,
    CC_STDCALL,
    CC_FPFASTCALL,
    CC_SYSCALL,
    CC_MPWCDECL,
    CC_MPWPASCAL,
    CC_MAX
} CALLCONV;

typedef struct tagFUNCDESC {
    MEMBERID memid;
    SCODE *lprgscode;
    ELEMDESC *lprgelemdescParam; /* cParams of them */
    FUNCKIND funckind;
    INVOKEKIND invkind;
    CALLCONV callconv;
    SHORT cParams;
    SHORT cParamsOpt; /* -1: the last parameter is a vararg SAFEARRAY */
    SHORT oVft;
    SHORT cScodes;
    ELEMDESC elemdescFunc; /* the return type */
    WORD wFuncFlags;
} FUNCDESC, *LPFUNCDESC;

typedef enum tagFUNCFLAGS {
    FUNCFLAG_FRESTRICTED = 0x1,
    FUNCFLAG_FSOURCE = 0x2,
    FUNCFLAG_FBINDABLE = 0x4,
    FUNCFLAG_FREQUESTEDIT = 0x8,
    FUNCFLAG_FDISPLAYBIND = 0x10,
    FUNCFLAG_FDEFAULTBIND = 0x20,
    FUNCFLAG_FHIDDEN = 0x40,
    FUNCFLAG_FUSESGETLASTERROR = 0x80,
    FUNCFLAG_FDEFAULTCOLLELEM = 0x100,
    FUNCFLAG_FUIDEFAULT = 0x200,
    FUNCFLAG_FNONBROWSABLE = 0x400,
    FUNCFLAG_FREPLACEABLE = 0x800,
    FUNCFLAG_FIMMEDIATEBIND = 0x1000
} FUNCFLAGS;

typedef enum tagVARKIND { VAR_PERINSTANCE, VAR_STATIC, VAR_CONST, VAR_DISPATCH } VARKIND;

typedef struct tagVARDESC {
    MEMBERID memid;
    LPOLESTR lpstrSchema;
    union {
        ULONG oInst;         /* VAR_PERINSTANCE: offset in the instance */
        VARIANT *lpvarValue; /* VAR_CONST: the value */
    };
    ELEMDESC elemdescVar;
    WORD wVarFlags;
    VARKIND varkind;
} VARDESC, *LPVARDESC;

typedef enum tagVARFLAGS {
    VARFLAG_FREADONLY = 0x1,
    VARFLAG_FSOURCE = 0x2,
    VARFLAG_FBINDABLE = 0x4,
    VARFLAG_FREQUESTEDIT = 0x8,
    VARFLAG_FDISPLAYBIND = 0x10,
    VARFLAG_FDEFAULTBIND = 0x20,
    VARFLAG_FHIDDEN = 0x40,
    VARFLAG_FRESTRICTED = 0x80,
    VARFLAG_FDEFAULTCOLLELEM = 0x100,
    VARFLAG_FUIDEFAULT = 0x200,
    VARFLAG_FNONBROWSABLE = 0x400,
    VARFLAG_FREPLACEABLE = 0x800,
    VARFLAG_FIMMEDIATEBIND = 0x1000
} VARFLAGS;

#define IMPLTYPEFLAG_FDEFAULT 0x1
#define IMPLTYPEFLAG_FSOURCE 0x2
#define IMPLTYPEFLAG_FRESTRICTED 0x4
#define IMPLTYPEFLAG_FDEFAULTVTABLE 0x8

typedef enum tagDESCKIND {
    DESCKIND_NONE = 0,
    DESCKIND_FUNCDESC,
    DESCKIND_VARDESC,
    DESCKIND_TYPECOMP,
    DESCKIND_IMPLICITAPPOBJ,
    DESCKIND_MAX
} DESCKIND;

typedef union tagBINDPTR {
    FUNCDESC *lpfuncdesc;
    VARDESC *lpvardesc;
    ITypeComp *lptcomp;
} BINDPTR, *LPBINDPTR;

typedef struct tagCUSTDATAITEM {
    GUID guid;
    VARIANTARG varValue;
} CUSTDATAITEM, *LPCUSTDATAITEM;

typedef struct tagCUSTDATA {
    DWORD cCustData;
    LPCUSTDATAITEM prgCustData;
} CUSTDATA, *LPCUSTDATA;

/* ---- ITypeComp ------------------------------------------------------------ */

#define INTERFACE ITypeComp
DECLARE_INTERFACE_(ITypeComp, IUnknown)
{
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Bind)(THIS_ LPOLESTR szName, ULONG lHashVal, WORD wFlags, ITypeInfo **ppTInfo, DESCKIND *pDescKind,
                    BINDPTR *pBindPtr) PURE;
    STDMETHOD(BindType)(THIS_ LPOLESTR szName, ULONG lHashVal, ITypeInfo **ppTInfo, ITypeComp **ppTComp) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define ITypeComp_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ITypeComp_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ITypeComp_Release(This) (This)->lpVtbl->Release(This)
#define ITypeComp_Bind(This, name, hash, flags, ppti, pkind, pbind) \
    (This)->lpVtbl->Bind(This, name, hash, flags, ppti, pkind, pbind)
#define ITypeComp_BindType(This, name, hash, ppti, pptc) (This)->lpVtbl->BindType(This, name, hash, ppti, pptc)
#endif

/* ---- ITypeInfo, ITypeInfo2 ------------------------------------------------ */

#define COMRT_ITYPEINFO_METHODS                                                                                   \
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;                                        \
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;                                                                       \
    STDMETHOD_(ULONG, Release)(THIS) PURE;                                                                      \
    STDMETHOD(GetTypeAttr)(THIS_ TYPEATTR **ppTypeAttr) PURE;                                                   \
    STDMETHOD(GetTypeComp)(THIS_ ITypeComp **ppTComp) PURE;                                                     \
    STDMETHOD(GetFuncDesc)(THIS_ UINT index, FUNCDESC **ppFuncDesc) PURE;                                       \
    STDMETHOD(GetVarDesc)(THIS_ UINT index, VARDESC **ppVarDesc) PURE;                                          \
    STDMETHOD(GetNames)(THIS_ MEMBERID memid, BSTR *rgBstrNames, UINT cMaxNames, UINT *pcNames) PURE;           \
    STDMETHOD(GetRefTypeOfImplType)(THIS_ UINT index, HREFTYPE *pRefType) PURE;                                 \
    STDMETHOD(GetImplTypeFlags)(THIS_ UINT index, INT *pImplTypeFlags) PURE;                                    \
    STDMETHOD(GetIDsOfNames)(THIS_ LPOLESTR *rgszNames, UINT cNames, MEMBERID *pMemId) PURE;                     \
    STDMETHOD(Invoke)(THIS_ PVOID pvInstance, MEMBERID memid, WORD wFlags, DISPPARAMS *pDispParams,             \
                      VARIANT *pVarResult, EXCEPINFO *pExcepInfo, UINT *puArgErr) PURE;                         \
    STDMETHOD(GetDocumentation)(THIS_ MEMBERID memid, BSTR *pBstrName, BSTR *pBstrDocString,                    \
                                DWORD *pdwHelpContext, BSTR *pBstrHelpFile) PURE;                               \
    STDMETHOD(GetDllEntry)(THIS_ MEMBERID memid, INVOKEKIND invKind, BSTR *pBstrDllName, BSTR *pBstrName,       \
                           WORD *pwOrdinal) PURE;                                                               \
    STDMETHOD(GetRefTypeInfo)(THIS_ HREFTYPE hRefType, ITypeInfo **ppTInfo) PURE;                               \
    STDMETHOD(AddressOfMember)(THIS_ MEMBERID memid, INVOKEKIND invKind, PVOID *ppv) PURE;                      \
    STDMETHOD(CreateInstance)(THIS_ IUnknown *pUnkOuter, REFIID riid, PVOID *ppvObj) PURE;                      \
    STDMETHOD(GetMops)(THIS_ MEMBERID memid, BSTR *pBstrMops) PURE;                                             \
    STDMETHOD(GetContainingTypeLib)(THIS_ ITypeLib **ppTLib, UINT *pIndex) PURE;                                \
    STDMETHOD_(void, ReleaseTypeAttr)(THIS_ TYPEATTR *pTypeAttr) PURE;                                          \
    STDMETHOD_(void, ReleaseFuncDesc)(THIS_ FUNCDESC *pFuncDesc) PURE;                                          \
    STDMETHOD_(void, ReleaseVarDesc)(THIS_ VARDESC *pVarDesc) PURE;

#define INTERFACE ITypeInfo
DECLARE_INTERFACE_(ITypeInfo, IUnknown)
{
    COMRT_ITYPEINFO_METHODS
};
#undef INTERFACE

#define INTERFACE ITypeInfo2
DECLARE_INTERFACE_(ITypeInfo2, ITypeInfo)
{
    COMRT_ITYPEINFO_METHODS
    STDMETHOD(GetTypeKind)(THIS_ TYPEKIND *pTypeKind) PURE;
    STDMETHOD(GetTypeFlags)(THIS_ ULONG *pTypeFlags) PURE;
    STDMETHOD(GetFuncIndexOfMemId)(THIS_ MEMBERID memid, INVOKEKIND invKind, UINT *pFuncIndex) PURE;
    STDMETHOD(GetVarIndexOfMemId)(THIS_ MEMBERID memid, UINT *pVarIndex) PURE;
    STDMETHOD(GetCustData)(THIS_ REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(GetFuncCustData)(THIS_ UINT index, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(GetParamCustData)(THIS_ UINT indexFunc, UINT indexParam, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(GetVarCustData)(THIS_ UINT index, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(GetImplTypeCustData)(THIS_ UINT index, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(GetDocumentation2)(THIS_ MEMBERID memid, LCID lcid, BSTR *pbstrHelpString,
                                 DWORD *pdwHelpStringContext, BSTR *pbstrHelpStringDll) PURE;
    STDMETHOD(GetAllCustData)(THIS_ CUSTDATA *pCustData) PURE;
    STDMETHOD(GetAllFuncCustData)(THIS_ UINT index, CUSTDATA *pCustData) PURE;
    STDMETHOD(GetAllParamCustData)(THIS_ UINT indexFunc, UINT indexParam, CUSTDATA *pCustData) PURE;
    STDMETHOD(GetAllVarCustData)(THIS_ UINT index, CUSTDATA *pCustData) PURE;
    STDMETHOD(GetAllImplTypeCustData)(THIS_ UINT index, CUSTDATA *pCustData) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define ITypeInfo_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ITypeInfo_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ITypeInfo_Release(This) (This)->lpVtbl->Release(This)
#define ITypeInfo_GetTypeAttr(This, pp) (This)->lpVtbl->GetTypeAttr(This, pp)
#define ITypeInfo_GetTypeComp(This, pp) (This)->lpVtbl->GetTypeComp(This, pp)
#define ITypeInfo_GetFuncDesc(This, i, pp) (This)->lpVtbl->GetFuncDesc(This, i, pp)
#define ITypeInfo_GetVarDesc(This, i, pp) (This)->lpVtbl->GetVarDesc(This, i, pp)
#define ITypeInfo_GetNames(This, id, names, max, pc) (This)->lpVtbl->GetNames(This, id, names, max, pc)
#define ITypeInfo_GetRefTypeOfImplType(This, i, pref) (This)->lpVtbl->GetRefTypeOfImplType(This, i, pref)
#define ITypeInfo_GetImplTypeFlags(This, i, pflags) (This)->lpVtbl->GetImplTypeFlags(This, i, pflags)
#define ITypeInfo_GetIDsOfNames(This, names, n, ids) (This)->lpVtbl->GetIDsOfNames(This, names, n, ids)
#define ITypeInfo_Invoke(This, inst, id, flags, dp, res, ei, argerr) \
    (This)->lpVtbl->Invoke(This, inst, id, flags, dp, res, ei, argerr)
#define ITypeInfo_GetDocumentation(This, id, name, doc, ctx, file) \
    (This)->lpVtbl->GetDocumentation(This, id, name, doc, ctx, file)
#define ITypeInfo_GetDllEntry(This, id, kind, dll, name, ord) (This)->lpVtbl->GetDllEntry(This, id, kind, dll, name, ord)
#define ITypeInfo_GetRefTypeInfo(This, ref, pp) (This)->lpVtbl->GetRefTypeInfo(This, ref, pp)
#define ITypeInfo_AddressOfMember(This, id, kind, ppv) (This)->lpVtbl->AddressOfMember(This, id, kind, ppv)
#define ITypeInfo_CreateInstance(This, outer, riid, ppv) (This)->lpVtbl->CreateInstance(This, outer, riid, ppv)
#define ITypeInfo_GetMops(This, id, pmops) (This)->lpVtbl->GetMops(This, id, pmops)
#define ITypeInfo_GetContainingTypeLib(This, pptl, pi) (This)->lpVtbl->GetContainingTypeLib(This, pptl, pi)
#define ITypeInfo_ReleaseTypeAttr(This, p) (This)->lpVtbl->ReleaseTypeAttr(This, p)
#define ITypeInfo_ReleaseFuncDesc(This, p) (This)->lpVtbl->ReleaseFuncDesc(This, p)
#define ITypeInfo_ReleaseVarDesc(This, p) (This)->lpVtbl->ReleaseVarDesc(This, p)
#define ITypeInfo2_QueryInterface ITypeInfo_QueryInterface
#define ITypeInfo2_AddRef ITypeInfo_AddRef
#define ITypeInfo2_Release ITypeInfo_Release
#define ITypeInfo2_GetTypeAttr ITypeInfo_GetTypeAttr
#define ITypeInfo2_GetTypeComp ITypeInfo_GetTypeComp
#define ITypeInfo2_GetFuncDesc ITypeInfo_GetFuncDesc
#define ITypeInfo2_GetVarDesc ITypeInfo_GetVarDesc
#define ITypeInfo2_GetNames ITypeInfo_GetNames
#define ITypeInfo2_GetRefTypeOfImplType ITypeInfo_GetRefTypeOfImplType
#define ITypeInfo2_GetImplTypeFlags ITypeInfo_GetImplTypeFlags
#define ITypeInfo2_GetIDsOfNames ITypeInfo_GetIDsOfNames
#define ITypeInfo2_Invoke ITypeInfo_Invoke
#define ITypeInfo2_GetDocumentation ITypeInfo_GetDocumentation
#define ITypeInfo2_GetDllEntry ITypeInfo_GetDllEntry
#define ITypeInfo2_GetRefTypeInfo ITypeInfo_GetRefTypeInfo
#define ITypeInfo2_AddressOfMember ITypeInfo_AddressOfMember
#define ITypeInfo2_CreateInstance ITypeInfo_CreateInstance
#define ITypeInfo2_GetMops ITypeInfo_GetMops
#define ITypeInfo2_GetContainingTypeLib ITypeInfo_GetContainingTypeLib
#define ITypeInfo2_ReleaseTypeAttr ITypeInfo_ReleaseTypeAttr
#define ITypeInfo2_ReleaseFuncDesc ITypeInfo_ReleaseFuncDesc
#define ITypeInfo2_ReleaseVarDesc ITypeInfo_ReleaseVarDesc
#define ITypeInfo2_GetTypeKind(This, p) (This)->lpVtbl->GetTypeKind(This, p)
#define ITypeInfo2_GetTypeFlags(This, p) (This)->lpVtbl->GetTypeFlags(This, p)
#define ITypeInfo2_GetFuncIndexOfMemId(This, id, kind, p) (This)->lpVtbl->GetFuncIndexOfMemId(This, id, kind, p)
#define ITypeInfo2_GetVarIndexOfMemId(This, id, p) (This)->lpVtbl->GetVarIndexOfMemId(This, id, p)
#define ITypeInfo2_GetCustData(This, g, v) (This)->lpVtbl->GetCustData(This, g, v)
#define ITypeInfo2_GetFuncCustData(This, i, g, v) (This)->lpVtbl->GetFuncCustData(This, i, g, v)
#define ITypeInfo2_GetParamCustData(This, f, p, g, v) (This)->lpVtbl->GetParamCustData(This, f, p, g, v)
#define ITypeInfo2_GetVarCustData(This, i, g, v) (This)->lpVtbl->GetVarCustData(This, i, g, v)
#define ITypeInfo2_GetImplTypeCustData(This, i, g, v) (This)->lpVtbl->GetImplTypeCustData(This, i, g, v)
#define ITypeInfo2_GetDocumentation2(This, id, lcid, s, ctx, dll) \
    (This)->lpVtbl->GetDocumentation2(This, id, lcid, s, ctx, dll)
#define ITypeInfo2_GetAllCustData(This, p) (This)->lpVtbl->GetAllCustData(This, p)
#define ITypeInfo2_GetAllFuncCustData(This, i, p) (This)->lpVtbl->GetAllFuncCustData(This, i, p)
#define ITypeInfo2_GetAllParamCustData(This, f, i, p) (This)->lpVtbl->GetAllParamCustData(This, f, i, p)
#define ITypeInfo2_GetAllVarCustData(This, i, p) (This)->lpVtbl->GetAllVarCustData(This, i, p)
#define ITypeInfo2_GetAllImplTypeCustData(This, i, p) (This)->lpVtbl->GetAllImplTypeCustData(This, i, p)
#endif

/* ---- ITypeLib, ITypeLib2 -------------------------------------------------- */

#define COMRT_ITYPELIB_METHODS                                                                                    \
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;                                        \
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;                                                                       \
    STDMETHOD_(ULONG, Release)(THIS) PURE;                                                                      \
    STDMETHOD_(UINT, GetTypeInfoCount)(THIS) PURE;                                                              \
    STDMETHOD(GetTypeInfo)(THIS_ UINT index, ITypeInfo **ppTInfo) PURE;                                         \
    STDMETHOD(GetTypeInfoType)(THIS_ UINT index, TYPEKIND *pTKind) PURE;                                        \
    STDMETHOD(GetTypeInfoOfGuid)(THIS_ REFGUID guid, ITypeInfo **ppTinfo) PURE;                                 \
    STDMETHOD(GetLibAttr)(THIS_ TLIBATTR **ppTLibAttr) PURE;                                                    \
    STDMETHOD(GetTypeComp)(THIS_ ITypeComp **ppTComp) PURE;                                                     \
    STDMETHOD(GetDocumentation)(THIS_ INT index, BSTR *pBstrName, BSTR *pBstrDocString, DWORD *pdwHelpContext,  \
                                BSTR *pBstrHelpFile) PURE;                                                      \
    STDMETHOD(IsName)(THIS_ LPOLESTR szNameBuf, ULONG lHashVal, BOOL *pfName) PURE;                             \
    STDMETHOD(FindName)(THIS_ LPOLESTR szNameBuf, ULONG lHashVal, ITypeInfo **ppTInfo, MEMBERID *rgMemId,       \
                        USHORT *pcFound) PURE;                                                                  \
    STDMETHOD_(void, ReleaseTLibAttr)(THIS_ TLIBATTR *pTLibAttr) PURE;

#define INTERFACE ITypeLib
DECLARE_INTERFACE_(ITypeLib, IUnknown)
{
    COMRT_ITYPELIB_METHODS
};
#undef INTERFACE

#define INTERFACE ITypeLib2
DECLARE_INTERFACE_(ITypeLib2, ITypeLib)
{
    COMRT_ITYPELIB_METHODS
    STDMETHOD(GetCustData)(THIS_ REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(GetLibStatistics)(THIS_ ULONG *pcUniqueNames, ULONG *pcchUniqueNames) PURE;
    STDMETHOD(GetDocumentation2)(THIS_ INT index, LCID lcid, BSTR *pbstrHelpString, DWORD *pdwHelpStringContext,
                                 BSTR *pbstrHelpStringDll) PURE;
    STDMETHOD(GetAllCustData)(THIS_ CUSTDATA *pCustData) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define ITypeLib_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ITypeLib_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ITypeLib_Release(This) (This)->lpVtbl->Release(This)
#define ITypeLib_GetTypeInfoCount(This) (This)->lpVtbl->GetTypeInfoCount(This)
#define ITypeLib_GetTypeInfo(This, i, pp) (This)->lpVtbl->GetTypeInfo(This, i, pp)
#define ITypeLib_GetTypeInfoType(This, i, pk) (This)->lpVtbl->GetTypeInfoType(This, i, pk)
#define ITypeLib_GetTypeInfoOfGuid(This, g, pp) (This)->lpVtbl->GetTypeInfoOfGuid(This, g, pp)
#define ITypeLib_GetLibAttr(This, pp) (This)->lpVtbl->GetLibAttr(This, pp)
#define ITypeLib_GetTypeComp(This, pp) (This)->lpVtbl->GetTypeComp(This, pp)
#define ITypeLib_GetDocumentation(This, i, name, doc, ctx, file) \
    (This)->lpVtbl->GetDocumentation(This, i, name, doc, ctx, file)
#define ITypeLib_IsName(This, name, hash, pf) (This)->lpVtbl->IsName(This, name, hash, pf)
#define ITypeLib_FindName(This, name, hash, ppti, ids, pc) (This)->lpVtbl->FindName(This, name, hash, ppti, ids, pc)
#define ITypeLib_ReleaseTLibAttr(This, p) (This)->lpVtbl->ReleaseTLibAttr(This, p)
#define ITypeLib2_QueryInterface ITypeLib_QueryInterface
#define ITypeLib2_AddRef ITypeLib_AddRef
#define ITypeLib2_Release ITypeLib_Release
#define ITypeLib2_GetTypeInfoCount ITypeLib_GetTypeInfoCount
#define ITypeLib2_GetTypeInfo ITypeLib_GetTypeInfo
#define ITypeLib2_GetTypeInfoType ITypeLib_GetTypeInfoType
#define ITypeLib2_GetTypeInfoOfGuid ITypeLib_GetTypeInfoOfGuid
#define ITypeLib2_GetLibAttr ITypeLib_GetLibAttr
#define ITypeLib2_GetTypeComp ITypeLib_GetTypeComp
#define ITypeLib2_GetDocumentation ITypeLib_GetDocumentation
#define ITypeLib2_IsName ITypeLib_IsName
#define ITypeLib2_FindName ITypeLib_FindName
#define ITypeLib2_ReleaseTLibAttr ITypeLib_ReleaseTLibAttr
#define ITypeLib2_GetCustData(This, g, v) (This)->lpVtbl->GetCustData(This, g, v)
#define ITypeLib2_GetLibStatistics(This, pc, pcch) (This)->lpVtbl->GetLibStatistics(This, pc, pcch)
#define ITypeLib2_GetDocumentation2(This, i, lcid, s, ctx, dll) \
    (This)->lpVtbl->GetDocumentation2(This, i, lcid, s, ctx, dll)
#define ITypeLib2_GetAllCustData(This, p) (This)->lpVtbl->GetAllCustData(This, p)
#endif

/* ---- ICreateTypeInfo(2), ICreateTypeLib(2): building type libraries ------- */

#define COMRT_ICREATETYPEINFO_METHODS                                                                             \
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;                                        \
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;                                                                       \
    STDMETHOD_(ULONG, Release)(THIS) PURE;                                                                      \
    STDMETHOD(SetGuid)(THIS_ REFGUID guid) PURE;                                                                \
    STDMETHOD(SetTypeFlags)(THIS_ UINT uTypeFlags) PURE;                                                        \
    STDMETHOD(SetDocString)(THIS_ LPOLESTR pStrDoc) PURE;                                                       \
    STDMETHOD(SetHelpContext)(THIS_ DWORD dwHelpContext) PURE;                                                  \
    STDMETHOD(SetVersion)(THIS_ WORD wMajorVerNum, WORD wMinorVerNum) PURE;                                     \
    STDMETHOD(AddRefTypeInfo)(THIS_ ITypeInfo *pTInfo, HREFTYPE *phRefType) PURE;                               \
    STDMETHOD(AddFuncDesc)(THIS_ UINT index, FUNCDESC *pFuncDesc) PURE;                                         \
    STDMETHOD(AddImplType)(THIS_ UINT index, HREFTYPE hRefType) PURE;                                           \
    STDMETHOD(SetImplTypeFlags)(THIS_ UINT index, INT implTypeFlags) PURE;                                      \
    STDMETHOD(SetAlignment)(THIS_ WORD cbAlignment) PURE;                                                       \
    STDMETHOD(SetSchema)(THIS_ LPOLESTR pStrSchema) PURE;                                                       \
    STDMETHOD(AddVarDesc)(THIS_ UINT index, VARDESC *pVarDesc) PURE;                                            \
    STDMETHOD(SetFuncAndParamNames)(THIS_ UINT index, LPOLESTR *rgszNames, UINT cNames) PURE;                   \
    STDMETHOD(SetVarName)(THIS_ UINT index, LPOLESTR szName) PURE;                                              \
    STDMETHOD(SetTypeDescAlias)(THIS_ TYPEDESC *pTDescAlias) PURE;                                              \
    STDMETHOD(DefineFuncAsDllEntry)(THIS_ UINT index, LPOLESTR szDllName, LPOLESTR szProcName) PURE;            \
    STDMETHOD(SetFuncDocString)(THIS_ UINT index, LPOLESTR szDocString) PURE;                                   \
    STDMETHOD(SetVarDocString)(THIS_ UINT index, LPOLESTR szDocString) PURE;                                    \
    STDMETHOD(SetFuncHelpContext)(THIS_ UINT index, DWORD dwHelpContext) PURE;                                  \
    STDMETHOD(SetVarHelpContext)(THIS_ UINT index, DWORD dwHelpContext) PURE;                                   \
    STDMETHOD(SetMops)(THIS_ UINT index, BSTR bstrMops) PURE;                                                   \
    STDMETHOD(SetTypeIdldesc)(THIS_ IDLDESC *pIdlDesc) PURE;                                                    \
    STDMETHOD(LayOut)(THIS) PURE;

#define INTERFACE ICreateTypeInfo
DECLARE_INTERFACE_(ICreateTypeInfo, IUnknown)
{
    COMRT_ICREATETYPEINFO_METHODS
};
#undef INTERFACE

#define INTERFACE ICreateTypeInfo2
DECLARE_INTERFACE_(ICreateTypeInfo2, ICreateTypeInfo)
{
    COMRT_ICREATETYPEINFO_METHODS
    STDMETHOD(DeleteFuncDesc)(THIS_ UINT index) PURE;
    STDMETHOD(DeleteFuncDescByMemId)(THIS_ MEMBERID memid, INVOKEKIND invKind) PURE;
    STDMETHOD(DeleteVarDesc)(THIS_ UINT index) PURE;
    STDMETHOD(DeleteVarDescByMemId)(THIS_ MEMBERID memid) PURE;
    STDMETHOD(DeleteImplType)(THIS_ UINT index) PURE;
    STDMETHOD(SetCustData)(THIS_ REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(SetFuncCustData)(THIS_ UINT index, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(SetParamCustData)(THIS_ UINT indexFunc, UINT indexParam, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(SetVarCustData)(THIS_ UINT index, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(SetImplTypeCustData)(THIS_ UINT index, REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(SetHelpStringContext)(THIS_ ULONG dwHelpStringContext) PURE;
    STDMETHOD(SetFuncHelpStringContext)(THIS_ UINT index, ULONG dwHelpStringContext) PURE;
    STDMETHOD(SetVarHelpStringContext)(THIS_ UINT index, ULONG dwHelpStringContext) PURE;
    STDMETHOD(Invalidate)(THIS) PURE;
    STDMETHOD(SetName)(THIS_ LPOLESTR szName) PURE;
};
#undef INTERFACE

#define COMRT_ICREATETYPELIB_METHODS                                                                              \
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppvObject) PURE;                                        \
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;                                                                       \
    STDMETHOD_(ULONG, Release)(THIS) PURE;                                                                      \
    STDMETHOD(CreateTypeInfo)(THIS_ LPOLESTR szName, TYPEKIND tkind, ICreateTypeInfo **ppCTInfo) PURE;          \
    STDMETHOD(SetName)(THIS_ LPOLESTR szName) PURE;                                                             \
    STDMETHOD(SetVersion)(THIS_ WORD wMajorVerNum, WORD wMinorVerNum) PURE;                                     \
    STDMETHOD(SetGuid)(THIS_ REFGUID guid) PURE;                                                                \
    STDMETHOD(SetDocString)(THIS_ LPOLESTR szDoc) PURE;                                                         \
    STDMETHOD(SetHelpFileName)(THIS_ LPOLESTR szHelpFileName) PURE;                                             \
    STDMETHOD(SetHelpContext)(THIS_ DWORD dwHelpContext) PURE;                                                  \
    STDMETHOD(SetLcid)(THIS_ LCID lcid) PURE;                                                                   \
    STDMETHOD(SetLibFlags)(THIS_ UINT uLibFlags) PURE;                                                          \
    STDMETHOD(SaveAllChanges)(THIS) PURE;

#define INTERFACE ICreateTypeLib
DECLARE_INTERFACE_(ICreateTypeLib, IUnknown)
{
    COMRT_ICREATETYPELIB_METHODS
};
#undef INTERFACE

#define INTERFACE ICreateTypeLib2
DECLARE_INTERFACE_(ICreateTypeLib2, ICreateTypeLib)
{
    COMRT_ICREATETYPELIB_METHODS
    STDMETHOD(DeleteTypeInfo)(THIS_ LPOLESTR szName) PURE;
    STDMETHOD(SetCustData)(THIS_ REFGUID guid, VARIANT *pVarVal) PURE;
    STDMETHOD(SetHelpStringContext)(THIS_ ULONG dwHelpStringContext) PURE;
    STDMETHOD(SetHelpStringDll)(THIS_ LPOLESTR szFileName) PURE;
};
#undef INTERFACE

#if defined(COBJMACROS) && (!defined(__cplusplus) || defined(CINTERFACE))
#define ICreateTypeInfo_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ICreateTypeInfo_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ICreateTypeInfo_Release(This) (This)->lpVtbl->Release(This)
#define ICreateTypeInfo_SetGuid(This, g) (This)->lpVtbl->SetGuid(This, g)
#define ICreateTypeInfo_SetTypeFlags(This, f) (This)->lpVtbl->SetTypeFlags(This, f)
#define ICreateTypeInfo_SetDocString(This, s) (This)->lpVtbl->SetDocString(This, s)
#define ICreateTypeInfo_SetHelpContext(This, c) (This)->lpVtbl->SetHelpContext(This, c)
#define ICreateTypeInfo_SetVersion(This, ma, mi) (This)->lpVtbl->SetVersion(This, ma, mi)
#define ICreateTypeInfo_AddRefTypeInfo(This, ti, pref) (This)->lpVtbl->AddRefTypeInfo(This, ti, pref)
#define ICreateTypeInfo_AddFuncDesc(This, i, fd) (This)->lpVtbl->AddFuncDesc(This, i, fd)
#define ICreateTypeInfo_AddImplType(This, i, ref) (This)->lpVtbl->AddImplType(This, i, ref)
#define ICreateTypeInfo_SetImplTypeFlags(This, i, f) (This)->lpVtbl->SetImplTypeFlags(This, i, f)
#define ICreateTypeInfo_SetAlignment(This, a) (This)->lpVtbl->SetAlignment(This, a)
#define ICreateTypeInfo_SetSchema(This, s) (This)->lpVtbl->SetSchema(This, s)
#define ICreateTypeInfo_AddVarDesc(This, i, vd) (This)->lpVtbl->AddVarDesc(This, i, vd)
#define ICreateTypeInfo_SetFuncAndParamNames(This, i, n, c) (This)->lpVtbl->SetFuncAndParamNames(This, i, n, c)
#define ICreateTypeInfo_SetVarName(This, i, n) (This)->lpVtbl->SetVarName(This, i, n)
#define ICreateTypeInfo_SetTypeDescAlias(This, td) (This)->lpVtbl->SetTypeDescAlias(This, td)
#define ICreateTypeInfo_DefineFuncAsDllEntry(This, i, dll, proc) (This)->lpVtbl->DefineFuncAsDllEntry(This, i, dll, proc)
#define ICreateTypeInfo_SetFuncDocString(This, i, s) (This)->lpVtbl->SetFuncDocString(This, i, s)
#define ICreateTypeInfo_SetVarDocString(This, i, s) (This)->lpVtbl->SetVarDocString(This, i, s)
#define ICreateTypeInfo_SetFuncHelpContext(This, i, c) (This)->lpVtbl->SetFuncHelpContext(This, i, c)
#define ICreateTypeInfo_SetVarHelpContext(This, i, c) (This)->lpVtbl->SetVarHelpContext(This, i, c)
#define ICreateTypeInfo_SetMops(This, i, m) (This)->lpVtbl->SetMops(This, i, m)
#define ICreateTypeInfo_SetTypeIdldesc(This, d) (This)->lpVtbl->SetTypeIdldesc(This, d)
#define ICreateTypeInfo_LayOut(This) (This)->lpVtbl->LayOut(This)
#define ICreateTypeInfo2_DeleteFuncDesc(This, i) (This)->lpVtbl->DeleteFuncDesc(This, i)
#define ICreateTypeInfo2_DeleteFuncDescByMemId(This, id, k) (This)->lpVtbl->DeleteFuncDescByMemId(This, id, k)
#define ICreateTypeInfo2_DeleteVarDesc(This, i) (This)->lpVtbl->DeleteVarDesc(This, i)
#define ICreateTypeInfo2_DeleteVarDescByMemId(This, id) (This)->lpVtbl->DeleteVarDescByMemId(This, id)
#define ICreateTypeInfo2_DeleteImplType(This, i) (This)->lpVtbl->DeleteImplType(This, i)
#define ICreateTypeInfo2_SetCustData(This, g, v) (This)->lpVtbl->SetCustData(This, g, v)
#define ICreateTypeInfo2_SetFuncCustData(This, i, g, v) (This)->lpVtbl->SetFuncCustData(This, i, g, v)
#define ICreateTypeInfo2_SetParamCustData(This, f, p, g, v) (This)->lpVtbl->SetParamCustData(This, f, p, g, v)
#define ICreateTypeInfo2_SetVarCustData(This, i, g, v) (This)->lpVtbl->SetVarCustData(This, i, g, v)
#define ICreateTypeInfo2_SetImplTypeCustData(This, i, g, v) (This)->lpVtbl->SetImplTypeCustData(This, i, g, v)
#define ICreateTypeInfo2_SetHelpStringContext(This, c) (This)->lpVtbl->SetHelpStringContext(This, c)
#define ICreateTypeInfo2_SetFuncHelpStringContext(This, i, c) (This)->lpVtbl->SetFuncHelpStringContext(This, i, c)
#define ICreateTypeInfo2_SetVarHelpStringContext(This, i, c) (This)->lpVtbl->SetVarHelpStringContext(This, i, c)
#define ICreateTypeInfo2_Invalidate(This) (This)->lpVtbl->Invalidate(This)
#define ICreateTypeInfo2_SetName(This, n) (This)->lpVtbl->SetName(This, n)
#define ICreateTypeLib_QueryInterface(This, riid, ppv) (This)->lpVtbl->QueryInterface(This, riid, ppv)
#define ICreateTypeLib_AddRef(This) (This)->lpVtbl->AddRef(This)
#define ICreateTypeLib_Release(This) (This)->lpVtbl->Release(This)
#define ICreateTypeLib_CreateTypeInfo(This, n, k, pp) (This)->lpVtbl->CreateTypeInfo(This, n, k, pp)
#define ICreateTypeLib_SetName(This, n) (This)->lpVtbl->SetName(This, n)
#define ICreateTypeLib_SetVersion(This, ma, mi) (This)->lpVtbl->SetVersion(This, ma, mi)
#define ICreateTypeLib_SetGuid(This, g) (This)->lpVtbl->SetGuid(This, g)
#define ICreateTypeLib_SetDocString(This, s) (This)->lpVtbl->SetDocString(This, s)
#define ICreateTypeLib_SetHelpFileName(This, s) (This)->lpVtbl->SetHelpFileName(This, s)
#define ICreateTypeLib_SetHelpContext(This, c) (This)->lpVtbl->SetHelpContext(This, c)
#define ICreateTypeLib_SetLcid(This, l) (This)->lpVtbl->SetLcid(This, l)
#define ICreateTypeLib_SetLibFlags(This, f) (This)->lpVtbl->SetLibFlags(This, f)
#define ICreateTypeLib_SaveAllChanges(This) (This)->lpVtbl->SaveAllChanges(This)
#define ICreateTypeInfo2_QueryInterface ICreateTypeInfo_QueryInterface
#define ICreateTypeInfo2_AddRef ICreateTypeInfo_AddRef
#define ICreateTypeInfo2_Release ICreateTypeInfo_Release
#define ICreateTypeInfo2_SetGuid ICreateTypeInfo_SetGuid
#define ICreateTypeInfo2_SetTypeFlags ICreateTypeInfo_SetTypeFlags
#define ICreateTypeInfo2_SetDocString ICreateTypeInfo_SetDocString
#define ICreateTypeInfo2_SetHelpContext ICreateTypeInfo_SetHelpContext
#define ICreateTypeInfo2_SetVersion ICreateTypeInfo_SetVersion
#define ICreateTypeInfo2_AddRefTypeInfo ICreateTypeInfo_AddRefTypeInfo
#define ICreateTypeInfo2_AddFuncDesc ICreateTypeInfo_AddFuncDesc
#define ICreateTypeInfo2_AddImplType ICreateTypeInfo_AddImplType
#define ICreateTypeInfo2_SetImplTypeFlags ICreateTypeInfo_SetImplTypeFlags
#define ICreateTypeInfo2_SetAlignment ICreateTypeInfo_SetAlignment
#define ICreateTypeInfo2_SetSchema ICreateTypeInfo_SetSchema
#define ICreateTypeInfo2_AddVarDesc ICreateTypeInfo_AddVarDesc
#define ICreateTypeInfo2_SetFuncAndParamNames ICreateTypeInfo_SetFuncAndParamNames
#define ICreateTypeInfo2_SetVarName ICreateTypeInfo_SetVarName
#define ICreateTypeInfo2_SetTypeDescAlias ICreateTypeInfo_SetTypeDescAlias
#define ICreateTypeInfo2_DefineFuncAsDllEntry ICreateTypeInfo_DefineFuncAsDllEntry
#define ICreateTypeInfo2_SetFuncDocString ICreateTypeInfo_SetFuncDocString
#define ICreateTypeInfo2_SetVarDocString ICreateTypeInfo_SetVarDocString
#define ICreateTypeInfo2_SetFuncHelpContext ICreateTypeInfo_SetFuncHelpContext
#define ICreateTypeInfo2_SetVarHelpContext ICreateTypeInfo_SetVarHelpContext
#define ICreateTypeInfo2_SetMops ICreateTypeInfo_SetMops
#define ICreateTypeInfo2_SetTypeIdldesc ICreateTypeInfo_SetTypeIdldesc
#define ICreateTypeInfo2_LayOut ICreateTypeInfo_LayOut
#define ICreateTypeLib2_QueryInterface ICreateTypeLib_QueryInterface
#define ICreateTypeLib2_AddRef ICreateTypeLib_AddRef
#define ICreateTypeLib2_Release ICreateTypeLib_Release
#define ICreateTypeLib2_CreateTypeInfo ICreateTypeLib_CreateTypeInfo
#define ICreateTypeLib2_SetName ICreateTypeLib_SetName
#define ICreateTypeLib2_SetVersion ICreateTypeLib_SetVersion
#define ICreateTypeLib2_SetGuid ICreateTypeLib_SetGuid
#define ICreateTypeLib2_SetDocString ICreateTypeLib_SetDocString
#define ICreateTypeLib2_SetHelpFileName ICreateTypeLib_SetHelpFileName
#define ICreateTypeLib2_SetHelpContext ICreateTypeLib_SetHelpContext
#define ICreateTypeLib2_SetLcid ICreateTypeLib_SetLcid
#define ICreateTypeLib2_SetLibFlags ICreateTypeLib_SetLibFlags
#define ICreateTypeLib2_SaveAllChanges ICreateTypeLib_SaveAllChanges
#define ICreateTypeLib2_DeleteTypeInfo(This, n) (This)->lpVtbl->DeleteTypeInfo(This, n)
#define ICreateTypeLib2_SetCustData(This, g, v) (This)->lpVtbl->SetCustData(This, g, v)
#define ICreateTypeLib2_SetHelpStringContext(This, c) (This)->lpVtbl->SetHelpStringContext(This, c)
#define ICreateTypeLib2_SetHelpStringDll(This, s) (This)->lpVtbl->SetHelpStringDll(This, s)
#endif

COMRT_STATIC_ASSERT(sizeof(VARIANT) == 8 + 2 * sizeof(void *), "VARIANT is 24 bytes on 64-bit");
COMRT_STATIC_ASSERT(offsetof(VARIANT, llVal) == 8, "VARIANT value offset");
COMRT_STATIC_ASSERT(offsetof(VARIANT, pRecInfo) == 8 + sizeof(void *), "VARIANT record info offset");
COMRT_STATIC_ASSERT(offsetof(SAFEARRAY, pvData) == (sizeof(void *) == 8 ? 16 : 12), "SAFEARRAY.pvData offset");
COMRT_STATIC_ASSERT(sizeof(SAFEARRAY) == (sizeof(void *) == 8 ? 32 : 24), "SAFEARRAY is 32 bytes on 64-bit");
COMRT_STATIC_ASSERT(sizeof(TYPEDESC) == 2 * sizeof(void *), "TYPEDESC layout");
COMRT_STATIC_ASSERT(sizeof(ELEMDESC) == 4 * sizeof(void *), "ELEMDESC layout");
COMRT_STATIC_ASSERT(sizeof(TYPEATTR) == (sizeof(void *) == 8 ? 96 : 76), "TYPEATTR layout");
COMRT_STATIC_ASSERT(sizeof(FUNCDESC) == (sizeof(void *) == 8 ? 88 : 52), "FUNCDESC layout");
COMRT_STATIC_ASSERT(sizeof(VARDESC) == (sizeof(void *) == 8 ? 64 : 36), "VARDESC layout");
COMRT_STATIC_ASSERT(sizeof(TLIBATTR) == 32, "TLIBATTR layout");
COMRT_STATIC_ASSERT(sizeof(DISPPARAMS) == 2 * sizeof(void *) + 8, "DISPPARAMS layout");

#endif /* COMRT_OAIDL_H */
