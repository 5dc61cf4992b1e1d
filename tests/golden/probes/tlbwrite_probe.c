/*
 * tlbwrite_probe.c — builds one type library through CreateTypeLib2 /
 * ICreateTypeLib2 / ICreateTypeInfo2 covering every construct (each
 * TYPEKIND; functions with parameters, defaults, flags, DLL entries; vars
 * and constants; implemented interfaces with flags; a dual interface;
 * aliases; custom data and documentation on every level; references into
 * the library itself and into stdole2), prints the HRESULT of every
 * builder call and of deliberate misuse, saves it, loads it back with
 * LoadTypeLibEx and prints tlbdump_probe's canonical dump of it (the walker
 * is tlbdump_probe.c itself, included below with its main renamed).
 *
 *   tlbwrite_probe 32|64 [OUT.tlb]   SYS_WIN32 / SYS_WIN64; OUT.tlb keeps the
 *                                    library written (comrt build only)
 *
 * Run in tests/typelib/fixtures (stdole2.tlb is found there by comrt;
 * COMRT_TYPELIB_PATH points there for the import of the saved library).
 */
#ifndef _WIN32
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* mkdtemp */
#endif
#endif
#define main tlbdump_main
#include "tlbdump_probe.c"
#undef main

#ifndef _WIN32
#include <unistd.h>
#endif

static ICreateTypeLib2 *ctl;
/* Writing the comrt_written.tlb fixture (comrt only): also what Wine's
 * writer cannot do (every custom data type, member custom data). */
static int full;
static unsigned ncall;

/* One builder call: "call.NNN what => HRESULT". */
#define CALL(what, call)                                                                           \
    do {                                                                                           \
        HRESULT hr_ = (call);                                                                      \
        begin("call.%03u %s", ++ncall, what);                                                      \
        pu_hr(&res, hr_);                                                                          \
        end();                                                                                     \
    } while (0)

static GUID guid_n(unsigned n)
{
    GUID g = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00}};
    g.Data4[6] = (BYTE)(0x03 + (n >> 8));
    g.Data4[7] = (BYTE)n;
    return g;
}

static void sample(int i, VARIANT *v)
{
    VariantInit(v);
    switch (i) {
    case 0: V_VT(v) = VT_I4; V_I4(v) = -123456789; break;
    case 1: V_VT(v) = VT_UI1; V_UI1(v) = 250; break;
    case 2: V_VT(v) = VT_I2; V_I2(v) = -1234; break;
    case 3: V_VT(v) = VT_R8; V_R8(v) = -2.25; break;
    case 4: V_VT(v) = VT_BSTR; V_BSTR(v) = SysAllocString(OLESTR("custom value")); break;
    case 5: V_VT(v) = VT_BOOL; V_BOOL(v) = VARIANT_TRUE; break;
    case 6: V_VT(v) = VT_CY; V_CY(v).int64 = 123450000; break;
    case 7: V_VT(v) = VT_UI4; V_UI4(v) = 77; break;
    case 8: V_VT(v) = VT_I8; V_I8(v) = -1234567890123LL; break;
    case 9: V_VT(v) = VT_R4; V_R4(v) = 1.5f; break;
    case 10: V_VT(v) = VT_DATE; V_DATE(v) = 36526.5; break;
    default: V_VT(v) = VT_ERROR; V_ERROR(v) = (SCODE)0x80004005; break;
    }
}

static FUNCDESC make_func(MEMBERID id, FUNCKIND fk, INVOKEKIND ik, VARTYPE ret, SHORT np, ELEMDESC *params)
{
    FUNCDESC fd;
    memset(&fd, 0, sizeof fd);
    fd.memid = id;
    fd.funckind = fk;
    fd.invkind = ik;
    fd.callconv = CC_STDCALL;
    fd.elemdescFunc.tdesc.vt = ret;
    fd.cParams = np;
    fd.lprgelemdescParam = params;
    return fd;
}

static ICreateTypeInfo *create(const OLECHAR *name, TYPEKIND kind, unsigned g)
{
    ICreateTypeInfo *cti = NULL;
    GUID guid = guid_n(g);
    CALL("CreateTypeInfo", ICreateTypeLib2_CreateTypeInfo(ctl, (LPOLESTR)name, kind, &cti));
    if (cti && g) CALL("SetGuid", ICreateTypeInfo_SetGuid(cti, &guid));
    return cti;
}

static ICreateTypeInfo2 *as2(ICreateTypeInfo *cti)
{
    ICreateTypeInfo2 *p = NULL;
    CALL("QI ICreateTypeInfo2", ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&p));
    return p;
}

/* An href to type `index` of the library being built, through the
 * library's own ITypeLib (QueryInterface) as callers do. */
static HRESULT self_ref(ICreateTypeInfo *cti, UINT index, HREFTYPE *href)
{
    ITypeLib *self = NULL;
    ITypeInfo *ti = NULL;
    HRESULT hr = ICreateTypeLib2_QueryInterface(ctl, &IID_ITypeLib, (void **)&self);
    if (SUCCEEDED(hr)) {
        hr = ITypeLib_GetTypeInfo(self, index, &ti);
        if (SUCCEEDED(hr)) {
            hr = ICreateTypeInfo_AddRefTypeInfo(cti, ti, href);
            ITypeInfo_Release(ti);
        }
        ITypeLib_Release(self);
    }
    return hr;
}

static void build(SYSKIND sk, const OLECHAR *path)
{
    ITypeLib *std = NULL;
    ITypeInfo *tiUnknown = NULL, *tiDispatch = NULL;
    ICreateTypeInfo *cti;
    ICreateTypeInfo2 *cti2;
    HREFTYPE href = 0, hrefUnknown = 0, hrefDispatch = 0, hrefRecord = 0, hrefIface = 0;
    VARIANT v;
    GUID g;
    int i;

    CALL("CreateTypeLib2", CreateTypeLib2(sk, path, &ctl));
    if (!ctl) return;
    CALL("LoadTypeLib stdole2", LoadTypeLib(OLESTR("stdole2.tlb"), &std));
    if (std) {
        ITypeLib_GetTypeInfoOfGuid(std, &IID_IUnknown, &tiUnknown);
        ITypeLib_GetTypeInfoOfGuid(std, &IID_IDispatch, &tiDispatch);
    }

    /* library attributes */
    g = guid_n(0);
    CALL("lib SetName", ICreateTypeLib2_SetName(ctl, OLESTR("ComrtWritten")));
    CALL("lib SetGuid", ICreateTypeLib2_SetGuid(ctl, &g));
    CALL("lib SetVersion", ICreateTypeLib2_SetVersion(ctl, 3, 7));
    CALL("lib SetLcid", ICreateTypeLib2_SetLcid(ctl, 0x0409));
    CALL("lib SetDocString", ICreateTypeLib2_SetDocString(ctl, OLESTR("written through ICreateTypeLib2")));
    CALL("lib SetHelpFileName", ICreateTypeLib2_SetHelpFileName(ctl, OLESTR("written.hlp")));
    CALL("lib SetHelpContext", ICreateTypeLib2_SetHelpContext(ctl, 0x1234));
    CALL("lib SetHelpStringContext", ICreateTypeLib2_SetHelpStringContext(ctl, 0x4321));
    CALL("lib SetHelpStringDll", ICreateTypeLib2_SetHelpStringDll(ctl, OLESTR("written_res.dll")));
    CALL("lib SetLibFlags", ICreateTypeLib2_SetLibFlags(ctl, LIBFLAG_FHASDISKIMAGE | LIBFLAG_FCONTROL));
    /* custom data of the types Wine's writer accepts too (I4, BSTR, UI4,
     * R4; the rest is checked by test_create.c and the comrt_written.tlb
     * fixture, which Wine reads) */
    for (i = 0; i < 12; i++) {
        GUID cg = guid_n(0x100 + i);
        if (!full && i != 0 && i != 4 && i != 7 && i != 9) continue;
        sample(i, &v);
        CALL("lib SetCustData", ICreateTypeLib2_SetCustData(ctl, &cg, &v));
        VariantClear(&v);
    }
    CALL("lib SetName NULL", ICreateTypeLib2_SetName(ctl, NULL));
    CALL("lib SetCustData NULL guid", ICreateTypeLib2_SetCustData(ctl, NULL, &v));
    V_VT(&v) = VT_UNKNOWN;
    V_UNKNOWN(&v) = NULL;
    g = guid_n(0x1ff);
    CALL("lib SetCustData VT_UNKNOWN", ICreateTypeLib2_SetCustData(ctl, &g, &v));
    CALL("lib CreateTypeInfo NULL name", ICreateTypeLib2_CreateTypeInfo(ctl, NULL, TKIND_ENUM, &cti));

    /* 0: enum WState */
    cti = create(OLESTR("WState"), TKIND_ENUM, 1);
    cti2 = as2(cti);
    CALL("enum SetDocString", ICreateTypeInfo_SetDocString(cti, OLESTR("states")));
    CALL("enum SetHelpContext", ICreateTypeInfo_SetHelpContext(cti, 11));
    CALL("enum SetHelpStringContext", ICreateTypeInfo2_SetHelpStringContext(cti2, 12));
    CALL("enum SetVersion", ICreateTypeInfo_SetVersion(cti, 1, 2));
    for (i = 0; i < 3; i++) {
        static const OLECHAR *const names[] = {OLESTR("wsIdle"), OLESTR("wsBusy"), OLESTR("wsGone")};
        VARDESC vd;
        VARIANT val;
        memset(&vd, 0, sizeof vd);
        V_VT(&val) = VT_I4;
        V_I4(&val) = i == 2 ? -1 : i;
        vd.memid = 0x40000000 + i;
        vd.varkind = VAR_CONST;
        vd.lpvarValue = &val;
        vd.elemdescVar.tdesc.vt = VT_I4;
        CALL("enum AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
        CALL("enum SetVarName", ICreateTypeInfo_SetVarName(cti, i, (LPOLESTR)names[i]));
        CALL("enum SetVarDocString", ICreateTypeInfo_SetVarDocString(cti, i, OLESTR("a state")));
        CALL("enum SetVarHelpContext", ICreateTypeInfo_SetVarHelpContext(cti, i, 100 + i));
    }
    CALL("enum SetVarHelpStringContext", ICreateTypeInfo2_SetVarHelpStringContext(cti2, 1, 0x77));
    g = guid_n(0x201);
    if (full) {
        sample(3, &v);
        CALL("enum SetVarCustData", ICreateTypeInfo2_SetVarCustData(cti2, 2, &g, &v));
    }
    sample(4, &v);
    CALL("enum SetCustData", ICreateTypeInfo2_SetCustData(cti2, &g, &v));
    VariantClear(&v);
    CALL("enum SetVarName 9", ICreateTypeInfo_SetVarName(cti, 9, OLESTR("x")));
    CALL("enum SetFuncDocString 0", ICreateTypeInfo_SetFuncDocString(cti, 0, OLESTR("x")));
    CALL("enum LayOut", ICreateTypeInfo_LayOut(cti));
    ICreateTypeInfo2_Release(cti2);
    ICreateTypeInfo_Release(cti);
    CALL("CreateTypeInfo duplicate", ICreateTypeLib2_CreateTypeInfo(ctl, OLESTR("WState"), TKIND_RECORD, &cti));
    CALL("CreateTypeInfo duplicate case", ICreateTypeLib2_CreateTypeInfo(ctl, OLESTR("wstate"), TKIND_RECORD, &cti));

    /* 1: record WPoint */
    cti = create(OLESTR("WPoint"), TKIND_RECORD, 2);
    for (i = 0; i < 4; i++) {
        static const OLECHAR *const names[] = {OLESTR("x"), OLESTR("y"), OLESTR("label"), OLESTR("weight")};
        static const VARTYPE vts[] = {VT_I2, VT_I4, VT_BSTR, VT_R8};
        VARDESC vd;
        memset(&vd, 0, sizeof vd);
        vd.memid = 0x40000000 + i;
        vd.varkind = VAR_PERINSTANCE;
        vd.elemdescVar.tdesc.vt = vts[i];
        CALL("record AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
        CALL("record SetVarName", ICreateTypeInfo_SetVarName(cti, i, (LPOLESTR)names[i]));
    }
    CALL("record LayOut", ICreateTypeInfo_LayOut(cti));
    CALL("record self ref", self_ref(cti, 1, &hrefRecord));
    ICreateTypeInfo_Release(cti);

    /* 2: union WNumber */
    cti = create(OLESTR("WNumber"), TKIND_UNION, 3);
    for (i = 0; i < 2; i++) {
        VARDESC vd;
        memset(&vd, 0, sizeof vd);
        vd.memid = 0x40000000 + i;
        vd.varkind = VAR_PERINSTANCE;
        vd.elemdescVar.tdesc.vt = i ? VT_R8 : VT_I2;
        CALL("union AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
        CALL("union SetVarName", ICreateTypeInfo_SetVarName(cti, i, i ? OLESTR("asDouble") : OLESTR("asShort")));
    }
    CALL("union LayOut", ICreateTypeInfo_LayOut(cti));
    ICreateTypeInfo_Release(cti);

    /* 3, 4: aliases */
    {
        TYPEDESC td = {{0}, VT_R8}, ptr;
        cti = create(OLESTR("WAmount"), TKIND_ALIAS, 0);
        CALL("alias SetTypeDescAlias", ICreateTypeInfo_SetTypeDescAlias(cti, &td));
        CALL("alias LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo_Release(cti);
        cti = create(OLESTR("WPointPtr"), TKIND_ALIAS, 0);
        td.vt = VT_USERDEFINED;
        td.hreftype = hrefRecord;
        ptr.vt = VT_PTR;
        ptr.lptdesc = &td;
        CALL("alias SetTypeDescAlias ptr", ICreateTypeInfo_SetTypeDescAlias(cti, &ptr));
        CALL("alias LayOut ptr", ICreateTypeInfo_LayOut(cti));
        CALL("alias AddImplType", ICreateTypeInfo_AddImplType(cti, 0, hrefRecord));
        ICreateTypeInfo_Release(cti);
    }

    /* 5: module WModule */
    cti = create(OLESTR("WModule"), TKIND_MODULE, 5);
    for (i = 0; i < 2; i++) {
        ELEMDESC params[2];
        FUNCDESC fd;
        LPOLESTR names[3] = {i ? OLESTR("ByOrdinal") : OLESTR("ByName"), OLESTR("a"), OLESTR("b")};
        memset(params, 0, sizeof params);
        params[0].tdesc.vt = VT_I4;
        params[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
        params[1].tdesc.vt = VT_BSTR;
        params[1].paramdesc.wParamFlags = PARAMFLAG_FIN;
        fd = make_func(0x60000000 + i, FUNC_STATIC, INVOKE_FUNC, VT_R8, 2, params);
        CALL("module AddFuncDesc", ICreateTypeInfo_AddFuncDesc(cti, i, &fd));
        CALL("module SetFuncAndParamNames", ICreateTypeInfo_SetFuncAndParamNames(cti, i, names, 3));
    }
    CALL("module DefineFuncAsDllEntry name", ICreateTypeInfo_DefineFuncAsDllEntry(cti, 0, OLESTR("wmod.dll"), OLESTR("ByNameEntry")));
    {
        FUNCDESC fd = make_func(0x60000009, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_VOID, 0, NULL);
        CALL("module AddFuncDesc purevirtual", ICreateTypeInfo_AddFuncDesc(cti, 0, &fd));
    }
    {
        VARDESC vd;
        VARIANT val;
        memset(&vd, 0, sizeof vd);
        V_VT(&val) = VT_I2;
        V_I2(&val) = 42;
        vd.memid = 0x40000000;
        vd.varkind = VAR_CONST;
        vd.lpvarValue = &val;
        vd.elemdescVar.tdesc.vt = VT_I2;
        CALL("module AddVarDesc const", ICreateTypeInfo_AddVarDesc(cti, 0, &vd));
        CALL("module SetVarName", ICreateTypeInfo_SetVarName(cti, 0, OLESTR("Answer")));
    }
    CALL("module LayOut", ICreateTypeInfo_LayOut(cti));
    ICreateTypeInfo_Release(cti);

    /* 6: interface IWritten : IUnknown */
    cti = create(OLESTR("IWritten"), TKIND_INTERFACE, 6);
    cti2 = as2(cti);
    CALL("iface SetTypeFlags", ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FOLEAUTOMATION));
    CALL("iface SetDocString", ICreateTypeInfo_SetDocString(cti, OLESTR("an interface")));
    CALL("iface AddRefTypeInfo IUnknown", ICreateTypeInfo_AddRefTypeInfo(cti, tiUnknown, &hrefUnknown));
    CALL("iface AddRefTypeInfo IUnknown again", ICreateTypeInfo_AddRefTypeInfo(cti, tiUnknown, &href));
    begin("href same");
    pu_add(&res, "%d", hrefUnknown == href);
    end();
    CALL("iface AddImplType 1", ICreateTypeInfo_AddImplType(cti, 1, hrefUnknown));
    CALL("iface AddImplType", ICreateTypeInfo_AddImplType(cti, 0, hrefUnknown));
    CALL("iface AddImplType again", ICreateTypeInfo_AddImplType(cti, 1, hrefUnknown));
    CALL("iface SetImplTypeFlags", ICreateTypeInfo_SetImplTypeFlags(cti, 0, IMPLTYPEFLAG_FDEFAULT));
    {
        /* Method(in I4 a = 5, in opt BSTR b = "dflt", out retval R8* r) */
        ELEMDESC p[3];
        PARAMDESCEX dx[2];
        TYPEDESC r8 = {{0}, VT_R8};
        FUNCDESC fd;
        LPOLESTR names[4] = {OLESTR("Method"), OLESTR("a"), OLESTR("b"), OLESTR("r")};
        memset(p, 0, sizeof p);
        memset(dx, 0, sizeof dx);
        p[0].tdesc.vt = VT_I4;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FHASDEFAULT;
        p[0].paramdesc.pparamdescex = &dx[0];
        dx[0].cBytes = sizeof dx[0];
        V_VT(&dx[0].varDefaultValue) = VT_I4;
        V_I4(&dx[0].varDefaultValue) = 5;
        p[1].tdesc.vt = VT_BSTR;
        p[1].paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOPT | PARAMFLAG_FHASDEFAULT;
        p[1].paramdesc.pparamdescex = &dx[1];
        dx[1].cBytes = sizeof dx[1];
        V_VT(&dx[1].varDefaultValue) = VT_BSTR;
        V_BSTR(&dx[1].varDefaultValue) = SysAllocString(OLESTR("dflt"));
        p[2].tdesc.vt = VT_PTR;
        p[2].tdesc.lptdesc = &r8;
        p[2].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        fd = make_func(0x60020000, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 3, p);
        CALL("iface AddFuncDesc", ICreateTypeInfo_AddFuncDesc(cti, 0, &fd));
        CALL("iface SetFuncAndParamNames", ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 4));
        CALL("iface SetFuncDocString", ICreateTypeInfo_SetFuncDocString(cti, 0, OLESTR("a method")));
        CALL("iface SetFuncHelpContext", ICreateTypeInfo_SetFuncHelpContext(cti, 0, 0x777));
        CALL("iface SetFuncHelpStringContext", ICreateTypeInfo2_SetFuncHelpStringContext(cti2, 0, 0x778));
        /* member custom data: Wine's writer has none (E_NOTIMPL), so it is
         * checked by test_create.c and the comrt_written.tlb fixture */
        if (full) {
            g = guid_n(0x206);
            sample(0, &v);
            CALL("iface SetFuncCustData", ICreateTypeInfo2_SetFuncCustData(cti2, 0, &g, &v));
            sample(4, &v);
            CALL("iface SetParamCustData", ICreateTypeInfo2_SetParamCustData(cti2, 0, 1, &g, &v));
            VariantClear(&v);
        }
        SysFreeString(V_BSTR(&dx[1].varDefaultValue));

        /* property Name: propget / propput, with a record pointer */
        fd = make_func(0x60020001, FUNC_PUREVIRTUAL, INVOKE_PROPERTYGET, VT_HRESULT, 1, p);
        {
            TYPEDESC bs = {{0}, VT_BSTR};
            p[0].tdesc.vt = VT_PTR;
            p[0].tdesc.lptdesc = &bs;
            p[0].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
            p[0].paramdesc.pparamdescex = NULL;
            CALL("iface AddFuncDesc propget", ICreateTypeInfo_AddFuncDesc(cti, 1, &fd));
        }
        names[0] = OLESTR("Name");
        CALL("iface SetFuncAndParamNames propget", ICreateTypeInfo_SetFuncAndParamNames(cti, 1, names, 1));
        p[0].tdesc.vt = VT_BSTR;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
        fd = make_func(0x60020001, FUNC_PUREVIRTUAL, INVOKE_PROPERTYPUT, VT_HRESULT, 1, p);
        CALL("iface AddFuncDesc propput", ICreateTypeInfo_AddFuncDesc(cti, 2, &fd));
        CALL("iface SetFuncAndParamNames propput", ICreateTypeInfo_SetFuncAndParamNames(cti, 2, names, 1));
        names[0] = OLESTR("Method");
        CALL("iface SetFuncAndParamNames ambiguous", ICreateTypeInfo_SetFuncAndParamNames(cti, 2, names, 1));
        names[0] = OLESTR("Move");
        {
            TYPEDESC rec = {{0}, VT_USERDEFINED};
            rec.hreftype = hrefRecord;
            p[0].tdesc.vt = VT_PTR;
            p[0].tdesc.lptdesc = &rec;
            p[0].paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOUT;
            fd = make_func(0x60020003, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 1, p);
            fd.wFuncFlags = FUNCFLAG_FHIDDEN | FUNCFLAG_FRESTRICTED;
            CALL("iface AddFuncDesc record ptr", ICreateTypeInfo_AddFuncDesc(cti, 3, &fd));
            names[1] = OLESTR("pt");
            CALL("iface SetFuncAndParamNames record", ICreateTypeInfo_SetFuncAndParamNames(cti, 3, names, 2));
            CALL("iface SetFuncAndParamNames too many", ICreateTypeInfo_SetFuncAndParamNames(cti, 3, names, 4));
        }
        {
            /* SAFEARRAY(VARIANT) and a C array of two dimensions */
            TYPEDESC var = {{0}, VT_VARIANT}, sa;
            /* an ARRAYDESC with room for a second bound */
        union { ARRAYDESC ad; char room[sizeof(ARRAYDESC) + sizeof(SAFEARRAYBOUND)]; } arr;
            sa.vt = VT_SAFEARRAY;
            sa.lptdesc = &var;
            memset(&arr, 0, sizeof arr);
            arr.ad.tdescElem.vt = VT_I2;
            arr.ad.cDims = 2;
            arr.ad.rgbounds[0].cElements = 3;
            arr.ad.rgbounds[0].lLbound = 0;
            {
                SAFEARRAYBOUND *b = arr.ad.rgbounds; /* [1] declared, room for 2 */
                b[1].cElements = 4;
                b[1].lLbound = 1;
            }
            p[0].tdesc = sa;
            p[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
            p[1].tdesc.vt = VT_PTR;
            p[1].tdesc.lptdesc = &p[2].tdesc;
            p[2].tdesc.vt = VT_CARRAY;
            p[2].tdesc.lpadesc = &arr.ad;
            p[1].paramdesc.wParamFlags = PARAMFLAG_FIN;
            fd = make_func(0x60020004, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 2, p);
            CALL("iface AddFuncDesc arrays", ICreateTypeInfo_AddFuncDesc(cti, 4, &fd));
            names[0] = OLESTR("Arrays");
            names[1] = OLESTR("sa");
            names[2] = OLESTR("ca");
            CALL("iface SetFuncAndParamNames arrays", ICreateTypeInfo_SetFuncAndParamNames(cti, 4, names, 3));
        }
    }
    {
        FUNCDESC fd = make_func(0x60020005, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 0, NULL);
        CALL("iface AddFuncDesc NULL", ICreateTypeInfo_AddFuncDesc(cti, 0, NULL));
        CALL("iface AddFuncDesc index past end", ICreateTypeInfo_AddFuncDesc(cti, 9, &fd));
        fd.funckind = FUNC_DISPATCH;
        CALL("iface AddFuncDesc FUNC_DISPATCH", ICreateTypeInfo_AddFuncDesc(cti, 5, &fd));
        fd.funckind = FUNC_STATIC;
        CALL("iface AddFuncDesc FUNC_STATIC", ICreateTypeInfo_AddFuncDesc(cti, 5, &fd));
        fd.funckind = FUNC_PUREVIRTUAL;
        fd.oVft = 3;
        CALL("iface AddFuncDesc oVft 3", ICreateTypeInfo_AddFuncDesc(cti, 5, &fd));
    }
    CALL("iface AddRefTypeInfo NULL", ICreateTypeInfo_AddRefTypeInfo(cti, NULL, &href));
    CALL("iface DefineFuncAsDllEntry", ICreateTypeInfo_DefineFuncAsDllEntry(cti, 0, OLESTR("x.dll"), OLESTR("y")));
    CALL("iface SetFuncDocString past end", ICreateTypeInfo_SetFuncDocString(cti, 9, OLESTR("x")));
    CALL("iface SetDocString NULL", ICreateTypeInfo_SetDocString(cti, NULL));
    CALL("iface SetTypeDescAlias NULL", ICreateTypeInfo_SetTypeDescAlias(cti, NULL));
    CALL("iface SetFuncAndParamNames NULL", ICreateTypeInfo_SetFuncAndParamNames(cti, 0, NULL, 1));
    CALL("iface SetName taken", ICreateTypeInfo2_SetName(cti2, OLESTR("WPoint")));
    CALL("iface SetName back", ICreateTypeInfo2_SetName(cti2, OLESTR("IWritten")));
    CALL("iface LayOut", ICreateTypeInfo_LayOut(cti));
    CALL("iface self ref", self_ref(cti, 6, &hrefIface));
    ICreateTypeInfo2_Release(cti2);
    ICreateTypeInfo_Release(cti);

    /* 7: dual interface IDualWritten : IDispatch (for SYS_WIN64 only: Wine's
     * writer stores a SYS_WIN32 dual's vtable in 8-byte slots, so its reader
     * then lists functions that do not exist; test_create.c covers it) */
    if (sk == SYS_WIN32) goto skip_dual;
    cti = create(OLESTR("IDualWritten"), TKIND_INTERFACE, 7);
    CALL("dual SetTypeFlags", ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FDUAL | TYPEFLAG_FOLEAUTOMATION | TYPEFLAG_FDISPATCHABLE));
    CALL("dual AddRefTypeInfo IDispatch", ICreateTypeInfo_AddRefTypeInfo(cti, tiDispatch, &hrefDispatch));
    CALL("dual AddImplType", ICreateTypeInfo_AddImplType(cti, 0, hrefDispatch));
    {
        ELEMDESC p[1];
        TYPEDESC i4 = {{0}, VT_I4};
        FUNCDESC fd;
        LPOLESTR names[2] = {OLESTR("Count"), OLESTR("n")};
        memset(p, 0, sizeof p);
        p[0].tdesc.vt = VT_PTR;
        p[0].tdesc.lptdesc = &i4;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
        fd = make_func(1, FUNC_PUREVIRTUAL, INVOKE_PROPERTYGET, VT_HRESULT, 1, p);
        CALL("dual AddFuncDesc", ICreateTypeInfo_AddFuncDesc(cti, 0, &fd));
        CALL("dual SetFuncAndParamNames", ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 1));
        fd = make_func(2, FUNC_PUREVIRTUAL, INVOKE_FUNC, VT_HRESULT, 0, NULL);
        CALL("dual AddFuncDesc 2", ICreateTypeInfo_AddFuncDesc(cti, 1, &fd));
        names[0] = OLESTR("Reset");
        CALL("dual SetFuncAndParamNames 2", ICreateTypeInfo_SetFuncAndParamNames(cti, 1, names, 1));
    }
    CALL("dual LayOut", ICreateTypeInfo_LayOut(cti));
    ICreateTypeInfo_Release(cti);
skip_dual:

    /* 8: dispinterface DWritten */
    cti = create(OLESTR("DWritten"), TKIND_DISPATCH, 8);
    CALL("disp AddRefTypeInfo IDispatch", ICreateTypeInfo_AddRefTypeInfo(cti, tiDispatch, &href));
    CALL("disp AddImplType", ICreateTypeInfo_AddImplType(cti, 0, href));
    for (i = 0; i < 2; i++) {
        VARDESC vd;
        memset(&vd, 0, sizeof vd);
        vd.memid = 10 + i;
        vd.varkind = VAR_DISPATCH;
        vd.elemdescVar.tdesc.vt = i ? VT_BSTR : VT_R8;
        vd.wVarFlags = i ? VARFLAG_FREADONLY : VARFLAG_FBINDABLE;
        CALL("disp AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
        CALL("disp SetVarName", ICreateTypeInfo_SetVarName(cti, i, i ? OLESTR("Label") : OLESTR("Amount")));
    }
    {
        ELEMDESC p[1];
        FUNCDESC fd;
        LPOLESTR names[2] = {OLESTR("Go"), OLESTR("how")};
        memset(p, 0, sizeof p);
        p[0].tdesc.vt = VT_VARIANT;
        p[0].paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOPT;
        fd = make_func(20, FUNC_DISPATCH, INVOKE_FUNC, VT_VOID, 1, p);
        fd.cParamsOpt = 1;
        CALL("disp AddFuncDesc", ICreateTypeInfo_AddFuncDesc(cti, 0, &fd));
        CALL("disp SetFuncAndParamNames", ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 2));
        fd.funckind = FUNC_PUREVIRTUAL;
        CALL("disp AddFuncDesc purevirtual", ICreateTypeInfo_AddFuncDesc(cti, 1, &fd));
    }
    CALL("disp LayOut", ICreateTypeInfo_LayOut(cti));
    ICreateTypeInfo_Release(cti);

    /* 9: coclass WObject */
    cti = create(OLESTR("WObject"), TKIND_COCLASS, 9);
    cti2 = as2(cti);
    CALL("coclass SetTypeFlags", ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FCANCREATE));
    {
        ITypeInfo *ti = NULL;
        ICreateTypeInfo *other = NULL;
        CALL("coclass self ref IWritten", self_ref(cti, 6, &href));
        CALL("coclass AddImplType 0", ICreateTypeInfo_AddImplType(cti, 0, href));
        CALL("coclass SetImplTypeFlags 0", ICreateTypeInfo_SetImplTypeFlags(cti, 0, IMPLTYPEFLAG_FDEFAULT));
        CALL("coclass self ref DWritten", self_ref(cti, sk == SYS_WIN32 ? 7 : 8, &href));
        CALL("coclass AddImplType 1", ICreateTypeInfo_AddImplType(cti, 1, href));
        CALL("coclass SetImplTypeFlags 1", ICreateTypeInfo_SetImplTypeFlags(cti, 1, IMPLTYPEFLAG_FDEFAULT | IMPLTYPEFLAG_FSOURCE));
        CALL("coclass SetImplTypeFlags 5", ICreateTypeInfo_SetImplTypeFlags(cti, 5, 0));
        /* an href through QueryInterface(ITypeInfo) on a type being built */
        CALL("CreateTypeInfo DWritten again", ICreateTypeLib2_CreateTypeInfo(ctl, OLESTR("DWritten"), TKIND_INTERFACE, &other));
        if (other) ICreateTypeInfo_Release(other);
        g = guid_n(0x209);
        sample(7, &v);
        if (full) CALL("coclass SetImplTypeCustData", ICreateTypeInfo2_SetImplTypeCustData(cti2, 1, &g, &v));
        CALL("coclass SetCustData", ICreateTypeInfo2_SetCustData(cti2, &g, &v));
        (void)ti;
    }
    CALL("coclass LayOut", ICreateTypeInfo_LayOut(cti));
    ICreateTypeInfo2_Release(cti2);
    ICreateTypeInfo_Release(cti);

    CALL("SaveAllChanges", ICreateTypeLib2_SaveAllChanges(ctl));
    ICreateTypeLib2_Release(ctl);
    ctl = NULL;
    if (tiUnknown) ITypeInfo_Release(tiUnknown);
    if (tiDispatch) ITypeInfo_Release(tiDispatch);
    if (std) ITypeLib_Release(std);
    (void)hrefIface;
}

int main(int argc, char **argv)
{
    static OLECHAR wpath[1024];
    char path[1024];
    char *args[2];
    SYSKIND sk = argc > 1 && !strcmp(argv[1], "32") ? SYS_WIN32 : SYS_WIN64;
    size_t i, n;
    int rc;

    pu_start("tlbwrite");
#ifdef _WIN32
    {
        char dir[MAX_PATH];
        GetTempPathA(sizeof dir, dir);
        snprintf(path, sizeof path, "%scomrt_tlbwrite%s.tlb", dir, sk == SYS_WIN32 ? "32" : "64");
    }
#else
    if (argc > 2) {
        full = 1;
        /* keep the library: scripts/gen_typelib_fixtures.sh makes the
         * comrt_written.tlb fixture this way */
        snprintf(path, sizeof path, "%s", argv[2]);
    } else {
        char tmpl[] = "/tmp/comrt_tlbwrite.XXXXXX";
        if (!mkdtemp(tmpl)) return 2;
        snprintf(path, sizeof path, "%s/comrt_tlbwrite%s.tlb", tmpl, sk == SYS_WIN32 ? "32" : "64");
    }
#endif
    n = strlen(path);
    for (i = 0; i <= n; i++) wpath[i] = (OLECHAR)(unsigned char)path[i];
    build(sk, wpath);
    fflush(stdout);
    /* the walk: tlbdump's own main over the saved file */
    args[0] = argv[0];
    args[1] = path;
    rc = tlbdump_main(2, args);
#ifndef _WIN32
    if (argc <= 2) {
        unlink(path);
        path[strrchr(path, '/') - path] = 0;
        rmdir(path);
    }
#else
    DeleteFileA(path);
#endif
    return rc;
}
