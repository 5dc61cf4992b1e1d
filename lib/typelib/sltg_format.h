/*
 * lib/typelib/sltg_format.h — offsets and magic numbers of the SLTG type
 * library format (the one mktyplib and old MIDL wrote before MSFT), as
 * sltg_read.c reads it.  No official description exists; the layout was
 * learned from public write-ups and from what oleaut32 accepts.  All
 * values are little-endian; the structures are packed (no padding).
 *
 * A file is: header, block directory, "\1CompObj\0dir\0", one 11-byte
 * index string per type, 9 zero bytes, then the blocks in chain order:
 * one per type, the library block last.  Names live in the name table at
 * the end of the library block, NUL-terminated, addressed by 16-bit
 * offsets.
 */
#ifndef COMRT_SLTG_FORMAT_H
#define COMRT_SLTG_FORMAT_H

/* header */
#define SLTG_HDR_NBLOCKS 0x04     /* WORD: directory entries + 1 */
#define SLTG_HDR_FIRST 0x0A       /* WORD: 1-based entry of the first block */
#define SLTG_HDR_SIZE 0x24
#define SLTG_BLKENT_SIZE 8        /* DWORD length, WORD index string, WORD next (1-based, 0 = last) */
#define SLTG_MAGIC2 "\001CompObj\0dir\0"
#define SLTG_MAGIC2_SIZE 13
#define SLTG_INDEX_SIZE 11
#define SLTG_PAD9 9

/* library block */
#define SLTG_LIB_MAGIC 0x51CC
#define SLTG_LIB_NAME 0x04        /* WORD: name table offset of the library name */
#define SLTG_LIB_RES06 0x06       /* WORD: 0xFFFF, else bytes to skip */
#define SLTG_LIB_GAP 0x40         /* bytes after the fixed part, before the type entries */
#define SLTG_OTI_FIXED 36         /* a type entry without its variable strings */
#define SLTG_NAMETAB_SKIP 0x218   /* from the stored offset to the names */

/* type block: header */
#define SLTG_TI_MAGIC 0x0501
#define SLTG_TI_HREFTAB 0x02      /* DWORD: offset of the ref table, 0xFFFFFFFF none */
#define SLTG_TI_ELEMTAB 0x0A      /* DWORD: offset of the member header */
#define SLTG_TI_VMAJOR 0x12
#define SLTG_TI_VMINOR 0x14
#define SLTG_TI_FLAGS1 0x1A       /* low 3 bits 2; bits 3-7: TYPEFLAGS bits 0-4 */
#define SLTG_TI_FLAGS2 0x1B       /* TYPEFLAGS >> 5 */
#define SLTG_TI_KIND 0x1D
#define SLTG_TI_SIZE 0x22
#define SLTG_MEMHDR_EXTRA 0x05    /* DWORD: bytes of member data that follow */
#define SLTG_MEMHDR_SIZE 9

/* type block: tail (after the member data) */
#define SLTG_TAIL_CFUNCS 0x00
#define SLTG_TAIL_CVARS 0x02
#define SLTG_TAIL_FUNCS_OFF 0x08
#define SLTG_TAIL_VARS_OFF 0x0A
#define SLTG_TAIL_IMPLS_OFF 0x0C
#define SLTG_TAIL_ALIAS 0x14      /* a VARTYPE or the offset of type words */
#define SLTG_TAIL_SIMPLE_ALIAS 0x1C
#define SLTG_TAIL_CBINSTANCE 0x20
#define SLTG_TAIL_ALIGN 0x22
#define SLTG_TAIL_CBVFT 0x28
#define SLTG_TAIL_SIZE 0x36

/* ref table */
#define SLTG_REF_MAGIC 0xDF
#define SLTG_REF_NUMBER 0x44      /* DWORD: 8 x number of refs */
#define SLTG_REF_NAMES 0x4F       /* + number: the ref strings "*\Rxxxx*#n" */

/* implemented interfaces */
#define SLTG_IMPL_MAGIC 0x004A
#define SLTG_IMPL_NEXT 0x02
#define SLTG_IMPL_FLAGS 0x06
#define SLTG_IMPL_REF 0x0A
#define SLTG_IMPL_SIZE 0x0C       /* bytes read of each */

/* functions */
#define SLTG_FUNC_FLAGS_PRESENT 0x20
#define SLTG_FUNC_VIRTUAL 0x4C
#define SLTG_FUNC_DISPATCH 0xCB
#define SLTG_FUNC_STATIC 0x8B
#define SLTG_FUNC_INV 0x01
#define SLTG_FUNC_NEXT 0x02
#define SLTG_FUNC_NAME 0x04
#define SLTG_FUNC_MEMID 0x06
#define SLTG_FUNC_ARGS 0x0E
#define SLTG_FUNC_NACC 0x10       /* bits 0-2 CALLCONV, 3-7 parameter count */
#define SLTG_FUNC_RETOPT 0x11     /* 0x80: return type inline; bits 1-6 optional count */
#define SLTG_FUNC_RETTYPE 0x12
#define SLTG_FUNC_VTBL 0x14
#define SLTG_FUNC_FUNCFLAGS 0x16
#define SLTG_FUNC_SIZE 0x18

/* variables */
#define SLTG_VAR_MAGIC 0x0A
#define SLTG_VAR_FLAGS_MAGIC 0x2A
#define SLTG_VAR_FLAGS 0x01       /* 0x02 type inline, 0x08 value inline, 0x10 const, 0x40 dispatch, 0x80 readonly */
#define SLTG_VAR_NEXT 0x02
#define SLTG_VAR_NAME 0x04
#define SLTG_VAR_OFFS 0x06
#define SLTG_VAR_TYPE 0x08
#define SLTG_VAR_MEMID 0x0A
#define SLTG_VAR_VARFLAGS 0x12
#define SLTG_VAR_SIZE 0x12        /* without varflags */

/* type words: bits 0-5 VARTYPE; 0x0E00 adds a pointer level; in the first
 * word of a parameter: 0x8000 in/out, 0x4000 out, both none, 0x2000 lcid,
 * 0x0080 retval */
#define SLTG_TW_VT 0x3F
#define SLTG_TW_PTR 0x0E00

/* ---- the reader (sltg_read.c) ------------------------------------------- */
#include <stddef.h>
#include <stdint.h>

#include <comrt.h>

struct comrt__tl_model;
/* Parses an SLTG image (copied; the caller keeps data) into the model the
 * MSFT reader fills.  *out is the new model (free with
 * comrt__tl_model_free); TYPE_E_INVDATAREAD on a malformed file. */
HRESULT comrt__sltg_parse(const uint8_t *data, size_t size, struct comrt__tl_model **out);

#endif
