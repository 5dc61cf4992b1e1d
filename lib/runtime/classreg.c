/*
 * runtime/classreg.c — class objects registered by the running process:
 * CoRegisterClassObject, CoRevokeClassObject, CoResumeClassObjects, and the
 * lookup CoGetClassObject makes before it reads the registry.
 *
 * A registration belongs to the apartment that made it: CoGetClassObject
 * finds it from that apartment only (Wine's ole32 behaves so, and Windows
 * documents REGCLS_AGILE as the way to make a class object visible to the
 * other apartments of the process, which comrt honours), only that
 * apartment may revoke it, and its CoUninitialize revokes what is left.
 * REGCLS_SINGLEUSE and REGCLS_SUSPENDED concern activation requests from
 * other processes (the SCM), which in-process lookups do not see: in Wine's
 * ole32 neither hides a class object from CoGetClassObject in its own
 * process (golden: tests/golden/activation.txt).
 */
#define COBJMACROS
#include "runtime/activation_internal.h"
#include "base/base_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct class_entry {
    struct class_entry *next;
    CLSID clsid;
    IUnknown *punk;       /* AddRef'ed while registered */
    DWORD clsctx;         /* contexts it answers, after REGCLS_MULTIPLEUSE's widening */
    DWORD flags;          /* REGCLS_* */
    DWORD cookie;         /* never 0, unique among live registrations */
    ULONG64 apt_id;       /* the registering apartment */
    ULONG64 uninit_cookie;
    BOOL hooked;
} class_entry;

/* Guards the list and the cookie counter.  No call out of libcomrt is made
 * with it held except the AddRef of a found class object. */
static pthread_mutex_t classreg_lock = PTHREAD_MUTEX_INITIALIZER;
static class_entry *classreg_head; /* oldest first */
static DWORD classreg_next_cookie = 1;

static BOOL cookie_in_use(DWORD cookie)
{
    const class_entry *e;
    for (e = classreg_head; e; e = e->next)
        if (e->cookie == cookie) return TRUE;
    return FALSE;
}

/* Unlinks the entry with `cookie` (lock held); NULL when there is none. */
static class_entry *unlink_entry(DWORD cookie)
{
    class_entry **pe, *e;
    for (pe = &classreg_head; (e = *pe); pe = &e->next) {
        if (e->cookie == cookie) {
            *pe = e->next;
            return e;
        }
    }
    return NULL;
}

/* The apartment's uninit hook for one registration: revokes it if the
 * program has not (runs on the apartment's thread, as Windows revokes). */
static void revoke_at_uninit(void *ctx)
{
    DWORD cookie = (DWORD)(uintptr_t)ctx;
    class_entry *e;

    pthread_mutex_lock(&classreg_lock);
    e = unlink_entry(cookie);
    pthread_mutex_unlock(&classreg_lock);
    if (e) {
        IUnknown_Release(e->punk);
        free(e);
    }
}

/* The oldest registration of clsid in a context overlapping clsctx made by
 * apartment apt_id, or with agile also one of another apartment's made with
 * REGCLS_AGILE (lock held). */
static const class_entry *find_locked(ULONG64 apt_id, REFCLSID clsid, DWORD clsctx, BOOL agile)
{
    const class_entry *e;
    for (e = classreg_head; e; e = e->next) {
        if (!IsEqualGUID(&e->clsid, clsid) || !(e->clsctx & clsctx)) continue;
        if (e->apt_id == apt_id || (agile && (e->flags & REGCLS_AGILE))) return e;
    }
    return NULL;
}

HRESULT comrt__classreg_find(comrt_apartment *apt, REFCLSID clsid, DWORD dwClsContext, IUnknown **ppunk)
{
    HRESULT hr = REGDB_E_CLASSNOTREG;
    const class_entry *e;

    pthread_mutex_lock(&classreg_lock);
    e = find_locked(comrt__apt_id(apt), clsid, dwClsContext, TRUE);
    if (e) {
        IUnknown_AddRef(e->punk);
        *ppunk = e->punk;
        hr = S_OK;
    }
    pthread_mutex_unlock(&classreg_lock);
    return hr;
}

/*
 * CoRegisterClassObject: makes pUnk the class object of rclsid for the
 * calling apartment (AddRef'ed until revoked) and writes a cookie to
 * *lpdwRegister.  REGCLS_MULTIPLEUSE with CLSCTX_LOCAL_SERVER also registers
 * CLSCTX_INPROC_SERVER (as Windows documents; REGCLS_MULTI_SEPARATE does
 * not).  When the apartment already has a class object for rclsid in an
 * overlapping context, a REGCLS_MULTIPLEUSE request answers S_OK, registers
 * nothing and leaves *lpdwRegister alone (what Wine's ole32 does), any other
 * CO_E_OBJISREG.  E_INVALIDARG for NULL pUnk or lpdwRegister;
 * CO_E_NOTINITIALIZED outside an apartment.
 */
HRESULT CoRegisterClassObject(REFCLSID rclsid, LPUNKNOWN pUnk, DWORD dwClsContext, DWORD flags,
                              LPDWORD lpdwRegister)
{
    HRESULT hr;
    comrt_apartment *apt = NULL;
    class_entry *e = NULL;
    ULONG64 hook = 0;
    DWORD cookie;
    BOOL revoked = FALSE;

    if (!rclsid || !pUnk || !lpdwRegister) return E_INVALIDARG;
    hr = comrt__apt_current(&apt);
    if (FAILED(hr)) goto out;
    if ((flags & REGCLS_MULTIPLEUSE) && (dwClsContext & CLSCTX_LOCAL_SERVER))
        dwClsContext |= CLSCTX_INPROC_SERVER;

    e = calloc(1, sizeof *e);
    if (!e) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    pthread_mutex_lock(&classreg_lock);
    if (find_locked(comrt__apt_id(apt), rclsid, dwClsContext, FALSE)) {
        pthread_mutex_unlock(&classreg_lock);
        hr = (flags & REGCLS_MULTIPLEUSE) ? S_OK : CO_E_OBJISREG;
        goto out;
    }
    do {
        cookie = classreg_next_cookie++;
    } while (cookie == 0 || cookie_in_use(cookie));
    e->clsid = *rclsid;
    e->punk = pUnk;
    e->clsctx = dwClsContext;
    e->flags = flags;
    e->cookie = cookie;
    e->apt_id = comrt__apt_id(apt);
    IUnknown_AddRef(pUnk);
    /* Appended: the oldest registration is the one lookups find. */
    {
        class_entry **pe = &classreg_head;
        while (*pe) pe = &(*pe)->next;
        *pe = e;
    }
    pthread_mutex_unlock(&classreg_lock);

    /* The hook is registered after the entry is visible; were the apartment
     * to refuse (it is shutting down), the registration is undone.  The
     * entry is looked up again: another MTA thread may have revoked it
     * meanwhile (then the hook is cancelled). */
    hr = comrt__apt_on_uninit(apt, revoke_at_uninit, (void *)(uintptr_t)cookie, &hook);
    pthread_mutex_lock(&classreg_lock);
    for (e = classreg_head; e && e->cookie != cookie; e = e->next) {}
    if (e && FAILED(hr)) {
        unlink_entry(cookie);
    } else if (e) {
        e->uninit_cookie = hook;
        e->hooked = TRUE;
        e = NULL;
    } else if (SUCCEEDED(hr)) {
        revoked = TRUE;
    }
    pthread_mutex_unlock(&classreg_lock);
    if (revoked) comrt__apt_cancel_uninit(apt, hook);
    if (FAILED(hr)) {
        if (e) IUnknown_Release(e->punk);
        goto out;
    }
    *lpdwRegister = cookie;
out:
    free(e);
    if (apt) comrt__apt_release(apt);
    return hr;
}

/*
 * CoRevokeClassObject: ends the registration dwRegister and Releases its
 * class object.  E_INVALIDARG for a cookie that is not registered (0, an
 * unknown one, or one already revoked — Wine's answer; Microsoft documents
 * none), RPC_E_WRONG_THREAD when another apartment registered it
 * (registration unchanged), CO_E_NOTINITIALIZED outside an apartment.
 */
HRESULT CoRevokeClassObject(DWORD dwRegister)
{
    HRESULT hr;
    comrt_apartment *apt = NULL;
    class_entry *e = NULL, *cur;
    ULONG64 hook = 0;
    BOOL hooked = FALSE;

    hr = comrt__apt_current(&apt);
    if (FAILED(hr)) goto out;
    pthread_mutex_lock(&classreg_lock);
    hr = E_INVALIDARG;
    for (cur = classreg_head; cur; cur = cur->next) {
        if (cur->cookie != dwRegister) continue;
        if (cur->apt_id != comrt__apt_id(apt)) {
            hr = RPC_E_WRONG_THREAD;
        } else {
            e = unlink_entry(dwRegister);
            hook = e->uninit_cookie;
            hooked = e->hooked;
            hr = S_OK;
        }
        break;
    }
    pthread_mutex_unlock(&classreg_lock);
    if (e) {
        if (hooked) comrt__apt_cancel_uninit(apt, hook);
        IUnknown_Release(e->punk);
        free(e);
    }
out:
    if (apt) comrt__apt_release(apt);
    return hr;
}

/*
 * CoResumeClassObjects: lifts REGCLS_SUSPENDED from the calling apartment's
 * registrations (it tells the SCM, on Windows, that the server takes
 * activation requests from other processes now).  S_OK, also outside an
 * apartment, as Wine answers.
 */
HRESULT CoResumeClassObjects(void)
{
    comrt_apartment *apt = NULL;
    class_entry *e;

    if (SUCCEEDED(comrt__apt_current(&apt))) {
        ULONG64 id = comrt__apt_id(apt);
        pthread_mutex_lock(&classreg_lock);
        for (e = classreg_head; e; e = e->next)
            if (e->apt_id == id) e->flags &= ~(DWORD)REGCLS_SUSPENDED;
        pthread_mutex_unlock(&classreg_lock);
        comrt__apt_release(apt);
    }
    return S_OK;
}
