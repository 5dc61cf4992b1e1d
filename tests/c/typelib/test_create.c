/* Tests for the type library writer (lib/typelib/create_*.c, msft_write.c):
 * every construct written with ICreateTypeLib2/ICreateTypeInfo2, saved,
 * and read back with LoadTypeLibEx; LayOut for SYS_WIN32 and SYS_WIN64;
 * misuse HRESULTs; QueryInterface to ITypeLib/ITypeInfo on the objects
 * being built; DeleteTypeInfo; file errors and the atomic save; reference
 * counts (the ASan build checks nothing leaks). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#define COBJMACROS
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "comrt_test.h"
#include "typelib/tlb_fixture.h"

/* comrt's oaidl.h names inherited methods on the base interfaces only */
#define CTL(p) ((ICreateTypeLib *)(p))
#define CTI(p) ((ICreateTypeInfo *)(p))

static char tmpdir[256];
static unsigned nfile;

/* A fresh file name in the test's temporary directory (UTF-16, static). */
static const WCHAR *tmp_path(const char *stem, char *narrow)
{
    static WCHAR w[8][512];
    static int slot;
    WCHAR *out = w[slot++ & 7];
    char buf[512];
    size_t i;
    snprintf(buf, sizeof buf, "%s/%s_%u.tlb", tmpdir, stem, nfile++);
    for (i = 0; buf[i]; i++) out[i] = (WCHAR)buf[i];
    out[i] = 0;
    if (narrow) strcpy(narrow, buf);
    return out;
}

static WCHAR *W(const char *s)
{
    static WCHAR w[16][256];
    static int slot;
    WCHAR *out = w[slot++ & 15];
    size_t i;
    for (i = 0; s[i] && i < 255; i++) out[i] = (WCHAR)s[i];
    out[i] = 0;
    return out;
}

static GUID guid_n(unsigned n)
{
    GUID g = { 0x6a2f1c00, 0x0b1e, 0x4c5a, { 0x9f, 0x00, 0, 0, 0, 0, 0x07, 0 } };
    g.Data4[7] = (BYTE)n;
    return g;
}

static ITypeInfo *stdole_type(const GUID *iid)
{
    ITypeLib *std = NULL;
    ITypeInfo *ti = NULL;
    if (LoadTypeLib(tlb_fixture("stdole2.tlb"), &std) != S_OK) return NULL;
    ITypeLib_GetTypeInfoOfGuid(std, iid, &ti);
    ITypeLib_Release(std);
    return ti;
}

static FUNCDESC func(MEMBERID id, FUNCKIND fk, INVOKEKIND ik, VARTYPE ret, SHORT np, ELEMDESC *p)
{
    FUNCDESC fd;
    memset(&fd, 0, sizeof fd);
    fd.memid = id;
    fd.funckind = fk;
    fd.invkind = ik;
    fd.callconv = CC_STDCALL;
    fd.elemdescFunc.tdesc.vt = ret;
    fd.cParams = np;
    fd.lprgelemdescParam = p;
    return fd;
}

/* Builds the every-construct library into path; returns the HRESULT of
 * SaveAllChanges. */
static HRESULT build_all(SYSKIND sk, const WCHAR *path)
{
    ICreateTypeLib2 *ctl = NULL;
    ICreateTypeInfo *cti = NULL;
    ICreateTypeInfo2 *cti2 = NULL;
    ITypeInfo *unk = stdole_type(&IID_IUnknown), *disp = stdole_type(&IID_IDispatch);
    HREFTYPE href, hrec = 0, hiface = 0;
    GUID g;
    VARIANT v;
    HRESULT hr;

    CHECK(unk && disp);
    CHECK_HR(CreateTypeLib2(sk, path, &ctl), S_OK);
    g = guid_n(0);
    CHECK_HR(ICreateTypeLib_SetName(CTL(ctl), W("AllWritten")), S_OK);
    CHECK_HR(ICreateTypeLib_SetGuid(CTL(ctl), &g), S_OK);
    CHECK_HR(ICreateTypeLib_SetVersion(CTL(ctl), 2, 5), S_OK);
    CHECK_HR(ICreateTypeLib_SetLcid(CTL(ctl), 0x409), S_OK);
    CHECK_HR(ICreateTypeLib_SetDocString(CTL(ctl), W("doc")), S_OK);
    CHECK_HR(ICreateTypeLib_SetHelpFileName(CTL(ctl), W("help.hlp")), S_OK);
    CHECK_HR(ICreateTypeLib_SetHelpContext(CTL(ctl), 55), S_OK);
    CHECK_HR(ICreateTypeLib2_SetHelpStringContext(ctl, 66), S_OK);
    CHECK_HR(ICreateTypeLib2_SetHelpStringDll(ctl, W("res.dll")), S_OK);
    CHECK_HR(ICreateTypeLib_SetLibFlags(CTL(ctl), LIBFLAG_FHIDDEN), S_OK);
    V_VT(&v) = VT_R8;
    V_R8(&v) = 2.5;
    CHECK_HR(ICreateTypeLib2_SetCustData(ctl, &g, &v), S_OK);
    V_VT(&v) = VT_I4;
    V_I4(&v) = 7;
    /* setting a GUID again replaces its value */
    CHECK_HR(ICreateTypeLib2_SetCustData(ctl, &g, &v), S_OK);

    /* 0 enum */
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("EColor"), TKIND_ENUM, &cti), S_OK);
    for (int i = 0; i < 2; i++) {
        VARDESC vd;
        VARIANT val;
        memset(&vd, 0, sizeof vd);
        V_VT(&val) = VT_I4;
        V_I4(&val) = i ? 100000000 : -1; /* out of line, out of line */
        vd.memid = 0x40000000 + i;
        vd.varkind = VAR_CONST;
        vd.lpvarValue = &val;
        vd.elemdescVar.tdesc.vt = VT_I4;
        CHECK_HR(ICreateTypeInfo_AddVarDesc(cti, i, &vd), S_OK);
        CHECK_HR(ICreateTypeInfo_SetVarName(cti, i, W(i ? "eBig" : "eMinus")), S_OK);
    }
    CHECK_HR(ICreateTypeInfo_LayOut(cti), S_OK);
    ICreateTypeInfo_Release(cti);

    /* 1 record with a pointer: 64-bit {I4 @0, ptr @8, I1 @16} = 24; 32-bit {0, 4, 8} = 12 */
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("RRec"), TKIND_RECORD, &cti), S_OK);
    {
        static const VARTYPE vts[] = { VT_I4, VT_BSTR, VT_I1 };
        for (int i = 0; i < 3; i++) {
            VARDESC vd;
            memset(&vd, 0, sizeof vd);
            vd.memid = 0x40000000 + i;
            vd.varkind = VAR_PERINSTANCE;
            vd.elemdescVar.tdesc.vt = vts[i];
            CHECK_HR(ICreateTypeInfo_AddVarDesc(cti, i, &vd), S_OK);
            CHECK_HR(ICreateTypeInfo_SetVarName(cti, i, W(i == 0 ? "a" : i == 1 ? "b" : "c")), S_OK);
        }
    }
    CHECK_HR(ICreateTypeInfo_LayOut(cti), S_OK);
    {
        ITypeInfo *ti = NULL;
        CHECK_HR(ICreateTypeInfo_QueryInterface(cti, &IID_ITypeInfo, (void **)&ti), S_OK);
        if (ti) {
            CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, ti, &hrec), S_OK);
            CHECK_INT(hrec, 0x64);
            ITypeInfo_Release(ti);
        }
    }
    ICreateTypeInfo_Release(cti);

    /* 2 alias of a C array of the record */
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("ARecs"), TKIND_ALIAS, &cti), S_OK);
    {
        /* an ARRAYDESC with room for a second bound */
        union { ARRAYDESC ad; char room[sizeof(ARRAYDESC) + sizeof(SAFEARRAYBOUND)]; } arr;
        TYPEDESC td;
        memset(&arr, 0, sizeof arr);
        arr.ad.tdescElem.vt = VT_USERDEFINED;
        arr.ad.tdescElem.hreftype = hrec;
        arr.ad.cDims = 2;
        arr.ad.rgbounds[0].cElements = 2;
        {
            SAFEARRAYBOUND *b = arr.ad.rgbounds; /* [1] declared, room for 2 */
            b[1].cElements = 3;
            b[1].lLbound = 1;
        }
        td.vt = VT_CARRAY;
        td.lpadesc = &arr.ad;
        CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, NULL), E_INVALIDARG);
        CHECK_HR(ICreateTypeInfo_SetTypeDescAlias(cti, &td), S_OK);
    }
    CHECK_HR(ICreateTypeInfo_LayOut(cti), S_OK);
    ICreateTypeInfo_Release(cti);

    /* 3 interface IThing : IUnknown */
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("IThing"), TKIND_INTERFACE, &cti), S_OK);
    CHECK_HR(ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2), S_OK);
    g = guid_n(3);
    CHECK_HR(ICreateTypeInfo_SetGuid(cti, &g), S_OK);
    CHECK_HR(ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FOLEAUTOMATION), S_OK);
    CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, unk, &href), S_OK);
    CHECK_INT(href & 3, 1);
    CHECK_HR(ICreateTypeInfo_AddImplType(cti, 0, href), S_OK);
    {
        ELEMDESC p[2];
        PARAMDESCEX dx;
        TYPEDESC rec = { { 0 }, VT_USERDEFINED }, pi4 = { { 0 }, VT_I4 };
        FUNCDESC fd;
        LPOLESTR names[3] = { W("Do"), W("what"), W("out") };
        memset(p, 0, sizeof p);
        memset(&dx, 0, sizeof dx);
        rec.hreftype = hrec;
        p[0].tdesc.vt = VT_PTR;
        p[0].tdesc.lptdesc = &rec;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
        p[1].tdesc.vt = VT_I4;
        p[1].paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOPT | PARAMFLAG_FHASDEFAULT;
        p[1].paramdesc.pparamdescex = &dx;
        dx.cBytes = sizeof dx;
        V_VT(&dx.varDefaultValue) = VT_I4;
        V_I4(&dx.varDefaultValue) = 42;
        fd = func(0x60010000, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 2, p);
        CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), S_OK);
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 3), S_OK);
        CHECK_HR(ICreateTypeInfo_SetFuncDocString(cti, 0, W("does")), S_OK);
        CHECK_HR(ICreateTypeInfo2_SetFuncHelpStringContext(cti2, 0, 9), S_OK);
        V_VT(&v) = VT_BSTR;
        V_BSTR(&v) = SysAllocString(W("fcd"));
        CHECK_HR(ICreateTypeInfo2_SetFuncCustData(cti2, 0, &g, &v), S_OK);
        CHECK_HR(ICreateTypeInfo2_SetParamCustData(cti2, 0, 1, &g, &v), S_OK);
        CHECK_HR(ICreateTypeInfo2_SetParamCustData(cti2, 0, 2, &g, &v), TYPE_E_ELEMENTNOTFOUND);
        VariantClear(&v);
        /* a second function, then deleted again */
        p[0].tdesc.vt = VT_PTR;
        p[0].tdesc.lptdesc = &pi4;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        fd = func(0x60010001, FUNC_PUREVIRTUAL, INVOKE_PROPERTYGET, VT_HRESULT, 1, p);
        CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 1, &fd), S_OK);
        fd = func(0x60010002, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 0, NULL);
        CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 2, &fd), S_OK);
        CHECK_HR(ICreateTypeInfo2_DeleteFuncDescByMemId(cti2, 0x60010002, INVOKE_FUNC), S_OK);
        CHECK_HR(ICreateTypeInfo2_DeleteFuncDescByMemId(cti2, 0x60010002, INVOKE_FUNC), TYPE_E_ELEMENTNOTFOUND);
        names[0] = W("Value");
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 1, names, 1), S_OK);
        names[0] = W("Do");
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 1, names, 1), TYPE_E_AMBIGUOUSNAME);
    }
    CHECK_HR(ICreateTypeInfo_LayOut(cti), S_OK);
    ICreateTypeInfo_Release(CTI(cti2));
    {
        ITypeInfo *ti = NULL;
        CHECK_HR(ICreateTypeInfo_QueryInterface(cti, &IID_ITypeInfo, (void **)&ti), S_OK);
        if (ti) {
            CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, ti, &hiface), S_OK);
            ITypeInfo_Release(ti);
        }
    }
    ICreateTypeInfo_Release(cti);

    /* 4 dual IDualThing : IDispatch */
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("IDualThing"), TKIND_INTERFACE, &cti), S_OK);
    g = guid_n(4);
    CHECK_HR(ICreateTypeInfo_SetGuid(cti, &g), S_OK);
    CHECK_HR(ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FDUAL | TYPEFLAG_FOLEAUTOMATION | TYPEFLAG_FDISPATCHABLE), S_OK);
    CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, disp, &href), S_OK);
    CHECK_HR(ICreateTypeInfo_AddImplType(cti, 0, href), S_OK);
    CHECK_HR(ICreateTypeInfo_AddImplType(cti, 0, href), TYPE_E_ELEMENTNOTFOUND);
    {
        FUNCDESC fd = func(1, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 0, NULL);
        LPOLESTR names[1] = { W("Ping") };
        CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), S_OK);
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 1), S_OK);
    }
    ICreateTypeInfo_Release(cti);

    /* 5 module with entries */
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("MFuncs"), TKIND_MODULE, &cti), S_OK);
    {
        FUNCDESC fd = func(0x60000000, FUNC_STATIC, INVOKE_FUNC, VT_I4, 0, NULL);
        LPOLESTR names[1] = { W("Beep") };
        CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), S_OK);
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 1), S_OK);
        CHECK_HR(ICreateTypeInfo_DefineFuncAsDllEntry(cti, 0, W("k.dll"), (LPOLESTR)(uintptr_t)12), S_OK);
        CHECK_HR(ICreateTypeInfo_DefineFuncAsDllEntry(cti, 1, W("k.dll"), W("x")), TYPE_E_ELEMENTNOTFOUND);
    }
    ICreateTypeInfo_Release(cti);

    /* 6 coclass */
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("CThing"), TKIND_COCLASS, &cti), S_OK);
    CHECK_HR(ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2), S_OK);
    g = guid_n(6);
    CHECK_HR(ICreateTypeInfo_SetGuid(cti, &g), S_OK);
    CHECK_HR(ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FCANCREATE), S_OK);
    CHECK_HR(ICreateTypeInfo_AddImplType(cti, 0, hiface), S_OK);
    CHECK_HR(ICreateTypeInfo_AddImplType(cti, 1, 0x4000), E_FAIL);
    CHECK_HR(ICreateTypeInfo_SetImplTypeFlags(cti, 0, IMPLTYPEFLAG_FDEFAULT), S_OK);
    V_VT(&v) = VT_UI2;
    V_UI2(&v) = 9;
    CHECK_HR(ICreateTypeInfo2_SetImplTypeCustData(cti2, 0, &g, &v), S_OK);
    ICreateTypeInfo_Release(CTI(cti2));
    ICreateTypeInfo_Release(cti);

    hr = ICreateTypeLib_SaveAllChanges(CTL(ctl));
    CHECK_INT(ICreateTypeLib_Release(CTL(ctl)), 0);
    ITypeInfo_Release(unk);
    ITypeInfo_Release(disp);
    return hr;
}

static ITypeInfo *named(ITypeLib *lib, const char *name, TYPEATTR **ta)
{
    ITypeInfo *ti = NULL;
    MEMBERID id;
    USHORT n = 1;
    WCHAR *w = W(name);
    if (ITypeLib_FindName(lib, w, 0, &ti, &id, &n) != S_OK || n != 1) return NULL;
    if (ta && ITypeInfo_GetTypeAttr(ti, ta) != S_OK) *ta = NULL;
    return ti;
}

static void check_all(SYSKIND sk, const WCHAR *path)
{
    ITypeLib *lib = NULL;
    ITypeLib2 *lib2 = NULL;
    TLIBATTR *la = NULL;
    TYPEATTR *ta = NULL;
    ITypeInfo *ti;
    BSTR name = NULL, doc = NULL, file = NULL;
    DWORD ctx = 0;
    VARIANT v;
    GUID g = guid_n(0);
    UINT ps = sk == SYS_WIN64 ? 8 : 4;

    CHECK_HR(LoadTypeLibEx(path, REGKIND_NONE, &lib), S_OK);
    if (!lib) return;
    CHECK_INT(ITypeLib_GetTypeInfoCount(lib), 7);
    CHECK_HR(ITypeLib_GetLibAttr(lib, &la), S_OK);
    CHECK(IsEqualGUID(&la->guid, &g));
    CHECK_INT(la->syskind, sk);
    CHECK_INT(la->wMajorVerNum, 2);
    CHECK_INT(la->wMinorVerNum, 5);
    CHECK_INT(la->lcid, 0x409);
    /* a library read from a file says so (LIBFLAG_FHASDISKIMAGE) */
    CHECK_INT(la->wLibFlags, LIBFLAG_FHIDDEN | LIBFLAG_FHASDISKIMAGE);
    ITypeLib_ReleaseTLibAttr(lib, la);
    CHECK_HR(ITypeLib_GetDocumentation(lib, -1, &name, &doc, &ctx, &file), S_OK);
    CHECK_WSTR(name, "AllWritten");
    CHECK_WSTR(doc, "doc");
    CHECK_WSTR(file, "help.hlp");
    CHECK_INT(ctx, 55);
    SysFreeString(name);
    SysFreeString(doc);
    SysFreeString(file);
    CHECK_HR(ITypeLib_QueryInterface(lib, &IID_ITypeLib2, (void **)&lib2), S_OK);
    VariantInit(&v);
    CHECK_HR(ITypeLib2_GetCustData(lib2, &g, &v), S_OK);
    CHECK_INT(V_VT(&v), VT_I4);
    CHECK_INT(V_I4(&v), 7);
    {
        BSTR hs = NULL, dll = NULL;
        CHECK_HR(ITypeLib2_GetDocumentation2(lib2, -1, 0, &hs, &ctx, &dll), S_OK);
        CHECK_INT(ctx, 66);
        CHECK_WSTR(dll, "res.dll");
        SysFreeString(hs);
        SysFreeString(dll);
    }
    ITypeLib2_Release(lib2);

    /* enum values */
    ti = named(lib, "EColor", &ta);
    CHECK(ti && ta);
    if (ti && ta) {
        VARDESC *vd = NULL;
        CHECK_INT(ta->typekind, TKIND_ENUM);
        CHECK_INT(ta->cVars, 2);
        CHECK_INT(ta->cbSizeInstance, 4);
        CHECK_HR(ITypeInfo_GetVarDesc(ti, 0, &vd), S_OK);
        if (vd) {
            CHECK_INT(V_I4(vd->lpvarValue), -1);
            ITypeInfo_ReleaseVarDesc(ti, vd);
        }
        CHECK_HR(ITypeInfo_GetVarDesc(ti, 1, &vd), S_OK);
        if (vd) {
            CHECK_INT(V_I4(vd->lpvarValue), 100000000);
            ITypeInfo_ReleaseVarDesc(ti, vd);
        }
        ITypeInfo_ReleaseTypeAttr(ti, ta);
        ITypeInfo_Release(ti);
    }

    /* record layout per SYSKIND */
    ti = named(lib, "RRec", &ta);
    CHECK(ti && ta);
    if (ti && ta) {
        VARDESC *vd = NULL;
        CHECK_INT(ta->cbSizeInstance, sk == SYS_WIN64 ? 24 : 12);
        CHECK_INT(ta->cbAlignment, ps);
        CHECK_HR(ITypeInfo_GetVarDesc(ti, 2, &vd), S_OK);
        if (vd) {
            CHECK_INT(vd->oInst, 2 * ps);
            ITypeInfo_ReleaseVarDesc(ti, vd);
        }
        ITypeInfo_ReleaseTypeAttr(ti, ta);
        ITypeInfo_Release(ti);
    }

    /* alias of a 2x3 array of the record */
    ti = named(lib, "ARecs", &ta);
    CHECK(ti && ta);
    if (ti && ta) {
        CHECK_INT(ta->tdescAlias.vt, VT_CARRAY);
        CHECK_INT(ta->tdescAlias.lpadesc->cDims, 2);
        {
            const SAFEARRAYBOUND *b = ta->tdescAlias.lpadesc->rgbounds;
            CHECK_INT(b[1].cElements, 3);
            CHECK_INT(b[1].lLbound, 1);
        }
        CHECK_INT(ta->tdescAlias.lpadesc->tdescElem.vt, VT_USERDEFINED);
        CHECK_INT(ta->cbSizeInstance, 6 * (sk == SYS_WIN64 ? 24 : 12));
        ITypeInfo_ReleaseTypeAttr(ti, ta);
        ITypeInfo_Release(ti);
    }

    /* interface: base, functions, defaults, custom data, vtable */
    ti = named(lib, "IThing", &ta);
    CHECK(ti && ta);
    if (ti && ta) {
        FUNCDESC *fd = NULL;
        HREFTYPE href;
        ITypeInfo *base = NULL;
        ITypeInfo2 *ti2 = NULL;
        CHECK_INT(ta->cFuncs, 2);
        CHECK_INT(ta->cbSizeVft, 5 * ps);
        CHECK_INT(ta->wTypeFlags, TYPEFLAG_FOLEAUTOMATION);
        CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, 0, &href), S_OK);
        CHECK_HR(ITypeInfo_GetRefTypeInfo(ti, href, &base), S_OK);
        if (base) {
            BSTR bn = NULL;
            ITypeInfo_GetDocumentation(base, MEMBERID_NIL, &bn, NULL, NULL, NULL);
            CHECK_WSTR(bn, "IUnknown");
            SysFreeString(bn);
            ITypeInfo_Release(base);
        }
        CHECK_HR(ITypeInfo_GetFuncDesc(ti, 0, &fd), S_OK);
        if (fd) {
            CHECK_INT(fd->cParams, 2);
            CHECK_INT(fd->lprgelemdescParam[0].tdesc.vt, VT_PTR);
            CHECK_INT(fd->lprgelemdescParam[0].tdesc.lptdesc->vt, VT_USERDEFINED);
            CHECK(fd->lprgelemdescParam[1].paramdesc.wParamFlags & PARAMFLAG_FHASDEFAULT);
            CHECK_INT(V_I4(&fd->lprgelemdescParam[1].paramdesc.pparamdescex->varDefaultValue), 42);
            CHECK_INT(fd->oVft, 3 * (int)sizeof(void *));
            ITypeInfo_ReleaseFuncDesc(ti, fd);
        }
        CHECK_HR(ITypeInfo_QueryInterface(ti, &IID_ITypeInfo2, (void **)&ti2), S_OK);
        if (ti2) {
            GUID cg = guid_n(3);
            VariantInit(&v);
            CHECK_HR(ITypeInfo2_GetFuncCustData(ti2, 0, &cg, &v), S_OK);
            CHECK_INT(V_VT(&v), VT_BSTR);
            CHECK_WSTR(V_BSTR(&v), "fcd");
            VariantClear(&v);
            CHECK_HR(ITypeInfo2_GetParamCustData(ti2, 0, 1, &cg, &v), S_OK);
            CHECK_WSTR(V_BSTR(&v), "fcd");
            VariantClear(&v);
            ITypeInfo2_Release(ti2);
        }
        ITypeInfo_ReleaseTypeAttr(ti, ta);
        ITypeInfo_Release(ti);
    }

    /* dual: stored as a dispatch type, interface half behind href -1 */
    ti = named(lib, "IDualThing", &ta);
    CHECK(ti && ta);
    if (ti && ta) {
        HREFTYPE href;
        ITypeInfo *half = NULL;
        CHECK_INT(ta->typekind, TKIND_DISPATCH);
        CHECK_INT(ta->cFuncs, 8);
        CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, -1, &href), S_OK);
        CHECK_HR(ITypeInfo_GetRefTypeInfo(ti, href, &half), S_OK);
        if (half) {
            TYPEATTR *ha = NULL;
            CHECK_HR(ITypeInfo_GetTypeAttr(half, &ha), S_OK);
            if (ha) {
                CHECK_INT(ha->typekind, TKIND_INTERFACE);
                CHECK_INT(ha->cbSizeVft, 8 * ps);
                ITypeInfo_ReleaseTypeAttr(half, ha);
            }
            ITypeInfo_Release(half);
        }
        ITypeInfo_ReleaseTypeAttr(ti, ta);
        ITypeInfo_Release(ti);
    }

    /* module entry by ordinal */
    ti = named(lib, "MFuncs", NULL);
    CHECK(ti != NULL);
    if (ti) {
        BSTR dll = NULL, entry = NULL;
        WORD ord = 0;
        CHECK_HR(ITypeInfo_GetDllEntry(ti, 0x60000000, INVOKE_FUNC, &dll, &entry, &ord), S_OK);
        CHECK_WSTR(dll, "k.dll");
        CHECK(entry == NULL);
        CHECK_INT(ord, 12);
        SysFreeString(dll);
        SysFreeString(entry);
        ITypeInfo_Release(ti);
    }

    /* coclass: implemented interface with flags and custom data */
    ti = named(lib, "CThing", &ta);
    CHECK(ti && ta);
    if (ti && ta) {
        INT flags = 0;
        ITypeInfo2 *ti2 = NULL;
        CHECK_INT(ta->cImplTypes, 1);
        CHECK_INT(ta->wTypeFlags, TYPEFLAG_FCANCREATE);
        CHECK_HR(ITypeInfo_GetImplTypeFlags(ti, 0, &flags), S_OK);
        CHECK_INT(flags, IMPLTYPEFLAG_FDEFAULT);
        CHECK_HR(ITypeInfo_QueryInterface(ti, &IID_ITypeInfo2, (void **)&ti2), S_OK);
        if (ti2) {
            GUID cg = guid_n(6);
            VariantInit(&v);
            CHECK_HR(ITypeInfo2_GetImplTypeCustData(ti2, 0, &cg, &v), S_OK);
            CHECK_INT(V_VT(&v), VT_UI2);
            CHECK_INT(V_UI2(&v), 9);
            ITypeInfo2_Release(ti2);
        }
        ITypeInfo_ReleaseTypeAttr(ti, ta);
        ITypeInfo_Release(ti);
    }
    CHECK_INT(ITypeLib_Release(lib), 0);
}

TEST(round_trip_win64)
{
    const WCHAR *p = tmp_path("all64", NULL);
    CHECK_HR(build_all(SYS_WIN64, p), S_OK);
    check_all(SYS_WIN64, p);
}

TEST(round_trip_win32)
{
    const WCHAR *p = tmp_path("all32", NULL);
    CHECK_HR(build_all(SYS_WIN32, p), S_OK);
    check_all(SYS_WIN32, p);
}

TEST(misuse)
{
    ICreateTypeLib2 *ctl = NULL;
    ICreateTypeInfo *cti = NULL, *ce = NULL, *cm = NULL, *cd = NULL, *cc = NULL;
    FUNCDESC fd = func(1, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 0, NULL);
    VARDESC vd;
    VARIANT v;
    GUID g = guid_n(9);
    ITypeLib *tl = NULL;

    CHECK_HR(CreateTypeLib2(SYS_WIN64, NULL, &ctl), E_INVALIDARG);
    CHECK_HR(CreateTypeLib2(SYS_WIN64, tmp_path("m", NULL), NULL), E_INVALIDARG);
    CHECK_HR(CreateTypeLib2(SYS_WIN64, tmp_path("m", NULL), &ctl), S_OK);
    CHECK_HR(ICreateTypeLib_SetName(CTL(ctl), NULL), E_INVALIDARG);
    CHECK_HR(ICreateTypeLib_SetDocString(CTL(ctl), NULL), E_INVALIDARG);
    CHECK_HR(ICreateTypeLib2_SetCustData(ctl, NULL, &v), E_INVALIDARG);
    CHECK_HR(ICreateTypeLib2_SetCustData(ctl, &g, NULL), E_INVALIDARG);
    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = NULL;
    CHECK_HR(ICreateTypeLib2_SetCustData(ctl, &g, &v), DISP_E_BADVARTYPE);
    V_VT(&v) = VT_I4 | VT_BYREF;
    CHECK_HR(ICreateTypeLib2_SetCustData(ctl, &g, &v), DISP_E_BADVARTYPE);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), NULL, TKIND_ENUM, &cti), E_INVALIDARG);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("X"), TKIND_ENUM, NULL), E_INVALIDARG);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("IA"), TKIND_INTERFACE, &cti), S_OK);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("ia"), TKIND_ENUM, &ce), TYPE_E_NAMECONFLICT);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("E"), TKIND_ENUM, &ce), S_OK);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("M"), TKIND_MODULE, &cm), S_OK);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("D"), TKIND_DISPATCH, &cd), S_OK);
    CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("C"), TKIND_COCLASS, &cc), S_OK);
    CHECK_HR(ICreateTypeInfo_QueryInterface(cti, &IID_ITypeLib, (void **)&tl), E_NOINTERFACE);
    CHECK_HR(ICreateTypeLib_QueryInterface(CTL(ctl), &IID_ITypeLib2, (void **)&tl), S_OK);
    if (tl) {
        CHECK_INT(ITypeLib_GetTypeInfoCount(tl), 5);
        ITypeLib_Release(tl);
    }

    /* functions */
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, NULL), E_INVALIDARG);
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 1, &fd), TYPE_E_ELEMENTNOTFOUND);
    fd.oVft = 3;
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), E_INVALIDARG);
    fd.oVft = 0;
    fd.cParams = 1;
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), E_INVALIDARG);
    fd.cParams = 0;
    fd.elemdescFunc.tdesc.vt = VT_PTR;
    fd.elemdescFunc.tdesc.lptdesc = NULL;
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), E_INVALIDARG);
    fd.elemdescFunc.tdesc.vt = VT_HRESULT;
    fd.funckind = FUNC_DISPATCH;
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(ce, 0, &fd), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cm, 0, &fd), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cd, 0, &fd), S_OK);
    fd.funckind = FUNC_PUREVIRTUAL;
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cd, 1, &fd), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddFuncDesc(cti, 0, &fd), S_OK);
    CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 0, NULL, 1), E_INVALIDARG);
    {
        LPOLESTR names[2] = { W("F"), W("x") };
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 2), TYPE_E_ELEMENTNOTFOUND);
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 0), TYPE_E_ELEMENTNOTFOUND);
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 3, names, 1), TYPE_E_ELEMENTNOTFOUND);
        CHECK_HR(ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 1), S_OK);
    }
    CHECK_HR(ICreateTypeInfo_SetFuncDocString(cti, 1, W("x")), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ICreateTypeInfo_SetFuncDocString(cti, 0, NULL), E_INVALIDARG);
    CHECK_HR(ICreateTypeInfo_SetFuncHelpContext(cti, 1, 0), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ICreateTypeInfo_DefineFuncAsDllEntry(cti, 0, W("a"), W("b")), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_SetTypeDescAlias(cti, &fd.elemdescFunc.tdesc), TYPE_E_WRONGTYPEKIND);

    /* variables */
    memset(&vd, 0, sizeof vd);
    vd.varkind = VAR_PERINSTANCE;
    vd.elemdescVar.tdesc.vt = VT_I4;
    CHECK_HR(ICreateTypeInfo_AddVarDesc(cti, 0, &vd), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddVarDesc(ce, 0, &vd), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddVarDesc(cc, 0, &vd), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddVarDesc(ce, 0, NULL), E_INVALIDARG);
    vd.varkind = VAR_CONST;
    CHECK_HR(ICreateTypeInfo_AddVarDesc(ce, 0, &vd), E_INVALIDARG);
    V_VT(&v) = VT_I4;
    V_I4(&v) = 1;
    vd.lpvarValue = &v;
    CHECK_HR(ICreateTypeInfo_AddVarDesc(ce, 1, &vd), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ICreateTypeInfo_AddVarDesc(ce, 0, &vd), S_OK);
    CHECK_HR(ICreateTypeInfo_SetVarName(ce, 1, W("v")), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ICreateTypeInfo_SetVarName(ce, 0, NULL), E_INVALIDARG);
    CHECK_HR(ICreateTypeInfo_SetVarDocString(ce, 2, W("d")), TYPE_E_ELEMENTNOTFOUND);

    /* impl types */
    CHECK_HR(ICreateTypeInfo_AddImplType(ce, 0, 0), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddImplType(cc, 0, 0x1234), E_FAIL);
    CHECK_HR(ICreateTypeInfo_AddImplType(cc, 1, 0), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ICreateTypeInfo_AddImplType(cc, 0, 0), S_OK);
    CHECK_HR(ICreateTypeInfo_SetImplTypeFlags(cc, 1, 0), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ICreateTypeInfo_SetImplTypeFlags(cti, 0, 0), TYPE_E_BADMODULEKIND);
    CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(cti, NULL, NULL), E_INVALIDARG);

    /* names and renames */
    {
        ICreateTypeInfo2 *c2 = NULL;
        CHECK_HR(ICreateTypeInfo_QueryInterface(ce, &IID_ICreateTypeInfo2, (void **)&c2), S_OK);
        if (c2) {
            CHECK_HR(ICreateTypeInfo2_SetName(c2, W("M")), TYPE_E_NAMECONFLICT);
            CHECK_HR(ICreateTypeInfo2_SetName(c2, W("E")), S_OK);
            CHECK_HR(ICreateTypeInfo2_SetName(c2, NULL), E_INVALIDARG);
            CHECK_HR(ICreateTypeInfo2_DeleteVarDesc(c2, 3), TYPE_E_ELEMENTNOTFOUND);
            CHECK_HR(ICreateTypeInfo2_DeleteVarDescByMemId(c2, 77), TYPE_E_ELEMENTNOTFOUND);
            CHECK_HR(ICreateTypeInfo2_DeleteImplType(c2, 0), TYPE_E_ELEMENTNOTFOUND);
            CHECK_HR(ICreateTypeInfo2_SetVarCustData(c2, 4, &g, &v), TYPE_E_ELEMENTNOTFOUND);
            ICreateTypeInfo_Release(CTI(c2));
        }
    }
    CHECK_HR(ICreateTypeLib2_DeleteTypeInfo(ctl, W("Nope")), TYPE_E_ELEMENTNOTFOUND);
    CHECK_HR(ICreateTypeLib2_DeleteTypeInfo(ctl, NULL), E_INVALIDARG);

    /* an alias that was never given a type cannot be laid out */
    {
        ICreateTypeInfo *ca = NULL;
        CHECK_HR(ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("A"), TKIND_ALIAS, &ca), S_OK);
        CHECK_HR(ICreateTypeInfo_LayOut(ca), E_INVALIDARG);
        CHECK_HR(ICreateTypeInfo_SetTypeDescAlias(ca, NULL), E_INVALIDARG);
        ICreateTypeInfo_Release(ca);
        CHECK_HR(ICreateTypeLib2_DeleteTypeInfo(ctl, W("A")), S_OK);
    }
    /* the interface types release in any order with the library */
    ICreateTypeInfo_Release(cti);
    ICreateTypeInfo_Release(ce);
    ICreateTypeInfo_Release(cm);
    CHECK_INT(ICreateTypeLib_Release(CTL(ctl)), 2);
    ICreateTypeInfo_Release(cd);
    CHECK_INT(ICreateTypeInfo_Release(cc), 0);
}

/* DeleteTypeInfo: later types move down and references to them follow. */
TEST(delete_type_info)
{
    ICreateTypeLib2 *ctl = NULL;
    ICreateTypeInfo *a = NULL, *b = NULL, *c = NULL;
    ITypeInfo *ti = NULL;
    ITypeLib *lib = NULL;
    HREFTYPE hb = 0;
    const WCHAR *p = tmp_path("del", NULL);
    CHECK_HR(CreateTypeLib2(SYS_WIN64, p, &ctl), S_OK);
    ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("First"), TKIND_ENUM, &a);
    ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("Second"), TKIND_RECORD, &b);
    ICreateTypeLib_CreateTypeInfo(CTL(ctl), W("Third"), TKIND_ALIAS, &c);
    CHECK_HR(ICreateTypeInfo_QueryInterface(b, &IID_ITypeInfo, (void **)&ti), S_OK);
    if (ti) {
        CHECK_HR(ICreateTypeInfo_AddRefTypeInfo(c, ti, &hb), S_OK);
        ITypeInfo_Release(ti);
    }
    {
        TYPEDESC td = { { 0 }, VT_USERDEFINED };
        td.hreftype = hb;
        CHECK_HR(ICreateTypeInfo_SetTypeDescAlias(c, &td), S_OK);
    }
    CHECK_HR(ICreateTypeLib2_DeleteTypeInfo(ctl, W("First")), S_OK);
    /* the deleted object stays usable (and releasable) */
    CHECK_HR(ICreateTypeInfo_SetDocString(a, W("gone")), S_OK);
    CHECK_HR(ICreateTypeLib_SaveAllChanges(CTL(ctl)), S_OK);
    ICreateTypeInfo_Release(a);
    ICreateTypeInfo_Release(b);
    ICreateTypeInfo_Release(c);
    CHECK_INT(ICreateTypeLib_Release(CTL(ctl)), 0);
    CHECK_HR(LoadTypeLibEx(p, REGKIND_NONE, &lib), S_OK);
    if (lib) {
        TYPEATTR *ta = NULL;
        CHECK_INT(ITypeLib_GetTypeInfoCount(lib), 2);
        CHECK_HR(ITypeLib_GetTypeInfo(lib, 1, &ti), S_OK);
        if (ti) {
            CHECK_HR(ITypeInfo_GetTypeAttr(ti, &ta), S_OK);
            if (ta) {
                ITypeInfo *r = NULL;
                CHECK_INT(ta->tdescAlias.vt, VT_USERDEFINED);
                CHECK_HR(ITypeInfo_GetRefTypeInfo(ti, ta->tdescAlias.hreftype, &r), S_OK);
                if (r) {
                    BSTR n = NULL;
                    ITypeInfo_GetDocumentation(r, MEMBERID_NIL, &n, NULL, NULL, NULL);
                    CHECK_WSTR(n, "Second");
                    SysFreeString(n);
                    ITypeInfo_Release(r);
                }
                ITypeInfo_ReleaseTypeAttr(ti, ta);
            }
            ITypeInfo_Release(ti);
        }
        ITypeLib_Release(lib);
    }
}

/* Saving: errors as Windows' file functions give them, no temporary file
 * left behind, a failed save leaves the target as it was. */
TEST(save_errors_and_atomic_write)
{
    ICreateTypeLib2 *ctl = NULL;
    char narrow[512];
    const WCHAR *p;
    struct stat st;
    DIR *d;
    struct dirent *e;
    int others = 0;

    CHECK_HR(CreateTypeLib2(SYS_WIN32, W("/nonexistent-dir-comrt/x.tlb"), &ctl), S_OK);
    CHECK_HR(ICreateTypeLib_SaveAllChanges(CTL(ctl)), STG_E_PATHNOTFOUND);
    ICreateTypeLib_Release(CTL(ctl));
    CHECK_HR(CreateTypeLib2(SYS_WIN32, W("/dev/null/x.tlb"), &ctl), S_OK);
    CHECK_HR(ICreateTypeLib_SaveAllChanges(CTL(ctl)), STG_E_PATHNOTFOUND);
    ICreateTypeLib_Release(CTL(ctl));
    if (geteuid() != 0) {
        char ro[600];
        snprintf(ro, sizeof ro, "%s/ro", tmpdir);
        mkdir(ro, 0500);
        strcat(ro, "/x.tlb");
        CHECK_HR(CreateTypeLib2(SYS_WIN32, W(ro), &ctl), S_OK);
        CHECK_HR(ICreateTypeLib_SaveAllChanges(CTL(ctl)), STG_E_ACCESSDENIED);
        ICreateTypeLib_Release(CTL(ctl));
    }

    /* a target that is a directory: the rename fails, nothing is left */
    p = tmp_path("dirtarget", narrow);
    mkdir(narrow, 0700);
    CHECK_HR(CreateTypeLib2(SYS_WIN64, p, &ctl), S_OK);
    CHECK_HR(ICreateTypeLib_SaveAllChanges(CTL(ctl)), STG_E_ACCESSDENIED);
    ICreateTypeLib_Release(CTL(ctl));
    CHECK(stat(narrow, &st) == 0 && S_ISDIR(st.st_mode));
    rmdir(narrow);

    /* saving twice rewrites the file in place */
    p = tmp_path("twice", narrow);
    CHECK_HR(CreateTypeLib2(SYS_WIN64, p, &ctl), S_OK);
    CHECK_HR(ICreateTypeLib_SaveAllChanges(CTL(ctl)), S_OK);
    CHECK_HR(ICreateTypeLib_SetName(CTL(ctl), W("Renamed")), S_OK);
    CHECK_HR(ICreateTypeLib_SaveAllChanges(CTL(ctl)), S_OK);
    ICreateTypeLib_Release(CTL(ctl));
    CHECK(stat(narrow, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0x54);
    d = opendir(tmpdir);
    while (d && (e = readdir(d)))
        if (strstr(e->d_name, ".tmp")) others++;
    if (d) closedir(d);
    CHECK_INT(others, 0);
}

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char buf[1024];
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        snprintf(buf, sizeof buf, "%s/%s", dir, e->d_name);
        if (unlink(buf) != 0) rm_tree(buf);
    }
    if (d) closedir(d);
    rmdir(dir);
}

int main(void)
{
    int rc;
    strcpy(tmpdir, "/tmp/comrt_test_create.XXXXXX");
    if (!mkdtemp(tmpdir)) return 1;
    /* imports of the written libraries (stdole2.tlb) are found here */
    setenv("COMRT_TYPELIB_PATH", tlb_fixture_dir(), 1);
    RUN(round_trip_win64);
    RUN(round_trip_win32);
    RUN(misuse);
    RUN(delete_type_info);
    RUN(save_errors_and_atomic_write);
    rc = comrt_test_summary();
    rm_tree(tmpdir);
    return rc;
}
