/*
 * safearray_probe.c — SAFEARRAY layout and behaviour: structure sizes,
 * fFeatures / cbElements per VARTYPE from SafeArrayCreate, CreateVector,
 * AllocDescriptorEx and CreateEx, which VARTYPEs are refused, bounds order,
 * GetVartype / GetIID, error codes for bad indices, locked arrays, Redim,
 * Copy / CopyData, and reference counts of interface elements.
 *
 * Pointers are never printed: only whether one is NULL, or the distance of
 * an element from pvData.
 */
#include "probe_util.h"

#include <stddef.h>

/* ---- a counting IUnknown ------------------------------------------------ */

typedef struct {
    IUnknown iface;
    LONG refs;
} cnt_obj;

static HRESULT STDMETHODCALLTYPE cnt_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    if (!ppv)
        return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown)) {
        *ppv = This;
        ((cnt_obj *)This)->refs++;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE cnt_AddRef(IUnknown *This)
{
    return (ULONG)++((cnt_obj *)This)->refs;
}

static ULONG STDMETHODCALLTYPE cnt_Release(IUnknown *This)
{
    return (ULONG)--((cnt_obj *)This)->refs;
}

static const IUnknownVtbl cnt_vtbl = {cnt_QueryInterface, cnt_AddRef, cnt_Release};

static cnt_obj obj;

/* ---- helpers ------------------------------------------------------------ */


/* fFeatures, cbElements, cDims, cLocks, data?, GetVartype, GetElemsize */
static void describe(pu_line *l, SAFEARRAY *psa)
{
    VARTYPE vt = 0xFFFF;
    HRESULT hr;
    if (!psa) {
        pu_add(l, "NULL");
        return;
    }
    pu_add(l, "ff=%04X cb=%u dims=%u locks=%u data=%s", (unsigned)psa->fFeatures, (unsigned)psa->cbElements,
           (unsigned)psa->cDims, (unsigned)psa->cLocks, psa->pvData ? "yes" : "no");
    hr = SafeArrayGetVartype(psa, &vt);
    pu_add(l, " getvt=");
    pu_hr(l, hr);
    if (SUCCEEDED(hr))
        pu_add(l, ":%04X", (unsigned)vt);
    pu_add(l, " elemsize=%u getdim=%u", SafeArrayGetElemsize(psa), SafeArrayGetDim(psa));
}

static const VARTYPE extra_vts[] = {VT_BYREF | VT_I4, VT_ARRAY | VT_I4, VT_VECTOR | VT_I4, 0x0FFF, 0xFFFF,
                                    0x8000 | VT_I4};

int main(void)
{
    SAFEARRAYBOUND b1 = {4, 0};
    SAFEARRAY *psa, *psa2;
    HRESULT hr;
    int vt;
    size_t i;

    pu_start("safearray");
    obj.iface.lpVtbl = (IUnknownVtbl *)&cnt_vtbl;
    obj.refs = 1;

    begin("sizeof(SAFEARRAY)");
    pu_add(&res, "%u", (unsigned)sizeof(SAFEARRAY));
    end();
    begin("sizeof(SAFEARRAYBOUND)");
    pu_add(&res, "%u", (unsigned)sizeof(SAFEARRAYBOUND));
    end();
    begin("offsetof(SAFEARRAY, cbElements/cLocks/pvData/rgsabound)");
    pu_add(&res, "%u %u %u %u", (unsigned)offsetof(SAFEARRAY, cbElements), (unsigned)offsetof(SAFEARRAY, cLocks),
           (unsigned)offsetof(SAFEARRAY, pvData), (unsigned)offsetof(SAFEARRAY, rgsabound));
    end();
    begin("sizeof(VARIANT)");
    pu_add(&res, "%u", (unsigned)sizeof(VARIANT));
    end();

    /* Create / CreateVector / AllocDescriptorEx for every VARTYPE */
    for (vt = 0; vt <= 0x4A + (int)(sizeof extra_vts / sizeof extra_vts[0]); vt++) {
        VARTYPE v = vt <= 0x4A ? (VARTYPE)vt : extra_vts[vt - 0x4B];
        pu_line name;
        pu_reset(&name);
        pu_vt(&name, v);

        begin("Create(%s, 1, [4+0])", name.s);
        psa = SafeArrayCreate(v, 1, &b1);
        describe(&res, psa);
        SafeArrayDestroy(psa);
        end();

        begin("CreateVector(%s, -2, 3)", name.s);
        psa = SafeArrayCreateVector(v, -2, 3);
        describe(&res, psa);
        if (psa) {
            LONG lb = 99, ub = 99;
            SafeArrayGetLBound(psa, 1, &lb);
            SafeArrayGetUBound(psa, 1, &ub);
            pu_add(&res, " bounds=%d..%d", (int)lb, (int)ub);
        }
        SafeArrayDestroy(psa);
        end();

        begin("AllocDescriptorEx(%s, 2)", name.s);
        psa = NULL;
        hr = SafeArrayAllocDescriptorEx(v, 2, &psa);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " ");
            describe(&res, psa);
            SafeArrayDestroyDescriptor(psa);
        }
        end();
    }

    /* AllocDescriptor: dims 0, 1, 65535, 65536 */
    {
        static const UINT dims[] = {0, 1, 3, 65535, 65536};
        for (i = 0; i < sizeof dims / sizeof dims[0]; i++) {
            begin("AllocDescriptor(%u)", dims[i]);
            psa = NULL;
            hr = SafeArrayAllocDescriptor(dims[i], &psa);
            pu_hr(&res, hr);
            if (SUCCEEDED(hr)) {
                pu_add(&res, " ");
                describe(&res, psa);
                SafeArrayDestroyDescriptor(psa);
            }
            end();
        }
        begin("AllocDescriptor(1, NULL)");
        pu_hr(&res, SafeArrayAllocDescriptor(1, NULL));
        end();
    }

    /* Descriptor + AllocData by hand */
    {
        hr = SafeArrayAllocDescriptor(2, &psa);
        begin("AllocDescriptor(2)+AllocData cb=0");
        psa->rgsabound[0].cElements = 2;
        psa->rgsabound[1].cElements = 3;
        pu_hr(&res, SafeArrayAllocData(psa));
        pu_add(&res, " ");
        describe(&res, psa);
        end();
        SafeArrayDestroy(psa);
        hr = SafeArrayAllocDescriptor(2, &psa);
        begin("AllocDescriptor(2)+AllocData cb=8");
        psa->cbElements = 8;
        psa->rgsabound[0].cElements = 2;
        psa->rgsabound[1].cElements = 3;
        pu_hr(&res, SafeArrayAllocData(psa));
        pu_add(&res, " ");
        describe(&res, psa);
        end();
        SafeArrayDestroy(psa);
    }

    /* CreateEx with an IID for interface arrays; SetIID / GetIID */
    {
        static const VARTYPE iid_vts[] = {VT_UNKNOWN, VT_DISPATCH, VT_I4, VT_VARIANT};
        for (i = 0; i < sizeof iid_vts / sizeof iid_vts[0]; i++) {
            pu_line name;
            GUID g;
            pu_reset(&name);
            pu_vt(&name, iid_vts[i]);
            begin("CreateEx(%s, IID_IUnknown)", name.s);
            psa = SafeArrayCreateEx(iid_vts[i], 1, &b1, (void *)&IID_IUnknown);
            describe(&res, psa);
            if (psa) {
                memset(&g, 0xAB, sizeof g);
                hr = SafeArrayGetIID(psa, &g);
                pu_add(&res, " getiid=");
                pu_hr(&res, hr);
                if (SUCCEEDED(hr)) {
                    pu_add(&res, ":");
                    pu_guid(&res, &g);
                }
                hr = SafeArraySetIID(psa, &IID_IDispatch);
                pu_add(&res, " setiid=");
                pu_hr(&res, hr);
                memset(&g, 0xAB, sizeof g);
                hr = SafeArrayGetIID(psa, &g);
                pu_add(&res, " getiid2=");
                pu_hr(&res, hr);
                if (SUCCEEDED(hr)) {
                    pu_add(&res, ":");
                    pu_guid(&res, &g);
                }
            }
            SafeArrayDestroy(psa);
            end();

            begin("CreateVectorEx(%s, IID_IUnknown)", name.s);
            psa = SafeArrayCreateVectorEx(iid_vts[i], 0, 2, (void *)&IID_IUnknown);
            describe(&res, psa);
            SafeArrayDestroy(psa);
            end();

            begin("CreateEx(%s, NULL)", name.s);
            psa = SafeArrayCreateEx(iid_vts[i], 1, &b1, NULL);
            describe(&res, psa);
            SafeArrayDestroy(psa);
            end();
        }
        begin("CreateEx(RECORD, NULL)");
        psa = SafeArrayCreateEx(VT_RECORD, 1, &b1, NULL);
        describe(&res, psa);
        SafeArrayDestroy(psa);
        end();
    }

    /* Create: dimension counts and element counts */
    {
        SAFEARRAYBOUND bz[2] = {{0, 0}, {0, 5}};
        begin("Create(I4, 0, [4+0])");
        psa = SafeArrayCreate(VT_I4, 0, &b1);
        describe(&res, psa);
        SafeArrayDestroy(psa);
        end();
        begin("Create(I4, 1, NULL)");
        psa = SafeArrayCreate(VT_I4, 1, NULL);
        describe(&res, psa);
        SafeArrayDestroy(psa);
        end();
        begin("Create(I4, 2, [0+0][0+5])");
        psa = SafeArrayCreate(VT_I4, 2, bz);
        describe(&res, psa);
        SafeArrayDestroy(psa);
        end();
        begin("CreateVector(I4, 0, 0)");
        psa = SafeArrayCreateVector(VT_I4, 0, 0);
        describe(&res, psa);
        SafeArrayDestroy(psa);
        end();
    }

    /* Bounds order: rgsabound[] is stored reversed (last dimension first) */
    {
        SAFEARRAYBOUND b3[3] = {{2, 10}, {3, 20}, {4, -30}};
        LONG idx[3];
        UINT d;
        void *p;
        psa = SafeArrayCreate(VT_I4, 3, b3);
        begin("Create(I4, 3, [2+10][3+20][4-30]) stored");
        for (d = 0; d < 3; d++)
            pu_add(&res, "[%u]=%u+%d ", d, (unsigned)psa->rgsabound[d].cElements, (int)psa->rgsabound[d].lLbound);
        end();
        for (d = 0; d <= 4; d++) {
            LONG lb = 777, ub = 777;
            HRESULT h1, h2;
            begin("3d GetLBound/GetUBound(dim %u)", d);
            h1 = SafeArrayGetLBound(psa, d, &lb);
            h2 = SafeArrayGetUBound(psa, d, &ub);
            pu_hr(&res, h1);
            pu_add(&res, " ");
            pu_hr(&res, h2);
            pu_add(&res, " lb=%d ub=%d", (int)lb, (int)ub);
            end();
        }
        {
            static const LONG cases[][3] = {
                {10, 20, -30}, {11, 20, -30}, {10, 21, -30}, {10, 20, -29}, {11, 22, -27}, {12, 20, -30},
                {9, 20, -30},  {10, 23, -30}, {10, 19, -30}, {10, 20, -26}, {10, 20, -31}, {0, 0, 0},
            };
            for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
                LONG val = 0x1234;
                idx[0] = cases[i][0];
                idx[1] = cases[i][1];
                idx[2] = cases[i][2];
                begin("3d PtrOfIndex[%d,%d,%d]", (int)idx[0], (int)idx[1], (int)idx[2]);
                p = NULL;
                hr = SafeArrayPtrOfIndex(psa, idx, &p);
                pu_hr(&res, hr);
                if (SUCCEEDED(hr))
                    pu_add(&res, " offset=%d", (int)((char *)p - (char *)psa->pvData));
                end();
                begin("3d PutElement[%d,%d,%d]", (int)idx[0], (int)idx[1], (int)idx[2]);
                pu_hr(&res, SafeArrayPutElement(psa, idx, &val));
                end();
                begin("3d GetElement[%d,%d,%d]", (int)idx[0], (int)idx[1], (int)idx[2]);
                val = 0;
                hr = SafeArrayGetElement(psa, idx, &val);
                pu_hr(&res, hr);
                if (SUCCEEDED(hr))
                    pu_add(&res, " %d", (int)val);
                end();
            }
        }
        SafeArrayDestroy(psa);
    }

    /* Locks */
    {
        psa = SafeArrayCreateVector(VT_BSTR, 0, 2);
        begin("Lock");
        pu_hr(&res, SafeArrayLock(psa));
        pu_add(&res, " locks=%u", (unsigned)psa->cLocks);
        end();
        begin("Destroy(locked)");
        pu_hr(&res, SafeArrayDestroy(psa));
        end();
        begin("DestroyData(locked)");
        pu_hr(&res, SafeArrayDestroyData(psa));
        end();
        begin("DestroyDescriptor(locked)");
        pu_hr(&res, SafeArrayDestroyDescriptor(psa));
        end();
        {
            SAFEARRAYBOUND nb = {5, 0};
            begin("Redim(locked)");
            pu_hr(&res, SafeArrayRedim(psa, &nb));
            pu_add(&res, " n=%u", (unsigned)psa->rgsabound[0].cElements);
            end();
        }
        {
            LONG ix = 1;
            BSTR s = SysAllocString(OLESTR("x"));
            begin("PutElement(locked)");
            pu_hr(&res, SafeArrayPutElement(psa, &ix, s));
            end();
            SysFreeString(s);
        }
        {
            void *data = NULL;
            begin("AccessData(locked)");
            pu_hr(&res, SafeArrayAccessData(psa, &data));
            pu_add(&res, " locks=%u same=%d", (unsigned)psa->cLocks, data == psa->pvData);
            end();
            begin("UnaccessData");
            pu_hr(&res, SafeArrayUnaccessData(psa));
            pu_add(&res, " locks=%u", (unsigned)psa->cLocks);
            end();
        }
        begin("Unlock");
        pu_hr(&res, SafeArrayUnlock(psa));
        pu_add(&res, " locks=%u", (unsigned)psa->cLocks);
        end();
        begin("Unlock(unlocked)");
        pu_hr(&res, SafeArrayUnlock(psa));
        pu_add(&res, " locks=%u", (unsigned)psa->cLocks);
        end();
        begin("UnaccessData(unlocked)");
        pu_hr(&res, SafeArrayUnaccessData(psa));
        end();
        begin("Destroy(unlocked)");
        pu_hr(&res, SafeArrayDestroy(psa));
        end();
    }

    /* NULL arguments */
    {
        LONG l = 0;
        void *p = NULL;
        VARTYPE v;
        GUID g;
        begin("GetDim(NULL)");
        pu_add(&res, "%u", SafeArrayGetDim(NULL));
        end();
        begin("GetElemsize(NULL)");
        pu_add(&res, "%u", SafeArrayGetElemsize(NULL));
        end();
        begin("Lock(NULL)");
        pu_hr(&res, SafeArrayLock(NULL));
        end();
        begin("Unlock(NULL)");
        pu_hr(&res, SafeArrayUnlock(NULL));
        end();
        begin("Destroy(NULL)");
        pu_hr(&res, SafeArrayDestroy(NULL));
        end();
        begin("DestroyData(NULL)");
        pu_hr(&res, SafeArrayDestroyData(NULL));
        end();
        begin("DestroyDescriptor(NULL)");
        pu_hr(&res, SafeArrayDestroyDescriptor(NULL));
        end();
        begin("GetLBound(NULL)");
        pu_hr(&res, SafeArrayGetLBound(NULL, 1, &l));
        end();
        begin("AccessData(NULL)");
        pu_hr(&res, SafeArrayAccessData(NULL, &p));
        end();
        begin("GetVartype(NULL)");
        pu_hr(&res, SafeArrayGetVartype(NULL, &v));
        end();
        begin("GetIID(NULL)");
        pu_hr(&res, SafeArrayGetIID(NULL, &g));
        end();
        begin("Copy(NULL)");
        psa = (SAFEARRAY *)&obj; /* a non-NULL marker, never dereferenced */
        hr = SafeArrayCopy(NULL, &psa);
        pu_hr(&res, hr);
        pu_add(&res, " out=%s", psa == NULL ? "NULL" : psa == (SAFEARRAY *)&obj ? "untouched" : "other");
        end();
        psa = SafeArrayCreateVector(VT_I4, 0, 2);
        begin("GetVartype(I4 vector, NULL)");
        pu_hr(&res, SafeArrayGetVartype(psa, NULL));
        end();
        begin("AccessData(I4 vector, NULL)");
        pu_hr(&res, SafeArrayAccessData(psa, NULL));
        end();
        begin("GetIID(I4 vector)");
        pu_hr(&res, SafeArrayGetIID(psa, &g));
        end();
        begin("SetIID(I4 vector)");
        pu_hr(&res, SafeArraySetIID(psa, &IID_IUnknown));
        end();
        {
            LONG ix = 0;
            begin("GetElement(I4 vector, [0], NULL)");
            pu_hr(&res, SafeArrayGetElement(psa, &ix, NULL));
            end();
            begin("PtrOfIndex(I4 vector, [0], NULL)");
            pu_hr(&res, SafeArrayPtrOfIndex(psa, &ix, NULL));
            end();
        }
        SafeArrayDestroy(psa);
    }

    /* Redim */
    {
        static const struct {
            ULONG n;
            LONG lb;
        } redims[] = {{5, 0}, {1, 0}, {0, 0}, {3, 7}, {3, -1}};
        for (i = 0; i < sizeof redims / sizeof redims[0]; i++) {
            LONG ix;
            SAFEARRAYBOUND nb;
            static const OLECHAR *const words[] = {OLESTR("a"), OLESTR("b"), OLESTR("c")};
            psa = SafeArrayCreateVector(VT_BSTR, 0, 3);
            for (ix = 0; ix < 3; ix++) {
                BSTR s = SysAllocString(words[ix]);
                SafeArrayPutElement(psa, &ix, s);
                SysFreeString(s);
            }
            nb.cElements = redims[i].n;
            nb.lLbound = redims[i].lb;
            begin("Redim(BSTR[3] -> %u+%d)", (unsigned)redims[i].n, (int)redims[i].lb);
            pu_hr(&res, SafeArrayRedim(psa, &nb));
            pu_add(&res, " n=%u lb=%d data=%s", (unsigned)psa->rgsabound[0].cElements, (int)psa->rgsabound[0].lLbound,
                   psa->pvData ? "yes" : "no");
            for (ix = 0; ix < (LONG)psa->rgsabound[0].cElements; ix++) {
                BSTR s = NULL;
                LONG at = psa->rgsabound[0].lLbound + ix;
                hr = SafeArrayGetElement(psa, &at, &s);
                pu_add(&res, " [%d]=", (int)at);
                if (SUCCEEDED(hr))
                    pu_bstr(&res, s);
                else
                    pu_hr(&res, hr);
                SysFreeString(s);
            }
            end();
            SafeArrayDestroy(psa);
        }
        {
            SAFEARRAYBOUND b2[2] = {{2, 0}, {3, 0}};
            SAFEARRAYBOUND nb = {5, 1};
            psa = SafeArrayCreate(VT_I2, 2, b2);
            begin("Redim(I2[2][3] -> 5+1)");
            pu_hr(&res, SafeArrayRedim(psa, &nb));
            pu_add(&res, " [0]=%u+%d [1]=%u+%d", (unsigned)psa->rgsabound[0].cElements, (int)psa->rgsabound[0].lLbound,
                   (unsigned)psa->rgsabound[1].cElements, (int)psa->rgsabound[1].lLbound);
            end();
            begin("Redim(I2, NULL)");
            pu_hr(&res, SafeArrayRedim(psa, NULL));
            end();
            SafeArrayDestroy(psa);
            begin("Redim(NULL)");
            pu_hr(&res, SafeArrayRedim(NULL, &nb));
            end();
        }
    }

    /* Element types: put/get round trips and ownership */
    {
        LONG ix = 0;
        VARIANT v, out;
        BSTR s, s2;
        IUnknown *unk = &obj.iface, *got;
        LONG refs0 = obj.refs;

        psa = SafeArrayCreateVector(VT_VARIANT, 0, 2);
        VariantInit(&v);
        V_VT(&v) = VT_BSTR;
        V_BSTR(&v) = SysAllocString(OLESTR("vv"));
        begin("VARIANT Put/Get");
        pu_hr(&res, SafeArrayPutElement(psa, &ix, &v));
        VariantInit(&out);
        hr = SafeArrayGetElement(psa, &ix, &out);
        pu_add(&res, " ");
        pu_hr(&res, hr);
        pu_add(&res, " ");
        pu_variant(&res, &out);
        pu_add(&res, " copied=%d", V_BSTR(&out) != V_BSTR(&v));
        VariantClear(&out);
        VariantClear(&v);
        end();
        V_VT(&v) = 0x7F; /* not a valid VARTYPE */
        begin("VARIANT Put(bad vt)");
        pu_hr(&res, SafeArrayPutElement(psa, &ix, &v));
        end();
        SafeArrayDestroy(psa);

        psa = SafeArrayCreateVector(VT_BSTR, 0, 2);
        s = SysAllocString(OLESTR("hello"));
        begin("BSTR Put/Get");
        pu_hr(&res, SafeArrayPutElement(psa, &ix, s));
        s2 = NULL;
        hr = SafeArrayGetElement(psa, &ix, &s2);
        pu_add(&res, " ");
        pu_hr(&res, hr);
        pu_add(&res, " ");
        pu_bstr(&res, s2);
        pu_add(&res, " copied=%d", s2 != s);
        end();
        SysFreeString(s2);
        begin("BSTR Put(NULL)");
        pu_hr(&res, SafeArrayPutElement(psa, &ix, NULL));
        s2 = s;
        hr = SafeArrayGetElement(psa, &ix, &s2);
        pu_add(&res, " ");
        pu_hr(&res, hr);
        pu_add(&res, " ");
        pu_bstr(&res, s2);
        SysFreeString(s2 == s ? NULL : s2);
        end();
        SysFreeString(s);
        s = SysAllocString(OLESTR("x"));
        SafeArrayPutElement(psa, &ix, s);
        SysFreeString(s);
        psa2 = NULL;
        begin("BSTR Copy");
        hr = SafeArrayCopy(psa, &psa2);
        pu_hr(&res, hr);
        pu_add(&res, " ");
        describe(&res, psa2);
        if (psa2)
            pu_add(&res, " deep=%d", ((BSTR *)psa2->pvData)[0] != ((BSTR *)psa->pvData)[0]);
        end();
        SafeArrayDestroy(psa2);
        SafeArrayDestroy(psa);

        psa = SafeArrayCreateVector(VT_UNKNOWN, 0, 2);
        begin("UNKNOWN Put");
        pu_hr(&res, SafeArrayPutElement(psa, &ix, unk));
        pu_add(&res, " refs=%+d", (int)(obj.refs - refs0));
        end();
        begin("UNKNOWN Get");
        got = NULL;
        pu_hr(&res, SafeArrayGetElement(psa, &ix, &got));
        pu_add(&res, " same=%d refs=%+d", got == unk, (int)(obj.refs - refs0));
        if (got)
            got->lpVtbl->Release(got);
        end();
        begin("UNKNOWN Copy");
        psa2 = NULL;
        pu_hr(&res, SafeArrayCopy(psa, &psa2));
        pu_add(&res, " refs=%+d", (int)(obj.refs - refs0));
        end();
        begin("UNKNOWN CopyData");
        pu_hr(&res, SafeArrayCopyData(psa, psa2));
        pu_add(&res, " refs=%+d", (int)(obj.refs - refs0));
        end();
        begin("UNKNOWN Destroy copy");
        pu_hr(&res, SafeArrayDestroy(psa2));
        pu_add(&res, " refs=%+d", (int)(obj.refs - refs0));
        end();
        begin("UNKNOWN Put(NULL)");
        pu_hr(&res, SafeArrayPutElement(psa, &ix, NULL));
        pu_add(&res, " refs=%+d", (int)(obj.refs - refs0));
        end();
        SafeArrayPutElement(psa, &ix, unk);
        begin("UNKNOWN DestroyData");
        pu_hr(&res, SafeArrayDestroyData(psa));
        pu_add(&res, " refs=%+d data=%s", (int)(obj.refs - refs0), psa->pvData ? "yes" : "no");
        end();
        SafeArrayDestroy(psa);
        begin("UNKNOWN at end");
        pu_add(&res, "refs=%+d", (int)(obj.refs - refs0));
        end();
    }

    /* CopyData shape checks */
    {
        SAFEARRAY *a = SafeArrayCreateVector(VT_I4, 0, 3);
        SAFEARRAY *b = SafeArrayCreateVector(VT_I4, 0, 4);
        SAFEARRAY *c = SafeArrayCreateVector(VT_I2, 0, 3);
        SAFEARRAY *d = SafeArrayCreateVector(VT_I4, 1, 3);
        begin("CopyData(I4[3] -> I4[4])");
        pu_hr(&res, SafeArrayCopyData(a, b));
        end();
        begin("CopyData(I4[3] -> I2[3])");
        pu_hr(&res, SafeArrayCopyData(a, c));
        end();
        begin("CopyData(I4[0+3] -> I4[1+3])");
        pu_hr(&res, SafeArrayCopyData(a, d));
        end();
        begin("CopyData(NULL, a)");
        pu_hr(&res, SafeArrayCopyData(NULL, a));
        end();
        SafeArrayDestroy(a);
        SafeArrayDestroy(b);
        SafeArrayDestroy(c);
        SafeArrayDestroy(d);
    }

    /* Element offsets of a 2-D array (which index varies fastest) */
    {
        SAFEARRAYBOUND b2[2] = {{2, 1}, {3, 5}};
        LONG ix[2];
        psa = SafeArrayCreate(VT_R8, 2, b2);
        begin("2d R8[1..2][5..7] offsets");
        for (ix[0] = 1; ix[0] <= 2; ix[0]++)
            for (ix[1] = 5; ix[1] <= 7; ix[1]++) {
                void *p = NULL;
                hr = SafeArrayPtrOfIndex(psa, ix, &p);
                pu_add(&res, "[%d,%d]=%d ", (int)ix[0], (int)ix[1], SUCCEEDED(hr) ? (int)((char *)p - (char *)psa->pvData) : -1);
            }
        end();
        SafeArrayDestroy(psa);
    }
    fflush(stdout);
    return 0;
}
