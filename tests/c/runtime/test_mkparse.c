/*
 * test_mkparse.c — MkParseDisplayName, CoGetObject and BindMoniker:
 * "clsid:" forms, "new:ProgID", "ProgID:rest" through a class object's
 * IParseDisplayName (registered with CoRegisterClassObject, as a provider
 * such as "winmgmts:" is), file paths with "!item" parts (textual when the
 * file is not running, through the running object's IParseDisplayName when
 * it is), bad syntax and the characters eaten.  The cases Wine answers too
 * are in tests/golden/moniker.txt.
 */
#include "mk_test_util.h"
#include "reg_test_util.h"

static const GUID CLS_P = {0x6d6b7061, 0x7273, 0x0001, {1, 2, 3, 4, 5, 6, 7, 8}};
#define CLS_P_STR "6D6B7061-7273-0001-0102-030405060708"

static void set_default(const char *path, const char *value)
{
    HKEY k = NULL;
    CHECK_INT(RegCreateKeyExW(HKEY_CLASSES_ROOT, W(path), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL), 0);
    RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)W(value), (DWORD)(strlen(value) + 1) * 2);
    RegCloseKey(k);
}

/* Parses name; checks hr, chEaten and (on success) the display name and
 * IsSystemMoniker kind of the result. */
static void check_parse(const char *name, HRESULT hr, ULONG eaten, const char *display, DWORD mksys)
{
    IBindCtx *bc = NULL;
    IMoniker *mk = (IMoniker *)1;
    ULONG got = 9999;
    HRESULT r;
    CreateBindCtx(0, &bc);
    r = MkParseDisplayName(bc, W(name), &got, &mk);
    CHECK_MSG(r == hr, "MkParseDisplayName(%s) = %08x, expected %08x", name, (unsigned)r, (unsigned)hr);
    CHECK_MSG(got == eaten, "MkParseDisplayName(%s) ate %u, expected %u", name, got, eaten);
    if (SUCCEEDED(r) && mk && mk != (IMoniker *)1) {
        CHECK_MSG(strcmp(mk_name(mk), display) == 0, "MkParseDisplayName(%s) -> %s", name, mk_name(mk));
        CHECK_MSG(mk_sys(mk) == mksys, "MkParseDisplayName(%s): kind %u", name, mk_sys(mk));
        IMoniker_Release(mk);
    } else {
        CHECK_MSG(mk == NULL, "MkParseDisplayName(%s): moniker left set", name);
    }
    IBindCtx_Release(bc);
}

static char tmpfile_path[128];

TEST(class_monikers)
{
    const char *canon = "clsid:" CLS_P_STR ":";
    check_parse("clsid:" CLS_P_STR, S_OK, 42, canon, MKSYS_CLASSMONIKER);
    check_parse("clsid:" CLS_P_STR ":", S_OK, 43, canon, MKSYS_CLASSMONIKER);
    check_parse("clsid:{" CLS_P_STR "}", S_OK, 44, canon, MKSYS_CLASSMONIKER);
    check_parse("CLSID:{" CLS_P_STR "}:", S_OK, 45, canon, MKSYS_CLASSMONIKER);
    check_parse("clsid:1234", MK_E_SYNTAX, 0, NULL, 0);
    check_parse("clsid:", MK_E_SYNTAX, 0, NULL, 0);
    check_parse("clsid:{" CLS_P_STR, MK_E_SYNTAX, 0, NULL, 0);
    /* The rest goes to the class object's IParseDisplayName: unregistered. */
    check_parse("clsid:" CLS_P_STR ":rest", REGDB_E_CLASSNOTREG, 43, NULL, 0);
}

TEST(bad_input)
{
    IBindCtx *bc = NULL;
    IMoniker *mk = NULL;
    ULONG eaten = 77;
    CreateBindCtx(0, &bc);
    CHECK_HR(MkParseDisplayName(bc, W(""), &eaten, &mk), E_INVALIDARG);
    CHECK_INT(eaten, 77);
    CHECK_HR(MkParseDisplayName(NULL, W("clsid:" CLS_P_STR), &eaten, &mk), E_INVALIDARG);
    CHECK_HR(MkParseDisplayName(bc, NULL, &eaten, &mk), E_INVALIDARG);
    CHECK_HR(MkParseDisplayName(bc, W("x"), NULL, &mk), E_INVALIDARG);
    IBindCtx_Release(bc);
    check_parse("Unknown.ProgID:rest", MK_E_SYNTAX, 0, NULL, 0);
    check_parse("no-such-file", MK_E_CANTOPENFILE, 0, NULL, 0);
    check_parse("/nonexistent/comrt/file!item", MK_E_CANTOPENFILE, 0, NULL, 0);
    check_parse("new:Unknown.ProgID", MK_E_SYNTAX, 0, NULL, 0);
    check_parse("new:", MK_E_SYNTAX, 0, NULL, 0);
}

TEST(files_and_items)
{
    char buf[256];
    size_t n = strlen(tmpfile_path);
    check_parse(tmpfile_path, S_OK, (ULONG)n, tmpfile_path, MKSYS_FILEMONIKER);
    snprintf(buf, sizeof buf, "%s!item", tmpfile_path);
    check_parse(buf, S_OK, (ULONG)n + 5, buf, MKSYS_GENERICCOMPOSITE);
    snprintf(buf, sizeof buf, "%s!a!b", tmpfile_path);
    check_parse(buf, S_OK, (ULONG)n + 4, buf, MKSYS_GENERICCOMPOSITE);
    snprintf(buf, sizeof buf, "%s!", tmpfile_path);
    check_parse(buf, S_OK, (ULONG)n + 1, buf, MKSYS_GENERICCOMPOSITE);
    check_parse("/tmp", S_OK, 4, "/tmp", MKSYS_FILEMONIKER);
    /* A running object's file moniker parses even when no such file exists;
     * what follows it is parsed by the object (IParseDisplayName). */
    {
        IRunningObjectTable *rot = NULL;
        IMoniker *mk = NULL;
        tobj *t = tobj_create(u"doc");
        DWORD c = 0;
        GetRunningObjectTable(0, &rot);
        CreateFileMoniker(u"/virtual/doc", &mk);
        IRunningObjectTable_Register(rot, 0, &t->IUnknown_iface, mk, &c);
        check_parse("/virtual/doc", S_OK, 12, "/virtual/doc", MKSYS_FILEMONIKER);
        check_parse("/virtual/doc!x!y", S_OK, 16, "/virtual/doc!x!y", MKSYS_GENERICCOMPOSITE);
        /* Bound: the composite through the file's IOleItemContainer. */
        {
            IUnknown *obj = NULL;
            CHECK_HR(CoGetObject(W("/virtual/doc!part"), NULL, &IID_IUnknown, (void **)&obj), S_OK);
            if (obj) {
                CHECK_MSG(strcmp(tobj_name_of(obj), "part") == 0, "bound %s", tobj_name_of(obj));
                IUnknown_Release(obj);
            }
        }
        IRunningObjectTable_Revoke(rot, c);
        IMoniker_Release(mk);
        IRunningObjectTable_Release(rot);
        CHECK_INT(tobj_release(t), 0);
    }
}

TEST(providers_and_new)
{
    tcf cf;
    DWORD cookie = 0;
    IUnknown *obj = NULL;
    IClassFactory *got_cf = NULL;

    tcf_init(&cf);
    set_default("comrttest.Provider\\CLSID", "{" CLS_P_STR "}");
    /* Registered ProgID, but no class object yet. */
    check_parse("comrttest.Provider:abc", REGDB_E_CLASSNOTREG, 0, NULL, 0);
    CHECK_HR(CoRegisterClassObject(&CLS_P, (IUnknown *)&cf.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                                   REGCLS_MULTIPLEUSE, &cookie),
             S_OK);
    check_parse("comrttest.Provider:abc", S_OK, 22, "abc", MKSYS_ITEMMONIKER);
    check_parse("COMRTTEST.PROVIDER:x", S_OK, 20, "x", MKSYS_ITEMMONIKER);
    check_parse("new:comrttest.Provider", S_OK, 22, "new:{" CLS_P_STR "}", MKSYS_NONE);
    check_parse("new:{" CLS_P_STR "}", S_OK, 42, "new:{" CLS_P_STR "}", MKSYS_NONE);
    /* After a class moniker, the class object parses the rest. */
    check_parse("clsid:" CLS_P_STR ":p:q", S_OK, 46, "clsid:" CLS_P_STR ":q", MKSYS_GENERICCOMPOSITE);

    /* CoGetObject: class object for clsid:, a new instance for new:. */
    CHECK_HR(CoGetObject(W("clsid:" CLS_P_STR), NULL, &IID_IClassFactory, (void **)&got_cf), S_OK);
    CHECK(got_cf == &cf.IClassFactory_iface);
    if (got_cf) IClassFactory_Release(got_cf);
    CHECK_HR(CoGetObject(W("new:comrttest.Provider"), NULL, &IID_IUnknown, (void **)&obj), S_OK);
    CHECK_INT(cf.created, 1);
    if (obj) CHECK_INT(IUnknown_Release(obj), 0);
    obj = (IUnknown *)1;
    CHECK_HR(CoGetObject(W("garbage:x"), NULL, &IID_IUnknown, (void **)&obj), MK_E_SYNTAX);
    CHECK(obj == NULL);
    {
        BIND_OPTS bo = {sizeof(BIND_OPTS), 0, STGM_READ, 0};
        CHECK_HR(CoGetObject(W("new:comrttest.Provider"), &bo, &IID_IUnknown, (void **)&obj), S_OK);
        if (obj) IUnknown_Release(obj);
        bo.cbStruct = 2;
        CHECK_HR(CoGetObject(W("new:comrttest.Provider"), &bo, &IID_IUnknown, (void **)&obj), E_INVALIDARG);
    }
    CHECK_HR(CoGetObject(W("new:comrttest.Provider"), NULL, &IID_IUnknown, NULL), E_POINTER);
    CHECK_HR(CoRevokeClassObject(cookie), S_OK);
    CHECK_INT(cf.ref, 1);
}

int main(void)
{
    FILE *fp;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    reg_test_fresh();
    snprintf(tmpfile_path, sizeof tmpfile_path, "/tmp/comrt-mkparse-%d.txt", (int)getpid());
    fp = fopen(tmpfile_path, "w");
    if (fp) fclose(fp);
    RUN(class_monikers);
    RUN(bad_input);
    RUN(files_and_items);
    RUN(providers_and_new);
    unlink(tmpfile_path);
    CoUninitialize();
    reg_test_cleanup();
    return comrt_test_summary();
}
