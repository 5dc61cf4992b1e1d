/*
 * runtime/aptproxy_std.c — proxy signatures and vtables of the standard
 * interfaces: IUnknown, IDispatch, IClassFactory, IEnumVARIANT, IEnumUnknown,
 * the connection-point interfaces (ocidl.h), IProvideClassInfo(2) and
 * ISupportErrorInfo.
 *
 * Each method is a table row saying which arguments carry interfaces or
 * VARIANTs, and a one-line stub that hands its argument addresses to
 * comrt__ap_invoke_hr — the same path the libffi closures of
 * type-library-described interfaces take.  ITypeInfo results
 * (IDispatch::GetTypeInfo, IProvideClassInfo::GetClassInfo) pass as they
 * are: comrt's type-library objects are free-threaded, and a type
 * description is data, not an object with an apartment.
 */
#define COBJMACROS
#include <pthread.h>
#include <string.h>

#include "runtime/aptproxy_internal.h"

#define P_VAL(t) { AP_VAL, -1, -1, NULL, &ffi_type_##t }
#define P_IN(i) { AP_IN_ITF, -1, -1, &i, &ffi_type_pointer }
#define P_OUT(i) { AP_OUT_ITF, -1, -1, &i, &ffi_type_pointer }
#define P_KIND(k, a, b, i) { k, a, b, i, &ffi_type_pointer }

#define M(params) { sizeof params / sizeof params[0], params, TRUE, NULL, { 0 }, NULL }
#define M0 { 0, NULL, TRUE, NULL, { 0 }, NULL }
#define UNK3 { 0 }, { 0 }, { 0 }

/* ---- parameter lists ------------------------------------------------------ */

static const ap_param p_ptr[] = { P_VAL(pointer) };
static const ap_param p_u32[] = { P_VAL(uint32) };
/* IDispatch */
static const ap_param p_gettypeinfo[] = { P_VAL(uint32), P_VAL(uint32), P_VAL(pointer) };
static const ap_param p_getids[] = { P_VAL(pointer), P_VAL(pointer), P_VAL(uint32), P_VAL(uint32),
                                     P_VAL(pointer) };
static const ap_param p_invoke[] = {
    P_VAL(sint32), P_VAL(pointer), P_VAL(uint32), P_VAL(uint16),
    P_KIND(AP_DISPPARAMS, -1, -1, NULL), P_KIND(AP_OUT_PVARIANT, -1, -1, NULL),
    P_VAL(pointer), P_VAL(pointer),
};
/* IClassFactory */
static const ap_param p_createinstance[] = { P_IN(IID_IUnknown), P_VAL(pointer),
                                             P_KIND(AP_OUT_ITF, 1, -1, NULL) };
/* enumerators */
static const ap_param p_next_variant[] = { P_VAL(uint32), P_KIND(AP_OUT_VARIANTS, 0, 2, NULL), P_VAL(pointer) };
static const ap_param p_next_unknown[] = { P_VAL(uint32), P_KIND(AP_OUT_ITFS, 0, 2, &IID_IUnknown),
                                           P_VAL(pointer) };
static const ap_param p_next_cp[] = { P_VAL(uint32), P_KIND(AP_OUT_ITFS, 0, 2, &IID_IConnectionPoint),
                                      P_VAL(pointer) };
static const ap_param p_next_cd[] = { P_VAL(uint32), P_KIND(AP_OUT_CONNECTDATA, 0, 2, NULL), P_VAL(pointer) };
static const ap_param p_clone_variant[] = { P_OUT(IID_IEnumVARIANT) };
static const ap_param p_clone_unknown[] = { P_OUT(IID_IEnumUnknown) };
static const ap_param p_clone_cp[] = { P_OUT(IID_IEnumConnectionPoints) };
static const ap_param p_clone_cd[] = { P_OUT(IID_IEnumConnections) };
/* IConnectionPoint(Container) */
static const ap_param p_getcpc[] = { P_OUT(IID_IConnectionPointContainer) };
static const ap_param p_advise[] = { P_IN(IID_IUnknown), P_VAL(pointer) };
static const ap_param p_enumconn[] = { P_OUT(IID_IEnumConnections) };
static const ap_param p_enumcps[] = { P_OUT(IID_IEnumConnectionPoints) };
static const ap_param p_findcp[] = { P_VAL(pointer), P_OUT(IID_IConnectionPoint) };
/* IProvideClassInfo2 */
static const ap_param p_getguid[] = { P_VAL(uint32), P_VAL(pointer) };

/* ---- method tables (cifs prepared once, by std_init) ---------------------- */

static ap_method m_unknown[3] = { UNK3 };
static ap_method m_dispatch[7] = { UNK3, M(p_ptr), M(p_gettypeinfo), M(p_getids), M(p_invoke) };
static ap_method m_classfactory[5] = { UNK3, M(p_createinstance), M(p_u32) };
static ap_method m_enumvariant[7] = { UNK3, M(p_next_variant), M(p_u32), M0, M(p_clone_variant) };
static ap_method m_enumunknown[7] = { UNK3, M(p_next_unknown), M(p_u32), M0, M(p_clone_unknown) };
static ap_method m_enumcps[7] = { UNK3, M(p_next_cp), M(p_u32), M0, M(p_clone_cp) };
static ap_method m_enumconns[7] = { UNK3, M(p_next_cd), M(p_u32), M0, M(p_clone_cd) };
static ap_method m_cp[8] = { UNK3, M(p_ptr), M(p_getcpc), M(p_advise), M(p_u32), M(p_enumconn) };
static ap_method m_cpc[5] = { UNK3, M(p_enumcps), M(p_findcp) };
static ap_method m_pci[4] = { UNK3, M(p_ptr) };
static ap_method m_pci2[5] = { UNK3, M(p_ptr), M(p_getguid) };
static ap_method m_sei[4] = { UNK3, M(p_ptr) };

/* ---- stubs ----------------------------------------------------------------- */

#define CALL(slot, ...)                                                        \
    do {                                                                       \
        void *args_[] = { __VA_ARGS__ };                                       \
        return comrt__ap_invoke_hr(This, slot, args_);                         \
    } while (0)
#define CALL0(slot) return comrt__ap_invoke_hr(This, slot, NULL)

static HRESULT STDMETHODCALLTYPE disp_GetTypeInfoCount(IDispatch *This, UINT *pctinfo) { CALL(3, &pctinfo); }
static HRESULT STDMETHODCALLTYPE disp_GetTypeInfo(IDispatch *This, UINT i, LCID lcid, ITypeInfo **pp)
{
    CALL(4, &i, &lcid, &pp);
}
static HRESULT STDMETHODCALLTYPE disp_GetIDsOfNames(IDispatch *This, REFIID riid, LPOLESTR *names, UINT c,
                                                    LCID lcid, DISPID *ids)
{
    CALL(5, &riid, &names, &c, &lcid, &ids);
}
static HRESULT STDMETHODCALLTYPE disp_Invoke(IDispatch *This, DISPID id, REFIID riid, LCID lcid, WORD flags,
                                             DISPPARAMS *dp, VARIANT *res, EXCEPINFO *ei, UINT *argerr)
{
    CALL(6, &id, &riid, &lcid, &flags, &dp, &res, &ei, &argerr);
}

static HRESULT STDMETHODCALLTYPE cf_CreateInstance(IClassFactory *This, IUnknown *outer, REFIID riid, void **ppv)
{
    CALL(3, &outer, &riid, &ppv);
}
static HRESULT STDMETHODCALLTYPE cf_LockServer(IClassFactory *This, BOOL lock) { CALL(4, &lock); }

/* The four enumerators share their shapes: Next(ULONG, T*, ULONG*),
 * Skip(ULONG), Reset(), Clone(E**). */
static HRESULT STDMETHODCALLTYPE en_Next(IUnknown *This, ULONG celt, void *rg, ULONG *fetched)
{
    CALL(3, &celt, &rg, &fetched);
}
static HRESULT STDMETHODCALLTYPE en_Skip(IUnknown *This, ULONG celt) { CALL(4, &celt); }
static HRESULT STDMETHODCALLTYPE en_Reset(IUnknown *This) { CALL0(5); }
static HRESULT STDMETHODCALLTYPE en_Clone(IUnknown *This, void **pp) { CALL(6, &pp); }

static HRESULT STDMETHODCALLTYPE cp_GetConnectionInterface(IConnectionPoint *This, IID *piid) { CALL(3, &piid); }
static HRESULT STDMETHODCALLTYPE cp_GetConnectionPointContainer(IConnectionPoint *This,
                                                                IConnectionPointContainer **pp)
{
    CALL(4, &pp);
}
static HRESULT STDMETHODCALLTYPE cp_Advise(IConnectionPoint *This, IUnknown *sink, DWORD *cookie)
{
    CALL(5, &sink, &cookie);
}
static HRESULT STDMETHODCALLTYPE cp_Unadvise(IConnectionPoint *This, DWORD cookie) { CALL(6, &cookie); }
static HRESULT STDMETHODCALLTYPE cp_EnumConnections(IConnectionPoint *This, IEnumConnections **pp)
{
    CALL(7, &pp);
}

static HRESULT STDMETHODCALLTYPE cpc_EnumConnectionPoints(IConnectionPointContainer *This,
                                                          IEnumConnectionPoints **pp)
{
    CALL(3, &pp);
}
static HRESULT STDMETHODCALLTYPE cpc_FindConnectionPoint(IConnectionPointContainer *This, REFIID riid,
                                                         IConnectionPoint **pp)
{
    CALL(4, &riid, &pp);
}

static HRESULT STDMETHODCALLTYPE pci_GetClassInfo(IProvideClassInfo2 *This, ITypeInfo **pp) { CALL(3, &pp); }
static HRESULT STDMETHODCALLTYPE pci_GetGUID(IProvideClassInfo2 *This, DWORD kind, GUID *pguid)
{
    CALL(4, &kind, &pguid);
}

static HRESULT STDMETHODCALLTYPE sei_InterfaceSupportsErrorInfo(ISupportErrorInfo *This, REFIID riid)
{
    CALL(3, &riid);
}

/* ---- vtables ----------------------------------------------------------------
 * Stored as arrays of slots (each a function pointer kept as void *, as
 * vtables are), which the type-library signatures copy from. */

#define IUNK (void *)comrt__ap_QueryInterface, (void *)comrt__ap_AddRef, (void *)comrt__ap_Release

static void *const v_unknown[] = { IUNK };
void *const comrt__ap_dispatch_stubs[7] = { IUNK, (void *)disp_GetTypeInfoCount, (void *)disp_GetTypeInfo,
                                            (void *)disp_GetIDsOfNames, (void *)disp_Invoke };
static void *const v_classfactory[] = { IUNK, (void *)cf_CreateInstance, (void *)cf_LockServer };
static void *const v_enum[] = { IUNK, (void *)en_Next, (void *)en_Skip, (void *)en_Reset, (void *)en_Clone };
static void *const v_cp[] = { IUNK, (void *)cp_GetConnectionInterface, (void *)cp_GetConnectionPointContainer,
                              (void *)cp_Advise, (void *)cp_Unadvise, (void *)cp_EnumConnections };
static void *const v_cpc[] = { IUNK, (void *)cpc_EnumConnectionPoints, (void *)cpc_FindConnectionPoint };
static void *const v_pci[] = { IUNK, (void *)pci_GetClassInfo, (void *)pci_GetGUID };
static void *const v_sei[] = { IUNK, (void *)sei_InterfaceSupportsErrorInfo };

#define SIG(m, v) { sizeof m / sizeof m[0], m, v }

static ap_sig s_unknown = SIG(m_unknown, v_unknown);
static ap_sig s_dispatch = SIG(m_dispatch, comrt__ap_dispatch_stubs);
static ap_sig s_classfactory = SIG(m_classfactory, v_classfactory);
static ap_sig s_enumvariant = SIG(m_enumvariant, v_enum);
static ap_sig s_enumunknown = SIG(m_enumunknown, v_enum);
static ap_sig s_enumcps = SIG(m_enumcps, v_enum);
static ap_sig s_enumconns = SIG(m_enumconns, v_enum);
static ap_sig s_cp = SIG(m_cp, v_cp);
static ap_sig s_cpc = SIG(m_cpc, v_cpc);
static ap_sig s_pci = { 4, m_pci, v_pci }; /* IProvideClassInfo: the first 4 slots of v_pci */
static ap_sig s_pci2 = SIG(m_pci2, v_pci);
static ap_sig s_sei = SIG(m_sei, v_sei);

static const struct {
    const IID *iid;
    ap_sig *sig;
} std_sigs[] = {
    { &IID_IUnknown, &s_unknown },
    { &IID_IDispatch, &s_dispatch },
    { &IID_IClassFactory, &s_classfactory },
    { &IID_IEnumVARIANT, &s_enumvariant },
    { &IID_IEnumUnknown, &s_enumunknown },
    { &IID_IEnumConnectionPoints, &s_enumcps },
    { &IID_IEnumConnections, &s_enumconns },
    { &IID_IConnectionPoint, &s_cp },
    { &IID_IConnectionPointContainer, &s_cpc },
    { &IID_IProvideClassInfo, &s_pci },
    { &IID_IProvideClassInfo2, &s_pci2 },
    { &IID_ISupportErrorInfo, &s_sei },
};

static pthread_once_t std_once = PTHREAD_ONCE_INIT;
static ffi_type *std_types[sizeof std_sigs / sizeof std_sigs[0]][8][1 + 8];
static BOOL std_ok;

/* Prepares every method's cif: `this`, then the parameters, returning an
 * HRESULT.  Only fails if libffi refuses a plain signature. */
static void std_init(void)
{
    BOOL ok = TRUE;
    for (size_t s = 0; s < sizeof std_sigs / sizeof std_sigs[0]; s++) {
        ap_sig *sig = std_sigs[s].sig;
        for (unsigned i = 3; i < sig->nslots; i++) {
            ap_method *m = &sig->methods[i];
            if (m->types) /* shared table (IProvideClassInfo and 2) */
                continue;
            m->types = std_types[s][i];
            m->types[0] = &ffi_type_pointer;
            for (unsigned j = 0; j < m->nparams; j++)
                m->types[1 + j] = m->params[j].type;
            m->rtype = &ffi_type_sint32;
            if (ffi_prep_cif(&m->cif, FFI_DEFAULT_ABI, 1 + m->nparams, m->rtype, m->types) != FFI_OK)
                ok = FALSE;
        }
    }
    std_ok = ok;
}

/* The standard signature for riid, or NULL (also when libffi failed). */
const ap_sig *comrt__ap_std_sig(REFIID riid)
{
    pthread_once(&std_once, std_init);
    if (!std_ok)
        return NULL;
    for (size_t s = 0; s < sizeof std_sigs / sizeof std_sigs[0]; s++)
        if (IsEqualIID(riid, std_sigs[s].iid))
            return std_sigs[s].sig;
    return NULL;
}

/* IDispatch's signature (prepared), or NULL if libffi failed. */
const ap_sig *comrt__ap_dispatch_sig(void)
{
    return comrt__ap_std_sig(&IID_IDispatch);
}
