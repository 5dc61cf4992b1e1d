/*
 * comrt/synchapi.h — the kernel32 event objects COM code waits on
 * (CoWaitForMultipleHandles, PumpEvents), on Linux eventfds.
 *
 * A HANDLE here is an event made by CreateEventW and nothing else: other
 * kernel objects (threads, processes, mutexes, files) stay with the Linux
 * API.  Handles are process-local and thread-safe.
 */
#ifndef COMRT_SYNCHAPI_H
#define COMRT_SYNCHAPI_H

#include "wtypesbase.h"

COMRT_BEGIN_DECLS

typedef HANDLE *PHANDLE, *LPHANDLE;

#define INFINITE 0xFFFFFFFFu
#define WAIT_OBJECT_0 0x00000000u
#define WAIT_ABANDONED_0 0x00000080u
/* WAIT_TIMEOUT (258) is in winerror.h, as in the SDK. */
#define WAIT_FAILED 0xFFFFFFFFu
#define MAXIMUM_WAIT_OBJECTS 64

/* A new event, signalled or not (bInitialState); manual-reset events stay
 * signalled until ResetEvent, auto-reset ones release one waiter and reset.
 * lpName must be NULL (no named kernel objects here).  NULL on failure
 * (GetLastError-style detail is not kept; errno is set).  Close with
 * CloseHandle. */
STDAPI_(HANDLE) CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset, BOOL bInitialState,
                            LPCWSTR lpName);
STDAPI_(BOOL) SetEvent(HANDLE hEvent);
STDAPI_(BOOL) ResetEvent(HANDLE hEvent);
STDAPI_(BOOL) CloseHandle(HANDLE hObject);
/* WAIT_OBJECT_0(+index), WAIT_TIMEOUT, or WAIT_FAILED (a bad handle). */
STDAPI_(DWORD) WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds);
STDAPI_(DWORD) WaitForMultipleObjects(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll,
                                     DWORD dwMilliseconds);
#define CreateEvent CreateEventW

/* The calling thread's id (gettid) and the process id. */
STDAPI_(DWORD) GetCurrentThreadId(void);
STDAPI_(DWORD) GetCurrentProcessId(void);

COMRT_END_DECLS

#endif /* COMRT_SYNCHAPI_H */
