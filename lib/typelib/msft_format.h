/*
 * lib/typelib/msft_format.h — the on-disk layout of MSFT type libraries
 * (the format of .tlb files written by MIDL/widl/ICreateTypeLib2), as far
 * as it has been inferred from public write-ups and from observing
 * oleaut32.  Everything is little-endian; offsets are byte offsets.  The
 * reader never maps these onto structs: it reads fields through bounds-
 * checked helpers, so only the offsets below matter.
 */
#ifndef COMRT_TYPELIB_MSFT_FORMAT_H
#define COMRT_TYPELIB_MSFT_FORMAT_H

#define MSFT_MAGIC 0x5446534D  /* "MSFT" */
#define SLTG_MAGIC 0x47544C53  /* "SLTG" */

/* ---- Header (21 INTs) --------------------------------------------------- */
#define MSFT_HDR_MAGIC1 0x00
#define MSFT_HDR_MAGIC2 0x04      /* 0x00010002 */
#define MSFT_HDR_POSGUID 0x08     /* library GUID: offset in the GUID segment */
#define MSFT_HDR_LCID 0x0C
#define MSFT_HDR_LCID2 0x10
#define MSFT_HDR_VARFLAGS 0x14    /* SYSKIND in bits 0-3; 0x100: a help-string DLL offset follows the header; 0x10: name offsets... */
#define MSFT_HDR_VERSION 0x18     /* major in the low word, minor in the high word */
#define MSFT_HDR_FLAGS 0x1C       /* LIBFLAGS */
#define MSFT_HDR_NTYPEINFOS 0x20
#define MSFT_HDR_HELPSTRING 0x24  /* string segment offset */
#define MSFT_HDR_HELPSTRINGCTX 0x28
#define MSFT_HDR_HELPCONTEXT 0x2C
#define MSFT_HDR_NAMECOUNT 0x30
#define MSFT_HDR_NAMECHARS 0x34
#define MSFT_HDR_NAME 0x38        /* name segment offset of the library name */
#define MSFT_HDR_HELPFILE 0x3C    /* string segment offset */
#define MSFT_HDR_CUSTDATA 0x40    /* CD-GUID segment offset of the first custom datum */
#define MSFT_HDR_DISPATCHPOS 0x4C /* HREFTYPE of IDispatch (stdole2) or -1 */
#define MSFT_HDR_NIMPINFOS 0x50
#define MSFT_HDR_SIZE 0x54
#define MSFT_VARFLAGS_HELPDLL 0x100

/* ---- Segment directory: 15 entries of {offset, length, -1, 0x0F} -------- */
enum {
    MSFT_SEG_TYPEINFO = 0,
    MSFT_SEG_IMPINFO,
    MSFT_SEG_IMPFILES,
    MSFT_SEG_REFTAB,
    MSFT_SEG_GUIDHASH,
    MSFT_SEG_GUID,
    MSFT_SEG_NAMEHASH,
    MSFT_SEG_NAME,
    MSFT_SEG_STRING,
    MSFT_SEG_TYPEDESC,
    MSFT_SEG_ARRAYDESC,
    MSFT_SEG_CUSTDATA,
    MSFT_SEG_CDGUIDS,
    MSFT_SEG_RES0E,
    MSFT_SEG_RES0F,
    MSFT_SEG_COUNT
};
#define MSFT_SEGDIR_ENTRY 16

/* ---- Type info base record (0x64 bytes) in the type-info segment -------- */
#define MSFT_TI_SIZE 0x64
#define MSFT_TI_TYPEKIND 0x00     /* TYPEKIND in bits 0-3, alignment in bits 11-15 */
#define MSFT_TI_MEMOFFSET 0x04    /* file offset of the member block */
#define MSFT_TI_CELEMENT 0x18     /* functions in the low word, variables in the high word */
#define MSFT_TI_POSGUID 0x2C
#define MSFT_TI_FLAGS 0x30        /* TYPEFLAGS */
#define MSFT_TI_NAME 0x34
#define MSFT_TI_VERSION 0x38
#define MSFT_TI_DOCSTRING 0x3C
#define MSFT_TI_HELPSTRINGCTX 0x40
#define MSFT_TI_HELPCONTEXT 0x44
#define MSFT_TI_CUSTDATA 0x48
#define MSFT_TI_CIMPLTYPES 0x4C   /* INT16 */
#define MSFT_TI_CBSIZEVFT 0x4E    /* INT16 */
#define MSFT_TI_SIZEINST 0x50
#define MSFT_TI_DATATYPE1 0x54    /* alias: typedesc; coclass: ref table offset; interface: base HREFTYPE; module: DLL name */
#define MSFT_TI_DATATYPE2 0x58

/* ---- Member block ------------------------------------------------------
 * INT infolen; the function records then the variable records (infolen
 * bytes); then cFuncs+cVars member ids, as many name offsets, and as many
 * record offsets (relative to the first record). */

/* Function record (fixed part, 24 bytes), then optional INTs (help context,
 * doc string, entry, res, res, help string context, custom data, per-arg
 * custom data), then default values (nrargs INTs, when FKCCIC bit 12), then
 * nrargs parameter records of 12 bytes (type, name, flags). */
#define MSFT_FUNC_INFO 0x00       /* record size in the low word */
#define MSFT_FUNC_DATATYPE 0x04
#define MSFT_FUNC_FLAGS 0x08      /* FUNCFLAGS in the low word */
#define MSFT_FUNC_VTOFF 0x0C      /* INT16 */
#define MSFT_FUNC_FKCCIC 0x10     /* funckind 0-2, invkind 3-6, custdata 7, callconv 8-11, defaults 12, ordinal entry 13 */
#define MSFT_FUNC_NRARGS 0x14     /* INT16 */
#define MSFT_FUNC_NROARGS 0x16    /* INT16 */
#define MSFT_FUNC_FIXED 0x18
#define MSFT_PARAM_SIZE 12

/* Variable record (fixed part, 20 bytes), then optional INTs (help
 * context, doc string, res, custom data, help string context). */
#define MSFT_VAR_INFO 0x00
#define MSFT_VAR_DATATYPE 0x04
#define MSFT_VAR_FLAGS 0x08
#define MSFT_VAR_KIND 0x0C        /* INT16 */
#define MSFT_VAR_OFFSVALUE 0x10
#define MSFT_VAR_FIXED 0x14

/* Ref table record: {href, impltype flags, custom data, next (-1 ends)}. */
#define MSFT_REF_SIZE 16
/* Import info: {flags (count | 0x10000 when oGuid is a GUID offset | typekind<<24), import file offset, oGuid or index}. */
#define MSFT_IMPINFO_SIZE 12
#define MSFT_IMPINFO_GUID 0x00010000
/* Import file: {GUID offset, LCID, version (major | minor << 16), INT16
 * (name length << 2 | flags)}, the name, padded to 4 bytes. */
#define MSFT_IMPFILE_FIXED 14
/* GUID entry: GUID, HREFTYPE, next hash (24 bytes). */
#define MSFT_GUID_SIZE 24
/* Name entry: {hreftype, next hash, len | flags << 8 | hash << 16}, then the bytes, padded to 4. */
#define MSFT_NAME_FIXED 12
/* Custom data guid entry: {GUID offset, data offset, next}. */
#define MSFT_CDGUID_SIZE 12

/* A typedesc code: < 0 is a simple VARTYPE in the low 16 bits; otherwise
 * an offset in the typedesc segment of an 8-byte {vt, (unused), value}. */
#define MSFT_TYPEDESC_SIZE 8

#endif
