/*
 * runtime/hglobal.c — GlobalAlloc, GlobalReAlloc, GlobalLock, GlobalUnlock,
 * GlobalSize and GlobalFree (<comrt/winbase.h>): the HGLOBAL memory that
 * CreateStreamOnHGlobal and its users hand around.
 *
 * Every live block has a record in one process-wide table keyed by its
 * handle, so a handle is checked before use (an unknown or freed one is
 * refused, as Windows' handle validation refuses it, instead of being
 * dereferenced).  A GMEM_FIXED block's handle is its memory; a
 * GMEM_MOVEABLE block's handle is its record's address plus 4 — never a
 * pointer to memory, as on Windows, so code that forgets GlobalLock fails
 * at once.  The table's mutex is held for each whole call: these functions
 * move bytes around, they are not a hot path.
 */
#include <comrt.h>

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/keytable.h"

/* Windows counts up to 255 locks of a moveable block (GMEM_LOCKCOUNT). */
#define MAX_LOCKS 255u

typedef struct gblock {
    comrt_keynode node; /* key: the handle (first member: a node is its block) */
    BOOL moveable;
    unsigned locks;
    unsigned char *mem; /* NULL for a discarded moveable block */
    size_t size;        /* bytes the caller asked for */
    size_t cap;         /* bytes allocated at mem (a shrunk block keeps them) */
} gblock;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static comrt_keytable g_table;

/* The record of handle h, or NULL.  Called with g_lock held. */
static gblock *find(uintptr_t h) { return h ? (gblock *)comrt__keytable_find(&g_table, h) : NULL; }

/* Adds b (its handle set).  FALSE when out of memory.  g_lock held. */
static BOOL insert(gblock *b) { return comrt__keytable_insert(&g_table, &b->node); }

/* Takes b out of the table (it must be there).  g_lock held. */
static void unlink_block(gblock *b) { comrt__keytable_remove(&g_table, &b->node); }

/* malloc that never returns NULL for 0 bytes (a fixed block of 0 bytes
 * still needs a unique address to be its handle). */
static void *alloc_bytes(size_t n, BOOL zero)
{
    if (!n) n = 1;
    return zero ? calloc(1, n) : malloc(n);
}

/*
 * GlobalAlloc: see winbase.h.  Flags other than GMEM_MOVEABLE and
 * GMEM_ZEROINIT (GMEM_DISCARDABLE, GMEM_DDESHARE, ...) have no meaning
 * here and are ignored, as modern Windows ignores most of them.
 */
HGLOBAL GlobalAlloc(UINT uFlags, SIZE_T dwBytes)
{
    gblock *b = calloc(1, sizeof *b);
    HGLOBAL result = NULL;

    if (!b) return NULL;
    b->moveable = (uFlags & GMEM_MOVEABLE) != 0;
    b->size = dwBytes;
    if (!b->moveable || dwBytes) {
        b->mem = alloc_bytes(dwBytes, (uFlags & GMEM_ZEROINIT) != 0);
        if (!b->mem) goto out;
        b->cap = dwBytes ? dwBytes : 1;
    }
    b->node.key = b->moveable ? (uintptr_t)b + 4 : (uintptr_t)b->mem;
    pthread_mutex_lock(&g_lock);
    if (insert(b)) result = (HGLOBAL)(uintptr_t)b->node.key;
    pthread_mutex_unlock(&g_lock);
out:
    if (!result) {
        free(b->mem);
        free(b);
    }
    return result;
}

/*
 * GlobalReAlloc: see winbase.h.  Growth past the allocation reallocs (a
 * moveable block's memory moves behind its handle); shrinking keeps the
 * allocation, so it never moves anything.
 */
HGLOBAL GlobalReAlloc(HGLOBAL hMem, SIZE_T dwBytes, UINT uFlags)
{
    HGLOBAL result = NULL;
    gblock *b;
    BOOL zero = (uFlags & GMEM_ZEROINIT) != 0;

    pthread_mutex_lock(&g_lock);
    b = find((uintptr_t)hMem);
    if (!b) goto out;
    if (b->moveable && !dwBytes) {
        if (b->locks) goto out;
        free(b->mem);
        b->mem = NULL;
        b->size = b->cap = 0;
        result = hMem;
        goto out;
    }
    if (dwBytes > b->cap || !b->mem) {
        unsigned char *nm;
        if (b->moveable ? b->locks != 0 : !(uFlags & GMEM_MOVEABLE)) goto out; /* would have to move */
        nm = b->mem ? realloc(b->mem, dwBytes) : alloc_bytes(dwBytes, FALSE);
        if (!nm) goto out;
        if (!b->moveable && nm != b->mem) {
            /* A fixed block is known by its address: re-key it. */
            unlink_block(b);
            b->node.key = (uintptr_t)nm;
            /* Cannot fail: the table lost one record just now, so it does
             * not grow. */
            (void)insert(b);
        }
        b->mem = nm;
        b->cap = dwBytes;
    }
    if (zero && dwBytes > b->size) memset(b->mem + b->size, 0, dwBytes - b->size);
    b->size = dwBytes;
    result = (HGLOBAL)(uintptr_t)b->node.key;
out:
    pthread_mutex_unlock(&g_lock);
    return result;
}

/* GlobalLock: see winbase.h. */
LPVOID GlobalLock(HGLOBAL hMem)
{
    void *p = NULL;
    gblock *b;

    pthread_mutex_lock(&g_lock);
    b = find((uintptr_t)hMem);
    if (b && b->mem) {
        if (b->moveable && b->locks < MAX_LOCKS) b->locks++;
        p = b->mem;
    }
    pthread_mutex_unlock(&g_lock);
    return p;
}

/* GlobalUnlock: see winbase.h. */
BOOL GlobalUnlock(HGLOBAL hMem)
{
    BOOL still = FALSE;
    gblock *b;

    pthread_mutex_lock(&g_lock);
    b = find((uintptr_t)hMem);
    if (b && !b->moveable)
        still = TRUE;
    else if (b && b->locks)
        still = --b->locks != 0;
    pthread_mutex_unlock(&g_lock);
    return still;
}

/* GlobalSize: see winbase.h. */
SIZE_T GlobalSize(HGLOBAL hMem)
{
    SIZE_T n = 0;
    gblock *b;

    pthread_mutex_lock(&g_lock);
    b = find((uintptr_t)hMem);
    if (b) n = b->size;
    pthread_mutex_unlock(&g_lock);
    return n;
}

/* GlobalFree: see winbase.h. */
HGLOBAL GlobalFree(HGLOBAL hMem)
{
    gblock *b;

    if (!hMem) return NULL;
    pthread_mutex_lock(&g_lock);
    b = find((uintptr_t)hMem);
    if (b) unlink_block(b);
    pthread_mutex_unlock(&g_lock);
    if (!b) return hMem;
    free(b->mem);
    free(b);
    return NULL;
}
