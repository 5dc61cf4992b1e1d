/*
 * runtime/apartment.c — which apartment a thread is in, and how long
 * apartments live: CoInitialize(Ex), CoUninitialize, CoGetApartmentType,
 * the main STA, the process's MTA and the host STA.  The queues, calls,
 * waits and hooks are in aptqueue.c.
 *
 * Lifetimes (apartment_priv.h has the fields):
 *  - An STA is created by its thread's first CoInitializeEx(APARTMENTTHREADED)
 *    and dies in that thread's last CoUninitialize (or when the thread exits
 *    without one: a pthread key destructor pairs the remaining inits, where
 *    Windows would leak).  Others may hold references after that; they see
 *    RPC_E_DISCONNECTED.
 *  - The MTA is one per process and lives while anyone references it: every
 *    thread CoInitializeEx'ed into it holds one, so does every caller of
 *    comrt__apt_mta / comrt__apt_current.  When the last goes, the releasing
 *    thread runs the shutdown (a thread of its own does when the releaser
 *    is an STA's, so MTA items never run in an STA), with a reference
 *    revived for the duration so items and hooks may still reference it;
 *    the next comrt__apt_mta makes a new MTA.  Its worker threads hold only
 *    memory references.
 *  - The host STA is started on first use and stays for the life of the
 *    process (a detached thread pumping forever, reachable through g_host, so
 *    leak checkers see no leak; process exit ends it).
 */
#include "apartment_priv.h"
#include "sync_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER; /* g_mta, g_main_sta, g_host */
static comrt_apartment *g_mta;      /* the live MTA (no reference of its own), or NULL */
static comrt_apartment *g_main_sta; /* the live main STA (no reference of its own), or NULL */
static comrt_apartment *g_host;     /* the host STA, referenced for the life of the process */
static pthread_cond_t g_host_cond = PTHREAD_COND_INITIALIZER;
static BOOL g_host_starting;
static atomic_ullong g_next_id = 1;

static __thread struct apt_tstate t_state;
static pthread_key_t g_tkey;
static pthread_once_t g_tkey_once = PTHREAD_ONCE_INIT;

struct apt_tstate *comrt__apt_tstate(void)
{
    return &t_state;
}

/* At the exit of a thread that joined an apartment: pairs the CoInitializeEx
 * calls it left open, so its STA shuts down on its own thread and its MTA
 * reference goes. */
static void thread_exit_cleanup(void *unused)
{
    (void)unused;
    while (t_state.apt && t_state.inits) CoUninitialize();
    while (t_state.ncall_fds) close(t_state.call_fds[--t_state.ncall_fds]);
}

static void make_tkey(void)
{
    /* Without the key threads still work; they only keep what they leak. */
    (void)pthread_key_create(&g_tkey, thread_exit_cleanup);
}

HRESULT comrt__apt_new(APTTYPE type, comrt_apartment **papt)
{
    HRESULT hr = E_OUTOFMEMORY;
    comrt_apartment *apt = calloc(1, sizeof *apt);
    pthread_condattr_t cattr;
    int r;

    if (!apt) goto out;
    apt->efd = -1;
    if (type == APTTYPE_STA) {
        apt->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (apt->efd < 0) goto out;
    }
    if (pthread_mutex_init(&apt->lock, NULL) != 0) goto out;
    if (pthread_condattr_init(&cattr) != 0) {
        pthread_mutex_destroy(&apt->lock);
        goto out;
    }
    /* Workers' idle timeouts are measured on the monotonic clock. */
    pthread_condattr_setclock(&cattr, CLOCK_MONOTONIC);
    r = pthread_cond_init(&apt->cond, &cattr);
    pthread_condattr_destroy(&cattr);
    if (r != 0) {
        pthread_mutex_destroy(&apt->lock);
        goto out;
    }
    atomic_init(&apt->refs, 1);
    atomic_init(&apt->mem, 1);
    apt->type = type;
    apt->id = atomic_fetch_add(&g_next_id, 1);
    apt->tid = GetCurrentThreadId();
    apt->state = APT_ALIVE;
    apt->next_cookie = 1;
    *papt = apt;
    apt = NULL;
    hr = S_OK;
out:
    if (apt) {
        if (apt->efd >= 0) close(apt->efd);
        free(apt);
    }
    return hr;
}

void comrt__apt_mem_release(comrt_apartment *apt)
{
    struct apt_item *it;
    struct apt_hook *hk;

    if (atomic_fetch_sub(&apt->mem, 1) != 1) return;
    /* Normally both lists are empty by now (shutdown drains them); an
     * apartment that never shut down cannot get here. */
    while ((it = apt->head)) {
        apt->head = it->next;
        free(it);
    }
    while ((hk = apt->hooks)) {
        apt->hooks = hk->next;
        free(hk);
    }
    if (apt->efd >= 0) close(apt->efd);
    pthread_cond_destroy(&apt->cond);
    pthread_mutex_destroy(&apt->lock);
    free(apt);
}

void comrt__apt_addref(comrt_apartment *apt)
{
    atomic_fetch_add(&apt->refs, 1);
}

/* Takes a reference unless refs is already 0 (an MTA on its way out). */
static BOOL try_addref(comrt_apartment *apt)
{
    unsigned n = atomic_load(&apt->refs);

    while (n) {
        if (atomic_compare_exchange_weak(&apt->refs, &n, n + 1)) return TRUE;
    }
    return FALSE;
}

/* Runs the dying MTA's shutdown on this thread, which counts as in the
 * MTA meanwhile, then drops the reference revived for it. */
static void mta_shutdown_here(comrt_apartment *apt)
{
    struct apt_tstate *ts = &t_state;
    comrt_apartment *saved = ts->worker_mta;

    if (!ts->apt) ts->worker_mta = apt;
    comrt__apt_shutdown(apt);
    ts->worker_mta = saved;
    comrt__apt_release(apt);
}

static void *mta_shutdown_thread(void *arg)
{
    mta_shutdown_here(arg);
    return NULL;
}

/* The MTA's last reference went: no new items from now on; what was
 * accepted and the hooks run in the MTA — on this thread, unless it is an
 * STA's (a proxy released there), then on a thread of their own. */
static void mta_die(comrt_apartment *apt)
{
    pthread_attr_t attr;
    pthread_t th;
    int started = -1;

    pthread_mutex_lock(&g_lock);
    if (g_mta == apt) g_mta = NULL;
    pthread_mutex_unlock(&g_lock);

    pthread_mutex_lock(&apt->lock);
    apt->state = APT_DRAINING;
    pthread_mutex_unlock(&apt->lock);
    atomic_store(&apt->refs, 1); /* revived for the shutdown */

    if (t_state.apt && t_state.apt->type == APTTYPE_STA && pthread_attr_init(&attr) == 0) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        started = pthread_create(&th, &attr, mta_shutdown_thread, apt);
        pthread_attr_destroy(&attr);
    }
    if (started != 0) mta_shutdown_here(apt);
}

void comrt__apt_release(comrt_apartment *apt)
{
    BOOL alive_mta;

    if (atomic_fetch_sub(&apt->refs, 1) != 1) return;
    pthread_mutex_lock(&apt->lock);
    alive_mta = apt->type == APTTYPE_MTA && apt->state == APT_ALIVE;
    pthread_mutex_unlock(&apt->lock);
    if (alive_mta) mta_die(apt);
    else comrt__apt_mem_release(apt);
}

APTTYPE comrt__apt_type(const comrt_apartment *apt)
{
    return apt->type;
}

ULONG64 comrt__apt_id(const comrt_apartment *apt)
{
    return apt->id;
}

BOOL comrt__apt_is_current(const comrt_apartment *apt)
{
    struct apt_tstate *ts = &t_state;
    BOOL result;

    if (ts->apt) return ts->apt == apt;
    if (ts->worker_mta) return ts->worker_mta == apt;
    pthread_mutex_lock(&g_lock);
    result = g_mta == apt;
    pthread_mutex_unlock(&g_lock);
    return result;
}

HRESULT comrt__apt_current(comrt_apartment **papt)
{
    HRESULT hr = CO_E_NOTINITIALIZED;
    struct apt_tstate *ts = &t_state;

    if (ts->apt) { /* the thread's own reference keeps it */
        comrt__apt_addref(ts->apt);
        *papt = ts->apt;
        return S_OK;
    }
    /* A worker still running the item that ended its MTA finds it dead. */
    if (ts->worker_mta && try_addref(ts->worker_mta)) {
        *papt = ts->worker_mta;
        return S_OK;
    }
    pthread_mutex_lock(&g_lock);
    if (g_mta && try_addref(g_mta)) {
        *papt = g_mta;
        hr = S_OK;
    }
    pthread_mutex_unlock(&g_lock);
    return hr;
}

HRESULT comrt__apt_main_sta(comrt_apartment **papt)
{
    HRESULT hr = CO_E_NOTINITIALIZED;

    pthread_mutex_lock(&g_lock);
    if (g_main_sta && try_addref(g_main_sta)) {
        *papt = g_main_sta;
        hr = S_OK;
    }
    pthread_mutex_unlock(&g_lock);
    return hr;
}

HRESULT comrt__apt_mta(comrt_apartment **papt)
{
    HRESULT hr = S_OK;
    comrt_apartment *apt = NULL;

    pthread_mutex_lock(&g_lock);
    if (g_mta && try_addref(g_mta)) {
        apt = g_mta;
    } else {
        hr = comrt__apt_new(APTTYPE_MTA, &apt);
        if (SUCCEEDED(hr)) g_mta = apt;
    }
    pthread_mutex_unlock(&g_lock);
    if (SUCCEEDED(hr)) *papt = apt;
    return hr;
}

/* The host STA's thread: joins an STA, publishes it, and pumps until the
 * process ends. */
static void *host_main(void *arg)
{
    comrt_apartment *apt = NULL;
    HRESULT hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);

    (void)arg;
    if (SUCCEEDED(hr)) hr = comrt__apt_current(&apt);
    pthread_mutex_lock(&g_lock);
    g_host = SUCCEEDED(hr) ? apt : NULL;
    g_host_starting = FALSE;
    pthread_cond_broadcast(&g_host_cond);
    pthread_mutex_unlock(&g_lock);
    if (FAILED(hr)) return NULL;
    for (;;) ComrtPumpApartment(INFINITE);
    return NULL;
}

HRESULT comrt__apt_host_sta(comrt_apartment **papt)
{
    HRESULT hr = S_OK;
    pthread_t th;
    pthread_attr_t attr;

    pthread_mutex_lock(&g_lock);
    if (!g_host && !g_host_starting) {
        g_host_starting = TRUE;
        if (pthread_attr_init(&attr) != 0) {
            hr = E_OUTOFMEMORY;
        } else {
            pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
            if (pthread_create(&th, &attr, host_main, NULL) != 0) hr = E_OUTOFMEMORY;
            pthread_attr_destroy(&attr);
        }
        if (FAILED(hr)) g_host_starting = FALSE;
    }
    while (SUCCEEDED(hr) && g_host_starting) pthread_cond_wait(&g_host_cond, &g_lock);
    if (SUCCEEDED(hr)) {
        if (g_host) {
            comrt__apt_addref(g_host);
            *papt = g_host;
        } else {
            hr = E_OUTOFMEMORY; /* the thread could not make its STA */
        }
    }
    pthread_mutex_unlock(&g_lock);
    return hr;
}

/* Makes the calling thread's STA.  The first STA while no main STA is alive
 * becomes the main STA. */
static HRESULT sta_create(comrt_apartment **papt)
{
    HRESULT hr;
    comrt_apartment *apt = NULL;

    hr = comrt__apt_new(APTTYPE_STA, &apt);
    if (FAILED(hr)) goto out;
    pthread_mutex_lock(&g_lock);
    if (!g_main_sta) {
        g_main_sta = apt;
        apt->main = TRUE;
    }
    pthread_mutex_unlock(&g_lock);
    *papt = apt;
out:
    return hr;
}

/* See objbase.h.  pvReserved and flag bits other than
 * COINIT_APARTMENTTHREADED are ignored, as by ole32 (tests/golden/
 * apartment.txt). */
WINOLEAPI CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit)
{
    HRESULT hr = S_OK;
    struct apt_tstate *ts = &t_state;
    APTTYPE want;
    comrt_apartment *apt = NULL;

    want = (dwCoInit & COINIT_APARTMENTTHREADED) ? APTTYPE_STA : APTTYPE_MTA;

    if (ts->leaving) {
        /* Called from an item or hook of this thread's last CoUninitialize:
         * the apartment is going, it cannot be rejoined now. */
        hr = RPC_E_CHANGED_MODE;
        goto out;
    }
    if (ts->apt) {
        if (ts->apt->type != want) {
            hr = RPC_E_CHANGED_MODE;
            goto out;
        }
        ts->inits++;
        hr = S_FALSE;
        goto out;
    }
    if (ts->worker_mta && want == APTTYPE_STA) {
        hr = RPC_E_CHANGED_MODE; /* a worker is in the MTA for good */
        goto out;
    }
    hr = want == APTTYPE_STA ? sta_create(&apt) : comrt__apt_mta(&apt);
    if (FAILED(hr)) goto out;
    pthread_once(&g_tkey_once, make_tkey);
    pthread_setspecific(g_tkey, ts);
    ts->apt = apt;
    ts->inits = 1;
    /* A worker joining explicitly was in the MTA already. */
    hr = ts->worker_mta ? S_FALSE : S_OK;
out:
    return hr;
}

/* See objbase.h. */
WINOLEAPI CoInitialize(LPVOID pvReserved)
{
    return CoInitializeEx(pvReserved, COINIT_APARTMENTTHREADED);
}

/* See objbase.h.  The STA's shutdown (queued items, then the uninit hooks)
 * runs here, on its own thread, while the thread still counts as in it. */
WINOLEAPI_(void) CoUninitialize(void)
{
    struct apt_tstate *ts = &t_state;
    comrt_apartment *apt = ts->apt;

    if (!apt || ts->leaving || ts->inits == 0) return;
    if (--ts->inits > 0) return;

    if (apt->type == APTTYPE_STA) {
        ts->leaving = TRUE;
        pthread_mutex_lock(&apt->lock);
        apt->state = APT_DRAINING;
        pthread_mutex_unlock(&apt->lock);
        comrt__apt_shutdown(apt);
        pthread_mutex_lock(&g_lock);
        if (g_main_sta == apt) g_main_sta = NULL;
        pthread_mutex_unlock(&g_lock);
        ts->leaving = FALSE;
    }
    ts->apt = NULL;
    comrt__apt_release(apt);
}

/* See objbase.h. */
WINOLEAPI CoGetApartmentType(APTTYPE *pAptType, APTTYPEQUALIFIER *pAptQualifier)
{
    HRESULT hr = S_OK;
    struct apt_tstate *ts = &t_state;
    comrt_apartment *apt = ts->apt ? ts->apt : ts->worker_mta;
    APTTYPE type = APTTYPE_CURRENT;
    APTTYPEQUALIFIER qual = APTTYPEQUALIFIER_NONE;

    if (!pAptType || !pAptQualifier) {
        hr = E_INVALIDARG;
        goto out;
    }
    if (apt) {
        type = apt->type == APTTYPE_STA ? (apt->main ? APTTYPE_MAINSTA : APTTYPE_STA) : APTTYPE_MTA;
    } else {
        pthread_mutex_lock(&g_lock);
        if (g_mta) {
            type = APTTYPE_MTA;
            qual = APTTYPEQUALIFIER_IMPLICIT_MTA;
        } else {
            hr = CO_E_NOTINITIALIZED;
        }
        pthread_mutex_unlock(&g_lock);
    }
    /* Windows writes both outputs on CO_E_NOTINITIALIZED too (CURRENT,
     * NONE). */
    *pAptType = type;
    *pAptQualifier = qual;
out:
    return hr;
}

/* See objbase.h. */
WINOLEAPI_(DWORD) CoGetCurrentProcess(void)
{
    return (DWORD)getpid();
}
