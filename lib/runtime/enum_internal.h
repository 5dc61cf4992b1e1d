/*
 * runtime/enum_internal.h — the one array-enumerator core behind comrt's
 * standard enumerators (IEnumVARIANT, IEnumUnknown in enum.c;
 * IEnumConnections, IEnumConnectionPoints in connpt.c).
 *
 * Every IEnumXXX interface has the same seven methods; only the element
 * type differs.  A comrt__enum_kind says how to copy an element out to a
 * caller and how to release one; the items live in one reference-counted
 * block shared by an enumerator and its clones, each with its own position.
 * COMRT__ENUM_VTBL writes the typed vtable of one interface, whose methods
 * only forward to the core.
 */
#ifndef COMRT_RUNTIME_ENUM_INTERNAL_H
#define COMRT_RUNTIME_ENUM_INTERNAL_H

#include <stddef.h>

#include <comrt.h>

/* How one kind of enumerator handles its elements. */
typedef struct comrt__enum_kind {
    const IID *iid;    /* the enumerator's interface */
    const void *vtbl;  /* its vtable (COMRT__ENUM_VTBL) */
    size_t item_size;  /* sizeof one element */
    /* Copies the element *src into *dst (raw storage) with its own
     * reference (AddRef, VariantCopy); on failure *dst holds nothing to
     * release.  Used both to fill the shared block and to hand elements
     * out in Next. */
    HRESULT (*copy)(void *dst, const void *src);
    /* Releases what one copied element holds. */
    void (*clear)(void *item);
} comrt__enum_kind;

typedef struct comrt__enum comrt__enum;

/* A new enumerator of kind over copies of items[0..count) (kind->copy'd
 * now: the caller keeps its array), positioned at the start.  *ppEnum
 * receives it as kind's interface (reference count 1, caller Releases).
 * E_POINTER for NULL ppEnum, E_INVALIDARG for NULL items with count > 0,
 * E_OUTOFMEMORY, or the first copy's failure (nothing is kept then). */
HRESULT comrt__enum_create(const comrt__enum_kind *kind, ULONG count, const void *items, void **ppEnum);

/* The core of each IEnumXXX method (e is the interface pointer). */
HRESULT comrt__enum_query(comrt__enum *e, REFIID riid, void **ppv);
ULONG comrt__enum_addref(comrt__enum *e);
ULONG comrt__enum_release(comrt__enum *e);
HRESULT comrt__enum_next(comrt__enum *e, ULONG celt, void *rgelt, ULONG *pceltFetched);
HRESULT comrt__enum_skip(comrt__enum *e, ULONG celt);
HRESULT comrt__enum_reset(comrt__enum *e);
HRESULT comrt__enum_clone(comrt__enum *e, void **ppEnum);

/* The kind callbacks for an IUnknown * element (AddRef / Release; NULL
 * elements allowed), for enumerators of interface pointers. */
HRESULT comrt__enum_unknown_copy(void *dst, const void *src);
void comrt__enum_unknown_clear(void *item);

/* Defines static const Iface##Vtbl prefix##_vtbl whose methods forward to
 * the core; Item is the element type of Next's array. */
#define COMRT__ENUM_VTBL(prefix, Iface, Item)                                                            \
    static HRESULT STDMETHODCALLTYPE prefix##_QueryInterface(Iface *This, REFIID riid, void **ppv)       \
    {                                                                                                    \
        return comrt__enum_query((comrt__enum *)(void *)This, riid, ppv);                                \
    }                                                                                                    \
    static ULONG STDMETHODCALLTYPE prefix##_AddRef(Iface *This)                                          \
    {                                                                                                    \
        return comrt__enum_addref((comrt__enum *)(void *)This);                                          \
    }                                                                                                    \
    static ULONG STDMETHODCALLTYPE prefix##_Release(Iface *This)                                         \
    {                                                                                                    \
        return comrt__enum_release((comrt__enum *)(void *)This);                                         \
    }                                                                                                    \
    static HRESULT STDMETHODCALLTYPE prefix##_Next(Iface *This, ULONG celt, Item *rgelt, ULONG *fetched) \
    {                                                                                                    \
        return comrt__enum_next((comrt__enum *)(void *)This, celt, rgelt, fetched);                      \
    }                                                                                                    \
    static HRESULT STDMETHODCALLTYPE prefix##_Skip(Iface *This, ULONG celt)                              \
    {                                                                                                    \
        return comrt__enum_skip((comrt__enum *)(void *)This, celt);                                      \
    }                                                                                                    \
    static HRESULT STDMETHODCALLTYPE prefix##_Reset(Iface *This)                                         \
    {                                                                                                    \
        return comrt__enum_reset((comrt__enum *)(void *)This);                                           \
    }                                                                                                    \
    static HRESULT STDMETHODCALLTYPE prefix##_Clone(Iface *This, Iface **ppEnum)                         \
    {                                                                                                    \
        return comrt__enum_clone((comrt__enum *)(void *)This, (void **)ppEnum);                          \
    }                                                                                                    \
    static const Iface##Vtbl prefix##_vtbl = {prefix##_QueryInterface, prefix##_AddRef, prefix##_Release, \
                                              prefix##_Next, prefix##_Skip, prefix##_Reset, prefix##_Clone}

#endif /* COMRT_RUNTIME_ENUM_INTERNAL_H */
