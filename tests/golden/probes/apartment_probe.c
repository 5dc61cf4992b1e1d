/*
 * apartment_probe.c — what is deterministic about apartments and events:
 * CoInitializeEx's codes for every sequence (repeat, mismatch, bad flags,
 * pvReserved, after CoUninitialize) and its counting, CoGetApartmentType in
 * each state (none, STA/main STA, MTA, the implicit MTA of a second thread,
 * a second STA), CoWaitForMultipleHandles' codes (argument checks, timeout,
 * signalled index, COWAIT_WAITALL) in an STA, the MTA and no apartment, and
 * the event functions (auto/manual reset, WaitForMultipleObjects, bad
 * handles).  Threads run one at a time (started and joined), so the output
 * is the same on every run.  Compiles with mingw (golden from Wine's ole32)
 * and against comrt.
 */
#include "probe_util.h"

#ifdef _WIN32
typedef HANDLE pthr;
static DWORD WINAPI thr_tramp(LPVOID arg)
{
    void (**fn)(void) = arg;
    (*fn)();
    return 0;
}
/* Runs fn on a new thread and waits for it. */
static void on_thread(void (*fn)(void))
{
    static void (*slot)(void);
    HANDLE th;
    slot = fn;
    th = CreateThread(NULL, 0, thr_tramp, (LPVOID)&slot, 0, NULL);
    WaitForSingleObject(th, INFINITE);
    CloseHandle(th);
}
#else
#include <pthread.h>
static void *thr_tramp(void *arg)
{
    void (**fn)(void) = arg;
    (*fn)();
    return NULL;
}
static void on_thread(void (*fn)(void))
{
    static void (*slot)(void);
    pthread_t th;
    slot = fn;
    pthread_create(&th, NULL, thr_tramp, (void *)&slot);
    pthread_join(th, NULL);
}
#endif

/* Which thread a case ran on, for the keys. */
static const char *where = "main";

static void init_case(const char *what, void *reserved, DWORD flags)
{
    begin("%s CoInitializeEx(%s, 0x%X) %s", where, reserved ? "reserved" : "NULL", (unsigned)flags, what);
    pu_hr(&res, CoInitializeEx(reserved, flags));
    end();
}

static void type_case(const char *what)
{
    APTTYPE t = (APTTYPE)0x55;
    APTTYPEQUALIFIER q = (APTTYPEQUALIFIER)0x55;
    HRESULT hr = CoGetApartmentType(&t, &q);
    begin("%s CoGetApartmentType %s", where, what);
    pu_hr(&res, hr);
    pu_add(&res, " type=%d qualifier=%d", (int)t, (int)q);
    end();
}

static void uninit(void)
{
    CoUninitialize();
}

/* ---- CoInitializeEx / CoUninitialize / CoGetApartmentType --------------- */

static void init_codes(void)
{
    where = "thread";
    type_case("before any init");
    begin("%s CoGetApartmentType(NULL, &q)", where);
    {
        APTTYPEQUALIFIER q;
        pu_hr(&res, CoGetApartmentType(NULL, &q));
    }
    end();
    begin("%s CoGetApartmentType(&t, NULL)", where);
    {
        APTTYPE t;
        pu_hr(&res, CoGetApartmentType(&t, NULL));
    }
    end();
    uninit(); /* unpaired: nothing */
    type_case("after an unpaired CoUninitialize");

    /* STA, counted */
    init_case("first STA", NULL, COINIT_APARTMENTTHREADED);
    type_case("in STA (1 init)");
    init_case("STA again", NULL, COINIT_APARTMENTTHREADED);
    init_case("MTA in STA", NULL, COINIT_MULTITHREADED);
    init_case("STA+DISABLE_OLE1DDE in STA", NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE);
    init_case("STA+SPEED_OVER_MEMORY in STA", NULL, COINIT_APARTMENTTHREADED | COINIT_SPEED_OVER_MEMORY);
    begin("%s CoInitialize(NULL) in STA", where);
    pu_hr(&res, CoInitialize(NULL));
    end();
    type_case("in STA (5 inits)");
    uninit();
    uninit();
    uninit();
    uninit();
    type_case("in STA after 4 of 5 uninits");
    uninit();
    type_case("after 5 of 5 uninits");
    uninit();
    type_case("after an extra uninit");

    /* MTA, counted */
    init_case("first MTA", NULL, COINIT_MULTITHREADED);
    type_case("in MTA");
    init_case("MTA again", NULL, COINIT_MULTITHREADED);
    init_case("STA in MTA", NULL, COINIT_APARTMENTTHREADED);
    init_case("MTA+DISABLE_OLE1DDE in MTA", NULL, COINIT_DISABLE_OLE1DDE);
    init_case("unknown flag in MTA", NULL, 0x10);
    uninit();
    uninit();
    type_case("in MTA after 2 of 3 uninits");
    uninit();
    type_case("after 3 of 3 MTA uninits");

    /* Flags with the STA bit after an MTA life: a fresh start. */
    init_case("STA after MTA ended", NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE);
    type_case("STA after MTA ended");
    uninit();
    type_case("after STA after MTA ended");
}

/* Flag bits beyond the documented ones, each on a fresh thread. */
static void flags_10(void)
{
    where = "thread-flags";
    init_case("unknown flag 0x10", NULL, 0x10);
    type_case("after unknown flag 0x10");
    uninit();
    type_case("after unknown flag 0x10 and one uninit");
}

static void flags_12(void)
{
    where = "thread-flags";
    init_case("STA + unknown flag 0x10", NULL, COINIT_APARTMENTTHREADED | 0x10);
    type_case("after STA + unknown flag 0x10");
    uninit();
}

static void flags_high(void)
{
    where = "thread-flags";
    init_case("unknown flags 0xFFFFFFF0", NULL, 0xFFFFFFF0u);
    type_case("after unknown flags 0xFFFFFFF0");
    init_case("all flags 0xFFFFFFFF", NULL, 0xFFFFFFFFu);
    uninit();
    type_case("after unknown flags 0xFFFFFFF0 and one uninit");
}

static void reserved_case(void)
{
    /* pvReserved != NULL is its own sequence: what it does to the thread's
     * state is what is asked. */
    where = "thread-reserved";
    init_case("pvReserved", (void *)1, COINIT_APARTMENTTHREADED);
    type_case("after pvReserved STA");
    uninit();
    type_case("after pvReserved and one uninit");
    init_case("pvReserved MTA", (void *)1, COINIT_MULTITHREADED);
    type_case("after pvReserved MTA");
    uninit();
    type_case("after pvReserved MTA and one uninit");
}

static const char *second_where;

static void thread_in_none(void)
{
    where = second_where;
    type_case("while main is in the MTA");
    init_case("MTA while main is in the MTA", NULL, COINIT_MULTITHREADED);
    type_case("explicit MTA");
    uninit();
    type_case("after leaving the explicit MTA");
}

static void thread_sta(void)
{
    where = "second-thread-sta";
    init_case("STA while main is in an STA", NULL, COINIT_APARTMENTTHREADED);
    type_case("second STA");
    uninit();
    type_case("second STA ended");
}

static void thread_none_with_sta_main(void)
{
    where = "second-thread-none";
    type_case("while main is in an STA only");
}

static void thread_sta_first(void)
{
    where = "first-thread-sta";
    init_case("STA before main's", NULL, COINIT_APARTMENTTHREADED);
    type_case("STA before main's");
    uninit();
}

static void cross_thread(void)
{
    where = "main";
    init_case("MTA for cross-thread", NULL, COINIT_MULTITHREADED);
    second_where = "second-thread-none";
    on_thread(thread_in_none);
    where = "main";
    uninit();
    second_where = "second-thread-none-after-main-left-mta";
    on_thread(thread_in_none);

    where = "main";
    init_case("STA for cross-thread", NULL, COINIT_APARTMENTTHREADED);
    type_case("STA for cross-thread");
    on_thread(thread_sta);
    on_thread(thread_none_with_sta_main);
    where = "main";
    uninit();

    /* An STA that lived and ended on another thread before main's. */
    on_thread(thread_sta_first);
    where = "main";
    init_case("STA after another thread's STA ended", NULL, COINIT_APARTMENTTHREADED);
    type_case("STA after another thread's STA ended");
    uninit();
}

/* ---- CoWaitForMultipleHandles -------------------------------------------- */

static void cowait_case(const char *what, DWORD flags, DWORD timeout, ULONG n, HANDLE *hs, BOOL null_index)
{
    DWORD idx = 0xABCD;
    HRESULT hr = CoWaitForMultipleHandles(flags, timeout, n, hs, null_index ? NULL : &idx);
    begin("%s CoWaitForMultipleHandles %s", where, what);
    pu_hr(&res, hr);
    pu_add(&res, " index=%X", (unsigned)idx);
    end();
}

static void cowait_cases(void)
{
    HANDLE h[MAXIMUM_WAIT_OBJECTS + 1];
    HANDLE bad[1];
    HANDLE dup[2];
    int i;

    for (i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++) h[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
    bad[0] = (HANDLE)(uintptr_t)0x7777770;

    cowait_case("0 handles", 0, 0, 0, h, FALSE);
    cowait_case("NULL handles", 0, 0, 1, NULL, FALSE);
    cowait_case("NULL handles, 0 count", 0, 0, 0, NULL, FALSE);
    cowait_case("NULL index", 0, 0, 1, h, TRUE);
    cowait_case("NULL index, 0 count", 0, 0, 0, h, TRUE);
    cowait_case("timeout 0", 0, 0, 1, h, FALSE);
    cowait_case("timeout 30", 0, 30, 2, h, FALSE);
    SetEvent(h[2]);
    cowait_case("third of three set", 0, 0, 3, h, FALSE);
    cowait_case("third of three set, WAITALL", COWAIT_WAITALL, 0, 3, h, FALSE);
    SetEvent(h[0]);
    SetEvent(h[1]);
    cowait_case("all three set, WAITALL", COWAIT_WAITALL, 0, 3, h, FALSE);
    cowait_case("all three set", 0, 0, 3, h, FALSE);
    cowait_case("all three set, DISPATCH_CALLS", COWAIT_DISPATCH_CALLS, 0, 3, h, FALSE);
    cowait_case("all three set, unknown flag 0x100", 0x100, 0, 3, h, FALSE);
    cowait_case("bad handle", 0, 0, 1, bad, FALSE);
    cowait_case("65 handles", 0, 0, MAXIMUM_WAIT_OBJECTS + 1, h, FALSE);
    cowait_case("64 handles, first set", 0, 0, MAXIMUM_WAIT_OBJECTS, h, FALSE);
    dup[0] = dup[1] = h[0];
    cowait_case("duplicate handles, WAITALL", COWAIT_WAITALL, 0, 2, dup, FALSE);
    for (i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++) CloseHandle(h[i]);

    /* Auto-reset events: the wait takes them. */
    h[0] = CreateEventW(NULL, FALSE, TRUE, NULL);
    h[1] = CreateEventW(NULL, FALSE, TRUE, NULL);
    cowait_case("two auto set, WAITALL", COWAIT_WAITALL, 0, 2, h, FALSE);
    cowait_case("two auto taken", 0, 0, 2, h, FALSE);
    SetEvent(h[1]);
    cowait_case("second auto set", 0, 0, 2, h, FALSE);
    cowait_case("second auto taken", 0, 0, 2, h, FALSE);
    CloseHandle(h[0]);
    CloseHandle(h[1]);
}

static void cowait_in_none(void)
{
    where = "cowait-none";
    cowait_cases();
}

static void cowait_in_sta(void)
{
    where = "cowait-sta";
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    cowait_cases();
    CoUninitialize();
}

static void cowait_in_mta(void)
{
    where = "cowait-mta";
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    cowait_cases();
    CoUninitialize();
}

/* ---- Events ----------------------------------------------------------------- */

static void wait_case(const char *what, DWORD r)
{
    begin("event %s", what);
    pu_add(&res, "%08X", (unsigned)r);
    end();
}

static void bool_case(const char *what, BOOL b)
{
    begin("event %s", what);
    pu_add(&res, "%08X", (unsigned)(b ? 1 : 0));
    end();
}

static void events(void)
{
    HANDLE m = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE a = CreateEventW(NULL, FALSE, TRUE, NULL);
    HANDLE hs[3], dup[2];
    HANDLE bogus = (HANDLE)(uintptr_t)0x7777770;

    bool_case("manual created", m != NULL);
    bool_case("auto created", a != NULL);
    wait_case("manual unset wait 0", WaitForSingleObject(m, 0));
    wait_case("manual unset wait 20", WaitForSingleObject(m, 20));
    bool_case("SetEvent manual", SetEvent(m));
    bool_case("SetEvent manual again", SetEvent(m));
    wait_case("manual set wait 0", WaitForSingleObject(m, 0));
    wait_case("manual set wait 0 again", WaitForSingleObject(m, 0));
    bool_case("ResetEvent manual", ResetEvent(m));
    bool_case("ResetEvent manual again", ResetEvent(m));
    wait_case("manual reset wait 0", WaitForSingleObject(m, 0));

    wait_case("auto initially set wait 0", WaitForSingleObject(a, 0));
    wait_case("auto after wait, wait 0", WaitForSingleObject(a, 0));
    bool_case("SetEvent auto twice (1)", SetEvent(a));
    bool_case("SetEvent auto twice (2)", SetEvent(a));
    wait_case("auto set twice wait 0", WaitForSingleObject(a, 0));
    wait_case("auto set twice wait 0 again", WaitForSingleObject(a, 0));

    hs[0] = m;
    hs[1] = a;
    hs[2] = CreateEventW(NULL, FALSE, FALSE, NULL);
    wait_case("WFMO any none set", WaitForMultipleObjects(3, hs, FALSE, 0));
    SetEvent(hs[2]);
    wait_case("WFMO any third set", WaitForMultipleObjects(3, hs, FALSE, 0));
    wait_case("WFMO any third taken", WaitForMultipleObjects(3, hs, FALSE, 0));
    SetEvent(m);
    SetEvent(a);
    wait_case("WFMO all, third unset", WaitForMultipleObjects(3, hs, TRUE, 0));
    wait_case("WFMO auto untouched by failed wait-all", WaitForSingleObject(a, 0));
    SetEvent(a);
    SetEvent(hs[2]);
    wait_case("WFMO all set", WaitForMultipleObjects(3, hs, TRUE, 0));
    wait_case("WFMO after wait-all: manual", WaitForSingleObject(m, 0));
    wait_case("WFMO after wait-all: auto 1", WaitForSingleObject(a, 0));
    wait_case("WFMO after wait-all: auto 2", WaitForSingleObject(hs[2], 0));
    SetEvent(a);
    wait_case("WFMO any, manual and auto set: lowest", WaitForMultipleObjects(3, hs, FALSE, 0));
    wait_case("WFMO any, auto still set", WaitForMultipleObjects(2, hs + 1, FALSE, 0));
    wait_case("WFMO 0 handles", WaitForMultipleObjects(0, hs, FALSE, 0));
    wait_case("WFMO 65 handles", WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, hs, FALSE, 0));
    dup[0] = dup[1] = m;
    wait_case("WFMO duplicate, wait-all", WaitForMultipleObjects(2, dup, TRUE, 0));
    wait_case("WFMO duplicate, wait-any", WaitForMultipleObjects(2, dup, FALSE, 0));
    dup[1] = bogus;
    wait_case("WFMO good + bad handle", WaitForMultipleObjects(2, dup, FALSE, 0));

    wait_case("wait NULL", WaitForSingleObject(NULL, 0));
    wait_case("wait bogus", WaitForSingleObject(bogus, 0));
    bool_case("SetEvent NULL", SetEvent(NULL));
    bool_case("SetEvent bogus", SetEvent(bogus));
    bool_case("ResetEvent bogus", ResetEvent(bogus));
    bool_case("CloseHandle manual", CloseHandle(m));
    bool_case("CloseHandle auto", CloseHandle(a));
    bool_case("CloseHandle third", CloseHandle(hs[2]));
    bool_case("CloseHandle manual again", CloseHandle(m));
    bool_case("SetEvent closed", SetEvent(m));
    wait_case("wait closed", WaitForSingleObject(m, 0));
    bool_case("CreateEvent initially set manual", (m = CreateEventW(NULL, TRUE, TRUE, NULL)) != NULL);
    wait_case("initially set manual wait INFINITE", WaitForSingleObject(m, INFINITE));
    CloseHandle(m);
}

int main(void)
{
    pu_start("apartment");
    on_thread(init_codes);
    on_thread(flags_10);
    on_thread(flags_12);
    on_thread(flags_high);
    on_thread(reserved_case);
    where = "main";
    cross_thread();
    on_thread(cowait_in_none);
    on_thread(cowait_in_sta);
    on_thread(cowait_in_mta);
    events();
    fflush(stdout);
    return 0;
}
