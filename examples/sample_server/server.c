/*
 * examples/sample_server/server.c — the module side of the sample in-process
 * server: the four exports every COM DLL has (DllGetClassObject,
 * DllCanUnloadNow, DllRegisterServer, DllUnregisterServer), the Shop class
 * factory, and the helpers the objects share (type information, rich
 * errors).  The code is what an ATL-less server in C looks like on Windows;
 * the Linux-specific parts are marked: the server finds its own file with
 * dladdr() where Windows code calls GetModuleFileName(hInstance), and paths
 * are Unix paths.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* ---- Module lifetime ---------------------------------------------------- */

/* Objects alive plus LockServer(TRUE) calls not yet undone. */
static LONG g_cModuleRefs;

void Sample_ModuleAddRef(void)
{
    __atomic_add_fetch(&g_cModuleRefs, 1, __ATOMIC_SEQ_CST);
}

void Sample_ModuleRelease(void)
{
    __atomic_sub_fetch(&g_cModuleRefs, 1, __ATOMIC_SEQ_CST);
}

/* ---- Small UTF-16 helpers (the SDK would use StringCchCat & co.) ---------- */

static size_t wlen(const OLECHAR *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* Appends src to dst (capacity cch, NUL included); FALSE when it does not fit. */
static BOOL wcat(OLECHAR *dst, size_t cch, const OLECHAR *src)
{
    size_t n = wlen(dst), m = wlen(src);
    if (n + m + 1 > cch) return FALSE;
    memcpy(dst + n, src, (m + 1) * sizeof(OLECHAR));
    return TRUE;
}

/* UTF-8 (a file name from dladdr) to UTF-16 in dst[cch]; FALSE on bad input
 * or when it does not fit. */
static BOOL utf8_to_utf16(const char *src, OLECHAR *dst, size_t cch)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t n = 0;
    while (*s) {
        uint32_t c;
        int extra;
        if (*s < 0x80) { c = *s; extra = 0; }
        else if ((*s & 0xE0) == 0xC0) { c = *s & 0x1F; extra = 1; }
        else if ((*s & 0xF0) == 0xE0) { c = *s & 0x0F; extra = 2; }
        else if ((*s & 0xF8) == 0xF0) { c = *s & 0x07; extra = 3; }
        else return FALSE;
        s++;
        for (int i = 0; i < extra; i++, s++) {
            if ((*s & 0xC0) != 0x80) return FALSE;
            c = (c << 6) | (*s & 0x3F);
        }
        if (c >= 0x10000) {
            if (c > 0x10FFFF || n + 2 >= cch) return FALSE;
            c -= 0x10000;
            dst[n++] = (OLECHAR)(0xD800 + (c >> 10));
            dst[n++] = (OLECHAR)(0xDC00 + (c & 0x3FF));
        } else {
            if (n + 1 >= cch) return FALSE;
            dst[n++] = (OLECHAR)c;
        }
    }
    dst[n] = 0;
    return TRUE;
}

/* ---- Where this server lives (Linux: dladdr; Windows: GetModuleFileName) -- */

#define SAMPLE_MAX_PATH 4096

/* pszPath[cch] receives this shared object's full path, pszTlb[cch] the
 * path of sample.tlb beside it.  E_FAIL when dladdr cannot tell. */
static HRESULT get_module_paths(OLECHAR *pszPath, OLECHAR *pszTlb, size_t cch)
{
    HRESULT hr = E_FAIL;
    Dl_info info;
    char *real = NULL;
    size_t n;

    if (!dladdr((void *)&DllGetClassObject, &info) || !info.dli_fname) goto out;
    /* The registry needs an absolute path: dli_fname is the name dlopen got. */
    real = realpath(info.dli_fname, NULL);
    if (!real || !utf8_to_utf16(real, pszPath, cch) || !utf8_to_utf16(real, pszTlb, cch)) goto out;
    n = wlen(pszTlb);
    while (n > 0 && pszTlb[n - 1] != '/') n--;
    pszTlb[n] = 0;
    if (!wcat(pszTlb, cch, OLESTR("sample.tlb"))) goto out;
    hr = S_OK;
out:
    free(real);
    return hr;
}

/* ---- Type information and rich errors ------------------------------------ */

HRESULT Sample_GetTypeInfo(REFGUID guid, ITypeInfo **ppTI)
{
    HRESULT hr;
    ITypeLib *pTL = NULL;
    OLECHAR path[SAMPLE_MAX_PATH], tlb[SAMPLE_MAX_PATH];

    /* The registered library first, as ATL's CComTypeInfoHolder does ... */
    hr = LoadRegTypeLib(&LIBID_ComrtSample, 1, 0, LANG_NEUTRAL, &pTL);
    if (FAILED(hr)) {
        /* ... then the file beside the server, so the object also works
         * before (or without) DllRegisterServer. */
        hr = get_module_paths(path, tlb, SAMPLE_MAX_PATH);
        if (FAILED(hr)) goto out;
        hr = LoadTypeLibEx(tlb, REGKIND_NONE, &pTL);
        if (FAILED(hr)) goto out;
    }
    hr = ITypeLib_GetTypeInfoOfGuid(pTL, guid, ppTI);
out:
    if (pTL) ITypeLib_Release(pTL);
    return hr;
}

HRESULT Sample_Error(HRESULT hr, REFIID iid, const OLECHAR *pszDescription)
{
    ICreateErrorInfo *pCEI = NULL;
    IErrorInfo *pEI = NULL;

    /* Failing to record the details must not change the error itself. */
    if (FAILED(CreateErrorInfo(&pCEI))) return hr;
    ICreateErrorInfo_SetGUID(pCEI, iid);
    ICreateErrorInfo_SetSource(pCEI, (LPOLESTR)OLESTR("ComrtSample.Shop"));
    ICreateErrorInfo_SetDescription(pCEI, (LPOLESTR)pszDescription);
    if (SUCCEEDED(ICreateErrorInfo_QueryInterface(pCEI, &IID_IErrorInfo, (void **)&pEI))) {
        SetErrorInfo(0, pEI);
        IErrorInfo_Release(pEI);
    }
    ICreateErrorInfo_Release(pCEI);
    return hr;
}

/* ---- The class factory --------------------------------------------------- */

/* One static factory; holding it keeps the module loaded (as a lock does). */
static HRESULT STDMETHODCALLTYPE Factory_QueryInterface(IClassFactory *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IClassFactory)) {
        *ppv = This;
        IClassFactory_AddRef(This);
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE Factory_AddRef(IClassFactory *This)
{
    Sample_ModuleAddRef();
    return 2; /* static object: the count means nothing to callers */
}

static ULONG STDMETHODCALLTYPE Factory_Release(IClassFactory *This)
{
    Sample_ModuleRelease();
    return 1;
}

static HRESULT STDMETHODCALLTYPE Factory_CreateInstance(IClassFactory *This, IUnknown *pUnkOuter, REFIID riid,
                                                        void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (pUnkOuter) return CLASS_E_NOAGGREGATION;
    return Shop_Create(riid, ppv);
}

static HRESULT STDMETHODCALLTYPE Factory_LockServer(IClassFactory *This, BOOL fLock)
{
    if (fLock)
        Sample_ModuleAddRef();
    else
        Sample_ModuleRelease();
    return S_OK;
}

static const IClassFactoryVtbl Factory_Vtbl = {
    Factory_QueryInterface, Factory_AddRef, Factory_Release, Factory_CreateInstance, Factory_LockServer,
};
static IClassFactory g_ShopFactory = {&Factory_Vtbl};

/* ---- The exports ---------------------------------------------------------- */

/* *ppv receives riid on the class object of rclsid (caller Releases);
 * CLASS_E_CLASSNOTAVAILABLE for a class this server does not implement. */
STDAPI DllGetClassObject(REFCLSID rclsid, REFIID riid, LPVOID *ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!IsEqualCLSID(rclsid, &CLSID_Shop)) return CLASS_E_CLASSNOTAVAILABLE;
    return IClassFactory_QueryInterface(&g_ShopFactory, riid, ppv);
}

/* S_OK when no object is alive and no lock is held: COM may dlclose us. */
STDAPI DllCanUnloadNow(void)
{
    return __atomic_load_n(&g_cModuleRefs, __ATOMIC_SEQ_CST) == 0 ? S_OK : S_FALSE;
}

/* HKCR\<pszSubKey> (created if needed) gets the value pszName (NULL: the
 * default value) = pszValue, REG_SZ. */
static HRESULT set_reg_string(const OLECHAR *pszSubKey, const OLECHAR *pszName, const OLECHAR *pszValue)
{
    HKEY hKey = NULL;
    LONG err = RegCreateKeyExW(HKEY_CLASSES_ROOT, pszSubKey, 0, NULL, 0, KEY_WRITE, NULL, &hKey, NULL);
    if (err == ERROR_SUCCESS) {
        err = RegSetValueExW(hKey, pszName, 0, REG_SZ, (const BYTE *)pszValue,
                             (DWORD)((wlen(pszValue) + 1) * sizeof(OLECHAR)));
        RegCloseKey(hKey);
    }
    return err == ERROR_SUCCESS ? S_OK : HRESULT_FROM_WIN32(err);
}

#define PROGID OLESTR("ComrtSample.Shop")
#define PROGID_VER OLESTR("ComrtSample.Shop.1")
#define CLASS_NAME OLESTR("comrt sample Shop")

/* What regsvr32 (here: ComrtRegisterServer, `comrt register`) calls:
 *   HKCR\CLSID\{clsid}                  = "comrt sample Shop"
 *        \InprocServer32                = this file; ThreadingModel=Apartment
 *        \ProgID, \VersionIndependentProgID, \TypeLib, \Version
 *   HKCR\ComrtSample.Shop\CLSID, \CurVer = ComrtSample.Shop.1
 *   HKCR\ComrtSample.Shop.1\CLSID
 * and RegisterTypeLib for sample.tlb beside this file (HKCR\TypeLib and the
 * HKCR\Interface keys of IShop and IShopItems).  SELFREG_E_CLASS or
 * SELFREG_E_TYPELIB as on Windows when a part fails. */
STDAPI DllRegisterServer(void)
{
    HRESULT hr;
    OLECHAR path[SAMPLE_MAX_PATH], tlb[SAMPLE_MAX_PATH];
    OLECHAR clsid[39], libid[39], key[128];
    ITypeLib *pTL = NULL;

    hr = get_module_paths(path, tlb, SAMPLE_MAX_PATH);
    if (FAILED(hr)) goto out;
    StringFromGUID2(&CLSID_Shop, clsid, 39);
    StringFromGUID2(&LIBID_ComrtSample, libid, 39);

    key[0] = 0;
    wcat(key, 128, OLESTR("CLSID\\"));
    wcat(key, 128, clsid);
    if (FAILED(hr = set_reg_string(key, NULL, CLASS_NAME))) goto out;
    {
        struct { const OLECHAR *sub, *name, *value; } v[] = {
            {OLESTR("\\InprocServer32"), NULL, path},
            {OLESTR("\\InprocServer32"), OLESTR("ThreadingModel"), OLESTR("Apartment")},
            {OLESTR("\\ProgID"), NULL, PROGID_VER},
            {OLESTR("\\VersionIndependentProgID"), NULL, PROGID},
            {OLESTR("\\TypeLib"), NULL, libid},
            {OLESTR("\\Version"), NULL, OLESTR("1.0")},
        };
        size_t base = wlen(key);
        for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
            key[base] = 0;
            wcat(key, 128, v[i].sub);
            if (FAILED(hr = set_reg_string(key, v[i].name, v[i].value))) goto out;
        }
    }
    if (FAILED(hr = set_reg_string(PROGID, NULL, CLASS_NAME)) ||
        FAILED(hr = set_reg_string(PROGID OLESTR("\\CLSID"), NULL, clsid)) ||
        FAILED(hr = set_reg_string(PROGID OLESTR("\\CurVer"), NULL, PROGID_VER)) ||
        FAILED(hr = set_reg_string(PROGID_VER, NULL, CLASS_NAME)) ||
        FAILED(hr = set_reg_string(PROGID_VER OLESTR("\\CLSID"), NULL, clsid)))
        goto out;

    hr = LoadTypeLibEx(tlb, REGKIND_NONE, &pTL);
    if (SUCCEEDED(hr)) hr = RegisterTypeLib(pTL, tlb, NULL);
    if (FAILED(hr)) {
        hr = SELFREG_E_TYPELIB;
        goto out;
    }
out:
    if (pTL) ITypeLib_Release(pTL);
    if (FAILED(hr) && hr != SELFREG_E_TYPELIB) hr = SELFREG_E_CLASS;
    return hr;
}

/* Removes what DllRegisterServer wrote; keys already gone are not an error. */
STDAPI DllUnregisterServer(void)
{
    HRESULT hr = S_OK, hrTL;
    OLECHAR clsid[39], key[128];
    const OLECHAR *trees[3] = {key, PROGID, PROGID_VER};

    StringFromGUID2(&CLSID_Shop, clsid, 39);
    key[0] = 0;
    wcat(key, 128, OLESTR("CLSID\\"));
    wcat(key, 128, clsid);
    for (int i = 0; i < 3; i++) {
        LONG err = RegDeleteTreeW(HKEY_CLASSES_ROOT, trees[i]);
        if (err != ERROR_SUCCESS && err != ERROR_FILE_NOT_FOUND) hr = SELFREG_E_CLASS;
    }
    hrTL = UnRegisterTypeLib(&LIBID_ComrtSample, 1, 0, LANG_NEUTRAL, SYS_WIN64);
    if (FAILED(hrTL) && hrTL != TYPE_E_REGISTRYACCESS && SUCCEEDED(hr)) hr = SELFREG_E_TYPELIB;
    return hr;
}
