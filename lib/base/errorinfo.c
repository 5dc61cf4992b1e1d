/*
 * base/errorinfo.c — the error object (IErrorInfo, ICreateErrorInfo,
 * ISupportErrorInfo) and the per-thread error slot behind SetErrorInfo /
 * GetErrorInfo.
 *
 * Ownership is Windows': SetErrorInfo keeps a reference in the thread's slot
 * (releasing the previous object); GetErrorInfo hands that reference to the
 * caller and empties the slot, so an error is reported once.  A thread that
 * exits with an object in its slot releases it.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_internal.h"

typedef struct {
    IErrorInfo IErrorInfo_iface;
    ICreateErrorInfo ICreateErrorInfo_iface;
    ISupportErrorInfo ISupportErrorInfo_iface;
    LONG ref;
    GUID guid;
    BSTR source;
    BSTR description;
    BSTR help_file;
    DWORD help_context;
} error_object;

static error_object *from_error(IErrorInfo *iface)
{
    return CONTAINING_RECORD(iface, error_object, IErrorInfo_iface);
}

static error_object *from_create(ICreateErrorInfo *iface)
{
    return CONTAINING_RECORD(iface, error_object, ICreateErrorInfo_iface);
}

static error_object *from_support(ISupportErrorInfo *iface)
{
    return CONTAINING_RECORD(iface, error_object, ISupportErrorInfo_iface);
}

/* ---- IErrorInfo (the primary identity) ---------------------------------- */

static HRESULT STDMETHODCALLTYPE error_QueryInterface(IErrorInfo *iface, REFIID riid, void **ppv)
{
    error_object *This = from_error(iface);

    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IErrorInfo))
        *ppv = &This->IErrorInfo_iface;
    else if (IsEqualIID(riid, &IID_ICreateErrorInfo))
        *ppv = &This->ICreateErrorInfo_iface;
    else if (IsEqualIID(riid, &IID_ISupportErrorInfo))
        *ppv = &This->ISupportErrorInfo_iface;
    else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    comrt__ref_inc(&This->ref);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE error_AddRef(IErrorInfo *iface)
{
    return comrt__ref_inc(&from_error(iface)->ref);
}

static ULONG STDMETHODCALLTYPE error_Release(IErrorInfo *iface)
{
    error_object *This = from_error(iface);
    ULONG ref = comrt__ref_dec(&This->ref);

    if (ref == 0) {
        SysFreeString(This->source);
        SysFreeString(This->description);
        SysFreeString(This->help_file);
        free(This);
    }
    return ref;
}

/* Hands out a copy of a string field; a NULL field gives a NULL BSTR. */
static HRESULT copy_field(BSTR field, BSTR *out)
{
    if (!out) return E_INVALIDARG;
    if (!field) {
        *out = NULL;
        return S_OK;
    }
    *out = SysAllocStringLen(field, SysStringLen(field));
    return *out ? S_OK : E_OUTOFMEMORY;
}

static HRESULT STDMETHODCALLTYPE error_GetGUID(IErrorInfo *iface, GUID *pGUID)
{
    if (!pGUID) return E_INVALIDARG;
    *pGUID = from_error(iface)->guid;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE error_GetSource(IErrorInfo *iface, BSTR *p)
{
    return copy_field(from_error(iface)->source, p);
}

static HRESULT STDMETHODCALLTYPE error_GetDescription(IErrorInfo *iface, BSTR *p)
{
    return copy_field(from_error(iface)->description, p);
}

static HRESULT STDMETHODCALLTYPE error_GetHelpFile(IErrorInfo *iface, BSTR *p)
{
    return copy_field(from_error(iface)->help_file, p);
}

static HRESULT STDMETHODCALLTYPE error_GetHelpContext(IErrorInfo *iface, DWORD *p)
{
    if (!p) return E_INVALIDARG;
    *p = from_error(iface)->help_context;
    return S_OK;
}

static const IErrorInfoVtbl error_vtbl = {
    error_QueryInterface, error_AddRef,         error_Release,        error_GetGUID,
    error_GetSource,      error_GetDescription, error_GetHelpFile,    error_GetHelpContext,
};

/* ---- ICreateErrorInfo ---------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE create_QueryInterface(ICreateErrorInfo *iface, REFIID riid, void **ppv)
{
    return error_QueryInterface(&from_create(iface)->IErrorInfo_iface, riid, ppv);
}

static ULONG STDMETHODCALLTYPE create_AddRef(ICreateErrorInfo *iface)
{
    return error_AddRef(&from_create(iface)->IErrorInfo_iface);
}

static ULONG STDMETHODCALLTYPE create_Release(ICreateErrorInfo *iface)
{
    return error_Release(&from_create(iface)->IErrorInfo_iface);
}

/* Replaces a string field with a copy of s (NULL clears it). */
static HRESULT set_field(BSTR *field, LPCOLESTR s)
{
    BSTR copy = NULL;
    if (s && !(copy = SysAllocString(s))) return E_OUTOFMEMORY;
    SysFreeString(*field);
    *field = copy;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE create_SetGUID(ICreateErrorInfo *iface, REFGUID rguid)
{
    if (!rguid) return E_INVALIDARG;
    from_create(iface)->guid = *rguid;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE create_SetSource(ICreateErrorInfo *iface, LPOLESTR s)
{
    return set_field(&from_create(iface)->source, s);
}

static HRESULT STDMETHODCALLTYPE create_SetDescription(ICreateErrorInfo *iface, LPOLESTR s)
{
    return set_field(&from_create(iface)->description, s);
}

static HRESULT STDMETHODCALLTYPE create_SetHelpFile(ICreateErrorInfo *iface, LPOLESTR s)
{
    return set_field(&from_create(iface)->help_file, s);
}

static HRESULT STDMETHODCALLTYPE create_SetHelpContext(ICreateErrorInfo *iface, DWORD ctx)
{
    from_create(iface)->help_context = ctx;
    return S_OK;
}

static const ICreateErrorInfoVtbl create_vtbl = {
    create_QueryInterface, create_AddRef,         create_Release,        create_SetGUID,
    create_SetSource,      create_SetDescription, create_SetHelpFile,    create_SetHelpContext,
};

/* ---- ISupportErrorInfo -------------------------------------------------- */

static HRESULT STDMETHODCALLTYPE support_QueryInterface(ISupportErrorInfo *iface, REFIID riid, void **ppv)
{
    return error_QueryInterface(&from_support(iface)->IErrorInfo_iface, riid, ppv);
}

static ULONG STDMETHODCALLTYPE support_AddRef(ISupportErrorInfo *iface)
{
    return error_AddRef(&from_support(iface)->IErrorInfo_iface);
}

static ULONG STDMETHODCALLTYPE support_Release(ISupportErrorInfo *iface)
{
    return error_Release(&from_support(iface)->IErrorInfo_iface);
}

/* The error object describes errors of the interface it was given with SetGUID. */
static HRESULT STDMETHODCALLTYPE support_InterfaceSupportsErrorInfo(ISupportErrorInfo *iface, REFIID riid)
{
    if (!riid) return E_INVALIDARG;
    return IsEqualIID(riid, &from_support(iface)->guid) ? S_OK : S_FALSE;
}

static const ISupportErrorInfoVtbl support_vtbl = {
    support_QueryInterface, support_AddRef, support_Release, support_InterfaceSupportsErrorInfo,
};

HRESULT CreateErrorInfo(ICreateErrorInfo **pperrinfo)
{
    error_object *obj;

    if (!pperrinfo) return E_INVALIDARG;
    obj = calloc(1, sizeof *obj);
    if (!obj) {
        *pperrinfo = NULL;
        return E_OUTOFMEMORY;
    }
    obj->IErrorInfo_iface.lpVtbl = &error_vtbl;
    obj->ICreateErrorInfo_iface.lpVtbl = &create_vtbl;
    obj->ISupportErrorInfo_iface.lpVtbl = &support_vtbl;
    obj->ref = 1;
    *pperrinfo = &obj->ICreateErrorInfo_iface;
    return S_OK;
}

/* ---- The per-thread slot ------------------------------------------------ */

static _Thread_local IErrorInfo *thread_error;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

/* Runs at thread exit for threads that stored an error: releases it. */
static void release_at_exit(void *unused)
{
    IErrorInfo *old = thread_error;
    thread_error = NULL;
    if (old) old->lpVtbl->Release(old);
}

static void make_exit_key(void) { pthread_key_create(&exit_key, release_at_exit); }

HRESULT SetErrorInfo(ULONG dwReserved, IErrorInfo *perrinfo)
{
    IErrorInfo *old;

    if (dwReserved) return E_INVALIDARG;
    if (perrinfo) {
        pthread_once(&exit_key_once, make_exit_key);
        /* any non-NULL value makes the destructor run at thread exit */
        pthread_setspecific(exit_key, (void *)1);
        perrinfo->lpVtbl->AddRef(perrinfo);
    }
    old = thread_error;
    thread_error = perrinfo;
    if (old) old->lpVtbl->Release(old);
    return S_OK;
}

HRESULT GetErrorInfo(ULONG dwReserved, IErrorInfo **pperrinfo)
{
    if (!pperrinfo) return E_INVALIDARG;
    if (dwReserved) {
        *pperrinfo = NULL;
        return E_INVALIDARG;
    }
    *pperrinfo = thread_error;
    thread_error = NULL;
    return *pperrinfo ? S_OK : S_FALSE;
}

void comrt__errorinfo_set_text(LPCOLESTR source, const char *text)
{
    ICreateErrorInfo *cei = NULL;
    IErrorInfo *ei = NULL;
    WCHAR *w = NULL;

    if (FAILED(CreateErrorInfo(&cei))) goto out;
    w = comrt__utf8_to_utf16_dup(text ? text : "", text ? strlen(text) : 0, NULL);
    if (!w) goto out;
    cei->lpVtbl->SetDescription(cei, w);
    cei->lpVtbl->SetSource(cei, (LPOLESTR)source);
    if (SUCCEEDED(cei->lpVtbl->QueryInterface(cei, &IID_IErrorInfo, (void **)&ei))) {
        SetErrorInfo(0, ei);
        ei->lpVtbl->Release(ei);
    }
out:
    free(w);
    if (cei) cei->lpVtbl->Release(cei);
}
