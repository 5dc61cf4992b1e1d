/*
 * test_rot.c — the running object table: Register (duplicates, flags),
 * Revoke, IsRunning, GetObject, NoteChangeTime/GetTimeOfLastChange,
 * EnumRunning, reference counting of registered objects and monikers; the
 * active-object API (RegisterActiveObject & co., an item moniker "!{clsid}");
 * and GetObject from another apartment, which hands out a proxy whose calls
 * run in the registering STA.  The cases Wine answers too are in
 * tests/golden/moniker.txt.
 */
#include "mk_test_util.h"

#include <pthread.h>
#include <unistd.h>

static const GUID CLS_A = {0x726f7474, 0x6573, 0x0001, {1, 2, 3, 4, 5, 6, 7, 8}};

TEST(register_revoke)
{
    IRunningObjectTable *rot = NULL;
    IMoniker *mk = NULL, *same = NULL;
    tobj *t = tobj_create(u"t");
    IUnknown *got = NULL;
    DWORD c1 = 0, c2 = 0;
    FILETIME ft, ft2;

    CHECK_HR(GetRunningObjectTable(0, NULL), E_INVALIDARG);
    CHECK_HR(GetRunningObjectTable(0, &rot), S_OK);
    CreateItemMoniker(u"!", u"Obj", &mk);
    CreateItemMoniker(u"!", u"OBJ", &same); /* equal: item names ignore case */
    CHECK_HR(IRunningObjectTable_IsRunning(rot, mk), S_FALSE);
    CHECK_HR(IRunningObjectTable_GetObject(rot, mk, &got), MK_E_UNAVAILABLE);
    CHECK(got == NULL);
    CHECK_HR(IRunningObjectTable_GetTimeOfLastChange(rot, mk, &ft), MK_E_UNAVAILABLE);

    CHECK_HR(IRunningObjectTable_Register(rot, 0, &t->IUnknown_iface, mk, &c1), S_OK);
    CHECK(c1 != 0);
    CHECK_INT(t->ref, 2);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, same), S_OK);
    CHECK_HR(IRunningObjectTable_GetObject(rot, same, &got), S_OK);
    CHECK(got == &t->IUnknown_iface);
    if (got) IUnknown_Release(got);
    CHECK_HR(IRunningObjectTable_Register(rot, ROTFLAGS_REGISTRATIONKEEPSALIVE, &t->IUnknown_iface, same, &c2),
             MK_S_MONIKERALREADYREGISTERED);
    CHECK(c2 != 0 && c2 != c1);
    CHECK_INT(t->ref, 3);
    CHECK_HR(IRunningObjectTable_Register(rot, 0x100, &t->IUnknown_iface, mk, &c2), E_INVALIDARG);
    CHECK_HR(IRunningObjectTable_Register(rot, 0, NULL, mk, &c2), E_INVALIDARG);

    /* Change times. */
    CHECK_HR(IRunningObjectTable_GetTimeOfLastChange(rot, mk, &ft), S_OK);
    CHECK(ft.dwHighDateTime != 0);
    ft2.dwLowDateTime = 1234;
    ft2.dwHighDateTime = 5678;
    CHECK_HR(IRunningObjectTable_NoteChangeTime(rot, c1, &ft2), S_OK);
    CHECK_HR(IRunningObjectTable_NoteChangeTime(rot, 0xDEAD0000, &ft2), E_INVALIDARG);
    {
        IMoniker *tm = NULL;
        FILETIME ft3 = {0, 0};
        /* The moniker's own GetTimeOfLastChange asks the ROT. */
        CreateItemMoniker(u"!", u"obj", &tm);
        CHECK_HR(IMoniker_GetTimeOfLastChange(tm, NULL, NULL, &ft3), S_OK);
        CHECK(ft3.dwHighDateTime == 5678 || ft3.dwHighDateTime == ft.dwHighDateTime);
        IMoniker_Release(tm);
    }

    CHECK_HR(IRunningObjectTable_Revoke(rot, c2), S_OK);
    CHECK_HR(IRunningObjectTable_Revoke(rot, c2), E_INVALIDARG);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, mk), S_OK); /* c1 is still there */
    CHECK_HR(IRunningObjectTable_Revoke(rot, c1), S_OK);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, mk), S_FALSE);
    CHECK_HR(IRunningObjectTable_Revoke(rot, 0), E_INVALIDARG);
    CHECK_INT(t->ref, 1);
    CHECK_INT(IMoniker_Release(mk), 0);
    CHECK_INT(IMoniker_Release(same), 0);
    CHECK_INT(tobj_release(t), 0);
    IRunningObjectTable_Release(rot);
}

TEST(different_kinds_do_not_match)
{
    IRunningObjectTable *rot = NULL;
    IMoniker *item = NULL, *file = NULL;
    tobj *t = tobj_create(u"t");
    DWORD c = 0;
    GetRunningObjectTable(0, &rot);
    CreateItemMoniker(u"", u"/same", &item);
    CreateFileMoniker(u"/same", &file);
    CHECK_MKNAME(item, "/same");
    CHECK_HR(IRunningObjectTable_Register(rot, 0, &t->IUnknown_iface, item, &c), S_OK);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, file), S_FALSE);
    CHECK_HR(IRunningObjectTable_Revoke(rot, c), S_OK);
    IMoniker_Release(item);
    IMoniker_Release(file);
    IRunningObjectTable_Release(rot);
    CHECK_INT(tobj_release(t), 0);
}

/* File paths are case-sensitive in the ROT too; items inside a composite
 * still ignore case. */
TEST(comparison_data)
{
    IRunningObjectTable *rot = NULL;
    IMoniker *lower = NULL, *upper = NULL, *i1 = NULL, *i2 = NULL, *c1 = NULL, *c2 = NULL, *c3 = NULL;
    IROTData *rd = NULL;
    BYTE buf[64];
    ULONG n = 0;
    tobj *t = tobj_create(u"t");
    DWORD c = 0;
    GetRunningObjectTable(0, &rot);
    CreateFileMoniker(u"/doc/a", &lower);
    CreateFileMoniker(u"/DOC/A", &upper);
    CreateItemMoniker(u"!", u"x", &i1);
    CreateItemMoniker(u"!", u"X", &i2);
    CreateGenericComposite(lower, i1, &c1);
    CreateGenericComposite(lower, i2, &c2);
    CreateGenericComposite(upper, i1, &c3);
    IRunningObjectTable_Register(rot, 0, &t->IUnknown_iface, c1, &c);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, c2), S_OK);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, c3), S_FALSE);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, lower), S_FALSE);
    IRunningObjectTable_Revoke(rot, c);
    CHECK_HR(IMoniker_QueryInterface(c1, &IID_IROTData, (void **)&rd), S_OK);
    if (rd) {
        CHECK_HR(IROTData_GetComparisonData(rd, buf, 20, &n), E_OUTOFMEMORY);
        CHECK_HR(IROTData_GetComparisonData(rd, buf, sizeof buf, &n), S_OK);
        CHECK_INT(n, 16 + 16 + 12 + 16 + 4);
        IROTData_Release(rd);
    }
    IMoniker_Release(c1);
    IMoniker_Release(c2);
    IMoniker_Release(c3);
    IMoniker_Release(lower);
    IMoniker_Release(upper);
    IMoniker_Release(i1);
    IMoniker_Release(i2);
    IRunningObjectTable_Release(rot);
    CHECK_INT(tobj_release(t), 0);
}

TEST(enum_running)
{
    IRunningObjectTable *rot = NULL;
    IMoniker *a = NULL, *b = NULL, *got[4] = {NULL};
    IEnumMoniker *en = NULL;
    tobj *t = tobj_create(u"t");
    DWORD ca = 0, cb = 0;
    ULONG n = 0, i;
    GetRunningObjectTable(0, &rot);
    CreateItemMoniker(u"!", u"first", &a);
    CreateFileMoniker(u"/second", &b);
    IRunningObjectTable_Register(rot, 0, &t->IUnknown_iface, a, &ca);
    IRunningObjectTable_Register(rot, 0, &t->IUnknown_iface, b, &cb);
    CHECK_HR(IRunningObjectTable_EnumRunning(rot, &en), S_OK);
    IRunningObjectTable_Revoke(rot, ca); /* a snapshot: not affected */
    CHECK_HR(IEnumMoniker_Next(en, 4, got, &n), S_FALSE);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK(got[0] == a);
        CHECK(got[1] == b);
    }
    for (i = 0; i < n; i++) IMoniker_Release(got[i]);
    CHECK_INT(IEnumMoniker_Release(en), 0);
    IRunningObjectTable_Revoke(rot, cb);
    CHECK_INT(IMoniker_Release(a), 0);
    CHECK_INT(IMoniker_Release(b), 0);
    CHECK_INT(tobj_release(t), 0);
    IRunningObjectTable_Release(rot);
}

TEST(active_objects)
{
    tobj *t = tobj_create(u"active");
    IUnknown *got = NULL;
    DWORD c = 0, c2 = 0;
    IMoniker *mk = NULL;
    IRunningObjectTable *rot = NULL;

    CHECK_HR(GetActiveObject(&CLS_A, NULL, &got), MK_E_UNAVAILABLE);
    CHECK(got == NULL);
    CHECK_HR(RegisterActiveObject(&t->IUnknown_iface, &CLS_A, ACTIVEOBJECT_STRONG, &c), S_OK);
    CHECK_INT(t->ref, 2);
    CHECK_HR(GetActiveObject(&CLS_A, NULL, &got), S_OK);
    CHECK(got == &t->IUnknown_iface);
    if (got) IUnknown_Release(got);
    /* The ROT entry is the item moniker "!" + "{clsid}". */
    CreateItemMoniker(u"!", u"{726F7474-6573-0001-0102-030405060708}", &mk);
    GetRunningObjectTable(0, &rot);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, mk), S_OK);
    CHECK_HR(RegisterActiveObject(&t->IUnknown_iface, &CLS_A, ACTIVEOBJECT_WEAK, &c2),
             MK_S_MONIKERALREADYREGISTERED);
    CHECK_HR(RevokeActiveObject(c2, NULL), S_OK);
    CHECK_HR(RevokeActiveObject(c, NULL), S_OK);
    CHECK_HR(RevokeActiveObject(c, NULL), E_INVALIDARG);
    CHECK_HR(IRunningObjectTable_IsRunning(rot, mk), S_FALSE);
    CHECK_HR(RegisterActiveObject(NULL, &CLS_A, 0, &c), E_INVALIDARG);
    IMoniker_Release(mk);
    IRunningObjectTable_Release(rot);
    CHECK_INT(tobj_release(t), 0);
}

/* ---- another apartment -------------------------------------------------------- */

static HANDLE sta_ready, sta_quit;
static tobj *sta_obj;
static DWORD sta_cookie;
static pthread_t sta_thread_id;

/* An STA that registers sta_obj and serves calls until told to quit. */
static void *sta_thread(void *arg)
{
    IRunningObjectTable *rot = NULL;
    IMoniker *mk = NULL;
    DWORD idx;
    (void)arg;
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    GetRunningObjectTable(0, &rot);
    CreateItemMoniker(u"!", u"sta-object", &mk);
    IRunningObjectTable_Register(rot, 0, &sta_obj->IUnknown_iface, mk, &sta_cookie);
    IMoniker_Release(mk);
    SetEvent(sta_ready);
    CoWaitForMultipleHandles(0, INFINITE, 1, &sta_quit, &idx);
    IRunningObjectTable_Release(rot);
    CoUninitialize();
    return NULL;
}

TEST(cross_apartment)
{
    IRunningObjectTable *rot = NULL;
    IMoniker *mk = NULL;
    IUnknown *got = NULL, *again = NULL;

    sta_ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    sta_quit = CreateEventW(NULL, TRUE, FALSE, NULL);
    sta_obj = tobj_create(u"in-sta");
    pthread_create(&sta_thread_id, NULL, sta_thread, NULL);
    WaitForSingleObject(sta_ready, INFINITE);
    GetRunningObjectTable(0, &rot);
    CreateItemMoniker(u"!", u"sta-object", &mk);
    CHECK_HR(IRunningObjectTable_GetObject(rot, mk, &got), S_OK);
    /* A proxy for this (multithreaded) apartment, not the STA's object. */
    CHECK(got != NULL && got != &sta_obj->IUnknown_iface);
    if (got) {
        CHECK_HR(IUnknown_QueryInterface(got, &IID_IUnknown, (void **)&again), S_OK);
        CHECK(again == got); /* the proxy's identity */
        if (again) IUnknown_Release(again);
        IUnknown_Release(got);
    }
    /* Revoked from here: the table's reference is dropped in the STA (posted
     * to it; it runs while the STA waits). */
    CHECK_HR(IRunningObjectTable_Revoke(rot, sta_cookie), S_OK);
    {
        int i;
        for (i = 0; i < 200 && __atomic_load_n(&sta_obj->ref, __ATOMIC_ACQUIRE) != 1; i++) usleep(10000);
        CHECK_INT(sta_obj->ref, 1);
    }
    IMoniker_Release(mk);
    IRunningObjectTable_Release(rot);
    SetEvent(sta_quit);
    pthread_join(sta_thread_id, NULL);
    CloseHandle(sta_ready);
    CloseHandle(sta_quit);
    CHECK_INT(tobj_release(sta_obj), 0);
}

int main(void)
{
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    RUN(register_revoke);
    RUN(different_kinds_do_not_match);
    RUN(comparison_data);
    RUN(enum_running);
    RUN(active_objects);
    RUN(cross_apartment);
    CoUninitialize();
    return comrt_test_summary();
}
