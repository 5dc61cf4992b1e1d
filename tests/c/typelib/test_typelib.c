/* Tests for lib/typelib: loading (files, PE resources, cache, errors), the
 * ITypeLib/ITypeInfo/ITypeComp views of the committed fixtures, dual
 * interfaces, defaults, custom data, imports, reference counts, threads. */
#define COBJMACROS
#include <pthread.h>

#include "comrt_test.h"
#include "typelib/tlb_fixture.h"

static const GUID libid_stdole = { 0x00020430, 0, 0, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } };
static const GUID cd_guid1 = { 0x6a2f1c00, 0x0b1e, 0x4c5a, { 0x9f, 0x00, 0, 0, 0, 0, 0, 0xc1 } };
static const GUID cd_guid2 = { 0x6a2f1c00, 0x0b1e, 0x4c5a, { 0x9f, 0x00, 0, 0, 0, 0, 0, 0xc2 } };
static const GUID iid_idispatch = { 0x00020400, 0, 0, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } };

/* The type named `name` in lib (AddRef'ed) or NULL. */
static ITypeInfo *type_named(ITypeLib *lib, const char *name)
{
    UINT n = ITypeLib_GetTypeInfoCount(lib);
    for (UINT i = 0; i < n; i++) {
        BSTR b = NULL;
        ITypeInfo *ti = NULL;
        if (ITypeLib_GetDocumentation(lib, (INT)i, &b, NULL, NULL, NULL) == S_OK && comrt_test_wstr_eq(b, name)) {
            SysFreeString(b);
            if (ITypeLib_GetTypeInfo(lib, i, &ti) == S_OK) return ti;
            return NULL;
        }
        SysFreeString(b);
    }
    return NULL;
}

static MEMBERID memid_of(ITypeInfo *ti, const char *name)
{
    WCHAR w[64];
    LPOLESTR names[1] = { w };
    MEMBERID id = DISPID_UNKNOWN;
    size_t i;
    for (i = 0; name[i] && i < 63; i++) w[i] = (WCHAR)name[i];
    w[i] = 0;
    ITypeInfo_GetIDsOfNames(ti, names, 1, &id);
    return id;
}

TEST(load_stdole2_pe)
{
    ITypeLib *lib = NULL;
    ITypeInfo *ti = NULL, *base = NULL;
    TLIBATTR *la;
    TYPEATTR *ta;
    BSTR name = NULL, doc = NULL;
    HREFTYPE href;

    CHECK_HR(LoadTypeLib(tlb_fixture("stdole2.tlb"), &lib), S_OK);
    if (!lib) return;
    CHECK_INT(ITypeLib_GetTypeInfoCount(lib), 42);
    CHECK_HR(ITypeLib_GetLibAttr(lib, &la), S_OK);
    CHECK(IsEqualGUID(&la->guid, &libid_stdole));
    CHECK_INT(la->syskind, SYS_WIN64);
    CHECK_INT(la->wMajorVerNum, 2);
    CHECK_INT(la->wMinorVerNum, 0);
    CHECK_INT(la->wLibFlags, LIBFLAG_FHASDISKIMAGE);
    ITypeLib_ReleaseTLibAttr(lib, la);
    CHECK_HR(ITypeLib_GetDocumentation(lib, -1, &name, &doc, NULL, NULL), S_OK);
    CHECK_WSTR(name, "stdole");
    CHECK_WSTR(doc, "OLE Automation");
    SysFreeString(name);
    SysFreeString(doc);
    CHECK_HR(ITypeLib_GetDocumentation(lib, 42, &name, NULL, NULL, NULL), TYPE_E_ELEMENTNOTFOUND);

    CHECK_HR(ITypeLib_GetTypeInfoOfGuid(lib, &iid_idispatch, &ti), S_OK);
    CHECK_HR(ITypeInfo_GetTypeAttr(ti, &ta), S_OK);
    CHECK_INT(ta->typekind, TKIND_INTERFACE);
    CHECK_INT(ta->cFuncs, 4);
    CHECK_INT(ta->cbSizeVft, 56);
    CHECK_INT(ta->cImplTypes, 1);
    ITypeInfo_ReleaseTypeAttr(ti, ta);
    CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, 0, &href), S_OK);
    CHECK_INT(href, 0x12E); /* an interface's base href carries bit 1, as oleaut32 gives it */
    CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, 1, &href), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, (UINT)-1, &href), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ITypeInfo_GetRefTypeInfo(ti, 0x12E, &base), S_OK);
    CHECK_HR(ITypeInfo_GetDocumentation(base, MEMBERID_NIL, &name, NULL, NULL, NULL), S_OK);
    CHECK_WSTR(name, "IUnknown");
    SysFreeString(name);
    ITypeInfo_Release(base);
    CHECK_HR(ITypeInfo_GetFuncDesc(ti, 4, (FUNCDESC **)&ta), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ITypeInfo_GetDllEntry(ti, 0x60010000, INVOKE_FUNC, NULL, NULL, NULL), TYPE_E_BADMODULEKIND);
    ITypeInfo_Release(ti);
    CHECK_INT(ITypeLib_Release(lib), 0);
}

TEST(cache_returns_same_object)
{
    ITypeLib *a = NULL, *b = NULL;
    ITypeInfo *ti = NULL;
    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_base.tlb"), &a), S_OK);
    CHECK_HR(LoadTypeLibEx(tlb_fixture("comrt_base.tlb"), REGKIND_NONE, &b), S_OK);
    CHECK(a == b);
    if (b) ITypeLib_Release(b);
    /* a type info keeps its library alive */
    CHECK_HR(ITypeLib_GetTypeInfo(a, 0, &ti), S_OK);
    CHECK_INT(ITypeLib_Release(a), 1);
    if (ti) {
        ITypeLib *c = NULL;
        UINT index = 99;
        CHECK_HR(ITypeInfo_GetContainingTypeLib(ti, &c, &index), S_OK);
        CHECK(c == a);
        CHECK_INT(index, 0);
        if (c) ITypeLib_Release(c);
        CHECK_INT(ITypeInfo_Release(ti), 0);
    }
}

TEST(load_errors)
{
    ITypeLib *lib = (ITypeLib *)1;
    CHECK_HR(LoadTypeLib(tlb_fixture("does_not_exist.tlb"), &lib), TYPE_E_CANTLOADLIBRARY);
    CHECK(lib == NULL);
    CHECK_HR(LoadTypeLib(NULL, &lib), E_INVALIDARG);
    CHECK_HR(LoadTypeLib(tlb_fixture("stdole2.tlb"), NULL), E_INVALIDARG);
    CHECK_HR(LoadTypeLibEx(tlb_fixture("stdole2.tlb"), (REGKIND)3, &lib), S_OK); /* loads unregistered */
    if (lib) ITypeLib_Release(lib);
    /* this test links no runtime/tlbreg.c, so no registration hook is set:
     * registration fails as without write access to HKCR (the registered
     * case is tests/c/runtime/test_tlbreg.c) */
    CHECK_HR(LoadTypeLibEx(tlb_fixture("stdole2.tlb"), REGKIND_REGISTER, &lib), TYPE_E_REGISTRYACCESS);
    CHECK(lib == NULL);
}

TEST(pe_resource_index)
{
    ITypeLib *one = NULL, *two = NULL, *bad = NULL;
    WCHAR path[4096];
    const WCHAR *base = tlb_fixture("pe64_two.dll");
    size_t n = 0;
    while (base[n]) { path[n] = base[n]; n++; }
    CHECK_HR(LoadTypeLib(base, &one), S_OK);
    path[n] = '\\'; path[n + 1] = '2'; path[n + 2] = 0;
    CHECK_HR(LoadTypeLib(path, &two), S_OK);
    CHECK(one && two && one != two);
    path[n + 1] = '7';
    CHECK_HR(LoadTypeLib(path, &bad), TYPE_E_CANTLOADLIBRARY);
    if (one) ITypeLib_Release(one);
    if (two) ITypeLib_Release(two);
    CHECK_HR(LoadTypeLib(tlb_fixture("pe32_one.dll"), &one), S_OK);
    if (one) ITypeLib_Release(one);
}

TEST(dual_interface_views)
{
    ITypeLib *lib = NULL;
    ITypeInfo *disp, *iface = NULL, *back = NULL;
    TYPEATTR *ta;
    FUNCDESC *fd;
    HREFTYPE href;

    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &lib), S_OK);
    if (!lib) return;
    disp = type_named(lib, "IAllDual");
    CHECK(disp != NULL);
    if (!disp) { ITypeLib_Release(lib); return; }
    CHECK_HR(ITypeInfo_GetTypeAttr(disp, &ta), S_OK);
    CHECK_INT(ta->typekind, TKIND_DISPATCH);
    CHECK(ta->wTypeFlags & TYPEFLAG_FDUAL);
    CHECK(!(ta->wTypeFlags & TYPEFLAG_FOLEAUTOMATION));
    CHECK_INT(ta->cbSizeVft, 7 * 8);
    CHECK_INT(ta->cImplTypes, 1);
    CHECK(ta->cFuncs > 7);
    ITypeInfo_ReleaseTypeAttr(disp, ta);
    /* the first slots are IUnknown's, in dispatch form */
    CHECK_HR(ITypeInfo_GetFuncDesc(disp, 0, &fd), S_OK);
    CHECK_INT(fd->funckind, FUNC_DISPATCH);
    CHECK_INT(fd->elemdescFunc.tdesc.vt, VT_VOID);
    CHECK_INT(fd->memid, 0x60000000);
    ITypeInfo_ReleaseFuncDesc(disp, fd);

    CHECK_HR(ITypeInfo_GetRefTypeOfImplType(disp, (UINT)-1, &href), S_OK);
    CHECK_INT(href, (HREFTYPE)-2);
    CHECK_HR(ITypeInfo_GetRefTypeInfo(disp, href, &iface), S_OK);
    if (iface) {
        CHECK_HR(ITypeInfo_GetTypeAttr(iface, &ta), S_OK);
        CHECK_INT(ta->typekind, TKIND_INTERFACE);
        CHECK(ta->cFuncs < 30);
        ITypeInfo_ReleaseTypeAttr(iface, ta);
        CHECK_HR(ITypeInfo_GetRefTypeOfImplType(iface, (UINT)-1, &href), S_OK);
        CHECK_HR(ITypeInfo_GetRefTypeInfo(iface, href, &back), S_OK);
        CHECK(back == disp);
        if (back) ITypeInfo_Release(back);
        /* Value's getter: [out, retval] long* on the interface ... */
        CHECK_HR(ITypeInfo_GetFuncDesc(iface, 0, &fd), S_OK);
        CHECK_INT(fd->funckind, FUNC_PUREVIRTUAL);
        CHECK_INT(fd->cParams, 1);
        CHECK_INT(fd->elemdescFunc.tdesc.vt, VT_HRESULT);
        CHECK_INT(fd->oVft, 7 * 8);
        ITypeInfo_ReleaseFuncDesc(iface, fd);
        ITypeInfo_Release(iface);
    }
    /* ... and the return value on the dispatch view */
    CHECK_HR(ITypeInfo_GetFuncDesc(disp, 7, &fd), S_OK);
    CHECK_INT(fd->funckind, FUNC_DISPATCH);
    CHECK_INT(fd->invkind, INVOKE_PROPERTYGET);
    CHECK_INT(fd->cParams, 0);
    CHECK_INT(fd->elemdescFunc.tdesc.vt, VT_I4);
    ITypeInfo_ReleaseFuncDesc(disp, fd);
    ITypeInfo_Release(disp);
    CHECK_INT(ITypeLib_Release(lib), 0);
}

TEST(default_values)
{
    ITypeLib *lib = NULL;
    ITypeInfo *disp;
    FUNCDESC *fd = NULL;
    UINT index = 0;
    MEMBERID id;
    ITypeInfo2 *ti2 = NULL;

    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &lib), S_OK);
    if (!lib) return;
    disp = type_named(lib, "IAllDual");
    if (!disp) { ITypeLib_Release(lib); CHECK(0); return; }
    id = memid_of(disp, "Defaults");
    CHECK_INT(id, 5);
    CHECK_HR(ITypeInfo_QueryInterface(disp, &IID_ITypeInfo2, (void **)&ti2), S_OK);
    CHECK_HR(ITypeInfo2_GetFuncIndexOfMemId(ti2, id, INVOKE_FUNC, &index), S_OK);
    ITypeInfo2_Release(ti2);
    for (UINT i = 0; i < 40 && !fd; i++) {
        if (ITypeInfo_GetFuncDesc(disp, i, &fd) != S_OK) break;
        if (fd->memid != id) { ITypeInfo_ReleaseFuncDesc(disp, fd); fd = NULL; }
    }
    CHECK(fd != NULL);
    if (fd) {
        ELEMDESC *p = fd->lprgelemdescParam;
        CHECK_INT(fd->cParams, 17); /* the [retval] became the return type */
        CHECK_INT(fd->elemdescFunc.tdesc.vt, VT_I4);
        CHECK(p[0].paramdesc.wParamFlags & PARAMFLAG_FHASDEFAULT);
        CHECK_INT(V_VT(&p[0].paramdesc.pparamdescex->varDefaultValue), VT_I4);
        CHECK_INT(V_I4(&p[0].paramdesc.pparamdescex->varDefaultValue), -5);
        CHECK_INT(V_VT(&p[4].paramdesc.pparamdescex->varDefaultValue), VT_BSTR);
        CHECK_WSTR(V_BSTR(&p[4].paramdesc.pparamdescex->varDefaultValue), "text");
        CHECK_INT(V_VT(&p[5].paramdesc.pparamdescex->varDefaultValue), VT_BOOL);
        CHECK_INT(V_BOOL(&p[5].paramdesc.pparamdescex->varDefaultValue), VARIANT_TRUE);
        CHECK_INT(p[0].paramdesc.pparamdescex->cBytes, sizeof(PARAMDESCEX));
        ITypeInfo_ReleaseFuncDesc(disp, fd);
    }
    ITypeInfo_Release(disp);
    ITypeLib_Release(lib);
}

TEST(custom_data_and_docs)
{
    ITypeLib *lib = NULL;
    ITypeLib2 *lib2 = NULL;
    VARIANT v;
    CUSTDATA cd;
    BSTR hs = NULL, dll = NULL, file = NULL;
    DWORD ctx = 0;
    static const GUID nosuch = { 1, 2, 3, { 4, 5, 6, 7, 8, 9, 10, 11 } };

    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &lib), S_OK);
    if (!lib) return;
    CHECK_HR(ITypeLib_QueryInterface(lib, &IID_ITypeLib2, (void **)&lib2), S_OK);
    VariantInit(&v);
    CHECK_HR(ITypeLib2_GetCustData(lib2, &cd_guid1, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_BSTR);
    CHECK_WSTR(V_BSTR(&v), "library custom string");
    VariantClear(&v);
    CHECK_HR(ITypeLib2_GetCustData(lib2, &cd_guid2, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_I4);
    CHECK_INT(V_I4(&v), 42);
    V_VT(&v) = VT_I4;
    V_I4(&v) = 99;
    CHECK_HR(ITypeLib2_GetCustData(lib2, &nosuch, &v), TYPE_E_ELEMENTNOTFOUND);
    CHECK_INT(V_I4(&v), 99);
    CHECK_HR(ITypeLib2_GetAllCustData(lib2, &cd), S_OK);
    CHECK(cd.cCustData >= 2); /* widl adds its own items */
    for (DWORD i = 0; i < cd.cCustData; i++) VariantClear(&cd.prgCustData[i].varValue);
    CoTaskMemFree(cd.prgCustData);
    CHECK_HR(ITypeLib2_GetDocumentation2(lib2, -1, 0, &hs, &ctx, &dll), S_OK);
    CHECK_WSTR(hs, "comrt every-construct test library");
    CHECK_INT(ctx, 0x2002);
    CHECK_WSTR(dll, "comrt_all_strings.dll");
    SysFreeString(hs);
    SysFreeString(dll);
    CHECK_HR(ITypeLib_GetDocumentation(lib, -1, NULL, NULL, &ctx, &file), S_OK);
    CHECK_INT(ctx, 0x1001);
    CHECK_WSTR(file, "comrt_all.hlp");
    SysFreeString(file);
    ITypeLib2_Release(lib2);
    ITypeLib_Release(lib);
}

TEST(imported_base_interface)
{
    ITypeLib *lib = NULL, *container = NULL;
    ITypeInfo *derived, *base = NULL;
    HREFTYPE href;
    BSTR name = NULL;

    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &lib), S_OK);
    if (!lib) return;
    derived = type_named(lib, "IDerived");
    CHECK(derived != NULL);
    if (derived) {
        CHECK_HR(ITypeInfo_GetRefTypeOfImplType(derived, 0, &href), S_OK);
        CHECK_HR(ITypeInfo_GetRefTypeInfo(derived, href, &base), S_OK);
        if (base) {
            CHECK_HR(ITypeInfo_GetContainingTypeLib(base, &container, NULL), S_OK);
            CHECK_HR(ITypeLib_GetDocumentation(container, -1, &name, NULL, NULL, NULL), S_OK);
            CHECK_WSTR(name, "ComrtBase");
            SysFreeString(name);
            ITypeLib_Release(container);
            ITypeInfo_Release(base);
        }
        ITypeInfo_Release(derived);
    }
    CHECK_INT(ITypeLib_Release(lib), 0);
}

TEST(names_and_binding)
{
    ITypeLib *lib = NULL;
    ITypeComp *tc = NULL;
    ITypeInfo *ti = NULL, *tis[4];
    MEMBERID ids[4];
    USHORT n = 4;
    BOOL found = FALSE;
    WCHAR buf[] = u"IALLDUAL";
    WCHAR buf2[] = u"IALLDUAL";
    DESCKIND kind;
    BINDPTR bp;

    CHECK_HR(LoadTypeLib(tlb_fixture("comrt_all.tlb"), &lib), S_OK);
    if (!lib) return;
    CHECK_HR(ITypeLib_IsName(lib, buf, 0, &found), S_OK);
    CHECK(found);
    CHECK_WSTR(buf, "IAllDual"); /* the stored spelling is written back */
    CHECK_HR(ITypeLib_FindName(lib, buf2, 0, tis, ids, &n), S_OK);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_INT(ids[0], MEMBERID_NIL);
        ITypeInfo_Release(tis[0]);
    }
    CHECK_HR(ITypeLib_GetTypeComp(lib, &tc), S_OK);
    if (tc) {
        ITypeComp *tc2 = NULL;
        CHECK_HR(ITypeComp_BindType(tc, (LPOLESTR)u"IAllDual", 0, &ti, &tc2), S_OK);
        CHECK(ti != NULL);
        if (tc2) ITypeComp_Release(tc2);
        if (ti) {
            ITypeComp *ttc = NULL;
            ITypeInfo *bti = NULL;
            CHECK_HR(ITypeInfo_GetTypeComp(ti, &ttc), S_OK);
            CHECK_HR(ITypeComp_Bind(ttc, (LPOLESTR)u"Defaults", 0, INVOKE_FUNC, &bti, &kind, &bp), S_OK);
            CHECK_INT(kind, DESCKIND_FUNCDESC);
            if (kind == DESCKIND_FUNCDESC) {
                CHECK_INT(bp.lpfuncdesc->memid, 5);
                ITypeInfo_ReleaseFuncDesc(bti, bp.lpfuncdesc);
            }
            if (bti) ITypeInfo_Release(bti);
            CHECK_HR(ITypeComp_Bind(ttc, (LPOLESTR)u"NoSuchMember", 0, 0, &bti, &kind, &bp), S_OK);
            CHECK_INT(kind, DESCKIND_NONE);
            ITypeComp_Release(ttc);
            ITypeInfo_Release(ti);
        }
        ITypeComp_Release(tc);
    }
    CHECK_INT(ITypeLib_Release(lib), 0);
}

TEST(hash_values_from_oracle)
{
    CHECK_INT(LHashValOfNameSys(SYS_WIN64, 0, u"stdole"), 0x00106093);
    CHECK_INT(LHashValOfNameSysA(SYS_WIN32, 0x409, "abc"), 0x001072ac);
    CHECK_INT(LHashValOfNameSys(SYS_WIN32, 0x409, u"abc"), 0x001072ac);
    CHECK_INT(LHashValOfNameSysA(SYS_WIN32, 0x409, "abcXYZ_0123456789abcdefghijklmnopqrstuvwxyz"), 0x001041d0);
    CHECK_INT(LHashValOfNameSysA(SYS_MAC, 0x409, ""), 0x00117015);
    CHECK_INT(LHashValOfNameSysA(SYS_WIN32, 0x411, ""), 0x00407015);
    CHECK_INT(LHashValOfNameSys(SYS_WIN32, 0x409, u"\u00e9"), 0x0010105c);
    CHECK_INT(LHashValOfNameSys(SYS_WIN32, 0x409, u"\u20ac"), 0x00101096);
    CHECK_INT(LHashValOfNameSysA(SYS_WIN32, 0x409, NULL), 0);
}

static ITypeLib *thread_libs[8];

static void *load_thread(void *arg)
{
    ITypeLib **slot = arg;
    if (LoadTypeLib(tlb_fixture("msxml3_dll_1.tlb"), slot) != S_OK) *slot = NULL;
    return NULL;
}

TEST(concurrent_loads_share_one_object)
{
    pthread_t t[8];
    for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, load_thread, &thread_libs[i]);
    for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
    for (int i = 0; i < 8; i++) {
        CHECK(thread_libs[i] != NULL);
        CHECK(thread_libs[i] == thread_libs[0]);
    }
    for (int i = 0; i < 8; i++)
        if (thread_libs[i]) ITypeLib_Release(thread_libs[i]);
}

int main(void)
{
    RUN(load_stdole2_pe);
    RUN(cache_returns_same_object);
    RUN(load_errors);
    RUN(pe_resource_index);
    RUN(dual_interface_views);
    RUN(default_values);
    RUN(custom_data_and_docs);
    RUN(imported_base_interface);
    RUN(names_and_binding);
    RUN(hash_values_from_oracle);
    RUN(concurrent_loads_share_one_object);
    return comrt_test_summary();
}
