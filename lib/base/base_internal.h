/*
 * base/base_internal.h — what base/ shares with the other subsystems.
 */
#ifndef COMRT_BASE_INTERNAL_H
#define COMRT_BASE_INTERNAL_H

#include <comrt.h>

#include "base/utf16.h"

/* The largest single task-memory block: a cap so that size arithmetic on
 * untrusted counts can never wrap. */
#define COMRT_TASKMEM_MAX ((SIZE_T)1 << 40)

/* The size a CoTaskMemAlloc'ed block was asked for; (SIZE_T)-1 for NULL. */
SIZE_T comrt__taskmem_size(const void *pv);

/* Parses "{8-4-4-4-12}" exactly (hex in either case, nothing after);
 * writes *out only on success. */
BOOL comrt__guid_parse(const WCHAR *s, GUID *out);

/* Writes the 38-character upper-case form and a NUL (39 units) to out;
 * returns 39. */
int comrt__guid_format(const GUID *g, WCHAR *out);

/* ---- ProgID fallback of CLSIDFromString (runtime/progid.c) ----------- *
 * CLSIDFromString also accepts a ProgID, but the class registry lives in
 * runtime/, above base/: runtime/progid.c registers CLSIDFromProgID here
 * when the library loads, and CLSIDFromString calls it for a string that
 * does not start with '{'.  The lookup must write *clsid only on success. */
typedef HRESULT (*comrt__progid_lookup_fn)(LPCOLESTR progid, CLSID *clsid);
void comrt__guid_set_progid_lookup(comrt__progid_lookup_fn fn);

/* Sets the calling thread's error object (SetErrorInfo) to a new one whose
 * description is text (UTF-8) and source `source`: how libcomrt's own
 * functions explain a failure (a .reg file's line, dlerror's text).  Best
 * effort: out of memory, the thread keeps what it had. */
void comrt__errorinfo_set_text(LPCOLESTR source, const char *text);

/* Atomic reference-count steps for objects implemented in C. */
static inline ULONG comrt__ref_inc(LONG *ref) { return (ULONG)__atomic_add_fetch(ref, 1, __ATOMIC_RELAXED); }
static inline ULONG comrt__ref_dec(LONG *ref) { return (ULONG)__atomic_sub_fetch(ref, 1, __ATOMIC_ACQ_REL); }

#endif /* COMRT_BASE_INTERNAL_H */
