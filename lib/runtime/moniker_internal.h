/*
 * runtime/moniker_internal.h — what the system monikers (mk_*.c), the bind
 * context (bindctx.c), the running object table (rot.c) and the display-name
 * parser (mkparse.c) share.
 *
 * Every system moniker is one C object, comrt_moniker, with one IMoniker
 * vtable (mk_common.c) and a per-kind table of the behaviour that differs
 * (comrt_mk_kind): display name, binding, stream format, comparison.  Monikers
 * are immutable once made (IPersistStream::Load on a live moniker replaces
 * its contents, as on Windows, and must not race with other calls on it), so
 * they are free-threaded without locks.
 */
#ifndef COMRT_RUNTIME_MONIKER_INTERNAL_H
#define COMRT_RUNTIME_MONIKER_INTERNAL_H

#ifndef COBJMACROS
#define COBJMACROS
#endif
#include <comrt.h>

/* The CLSIDs Windows gives its system monikers (IPersist::GetClassID; the
 * stream format of a composite names each part by them). */
extern const CLSID comrt__clsid_file_moniker;      /* {00000303-0000-0000-C000-000000000046} */
extern const CLSID comrt__clsid_item_moniker;      /* {00000304-...} */
extern const CLSID comrt__clsid_composite_moniker; /* {00000309-...} */
extern const CLSID comrt__clsid_class_moniker;     /* {0000031A-...} */
extern const CLSID comrt__clsid_new_moniker;       /* {ECABAFC6-7F19-11D2-978E-0000F8757E2A} */

/* The longest display name, item name or path a moniker accepts: a cap on
 * what untrusted streams and strings can make us allocate. */
#define COMRT_MK_NAME_MAX 32768u
/* The most parts a composite may have (Load from a stream is untrusted). */
#define COMRT_MK_PARTS_MAX 1024u

typedef struct comrt_moniker comrt_moniker;

/* What differs between the kinds of system moniker.  NULL entries take the
 * generic behaviour of mk_common.c. */
typedef struct comrt_mk_kind {
    DWORD mksys;        /* IsSystemMoniker's answer */
    const CLSID *clsid; /* GetClassID's answer */
    /* Frees the kind's data (not the object). */
    void (*destroy)(comrt_moniker *m);
    /* *out receives a CoTaskMemAlloc'ed display name. */
    HRESULT (*display)(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, LPOLESTR *out);
    HRESULT (*bind)(comrt_moniker *m, IBindCtx *pbc, IMoniker *left, REFIID riid, void **ppv);
    /* Stream format after the CLSID (which OleSaveToStream-style callers
     * write); load replaces m's data only on success. */
    HRESULT (*save)(comrt_moniker *m, IStream *stm);
    HRESULT (*load)(comrt_moniker *m, IStream *stm);
    ULONG (*size_max)(comrt_moniker *m);
    /* other is of the same kind. */
    BOOL (*equal)(comrt_moniker *m, comrt_moniker *other);
    DWORD (*hash)(comrt_moniker *m);
    HRESULT (*compose)(comrt_moniker *m, IMoniker *right, BOOL only_if_not_generic, IMoniker **out);
    HRESULT (*prefix)(comrt_moniker *m, IMoniker *other, IMoniker **out);
    HRESULT (*relative)(comrt_moniker *m, IMoniker *other, IMoniker **out);
    HRESULT (*enumerate)(comrt_moniker *m, BOOL forward, IEnumMoniker **out);
    HRESULT (*reduce)(comrt_moniker *m, IBindCtx *pbc, DWORD how, IMoniker **left, IMoniker **out);
} comrt_mk_kind;

struct comrt_moniker {
    IMoniker IMoniker_iface;
    IROTData IROTData_iface;
    LONG ref;
    const comrt_mk_kind *kind;
    union {
        CLSID clsid;                         /* class and new monikers */
        struct { WCHAR *delim, *name; } item; /* malloc'ed */
        WCHAR *path;                         /* file moniker, malloc'ed */
        struct { IMoniker **parts; ULONG count; } comp;
    } u;
};

extern const comrt_mk_kind comrt__mk_class_kind, comrt__mk_new_kind, comrt__mk_item_kind, comrt__mk_file_kind,
    comrt__mk_composite_kind;

/* ---- mk_common.c --------------------------------------------------------- */

/* A new moniker of the given kind with ref 1 and zeroed data; NULL when out
 * of memory.  The caller fills m->u and hands out &m->IMoniker_iface. */
comrt_moniker *comrt__mk_alloc(const comrt_mk_kind *kind);
/* The comrt_moniker behind pmk when it is a system moniker of that kind
 * (kind NULL: of any kind), else NULL.  Borrowed, no reference taken. */
comrt_moniker *comrt__mk_from(IMoniker *pmk, const comrt_mk_kind *kind);

/* A malloc'ed copy of s (at most COMRT_MK_NAME_MAX units); NULL when out of
 * memory or too long. */
WCHAR *comrt__mk_wcsdup(const WCHAR *s);
/* *out receives a CoTaskMemAlloc'ed copy of s. */
HRESULT comrt__mk_taskdup(const WCHAR *s, LPOLESTR *out);
/* Reads exactly cb bytes (STG_E_READFAULT when the stream ends first) /
 * writes exactly cb bytes. */
HRESULT comrt__mk_read(IStream *stm, void *pv, ULONG cb);
HRESULT comrt__mk_write(IStream *stm, const void *pv, ULONG cb);
/* Writes s as a length-prefixed narrow string the way ole32 does in item and
 * file monikers: ULONG byte count (with the NUL), then the characters (each
 * as one byte; characters past 0x7F as '?').  Returns whether any character
 * was not ASCII (*lossy) so the caller can add the UTF-16 form. */
HRESULT comrt__mk_write_ansi(IStream *stm, const WCHAR *s, ULONG extra, BOOL *lossy);

/* The bind context's class context (BIND_OPTS2.dwClassContext), CLSCTX_SERVER
 * when pbc is NULL or does not say. */
DWORD comrt__mk_bind_clsctx(IBindCtx *pbc);

/* *ppv receives riid on the object the ROT has for pmk (S_OK), or
 * MK_E_UNAVAILABLE when pmk is not running.  pbc may be NULL. */
HRESULT comrt__mk_rot_lookup(IBindCtx *pbc, IMoniker *pmk, REFIID riid, void **ppv);

/* Composes pmk (may be NULL) with right the generic way. */
HRESULT comrt__mk_compose_generic(IMoniker *pmk, IMoniker *right, BOOL only_if_not_generic, IMoniker **out);

/* *out receives an IEnumMoniker over copies of items[0..count) (AddRef'ed;
 * Next hands out AddRef'ed monikers), forward or backward. */
HRESULT comrt__mk_enum_create(ULONG count, IMoniker *const *items, BOOL forward, IEnumMoniker **out);

/* The new moniker ("new:"): binding creates an instance of clsid. */
HRESULT comrt__mk_new_create(REFCLSID clsid, IMoniker **ppmk);

/* ---- rot.c ------------------------------------------------------------------- */

/* *data receives the bytes the ROT compares monikers by (malloc'ed, caller
 * frees) and *cb their count: IROTData's comparison data when the moniker
 * has it, else its CLSID and display name as Wine and Windows do. */
HRESULT comrt__rot_moniker_key(IMoniker *pmk, BYTE **data, ULONG *cb);

/* ---- IOleItemContainer (oleidl.h is not declared by comrt yet) ----------
 * An item moniker binds through the object named by the moniker to its left:
 * that object's IOleItemContainer::GetObject.  The layout below is the SDK's
 * (IParseDisplayName, then IOleContainer's EnumObjects/LockContainer, then
 * IOleItemContainer's GetObject/GetObjectStorage/IsRunningItem). */
extern const IID comrt__iid_ole_item_container; /* {0000011C-0000-0000-C000-000000000046} */
typedef struct comrt_ole_item_container comrt_ole_item_container;
typedef struct comrt_ole_item_container_vtbl {
    HRESULT (*QueryInterface)(comrt_ole_item_container *This, REFIID riid, void **ppv);
    ULONG (*AddRef)(comrt_ole_item_container *This);
    ULONG (*Release)(comrt_ole_item_container *This);
    HRESULT (*ParseDisplayName)(comrt_ole_item_container *This, IBindCtx *pbc, LPOLESTR name, ULONG *eaten,
                                IMoniker **ppmk);
    HRESULT (*EnumObjects)(comrt_ole_item_container *This, DWORD flags, IEnumUnknown **ppenum);
    HRESULT (*LockContainer)(comrt_ole_item_container *This, BOOL lock);
    HRESULT (*GetObject)(comrt_ole_item_container *This, LPOLESTR item, DWORD speed, IBindCtx *pbc, REFIID riid,
                         void **ppv);
    HRESULT (*GetObjectStorage)(comrt_ole_item_container *This, LPOLESTR item, IBindCtx *pbc, REFIID riid,
                                void **ppv);
    HRESULT (*IsRunning)(comrt_ole_item_container *This, LPOLESTR item);
} comrt_ole_item_container_vtbl;
struct comrt_ole_item_container {
    const comrt_ole_item_container_vtbl *lpVtbl;
};
#define COMRT_BINDSPEED_INDEFINITE 1

#endif /* COMRT_RUNTIME_MONIKER_INTERNAL_H */
