/*
 * apt_thread_util.h — threads that sit in an apartment for the
 * cross-apartment tests (test_aptproxy.c, test_gitable.c,
 * test_marshal_thread.c): apt_start() starts one in an STA or the MTA and
 * returns once it is in; run_in() runs a function in its apartment (on its
 * thread for an STA) and waits; apt_stop() makes it CoUninitialize and end.
 */
#ifndef COMRT_TEST_APT_THREAD_UTIL_H
#define COMRT_TEST_APT_THREAD_UTIL_H

#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "../comrt_test.h"
#include "runtime/apartment_internal.h"

typedef struct {
    pthread_t th;
    DWORD mode;
    comrt_apartment *apt;
    int stop, ready;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} apt_thread;

static void *apt_main(void *arg)
{
    apt_thread *at = arg;
    CoInitializeEx(NULL, at->mode);
    comrt__apt_current(&at->apt);
    pthread_mutex_lock(&at->mu);
    at->ready = 1;
    pthread_cond_signal(&at->cv);
    pthread_mutex_unlock(&at->mu);
    while (!__atomic_load_n(&at->stop, __ATOMIC_SEQ_CST)) {
        if (at->mode == COINIT_APARTMENTTHREADED)
            ComrtPumpApartment(10);
        else
            usleep(1000);
    }
    CoUninitialize();
    return NULL;
}

static void apt_start(apt_thread *at, DWORD mode)
{
    memset(at, 0, sizeof *at);
    at->mode = mode;
    pthread_mutex_init(&at->mu, NULL);
    pthread_cond_init(&at->cv, NULL);
    pthread_create(&at->th, NULL, apt_main, at);
    pthread_mutex_lock(&at->mu);
    while (!at->ready)
        pthread_cond_wait(&at->cv, &at->mu);
    pthread_mutex_unlock(&at->mu);
}

static void apt_stop(apt_thread *at)
{
    __atomic_store_n(&at->stop, 1, __ATOMIC_SEQ_CST);
    pthread_join(at->th, NULL);
    if (at->apt)
        comrt__apt_release(at->apt);
    pthread_mutex_destroy(&at->mu);
    pthread_cond_destroy(&at->cv);
}

/* Runs fn(ctx) in at's apartment and waits. */
static void run_in(apt_thread *at, comrt_apt_fn fn, void *ctx)
{
    CHECK_HR(comrt__apt_call(at->apt, fn, ctx), S_OK);
}

#endif /* COMRT_TEST_APT_THREAD_UTIL_H */
