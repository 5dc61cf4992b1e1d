/*
 * oleaut/safearray.c — TEMPORARY first version (helper sa), being replaced.
 */
#include "oleaut/oleaut_internal.h"
WINOLEAUTAPI SafeArrayAllocDescriptor(UINT cDims, SAFEARRAY **ppsaOut)
{
    (void)cDims;
    (void)ppsaOut;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayAllocDescriptorEx(VARTYPE vt, UINT cDims, SAFEARRAY **ppsaOut)
{
    (void)vt;
    (void)cDims;
    (void)ppsaOut;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayAllocData(SAFEARRAY *psa)
{
    (void)psa;
    return E_NOTIMPL;
}

WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreate(VARTYPE vt, UINT cDims, SAFEARRAYBOUND *rgsabound)
{
    (void)vt;
    (void)cDims;
    (void)rgsabound;
    return NULL;
}

WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreateEx(VARTYPE vt, UINT cDims, SAFEARRAYBOUND *rgsabound, PVOID pvExtra)
{
    (void)vt;
    (void)cDims;
    (void)rgsabound;
    (void)pvExtra;
    return NULL;
}

WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreateVector(VARTYPE vt, LONG lLbound, ULONG cElements)
{
    (void)vt;
    (void)lLbound;
    (void)cElements;
    return NULL;
}

WINOLEAUTAPI_(SAFEARRAY *) SafeArrayCreateVectorEx(VARTYPE vt, LONG lLbound, ULONG cElements, PVOID pvExtra)
{
    (void)vt;
    (void)lLbound;
    (void)cElements;
    (void)pvExtra;
    return NULL;
}

WINOLEAUTAPI SafeArrayCopy(SAFEARRAY *psa, SAFEARRAY **ppsaOut)
{
    (void)psa;
    (void)ppsaOut;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayCopyData(SAFEARRAY *psaSource, SAFEARRAY *psaTarget)
{
    (void)psaSource;
    (void)psaTarget;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayDestroy(SAFEARRAY *psa)
{
    (void)psa;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayDestroyData(SAFEARRAY *psa)
{
    (void)psa;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayDestroyDescriptor(SAFEARRAY *psa)
{
    (void)psa;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayRedim(SAFEARRAY *psa, SAFEARRAYBOUND *psaboundNew)
{
    (void)psa;
    (void)psaboundNew;
    return E_NOTIMPL;
}

WINOLEAUTAPI_(UINT) SafeArrayGetDim(SAFEARRAY *psa)
{
    (void)psa;
    return 0;
}

WINOLEAUTAPI_(UINT) SafeArrayGetElemsize(SAFEARRAY *psa)
{
    (void)psa;
    return 0;
}

WINOLEAUTAPI SafeArrayGetUBound(SAFEARRAY *psa, UINT nDim, LONG *plUbound)
{
    (void)psa;
    (void)nDim;
    (void)plUbound;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayGetLBound(SAFEARRAY *psa, UINT nDim, LONG *plLbound)
{
    (void)psa;
    (void)nDim;
    (void)plLbound;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayLock(SAFEARRAY *psa)
{
    (void)psa;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayUnlock(SAFEARRAY *psa)
{
    (void)psa;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayAccessData(SAFEARRAY *psa, void **ppvData)
{
    (void)psa;
    (void)ppvData;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayUnaccessData(SAFEARRAY *psa)
{
    (void)psa;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayGetElement(SAFEARRAY *psa, LONG *rgIndices, void *pv)
{
    (void)psa;
    (void)rgIndices;
    (void)pv;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayPutElement(SAFEARRAY *psa, LONG *rgIndices, void *pv)
{
    (void)psa;
    (void)rgIndices;
    (void)pv;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayPtrOfIndex(SAFEARRAY *psa, LONG *rgIndices, void **ppvData)
{
    (void)psa;
    (void)rgIndices;
    (void)ppvData;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArraySetRecordInfo(SAFEARRAY *psa, IRecordInfo *prinfo)
{
    (void)psa;
    (void)prinfo;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayGetRecordInfo(SAFEARRAY *psa, IRecordInfo **prinfo)
{
    (void)psa;
    (void)prinfo;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArraySetIID(SAFEARRAY *psa, REFGUID guid)
{
    (void)psa;
    (void)guid;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayGetIID(SAFEARRAY *psa, GUID *pguid)
{
    (void)psa;
    (void)pguid;
    return E_NOTIMPL;
}

WINOLEAUTAPI SafeArrayGetVartype(SAFEARRAY *psa, VARTYPE *pvt)
{
    (void)psa;
    (void)pvt;
    return E_NOTIMPL;
}

