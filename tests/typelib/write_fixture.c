/*
 * write_fixture.c — builds tests/typelib/fixtures/oleaut_written.tlb with
 * ICreateTypeLib2 (run under Wine by scripts/gen_typelib_fixtures.sh), for
 * what widl cannot write: parameter default values of every type (R4, R8,
 * CY, DATE, I8, UI8, ERROR, DECIMAL, enum), custom data of many VARTYPEs on
 * every level (library, type, function, parameter, variable, implemented
 * interface), module constants, help string contexts per member, SCODE
 * lists, FUNC_STATIC/VAR_STATIC, and a library saved by oleaut32's own
 * writer rather than widl's.
 *
 *   write_fixture OUT.tlb
 *
 * A call the writer refuses is reported on stderr and skipped (so the
 * fixture holds what the writer accepts); the exit status is non-zero only
 * when the library cannot be created or saved.
 */
#define COBJMACROS
#include <windows.h>
#include <oleauto.h>
#include <stdio.h>

#define CHECK(what, call)                                                                            \
    do {                                                                                             \
        HRESULT hr_ = (call);                                                                        \
        if (FAILED(hr_))                                                                             \
            fprintf(stderr, "write_fixture: %s: 0x%08lX\n", what, (unsigned long)hr_);               \
    } while (0)

static GUID guid_n(unsigned n)
{
    GUID g = {0x6a2f1c00, 0x0b1e, 0x4c5a, {0x9f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00}};
    g.Data4[6] = (BYTE)(0x02 + (n >> 8));
    g.Data4[7] = (BYTE)n;
    return g;
}

/* A VARIANT of each type that custom data and defaults can hold. */
static int sample_variant(int i, VARIANT *v)
{
    VariantInit(v);
    switch (i) {
    case 0: V_VT(v) = VT_I1; V_I1(v) = -5; return 1;
    case 1: V_VT(v) = VT_UI1; V_UI1(v) = 250; return 1;
    case 2: V_VT(v) = VT_I2; V_I2(v) = -1234; return 1;
    case 3: V_VT(v) = VT_UI2; V_UI2(v) = 65000; return 1;
    case 4: V_VT(v) = VT_I4; V_I4(v) = -123456789; return 1;
    case 5: V_VT(v) = VT_UI4; V_UI4(v) = 4000000000u; return 1;
    case 6: V_VT(v) = VT_I8; V_I8(v) = -1234567890123LL; return 1;
    case 7: V_VT(v) = VT_UI8; V_UI8(v) = 12345678901234ULL; return 1;
    case 8: V_VT(v) = VT_INT; V_INT(v) = -77; return 1;
    case 9: V_VT(v) = VT_UINT; V_UINT(v) = 77; return 1;
    case 10: V_VT(v) = VT_R4; V_R4(v) = 1.5f; return 1;
    case 11: V_VT(v) = VT_R8; V_R8(v) = -2.25; return 1;
    case 12: V_VT(v) = VT_CY; V_CY(v).int64 = 123450000; return 1;
    case 13: V_VT(v) = VT_DATE; V_DATE(v) = 36526.5; return 1;
    case 14: V_VT(v) = VT_BSTR; V_BSTR(v) = SysAllocString(L"custom \x00e9t\x00e9"); return 1;
    case 15: V_VT(v) = VT_BOOL; V_BOOL(v) = VARIANT_TRUE; return 1;
    case 16: V_VT(v) = VT_ERROR; V_ERROR(v) = 0x80004005; return 1;
    case 17:
        V_VT(v) = VT_DECIMAL;
        V_DECIMAL(v).scale = 2;
        V_DECIMAL(v).sign = 0x80;
        V_DECIMAL(v).Lo64 = 12345;
        return 1;
    case 18: V_VT(v) = VT_EMPTY; return 1;
    case 19: V_VT(v) = VT_NULL; return 1;
    case 20: V_VT(v) = VT_BSTR; V_BSTR(v) = SysAllocString(L""); return 1;
    default: return 0;
    }
}

static const VARTYPE default_vts[] = {VT_I1, VT_UI1, VT_I2, VT_UI2, VT_I4, VT_UI4, VT_I8, VT_UI8, VT_INT,
                                      VT_UINT, VT_R4, VT_R8, VT_CY, VT_DATE, VT_BSTR, VT_BOOL, VT_ERROR,
                                      VT_DECIMAL, VT_VARIANT};

int main(int argc, char **argv)
{
    WCHAR path[MAX_PATH];
    ICreateTypeLib2 *ctl = NULL;
    ITypeLib *stdole = NULL;
    ITypeInfo *tiDispatch = NULL, *tiUnknown = NULL;
    HRESULT hr;
    int i;

    if (argc < 2)
        return 2;
    MultiByteToWideChar(CP_ACP, 0, argv[1], -1, path, MAX_PATH);
    hr = CreateTypeLib2(SYS_WIN64, path, &ctl);
    if (FAILED(hr)) {
        fprintf(stderr, "write_fixture: CreateTypeLib2: 0x%08lX\n", (unsigned long)hr);
        return 1;
    }
    hr = LoadTypeLib(L"stdole2.tlb", &stdole);
    if (FAILED(hr)) {
        fprintf(stderr, "write_fixture: LoadTypeLib(stdole2.tlb): 0x%08lX\n", (unsigned long)hr);
        return 1;
    }
    ITypeLib_GetTypeInfoOfGuid(stdole, &IID_IDispatch, &tiDispatch);
    ITypeLib_GetTypeInfoOfGuid(stdole, &IID_IUnknown, &tiUnknown);

    {
        GUID g = guid_n(0);
        CHECK("lib SetName", ICreateTypeLib2_SetName(ctl, L"OleautWritten"));
        CHECK("lib SetGuid", ICreateTypeLib2_SetGuid(ctl, &g));
        CHECK("lib SetVersion", ICreateTypeLib2_SetVersion(ctl, 4, 2));
        CHECK("lib SetLcid", ICreateTypeLib2_SetLcid(ctl, 0x0409));
        CHECK("lib SetDocString", ICreateTypeLib2_SetDocString(ctl, L"written by oleaut32's ICreateTypeLib2"));
        CHECK("lib SetHelpFileName", ICreateTypeLib2_SetHelpFileName(ctl, L"written.chm"));
        CHECK("lib SetHelpContext", ICreateTypeLib2_SetHelpContext(ctl, 4242));
        CHECK("lib SetHelpStringContext", ICreateTypeLib2_SetHelpStringContext(ctl, 0x4243));
        CHECK("lib SetHelpStringDll", ICreateTypeLib2_SetHelpStringDll(ctl, L"written_res.dll"));
        CHECK("lib SetLibFlags", ICreateTypeLib2_SetLibFlags(ctl, LIBFLAG_FHIDDEN | LIBFLAG_FCONTROL));
        for (i = 0;; i++) {
            VARIANT v;
            GUID cg = guid_n(0x100 + i);
            char what[64];
            if (!sample_variant(i, &v))
                break;
            snprintf(what, sizeof what, "lib SetCustData #%d vt=%d", i, V_VT(&v));
            CHECK(what, ICreateTypeLib2_SetCustData(ctl, &cg, &v));
            VariantClear(&v);
        }
    }

    /* enum WColor: constants with custom data and help string contexts */
    {
        ICreateTypeInfo *cti = NULL;
        ICreateTypeInfo2 *cti2 = NULL;
        GUID g = guid_n(1);
        static const WCHAR *const names[] = {L"WRed", L"WGreen", L"WBlue"};
        CHECK("enum create", ICreateTypeLib2_CreateTypeInfo(ctl, L"WColor", TKIND_ENUM, &cti));
        ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2);
        CHECK("enum SetGuid", ICreateTypeInfo_SetGuid(cti, &g));
        CHECK("enum SetDocString", ICreateTypeInfo_SetDocString(cti, L"colours"));
        CHECK("enum SetHelpStringContext", ICreateTypeInfo2_SetHelpStringContext(cti2, 0x51));
        for (i = 0; i < 3; i++) {
            VARDESC vd;
            VARIANT val;
            memset(&vd, 0, sizeof vd);
            V_VT(&val) = VT_I4;
            V_I4(&val) = 1 << i;
            vd.memid = 0x40000000 + i;
            vd.varkind = VAR_CONST;
            vd.lpvarValue = &val;
            vd.elemdescVar.tdesc.vt = VT_I4;
            CHECK("enum AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
            CHECK("enum SetVarName", ICreateTypeInfo_SetVarName(cti, i, (LPOLESTR)names[i]));
            CHECK("enum SetVarDocString", ICreateTypeInfo_SetVarDocString(cti, i, L"a colour"));
            CHECK("enum SetVarHelpContext", ICreateTypeInfo_SetVarHelpContext(cti, i, 100 + i));
            CHECK("enum SetVarHelpStringContext", ICreateTypeInfo2_SetVarHelpStringContext(cti2, i, 200 + i));
        }
        {
            VARIANT v;
            GUID cg = guid_n(0x201);
            sample_variant(11, &v);
            CHECK("enum SetVarCustData", ICreateTypeInfo2_SetVarCustData(cti2, 1, &cg, &v));
            sample_variant(14, &v);
            CHECK("enum SetCustData", ICreateTypeInfo2_SetCustData(cti2, &cg, &v));
            VariantClear(&v);
        }
        CHECK("enum LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo2_Release(cti2);
        ICreateTypeInfo_Release(cti);
    }

    /* record WRecord: one field per type */
    {
        ICreateTypeInfo *cti = NULL;
        ICreateTypeInfo2 *cti2 = NULL;
        GUID g = guid_n(2);
        CHECK("record create", ICreateTypeLib2_CreateTypeInfo(ctl, L"WRecord", TKIND_RECORD, &cti));
        ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2);
        CHECK("record SetGuid", ICreateTypeInfo_SetGuid(cti, &g));
        for (i = 0; i < (int)(sizeof default_vts / sizeof default_vts[0]); i++) {
            VARDESC vd;
            WCHAR name[32];
            memset(&vd, 0, sizeof vd);
            vd.memid = 0x40000000 + i;
            vd.varkind = VAR_PERINSTANCE;
            vd.elemdescVar.tdesc.vt = default_vts[i];
            CHECK("record AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
            swprintf(name, 32, L"field%d", i);
            CHECK("record SetVarName", ICreateTypeInfo_SetVarName(cti, i, name));
        }
        {
            VARIANT v;
            GUID cg = guid_n(0x202);
            sample_variant(6, &v);
            CHECK("record SetVarCustData", ICreateTypeInfo2_SetVarCustData(cti2, 0, &cg, &v));
        }
        CHECK("record SetAlignment", ICreateTypeInfo_SetAlignment(cti, 8));
        CHECK("record LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo2_Release(cti2);
        ICreateTypeInfo_Release(cti);
    }

    /* module WModule: DLL entries by name and ordinal, constants */
    {
        ICreateTypeInfo *cti = NULL;
        ICreateTypeInfo2 *cti2 = NULL;
        GUID g = guid_n(3);
        CHECK("module create", ICreateTypeLib2_CreateTypeInfo(ctl, L"WModule", TKIND_MODULE, &cti));
        ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2);
        CHECK("module SetGuid", ICreateTypeInfo_SetGuid(cti, &g));
        for (i = 0; i < 3; i++) {
            FUNCDESC fd;
            ELEMDESC params[2];
            static const WCHAR *const fnames[][3] = {
                {L"ByName", L"a", L"b"}, {L"ByOrdinal", L"a", L"b"}, {L"CdeclOne", L"a", L"b"}};
            memset(&fd, 0, sizeof fd);
            memset(params, 0, sizeof params);
            params[0].tdesc.vt = VT_I4;
            params[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
            params[1].tdesc.vt = VT_BSTR;
            params[1].paramdesc.wParamFlags = PARAMFLAG_FIN;
            fd.memid = 0x60000000 + i;
            fd.funckind = FUNC_STATIC;
            fd.invkind = INVOKE_FUNC;
            fd.callconv = i == 2 ? CC_CDECL : CC_STDCALL;
            fd.cParams = 2;
            fd.lprgelemdescParam = params;
            fd.elemdescFunc.tdesc.vt = VT_R8;
            CHECK("module AddFuncDesc", ICreateTypeInfo_AddFuncDesc(cti, i, &fd));
            CHECK("module SetFuncAndParamNames",
                  ICreateTypeInfo_SetFuncAndParamNames(cti, i, (LPOLESTR *)fnames[i], 3));
        }
        CHECK("module DefineFuncAsDllEntry name", ICreateTypeInfo_DefineFuncAsDllEntry(cti, 0, L"wmod.dll", L"ByNameEntry"));
        CHECK("module DefineFuncAsDllEntry ordinal",
              ICreateTypeInfo_DefineFuncAsDllEntry(cti, 1, L"wmod.dll", (LPOLESTR)MAKEINTRESOURCEW(7)));
        CHECK("module DefineFuncAsDllEntry 3", ICreateTypeInfo_DefineFuncAsDllEntry(cti, 2, L"other.dll", L"Cdecl"));
        for (i = 0;; i++) {
            VARDESC vd;
            VARIANT v;
            WCHAR name[32];
            if (!sample_variant(i, &v) || i > 17)
                break;
            memset(&vd, 0, sizeof vd);
            vd.memid = 0x40000000 + i;
            vd.varkind = VAR_CONST;
            vd.lpvarValue = &v;
            vd.elemdescVar.tdesc.vt = V_VT(&v);
            CHECK("module AddVarDesc const", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
            swprintf(name, 32, L"Const%d", i);
            CHECK("module SetVarName", ICreateTypeInfo_SetVarName(cti, i, name));
            VariantClear(&v);
        }
        CHECK("module LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo2_Release(cti2);
        ICreateTypeInfo_Release(cti);
    }

    /* interface IWritten : IUnknown — a default value of every type */
    {
        ICreateTypeInfo *cti = NULL;
        ICreateTypeInfo2 *cti2 = NULL;
        GUID g = guid_n(4);
        HREFTYPE href;
        int f = 0;
        CHECK("iface create", ICreateTypeLib2_CreateTypeInfo(ctl, L"IWritten", TKIND_INTERFACE, &cti));
        ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2);
        CHECK("iface SetGuid", ICreateTypeInfo_SetGuid(cti, &g));
        CHECK("iface SetTypeFlags", ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FOLEAUTOMATION));
        CHECK("iface AddRefTypeInfo", ICreateTypeInfo_AddRefTypeInfo(cti, tiUnknown, &href));
        CHECK("iface AddImplType", ICreateTypeInfo_AddImplType(cti, 0, href));
        for (i = 0; i < (int)(sizeof default_vts / sizeof default_vts[0]); i++) {
            FUNCDESC fd;
            ELEMDESC param;
            PARAMDESCEX pdex;
            VARIANT v;
            int s;
            WCHAR fname[32];
            LPOLESTR names[2];
            memset(&fd, 0, sizeof fd);
            memset(&param, 0, sizeof param);
            memset(&pdex, 0, sizeof pdex);
            VariantInit(&v);
            for (s = 0; sample_variant(s, &v); s++) {
                if (V_VT(&v) == default_vts[i] || (default_vts[i] == VT_VARIANT && V_VT(&v) == VT_R8))
                    break;
                VariantClear(&v);
            }
            param.tdesc.vt = default_vts[i];
            param.paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOPT | PARAMFLAG_FHASDEFAULT;
            param.paramdesc.pparamdescex = &pdex;
            pdex.cBytes = sizeof pdex;
            pdex.varDefaultValue = v;
            fd.memid = 0x60010000 + i;
            fd.funckind = FUNC_PUREVIRTUAL;
            fd.invkind = INVOKE_FUNC;
            fd.callconv = CC_STDCALL;
            fd.cParams = 1;
            fd.cParamsOpt = 0;
            fd.lprgelemdescParam = &param;
            fd.elemdescFunc.tdesc.vt = VT_HRESULT;
            fd.oVft = (SHORT)(24 + 8 * f);
            CHECK("iface AddFuncDesc default", ICreateTypeInfo_AddFuncDesc(cti, f, &fd));
            swprintf(fname, 32, L"Default%d", i);
            names[0] = fname;
            names[1] = (LPOLESTR)L"value";
            CHECK("iface SetFuncAndParamNames", ICreateTypeInfo_SetFuncAndParamNames(cti, f, names, 2));
            VariantClear(&v);
            f++;
        }
        {
            /* SCODEs, lcid/retval flags, custom data on the function and parameter */
            FUNCDESC fd;
            ELEMDESC params[3];
            SCODE scodes[2] = {(SCODE)0x80004005, (SCODE)0x80070057};
            LPOLESTR names[] = {(LPOLESTR)L"Fancy", (LPOLESTR)L"x", (LPOLESTR)L"lcid", (LPOLESTR)L"result"};
            VARIANT v;
            GUID cg = guid_n(0x204);
            TYPEDESC ptr_i4 = {{0}, VT_I4};
            memset(&fd, 0, sizeof fd);
            memset(params, 0, sizeof params);
            params[0].tdesc.vt = VT_I4;
            params[0].paramdesc.wParamFlags = PARAMFLAG_FIN;
            params[1].tdesc.vt = VT_I4;
            params[1].paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FLCID;
            params[2].tdesc.vt = VT_PTR;
            params[2].tdesc.lptdesc = &ptr_i4;
            params[2].paramdesc.wParamFlags = PARAMFLAG_FOUT | PARAMFLAG_FRETVAL;
            fd.memid = 0x60020000;
            fd.lprgscode = scodes;
            fd.cScodes = 2;
            fd.funckind = FUNC_PUREVIRTUAL;
            fd.invkind = INVOKE_FUNC;
            fd.callconv = CC_STDCALL;
            fd.cParams = 3;
            fd.lprgelemdescParam = params;
            fd.elemdescFunc.tdesc.vt = VT_HRESULT;
            fd.oVft = (SHORT)(24 + 8 * f);
            fd.wFuncFlags = FUNCFLAG_FHIDDEN | FUNCFLAG_FUSESGETLASTERROR;
            CHECK("iface AddFuncDesc fancy", ICreateTypeInfo_AddFuncDesc(cti, f, &fd));
            CHECK("iface SetFuncAndParamNames fancy", ICreateTypeInfo_SetFuncAndParamNames(cti, f, names, 4));
            CHECK("iface SetFuncDocString", ICreateTypeInfo_SetFuncDocString(cti, f, L"fancy function"));
            CHECK("iface SetFuncHelpContext", ICreateTypeInfo_SetFuncHelpContext(cti, f, 0x777));
            CHECK("iface SetFuncHelpStringContext", ICreateTypeInfo2_SetFuncHelpStringContext(cti2, f, 0x778));
            sample_variant(4, &v);
            CHECK("iface SetFuncCustData", ICreateTypeInfo2_SetFuncCustData(cti2, f, &cg, &v));
            sample_variant(14, &v);
            CHECK("iface SetParamCustData", ICreateTypeInfo2_SetParamCustData(cti2, f, 0, &cg, &v));
            VariantClear(&v);
            sample_variant(12, &v);
            CHECK("iface SetCustData", ICreateTypeInfo2_SetCustData(cti2, &cg, &v));
            f++;
        }
        CHECK("iface LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo2_Release(cti2);
        ICreateTypeInfo_Release(cti);
    }

    /* dispinterface DWritten: dispatch functions and properties */
    {
        ICreateTypeInfo *cti = NULL;
        GUID g = guid_n(5);
        HREFTYPE href;
        CHECK("disp create", ICreateTypeLib2_CreateTypeInfo(ctl, L"DWritten", TKIND_DISPATCH, &cti));
        CHECK("disp SetGuid", ICreateTypeInfo_SetGuid(cti, &g));
        CHECK("disp AddRefTypeInfo", ICreateTypeInfo_AddRefTypeInfo(cti, tiDispatch, &href));
        CHECK("disp AddImplType", ICreateTypeInfo_AddImplType(cti, 0, href));
        for (i = 0; i < 2; i++) {
            VARDESC vd;
            memset(&vd, 0, sizeof vd);
            vd.memid = 10 + i;
            vd.varkind = VAR_DISPATCH;
            vd.elemdescVar.tdesc.vt = i ? VT_BSTR : VT_R8;
            vd.wVarFlags = i ? VARFLAG_FREADONLY : VARFLAG_FBINDABLE;
            CHECK("disp AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
            CHECK("disp SetVarName", ICreateTypeInfo_SetVarName(cti, i, i ? (LPOLESTR)L"Label" : (LPOLESTR)L"Amount"));
        }
        {
            FUNCDESC fd;
            ELEMDESC param;
            LPOLESTR names[] = {(LPOLESTR)L"Go", (LPOLESTR)L"how"};
            memset(&fd, 0, sizeof fd);
            memset(&param, 0, sizeof param);
            param.tdesc.vt = VT_VARIANT;
            param.paramdesc.wParamFlags = PARAMFLAG_FIN | PARAMFLAG_FOPT;
            fd.memid = 20;
            fd.funckind = FUNC_DISPATCH;
            fd.invkind = INVOKE_FUNC;
            fd.callconv = CC_STDCALL;
            fd.cParams = 1;
            fd.cParamsOpt = 1;
            fd.lprgelemdescParam = &param;
            fd.elemdescFunc.tdesc.vt = VT_VOID;
            CHECK("disp AddFuncDesc", ICreateTypeInfo_AddFuncDesc(cti, 0, &fd));
            CHECK("disp SetFuncAndParamNames", ICreateTypeInfo_SetFuncAndParamNames(cti, 0, names, 2));
        }
        CHECK("disp LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo_Release(cti);
    }

    /* coclass WObject: implemented interfaces with flags and custom data */
    {
        ICreateTypeInfo *cti = NULL;
        ICreateTypeInfo2 *cti2 = NULL;
        ITypeLib *self = NULL;
        ITypeInfo *ti = NULL;
        GUID g = guid_n(6), cg = guid_n(0x206);
        HREFTYPE href;
        VARIANT v;
        CHECK("coclass create", ICreateTypeLib2_CreateTypeInfo(ctl, L"WObject", TKIND_COCLASS, &cti));
        ICreateTypeInfo_QueryInterface(cti, &IID_ICreateTypeInfo2, (void **)&cti2);
        CHECK("coclass SetGuid", ICreateTypeInfo_SetGuid(cti, &g));
        CHECK("coclass SetTypeFlags", ICreateTypeInfo_SetTypeFlags(cti, TYPEFLAG_FCANCREATE | TYPEFLAG_FPREDECLID));
        ICreateTypeLib2_QueryInterface(ctl, &IID_ITypeLib, (void **)&self);
        if (self && SUCCEEDED(ITypeLib_GetTypeInfo(self, 4, &ti))) {
            CHECK("coclass AddRefTypeInfo IWritten", ICreateTypeInfo_AddRefTypeInfo(cti, ti, &href));
            CHECK("coclass AddImplType 0", ICreateTypeInfo_AddImplType(cti, 0, href));
            CHECK("coclass SetImplTypeFlags 0", ICreateTypeInfo_SetImplTypeFlags(cti, 0, IMPLTYPEFLAG_FDEFAULT));
            ITypeInfo_Release(ti);
        }
        if (self && SUCCEEDED(ITypeLib_GetTypeInfo(self, 5, &ti))) {
            CHECK("coclass AddRefTypeInfo DWritten", ICreateTypeInfo_AddRefTypeInfo(cti, ti, &href));
            CHECK("coclass AddImplType 1", ICreateTypeInfo_AddImplType(cti, 1, href));
            CHECK("coclass SetImplTypeFlags 1",
                  ICreateTypeInfo_SetImplTypeFlags(cti, 1, IMPLTYPEFLAG_FDEFAULT | IMPLTYPEFLAG_FSOURCE));
            ITypeInfo_Release(ti);
        }
        if (self)
            ITypeLib_Release(self);
        sample_variant(7, &v);
        CHECK("coclass SetImplTypeCustData", ICreateTypeInfo2_SetImplTypeCustData(cti2, 1, &cg, &v));
        sample_variant(15, &v);
        CHECK("coclass SetCustData", ICreateTypeInfo2_SetCustData(cti2, &cg, &v));
        CHECK("coclass LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo2_Release(cti2);
        ICreateTypeInfo_Release(cti);
    }

    /* alias WAmount = R8, and a union */
    {
        ICreateTypeInfo *cti = NULL;
        TYPEDESC td = {{0}, VT_R8};
        VARDESC vd;
        CHECK("alias create", ICreateTypeLib2_CreateTypeInfo(ctl, L"WAmount", TKIND_ALIAS, &cti));
        CHECK("alias SetTypeDescAlias", ICreateTypeInfo_SetTypeDescAlias(cti, &td));
        CHECK("alias LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo_Release(cti);
        CHECK("union create", ICreateTypeLib2_CreateTypeInfo(ctl, L"WUnion", TKIND_UNION, &cti));
        for (i = 0; i < 2; i++) {
            memset(&vd, 0, sizeof vd);
            vd.memid = 0x40000000 + i;
            vd.varkind = VAR_PERINSTANCE;
            vd.elemdescVar.tdesc.vt = i ? VT_R8 : VT_I2;
            CHECK("union AddVarDesc", ICreateTypeInfo_AddVarDesc(cti, i, &vd));
            CHECK("union SetVarName", ICreateTypeInfo_SetVarName(cti, i, i ? (LPOLESTR)L"asDouble" : (LPOLESTR)L"asShort"));
        }
        CHECK("union LayOut", ICreateTypeInfo_LayOut(cti));
        ICreateTypeInfo_Release(cti);
    }

    hr = ICreateTypeLib2_SaveAllChanges(ctl);
    if (FAILED(hr)) {
        fprintf(stderr, "write_fixture: SaveAllChanges: 0x%08lX\n", (unsigned long)hr);
        return 1;
    }
    ICreateTypeLib2_Release(ctl);
    if (tiDispatch)
        ITypeInfo_Release(tiDispatch);
    if (tiUnknown)
        ITypeInfo_Release(tiUnknown);
    ITypeLib_Release(stdole);
    return 0;
}
