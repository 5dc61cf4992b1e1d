/*
 * tlbdump_probe.c — walks one type library through the ITypeLib/ITypeInfo/
 * ITypeComp API and prints everything it answers as canonical
 * "KEY => VALUE" lines (see probe_util.h), for the type-library goldens
 * (tests/golden/tlbdump/<fixture>.txt).
 *
 *     tlbdump_probe FILE        (FILE may end in "\N" to pick resource N)
 *
 * The same source compiles with mingw (run under Wine, the golden) and
 * against comrt (the comparison).  Keys never hold the file's path, so a
 * golden made from Z:\some\dir matches a run from /other/dir; strings that
 * start with the fixture's directory print it as "<DIR>".
 *
 * The first word of a key says what it is about; compare_golden.py groups
 * mismatches by it:
 *   load, load.again, lib.*       LoadTypeLibEx, the cache, ITypeLib(2)
 *   typeinfotype, typeinfo, ofguid, lib.doc tNNN   per index of the library
 *   typeattr, doc, doc2, custdata, kindflags, container, mops, impl, href,
 *   badindex, typecomp            per type info
 *   func, param, fnames, fdoc, dllentry      per function (FUNCDESC, ...)
 *   var, vnames, vdoc             per variable
 *   bind                          ITypeComp::Bind of the type, per member
 *   hash, isname(.upper), findname(.upper), bindtype, libbind   per name
 * Types are named by index: "t012" is the typeinfo at index 12, "t012i"
 * the interface half of a dual interface (GetRefTypeOfImplType(-1)),
 * "t012/f3" its function 3, "t012/v2" variable 2, "t012/f3/p1" a
 * parameter, "t012/m4" member 4 for Bind; names are keyed by the name.
 * Referenced types print as "Name"@self#index or "Name"@"Lib"{guid}#index,
 * never by pointer or path; HREFTYPE values only in "href" lines.
 */
#include "probe_util.h"

#ifndef _WIN32
#define lstrcmpiW(a, b) pr_wcsicmp(a, b)
#endif

/* Wine's oleaut32 crashes on some calls that Windows answers (e.g. a
 * GetFuncDesc deep in msado15's dual interfaces after other calls).  Under
 * Wine the probe catches the access violation, prints
 * "crash SCOPE => WINE-CRASH" and goes on with the next member;
 * compare_golden.py then has no oracle for comrt's lines of that scope. */
#ifdef _WIN32
static void *guard_buf[5];
static volatile int guard_on;

static LONG CALLBACK guard_handler(PEXCEPTION_POINTERS ep)
{
    if (guard_on && ep->ExceptionRecord->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        guard_on = 0;
        __builtin_longjmp(guard_buf, 1);
    }
    return EXCEPTION_CONTINUE_SEARCH;
}
#define GUARDED(call, ...)                                                                                 \
    do {                                                                                                   \
        if (__builtin_setjmp(guard_buf)) {                                                                 \
            guard_on = 0;                                                                                  \
            begin(__VA_ARGS__);                                                                            \
            pu_add(&res, "WINE-CRASH");                                                                    \
            end();                                                                                         \
        } else {                                                                                           \
            guard_on = 1;                                                                                  \
            call;                                                                                          \
            guard_on = 0;                                                                                  \
        }                                                                                                  \
    } while (0)
#else
#define GUARDED(call, ...) call
#endif

static ITypeLib *lib;
static SYSKIND lib_syskind = SYS_WIN32;
static LCID lib_lcid;

/* The fixture's directory as the probe was given it (both separators). */
static OLECHAR dir_prefix[1024];
static size_t dir_len;

static int pr_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

#ifndef _WIN32
static int pr_wcsicmp(const OLECHAR *a, const OLECHAR *b)
{
    while (*a && pr_lower(*a) == pr_lower(*b)) {
        a++;
        b++;
    }
    return pr_lower(*a) - pr_lower(*b);
}
#endif

/* A BSTR with the fixture directory shown as <DIR>. */
static void pr_bstr(pu_line *l, BSTR b)
{
    size_t n, i;
    if (!b) {
        pu_add(l, "NULL");
        return;
    }
    n = SysStringLen(b);
    if (dir_len && n >= dir_len) {
        for (i = 0; i < dir_len; i++) {
            int x = pr_lower(b[i]), y = pr_lower(dir_prefix[i]);
            if (x == '/')
                x = '\\';
            if (y == '/')
                y = '\\';
            if (x != y)
                break;
        }
        if (i == dir_len) {
            pu_add(l, "<DIR>+");
            pu_wstr(l, b + dir_len, n - dir_len);
            return;
        }
    }
    pu_bstr(l, b);
}

static void pr_bstr_free(pu_line *l, BSTR b)
{
    pr_bstr(l, b);
    SysFreeString(b);
}

/* ---- names of enum values --------------------------------------------- */

static const char *const tkind_names[] = {"ENUM", "RECORD", "MODULE", "INTERFACE",
                                          "DISPATCH", "COCLASS", "ALIAS", "UNION"};
static const char *const fkind_names[] = {"VIRTUAL", "PUREVIRTUAL", "NONVIRTUAL", "STATIC", "DISPATCH"};
static const char *const vkind_names[] = {"PERINSTANCE", "STATIC", "CONST", "DISPATCH"};
static const char *const dkind_names[] = {"NONE", "FUNCDESC", "VARDESC", "TYPECOMP", "IMPLICITAPPOBJ"};

static void pr_enum(pu_line *l, const char *const *names, size_t n, unsigned v)
{
    if (v < n)
        pu_add(l, "%s", names[v]);
    else
        pu_add(l, "?%u", v);
}
#define PR_ENUM(l, tab, v) pr_enum(l, tab, sizeof tab / sizeof tab[0], (unsigned)(v))

static void pr_guid(pu_line *l, const GUID *g)
{
    pu_guid(l, g);
}

/* ---- referenced type infos -------------------------------------------- */

/* "Name@LibName{libguid}#index" for a referenced type info; the library is
 * named by its GUID and name, never by where it was found. */
static void pr_typeinfo_id(pu_line *l, ITypeInfo *ti)
{
    BSTR name = NULL;
    ITypeLib *tl = NULL;
    UINT idx = 0;
    HRESULT hr = ITypeInfo_GetDocumentation(ti, MEMBERID_NIL, &name, NULL, NULL, NULL);
    if (SUCCEEDED(hr))
        pr_bstr_free(l, name);
    else
        pu_add(l, "noname:%08X", (unsigned)hr);
    hr = ITypeInfo_GetContainingTypeLib(ti, &tl, &idx);
    if (SUCCEEDED(hr) && tl) {
        TLIBATTR *la = NULL;
        BSTR lname = NULL;
        pu_add(l, "@");
        if (tl == lib)
            pu_add(l, "self");
        else {
            if (SUCCEEDED(ITypeLib_GetDocumentation(tl, -1, &lname, NULL, NULL, NULL)))
                pr_bstr_free(l, lname);
            if (SUCCEEDED(ITypeLib_GetLibAttr(tl, &la))) {
                pu_add(l, "{");
                pr_guid(l, &la->guid);
                pu_add(l, "}");
                ITypeLib_ReleaseTLibAttr(tl, la);
            }
        }
        pu_add(l, "#%u", (unsigned)idx);
        ITypeLib_Release(tl);
    } else {
        pu_add(l, "@nolib:%08X", (unsigned)hr);
    }
}

static void pr_href(pu_line *l, ITypeInfo *ti, HREFTYPE href)
{
    ITypeInfo *rt = NULL;
    HRESULT hr = ITypeInfo_GetRefTypeInfo(ti, href, &rt);
    if (FAILED(hr)) {
        pu_add(l, "ERR:%08X", (unsigned)hr);
        return;
    }
    pr_typeinfo_id(l, rt);
    ITypeInfo_Release(rt);
}

/* A TYPEDESC tree: I4, PTR(BSTR), SAFEARRAY(VARIANT), CARRAY[0:4,1:3](R8),
 * USERDEFINED(Name@lib#i). */
static void pr_tdesc(pu_line *l, ITypeInfo *ti, const TYPEDESC *td, int depth)
{
    if (depth > 16) {
        pu_add(l, "...");
        return;
    }
    pu_vt(l, td->vt);
    switch (td->vt) {
    case VT_PTR:
    case VT_SAFEARRAY:
        pu_add(l, "(");
        if (td->lptdesc)
            pr_tdesc(l, ti, td->lptdesc, depth + 1);
        else
            pu_add(l, "null");
        pu_add(l, ")");
        break;
    case VT_CARRAY:
        if (!td->lpadesc) {
            pu_add(l, "(null)");
            break;
        }
        pu_add(l, "[");
        for (USHORT d = 0; d < td->lpadesc->cDims; d++)
            pu_add(l, "%s%d+%u", d ? "," : "", (int)td->lpadesc->rgbounds[d].lLbound,
                   (unsigned)td->lpadesc->rgbounds[d].cElements);
        pu_add(l, "](");
        pr_tdesc(l, ti, &td->lpadesc->tdescElem, depth + 1);
        pu_add(l, ")");
        break;
    case VT_USERDEFINED:
        pu_add(l, "(");
        pr_href(l, ti, td->hreftype);
        pu_add(l, ")");
        break;
    default:
        break;
    }
}

/* A default value or custom datum. */
static void pr_variant(pu_line *l, const VARIANT *v)
{
    if (V_VT(v) == VT_BSTR) {
        pu_add(l, "BSTR:");
        pr_bstr(l, V_BSTR(v));
    } else {
        pu_variant(l, v);
    }
}

static void pr_elemdesc(pu_line *l, ITypeInfo *ti, const ELEMDESC *ed)
{
    pr_tdesc(l, ti, &ed->tdesc, 0);
    pu_add(l, " pf=%X", (unsigned)ed->paramdesc.wParamFlags);
    if (ed->paramdesc.wParamFlags & PARAMFLAG_FHASDEFAULT) {
        if (ed->paramdesc.pparamdescex) {
            pu_add(l, " cb=%u default=", (unsigned)ed->paramdesc.pparamdescex->cBytes);
            pr_variant(l, &ed->paramdesc.pparamdescex->varDefaultValue);
        } else {
            pu_add(l, " default=nullptr");
        }
    }
}

/* ---- custom data ------------------------------------------------------ */

static void pr_custdata(pu_line *l, CUSTDATA *cd)
{
    DWORD i;
    pu_add(l, " n=%u", (unsigned)cd->cCustData);
    for (i = 0; i < cd->cCustData; i++) {
        pu_add(l, " {");
        pr_guid(l, &cd->prgCustData[i].guid);
        pu_add(l, "}=");
        pr_variant(l, &cd->prgCustData[i].varValue);
    }
}

static void free_custdata(CUSTDATA *cd)
{
    DWORD i;
    for (i = 0; i < cd->cCustData; i++)
        VariantClear(&cd->prgCustData[i].varValue);
    CoTaskMemFree(cd->prgCustData);
    cd->prgCustData = NULL;
    cd->cCustData = 0;
}

/* Prints a custom-data line only when there is something to say (data, or
 * a failure), so the goldens stay small. */
static void emit_custdata(HRESULT hr, CUSTDATA *cd)
{
    if (FAILED(hr)) {
        pu_hr(&res, hr);
        end();
    } else {
        if (cd->cCustData) {
            pu_hr(&res, hr);
            pr_custdata(&res, cd);
            end();
        }
        free_custdata(cd);
    }
}

/* ---- the names seen, for IsName/FindName/hash/bind checks -------------- */

#define MAX_NAMES 40000
static BSTR seen_names[MAX_NAMES];
static int nseen;

static void note_name(const OLECHAR *s)
{
    int i;
    if (!s || !*s || nseen >= MAX_NAMES)
        return;
    for (i = 0; i < nseen; i++)
        if (!lstrcmpiW(seen_names[i], s))
            return;
    seen_names[nseen++] = SysAllocString(s);
}

/* ---- one type info ----------------------------------------------------- */

static void walk_typeinfo(ITypeInfo *ti, const char *tid, int is_lib_member, UINT index);

/* GetDocumentation2 as "HR str ctx dll". */
static void pr_doc2(pu_line *l, ITypeInfo2 *ti2, MEMBERID id)
{
    BSTR hs = NULL, dll = NULL;
    DWORD ctx = 0xDEADBEEF;
    HRESULT hr = ITypeInfo2_GetDocumentation2(ti2, id, 0, &hs, &ctx, &dll);
    pu_hr(l, hr);
    if (SUCCEEDED(hr)) {
        pu_add(l, " ");
        pr_bstr_free(l, hs);
        pu_add(l, " %X ", (unsigned)ctx);
        pr_bstr_free(l, dll);
    }
}

/* "doc" line of a member or type: GetDocumentation, then (ITypeInfo2)
 * GetDocumentation2, as "HR name doc ctx file | HR str ctx dll". */
static void pr_docs(pu_line *l, ITypeInfo *ti, ITypeInfo2 *ti2, MEMBERID id, BSTR *name_out)
{
    BSTR name = NULL, doc = NULL, file = NULL;
    DWORD ctx = 0xDEADBEEF;
    HRESULT hr = ITypeInfo_GetDocumentation(ti, id, &name, &doc, &ctx, &file);
    pu_hr(l, hr);
    if (SUCCEEDED(hr)) {
        pu_add(l, " ");
        pr_bstr(l, name);
        pu_add(l, " ");
        pr_bstr_free(l, doc);
        pu_add(l, " %X ", (unsigned)ctx);
        pr_bstr_free(l, file);
        if (name_out)
            *name_out = name;
        else
            SysFreeString(name);
    }
    if (ti2) {
        pu_add(l, " | ");
        pr_doc2(l, ti2, id);
    }
}

/* One function: "func" (the FUNCDESC and GetFuncIndexOfMemId), "param"
 * per parameter, "fnames" (GetNames with room for all and for one, and
 * the GetIDsOfNames round trip), "fdoc", custom data, DLL entry. */
static void walk_func(ITypeInfo *ti, ITypeInfo2 *ti2, const char *tid, UINT i, const TYPEATTR *ta)
{
    FUNCDESC *fd = NULL;
    HRESULT hr;
    BSTR names[64];
    UINT cnames = 0, k;
    SHORT p;

    begin("func %s/f%u", tid, i);
    hr = ITypeInfo_GetFuncDesc(ti, i, &fd);
    pu_hr(&res, hr);
    if (FAILED(hr)) {
        end();
        return;
    }
    pu_add(&res, " id=%08X ", (unsigned)fd->memid);
    PR_ENUM(&res, fkind_names, fd->funckind);
    pu_add(&res, " inv=%u cc=%u params=%d/%d vft=%d fl=%04X ret=", (unsigned)fd->invkind, (unsigned)fd->callconv,
           (int)fd->cParams, (int)fd->cParamsOpt, (int)fd->oVft, (unsigned)fd->wFuncFlags);
    pr_elemdesc(&res, ti, &fd->elemdescFunc);
    if (fd->cScodes) {
        pu_add(&res, " scodes=%d", (int)fd->cScodes);
        for (p = 0; p < fd->cScodes && fd->lprgscode; p++)
            pu_add(&res, "%s%08X", p ? "," : ":", (unsigned)fd->lprgscode[p]);
    }
    if (ti2) {
        UINT fi = 0xFFFF;
        hr = ITypeInfo2_GetFuncIndexOfMemId(ti2, fd->memid, fd->invkind, &fi);
        pu_add(&res, " index:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            pu_add(&res, ",%u", fi);
    }
    end();

    for (p = 0; p < fd->cParams; p++) {
        begin("param %s/f%u/p%d", tid, i, (int)p);
        pr_elemdesc(&res, ti, &fd->lprgelemdescParam[p]);
        end();
    }

    begin("fnames %s/f%u", tid, i);
    hr = ITypeInfo_GetNames(ti, fd->memid, names, 64, &cnames);
    pu_hr(&res, hr);
    if (SUCCEEDED(hr)) {
        MEMBERID ids[64];
        LPOLESTR pn[64];
        BSTR one = NULL;
        UINT c1 = 0;
        pu_add(&res, " %u", cnames);
        for (k = 0; k < cnames; k++) {
            pu_add(&res, " ");
            pr_bstr(&res, names[k]);
            pn[k] = names[k];
            note_name(names[k]);
        }
        /* GetNames with room for one name only. */
        hr = ITypeInfo_GetNames(ti, fd->memid, &one, 1, &c1);
        pu_add(&res, " | one:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, ",%u", c1);
            if (c1) {
                pu_add(&res, " ");
                pr_bstr_free(&res, one);
            }
        }
        /* GetIDsOfNames round trip over the name and its parameter names. */
        if (cnames) {
            hr = ITypeInfo_GetIDsOfNames(ti, pn, cnames, ids);
            pu_add(&res, " | ids:");
            pu_hr(&res, hr);
            if (SUCCEEDED(hr) || hr == DISP_E_UNKNOWNNAME)
                for (k = 0; k < cnames; k++)
                    pu_add(&res, " %X", (unsigned)ids[k]);
        }
        for (k = 0; k < cnames; k++)
            SysFreeString(names[k]);
    }
    end();

    begin("fdoc %s/f%u", tid, i);
    pr_docs(&res, ti, ti2, fd->memid, NULL);
    end();
    if (ti2) {
        CUSTDATA cd = {0, NULL};
        begin("custdata %s/f%u", tid, i);
        emit_custdata(ITypeInfo2_GetAllFuncCustData(ti2, i, &cd), &cd);
        for (p = 0; p < fd->cParams; p++) {
            CUSTDATA pcd = {0, NULL};
            begin("custdata %s/f%u/p%d", tid, i, (int)p);
            emit_custdata(ITypeInfo2_GetAllParamCustData(ti2, i, (UINT)p, &pcd), &pcd);
        }
    }
    /* Every function of a module; the first of any other type (refused). */
    if (ta->typekind == TKIND_MODULE || i == 0) {
        BSTR dll = NULL, entry = NULL;
        WORD ord = 0xBEEF;
        begin("dllentry %s/f%u", tid, i);
        hr = ITypeInfo_GetDllEntry(ti, fd->memid, fd->invkind, &dll, &entry, &ord);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " dll=");
            pr_bstr_free(&res, dll);
            pu_add(&res, " name=");
            pr_bstr_free(&res, entry);
            pu_add(&res, " ord=%u", (unsigned)ord);
        }
        end();
    }
    ITypeInfo_ReleaseFuncDesc(ti, fd);
}

/* One variable: "var" (the VARDESC and GetVarIndexOfMemId), "vnames"
 * (GetNames and GetIDsOfNames), "vdoc", custom data. */
static void walk_var(ITypeInfo *ti, ITypeInfo2 *ti2, const char *tid, UINT i)
{
    VARDESC *vd = NULL;
    HRESULT hr;
    BSTR name = NULL;
    UINT cnames = 0;

    begin("var %s/v%u", tid, i);
    hr = ITypeInfo_GetVarDesc(ti, i, &vd);
    pu_hr(&res, hr);
    if (FAILED(hr)) {
        end();
        return;
    }
    pu_add(&res, " id=%08X ", (unsigned)vd->memid);
    PR_ENUM(&res, vkind_names, vd->varkind);
    pu_add(&res, " fl=%04X schema=", (unsigned)vd->wVarFlags);
    pu_wsz(&res, vd->lpstrSchema);
    pu_add(&res, " type=");
    pr_elemdesc(&res, ti, &vd->elemdescVar);
    if (vd->varkind == VAR_PERINSTANCE)
        pu_add(&res, " oInst=%u", (unsigned)vd->oInst);
    else if (vd->varkind == VAR_CONST) {
        pu_add(&res, " value=");
        if (vd->lpvarValue)
            pr_variant(&res, vd->lpvarValue);
        else
            pu_add(&res, "null");
    }
    if (ti2) {
        UINT vi = 0xFFFF;
        hr = ITypeInfo2_GetVarIndexOfMemId(ti2, vd->memid, &vi);
        pu_add(&res, " index:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            pu_add(&res, ",%u", vi);
    }
    end();

    begin("vnames %s/v%u", tid, i);
    hr = ITypeInfo_GetNames(ti, vd->memid, &name, 1, &cnames);
    pu_hr(&res, hr);
    if (SUCCEEDED(hr)) {
        pu_add(&res, " %u", cnames);
        if (cnames) {
            MEMBERID id = 0x5A5A5A5A;
            pu_add(&res, " ");
            pr_bstr(&res, name);
            note_name(name);
            hr = ITypeInfo_GetIDsOfNames(ti, &name, 1, &id);
            pu_add(&res, " | ids:");
            pu_hr(&res, hr);
            pu_add(&res, " %X", (unsigned)id);
            SysFreeString(name);
        }
    }
    end();
    begin("vdoc %s/v%u", tid, i);
    pr_docs(&res, ti, ti2, vd->memid, NULL);
    end();
    if (ti2) {
        CUSTDATA cd = {0, NULL};
        begin("custdata %s/v%u", tid, i);
        emit_custdata(ITypeInfo2_GetAllVarCustData(ti2, i, &cd), &cd);
    }
    ITypeInfo_ReleaseVarDesc(ti, vd);
}

/* ITypeComp::Bind on a member name: what kind, which member, in which type. */
static void pr_bind(pu_line *l, ITypeComp *tc, BSTR name, WORD flags)
{
    ITypeInfo *bti = NULL;
    DESCKIND dk = DESCKIND_NONE;
    BINDPTR bp;
    HRESULT hr;
    memset(&bp, 0, sizeof bp);
    hr = ITypeComp_Bind(tc, name, LHashValOfNameSys(lib_syskind, lib_lcid, name), flags, &bti, &dk, &bp);
    pu_hr(l, hr);
    if (FAILED(hr))
        return;
    pu_add(l, " ");
    PR_ENUM(l, dkind_names, dk);
    switch (dk) {
    case DESCKIND_FUNCDESC:
        pu_add(l, " memid=%08X invkind=%u", (unsigned)bp.lpfuncdesc->memid, (unsigned)bp.lpfuncdesc->invkind);
        if (bti)
            ITypeInfo_ReleaseFuncDesc(bti, bp.lpfuncdesc);
        break;
    case DESCKIND_VARDESC:
    case DESCKIND_IMPLICITAPPOBJ:
        pu_add(l, " memid=%08X varkind=%u", (unsigned)bp.lpvardesc->memid, (unsigned)bp.lpvardesc->varkind);
        if (bti)
            ITypeInfo_ReleaseVarDesc(bti, bp.lpvardesc);
        break;
    case DESCKIND_TYPECOMP:
        if (bp.lptcomp)
            ITypeComp_Release(bp.lptcomp);
        break;
    default:
        break;
    }
    if (bti) {
        pu_add(l, " in=");
        pr_typeinfo_id(l, bti);
        ITypeInfo_Release(bti);
    }
}

/* ITypeComp::Bind on the name of member m (function or variable). */
static void bind_member(ITypeInfo *ti, ITypeComp *tc, const char *tid, UINT m, const TYPEATTR *ta)
{
    MEMBERID id;
    BSTR name = NULL;
    UINT c = 0;
    if (m < ta->cFuncs) {
        FUNCDESC *fd = NULL;
        if (FAILED(ITypeInfo_GetFuncDesc(ti, m, &fd)))
            return;
        id = fd->memid;
        ITypeInfo_ReleaseFuncDesc(ti, fd);
    } else {
        VARDESC *vd = NULL;
        if (FAILED(ITypeInfo_GetVarDesc(ti, m - ta->cFuncs, &vd)))
            return;
        id = vd->memid;
        ITypeInfo_ReleaseVarDesc(ti, vd);
    }
    if (FAILED(ITypeInfo_GetNames(ti, id, &name, 1, &c)) || !c)
        return;
    begin("bind %s/m%u", tid, m);
    pr_bind(&res, tc, name, 0);
    end();
    SysFreeString(name);
}

static void walk_typeinfo(ITypeInfo *ti, const char *tid, int is_lib_member, UINT index)
{
    TYPEATTR *ta = NULL;
    ITypeInfo2 *ti2 = NULL;
    HRESULT hr;
    UINT i;

    begin("typeattr %s", tid);
    hr = ITypeInfo_GetTypeAttr(ti, &ta);
    pu_hr(&res, hr);
    if (FAILED(hr)) {
        end();
        return;
    }
    pu_add(&res, " guid=");
    pr_guid(&res, &ta->guid);
    pu_add(&res, " lcid=%04X kind=", (unsigned)ta->lcid);
    PR_ENUM(&res, tkind_names, ta->typekind);
    pu_add(&res, " ctor=%08X dtor=%08X schema=", (unsigned)ta->memidConstructor, (unsigned)ta->memidDestructor);
    pu_wsz(&res, ta->lpstrSchema);
    pu_add(&res, " size=%u funcs=%u vars=%u impl=%u vft=%u align=%u flags=%04X ver=%u.%u idl=%04X",
           (unsigned)ta->cbSizeInstance, (unsigned)ta->cFuncs, (unsigned)ta->cVars, (unsigned)ta->cImplTypes,
           (unsigned)ta->cbSizeVft, (unsigned)ta->cbAlignment, (unsigned)ta->wTypeFlags,
           (unsigned)ta->wMajorVerNum, (unsigned)ta->wMinorVerNum, (unsigned)ta->idldescType.wIDLFlags);
    if (ta->typekind == TKIND_ALIAS) {
        pu_add(&res, " alias=");
        pr_tdesc(&res, ti, &ta->tdescAlias, 0);
    }
    end();

    if (FAILED(ITypeInfo_QueryInterface(ti, &IID_ITypeInfo2, (void **)&ti2)))
        ti2 = NULL;

    {
        /* The type's GetDocumentation2 on a line of its own ("doc2"): Wine
         * answers the type's name there (see DEVIATIONS.md). */
        BSTR name = NULL;
        begin("doc %s", tid);
        pr_docs(&res, ti, NULL, MEMBERID_NIL, &name);
        end();
        note_name(name);
        SysFreeString(name);
        if (ti2) {
            begin("doc2 %s", tid);
            pr_doc2(&res, ti2, MEMBERID_NIL);
            end();
        }
    }
    if (ti2) {
        CUSTDATA cd = {0, NULL};
        TYPEKIND tk = TKIND_MAX;
        ULONG tf = 0xDEADBEEF;
        begin("custdata %s", tid);
        emit_custdata(ITypeInfo2_GetAllCustData(ti2, &cd), &cd);
        begin("kindflags %s", tid);
        hr = ITypeInfo2_GetTypeKind(ti2, &tk);
        pu_hr(&res, hr);
        pu_add(&res, " ");
        PR_ENUM(&res, tkind_names, tk);
        hr = ITypeInfo2_GetTypeFlags(ti2, &tf);
        pu_add(&res, " ");
        pu_hr(&res, hr);
        pu_add(&res, " %08X", (unsigned)tf);
        end();
    }

    begin("container %s", tid);
    {
        ITypeLib *tl = NULL;
        UINT idx = 0xFFFF;
        hr = ITypeInfo_GetContainingTypeLib(ti, &tl, &idx);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " %s index=%u", tl == lib ? "same" : "other", idx);
            if (is_lib_member && idx != index)
                pu_add(&res, " (expected %u)", index);
            ITypeLib_Release(tl);
        }
    }
    end();

    {
        BSTR mops = NULL;
        begin("mops %s", tid);
        hr = ITypeInfo_GetMops(ti, MEMBERID_NIL, &mops);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " ");
            pr_bstr_free(&res, mops);
        }
        end();
    }

    /* Implemented interfaces (and -1: the other half of a dual interface). */
    for (i = 0; i <= ta->cImplTypes; i++) {
        HREFTYPE href = 0;
        INT flags = 0x5A5A;
        begin("impl %s/i%u", tid, i);
        hr = ITypeInfo_GetRefTypeOfImplType(ti, i, &href);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " ref=");
            pr_href(&res, ti, href);
        }
        hr = ITypeInfo_GetImplTypeFlags(ti, i, &flags);
        pu_add(&res, " flags:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            pu_add(&res, " %02X", (unsigned)flags);
        end();
        if (i < ta->cImplTypes) {
            begin("href %s/i%u", tid, i);
            hr = ITypeInfo_GetRefTypeOfImplType(ti, i, &href);
            pu_hr(&res, hr);
            if (SUCCEEDED(hr))
                pu_add(&res, " %08X", (unsigned)href);
            end();
            /* Only coclasses: Wine's GetAllImplTypeCustData crashes on the
             * inherited interface of an interface. */
            if (ti2 && ta->typekind == TKIND_COCLASS) {
                CUSTDATA cd = {0, NULL};
                begin("custdata %s/i%u", tid, i);
                emit_custdata(ITypeInfo2_GetAllImplTypeCustData(ti2, i, &cd), &cd);
            }
        }
    }
    {
        HREFTYPE href = 0;
        ITypeInfo *other = NULL;
        begin("impl %s/i-1", tid);
        hr = ITypeInfo_GetRefTypeOfImplType(ti, (UINT)-1, &href);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " ref=");
            pr_href(&res, ti, href);
            if (SUCCEEDED(ITypeInfo_GetRefTypeInfo(ti, href, &other))) {
                TYPEATTR *ota = NULL;
                if (SUCCEEDED(ITypeInfo_GetTypeAttr(other, &ota))) {
                    pu_add(&res, " kind=");
                    PR_ENUM(&res, tkind_names, ota->typekind);
                    ITypeInfo_ReleaseTypeAttr(other, ota);
                }
            }
        }
        end();
        /* Walk the interface half of a dual interface: it is in no index. */
        if (other) {
            if (is_lib_member && ta->typekind == TKIND_DISPATCH) {
                char sub[64];
                snprintf(sub, sizeof sub, "%si", tid);
                walk_typeinfo(other, sub, 0, 0);
            }
            ITypeInfo_Release(other);
        }
    }

    for (i = 0; i < ta->cFuncs; i++)
        GUARDED(walk_func(ti, ti2, tid, i, ta), "crash %s/f%u", tid, i);
    for (i = 0; i < ta->cVars; i++)
        GUARDED(walk_var(ti, ti2, tid, i), "crash %s/v%u", tid, i);

    /* Refusals for an index or member id past the end. */
    {
        FUNCDESC *fd = NULL;
        VARDESC *vd = NULL;
        BSTR nm = NULL;
        UINT c = 0;
        begin("badindex %s", tid);
        hr = ITypeInfo_GetFuncDesc(ti, ta->cFuncs, &fd);
        pu_add(&res, "func:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            ITypeInfo_ReleaseFuncDesc(ti, fd);
        hr = ITypeInfo_GetVarDesc(ti, ta->cVars, &vd);
        pu_add(&res, " var:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            ITypeInfo_ReleaseVarDesc(ti, vd);
        hr = ITypeInfo_GetNames(ti, 0x7BADBAD7, &nm, 1, &c);
        pu_add(&res, " names:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " n=%u", c);
            if (c)
                SysFreeString(nm);
        }
        hr = ITypeInfo_GetDocumentation(ti, 0x7BADBAD7, &nm, NULL, NULL, NULL);
        pu_add(&res, " doc:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            SysFreeString(nm);
        end();
    }

    /* ITypeComp of the type: bind every member name (by GetNames of each). */
    {
        ITypeComp *tc = NULL;
        begin("typecomp %s", tid);
        hr = ITypeInfo_GetTypeComp(ti, &tc);
        pu_hr(&res, hr);
        end();
        if (SUCCEEDED(hr)) {
            UINT nmem = (UINT)ta->cFuncs + ta->cVars, m;
            for (m = 0; m < nmem && m < 24; m++)
                GUARDED(bind_member(ti, tc, tid, m, ta), "crash %s/m%u", tid, m);
            ITypeComp_Release(tc);
        }
    }

    if (ti2)
        ITypeInfo2_Release(ti2);
    ITypeInfo_ReleaseTypeAttr(ti, ta);
}

/* ---- the library ---------------------------------------------------------- */

/* IsName and FindName on a copy of the name (exact case when upper is 0,
 * upper-cased otherwise): both rewrite the buffer to the stored case. */
static void check_isname_findname(BSTR name, int upper)
{
    HRESULT hr;
    UINT n = SysStringLen(name), k;
    OLECHAR *buf = (OLECHAR *)calloc(n + 1, sizeof(OLECHAR));
    BOOL found = 12345;
    ITypeInfo *tis[8];
    MEMBERID ids[8];
    USHORT cfound = 8;

    if (!buf)
        return;
    for (k = 0; k < n; k++)
        buf[k] = (upper && name[k] >= 'a' && name[k] <= 'z') ? (OLECHAR)(name[k] - 32) : name[k];
    begin(upper ? "isname.upper " : "isname ");
    pu_bstr(&key, name);
    hr = ITypeLib_IsName(lib, buf, LHashValOfNameSys(lib_syskind, lib_lcid, buf), &found);
    pu_hr(&res, hr);
    pu_add(&res, " %d buf=", (int)found);
    pu_wsz(&res, buf);
    end();

    for (k = 0; k < n; k++)
        buf[k] = (upper && name[k] >= 'a' && name[k] <= 'z') ? (OLECHAR)(name[k] - 32) : name[k];
    begin(upper ? "findname.upper " : "findname ");
    pu_bstr(&key, name);
    memset(tis, 0, sizeof tis);
    hr = ITypeLib_FindName(lib, buf, LHashValOfNameSys(lib_syskind, lib_lcid, buf), tis, ids, &cfound);
    pu_hr(&res, hr);
    if (SUCCEEDED(hr)) {
        pu_add(&res, " n=%u", (unsigned)cfound);
        for (k = 0; k < cfound && k < 8; k++) {
            pu_add(&res, " ");
            if (tis[k]) {
                pr_typeinfo_id(&res, tis[k]);
                ITypeInfo_Release(tis[k]);
            }
            pu_add(&res, ":%08X", (unsigned)ids[k]);
        }
        pu_add(&res, " buf=");
        pu_wsz(&res, buf);
    }
    end();
    free(buf);
}

/* Library-level checks of one name: its hash, IsName and FindName in the
 * stored case and upper-cased, BindType and Bind on the library's
 * ITypeComp.  Keyed by the name itself. */
static void check_name(ITypeComp *tc, BSTR name)
{
    HRESULT hr;
    ULONG hash = LHashValOfNameSys(lib_syskind, lib_lcid, name);

    /* The key is the name itself: stable whatever order names are met. */
    begin("hash ");
    pu_bstr(&key, name);
    pu_add(&res, "%08X", (unsigned)hash);
    end();
    check_isname_findname(name, 0);
    check_isname_findname(name, 1);

    if (tc) {
        ITypeInfo *bti = NULL;
        ITypeComp *btc = NULL;
        begin("bindtype ");
        pu_bstr(&key, name);
        hr = ITypeComp_BindType(tc, name, hash, &bti, &btc);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " ti=");
            if (bti) {
                pr_typeinfo_id(&res, bti);
                ITypeInfo_Release(bti);
            } else
                pu_add(&res, "null");
            pu_add(&res, " tc=%s", btc ? "set" : "null");
            if (btc)
                ITypeComp_Release(btc);
        }
        end();
        begin("libbind ");
        pu_bstr(&key, name);
        pr_bind(&res, tc, name, 0);
        end();
    }
}

static void walk_names(void)
{
    ITypeComp *tc = NULL;
    HRESULT hr;
    int i;

    hr = ITypeLib_GetTypeComp(lib, &tc);
    begin("lib.typecomp");
    pu_hr(&res, hr);
    end();
    if (FAILED(hr))
        tc = NULL;

    for (i = 0; i < nseen; i++) {
        static pu_line quoted;
        pu_reset(&quoted);
        pu_bstr(&quoted, seen_names[i]);
        GUARDED(check_name(tc, seen_names[i]), "crash %s", quoted.s);
    }
    {
        BOOL found = 12345;
        OLECHAR none[] = {'N', 'o', 'S', 'u', 'c', 'h', 'N', 'a', 'm', 'e', 'X', 'y', 'z', 0};
        USHORT cfound = 4;
        ITypeInfo *tis[4];
        MEMBERID ids[4];
        begin("isname NoSuchNameXyz");
        hr = ITypeLib_IsName(lib, none, 0, &found);
        pu_hr(&res, hr);
        pu_add(&res, " %d", (int)found);
        end();
        begin("findname NoSuchNameXyz");
        hr = ITypeLib_FindName(lib, none, 0, tis, ids, &cfound);
        pu_hr(&res, hr);
        pu_add(&res, " n=%u", (unsigned)cfound);
        end();
    }
    if (tc)
        ITypeComp_Release(tc);
}

static void walk_lib(void)
{
    TLIBATTR *la = NULL;
    ITypeLib2 *lib2 = NULL;
    UINT count, i;
    HRESULT hr;

    begin("lib.attr");
    hr = ITypeLib_GetLibAttr(lib, &la);
    pu_hr(&res, hr);
    if (SUCCEEDED(hr)) {
        pu_add(&res, " guid=");
        pr_guid(&res, &la->guid);
        pu_add(&res, " lcid=%04X syskind=%u ver=%u.%u flags=%04X", (unsigned)la->lcid, (unsigned)la->syskind,
               (unsigned)la->wMajorVerNum, (unsigned)la->wMinorVerNum, (unsigned)la->wLibFlags);
        lib_syskind = la->syskind;
        lib_lcid = la->lcid;
        ITypeLib_ReleaseTLibAttr(lib, la);
    }
    end();

    count = ITypeLib_GetTypeInfoCount(lib);
    begin("lib.count");
    pu_add(&res, "%u", count);
    end();

    {
        BSTR name = NULL, doc = NULL, file = NULL;
        DWORD ctx = 0xDEADBEEF;
        begin("lib.doc");
        hr = ITypeLib_GetDocumentation(lib, -1, &name, &doc, &ctx, &file);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " name=");
            pr_bstr(&res, name);
            note_name(name);
            SysFreeString(name);
            pu_add(&res, " doc=");
            pr_bstr_free(&res, doc);
            pu_add(&res, " ctx=%08X file=", (unsigned)ctx);
            pr_bstr_free(&res, file);
        }
        end();
        begin("lib.doc.past-end");
        hr = ITypeLib_GetDocumentation(lib, (INT)count, &name, NULL, NULL, NULL);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            SysFreeString(name);
        end();
    }

    if (SUCCEEDED(ITypeLib_QueryInterface(lib, &IID_ITypeLib2, (void **)&lib2))) {
        BSTR hs = NULL, dll = NULL;
        DWORD ctx = 0xDEADBEEF;
        CUSTDATA cd = {0, NULL};
        ULONG nu = 0, cch = 0;
        begin("lib.doc2");
        hr = ITypeLib2_GetDocumentation2(lib2, -1, 0, &hs, &ctx, &dll);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            pu_add(&res, " str=");
            pr_bstr_free(&res, hs);
            pu_add(&res, " ctx=%08X dll=", (unsigned)ctx);
            pr_bstr_free(&res, dll);
        }
        end();
        begin("lib.custdata");
        hr = ITypeLib2_GetAllCustData(lib2, &cd);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr)) {
            DWORD k;
            pr_custdata(&res, &cd);
            end();
            /* GetCustData must find each of them by GUID. */
            for (k = 0; k < cd.cCustData; k++) {
                VARIANT v;
                VariantInit(&v);
                begin("lib.getcustdata ");
                pr_guid(&key, &cd.prgCustData[k].guid);
                hr = ITypeLib2_GetCustData(lib2, &cd.prgCustData[k].guid, &v);
                pu_hr(&res, hr);
                pu_add(&res, " ");
                pr_variant(&res, &v);
                VariantClear(&v);
                end();
            }
            free_custdata(&cd);
        } else {
            end();
        }
        {
            static const GUID nosuch = {0x12345678, 0x1234, 0x1234, {1, 2, 3, 4, 5, 6, 7, 8}};
            VARIANT v;
            V_VT(&v) = VT_I4;
            V_I4(&v) = 99;
            begin("lib.getcustdata missing");
            hr = ITypeLib2_GetCustData(lib2, &nosuch, &v);
            pu_hr(&res, hr);
            pu_add(&res, " ");
            pr_variant(&res, &v);
            VariantClear(&v);
            end();
        }
        begin("lib.stats");
        hr = ITypeLib2_GetLibStatistics(lib2, &nu, &cch);
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            pu_add(&res, " unique=%u cch=%u", (unsigned)nu, (unsigned)cch);
        end();
    }

    for (i = 0; i < count; i++) {
        ITypeInfo *ti = NULL;
        TYPEKIND tk = TKIND_MAX;
        char tid[32];
        snprintf(tid, sizeof tid, "t%03u", i);

        begin("typeinfotype %s", tid);
        hr = ITypeLib_GetTypeInfoType(lib, i, &tk);
        pu_hr(&res, hr);
        pu_add(&res, " ");
        PR_ENUM(&res, tkind_names, tk);
        end();
        {
            BSTR name = NULL, doc = NULL, file = NULL;
            DWORD ctx = 0xDEADBEEF;
            begin("lib.doc %s", tid);
            hr = ITypeLib_GetDocumentation(lib, (INT)i, &name, &doc, &ctx, &file);
            pu_hr(&res, hr);
            if (SUCCEEDED(hr)) {
                pu_add(&res, " name=");
                pr_bstr_free(&res, name);
                pu_add(&res, " doc=");
                pr_bstr_free(&res, doc);
                pu_add(&res, " ctx=%08X file=", (unsigned)ctx);
                pr_bstr_free(&res, file);
            }
            end();
        }

        begin("typeinfo %s", tid);
        hr = ITypeLib_GetTypeInfo(lib, i, &ti);
        pu_hr(&res, hr);
        end();
        if (FAILED(hr))
            continue;

        /* GetTypeInfoOfGuid finds the same type (by index). */
        {
            TYPEATTR *ta = NULL;
            if (SUCCEEDED(ITypeInfo_GetTypeAttr(ti, &ta))) {
                ITypeInfo *g = NULL;
                static const GUID nullguid;
                if (memcmp(&ta->guid, &nullguid, sizeof nullguid)) {
                    begin("ofguid %s", tid);
                    hr = ITypeLib_GetTypeInfoOfGuid(lib, &ta->guid, &g);
                    pu_hr(&res, hr);
                    if (SUCCEEDED(hr)) {
                        pu_add(&res, " ");
                        pr_typeinfo_id(&res, g);
                        pu_add(&res, g == ti ? " same-object" : " other-object");
                        ITypeInfo_Release(g);
                    }
                    end();
                }
                ITypeInfo_ReleaseTypeAttr(ti, ta);
            }
        }
        walk_typeinfo(ti, tid, 1, i);
        ITypeInfo_Release(ti);
    }

    {
        ITypeInfo *ti = NULL;
        TYPEKIND tk = TKIND_MAX;
        static const GUID nosuch = {0x12345678, 0x1234, 0x1234, {1, 2, 3, 4, 5, 6, 7, 8}};
        begin("lib.badindex");
        hr = ITypeLib_GetTypeInfo(lib, count, &ti);
        pu_add(&res, "typeinfo:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr))
            ITypeInfo_Release(ti);
        hr = ITypeLib_GetTypeInfoType(lib, count, &tk);
        pu_add(&res, " type:");
        pu_hr(&res, hr);
        ti = NULL;
        hr = ITypeLib_GetTypeInfoOfGuid(lib, &nosuch, &ti);
        pu_add(&res, " ofguid:");
        pu_hr(&res, hr);
        if (SUCCEEDED(hr) && ti)
            ITypeInfo_Release(ti);
        end();
    }

    walk_names();
    if (lib2)
        ITypeLib2_Release(lib2);
}

int main(int argc, char **argv)
{
    static OLECHAR path[2048];
    size_t n, i;
    HRESULT hr;
    ITypeLib *again = NULL;

    pu_start("tlbdump");
#ifdef _WIN32
    AddVectoredExceptionHandler(1, guard_handler);
#endif
    if (argc < 2) {
        fprintf(stderr, "usage: tlbdump_probe FILE\n");
        return 2;
    }
    n = strlen(argv[1]);
    if (n >= sizeof dir_prefix / sizeof dir_prefix[0])
        return 2;
    for (i = 0; i < n; i++) {
        path[i] = (OLECHAR)(unsigned char)argv[1][i];
    }
    path[n] = 0;
    /* "dir/file.dll\2": the directory ends at the last separator before
     * the file name (a trailing "\N" resource number is not part of it). */
    {
        size_t m = n, end_dir = 0;
        while (m > 0 && argv[1][m - 1] >= '0' && argv[1][m - 1] <= '9')
            m--;
        if (m == n || m == 0 || argv[1][m - 1] != '\\')
            m = n;
        else
            m--;
        for (i = 0; i < m; i++)
            if (argv[1][i] == '/' || argv[1][i] == '\\')
                end_dir = i + 1;
        dir_len = end_dir;
        memcpy(dir_prefix, path, dir_len * sizeof(OLECHAR));
    }

    hr = LoadTypeLibEx(path, REGKIND_NONE, &lib);
    begin("load");
    pu_hr(&res, hr);
    end();
    if (FAILED(hr)) {
        fflush(stdout);
        return 0;
    }
    /* Loading it again gives the same object (the process-wide cache). */
    hr = LoadTypeLibEx(path, REGKIND_NONE, &again);
    begin("load.again");
    pu_hr(&res, hr);
    if (SUCCEEDED(hr)) {
        pu_add(&res, again == lib ? " same" : " different");
        ITypeLib_Release(again);
    }
    end();

    walk_lib();

    for (i = 0; i < (size_t)nseen; i++)
        SysFreeString(seen_names[i]);
    ITypeLib_Release(lib);
    fflush(stdout);
    return 0;
}
