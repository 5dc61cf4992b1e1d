/*
 * comrt/winbase.h — of everything the SDK's winbase.h declares, only the
 * HGLOBAL memory functions COM code needs around CreateStreamOnHGlobal and
 * GetHGlobalFromStream (lib/runtime/hglobal.c).  Other kernel32 functions
 * stay with the Linux API; events are in synchapi.h.
 *
 * A GMEM_FIXED block's handle is the pointer to its memory, as on Windows.
 * A GMEM_MOVEABLE block's handle is not a pointer: GlobalLock gives the
 * memory (and counts locks), GlobalUnlock gives it back.  Handles are
 * process-local; every function is thread-safe and checks its handle (an
 * unknown one is refused, never dereferenced).
 */
#ifndef COMRT_WINBASE_H
#define COMRT_WINBASE_H

#include "wtypesbase.h"

COMRT_BEGIN_DECLS

#define GMEM_FIXED 0x0000u
#define GMEM_MOVEABLE 0x0002u
#define GMEM_ZEROINIT 0x0040u
#define GHND (GMEM_MOVEABLE | GMEM_ZEROINIT)
#define GPTR (GMEM_FIXED | GMEM_ZEROINIT)

/* A new block of dwBytes bytes (zeroed with GMEM_ZEROINIT): the memory
 * itself for GMEM_FIXED, a handle for GMEM_MOVEABLE (a moveable block of 0
 * bytes is "discarded": its handle is valid, GlobalLock answers NULL until
 * GlobalReAlloc gives it memory).  NULL when out of memory.  Free with
 * GlobalFree. */
STDAPI_(HGLOBAL) GlobalAlloc(UINT uFlags, SIZE_T dwBytes);
/* Resizes hMem to dwBytes (GMEM_ZEROINIT zeroes what grows).  A moveable
 * block keeps its handle; while it is locked it does not move, so it may
 * then only shrink.  A fixed block shrinks in place and grows only with
 * GMEM_MOVEABLE in uFlags, which may move it (the new pointer is the new
 * handle; the old one is then invalid).  A moveable block resized to 0
 * bytes while unlocked is discarded.  NULL on failure (hMem unchanged). */
STDAPI_(HGLOBAL) GlobalReAlloc(HGLOBAL hMem, SIZE_T dwBytes, UINT uFlags);
/* The block's memory: a moveable block's lock count goes up by one (NULL
 * for a discarded block); a fixed block's pointer is its handle.  NULL for
 * NULL or an unknown handle. */
STDAPI_(LPVOID) GlobalLock(HGLOBAL hMem);
/* A moveable block's lock count goes down by one: TRUE while it stays
 * locked, FALSE when it reaches 0 or was not locked.  TRUE for a fixed
 * block (Wine's kernel32 answers so); FALSE for an unknown handle. */
STDAPI_(BOOL) GlobalUnlock(HGLOBAL hMem);
/* The block's size in bytes; 0 for a discarded block, NULL or an unknown
 * handle. */
STDAPI_(SIZE_T) GlobalSize(HGLOBAL hMem);
/* Frees the block (locked or not): NULL on success and for NULL, hMem
 * itself for an unknown handle. */
STDAPI_(HGLOBAL) GlobalFree(HGLOBAL hMem);

COMRT_END_DECLS

#endif /* COMRT_WINBASE_H */
