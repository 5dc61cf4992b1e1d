/*
 * test_apartment.c — apartments (runtime/apartment.c, aptqueue.c), on real
 * threads: CoInitializeEx codes and counting, CoGetApartmentType in every
 * state (main STA, second STA, MTA, implicit MTA, MTA worker), calls and
 * posts between STAs and the MTA (each checks the thread it ran on), a
 * call back into the calling STA during its call, CoWaitForMultipleHandles
 * running queued calls while it waits, timeouts, shutdown with items queued,
 * posts after shutdown, the uninit hooks' order and thread, threads that exit
 * without CoUninitialize, the host STA, and a stress run.  The
 * single-thread codes Wine also answers are in tests/golden/apartment.txt.
 */
#include "../comrt_test.h"
#include "runtime/apartment_internal.h"
#include <comrt/synchapi.h>

#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Runs fn(arg) on a new thread and waits for it: each case starts on a
 * thread that is in no apartment. */
static void on_thread(void *(*fn)(void *), void *arg)
{
    pthread_t th;
    pthread_create(&th, NULL, fn, arg);
    pthread_join(th, NULL);
}

/* ---- An STA thread that sits in CoWaitForMultipleHandles until stopped -- */

struct sta {
    pthread_t th;
    comrt_apartment *apt; /* referenced by the test */
    DWORD tid;
    HANDLE ready, stop;
    HRESULT wait_hr;
    DWORD wait_index;
};

static void *sta_main(void *arg)
{
    struct sta *s = arg;
    s->tid = GetCurrentThreadId();
    if (CoInitializeEx(NULL, COINIT_APARTMENTTHREADED) != S_OK) s->tid = 0;
    if (FAILED(comrt__apt_current(&s->apt))) s->apt = NULL;
    SetEvent(s->ready);
    s->wait_hr = CoWaitForMultipleHandles(0, INFINITE, 1, &s->stop, &s->wait_index);
    CoUninitialize();
    return NULL;
}

static void start_sta(struct sta *s)
{
    memset(s, 0, sizeof *s);
    s->ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    s->stop = CreateEventW(NULL, TRUE, FALSE, NULL);
    pthread_create(&s->th, NULL, sta_main, s);
    WaitForSingleObject(s->ready, INFINITE);
    CHECK(s->apt != NULL && s->tid != 0);
}

static void stop_sta(struct sta *s)
{
    SetEvent(s->stop);
    pthread_join(s->th, NULL);
    CHECK_HR(s->wait_hr, S_OK);
    CHECK_INT(s->wait_index, 0);
    if (s->apt) comrt__apt_release(s->apt);
    CloseHandle(s->ready);
    CloseHandle(s->stop);
}

/* ---- Codes and counting --------------------------------------------------- */

static void *codes_main(void *arg)
{
    APTTYPE t = (APTTYPE)99;
    APTTYPEQUALIFIER q = (APTTYPEQUALIFIER)99;
    (void)arg;

    CHECK_HR(CoGetApartmentType(&t, &q), CO_E_NOTINITIALIZED);
    CHECK_INT(t, APTTYPE_CURRENT);
    CHECK_INT(q, APTTYPEQUALIFIER_NONE);
    CHECK_HR(CoGetApartmentType(NULL, &q), E_INVALIDARG);
    CHECK_HR(CoGetApartmentType(&t, NULL), E_INVALIDARG);
    /* Unknown bits and pvReserved are ignored, as by ole32: 0x10 alone
     * is the MTA, 0x12 an STA. */
    CHECK_HR(CoInitializeEx(NULL, 0x10), S_OK);
    CHECK_HR(CoGetApartmentType(&t, &q), S_OK);
    CHECK_INT(t, APTTYPE_MTA);
    CoUninitialize();
    CHECK_HR(CoInitializeEx((void *)1, COINIT_APARTMENTTHREADED | 0x10), S_OK);
    CHECK_HR(CoGetApartmentType(&t, &q), S_OK);
    CHECK_INT(t, APTTYPE_MAINSTA);
    CoUninitialize();
    CHECK_HR(CoGetApartmentType(&t, &q), CO_E_NOTINITIALIZED);

    CHECK_HR(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE), S_OK);
    CHECK_HR(CoInitialize(NULL), S_FALSE);
    CHECK_HR(CoInitializeEx(NULL, COINIT_MULTITHREADED), RPC_E_CHANGED_MODE); /* not counted */
    CHECK_HR(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_SPEED_OVER_MEMORY), S_FALSE);
    CHECK_HR(CoGetApartmentType(&t, &q), S_OK);
    CHECK_INT(t, APTTYPE_MAINSTA);
    CHECK_INT(q, APTTYPEQUALIFIER_NONE);
    CoUninitialize();
    CoUninitialize();
    CHECK_HR(CoGetApartmentType(&t, &q), S_OK); /* 3 inits, 2 uninits */
    CHECK_INT(t, APTTYPE_MAINSTA);
    CoUninitialize();
    CHECK_HR(CoGetApartmentType(&t, &q), CO_E_NOTINITIALIZED);
    CoUninitialize(); /* unpaired: nothing */
    CHECK_HR(CoGetApartmentType(&t, &q), CO_E_NOTINITIALIZED);

    /* Again, now as the MTA. */
    CHECK_HR(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_OK);
    CHECK_HR(CoInitializeEx(NULL, COINIT_MULTITHREADED), S_FALSE);
    CHECK_HR(CoInitialize(NULL), RPC_E_CHANGED_MODE);
    CHECK_HR(CoGetApartmentType(&t, &q), S_OK);
    CHECK_INT(t, APTTYPE_MTA);
    CHECK_INT(q, APTTYPEQUALIFIER_NONE);
    CoUninitialize();
    CoUninitialize();
    CHECK_HR(CoGetApartmentType(&t, &q), CO_E_NOTINITIALIZED);
    return NULL;
}

TEST(codes_and_counting)
{
    on_thread(codes_main, NULL);
    CHECK_INT(CoGetCurrentProcess(), (DWORD)getpid());
}

/* ---- Apartment types across threads --------------------------------------- */

struct typeprobe {
    HRESULT hr;
    APTTYPE t;
    APTTYPEQUALIFIER q;
    DWORD coinit; /* 0xFFFFFFFF: stay uninitialized */
    HANDLE inited, release;
};

static void *typeprobe_main(void *arg)
{
    struct typeprobe *p = arg;
    if (p->coinit != 0xFFFFFFFFu) CoInitializeEx(NULL, p->coinit);
    p->hr = CoGetApartmentType(&p->t, &p->q);
    if (p->inited) SetEvent(p->inited);
    if (p->release) WaitForSingleObject(p->release, INFINITE);
    if (p->coinit != 0xFFFFFFFFu) CoUninitialize();
    return NULL;
}

TEST(implicit_mta_and_main_sta)
{
    struct typeprobe mta = {0}, none = {0}, sta1 = {0}, sta2 = {0};
    pthread_t th_mta, th_sta1;

    /* A thread in the MTA; another thread in none is in the implicit MTA. */
    mta.coinit = COINIT_MULTITHREADED;
    mta.inited = CreateEventW(NULL, TRUE, FALSE, NULL);
    mta.release = CreateEventW(NULL, TRUE, FALSE, NULL);
    pthread_create(&th_mta, NULL, typeprobe_main, &mta);
    WaitForSingleObject(mta.inited, INFINITE);
    CHECK_HR(mta.hr, S_OK);
    CHECK_INT(mta.t, APTTYPE_MTA);
    CHECK_INT(mta.q, APTTYPEQUALIFIER_NONE);
    none.coinit = 0xFFFFFFFFu;
    on_thread(typeprobe_main, &none);
    CHECK_HR(none.hr, S_OK);
    CHECK_INT(none.t, APTTYPE_MTA);
    CHECK_INT(none.q, APTTYPEQUALIFIER_IMPLICIT_MTA);

    /* The first STA is the main STA, the next one is not. */
    sta1.coinit = COINIT_APARTMENTTHREADED;
    sta1.inited = CreateEventW(NULL, TRUE, FALSE, NULL);
    sta1.release = CreateEventW(NULL, TRUE, FALSE, NULL);
    pthread_create(&th_sta1, NULL, typeprobe_main, &sta1);
    WaitForSingleObject(sta1.inited, INFINITE);
    CHECK_INT(sta1.t, APTTYPE_MAINSTA);
    sta2.coinit = COINIT_APARTMENTTHREADED;
    on_thread(typeprobe_main, &sta2);
    CHECK_HR(sta2.hr, S_OK);
    CHECK_INT(sta2.t, APTTYPE_STA);
    {
        comrt_apartment *m = NULL;
        CHECK_HR(comrt__apt_main_sta(&m), S_OK);
        if (m) {
            CHECK_INT(comrt__apt_type(m), APTTYPE_STA);
            comrt__apt_release(m);
        }
    }
    SetEvent(sta1.release);
    pthread_join(th_sta1, NULL);
    {
        comrt_apartment *m = NULL;
        CHECK_HR(comrt__apt_main_sta(&m), CO_E_NOTINITIALIZED);
    }
    /* With the main STA gone, the next STA is the main one. */
    memset(&sta2, 0, sizeof sta2);
    sta2.coinit = COINIT_APARTMENTTHREADED;
    on_thread(typeprobe_main, &sta2);
    CHECK_INT(sta2.t, APTTYPE_MAINSTA);

    /* The MTA goes with its last thread. */
    SetEvent(mta.release);
    pthread_join(th_mta, NULL);
    memset(&none, 0, sizeof none);
    none.coinit = 0xFFFFFFFFu;
    on_thread(typeprobe_main, &none);
    CHECK_HR(none.hr, CO_E_NOTINITIALIZED);
    CloseHandle(mta.inited);
    CloseHandle(mta.release);
    CloseHandle(sta1.inited);
    CloseHandle(sta1.release);
}

/* ---- Calls between apartments --------------------------------------------- */

struct where {
    DWORD tid;
    HRESULT type_hr;
    APTTYPE t;
    APTTYPEQUALIFIER q;
    int runs;
};

static void record_where(void *ctx)
{
    struct where *w = ctx;
    w->tid = GetCurrentThreadId();
    w->type_hr = CoGetApartmentType(&w->t, &w->q);
    w->runs++;
}

struct mta_caller {
    comrt_apartment *target;
    struct where w;
    HRESULT hr;
};

static void *mta_caller_main(void *arg)
{
    struct mta_caller *c = arg;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    c->hr = comrt__apt_call(c->target, record_where, &c->w);
    CoUninitialize();
    return NULL;
}

TEST(mta_calls_into_sta)
{
    struct sta s;
    struct mta_caller c = {0};

    start_sta(&s);
    c.target = s.apt;
    on_thread(mta_caller_main, &c);
    CHECK_HR(c.hr, S_OK);
    CHECK_INT(c.w.runs, 1);
    CHECK_INT(c.w.tid, s.tid);
    CHECK_INT(c.w.t, APTTYPE_MAINSTA);
    stop_sta(&s);
}

static void *sta_calls_mta_main(void *arg)
{
    struct mta_caller *c = arg;
    comrt_apartment *mta = NULL, *cur = NULL;

    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    CHECK_HR(comrt__apt_mta(&mta), S_OK);
    CHECK_HR(comrt__apt_current(&cur), S_OK);
    if (mta && cur) {
        CHECK(!comrt__apt_is_current(mta));
        CHECK(comrt__apt_is_current(cur));
        CHECK(comrt__apt_id(mta) != comrt__apt_id(cur));
        CHECK_INT(comrt__apt_type(mta), APTTYPE_MTA);
        c->hr = comrt__apt_call(mta, record_where, &c->w);
        CHECK(c->w.tid != GetCurrentThreadId());
    }
    if (cur) comrt__apt_release(cur);
    if (mta) comrt__apt_release(mta);
    CoUninitialize();
    return NULL;
}

TEST(sta_calls_into_mta)
{
    struct mta_caller c = {0};

    on_thread(sta_calls_mta_main, &c);
    CHECK_HR(c.hr, S_OK);
    CHECK_INT(c.w.runs, 1);
    CHECK_HR(c.w.type_hr, S_OK);
    CHECK_INT(c.w.t, APTTYPE_MTA); /* a worker counts as in the MTA */
    CHECK_INT(c.w.q, APTTYPEQUALIFIER_NONE);
}

/* A caller in the target apartment runs fn itself. */
static void *call_self_main(void *arg)
{
    struct where *w = arg;
    comrt_apartment *cur = NULL;
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    CHECK_HR(comrt__apt_current(&cur), S_OK);
    if (cur) {
        CHECK_HR(comrt__apt_call(cur, record_where, w), S_OK);
        CHECK_INT(w->tid, GetCurrentThreadId());
        comrt__apt_release(cur);
    }
    CoUninitialize();
    return NULL;
}

TEST(call_in_own_apartment)
{
    struct where w = {0};
    comrt_apartment *cur = NULL;
    on_thread(call_self_main, &w);
    CHECK_INT(w.runs, 1);
    /* No MTA, no apartment: the main thread is in none. */
    CHECK_HR(comrt__apt_current(&cur), CO_E_NOTINITIALIZED);
}

/* STA A calls into STA B; B's fn calls back into A during that call.  A
 * serves the callback while it waits for B. */
struct reentry {
    struct sta *a, *b;
    DWORD inner_tid, middle_tid;
    HRESULT inner_hr, middle_hr;
};

static void reentry_inner(void *ctx)
{
    struct reentry *r = ctx;
    r->inner_tid = GetCurrentThreadId();
}

static void reentry_middle(void *ctx)
{
    struct reentry *r = ctx;
    r->middle_tid = GetCurrentThreadId();
    r->inner_hr = comrt__apt_call(r->a->apt, reentry_inner, r);
}

static void reentry_outer(void *ctx)
{
    struct reentry *r = ctx;
    r->middle_hr = comrt__apt_call(r->b->apt, reentry_middle, r);
}

TEST(reentrant_callback)
{
    struct sta a, b;
    struct reentry r = {0};
    HRESULT hr;

    start_sta(&a);
    start_sta(&b);
    r.a = &a;
    r.b = &b;
    /* From this thread (in no apartment) into A, which calls B, which
     * calls back into A. */
    hr = comrt__apt_call(a.apt, reentry_outer, &r);
    CHECK_HR(hr, S_OK);
    CHECK_HR(r.middle_hr, S_OK);
    CHECK_HR(r.inner_hr, S_OK);
    CHECK_INT(r.middle_tid, b.tid);
    CHECK_INT(r.inner_tid, a.tid);
    stop_sta(&a);
    stop_sta(&b);
}

/* Two STAs post to each other; every item runs on its target's thread. */
struct pingpong {
    struct sta *to;
    atomic_int ran, wrong_thread;
};

static void pingpong_item(void *ctx)
{
    struct pingpong *p = ctx;
    if (GetCurrentThreadId() != p->to->tid) atomic_fetch_add(&p->wrong_thread, 1);
    atomic_fetch_add(&p->ran, 1);
}

struct poster {
    struct pingpong *pp;
    int n;
    int failed;
};

static void post_many(void *ctx)
{
    struct poster *p = ctx;
    int i;
    for (i = 0; i < p->n; i++)
        if (FAILED(comrt__apt_post(p->pp->to->apt, pingpong_item, p->pp))) p->failed++;
}

TEST(two_stas_post_to_each_other)
{
    struct sta a, b;
    struct pingpong to_a = {0}, to_b = {0};
    struct poster from_a = {0}, from_b = {0};
    long long t0;

    start_sta(&a);
    start_sta(&b);
    to_a.to = &a;
    to_b.to = &b;
    from_a.pp = &to_b;
    from_a.n = 500;
    from_b.pp = &to_a;
    from_b.n = 500;
    /* A posts 500 items to B (running on A), B 500 to A. */
    CHECK_HR(comrt__apt_post(a.apt, post_many, &from_a), S_OK);
    CHECK_HR(comrt__apt_post(b.apt, post_many, &from_b), S_OK);
    t0 = now_ms();
    while ((atomic_load(&to_a.ran) < 500 || atomic_load(&to_b.ran) < 500) && now_ms() - t0 < 10000) sleep_ms(5);
    CHECK_INT(atomic_load(&to_a.ran), 500);
    CHECK_INT(atomic_load(&to_b.ran), 500);
    CHECK_INT(atomic_load(&to_a.wrong_thread), 0);
    CHECK_INT(atomic_load(&to_b.wrong_thread), 0);
    CHECK_INT(from_a.failed + from_b.failed, 0);
    stop_sta(&a);
    stop_sta(&b);
}

static void count_item(void *ctx)
{
    atomic_fetch_add((atomic_int *)ctx, 1);
}

/* ---- CoWaitForMultipleHandles ---------------------------------------------- */

struct setter {
    HANDLE e;
    DWORD tid;
};

static void set_event_item(void *ctx)
{
    struct setter *s = ctx;
    s->tid = GetCurrentThreadId();
    SetEvent(s->e);
}

struct cowait_case {
    comrt_apartment *apt;
    HANDLE ready;
    struct setter setter;
    HRESULT hr;
    DWORD index;
    DWORD tid;
};

static void *cowait_sta_main(void *arg)
{
    struct cowait_case *c = arg;
    HANDLE hs[2];
    c->tid = GetCurrentThreadId();
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    comrt__apt_current(&c->apt);
    hs[0] = CreateEventW(NULL, FALSE, FALSE, NULL); /* never set */
    hs[1] = c->setter.e;
    SetEvent(c->ready);
    c->index = 77;
    c->hr = CoWaitForMultipleHandles(0, 5000, 2, hs, &c->index);
    CloseHandle(hs[0]);
    CoUninitialize();
    return NULL;
}

TEST(cowait_dispatches_calls)
{
    struct cowait_case c = {0};
    pthread_t th;

    c.ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    c.setter.e = CreateEventW(NULL, FALSE, FALSE, NULL);
    pthread_create(&th, NULL, cowait_sta_main, &c);
    WaitForSingleObject(c.ready, INFINITE);
    /* Only the STA, while it waits, can run this item, and only the item
     * ends the wait. */
    CHECK_HR(comrt__apt_post(c.apt, set_event_item, &c.setter), S_OK);
    pthread_join(th, NULL);
    CHECK_HR(c.hr, S_OK);
    CHECK_INT(c.index, 1);
    CHECK_INT(c.setter.tid, c.tid);
    comrt__apt_release(c.apt);
    CloseHandle(c.ready);
    CloseHandle(c.setter.e);
}

static void *cowait_mta_main(void *arg)
{
    struct cowait_case *c = arg;
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    DWORD idx = 5;
    long long t0;
    (void)c;

    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    t0 = now_ms();
    CHECK_HR(CoWaitForMultipleHandles(0, 100, 1, &e, &idx), RPC_S_CALLPENDING);
    CHECK(now_ms() - t0 >= 100);
    CHECK_INT(idx, 0); /* written before the wait */
    SetEvent(e);
    CHECK_HR(CoWaitForMultipleHandles(0, 100, 1, &e, &idx), S_OK);
    CHECK_INT(idx, 0);
    CoUninitialize();
    CloseHandle(e);
    return NULL;
}

TEST(cowait_codes_and_timeouts)
{
    HANDLE h[3];
    DWORD idx = 42;
    long long t0;
    struct cowait_case unused = {0};

    h[0] = CreateEventW(NULL, FALSE, FALSE, NULL);
    h[1] = CreateEventW(NULL, TRUE, TRUE, NULL);
    h[2] = CreateEventW(NULL, FALSE, TRUE, NULL);
    /* Outside any apartment it only waits. */
    CHECK_HR(CoWaitForMultipleHandles(0, 0, 0, h, &idx), RPC_E_NO_SYNC);
    CHECK_HR(CoWaitForMultipleHandles(0, 0, 1, NULL, &idx), E_INVALIDARG);
    CHECK_HR(CoWaitForMultipleHandles(0, 0, 1, h, NULL), E_INVALIDARG);
    CHECK_HR(CoWaitForMultipleHandles(0, 0, 1, h, &idx), RPC_S_CALLPENDING);
    t0 = now_ms();
    CHECK_HR(CoWaitForMultipleHandles(0, 120, 1, h, &idx), RPC_S_CALLPENDING);
    CHECK(now_ms() - t0 >= 120);
    CHECK_HR(CoWaitForMultipleHandles(0, 0, 3, h, &idx), S_OK);
    CHECK_INT(idx, 1);
    CHECK_HR(CoWaitForMultipleHandles(COWAIT_WAITALL, 0, 3, h, &idx), RPC_S_CALLPENDING);
    SetEvent(h[0]);
    idx = 42;
    CHECK_HR(CoWaitForMultipleHandles(COWAIT_WAITALL, 0, 3, h, &idx), S_OK);
    CHECK_INT(idx, 0);
    CHECK_INT(WaitForSingleObject(h[0], 0), WAIT_TIMEOUT); /* auto-reset ones taken */
    CHECK_INT(WaitForSingleObject(h[2], 0), WAIT_TIMEOUT);
    {
        HANDLE bad = (HANDLE)(uintptr_t)0x999990;
        CHECK_HR(CoWaitForMultipleHandles(0, 0, 1, &bad, &idx), E_HANDLE);
    }
    on_thread(cowait_mta_main, &unused);
    CloseHandle(h[0]);
    CloseHandle(h[1]);
    CloseHandle(h[2]);
}

/* In an STA, COWAIT_WAITALL is MsgWaitForMultipleObjectsEx's MWMO_WAITALL:
 * all handles and a queued call at once; the call stays queued. */
static void *cowait_sta_waitall_main(void *arg)
{
    atomic_int *ran = arg;
    HANDLE h[MAXIMUM_WAIT_OBJECTS];
    comrt_apartment *cur = NULL;
    DWORD idx = 9;
    int i;

    for (i = 0; i < MAXIMUM_WAIT_OBJECTS; i++) h[i] = CreateEventW(NULL, FALSE, TRUE, NULL);
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    comrt__apt_current(&cur);
    CHECK_HR(CoWaitForMultipleHandles(COWAIT_WAITALL, 30, 2, h, &idx), RPC_S_CALLPENDING);
    CHECK_INT(WaitForSingleObject(h[0], 0), WAIT_OBJECT_0); /* nothing taken */
    SetEvent(h[0]);
    CHECK_HR(comrt__apt_post(cur, count_item, ran), S_OK);
    idx = 9;
    CHECK_HR(CoWaitForMultipleHandles(COWAIT_WAITALL, 30, 2, h, &idx), S_OK);
    CHECK_INT(idx, 0);
    CHECK_INT(atomic_load(ran), 0); /* the call was not run ... */
    CHECK_INT(WaitForSingleObject(h[1], 0), WAIT_TIMEOUT); /* ... the events were taken */
    CHECK_HR(ComrtPumpApartment(0), S_OK);
    CHECK_INT(atomic_load(ran), 1);
    /* Without WAITALL a queued call runs and the wait goes on. */
    CHECK_HR(comrt__apt_post(cur, count_item, ran), S_OK);
    CHECK_HR(CoWaitForMultipleHandles(0, 30, 1, h, &idx), RPC_S_CALLPENDING);
    CHECK_INT(atomic_load(ran), 2);
    /* An STA waits on at most 63 handles (one slot is its queue's). */
    CHECK_HR(CoWaitForMultipleHandles(0, 0, MAXIMUM_WAIT_OBJECTS, h, &idx), E_INVALIDARG);
    CHECK_HR(CoWaitForMultipleHandles(0, 0, MAXIMUM_WAIT_OBJECTS - 1, h, &idx), S_OK);
    CHECK_INT(idx, 2);
    comrt__apt_release(cur);
    CoUninitialize();
    for (i = 0; i < MAXIMUM_WAIT_OBJECTS; i++) CloseHandle(h[i]);
    return NULL;
}

TEST(cowait_sta_waitall)
{
    atomic_int ran = 0;
    on_thread(cowait_sta_waitall_main, &ran);
}

/* ---- Pumping ---------------------------------------------------------------- */

static void *pump_main(void *arg)
{
    atomic_int *n = arg;
    comrt_apartment *cur = NULL;
    int fd = -1;
    struct pollfd pfd;
    long long t0;

    CHECK_HR(ComrtPumpApartment(0), RPC_E_WRONG_THREAD);
    CHECK_HR(ComrtGetApartmentFd(&fd), RPC_E_WRONG_THREAD);
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    CHECK_HR(ComrtGetApartmentFd(&fd), S_OK);
    comrt__apt_current(&cur);
    CHECK_HR(ComrtPumpApartment(0), S_FALSE);
    pfd.fd = fd;
    pfd.events = POLLIN;
    CHECK_INT(poll(&pfd, 1, 0), 0); /* nothing queued: not readable */
    CHECK_HR(comrt__apt_post(cur, count_item, n), S_OK);
    CHECK_HR(comrt__apt_post(cur, count_item, n), S_OK);
    CHECK_INT(atomic_load(n), 0); /* posting does not run */
    CHECK_INT(poll(&pfd, 1, 0), 1);
    CHECK_HR(ComrtPumpApartment(0), S_OK);
    CHECK_INT(atomic_load(n), 2);
    CHECK_INT(poll(&pfd, 1, 0), 0);
    t0 = now_ms();
    CHECK_HR(ComrtPumpApartment(80), S_FALSE);
    CHECK(now_ms() - t0 >= 80);
    comrt__apt_release(cur);
    CoUninitialize();
    return NULL;
}

TEST(pump)
{
    atomic_int n = 0;
    on_thread(pump_main, &n);
}

/* ComrtPumpApartment with a timeout runs calls posted while it waits. */
struct pump_wait {
    comrt_apartment *apt;
    HANDLE ready;
    HRESULT hr;
    atomic_int n;
};

static void *pump_wait_main(void *arg)
{
    struct pump_wait *p = arg;
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    comrt__apt_current(&p->apt);
    SetEvent(p->ready);
    p->hr = ComrtPumpApartment(1000);
    CoUninitialize();
    return NULL;
}

TEST(pump_with_timeout_runs_arrivals)
{
    struct pump_wait p = {0};
    pthread_t th;
    long long t0;

    p.ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    pthread_create(&th, NULL, pump_wait_main, &p);
    WaitForSingleObject(p.ready, INFINITE);
    t0 = now_ms();
    sleep_ms(50);
    CHECK_HR(comrt__apt_post(p.apt, count_item, &p.n), S_OK);
    while (atomic_load(&p.n) == 0 && now_ms() - t0 < 900) sleep_ms(5);
    CHECK_INT(atomic_load(&p.n), 1); /* ran while the pump waited, not at its end */
    CHECK_MSG(now_ms() - t0 < 900, "the call waited for the end of the pump");
    pthread_join(th, NULL);
    CHECK_HR(p.hr, S_OK);
    comrt__apt_release(p.apt);
    CloseHandle(p.ready);
}

/* ---- Shutdown ---------------------------------------------------------------- */

struct shutdown_case {
    comrt_apartment *apt;
    DWORD tid;
    HANDLE ready, go;
    char log[64];
    atomic_int len;
    DWORD hook_tid[3];
    int items_ran;
    DWORD item_tid_bad;
    HRESULT late_post_hr, late_hook_hr;
    BOOL skip_uninit; /* exit the thread without CoUninitialize */
};

static void log_char(struct shutdown_case *c, char ch)
{
    int i = atomic_fetch_add(&c->len, 1);
    if (i < (int)sizeof c->log - 1) c->log[i] = ch;
}

static void queued_item(void *ctx)
{
    struct shutdown_case *c = ctx;
    if (GetCurrentThreadId() != c->tid) c->item_tid_bad++;
    c->items_ran++;
    if (c->items_ran == 1) log_char(c, 'i');
}

static struct shutdown_case *g_hook_case;
static void late_item(void *ctx)
{
    (void)ctx;
}
static void hook(void *ctx)
{
    struct shutdown_case *c = g_hook_case;
    int which = (int)(intptr_t)ctx;
    ULONG64 cookie;
    c->hook_tid[which] = GetCurrentThreadId();
    log_char(c, (char)('1' + which));
    if (which == 2) {
        /* Hooks run after the drain: posts are refused now, and so are new hooks. */
        c->late_post_hr = comrt__apt_post(c->apt, late_item, NULL);
        c->late_hook_hr = comrt__apt_on_uninit(c->apt, hook, (void *)(intptr_t)0, &cookie);
    }
}
static void never_hook(void *ctx)
{
    log_char(ctx, 'X');
}

static void *shutdown_sta_main(void *arg)
{
    struct shutdown_case *c = arg;
    ULONG64 cookies[4];
    int i;

    c->tid = GetCurrentThreadId();
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    comrt__apt_current(&c->apt);
    for (i = 0; i < 3; i++) comrt__apt_on_uninit(c->apt, hook, (void *)(intptr_t)i, &cookies[i]);
    comrt__apt_on_uninit(c->apt, never_hook, c, &cookies[3]);
    comrt__apt_cancel_uninit(c->apt, cookies[3]);
    SetEvent(c->ready);
    /* Not pumping: the items queue up. */
    WaitForSingleObject(c->go, INFINITE);
    if (c->skip_uninit) return NULL;
    CoUninitialize();
    log_char(c, 'u'); /* still in: one init left */
    CoUninitialize();
    return NULL;
}

static void run_shutdown_case(BOOL skip_uninit)
{
    struct shutdown_case c;
    pthread_t th;
    int i;
    struct where w = {0};

    memset(&c, 0, sizeof c);
    g_hook_case = &c;
    c.skip_uninit = skip_uninit;
    c.ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    c.go = CreateEventW(NULL, TRUE, FALSE, NULL);
    pthread_create(&th, NULL, shutdown_sta_main, &c);
    WaitForSingleObject(c.ready, INFINITE);
    for (i = 0; i < 100; i++) CHECK_HR(comrt__apt_post(c.apt, queued_item, &c), S_OK);
    SetEvent(c.go);
    pthread_join(th, NULL);
    CHECK_INT(c.items_ran, 100);
    CHECK_INT(c.item_tid_bad, 0);
    c.log[c.len < 63 ? c.len : 63] = 0;
    /* The items first (on the last uninit), then hooks newest first. */
    CHECK_MSG(strcmp(c.log, skip_uninit ? "i321" : "ui321") == 0, "log \"%s\"", c.log);
    for (i = 0; i < 3; i++) CHECK_INT(c.hook_tid[i], c.tid);
    CHECK_HR(c.late_post_hr, RPC_E_DISCONNECTED);
    CHECK_HR(c.late_hook_hr, RPC_E_DISCONNECTED);
    /* After: the apartment refuses items and calls; we still hold it. */
    CHECK_HR(comrt__apt_post(c.apt, queued_item, &c), RPC_E_DISCONNECTED);
    CHECK_HR(comrt__apt_call(c.apt, record_where, &w), RPC_E_DISCONNECTED);
    CHECK_INT(w.runs, 0);
    CHECK_INT(c.items_ran, 100);
    comrt__apt_release(c.apt);
    CloseHandle(c.ready);
    CloseHandle(c.go);
}

TEST(shutdown_with_items_queued)
{
    run_shutdown_case(FALSE);
}

TEST(thread_exit_without_uninit)
{
    run_shutdown_case(TRUE);
}

static void *exit_in_mta_main(void *arg)
{
    (void)arg;
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    return NULL; /* no CoUninitialize */
}

TEST(mta_thread_exit_without_uninit)
{
    APTTYPE t;
    APTTYPEQUALIFIER q;
    on_thread(exit_in_mta_main, NULL);
    /* Its MTA reference went with it: no MTA left. */
    CHECK_HR(CoGetApartmentType(&t, &q), CO_E_NOTINITIALIZED);
}

/* The MTA, kept by a reference: items and hooks run, in the MTA, when the
 * last reference goes. */
struct mta_shutdown {
    comrt_apartment *mta;
    atomic_int items;
    int hook_runs;
    HRESULT hook_type_hr;
    APTTYPE hook_type;
    HRESULT late_post_hr;
};

static void mta_slow_item(void *ctx)
{
    struct mta_shutdown *m = ctx;
    sleep_ms(20);
    atomic_fetch_add(&m->items, 1);
}

static void mta_hook(void *ctx)
{
    struct mta_shutdown *m = ctx;
    APTTYPEQUALIFIER q;
    m->hook_runs++;
    m->hook_type_hr = CoGetApartmentType(&m->hook_type, &q);
    m->late_post_hr = comrt__apt_post(m->mta, mta_slow_item, m);
}

TEST(mta_shutdown)
{
    struct mta_shutdown m = {0};
    ULONG64 cookie;
    APTTYPE t;
    APTTYPEQUALIFIER q;
    int i;

    CHECK_HR(comrt__apt_mta(&m.mta), S_OK);
    if (!m.mta) return;
    /* Its existence makes this thread's apartment the implicit MTA. */
    CHECK_HR(CoGetApartmentType(&t, &q), S_OK);
    CHECK_INT(q, APTTYPEQUALIFIER_IMPLICIT_MTA);
    CHECK(comrt__apt_is_current(m.mta));
    CHECK_HR(comrt__apt_on_uninit(m.mta, mta_hook, &m, &cookie), S_OK);
    for (i = 0; i < 10; i++) CHECK_HR(comrt__apt_post(m.mta, mta_slow_item, &m), S_OK);
    comrt__apt_release(m.mta);
    /* Every accepted item ran before the hook; the hook saw the MTA. */
    CHECK_INT(atomic_load(&m.items), 10);
    CHECK_INT(m.hook_runs, 1);
    CHECK_HR(m.hook_type_hr, S_OK);
    CHECK_INT(m.hook_type, APTTYPE_MTA);
    CHECK_HR(m.late_post_hr, RPC_E_DISCONNECTED);
    CHECK_HR(CoGetApartmentType(&t, &q), CO_E_NOTINITIALIZED);
}

/* The MTA's last reference released on an STA's thread: the MTA's items
 * and hooks still run in the MTA, not on that STA. */
struct mta_release_on_sta {
    DWORD sta_tid, item_tid, hook_tid;
    HANDLE done;
};

static void record_item_tid(void *ctx)
{
    struct mta_release_on_sta *m = ctx;
    sleep_ms(20);
    m->item_tid = GetCurrentThreadId();
}

static void record_hook_tid(void *ctx)
{
    struct mta_release_on_sta *m = ctx;
    m->hook_tid = GetCurrentThreadId();
    SetEvent(m->done);
}

static void *release_mta_on_sta_main(void *arg)
{
    struct mta_release_on_sta *m = arg;
    comrt_apartment *mta = NULL;
    ULONG64 cookie;

    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    m->sta_tid = GetCurrentThreadId();
    CHECK_HR(comrt__apt_mta(&mta), S_OK);
    if (mta) {
        CHECK_HR(comrt__apt_on_uninit(mta, record_hook_tid, m, &cookie), S_OK);
        CHECK_HR(comrt__apt_post(mta, record_item_tid, m), S_OK);
        comrt__apt_release(mta);
    }
    CoUninitialize();
    return NULL;
}

TEST(mta_released_on_sta_thread)
{
    struct mta_release_on_sta m = {0};

    m.done = CreateEventW(NULL, TRUE, FALSE, NULL);
    on_thread(release_mta_on_sta_main, &m);
    CHECK_INT(WaitForSingleObject(m.done, 10000), WAIT_OBJECT_0);
    CHECK(m.item_tid != 0 && m.item_tid != m.sta_tid);
    CHECK(m.hook_tid != 0 && m.hook_tid != m.sta_tid);
    CloseHandle(m.done);
}

/* ---- The host STA -------------------------------------------------------- */

TEST(host_sta)
{
    comrt_apartment *h1 = NULL, *h2 = NULL;
    struct where w = {0};

    CHECK_HR(comrt__apt_host_sta(&h1), S_OK);
    CHECK_HR(comrt__apt_host_sta(&h2), S_OK);
    CHECK(h1 && h1 == h2);
    if (!h1 || !h2) return;
    CHECK_INT(comrt__apt_type(h1), APTTYPE_STA);
    CHECK(!comrt__apt_is_current(h1));
    CHECK_HR(comrt__apt_call(h1, record_where, &w), S_OK);
    CHECK_INT(w.runs, 1);
    CHECK(w.tid != 0 && w.tid != GetCurrentThreadId());
    CHECK_HR(w.type_hr, S_OK);
    CHECK(w.t == APTTYPE_STA || w.t == APTTYPE_MAINSTA);
    comrt__apt_release(h1);
    comrt__apt_release(h2);
}

/* ---- Stress ---------------------------------------------------------------- */

enum { STRESS_THREADS = 4, STRESS_POSTS = 10000 };

struct stress {
    comrt_apartment *apt;
    DWORD tid; /* 0: any thread (the MTA) */
    unsigned char ran[STRESS_THREADS * STRESS_POSTS];
    atomic_int total, wrong_thread, post_failed;
    HANDLE all_done;
};

struct stress_item {
    struct stress *s;
    int index;
};

static struct stress_item g_items[STRESS_THREADS * STRESS_POSTS];

static void stress_item_fn(void *ctx)
{
    struct stress_item *it = ctx;
    struct stress *s = it->s;
    if (s->tid && GetCurrentThreadId() != s->tid) atomic_fetch_add(&s->wrong_thread, 1);
    s->ran[it->index]++; /* each index belongs to one item: no race unless an item runs twice at once */
    if (atomic_fetch_add(&s->total, 1) + 1 == STRESS_THREADS * STRESS_POSTS) SetEvent(s->all_done);
}

struct stress_poster {
    struct stress *s;
    int first;
};

static void *stress_poster_main(void *arg)
{
    struct stress_poster *p = arg;
    int i;
    for (i = 0; i < STRESS_POSTS; i++) {
        struct stress_item *it = &g_items[p->first + i];
        it->s = p->s;
        it->index = p->first + i;
        if (FAILED(comrt__apt_post(p->s->apt, stress_item_fn, it))) atomic_fetch_add(&p->s->post_failed, 1);
    }
    return NULL;
}

static void run_stress(struct stress *s)
{
    pthread_t th[STRESS_THREADS];
    struct stress_poster p[STRESS_THREADS];
    int i, wrong = 0;

    s->all_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    for (i = 0; i < STRESS_THREADS; i++) {
        p[i].s = s;
        p[i].first = i * STRESS_POSTS;
        pthread_create(&th[i], NULL, stress_poster_main, &p[i]);
    }
    for (i = 0; i < STRESS_THREADS; i++) pthread_join(th[i], NULL);
    CHECK_INT(WaitForSingleObject(s->all_done, 60000), WAIT_OBJECT_0);
    CHECK_INT(atomic_load(&s->post_failed), 0);
    CHECK_INT(atomic_load(&s->wrong_thread), 0);
    for (i = 0; i < STRESS_THREADS * STRESS_POSTS; i++)
        if (s->ran[i] != 1) wrong++;
    CHECK_MSG(wrong == 0, "%d items did not run exactly once", wrong);
    CloseHandle(s->all_done);
}

TEST(stress_sta)
{
    static struct stress s;
    struct sta sta;

    start_sta(&sta);
    memset(&s, 0, sizeof s);
    s.apt = sta.apt;
    s.tid = sta.tid;
    run_stress(&s);
    stop_sta(&sta);
    CHECK_INT(atomic_load(&s.total), STRESS_THREADS * STRESS_POSTS);
}

TEST(stress_mta)
{
    static struct stress s;

    memset(&s, 0, sizeof s);
    CHECK_HR(comrt__apt_mta(&s.apt), S_OK);
    if (!s.apt) return;
    run_stress(&s);
    comrt__apt_release(s.apt);
    CHECK_INT(atomic_load(&s.total), STRESS_THREADS * STRESS_POSTS);
}

/* An MTA item that waits for a later MTA item does not deadlock: a second
 * worker starts when the first is busy. */
struct chain {
    HANDLE e;
    DWORD r;
    HANDLE done;
};

static void chain_waiter(void *ctx)
{
    struct chain *c = ctx;
    c->r = WaitForSingleObject(c->e, 5000);
    SetEvent(c->done);
}

static void chain_setter(void *ctx)
{
    SetEvent(((struct chain *)ctx)->e);
}

TEST(mta_item_waits_for_later_item)
{
    struct chain c;
    comrt_apartment *mta = NULL;

    c.e = CreateEventW(NULL, TRUE, FALSE, NULL);
    c.done = CreateEventW(NULL, TRUE, FALSE, NULL);
    c.r = 0xDEAD;
    CHECK_HR(comrt__apt_mta(&mta), S_OK);
    if (!mta) return;
    CHECK_HR(comrt__apt_post(mta, chain_waiter, &c), S_OK);
    CHECK_HR(comrt__apt_post(mta, chain_setter, &c), S_OK);
    CHECK_INT(WaitForSingleObject(c.done, 10000), WAIT_OBJECT_0);
    CHECK_INT(c.r, WAIT_OBJECT_0);
    comrt__apt_release(mta);
    CloseHandle(c.e);
    CloseHandle(c.done);
}

int main(void)
{
    RUN(codes_and_counting);
    RUN(implicit_mta_and_main_sta);
    RUN(mta_calls_into_sta);
    RUN(sta_calls_into_mta);
    RUN(call_in_own_apartment);
    RUN(reentrant_callback);
    RUN(two_stas_post_to_each_other);
    RUN(cowait_dispatches_calls);
    RUN(cowait_codes_and_timeouts);
    RUN(cowait_sta_waitall);
    RUN(pump);
    RUN(pump_with_timeout_runs_arrivals);
    RUN(shutdown_with_items_queued);
    RUN(thread_exit_without_uninit);
    RUN(mta_thread_exit_without_uninit);
    RUN(mta_shutdown);
    RUN(mta_item_waits_for_later_item);
    RUN(mta_released_on_sta_thread);
    RUN(stress_sta);
    RUN(stress_mta);
    RUN(host_sta);
    return comrt_test_summary();
}
