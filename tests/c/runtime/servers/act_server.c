/*
 * act_server.c — the in-process server test_activation.c activates: one
 * class per ThreadingModel (Apartment, Free, Both, Neutral, none), each a
 * class factory making a tiny IDispatch object whose members report where
 * it runs: DISPID 1 the thread id (GetCurrentThreadId) of the call, DISPID 2
 * the apartment type (CoGetApartmentType) of that thread, DISPID 3 the
 * server's live count (objects + factory references + locks), DISPID 4 the
 * thread id the object was created on.  DllCanUnloadNow answers by that
 * count; DllRegisterServer / DllUnregisterServer write and remove the
 * classes' keys through Reg*, with this file's own path (dladdr).
 *
 * Written against <comrt.h> only and linked to the shared libcomrt, as a
 * real server is.
 */
#define COBJMACROS
#include <comrt.h>

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))
#ifndef SELFREG_E_CLASS
#define SELFREG_E_CLASS ((HRESULT)0x80040201)
#endif

/* {A0C7A0C7-0000-4000-8000-00000000000N}, N = 1..5 (see models[]). */
#define N_CLASSES 5
static const char *const models[N_CLASSES] = {"Apartment", "Free", "Both", "Neutral", NULL};

static LONG live; /* objects + factory references + LockServer(TRUE)s */

static void clsid_of(int i, CLSID *out)
{
    CLSID c = {0xA0C7A0C7, 0, 0x4000, {0x80, 0, 0, 0, 0, 0, 0, (unsigned char)(i + 1)}};
    *out = c;
}

/* ---- the object ----------------------------------------------------------- */

typedef struct {
    IDispatch IDispatch_iface;
    LONG ref;
    DWORD created_tid;
} act_obj;

static act_obj *impl(IDispatch *iface)
{
    return CONTAINING_RECORD(iface, act_obj, IDispatch_iface);
}

static HRESULT STDMETHODCALLTYPE obj_QueryInterface(IDispatch *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch)) {
        *ppv = iface;
        IDispatch_AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE obj_AddRef(IDispatch *iface)
{
    return (ULONG)__atomic_add_fetch(&impl(iface)->ref, 1, __ATOMIC_RELAXED);
}

static ULONG STDMETHODCALLTYPE obj_Release(IDispatch *iface)
{
    act_obj *o = impl(iface);
    LONG r = __atomic_sub_fetch(&o->ref, 1, __ATOMIC_ACQ_REL);
    if (r == 0) {
        free(o);
        __atomic_sub_fetch(&live, 1, __ATOMIC_ACQ_REL);
    }
    return (ULONG)r;
}

static HRESULT STDMETHODCALLTYPE obj_GetTypeInfoCount(IDispatch *iface, UINT *pctinfo)
{
    if (!pctinfo) return E_INVALIDARG;
    *pctinfo = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE obj_GetTypeInfo(IDispatch *iface, UINT i, LCID lcid, ITypeInfo **ppti)
{
    if (ppti) *ppti = NULL;
    return DISP_E_BADINDEX;
}

static HRESULT STDMETHODCALLTYPE obj_GetIDsOfNames(IDispatch *iface, REFIID riid, LPOLESTR *names, UINT n, LCID lcid,
                                                   DISPID *ids)
{
    UINT i;
    for (i = 0; i < n; i++) ids[i] = DISPID_UNKNOWN;
    return DISP_E_UNKNOWNNAME;
}

static HRESULT STDMETHODCALLTYPE obj_Invoke(IDispatch *iface, DISPID id, REFIID riid, LCID lcid, WORD flags,
                                            DISPPARAMS *dp, VARIANT *result, EXCEPINFO *ei, UINT *argerr)
{
    APTTYPE type = APTTYPE_CURRENT;
    APTTYPEQUALIFIER q;
    LONG value;

    switch (id) {
    case 1: value = (LONG)GetCurrentThreadId(); break;
    case 2:
        if (FAILED(CoGetApartmentType(&type, &q))) type = APTTYPE_CURRENT;
        value = (LONG)type;
        break;
    case 3: value = __atomic_load_n(&live, __ATOMIC_ACQUIRE); break;
    case 4: value = (LONG)impl(iface)->created_tid; break;
    default: return DISP_E_MEMBERNOTFOUND;
    }
    if (result) {
        VariantInit(result);
        V_VT(result) = VT_I4;
        V_I4(result) = value;
    }
    return S_OK;
}

static const IDispatchVtbl obj_vtbl = {obj_QueryInterface, obj_AddRef, obj_Release, obj_GetTypeInfoCount,
                                       obj_GetTypeInfo, obj_GetIDsOfNames, obj_Invoke};

/* ---- the class factories (static, one per class) ----------------------------- */

static HRESULT STDMETHODCALLTYPE cf_QueryInterface(IClassFactory *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (!riid) return E_INVALIDARG;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IClassFactory)) {
        *ppv = iface;
        IClassFactory_AddRef(iface);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

/* A static factory's references keep the server loaded, as a lock does. */
static ULONG STDMETHODCALLTYPE cf_AddRef(IClassFactory *iface)
{
    __atomic_add_fetch(&live, 1, __ATOMIC_RELAXED);
    return 2;
}

static ULONG STDMETHODCALLTYPE cf_Release(IClassFactory *iface)
{
    __atomic_sub_fetch(&live, 1, __ATOMIC_ACQ_REL);
    return 1;
}

static HRESULT STDMETHODCALLTYPE cf_CreateInstance(IClassFactory *iface, IUnknown *outer, REFIID riid, void **ppv)
{
    act_obj *o;
    HRESULT hr;

    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (outer) return CLASS_E_NOAGGREGATION;
    o = calloc(1, sizeof *o);
    if (!o) return E_OUTOFMEMORY;
    o->IDispatch_iface.lpVtbl = &obj_vtbl;
    o->ref = 1;
    o->created_tid = GetCurrentThreadId();
    __atomic_add_fetch(&live, 1, __ATOMIC_RELAXED);
    hr = obj_QueryInterface(&o->IDispatch_iface, riid, ppv);
    obj_Release(&o->IDispatch_iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE cf_LockServer(IClassFactory *iface, BOOL lock)
{
    if (lock)
        __atomic_add_fetch(&live, 1, __ATOMIC_RELAXED);
    else
        __atomic_sub_fetch(&live, 1, __ATOMIC_ACQ_REL);
    return S_OK;
}

static const IClassFactoryVtbl cf_vtbl = {cf_QueryInterface, cf_AddRef, cf_Release, cf_CreateInstance,
                                          cf_LockServer};
static IClassFactory factories[N_CLASSES] = {{&cf_vtbl}, {&cf_vtbl}, {&cf_vtbl}, {&cf_vtbl}, {&cf_vtbl}};

/* ---- exports --------------------------------------------------------------------- */

EXPORT HRESULT DllGetClassObject(REFCLSID rclsid, REFIID riid, LPVOID *ppv)
{
    int i;
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    for (i = 0; i < N_CLASSES; i++) {
        CLSID c;
        clsid_of(i, &c);
        if (IsEqualCLSID(rclsid, &c)) return cf_QueryInterface(&factories[i], riid, ppv);
    }
    return CLASS_E_CLASSNOTAVAILABLE;
}

EXPORT HRESULT DllCanUnloadNow(void)
{
    return __atomic_load_n(&live, __ATOMIC_ACQUIRE) == 0 ? S_OK : S_FALSE;
}

/* "CLSID\{...}" for class i, in out (64 units). */
static void key_path(int i, WCHAR *out)
{
    CLSID c;
    clsid_of(i, &c);
    memcpy(out, u"CLSID\\", 7 * sizeof(WCHAR));
    StringFromGUID2(&c, out + 6, 58);
}

static LONG set_string(HKEY k, const WCHAR *name, const char *value)
{
    WCHAR w[4096];
    size_t n = 0;
    /* The test paths are ASCII: widen byte by byte. */
    for (; value[n] && n < 4095; n++) w[n] = (WCHAR)(unsigned char)value[n];
    w[n] = 0;
    return RegSetValueExW(k, name, 0, REG_SZ, (const BYTE *)w, (DWORD)((n + 1) * sizeof(WCHAR)));
}

EXPORT HRESULT DllRegisterServer(void)
{
    Dl_info info;
    int i;

    if (!dladdr((void *)DllRegisterServer, &info) || !info.dli_fname) return SELFREG_E_CLASS;
    for (i = 0; i < N_CLASSES; i++) {
        WCHAR path[80];
        HKEY k = NULL, inproc = NULL;
        LONG r;
        key_path(i, path);
        r = RegCreateKeyExW(HKEY_CLASSES_ROOT, path, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL);
        if (r == ERROR_SUCCESS) r = set_string(k, NULL, "comrt activation test class");
        if (r == ERROR_SUCCESS)
            r = RegCreateKeyExW(k, u"InprocServer32", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &inproc, NULL);
        if (r == ERROR_SUCCESS) r = set_string(inproc, NULL, info.dli_fname);
        if (r == ERROR_SUCCESS && models[i]) r = set_string(inproc, u"ThreadingModel", models[i]);
        if (inproc) RegCloseKey(inproc);
        if (k) RegCloseKey(k);
        if (r != ERROR_SUCCESS) return SELFREG_E_CLASS;
    }
    return S_OK;
}

EXPORT HRESULT DllUnregisterServer(void)
{
    int i;
    for (i = 0; i < N_CLASSES; i++) {
        WCHAR path[80];
        LONG r;
        key_path(i, path);
        r = RegDeleteTreeW(HKEY_CLASSES_ROOT, path);
        if (r != ERROR_SUCCESS && r != ERROR_FILE_NOT_FOUND) return SELFREG_E_CLASS;
        RegDeleteKeyW(HKEY_CLASSES_ROOT, path);
    }
    return S_OK;
}
