/* Tests for oleaut/safearray.c and safearray_data.c: the SAFEARRAY API,
 * its memory layout, flags, error codes and the ownership of elements.
 * Expected values are what the Wine oracle answered (see the report in
 * tests/golden/safearray.txt for the ones kept as golden data). */
#define COBJMACROS
#include "comrt_test.h"
#include "comrt_test_objects.h"

#include "oleaut/oleaut_internal.h"


/* ---- a record type: { LONG n; BSTR s; } with a real deep copy -------------- */

typedef struct {
    LONG n;
    BSTR s;
} rec_t;

typedef struct {
    IRecordInfo iface;
    LONG ref;
    ULONG size;
    int clears, copies, sizes;
    HRESULT copy_hr;
} recinfo;

static recinfo *RI(IRecordInfo *p) { return (recinfo *)p; }
static HRESULT STDMETHODCALLTYPE r_qi(IRecordInfo *This, REFIID riid, void **ppv)
{
    (void)riid;
    *ppv = This;
    IRecordInfo_AddRef(This);
    return S_OK;
}
static ULONG STDMETHODCALLTYPE r_addref(IRecordInfo *This) { return ++RI(This)->ref; }
static ULONG STDMETHODCALLTYPE r_release(IRecordInfo *This) { return --RI(This)->ref; }
static HRESULT STDMETHODCALLTYPE r_init(IRecordInfo *This, PVOID p)
{
    (void)This;
    memset(p, 0, sizeof(rec_t));
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE r_clear(IRecordInfo *This, PVOID p)
{
    rec_t *r = p;
    RI(This)->clears++;
    if (RI(This)->size < sizeof(rec_t)) return S_OK; /* an empty record type */
    SysFreeString(r->s);
    r->s = NULL;
    r->n = 0;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE r_copy(IRecordInfo *This, PVOID src, PVOID dst)
{
    const rec_t *s = src;
    rec_t *d = dst;
    BSTR copy = NULL;
    RI(This)->copies++;
    if (FAILED(RI(This)->copy_hr)) return RI(This)->copy_hr;
    if (RI(This)->size < sizeof(rec_t)) return S_OK;
    if (s->s) copy = SysAllocString(s->s);
    SysFreeString(d->s); /* RecordCopy releases what the destination held */
    d->n = s->n;
    d->s = copy;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE r_guid(IRecordInfo *This, GUID *g)
{
    (void)This;
    memset(g, 0x11, sizeof *g);
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE r_name(IRecordInfo *This, BSTR *b)
{
    (void)This;
    *b = SysAllocString(u"rec_t");
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE r_size(IRecordInfo *This, ULONG *s)
{
    RI(This)->sizes++;
    *s = RI(This)->size;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE r_ti(IRecordInfo *This, ITypeInfo **t)
{
    (void)This;
    *t = NULL;
    return TYPE_E_ELEMENTNOTFOUND;
}
static HRESULT STDMETHODCALLTYPE r_gf(IRecordInfo *This, PVOID a, LPCOLESTR b, VARIANT *c)
{
    (void)This, (void)a, (void)b, (void)c;
    return DISP_E_UNKNOWNNAME;
}
static HRESULT STDMETHODCALLTYPE r_gfnc(IRecordInfo *This, PVOID a, LPCOLESTR b, VARIANT *c, PVOID *d)
{
    (void)This, (void)a, (void)b, (void)c, (void)d;
    return DISP_E_UNKNOWNNAME;
}
static HRESULT STDMETHODCALLTYPE r_pf(IRecordInfo *This, ULONG f, PVOID a, LPCOLESTR b, VARIANT *c)
{
    (void)This, (void)f, (void)a, (void)b, (void)c;
    return DISP_E_UNKNOWNNAME;
}
static HRESULT STDMETHODCALLTYPE r_pfnc(IRecordInfo *This, ULONG f, PVOID a, LPCOLESTR b, VARIANT *c)
{
    (void)This, (void)f, (void)a, (void)b, (void)c;
    return DISP_E_UNKNOWNNAME;
}
static HRESULT STDMETHODCALLTYPE r_gfn(IRecordInfo *This, ULONG *a, BSTR *b)
{
    (void)This, (void)b;
    *a = 0;
    return S_OK;
}
static BOOL STDMETHODCALLTYPE r_match(IRecordInfo *This, IRecordInfo *o) { return This == o; }
static PVOID STDMETHODCALLTYPE r_create(IRecordInfo *This)
{
    (void)This;
    return NULL;
}
static HRESULT STDMETHODCALLTYPE r_cc(IRecordInfo *This, PVOID a, PVOID *b)
{
    (void)This, (void)a;
    *b = NULL;
    return E_OUTOFMEMORY;
}
static HRESULT STDMETHODCALLTYPE r_destroy(IRecordInfo *This, PVOID a)
{
    (void)This, (void)a;
    return S_OK;
}
static const IRecordInfoVtbl recinfo_vtbl = { r_qi,  r_addref, r_release, r_init, r_clear, r_copy, r_guid,
                                              r_name, r_size,  r_ti,      r_gf,   r_gfnc,  r_pf,   r_pfnc,
                                              r_gfn, r_match, r_create,  r_cc,   r_destroy };

static recinfo make_recinfo(void)
{
    recinfo r = { { &recinfo_vtbl }, 1, sizeof(rec_t), 0, 0, 0, S_OK };
    return r;
}

/* The hidden area before a descriptor, as programs read it on x64 Windows. */
static DWORD hidden_vt(SAFEARRAY *psa) { return ((DWORD *)psa)[-1]; }
static const GUID *hidden_iid(SAFEARRAY *psa) { return (const GUID *)psa - 1; }
static IRecordInfo *hidden_recinfo(SAFEARRAY *psa) { return ((IRecordInfo **)psa)[-1]; }

/* ---- descriptors -------------------------------------------------------------- */

TEST(alloc_descriptor)
{
    SAFEARRAY *psa = (SAFEARRAY *)1;
    VARTYPE vt;

    CHECK_INT(sizeof(SAFEARRAY), 32);
    CHECK_INT(sizeof(SAFEARRAYBOUND), 8);
    CHECK_HR(SafeArrayAllocDescriptor(0, &psa), E_INVALIDARG);
    CHECK_HR(SafeArrayAllocDescriptor(65536, &psa), E_INVALIDARG);
    CHECK(psa == (SAFEARRAY *)1); /* untouched on failure */
    CHECK_HR(SafeArrayAllocDescriptor(1, NULL), E_POINTER);
    CHECK_HR(SafeArrayAllocDescriptor(0, NULL), E_INVALIDARG);
    CHECK_HR(SafeArrayAllocDescriptorEx(VT_I4, 0, NULL), E_INVALIDARG);
    CHECK_HR(SafeArrayAllocDescriptorEx(VT_I4, 1, NULL), E_POINTER);

    CHECK_HR(SafeArrayAllocDescriptor(65535, &psa), S_OK);
    CHECK_INT(SafeArrayGetDim(psa), 65535);
    CHECK_HR(SafeArrayDestroyDescriptor(psa), S_OK);

    CHECK_HR(SafeArrayAllocDescriptor(2, &psa), S_OK);
    CHECK_INT(psa->cDims, 2);
    CHECK_INT(psa->fFeatures, 0);
    CHECK_INT(psa->cbElements, 0);
    CHECK_INT(psa->cLocks, 0);
    CHECK(psa->pvData == NULL);
    CHECK_HR(SafeArrayGetVartype(psa, &vt), E_INVALIDARG);
    /* the caller fills in the shape, then AllocData */
    psa->cbElements = 2;
    psa->rgsabound[0].cElements = 2;
    psa->rgsabound[0].lLbound = 1;
    psa->rgsabound[1].cElements = 4;
    psa->rgsabound[1].lLbound = 1;
    CHECK_HR(SafeArrayAllocData(psa), S_OK);
    CHECK(psa->pvData != NULL);
    {
        LONG idx[2] = { 4, 2 }; /* idx[0] -> rgsabound[1] (fastest) */
        void *p;
        CHECK_HR(SafeArrayPtrOfIndex(psa, idx, &p), S_OK);
        CHECK_INT((char *)p - (char *)psa->pvData, 14);
    }
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    CHECK_HR(SafeArrayAllocData(NULL), E_INVALIDARG);
}

TEST(alloc_descriptor_ex_layout)
{
    /* every VARTYPE is taken; the hidden area says which */
    static const struct {
        VARTYPE vt;
        USHORT features;
        ULONG cb;
    } rows[] = {
        { VT_EMPTY, FADF_HAVEVARTYPE, 0 },   { VT_NULL, FADF_HAVEVARTYPE, 0 },
        { VT_I2, FADF_HAVEVARTYPE, 2 },      { VT_I4, FADF_HAVEVARTYPE, 4 },
        { VT_R8, FADF_HAVEVARTYPE, 8 },      { VT_BSTR, FADF_HAVEVARTYPE, 8 },
        { VT_DISPATCH, FADF_HAVEIID, 8 },    { VT_VARIANT, FADF_HAVEVARTYPE, 24 },
        { VT_UNKNOWN, FADF_HAVEIID, 8 },     { VT_DECIMAL, FADF_HAVEVARTYPE, 16 },
        { 15, FADF_HAVEVARTYPE, 0 },         { VT_I1, FADF_HAVEVARTYPE, 1 },
        { VT_UI8, FADF_HAVEVARTYPE, 8 },     { VT_VOID, FADF_HAVEVARTYPE, 0 },
        { VT_RECORD, FADF_RECORD, 32 },      { VT_INT_PTR, FADF_HAVEVARTYPE, 8 },
        { VT_CLSID, FADF_HAVEVARTYPE, 0 },   { VT_I4 | VT_ARRAY, FADF_HAVEVARTYPE, 0 },
        { 0xFFFF, FADF_HAVEVARTYPE, 0 },
    };
    size_t i;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        SAFEARRAY *psa = NULL;
        VARTYPE vt = 0;
        GUID iid;
        CHECK_HR(SafeArrayAllocDescriptorEx(rows[i].vt, 1, &psa), S_OK);
        if (!psa) continue;
        CHECK_MSG(psa->fFeatures == rows[i].features, "vt %d: fFeatures %04x", rows[i].vt, psa->fFeatures);
        CHECK_MSG(psa->cbElements == rows[i].cb, "vt %d: cbElements %u", rows[i].vt, (unsigned)psa->cbElements);
        CHECK_HR(SafeArrayGetVartype(psa, &vt), S_OK);
        if (rows[i].vt == VT_DISPATCH) {
            /* no FADF_DISPATCH yet: reads as VT_UNKNOWN, as on Windows */
            CHECK_INT(vt, VT_UNKNOWN);
            CHECK(IsEqualGUID(hidden_iid(psa), &IID_IDispatch));
        } else {
            CHECK_MSG(vt == rows[i].vt, "vt %d: GetVartype %d", rows[i].vt, vt);
        }
        if (rows[i].features == FADF_HAVEVARTYPE) {
            CHECK_INT(hidden_vt(psa), rows[i].vt);
            CHECK_HR(SafeArrayGetIID(psa, &iid), E_INVALIDARG);
            CHECK_HR(SafeArraySetIID(psa, &IID_IUnknown), E_INVALIDARG);
        }
        if (rows[i].vt == VT_UNKNOWN) CHECK(IsEqualGUID(hidden_iid(psa), &IID_IUnknown));
        if (rows[i].vt == VT_RECORD) CHECK(hidden_recinfo(psa) == NULL);
        CHECK_HR(SafeArrayDestroyDescriptor(psa), S_OK);
    }
}

TEST(create_types)
{
    /* which VARTYPEs SafeArrayCreate and CreateVector take, with what */
    static const struct {
        VARTYPE vt;
        ULONG cb; /* 0: refused */
        USHORT features;
    } rows[] = {
        { VT_EMPTY, 0, 0 },
        { VT_NULL, 0, 0 },
        { VT_I2, 2, FADF_HAVEVARTYPE },
        { VT_I4, 4, FADF_HAVEVARTYPE },
        { VT_R4, 4, FADF_HAVEVARTYPE },
        { VT_R8, 8, FADF_HAVEVARTYPE },
        { VT_CY, 8, FADF_HAVEVARTYPE },
        { VT_DATE, 8, FADF_HAVEVARTYPE },
        { VT_BSTR, 8, FADF_HAVEVARTYPE | FADF_BSTR },
        { VT_DISPATCH, 8, FADF_HAVEIID | FADF_DISPATCH },
        { VT_ERROR, 4, FADF_HAVEVARTYPE },
        { VT_BOOL, 2, FADF_HAVEVARTYPE },
        { VT_VARIANT, 24, FADF_HAVEVARTYPE | FADF_VARIANT },
        { VT_UNKNOWN, 8, FADF_HAVEIID | FADF_UNKNOWN },
        { VT_DECIMAL, 16, FADF_HAVEVARTYPE },
        { 15, 0, 0 },
        { VT_I1, 1, FADF_HAVEVARTYPE },
        { VT_UI1, 1, FADF_HAVEVARTYPE },
        { VT_UI2, 2, FADF_HAVEVARTYPE },
        { VT_UI4, 4, FADF_HAVEVARTYPE },
        { VT_I8, 8, FADF_HAVEVARTYPE },
        { VT_UI8, 8, FADF_HAVEVARTYPE },
        { VT_INT, 4, FADF_HAVEVARTYPE },
        { VT_UINT, 4, FADF_HAVEVARTYPE },
        { VT_VOID, 0, 0 },
        { VT_HRESULT, 0, 0 },
        { VT_PTR, 0, 0 },
        { VT_SAFEARRAY, 0, 0 },
        { VT_LPWSTR, 0, 0 },
        { VT_RECORD, 0, 0 }, /* needs CreateEx with an IRecordInfo */
        { VT_INT_PTR, 8, FADF_HAVEVARTYPE },
        { VT_UINT_PTR, 8, FADF_HAVEVARTYPE },
        { VT_FILETIME, 0, 0 },
        { VT_CLSID, 0, 0 },
        { VT_I4 | VT_ARRAY, 0, 0 },
        { VT_I4 | VT_BYREF, 0, 0 },
        { VT_I4 | VT_VECTOR, 0, 0 },
        { 0xFFFF, 0, 0 },
    };
    SAFEARRAYBOUND b = { 3, 1 };
    size_t i;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        SAFEARRAY *a = SafeArrayCreate(rows[i].vt, 1, &b);
        SAFEARRAY *v = SafeArrayCreateVector(rows[i].vt, 1, 3);
        VARTYPE vt = 0;
        CHECK_MSG(!a == !rows[i].cb, "Create vt %d: %s", rows[i].vt, a ? "made" : "refused");
        CHECK_MSG(!v == !rows[i].cb, "CreateVector vt %d: %s", rows[i].vt, v ? "made" : "refused");
        if (a) {
            CHECK_MSG(a->fFeatures == rows[i].features, "vt %d: fFeatures %04x", rows[i].vt, a->fFeatures);
            CHECK_INT(a->cbElements, rows[i].cb);
            CHECK_INT(SafeArrayGetElemsize(a), rows[i].cb);
            CHECK_INT(a->cLocks, 0);
            CHECK(a->pvData != NULL);
            CHECK_HR(SafeArrayGetVartype(a, &vt), S_OK);
            CHECK_MSG(vt == rows[i].vt, "vt %d: GetVartype %d", rows[i].vt, vt);
            CHECK_HR(SafeArrayDestroy(a), S_OK);
        }
        if (v) {
            CHECK_MSG(v->fFeatures == (rows[i].features | COMRT_FADF_CREATEVECTOR), "vector vt %d: fFeatures %04x",
                      rows[i].vt, v->fFeatures);
            CHECK_INT(v->cbElements, rows[i].cb);
            /* the data follows the descriptor in the same block */
            CHECK_INT((char *)v->pvData - (char *)v, 32);
            CHECK_HR(SafeArrayGetVartype(v, &vt), S_OK);
            CHECK_INT(vt, rows[i].vt);
            CHECK_HR(SafeArrayDestroy(v), S_OK);
        }
    }
    CHECK(SafeArrayCreate(VT_I4, 1, NULL) == NULL);
    CHECK(SafeArrayCreate(VT_I4, 0, &b) == NULL);
    CHECK(SafeArrayCreateEx(VT_I4, 1, NULL, NULL) == NULL);
    {
        SAFEARRAYBOUND many[4] = { { 8, 0 }, { 8, 0 }, { 8, 0 }, { 8, 0 } };
        CHECK(SafeArrayCreate(VT_UI1, 65536, many) == NULL);
    }
}

TEST(create_ex_iid)
{
    GUID mine;
    SAFEARRAYBOUND b = { 2, 0 };
    SAFEARRAY *psa;
    GUID got;
    VARTYPE vt;

    memset(&mine, 0x22, sizeof mine);
    psa = SafeArrayCreateEx(VT_DISPATCH, 1, &b, &mine);
    CHECK(psa != NULL);
    CHECK_INT(psa->fFeatures, FADF_HAVEIID | FADF_DISPATCH);
    CHECK_HR(SafeArrayGetIID(psa, &got), S_OK);
    CHECK(IsEqualGUID(&got, &mine));
    CHECK_HR(SafeArrayGetVartype(psa, &vt), S_OK);
    CHECK_INT(vt, VT_DISPATCH);
    CHECK_HR(SafeArraySetIID(psa, &IID_IUnknown), S_OK);
    CHECK(IsEqualGUID(hidden_iid(psa), &IID_IUnknown));
    CHECK_HR(SafeArrayGetIID(NULL, &got), E_INVALIDARG);
    CHECK_HR(SafeArrayGetIID(psa, NULL), E_INVALIDARG);
    CHECK_HR(SafeArraySetIID(NULL, &got), E_INVALIDARG);
    CHECK_HR(SafeArraySetIID(psa, NULL), E_INVALIDARG);
    SafeArrayDestroy(psa);

    psa = SafeArrayCreateVectorEx(VT_UNKNOWN, 0, 2, &mine);
    CHECK_INT(psa->fFeatures, FADF_HAVEIID | FADF_UNKNOWN | COMRT_FADF_CREATEVECTOR);
    CHECK(IsEqualGUID(hidden_iid(psa), &mine));
    SafeArrayDestroy(psa);

    psa = SafeArrayCreateVectorEx(VT_DISPATCH, 0, 2, NULL);
    CHECK(IsEqualGUID(hidden_iid(psa), &IID_IDispatch));
    SafeArrayDestroy(psa);

    /* pvExtra means nothing to other types */
    psa = SafeArrayCreateEx(VT_I4, 1, &b, &mine);
    CHECK_INT(psa->fFeatures, FADF_HAVEVARTYPE);
    CHECK_INT(hidden_vt(psa), VT_I4);
    SafeArrayDestroy(psa);
}

/* ---- bounds and indices ---------------------------------------------------------- */

TEST(bounds_order)
{
    SAFEARRAYBOUND b[3] = { { 3, 1 }, { 4, -2 }, { 5, 10 } };
    SAFEARRAY *psa = SafeArrayCreate(VT_I4, 3, b);
    LONG l = 12345;
    void *p;

    /* stored in reverse: rgsabound[0] is the last bound given */
    CHECK_INT(psa->rgsabound[0].cElements, 5);
    CHECK_INT(psa->rgsabound[0].lLbound, 10);
    CHECK_INT(psa->rgsabound[2].cElements, 3);
    CHECK_INT(psa->rgsabound[2].lLbound, 1);
    /* dimension 1 is the first bound given */
    CHECK_HR(SafeArrayGetLBound(psa, 1, &l), S_OK);
    CHECK_INT(l, 1);
    CHECK_HR(SafeArrayGetUBound(psa, 1, &l), S_OK);
    CHECK_INT(l, 3);
    CHECK_HR(SafeArrayGetLBound(psa, 2, &l), S_OK);
    CHECK_INT(l, -2);
    CHECK_HR(SafeArrayGetUBound(psa, 2, &l), S_OK);
    CHECK_INT(l, 1);
    CHECK_HR(SafeArrayGetLBound(psa, 3, &l), S_OK);
    CHECK_INT(l, 10);
    CHECK_HR(SafeArrayGetUBound(psa, 3, &l), S_OK);
    CHECK_INT(l, 14);
    l = 12345;
    CHECK_HR(SafeArrayGetLBound(psa, 0, &l), DISP_E_BADINDEX);
    CHECK_HR(SafeArrayGetUBound(psa, 0, &l), DISP_E_BADINDEX);
    CHECK_HR(SafeArrayGetLBound(psa, 4, &l), DISP_E_BADINDEX);
    CHECK_HR(SafeArrayGetUBound(psa, 4, &l), DISP_E_BADINDEX);
    CHECK_INT(l, 12345);
    CHECK_HR(SafeArrayGetLBound(NULL, 1, &l), E_INVALIDARG);
    CHECK_HR(SafeArrayGetLBound(psa, 1, NULL), E_INVALIDARG);
    CHECK_HR(SafeArrayGetUBound(NULL, 1, &l), E_INVALIDARG);
    CHECK_HR(SafeArrayGetUBound(psa, 1, NULL), E_INVALIDARG);
    CHECK_INT(SafeArrayGetDim(psa), 3);
    CHECK_INT(SafeArrayGetDim(NULL), 0);
    CHECK_INT(SafeArrayGetElemsize(NULL), 0);

    /* rgIndices[0] (first dimension) varies fastest */
    {
        static const struct {
            LONG idx[3];
            HRESULT hr;
            long off;
        } cases[] = {
            { { 1, -2, 10 }, S_OK, 0 },   { { 2, -2, 10 }, S_OK, 4 },   { { 1, -1, 10 }, S_OK, 12 },
            { { 1, -2, 11 }, S_OK, 48 },  { { 3, 1, 14 }, S_OK, 236 },  { { 4, 1, 14 }, DISP_E_BADINDEX, 0 },
            { { 0, 1, 14 }, DISP_E_BADINDEX, 0 }, { { 3, 2, 14 }, DISP_E_BADINDEX, 0 },
            { { 3, 1, 15 }, DISP_E_BADINDEX, 0 }, { { 3, 1, 9 }, DISP_E_BADINDEX, 0 },
        };
        size_t i;
        for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            LONG idx[3];
            HRESULT hr;
            memcpy(idx, cases[i].idx, sizeof idx);
            p = (void *)1;
            hr = SafeArrayPtrOfIndex(psa, idx, &p);
            CHECK_MSG(hr == cases[i].hr, "PtrOfIndex(%d,%d,%d) = %08x", (int)idx[0], (int)idx[1], (int)idx[2],
                      (unsigned)hr);
            if (SUCCEEDED(hr))
                CHECK_MSG((char *)p - (char *)psa->pvData == cases[i].off, "PtrOfIndex(%d,%d,%d) at %ld",
                          (int)idx[0], (int)idx[1], (int)idx[2], (long)((char *)p - (char *)psa->pvData));
            else
                CHECK(p == (void *)1);
        }
    }
    {
        LONG idx[3] = { 1, -2, 10 };
        CHECK_HR(SafeArrayPtrOfIndex(NULL, idx, &p), E_INVALIDARG);
        CHECK_HR(SafeArrayPtrOfIndex(psa, NULL, &p), E_INVALIDARG);
        CHECK_HR(SafeArrayPtrOfIndex(psa, idx, NULL), E_INVALIDARG);
    }
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
}

TEST(empty_and_edge_bounds)
{
    SAFEARRAYBOUND b = { 0, 42 };
    SAFEARRAY *psa = SafeArrayCreate(VT_I4, 1, &b);
    LONG l, i = 42;
    void *p;

    CHECK(psa != NULL);
    CHECK(psa->pvData != NULL);
    CHECK_HR(SafeArrayGetLBound(psa, 1, &l), S_OK);
    CHECK_INT(l, 42);
    CHECK_HR(SafeArrayGetUBound(psa, 1, &l), S_OK);
    CHECK_INT(l, 41);
    CHECK_HR(SafeArrayPtrOfIndex(psa, &i, &p), DISP_E_BADINDEX);
    CHECK_HR(SafeArrayAccessData(psa, &p), S_OK);
    CHECK_HR(SafeArrayUnaccessData(psa), S_OK);
    SafeArrayDestroy(psa);

    psa = SafeArrayCreateVector(VT_UI1, 0, 0);
    CHECK(psa != NULL);
    CHECK_INT((char *)psa->pvData - (char *)psa, 32);
    SafeArrayDestroy(psa);

    /* an upper bound past LONG_MAX wraps when reported, as on Windows */
    b.cElements = 4;
    b.lLbound = 0x7FFFFFFE;
    psa = SafeArrayCreate(VT_I4, 1, &b);
    CHECK_HR(SafeArrayGetUBound(psa, 1, &l), S_OK);
    CHECK_INT(l, -2147483647);
    i = (LONG)0x80000000;
    CHECK_HR(SafeArrayPtrOfIndex(psa, &i, &p), DISP_E_BADINDEX);
    i = 0x7FFFFFFD;
    CHECK_HR(SafeArrayPtrOfIndex(psa, &i, &p), DISP_E_BADINDEX);
    /* the cells past LONG_MAX cannot be named; the two below it can (Wine
     * refuses every index of such an array: a deviation, see the report) */
    i = 0x7FFFFFFF;
    CHECK_HR(SafeArrayPtrOfIndex(psa, &i, &p), S_OK);
    CHECK_INT((char *)p - (char *)psa->pvData, 4);
    SafeArrayDestroy(psa);

    b.cElements = 4;
    b.lLbound = -5;
    psa = SafeArrayCreate(VT_I4, 1, &b);
    CHECK_HR(SafeArrayGetUBound(psa, 1, &l), S_OK);
    CHECK_INT(l, -2);
    SafeArrayDestroy(psa);
}

TEST(size_caps)
{
    SAFEARRAYBOUND huge[2] = { { 0xFFFFFFFF, 0 }, { 0xFFFFFFFF, 0 } };
    SAFEARRAY *psa;

    /* products that wrap 64 bits, and sizes past the cap, are refused */
    CHECK(SafeArrayCreate(VT_VARIANT, 2, huge) == NULL);
    CHECK(SafeArrayCreate(VT_I4, 1, huge) == NULL);
    CHECK(SafeArrayCreateVector(VT_I4, 0, 0xFFFFFFFF) == NULL);
    CHECK_HR(SafeArrayAllocDescriptor(2, &psa), S_OK);
    psa->cbElements = 0x10000;
    psa->rgsabound[0].cElements = 0x10000;
    psa->rgsabound[1].cElements = 0x10000;
    CHECK_HR(SafeArrayAllocData(psa), E_OUTOFMEMORY);
    CHECK(psa->pvData == NULL);
    psa->cbElements = 4;
    psa->rgsabound[0].cElements = 3;
    psa->rgsabound[1].cElements = 1;
    CHECK_HR(SafeArrayAllocData(psa), S_OK);
    {
        SAFEARRAYBOUND nb = { 0x7FFFFFFF, 0 };
        CHECK_HR(SafeArrayRedim(psa, &nb), E_OUTOFMEMORY);
        CHECK_INT(psa->rgsabound[0].cElements, 3);
    }
    CHECK_HR(SafeArrayDestroy(psa), S_OK);

    /* a forged descriptor: pointer elements narrower than a pointer */
    psa = SafeArrayCreateVector(VT_BSTR, 0, 2);
    psa->cbElements = 4;
    {
        LONG i = 0;
        BSTR s = NULL;
        void *p;
        CHECK_HR(SafeArrayGetElement(psa, &i, &s), E_INVALIDARG);
        CHECK_HR(SafeArrayPtrOfIndex(psa, &i, &p), E_INVALIDARG);
    }
    psa->cbElements = 8;
    /* and no dimensions at all */
    psa->cDims = 0;
    {
        SAFEARRAY *copy = (SAFEARRAY *)1;
        LONG i = 0;
        void *p;
        CHECK_HR(SafeArrayCopy(psa, &copy), E_INVALIDARG);
        CHECK(copy == NULL);
        CHECK_HR(SafeArrayPtrOfIndex(psa, &i, &p), E_INVALIDARG);
    }
    psa->cDims = 1;
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
}

/* ---- locks ------------------------------------------------------------------------ */

TEST(locks)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_I4, 0, 2);
    SAFEARRAYBOUND nb = { 3, 0 };
    void *p = (void *)1;
    LONG i = 0, v = 5;
    int n = 0;

    CHECK_HR(SafeArrayUnlock(psa), E_UNEXPECTED);
    CHECK_HR(SafeArrayLock(NULL), E_INVALIDARG);
    CHECK_HR(SafeArrayUnlock(NULL), E_INVALIDARG);
    CHECK_HR(SafeArrayAccessData(NULL, &p), E_INVALIDARG);
    CHECK_HR(SafeArrayAccessData(psa, NULL), E_INVALIDARG);
    CHECK_HR(SafeArrayUnaccessData(NULL), E_INVALIDARG);

    CHECK_HR(SafeArrayAccessData(psa, &p), S_OK);
    CHECK(p == psa->pvData);
    CHECK_INT(psa->cLocks, 1);
    CHECK_HR(SafeArrayDestroy(psa), DISP_E_ARRAYISLOCKED);
    CHECK_HR(SafeArrayDestroyData(psa), DISP_E_ARRAYISLOCKED);
    CHECK_HR(SafeArrayDestroyDescriptor(psa), DISP_E_ARRAYISLOCKED);
    CHECK_HR(SafeArrayRedim(psa, &nb), DISP_E_ARRAYISLOCKED);
    CHECK_HR(SafeArrayPutElement(psa, &i, &v), S_OK); /* elements stay writable */
    CHECK_HR(SafeArrayUnaccessData(psa), S_OK);
    CHECK_INT(psa->cLocks, 0);
    CHECK_HR(SafeArrayUnaccessData(psa), E_UNEXPECTED);

    /* Windows stops at 65535 locks */
    while (n < 70000 && SafeArrayLock(psa) == S_OK) n++;
    CHECK_INT(n, 65535);
    CHECK_INT(psa->cLocks, 65535);
    CHECK_HR(SafeArrayLock(psa), E_UNEXPECTED);
    p = (void *)1;
    CHECK_HR(SafeArrayAccessData(psa, &p), E_UNEXPECTED);
    CHECK(p == NULL);
    /* Get/PutElement lock too: at the limit they fail before any index check */
    CHECK_HR(SafeArrayGetElement(psa, &i, &v), E_UNEXPECTED);
    i = 99;
    CHECK_HR(SafeArrayPutElement(psa, &i, &v), E_UNEXPECTED);
    while (n-- > 0) SafeArrayUnlock(psa);
    CHECK_INT(psa->cLocks, 0);
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
}

/* ---- elements ---------------------------------------------------------------------- */

TEST(scalar_elements)
{
    static const VARTYPE vts[] = { VT_I1, VT_UI1, VT_I2, VT_UI2, VT_BOOL, VT_I4, VT_UI4, VT_INT, VT_UINT, VT_ERROR,
                                   VT_R4, VT_R8, VT_CY, VT_DATE, VT_I8, VT_UI8, VT_DECIMAL, VT_INT_PTR, VT_UINT_PTR };
    size_t k;

    for (k = 0; k < sizeof vts / sizeof vts[0]; k++) {
        SAFEARRAY *psa = SafeArrayCreateVector(vts[k], -1, 3);
        unsigned char in[16], out[16];
        ULONG cb;
        LONG i;
        if (!psa) {
            COMRT_TEST_FAIL("CreateVector(%d) refused", vts[k]);
            continue;
        }
        cb = psa->cbElements;
        for (i = -1; i <= 1; i++) {
            memset(in, 0x40 + (int)i + (int)k, sizeof in);
            CHECK_HR(SafeArrayPutElement(psa, &i, in), S_OK);
        }
        for (i = -1; i <= 1; i++) {
            memset(in, 0x40 + (int)i + (int)k, sizeof in);
            memset(out, 0, sizeof out);
            CHECK_HR(SafeArrayGetElement(psa, &i, out), S_OK);
            CHECK_MSG(memcmp(in, out, cb) == 0, "vt %d index %d", vts[k], (int)i);
            if (cb < sizeof out) CHECK_MSG(out[cb] == 0, "vt %d: wrote past the element", vts[k]);
        }
        i = 2;
        CHECK_HR(SafeArrayPutElement(psa, &i, in), DISP_E_BADINDEX);
        CHECK_HR(SafeArrayGetElement(psa, &i, out), DISP_E_BADINDEX);
        i = 0;
        CHECK_HR(SafeArrayPutElement(NULL, &i, in), E_INVALIDARG);
        CHECK_HR(SafeArrayPutElement(psa, NULL, in), E_INVALIDARG);
        CHECK_HR(SafeArrayPutElement(psa, &i, NULL), E_INVALIDARG);
        CHECK_HR(SafeArrayGetElement(NULL, &i, out), E_INVALIDARG);
        CHECK_HR(SafeArrayGetElement(psa, NULL, out), E_INVALIDARG);
        CHECK_HR(SafeArrayGetElement(psa, &i, NULL), E_INVALIDARG);
        CHECK_HR(SafeArrayDestroy(psa), S_OK);
    }
}

TEST(bstr_elements)
{
    SAFEARRAY *psa = SafeArrayCreateVector(VT_BSTR, 0, 3), *copy;
    BSTR s = SysAllocString(u"hello"), odd = SysAllocStringByteLen("abc", 3), got, *data;
    LONG i = 1;

    CHECK_HR(SafeArrayPutElement(psa, &i, s), S_OK);
    data = psa->pvData;
    CHECK(data[1] != s); /* a copy */
    CHECK_WSTR(data[1], "hello");
    CHECK_HR(SafeArrayPutElement(psa, &i, s), S_OK); /* the old copy is freed (ASan) */
    got = (BSTR)1;
    CHECK_HR(SafeArrayGetElement(psa, &i, &got), S_OK);
    CHECK(got != data[1]);
    CHECK_WSTR(got, "hello");
    SysFreeString(got);
    i = 0;
    got = (BSTR)1;
    CHECK_HR(SafeArrayGetElement(psa, &i, &got), S_OK);
    CHECK(got == NULL); /* a NULL element reads as NULL */
    CHECK_HR(SafeArrayPutElement(psa, &i, NULL), S_OK);
    CHECK(data[0] != NULL); /* but a NULL put is stored as "" */
    CHECK_INT(SysStringLen(data[0]), 0);
    i = 2;
    CHECK_HR(SafeArrayPutElement(psa, &i, odd), S_OK);
    CHECK_INT(SysStringByteLen(data[2]), 3); /* byte length kept */

    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_INT(copy->fFeatures, FADF_HAVEVARTYPE | FADF_BSTR); /* no vector bit */
    CHECK(((BSTR *)copy->pvData)[2] != data[2]);
    CHECK_INT(SysStringByteLen(((BSTR *)copy->pvData)[2]), 3);
    CHECK_WSTR(((BSTR *)copy->pvData)[1], "hello");
    CHECK_HR(SafeArrayDestroy(copy), S_OK);

    /* DestroyData on a vector: elements freed, the block stays, marked */
    CHECK_HR(SafeArrayDestroyData(psa), S_OK);
    CHECK(psa->pvData != NULL);
    CHECK_INT(psa->fFeatures, FADF_HAVEVARTYPE | FADF_BSTR | COMRT_FADF_CREATEVECTOR | COMRT_FADF_DATADELETED);
    CHECK_HR(SafeArrayDestroyData(psa), S_OK);
    CHECK_HR(SafeArrayAllocData(psa), S_OK); /* a separate block now */
    CHECK((char *)psa->pvData - (char *)psa != 32);
    CHECK_HR(SafeArrayDestroy(psa), S_OK);

    /* elements put into a vector after DestroyData are live again and are
     * freed with it (LeakSanitizer checks) */
    psa = SafeArrayCreateVector(VT_BSTR, 0, 1);
    i = 0;
    CHECK_HR(SafeArrayDestroyData(psa), S_OK);
    CHECK_HR(SafeArrayPutElement(psa, &i, s), S_OK);
    CHECK_INT(psa->fFeatures & COMRT_FADF_DATADELETED, 0);
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    psa = SafeArrayCreateVector(VT_BSTR, 0, 1);
    copy = SafeArrayCreateVector(VT_BSTR, 0, 1);
    CHECK_HR(SafeArrayPutElement(psa, &i, s), S_OK);
    CHECK_HR(SafeArrayDestroyData(copy), S_OK);
    CHECK_HR(SafeArrayCopyData(psa, copy), S_OK);
    CHECK_WSTR(((BSTR *)copy->pvData)[0], "hello");
    CHECK_HR(SafeArrayDestroy(copy), S_OK);
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    SysFreeString(s);
    SysFreeString(odd);
}

TEST(interface_elements)
{
    counted obj = COUNTED_INIT;
    SAFEARRAY *psa = SafeArrayCreateVector(VT_UNKNOWN, 0, 2), *copy, *target;
    IUnknown *got = NULL;
    LONG i = 0;

    CHECK_HR(SafeArrayPutElement(psa, &i, &obj.iface), S_OK);
    CHECK_INT(obj.ref, 2);
    CHECK_HR(SafeArrayPutElement(psa, &i, &obj.iface), S_OK); /* AddRef new, Release old */
    CHECK_INT(obj.ref, 2);
    CHECK_HR(SafeArrayGetElement(psa, &i, &got), S_OK);
    CHECK(got == &obj.iface);
    CHECK_INT(obj.ref, 3);
    IUnknown_Release(got);
    CHECK_HR(SafeArrayPutElement(psa, &i, NULL), S_OK);
    CHECK_INT(obj.ref, 1);
    got = (IUnknown *)1;
    CHECK_HR(SafeArrayGetElement(psa, &i, &got), S_OK);
    CHECK(got == NULL);

    SafeArrayPutElement(psa, &i, &obj.iface);
    i = 1;
    SafeArrayPutElement(psa, &i, &obj.iface);
    CHECK_INT(obj.ref, 3);
    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_INT(obj.ref, 5);
    CHECK_INT(copy->fFeatures, FADF_HAVEIID | FADF_UNKNOWN);
    CHECK(IsEqualGUID(hidden_iid(copy), &IID_IUnknown));
    CHECK_HR(SafeArrayDestroy(copy), S_OK);
    CHECK_INT(obj.ref, 3);

    target = SafeArrayCreateVector(VT_UNKNOWN, 0, 2);
    CHECK_HR(SafeArrayCopyData(psa, target), S_OK);
    CHECK_INT(obj.ref, 5);
    CHECK_HR(SafeArrayCopyData(psa, target), S_OK); /* old target elements released */
    CHECK_INT(obj.ref, 5);
    CHECK_HR(SafeArrayDestroy(target), S_OK);
    CHECK_INT(obj.ref, 3);

    /* Redim releases what it cuts off */
    {
        SAFEARRAYBOUND nb = { 1, 0 };
        CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
        CHECK_INT(obj.ref, 2);
    }
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    CHECK_INT(obj.ref, 1);

    /* dispatch arrays too */
    psa = SafeArrayCreateVector(VT_DISPATCH, 0, 1);
    i = 0;
    CHECK_HR(SafeArrayPutElement(psa, &i, &obj.iface), S_OK);
    CHECK_INT(obj.ref, 2);
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    CHECK_INT(obj.ref, 1);
}

TEST(variant_elements)
{
    counted obj = COUNTED_INIT;
    SAFEARRAY *psa = SafeArrayCreateVector(VT_VARIANT, 0, 3), *copy;
    VARIANT v, got;
    LONG i = 0;

    VariantInit(&v);
    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = &obj.iface;
    CHECK_HR(SafeArrayPutElement(psa, &i, &v), S_OK);
    CHECK_INT(obj.ref, 2);
    VariantInit(&got);
    V_VT(&got) = VT_BSTR;
    V_BSTR(&got) = SysAllocString(u"cleared first");
    CHECK_HR(SafeArrayGetElement(psa, &i, &got), S_OK); /* VariantCopy clears *pv */
    CHECK_INT(V_VT(&got), VT_UNKNOWN);
    CHECK_INT(obj.ref, 3);
    VariantClear(&got);
    CHECK_INT(obj.ref, 2);

    i = 1;
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(u"text");
    CHECK_HR(SafeArrayPutElement(psa, &i, &v), S_OK);
    CHECK(V_BSTR(&((VARIANT *)psa->pvData)[1]) != V_BSTR(&v));
    VariantClear(&v);

    V_VT(&v) = 15; /* not a VARTYPE */
    CHECK_HR(SafeArrayPutElement(psa, &i, &v), DISP_E_BADVARTYPE);
    CHECK_INT(V_VT(&((VARIANT *)psa->pvData)[1]), VT_BSTR); /* untouched */

    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_INT(obj.ref, 3);
    CHECK_WSTR(V_BSTR(&((VARIANT *)copy->pvData)[1]), "text");
    CHECK_HR(SafeArrayDestroy(copy), S_OK);
    CHECK_INT(obj.ref, 2);

    /* a bad variant inside: Get fails, Copy skips it, Destroy succeeds */
    V_VT(&((VARIANT *)psa->pvData)[2]) = 15;
    i = 2;
    VariantInit(&got);
    CHECK_HR(SafeArrayGetElement(psa, &i, &got), DISP_E_BADVARTYPE);
    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_INT(V_VT(&((VARIANT *)copy->pvData)[2]), VT_EMPTY);
    CHECK_HR(SafeArrayDestroy(copy), S_OK);
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    CHECK_INT(obj.ref, 1);
}

TEST(record_elements)
{
    recinfo ri = make_recinfo(), ri2 = make_recinfo();
    SAFEARRAYBOUND b = { 3, 0 };
    SAFEARRAY *psa, *copy;
    IRecordInfo *out = NULL;
    rec_t r = { 7, NULL }, back = { 0, NULL };
    VARTYPE vt;
    LONG i = 1;

    CHECK(SafeArrayCreateEx(VT_RECORD, 1, &b, NULL) == NULL);
    CHECK(SafeArrayCreateVectorEx(VT_RECORD, 0, 2, NULL) == NULL);
    psa = SafeArrayCreateEx(VT_RECORD, 1, &b, &ri.iface);
    CHECK(psa != NULL);
    CHECK_INT(psa->fFeatures, FADF_RECORD);
    CHECK_INT(psa->cbElements, sizeof(rec_t));
    CHECK_INT(ri.ref, 2);
    CHECK_INT(ri.sizes, 1);
    CHECK(hidden_recinfo(psa) == &ri.iface);
    CHECK_HR(SafeArrayGetVartype(psa, &vt), S_OK);
    CHECK_INT(vt, VT_RECORD);

    r.s = SysAllocString(u"rec");
    CHECK_HR(SafeArrayPutElement(psa, &i, &r), S_OK);
    CHECK_INT(ri.copies, 1);
    CHECK_INT(ri.clears, 0);
    CHECK_HR(SafeArrayPutElement(psa, &i, &r), S_OK); /* RecordCopy frees the old field */
    CHECK_HR(SafeArrayGetElement(psa, &i, &back), S_OK);
    CHECK_INT(back.n, 7);
    CHECK(back.s != r.s);
    CHECK_WSTR(back.s, "rec");
    SysFreeString(back.s);

    CHECK_HR(SafeArrayGetRecordInfo(psa, &out), S_OK);
    CHECK(out == &ri.iface);
    CHECK_INT(ri.ref, 3);
    IRecordInfo_Release(out);
    CHECK_HR(SafeArrayGetRecordInfo(NULL, &out), E_INVALIDARG);
    CHECK_HR(SafeArrayGetRecordInfo(psa, NULL), E_INVALIDARG);

    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_INT(copy->fFeatures, FADF_RECORD);
    CHECK_INT(ri.ref, 3);
    CHECK_INT(ri.copies, 2 + 1 + 3);
    CHECK_WSTR(((rec_t *)copy->pvData)[1].s, "rec");
    CHECK_HR(SafeArrayDestroy(copy), S_OK);
    CHECK_INT(ri.clears, 3);
    CHECK_INT(ri.ref, 2);

    /* SetRecordInfo swaps references */
    CHECK_HR(SafeArraySetRecordInfo(psa, &ri2.iface), S_OK);
    CHECK_INT(ri.ref, 1);
    CHECK_INT(ri2.ref, 2);
    CHECK_HR(SafeArraySetRecordInfo(psa, &ri.iface), S_OK);
    CHECK_INT(ri2.ref, 1);
    CHECK_HR(SafeArraySetRecordInfo(NULL, &ri.iface), E_INVALIDARG);

    /* a failing RecordCopy fails Copy, Put and Get */
    ri.copy_hr = E_FAIL;
    copy = (SAFEARRAY *)1;
    CHECK_HR(SafeArrayCopy(psa, &copy), E_FAIL);
    CHECK(copy == NULL);
    CHECK_INT(ri.ref, 2); /* the failed copy's reference was dropped */
    CHECK_INT(ri.clears, 3); /* and no never-filled record was cleared */
    CHECK_HR(SafeArrayPutElement(psa, &i, &r), E_FAIL);
    CHECK_HR(SafeArrayGetElement(psa, &i, &back), E_FAIL);
    ri.copy_hr = S_OK;

    ri.clears = 0;
    CHECK_HR(SafeArrayDestroyData(psa), S_OK);
    CHECK_INT(ri.clears, 3);
    CHECK(psa->pvData == NULL);
    CHECK_HR(SafeArrayDestroyDescriptor(psa), S_OK);
    CHECK_INT(ri.ref, 1);
    SysFreeString(r.s);

    /* vectors of records: the size from GetSize, even 0 */
    psa = SafeArrayCreateVectorEx(VT_RECORD, 0, 2, &ri.iface);
    CHECK_INT(psa->fFeatures, FADF_RECORD | COMRT_FADF_CREATEVECTOR);
    CHECK_INT(psa->cbElements, sizeof(rec_t));
    ri.clears = 0;
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    CHECK_INT(ri.clears, 2);
    CHECK_INT(ri.ref, 1);
    ri.size = 0;
    psa = SafeArrayCreateVectorEx(VT_RECORD, 0, 2, &ri.iface);
    CHECK_INT(psa->cbElements, 0);
    SafeArrayDestroy(psa);
    psa = SafeArrayCreateEx(VT_RECORD, 1, &b, &ri.iface);
    CHECK_INT(psa->cbElements, 32); /* Create keeps AllocDescriptorEx's 32 */
    SafeArrayDestroy(psa);
    CHECK_INT(ri.ref, 1);
    ri.size = sizeof(rec_t);

    /* AllocDescriptorEx + SetRecordInfo + AllocData */
    CHECK_HR(SafeArrayAllocDescriptorEx(VT_RECORD, 1, &psa), S_OK);
    out = (IRecordInfo *)1;
    CHECK_HR(SafeArrayGetRecordInfo(psa, &out), S_OK);
    CHECK(out == NULL);
    CHECK_HR(SafeArraySetRecordInfo(psa, &ri.iface), S_OK);
    CHECK_INT(psa->cbElements, 32); /* SetRecordInfo leaves the size */
    psa->rgsabound[0].cElements = 2;
    CHECK_HR(SafeArrayAllocData(psa), S_OK);
    ri.clears = 0;
    CHECK_HR(SafeArrayDestroy(psa), S_OK);
    CHECK_INT(ri.clears, 2);
    CHECK_INT(ri.ref, 1);

    /* non-record arrays have no record info */
    psa = SafeArrayCreateVector(VT_I4, 0, 1);
    out = (IRecordInfo *)1;
    CHECK_HR(SafeArrayGetRecordInfo(psa, &out), E_INVALIDARG);
    CHECK(out == (IRecordInfo *)1);
    CHECK_HR(SafeArraySetRecordInfo(psa, &ri.iface), E_INVALIDARG);
    CHECK_INT(ri.ref, 1);
    SafeArrayDestroy(psa);
}

/* ---- copies ------------------------------------------------------------------------- */

TEST(copy)
{
    SAFEARRAYBOUND b[2] = { { 2, 1 }, { 3, -1 } };
    SAFEARRAY *psa = SafeArrayCreate(VT_I4, 2, b), *copy = (SAFEARRAY *)1;
    LONG *d = psa->pvData, k;
    VARTYPE vt;

    for (k = 0; k < 6; k++) d[k] = k * 11;
    CHECK_HR(SafeArrayCopy(NULL, &copy), S_OK);
    CHECK(copy == NULL);
    CHECK_HR(SafeArrayCopy(psa, NULL), E_INVALIDARG);
    CHECK_HR(SafeArrayLock(psa), S_OK); /* a locked array may be copied */
    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_HR(SafeArrayUnlock(psa), S_OK);
    CHECK_INT(copy->cDims, 2);
    CHECK_INT(copy->cLocks, 0);
    CHECK_INT(copy->fFeatures, FADF_HAVEVARTYPE);
    CHECK_HR(SafeArrayGetVartype(copy, &vt), S_OK);
    CHECK_INT(vt, VT_I4);
    CHECK(memcmp(copy->rgsabound, psa->rgsabound, 2 * sizeof(SAFEARRAYBOUND)) == 0);
    CHECK(memcmp(copy->pvData, psa->pvData, 6 * sizeof(LONG)) == 0);
    SafeArrayDestroy(copy);

    /* placement flags are not inherited */
    psa->fFeatures |= FADF_FIXEDSIZE | FADF_STATIC;
    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_INT(copy->fFeatures, FADF_HAVEVARTYPE);
    SafeArrayDestroy(copy);
    psa->fFeatures &= ~(FADF_FIXEDSIZE | FADF_STATIC);
    SafeArrayDestroy(psa);

    /* a descriptor without data still gets a (zeroed) block in the copy */
    CHECK_HR(SafeArrayAllocDescriptor(1, &psa), S_OK);
    psa->cbElements = 4;
    psa->rgsabound[0].cElements = 3;
    CHECK_HR(SafeArrayCopy(psa, &copy), S_OK);
    CHECK_INT(copy->fFeatures, 0);
    CHECK(copy->pvData != NULL);
    CHECK_INT(((LONG *)copy->pvData)[2], 0);
    SafeArrayDestroy(copy);
    SafeArrayDestroy(psa);
}

TEST(copy_data)
{
    SAFEARRAY *src = SafeArrayCreateVector(VT_I4, 0, 2), *dst, *none;
    LONG i = 1, v = 5;

    SafeArrayPutElement(src, &i, &v);
    dst = SafeArrayCreateVector(VT_I4, 0, 2);
    CHECK_HR(SafeArrayCopyData(src, dst), S_OK);
    CHECK_INT(((LONG *)dst->pvData)[1], 5);
    CHECK_HR(SafeArrayCopyData(NULL, dst), E_INVALIDARG);
    CHECK_HR(SafeArrayCopyData(src, NULL), E_INVALIDARG);
    SafeArrayDestroy(dst);

    /* the shape must match, except lower bounds */
    dst = SafeArrayCreateVector(VT_I4, 0, 3);
    CHECK_HR(SafeArrayCopyData(src, dst), E_INVALIDARG);
    SafeArrayDestroy(dst);
    dst = SafeArrayCreateVector(VT_I4, 1, 2);
    CHECK_HR(SafeArrayCopyData(src, dst), S_OK);
    SafeArrayDestroy(dst);
    dst = SafeArrayCreateVector(VT_I2, 0, 2);
    CHECK_HR(SafeArrayCopyData(src, dst), E_INVALIDARG);
    SafeArrayDestroy(dst);
    {
        SAFEARRAYBOUND b[2] = { { 2, 0 }, { 1, 0 } };
        dst = SafeArrayCreate(VT_I4, 2, b);
        CHECK_HR(SafeArrayCopyData(src, dst), E_INVALIDARG);
        SafeArrayDestroy(dst);
    }
    /* same element size, other type: the target takes the source's type */
    dst = SafeArrayCreateVector(VT_R4, 0, 2);
    CHECK_HR(SafeArrayCopyData(src, dst), S_OK);
    CHECK_INT(hidden_vt(dst), VT_I4);
    SafeArrayDestroy(dst);
    /* locks do not matter */
    dst = SafeArrayCreateVector(VT_I4, 0, 2);
    SafeArrayLock(dst);
    CHECK_HR(SafeArrayCopyData(src, dst), S_OK);
    SafeArrayUnlock(dst);
    SafeArrayDestroy(dst);
    /* a target without data is refused; a source without data copies nothing */
    CHECK_HR(SafeArrayAllocDescriptor(1, &none), S_OK);
    none->cbElements = 4;
    none->rgsabound[0].cElements = 2;
    CHECK_HR(SafeArrayCopyData(src, none), E_INVALIDARG);
    CHECK_HR(SafeArrayCopyData(none, src), S_OK);
    CHECK_INT(((LONG *)src->pvData)[1], 5);
    SafeArrayDestroy(none);
    SafeArrayDestroy(src);

    /* BSTR over doubles and back: elements released and copied by the type */
    {
        SAFEARRAY *strs = SafeArrayCreateVector(VT_BSTR, 0, 2), *dbls = SafeArrayCreateVector(VT_R8, 0, 2);
        VARTYPE vt;
        BSTR s = SysAllocString(u"s");
        i = 0;
        SafeArrayPutElement(strs, &i, s);
        SysFreeString(s);
        CHECK_HR(SafeArrayCopyData(strs, dbls), S_OK);
        CHECK_INT(dbls->fFeatures, FADF_HAVEVARTYPE | FADF_BSTR | COMRT_FADF_CREATEVECTOR);
        CHECK_HR(SafeArrayGetVartype(dbls, &vt), S_OK);
        CHECK_INT(vt, VT_BSTR);
        CHECK(((BSTR *)dbls->pvData)[0] != ((BSTR *)strs->pvData)[0]);
        CHECK_WSTR(((BSTR *)dbls->pvData)[0], "s");
        SafeArrayDestroy(dbls);
        SafeArrayDestroy(strs);
    }
}

/* ---- Redim ---------------------------------------------------------------------------- */

TEST(redim)
{
    SAFEARRAYBOUND b = { 4, 0 }, nb;
    SAFEARRAY *psa = SafeArrayCreate(VT_I4, 1, &b);
    LONG *d = psa->pvData, k;

    for (k = 0; k < 4; k++) d[k] = k + 1;
    nb.cElements = 6;
    nb.lLbound = 3;
    CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
    d = psa->pvData;
    CHECK_INT(psa->rgsabound[0].lLbound, 3);
    CHECK_INT(d[3], 4);
    CHECK_INT(d[4], 0);
    CHECK_INT(d[5], 0);
    nb.cElements = 0;
    CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
    CHECK(psa->pvData != NULL);
    nb.cElements = 2;
    CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
    CHECK_INT(((LONG *)psa->pvData)[1], 0); /* grown area is zero */
    CHECK_HR(SafeArrayRedim(NULL, &nb), E_INVALIDARG);
    CHECK_HR(SafeArrayRedim(psa, NULL), E_INVALIDARG);
    psa->fFeatures |= FADF_FIXEDSIZE;
    CHECK_HR(SafeArrayRedim(psa, &nb), DISP_E_ARRAYISLOCKED);
    psa->fFeatures &= ~FADF_FIXEDSIZE;
    /* lower bound only: same block */
    {
        void *old = psa->pvData;
        nb.lLbound = -3;
        CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
        CHECK(psa->pvData == old);
        CHECK_INT(psa->rgsabound[0].lLbound, -3);
    }
    SafeArrayDestroy(psa);

    /* more dimensions: the last bound given changes, data kept in place */
    {
        SAFEARRAYBOUND b3[3] = { { 3, 1 }, { 4, -2 }, { 5, 10 } };
        LONG idx[3] = { 2, 0, 11 }, l;
        LONG v = 77, got = 0;
        psa = SafeArrayCreate(VT_I4, 3, b3);
        SafeArrayPutElement(psa, idx, &v);
        nb.cElements = 2;
        nb.lLbound = 7;
        CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
        CHECK_HR(SafeArrayGetLBound(psa, 3, &l), S_OK);
        CHECK_INT(l, 7);
        CHECK_HR(SafeArrayGetUBound(psa, 3, &l), S_OK);
        CHECK_INT(l, 8);
        CHECK_HR(SafeArrayGetLBound(psa, 1, &l), S_OK);
        CHECK_INT(l, 1);
        idx[2] = 8; /* the same cell (19): its index moved with the bound */
        CHECK_HR(SafeArrayGetElement(psa, idx, &got), S_OK);
        CHECK_INT(got, 77);
        SafeArrayDestroy(psa);
    }

    /* BSTRs cut off are freed, grown cells are NULL (ASan checks the frees) */
    {
        SAFEARRAYBOUND b2[2] = { { 2, 0 }, { 3, 0 } };
        BSTR *s;
        psa = SafeArrayCreate(VT_BSTR, 2, b2);
        s = psa->pvData;
        for (k = 0; k < 6; k++) s[k] = SysAllocString(u"z");
        nb.cElements = 2;
        nb.lLbound = 0;
        CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
        s = psa->pvData;
        CHECK(s[3] != NULL);
        nb.cElements = 3;
        CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
        s = psa->pvData;
        CHECK(s[4] == NULL && s[5] == NULL);
        SafeArrayDestroy(psa);
    }

    /* VARIANTs cut off are cleared */
    {
        VARIANT *v;
        psa = SafeArrayCreateVector(VT_VARIANT, 0, 2);
        v = psa->pvData;
        V_VT(&v[1]) = VT_BSTR;
        V_BSTR(&v[1]) = SysAllocString(u"x");
        nb.cElements = 1;
        CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
        CHECK_INT(V_VT(&v[1]), VT_EMPTY);
        /* a vector grows out of its block */
        nb.cElements = 8;
        CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
        CHECK((char *)psa->pvData - (char *)psa != 32);
        CHECK_INT(psa->fFeatures & COMRT_FADF_CREATEVECTOR, COMRT_FADF_CREATEVECTOR);
        CHECK_HR(SafeArrayDestroy(psa), S_OK);
    }

    /* a descriptor without data: only the bound changes */
    CHECK_HR(SafeArrayAllocDescriptor(1, &psa), S_OK);
    psa->cbElements = 4;
    psa->rgsabound[0].cElements = 2;
    nb.cElements = 4;
    CHECK_HR(SafeArrayRedim(psa, &nb), S_OK);
    CHECK(psa->pvData == NULL);
    CHECK_INT(psa->rgsabound[0].cElements, 4);
    SafeArrayDestroy(psa);
}

/* ---- caller-owned memory ------------------------------------------------------------- */

TEST(static_arrays)
{
    /* a stack descriptor over stack data, the way VB and hosts build them */
    struct {
        SAFEARRAY sa;
    } desc;
    BSTR data[3] = { NULL, NULL, NULL };
    SAFEARRAYBOUND nb = { 2, 0 };
    LONG i = 0;
    BSTR got = NULL;

    memset(&desc, 0, sizeof desc);
    desc.sa.cDims = 1;
    desc.sa.fFeatures = FADF_STATIC | FADF_BSTR;
    desc.sa.cbElements = sizeof(BSTR);
    desc.sa.pvData = data;
    desc.sa.rgsabound[0].cElements = 3;
    got = SysAllocString(u"one");
    CHECK_HR(SafeArrayPutElement(&desc.sa, &i, got), S_OK);
    SysFreeString(got);
    got = NULL;
    CHECK_HR(SafeArrayGetElement(&desc.sa, &i, &got), S_OK);
    CHECK_WSTR(got, "one");
    SysFreeString(got);
    /* shrinking in place is fine; growing is not (the memory is not ours) */
    CHECK_HR(SafeArrayRedim(&desc.sa, &nb), S_OK);
    nb.cElements = 3;
    CHECK_HR(SafeArrayRedim(&desc.sa, &nb), DISP_E_ARRAYISLOCKED);
    /* DestroyData releases and zeroes, but keeps the caller's block */
    CHECK_HR(SafeArrayDestroyData(&desc.sa), S_OK);
    CHECK(desc.sa.pvData == data);
    CHECK(data[0] == NULL);
    /* a copy is an ordinary heap array */
    {
        SAFEARRAY *copy;
        CHECK_HR(SafeArrayCopy(&desc.sa, &copy), S_OK);
        CHECK_INT(copy->fFeatures, FADF_BSTR);
        CHECK_HR(SafeArrayDestroy(copy), S_OK);
    }
    /* CopyData into a descriptor without the hidden area takes only flags */
    {
        SAFEARRAY *src = SafeArrayCreateVector(VT_BSTR, 0, 2);
        i = 1;
        SafeArrayPutElement(src, &i, NULL);
        CHECK_HR(SafeArrayCopyData(src, &desc.sa), S_OK);
        CHECK_INT(desc.sa.fFeatures, FADF_STATIC | FADF_BSTR);
        CHECK(data[1] != NULL);
        CHECK_HR(SafeArrayDestroyData(&desc.sa), S_OK);
        SafeArrayDestroy(src);
    }
    {
        recinfo ri = make_recinfo();
        SAFEARRAY *src = SafeArrayCreateVectorEx(VT_RECORD, 0, 1, &ri.iface);
        desc.sa.cbElements = src->cbElements;
        desc.sa.rgsabound[0].cElements = 1;
        CHECK_HR(SafeArrayCopyData(src, &desc.sa), E_INVALIDARG);
        SafeArrayDestroy(src);
        CHECK_INT(ri.ref, 1);
    }
}

int main(void)
{
    RUN(alloc_descriptor);
    RUN(alloc_descriptor_ex_layout);
    RUN(create_types);
    RUN(create_ex_iid);
    RUN(bounds_order);
    RUN(empty_and_edge_bounds);
    RUN(size_caps);
    RUN(locks);
    RUN(scalar_elements);
    RUN(bstr_elements);
    RUN(interface_elements);
    RUN(variant_elements);
    RUN(record_elements);
    RUN(copy);
    RUN(copy_data);
    RUN(redim);
    RUN(static_arrays);
    return comrt_test_summary();
}
