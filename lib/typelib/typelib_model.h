/*
 * lib/typelib/typelib_model.h — the parsed, immutable model of one type
 * library, owned by its ITypeLib object, and the internal functions the
 * typelib/ files share.
 *
 * The model keeps the file's bytes (one copy) and compact arrays of fixed-
 * size records that point into them: names and strings stay where they are
 * in the file and become BSTRs only when asked for, so loading costs one
 * pass and a handful of allocations.  Every offset kept here was checked
 * against the segment it points into while parsing.
 */
#ifndef COMRT_TYPELIB_MODEL_H
#define COMRT_TYPELIB_MODEL_H

#include <stdint.h>

#include <comrt.h>

/* Caps on what one library may declare (far above any real library). */
#define COMRT_TL_MAX_TYPES 0x10000
#define COMRT_TL_MAX_MEMBERS 0x8000    /* functions or variables of one type */
#define COMRT_TL_MAX_PARAMS 0x400      /* parameters of one function */
#define COMRT_TL_MAX_TDESC_DEPTH 32    /* VT_PTR/VT_SAFEARRAY/VT_CARRAY nesting */
#define COMRT_TL_MAX_FILE ((size_t)1 << 30)
#define COMRT_TL_MAX_IMPORTS 0x10000       /* import files, import infos */
#define COMRT_TL_MAX_RECORDS 0x100000      /* functions, variables, parameters, impl types in all */

/* Grows *arr (of elem-sized records, capacity *cap) to hold need of them,
 * doubling; FALSE past COMRT_TL_MAX_RECORDS or out of memory (the array is
 * then unchanged).  Shared by the MSFT and SLTG readers. */
BOOL comrt__tl_grow(void **arr, uint32_t *cap, uint32_t need, size_t elem);

/* A name or string in the file: `len` bytes at `off` (off == 0: none). */
typedef struct {
    uint32_t off;
    uint32_t len;
} comrt__tl_str;

typedef struct {
    int32_t type;           /* typedesc code */
    comrt__tl_str name;
    uint16_t flags;         /* PARAMFLAG_* */
    int32_t defval;         /* default value code (when PARAMFLAG_FHASDEFAULT) */
    int32_t custdata;       /* CD-GUID list offset or -1 */
} comrt__tl_param;

typedef struct {
    int32_t memid;
    comrt__tl_str name;
    comrt__tl_str doc;
    uint32_t helpctx, hsctx;
    int32_t custdata;
    int32_t rettype;
    int32_t entry;          /* string offset or ordinal; -1 none */
    uint16_t funcflags;
    uint8_t funckind, invkind, callconv, entry_is_ord;
    int16_t ovft;
    int16_t cparams, cparamsopt;
    uint32_t first_param;   /* index in comrt__tl_model.params */
} comrt__tl_func;

typedef struct {
    int32_t memid;
    comrt__tl_str name;
    comrt__tl_str doc;
    uint32_t helpctx, hsctx;
    int32_t custdata;
    int32_t type;
    uint16_t varflags;
    uint8_t varkind;
    int32_t value;          /* oInst, or the constant's value code */
} comrt__tl_var;

typedef struct {
    int32_t href;
    int32_t flags;          /* IMPLTYPEFLAG_* */
    int32_t custdata;
} comrt__tl_impl;

typedef struct {
    TYPEKIND kind;
    GUID guid;
    uint16_t typeflags;
    uint16_t vmajor, vminor;
    uint16_t align;
    uint16_t cbvft;
    uint32_t cbinstance;
    comrt__tl_str name;
    comrt__tl_str doc;
    comrt__tl_str dllname;   /* TKIND_MODULE */
    uint32_t helpctx, hsctx;
    int32_t custdata;
    int32_t alias;           /* TKIND_ALIAS: typedesc code */
    uint16_t cfuncs, cvars, cimpl;
    uint32_t first_func, first_var, first_impl;
    uint32_t namehash;       /* LHashValOfName of the name, from the file */
} comrt__tl_type;

typedef struct {
    GUID guid;
    LCID lcid;
    uint16_t vmajor, vminor;
    comrt__tl_str name;      /* the file name as stored */
} comrt__tl_impfile;

typedef struct {
    uint32_t file;           /* index in impfiles */
    int32_t typekind;
    BOOL by_guid;
    GUID guid;
    int32_t index;           /* type index in the imported library when !by_guid */
} comrt__tl_impinfo;

typedef struct comrt__tl_model {
    uint8_t *data;           /* the MSFT bytes (owned) */
    size_t size;
    /* segments (validated: inside data) */
    uint32_t seg_off[16], seg_len[16];
    TLIBATTR attr;
    comrt__tl_str name, doc, helpfile, helpdll;
    uint32_t helpctx, hsctx;
    int32_t custdata;
    int32_t dispatch_href;
    uint32_t ntypes, nfuncs, nvars, nparams, nimpls, nimpfiles, nimpinfos;
    comrt__tl_type *types;
    comrt__tl_func *funcs;
    comrt__tl_var *vars;
    comrt__tl_param *params;
    comrt__tl_impl *impls;
    comrt__tl_impfile *impfiles;
    comrt__tl_impinfo *impinfos;
    uint32_t unique_names, unique_chars;
} comrt__tl_model;

/* ---- pe.c ---------------------------------------------------------------- */

/* Finds TYPELIB resource number `index` (1-based resource id) in a PE
 * image.  S_OK with the byte range, TYPE_E_CANTLOADLIBRARY when the file is
 * not a valid PE or has no such resource. */
HRESULT comrt__pe_find_typelib(const uint8_t *data, size_t size, unsigned index, size_t *off, size_t *len);

/* ---- msft_read.c --------------------------------------------------------- */

/* Parses an MSFT image (copied; the caller keeps data).  *out is the new
 * model (free with comrt__tl_model_free). */
HRESULT comrt__msft_parse(const uint8_t *data, size_t size, comrt__tl_model **out);
void comrt__tl_model_free(comrt__tl_model *m);

/* A BSTR of a stored name/string (NULL for none / out of memory). */
BSTR comrt__tl_bstr(const comrt__tl_model *m, comrt__tl_str s);
/* Whether stored name s equals the UTF-16 name (case-insensitively, as
 * names are compared in type libraries). */
BOOL comrt__tl_name_eq(const comrt__tl_model *m, comrt__tl_str s, const WCHAR *name);
/* Reads the value code v (inline or custom-data offset) into *out. */
HRESULT comrt__tl_read_value(const comrt__tl_model *m, int32_t v, VARIANT *out);
/* The TYPEDESC for code td: bytes needed beyond the TYPEDESC itself
 * (comrt__tl_tdesc_extra) and the filling of one into that space. */
size_t comrt__tl_tdesc_extra(const comrt__tl_model *m, int32_t td);
void comrt__tl_tdesc_fill(const comrt__tl_model *m, int32_t td, TYPEDESC *out, uint8_t **space);
/* Custom data: the list at cd (CD-GUID offset, -1 none). */
HRESULT comrt__tl_custdata_get(const comrt__tl_model *m, int32_t cd, REFGUID guid, VARIANT *out);
HRESULT comrt__tl_custdata_all(const comrt__tl_model *m, int32_t cd, CUSTDATA *out);

/* ---- typelib.c / typeinfo.c / typecomp.c / load.c ------------------------ */

typedef struct comrt__typelib comrt__typelib;

/* A new ITypeLib2 over model m (taken), for path (copied, may be NULL). */
HRESULT comrt__typelib_create(comrt__tl_model *m, const WCHAR *path, comrt__typelib **out);
/* Loads a type library from bytes (PE or MSFT) as LoadTypeLib would. */
HRESULT comrt__typelib_load_memory(const uint8_t *data, size_t size, unsigned index, const WCHAR *path,
                                   ITypeLib **out);
const comrt__tl_model *comrt__typelib_model(const comrt__typelib *tl);
ITypeLib *comrt__typelib_iface(comrt__typelib *tl);
comrt__typelib *comrt__typelib_from_iface(ITypeLib *p);
/* The path the library was loaded from (NULL if from memory). */
const WCHAR *comrt__typelib_path(const comrt__typelib *tl);
/* An ITypeInfo for type `index` (dual_iface: the interface half of a dual
 * dispinterface). AddRef'ed; Release it. */
HRESULT comrt__typeinfo_get(comrt__typelib *tl, uint32_t index, BOOL dual_iface, ITypeInfo **out);
/* Resolves an imported library by file name / GUID (loading it). */
HRESULT comrt__typelib_import(comrt__typelib *tl, uint32_t file, ITypeLib **out);
/* Release of a cached library: drops the reference under the cache lock
 * and, at zero, removes it from the cache and destroys it. */
ULONG comrt__typelib_cache_release(comrt__typelib *tl);
void comrt__typelib_destroy(comrt__typelib *tl);
/* Fills GetDocumentation-style outputs from stored strings (all or nothing). */
HRESULT comrt__tl_doc_out(const comrt__tl_model *m, comrt__tl_str name, comrt__tl_str doc, DWORD ctx, comrt__tl_str file,
                          BSTR *pname, BSTR *pdoc, DWORD *pctx, BSTR *pfile);
/* ITypeComp over a type library / over one type. */
HRESULT comrt__typecomp_for_lib(comrt__typelib *tl, ITypeComp **out);
HRESULT comrt__typecomp_for_type(ITypeInfo *ti, ITypeComp **out);
/* Internal access to a type info object made by typeinfo.c. */
BOOL comrt__typeinfo_is_ours(ITypeInfo *ti);
void comrt__typeinfo_ident(ITypeInfo *ti, comrt__typelib **tl, uint32_t *index, BOOL *dual_iface);
/* Builds FUNCDESC / VARDESC blocks (one CoTaskMem block each). */
HRESULT comrt__typeinfo_funcdesc(ITypeInfo *ti, UINT index, FUNCDESC **out);
HRESULT comrt__typeinfo_vardesc(ITypeInfo *ti, UINT index, VARDESC **out);
/* The type info that declares function `index` of ti's view (AddRef'ed). */
HRESULT comrt__typeinfo_func_owner(ITypeInfo *ti, UINT index, ITypeInfo **owner);

#endif

/* ---- hooks set by runtime/ (typelib/ never calls up a layer) ------------- *
 * runtime/tlbreg.c registers RegisterTypeLib here when the library loads;
 * LoadTypeLibEx calls it for REGKIND_REGISTER (and REGKIND_DEFAULT with a
 * bare file name).  Unset (a build without runtime/): registering fails
 * with TYPE_E_REGISTRYACCESS.  runtime/ may also set the activation used by
 * ITypeInfo::CreateInstance (CoCreateInstance); unset, a coclass answers
 * REGDB_E_CLASSNOTREG, as for a class registered nowhere. */
typedef HRESULT (*comrt__typelib_register_fn)(ITypeLib *ptlib, LPCOLESTR path, LPCOLESTR helpdir);
void comrt__typelib_set_register_hook(comrt__typelib_register_fn fn);
typedef HRESULT (*comrt__typelib_create_fn)(REFCLSID clsid, IUnknown *outer, DWORD clsctx, REFIID riid,
                                             void **ppv);
void comrt__typelib_set_create_hook(comrt__typelib_create_fn fn);
/* QueryPathOfRegTypeLib: imported libraries are looked up in the registry
 * first (by LIBID, version, LCID), as oleaut32 does; unset, only by file. */
typedef HRESULT (*comrt__typelib_query_fn)(REFGUID guid, USHORT maj, USHORT min, LCID lcid, BSTR *path);
void comrt__typelib_set_query_hook(comrt__typelib_query_fn fn);

/* ---- object layouts shared by typelib.c / typeinfo.c / typecomp.c -------- */
#ifndef COMRT_TYPELIB_NO_OBJECTS
#include <pthread.h>

/* What ITypeInfo::Invoke found for one (memid, flags) of a type, kept for
 * the next call (typeinfo.c): a list that only grows, pushed atomically,
 * freed with the library.  owner is not referenced — it is this library's
 * or an import's, and imports live as long as the library. */
typedef struct comrt__ti_plan {
    struct comrt__ti_plan *next;
    MEMBERID memid;
    WORD flags;
    ITypeInfo *owner;
    FUNCDESC *fd;
    GUID iid;
} comrt__ti_plan;

typedef struct comrt__typeinfo {
    ITypeInfo2 iface;
    LONG ref;
    comrt__typelib *tl;
    uint32_t index;
    BOOL dual_iface;         /* the interface half of a dual dispinterface */
    comrt__ti_plan *plans;   /* Invoke's cache; atomic head */
} comrt__typeinfo;

/* Frees ti's invoke plans (when its library dies). */
void comrt__typeinfo_free_plans(comrt__typeinfo *ti);

struct comrt__typelib {
    ITypeLib2 iface;
    LONG ref;
    comrt__tl_model *m;
    WCHAR *path;             /* as loaded (canonical), NULL from memory */
    char *cache_key;         /* canonical path + "\\N", NULL when not cached */
    comrt__typeinfo *infos;  /* [0, ntypes): types; [ntypes, 2 ntypes): interface halves */
    pthread_mutex_t lock;    /* guards imports */
    ITypeLib **imports;      /* per import file, loaded on first use */
    BYTE *import_tried;
};

extern const ITypeInfo2Vtbl comrt__typeinfo_vtbl;

/* The size of a pointer in the library's world (SYS_WIN64: 8, else 4). */
static inline UINT comrt__tl_ptrsize(const comrt__tl_model *m) { return m->attr.syskind == SYS_WIN64 ? 8 : 4; }
#endif
