/*
 * test_moniker.c — the system monikers and bind contexts: display names,
 * IsSystemMoniker, comparison, composition (file paths join, generic
 * composites stay flat), prefixes and relative paths, IPersistStream round
 * trips in ole32's stream format (against a small in-memory IStream), and
 * binding (class moniker -> class object, item moniker through the left
 * object's IOleItemContainer, file moniker through the registry's .ext
 * mapping and IPersistFile, composites through the ROT).  The cases Wine
 * answers too are in tests/golden/moniker.txt.
 */
#include "mk_test_util.h"
#include "reg_test_util.h"

static const GUID CLS_T = {0x6d6b7465, 0x7374, 0x0001, {1, 2, 3, 4, 5, 6, 7, 8}};

TEST(display_names)
{
    IMoniker *c = NULL, *i = NULL, *f = NULL, *comp = NULL;
    CLSID got;
    CHECK_HR(CreateClassMoniker(&CLS_T, &c), S_OK);
    CHECK_MKNAME(c, "clsid:6D6B7465-7374-0001-0102-030405060708:");
    CHECK_INT(mk_sys(c), MKSYS_CLASSMONIKER);
    CHECK_HR(IMoniker_GetClassID(c, &got), S_OK);
    CHECK(IsEqualGUID(&got, &comrt__clsid_class_moniker));
    CHECK_HR(CreateItemMoniker(u"!", u"Sheet1", &i), S_OK);
    CHECK_MKNAME(i, "!Sheet1");
    CHECK_INT(mk_sys(i), MKSYS_ITEMMONIKER);
    CHECK_HR(CreateFileMoniker(u"/tmp/doc.txt", &f), S_OK);
    CHECK_MKNAME(f, "/tmp/doc.txt");
    CHECK_INT(mk_sys(f), MKSYS_FILEMONIKER);
    CHECK_HR(CreateGenericComposite(f, i, &comp), S_OK);
    CHECK_MKNAME(comp, "/tmp/doc.txt!Sheet1");
    CHECK_INT(mk_sys(comp), MKSYS_GENERICCOMPOSITE);
    CHECK_INT(IMoniker_Release(comp), 0);
    CHECK_INT(IMoniker_Release(f), 0);
    CHECK_INT(IMoniker_Release(i), 0);
    CHECK_INT(IMoniker_Release(c), 0);
    CHECK_HR(CreateFileMoniker(NULL, &f), E_INVALIDARG);
    CHECK_HR(CreateClassMoniker(&CLS_T, NULL), E_INVALIDARG);
}

TEST(equality_and_hash)
{
    IMoniker *a, *b, *c, *f;
    DWORD ha = 1, hb = 2;
    CreateItemMoniker(u"!", u"Item", &a);
    CreateItemMoniker(u"!", u"ITEM", &b);
    CreateItemMoniker(u"!", u"Other", &c);
    CreateFileMoniker(u"Item", &f);
    CHECK_HR(IMoniker_IsEqual(a, b), S_OK); /* item names ignore case */
    CHECK_HR(IMoniker_IsEqual(a, c), S_FALSE);
    CHECK_HR(IMoniker_IsEqual(a, f), S_FALSE); /* other kind */
    CHECK_HR(IMoniker_Hash(a, &ha), S_OK);
    CHECK_HR(IMoniker_Hash(b, &hb), S_OK);
    CHECK_INT(ha, hb);
    CHECK_HR(IMoniker_IsEqual(a, NULL), E_INVALIDARG);
    IMoniker_Release(a);
    IMoniker_Release(b);
    IMoniker_Release(c);
    IMoniker_Release(f);
}

TEST(file_composition)
{
    static const struct {
        const char *left, *right, *want;
        HRESULT hr;
    } cases[] = {
        {"/a/b", "c", "/a/b/c", S_OK},
        {"/a/b", "../c", "/a/c", S_OK},
        {"/a/b", "../../../c", "/c", S_OK},
        {"a", "b", "a/b", S_OK},
        {"a", "../../b", "../b", S_OK},
        {"/a/b", "/c", NULL, MK_E_SYNTAX},
    };
    size_t k;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        IMoniker *l, *r, *out = (IMoniker *)1;
        WCHAR wl[64], wr[64];
        comrt__ascii_to_utf16(cases[k].left, wl, 64);
        comrt__ascii_to_utf16(cases[k].right, wr, 64);
        CreateFileMoniker(wl, &l);
        CreateFileMoniker(wr, &r);
        CHECK_MSG(IMoniker_ComposeWith(l, r, TRUE, &out) == cases[k].hr, "%s + %s", cases[k].left, cases[k].right);
        if (cases[k].want) {
            CHECK_MSG(out && strcmp(mk_name(out), cases[k].want) == 0, "%s + %s = %s", cases[k].left,
                      cases[k].right, mk_name(out));
            CHECK_INT(mk_sys(out), MKSYS_FILEMONIKER);
        } else {
            CHECK(out == NULL);
        }
        if (out) IMoniker_Release(out);
        IMoniker_Release(l);
        IMoniker_Release(r);
    }
}

TEST(generic_composites)
{
    IMoniker *f, *i1, *i2, *c1 = NULL, *c2 = NULL, *c3 = NULL, *got = NULL, *parts[4];
    IEnumMoniker *en = NULL;
    ULONG n = 0;
    CreateFileMoniker(u"/x", &f);
    CreateItemMoniker(u"!", u"a", &i1);
    CreateItemMoniker(u"!", u"b", &i2);
    CHECK_HR(IMoniker_ComposeWith(i1, i2, TRUE, &c1), MK_E_NEEDGENERIC);
    CHECK(c1 == NULL);
    CHECK_HR(IMoniker_ComposeWith(f, i1, FALSE, &c1), S_OK);
    CHECK_HR(CreateGenericComposite(c1, i2, &c2), S_OK);
    CHECK_MKNAME(c2, "/x!a!b");
    /* Flat: three parts, not a composite inside a composite. */
    CHECK_HR(IMoniker_Enum(c2, TRUE, &en), S_OK);
    CHECK_HR(IEnumMoniker_Next(en, 4, parts, &n), S_FALSE);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_MKNAME(parts[0], "/x");
        CHECK_MKNAME(parts[2], "!b");
        for (; n > 0; n--) IMoniker_Release(parts[n - 1]);
    }
    IEnumMoniker_Release(en);
    CHECK_HR(IMoniker_Enum(c2, FALSE, &en), S_OK);
    CHECK_HR(IEnumMoniker_Next(en, 1, parts, NULL), S_OK);
    CHECK_MKNAME(parts[0], "!b");
    IMoniker_Release(parts[0]);
    IEnumMoniker_Release(en);
    CHECK_HR(IMoniker_Enum(f, TRUE, &en), S_OK);
    CHECK(en == NULL);
    /* NULL halves. */
    CHECK_HR(CreateGenericComposite(NULL, f, &got), S_OK);
    CHECK(got == f);
    IMoniker_Release(got);
    CHECK_HR(CreateGenericComposite(NULL, NULL, &got), E_INVALIDARG);
    /* File + file at the junction joins the paths. */
    {
        IMoniker *g;
        CreateFileMoniker(u"y", &g);
        CHECK_HR(CreateGenericComposite(f, g, &c3), S_OK);
        CHECK_MKNAME(c3, "/x/y");
        CHECK_INT(mk_sys(c3), MKSYS_FILEMONIKER);
        IMoniker_Release(g);
    }
    /* Equality of composites. */
    {
        IMoniker *again = NULL;
        CreateGenericComposite(c1, i2, &again);
        CHECK_HR(IMoniker_IsEqual(c2, again), S_OK);
        CHECK_HR(IMoniker_IsEqual(c2, c1), S_FALSE);
        IMoniker_Release(again);
    }
    /* Common prefixes. */
    CHECK_HR(IMoniker_CommonPrefixWith(c2, c1, &got), MK_S_HIM);
    CHECK(got == c1);
    IMoniker_Release(got);
    CHECK_HR(IMoniker_CommonPrefixWith(c1, c2, &got), MK_S_ME);
    IMoniker_Release(got);
    CHECK_HR(IMoniker_CommonPrefixWith(i1, i2, &got), MK_E_NOPREFIX);
    CHECK(got == NULL);
    CHECK_HR(IMoniker_CommonPrefixWith(i1, i1, &got), MK_S_US);
    IMoniker_Release(got);
    CHECK_INT(IMoniker_Release(c3), 0);
    CHECK_INT(IMoniker_Release(c2), 0);
    CHECK_INT(IMoniker_Release(c1), 0);
    CHECK_INT(IMoniker_Release(i2), 0);
    CHECK_INT(IMoniker_Release(i1), 0);
    CHECK_INT(IMoniker_Release(f), 0);
}

TEST(file_prefix_and_relative)
{
    IMoniker *a, *b, *c, *out = NULL;
    CreateFileMoniker(u"/d/e/f.txt", &a);
    CreateFileMoniker(u"/d/g/h.txt", &b);
    CreateFileMoniker(u"/d/e", &c);
    CHECK_HR(IMoniker_CommonPrefixWith(a, b, &out), S_OK);
    CHECK_MKNAME(out, "/d");
    IMoniker_Release(out);
    CHECK_HR(IMoniker_CommonPrefixWith(c, a, &out), MK_S_ME);
    IMoniker_Release(out);
    CHECK_HR(IMoniker_CommonPrefixWith(a, c, &out), MK_S_HIM);
    IMoniker_Release(out);
    CHECK_HR(IMoniker_RelativePathTo(a, b, &out), S_OK);
    CHECK_MKNAME(out, "../../g/h.txt");
    IMoniker_Release(out);
    {
        IMoniker *item, *cls;
        CreateItemMoniker(u"!", u"x", &item);
        CreateClassMoniker(&CLS_T, &cls);
        CHECK_HR(IMoniker_RelativePathTo(item, cls, &out), MK_E_NOTBINDABLE);
        CHECK(out == NULL);
        CHECK_HR(IMoniker_Inverse(item, &out), MK_E_NOINVERSE);
        IMoniker_Release(item);
        IMoniker_Release(cls);
    }
    IMoniker_Release(a);
    IMoniker_Release(b);
    IMoniker_Release(c);
}

/* Saves mk, checks the bytes when want is given, loads them into a fresh
 * moniker of the same class and checks it is equal. */
static void round_trip(IMoniker *mk, const BYTE *want, ULONG want_len, const char *what)
{
    memstream *ms = memstream_create();
    IMoniker *back = NULL;
    CLSID clsid;
    ULARGE_INTEGER max;
    HRESULT hr;

    CHECK_MSG(IMoniker_Save(mk, &ms->IStream_iface, TRUE) == S_OK, "%s: Save", what);
    CHECK_HR(IMoniker_GetSizeMax(mk, &max), S_OK);
    CHECK_MSG(max.QuadPart >= ms->size, "%s: GetSizeMax %u < %u", what, (unsigned)max.QuadPart, ms->size);
    if (want) {
        CHECK_MSG(ms->size == want_len && memcmp(ms->data, want, want_len) == 0, "%s: saved bytes differ (%u bytes)",
                  what, ms->size);
    }
    IMoniker_GetClassID(mk, &clsid);
    /* A fresh moniker of the same kind, to load into. */
    if (IsEqualGUID(&clsid, &comrt__clsid_item_moniker)) CreateItemMoniker(u"", u"", &back);
    else if (IsEqualGUID(&clsid, &comrt__clsid_file_moniker)) CreateFileMoniker(u"", &back);
    else if (IsEqualGUID(&clsid, &comrt__clsid_class_moniker)) {
        static const GUID zero;
        CreateClassMoniker(&zero, &back);
    }
    else {
        IMoniker *x, *y;
        CreateItemMoniker(u"", u"", &x);
        CreateItemMoniker(u"", u"", &y);
        CreateGenericComposite(x, y, &back);
        IMoniker_Release(x);
        IMoniker_Release(y);
    }
    memstream_rewind(ms);
    hr = IMoniker_Load(back, &ms->IStream_iface);
    CHECK_MSG(hr == S_OK, "%s: Load %08x", what, (unsigned)hr);
    CHECK_MSG(ms->pos == ms->size, "%s: Load read %u of %u bytes", what, ms->pos, ms->size);
    CHECK_MSG(IMoniker_IsEqual(back, mk) == S_OK, "%s: loaded %s", what, mk_name(back));
    CHECK_MSG(strcmp(mk_name(back), mk_name(mk)) == 0, "%s: loaded %s", what, mk_name(back));
    IMoniker_Release(back);
    IStream_Release(&ms->IStream_iface);
}

TEST(persist_stream)
{
    static const BYTE item_bytes[] = {2, 0, 0, 0, '!', 0, 3, 0, 0, 0, 'a', 'b', 0};
    static const BYTE class_bytes[] = {0x65, 0x74, 0x6b, 0x6d, 0x74, 0x73, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0};
    static const BYTE file_bytes[] = {0,    0,    6,    0, 0, 0, 'x', '.', 't', 'x', 't', 0, 0xFF, 0xFF, 0xAD, 0xDE,
                                      0,    0,    0,    0, 0, 0, 0,   0,   0,   0,   0,   0, 0,    0,    0,    0,
                                      0,    0,    0,    0, 0, 0, 0,   0};
    IMoniker *i, *c, *f, *f2, *u, *comp, *up;
    memstream *bad;
    CreateItemMoniker(u"!", u"ab", &i);
    CreateClassMoniker(&CLS_T, &c);
    CreateFileMoniker(u"x.txt", &f);
    CreateFileMoniker(u"/home/u/d\u00e9j\u00e0.txt", &f2);
    CreateItemMoniker(u"!", u"\u00fcber", &u);
    CreateFileMoniker(u"../../up/x", &up);
    round_trip(i, item_bytes, sizeof item_bytes, "item");
    round_trip(c, class_bytes, sizeof class_bytes, "class");
    round_trip(f, file_bytes, sizeof file_bytes, "file");
    round_trip(f2, NULL, 0, "file non-ASCII");
    round_trip(u, NULL, 0, "item non-ASCII");
    round_trip(up, NULL, 0, "file ..");
    CreateGenericComposite(f2, i, &comp);
    round_trip(comp, NULL, 0, "composite");
    /* A truncated stream fails and leaves the moniker as it was. */
    bad = memstream_create();
    IStream_Write(&bad->IStream_iface, item_bytes, 7, NULL);
    memstream_rewind(bad);
    CHECK(FAILED(IMoniker_Load(i, &bad->IStream_iface)));
    CHECK_MKNAME(i, "!ab");
    IStream_Release(&bad->IStream_iface);
    /* A composite stream naming a composite part, or one part, is refused. */
    bad = memstream_create();
    {
        ULONG one = 1;
        IStream_Write(&bad->IStream_iface, &one, 4, NULL);
        memstream_rewind(bad);
        CHECK(FAILED(IMoniker_Load(comp, &bad->IStream_iface)));
    }
    IStream_Release(&bad->IStream_iface);
    CHECK_INT(IMoniker_Release(comp), 0);
    IMoniker_Release(i);
    IMoniker_Release(c);
    IMoniker_Release(f);
    IMoniker_Release(f2);
    IMoniker_Release(u);
    IMoniker_Release(up);
}

/* Stream contents are untrusted: the saved forms of each kind, with bytes
 * changed at random or cut short, never crash Load (ASan/UBSan watch), never
 * make it allocate without bound, and what loads has a display name. */
TEST(load_garbage)
{
    unsigned seed = 12345;
    int round, loaded = 0, failed = 0;
    IMoniker *targets[4];
    memstream *saved[4];
    {
        IMoniker *x, *y, *f;
        static const GUID g = {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}};
        CreateItemMoniker(u"!", u"\u00e9t\u00e9", &targets[0]);
        CreateFileMoniker(u"../d\u00e9j\u00e0/f", &targets[1]);
        CreateClassMoniker(&g, &targets[2]);
        CreateFileMoniker(u"/a/b", &f);
        CreateItemMoniker(u"!", u"x", &x);
        CreateItemMoniker(u"!", u"y", &y);
        CreateGenericComposite(f, x, &targets[3]);
        IMoniker_Release(f);
        f = targets[3];
        CreateGenericComposite(f, y, &targets[3]);
        IMoniker_Release(f);
        IMoniker_Release(x);
        IMoniker_Release(y);
    }
    for (round = 0; round < 4; round++) {
        saved[round] = memstream_create();
        CHECK_HR(IMoniker_Save(targets[round], &saved[round]->IStream_iface, FALSE), S_OK);
    }
    for (round = 0; round < 8000; round++) {
        memstream *src = saved[round % 4], *ms = memstream_create();
        BYTE *buf = malloc(src->size + 1);
        ULONG len = src->size, i, changes;
        memcpy(buf, src->data, src->size);
        seed = seed * 1103515245u + 12345u;
        if ((seed >> 16) % 4 == 0) {
            len = (seed >> 8) % (src->size + 1); /* cut short */
        } else {
            seed = seed * 1103515245u + 12345u;
            changes = 1 + (seed >> 16) % 3;
            for (i = 0; i < changes; i++) {
                seed = seed * 1103515245u + 12345u;
                buf[(seed >> 8) % src->size] = (BYTE)(seed >> 24);
            }
        }
        IStream_Write(&ms->IStream_iface, buf, len, NULL);
        memstream_rewind(ms);
        if (SUCCEEDED(IMoniker_Load(targets[round % 4], &ms->IStream_iface))) {
            loaded++;
            CHECK(strcmp(mk_name(targets[round % 4]), "(error)") != 0);
        } else {
            failed++;
        }
        IStream_Release(&ms->IStream_iface);
        free(buf);
    }
    CHECK_MSG(loaded > 100 && failed > 100, "loaded %d, failed %d", loaded, failed);
    for (round = 0; round < 4; round++) {
        CHECK_INT(IMoniker_Release(targets[round]), 0);
        IStream_Release(&saved[round]->IStream_iface);
    }
}

TEST(bind_context)
{
    IBindCtx *bc = NULL;
    BIND_OPTS2 o;
    BIND_OPTS small;
    tobj *t = tobj_create(u"t");
    IUnknown *got = NULL;
    IEnumString *es = NULL;
    LPOLESTR names[3] = {NULL, NULL, NULL};
    ULONG n = 0;
    IRunningObjectTable *rot = NULL, *rot2 = NULL;

    CHECK_HR(CreateBindCtx(1, &bc), E_INVALIDARG);
    CHECK_HR(CreateBindCtx(0, NULL), E_INVALIDARG);
    CHECK_HR(CreateBindCtx(0, &bc), S_OK);
    memset(&o, 0xCC, sizeof o);
    o.cbStruct = sizeof o;
    CHECK_HR(IBindCtx_GetBindOptions(bc, (BIND_OPTS *)&o), S_OK);
    CHECK_INT(o.cbStruct, sizeof(BIND_OPTS2));
    CHECK_INT(o.grfFlags, 0);
    CHECK_INT(o.grfMode, STGM_READWRITE);
    CHECK_INT(o.dwTickCountDeadline, 0);
    CHECK_INT(o.dwClassContext, CLSCTX_SERVER);
    CHECK_INT(o.locale, 0x409);
    CHECK(o.pServerInfo == NULL);
    small.cbStruct = sizeof small;
    small.grfFlags = BIND_MAYBOTHERUSER;
    small.grfMode = STGM_READ;
    small.dwTickCountDeadline = 5;
    CHECK_HR(IBindCtx_SetBindOptions(bc, &small), S_OK);
    o.cbStruct = sizeof o;
    CHECK_HR(IBindCtx_GetBindOptions(bc, (BIND_OPTS *)&o), S_OK);
    CHECK_INT(o.grfFlags, BIND_MAYBOTHERUSER);
    CHECK_INT(o.grfMode, STGM_READ);
    CHECK_INT(o.dwClassContext, CLSCTX_SERVER); /* untouched by a BIND_OPTS */
    small.cbStruct = 4;
    CHECK_HR(IBindCtx_SetBindOptions(bc, &small), E_INVALIDARG);

    /* Bound objects are held until released. */
    CHECK_HR(IBindCtx_RegisterObjectBound(bc, &t->IUnknown_iface), S_OK);
    CHECK_INT(t->ref, 2);
    CHECK_HR(IBindCtx_RevokeObjectBound(bc, &t->IUnknown_iface), S_OK);
    CHECK_INT(t->ref, 1);
    CHECK_HR(IBindCtx_RevokeObjectBound(bc, &t->IUnknown_iface), MK_E_NOTBOUND);
    IBindCtx_RegisterObjectBound(bc, &t->IUnknown_iface);
    IBindCtx_RegisterObjectBound(bc, &t->IUnknown_iface);
    CHECK_INT(t->ref, 3);
    CHECK_HR(IBindCtx_ReleaseBoundObjects(bc), S_OK);
    CHECK_INT(t->ref, 1);

    /* Object parameters. */
    CHECK_HR(IBindCtx_RegisterObjectParam(bc, (LPOLESTR)u"one", &t->IUnknown_iface), S_OK);
    CHECK_HR(IBindCtx_RegisterObjectParam(bc, (LPOLESTR)u"two", &t->IUnknown_iface), S_OK);
    CHECK_HR(IBindCtx_RegisterObjectParam(bc, (LPOLESTR)u"one", &t->IUnknown_iface), S_OK); /* replaces */
    CHECK_INT(t->ref, 3);
    CHECK_HR(IBindCtx_GetObjectParam(bc, (LPOLESTR)u"two", &got), S_OK);
    CHECK(got == &t->IUnknown_iface);
    IUnknown_Release(got);
    CHECK_HR(IBindCtx_GetObjectParam(bc, (LPOLESTR)u"TWO", &got), E_FAIL);
    CHECK(got == NULL);
    CHECK_HR(IBindCtx_EnumObjectParam(bc, &es), S_OK);
    CHECK_HR(IEnumString_Next(es, 3, names, &n), S_FALSE);
    CHECK_INT(n, 2);
    CHECK_WSTR(names[0], "one");
    CHECK_WSTR(names[1], "two");
    CoTaskMemFree(names[0]);
    CoTaskMemFree(names[1]);
    CHECK_INT(IEnumString_Release(es), 0);
    CHECK_HR(IBindCtx_RevokeObjectParam(bc, (LPOLESTR)u"one"), S_OK);
    CHECK_HR(IBindCtx_RevokeObjectParam(bc, (LPOLESTR)u"one"), E_FAIL);
    CHECK_INT(t->ref, 2);

    CHECK_HR(IBindCtx_GetRunningObjectTable(bc, &rot), S_OK);
    CHECK_HR(GetRunningObjectTable(0, &rot2), S_OK);
    CHECK(rot == rot2);
    IRunningObjectTable_Release(rot);
    IRunningObjectTable_Release(rot2);

    IBindCtx_RegisterObjectBound(bc, &t->IUnknown_iface);
    CHECK_INT(IBindCtx_Release(bc), 0); /* releases params and bound objects */
    CHECK_INT(tobj_release(t), 0);
}

static void set_default(const char *path, const char *value)
{
    HKEY k = NULL;
    CHECK_INT(RegCreateKeyExW(HKEY_CLASSES_ROOT, W(path), 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, NULL), 0);
    RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)W(value), (DWORD)(strlen(value) + 1) * 2);
    RegCloseKey(k);
}

TEST(binding)
{
    tcf cf;
    DWORD cookie = 0;
    IMoniker *cls = NULL, *item = NULL, *file = NULL, *fitem = NULL;
    IUnknown *obj = NULL;
    IClassFactory *got_cf = NULL;
    IBindCtx *bc = NULL;
    char path[128];
    WCHAR wpath[128];
    FILE *fp;

    reg_test_fresh();
    tcf_init(&cf);
    CHECK_HR(CoRegisterClassObject(&CLS_T, (IUnknown *)&cf.IClassFactory_iface, CLSCTX_INPROC_SERVER,
                                   REGCLS_MULTIPLEUSE, &cookie),
             S_OK);
    CreateBindCtx(0, &bc);

    /* Class moniker: the class object. */
    CreateClassMoniker(&CLS_T, &cls);
    CHECK_HR(IMoniker_BindToObject(cls, bc, NULL, &IID_IClassFactory, (void **)&got_cf), S_OK);
    CHECK(got_cf == &cf.IClassFactory_iface);
    if (got_cf) IClassFactory_Release(got_cf);
    CHECK_HR(BindMoniker(cls, 0, &IID_IClassFactory, (void **)&got_cf), S_OK);
    if (got_cf) IClassFactory_Release(got_cf);
    CHECK_HR(BindMoniker(cls, 1, &IID_IClassFactory, (void **)&got_cf), E_INVALIDARG);

    /* Item with no left moniker: E_INVALIDARG; with a class moniker to its
     * left whose class object is no container: E_NOINTERFACE. */
    CreateItemMoniker(u"!", u"part", &item);
    CHECK_HR(IMoniker_BindToObject(item, bc, NULL, &IID_IUnknown, (void **)&obj), E_INVALIDARG);
    CHECK(obj == NULL);
    CHECK_HR(IMoniker_BindToObject(item, bc, cls, &IID_IUnknown, (void **)&obj), E_NOINTERFACE);

    /* File moniker: .mktest -> comrttest.Doc -> CLS_T, IPersistFile::Load. */
    snprintf(path, sizeof path, "/tmp/comrt-mktest-%d.mktest", (int)getpid());
    fp = fopen(path, "w");
    if (fp) fclose(fp);
    comrt__ascii_to_utf16(path, wpath, 128);
    CreateFileMoniker(wpath, &file);
    CHECK_HR(IMoniker_BindToObject(file, bc, NULL, &IID_IUnknown, (void **)&obj), MK_E_INVALIDEXTENSION);
    set_default(".mktest", "comrttest.Doc");
    set_default("comrttest.Doc\\CLSID", "{6D6B7465-7374-0001-0102-030405060708}");
    CHECK_HR(IMoniker_BindToObject(file, bc, NULL, &IID_IUnknown, (void **)&obj), S_OK);
    if (obj) {
        CHECK_MSG(strcmp(tobj_name_of(obj), path) == 0, "loaded %s", tobj_name_of(obj));
        CHECK_INT(tobj_from_unk(obj)->mode, STGM_READWRITE);
        IUnknown_Release(obj);
        obj = NULL;
    }
    CHECK_INT(cf.created, 1);
    /* The file's item: through the file object's IOleItemContainer. */
    CreateGenericComposite(file, item, &fitem);
    CHECK_HR(IMoniker_BindToObject(fitem, bc, NULL, &IID_IUnknown, (void **)&obj), S_OK);
    if (obj) {
        CHECK_MSG(strcmp(tobj_name_of(obj), "part") == 0, "bound %s", tobj_name_of(obj));
        IUnknown_Release(obj);
        obj = NULL;
    }
    /* A missing file. */
    {
        IMoniker *gone;
        CreateFileMoniker(u"/nonexistent/comrt/x.mktest", &gone);
        CHECK_HR(IMoniker_BindToObject(gone, bc, NULL, &IID_IUnknown, (void **)&obj), MK_E_CANTOPENFILE);
        IMoniker_Release(gone);
    }
    /* Running: the ROT's object wins, for the file and for the composite. */
    {
        tobj *run = tobj_create(u"running");
        IRunningObjectTable *rot;
        DWORD c1 = 0, c2 = 0;
        GetRunningObjectTable(0, &rot);
        CHECK_HR(IRunningObjectTable_Register(rot, 0, &run->IUnknown_iface, file, &c1), S_OK);
        CHECK_HR(IMoniker_BindToObject(file, bc, NULL, &IID_IUnknown, (void **)&obj), S_OK);
        CHECK(obj == &run->IUnknown_iface);
        if (obj) IUnknown_Release(obj);
        CHECK_HR(IMoniker_IsRunning(file, bc, NULL, NULL), S_OK);
        CHECK_HR(IMoniker_IsRunning(fitem, bc, NULL, NULL), S_FALSE);
        CHECK_HR(IRunningObjectTable_Register(rot, 0, &run->IUnknown_iface, fitem, &c2), S_OK);
        CHECK_HR(IMoniker_BindToObject(fitem, bc, NULL, &IID_IUnknown, (void **)&obj), S_OK);
        CHECK(obj == &run->IUnknown_iface);
        if (obj) IUnknown_Release(obj);
        CHECK_HR(IMoniker_IsRunning(fitem, bc, NULL, NULL), S_OK);
        CHECK_HR(IMoniker_IsRunning(item, bc, file, NULL), S_OK);
        CHECK_HR(IRunningObjectTable_Revoke(rot, c1), S_OK);
        CHECK_HR(IRunningObjectTable_Revoke(rot, c2), S_OK);
        IRunningObjectTable_Release(rot);
        CHECK_INT(tobj_release(run), 0);
    }
    /* Class moniker right of a moniker whose object is an IClassActivator. */
    {
        IMoniker *left = NULL;
        IRunningObjectTable *rot;
        DWORD c1 = 0;
        CreateFileMoniker(u"/activator", &left);
        GetRunningObjectTable(0, &rot);
        IRunningObjectTable_Register(rot, 0, (IUnknown *)&cf.IClassActivator_iface, left, &c1);
        CHECK_HR(IMoniker_BindToObject(cls, bc, left, &IID_IClassFactory, (void **)&got_cf), S_OK);
        CHECK(got_cf == &cf.IClassFactory_iface);
        if (got_cf) IClassFactory_Release(got_cf);
        IRunningObjectTable_Revoke(rot, c1);
        IRunningObjectTable_Release(rot);
        IMoniker_Release(left);
    }
    /* new: a new instance each time. */
    {
        IMoniker *nm = NULL;
        CHECK_HR(comrt__mk_new_create(&CLS_T, &nm), S_OK);
        CHECK_MKNAME(nm, "new:{6D6B7465-7374-0001-0102-030405060708}");
        CHECK_INT(mk_sys(nm), MKSYS_NONE);
        CHECK_HR(IMoniker_BindToObject(nm, bc, NULL, &IID_IUnknown, (void **)&obj), S_OK);
        if (obj) IUnknown_Release(obj);
        CHECK_INT(cf.created, 3);
        IMoniker_Release(nm);
    }
    unlink(path);
    IMoniker_Release(fitem);
    IMoniker_Release(file);
    IMoniker_Release(item);
    IMoniker_Release(cls);
    CHECK_INT(IBindCtx_Release(bc), 0); /* the bound file object goes with it */
    CHECK_HR(CoRevokeClassObject(cookie), S_OK);
    CHECK_INT(cf.ref, 1);
}

int main(void)
{
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    RUN(display_names);
    RUN(equality_and_hash);
    RUN(file_composition);
    RUN(generic_composites);
    RUN(file_prefix_and_relative);
    RUN(persist_stream);
    RUN(load_garbage);
    RUN(bind_context);
    RUN(binding);
    CoUninitialize();
    reg_test_cleanup();
    return comrt_test_summary();
}
