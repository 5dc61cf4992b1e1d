/*
 * lib/runtime/apartment_priv.h — the apartment object and per-thread state
 * shared by apartment.c (thread state, CoInitializeEx/CoUninitialize, the
 * lifetimes of STAs, the MTA and the host STA) and aptqueue.c (work queues,
 * calls, pumping, waits, uninit hooks).  Nothing outside those two files
 * includes it: the rest of libcomrt uses apartment_internal.h.
 */
#ifndef COMRT_RUNTIME_APARTMENT_PRIV_H
#define COMRT_RUNTIME_APARTMENT_PRIV_H

#include "apartment_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

/* The life of an apartment.  Items are accepted only while ALIVE; those
 * accepted before shutdown still run (DRAINING); then the uninit hooks run
 * (HOOKS, no new hook accepted); DEAD apartments only wait for their last
 * reference. */
enum apt_state { APT_ALIVE, APT_DRAINING, APT_HOOKS, APT_DEAD };

struct apt_item {
    struct apt_item *next;
    comrt_apt_fn fn;
    void *ctx;
};

struct apt_hook {
    struct apt_hook *next; /* newest first: running from the head is reverse order */
    comrt_apt_fn fn;
    void *ctx;
    ULONG64 cookie;
};

struct comrt_apartment {
    /* Public references (comrt__apt_addref/release).  An STA's thread holds
     * one while initialized; for the MTA, any reference keeps it alive. */
    atomic_uint refs;
    /* Memory references: one for "refs > 0", one per MTA worker thread; the
     * struct is freed at 0.  Lets a worker finish touching the MTA after
     * the MTA's last public reference went. */
    atomic_uint mem;
    APTTYPE type; /* APTTYPE_STA or APTTYPE_MTA */
    BOOL main;    /* the main STA (while it was alive) */
    ULONG64 id;
    DWORD tid; /* an STA's thread */

    pthread_mutex_t lock; /* everything below */
    pthread_cond_t cond;  /* MTA: items for workers, worker progress for shutdown */
    enum apt_state state;
    struct apt_item *head, *tail;
    size_t queued;
    int efd; /* STA: eventfd readable while queued > 0; -1 for the MTA */
    struct apt_hook *hooks;
    ULONG64 next_cookie;
    /* MTA workers: started, waiting for work, running an item. */
    unsigned workers, idle, busy;
};

/* Completion eventfds a thread keeps for its calls from an STA (one per
 * nesting level of re-entrant calls in use at once; more are made and
 * closed as needed). */
#define COMRT_APT_CALL_FDS 4

/* The calling thread's COM state (__thread; apartment.c). */
struct apt_tstate {
    comrt_apartment *apt;        /* joined through CoInitializeEx; holds a reference */
    ULONG inits;                 /* CoInitializeEx successes not yet paired */
    comrt_apartment *worker_mta; /* an MTA worker's (or a dying MTA's last thread's) MTA; no reference */
    BOOL leaving;                /* inside the last CoUninitialize */
    BOOL is_worker;              /* an MTA worker thread (worker_mta is its MTA) */
    /* Completion eventfds of finished calls, reused by the next ones
     * (aptqueue.c); closed at thread exit. */
    int call_fds[COMRT_APT_CALL_FDS];
    unsigned ncall_fds;
};

struct apt_tstate *comrt__apt_tstate(void);

/* Allocates an apartment of type with one public reference. */
HRESULT comrt__apt_new(APTTYPE type, comrt_apartment **papt);
/* Drops a memory reference; the last frees. */
void comrt__apt_mem_release(comrt_apartment *apt);

/* Queues an item (and, for the MTA, starts a worker when every one is busy).
 * RPC_E_DISCONNECTED unless ALIVE; E_OUTOFMEMORY. */
HRESULT comrt__apt_enqueue(comrt_apartment *apt, comrt_apt_fn fn, void *ctx);
/* Runs at most max items queued to apt on the calling thread (the STA's own
 * thread, or any thread for the MTA); returns how many ran. */
size_t comrt__apt_run_queued(comrt_apartment *apt, size_t max);
/* The shutdown sequence after the apartment left ALIVE: runs what was
 * accepted, waits for MTA workers' items in flight (except the caller's own,
 * when the caller is one), runs the hooks newest first, then DEAD. */
void comrt__apt_shutdown(comrt_apartment *apt);
/* The worker thread's body (aptqueue.c); arg is the MTA, whose memory
 * reference the worker owns. */
void *comrt__apt_worker_main(void *arg);

#endif /* COMRT_RUNTIME_APARTMENT_PRIV_H */
