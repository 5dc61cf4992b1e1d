/*
 * lib/typelib/create_model.h — the mutable model behind CreateTypeLib2:
 * the ICreateTypeLib2 object (create_lib.c), its ICreateTypeInfo2 objects
 * (create_info.c) and the MSFT serialiser (msft_write.c) share it.
 *
 * Everything is kept as the caller described it (BSTRs, VARIANTs), except
 * type descriptions, which are encoded into the library's TYPEDESC and
 * ARRAYDESC segments as they arrive (as oleaut32 does): a type code is
 * then one int32 everywhere.  Type infos live as long as their library:
 * their AddRef/Release count on the library's reference count, so a
 * caller may release the two in any order.
 */
#ifndef COMRT_TYPELIB_CREATE_MODEL_H
#define COMRT_TYPELIB_CREATE_MODEL_H

#include <stdint.h>

#include <comrt.h>

typedef struct {
    GUID guid;
    VARIANT v;
} comrt__ct_cditem;

typedef struct {
    comrt__ct_cditem *items;  /* in the order they were first set */
    uint32_t n;
} comrt__ct_cd;

typedef struct {
    int32_t type;      /* typedesc code */
    BSTR name;
    USHORT flags;      /* PARAMFLAG_* */
    VARIANT def;       /* the default (VT_EMPTY unless PARAMFLAG_FHASDEFAULT) */
    comrt__ct_cd cd;
} comrt__ct_param;

typedef struct {
    MEMBERID memid;
    FUNCKIND funckind;
    INVOKEKIND invkind;
    CALLCONV callconv;
    WORD flags;
    SHORT ovft;
    SHORT cparamsopt;
    int32_t rettype;
    USHORT cparams;
    comrt__ct_param *params;
    BSTR name, doc;
    DWORD helpctx, hsctx;
    BSTR entry;        /* entry point by name, or NULL */
    int32_t ordinal;   /* entry point by ordinal when entry_set && !entry */
    BOOL entry_set;
    comrt__ct_cd cd;
} comrt__ct_func;

typedef struct {
    MEMBERID memid;
    BSTR name, doc;
    DWORD helpctx, hsctx;
    int32_t type;
    WORD flags;
    VARKIND kind;
    ULONG oinst;
    VARIANT value;     /* VAR_CONST */
    comrt__ct_cd cd;
} comrt__ct_var;

typedef struct {
    HREFTYPE href;
    INT flags;
    comrt__ct_cd cd;
} comrt__ct_impl;

typedef struct comrt__ct_lib comrt__ct_lib;

typedef struct comrt__ct_type {
    ICreateTypeInfo2 iface;
    comrt__ct_lib *lib;
    uint32_t index;
    BSTR name;
    TYPEKIND kind;
    GUID guid;
    WORD typeflags, vmajor, vminor, align;
    BSTR doc, dllname, schema;
    DWORD helpctx, hsctx;
    int32_t alias;     /* TKIND_ALIAS: typedesc code, -1 unset */
    comrt__ct_func *funcs;
    uint32_t nfuncs;
    comrt__ct_var *vars;
    uint32_t nvars;
    comrt__ct_impl *impls;
    uint32_t nimpls;
    comrt__ct_cd cd;
    uint32_t cbinst;
    uint16_t cbvft;
    BOOL laying;       /* LayOut in progress (cycle guard) */
} comrt__ct_type;

typedef struct {
    GUID guid;
    LCID lcid;
    WORD vmajor, vminor;
    BSTR name;         /* the file name stored (base name of the path) */
} comrt__ct_impfile;

typedef struct {
    uint32_t file;
    TYPEKIND kind;
    GUID guid;
    uint32_t cbinst;   /* the referenced type's layout, for LayOut */
    uint16_t align;
    uint16_t vfuncs;   /* its vtable size in functions */
} comrt__ct_impinfo;

struct comrt__ct_lib {
    ICreateTypeLib2 iface;
    LONG ref;
    SYSKIND syskind;
    char *path;        /* UTF-8 file name to save to */
    BSTR name, doc, helpfile, helpdll;
    GUID guid;
    LCID lcid;
    WORD vmajor, vminor, libflags;
    DWORD helpctx, hsctx;
    comrt__ct_cd cd;
    comrt__ct_type **types;
    uint32_t ntypes, captypes;
    comrt__ct_type **dead;     /* deleted type infos, freed with the library */
    uint32_t ndead;
    comrt__ct_impfile *impfiles;
    uint32_t nimpfiles;
    comrt__ct_impinfo *impinfos;
    uint32_t nimpinfos;
    uint8_t *tdesc;            /* TYPEDESC segment */
    uint32_t tdesc_len;
    uint8_t *adesc;            /* ARRAYDESC segment */
    uint32_t adesc_len;
};

/* create_lib.c */
BOOL comrt__ct_name_taken(comrt__ct_lib *lib, const WCHAR *name, const comrt__ct_type *except);
HRESULT comrt__ct_cd_set(comrt__ct_cd *cd, REFGUID guid, const VARIANT *v);
void comrt__ct_cd_free(comrt__ct_cd *cd);
/* Replaces *dst with a copy of s (NULL refused: E_INVALIDARG); *dst unchanged on failure. */
HRESULT comrt__ct_set_bstr(BSTR *dst, const WCHAR *s);
/* Encodes a TYPEDESC into the library's segments; *code receives it. */
HRESULT comrt__ct_encode_tdesc(comrt__ct_lib *lib, const TYPEDESC *td, int depth, int32_t *code);
/* Snapshot of the library as comrt's reader sees it (an ITypeLib2 over the
 * serialised bytes; Release it). */
HRESULT comrt__ct_snapshot(comrt__ct_lib *lib, ITypeLib2 **out);
/* Size/alignment of a typedesc code in the library's world. */
HRESULT comrt__ct_tdesc_layout(comrt__ct_lib *lib, int32_t code, uint32_t *size, uint16_t *align);
/* Lays out type t (and what it depends on). */
HRESULT comrt__ct_layout(comrt__ct_type *t);

/* create_info.c */
HRESULT comrt__ct_type_new(comrt__ct_lib *lib, const WCHAR *name, TYPEKIND kind, comrt__ct_type **out);
void comrt__ct_type_free(comrt__ct_type *t);

/* msft_write.c: the MSFT image of lib (malloc'ed; free it). */
HRESULT comrt__msft_write(comrt__ct_lib *lib, uint8_t **data, size_t *size);

static inline UINT comrt__ct_ptrsize(const comrt__ct_lib *lib) { return lib->syskind == SYS_WIN64 ? 8 : 4; }

#endif
