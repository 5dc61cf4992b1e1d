/*
 * runtime/winreg.c — the Win32 Reg* subset on the SQLite registry
 * (regstore.c).  Handles of HKCU/HKLM keys carry the key's row id, so a
 * handle to a deleted key answers ERROR_KEY_DELETED as on Windows; handles
 * under HKEY_CLASSES_ROOT carry their path, resolved on each call against
 * HKCU\Software\Classes first and HKLM\Software\Classes second (writes go to
 * the user's, as Windows does for a non-administrator).  Every write is one
 * SQLite transaction.  Error codes follow what advapi32 answers (golden:
 * tests/golden/reg.txt).
 */
#include "registry_internal.h"
#include "base/utf16.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef ERROR_NOACCESS
#define ERROR_NOACCESS 998u
#endif

#define HKEY_MAGIC 0x4b45594bu /* "KEYK" */
enum { HIVE_USER = COMRT_REGDB_USER, HIVE_MACHINE = COMRT_REGDB_MACHINE, HIVE_CLASSES = 2 };

struct HKEY__ {
    uint32_t magic;
    int hive;
    REGSAM sam;
    sqlite3_int64 id; /* HKCU/HKLM: row id, 0 = the hive root */
    WCHAR *path;      /* HKCR: path below Software\Classes, "" = the root */
};

static struct HKEY__ g_roots[3] = {
    {HKEY_MAGIC, HIVE_CLASSES, KEY_ALL_ACCESS, 0, (WCHAR *)u""},
    {HKEY_MAGIC, HIVE_USER, KEY_ALL_ACCESS, 0, NULL},
    {HKEY_MAGIC, HIVE_MACHINE, KEY_ALL_ACCESS, 0, NULL},
};

static const WCHAR classes_prefix[] = u"Software\\Classes";

/* ---- handles and names -------------------------------------------------- */

static struct HKEY__ *key_from(HKEY h)
{
    if (h == HKEY_CLASSES_ROOT) return &g_roots[0];
    if (h == HKEY_CURRENT_USER) return &g_roots[1];
    if (h == HKEY_LOCAL_MACHINE) return &g_roots[2];
    if (!h || ((uintptr_t)h >> 32) == 0xFFFFFFFFu) return NULL;
    if (h->magic != HKEY_MAGIC) return NULL;
    return h;
}

static int is_root(const struct HKEY__ *k)
{
    return k >= g_roots && k < g_roots + 3;
}

static REGSAM norm_sam(REGSAM sam)
{
    return (sam & MAXIMUM_ALLOWED) ? KEY_ALL_ACCESS : sam;
}

/* UTF-8 copies of a name and of its folded form (malloc'd). */
static LONG name_utf8(const WCHAR *s, size_t len, char **name, char **folded)
{
    WCHAR *f = NULL;
    size_t n, i;
    char *a = NULL, *b = NULL;
    LONG result = ERROR_NOT_ENOUGH_MEMORY;
    f = malloc((len + 1) * sizeof(WCHAR));
    if (!f) goto out;
    for (i = 0; i < len; i++) f[i] = comrt__reg_fold(s[i]);
    n = comrt__utf16_to_utf8(s, len, NULL, 0);
    a = malloc(n + 1);
    b = malloc(comrt__utf16_to_utf8(f, len, NULL, 0) + 1);
    if (!a || !b) goto out;
    a[comrt__utf16_to_utf8(s, len, a, n)] = 0;
    b[comrt__utf16_to_utf8(f, len, b, comrt__utf16_to_utf8(f, len, NULL, 0))] = 0;
    *name = a;
    *folded = b;
    a = b = NULL;
    result = ERROR_SUCCESS;
out:
    free(f);
    free(a);
    free(b);
    return result;
}

/* A new UTF-16 string from UTF-8 text (malloc'd, NUL-terminated). */
static WCHAR *utf16_from(const char *s, size_t *len_out)
{
    return comrt__utf8_to_utf16_dup(s, strlen(s), len_out);
}

static sqlite3_int64 now_filetime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ((sqlite3_int64)ts.tv_sec + 11644473600LL) * 10000000LL + ts.tv_nsec / 100;
}

/* Splits a subkey path into components.  A leading backslash is
 * ERROR_BAD_PATHNAME; empty components (trailing or doubled backslashes)
 * are skipped, as advapi32 does.  Each component is (start, len). */
typedef struct { const WCHAR *s; size_t len; } comp;

static LONG split_path(const WCHAR *path, comp **out, size_t *count)
{
    size_t n = 0, cap = 0, total, i, start;
    comp *v = NULL;
    LONG result = ERROR_SUCCESS;
    *out = NULL;
    *count = 0;
    if (!path || !*path) return ERROR_SUCCESS;
    if (path[0] == '\\') return ERROR_BAD_PATHNAME;
    total = comrt__utf16_len(path);
    if (total > COMRT_REG_MAX_PATH) return ERROR_INVALID_PARAMETER;
    for (i = 0, start = 0; i <= total; i++) {
        if (i < total && path[i] != '\\') continue;
        if (i > start) {
            if (i - start > COMRT_REG_MAX_KEY_NAME) { result = ERROR_INVALID_PARAMETER; goto out; }
            if (n == cap) {
                comp *nv;
                cap = cap ? cap * 2 : 8;
                nv = realloc(v, cap * sizeof *v);
                if (!nv) { result = ERROR_NOT_ENOUGH_MEMORY; goto out; }
                v = nv;
            }
            v[n].s = path + start;
            v[n].len = i - start;
            n++;
        }
        start = i + 1;
    }
    *out = v;
    *count = n;
    v = NULL;
out:
    free(v);
    return result;
}

/* ---- database primitives (lock held) ------------------------------------ */

static int key_alive(sqlite3 *db, sqlite3_int64 id)
{
    sqlite3_stmt *st;
    int alive = 0;
    if (id == 0) return 1;
    if (!db) return 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM keys WHERE id=?", -1, &st, NULL) != SQLITE_OK) return 0;
    sqlite3_bind_int64(st, 1, id);
    alive = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return alive;
}

/* The child `name` of parent: ERROR_SUCCESS with *id, or ERROR_FILE_NOT_FOUND. */
static LONG key_child(sqlite3 *db, sqlite3_int64 parent, const WCHAR *s, size_t len, sqlite3_int64 *id)
{
    char *name = NULL, *folded = NULL;
    sqlite3_stmt *st = NULL;
    LONG result;
    if (!db) return ERROR_FILE_NOT_FOUND;
    result = name_utf8(s, len, &name, &folded);
    if (result != ERROR_SUCCESS) goto out;
    result = ERROR_REGISTRY_IO_FAILED;
    if (sqlite3_prepare_v2(db, "SELECT id FROM keys WHERE parent=? AND name_folded=?", -1, &st, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(st, 1, parent);
    sqlite3_bind_text(st, 2, folded, -1, SQLITE_STATIC);
    switch (sqlite3_step(st)) {
    case SQLITE_ROW: *id = sqlite3_column_int64(st, 0); result = ERROR_SUCCESS; break;
    case SQLITE_DONE: result = ERROR_FILE_NOT_FOUND; break;
    default: break;
    }
out:
    sqlite3_finalize(st);
    free(name);
    free(folded);
    return result;
}

/* Walks (and with create, makes) path below parent.  *created tells whether
 * the last component was made. */
static LONG key_walk(sqlite3 *db, sqlite3_int64 parent, const comp *c, size_t n, int create,
                     sqlite3_int64 *id, int *created)
{
    size_t i;
    LONG result = ERROR_SUCCESS;
    sqlite3_int64 cur = parent;
    int made = 0;
    for (i = 0; i < n; i++) {
        sqlite3_int64 next = 0;
        result = key_child(db, cur, c[i].s, c[i].len, &next);
        if (result == ERROR_FILE_NOT_FOUND && create) {
            char *name = NULL, *folded = NULL;
            sqlite3_stmt *st = NULL;
            result = name_utf8(c[i].s, c[i].len, &name, &folded);
            if (result == ERROR_SUCCESS) {
                result = ERROR_REGISTRY_IO_FAILED;
                if (sqlite3_prepare_v2(db, "INSERT INTO keys(parent,name,name_folded,last_write) VALUES(?,?,?,?)",
                                       -1, &st, NULL) == SQLITE_OK) {
                    sqlite3_bind_int64(st, 1, cur);
                    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
                    sqlite3_bind_text(st, 3, folded, -1, SQLITE_STATIC);
                    sqlite3_bind_int64(st, 4, now_filetime());
                    if (sqlite3_step(st) == SQLITE_DONE) {
                        next = sqlite3_last_insert_rowid(db);
                        result = ERROR_SUCCESS;
                        made = (i + 1 == n);
                    }
                }
                sqlite3_finalize(st);
            }
            free(name);
            free(folded);
        }
        if (result != ERROR_SUCCESS) goto out;
        cur = next;
    }
    *id = cur;
    if (created) *created = made;
out:
    return result;
}

static LONG walk_path(sqlite3 *db, sqlite3_int64 parent, const WCHAR *path, int create, sqlite3_int64 *id,
                      int *created)
{
    comp *c = NULL;
    size_t n = 0;
    LONG result = split_path(path, &c, &n);
    if (result == ERROR_SUCCESS) result = key_walk(db, parent, c, n, create, id, created);
    free(c);
    return result;
}

/* "Software\Classes\<rel>" as a new string. */
static WCHAR *classes_path(const WCHAR *rel)
{
    size_t a = comrt__utf16_len(classes_prefix), b = comrt__utf16_len(rel);
    WCHAR *p = malloc((a + b + 2) * sizeof(WCHAR));
    if (!p) return NULL;
    memcpy(p, classes_prefix, a * sizeof(WCHAR));
    p[a] = 0;
    if (b) {
        p[a] = '\\';
        memcpy(p + a + 1, rel, b * sizeof(WCHAR));
        p[a + 1 + b] = 0;
    }
    return p;
}

/* rel + "\" + sub with empty components dropped (malloc'd). */
static LONG join_path(const WCHAR *rel, const WCHAR *sub, WCHAR **out)
{
    comp *c = NULL;
    size_t n = 0, i, len = comrt__utf16_len(rel), pos;
    WCHAR *p = NULL;
    LONG result = split_path(sub, &c, &n);
    if (result != ERROR_SUCCESS) goto out;
    for (i = 0; i < n; i++) len += c[i].len + 1;
    if (len > COMRT_REG_MAX_PATH) { result = ERROR_INVALID_PARAMETER; goto out; }
    p = malloc((len + 1) * sizeof(WCHAR));
    if (!p) { result = ERROR_NOT_ENOUGH_MEMORY; goto out; }
    pos = comrt__utf16_len(rel);
    memcpy(p, rel, pos * sizeof(WCHAR));
    for (i = 0; i < n; i++) {
        if (pos) p[pos++] = '\\';
        memcpy(p + pos, c[i].s, c[i].len * sizeof(WCHAR));
        pos += c[i].len;
    }
    p[pos] = 0;
    *out = p;
    p = NULL;
out:
    free(c);
    free(p);
    return result;
}

/* A view of a key for reading: database + row id. */
typedef struct { sqlite3 *db; sqlite3_int64 id; } view;

/* The views of k, user first: one for HKCU/HKLM keys, up to two for HKCR.
 * ERROR_KEY_DELETED when the key is gone everywhere. */
static LONG key_views(const struct HKEY__ *k, view v[2], int *n)
{
    LONG result;
    int i;
    *n = 0;
    if (k->hive != HIVE_CLASSES) {
        sqlite3 *db = NULL;
        result = comrt__reg_db(k->hive, 0, &db);
        if (result != ERROR_SUCCESS) return result;
        if (!key_alive(db, k->id)) return ERROR_KEY_DELETED;
        if (!db) return ERROR_SUCCESS; /* no database yet: an empty hive root */
        v[0].db = db;
        v[0].id = k->id;
        *n = 1;
        return ERROR_SUCCESS;
    }
    {
        WCHAR *full = classes_path(k->path);
        if (!full) return ERROR_NOT_ENOUGH_MEMORY;
        for (i = 0; i < 2; i++) {
            sqlite3 *db = NULL;
            sqlite3_int64 id = 0;
            result = comrt__reg_db(i, 0, &db);
            if (result != ERROR_SUCCESS) { free(full); return result; }
            if (db && walk_path(db, 0, full, 0, &id, NULL) == ERROR_SUCCESS) {
                v[*n].db = db;
                v[*n].id = id;
                (*n)++;
            }
        }
        free(full);
    }
    if (*n == 0 && k->path[0]) return ERROR_KEY_DELETED;
    return ERROR_SUCCESS;
}

/* Begins a write on k's key: the database, the row id (for HKCR, the user's
 * key, created as needed).  Pair with comrt__reg_tx_end(*which, rc). */
static LONG key_write_begin(const struct HKEY__ *k, int *which, sqlite3 **db, sqlite3_int64 *id)
{
    LONG result;
    if (k->hive != HIVE_CLASSES) {
        *which = k->hive;
        result = comrt__reg_tx_begin(k->hive, db);
        if (result != ERROR_SUCCESS) return result;
        *id = k->id;
        if (!key_alive(*db, k->id)) return comrt__reg_tx_end(k->hive, ERROR_KEY_DELETED);
        return ERROR_SUCCESS;
    }
    {
        view v[2];
        int n;
        WCHAR *full;
        result = key_views(k, v, &n);
        if (result != ERROR_SUCCESS) return result;
        *which = COMRT_REGDB_USER;
        result = comrt__reg_tx_begin(COMRT_REGDB_USER, db);
        if (result != ERROR_SUCCESS) return result;
        full = classes_path(k->path);
        result = full ? walk_path(*db, 0, full, 1, id, NULL) : (LONG)ERROR_NOT_ENOUGH_MEMORY;
        free(full);
        if (result != ERROR_SUCCESS) return comrt__reg_tx_end(COMRT_REGDB_USER, result);
        return ERROR_SUCCESS;
    }
}

static LONG new_handle(int hive, REGSAM sam, sqlite3_int64 id, WCHAR *path, PHKEY out)
{
    struct HKEY__ *h = calloc(1, sizeof *h);
    if (!h) {
        free(path);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    h->magic = HKEY_MAGIC;
    h->hive = hive;
    h->sam = norm_sam(sam);
    h->id = id;
    h->path = path;
    *out = h;
    return ERROR_SUCCESS;
}

static void touch_key(sqlite3 *db, sqlite3_int64 id)
{
    sqlite3_stmt *st;
    if (id == 0) return;
    if (sqlite3_prepare_v2(db, "UPDATE keys SET last_write=? WHERE id=?", -1, &st, NULL) != SQLITE_OK) return;
    sqlite3_bind_int64(st, 1, now_filetime());
    sqlite3_bind_int64(st, 2, id);
    sqlite3_step(st);
    sqlite3_finalize(st);
}

/* ---- keys ---------------------------------------------------------------- */

/* The HKCR key sub below k (an HKCR handle): *path receives the joined
 * relative path (caller frees; NULL when joining failed, with that error).
 * Returns ERROR_SUCCESS when the key exists in the user's or the system's
 * view, else key_views' error. */
static LONG classes_subkey(const struct HKEY__ *k, LPCWSTR sub, WCHAR **path)
{
    struct HKEY__ tmp = *k;
    view v[2];
    int n;
    LONG result;
    *path = NULL;
    result = join_path(k->path, sub, path);
    if (result != ERROR_SUCCESS) return result;
    tmp.path = *path;
    return key_views(&tmp, v, &n);
}

LONG RegOpenKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired, PHKEY phkResult)
{
    struct HKEY__ *k = key_from(hKey);
    LONG result;
    (void)ulOptions;
    if (!phkResult) return ERROR_INVALID_PARAMETER;
    if (!k) return ERROR_INVALID_HANDLE;
    comrt__reg_lock();
    if (k->hive == HIVE_CLASSES) {
        WCHAR *path = NULL;
        result = classes_subkey(k, lpSubKey, &path);
        if (result == ERROR_KEY_DELETED) result = ERROR_FILE_NOT_FOUND;
        if (result != ERROR_SUCCESS) {
            free(path);
            goto out;
        }
        result = new_handle(HIVE_CLASSES, samDesired, 0, path, phkResult);
    } else {
        sqlite3 *db = NULL;
        sqlite3_int64 id = 0;
        result = comrt__reg_db(k->hive, 0, &db);
        if (result != ERROR_SUCCESS) goto out;
        if (!key_alive(db, k->id)) { result = ERROR_KEY_DELETED; goto out; }
        result = walk_path(db, k->id, lpSubKey, 0, &id, NULL);
        if (result != ERROR_SUCCESS) goto out;
        result = new_handle(k->hive, samDesired, id, NULL, phkResult);
    }
out:
    comrt__reg_unlock();
    return result;
}

LONG RegCreateKeyExW(HKEY hKey, LPCWSTR lpSubKey, DWORD Reserved, LPWSTR lpClass, DWORD dwOptions,
                     REGSAM samDesired, const SECURITY_ATTRIBUTES *lpSecurityAttributes, PHKEY phkResult,
                     LPDWORD lpdwDisposition)
{
    struct HKEY__ *k = key_from(hKey);
    LONG result;
    int which = 0, created = 0;
    sqlite3 *db = NULL;
    sqlite3_int64 id = 0;
    WCHAR *path = NULL;
    (void)Reserved;
    (void)lpClass;
    (void)dwOptions;
    (void)lpSecurityAttributes;
    if (!phkResult) return ERROR_INVALID_PARAMETER;
    if (!k) return ERROR_INVALID_HANDLE;
    comrt__reg_lock();
    if (k->hive == HIVE_CLASSES) {
        WCHAR *full;
        result = classes_subkey(k, lpSubKey, &path);
        if (!path) goto out;
        if (result == ERROR_SUCCESS) {
            created = 0; /* exists in one of the views */
        } else {
            if (!(k->sam & KEY_CREATE_SUB_KEY)) { result = ERROR_ACCESS_DENIED; goto out; }
            created = 1;
        }
        result = comrt__reg_tx_begin(COMRT_REGDB_USER, &db);
        if (result != ERROR_SUCCESS) goto out;
        full = classes_path(path);
        result = full ? walk_path(db, 0, full, 1, &id, NULL) : (LONG)ERROR_NOT_ENOUGH_MEMORY;
        free(full);
        result = comrt__reg_tx_end(COMRT_REGDB_USER, result);
        if (result != ERROR_SUCCESS) goto out;
        result = new_handle(HIVE_CLASSES, samDesired, 0, path, phkResult);
        path = NULL;
    } else {
        sqlite3_int64 probe;
        result = comrt__reg_db(k->hive, 0, &db);
        if (result != ERROR_SUCCESS) goto out;
        if (db && walk_path(db, k->id, lpSubKey, 0, &probe, NULL) == ERROR_SUCCESS && key_alive(db, k->id)) {
            id = probe;
        } else {
            if (!(k->sam & KEY_CREATE_SUB_KEY)) { result = ERROR_ACCESS_DENIED; goto out; }
            result = key_write_begin(k, &which, &db, &id);
            if (result != ERROR_SUCCESS) goto out;
            result = walk_path(db, k->id, lpSubKey, 1, &id, &created);
            result = comrt__reg_tx_end(which, result);
            if (result != ERROR_SUCCESS) goto out;
        }
        result = new_handle(k->hive, samDesired, id, NULL, phkResult);
    }
    if (result == ERROR_SUCCESS && lpdwDisposition)
        *lpdwDisposition = created ? REG_CREATED_NEW_KEY : REG_OPENED_EXISTING_KEY;
out:
    free(path);
    comrt__reg_unlock();
    return result;
}

LONG RegCloseKey(HKEY hKey)
{
    struct HKEY__ *k = key_from(hKey);
    if (!k) return ERROR_INVALID_HANDLE;
    if (is_root(k)) return ERROR_SUCCESS;
    k->magic = 0;
    free(k->path);
    free(k);
    return ERROR_SUCCESS;
}

/* Deletes the subtree at id (and, with keep_root, only what is below it). */
static LONG delete_subtree(sqlite3 *db, sqlite3_int64 id, int keep_root)
{
    static const char *sql[2][2] = {
        {"WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL SELECT k.id FROM keys k JOIN t ON k.parent=t.id)"
         " DELETE FROM vals WHERE key IN t",
         "WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL SELECT k.id FROM keys k JOIN t ON k.parent=t.id)"
         " DELETE FROM keys WHERE id IN t"},
        {"WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL SELECT k.id FROM keys k JOIN t ON k.parent=t.id)"
         " DELETE FROM vals WHERE key IN t",
         "WITH RECURSIVE t(id) AS (SELECT id FROM keys WHERE parent=?1 UNION ALL"
         " SELECT k.id FROM keys k JOIN t ON k.parent=t.id) DELETE FROM keys WHERE id IN t"},
    };
    int i;
    for (i = 0; i < 2; i++) {
        sqlite3_stmt *st;
        int rc;
        if (sqlite3_prepare_v2(db, sql[keep_root ? 1 : 0][i], -1, &st, NULL) != SQLITE_OK)
            return ERROR_REGISTRY_IO_FAILED;
        sqlite3_bind_int64(st, 1, id);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) return ERROR_REGISTRY_IO_FAILED;
    }
    return ERROR_SUCCESS;
}

static int has_children(sqlite3 *db, sqlite3_int64 id)
{
    sqlite3_stmt *st;
    int yes = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM keys WHERE parent=? LIMIT 1", -1, &st, NULL) != SQLITE_OK) return 0;
    sqlite3_bind_int64(st, 1, id);
    yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

/* The databases and base keys a delete under k touches: for HKCR both
 * Software\Classes keys (user first), else k's own. */
static LONG delete_common(HKEY hKey, LPCWSTR lpSubKey, int tree)
{
    struct HKEY__ *k = key_from(hKey);
    LONG result = ERROR_FILE_NOT_FOUND;
    int i;
    if (!k) return ERROR_INVALID_HANDLE;
    if (!tree && !lpSubKey) return ERROR_INVALID_PARAMETER;
    if (!tree && !*lpSubKey) return ERROR_ACCESS_DENIED;
    comrt__reg_lock();
    for (i = 0; i < 2; i++) {
        int which = k->hive == HIVE_CLASSES ? i : k->hive;
        sqlite3 *db = NULL;
        sqlite3_int64 base = k->id, id = 0;
        WCHAR *full = NULL;
        LONG r;
        if (k->hive != HIVE_CLASSES && i == 1) break;
        r = comrt__reg_db(which, 0, &db);
        if (r != ERROR_SUCCESS) { result = r; break; }
        if (k->hive == HIVE_CLASSES) {
            full = classes_path(k->path);
            if (!full) { result = ERROR_NOT_ENOUGH_MEMORY; break; }
            base = 0;
        } else if (!key_alive(db, k->id)) {
            result = ERROR_KEY_DELETED;
            break;
        }
        if (!db || (full && walk_path(db, 0, full, 0, &base, NULL) != ERROR_SUCCESS) ||
            walk_path(db, base, lpSubKey, 0, &id, NULL) != ERROR_SUCCESS) {
            free(full);
            continue;
        }
        free(full);
        if (!tree && has_children(db, id)) { result = ERROR_ACCESS_DENIED; break; }
        r = comrt__reg_tx_begin(which, &db);
        if (r != ERROR_SUCCESS) { result = r; break; }
        r = delete_subtree(db, id, tree && (!lpSubKey || !*lpSubKey));
        result = comrt__reg_tx_end(which, r);
        if (result != ERROR_SUCCESS) break;
        if (k->hive == HIVE_CLASSES && !tree) break; /* one key per RegDeleteKey, as Windows */
    }
    comrt__reg_unlock();
    return result;
}

LONG RegDeleteKeyW(HKEY hKey, LPCWSTR lpSubKey)
{
    return delete_common(hKey, lpSubKey, 0);
}

LONG RegDeleteTreeW(HKEY hKey, LPCWSTR lpSubKey)
{
    return delete_common(hKey, lpSubKey, 1);
}

/* ---- values -------------------------------------------------------------- */

static int is_string_type(DWORD t)
{
    return t == REG_SZ || t == REG_EXPAND_SZ || t == REG_MULTI_SZ;
}

static LONG set_value(HKEY hKey, LPCWSTR lpValueName, DWORD dwType, const BYTE *lpData, DWORD cbData,
                      int add_terminator);

LONG RegSetValueExW(HKEY hKey, LPCWSTR lpValueName, DWORD Reserved, DWORD dwType, const BYTE *lpData,
                    DWORD cbData)
{
    (void)Reserved;
    return set_value(hKey, lpValueName, dwType, lpData, cbData, 1);
}

LONG comrt__reg_set_value_exact(HKEY hKey, LPCWSTR lpValueName, DWORD dwType, const BYTE *lpData, DWORD cbData)
{
    return set_value(hKey, lpValueName, dwType, lpData, cbData, 0);
}

static LONG set_value(HKEY hKey, LPCWSTR lpValueName, DWORD dwType, const BYTE *lpData, DWORD cbData,
                      int add_terminator)
{
    struct HKEY__ *k = key_from(hKey);
    LONG result;
    int which = 0;
    sqlite3 *db = NULL;
    sqlite3_int64 id = 0;
    sqlite3_stmt *st = NULL;
    char *name = NULL, *folded = NULL;
    const WCHAR *vn = lpValueName ? lpValueName : u"";
    size_t vlen = comrt__utf16_len(vn);
    if (!k) return ERROR_INVALID_HANDLE;
    if (!(k->sam & KEY_SET_VALUE)) return ERROR_ACCESS_DENIED;
    if (!lpData && cbData) return ERROR_NOACCESS;
    if (cbData > COMRT_REG_MAX_DATA || vlen > COMRT_REG_MAX_VALUE_NAME) return ERROR_INVALID_PARAMETER;
    /* A string given without its terminator but followed by one gets it
     * counted, as NT does (reading one unit past cbData, as NT does: the
     * .reg importer, whose buffers end at cbData, sets values exactly). */
    if (add_terminator && is_string_type(dwType) && cbData >= sizeof(WCHAR) && cbData % sizeof(WCHAR) == 0) {
        const WCHAR *w = (const WCHAR *)(const void *)lpData;
        size_t n = cbData / sizeof(WCHAR);
        if (w[n - 1] && !w[n]) cbData += sizeof(WCHAR);
    }
    result = name_utf8(vn, vlen, &name, &folded);
    if (result != ERROR_SUCCESS) return result;
    comrt__reg_lock();
    result = key_write_begin(k, &which, &db, &id);
    if (result != ERROR_SUCCESS) goto out;
    result = ERROR_REGISTRY_IO_FAILED;
    /* An existing value keeps its name's case and its place in the order. */
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO vals(key,name,name_folded,type,data) VALUES(?,?,?,?,?)"
                           " ON CONFLICT(key,name_folded) DO UPDATE SET type=excluded.type, data=excluded.data",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, folded, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, dwType);
        sqlite3_bind_blob(st, 5, cbData ? (const void *)lpData : "", (int)cbData, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_DONE) result = ERROR_SUCCESS;
    }
    sqlite3_finalize(st);
    if (result == ERROR_SUCCESS) touch_key(db, id);
    result = comrt__reg_tx_end(which, result);
out:
    comrt__reg_unlock();
    free(name);
    free(folded);
    return result;
}

/* A value read out of the database (malloc'd fields). */
typedef struct {
    char *name;
    DWORD type;
    BYTE *data;
    DWORD size;
} regval;

static void regval_free(regval *v)
{
    free(v->name);
    free(v->data);
    memset(v, 0, sizeof *v);
}

static LONG row_to_val(sqlite3_stmt *st, regval *out)
{
    const void *blob = sqlite3_column_blob(st, 2);
    int size = sqlite3_column_bytes(st, 2);
    const unsigned char *nm = sqlite3_column_text(st, 0);
    if (size < 0 || (unsigned)size > COMRT_REG_MAX_DATA) return ERROR_REGISTRY_CORRUPT;
    out->name = strdup(nm ? (const char *)nm : "");
    out->type = (DWORD)sqlite3_column_int64(st, 1);
    out->size = (DWORD)size;
    out->data = malloc(size ? (size_t)size : 1);
    if (!out->name || !out->data) {
        regval_free(out);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    if (size) memcpy(out->data, blob, (size_t)size);
    return ERROR_SUCCESS;
}

/* Looks a value up in the views of k (first one that has it wins). */
static LONG value_find(const struct HKEY__ *k, const WCHAR *vname, regval *out)
{
    view v[2];
    int n, i;
    char *name = NULL, *folded = NULL;
    const WCHAR *vn = vname ? vname : u"";
    LONG result = key_views(k, v, &n);
    if (result != ERROR_SUCCESS) return result;
    result = name_utf8(vn, comrt__utf16_len(vn), &name, &folded);
    if (result != ERROR_SUCCESS) return result;
    result = ERROR_FILE_NOT_FOUND;
    for (i = 0; i < n && result == ERROR_FILE_NOT_FOUND; i++) {
        sqlite3_stmt *st;
        int rc;
        if (sqlite3_prepare_v2(v[i].db, "SELECT name,type,data FROM vals WHERE key=? AND name_folded=?", -1, &st,
                               NULL) != SQLITE_OK) {
            result = ERROR_REGISTRY_IO_FAILED;
            break;
        }
        sqlite3_bind_int64(st, 1, v[i].id);
        sqlite3_bind_text(st, 2, folded, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) result = row_to_val(st, out);
        else if (rc != SQLITE_DONE) result = ERROR_REGISTRY_IO_FAILED;
        sqlite3_finalize(st);
    }
    free(name);
    free(folded);
    return result;
}

LONG RegQueryValueExW(HKEY hKey, LPCWSTR lpValueName, LPDWORD lpReserved, LPDWORD lpType, LPBYTE lpData,
                      LPDWORD lpcbData)
{
    struct HKEY__ *k = key_from(hKey);
    regval v = {0};
    LONG result;
    if (!k) return ERROR_INVALID_HANDLE;
    if (lpReserved) return ERROR_INVALID_PARAMETER;
    if (lpData && !lpcbData) return ERROR_INVALID_PARAMETER;
    if (!(k->sam & KEY_QUERY_VALUE)) return ERROR_ACCESS_DENIED;
    comrt__reg_lock();
    result = value_find(k, lpValueName, &v);
    comrt__reg_unlock();
    if (result != ERROR_SUCCESS) goto out;
    if (lpType) *lpType = v.type;
    if (lpData && *lpcbData < v.size) result = ERROR_MORE_DATA;
    else if (lpData) memcpy(lpData, v.data, v.size);
    if (lpcbData) *lpcbData = v.size;
out:
    regval_free(&v);
    return result;
}

/* Expands %NAME% references from the environment into a new UTF-16 string
 * (the REG_EXPAND_SZ rule; unknown names stay as written).  Returns the
 * size in bytes including the terminator. */
static LONG expand_env(const WCHAR *s, size_t len, WCHAR **out, DWORD *cb)
{
    size_t cap = len + 1, n = 0, i = 0;
    WCHAR *o = malloc(cap * sizeof(WCHAR));
    LONG result = ERROR_NOT_ENOUGH_MEMORY;
    if (!o) goto out;
    while (i < len && s[i]) {
        const WCHAR *piece = s + i;
        size_t plen = 1, j;
        WCHAR *exp = NULL;
        if (s[i] == '%') {
            for (j = i + 1; j < len && s[j] && s[j] != '%'; j++) {}
            if (j < len && s[j] == '%' && j > i + 1) {
                char *name = malloc(comrt__utf16_to_utf8(s + i + 1, j - i - 1, NULL, 0) + 1);
                const char *val;
                if (!name) goto out;
                name[comrt__utf16_to_utf8(s + i + 1, j - i - 1, name, j - i - 1 + 3 * (j - i - 1))] = 0;
                val = getenv(name);
                free(name);
                if (val) {
                    exp = utf16_from(val, &plen);
                    if (!exp) goto out;
                    piece = exp;
                } else {
                    plen = j - i + 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        } else {
            i++;
        }
        if (n + plen + 1 > cap) {
            WCHAR *no;
            while (n + plen + 1 > cap) cap *= 2;
            if (cap * sizeof(WCHAR) > COMRT_REG_MAX_DATA) { free(exp); result = ERROR_MORE_DATA; goto out; }
            no = realloc(o, cap * sizeof(WCHAR));
            if (!no) { free(exp); goto out; }
            o = no;
        }
        memcpy(o + n, piece, plen * sizeof(WCHAR));
        n += plen;
        free(exp);
    }
    o[n] = 0;
    *out = o;
    *cb = (DWORD)((n + 1) * sizeof(WCHAR));
    o = NULL;
    result = ERROR_SUCCESS;
out:
    free(o);
    return result;
}

/* The RRF_RT_* bit a value type passes. */
static DWORD rrf_bit(DWORD type)
{
    switch (type) {
    case REG_NONE: return RRF_RT_REG_NONE;
    case REG_SZ: return RRF_RT_REG_SZ;
    case REG_EXPAND_SZ: return RRF_RT_REG_EXPAND_SZ;
    case REG_BINARY: return RRF_RT_REG_BINARY;
    case REG_DWORD: return RRF_RT_REG_DWORD;
    case REG_MULTI_SZ: return RRF_RT_REG_MULTI_SZ;
    case REG_QWORD: return RRF_RT_REG_QWORD;
    default: return 0;
    }
}

LONG RegGetValueW(HKEY hkey, LPCWSTR lpSubKey, LPCWSTR lpValue, DWORD dwFlags, LPDWORD pdwType, PVOID pvData,
                  LPDWORD pcbData)
{
    HKEY sub = NULL;
    struct HKEY__ *k;
    regval v = {0};
    LONG result;
    DWORD type = REG_NONE, need = 0, cb_in = pcbData ? *pcbData : 0;
    const BYTE *src = NULL;
    WCHAR *expanded = NULL;
    int got_value = 0;

    if (pvData && !pcbData) return ERROR_INVALID_PARAMETER;
    /* Asking for REG_EXPAND_SZ alone makes sense only without expansion. */
    if ((dwFlags & RRF_RT_ANY) == RRF_RT_REG_EXPAND_SZ && !(dwFlags & RRF_NOEXPAND)) return ERROR_INVALID_PARAMETER;
    if (lpSubKey && *lpSubKey) {
        result = RegOpenKeyExW(hkey, lpSubKey, 0, KEY_QUERY_VALUE, &sub);
        if (result != ERROR_SUCCESS) return result;
        hkey = sub;
    }
    k = key_from(hkey);
    if (!k) { result = ERROR_INVALID_HANDLE; goto out; }
    if (!(k->sam & KEY_QUERY_VALUE)) { result = ERROR_ACCESS_DENIED; goto out; }
    comrt__reg_lock();
    result = value_find(k, lpValue, &v);
    comrt__reg_unlock();
    if (result != ERROR_SUCCESS) goto report;
    got_value = 1;
    type = v.type;
    src = v.data;
    need = v.size;
    if (type == REG_EXPAND_SZ && !(dwFlags & RRF_NOEXPAND)) {
        result = expand_env((const WCHAR *)(const void *)v.data, v.size / sizeof(WCHAR), &expanded, &need);
        if (result != ERROR_SUCCESS) goto report;
        src = (const BYTE *)expanded;
        type = REG_SZ;
    } else if (is_string_type(type)) {
        /* Strings come back terminated even when stored without one. */
        const WCHAR *w = (const WCHAR *)(const void *)v.data;
        size_t n = v.size / sizeof(WCHAR);
        if (n == 0 || w[n - 1] != 0) need = (DWORD)((n + 1) * sizeof(WCHAR));
        else need = (DWORD)(n * sizeof(WCHAR));
    }
    if (!(rrf_bit(type) & dwFlags)) {
        result = ERROR_UNSUPPORTED_TYPE;
    } else if ((type == REG_BINARY && (dwFlags & (RRF_RT_REG_BINARY | RRF_RT_REG_DWORD | RRF_RT_REG_QWORD)) ==
                                          RRF_RT_DWORD && need != 4) ||
               (type == REG_BINARY && (dwFlags & (RRF_RT_REG_BINARY | RRF_RT_REG_DWORD | RRF_RT_REG_QWORD)) ==
                                          RRF_RT_QWORD && need != 8) ||
               (type == REG_DWORD && need != 4) || (type == REG_QWORD && need != 8)) {
        result = ERROR_DATATYPE_MISMATCH;
    } else if (pvData && cb_in < need) {
        result = ERROR_MORE_DATA;
    } else if (pvData) {
        DWORD copy = need;
        if (is_string_type(type) && src == v.data && v.size < need) {
            copy = v.size;
            memset((BYTE *)pvData + copy, 0, need - copy);
        }
        memcpy(pvData, src, copy);
    }
report:
    if (pdwType && (got_value || result == ERROR_FILE_NOT_FOUND)) *pdwType = type;
    if (pcbData && got_value) *pcbData = need;
    if (result != ERROR_SUCCESS && pvData && (dwFlags & RRF_ZEROONFAILURE) && cb_in) memset(pvData, 0, cb_in);
out:
    free(expanded);
    regval_free(&v);
    if (sub) RegCloseKey(sub);
    return result;
}

LONG RegDeleteValueW(HKEY hKey, LPCWSTR lpValueName)
{
    struct HKEY__ *k = key_from(hKey);
    const WCHAR *vn = lpValueName ? lpValueName : u"";
    char *name = NULL, *folded = NULL;
    LONG result;
    int i, deleted = 0;
    if (!k) return ERROR_INVALID_HANDLE;
    if (!(k->sam & KEY_SET_VALUE)) return ERROR_ACCESS_DENIED;
    result = name_utf8(vn, comrt__utf16_len(vn), &name, &folded);
    if (result != ERROR_SUCCESS) return result;
    comrt__reg_lock();
    {
        view v[2];
        int n;
        result = key_views(k, v, &n);
        if (result != ERROR_SUCCESS) goto out;
        for (i = 0; i < n && !deleted; i++) {
            int which = k->hive;
            sqlite3 *db = NULL;
            sqlite3_stmt *st = NULL;
            LONG r;
            if (k->hive == HIVE_CLASSES) { /* which database is this view in? */
                sqlite3 *u = NULL;
                comrt__reg_db(COMRT_REGDB_USER, 0, &u);
                which = (v[i].db == u) ? COMRT_REGDB_USER : COMRT_REGDB_MACHINE;
            }
            r = comrt__reg_tx_begin(which, &db);
            if (r != ERROR_SUCCESS) { result = r; goto out; }
            r = ERROR_REGISTRY_IO_FAILED;
            if (sqlite3_prepare_v2(db, "DELETE FROM vals WHERE key=? AND name_folded=?", -1, &st, NULL) == SQLITE_OK) {
                sqlite3_bind_int64(st, 1, v[i].id);
                sqlite3_bind_text(st, 2, folded, -1, SQLITE_STATIC);
                if (sqlite3_step(st) == SQLITE_DONE) {
                    r = ERROR_SUCCESS;
                    deleted = sqlite3_changes(db) > 0;
                    if (deleted) touch_key(db, v[i].id);
                }
            }
            sqlite3_finalize(st);
            r = comrt__reg_tx_end(which, r);
            if (r != ERROR_SUCCESS) { result = r; goto out; }
        }
        result = deleted ? ERROR_SUCCESS : ERROR_FILE_NOT_FOUND;
    }
out:
    comrt__reg_unlock();
    free(name);
    free(folded);
    return result;
}

/* ---- enumeration --------------------------------------------------------- */

/* Name (UTF-8, malloc'd) and last-write time of subkey `index` of the merged
 * views, in Windows' order (by upper-cased name); user keys shadow machine
 * keys of the same name. */
static LONG enum_key_at(const view *v, int n, DWORD index, char **name, sqlite3_int64 *ft)
{
    sqlite3_stmt *st[2] = {NULL, NULL};
    int state[2] = {SQLITE_DONE, SQLITE_DONE}, i;
    DWORD pos = 0;
    LONG result = ERROR_NO_MORE_ITEMS;
    for (i = 0; i < n; i++) {
        if (sqlite3_prepare_v2(v[i].db,
                               "SELECT name, name_folded, last_write FROM keys WHERE parent=? ORDER BY name_folded",
                               -1, &st[i], NULL) != SQLITE_OK) {
            result = ERROR_REGISTRY_IO_FAILED;
            goto out;
        }
        sqlite3_bind_int64(st[i], 1, v[i].id);
        state[i] = sqlite3_step(st[i]);
    }
    for (;;) {
        int pick, cmp;
        if (state[0] != SQLITE_ROW && state[1] != SQLITE_ROW) break;
        if (state[1] != SQLITE_ROW) pick = 0, cmp = -1;
        else if (state[0] != SQLITE_ROW) pick = 1, cmp = 1;
        else {
            cmp = strcmp((const char *)sqlite3_column_text(st[0], 1), (const char *)sqlite3_column_text(st[1], 1));
            pick = cmp <= 0 ? 0 : 1;
        }
        if (pos == index) {
            const unsigned char *nm = sqlite3_column_text(st[pick], 0);
            *name = strdup(nm ? (const char *)nm : "");
            *ft = sqlite3_column_int64(st[pick], 2);
            result = *name ? ERROR_SUCCESS : (LONG)ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        pos++;
        if (cmp == 0) state[1] = sqlite3_step(st[1]);
        state[pick] = sqlite3_step(st[pick]);
    }
out:
    sqlite3_finalize(st[0]);
    sqlite3_finalize(st[1]);
    return result;
}

LONG RegEnumKeyExW(HKEY hKey, DWORD dwIndex, LPWSTR lpName, LPDWORD lpcchName, LPDWORD lpReserved,
                   LPWSTR lpClass, LPDWORD lpcchClass, FILETIME *lpftLastWriteTime)
{
    struct HKEY__ *k = key_from(hKey);
    view v[2];
    int n;
    char *name = NULL;
    WCHAR *w = NULL;
    size_t len = 0;
    sqlite3_int64 ft = 0;
    LONG result;
    if (!k) return ERROR_INVALID_HANDLE;
    if (!lpName || !lpcchName || lpReserved) return ERROR_INVALID_PARAMETER;
    if (!(k->sam & KEY_ENUMERATE_SUB_KEYS)) return ERROR_ACCESS_DENIED;
    comrt__reg_lock();
    result = key_views(k, v, &n);
    if (result == ERROR_SUCCESS) result = enum_key_at(v, n, dwIndex, &name, &ft);
    comrt__reg_unlock();
    if (result != ERROR_SUCCESS) goto out;
    w = utf16_from(name, &len);
    if (!w) { result = ERROR_NOT_ENOUGH_MEMORY; goto out; }
    if (len + 1 > *lpcchName) { result = ERROR_MORE_DATA; goto out; }
    memcpy(lpName, w, (len + 1) * sizeof(WCHAR));
    *lpcchName = (DWORD)len;
    if (lpcchClass) {
        if (lpClass && *lpcchClass) lpClass[0] = 0;
        *lpcchClass = 0;
    }
    if (lpftLastWriteTime) {
        lpftLastWriteTime->dwLowDateTime = (DWORD)((uint64_t)ft & 0xFFFFFFFFu);
        lpftLastWriteTime->dwHighDateTime = (DWORD)((uint64_t)ft >> 32);
    }
out:
    free(name);
    free(w);
    return result;
}

/* Value `index` of the merged views in insertion order: the user key's
 * values, then the machine key's that the user key does not shadow. */
static LONG enum_value_at(const view *v, int n, DWORD index, regval *out)
{
    DWORD pos = 0;
    int i;
    LONG result = ERROR_NO_MORE_ITEMS;
    for (i = 0; i < n && result == ERROR_NO_MORE_ITEMS; i++) {
        sqlite3_stmt *st = NULL;
        /* The machine key's names are checked against the user key's one by
         * one: the two live in different databases. */
        const char *sql = "SELECT name,type,data,name_folded FROM vals WHERE key=?1 ORDER BY rowid";
        int rc;
        if (sqlite3_prepare_v2(v[i].db, sql, -1, &st, NULL) != SQLITE_OK) return ERROR_REGISTRY_IO_FAILED;
        sqlite3_bind_int64(st, 1, v[i].id);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (i == 1) {
                sqlite3_stmt *chk = NULL;
                int shadowed = 0;
                if (sqlite3_prepare_v2(v[0].db, "SELECT 1 FROM vals WHERE key=? AND name_folded=?", -1, &chk,
                                       NULL) == SQLITE_OK) {
                    sqlite3_bind_int64(chk, 1, v[0].id);
                    sqlite3_bind_text(chk, 2, (const char *)sqlite3_column_text(st, 3), -1, SQLITE_TRANSIENT);
                    shadowed = sqlite3_step(chk) == SQLITE_ROW;
                }
                sqlite3_finalize(chk);
                if (shadowed) continue;
            }
            if (pos++ == index) {
                result = row_to_val(st, out);
                break;
            }
        }
        sqlite3_finalize(st);
    }
    return result;
}

LONG RegEnumValueW(HKEY hKey, DWORD dwIndex, LPWSTR lpValueName, LPDWORD lpcchValueName, LPDWORD lpReserved,
                   LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData)
{
    struct HKEY__ *k = key_from(hKey);
    view v[2];
    int n;
    regval val = {0};
    WCHAR *w = NULL;
    size_t len = 0;
    LONG result;
    if (!k) return ERROR_INVALID_HANDLE;
    if (!lpValueName || !lpcchValueName || lpReserved) return ERROR_INVALID_PARAMETER;
    if (lpData && !lpcbData) return ERROR_INVALID_PARAMETER;
    if (!(k->sam & KEY_QUERY_VALUE)) return ERROR_ACCESS_DENIED;
    comrt__reg_lock();
    result = key_views(k, v, &n);
    if (result == ERROR_SUCCESS) result = enum_value_at(v, n, dwIndex, &val);
    comrt__reg_unlock();
    if (result != ERROR_SUCCESS) goto out;
    w = utf16_from(val.name, &len);
    if (!w) { result = ERROR_NOT_ENOUGH_MEMORY; goto out; }
    if (len + 1 > *lpcchValueName) {
        /* advapi32 still reports the data size (and leaves the count) */
        if (lpType) *lpType = val.type;
        if (lpcbData) *lpcbData = val.size;
        result = ERROR_MORE_DATA;
        goto out;
    }
    memcpy(lpValueName, w, (len + 1) * sizeof(WCHAR));
    *lpcchValueName = (DWORD)len;
    if (lpType) *lpType = val.type;
    if (lpData && *lpcbData < val.size) result = ERROR_MORE_DATA;
    else if (lpData) memcpy(lpData, val.data, val.size);
    if (lpcbData) *lpcbData = val.size;
out:
    regval_free(&val);
    free(w);
    return result;
}

/* ---- paths (for .reg export) --------------------------------------------- */

LONG comrt__reg_key_path(HKEY hKey, WCHAR **out)
{
    static const char *root_names[3] = {"HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE", "HKEY_CLASSES_ROOT"};
    struct HKEY__ *k = key_from(hKey);
    char *text = NULL;
    size_t len;
    LONG result = ERROR_SUCCESS;
    WCHAR *w;
    if (!k) return ERROR_INVALID_HANDLE;
    text = strdup("");
    if (!text) return ERROR_NOT_ENOUGH_MEMORY;
    comrt__reg_lock();
    if (k->hive == HIVE_CLASSES) {
        free(text);
        len = comrt__utf16_to_utf8(k->path, comrt__utf16_len(k->path), NULL, 0);
        text = malloc(len + 2);
        if (!text) { result = ERROR_NOT_ENOUGH_MEMORY; goto out; }
        text[0] = '\\';
        text[1 + comrt__utf16_to_utf8(k->path, comrt__utf16_len(k->path), text + 1, len)] = 0;
        if (!len) text[0] = 0;
    } else {
        sqlite3 *db = NULL;
        sqlite3_int64 id = k->id;
        int guard = 0;
        result = comrt__reg_db(k->hive, 0, &db);
        if (result != ERROR_SUCCESS) goto out;
        while (id != 0) {
            sqlite3_stmt *st = NULL;
            char *joined;
            if (!db || ++guard > 100000 ||
                sqlite3_prepare_v2(db, "SELECT parent, name FROM keys WHERE id=?", -1, &st, NULL) != SQLITE_OK) {
                result = ERROR_KEY_DELETED;
                goto out;
            }
            sqlite3_bind_int64(st, 1, id);
            if (sqlite3_step(st) != SQLITE_ROW) {
                sqlite3_finalize(st);
                result = ERROR_KEY_DELETED;
                goto out;
            }
            joined = malloc(strlen((const char *)sqlite3_column_text(st, 1)) + strlen(text) + 2);
            if (!joined) {
                sqlite3_finalize(st);
                result = ERROR_NOT_ENOUGH_MEMORY;
                goto out;
            }
            sprintf(joined, "\\%s%s", (const char *)sqlite3_column_text(st, 1), text);
            id = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
            free(text);
            text = joined;
        }
    }
    {
        size_t rl = strlen(root_names[k->hive]), tl = strlen(text);
        char *full = malloc(rl + tl + 1);
        if (!full) { result = ERROR_NOT_ENOUGH_MEMORY; goto out; }
        memcpy(full, root_names[k->hive], rl);
        memcpy(full + rl, text, tl + 1);
        w = utf16_from(full, NULL);
        free(full);
        if (!w) { result = ERROR_NOT_ENOUGH_MEMORY; goto out; }
        *out = w;
    }
out:
    comrt__reg_unlock();
    free(text);
    return result;
}
