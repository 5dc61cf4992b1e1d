/*
 * moniker_probe.c — monikers, bind contexts and the running object table:
 * display names and IsSystemMoniker of each system moniker, their stream
 * form (IPersistStream::Save into an in-memory IStream, printed as hex),
 * MkParseDisplayName (hr, characters eaten, display name and kind of the
 * result) for many names, ComposeWith / IsEqual / CommonPrefixWith /
 * RelativePathTo, the ROT's answers, the active-object API, CoGetObject
 * with a class registered by CoRegisterClassObject, and bind-context
 * defaults.  A ProgID "comrtprobe.Parser" is written under HKCR (and
 * deleted at the end) for a class object that implements
 * IParseDisplayName, as a "winmgmts:"-style provider does.
 *
 * File paths differ by platform (Wine: "Z:\tmp\...", comrt: "/tmp/..."):
 * inputs are written with '/' and converted on Windows; outputs have the
 * scratch file's path replaced by "<file>", "<tmp>" for its folder, and '\'
 * printed as '/'.  Compiles with mingw (golden from Wine's ole32) and
 * against comrt.
 */
#include "probe_util.h"
#ifdef _WIN32
#include <winreg.h>
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

static const GUID CLS_P = {0xC0DE0000, 0x6d6b, 0x0001, {1, 2, 3, 4, 5, 6, 7, 8}};
#define CLS_P_STR "C0DE0000-6D6B-0001-0102-030405060708"

/* The scratch file (created) and its folder, in platform form. */
static WCHAR file_path[128], tmp_dir[64];

/* Converts a narrow input to a platform wide string: on Windows '/' becomes
 * '\' and a leading "/tmp" becomes "Z:\tmp"; "<file>" stands for the
 * scratch file. */
static const WCHAR *plat(const char *s)
{
    static WCHAR buf[4][512];
    static int next;
    WCHAR *w = buf[next++ % 4];
    size_t n = 0, i;
    if (strncmp(s, "<file>", 6) == 0) {
        for (i = 0; file_path[i]; i++) w[n++] = file_path[i];
        s += 6;
    }
#ifdef _WIN32
    if (strncmp(s, "/tmp", 4) == 0) {
        w[n++] = 'Z';
        w[n++] = ':';
    }
#endif
    for (; *s && n < 511; s++) {
        WCHAR c = (WCHAR)(unsigned char)*s;
#ifdef _WIN32
        if (c == '/') c = '\\';
#endif
        w[n++] = c;
    }
    w[n] = 0;
    return w;
}

/* Appends s to res with the scratch path as "<file>", its folder as
 * "<tmp>" and '\' as '/'. */
static void add_name(const WCHAR *s)
{
    size_t fl = 0, tl = 0;
    while (file_path[fl]) fl++;
    while (tmp_dir[tl]) tl++;
    pu_add(&res, "\"");
    while (s && *s) {
        size_t k;
        for (k = 0; k < fl && s[k] == file_path[k]; k++) {}
        if (k == fl) {
            pu_add(&res, "<file>");
            s += fl;
            continue;
        }
        for (k = 0; k < tl && s[k] == tmp_dir[k]; k++) {}
        if (k == tl) {
            pu_add(&res, "<tmp>");
            s += tl;
            continue;
        }
        if (*s == '\\') pu_add(&res, "/");
        else if (*s >= 0x20 && *s < 0x7F) pu_add(&res, "%c", (char)*s);
        else pu_add(&res, "\\u%04X", (unsigned)*s);
        s++;
    }
    pu_add(&res, "\"");
}

/* " name=\"...\" sys=K" for mk, or " (null)". */
static void add_moniker(IMoniker *mk)
{
    IBindCtx *bc = NULL;
    LPOLESTR s = NULL;
    DWORD sys = 0xFFFF;
    HRESULT hr;
    if (!mk) {
        pu_add(&res, " (null)");
        return;
    }
    CreateBindCtx(0, &bc);
    hr = IMoniker_GetDisplayName(mk, bc, NULL, &s);
    pu_add(&res, " name=");
    if (SUCCEEDED(hr)) add_name(s);
    else pu_hr(&res, hr);
    CoTaskMemFree(s);
    IMoniker_IsSystemMoniker(mk, &sys);
    pu_add(&res, " sys=%u", (unsigned)sys);
    IBindCtx_Release(bc);
}

/* ---- an in-memory IStream (just what Save needs) ------------------------ */

typedef struct {
    IStream IStream_iface;
    BYTE data[4096];
    ULONG size;
} mstream;

static HRESULT STDMETHODCALLTYPE ms_QueryInterface(IStream *This, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IStream) ||
        IsEqualIID(riid, &IID_ISequentialStream)) {
        *ppv = This;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE ms_AddRef(IStream *This) { return 2; }
static ULONG STDMETHODCALLTYPE ms_Release(IStream *This) { return 1; }
static HRESULT STDMETHODCALLTYPE ms_Read(IStream *This, void *pv, ULONG cb, ULONG *got)
{
    if (got) *got = 0;
    return S_FALSE;
}
static HRESULT STDMETHODCALLTYPE ms_Write(IStream *This, const void *pv, ULONG cb, ULONG *put)
{
    mstream *m = (mstream *)This;
    if (m->size + cb > sizeof m->data) return STG_E_MEDIUMFULL;
    memcpy(m->data + m->size, pv, cb);
    m->size += cb;
    if (put) *put = cb;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_Seek(IStream *This, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *np)
{
    mstream *m = (mstream *)This;
    if (np) np->QuadPart = m->size;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_SetSize(IStream *This, ULARGE_INTEGER sz) { return E_NOTIMPL; }
static HRESULT STDMETHODCALLTYPE ms_CopyTo(IStream *This, IStream *to, ULARGE_INTEGER cb, ULARGE_INTEGER *r,
                                           ULARGE_INTEGER *w)
{
    return E_NOTIMPL;
}
static HRESULT STDMETHODCALLTYPE ms_Commit(IStream *This, DWORD f) { return S_OK; }
static HRESULT STDMETHODCALLTYPE ms_Revert(IStream *This) { return S_OK; }
static HRESULT STDMETHODCALLTYPE ms_Lock(IStream *This, ULARGE_INTEGER o, ULARGE_INTEGER cb, DWORD t)
{
    return STG_E_INVALIDFUNCTION;
}
static HRESULT STDMETHODCALLTYPE ms_Stat(IStream *This, STATSTG *st, DWORD flag)
{
    memset(st, 0, sizeof *st);
    st->type = STGTY_STREAM;
    st->cbSize.QuadPart = ((mstream *)This)->size;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE ms_Clone(IStream *This, IStream **pp)
{
    *pp = NULL;
    return E_NOTIMPL;
}
static IStreamVtbl ms_vtbl = {ms_QueryInterface, ms_AddRef,  ms_Release, ms_Read,   ms_Write,
                              ms_Seek,           ms_SetSize, ms_CopyTo,  ms_Commit, ms_Revert,
                              ms_Lock,           ms_Lock,    ms_Stat,    ms_Clone};

/* ---- the provider's class object ------------------------------------------ */

typedef struct {
    IClassFactory IClassFactory_iface;
    IParseDisplayName IParseDisplayName_iface;
    LONG created;
} provider;

static provider prov;

static HRESULT prov_qi(REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IClassFactory)) *ppv = &prov.IClassFactory_iface;
    else if (IsEqualIID(riid, &IID_IParseDisplayName)) *ppv = &prov.IParseDisplayName_iface;
    else {
        *ppv = NULL;
        return E_NOINTERFACE;
    }
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE cf_QueryInterface(IClassFactory *This, REFIID riid, void **ppv)
{
    return prov_qi(riid, ppv);
}
static ULONG STDMETHODCALLTYPE cf_AddRef(IClassFactory *This) { return 2; }
static ULONG STDMETHODCALLTYPE cf_Release(IClassFactory *This) { return 1; }
/* The "instance" is the class object itself: enough to count creations. */
static HRESULT STDMETHODCALLTYPE cf_CreateInstance(IClassFactory *This, IUnknown *outer, REFIID riid, void **ppv)
{
    prov.created++;
    return prov_qi(riid, ppv);
}
static HRESULT STDMETHODCALLTYPE cf_LockServer(IClassFactory *This, BOOL lock) { return S_OK; }
static IClassFactoryVtbl cf_vtbl = {cf_QueryInterface, cf_AddRef, cf_Release, cf_CreateInstance, cf_LockServer};

static HRESULT STDMETHODCALLTYPE pd_QueryInterface(IParseDisplayName *This, REFIID riid, void **ppv)
{
    return prov_qi(riid, ppv);
}
static ULONG STDMETHODCALLTYPE pd_AddRef(IParseDisplayName *This) { return 2; }
static ULONG STDMETHODCALLTYPE pd_Release(IParseDisplayName *This) { return 1; }
/* "Name:rest" -> item moniker "" + rest, eating everything; no ':' ->
 * MK_E_SYNTAX. */
static HRESULT STDMETHODCALLTYPE pd_ParseDisplayName(IParseDisplayName *This, IBindCtx *pbc, LPOLESTR name,
                                                     ULONG *eaten, IMoniker **ppmk)
{
    ULONG n = 0, colon = 0;
    while (name[n]) {
        if (name[n] == ':' && !colon) colon = n + 1;
        n++;
    }
    if (!colon) return MK_E_SYNTAX;
    *eaten = n;
    return CreateItemMoniker((LPCOLESTR)u"", name + colon, ppmk);
}
static IParseDisplayNameVtbl pd_vtbl = {pd_QueryInterface, pd_AddRef, pd_Release, pd_ParseDisplayName};

/* ---- a plain object for the ROT ------------------------------------------- */

static LONG obj_refs = 1;
static HRESULT STDMETHODCALLTYPE o_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    if (IsEqualIID(riid, &IID_IUnknown)) {
        *ppv = This;
        obj_refs++;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE o_AddRef(IUnknown *This) { return (ULONG)++obj_refs; }
static ULONG STDMETHODCALLTYPE o_Release(IUnknown *This) { return (ULONG)--obj_refs; }
static IUnknownVtbl o_vtbl = {o_QueryInterface, o_AddRef, o_Release};
static IUnknown the_obj = {&o_vtbl};

/* ---- cases ------------------------------------------------------------------ */

static void display_cases(void)
{
    IMoniker *cls, *i1, *i2, *i3, *f, *fa, *fb, *c;
    HRESULT hr;
    CreateClassMoniker(&CLS_P, &cls);
    CreateItemMoniker((LPCOLESTR)u"!", (LPCOLESTR)u"Item", &i1);
    CreateItemMoniker((LPCOLESTR)u"", (LPCOLESTR)u"bare", &i2);
    CreateItemMoniker((LPCOLESTR)u"/", (LPCOLESTR)u"x y", &i3);
    CreateFileMoniker((LPCOLESTR)plat("doc.txt"), &f);
    CreateFileMoniker((LPCOLESTR)plat("a"), &fa);
    CreateFileMoniker((LPCOLESTR)plat("b"), &fb);
    begin("display(class)");
    add_moniker(cls);
    end();
    begin("display(item ! Item)");
    add_moniker(i1);
    end();
    begin("display(item '' bare)");
    add_moniker(i2);
    end();
    begin("display(item / 'x y')");
    add_moniker(i3);
    end();
    begin("display(file doc.txt)");
    add_moniker(f);
    end();
    hr = CreateGenericComposite(f, i1, &c);
    begin("CreateGenericComposite(file doc.txt, item !Item)");
    pu_hr(&res, hr);
    add_moniker(c);
    end();
    if (c) IMoniker_Release(c);
    hr = CreateGenericComposite(i1, i2, &c);
    begin("CreateGenericComposite(item !Item, item bare)");
    pu_hr(&res, hr);
    add_moniker(c);
    end();
    if (c) IMoniker_Release(c);
    hr = CreateGenericComposite(fa, fb, &c);
    begin("CreateGenericComposite(file a, file b)");
    pu_hr(&res, hr);
    add_moniker(c);
    end();
    if (c) IMoniker_Release(c);
    hr = CreateGenericComposite(cls, i1, &c);
    begin("CreateGenericComposite(class, item !Item)");
    pu_hr(&res, hr);
    add_moniker(c);
    end();
    if (c) IMoniker_Release(c);
    c = NULL;
    hr = CreateGenericComposite(NULL, i1, &c);
    begin("CreateGenericComposite(NULL, item !Item)");
    pu_hr(&res, hr);
    pu_add(&res, c == i1 ? " same" : " other");
    end();
    if (c) IMoniker_Release(c);
    {
        CLSID id;
        IMoniker *all[] = {cls, i1, f};
        const char *names[] = {"class", "item", "file"};
        int k;
        for (k = 0; k < 3; k++) {
            hr = IMoniker_GetClassID(all[k], &id);
            begin("GetClassID(%s)", names[k]);
            pu_hr(&res, hr);
            pu_add(&res, " ");
            pu_guid(&res, &id);
            end();
        }
    }
    IMoniker_Release(cls);
    IMoniker_Release(i1);
    IMoniker_Release(i2);
    IMoniker_Release(i3);
    IMoniker_Release(f);
    IMoniker_Release(fa);
    IMoniker_Release(fb);
}

static void save_case(const char *label, IMoniker *mk)
{
    mstream ms;
    HRESULT hr;
    ULONG i;
    ms.IStream_iface.lpVtbl = &ms_vtbl;
    ms.size = 0;
    hr = IMoniker_Save(mk, &ms.IStream_iface, TRUE);
    begin("Save(%s)", label);
    pu_hr(&res, hr);
    pu_add(&res, " ");
    for (i = 0; i < ms.size; i++) pu_add(&res, "%02x", ms.data[i]);
    end();
}

static void save_cases(void)
{
    IMoniker *cls, *i1, *i2, *f, *c;
    CreateClassMoniker(&CLS_P, &cls);
    CreateItemMoniker((LPCOLESTR)u"!", (LPCOLESTR)u"Item", &i1);
    CreateItemMoniker((LPCOLESTR)u"", (LPCOLESTR)u"", &i2);
    CreateFileMoniker((LPCOLESTR)plat("doc.txt"), &f);
    save_case("class", cls);
    save_case("item ! Item", i1);
    save_case("item '' ''", i2);
    save_case("file doc.txt", f);
    CreateGenericComposite(f, i1, &c);
    save_case("composite doc.txt!Item", c);
    IMoniker_Release(c);
    IMoniker_Release(cls);
    IMoniker_Release(i1);
    IMoniker_Release(i2);
    IMoniker_Release(f);
}

static void parse_case(const char *name)
{
    IBindCtx *bc = NULL;
    IMoniker *mk = NULL;
    ULONG eaten = 12345;
    HRESULT hr;
    CreateBindCtx(0, &bc);
    hr = MkParseDisplayName(bc, (LPCOLESTR)plat(name), &eaten, &mk);
    begin("MkParseDisplayName(\"%s\")", name);
    pu_hr(&res, hr);
    {
        /* The platform's path is longer on Windows ("Z:\tmp"): a count of
         * the whole name prints as "all". */
        const WCHAR *w = plat(name);
        ULONG len = 0;
        while (w[len]) len++;
        if (eaten == len && len) pu_add(&res, " eaten=all");
        else pu_add(&res, " eaten=%u", (unsigned)eaten);
    }
    if (SUCCEEDED(hr)) add_moniker(mk);
    else pu_add(&res, mk ? " moniker-set" : " (null)");
    end();
    if (mk) IMoniker_Release(mk);
    IBindCtx_Release(bc);
}

static void parse_cases(void)
{
    static const char *const names[] = {
        "clsid:" CLS_P_STR,
        "clsid:" CLS_P_STR ":",
        "clsid:{" CLS_P_STR "}",
        "clsid:{" CLS_P_STR "}:",
        "CLSID:" CLS_P_STR ":",
        "Clsid:" CLS_P_STR,
        "clsid:" CLS_P_STR ":p:q",
        "clsid:{" CLS_P_STR,
        "",
        "garbage",
        "<file>",
        "<file>!item",
        "<file>!a!b",
        "/tmp",
        "/nonexistent-comrt-dir/x.txt",
        "comrtprobe.Parser:rest",
        "COMRTPROBE.PARSER:Rest:more",
        "comrtprobe.Parser:",
        "comrtprobe.Parser",
        "new:comrtprobe.Parser",
        "clsid:1234",
        "clsid:",
        "Unknown.ProgID:rest",
    };
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++) parse_case(names[i]);
}

static IMoniker *file_mk(const char *p)
{
    IMoniker *m = NULL;
    CreateFileMoniker((LPCOLESTR)plat(p), &m);
    return m;
}

static IMoniker *item_mk(const char *p)
{
    IMoniker *m = NULL;
    WCHAR w[64];
    size_t i;
    for (i = 0; p[i] && i < 63; i++) w[i] = (WCHAR)p[i];
    w[i] = 0;
    CreateItemMoniker((LPCOLESTR)u"!", (LPCOLESTR)w, &m);
    return m;
}

/* op(a, b) for a pair of monikers: which = 0 ComposeWith(TRUE), 1
 * ComposeWith(FALSE), 2 IsEqual, 3 CommonPrefixWith, 4 RelativePathTo. */
static void pair_case(const char *la, IMoniker *a, const char *lb, IMoniker *b, int which)
{
    static const char *const ops[] = {"ComposeWith(only-if-not-generic)", "ComposeWith", "IsEqual",
                                      "CommonPrefixWith", "RelativePathTo"};
    IMoniker *out = NULL;
    HRESULT hr;
    switch (which) {
    case 0: hr = IMoniker_ComposeWith(a, b, TRUE, &out); break;
    case 1: hr = IMoniker_ComposeWith(a, b, FALSE, &out); break;
    case 2: hr = IMoniker_IsEqual(a, b); break;
    case 3: hr = IMoniker_CommonPrefixWith(a, b, &out); break;
    default: hr = IMoniker_RelativePathTo(a, b, &out); break;
    }
    begin("%s(%s, %s)", ops[which], la, lb);
    pu_hr(&res, hr);
    if (which != 2) {
        if (out == a) pu_add(&res, " =left");
        else if (out == b) pu_add(&res, " =right");
        else add_moniker(out);
    }
    end();
    if (out) IMoniker_Release(out);
}

static void pair_cases(void)
{
    struct {
        const char *label;
        IMoniker *mk;
    } m[] = {
        {"file a/b", file_mk("a/b")},
        {"file c", file_mk("c")},
        {"file ../c", file_mk("../c")},
        {"file /tmp/d/e.txt", file_mk("/tmp/d/e.txt")},
        {"file /tmp/d/f/g.txt", file_mk("/tmp/d/f/g.txt")},
        {"file /tmp/d", file_mk("/tmp/d")},
        {"file A/B", file_mk("A/B")},
        {"item !x", item_mk("x")},
        {"item !X", item_mk("X")},
        {"item !y", item_mk("y")},
    };
    static const int pairs[][3] = {
        {0, 1, 0}, {0, 2, 0}, {0, 7, 0}, {0, 7, 1}, {7, 9, 0}, {7, 9, 1}, {7, 0, 1},
        {0, 6, 2}, {7, 8, 2}, {7, 9, 2}, {0, 0, 2}, {7, 0, 2},
        {3, 4, 3}, {3, 5, 3}, {5, 3, 3}, {3, 3, 3}, {7, 8, 3}, {7, 9, 3}, {0, 7, 3},
        {3, 4, 4}, {4, 3, 4}, {7, 9, 4},
    };
    size_t i;
    for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        pair_case(m[pairs[i][0]].label, m[pairs[i][0]].mk, m[pairs[i][1]].label, m[pairs[i][1]].mk, pairs[i][2]);
    for (i = 0; i < sizeof m / sizeof m[0]; i++) IMoniker_Release(m[i].mk);
}

static void rot_cases(void)
{
    IRunningObjectTable *rot = NULL;
    IMoniker *mk = item_mk("comrtprobe"), *upper = item_mk("COMRTPROBE"), *other = item_mk("other");
    IUnknown *got = NULL;
    DWORD c1 = 0, c2 = 0, c3 = 0;
    FILETIME ft;
    HRESULT hr;
    LONG before = obj_refs;

    hr = GetRunningObjectTable(1, &rot);
    begin("GetRunningObjectTable(1)");
    pu_hr(&res, hr);
    end();
    if (rot) IRunningObjectTable_Release(rot);
    rot = NULL;
    hr = GetRunningObjectTable(0, &rot);
    begin("GetRunningObjectTable(0)");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_Register(rot, 0, &the_obj, mk, &c1);
    begin("ROT Register(!comrtprobe)");
    pu_hr(&res, hr);
    /* Wine's ROT holds two references, comrt's one: only "held" is asked. */
    pu_add(&res, " cookie-nonzero=%d held=%d", c1 != 0, obj_refs > before);
    end();
    hr = IRunningObjectTable_Register(rot, ROTFLAGS_REGISTRATIONKEEPSALIVE, &the_obj, upper, &c2);
    begin("ROT Register(!COMRTPROBE) again");
    pu_hr(&res, hr);
    pu_add(&res, " distinct=%d", c2 != c1);
    end();
    hr = IRunningObjectTable_Register(rot, 0x100, &the_obj, other, &c3);
    begin("ROT Register(flags 0x100)");
    pu_hr(&res, hr);
    end();
    if (SUCCEEDED(hr)) IRunningObjectTable_Revoke(rot, c3);
    hr = IRunningObjectTable_IsRunning(rot, upper);
    begin("ROT IsRunning(!COMRTPROBE)");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_GetObject(rot, mk, &got);
    begin("ROT GetObject(!comrtprobe)");
    pu_hr(&res, hr);
    pu_add(&res, got == &the_obj ? " same" : " other");
    end();
    if (got) IUnknown_Release(got);
    got = NULL;
    hr = IRunningObjectTable_IsRunning(rot, other);
    begin("ROT IsRunning(!other)");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_GetObject(rot, other, &got);
    begin("ROT GetObject(!other)");
    pu_hr(&res, hr);
    pu_add(&res, got ? " set" : " (null)");
    end();
    hr = IRunningObjectTable_GetTimeOfLastChange(rot, other, &ft);
    begin("ROT GetTimeOfLastChange(!other)");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_GetTimeOfLastChange(rot, mk, &ft);
    begin("ROT GetTimeOfLastChange(!comrtprobe)");
    pu_hr(&res, hr);
    end();
    ft.dwLowDateTime = 1;
    ft.dwHighDateTime = 2;
    hr = IRunningObjectTable_NoteChangeTime(rot, 0xDEADBEEF, &ft);
    begin("ROT NoteChangeTime(unknown cookie)");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_Revoke(rot, 0xDEADBEEF);
    begin("ROT Revoke(unknown cookie)");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_Revoke(rot, c2);
    begin("ROT Revoke(second)");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_IsRunning(rot, mk);
    begin("ROT IsRunning after revoking the second");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_Revoke(rot, c1);
    begin("ROT Revoke(first)");
    pu_hr(&res, hr);
    pu_add(&res, " refs+%ld", (long)(obj_refs - before));
    end();
    hr = IRunningObjectTable_Revoke(rot, c1);
    begin("ROT Revoke(first) again");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_IsRunning(rot, mk);
    begin("ROT IsRunning after revoking both");
    pu_hr(&res, hr);
    end();
    IRunningObjectTable_Release(rot);
    IMoniker_Release(mk);
    IMoniker_Release(upper);
    IMoniker_Release(other);
}

static void active_cases(void)
{
    IUnknown *got = NULL;
    DWORD c1 = 0, c2 = 0;
    IRunningObjectTable *rot = NULL;
    IMoniker *mk = NULL;
    HRESULT hr;

    hr = GetActiveObject(&CLS_P, NULL, &got);
    begin("GetActiveObject(not registered)");
    pu_hr(&res, hr);
    pu_add(&res, got ? " set" : " (null)");
    end();
    hr = RegisterActiveObject(&the_obj, &CLS_P, ACTIVEOBJECT_STRONG, &c1);
    begin("RegisterActiveObject(STRONG)");
    pu_hr(&res, hr);
    end();
    hr = RegisterActiveObject(&the_obj, &CLS_P, ACTIVEOBJECT_WEAK, &c2);
    begin("RegisterActiveObject(WEAK) again");
    pu_hr(&res, hr);
    end();
    hr = GetActiveObject(&CLS_P, NULL, &got);
    begin("GetActiveObject(registered)");
    pu_hr(&res, hr);
    pu_add(&res, got == &the_obj ? " same" : " other");
    end();
    if (got) IUnknown_Release(got);
    GetRunningObjectTable(0, &rot);
    CreateItemMoniker((LPCOLESTR)u"!", (LPCOLESTR)u"{" CLS_P_STR "}", &mk);
    hr = IRunningObjectTable_IsRunning(rot, mk);
    begin("ROT IsRunning(item ! {clsid}) while active");
    pu_hr(&res, hr);
    end();
    hr = RevokeActiveObject(c2, NULL);
    begin("RevokeActiveObject(second)");
    pu_hr(&res, hr);
    end();
    hr = RevokeActiveObject(c1, NULL);
    begin("RevokeActiveObject(first)");
    pu_hr(&res, hr);
    end();
    hr = RevokeActiveObject(c1, NULL);
    begin("RevokeActiveObject(first) again");
    pu_hr(&res, hr);
    end();
    hr = IRunningObjectTable_IsRunning(rot, mk);
    begin("ROT IsRunning(item ! {clsid}) after revoking");
    pu_hr(&res, hr);
    end();
    IMoniker_Release(mk);
    IRunningObjectTable_Release(rot);
}

static void cogetobject_cases(void)
{
    void *pv = NULL;
    HRESULT hr;
    hr = CoGetObject((LPCWSTR)u"clsid:" CLS_P_STR, NULL, &IID_IClassFactory, &pv);
    begin("CoGetObject(clsid:, IClassFactory)");
    pu_hr(&res, hr);
    pu_add(&res, pv == &prov.IClassFactory_iface ? " the class object" : pv ? " other" : " (null)");
    end();
    pv = NULL;
    hr = CoGetObject((LPCWSTR)u"clsid:" CLS_P_STR, NULL, &IID_IParseDisplayName, &pv);
    begin("CoGetObject(clsid:, IParseDisplayName)");
    pu_hr(&res, hr);
    pu_add(&res, pv == &prov.IParseDisplayName_iface ? " the class object" : pv ? " other" : " (null)");
    end();
    pv = NULL;
    hr = CoGetObject((LPCWSTR)u"garbage", NULL, &IID_IUnknown, &pv);
    begin("CoGetObject(garbage)");
    pu_hr(&res, hr);
    pu_add(&res, pv ? " set" : " (null)");
    end();
    pv = NULL;
    prov.created = 0;
    hr = CoGetObject((LPCWSTR)u"new:comrtprobe.Parser", NULL, &IID_IUnknown, &pv);
    begin("CoGetObject(new:comrtprobe.Parser)");
    pu_hr(&res, hr);
    pu_add(&res, " created=%ld", (long)prov.created);
    end();
}

static void bindctx_cases(void)
{
    IBindCtx *bc = NULL;
    BIND_OPTS2 o;
    IUnknown *got = NULL;
    IEnumString *es = NULL;
    HRESULT hr;

    hr = CreateBindCtx(1, &bc);
    begin("CreateBindCtx(1)");
    pu_hr(&res, hr);
    end();
    if (bc) IBindCtx_Release(bc);
    CreateBindCtx(0, &bc);
    memset(&o, 0xCC, sizeof o);
    o.cbStruct = sizeof o;
    hr = IBindCtx_GetBindOptions(bc, (BIND_OPTS *)&o);
    begin("GetBindOptions(BIND_OPTS2) defaults");
    pu_hr(&res, hr);
    pu_add(&res, " cb=%u flags=%u mode=%x deadline=%u track=%u clsctx=%x locale=%x server=%s", (unsigned)o.cbStruct,
           (unsigned)o.grfFlags, (unsigned)o.grfMode, (unsigned)o.dwTickCountDeadline, (unsigned)o.dwTrackFlags,
           (unsigned)o.dwClassContext, (unsigned)o.locale, o.pServerInfo ? "set" : "NULL");
    end();
    hr = IBindCtx_GetObjectParam(bc, (LPOLESTR)u"missing", &got);
    begin("GetObjectParam(missing)");
    pu_hr(&res, hr);
    pu_add(&res, got ? " set" : " (null)");
    end();
    hr = IBindCtx_RevokeObjectParam(bc, (LPOLESTR)u"missing");
    begin("RevokeObjectParam(missing)");
    pu_hr(&res, hr);
    end();
    hr = IBindCtx_RevokeObjectBound(bc, &the_obj);
    begin("RevokeObjectBound(not bound)");
    pu_hr(&res, hr);
    end();
    hr = IBindCtx_RegisterObjectParam(bc, (LPOLESTR)u"key", &the_obj);
    begin("RegisterObjectParam(key)");
    pu_hr(&res, hr);
    end();
    hr = IBindCtx_GetObjectParam(bc, (LPOLESTR)u"key", &got);
    begin("GetObjectParam(key)");
    pu_hr(&res, hr);
    pu_add(&res, got == &the_obj ? " same" : " other");
    end();
    if (got) IUnknown_Release(got);
    got = NULL;
    hr = IBindCtx_GetObjectParam(bc, (LPOLESTR)u"KEY", &got);
    begin("GetObjectParam(KEY)");
    pu_hr(&res, hr);
    end();
    if (got) IUnknown_Release(got);
    hr = IBindCtx_EnumObjectParam(bc, &es);
    begin("EnumObjectParam");
    pu_hr(&res, hr);
    end();
    if (es) IEnumString_Release(es);
    IBindCtx_Release(bc);
}

int main(void)
{
    DWORD cookie = 0;
    HKEY k = NULL;
    FILE *fp;
    char narrow[128];
    size_t i;

    pu_start("moniker");
    CoInitialize(NULL);
    prov.IClassFactory_iface.lpVtbl = &cf_vtbl;
    prov.IParseDisplayName_iface.lpVtbl = &pd_vtbl;

    /* The scratch file. */
    snprintf(narrow, sizeof narrow, "/tmp/comrt-mkprobe-%d.txt", (int)getpid());
    {
        const WCHAR *w = plat(narrow);
        for (i = 0; w[i] && i < 127; i++) file_path[i] = w[i];
        file_path[i] = 0;
        w = plat("/tmp");
        for (i = 0; w[i] && i < 63; i++) tmp_dir[i] = w[i];
        tmp_dir[i] = 0;
    }
    fp = fopen(narrow, "w");
#ifdef _WIN32
    if (!fp) {
        char wn[128];
        snprintf(wn, sizeof wn, "Z:%s", narrow);
        fp = fopen(wn, "w");
    }
#endif
    if (fp) fclose(fp);

    /* The provider: ProgID -> CLSID, class object registered here. */
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, (LPCWSTR)u"comrtprobe.Parser\\CLSID", 0, NULL, 0, KEY_ALL_ACCESS, NULL,
                        &k, NULL) == 0) {
        static const WCHAR v[] = u"{" CLS_P_STR "}";
        RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)v, sizeof v);
        RegCloseKey(k);
    }
    /* Before the class object is registered. */
    parse_case("comrtprobe.Parser:early");
    CoRegisterClassObject(&CLS_P, (IUnknown *)&prov.IClassFactory_iface, CLSCTX_INPROC_SERVER, REGCLS_MULTIPLEUSE,
                          &cookie);

    display_cases();
    save_cases();
    parse_cases();
    pair_cases();
    rot_cases();
    active_cases();
    cogetobject_cases();
    bindctx_cases();

    CoRevokeClassObject(cookie);
    RegDeleteTreeW(HKEY_CLASSES_ROOT, (LPCWSTR)u"comrtprobe.Parser");
    {
        char wn[140];
#ifdef _WIN32
        snprintf(wn, sizeof wn, "Z:%s", narrow);
#else
        snprintf(wn, sizeof wn, "%s", narrow);
#endif
        remove(wn);
    }
    CoUninitialize();
    return 0;
}
