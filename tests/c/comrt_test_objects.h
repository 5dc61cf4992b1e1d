/*
 * comrt_test_objects.h — small COM objects the C tests share.
 *
 * counted: an IUnknown whose reference count the test reads directly, to
 * check that what libcomrt AddRef's it Releases.  Start one with
 * COUNTED_INIT (count 1, the test's own reference).
 */
#ifndef COMRT_TEST_OBJECTS_H
#define COMRT_TEST_OBJECTS_H

#include <comrt.h>

typedef struct {
    IUnknown iface;
    LONG ref;
} counted;

static HRESULT STDMETHODCALLTYPE counted_QueryInterface(IUnknown *This, REFIID riid, void **ppv)
{
    (void)riid;
    *ppv = This;
    This->lpVtbl->AddRef(This);
    return S_OK;
}

static ULONG STDMETHODCALLTYPE counted_AddRef(IUnknown *This) { return ++((counted *)This)->ref; }
static ULONG STDMETHODCALLTYPE counted_Release(IUnknown *This) { return --((counted *)This)->ref; }

static const IUnknownVtbl counted_vtbl = { counted_QueryInterface, counted_AddRef, counted_Release };

#define COUNTED_INIT { { &counted_vtbl }, 1 }

#endif
