/*
 * safearray_more_probe.c — SAFEARRAY behaviour beyond safearray_probe.c:
 * bounds order and cell offsets, lock limit, Redim, vector data blocks,
 * BSTR/interface/VARIANT/record element ownership, Copy/CopyData type
 * adoption, SetRecordInfo/SetIID, FADF_STATIC on DestroyData.
 * Cases where Wine crashes or where comrt deliberately differs are left out
 * (see the sa helper's report).  Pointers are never printed.
 */
#include "probe_util.h"

#define H(x) ((unsigned)(x))
#undef OUT
#define OUT(...) printf(__VA_ARGS__)

typedef struct { IUnknown iface; LONG ref; } cnt;
static HRESULT STDMETHODCALLTYPE c_qi(IUnknown *This, REFIID riid, void **ppv) { (void)riid; *ppv = This; This->lpVtbl->AddRef(This); return S_OK; }
static ULONG STDMETHODCALLTYPE c_addref(IUnknown *This) { return (ULONG)++((cnt *)This)->ref; }
static ULONG STDMETHODCALLTYPE c_release(IUnknown *This) { return (ULONG)--((cnt *)This)->ref; }
static IUnknownVtbl cnt_vtbl = { c_qi, c_addref, c_release };

typedef struct { IRecordInfo iface; LONG ref; ULONG size; HRESULT sizehr, copyhr; int clears, copies, sizes; } rec;
static rec *R(IRecordInfo *p) { return (rec *)p; }
static HRESULT STDMETHODCALLTYPE r_qi(IRecordInfo *This, REFIID riid, void **ppv) { (void)riid; *ppv = This; IRecordInfo_AddRef(This); return S_OK; }
static ULONG STDMETHODCALLTYPE r_addref(IRecordInfo *This) { return (ULONG)++R(This)->ref; }
static ULONG STDMETHODCALLTYPE r_release(IRecordInfo *This) { return (ULONG)--R(This)->ref; }
static HRESULT STDMETHODCALLTYPE r_init(IRecordInfo *This, PVOID p) { (void)This; (void)p; return S_OK; }
static HRESULT STDMETHODCALLTYPE r_clear(IRecordInfo *This, PVOID p) { (void)p; R(This)->clears++; return S_OK; }
static HRESULT STDMETHODCALLTYPE r_copy(IRecordInfo *This, PVOID s, PVOID d) { R(This)->copies++; if (FAILED(R(This)->copyhr)) return R(This)->copyhr; memcpy(d, s, R(This)->size); return S_OK; }
static HRESULT STDMETHODCALLTYPE r_guid(IRecordInfo *This, GUID *g) { (void)This; (void)g; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_name(IRecordInfo *This, BSTR *b) { (void)This; (void)b; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_size(IRecordInfo *This, ULONG *s) { R(This)->sizes++; *s = R(This)->size; return R(This)->sizehr; }
static HRESULT STDMETHODCALLTYPE r_ti(IRecordInfo *This, ITypeInfo **t) { (void)This; (void)t; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_gf(IRecordInfo *This, PVOID a, LPCOLESTR b, VARIANT *c) { (void)This; (void)a; (void)b; (void)c; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_gfnc(IRecordInfo *This, PVOID a, LPCOLESTR b, VARIANT *c, PVOID *d) { (void)This; (void)a; (void)b; (void)c; (void)d; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_pf(IRecordInfo *This, ULONG f, PVOID a, LPCOLESTR b, VARIANT *c) { (void)This; (void)f; (void)a; (void)b; (void)c; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_pfnc(IRecordInfo *This, ULONG f, PVOID a, LPCOLESTR b, VARIANT *c) { (void)This; (void)f; (void)a; (void)b; (void)c; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_gfn(IRecordInfo *This, ULONG *a, BSTR *b) { (void)This; (void)a; (void)b; return E_NOTIMPL; }
static BOOL STDMETHODCALLTYPE r_match(IRecordInfo *This, IRecordInfo *o) { (void)This; (void)o; return FALSE; }
static PVOID STDMETHODCALLTYPE r_create(IRecordInfo *This) { (void)This; return NULL; }
static HRESULT STDMETHODCALLTYPE r_cc(IRecordInfo *This, PVOID a, PVOID *b) { (void)This; (void)a; (void)b; return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE r_destroy(IRecordInfo *This, PVOID a) { (void)This; (void)a; return E_NOTIMPL; }
static IRecordInfoVtbl rvt = { r_qi, r_addref, r_release, r_init, r_clear, r_copy, r_guid, r_name, r_size, r_ti, r_gf, r_gfnc, r_pf, r_pfnc, r_gfn, r_match, r_create, r_cc, r_destroy };
static rec mkrec(ULONG size) { rec r; memset(&r, 0, sizeof r); r.iface.lpVtbl = &rvt; r.ref = 1; r.size = size; return r; }
static void prrec(const char *k, rec *r) { OUT("%s => ref=%d clears=%d copies=%d sizes=%d\n", k, (int)r->ref, r->clears, r->copies, r->sizes); }

static long off(SAFEARRAY *psa, void *p) { return (long)((char *)p - (char *)psa->pvData); }
static const char *where(SAFEARRAY *psa) { return !psa->pvData ? "none" : (char *)psa->pvData == (char *)psa + sizeof(SAFEARRAY) ? "inline" : "separate"; }

int main(void)
{
    SAFEARRAY *psa, *cp, *t;
    HRESULT hr;
    VARTYPE vt;
    LONG i, l;
    void *pv;
    cnt obj = { { &cnt_vtbl }, 1 };

    pu_start("safearray_more");

    /* descriptor argument checks */
    psa = NULL;
    OUT("AllocDescriptor(0,NULL) => %08X\n", H(SafeArrayAllocDescriptor(0, NULL)));
    OUT("AllocDescriptor(1,NULL) => %08X\n", H(SafeArrayAllocDescriptor(1, NULL)));
    OUT("AllocDescriptorEx(I4,0,NULL) => %08X\n", H(SafeArrayAllocDescriptorEx(VT_I4, 0, NULL)));
    OUT("AllocDescriptorEx(I4,1,NULL) => %08X\n", H(SafeArrayAllocDescriptorEx(VT_I4, 1, NULL)));
    OUT("AllocDescriptor(65535) => %08X\n", H(hr = SafeArrayAllocDescriptor(65535, &psa)));
    if (SUCCEEDED(hr)) SafeArrayDestroyDescriptor(psa);
    OUT("AllocData(NULL) => %08X\n", H(SafeArrayAllocData(NULL)));
    OUT("Destroy(NULL) DestroyData(NULL) DestroyDescriptor(NULL) => %08X %08X %08X\n", H(SafeArrayDestroy(NULL)), H(SafeArrayDestroyData(NULL)), H(SafeArrayDestroyDescriptor(NULL)));

    /* bounds order and cell offsets */
    {
        SAFEARRAYBOUND b[3] = { { 3, 1 }, { 4, -2 }, { 5, 10 } };
        static const LONG idx[][3] = { { 1, -2, 10 }, { 2, -2, 10 }, { 1, -1, 10 }, { 1, -2, 11 }, { 3, 1, 14 }, { 4, 1, 14 }, { 0, 1, 14 }, { 3, 2, 14 }, { 3, 1, 15 }, { 3, 1, 9 } };
        UINT d;
        size_t k;
        psa = SafeArrayCreate(VT_I4, 3, b);
        OUT("Create(I4,[3+1,4-2,5+10]) rgsabound => {%u,%d} {%u,%d} {%u,%d}\n", (unsigned)psa->rgsabound[0].cElements, (int)psa->rgsabound[0].lLbound, (unsigned)psa->rgsabound[1].cElements, (int)psa->rgsabound[1].lLbound, (unsigned)psa->rgsabound[2].cElements, (int)psa->rgsabound[2].lLbound);
        for (d = 0; d <= 4; d++) {
            LONG lo = 12345, hi = 12345;
            HRESULT h1 = SafeArrayGetLBound(psa, d, &lo), h2 = SafeArrayGetUBound(psa, d, &hi);
            OUT("GetLBound/GetUBound(dim %u) => %08X %d %08X %d\n", d, H(h1), (int)lo, H(h2), (int)hi);
        }
        OUT("GetLBound(NULL)/(psa,NULL) GetUBound(NULL)/(psa,NULL) => %08X %08X %08X %08X\n", H(SafeArrayGetLBound(NULL, 1, &l)), H(SafeArrayGetLBound(psa, 1, NULL)), H(SafeArrayGetUBound(NULL, 1, &l)), H(SafeArrayGetUBound(psa, 1, NULL)));
        for (k = 0; k < sizeof idx / sizeof idx[0]; k++) {
            LONG ix[3];
            memcpy(ix, idx[k], sizeof ix);
            pv = NULL;
            hr = SafeArrayPtrOfIndex(psa, ix, &pv);
            OUT("PtrOfIndex(%d,%d,%d) => %08X", (int)ix[0], (int)ix[1], (int)ix[2], H(hr));
            if (SUCCEEDED(hr)) OUT(" off=%ld", off(psa, pv));
            OUT("\n");
        }
        {
            LONG ix[3] = { 1, -2, 10 };
            OUT("PtrOfIndex NULL psa/idx/out => %08X %08X %08X\n", H(SafeArrayPtrOfIndex(NULL, ix, &pv)), H(SafeArrayPtrOfIndex(psa, NULL, &pv)), H(SafeArrayPtrOfIndex(psa, ix, NULL)));
            l = 77;
            OUT("Put/Get NULL psa/idx => %08X %08X %08X %08X\n", H(SafeArrayPutElement(NULL, ix, &l)), H(SafeArrayPutElement(psa, NULL, &l)), H(SafeArrayGetElement(NULL, ix, &l)), H(SafeArrayGetElement(psa, NULL, &l)));
        }
        /* Redim changes rgsabound[0], the last bound given */
        {
            SAFEARRAYBOUND nb = { 2, 7 };
            hr = SafeArrayRedim(psa, &nb);
            OUT("Redim(3 dims, {2,7}) => %08X", H(hr));
            for (d = 1; d <= 3; d++) {
                LONG lo, hi;
                SafeArrayGetLBound(psa, d, &lo);
                SafeArrayGetUBound(psa, d, &hi);
                OUT(" dim%u=%d..%d", d, (int)lo, (int)hi);
            }
            OUT("\n");
        }
        SafeArrayDestroy(psa);
    }

    /* locks */
    psa = SafeArrayCreateVector(VT_I4, 0, 2);
    OUT("Unlock(unlocked) => %08X\n", H(SafeArrayUnlock(psa)));
    OUT("Lock(NULL) Unlock(NULL) => %08X %08X\n", H(SafeArrayLock(NULL)), H(SafeArrayUnlock(NULL)));
    OUT("AccessData(NULL,&pv) AccessData(psa,NULL) => %08X %08X\n", H(SafeArrayAccessData(NULL, &pv)), H(SafeArrayAccessData(psa, NULL)));
    hr = SafeArrayAccessData(psa, &pv);
    OUT("AccessData => %08X locks=%u same=%d\n", H(hr), (unsigned)psa->cLocks, pv == psa->pvData);
    OUT("Destroy/DestroyData/DestroyDescriptor locked => %08X %08X %08X\n", H(SafeArrayDestroy(psa)), H(SafeArrayDestroyData(psa)), H(SafeArrayDestroyDescriptor(psa)));
    {
        SAFEARRAYBOUND nb = { 3, 0 };
        OUT("Redim locked => %08X\n", H(SafeArrayRedim(psa, &nb)));
    }
    i = 0;
    l = 5;
    OUT("PutElement locked => %08X\n", H(SafeArrayPutElement(psa, &i, &l)));
    hr = SafeArrayUnaccessData(psa);
    OUT("UnaccessData => %08X locks=%u\n", H(hr), (unsigned)psa->cLocks);
    OUT("UnaccessData again => %08X\n", H(SafeArrayUnaccessData(psa)));
    {
        int n = 0;
        while (n < 70000 && SafeArrayLock(psa) == S_OK) n++;
        OUT("Lock until refused => %d locks=%u\n", n, (unsigned)psa->cLocks);
        pv = (void *)1;
        hr = SafeArrayAccessData(psa, &pv);
        OUT("AccessData at limit => %08X pv=%s\n", H(hr), pv ? "set" : "NULL");
        i = 9;
        OUT("GetElement(out of range) at limit => %08X\n", H(SafeArrayGetElement(psa, &i, &l)));
        i = 0;
        OUT("GetElement at limit => %08X\n", H(SafeArrayGetElement(psa, &i, &l)));
        while (n-- > 0) SafeArrayUnlock(psa);
    }
    SafeArrayDestroy(psa);

    /* Redim data */
    {
        SAFEARRAYBOUND bb = { 4, 0 };
        LONG *d;
        void *old;
        psa = SafeArrayCreate(VT_I4, 1, &bb);
        d = psa->pvData;
        for (i = 0; i < 4; i++) d[i] = i + 1;
        bb.cElements = 6;
        bb.lLbound = 3;
        hr = SafeArrayRedim(psa, &bb);
        d = psa->pvData;
        OUT("Redim grow 4->6 => %08X lb=%d data=%d %d %d %d %d %d\n", H(hr), (int)psa->rgsabound[0].lLbound, (int)d[0], (int)d[1], (int)d[2], (int)d[3], (int)d[4], (int)d[5]);
        bb.cElements = 0;
        hr = SafeArrayRedim(psa, &bb);
        OUT("Redim to 0 => %08X data=%s\n", H(hr), psa->pvData ? "yes" : "no");
        bb.cElements = 2;
        hr = SafeArrayRedim(psa, &bb);
        d = psa->pvData;
        OUT("Redim 0->2 => %08X data=%d %d\n", H(hr), (int)d[0], (int)d[1]);
        old = psa->pvData;
        bb.lLbound = -3;
        hr = SafeArrayRedim(psa, &bb);
        OUT("Redim lbound only => %08X same=%d\n", H(hr), old == psa->pvData);
        OUT("Redim NULL psa/bound => %08X %08X\n", H(SafeArrayRedim(NULL, &bb)), H(SafeArrayRedim(psa, NULL)));
        psa->fFeatures |= FADF_FIXEDSIZE;
        OUT("Redim FIXEDSIZE => %08X\n", H(SafeArrayRedim(psa, &bb)));
        psa->fFeatures &= (USHORT)~FADF_FIXEDSIZE;
        SafeArrayDestroy(psa);
    }

    /* vectors keep their data in the descriptor's block */
    psa = SafeArrayCreateVector(VT_I4, 0, 4);
    OUT("CreateVector data => %s\n", where(psa));
    {
        SAFEARRAYBOUND bb = { 8, 0 };
        hr = SafeArrayRedim(psa, &bb);
        OUT("Redim vector grow => %08X ff=%04X data=%s\n", H(hr), psa->fFeatures, where(psa));
    }
    SafeArrayDestroy(psa);
    psa = SafeArrayCreateVector(VT_BSTR, 0, 2);
    hr = SafeArrayDestroyData(psa);
    OUT("DestroyData vector => %08X ff=%04X data=%s\n", H(hr), psa->fFeatures, where(psa));
    OUT("DestroyData vector again => %08X\n", H(SafeArrayDestroyData(psa)));
    hr = SafeArrayAllocData(psa);
    OUT("AllocData after => %08X data=%s\n", H(hr), where(psa));
    OUT("Destroy vector => %08X\n", H(SafeArrayDestroy(psa)));
    psa = SafeArrayCreateVector(VT_UI1, 0, 0);
    OUT("CreateVector(UI1,0,0) => %s data=%s\n", psa ? "ok" : "NULL", psa ? where(psa) : "-");
    SafeArrayDestroy(psa);
    {
        SAFEARRAYBOUND bb = { 0, 42 };
        psa = SafeArrayCreate(VT_I4, 1, &bb);
        i = 42;
        OUT("Create(I4,[0+42]) => data=%s ubound=%08X", psa->pvData ? "yes" : "no", H(SafeArrayGetUBound(psa, 1, &l)));
        OUT(":%d PtrOfIndex(42)=%08X\n", (int)l, H(SafeArrayPtrOfIndex(psa, &i, &pv)));
        SafeArrayDestroy(psa);
        bb.cElements = 4;
        bb.lLbound = 0x7FFFFFFE;
        psa = SafeArrayCreate(VT_I4, 1, &bb);
        hr = SafeArrayGetUBound(psa, 1, &l);
        OUT("Create(I4,[4+0x7FFFFFFE]) ubound => %08X %d\n", H(hr), (int)l);
        SafeArrayDestroy(psa);
    }

    /* BSTR elements */
    psa = SafeArrayCreateVector(VT_BSTR, 0, 3);
    {
        BSTR s = SysAllocString(OLESTR("hello")), odd = SysAllocStringByteLen("abc", 3), g;
        BSTR *d = psa->pvData;
        i = 1;
        hr = SafeArrayPutElement(psa, &i, s);
        OUT("Put BSTR => %08X copied=%d len=%u\n", H(hr), d[1] != s, SysStringLen(d[1]));
        g = NULL;
        hr = SafeArrayGetElement(psa, &i, &g);
        OUT("Get BSTR => %08X copied=%d len=%u\n", H(hr), g != d[1], SysStringLen(g));
        SysFreeString(g);
        i = 0;
        g = (BSTR)s;
        hr = SafeArrayGetElement(psa, &i, &g);
        OUT("Get NULL BSTR element => %08X %s\n", H(hr), g ? "non-NULL" : "NULL");
        hr = SafeArrayPutElement(psa, &i, NULL);
        OUT("Put NULL BSTR => %08X stored=%s len=%u\n", H(hr), d[0] ? "non-NULL" : "NULL", SysStringLen(d[0]));
        i = 2;
        SafeArrayPutElement(psa, &i, odd);
        OUT("Put 3-byte BSTR => bytelen=%u\n", SysStringByteLen(d[2]));
        hr = SafeArrayCopy(psa, &cp);
        OUT("Copy BSTR vector => %08X ff=%04X deep=%d bytelen=%u\n", H(hr), cp->fFeatures, ((BSTR *)cp->pvData)[2] != d[2], SysStringByteLen(((BSTR *)cp->pvData)[2]));
        SafeArrayDestroy(cp);
        SysFreeString(s);
        SysFreeString(odd);
    }
    SafeArrayDestroy(psa);

    /* interface elements */
    psa = SafeArrayCreateVector(VT_UNKNOWN, 0, 2);
    i = 0;
    hr = SafeArrayPutElement(psa, &i, &obj.iface);
    OUT("Put UNKNOWN => %08X ref=%d\n", H(hr), (int)obj.ref);
    hr = SafeArrayPutElement(psa, &i, &obj.iface);
    OUT("Put same UNKNOWN again => %08X ref=%d\n", H(hr), (int)obj.ref);
    {
        IUnknown *g = NULL;
        hr = SafeArrayGetElement(psa, &i, &g);
        OUT("Get UNKNOWN => %08X ref=%d\n", H(hr), (int)obj.ref);
        if (g) IUnknown_Release(g);
    }
    hr = SafeArrayPutElement(psa, &i, NULL);
    OUT("Put NULL UNKNOWN => %08X ref=%d\n", H(hr), (int)obj.ref);
    {
        IUnknown *g = &obj.iface;
        hr = SafeArrayGetElement(psa, &i, &g);
        OUT("Get NULL UNKNOWN element => %08X %s\n", H(hr), g ? "non-NULL" : "NULL");
    }
    SafeArrayPutElement(psa, &i, &obj.iface);
    i = 1;
    SafeArrayPutElement(psa, &i, &obj.iface);
    hr = SafeArrayCopy(psa, &cp);
    OUT("Copy UNKNOWN vector => %08X ref=%d ff=%04X\n", H(hr), (int)obj.ref, cp->fFeatures);
    {
        GUID g;
        hr = SafeArrayGetIID(cp, &g);
        OUT("Copy keeps IID => %08X ", H(hr));
        OUT("%s\n", IsEqualGUID(&g, &IID_IUnknown) ? "IID_IUnknown" : "other");
    }
    SafeArrayDestroy(cp);
    OUT("Destroy copy => ref=%d\n", (int)obj.ref);
    t = SafeArrayCreateVector(VT_UNKNOWN, 0, 2);
    hr = SafeArrayCopyData(psa, t);
    OUT("CopyData UNKNOWN => %08X ref=%d\n", H(hr), (int)obj.ref);
    hr = SafeArrayCopyData(psa, t);
    OUT("CopyData UNKNOWN again => %08X ref=%d\n", H(hr), (int)obj.ref);
    SafeArrayDestroy(t);
    OUT("Destroy target => ref=%d\n", (int)obj.ref);
    {
        SAFEARRAYBOUND nb = { 1, 0 };
        hr = SafeArrayRedim(psa, &nb);
        OUT("Redim UNKNOWN 2->1 => %08X ref=%d\n", H(hr), (int)obj.ref);
    }
    {
        GUID g;
        hr = SafeArraySetIID(psa, &IID_IDispatch);
        SafeArrayGetVartype(psa, &vt);
        SafeArrayGetIID(psa, &g);
        OUT("SetIID(IDispatch) on UNKNOWN array => %08X vt=%d iid=%s\n", H(hr), vt, IsEqualGUID(&g, &IID_IDispatch) ? "IID_IDispatch" : "other");
        OUT("GetIID/SetIID NULLs => %08X %08X %08X %08X\n", H(SafeArrayGetIID(NULL, &g)), H(SafeArrayGetIID(psa, NULL)), H(SafeArraySetIID(NULL, &g)), H(SafeArraySetIID(psa, NULL)));
    }
    SafeArrayDestroy(psa);
    OUT("Destroy interface array => ref=%d\n", (int)obj.ref);
    {
        GUID mine, g;
        SAFEARRAYBOUND bb = { 2, 0 };
        memset(&mine, 0x22, sizeof mine);
        psa = SafeArrayCreateEx(VT_DISPATCH, 1, &bb, &mine);
        SafeArrayGetIID(psa, &g);
        OUT("CreateEx(DISPATCH, iid) => ff=%04X iid=%s\n", psa->fFeatures, IsEqualGUID(&g, &mine) ? "given" : "other");
        SafeArrayDestroy(psa);
        psa = SafeArrayCreateEx(VT_I4, 1, &bb, &mine);
        OUT("CreateEx(I4, iid) => ff=%04X\n", psa->fFeatures);
        SafeArrayDestroy(psa);
        psa = SafeArrayCreateVectorEx(VT_UNKNOWN, 0, 1, &mine);
        SafeArrayGetIID(psa, &g);
        OUT("CreateVectorEx(UNKNOWN, iid) => ff=%04X iid=%s\n", psa->fFeatures, IsEqualGUID(&g, &mine) ? "given" : "other");
        SafeArrayDestroy(psa);
    }

    /* GetVartype from flags */
    {
        static const USHORT flags[] = { FADF_BSTR, FADF_HAVEIID | FADF_DISPATCH, FADF_HAVEIID, FADF_RECORD, FADF_VARIANT, 0 };
        size_t k;
        SafeArrayAllocDescriptor(1, &psa);
        for (k = 0; k < sizeof flags / sizeof flags[0]; k++) {
            psa->fFeatures = flags[k];
            vt = 0xFFFF;
            hr = SafeArrayGetVartype(psa, &vt);
            OUT("GetVartype(ff=%04X) => %08X", flags[k], H(hr));
            if (SUCCEEDED(hr)) OUT(" %d", vt);
            OUT("\n");
        }
        psa->fFeatures = 0;
        OUT("GetVartype NULLs => %08X %08X\n", H(SafeArrayGetVartype(NULL, &vt)), H(SafeArrayGetVartype(psa, NULL)));
        SafeArrayDestroyDescriptor(psa);
    }

    /* VARIANT elements */
    psa = SafeArrayCreateVector(VT_VARIANT, 0, 3);
    {
        VARIANT v, g;
        VariantInit(&v);
        V_VT(&v) = VT_UNKNOWN;
        V_UNKNOWN(&v) = &obj.iface;
        i = 0;
        hr = SafeArrayPutElement(psa, &i, &v);
        OUT("Put VARIANT(UNKNOWN) => %08X ref=%d\n", H(hr), (int)obj.ref);
        VariantInit(&g);
        V_VT(&g) = VT_BSTR;
        V_BSTR(&g) = SysAllocString(OLESTR("x"));
        hr = SafeArrayGetElement(psa, &i, &g);
        OUT("Get VARIANT into a BSTR variant => %08X vt=%d ref=%d\n", H(hr), V_VT(&g), (int)obj.ref);
        VariantClear(&g);
        V_VT(&v) = 15;
        i = 1;
        OUT("Put VARIANT vt=15 => %08X\n", H(SafeArrayPutElement(psa, &i, &v)));
        V_VT(&((VARIANT *)psa->pvData)[2]) = 15;
        i = 2;
        VariantInit(&g);
        OUT("Get VARIANT element vt=15 => %08X\n", H(SafeArrayGetElement(psa, &i, &g)));
        hr = SafeArrayCopy(psa, &cp);
        OUT("Copy with a vt=15 element => %08X ref=%d copied-vt=%d\n", H(hr), (int)obj.ref, cp ? V_VT(&((VARIANT *)cp->pvData)[2]) : -1);
        if (cp) SafeArrayDestroy(cp);
        hr = SafeArrayDestroyData(psa);
        OUT("DestroyData with a vt=15 element => %08X ref=%d\n", H(hr), (int)obj.ref);
    }
    SafeArrayDestroy(psa);
    {
        SAFEARRAYBOUND bb = { 2, 0 };
        VARIANT *v;
        psa = SafeArrayCreate(VT_VARIANT, 1, &bb);
        v = psa->pvData;
        V_VT(&v[1]) = VT_BSTR;
        V_BSTR(&v[1]) = SysAllocString(OLESTR("x"));
        bb.cElements = 1;
        hr = SafeArrayRedim(psa, &bb);
        OUT("Redim VARIANT 2->1 => %08X cut-vt=%d\n", H(hr), V_VT(&v[1]));
        SafeArrayDestroy(psa);
    }

    /* records */
    {
        rec r = mkrec(12), r2 = mkrec(12);
        SAFEARRAYBOUND bb = { 3, 0 };
        char buf[12];
        IRecordInfo *ri;
        psa = SafeArrayCreateEx(VT_RECORD, 1, &bb, NULL);
        OUT("CreateEx(RECORD, NULL) => %s\n", psa ? "ok" : "NULL");
        psa = SafeArrayCreateVectorEx(VT_RECORD, 0, 2, NULL);
        OUT("CreateVectorEx(RECORD, NULL) => %s\n", psa ? "ok" : "NULL");
        psa = SafeArrayCreateEx(VT_RECORD, 1, &bb, &r.iface);
        OUT("CreateEx(RECORD) => ff=%04X cb=%u hidden-ri=%s\n", psa->fFeatures, (unsigned)psa->cbElements, ((IRecordInfo **)psa)[-1] == &r.iface ? "yes" : "no");
        prrec("after CreateEx", &r);
        memset(buf, 7, sizeof buf);
        i = 1;
        OUT("Put record => %08X\n", H(SafeArrayPutElement(psa, &i, buf)));
        OUT("Get record => %08X\n", H(SafeArrayGetElement(psa, &i, buf)));
        prrec("after Put+Get", &r);
        ri = NULL;
        hr = SafeArrayGetRecordInfo(psa, &ri);
        OUT("GetRecordInfo => %08X same=%d\n", H(hr), ri == &r.iface);
        prrec("after GetRecordInfo", &r);
        if (ri) IRecordInfo_Release(ri);
        hr = SafeArrayGetVartype(psa, &vt);
        OUT("GetVartype(record) => %08X %d\n", H(hr), vt);
        hr = SafeArrayCopy(psa, &cp);
        OUT("Copy record array => %08X ff=%04X\n", H(hr), cp->fFeatures);
        prrec("after Copy", &r);
        SafeArrayDestroy(cp);
        prrec("after Destroy(copy)", &r);
        hr = SafeArraySetRecordInfo(psa, &r2.iface);
        OUT("SetRecordInfo(other) => %08X\n", H(hr));
        prrec("old", &r);
        prrec("new", &r2);
        SafeArraySetRecordInfo(psa, &r.iface);
        prrec("other after set back", &r2);
        hr = SafeArraySetRecordInfo(psa, NULL);
        ri = &r.iface;
        OUT("SetRecordInfo(NULL) => %08X get=%08X ", H(hr), H(SafeArrayGetRecordInfo(psa, &ri)));
        OUT("%s\n", ri ? "non-NULL" : "NULL");
        SafeArraySetRecordInfo(psa, &r.iface);
        r.copyhr = E_FAIL;
        cp = (SAFEARRAY *)&r;
        hr = SafeArrayCopy(psa, &cp);
        OUT("Copy with failing RecordCopy => %08X out=%s\n", H(hr), cp ? "set" : "NULL");
        OUT("Put/Get with failing RecordCopy => %08X %08X\n", H(SafeArrayPutElement(psa, &i, buf)), H(SafeArrayGetElement(psa, &i, buf)));
        r.copyhr = S_OK;
        prrec("after failing copies", &r);
        hr = SafeArrayDestroyData(psa);
        OUT("DestroyData(record) => %08X data=%s\n", H(hr), psa->pvData ? "yes" : "no");
        prrec("after DestroyData", &r);
        SafeArrayDestroyDescriptor(psa);
        prrec("after DestroyDescriptor", &r);
        psa = SafeArrayCreateVectorEx(VT_RECORD, 0, 2, &r.iface);
        OUT("CreateVectorEx(RECORD) => ff=%04X cb=%u\n", psa->fFeatures, (unsigned)psa->cbElements);
        SafeArrayDestroy(psa);
        prrec("after Destroy(vector)", &r);
        r.size = 0;
        psa = SafeArrayCreateEx(VT_RECORD, 1, &bb, &r.iface);
        OUT("CreateEx(RECORD size 0) => cb=%u\n", (unsigned)psa->cbElements);
        SafeArrayDestroy(psa);
        psa = SafeArrayCreateVectorEx(VT_RECORD, 0, 2, &r.iface);
        OUT("CreateVectorEx(RECORD size 0) => cb=%u\n", (unsigned)psa->cbElements);
        SafeArrayDestroy(psa);
        r.size = 12;
        r.sizehr = E_FAIL;
        psa = SafeArrayCreateEx(VT_RECORD, 1, &bb, &r.iface);
        OUT("CreateEx(RECORD, GetSize fails with 12) => %s cb=%u\n", psa ? "ok" : "NULL", psa ? (unsigned)psa->cbElements : 0);
        SafeArrayDestroy(psa);
        r.sizehr = S_OK;
        SafeArrayAllocDescriptorEx(VT_RECORD, 1, &psa);
        ri = &r.iface;
        hr = SafeArrayGetRecordInfo(psa, &ri);
        OUT("GetRecordInfo(AllocDescriptorEx) => %08X %s\n", H(hr), ri ? "non-NULL" : "NULL");
        hr = SafeArraySetRecordInfo(psa, &r.iface);
        OUT("SetRecordInfo(AllocDescriptorEx) => %08X cb=%u\n", H(hr), (unsigned)psa->cbElements);
        psa->rgsabound[0].cElements = 2;
        OUT("AllocData => %08X\n", H(SafeArrayAllocData(psa)));
        SafeArrayDestroy(psa);
        prrec("after all", &r);
        psa = SafeArrayCreateVector(VT_I4, 0, 1);
        ri = &r.iface;
        OUT("Get/SetRecordInfo on I4 => %08X %08X\n", H(SafeArrayGetRecordInfo(psa, &ri)), H(SafeArraySetRecordInfo(psa, &r.iface)));
        SafeArrayDestroy(psa);
    }

    /* Copy */
    cp = (SAFEARRAY *)&obj;
    OUT("Copy(NULL) => %08X out=%s\n", H(SafeArrayCopy(NULL, &cp)), cp ? "set" : "NULL");
    psa = SafeArrayCreateVector(VT_I4, 0, 2);
    OUT("Copy(psa, NULL) => %08X\n", H(SafeArrayCopy(psa, NULL)));
    {
        static const USHORT flags[] = { FADF_STATIC, FADF_AUTO, FADF_EMBEDDED, FADF_FIXEDSIZE };
        size_t k;
        for (k = 0; k < 4; k++) {
            psa->fFeatures |= flags[k];
            hr = SafeArrayCopy(psa, &cp);
            OUT("Copy(vector + %04X) => %08X ff=%04X\n", flags[k], H(hr), cp->fFeatures);
            SafeArrayDestroy(cp);
            psa->fFeatures &= (USHORT)~flags[k];
        }
    }
    SafeArrayLock(psa);
    hr = SafeArrayCopy(psa, &cp);
    OUT("Copy(locked) => %08X locks=%u\n", H(hr), (unsigned)cp->cLocks);
    SafeArrayDestroy(cp);
    SafeArrayUnlock(psa);
    SafeArrayDestroy(psa);
    SafeArrayAllocDescriptor(1, &psa);
    psa->cbElements = 4;
    psa->rgsabound[0].cElements = 3;
    hr = SafeArrayCopy(psa, &cp);
    OUT("Copy(no data) => %08X ff=%04X data=%s\n", H(hr), cp->fFeatures, cp->pvData ? "yes" : "no");
    SafeArrayDestroy(cp);

    /* CopyData */
    t = SafeArrayCreateVector(VT_I4, 0, 3);
    OUT("CopyData(src without data) => %08X\n", H(SafeArrayCopyData(psa, t)));
    OUT("CopyData(target without data) => %08X\n", H(SafeArrayCopyData(t, psa)));
    SafeArrayDestroy(t);
    SafeArrayDestroy(psa);
    {
        static const struct { VARTYPE vt; LONG lb; ULONG n; } targets[] = { { VT_I4, 0, 2 }, { VT_I4, 0, 3 }, { VT_I4, 5, 2 }, { VT_I2, 0, 2 }, { VT_R4, 0, 2 }, { VT_BSTR, 0, 2 } };
        size_t k;
        psa = SafeArrayCreateVector(VT_I4, 0, 2);
        ((LONG *)psa->pvData)[1] = 5;
        OUT("CopyData NULLs => %08X %08X\n", H(SafeArrayCopyData(NULL, psa)), H(SafeArrayCopyData(psa, NULL)));
        for (k = 0; k < sizeof targets / sizeof targets[0]; k++) {
            t = SafeArrayCreateVector(targets[k].vt, targets[k].lb, targets[k].n);
            hr = SafeArrayCopyData(psa, t);
            vt = 0;
            SafeArrayGetVartype(t, &vt);
            OUT("CopyData(I4[0..1] -> vt %d [%d+%u]) => %08X ff=%04X vt=%d\n", targets[k].vt, (int)targets[k].lb, (unsigned)targets[k].n, H(hr), t->fFeatures, vt);
            SafeArrayDestroy(t);
        }
        {
            SAFEARRAYBOUND b2[2] = { { 2, 0 }, { 1, 0 } };
            t = SafeArrayCreate(VT_I4, 2, b2);
            OUT("CopyData(1 dim -> 2 dims) => %08X\n", H(SafeArrayCopyData(psa, t)));
            SafeArrayDestroy(t);
        }
        t = SafeArrayCreateVector(VT_I4, 0, 2);
        SafeArrayLock(t);
        SafeArrayLock(psa);
        OUT("CopyData(both locked) => %08X\n", H(SafeArrayCopyData(psa, t)));
        SafeArrayUnlock(psa);
        SafeArrayUnlock(t);
        t->fFeatures |= FADF_FIXEDSIZE;
        hr = SafeArrayCopyData(psa, t);
        OUT("CopyData(target FIXEDSIZE) => %08X\n", H(hr));
        t->fFeatures &= (USHORT)~FADF_FIXEDSIZE;
        SafeArrayDestroy(t);
        SafeArrayDestroy(psa);
    }
    {
        BSTR s = SysAllocString(OLESTR("s"));
        SAFEARRAY *strs = SafeArrayCreateVector(VT_BSTR, 0, 2), *dbls = SafeArrayCreateVector(VT_R8, 0, 2);
        i = 0;
        SafeArrayPutElement(strs, &i, s);
        hr = SafeArrayCopyData(strs, dbls);
        SafeArrayGetVartype(dbls, &vt);
        OUT("CopyData(BSTR -> R8 vector) => %08X ff=%04X vt=%d deep=%d\n", H(hr), dbls->fFeatures, vt, ((BSTR *)dbls->pvData)[0] != s);
        hr = SafeArrayCopyData(dbls, strs);
        OUT("CopyData(back) => %08X\n", H(hr));
        SafeArrayDestroy(dbls);
        SafeArrayDestroy(strs);
        SysFreeString(s);
    }
    {
        SAFEARRAY *u = SafeArrayCreateVector(VT_UNKNOWN, 0, 2), *d = SafeArrayCreateVector(VT_DISPATCH, 0, 2);
        GUID g;
        hr = SafeArrayCopyData(u, d);
        SafeArrayGetIID(d, &g);
        OUT("CopyData(UNKNOWN -> DISPATCH) => %08X ff=%04X iid=%s\n", H(hr), d->fFeatures, IsEqualGUID(&g, &IID_IUnknown) ? "IID_IUnknown" : "other");
        SafeArrayDestroy(u);
        SafeArrayDestroy(d);
    }

    /* FADF_STATIC data is emptied, not freed */
    {
        SAFEARRAYBOUND bb = { 2, 0 };
        void *old;
        psa = SafeArrayCreate(VT_BSTR, 1, &bb);
        ((BSTR *)psa->pvData)[0] = SysAllocString(OLESTR("a"));
        psa->fFeatures |= FADF_STATIC;
        old = psa->pvData;
        hr = SafeArrayDestroyData(psa);
        OUT("DestroyData(STATIC) => %08X same-data=%d elem0=%s ff=%04X\n", H(hr), psa->pvData == old, ((BSTR *)psa->pvData)[0] ? "set" : "NULL", psa->fFeatures);
        psa->fFeatures &= (USHORT)~FADF_STATIC;
        SafeArrayDestroy(psa);
    }
    return 0;
}
