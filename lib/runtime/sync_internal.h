/*
 * lib/runtime/sync_internal.h — what the apartments need from the event
 * objects of sync.c: one wait loop over event handles plus one extra file
 * descriptor (an STA's queue), so CoWaitForMultipleHandles can run queued
 * calls while it waits without spinning.
 */
#ifndef COMRT_RUNTIME_SYNC_INTERNAL_H
#define COMRT_RUNTIME_SYNC_INTERNAL_H

#include <comrt.h>
#include <comrt/synchapi.h>

#include <time.h>

/* comrt__sync_wait's answer when extra_fd became readable and no handle was
 * ready (never a value WaitForMultipleObjects returns). */
#define COMRT_WAIT_EXTRA_FD 0xFFFFFFFEu

/* *pfd receives the eventfd behind an event handle: readable while the event
 * is signalled (an auto-reset event may still be taken by another waiter
 * first, so readability is a hint to re-check, never an acquisition).  The
 * fd belongs to the event; valid while the handle is open.  E_HANDLE for a
 * handle that is not a live event. */
HRESULT comrt__sync_event_fd(HANDLE h, int *pfd);

/* The deadline dwMilliseconds from now on CLOCK_MONOTONIC; FALSE (nothing
 * written) for INFINITE. */
BOOL comrt__sync_deadline(DWORD dwMilliseconds, struct timespec *deadline);

/* The milliseconds left until deadline for poll(): -1 for no deadline
 * (NULL), 0 when it has passed, rounded up otherwise (so a wait never ends
 * early). */
int comrt__sync_poll_ms(const struct timespec *deadline);

/* WaitForMultipleObjects' semantics (bWaitAll acquires all at once or none)
 * with an absolute CLOCK_MONOTONIC deadline (NULL: none), and one more fd
 * (extra_fd >= 0), which only the calling thread ever drains (an STA's
 * queue), playing the part of MsgWaitForMultipleObjects' input queue:
 *  - without bWaitAll, when it becomes readable before any handle is
 *    signalled, the wait returns COMRT_WAIT_EXTRA_FD (handles are checked
 *    first; nothing was acquired);
 *  - with bWaitAll it is one more member (MWMO_WAITALL): the handles are
 *    acquired only while it is readable too; nothing is read from it.
 * nCount may be 0 only with extra_fd >= 0.  WAIT_FAILED (no acquisition)
 * with errno EBADF for a bad handle, EINVAL for bad arguments or one event
 * twice in a wait-all. */
DWORD comrt__sync_wait(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll, const struct timespec *deadline,
                       int extra_fd);

#endif /* COMRT_RUNTIME_SYNC_INTERNAL_H */
