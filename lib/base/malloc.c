/*
 * base/malloc.c — the COM task allocator: CoTaskMem* and IMalloc.
 *
 * Each block carries a 16-byte header (the requested size and a tag), so
 * IMalloc::GetSize answers the size asked for, as Windows' does, DidAlloc
 * can tell our blocks from others, and the payload keeps 16-byte alignment.
 */
#include <stdlib.h>

#include "base/base_internal.h"

#define BLOCK_TAG 0x636f6d72744d454dULL /* "comrtMEM" */

typedef struct {
    size_t size;
    uint64_t tag;
} block_header;

COMRT_STATIC_ASSERT(sizeof(block_header) == 16, "task-memory header keeps 16-byte alignment");

static block_header *header_of(void *pv) { return (block_header *)pv - 1; }

LPVOID CoTaskMemAlloc(SIZE_T cb)
{
    block_header *h;
    if (cb > COMRT_TASKMEM_MAX) return NULL;
    h = malloc(sizeof *h + cb);
    if (!h) return NULL;
    h->size = cb;
    h->tag = BLOCK_TAG;
    return h + 1;
}

LPVOID CoTaskMemRealloc(LPVOID pv, SIZE_T cb)
{
    block_header *h;
    if (!pv) return CoTaskMemAlloc(cb);
    if (cb == 0) {
        CoTaskMemFree(pv);
        return NULL;
    }
    if (cb > COMRT_TASKMEM_MAX) return NULL;
    h = realloc(header_of(pv), sizeof *h + cb);
    if (!h) return NULL; /* the old block stays valid, as realloc promises */
    h->size = cb;
    return h + 1;
}

void CoTaskMemFree(LPVOID pv)
{
    block_header *h;
    if (!pv) return;
    h = header_of(pv);
    h->tag = 0; /* a double free then fails DidAlloc instead of passing */
    free(h);
}

SIZE_T comrt__taskmem_size(const void *pv)
{
    return pv ? ((const block_header *)pv - 1)->size : (SIZE_T)-1;
}

/* ---- IMalloc: a process-wide singleton over the functions above --------- */

static HRESULT STDMETHODCALLTYPE malloc_QueryInterface(IMalloc *iface, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IMalloc)) {
        *ppv = iface;
        return S_OK;
    }
    *ppv = NULL;
    return E_NOINTERFACE;
}

/* The singleton lives for the whole process: reference counts are not kept. */
static ULONG STDMETHODCALLTYPE malloc_AddRef(IMalloc *iface) { return 2; }
static ULONG STDMETHODCALLTYPE malloc_Release(IMalloc *iface) { return 1; }
static void *STDMETHODCALLTYPE malloc_Alloc(IMalloc *iface, SIZE_T cb) { return CoTaskMemAlloc(cb); }
static void *STDMETHODCALLTYPE malloc_Realloc(IMalloc *iface, void *pv, SIZE_T cb) { return CoTaskMemRealloc(pv, cb); }
static void STDMETHODCALLTYPE malloc_Free(IMalloc *iface, void *pv) { CoTaskMemFree(pv); }
static SIZE_T STDMETHODCALLTYPE malloc_GetSize(IMalloc *iface, void *pv) { return comrt__taskmem_size(pv); }

static int STDMETHODCALLTYPE malloc_DidAlloc(IMalloc *iface, void *pv)
{
    if (!pv) return -1;
    return header_of(pv)->tag == BLOCK_TAG ? 1 : 0;
}

static void STDMETHODCALLTYPE malloc_HeapMinimize(IMalloc *iface) {}

static const IMallocVtbl malloc_vtbl = {
    malloc_QueryInterface, malloc_AddRef, malloc_Release, malloc_Alloc,
    malloc_Realloc,        malloc_Free,   malloc_GetSize, malloc_DidAlloc,
    malloc_HeapMinimize,
};

static IMalloc task_malloc = { &malloc_vtbl };

HRESULT CoGetMalloc(DWORD dwMemContext, LPMALLOC *ppMalloc)
{
    if (!ppMalloc) return E_INVALIDARG;
    if (dwMemContext != MEMCTX_TASK) {
        *ppMalloc = NULL;
        return E_INVALIDARG;
    }
    *ppMalloc = &task_malloc;
    return S_OK;
}
