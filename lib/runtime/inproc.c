/*
 * runtime/inproc.c — in-process servers: the cache of shared objects loaded
 * for activation (dlopen(RTLD_NOW | RTLD_LOCAL), keyed by the file's real
 * path), their DllGetClassObject and DllCanUnloadNow, unloading
 * (CoFreeUnusedLibraries(Ex), and the CoUninitialize of the last apartment
 * that used a server), and ComrtRegisterServer (what regsvr32 does).
 *
 * Each cached server remembers which apartments activated classes from it.  An apartment's
 * CoFreeUnusedLibraries considers the servers it alone uses (and those no
 * live apartment uses any more); servers other apartments use are left to
 * them, as Windows keeps its DLL cache per apartment.  When an apartment
 * uninitializes, the servers only it used are offered for unloading at once.
 *
 * A server is never unloaded while a thread is inside its DllGetClassObject
 * or DllCanUnloadNow (a busy count), and only when DllCanUnloadNow answers
 * S_OK; one without DllCanUnloadNow stays loaded, as on Windows.
 */
#define COBJMACROS
#include "runtime/activation_internal.h"
#include "base/base_internal.h"

#include <dlfcn.h>
#include <link.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef HRESULT (*get_class_object_fn)(REFCLSID, REFIID, LPVOID *);
typedef HRESULT (*simple_fn)(void);

/* CoFreeUnusedLibrariesEx(INFINITE): Windows' default delay for servers
 * whose objects live in the MTA; apartment-model servers go at once. */
#define DEFAULT_MT_UNLOAD_DELAY_MS (10u * 60u * 1000u)
/* Apartments one server may record (more share the last slot's fate: the
 * server is then simply never considered "used by one apartment only"). */
#define MAX_USERS 64

typedef struct server {
    struct server *next;
    char *path; /* real path: the cache key */
    void *handle;
    get_class_object_fn get_class_object;
    simple_fn can_unload_now;
    unsigned busy;          /* threads inside the server's exports */
    BOOL multi_threaded;    /* gave class objects to the MTA */
    uint64_t unload_due_ms; /* 0, or when a pending unload may happen */
    size_t nusers;
    ULONG64 users[MAX_USERS];
    BOOL overflow; /* more users than MAX_USERS */
} server;

/* An apartment whose uninit hook this file registered. */
typedef struct hooked_apt {
    struct hooked_apt *next;
    ULONG64 id;
} hooked_apt;

static pthread_mutex_t inproc_lock = PTHREAD_MUTEX_INITIALIZER;
static server *servers;
static hooked_apt *hooked;

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    /* +1: 0 means "no unload pending". */
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u + 1u;
}

#ifndef ERROR_BAD_EXE_FORMAT
#define ERROR_BAD_EXE_FORMAT 193u
#endif

/* Sets the error text "<what>: <dlerror>" (or "<what>: <path>") and returns
 * the HRESULT Windows' activation gives for the LoadLibrary failure that is
 * closest: ERROR_PROC_NOT_FOUND for an unresolved symbol, ERROR_BAD_EXE_FORMAT
 * for a file that is no loadable ELF object of this machine, else
 * ERROR_MOD_NOT_FOUND (the file or one it needs is missing).  glibc's text
 * may be translated: what is not recognised is ERROR_MOD_NOT_FOUND, which a
 * missing file (checked first, without the text) always is. */
static HRESULT set_dl_error(const char *what, const char *path)
{
    const char *err = dlerror();
    char buf[1024];
    DWORD code = ERROR_MOD_NOT_FOUND;

    snprintf(buf, sizeof buf, "%s: %s", what, err ? err : path);
    comrt__errorinfo_set_text(u"comrt", buf);
    if (strchr(path, '/') && access(path, F_OK) != 0) code = ERROR_MOD_NOT_FOUND;
    else if (err && strstr(err, "undefined symbol")) code = ERROR_PROC_NOT_FOUND;
    else if (err && (strstr(err, "ELF") || strstr(err, "file too short"))) code = ERROR_BAD_EXE_FORMAT;
    return HRESULT_FROM_WIN32(code);
}

/* The real path of a loaded object (malloc'ed; NULL on failure). */
static char *real_path_of(void *handle)
{
    struct link_map *lm = NULL;
    if (dlinfo(handle, RTLD_DI_LINKMAP, &lm) != 0 || !lm || !lm->l_name) return NULL;
    return realpath(lm->l_name, NULL);
}

static void server_free(server *s)
{
    if (!s) return;
    if (s->handle) dlclose(s->handle);
    free(s->path);
    free(s);
}

/* Records that apartment id uses s (lock held). */
static void add_user(server *s, ULONG64 id)
{
    size_t i;
    for (i = 0; i < s->nusers; i++)
        if (s->users[i] == id) return;
    if (s->nusers < MAX_USERS)
        s->users[s->nusers++] = id;
    else
        s->overflow = TRUE;
}

/* Forgets apartment id in s (lock held). */
static void remove_user(server *s, ULONG64 id)
{
    size_t i;
    for (i = 0; i < s->nusers; i++) {
        if (s->users[i] == id) {
            s->users[i] = s->users[--s->nusers];
            return;
        }
    }
}

/* TRUE when no apartment but `id` (0: none) uses s (lock held). */
static BOOL only_user(const server *s, ULONG64 id)
{
    size_t i;
    if (s->overflow) return FALSE;
    for (i = 0; i < s->nusers; i++)
        if (s->users[i] != id) return FALSE;
    return TRUE;
}

/* Unloads the unused servers among those `id` alone uses: delay_ms as
 * CoFreeUnusedLibrariesEx takes it (INFINITE = the default), or at once
 * (force_now, from an apartment's uninit). */
static void free_unused(ULONG64 id, DWORD delay_ms, BOOL force_now)
{
    server *s, **ps;
    server *candidates[64];
    size_t n = 0, i;

    /* Pick the candidates and mark them busy, so no one unloads them while
     * their DllCanUnloadNow runs without the lock. */
    pthread_mutex_lock(&inproc_lock);
    for (s = servers; s && n < sizeof candidates / sizeof candidates[0]; s = s->next) {
        if (!s->can_unload_now || s->busy || !only_user(s, id)) continue;
        s->busy++;
        candidates[n++] = s;
    }
    pthread_mutex_unlock(&inproc_lock);

    for (i = 0; i < n; i++) {
        server *victim = NULL;
        HRESULT answer;
        s = candidates[i];
        answer = s->can_unload_now();
        pthread_mutex_lock(&inproc_lock);
        s->busy--;
        if (answer != S_OK) {
            s->unload_due_ms = 0;
        } else if (s->busy == 0 && only_user(s, id)) {
            uint64_t now = now_ms();
            DWORD delay = delay_ms;
            if (force_now)
                delay = 0;
            else if (delay == INFINITE)
                delay = s->multi_threaded ? DEFAULT_MT_UNLOAD_DELAY_MS : 0;
            if (delay == 0 || (s->unload_due_ms && now >= s->unload_due_ms)) {
                for (ps = &servers; *ps; ps = &(*ps)->next) {
                    if (*ps == s) {
                        *ps = s->next;
                        victim = s;
                        break;
                    }
                }
            } else if (!s->unload_due_ms) {
                s->unload_due_ms = now + delay;
            }
        }
        pthread_mutex_unlock(&inproc_lock);
        server_free(victim); /* dlclose without the lock: destructors may call COM */
    }
}

/* The uninit hook of an apartment that used servers: it uses none of them
 * any more, and those no one else uses are offered for unloading. */
static void apartment_gone(void *ctx)
{
    ULONG64 id = (ULONG64)(uintptr_t)ctx;
    hooked_apt **ph, *h;
    server *s;

    pthread_mutex_lock(&inproc_lock);
    for (ph = &hooked; (h = *ph); ph = &h->next) {
        if (h->id == id) {
            *ph = h->next;
            free(h);
            break;
        }
    }
    for (s = servers; s; s = s->next) remove_user(s, id);
    pthread_mutex_unlock(&inproc_lock);
    free_unused(0, 0, TRUE);
}

/* Makes sure apt's uninit tells this file (once per apartment).  A failure
 * only means servers stay loaded longer, so it is not reported. */
static void hook_apartment(comrt_apartment *apt)
{
    ULONG64 id = comrt__apt_id(apt), cookie;
    hooked_apt *h;

    /* Apartment ids are at most pointer-sized here: they travel in ctx. */
    if ((ULONG64)(uintptr_t)id != id) return;
    pthread_mutex_lock(&inproc_lock);
    for (h = hooked; h; h = h->next)
        if (h->id == id) break;
    if (!h) {
        h = malloc(sizeof *h);
        if (h) {
            h->id = id;
            h->next = hooked;
            hooked = h;
        }
    } else {
        h = NULL; /* already hooked */
    }
    pthread_mutex_unlock(&inproc_lock);
    if (h && FAILED(comrt__apt_on_uninit(apt, apartment_gone, (void *)(uintptr_t)id, &cookie))) {
        hooked_apt **ph;
        pthread_mutex_lock(&inproc_lock);
        for (ph = &hooked; *ph; ph = &(*ph)->next) {
            if (*ph == h) {
                *ph = h->next;
                free(h);
                break;
            }
        }
        pthread_mutex_unlock(&inproc_lock);
    }
}

/* *out receives the cached server for path, loading it if needed, with its
 * busy count raised (drop it with server_done).  set_dl_error's HRESULT
 * (error text set) when it does not load. */
static HRESULT server_get(const char *path, server **out)
{
    HRESULT hr = HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND);
    void *handle = NULL;
    char *real = NULL;
    server *s = NULL, *fresh = NULL;

    /* An empty name would make dlopen return the main program. */
    if (!path[0]) {
        comrt__errorinfo_set_text(u"comrt", "InprocServer32 names no file");
        goto out;
    }
    /* dlopen without the lock: the server's constructors may call COM. */
    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        hr = set_dl_error("cannot load in-process server", path);
        goto out;
    }
    real = real_path_of(handle);
    if (!real) real = strdup(path);
    if (!real) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    pthread_mutex_lock(&inproc_lock);
    for (s = servers; s; s = s->next)
        if (strcmp(s->path, real) == 0) break;
    if (!s) {
        fresh = calloc(1, sizeof *fresh);
        if (!fresh) {
            pthread_mutex_unlock(&inproc_lock);
            hr = E_OUTOFMEMORY;
            goto out;
        }
        fresh->path = real;
        fresh->handle = handle;
        fresh->get_class_object = (get_class_object_fn)dlsym(handle, "DllGetClassObject");
        fresh->can_unload_now = (simple_fn)dlsym(handle, "DllCanUnloadNow");
        fresh->next = servers;
        servers = fresh;
        s = fresh;
        real = NULL;
        handle = NULL; /* the cache owns this load */
    }
    s->busy++;
    s->unload_due_ms = 0;
    pthread_mutex_unlock(&inproc_lock);
    *out = s;
    hr = S_OK;
out:
    /* A load already cached: dlopen counted it once more; give that back. */
    if (handle) dlclose(handle);
    free(real);
    return hr;
}

static void server_done(server *s)
{
    pthread_mutex_lock(&inproc_lock);
    s->busy--;
    pthread_mutex_unlock(&inproc_lock);
}

HRESULT comrt__inproc_get_class_object(comrt_apartment *user, const char *path, BOOL multi_threaded, REFCLSID clsid,
                                       REFIID riid, void **ppv)
{
    HRESULT hr;
    server *s = NULL;
    void *pv = NULL;

    hr = server_get(path, &s);
    if (FAILED(hr)) goto out;
    pthread_mutex_lock(&inproc_lock);
    add_user(s, comrt__apt_id(user));
    if (multi_threaded) s->multi_threaded = TRUE;
    pthread_mutex_unlock(&inproc_lock);
    hook_apartment(user);
    if (!s->get_class_object) {
        char buf[600];
        snprintf(buf, sizeof buf, "%s exports no DllGetClassObject", s->path);
        comrt__errorinfo_set_text(u"comrt", buf);
        hr = CO_E_ERRORINDLL;
        goto out;
    }
    hr = s->get_class_object(clsid, riid, &pv);
    if (SUCCEEDED(hr) && !pv) hr = E_UNEXPECTED; /* a server bug: success with nothing */
    if (FAILED(hr)) goto out;
    *ppv = pv;
out:
    if (s) server_done(s);
    return hr;
}

/*
 * CoFreeUnusedLibrariesEx: unloads (dlclose) the in-process servers that
 * the calling apartment alone uses, or no live apartment uses, and whose
 * DllCanUnloadNow answers S_OK: at once with dwUnloadDelay 0; otherwise once
 * a call finds it has answered S_OK for dwUnloadDelay ms (the first such call
 * starts the clock, an S_FALSE stops it).  INFINITE means Windows' default:
 * 10 minutes for servers whose objects live in the MTA, none for the others.
 * Outside an apartment only the servers no apartment uses are considered.
 */
void CoFreeUnusedLibrariesEx(DWORD dwUnloadDelay, DWORD dwReserved)
{
    comrt_apartment *apt = NULL;
    ULONG64 id = 0;

    if (SUCCEEDED(comrt__apt_current(&apt))) {
        id = comrt__apt_id(apt);
        comrt__apt_release(apt);
    }
    free_unused(id, dwUnloadDelay, FALSE);
}

/* CoFreeUnusedLibraries = CoFreeUnusedLibrariesEx(INFINITE, 0). */
void CoFreeUnusedLibraries(void)
{
    CoFreeUnusedLibrariesEx(INFINITE, 0);
}

/*
 * ComrtRegisterServer: loads pszPath (a Unix path, UTF-16) with its own
 * dlopen (not the activation cache), calls DllRegisterServer or
 * DllUnregisterServer and unloads it again, as regsvr32 does.  The
 * function's HRESULT is returned; CO_E_DLLNOTFOUND (IErrorInfo: dlerror's
 * text) when the file does not load, CO_E_ERRORINDLL (IErrorInfo: which
 * export) when the entry point is missing, E_INVALIDARG for a NULL or empty
 * path, CO_E_NOTINITIALIZED outside an apartment.
 */
HRESULT ComrtRegisterServer(LPCOLESTR pszPath, BOOL fRegister)
{
    HRESULT hr;
    comrt_apartment *apt = NULL;
    char *path = NULL;
    void *handle = NULL;
    simple_fn fn;
    const char *export_name = fRegister ? "DllRegisterServer" : "DllUnregisterServer";

    if (!pszPath || !pszPath[0]) return E_INVALIDARG;
    hr = comrt__apt_current(&apt);
    if (FAILED(hr)) goto out;
    path = comrt__utf16_to_utf8_dup(pszPath, comrt__utf16_len(pszPath));
    if (!path) {
        hr = E_OUTOFMEMORY;
        goto out;
    }
    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        set_dl_error("cannot load in-process server", path);
        hr = CO_E_DLLNOTFOUND;
        goto out;
    }
    fn = (simple_fn)dlsym(handle, export_name);
    if (!fn) {
        char buf[600];
        snprintf(buf, sizeof buf, "%s exports no %s", path, export_name);
        comrt__errorinfo_set_text(u"comrt", buf);
        hr = CO_E_ERRORINDLL;
        goto out;
    }
    hr = fn();
out:
    if (handle) dlclose(handle);
    free(path);
    if (apt) comrt__apt_release(apt);
    return hr;
}
