/*
 * tests/c/typelib/tlb_walk.h — walks everything a type library answers
 * through the public API (every type, function, parameter, variable, name,
 * document string, custom datum, reference, binding) and releases it all;
 * shared by the corrupt-input tests and fuzz/fuzz_typelib.c.  Returns the
 * number of calls that succeeded (so the walk cannot be optimised away).
 */
#ifndef COMRT_TLB_WALK_H
#define COMRT_TLB_WALK_H

#define COBJMACROS
#include <comrt.h>

static inline void tlb_walk_custdata(HRESULT hr, CUSTDATA *cd, unsigned *ok)
{
    if (hr != S_OK) return;
    (*ok)++;
    for (DWORD i = 0; i < cd->cCustData; i++) VariantClear(&cd->prgCustData[i].varValue);
    CoTaskMemFree(cd->prgCustData);
}

static inline void tlb_walk_tdesc(ITypeInfo *ti, const TYPEDESC *td, unsigned *ok, int depth)
{
    if (depth > 40) return;
    if (td->vt == VT_PTR || td->vt == VT_SAFEARRAY) tlb_walk_tdesc(ti, td->lptdesc, ok, depth + 1);
    else if (td->vt == VT_CARRAY) tlb_walk_tdesc(ti, &td->lpadesc->tdescElem, ok, depth + 1);
    else if (td->vt == VT_USERDEFINED) {
        ITypeInfo *r = NULL;
        if (ITypeInfo_GetRefTypeInfo(ti, td->hreftype, &r) == S_OK) {
            (*ok)++;
            ITypeInfo_Release(r);
        }
    }
}

static inline void tlb_walk_names(ITypeInfo *ti, MEMBERID id, unsigned *ok)
{
    BSTR names[16] = { 0 }, a = NULL, b = NULL, c = NULL;
    UINT n = 0;
    DWORD ctx;
    if (ITypeInfo_GetNames(ti, id, names, 16, &n) == S_OK) {
        (*ok)++;
        if (n && names[0]) {
            MEMBERID ids[16];
            if (ITypeInfo_GetIDsOfNames(ti, names, n, ids) == S_OK) (*ok)++;
        }
        for (UINT i = 0; i < n; i++) SysFreeString(names[i]);
    }
    if (ITypeInfo_GetDocumentation(ti, id, &a, &b, &ctx, &c) == S_OK) (*ok)++;
    SysFreeString(a);
    SysFreeString(b);
    SysFreeString(c);
}

static inline void tlb_walk_type(ITypeInfo *ti, unsigned *ok, int depth)
{
    TYPEATTR *ta;
    ITypeInfo2 *ti2 = NULL;
    ITypeComp *tc = NULL;
    if (ITypeInfo_GetTypeAttr(ti, &ta) != S_OK) return;
    (*ok)++;
    ITypeInfo_QueryInterface(ti, &IID_ITypeInfo2, (void **)&ti2);
    tlb_walk_names(ti, MEMBERID_NIL, ok);
    if (ta->typekind == TKIND_ALIAS) tlb_walk_tdesc(ti, &ta->tdescAlias, ok, 0);
    if (ti2) {
        CUSTDATA cd;
        BSTR hs = NULL, dll = NULL;
        DWORD ctx;
        tlb_walk_custdata(ITypeInfo2_GetAllCustData(ti2, &cd), &cd, ok);
        if (ITypeInfo2_GetDocumentation2(ti2, MEMBERID_NIL, 0, &hs, &ctx, &dll) == S_OK) (*ok)++;
        SysFreeString(hs);
        SysFreeString(dll);
    }
    ITypeInfo_GetTypeComp(ti, &tc);
    for (UINT i = 0; i < ta->cFuncs; i++) {
        FUNCDESC *fd;
        if (ITypeInfo_GetFuncDesc(ti, i, &fd) != S_OK) continue;
        (*ok)++;
        tlb_walk_tdesc(ti, &fd->elemdescFunc.tdesc, ok, 0);
        for (SHORT p = 0; p < fd->cParams; p++) tlb_walk_tdesc(ti, &fd->lprgelemdescParam[p].tdesc, ok, 0);
        tlb_walk_names(ti, fd->memid, ok);
        if (ti2) {
            CUSTDATA cd;
            UINT idx;
            tlb_walk_custdata(ITypeInfo2_GetAllFuncCustData(ti2, i, &cd), &cd, ok);
            for (SHORT p = 0; p < fd->cParams; p++)
                tlb_walk_custdata(ITypeInfo2_GetAllParamCustData(ti2, i, (UINT)p, &cd), &cd, ok);
            if (ITypeInfo2_GetFuncIndexOfMemId(ti2, fd->memid, fd->invkind, &idx) == S_OK) (*ok)++;
        }
        {
            BSTR dll = NULL, name = NULL;
            WORD ord;
            if (ITypeInfo_GetDllEntry(ti, fd->memid, fd->invkind, &dll, &name, &ord) == S_OK) (*ok)++;
            SysFreeString(dll);
            SysFreeString(name);
        }
        if (tc) {
            BSTR nm = NULL;
            UINT c = 0;
            if (ITypeInfo_GetNames(ti, fd->memid, &nm, 1, &c) == S_OK && c && nm) {
                ITypeInfo *bti = NULL;
                DESCKIND k = DESCKIND_NONE;
                BINDPTR bp;
                if (ITypeComp_Bind(tc, nm, 0, 0, &bti, &k, &bp) == S_OK) {
                    (*ok)++;
                    if (k == DESCKIND_FUNCDESC) ITypeInfo_ReleaseFuncDesc(bti, bp.lpfuncdesc);
                    else if (k == DESCKIND_VARDESC || k == DESCKIND_IMPLICITAPPOBJ) ITypeInfo_ReleaseVarDesc(bti, bp.lpvardesc);
                    else if (k == DESCKIND_TYPECOMP) ITypeComp_Release(bp.lptcomp);
                    if (bti) ITypeInfo_Release(bti);
                }
            }
            SysFreeString(nm);
        }
        ITypeInfo_ReleaseFuncDesc(ti, fd);
    }
    for (UINT i = 0; i < ta->cVars; i++) {
        VARDESC *vd;
        if (ITypeInfo_GetVarDesc(ti, i, &vd) != S_OK) continue;
        (*ok)++;
        tlb_walk_tdesc(ti, &vd->elemdescVar.tdesc, ok, 0);
        tlb_walk_names(ti, vd->memid, ok);
        if (ti2) {
            CUSTDATA cd;
            tlb_walk_custdata(ITypeInfo2_GetAllVarCustData(ti2, i, &cd), &cd, ok);
        }
        ITypeInfo_ReleaseVarDesc(ti, vd);
    }
    for (int i = -1; i < (int)ta->cImplTypes; i++) {
        HREFTYPE href;
        INT flags;
        ITypeInfo *r = NULL;
        if (ITypeInfo_GetRefTypeOfImplType(ti, (UINT)i, &href) != S_OK) continue;
        if (i >= 0 && ITypeInfo_GetImplTypeFlags(ti, (UINT)i, &flags) == S_OK) (*ok)++;
        if (ti2 && i >= 0) {
            CUSTDATA cd;
            tlb_walk_custdata(ITypeInfo2_GetAllImplTypeCustData(ti2, (UINT)i, &cd), &cd, ok);
        }
        if (ITypeInfo_GetRefTypeInfo(ti, href, &r) == S_OK) {
            (*ok)++;
            /* the other half of a dual interface, once */
            if (i == -1 && depth == 0) tlb_walk_type(r, ok, depth + 1);
            ITypeInfo_Release(r);
        }
    }
    if (tc) ITypeComp_Release(tc);
    if (ti2) ITypeInfo2_Release(ti2);
    ITypeInfo_ReleaseTypeAttr(ti, ta);
}

static inline unsigned tlb_walk(ITypeLib *lib)
{
    unsigned ok = 0;
    UINT n = ITypeLib_GetTypeInfoCount(lib);
    TLIBATTR *la;
    ITypeLib2 *lib2 = NULL;
    ITypeComp *tc = NULL;
    BSTR a = NULL, b = NULL, c = NULL;
    DWORD ctx;

    if (ITypeLib_GetLibAttr(lib, &la) == S_OK) {
        ok++;
        ITypeLib_ReleaseTLibAttr(lib, la);
    }
    if (ITypeLib_GetDocumentation(lib, -1, &a, &b, &ctx, &c) == S_OK) ok++;
    SysFreeString(a);
    SysFreeString(b);
    SysFreeString(c);
    if (ITypeLib_QueryInterface(lib, &IID_ITypeLib2, (void **)&lib2) == S_OK) {
        CUSTDATA cd;
        ULONG u, ch;
        tlb_walk_custdata(ITypeLib2_GetAllCustData(lib2, &cd), &cd, &ok);
        if (ITypeLib2_GetLibStatistics(lib2, &u, &ch) == S_OK) ok++;
        ITypeLib2_Release(lib2);
    }
    ITypeLib_GetTypeComp(lib, &tc);
    for (UINT i = 0; i < n; i++) {
        ITypeInfo *ti = NULL;
        BSTR name = NULL;
        if (ITypeLib_GetDocumentation(lib, (INT)i, &name, NULL, NULL, NULL) == S_OK && name) {
            BOOL found;
            ITypeInfo *tis[2];
            MEMBERID ids[2];
            USHORT cf = 2;
            if (ITypeLib_IsName(lib, name, 0, &found) == S_OK) ok++;
            if (ITypeLib_FindName(lib, name, 0, tis, ids, &cf) == S_OK) {
                for (USHORT k = 0; k < cf; k++) ITypeInfo_Release(tis[k]);
                ok++;
            }
            if (tc) {
                ITypeInfo *bti = NULL;
                ITypeComp *btc = NULL;
                DESCKIND k;
                BINDPTR bp;
                if (ITypeComp_BindType(tc, name, 0, &bti, &btc) == S_OK) {
                    if (bti) ITypeInfo_Release(bti);
                    if (btc) ITypeComp_Release(btc);
                    ok++;
                }
                if (ITypeComp_Bind(tc, name, 0, 0, &bti, &k, &bp) == S_OK) {
                    if (k == DESCKIND_FUNCDESC) ITypeInfo_ReleaseFuncDesc(bti, bp.lpfuncdesc);
                    else if (k == DESCKIND_VARDESC || k == DESCKIND_IMPLICITAPPOBJ) ITypeInfo_ReleaseVarDesc(bti, bp.lpvardesc);
                    else if (k == DESCKIND_TYPECOMP) ITypeComp_Release(bp.lptcomp);
                    if (bti) ITypeInfo_Release(bti);
                    ok++;
                }
            }
        }
        SysFreeString(name);
        if (ITypeLib_GetTypeInfo(lib, i, &ti) != S_OK) continue;
        tlb_walk_type(ti, &ok, 0);
        ITypeInfo_Release(ti);
    }
    if (tc) ITypeComp_Release(tc);
    return ok;
}

#endif
