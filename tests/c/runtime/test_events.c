/*
 * test_events.c — the event handles of synchapi.h (runtime/sync.c): manual-
 * and auto-reset semantics, an auto-reset event releasing exactly one of
 * several waiting threads, WaitForMultipleObjects' lowest-index rule and
 * bWaitAll's all-or-nothing acquisition, timeouts, signals from other
 * threads, and bad, closed and stale handles answered without a crash.
 * The single-thread cases Wine also answers are in
 * tests/golden/apartment.txt.
 */
#include "../comrt_test.h"
#include <comrt/synchapi.h>

#include <pthread.h>
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

TEST(bad_handles)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE hs[2];

    CHECK(e != NULL);
    CHECK(!SetEvent(NULL));
    CHECK(!ResetEvent(NULL));
    CHECK(!CloseHandle(NULL));
    CHECK(!SetEvent((HANDLE)(uintptr_t)0x1234));
    CHECK(!SetEvent((HANDLE)(uintptr_t)0x1235));
    CHECK(!SetEvent((HANDLE)(intptr_t)-1));
    CHECK_INT(WaitForSingleObject(NULL, 0), WAIT_FAILED);
    CHECK_INT(WaitForSingleObject((HANDLE)(uintptr_t)0x40, 0), WAIT_FAILED);
    hs[0] = e;
    hs[1] = (HANDLE)(uintptr_t)0x7777770;
    CHECK_INT(WaitForMultipleObjects(2, hs, FALSE, 0), WAIT_FAILED);
    CHECK(CloseHandle(e));
    /* Closed: every use fails, a second close too. */
    CHECK(!CloseHandle(e));
    CHECK(!SetEvent(e));
    CHECK(!ResetEvent(e));
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_FAILED);
    /* Names and security attributes are not supported here. */
    CHECK(CreateEventW(NULL, TRUE, FALSE, u"name") == NULL);
}

/* A slot reused by a new event does not bring its old handle back. */
TEST(stale_handle_after_reuse)
{
    HANDLE old = CreateEventW(NULL, TRUE, TRUE, NULL), fresh;
    CHECK(CloseHandle(old));
    fresh = CreateEventW(NULL, TRUE, TRUE, NULL);
    CHECK(fresh != NULL && fresh != old);
    CHECK_INT(WaitForSingleObject(old, 0), WAIT_FAILED);
    CHECK_INT(WaitForSingleObject(fresh, 0), WAIT_OBJECT_0);
    CHECK(CloseHandle(fresh));
}

TEST(many_handles)
{
    enum { N = 2000 };
    static HANDLE hs[N];
    int i, bad = 0;

    for (i = 0; i < N; i++) {
        hs[i] = CreateEventW(NULL, FALSE, i & 1, NULL);
        if (!hs[i]) bad++;
    }
    CHECK_INT(bad, 0);
    for (i = 0; i < N; i++)
        if (WaitForSingleObject(hs[i], 0) != ((i & 1) ? WAIT_OBJECT_0 : WAIT_TIMEOUT)) bad++;
    CHECK_INT(bad, 0);
    for (i = 0; i < N; i++)
        if (!CloseHandle(hs[i])) bad++;
    CHECK_INT(bad, 0);
}

TEST(manual_reset)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);

    CHECK_INT(WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    CHECK(SetEvent(e));
    CHECK(SetEvent(e)); /* already set: still TRUE */
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_OBJECT_0);
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_OBJECT_0); /* stays signalled */
    CHECK(ResetEvent(e));
    CHECK(ResetEvent(e));
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    CHECK(CloseHandle(e));

    e = CreateEventW(NULL, TRUE, TRUE, NULL);
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_OBJECT_0);
    CHECK_INT(WaitForSingleObject(e, INFINITE), WAIT_OBJECT_0);
    CHECK(CloseHandle(e));
}

TEST(auto_reset)
{
    HANDLE e = CreateEventW(NULL, FALSE, TRUE, NULL);

    CHECK_INT(WaitForSingleObject(e, 0), WAIT_OBJECT_0);
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_TIMEOUT); /* the wait reset it */
    CHECK(SetEvent(e));
    CHECK(SetEvent(e)); /* not a counter: one release */
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_OBJECT_0);
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    CHECK(SetEvent(e));
    CHECK(ResetEvent(e));
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_TIMEOUT);
    CHECK(CloseHandle(e));
}

TEST(timeout_duration)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    long long t0 = now_ms(), dt;

    CHECK_INT(WaitForSingleObject(e, 150), WAIT_TIMEOUT);
    dt = now_ms() - t0;
    CHECK_MSG(dt >= 150 && dt < 2000, "waited %lld ms for a 150 ms timeout", dt);
    CHECK(CloseHandle(e));
}

struct waiter {
    HANDLE h[2];
    DWORD n;
    BOOL all;
    DWORD timeout;
    DWORD result;
    pthread_t th;
};

static void *waiter_main(void *arg)
{
    struct waiter *w = arg;
    w->result = WaitForMultipleObjects(w->n, w->h, w->all, w->timeout);
    return NULL;
}

static void start_waiter(struct waiter *w, HANDLE a, HANDLE b, BOOL all, DWORD timeout)
{
    w->h[0] = a;
    w->h[1] = b;
    w->n = b ? 2 : 1;
    w->all = all;
    w->timeout = timeout;
    w->result = 0xDEAD;
    pthread_create(&w->th, NULL, waiter_main, w);
}

TEST(signal_from_other_thread)
{
    HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
    struct waiter w;
    long long t0 = now_ms();

    start_waiter(&w, e, NULL, FALSE, INFINITE);
    sleep_ms(50);
    CHECK(SetEvent(e));
    pthread_join(w.th, NULL);
    CHECK_INT(w.result, WAIT_OBJECT_0);
    CHECK(now_ms() - t0 >= 50);
    CHECK_INT(WaitForSingleObject(e, 0), WAIT_TIMEOUT); /* taken by the waiter */
    CHECK(CloseHandle(e));
}

/* SetEvent on an auto-reset event with four waiters releases exactly one;
 * on a manual-reset event, all four. */
TEST(auto_reset_wakes_one)
{
    enum { N = 4 };
    struct waiter w[N];
    HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
    int i, woke = 0, timed_out = 0;

    for (i = 0; i < N; i++) start_waiter(&w[i], e, NULL, FALSE, 1000);
    sleep_ms(100);
    CHECK(SetEvent(e));
    for (i = 0; i < N; i++) {
        pthread_join(w[i].th, NULL);
        if (w[i].result == WAIT_OBJECT_0) woke++;
        if (w[i].result == WAIT_TIMEOUT) timed_out++;
    }
    CHECK_INT(woke, 1);
    CHECK_INT(timed_out, N - 1);
    CHECK(CloseHandle(e));

    e = CreateEventW(NULL, TRUE, FALSE, NULL);
    woke = 0;
    for (i = 0; i < N; i++) start_waiter(&w[i], e, NULL, FALSE, 5000);
    sleep_ms(50);
    CHECK(SetEvent(e));
    for (i = 0; i < N; i++) {
        pthread_join(w[i].th, NULL);
        if (w[i].result == WAIT_OBJECT_0) woke++;
    }
    CHECK_INT(woke, N);
    CHECK(CloseHandle(e));
}

TEST(wait_any_lowest_index)
{
    HANDLE h[3];
    h[0] = CreateEventW(NULL, FALSE, FALSE, NULL);
    h[1] = CreateEventW(NULL, FALSE, TRUE, NULL);
    h[2] = CreateEventW(NULL, FALSE, TRUE, NULL);

    CHECK_INT(WaitForMultipleObjects(3, h, FALSE, 0), WAIT_OBJECT_0 + 1);
    /* Only the reported one was taken. */
    CHECK_INT(WaitForMultipleObjects(3, h, FALSE, 0), WAIT_OBJECT_0 + 2);
    CHECK_INT(WaitForMultipleObjects(3, h, FALSE, 0), WAIT_TIMEOUT);
    CHECK(SetEvent(h[2]));
    CHECK(SetEvent(h[0]));
    CHECK_INT(WaitForMultipleObjects(3, h, FALSE, 0), WAIT_OBJECT_0);
    CHECK_INT(WaitForMultipleObjects(3, h, FALSE, 0), WAIT_OBJECT_0 + 2);
    CHECK_INT(WaitForMultipleObjects(0, h, FALSE, 0), WAIT_FAILED);
    CHECK_INT(WaitForMultipleObjects(1, NULL, FALSE, 0), WAIT_FAILED);
    CHECK_INT(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, h, FALSE, 0), WAIT_FAILED);
    CHECK(CloseHandle(h[0]) && CloseHandle(h[1]) && CloseHandle(h[2]));
}

TEST(wait_all_single_thread)
{
    HANDLE h[2], dup[2];
    h[0] = CreateEventW(NULL, FALSE, TRUE, NULL); /* auto, set */
    h[1] = CreateEventW(NULL, TRUE, FALSE, NULL); /* manual, not set */

    /* Not all set: nothing is taken. */
    CHECK_INT(WaitForMultipleObjects(2, h, TRUE, 0), WAIT_TIMEOUT);
    CHECK_INT(WaitForMultipleObjects(2, h, TRUE, 30), WAIT_TIMEOUT);
    CHECK(SetEvent(h[1]));
    CHECK_INT(WaitForMultipleObjects(2, h, TRUE, 0), WAIT_OBJECT_0);
    /* The auto-reset one was taken, the manual one stays set. */
    CHECK_INT(WaitForSingleObject(h[0], 0), WAIT_TIMEOUT);
    CHECK_INT(WaitForSingleObject(h[1], 0), WAIT_OBJECT_0);
    /* One object twice in a wait-all is refused. */
    dup[0] = dup[1] = h[1];
    CHECK_INT(WaitForMultipleObjects(2, dup, TRUE, 0), WAIT_FAILED);
    CHECK_INT(WaitForMultipleObjects(2, dup, FALSE, 0), WAIT_OBJECT_0);
    CHECK(CloseHandle(h[0]) && CloseHandle(h[1]));
}

/* A thread waiting for all of {A, B} takes neither while only A is set, so
 * another thread can take A meanwhile; when both are set it takes both at
 * once. */
TEST(wait_all_atomic_across_threads)
{
    HANDLE a = CreateEventW(NULL, FALSE, FALSE, NULL), b = CreateEventW(NULL, FALSE, FALSE, NULL);
    struct waiter w;

    start_waiter(&w, a, b, TRUE, 5000);
    sleep_ms(50);
    CHECK(SetEvent(a));
    sleep_ms(50);
    CHECK_INT(w.result, 0xDEAD); /* still waiting */
    CHECK_INT(WaitForSingleObject(a, 0), WAIT_OBJECT_0); /* A was left alone */
    CHECK(SetEvent(b));
    sleep_ms(50);
    CHECK_INT(w.result, 0xDEAD);
    CHECK(SetEvent(a));
    pthread_join(w.th, NULL);
    CHECK_INT(w.result, WAIT_OBJECT_0);
    CHECK_INT(WaitForSingleObject(a, 0), WAIT_TIMEOUT);
    CHECK_INT(WaitForSingleObject(b, 0), WAIT_TIMEOUT);
    CHECK(CloseHandle(a) && CloseHandle(b));
}

/* Two wait-all threads competing for the same pair of auto-reset events:
 * each release of the pair goes to exactly one of them. */
TEST(wait_all_competing)
{
    HANDLE a = CreateEventW(NULL, FALSE, FALSE, NULL), b = CreateEventW(NULL, FALSE, FALSE, NULL);
    struct waiter w1, w2;
    int got;

    start_waiter(&w1, a, b, TRUE, 1000);
    start_waiter(&w2, b, a, TRUE, 1000);
    sleep_ms(50);
    CHECK(SetEvent(a) && SetEvent(b));
    pthread_join(w1.th, NULL);
    pthread_join(w2.th, NULL);
    got = (w1.result == WAIT_OBJECT_0) + (w2.result == WAIT_OBJECT_0);
    CHECK_INT(got, 1);
    CHECK_INT((w1.result == WAIT_TIMEOUT) + (w2.result == WAIT_TIMEOUT), 1);
    CHECK(CloseHandle(a) && CloseHandle(b));
}

/* Closing a handle another thread waits on ends the handle, not the wait. */
TEST(close_during_wait)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    struct waiter w;

    start_waiter(&w, e, NULL, FALSE, 200);
    sleep_ms(50);
    CHECK(CloseHandle(e));
    pthread_join(w.th, NULL);
    CHECK_INT(w.result, WAIT_TIMEOUT);
}

static void *tid_main(void *arg)
{
    *(DWORD *)arg = GetCurrentThreadId();
    return NULL;
}

TEST(ids)
{
    DWORD other = 0;
    pthread_t th;

    pthread_create(&th, NULL, tid_main, &other);
    pthread_join(th, NULL);
    CHECK(GetCurrentThreadId() != 0);
    CHECK(other != 0 && other != GetCurrentThreadId());
    CHECK_INT(GetCurrentThreadId(), GetCurrentThreadId());
    CHECK_INT(GetCurrentProcessId(), (DWORD)getpid());
    CHECK_INT(GetCurrentThreadId(), (DWORD)getpid()); /* the main thread's id is the pid */
}

int main(void)
{
    RUN(bad_handles);
    RUN(stale_handle_after_reuse);
    RUN(many_handles);
    RUN(manual_reset);
    RUN(auto_reset);
    RUN(timeout_duration);
    RUN(signal_from_other_thread);
    RUN(auto_reset_wakes_one);
    RUN(wait_any_lowest_index);
    RUN(wait_all_single_thread);
    RUN(wait_all_atomic_across_threads);
    RUN(wait_all_competing);
    RUN(close_during_wait);
    RUN(ids);
    return comrt_test_summary();
}
