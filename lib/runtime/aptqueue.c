/*
 * runtime/aptqueue.c — what runs in an apartment: the work queue every
 * apartment has (fn + ctx items, one allocation each), posting and calling
 * into it, pumping an STA's queue (ComrtPumpApartment, and while an STA
 * waits in CoWaitForMultipleHandles or in a call to another apartment), the
 * MTA's worker threads, the uninit hooks and the shutdown sequence.
 *
 * Linux has no window messages, so an STA's queue is a list under the
 * apartment's lock plus an eventfd that is readable while the list is not
 * empty: the STA's thread can poll() it together with event handles and a
 * call's completion.  No lock is held while an item or hook runs, so items
 * may post, call and pump (re-entrantly) as they like; nesting is bounded
 * only by the stack.
 *
 * The MTA has no thread of its own: its items are run by workers started
 * when an item arrives and every worker is busy (up to MTA_MAX_WORKERS),
 * which leave after MTA_IDLE_MS without work or when the MTA dies.
 */
#define COBJMACROS
#include "apartment_priv.h"
#include "sync_internal.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <linux/futex.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Workers the MTA may run at once.  An MTA item that blocks until a later
 * item runs needs a second worker; beyond this many blocked at once, later
 * items wait for one to finish. */
#define MTA_MAX_WORKERS 8
/* How long an idle worker waits for work before it leaves. */
#define MTA_IDLE_MS 2000

/* Makes the eventfd readable (the queue became non-empty).  apt->lock held. */
static void efd_raise(comrt_apartment *apt)
{
    uint64_t one = 1;
    ssize_t r;

    if (apt->efd < 0) return;
    r = write(apt->efd, &one, sizeof one);
    (void)r;
}

/* Makes the eventfd unreadable (the queue became empty).  apt->lock held. */
static void efd_lower(comrt_apartment *apt)
{
    uint64_t v;
    ssize_t r;

    if (apt->efd < 0) return;
    r = read(apt->efd, &v, sizeof v);
    (void)r;
}

/* Starts one MTA worker.  apt->lock held. */
static HRESULT start_worker_locked(comrt_apartment *apt)
{
    HRESULT hr = E_OUTOFMEMORY;
    pthread_attr_t attr;
    pthread_t th;

    if (pthread_attr_init(&attr) != 0) goto out;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    atomic_fetch_add(&apt->mem, 1); /* the worker's */
    if (pthread_create(&th, &attr, comrt__apt_worker_main, apt) != 0) {
        atomic_fetch_sub(&apt->mem, 1); /* never the last: the caller holds a reference */
    } else {
        apt->workers++;
        hr = S_OK;
    }
    pthread_attr_destroy(&attr);
out:
    return hr;
}

HRESULT comrt__apt_enqueue(comrt_apartment *apt, comrt_apt_fn fn, void *ctx)
{
    HRESULT hr = S_OK;
    struct apt_item *it = malloc(sizeof *it);

    if (!it) return E_OUTOFMEMORY;
    it->next = NULL;
    it->fn = fn;
    it->ctx = ctx;

    pthread_mutex_lock(&apt->lock);
    if (apt->state != APT_ALIVE) {
        hr = RPC_E_DISCONNECTED;
        goto out_locked;
    }
    if (apt->type == APTTYPE_MTA && apt->queued + 1 > apt->idle && apt->workers < MTA_MAX_WORKERS) {
        /* More items than idle workers: one more worker, so an item that
         * waits for a later one does not wait forever.  Failing to start
         * one matters only when there is none. */
        if (FAILED(start_worker_locked(apt)) && apt->workers == 0) {
            hr = E_OUTOFMEMORY;
            goto out_locked;
        }
    }
    if (apt->tail) apt->tail->next = it;
    else apt->head = it;
    apt->tail = it;
    if (apt->queued++ == 0) efd_raise(apt);
    if (apt->type == APTTYPE_MTA) pthread_cond_signal(&apt->cond);
    it = NULL;
out_locked:
    pthread_mutex_unlock(&apt->lock);
    free(it);
    return hr;
}

/* Takes the oldest item, or NULL.  apt->lock held. */
static struct apt_item *pop_locked(comrt_apartment *apt)
{
    struct apt_item *it = apt->head;

    if (!it) return NULL;
    apt->head = it->next;
    if (!apt->head) apt->tail = NULL;
    if (--apt->queued == 0) efd_lower(apt);
    return it;
}

size_t comrt__apt_run_queued(comrt_apartment *apt, size_t max)
{
    size_t ran = 0;
    struct apt_item *it;

    while (ran < max) {
        pthread_mutex_lock(&apt->lock);
        it = pop_locked(apt);
        pthread_mutex_unlock(&apt->lock);
        if (!it) break;
        it->fn(it->ctx);
        free(it);
        ran++;
    }
    return ran;
}

/* How many items are queued now (a snapshot). */
static size_t queued_now(comrt_apartment *apt)
{
    size_t n;

    pthread_mutex_lock(&apt->lock);
    n = apt->queued;
    pthread_mutex_unlock(&apt->lock);
    return n;
}

void comrt__apt_shutdown(comrt_apartment *apt)
{
    struct apt_tstate *ts = comrt__apt_tstate();
    /* A worker running the item that dropped the MTA's last reference is
     * itself busy: do not wait for it. */
    unsigned self_busy = ts->is_worker && ts->worker_mta == apt ? 1 : 0;
    struct apt_hook *hk;

    /* What was accepted before shutdown still runs (here, and on any MTA
     * worker that takes it first). */
    comrt__apt_run_queued(apt, SIZE_MAX);

    pthread_mutex_lock(&apt->lock);
    if (apt->type == APTTYPE_MTA) {
        while (apt->busy > self_busy || apt->head) {
            pthread_mutex_unlock(&apt->lock);
            comrt__apt_run_queued(apt, SIZE_MAX);
            pthread_mutex_lock(&apt->lock);
            if (apt->busy > self_busy) pthread_cond_wait(&apt->cond, &apt->lock);
        }
    }
    apt->state = APT_HOOKS;
    /* Newest first; a hook may cancel others (they leave the list) but may
     * not add new ones. */
    while ((hk = apt->hooks)) {
        apt->hooks = hk->next;
        pthread_mutex_unlock(&apt->lock);
        hk->fn(hk->ctx);
        free(hk);
        pthread_mutex_lock(&apt->lock);
    }
    apt->state = APT_DEAD;
    pthread_cond_broadcast(&apt->cond); /* idle workers leave */
    pthread_mutex_unlock(&apt->lock);
}

void *comrt__apt_worker_main(void *arg)
{
    comrt_apartment *apt = arg;
    struct apt_tstate *ts = comrt__apt_tstate();
    struct apt_item *it;
    struct timespec until;
    int r;

    ts->worker_mta = apt;
    ts->is_worker = TRUE;
    pthread_mutex_lock(&apt->lock);
    for (;;) {
        it = pop_locked(apt);
        if (it) {
            apt->busy++;
            pthread_mutex_unlock(&apt->lock);
            it->fn(it->ctx);
            free(it);
            pthread_mutex_lock(&apt->lock);
            apt->busy--;
            if (apt->state != APT_ALIVE) pthread_cond_broadcast(&apt->cond);
            continue;
        }
        if (apt->state != APT_ALIVE) break;
        clock_gettime(CLOCK_MONOTONIC, &until); /* the cond's clock (comrt__apt_new) */
        until.tv_sec += MTA_IDLE_MS / 1000;
        until.tv_nsec += (long)(MTA_IDLE_MS % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        apt->idle++;
        r = pthread_cond_timedwait(&apt->cond, &apt->lock, &until);
        apt->idle--;
        if (r == ETIMEDOUT && !apt->head) break;
    }
    apt->workers--;
    pthread_mutex_unlock(&apt->lock);
    ts->worker_mta = NULL;
    ts->is_worker = FALSE;
    comrt__apt_mem_release(apt);
    return NULL;
}

HRESULT comrt__apt_post(comrt_apartment *apt, comrt_apt_fn fn, void *ctx)
{
    return comrt__apt_enqueue(apt, fn, ctx);
}

/* A call in flight: the item that runs fn in the target apartment, then
 * makes done_fd readable for the waiting caller.  Lives on the caller's
 * stack; the item touches it only until that write. */
/* A call waiting for its item.  An STA caller must keep pumping, so it
 * waits in poll() for done_fd (an eventfd from its thread's cache) together
 * with its own queue; any other caller just sleeps on `done` (a futex, done_fd
 * -1): no file descriptor to make or poll for the common MTA -> STA call. */
struct apt_call {
    comrt_apt_fn fn;
    void *ctx;
    int done_fd;
    atomic_int done; /* release/acquire: what fn wrote is visible to the caller */
};

static void call_trampoline(void *arg)
{
    struct apt_call *c = arg;
    int fd = c->done_fd;
    uint64_t one = 1;
    ssize_t r;

    c->fn(c->ctx);
    atomic_store_explicit(&c->done, 1, memory_order_release);
    /* c may be gone as soon as `done` is seen: only fd and the address are
     * used from here (a wake on a reused address is a spurious wake-up,
     * which every futex waiter tolerates). */
    if (fd >= 0) {
        r = write(fd, &one, sizeof one);
        (void)r;
    } else {
        syscall(SYS_futex, &c->done, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    }
}

/* An eventfd for an STA caller's completion: one of its thread's cached
 * ones (drained when put back), else a new one; -1 when none can be made. */
static int call_fd_get(struct apt_tstate *ts)
{
    if (ts->ncall_fds) return ts->call_fds[--ts->ncall_fds];
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

static void call_fd_put(struct apt_tstate *ts, int fd)
{
    if (ts->ncall_fds < COMRT_APT_CALL_FDS)
        ts->call_fds[ts->ncall_fds++] = fd;
    else
        close(fd);
}

/* The calling thread's STA, not referenced, or NULL. */
static comrt_apartment *current_sta(void)
{
    struct apt_tstate *ts = comrt__apt_tstate();

    return ts->apt && ts->apt->type == APTTYPE_STA ? ts->apt : NULL;
}

HRESULT comrt__apt_call(comrt_apartment *apt, comrt_apt_fn fn, void *ctx)
{
    HRESULT hr;
    struct apt_call call;
    struct apt_tstate *ts = comrt__apt_tstate();
    comrt_apartment *sta;
    struct pollfd fds[2];

    if (comrt__apt_is_current(apt)) {
        fn(ctx);
        return S_OK;
    }
    sta = current_sta();
    call.fn = fn;
    call.ctx = ctx;
    atomic_init(&call.done, 0);
    call.done_fd = -1;
    if (sta) {
        call.done_fd = call_fd_get(ts);
        if (call.done_fd < 0) return E_OUTOFMEMORY;
    }
    hr = comrt__apt_enqueue(apt, call_trampoline, &call);
    if (FAILED(hr)) goto out;

    if (!sta) {
        while (!atomic_load_explicit(&call.done, memory_order_acquire))
            syscall(SYS_futex, &call.done, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
        goto out;
    }
    /* An STA caller runs its own queue meanwhile, so a call back into it
     * (or any other call to it) is served. */
    for (;;) {
        fds[0].fd = call.done_fd;
        fds[0].events = POLLIN;
        fds[0].revents = 0;
        fds[1].fd = sta->efd;
        fds[1].events = POLLIN;
        fds[1].revents = 0;
        if (poll(fds, 2, -1) < 0) {
            /* EINTR; poll cannot fail otherwise on two valid fds, and we
             * must never return while the item may still touch `call` */
            continue;
        }
        if (fds[0].revents & POLLIN) {
            /* Readable only after the trampoline's last touch of `call`;
             * the read also drains the fd for its next use. */
            uint64_t v;
            ssize_t r = read(call.done_fd, &v, sizeof v);
            (void)r;
            if (atomic_load_explicit(&call.done, memory_order_acquire)) break;
        }
        if (fds[1].revents & POLLIN) comrt__apt_run_queued(sta, queued_now(sta));
    }
out:
    if (call.done_fd >= 0) call_fd_put(ts, call.done_fd);
    return hr;
}

static void release_item(void *ctx)
{
    IUnknown_Release((IUnknown *)ctx);
}

void comrt__apt_release_in(comrt_apartment *apt, IUnknown *p)
{
    if (p && FAILED(comrt__apt_call(apt, release_item, p))) IUnknown_Release(p);
}

HRESULT comrt__apt_on_uninit(comrt_apartment *apt, comrt_apt_fn fn, void *ctx, ULONG64 *pcookie)
{
    HRESULT hr = S_OK;
    struct apt_hook *hk = malloc(sizeof *hk);

    if (!hk) return E_OUTOFMEMORY;
    hk->fn = fn;
    hk->ctx = ctx;
    pthread_mutex_lock(&apt->lock);
    if (apt->state == APT_HOOKS || apt->state == APT_DEAD) {
        hr = RPC_E_DISCONNECTED;
    } else {
        hk->cookie = apt->next_cookie++;
        hk->next = apt->hooks;
        apt->hooks = hk;
        *pcookie = hk->cookie;
        hk = NULL;
    }
    pthread_mutex_unlock(&apt->lock);
    free(hk);
    return hr;
}

void comrt__apt_cancel_uninit(comrt_apartment *apt, ULONG64 cookie)
{
    struct apt_hook **pp, *hk = NULL;

    pthread_mutex_lock(&apt->lock);
    for (pp = &apt->hooks; *pp; pp = &(*pp)->next) {
        if ((*pp)->cookie == cookie) {
            hk = *pp;
            *pp = hk->next;
            break;
        }
    }
    pthread_mutex_unlock(&apt->lock);
    free(hk);
}

/* The COWAIT_FLAGS bits. */
#define COWAIT_KNOWN_FLAGS                                                                          \
    (COWAIT_WAITALL | COWAIT_ALERTABLE | COWAIT_INPUTAVAILABLE | COWAIT_DISPATCH_CALLS |             \
     COWAIT_DISPATCH_WINDOW_MESSAGES)

/* See objbase.h.  Checks run in Wine's order (tests/golden/apartment.txt):
 * *lpdwindex is 0 from the first check on; a failed wait answers its
 * Win32 error as an HRESULT: E_HANDLE for a bad handle, E_INVALIDARG for
 * one event twice with COWAIT_WAITALL.  In an STA
 * the wait is MsgWaitForMultipleObjectsEx's, with the STA's queue as the
 * message queue: at most 63 handles, queued calls run while it waits, and
 * with COWAIT_WAITALL it ends only when every handle is signalled and a call
 * is queued at the same time (left queued, none run meanwhile), as on
 * Windows. */
WINOLEAPI CoWaitForMultipleHandles(DWORD dwFlags, DWORD dwTimeout, ULONG cHandles, LPHANDLE pHandles,
                                  LPDWORD lpdwindex)
{
    HRESULT hr;
    struct timespec deadline;
    BOOL timed, all = (dwFlags & COWAIT_WAITALL) ? TRUE : FALSE;
    comrt_apartment *sta = current_sta();
    DWORD r;

    if (!lpdwindex) {
        hr = E_INVALIDARG;
        goto out;
    }
    *lpdwindex = 0;
    if (!pHandles || (dwFlags & ~(DWORD)COWAIT_KNOWN_FLAGS)) {
        hr = E_INVALIDARG;
        goto out;
    }
    if (cHandles == 0) {
        hr = RPC_E_NO_SYNC;
        goto out;
    }
    /* MsgWaitForMultipleObjectsEx keeps one slot for the message queue. */
    if (cHandles > (sta ? MAXIMUM_WAIT_OBJECTS - 1 : MAXIMUM_WAIT_OBJECTS)) {
        hr = E_INVALIDARG;
        goto out;
    }
    timed = comrt__sync_deadline(dwTimeout, &deadline);
    for (;;) {
        r = comrt__sync_wait(cHandles, pHandles, all, timed ? &deadline : NULL, sta ? sta->efd : -1);
        if (r != COMRT_WAIT_EXTRA_FD) break;
        comrt__apt_run_queued(sta, queued_now(sta));
    }
    if (r == WAIT_TIMEOUT) {
        hr = RPC_S_CALLPENDING;
    } else if (r == WAIT_FAILED) {
        hr = errno == EBADF ? E_HANDLE : E_INVALIDARG;
    } else {
        *lpdwindex = r - WAIT_OBJECT_0;
        hr = S_OK;
    }
out:
    return hr;
}

/* See comrtext.h. */
STDAPI ComrtPumpApartment(DWORD dwTimeout)
{
    HRESULT hr;
    comrt_apartment *sta = current_sta();
    struct timespec deadline;
    BOOL timed;
    size_t ran = 0;
    struct pollfd pfd;
    int ms, r;

    if (!sta) {
        hr = RPC_E_WRONG_THREAD;
        goto out;
    }
    ran = comrt__apt_run_queued(sta, queued_now(sta));
    if (dwTimeout != 0) {
        timed = comrt__sync_deadline(dwTimeout, &deadline);
        for (;;) {
            ms = comrt__sync_poll_ms(timed ? &deadline : NULL);
            if (ms == 0) break;
            pfd.fd = sta->efd;
            pfd.events = POLLIN;
            r = poll(&pfd, 1, ms);
            if (r < 0 && errno != EINTR) break;
            if (r > 0) ran += comrt__apt_run_queued(sta, queued_now(sta));
        }
    }
    hr = ran ? S_OK : S_FALSE;
out:
    return hr;
}

/* See comrtext.h. */
STDAPI ComrtGetApartmentFd(int *pfd)
{
    HRESULT hr = S_OK;
    comrt_apartment *sta = current_sta();

    if (!pfd) {
        hr = E_POINTER;
        goto out;
    }
    if (!sta) {
        hr = RPC_E_WRONG_THREAD;
        goto out;
    }
    *pfd = sta->efd;
out:
    return hr;
}
