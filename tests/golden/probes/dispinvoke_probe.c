/*
 * dispinvoke_probe.c — late binding: ITypeInfo::Invoke through DispInvoke
 * and CreateStdDispatch on an object whose interface is described by a
 * type library built in memory (dispinvoke_fixture.h), plus DispGetParam
 * and DispGetIDsOfNames.  Each case prints the HRESULT, *puArgErr (or -),
 * the result (vt:value) and, for DISP_E_EXCEPTION, the EXCEPINFO.
 */
#include "probe_util.h"

#include "dispinvoke_fixture.h"

static ITypeInfo *tinfo;
static FixObj obj;
static IDispatch *stddisp;

static void put_variant(pu_line *l, const VARIANT *v)
{
    pu_add(l, "%04X:", (unsigned)V_VT(v));
    switch (V_VT(v)) {
    case VT_I4: pu_add(l, "%d", (int)V_I4(v)); break;
    case VT_I2: pu_add(l, "%d", (int)V_I2(v)); break;
    case VT_ERROR: pu_add(l, "%08X", (unsigned)V_ERROR(v)); break;
    case VT_R8: pu_add(l, "%016llX", (unsigned long long)pu_r8bits(V_R8(v))); break;
    case VT_BSTR: pu_bstr(l, V_BSTR(v)); break;
    case VT_BOOL: pu_add(l, "%d", (int)V_BOOL(v)); break;
    default: break;
    }
}

/* One call: args in IDL order (reversed into rgvarg here) then the named
 * ones (names[i] for the i-th of them, which go first in rgvarg). */
static void call(const char *what, int via, MEMBERID id, WORD flags, UINT npos, const VARIANT *pos, UINT nnamed,
                 const VARIANT *namedv, const DISPID *names)
{
    VARIANT args[8], result;
    DISPID ids[8];
    DISPPARAMS dp;
    EXCEPINFO ei;
    UINT argerr = 0xFFFF, i;
    HRESULT hr;
    static const GUID null_iid;

    memset(&ei, 0, sizeof ei);
    VariantInit(&result);
    for (i = 0; i < nnamed; i++) {
        args[i] = namedv[i];
        ids[i] = names[i];
    }
    for (i = 0; i < npos; i++)
        args[nnamed + npos - 1 - i] = pos[i];
    dp.rgvarg = args;
    dp.rgdispidNamedArgs = nnamed ? ids : NULL;
    dp.cArgs = npos + nnamed;
    dp.cNamedArgs = nnamed;
    obj.calls = 0;
    if (via == 0)
        hr = DispInvoke(&obj, tinfo, id, flags, &dp, &result, &ei, &argerr);
    else
        hr = IDispatch_Invoke(stddisp, id, &null_iid, 0, flags, &dp, &result, &ei, &argerr);
    begin("%s %s", via ? "std" : "DispInvoke", what);
    pu_hr(&res, hr);
    /* *puArgErr is not printed: Wine never writes it (Windows does; the C
     * tests check comrt's against Windows' documented rule). */
    pu_add(&res, " calls=%d result=", (int)obj.calls);
    put_variant(&res, &result);
    if (hr == DISP_E_EXCEPTION) {
        pu_add(&res, " scode=%08X src=", (unsigned)ei.scode);
        pu_bstr(&res, ei.bstrSource);
        pu_add(&res, " desc=");
        pu_bstr(&res, ei.bstrDescription);
        pu_add(&res, " ctx=%u", (unsigned)ei.dwHelpContext);
    }
    end();
    SysFreeString(ei.bstrSource);
    SysFreeString(ei.bstrDescription);
    SysFreeString(ei.bstrHelpFile);
    VariantClear(&result);
}

static VARIANT vi4(LONG x)
{
    VARIANT v;
    VariantInit(&v);
    V_VT(&v) = VT_I4;
    V_I4(&v) = x;
    return v;
}
static VARIANT vstr(const OLECHAR *s)
{
    VARIANT v;
    VariantInit(&v);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(s);
    return v;
}
static VARIANT vr8(double d)
{
    VARIANT v;
    VariantInit(&v);
    V_VT(&v) = VT_R8;
    V_R8(&v) = d;
    return v;
}
static VARIANT verr(SCODE s)
{
    VARIANT v;
    VariantInit(&v);
    V_VT(&v) = VT_ERROR;
    V_ERROR(&v) = s;
    return v;
}

static void invoke_cases(int via)
{
    static const DISPID put[1] = { DISPID_PROPERTYPUT };
    static const DISPID named_b[1] = { 1 }, named_a_b[2] = { 1, 0 }, named_bad[1] = { 7 }, named_ret[1] = { 2 };
    VARIANT a[4], n[2];
    BSTR s1 = SysAllocString(OLESTR("12")), s2 = SysAllocString(OLESTR("x1")), s3 = SysAllocString(OLESTR("bob"));
    VARIANT vs1, vs2, vs3;

    VariantInit(&vs1);
    V_VT(&vs1) = VT_BSTR;
    V_BSTR(&vs1) = s1;
    vs2 = vs1;
    V_BSTR(&vs2) = s2;
    vs3 = vs1;
    V_BSTR(&vs3) = s3;

    a[0] = vi4(2); a[1] = vi4(3);
    call("Add(2,3)", via, FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    call("Add(2,3) method|get", via, FIX_ADD, DISPATCH_METHOD | DISPATCH_PROPERTYGET, 2, a, 0, NULL, NULL);
    call("Add(2,3) as get", via, FIX_ADD, DISPATCH_PROPERTYGET, 2, a, 0, NULL, NULL);
    call("Add(2,3) as put", via, FIX_ADD, DISPATCH_PROPERTYPUT, 2, a, 0, NULL, NULL);
    call("Add(2,3) flags 0", via, FIX_ADD, 0, 2, a, 0, NULL, NULL);
    call("Add(2)", via, FIX_ADD, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    call("Add()", via, FIX_ADD, DISPATCH_METHOD, 0, NULL, 0, NULL, NULL);
    a[2] = vi4(4);
    call("Add(2,3,4)", via, FIX_ADD, DISPATCH_METHOD, 3, a, 0, NULL, NULL);
    a[0] = vs1; a[1] = vi4(3);
    call("Add(\"12\",3)", via, FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[0] = vi4(3); a[1] = vs2;
    call("Add(3,\"x1\")", via, FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[0] = vs2; a[1] = vi4(3);
    call("Add(\"x1\",3)", via, FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[0] = vr8(1e20); a[1] = vi4(3);
    call("Add(1e20,3)", via, FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[0] = vr8(2.5); a[1] = vi4(3);
    call("Add(2.5,3)", via, FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[0] = vi4(5); n[0] = vi4(10);
    call("Add(5, b:=10)", via, FIX_ADD, DISPATCH_METHOD, 1, a, 1, n, named_b);
    n[0] = vi4(10); n[1] = vi4(20);
    call("Add(b:=10, a:=20)", via, FIX_ADD, DISPATCH_METHOD, 0, NULL, 2, n, named_a_b);
    call("Add(5, x7:=10)", via, FIX_ADD, DISPATCH_METHOD, 1, a, 1, n, named_bad);
    call("Add(5, r:=10)", via, FIX_ADD, DISPATCH_METHOD, 1, a, 1, n, named_ret);
    call("Add(b:=10)", via, FIX_ADD, DISPATCH_METHOD, 0, NULL, 1, n, named_b);
    a[0] = vi4(1); a[1] = verr(DISP_E_PARAMNOTFOUND);
    call("Add(1,missing)", via, FIX_ADD, DISPATCH_METHOD, 2, a, 0, NULL, NULL);

    n[0] = vs3;
    call("Name = \"bob\"", via, FIX_NAME, DISPATCH_PROPERTYPUT, 0, NULL, 1, n, put);
    call("Name get", via, FIX_NAME, DISPATCH_PROPERTYGET, 0, NULL, 0, NULL, NULL);
    call("Name method|get", via, FIX_NAME, DISPATCH_METHOD | DISPATCH_PROPERTYGET, 0, NULL, 0, NULL, NULL);
    call("Name method", via, FIX_NAME, DISPATCH_METHOD, 0, NULL, 0, NULL, NULL);
    a[0] = vi4(77);
    call("Name = 77 (positional)", via, FIX_NAME, DISPATCH_PROPERTYPUT, 1, a, 0, NULL, NULL);
    call("Name get 2", via, FIX_NAME, DISPATCH_PROPERTYGET, 0, NULL, 0, NULL, NULL);
    n[0] = vi4(78);
    call("Name = 78 (named)", via, FIX_NAME, DISPATCH_PROPERTYPUT, 0, NULL, 1, n, put);
    call("Name putref", via, FIX_NAME, DISPATCH_PROPERTYPUTREF, 0, NULL, 1, n, put);
    call("Name get 3", via, FIX_NAME, DISPATCH_PROPERTYGET, 0, NULL, 0, NULL, NULL);
    call("Name get with arg", via, FIX_NAME, DISPATCH_PROPERTYGET, 1, a, 0, NULL, NULL);

    a[0] = vi4(1);
    call("Opt(1)", via, FIX_OPT, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    a[1] = vr8(0.5);
    call("Opt(1,0.5)", via, FIX_OPT, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[1] = vs3;
    call("Opt(1,\"bob\")", via, FIX_OPT, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    call("Opt()", via, FIX_OPT, DISPATCH_METHOD, 0, NULL, 0, NULL, NULL);

    a[0] = vi4(3);
    call("Def(3)", via, FIX_DEF, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    a[1] = vi4(9);
    call("Def(3,9)", via, FIX_DEF, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[1] = verr(DISP_E_PARAMNOTFOUND);
    call("Def(3,missing)", via, FIX_DEF, DISPATCH_METHOD, 2, a, 0, NULL, NULL);

    a[0] = vi4(6);
    obj.last_lcid = -1;
    call("Lcid(6)", via, FIX_LCID, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    begin("%s Lcid(6) lcid", via ? "std" : "DispInvoke");
    pu_add(&res, "%08X", (unsigned)obj.last_lcid);
    end();
    a[1] = vi4(8);
    call("Lcid(6,8)", via, FIX_LCID, DISPATCH_METHOD, 2, a, 0, NULL, NULL);

    a[0] = vi4((LONG)0x80004005);
    call("Fail(E_FAIL)", via, FIX_FAIL, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    a[0] = vi4(0x80070057);
    call("Fail(E_INVALIDARG)", via, FIX_FAIL, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    a[0] = vi4(1);
    call("Fail(S_FALSE)", via, FIX_FAIL, DISPATCH_METHOD, 1, a, 0, NULL, NULL);

    a[0] = vi4(7);
    call("Plain(7)", via, FIX_PLAIN, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    a[0] = vi4(70000);
    call("Plain(70000)", via, FIX_PLAIN, DISPATCH_METHOD, 1, a, 0, NULL, NULL);

    a[0] = vr8(1.25);
    call("Dbl(1.25)", via, FIX_DBL, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    a[0] = vs1;
    call("Dbl(\"12\")", via, FIX_DBL, DISPATCH_METHOD, 1, a, 0, NULL, NULL);

    {
        LONG io = 5;
        BSTR out = NULL;
        VARIANT r;
        VariantInit(&a[0]);
        V_VT(&a[0]) = VT_BYREF | VT_I4;
        V_I4REF(&a[0]) = &io;
        VariantInit(&a[1]);
        V_VT(&a[1]) = VT_BYREF | VT_BSTR;
        V_BSTRREF(&a[1]) = &out;
        call("Out(&5,&s)", via, FIX_OUT, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
        begin("%s Out(&5,&s) outputs", via ? "std" : "DispInvoke");
        pu_add(&res, "io=%d s=", (int)io);
        pu_bstr(&res, out);
        end();
        SysFreeString(out);
        out = NULL;
        a[0] = vi4(5);
        call("Out(5,&s)", via, FIX_OUT, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
        SysFreeString(out);
        out = NULL;

        a[0] = vi4(5);
        call("Var(5)", via, FIX_VAR, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
        io = 9;
        V_VT(&a[0]) = VT_BYREF | VT_I4;
        V_I4REF(&a[0]) = &io;
        call("Var(&9)", via, FIX_VAR, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
        begin("%s Var(&9) output", via ? "std" : "DispInvoke");
        pu_add(&res, "io=%d", (int)io);
        end();
        VariantInit(&r);
        V_VT(&r) = VT_I2;
        V_I2(&r) = 4;
        VariantInit(&a[0]);
        V_VT(&a[0]) = VT_BYREF | VT_VARIANT;
        V_VARIANTREF(&a[0]) = &r;
        call("Var(&&4)", via, FIX_VAR, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    }

    a[0] = vi4(1);
    call("VarArgs(1)", via, FIX_VARARGS, DISPATCH_METHOD, 1, a, 0, NULL, NULL);
    a[1] = vr8(2.5);
    call("VarArgs(1,2.5)", via, FIX_VARARGS, DISPATCH_METHOD, 2, a, 0, NULL, NULL);
    a[2] = vs3;
    a[3] = vi4(4);
    call("VarArgs(1,2.5,\"bob\",4)", via, FIX_VARARGS, DISPATCH_METHOD, 4, a, 0, NULL, NULL);
    call("VarArgs()", via, FIX_VARARGS, DISPATCH_METHOD, 0, NULL, 0, NULL, NULL);
    {
        static const DISPID named_first[1] = { 0 };
        n[0] = vi4(3);
        call("VarArgs(first:=3)", via, FIX_VARARGS, DISPATCH_METHOD, 0, NULL, 1, n, named_first);
        a[0] = vi4(2);
        call("VarArgs(2, first:=3)", via, FIX_VARARGS, DISPATCH_METHOD, 1, a, 1, n, named_first);
    }
    call("member 99", via, 99, DISPATCH_METHOD, 0, NULL, 0, NULL, NULL);
    SysFreeString(s1);
    SysFreeString(s2);
    SysFreeString(s3);
}

static void getparam_cases(void)
{
    static const DISPID named[1] = { 5 };
    VARIANT args[3], r;
    DISPPARAMS dp;
    UINT i, argerr;
    static const struct {
        UINT pos;
        VARTYPE vt;
    } cases[] = { { 0, VT_I4 }, { 1, VT_I4 }, { 2, VT_I4 }, { 5, VT_I4 }, { 3, VT_I4 }, { 0, VT_BSTR },
                  { 1, VT_I2 }, { 0, VT_UI1 }, { 1, VT_DISPATCH }, { 0, VT_EMPTY } };
    /* named 5 = 7, positional (1.5, "300000") */
    args[0] = vi4(7);
    args[1] = vstr(OLESTR("300000"));
    args[2] = vr8(1.5);
    dp.rgvarg = args;
    dp.rgdispidNamedArgs = (DISPID *)named;
    dp.cArgs = 3;
    dp.cNamedArgs = 1;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        HRESULT hr;
        VariantInit(&r);
        argerr = 0xFFFF;
        hr = DispGetParam(&dp, cases[i].pos, cases[i].vt, &r, &argerr);
        begin("DispGetParam pos=%u vt=%u", cases[i].pos, (unsigned)cases[i].vt);
        pu_hr(&res, hr);
        if (argerr == 0xFFFF)
            pu_add(&res, " argerr=- ");
        else
            pu_add(&res, " argerr=%u ", argerr);
        if (hr == S_OK) put_variant(&res, &r);
        end();
        VariantClear(&r);
    }
    VariantClear(&args[1]);
}

static void names_cases(void)
{
    static const struct {
        const char *what;
        UINT n;
        const OLECHAR *names[3];
    } cases[] = {
        { "Add", 1, { OLESTR("Add") } },
        { "add b a", 3, { OLESTR("add"), OLESTR("b"), OLESTR("a") } },
        { "Add zz", 2, { OLESTR("Add"), OLESTR("zz") } },
        { "Nope", 1, { OLESTR("Nope") } },
        { "Name", 1, { OLESTR("Name") } },
        { "Lcid lcid", 2, { OLESTR("Lcid"), OLESTR("lcid") } },
    };
    for (UINT i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        DISPID ids[3] = { 1234, 1234, 1234 };
        HRESULT hr = DispGetIDsOfNames(tinfo, (OLECHAR **)cases[i].names, cases[i].n, ids);
        begin("DispGetIDsOfNames %s", cases[i].what);
        pu_hr(&res, hr);
        for (UINT k = 0; k < cases[i].n; k++)
            pu_add(&res, " %d", (int)ids[k]);
        end();
        if (i == 1) {
            static const GUID other = { 1, 2, 3, { 4, 5, 6, 7, 8, 9, 10, 11 } };
            static const GUID null_iid;
            hr = IDispatch_GetIDsOfNames(stddisp, &null_iid, (LPOLESTR *)cases[i].names, cases[i].n, 0, ids);
            begin("std GetIDsOfNames %s", cases[i].what);
            pu_hr(&res, hr);
            end();
            hr = IDispatch_GetIDsOfNames(stddisp, &other, (LPOLESTR *)cases[i].names, cases[i].n, 0, ids);
            begin("std GetIDsOfNames other iid");
            pu_hr(&res, hr);
            end();
        }
    }
}

static void stddisp_cases(void)
{
    static const GUID other = { 1, 2, 3, { 4, 5, 6, 7, 8, 9, 10, 11 } };
    IUnknown *unk = NULL, *u2 = NULL;
    ITypeInfo *ti2 = NULL;
    UINT count = 99;
    HRESULT hr;
    DISPPARAMS dp = { NULL, NULL, 0, 0 };
    VARIANT r;

    begin("CreateStdDispatch NULL this");
    pu_hr(&res, CreateStdDispatch(NULL, NULL, tinfo, &unk));
    end();
    begin("CreateStdDispatch NULL tinfo");
    pu_hr(&res, CreateStdDispatch(NULL, &obj, NULL, &unk));
    end();
    begin("CreateStdDispatch NULL out");
    pu_hr(&res, CreateStdDispatch(NULL, &obj, tinfo, NULL));
    end();
    hr = CreateStdDispatch(NULL, &obj, tinfo, &unk);
    begin("CreateStdDispatch");
    pu_hr(&res, hr);
    end();
    if (hr != S_OK) return;
    hr = IUnknown_QueryInterface(unk, &IID_IDispatch, (void **)&stddisp);
    begin("QI IDispatch");
    pu_hr(&res, hr);
    end();
    hr = IUnknown_QueryInterface(unk, &fix_iid_test, (void **)&u2);
    begin("QI ITest");
    pu_hr(&res, hr);
    end();
    if (u2) IUnknown_Release(u2);
    hr = IDispatch_GetTypeInfoCount(stddisp, &count);
    begin("GetTypeInfoCount");
    pu_hr(&res, hr);
    pu_add(&res, " %u", count);
    end();
    hr = IDispatch_GetTypeInfo(stddisp, 0, 0, &ti2);
    begin("GetTypeInfo 0");
    pu_hr(&res, hr);
    pu_add(&res, " same=%d", ti2 == tinfo);
    end();
    if (ti2) ITypeInfo_Release(ti2);
    ti2 = NULL;
    hr = IDispatch_GetTypeInfo(stddisp, 1, 0, &ti2);
    begin("GetTypeInfo 1");
    pu_hr(&res, hr);
    end();
    VariantInit(&r);
    hr = IDispatch_Invoke(stddisp, FIX_NAME, &other, 0, DISPATCH_PROPERTYGET, &dp, &r, NULL, NULL);
    begin("std Invoke other iid");
    pu_hr(&res, hr);
    end();
    VariantClear(&r);
    IUnknown_Release(unk);
}

/* CreateDispTypeInfo: ITest's Add, Name (put) and Plain described by
 * INTERFACEDATA: the type information it builds. */
static void cdti_cases(void)
{
    static PARAMDATA add_p[2] = { { (OLECHAR *)OLESTR("a"), VT_I4 }, { (OLECHAR *)OLESTR("b"), VT_I4 } };
    static PARAMDATA name_p[1] = { { (OLECHAR *)OLESTR("v"), VT_BSTR } };
    static PARAMDATA plain_p[1] = { { (OLECHAR *)OLESTR("x"), VT_I2 } };
    static PARAMDATA ret_p[1] = { { (OLECHAR *)OLESTR("r"), VT_BYREF | VT_I4 } };
    PARAMDATA add_all[3];
    METHODDATA md[4];
    INTERFACEDATA idata;
    ITypeInfo *ti = NULL, *iti = NULL;
    TYPEATTR *ta;
    HREFTYPE href;
    HRESULT hr;
    UINT i;

    add_all[0] = add_p[0];
    add_all[1] = add_p[1];
    add_all[2] = ret_p[0];
    memset(md, 0, sizeof md);
    md[0].szName = (OLECHAR *)OLESTR("Add");
    md[0].ppdata = add_all;
    md[0].dispid = 1;
    md[0].iMeth = 3;
    md[0].cc = CC_STDCALL;
    md[0].cArgs = 3;
    md[0].wFlags = DISPATCH_METHOD;
    md[0].vtReturn = VT_HRESULT;
    md[1].szName = (OLECHAR *)OLESTR("Name");
    md[1].dispid = 2;
    md[1].iMeth = 5;
    md[1].cc = CC_STDCALL;
    md[1].cArgs = 1;
    md[1].ppdata = name_p;
    md[1].wFlags = DISPATCH_PROPERTYPUT;
    md[1].vtReturn = VT_HRESULT;
    md[2].szName = (OLECHAR *)OLESTR("Plain");
    md[2].dispid = 7;
    md[2].iMeth = 10;
    md[2].cc = CC_STDCALL;
    md[2].cArgs = 1;
    md[2].ppdata = plain_p;
    md[2].wFlags = DISPATCH_METHOD;
    md[2].vtReturn = VT_I4;
    idata.pmethdata = md;
    idata.cMembers = 3;
    hr = CreateDispTypeInfo(&idata, 0x0409, &ti);
    begin("CreateDispTypeInfo");
    pu_hr(&res, hr);
    end();
    if (hr != S_OK) return;
    if (ITypeInfo_GetTypeAttr(ti, &ta) == S_OK) {
        begin("CreateDispTypeInfo attr");
        pu_add(&res, "kind=%d cFuncs=%u cImpl=%u lcid=%04X", (int)ta->typekind, ta->cFuncs, ta->cImplTypes,
               (unsigned)ta->lcid);
        end();
        ITypeInfo_ReleaseTypeAttr(ti, ta);
    }
    if (ITypeInfo_GetRefTypeOfImplType(ti, 0, &href) == S_OK && ITypeInfo_GetRefTypeInfo(ti, href, &iti) == S_OK) {
        if (ITypeInfo_GetTypeAttr(iti, &ta) == S_OK) {
            begin("CreateDispTypeInfo iface attr");
            pu_add(&res, "kind=%d cFuncs=%u cImpl=%u", (int)ta->typekind, ta->cFuncs, ta->cImplTypes);
            end();
            for (i = 0; i < ta->cFuncs; i++) {
                FUNCDESC *fd;
                BSTR names[4];
                UINT cn = 0, k;
                if (ITypeInfo_GetFuncDesc(iti, i, &fd) != S_OK) continue;
                begin("CreateDispTypeInfo func %u", i);
                pu_add(&res, "memid=%d fk=%d ik=%d cc=%d cP=%d opt=%d oVft=%d ret=%d flags=%X", (int)fd->memid,
                       (int)fd->funckind, (int)fd->invkind, (int)fd->callconv, fd->cParams, fd->cParamsOpt,
                       fd->oVft, fd->elemdescFunc.tdesc.vt, fd->wFuncFlags);
                for (k = 0; k < (UINT)fd->cParams; k++)
                    pu_add(&res, " p%u=%d/%X", k, fd->lprgelemdescParam[k].tdesc.vt,
                           fd->lprgelemdescParam[k].paramdesc.wParamFlags);
                if (ITypeInfo_GetNames(iti, fd->memid, names, 4, &cn) == S_OK) {
                    pu_add(&res, " names=%u", cn);
                    for (k = 0; k < cn; k++) {
                        pu_add(&res, " ");
                        pu_bstr(&res, names[k]);
                        SysFreeString(names[k]);
                    }
                }
                end();
                ITypeInfo_ReleaseFuncDesc(iti, fd);
            }
            ITypeInfo_ReleaseTypeAttr(iti, ta);
        }
        ITypeInfo_Release(iti);
    }
    {
        DISPID ids[3] = { 0, 0, 0 };
        static const OLECHAR *nm[3] = { OLESTR("add"), OLESTR("B"), OLESTR("a") };
        hr = ITypeInfo_GetIDsOfNames(ti, (LPOLESTR *)nm, 3, ids);
        begin("CreateDispTypeInfo GetIDsOfNames add B a");
        pu_hr(&res, hr);
        pu_add(&res, " %d %d %d", (int)ids[0], (int)ids[1], (int)ids[2]);
        end();
    }
    /* Invoking it (CreateStdDispatch over this type information, the
     * documented use) is not compared: Wine 8.0's ITypeInfo::Invoke finds
     * no member in a coclass and answers DISP_E_MEMBERNOTFOUND.  The C test
     * test_dispinvoke.c calls it. */
    ITypeInfo_Release(ti);
}

int main(void)
{
    HRESULT hr;
    pu_start("dispinvoke");
    fix_obj_init(&obj);
    hr = fix_build(&tinfo);
    begin("build");
    pu_hr(&res, hr);
    end();
    if (hr != S_OK) return 1;
    stddisp_cases();
    invoke_cases(0);
    if (stddisp) invoke_cases(1);
    getparam_cases();
    names_cases();
    cdti_cases();
    if (stddisp) IDispatch_Release(stddisp);
    ITypeInfo_Release(tinfo);
    SysFreeString(obj.name);
    fflush(stdout);
    return 0;
}
