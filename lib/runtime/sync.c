/*
 * runtime/sync.c — kernel32's event objects (synchapi.h) on Linux eventfds,
 * and the wait loop CoWaitForMultipleHandles shares (sync_internal.h).
 *
 * An event's state (signalled or not) lives in the object under one process
 * lock; its eventfd mirrors it (counter 1 while signalled, 0 otherwise) only
 * so waiters can sleep in poll().  A waiter woken by poll() re-checks the
 * state under the lock and acquires there, so an auto-reset event released
 * by SetEvent is taken by exactly one waiter, and bWaitAll takes all of its
 * handles in one critical section or none.  Events are rarely hot in COM
 * code (they end waits, they do not carry data), so one lock is enough.
 *
 * Handles are not pointers: a HANDLE encodes a slot of a table and the
 * slot's generation, so a closed, stale or made-up handle is recognised and
 * answered FALSE / WAIT_FAILED instead of being dereferenced.  An object is
 * reference counted: a wait holds it, so CloseHandle during a wait (allowed
 * on Windows) ends the handle but not the wait.
 */
#include "sync_internal.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

/* How many handles may be open at once: a bound on the table, far above what
 * COM code keeps (Windows' per-process limit is of the same order). */
#define SYNC_MAX_HANDLES (1u << 20)

struct event {
    unsigned refs; /* handle + waits in progress; under g_lock */
    BOOL manual;
    BOOL signaled;
    int fd; /* eventfd, counter 1 iff signaled */
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static struct event **g_slots;  /* NULL = free slot */
static uint32_t *g_gens;        /* generation of each slot, bumped on close */
static uint32_t g_nslots;       /* slots in use or freed (high-water mark) */
static uint32_t g_cap;

/* The handle for slot/gen: a multiple of 4 as Windows handles are, never
 * NULL or INVALID_HANDLE_VALUE. */
static HANDLE encode_handle(uint32_t slot, uint32_t gen)
{
    uintptr_t v = (((uintptr_t)(gen & 0x3FFFFFFFu) << 24) | (uintptr_t)(slot + 1)) << 2;
    return (HANDLE)v;
}

/* The live event behind h, or NULL.  Caller holds g_lock. */
static struct event *lookup_locked(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    uint32_t slot, gen;

    if (v & 3) return NULL;
    v >>= 2;
    slot = (uint32_t)(v & 0xFFFFFFu);
    gen = (uint32_t)(v >> 24);
    if (slot == 0 || slot > g_nslots) return NULL;
    slot--;
    if (!g_slots[slot] || (g_gens[slot] & 0x3FFFFFFFu) != gen) return NULL;
    return g_slots[slot];
}

/* Drops a reference; the last one closes the fd and frees.  g_lock held. */
static void event_unref_locked(struct event *ev)
{
    if (--ev->refs == 0) {
        close(ev->fd);
        free(ev);
    }
}

/* Brings the eventfd in line with ev->signaled.  g_lock held. */
static void mirror_locked(struct event *ev)
{
    uint64_t one = 1, drain;
    ssize_t r;

    if (ev->signaled) {
        r = write(ev->fd, &one, sizeof one);
    } else {
        r = read(ev->fd, &drain, sizeof drain); /* EAGAIN when already 0 */
    }
    (void)r;
}

/* Takes a signalled event for a waiter: an auto-reset one resets.  g_lock
 * held. */
static void acquire_locked(struct event *ev)
{
    if (!ev->manual) {
        ev->signaled = FALSE;
        mirror_locked(ev);
    }
}

/* Creates an event.  Returns NULL (errno EINVAL) for a name or security
 * attributes, which this process-local implementation cannot honour; errno
 * from eventfd/malloc otherwise.  Close the handle with CloseHandle. */
STDAPI_(HANDLE) CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset, BOOL bInitialState,
                            LPCWSTR lpName)
{
    HANDLE result = NULL;
    struct event *ev = NULL;
    uint32_t slot;

    if (lpEventAttributes || lpName) {
        errno = EINVAL;
        goto out;
    }
    ev = calloc(1, sizeof *ev);
    if (!ev) goto out;
    ev->fd = eventfd(bInitialState ? 1 : 0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (ev->fd < 0) goto out;
    ev->refs = 1;
    ev->manual = bManualReset ? TRUE : FALSE;
    ev->signaled = bInitialState ? TRUE : FALSE;

    pthread_mutex_lock(&g_lock);
    for (slot = 0; slot < g_nslots; slot++)
        if (!g_slots[slot]) break;
    if (slot == g_nslots) {
        if (g_nslots == g_cap) {
            uint32_t ncap = g_cap ? g_cap * 2 : 64;
            struct event **ns;
            uint32_t *ng;
            if (ncap > SYNC_MAX_HANDLES) ncap = SYNC_MAX_HANDLES;
            if (ncap == g_cap) {
                pthread_mutex_unlock(&g_lock);
                errno = EMFILE;
                goto out;
            }
            ns = realloc(g_slots, ncap * sizeof *ns);
            if (ns) g_slots = ns;
            ng = ns ? realloc(g_gens, ncap * sizeof *ng) : NULL;
            if (!ng) {
                pthread_mutex_unlock(&g_lock);
                errno = ENOMEM;
                goto out;
            }
            g_gens = ng;
            g_cap = ncap;
        }
        g_gens[slot] = 0;
        g_nslots++;
    }
    g_slots[slot] = ev;
    result = encode_handle(slot, g_gens[slot]);
    ev = NULL;
    pthread_mutex_unlock(&g_lock);
out:
    if (ev) {
        if (ev->fd >= 0) close(ev->fd);
        free(ev);
    }
    return result;
}

/* Puts hEvent in state `signaled` (a no-op when it is in it already).
 * FALSE for a bad handle. */
static BOOL set_state(HANDLE hEvent, BOOL signaled)
{
    BOOL result = FALSE;
    struct event *ev;

    pthread_mutex_lock(&g_lock);
    ev = lookup_locked(hEvent);
    if (!ev) goto out;
    if (ev->signaled != signaled) {
        ev->signaled = signaled;
        mirror_locked(ev);
    }
    result = TRUE;
out:
    pthread_mutex_unlock(&g_lock);
    return result;
}

/* Signals hEvent.  FALSE for a bad handle. */
STDAPI_(BOOL) SetEvent(HANDLE hEvent)
{
    return set_state(hEvent, TRUE);
}

/* Makes hEvent non-signalled.  FALSE for a bad handle. */
STDAPI_(BOOL) ResetEvent(HANDLE hEvent)
{
    return set_state(hEvent, FALSE);
}

/* Ends the handle; the event itself goes when no wait holds it.  FALSE for
 * a bad (or already closed) handle. */
STDAPI_(BOOL) CloseHandle(HANDLE hObject)
{
    BOOL result = FALSE;
    struct event *ev;
    uint32_t slot;

    pthread_mutex_lock(&g_lock);
    ev = lookup_locked(hObject);
    if (!ev) goto out;
    slot = (uint32_t)(((uintptr_t)hObject >> 2) & 0xFFFFFFu) - 1;
    g_slots[slot] = NULL;
    g_gens[slot]++;
    event_unref_locked(ev);
    result = TRUE;
out:
    pthread_mutex_unlock(&g_lock);
    return result;
}

HRESULT comrt__sync_event_fd(HANDLE h, int *pfd)
{
    HRESULT hr = E_HANDLE;
    struct event *ev;

    pthread_mutex_lock(&g_lock);
    ev = lookup_locked(h);
    if (ev) {
        *pfd = ev->fd;
        hr = S_OK;
    }
    pthread_mutex_unlock(&g_lock);
    return hr;
}

BOOL comrt__sync_deadline(DWORD dwMilliseconds, struct timespec *deadline)
{
    struct timespec now;

    if (dwMilliseconds == INFINITE) return FALSE;
    clock_gettime(CLOCK_MONOTONIC, &now);
    now.tv_sec += dwMilliseconds / 1000;
    now.tv_nsec += (long)(dwMilliseconds % 1000) * 1000000L;
    if (now.tv_nsec >= 1000000000L) {
        now.tv_sec++;
        now.tv_nsec -= 1000000000L;
    }
    *deadline = now;
    return TRUE;
}

int comrt__sync_poll_ms(const struct timespec *deadline)
{
    struct timespec now;
    long long ns;

    if (!deadline) return -1;
    clock_gettime(CLOCK_MONOTONIC, &now);
    ns = (long long)(deadline->tv_sec - now.tv_sec) * 1000000000LL + (deadline->tv_nsec - now.tv_nsec);
    if (ns <= 0) return 0;
    ns = (ns + 999999) / 1000000;
    return ns > INT_MAX ? INT_MAX : (int)ns;
}

/* TRUE when fd is readable now. */
static BOOL fd_readable(int fd)
{
    struct pollfd p;
    p.fd = fd;
    p.events = POLLIN;
    p.revents = 0;
    return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

DWORD comrt__sync_wait(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll, const struct timespec *deadline,
                       int extra_fd)
{
    DWORD result = WAIT_FAILED;
    struct event *evs[MAXIMUM_WAIT_OBJECTS];
    struct pollfd fds[MAXIMUM_WAIT_OBJECTS + 1];
    DWORD i, j, held = 0;
    BOOL extra_ready = FALSE;
    /* With bWaitAll the extra fd is one more member of the wait-all. */
    BOOL extra_member = bWaitAll && extra_fd >= 0;
    int saved_errno;

    if (nCount > MAXIMUM_WAIT_OBJECTS || (nCount && !lpHandles) || (nCount == 0 && extra_fd < 0)) {
        errno = EINVAL;
        return WAIT_FAILED;
    }

    pthread_mutex_lock(&g_lock);
    for (held = 0; held < nCount; held++) {
        evs[held] = lookup_locked(lpHandles[held]);
        if (!evs[held]) {
            errno = EBADF;
            goto fail_locked;
        }
        /* Windows refuses one object twice in a wait-all (it could never
         * be acquired twice at once): ERROR_INVALID_PARAMETER. */
        if (bWaitAll)
            for (j = 0; j < held; j++)
                if (evs[j] == evs[held]) {
                    errno = EINVAL;
                    goto fail_locked;
                }
        evs[held]->refs++;
    }
    pthread_mutex_unlock(&g_lock);

    for (;;) {
        nfds_t nfds = 0;
        int ms, r;

        /* Only the waiting thread empties the extra fd (an STA pumps its
         * own queue), so once readable it stays readable here. */
        if (extra_member) extra_ready = fd_readable(extra_fd);
        pthread_mutex_lock(&g_lock);
        if (bWaitAll) {
            for (i = 0; i < nCount && evs[i]->signaled; i++)
                ;
            if (i == nCount && (!extra_member || extra_ready)) {
                for (i = 0; i < nCount; i++) acquire_locked(evs[i]);
                result = WAIT_OBJECT_0;
                pthread_mutex_unlock(&g_lock);
                goto out;
            }
        } else {
            for (i = 0; i < nCount; i++) {
                if (evs[i]->signaled) {
                    acquire_locked(evs[i]);
                    result = WAIT_OBJECT_0 + i;
                    pthread_mutex_unlock(&g_lock);
                    goto out;
                }
            }
        }
        /* Poll only what is not signalled yet: a signalled manual-reset
         * member of a wait-all must not wake us in a loop. */
        for (i = 0; i < nCount; i++) {
            if (!evs[i]->signaled) {
                fds[nfds].fd = evs[i]->fd;
                fds[nfds].events = POLLIN;
                nfds++;
            }
        }
        pthread_mutex_unlock(&g_lock);

        if (!extra_member && extra_ready) {
            result = COMRT_WAIT_EXTRA_FD;
            goto out;
        }
        if (extra_fd >= 0 && !(extra_member && extra_ready)) {
            fds[nfds].fd = extra_fd;
            fds[nfds].events = POLLIN;
            nfds++;
        }
        ms = comrt__sync_poll_ms(deadline);
        r = poll(fds, nfds, ms);
        if (r < 0) {
            if (errno == EINTR) continue;
            result = WAIT_FAILED; /* errno from poll */
            goto out;
        }
        if (r == 0) {
            if (ms == 0 || comrt__sync_poll_ms(deadline) == 0) {
                result = WAIT_TIMEOUT;
                goto out;
            }
            continue;
        }
        /* Handles get the first look (next round) before the extra fd is
         * reported, as MsgWaitForMultipleObjects ranks handles first. */
        if (!extra_member && extra_fd >= 0 && (fds[nfds - 1].revents & (POLLIN | POLLERR | POLLHUP)))
            extra_ready = TRUE;
    }

fail_locked:
    saved_errno = errno;
    for (j = 0; j < held; j++) evs[j]->refs--; /* never the last: the handle holds one */
    pthread_mutex_unlock(&g_lock);
    errno = saved_errno;
    return WAIT_FAILED;

out:
    saved_errno = errno;
    pthread_mutex_lock(&g_lock);
    for (j = 0; j < held; j++) event_unref_locked(evs[j]);
    pthread_mutex_unlock(&g_lock);
    errno = saved_errno;
    return result;
}

/* Waits for one event.  WAIT_OBJECT_0, WAIT_TIMEOUT, or WAIT_FAILED for a
 * bad handle. */
STDAPI_(DWORD) WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds)
{
    return WaitForMultipleObjects(1, &hHandle, FALSE, dwMilliseconds);
}

/* Waits for any (the lowest signalled index wins) or all of nCount (1..64)
 * events.  WAIT_FAILED for a bad handle, nCount 0 or above 64, NULL
 * lpHandles, or one event twice in a wait-all. */
STDAPI_(DWORD) WaitForMultipleObjects(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll,
                                     DWORD dwMilliseconds)
{
    struct timespec deadline;
    BOOL timed = comrt__sync_deadline(dwMilliseconds, &deadline);

    if (nCount == 0) return WAIT_FAILED;
    return comrt__sync_wait(nCount, lpHandles, bWaitAll, timed ? &deadline : NULL, -1);
}

STDAPI_(DWORD) GetCurrentThreadId(void)
{
    return (DWORD)syscall(SYS_gettid);
}

STDAPI_(DWORD) GetCurrentProcessId(void)
{
    return (DWORD)getpid();
}
