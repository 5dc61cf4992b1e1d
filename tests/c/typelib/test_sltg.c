/* Tests for lib/typelib/sltg_read.c: facts read back from the SLTG fixtures
 * (tests/typelib/make_sltg.py), the dispinterface methods that have no Wine
 * golden (tests/typelib/extra/sltg_dispfuncs.tlb), hand-broken files, every
 * truncation and deterministic byte mutations, each walked through the whole
 * API.  Under ASan+UBSan this shows that no offset escapes the file. */
#define COBJMACROS
#include "comrt_test.h"
#include "typelib/sltg_format.h"
#include "typelib/tlb_fixture.h"
#include "typelib/tlb_walk.h"
#include "typelib/typelib_model.h"

static HRESULT load_and_walk(const unsigned char *data, size_t size)
{
    ITypeLib *lib = NULL;
    HRESULT hr = comrt__typelib_load_memory(data, size, 1, NULL, &lib);
    if (hr == S_OK) {
        tlb_walk(lib);
        if (ITypeLib_Release(lib) != 0) hr = E_UNEXPECTED;
    }
    return hr;
}

static ITypeInfo *type_named(ITypeLib *lib, const char *name)
{
    UINT n = ITypeLib_GetTypeInfoCount(lib);
    for (UINT i = 0; i < n; i++) {
        BSTR b = NULL;
        ITypeInfo *ti = NULL;
        BOOL same = FALSE;
        if (ITypeLib_GetDocumentation(lib, (INT)i, &b, NULL, NULL, NULL) == S_OK && b) {
            size_t k = 0;
            while (name[k] && b[k] == (WCHAR)name[k]) k++;
            same = !name[k] && !b[k];
        }
        SysFreeString(b);
        if (same && ITypeLib_GetTypeInfo(lib, i, &ti) == S_OK) return ti;
    }
    return NULL;
}

TEST(library_facts)
{
    ITypeLib *lib = NULL;
    TLIBATTR *la = NULL;
    BSTR name = NULL, doc = NULL, file = NULL;
    DWORD ctx = 0;

    CHECK_HR(LoadTypeLib(tlb_fixture("sltg_basic.tlb"), &lib), S_OK);
    if (!lib) return;
    CHECK_INT(ITypeLib_GetTypeInfoCount(lib), 9);
    CHECK_HR(ITypeLib_GetLibAttr(lib, &la), S_OK);
    if (la) {
        CHECK_INT(la->syskind, SYS_WIN32);
        CHECK_INT(la->wMajorVerNum, 1);
        CHECK_INT(la->wMinorVerNum, 2);
        CHECK_INT(la->wLibFlags, LIBFLAG_FHASDISKIMAGE);
        CHECK_INT(la->guid.Data1, 0x5D6A8E10);
        ITypeLib_ReleaseTLibAttr(lib, la);
    }
    CHECK_HR(ITypeLib_GetDocumentation(lib, -1, &name, &doc, &ctx, &file), S_OK);
    CHECK_WSTR(name, "SltgLib");
    CHECK_WSTR(doc, "SLTG test library");
    CHECK_WSTR(file, "sltg.hlp");
    CHECK_INT(ctx, 0x1234);
    SysFreeString(name);
    SysFreeString(doc);
    SysFreeString(file);
    /* the same file again is the same object (the cache) */
    {
        ITypeLib *again = NULL;
        CHECK_HR(LoadTypeLib(tlb_fixture("sltg_basic.tlb"), &again), S_OK);
        CHECK(again == lib);
        if (again) ITypeLib_Release(again);
    }
    CHECK_INT(ITypeLib_Release(lib), 0);
}

TEST(interface_facts)
{
    ITypeLib *lib = NULL;
    ITypeInfo *ti, *ref = NULL;
    FUNCDESC *fd = NULL;
    HREFTYPE href = 0;
    BSTR names[6] = { 0 };
    UINT n = 0;

    CHECK_HR(LoadTypeLib(tlb_fixture("sltg_win64.tlb"), &lib), S_OK);
    if (!lib) return;
    ti = type_named(lib, "ISltgThing");
    CHECK(ti != NULL);
    if (ti) {
        /* IUnknown from stdole2, found beside the file */
        CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, 0, &href), S_OK);
        CHECK_HR(ITypeInfo_GetRefTypeInfo(ti, href, &ref), S_OK);
        if (ref) {
            BSTR b = NULL;
            CHECK_HR(ITypeInfo_GetDocumentation(ref, MEMBERID_NIL, &b, NULL, NULL, NULL), S_OK);
            CHECK_WSTR(b, "IUnknown");
            SysFreeString(b);
            ITypeInfo_Release(ref);
        }
        /* Fill(names, pt, color, many): many is PTR(SAFEARRAY(PTR(ISltgThing))) in/out */
        CHECK_HR(ITypeInfo_GetFuncDesc(ti, 2, &fd), S_OK);
        if (fd) {
            const TYPEDESC *t = &fd->lprgelemdescParam[3].tdesc;
            CHECK_INT(fd->cParams, 4);
            CHECK_INT(fd->oVft, 40);
            CHECK_INT(fd->lprgelemdescParam[3].paramdesc.wParamFlags, PARAMFLAG_FIN | PARAMFLAG_FOUT);
            CHECK_INT(t->vt, VT_PTR);
            CHECK_INT(t->lptdesc->vt, VT_SAFEARRAY);
            CHECK_INT(t->lptdesc->lptdesc->vt, VT_PTR);
            CHECK_INT(t->lptdesc->lptdesc->lptdesc->vt, VT_USERDEFINED);
            ref = NULL;
            CHECK_HR(ITypeInfo_GetRefTypeInfo(ti, t->lptdesc->lptdesc->lptdesc->hreftype, &ref), S_OK);
            CHECK(ref == ti);
            if (ref) ITypeInfo_Release(ref);
            ITypeInfo_ReleaseFuncDesc(ti, fd);
        }
        /* Maybe(a, b, [lcid] lcid), one optional */
        fd = NULL;
        CHECK_HR(ITypeInfo_GetFuncDesc(ti, 5, &fd), S_OK);
        if (fd) {
            CHECK_INT(fd->cParamsOpt, 1);
            /* the optional count counts from the last parameter */
            CHECK_INT(fd->lprgelemdescParam[1].paramdesc.wParamFlags, PARAMFLAG_FIN);
            CHECK_INT(fd->lprgelemdescParam[2].paramdesc.wParamFlags, PARAMFLAG_FIN | PARAMFLAG_FLCID | PARAMFLAG_FOPT);
            ITypeInfo_ReleaseFuncDesc(ti, fd);
        }
        /* an unnamed parameter answers its function's name; the inline form */
        CHECK_HR(ITypeInfo_GetNames(ti, 0x60010006, names, 6, &n), S_OK);
        CHECK_INT(n, 6);
        CHECK_WSTR(names[0], "Unk");
        CHECK_WSTR(names[1], "punk");
        for (UINT i = 0; i < n; i++) SysFreeString(names[i]);
        ITypeInfo_Release(ti);
    }
    ti = type_named(lib, "SltgConsts");
    CHECK(ti != NULL);
    if (ti) {
        static const struct { INT value; } ints[] = { { 100 }, { 0x123456 }, { -5 } };
        for (UINT i = 0; i < 3; i++) {
            VARDESC *vd = NULL;
            CHECK_HR(ITypeInfo_GetVarDesc(ti, i, &vd), S_OK);
            if (vd) {
                CHECK_INT(vd->varkind, VAR_CONST);
                CHECK_INT(V_VT(vd->lpvarValue), VT_INT);
                CHECK_INT(V_INT(vd->lpvarValue), ints[i].value);
                ITypeInfo_ReleaseVarDesc(ti, vd);
            }
        }
        {
            VARDESC *vd = NULL;
            CHECK_HR(ITypeInfo_GetVarDesc(ti, 3, &vd), S_OK);
            if (vd) {
                CHECK_INT(V_VT(vd->lpvarValue), VT_BSTR);
                CHECK_WSTR(V_BSTR(vd->lpvarValue), "hello");
                ITypeInfo_ReleaseVarDesc(ti, vd);
            }
        }
        ITypeInfo_Release(ti);
    }
    CHECK_INT(ITypeLib_Release(lib), 0);
}

/* The dispinterface's own methods (Wine 8 answers IUnknown's instead, so
 * this file has no golden; see tests/golden/DEVIATIONS.md). */
TEST(dispinterface_methods)
{
    ITypeLib *lib = NULL;
    ITypeInfo *ti, *ref = NULL;
    TYPEATTR *ta = NULL;
    FUNCDESC *fd = NULL;
    HREFTYPE href = 0;
    BSTR names[4] = { 0 };
    UINT n = 0;

    /* its import (stdole2.tlb) is not beside it: the search path finds it */
    setenv("COMRT_TYPELIB_PATH", tlb_fixture_dir(), 1);
    CHECK_HR(LoadTypeLib(tlb_fixture("../extra/sltg_dispfuncs.tlb"), &lib), S_OK);
    if (!lib) return;
    ti = type_named(lib, "DSltgEvents");
    CHECK(ti != NULL);
    if (ti) {
        CHECK_HR(ITypeInfo_GetTypeAttr(ti, &ta), S_OK);
        if (ta) {
            CHECK_INT(ta->typekind, TKIND_DISPATCH);
            CHECK_INT(ta->cFuncs, 2);
            CHECK_INT(ta->cVars, 2);
            CHECK_INT(ta->cImplTypes, 1);
            ITypeInfo_ReleaseTypeAttr(ti, ta);
        }
        /* IDispatch is implied, as in an MSFT file */
        CHECK_HR(ITypeInfo_GetRefTypeOfImplType(ti, 0, &href), S_OK);
        CHECK_HR(ITypeInfo_GetRefTypeInfo(ti, href, &ref), S_OK);
        if (ref) {
            BSTR b = NULL;
            CHECK_HR(ITypeInfo_GetDocumentation(ref, MEMBERID_NIL, &b, NULL, NULL, NULL), S_OK);
            CHECK_WSTR(b, "IDispatch");
            SysFreeString(b);
            ITypeInfo_Release(ref);
        }
        CHECK_HR(ITypeInfo_GetFuncDesc(ti, 0, &fd), S_OK);
        if (fd) {
            CHECK_INT(fd->memid, 2);
            CHECK_INT(fd->funckind, FUNC_DISPATCH);
            CHECK_INT(fd->cParams, 2);
            CHECK_INT(fd->elemdescFunc.tdesc.vt, VT_VOID);
            CHECK_INT(fd->lprgelemdescParam[1].tdesc.vt, VT_PTR);
            CHECK_INT(fd->lprgelemdescParam[1].tdesc.lptdesc->vt, VT_VARIANT);
            ITypeInfo_ReleaseFuncDesc(ti, fd);
        }
        CHECK_HR(ITypeInfo_GetNames(ti, 2, names, 4, &n), S_OK);
        CHECK_INT(n, 3);
        CHECK_WSTR(names[0], "Fired");
        CHECK_WSTR(names[1], "code");
        CHECK_WSTR(names[2], "detail");
        for (UINT i = 0; i < n; i++) SysFreeString(names[i]);
        fd = NULL;
        CHECK_HR(ITypeInfo_GetFuncDesc(ti, 1, &fd), S_OK);
        if (fd) {
            CHECK_INT(fd->memid, 3);
            CHECK_INT(fd->elemdescFunc.tdesc.vt, VT_BSTR);
            ITypeInfo_ReleaseFuncDesc(ti, fd);
        }
        CHECK_HR(ITypeInfo_GetFuncDesc(ti, 2, &fd), TYPE_E_ELEMENTNOTFOUND);
        ITypeInfo_Release(ti);
    }
    CHECK_INT(ITypeLib_Release(lib), 0);
}

/* Hand-broken files: each refused (as oleaut32 refuses a broken SLTG
 * file) and none read outside its bytes. */
TEST(broken_structure)
{
    size_t size = 0, magic;
    unsigned char *data = tlb_fixture_bytes("sltg_basic.tlb", &size), *b;
    unsigned nblk;
    if (!data) { CHECK(data != NULL); return; }
    CHECK_HR(load_and_walk(data, size), S_OK);
    nblk = data[SLTG_HDR_NBLOCKS] | data[SLTG_HDR_NBLOCKS + 1] << 8;
    magic = SLTG_HDR_SIZE + (size_t)(nblk - 1) * SLTG_BLKENT_SIZE;
    b = malloc(size);

#define BROKEN(what, edit)                                                                  \
    do {                                                                                    \
        memcpy(b, data, size);                                                              \
        edit;                                                                               \
        CHECK_MSG(load_and_walk(b, size) == TYPE_E_CANTLOADLIBRARY, "%s: not refused", what); \
    } while (0)
    BROKEN("CompObj marker", b[magic + 1] = 'X');
    BROKEN("dir marker", b[magic + 9] = 'X');
    BROKEN("no blocks", (b[SLTG_HDR_NBLOCKS] = 0, b[SLTG_HDR_NBLOCKS + 1] = 0));
    BROKEN("one block", (b[SLTG_HDR_NBLOCKS] = 1, b[SLTG_HDR_NBLOCKS + 1] = 0));
    BROKEN("huge block count", (b[SLTG_HDR_NBLOCKS] = 0xFF, b[SLTG_HDR_NBLOCKS + 1] = 0xFF));
    BROKEN("first block 0", (b[SLTG_HDR_FIRST] = 0, b[SLTG_HDR_FIRST + 1] = 0));
    BROKEN("first block past the end", b[SLTG_HDR_FIRST] = (unsigned char)nblk);
    /* a chain that loops back to its start never ends */
    BROKEN("block chain loop", (b[SLTG_HDR_SIZE + 6] = 1, b[SLTG_HDR_SIZE + 7] = 0));
    BROKEN("block longer than the file", b[SLTG_HDR_SIZE + 3] = 0x7F);
    BROKEN("index string", b[magic + SLTG_MAGIC2_SIZE] = 'Z');
    BROKEN("type header magic", b[magic + SLTG_MAGIC2_SIZE + (nblk - 2) * SLTG_INDEX_SIZE + SLTG_PAD9] = 0);
#undef BROKEN
    free(b);
    free(data);
}

TEST(every_truncation)
{
    static const char *files[] = { "sltg_basic.tlb", "sltg_win64.tlb", "../extra/sltg_dispfuncs.tlb" };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        size_t size = 0;
        unsigned char *data = tlb_fixture_bytes(files[f], &size);
        CHECK(data != NULL);
        if (!data) continue;
        CHECK_HR(load_and_walk(data, size), S_OK);
        for (size_t cut = 0; cut < size; cut++) {
            unsigned char *copy = malloc(cut ? cut : 1); /* exact size, so ASan sees the end */
            memcpy(copy, data, cut);
            HRESULT hr = load_and_walk(copy, cut);
            CHECK_MSG(hr != E_UNEXPECTED, "%s cut at %zu leaked a reference", files[f], cut);
            CHECK_MSG(hr == TYPE_E_CANTLOADLIBRARY, "%s cut at %zu: 0x%08X", files[f], cut, (unsigned)hr);
            free(copy);
        }
        free(data);
    }
}

TEST(word_and_byte_mutations)
{
    static const char *files[] = { "sltg_basic.tlb", "../extra/sltg_dispfuncs.tlb" };
    static const uint16_t words[] = { 0x0000, 0xFFFF, 0xFFFE, 0x7FFF, 0x8000, 0x0E1D, 0x001C, 0x001B };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        size_t size = 0;
        unsigned char *data = tlb_fixture_bytes(files[f], &size), *copy;
        uint32_t seed = 4242;
        unsigned loaded = 0;
        if (!data) { CHECK(data != NULL); continue; }
        copy = malloc(size);
        /* every 16-bit word set to each hostile value */
        for (size_t at = 0; at + 1 < size; at++) {
            for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
                memcpy(copy, data, size);
                copy[at] = (unsigned char)words[w];
                copy[at + 1] = (unsigned char)(words[w] >> 8);
                HRESULT hr = load_and_walk(copy, size);
                CHECK_MSG(hr != E_UNEXPECTED, "%s word %zu = %04X leaked a reference", files[f], at, words[w]);
                if (hr == S_OK) loaded++;
            }
        }
        /* random bytes */
        for (int iter = 0; iter < 4000; iter++) {
            memcpy(copy, data, size);
            for (int k = 0; k < 1 + iter % 6; k++) {
                seed = seed * 1103515245u + 12345u;
                copy[(seed >> 8) % size] = (unsigned char)(seed >> 20);
            }
            HRESULT hr = load_and_walk(copy, size);
            CHECK_MSG(hr != E_UNEXPECTED, "%s mutation %d leaked a reference", files[f], iter);
        }
        CHECK(loaded > 1000); /* many changes still load: the walk saw real data */
        free(copy);
        free(data);
    }
}

int main(void)
{
    RUN(library_facts);
    RUN(interface_facts);
    RUN(dispinterface_methods);
    RUN(broken_structure);
    RUN(every_truncation);
    RUN(word_and_byte_mutations);
    return comrt_test_summary();
}
