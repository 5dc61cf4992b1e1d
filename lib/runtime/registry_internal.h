/*
 * runtime/registry_internal.h — internals of the SQLite registry shared by
 * winreg.c (the Reg* API), regstore.c (the databases) and regfile.c (.reg
 * import/export).
 */
#ifndef COMRT_RUNTIME_REGISTRY_INTERNAL_H
#define COMRT_RUNTIME_REGISTRY_INTERNAL_H

#include <comrt.h>
#include <sqlite3.h>

/* The two databases. */
enum { COMRT_REGDB_USER = 0, COMRT_REGDB_MACHINE = 1, COMRT_REGDB_COUNT = 2 };

/* Hard caps on what the registry stores (Windows' own limits for names). */
#define COMRT_REG_MAX_KEY_NAME 255u      /* units in one key name */
#define COMRT_REG_MAX_PATH 32767u        /* units in a whole key path */
#define COMRT_REG_MAX_VALUE_NAME 16383u  /* units in a value name */
#define COMRT_REG_MAX_DATA (64u << 20)   /* bytes of one value's data */

/* Takes / releases the process-wide registry lock (recursive). */
void comrt__reg_lock(void);
void comrt__reg_unlock(void);

/* The connection to database `which` (lock held).  With for_write, creates
 * the directories, the file and the schema as needed and fails with
 * ERROR_ACCESS_DENIED when the database is not writable; without it, *db is
 * NULL (and the result ERROR_SUCCESS) when the database does not exist. */
LONG comrt__reg_db(int which, int for_write, sqlite3 **db);

/* Write transactions (lock held): begin takes the database's write lock
 * (BEGIN IMMEDIATE, waiting out other processes); end commits when rc is
 * ERROR_SUCCESS and rolls back otherwise, and returns the final code.
 * Inside a batch (comrt__reg_batch_begin) begin/end only join the batch's
 * transaction, which comrt__reg_batch_end commits or rolls back. */
LONG comrt__reg_tx_begin(int which, sqlite3 **db);
LONG comrt__reg_tx_end(int which, LONG rc);
void comrt__reg_batch_begin(void);
LONG comrt__reg_batch_end(LONG rc);

/* Closes both connections (tests switch databases through the environment;
 * the connection also follows COMRT_REGISTRY changes by itself). */
void comrt__reg_reset(void);

/* Case folding of one UTF-16 unit as the registry compares names. */
WCHAR comrt__reg_fold(WCHAR c);


/* Reads value `name` (NULL: the default value) of the open key k as a
 * string, for the runtime's own lookups (CLSID, ProgID, TypeLib keys):
 * *out receives it NUL-terminated (malloc'ed; the caller frees; an embedded
 * NUL ends it for C-string readers), *ptype (optional) REG_SZ or REG_EXPAND_SZ.  A missing
 * value is ERROR_FILE_NOT_FOUND, or reads as "" when missing_ok (what
 * RegQueryValue answers for a key without a default value, and ole32 relies
 * on).  ERROR_INVALID_DATA for a value that is no string, is larger than
 * max_bytes or changed between its size and its read;
 * ERROR_NOT_ENOUGH_MEMORY.  (regstring.c) */
LONG comrt__reg_read_sz(HKEY k, const WCHAR *name, BOOL missing_ok, DWORD max_bytes, WCHAR **out, DWORD *ptype);

/* The full path of an open key as .reg files name it
 * ("HKEY_CURRENT_USER\Software\X"), as a malloc'd string the caller frees. */
LONG comrt__reg_key_path(HKEY hKey, WCHAR **out);

/* RegSetValueExW without NT's rule of counting a terminator that follows
 * cbData: stores exactly cbData bytes and never reads past them. */
LONG comrt__reg_set_value_exact(HKEY hKey, LPCWSTR lpValueName, DWORD dwType, const BYTE *lpData, DWORD cbData);

/* ---- .reg files (regfile.c) --------------------------------------------- */

/* What the parser reports, in file order.  key: a [path] (del = [-path]).
 * value: name NULL for the default value (@); del for "name"=-; otherwise
 * type and data.  Strings are NUL-terminated; a nonzero LONG stops the
 * parse with that error. */
typedef struct {
    LONG (*key)(void *ctx, const WCHAR *path, int del);
    LONG (*value)(void *ctx, const WCHAR *name, int del, DWORD type, const BYTE *data, DWORD cb);
} comrt__regfile_sink;

/* Parses a whole .reg file held in memory (UTF-16LE with BOM, or UTF-8 /
 * ANSI without).  On a syntax error returns
 * HRESULT_FROM_WIN32(ERROR_INVALID_DATA) (ERROR_BAD_FORMAT for a missing
 * header) with *line the 1-based line; *msg (static) says what is wrong. */
HRESULT comrt__regfile_parse(const BYTE *data, size_t cb, const comrt__regfile_sink *sink, void *ctx,
                             DWORD *line, const char **msg);

#endif /* COMRT_RUNTIME_REGISTRY_INTERNAL_H */
