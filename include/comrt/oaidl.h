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

COMRT_STATIC_ASSERT(sizeof(VARIANT) == 8 + 2 * sizeof(void *), "VARIANT is 24 bytes on 64-bit");
COMRT_STATIC_ASSERT(offsetof(VARIANT, llVal) == 8, "VARIANT value offset");
COMRT_STATIC_ASSERT(offsetof(VARIANT, pRecInfo) == 8 + sizeof(void *), "VARIANT record info offset");
COMRT_STATIC_ASSERT(offsetof(SAFEARRAY, pvData) == (sizeof(void *) == 8 ? 16 : 12), "SAFEARRAY.pvData offset");
COMRT_STATIC_ASSERT(sizeof(SAFEARRAY) == (sizeof(void *) == 8 ? 32 : 24), "SAFEARRAY is 32 bytes on 64-bit");
COMRT_STATIC_ASSERT(sizeof(DISPPARAMS) == 2 * sizeof(void *) + 8, "DISPPARAMS layout");

#endif /* COMRT_OAIDL_H */
