/*
 * mk_test_util.h — test objects for the moniker, ROT and MkParseDisplayName
 * tests: an object (tobj) that a file moniker can load (IPersistFile), an
 * item moniker can reach inside (IOleItemContainer) and a moniker can ask to
 * parse the rest of a display name (IParseDisplayName); a class object
 * (tcf: IClassFactory + IParseDisplayName + IClassActivator) that makes
 * tobjs and parses "Name:rest" display names.  (The in-memory IStream for
 * IPersistStream round trips is in ../comrt_memstream.h.)  Every object counts its references so tests
 * can check that they balance.
 */
#ifndef COMRT_MK_TEST_UTIL_H
#define COMRT_MK_TEST_UTIL_H

#define COBJMACROS
#include "../comrt_test.h"
#include "runtime/moniker_internal.h"
#include "base/base_internal.h"
#include "comrt_memstream.h"

#include <stdlib.h>
#include <string.h>

/* ---- tobj ----------------------------------------------------------------- */

typedef struct tobj {
    IUnknown IUnknown_iface;
    IPersistFile IPersistFile_iface;
    comrt_ole_item_container oic;
    IParseDisplayName IParseDisplayName_iface;
    LONG ref;
    WCHAR name[256]; /* the file it loaded or the item it is */
    DWORD mode;
} tobj;

static inline tobj *tobj_create(const WCHAR *name);

static tobj *tobj_from_unk(IUnknown *p) { return CONTAINING_RECORD(p, tobj, IUnknown_iface); }

static HRESULT tobj_qi(tobj *t, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown)) *ppv = &t->IUnknown_iface;
    else if (IsEqualIID(riid, &IID_IPersistFile) || IsEqualIID(riid, &IID_IPersist)) *ppv = &t->IPersistFile_iface;
    else if (IsEqualIID(riid, &comrt__iid_ole_item_container)) *ppv = &t->oic;
    else if (IsEqualIID(riid, &IID_IParseDisplayName)) *ppv = &t->IParseDisplayName_iface;
    else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    __atomic_add_fetch(&t->ref, 1, __ATOMIC_RELAXED);
    return S_OK;
}

static ULONG tobj_addref(tobj *t) { return (ULONG)__atomic_add_fetch(&t->ref, 1, __ATOMIC_RELAXED); }
static ULONG tobj_release(tobj *t)
{
    ULONG r = (ULONG)__atomic_sub_fetch(&t->ref, 1, __ATOMIC_ACQ_REL);
    if (!r) free(t);
    return r;
}

static HRESULT STDMETHODCALLTYPE tu_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    return tobj_qi(tobj_from_unk(This), riid, ppv);
}
static ULONG STDMETHODCALLTYPE tu_AddRef(IUnknown *This) { return tobj_addref(tobj_from_unk(This)); }
static ULONG STDMETHODCALLTYPE tu_Release(IUnknown *This) { return tobj_release(tobj_from_unk(This)); }
static const IUnknownVtbl tu_vtbl = {tu_QueryInterface, tu_AddRef, tu_Release};

#define TOBJ_PF(p) CONTAINING_RECORD(p, tobj, IPersistFile_iface)
static HRESULT STDMETHODCALLTYPE tpf_QueryInterface(IPersistFile *This, REFIID riid, void **ppv)
{
    return tobj_qi(TOBJ_PF(This), riid, ppv);
}
static ULONG STDMETHODCALLTYPE tpf_AddRef(IPersistFile *This) { return tobj_addref(TOBJ_PF(This)); }
static ULONG STDMETHODCALLTYPE tpf_Release(IPersistFile *This) { return tobj_release(TOBJ_PF(This)); }
static HRESULT STDMETHODCALLTYPE tpf_GetClassID(IPersistFile *This, CLSID *c)
{
    (void)This;
    memset(c, 0, sizeof *c);
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE tpf_IsDirty(IPersistFile *This)
{
    (void)This;
    return S_FALSE;
}
static HRESULT STDMETHODCALLTYPE tpf_Load(IPersistFile *This, LPCOLESTR name, DWORD mode)
{
    tobj *t = TOBJ_PF(This);
    size_t i;
    for (i = 0; name[i] && i < 255; i++) t->name[i] = name[i];
    t->name[i] = 0;
    t->mode = mode;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE tpf_Save(IPersistFile *This, LPCOLESTR name, BOOL remember)
{
    (void)This, (void)name, (void)remember;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE tpf_SaveCompleted(IPersistFile *This, LPCOLESTR name)
{
    (void)This, (void)name;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE tpf_GetCurFile(IPersistFile *This, LPOLESTR *pp)
{
    return comrt__mk_taskdup(TOBJ_PF(This)->name, pp);
}
static const IPersistFileVtbl tpf_vtbl = {tpf_QueryInterface, tpf_AddRef,  tpf_Release, tpf_GetClassID, tpf_IsDirty,
                                          tpf_Load,           tpf_Save,    tpf_SaveCompleted, tpf_GetCurFile};

#define TOBJ_OIC(p) CONTAINING_RECORD(p, tobj, oic)
static HRESULT toic_QueryInterface(comrt_ole_item_container *This, REFIID riid, void **ppv)
{
    return tobj_qi(TOBJ_OIC(This), riid, ppv);
}
static ULONG toic_AddRef(comrt_ole_item_container *This) { return tobj_addref(TOBJ_OIC(This)); }
static ULONG toic_Release(comrt_ole_item_container *This) { return tobj_release(TOBJ_OIC(This)); }
static HRESULT toic_ParseDisplayName(comrt_ole_item_container *This, IBindCtx *pbc, LPOLESTR name, ULONG *eaten,
                                     IMoniker **ppmk)
{
    (void)This, (void)pbc, (void)name, (void)eaten, (void)ppmk;
    return E_NOTIMPL;
}
static HRESULT toic_EnumObjects(comrt_ole_item_container *This, DWORD flags, IEnumUnknown **ppenum)
{
    (void)This, (void)flags, (void)ppenum;
    return E_NOTIMPL;
}
static HRESULT toic_LockContainer(comrt_ole_item_container *This, BOOL lock)
{
    (void)This, (void)lock;
    return S_OK;
}
/* A new tobj named after the item: "missing" is not there (MK_E_NOOBJECT). */
static HRESULT toic_GetObject(comrt_ole_item_container *This, LPOLESTR item, DWORD speed, IBindCtx *pbc, REFIID riid,
                              void **ppv)
{
    tobj *t;
    HRESULT hr;
    (void)This, (void)speed, (void)pbc;
    if (comrt_test_wstr_eq(item, "missing")) return MK_E_NOOBJECT;
    t = tobj_create(item);
    hr = tobj_qi(t, riid, ppv);
    tobj_release(t);
    return hr;
}
static HRESULT toic_GetObjectStorage(comrt_ole_item_container *This, LPOLESTR item, IBindCtx *pbc, REFIID riid,
                                     void **ppv)
{
    (void)This, (void)item, (void)pbc, (void)riid, (void)ppv;
    return E_NOTIMPL;
}
static HRESULT toic_IsRunning(comrt_ole_item_container *This, LPOLESTR item)
{
    (void)This, (void)item;
    return S_OK;
}
static const comrt_ole_item_container_vtbl toic_vtbl = {
    toic_QueryInterface, toic_AddRef,    toic_Release,          toic_ParseDisplayName, toic_EnumObjects,
    toic_LockContainer,  toic_GetObject, toic_GetObjectStorage, toic_IsRunning};

/* Parses "!name..." (everything) into an item moniker "!" + "name...". */
#define TOBJ_PDN(p) CONTAINING_RECORD(p, tobj, IParseDisplayName_iface)
static HRESULT STDMETHODCALLTYPE tpdn_QueryInterface(IParseDisplayName *This, REFIID riid, void **ppv)
{
    return tobj_qi(TOBJ_PDN(This), riid, ppv);
}
static ULONG STDMETHODCALLTYPE tpdn_AddRef(IParseDisplayName *This) { return tobj_addref(TOBJ_PDN(This)); }
static ULONG STDMETHODCALLTYPE tpdn_Release(IParseDisplayName *This) { return tobj_release(TOBJ_PDN(This)); }
static HRESULT STDMETHODCALLTYPE tpdn_ParseDisplayName(IParseDisplayName *This, IBindCtx *pbc, LPOLESTR name,
                                                       ULONG *eaten, IMoniker **ppmk)
{
    (void)This, (void)pbc;
    if (name[0] != '!') return MK_E_SYNTAX;
    *eaten = (ULONG)comrt__utf16_len(name);
    return CreateItemMoniker(u"!", name + 1, ppmk);
}
static const IParseDisplayNameVtbl tpdn_vtbl = {tpdn_QueryInterface, tpdn_AddRef, tpdn_Release,
                                                tpdn_ParseDisplayName};

static inline tobj *tobj_create(const WCHAR *name)
{
    tobj *t = calloc(1, sizeof *t);
    size_t i;
    t->IUnknown_iface.lpVtbl = &tu_vtbl;
    t->IPersistFile_iface.lpVtbl = &tpf_vtbl;
    t->oic.lpVtbl = &toic_vtbl;
    t->IParseDisplayName_iface.lpVtbl = &tpdn_vtbl;
    t->ref = 1;
    for (i = 0; name && name[i] && i < 255; i++) t->name[i] = name[i];
    return t;
}

/* The name of the tobj behind an interface pointer we made. */
static inline const char *tobj_name_of(IUnknown *p)
{
    IUnknown *u = NULL;
    const char *s;
    if (FAILED(IUnknown_QueryInterface(p, &IID_IUnknown, (void **)&u))) return "(no IUnknown)";
    s = comrt_test_narrow(tobj_from_unk(u)->name);
    IUnknown_Release(u);
    return s;
}

/* ---- tcf: the class object ------------------------------------------------- */

typedef struct tcf {
    IClassFactory IClassFactory_iface;
    IParseDisplayName IParseDisplayName_iface;
    IClassActivator IClassActivator_iface;
    LONG ref;
    LONG created;
} tcf;

static HRESULT tcf_qi(tcf *f, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IClassFactory)) *ppv = &f->IClassFactory_iface;
    else if (IsEqualIID(riid, &IID_IParseDisplayName)) *ppv = &f->IParseDisplayName_iface;
    else if (IsEqualIID(riid, &IID_IClassActivator)) *ppv = &f->IClassActivator_iface;
    else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    __atomic_add_fetch(&f->ref, 1, __ATOMIC_RELAXED);
    return S_OK;
}

#define TCF_CF(p) CONTAINING_RECORD(p, tcf, IClassFactory_iface)
static HRESULT STDMETHODCALLTYPE tcf_QueryInterface(IClassFactory *This, REFIID riid, void **ppv)
{
    return tcf_qi(TCF_CF(This), riid, ppv);
}
static ULONG STDMETHODCALLTYPE tcf_AddRef(IClassFactory *This)
{
    return (ULONG)__atomic_add_fetch(&TCF_CF(This)->ref, 1, __ATOMIC_RELAXED);
}
static ULONG STDMETHODCALLTYPE tcf_Release(IClassFactory *This)
{
    return (ULONG)__atomic_sub_fetch(&TCF_CF(This)->ref, 1, __ATOMIC_ACQ_REL);
}
static HRESULT STDMETHODCALLTYPE tcf_CreateInstance(IClassFactory *This, IUnknown *outer, REFIID riid, void **ppv)
{
    tobj *t;
    HRESULT hr;
    if (outer) return CLASS_E_NOAGGREGATION;
    t = tobj_create(u"new");
    hr = tobj_qi(t, riid, ppv);
    tobj_release(t);
    if (SUCCEEDED(hr)) __atomic_add_fetch(&TCF_CF(This)->created, 1, __ATOMIC_RELAXED);
    return hr;
}
static HRESULT STDMETHODCALLTYPE tcf_LockServer(IClassFactory *This, BOOL lock)
{
    (void)This, (void)lock;
    return S_OK;
}
static const IClassFactoryVtbl tcf_vtbl = {tcf_QueryInterface, tcf_AddRef, tcf_Release, tcf_CreateInstance,
                                           tcf_LockServer};

/* "Name:rest" -> item moniker "" + "rest", eating everything. */
#define TCF_PDN(p) CONTAINING_RECORD(p, tcf, IParseDisplayName_iface)
static HRESULT STDMETHODCALLTYPE tcfp_QueryInterface(IParseDisplayName *This, REFIID riid, void **ppv)
{
    return tcf_qi(TCF_PDN(This), riid, ppv);
}
static ULONG STDMETHODCALLTYPE tcfp_AddRef(IParseDisplayName *This)
{
    return tcf_AddRef(&TCF_PDN(This)->IClassFactory_iface);
}
static ULONG STDMETHODCALLTYPE tcfp_Release(IParseDisplayName *This)
{
    return tcf_Release(&TCF_PDN(This)->IClassFactory_iface);
}
static HRESULT STDMETHODCALLTYPE tcfp_ParseDisplayName(IParseDisplayName *This, IBindCtx *pbc, LPOLESTR name,
                                                       ULONG *eaten, IMoniker **ppmk)
{
    const WCHAR *p = name;
    (void)This, (void)pbc;
    while (*p && *p != ':') p++;
    if (!*p) return MK_E_SYNTAX;
    *eaten = (ULONG)comrt__utf16_len(name);
    return CreateItemMoniker(u"", p + 1, ppmk);
}
static const IParseDisplayNameVtbl tcfp_vtbl = {tcfp_QueryInterface, tcfp_AddRef, tcfp_Release,
                                                tcfp_ParseDisplayName};

#define TCF_CA(p) CONTAINING_RECORD(p, tcf, IClassActivator_iface)
static HRESULT STDMETHODCALLTYPE tca_QueryInterface(IClassActivator *This, REFIID riid, void **ppv)
{
    return tcf_qi(TCF_CA(This), riid, ppv);
}
static ULONG STDMETHODCALLTYPE tca_AddRef(IClassActivator *This) { return tcf_AddRef(&TCF_CA(This)->IClassFactory_iface); }
static ULONG STDMETHODCALLTYPE tca_Release(IClassActivator *This)
{
    return tcf_Release(&TCF_CA(This)->IClassFactory_iface);
}
/* Hands out itself as the class object of any class. */
static HRESULT STDMETHODCALLTYPE tca_GetClassObject(IClassActivator *This, REFCLSID clsid, DWORD ctx, LCID lcid,
                                                    REFIID riid, void **ppv)
{
    (void)clsid, (void)ctx, (void)lcid;
    return tcf_qi(TCF_CA(This), riid, ppv);
}
static const IClassActivatorVtbl tca_vtbl = {tca_QueryInterface, tca_AddRef, tca_Release, tca_GetClassObject};

/* A static class object (ref 1 held by the test). */
static inline void tcf_init(tcf *f)
{
    memset(f, 0, sizeof *f);
    f->IClassFactory_iface.lpVtbl = &tcf_vtbl;
    f->IParseDisplayName_iface.lpVtbl = &tcfp_vtbl;
    f->IClassActivator_iface.lpVtbl = &tca_vtbl;
    f->ref = 1;
}

/* ---- helpers ------------------------------------------------------------------ */

/* The display name of mk as a narrow string (static buffer). */
static inline const char *mk_name(IMoniker *mk)
{
    IBindCtx *bc = NULL;
    LPOLESTR s = NULL;
    const char *r = "(error)";
    if (!mk) return "(null)";
    CreateBindCtx(0, &bc);
    if (SUCCEEDED(IMoniker_GetDisplayName(mk, bc, NULL, &s))) r = comrt_test_narrow(s);
    CoTaskMemFree(s);
    IBindCtx_Release(bc);
    return r;
}

static inline DWORD mk_sys(IMoniker *mk)
{
    DWORD k = 0xFFFF;
    IMoniker_IsSystemMoniker(mk, &k);
    return k;
}

#define CHECK_MKNAME(mk, s) CHECK_MSG(strcmp(mk_name(mk), (s)) == 0, "%s named \"%s\", expected \"%s\"", #mk, mk_name(mk), (s))

#endif /* COMRT_MK_TEST_UTIL_H */
